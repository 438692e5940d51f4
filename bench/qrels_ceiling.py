#!/usr/bin/env python3
"""The best substring precision any search can score on the search qrels, and why.

    python bench/qrels_ceiling.py [--qrels ../shared/corpus/search/qrels/dev/substring.jsonl] [--all]

The search corpus is two files (`zh_papers.ris`, `en_pubmed.ris`), ingested into one index, and
the shared README defines a substring query's relevant records as "every record containing the
string". Each query's qrels list records of one file only (the query's language's). So a record
of the *other* file that holds the string word for word (`40%`, `IL-6`, `CT` in a PubMed
abstract; `HT`, `LLC` in a Chinese one) is counted against precision when a search finds it.

This script reads the two RIS files itself (not through the product: its figures do not depend
on our readers) and, for every substring query, counts the other file's records whose title,
abstract, keywords, authors or journal (RIS TI T1 T2 AB N2 KW AU A1 JO JF) contain the query,
case-insensitively and not inside a longer Latin word or number (`CT` is not found in
`effect`, `119` not in `1190`; a CJK end needs no boundary). A search that returns exactly the
qrels plus those records, the most a search finding "every record containing the string" can
return, scores |qrels| / (|qrels| + those) per query: the ceiling printed below. Prints numbers,
not pass/fail; `--all` lists every query, not only those the other file lowers.
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEARCH = ROOT.parent / "shared" / "corpus" / "search"
FILES = ("zh_papers.ris", "en_pubmed.ris")
FIELDS = {"TI", "T1", "T2", "AB", "N2", "KW", "AU", "A1", "JO", "JF"}


def ris_texts(path: Path) -> list[str]:
    """One searchable text per record, in file order (record N is the N-th `TY` … `ER`)."""
    texts, lines = [], []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        tag = line[:2]
        if tag == "ER" and line[2:6] == "  - ":
            texts.append("\n".join(lines))
            lines = []
        elif tag in FIELDS and line[2:6] == "  - ":
            lines.append(line[6:])
    return texts


def containing(query: str):
    """A regex finding `query` case-insensitively, not inside a longer Latin word or number."""
    head = r"(?<![0-9A-Za-z])" if query[:1].isascii() and query[:1].isalnum() else ""
    tail = r"(?![0-9A-Za-z])" if query[-1:].isascii() and query[-1:].isalnum() else ""
    return re.compile(head + re.escape(query) + tail, re.IGNORECASE)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--qrels", default=str(SEARCH / "qrels" / "dev" / "substring.jsonl"))
    ap.add_argument("--corpus", default=str(SEARCH))
    ap.add_argument("--all", action="store_true", help="list every query")
    args = ap.parse_args()
    texts = {name: ris_texts(Path(args.corpus) / name) for name in FILES}
    queries = [json.loads(line) for line in Path(args.qrels).read_text(encoding="utf-8").splitlines() if line.strip()]
    precisions, relevant_total, returned_total, lowered = [], 0, 0, 0
    print(f"# {len(queries)} substring queries; records: "
          + ", ".join(f"{name} {len(recs)}" for name, recs in texts.items()))
    print(f"{'qid':12s} {'query':14s} {'qrels':>6s} {'other':>6s} {'ceiling':>8s}  files of the qrels")
    for q in queries:
        own = {path for path, _ in q["relevant"]}
        pattern = containing(q["query"])
        other = sum(1 for name, recs in texts.items() if name not in own for text in recs if pattern.search(text))
        n = len(q["relevant"])
        precision = n / (n + other) if n + other else 1.0
        precisions.append(precision)
        relevant_total += n
        returned_total += n + other
        lowered += other > 0
        if other or args.all:
            print(f"{q['qid']:12s} {q['query']:14s} {n:6d} {other:6d} {precision:8.3f}  {', '.join(sorted(own))}")
    print(f"queries the other file lowers: {lowered} of {len(queries)}")
    print(f"precision ceiling: macro {sum(precisions) / len(precisions):.3f}  "
          f"micro {relevant_total / returned_total:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
