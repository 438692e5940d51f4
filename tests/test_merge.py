"""What a librarian does with the clusters: ``dedup --review`` (decisions that persist and
are never overruled), ``dedup --apply`` (masters completed from their duplicates, the
duplicates hidden from search), ``--map`` and ``dedup --undo`` restoring the store and the
whoosh index exactly.  Real ingest into a temp index, the CLI as a user runs it."""
from __future__ import annotations

import csv
import json

import pytest
from whoosh import index as whoosh_index

from conftest import DATA, dedup_json as dedup, jsonl, run_cli, source_ids
from indexer.index.ingest import INDEX_SUBDIR
from indexer.store import Store

CASES = DATA / "dedup" / "cases.ris"


def ingest(idx) -> None:
    result = run_cli("ingest", "-q", str(CASES), "--index", str(idx))
    assert result.returncode == 0, result.stderr


def cluster_sets(out: dict, names: dict[str, str]) -> list[list[str]]:
    return sorted(sorted(names[r["id"]] for r in c["records"]) for c in out["clusters"])


def snapshot(idx) -> tuple[list[dict], list[dict], list[tuple]]:
    """Every record the store shows, every document whoosh stores and every row of the
    Chinese search table, in id order (the table holds exactly what whoosh holds)."""
    with Store(idx) as store:
        records = sorted(store, key=lambda r: r["id"])
        rows = store.db.execute("SELECT r.id, c.* FROM cjk c JOIN records r ON r.rowid = c.rowid "
                                "ORDER BY r.id").fetchall()
    ix = whoosh_index.open_dir(str(idx / INDEX_SUBDIR))
    with ix.searcher() as s:
        docs = sorted((dict(d) for d in s.all_stored_fields()), key=lambda d: d["id"])
    assert [r[0] for r in rows] == [d["id"] for d in docs]
    return records, docs, rows


def search_ids(idx, query: str) -> set[str]:
    result = run_cli("search", query, "--json", "--limit", "50", "--index", str(idx))
    assert result.returncode == 0, result.stderr
    return {h["id"] for h in json.loads(result.stdout)["hits"]}


@pytest.fixture
def idx(tmp_path):
    path = tmp_path / "idx"
    ingest(path)
    return path


def test_review_decisions_persist_and_not_duplicates_is_never_overruled(idx):
    names = source_ids(idx)
    before = dedup(idx)
    assert ["EN", "ZH"] in cluster_sets(before, names)
    # the only uncertain cluster is the Chinese/English pair; an unknown answer is asked again
    result = run_cli("dedup", "--review", "--index", str(idx), stdin="x\nn\n")
    assert result.returncode == 0, result.stderr
    assert "please answer" in result.stdout
    assert "1 not duplicates" in result.stderr
    for _ in range(2):  # stored beside the index, applied on every later run
        after = dedup(idx)
        assert cluster_sets(after, names) == [["R1", "R2"], ["S1", "T1"]]
    # re-ingesting the same file keeps the decision
    ingest(idx)
    assert cluster_sets(dedup(idx), names) == [["R1", "R2"], ["S1", "T1"]]
    # nor does --apply merge them
    applied = dedup(idx, "--apply", "--all")
    assert cluster_sets(applied, names) == [["R1", "R2"], ["S1", "T1"]]


def test_review_merge_makes_the_cluster_certain(idx):
    names = source_ids(idx)
    pair = next(c for c in dedup(idx)["clusters"] if c["confidence"] == "needs review")
    assert sorted(names[r["id"]] for r in pair["records"]) == ["EN", "ZH"]
    result = run_cli("dedup", "--review", "--index", str(idx), stdin="m\n")
    assert result.returncode == 0 and "1 merged" in result.stderr
    after = next(c for c in dedup(idx)["clusters"] if names[c["master"]] in ("EN", "ZH"))
    assert after["confidence"] == "certain" and "merged by a reviewer" in after["reasons"]
    # nothing is left to review
    again = run_cli("dedup", "--review", "--index", str(idx), stdin="")
    assert "of 0 needing review" in again.stderr


SECOND_PAIR = """TY  - JOUR
TI  - 基于深度学习的水稻病害识别方法
AU  - 刘洋
AU  - 陈静
PY  - 2021
VL  - 9
ID  - ZH2
ER  - 

TY  - JOUR
TI  - Rice disease recognition method based on deep learning
AU  - Liu, Yang
AU  - Chen, Jing
PY  - 2021
VL  - 9
ID  - EN2
ER  - 
"""


