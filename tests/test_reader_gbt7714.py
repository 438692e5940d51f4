"""GB/T 7714 reference lists read as records: references written for these tests in the
standard's patterns (as a thesis lists them, and as CNKI's cite box writes them, without
spaces), and the standard's own examples (../shared) exported and read back."""
from __future__ import annotations

import json
import re

import pytest

from conftest import SHARED, clean_items, run_cli

LIST = """参考文献
[1] 周明远, 韩雪, 高立新. 城市绿地对热岛效应的缓解作用[J]. 生态学报, 2019, 39(12): 4321-4330.
[2] LIN H, OKAFOR C N, et al. Soil moisture retrieval from radar backscatter[J]. Remote Sensing Letters,
2021, 12(4): 301-310. DOI:10.1000/rsl.2021.0042.
[3] 陈思远. 宋代城市商业空间研究[M]. 2版. 杭州: 浙江古籍出版社, 2016: 88-95.
[4] 孙晓梅. 农村留守儿童心理韧性的干预研究[D]. 武汉: 华中师范大学, 2020.
[5] 赵一鸣, 钱朵. 湿地修复的评价指标[C]//中国生态学学会. 第十届全国生态学大会论文集. 北京: 科学出版社, 2018: 56-60.
[6] 吴桐. 智慧农业走进田间地头[N]. 农民日报, 2022-06-18(3).
[7] 国家统计局. 2021年国民经济和社会发展统计公报[EB/OL]. (2022-02-28)[2023-05-10]. http://www.stats.gov.cn/gb2021.html.
[8] 某某农业科技有限公司. 一种节水灌溉装置: 202110123456.7[P]. 2022-03-15.
[9] 这一行不是参考文献
[10] [J]. 生态学报, 2019, 39(12): 1-2.
"""


def _by_source(records):
    return {r["source"]["record"]: r for r in records}


def _read_all(tmp_path, text: str) -> dict[int, dict]:
    """The records of a list that is read whole (no failures), by their number in it."""
    path = tmp_path / "refs.txt"
    path.write_text(text, encoding="utf-8")
    result, records, failures = clean_items(path)
    assert result.returncode == 0 and not failures
    return _by_source(records)


def test_a_reference_list(tmp_path, validate):
    path = tmp_path / "参考文献.txt"
    path.write_text(LIST, encoding="utf-8")
    result, records, failures = clean_items(path)
    assert result.returncode == 1                                   # the line that is no reference
    assert [(f["line"], f["raw"]) for f in failures] == [(11, "[9] 这一行不是参考文献"),
                                                         (12, "[10] [J]. 生态学报, 2019, 39(12): 1-2.")]
    for rec in records:
        validate(rec)
        assert rec["source"]["format"] == "gbt7714"
    r = _by_source(records)
    assert len(r) == 8
    assert r[1]["title"] == {"zh": "城市绿地对热岛效应的缓解作用"}
    assert [a["literal"] for a in r[1]["authors"]] == ["周明远", "韩雪", "高立新"]
    assert (r[1]["journal"], r[1]["year"], r[1]["volume"], r[1]["issue"], r[1]["pages"]) == \
        ({"zh": "生态学报"}, 2019, "39", "12", "4321-4330")
    # wrapped over two lines; Western names as family name and initials; et al.
    assert r[2]["title"] == {"en": "Soil moisture retrieval from radar backscatter"}
    assert [(a["family"], a["given"]) for a in r[2]["authors"]] == [("Lin", "H"), ("Okafor", "C N")]
    assert r[2]["extra"]["authors_truncated"] is True
    assert (r[2]["journal"], r[2]["year"], r[2]["pages"], r[2]["doi"]) == \
        ({"en": "Remote Sensing Letters"}, 2021, "301-310", "10.1000/rsl.2021.0042")
    assert (r[3]["type"], r[3]["year"], r[3]["pages"], r[3]["extra"]["publisher"], r[3]["extra"]["place"]) == \
        ("book", 2016, "88-95", ["浙江古籍出版社"], ["杭州"])
    assert (r[4]["type"], r[4]["year"], r[4]["extra"]["publisher"]) == ("thesis", 2020, ["华中师范大学"])
    assert (r[5]["type"], r[5]["journal"], r[5]["extra"]["editor"], r[5]["pages"]) == \
        ("paper-conference", {"zh": "第十届全国生态学大会论文集"}, ["中国生态学学会"], "56-60")
    assert (r[6]["type"], r[6]["journal"], r[6]["year"]) == ("article-newspaper", {"zh": "农民日报"}, 2022)
    assert (r[7]["type"], r[7]["year"], r[7]["url"], r[7]["extra"]["accessed"]) == \
        ("webpage", 2022, "http://www.stats.gov.cn/gb2021.html", "2023-05-10")
    assert (r[8]["type"], r[8]["title"], r[8]["extra"]["patent_number"]) == \
        ("patent", {"zh": "一种节水灌溉装置"}, "202110123456.7")
    # each record keeps its reference as written
    assert r[3]["extra"]["reference"] == "陈思远. 宋代城市商业空间研究[M]. 2版. 杭州: 浙江古籍出版社, 2016: 88-95."


def test_cnki_cite_box_without_spaces_and_without_numbers(tmp_path):
    path = tmp_path / "cite.txt"
    path.write_text("周明远,韩雪,高立新.城市绿地对热岛效应的缓解作用[J].生态学报,2019,39(12):4321-4330.\n"
                    "孙晓梅.农村留守儿童心理韧性的干预研究[D].华中师范大学,2020.\n"
                    "周明远，韩雪．城市绿地对热岛效应的缓解作用［J］．生态学报，2019，39（12）：4321－4330．\n",
                    encoding="utf-8")
    result, records, failures = clean_items(path)
    assert result.returncode == 0 and not failures
    assert [a["literal"] for a in records[0]["authors"]] == ["周明远", "韩雪", "高立新"]
    for rec in (records[0], records[2]):                           # the signs typed full-width too
        assert (rec["title"]["zh"], rec["journal"], rec["volume"], rec["issue"], rec["pages"]) == \
            ("城市绿地对热岛效应的缓解作用", {"zh": "生态学报"}, "39", "12", "4321-4330")
    assert (records[1]["title"]["zh"], records[1]["year"]) == ("农村留守儿童心理韧性的干预研究", 2020)


def test_a_reference_list_is_searched_and_exported(tmp_path):
    path = tmp_path / "refs.txt"
    path.write_text(LIST, encoding="utf-8")
    idx = tmp_path / "idx"
    run_cli("ingest", str(path), "--index", str(idx), "-q")
    hits = json.loads(run_cli("search", "热岛", "--index", str(idx), "--json").stdout)["hits"]
    assert [h["source"]["record"] for h in hits] == [1]
    ris = run_cli("export", "--format", "ris", "--query", "热岛", "--index", str(idx)).stdout
    assert "TI  - 城市绿地对热岛效应的缓解作用" in ris and "JO  - 生态学报" in ris


WESTERN = """[1] U.S. Geological Survey. Groundwater levels in the High Plains aquifer[R]. Reston: U.S. Department of the Interior, 2015: 12.
[2] Water quality: sampling for microbiological analysis: ISO/IEC 19458-2:2006(en)[S]. Geneva: ISO, 2006.
[3] Fire detection systems: IEEE P1234.5/D3.0-2021[S]. 2021.
[4] HALE T. Coastal dunes in motion[C]//MORRIS K. Proceedings of the Coastal Symposium, June 3-5, 2019, Halifax, Nova Scotia. Halifax: Dalhousie Press, 2019: 41-58.
[5] ORTEGA P. Rivers of the plains[M]. 3rd ed. Cambridge, Mass.: Riverbank Press, 2012.
[6] QUINN R. Field notes on moss[M]. Rev. ed. J. B. Lowell & Sons, Inc., 2008.
[7] DALE M. Pumps and valves[M]//WATT S. Handbook of water works. New York: Tideway, 2010: 2.1-2.44.
[8] 方志平. 序[M]//乡土植物图谱. 昆明: 云岭出版社, 1998: 扉页.
[9] MÜLLER K, NØRGAARD P. Lichens on old roofs[J]. Nordic Botany, 2017, 5(2): 7-9.
[10] PARK J., LEE S.-H. Tidal mixing in estuaries[J/OL]. Estuary Letters, 2020, 5(3): 1-9[2021-01-04]. https://doi.org/10.1000/el.2020.5.
"""


