"""Structured abstracts split into sections: labels set off by a colon, a space or brackets, and
the labels CNKI's exports glue to their text (目的探讨…。方法选取…).  Cases written by hand, in
the forms of the shared corpora's CNKI EndNote, NoteExpress, RefWorks and E-Study exports."""
from __future__ import annotations

import pytest

from conftest import clean_items, cleaned
from indexer.fields.sections import split_sections


def labelled(text: str, lang: str = "zh") -> list[tuple[str, str, str]]:
    return [(s["label"], s["label_original"], s["text"]) for s in split_sections(text, lang)]


@pytest.mark.parametrize("text, expected", [
    # all four glued, as CNKI's EndNote export writes them
    ("目的探讨叙事护理的影响。方法选取64例患者。结果观察组评分降低。结论叙事护理有效。",
     [("OBJECTIVE", "目的", "探讨叙事护理的影响。"), ("METHODS", "方法", "选取64例患者。"),
      ("RESULTS", "结果", "观察组评分降低。"), ("CONCLUSION", "结论", "叙事护理有效。")]),
    # some glued, some with a space, ASCII full stops
    ("目的探讨毒鼠强中毒的急救护理.方法 32例患者采用综合措施.结果使用安定能控制抽搐.结论毒鼠强中毒应及时抢救.",
     [("OBJECTIVE", "目的", "探讨毒鼠强中毒的急救护理."), ("METHODS", "方法", "32例患者采用综合措施."),
      ("RESULTS", "结果", "使用安定能控制抽搐."), ("CONCLUSION", "结论", "毒鼠强中毒应及时抢救.")]),
    # a colon after the first label only; a compound methods heading
    ("目的：探讨MRI测量的价值.资料与方法前列腺癌患者12例.结果D值平均为7.79 cm.",
     [("OBJECTIVE", "目的", "探讨MRI测量的价值."), ("METHODS", "资料与方法", "前列腺癌患者12例."),
      ("RESULTS", "结果", "D值平均为7.79 cm.")]),
    # set off by a space: 材料和方法 is the methods heading, not text of the objective
    ("目的 探讨介入诊疗的价值.材料和方法:回顾分析9例.结果 均无并发症.结论 安全有效.",
     [("OBJECTIVE", "目的", "探讨介入诊疗的价值."), ("METHODS", "材料和方法", "回顾分析9例."),
      ("RESULTS", "结果", "均无并发症."), ("CONCLUSION", "结论", "安全有效.")]),
    # an abstract cut off after its results (CNKI's preview) still has three
    ("背景肠套叠是常见急腹症。目的探讨超声的价值。方法回顾分析69例。",
     [("BACKGROUND", "背景", "肠套叠是常见急腹症。"), ("OBJECTIVE", "目的", "探讨超声的价值。"),
      ("METHODS", "方法", "回顾分析69例。")]),
])
def test_chinese_labels_glued_to_their_text(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize("text", [
    "目的探讨疗效。方法选取64例。",                       # two labels glued are too few to be sure
    "结果表明该方法有效。方法简便。结论可靠。",            # does not open with 背景 / 目的
    "本文目的探讨疗效。方法选取64例。结果有效。",          # the first label not at the start
])
def test_chinese_text_that_is_not_a_structured_abstract(text):
    assert labelled(text) == []


def test_order_is_required_a_later_label_before_an_earlier_one_is_text():
    # 结果 before 方法 is not the methods' place: only what follows in order is a label
    sections = labelled("目的探讨疗效。结果有效。方法学上尚需验证。结论可用。")
    assert [s[0] for s in sections] == ["OBJECTIVE", "RESULTS", "CONCLUSION"]
    assert sections[1][2] == "有效。方法学上尚需验证。"


def test_a_cnki_endnote_record_with_a_heading_and_glued_labels(tmp_path, validate):
    # 【摘要】 before the abstract (CNKI's RefWorks) is dropped; the glued labels give sections
    path = tmp_path / "cnki.txt"
    path.write_text("%0 Journal Article\n%A 张三\n%T 复杂脾动脉瘤的腔内介入治疗\n%J 中华外科杂志\n%D 2023\n"
                    "%X 【摘要】目的探讨复杂脾动脉瘤的腔内介入治疗方法。方法收集15例患者的临床资料。"
                    "结果15例均成功。结论腔内介入治疗安全有效。\n", encoding="utf-8")
    result, (record,), failures = clean_items(path)
    assert not failures, result.stderr
    validate(record)
    assert record["abstract"]["zh"].startswith("目的探讨复杂脾动脉瘤")
    assert [(s["label"], s["text"]) for s in record["sections"]["zh"]] == [
        ("OBJECTIVE", "探讨复杂脾动脉瘤的腔内介入治疗方法。"), ("METHODS", "收集15例患者的临床资料。"),
        ("RESULTS", "15例均成功。"), ("CONCLUSION", "腔内介入治疗安全有效。")]
    assert "strip_abstract_label" in {r["step"] for r in record["repairs"]}


def test_english_labels_run_into_their_text_and_a_clinical_significance(tmp_path, validate):
    # Zotero's exports of Wiley's veterinary abstracts (../shared's mixed exports): the labels
    # lost the bold that set them apart ("OBJECTIVESTo determine"), and the last section is
    # "Clinical Significance" or "Conclusions and Clinical Importance", which the results swallowed
    path = tmp_path / "vet.ris"
    path.write_text(
        "TY  - JOUR\nTI  - Pectinate ligament dysplasia\nAB  - OBJECTIVESTo determine the prevalence of dysplasia. "
        "METHODSIn a prospective study, 227 dogs were examined. RESULTSOne hundred and thirty-nine dogs were "
        "affected. CLINICAL SIGNIFICANCEPrevalence is high in this breed.\nPY  - 2016\nER  - \n\n"
        "TY  - JOUR\nTI  - Hypertension in cats\nAB  - Background: Cats are often hypertensive. Methods: 50 cats. "
        "Results: 20 were hypertensive. Conclusions and Clinical Importance: Screening is advised.\nPY  - 2017\nER  - \n",
        encoding="utf-8")
    result, (glued, spaced), failures = clean_items(path)
    assert not failures
    validate(glued)
    assert glued["abstract"]["en"].startswith("OBJECTIVES To determine the prevalence of dysplasia. METHODS In a")
    assert [(s["label"], s["label_original"], s["text"]) for s in glued["sections"]["en"]] == [
        ("OBJECTIVE", "OBJECTIVES", "To determine the prevalence of dysplasia."),
        ("METHODS", "METHODS", "In a prospective study, 227 dogs were examined."),
        ("RESULTS", "RESULTS", "One hundred and thirty-nine dogs were affected."),
        ("CONCLUSION", "CLINICAL SIGNIFICANCE", "Prevalence is high in this breed.")]
    assert [(s["label"], s["text"]) for s in spaced["sections"]["en"]][-2:] == [
        ("RESULTS", "20 were hypertensive."), ("CONCLUSION", "Screening is advised.")]


def test_title_case_labels_run_into_their_text(tmp_path, validate):
    # the same exports of Veterinary Ophthalmology: the labels are headings in title case
    path = tmp_path / "vet.ris"
    path.write_text(
        "TY  - JOUR\nTI  - Lens antibodies in Cocker Spaniels\nAB  - ObjectiveTo detect antibodies in the serum. "
        "Animals StudiedSeventy-three dogs.ProceduresSera were collected. ResultsA third had antibodies. "
        "Clinical SignificanceSerum antibodies may be a marker.\nPY  - 2009\nER  - \n\n"
        "TY  - JOUR\nTI  - Modelling energy use\nAB  - DesignBuilder was used to model the house. "
        "ResultsThe model held.\nPY  - 2019\nER  - \n", encoding="utf-8")
    result, (glued, lone), failures = clean_items(path)
    assert not failures
    validate(glued)
    assert [(s["label"], s["label_original"], s["text"]) for s in glued["sections"]["en"]] == [
        ("OBJECTIVE", "Objective", "To detect antibodies in the serum."),
        ("METHODS", "Animals Studied", "Seventy-three dogs."),
        ("METHODS", "Procedures", "Sera were collected."),
        ("RESULTS", "Results", "A third had antibodies."),
        ("CONCLUSION", "Clinical Significance", "Serum antibodies may be a marker.")]
    assert "colon_after_glued_title_label" in {r["step"] for r in glued["repairs"]}
    # a name that starts as a label does not make an abstract structured
    assert lone["abstract"]["en"].startswith("DesignBuilder was used") and not lone.get("sections")

def test_the_sections_of_veterinary_journals():
    # JVIM and AJVR (../shared's mixed exports): a hypothesis, animals and procedures were text
    # of the section before them (52 "Animals:" in the background)
    text = ("Background: Cats are often hypertensive. Hypothesis/Objectives: To compare two methods. "
            "Animals: Forty cats. Methods: Prospective study. Results: Both agreed. "
            "Conclusion and Clinical Importance: Either may be used.")
    assert [(s[0], s[1]) for s in labelled(text, "en")] == [
        ("BACKGROUND", "Background"), ("OBJECTIVE", "Hypothesis/Objectives"), ("METHODS", "Animals"),
        ("METHODS", "Methods"), ("RESULTS", "Results"), ("CONCLUSION", "Conclusion and Clinical Importance")]
    text = "OBJECTIVE To compare. ANIMALS 15 dogs. PROCEDURES Dogs were examined. RESULTS Both agreed."
    assert [s[1] for s in labelled(text, "en")] == ["OBJECTIVE", "ANIMALS", "PROCEDURES", "RESULTS"]


def test_clinical_journals_labels_and_fertility_and_sterilitys_plural_marks():
    # Ophthalmology, JAMA, Fertility and Sterility (../shared's search corpus: 108 abstracts were
    # left whole for a SETTING or an INTRODUCTION); "PATIENT(S):" carries its plural mark
    text = ("OBJECTIVE: To investigate. DESIGN: Retrospective study. SETTING: University unit. "
            "PATIENT(S): Forty patients. INTERVENTION(S): Biopsy. MAIN OUTCOME MEASURE(S): Scores. "
            "RESULT(S): Higher. CONCLUSION(S): Associated.")
    assert labelled(text, "en") == [
        ("OBJECTIVE", "OBJECTIVE", "To investigate."), ("METHODS", "DESIGN", "Retrospective study."),
        ("METHODS", "SETTING", "University unit."), ("METHODS", "PATIENT(S)", "Forty patients."),
        ("METHODS", "INTERVENTION(S)", "Biopsy."), ("METHODS", "MAIN OUTCOME MEASURE(S)", "Scores."),
        ("RESULTS", "RESULT(S)", "Higher."), ("CONCLUSION", "CONCLUSION(S)", "Associated.")]
    text = "INTRODUCTION: Falls. METHODS: Ten. RESULTS: Fewer. CONCLUSION: Walk. FINANCIAL DISCLOSURE: None."
    assert [s[0] for s in labelled(text, "en")] == ["BACKGROUND", "METHODS", "RESULTS", "CONCLUSION",
                                                    "FINANCIAL DISCLOSURE"]


@pytest.mark.parametrize("text", [
    # a review's headings and a discussion are left whole, as the clean-pages gold leaves them
    "BACKGROUND: Pain. OBJECTIVES: To assess. SEARCH METHODS: We searched. MAIN RESULTS: Two trials.",
    "INTRODUCTION: Falls. MATERIAL AND METHODS: Ten. RESULTS: Fewer. DISCUSSION: Walk.",
    # an unknown heading with the plural mark is still an unknown heading
    "OBJECTIVE: To test. METHODS: Ten. RESULTS: Fewer. OUTCOME(S) OF NOTE: None.",
])
def test_abstracts_with_an_unknown_heading_stay_whole(text):
    assert labelled(text, "en") == []


@pytest.mark.parametrize("text, expected", [
    # European Heart Journal: the methods and results under one heading (as METHODS AND RESULTS)
    ("Aims: To test X. Methods and results: We enrolled 300 patients. Conclusion: X is useful.",
     [("OBJECTIVE", "Aims", "To test X."), ("METHODS", "Methods and results", "We enrolled 300 patients."),
      ("CONCLUSION", "Conclusion", "X is useful.")]),
    ("Introduction: X is common. Patients and methods: A cohort. Results and conclusions: Improved.",
     [("BACKGROUND", "Introduction", "X is common."), ("METHODS", "Patients and methods", "A cohort."),
      ("RESULTS", "Results and conclusions", "Improved.")]),
    ("Background and aims: X is common. Methods: A cohort. Results: Improved.",
     [("BACKGROUND", "Background and aims", "X is common."), ("METHODS", "Methods", "A cohort."),
      ("RESULTS", "Results", "Improved.")]),
    # words of a sentence before a colon are not a heading, though they begin with labels
    ("Objective: To test X. Methods and results of the trial: both were kept. Results: Improved.",
     [("OBJECTIVE", "Objective", "To test X. Methods and results of the trial: both were kept."),
      ("RESULTS", "Results", "Improved.")]),
])
def test_title_case_headings_joining_two_labels(text, expected):
    assert labelled(text, "en") == expected


def test_a_title_case_discussion_leaves_the_abstract_whole_as_an_upper_case_one_does():
    assert labelled("Background: X is common. Methods: A cohort. Results: Improved. Discussion: We discuss. "
                    "Conclusion: Useful.", "en") == []


@pytest.mark.parametrize("text, expected", [
    # a section opening with a term in its own case or with a sign (a QA pass's scraped page:
    # CONCLUSIONS stayed in the results, so section:conclusion p.R175H found nothing)
    ("BACKGROUND TP53 is common. METHODS We used X. RESULTS mRNA levels rose. CONCLUSIONS p.R175H predicts outcome.",
     ["TP53 is common.", "We used X.", "mRNA levels rose.", "p.R175H predicts outcome."]),
    ("OBJECTIVE To test. METHODS [18F]FDG PET. RESULTS γ-GT rose. CONCLUSION miR-21 is a marker.",
     ["To test.", "[18F]FDG PET.", "γ-GT rose.", "miR-21 is a marker."]),
    ('BACKGROUND X. METHODS Y. RESULTS "Good" outcomes. CONCLUSIONS Fine.',
     ["X.", "Y.", '"Good" outcomes.', "Fine."]),
    ("Objective To test. Methods mRNA was measured. Results The rate fell. Conclusion It works.",
     ["To test.", "mRNA was measured.", "The rate fell.", "It works."]),
    # a plain lower-case word or a comma after it: the word is text
    ("OBJECTIVE To test. METHODS Y. RESULTS, as expected, fell. AIM model. CONCLUSION Fine.",
     ["To test.", "Y. RESULTS, as expected, fell. AIM model.", "Fine."]),
])
def test_an_upper_case_label_before_a_term_that_is_not_capitalised(text, expected):
    assert [s[2] for s in labelled(text, "en")] == expected


@pytest.mark.parametrize("text, expected", [
    # "Background noise-induced …" is a sentence, not a label (a Lancet RIS export's abstract)
    ("Background noise-induced hearing loss is common in workers. Methods We studied 40 workers. "
     "Results Hearing improved in 30. Conclusions Noise control matters.", []),
    ("OBJECTIVE To test. METHODS Y. RESULTS well-being rose. AIM children's scores. CONCLUSION Fine.",
     ["To test.", "Y. RESULTS well-being rose. AIM children's scores.", "Fine."]),
    # nor is "Design p-value" a label that lost its sentence end: the abstract is split
    ("Background We studied 40 workers. Methods A survey was run with the Design p-value threshold of 0.05. "
     "Results Hearing improved in 30. Conclusions Noise control matters.",
     ["We studied 40 workers.", "A survey was run with the Design p-value threshold of 0.05.",
      "Hearing improved in 30.", "Noise control matters."]),
    # a capital, a digit or a sign before the hyphen: a term that opens the section
    ("OBJECTIVE To test. METHODS 5-FU was given. RESULTS miR-21 rose. CONCLUSION γ-GT is a marker.",
     ["To test.", "5-FU was given.", "miR-21 rose.", "γ-GT is a marker."]),
])
def test_a_lower_case_word_with_a_hyphen_after_a_label_is_a_plain_word(text, expected):
    assert [s[2] for s in labelled(text, "en")] == expected


@pytest.mark.parametrize("text, expected", [
    ("Background/Aims: X is common. Methods: A cohort. Results: Improved. Conclusions: Useful.",
     [("BACKGROUND", "Background/Aims"), ("METHODS", "Methods"), ("RESULTS", "Results"), ("CONCLUSION", "Conclusions")]),
    # Diabetologia's headings
    ("AIMS/HYPOTHESIS: To test. METHODS: A cohort. RESULTS: Improved. CONCLUSIONS/INTERPRETATION: Useful.",
     [("OBJECTIVE", "AIMS/HYPOTHESIS"), ("METHODS", "METHODS"), ("RESULTS", "RESULTS"),
      ("CONCLUSION", "CONCLUSIONS/INTERPRETATION")]),
])
def test_a_heading_of_two_labels_parted_by_a_slash(text, expected):
    assert [s[:2] for s in labelled(text, "en")] == expected


# JAMA's abstract, as MEDLINE writes it and as the journal's page shows it with its Key Points over it
# (Question, Findings and Meaning each on a line of its own, "Abstract" above the abstract's headings)
_JAMA_SECTIONS = [
    ("BACKGROUND", "Sleep matters for health."), ("OBJECTIVE", "To assess the association of sleep with death."),
    ("METHODS", "This cohort study included 1200 adults in 5 hospitals."), ("METHODS", "Sleep duration."),
    ("METHODS", "Mortality."), ("RESULTS", "Of 1200 adults, 300 died."),
    ("CONCLUSION", "Short sleep was associated with death.")]
_KEY_POINTS = [("OBJECTIVE", "Is sleep associated with death?"),
               ("RESULTS", "In this cohort study of 1200 adults, short sleep was associated with death."),
               ("CONCLUSION", "Sleep may matter.")]


def test_jamas_headings_and_key_points(tmp_path, validate):
    medline = tmp_path / "jama.txt"
    medline.write_text(
        "PMID- 30000001\nTI  - Association of sleep with death.\nAB  - IMPORTANCE: Sleep matters for health.\n"
        "      OBJECTIVE: To assess the association of sleep with death. DESIGN, SETTING, AND\n"
        "      PARTICIPANTS: This cohort study included 1200 adults in 5 hospitals. EXPOSURES: Sleep\n"
        "      duration. MAIN OUTCOMES AND MEASURES: Mortality. RESULTS: Of 1200 adults, 300 died.\n"
        "      CONCLUSIONS AND RELEVANCE: Short sleep was associated with death.\nLA  - eng\n", encoding="utf-8")
    (record,) = cleaned(medline)
    validate(record)
    assert [(s["label"], s["text"]) for s in record["sections"]["en"]] == _JAMA_SECTIONS
    assert record["sections"]["en"][2]["label_original"] == "DESIGN, SETTING, AND PARTICIPANTS"
    page = tmp_path / "jama.ris"
    page.write_text(
        "TY  - JOUR\nTI  - Association of sleep with death\nAB  - Key Points\nQuestion Is sleep associated with "
        "death?\nFindings In this cohort study of 1200 adults, short sleep was associated with death.\n"
        "Meaning Sleep may matter.\nAbstract\nImportance Sleep matters for health.\nObjective To assess the "
        "association of sleep with death.\nDesign, Setting, and Participants This cohort study included 1200 "
        "adults in 5 hospitals.\nExposures Sleep duration.\nMain Outcomes and Measures Mortality.\nResults Of "
        "1200 adults, 300 died.\nConclusions and Relevance Short sleep was associated with death.\nER  - \n\n"
        "TY  - JOUR\nTI  - Association of sleep with death, with colons\nAB  - Key Points Question: Is sleep "
        "associated with death? Findings: In this cohort study of 1200 adults, short sleep was associated with "
        "death. Meaning: Sleep may matter. Importance: Sleep matters for health. Objective: To assess the "
        "association of sleep with death. Design, Setting, and Participants: This cohort study included 1200 "
        "adults in 5 hospitals. Exposures: Sleep duration. Main Outcomes and Measures: Mortality. Results: Of "
        "1200 adults, 300 died. Conclusions and Relevance: Short sleep was associated with death.\nER  - \n",
        encoding="utf-8")
    for record in cleaned(page):
        validate(record)
        assert [(s["label"], s["text"]) for s in record["sections"]["en"]] == _KEY_POINTS + _JAMA_SECTIONS
        assert [s["label_original"] for s in record["sections"]["en"][:4]] == [
            "Question", "Findings", "Meaning", "Importance"]


@pytest.mark.parametrize("text, expected", [
    # "Findings" and "Meaning" opening a sentence of another abstract are words of it
    ("Background: X. Methods: Y. Results: Z. Findings of note were few. Meaning is unclear. Conclusions: W.",
     ["Background", "Methods", "Results", "Conclusions"]),
    # a question opening an abstract without Findings and Meaning after it is no Key Points
    ("Question: does X work? We tested it. Findings In 12 trials it did.", []),
    # Key Points over an abstract with a heading not filed: left whole
    ("KEY POINTS: QUESTION: Does X help? FINDINGS: It did. MEANING: X helps. IMPORTANCE: X is used. "
     "OBJECTIVE: To test X. DATA SOURCES: MEDLINE. RESULTS: It helped. CONCLUSIONS: It helps.", []),
    # JAMA's other joined headings, with a colon
    ("IMPORTANCE: X. OBJECTIVE: Y. DESIGN, SETTING, PARTICIPANTS, AND INTERVENTION: Z. RESULTS: W. "
     "CONCLUSIONS AND RELEVANCE: V.",
     ["IMPORTANCE", "OBJECTIVE", "DESIGN, SETTING, PARTICIPANTS, AND INTERVENTION", "RESULTS",
      "CONCLUSIONS AND RELEVANCE"]),
    # words with a comma before a colon are no unknown heading that leaves the abstract whole
    ("OBJECTIVE: To test. METHODS: A cohort. RESULTS: Fewer. CONCLUSION: Useful. Registered at U.S. NIH, ID: NCT0195.",
     ["OBJECTIVE", "METHODS", "RESULTS", "CONCLUSION"]),
])
def test_key_points_words_and_jamas_joined_headings(text, expected):
    assert [s[1] for s in labelled(text, "en")] == expected


@pytest.mark.parametrize("text, expected", [
    # a statement of why it matters after the conclusion (J Neurosci's, PNAS's) is no sentence of it
    ("Background: Cells divide. Methods: We counted. Results: Many cells. Conclusions: Cells divide a lot. "
     "Significance: This matters for cancer.",
     [("BACKGROUND", "Background", "Cells divide."), ("METHODS", "Methods", "We counted."),
      ("RESULTS", "Results", "Many cells."), ("CONCLUSION", "Conclusions", "Cells divide a lot."),
      ("CONCLUSION", "Significance", "This matters for cancer.")]),
    ("OBJECTIVE: To count. METHODS: Ten. RESULTS: Many. SIGNIFICANCE STATEMENT: It matters.",
     [("OBJECTIVE", "OBJECTIVE", "To count."), ("METHODS", "METHODS", "Ten."), ("RESULTS", "RESULTS", "Many."),
      ("CONCLUSION", "SIGNIFICANCE STATEMENT", "It matters.")]),
    # PLOS's headings: the methodology is not left in the background
    ("Background: DMD is common. Methodology/Principal Findings: Here we describe dogs. "
     "Conclusions/Significance: A new model.",
     [("BACKGROUND", "Background", "DMD is common."), ("METHODS", "Methodology/Principal Findings", "Here we describe dogs."),
      ("CONCLUSION", "Conclusions/Significance", "A new model.")]),
    # before the methods it is the background (PNAS's statement opens the abstract), with a colon or a space
    ("Background: X is common. Significance: X causes death. Methods: We did a trial. Results: Good. "
     "Conclusions: Fine.",
     [("BACKGROUND", "Background", "X is common."), ("BACKGROUND", "Significance", "X causes death."),
      ("METHODS", "Methods", "We did a trial."), ("RESULTS", "Results", "Good."), ("CONCLUSION", "Conclusions", "Fine.")]),
    ("SIGNIFICANCE: X matters. OBJECTIVE: To count. METHODS: Ten. RESULTS: Many.",
     [("BACKGROUND", "SIGNIFICANCE", "X matters."), ("OBJECTIVE", "OBJECTIVE", "To count."),
      ("METHODS", "METHODS", "Ten."), ("RESULTS", "RESULTS", "Many.")]),
    ("Objective To test. Significance It kills. Methods A total of 12. Results The rate fell. Conclusion Good.",
     [("OBJECTIVE", "Objective", "To test."), ("BACKGROUND", "Significance", "It kills."),
      ("METHODS", "Methods", "A total of 12."), ("RESULTS", "Results", "The rate fell."),
      ("CONCLUSION", "Conclusion", "Good.")]),
    # "Significance of …" opening a sentence is a word of it
    ("Objective To test. Methods A total of 12. Results The rate fell. Significance of this is unclear. Conclusion Good.",
     [("OBJECTIVE", "Objective", "To test."), ("METHODS", "Methods", "A total of 12."),
      ("RESULTS", "Results", "The rate fell. Significance of this is unclear."), ("CONCLUSION", "Conclusion", "Good.")]),
])
def test_a_significance_statement_is_a_part_of_its_own(text, expected):
    assert labelled(text, "en") == expected


@pytest.mark.parametrize("text, expected", [
    # a grade of evidence closing the abstract (Spine, JBJS) is a part of its own, not the conclusion's
    ("Background: Falls hurt. Methods: We counted. Results: Fewer falls. Conclusions: It works. Level of evidence: III",
     [("BACKGROUND", "Falls hurt."), ("METHODS", "We counted."), ("RESULTS", "Fewer falls."),
      ("CONCLUSION", "It works."), ("LEVEL OF EVIDENCE", "III")]),
    # in title case after labels in capitals
    ("STUDY DESIGN: A cohort. OBJECTIVE: To test. METHODS: Ten. RESULTS: Fewer. CONCLUSION: Useful. "
     "Level of Evidence: 3",
     [("METHODS", "A cohort."), ("OBJECTIVE", "To test."), ("METHODS", "Ten."), ("RESULTS", "Fewer."),
      ("CONCLUSION", "Useful."), ("LEVEL OF EVIDENCE", "3")]),
    ("Objective To test. Methods A total of 12. Results The rate fell. Conclusion It works. Level of Evidence IV.",
     [("OBJECTIVE", "To test."), ("METHODS", "A total of 12."), ("RESULTS", "The rate fell."),
      ("CONCLUSION", "It works."), ("LEVEL OF EVIDENCE", "IV.")]),
])
def test_a_level_of_evidence_is_a_part_of_its_own(text, expected):
    assert [(s[0], s[2]) for s in labelled(text, "en")] == expected
