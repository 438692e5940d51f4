"""Search on a real index in a temp dir: a thesis is found by its university and supervisor,
a patent by its number and applicant, a standard by its number (schema.other_names), with a
query without a field; ``supervisor:`` finds a supervisor, ``author:`` does not (a supervisor is
not whom a thesis is by), and ``journal:`` finds a thesis's university."""
from __future__ import annotations

import pytest

from indexer.index.ingest import ingest
from indexer.index.search import Searcher

PATENT_RW = """RT Patent
SR 1
A1  施吉庆;   杨亮华
A2 扬中市旭禾管业制造有限公司
T1 不锈钢管的制造方法
FD 2020-04-17
ID CN111020404A
CL 发明公开
AB 本发明提供不锈钢管的制造方法。
DB 中国专利
DS CNKI
"""
NOTEEXPRESS = """{Reference Type}: Thesis
{Title}: 基于深度学习的中文古籍文字识别研究
{Author}: 王小明
{Tertiary Author}: 李建国
{Publisher}: 浙江大学
{Type of Work}: 硕士
{Year}: 2021
{Abstract}: 本文提出一种基于卷积神经网络的古籍文字识别方法。

{Reference Type}: Standard
{Title}: 信息与文献 参考文献著录规则
{Author}: 全国信息与文献标准化技术委员会
{Year}: 2015
{Number}: GB/T 7714-2015
{Publisher}: 中国标准出版社

{Reference Type}: Book
{Title}: 浙江大学校史
{Author}: 李建国
{Publisher}: 浙江大学出版社
{Year}: 2010

"""


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cn_types")
    (folder / "patent.txt").write_text(PATENT_RW, encoding="utf-8")
    (folder / "wf.net").write_text(NOTEEXPRESS, encoding="utf-8")
    ingest([str(folder)], str(folder / "idx"), quiet=True)
    with Searcher(folder / "idx") as searcher:
        yield searcher


def _types(searcher, query: str) -> list[str]:
    return sorted(h["type"] for h in searcher.search(query, limit=100)["hits"])


@pytest.mark.parametrize("query,types", [
    ("CN111020404A", ["patent"]), ("扬中市旭禾管业制造有限公司", ["patent"]), ("旭禾管业", ["patent"]),
    ('"GB/T 7714"', ["standard"]), ("GB/T 7714-2015", ["standard"]), ("7714", ["standard"]),
    ("浙江大学 lang:zh", ["book", "thesis"]), ("李建国", ["thesis"]), ("古籍 李建国", ["thesis"]),
    ("supervisor:李建国", ["thesis"]), ("author:李建国", ["book"]), ("journal:浙江大学", ["thesis"]),
    ("supervisor:王小明", []),
])
def test_a_thesis_patent_or_standard_is_found_by_what_names_it(searcher, query, types):
    assert _types(searcher, query) == types


def test_a_book_publisher_is_not_searched_without_a_field(searcher):
    # only a thesis's university (and a patent's applicant) is: a publisher names no book
    assert _types(searcher, "中国标准出版社") == []


def test_an_author_who_is_only_a_supervisor_is_said(tmp_path):
    # author: finding nothing says what supervisor: finds (a supervisor is no author), and only then
    (tmp_path / "wf.net").write_text(NOTEEXPRESS.split("{Reference Type}: Standard")[0], encoding="utf-8")
    ingest([str(tmp_path)], str(tmp_path / "idx"), quiet=True)
    with Searcher(tmp_path / "idx") as searcher:
        assert searcher.search("author:李建国")["total"] == 0
        assert [n for n in searcher.notes("author:李建国") if "supervisor:" in n] == [
            "李建国 is no record's author (a thesis's supervisor is not its author); supervisor:李建国 finds 1 record"]
        assert not [n for n in searcher.notes("author:张三") if "supervisor:" in n]


# A patent's number where other readers keep it: RIS's IS (Reference Manager's "Patent Number",
# read as the patent's issue), and a GB/T 7714 reference's standard number (extra.standard_number).
RIS_PATENT = """TY  - PAT
TI  - 一种管道连接装置
AU  - 张三
PY  - 2020
IS  - CN112233445A
PB  - 常州市管件有限公司
ER  - 

TY  - PAT
T1  - Method of detecting antibodies
A1  - Burger,D.R.
Y1  - 1990/2/27
VL  - 877609
IS  - 4,904,581
ER  - 

"""
GBT_REFERENCES = ("[1] 全国信息与文献标准化技术委员会. 信息与文献 参考文献著录规则: GB/T 7714—2015[S]. "
                  "北京: 中国标准出版社, 2015.\n")


@pytest.fixture(scope="module")
def numbered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("numbers")
    (folder / "patents.ris").write_text(RIS_PATENT, encoding="utf-8")
    (folder / "refs.txt").write_text(GBT_REFERENCES, encoding="utf-8")
    ingest([str(folder)], str(folder / "idx"), quiet=True)
    with Searcher(folder / "idx") as searcher:
        yield searcher


@pytest.mark.parametrize("query,types", [
    ("CN112233445A", ["patent"]), ('"4,904,581"', ["patent"]), ("877609", ["patent"]),
    ("常州市管件有限公司", ["patent"]), ("GB/T 7714—2015", ["standard"]), ('"GB/T 7714"', ["standard"]),
])
def test_a_number_is_found_wherever_its_reader_keeps_it(numbered, query, types):
    assert _types(numbered, query) == types
