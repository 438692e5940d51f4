"""PubMed's abstract page copied from a browser (select all, copy, paste into a .txt): the
pubmed-page reader, through the whole clean pipeline."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from indexer.readers import REGISTRY, read_paths
from indexer.readers.base import sniff_reader

ROOT = Path(__file__).resolve().parents[1]

SPINE_PAGE = """\
Spine (Phila Pa 1976). 2021 Mar 15;46(6):350-358. doi: 10.1097/BRS.0000000000003801.
Percutaneous Kyphoplasty Versus Vertebroplasty for Painful Spinal Metastases: A Randomized Controlled Trial
Jianguo Wang 1, Xiaoming Li 2, Hua Zhang 1
Affiliations
1 Department of Orthopedics, The First Affiliated Hospital of Soochow University, Suzhou, China.
2 Department of Radiotherapy, Suzhou Municipal Hospital, Suzhou, China.
PMID: 33587412 DOI: 10.1097/BRS.0000000000003801
Abstract
Study design: A randomized controlled trial.
Objective: To compare the efficacy of kyphoplasty and vertebroplasty for painful spinal metastases.
Methods: Ninety patients were randomized to two groups.
Results: Pain relief was similar in both groups (P = 0.42).
Conclusion: Both procedures are effective.
Level of evidence: 2.
Keywords: kyphoplasty; spinal metastases; vertebroplasty.
Copyright © 2021 Wolters Kluwer Health, Inc. All rights reserved.
Conflict of interest statement
The authors report no conflicts of interest.
Similar articles
Vertebroplasty for osteoporotic fractures: a meta-analysis.
Chen L, et al. Eur Spine J. 2019. PMID: 30123456
Cited by
Balloon kyphoplasty in myeloma.
Liu Y, et al. J Orthop Surg Res. 2022. PMID: 35123456 Free PMC article.
"""

CHINESE_PAGE = """\
Zhonghua Wai Ke Za Zhi. 2020 Jun 1;58(6):456-460. doi: 10.3760/cma.j.cn112139-20200101-00001.
[Surgical treatment of spinal metastases: a report of 86 cases]
[Article in Chinese]
J G Wang 1, X M Li 1
Affiliations
1 Department of Orthopedics, the First Affiliated Hospital of Soochow University, Suzhou 215006, China.
PMID: 32498494 DOI: 10.3760/cma.j.cn112139-20200101-00001
Abstract
Objective: To summarize the outcomes of surgery for spinal metastases. Methods: 86 patients were reviewed. Results: Pain improved in 79 patients. Conclusions: Surgery is effective.
Keywords: Spinal metastases; Surgery.
"""

# A review online ahead of print, labels alone on their lines, several marks per author, a
# collective author, a PMCID, the page's lists after it (grants read as funding).
REVIEW_PAGE = """\
Front Oncol. 2022 Feb 3;12:801234. doi: 10.3389/fonc.2022.801234. eCollection 2022.
Review
Radiotherapy for Spinal Metastases: Current Evidence and Future Directions
Lina Chen 1 2, Wei Zhou 2, COVID-19 Genomics UK (COG-UK) Consortium
Affiliations
1 Department of Radiation Oncology, Peking University Cancer Hospital, Beijing, China.
2 Key Laboratory of Carcinogenesis, Ministry of Education, Beijing, China.
Expand
PMID: 35187123 PMCID: PMC8851234 DOI: 10.3389/fonc.2022.801234
Free PMC article
Abstract
Background:
Spinal metastases are common in advanced cancer.
Methods:
We reviewed 120 studies published between 2000 and 2021.
Results:
Stereotactic body radiotherapy gave better local control.
Conclusions:
Stereotactic radiotherapy should be considered for selected patients.
Keywords: radiotherapy; spinal metastases; stereotactic body radiotherapy.
Copyright © 2022 Chen, Zhou and the COG-UK Consortium.
Conflict of interest statement
The authors declare that the research was conducted in the absence of any commercial or financial relationships.
Figures
Figure 1
Flow chart of the study selection.
References
Bray F, Ferlay J, Soerjomataram I, et al. Global cancer statistics 2018. CA Cancer J Clin. 2018;68:394-424. - PubMed
WHO. 2019. Report on cancer.
Publication types
Review
MeSH terms
Humans
Spinal Neoplasms* / radiotherapy
Grants and funding
81702662/National Natural Science Foundation of China
R01 CA123456/CA/NCI NIH HHS/United States
LinkOut - more resources
Full Text Sources
Frontiers Media SA
"""


def _clean(tmp_path: Path, text: str, name: str = "page.txt") -> list[dict]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out = subprocess.run([sys.executable, "cli.py", "clean", "--json", "-q", str(path)], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_spine_page_is_read_field_by_field(tmp_path):
    [rec] = _clean(tmp_path, SPINE_PAGE)
    assert rec["source"]["format"] == "pubmed-page"
    assert rec["source"]["source_id"] == "33587412"
    assert rec["title"] == {"en": "Percutaneous Kyphoplasty Versus Vertebroplasty for Painful Spinal Metastases: "
                                  "A Randomized Controlled Trial"}
    assert [(a["given"], a["family"]) for a in rec["authors"]] == [("Jianguo", "Wang"), ("Xiaoming", "Li"),
                                                                  ("Hua", "Zhang")]
    assert rec["authors"][1]["affiliation"] == "Department of Radiotherapy, Suzhou Municipal Hospital, Suzhou, China."
    assert rec["authors"][2]["affiliation"].startswith("Department of Orthopedics, The First Affiliated")
    assert [o["author"] for o in rec["extra"]["author_affiliations"]] == ["Jianguo Wang", "Xiaoming Li", "Hua Zhang"]
    assert rec["journal"] == {"en": "Spine (Phila Pa 1976)"}
    assert (rec["year"], rec["volume"], rec["issue"], rec["pages"]) == (2021, "46", "6", "350-358")
    assert rec["doi"].lower() == "10.1097/brs.0000000000003801"
    assert rec["keywords"] == {"en": ["kyphoplasty", "spinal metastases", "vertebroplasty"]}
    assert rec["extra"]["copyright"] == "Copyright © 2021 Wolters Kluwer Health, Inc. All rights reserved."
    assert rec["extra"]["conflict_of_interest"] == "The authors report no conflicts of interest."
    # the grade is kept apart: not the conclusion's last words, nor in the abstract
    assert rec["extra"]["level_of_evidence"] == "2"
    sections = rec["sections"]["en"]
    assert [s["label"] for s in sections] == ["METHODS", "OBJECTIVE", "METHODS", "RESULTS", "CONCLUSION"]
    assert sections[-1]["text"] == "Both procedures are effective."
    assert "Level of evidence" not in rec["abstract"]["en"]
    # the page's lists are not the paper's
    text = json.dumps(rec, ensure_ascii=False)
    assert "Eur Spine J" not in text and "myeloma" not in text and "unlabelled" not in rec["extra"]


def test_chinese_paper_page_keeps_its_english_title_and_language(tmp_path):
    [rec] = _clean(tmp_path, CHINESE_PAGE)
    assert rec["source"]["format"] == "pubmed-page"
    assert rec["title"] == {"en": "Surgical treatment of spinal metastases: a report of 86 cases"}
    assert rec["extra"]["translated_title"] is True
    assert rec["extra"]["original_language"] == "Chinese"
    assert rec["source"]["source_id"] == "32498494"
    assert [(a["given"], a["family"]) for a in rec["authors"]] == [("J G", "Wang"), ("X M", "Li")]
    assert rec["journal"] == {"en": "Zhonghua Wai Ke Za Zhi"}
    assert rec["doi"] == "10.3760/cma.j.cn112139-20200101-00001"
    assert [s["label"] for s in rec["sections"]["en"]] == ["OBJECTIVE", "METHODS", "RESULTS", "CONCLUSION"]


def test_review_page_with_type_marks_collective_author_pmcid_and_grants(tmp_path):
    [rec] = _clean(tmp_path, REVIEW_PAGE)
    assert rec["source"]["format"] == "pubmed-page"
    assert rec["title"]["en"] == "Radiotherapy for Spinal Metastases: Current Evidence and Future Directions"
    assert rec["extra"]["source_type"] == "Review"
    assert rec["extra"]["pmcid"] == "PMC8851234"
    assert rec["extra"]["remarks"] == ["Free PMC article"]
    assert (rec["year"], rec["volume"], rec["issue"], rec["pages"]) == (2022, "12", None, "801234")
    chen, zhou, consortium = rec["authors"]
    assert (chen["family"], zhou["family"]) == ("Chen", "Zhou")
    assert chen["affiliation"].count("; ") == 1 and "Key Laboratory of Carcinogenesis" in chen["affiliation"]
    assert zhou["affiliation"].startswith("Key Laboratory of Carcinogenesis")
    assert consortium.get("literal") == "COVID-19 Genomics UK (COG-UK) Consortium"
    assert [s["label"] for s in rec["sections"]["en"]] == ["BACKGROUND", "METHODS", "RESULTS", "CONCLUSION"]
    assert rec["sections"]["en"][1]["text"] == "We reviewed 120 studies published between 2000 and 2021."
    assert {(f["funder_original"], f["award"]) for f in rec["funding"]} == {
        ("National Natural Science Foundation of China", "81702662"), ("NCI NIH HHS", "R01 CA123456")}
    text = json.dumps(rec, ensure_ascii=False)
    assert "Bray F" not in text and "Spinal Neoplasms" not in text and "Frontiers Media" not in text
    assert "Flow chart" not in text


def test_pages_pasted_one_after_another_are_one_record_each(tmp_path):
    records = _clean(tmp_path, SPINE_PAGE + "\n" + REVIEW_PAGE + CHINESE_PAGE)
    assert [r["source"]["source_id"] for r in records] == ["33587412", "35187123", "32498494"]
    assert [r["source"]["line"] for r in records] == [1, SPINE_PAGE.count("\n") + 2,
                                                      SPINE_PAGE.count("\n") + 2 + REVIEW_PAGE.count("\n")]
    assert records[1]["journal"] == {"en": "Front Oncol"}
    assert records[2]["extra"]["original_language"] == "Chinese"
    assert "Frontiers Media" not in json.dumps(records[2], ensure_ascii=False)


def test_a_reference_written_as_a_source_line_opens_no_page(tmp_path):
    # a reference without its authors ("Lancet. 2020;…") reads as a source line: with no PMID
    # line of its own it is the page's residue, not a second page
    page = REVIEW_PAGE.replace("WHO. 2019. Report on cancer.\n", "WHO. 2019. Report on cancer.\n"
                               "Lancet. 2020;395(10223):470-473. doi: 10.1016/S0140-6736(20)30185-9.\n"
                               "Novel coronavirus outbreak: the next steps.\n")
    assert "Lancet. 2020;395" in page
    records = _clean(tmp_path, page + "\n" + SPINE_PAGE)
    assert [r["source"]["source_id"] for r in records] == ["35187123", "33587412"]
    assert "coronavirus" not in json.dumps(records, ensure_ascii=False)


def test_a_copy_that_put_the_source_on_three_lines_is_read(tmp_path):
    page = SPINE_PAGE.replace("Spine (Phila Pa 1976). 2021 Mar 15;46(6):350-358. doi: 10.1097/BRS.0000000000003801.",
                              "Spine (Phila Pa 1976)\n. 2021 Mar 15;46(6):350-358.\ndoi: 10.1097/BRS.0000000000003801.")
    [rec] = _clean(tmp_path, page)
    assert rec["source"]["format"] == "pubmed-page"
    assert rec["journal"] == {"en": "Spine (Phila Pa 1976)"} and rec["pages"] == "350-358"
    assert rec["title"]["en"].startswith("Percutaneous Kyphoplasty")


@pytest.mark.parametrize("head", [
    # PubMed's Abstract (text) download: numbered, stays pubmed-text
    "1. Spine (Phila Pa 1976). 2021 Mar 15;46(6):350-358. doi: 10.1097/BRS.0000000000003801.\n\n"
    "Surgical treatment.\n\nOkafor CN(1).\n\nPMID: 39999991  [Indexed for MEDLINE]\n",
    # a citation without a PMID line, and text after a source: not a page
    "Spine (Phila Pa 1976). 2021 Mar 15;46(6):350-358. doi: 10.1097/BRS.0000000000003801.\nA title\n",
    "Spine. 2021;46(6):350-358. Wang J, Li X. A title.\nPMID: 33587412\n",
    # a CNKI page
    "脊柱转移瘤的外科治疗\n王建国 李晓明\n摘要：目的 总结疗效。\nPMID: 1\n",
])
def test_other_text_is_not_a_page(head):
    assert REGISTRY["pubmed-page"].sniff(head) == 0.0


def test_page_is_told_from_its_head():
    assert sniff_reader(SPINE_PAGE, "page.txt").name == "pubmed-page"
    assert sniff_reader("Review\n" + CHINESE_PAGE, "page.txt").name == "pubmed-page"


def test_a_page_without_its_title_is_a_failure_with_its_text(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_text("Spine (Phila Pa 1976). 2021 Mar 15;46(6):350-358.\nPMID: 33587412\n", encoding="utf-8")
    items = list(read_paths([str(path)]))
    assert len(items) == 1 and not hasattr(items[0], "title") and "PMID: 33587412" in items[0].raw


def test_the_disclaimer_link_under_the_abstract_is_not_the_abstracts(tmp_path):
    # PubMed prints a "PubMed Disclaimer" link between the abstract and the conflict of interest
    page = SPINE_PAGE.replace("Conflict of interest statement\n", "PubMed Disclaimer\nConflict of interest statement\n")
    [rec] = _clean(tmp_path, page.replace("Copyright © 2021 Wolters Kluwer Health, Inc. All rights reserved.\n", ""))
    assert rec["sections"]["en"][-1]["text"] == "Both procedures are effective."
    assert "Disclaimer" not in json.dumps(rec, ensure_ascii=False)
    assert rec["extra"]["conflict_of_interest"] == "The authors report no conflicts of interest."


@pytest.mark.parametrize("notice", [
    "Thieme. All rights reserved.",
    "Federação Brasileira de Ginecologia e Obstetrícia. This is an open access article published by Thieme under "
    "the terms of the Creative Commons Attribution License, permitting unrestricted use, distribution, and "
    "reproduction so long as the original work is properly cited.",
])
def test_a_copyright_line_shown_without_its_mark_is_the_copyright(tmp_path, notice):
    # PubMed shows the CI field as written, which often has no ©
    page = SPINE_PAGE.replace("Copyright © 2021 Wolters Kluwer Health, Inc. All rights reserved.", notice)
    [rec] = _clean(tmp_path, page)
    assert rec["extra"]["copyright"] == notice
    assert rec["sections"]["en"][-1]["text"] == "Both procedures are effective."
    assert "reserved" not in rec["abstract"]["en"] and "Thieme" not in rec["abstract"]["en"]


def test_a_grant_line_of_several_numbers_is_a_grant_each(tmp_path):
    # as MEDLINE's GR (fields.funding.split_awards); a number after the slash is no funder
    page = REVIEW_PAGE.replace("81702662/National Natural Science Foundation of China",
                               "81702662, 81872180/81672345/National Natural Science Foundation of China\n"
                               "7192001, 7202002/Beijing Natural Science Foundation")
    [rec] = _clean(tmp_path, page)
    assert [(f["funder"], f["award"]) for f in rec["funding"]] == [
        ("National Natural Science Foundation of China", "81702662"),
        ("National Natural Science Foundation of China", "81872180"),
        ("National Natural Science Foundation of China", "81672345"),
        ("Beijing Natural Science Foundation", "7192001"), ("Beijing Natural Science Foundation", "7202002"),
        ("National Cancer Institute", "R01 CA123456")]
