"""A programme's code before its number (SFB 1234, DMS 1234567), Scopus's acronyms in its
Funding Details, and a funder without a grant after one with a grant."""
import pytest

from indexer.fields.funding import grants_beyond, parse_funding


def grants(text):
    return [(e["funder"], e["award"]) for e in parse_funding(text)]


@pytest.mark.parametrize("statement, expected", [
    ("Deutsche Forschungsgemeinschaft (DFG) [SFB 1234]", [("Deutsche Forschungsgemeinschaft (DFG)", "SFB 1234")]),
    ("National Science Foundation [DMS 1234567]", [("National Science Foundation", "DMS 1234567")]),
    ("German Research Foundation (DFG) [EXC 2067/1-390729940]",
     [("German Research Foundation (DFG)", "EXC 2067/1-390729940")]),
    ("This work was supported by the Deutsche Forschungsgemeinschaft (SFB 1234, project A01).",
     [("Deutsche Forschungsgemeinschaft", "SFB 1234")]),
    ("This work was supported by the Deutsche Forschungsgemeinschaft (DFG, German Research Foundation) - "
     "Project-ID 390729940 - SFB 1234.",
     [("Deutsche Forschungsgemeinschaft (DFG, German Research Foundation)", "390729940"),
      ("Deutsche Forschungsgemeinschaft (DFG, German Research Foundation)", "SFB 1234")]),
    ("Deutsche Forschungsgemeinschaft (DFG) [SFB1234]; Projekt DEAL",
     [("Deutsche Forschungsgemeinschaft (DFG)", "SFB1234"), ("Projekt DEAL", None)]),
    ("Open Access funding enabled and organized by Projekt DEAL.", [("Projekt DEAL", None)]),
])
def test_programme_codes_and_listed_funders(statement, expected):
    assert grants(statement) == expected


def test_scopus_details_without_acronyms():
    parts = grants_beyond([], ["Wellcome Trust, WT, (206194/Z/17/Z); Horizon 2020 Framework Programme, H2020, (757588)"])
    assert [g for p in parts for g in grants(p)] == [("Wellcome Trust", "206194/Z/17/Z"),
                                                    ("Horizon 2020 Framework Programme", "757588")]


def test_scopus_details_with_a_coded_grant_beside_a_text():
    text = "This work was supported by the NSFC (81702662)."
    assert grants_beyond([text], ["Deutsche Forschungsgemeinschaft, DFG, (SFB 1234)"]) == [
        "Deutsche Forschungsgemeinschaft, (SFB 1234)"]
