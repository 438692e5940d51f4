"""English structured abstracts whose title-case labels are set off by a space only, as Wanfang's
pages and Chinese journals' English abstracts write them ("Objective To investigate… Methods A
total of…"), and the Zotero exports of veterinary journals in ../shared's mixed exports (records
50, 40 and 78 of zotero_export.bib), shortened.  Cases of a QA pass's Wanfang page, and the
abstracts of the same exports that stay whole (records 19, 386, 646 and 845)."""
from __future__ import annotations

import pytest

from conftest import clean_items
from indexer.fields.sections import split_sections


def labelled(text: str) -> list[tuple[str, str, str]]:
    return [(s["label"], s["label_original"], s["text"]) for s in split_sections(text, "en")]


@pytest.mark.parametrize("text, expected", [
    # Wanfang: the four labels of the Chinese abstract, in English, before a capital or a number
    ("Objective To investigate the expression of IL-6. Methods A total of 120 patients were enrolled. "
     "Results IL-6 levels were elevated. Conclusion IL-6 may serve as a marker.",
     [("OBJECTIVE", "Objective", "To investigate the expression of IL-6."),
      ("METHODS", "Methods", "A total of 120 patients were enrolled."),
      ("RESULTS", "Results", "IL-6 levels were elevated."), ("CONCLUSION", "Conclusion", "IL-6 may serve as a marker.")]),
    # a full stop glued to the next label (Wanfang's NoteExpress export), a number opening the methods
    ("Objective To study the effect of training .Methods 120 patients were divided into two groups .Results "
     "The scores were lower ( P<0 .01) .Conclusions Training can control blood pressure .",
     [("OBJECTIVE", "Objective", "To study the effect of training ."),
      ("METHODS", "Methods", "120 patients were divided into two groups ."),
      ("RESULTS", "Results", "The scores were lower ( P<0 .01) ."),
      ("CONCLUSION", "Conclusions", "Training can control blood pressure .")]),
    # JVIM: animals and methods are both methods; the two-part conclusion heading is one label
    ("Background American Cocker Spaniels are predisposed to chronic hepatitis. Objective To describe the features. "
     "Animals Thirteen cases. Methods Retrospective study. Results The median age was 4.6 years. "
     "Conclusion and Clinical Importance Hepatitis is clinically silent.",
     [("BACKGROUND", "Background", "American Cocker Spaniels are predisposed to chronic hepatitis."),
      ("OBJECTIVE", "Objective", "To describe the features."), ("METHODS", "Animals", "Thirteen cases."),
      ("METHODS", "Methods", "Retrospective study."), ("RESULTS", "Results", "The median age was 4.6 years."),
      ("CONCLUSION", "Conclusion and Clinical Importance", "Hepatitis is clinically silent.")]),
    # a case report's heading outside the order
    ("Background Lobular dissecting hepatitis is rare. Case presentation An 8-year-old dog presented with effusion. "
     "Conclusions This case demonstrated long-term follow-up.",
     [("BACKGROUND", "Background", "Lobular dissecting hepatitis is rare."),
      ("CASE SUMMARY", "Case presentation", "An 8-year-old dog presented with effusion."),
      ("CONCLUSION", "Conclusions", "This case demonstrated long-term follow-up.")]),
    ("Objectives The aims were to evaluate taurine levels. Materials and Methods Retrospective comparison. "
     "Results Taurine was low. Clinical Significance Supplementation was not curative.",
     [("OBJECTIVE", "Objectives", "The aims were to evaluate taurine levels."),
      ("METHODS", "Materials and Methods", "Retrospective comparison."), ("RESULTS", "Results", "Taurine was low."),
      ("CONCLUSION", "Clinical Significance", "Supplementation was not curative.")]),
])
def test_labels_set_off_by_a_space(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize("text", [
    # label words opening sentences of prose: not before a word that opens a sentence
    "Objective To test the drug. Methods were compared in two groups. Results were similar. Conclusion The drug works.",
    # one label at the start is no structure, nor a label that does not open the abstract
    "Results The rate fell in all groups. The drug is safe.",
    "We studied 12 dogs. Methods A survey was sent. Results The rate fell. Conclusion It works.",
    # two labels only
    "Objective To test the drug. Results The rate fell.",
    # out of the order
    "Results The rate fell. Methods A survey was sent. Background The drug is new.",
    # record 646: a label that lost its sentence end would leave the methods in the objective
    "Objective To determine the working life. Sample population Six hundred dogs Methods A web-based survey. "
    "Results The median age was 11 years. Conclusions No issues were found.",
    # record 386: a label glued to its text would leave the results in the methods
    "Background Pain is common. Hypothesis Pain is inflammatory. Methods Dogs were examined. "
    "ResultsAll dogs had syringomyelia. Conclusion Release of interleukin-6 may initiate pain.",
    # record 19: a heading we do not file would leave its text in the objective
    "Objective Two pedigrees are presented. Materials The study was based on records. "
    "Results CAT was diagnosed in 92. Conclusions Forms of CAT occurred among relatives.",
    "Background Falls are common. Methods Ten wards. Results Fewer falls. Discussion The effect was small.",
])
def test_prose_and_unsafe_abstracts_stay_whole(text):
    assert split_sections(text, "en") == []


def test_a_wanfang_page_gets_english_sections_beside_the_chinese(tmp_path, validate):
    # the QA pass's page: the Chinese abstract was split, its English translation was not
    path = tmp_path / "wanfang.txt"
    path.write_text(
        "万方数据知识服务平台\n首页 > 期刊 > 中华医学杂志\nIL-6在脓毒症患者中的表达及临床意义\n"
        "Expression and clinical significance of IL-6 in patients with sepsis\n摘要：\n"
        "目的　探讨白细胞介素-6（IL-6）在脓毒症患者中的表达。方法　选取120例脓毒症患者。"
        "结果　IL-6水平显著升高（P＜0.05）。结论　IL-6可作为预后指标。\nAbstract：\n"
        "Objective To investigate the expression of IL-6 in patients with sepsis. Methods A total of 120 patients "
        "were enrolled. Results IL-6 levels were significantly elevated (P<0.05). Conclusion IL-6 may serve as a "
        "prognostic marker.\n作者：\n陈明 刘洋\n刊名：\n中华医学杂志\n年，卷(期)：\n2021, 101(15)\n", encoding="utf-8")
    result, (record,), failures = clean_items(path)
    assert not failures, result.stderr
    validate(record)
    assert [s["label"] for s in record["sections"]["zh"]] == ["OBJECTIVE", "METHODS", "RESULTS", "CONCLUSION"]
    assert [(s["label"], s["label_original"], s["text"]) for s in record["sections"]["en"]] == [
        ("OBJECTIVE", "Objective", "To investigate the expression of IL-6 in patients with sepsis."),
        ("METHODS", "Methods", "A total of 120 patients were enrolled."),
        ("RESULTS", "Results", "IL-6 levels were significantly elevated (P<0.05)."),
        ("CONCLUSION", "Conclusion", "IL-6 may serve as a prognostic marker.")]
