"""A QA pass on labelled records exported from Chinese databases and read as pages: CSSCI's
export of several records (its header, its rules between records), VIP's text export's English
labels (英文作者, 英文刊名), numbered and named affiliation lines, CSSCI's 参考文献 and 基金类别.
Every record here was written for this project, in the layout CSSCI's and VIP's exports give."""
from __future__ import annotations

import pytest

from conftest import records_of, rendered, page_record as _page

_FIRST = """【来源篇名】高校图书馆学科服务评价体系构建研究
【英文篇名】Research on the Construction of Evaluation System of Subject Service in University Libraries
【来源作者】王芳/李强
【基    金】国家社会科学基金项目(19BTQ012)
【期    刊】图书情报工作
【第一机构】武汉大学信息管理学院
【机构名称】[王芳]武汉大学信息管理学院.武汉.430072/[李强]华中师范大学信息管理学院.武汉.430079
【第一作者】王芳
【中图类号】G252
【年代卷期】2020,64(12):45-53
【关 键 词】学科服务/评价体系/高校图书馆/
【基金类别】国家社科基金
【参考文献】
"""
_SECOND = """【来源篇名】数字人文视域下的古籍整理研究
【英文篇名】Research on Ancient Books Collation from the Perspective of Digital Humanities
【来源作者】赵丽
【基    金】
【期    刊】中国图书馆学报
【第一机构】北京大学信息管理系
【机构名称】[赵丽]北京大学信息管理系.北京.100871
【第一作者】赵丽
【中图类号】G256.1
【年代卷期】2021,47(2):100-115
【关 键 词】数字人文/古籍整理/
【基金类别】
【参考文献】
1.李四.古籍数字化.图书情报知识,2019(3):10-18
2.王五.数字人文研究综述.中国图书馆学报,2020,46(1):20-35
"""
_RULE = "-" * 71 + "\n"
# CSSCI's export: its banner, then each record under a rule (a blank line after it)
_BANNER = "南京大学中国社会科学研究评价中心\n数字文献处理系统 版本：2.1\n版权所有 (C) 2000 - 2001 CSSCI Corp.\n \n \n"
_RESULTS = "南京大学中国社会科学研究评价中心\n中文社会科学引文索引(CSSCI)\n检索结果\n共2条\n\n"


# 1. Each 【来源篇名】 opens a record; the export's banner and its rules are chrome.

@pytest.mark.parametrize("text", [
    _FIRST + "\n" + _SECOND,                                  # a blank line between them
    _FIRST + _SECOND,                                         # nothing between them
    _RULE + _FIRST + _RULE + _SECOND,                         # a rule over each
    _BANNER + _FIRST + _RULE + "\n" + _SECOND + _RULE + "\n",  # CSSCI's banner, a rule and a blank line after each
    _RESULTS + _RULE + _FIRST + _RULE + _SECOND,              # the head of a list of results
], ids=["blank", "none", "rules", "banner", "results"])
def test_cssci_export_of_two_records_gives_two(tmp_path, text):
    path = tmp_path / "cssci.txt"
    path.write_text(text, encoding="utf-8")
    first, second = records_of(path)
    assert first["title"]["zh"] == "高校图书馆学科服务评价体系构建研究"
    assert second["title"] == {"zh": "数字人文视域下的古籍整理研究",
                               "en": "Research on Ancient Books Collation from the Perspective of Digital Humanities"}
    assert [a["literal"] for a in first["authors"]] == ["王芳", "李强"]
    assert [(a["literal"], a["affiliation"]) for a in second["authors"]] == [("赵丽", "北京大学信息管理系.北京.100871")]
    assert (second["journal"], second["year"], second["volume"], second["issue"], second["pages"]) == (
        {"zh": "中国图书馆学报"}, 2021, "47", "2", "100-115")
    assert (first["journal"], first["year"]) == ({"zh": "图书情报工作"}, 2020)
    assert first["extra"]["classification"] == ["G252"] and second["extra"]["classification"] == ["G256.1"]
    assert second["keywords"] == {"zh": ["数字人文", "古籍整理"]}
    for record in (first, second):
        assert "other_titles" not in record["extra"]
        assert not any("-----" in line or "检索结果" in line or "共2条" in line or "CSSCI" in line
                       for line in record["extra"].get("unlabelled", []))


# 2. VIP's 英文作者 and 英文刊名: the authors' names in pinyin, the journal's English name.

_VIP = """题名：脊柱转移瘤术后切口感染的危险因素分析
英文题名：Risk factors of surgical site infection after surgery for spinal metastases
作者：陈晓燕 [1]；李明 [2]；王强 [1,2]
英文作者：CHEN Xiao-yan;LI Ming;WANG Qiang
机构：[1]海军军医大学第二附属医院骨科，上海200003；[2]复旦大学附属中山医院骨科，上海200032
出处：《中华骨科杂志》2021年第3期150-157，共8页
英文刊名：Chinese Journal of Orthopaedics
摘要：目的分析脊柱转移瘤术后切口感染的危险因素。方法回顾性分析326例。
关键词：脊柱肿瘤；肿瘤转移；危险因素
"""