def test_references_in_the_standards_western_and_technical_forms(tmp_path):
    r = _read_all(tmp_path, WESTERN)
    # "U.S." is no full stop: the organisation is whole, the title after it
    assert [a["literal"] for a in r[1]["authors"]] == ["U.S. Geological Survey"]
    assert r[1]["title"] == {"en": "Groundwater levels in the High Plains aquifer"}
    assert (r[1]["extra"]["place"], r[1]["extra"]["publisher"], r[1]["pages"]) == \
        (["Reston"], ["U.S. Department of the Interior"], "12")
    # international standard numbers, with their colons, parentheses and letters
    assert (r[2]["title"], r[2]["extra"]["standard_number"]) == \
        ({"en": "Water quality: sampling for microbiological analysis"}, "ISO/IEC 19458-2:2006(en)")
    assert (r[3]["title"], r[3]["extra"]["standard_number"]) == \
        ({"en": "Fire detection systems"}, "IEEE P1234.5/D3.0-2021")
    # a proceedings' title holding a date is no imprint: the imprint is the one after it
    assert (r[4]["journal"], r[4]["extra"]["editor"], r[4]["extra"]["publisher"], r[4]["pages"]) == \
        ({"en": "Proceedings of the Coastal Symposium, June 3-5, 2019, Halifax, Nova Scotia"}, ["Morris, K"],
         ["Dalhousie Press"], "41-58")
    # an edition before the imprint; a place with its state; a publisher with initials and "Inc."
    assert (r[5]["extra"]["edition"], r[5]["extra"]["place"], r[5]["extra"]["publisher"], r[5]["year"]) == \
        ("3rd ed", ["Cambridge, Mass."], ["Riverbank Press"], 2012)
    assert (r[6]["extra"]["edition"], r[6]["extra"]["publisher"], r[6]["year"]) == \
        ("Rev. ed", ["J. B. Lowell & Sons, Inc."], 2008)
    # pages numbered by chapter, and a book's leaves
    assert (r[7]["pages"], r[8]["pages"]) == ("2.1-2.44", "扉页")
    # family names with letters beyond ASCII
    assert [(a["family"], a["given"]) for a in r[9]["authors"]] == [("Müller", "K"), ("Nørgaard", "P")]
    # initials with dots, as lists typed by hand have them; a DOI given as its link
    assert [(a["family"], a["given"]) for a in r[10]["authors"]] == [("Park", "J"), ("Lee", "S-H")]
    assert (r[10]["doi"], r[10]["url"]) == ("10.1000/el.2020.5", "https://doi.org/10.1000/el.2020.5")


AUTHOR_YEAR = """周明远, 韩雪, 2019. 城市绿地对热岛效应的缓解作用[J]. 生态学报, 39(12): 4321-4330.
LIN H, OKAFOR C N, 2021a. Soil moisture retrieval from radar backscatter[J/OL]. Remote Sensing Letters (Online), 12(4): 301-310[2022-01-05]. https://example.org/rsl/12/4/301.
陈思远, 2016. 宋代城市商业空间研究[M]. 刻本. 杭州: 浙江古籍出版社: 88-95.
赵一鸣, 钱朵, 2018. 湿地修复的评价指标[C]//中国生态学学会. 第十届全国生态学大会论文集. 北京: 科学出版社: 56-60.
吴桐, 2022. 智慧农业走进田间地头[N]. 农民日报, 06-18(3).
孙晓梅, 2020. 农村留守儿童心理韧性的干预研究[D/OL]. 武汉: 华中师范大学[2021-03-01]. https://example.org/thesis/1.
"""


def test_a_list_in_the_author_year_system(tmp_path):
    # 著者-出版年制 (GB/T 7714-2015 §9.2): the year after the names, none after the journal
    r = _read_all(tmp_path, AUTHOR_YEAR)
    assert [a["literal"] for a in r[1]["authors"]] == ["周明远", "韩雪"]           # the year is no author
    assert (r[1]["year"], r[1]["journal"], r[1]["volume"], r[1]["issue"], r[1]["pages"]) == \
        (2019, {"zh": "生态学报"}, "39", "12", "4321-4330")
    assert (r[2]["year"], r[2]["journal"], r[2]["volume"], r[2]["pages"], r[2]["extra"]["accessed"]) == \
        (2021, {"en": "Remote Sensing Letters (Online)"}, "12", "301-310", "2022-01-05")
    assert (r[3]["year"], r[3]["extra"]["place"], r[3]["extra"]["publisher"], r[3]["pages"]) == \
        (2016, ["杭州"], ["浙江古籍出版社"], "88-95")
    assert (r[4]["journal"], r[4]["extra"]["editor"], r[4]["extra"]["publisher"], r[4]["pages"]) == \
        ({"zh": "第十届全国生态学大会论文集"}, ["中国生态学学会"], ["科学出版社"], "56-60")
    assert (r[5]["journal"], r[5]["extra"]["date"], r[5]["pages"]) == ({"zh": "农民日报"}, ["2022-06-18"], "3")
    assert (r[6]["year"], r[6]["extra"]["publisher"], r[6]["url"], r[6]["extra"]["accessed"]) == \
        (2020, ["华中师范大学"], "https://example.org/thesis/1", "2021-03-01")       # the date it was read


