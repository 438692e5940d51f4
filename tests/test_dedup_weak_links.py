"""A link that needs review between records joined by certain links does not hold back the
certain merge: plain ``dedup --apply`` merges the two exports of one paper when a third
paper carries their DOI by mistake, and answering "not duplicates" in ``dedup --review``
parts the groups, never the two exports.  Real ingest into a temp index, the CLI as a user
runs it."""
from __future__ import annotations

import json

import pytest

from conftest import dedup_json as dedup, run_cli, source_ids as names
from indexer.store import Store

# Two exports of one paper (the DOI as a URL in one), and another paper given their DOI by
# mistake (no pages to tell them apart): "same DOI, but the titles differ" needs review.
ONE_DOI = """TY  - JOUR
TI  - Efficacy of drug X in chronic hepatitis B
AU  - Garcia, Maria
AU  - Chen, Li
PY  - 2019
JO  - Hepatology
VL  - 70
IS  - 2
SP  - 500
EP  - 510
DO  - 10.1002/HEP.30500
ID  - HEP1
ER  - 

TY  - JOUR
TI  - Efficacy of drug X in chronic hepatitis B
AU  - Garcia, M
AU  - Chen, L
PY  - 2019
JO  - Hepatology
VL  - 70
IS  - 2
SP  - 500
EP  - 510
DO  - https://doi.org/10.1002/hep.30500
KW  - hepatitis B
ID  - HEP2
ER  - 

TY  - JOUR
TI  - Coronary stenting in elderly diabetic patients
AU  - Novak, Ivan
PY  - 2019
JO  - Heart
VL  - 105
DO  - 10.1002/hep.30500
ID  - HEART
ER  - 
"""

# Two papers by one author on the same first page (a Web of Science export, as in a Zotero
# library), each exported twice: each pair certain, the two papers linked for review only.
SAME_PAGE = """TY  - JOUR
TI  - Categorization of the Cavalier King Charles Spaniel's Skull Shape
AU  - Resch, K
T2  - TIERAERZTLICHE PRAXIS AUSGABE KLEINTIERE HEIMTIERE
PY  - 2019
DO  - 10.1055/a-0870-2016
VL  - 47
IS  - 2
SP  - 133
EP  - 133
ID  - SKULL{n}
ER  - 

TY  - JOUR
TI  - Do castrated overweight Dogs die earlier?
AU  - Resch, K
T2  - TIERAERZTLICHE PRAXIS AUSGABE KLEINTIERE HEIMTIERE
PY  - 2019
VL  - 47
IS  - 2
SP  - 133
EP  - 134
ID  - DOGS{n}
ER  - 
"""


def shown(idx) -> set[str]:
    with Store(idx) as store:
        return {r["source"]["source_id"] for r in store}


def sets(clusters: list[dict], name: dict[str, str]) -> list[list[str]]:
    return sorted(sorted(name[m["id"]] for m in c["records"]) for c in clusters)


@pytest.fixture
def one_doi(tmp_path):
    path, idx = tmp_path / "one_doi.ris", tmp_path / "idx"
    path.write_text(ONE_DOI, encoding="utf-8")
    assert run_cli("ingest", "-q", str(path), "--index", str(idx)).returncode == 0
    return idx


def test_a_doi_given_by_mistake_does_not_hold_back_the_two_exports(one_doi):
    name = names(one_doi)
    out = dedup(one_doi, "--apply")
    assert out["counts"] == {"identified": 3, "duplicates_found": 2, "duplicates_removed": 1, "duplicates_to_review": 1,
                             "remaining": 2, "needs_review": 1}
    assert shown(one_doi) == {"HEP2", "HEART"}   # the master: the more complete export
    result = run_cli("search", "coronary stenting", "--json", "--index", str(one_doi))
    assert [name[h["id"]] for h in json.loads(result.stdout)["hits"]] == ["HEART"]
    # one question for the reviewer, the certain pair a group inside it
    (cluster,) = out["clusters"]
    assert cluster["confidence"] == "needs review"
    assert sets(cluster["groups"], name) == [["HEP1", "HEP2"]]
    assert cluster["groups"][0]["confidence"] == "certain" and name[cluster["groups"][0]["master"]] == "HEP2"


def test_not_duplicates_parts_the_papers_not_the_two_exports(one_doi):
    name = names(one_doi)
    result = run_cli("dedup", "--review", "--index", str(one_doi), stdin="n\n")
    assert result.returncode == 0 and "1 not duplicates" in result.stderr
    for _ in range(2):   # stored, and applied on every later run
        (cluster,) = dedup(one_doi)["clusters"]
        assert sets([cluster], name) == [["HEP1", "HEP2"]] and cluster["confidence"] == "certain"
        assert name[cluster["master"]] == "HEP2"   # the group's master, as before the answer
    dedup(one_doi, "--apply", "--all")   # nothing is left to merge the third paper into
    assert shown(one_doi) == {"HEP2", "HEART"}