def test_vip_english_authors_are_the_authors_alt_and_english_journal_name_is_read(tmp_path):
    record = _page(tmp_path, _VIP)
    assert [(a["literal"], a.get("alt")) for a in record["authors"]] == [
        ("陈晓燕", {"family": "CHEN", "given": "Xiao-yan", "lang": "en"}),
        ("李明", {"family": "LI", "given": "Ming", "lang": "en"}),
        ("王强", {"family": "WANG", "given": "Qiang", "lang": "en"})]
    assert record["journal"] == {"zh": "中华骨科杂志", "en": "Chinese Journal of Orthopaedics"}
    assert not record["extra"].get("unlabelled") and not record["issues"]
    assert "translated_author" not in record["extra"] and "other_titles" not in record["extra"]


def test_vip_english_authors_label_with_no_affiliation_line(tmp_path):
    record = _page(tmp_path, "题名：脊柱转移瘤术后切口感染的危险因素分析\n作者：陈晓燕；李明；王强\n"
                             "作者英文名：CHEN Xiao-yan;LI Ming;WANG Qiang\n摘要：目的分析危险因素。\n")
    assert [a["alt"]["family"] for a in record["authors"]] == ["CHEN", "LI", "WANG"]
    assert record["title"] == {"zh": "脊柱转移瘤术后切口感染的危险因素分析"}


# 3. A numbered affiliation line, or CSSCI's naming each institution's author: an institution each
#    in the record's list (and written so: RIS's AD), without its number or its author's name.

def test_numbered_and_named_affiliation_lines_list_one_institution_each(tmp_path):
    vip = _page(tmp_path, _VIP, "vip.txt")
    assert vip["extra"]["affiliations"] == ["海军军医大学第二附属医院骨科，上海200003", "复旦大学附属中山医院骨科，上海200032"]
    assert [a["affiliation"] for a in vip["authors"]] == [
        "海军军医大学第二附属医院骨科，上海200003", "复旦大学附属中山医院骨科，上海200032",
        "海军军医大学第二附属医院骨科，上海200003；复旦大学附属中山医院骨科，上海200032"]
    cssci = _page(tmp_path, _FIRST, "cssci.txt")
    assert cssci["extra"]["affiliations"] == ["武汉大学信息管理学院.武汉.430072", "华中师范大学信息管理学院.武汉.430079"]
    assert [a["affiliation"] for a in cssci["authors"]] == cssci["extra"]["affiliations"]


def test_ris_writes_an_address_line_for_each_institution(tmp_path):
    path = tmp_path / "vip.txt"
    path.write_text(_VIP.replace("机构：[1]", "机构：1.").replace("；[2]", "；2."), encoding="utf-8")
    ris = rendered(records_of(path), "ris")
    assert [line for line in ris.splitlines() if line.startswith("AD  -")] == [
        "AD  - 海军军医大学第二附属医院骨科，上海200003", "AD  - 复旦大学附属中山医院骨科，上海200032"]


def test_numbered_line_under_names_without_marks_stays_every_authors(tmp_path):
    record = _page(tmp_path, "题名：测试题名研究\n作者：王建国；李四\n机构：1.北京大学医学部；2.清华大学\n摘要：目的测试。\n")
    assert [a["affiliation"] for a in record["authors"]] == ["1.北京大学医学部；2.清华大学"] * 2
    assert record["extra"]["affiliations"] == ["1.北京大学医学部；2.清华大学"]


# 4. CSSCI's 【参考文献】 heads the record's references, its 基金类别 is the category of its funding.

def test_cssci_references_and_funding_category_are_read(tmp_path):
    path = tmp_path / "cssci.txt"
    path.write_text(_FIRST + "1.张三.学科服务研究.图书馆论坛,2018,38(2):1-5\n\n" + _SECOND, encoding="utf-8")
    first, second = records_of(path)
    assert first["extra"]["references"] == ["1.张三.学科服务研究.图书馆论坛,2018,38(2):1-5"]
    assert second["extra"]["references"] == ["1.李四.古籍数字化.图书情报知识,2019(3):10-18",
                                             "2.王五.数字人文研究综述.中国图书馆学报,2020,46(1):20-35"]
    assert first["extra"]["funding_category"] == ["国家社科基金"] and "funding_category" not in second["extra"]
    assert [e["award"] for e in first["funding"]] == ["19BTQ012"]
    for record in (first, second):
        assert not record["extra"].get("unlabelled")
        assert not [issue for issue in record["issues"] if "unlabelled" in issue]


@pytest.mark.parametrize("rule", ["-" * 40, "=" * 20, "—" * 12])
def test_a_rule_inside_an_abstract_leaves_the_abstract_whole(tmp_path, rule):
    """A row of dashes separates CSSCI's records, but inside a page's abstract (a table drawn with
    rules, a break a site set) it is chrome that ends no field: the abstract goes on after it."""
    page = ("题名：一种新的研究方法\n作者：张伟；李娜\n摘要：目的测试。方法回顾。\n"
            f"{rule}\n结果显示差异有统计学意义。结论可行。\n关键词：测试\n")
    record = _page(tmp_path, page)
    assert record["abstract"] == {"zh": "目的测试。方法回顾。结果显示差异有统计学意义。结论可行。"}
    assert [s["label"] for s in record["sections"]["zh"]] == ["OBJECTIVE", "METHODS", "RESULTS", "CONCLUSION"]
    assert rule not in str(record.get("extra", {}))