def test_quitting_a_review_keeps_what_was_decided(idx, tmp_path):
    pair = tmp_path / "second_pair.ris"   # a second Chinese/English pair: two clusters to review
    pair.write_text(SECOND_PAIR, encoding="utf-8")
    assert run_cli("ingest", "-q", str(pair), "--index", str(idx)).returncode == 0
    names = source_ids(idx)
    pending = [cluster_sets({"clusters": [c]}, names)[0]
               for c in dedup(idx)["clusters"] if c["confidence"] == "needs review"]
    assert sorted(pending) == [["EN", "ZH"], ["EN2", "ZH2"]]
    result = run_cli("dedup", "--review", "--index", str(idx), stdin="n\nq\n")
    assert result.returncode == 0, result.stderr
    assert "1 not duplicates, 0 skipped of 2 needing review" in result.stderr
    # the first answer is kept after quitting at the second: that pair is no longer a cluster
    decisions = json.loads((idx / "dedup_decisions.json").read_text(encoding="utf-8"))["decisions"]
    assert len(decisions) == 1
    after = cluster_sets(dedup(idx), names)
    assert pending[0] not in after and pending[1] in after
    # quitting at once decides nothing more
    assert run_cli("dedup", "--review", "--index", str(idx), stdin="q\n").returncode == 0
    assert cluster_sets(dedup(idx), names) == after


