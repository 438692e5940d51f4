"""A CNKI / Wanfang / VIP detail page copied from the browser gives the authors' institution on
the line under the author line with no label ("北京大学第三医院骨科" under "王建国 李晓明 张伟"):
it is their affiliation, not a second title.  A real second title there (the English title of a
Chinese paper, a subtitle, a title naming a hospital) stays a title.  Every page text here was
written for this project."""
from __future__ import annotations

import pytest

from conftest import page_record as _page


_NAV = "首页 > 期刊 > 中华骨科杂志\n"
_TITLE_ZH = "经皮椎体后凸成形术治疗骨质疏松性椎体压缩骨折的疗效分析\n"
_TITLE_EN = "Efficacy of percutaneous kyphoplasty for osteoporotic vertebral compression fractures\n"
_AUTHORS_ZH = "王建国 李晓明 张伟\n"
_AUTHORS_EN = "WANG Jianguo LI Xiaoming ZHANG Wei\n"
_ABSTRACT_ZH = ("摘要：目的 探讨经皮椎体后凸成形术治疗骨质疏松性椎体压缩骨折的疗效。方法 回顾性分析62例患者的临床资料。"
                "结果 术后疼痛明显缓解。结论 该术式安全有效。...展开更多\n"
                "关键词：骨质疏松；椎体压缩骨折；经皮椎体后凸成形术\n"
                "基金：国家自然科学基金(81672345)\n")
_ABSTRACT_EN = ("Abstract：Objective To explore the efficacy of percutaneous kyphoplasty for osteoporotic vertebral "
                "compression fractures. Methods The records of 62 patients were reviewed.\n"
                "Keywords：osteoporosis; vertebral compression fracture; kyphoplasty\n")
_CNKI_SOURCE = "中华骨科杂志. 2020,40(03)\n"
_DEPARTMENT = "Department of Orthopaedics, Peking University Third Hospital, Beijing 100191, China"


def _affiliations(record: dict) -> list:
    return [author.get("affiliation") for author in record["authors"]]


# 1. The institution's line under the author line.

@pytest.mark.parametrize("institution", [
    "北京大学第三医院骨科",
    "北京大学第三医院骨科，北京 100191",
    "苏州大学附属第一医院骨科，江苏苏州 215006",
    "中国科学院地理科学与资源研究所",
    "湖南省妇幼保健院影像科",
])
def test_cnki_page_institution_under_the_authors_is_their_affiliation(tmp_path, institution):
    record = _page(tmp_path, _NAV + _TITLE_ZH + _AUTHORS_ZH + institution + "\n" + _ABSTRACT_ZH + _CNKI_SOURCE)
    assert _affiliations(record) == [institution] * 3
    assert record["extra"]["affiliations"] == [institution]
    assert "other_titles" not in record["extra"] and "unlabelled" not in record["extra"]
    assert record["title"] == {"zh": _TITLE_ZH.strip()}
    assert record["journal"] == {"zh": "中华骨科杂志"} and record["year"] == 2020


def test_english_page_department_under_the_authors_is_their_affiliation(tmp_path):
    record = _page(tmp_path, _TITLE_EN + _AUTHORS_EN + _DEPARTMENT + "\n" + _ABSTRACT_EN)
    assert _affiliations(record) == [_DEPARTMENT] * 3
    assert record["title"] == {"en": _TITLE_EN.strip()}
    assert "other_titles" not in record["extra"]


def test_bilingual_titles_then_authors_then_institution(tmp_path):
    # with both titles read, the line had been kept unlabelled
    record = _page(tmp_path, _TITLE_ZH + _TITLE_EN + _AUTHORS_ZH + "北京大学第三医院骨科，北京 100191\n" + _ABSTRACT_ZH)
    assert _affiliations(record) == ["北京大学第三医院骨科，北京 100191"] * 3
    assert record["title"] == {"zh": _TITLE_ZH.strip(), "en": _TITLE_EN.strip()}
    assert "unlabelled" not in record["extra"]


def test_labelled_author_line_then_bare_institution(tmp_path):
    # VIP's page copied: 作者：… then the institution with its label lost
    record = _page(tmp_path, _TITLE_ZH + "作者：王建国 李晓明 张伟\n北京大学第三医院骨科\n" + _ABSTRACT_ZH)
    assert _affiliations(record) == ["北京大学第三医院骨科"] * 3
    assert "other_titles" not in record["extra"]


