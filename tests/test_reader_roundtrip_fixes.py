"""Records exported and read back by our own readers, quirks found by a QA pass: a thesis's
university (EndNote ``%I``) is not also its journal; a corporate author with "and" in its name
stays one author in our CSV; Scopus's "Funding Text 1" and "Funding Details" columns are
funding; NoteExpress's ``{Edition}``, ``{Patent}`` and a standard's ``{Number}`` are kept."""
from __future__ import annotations

import json

import pytest

from conftest import read_back, records_of, rendered

THESIS_RIS = """TY  - THES
TI  - 骨肉瘤化疗耐药机制研究
AU  - 陈思思
PB  - 北京协和医学院
PY  - 2019
ER  - 
"""

CORPORATE_RIS = """TY  - RPRT
TI  - World Population Prospects
AU  - United Nations Department of Economic and Social Affairs
PY  - 2019
ER  - 
"""


def _read(tmp_path, name: str, text: str) -> list[dict]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return records_of(path)


def test_a_thesis_university_in_endnote_is_its_publisher_not_its_journal(tmp_path):
    (thesis,) = _read(tmp_path, "thesis.ris", THESIS_RIS)
    text = rendered([thesis], "endnote")
    assert "%I 北京协和医学院" in text and "%J" not in text and "%B" not in text
    (back,) = read_back(text, "endnote", tmp_path)
    assert back["type"] == "thesis" and back["extra"]["publisher"] == ["北京协和医学院"]
    assert back["journal"] == {}


def test_cnki_endnote_thesis_with_i_only_has_no_journal(tmp_path):
    # CNKI's own export: the university as %I and no %J / %B
    (rec,) = _read(tmp_path, "cnki.enw", "%0 Thesis\n%A 潘福妮\n%T 中西方高校人文教育的比較研究\n"
                                         "%Y 董鋒\n%I 大連理工大學\n%9 碩士\n%D 2006\n")
    assert rec["journal"] == {} and rec["extra"]["publisher"] == ["大連理工大學"]
    assert rec["extra"]["supervisors"] == ["董鋒"]


def test_a_corporate_author_with_and_reads_back_from_csv_as_one(tmp_path):
    (rec,) = _read(tmp_path, "corp.ris", CORPORATE_RIS)
    text = rendered([rec], "csv")
    (back,) = read_back(text, "csv", tmp_path)
    assert back["authors"] == [{"literal": "United Nations Department of Economic and Social Affairs", "lang": "en"}]


def test_a_csv_and_list_of_people_is_still_split(tmp_path):
    (rec,) = _read(tmp_path, "people.csv", 'Title,Authors,Year\nA paper,"Smith, John and Lee, Kim",2020\n')
    assert [(a["family"], a["given"]) for a in rec["authors"]] == [("Smith", "John"), ("Lee", "Kim")]


SCOPUS_NUMBERED = (
    "Authors,Title,Year,Source title,Abstract,Funding Details,Funding Text 1,Document Type,Source,EID\n"
    '"Wang J.","Another study",2019,"J X","Abstract here.","Natural Science Foundation of Shandong Province: '
    'ZR2019MH036","Funding: This work was funded by the Natural Science Foundation of Shandong Province '
    '(ZR2019MH036).",Article,Scopus,2-s2.0-85000000001\n')


def test_scopus_funding_text_n_is_funding(tmp_path):
    (rec,) = _read(tmp_path, "scopus.csv", SCOPUS_NUMBERED)
    assert [(f["funder"], f["award"]) for f in rec["funding"]] == \
        [("Natural Science Foundation of Shandong Province", "ZR2019MH036")]
    assert "Funding Text 1" not in rec["extra"].get("columns", {})
    # the details name the same grant as the text: kept as written, not read twice
    assert "Funding Details" in rec["extra"]["columns"]


def test_scopus_funding_details_alone_are_funding(tmp_path):
    (rec,) = _read(tmp_path, "details.csv", 'Authors,Title,Year,Funding Details\n"Wang J.","T",2019,'
                                             '"National Natural Science Foundation of China, NSFC: 81672345"\n')
    assert [(f["funder"], f["award"]) for f in rec["funding"]] == \
        [("National Natural Science Foundation of China", "81672345")]


NOTEEXPRESS = """{Reference Type}: Book
{Title}: 脊柱外科学
{Author}: 胥少汀;葛宝丰;徐印坎
{Edition}: 4
{Publisher}: 人民军医出版社
{Year}: 2012

{Reference Type}: Patent
{Title}: 一种脊柱手术用定位装置
{Author}: 吴十;郑十一
{Patent}: CN108888888A
{Date}: 2018-11-27

{Reference Type}: Standard
{Title}: 信息与文献 参考文献著录规则
{Number}: GB/T 7714-2015
{Year}: 2015

{Reference Type}: Journal Article
{Title}: 一篇文章
{Author}: 王五
{Journal}: 中华骨科杂志
{Year}: 2020
{Number}: 3
"""


def test_noteexpress_edition_patent_and_number(tmp_path):
    book, patent, standard, article = _read(tmp_path, "zh.net", NOTEEXPRESS)
    assert book["extra"]["edition"] == ["4"] and "tags" not in book["extra"]
    assert "ET  - 4" in rendered([book], "ris")
    assert patent["extra"]["number"] == ["CN108888888A"] and "tags" not in patent["extra"]
    assert standard["extra"]["number"] == ["GB/T 7714-2015"] and standard["issue"] is None
    assert article["issue"] == "3"


