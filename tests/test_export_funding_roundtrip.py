"""Export round trips keep the funding: each funder and award a record held is read back by our
own reader of every format we write (RIS ``N1``, EndNote ``%Z``, a BibTeX ``note``, CSL
``custom.funding``, the CSV's ``funding`` column), as a QA report found they were not:

- a funder named without a grant number in words written small (Web of Science's ``FU Drug
  Applied research center of …``) was written as ``Funding: …`` and read back as a note;
- a funder Web of Science names twice, as the paper writes it and as its registry does
  (``Susan G. Komen Scholar awardsSusan G. Komen Breast Cancer Foundation``), came back as the
  paper's words, another funder.

Inputs are small Web of Science files written here, as the QA report gave them."""
from __future__ import annotations

import pytest

from conftest import read_back, rendered
from conftest import records_of

WOS = """FN Clarivate Analytics Web of Science
VR 1.0
PT J
AU Mansouri, E
AF Mansouri, Elham
TI Analysis of physical dose enhancement in nano-scale
SO NANOMEDICINE JOURNAL
PY 2021
VL 8
BP 1
EP 9
FU Drug Applied research center of Tabriz Univerity Of Medical Science
UT WOS:000604336800004
ER

PT J
AU Priedigkeit, N
AF Priedigkeit, Nolan
TI Circulating tumor DNA in breast cancer
SO BREAST CANCER RESEARCH
PY 2021
VL 23
BP 10
EP 19
FU NIHUnited States Department of Health & Human ServicesNational
   Institutes of Health (NIH) - USA [P30CA047904]; Susan G. Komen Scholar
   awardsSusan G. Komen Breast Cancer Foundation; Breast Cancer Research
   Foundation
UT WOS:000606527200001
ER

EF
"""

# what the Web of Science file says, by title: (funder, award) each
FUNDING = {
    "Analysis of physical dose enhancement in nano-scale": {
        ("Drug Applied research center of Tabriz Univerity Of Medical Science", None)},
    "Circulating tumor DNA in breast cancer": {
        ("National Cancer Institute", "P30CA047904"),   # (NIH's grant of the NCI's code, CA)
        ("Susan G. Komen Breast Cancer Foundation", None),
        ("Breast Cancer Research Foundation", None)},
}


def _funding(records) -> dict:
    return {r["title"]["en"]: {(f["funder"], f["award"]) for f in r["funding"]} for r in records}


@pytest.fixture(scope="module")
def read(tmp_path_factory) -> list[dict]:
    src = tmp_path_factory.mktemp("wos") / "savedrecs.txt"
    src.write_text(WOS, encoding="utf-8")
    records = records_of(src)
    assert _funding(records) == FUNDING
    return records


@pytest.mark.parametrize("fmt", ["ris", "endnote", "bibtex", "biblatex", "csl-json", "csv"])
def test_funders_and_awards_come_back_from_each_export(read, fmt, tmp_path):
    back = read_back(rendered(read, fmt), fmt, tmp_path)
    assert _funding(back) == FUNDING


def test_csl_json_keeps_the_funding_as_the_record_held_it(read, tmp_path):
    """CSL's ``custom.funding`` holds each entry whole (the name as written too), and its note's
    funding line, the same funding for people, is no note once read back."""
    back = read_back(rendered(read, "csl-json"), "csl-json", tmp_path)
    assert [r["funding"] for r in back] == [r["funding"] for r in read]
    assert not any("Funding" in note for r in back for note in r["extra"].get("notes", []))


def test_the_funding_note_names_the_funder_not_the_words_it_was_not_read_from(read):
    written = rendered(read, "ris")
    assert "N1  - Funding: NIH (P30CA047904); Susan G. Komen Breast Cancer Foundation; Breast Cancer Research " \
           "Foundation\n" in written
    assert "N1  - Funding: Drug Applied research center of Tabriz Univerity Of Medical Science\n" in written


def test_a_grant_named_in_two_languages_comes_back_as_one_entry_with_both_names(tmp_path):
    """Written under both names, each with the grant, as a page's 基金项目 and Foundation item
    give them: read back as one entry, the funder the English name, the name as written the Chinese."""
    src = tmp_path / "two.ris"
    src.write_text("TY  - JOUR\nTI  - 河北省某病调查\nAU  - 李明\nPY  - 2020\n"
                   "N1  - Funding: 河北省青年科学基金 (C2019206123); Youth Science Fund of Hebei (C2019206123)\n"
                   "ER  - \n", encoding="utf-8")
    (rec,) = records_of(src)
    assert [(f["funder"], f["funder_original"], f["award"]) for f in rec["funding"]] == [
        ("Youth Science Fund of Hebei", "河北省青年科学基金", "C2019206123")]
    for fmt in ("ris", "endnote", "bibtex", "csv"):
        (back,) = read_back(rendered([rec], fmt), fmt, tmp_path)
        assert [(f["funder"], f["funder_original"], f["award"]) for f in back["funding"]] == [
            ("Youth Science Fund of Hebei", "河北省青年科学基金", "C2019206123")], fmt


def test_a_note_saying_there_was_no_funding_stays_a_note(tmp_path):
    src = tmp_path / "none.ris"
    src.write_text("TY  - JOUR\nTI  - A title\nAU  - Smith, John\nPY  - 2020\nN1  - Funding: none declared.\n"
                   "ER  - \n", encoding="utf-8")
    (rec,) = records_of(src)
    assert rec["funding"] == []
