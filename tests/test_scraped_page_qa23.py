"""QA pass 23 on pages copied from Wanfang, VIP, CNKI (its thesis, conference and English
pages) and Baidu Xueshu: a page pasted twice, a site's breadcrumb or header taken for the
title, thesis and conference labels not read, CNKI's English citation line and institutions,
Baidu's source line.  Every page text here was written for this project."""
from __future__ import annotations

from conftest import records_of, page_record as _page


_WANFANG = """首页 > 期刊 > 中国矫形外科杂志
经皮椎体后凸成形术联合放疗治疗脊柱转移瘤的疗效
Efficacy of percutaneous kyphoplasty combined with radiotherapy for spinal metastases
摘要：目的 探讨经皮椎体后凸成形术联合放疗治疗脊柱转移瘤的疗效。方法 将86例患者随机分为两组。
关键词：脊柱转移瘤 经皮椎体后凸成形术 放疗
作者：王建国 李晓明 张华
Author：WANG Jianguo LI Xiaoming ZHANG Hua
作者单位：苏州大学附属第一医院骨科，江苏苏州 215006
刊名：中国矫形外科杂志
年，卷(期)：2021, 29(6)
"""


# 1. A page pasted twice into one file.

def test_wanfang_page_pasted_twice_gives_its_authors_once(tmp_path):
    once = _page(tmp_path, _WANFANG, "once.txt")
    for twice in (_WANFANG + _WANFANG, _WANFANG + "\n" + _WANFANG):
        record = _page(tmp_path, twice, "twice.txt")
        assert record["authors"] == once["authors"]
        assert [a["literal"] for a in record["authors"]] == ["王建国", "李晓明", "张华"]
        assert record["authors"][0]["alt"] == {"family": "WANG", "given": "Jianguo", "lang": "en"}
        assert record["authors"][0]["affiliation"] == "苏州大学附属第一医院骨科，江苏苏州 215006"
        assert "line 16: the same authors line again, read once" in record["issues"] or \
            "line 17: the same authors line again, read once" in record["issues"]


def test_two_different_author_lines_are_both_read(tmp_path):
    record = _page(tmp_path, "某研究\n作者：王建国\n摘要：研究。\n作者：李晓明\n")
    assert [a["literal"] for a in record["authors"]] == ["王建国", "李晓明"]


# 2. VIP's breadcrumb.

def test_vip_breadcrumb_is_not_the_title(tmp_path):
    record = _page(tmp_path, "维普期刊 > 中国矫形外科杂志 > 2021年第6期\n"
                             "经皮椎体后凸成形术联合放疗治疗脊柱转移瘤的疗效\n"
                             "Efficacy of Percutaneous Kyphoplasty Combined with Radiotherapy for Spinal Metastases\n"
                             "作者 王建国 李晓明 张华\n"
                             "摘要 目的 探讨经皮椎体后凸成形术联合放疗治疗脊柱转移瘤的疗效。\n")
    assert record["title"] == {
        "zh": "经皮椎体后凸成形术联合放疗治疗脊柱转移瘤的疗效",
        "en": "Efficacy of Percutaneous Kyphoplasty Combined with Radiotherapy for Spinal Metastases"}


# 3. A CNKI thesis page.

def test_cnki_thesis_degree_level_and_major(tmp_path):
    record = _page(tmp_path, "首页 > 博硕 > 博士论文\n基于深度学习的脊柱转移瘤MRI自动分割研究\n陈明\n"
                             "摘要：脊柱转移瘤是常见的骨转移性肿瘤。\n导师：王建国\n学位授予单位：苏州大学\n"
                             "学位级别：博士\n学位年度：2022\n专业：外科学\n")
    assert record["type"] == "thesis"
    assert record["extra"]["degree"] == ["博士"]
    assert record["extra"]["major"] == ["外科学"]
    assert "unlabelled" not in record["extra"]


def test_a_title_starting_with_zhuanye_is_no_label(tmp_path):
    record = _page(tmp_path, "某研究\n作者：张三\n摘要：研究。\n专业技术人员的职业倦怠\n")
    assert "major" not in record["extra"]


# 4. A CNKI conference page.

