"""Export: fields a writer dropped though the cleaned record kept them, each written where the
format (and the tools that read it) keeps it, and read back by this project's own readers.

- a patent's and a standard's number (``extra.number``: ``CN101106276A``, ``GB/T 7714—2015``),
  which only CSL-JSON and GB/T 7714 wrote;
- the month and day of a date (RIS ``DA``, MEDLINE ``DP``, a CSL date), which BibTeX and
  BibLaTeX left out (BibLaTeX wrote ``date`` as the year alone).

Inputs are small files written here, as the QA report gave them; expectations come from the
cleaned record, never from what the exporter wrote."""
from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import read_back, rendered
from conftest import records_of as _records

# The QA report's two items (CSL-JSON, as the GB/T 7714 examples give them).
PATENT = {"id": "p1", "type": "patent", "title": "全智能节电器", "author": [{"literal": "邓一刚"}],
          "number": "CN101106276A", "issued": {"date-parts": [[2008, 1, 16]]}, "language": "zh-CN"}
STANDARD = {"id": "s1", "type": "standard", "title": "信息与文献 参考文献著录规则",
            "author": [{"literal": "全国信息与文献标准化技术委员会"}], "number": "GB/T 7714—2015",
            "publisher": "中国标准出版社", "publisher-place": "北京", "issued": {"date-parts": [[2015]]},
            "language": "zh-CN"}
NUMBERS = ["CN101106276A", "GB/T 7714—2015"]


@pytest.fixture
def numbered(tmp_path) -> list[dict]:
    """The patent and the standard, cleaned: their numbers in ``extra.number``."""
    src = tmp_path / "patstd.json"
    src.write_text(json.dumps([PATENT, STANDARD], ensure_ascii=False), encoding="utf-8")
    records = _records(src)
    assert [r["extra"]["number"] for r in records] == [[n] for n in NUMBERS]
    return records


def _values(rec: dict) -> list[str]:
    """Every text a read-back record holds in its fields (not its raw text)."""
    out = []

    def walk(value):
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, str):
            out.append(value)
    walk({k: v for k, v in rec.items() if k not in ("raw_text", "source", "id")})
    return out


# ---------------------------------------------------------------- a patent's and a standard's number
# RIS: SN is what Zotero's RIS import reads as a patent's number (patentNumber) and a STAND's
# (imported as a report: reportNumber); EndNote: a Patent's number is %@ (EndNote's and CNKI's
# exports, read by Zotero as patentNumber), a Standard's %V (CNKI's, read by Zotero as number).
@pytest.mark.parametrize("fmt, lines", [
    ("ris", ["SN  - CN101106276A", "SN  - GB/T 7714—2015"]),
    ("endnote", ["%@ CN101106276A", "%V GB/T 7714—2015"]),
    ("bibtex", ["  number = {CN101106276A},", "  number = {GB/T 7714—2015},"]),
    ("biblatex", ["  number = {CN101106276A},", "  number = {GB/T 7714—2015},"]),
])
def test_a_patents_and_a_standards_number_is_written(fmt, lines, numbered, tmp_path):
    text = rendered(numbered, fmt)
    for line in lines:
        assert line in text.splitlines(), (fmt, line)
    # our own reader reads each back as the number, of a patent and a standard
    back = read_back(text, fmt, tmp_path)
    assert [(r["type"], r["extra"].get("number") or r["extra"].get("patent_number")) for r in back] == [
        ("patent", ["CN101106276A"]), ("standard", ["GB/T 7714—2015"])], fmt


@pytest.mark.parametrize("fmt", ["ris", "endnote", "bibtex", "biblatex", "csv", "csl-json"])
def test_a_reports_number_comes_back_as_its_number(fmt, tmp_path):
    src = tmp_path / "r.ris"
    src.write_text("TY  - RPRT\nTI  - Annual survey of soils\nAU  - Smith, John\nPY  - 2019\nVL  - TR-99\n"
                   "ER  - \n", encoding="utf-8")
    (rec,) = _records(src)
    assert rec["extra"]["number"] == ["TR-99"] and not rec.get("issue")
    (back,) = read_back(rendered([rec], fmt), fmt, tmp_path)
    assert back["extra"].get("number") == ["TR-99"] and not back.get("issue"), fmt


def test_the_numbers_round_trip_through_endnote_and_csv(numbered, tmp_path):
    # the CSV's number column (CSL's variable) holds them; EndNote's %@ of a Patent and %V of a
    # Standard come back as the numbers our reader keeps, and are written again from there
    text = rendered(numbered, "csv")
    assert [r["number"] for r in csv.DictReader(io.StringIO(text))] == NUMBERS
    for rec, number in zip(read_back(text, "csv", tmp_path), NUMBERS):
        assert number in _values(rec)
    again = read_back(rendered(numbered, "endnote"), "endnote", tmp_path)
    assert [r["type"] for r in again] == ["patent", "standard"]
    numbers = [line for line in rendered(again, "endnote").splitlines() if line[:2] in ("%@", "%V")]
    assert numbers == ["%@ CN101106276A", "%V GB/T 7714—2015"]


def test_a_number_is_written_only_for_reports_patents_and_standards(tmp_path):
    # an article's extra.number (an article number, as CSL-JSON gives it) is no patent number
    src = tmp_path / "a.json"
    src.write_text(json.dumps([{"id": "a1", "type": "article-journal", "title": "Trial", "number": "e0815",
                                "container-title": "PLoS One", "issued": {"date-parts": [[2014]]}}]),
                   encoding="utf-8")
    records = _records(src)
    assert records[0]["extra"]["number"] == ["e0815"]
    for fmt in ("ris", "endnote", "bibtex", "biblatex", "csv"):
        assert "e0815" not in rendered(records, fmt), fmt


