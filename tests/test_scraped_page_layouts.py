"""Detail pages in the layouts CNKI, Wanfang and VIP use, and as a browser's copy changes them
(a label on its own line, a long line wrapped).  Every page text here was written for this
project; the shared real pages are read at test time only (skipped when ../shared is absent)."""
from __future__ import annotations

import re

import pytest

from conftest import needs_shared, page_record as _page


def _details(record: dict) -> tuple:
    return record["year"], record["volume"], record["issue"], record["pages"]


# 1. Wanfang's 年，卷(期) with its pages; a citation line with no label.

@pytest.mark.parametrize("value, want", [
    ("2021,57(5):112-119", (2021, "57", "5", "112-119")),
    ("2017,43(8):1121-1129", (2017, "43", "8", "1121-1129")),
    ("2020,69(13):138401", (2020, "69", "13", "138401")),
])
def test_year_volume_issue_keeps_its_pages(tmp_path, value, want):
    record = _page(tmp_path, f"图神经网络在交通预测中的应用\n作者：高远 林立\n摘要：构建了交通流预测模型。\n"
                             f"刊名：交通运输工程学报\n年，卷(期)：{value}\n")
    assert _details(record) == want


@pytest.mark.parametrize("line, want", [
    ("2018年 第40卷 第3期 88-96页", (2018, "40", "3", "88-96")),
    ("2019, 27(5): 700-708", (2019, "27", "5", "700-708")),
])
def test_an_unlabelled_citation_line_gives_volume_issue_and_pages(tmp_path, line, want):
    record = _page(tmp_path, f"黄土高原植被恢复的水文效应\n作者：田野\n摘要：评估了植被恢复的水文效应。\n"
                             f"期刊：水土保持学报\n{line}\n")
    assert _details(record) == want
    assert not record["extra"].get("unlabelled")


# 2. A label on its own line, the value on the next.

def test_labels_on_their_own_lines_take_the_next_line(tmp_path):
    record = _page(tmp_path, "城市绿地对热岛效应的缓解作用\n作者：\n许东 彭丽\n摘要：\n分析了城市绿地的降温效果。\n"
                             "关键词：\n热岛效应；城市绿地\n基金项目：\n刊名：\n生态学报\n")
    assert record["title"] == {"zh": "城市绿地对热岛效应的缓解作用"}
    assert [a["literal"] for a in record["authors"]] == ["许东", "彭丽"]
    assert record["abstract"] == {"zh": "分析了城市绿地的降温效果。"}
    assert record["keywords"] == {"zh": ["热岛效应", "城市绿地"]}
    assert record["journal"] == {"zh": "生态学报"}   # the empty 基金项目 took nothing


# 3. An abstract over several lines.

def test_an_abstract_over_several_lines_is_kept_whole(tmp_path):
    record = _page(tmp_path, "早期康复训练对脑卒中患者的影响\n作者：钱进 孔雪\n摘要：目的 观察早期康复训练的效果。\n"
                             "方法 将80例患者分为两组。\n结果 训练组功能评分较高。\n结论 早期康复训练有效。\n"
                             "关键词：脑卒中；康复训练\n刊名：中国康复医学杂志\n")
    assert record["abstract"]["zh"] == ("目的 观察早期康复训练的效果。方法 将80例患者分为两组。"
                                        "结果 训练组功能评分较高。结论 早期康复训练有效。")
    assert not record["extra"].get("unlabelled")
    assert record["journal"] == {"zh": "中国康复医学杂志"}


def test_a_journal_line_after_an_english_abstract_is_not_part_of_it(tmp_path):
    record = _page(tmp_path, "Sleep duration and memory in older adults\n作者Ann Berg\n"
                             "摘要We followed 300 older adults for five years and measured their sleep.\n"
                             "Journal of sleep studies. 2001,12(3)\n")
    assert record["abstract"]["en"].endswith("measured their sleep.")
    assert (record["journal"], record["year"], record["volume"]) == ({"en": "Journal of sleep studies"}, 2001, "12")


# 4, 5. Spaced and bracketed labels.

