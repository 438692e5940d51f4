#!/usr/bin/env python3
"""Bench: read and clean a large RIS file; prints records/s and peak RSS.

Builds a RIS file of N records (default 100,000) by repeating the real records of
../shared/corpus/search/*.ris (Chinese and English), then streams it through the
reader and the clean pipeline, printing throughput and resident memory at intervals
so one can see that memory does not grow with the file.

    .venv/bin/python bench/read_clean.py [--records 100000] [--file /tmp/bench.ris]
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SOURCES = [ROOT.parent / "shared" / "corpus" / "search" / n for n in ("zh_papers.ris", "en_pubmed.ris")]


def rss_mb() -> float:
    """Current resident set size in MB (Linux /proc), falling back to the peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build_file(path: Path, n: int) -> None:
    records = []
    for src in SOURCES:
        if not src.exists():
            sys.exit(f"Error: {src} not found (the bench needs ../shared/corpus/search)")
        text = src.read_text(encoding="utf-8")
        records += [r.strip() + "\nER  - \n" for r in text.split("ER  -") if r.strip()]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(records[i % len(records)].replace("TY  - JOUR", f"TY  - JOUR\nID  - bench-{i}", 1))
            fh.write("\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--file", type=Path, default=Path("/tmp/lit-indexer-bench.ris"))
    a = ap.parse_args()
    if not a.file.exists() or a.file.stat().st_size == 0:
        print(f"building {a.file} with {a.records} records…", file=sys.stderr)
        build_file(a.file, a.records)
    from indexer.cleaner import clean_paths
    from indexer.record import Failure

    start = time.perf_counter()
    base = rss_mb()
    n = failed = 0
    marks = []
    for item in clean_paths([str(a.file)]):
        if isinstance(item, Failure):
            failed += 1
        else:
            n += 1
        if (n + failed) % 10_000 == 0:
            marks.append((n + failed, rss_mb()))
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"file: {a.file} ({a.file.stat().st_size / 1e6:.1f} MB)")
    print("RSS after records: " + ", ".join(f"{k // 1000}k={v:.0f}MB" for k, v in marks))
    print(f"read+clean: {n} records, {failed} failures in {elapsed:.1f}s = {n / elapsed:.0f} records/s; "
          f"RSS at start {base:.0f} MB, peak RSS {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
