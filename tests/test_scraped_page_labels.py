"""Labels of detail pages the scraped-page reader took for others or let go: a 出处 value not in
VIP's 《刊名》 form, 作者简介 read as more authors, English labels glued into the English abstract,
卷期 and 期号 values that give a year or a volume, SinoMed's 流水号, 主题词, 特征词, the
corresponding author, a journal's dates and editor (收稿日期, 本文编辑) and the sites' footers.
Every page text here was written for this project."""
from __future__ import annotations

import pytest

from conftest import page_record as _page


# 1. A 出处 value as other sites write it: the journal's name without 《》.

@pytest.mark.parametrize("citation", ["中华骨科杂志, 2021, 41(3): 150-157",    # GB/T 7714
                                      "中华骨科杂志 2021;41(3):150-157",        # Vancouver (SinoMed)
                                      "中华骨科杂志 2021年41卷3期 150-157页"])  # written out
def test_citation_without_brackets_gives_its_journal_and_numbers(tmp_path, citation):
    record = _page(tmp_path, f"标题：脊柱转移瘤手术治疗的预后因素分析\n出处：{citation}\n摘要：目的 探讨脊柱转移瘤患者。\n")
    assert record["journal"] == {"zh": "中华骨科杂志"}
    assert (record["year"], record["volume"], record["issue"], record["pages"]) == (2021, "41", "3", "150-157")
    assert not record["issues"]


def test_citation_read_in_no_form_is_kept_as_written(tmp_path):
    record = _page(tmp_path, "标题：脊柱转移瘤手术治疗的预后因素分析\n出处：中华骨科杂志 2021 Mar 15\n摘要：目的 探讨。\n")
    assert record["extra"]["citation"] == ["中华骨科杂志 2021 Mar 15"]
    assert "line 2: citation not read: kept in extra.citation" in record["issues"]


def test_vip_citation_line_without_journal_is_read_as_before(tmp_path):
    record = _page(tmp_path, "某研究\n摘要：目的 探讨。\n关键词：a\n出处：2018年 第40卷 第3期 88-96页\n")
    assert (record["year"], record["volume"], record["issue"], record["pages"]) == (2018, "40", "3", "88-96")
    assert "citation" not in record["extra"] and not record["issues"]


# 2. A note on the authors is no more authors, and a label is not the start of a longer word.

@pytest.mark.parametrize("label", ["作者简介", "第一作者简介", "通讯作者简介", "作者介绍"])
def test_author_bio_is_kept_apart_from_the_authors(tmp_path, label):
    record = _page(tmp_path, "首页 > 期刊 > 文章详情\n脊柱转移瘤手术治疗的预后因素分析\n作者：王建国；李明\n"
                             f"{label}：王建国（1980—），男，主任医师，研究方向为脊柱外科\n"
                             "摘要：目的 探讨脊柱转移瘤患者手术治疗后生存的预后因素。\n关键词：脊柱转移瘤；预后\n")
    assert [a["literal"] for a in record["authors"]] == ["王建国", "李明"]
    assert record["extra"]["author_bio"] == ["王建国（1980—），男，主任医师，研究方向为脊柱外科"]


def test_label_glued_to_a_longer_label_word_is_not_that_label(tmp_path):
    record = _page(tmp_path, "脊柱转移瘤手术治疗的预后因素分析\n作者：王建国；李明\n摘要：目的 探讨预后因素。\n"
                             "关键词：预后\n作者贡献：王建国设计研究，李明收集数据\n")
    assert [a["literal"] for a in record["authors"]] == ["王建国", "李明"]
    assert record["extra"]["unlabelled"] == ["作者贡献：王建国设计研究，李明收集数据"]


# 3. A Chinese journal's codes in English end the English abstract, as its labels do.

_EN_PAGE = ("Prognostic Analysis of Spinal Metastases\nAuthor: WANG Jianguo; LI Ming\n"
            "Abstract: Objective To analyse the prognosis of surgery for spinal metastases.\n")


