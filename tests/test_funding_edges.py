"""Funding, edge cases of who a grant is from: a funder a number is "from" after one named
before it, a funder's name holding commas, an acronym before its number, Taiwan's MOST
numbers (and NSC's, NSTC's), Web of Science's FU and FX together, PubMed pages' grant lists, a
page's funding label, two names "and" parts, a place after a funder, NIH intramural numbers.
Every record here was written for this project."""
from __future__ import annotations

import pytest

from conftest import records_of
from indexer.fields.funding import _clean_funder, _numbered_funder, acknowledged_funding, parse_funding


def grants(statement: str) -> list[tuple]:
    return [(e["funder"], e["award"]) for e in parse_funding(statement)]


def funding(record: dict) -> list[tuple]:
    return [(f["funder"], f["award"]) for f in record["funding"]]


def ris(tmp_path, abstract: str) -> dict:
    path = tmp_path / "record.ris"
    path.write_text(f"TY  - JOUR\nTI  - A study of things\nAU  - Smith, John\nPY  - 2020\nAB  - {abstract}\nER  - \n",
                    encoding="utf-8")
    (record,) = records_of(path)
    return record


NCI = "National Cancer Institute"
NHLBI = "National Heart, Lung, and Blood Institute"
ALF = "Medical Training and Research Agreement (ALF)"


# 1. A number "from" a funder named after it is that funder's, whatever is named before it
@pytest.mark.parametrize("statement, expected", [
    ("Supported by NIH grants R01 CA111111 and R01 CA222222 from the NCI.",
     [(NCI, "R01 CA111111"), (NCI, "R01 CA222222")]),
    ("Supported by NIH grant R01 HL123456 from the National Heart, Lung, and Blood Institute.",
     [(NHLBI, "R01 HL123456")]),
    # a number in brackets after a funder's name is that funder's
    ("Supported by the Wellcome Trust (123456) from 2015.", [("Wellcome Trust", "123456")]),
])
def test_a_number_from_a_funder_named_after_it_is_that_funders(statement, expected):
    assert grants(statement) == expected


# ... and the funder's name ends where another grant "from" a funder, what came with the grant
# or whom it went to begins; the other funder kept, without a number
@pytest.mark.parametrize("statement, expected", [
    ("Supported by NIH grants R01 EY111111 and P30 EY222222 from the NEI and an unrestricted grant from RPB to "
     "the Department of Ophthalmology.",
     [("National Eye Institute", "R01 EY111111"), ("National Eye Institute", "P30 EY222222"), ("RPB", None)]),
    ("Supported by NIH grants R01 HL123456 and R01 HL654321 from the NHLBI, with data from the UK Biobank.",
     [(NHLBI, "R01 HL123456"), (NHLBI, "R01 HL654321")]),
    ("Supported by grant 81702662 from the NSFC and a fellowship from the China Scholarship Council (201906010123).",
     [("National Natural Science Foundation of China", "81702662"), ("China Scholarship Council", "201906010123")]),
    ("Supported by grant R01 EY111111 from the NEI to the Department of Ophthalmology, University of Utah.",
     [("National Eye Institute", "R01 EY111111")]),
])
def test_a_funder_after_from_ends_where_the_next_grant_or_its_recipient_begins(statement, expected):
    assert grants(statement) == expected
    assert all(e["funder_original"] in ("NEI", "NHLBI", "NSFC", "China Scholarship Council", "RPB")
               for e in parse_funding(statement))


def test_a_record_gives_the_grants_to_the_funder_they_are_from(tmp_path):
    record = ris(tmp_path, "We studied things. Supported by NIH grants R01 CA111111 and R01 CA222222 from the NCI.")
    assert funding(record) == [(NCI, "R01 CA111111"), (NCI, "R01 CA222222")]


# 2. A funder's name holding commas ("National Heart, Lung, and Blood Institute") is one name
@pytest.mark.parametrize("statement, expected", [
    ("This research was funded by the Intramural Research Program of the National Heart, Lung, and Blood "
     "Institute (R01 HL123456).", [(NHLBI, "R01 HL123456")]),
    ("Supported by grant R01 HL123456, National Heart, Lung, and Blood Institute.", [(NHLBI, "R01 HL123456")]),
    ("Supported by grants 12345678 and 87654321, Heart, Lung, and Kidney Foundation.",
     [("Heart, Lung, and Kidney Foundation", "12345678"), ("Heart, Lung, and Kidney Foundation", "87654321")]),
    # a list of names a comma parts stays a list
    ("Supported by grant 12345678, Y Foundation, Z Trust.", [("", "12345678"), ("Y Foundation", None), ("Z Trust", None)]),
])
def test_a_funders_name_holding_commas_is_one_name(statement, expected):
    assert grants(statement) == expected


def test_a_grant_from_a_name_holding_commas_keeps_the_name_as_written(tmp_path):
    record = ris(tmp_path, "We studied hearts. This work was supported by a grant from the National Heart, Lung, "
                           "and Blood Institute (R01 HL123456).")
    assert [(f["funder"], f["funder_original"], f["award"]) for f in record["funding"]] == [(NHLBI, NHLBI, "R01 HL123456")]


# 5. Taiwan's MOST numbers name their funder; the acronym alone does not (China's ministry is MOST too)
TAIWAN_MOST = "Ministry of Science and Technology (Taiwan)"


@pytest.mark.parametrize("statement, expected", [
    ("Funding: MOST 108-2314-B-002-001.", [(TAIWAN_MOST, "MOST 108-2314-B-002-001")]),
    ("MOST 108-2314-B-002-001 and MOST 109-2314-B-002-123-MY3",
     [(TAIWAN_MOST, "MOST 108-2314-B-002-001"), (TAIWAN_MOST, "MOST 109-2314-B-002-123-MY3")]),
    ("Ministry of Science and Technology, Taiwan (MOST 108-2314-B-002-123)", [(TAIWAN_MOST, "MOST 108-2314-B-002-123")]),
    ("MOST (2016YFC0905000)", [("MOST", "2016YFC0905000")]),
    ("Supported by grant 2016YFC0905000.", [("", "2016YFC0905000")]),
])
def test_a_taiwan_most_number_names_its_ministry(statement, expected):
    assert grants(statement) == expected


