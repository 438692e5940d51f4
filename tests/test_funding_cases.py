"""Funding found in abstracts and funding fields: cases a QA pass found, each as a small file
cleaned by the CLI as a user would."""
from __future__ import annotations

import pytest

from conftest import cleaned as clean, needs_shared


def ris(tmp_path, abstract: str):
    path = tmp_path / "one.ris"
    path.write_text(f"TY  - JOUR\nTI  - A study\nPY  - 2021\nAB  - {abstract}\nER  - \n", encoding="utf-8")
    return path


def page(tmp_path, *lines: str):
    path = tmp_path / "page.txt"
    path.write_text("\n".join(["首页 > 学术期刊 > 期刊详情", "某地区科研项目产出研究", *lines]) + "\n",
                    encoding="utf-8")
    return path


def funding(record: dict) -> list[tuple]:
    return [(f["funder"], f["funder_original"], f["award"]) for f in record["funding"]]


# A. Content that names a funder is no funding statement: the abstract stays whole.
@pytest.mark.parametrize("abstract", [
    "We analysed 500 projects supported by the National Natural Science Foundation of China (NSFC) "
    "between 2010 and 2020. Funding rates fell in all regions, and output per grant rose by 3.5%.",
    "Patents were counted in the data. Funds supported by the National Natural Science Foundation "
    "show more patents. Output per project rose by 12%.",
    "Supported by the National Natural Science Foundation of China (No. 81702662), 40 labs joined. "
    "Their output rose by 12% in five years.",
])
def test_content_naming_a_funder_stays_in_the_abstract(tmp_path, abstract):
    (record,) = clean(ris(tmp_path, abstract))
    assert record["abstract"] == {"en": abstract}
    assert record["funding"] == []


def test_a_trailing_statement_is_moved_and_no_text_is_lost(tmp_path):
    content = "Funds supported by the NSFC show more patents. Output per grant rose by 3.5%."
    statement = "Supported by the National Natural Science Foundation of China (No. 81702662)."
    (record,) = clean(ris(tmp_path, f"{content} {statement}"))
    assert record["abstract"] == {"en": content}
    assert funding(record) == [("National Natural Science Foundation of China",
                                "National Natural Science Foundation of China", "81702662")]


# B. A Chinese closing sentence "本研究由…资助。" is a funding statement.
def test_chinese_closing_sentence_of_funding_is_moved(tmp_path):
    path = page(tmp_path, "摘要：目的 探讨项目产出.结论 产出增加。本研究由国家自然科学基金（81702662）资助。")
    (record,) = clean(path)
    assert record["abstract"]["zh"] == "目的 探讨项目产出.结论 产出增加。"
    assert funding(record) == [("National Natural Science Foundation of China", "国家自然科学基金", "81702662")]


def test_a_chinese_sentence_that_goes_on_after_the_funding_stays(tmp_path):
    text = "目的 探讨项目产出。本研究由国家自然科学基金（81702662）资助，结果表明产出增加。"
    (record,) = clean(page(tmp_path, f"摘要：{text}"))
    assert record["abstract"]["zh"] == text
    assert record["funding"] == []


# C. Grant numbers as Chinese programmes write them.
@pytest.mark.parametrize("award", ["2019kfyXJJS001", "cstc2019jcyj-msxmX0001", "tsqn201812045",
                                   "kx2019-01", "21&ZD001", "CX(19)3001"])
def test_chinese_grant_number_forms_are_awards(tmp_path, award):
    (record,) = clean(page(tmp_path, "摘要：目的 探讨效果.结论 有效.", f"基金：重庆市自然科学基金（{award}）"))
    assert funding(record) == [("Natural Science Foundation of Chongqing", "重庆市自然科学基金", award)]


@pytest.mark.parametrize("line", ["基金资助：中央高校基本科研业务费专项资金(FRF-TP-20-011A1)",
                                  "Funding: Fundamental Research Funds for the Central Universities (FRF-TP-20-011A1)."])
def test_an_award_with_two_groups_of_letters_is_whole(tmp_path, line):
    # USTB's numbers under the Central Universities' funds: the award had been "TP-20-011A1",
    # its "FRF-" left in the funder's name
    (record,) = clean(page(tmp_path, "摘要：目的 探讨效果.结论 有效.", line))
    assert [(f["funder"], f["award"]) for f in record["funding"]] == [
        ("Fundamental Research Funds for the Central Universities", "FRF-TP-20-011A1")]


def test_a_bracket_in_the_funder_name_is_kept_and_awards_stay_apart(tmp_path):
    (record,) = clean(page(tmp_path, "摘要：目的 探讨效果.结论 有效.",
                           "基金：国家高技术研究发展计划（863计划）（2019AB001）；"
                           "华中科技大学自主创新研究基金(No. 2019kfyXJJS001)；国家自然科学基金(81702662)"))
    assert [(f["funder_original"], f["award"]) for f in record["funding"]] == [
        ("国家高技术研究发展计划（863计划）", "2019AB001"),
        ("华中科技大学自主创新研究基金", "2019kfyXJJS001"),
        ("国家自然科学基金", "81702662")]


# D. Web of Science FU: the funder as written glued to Web of Science's names for it.
def test_wos_funders_unglued_with_their_ids():
    records = clean(needs_shared("corpus", "formats", "wos", "wos-demo.txt"))
    third = {f["funder_original"]: f for f in records[2]["funding"]}
    assert third["Susan G. Komen Scholar awards"]["funder"] == "Susan G. Komen Breast Cancer Foundation"
    assert (third["NIH/NIGMS"]["funder_id"], third["NIH/NIGMS"]["award"]) == (
        "10.13039/100000057", "2T32GM008424-21")
    assert (third["NIH/NCI"]["funder_id"], third["NIH/NCI"]["award"]) == ("10.13039/100000054", "5F30CA203095")
    assert not any(f["funder_original"].count("(") != f["funder_original"].count(")")
                   for r in records for f in r["funding"])
    assert funding(records[3])[0] == ("National Natural Science Foundation of China",
                                      "Natural Science Foundation of China", "81572607")


# E. Municipalities and autonomous regions are no provinces.
@pytest.mark.parametrize("written, name", [
    ("上海市自然科学基金", "Natural Science Foundation of Shanghai"),
    ("天津市自然科学基金", "Natural Science Foundation of Tianjin"),
    ("重庆市自然科学基金", "Natural Science Foundation of Chongqing"),
    ("内蒙古自然科学基金", "Natural Science Foundation of Inner Mongolia"),
    ("新疆维吾尔自治区自然科学基金", "Natural Science Foundation of Xinjiang Uygur Autonomous Region"),
    ("广西自然科学基金", "Natural Science Foundation of Guangxi Zhuang Autonomous Region"),
    ("宁夏自然科学基金", "Natural Science Foundation of Ningxia Hui Autonomous Region"),
    ("西藏自治区自然科学基金", "Natural Science Foundation of Tibet Autonomous Region"),
    ("北京市自然科学基金", "Beijing Natural Science Foundation"),
    ("湖北省自然科学基金", "Natural Science Foundation of Hubei Province"),
])
def test_regional_natural_science_foundations(tmp_path, written, name):
    (record,) = clean(page(tmp_path, "摘要：目的 探讨效果.结论 有效.", f"基金：{written}（2020CFB123）"))
    assert [(f["funder"], f["award"]) for f in record["funding"]] == [(name, "2020CFB123")]