def test_spaced_labels_are_labels(tmp_path):
    record = _page(tmp_path, "小麦抗旱基因的表达分析\n作  者：严冬 宋雨\n摘\u3000\u3000要：分析了抗旱基因的表达。\n"
                             "关 键 词：小麦；抗旱\n刊  名：麦类作物学报\n")
    assert [a["literal"] for a in record["authors"]] == ["严冬", "宋雨"]
    assert record["abstract"] == {"zh": "分析了抗旱基因的表达。"}
    assert record["keywords"] == {"zh": ["小麦", "抗旱"]}
    assert record["journal"] == {"zh": "麦类作物学报"}


def test_bracketed_labels_of_the_old_cnki_layout(tmp_path):
    record = _page(tmp_path, "【题名】区块链在电子病历共享中的应用\n【作者】贺明 丁宁\n【摘要】设计了电子病历共享方案。\n"
                             "【关键词】区块链；电子病历\n【文献来源】中国数字医学\n【DOI】10.3969/j.issn.1673-7571.2020.01.001\n")
    assert record["title"] == {"zh": "区块链在电子病历共享中的应用"}
    assert [a["literal"] for a in record["authors"]] == ["贺明", "丁宁"]
    assert record["abstract"] == {"zh": "设计了电子病历共享方案。"}
    assert record["journal"] == {"zh": "中国数字医学"}
    assert record["doi"] == "10.3969/j.issn.1673-7571.2020.01.001"


# 6. CNKI's journal line with its index tags; breadcrumbs.

def test_a_journal_line_with_index_tags_is_no_title(tmp_path):
    record = _page(tmp_path, "测绘学报. 2019,48(07) 北大核心 EI CSCD\n基于点云的道路边界提取\n作者：邹凯\n"
                             "摘要：提出一种道路边界提取方法。\n")
    assert record["title"] == {"zh": "基于点云的道路边界提取"}
    assert (record["journal"], record["year"], record["volume"], record["issue"]) == ({"zh": "测绘学报"}, 2019, "48", "7")
    assert record["extra"]["indexed_in"] == ["北大核心", "EI", "CSCD"]


def test_a_journal_line_saved_as_html_with_its_tags_glued_is_no_title(tmp_path):
    """The page saved as HTML: the tags are links of their own, glued to the issue's bracket."""
    record = _page(tmp_path, '<!DOCTYPE html>\n<html><body><div class="top-tip"><span><a>测绘学报</a> . 2019,48(07)</span>'
                             '<a class="type">北大核心</a><a class="type">EI</a></div>\n'
                             '<h1>基于点云的道路边界提取</h1>\n<div><span>作者：</span>邹凯</div>\n'
                             '<div><span>摘要：</span>提出一种道路边界提取方法。</div>\n</body></html>\n', name="page.html")
    assert record["title"] == {"zh": "基于点云的道路边界提取"}
    assert (record["journal"], record["year"], record["volume"], record["issue"]) == ({"zh": "测绘学报"}, 2019, "48", "7")
    assert record["extra"]["indexed_in"] == ["北大核心", "EI"]


_CNKI_ENGLISH = ("Automatic detection of pulmonary nodules on CT images\nZHANG Wei1,2 LI Na1 WANG Jianguo2\n"
                 "1.Department of Radiology, Peking University First Hospital 2.School of Basic Medical Sciences, "
                 "Peking University\nAbstract: Objective To explore a model. Conclusion The model helps radiologists.\n"
                 "Keywords: Deep learning; Pulmonary nodule;\nDOI: 10.3760/cma.j.cn112137-20210115-00123\n")


@pytest.mark.parametrize("top, buttons", [
    ("National Medical Journal of China . 2021,101(15)   PKU CSCD\n", "HTML Read CAJ Download PDF Download\n"
                                                                      "Cite Favorite Share Print\n"),
    ("", "HTML Read CAJ Download PDF Download\n"), ("", "")], ids=["whole", "no-journal-line", "no-buttons"])
