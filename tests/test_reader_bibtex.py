"""BibTeX reader: LaTeX escapes are the characters they stand for, never math or markup.

This project's BibTeX writer (indexer.export.bibtex.escape) writes ``$`` as ``\\$``, ``_`` as
``\\_``, ``\\`` as ``\\textbackslash{}``, ``~`` as ``\\textasciitilde{}`` …; the reader took the
escaped ``\\$`` for math delimiters (``x_2`` became x₂) and let ``\\textbackslash{}`` eat the text
after it.  Real math (``$x_2$``, ``$\\alpha$``) is decoded as before."""
from __future__ import annotations

import io

import pytest

from conftest import clean_items, cleaned
from indexer.cleaner import clean_paths
from indexer.export import export
from indexer.readers.bibtex import latex_to_unicode
from indexer.record import Failure

# literal titles, as a record holds them: every character the writer escapes, and a Chinese title
NASTY = [
    "Price $x_2$ under \\alpha",
    "C:\\Users\\n",
    "100% & #1 {set} ~x^2",
    "a -- b",
    "a --- b, ``q'' and '''x'''",   # TeX joins these: --- is -{}-{}- (it was -{}--, a hyphen and an en dash)
    "价格指数$P_t$与通货膨胀：基于100%样本的分析",
    "Cost of $5 and $10_a, written \\$ and \\{ and \\textbackslash{} in TeX",
]


def _records(path) -> list[dict]:
    return [r.to_json() for r in clean_paths([str(path)]) if not isinstance(r, Failure)]


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex"])
def test_escaped_titles_read_back_as_written(fmt, tmp_path):
    ris = tmp_path / "nasty.ris"
    ris.write_text("".join(f"TY  - JOUR\nTI  - {t}\nAU  - Smith, John\nPY  - 2020\nER  - \n\n" for t in NASTY),
                   encoding="utf-8")
    records = _records(ris)
    assert [next(iter(r["title"].values())) for r in records] == NASTY     # the RIS reader keeps them
    out = io.StringIO()
    assert export(records, fmt, out) == len(NASTY)
    assert "\\$x\\_2\\$" in out.getvalue() and "\\textbackslash{}Users" in out.getvalue()
    bib = tmp_path / "back.bib"
    bib.write_text(out.getvalue(), encoding="utf-8")
    back = _records(bib)
    assert [r["title"] for r in back] == [r["title"] for r in records]


def test_escapes_each_decode_to_their_character():
    cases = {
        r"\$": "$", r"\_": "_", r"\%": "%", r"\&": "&", r"\#": "#", r"\{": "{", r"\}": "}",
        r"\textbackslash{}": "\\", r"\textasciitilde{}": "~", r"\textasciicircum{}": "^", "-{}-": "--",
        r"C:\textbackslash{}Users": "C:\\Users", r"\textbackslash{}n newline": "\\n newline",
        r"\$x\_2\$": "$x_2$", r"\$\alpha\$": "$α$", r"\$x\textasciicircum{}2\$": "$x^2$",
        r"a\textasciitilde{}b a~b": "a~b a b",      # a written tilde; an unescaped one is a tie
        r"$\{x\}$ and $\$5$": "{x} and $5",       # escapes inside math are characters too
    }
    assert {k: latex_to_unicode(k) for k in cases} == cases


def test_real_math_still_decodes():
    """As the reader decoded it before escapes were protected (this test passes on both)."""
    cases = {
        "$x_2$": "x₂", r"$\alpha$": "α",
        r"Growth of H$_2$O$_2$ at $10^{6}$ CFU, $\alpha$-helix": "Growth of H₂O₂ at 10⁶ CFU, α-helix",
        r"Actes du $4^{\textrm{ème}}$ Congrès": "Actes du 4ème Congrès",      # ../shared bibtex-07
        r"Production of $\Sigma^{0}$ Hyperon": "Production of Σ⁰ Hyperon",   # ../shared bibtex-23
        r"Po$_{eee}$t": "Poeeet",                                            # ../shared bibtex-19
    }
    assert {k: latex_to_unicode(k) for k in cases} == cases


