"""clean --json's own output read back (record-jsonl): cleaning it again changes nothing but
each record's id and source; a bad line is a failure and the rest is read."""
from __future__ import annotations

import json

import pytest

from conftest import DATA, run_cli
from indexer.cleaner import clean_paths
from indexer.readers import read_file
from indexer.readers.base import sniff_reader
from indexer.record import Failure, Record


def _records(*paths: str, fmt: str | None = None) -> list[dict]:
    return [r.to_json() for r in clean_paths(paths, fmt) if isinstance(r, Record)]


def _write_jsonl(path, items) -> str:
    path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    return str(path)


def _without_place(record: dict) -> dict:
    """A record less what reading it from another file changes: its id and source (the first
    source kept in extra.original_source)."""
    out = {k: v for k, v in record.items() if k not in ("id", "source")}
    extra = {k: v for k, v in (out.get("extra") or {}).items() if k != "original_source"}
    out.pop("extra", None)
    return {**out, **({"extra": extra} if extra else {})}


# Every format's sample files and the scraped pages of the test data: records of every reader.
SAMPLES = sorted(str(p) for folder in ("formats", "pages") for p in (DATA / folder).rglob("*")
                 if p.is_file() and not p.name.endswith(".expected.json"))


def test_cleaning_cleaned_records_again_changes_nothing(tmp_path, validate):
    first = _records(*SAMPLES)
    assert len(first) > 90
    again = _records(_write_jsonl(tmp_path / "cleaned.jsonl", first))
    assert len(again) == len(first)
    for before, after in zip(first, again):
        validate(after)
        assert _without_place(after) == _without_place(before), before["source"]
        assert after["source"]["format"] == "record-jsonl"
        assert after["source"]["source_id"] == before["id"]
        assert after["extra"]["original_source"] == before["source"]


def test_title_is_text_per_language_not_a_printed_dict(tmp_path, validate):
    record = {"id": "71b2ea655dd1f72b", "type": "article-journal", "language": "zh",
              "source": {"path": "/tmp/s02_baidu_xueshu.txt", "format": "scraped-page", "record": 1, "line": 1,
                         "source_id": None},
              "title": {"zh": "经皮椎体后凸成形术治疗脊柱转移瘤", "en": "PKP for spinal metastases"},
              "abstract": {}, "authors": [{"literal": "王建国", "lang": "zh", "alt": {"family": "Wang", "given": "Jianguo",
                                                                                    "lang": "en"}}],
              "keywords": {"zh": ["脊柱转移瘤"]}, "funding": [], "repairs": [], "issues": []}
    path = _write_jsonl(tmp_path / "a.jsonl", [record])
    (rec,) = _records(path)
    validate(rec)
    assert rec["title"] == record["title"]
    assert rec["authors"] == record["authors"]   # (alt too)
    assert rec["source"] == {"path": path, "format": "record-jsonl", "record": 1, "line": 1,
                             "source_id": "71b2ea655dd1f72b"}
    assert rec["extra"]["original_source"] == record["source"]


def test_a_field_corrected_by_hand_stays_as_written(tmp_path):
    (record,) = _records(str(DATA / "pages" / "cnki-bare-lines.txt"))
    record["title"] = {"en": "A title corrected by hand", **record["title"]}
    record["language"] = "en"
    record["authors"][0] = {"family": "Wang", "given": "Jianguo"}
    (again,) = _records(_write_jsonl(tmp_path / "edited.jsonl", [record]))
    assert again["title"] == record["title"] and list(again["title"])[0] == "en"
    assert again["language"] == "en"
    assert again["authors"] == record["authors"]


def test_read_back_twice_keeps_the_first_source(tmp_path):
    first = _records(str(DATA / "pages" / "cnki-bare-lines.txt"))
    second = _records(_write_jsonl(tmp_path / "one.jsonl", first))
    (third,) = _records(_write_jsonl(tmp_path / "two.jsonl", second))
    assert third["extra"]["original_source"] == first[0]["source"]
    assert third["source"]["source_id"] == second[0]["id"]