def test_apply_shows_the_completed_master_and_hides_duplicates(idx, tmp_path):
    names = source_ids(idx)
    by_name = {v: k for k, v in names.items()}
    zh_hits = search_ids(idx, "量子保密求和")
    en_hits = search_ids(idx, '"quantum secure summation"')
    assert zh_hits == {by_name["ZH"]} and en_hits == {by_name["EN"]}
    mapping = tmp_path / "map.csv"
    out = dedup(idx, "--apply", "--all", "--map", str(mapping))
    assert out["applied"] is True
    assert out["counts"] == {"identified": 18, "duplicates_found": 3, "duplicates_removed": 3, "duplicates_to_review": 0,
                             "remaining": 15, "needs_review": 1}
    pair = next(c for c in out["clusters"] if by_name["ZH"] in {r["id"] for r in c["records"]})
    master, dup = pair["master"], ({by_name["ZH"], by_name["EN"]} - {pair["master"]}).pop()

    # search finds the master by either language's title; the duplicate is hidden
    assert search_ids(idx, "量子保密求和") == {master}
    assert search_ids(idx, '"quantum secure summation"') == {master}
    with Store(idx) as store:
        shown = {r["id"]: r for r in store}
    assert len(shown) == 15 and dup not in shown
    merged = shown[master]
    assert set(merged["title"]) == {"zh", "en"}          # both languages kept
    assert merged["merged"]["records"] == sorted([master, dup])
    assert merged["merged"]["provenance"]["title.en" if names[master] == "ZH" else "title.zh"] == dup
    shown_json = jsonl(run_cli("show", "--json", master, "--index", str(idx)).stdout)[0]
    assert shown_json["title"] == merged["title"]

    with open(mapping, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 18
    kept = {r["old_id"]: r["kept_id"] for r in rows}
    assert kept[dup] == master and kept[master] == master
    assert sum(r["old_id"] != r["kept_id"] for r in rows) == 3
    assert all(r["path"].endswith("cases.ris") for r in rows)


def test_undo_restores_store_and_index_exactly(idx):
    before = snapshot(idx)
    searches = {q: search_ids(idx, q) for q in ("量子保密求和", '"quantum secure summation"', "2023")}
    dedup(idx, "--apply", "--all")
    assert snapshot(idx) != before
    dedup(idx, "--apply", "--all")  # applying twice is the same as once
    result = run_cli("dedup", "--undo", "--index", str(idx))
    assert result.returncode == 0, result.stderr
    assert "3 hidden duplicates shown again" in result.stdout
    assert snapshot(idx) == before
    assert {q: search_ids(idx, q) for q in searches} == searches
    # undo with nothing applied changes nothing
    run_cli("dedup", "--undo", "--index", str(idx))
    assert snapshot(idx) == before


def test_reingest_after_apply_changes_nothing(idx):
    dedup(idx, "--apply", "--all")
    applied = snapshot(idx)
    result = run_cli("ingest", "--json", "-q", str(CASES), "--index", str(idx))
    summary = json.loads(result.stdout)
    assert summary["unchanged"] == 18 and summary["added"] == 0 and summary["updated"] == 0
    assert snapshot(idx) == applied


def test_an_unchanged_ingest_into_a_deduplicated_index_writes_nothing(idx):
    # it undid and made again every merge: the masters rewritten, their old copies left
    # deleted in whoosh's segments and counted in its ranking (ranked unlike a fresh index)
    dedup(idx, "--apply", "--all")
    files = sorted(p.name for p in (idx / INDEX_SUBDIR).iterdir())
    result = run_cli("ingest", "--json", "-q", str(CASES), "--index", str(idx))
    assert json.loads(result.stdout)["unchanged"] == 18
    assert sorted(p.name for p in (idx / INDEX_SUBDIR).iterdir()) == files
    ix = whoosh_index.open_dir(str(idx / INDEX_SUBDIR))
    assert ix.doc_count_all() == ix.doc_count() == 15


def test_applying_again_and_again_does_not_grow_the_index(idx):
    # every apply (and every ingest into a deduplicated index) replaces the merged records:
    # whoosh only marks the old ones deleted, and they must not pile up for good
    for _ in range(4):
        dedup(idx, "--apply", "--all")
        run_cli("dedup", "--undo", "--index", str(idx))
    dedup(idx, "--apply", "--all")
    ingest(idx)
    ix = whoosh_index.open_dir(str(idx / INDEX_SUBDIR))
    assert ix.doc_count() == 15
    assert (ix.doc_count_all() - ix.doc_count()) * 4 < ix.doc_count_all()


def test_ingest_after_apply_is_as_if_the_edited_file_was_deduplicated_afresh(tmp_path):
    """Ids are places in a file: a record put at its top gives every later id to another
    paper, and a record deleted from it must go although it was merged.  Ingesting the
    edited file undoes the merges and makes them again, so the index is what a fresh
    ingest and apply of the new file give."""
    cases = tmp_path / "cases.ris"
    cases.write_text(CASES.read_text(encoding="utf-8"), encoding="utf-8")
    idx, fresh = tmp_path / "idx", tmp_path / "fresh"
    assert run_cli("ingest", "-q", str(cases), "--index", str(idx)).returncode == 0
    dedup(idx, "--apply", "--all")
    records = cases.read_text(encoding="utf-8").split("ER  - ")
    new = "TY  - JOUR\nTI  - 糖尿病足部护理干预效果评价研究\nAU  - 张丽\nPY  - 2018\n"
    kept = [r for r in records if "ID  - R2" not in r and "ID  - E2" not in r]  # a duplicate, a distinct record
    cases.write_text("ER  - ".join([new] + kept), encoding="utf-8")
    result = run_cli("ingest", "--json", "-q", str(cases), "--index", str(idx))
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["removed"] == 1
    assert run_cli("ingest", "-q", str(cases), "--index", str(fresh)).returncode == 0
    counts = dedup(fresh, "--apply", "--all")["counts"]
    assert summary["deduplicated"]["duplicates_hidden"] == counts["duplicates_removed"] == 2
    assert snapshot(idx) == snapshot(fresh)
    assert len(search_ids(idx, "糖尿病")) == 1


def test_dedup_and_stats_say_whether_duplicates_are_hidden(idx):
    def stats() -> dict:
        return json.loads(run_cli("stats", "--json", "--index", str(idx)).stdout)

    assert dedup(idx)["applied"] is False and stats()["hidden_duplicates"] == 0
    dedup(idx, "--apply", "--all")
    assert dedup(idx)["applied"] is True  # a later run without --apply: still applied
    assert stats()["records"] == 18 and stats()["hidden_duplicates"] == 3
    assert "3 of them hidden as duplicates" in run_cli("stats", "--index", str(idx)).stdout
    assert "3 duplicates removed" in run_cli("dedup", "--index", str(idx)).stdout
    run_cli("dedup", "--undo", "--index", str(idx))
    assert dedup(idx)["applied"] is False and stats()["hidden_duplicates"] == 0


def test_undo_cannot_be_combined_with_apply(idx):
    result = run_cli("dedup", "--undo", "--apply", "--index", str(idx))
    assert result.returncode == 2 and "--undo cannot be combined" in result.stderr


def test_damaged_decisions_file_is_named(idx):
    (idx / "dedup_decisions.json").write_text("{not json", encoding="utf-8")
    result = run_cli("dedup", "--index", str(idx))
    assert result.returncode == 2
    assert "dedup_decisions.json" in result.stderr and "not a decisions file" in result.stderr


def test_dedup_without_an_index_says_what_to_do(tmp_path):
    result = run_cli("dedup", "--index", str(tmp_path / "none"))
    assert result.returncode == 2 and "cli.py ingest" in result.stderr


def test_side_by_side_keeps_the_end_of_a_long_source_path():
    from indexer.review import side_by_side

    folder = "/home/librarian/exports/2026/" + "nested/" * 6
    records = {i: {"id": i, "title": {"zh": "骨髓" * 40}, "source": {"path": folder + f"{i}.ris", "record": 7}}
               for i in ("a", "b")}
    lines = side_by_side({"records": [{"id": "a"}, {"id": "b"}], "master": "a"}, records, width=80)
    source = next(line for line in lines if line.split()[0] == "source")
    assert "a.ris #7" in source and "b.ris #7" in source and "/home" not in source
    title = next(line for line in lines if line.split()[0] == "title")
    assert title.split()[1].startswith("骨髓") and title.split()[1].endswith("…")   # other cells keep their start


def test_side_by_side_writes_authors_as_a_reference_list_does():
    from indexer.review import side_by_side

    authors = {"a": [{"family": "Adams", "given": "Nancy K"}, {"family": "Self", "given": "Steven"}],
               "b": [{"literal": "王建国"}, {"family": "崔", "given": "勋"}]}
    records = {i: {"id": i, "authors": authors[i], "source": {"path": f"{i}.ris", "record": 1}} for i in "ab"}
    lines = side_by_side({"records": [{"id": "a"}, {"id": "b"}], "master": "a"}, records, width=120)
    row = next(line for line in lines if line.lstrip("≠ ").startswith("authors"))
    assert "Adams, Nancy K; Self, Steven" in row and "王建国; 崔勋" in row
