"""A QA pass on the fields of pages copied from VIP, Wanfang, CNKI, 超星, CSSCI and yiigle: pages
pasted one after another, a reference list under the labelled fields, authors' marks, VIP's
English labels, CSSCI's record page, yiigle's units.  Every page text here was written for
this project."""
from __future__ import annotations

from conftest import records_of, page_record as _page


# 1. Pages pasted one after another: VIP's labels are set apart from their values by a space.

def _vip(title: str, author: str) -> str:
    return ("维普期刊官网\n首页 期刊导航 期刊评价报告 登录 注册\n首页 > 期刊导航 > 中国矫形外科杂志 > 2021年第6期\n"
            f"{title}\n在线阅读 下载PDF 引用 收藏 分享\n"
            "摘要 [目的]分析术后复发的危险因素。[方法]回顾性分析326例患者。\n"
            f"作者 {author} [1] 王磊 [2]\n"
            "机构地区 [1]郑州大学第一附属医院骨科 [2]郑州大学第五附属医院骨科\n"
            "出处 《中国矫形外科杂志》 2021年第6期507-511,共5页\n"
            "关键词 腰椎间盘突出症 经皮内镜 复发\n参考文献 (18)\n")


_CNKI = """首页  >  学术期刊  >  中国肺癌杂志  >  2020年第3期
中国肺癌杂志 . 2020,23(03)   北大核心 CSCD
低剂量CT筛查肺癌的卫生经济学评价
刘芳1 陈明2
1.四川大学华西医院胸外科 2.四川大学华西公共卫生学院
摘要：低剂量CT筛查可降低肺癌死亡率，但其成本效益尚存争议。
关键词：肺肿瘤；低剂量CT；筛查；
"""


def test_two_vip_pages_pasted_one_after_the_other_are_two_records(tmp_path):
    path = tmp_path / "two.txt"
    path.write_text(_vip("腰椎间盘突出症经皮内镜术后复发的危险因素分析", "陈晓燕")
                    + _vip("颈椎前路手术后吞咽困难的影响因素分析", "赵敏"), encoding="utf-8")
    first, second = records_of(path)
    assert first["title"] == {"zh": "腰椎间盘突出症经皮内镜术后复发的危险因素分析"}
    assert second["title"] == {"zh": "颈椎前路手术后吞咽困难的影响因素分析"}
    assert [a["literal"] for a in first["authors"]] == ["陈晓燕", "王磊"]
    assert [a["literal"] for a in second["authors"]] == ["赵敏", "王磊"]


def test_a_vip_page_after_a_cnki_page_is_a_record_of_its_own(tmp_path):
    path = tmp_path / "two.txt"
    path.write_text(_CNKI + _vip("腰椎间盘突出症经皮内镜术后复发的危险因素分析", "陈晓燕"), encoding="utf-8")
    cnki, vip = records_of(path)
    assert (cnki["journal"], cnki["volume"], [a["literal"] for a in cnki["authors"]]) == (
        {"zh": "中国肺癌杂志"}, "23", ["刘芳", "陈明"])
    assert cnki["keywords"] == {"zh": ["肺肿瘤", "低剂量CT", "筛查"]}
    assert (vip["journal"], vip["year"]) == ({"zh": "中国矫形外科杂志"}, 2021)


def test_a_vip_page_pasted_twice_is_still_one_record(tmp_path):
    page = _vip("腰椎间盘突出症经皮内镜术后复发的危险因素分析", "陈晓燕")
    record = _page(tmp_path, page + page)
    assert [a["literal"] for a in record["authors"]] == ["陈晓燕", "王磊"]


# 2. A reference list under the labelled fields.

_CHAOXING = """超星期刊
首页 期刊导航 学科分类 登录
数字经济对区域创新能力的影响研究
作者：王芳 李强
刊名：科学学研究
年份：2022
卷号：40
期号：3
摘要：基于2011—2020年中国30个省份面板数据，考察数字经济对区域创新能力的影响。
关键词：数字经济；区域创新；空间溢出
"""


