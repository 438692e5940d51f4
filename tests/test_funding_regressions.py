"""Funding, a regression QA pass after the funding fixes: a funder's name holding " to ", grant
numbers named before their funder (or with none), Web of Science's FX of thanks, a keyword
holding "Funds:", an acknowledgement thanking a person at a university."""
from __future__ import annotations

import pytest

from conftest import records_of as clean
from conftest import page_record, read_back, rendered
from indexer.fields.funding import parse_funding

NSFC = "National Natural Science Foundation of China"


def grants(statement: str) -> list[tuple]:
    return [(e["funder_original"], e["award"]) for e in parse_funding(statement)]


def funding(record: dict) -> list[tuple]:
    return [(f["funder"], f["award"]) for f in record["funding"]]


# 1. " to " and capitalised words are part of a funder's name; only right after a grant number
# (or after the funder a number is from) do they name whom the grant went to.
@pytest.mark.parametrize("statement, expected", [
    ("National Eye Institute [EY012345]; Research to Prevent Blindness [RPB-2019-01]",
     [("National Eye Institute", "EY012345"), ("Research to Prevent Blindness", "RPB-2019-01")]),
    ("National Natural Science Foundation of China [51772012]; Program to Introduce Talents of Discipline to "
     "Universities [B18038]; Foundation to Promote Science [123456]",
     [(NSFC, "51772012"), ("Program to Introduce Talents of Discipline to Universities", "B18038"),
      ("Foundation to Promote Science", "123456")]),
    ("Funded by the NIH (R01 CA123456) and the Foundation to Promote Science (123456).",
     [("NIH", "R01 CA123456"), ("Foundation to Promote Science", "123456")]),
    ("Grant 123456 from the Wellcome Trust to Z.S. and grant 654321 from the Medical Research Council to L.S.",
     [("Wellcome Trust", "123456"), ("Medical Research Council", "654321")]),
    ("This work was supported by grant 81702662 from the National Natural Science Foundation of China to "
     "Wang Jianguo.", [(NSFC, "81702662")]),
    ("Grant 2019-123 to Smith from the Wellcome Trust.", [("Wellcome Trust", "2019-123")]),
])
def test_to_and_capitalised_words_stay_in_a_funders_name(statement, expected):
    assert grants(statement) == expected


def test_a_wos_funder_holding_to_keeps_its_name(tmp_path):
    path = tmp_path / "savedrecs.txt"
    path.write_text("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Smith, J\nTI Glaucoma outcomes\n"
                    "SO OPHTHALMOLOGY\nFU National Eye Institute [EY012345]; Research to Prevent Blindness\n"
                    "   [RPB-2019-01]\nPY 2021\nUT WOS:000000000000009\nER\n\nEF\n", encoding="utf-8")
    (record,) = clean(path)
    assert funding(record) == [("National Eye Institute", "EY012345"), ("Research to Prevent Blindness", "RPB-2019-01")]


# 2. Grant numbers named before their funder are never lost: the funder named after them ("from",
# "of", "awarded by", in brackets, after a comma), or none.
@pytest.mark.parametrize("statement, expected", [
    ("This work was supported by grants 81702662 and 81872180.", [("", "81702662"), ("", "81872180")]),
    ("Grant numbers: 81702662, 81872180", [("", "81702662"), ("", "81872180")]),
    ("Supported by MOST 108-2314-B-002-123.", [("MOST", "MOST 108-2314-B-002-123")]),  # (Taiwan's ministry)
    ("This study was supported by grant 2019-01234 (Swedish Research Council).",
     [("Swedish Research Council", "2019-01234")]),
    ("Supported by grants (2016/12345-6, 2017/23456-7) from FAPESP.", [("FAPESP", "2016/12345-6"), ("FAPESP", "2017/23456-7")]),
    ("Supported by a grant (2019-01234) from the Swedish Research Council.", [("Swedish Research Council", "2019-01234")]),
    ("Supported by grants R01 CA123456 and P30 CA047904 awarded by the National Cancer Institute.",
     [("National Cancer Institute", "R01 CA123456"), ("National Cancer Institute", "P30 CA047904")]),
    ("Supported by grant 81702662 of the National Natural Science Foundation of China.", [(NSFC, "81702662")]),
    ("This work was funded by project 2019YFA0905600, National Key R&D Program of China.",
     [("National Key R&D Program of China", "2019YFA0905600")]),
    ("Supported by MOST 108-2314-B-002-123 and the National Natural Science Foundation of China (81702662).",
     [("MOST", "MOST 108-2314-B-002-123"), (NSFC, "81702662")]),
    # a funder named after the number holds it, not the award's name before it
    ("Supported by a Young Investigator Award (2019-YI-001) from the Prostate Cancer Foundation to Dr. Smith.",
     [("Prostate Cancer Foundation", "2019-YI-001")]),
])
def test_grant_numbers_before_their_funder_are_kept(statement, expected):
    assert grants(statement) == expected