def test_a_record_with_a_most_number_alone_has_its_funder(tmp_path):
    path = tmp_path / "savedrecs.txt"
    path.write_text("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Lin, W\nTI Outcomes in Taipei\n"
                    "SO J FORMOS MED ASSOC\nFU MOST 108-2314-B-002-001\nPY 2021\nUT WOS:000000000000011\nER\n\nEF\n",
                    encoding="utf-8")
    (record,) = records_of(path)
    assert funding(record) == [(TAIWAN_MOST, "MOST 108-2314-B-002-001")]


# 6. A structured grant of several numbers is a grant each, MEDLINE's GR and a PubMed page's line
# alike; a number after a slash in the acronym's place is one of them, no funder
def test_a_medline_grant_of_a_list_and_a_slash_is_a_grant_each(tmp_path):
    path = tmp_path / "one.nbib"
    path.write_text("PMID- 30000002\nTI  - A study.\nFAU - Zhang, San\n"
                    "GR  - 81702662, 81872180/81672345/National Natural Science Foundation of China/International\n"
                    "DP  - 2020\n", encoding="utf-8")
    (record,) = records_of(path)
    nsfc = "National Natural Science Foundation of China"
    assert funding(record) == [(nsfc, "81702662"), (nsfc, "81872180"), (nsfc, "81672345")]


# 4. Web of Science's FX beside an FU with numbers: the grants FX alone names, each grant once
def test_wos_fx_adds_the_grants_fu_does_not_name(tmp_path):
    path = tmp_path / "savedrecs.txt"
    path.write_text("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Zhang, S\nTI Paper one\nSO CANCER\n"
                    "FU National Natural Science Foundation of China [81702662]; Vetenskapsradet [2019-01234]\n"
                    "FX This study was funded by the National Natural Science Foundation of China (81702662), the\n"
                    "   Swedish Research Council (2019-01234) and the Wellcome Trust (208812/Z/17/Z). We thank\n"
                    "   Dr. Li for the figures.\nPY 2021\nUT WOS:000123456700001\nER\n\nEF\n", encoding="utf-8")
    (record,) = records_of(path)
    assert sorted(funding(record)) == [("National Natural Science Foundation of China", "81702662"),
                                       ("Vetenskapsradet", "2019-01234"), ("Wellcome Trust", "208812/Z/17/Z")]


# ... but only grants of a funder named as one, after FU's: what FX thanks with a number (a
# resource's application number, a person's or a hospital's project) is no funder
@pytest.mark.parametrize("fu, fx, expected", [
    ("Medical Research Council [MR/N003284/1]",
     "This work was supported by the Medical Research Council (MR/N003284/1). This research has been conducted "
     "using the UK Biobank Resource under Application Number 12345.",
     [("Medical Research Council", "MR/N003284/1")]),
    ("Natural Science Foundation of Jiangsu Province [BK20190123]",
     "This study was supported by Natural Science Foundation of Jiangsu Province (BK20190123). The authors thank "
     "Professor Wang Jianguo of Nanjing University (Grant No. 2019-12) for his advice, and Jiangsu Provincial "
     "People's Hospital (No. 2020-45) for clinical support.",
     [("Natural Science Foundation of Jiangsu Province", "BK20190123")]),
    ("JSPS KAKENHI [JP19K12345]",
     "This work was supported by JSPS KAKENHI Grant Number JP19K12345. We used the computer resources of the Human "
     "Genome Center (project hgc2019-01).",
     [("Japan Society for the Promotion of Science", "JP19K12345")]),
    ("European Research Council [758892]",
     "This project has received funding from the European Research Council (ERC) (grant agreement No 758892) and "
     "from the Novo Nordisk Foundation (NNF18OC0012345).",
     [("European Research Council", "758892"), ("Novo Nordisk Foundation", "NNF18OC0012345")]),
])
def test_wos_fx_beside_fu_adds_no_thanked_resource_nor_person(tmp_path, fu, fx, expected):
    path = tmp_path / "savedrecs.txt"
    path.write_text("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Smith, J\nTI A study\nSO TESTS\n"
                    f"FU {fu}\nFX {fx}\nPY 2020\nER\n\nEF\n", encoding="utf-8")
    (record,) = records_of(path)
    assert funding(record) == expected


def test_wos_fx_without_fu_numbers_gives_no_resource_thanked(tmp_path):
    path = tmp_path / "savedrecs.txt"
    path.write_text("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Smith, J\nTI A study\nSO TESTS\n"
                    "FU Medical Research Council\nFX This work was supported by the Medical Research Council "
                    "(MR/N003284/1). This research has been conducted using the UK Biobank Resource under "
                    "Application Number 12345.\nPY 2020\nER\n\nEF\n", encoding="utf-8")
    (record,) = records_of(path)
    assert funding(record) == [("Medical Research Council", "MR/N003284/1")]


# 3. An acronym right before a number, a space between, is the funder of that one award: a
# statement of such grants alone is funding, and the acronym again before the next number of a
# funder's list is that funder's
@pytest.mark.parametrize("statement, expected", [
    ("Supported by grants NSF DMS-1234567 and NSF DMS-7654321.", [("NSF", "DMS-1234567"), ("NSF", "DMS-7654321")]),
    ("Research to Prevent Blindness (RPB 2019-01, RPB 2020-02)",
     [("Research to Prevent Blindness (RPB)", "2019-01"), ("Research to Prevent Blindness (RPB)", "2020-02")]),
    ("National Science Foundation [NSF DMS-1234567, NSF DMS-7654321]",
     [("National Science Foundation [NSF]", "DMS-1234567"), ("National Science Foundation [NSF]", "DMS-7654321")]),
])
def test_an_acronym_again_before_the_next_number_is_the_same_funder(statement, expected):
    assert grants(statement) == expected


