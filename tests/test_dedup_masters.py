"""A cluster merged by ``dedup --apply`` keeps its master when an update brings a fuller copy
of the paper: the master's id is the one screened and its citation key the one cited.  Records
written here, a real ingest into a temp index, the CLI as a user runs it."""
from __future__ import annotations

import re

from conftest import run_cli

PUBMED = """TY  - JOUR
AU  - Li, Wei
AU  - Chen, Min
TI  - Acupuncture for chronic low back pain: a randomized clinical trial
PY  - 2024
T2  - JAMA Network Open
VL  - 7
SP  - e2430001
DO  - 10.1001/jamanetworkopen.2024.30001
ER  - 
"""
SCOPUS = PUBMED.replace("ER  - ", "IS  - 9\nAB  - Acupuncture reduced pain at 12 weeks.\nER  - ")
FULLER = SCOPUS.replace("ER  - ", "KW  - acupuncture\nKW  - low back pain\nSN  - 2574-3805\nER  - ")


def _exported(idx) -> tuple[list[str], list[str]]:
    out = run_cli("export", "--index", str(idx), "-f", "bibtex").stdout
    ris = run_cli("export", "--index", str(idx), "-f", "ris").stdout
    return re.findall(r"^@\w+\{([^,]+),", out, re.M), re.findall(r"^ID  - (\S+)", ris, re.M)


def test_an_update_with_a_fuller_copy_keeps_the_master_and_its_key(tmp_path):
    folder, idx = tmp_path / "in", tmp_path / "idx"
    folder.mkdir()
    (folder / "pubmed.ris").write_text(PUBMED, encoding="utf-8")
    (folder / "scopus.ris").write_text(SCOPUS, encoding="utf-8")
    assert run_cli("ingest", "-q", str(folder), "--index", str(idx)).returncode == 0
    assert run_cli("dedup", "--apply", "--index", str(idx)).returncode == 0
    keys, ids = _exported(idx)
    assert len(keys) == len(ids) == 1
    # the update: a third database's copy, fuller than the master; the ingest merges again
    (folder / "update.ris").write_text(FULLER, encoding="utf-8")
    assert run_cli("ingest", "-q", str(folder), "--index", str(idx)).returncode == 0
    assert _exported(idx) == (keys, ids)
    assert run_cli("dedup", "--apply", "--index", str(idx)).returncode == 0
    assert _exported(idx) == (keys, ids)
