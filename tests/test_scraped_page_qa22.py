"""QA pass 22 on pages copied from CNKI, Wanfang and VIP: page ranges written where they were
dropped (VIP's 出处 with the range glued to its issue, CNKI's line of counters, Wanfang's page
count with the range after it), a site's header line taken for the title, and keywords listed
one a line.  Every page text here was written for this project."""
from __future__ import annotations

import pytest

from conftest import page_record as _page


_HEAD = "某研究\n作者：张三\n摘要：研究。\n"


# 1. Page ranges.

@pytest.mark.parametrize("line", [
    "出处：《计算机学报》 2023年第6期1201-1215,共15页",      # VIP: glued to the issue, then the count
    "出处：《计算机学报》 2023年第6期 1201-1215,共15页",
    "出处：《计算机学报》 2023年第6期1201-1215页",
])
def test_vip_citation_gives_a_range_glued_to_its_issue(tmp_path, line):
    record = _page(tmp_path, _HEAD + line + "\n")
    assert (record["journal"], record["year"], record["issue"], record["pages"]) == (
        {"zh": "计算机学报"}, 2023, "6", "1201-1215")


def test_vip_citation_with_a_page_count_alone_gives_no_pages(tmp_path):
    record = _page(tmp_path, _HEAD + "出处：《计算机学报》 2023年第6期 共15页\n")
    assert record["pages"] is None and record["issue"] == "6"


@pytest.mark.parametrize("line", [
    "下载：1234页码：56-68页数：13大小：2345K",      # CNKI KNS8, glued
    "下载：1234 页码：56-68 页数：13 大小：2345K",   # and spaced
    "Download: 1234 Page: 56-68 Pages: 13 Size: 2345K",   # CNKI's English site
])
def test_cnki_counters_line_gives_its_pages_and_its_counts(tmp_path, line):
    """页码/Page is the range, 页数/Pages the page count (extra.page_count, not the range), the
    downloads kept as 下载量 is, the file's size the site's: nothing left unlabelled."""
    record = _page(tmp_path, _HEAD + line + "\n")
    assert record["pages"] == "56-68"
    assert (record["extra"]["page_count"], record["extra"]["downloads"]) == (["13"], ["1234"])
    assert "unlabelled" not in record["extra"] and record["issues"] == []


def test_counters_on_their_own_lines_are_read_as_on_one(tmp_path):
    record = _page(tmp_path, _HEAD + "下载：1234\n页码：56-68\n页数：13\n大小：2345K\n")
    assert record["pages"] == "56-68"
    assert (record["extra"]["page_count"], record["extra"]["downloads"]) == (["13"], ["1234"])
    assert "unlabelled" not in record["extra"]


def test_a_page_number_alone_and_a_download_button_are_no_counts(tmp_path):
    record = _page(tmp_path, _HEAD + "Pages: 6\n下载：PDF\n")
    assert record["pages"] == "6" and "page_count" not in record["extra"]
    assert record["extra"]["unlabelled"] == ["下载：PDF"]


def test_wanfang_page_count_gives_the_pages_after_it(tmp_path):
    record = _page(tmp_path, _HEAD + "页数：5(1085-1089)\n")
    assert record["pages"] == "1085-1089"
    assert record["extra"]["page_count"] == ["5"]   # the count, kept as a count alone is


# 2. A site's header line is page chrome, not the title.

@pytest.mark.parametrize("header", ["万方数据知识服务平台", "维普期刊官网", "中国知网", "中国知网 CNKI", "中文期刊服务平台"])
def test_a_sites_header_line_is_dropped_as_chrome(tmp_path, header):
    record = _page(tmp_path, f"{header}\n首页 > 期刊 > 中华医学杂志\nIL-6与TNF-α在脓毒症患者中的表达及临床意义\n"
                             "摘要：目的 探讨IL-6的表达。\n作者：陈明 刘洋\n")
    assert record["title"] == {"zh": "IL-6与TNF-α在脓毒症患者中的表达及临床意义"}
    assert "other_titles" not in record["extra"]
    dropped = [r["before"] for r in record["repairs"] if r["step"] == "drop_page_chrome"]
    assert dropped == [header, "首页 > 期刊 > 中华医学杂志"]