def test_a_scopus_funding_text_of_numbers_alone_keeps_them(tmp_path):
    path = tmp_path / "fu.ris"
    path.write_text("TY  - JOUR\nTI  - A study\nPY  - 2021\nN1  - Funding text 1: This work was supported by grants "
                    "81702662 and 81872180.\nER  - \n", encoding="utf-8")
    (record,) = clean(path)
    assert funding(record) == [("", "81702662"), ("", "81872180")]
    for fmt in ("ris", "bibtex", "csv"):  # written as "grant 81702662", read back as such
        (back,) = read_back(rendered([record], fmt), fmt, tmp_path)
        assert funding(back) == [("", "81702662"), ("", "81872180")]


# 6. A funder after its grants ("of", "awarded by") holds them, each funder its own.
def test_grants_of_two_funders_named_after_them():
    assert grants("Supported by grant 81702662 of the National Natural Science Foundation of China and grants "
                  "R01 CA123456 and P30 CA047904 awarded by the National Cancer Institute.") == [
        (NSFC, "81702662"), ("National Cancer Institute", "R01 CA123456"),
        ("National Cancer Institute", "P30 CA047904")]


# 3. Web of Science's FX: only its funding statements and thanks to a funder with a number;
# FX kept whole in extra.funding_text.
def wos(tmp_path, *fields: str) -> list[dict]:
    path = tmp_path / "savedrecs.txt"
    path.write_text("FN Clarivate Analytics Web of Science\nVR 1.0\n" + "".join(
        f"PT J\nAU Li, S\nTI Paper {i}\nSO JOURNAL OF Y\n{field}\nPY 2020\nUT WOS:00000000000000{i}\nER\n\n"
        for i, field in enumerate(fields)) + "EF\n", encoding="utf-8")
    return clean(path)


def test_wos_fx_thanks_are_no_funders(tmp_path):
    fx = ["The authors thank all participants of the ESTHER study (n = 9949) and the staff of Saarland Cancer "
          "Registry. This work was supported by the German Cancer Aid (grant 108250).",
          "We are grateful to the 2,345 volunteers of the UK Biobank (application number 12345) who made this "
          "work possible.",
          "This work was supported by grants 81702662 and 81872180 from the National Natural Science Foundation "
          "of China. We thank Dr. Zhang for help with the statistics (grant 7192001 to Dr. Zhang from the "
          "Beijing Natural Science Foundation).",
          "We thank Dr. Zhang and the 45 hospitals (2019 cohort, n = 12345) for their help. This work was "
          "supported by Pfizer."]
    cancer_aid, biobank, fx_only, pfizer = wos(
        tmp_path, f"FU German Cancer Aid\nFX {fx[0]}", f"FU UK Biobank\nFX {fx[1]}", f"FX {fx[2]}",
        f"FU Pfizer\nFX {fx[3]}")
    assert funding(cancer_aid) == [("German Cancer Aid", "108250")]
    assert funding(biobank) == [("UK Biobank", None)]
    assert funding(fx_only) == [(NSFC, "81702662"), (NSFC, "81872180"), ("Beijing Natural Science Foundation", "7192001")]
    assert funding(pfizer) == [("Pfizer", None)]
    for record, text in zip((cancer_aid, biobank, fx_only, pfizer), fx):
        assert record["extra"]["funding_text"] == [text]


