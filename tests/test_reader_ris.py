"""RIS reader cases from the QA audit of the formats corpus (each a small file written here)."""
from __future__ import annotations

import json

import pytest

from conftest import records_of, rendered


def _ris(tmp_path, text: str, name: str = "x.ris") -> list[dict]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return records_of(path)


def test_ad_lines_without_a_tag_are_one_affiliation_each(tmp_path):
    # Scopus (formats/mixed-exports/ris_export.txt): one AD, then an affiliation a line
    rec, = _ris(tmp_path, "TY  - JOUR\nAU  - Kass, N.\nAU  - Faden, R.\nAU  - Fabi, R. E.\n"
                          "AD  - Johns Hopkins Berman Institute of Bioethics, United States\n"
                          "Baylor College of Medicine, Center for Medical Ethics and Health Policy, United States\n"
                          "Geisinger Health System, United States\nTI  - Alternative consent models\nPY  - 2016\nER  - \n")
    assert rec["extra"]["affiliations"] == [
        "Johns Hopkins Berman Institute of Bioethics, United States",
        "Baylor College of Medicine, Center for Medical Ethics and Health Policy, United States",
        "Geisinger Health System, United States"]
    assert not any("affiliation" in a for a in rec["authors"])   # three for three authors: whose is whose unknown


SCOPUS = ("TY  - JOUR\nAU  - Ruckman, S.N.\nTI  - Assessing the Association Between Animal Color and Behavior\n"
          "PY  - 2024\nT2  - Ecology and Evolution\nVL  - 14\nIS  - 12\n{pages}C7  - e70655\nC2  - {c2}\nDB  - Scopus\nER  -\n")


def test_an_articles_c7_is_its_pages_and_c2_in_digits_its_pmid(tmp_path):
    # Scopus (formats/mixed-exports/scopus.ris): C7 the article number, C2 the PubMed ID
    rec, = _ris(tmp_path, SCOPUS.format(pages="", c2="39243156"))
    assert rec["pages"] == "e70655"
    assert rec["extra"]["pmid"] == ["39243156"]
    assert "C2" not in rec["extra"]["tags"] and rec["extra"]["tags"]["C7"] == ["e70655"]


def test_c7_beside_pages_and_a_pmcid_in_c2_are_kept_as_written(tmp_path):
    rec, = _ris(tmp_path, SCOPUS.format(pages="SP  - 101\nEP  - 109\n", c2="PMC3319071"))
    assert rec["pages"] == "101-109"
    assert "pmid" not in rec["extra"] and rec["extra"]["tags"]["C2"] == ["PMC3319071"]


def test_one_page_given_as_both_ends_is_that_page(tmp_path):
    # Zotero writes a one-page article "SP  - 405" and "EP  - 405" (formats/mixed-exports): page
    # 405, as its BibTeX export's pages = {405}, not a range 405-405
    one, letter = _ris(tmp_path, SCOPUS.format(pages="SP  - 405\nEP  - 405\n", c2="1") +
                       SCOPUS.format(pages="SP  - E1\nEP  - E1\n", c2="2"))
    assert (one["pages"], letter["pages"]) == ("405", "E1")


def test_grants_in_endnotes_note_of_a_pubmed_record_are_funding(tmp_path):
    # EndNote's import of PubMed (formats/mixed-exports/ris_export.txt): PubMed's fields one a line in N1
    rec, = _ris(tmp_path, "TY  - JOUR\nAU  - Golde, T. E.\nTI  - Alzheimer's disease: The right drug, the right time\n"
                          "N1  - 1095-9203\nGolde, Todd E\nU01 AG046139/AG/NIA NIH HHS/United States\n"
                          "098051/Wellcome Trust/United Kingdom\nJournal Article\n"
                          "Research Support, N.I.H., Extramural\nUnited States\n"
                          "Science. 2018 Dec 14;362(6420):1250-1251. doi: 10.1126/science.aau0437.\n"
                          "DP  - NLM\nPY  - 2018\nER  - \n")
    assert [(f["funder_original"], f["award"]) for f in rec["funding"]] == [
        ("NIA NIH HHS", "U01 AG046139"), ("Wellcome Trust", "098051")]
    assert rec["extra"]["notes"][0].splitlines()[2] == "U01 AG046139/AG/NIA NIH HHS/United States"


