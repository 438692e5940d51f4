#!/usr/bin/env python3
"""Deduplication at scale: `find_clusters` over N cleaned records, wall time, peak RSS,
pairs compared, and the recall of planted copies.

    .venv/bin/python bench/dedup.py [--n 100000] [--dup-rate 0.15] [--seed 7] [--repeat 1] [--cli]

The corpus is two RIS files built deterministically from the seed:
  * works.ris: distinct works.  First the real records of ../shared/corpus/search (Chinese
    CSL/FewCLUE papers, PubMed) and ../shared/corpus/bulk (CSL benchmark titles, CNKI
    education-journal titles; the loader of bench/ingest_search.py, repeats of one paper
    dropped, records without a title left out), then, to reach N, works whose title is
    the head of one real title and the tail of another of the same language.  The real
    Chinese records carry no authors, volume or pages, so every work gets synthetic
    metadata: Chinese names drawn by surname frequency (王, 李, 张 ... so common names
    collide as they do in CNKI), PubMed surnames with initials for English works, year,
    volume, issue, pages, and a DOI for about 60% of English and 25% of Chinese works;
  * copies.ris: N × dup-rate planted copies of random works, another record id in
    another file, each with one to three of: DOI dropped, punctuation to the other
    width, abstract truncated, issue 7 ↔ 07, pages 12-15 → 12~15, Chinese title (and
    names) in Traditional characters (OpenCC s2t), case or spacing of the title changed,
    authors cut to the first three, a subtitle cut off, the year dropped.
Both files go through the project's reader and cleaner once; the cleaned records are cached
as JSONL under bench/.cache/dedup/<hash of the RIS text>/ (gitignored), so reruns skip
cleaning.  Then `find_clusters` runs on the records in memory, timed --repeat times;
--cli also times `cli.py dedup --json` on an index of the corpus (ingested once, cached).

Prints the corpus size, clusters, pairs compared, seconds, peak RSS, the recall of the
planted copies (a copy counts when it lands in its original's cluster) and the pairs of
different works put in one cluster: sanity figures, not a quality score
(../shared/tools/score_dedup.py on the labelled sets is that).
"""
from __future__ import annotations

import argparse
import hashlib
import inspect
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
CACHE = ROOT / "bench" / ".cache" / "dedup"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
            "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红辉建国文斌宇浩凯鹏飞晓云峰鑫亮俊海林春婷雪琳佳欣"
         "慧颖倩帆晨阳波健宁志新立成丹莉燕兰梅琴彬松毅博然瑞思雨龙翔旭东振宏")
# Surname frequencies fall off roughly as 1/rank (王 and 李 about 7% each).
SURNAME_WEIGHTS = [1 / (rank + 1) ** 0.9 for rank in range(len(SURNAMES))]
INITIALS = "ABCDEFGHJKLMNPRSTW"
HALF_TO_FULL = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"})
FULL_TO_HALF = str.maketrans({v: chr(k) for k, v in HALF_TO_FULL.items()})


# ---------------------------------------------------------------- corpus
def real_works() -> list[dict]:
    """The real titled records of the shared corpora, each paper once."""
    from ingest_search import source_records

    seen, out = set(), []
    for rec in source_records():
        title = (rec.get("TI") or [""])[0].strip()
        if not title:
            continue
        key = (title, tuple(rec.get("PY", [])), tuple(rec.get("IS", [])), (rec.get("AB") or [""])[0][:60])
        if key not in seen:
            seen.add(key)
            out.append(rec)
    return out


def is_chinese(rec: dict) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", (rec.get("TI") or [""])[0]))


