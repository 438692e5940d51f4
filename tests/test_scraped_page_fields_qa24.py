"""A QA pass on the fields of database detail pages: a structured abstract whose headings sit
each on its own line, Magtech's ›› source line and bulleted column, CNKI's author and
affiliation lines copied without spaces, a project leader after a grant, a journal's dates on
one line, Wanfang's English keywords.  Every page text here was written for this project."""
from __future__ import annotations

import pytest

from conftest import page_record as _page, records_of


# 1. A structured abstract with each heading alone on its line, above its text.

_HEAD = "标题：老年人睡眠质量的运动干预研究\n作者：陈梅; 刘军\n刊名：中国老年学杂志\n"


@pytest.mark.parametrize("abstract, lang, labels", [
    ("摘要：\n目的\n探讨运动对睡眠的影响。\n方法\n纳入200例老年人。\n结论\n运动可改善睡眠。\n", "zh",
     ["OBJECTIVE", "METHODS", "CONCLUSION"]),
    ("摘要：\nBackground\nPoor sleep is common in older adults.\nMethods\nWe randomized 200 adults.\n"
     "Conclusions\nExercise improves sleep quality.\n", "en", ["BACKGROUND", "METHODS", "CONCLUSION"]),
    ("Abstract:\nBackground:\nPoor sleep is common in older adults.\nMethods:\nWe randomized 200 adults.\n"
     "Conclusions:\nExercise improves sleep quality.\n", "en", ["BACKGROUND", "METHODS", "CONCLUSION"]),
])
def test_headings_on_their_own_lines_split_the_abstract(tmp_path, abstract, lang, labels):
    record = _page(tmp_path, _HEAD + abstract + "关键词：睡眠; 运动\n")
    assert [s["label"] for s in record["sections"][lang]] == labels
    assert record["sections"][lang][1]["text"] in ("纳入200例老年人。", "We randomized 200 adults.")
    assert "unlabelled" not in record["extra"]


@pytest.mark.parametrize("heading, body", [
    ("Introduction", "Sleep problems are common in old age and affect about half of all older adults living at home."),
    ("Methods", "We then describe the cohort of adults aged 65 years or older in detail in the sections below."),
])
def test_a_heading_line_after_a_plain_abstract_does_not_join_it(tmp_path, heading, body):
    # a lone heading continues the abstract only when it holds sections already, and never
    # "Introduction" (the body's first heading, though an abstract's Introduction: is BACKGROUND)
    page = ("Effects of exercise on sleep quality in older adults\nJohn Smith, Mary Jones\nAbstract\n"
            f"Exercise improved sleep in 120 older adults over 12 weeks.\n{heading}\n{body}\n")
    record = _page(tmp_path, page)
    assert heading not in record["abstract"]["en"]
    assert not record.get("sections")