def test_a_notes_own_slashes_are_no_grants(tmp_path):
    # a user's note of three parts, the last capitalised, is no MEDLINE GR line (QA of 26e893e)
    notes = ["PubMed/Embase/Cochrane Library", "Full text/PDF/Requested", "JS/AK/Included",
             "Reviewer 1/Reviewer 2/Agreed", "Sample sizes 10/20/30 per arm\n1/2 of patients/none/United States"]
    text = "".join(f"TY  - JOUR\nTI  - Note {i}\nAU  - Smith, John\nPY  - 2020\nN1  - {note}\nER  - \n\n"
                   for i, note in enumerate(notes))
    assert [rec.get("funding", []) for rec in _ris(tmp_path, text)] == [[]] * len(notes)
    # nor are a GR line's in a record that is no PubMed record
    rec, = _ris(tmp_path, "TY  - JOUR\nTI  - Own note\nAU  - Smith, John\nPY  - 2020\n"
                          "N1  - U01 AG046139/AG/NIA NIH HHS/United States\nER  - \n", "own.ris")
    assert rec.get("funding", []) == []


def test_an_ad_line_wrapped_is_one_affiliation(tmp_path):
    # an address wrapped, its rest indented or after a line that ends no address (no country
    # nor postcode): one affiliation, the author's (QA of 87f61cf)
    wrapped = "AD  - Department of Orthopaedic Surgery, Massachusetts General Hospital, Harvard\n{}Medical School, Boston, MA, USA\n"
    for indent in ("      ", ""):
        rec, = _ris(tmp_path, "TY  - JOUR\nTI  - Wrapped\nAU  - Smith, John\n" + wrapped.format(indent)
                    + "PY  - 2020\nER  - \n")
        whole = "Department of Orthopaedic Surgery, Massachusetts General Hospital, Harvard Medical School, Boston, MA, USA"
        assert rec["extra"]["affiliations"] == [whole]
        assert rec["authors"][0]["affiliation"] == whole
    # an indented line is the address before wrapped, whatever that one ends with
    rec, = _ris(tmp_path, "TY  - JOUR\nTI  - Wrapped\nAU  - Smith, John\nAD  - Department of Radiology, Beijing, China\n"
                          "   (the Third Hospital)\nPY  - 2020\nER  - \n")
    assert rec["extra"]["affiliations"] == ["Department of Radiology, Beijing, China (the Third Hospital)"]


def test_lines_without_a_tag_after_sn_and_ur_are_values_of_their_own(tmp_path):
    # EndNote (formats/mixed-exports/ris_export.txt): a PubMed record's ISSNs and its links, one a line
    rec, = _ris(tmp_path, "TY  - JOUR\nTI  - Two of each\nT2  - Nature\nPY  - 1995\nSN  - 0028-0836 (Print)\n"
                          "1476-4687 (Electronic)\nUR  - https://www.ncbi.nlm.nih.gov/pubmed/7845465\n"
                          "https://www.nature.com/articles/373523a0.pdf\ninternal-pdf://0123/Smith-1995.pdf\nER  - \n")
    assert (rec["issn"], rec["extra"]["other_issns"]) == ("0028-0836", ["1476-4687"])
    assert (rec["url"], rec["extra"]["other_urls"]) == (
        "https://www.ncbi.nlm.nih.gov/pubmed/7845465",
        ["https://www.nature.com/articles/373523a0.pdf", "internal-pdf://0123/Smith-1995.pdf"])
    # a line that starts no link is the link before wrapped, as before
    rec, = _ris(tmp_path, "TY  - ELEC\nTI  - A page\nPY  - 2020\nUR  - https://example.org/a\n/b\nER  - \n", "w.ris")
    assert rec["url"].startswith("https://example.org/a") and "other_urls" not in rec["extra"]