def recombined_title(a: str, b: str, zh: bool) -> str:
    """The head of one title and the tail of another: a plausible title of another work."""
    if zh:
        return a[: max(4, len(a) // 2)] + b[len(b) // 2:]
    wa, wb = a.split(), b.split()
    return " ".join(wa[: max(2, len(wa) // 2)] + wb[len(wb) // 2:])


def synthetic_metadata(rec: dict, zh: bool, rng: random.Random, pools: dict, serial: int) -> dict:
    out = dict(rec)
    if zh:
        out["AU"] = [rng.choices(SURNAMES, SURNAME_WEIGHTS)[0] + "".join(rng.choices(GIVEN, k=rng.choice((1, 2, 2))))
                     for _ in range(rng.randint(1, 5))]
        out["LA"] = ["chi"]
    else:
        if not out.get("AU"):
            out["AU"] = [f"{rng.choice(pools['families'])} {''.join(rng.choices(INITIALS, k=rng.randint(1, 2)))}"
                         for _ in range(rng.randint(1, 6))]
        out["LA"] = ["eng"]
    if not out.get("PY"):
        out["PY"] = [str(rng.randint(1995, 2023))]
    if not out.get("JF") and not out.get("JO") and not out.get("T2"):
        out["JO"] = [rng.choice(pools["zh_journals" if zh else "en_journals"])]
    if not out.get("IS"):
        out["IS"] = [str(rng.randint(1, 12))]
    out["VL"] = [str(rng.randint(1, 60))]
    first = rng.randint(1, 400)
    out["SP"], out["EP"] = [str(first)], [str(first + rng.randint(1, 14))]
    if rng.random() < (0.25 if zh else 0.6):
        out["DO"] = [f"10.{rng.randint(1000, 9999)}/j.{out['PY'][0]}.{serial:06d}"]
    return out


def works(n: int, rng: random.Random) -> list[dict]:
    real = real_works()
    pools = {"families": [a.split()[0] for r in real for a in r.get("AU", []) if a.split()],  # as often as in PubMed
             "zh_journals": sorted({j for r in real if is_chinese(r) for j in r.get("JF", []) + r.get("T2", [])}),
             "en_journals": sorted({j for r in real if not is_chinese(r) for j in r.get("JO", [])})}
    by_lang = {True: [r for r in real if is_chinese(r)], False: [r for r in real if not is_chinese(r)]}
    titles = {r["TI"][0] for r in real}
    base = list(real[:n])
    while len(base) < n:
        a = rng.choice(real)
        zh = is_chinese(a)
        title = recombined_title(a["TI"][0], rng.choice(by_lang[zh])["TI"][0], zh)
        if title in titles:
            continue
        titles.add(title)
        made = {k: v for k, v in a.items() if k in ("TY", "AB", "KW")}
        made["TI"] = [title]
        base.append(made)
    return [synthetic_metadata(r, is_chinese(r), rng, pools, i) for i, r in enumerate(base)]


def perturb(rec: dict, rng: random.Random, s2t) -> tuple[dict, list[str]]:
    """A copy of ``rec`` as another database would export it (``s2t``: OpenCC's converter)."""
    out = {k: list(v) for k, v in rec.items()}
    zh = is_chinese(rec)
    choices = ["drop doi", "width", "abstract", "issue", "pages", "case/space", "authors", "subtitle", "year"]
    if zh:
        choices += ["traditional"] * 3
    done = []
    for what in rng.sample(choices, rng.randint(1, 3)):
        title, was = out["TI"][0], repr(out)
        if what == "drop doi" and out.get("DO"):
            del out["DO"]
        elif what == "width":
            wide = title.translate(HALF_TO_FULL)
            out["TI"] = [wide if wide != title else title.translate(FULL_TO_HALF)]
        elif what == "abstract" and out.get("AB"):
            out["AB"] = [out["AB"][0][: int(len(out["AB"][0]) * rng.uniform(0.4, 0.8))]]
        elif what == "issue":
            out["IS"] = [out["IS"][0].zfill(2) if len(out["IS"][0]) < 2 else out["IS"][0].lstrip("0")]
        elif what == "pages" and out.get("EP"):
            out["SP"] = [f"{out['SP'][0]}~{out.pop('EP')[0]}"]
        elif what == "traditional":
            out["TI"] = [s2t.convert(title)]
            out["AU"] = [s2t.convert(a) for a in out.get("AU", [])]
        elif what == "case/space":
            if zh:
                cut = rng.randint(1, max(1, len(title) - 1))
                out["TI"] = [title[:cut] + " " + title[cut:]]
            else:
                out["TI"] = [rng.choice((title.upper(), title.lower(), "  ".join(title.split())))]
        elif what == "authors" and len(out.get("AU", [])) > 3:
            out["AU"] = out["AU"][:3]
        elif what == "subtitle" and re.search(r"[:：]", title):
            out["TI"] = [re.split(r"\s*[:：]", title, maxsplit=1)[0]]
        elif what == "year":
            out.pop("PY", None)
        if repr(out) != was:
            done.append(what)
    return out, done


def ris_text(records: list[dict]) -> str:
    lines = []
    for rec in records:
        lines.append("TY  - JOUR")
        for tag, values in rec.items():
            if tag != "TY":
                lines += [f"{tag}  - {v}" for v in values if v]
        lines += ["ER  - ", ""]
    return "\n".join(lines)


def build(n: int, dup_rate: float, seed: int) -> tuple[Path, str, str]:
    rng = random.Random(seed)
    n_copies = round(n * dup_rate)
    base = works(n - n_copies, rng)
    for i, rec in enumerate(base, 1):
        rec["ID"] = [f"w{i}"]
    import opencc

    s2t = opencc.OpenCC("s2t")
    copies, kinds = [], {}
    for i, orig in enumerate(rng.choices(range(len(base)), k=n_copies), 1):
        copy, what = perturb(base[orig], rng, s2t)
        copy["ID"] = [f"c{i}-of-w{orig + 1}"]
        copies.append(copy)
        for w in what:
            kinds[w] = kinds.get(w, 0) + 1
    texts = (ris_text(base), ris_text(copies))
    key = hashlib.sha1(f"{texts[0]}\0{texts[1]}".encode("utf-8")).hexdigest()[:16]
    folder = CACHE / key
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in zip(("works.ris", "copies.ris"), texts):
        if not (folder / name).exists():
            (folder / name).write_text(text, encoding="utf-8")
    return folder, key, ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))


def cleaned(folder: Path, fresh: bool = False) -> tuple[list[dict], float | None]:
    """The cleaned records of the folder's RIS files, from the cache when present (and not
    ``fresh``: the cache knows the input, not the cleaner's version)."""
    cache = folder / "clean.jsonl"
    if cache.exists() and not fresh:
        with cache.open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh], None
    from indexer.cleaner import clean_paths
    from indexer.record import Failure

    t0 = time.perf_counter()
    records = [item.to_json() for item in clean_paths([str(folder / "works.ris"), str(folder / "copies.ris")])
               if not isinstance(item, Failure)]
    secs = time.perf_counter() - t0
    tmp = cache.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    os.replace(tmp, cache)
    return records, secs


# ---------------------------------------------------------------- measuring
def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def planted_figures(records: list[dict], clusters: list[dict]) -> tuple[int, int, int]:
    """(copies found in their original's cluster, copies planted, pairs of records of two
    different works put in one cluster).  Works are distinct by construction, but the real
    data repeats a few titles (投稿须知 in every issue): such pairs are not all errors."""
    source_id = {r["id"]: r["source"]["source_id"] or "" for r in records}
    work_of = {rid: sid.rpartition("-of-")[2] for rid, sid in source_id.items()}  # c12-of-w7 → w7
    original = {sid: rid for rid, sid in source_id.items() if "-of-" not in sid}
    cluster_of = {m["id"]: i for i, c in enumerate(clusters) for m in c["records"]}
    copies = [rid for rid, sid in source_id.items() if "-of-" in sid]
    found = sum(rid in cluster_of and cluster_of[rid] == cluster_of.get(original.get(work_of[rid])) for rid in copies)
    wrong = 0
    for c in clusters:
        works = [work_of[m["id"]] for m in c["records"]]
        wrong += sum(x != y for i, x in enumerate(works) for y in works[i + 1:])
    return found, len(copies), wrong


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000, help="records in all (works + planted copies)")
    ap.add_argument("--dup-rate", type=float, default=0.15, help="share of the records that are planted copies")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=1, help="time find_clusters this many times")
    ap.add_argument("--fresh", action="store_true",
                    help="clean again (and ingest again with --cli), ignoring the cache")
    ap.add_argument("--cli", action="store_true",
                    help="also time `cli.py dedup --json` end to end on an index of the corpus (ingested once, cached)")
    args = ap.parse_args()
    if not SHARED.exists():
        sys.exit(f"{SHARED} not present: the benchmark reads the shared corpora")
    from indexer.dedup import find_clusters

    folder, key, kinds = build(args.n, args.dup_rate, args.seed)
    records, clean_secs = cleaned(folder, args.fresh)
    print(f"corpus: {len(records):,} cleaned records ({folder.relative_to(ROOT)}, "
          + (f"cleaned in {clean_secs:.0f} s" if clean_secs is not None else "from the cache") + "); "
          f"{os.cpu_count()} cores, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"planted copies: {round(args.n * args.dup_rate):,} ({kinds})")
    takes_stats = "stats" in inspect.signature(find_clusters).parameters
    before = rss_mib()
    times = []
    for _ in range(args.repeat):
        stats: dict = {}
        t0 = time.perf_counter()
        clusters = find_clusters(records, stats=stats) if takes_stats else find_clusters(records)
        times.append(time.perf_counter() - t0)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    found, planted, wrong = planted_figures(records, clusters)
    in_clusters = sum(len(c["records"]) for c in clusters)
    print(f"find_clusters: {len(records):,} records -> {len(clusters):,} clusters ({in_clusters:,} records); "
          + (f"blocks {stats['blocks']:,} (oversized, skipped: {stats['skipped']:,}), candidate pairs "
             f"{stats['pairs']:,}, compared in full {stats['compared']:,}, linked {stats['links']:,}"
             if takes_stats else "pairs compared n/a"))
    print(f"time: {' '.join(f'{t:.1f}' for t in times)} s (best {min(times):.1f} s); "
          f"RSS before {before:.0f} MiB, peak {peak:.0f} MiB; load average now "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"planted-copy recall: {found / planted if planted else 0:.4f} ({found:,} of {planted:,}); "
          f"pairs of two different works in one cluster: {wrong:,}")
    if args.cli:
        cli_dedup(folder, args.fresh)


def cli_dedup(folder: Path, fresh: bool) -> None:
    """`cli.py dedup --json` as a user runs it: reading the index, clustering, printing."""
    from ingest_search import run_measured

    index, py = folder / "index", sys.executable
    if fresh or not (folder / "index.done").exists():
        shutil.rmtree(index, ignore_errors=True)
        t0 = time.perf_counter()
        result = subprocess.run([py, "cli.py", "ingest", "-q", str(folder / "works.ris"), str(folder / "copies.ris"),
                                 "--index", str(index)], cwd=ROOT, capture_output=True, text=True)
        if result.returncode not in (0, 1):
            sys.exit(f"ingest failed: {result.stderr[-2000:]}")
        (folder / "index.done").touch()
        print(f"ingested the corpus once in {time.perf_counter() - t0:.0f} s ({index.relative_to(ROOT)})")
    secs, peak, result = run_measured([py, "cli.py", "dedup", "--json", "--index", str(index)])
    if result.returncode != 0:
        sys.exit(f"dedup failed: {result.stderr[-2000:]}")
    print(f"`cli.py dedup --json`: {len(json.loads(result.stdout)['clusters']):,} clusters in {secs:.1f} s, "
          f"peak RSS {peak / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()
