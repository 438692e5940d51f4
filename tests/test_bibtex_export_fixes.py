"""BibTeX / BibLaTeX exports a QA pass found broken when read by independent parsers
(bibtexparser, pybtex) and by this project's own reader: a lone brace left the entry open, a
patent's issue took its number's place, keywords holding a comma were split on reading back,
BibLaTeX's ``location`` was not read as the place, and a newspaper's article lost its type.
Records are RIS and CSL-JSON files written here, read and cleaned as ``cli.py`` reads them."""
from __future__ import annotations

import json

import pytest

from conftest import read_back, records_of, rendered

RIS = """TY  - JOUR
TI  - 集合 {x 的表示: the set {x | x>0
AU  - 王五
KW  - Mice, Transgenic
KW  - Cell Line, Tumor
KW  - 小鼠
JO  - 中华医学杂志
PY  - 2020
CY  - 北京
PB  - 人民卫生出版社
ER  - 
"""


@pytest.fixture()
def article(tmp_path) -> dict:
    path = tmp_path / "brace.ris"
    path.write_text(RIS, encoding="utf-8")
    return records_of(path)[0]


def _fields(text: str) -> dict[str, str]:
    """An entry's ``name = {value}`` lines as a dict (the exporter writes one field a line)."""
    return {name.strip(): value.strip()[1:-2] for name, _, value in
            (line.partition("=") for line in text.splitlines()[1:-1])}


def _balanced(value: str) -> bool:
    """Whether every brace of ``value`` has its partner, counting escaped ones: BibTeX and
    biber do."""
    depth = 0
    for c in value:
        depth += {"{": 1, "}": -1}.get(c, 0)
        if depth < 0:
            return False
    return depth == 0


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex"])
def test_a_lone_brace_is_written_so_the_entry_closes_and_reads_back(article, fmt, tmp_path):
    import bibtexparser

    text = rendered([article], fmt)
    assert r"\textbraceleft{}x 的表示: the set \textbraceleft{}x | x>0" in _fields(text)["title"]
    assert all(_balanced(v) for v in _fields(text).values())
    lib = bibtexparser.parse_string(text)
    assert not lib.failed_blocks and len(lib.entries) == 1
    assert read_back(text, fmt, tmp_path)[0]["title"]["zh"] == "集合 {x 的表示: the set {x | x>0"


def test_a_pair_of_braces_stays_escaped_as_a_pair(article):
    article["title"] = {"zh": "集合 {x | x>0} 与 }y"}
    assert _fields(rendered([article], "bibtex"))["title"] == r"集合 \{x | x>0\} 与 \textbraceright{}y"


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex"])
def test_keywords_holding_a_comma_are_separated_by_semicolons_and_read_back_whole(article, fmt, tmp_path):
    text = rendered([article], fmt)
    assert _fields(text)["keywords"] == "小鼠; Mice, Transgenic; Cell Line, Tumor"
    assert read_back(text, fmt, tmp_path)[0]["keywords"] == {"zh": ["小鼠"],
                                                             "en": ["Mice, Transgenic", "Cell Line, Tumor"]}
    article["keywords"] = {"zh": ["小鼠"], "en": ["Mice"]}
    assert _fields(rendered([article], fmt))["keywords"] == "小鼠, Mice"   # no comma inside: as before
    article["keywords"] = {"en": ["Mice, Transgenic"]}   # alone: its semicolon says it is one keyword
    text = rendered([article], fmt)
    assert read_back(text, fmt, tmp_path)[0]["keywords"] == {"en": ["Mice, Transgenic"]}


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex", "csl-json"])
@pytest.mark.parametrize("keywords", [["全角，逗号", "测试"], ["大、小孢子", "测试"], ["全角，逗号"]])
def test_keywords_holding_a_full_width_or_enumeration_comma_are_read_back_whole(tmp_path, fmt, keywords):
    # the writer parted them with ", " (it looked for an ASCII comma alone), and the reader splits
    # a list at ， and 、 too: KW  - 全角，逗号 came back as 全角 and 逗号
    path = tmp_path / "ws.ris"
    path.write_text("TY  - JOUR\nTI  - 统计年鉴 第一章 综合\nAU  - 张三\nPY  - 2020\nT2  - 统计研究\n"
                    + "".join(f"KW  - {k}\n" for k in keywords) + "ER  - \n", encoding="utf-8")
    rec, = records_of(path)
    assert rec["keywords"] == {"zh": keywords}
    assert read_back(rendered([rec], fmt), fmt, tmp_path)[0]["keywords"] == {"zh": keywords}
    rec["keywords"]["en"] = ["Statistics, Yearbook"]   # CSL's custom.keywords, a list a language
    if fmt == "csl-json":
        assert read_back(rendered([rec], fmt), fmt, tmp_path)[0]["keywords"] == rec["keywords"]