def test_a_grant_without_a_number_in_a_pubmed_records_note_is_funding(tmp_path):
    # MEDLINE's GR without a number, "Agency/Country", one a line of EndNote's N1 of a PubMed record
    note = "N1  - 1095-9203\nWellcome Trust/United Kingdom\nR01 GM000001/GM/NIGMS NIH HHS/United States\nUnited States\n"
    rec, = _ris(tmp_path, f"TY  - JOUR\nTI  - A PubMed record\nAU  - Smith, John\n{note}DP  - NLM\nPY  - 2019\nER  - \n")
    assert [(f["funder_original"], f["award"]) for f in rec["funding"]] == [
        ("Wellcome Trust", None), ("NIGMS NIH HHS", "R01 GM000001")]
    # two parts whose last is no country are a note's own; in a record not from PubMed, no line is read
    rec, = _ris(tmp_path, "TY  - JOUR\nTI  - Screening\nAU  - Smith, John\nPY  - 2020\nDP  - NLM\n"
                          "N1  - Reviewer 1/Agreed\nFull text/Requested\nER  - \n", "notes.ris")
    assert rec.get("funding", []) == []
    rec, = _ris(tmp_path, "TY  - JOUR\nTI  - Own note\nAU  - Smith, John\nPY  - 2020\n"
                          "N1  - Wellcome Trust/United Kingdom\nER  - \n", "own.ris")
    assert rec.get("funding", []) == []


# The PMID other databases write in RIS as their record's accession (qa_pmwos: ovid1.ris, ovid2.ris,
# endnote_pm.ris): Ovid MEDLINE's ID (its DB names the segment), Embase's C5 (its "MEDLINE PMID";
# U2 is Embase's PUI), Cochrane CENTRAL's XR, EndNote's AN of a PubMed record without its ID.
ACCESSIONS = """\
TY  - JOUR
DB  - Ovid MEDLINE(R) ALL <1946 to March 14, 2024>
ID  - 32672909
TI  - SPTBN4 Disorder.
PY  - 1993
ER  - 

TY  - JOUR
DB  - Ovid MEDLINE(R) In-Process & Other Non-Indexed Citations
AN  - 31234567
TI  - In process
PY  - 2019
ER  - 

TY  - JOUR
DB  - Embase
AN  - 2015678901
TI  - Embase paper.
PY  - 2022
U2  - L2015678901
C5  - 35290001
ER  - 

TY  - JOUR
ID  - CN-02123456
TI  - Efficacy of acupuncture for chronic low back pain
PY  - 2020
XR  - PUBMED 32421251
XR  - EMBASE 2005123456
ER  - 

TY  - JOUR
AN  - 32672910
DP  - NLM
TI  - EndNote from PubMed
PY  - 2020
ER  - 

TY  - JOUR
AN  - 22424230
DP  - NLM
TI  - EndNote from PubMed with its record number
PY  - 2012
ID  - 374
ER  - 

TY  - JOUR
DB  - Embase
ID  - 2015678902
TI  - Embase paper without a PMID
PY  - 2022
ER  - 

TY  - JOUR
DP  - NLM
ID  - 375
TI  - EndNote's record number alone
PY  - 2012
ER  - 
"""


def test_the_pmid_other_databases_write_as_their_accession(tmp_path):
    pmids = [rec["extra"].get("pmid") for rec in _ris(tmp_path, ACCESSIONS)]
    assert pmids == [["32672909"], ["31234567"], ["35290001"], ["32421251"], ["32672910"], ["22424230"], None, None]


