"""The exports name a record's PMID wherever its reader kept it, as search's pmid: finds it
(one helper, indexer.fields.identifiers): a PubMed page's own id, an EndNote RIS record from
PubMed (AN before EndNote's ID).  Real files through the CLI."""
from __future__ import annotations

import json

import pytest

from conftest import records_of, rendered, run_cli
from indexer.fields.identifiers import pubmed_ids
from test_reader_pubmed_page import SPINE_PAGE
from test_search_pmid import MEDLINE, RIS


def _export(tmp_path, name, text, fmt):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = run_cli("export", "-f", fmt, "--from", str(path))
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_pubmed_page_and_an_endnote_ris_record_from_pubmed_export_their_pmid(tmp_path):
    page = json.loads(_export(tmp_path, "page.txt", SPINE_PAGE, "csl-json"))
    assert [item.get("PMID") for item in page] == ["33587412"]
    items = json.loads(_export(tmp_path, "endnote.ris", RIS, "csl-json"))
    # the accession number of a record not from PubMed, and EndNote's record number, are no PMIDs
    assert [item.get("PMID") for item in items] == [None, "22424230", None]
    assert "pmid = {22424230}" in _export(tmp_path, "endnote.ris", RIS, "bibtex")
    assert "PMID: 33587412." in _export(tmp_path, "page.txt", SPINE_PAGE, "vancouver")


WOS = """\
FN Clarivate Analytics Web of Science
VR 1.0
PT J
AU Smith, J
TI Vitamin D and fracture risk
SO JOURNAL OF BONE RESEARCH
PY 2020
PM 33414982
UT WOS:000602649200001
ER

PT J
AU Li, N
TI Acupuncture for low back pain
SO PAIN
PY 2021
UT WOS:000602649200002
ER

EF
"""


@pytest.mark.parametrize("fmt, suffix", [("ris", ".ris"), ("endnote", ".enw")])
def test_ris_and_endnote_keep_the_pubmed_ids_and_the_wos_accession(tmp_path, fmt, suffix):
    # PubMed's PMID and PMC id (the PMID EndNote's Accession Number, AN / %M, with PubMed the Name
    # of Database, DB / %~; the PMC id a Journal Article's C2 / %2, "PMCID"), Web of Science's PM,
    # and its UT the Accession Number of a record with no PMID: written, then read back
    back = tmp_path / f"back{suffix}"
    back.write_text(_export(tmp_path, "pubmed.txt", MEDLINE, fmt) + _export(tmp_path, "wos.txt", WOS, fmt),
                    encoding="utf-8")
    recs = records_of(back)
    assert [pubmed_ids(r) for r in recs] == [["33587412", "PMC7886183"], ["29768149"], ["33414982"], []]
    if fmt == "ris":   # (EndNote's %M of a record from elsewhere is no source id to our reader)
        assert recs[3]["source"]["source_id"] == "WOS:000602649200002"


def test_endnote_writes_no_internal_id_as_the_accession_number(tmp_path):
    """A record with no PMID or Web of Science accession has no %M: the tool's record id there
    was shown by EndNote as an Accession Number, and read back as extra.accession_number."""
    (tmp_path / "a.ris").write_text("TY  - JOUR\nTI  - A title\nAU  - Lee, A.\nPY  - 2019\nER  - \n",
                                    encoding="utf-8")
    (rec,) = records_of(tmp_path / "a.ris")
    text = rendered([rec], "endnote")
    assert not [line for line in text.splitlines() if line.startswith("%M")], text
    back = tmp_path / "back.enw"
    back.write_text(text, encoding="utf-8")
    assert "accession_number" not in records_of(back)[0]["extra"]
