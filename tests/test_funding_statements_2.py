"""Funding statements, third QA pass: what follows a statement stays in the abstract, a funder
named without a number after one with a number is kept, lists of whole names are split, and UK
and Chinese document grant numbers are whole awards.  Each case is a small file cleaned by the
CLI as a user would."""
from __future__ import annotations

import pytest

from conftest import cleaned as clean
from test_funding_cases import ris
from test_funding_statements import NSFC, funding, page


def csv_funding(tmp_path, value: str):
    path = tmp_path / "refs.csv"
    path.write_text(f'Title,Authors,Year,Funding\nA study,"Smith, J",2020,"{value}"\n', encoding="utf-8")
    (record,) = clean(path)
    return [(f["funder_original"], f["award"]) for f in record["funding"]]


# 1. A sentence after the statement that is no funding stays in the abstract, whole.
@pytest.mark.parametrize("abstract, content, expected", [
    ("Conclusions: Effective. Funding: This study was funded by the Wellcome Trust (208812/Z/17/Z). "
     "Acknowledgments: We thank all participants.",
     "Conclusions: Effective. Acknowledgments: We thank all participants.", [("Wellcome Trust", "208812/Z/17/Z")]),
    ("Conclusions: Effective. Funding: Wellcome Trust (208812/Z/17/Z). Data availability: On request.",
     "Conclusions: Effective. Data availability: On request.", [("Wellcome Trust", "208812/Z/17/Z")]),
    ("Conclusions: Effective. Funding: Wellcome Trust (208812/Z/17/Z). Author contributions: JS wrote it.",
     "Conclusions: Effective. Author contributions: JS wrote it.", [("Wellcome Trust", "208812/Z/17/Z")]),
    ("Conclusions: Effective. Supported by the National Natural Science Foundation of China (81672345). "
     "This trial is registered with ClinicalTrials.gov, NCT01234567.",
     "Conclusions: Effective. This trial is registered with ClinicalTrials.gov, NCT01234567.", [(NSFC, "81672345")]),
    ("Conclusions: Effective. Funding: NIH (R01 AI123456). The trial was registered at ClinicalTrials.gov "
     "(NCT01234567). Conflicts of interest: none.",
     "Conclusions: Effective. The trial was registered at ClinicalTrials.gov (NCT01234567). Conflicts of "
     "interest: none.", [("National Institute of Allergy and Infectious Diseases", "R01 AI123456")]),
])
def test_what_follows_a_statement_stays_in_the_abstract(tmp_path, abstract, content, expected):
    (record,) = clean(ris(tmp_path, abstract))
    assert record["abstract"]["en"] == content
    assert funding(record) == expected


@pytest.mark.parametrize("after", ["本研究已在中国临床试验注册中心注册(ChiCTR1900021234)。", "致谢：感谢所有参与者。",
                                   "作者贡献：张三设计研究。"])
def test_what_follows_a_chinese_statement_stays_in_the_abstract(after):
    from indexer.fields.funding import split_funding_statement

    assert split_funding_statement(f"疗效确切。基金项目：国家自然科学基金(81672345)。{after}") == (
        f"疗效确切。{after}", "基金项目：国家自然科学基金(81672345)。")


# 2. A funder named without a grant number after one with a number is an entry too.
@pytest.mark.parametrize("value, expected", [
    ("NSFC (81672345) and Pfizer Inc", [("NSFC", "81672345"), ("Pfizer Inc", None)]),
    ("国家自然科学基金(81672345)；上海市科学技术委员会", [("国家自然科学基金", "81672345"), ("上海市科学技术委员会", None)]),
    ("国家自然科学基金(81672345)、上海市卫生健康委员会", [("国家自然科学基金", "81672345"), ("上海市卫生健康委员会", None)]),
    ("National Institute of Allergy and Infectious Diseases (R01 AI123456); NIH",
     [("National Institute of Allergy and Infectious Diseases", "R01 AI123456"), ("NIH", None)]),
    ("X Fund (BK20191138) and Six Talent Peaks Project in Jiangsu Province",
     [("X Fund", "BK20191138"), ("Six Talent Peaks Project in Jiangsu Province", None)]),
])
def test_a_funder_without_a_number_after_one_with_a_number_is_kept(tmp_path, value, expected):
    assert csv_funding(tmp_path, value) == expected


# 3. A list of whole names is split even where one name holds a comma or "and".
@pytest.mark.parametrize("value, expected", [
    ("National Heart, Lung, and Blood Institute, National Cancer Institute and Pfizer Inc",
     ["National Heart, Lung, and Blood Institute", "National Cancer Institute", "Pfizer Inc"]),
    ("Bill and Melinda Gates Foundation, Wellcome Trust", ["Bill and Melinda Gates Foundation", "Wellcome Trust"]),
    ("国家重点研发计划、国家自然科学基金和上海市科委", ["国家重点研发计划", "国家自然科学基金", "上海市科委"]),
])
def test_a_list_of_whole_names_is_one_entry_each(tmp_path, value, expected):
    assert csv_funding(tmp_path, value) == [(name, None) for name in expected]


@pytest.mark.parametrize("value", [
    "National Institute of Diabetes and Digestive and Kidney Diseases",
    "Natural Sciences and Engineering Research Council of Canada",
    "国家卫生和计划生育委员会",
    "中华人民共和国科学技术部",
])
def test_one_name_holding_and_stays_whole(tmp_path, value):
    assert csv_funding(tmp_path, value) == [(value, None)]


# 4. Grant numbers of other shapes are whole awards, and the funder keeps no part of them.
@pytest.mark.parametrize("value, expected", [
    ("Medical Research Council (MR/N012345/1)", [("Medical Research Council", "MR/N012345/1")]),
    ("贵州省科技计划项目（黔科合基础[2019]1234号）", [("贵州省科技计划项目", "黔科合基础[2019]1234号")]),
    ("European Research Council (ERC) under the European Union's Horizon 2020 research and innovation "
     "programme (grant agreement No 682345)",
     [("European Research Council (ERC) under the European Union's Horizon 2020 research and innovation "
       "programme", "682345")]),
])
def test_grant_numbers_of_other_shapes_are_whole_awards(tmp_path, value, expected):
    assert csv_funding(tmp_path, value) == expected


def test_a_document_number_in_a_page_funding_line(tmp_path):
    (record,) = clean(page(tmp_path, "基金项目:贵州省科技计划项目（黔科合基础[2019]1234号）"))
    assert [(f["funder_original"], f["award"]) for f in record["funding"]] == [("贵州省科技计划项目", "黔科合基础[2019]1234号")]
