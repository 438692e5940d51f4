"""Export: an abstract's paragraphs and an ideographic space survive RIS and EndNote.

The RIS and EndNote writers put every value on one line with its whitespace squeezed, so a
paragraph break (``\\n``) became a space and U+3000 (CNKI's between a yearbook's chapter and
its table, ``统计年鉴　第一章``) an ASCII space; CSL-JSON and CSV kept both.  Now an abstract is
written a paragraph a line (the others untagged, as a note's lines are and as Zotero's RIS
writes an abstract), and the readers read a line after one ending a sentence as the next
paragraph, a line after one ending mid-sentence as the line before wrapped."""
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


def test_zoteros_abstract_lines_are_paragraphs_a_wrapped_line_is_not(tmp_path):
    """Zotero's RIS writes an abstract's paragraphs a line each; a line ending mid-sentence (or at
    an abbreviation) is the line before wrapped, as before."""
    ris = tmp_path / "z.ris"
    ris.write_text("TY  - JOUR\nTI  - A\nAB  - Background: dogs were seen.\nResults: most were\n"
                   "well, as shown by Smith et al.\nin 2019.\nER  - \n", encoding="utf-8")
    enw = tmp_path / "z.enw"
    enw.write_text("%0 Journal Article\n%T B\n%X 目的：探讨影响。\n方法：将小鼠随机分为两组，\n灌胃给药四周。\n", encoding="utf-8")
    assert records_of(ris)[0]["abstract"] == {
        "en": "Background: dogs were seen.\nResults: most were well, as shown by Smith et al. in 2019."}
    assert records_of(enw)[0]["abstract"] == {"zh": "目的：探讨影响。\n方法：将小鼠随机分为两组，灌胃给药四周。"}


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
