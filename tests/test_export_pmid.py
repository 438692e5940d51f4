"""The exports name a record's PMID wherever its reader kept it, as search's pmid: finds it
(one helper, indexer.fields.identifiers): a PubMed page's own id, an EndNote RIS record from
PubMed (AN before EndNote's ID).  Real files through the CLI."""
from __future__ import annotations

import json

from conftest import run_cli
from test_reader_pubmed_page import SPINE_PAGE
from test_search_pmid import RIS


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