def test_references_under_their_heading_give_none_of_the_pages_fields(tmp_path):
    record = _page(tmp_path, _CHAOXING + "参考文献\n1.Tapscott D.The digital economy.1996\n"
                                         "2.张三.数字经济研究.经济研究.2019,54(8)\n")
    assert (record["journal"], record["year"], record["volume"], record["issue"]) == (
        {"zh": "科学学研究"}, 2022, "40", "3")
    assert record["extra"]["references"] == ["1.Tapscott D.The digital economy.1996",
                                             "2.张三.数字经济研究.经济研究.2019,54(8)"]
    assert "unlabelled" not in record["extra"] and record["issues"] == []


def test_a_reference_list_is_kept_one_reference_a_string_without_an_issue_a_line(tmp_path):
    """The list under 参考文献 is the paper's references (extra.references), a reference wrapped
    over lines joined, not unlabelled residue with an issue for each line; the papers under
    引证文献 cite it (extra.citing), those under 相似文献 are related (extra.related); the
    headings are no values, and a section heading or the site's footer ends the lists."""
    record = _page(tmp_path, _CNKI + "DOI：10.3760/cma.j.issn.0253-2352.2021.03.001\n参考文献 (3)\n"
                   "[1] 周清华, 范亚光. 中国肺部结节分类、诊断与治疗\n指南[J]. 中国肺癌杂志, 2016, 19(12): 793-\n798.\n"
                   "[2] Setio A A A, Traverso A. Validation of algorithms for automatic\ndetection of pulmonary "
                   "nodules[J]. Medical Image Analysis, 2017, 42: 1-13.\n"
                   "[3] 王建国. 肺结节随访研究[J]. 中华医学杂志, 2019, 99(3): 150-157.\n"
                   "引证文献\n[1] 李四. 低剂量CT再评价[J]. 中国肺癌杂志, 2022, 25(1): 1-8.\n"
                   "相似文献\n肺癌筛查的成本效益分析\n低剂量CT的辐射剂量研究\n"
                   "版权所有©中国知网 京ICP证040431号\n")
    assert record["extra"]["references"] == [
        "[1] 周清华, 范亚光. 中国肺部结节分类、诊断与治疗指南[J]. 中国肺癌杂志, 2016, 19(12): 793-798.",
        "[2] Setio A A A, Traverso A. Validation of algorithms for automatic detection of pulmonary nodules[J]. "
        "Medical Image Analysis, 2017, 42: 1-13.",
        "[3] 王建国. 肺结节随访研究[J]. 中华医学杂志, 2019, 99(3): 150-157."]
    assert record["extra"]["citing"] == ["[1] 李四. 低剂量CT再评价[J]. 中国肺癌杂志, 2022, 25(1): 1-8."]
    assert record["extra"]["related"] == ["肺癌筛查的成本效益分析", "低剂量CT的辐射剂量研究"]
    # the footer, chrome, dropped (it was kept unlabelled, with an issue)
    assert "unlabelled" not in record["extra"] and not record["issues"]
    assert {"step": "drop_page_chrome", "field": "page", "before": "版权所有©中国知网 京ICP证040431号", "after": ""} in \
        record["repairs"]
    assert (record["journal"], record["year"], record["volume"]) == ({"zh": "中国肺癌杂志"}, 2020, "23")


def test_a_page_with_a_thousand_references_keeps_each_without_an_issue(tmp_path):
    refs = "".join(f"[{n}] 王建国,李四.脊柱转移瘤的外科治疗第{n}例分析[J].中华骨科杂志,2019,39(3):150-157.\n"
                   for n in range(1, 1001))
    record = _page(tmp_path, _CNKI + "References\n" + refs)
    assert len(record["extra"]["references"]) == 1000 and record["issues"] == []
    assert record["extra"]["references"][-1].startswith("[1000] 王建国")


