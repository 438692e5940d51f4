"""The funding line of a scraped page or a PDF copied as text: the labels Chinese journals print
for it (Foundation item:, 基金项目：, 课题来源：) and a funding list a copy wrapped onto the next
line.  The page reader hands the whole statement to the funding field.  Every page text here was
written for this project."""
from __future__ import annotations

import pytest

from conftest import records_of
from indexer.readers.scraped_page import match_label


def _page(tmp_path, text: str) -> dict:
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    (record,) = records_of(path)
    return record


def _awards(record: dict) -> list:
    return [entry["award"] for entry in record["funding"]]


def _funding_page(funding_lines: str) -> str:
    return f"测试\n摘要: 疗效确切。\n{funding_lines}\n关键词: 测试；疗效\n"


# 1. The funding labels of Chinese journals, English and Chinese.

@pytest.mark.parametrize("line, awards", [
    ("Foundation item: National Natural Science Foundation of China (81672345)", ["81672345"]),
    ("Foundation items:National Natural Science Foundation of China (81672345)", ["81672345"]),
    ("Foundation item:Project supported by the National Natural Science Foundation of China "
     "(Grant Nos.81672345,81872123)", ["81672345", "81872123"]),
    ("Fund program: National Natural Science Foundation of China (81672345)", ["81672345"]),
    ("Fund Project：National Natural Science Foundation of China (81672345)", ["81672345"]),
    ("Supported by: National Natural Science Foundation of China (81672345)", ["81672345"]),
    ("Project supported by: National Natural Science Foundation of China (81672345)", ["81672345"]),
    ("项目基金：国家自然科学基金(81672345)", ["81672345"]),
    ("课题来源：国家自然科学基金(81672345)", ["81672345"]),
])
def test_funding_labels_of_chinese_journals_give_funding(tmp_path, line, awards):
    record = _page(tmp_path, _funding_page(line))
    assert _awards(record) == awards
    assert not record["issues"] and "unlabelled" not in record["extra"]


@pytest.mark.parametrize("line", [
    "Supported by the National Natural Science Foundation of China",  # a sentence, no label
    "项目基金管理的风险研究",  # a title's words: these two labels need their colon
    "课题来源分析",
])
def test_funding_labels_without_their_colon_are_text(line):
    assert match_label(line) is None


# 2. A funding list a copy wrapped: the next line goes on with it.

def test_a_funding_list_left_open_goes_on_on_the_next_line(tmp_path):
    record = _page(tmp_path, _funding_page("基金项目:国家自然科学基金(81672345)；\n国家重点研发计划(2018YFC1313200)"))
    assert _awards(record) == ["81672345", "2018YFC1313200"]
    assert not record["issues"] and "unlabelled" not in record["extra"]
    (joined,) = [r for r in record["repairs"] if r["step"] == "join_continued_line"]
    assert joined["field"] == "funding"
    assert joined["after"] == "国家自然科学基金(81672345)；国家重点研发计划(2018YFC1313200)"


def test_a_funders_name_cut_by_the_wrap_is_joined_whole(tmp_path):
    record = _page(tmp_path, _funding_page("基金项目:国家自然科学基金(81672345);江苏省\n自然科学基金(BK20191138)"))
    assert _awards(record) == ["81672345", "BK20191138"]
    assert [e["funder_original"] for e in record["funding"]] == ["国家自然科学基金", "江苏省自然科学基金"]
    assert not record["issues"]


def test_an_english_funding_list_goes_on_over_three_lines(tmp_path):
    record = _page(tmp_path, _funding_page(
        "Funding: National Natural Science Foundation of China (81672345),\n"
        "Natural Science Foundation of Jiangsu Province (BK20191138),\n"
        "National Key R&D Program of China (2018YFC1313200)"))
    assert _awards(record) == ["81672345", "BK20191138", "2018YFC1313200"]
    assert not record["issues"]


@pytest.mark.parametrize("funding, after", [
    ("基金项目：国家自然科学基金(81672345)；", "基于项目管理的护理质量研究"),  # a title, not a funder
    ("基金项目：国家自然科学基金(81672345)；", "结果表明，该计划有效。"),  # a sentence
    ("基金项目：国家自然科学基金(81672345)", "国家重点研发计划(2018YFC1313200)"),  # the list was closed
    ("Funding: National Natural Science Foundation of China (81672345);", "国家重点研发计划(2018YFC1313200)"),
    ("基金项目：国家自然科学基金；国家重点研发计划课题", "江苏省自然科学基金(BK20191138)"),  # a whole name
])
def test_other_lines_after_a_funding_line_are_not_funding(tmp_path, funding, after):
    record = _page(tmp_path, f"测试\n摘要: 疗效确切。\n{funding}\n{after}\n关键词: 测试\n")
    assert record["extra"]["unlabelled"] == [after]
    assert not any(r["step"] == "join_continued_line" for r in record["repairs"])


# 3. A journal's funding heading, as Wiley's and PMC's pages show it: on the line or above it
@pytest.mark.parametrize("funding", [
    "Funding information: National Natural Science Foundation of China, Grant/Award Number: 81702662",
    "Funding Information\nNational Natural Science Foundation of China, Grant/Award Number: 81702662",
    "FUNDING: National Natural Science Foundation of China (81702662)",
    "FUNDING INFORMATION\nNational Natural Science Foundation of China (81702662)",
])
def test_a_journals_funding_heading_gives_funding(tmp_path, funding):
    record = _page(tmp_path, "Heart outcomes in adults\nJohn Smith, Mary Jones\n"
                             "Abstract: We studied hearts and found things that matter for the heart in adults.\n"
                             f"Keywords: heart; adults\n{funding}\n")
    assert _awards(record) == ["81702662"]
    assert not record["issues"] and "unlabelled" not in record["extra"]


def test_a_sentence_opening_with_funding_information_is_no_label():
    assert match_label("Funding information was collected from 20 agencies.") is None
