"""Search on a real index in a temp dir: a thesis is found by its university and supervisor,
a patent by its number and applicant, a standard by its number (schema.other_names), with a
query without a field; ``supervisor:`` finds a supervisor, ``author:`` does not (a supervisor is
not whom a thesis is by), and ``journal:`` finds a thesis's university."""
from __future__ import annotations

import json

import pytest

from indexer.index.ingest import ingest
from indexer.index.search import Searcher

from conftest import run_cli

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


def _snippet(searcher, query: str) -> tuple[str, list[str]]:
    hit = searcher.search(query)["hits"][0]
    return hit["snippet"], [hit["snippet"][s:e] for s, e in hit["highlights"]]


@pytest.mark.parametrize("query,shown,marked", [
    ("李建国", "导师：【李建国】", ["李建国"]), ("CN111020404A", "Patent number: 【CN111020404A】", ["CN111020404A"]),
    ("旭禾管业", "申请人：扬中市【旭禾管业】制造有限公司", ["旭禾管业"]),
    ('"GB/T 7714"', "Standard number: 【GB/T 7714】-2015", ["GB/T 7714"]),
    ("浙江大学 year:2021", "学位授予单位：【浙江大学】", ["浙江大学"]),
])
def test_a_hit_found_by_what_names_it_shows_it_labelled(searcher, query, shown, marked):
    # its title and abstract do not hold the query: the value that matched, under its label
    assert _snippet(searcher, query) == (shown, marked)


def test_a_patent_number_from_ris_is_shown_labelled(numbered):
    assert _snippet(numbered, "CN112233445A") == ("Patent number: 【CN112233445A】", ["CN112233445A"])
    assert _snippet(numbered, '"4,904,581"') == ("Patent number: 【4,904,581】", ["4,904,581"])


def test_the_label_is_shown_in_the_readable_and_json_output(searcher):
    index = searcher.index_dir
    assert "     导师：【李建国】" in run_cli("search", "--index", index, "李建国").stdout.splitlines()
    hit = json.loads(run_cli("search", "--index", index, "--json", "旭禾").stdout)["hits"][0]
    assert (hit["snippet"], hit["highlights"]) == ("申请人：扬中市【旭禾】管业制造有限公司", [[8, 10]])


def test_a_text_match_is_shown_before_a_name(searcher):
    # the abstract holds 古籍: it is shown, as before
    shown, marked = _snippet(searcher, "古籍 李建国")
    assert "【古籍】" in shown and "导师" not in shown


THESIS_EN = """{Reference Type}: Thesis
{Title}: Deep learning for ancient scripts
{Author}: Zhou, Min
{Tertiary Author}: Wang, Jianguo
{Publisher}: Zhejiang University
{Type of Work}: Master
{Year}: 2020

"""


@pytest.mark.parametrize("query,types", [
    ('supervisor:"Li Jianguo"', ["thesis"]), ('supervisor:"Li JG"', ["thesis"]), ('supervisors:"Jianguo Li"', ["thesis"]),
    ('supervisor:"Li, Jianguo"', ["thesis"]), ("supervisor:Li", ["thesis"]), ('supervisor:"Li Jian"', []),
    ('author:"Li Jianguo"', ["book"]),
])
def test_supervisor_reads_pinyin_as_author_does(searcher, query, types):
    # 李建国 supervised the thesis and wrote the book: each prefix finds its own
    assert _types(searcher, query) == types


def test_a_supervisor_in_pinyin_is_found_by_the_characters(tmp_path):
    (tmp_path / "en.net").write_text(THESIS_EN, encoding="utf-8")
    ingest([str(tmp_path)], str(tmp_path / "idx"), quiet=True)
    with Searcher(tmp_path / "idx") as searcher:
        for query, total in (("supervisor:王建国", 1), ('supervisor:"Wang JG"', 1), ("supervisor:wan*", 1),
                             ('supervisor:"Wang Jian"', 0), ("author:王建国", 0)):
            assert searcher.search(query)["total"] == total, query


PEOPLE_RIS = """TY  - JOUR
ID  - P1
AU  - Zhou, Min
AU  - Wang, Jianguo
AU  - Smith, John A.
TI  - Spinal metastasis outcomes
JO  - Journal of Spine Surgery
AB  - We followed patients for five years.
ER  - 

TY  - JOUR
ID  - P2
AU  - 王建国
TI  - 脊柱肿瘤的手术治疗
JO  - 中华骨科杂志
ER  - 
"""


@pytest.fixture(scope="module")
def people(tmp_path_factory):
    folder = tmp_path_factory.mktemp("people")
    (folder / "people.ris").write_text(PEOPLE_RIS, encoding="utf-8")
    ingest([str(folder / "people.ris")], str(folder / "idx"), quiet=True)
    with Searcher(folder / "idx") as searcher:
        yield searcher


@pytest.mark.parametrize("query,shown,marked", [
    # (a third of the snippet's width before the first match, cut at a word's edge, as for an abstract)
    ("author:Smith", "Authors: …Zhou; Jianguo Wang; John A. 【Smith】", ["Smith"]),
    ('author:"Smith JA"', "Authors: Min Zhou; Jianguo Wang; 【John A. Smith】", ["John A. Smith"]),
    ("author:王建国", "作者：【王建国】", ["王建国"]),
    ("journal:spine", "Journal: Journal of 【Spine】 Surgery", ["Spine"]),
    ("journal:中华骨科", "期刊：【中华骨科】杂志", ["中华骨科"]),
])
def test_a_hit_found_by_its_authors_or_journal_shows_them_labelled(people, query, shown, marked):
    # had no snippet at all: its title and abstract do not hold the query
    assert _snippet(people, query) == (shown, marked)


def test_a_chinese_name_found_by_its_pinyin_is_shown_where_it_is(people):
    hits = {h["source"]["source_id"]: h["snippet"] for h in people.search('author:"Wang Jianguo"')["hits"]}
    assert hits == {"P1": "Authors: Min Zhou; 【Jianguo Wang】; John A. Smith", "P2": "作者：【王建国】"}


@pytest.mark.parametrize("query,shown,marked", [
    ('supervisor:"Li Jianguo"', "导师：【李建国】", ["李建国"]), ("supervisor:李建国", "导师：【李建国】", ["李建国"]),
    ("journal:浙江大学 type:thesis", "学位授予单位：【浙江大学】", ["浙江大学"]),
])
def test_a_thesis_found_by_its_supervisor_or_university_shows_it_labelled(searcher, query, shown, marked):
    assert _snippet(searcher, query) == (shown, marked)


def test_a_name_label_is_in_the_readable_and_json_output(people):
    index = people.index_dir
    assert "     期刊：【中华骨科】杂志" in run_cli("search", "--index", index, "journal:中华骨科").stdout.splitlines()
    hit = json.loads(run_cli("search", "--index", index, "--json", "author:Smith").stdout)["hits"][0]
    assert (hit["snippet"], hit["highlights"]) == ("Authors: …Zhou; Jianguo Wang; John A. 【Smith】", [[39, 44]])


def test_a_text_match_is_shown_before_an_author(people):
    assert _snippet(people, "author:Smith spinal") == ("【Spinal】 metastasis outcomes", ["Spinal"])
