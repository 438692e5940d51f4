"""Our own exports read back by our own readers: every CSV column into the field and language it
came from, a formula-like cell's ' taken off again, each RIS type the exporter writes back as
the same CSL type, and EndNote's %K lines one keyword each.

Fields are compared with the cleaned record they came from, never with strings the exporter wrote."""
from __future__ import annotations

import csv
import io
import re

import pytest

from conftest import needs_shared, rendered
from conftest import records_of as _records
from indexer.export.common import in_lang, main_lang
from indexer.export.tagged import RIS_TYPES
from indexer.readers.csv_reader import FORMULA_START


def _read_back(records: list[dict], fmt: str, path) -> list[dict]:
    """``records`` written as ``fmt`` to ``path`` and read again, each by the id it was written with."""
    path.write_text(rendered(records, fmt), encoding="utf-8")
    return _records(path)


def _norm(text) -> str:
    return " ".join(str(text or "").split())


# ---------------------------------------------------------------- CSV: every column read back
def _per_language(rec: dict, field: str) -> dict:
    """A per-language field as the CSV writes it: the record's language, zh and en."""
    values = {code: _norm(v) for code, v in (rec.get(field) or {}).items() if code in ("zh", "en") and v}
    values["main"] = _norm(in_lang(rec, field, main_lang(rec)))
    if "zh" not in values and values.get("en") == values["main"]:
        # the main text is all there is: a Portuguese journal's name (keyed pt, which CSV has
        # no column for) reads back as the English record's journal, the same text
        del values["en"]
    return values


def _comparable(rec: dict, field: str):
    if field in ("title", "abstract", "journal"):
        return _per_language(rec, field)
    if field == "keywords":
        # tagged and CSV readers split a keyword at "," or ";": the words compared
        return sorted({w.rstrip(".").casefold() for v in rec["keywords"].values() for k in v
                       for w in re.split(r"[,;\s]+", _norm(k)) if w.rstrip(".")})
    if field == "authors":
        # a name the CSV holds as "Ben Walton" is read as family and given: the same words
        return [sorted(_norm(" ".join(filter(None, (a.get("literal"), a.get("family"), a.get("given"))))).split())
                for a in rec["authors"]]
    if field == "funding":
        # funder and award as one text ("NIMH NIH HHS (RF1 MH128693)" splits its award at the space)
        return sorted(_norm(re.sub(r"[()]", " ", f"{f.get('funder_original') or f['funder']} {f.get('award') or ''}"))
                      for f in rec["funding"])
    return rec.get(field)


CSV_FIELDS = ("title", "abstract", "journal", "funding", "keywords", "authors", "year", "volume", "issue",
              "pages", "doi", "type", "language")


def test_csv_columns_read_back_into_their_fields(tmp_path):
    """Every formats sample (CNKI, Wanfang, WoS, PubMed, RIS, BibTeX …) through the CSV export and
    back: each record again, with its titles, abstracts and journals in both languages, funding,
    keywords, authors, year, volume, issue, pages, DOI, type and language."""
    corpus = _records(needs_shared("corpus", "formats"))
    back = {r["source"]["source_id"]: r for r in _read_back(corpus, "csv", tmp_path / "out.csv")}
    assert len(back) == len(corpus)   # no row read as a second header
    differ = [(rec["source"]["path"], rec["source"]["record"], field, _comparable(rec, field),
               _comparable(back[rec["id"]], field))
              for rec in corpus for field in CSV_FIELDS
              if _comparable(rec, field) != _comparable(back[rec["id"]], field)]
    # a lone keyword "6-10 按行业分…" is two words to the keyword splitter, whichever reader
    differ = [d for d in differ if d[2] != "keywords"
              or sorted(w for k in d[3] for w in k.split()) != sorted(w for k in d[4] for w in k.split())]
    assert not differ, f"{len(differ)} field(s) differ, e.g. {differ[:3]}"


def test_csv_language_columns_are_not_extra(tmp_path):
    """A Chinese record's English journal and abstract and its funding: fields again, not
    ``extra.columns``; the title written twice (title, title_zh) is read once."""
    ris = tmp_path / "zh.ris"
    ris.write_text("TY  - JOUR\nTI  - 基于H₂O₂的氧化研究\nTT  - Oxidation study based on H₂O₂\nT2  - 化学学报\n"
                   "J2  - Acta Chimica Sinica\nAU  - 吕伟\nPY  - 2019\nAB  - 以过氧化氢为氧化剂研究了反应的机理。\n"
                   "AB  - The mechanism of the oxidation was studied.\nKW  - 过氧化氢\n"
                   "N1  - 基金项目：国家自然科学基金(21872001)\nER  - \n", encoding="utf-8")
    (rec,) = _records(ris)
    (got,) = _read_back([rec], "csv", tmp_path / "zh.csv")
    assert got["journal"] == {"zh": "化学学报", "en": "Acta Chimica Sinica"}
    assert got["abstract"] == rec["abstract"] and set(got["abstract"]) == {"zh", "en"}
    assert got["title"] == rec["title"] and "other_titles" not in got["extra"]
    assert [(f["funder_original"], f["award"]) for f in got["funding"]] == [("国家自然科学基金", "21872001")]
    assert set(got["extra"]["columns"]) <= {"source_path", "source_record", "source_member"}