def test_several_institutions_on_one_line(tmp_path):
    record = _page(tmp_path, _TITLE_ZH + _AUTHORS_ZH + "北京大学第三医院骨科 清华大学医学院\n" + _ABSTRACT_ZH)
    assert record["extra"]["affiliations"] == ["北京大学第三医院骨科 清华大学医学院"]
    assert "other_titles" not in record["extra"]


def test_several_institutions_one_a_line_are_all_taken(tmp_path):
    record = _page(tmp_path, _TITLE_ZH + _AUTHORS_ZH + "北京大学第三医院骨科\n清华大学医学院\n" + _ABSTRACT_ZH)
    assert record["extra"]["affiliations"] == ["北京大学第三医院骨科；清华大学医学院"]
    assert "other_titles" not in record["extra"] and "unlabelled" not in record["extra"]


def test_numbered_english_institutions_one_a_line_are_all_taken(tmp_path):
    record = _page(tmp_path, _TITLE_EN + "WANG Jianguo, LI Xiaoming, ZHANG Wei\n"
                             "1. " + _DEPARTMENT + "\n"
                             "2. School of Basic Medical Sciences, Peking University, Beijing 100191, China\n"
                             + _ABSTRACT_EN)
    assert record["extra"]["affiliations"] == [
        "1. " + _DEPARTMENT + "; 2. School of Basic Medical Sciences, Peking University, Beijing 100191, China"]
    assert record["title"] == {"en": _TITLE_EN.strip()}
    assert "other_titles" not in record["extra"] and "unlabelled" not in record["extra"]


def test_chinese_then_english_institution_is_no_english_title(tmp_path):
    record = _page(tmp_path, _TITLE_ZH + _AUTHORS_ZH + "北京大学第三医院骨科，北京 100191\n" + _DEPARTMENT + "\n"
                   + _ABSTRACT_ZH)
    assert record["extra"]["affiliations"] == ["北京大学第三医院骨科，北京 100191", _DEPARTMENT]
    assert record["title"] == {"zh": _TITLE_ZH.strip()}


# 2. A real second title, or an institution elsewhere, stays as it was read.

@pytest.mark.parametrize("second, lang", [
    ("Hospital-acquired infection after percutaneous kyphoplasty, a retrospective study", "en"),
    ("University students' bone mineral density in Beijing, China", "en"),
    ("Role of the Hospital Pharmacist in Perioperative Care, Beijing, China", "en"),
    ("——以北京大学第三医院骨科为例", "zh"),
    ("基于物联网的智慧医院建设", "zh"),
    ("大学生骨质疏松认知现状调查", "zh"),
    ("骨科临床路径区域布局", "zh"),
    ("中美关系", "zh"),
])
def test_second_title_after_the_authors_stays_a_title(tmp_path, second, lang):
    record = _page(tmp_path, _TITLE_ZH + _AUTHORS_ZH + second + "\n" + _ABSTRACT_ZH)
    if lang == "en":
        assert record["title"] == {"zh": _TITLE_ZH.strip(), "en": second}
    else:
        assert record["extra"]["other_titles"] == [second]
    assert "affiliations" not in record["extra"]
    assert all("affiliation" not in author for author in record["authors"])


def test_institution_away_from_the_author_line_is_not_taken(tmp_path):
    record = _page(tmp_path, _TITLE_ZH + _AUTHORS_ZH + _ABSTRACT_ZH + "北京大学第三医院骨科\n")
    assert "affiliations" not in record["extra"]


def test_labelled_affiliation_is_not_added_to(tmp_path):
    record = _page(tmp_path, _TITLE_ZH + "作者：王建国 李晓明；北京大学第三医院骨科\n清华大学医学院\n" + _ABSTRACT_ZH)
    assert record["extra"]["affiliations"] == ["北京大学第三医院骨科"]


@pytest.mark.parametrize("title_zh", ["智慧医院", "互联网医院", "世界一流大学"])
def test_a_title_in_the_other_language_under_the_authors_stays_a_title(tmp_path, title_zh):
    # an English-first page: its Chinese title under the authors ends on 医院 or 大学 as an
    # institution does, but a page with one title gives its other language's title there
    record = _page(tmp_path, f"Smart hospital\nZHANG Wei, LI Ming\n{title_zh}\n"
                             f"摘要：目的 探讨{title_zh}的建设。\n关键词：{title_zh}；信息化\n")
    assert record["title"] == {"en": "Smart hospital", "zh": title_zh}
    assert _affiliations(record) == [None, None]
