#!/usr/bin/env python3
"""Bench: what each export format loses. The cleaned records of ../shared's formats and
citations corpora are written in a format and read back by this project's reader for it;
for each key of ``extra`` the count of records that had it and came back without it.

A key may come back under another name (a date as written comes back from CSL-JSON in
``issued``) or have no field in a format (BibTeX has no affiliations): the figures show
where to look, they are not a target.

    .venv/bin/python bench/export_roundtrip.py [--format ris endnote bibtex csl-json] [--top 20]
"""
from __future__ import annotations

import argparse
import collections
import io
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SOURCES = [ROOT.parent / "shared" / "corpus" / n for n in ("formats", "citations")]
# Kept by the reader about the file itself, not the work: not expected back.
ABOUT_THE_FILE = {"encoding", "source_type", "source_id", "columns", "csl", "database_provider", "tags"}


def main() -> int:
    from indexer.cleaner import clean_paths
    from indexer.export import SUFFIXES, export
    from indexer.record import Failure

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--format", nargs="+", default=["ris", "endnote", "bibtex", "csl-json"])
    ap.add_argument("--top", type=int, default=20, help="keys shown per format")
    args = ap.parse_args()
    missing = [str(p) for p in SOURCES if not p.is_dir()]
    if missing:
        print(f"needs ../shared beside the checkout: {', '.join(missing)} not found", file=sys.stderr)
        return 2
    records = [r.to_json() for r in clean_paths([str(p) for p in SOURCES]) if not isinstance(r, Failure)]
    print(f"{len(records):,} cleaned records of {', '.join(p.name for p in SOURCES)}")
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in args.format:
            out = io.StringIO()
            export(records, fmt, out)
            path = Path(tmp) / f"back{SUFFIXES[fmt]}"
            path.write_text(out.getvalue(), encoding="utf-8")
            back = [r.to_json() for r in clean_paths([str(path)]) if not isinstance(r, Failure)]
            lost: collections.Counter = collections.Counter()
            for rec, again in zip(records, back):
                kept = again.get("extra") or {}
                lost.update(k for k in (rec.get("extra") or {}) if k not in ABOUT_THE_FILE and k not in kept)
            shown = ", ".join(f"{k} {n:,}" for k, n in sorted(lost.items(), key=lambda kv: (-kv[1], kv[0]))[:args.top])
            print(f"{fmt}: {len(back):,} read back; extra keys lost: {shown or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