# 4. A keyword holding "Funds:" is a keyword; a funding label closing the keyword line is funding.
def test_a_keyword_holding_funds_stays_a_keyword(tmp_path):
    path = tmp_path / "kw.bib"
    path.write_text("@article{a2,\n  title = {Pension funds},\n  author = {Wang, Jianguo},\n  journal = {Finance},\n"
                    "  year = {2020},\n  keywords = {Pension Funds: Performance; Risk}\n}\n", encoding="utf-8")
    (record,) = clean(path)
    assert record["keywords"] == {"en": ["Pension Funds: Performance", "Risk"]}
    assert record["funding"] == []
    path = tmp_path / "kw.ris"
    path.write_text("TY  - JOUR\nTI  - Keywords\nKW  - Fund: performance evaluation\nKW  - Hedge Funds: Risk\n"
                    "PY  - 2020\nER  - \n", encoding="utf-8")
    (record,) = clean(path)
    assert record["keywords"] == {"en": ["Fund: performance evaluation", "Hedge Funds: Risk"]}
    assert record["funding"] == []


# 5. A person thanked, at a university, is no funder, whatever number follows.
def test_a_person_thanked_at_a_university_is_no_funder(tmp_path):
    record = page_record(tmp_path, "Spinal metastases: survival after surgery\nAbstract: We reviewed 120 patients.\n"
                         "Acknowledgements: The authors thank Professor Zhang San (Peking University) for reading the "
                         "manuscript, and the Biobank (project 2019-1234) for samples. This work was supported by the "
                         "Beijing Natural Science Foundation (7192001).\nKeywords: spinal metastasis; prognosis\n")
    assert funding(record) == [("Beijing Natural Science Foundation", "7192001")]


@pytest.mark.parametrize("statement, expected", [
    # a person thanked before a number is no funder; the funder the grant is from is
    ("We thank Dr. Zhang for help with the statistics (grant 7192001).", [("", "7192001")]),
    ("We thank Dr. Zhang for help (grant 7192001 to Dr. Zhang from the Beijing Natural Science Foundation).",
     [("Beijing Natural Science Foundation", "7192001")]),
    ("Supported by the NSFC (81702662). We thank the NIH (R01 CA123456) for samples.",
     [("NSFC", "81702662"), ("NIH", "R01 CA123456")]),
])
def test_a_person_thanked_before_a_number_is_no_funder(statement, expected):
    assert grants(statement) == expected


# A word a funder's name starts with is whole: "Office" is no "of" before "fice"
@pytest.mark.parametrize("statement, funder", [
    ("Supported by the Office of Naval Research (N00014-19-1-2345).", "Office of Naval Research"),
    ("Andrew Mellon Foundation (12345678)", "Andrew Mellon Foundation"),
    ("Theodore Fund [2019-12345]", "Theodore Fund"),
])
def test_a_funders_first_word_is_whole(statement, funder):
    assert grants(statement)[0][0] == funder


# "and grant(s) N from X" after a funder's own number: X's grant, not the funder's before it
@pytest.mark.parametrize("statement, expected", [
    ("Supported by the National Natural Science Foundation of China (81702662) and grant R01 CA123456 from the "
     "National Institutes of Health.", [(NSFC, "81702662"), ("National Institutes of Health", "R01 CA123456")]),
    ("Supported by the NSFC (81702662) and grants R01 CA123456 and R01 CA654321 from the NIH.",
     [("NSFC", "81702662"), ("NIH", "R01 CA123456"), ("NIH", "R01 CA654321")]),
    # "of" the funder before it is that funder's
    ("Supported by the NSFC (81702662) and grant 81872180 of the NSFC.", [("NSFC", "81702662"), ("NSFC", "81872180")]),
])
def test_and_grant_from_a_funder_after_another_funders_number(statement, expected):
    assert grants(statement) == expected


