#!/usr/bin/env python3
"""Bench: read and clean one scraped page of N lines, for each shape of page that grows with N;
prints seconds per size, reading (the scraped-page reader) and cleaning (the pipeline) apart,
and the ratio of the total to the size before (about 2 when the time is linear in the page, 4
when quadratic).

    .venv/bin/python bench/pages.py [--sizes 250 500 1000 2000] [--shapes abstract-en toggles …]

The pages are written here, deterministically: a title line, then the shape's lines, each
about 150 characters of Chinese or English prose (sentences drawn from a few words):

  abstract-en, abstract-zh   摘要：and N lines of abstract prose with no label, which continue it
  unlabelled-en              N lines of prose with no label under the title (no abstract label)
  previews                   摘要：, then N lines each a preview cut off at "..." and its full text
  preview-above              N/2 previews cut off at "...", each on its own line over its full text
  toggles                    摘要：, then N lines of prose each ending on a toggle (展开更多)
  toggle-lines               摘要：, then N/2 lines of prose each with a toggle alone on the line after it
  labels                     N labelled lines (专辑：, 专题：, DOI：, 分类号： …)
  bare-labels                N/2 labels each alone on its line, its value on the next (专辑： / 医学 …)
  affiliation-lines          N labelled affiliation lines, each another (作者单位：北京大学第N医院骨科)
  references                 N labelled references, each another (引用本文：王建国. 题名N[J]. …)
  cited-titles               N/2 labelled references, each over the title it cites, unlabelled
  cited-names                引用本文：and one GB/T reference of N/2 pairs of names, a stop after each initial
                             ("Li A, Li B. " × N/2, then the title[J]), as a page gives its own citation
  title-labels               作者：, 刊名：, then N labelled titles, each another (题名：题名N)
  keywords                   关键词：, then N keywords one a line ("关键词12;")
  funding                    基金：, then N funders one a line, each left open ("…(81702662)；")
  grants                     基金：, then N grants of one funder one a line ("国家自然科学基金(81702662)；")
  affiliations               an author line, then N numbered institutions one a line ("12.北京大学")
  longline                   摘要：and one line of N sentences
Read and cleaned in this process (python's start and imports not counted), as `clean` reads a
file whose format it is told (--format scraped-page).  The records are not written out: a
record's repairs keep the abstract before and after each line joined to it, so `clean --json`
writes a page of N joined lines in O(N²) bytes.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_HAN = "探讨原发灶不明脊柱转移瘤的外科治疗效果回顾分析患者临床资料均行后路减压内固定术结果术后疼痛评分明显下降神经功能改善结论可有效缓解"
_WORDS = ("the quick brown fox jumps over lazy dogs while researchers measured outcomes in patients with "
          "spinal metastases and reported results").split()


def sentence(rng: random.Random, i: int, lang: str) -> str:
    """About 150 characters of prose (columns: a Chinese character is two)."""
    if lang == "zh":
        return "".join(rng.choice(_HAN) for _ in range(70)) + f"，第{i}句。"
    return " ".join(rng.choice(_WORDS) for _ in range(24)).capitalize() + f", sentence {i}."


def page(shape: str, n: int) -> str:
    rng = random.Random(n)
    zh = shape.endswith("-zh") or shape in ("keywords", "funding", "grants", "affiliations", "labels", "cited-titles")
    lang = "zh" if zh else "en"
    lines = ["原发灶不明脊柱转移瘤的外科治疗体会" if zh else "Surgical experience with spinal metastases of unknown origin"]
    say = [sentence(rng, i, lang) for i in range(n)]
    if shape.startswith("abstract"):
        lines += ["摘要：" + say[0]] + say[1:]
    elif shape.startswith("unlabelled"):
        lines += say
    elif shape == "previews":
        lines += ["摘要："] + [s[:100] + "..." + s for s in say]
    elif shape == "preview-above":
        lines += [part for s in say[:n // 2] for part in (s[:100] + "...", s)]
    elif shape == "toggle-lines":
        lines += ["摘要：" + say[0]] + [part for s in say[1:n // 2] for part in (s, "展开更多")]
    elif shape == "toggles":
        lines += ["摘要：" + say[0]] + [s + "展开更多" for s in say[1:]]
    elif shape == "labels":
        labels = ("专辑", "专题", "DOI", "分类号", "页码", "被引量")
        lines += ["摘要：" + say[0]] + [f"{labels[i % len(labels)]}：{s[:60]}" for i, s in enumerate(say[1:])]
    elif shape == "bare-labels":
        labels = ("专辑", "专题", "DOI", "分类号", "页码", "被引量")
        lines += ["摘要：" + say[0]] + [part for i, s in enumerate(say[1:n // 2])
                                       for part in (f"{labels[i % len(labels)]}：", s[:60])]
    elif shape == "affiliation-lines":
        lines += ["摘要：" + say[0]] + [f"作者单位：北京大学第{i}医院骨科" for i in range(n)]
    elif shape == "references":
        lines += ["摘要：" + say[0]] + [f"引用本文：王建国. 脊柱转移瘤的外科治疗第{i}例[J]. 中华骨科杂志, 2020, 40(5): {i}-{i + 5}."
                                       for i in range(n)]
    elif shape == "cited-titles":
        lines += ["王建国 刘海燕"] + [part for i in range(n // 2) for part in (
            f"引用本文：王建国. 脊柱转移瘤的外科治疗第{i}例[J]. 中华骨科杂志, 2020, 40(5): {i}-{i + 5}.",
            f"脊柱转移瘤的外科治疗第{i}例")]
    elif shape == "cited-names":
        lines += ["摘要：" + say[0], "引用本文：" + "Li A, Li B. " * (n // 2)
                  + "脊柱转移瘤的外科治疗[J]. 中华骨科杂志, 2020, 40(5): 300-305."]
    elif shape == "title-labels":
        lines = ["作者：王建国", "刊名：中华骨科杂志"] + [f"题名：脊柱转移瘤的外科治疗第{i}例" for i in range(n)]
    elif shape == "keywords":
        lines += ["摘要：" + say[0], "关键词："] + [f"关键词{i};" for i in range(n)]
    elif shape == "funding":
        lines += ["摘要：" + say[0], "基金："] + [f"{_HAN[i % 60]}{_HAN[i // 60 % 60]}省自然科学基金({81700000 + i})；" for i in range(n)]
    elif shape == "grants":
        lines += ["摘要：" + say[0], "基金："] + [f"国家自然科学基金({81700000 + i})；" for i in range(n)]
    elif shape == "affiliations":
        lines += ["王建国1 刘海燕2"] + [f"{i % 99 + 1}.北京大学第{i}医院骨科" for i in range(n)]
    elif shape == "longline":
        lines += ["摘要：" + " ".join(say)]
    else:
        raise SystemExit(f"Error: unknown shape {shape!r}")
    return "\n".join(lines) + "\n"


SHAPES = ("abstract-en", "abstract-zh", "unlabelled-en", "previews", "preview-above", "toggles", "toggle-lines", "labels",
          "bare-labels", "affiliation-lines", "references", "cited-titles", "cited-names", "title-labels", "keywords",
          "funding", "grants", "affiliations", "longline")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000, 2000])
    ap.add_argument("--shapes", nargs="+", default=list(SHAPES), choices=SHAPES)
    a = ap.parse_args()
    from indexer.pipeline import clean
    from indexer.readers import read_file
    from indexer.record import Failure

    def timed(path: Path) -> tuple[float, float, int]:
        start = time.perf_counter()
        items = list(read_file(str(path), "scraped-page"))
        read = time.perf_counter()
        for item in items:
            if not isinstance(item, Failure):
                clean(item)
        return read - start, time.perf_counter() - read, sum(isinstance(item, Failure) for item in items)

    with tempfile.TemporaryDirectory() as folder:
        for shape in ("abstract-zh", "toggles"):  # first uses (imports, langdetect's profiles) not timed
            warm = Path(folder) / "warm.txt"
            warm.write_text(page(shape, 3), encoding="utf-8")
            timed(warm)
        print(f"{'shape':14} {'lines':>6} {'size':>9}  {'read':>8} {'clean':>8} {'total':>8}")
        for shape in a.shapes:
            before = None
            for n in a.sizes:
                path = Path(folder) / f"{shape}-{n}.txt"
                path.write_text(page(shape, n), encoding="utf-8")
                read, cleaned, failed = timed(path)
                took = read + cleaned
                ratio = f"  x{took / before:.1f}" if before else ""
                print(f"{shape:14} {n:6} {path.stat().st_size / 1e3:6.0f} kB  {read:7.3f}s {cleaned:7.3f}s {took:7.3f}s"
                      f"{ratio}" + (f"  ({failed} failure(s))" if failed else ""), flush=True)
                before = took
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