def test_a_page_of_a_site_not_read_stays_a_failure_with_its_headings_on_their_lines(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("Skip to main content\nSpringer Nature Link\nSearch\nLog in\nHome European Spine Journal Article\n"
                    "Surgical outcomes of spinal metastases: a cohort study\nOriginal Article\nPublished: 12 March 2022\n"
                    "Volume 31, pages 1234–1242, (2022)\nCite this article\nDownload PDF\nWei Zhang, Na Li & Jianguo Wang\n"
                    "Abstract\nPurpose\nTo evaluate surgical outcomes of spinal metastases.\nMethods\nWe reviewed 86 patients.\n"
                    "Results\nThe 30-day mortality was 5.8%.\nConclusions\nSurgery can relieve symptoms.\nKeywords\n"
                    "Spinal metastasis\nSurgery\n", encoding="utf-8")
    assert records_of(path) == []


def test_a_heading_line_in_the_other_script_does_not_join_the_abstract(tmp_path):
    record = _page(tmp_path, _HEAD + "摘要：目的 探讨运动对睡眠的影响。结论 运动可改善睡眠。\nMethods\n")
    assert record["abstract"] == {"zh": "目的 探讨运动对睡眠的影响。结论 运动可改善睡眠。"}


# 2. Magtech's source line with its parts set apart by ››, and its column set in bullets.

_MAGTECH = "张伟1, 李娜2\n1. 南京大学计算机科学与技术系，南京 210023；2. 南京大学电子科学与工程学院，南京 210023\n" \
           "摘要: 多路径QUIC协议可以提高传输效率。本文基于NS-3实现了MPQUIC仿真模块，并验证了其正确性。\n" \
           "关键词: 多路径传输, QUIC, NS-3\n"


@pytest.mark.parametrize("source, journal, doi", [
    ("航空兵器 ›› 2019, Vol. 26 ›› Issue (4): 47-53. doi: 10.12132/ISSN.1673-5048.2019.0127", "航空兵器",
     "10.12132/issn.1673-5048.2019.0127"),
    ("南京大学学报(自然科学版) ›› 2019, Vol. 26 ›› Issue (4) : 47-53. DOI: 10.13232/j.cnki.jnju.2019.04.009",
     "南京大学学报(自然科学版)", "10.13232/j.cnki.jnju.2019.04.009"),
    ("中国组织工程研究 ›› 2019, Vol. 26 ›› Issue (4): 47-53.doi: 10.12307/2019.345", "中国组织工程研究",
     "10.12307/2019.345"),
], ids=["spaced", "upper-case-doi", "doi-glued"])
def test_a_source_line_set_apart_by_chevrons_gives_the_journal_not_the_title(tmp_path, source, journal, doi):
    record = _page(tmp_path, f"{source}\n基于NS-3网络模拟器的MPQUIC协议仿真研究\n" + _MAGTECH)
    assert record["title"] == {"zh": "基于NS-3网络模拟器的MPQUIC协议仿真研究"}
    assert (record["journal"], record["year"], record["volume"], record["issue"], record["pages"], record["doi"]) == (
        {"zh": journal}, 2019, "26", "4", "47-53", doi)


def test_a_column_set_in_bullets_is_no_author_nor_title(tmp_path):
    record = _page(tmp_path, "航空兵器 ›› 2019, Vol. 26 ›› Issue (4): 47-53\n• 骨组织构建 •\n"
                             "基于NS-3网络模拟器的MPQUIC协议仿真研究\n" + _MAGTECH)
    assert record["extra"]["column"] == "• 骨组织构建 •"
    assert record["title"] == {"zh": "基于NS-3网络模拟器的MPQUIC协议仿真研究"}
    assert [a["literal"] for a in record["authors"]] == ["张伟", "李娜"]


# 3. CNKI's author and affiliation lines copied without their spaces.

_CNKI_HEAD = "中华医学杂志. 2021,101(15)北大核心 CSCD\n基于深度学习的胸部CT肺结节良恶性鉴别研究\n"
_CNKI_TAIL = "摘要：目的 探讨基于深度学习的模型在肺结节鉴别中的价值。方法 回顾性分析512例。\n关键词：深度学习;肺结节;\n"


@pytest.mark.parametrize("names", ["王建国1,2李娜1张伟2", "王建国1,2 李娜1 张伟2"], ids=["glued", "spaced"])
def test_glued_names_and_institutions_give_each_author_theirs(tmp_path, names):
    record = _page(tmp_path, _CNKI_HEAD + f"{names}\n1.北京大学第一医院放射科2.北京大学医学部\n" + _CNKI_TAIL)
    assert [(a["literal"], a.get("affiliation")) for a in record["authors"]] == [
        ("王建国", "北京大学第一医院放射科；北京大学医学部"), ("李娜", "北京大学第一医院放射科"), ("张伟", "北京大学医学部")]
    assert record["extra"]["affiliations"] == ["北京大学第一医院放射科", "北京大学医学部"]



# 4. A project's leader named after its grant is no funder.

@pytest.mark.parametrize("funding", [
    "四川省科技计划项目（2021YFS0123），项目负责人：赵敏；国家自然科学基金（81902345），项目负责人：刘洋",
    "四川省科技计划项目（2021YFS0123）（负责人：赵敏）；国家自然科学基金（81902345），主持人：刘洋、赵敏",
], ids=["after-a-comma", "bracketed-and-listed"])
def test_a_project_leader_after_a_grant_is_no_funder(tmp_path, funding):
    record = _page(tmp_path, "标题：多路径QUIC协议仿真研究\n作者：张伟; 李娜\n摘要：多路径QUIC协议可以提高传输效率。\n"
                             f"基金资助: {funding}\n")
    assert [(f["funder_original"], f["award"]) for f in record["funding"]] == [
        ("四川省科技计划项目", "2021YFS0123"), ("国家自然科学基金", "81902345")]


# 5. A journal's dates on one line, a space between them.

def test_dates_on_one_line_are_split_at_their_labels(tmp_path):
    record = _page(tmp_path, "标题：多路径QUIC协议仿真研究\n作者：张伟; 李娜\n摘要：多路径QUIC协议可以提高传输效率。\n"
                             "收稿日期:2021-05-10 修回日期:2021-06-15 接受日期:2021-07-20 出版日期:2022-04-28 "
                             "发布日期:2021-12-20\n")
    extra = record["extra"]
    assert (extra["received"], extra["revised"], extra["accepted"], extra["online_date"]) == (
        ["2021-05-10"], ["2021-06-15"], ["2021-07-20"], ["2021-12-20"])
    assert record["year"] == 2022


# 6. Wanfang's English keywords set apart by a wide space alone.

def test_english_keywords_set_apart_by_two_spaces_are_split(tmp_path):
    record = _page(tmp_path, "刊名：\n中华骨科杂志\n期刊论文\n老年髋部骨折术后谵妄的危险因素分析\n摘要：\n目的 探讨危险因素。结论 应重视。\n"
                             "关键词：\n髋部骨折  谵妄\nKeywords：\nHip fractures  Delirium  Risk factors  Aged\n")
    assert record["keywords"] == {"zh": ["髋部骨折", "谵妄"], "en": ["Hip fractures", "Delirium", "Risk factors", "Aged"]}
