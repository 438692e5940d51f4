"""Export: what a Web of Science (or Scopus) record was read with and no writer wrote, found by
a Web of Science/Scopus QA report; each written where the format (and Zotero, biblatex, CSL)
keeps it, and read back by our own reader of that format where it reads the field.

- an article number kept whole (``extra.article_number``, AR ``e02132-20``) of a record without
  pages: RIS ``C7``, BibTeX/BibLaTeX ``eid``, CSL ``number``, Vancouver's and GB/T 7714's locator;
- EndNote's ``%+`` lines, one an author when the record says whose each affiliation is, as the
  Refer reader hands them out by place;
- the Web of Science accession (UT, ``source.source_id``): BibTeX's ``note`` and CSL's as Zotero's
  Extra line ``Web of Science ID: WOS:…``, the CSV's ``source_id``, RIS and EndNote a note beside a PMID;
- a conference paper's meeting (CT, CY, CL): CSL's ``event-title``/``event``, ``event-place``,
  ``event-date``; BibLaTeX's ``eventtitle``, ``eventdate``, ``venue``;
- a chapter's ISBN (BN) beside its series' ISSN (SN): RIS ``SN`` a line each.

Inputs are small Web of Science files written here, as the QA report gave them."""
from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import read_back, rendered
from conftest import records_of as _records

HEAD = "FN Clarivate Analytics Web of Science\nVR 1.0\n"
ARTICLE = """PT J
AU Wang, JG
AF Wang, Jianguo
TI Cytosolic malic enzyme as anaplerotic route
SO APPLIED AND ENVIRONMENTAL MICROBIOLOGY
J9 APPL ENVIRON MICROB
DT Article
PY 2021
VL 19
AR e02132-20
UT WOS:000612345600001
ER
"""


def _wos(tmp_path, *records: str) -> list[dict]:
    src = tmp_path / "savedrecs.txt"
    src.write_text(HEAD + "\n".join(records) + "\nEF\n", encoding="utf-8")
    return _records(src)


@pytest.fixture
def numbered(tmp_path) -> dict:
    (rec,) = _wos(tmp_path, ARTICLE)
    assert not rec.get("pages") and rec["extra"]["article_number"] == ["e02132-20"]
    return rec


@pytest.mark.parametrize("fmt, written", [
    ("ris", "C7  - e02132-20"), ("bibtex", "eid = {e02132-20}"), ("biblatex", "eid = {e02132-20}"),
    ("csl-json", '"number": "e02132-20"'), ("vancouver", "2021;19:e02132-20."),
    ("gbt7714", "2021, 19: e02132-20."),
    ("endnote", "%] e02132-20")])   # EndNote's Custom 7, a Journal Article's Article Number
def test_an_article_number_without_pages_is_written(fmt, written, numbered):
    assert written in rendered([numbered], fmt)


@pytest.mark.parametrize("fmt", ["ris", "bibtex", "csl-json", "endnote"])
def test_a_c7_eid_or_number_with_a_dash_reads_back_as_the_article_number(numbered, tmp_path, fmt):
    # BibTeX's eid and CSL's number were read back into extra.bibtex_fields and extra.number, and
    # EndNote wrote none: the next export (RIS, Vancouver) had no locator
    (back,) = read_back(rendered([numbered], fmt), fmt, tmp_path)
    assert back["extra"]["article_number"] == ["e02132-20"] and not back.get("pages")
    assert "2021;19:e02132-20." in rendered([back], "vancouver")


def test_a_record_with_pages_keeps_writing_its_pages(tmp_path):
    (rec,) = _wos(tmp_path, ARTICLE.replace("AR e02132-20", "AR e02132-20\nBP 1\nEP 12"))
    assert rec["pages"] == "1-12"
    for fmt in ("ris", "bibtex", "csl-json", "vancouver", "gbt7714"):
        text = rendered([rec], fmt)
        assert "e02132-20" not in text, fmt
    assert json.loads(rendered([rec], "csl-json"))[0]["page"] == "1-12"


AFFILIATED = """PT J
AU Husinka, L
   Koerner, PH
   Miller, RT
AF Husinka, Lakyn
   Koerner, Pamela H.
   Miller, Rick T.
TI Affiliation order test
SO TEST JOURNAL
C1 [Husinka, Lakyn; Koerner, Pamela H.; Miller, Rick T.] AllianceRx Walgreens Prime, Pittsburgh, PA USA.
   [Koerner, Pamela H.] Duquesne Univ, Sch Pharm, Pittsburgh, PA 15219 USA.
   [Miller, Rick T.] Univ Pittsburgh, Pittsburgh, PA 15213 USA.
PY 2020
UT WOS:000000000000031
ER
"""


def test_endnote_gives_each_author_back_their_own_affiliations(tmp_path):
    """Three distinct addresses for three authors were read back one an author, in order."""
    (rec,) = _wos(tmp_path, AFFILIATED)
    (back,) = read_back(rendered([rec], "endnote"), "endnote", tmp_path)
    owned = [set(a.get("affiliation", "").rstrip(".").split("; ")) for a in back["authors"]]
    assert owned == [{"AllianceRx Walgreens Prime, Pittsburgh, PA USA"},
                     {"AllianceRx Walgreens Prime, Pittsburgh, PA USA", "Duquesne Univ, Sch Pharm, Pittsburgh, PA 15219 USA"},
                     {"AllianceRx Walgreens Prime, Pittsburgh, PA USA", "Univ Pittsburgh, Pittsburgh, PA 15213 USA"}]


