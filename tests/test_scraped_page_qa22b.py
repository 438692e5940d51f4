"""QA pass 22, second part, on pages copied from CNKI: the numbered affiliation line under the
author line with no label (taken for a second title), and the English abstract given under the
same 摘要 as the Chinese one (kept as an unlabelled line).  Every page text here was written
for this project."""
from __future__ import annotations

import pytest

from conftest import page_record as _page


_TITLE = "基于深度学习的城市热岛效应遥感反演研究\n"
_AUTHORS = "张三1,2 李四2 王五1,3\n"
_ABSTRACT = "摘要：城市热岛效应是城市化进程中的重要环境问题。\n"
_MAPPED = [
    {"literal": "张三", "lang": "zh", "affiliation": "北京师范大学地理科学学部；中国科学院空天信息创新研究院"},
    {"literal": "李四", "lang": "zh", "affiliation": "中国科学院空天信息创新研究院"},
    {"literal": "王五", "lang": "zh", "affiliation": "北京师范大学地理科学学部；清华大学地球系统科学系"},
]


# 1. The numbered affiliation line with no label.

@pytest.mark.parametrize("affiliations", [
    "1.北京师范大学地理科学学部 2.中国科学院空天信息创新研究院 3.清华大学地球系统科学系",   # CNKI's, on one line
    "1北京师范大学地理科学学部 2中国科学院空天信息创新研究院 3清华大学地球系统科学系",
    "(1)北京师范大学地理科学学部；(2)中国科学院空天信息创新研究院；(3)清华大学地球系统科学系",
    "1.北京师范大学地理科学学部\n2.中国科学院空天信息创新研究院\n3.清华大学地球系统科学系",  # one a line
])
def test_numbered_affiliation_line_without_label_is_mapped_to_the_authors(tmp_path, affiliations):
    record = _page(tmp_path, _TITLE + _AUTHORS + affiliations + "\n" + _ABSTRACT)
    assert record["authors"] == _MAPPED
    assert "other_titles" not in record["extra"] and "unlabelled" not in record["extra"]
    # (read as one line, the record's list gives each of its institutions once, without its number)
    assert record["extra"]["affiliations"] == ["北京师范大学地理科学学部", "中国科学院空天信息创新研究院", "清华大学地球系统科学系"]


def test_circled_numbers_number_an_affiliation_line(tmp_path):
    record = _page(tmp_path, "城市热岛效应研究\n张三 李四\n①北京大学 ②清华大学\n" + _ABSTRACT)
    assert record["extra"]["affiliations"] == ["①北京大学 ②清华大学"]
    assert "other_titles" not in record["extra"]


def test_saved_cnki_html_page_maps_its_affiliation_line(tmp_path):
    html = ("<!DOCTYPE html><html><body><h1>基于深度学习的城市热岛效应遥感反演研究</h1>"
            "<div><a>张三<sup>1,2</sup></a> <a>李四<sup>2</sup></a></div>"
            "<div>1.北京理工大学材料学院 2.北京化工大学化学学院</div>"
            "<p>摘要：城市热岛效应是城市化进程中的重要环境问题。</p></body></html>")
    record = _page(tmp_path, html, "page.html")
    assert [a.get("affiliation") for a in record["authors"]] == [
        "北京理工大学材料学院；北京化工大学化学学院", "北京化工大学化学学院"]


def test_bilingual_page_maps_its_affiliation_line_under_two_titles(tmp_path):
    record = _page(tmp_path, "城市热岛效应研究\nResearch on urban heat island effect\n张三1 李四2\n"
                             "1.北京大学 2.清华大学\n" + _ABSTRACT)
    assert [a.get("affiliation") for a in record["authors"]] == ["北京大学", "清华大学"]
    assert record["title"] == {"zh": "城市热岛效应研究", "en": "Research on urban heat island effect"}


