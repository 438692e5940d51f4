"""Funding statements split into one entry per (funder, award), and moved out of an abstract
only when they are funding through to their end: cases a second QA pass found, each as a
small file cleaned by the CLI as a user would."""
from __future__ import annotations

import pytest

from conftest import cleaned as clean, needs_shared
from test_funding_cases import ris


def page(tmp_path, *lines: str):
    path = tmp_path / "page.txt"
    path.write_text("\n".join(["测试题目", "摘要: 疗效确切。", *lines, "关键词: 测试；疗效"]) + "\n",
                    encoding="utf-8")
    return path


def funding(record: dict) -> list[tuple]:
    return [(f["funder"], f["award"]) for f in record["funding"]]


NSFC = "National Natural Science Foundation of China"
CENTRAL = "Fundamental Research Funds for the Central Universities"
JIANGSU = "Natural Science Foundation of Jiangsu Province"


# 1. Funders named without grant numbers: one entry each, none lost.
@pytest.mark.parametrize("line, expected", [
    ("基金资助：国家自然科学基金；中央高校基本科研业务费专项资金；江苏省自然科学基金；",
     [(NSFC, None), (CENTRAL, None), (JIANGSU, None)]),
    ("基金项目:国家自然科学基金资助项目,江苏省自然科学基金资助项目", [(NSFC, None), (JIANGSU, None)]),
    ("基金项目:国家自然科学基金及国家重点研发计划资助",
     [(NSFC, None), ("National Key Research and Development Program of China", None)]),
    ("Fund:Natural Science Foundation of Jiangsu Province and National Natural Science Foundation of China",
     [(JIANGSU, None), (NSFC, None)]),
    ("基金项目:国家自然科学基金、江苏省自然科学基金(BK20191138)", [(NSFC, None), (JIANGSU, "BK20191138")]),
])
def test_funders_without_grant_numbers_are_one_entry_each(tmp_path, line, expected):
    (record,) = clean(page(tmp_path, line))
    assert funding(record) == expected


def test_a_bibtex_funding_list_is_one_entry_per_funder(tmp_path):
    path = tmp_path / "a.bib"
    path.write_text("@article{k2,\n  title = {B test},\n  author = {Li, Xia},\n  year = {2020},\n"
                    f"  funding = {{{NSFC}, {CENTRAL}}},\n}}\n", encoding="utf-8")
    (record,) = clean(path)
    assert funding(record) == [(NSFC, None), (CENTRAL, None)]


def test_pubmed_funding_of_two_funders_is_two_entries():
    records = clean(needs_shared("corpus", "search", "en_pubmed.ris"))
    assert funding(records[606]) == [("Pfizer Inc", None), ("V Foundation for Cancer Research", None)]


@pytest.mark.parametrize("name", [
    "Natural Science Foundation of Jiangsu Province, China",
    "Research Fund for the Doctoral Program of Higher Education of China",
    "National Heart, Lung, and Blood Institute",
    "Program for Changjiang Scholars and Innovative Research Team in University",
    "Magee-Women's Research Institute and Foundation",
])
def test_one_funder_whose_name_holds_a_comma_or_and_stays_whole(tmp_path, name):
    (record,) = clean(page(tmp_path, f"Fund: {name}"))
    assert [f["funder_original"] for f in record["funding"]] == [name]


# 2. Content after a funder's name stays in the abstract; a following label ends the statement.
@pytest.mark.parametrize("abstract", [
    "We describe a hospital network. Supported by the Gates Foundation grant program, 45 hospitals "
    "joined the network between 2010 and 2015, and mortality fell by 12%.",
    "We studied research policy. Funded by the National Natural Science Foundation of China, 3,215 "
    "projects in 2018 produced 1,204 patents.",
    "分析了基金资助对科研产出的影响。本研究由国家自然科学基金委员会提供数据，发现获得资助与论文产出正相关，获资助者更多得到支持。",
])
def test_a_sentence_that_goes_on_after_the_funder_stays_whole(tmp_path, abstract):
    (record,) = clean(ris(tmp_path, abstract))
    assert list(record["abstract"].values()) == [abstract]
    assert record["funding"] == []


