"""author: on a real index in a temp dir: a whole book without authors is its editors', as
GB/T 7714 lists it (export.gbt7714.responsible_names): a GB/T reference's ``许厚泽, 赵其国, 主编``,
RIS's A2 and CSL's editor are found by ``author:``; a chapter's editors (its book's) and a
translator are not whom the item is by."""
from __future__ import annotations

import json

import pytest

from conftest import hit_ids
from indexer.index.ingest import ingest
from indexer.index.search import Searcher

GBT = """[1] 许厚泽, 赵其国, 主编. 固体地球科学[M]. 北京: 科学出版社, 2001.
[2] 陈明. 地震学导论[M]//周建华, 主编. 地球物理学进展. 北京: 科学出版社, 2005: 12-30.
"""
RIS = """TY  - BOOK
ID  - R1
TI  - Handbook of clinical microbiology
A2  - Greenwood, Paula
PY  - 2010
ER  - 

TY  - CHAP
ID  - R2
TI  - Sampling the gut flora
A2  - Whitfield, Oscar
T2  - Methods in gut microbiology
PY  - 2012
ER  - 

TY  - BOOK
ID  - R3
TI  - A brief history of time
A4  - Abernathy, Lucius
PY  - 1998
ER  - 

"""
CSL = [{"id": "C1", "type": "book", "title": "Atlas of tropical dermatology",
        "editor": [{"family": "Okafor", "given": "Nnamdi"}], "issued": {"date-parts": [[2015]]}}]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    folder = tmp_path_factory.mktemp("editors")
    (folder / "refs.txt").write_text(GBT, encoding="utf-8")
    (folder / "eds.ris").write_text(RIS, encoding="utf-8")
    (folder / "eds.json").write_text(json.dumps(CSL), encoding="utf-8")
    ingest([str(folder)], str(folder / "idx"), quiet=True)
    with Searcher(folder / "idx") as searcher:
        yield searcher


def _titles(searcher, query: str) -> list[str]:
    return sorted(next(iter(h["title"].values())) for h in searcher.search(query, limit=100)["hits"])


@pytest.mark.parametrize("query,title", [
    ("author:许厚泽", "固体地球科学"), ("author:赵其国", "固体地球科学"), ('author:"Xu Houze"', "固体地球科学"),
    ("author:Greenwood", "Handbook of clinical microbiology"), ('author:"Greenwood P"', "Handbook of clinical microbiology"),
    ('author:"Paula Greenwood"', "Handbook of clinical microbiology"), ("author:Okafor", "Atlas of tropical dermatology"),
])
def test_a_book_without_authors_is_found_by_its_editors(searcher, query, title):
    assert _titles(searcher, query) == [title]


@pytest.mark.parametrize("query", ["author:周建华", "author:Whitfield", "author:Abernathy"])
def test_a_chapters_editors_and_a_translator_are_not_its_authors(searcher, query):
    assert _titles(searcher, query) == []


def test_the_chapter_is_found_by_its_author(searcher):
    assert _titles(searcher, "author:陈明") == ["地震学导论"]