@pytest.mark.parametrize("line", [
    "1.研究背景 2.研究方法",                       # numbered, but no institutions
    "2.北京大学 3.清华大学",                       # not numbered from 1
])
def test_numbered_line_of_no_affiliations_stays_where_it_went(tmp_path, line):
    record = _page(tmp_path, "城市热岛效应研究\n张三1 李四2\n" + line + "\n" + _ABSTRACT)
    assert record["extra"]["other_titles"] == [line]
    assert "affiliations" not in record["extra"]


def test_numbered_institutions_away_from_the_author_line_are_not_taken(tmp_path):
    record = _page(tmp_path, "城市热岛效应研究\n张三1 李四2\n" + _ABSTRACT + "1.北京大学 2.清华大学\n")
    assert "affiliations" not in record["extra"]


# 2. The English abstract under the same 摘要.

_EN = "Urban heat island is an important environmental problem. We built a model."


@pytest.mark.parametrize("text", [
    "城市热岛效应研究\n作者：张三\n摘要：城市热岛效应是重要的环境问题。本文构建了模型。\n" + _EN + "\n关键词：城市热岛；遥感\n",
    # the label alone on its line, the English with the space after its full stop missing
    "城市热岛效应研究\n作者：张三\n摘要：\n城市热岛效应是重要的环境问题。本文构建了模型。\n"
    + _EN.replace(". We", ".We") + "\n关键词：\n城市热岛;\n",
])
def test_english_paragraph_after_the_chinese_abstract_is_the_english_abstract(tmp_path, text):
    record = _page(tmp_path, text)
    assert record["abstract"] == {"zh": "城市热岛效应是重要的环境问题。本文构建了模型。", "en": _EN}
    assert "unlabelled" not in record["extra"] and record["issues"] == []


def test_english_abstract_over_two_paragraphs_is_read_whole(tmp_path):
    record = _page(tmp_path, "城市热岛效应研究\n作者：张三\n摘要：城市热岛效应是重要的环境问题。\n"
                             "Urban heat island is an important environmental problem in all cities.\n"
                             "We built a model and the results are good for the city of Beijing.\n")
    assert record["abstract"]["en"] == ("Urban heat island is an important environmental problem in all cities. "
                                        "We built a model and the results are good for the city of Beijing.")


def test_a_labelled_english_abstract_leaves_the_unlabelled_paragraph_alone(tmp_path):
    labelled = "Urban heat island is a big environmental problem in cities. We built a model of it."
    record = _page(tmp_path, "城市热岛效应研究\n作者：张三\n摘要：城市热岛效应是重要的环境问题。\n"
                             + _EN + "\nAbstract: " + labelled + "\n")
    assert record["abstract"]["en"] == labelled
    assert record["extra"]["unlabelled"] == [_EN]
    assert "other_abstracts" not in record["extra"]


@pytest.mark.parametrize("line", [
    "Research on the urban heat island effect in Beijing based on deep learning models",   # a title
    "Zhang San, Li Si, Wang Wu, Zhao Liu, Sun Qi, Zhou Ba, Wu Jiu, Zheng Shi.",           # names
    "Zhang S, Li S. Urban heat island study. Acta Geographica Sinica, 2021, 76(5): 56-68.",  # a citation
    "This work was supported by the National Natural Science Foundation of China (42071342).",  # funding
    "urban heat island; deep learning; remote sensing; land surface temperature.",       # keywords
    "We built a model.",                                                                  # too short
    # an address and a publisher's notice, one sentence each (the review found both taken)
    "School of Geography, Beijing Normal University, Beijing 100875, China; Chinese Academy of Sciences.",
    "Copyright (c) 2021 by the authors; licensee MDPI, Basel, Switzerland. All rights reserved.",
])
def test_english_lines_that_are_no_abstract_stay_unlabelled(tmp_path, line):
    record = _page(tmp_path, "城市热岛效应研究\n作者：张三\n摘要：城市热岛效应是重要的环境问题。\n" + line + "\n")
    assert "en" not in record["abstract"]
    assert record["extra"]["unlabelled"] == [line]