@pytest.mark.skipif(not (SHARED / "corpus" / "citations").is_dir(), reason="needs ../shared/corpus/citations")
@pytest.mark.parametrize("system", ["gbt7714", "gbt7714-ay"])
def test_the_standards_examples_read_back(tmp_path, system):
    # The standard's examples (CSL-JSON) written as a GB/T 7714 list by export (numeric, and
    # author-year), then read:
    # every reference is a record; its year always, and its title nearly always, as given
    # (two titles hold em spaces, which cleaning folds).
    items = json.loads((SHARED / "corpus" / "citations" / "gbt7714-data.json").read_text(encoding="utf-8"))
    idx, listing = tmp_path / "idx", tmp_path / "list.txt"
    run_cli("ingest", str(SHARED / "corpus" / "citations" / "gbt7714-data.json"), "--index", str(idx), "-q")
    run_cli("export", "--format", system, "--index", str(idx), "-o", str(listing))
    result, records, failures = clean_items(listing)
    assert not failures and len(records) == len(items)
    given = {re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", it["title"])): it for it in items}  # CSL's <i>, <span>
    titles = [r for r in records if list(r["title"].values())[0] in given]
    assert len(titles) >= 0.98 * len(items)
    for r in titles:
        it = given[list(r["title"].values())[0]]
        year = (it.get("issued") or {}).get("date-parts", [[None]])[0][0]
        if year:
            assert r["year"] == int(year), r["extra"]["reference"]
        if it["type"] == "article-journal" and it.get("container-title"):     # 刊名, (年,) 卷(期)
            reference = r["extra"]["reference"]
            assert list(r["journal"].values()) == [re.sub(r"<[^>]+>", "", it["container-title"])], reference
            if f", {it.get('volume')}" in reference:   # one title is cited twice: online first, without a volume
                assert r["volume"] == it["volume"], reference


UNKNOWN_IMPRINT = """[1] 胡婕伦. 大鼠肝纤维化的研究[D]. [出版地不详]: 南昌大学, 2014.
[2] TORRE J, VERDUCCI T. The Yankee years[M]. [S.l.]: Doubleday, 2008.
[3] HARDY R M. Chronic hepatitis[C]//DENOVO R. Proceedings of the forum. [S.l.: s.n.], 1993: 256-258.
[4] 王五. 中国古代建筑史[M]. [出版地不详: 出版者不详], 2001.
[5] 史德雯. 绿色建筑设计[C]//第八届建筑论坛论文集. 中国浙江杭州: [出版者不详], 2018: 9.
"""


def test_an_unknown_place_or_publisher_as_the_standard_writes_it_is_none(tmp_path):
    # what export writes for an unknown place or publisher ([出版地不详], [S.l.: s.n.] …) is read
    # back as none, not as a place, a publisher or part of the proceedings' title
    r = _read_all(tmp_path, UNKNOWN_IMPRINT)
    assert [(rec["extra"].get("place"), rec["extra"].get("publisher")) for rec in r.values()] == \
        [(None, ["南昌大学"]), (None, ["Doubleday"]), (None, None), (None, None), (["中国浙江杭州"], None)]
    assert (r[3]["journal"], r[3]["year"], r[3]["pages"]) == ({"en": "Proceedings of the forum"}, 1993, "256-258")
    assert (r[5]["journal"], r[5]["year"], r[5]["pages"]) == ({"zh": "第八届建筑论坛论文集"}, 2018, "9")


def test_a_western_name_given_name_first_with_its_family_name_in_capitals(tmp_path):
    # as Magtech's journal sites write a foreign co-author: "Barbara M. KEHM." had ended the
    # names at "M." (author "Barbara, M"), and "KEHM." opened the title
    records = _read_all(tmp_path, "[1] 包艳华, 唐倩, Barbara M. KEHM. 高等教育国际化的新趋势[J]. 清华大学教育研究, "
                                  "2020, 41(3): 1-10.\n"
                                  "[2] SMITH J A, Anne-Marie R. S. DUPONT-LEROY. Coastal erosion[J]. Marine Geology, "
                                  "2019, 5(2): 3-9.\n"
                                  "[3] WANG J. A. Tidal mixing[J]. Ocean Letters, 2018, 2(1): 1-4.\n"
                                  "[4] SMITH J., BROWN A. B. Tidal mixing[J]. Ocean Letters, 2018, 2(1): 1-4.\n")
    assert [a.get("family") or a.get("literal") for a in records[1]["authors"]] == ["包艳华", "唐倩", "Kehm"]
    assert records[1]["authors"][2]["given"] == "Barbara M."
    assert records[1]["title"] == {"zh": "高等教育国际化的新趋势"}
    assert [(a["family"], a["given"]) for a in records[2]["authors"]] == [("Smith", "J A"),
                                                                        ("Dupont-Leroy", "Anne-Marie R. S.")]
    assert records[2]["title"] == {"en": "Coastal erosion"}
    # initials with dots and spaces, the usual order, had ended the names at the first ("A. Tidal mixing")
    assert [(a["family"], a["given"]) for a in records[3]["authors"]] == [("Wang", "J A")]
    assert [(a["family"], a["given"]) for a in records[4]["authors"]] == [("Smith", "J"), ("Brown", "A B")]
    assert records[3]["title"] == records[4]["title"] == {"en": "Tidal mixing"}


# An article's page copied whole: its title, authors, labelled fields, then its references.
ARTICLE_PAGE = """脊柱转移瘤的外科治疗进展
王建国1 李四2
1.北京大学第三医院骨科；2.北京大学人民医院
摘要：目的 探讨脊柱转移瘤的外科治疗效果。方法 回顾分析。结果 手术有效。结论 可行。
关键词：脊柱转移；手术
DOI：10.3760/cma.j.issn.0253-2352.2021.03.001
参考文献
""" + "".join(f"[{i}] 王建国,李四.脊柱转移瘤的外科治疗第{i}例分析[J].中华骨科杂志,2019,39(3):150-157.\n"
              for i in range(1, 6))


@pytest.mark.parametrize("drop", ["", "DOI：", "1.北京"])
def test_an_article_page_with_its_references_is_one_page_not_a_list(tmp_path, drop):
    """The page's labels before 参考文献 make it a page (its references a section of it): one
    record, the paper; a list with its heading and no page before it stays a list."""
    text = "".join(line + "\n" for line in ARTICLE_PAGE.splitlines() if not (drop and line.startswith(drop)))
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    result, records, failures = clean_items(path)
    assert result.returncode == 0 and not failures
    assert [(r["source"]["format"], r["title"]) for r in records] == [("scraped-page", {"zh": "脊柱转移瘤的外科治疗进展"})]
    assert [a["literal"] for a in records[0]["authors"]] == ["王建国", "李四"]
    path.write_text(text[text.index("参考文献"):], encoding="utf-8")
    result, records, failures = clean_items(path)
    assert [r["source"]["format"] for r in records] == ["gbt7714"] * 5 and not failures


THREE = ("[1] 王建国.脊柱转移瘤研究[J].中华骨科杂志,2020,40(2):3-4.\n"
         "[2] 李明.骨肿瘤诊断[J].中国骨伤,2019,32(1):5-9.\n"
         "[3] 张伟.脊柱外科进展[J].中华外科杂志,2018,56(3):7-12.\n")


@pytest.mark.parametrize("header", ["Title: Bibliography for chapter 2", "来源：中国知网", "作者：张三 整理"])
def test_a_list_under_one_labelled_header_line_stays_a_list(tmp_path, header):
    """One labelled line before the references is the list's header, not a page: the
    references are read (the header line a failure of its own), never one made-up page."""
    path = tmp_path / "refs.txt"
    path.write_text(header + "\n" + THREE, encoding="utf-8")
    result, records, failures = clean_items(path)
    assert [(r["source"]["format"], r["title"]) for r in records] == [
        ("gbt7714", {"zh": "脊柱转移瘤研究"}), ("gbt7714", {"zh": "骨肿瘤诊断"}), ("gbt7714", {"zh": "脊柱外科进展"})]
    assert [(f["format"], f["line"]) for f in failures] == [("gbt7714", 1)]


@pytest.mark.parametrize("head", ["摘要：目的 探讨。\n关键词：脊柱；手术\n",            # abstract and keywords
                                  "关键词：脊柱；手术\nDOI：10.3760/cma.j.issn.0253-2352.2021.03.001\n",
                                  "脊柱转移瘤的外科治疗进展\n摘要：目的 探讨。\n",        # a title and its abstract
                                  "题名：脊柱转移瘤的外科治疗进展\n摘要：目的 探讨。\n"])
def test_a_page_with_two_of_its_fields_before_its_references_is_a_page(tmp_path, head):
    path = tmp_path / "page.txt"
    path.write_text(head + "参考文献\n" + THREE, encoding="utf-8")
    result, records, failures = clean_items(path)
    assert {r["source"]["format"] for r in records} | {f["format"] for f in failures} == {"scraped-page"}


def test_a_reference_of_many_initials_is_read_in_time():
    # each full stop after an initial ("Li A. Li A. …") had its text up to it split and searched to
    # its end again: 36,000 characters took 4 s, 72,000 characters 11 s
    import time

    from indexer.readers import find_reader
    from indexer.record import Source

    reference = "Li A. " * 6000 + "Heat island[J]. Acta, 2021."
    started = time.perf_counter()
    record = find_reader("gbt7714").build(Source(path="refs.txt", format="gbt7714", record=1, line=1),
                                          reference, reference)
    assert time.perf_counter() - started < 1.5
    assert record.raw["author"] == [("Li, A", 1)] and record.raw["journal"] == [("Acta", 1)]
    assert record.raw["titles"] == [(reference[len("Li A. "):reference.index("[J]")], 1)]


def test_pages_apart_as_export_writes_them_read_back(tmp_path):
    # export writes discontinuous pages "160-165, 192"; read back, the journal and its numbers stay
    r = _read_all(tmp_path, "[1] 李鸳. 基于数字孪生的建模[J]. 机床与液压, 2021, 49(18): 160-165, 192.\n"
                            "[2] SMITH J. Title here[J]. Journal of Things, 2020, 5(2): 10-12, 15-18.\n")
    assert [(x["journal"], x["volume"], x["issue"], x["pages"]) for x in (r[1], r[2])] == [
        ({"zh": "机床与液压"}, "49", "18", "160-165, 192"), ({"en": "Journal of Things"}, "5", "2", "10-12, 15-18")]


def test_a_patent_keeps_its_day_of_publication_and_writes_it_back(tmp_path):
    text = "[1] 邓一刚. 全智能节电器: CN101106276A[P]. 2008-01-16.\n"
    r = _read_all(tmp_path, text)[1]
    assert (r["year"], r["extra"]["date"], r["extra"]["patent_number"]) == (2008, ["2008-01-16"], "CN101106276A")
    result = run_cli("export", "-f", "gbt7714", "--from", str(tmp_path / "refs.txt"))
    assert result.stdout.strip() == text.strip()


@pytest.mark.parametrize("first, second", [("[1]", "[2]"), ("4.", "5.")])
def test_a_line_wrapped_at_a_page_range_opens_no_reference(tmp_path, first, second):
    # "2064." opens the wrapped line: a number in a list numbered [n], or one that does not follow
    r = _read_all(tmp_path, f"{first} KANAMORI H. Shaking without quaking[J]. Science, 1998, 279(5359): 2063-\n"
                            f"2064.\n{second} 余敏. 出版集团研究[M]. 北京: 中国书籍出版社, 2001.\n")
    assert len(r) == 2 and (r[1]["volume"], r[1]["pages"]) == ("279", "2063-2064")
    assert r[2]["title"] == {"zh": "出版集团研究"}


@pytest.mark.parametrize("numbers", [("1.", "2.", "4.", "5."), ("1.", "2.", "1.", "2."), ("1、", "2、", "3、", "3、")])
def test_a_bare_numbered_list_that_skips_or_restarts_a_number_loses_no_reference(tmp_path, numbers):
    # a line with a type marker opens a reference whatever its number; only a tail of digits goes on
    refs = ["王建国. 题名一[J]. 中华骨科杂志, 2021, 41(3): 150-157.", "李明. 题名二[J]. 中国矫形外科杂志, 2020, 28(6): 512-",
            "赵六. 计算机网络[M]. 北京: 科学出版社, 2019.", "孙七. 肺癌筛查研究[D]. 北京: 北京大学, 2018."]
    text = "".join(f"{n} {ref}\n" + ("516.\n" if i == 1 else "") for i, (n, ref) in enumerate(zip(numbers, refs)))
    r = _read_all(tmp_path, text)
    assert [r[i]["title"]["zh"] for i in sorted(r)] == ["题名一", "题名二", "计算机网络", "肺癌筛查研究"]
    assert r[2]["pages"] == "512-516"


def test_a_url_holding_doi_is_kept_whole(tmp_path):
    # Dataverse's link names its DOI: "…?persistentId=doi:10.7910/DVN/ABCDEF", the link whole
    r = _read_all(tmp_path, "[1] KING G. Replication data[DS/OL]. Harvard Dataverse, 2019[2024-01-02]. "
                            "https://dataverse.harvard.edu/dataset.xhtml?persistentId=doi:10.7910/DVN/ABCDEF.\n")[1]
    assert r["url"] == "https://dataverse.harvard.edu/dataset.xhtml?persistentId=doi:10.7910/DVN/ABCDEF"
    assert r["doi"].lower() == "10.7910/dvn/abcdef"


@pytest.mark.parametrize("before, read", [
    # the names up to the last stop after an initial that still ends a name (read once each now: the
    # names before each stop had been split and read again at every stop, quadratic)
    ("Li A, Li B. " * 3 + "脊柱转移瘤的外科治疗", (["Li A", "Li B"], "Li A, Li B. Li A, Li B. 脊柱转移瘤的外科治疗", None)),
    ("Li A, Li B. " * 200 + "Heat island", (["Li A", "Li B"], "Li A, Li B. " * 199 + "Heat island", None)),
    ("Foo bar baz." + "Li A,Li B." * 3 + "Title of it", ([], "Foo bar baz." + "Li A,Li B." * 3 + "Title of it", None)),
    ("SMITH J. A. Title", (["SMITH J. A"], "Title", None)),
    ("SMITH J. A., LEE S. H. Tidal mixing", (["SMITH J. A.", "LEE S. H"], "Tidal mixing", None)),
    ("Barbara M. KEHM. Higher education", (["Barbara M. KEHM"], "Higher education", None)),
    ("Zelle R M,Harrison J C,et al.Anaplerotic role", (["Zelle R M", "Harrison J C", "et al."], "Anaplerotic role", None)),
    ("WANG Jianguo,LI Ming.Research on spinal metastases", (["WANG Jianguo", "LI Ming"], "Research on spinal metastases", None)),
    ("王建国, 刘海燕, 2020. 原发灶不明脊柱转移瘤的外科治疗体会", (["王建国", "刘海燕"], "原发灶不明脊柱转移瘤的外科治疗体会", "2020")),
    ("李鸿章, 1887（光绪十三年三月十三日）. 奏折", (["李鸿章"], "奏折", "1887")),
    ("WEI L, MIN Z, et al. Surgical treatment", (["WEI L", "MIN Z", "et al."], "Surgical treatment", None)),
    ("United Nations Department of Economic and Social Affairs. United Nations e-government survey",
     (["{United Nations Department of Economic and Social Affairs}"], "United Nations e-government survey", None)),
])
def test_the_names_before_a_title_are_read_as_before(before, read):
    from indexer.readers.gbt7714 import _split_responsible

    assert _split_responsible(before)[:3] == read


def test_a_list_typed_in_full_width_and_markers_typed_by_hand(tmp_path):
    """A list typed with a Chinese input method, its numbers, letters and brackets full-width
    (told as a list, not an unknown format), and markers with spaces or in small letters, read
    as any list; the full-width （）， of a journal's name stay, and a chemical name's locant
    ("benzo[a]pyrene") is no marker."""
    records = _read_all(tmp_path, "［１］王建国，李明．脊柱转移瘤的外科治疗策略［Ｊ］．中华骨科杂志，２０２１，４１（３）：１５０－１５７．\n"
                                  "［２］余敏．出版集团研究［Ｍ］．北京：中国书籍出版社，２００１：１７９－１９３．\n"
                                  "［３］张伟．题名乙［ J ］．郑州大学学报（自然科学版），２０２０，５２：１－９．\n"
                                  "［４］李四．Benzo[a]pyrene exposure[j]．环境科学，２０１９，４０（２）：３－８．\n")
    first, book, third, fourth = (records[i] for i in (1, 2, 3, 4))
    assert (first["journal"], first["year"], first["volume"], first["issue"], first["pages"]) == \
        ({"zh": "中华骨科杂志"}, 2021, "41", "3", "150-157")
    assert first["extra"]["reference"].startswith("王建国，李明．脊柱转移瘤的外科治疗策略［Ｊ］")   # as written
    assert (book["type"], book["extra"]["publisher"], book["year"], book["pages"]) == \
        ("book", ["中国书籍出版社"], 2001, "179-193")
    assert (third["title"], third["journal"], third["year"], third["volume"], third["pages"]) == \
        ({"zh": "题名乙"}, {"zh": "郑州大学学报（自然科学版）"}, 2020, "52", "1-9")
    assert (fourth["title"]["en"], fourth["extra"]["source_type"], fourth["year"]) == \
        ("Benzo[a]pyrene exposure", "[J]", 2019)


def test_a_role_word_after_the_names_is_no_name(tmp_path):
    """主编, 编著, ed. after the names (lists typed by hand, the 2005 edition's) are no name: the
    names before 编著 are the book's authors, before 主编 and ed. its editors (extra.editor),
    which export writes as its responsible parties with no role word, as the standard does; a
    host book's editors after // alike."""
    records = _read_all(tmp_path, "[1] 许厚泽, 赵其国, 主编. 长江流域洪涝灾害与科技对策[M]. 北京: 科学出版社, 1999.\n"
                                  "[2] 王建国主编. 脊柱外科学[M]. 2版. 北京: 人民卫生出版社, 2015.\n"
                                  "[3] 李明, 编著. 数据挖掘导论[M]. 北京: 清华大学出版社, 2018: 23-45.\n"
                                  "[4] GREEN P, ed. Handbook of oncology[M]. Berlin: Springer, 2018.\n"
                                  "[5] 张译. 表演笔记[M]. 北京: 作家出版社, 2020.\n"
                                  "[6] 赵一鸣. 湿地修复[M]//王五, 主编. 生态学论文集. 北京: 科学出版社, 2018: 56-60.\n"
                                  "[7] WEI L. Tides[M]//GREEN P, JONES B, eds. Handbook of oncology. Berlin: Springer, 2018: 5-9.\n")
    names = {n: [a.get("literal") or f"{a['family']}, {a['given']}" for a in r["authors"]] for n, r in records.items()}
    assert [names[n] for n in range(1, 6)] == [[], [], ["李明"], [], ["张译"]]
    assert [records[n]["extra"].get("editor") for n in range(1, 6)] == [
        ["许厚泽", "赵其国"], ["王建国"], None, ["Green, P"], None]
    assert records[6]["extra"]["editor"] == ["王五"] and records[6]["journal"] == {"zh": "生态学论文集"}
    assert records[7]["extra"]["editor"] == ["Green, P", "Jones, B"]
    path = tmp_path / "refs.txt"
    written = run_cli("export", "-f", "gbt7714", "--from", str(path)).stdout
    assert "[1] 许厚泽, 赵其国. 长江流域洪涝灾害与科技对策[M]." in written and "[4] GREEN P. Handbook of oncology[M]." in written


def test_an_author_year_list_s_bracketed_years_ranges_and_hanging_indent(tmp_path):
    """In the author-year system a year the cataloguer inferred, in brackets, and a
    periodical's years are the year after the names, not a name; a line indented under a
    reference (a hanging indent) goes on with it, an indented reference of its own does not."""
    records = _read_all(tmp_path, "高等教育文献保障系统, [2025]. 馆际互借与文献传递服务[EB/OL]. [2025-06-21]. http://home.calis.edu.cn/.\n"
                                  "Anon, [2020]. Library of Congress[EB/OL]. [2020-06-12]. https://www.loc.gov/.\n"
                                  "中国图书馆学会, 1957-1990. 图书馆学通讯[J]. 1957（1）—1990（4）. 北京: 北京图书馆.\n"
                                  "王建国, 李明, 2021a. 脊柱转移瘤的外科治疗策略[J]. 中华骨科杂志, 41(3):\n"
                                  "    150-157.\n"
                                  "王建国, 2021b. 脊柱外科学[M]. 北京: 人民卫生出版社.\n"
                                  "    赵六, 2019. 题名[M]. 北京: 科学出版社.\n")
    assert [(r["authors"], r["year"]) for r in (records[1], records[2], records[3])] == \
        [([{"literal": "高等教育文献保障系统", "lang": "zh"}], 2025), ([], 2020),
         ([{"literal": "中国图书馆学会", "lang": "zh"}], 1957)]
    wrapped = records[4]
    assert (wrapped["journal"], wrapped["volume"], wrapped["issue"], wrapped["pages"], wrapped["source"]["line"]) == \
        ({"zh": "中华骨科杂志"}, "41", "3", "150-157", 4)
    assert len(records) == 6 and records[6]["authors"][0]["literal"] == "赵六"


def test_a_name_s_suffix_stays_with_it(tmp_path):
    """A generational suffix after a Western name, as the standard writes it (``PEEBLES P Z,
    Jr``), belongs to that name, among the authors and the host's editors after //, and is
    written back so."""
    text = ("[1] WEINSTEIN L, SWARTZ M N. Pathogenic properties of invading microorganisms[M]//SODEMAN W A, Jr, "
            "SODEMAN W A. Pathologic physiology: mechanisms of disease. 5th ed. Philadelphia: Saunders, 1974: 457-472.\n"
            "[2] PEEBLES P Z, Jr, SMITH J. Probability, random variables and random signal principles[M]. "
            "New York: McGraw-Hill, 2001.\n")
    records = _read_all(tmp_path, text)
    assert records[1]["extra"]["editor"] == ["Sodeman, W A, Jr", "Sodeman, W A"]
    assert [(a["family"], a["given"]) for a in records[2]["authors"]] == [("Peebles", "P Z, Jr"), ("Smith", "J")]
    written = run_cli("export", "-f", "gbt7714", "--from", str(tmp_path / "refs.txt")).stdout
    assert "[M]//SODEMAN W A, Jr, SODEMAN W A. Pathologic physiology" in written
    assert "[2] PEEBLES P Z, Jr, SMITH J. Probability" in written


PERIODICALS = """[1] 中华医学会. 中华医学杂志[J]. 1957（1）—1990（4）. 北京: 中华医学会, 1957-1990.
[2] 中国图书馆学会. 图书馆学通讯[J]. 1957(1)-1990(4). 北京: 北京图书馆, 1957-1990.
[3] 中华医学会湖北分会. 临床内科杂志[J]. 1984, 1(1)-. 武汉: 中华医学会湖北分会, 1984-.
[4] American Association for Testing and Materials. ASTM standards[J]. 1983-. Philadelphia: ASTM, 1983-.
"""


def test_a_periodical_as_a_whole_keeps_its_holdings_and_run_of_years(tmp_path):
    """A periodical cited whole (§8.3.3: 卷期范围, then its imprint and years): its holdings are
    its volume and the run of its years (``1957-1990``, ``1984-``) is kept beside its first
    year, in either system, and written back; had they been read as an article's, the list
    gave ``中华医学杂志[J]. 1957.``, the holdings, imprint and the run's end lost."""
    records = _read_all(tmp_path, PERIODICALS)
    assert [(r["type"], r["year"], r["volume"], r["extra"]["issued"]) for r in records.values()] == [
        ("periodical", 1957, "1957（1）—1990（4）", "1957/1990"), ("periodical", 1957, "1957(1)-1990(4)", "1957/1990"),
        ("periodical", 1984, "1984, 1(1)-", "1984/"), ("periodical", 1983, "1983-", "1983/")]
    written = run_cli("export", "-f", "gbt7714", "--from", str(tmp_path / "refs.txt")).stdout
    assert written == PERIODICALS
    author_year = run_cli("export", "-f", "gbt7714-ay", "--from", str(tmp_path / "refs.txt")).stdout
    assert "中国图书馆学会, 1957-1990. 图书馆学通讯[J]. 1957(1)-1990(4). 北京: 北京图书馆.\n" in author_year
    path = tmp_path / "ay.txt"
    path.write_text(author_year, encoding="utf-8")
    again = run_cli("export", "-f", "gbt7714", "--from", str(path)).stdout
    assert sorted(line[4:] for line in again.splitlines()) == sorted(line[4:] for line in PERIODICALS.splitlines())


ROLES = """[1] [美] 史密斯 著; 王明 译. 经济学原理[M]. 北京: 科学出版社, 2010.
[2] 王明, 译. 经济学原理[M]. 北京: 科学出版社, 2010.
[3] 李华 主编. 临床医学导论[M]. 北京: 人民卫生出版社, 2015.
[4] 李华, 等编. 临床医学导论[M]. 北京: 人民卫生出版社, 2015.
[5] 史密斯. 经济学原理[M]. 王明, 译. 北京: 科学出版社, 2010.
"""


def test_a_translator_or_editor_before_the_title_is_not_its_author(tmp_path):
    """The names before a title with a role word are whose that word says: 译 a translator's
    (extra.translator, as after the marker: ``史密斯. 书名[M]. 王明, 译.``), 主编/编 an editor's
    (extra.editor, as RIS's ED and CSL's editor are kept), 著 the author's, each of a group
    set apart by a semicolon (``[美] 史密斯 著; 王明 译``).  They had been the authors: the
    translator the book's author, and ``[美] 史密斯 著`` an author's name."""
    records = _read_all(tmp_path, ROLES)
    people = [([a.get("literal") for a in r["authors"]], r["extra"].get("editor"), r["extra"].get("translator"))
              for r in records.values()]
    assert people == [(["史密斯"], None, ["王明"]), ([], None, ["王明"]), ([], ["李华"], None),
                      ([], ["李华", "et al."], None), (["史密斯"], None, ["王明"])]
    written = run_cli("export", "-f", "gbt7714", "--from", str(tmp_path / "refs.txt")).stdout.splitlines()
    assert written == ["[1] [美]史密斯. 经济学原理[M]. 王明, 译. 北京: 科学出版社, 2010.",
                       "[2] 经济学原理[M]. 王明, 译. 北京: 科学出版社, 2010.",
                       "[3] 李华. 临床医学导论[M]. 北京: 人民卫生出版社, 2015.",
                       "[4] 李华, 等. 临床医学导论[M]. 北京: 人民卫生出版社, 2015.",
                       "[5] 史密斯. 经济学原理[M]. 王明, 译. 北京: 科学出版社, 2010."]


NATIONALITIES = """[1] [美]德鲁克 P F. 管理的实践[M]. 齐若兰, 译. 北京: 机械工业出版社, 2009.
[2] ［美］德鲁克 P F. 管理的实践[M]. 北京: 机械工业出版社, 2009.
[3] (英)霍金, （美）蒙洛迪诺. 时间简史[M]. 长沙: 湖南科学技术出版社, 2010.
[4] 德鲁克 P F. 管理的实践[M]. 北京: 机械工业出版社, 2009.
"""


def test_a_translated_author_s_nationality_is_no_part_of_the_name(tmp_path):
    """A nationality marked before a translated author's name (``[美]``, ``［美］``, ``(美)``,
    as Chinese lists write it and the standard does not) is dropped from the name and kept in
    extra.author_nationality with it, by name; the name is 德鲁克 P F, written as the list writes
    it (it had been ``[美]德鲁克 P F``, and without the mark ``德鲁克, P F``)."""
    records = _read_all(tmp_path, NATIONALITIES)
    people = [([a.get("literal") for a in r["authors"]], r["extra"].get("author_nationality")) for r in records.values()]
    assert people == [(["德鲁克 P F"], {"德鲁克 P F": "美"}), (["德鲁克 P F"], {"德鲁克 P F": "美"}),
                      (["霍金", "蒙洛迪诺"], {"霍金": "英", "蒙洛迪诺": "美"}), (["德鲁克 P F"], None)]
    assert records[1]["extra"]["translator"] == ["齐若兰"] and records[1]["title"] == {"zh": "管理的实践"}


BRACKETED = """[1] 王五, 李六, [等]. 内科学研究[J]. 中华内科杂志, 2019, 58(2): 100-105.
[2] [佚名]. 山海经[M]. 北京: 中华书局, 2009.
[3] 李华, (主编). 外科学[M]. 北京: 人民卫生出版社, 2018.
[4] 王五, （编）. 文选[M]. 北京: 中华书局, 2010.
[5] （清）纪昀. 阅微草堂笔记[M]. 上海: 上海古籍出版社, 2005.
[6] (唐)李白, 〔宋〕苏轼. 诗选[M]. 北京: 中华书局, 2001.
[7] [中]李四, [美]SMITH J. 双语研究[J]. 外语学刊, 2021, 3: 1-9.
[8] 世界卫生组织(WHO). 全球结核病报告[R]. 日内瓦: WHO, 2020.
[9] 王明(译). 经济学原理[M]. 北京: 科学出版社, 2010.
"""


def test_only_a_nationality_or_dynasty_in_brackets_is_a_mark(tmp_path):
    """Any one to three characters in brackets before a name had been a nationality: ``[等]`` (et
    al.), ``[佚名]`` (anonymous), ``(主编)``, ``（编）`` (editors) were lost into
    extra.author_nationality, 李华 and 王五 made authors.  A mark is a country's or a dynasty's
    name (the reader's table); those words are read as they are read without brackets."""
    records = _read_all(tmp_path, BRACKETED)
    people = [([a.get("literal") or a.get("family") for a in r["authors"]], r["extra"].get("editor"),
               r["extra"].get("author_nationality"), r["extra"].get("authors_truncated")) for r in records.values()]
    assert people == [(["王五", "李六"], None, None, True), ([], None, None, None),
                      ([], ["李华"], None, None), ([], ["王五"], None, None),
                      (["纪昀"], None, {"纪昀": "清"}, None), (["李白", "苏轼"], None, {"李白": "唐", "苏轼": "宋"}, None),
                      (["李四", "Smith"], None, {"李四": "中", "SMITH J": "美"}, None),
                      (["世界卫生组织(WHO)"], None, None, None), ([], None, None, None)]
    assert records[9]["extra"]["translator"] == ["王明"]


def test_a_nationality_or_dynasty_is_written_back_before_its_name(tmp_path):
    """The GB/T line of a Chinese item writes each mark before its name as Chinese journals ask for
    it, a nationality in square brackets and a dynasty in round full-width ones whatever brackets
    the list had (``(英)霍金`` → ``[英]霍金``, ``〔宋〕苏轼`` → ``（宋）苏轼``); the export had dropped
    them (``德鲁克 P F.``, ``纪昀.``).  An English item's line writes none."""
    path = tmp_path / "refs.txt"
    path.write_text(NATIONALITIES + BRACKETED + "[10] [美]SMITH J. A study of things[J]. Nature, 2019, 500: 1-5.\n",
                    encoding="utf-8")
    written = run_cli("export", "-f", "gbt7714", "--from", str(path)).stdout.splitlines()
    assert [line.split(". ", 1)[0].split(" ", 1)[1] for line in written] == [
        "[美]德鲁克 P F", "[美]德鲁克 P F", "[英]霍金, [美]蒙洛迪诺", "德鲁克 P F", "王五, 李六, 等", "山海经[M]", "李华",
        "王五", "（清）纪昀",
        "（唐）李白, （宋）苏轼", "[中]李四, [美]SMITH J", "世界卫生组织(WHO)", "经济学原理[M]", "SMITH J"]
    assert written[0] == "[1] [美]德鲁克 P F. 管理的实践[M]. 齐若兰, 译. 北京: 机械工业出版社, 2009."


MORE_ROLES = """[1] 杨伯峻 译注. 论语译注[M]. 北京: 中华书局, 2006.
[2] 杨伯峻译注. 论语译注[M]. 北京: 中华书局, 2006.
[3] 李四, 编辑. 文选[M]. 北京: 中华书局, 2006.
[4] 王五 主编; 赵六 主审. 内科学[M]. 北京: 人民卫生出版社, 2018.
[5] 赵六 编著. 内科学[M]. 北京: 人民卫生出版社, 2018.
[6] 钱七 校. 世说新语[M]. 北京: 中华书局, 2018.
[7] 孔子. 论语[M]. 杨伯峻, 译注. 北京: 中华书局, 2006.
[8] 张校. 题名[M]. 北京: 中华书局, 2006.
"""


def test_translating_editing_and_reviewing_role_words_are_no_name(tmp_path):
    """译注 (translated and annotated) makes translators, 编辑 and 校 (collated) editors, 主审 (a
    textbook's senior reader) reviewers (extra.reviewer), 编著 authors, as 主编/译 do; they had
    stayed glued to the names (``张三 译注``, ``王五 主审``) or been a name (``编辑``).  校 alone
    only apart from the name: 张校 is a name."""
    records = _read_all(tmp_path, MORE_ROLES)
    people = [([a.get("literal") for a in r["authors"]],
               {k: r["extra"][k] for k in ("editor", "translator", "reviewer") if k in r["extra"]})
              for r in records.values()]
    assert people == [([], {"translator": ["杨伯峻"]}), ([], {"translator": ["杨伯峻"]}), ([], {"editor": ["李四"]}),
                      ([], {"editor": ["王五"], "reviewer": ["赵六"]}), (["赵六"], {}), ([], {"editor": ["钱七"]}),
                      (["孔子"], {"translator": ["杨伯峻"]}), (["张校"], {})]


def test_a_reviewer_is_written_back_after_the_title_and_read_again(tmp_path):
    """A book whose only responsible person is its 主审 (extra.reviewer) had no responsible party
    in the export, and a 主审 after the title was not read: ``王五, 主审.`` is written where the
    standard puts other responsibility (as translators are, ``杨斌, 译.``) and read back from there."""
    path = tmp_path / "refs.txt"
    path.write_text("[1] 王五 主审. 内科学[M]. 北京: 人民卫生出版社, 2010.\n"
                    "[2] 李明. 内科学[M]. 杨斌, 译. 赵六, 主审. 北京: 人民卫生出版社, 2010.\n", encoding="utf-8")
    written = run_cli("export", "--format", "gbt7714", "--from", str(path)).stdout
    assert written.splitlines() == ["[1] 内科学[M]. 王五, 主审. 北京: 人民卫生出版社, 2010.",
                                    "[2] 李明. 内科学[M]. 杨斌, 译. 赵六, 主审. 北京: 人民卫生出版社, 2010."]
    again = _read_all(tmp_path, written)
    assert [{k: r["extra"].get(k) for k in ("translator", "reviewer", "place")} for r in again.values()] == [
        {"translator": None, "reviewer": ["王五"], "place": ["北京"]},
        {"translator": ["杨斌"], "reviewer": ["赵六"], "place": ["北京"]}]


def test_an_english_items_reviewer_is_read_back(tmp_path):
    """The export writes an English item's reviewers ``SMITH J, rev.`` (its 主审); the reader lost
    them (and a ``2nd rev. ed.`` is no reviewer)."""
    path = tmp_path / "refs.txt"
    path.write_text("[1] GREEN P. Internal medicine[M]. SMITH J, rev. London: Elsevier, 2019.\n"
                    "[2] GREEN P. Internal medicine[M]. Rev. ed. London: Elsevier, 2019.\n", encoding="utf-8")
    written = run_cli("export", "--format", "gbt7714", "--from", str(path)).stdout
    assert written.splitlines()[0] == "[1] GREEN P. Internal medicine[M]. SMITH J, rev. London: Elsevier, 2019."
    one, two = _read_all(tmp_path, written).values()
    assert (one["extra"].get("reviewer"), one["extra"].get("place")) == (["SMITH J"], ["London"])
    assert "reviewer" not in two["extra"] and two["extra"]["edition"] == "Rev. ed"


def test_translators_role_word_is_written_back_as_read(tmp_path):
    """Translators read from 译注 (translated and annotated), 主译 or 编译 had been written back as
    plain 译: the word is kept (extra.translator_role) and written back, before the title and after
    it alike; and 主译 after the title had been read as 译 with 主 left on the name."""
    path = tmp_path / "refs.txt"
    path.write_text("[1] 杨伯峻译注. 论语译注[M]. 北京: 中华书局, 2006.\n"
                    "[2] 孔子. 论语[M]. 杨伯峻, 译注. 北京: 中华书局, 2006.\n"
                    "[3] 孔子. 论语[M]. 杨伯峻主译. 北京: 中华书局, 2006.\n"
                    "[4] 孔子. 论语[M]. 杨伯峻, 译. 北京: 中华书局, 2006.\n", encoding="utf-8")
    written = run_cli("export", "--format", "gbt7714", "--from", str(path)).stdout
    assert written.splitlines() == ["[1] 论语译注[M]. 杨伯峻, 译注. 北京: 中华书局, 2006.",
                                    "[2] 孔子. 论语[M]. 杨伯峻, 译注. 北京: 中华书局, 2006.",
                                    "[3] 孔子. 论语[M]. 杨伯峻, 主译. 北京: 中华书局, 2006.",
                                    "[4] 孔子. 论语[M]. 杨伯峻, 译. 北京: 中华书局, 2006."]
    again = _read_all(tmp_path, written)
    assert [(r["extra"]["translator"], r["extra"].get("translator_role")) for r in again.values()] == [
        (["杨伯峻"], "译注"), (["杨伯峻"], "译注"), (["杨伯峻"], "主译"), (["杨伯峻"], None)]


RUNS = """[1] 中国图书馆学会. 图书馆学通讯[J]. 1957(1)-1990(4). 北京: 北京图书馆, 1957-1990.
[2] 中华医学会湖北分会. 临床内科杂志[J]. 1984, 1(1)-. 武汉: 中华医学会湖北分会, 1984-.
"""


def test_a_periodical_s_run_of_years_is_written_to_csl_and_ris(tmp_path):
    """A periodical's run (extra.issued 1957/1990) was written as its first year alone: CSL's
    issued is now the range (two date-parts), a run still open (1984/, which date-parts cannot
    hold) an ``issued: 1984/`` note line; RIS's PY the first year and DA's other-info part the run
    (1957///1957-1990).  Read back from CSL-JSON, the GB/T line has its run again."""
    path = tmp_path / "refs.txt"
    path.write_text(RUNS, encoding="utf-8")
    items = json.loads(run_cli("export", "-f", "csl-json", "--from", str(path)).stdout)
    assert [i["issued"] for i in items] == [{"date-parts": [[1957], [1990]]}, {"date-parts": [[1984]]}]
    assert "issued: 1984/" in items[1]["note"].splitlines()
    ris = run_cli("export", "-f", "ris", "--from", str(path)).stdout
    assert re.findall(r"^(?:PY|DA)  - .*$", ris, re.M) == ["PY  - 1957", "DA  - 1957///1957-1990",
                                                           "PY  - 1984", "DA  - 1984///1984-"]
    (tmp_path / "items.json").write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    again = run_cli("export", "-f", "gbt7714", "--from", str(tmp_path / "items.json")).stdout
    assert again.splitlines() == [f"[{n}] {line[4:]}" for n, line in enumerate(RUNS.splitlines(), 1)]


def test_a_periodical_s_run_of_years_is_read_back_from_ris(tmp_path):
    """The RIS export writes a periodical's run in DA's other-info part (1957///1957-1990); our RIS
    reader kept it in extra.date only, so a RIS round trip lost the run (the GB/T line gave 1957).
    It is read back into extra.issued (1957/1990, 1984/), and the GB/T line is the one read."""
    path = tmp_path / "refs.txt"
    path.write_text(RUNS, encoding="utf-8")
    (tmp_path / "items.ris").write_text(run_cli("export", "-f", "ris", "--from", str(path)).stdout, encoding="utf-8")
    _result, records, _failures = clean_items(tmp_path / "items.ris")
    assert [r["extra"].get("issued") for r in records] == ["1957/1990", "1984/"]
    again = run_cli("export", "-f", "gbt7714", "--from", str(tmp_path / "items.ris")).stdout
    assert again.splitlines() == [f"[{n}] {line[4:]}" for n, line in enumerate(RUNS.splitlines(), 1)]


def test_role_words_before_and_after_the_title_from_one_table(tmp_path):
    # the role words' patterns are made from one table (_ROLES); what each word reads as
    from indexer.readers.gbt7714 import _role_of, _without_role

    assert [_role_of(n)[1] for n in ("李华, 主编", "李华 (编)", "王五, 主审", "赵六, 点校", "杨伯峻译注", "张三, 编著",
                                      "李四, 校注", "SMITH J, trans", "GREEN P (eds.)", "张译")] == [
        "editor", "author", "reviewer", "editor", "translator", "author", "author", "translator", "editor", "author"]
    assert _without_role("王建国主编") == "王建国"
    records = _read_all(tmp_path, "[1] 孔子. 论语[M]. 杨伯峻, 译注. 北京: 中华书局, 2006.\n"
                                  "[2] 史密斯. 管理学[M]. 顾幼静, 译. 王五, 主审. 北京: 人民出版社, 2010.\n"
                                  "[3] SMITH J. Ethics[M]. JONES B, trans. London: Penguin, 2001.\n")
    wanted = {1: {"translator": ["杨伯峻"], "translator_role": "译注", "reviewer": None},
              2: {"translator": ["顾幼静"], "translator_role": None, "reviewer": ["王五"]},
              3: {"translator": ["JONES B"], "translator_role": None, "reviewer": None}}
    assert {n: {k: (records[n].get("extra") or {}).get(k) for k in wanted[n]} for n in wanted} == wanted


EMPTY_VOLUME = """[1]陈思远.清代江南刻书业研究续[J].中国典籍与文化,2019,(03):12-15.
[2]陈思远.清代研究[J].文史哲, 2019, (3): 12-15.
[3]陈思远.清代研究[J].文史哲,2019,38(03):12-15.
[4] 陈思远, 2019. 清代研究[J]. 文史哲, (3): 12-15.
"""


def test_an_empty_volume_before_the_issue_keeps_journal_issue_and_pages(tmp_path):
    """CNKI wrote its citations with the comma of a missing volume before the issue until about
    2018 (``刊名,2019,(03):12-15``), as thesis lists copy them; the journal, issue and pages had
    been lost (the journal read as a publisher, the line written back as ``[J]. 2019.``)."""
    records = _read_all(tmp_path, EMPTY_VOLUME)
    read = [(r["journal"], r["year"], r["volume"], r["issue"], r["pages"]) for r in records.values()]
    assert read == [({"zh": "中国典籍与文化"}, 2019, None, "3", "12-15"), ({"zh": "文史哲"}, 2019, None, "3", "12-15"),
                    ({"zh": "文史哲"}, 2019, "38", "3", "12-15"), ({"zh": "文史哲"}, 2019, None, "3", "12-15")]
    assert not any("publisher" in r["extra"] for r in records.values())


ANCIENT = """[1] 王夫之. 宋论[M]. 刻本. 金陵: 湘乡曾国荃, 1865（清同治四年）.
[2] 钱学森. 创建系统学[M]. 太原: 山西科学技术出版社, 2001: 序2-3.
[3] 冯友兰. 冯友兰自选集[M]. 2版. 北京: 首都师范大学出版社, 2008: 第1版自序.
[4] 康熙字典: 巳集上: 水部[M]. 同文书局影印本. 北京: 中华书局, 1962: 50.
[5] 李鸿章. 奏请上海道库洋务外销要款无款可筹仍拨药厘接济事[A]. 北京: 中国第一历史档案馆, 1887（光绪十三年三月十三日）.
[6] 李零. 简帛古书与学术源流[M]. 增订本. 北京: 生活·读书·新知三联书店, 2008.
[7] 李零. 简帛古书与学术源流[M]. 2版(修订本). 北京: 生活·读书·新知三联书店, 2008.
[8] 王五. 东亚史[C]//李四. 日本. 北京: 中华书局, 2008: 1-10.
"""


def test_an_ancient_book_s_copy_pages_and_calendar_date_read_back(tmp_path):
    """What the standard writes of ancient books and archives, and our export writes too, was
    dropped when read back: an edition ending in 本 (刻本, 影印本, 增订本, 2版(修订本); only 版 was
    read), pages cited by a name (序2-3, 第1版自序; only numbers were) and a year's date in a
    traditional calendar (1865（清同治四年）, kept in extra.issued as the CSL reader keeps it).  A
    kind of copy is an element of its own (日本 in a title is none)."""
    records = _read_all(tmp_path, ANCIENT)
    assert [r["extra"].get("edition") for r in records.values()] == [
        "刻本", None, "2版", "同文书局影印本", None, "增订本", "2版(修订本)", None]
    assert [r["pages"] for r in records.values()][:4] == [None, "序2-3", "第1版自序", "50"]
    assert [r["extra"].get("issued") for r in records.values()][:5] == ["1865（清同治四年）", None, None, None,
                                                                        "1887（光绪十三年三月十三日）"]
    written = run_cli("export", "-f", "gbt7714", "--from", str(tmp_path / "refs.txt")).stdout.splitlines()
    assert records[8]["journal"] == {"zh": "日本"}
    assert written == ANCIENT.splitlines()


def test_a_note_in_chinese_after_the_year_is_no_calendar_date(tmp_path):
    """Only a traditional calendar's date after the year is kept in extra.issued (an era or reign
    and a year in Chinese numerals, 民国二十年, 宣统元年); a printing after it (2019（第2次印刷）)
    is no date, and was written back as one."""
    records = _read_all(tmp_path, "[1] 张三. 数据挖掘导论[M]. 北京: 科学出版社, 2019（第2次印刷）.\n"
                                  "[2] 李四. 档案[A]. 北京: 档案馆, 1931（民国二十年）.\n"
                                  "[3] 赵六. 书[M]. 北京: 中华书局, 1909（宣统元年）.\n")
    assert [r["extra"].get("issued") for r in records.values()] == [None, "1931（民国二十年）", "1909（宣统元年）"]
    assert [(r["year"], r["extra"]["publisher"]) for r in records.values()] == [
        (2019, ["科学出版社"]), (1931, ["档案馆"]), (1909, ["中华书局"])]


HOSTS_OF_A_COPY = """[1] 鲁迅. 狂人日记[M]//鲁迅. 鲁迅手稿本. 北京: 文物出版社, 1979: 1-10.
[2] 何七. 敦煌写本研究[M]//敦煌学辑刊编辑部. 敦煌写本. 兰州: 兰州大学出版社, 2008: 1-20.
[3] 黄八. 明代戏曲选[M]//郑振铎. 古本戏曲丛刊本. 上海: 商务印书馆, 1954: 5-9.
[4] 孙二. 红楼梦版本考[M]//冯其庸. 红楼梦抄本. 北京: 人民文学出版社, 1990: 100-120.
[5] 王夫之. 读通鉴论[M]//王夫之. 船山全书. 刻本. 金陵: 湘乡曾国荃, 1865.
[6] 马克思. 政治经济学批判[M]//马克思恩格斯全集: 第35卷. 2版. 北京: 人民出版社, 2013: 302.
"""


def test_a_host_named_as_a_copy_after_its_editor_is_its_title(tmp_path):
    """After the ``//`` host's responsible person the next element is the host's title, though it
    ends in a kind of copy (鲁迅手稿本, 敦煌写本): it was read as the edition and the editor as the
    title.  An edition still follows the host's title (刻本 after 船山全书, 2版 without editors)."""
    records = _read_all(tmp_path, HOSTS_OF_A_COPY)
    assert [(r["journal"], r["extra"].get("editor"), r["extra"].get("edition")) for r in records.values()] == [
        ({"zh": "鲁迅手稿本"}, ["鲁迅"], None), ({"zh": "敦煌写本"}, ["敦煌学辑刊编辑部"], None),
        ({"zh": "古本戏曲丛刊本"}, ["郑振铎"], None), ({"zh": "红楼梦抄本"}, ["冯其庸"], None),
        ({"zh": "船山全书"}, ["王夫之"], "刻本"), ({"zh": "马克思恩格斯全集: 第35卷"}, None, "2版")]


QUALIFIED_EDITIONS = """[1] SMITH J. Clinical cytology[M]. 2nd rev. ed. London: Springer, 2019.
[2] JONES A. Haematology basics[M]. 3rd revised edition. Oxford: Oxford University Press, 2018.
[3] BROWN T. Pathology notes[M]. 2nd ed., rev. Boston: Wiley, 2017.
[4] MÜLLER H. Innere Medizin[M]. 2. Aufl. Berlin: Thieme, 2016.
[5] SMITH J, rev. Clinical cytology[M]. London: Springer, 2019.
"""


def test_an_edition_with_words_that_qualify_it_is_read(tmp_path):
    """An edition with words after its number (2nd rev. ed., 3rd revised edition, 2nd ed., rev.)
    or a German one (2. Aufl.) was dropped: only "2nd ed." was read as one.  A reviser after
    the names (", rev.") is no edition."""
    records = _read_all(tmp_path, QUALIFIED_EDITIONS)
    assert [r["extra"].get("edition") for r in records.values()] == [
        "2nd rev. ed", "3rd revised edition", "2nd ed., rev", "2. Aufl", None]
    assert [r["extra"]["place"] for r in records.values()] == [["London"], ["Oxford"], ["Boston"], ["Berlin"], ["London"]]
    written = run_cli("export", "-f", "gbt7714", "--from", str(tmp_path / "refs.txt")).stdout.splitlines()
    assert written[:4] == [line.replace("revised edition", "rev. ed") for line in QUALIFIED_EDITIONS.splitlines()[:4]]
