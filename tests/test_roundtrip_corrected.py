"""A record exported as JSON lines, corrected by hand and ingested again: dedup knows it as a
copy of the record it came from (its ``source.source_id``), links them for certain whatever
its fields now say, and shows the correction; a master's ``merged`` block survives the round
trip.  Real ingest into a temp index, the CLI as a user runs it."""
from __future__ import annotations

import json

import pytest

from conftest import dedup_json as dedup, run_cli, source_ids as names

# A Chinese paper without a DOI, another database's copy of it, and an unrelated paper.
LIBRARY = """TY  - JOUR
TI  - 基层选举中非组织活动诱因探析
AU  - 陆鑫慧
AU  - 龙涛
PY  - 2013
T2  - 基层政治研究
VL  - 28
IS  - 8
SP  - 141
EP  - 144
ID  - ORIG
ER  - 

TY  - JOUR
TI  - 基层选举中非组织活动诱因探析
AU  - 陆鑫慧
AU  - 龙涛
PY  - 2013
T2  - 基层政治研究
KW  - 基层选举
ID  - COPY
ER  - 

TY  - JOUR
TI  - 城市社区治理中的居民参与研究
AU  - 王明
PY  - 2014
T2  - 城市问题
ID  - OTHER
ER  - 
"""


def _ingest(idx, *paths) -> None:
    result = run_cli("ingest", "-q", *map(str, paths), "--index", str(idx))
    assert result.returncode == 0, result.stderr


def _exported(idx) -> list[dict]:
    result = run_cli("export", "--format", "jsonl", "--index", str(idx))
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def _write_jsonl(path, records) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


@pytest.fixture
def library(tmp_path):
    path, idx = tmp_path / "library.ris", tmp_path / "idx"
    path.write_text(LIBRARY, encoding="utf-8")
    _ingest(idx, path)
    return idx


def _corrected(idx, tmp_path, name: str = "ORIG", **changes) -> tuple[str, str]:
    """Export the record ``name``, change its fields, ingest the correction: (the original's
    id, the correction's id)."""
    (record,) = [r for r in _exported(idx) if r["source"]["source_id"] == name]
    _write_jsonl(tmp_path / "corrected.jsonl", [{**record, **changes}])
    _ingest(idx, tmp_path / "corrected.jsonl")
    (fixed,) = [rid for rid, sid in names(idx).items() if sid == record["id"]]
    return record["id"], fixed


def test_a_correction_without_a_doi_is_a_certain_copy_of_its_record_and_its_master(library, tmp_path):
    original, fixed = _corrected(library, tmp_path, title={"zh": "基层选举中非组织活动的诱因探析"}, year=2014)
    out = dedup(library)
    (cluster,) = [c for c in out["clusters"] if fixed in [r["id"] for r in c["records"]]]
    assert {r["id"] for r in cluster["records"]} >= {original, fixed}
    assert cluster["confidence"] == "certain" and cluster["master"] == fixed
    link = next(k for k in cluster["links"] if set(k["pair"]) == {original, fixed})
    assert link == {"pair": sorted([original, fixed]), "confidence": "certain",
                    "reasons": [f"a corrected copy of {original} (read back from its JSON lines)"]}
    # --apply shows the correction only: the original and the other database's copy are hidden
    dedup(library, "--apply")
    shown = {r["id"]: r for r in _exported(library)}
    assert fixed in shown and original not in shown
    assert shown[fixed]["title"] == {"zh": "基层选举中非组织活动的诱因探析"} and shown[fixed]["year"] == 2014
    assert "OTHER" in {r["source"]["source_id"] for r in shown.values()}


def test_the_correction_is_master_though_the_others_are_more_complete(library, tmp_path):
    # the correction dropped the volume, issue and pages the librarian found wrong: the
    # original and the other database's copy (with keywords) are more complete, and the
    # titles are equal, so they all met before; the correction is what shows
    original, fixed = _corrected(library, tmp_path, volume=None, issue=None, pages=None)
    (cluster,) = [c for c in dedup(library)["clusters"] if fixed in [r["id"] for r in c["records"]]]
    assert len(cluster["records"]) == 3
    assert cluster["master"] == fixed and cluster["confidence"] == "certain"


def test_apply_gives_the_correction_nothing_back_from_the_record_it_corrects(library, tmp_path):
    # the volume, issue and pages the librarian removed stay removed (only the original had
    # them); the other database's copy still completes it (its keywords)
    original, fixed = _corrected(library, tmp_path, volume=None, issue=None, pages=None)
    dedup(library, "--apply")
    shown = {r["id"]: r for r in _exported(library)}
    assert (shown[fixed]["volume"], shown[fixed]["issue"], shown[fixed]["pages"]) == (None, None, None)
    assert shown[fixed]["keywords"] == {"zh": ["基层选举"]}
    assert original not in shown[fixed]["merged"]["provenance"].values()


def test_an_uncorrected_copy_is_named_a_copy(library, tmp_path):
    original, fixed = _corrected(library, tmp_path, name="OTHER")
    (cluster,) = [c for c in dedup(library)["clusters"] if fixed in [r["id"] for r in c["records"]]]
    assert cluster["reasons"] == [f"a copy of {original} (read back from its JSON lines)"]
    assert cluster["master"] == fixed


def test_another_reader_s_source_id_is_no_record_id(library, tmp_path):
    # A RIS record whose own ID happens to be the id of a record in the index (16 hex digits)
    # is no copy of it: only records read back from this tool's JSON lines are.
    (other,) = [rid for rid, sid in names(library).items() if sid == "OTHER"]
    ris = tmp_path / "unrelated.ris"
    ris.write_text(f"TY  - JOUR\nTI  - Hospital pharmacy staffing in rural counties\nAU  - Brown, Ann\n"
                   f"PY  - 2001\nID  - {other}\nER  - \n", encoding="utf-8")
    _ingest(library, ris)
    assert not [c for c in dedup(library)["clusters"] if other in [r["id"] for r in c["records"]]]


def test_a_master_s_merged_block_survives_cleaning_its_export(library, tmp_path, validate):
    dedup(library, "--apply")
    masters = [r for r in _exported(library) if "merged" in r]
    assert len(masters) == 1 and len(masters[0]["merged"]["records"]) == 2
    _write_jsonl(tmp_path / "export.jsonl", masters)
    result = run_cli("clean", "--json", "-q", str(tmp_path / "export.jsonl"))
    assert result.returncode == 0, result.stderr
    (again,) = [json.loads(line) for line in result.stdout.splitlines()]
    validate(again)
    assert again["merged"] == masters[0]["merged"]
    # and ingesting it keeps it in the store as written
    _ingest(tmp_path / "idx2", tmp_path / "export.jsonl")
    (stored,) = _exported(tmp_path / "idx2")
    assert stored["merged"] == masters[0]["merged"]
