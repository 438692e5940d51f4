#!/usr/bin/env python3
"""Ingest and search at scale: records/s, peak RSS, warm query latency, cold start.

    python bench/ingest_search.py [--records 100000] [--stock 20000] [--work /tmp/lit-bench] [--search-only]

Builds a bilingual RIS corpus of N records from ../shared/corpus/search (real Chinese and
PubMed records) and ../shared/corpus/bulk (CSL benchmark titles/abstracts/keywords,
FewCLUE abstracts, CNKI education titles), cycling through them in a fixed order; then
  * ingest: `cli.py ingest CORPUS --index DIR` in a fresh folder, wall time, records/s and
    the peak RSS summed over the whole process tree (sampled from /proc every 0.2 s);
  * warm latency: every query of ../shared/corpus/search/qrels/dev, run once to warm up,
    then timed in one process, the index opened as `search --batch` opens it (p50/p95, limit 10);
  * cold start: `cli.py search 脊柱转移 --json` as a new process, median of 5, and its peak RSS;
  * --stock N: the same first N records through stock whoosh + jieba's ChineseAnalyzer
    (two writer processes, multisegment), the figure the issue compares against.
Prints one line per figure; numbers, not pass/fail.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))


# ---------------------------------------------------------------- corpus
def _ris_records(path: Path):
    rec: dict = {}
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        tag, value = line[:2], line[6:].strip()
        if tag == "ER":
            yield rec
            rec = {}
        elif len(line) > 5 and line[2:6] == "  - ":
            rec.setdefault(tag, []).append(value)


def source_records() -> list[dict]:
    out = []
    for name in ("zh_papers.ris", "en_pubmed.ris"):
        out += list(_ris_records(SHARED / "search" / name))
    ts = {}
    for line in (SHARED / "bulk" / "csl_benchmark" / "ts_dev.tsv").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3:
            ts[parts[1]] = parts[2]
    for line in (SHARED / "bulk" / "csl_benchmark" / "kg_dev.tsv").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3:
            abstract, _, title = parts[1].rpartition(" ")
            kws = parts[2].split("_")
            out.append({"TY": ["JOUR"], "TI": [ts.get(abstract, title)], "AB": [abstract], "KW": kws})
    for name in ("train_few_all.json", "dev_few_all.json", "test_public.json"):
        for line in (SHARED / "bulk" / "fewclue_csl" / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                out.append({"TY": ["JOUR"], "AB": [d["abst"]], "KW": d.get("keyword", [])})
    for name in ("dataset_2018.csv", "dataset_2019.csv"):
        with open(SHARED / "bulk" / "cnki_education_titles" / name, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                out.append({"TY": ["JOUR"], "TI": [row["paper_name"]], "JF": [row["journal"]],
                            "PY": [row["year"]], "IS": [row["issue"].replace("No.", "")]})
    return out


def build_corpus(path: Path, n: int) -> None:
    records = source_records()
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            rec = records[i % len(records)]
            fh.write("TY  - JOUR\n")
            for tag, values in rec.items():
                if tag != "TY":
                    for v in values:
                        fh.write(f"{tag}  - {v}\n")
            fh.write("ER  - \n\n")


# ---------------------------------------------------------------- measuring
def _tree_rss(pid: int) -> int:
    """RSS in bytes of a process and all its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            ppid, pages = int(fields[1]), int(fields[21])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
        rss[int(entry)] = pages * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo += children.get(p, [])
    return total


def run_measured(cmd: list[str]) -> tuple[float, int, subprocess.CompletedProcess]:
    peak = 0
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    done = threading.Event()

    def sample():
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.2)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    out, err = proc.communicate()
    done.set()
    thread.join()
    return time.perf_counter() - t0, peak, subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def warm_latency(index: Path) -> list[float]:
    from indexer.index.search import Searcher

    queries = []
    for name in sorted((SHARED / "search" / "qrels" / "dev").glob("*.jsonl")):
        queries += [json.loads(line)["query"] for line in name.read_text(encoding="utf-8").splitlines() if line]
    times = []
    with Searcher(index, mapped=True) as s:   # as search --batch opens it
        for q in queries:
            s.search(q, limit=10)
        for q in queries:
            t = time.perf_counter()
            s.search(q, limit=10)
            times.append((time.perf_counter() - t) * 1000)
    return sorted(times)


