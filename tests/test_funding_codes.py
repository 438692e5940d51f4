"""A programme's code before its number (SFB 1234, DMS 1234567), Scopus's acronyms in its
Funding Details, and a funder without a grant after one with a grant."""
import pytest

from indexer.fields.funding import grants_beyond, parse_funding


def grants(text):
    return [(e["funder"], e["award"]) for e in parse_funding(text)]


@pytest.mark.parametrize("statement, expected", [
    ("Deutsche Forschungsgemeinschaft (DFG) [SFB 1234]", [("German Research Foundation", "SFB 1234")]),
    ("National Science Foundation [DMS 1234567]", [("National Science Foundation", "DMS 1234567")]),
    ("German Research Foundation (DFG) [EXC 2067/1-390729940]",
     [("German Research Foundation", "EXC 2067/1-390729940")]),
    ("This work was supported by the Deutsche Forschungsgemeinschaft (SFB 1234, project A01).",
     [("German Research Foundation", "SFB 1234")]),
    ("This work was supported by the Deutsche Forschungsgemeinschaft (DFG, German Research Foundation) - "
     "Project-ID 390729940 - SFB 1234.",
     [("German Research Foundation", "390729940"),
      ("German Research Foundation", "SFB 1234")]),
    ("Deutsche Forschungsgemeinschaft (DFG) [SFB1234]; Projekt DEAL",
     [("German Research Foundation", "SFB1234"), ("Projekt DEAL", None)]),
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


@pytest.mark.parametrize("statement, expected", [
    # letters after "and" (or a comma) open another funder's name: its acronym, not a code
    ("Funded by the European Commission and the BBSRC 123456.", [("European Commission", None), ("BBSRC", "123456")]),
    ("This study was funded by the Swedish Research Council and FORTE 12345.",
     [("Swedish Research Council", None), ("FORTE", "12345")]),
    ("Supported by Region Stockholm and KI 123456.", [("Region Stockholm", None), ("KI", "123456")]),
    ("We thank the University Hospital and UKE 123456 for support.", [("University Hospital and UKE", "123456")]),
    ("Supported by the Ministry of Health and the NKFIH 123456.", [("Ministry of Health and the NKFIH", "123456")]),
    # the funder's own acronym in its bracket, in its own language
    ("Supported by the Academy of Finland (AKA 123456).", [("Academy of Finland (AKA)", "123456")]),
    # codes after their funder, in its bracket, after another code there
    ("Deutsche Forschungsgemeinschaft (SFB 1234, SFB 5678)",
     [("German Research Foundation", "SFB 1234"), ("German Research Foundation", "SFB 5678")]),
])
def test_another_funders_acronym_is_no_code(statement, expected):
    assert grants(statement) == expected


def test_scopus_details_grant_or_country_after_the_name():
    assert grants_beyond([], ["Japan Society for the Promotion of Science, JP19K12345"]) == [
        "Japan Society for the Promotion of Science, JP19K12345"]
    assert grants_beyond([], ["National Science Foundation, DMS1234567", "Department of Health, UK"]) == [
        "National Science Foundation, DMS1234567", "Department of Health, UK"]
    assert grants("National Science Foundation, DMS1234567") == [("National Science Foundation", "DMS1234567")]


@pytest.mark.parametrize("statement, expected", [
    # a statement after the last grant is no funder; a funder's name is
    ("This work was supported by the NSFC (81702662); Data Availability Statement Not Applicable",
     [("National Natural Science Foundation of China", "81702662")]),
    ("Funded by the Wellcome Trust (206194); Approved By The Ethics Committee", [("Wellcome Trust", "206194")]),
    ("National Institutes of Health [R01 CA123456]; Mayo Clinic",
     [("National Cancer Institute", "R01 CA123456"), ("Mayo Clinic", None)]),
])
def test_statement_after_the_last_grant_is_no_funder(statement, expected):
    assert grants(statement) == expected


def test_a_code_written_again_after_and_is_the_same_programmes():
    # "… DMS 1234567 and DMS 7654321": the second is no funder "DMS" (5a1dd46 read letters after
    # "and" as another funder's acronym)
    from indexer.fields.funding import parse_funding

    entries = parse_funding("Supported by the NSF under grants DMS 1234567 and DMS 7654321")
    assert [(e["funder_original"], e["award"]) for e in entries] == [("NSF", "DMS 1234567"), ("NSF", "DMS 7654321")]


@pytest.mark.parametrize("statement, expected", [
    # the funder's acronym in its own language, not its English name's initials: its own, as "(AKA 123456)" is
    ("Austrian Science Fund (FWF 31234)", [("Austrian Science Fund", "Austrian Science Fund (FWF)", "31234")]),
    ("Research Foundation Flanders (FWO G012345N)",
     [("Research Foundation Flanders", "Research Foundation Flanders (FWO)", "G012345N")]),
    ("Czech Science Foundation (GACR 19-12345S)",
     [("Czech Science Foundation", "Czech Science Foundation (GACR)", "19-12345S")]),
    # letters the table lists for no funder, opening with the funder's initial: its programme's code
    ("German Research Foundation (GRK 2062)", [("German Research Foundation", "German Research Foundation", "GRK 2062")]),
    ("Deutsche Forschungsgemeinschaft (DFG, German Research Foundation) - Project number 390900948",
     [("German Research Foundation", "Deutsche Forschungsgemeinschaft (DFG, German Research Foundation)", "390900948")]),
])
def test_a_known_funders_own_acronym_is_no_code(statement, expected):
    assert [(e["funder"], e["funder_original"], e["award"]) for e in parse_funding(statement)] == expected


@pytest.mark.parametrize("statement", [
    "European Union's Horizon 2020 research and innovation programme under the Marie Sklodowska-Curie grant "
    "agreement [H2020-MSCA-ITN-2018 813545]",   # (Web of Science's FU)
    "European Union's Horizon 2020 research and innovation programme under the Marie Sklodowska-Curie grant "
    "agreement No 813545 (H2020-MSCA-ITN-2018).",
])
def test_an_eu_call_is_no_grant_of_its_own(statement):
    assert grants(statement) == [
        ("European Union's Horizon 2020 research and innovation programme under the Marie Sklodowska-Curie", "813545")]


@pytest.mark.parametrize("statement, expected", [
    # no funder named: the grant kept with funder "", as any grant no funder is named for
    ("grant agreement [H2020-MSCA-ITN-2018-813545]", [("", "813545")]),
    ("Marie Sklodowska-Curie grant agreement [H2020-MSCA-ITN-2018-813545]", [("Marie Sklodowska-Curie", "813545")]),
    ("European Union's Horizon 2020 research and innovation programme under the Marie Sklodowska-Curie grant "
     "agreement [H2020-MSCA-ITN-2018-813545]",
     [("European Union's Horizon 2020 research and innovation programme under the Marie Sklodowska-Curie", "813545")]),
])
def test_an_eu_call_glued_to_its_grants_number_is_no_part_of_it(statement, expected):
    assert [(e["funder_original"], e["award"]) for e in parse_funding(statement)] == expected