def test_a_statement_of_acronyms_and_numbers_is_funding(tmp_path):
    record = ris(tmp_path, "We studied eyes. Supported by RPB 2019-01 and NSF DMS-1234567.")
    assert record["abstract"] == {"en": "We studied eyes."}
    assert funding(record) == [("RPB", "2019-01"), ("NSF", "DMS-1234567")]


# 7. Two funders "and" parts that no funder's word heads ("ALF and Region Stockholm"): two
# funders where each may be one alone (a funder's name, an acronym, capitalised words ending in
# no word of a description), the number to the one its bracket's acronym names; one name else
@pytest.mark.parametrize("statement, expected", [
    ("This work was supported by grants from ALF and Region Stockholm (ALF 20190123).",
     [("Region Stockholm", None), (ALF, "20190123")]),
    ("Supported by NIH grant R01 EY111111 from the NEI and grants from ALF and Region Stockholm.",
     [("National Eye Institute", "R01 EY111111"), (ALF, None), ("Region Stockholm", None)]),
    ("Supported by the Research and Development Fund (2019-1234).", [("Research and Development Fund", "2019-1234")]),
    ("Supported by the Bill and Melinda Gates Trust (2019-1234).", [("Bill and Melinda Gates Trust", "2019-1234")]),
    ("Supported by Health and Care Research Wales (2019-1234).", [("Health and Care Research Wales", "2019-1234")]),
])
def test_two_names_and_parts_are_two_funders_where_each_may_be_one(statement, expected):
    assert grants(statement) == expected


def test_a_record_names_alf_and_region_stockholm_apart(tmp_path):
    record = ris(tmp_path, "We studied things. This work was supported by grants from ALF and Region Stockholm "
                           "(ALF 20190123).")
    assert funding(record) == [("Region Stockholm", None), (ALF, "20190123")]


# 8. Where a funder is, after its name (a city and its state or country), is no part of the
# funder; the funder as written keeps it, and a country after the city may name the funder
@pytest.mark.parametrize("statement, expected", [
    ("Supported by an unrestricted grant from Research to Prevent Blindness, New York, NY.",
     [("Research to Prevent Blindness", None)]),
    ("Supported by NIH grant R01 EY011111 and an unrestricted grant from Research to Prevent Blindness, New York, NY.",
     [("National Eye Institute", "R01 EY011111"), ("Research to Prevent Blindness", None)]),
    ("Supported by grant 12345678 from the Wellcome Trust, London, UK.", [("Wellcome Trust", "12345678")]),
    ("Funding: National Eye Institute, Bethesda, MD (EY011111).", [("National Eye Institute", "EY011111")]),
    ("Natural Science Foundation of Jiangsu Province, Nanjing, China (BK20191138)",
     [("Natural Science Foundation of Jiangsu Province", "BK20191138")]),
    # a country alone is the name's
    ("Ministry of Science and Technology, Taiwan (MOST 108-2314-B-002-123)",
     [("Ministry of Science and Technology (Taiwan)", "MOST 108-2314-B-002-123")]),
])
def test_where_a_funder_is_is_no_part_of_its_name(statement, expected):
    assert grants(statement) == expected


def test_a_record_keeps_the_place_in_the_funder_as_written_only(tmp_path):
    record = ris(tmp_path, "We studied eyes. Supported in part by NIH grant R01 EY011111 and an unrestricted grant "
                           "from Research to Prevent Blindness, New York, NY.")
    assert [(f["funder"], f["funder_original"]) for f in record["funding"]] == [
        ("National Eye Institute", "NIH"), ("Research to Prevent Blindness", "Research to Prevent Blindness, New York, NY")]


# 9. An NIH intramural project's number (ZIA, ZIC … and the institute's letters) is one grant,
# the institute's its letters name (else the NIH's), no funder or the NIH named or one unknown
@pytest.mark.parametrize("statement, expected", [
    ("ZIA HL006123", [(NHLBI, "ZIA HL006123")]),
    ("This work was supported by the Intramural Research Program of the NHLBI (ZIA HL006123).",
     [(NHLBI, "ZIA HL006123")]),
    ("Supported by the Intramural Research Program of the NIH (ZIA BC010123, ZIC HL005678-05).",
     [("National Institutes of Health", "ZIA BC010123"), (NHLBI, "ZIC HL005678-05")]),
    ("National Eye Institute (ZIA EY000123)", [("National Eye Institute", "ZIA EY000123")]),
])
def test_an_nih_intramural_number_is_one_grant_of_its_institute(statement, expected):
    assert grants(statement) == expected


def test_a_record_with_an_intramural_number_alone_has_its_funder(tmp_path):
    record = ris(tmp_path, "We studied lungs. Supported by ZIA HL006123.")
    assert record["abstract"] == {"en": "We studied lungs."}
    assert funding(record) == [(NHLBI, "ZIA HL006123")]


# 10. Taiwan's councils before and after the ministry write their acronyms into their numbers as
# MOST does: NSC (to 2014), NSTC (since 2022); and are known by name
NSC = "National Science Council (Taiwan)"
NSTC = "National Science and Technology Council (Taiwan)"