@pytest.mark.parametrize("abstract, content, expected", [
    ("Results were good. Funding: National Natural Science Foundation of China. Trial registration: "
     "ChiCTR1900021234.", "Results were good. Trial registration: ChiCTR1900021234.", [(NSFC, None)]),
    ("RESULTS: Good. CONCLUSIONS: Works. FUNDING: National Institute for Health Research. "
     "REGISTRATION: PROSPERO CRD42019123456.",
     "RESULTS: Good. CONCLUSIONS: Works. REGISTRATION: PROSPERO CRD42019123456.",
     [("National Institute for Health and Care Research", None)]),
    ("RESULTS: Good. INTERPRETATION: Works. FUNDING: Pfizer. TRIAL REGISTRATION: ClinicalTrials.gov, "
     "NCT02149199.", "RESULTS: Good. INTERPRETATION: Works. TRIAL REGISTRATION: ClinicalTrials.gov, NCT02149199.",
     [("Pfizer", None)]),
])
def test_a_registration_after_the_funding_stays_in_the_abstract(tmp_path, abstract, content, expected):
    (record,) = clean(ris(tmp_path, abstract))
    assert record["abstract"]["en"] == content
    assert funding(record) == expected


@pytest.mark.parametrize("abstract", ["Results were good. Funding: None.",
                                      "Results were good. Funding: The authors received no funding."])
def test_a_label_saying_there_was_no_funding_stays(tmp_path, abstract):
    (record,) = clean(ris(tmp_path, abstract))
    assert record["abstract"]["en"] == abstract
    assert record["funding"] == []


# 3. Statements that were left in the abstract.
def test_nejm_funded_by_is_funding_and_the_trial_number_stays():
    (record,) = clean(needs_shared("corpus", "formats", "pubmed-xml", "pubmed-29768149.xml"))
    assert funding(record) == [("AstraZeneca", None)]
    assert record["abstract"]["en"].endswith(
        "than budesonide maintenance therapy. (SYGMA 1 ClinicalTrials.gov number, NCT02149199 .).")


@pytest.mark.parametrize("label", ["[基金项目]", "【基金】"])
def test_a_bracketed_chinese_funding_label_is_moved(tmp_path, label):
    path = page(tmp_path)
    path.write_text(f"测试\n摘要: 目的 探讨疗效。结论 疗效确切。{label}国家自然科学基金(81672345)\n关键词: 测试；疗效\n",
                    encoding="utf-8")
    (record,) = clean(path)
    assert record["abstract"]["zh"] == "目的 探讨疗效。结论 疗效确切。"
    assert funding(record) == [(NSFC, "81672345")]


def test_grants_label_of_known_funders_is_moved(tmp_path):
    (record,) = clean(ris(tmp_path, "Results were good. Grants: NIH R01 CA123456; NSFC 81672345."))
    assert record["abstract"]["en"] == "Results were good."
    assert funding(record) == [("National Cancer Institute", "R01 CA123456"), (NSFC, "81672345")]


# 4. Labels, ranges and prefixes are no funders.
@pytest.mark.parametrize("line, expected", [
    ("基金项目:国家自然科学基金(No.81672345和No.81872123)", [("国家自然科学基金", "81672345"), ("国家自然科学基金", "81872123")]),
    ("基金项目:国家自然科学基金No.81672345", [("国家自然科学基金", "81672345")]),
    ("基金项目:国家自然科学基金(81672345~81672347)", [("国家自然科学基金", "81672345"), ("国家自然科学基金", "81672347")]),
    ("基金项目:首都卫生发展科研专项(首发2018-2-4061)", [("首都卫生发展科研专项", "首发2018-2-4061")]),
])
def test_labels_and_ranges_are_not_funders(tmp_path, line, expected):
    (record,) = clean(page(tmp_path, line))
    assert [(f["funder_original"], f["award"]) for f in record["funding"]] == expected


# 5. An NIH activity code belongs to the grant number.
@pytest.mark.parametrize("statement, award", [
    ("Supported by the National Institutes of Health grant R01 AI123456.", "R01 AI123456"),
    ("Supported by the National Institutes of Health (R01 NS039600).", "R01 NS039600"),
    ("Supported by the National Institutes of Health grant 5R01AI123456-03.", "5R01AI123456-03"),
])
def test_nih_activity_code_is_part_of_the_award(tmp_path, statement, award):
    (record,) = clean(ris(tmp_path, f"Results were good. {statement}"))
    assert [(f["funder_original"], f["award"]) for f in record["funding"]] == [("National Institutes of Health", award)]


# 6. A funder named with and without its grant number in one statement: once, with it.
def test_a_funder_named_again_without_its_number_is_not_a_second_entry(tmp_path):
    (record,) = clean(page(tmp_path, "基金项目:国家自然科学基金(81672345)；国家自然科学基金"))
    assert funding(record) == [(NSFC, "81672345")]


