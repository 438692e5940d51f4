"""Contract records read back: what ``clean --json`` and ``export --format jsonl`` write, one
record a line in the shape of ``record.schema.json`` (or a JSON array of them).

A librarian cleans a file, corrects a field by hand in the JSON lines, and ingests or exports
those.  Each record's fields are taken as written: its texts are cleaned already, and under
the languages it names (the pipeline would read each text's language again, and parse each
name again, undoing a correction), so cleaning such a file again changes nothing but the
record's ``id`` and ``source``.  The record's ``source`` is its line in this file, as for every
reader; the source it was first read from is kept in ``extra.original_source`` (the first
one, however often the records are read back), its id as ``source.source_id``.  Its
``repairs`` and ``issues`` are kept: they are still what was done to it, and what is wrong;
so is the ``merged`` block of a master ``dedup --apply`` completed (``export --format
jsonl``), which names the records it was merged from.

A line that is not JSON, or JSON that is no contract record (a CSL item, whose title is
text), is a failure with its line and text; the other lines are still read.
"""
from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from typing import Any

from ..record import Failure, Record, Repair, Source
from .base import register

# A contract record's keys, as ``Record.to_json`` writes them first: an id, a source that is
# an object (CSL's ``source`` is text) and a title that is one (CSL's is text).
_HEAD_KEYS = (re.compile(r'"id"\s*:\s*"'), re.compile(r'"source"\s*:\s*\{'), re.compile(r'"title"\s*:\s*\{'))
_OPENING = re.compile(r"[\[{]")
_FAILURE = re.compile(r'^\s*\{\s*"failure"\s*:\s*true\b')


def looks_like_records(head: str) -> bool:
    """Whether a file starting with ``head`` holds contract records (an object a line, or an
    array of them): its first object has an id, a source object and a title object.

    >>> looks_like_records('{"id": "71b2", "source": {"path": "a.ris"}, "type": "thesis", "title": {"zh": "题"}}')
    True
    >>> looks_like_records('{"id": "k1", "type": "article-journal", "title": "T", "source": "PubMed"}')
    False
    >>> looks_like_records('{"failure": true, "path": "a.ris", "line": 3}\\n{"id": "71b2", "source": {}, "title": {}}')
    True
    """
    h = head.lstrip(" \t\r\n\ufeff")
    if not _OPENING.match(h):
        return False
    if h.startswith("["):
        first = h[:20000]
    else:   # clean --json writes its failures among the records: the first record tells
        first = next((line for line in h.split("\n") if line.strip() and not _FAILURE.search(line)), "")
    return all(key.search(first) for key in _HEAD_KEYS)


def is_contract_record(item) -> bool:
    """Whether a JSON value is a contract record: an object whose ``source`` and ``title``
    are objects (a CSL item's title is text)."""
    return isinstance(item, dict) and isinstance(item.get("source"), dict) and isinstance(item.get("title"), dict)


def _text(value) -> bool:
    return isinstance(value, str)


def _optional_text(value) -> bool:
    return value is None or isinstance(value, str)


def _by_language(value) -> bool:
    return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())


def _list_of(kind):
    return lambda value: isinstance(value, list) and all(isinstance(v, kind) for v in value)


def _words_by_language(value) -> bool:
    return isinstance(value, dict) and all(_list_of(str)(v) for v in value.values())


def _sections(value) -> bool:
    return isinstance(value, dict) and all(
        isinstance(v, list) and all(isinstance(s, dict) and _text(s.get("label")) and _text(s.get("text")) for s in v)
        for v in value.values())


def _repairs(value) -> bool:
    return isinstance(value, list) and all(isinstance(r, dict) and _text(r.get("step")) and _text(r.get("field"))
                                           for r in value)


# The contract's fields (record.schema.json) and the shape each must have; a record whose field
# has another shape is a failure (it could not be written out valid again).
FIELDS = {
    "type": _text, "language": _text, "title": _by_language, "abstract": _by_language, "journal": _by_language,
    "sections": _sections, "authors": _list_of(dict), "keywords": _words_by_language,
    "year": lambda v: v is None or isinstance(v, int) and not isinstance(v, bool),
    **{k: _optional_text for k in ("volume", "issue", "pages", "doi", "issn", "url")},
    "funding": lambda v: _list_of(dict)(v) and all(_text(f.get("funder")) and "award" in f for f in v),
    "repairs": _repairs, "issues": _list_of(str), "extra": lambda v: isinstance(v, dict),
    "merged": lambda v: v is None or isinstance(v, dict),
}
# Fields copied onto the record as written.
_COPIED = ("title", "abstract", "sections", "authors", "keywords", "journal", "year", "volume", "issue", "pages",
           "doi", "issn", "url", "funding", "issues", "extra")


