"""Checks on the shared real data (skipped with a reason when ../shared is absent)."""
from __future__ import annotations

import json

from conftest import SCHEMA_PATH, jsonl, needs_shared, run_cli


def test_vendored_contract_matches_shared():
    shared = needs_shared("contract", "record.schema.json")
    assert json.loads(shared.read_text(encoding="utf-8")) == json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def test_seed_record(validate):
    seed = needs_shared("seed", "000_ce99a9668d82360c.txt")
    result = run_cli("clean", "--json", "-q", str(seed))
    assert result.returncode == 0, result.stderr
    (rec,) = jsonl(result.stdout)
    validate(rec)
    assert rec["language"] == "en"
    assert list(rec["abstract"]) == ["en"]
    abstract = rec["abstract"]["en"]
    assert abstract.startswith("BACKGROUND Spinal metastases")
    assert abstract.endswith("from an unknown origin.")
    assert abstract.count("Spinal metastases are common") == 1
    for residue in ("展开更多", "...", "基金", "文摘"):
        assert residue not in abstract
    for fixed in ("malignancies, but", "prognosis. Knowledge", "complications, particularly",
                  "insufficient. CASE SUMMARY", "(T7). Radiographic", "surgery, the origin"):
        assert fixed in abstract
    assert [s["label"] for s in rec["sections"]["en"]] == ["BACKGROUND", "CASE SUMMARY", "CONCLUSION"]
    assert [(f["funder"], f["funder_id"], f["award"]) for f in rec["funding"]] == [
        ("National Natural Science Foundation of China", "10.13039/501100001809", "81702662")]
    steps = {r["step"] for r in rec["repairs"]}
    assert {"collapse_truncated_preview", "strip_ui_residue", "restore_space_after_punctuation",
            "drop_duplicate_abstract"} <= steps


def test_clean_pages_all_read_without_residue(validate):
    raw = needs_shared("corpus", "clean-pages", "raw")
    files = sorted(raw.glob("*.txt"))
    result = run_cli("clean", "--json", "-q", *map(str, files))
    assert result.returncode == 0, result.stderr[-2000:]
    records = jsonl(result.stdout)
    assert len(records) == len(files)
    for rec in records:
        validate(rec)
        for text in list(rec["title"].values()) + list(rec["abstract"].values()):
            for marker in ("展开更多", "<正>", "＜正＞", "&#", "&nbsp;", "â€", "Ã"):
                assert marker not in text, (rec["source"]["path"], marker)


def test_real_gbk_mojibake_file_is_repaired():
    path = needs_shared("corpus", "mojibake", "gbk-misread-example.md")
    from indexer.repair import fix_mojibake

    line = next(l for l in path.read_text(encoding="utf-8-sig").splitlines() if l.startswith("description:"))
    assert fix_mojibake(line).startswith("description: 基于竞争战略理论")
