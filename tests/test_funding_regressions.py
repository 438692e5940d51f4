"""Funding, a regression QA pass after the funding fixes: a funder's name holding " to ", grant
numbers named before their funder (or with none), Web of Science's FX of thanks, a keyword
holding "Funds:", an acknowledgement thanking a person at a university."""
from __future__ import annotations

import pytest

from conftest import records_of as clean
from conftest import page_record
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