def test_ris_writes_a_patents_number_before_its_issn(tmp_path):
    # RIS writes the patent number first
    # (Zotero reads the first SN as the patent number) and then the ISSN the record has too
    src = tmp_path / "p.json"
    src.write_text(json.dumps([{**PATENT, "ISSN": "0098-1133"}], ensure_ascii=False), encoding="utf-8")
    (rec,) = _records(src)
    assert rec["issn"] == "0098-1133"
    sn = [line for line in rendered([rec], "ris").splitlines() if line.startswith("SN  - ")]
    assert sn == ["SN  - CN101106276A", "SN  - 0098-1133"]


# ---------------------------------------------------------------- the month and day of a date
@pytest.fixture
def dated(tmp_path) -> list[dict]:
    """Records whose dates have a month (and a day): RIS DA, MEDLINE DP, CSL dates; one year alone."""
    ris = tmp_path / "da.ris"
    ris.write_text("TY  - JOUR\nTI  - A test\nAU  - Smith, John\nPY  - 2020/03/15/\nDA  - 2020/03/15\n"
                   "T2  - Nature\nER  - \n", encoding="utf-8")
    nbib = tmp_path / "dp.nbib"
    nbib.write_text("PMID- 1\nDP  - 2021 Jan 19\nTI  - A pubmed test.\nFAU - Smith, John\nAU  - Smith J\n"
                    "JT  - Nature\nTA  - Nature\n\n", encoding="utf-8")
    news = tmp_path / "news.json"
    news.write_text(json.dumps([
        {"id": "n1", "type": "article-newspaper", "title": "数字革命与竞争国际化", "author": [{"literal": "丁文详"}],
         "container-title": "中国青年报", "page": "15", "issued": {"date-parts": [[2000, 11, 20]]}, "language": "zh-CN"},
        {"id": "n2", "type": "article-journal", "title": "No day", "container-title": "Nature",
         "issued": {"date-parts": [[2020, 3]]}},
        {"id": "n3", "type": "article-journal", "title": "A year alone", "container-title": "Nature",
         "issued": {"date-parts": [[2019]]}}], ensure_ascii=False), encoding="utf-8")
    return _records(ris, nbib, news)


def _field(entry: str, name: str) -> str | None:
    lines = [line for line in entry.splitlines() if line.startswith(f"  {name} = ")]
    return lines[0].split(" = ", 1)[1].rstrip(",") if lines else None


def test_bibtex_writes_the_month_as_its_macro(dated):
    entries = rendered(dated, "bibtex").split("\n\n")[:5]
    assert [_field(e, "month") for e in entries] == ["mar", "jan", "nov", "mar", None]
    assert [_field(e, "year") for e in entries] == ["{2020}", "{2021}", "{2000}", "{2020}", "{2019}"]


def test_biblatex_writes_the_date_as_precise_as_the_source(dated):
    entries = rendered(dated, "biblatex").split("\n\n")[:5]
    assert [_field(e, "date") for e in entries] == ["{2020-03-15}", "{2021-01-19}", "{2000-11-20}", "{2020-03}",
                                                    "{2019}"]
    assert [_field(e, "month") for e in entries] == [None] * 5   # the date carries it


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex"])
def test_the_month_and_day_come_back_through_our_bibtex_reader(fmt, dated, tmp_path):
    # read back and written as CSL-JSON, the dates are the ones the sources gave
    again = read_back(rendered(dated, fmt), fmt, tmp_path)
    issued = [i["issued"]["date-parts"][0] for i in json.loads(rendered(again, "csl-json"))]
    days = [[2020, 3, 15], [2021, 1, 19], [2000, 11, 20], [2020, 3], [2019]]
    assert issued == (days if fmt == "biblatex" else [d[:2] for d in days])   # BibTeX has no day


# A Chinese paper whose abstract and journal the file gives in English only (and a second one
# with both languages' journal), as the QA report's zh_title_en_abs.ris
ONE_LANGUAGE = """TY  - JOUR
TI  - 基于深度学习的图像分割
AU  - 张三
JO  - Journal of Image Science
PY  - 2021
AB  - We propose a segmentation method based on deep learning.
ER  - 

TY  - JOUR
TI  - 原发灶不明脊柱转移瘤的外科治疗
AU  - 王跃
JO  - 中华骨科杂志
J2  - Chinese Journal of Orthopaedics
PY  - 2021
AB  - We reviewed twelve patients.
ER  - 
"""


@pytest.mark.parametrize("fmt", ["ris", "endnote", "bibtex", "biblatex", "csl-json"])
def test_a_field_in_one_language_is_not_written_again_as_its_translation(fmt, tmp_path):
    # it was: RIS a second AB and J2 = JO, EndNote a second %X, BibTeX translatedabstract and
    # translatedjournal, CSL-JSON custom.abstract and custom.journal, each the same text
    path = tmp_path / "zh_title_en_abs.ris"
    path.write_text(ONE_LANGUAGE, encoding="utf-8")
    lone, both = _records(path)
    assert lone["language"] == "zh" and set(lone["abstract"]) == set(lone["journal"]) == {"en"}
    text = rendered([lone], fmt)
    assert text.count("We propose a segmentation method") == text.count("Journal of Image Science") == 1
    text = rendered([both], fmt)   # a journal named in both languages: each is written (EndNote's other one %O)
    assert text.count("中华骨科杂志") == 1 and text.count("Chinese Journal of Orthopaedics") == 1
    assert text.count("We reviewed twelve patients.") == 1
    if fmt in ("bibtex", "biblatex"):
        assert "translatedjournal = {Chinese Journal of Orthopaedics}" in text and "translatedabstract" not in text