def test_cnki_conference_page(tmp_path):
    record = _page(tmp_path, "首页 > 会议 > 国内会议\n脊柱转移瘤微创治疗的进展\n王建国 李晓明\n"
                             "摘要：本文综述了近年来脊柱转移瘤微创治疗的进展。\n关键词：脊柱转移瘤;微创;综述;\n"
                             "会议名称：第十五届全国骨科学术大会\n会议时间：2019-11-14\n会议地点：中国江苏苏州\n"
                             "主办单位：中华医学会骨科学分会\n会议录名称：第十五届全国骨科学术大会论文汇编\n页码：112-113\n")
    assert record["type"] == "paper-conference"
    assert record["year"] == 2019
    assert record["journal"] == {"zh": "第十五届全国骨科学术大会论文汇编"}
    assert record["extra"]["event"] == ["第十五届全国骨科学术大会"]
    assert record["extra"]["event-place"] == ["中国江苏苏州"]
    assert record["extra"]["sponsor"] == ["中华医学会骨科学分会"]
    assert "unlabelled" not in record["extra"]


# 5. CNKI's English site.

def test_cnki_english_citation_line_and_institution(tmp_path):
    record = _page(tmp_path, "Home > Journal > Article\n"
                             "Efficacy of Percutaneous Kyphoplasty Combined with Radiotherapy for Spinal Metastases\n"
                             "Author: WANG Jianguo; LI Xiaoming\n"
                             "Institution: Department of Orthopedics, the First Affiliated Hospital of Soochow University\n"
                             "Abstract: Objective To evaluate the efficacy of PKP. Methods 86 patients were enrolled.\n"
                             "Journal: Orthopedic Journal of China\n"
                             "Year: 2021 , Issue: 06 , Page: 512-516\n")
    assert (record["year"], record["issue"], record["pages"]) == (2021, "6", "512-516")
    assert [a.get("affiliation") for a in record["authors"]] == [
        "Department of Orthopedics, the First Affiliated Hospital of Soochow University"] * 2
    assert "other_titles" not in record["extra"] and "unlabelled" not in record["extra"]


def test_english_year_line_with_more_than_a_year_is_kept_whole(tmp_path):
    record = _page(tmp_path, "Impact of climate change on runoff\nAuthors: Li Xiaohong, Wang Jun\n"
                             "Abstract: Climate change has altered the hydrological cycle.\n"
                             "Journal: Journal of Hydrology\nYear: 2019, Vol. 578, 124025\n")
    assert record["extra"]["unlabelled"] == ["Year: 2019, Vol. 578, 124025"]


def test_old_layout_author_list_with_an_institution(tmp_path):
    record = _page(tmp_path, "Efficacy of Percutaneous Kyphoplasty Combined with Radiotherapy\n"
                             "【Author】 WANG Jianguo;LI Xiaoming;ZHANG Hua;Department of Orthopedics,"
                             "the First Affiliated Hospital of Soochow University;\n"
                             "【Abstract】 Objective: To evaluate the efficacy. Methods: 86 patients were enrolled.\n"
                             "【CateGory Index】 R738.1\n")
    assert [a["family"] for a in record["authors"]] == ["WANG", "LI", "ZHANG"]
    assert record["extra"]["affiliations"] == [
        "Department of Orthopedics,the First Affiliated Hospital of Soochow University"]
    assert record["extra"]["classification"] == ["R738.1"]


def test_group_author_in_a_list_stays_an_author(tmp_path):
    record = _page(tmp_path, "Intensive blood pressure control\nAuthor: Smith J; Lee K; SPRINT Investigators\n"
                             "Abstract: We compared two targets. The intensive one lowered events.\n")
    assert len(record["authors"]) == 3


# 6. Baidu Xueshu.

def test_baidu_xueshu_header_buttons_and_source_line(tmp_path):
    record = _page(tmp_path, "百度学术\n脊柱转移瘤经皮椎体后凸成形术的疗效分析\n作者：王建国，李晓明，张华\n"
                             "摘要：目的 探讨经皮椎体后凸成形术治疗脊柱转移瘤的临床疗效。\n"
                             "出版源：《中国矫形外科杂志》 , 2021 , 29 (6) :512-516\n"
                             "引用 收藏 免费下载 分享\n")
    assert record["title"] == {"zh": "脊柱转移瘤经皮椎体后凸成形术的疗效分析"}
    assert (record["journal"], record["year"], record["volume"], record["issue"], record["pages"]) == (
        {"zh": "中国矫形外科杂志"}, 2021, "29", "6", "512-516")
    assert "unlabelled" not in record["extra"]


# 7. Two different pages copied one after the other.

_THESIS = """首页 > 博硕 > 博士论文
基于深度学习的脊柱转移瘤MRI自动分割研究
陈明
摘要：脊柱转移瘤是常见的骨转移性肿瘤。本文提出一种基于U-Net的自动分割方法。
关键词：脊柱转移瘤;深度学习;MRI;
学位授予单位：苏州大学
学位级别：博士
"""
_KNS8 = """首页 > 学术期刊 > 中国矫形外科杂志 > 2021年06期
中国矫形外科杂志 . 2021 ,29(06) : 512-516  北大核心 CSCD
经皮椎体后凸成形术联合放疗治疗脊柱转移瘤的疗效
王建国1 李晓明2 张华1
1. 苏州大学附属第一医院骨科 2. 苏州市立医院放疗科
摘要：目的 探讨经皮椎体后凸成形术联合放疗治疗脊柱转移瘤的疗效。方法 将86例患者随机分为两组。
关键词：脊柱转移瘤;经皮椎体后凸成形术;放疗;
DOI：10.3969/j.issn.1005-8478.2021.06.012
"""


