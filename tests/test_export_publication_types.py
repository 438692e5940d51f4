"""A journal article's publication types (PubMed's PT, Web of Science's DT) are its Type of
Article in RIS (M3) and EndNote (%9), and come back where the PubMed readers keep them
(extra.publication_type): a retraction exported to a reference manager stays one.  Real files
through the CLI."""
from __future__ import annotations

import pytest

from conftest import records_of, run_cli

MEDLINE = """\
PMID- 31612345
OWN - NLM
STAT- MEDLINE
TI  - Laparoscopic versus open colectomy: a randomised trial.
FAU - Smith, John
AU  - Smith J
PT  - Journal Article
PT  - Randomized Controlled Trial
PT  - Retracted Publication
DP  - 2019 Nov
JT  - Surgery

PMID- 30000002
OWN - NLM
STAT- MEDLINE
TI  - Erratum: Bone scans in breast cancer.
FAU - Brown, Anna
AU  - Brown A
PT  - Journal Article
PT  - Review
PT  - Published Erratum
DP  - 2018 May
JT  - Radiology
"""

WOS = """\
FN Clarivate Analytics Web of Science
VR 1.0
PT J
AU Li, N
TI Acupuncture for low back pain
SO PAIN
DT Article; Early Access
PY 2021
UT WOS:000602649200002
ER

PT J
AU Wang, L
TI Correction to: Acupuncture for low back pain
SO PAIN
DT Correction
PY 2022
UT WOS:000602649200003
ER

EF
"""


def _export(tmp_path, name, text, fmt):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = run_cli("export", "-f", fmt, "--from", str(path))
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("fmt, suffix, tag", [("ris", ".ris", "M3  - "), ("endnote", ".enw", "%9 ")])
def test_an_articles_publication_types_are_its_type_of_article_and_come_back(tmp_path, fmt, suffix, tag):
    text = _export(tmp_path, "pubmed.txt", MEDLINE, fmt) + _export(tmp_path, "wos.txt", WOS, fmt)
    assert tag + "Journal Article; Randomized Controlled Trial; Retracted Publication" in text
    assert tag + "Article; Early Access" in text and tag + "Correction" in text
    back = tmp_path / f"back{suffix}"
    back.write_text(text, encoding="utf-8")
    recs = records_of(back)
    assert [r["extra"].get("publication_type") for r in recs] == [
        ["Journal Article", "Randomized Controlled Trial", "Retracted Publication"],
        ["Journal Article", "Review", "Published Erratum"], ["Article", "Early Access"], ["Correction"]]
    # exported again, the same
    again = tmp_path / f"again{suffix}"
    again.write_text(_export(tmp_path, f"back{suffix}", text, fmt), encoding="utf-8")
    assert [r["extra"].get("publication_type") for r in records_of(again)] == [
        r["extra"].get("publication_type") for r in recs]


def test_an_articles_m3_keeps_its_other_uses(tmp_path):
    # Scopus's document type (M3 of a JOUR) is a publication type; a DOI written there is not;
    # a thesis's M3 is still its degree, a broadcast's its genre
    src = tmp_path / "a.ris"
    src.write_text("TY  - JOUR\nTI  - Trial\nM3  - Review\nPY  - 2019\nER  - \n\n"
                   "TY  - JOUR\nTI  - Synapses\nM3  - 10.1126/science.1074069\nPY  - 2002\nER  - \n\n"
                   "TY  - THES\nTI  - Bone growth\nM3  - Master's Thesis\nPY  - 2019\nER  - \n", encoding="utf-8")
    review, doi, thesis = records_of(src)
    assert review["extra"]["publication_type"] == ["Review"] and not review["extra"].get("medium")
    assert doi["extra"]["medium"] == ["10.1126/science.1074069"] and not doi["extra"].get("publication_type")
    assert thesis["extra"]["degree"] == ["Master's Thesis"] and not thesis["extra"].get("publication_type")


def test_the_csv_has_a_publication_type_column_before_the_key_read_back(tmp_path):
    # a sheet of records to screen could not filter errata and comments out: RIS wrote the types
    # in M3, the CSV nowhere
    import csv
    import io

    text = _export(tmp_path, "pubmed.txt", MEDLINE, "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    columns = list(rows[0])
    at = columns.index("key")   # (the catalogue's columns after it)
    assert columns[at - 2:at + 1] == ["source_id", "publication_type", "key"]
    assert [r["publication_type"] for r in rows] == ["Journal Article; Randomized Controlled Trial; Retracted Publication",
                                                     "Journal Article; Review; Published Erratum"]
    back = tmp_path / "back.csv"
    back.write_text(text, encoding="utf-8")
    recs = records_of(back)
    assert [r["extra"].get("publication_type") for r in recs] == [
        ["Journal Article", "Randomized Controlled Trial", "Retracted Publication"],
        ["Journal Article", "Review", "Published Erratum"]]
    assert "M3  - Journal Article; Review; Published Erratum" in _export(tmp_path, "back.csv", text, "ris")