def test_merge_joins_the_groups_and_apply_all_merges_as_before(one_doi):
    assert dedup(one_doi, "--apply", "--all")["counts"]["duplicates_removed"] == 2
    result = run_cli("dedup", "--review", "--index", str(one_doi), stdin="m\n")
    assert result.returncode == 0 and "1 merged" in result.stderr
    (cluster,) = dedup(one_doi, "--apply")["clusters"]
    assert cluster["confidence"] == "certain" and "groups" not in cluster and len(shown(one_doi)) == 1


def test_two_papers_on_one_page_each_exported_twice_are_two_merges(tmp_path):
    path, idx, kept = tmp_path / "resch.ris", tmp_path / "idx", tmp_path / "kept.csv"
    path.write_text(SAME_PAGE.format(n=1) + "\n" + SAME_PAGE.format(n=2), encoding="utf-8")
    assert run_cli("ingest", "-q", str(path), "--index", str(idx)).returncode == 0
    name = names(idx)
    result = run_cli("dedup", "--apply", "--map", str(kept), "--index", str(idx))
    assert result.returncode == 0, result.stderr
    assert "2 duplicates removed, 2 remaining" in result.stdout
    assert "1 cluster needs review and was left as it is" in result.stdout
    assert len(shown(idx) & {"SKULL1", "SKULL2"}) == 1 and len(shown(idx) & {"DOGS1", "DOGS2"}) == 1
    rows = [line.split(",")[:2] for line in kept.read_text(encoding="utf-8").splitlines()[1:]]
    assert sorted(sorted({name[old], name[new]}) for old, new in rows if old != new) == [
        ["DOGS1", "DOGS2"], ["SKULL1", "SKULL2"]]
    (cluster,) = dedup(idx)["clusters"]
    assert cluster["confidence"] == "needs review"
    assert sets(cluster["groups"], name) == [["DOGS1", "DOGS2"], ["SKULL1", "SKULL2"]]


def test_the_listing_marks_each_groups_master(tmp_path):
    # the record search shows after --apply is a group's master, which need not be the
    # cluster's (marked * in the side-by-side view): the group's line marks its own
    path, idx = tmp_path / "resch.ris", tmp_path / "idx"
    path.write_text(SAME_PAGE.format(n=1) + "\n" + SAME_PAGE.format(n=2), encoding="utf-8")
    assert run_cli("ingest", "-q", str(path), "--index", str(idx)).returncode == 0
    (cluster,) = dedup(idx)["clusters"]
    result = run_cli("dedup", "--index", str(idx))
    lines = [line for line in result.stdout.splitlines() if "certain, merged by --apply:" in line]
    assert len(lines) == len(cluster["groups"]) == 2
    for line, group in zip(lines, cluster["groups"]):
        assert f"*{group['master']}" in line and line.count("*") == 1


def test_a_cluster_one_group_covers_is_certain_and_not_put_up_for_review(tmp_path):
    # certain links join every record (a-b by DOI, b-c by title) while a-c needs review: one
    # group, one work; "not duplicates" on it had parted the two records of one DOI
    path, idx = tmp_path / "one_group.ris", tmp_path / "idx"
    path.write_text("".join(
        f"TY  - JOUR\nTI  - Long term outcomes of spinal fusion surgery in {who} patients\nAU  - Resch, Bernd\n"
        f"AU  - Smith, John\nPY  - 2019\nJO  - Spine\n{doi}ID  - R{n}\nER  - \n\n"
        for n, (who, doi) in enumerate((("pediatric", "DO  - 10.1234/sp.2019.1\n"),
                                         ("adult", "DO  - 10.1234/sp.2019.1\n"), ("adult", "")))),
        encoding="utf-8")
    assert run_cli("ingest", "-q", str(path), "--index", str(idx)).returncode == 0
    (cluster,) = dedup(idx)["clusters"]
    assert cluster["confidence"] == "certain" and "groups" not in cluster
    result = run_cli("dedup", "--review", "--index", str(idx), stdin="n\n")
    assert result.returncode == 0 and "0 not duplicates, 0 skipped of 0 needing review" in result.stderr
    assert not (idx / "dedup_decisions.json").exists() or "distinct" not in (idx / "dedup_decisions.json").read_text()
    (merged,) = dedup(idx, "--apply")["clusters"]
    assert len(merged["records"]) == 3 and len(shown(idx)) == 1