def test_biblatex_location_is_read_back_as_the_place(article, tmp_path):
    text = rendered([article], "biblatex")
    assert _fields(text)["location"] == "北京"
    back = read_back(text, "biblatex", tmp_path)[0]
    assert back["extra"]["place"] == ["北京"] and "bibtex_fields" not in back["extra"]
    book = tmp_path / "book.bib"
    book.write_text("@book{xu2012, title={脊柱外科学}, author={{胥少汀} and {葛宝丰}}, date={2012}, edition={4},"
                    " publisher={人民军医出版社}, location={北京}}\n", encoding="utf-8")
    assert records_of(book)[0]["extra"]["place"] == ["北京"]


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex"])
def test_a_patents_own_number_wins_over_its_issue(fmt, tmp_path):
    # citations/gbt7714-data.json's gbt7714.b.9: CSL "issue" holds the application and its date
    path = tmp_path / "pat.json"
    path.write_text(json.dumps([{"id": "p1", "type": "patent", "title": "全智能节电器",
                                 "author": [{"literal": "邓一刚"}], "number": "CN101106276A",
                                 "issue": "CN200510022322.7 20051216", "authority": "国家知识产权局",
                                 "issued": {"date-parts": [[2008, 1, 16]]}}], ensure_ascii=False), encoding="utf-8")
    text = rendered(records_of(path), fmt)
    assert text.startswith("@patent{") and _fields(text)["number"] == "CN101106276A"
    assert _fields(text)["issue"] == "CN200510022322.7 20051216"   # kept beside it, never lost
    back = read_back(text, fmt, tmp_path)[0]
    assert back["extra"]["number"] == ["CN101106276A"] and back["issue"] == "CN200510022322.7 20051216"


def test_a_reports_number_alone_is_still_read_as_its_own(tmp_path):
    path = tmp_path / "report.bib"
    path.write_text("@techreport{r, title = {T}, institution = {MIT}, number = {TR-99}}\n"
                    "@patent{p, title = {P}, issue = {US123}}\n", encoding="utf-8")
    report, patent = records_of(path)
    assert report["extra"]["number"] == ["TR-99"] and not report.get("issue")
    assert patent["extra"]["number"] == ["US123"] and not patent.get("issue")   # an issue alone: as before


def test_an_articles_issue_is_still_its_number(article):
    article["issue"] = "3"
    assert _fields(rendered([article], "bibtex"))["number"] == "3"