def test_a_source_line_after_the_labelled_journal_is_not_the_pages(tmp_path):
    record = _page(tmp_path, _CHAOXING + "阅读 下载 收藏 分享\n张三.数字经济研究.经济研究.2019,54(8)\n")
    assert (record["journal"], record["volume"], record["issue"]) == ({"zh": "科学学研究"}, "40", "3")
    assert record["extra"]["unlabelled"] == ["张三.数字经济研究.经济研究.2019,54(8)"]


def test_a_cnki_journal_line_over_the_title_still_gives_the_journal(tmp_path):
    record = _page(tmp_path, _CNKI + "参考文献 (2)\n[1] 周清华. 中国肺部结节分类指南[J]. 中国肺癌杂志, 2016, 19(12): 793-798.\n")
    assert (record["journal"], record["year"], record["volume"], record["issue"]) == (
        {"zh": "中国肺癌杂志"}, 2020, "23", "3")
    assert record["title"] == {"zh": "低剂量CT筛查肺癌的卫生经济学评价"}


# 3. Wanfang's marks after authors' names, spaced or glued to a name in pinyin; its index tags.

_WANFANG = """补肾活血方调控骨髓间充质干细胞成骨分化的机制研究
摘要：目的：探讨补肾活血方的作用机制。结论：补肾活血方可促进成骨分化。
关键词：补肾活血方；成骨分化
作者：{names}
Author：{english}
作者单位：1. 广州中医药大学第一临床医学院，广东省广州市 510405；2. 广州中医药大学第一附属医院，广东省广州市 510405
刊名：中国组织工程研究  ISTIC PKU CSCD
年，卷(期)：2022, 26(11)
"""
_FIRST, _SECOND = "广州中医药大学第一临床医学院，广东省广州市 510405", "广州中医药大学第一附属医院，广东省广州市 510405"


def test_wanfang_spaced_marks_give_each_author_their_institutions(tmp_path):
    for names, english in (("陈思远 1 黄丽华 1,2 周建平 2", "CHEN Siyuan 1 HUANG Lihua 1,2 ZHOU Jianping 2"),
                           ("陈思远1 黄丽华1,2 周建平2", "CHEN Siyuan1 HUANG Lihua1,2 ZHOU Jianping2")):
        record = _page(tmp_path, _WANFANG.format(names=names, english=english))
        assert [(a["literal"], a["affiliation"]) for a in record["authors"]] == [
            ("陈思远", _FIRST), ("黄丽华", f"{_FIRST}；{_SECOND}"), ("周建平", _SECOND)]
        assert [a["alt"] for a in record["authors"]] == [
            {"family": "CHEN", "given": "Siyuan", "lang": "en"}, {"family": "HUANG", "given": "Lihua", "lang": "en"},
            {"family": "ZHOU", "given": "Jianping", "lang": "en"}]


def test_wanfang_index_tags_after_the_journal_are_kept_apart(tmp_path):
    record = _page(tmp_path, _WANFANG.format(names="陈思远", english="CHEN Siyuan"))
    assert record["journal"] == {"zh": "中国组织工程研究"}
    assert record["extra"]["indexed_in"] == ["ISTIC", "PKU", "CSCD"]


# 4. VIP's English labels set apart by a space: a bracketed section heading after Abstract, a list after Keywords.

