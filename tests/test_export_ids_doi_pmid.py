"""``export --ids FILE`` takes a paper's DOI or PMID on a line, as its help says they follow
papers: a QA report found ``10.3969/…`` reported as no record and ``PMID: 31234567`` cut to
``pmid:``.  Each is found as ``search``'s ``doi:`` and ``pmid:`` find it; a paper held by two
records (its copies from two databases) is exported once, with a note.  Inputs are written here."""
from __future__ import annotations

from conftest import ingested_ris, run_cli

A = """TY  - JOUR
TI  - Surgical treatment of spinal metastases
AU  - Wang, Yue
PY  - 2021
JO  - Spine Journal
DO  - 10.3969/j.issn.2095-5200.2020.01.058
ER  - 
"""
B = """TY  - JOUR
TI  - Erector spinae plane block after mastectomy
AU  - Li, Ming
PY  - 2020
JO  - Anesthesia Journal
AN  - 31234567
DB  - PubMed
ER  - 
"""
C = """TY  - JOUR
TI  - Surgical treatment of spinal metastases
AU  - Wang, Yue
PY  - 2021
JO  - Spine J
DO  - https://doi.org/10.3969/J.ISSN.2095-5200.2020.01.058
ER  - 
"""


def _export(tmp_path, idx, lines: str):
    ids = tmp_path / "ids.txt"
    ids.write_text(lines, encoding="utf-8")
    return run_cli("export", "--index", str(idx), "-f", "ris", "--ids", str(ids))


def test_a_doi_and_a_pmid_line_export_their_papers(tmp_path):
    idx = ingested_ris(tmp_path, a=A, b=B)
    result = _export(tmp_path, idx, "10.3969/j.issn.2095-5200.2020.01.058\nPMID: 31234567\n")
    assert result.returncode == 0, result.stderr
    titles = [line for line in result.stdout.splitlines() if line.startswith("TI  - ")]
    assert titles == ["TI  - Surgical treatment of spinal metastases", "TI  - Erector spinae plane block after mastectomy"]
    assert "no record" not in result.stderr


def test_a_doi_link_and_an_unknown_doi(tmp_path):
    idx = ingested_ris(tmp_path, a=A, b=B)
    result = _export(tmp_path, idx, "https://doi.org/10.3969/j.issn.2095-5200.2020.01.058\n10.1000/none\n")
    assert result.returncode == 1
    assert result.stdout.count("TI  - ") == 1
    assert "no record doi:10.1000/none" in result.stderr


def test_a_paper_held_by_two_records_is_exported_once_with_a_note(tmp_path):
    idx = ingested_ris(tmp_path, a=A, c=C)
    result = _export(tmp_path, idx, "doi:10.3969/j.issn.2095-5200.2020.01.058\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("TI  - ") == 1
    assert "is held by 2 records" in result.stderr
