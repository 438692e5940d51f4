"""Chinese structured abstracts with a two-part heading (结果与结论) and with some labels set off
and others glued to their text.  Cases from ../shared/corpus/search/zh_papers.ris (records 841,
1163, 1232, 1410, 1518, 1555), shortened, and from a QA pass's RIS file."""
from __future__ import annotations

import pytest

from conftest import clean_items, hit_ids, ris_searcher
from indexer.fields.sections import canonical_label, split_sections


def labelled(text: str) -> list[tuple[str, str, str]]:
    return [(s["label"], s["label_original"], s["text"]) for s in split_sections(text, "zh")]


@pytest.mark.parametrize("text, expected", [
    # record 1163: the heading with a colon was not known, so results stayed in the methods
    ("目的:使药学工作者了解循证医学.方法:对基本原理进行阐述.结果与结论:循证医学尚处于起步阶段.",
     [("OBJECTIVE", "目的", "使药学工作者了解循证医学."), ("METHODS", "方法", "对基本原理进行阐述."),
      ("RESULTS", "结果与结论", "循证医学尚处于起步阶段.")]),
    # record 841: a stray space after 结果 made "与结论共合成…" the text of RESULTS
    ("目的 设计偶合物.方法 首先合成衍生物.结果 与结论共合成目标化合物11个.",
     [("OBJECTIVE", "目的", "设计偶合物."), ("METHODS", "方法", "首先合成衍生物."),
      ("RESULTS", "结果与结论", "共合成目标化合物11个.")]),
    # record 1518: in brackets
    ("[目的]制定检验规程.[方法]对比检测条件.[结果与结论]制定出冬凌草种子检验规程.",
     [("OBJECTIVE", "目的", "制定检验规程."), ("METHODS", "方法", "对比检测条件."),
      ("RESULTS", "结果与结论", "制定出冬凌草种子检验规程.")]),
    # the discussion joined to the conclusion is the conclusion (as DISCUSSION AND CONCLUSIONS)
    ("目的：探讨疗效。方法：回顾分析。讨论与结论：疗效确切。",
     [("OBJECTIVE", "目的", "探讨疗效。"), ("METHODS", "方法", "回顾分析。"),
      ("CONCLUSION", "讨论与结论", "疗效确切。")]),
])
def test_a_heading_of_two_sections(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize("text, expected", [
    # 中国肺癌杂志's layout: the background and the objective under one heading
    ("背景与目的：肺癌是常见肿瘤。本研究探讨X。方法：回顾分析。结果：有效。结论：推广。",
     [("BACKGROUND", "背景与目的", "肺癌是常见肿瘤。本研究探讨X。"), ("METHODS", "方法", "回顾分析。"),
      ("RESULTS", "结果", "有效。"), ("CONCLUSION", "结论", "推广。")]),
    # glued to its text, as CNKI's exports write it
    ("背景与目的探讨X。方法回顾分析。结果有效。结论推广。",
     [("BACKGROUND", "背景与目的", "探讨X。"), ("METHODS", "方法", "回顾分析。"),
      ("RESULTS", "结果", "有效。"), ("CONCLUSION", "结论", "推广。")]),
    ("目的与方法：回顾分析120例。结果：有效。结论：推广。",
     [("OBJECTIVE", "目的与方法", "回顾分析120例。"), ("RESULTS", "结果", "有效。"), ("CONCLUSION", "结论", "推广。")]),
    ("目的：探讨X。方法与结果：回顾分析120例，有效。结论：推广。",
     [("OBJECTIVE", "目的", "探讨X。"), ("METHODS", "方法与结果", "回顾分析120例，有效。"),
      ("CONCLUSION", "结论", "推广。")]),
])
def test_a_heading_of_two_sections_next_to_each_other(text, expected):
    assert labelled(text) == expected


def test_a_label_glued_after_a_heading_of_two_parts_that_holds_it_is_text():
    # 结论 opening a sentence after 结果与结论 is in that section, not a heading after it
    assert labelled("目的 探讨X。方法 回顾分析。结果与结论 有效。结论未定。")[-1] == (
        "RESULTS", "结果与结论", "有效。结论未定。")


@pytest.mark.parametrize("text, expected", [
    # a QA pass's RIS file: labels glued to their text, and a sentence of the results opening 结果与结论
    ("目的探讨疗效。方法回顾分析120例。结果与结论相符的比例为80%。结论可行。",
     [("OBJECTIVE", "目的", "探讨疗效。"), ("METHODS", "方法", "回顾分析120例。"),
      ("RESULTS", "结果", "与结论相符的比例为80%。"), ("CONCLUSION", "结论", "可行。")]),
    # the same sentence glued in a gap between labels set off
    ("目的：探讨疗效。方法：回顾分析。结果与结论相符的比例为80%。结论：可行。",
     [("OBJECTIVE", "目的", "探讨疗效。"), ("METHODS", "方法", "回顾分析。"),
      ("RESULTS", "结果", "与结论相符的比例为80%。"), ("CONCLUSION", "结论", "可行。")]),
])
def test_a_glued_sentence_opening_with_a_two_part_heading_leaves_the_label_after_it(text, expected):
    assert labelled(text) == expected


def test_the_two_part_headings_have_their_canonical_labels():
    assert [canonical_label(h) for h in ("结果与结论", "结果和结论", "讨论与结论", "背景与目的", "目的与方法")] == [
        "RESULTS", "RESULTS", "CONCLUSION", "BACKGROUND", "OBJECTIVE"]


@pytest.mark.parametrize("text, expected", [
    # record 1232: 目的 with a colon, 方法 and 结果 glued, 结论 with a space
    ("目的：探讨手术部位感染的经济损失。方法调取某院SSI病例，1∶1配对。结果共调查手术病例1523例。结论 SSI 延长住院日数。",
     [("OBJECTIVE", "目的", "探讨手术部位感染的经济损失。"), ("METHODS", "方法", "调取某院SSI病例，1∶1配对。"),
      ("RESULTS", "结果", "共调查手术病例1523例。"), ("CONCLUSION", "结论", "SSI 延长住院日数。")]),
    # record 1555: 目的 and 方法 with a space, the last two glued
    ("目的 观察临床疗效。方法 对216例患者行碎石治疗。结果治愈168例，好转32例。结论体外震波碎石疗效满意。",
     [("OBJECTIVE", "目的", "观察临床疗效。"), ("METHODS", "方法", "对216例患者行碎石治疗。"),
      ("RESULTS", "结果", "治愈168例，好转32例。"), ("CONCLUSION", "结论", "体外震波碎石疗效满意。")]),
    # record 1410: a glued two-part methods heading between labels set off by a space
    ("目的 应用彩色多普勒超声检测参数.资料与方法选择患者120 例.结果 3 组间差异有统计学意义.结论 有临床应用价值.",
     [("OBJECTIVE", "目的", "应用彩色多普勒超声检测参数."), ("METHODS", "资料与方法", "选择患者120 例."),
      ("RESULTS", "结果", "3 组间差异有统计学意义."), ("CONCLUSION", "结论", "有临床应用价值.")]),
])
def test_glued_labels_among_labels_set_off(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize("text, expected", [
    # record 169: "结果8例存活" is a sentence of the results, between RESULTS and CONCLUSION
    ("目的 探讨血浆置换的疗效.方法 对10例患儿进行治疗.结果 均有好转.结果8例存活,2例死亡.结论 有效.",
     ["目的", "方法", "结果", "结论"]),
    # a sentence opening with 结果 before the methods is out of order: text of the objective
    ("目的 探讨疗效。结果表明既往研究不足。方法 回顾分析。结果 有效。", ["目的", "方法", "结果"]),
    # words that begin with a label open sentences of prose
    ("目的：探讨疗效。方法：回顾分析。结果：有效。结论性意见尚需验证。", ["目的", "方法", "结果"]),
    ("目的：探讨疗效。方法学上尚需验证。结果：有效。", ["目的", "结果"]),
])
def test_a_word_at_a_sentence_start_that_is_no_label_stays_text(text, expected):
    assert [s[1] for s in labelled(text)] == expected


def test_the_qa_ris_file(tmp_path, validate):
    path = tmp_path / "kw.ris"
    path.write_text("TY  - JOUR\nTI  - 尖锐湿疣组织增殖细胞核抗原和p53基因的表达及临床意义\nLA  - chi\n"
                    "AB  - 目的 探讨p53和PCNA在尖锐湿疣中的表达。结果 与结论共检测40例。\nER  - \n\n"
                    "TY  - JOUR\nTI  - 循证医学与药物经济学\nLA  - chi\n"
                    "AB  - 目的:使更多的药学工作者了解循证医学.方法:对循证医学的基本原理进行阐述."
                    "结果与结论:循证医学在我国尚处于起步阶段.\nER  - \n", encoding="utf-8")
    result, records, failures = clean_items(path)
    assert not failures, result.stderr
    for record in records:
        validate(record)
    assert [[(s["label"], s["text"]) for s in r["sections"]["zh"]] for r in records] == [
        [("OBJECTIVE", "探讨p53和PCNA在尖锐湿疣中的表达。"), ("RESULTS", "共检测40例。")],
        [("OBJECTIVE", "使更多的药学工作者了解循证医学."), ("METHODS", "对循证医学的基本原理进行阐述."),
         ("RESULTS", "循证医学在我国尚处于起步阶段.")]]


@pytest.mark.parametrize("text, expected", [
    # 图书情报工作's layout: two parts under each bracketed heading, parted by a slash
    ("[目的/意义]探讨高校图书馆数据服务模式。[方法/过程]采用问卷调查法。[结果/结论]尚处于起步阶段。",
     [("OBJECTIVE", "目的/意义", "探讨高校图书馆数据服务模式。"), ("METHODS", "方法/过程", "采用问卷调查法。"),
      ("RESULTS", "结果/结论", "尚处于起步阶段。")]),
    ("［目的／意义］探讨X。［方法／过程］问卷。［结果／结论］有效。",
     [("OBJECTIVE", "目的／意义", "探讨X。"), ("METHODS", "方法／过程", "问卷。"), ("RESULTS", "结果／结论", "有效。")]),
    # tortoise-shell brackets
    ("〔目的〕探讨X。〔方法〕问卷。〔结果〕有效。〔结论〕推广。",
     [("OBJECTIVE", "目的", "探讨X。"), ("METHODS", "方法", "问卷。"), ("RESULTS", "结果", "有效。"),
      ("CONCLUSION", "结论", "推广。")]),
])
def test_headings_parted_by_a_slash_and_in_other_brackets(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize("text, expected", [
    # 意义 after the conclusion is a part of its own, set off by a colon or brackets
    ("目的：探讨疗效。方法：选取64例。结果：有效。结论：可用。意义：为临床提供依据。",
     [("OBJECTIVE", "目的", "探讨疗效。"), ("METHODS", "方法", "选取64例。"), ("RESULTS", "结果", "有效。"),
      ("CONCLUSION", "结论", "可用。"), ("CONCLUSION", "意义", "为临床提供依据。")]),
    ("【目的】探讨疗效。【方法】选取64例。【结果】有效。【临床意义】为临床提供依据。",
     [("OBJECTIVE", "目的", "探讨疗效。"), ("METHODS", "方法", "选取64例。"), ("RESULTS", "结果", "有效。"),
      ("CONCLUSION", "临床意义", "为临床提供依据。")]),
    # before the methods it is the background; the glued labels after it are read
    ("背景：X常见。意义：X致死。方法：试验。结果：好。结论：可。",
     [("BACKGROUND", "背景", "X常见。"), ("BACKGROUND", "意义", "X致死。"), ("METHODS", "方法", "试验。"),
      ("RESULTS", "结果", "好。"), ("CONCLUSION", "结论", "可。")]),
    ("目的：探讨X。研究意义：X致死。方法选取12例。结果有效。结论：可用。",
     [("OBJECTIVE", "目的", "探讨X。"), ("BACKGROUND", "研究意义", "X致死。"), ("METHODS", "方法", "选取12例。"),
      ("RESULTS", "结果", "有效。"), ("CONCLUSION", "结论", "可用。")]),
    # glued to its text or set off by a space only, 意义 opens a sentence: 意义在于…, 差异有统计学意义
    ("目的：探讨疗效。方法：选取64例。结果：差异有统计学意义。结论：可用。意义在于提高疗效。",
     [("OBJECTIVE", "目的", "探讨疗效。"), ("METHODS", "方法", "选取64例。"),
      ("RESULTS", "结果", "差异有统计学意义。"), ("CONCLUSION", "结论", "可用。意义在于提高疗效。")]),
    ("目的 探讨疗效。方法 选取64例。结果 有效。结论 可用。意义 重大。",
     [("OBJECTIVE", "目的", "探讨疗效。"), ("METHODS", "方法", "选取64例。"), ("RESULTS", "结果", "有效。"),
      ("CONCLUSION", "结论", "可用。意义 重大。")]),
    # [目的/意义] stays the objective's heading: a glued 方法 after it is in order
    ("[目的/意义]探讨X。方法采用问卷调查法。[结果/结论]有效。",
     [("OBJECTIVE", "目的/意义", "探讨X。"), ("METHODS", "方法", "采用问卷调查法。"), ("RESULTS", "结果/结论", "有效。")]),
])
def test_a_significance_after_the_conclusion(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the parts written as a list, parted by commas or semicolons: the mark parts them, no text of theirs
    ("目的：探讨疗效,方法：选取64例,结果：有效,结论：可用",
     [("OBJECTIVE", "目的", "探讨疗效"), ("METHODS", "方法", "选取64例"), ("RESULTS", "结果", "有效"),
      ("CONCLUSION", "结论", "可用")]),
    ("目的：探讨疗效，方法：选取64例，结果：有效。",
     [("OBJECTIVE", "目的", "探讨疗效"), ("METHODS", "方法", "选取64例"), ("RESULTS", "结果", "有效。")]),
    ("【目的】探讨疗效，【方法】选取64例，【结果】有效",
     [("OBJECTIVE", "目的", "探讨疗效"), ("METHODS", "方法", "选取64例"), ("RESULTS", "结果", "有效")]),
    ("目的：探讨疗效；方法：选取64例；结果：有效；结论：可用。",
     [("OBJECTIVE", "目的", "探讨疗效"), ("METHODS", "方法", "选取64例"), ("RESULTS", "结果", "有效"),
      ("CONCLUSION", "结论", "可用。")]),
    # after a comma, a label set off by a space only or glued is a word of the sentence
    ("目的：探讨疗效，方法 简便。结果：有效，结果显示差异显著。结论：可用。",
     [("OBJECTIVE", "目的", "探讨疗效，方法 简便。"), ("RESULTS", "结果", "有效，结果显示差异显著。"),
      ("CONCLUSION", "结论", "可用。")]),
])
def test_the_parts_written_as_a_list(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("目的：探讨疗效。方法：选取64例。结果：有效。结论：可用。证据等级：III",
     [("OBJECTIVE", "探讨疗效。"), ("METHODS", "选取64例。"), ("RESULTS", "有效。"), ("CONCLUSION", "可用。"),
      ("LEVEL OF EVIDENCE", "III")]),
    # a glued label before it still fills its gap in the order
    ("目的：探讨疗效。方法选取64例。结果有效。【证据级别】Ⅲ级",
     [("OBJECTIVE", "探讨疗效。"), ("METHODS", "选取64例。"), ("RESULTS", "有效。"), ("LEVEL OF EVIDENCE", "Ⅲ级")]),
    # a sentence opening with the words is text
    ("目的：探讨疗效。方法：回顾分析。结论：证据等级较低的研究亦可参考。",
     [("OBJECTIVE", "探讨疗效。"), ("METHODS", "回顾分析。"), ("CONCLUSION", "证据等级较低的研究亦可参考。")]),
])
def test_a_level_of_evidence_is_a_part_of_its_own(text, expected):
    assert [(s[0], s[2]) for s in labelled(text)] == expected


@pytest.mark.parametrize("text", [
    "目的：探讨疗效。方法：回顾分析120例。结果：有效率80%。讨论：本研究表明X有效。",
    "【目的】探讨疗效。【方法】回顾分析120例。【结果】有效率80%。【讨论】本研究表明X有效。",
    "目的 探讨疗效。方法 回顾分析120例。结果 有效率80%。讨论 本研究表明X有效。",
])
def test_a_discussion_label_alone_splits_off_the_discussion(text):
    # its text had stayed in the results' section, the label with it
    assert labelled(text)[2:] == [("RESULTS", "结果", "有效率80%。"), ("DISCUSSION", "讨论", "本研究表明X有效。")]


@pytest.mark.parametrize("text, results", [
    ("目的：探讨疗效。方法：回顾分析。结果：有效率80%，讨论了X的作用。结论：可行。", "有效率80%，讨论了X的作用。"),
    ("目的：探讨疗效。方法：回顾分析。结果：有效率80%。讨论X的作用有助于推广。结论：可行。", "有效率80%。讨论X的作用有助于推广。"),
    ("目的 探讨疗效。方法 回顾分析。结果 有效率80%。讨论 BMI 的作用有助于推广。结论 可行。", "有效率80%。讨论 BMI 的作用有助于推广。"),
])
def test_discussing_in_a_sentence_is_no_label(text, results):
    assert labelled(text)[2] == ("RESULTS", "结果", results)
    assert labelled("目的：回顾。方法：分析。结论：本文讨论了X。")[-1] == ("CONCLUSION", "结论", "本文讨论了X。")


# A query names a section by its Chinese label too, 讨论 as the others (section:结论 is section:conclusion).
SECTIONED = [("S1", "目的：探讨针刺疗效。方法：回顾分析120例。结果：有效率80%。讨论：本研究表明针刺有效。"),
             ("S2", "背景：失眠常见。目的：评价疗效。方法：随机分组。结果：睡眠改善。结论：疗法可行。")]


@pytest.fixture(scope="module")
def sectioned(tmp_path_factory):
    ris = "".join(f"TY  - JOUR\nID  - {rid}\nTI  - 针刺与失眠\nAB  - {ab}\nLA  - zh\nER  - \n\n" for rid, ab in SECTIONED)
    yield from ris_searcher(tmp_path_factory.mktemp("sectioned"), ris)


@pytest.mark.parametrize("query,expected", [
    ("section:讨论", ["S1"]), ("section:discussion", ["S1"]), ("section:讨论 针刺", ["S1"]),
    ("section:目的", ["S1", "S2"]), ("section:方法", ["S1", "S2"]), ("section:结果", ["S1", "S2"]),
    ("section:结论", ["S2"]), ("section:背景", ["S2"]), ("section:conclusion", ["S2"]),
])
def test_a_section_is_named_by_its_chinese_label(sectioned, query, expected):
    # section:讨论 had found nothing: 讨论 is no label of LABELS_ZH (a page's heading), so was read as written
    assert hit_ids(sectioned, query) == expected


@pytest.mark.parametrize("text", ["目的：探討療效。方法：回顧分析120例。結果：有效率80%。討論：本研究表明X有效。",
                                  "【目的】探討療效。【方法】回顧分析120例。【結果】有效率80%。【討論】本研究表明X有效。"])
def test_a_traditional_discussion_label_splits_off_the_discussion(text):
    # 結果 and 結論 were read in traditional characters, 討論 not: it stayed in the results' text
    assert labelled(text)[2:] == [("RESULTS", "結果", "有效率80%。"), ("DISCUSSION", "討論", "本研究表明X有效。")]


@pytest.mark.parametrize("text, results", [
    # 讨论 and a space in a word the abstract writes whole too (讨论式教学)
    ("目的 探讨讨论式教学的效果。方法 将80名学生分为两组。结果 观察组成绩较高。讨论 式教学值得推广。",
     "观察组成绩较高。讨论 式教学值得推广。"),
    # the other labels set off by a colon: 讨论 and a space is no label of theirs
    ("目的：探讨疗效。方法：回顾分析120例。结果：有效率80%。讨论 本研究表明X有效。", "有效率80%。讨论 本研究表明X有效。"),
])
def test_discussing_set_off_by_a_space_where_no_label_is(text, results):
    assert labelled(text)[2:] == [("RESULTS", "结果", results)]


@pytest.mark.parametrize("text, expected", [
    # the conclusion's text had been "与讨论：该方法…"
    ("目的：探讨疗效。方法：选取64例。结果：有效率90%。结论与讨论：该方法安全有效。",
     [("RESULTS", "结果", "有效率90%。"), ("CONCLUSION", "结论与讨论", "该方法安全有效。")]),
    # 【结果与讨论】 and its text had been left in the methods' text
    ("【目的】探讨疗效。【方法】选取64例。【结果与讨论】有效率90%，安全。【结论】值得推广。",
     [("RESULTS", "结果与讨论", "有效率90%，安全。"), ("CONCLUSION", "结论", "值得推广。")]),
])
def test_a_heading_joining_the_discussion_is_one(text, expected):
    assert labelled(text)[2:] == expected
