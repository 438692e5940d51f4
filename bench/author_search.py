#!/usr/bin/env python3
"""Author search at scale: ingest time and warm `author:` query latency by the form a name is
written in.

    .venv/bin/python bench/author_search.py [--n 50000] [--queries 100] [--seed 7]

The corpus is bench/dedup.py's distinct works (no planted copies): the real records of
../shared/corpus/search and ../shared/corpus/bulk and recombined titles, each with synthetic
authors: one to five Chinese names drawn by surname frequency (王 and 李 about 7% each, so a
name such as 王伟 recurs as it does in CNKI) for Chinese works, PubMed's surnames with one or
two initials for English ones.  It is cached under bench/.cache/dedup/ as that bench's is;
the index is built afresh in a temp dir by `cli.py ingest` and timed.

Queries are drawn (fixed seed) from the corpus's own authors, in the forms users write:
`author:"Smith JA"`, `author:"Smith J"`, `author:Smith`, `author:王建国`,
`author:"Wang Jianguo"`, `author:"Wang JG"`.  Prints, per form, p50 and p95 of the warm
latency (one Searcher, each query run once before it is timed) and the mean number of hits.
"""
from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def forms(rec: dict) -> list[tuple[str, str]]:
    """(form, query) for each author of a cleaned record."""
    from indexer.pinyin import is_person, person_pinyin

    out = []
    for a in rec.get("authors", []):
        if a.get("literal") and is_person(a["literal"]):
            family, given = person_pinyin(a["literal"])
            out += [("王建国", f"author:{a['literal']}"),
                    ("Wang Jianguo", f'author:"{family.title()} {"".join(given).title()}"'),
                    ("Wang JG", f'author:"{family.title()} {"".join(s[0] for s in given).upper()}"')]
        elif a.get("family") and a.get("given"):
            initials = "".join(c for c in a["given"] if c.isupper())
            out += [("Smith JA", f'author:"{a["family"]} {initials}"'),
                    ("Smith J", f'author:"{a["family"]} {initials[:1]}"'), ("Smith", f"author:{a['family']}")]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=50000, help="works in the corpus (default 50000)")
    ap.add_argument("--queries", type=int, default=100, help="queries per form (default 100)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    from dedup import build, cleaned

    folder, key, _ = build(args.n, 0.0, args.seed)
    records, _ = cleaned(folder)
    with tempfile.TemporaryDirectory() as tmp:
        index = Path(tmp) / "index"
        t0 = time.perf_counter()
        result = subprocess.run([sys.executable, "cli.py", "ingest", "-q", str(folder / "works.ris"),
                                 "--index", str(index)], cwd=ROOT, capture_output=True, text=True)
        secs = time.perf_counter() - t0
        if result.returncode not in (0, 1):
            sys.exit(f"ingest failed: {result.stderr[-2000:]}")
        n_authors = sum(len(r.get("authors", [])) for r in records)
        print(f"corpus: {len(records):,} records, {n_authors:,} authors (bench/.cache/dedup/{key})")
        print(f"ingest: {secs:.1f} s = {len(records) / secs:,.0f} records/s")

        from indexer.index.search import Searcher

        rng = random.Random(args.seed)
        by_form: dict[str, list[str]] = {}
        for rec in records:
            for form, query in forms(rec):
                by_form.setdefault(form, []).append(query)
        with Searcher(index, mapped=True) as s:   # as search --batch opens it
            for form, queries in by_form.items():
                chosen = rng.sample(sorted(set(queries)), min(args.queries, len(set(queries))))
                times, hits = [], []
                for q in chosen:
                    s.search(q, limit=10)
                    t = time.perf_counter()
                    hits.append(s.search(q, limit=10)["total"])
                    times.append((time.perf_counter() - t) * 1000)
                times.sort()
                p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
                print(f"{form:>14}: {len(chosen)} queries, p50 {statistics.median(times):.1f} ms, "
                      f"p95 {p95:.1f} ms, mean hits {statistics.mean(hits):,.0f}")


if __name__ == "__main__":
    main()
