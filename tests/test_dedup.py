"""Deduplication on records written for these tests (tests/data/dedup/cases.ris): each
"finds" and "does not merge" case, through a real ingest into a temp index and the CLI."""
from __future__ import annotations

import json

import pytest

from conftest import DATA, run_cli


@pytest.fixture(scope="module")
def clusters(tmp_path_factory):
    idx = tmp_path_factory.mktemp("dedup") / "idx"
    assert run_cli("ingest", "-q", str(DATA / "dedup" / "cases.ris"), "--index", str(idx)).returncode == 0
    result = run_cli("dedup", "--json", "--index", str(idx))
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    shown = run_cli("show", "--json", *[r["id"] for c in out["clusters"] for r in c["records"]], "--index", str(idx))
    source_ids = {json.loads(line)["id"]: json.loads(line)["source"]["source_id"]
                  for line in shown.stdout.splitlines()}
    return [{"ids": sorted(source_ids[r["id"]] for r in c["records"]), "master": source_ids[c["master"]],
             "confidence": c["confidence"], "reasons": c["reasons"]} for c in out["clusters"]]


def cluster_of(clusters, source_id):
    return next((c for c in clusters if source_id in c["ids"]), None)


def test_traditional_and_simplified_copies_with_fullwidth_brackets(clusters):
    c = cluster_of(clusters, "S1")
    assert c["ids"] == ["S1", "T1"]
    assert "titles equal after folding width, case and punctuation" in c["reasons"]


def test_chinese_and_english_versions_by_pinyin_of_authors(clusters):
    c = cluster_of(clusters, "ZH")
    assert c["ids"] == ["EN", "ZH"] and c["confidence"] == "needs review"
    assert any("pinyin" in r for r in c["reasons"])


def test_annotated_title_and_missing_doi(clusters):
    c = cluster_of(clusters, "R1")
    assert c["ids"] == ["R1", "R2"]
    assert c["master"] == "R2"          # the more complete record (it has the DOI)


@pytest.mark.parametrize("source_id", ["P1", "P2", "A2", "C1", "Y1", "Y2", "E1", "E2", "X1", "X2", "ER1"])
def test_does_not_merge(clusters, source_id):
    # series parts, same title by other authors, a conference paper and the journal
    # paper, a yearly editorial, generic titles, records with an id and nothing else,
    # a correction notice and its paper
    # (ingested, flagged, never merged)
    assert cluster_of(clusters, source_id) is None


def test_nothing_else_is_merged(clusters):
    assert sorted(c["ids"] for c in clusters) == [["EN", "ZH"], ["R1", "R2"], ["S1", "T1"]]


def test_readable_view_marks_the_master(tmp_path):
    idx = tmp_path / "idx"
    run_cli("ingest", "-q", str(DATA / "dedup" / "cases.ris"), "--index", str(idx))
    result = run_cli("dedup", "--index", str(idx))
    assert result.returncode == 0
    assert "3 clusters of the same work" in result.stdout and "  * " in result.stdout