def test_the_reported_file_through_the_cli(tmp_path, validate):
    bib = tmp_path / "escapes.bib"
    bib.write_text("@article{a, title = {Price \\$x\\_2\\$ here and \\textbackslash{}n newline, "
                   "C:\\textbackslash{}Users}, year = {2020}}\n"
                   "@article{b, title = {Real math: $x_2$ and $\\alpha$}, year = {2020}}\n", encoding="utf-8")
    result, (escaped, math), failures = clean_items(bib)
    assert result.returncode == 0 and not failures, result.stderr
    validate(escaped)
    assert escaped["title"] == {"en": "Price $x_2$ here and \\n newline, C:\\Users"}
    assert math["title"] == {"en": "Real math: x₂ and α"}


def test_crossref_gives_an_entry_what_it_lacks_of_the_entry_it_names(tmp_path):
    # DBLP writes a crossref for every paper in proceedings; BibTeX fills the paper's missing fields
    path = tmp_path / "dblp.bib"
    path.write_text("@inproceedings{a2, crossref={DBLP:conf/big/2019}, author={Zhang, Wei}, title={Child paper},"
                    " pages={5-9}}\n@proceedings{DBLP:conf/big/2019, title={Proceedings of the Big Conference},"
                    " year={2019}, publisher={ACM}, editor={Li, Ming}}\n", encoding="utf-8")
    child, parent = cleaned(path)
    assert (child["journal"], child["year"], child["pages"]) == ({"en": "Proceedings of the Big Conference"}, 2019, "5-9")
    assert (child["extra"]["publisher"], child["extra"]["editor"]) == (["ACM"], ["Li, Ming"])
    assert parent["title"] == {"en": "Proceedings of the Big Conference"}


def test_a_macro_not_defined_before_its_entry_is_named_in_an_issue(tmp_path):
    # BibTeX and biber (btparse) read @string in order: one defined after its use, or never, is
    # undefined there; its name was kept as the journal with no word of it
    path = tmp_path / "strlater.bib"
    path.write_text("@article{a1,\n  title = {First paper},\n  journal = jvim,\n  year = {2020}\n}\n\n"
                    "@string{jvim = \"Journal of Veterinary Internal Medicine\"}\n\n"
                    "@article{a2,\n  title = {Second paper},\n  journal = jvim # \" (Online)\",\n"
                    "  publisher = undefinedmacro,\n  month = aug,\n  year = {2021}\n}\n", encoding="utf-8")
    first, second = cleaned(path)
    assert first["journal"] == {"en": "jvim"}
    assert [i.split(": ", 2)[1:] for i in first["issues"]] == [[
        "journal = jvim", "no @string jvim before this entry (BibTeX and biber use a macro only after its "
        "@string): kept as the text 'jvim'"]]
    assert first["issues"][0].startswith(f"{path}:3: ")
    assert second["journal"] == {"en": "Journal of Veterinary Internal Medicine (Online)"}
    assert second["extra"]["publisher"] == ["undefinedmacro"]
    assert second["issues"] == [f"{path}:12: publisher = undefinedmacro: no @string undefinedmacro before this "
                                "entry (BibTeX and biber use a macro only after its @string): kept as the text "
                                "'undefinedmacro'"]    # (a month's name is no macro to define)