def test_the_web_of_science_accession_is_written_by_every_format(tmp_path):
    """BibTeX and CSL-JSON as Zotero's Web of Science import keeps it in Extra; CSV its
    source_id column; RIS and EndNote the Accession Number, or beside a PMID (which holds it) a note."""
    cscd = ARTICLE.replace("UT WOS:000612345600001", "UT CSCD:6712345")
    (rec, other) = _wos(tmp_path, cscd, ARTICLE.replace("ER\n", "PM 33277265\nER\n"))   # a PMID takes AN, %M
    assert "Web of Science ID: CSCD:6712345" in rendered([rec], "bibtex")
    assert json.loads(rendered([rec], "csl-json"))[0]["note"] == "Web of Science ID: CSCD:6712345"
    header, row = csv.reader(io.StringIO(rendered([rec], "csv")))
    at = header.index("source_id")   # (the catalogue's columns after the key)
    assert header[at - 1:at + 3] == ["authority", "source_id", "publication_type", "key"]
    assert row[at] == "CSCD:6712345"
    assert "AN  - CSCD:6712345" in rendered([rec], "ris") and "%M CSCD:6712345" in rendered([rec], "endnote")
    ris, endnote = rendered([other], "ris"), rendered([other], "endnote")
    assert "AN  - 33277265" in ris and "N1  - Web of Science ID: WOS:000612345600001" in ris
    assert "%M 33277265" in endnote and "%Z Web of Science ID: WOS:000612345600001" in endnote
    (back,) = read_back(ris, "ris", tmp_path)
    assert back["extra"]["pmid"] == ["33277265"]


PROCEEDINGS = """PT C
AU Garcia, Ana
AF Garcia, Ana
TI Efficient indexing of bilingual bibliographic records
SO 2019 IEEE INTERNATIONAL CONFERENCE ON BIG DATA (BIG DATA)
DT Proceedings Paper
CT IEEE International Conference on Big Data (Big Data)
CY DEC 09-12, 2019
CL Los Angeles, CA
PY 2019
BP 100
EP 109
UT WOS:000554828700012
ER
"""


def test_a_papers_conference_is_written_to_csl_json_and_biblatex(tmp_path):
    import jsonschema

    from test_export import CSL_SCHEMA

    (rec,) = _wos(tmp_path, PROCEEDINGS)
    name = "IEEE International Conference on Big Data (Big Data)"
    assert rec["extra"]["conference"] == [name]
    items = json.loads(rendered([rec], "csl-json"))
    jsonschema.Draft7Validator(json.loads(CSL_SCHEMA.read_text(encoding="utf-8"))).validate(items)
    item = items[0]
    assert (item["event-title"], item["event"], item["event-place"]) == (name, name, "Los Angeles, CA")
    assert item["event-date"] == {"literal": "DEC 09-12, 2019"}
    (back,) = read_back(json.dumps(items), "csl-json", tmp_path)
    assert back["extra"]["event"] == [name]
    entry = rendered([rec], "biblatex")
    assert f"eventtitle = {{{name}}}" in entry and "eventdate = {2019-12-09/2019-12-12}" in entry
    assert "venue = {Los Angeles, CA}" in entry
    (back,) = read_back(entry, "biblatex", tmp_path)
    assert back["extra"]["event"] == [name]


CHAPTER = """PT B
AU Li, M
AF Li, Ming
TI Deep learning methods for protein structure
SO PROTEIN BIOINFORMATICS: METHODS AND PROTOCOLS
SE Methods in Molecular Biology
DT Article; Book Chapter
SN 1064-3745
BN 978-1-0716-1234-5
PY 2022
BP 45
EP 67
UT WOS:000789012300003
ER
"""


def test_ris_writes_a_chapters_isbn_beside_its_series_issn(tmp_path):
    (rec,) = _wos(tmp_path, CHAPTER)
    assert rec["type"] == "chapter" and rec["issn"] == "1064-3745"
    text = rendered([rec], "ris")
    assert "SN  - 1064-3745" in text and "SN  - 978-1-0716-1234-5" in text
    (back,) = read_back(text, "ris", tmp_path)
    assert back["issn"] == "1064-3745" and back["extra"]["isbn"] == ["978-1-0716-1234-5"]


def test_a_records_event_comes_before_its_event_title_as_it_did():
    # 4615844 preferred event-title to event in BibLaTeX's eventtitle (before: event, then event-title)
    rec = {"id": "x", "source": {"path": "t", "format": "csl-json", "record": 1}, "type": "paper-conference",
           "language": "en", "title": {"en": "A talk"}, "abstract": {}, "authors": [], "keywords": {}, "journal": {},
           "year": 2020, "funding": [], "repairs": [], "extra": {"event": "ICML 2020", "event-title": "Proceedings"}}
    assert "eventtitle = {ICML 2020}" in rendered([rec], "biblatex")
