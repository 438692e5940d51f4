"""PubMed MEDLINE/nbib and Web of Science readers on small files written for these tests,
and the shared samples (record counts) when ../shared is present."""
from __future__ import annotations

import pytest

from conftest import DATA, jsonl, needs_shared, run_cli

FORMATS = DATA / "formats"


def clean(path, validate):
    result = run_cli("clean", "--json", "-q", str(path))
    assert result.returncode == 0, result.stderr
    records = jsonl(result.stdout)
    for rec in records:
        validate(rec)
    return records


def names(rec):
    return [(a.get("family"), a.get("given"), a.get("literal")) for a in rec["authors"]]


def test_medline_continuations_full_names_pages_doi(validate):
    first, second = clean(FORMATS / "medline" / "continuation-fau-pages.nbib", validate)
    assert first["source"]["format"] == "medline" and first["source"]["source_id"] == "11111111"
    assert first["title"] == {"en": "Interleukin-6 levels after spinal surgery: a prospective cohort."}
    assert names(first) == [("Smith", "John Adam", None), ("Li", "Wei", None)]
    assert (first["journal"], first["year"], first["volume"], first["issue"]) == (
        {"en": "Journal of Example Surgery"}, 2019, "12", "3")
    assert first["pages"] == "1234-1245"          # PG 1234-45 expanded
    assert first["doi"] == "10.1000/jes.2019.123"
    assert first["issn"] == "1234-5678"
    assert [s["label"] for s in first["sections"]["en"]] == ["BACKGROUND", "METHODS", "RESULTS", "CONCLUSION"]
    assert first["keywords"]["en"] == ["spinal surgery", "Interleukin-6/blood", "Humans"]
    # AU only when there is no FAU
    assert names(second) == [("Brown", "A", None)] and second["source"]["source_id"] == "22222222"


def test_medline_eric_records_without_pmid_and_crlf(validate):
    first, second = clean(FORMATS / "medline" / "eric-no-pmid-crlf.txt", validate)
    assert first["title"]["en"] == "First ERIC record without a PMID"
    assert (first["issn"], first["doi"], first["year"]) == ("1111-2222", "10.1000/eric.1", 2018)
    assert names(second) == [("White", "Tom", None)]


def test_wos_header_continuations_and_cscd(validate):
    first, second = clean(FORMATS / "wos" / "header-continuations.txt", validate)
    assert first["source"]["source_id"] == "WOS:000123456700001"
    assert first["title"]["en"] == "Spinal metastases from an unknown primary: a retrospective study"
    assert names(first) == [("Zhang", "Wei", None), ("Wang", "Li", None)]   # AF over AU, e-mail dropped
    assert first["pages"] == "e0123"                                        # article number
    assert first["keywords"]["en"] == ["spinal metastasis", "surgery", "OUTCOMES"]
    assert first["authors"][0]["affiliation"] == "Example Univ, Dept Orthoped, Beijing, Peoples R China."
    assert second["title"] == {"zh": "原发灶不明脊柱转移瘤的外科治疗"}
    assert (second["journal"], second["pages"], second["year"]) == ({"zh": "中华骨科杂志"}, "12-15", 2018)
    assert second["source"]["source_id"] == "CSCD:6123456"


@pytest.mark.parametrize("folder", ["pubmed-medline", "wos"])
def test_shared_samples_fully_read(folder):
    base = needs_shared("corpus", "formats", folder)
    for path in sorted(p for p in base.iterdir() if p.is_file()):
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        marker = "PMID-" if folder == "pubmed-medline" else "PT "
        expected = sum(1 for line in text.splitlines() if line.startswith(marker)) or None
        result = run_cli("clean", "--json", "-q", str(path))
        records = [r for r in jsonl(result.stdout) if "source" in r]
        if expected:
            assert len(records) == expected, path.name
        assert result.returncode == 0, (path.name, result.stderr[-500:])