@pytest.mark.parametrize("statement, expected", [
    ("NSC 99-2314-B-002-001", [(NSC, "NSC 99-2314-B-002-001")]),
    ("Funding: NSTC 111-2314-B-002-001-MY3.", [(NSTC, "NSTC 111-2314-B-002-001-MY3")]),
    ("National Science Council, Taiwan (NSC 101-2314-B-002-123-MY3)", [(NSC, "NSC 101-2314-B-002-123-MY3")]),
    ("National Science Council, Taipei, Taiwan (NSC 99-2314-B-002-001)", [(NSC, "NSC 99-2314-B-002-001")]),
    ("Supported by the National Science and Technology Council, Taiwan (NSTC 112-2222-E-A49-004-MY2).",
     [(NSTC, "NSTC 112-2222-E-A49-004-MY2")]),
])
def test_a_taiwan_nsc_or_nstc_number_names_its_council(statement, expected):
    assert grants(statement) == expected


def test_a_record_with_taiwan_numbers_alone_has_their_funders(tmp_path):
    record = ris(tmp_path, "We studied eyes. This work was supported by NSC 99-2314-B-002-001 and "
                           "NSTC 111-2314-B-002-001-MY3.")
    assert record["abstract"] == {"en": "We studied eyes."}
    assert funding(record) == [(NSC, "NSC 99-2314-B-002-001"), (NSTC, "NSTC 111-2314-B-002-001-MY3")]


# 11. A funder we know, by its name or acronym, before a grant number makes a sentence a funding
# statement, with no funder's word nor an acronym right before the number
NIHR = "National Institute for Health and Care Research"


@pytest.mark.parametrize("abstract, expected", [
    ("We studied hips. Supported by the NIHR (NIHR200123).", [(NIHR, "NIHR200123")]),
    ("We studied hips. This study was funded by the National Institute for Health Research (NIHR200123).",
     [(NIHR, "NIHR200123")]),
])
def test_a_known_funder_before_a_number_makes_a_funding_statement(tmp_path, abstract, expected):
    record = ris(tmp_path, abstract)
    assert record["abstract"] == {"en": "We studied hips."}
    assert funding(record) == expected


def test_a_number_after_no_funder_makes_no_funding_statement(tmp_path):
    # (a number naming no funder: NIHR200123 names the NIHR, below)
    record = ris(tmp_path, "We studied hips. Supported by the HPLC cohort (HC200123).")
    assert record["abstract"] == {"en": "We studied hips. Supported by the HPLC cohort (HC200123)."}
    assert funding(record) == []


# 12. "and by" another funder after the funder a number is from is one more funder, where it is kept
# in funder_original only
RPB = "Research to Prevent Blindness"


@pytest.mark.parametrize("statement, expected", [
    ("Supported by grant R01 EY012345 from the National Eye Institute, Bethesda, MD, and by Research to Prevent "
     "Blindness, New York, NY.", [("National Eye Institute", "R01 EY012345"), (RPB, None)]),
    ("Supported by grant R01 EY012345 from the National Eye Institute and by Research to Prevent Blindness.",
     [("National Eye Institute", "R01 EY012345"), (RPB, None)]),
    ("Supported by the National Eye Institute (R01 EY012345) and by Research to Prevent Blindness.",
     [("National Eye Institute", "R01 EY012345"), (RPB, None)]),
])
def test_and_by_another_funder_after_a_number_is_one_more_funder(statement, expected):
    assert grants(statement) == expected


def test_a_record_of_a_funder_and_by_another_keeps_both_as_written(tmp_path):
    record = ris(tmp_path, "We studied eyes. Supported by grant R01 EY012345 from the National Eye Institute, Bethesda, "
                           "MD, and by Research to Prevent Blindness, New York, NY.")
    assert record["abstract"] == {"en": "We studied eyes."}
    assert [(f["funder"], f["funder_original"], f["award"]) for f in record["funding"]] == [
        ("National Eye Institute", "National Eye Institute, Bethesda, MD", "R01 EY012345"),
        (RPB, "Research to Prevent Blindness, New York, NY", None)]


# 13. "Grants" (and "Grant Nos.", "Nos.") right before the numbers is a label, as "Grant" is, not
# part of the funder; a name's "Grants" stays ("Research Grants Council", "Grants-in-Aid")
@pytest.mark.parametrize("statement, expected", [
    ("This work was supported by the National Science and Technology Council, Taiwan, under Grants "
     "NSTC 111-2314-B-002-001 and NSTC 112-2314-B-002-002.",
     ["National Science and Technology Council, Taiwan"] * 2),
    ("This work was supported by the Wellcome Trust under Grants 208812/Z/17/Z and 208813/Z/17/Z.", ["Wellcome Trust"] * 2),
    ("This work was supported by the Wellcome Trust, Grant Nos. 208812/Z/17/Z and 208813/Z/17/Z.", ["Wellcome Trust"] * 2),
    ("This work was supported by the Wellcome Trust (Nos. 208812/Z/17/Z and 208813/Z/17/Z).", ["Wellcome Trust"] * 2),
    ("Supported by the Research Grants Council of Hong Kong (Grants 17100218 and 17100219) and JSPS Grants-in-Aid "
     "for Scientific Research (Grants 19K12345).", ["Research Grants Council of Hong Kong"] * 2
     + ["JSPS Grants-in-Aid for Scientific Research"]),
])
def test_grants_before_the_numbers_is_a_label(statement, expected):
    assert [e["funder_original"] for e in parse_funding(statement)] == expected


def test_a_record_of_numbers_after_grants_has_the_funder_as_written(tmp_path):
    record = ris(tmp_path, "We studied eyes. This work was supported by the National Science and Technology Council "
                           "under Grants NSTC 111-2314-B-002-001 and NSTC 112-2314-B-002-002.")
    assert [(f["funder"], f["funder_original"]) for f in record["funding"]] == [
        (NSTC, "National Science and Technology Council")] * 2