def test_cnki_english_sites_page(tmp_path, top, buttons):
    """CNKI's English site: its journal line (its index tags, PKU for 北大核心), its buttons, the
    author line in pinyin marked with the numbers of the institutions under it."""
    record = _page(tmp_path, top + _CNKI_ENGLISH + buttons)
    assert record["title"] == {"en": "Automatic detection of pulmonary nodules on CT images"}
    assert [(a["family"], a["given"], a["affiliation"]) for a in record["authors"]] == [
        ("ZHANG", "Wei", "Department of Radiology, Peking University First Hospital; "
                         "School of Basic Medical Sciences, Peking University"),
        ("LI", "Na", "Department of Radiology, Peking University First Hospital"),
        ("WANG", "Jianguo", "School of Basic Medical Sciences, Peking University")]
    if top:
        assert (record["journal"], record["year"], record["volume"], record["issue"]) == (
            {"en": "National Medical Journal of China"}, 2021, "101", "15")
        assert record["extra"]["indexed_in"] == ["PKU", "CSCD"]
    assert not record["extra"].get("unlabelled")


def test_cnki_english_sites_details_are_filed_as_the_chinese_pages_are(tmp_path):
    """Series, Subject, Classification Code and Online Publication Time, its Chinese page's 专辑,
    专题, 分类号 and 网络出版时间 (KNS8's 在线公开时间): the same keys in extra, none left unlabelled."""
    english = _page(tmp_path, _CNKI_ENGLISH + "Series: Medicine & Public Health;Information Technology\n"
                              "Subject: Oncology;Computer Software and Application of Computer\n"
                              "Classification Code: R734.2;TP391.41\nOnline Publication Time: 2021-04-20 10:12\n")
    chinese = _page(tmp_path, "基于深度学习的肺结节CT图像自动检测方法研究\n张伟1,2 李娜1\n1.北京大学第一医院放射科 2.北京大学医学部\n"
                              "摘要：目的 探讨深度学习模型的诊断效能。\n关键词：深度学习；肺结节；\n专辑：医药卫生科技;信息科技\n"
                              "专题：肿瘤学;计算机软件及计算机应用\n分类号：R734.2;TP391.41\n"
                              "网络出版时间：2021-04-20 10:12\n", "zh.txt")
    assert {k: english["extra"].get(k) for k in ("collection", "subject", "classification", "online_date")} == {
        "collection": ["Medicine & Public Health;Information Technology"],
        "subject": ["Oncology;Computer Software and Application of Computer"],
        "classification": ["R734.2", "TP391.41"], "online_date": ["2021-04-20 10:12"]}
    assert {k: chinese["extra"].get(k) for k in ("collection", "subject", "classification", "online_date")} == {
        "collection": ["医药卫生科技;信息科技"], "subject": ["肿瘤学;计算机软件及计算机应用"],
        "classification": ["R734.2", "TP391.41"], "online_date": ["2021-04-20 10:12"]}
    assert "unlabelled" not in english["extra"] and "unlabelled" not in chinese["extra"]
    assert not english["issues"] and not chinese["issues"]


@pytest.mark.parametrize("crumbs", ["知网首页 > 期刊 > 心理科学 > 2020年 > 第03期", "中国知网 > 期刊 > 心理科学"])
def test_breadcrumbs_are_no_title(tmp_path, crumbs):
    record = _page(tmp_path, f"{crumbs}\n父母教养方式与青少年自尊\n作者：曹阳\n摘要：调查了800名中学生。\n")
    assert record["title"] == {"zh": "父母教养方式与青少年自尊"}


# 7, 8. The page's type line; a thesis's fields.

def test_a_thesis_page(tmp_path):
    record = _page(tmp_path, "学位论文\n高熵合金的制备与力学性能\n摘要：制备了高熵合金。\n作者：魏强\n导师姓名：陶然\n"
                             "学位授予单位：北京科技大学\n学位年度：2019\n")
    assert record["title"] == {"zh": "高熵合金的制备与力学性能"}
    assert record["type"] == "thesis"
    assert record["year"] == 2019
    assert record["extra"]["supervisors"] == ["陶然"]
    assert "degree" not in record["extra"]


def test_a_conference_page(tmp_path):
    record = _page(tmp_path, "会议论文\n城市内涝的数值模拟\n作者：唐磊\n会议名称：2019全国水利学术大会\n"
                             "摘要：模拟了城市内涝过程。\n")
    assert record["title"] == {"zh": "城市内涝的数值模拟"}
    assert record["type"] == "paper-conference"
    assert record["extra"]["event"] == ["2019全国水利学术大会"]


# 9. 资助.

