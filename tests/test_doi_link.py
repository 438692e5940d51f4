"""A DOI given only as a link (``UR  - http://dx.doi.org/10.…``) is the record's DOI, whatever
the format: the pipeline reads it, as it reads a DOI field holding a link."""
from __future__ import annotations

from conftest import cleaned, run_cli

EMBASE = """TY  - JOUR
TI  - Coffee consumption and risk of breast cancer in the Norwegian Women and Cancer Study
AU  - Ellingjord-Dale, M.
PY  - 2021
UR  - http://dx.doi.org/10.1371/journal.pone.0236904
UR  - https://www.embase.com/search/results?id=L2010925000
ER  - 

TY  - JOUR
TI  - A DOI field and another DOI's link
AU  - Smith, J.
PY  - 2021
DO  - 10.1000/abc
UR  - https://doi.org/10.1000/xyz
ER  - 

TY  - JOUR
TI  - A link elsewhere that holds a DOI in its path
AU  - Smith, J.
PY  - 2021
UR  - https://www.cochranelibrary.com/central/doi/10.1002/central/CN-02231234/full
ER  - 
"""


def test_a_doi_org_link_is_the_doi_when_the_record_gives_none(tmp_path):
    path = tmp_path / "embase.ris"
    path.write_text(EMBASE, encoding="utf-8")
    linked, given, elsewhere = cleaned(path)
    assert linked["doi"] == "10.1371/journal.pone.0236904"
    assert linked["url"] == "http://dx.doi.org/10.1371/journal.pone.0236904"   # the link stays
    assert given["doi"] == "10.1000/abc"   # a DOI given stays the DOI
    assert elsewhere["doi"] is None


def test_a_csv_doi_link_with_percent_escapes_is_the_doi(tmp_path):
    path = tmp_path / "refs.csv"
    path.write_text("Title,Authors,Year,URL\nA paper,\"Smith, J.\",2020,"
                    "https://doi.org/10.1002/(SICI)1098-2795(199907)53:3%3C266::AID-MRD2%3E3.0.CO;2-6\n",
                    encoding="utf-8")
    [record] = cleaned(path)
    assert record["doi"] == "10.1002/(sici)1098-2795(199907)53:3<266::aid-mrd2>3.0.co;2-6"


NOT_ITS_OWN = """TY  - JOUR
TI  - Tea drinking and ovarian cancer: a cohort study
PY  - 2021
UR  - https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0250001
UR  - https://doi.org/10.1371/journal.pone.0236904
ER  - 

TY  - JOUR
TI  - Coffee consumption and risk of breast cancer: a Mendelian randomization study
PY  - 2021
UR  - https://doi.org/10.1371/journal.pone.0236904.s001
ER  - 
"""


def test_a_link_that_may_be_another_papers_or_a_supplements_gives_no_doi(tmp_path):
    # a review found a cited paper's link (beside the record's own page, which names another DOI)
    # and a supplement's DOI taken for the record's
    path = tmp_path / "links.ris"
    path.write_text(NOT_ITS_OWN, encoding="utf-8")
    assert [r["doi"] for r in cleaned(path)] == [None, None]


def test_a_doi_from_a_link_beside_the_records_own_page_is_still_written(tmp_path):
    # Embase: its page first, the DOI's link after; GB/T prints the page, so the DOI follows it
    path = tmp_path / "embase.ris"
    path.write_text("TY  - JOUR\nTI  - Outcomes of stroke rehabilitation in older adults\nAU  - Smith, J.\nPY  - 2020\n"
                    "JO  - Stroke\nVL  - 51\nIS  - 3\nSP  - 100\nEP  - 110\n"
                    "UR  - http://www.embase.com/search/results?subaction=viewrecord&id=L2005\n"
                    "UR  - http://dx.doi.org/10.1161/STROKEAHA.119.027\nER  - \n", encoding="utf-8")
    (rec,) = cleaned(path)
    assert rec["doi"] == "10.1161/strokeaha.119.027" and "doi_from_link" not in rec["extra"]
    assert run_cli("export", "-f", "gbt7714", "--from", str(path)).stdout.rstrip().endswith("DOI:10.1161/strokeaha.119.027.")


def test_a_doi_field_holding_a_link_is_decoded_and_loses_the_links_query(tmp_path):
    # the DOI percent-encoded in a resolver link, and a link with a tracking query
    path = tmp_path / "dois.ris"
    path.write_text("".join(f"TY  - JOUR\nTI  - Probe {n}\nAU  - Smith, J.\nPY  - 2019\nDO  - {doi}\nER  - \n\n"
                            for n, doi in enumerate(("https://doi.org/10.1016%2Fj.jclinepi.2019.01.005",
                                                     "https://doi.org/10.1016/j.jclinepi.2019.01.005?utm_source=x",
                                                     "10.1016/J.JCLINEPI.2019.01.005"))), encoding="utf-8")
    assert [r["doi"] for r in cleaned(path)] == ["10.1016/j.jclinepi.2019.01.005"] * 3


def test_a_doi_taken_from_a_link_is_decoded_and_loses_the_links_query(tmp_path):
    # RIS's UR as Embase writes it, percent-encoded and with a tracking query: read as the DO field's link is
    path = tmp_path / "ur.ris"
    path.write_text("".join(f"TY  - JOUR\nTI  - Probe {n}\nAU  - Kim, S.\nPY  - 2018\nUR  - {url}\nER  - \n\n"
                            for n, url in enumerate(("https://doi.org/10.1097%2FBRS.0000000000002345?utm_source=embase&utm_medium=x",
                                                     "http://dx.doi.org/10.1097/BRS.0000000000002345#abstract",
                                                     "https://doi.org/10.1002/(SICI)1097-4636(199603)30:3%3C305::AID-JBM4%3E3.0.CO;2-P"))),
                    encoding="utf-8")
    records = cleaned(path)
    assert [r["doi"] for r in records] == ["10.1097/brs.0000000000002345"] * 2 + [
        "10.1002/(sici)1097-4636(199603)30:3<305::aid-jbm4>3.0.co;2-p"]
    assert records[0]["url"] == "https://doi.org/10.1097%2FBRS.0000000000002345?utm_source=embase&utm_medium=x"
