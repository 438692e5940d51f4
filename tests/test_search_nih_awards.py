"""award: finds an NIH grant however a record or a query writes its number: with the
application type before it (1R01CA123456), the budget year after it (-01), with or without
spaces, the serial's leading zero dropped (CA16672), with or without its activity code
(AG11385, as MEDLINE writes it, is AG011385), with or without a label before it
(No.R01CA123456, Grant R01 CA123456): the index and the query read each number through
one function (schema.nih_core)."""
from __future__ import annotations

import pytest

from conftest import hit_ids, ris_searcher

# Funding as the records write it (written for this test; the cleaner keeps each number as written).
FUNDING = [("A1", "National Institutes of Health (R01 CA123456)"),
           ("A2", "National Institutes of Health (1R01CA654321-01)"),
           ("A3", "National Cancer Institute (P30CA16672)"),
           ("A4", "National Natural Science Foundation of China (81702662)"),
           ("A5", "National Institutes of Health (R01 CA123457); NIH (5 P30 CA016672-38)"),
           # as MEDLINE's GR writes them: institute and serial, no activity code
           ("A6", "National Institute on Aging (AG11385)"),
           ("A7", "National Institute of Allergy and Infectious Diseases (AI035304)"),
           ("A8", "National Institute on Aging (P01 AG022074)")]


def _ris() -> str:
    return "".join(f"TY  - JOUR\nID  - {rid}\nTI  - Paper {rid}\nN1  - Funding: {funding}\nER  - \n\n"
                   for rid, funding in FUNDING)


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    yield from ris_searcher(tmp_path_factory.mktemp("nih"), _ris())


@pytest.mark.parametrize("query,expected", [
    ("award:1R01CA123456-01", ["A1"]),      # typed with its type and year: the record's R01 CA123456
    ("award:R01CA123456", ["A1"]),          # not R01 CA123457
    ('award:"R01 CA123456"', ["A1"]),
    ("award:R01CA654321", ["A2"]),          # the record's 1R01CA654321-01
    ('award:"R01 CA654321"', ["A2"]),
    ("grant:5R01CA654321-03", ["A2"]),      # another year of the same grant
    ("award:1R01CA654321-01", ["A2"]),      # as written
    ("award:P30CA016672", ["A3", "A5"]),    # P30CA16672 and 5 P30 CA016672-38
    ("award:P30CA16672-39", ["A3", "A5"]),
    ("award:81702662", ["A4"]),             # other numbers as before
    ("award:R01CA999999", []),
    ("award:AG011385", ["A6"]),             # the record's AG11385
    ("award:AG11385", ["A6"]),
    ("award:AI35304", ["A7"]),              # the record's AI035304
    ('award:"AI 035304"', ["A7"]),
    ("award:AG22074", ["A8"]),              # the serial of P01 AG022074
    ("award:AG11386", []),
    # a label glued or spaced before the number, as papers print it: the number as the index holds it
    ("award:No.R01CA123456", ["A1"]),       # the record's R01 CA123456
    ('award:"Grant R01 CA123456"', ["A1"]),
    ('award:"Grant No. R01CA654321"', ["A2"]),   # the record's 1R01CA654321-01
    ("award:No.P30CA16672", ["A3", "A5"]),
    ("award:No.81702662", ["A4"]), ('award:"Grant 81702662"', ["A4"]),
    ("award:No.R01CA999999", []),
])
def test_an_nih_grant_is_found_however_it_is_written(searcher, query, expected):
    assert hit_ids(searcher, query) == expected


def test_the_snippet_marks_the_number_the_record_writes(searcher):
    (hit,) = searcher.search("award:R01CA654321")["hits"]
    assert hit["snippet"] == "funding: …(National Cancer Institute) 【1R01CA654321-01】"
    (hit,) = searcher.search("award:1R01CA123456-01")["hits"]
    assert hit["snippet"].endswith("【R01 CA123456】")


@pytest.mark.parametrize("query,expected", [
    # a grant the number names an institute's (R01 CA…: the NCI's) is the NIH's too, as are the
    # institutes' a record names (the National Institute on Aging's)
    ('funder:"National Institutes of Health"', ["A1", "A2", "A3", "A5", "A6", "A7", "A8"]),
    ("funder:NIH", ["A1", "A2", "A3", "A5", "A6", "A7", "A8"]),
    ('funder:"National Cancer Institute"', ["A1", "A2", "A3", "A5"]),
    ("funder:NIA", ["A6", "A8"]),
])
def test_an_nih_institutes_grants_are_the_nihs(searcher, query, expected):
    assert sorted(hit_ids(searcher, query)) == expected


# An NIH intramural project's number (ZIA, ZIC … and the institute's letters) is one grant
# however it is written: with its space, without it, with a dash, with a budget year
INTRAMURAL = [("Z1", "Intramural Research Program of the NHLBI (ZIA HL006123)"),
              ("Z2", "Intramural Research Program of the NHLBI (ZIAHL006124-05)"),
              ("Z3", "Intramural Research Program of the NIEHS (ZIC ES102345)")]


@pytest.fixture(scope="module")
def intramural(tmp_path_factory):
    ris = "".join(f"TY  - JOUR\nID  - {rid}\nTI  - Paper {rid}\nN1  - Funding: {funding}\nER  - \n\n"
                  for rid, funding in INTRAMURAL)
    yield from ris_searcher(tmp_path_factory.mktemp("zia"), ris)


@pytest.mark.parametrize("query,expected", [
    ("award:ZIAHL006123", ["Z1"]), ('award:"ZIA HL006123"', ["Z1"]), ("award:ZIA-HL006123", ["Z1"]),
    ("award:ZIAHL006123-02", ["Z1"]),
    ('award:"ZIA HL006124"', ["Z2"]), ("award:ZIAHL006124", ["Z2"]),
    ("award:ZICES102345", ["Z3"]), ("award:ZIAHL006125", []),
])
def test_an_nih_intramural_number_is_found_however_it_is_written(intramural, query, expected):
    assert hit_ids(intramural, query) == expected