# A from-funder's name stops at "and" another funder with its own number in brackets
@pytest.mark.parametrize("statement, expected", [
    ("grant 81702662 from the NSFC and Beijing Natural Science Foundation (7192001)",
     [("NSFC", "81702662"), ("Beijing Natural Science Foundation", "7192001")]),
    ("Supported by grant 81702662 from the National Natural Science Foundation of China and Beijing Natural Science "
     "Foundation (No. 7192001).", [(NSFC, "81702662"), ("Beijing Natural Science Foundation", "7192001")]),
])
def test_a_from_funders_name_stops_at_the_next_funder_with_its_number(statement, expected):
    assert grants(statement) == expected


# Regressions of the cell-line rule (8d8341c). A list of names of letters and digits that is no
# list of cell lines is read once: each name whole (an atomic group). Read in parts, every way of
# cutting "H1N1" was tried before giving up, twice as long for each name more (forty names: days);
# the pattern must say so, and a statement with forty of them gives its grant.
def test_a_long_list_of_names_is_read_once():
    from indexer.fields.funding import _AWARD, _CELL_LINE
    assert "(?>" in _CELL_LINE and "(?>" in _AWARD.pattern
    subtypes = ", ".join(f"H{i % 16 + 1}N{i % 9 + 1}" for i in range(40))
    statement = f"Supported by NIH (R01AI123456) for studies of {subtypes} viruses."
    assert [(e["funder"], e["award"]) for e in parse_funding(statement)] == [
        ("National Institute of Allergy and Infectious Diseases", "R01AI123456")]
    assert [a.group(0) for a in _AWARD.finditer("Supported by " + ", ".join(["H1N1"] * 40) + " grants.")] == [
        "H1N1"] * 40


# A grant's number before a cell line's name ("R01CA123456 and A549 cells": five digits in a row),
# or the name after "grant" ("grant CA-5678 cells facility"), is a grant, not one of the cell lines
@pytest.mark.parametrize("statement, expected", [
    ("Supported by NIH grant R01CA123456 and A549 cells were a gift.",
     [("National Cancer Institute", "R01CA123456")]),
    ("This work was supported by grant HL-1234 from the NHLBI and grant CA-5678 cells facility support.",
     [("National Heart, Lung, and Blood Institute", "HL-1234"), ("", "CA-5678")]),
    ("Supported by the NSFC (81702662) and HCC1937 cells from ATCC.", [(NSFC, "81702662")]),
    # a label between "grant" and the number, or the label alone, says a number follows
    ("This work was supported by grant No. CA-5678 cells facility support.", [("", "CA-5678")]),
    ("Supported by grant No.CA-5678 cells facility.", [("", "CA-5678")]),
    ("Supported by the Wellcome Trust, No. CA-5678 cells facility.", [("Wellcome Trust", "CA-5678")]),
    ("Supported by grant number CA-5678 cells.", [("", "CA-5678")]),
    # a cell line's name after "No." of a grant before it is still none, nor the NCI's
    ("Supported by the NSFC (No. 81702662) and NCI-H460 and NCI-H1299 cells.", [(NSFC, "81702662")]),
])
def test_a_grant_is_no_cell_line(statement, expected):
    assert [(e["funder"], e["award"]) for e in parse_funding(statement)] == expected