def test_funding_under_zizhu(tmp_path):
    record = _page(tmp_path, "数字经济与就业结构\n作者：史磊\n摘要：分析了数字经济对就业的影响。\n"
                             "资助：国家社会科学基金重大项目（20ZDA041）\n")
    assert [(f["funder_original"], f["award"]) for f in record["funding"]] == [("国家社会科学基金重大项目", "20ZDA041")]


# 10. A preview on one line, the full text on the next.

def test_the_full_abstract_wins_over_the_preview_on_the_line_before(tmp_path):
    full = "本文回顾了量子计算的发展历程。总结了超导量子比特的主要进展，并讨论了未来的挑战。"
    record = _page(tmp_path, f"量子计算研究进展\n作者：江海\n摘要：本文回顾了量子计算的发展历程。总结了超导...展开更多\n"
                             f"摘要：{full}收起\n关键词：量子计算\n")
    assert record["abstract"] == {"zh": full}
    assert "other_abstracts" not in record["extra"]


_STRUCTURED = "目的 探讨脊柱转移瘤患者手术治疗后生存的预后因素。方法 回顾性分析126例患者。结论 原发肿瘤类型是独立预后因素。"
_FULL_EN = ("BACKGROUND Spinal metastases are common in patients with malignancies, but studies on those metastasized "
            "from unknown primaries are scarce. CONCLUSION A comprehensive assessment is essential.")


@pytest.mark.parametrize("preview", [
    "BACKGROUND Spinal metastases are common in patients with malignancies,but studies on those metastasized from unknown prim...",
    "BACKGROUND  Spinal metastases are common in patients with malignancies , but studies on those metastasized from unkno…",
    "目的：探讨脊柱转移瘤患者手术治疗后…",   # the full text's "目的 " punctuated otherwise
])
def test_a_preview_spaced_or_punctuated_otherwise_than_its_full_text_gives_way(tmp_path, preview):
    full = _STRUCTURED if preview.startswith("目的") else _FULL_EN
    record = _page(tmp_path, f"脊柱转移瘤手术治疗的预后因素分析\n作者：王建国；李明\n摘要：{preview}{full}收起\n关键词：脊柱转移瘤\n")
    assert list(record["abstract"].values()) == [full]
    assert [s["label"] for s in next(iter(record["sections"].values()))][:1] in (["BACKGROUND"], ["OBJECTIVE"])


@pytest.mark.parametrize("toggle", ["展开更多", "展开全部", "查看全部>>", "\n展开全部", "\n更多"])
def test_the_full_abstract_on_the_line_after_the_preview_and_its_toggle_wins(tmp_path, toggle):
    # the toggle glued to the preview or on a line of its own, the full text on the next line
    record = _page(tmp_path, f"脊柱转移瘤手术治疗的预后因素分析\n作者：王建国；李明\n摘要：目的 探讨脊柱转移瘤患者手术治疗后..."
                             f"{toggle}\n{_STRUCTURED}\n关键词：脊柱转移瘤；预后\n")
    assert record["abstract"] == {"zh": _STRUCTURED}
    assert not record["extra"].get("unlabelled")


@pytest.mark.parametrize("cut, after_full", [
    ("...", "展开更多"), ("...", "收起"), ("...", ""), ("…", ""), ("...", "\n展开更多"), ("…展开全部", "收起"),
])
@pytest.mark.parametrize("label, full_label", [("摘要：", ""), ("摘要：\n", ""), ("文摘", "文摘")])
def test_the_full_abstract_after_a_preview_line_wins_whatever_the_toggles(tmp_path, cut, after_full, label, full_label):
    # the preview ends its line at the cut ("…方法 回顾..."); a toggle after the full text, after both, or none
    record = _page(tmp_path, f"脊柱转移瘤手术治疗的预后因素分析\n作者：王建国；李明\n{label}{_STRUCTURED[:30]}{cut}\n"
                             f"{full_label}{_STRUCTURED}{after_full}\n关键词：脊柱转移瘤；预后\n")
    assert record["abstract"] == {"zh": _STRUCTURED}
    assert not {"other_abstracts", "unlabelled"} & set(record["extra"])
    assert [s["label"] for s in record["sections"]["zh"]] == ["OBJECTIVE", "METHODS", "CONCLUSION"]


