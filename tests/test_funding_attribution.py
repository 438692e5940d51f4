"""Funding statements, fourth QA pass: which funder a grant number belongs to, and what the
award and the funder's name hold.  Statements are parsed as a reader hands them over; a few
are cleaned by the CLI as a user would."""
from __future__ import annotations

import pytest

from conftest import cleaned as clean
from indexer.fields.funding import parse_funding


def grants(statement: str) -> list[tuple]:
    return [(e["funder"], e["funder_original"], e["award"]) for e in parse_funding(statement)]


def medline_grants(tmp_path, *lines: str) -> list[tuple]:
    path = tmp_path / "one.nbib"
    path.write_text("PMID- 30000002\nTI  - A study.\nFAU - Zhang, San\n"
                    + "".join(f"GR  - {line}\n" for line in lines) + "DP  - 2020\n", encoding="utf-8")
    (record,) = clean(path)
    return [(f["funder_original"], f["award"]) for f in record["funding"]]


# NIH activity codes of two letters and a digit, and a programme's letters tied by "_"
@pytest.mark.parametrize("statement, expected", [
    ("NIH grants UL1 TR001860 and KL2 TR001874",
     [("National Center for Advancing Translational Sciences", "NIH", "UL1 TR001860"),
      ("National Center for Advancing Translational Sciences", "NIH", "KL2 TR001874")]),
    ("NCATS NIH HHS (UL1 TR001860)",  # a MEDLINE grant written back as a statement
     [("National Center for Advancing Translational Sciences", "NCATS NIH HHS", "UL1 TR001860")]),
    ("NIH Director's New Innovator Award (DP2 OD123456)",
     [("National Institutes of Health", "NIH Director's New Innovator Award", "DP2 OD123456")]),
    ("Program for Changjiang Scholars and Innovative Research Team in University (IRT_15R13)",
     [("Program for Changjiang Scholars and Innovative Research Team in University",
       "Program for Changjiang Scholars and Innovative Research Team in University", "IRT_15R13")]),
])
def test_an_activity_code_and_a_tied_prefix_are_part_of_the_award(statement, expected):
    assert grants(statement) == expected


def test_a_medline_acronym_in_the_number_place_is_no_award(tmp_path):
    assert medline_grants(tmp_path, "WT_/Wellcome Trust/United Kingdom",
                          "UL1 TR001860/TR/NCATS NIH HHS/United States") == [
        ("Wellcome Trust", None), ("NCATS NIH HHS", "UL1 TR001860")]


# A funder named after its grant numbers: "grant N from FUNDER"
@pytest.mark.parametrize("statement, expected", [
    ("This study was funded by grant 81702662 from the National Natural Science Foundation of China and "
     "grant R01 CA123456 from the National Institutes of Health.",
     [("National Natural Science Foundation of China", "National Natural Science Foundation of China", "81702662"),
      ("National Cancer Institute", "National Institutes of Health", "R01 CA123456")]),
    # Web of Science's FX of a paper in the formats corpus
    ("This research was funded by grant number 11214 from the Shahid Beheshti University of Medical Sciences.",
     [("Shahid Beheshti University of Medical Sciences", "Shahid Beheshti University of Medical Sciences", "11214")]),
    ("Supported by grants 81702662 and 81872180 from the NSFC, and the NIH (R01 CA123456).",
     [("National Natural Science Foundation of China", "NSFC", "81702662"),
      ("National Natural Science Foundation of China", "NSFC", "81872180"),
      ("National Cancer Institute", "NIH", "R01 CA123456")]),
    ("This work was supported by grants from the National Natural Science Foundation of China (81702662).",
     [("National Natural Science Foundation of China", "National Natural Science Foundation of China", "81702662")]),
])
def test_a_funder_named_after_its_grant_numbers_holds_them(statement, expected):
    assert grants(statement) == expected


def test_an_abstracts_grant_from_a_funder_is_found_by_its_number(tmp_path):
    path = tmp_path / "one.ris"
    path.write_text("TY  - JOUR\nTI  - A study\nPY  - 2021\nAB  - We studied X. Survival improved. This study was "
                    "funded by grant 81702662 from the National Natural Science Foundation of China and grant R01 "
                    "CA123456 from the National Institutes of Health.\nER  - \n", encoding="utf-8")
    (record,) = clean(path)
    assert [(f["funder"], f["award"]) for f in record["funding"]] == [
        ("National Natural Science Foundation of China", "81702662"), ("National Cancer Institute", "R01 CA123456")]


# Whom a grant went to is no funder
@pytest.mark.parametrize("statement", [
    "National Natural Science Foundation of China (Grant Nos. 81702662 [to Z.S.] and 81872180 [to L.S.])",
    "National Natural Science Foundation of China (81702662 to Zhang San, 81872180 to Li Si)",
    "National Natural Science Foundation of China (81702662 to Z.-S. Wang, 81872180 to L. Li)",
])
def test_a_grants_recipient_is_no_funder(statement):
    assert [(e["funder"], e["award"]) for e in parse_funding(statement)] == [
        ("National Natural Science Foundation of China", "81702662"),
        ("National Natural Science Foundation of China", "81872180")]