def test_two_different_pages_give_one_record_each(tmp_path):
    path = tmp_path / "two.txt"
    for text in (_THESIS + _KNS8, _THESIS + "\n" + _KNS8):
        path.write_text(text, encoding="utf-8")
        thesis, article = records_of(path)
        assert (thesis["title"], thesis["type"], thesis["extra"]["degree"]) == (
            {"zh": "基于深度学习的脊柱转移瘤MRI自动分割研究"}, "thesis", ["博士"])
        assert [a["literal"] for a in thesis["authors"]] == ["陈明"]
        assert article["title"] == {"zh": "经皮椎体后凸成形术联合放疗治疗脊柱转移瘤的疗效"}
        assert (article["journal"], article["year"], article["doi"]) == (
            {"zh": "中国矫形外科杂志"}, 2021, "10.3969/j.issn.1005-8478.2021.06.012")
        assert [a["literal"] for a in article["authors"]] == ["王建国", "李晓明", "张华"]


def test_the_same_page_twice_is_still_one_record(tmp_path):
    path = tmp_path / "twice.txt"
    path.write_text(_KNS8 + "\n" + _KNS8, encoding="utf-8")
    (record,) = records_of(path)
    assert [a["literal"] for a in record["authors"]] == ["王建国", "李晓明", "张华"]


# The review of the change (a journal page's neighbours, copies and tables).

_JOURNAL = """基于深度学习的肺结节检测研究
作者：王建国 李晓明
摘要：目的 探讨深度学习在肺结节检测中的应用。方法 回顾分析了100例患者的资料。
关键词：深度学习；肺结节
"""


def test_a_title_starting_with_a_conference_label_makes_no_conference_paper(tmp_path):
    # a related title "会议地点选择对…" had made the journal article a conference paper
    record = _page(tmp_path, _JOURNAL + "相关文献\n会议地点选择对学术交流效果的影响\n会议时间管理研究\n")
    assert record["type"] == "article-journal"
    assert "event-place" not in record["extra"] and record["year"] is None


def test_a_list_of_related_titles_after_a_breadcrumb_is_no_page(tmp_path):
    # "首页 > 期刊 > 相关推荐" then titles: no second record of a title alone
    record = _page(tmp_path, _JOURNAL + "首页 > 期刊 > 相关推荐\n胃癌早期诊断的研究进展\n肺癌筛查的现状\n")
    assert record["title"] == {"zh": "基于深度学习的肺结节检测研究"}


def test_old_layout_page_pasted_twice_gives_its_authors_once(tmp_path):
    page = ("Percutaneous kyphoplasty for spinal metastases\n"
            "【Author】 WANG Jianguo;LI Xiaoming;Department of Orthopedics,the First Affiliated Hospital of Soochow "
            "University;\n【Abstract】 Objective To compare the two procedures. Methods We reviewed 80 cases.\n"
            "【Key words】 kyphoplasty; metastases\n")
    record = _page(tmp_path, page + page)
    assert [a["family"] for a in record["authors"]] == ["WANG", "LI"]
    assert record["authors"][0]["affiliation"] == "Department of Orthopedics,the First Affiliated Hospital of Soochow University"


def test_a_committee_after_the_names_stays_an_author(tmp_path):
    record = _page(tmp_path, "Guideline for hypertension\n【Author】 Smith J;Lee K;Writing Committee of the Chinese "
                             "Society of Cardiology;\n【Abstract】 Objective To update the guideline. Methods A review.\n")
    assert record["authors"][-1].get("literal") == "Writing Committee of the Chinese Society of Cardiology"


def test_a_label_read_only_with_its_colon_alone_on_its_line(tmp_path):
    # a table copied: "专业" then its value on the next line (it had been glued, "专业外科学", and lost);
    # "Page" alone (a pager's word) takes no next line as pages
    record = _page(tmp_path, "脊柱转移瘤的外科治疗研究\n作者：王建国\n学位授予单位：苏州大学\n专业\n外科学\n"
                             "摘要：目的 探讨脊柱转移瘤的外科治疗。\nPage\n2\n")
    assert record["extra"]["major"] == ["外科学"]
    assert record["pages"] is None