def test_a_newspapers_article_keeps_its_type_through_biblatex(article, tmp_path):
    article["type"] = "article-newspaper"
    text = rendered([article], "biblatex")
    assert text.startswith("@article{") and _fields(text)["entrysubtype"] == "newspaper"
    assert read_back(text, "biblatex", tmp_path)[0]["type"] == "article-newspaper"
    # BibTeX's styles know no subtype and ignore it; written, the type comes back (pandoc reads it too)
    assert _fields(rendered([article], "bibtex"))["entrysubtype"] == "newspaper"
    article["type"] = "article-journal"
    assert "entrysubtype" not in _fields(rendered([article], "biblatex"))


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex"])
def test_braces_and_backslashes_of_a_url_or_doi_are_percent_encoded_not_deleted(fmt, tmp_path):
    import bibtexparser

    path = tmp_path / "links.json"
    items = [{"id": "u", "type": "article-journal", "title": "Links", "URL": "http://example.com/a}b{c\\d%7B#x",
              "DOI": "10.1000/a{b}c"},
             {"id": "v", "type": "article-journal", "title": "Lone", "URL": "http://example.com/x\\",
              "DOI": "10.1000/x}y"}]
    path.write_text(json.dumps(items), encoding="utf-8")
    text = rendered(records_of(path), fmt)
    first, second = text.split("\n\n")[:2]
    assert _fields(first)["url"] == "http://example.com/a%7Db%7Bc%5Cd%7B#x"   # the same page, once encoded
    assert _fields(first)["doi"] == "10.1000/a{b}c"                          # a pair is read back as it is
    assert _fields(second)["url"] == "http://example.com/x%5C" and _fields(second)["doi"] == "10.1000/x%7Dy"
    lib = bibtexparser.parse_string(text)
    assert not lib.failed_blocks and len(lib.entries) == 2
    back = read_back(text, fmt, tmp_path)
    assert [r["url"] for r in back] == ["http://example.com/a%7Db%7Bc%5Cd%7B#x", "http://example.com/x%5C"]
    assert back[0]["doi"] == "10.1000/a{b}c"


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex"])
def test_a_conference_papers_meeting_survives_a_round_trip(fmt, tmp_path):
    # a paper known by its meeting alone (CSL event-title, no proceedings' title) had lost it:
    # "[C]//中华预防医学会第八届学术年会. 2022: 2" came back as "[C]. 2022: 2"
    path = tmp_path / "conf.json"
    path.write_text('[{"id": "c1", "type": "paper-conference", "title": "中国学龄儿童近视的流行病学调查", "author": '
                    '[{"family": "王", "given": "五"}], "event-title": "中华预防医学会第八届学术年会", '
                    '"issued": {"date-parts": [[2022]]}, "page": "2"}]', encoding="utf-8")
    text = rendered(records_of(path), fmt)
    assert ("eventtitle" if fmt == "biblatex" else "booktitle") + " = {中华预防医学会第八届学术年会}" in text
    (back,) = read_back(text, fmt, tmp_path)
    # (BibTeX's booktitle is read back as the proceedings, which then get the unknown imprint's placeholder)
    assert rendered([back], "gbt7714").startswith("[1] 王五. 中国学龄儿童近视的流行病学调查[C]//中华预防医学会第八届学术年会. ")


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex"])
def test_jabrefs_own_fields_are_written_back_as_read(fmt, tmp_path):
    # JabRef's file, groups, owner and timestamp were read into extra.bibtex_fields and never
    # written: a library moved through the export lost its linked PDFs and groups
    path = tmp_path / "jab.bib"
    path.write_text("@Article{Mueller2020,\n  author = {M{\\\"u}ller, J{\\\"o}rg},\n  title = {A title},\n"
                    "  journal = {J Test},\n  year = {2020},\n  eid = {e7},\n"
                    "  file = {:C\\:/papers/mueller\\_2020.pdf:PDF},\n  groups = {Reading, R\\&D},\n"
                    "  owner = {me},\n  timestamp = {2020-03-01},\n}\n", encoding="utf-8")
    rec, = records_of(path)
    kept = rec["extra"]["bibtex_fields"]
    assert kept["file"] == ":C\\:/papers/mueller\\_2020.pdf:PDF" and kept["groups"] == "Reading, R&D"
    text = rendered([rec], fmt)
    assert "  file = {:C\\:/papers/mueller\\_2020.pdf:PDF},\n" in text     # as JabRef wrote it
    assert "  groups = {Reading, R\\&D},\n  owner = {me},\n  timestamp = {2020-03-01},\n" in text
    # eid is the record's pages (e7), which the writer writes: not written again
    assert "eid =" not in text and text.count("pages = {e7}") == 1
    back = read_back(text, fmt, tmp_path)[0]
    assert back["extra"]["bibtex_fields"] == {k: v for k, v in kept.items() if k != "eid"}


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex"])
def test_an_arxiv_entrys_eprint_is_written_back(fmt, tmp_path):
    """arXiv's own BibTeX (eprint, archivePrefix, primaryClass) and dblp's (eprinttype, eprint):
    the id read into extra.eprint was never written, though its server's field was, so the
    arXiv id was lost; it is now written as ``eprint`` and read back."""
    path = tmp_path / "arxiv.bib"
    path.write_text("@article{vaswani2017attention, title={Attention is all you need}, author={Vaswani, Ashish},"
                    " journal={arXiv preprint arXiv:1706.03762}, year={2017}, eprint={1706.03762},"
                    " archivePrefix={arXiv}, primaryClass={cs.CL}}\n\n"
                    "@misc{dblp1, author={Jane Doe}, title={Some Preprint}, year={2021}, eprinttype={arXiv},"
                    " eprint={2101.00001}}\n", encoding="utf-8")
    text = rendered(records_of(path), fmt)
    entries = text.split("\n\n@")
    assert [_fields(e).get("eprint") for e in entries] == ["1706.03762", "2101.00001"]
    assert _fields(entries[0])["archiveprefix"] == "arXiv" and _fields(entries[1])["eprinttype"] == "arXiv"
    assert [r["extra"]["eprint"] for r in read_back(text, fmt, tmp_path)] == [["1706.03762"], ["2101.00001"]]
