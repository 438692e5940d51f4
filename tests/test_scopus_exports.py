"""Scopus's CSV, RIS and BibTeX exports (QA pass on Scopus): a paper not in English has its
English title and, in brackets, its original title in one field."""
from __future__ import annotations

import pytest

from conftest import records_of

ZH = "Analysis of risk factors for postoperative infection after spinal surgery [脊柱术后感染危险因素分析]"
ZH_EN = "Analysis of risk factors for postoperative infection after spinal surgery"


def _one(tmp_path, name: str, text: str) -> dict:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (record,) = records_of(path)
    return record


def _csv(title: str, language: str = "English") -> str:
    return ('"Authors","Title","Year","Source title","Language of Original Document","Source","EID"\n'
            f'"Wang Y.; Chen H.","{title}","2020","Chinese Journal of Orthopaedics","{language}","Scopus",'
            '"2-s2.0-85090000000"\n')


def _ris(title: str, language: str = "English") -> str:
    return (f"TY  - JOUR\nAU  - Wang, Y.\nTI  - {title}\nPY  - 2020\nT2  - Chinese Journal of Orthopaedics\n"
            f"LA  - {language}\nDB  - Scopus\nER  - \n")


def _bib(title: str, language: str = "English") -> str:
    return (f"@ARTICLE{{Wang2020,\n\tauthor = {{Wang, Yu}},\n\ttitle = {{{title}}},\n\tyear = {{2020}},\n"
            f"\tjournal = {{Chinese Journal of Orthopaedics}},\n\tlanguage = {{{language}}},\n"
            "\tsource = {Scopus}\n}\n")


EXPORTS = {"scopus.csv": _csv, "scopus.ris": _ris, "scopus.bib": _bib}


@pytest.mark.parametrize("name", EXPORTS)
def test_original_title_in_brackets_is_its_language_title(tmp_path, name):
    record = _one(tmp_path, name, EXPORTS[name](ZH, "Chinese"))
    assert record["title"] == {"zh": "脊柱术后感染危险因素分析", "en": ZH_EN}
    assert record["language"] == "zh"
    assert ("split_original_title", ZH, ZH_EN) in {(r["step"], r["before"], r["after"]) for r in record["repairs"]}


@pytest.mark.parametrize("title,original,lang,declared", [
    ("Do castrated dogs die earlier?", "Sterben kastrierte Hunde früher als nicht kastrierte Hunde?", "de", "German"),
    # whose "in"s alone would have made it English
    ("Crowdwork: Applying a relational inequality theory",
     "Arbeiten in der Crowd: Perspektiven der Theorie relationaler Ungleichheiten in Arbeitsorganisationen", "de",
     "English"),
    ("Platform employment: scale and signs of precarity",
     "Платформенная занятость: масштабы и признаки неустойчивости", "ru", "Russian"),
    ("Diagnosis of lung cancer in older patients", "高齢者における肺癌の診断", "ja", "Japanese"),
])
def test_original_title_in_another_language(tmp_path, title, original, lang, declared):
    record = _one(tmp_path, "scopus.ris", _ris(f"{title} [{original}]", declared))
    assert record["title"] == {lang: original, "en": title}
    assert record["language"] == lang


@pytest.mark.parametrize("title", [
    "Hemolytic uremic syndrome associated with streptococcus (multiple letters) [1]",
    "Management of cervical premalignant lesions [Review]",
    "Effect of oxytocin perfusion on neonatal blood bilirubin [Letter]",
    "Paroxysmal nocturnal hemoglobinuria in a phase III trial [Abstract]",
    "The all-seeing employer - [careers]",
    'Erratum to "Leveraging IT resources" [J. Strategic Inf. Syst. 12(2003) 229-249]',
    "Clinical aspects of the complement system [a review of the recent literature]",
    "Treatment of dry age-related macular degeneration. [Turkish]",
    # a Chinese term glossed, not a title
    "The clinical effect of Xiaoyao powder on depression in elderly patients [逍遥散]",
])
def test_a_bracket_in_english_or_no_language_stays_in_the_title(tmp_path, title):
    record = _one(tmp_path, "scopus.ris", _ris(title))
    assert record["title"] == {"en": title}
    assert "split_original_title" not in {r["step"] for r in record["repairs"]}


@pytest.mark.parametrize("name", EXPORTS)
def test_no_abstract_placeholder_is_no_abstract(tmp_path, name):
    text = {"scopus.csv": _csv(ZH, "Chinese").replace('"Source","EID"', '"Abstract","Source","EID"').replace(
                '"Scopus",', '"[No abstract available]","Scopus",'),
            "scopus.ris": _ris(ZH, "Chinese").replace("DB  - ", "AB  - [No abstract available]\nDB  - "),
            "scopus.bib": _bib(ZH, "Chinese").replace("\tsource", "\tabstract = {[No abstract available]},\n\tsource")}[name]
    assert "[No abstract available]" in text
    record = _one(tmp_path, name, text)
    assert record["abstract"] == {} and record["sections"] == {}
    assert ("drop_no_abstract_placeholder", "[No abstract available]") in {
        (r["step"], r["before"]) for r in record["repairs"]}