# 14. An ordinary NIH grant's number (an activity code, R01, P30, U01, K08, T32, UL1 …, and the
# institute's letters) is its institute's, no funder or the NIH named; funder_original as written,
# and a funder we do not know named keeps it
@pytest.mark.parametrize("statement, expected", [
    ("R01 CA123456", [(NCI, "", "R01 CA123456")]),
    ("Supported by R01 CA123456 and Grant P30 CA016672.", [(NCI, "", "R01 CA123456"), (NCI, "", "P30 CA016672")]),
    ("Supported by grants K08 HL123456, T32 GM008424-21 and F32 EY012345.",
     [(NHLBI, "", "K08 HL123456"), ("National Institute of General Medical Sciences", "", "T32 GM008424-21"),
      ("National Eye Institute", "", "F32 EY012345")]),
    ("Supported by NIH grant U01 AG012345.", [("National Institute on Aging", "NIH", "U01 AG012345")]),
    # letters no institute of the table's, and a funder we do not know: as before
    ("Supported by NIH grant DP2 OD123456.", [("National Institutes of Health", "NIH", "DP2 OD123456")]),
    ("Supported by the Wellcome Trust (R01 CA123456).", [("Wellcome Trust", "Wellcome Trust", "R01 CA123456")]),
])
def test_an_nih_number_without_a_funder_is_its_institutes(statement, expected):
    assert [(e["funder"], e["funder_original"], e["award"]) for e in parse_funding(statement)] == expected


def test_a_record_with_an_nih_number_alone_has_its_institute(tmp_path):
    record = ris(tmp_path, "We studied lungs. Supported by R01 HL123456.")
    assert record["abstract"] == {"en": "We studied lungs."}
    assert [(f["funder"], f["funder_original"], f["award"]) for f in record["funding"]] == [(NHLBI, "", "R01 HL123456")]


# 15. Sweden's ALF (the state's agreement with the regions on doctors' training and clinical
# research) is one known funder by its acronym, its funds' names and its own name; not an acronym
# inside another funder's name
@pytest.mark.parametrize("statement, expected", [
    ("Supported by ALF grant (ALF-20190123).", [(ALF, "ALF", "ALF-20190123")]),
    ("Supported by ALF-medel (ALFGBG-123456).", [(ALF, "ALF-medel", "ALFGBG-123456")]),
    ("Supported by the Swedish state under the ALF agreement (ALFGBG-965123).",
     [(ALF, "Swedish state under the ALF agreement", "ALFGBG-965123")]),
    ("Supported by the American Liver Foundation (ALF) (2019-1234).",
     [("American Liver Foundation (ALF)", "American Liver Foundation (ALF)", "2019-1234")]),
])
def test_alf_is_one_known_funder(statement, expected):
    assert [(e["funder"], e["funder_original"], e["award"]) for e in parse_funding(statement)] == expected


# 16. A known funder's acronym glued to its number names that funder, as the NIHR writes its
# awards ("NIHR200123"); a statement of such a number alone is funding, and a funder named that
# we do not know keeps it as written.  An acronym we do not know glued to a number names no
# funder (a programme's letters: Jiangsu's "BK20206990"); an ERC grant after its call is one.
@pytest.mark.parametrize("statement, expected", [
    ("Supported by NIHR200123.", [(NIHR, "NIHR200123")]),
    ("Supported by the Leeds Biomedical Research Centre (NIHR203331).", [(NIHR, "NIHR203331")]),
    ("Supported by the HPLC cohort (NIHR200123).", [(NIHR, "NIHR200123")]),
    ("Supported by NSFC-81702662.", [("National Natural Science Foundation of China", "NSFC-81702662")]),
    ("Supported by grant BK20206990.", [("", "BK20206990")]),
    ("Supported by the European Research Council (ERC-2017-STG 757588).",
     [("European Research Council", "ERC-2017-STG 757588")]),
    ("Supported by the Medical Research Council (MR/N013867/1).", [("Medical Research Council", "MR/N013867/1")]),
])
def test_a_known_funders_acronym_glued_to_its_number_names_it(statement, expected):
    assert grants(statement) == expected


# (a funder we know, or a funder's name, named with another funder's glued number keeps its grant:
# the number's letters override only a funder unknown; an acronym and a year is no grant's number)
@pytest.mark.parametrize("statement, expected", [
    ("Supported by the Beijing Natural Science Foundation (NSFC2019001).",
     [("Beijing Natural Science Foundation", "NSFC2019001")]),
    ("Supported by the Wellcome Trust (NIHR200123).", [("Wellcome Trust", "NIHR200123")]),
    ("Supported by the Swedish Research Council (NCI-2019-01234).", [("Swedish Research Council", "NCI-2019-01234")]),
    ("Supported by the National Science and Technology Council (NSTC 111-2314-B-002-001).",
     [(NSTC, "NSTC 111-2314-B-002-001")]),
])
def test_a_known_funder_keeps_its_grant_beside_another_funders_glued_number(statement, expected):
    assert grants(statement) == expected


def test_an_acronym_and_a_year_names_no_funder():
    assert _numbered_funder("NIHR-2019") is None and _numbered_funder("NIHR-201912") == ("NIHR", "NIHR")


def test_a_record_with_a_glued_nihr_number_alone_has_its_funder(tmp_path):
    record = ris(tmp_path, "We studied hips. Supported by NIHR200123.")
    assert record["abstract"] == {"en": "We studied hips."}
    assert [(f["funder"], f["funder_original"], f["funder_id"], f["award"]) for f in record["funding"]] == [
        (NIHR, "NIHR", "10.13039/501100000272", "NIHR200123")]


# 16b. The European Research Council and the UK's Medical Research Council are known funders, by
# name and by their acronyms ("the ERC", "MRC"), not another's acronym or another country's council;
# a glued "ERC-2017-STG 757588" names the ERC, and a number of the MRC's shape, "MR/N013867/1", the MRC
ERC = ("European Research Council", "10.13039/501100000781")
MRC = ("Medical Research Council", "10.13039/501100000265")