def test_a_tag_with_a_malformed_separator_is_still_its_tag(tmp_path):
    # "AB -Text" and "AB- Text" went into the SP before them ("10 AB-Text"), the abstract lost;
    # a wrapped line of prose opening with a suspended hyphen, or with no RIS tag, continues
    one, two = _ris(tmp_path, "TY  - JOUR\nTI  - A title\nPY  - 2020\nSP  - 10\nAB -Text of abstract one,\n"
                              "T1- and T2-weighted images.\nKW  - x\nER  - \n\n"
                              "TY  - JOUR\nTI  - Another title\nSP  - 12\nZZ -not a tag\nAB- Text two.\nER  - \n")
    assert (one["pages"], one["abstract"]) == ("10", {"en": "Text of abstract one, T1- and T2-weighted images."})
    assert [i.split(": ", 1)[1] for i in one["issues"]] == [
        "'AB -Text of abstract one,' read as its tag AB (a malformed separator)"]
    assert two["pages"].startswith("12 ZZ") and two["abstract"] == {"en": "Text two."}
    assert len(two["issues"]) == 1


def test_prose_that_opens_like_a_tag_with_a_loose_separator_continues(tmp_path):
    # review: unindented wrapped lines of an abstract opening "T2- weighted", "C5- C6 level", "L4 -L5
    # level" were read as T2 (the journal 'weighted sequences at the'), C5 and L4, the abstract cut;
    # a numbered tag, or a lowercase word or a letter and a digit after the dash, is no tag's line
    rec, = _ris(tmp_path, "TY  - JOUR\nTI  - Spine imaging study\nAU  - Smith, John\n"
                          "AB  - Patients underwent MRI with T1- and\nT2- weighted sequences at the\n"
                          "C5- C6 level and at the\nL4 -L5 level were compared with\nTI -T2 mapping, as\n"
                          "AU -related work did.\nPY  - 2020\nER  - \n")
    assert rec["abstract"] == {"en": "Patients underwent MRI with T1- and T2- weighted sequences at the "
                                     "C5- C6 level and at the L4 -L5 level were compared with TI -T2 mapping, "
                                     "as AU -related work did."}
    assert (rec["title"], rec["journal"], rec["issues"]) == ({"en": "Spine imaging study"}, {}, [])


def test_prose_that_opens_like_a_shaped_tag_continues(tmp_path):
    # regression QA: "ER- PR- HER2- (triple negative)" ended the record there (the abstract cut, its
    # DOI and keyword a record of their own) and "AU- ROC of the model" was an author: ER's value is
    # none, AU's a name ("Smith, John"), PY's a year, SP's a number
    rec, second = _ris(tmp_path, "TY  - JOUR\nAU  - Smith, John\nTI  - Receptor status in breast cancer\n"
                                 "PY  - 2020\nAB  - We studied 200 women. Tumours that were\n"
                                 "ER- PR- HER2- (triple negative) had the worst survival; the\n"
                                 "AU- ROC of the model was 0.81, as\nPY -Based scores were.\n"
                                 "KW  - breast\nDO  - 10.1000/breast.1\nER  - \n\n"
                                 "TY  - JOUR\nAU  - Lee, Ann\nTI  - Second record\nPY -2021\nER  - \n")
    assert rec["abstract"] == {"en": "We studied 200 women. Tumours that were ER- PR- HER2- (triple negative) had "
                                     "the worst survival; the AU- ROC of the model was 0.81, as PY -Based scores were."}
    assert (rec["doi"], rec["keywords"], rec["issues"]) == ("10.1000/breast.1", {"en": ["breast"]}, [])
    assert [a.get("family") for a in rec["authors"]] == ["Smith"]
    assert second["title"] == {"en": "Second record"} and second["year"] == 2021   # a year's PY -2021 read