def test_the_full_english_abstract_after_its_preview_line_wins(tmp_path):
    record = _page(tmp_path, "Spinal metastases from unknown primaries\n摘要：BACKGROUND Spinal metastases are common in "
                             f"patients with malignancies,but studies on those metastasized from unknown prim...\n{_FULL_EN}\n"
                             "基金：National Natural Science Foundation of China,No.81702662.\n")
    assert record["abstract"] == {"en": _FULL_EN}
    assert not {"other_abstracts", "unlabelled"} & set(record["extra"])


@pytest.mark.parametrize("full_label, toggle", [("", "展开更多"), ("", ""), ("摘要：", "收起")])
def test_an_unlabelled_preview_line_above_the_full_abstract_is_no_title(tmp_path, full_label, toggle):
    preview = "BACKGROUND Spinal metastases are common in patients with malignancies,but studies on those metastasized from unknown prim..."
    record = _page(tmp_path, f"Spinal metastases from unknown primaries\n{preview}\n{full_label}{_FULL_EN}{toggle}\n"
                             "基金：National Natural Science Foundation of China,No.81702662.\n")
    assert record["title"] == {"en": "Spinal metastases from unknown primaries"}
    assert record["abstract"] == {"en": _FULL_EN}
    assert not {"other_titles", "other_abstracts", "unlabelled"} & set(record["extra"])


@pytest.mark.parametrize("cut, mark", [("...展开更多", "..."), ("...", "..."), ("…\n展开全部", "…"), ("。。。收起", "。。。")])
def test_a_page_with_only_the_preview_keeps_it_with_an_issue(tmp_path, cut, mark):
    record = _page(tmp_path, f"脊柱转移瘤手术治疗的预后因素分析\n作者：王建国；李明\n摘要：{_STRUCTURED[:30]}{cut}\n"
                             "关键词：脊柱转移瘤；预后\n")
    assert record["abstract"]["zh"].startswith(_STRUCTURED[:30])
    assert [issue for issue in record["issues"] if "cut short" in issue] == [
        f"line 3: abstract.zh cut short at '{mark}' (as the file gives it), kept as given"]


def test_a_whole_abstract_raises_no_cut_short_issue(tmp_path):
    record = _page(tmp_path, f"脊柱转移瘤手术治疗的预后因素分析\n作者：王建国；李明\n摘要：{_STRUCTURED[:30]}...\n{_STRUCTURED}\n")
    assert not record["issues"]


def test_a_title_cut_off_that_the_abstract_begins_with_stays_the_title(tmp_path):
    # a QA pass's page: the title ends in "...", the abstract under it opens with its words
    record = _page(tmp_path, "Why do we sleep...\nWhy do we sleep? This question has puzzled scientists for centuries, "
                             "and we review the evidence from animal studies and human trials.\n"
                             "Keywords: sleep; evolution\nAuthors: Wang Jianguo\nJournal: Sleep Science\n")
    assert record["title"] == {"en": "Why do we sleep..."}


def test_a_short_line_cut_off_under_the_title_is_no_preview(tmp_path):
    # far narrower than a site's preview: a second title cut short, not the abstract's preview
    record = _page(tmp_path, "脊柱转移瘤患者术后生存分析\n脊柱转移瘤患者术后生存分析的研究...\n"
                             "摘要：脊柱转移瘤患者术后生存分析的研究进展很快，本文回顾分析120例患者，探讨其影响因素。\n"
                             "关键词：脊柱转移；预后\n作者：王建国\n")
    assert record["title"] == {"zh": "脊柱转移瘤患者术后生存分析"}
    assert record["abstract"] == {"zh": "脊柱转移瘤患者术后生存分析的研究进展很快，本文回顾分析120例患者，探讨其影响因素。"}
    assert record["extra"]["other_titles"] == ["脊柱转移瘤患者术后生存分析的研究..."]


def test_a_text_that_only_begins_as_the_abstract_before_it_is_no_full_text(tmp_path):
    # not cut off: the next paragraph goes on after it, as before
    record = _page(tmp_path, "脊柱转移瘤手术治疗的预后因素分析\n作者：王建国\n摘要：目的 探讨脊柱转移瘤患者手术治疗后生存的预后因素。\n"
                             "目的 探讨脊柱转移瘤患者手术治疗后生存的预后因素，并建立评分。\n关键词：脊柱转移瘤\n")
    assert record["abstract"]["zh"].startswith("目的 探讨脊柱转移瘤患者手术治疗后生存的预后因素。")