# ---------------------------------------------------------------- CSV: formula cells
@pytest.mark.parametrize("title", ["-2+3+cmd|' /C calc'!A0", "-80 °C storage of +ve samples",
                                   "-.5+cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\",\"y\")"])
def test_formula_like_cell_written_as_text_and_read_back(tmp_path, title):
    ris = tmp_path / "f.ris"
    ris.write_text(f"TY  - JOUR\nTI  - {title}\nAU  - Smith, John\nPY  - 2020\nER  - \n", encoding="utf-8")
    (rec,) = _records(ris)
    (got,) = _read_back([rec], "csv", tmp_path / "f.csv")
    (row,) = csv.DictReader(io.StringIO((tmp_path / "f.csv").read_text(encoding="utf-8")))
    assert row["title"] == "'" + rec["title"]["en"]
    assert got["title"] == rec["title"]


@pytest.mark.parametrize("number", ["-2", "-0.5", "-1.5e3", "-.5", "-10"])
def test_a_negative_number_is_not_a_formula(number):
    assert not FORMULA_START.match(number)
    assert FORMULA_START.match(number + "+1") and FORMULA_START.match(number + " °C")


# ---------------------------------------------------------------- RIS types
def _one_record(tmp_path) -> dict:
    ris = tmp_path / "one.ris"
    ris.write_text("TY  - JOUR\nTI  - A title\nAU  - Smith, John\nPY  - 2020\nER  - \n", encoding="utf-8")
    (rec,) = _records(ris)
    return rec


@pytest.mark.parametrize("kind", sorted(RIS_TYPES))
def test_each_ris_type_written_reads_back(tmp_path, kind):
    """Each type of the exporter's table back as that type; a tag written for several types
    as one of them."""
    rec = dict(_one_record(tmp_path), type=kind)
    (got,) = _read_back([rec], "ris", tmp_path / "t.ris")
    same_tag = [k for k, tag in RIS_TYPES.items() if tag == RIS_TYPES[kind]]
    assert got["type"] == kind or len(same_tag) > 1 and got["type"] in same_tag


def test_gbt7714_items_keep_their_types_through_ris(tmp_path):
    corpus = _records(needs_shared("corpus", "citations", "gbt7714-data.json"))
    assert len(corpus) == 141
    back = _read_back(corpus, "ris", tmp_path / "g.ris")
    changed = [(a["type"], b["type"]) for a, b in zip(corpus, back) if a["type"] != b["type"]]
    # a preprint (article) too: GEN with its Type of Work "Preprint"; and the periodicals and
    # archives' pamphlets their notes name (type: periodical): JFULL and PAMP
    assert changed == []
    assert {"map", "motion_picture", "graphic", "personal_communication", "periodical", "pamphlet"} <= \
        {b["type"] for b in back}


# ---------------------------------------------------------------- EndNote %K and %P
def test_endnote_keyword_lines_are_one_keyword_each(tmp_path):
    enw = tmp_path / "kw.enw"
    enw.write_text("%0 Journal Article\n%T 铁路货运产品设计\n%A 张三\n%J 铁道学报\n%D 2019\n"
                   "%K IBM DOcplexcloud软件\n%K 云计算\n", encoding="utf-8")
    (rec,) = _records(enw)
    assert [k for v in rec["keywords"].values() for k in v] == ["IBM DOcplexcloud软件", "云计算"]
    (got,) = _read_back([rec], "endnote", tmp_path / "back.enw")
    assert got["keywords"] == rec["keywords"]


def test_wanfang_keywords_on_one_line_still_split(tmp_path):
    """Wanfang's one %K line of space-separated keywords is still a list."""
    path = needs_shared("corpus", "formats", "endnote-tagged", "endnote-tagged-01.txt")
    rec = _records(path)[0]
    assert rec["keywords"]["zh"][:3] == ["参考文献管理", "文献管理软件", "学术书签网站"]
    assert "Zotero" in [k for v in rec["keywords"].values() for k in v]


def test_a_books_cited_pages_and_page_count_survive_endnote(tmp_path):
    """A Book's %P is EndNote's Number of Pages: its cited pages go to %& (its Pages) and are
    read back as pages; CSL's number-of-pages is read as extra.number_of_pages and written as %P."""
    src = tmp_path / "book.json"
    src.write_text('[{"id": "b1", "type": "book", "title": "全唐五代诗格汇考", "author": [{"literal": "张伯伟"}], '
                   '"publisher": "江苏古籍出版社", "issued": {"date-parts": [[2002]]}, "page": "20-25", '
                   '"number-of-pages": "600"}]', encoding="utf-8")
    (rec,) = _records(src)
    assert rec["pages"] == "20-25" and rec["extra"]["number_of_pages"] == ["600"]
    (got,) = _read_back([rec], "endnote", tmp_path / "back.enw")
    assert (got["pages"], got["extra"].get("number_of_pages")) == ("20-25", ["600"])