@pytest.mark.parametrize("placeholder", ["No abstract available.", "[Abstract not available]", "暂无摘要", "【无摘要】"])
def test_other_no_abstract_placeholders(tmp_path, placeholder):
    record = _one(tmp_path, "x.ris", _ris("Risk factors of infection", "English").replace(
        "DB  - ", f"AB  - {placeholder}\nDB  - "))
    assert record["abstract"] == {}


def test_an_abstract_saying_no_abstract_is_available_is_kept(tmp_path):
    text = "No abstract available for this case report, so we describe the patient here."
    record = _one(tmp_path, "x.ris", _ris("Risk factors of infection").replace("DB  - ", f"AB  - {text}\nDB  - "))
    assert record["abstract"] == {"en": text}


# Scopus's funding: its text, and its details (funder, acronym, grant numbers), which may name
# a grant the text does not.
TEXT = "This work was supported by the National Natural Science Foundation of China (81702662, 81871234)."
DETAILS = ("National Natural Science Foundation of China, NSFC, (81702662, 81871234); "
           "Shanxi Province Science Foundation for Youths, (201901D211123)")
GRANTS = [("National Natural Science Foundation of China", "81702662"),
          ("National Natural Science Foundation of China", "81871234"),
          ("Shanxi Province Science Foundation for Youths", "201901D211123")]


def _grants(record: dict) -> list[tuple[str, str]]:
    return [(f["funder"], f["award"]) for f in record["funding"]]


def test_ris_note_funding_is_funding_the_rest_kept(tmp_path):
    note = ("Export Date: 28 January 2025; Cited By: 0; Correspondence Address: H. Chen; Taiyuan, China; "
            "email: ch@sxmu.edu.cn; Funding details: National Natural Science Foundation of China, NSFC, 81702662; "
            "Funding details: National Natural Science Foundation of China, NSFC, 81871234; "
            "Funding details: Shanxi Province Science Foundation for Youths, 201901D211123; "
            f"Funding text 1: {TEXT}; References: Smith J., Spinal tumours, Lancet, 390, (2017); Lee K., "
            "Metastasis, Nature, 500, (2013)")
    record = _one(tmp_path, "scopus.ris", _ris(ZH_EN).replace("DB  - ", f"N1  - {note}\nDB  - "))
    assert _grants(record) == GRANTS
    assert record["extra"]["notes"] == [
        "Export Date: 28 January 2025; Cited By: 0; Correspondence Address: H. Chen; Taiyuan, China; "
        "email: ch@sxmu.edu.cn; References: Smith J., Spinal tumours, Lancet, 390, (2017); Lee K., "
        "Metastasis, Nature, 500, (2013)"]


def test_ris_funding_in_notes_of_their_own_and_details_alone(tmp_path):
    """Scopus's older RIS: one N1 a part; a record with details and no text."""
    record = _one(tmp_path, "scopus.ris", _ris(ZH_EN).replace("DB  - ", (
        "N1  - Export Date: 15 October 2020\nN1  - Funding details: Shanxi Province Science Foundation for Youths, "
        "201901D211123\nDB  - ")))
    assert _grants(record) == GRANTS[2:]
    assert record["extra"]["notes"] == ["Export Date: 15 October 2020"]


def test_ris_notes_of_others_unchanged(tmp_path):
    record = _one(tmp_path, "x.ris", _ris(ZH_EN).replace("DB  - ", "N1  - Record ID: 10; Notes: funding details: none\nDB  - "))
    assert record["extra"]["notes"] == ["Record ID: 10; Notes: funding details: none"] and record["funding"] == []


def test_bibtex_grant_only_in_details_is_funding(tmp_path):
    record = _one(tmp_path, "scopus.bib", _bib(ZH_EN).replace(
        "\tsource", f"\tfunding_details = {{{DETAILS}}},\n\tfunding_text 1 = {{{TEXT}}},\n\tsource"))
    assert _grants(record) == GRANTS
    assert record["extra"]["bibtex_fields"]["funding_details"] == DETAILS   # kept as written


def test_csv_grant_only_in_details_is_funding_once(tmp_path):
    """An NIH number the text writes without its activity code is the same grant."""
    details = ("National Natural Science Foundation of China, NSFC: 81702662, 81871234; "
               "Shanxi Province Science Foundation for Youths: 201901D211123; National Institutes of Health, NIH: R01 AI123456")
    text = TEXT.replace(").", ") and the National Institutes of Health (AI123456).")
    csv_text = _csv(ZH_EN).replace('"Source","EID"', '"Funding Details","Funding Texts","Source","EID"').replace(
        '"Scopus",', f'"{details}","{text}","Scopus",')
    record = _one(tmp_path, "scopus.csv", csv_text)
    assert _grants(record) == GRANTS[:2] + [("National Institutes of Health", "AI123456")] + GRANTS[2:]


