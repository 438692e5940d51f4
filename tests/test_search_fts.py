"""Chinese-only queries are answered from the FTS5 table beside whoosh
(:mod:`indexer.index.fts`); they must find exactly what whoosh finds.  Both paths run
on the same real index, built from the shared search corpus; small cases on our own
records (tests/data/search) check which queries take which path and that the table
follows updates."""
from __future__ import annotations

import random
import re

import pytest

from conftest import DATA, needs_shared
from indexer.index import fts
from indexer.index.analysis import CJK
from indexer.index.ingest import ingest
from indexer.index.query import parse
from indexer.index.search import Searcher

RECORDS = DATA / "search" / "records.ris"


@pytest.fixture(scope="module")
def corpus_index(tmp_path_factory):
    source = needs_shared("corpus", "search", "zh_papers.ris")
    path = tmp_path_factory.mktemp("fts") / "idx"
    summary = ingest([str(source)], str(path), quiet=True)
    assert summary.added > 3000 and not summary.failures
    return path


def _queries(searcher: Searcher, n_records: int = 50) -> list[str]:
    """Pieces of 1-5 characters of the records' Chinese runs (fixed seed), and
    combinations with AND, OR, NOT, parentheses and the fields the table answers."""
    rng = random.Random(7)
    runs = re.compile(f"[{CJK}]+")
    pieces = []
    for rec in list(searcher.store)[:n_records]:
        for text in list(rec["title"].values()) + list(rec.get("abstract", {}).values()):
            for m in runs.finditer(text):
                n = rng.randint(1, 5)
                i = rng.randint(0, max(0, len(m.group()) - n))
                pieces.append(m.group()[i:i + n])
    combos = []
    for _ in range(40):
        a, b, c = rng.sample(pieces, 3)
        combos += [f"{a} {b}", f"{a} OR {b}", f"{a} -{b}", f"({a} OR {b}) {c}", f"title:{a}",
                   f"keyword:{b}", f"{a} NOT ({b} OR {c})", f'"{a}{b}"']
    return pieces + combos


def test_table_and_whoosh_find_the_same_records(corpus_index):
    with Searcher(corpus_index) as s:
        assert s.fast  # the table holds what the index holds
        queries = _queries(s)
        planned = [q for q in queries if fts.plan(parse(q))]
        assert len(planned) > 0.8 * len(queries)
        for q in planned:
            s.fast = True
            total, hits = s._ranked(q, None)[1:]
            s.fast = False
            w_total, w_hits = s._ranked(q, None)[1:]
            assert (total, sorted(r for _, r in hits)) == (w_total, sorted(r for _, r in w_hits)), q
            assert len(hits) == total


def test_filters_keep_what_whoosh_keeps_and_do_not_reorder_the_hits(corpus_index):
    # 肿瘤 lang:zh: the words ranked by the table as they are alone, the filters kept in SQL
    with Searcher(corpus_index) as s:
        pieces = [q for q in _queries(s)[:60] if fts.plan(parse(q))][:25]
        for words in pieces:
            alone = [rid for _, rid in s._ranked(words, None)[2]]
            for filters in ("lang:zh", "-lang:en", "year:2010..", "year:..2015", "format:ris", "-format:ris",
                            "lang:zh year:2000..2020", "(lang:zh OR lang:und)"):
                q = f"{words} {filters}"
                assert fts.filtered_plan(parse(q)) is not None, q
                s.fast = True
                total, hits = s._ranked(q, None)[1:]
                s.fast = False
                w_total, w_hits = s._ranked(q, None)[1:]
                s.fast = True
                assert (total, sorted(r for _, r in hits)) == (w_total, sorted(r for _, r in w_hits)), q
                kept = {r for _, r in hits}
                assert [r for _, r in hits] == [r for r in alone if r in kept], q


def test_limited_results_are_the_best_of_all_ties_by_id(corpus_index):
    with Searcher(corpus_index) as s:
        everything = s._ranked("研究", None)[2]
        top = s.search("研究", limit=10)
        assert top["total"] == len(everything) > 10
        assert [h["id"] for h in top["hits"]] == [rid for _, rid in everything[:10]]
        assert everything == sorted(everything, key=lambda x: (-x[0], x[1]))


@pytest.mark.parametrize("query,planned", [
    ("气候", True), ("气候 变化", True), ("癌 OR 气候", True), ("气候 -癌", True), ("title:气候", True),
    ("keyword:气候", True),
    ("SD大鼠", False),        # Chinese next to Latin: whoosh with a check on the text
    ("cells", False), ("3.5", False), ("气候 cells", False),
    ("NOT 癌", False),        # nothing to subtract from
    ("癌 OR NOT 气候", False),
    ("abstract:气候", False),  # searched in the text, checked on the abstract alone
    ("author:张", False), ("journal:中华", False), ("lang:zh 气候", False),
])
def test_which_queries_the_table_answers(query, planned):
    assert (fts.plan(parse(query)) is not None) == planned


def test_the_table_follows_a_changed_record(tmp_path):
    source, path = tmp_path / "records.ris", tmp_path / "idx"
    source.write_text(RECORDS.read_text(encoding="utf-8"), encoding="utf-8")
    ingest([str(source)], str(path), quiet=True)
    with Searcher(path) as s:
        assert s.fast and fts.plan(parse("肉瘤样"))
        assert (s.search("肉瘤样", 10)["total"], s.search("梭形细胞样", 10)["total"]) == (1, 0)
    # the same file changed: the record keeps its id and replaces its old version
    source.write_text(RECORDS.read_text(encoding="utf-8").replace("肉瘤样", "梭形细胞样"), encoding="utf-8")
    summary = ingest([str(source)], str(path), quiet=True)
    assert (summary.updated, summary.added) == (1, 0)
    with Searcher(path) as s:
        assert s.fast
        assert (s.search("肉瘤样", 10)["total"], s.search("梭形细胞样", 10)["total"]) == (0, 1)


def test_spaced_text_keeps_adjacency():
    assert fts.spaced("流体 在") == "流 体 q 在"
    assert fts.spaced("固体。在") == "固 体 q 在"
    assert fts.spaced("ＳＤ大鼠") == "q 大 鼠"
    assert fts.spaced("") == ""