@pytest.mark.parametrize("statement, expected", [
    ("Supported by ERC-2017-STG 757588.", [(*ERC, "ERC", "ERC-2017-STG 757588")]),
    ("This work was funded by MR/N013867/1.", [(*MRC, "", "MR/N013867/1")]),
    ("Supported by the European Research Council (ERC) under grant agreement No 757588.",
     [(*ERC, "European Research Council (ERC)", "757588")]),
    ("Supported by the ERC (757588).", [(*ERC, "ERC", "757588")]),
    ("Supported by the UK Medical Research Council (G0801234).", [(*MRC, "UK Medical Research Council", "G0801234")]),
    ("Supported by the MRC (G0801234).", [(*MRC, "MRC", "G0801234")]),
    ("Supported by the Wellcome Trust (MR/N013867/1).", [("Wellcome Trust", None, "Wellcome Trust", "MR/N013867/1")]),
    ("Supported by the National Health and Medical Research Council (APP1234567).",
     [("National Health and Medical Research Council", None, "National Health and Medical Research Council",
       "APP1234567")]),
    ("Supported by the NSF Engineering Research Center (ERC) grant 1234567.",
     [("NSF Engineering Research Center (ERC)", None, "NSF Engineering Research Center (ERC)", "1234567")]),
    ("Supported by the South African Medical Research Council (MRC) (123456).",
     [("South African Medical Research Council (MRC)", None, "South African Medical Research Council (MRC)",
       "123456")]),
])
def test_the_erc_and_the_mrc_are_known_funders(statement, expected):
    assert [(e["funder"], e["funder_id"], e["funder_original"], e["award"]) for e in parse_funding(statement)] == expected


# (an ERC call after the grant's number, in brackets, says what the grant was awarded under: no
# second grant)
@pytest.mark.parametrize("statement, expected", [
    ("Supported by the ERC under grant agreement No 757588 (ERC-2017-STG).", [(ERC[0], "757588")]),
    ("This project has received funding from the European Research Council (ERC) under the European Union's "
     "Horizon 2020 research and innovation programme under grant agreement No 757588 (ERC-2017-STG).",
     [(ERC[0], "757588")]),
    ("Supported by ERC-2014-CoG 647000 and ERC-2019-STG 850000.",
     [(ERC[0], "ERC-2014-CoG 647000"), (ERC[0], "ERC-2019-STG 850000")]),
])
def test_an_erc_call_is_no_grant(statement, expected):
    assert grants(statement) == expected


# 17. Funders listed after a statement's grants, "and by" them or after a comma, are each a
# funder, a company's one-word name too ("Pfizer and Novartis"); one rule parts such a list
# (_named_list): into capitalised names, none a place or a company's legal form (its city and
# country, "Inc.": the name's), nor the first words of a known funder named with "and" where its
# rest follows ("Merck Sharp and Dohme", "Eli Lilly and Company"; "Merck and Pfizer" are two);
# two names alike are one ("Johnson and Johnson")
NSFC_GRANT = ("National Natural Science Foundation of China", "81702662")


@pytest.mark.parametrize("statement, expected", [
    # each a funder
    ("Supported by grant 81702662 from the NSFC, and by Pfizer and Novartis.", [NSFC_GRANT, ("Pfizer", None), ("Novartis", None)]),
    ("This work was supported by the Wellcome Trust (208812/Z/17/Z), and by Pfizer and Novartis.",
     [("Wellcome Trust", "208812/Z/17/Z"), ("Pfizer", None), ("Novartis", None)]),
    ("Supported by the Wellcome Trust (208812/Z/17/Z), Pfizer and Novartis.",
     [("Wellcome Trust", "208812/Z/17/Z"), ("Pfizer", None), ("Novartis", None)]),
    ("Supported by grant R01 EY012345 from the NEI, and by Pfizer, Novartis and Roche.",
     [("National Eye Institute", "R01 EY012345"), ("Pfizer", None), ("Novartis", None), ("Roche", None)]),
    ("Supported by grant 81702662 from the NSFC, and by AstraZeneca and Sanofi.", [NSFC_GRANT, ("AstraZeneca", None), ("Sanofi", None)]),
    # a known funder named with "and" is one, however it is written; its first words alone are a funder
    ("Supported by grant 81702662 from the NSFC, and by Procter and Gamble.", [NSFC_GRANT, ("Procter & Gamble", None)]),
    ("Funding: Wellcome Trust (208812/Z/17/Z), Merck Sharp and Dohme, and Pfizer.",
     [("Wellcome Trust", "208812/Z/17/Z"), ("Merck Sharp & Dohme", None), ("Pfizer", None)]),
    ("Funding: Wellcome Trust (208812/Z/17/Z), Pfizer, Johnson and Johnson, and Roche.",
     [("Wellcome Trust", "208812/Z/17/Z"), ("Pfizer", None), ("Johnson & Johnson", None), ("Roche", None)]),
    ("This work was supported by the Bill and Melinda Gates Foundation (OPP1234567) and by Johnson & Johnson.",
     [("Bill and Melinda Gates Foundation", "OPP1234567"), ("Johnson & Johnson", None)]),
    ("Supported by grant 81702662 from the NSFC, and by Eli Lilly and Novartis.", [NSFC_GRANT, ("Eli Lilly", None), ("Novartis", None)]),
    ("Supported by grant 81702662 from the NSFC, and by Merck and Pfizer.", [NSFC_GRANT, ("Merck", None), ("Pfizer", None)]),
    ("Supported by grant 81702662 from the NSFC, and by Johnson and Pfizer.", [NSFC_GRANT, ("Johnson", None), ("Pfizer", None)]),
    ("Supported by grant 81702662 from the NSFC, and by Bill and Melinda Gates.",
     [NSFC_GRANT, ("Bill and Melinda Gates Foundation", None)]),
    # no places, legal forms or registrations
    ("Supported by grant 81702662 from the NSFC, and by Bayer, Leverkusen, Germany.", [NSFC_GRANT, ("Bayer", None)]),
    ("Supported by NIH grant R01 CA123456, and by Pfizer, Inc., New York, NY, USA.",
     [("National Cancer Institute", "R01 CA123456"), ("Pfizer, Inc.", None)]),
    ("Supported by NIH grant R01 CA123456, and by Merck and Co.",
     [("National Cancer Institute", "R01 CA123456"), ("Merck & Co.", None)]),
    ("Supported by the Wellcome Trust (208812/Z/17/Z), Bristol-Myers Squibb, Eli Lilly and Company and Sanofi.",
     [("Wellcome Trust", "208812/Z/17/Z"), ("Bristol-Myers Squibb", None), ("Eli Lilly and Company", None),
      ("Sanofi", None)]),
])
def test_a_list_after_the_grants_is_its_funders(statement, expected):
    assert grants(statement) == expected