def test_vip_english_abstract_with_bracketed_headings_and_spaced_keywords(tmp_path):
    record = _page(tmp_path, "腰椎间盘突出症经皮内镜术后复发的危险因素分析\nRisk factors for recurrence after lumbar discectomy\n"
                             "摘要 [目的]分析复发的危险因素。[方法]回顾性分析326例患者。[结论]高龄患者复发风险较高。\n"
                             "Abstract [Objective]To analyze the risk factors for recurrence.[Methods]A total of 326 "
                             "patients were analyzed.[Conclusion]Elderly patients are at higher risk.\n"
                             "关键词 腰椎间盘突出症 经皮内镜 复发\n"
                             "Keywords lumbar disc herniation;percutaneous endoscopy;recurrence\n")
    assert record["abstract"]["en"].startswith("[Objective]To analyze")
    assert [(s["label"], s["text"]) for s in record["sections"]["en"]] == [
        ("OBJECTIVE", "To analyze the risk factors for recurrence."), ("METHODS", "A total of 326 patients were analyzed."),
        ("CONCLUSION", "Elderly patients are at higher risk.")]
    assert record["keywords"]["en"] == ["lumbar disc herniation", "percutaneous endoscopy", "recurrence"]
    assert not record["extra"].get("unlabelled")


# 5. CSSCI's record page.

_CSSCI = """中文社会科学引文索引
来源篇名：数字经济对区域创新能力的影响研究——基于空间杜宾模型
英文篇名：Research on the Impact of Digital Economy on Regional Innovation Capability
来源作者：王芳/李强
期    刊：科学学研究
第一机构：南京大学商学院
机构名称：[王芳]南京大学商学院.南京.210093/[李强]河海大学经济与金融学院.南京.211100
第一作者：王芳
中图类号：F49
年代卷期：2022,40(03):456-466
关 键 词：数字经济/区域创新/空间溢出/
"""


def test_cssci_record_page_labels_are_read(tmp_path):
    record = _page(tmp_path, _CSSCI)
    assert record["title"] == {"zh": "数字经济对区域创新能力的影响研究——基于空间杜宾模型",
                               "en": "Research on the Impact of Digital Economy on Regional Innovation Capability"}
    assert [(a["literal"], a["affiliation"]) for a in record["authors"]] == [
        ("王芳", "南京大学商学院.南京.210093"), ("李强", "河海大学经济与金融学院.南京.211100")]
    assert (record["journal"], record["year"], record["volume"], record["issue"], record["pages"]) == (
        {"zh": "科学学研究"}, 2022, "40", "3", "456-466")
    assert record["keywords"] == {"zh": ["数字经济", "区域创新", "空间溢出"]}
    assert record["extra"]["classification"] == ["F49"] and record["extra"]["first_author"] == ["王芳"]
    assert not record["extra"].get("unlabelled")


# 6. yiigle (中华医学期刊全文数据库): each unit names its authors.

def test_yiigle_units_go_to_the_authors_they_name(tmp_path):
    record = _page(tmp_path, "基于深度学习的肺结节CT图像自动检测方法研究\n张伟 李娜 王建国\n"
                             "作者单位：100034 北京大学第一医院放射科（张伟、李娜）；100191 北京大学医学部基础医学院（王建国、张伟）\n"
                             "摘要：目的 探讨深度学习模型的诊断效能。方法 回顾性收集812例患者的胸部CT图像。\n")
    assert [(a["literal"], a["affiliation"]) for a in record["authors"]] == [
        ("张伟", "100034 北京大学第一医院放射科；100191 北京大学医学部基础医学院"),
        ("李娜", "100034 北京大学第一医院放射科"), ("王建国", "100191 北京大学医学部基础医学院")]


_YIIGLE = ("基于深度学习的肺结节CT图像自动检测方法研究\n张伟 李娜 王建国\n"
           "作者单位：100034 北京大学第一医院放射科（张伟、李娜）；100191 北京大学医学部基础医学院（王建国）\n"
           "摘要：目的 探讨深度学习模型的诊断效能。方法 回顾性收集812例患者的胸部CT图像。\n"
           "关键词：深度学习；肺结节\n"
           "Automatic detection of pulmonary nodules on CT images based on deep learning\n{names}\n"
           "Department of Radiology, Peking University First Hospital, Beijing 100034, China (Zhang W, Li N); "
           "School of Basic Medical Sciences, Peking University Health Science Center, Beijing 100191, China (Wang JG)\n"
           "Abstract: Objective To explore the diagnostic performance of a deep learning model.\n")