# An acronym joined by a dash to a capitalised name is another's: MRC-Holland (MLPA kits) is no
# Medical Research Council; the ERC's call (ERC-2017-STG), JSPS-KAKENHI, "MRC-funded" still are theirs
@pytest.mark.parametrize("name, expected", [
    ("the MRC-Holland foundation", ("the MRC-Holland foundation", None)),
    ("ERC-Foundation Smith", ("ERC-Foundation Smith", None)),
    ("JSPS-Tanaka Fund", ("JSPS-Tanaka Fund", None)),
    ("ERC-2017-STG", ("European Research Council", "10.13039/501100000781")),
    ("JSPS-KAKENHI", ("Japan Society for the Promotion of Science", "10.13039/501100001691")),
    ("the MRC", ("Medical Research Council", "10.13039/501100000265")),
    # but the funder's own programme so joined is the funder's (it had lost the ERC)
    ("ERC-Starting Grant", ("European Research Council", "10.13039/501100000781")),
    ("ERC-Advanced Grant", ("European Research Council", "10.13039/501100000781")),
    ("JSPS-Postdoctoral Fellowship", ("Japan Society for the Promotion of Science", "10.13039/501100001691")),
])
def test_an_acronym_dashed_to_a_name_is_anothers(name, expected):
    from indexer.fields.funders import normalise_funder
    assert normalise_funder(name) == expected


# A sentence naming the cell lines used after a statement stays with the text; the statement
# before it is funding (it had made the statement none: content after it)
def test_a_cell_lines_sentence_after_a_statement_stays_with_the_text(tmp_path):
    from indexer.fields.funding import split_funding_statement
    note = "Supported by the National Natural Science Foundation of China (81702662). A549 and NCI-H460 cells were from ATCC."
    assert split_funding_statement(note) == (
        "A549 and NCI-H460 cells were from ATCC.",
        "Supported by the National Natural Science Foundation of China (81702662).")
    path = tmp_path / "record.ris"
    path.write_text(f"TY  - JOUR\nTI  - A study\nAU  - Smith, John\nPY  - 2020\nN1  - Funding: {note}\nER  - \n",
                    encoding="utf-8")
    (record,) = clean(path)
    assert funding(record) == [(NSFC, "81702662")]
    assert record["extra"]["notes"] == ["A549 and NCI-H460 cells were from ATCC."]


# A statement that there was no funding names no funder and no grant: Elsevier's standard
# wording, SAGE's, and the short forms, in English and Chinese; the record keeps the statement in
# extra.no_funding (the source's word, not a gap), and a note or an abstract holding it keeps it
NO_FUNDING = [
    "This research received no specific grant from any funding agency in the public, commercial, or "
    "not-for-profit sectors.",
    "This research did not receive any specific grant from funding agencies in the public, commercial, or "
    "not-for-profit sectors.",
    "The author(s) received no financial support for the research, authorship, and/or publication of this article.",
    "No funding was received.",
    "This study was not funded.",
    "None.",
    "无",
    "本研究未获得任何基金资助",
]


@pytest.mark.parametrize("statement", NO_FUNDING)
def test_a_statement_of_no_funding_names_no_funder(statement):
    assert grants(statement) == []


def test_a_record_saying_it_had_no_funding_keeps_that_word(tmp_path):
    ris = "".join(f"TY  - JOUR\nTI  - Paper {i}\nPY  - 2020\nFU  - {s}\nER  - \n\n" for i, s in enumerate(NO_FUNDING))
    notes = ("TY  - JOUR\nTI  - 论文\nPY  - 2020\nN1  - 基金项目：本研究未获得任何基金资助\nER  - \n\n"
             "TY  - JOUR\nTI  - Paper\nPY  - 2020\nAB  - We studied it. This research received no specific grant "
             "from any funding agency in the public, commercial, or not-for-profit sectors.\nER  - \n")
    (tmp_path / "a.ris").write_text(ris + notes, encoding="utf-8")
    records = clean(tmp_path / "a.ris")
    assert [(r["funding"], r["extra"].get("no_funding")) for r in records[:len(NO_FUNDING)]] == [
        ([], s) for s in NO_FUNDING]
    note, abstract = records[len(NO_FUNDING):]
    assert note["funding"] == [] and note["extra"]["notes"] == ["基金项目：本研究未获得任何基金资助"]
    assert abstract["funding"] == [] and abstract["abstract"]["en"].endswith("not-for-profit sectors.")


