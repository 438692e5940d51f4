"""Export: an abstract's paragraphs and an ideographic space survive RIS and EndNote.

The RIS and EndNote writers put every value on one line with its whitespace squeezed, so a
paragraph break (``\\n``) became a space and U+3000 (CNKI's between a yearbook's chapter and
its table, ``统计年鉴　第一章``) an ASCII space; CSL-JSON and CSV kept both.  Now an abstract is
written a paragraph a line (the others untagged, as a note's lines are and as Zotero's RIS
writes an abstract), and the readers read an abstract's lines as its paragraphs when each line
but the last ends a sentence (or is a heading) and none is indented, else as the abstract wrapped."""
from __future__ import annotations

import json

import pytest

from conftest import needs_shared, read_back, records_of, rendered

TWO = "First paragraph ends here.\nSecond paragraph starts here."


@pytest.fixture
def records(tmp_path) -> list[dict]:
    """As the QA report gave them: para.json's abstract, ws.ris's title."""
    src = tmp_path / "para.json"
    src.write_text(json.dumps([{"id": "p1", "type": "article-journal", "title": "统计年鉴\u3000第一章 综合",
                                "author": [{"family": "Smith", "given": "John"}], "container-title": "J Test",
                                "issued": {"date-parts": [[2020]]}, "abstract": TWO}], ensure_ascii=False),
                   encoding="utf-8")
    return records_of(src)


@pytest.mark.parametrize("fmt, tag", [("ris", "AB  - "), ("endnote", "%X ")])
def test_paragraphs_and_ideographic_space_come_back(records, tmp_path, fmt, tag):
    text = rendered(records, fmt)
    assert f"{tag}First paragraph ends here.\nSecond paragraph starts here.\n" in text
    assert "统计年鉴\u3000第一章 综合" in text
    back = read_back(text, fmt, tmp_path)
    assert next(iter(back[0]["abstract"].values())) == TWO
    assert next(iter(back[0]["title"].values())) == "统计年鉴\u3000第一章 综合"


def test_zoteros_abstract_lines_are_paragraphs_a_wrapped_abstracts_are_not(tmp_path):
    """Zotero's RIS writes an abstract's paragraphs a line each, each ending a sentence or a
    heading (``OBJECTIVE``); an abstract with a line ending mid-sentence (or at an abbreviation)
    is wrapped, all its lines joined as before, even those after a full stop (a wrap may fall
    there too)."""
    ris = tmp_path / "z.ris"
    ris.write_text("TY  - JOUR\nTI  - A\nAB  - Background: dogs were seen.\nResults: most were well (Smith et al.\n"
                   "2019).\nER  - \nTY  - JOUR\nTI  - Z\nAB  - Background: dogs were seen.\n"
                   "Results: most were well in 2019 (spp.).\nConclusions: none.\nER  - \nTY  - JOUR\nTI  - H\n"
                   "AB  - OBJECTIVE\nTo see dogs.\nMaterials and Methods:\n12 dogs.\nER  - \n", encoding="utf-8")
    enw = tmp_path / "z.enw"
    enw.write_text("%0 Journal Article\n%T B\n%X 目的：探讨影响。\n方法：将小鼠随机分为两组，\n灌胃给药四周。\n\n"
                   "%0 Journal Article\n%T C\n%X 目的：探讨影响。\n方法：灌胃给药四周。\n", encoding="utf-8")
    wrapped, zotero, headed = records_of(ris)
    assert wrapped["abstract"] == {"en": "Background: dogs were seen. Results: most were well (Smith et al. 2019)."}
    assert zotero["abstract"] == {"en": "Background: dogs were seen.\nResults: most were well in 2019 (spp.).\n"
                                        "Conclusions: none."}
    assert headed["abstract"] == {"en": "OBJECTIVE\nTo see dogs.\nMaterials and Methods:\n12 dogs."}
    assert [r["abstract"] for r in records_of(enw)] == [{"zh": "目的：探讨影响。方法：将小鼠随机分为两组，灌胃给药四周。"},
                                                         {"zh": "目的：探讨影响。\n方法：灌胃给药四周。"}]


def test_an_abstract_wrapped_at_a_width_has_no_paragraphs(tmp_path):
    """Ovid's abstract (or one wrapped by hand) at a fixed width, its lines indented: a wrap
    falling after a full stop is not a paragraph; nor in a field whose lines are not indented but
    one ends mid-sentence, or at an abbreviation ("S. aureus spp.")."""
    ris = tmp_path / "wrap.ris"
    ris.write_text("TY  - JOUR\nTI  - Effect of metformin\nAB  - We enrolled 120 adolescents in a trial.\n"
                   "      Metformin reduced body mass index by 1.2 units compared with placebo\n"
                   "      at 6 months. Adverse events were mild.\n      These findings support metformin.\nER  - \n"
                   "TY  - JOUR\nTI  - Plain\nAB  - We enrolled 120 adolescents.\nMetformin reduced weight\n"
                   "at 6 months.\nER  - \nTY  - JOUR\nTI  - Spp\nAB  - Isolates of Staphylococcus spp.\n"
                   "were typed.\nER  - \n", encoding="utf-8")
    assert [r["abstract"]["en"] for r in records_of(ris)] == [
        "We enrolled 120 adolescents in a trial. Metformin reduced body mass index by 1.2 units compared with "
        "placebo at 6 months. Adverse events were mild. These findings support metformin.",
        "We enrolled 120 adolescents. Metformin reduced weight at 6 months.",
        "Isolates of Staphylococcus spp. were typed."]


@pytest.mark.parametrize("fmt", ["ris", "endnote"])
def test_cnki_thesis_abstract_in_paragraphs_comes_back(tmp_path, fmt):
    """cnki-endnote-08: a thesis's abstract in two paragraphs (blank lines between, as CNKI writes them)."""
    rec = records_of(needs_shared("corpus", "formats", "cnki-endnote", "cnki-endnote-08.txt"))[0]
    abstract = next(iter(rec["abstract"].values()))
    assert abstract.count("\n") == 1
    back = read_back(rendered([rec], fmt), fmt, tmp_path)
    assert back[0]["abstract"] == rec["abstract"]


def test_a_long_abstract_is_asked_of_its_lines_end_only(tmp_path, monkeypatch):
    """Whether a line ends a sentence is asked of the value's end, not of all of it read so far:
    an abstract of 20,000 wrapped lines took a minute to read (the regexes searched it all once a
    line), 4 s before paragraphs were read."""
    from indexer.readers import _tagged_stream

    scanned = []

    class Scanning:   # the module's pattern, counting the characters a search is given
        def __init__(self, pattern):
            self.pattern = pattern

        def search(self, text, pos=0):
            scanned.append(len(text) - pos)
            return self.pattern.search(text, pos)

    for name in ("_SENTENCE_END", "_ABBREVIATION"):
        monkeypatch.setattr(_tagged_stream, name, Scanning(getattr(_tagged_stream, name)))
    ris = tmp_path / "big.ris"
    ris.write_text("TY  - JOUR\nTI  - Big\nAB  - start of a long abstract\n"
                   + "word word word word word word word word word, and\n" * 300 + "ER  - \n", encoding="utf-8")
    abstract = records_of(ris)[0]["abstract"]["en"]
    assert abstract.startswith("start of a long abstract word word") and "\n" not in abstract
    assert scanned and max(scanned) <= 64