def test_yiigle_english_block_gives_the_english_title_and_the_authors_pinyin(tmp_path):
    """Under the Chinese fields, the English title, the authors in pinyin (each its Chinese
    name's alt) and their units in English (kept apart: the authors' own are the Chinese)."""
    record = _page(tmp_path, _YIIGLE.format(names="Zhang Wei, Li Na, Wang Jianguo"))
    assert record["title"]["en"] == "Automatic detection of pulmonary nodules on CT images based on deep learning"
    assert [(a["literal"], a["alt"]["family"], a["alt"]["given"]) for a in record["authors"]] == [
        ("张伟", "Zhang", "Wei"), ("李娜", "Li", "Na"), ("王建国", "Wang", "Jianguo")]
    assert record["authors"][0]["affiliation"] == "100034 北京大学第一医院放射科"
    assert record["extra"]["translated_affiliation"][0].startswith("Department of Radiology")
    assert "unlabelled" not in record["extra"] and record["issues"] == []


def test_an_english_line_of_other_names_under_the_chinese_fields_stays_unlabelled(tmp_path):
    # two names where the page has three, and three in another order: no pinyin of the authors
    for names in ("Zhang Wei, Li Na", "Li Na, Zhang Wei, Wang Jianguo"):
        record = _page(tmp_path, _YIIGLE.format(names=names))
        assert "en" not in record["title"] and not any("alt" in a for a in record["authors"])
        assert names in record["extra"]["unlabelled"]


_VIP_EN = ("腰椎间盘突出症经皮内镜术后复发的危险因素分析\n"
           "摘要 [目的]分析术后复发的危险因素。[方法]回顾性分析326例患者。\n"
           "作者 陈晓燕 [1] 王磊 [2] 刘洋 [1]\n{names}\n"
           "机构地区 [1]郑州大学第一附属医院骨科 [2]郑州大学第五附属医院骨科\n"
           "出处 《中国矫形外科杂志》 2021年第6期507-511,共5页\n{journal}\n"
           "关键词 腰椎间盘突出症 经皮内镜 复发\n")


def test_vip_english_authors_with_their_unit_and_english_journal_are_read(tmp_path):
    record = _page(tmp_path, _VIP_EN.format(
        names="CHEN Xiao-yan;WANG Lei;LIU Yang(Department of Orthopedics,The First Affiliated Hospital of "
              "Zhengzhou University,Zhengzhou 450052,China)", journal="Orthopedic Journal of China"))
    assert [(a["literal"], a["alt"]["family"], a["alt"]["given"]) for a in record["authors"]] == [
        ("陈晓燕", "CHEN", "Xiao-yan"), ("王磊", "WANG", "Lei"), ("刘洋", "LIU", "Yang")]
    assert record["authors"][1]["affiliation"] == "郑州大学第五附属医院骨科"
    assert record["extra"]["translated_affiliation"] == [
        "Department of Orthopedics,The First Affiliated Hospital of Zhengzhou University,Zhengzhou 450052,China"]
    assert record["journal"] == {"zh": "中国矫形外科杂志", "en": "Orthopedic Journal of China"}
    assert (record["year"], record["pages"]) == (2021, "507-511")
    assert "unlabelled" not in record["extra"] and record["issues"] == []


def test_vip_english_lines_that_are_no_names_nor_journal_stay_unlabelled(tmp_path):
    record = _page(tmp_path, _VIP_EN.format(names="CHEN Xiao-yan;LIU Yang(Department of Orthopedics,Zhengzhou 450052,China)",
                                            journal="The results of this study are of the journal's own."))
    assert not any("alt" in a for a in record["authors"]) and record["journal"] == {"zh": "中国矫形外科杂志"}
    assert len(record["extra"]["unlabelled"]) == 2