@pytest.mark.parametrize("statement, expected", [
    # a statement of funding that says "no" is not one of none
    ("Funding: none other than grant 81702662 from the NSFC.", [("NSFC", "81702662")]),
    ("Supported by the Non-profit Central Research Institute Fund (2019-RC-HL-011).",
     [("Non-profit Central Research Institute Fund", "2019-RC-HL-011")]),
    ("无锡市科技发展基金(N20191001)", [("无锡市科技发展基金", "N20191001")]),
])
def test_funding_with_a_no_is_still_funding(statement, expected):
    assert grants(statement) == expected


def test_a_funder_named_after_a_sentence_of_no_funding_is_funding(tmp_path):
    # "no funding" was read from the statement's first negation: a funder named in a later
    # sentence was lost and the record said it had none (extra.no_funding)
    rows = ["None. This work was supported by the Wellcome Trust.",
            "This research received no specific grant from any funding agency. The first author was supported by "
            "the China Scholarship Council.",
            "The authors declare no conflict of interest. This study was funded by the Bill & Melinda Gates Foundation.",
            "There is no conflict of interest. This work was supported by the Wellcome Trust.",
            "No funding was received for this study."]
    ris = "".join(f"TY  - JOUR\nTI  - Paper {i}\nPY  - 2020\nFU  - {s}\nER  - \n\n" for i, s in enumerate(rows))
    (tmp_path / "a.ris").write_text(ris, encoding="utf-8")
    records = clean(tmp_path / "a.ris")
    assert [(funding(r), r["extra"].get("no_funding")) for r in records] == [
        ([("Wellcome Trust", None)], None), ([("China Scholarship Council", None)], None),
        ([("Bill and Melinda Gates Foundation", None)], None), ([("Wellcome Trust", None)], None),
        ([], rows[-1])]


# The authors acknowledging the paper's funding open a statement, as "This work was supported by"
# does; a person's funding declared as an interest does not ("X has received funding from …": its
# subject no author of the statement nor the work, the rule of _STATEMENT_START since the start;
# nor the authors' own under a declaration's label): it stays in the text, no funder.
@pytest.mark.parametrize("text, content, expected", [
    ("Effective. The authors acknowledge funding from the National Natural Science Foundation of China (81702662).",
     "Effective.", [(NSFC, "81702662")]),
    ("Effective. We gratefully acknowledge financial support from the Wellcome Trust (208812/Z/17/Z). "
     "The authors declare no competing interests.",
     "Effective. The authors declare no competing interests.", [("Wellcome Trust", "208812/Z/17/Z")]),
    ("Effective. The authors declare no competing interests. X has received funding from Pfizer for consulting.",
     None, []),
    ("Effective. The authors declare no competing interests. Dr Smith has received funding from the Pfizer "
     "Foundation (grant 2019-1234) for consulting.", None, []),
    ("Effective. Competing interests: none. The authors acknowledge funding from the Pfizer Foundation "
     "(grant 2019-1234) for consulting.", None, []),
])
def test_the_authors_acknowledging_funding_is_a_statement_not_in_a_declaration(tmp_path, text, content, expected):
    (tmp_path / "a.ris").write_text(f"TY  - JOUR\nTI  - Paper\nPY  - 2020\nAB  - {text}\nER  - \n", encoding="utf-8")
    (record,) = clean(tmp_path / "a.ris")
    assert (record["abstract"]["en"], funding(record)) == (content or text, expected)


def test_a_long_bracket_of_numbers_gives_each_its_funder():
    # (each number's list read once: a list of 800 took seconds, read again from every number)
    numbers = [str(81700000 + i) for i in range(800)]
    entries = parse_funding(f"National Natural Science Foundation of China [{', '.join(numbers)}]")
    assert [e["award"] for e in entries] == numbers
    assert {e["funder"] for e in entries} == {"National Natural Science Foundation of China"}
    entries = parse_funding(f"Supported by grants {', '.join(numbers[:300])} from the NIH.")
    assert [(e["funder"], e["award"]) for e in entries] == [("National Institutes of Health", n) for n in numbers[:300]]
