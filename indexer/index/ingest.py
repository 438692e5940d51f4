"""Ingest: read, clean, store and index records; idempotent (the same file again adds nothing)."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as windex

from ..cleaner import clean_paths
from ..record import Failure
from ..store import Store
from .schema import build_schema, document

INDEX_SUBDIR = "whoosh"


@dataclass
class Summary:
    read: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failures: list[Failure] = field(default_factory=list)
    index: str = ""

    def to_json(self) -> dict:
        return {"read": self.read, "added": self.added, "updated": self.updated, "unchanged": self.unchanged,
                "failed": len(self.failures), "index": self.index,
                "failures": [f.to_json() for f in self.failures]}

    def describe(self) -> str:
        return (f"read {self.read}, added {self.added}, updated {self.updated}, unchanged {self.unchanged}, "
                f"failed {len(self.failures)} → {self.index}")


def open_or_create(directory: str | Path):
    path = Path(directory) / INDEX_SUBDIR
    if windex.exists_in(path):
        return windex.open_dir(path)
    path.mkdir(parents=True, exist_ok=True)
    return windex.create_in(path, build_schema())


def ingest(paths, index_dir: str, fmt: str | None = None, quiet: bool = False) -> Summary:
    summary = Summary(index=str(index_dir))
    ix = open_or_create(index_dir)
    writer = ix.writer()
    try:
        with Store(index_dir) as store:
            for item in clean_paths(paths, fmt):
                if isinstance(item, Failure):
                    summary.failures.append(item)
                    continue
                summary.read += 1
                rec = item.to_json()
                outcome = store.put(rec)
                setattr(summary, outcome, getattr(summary, outcome) + 1)
                if outcome != "unchanged":
                    writer.update_document(**document(rec))
                if not quiet and summary.read % 500 == 0:
                    sys.stderr.write(f"\r{summary.read} records…")
                    sys.stderr.flush()
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    if not quiet and summary.read >= 500:
        sys.stderr.write("\n")
    return summary