def stock(corpus: Path, n: int, work: Path) -> float:
    """Stock whoosh + jieba ChineseAnalyzer over the first n records: records/s."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from jieba.analyse import ChineseAnalyzer
    from whoosh import index as windex
    from whoosh.fields import ID, TEXT, Schema

    folder = work / "stock"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    schema = Schema(id=ID(stored=True), title=TEXT(analyzer=ChineseAnalyzer()), abstract=TEXT(analyzer=ChineseAnalyzer()),
                    keywords=TEXT(analyzer=ChineseAnalyzer()))
    ix = windex.create_in(str(folder), schema)
    t0 = time.perf_counter()
    writer = ix.writer(procs=2, multisegment=True)
    for i, rec in enumerate(_ris_records(corpus)):
        if i >= n:
            break
        writer.add_document(id=str(i), title=" ".join(rec.get("TI", [])), abstract=" ".join(rec.get("AB", [])),
                            keywords=" ".join(rec.get("KW", [])))
    writer.commit()
    return n / (time.perf_counter() - t0)


# Run the command given, print its peak RSS in KiB (Linux's ru_maxrss of the children).
_PEAK_OF_CHILD = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], capture_output=True, check=True); "
                  "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--stock", type=int, default=0, help="also index the first N records the stock way")
    ap.add_argument("--work", default="/tmp/lit-bench")
    ap.add_argument("--search-only", action="store_true",
                    help="measure the queries on the index a previous run left in WORK/index, without ingesting")
    args = ap.parse_args()
    if not SHARED.exists():
        sys.exit(f"{SHARED} not present: the benchmark reads the shared corpora")
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / f"corpus-{args.records}.ris"
    if not corpus.exists():
        build_corpus(corpus, args.records)
    index = work / "index"
    py = sys.executable
    if args.search_only:
        if not (index / "records.sqlite").exists():
            sys.exit(f"no index in {index}: run once without --search-only")
    else:
        shutil.rmtree(index, ignore_errors=True)
        secs, peak, result = run_measured([py, "cli.py", "ingest", str(corpus), "--index", str(index), "--json", "-q"])
        if result.returncode not in (0, 1):
            sys.exit(f"ingest failed: {result.stderr[-2000:]}")
        summary = json.loads(result.stdout)
        print(f"corpus: {args.records:,} records ({corpus.stat().st_size / 1e6:.0f} MB), {os.cpu_count()} cores")
        print(f"ingest: {summary['read']:,} records in {secs:.1f} s = {summary['read'] / secs:.0f} records/s; "
              f"peak RSS (process tree) {peak / 2**20:.0f} MiB; failed {summary['failed']}")
    times = warm_latency(index)
    print(f"warm query latency over {len(times)} queries: p50 {statistics.median(times):.1f} ms, "
          f"p95 {times[int(0.95 * (len(times) - 1))]:.1f} ms, max {times[-1]:.1f} ms")
    cold, rss = [], []
    search = [py, "cli.py", "search", "脊柱转移", "--json", "--index", str(index)]
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run(search, cwd=ROOT, capture_output=True, check=True)
        cold.append(time.perf_counter() - t)
    for _ in range(2):
        # its peak RSS, through a small process: a child forked from this one (which holds an
        # open index by now) counts this one's pages until it execs
        peak = subprocess.run([py, "-c", _PEAK_OF_CHILD, *search], cwd=ROOT, capture_output=True, text=True,
                              check=True)
        rss.append(int(peak.stdout) / 1024)
    print(f"cold start `cli.py search`: median {statistics.median(cold):.2f} s over 5 runs, "
          f"peak RSS {max(rss):.0f} MiB")
    if args.stock:
        print(f"stock whoosh + jieba ChineseAnalyzer (procs=2, multisegment) on the first {args.stock:,} records: "
              f"{stock(corpus, args.stock, work):.0f} records/s")


if __name__ == "__main__":
    main()