def test_vip_header_leaves_both_titles_in_their_places(tmp_path):
    record = _page(tmp_path, "维普期刊官网\n首页 > 期刊 > 计算机学报\n面向大语言模型的知识图谱补全方法\n"
                             "Knowledge Graph Completion Method for Large Language Models\n作者：刘伟 孙丽 周杰\n"
                             "摘要：本文提出一种知识图谱补全方法。\n")
    assert record["title"] == {"zh": "面向大语言模型的知识图谱补全方法",
                               "en": "Knowledge Graph Completion Method for Large Language Models"}
    assert not record["extra"].get("unlabelled")


def test_a_title_that_names_a_site_is_still_the_title(tmp_path):
    record = _page(tmp_path, "万方数据知识服务平台的用户满意度研究\n作者：陈明\n摘要：调查了用户满意度。\n")
    assert record["title"] == {"zh": "万方数据知识服务平台的用户满意度研究"}


# 3. Keywords one a line.

def test_keywords_one_a_line_are_one_list(tmp_path):
    record = _page(tmp_path, "城市热岛效应研究\n作者：张三\n摘要：城市热岛效应是重要的环境问题。\n"
                             "关键词：\n城市热岛;\n深度学习;\n遥感;\n")
    assert record["keywords"] == {"zh": ["城市热岛", "深度学习", "遥感"]}
    assert not record["extra"].get("unlabelled")
    joins = [r for r in record["repairs"] if r["step"] == "join_continued_line"]
    assert joins[-1]["after"] == "城市热岛; 深度学习; 遥感;"


def test_chinese_and_english_keywords_one_a_line(tmp_path):
    record = _page(tmp_path, "城市热岛效应研究\nResearch on urban heat island effect\n张三1 李四2\n"
                             "摘要：\n城市热岛效应是重要的环境问题。\n关键词：\n城市热岛;\n深度学习;\n遥感;\n"
                             "Keywords：\nurban heat island;\ndeep learning;\n基金资助：\n国家自然科学基金(42071342);\n")
    assert record["keywords"] == {"zh": ["城市热岛", "深度学习", "遥感"], "en": ["urban heat island", "deep learning"]}
    assert record["funding"][0]["award"] == "42071342"


@pytest.mark.parametrize("after", ["基金：国家自然科学基金(42071342)\n", "\n", ""])
def test_the_last_keyword_of_a_run_without_its_mark(tmp_path, after):
    record = _page(tmp_path, "城市热岛效应研究\n作者：张三\n摘要：城市热岛效应是重要的环境问题。\n"
                             f"关键词：\n城市热岛;\n深度学习;\n遥感\n{after}")
    assert record["keywords"] == {"zh": ["城市热岛", "深度学习", "遥感"]}


@pytest.mark.parametrize("text", [
    # a paragraph after the list, in sentences
    "关键词：城市热岛;深度学习;\n本文以北京为例，研究了城市热岛效应的成因；\n结果表明，绿地可以缓解热岛。\n",
    # a line with no mark after a list not given one a line, or not before a label or blank line
    "关键词：\n城市热岛;\n本文研究了城市热岛效应的成因与对策\n\n",
    "关键词：\n城市热岛;\n深度学习;\n遥感\nUrban heat island study\n",
])
def test_prose_after_keywords_is_not_keywords(tmp_path, text):
    record = _page(tmp_path, "城市热岛效应研究\n作者：张三\n摘要：城市热岛效应是重要的环境问题。\n" + text)
    kept = record["keywords"]["zh"]
    assert all(len(k) <= 4 for k in kept) and "遥感" not in kept
    assert record["extra"]["unlabelled"]
