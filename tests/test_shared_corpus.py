"""Checks on the shared real data (skipped with a reason when ../shared is absent)."""
from __future__ import annotations

import json

from conftest import SCHEMA_PATH, jsonl, needs_shared, run_cli, titles_kept


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


def _read(path):
    """What a file reads as: (format, titles, author count) of each record, or a failure's reason."""
    from indexer.readers import read_file
    from indexer.record import Failure

    return [("failure", i.reason) if isinstance(i, Failure) else
            (i.source.format, [v for v, *_ in i.raw.get("titles", [])], len(i.raw.get("author", [])))
            for i in read_file(str(path))]


def test_each_formats_folder_joined_with_cat_reads_as_its_files_alone(tmp_path):
    """``cat *.txt > all.txt`` on each folder of real exports, in both orders: 52 of the 80
    files end without a newline, so many of their first lines are glued onto the last line of
    the file before; several open with a byte-order mark.  The joined file reads the same
    records (format, titles, author count) and failures, in order."""
    formats = needs_shared("corpus", "formats")
    glued = 0
    for folder in sorted(p for p in formats.iterdir() if p.is_dir()):
        files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix != ".md")
        for order in (files, files[::-1]):
            joined = tmp_path / f"{folder.name}.txt"
            joined.write_bytes(b"".join(p.read_bytes() for p in order))
            assert _read(joined) == [item for p in order for item in _read(p)], (folder.name, order[0].name)
        glued += sum(not p.read_bytes().endswith((b"\n", b"\r")) for p in files[:-1])
    assert glued >= 30  # the joins really are glued ones


def test_real_exports_of_two_formats_joined_read_as_each_alone(tmp_path):
    """The first export of each formats folder joined (cat a b) with the first of every other
    folder: 182 ordered pairs of real files, most glued (no final newline).  Each reads as the
    two files alone, but where a CSL-JSON array's "[" is glued onto a line of data (README:
    not told apart); there nothing is lost."""
    from indexer.readers import read_file

    formats = needs_shared("corpus", "formats")
    firsts = {d.name: sorted(p for p in d.iterdir() if p.is_file() and p.suffix != ".md")[0]
              for d in sorted(formats.iterdir()) if d.is_dir() and d.name != "mixed-exports"}
    untold = []
    for a, path_a in firsts.items():
        for b, path_b in firsts.items():
            if a == b:
                continue
            joined = tmp_path / "joined.txt"
            joined.write_bytes(path_a.read_bytes() + path_b.read_bytes())
            if _read(joined) != _read(path_a) + _read(path_b):
                untold.append((a, b))
                assert b == "csl-json" and not path_a.read_bytes().endswith((b"\n", b"\r")), (a, b)
                wanted = [t for p in (path_a, path_b) for kind, ts, *_ in _read(p) if kind != "failure" for t in ts]
                assert titles_kept(list(read_file(str(joined))), wanted), (a, b)
    assert len(firsts) == 14 and len(untold) <= 3
