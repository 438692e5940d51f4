"""Telling CSL-JSON from its content: an item of CSL's required fields alone (id, type) and
one whose first fields are longer than the text formats are told by are CSL-JSON (both were
"unknown format"); JSON of other kinds is still not taken for it."""
from __future__ import annotations

import json

import pytest

from conftest import clean_items


def _clean(tmp_path, text: str, name: str = "items.json"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return clean_items(path)


@pytest.mark.parametrize("first", [
    {"id": "a", "type": "article-journal", "title": "T"},                       # CSL's required fields and a title
    {"id": 7, "type": "book", "title": "T", "abstract": "x"},
    {"id": "a", "type": "article-journal", "title": "Word " * 6000,          # 30,000 characters before author
     "author": [{"family": "Wang", "given": "J"}], "issued": {"date-parts": [[2020]]}},
    {"id": "a", "type": "article-journal", "title": "Word " * 20000,         # longer than the head
     "author": [{"family": "Wang", "given": "J"}]},
])
def test_a_csl_item_of_few_or_long_fields_is_csl_json(tmp_path, first):
    second = {"id": "b", "type": "article-journal", "title": "Second"}
    for text in (json.dumps([first, second]), json.dumps(first) + "\n" + json.dumps(second) + "\n"):
        result, records, failures = _clean(tmp_path, text)
        assert result.returncode == 0 and not failures, result.stdout[-300:]
        assert [r["source"]["format"] for r in records] == ["csl-json", "csl-json"]
        assert records[0]["title"] == {"en": first["title"].strip()} and records[1]["title"] == {"en": "Second"}


@pytest.mark.parametrize("other", [
    {"type": "Feature", "id": 1, "geometry": {"type": "Point", "coordinates": [116.4, 39.9]}},    # GeoJSON
    {"data": {"id": "1", "type": "article", "attributes": {"title": "JSON:API"}}},
    {"id": 0, "abst": "归责原则是环境侵权制度的核心", "keyword": ["归责原则"], "label": "1"},   # a data set's items
    {"id": None, "source": {"path": "raw/0000.txt"}, "type": "article-journal", "title": {}},  # a gold record
    {"id": "71b2", "source": {"path": "a.ris"}, "type": "article-journal", "title": "text"},  # a contract record's
    {"id": "x", "type": "journal-article", "title": "Crossref's type, not CSL's"},
])
def test_other_json_is_not_taken_for_csl(tmp_path, other):
    result, records, failures = _clean(tmp_path, json.dumps([other, other]))
    assert not records and [f["reason"].split(";")[0] for f in failures] == ["unknown format"]


@pytest.mark.parametrize("text", ["[]", "[\n]\n", "  [ ]  "])
def test_an_empty_array_is_a_csl_json_file_of_no_records(tmp_path, text):
    # `[]` (a CSL-JSON export of nothing) was "unknown format; use --format NAME …"
    path = tmp_path / "empty.json"
    path.write_text(text, encoding="utf-8")
    result, records, (failure,) = clean_items(path)
    assert result.returncode == 1 and records == []
    assert failure["reason"].startswith("no records: read as csl-json, the file holds none") and failure["raw"] == text.strip("\n")
