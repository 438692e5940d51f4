"""Two reader defects found on real exports.

A UTF-8 PubMed export whose only letters beyond ASCII are Greek (TNF-α, IL-1β, λ) is valid
GBK too, and was read so: ``TGFβRII`` became ``TGF尾RII``, its language zh.  A few GBK
characters are valid UTF-8 (摘要 reads ժҪ) and are still read as GBK.

Zotero's BibTeX export writes ``<`` and ``>`` as ``{\\textless}`` and ``{\\textgreater}``; the
reader dropped them, and ``(P {\\textless} .001)`` became ``(P .001)``."""
from __future__ import annotations

import re

import pytest

from conftest import cleaned, needs_shared, records_of
from indexer.readers.bibtex import latex_to_unicode
from indexer.readers.decode import decode_bytes

# the reported file: four Greek letters (five or more were told by the common-character check)
GREEK_RIS = "TY  - JOUR\nTI  - TNF-α and IL-1β in serum\nLA  - eng\nAB  - Levels of TNF-α,IL-1β rose.\nER  - \n"


def test_a_utf8_export_whose_only_non_ascii_is_greek_stays_utf8(tmp_path):
    path = tmp_path / "greek.ris"
    path.write_bytes(GREEK_RIS.encode("utf-8"))
    (rec,) = cleaned(path)
    assert rec["title"] == {"en": "TNF-α and IL-1β in serum"}
    assert rec["abstract"]["en"].startswith("Levels of TNF-α")
    assert (rec["language"], rec["extra"]["encoding"]) == ("en", "utf-8")


@pytest.mark.parametrize("text", [
    "TI  - TNF-α and IL-1β in serum",       # 伪 and 尾 in GBK
    "TI  - Emission at λ = 532 nm",          # 位, one of the common characters of Chinese
    "TI  - αβ and γδ T cells",               # letters side by side
    "TI  - Dose of 5 μg ± 0.2, at 37 °C and ×40, in Müller cells: Ω",   # with Latin-1 signs and accents
])
def test_greek_letters_are_not_taken_for_gbk(text):
    data = text.encode("utf-8")
    assert data.decode("gb18030")           # valid GBK too: why it was read so
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding) == (text, "utf-8")


@pytest.mark.parametrize("text", ["TI  - 摘要", "委员", "TI  - 学位"])   # ժҪ, ίԱ, ѧλ (λ beside a Cyrillic letter)
def test_gbk_that_is_valid_utf8_is_still_gbk(text):
    data = text.encode("gbk")
    data.decode("utf-8")                    # valid UTF-8 (ժҪ): the case this guards
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding) == (text, "gb18030")


def test_pubmed_records_with_greek_letters_stay_utf8(tmp_path):
    # records of the shared PubMed export whose only non-ASCII is Greek, each alone in a file
    # (19 of 32 such were read as GBK)
    export = needs_shared("corpus", "search", "en_pubmed.ris").read_text(encoding="utf-8")
    records = [r for r in re.split(r"(?m)^(?=TY  - )", export) if not r.isascii()]
    greek = [r for r in records if all("\u0391" <= c <= "\u03c9" for c in r if not c.isascii())][:40]
    assert len(greek) >= 20
    for i, text in enumerate(greek):
        (tmp_path / f"{i:02}.ris").write_text(text.rstrip("\n") + "\n", encoding="utf-8")
    recs = records_of(tmp_path)
    assert len(recs) == len(greek)
    assert {r["extra"]["encoding"] for r in recs} == {"utf-8"}
    assert all(r["language"] == "en" for r in recs)


def test_text_symbols_zotero_and_jabref_write():
    cases = {
        r"(P {\textless} .001) and heavier ({\textgreater}20 kg)": "(P < .001) and heavier (>20 kg)",
        r"Risk \textgreater{}2-fold, {\textbar}x{\textbar}": "Risk >2-fold, |x|",
        r"5 {\textpm} 1 {\textmu}m {\texttimes} 3 at 37{\textdegree}C": "5 ± 1 µm × 3 at 37°C",
        r"a {\textbullet} b {\textendash} c {\textemdash} d{\textellipsis}": "a • b – c — d…",
        r"{\textquotedblleft}q{\textquotedblright} {\textsection}2 {\textonehalf}": "“q” §2 ½",
        # written characters, as \textbackslash is: never math, a subscript, a group or a quote
        r"a\textunderscore{}b \textdollar 5 {\textbraceleft}x{\textbraceright}": "a_b $5 {x}",
        r"5{\textquotesingle}{\textquotesingle} and {\textasciitilde}3": "5'' and ~3",
    }
    assert {k: latex_to_unicode(k) for k in cases} == cases


def test_the_reported_bibtex_file(tmp_path):
    bib = tmp_path / "lt.bib"
    bib.write_text("@article{a,\n  title = {Risk {\\textgreater}2-fold in dogs},\n  year = {2020},\n"
                   "  abstract = {Affected dogs were older (P {\\textless} .001) and heavier "
                   "({\\textgreater}20 kg); P {\\textless} .05. Temperature was 37 {\\textasciitilde} 38.}\n}\n",
                   encoding="utf-8")
    (rec,) = cleaned(bib)
    assert rec["title"] == {"en": "Risk >2-fold in dogs"}
    assert rec["abstract"]["en"] == ("Affected dogs were older (P < .001) and heavier (>20 kg); P < .05. "
                                     "Temperature was 37 ~ 38.")


def test_zotero_bibtex_reads_as_its_ris_twin():
    # the same 1000 records exported by Zotero as BibTeX and as RIS: the 143 with < or >
    # have the same titles and abstracts from both
    folder = needs_shared("corpus", "formats", "mixed-exports")
    bib_text = (folder / "zotero_export.bib").read_text(encoding="utf-8")
    escaped = [i for i, entry in enumerate(bib_text.split("\n@")) if "{\\textless}" in entry or "{\\textgreater}" in entry]
    bib, ris = records_of(folder / "zotero_export.bib"), records_of(folder / "zotero_export.ris")
    assert len(bib) == len(ris) == 1000 and len(escaped) == 143
    # (the RIS keeps the paragraphs Zotero writes a line each; to BibTeX a line break is a space)
    def lines_joined(abstract: dict) -> dict:
        return {lang: " ".join(text.split("\n")) for lang, text in abstract.items()}

    assert [(bib[i]["title"], bib[i]["abstract"]) for i in escaped] == [(ris[i]["title"], lines_joined(ris[i]["abstract"]))
                                                                      for i in escaped]