def test_a_trials_registration_is_no_grant_number():
    entries = parse_funding("Supported by grant 81702662 from the NSFC and NCT01234567.")
    assert "NCT01234567" not in [e["award"] for e in entries]


# 18. A programme's own "Grant(s)" after a capitalised word of its name is its name's, as
# "Award" is ("NIH Director's New Innovator Award"); after an acronym, a funder's head word or
# "under", a label (13.)
@pytest.mark.parametrize("statement, expected", [
    ("Supported by NSERC Discovery Grants (RGPIN-2019-04567).", [("NSERC Discovery Grants", "RGPIN-2019-04567")]),
    ("Supported by NSERC Discovery Grant RGPIN-2019-04567.", [("NSERC Discovery Grant", "RGPIN-2019-04567")]),
    ("Supported by NIH Director's New Innovator Award (DP2 OD123456).",
     [("NIH Director's New Innovator Award", "DP2 OD123456")]),
    ("Supported by NSFC Grants 81702662 and 81702663.", [("NSFC", "81702662"), ("NSFC", "81702663")]),
    ("Supported by the Wellcome Trust Grant 208812/Z/17/Z.", [("Wellcome Trust", "208812/Z/17/Z")]),
    ("Supported by ERC Starting Grant 757588.", [("ERC Starting Grant", "757588")]),
])
def test_a_programmes_grants_is_its_names(statement, expected):
    assert [(e["funder_original"], e["award"]) for e in parse_funding(statement)] == expected


# (only after a programme's own word, and never after a funder we know: such a funder's "Grant"
# is a label and the funder keeps its id)
@pytest.mark.parametrize("statement, funder, funder_id", [
    ("Supported by the Natural Science Foundation of Jiangsu Province Grant BK20206990.",
     "Natural Science Foundation of Jiangsu Province", "10.13039/501100004608"),
    ("This work was supported by the Japan Society for the Promotion of Science Grant 18K12345.",
     "Japan Society for the Promotion of Science", "10.13039/501100001691"),
    ("Supported by the Ministry of Education of Korea Grant 2019R1A2C1001234.", "Ministry of Education of Korea", None),
    ("Supported by Canada Research Chairs Grant 950-231234.", "Canada Research Chairs", None),
])
def test_grant_after_a_funders_own_name_is_a_label(statement, funder, funder_id):
    [entry] = parse_funding(statement)
    assert (entry["funder_original"], entry["funder_id"]) == (funder, funder_id)


def test_a_long_name_with_no_space_is_cleaned_in_one_reading():
    # (the word before each "Grant" was looked for over the whole text before it, which with no
    # space in it was read again from every place: minutes for this, now well under a second)
    name = "华" + "国" * 200_000
    assert _clean_funder(name + "(Grant") == name


# 19. A cell line's name is no grant's number, nor does it name the NCI ("NCI-H1299", "NCI-H460"),
# however many are listed before "cells" or "cell line"; a grant's number beside them is read
@pytest.mark.parametrize("statement, expected", [
    ("Funding: NCI-H460 and NCI-H1299 cells were a gift. This work was supported by the NSFC (81702662).",
     [("National Natural Science Foundation of China", "81702662")]),
    ("Supported by the NSFC (81702662) and HCC1937 cells from ATCC.",
     [("National Natural Science Foundation of China", "81702662")]),
    ("Supported by NIH-R01CA123456.", [(NCI, "R01CA123456")]),
])
def test_a_cell_line_is_no_grant(statement, expected):
    assert grants(statement) == expected


@pytest.mark.parametrize("text", ["We thank Prof. Li for NCI-H460 and NCI-H1299 cells.",
                                  "The NCI-H1299 cell line was a gift from Dr Wang."])
def test_thanks_for_cell_lines_are_no_funding(text):
    assert acknowledged_funding(text) == []


# 20. JSPS is a known funder, by name and acronym; its "Grant-in-Aid for Scientific Research" is its
# programme's name, kept with the funder as written ("Grant" there is no label), without the article
@pytest.mark.parametrize("statement, expected", [
    ("This work was supported by a Grant-in-Aid for Scientific Research (KAKENHI) from the Japan Society for the "
     "Promotion of Science (JSPS).",
     [("Grant-in-Aid for Scientific Research (KAKENHI) from the Japan Society for the Promotion of Science (JSPS)",
       None)]),
    ("This work was supported by JSPS Grant-in-Aid for Scientific Research (C) (No. 19K12345).",
     [("JSPS Grant-in-Aid for Scientific Research (C)", "19K12345")]),
    ("This work was supported by JSPS KAKENHI Grant Number JP19K12345.", [("JSPS KAKENHI", "JP19K12345")]),
])
def test_jsps_and_its_grants_in_aid(statement, expected):
    entries = parse_funding(statement)
    assert [(e["funder_original"], e["award"]) for e in entries] == expected
    assert {(e["funder"], e["funder_id"]) for e in entries} == {
        ("Japan Society for the Promotion of Science", "10.13039/501100001691")}


