"""The cleaned records themselves, in a plain SQLite file beside the index.

Dedup and export read records from here, not from whoosh (whose stored fields are
pickles); the whoosh index can always be rebuilt from this store.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path
from typing import Iterator

STORE_NAME = "records.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    id TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    digest TEXT NOT NULL,
    json TEXT NOT NULL,
    lang TEXT,
    format TEXT,
    year INTEGER
);
CREATE INDEX IF NOT EXISTS records_path ON records (path, ordinal);
"""


def digest(record_json: dict) -> str:
    """Content hash of a record's canonical JSON: a changed record gets a new digest."""
    text = json.dumps(record_json, ensure_ascii=False, sort_keys=True)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class Store:
    def __init__(self, directory: str | Path):
        self.path = Path(directory) / STORE_NAME
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path)
        self.db.executescript(_SCHEMA)
        have = {row[1] for row in self.db.execute("PRAGMA table_info(records)")}
        missing = [(c, k) for c, k in (("lang", "TEXT"), ("format", "TEXT"), ("year", "INTEGER")) if c not in have]
        for column, kind in missing:  # a store written before these columns existed
            self.db.execute(f"ALTER TABLE records ADD COLUMN {column} {kind}")
        if missing:
            self.db.execute("UPDATE records SET lang = json_extract(json, '$.language'), "
                            "format = json_extract(json, '$.source.format'), year = json_extract(json, '$.year')")
            self.db.commit()

    def close(self) -> None:
        self.db.commit()
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:  # nothing half-done is kept: the index was not committed either
            self.db.rollback()
        self.close()

    def put(self, record_json: dict) -> str:
        """Insert or replace one record; returns 'added', 'updated' or 'unchanged'."""
        rid = record_json["id"]
        d = digest(record_json)
        row = self.db.execute("SELECT digest FROM records WHERE id = ?", (rid,)).fetchone()
        if row and row[0] == d:
            return "unchanged"
        src = record_json["source"]
        self.db.execute("INSERT OR REPLACE INTO records (id, path, ordinal, digest, json, lang, format, year) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (rid, src["path"], src["record"], d, json.dumps(record_json, ensure_ascii=False),
                         record_json.get("language"), src.get("format"), record_json.get("year")))
        return "updated" if row else "added"

    def get(self, rid: str) -> dict | None:
        row = self.db.execute("SELECT json FROM records WHERE id = ?", (rid,)).fetchone()
        return json.loads(row[0]) if row else None

    def get_many(self, ids: list[str]) -> dict[str, dict]:
        out: dict[str, dict] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for rid, text in self.db.execute(f"SELECT id, json FROM records WHERE id IN ({marks})", chunk):
                out[rid] = json.loads(text)
        return out

    def __iter__(self) -> Iterator[dict]:
        for (text,) in self.db.execute("SELECT json FROM records ORDER BY path, ordinal"):
            yield json.loads(text)

    def counts(self, column: str) -> list[tuple[object, int]]:
        """Records per value of ``lang``, ``format`` or ``year``, most frequent first."""
        if column not in ("lang", "format", "year"):
            raise ValueError(column)
        return list(self.db.execute(f"SELECT {column}, COUNT(*) FROM records GROUP BY {column} "
                                    f"ORDER BY COUNT(*) DESC, {column}"))

    def __len__(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM records").fetchone()[0]