def test_the_funders_role_after_a_semicolon_is_no_funder(tmp_path):
    assert grants("This work was supported by the National Natural Science Foundation of China (81702662); the "
                  "funders had no role in study design, data collection or the decision to publish.") == [
        ("National Natural Science Foundation of China", "National Natural Science Foundation of China", "81702662")]
    path = tmp_path / "scopus.ris"  # Scopus's funding text, read as the funding it is
    path.write_text("TY  - JOUR\nTI  - A study\nPY  - 2021\nN1  - Funding text 1: Supported by the NIH (R01 CA123456); "
                    "the funder had no role in the design of the study.\nER  - \n", encoding="utf-8")
    (record,) = clean(path)
    assert [(f["funder"], f["award"]) for f in record["funding"]] == [("National Cancer Institute", "R01 CA123456")]


def test_wileys_grant_award_numbers_label_is_no_part_of_the_funder(tmp_path):
    path = tmp_path / "scopus.ris"  # Scopus's funding text of a Wiley paper
    path.write_text("TY  - JOUR\nTI  - A study\nPY  - 2021\nN1  - Export Date: 1 Jan 2022; Funding text 1: National "
                    "Natural Science Foundation of China, Grant/Award Numbers: 81702662, 81872180; Beijing Natural "
                    "Science Foundation, Grant/Award Number: 7192001\nER  - \n", encoding="utf-8")
    (record,) = clean(path)
    assert [(f["funder"], f["funder_original"], f["award"]) for f in record["funding"]] == [
        ("National Natural Science Foundation of China", "National Natural Science Foundation of China", "81702662"),
        ("National Natural Science Foundation of China", "National Natural Science Foundation of China", "81872180"),
        ("Beijing Natural Science Foundation", "Beijing Natural Science Foundation", "7192001")]


# What is left around a number in its bracket: a label, the funder's acronym, a dash
@pytest.mark.parametrize("statement, funder, award", [
    ("国家自然科学基金（Ｎｏ．81702662）", "国家自然科学基金", "81702662"),
    ("National Natural Science Foundation of China (NSFC, 81702662)",
     "National Natural Science Foundation of China (NSFC)", "81702662"),
    ("National Science Foundation (NSF DMS-1912345)", "National Science Foundation (NSF)", "DMS-1912345"),
    ("Ministry of Science and Technology, Taiwan (MOST 108-2314-B-002-123)",
     "Ministry of Science and Technology, Taiwan", "MOST 108-2314-B-002-123"),
    ("National Science Council, Taiwan (NSC 101-2314-B-002-123-MY3)",
     "National Science Council, Taiwan", "NSC 101-2314-B-002-123-MY3"),
    ("Deutsche Forschungsgemeinschaft (DFG, German Research Foundation) - Project number 390900948",
     "Deutsche Forschungsgemeinschaft (DFG, German Research Foundation)", "390900948"),
])
def test_a_label_an_acronym_or_a_dash_before_the_number_leaves_a_whole_name(statement, funder, award):
    assert [(e["funder_original"], e["award"]) for e in parse_funding(statement)] == [(funder, award)]


def test_a_structured_grants_label_is_no_part_of_its_number(tmp_path):
    assert medline_grants(tmp_path, "No. 81702662/National Natural Science Foundation of China/International") == [
        ("National Natural Science Foundation of China", "81702662")]


# Several grant numbers in one field, and a programme named alone
def test_numbers_parted_by_a_slash_are_grants_each():
    assert [e["award"] for e in parse_funding("国家自然科学基金（81702662/81872180）")] == ["81702662", "81872180"]
    # one number of pieces stays whole
    assert [e["award"] for e in parse_funding("Medical Research Council (MR/N012345/1); Wellcome Trust (208812/Z/17/Z)")] == [
        "MR/N012345/1", "208812/Z/17/Z"]


def test_a_medline_grant_of_two_numbers_is_two_grants(tmp_path):
    assert medline_grants(tmp_path, "81702662, 81872180/National Natural Science Foundation of China/International") == [
        ("National Natural Science Foundation of China", "81702662"),
        ("National Natural Science Foundation of China", "81872180")]


def test_a_programme_named_alone_is_the_funders_before_it():
    assert grants("国家自然科学基金重点项目(81830001)与面上项目(81872180)") == [
        ("National Natural Science Foundation of China", "国家自然科学基金重点项目", "81830001"),
        ("National Natural Science Foundation of China", "面上项目", "81872180")]
    # a funder of its own after a "；" is not
    assert grants("国家自然科学基金(81702662)；省重点项目(2019123456)")[1][0] == "省重点项目"


def test_a_number_of_pieces_unlike_each_other_stays_one_award(tmp_path):
    assert medline_grants(tmp_path, "304345/2018-0/CNPq/Brazil") == [("CNPq", "304345/2018-0")]