def test_a_field_written_twice_keeps_the_first_and_the_second_in_an_issue(tmp_path):
    # BibTeX: "Warning--I'm ignoring d1's extra "journal" field"; the second was dropped unsaid
    path = tmp_path / "dupfield.bib"
    path.write_text("@article{d1,\n  title = {Dup field paper},\n  journal = {Journal A},\n"
                    "  journal = {Journal B},\n  year = {2020},\n  year = {1999},\n  year = {2020},\n"
                    "  doi = {},\n  doi = {10.1000/x1},\n  funding_details = {NIH, R01 AI1},\n"
                    "  funding_details = {NSF, 1234}\n}\n", encoding="utf-8")
    rec, = cleaned(path)
    assert (rec["journal"], rec["year"], rec["doi"]) == ({"en": "Journal A"}, 2020, "10.1000/x1")
    assert rec["issues"] == [f"{path}:4: a second journal field, not read (BibTeX reads the first): 'Journal B'",
                             f"{path}:6: a second year field, not read (BibTeX reads the first): '1999'"]
    assert "R01 AI1" in str(rec["funding"]) and "1234" in str(rec["funding"])   # one a funder, as Scopus writes


def test_textsuperscript_and_textsubscript_are_raised_and_lowered_as_in_math():
    # Zotero and JabRef write 10⁵ as 10\textsuperscript{5}: its markup was dropped, and 10⁵ read "105"
    cases = {
        r"We observed 10\textsuperscript{5} cells": "We observed 10⁵ cells",
        r"Ca\textsuperscript{2+} and CO\textsubscript{2}": "Ca²⁺ and CO₂",
        r"x\textsuperscript{\textminus 1}": "x⁻¹",
        r"the 19\textsuperscript{th} century": "the 19th century",   # no superscript form: as math keeps it
    }
    assert {k: latex_to_unicode(k) for k in cases} == cases


def test_latex_spacing_commands_are_spaces(tmp_path):
    # Better BibTeX writes 45\,\% and 37\,{\textdegree}C: the backslash stayed in the text
    # ("45\,%"), and an export wrote it as \textbackslash{}
    cases = {
        r"45\,\% vs 20\%": "45 % vs 20%", r"37\,{\textdegree}C": "37 °C",
        r"a\;b \:c \>d, Dr.\ Smith": "a b c d, Dr. Smith", r"n\!m": "nm", "5~mm": "5 mm",
    }
    assert {k: latex_to_unicode(k) for k in cases} == cases
    bib = tmp_path / "spacing.bib"
    bib.write_text("@article{a, title = {Heat at 37\\,{\\textdegree}C}, year = {2020}}\n", encoding="utf-8")
    records = _records(bib)
    assert records[0]["title"] == {"en": "Heat at 37 °C"}
    out = io.StringIO()
    export(records, "bibtex", out)
    assert "textbackslash" not in out.getvalue()


def test_shortjournal_is_the_journals_abbreviation(tmp_path):
    # Better BibTeX writes Zotero's Journal Abbr as biblatex's shortjournal: it was kept only in
    # extra.bibtex_fields; it is read as RIS's JA/J2 are (the journal where no full name is given)
    bib = tmp_path / "bbt.bib"
    bib.write_text("@article{a, title = {One}, journaltitle = {The Lancet Diabetes \\& Endocrinology},"
                   " shortjournal = {Lancet Diabetes Endocrinol}, date = {2021}}\n"
                   "@article{b, title = {Two}, shortjournal = {Ann. Chir.}, year = {2021}}\n"
                   "@article{c, title = {Three}, journal = {J. Infect.}, fjournal = {Journal of Infection},"
                   " year = {2021}}\n", encoding="utf-8")
    one, two, three = _records(bib)
    assert one["journal"] == {"en": "The Lancet Diabetes & Endocrinology"}
    assert one["extra"]["journal_abbreviation"] == ["Lancet Diabetes Endocrinol"]
    assert "bibtex_fields" not in one["extra"]
    assert two["journal"] == {"en": "Ann. Chir."}
    assert three["journal"] == {"en": "Journal of Infection"} and three["extra"]["journal_abbreviation"] == ["J. Infect."]