def test_legal_and_music_types_come_back_from_endnote_and_ris(tmp_path):
    # EndNote has Case, Statute, Bill and Music: they had been written Generic and read back as documents
    records = _read(tmp_path, "types.json", json.dumps([
        {"id": "c1", "type": "legal_case", "title": "Brown v. Board of Education", "volume": "347", "page": "483",
         "issued": {"date-parts": [[1954]]}},
        {"id": "b1", "type": "bill", "title": "Clean Air Act", "volume": "12", "issued": {"date-parts": [[1990]]}},
        {"id": "s1", "type": "legislation", "title": "Data Protection Act", "issued": {"date-parts": [[2018]]}},
        {"id": "m1", "type": "song", "title": "Symphony No. 5", "issued": {"date-parts": [[1808]]}}]))
    back = read_back(rendered(records, "endnote"), "endnote", tmp_path)
    assert [(r["type"], r.get("volume")) for r in back] == [("legal_case", "347"), ("bill", "12"),
                                                             ("legislation", None), ("song", None)]
    # RIS's BILL and SOUND (a sound recording) are read as those types; ours writes them GEN, so that
    # a case's or bill's volume comes back (VL of CASE, BILL is their number)
    ris = "".join(f"TY  - {ty}\nTI  - {ty} item\nER  - \n\n" for ty in ("BILL", "SOUND"))
    assert [r["type"] for r in _read(tmp_path, "types.ris", ris)] == ["bill", "song"]
    assert [(r["type"], r.get("volume")) for r in read_back(rendered(records[:2], "ris"), "ris", tmp_path)] == [
        ("document", "347"), ("document", "12")]


NOTE_RIS = """TY  - JOUR
TI  - A study of notes
AU  - Smith, John
PY  - 2020
N1  - Read for chapter 2
Second reading: chapter 5
ER  - 
"""


@pytest.mark.parametrize("fmt", ["endnote", "bibtex", "biblatex"])
def test_a_note_of_two_lines_reads_back_as_two_lines(tmp_path, fmt):
    # written a line each (EndNote's %Z and its next line, BibTeX's annote), as RIS's N1 is read
    (rec,) = _read(tmp_path, "note.ris", NOTE_RIS)
    assert rec["extra"]["notes"] == ["Read for chapter 2\nSecond reading: chapter 5"]
    (back,) = read_back(rendered([rec], fmt), fmt, tmp_path)
    assert back["extra"]["notes"] == ["Read for chapter 2\nSecond reading: chapter 5"]


def test_cnki_endnote_note_paragraphs_and_a_wrapped_abstract(tmp_path):
    (rec,) = _read(tmp_path, "cnki.enw", "%0 Journal Article\n%A 张三\n%T 题名\n%X An abstract\nwrapped here\n"
                                         "%Z 第一行\n第二行\n")
    assert rec["abstract"]["en"] == "An abstract wrapped here"
    assert rec["extra"]["notes"] == ["第一行\n第二行"]


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex", "csv"])
def test_an_id_only_record_survives_bibtex_and_csv(tmp_path, fmt):
    # a record with its PMID and nothing else, which RIS and CSL-JSON keep and flag: so do these
    (rec,) = _read(tmp_path, "ids.json", '[{"id": "x1", "type": "article-journal", "PMID": "33414982"}]')
    assert rec["extra"]["pmid"] == ["33414982"] and rec["issues"]
    (back,) = read_back(rendered([rec], fmt), fmt, tmp_path)
    assert back["extra"]["pmid"] == ["33414982"]
    assert any("record has no title, abstract, author, journal or DOI" in i for i in back["issues"])


@pytest.mark.parametrize("name, text, kept, reason", [
    # tagged formats: keywords are content; the record's own ID keeps one with nothing else
    ("kw.ris", "TY  - JOUR\nKW  - spine\nER  - \n", True, None),
    ("id.ris", "TY  - JOUR\nID  - R7\nPY  - 2020\nER  - \n", True, None),
    ("none.ris", "TY  - JOUR\nPY  - 2020\nER  - \n", False, "record has no title, abstract, author, journal or DOI"),
    # CSL-JSON: keywords are not; its id keeps it
    ("kw.json", '[{"id": "", "type": "article-journal", "keyword": "spine"}]', False,
     "item has no title, author, container or DOI"),
    ("id.json", '[{"id": "x1", "type": "article-journal", "issued": {"date-parts": [[2020]]}}]', True, None),
    # BibTeX and CSV: a key every entry has keeps none; a PMID does
    ("key.bib", "@article{k1, year = {2020}}\n", False, "entry has no title, author, journal or DOI"),
    ("pmid.bib", "@article{k1, year = {2020}, pmid = {33414982}}\n", True, None),
    ("id.csv", "Title,Authors,Journal,Year,ID\n,,,2020,r1\n", False, "row has no title, author, journal or DOI"),
    ("pmid.csv", "Title,Authors,Journal,Year,PMID\n,,,2020,33414982\n", True, None),
])
def test_what_keeps_a_record_with_no_title_author_journal_or_doi(tmp_path, name, text, kept, reason):
    # three readers' rules, one function (readers.base.kept_or_failed): what counts, what keeps
    from indexer.cleaner import clean_paths
    from indexer.record import Failure

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (item,) = clean_paths([str(path)])
    if kept:
        assert not isinstance(item, Failure), item.reason
        assert any("record has no title, abstract, author, journal or DOI" in i for i in item.issues) \
            or name == "kw.ris"
    else:
        assert isinstance(item, Failure) and item.reason == reason, item