def test_a_latin_script_original_is_spaced_as_an_english_title_is(tmp_path):
    # digital_work.ris's "Crowd:Perspektiven": before the split the whole title was repaired as
    # English; the German original is repaired the same way
    record = _one(tmp_path, "scopus.ris", _ris("Crowdwork: Applying a relational inequality theory [Arbeiten in der "
                                               "Crowd:Perspektiven der Theorie relationaler Ungleichheiten]", "English"))
    assert record["title"]["de"] == "Arbeiten in der Crowd: Perspektiven der Theorie relationaler Ungleichheiten"


def test_no_author_name_available_is_no_author(tmp_path):
    # Scopus's placeholder for an item without authors (an editorial), as "[No authors listed]" is PubMed's
    record = _one(tmp_path, "scopus.ris", "TY  - JOUR\nAU  - [No author name available]\nTI  - Editorial: the year in "
                                          "review\nPY  - 2021\nT2  - Lancet\nDB  - Scopus\nER  - \n")
    assert record["authors"] == []


@pytest.mark.parametrize("name,text,kept", [
    ("a.ris", "TY  - JOUR\nAU  - Wang, J.\nTI  - Malic enzyme\nPY  - 2021\nT2  - Appl Environ Microbiol\n"
              "C7  - e02132-20\nDB  - Scopus\nER  - \n", lambda e: e["tags"]["C7"]),
    ("a.bib", "@ARTICLE{Wang2021,\n author = {Wang, Jianguo},\n title = {Malic enzyme},\n year = {2021},\n"
              " journal = {Appl Environ Microbiol},\n art_number = {e02132-20},\n source = {Scopus}\n}\n",
     lambda e: [e["bibtex_fields"]["art_number"]]),
])
def test_a_hyphenated_article_number_is_no_page_range(tmp_path, name, text, kept):
    """ASM's article number e02132-20 is no pages (e02132 to 20): kept whole where the reader keeps it."""
    record = _one(tmp_path, name, text)
    assert record["pages"] is None
    assert kept(record["extra"]) == ["e02132-20"]


def test_csv_conference_columns_and_editors(tmp_path):
    """Scopus's "Conference name", "Conference date" and "Conference location" are kept where
    Web of Science's CT, CY and CL are (extra.conference …); its "Editors" (comma-separated, as
    its older "Authors") are one editor each."""
    record = _one(tmp_path, "scopus.csv", (
        '"Authors","Title","Year","Source title","Editors","Conference name","Conference date",'
        '"Conference location","Conference code","Document Type","Source","EID"\n'
        '"Garcia A.; Müller K.","Efficient indexing","2019","Proceedings - 2019 IEEE Big Data",'
        '"Baru C., Huan J., Khan L.","2019 IEEE International Conference on Big Data",'
        '"9 December 2019 through 12 December 2019","Los Angeles","158113","Conference paper","Scopus",'
        '"2-s2.0-1"\n'))
    extra = record["extra"]
    assert extra["conference"] == ["2019 IEEE International Conference on Big Data"]
    assert extra["conference_date"] == ["9 December 2019 through 12 December 2019"]
    assert extra["conference_location"] == ["Los Angeles"]
    assert extra["columns"]["Conference code"] == "158113"
    assert extra["editor"] == ["Baru C.", "Huan J.", "Khan L."]


def test_csv_zotero_editors_still_split_on_semicolons(tmp_path):
    record = _one(tmp_path, "zotero.csv", ('"Item Type","Title","Author","Editor","Publication Year"\n'
                                           '"bookSection","A chapter","Doe, John","Roe, Jane; Poe, Ann","2020"\n'))
    assert record["extra"]["editor"] == ["Roe, Jane", "Poe, Ann"]


@pytest.mark.parametrize("kind,m3,csl", [("JOUR", "Article", "article-journal"), ("CHAP", "Book chapter", "chapter"),
                                         ("CONF", "Conference paper", "paper-conference")])
def test_ris_m3_is_the_document_type_whatever_the_ty(tmp_path, kind, m3, csl):
    """Scopus's M3 is its document type in every TY (not a CHAP's medium): extra.publication_type,
    as a JOUR's is; an M3 of a TY of another database's stays its medium."""
    record = _one(tmp_path, "scopus.ris", f"TY  - {kind}\nAU  - Li, M.\nTI  - Deep learning\nPY  - 2022\n"
                                         f"T2  - Methods Mol Biol\nM3  - {m3}\nDB  - Scopus\nER  - \n")
    assert record["type"] == csl
    assert record["extra"]["publication_type"] == [m3] and "medium" not in record["extra"]


def test_ris_m3_of_a_chapter_from_elsewhere_stays_its_medium(tmp_path):
    record = _one(tmp_path, "a.ris", "TY  - CHAP\nAU  - Li, M.\nTI  - Deep learning\nPY  - 2022\n"
                                     "T2  - A book\nM3  - CD-ROM\nER  - \n")
    assert record["extra"]["medium"] == ["CD-ROM"] and "publication_type" not in record["extra"]