@pytest.mark.parametrize("first, second", [
    ("基金项目:国家自然科学基金(81672345)", "英文摘要: The treatment was effective. Supported by the National Natural "
                                    "Science Foundation of China."),
    ("英文摘要: The treatment was effective. Supported by the National Natural Science Foundation of China.",
     "基金项目:国家自然科学基金(81672345)"),
])
def test_a_funder_named_again_without_its_number_is_one_entry(tmp_path, first, second):
    # the 基金 line gives the number, the English abstract names the foundation again: one entry,
    # whichever comes first; a second number of the same funder is a second entry
    (record,) = clean(page(tmp_path, first, second))
    assert funding(record) == [(NSFC, "81672345")]
    (record,) = clean(page(tmp_path, "基金项目:国家自然科学基金(81672345)；国家自然科学基金(81872123)", second))
    assert funding(record) == [(NSFC, "81672345"), (NSFC, "81872123")]


@pytest.mark.parametrize("abstract, statement", [
    # an all-caps funder before a colon, 伦理/注册 inside a funder's name: no next label
    ("Results were good. Funding: National Natural Science Foundation of China (81672345). NIH: R01 CA123456.",
     "Funding: National Natural Science Foundation of China (81672345). NIH: R01 CA123456."),
    ("Results. FUNDING: NSFC: 81672345; NIH: R01 CA123456; USDA: 2019-67013-29137.",
     "FUNDING: NSFC: 81672345; NIH: R01 CA123456; USDA: 2019-67013-29137."),
    ("结果良好。基金项目：国家社会科学基金(18BZX123)；伦理学研究中心项目(2019ZD01)。",
     "基金项目：国家社会科学基金(18BZX123)；伦理学研究中心项目(2019ZD01)。"),
    ("结果良好。基金项目：国家社会科学基金(18BZX123)；注册会计师协会课题(2019KT01)。",
     "基金项目：国家社会科学基金(18BZX123)；注册会计师协会课题(2019KT01)。"),
    # what follows the funder's comma is the funder's verb, or a thanks: still the statement
    ("结论：疗效确切。本研究由国家自然科学基金（81672345），北京大学医学部资助。", "本研究由国家自然科学基金（81672345），北京大学医学部资助。"),
    ("Results. Supported by the National Natural Science Foundation of China, which is gratefully acknowledged.",
     "Supported by the National Natural Science Foundation of China, which is gratefully acknowledged."),
    ("Results. This work was supported by the National Natural Science Foundation of China (81672345), and the "
     "authors thank Dr. Li for help.", "This work was supported by the National Natural Science Foundation of "
                                       "China (81672345), and the authors thank Dr. Li for help."),
])
def test_a_statement_is_moved_whole(abstract, statement):
    from indexer.fields.funding import split_funding_statement

    assert split_funding_statement(abstract) == (abstract[:-len(statement)].rstrip(), statement)


def test_a_registration_label_in_chinese_ends_the_statement():
    from indexer.fields.funding import split_funding_statement

    assert split_funding_statement("疗效确切。基金项目：国家自然科学基金(81672345)。临床试验注册号：ChiCTR1900021234。") == (
        "疗效确切。临床试验注册号：ChiCTR1900021234。", "基金项目：国家自然科学基金(81672345)。")


@pytest.mark.parametrize("abstract, content, statement", [
    # a registration or ethics label run on after the statement, without a full stop before it
    ("目的：探讨X。结论：值得推广。【基金】国家自然科学基金(81672345) 临床试验注册号：ChiCTR1900021234",
     "目的：探讨X。结论：值得推广。临床试验注册号：ChiCTR1900021234", "【基金】国家自然科学基金(81672345)"),
    ("结论：值得推广。基金项目：国家自然科学基金(81672345)\n临床试验注册号：ChiCTR1900021234",
     "结论：值得推广。临床试验注册号：ChiCTR1900021234", "基金项目：国家自然科学基金(81672345)"),
    ("结论：值得推广。基金项目：国家自然科学基金(81672345) 伦理批号：2019-012", "结论：值得推广。伦理批号：2019-012",
     "基金项目：国家自然科学基金(81672345)"),
])
def test_a_label_run_on_after_a_statement_stays_in_the_abstract(abstract, content, statement):
    from indexer.fields.funding import split_funding_statement

    assert split_funding_statement(abstract) == (content, statement)


def test_a_programme_kind_is_no_funder_and_awards_have_no_leading_space():
    from indexer.fields.funding import parse_funding

    def entries(text):
        return [(e["funder_original"], e["award"]) for e in parse_funding(text)]

    assert entries("国家自然科学基金青年科学基金及面上项目") == [("国家自然科学基金青年科学基金及面上项目", None)]
    assert entries("NIH R01HL123456, U01 HL098765, P30 DK034854") == [
        ("NIH", "R01HL123456"), ("NIH", "U01 HL098765"), ("NIH", "P30 DK034854")]
