"""PubMed's text formats (Abstract (text), Summary (text)) and reference lists in its
citation style, on files written for these tests in PubMed's layout (the records are
invented).  Expected values are written by hand from the fixtures."""
from __future__ import annotations

from conftest import DATA, clean_items

FOLDER = DATA / "formats" / "pubmed-text"


def read(path, validate, failures=0):
    result, records, failed = clean_items(path)
    assert len(failed) == failures, result.stdout
    assert result.returncode == (1 if failures else 0), result.stderr
    for rec in records:
        validate(rec)
    return records, failed


def names(rec):
    return [a.get("literal") or (a["family"], a["given"]) for a in rec["authors"]]


def test_abstract_text(validate):
    # PubMed's Save as "Abstract (text)": blocks between blank lines, lines wrapped
    first, second, third = read(FOLDER / "abstract.txt", validate)[0]
    assert {r["source"]["format"] for r in (first, second, third)} == {"pubmed-text"}
    assert [r["source"]["source_id"] for r in (first, second, third)] == ["39999991", "39999992", "39999993"]
    assert first["title"] == {"en": "Surgical treatment of spinal metastases from an unknown primary: "
                                    "a retrospective cohort study"}
    assert names(first) == [("Okafor", "CN"), ("Lindqvist", "J"), ("Wang", "Y")]   # (1)(2) marks dropped
    assert (first["journal"], first["year"], first["volume"], first["issue"], first["pages"]) == \
        ({"en": "Spine (Phila Pa 1976)"}, 2021, "46", "6", "350-358")
    assert first["doi"] == "10.1097/brs.0000000000009999"           # wrapped after "doi:"
    assert [s["label"] for s in first["sections"]["en"]] == ["BACKGROUND", "METHODS", "RESULTS", "CONCLUSION"]
    assert first["extra"]["affiliations"][1] == "Department of Oncology, Example Institute, Example City, Country."
    # each author's by its numbers, as MEDLINE's AD lines give them ("Wang Y(1)(2)": both)
    assert [a["affiliation"] for a in first["authors"]] == [
        "Department of Orthopaedics, Example University Hospital, Example City, Country.",
        "Department of Oncology, Example Institute, Example City, Country.",
        "Department of Orthopaedics, Example University Hospital, Example City, Country; "
        "Department of Oncology, Example Institute, Example City, Country"]
    assert first["extra"]["copyright"].startswith("© 2020") and "©" not in first["abstract"]["en"]
    assert (first["extra"]["epub"], first["extra"]["date"]) == ("2020 Nov 2", ["2021 Mar 15"])
    # a title PubMed translated, in brackets; the article's language
    assert second["title"] == {"en": "Minimally invasive surgery for thoracolumbar fractures"}
    assert (second["extra"]["translated_title"], second["extra"]["original_language"]) == (True, "Chinese")
    # a comment note before the title; a group author; collaborators; a line of the abstract
    # opening with "3. " is no record
    assert third["title"] == {"en": "Does early mobilisation help? A randomised trial"}
    assert third["extra"]["notes"] == ["Comment in BMJ. 2018 May 2;361:k1999."]
    assert names(third) == [("Reyes", "P"), ("Adams", "B"), ("Chen", "L"), "Early Mobilisation Trial Group"]
    assert third["extra"]["collaborators"] == "Ortiz A, Novak B."
    assert third["abstract"]["en"].endswith("Outcomes at 3. months did not differ; 5. secondary outcomes "
                                            "favoured early mobilisation.")
    assert (third["pages"], third["issue"], third["extra"]["pmcid"]) == ("k1234", None, "PMC9999993")


def test_abstract_text_of_a_later_page(tmp_path, validate):
    # records saved from a second page of results are numbered from 21
    text = (FOLDER / "abstract.txt").read_text(encoding="utf-8")
    for n in (1, 2, 3):
        text = text.replace(f"\n{n}. ", f"\n{20 + n}. ", 1) if n > 1 else text.replace("1. ", "21. ", 1)
    path = tmp_path / "page2.txt"
    path.write_text(text, encoding="utf-8")
    records, _ = read(path, validate)
    assert [r["source"]["source_id"] for r in records] == ["39999991", "39999992", "39999993"]


def test_summary_text_and_citations(validate):
    # "Summary (text)" and the NLM citation of PubMed's Cite button: one citation per number,
    # wrapped lines joined; an entry that is no citation is a failure with its text
    records, (failure,) = read(FOLDER / "summary.txt", validate, failures=1)
    first, second, third = records
    assert first["title"] == {"en": "Surgical treatment of spinal metastases from an unknown primary: "
                                    "a retrospective cohort study"}
    assert (first["journal"], first["year"], first["volume"], first["issue"], first["pages"]) == \
        ({"en": "Spine (Phila Pa 1976)"}, 2021, "46", "6", "350-358")
    assert (first["source"]["source_id"], first["doi"]) == ("39999991", "10.1097/brs.0000000000009999")
    assert (second["extra"]["original_language"], second["extra"]["translated_title"]) == ("Chinese", True)
    # a title ending with "?": et al.; an erratum note; pages as an article number
    assert third["title"] == {"en": "Does early mobilisation help? A randomised trial"}
    assert names(third) == [("Reyes", "P"), ("Adams", "B"), ("Chen", "L")]
    assert third["extra"]["authors_truncated"] is True
    assert (third["volume"], third["pages"], third["extra"]["pmcid"]) == ("361", "k1234", "PMC9999993")
    assert third["extra"]["notes"] == ["Erratum in: BMJ. 2018 May 2;361:k1999"]
    assert (failure["line"], failure["raw"]) == (14, "4. This entry is a note, not a citation.")


def test_a_reference_list_mixing_gbt7714_and_nlm(tmp_path, validate):
    # A Chinese paper's list: GB/T 7714 references, and English ones pasted from PubMed
    path = tmp_path / "refs.txt"
    path.write_text("参考文献\n"
                    "[1] 王建国, 刘海燕. 原发灶不明脊柱转移瘤的外科治疗体会[J]. 中华骨科杂志, 2020, 40(5): 300-305.\n"
                    "[2] Okafor CN, Lindqvist J. Surgical treatment of spinal metastases. Spine (Phila Pa 1976). "
                    "2021;46(6):350-8. doi: 10.1097/BRS.0000000000009999.\n", encoding="utf-8")
    zh, en = read(path, validate)[0]
    assert (zh["source"]["format"], zh["journal"]) == ("gbt7714", {"zh": "中华骨科杂志"})
    assert (en["title"], en["journal"], en["pages"]) == \
        ({"en": "Surgical treatment of spinal metastases"}, {"en": "Spine (Phila Pa 1976)"}, "350-358")
    assert en["extra"]["source_type"] == "NLM"