@pytest.mark.parametrize("year, date", [("PY  - 2020", "10/15/online"), ("Y1  - 2020", "10/15/online"),
                                        ("PY  - 2020", "2020/10/15/online")])
def test_nature_online_date_gives_its_month_and_day(tmp_path, year, date):
    # Nature's DA: RIS's YYYY/MM/DD/other, its year left out (read on PY's or Y1's) or written
    path = tmp_path / "nature.ris"
    path.write_text(f"TY  - JOUR\nTI  - A Nature paper\nAU  - Smith, John\n{year}\nDA  - {date}\nER  - \n",
                    encoding="utf-8")
    (rec,) = records_of(path)
    assert rec["year"] == 2020
    (item,) = json.loads(rendered([rec], "csl-json"))
    assert item["issued"]["date-parts"] == [[2020, 10, 15]]


@pytest.mark.parametrize("ty", ["BOOK", "EDBOOK"])
def test_a_books_a3_is_its_series_editor_not_a_supervisor(tmp_path, ty):
    # RIS's A3 of a book is its Series Editor (Zotero's seriesEditor): it was read as a thesis
    # supervisor, then as the book's editor, whom GB/T 7714 wrote as the responsible persons
    # of a book without authors (Brown A, 主编); the series editor is none of the book's
    rec, = _ris(tmp_path, f"TY  - {ty}\nTI  - Spinal Oncology\nAU  - Smith, John\nA3  - Brown, Alice\n"
                          "T3  - Lecture Notes in Surgery\nPB  - Springer\nPY  - 2020\nER  - \n")
    assert rec["extra"]["series_editor"] == ["Brown, Alice"] and "supervisors" not in rec["extra"]
    assert "editor" not in rec["extra"] and rec["extra"]["series"] == ["Lecture Notes in Surgery"]
    anonymous, = _ris(tmp_path, f"TY  - {ty}\nTI  - 脊柱外科学\nA3  - 王建国\nPB  - 人民卫生出版社\nCY  - 北京\n"
                                "PY  - 2020\nER  - \n", "zh.ris")
    assert rendered([anonymous], "gbt7714") == "[1] 脊柱外科学[M]. 北京: 人民卫生出版社, 2020.\n"
    assert "A3  - 王建国\n" in rendered([anonymous], "ris")


@pytest.mark.parametrize("ty", ["CHAP", "CONF"])
def test_a_chapters_a3_is_its_series_editor_not_a_supervisor(tmp_path, ty):
    # RIS's A3 is the tertiary author: a chapter's (a conference paper's) series editor, as Zotero
    # reads it (seriesEditor); it was read as a thesis supervisor (found by supervisor:).  Kept
    # apart from A2, the book's editor, which Vancouver and GB/T 7714 cite: written back to A3
    # and CSL's collection-editor
    rec, = _ris(tmp_path, f"TY  - {ty}\nTI  - Spinal metastases\nAU  - Abe, Anna\nA2  - Smith, John\n"
                          "A3  - Brown, Alice\nT2  - Spine surgery\nPY  - 2021\nER  - \n")
    assert rec["extra"]["series_editor"] == ["Brown, Alice"] and "supervisors" not in rec["extra"]
    assert rec["extra"]["editor"] == ["Smith, John"]
    assert "A2  - Smith, John\nA3  - Brown, Alice\n" in rendered([rec], "ris")
    item, = json.loads(rendered([rec], "csl-json"))
    assert item["collection-editor"] == [{"family": "Brown", "given": "Alice"}]
    assert "Brown" not in rendered([rec], "vancouver")


def test_a_theses_a3_stays_its_supervisor(tmp_path):
    rec, = _ris(tmp_path, "TY  - THES\nTI  - 脊柱转移瘤的研究\nAU  - 王五\nA3  - 李明\nPB  - 四川大学\nPY  - 2020\nER  - \n")
    assert rec["extra"]["supervisors"] == ["李明"] and "editor" not in rec["extra"]