@pytest.mark.parametrize("label", ["CLC Number", "CLC", "Chinese Library Classification"])
def test_english_classification_label_gives_the_classification(tmp_path, label):
    record = _page(tmp_path, _EN_PAGE + f"{label}: R738.1\nKeywords: spinal metastases; prognosis\n")
    assert record["abstract"] == {"en": "Objective To analyse the prognosis of surgery for spinal metastases."}
    assert record["extra"]["classification"] == ["R738.1"]


def test_article_id_and_document_code_are_kept_in_english_and_chinese(tmp_path):
    record = _page(tmp_path, _EN_PAGE + "Article ID: 0253-2352(2021)03-0150-08\nDocument code: A\n")
    assert record["abstract"] == {"en": "Objective To analyse the prognosis of surgery for spinal metastases."}
    assert (record["extra"]["article_id"], record["extra"]["document_code"]) == (["0253-2352(2021)03-0150-08"], ["A"])
    record = _page(tmp_path, "某研究\n摘要：目的 探讨。\n文献标识码: A    文章编号: 0376-2491(2022)08-0560-07\n")
    assert (record["extra"]["article_id"], record["extra"]["document_code"]) == (["0376-2491(2022)08-0560-07"], ["A"])
    assert not record["issues"]


def test_line_opening_with_a_label_in_another_case_ends_the_abstract(tmp_path):
    record = _page(tmp_path, _EN_PAGE + "CHINESE LIBRARY CLASSIFICATION: R738.1\n")
    assert record["abstract"] == {"en": "Objective To analyse the prognosis of surgery for spinal metastases."}
    assert record["extra"]["unlabelled"] == ["CHINESE LIBRARY CLASSIFICATION: R738.1"]


# 4. 卷期 and 期号 values that give the year, the volume and the issue.

def test_issue_written_with_its_year(tmp_path):
    record = _page(tmp_path, "基层医疗卫生服务体系建设的政策演变与展望\n作者：刘伟 王芳\n刊名：中国行政管理\n"
                             "期号：2021年第3期\n页码：45-52\n摘要：本文梳理了基层医疗卫生服务体系建设的政策演变。\n")
    assert (record["year"], record["volume"], record["issue"], record["pages"]) == (2021, None, "3", "45-52")


@pytest.mark.parametrize("value", ["第40卷 第6期", "40(6)"])
def test_volume_and_issue_on_one_line(tmp_path, value):
    record = _page(tmp_path, "针刺联合中药治疗失眠症的随机对照研究\n作者：赵敏 孙涛\n期刊：中国中西医结合杂志\n年份：2020\n"
                             f"卷期：{value}\n摘要：目的 评价针刺联合中药治疗失眠症的临床疗效。\n")
    assert (record["year"], record["volume"], record["issue"]) == (2020, "40", "6")
    assert "other_titles" not in record["extra"] and not record["issues"]


def test_volume_and_issue_read_in_no_form_are_kept(tmp_path):
    record = _page(tmp_path, "针刺联合中药治疗失眠症的随机对照研究\n摘要：目的 评价疗效。\n卷期：增刊一\n")
    assert record["extra"]["volume_issue"] == ["增刊一"]
    assert "line 3: volume and issue not read: kept in extra.volume_issue" in record["issues"]


def test_issue_with_a_running_number_stays_as_written(tmp_path):
    record = _page(tmp_path, "某研究\n摘要：研究。\n卷号：17\n期号：3(58)\n")
    assert (record["volume"], record["issue"]) == ("17", "3(58)")


# 5. The corresponding author, and SinoMed's record number and indexing.

@pytest.mark.parametrize("line, kept", [("通讯作者：李明，Email：liming@bjmu.edu.cn", "李明，Email：liming@bjmu.edu.cn"),
                                        ("通信作者: 周丽, Email: zhouli@cmu.edu.cn", "周丽, Email: zhouli@cmu.edu.cn"),
                                        ("Corresponding author: LI Ming", "LI Ming")])
