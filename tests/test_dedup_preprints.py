"""A preprint (medRxiv, bioRxiv, arXiv, Research Square, SSRN: the server's DOI) and the paper a
journal published of it (the journal's DOI), of one title and authors, are shown for review,
never merged by themselves; two journal DOIs still never link.  Records written here, a real
ingest into a temp index, the CLI as a user runs it."""
from __future__ import annotations

from conftest import dedup_json as dedup, ingested_ris, run_cli, source_ids as names

PREPRINT = """TY  - JOUR
T1  - Acupuncture for migraine prophylaxis: a randomised controlled trial
A1  - Xu S.
A1  - Yu L.
Y1  - 2022//
JF  - medRxiv
M3  - Preprint
DO  - 10.1101/2022.01.10.22268999
ID  - PREPRINT
ER  - 
"""
PAPER = """TY  - JOUR
TI  - Acupuncture for migraine prophylaxis: a randomised controlled trial.
AU  - Xu, Shabei
AU  - Yu, Lingling
PY  - 2023
T2  - The Lancet. Neurology
VL  - 22
IS  - 3
SP  - 220
EP  - 229
DO  - 10.1016/S1474-4422(23)00001-1
ID  - PAPER
ER  - 
"""


def test_a_preprint_and_its_published_version_need_review(tmp_path):
    idx = ingested_ris(tmp_path, embase=PREPRINT, pubmed=PAPER)
    name = names(idx)
    (cluster,) = dedup(idx)["clusters"]
    assert sorted(name[r["id"]] for r in cluster["records"]) == ["PAPER", "PREPRINT"]
    assert cluster["confidence"] == "needs review"
    assert any("a preprint and its published version" in r for r in cluster["reasons"])
    # --apply merges nothing of it; a reviewer's merge does
    assert dedup(idx, "--apply")["counts"]["duplicates_removed"] == 0
    assert run_cli("dedup", "--review", "--index", str(idx), stdin="m\n").returncode == 0
    assert dedup(idx)["clusters"][0]["confidence"] == "certain"


def test_apply_all_merges_a_preprint_and_its_published_version(tmp_path):
    # --all merges every cluster for review: a systematic review counts the two as one study
    idx = ingested_ris(tmp_path, embase=PREPRINT, pubmed=PAPER)
    assert dedup(idx, "--apply", "--all")["counts"]["duplicates_removed"] == 1


def test_two_journal_dois_or_another_title_never_link(tmp_path):
    other_journal = PAPER.replace("10.1016/S1474-4422(23)00001-1", "10.1016/j.other.2023.1").replace("ID  - PAPER",
                                                                                                    "ID  - OTHER")
    retitled = PREPRINT.replace("migraine prophylaxis", "tension-type headache")
    idx = ingested_ris(tmp_path, a=retitled, b=PAPER, c=other_journal)
    assert dedup(idx)["clusters"] == []