def _wrong_fields(item: dict) -> list[str]:
    """The contract fields of ``item`` whose value has not the contract's shape."""
    return [key for key, fits in FIELDS.items() if key in item and not fits(item[key])]


@dataclass
class MergedRecord(Record):
    """A master ``dedup --apply`` completed, read back: a record with the ``merged`` block
    written beside the contract's fields (the records it was merged from, which gave what;
    ``Record`` has no field for it), written out again as it was read."""

    merged: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {**super().to_json(), "merged": copy.deepcopy(self.merged)}


def build_record(item: dict, source: Source, raw_text: str) -> Record:
    """The record a contract record stands for, its fields as written (see the module's
    docstring); its language handed to the pipeline as the primary one, which it keeps."""
    original = item["source"]
    source.source_id = item["id"] if isinstance(item.get("id"), str) else None
    merged = item.get("merged")
    rec = MergedRecord(source, raw_text=raw_text, merged=copy.deepcopy(merged)) if merged else Record(
        source, raw_text=raw_text)
    for key in _COPIED:
        if item.get(key) is not None:
            setattr(rec, key, copy.deepcopy(item[key]))
    rec.type = item.get("type") or rec.type
    rec.repairs = [Repair(r["step"], r["field"], str(r.get("before", "")), str(r.get("after", "")))
                   for r in item.get("repairs") or []]
    rec.extra.setdefault("original_source", copy.deepcopy(original))
    # (decide_language takes the language a reader hands over: the one written, corrected or not)
    rec.raw["primary_lang"] = item.get("language") or "und"
    return rec


class RecordJsonlReader:
    name = "record-jsonl"
    aliases = ("jsonl", "record", "records", "contract")
    suffixes = (".jsonl",)

    def sniff(self, head: str) -> float:
        return 0.95 if looks_like_records(head) else 0.0

    def read(self, source):
        if source.head.lstrip(" \t\r\n\ufeff").startswith("["):
            yield from self._read_array(source)
            return
        ordinal = 0
        # (a JSON line is parted only where JSON says: a string in it may hold anything)
        for lineno, line in enumerate(source.lines(), 1):
            if line.strip():
                ordinal += 1
                yield self._line(line, source.path, ordinal, lineno)

    def _read_array(self, source):
        """The records of a JSON array; an array that is not valid JSON is one failure."""
        text = source.text()
        try:
            items = json.loads(text.lstrip("\ufeff"))
        except (ValueError, RecursionError) as e:
            yield Failure(path=source.path, line=1, raw=text, format=self.name,
                          reason=f"not valid JSON: {_error(e)}")
            return
        for ordinal, item in enumerate(items if isinstance(items, list) else [items], 1):
            raw = json.dumps(item, ensure_ascii=False)
            yield self._item(item, source.path, ordinal, None, raw)

    def _line(self, line: str, path: str, ordinal: int, lineno: int) -> Record | Failure:
        try:
            item = json.loads(line)
        except (ValueError, RecursionError) as e:
            return Failure(path=path, line=lineno, reason=f"not valid JSON: {_error(e)}", raw=line,
                           format=self.name, record=ordinal)
        return self._item(item, path, ordinal, lineno, line)

    def _item(self, item, path: str, ordinal: int, line: int | None, raw: str) -> Record | Failure:
        fail = dict(path=path, line=line, raw=raw, format=self.name, record=ordinal)
        if isinstance(item, dict) and item.get("failure") is True:   # clean --json writes its failures too
            return Failure(reason=f"a failure of clean --json, not a record ({item.get('reason')}); its input is "
                                  "its raw text", **fail)
        if not is_contract_record(item):
            return Failure(reason="not a record of clean --json (an object with a source object and a title "
                                  "object, as record.schema.json says)", **fail)
        wrong = _wrong_fields(item)
        if wrong:
            return Failure(reason=f"not a record of clean --json: {', '.join(wrong)} not as record.schema.json "
                                  "says", **fail)
        return build_record(item, Source(path=path, format=self.name, record=ordinal, line=line), raw)


def _error(e: Exception) -> str:
    """JSON's message, and where in the line (or array) it went wrong."""
    if isinstance(e, json.JSONDecodeError):
        return f"{e.msg} (at line {e.lineno}, column {e.colno})" if e.lineno > 1 else f"{e.msg} (at column {e.colno})"
    return f"{type(e).__name__}: {str(e)[:200]}"


register(RecordJsonlReader())