def test_corresponding_author_is_kept_apart(tmp_path, line, kept):
    record = _page(tmp_path, f"脊柱转移瘤手术治疗的预后因素分析\n作者：王建国；李明\n{line}\n"
                             "摘要：目的 探讨脊柱转移瘤患者手术治疗后生存的预后因素。\n")
    assert record["title"] == {"zh": "脊柱转移瘤手术治疗的预后因素分析"}
    assert [a["literal"] for a in record["authors"]] == ["王建国", "李明"]
    assert record["extra"]["corresponding"] == [kept] and "other_titles" not in record["extra"]


def test_sinomed_record_number_subject_headings_and_check_tags(tmp_path):
    record = _page(tmp_path, "流水号：2021235467\n标题：脊柱转移瘤手术治疗的预后因素分析\n作者：王建国; 李明\n"
                             "出处：中华骨科杂志 2021;41(3):150-157\n关键词：脊柱转移瘤; 预后\n"
                             "摘要：目的 探讨脊柱转移瘤患者手术治疗后生存的预后因素。\n"
                             "主题词：脊柱肿瘤/继发性; 脊柱肿瘤/外科学; 预后\n特征词：人类; 男(雄)性; 女(雌)性\n")
    assert record["title"] == {"zh": "脊柱转移瘤手术治疗的预后因素分析"}
    assert record["extra"]["accession_number"] == ["2021235467"]
    assert record["keywords"] == {"zh": ["脊柱转移瘤", "预后", "脊柱肿瘤/继发性", "脊柱肿瘤/外科学"]}
    assert record["extra"]["check_tags"] == ["人类; 男(雄)性; 女(雌)性"]
    assert "unlabelled" not in record["extra"] and not record["issues"]


# A journal's dates and the paper's editor at the journal; the sites' footers.

_DATED = ("脊柱转移瘤的外科治疗进展\n作者：王建国 李明\n刊名：中华骨科杂志\n年：2021\n期：5\n{dates}"
          "摘要：目的 探讨脊柱转移瘤的外科治疗。方法 回顾分析。结论 手术有效。\n关键词：脊柱转移瘤；外科治疗\n{footer}")


@pytest.mark.parametrize("dates", ["收稿日期：2021-03-05\n修回日期：2021-04-10\n本文编辑：张三\n",
                                   "收稿日期：2021-03-05；修回日期：2021-04-10\n本文编辑：张三\n"])
def test_received_and_revised_dates_and_the_papers_editor_are_kept_apart(tmp_path, dates):
    record = _page(tmp_path, _DATED.format(dates=dates, footer=""))
    assert {k: record["extra"].get(k) for k in ("received", "revised", "copy_editor")} == {
        "received": ["2021-03-05"], "revised": ["2021-04-10"], "copy_editor": ["张三"]}
    assert record["issue"] == "5" and "editor" not in record["extra"]   # (a book's editor, to the exports)
    assert "unlabelled" not in record["extra"] and "other_titles" not in record["extra"] and not record["issues"]


@pytest.mark.parametrize("footer", ["©2024 重庆维普资讯有限公司 渝B2-20050021", "京ICP证040431号",
                                    "Copyright © 北京万方数据股份有限公司",
                                    "版权所有©中国知网 京ICP证040431号 网络出版服务许可证 (总)网出证(京)字第271号"])
def test_a_sites_footer_is_chrome(tmp_path, footer):
    record = _page(tmp_path, _DATED.format(dates="", footer=footer + "\n"))
    assert "unlabelled" not in record["extra"] and "copyright" not in record["extra"] and not record["issues"]
    assert {"step": "drop_page_chrome", "field": "page", "before": footer, "after": ""} in record["repairs"]
    # under a list of other papers, it ends the list
    record = _page(tmp_path, _DATED.format(dates="", footer=f"参考文献\n[1] 李明. 脊柱肿瘤[J]. 中华外科杂志, 2019, 57(1): 1-5.\n"
                                                            f"{footer}\n"))
    assert record["extra"]["references"] == ["[1] 李明. 脊柱肿瘤[J]. 中华外科杂志, 2019, 57(1): 1-5."]