@pytest.mark.parametrize("toggle", ["展开全部", "查看全部>>", "显示全部", "[更多]", "更多>>", "全部展开", "阅读全文"])
def test_a_toggle_after_the_abstract_leaves_it_and_its_last_section(tmp_path, toggle):
    record = _page(tmp_path, f"脊柱转移瘤手术治疗的预后因素分析\n作者：王建国；李明\n摘要：{_STRUCTURED}{toggle}\n"
                             "关键词：脊柱转移瘤；预后\n相关文献 更多>>\n")
    assert record["abstract"] == {"zh": _STRUCTURED}
    assert record["sections"]["zh"][-1]["text"] == "原发肿瘤类型是独立预后因素。"
    assert record["extra"]["unlabelled"] == ["相关文献 更多>>"]   # a heading's link, no abstract


# 11. 题名, 年/卷/期 as labels; 页码 with a P.

def test_title_year_volume_issue_labels_and_page_prefix(tmp_path):
    record = _page(tmp_path, "题名:\t长江中游湿地的碳储量估算\n作者:\t严峰\t柳青\n摘要:\t估算了湿地碳储量。\n"
                             "刊名:\t湿地科学\n年:\t2020\n卷:\t18\n期:\t4\n页码：P15-22\n")
    assert record["title"] == {"zh": "长江中游湿地的碳储量估算"}
    assert _details(record) == (2020, "18", "4", "15-22")
    assert not record["extra"].get("unlabelled")


def test_a_glued_one_character_label_needs_its_colon(tmp_path):
    record = _page(tmp_path, "海岸带生态修复\n作者：许宁\n摘要：综述了海岸带修复技术。\n年轻学者论坛特邀报告\n")
    assert record["year"] is None


# The shared real pages, as a browser's copy changes them, read as they are read unchanged.

_LABEL = re.compile(r"^(摘要|文摘|关键词|作者|刊名|基金项目|基金|年，卷\(期\)|出处|Abstract|Keywords|DOI|doi)([:：]?)\s*")


def _own_line(text: str) -> str:
    return "\n".join(_LABEL.sub(lambda m: m.group(1) + m.group(2) + "\n", line) for line in text.split("\n"))


def _wrapped(text: str) -> str:
    def wrap(line: str) -> str:
        if len(line) > 120:
            cut = line.find("。", len(line) // 2)
            cut = cut if cut > 0 else line.find(". ", len(line) // 2)
            if cut > 0:
                return line[:cut + 1] + "\n" + line[cut + 1:].lstrip()
        return line
    return "\n".join(wrap(line) for line in text.split("\n"))


def _core(record: dict) -> dict:
    keys = ("type", "title", "authors", "abstract", "keywords", "journal", "year", "volume", "issue", "pages", "doi")
    return {k: record[k] for k in keys} | {"funding": [(f["funder"], f["award"]) for f in record["funding"]]}


@pytest.mark.parametrize("name, change", [("0060", _own_line), ("0064", _own_line), ("0075", _own_line),
                                          ("0025", _own_line), ("0089", _wrapped), ("0097", _wrapped),
                                          ("0075", _wrapped)])
def test_a_real_page_copied_differently_reads_the_same(tmp_path, name, change):
    raw = needs_shared("corpus", "clean-pages", "raw", f"{name}.txt")
    text = raw.read_text(encoding="utf-8")
    changed = change(text)
    assert changed != text
    assert _core(_page(tmp_path, changed, "changed.txt")) == _core(_page(tmp_path, text, "page.txt"))


def test_cn_isbn_and_publisher_lines_are_labels(tmp_path):
    record = _page(tmp_path, "中国园林艺术史\n作者：钟华\n刊名：风景园林\nCN：11-5366/S\n出版社：科学出版社\n出版时间：1999\n"
                             "ISBN：978-7-03-000000-1\n摘要：论述了园林艺术的源流。\n")
    assert record["title"] == {"zh": "中国园林艺术史"}
    assert record["year"] == 1999
    assert (record["extra"]["cn"], record["extra"]["publisher"]) == (["11-5366/S"], ["科学出版社"])
    assert not record["extra"].get("unlabelled") and not record["extra"].get("other_titles")