def test_a_month_macro_with_its_day_is_that_day(tmp_path):
    # month = jan # "~15" (a macro, a tie, the day) was read as the month "1 15"
    bib = tmp_path / "day.bib"
    bib.write_text('@article{a, title = {One}, year = {2020}, month = jan # "~15"}\n'
                   '@article{b, title = {Two}, year = {2020}, month = mar}\n', encoding="utf-8")
    one, two = _records(bib)
    assert (one["year"], one["extra"]["month"], one["extra"]["date"]) == (2020, "1", ["2020-01-15"])
    assert two["extra"]["month"] == "3" and "date" not in two["extra"]


@pytest.mark.parametrize("field", ["annotation", "note", "annote"])
def test_a_note_line_pmid_is_the_pmid(tmp_path, field):
    # Better BibTeX's annotation = {PMID: …} (Zotero's Extra), or a note's line: the PMID, the note kept
    from conftest import records_of
    from indexer.fields.identifiers import pmid

    path = tmp_path / "bbt.bib"
    path.write_text("@article{smith2020, title = {T}, author = {Smith, John}, year = {2020},\n"
                    f"  {field} = {{PMID: 12345678\nRead twice}},\n"
                    "}\n@article{lee2020, title = {U}, author = {Lee, Kim}, year = {2020},\n"
                    f"  {field} = {{See PMID: 12345678 and 87654321}},\n}}\n", encoding="utf-8")
    rec, other = records_of(path)
    assert pmid(rec) == "12345678" and pmid(other) == ""
    kept = rec["extra"]["notes"] if field != "annotation" else [rec["extra"]["bibtex_fields"]["annotation"]]
    assert kept == ["PMID: 12345678\nRead twice"]


def test_a_wrapped_note_is_one_line_and_its_latex_read_whole(tmp_path):
    # a newline in a field is a space to BibTeX: a note an editor wrapped (its next line indented)
    # is one line, and a group or maths across the wrap is read whole; a line from the line's start
    # (as Zotero, JabRef and our export write a note's lines) or after a blank line stays a line
    path = tmp_path / "wrapped.bib"
    path.write_text("@article{a1, title = {T}, author = {Smith, John}, journal = {J Test}, year = {2020},\n"
                    "  note = {This is a long note that wraps\n    onto a second line and continues here.}\n}\n"
                    "@article{a2, title = {U}, author = {Lee, Kim}, journal = {J Test}, year = {2021},\n"
                    "  note = {See \\emph{the long\n    discussion} of $\\alpha +\n    \\beta$ here}\n}\n"
                    "@article{a3, title = {V}, author = {Roe, Rick}, journal = {J Test}, year = {2021},\n"
                    "  annote = {Read for chapter 2\nSecond reading: {DNA}\n\n    A paragraph\n    wrapped}\n}\n",
                    encoding="utf-8")
    one, two, three = _records(path)
    assert one["extra"]["notes"] == ["This is a long note that wraps onto a second line and continues here."]
    assert two["extra"]["notes"] == ["See the long discussion of α+ β here"]
    assert three["extra"]["notes"] == ["Read for chapter 2\nSecond reading: DNA\nA paragraph wrapped"]
    out = io.StringIO()
    export([one], "ris", out)   # one N1 line, no continuation line
    assert "N1  - This is a long note that wraps onto a second line and continues here.\n" in out.getvalue()


def test_a_single_dollar_in_a_note_opens_no_maths(tmp_path):
    # ``US$5000`` has no closing ``$``: LaTeX would complain, and a reader takes it as the sign, so
    # the note's next line is still a line (its PMID read), as latex_to_unicode pairs ``$``
    from indexer.fields.identifiers import pmid

    path = tmp_path / "dollar.bib"
    path.write_text("@article{a1, title = {T}, author = {Smith, John}, journal = {J Test}, year = {2020},\n"
                    "  note = {Funded with US$5000\nPMID: 12345678\nRead twice}\n}\n", encoding="utf-8")
    (rec,) = _records(path)
    assert rec["extra"]["notes"] == ["Funded with US$5000\nPMID: 12345678\nRead twice"]
    assert pmid(rec) == "12345678"