# Sentences that open a funding statement beside "Supported by …": the EU's own wording ("This
# project has received funding from …"), "received support from", "was also supported by",
# "Funding for this work was provided by"; the opening is no part of the funder, and the
# statement is parted from the abstract before it.
@pytest.mark.parametrize("opening", [
    "This project has received funding from",
    "This research received funding from",
    "This study received financial support from",
    "This work was also supported by",
    "Funding for this work was provided by",
    "Financial support was provided by",
])
def test_more_openings_of_a_funding_statement(opening):
    from indexer.fields.funding import split_funding_statement
    statement = f"{opening} the Wellcome Trust (208812/Z/17/Z)."
    assert [(e["funder_original"], e["award"]) for e in parse_funding(statement)] == [("Wellcome Trust", "208812/Z/17/Z")]
    assert split_funding_statement("Results were good. " + statement) == ("Results were good.", statement)


def test_the_eus_wording_keeps_no_opening_in_the_funder():
    statement = ("This project has received funding from the European Research Council (ERC) under the European "
                 "Union's Horizon 2020 research and innovation programme (grant agreement No 757588).")
    assert [(e["funder"], e["funder_id"], e["funder_original"], e["award"]) for e in parse_funding(statement)] == [
        ("European Research Council", "10.13039/501100000781", "European Research Council (ERC) under the European "
         "Union's Horizon 2020 research and innovation programme", "757588")]


# KAKENHI alone, JSPS's programme as JSPS asks its grants be written, is the JSPS's; another's
# KAKENHI ("MEXT KAKENHI") is not
@pytest.mark.parametrize("statement, expected", [
    ("This work was supported by KAKENHI Grant Number JP19K12345.",
     [("Japan Society for the Promotion of Science", "10.13039/501100001691", "KAKENHI", "JP19K12345")]),
    ("Supported by KAKENHI (JP19K12345).",
     [("Japan Society for the Promotion of Science", "10.13039/501100001691", "KAKENHI", "JP19K12345")]),
    ("This work was supported by MEXT KAKENHI Grant Number JP19K12345.",
     [("MEXT KAKENHI", None, "MEXT KAKENHI", "JP19K12345")]),
])
def test_kakenhi_alone_is_the_jsps(statement, expected):
    assert [(e["funder"], e["funder_id"], e["funder_original"], e["award"]) for e in parse_funding(statement)] == expected


@pytest.mark.parametrize("statement, expected", [
    ("The authors received no specific funding for this work. J.S. was supported by a Wellcome Trust fellowship.",
     [("Wellcome Trust", None)]),
    ("This work was supported by the NSFC. J.S. was supported by a Wellcome Trust fellowship",
     [("National Natural Science Foundation of China", None), ("Wellcome Trust", None)]),
    ("This work was supported by the NSFC (81702662). J.S. and K.L. were funded by the Wellcome Trust (208812/Z/17/Z).",
     [("National Natural Science Foundation of China", "81702662"), ("Wellcome Trust", "208812/Z/17/Z")]),
])
def test_an_authors_funding_leaves_the_author_out_of_the_funders_name(statement, expected):
    assert grants(statement) == expected


@pytest.mark.parametrize("statement, expected", [
    ("No funding other than grant 81702662 from the NSFC was received.", [("NSFC", "81702662")]),
    ("Grant 81702662 from the NSFC is gratefully acknowledged.", [("NSFC", "81702662")]),
    ("Grants R01 CA123456 and R01 CA654321 awarded by the Prostate Cancer Foundation were used.",
     [("Prostate Cancer Foundation", "R01 CA123456"), ("Prostate Cancer Foundation", "R01 CA654321")]),
])
def test_a_funder_named_after_its_number_ends_at_the_verb(statement, expected):
    assert [(e["funder_original"], e["award"]) for e in parse_funding(statement)] == expected


@pytest.mark.parametrize("statement, expected", [
    ("Supported by grant 123456 from the We Are Family Foundation and grant 654321 from the NIH.",
     [("We Are Family Foundation", "123456"), ("NIH", "654321")]),
    ("Grant 12345678 from Research Is Us Foundation.", [("Research Is Us Foundation", "12345678")]),
    ("Supported by grant 123456 awarded by the Ministry of Science, which is part of the government.",
     [("Ministry of Science, which is part of the government", "123456")]),
    ("Grant 123456 from the Ministry of Health, Labour and Welfare of Japan are acknowledged",
     [("Ministry of Health, Labour and Welfare of Japan", "123456")]),
    ("Grant 81702662 from the NSFC is also acknowledged.", [("NSFC", "81702662")]),
])
def test_a_funders_name_is_not_cut_at_a_capitalised_word_or_a_clause_about_it(statement, expected):
    """Only a verb written small with a participle after it ends the name, not 'Are' or 'Is' in
    it, nor 'which is part of'."""
    assert [(e["funder_original"], e["award"]) for e in parse_funding(statement)] == expected


def test_what_a_grant_was_used_for_after_its_funder_is_no_funder_and_a_by_after_it_names_one():
    # the name ends at the verb, and the clause after it became a funder of its own
    # ("was used to fund data collection", "has been supported by the Doris Duke …")
    used = parse_funding("Grant 1R01AG012345 from the National Institute on Aging was used to fund data collection.")
    assert [(e["funder"], e["award"]) for e in used] == [("National Institute on Aging", "1R01AG012345")]
    by = parse_funding("This work was supported by grant 5U01CA123456 from the NCI, and has been supported by the "
                       "Doris Duke Charitable Foundation.")
    assert [(e["funder"], e["award"]) for e in by] == [("National Cancer Institute", "5U01CA123456"),
                                                       ("Doris Duke Charitable Foundation", None)]