def test_bad_lines_are_failures_and_the_rest_is_read(tmp_path):
    good = _records(str(DATA / "pages" / "cnki-bare-lines.txt"))[0]
    csl = {"id": "k1", "type": "article-journal", "title": "A CSL item", "source": "PubMed"}
    wrong = {**good, "title": "a title that is not per language"}
    lines = [json.dumps(good, ensure_ascii=False), '{"id": "cut", "source": {"path": "x"', json.dumps(wrong),
             json.dumps({"failure": True, "path": "x.ris", "reason": "empty file", "raw": ""}),
             json.dumps({**good, "year": "2020"}), "", json.dumps(good, ensure_ascii=False)]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_file(str(path)))
    kinds = [(type(i).__name__, i.source.line if isinstance(i, Record) else i.line) for i in items]
    assert kinds == [("Record", 1), ("Failure", 2), ("Failure", 3), ("Failure", 4), ("Failure", 5), ("Record", 7)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert [f.raw for f in failures] == lines[1:5]
    assert all(f.path == str(path) for f in failures)
    assert "not valid JSON" in failures[0].reason
    assert "title" in failures[1].reason and "year" in failures[3].reason
    assert "failure of clean --json" in failures[2].reason
    # a CSL item's line among records is no record: a failure (read as CSL pasted in, not lost)
    path.write_text(json.dumps(good, ensure_ascii=False) + "\n" + json.dumps(csl) + "\n", encoding="utf-8")
    items = list(read_file(str(path)))
    assert isinstance(items[0], Record) and items[0].source.format == "record-jsonl"
    assert not (isinstance(items[1], Record) and items[1].source.format == "record-jsonl")


def test_csl_json_no_longer_claims_contract_records(tmp_path):
    (record,) = _records(str(DATA / "pages" / "cnki-bare-lines.txt"))
    path = _write_jsonl(tmp_path / "cleaned.json", [record])   # (a .json name: CSL-JSON's suffix)
    assert sniff_reader(open(path, encoding="utf-8").read(), path).name == "record-jsonl"
    (forced,) = list(read_file(path, "csl-json"))
    assert isinstance(forced, Failure) and "record-jsonl" in forced.reason
    csl_item = tmp_path / "item.json"
    csl_item.write_text('{"id": "k1", "type": "article-journal", "title": "T", "author": [{"family": "Li"}], '
                        '"issued": {"date-parts": [[2020]]}}\n', encoding="utf-8")
    assert sniff_reader(csl_item.read_text(encoding="utf-8"), str(csl_item)).name == "csl-json"


def test_a_json_array_of_records(tmp_path, validate):
    first = _records(str(DATA / "pages" / "cnki-bare-lines.txt"), str(DATA / "pages" / "vip-glued-labels.txt"))
    path = tmp_path / "cleaned.json"
    path.write_text(json.dumps(first, ensure_ascii=False, indent=2), encoding="utf-8")
    again = _records(str(path))
    assert [_without_place(r) for r in again] == [_without_place(r) for r in first]
    assert [r["source"]["record"] for r in again] == [1, 2]
    for r in again:
        validate(r)


@pytest.mark.parametrize("command", [("clean", "--json"), ("export", "--format", "ris", "--from")])
def test_cli_reads_its_own_output(tmp_path, command):
    cleaned = run_cli("clean", "--json", "-q", str(DATA / "pages" / "cnki-bare-lines.txt"))
    assert cleaned.returncode == 0, cleaned.stderr
    path = tmp_path / "cleaned.jsonl"
    path.write_text(cleaned.stdout, encoding="utf-8")
    result = run_cli(*command, str(path))
    assert result.returncode == 0, result.stderr
    title = json.loads(cleaned.stdout)["title"]["zh"]
    assert title in result.stdout and "{'zh'" not in result.stdout