def test_latex_escapes_in_a_doi_or_url_are_their_characters(tmp_path):
    # Mendeley, DBLP and Better BibTeX write doi = {10.1016/j.jclepro.2019\_01\_001} and \& in a
    # URL: the backslash was kept (no such DOI), and written back it became %5C_ (10.1000/xyz%5c_123)
    path = tmp_path / "mend.bib"
    path.write_text("@article{Wang2019, author = {Wang, Li}, title = {{Green supply chain}}, year = {2019},\n"
                    "  doi = {10.1016/j.jclepro.2019\\_01\\_001},\n"
                    "  url = {http://www.example.com/path{\\_}with\\_underscores?a=1\\&b=2\\#x}\n}\n"
                    "@article{k2, title = {Other}, year = {2020}, url = {http://example.com/a\\b\\~c}}\n",
                    encoding="utf-8")
    rec, other = _records(path)
    assert rec["doi"] == "10.1016/j.jclepro.2019_01_001"
    assert rec["url"] == "http://www.example.com/path_with_underscores?a=1&b=2#x"
    assert other["url"] == "http://example.com/a\\b\\~c"    # a backslash of the link's own stays
    out = io.StringIO()
    export([rec], "bibtex", out)
    back = tmp_path / "back.bib"
    back.write_text(out.getvalue(), encoding="utf-8")
    assert [(r["doi"], r["url"]) for r in _records(back)] == [(rec["doi"], rec["url"])]


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex"])
def test_a_proceedings_booktitle_beside_its_translatedjournal_is_kept(fmt, tmp_path):
    # a bilingual conference paper is exported as booktitle (its own language) and translatedjournal
    # (the other): the reader took translatedjournal for the journal and dropped the booktitle
    path = tmp_path / "procs.bib"
    path.write_text("@inproceedings{k1,\n  title = {中国农业转基因生物研发进展},\n"
                    "  translatedtitle = {Progress of GMO research in China},\n  author = {{汪学军}},\n"
                    "  booktitle = {中国生物安全研讨会论文集},\n"
                    "  translatedjournal = {Proceedings of China Biosafety Seminar},\n  year = {2005},\n}\n",
                    encoding="utf-8")
    rec, = _records(path)
    assert rec["journal"] == {"zh": "中国生物安全研讨会论文集", "en": "Proceedings of China Biosafety Seminar"}
    out = io.StringIO()
    export([rec], fmt, out)
    assert "booktitle = {中国生物安全研讨会论文集}" in out.getvalue() and "translatedjournal" in out.getvalue()
    back = tmp_path / "back.bib"
    back.write_text(out.getvalue(), encoding="utf-8")
    assert [r["journal"] for r in _records(back)] == [rec["journal"]]


def test_a_field_name_starting_with_an_underscore_is_read_and_kept(tmp_path):
    """JabRef marks an entry with ``__markedentry = {[me:1]}``: a field name may start with "_", as
    BibTeX's own names may; the whole entry failed ("cannot read field at '__markedentry…'"). It
    is kept as other unknown fields are, and written back."""
    path = tmp_path / "jabref.bib"
    path.write_text("@Article{Smith2020,\n  author = {Smith, John},\n  title = {A study},\n  year = {2020},\n"
                    "  __markedentry = {[me:1]},\n  journal = {Journal of Testing},\n}\n", encoding="utf-8")
    rec, = cleaned(path)
    assert (rec["title"], rec["journal"]) == ({"en": "A study"}, {"en": "Journal of Testing"})
    assert rec["extra"]["bibtex_fields"] == {"__markedentry": "[me:1]"}
    out = io.StringIO()
    export([rec], "bibtex", out)
    assert "  __markedentry = {[me:1]},\n" in out.getvalue()
