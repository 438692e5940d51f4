"""CSL-JSON export writes back what the CSL-JSON reader kept: the item's ``note`` (Zotero's
Extra, with its ``variable: value`` lines), ``citation-key``, ``title-short``, the journal's
abbreviation and a standard's ``genre`` (国家标准) had been dropped; each is written again,
and a second round trip writes the same note (the funding line not twice)."""
from __future__ import annotations

import json

from conftest import needs_shared, run_cli

ITEM = {"id": "k1", "citation-key": "wang2020standard", "type": "standard", "language": "zh-CN",
        "title": "信息与文献 参考文献著录规则", "title-short": "参考文献著录规则", "genre": "国家标准",
        "number": "GB/T 7714—2015", "publisher": "中国标准出版社", "issued": {"date-parts": [[2015]]},
        "author": [{"literal": "全国信息与文献标准化技术委员会"}],
        "note": "page: 3\ntex.entrytype: standard\nstatus: 现行"}
ARTICLE = {"id": "a1", "type": "article-journal", "title": "Falls", "container-title": "Journal of Falls",
           "journalAbbreviation": "J. Falls", "issued": {"date-parts": [[2020]]}, "author": [{"family": "Abe"}],
           "note": "PMID: 123\nFunding: National Natural Science Foundation of China (81970000)"}


def _export(path) -> list[dict]:
    result = run_cli("export", "-f", "csl-json", "--from", str(path))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_what_the_reader_kept_is_written_back(tmp_path):
    path = tmp_path / "items.json"
    path.write_text(json.dumps([ITEM, ARTICLE], ensure_ascii=False), encoding="utf-8")
    standard, article = _export(path)
    assert (standard["note"], standard["citation-key"], standard["title-short"], standard["genre"]) == (
        ITEM["note"], "wang2020standard", "参考文献著录规则", "国家标准")
    assert article["container-title-short"] == "J. Falls"   # journalAbbreviation's name in CSL 1.0
    assert article["note"] == "PMID: 123\nFunding: National Natural Science Foundation of China (81970000)"
    assert article["custom"]["funding"][0]["award"] == "81970000"
    again = tmp_path / "again.json"
    again.write_text(json.dumps([standard, article], ensure_ascii=False), encoding="utf-8")
    assert [i["note"] for i in _export(again)] == [standard["note"], article["note"]]


def test_the_standards_examples_keep_them():
    path = needs_shared("corpus", "citations", "gbt7714-data.json")
    items = json.loads(path.read_text(encoding="utf-8"))
    written = _export(path)
    for key in ("note", "citation-key", "title-short", "genre"):
        given = [(n, item[key]) for n, item in enumerate(items) if item.get(key)]
        assert given and all(written[n].get(key) == value for n, value in given), key
    assert all(written[n].get("container-title-short") == item["journalAbbreviation"]
               for n, item in enumerate(items) if item.get("journalAbbreviation"))


def test_the_date_a_page_was_read_is_accessed_from_any_format(tmp_path):
    # (accessed had been copied only from a CSL item's own: RIS's Y2 and BibTeX's urldate were lost)
    ris = tmp_path / "page.ris"
    ris.write_text("TY  - ELEC\nTI  - A web page\nAU  - Doe, Jane\nPY  - 2019\nUR  - https://example.org\n"
                   "Y2  - 2021/05/04\nER  - \n", encoding="utf-8")
    bib = tmp_path / "who.bib"
    bib.write_text("@online{who2021,\n  title = {COVID-19 pandemic},\n  author = {{World Health Organization}},\n"
                   "  year = {2021},\n  url = {https://www.who.int/},\n  urldate = {2021-06},\n}\n", encoding="utf-8")
    page, who = _export(ris) + _export(bib)
    assert page["accessed"] == {"date-parts": [[2021, 5, 4]]} and who["accessed"] == {"date-parts": [[2021, 6]]}
    again = tmp_path / "again.json"   # and read back as it was
    again.write_text(json.dumps([page, who]), encoding="utf-8")
    assert [i["accessed"] for i in _export(again)] == [page["accessed"], who["accessed"]]


def test_keywords_with_commas_are_kept_whole_through_csl_json(tmp_path):
    # (joined by ", ", "Crystallography, X-Ray" came back as two keywords)
    nbib = tmp_path / "mesh.nbib"
    nbib.write_text("PMID- 8692918\nTI  - The structure of bovine F1-ATPase.\nDP  - 1996 Jul 9\n"
                    "AU  - van Raaij MJ\nMH  - Crystallography, X-Ray\nMH  - Models, Molecular\nMH  - Cattle\n",
                    encoding="utf-8")
    (item,) = _export(nbib)
    assert item["keyword"] == "Crystallography, X-Ray; Models, Molecular; Cattle"
    again = tmp_path / "again.json"
    again.write_text(json.dumps([item]), encoding="utf-8")
    result = run_cli("export", "-f", "jsonl", "--from", str(again))
    assert json.loads(result.stdout)["keywords"] == {"en": ["Crystallography, X-Ray", "Models, Molecular", "Cattle"]}


EMPTY_RIS = """TY  - JOUR
ID  - id_0001415
ER  - 

TY  - GEN
ID  - C_000002
PY  - 2014
VL  - 38
IS  - 2
ER  - 

TY  - JOUR
ID  - R1
TI  - Falls in the elderly
AU  - Abe, K
PY  - 2020
ER  - 
"""


def test_a_record_with_its_id_and_nothing_else_reads_back_from_the_csl_export(tmp_path):
    """RIS keeps a record that has its id but no title, author, journal or DOI (an export's PDF
    entry without metadata: a record identified, flagged); the CSL-JSON export writes it (an id,
    a type, a year) and reading that back failed ("item has no title, author, container or DOI")."""
    from conftest import clean_items

    ris, exported = tmp_path / "refs.ris", tmp_path / "refs.json"
    ris.write_text(EMPTY_RIS, encoding="utf-8")
    _, records, failures = clean_items(ris)
    assert len(records) == 3 and not failures
    result = run_cli("export", "-f", "csl-json", "--from", str(ris), "-o", str(exported))
    assert result.returncode == 0, result.stderr
    result, back, failures = clean_items(exported)
    assert not failures and result.returncode == 0, failures
    assert [(r["year"], r["volume"], bool(r["issues"])) for r in back] == [(None, None, True), (2014, "38", True),
                                                                          (2020, None, False)]
    assert "record has no title, abstract, author, journal or DOI" in back[0]["issues"][0]
    assert run_cli("ingest", "-q", str(exported), "--index", str(tmp_path / "idx")).returncode == 0
    # an item without an id is no such record: still a failure
    lone = tmp_path / "lone.json"
    lone.write_text(json.dumps([{"id": "", "type": "article-journal", "volume": "3"}, ARTICLE]), encoding="utf-8")
    _, records, failures = clean_items(lone, "--format", "csl-json")
    assert len(records) == 1 and [f["reason"] for f in failures] == ["item has no title, author, container or DOI"]
