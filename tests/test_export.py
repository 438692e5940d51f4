"""Export: every format read back by real third-party readers (rispy, bibtexparser with
pylatexenc, jsonschema with the CSL-JSON schema, citeproc-py) and by this project's own
readers, over the real records of ../shared/corpus/clean-pages and ../shared/corpus/formats;
the language choice, LaTeX escaping and citation keys on small hand-written records; the
CLI on a real index.  GB/T 7714 lists are tested in test_export_gbt7714.py.

Fields are compared with the cleaned record they came from, never with strings this
project's exporter wrote."""
from __future__ import annotations

import csv
import functools
import io
import json
import re
import warnings

import pytest

from conftest import DATA, jsonl, needs_shared, read_back, records_of, rendered, run_cli
from conftest import records_of as _records
from indexer.export import FORMATS, SUFFIXES, export
from indexer.export.common import in_lang, main_lang, university
from indexer.export.tagged import write_ris

SAMPLES = DATA.parent.parent / "samples"
BILINGUAL = DATA / "export" / "bilingual.ris"       # written for these tests: a zh/en record, an en one
CSL_SCHEMA = DATA / "export" / "csl-data.json"      # citation-style-language/schema v1.0, MIT (see .LICENSE)


@pytest.fixture(scope="module")
def corpus() -> list[dict]:
    """The cleaned records of every clean-pages page and every formats sample."""
    pages = needs_shared("corpus", "clean-pages", "raw")
    formats = needs_shared("corpus", "formats")
    records = _records(pages, formats)
    assert len(records) > 2000
    return records


@pytest.fixture(scope="module")
def small() -> list[dict]:
    """[a Chinese record with its English title, abstract, journal and keywords, funding and
    four authors; an English record with four Western authors]."""
    zh, en = _records(BILINGUAL)
    assert set(zh["title"]) == {"zh", "en"} and zh["funding"] and en["language"] == "en"
    return [zh, en]


def norm(text) -> str:
    return " ".join(str(text or "").split())


def main_value(rec: dict, field: str, lang: str | None = None) -> str:
    return norm(in_lang(rec, field, main_lang(rec, lang)))


def names(rec: dict) -> list[str]:
    return [norm(a.get("literal") or (f"{a['family']}, {a['given']}" if a.get("given") else a.get("family", "")))
            for a in rec.get("authors") or []]


def all_keywords(rec: dict) -> list[str]:
    return sorted(norm(k) for v in rec["keywords"].values() for k in v)


def csl_file(path, *items: dict):
    """``path`` written as a CSL-JSON file of ``items``; the path."""
    path.write_text(json.dumps(list(items)), encoding="utf-8")
    return path


# ---------------------------------------------------------------- RIS: rispy
def test_ris_reads_back_with_rispy(corpus):
    import rispy

    entries = rispy.loads(rendered(corpus, "ris"))
    assert len(entries) == len(corpus)
    for rec, e in zip(corpus, entries):
        assert e["id"] == rec["id"]
        assert norm(e.get("title")) == main_value(rec, "title")
        # "Ben Walton," is RIS's way of writing one name whole (no given name)
        assert [norm(a).removesuffix(",") for a in e.get("authors", [])] == names(rec)
        assert e.get("year") == (str(rec["year"]) if rec.get("year") else None)
        # a report's number is its VL, as RIS's RPRT reads it back
        ex = rec.get("extra") or {}
        number = ex.get("number") or (ex.get("csl") or {}).get("number")
        number = (number[0] if isinstance(number, list) else number) if rec.get("type") == "report" else None
        assert e.get("volume") == (rec.get("volume") or number) and e.get("number") == rec.get("issue")
        assert e.get("doi") == rec.get("doi")
        pages = "-".join(p for p in (e.get("start_page"), e.get("end_page")) if p) or None
        assert pages == rec.get("pages")
        assert sorted(norm(k) for k in e.get("keywords", [])) == all_keywords(rec)
        journal = e.get("journal_name") or e.get("secondary_title")
        # (a thesis's university, held as its journal, is its PB: a thesis has no journal)
        school = main_value(rec, "journal") == norm(university(rec, main_lang(rec)))
        assert norm(journal) == ("" if school else main_value(rec, "journal"))
        # RIS has one abstract tag: rispy keeps the first AB (the record's language); the
        # other language's abstract is a second AB, which our own reader reads (see below).
        assert norm(e.get("abstract")) == main_value(rec, "abstract")
        others = [norm(t) for k, t in rec["title"].items() if norm(t) != main_value(rec, "title")]
        assert ([norm(e["translated_title"])] if e.get("translated_title") else []) == others[:1]
        for f in rec["funding"]:
            if f.get("award"):
                assert any(f["award"] in n for n in e["notes"]) and f["award"] not in (e.get("abstract") or "")


def test_ris_with_a_bom_reads_back(small, tmp_path):
    """EndNote wants the BOM; a reader must open the file as utf-8-sig (rispy.loads of the
    text with the BOM left in it finds no record)."""
    import rispy

    out = io.StringIO()
    write_ris(small, out, bom=True)
    path = tmp_path / "bom.ris"
    path.write_text(out.getvalue(), encoding="utf-8")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    entries = rispy.load(path, encoding="utf-8-sig")
    assert [norm(e["title"]) for e in entries] == [main_value(r, "title") for r in small]
    assert [r["title"] for r in _records(path)] == [r["title"] for r in small]


# ---------------------------------------------------------------- BibTeX / BibLaTeX: bibtexparser
LATEX_MARKUP = re.compile(r"[\\{}~$%&#_^]|--|``|''")


@functools.lru_cache(maxsize=1)
def _latex2text():
    from pylatexenc.latex2text import LatexNodes2Text   # bibtexparser's own dependency

    return LatexNodes2Text()


def unlatex(text: str) -> str:
    """``text`` decoded from LaTeX by pylatexenc, word by word (it takes ~20 ms on a long
    abstract; an escape never holds a space) — plain words read as themselves."""
    # (pylatexenc 2.11 has no \textbraceleft, which our export writes for a brace without its partner)
    text = text.replace("\\textbraceleft{}", "\\{").replace("\\textbraceright{}", "\\}")
    words = [_latex2text().latex_to_text(w) if LATEX_MARKUP.search(w) else w for w in text.split()]
    # pylatexenc renders \textasciicircum as U+02C6 (modifier letter), LaTeX as "^"
    return norm(" ".join(words).replace("\u02c6", "^"))


def bib_entries(text: str):
    """bibtexparser's entries (no failed block allowed) and a function giving a field
    decoded from LaTeX."""
    import bibtexparser

    lib = bibtexparser.parse_string(text)
    assert not lib.failed_blocks, [b.error for b in lib.failed_blocks[:3]]

    def decoded(entry, name: str) -> str | None:
        field = entry.fields_dict.get(name)
        return None if field is None else unlatex(field.value)

    return lib.entries, decoded


def bib_names(entry) -> list[str]:
    """The author field split by bibtexparser's BibTeX name rules, parts decoded."""
    from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts
    from bibtexparser.model import Entry

    one = Entry(entry.entry_type, entry.key, [entry.fields_dict["author"]])
    one = SplitNameParts().transform_entry(SeparateCoAuthors().transform_entry(one, None), None)
    out = []
    for n in one.fields_dict["author"].value:
        family, given = unlatex(" ".join(n.von + n.last)), unlatex(" ".join(n.first))
        given = ", ".join(p for p in (given, unlatex(" ".join(n.jr))) if p)   # "Michael, III"
        out.append(f"{family}, {given}" if given else family)
    return out


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex"])
def test_bibtex_reads_back_with_bibtexparser(corpus, fmt):
    entries, decoded = bib_entries(rendered(corpus, fmt))
    assert len(entries) == len(corpus)
    assert len({e.key for e in entries}) == len(corpus)          # keys unique
    for rec, e in zip(corpus, entries):
        assert (decoded(e, "title") or "") == main_value(rec, "title")
        if rec.get("authors"):
            more = ["others"] if rec["extra"].get("authors_truncated") else []   # BibTeX's et al.
            assert bib_names(e) == names(rec) + more
        year = e.fields_dict.get("date" if fmt == "biblatex" else "year")
        # biblatex's date is the year, then the month and day when the record has them
        assert (year.value[:4] if year else None) == (str(rec["year"]) if rec.get("year") else None)
        number = own_number(rec) if rec.get("type") in OWN_NUMBER else rec.get("issue")
        for name, value in (("volume", rec.get("volume")), ("number", number)):
            assert decoded(e, name) == (norm(value) if value else None)
        if rec.get("doi"):
            assert e.fields_dict["doi"].value == rec["doi"]       # verbatim, as biblatex reads doi
        if rec.get("pages"):
            assert decoded(e, "pages") == norm(rec["pages"]).replace("-", "–")   # "--": an en dash
        assert (decoded(e, "abstract") or "") == main_value(rec, "abstract")


def test_bibtex_escapes_latex_and_keeps_chinese_names_whole(small):
    zh, en = small
    for fmt, lang_field in (("bibtex", "language"), ("biblatex", "langid")):
        entries, decoded = bib_entries(rendered(small, fmt, "en"))
        # & % $ # _ { } ~ ^ \ all escaped: the title decodes back to the record's
        assert decoded(entries[0], "title") == norm(zh["title"]["en"])
        assert decoded(entries[0], "translatedtitle") == norm(zh["title"]["zh"])
        assert bib_names(entries[0]) == ["王跃", "张可佳", "李明", "赵四"]       # one name each, whole
        assert bib_names(entries[1]) == names(en)                             # "van der Berg, Jan"
        assert entries[0].fields_dict[lang_field].value == "english"
        funding = entries[0].fields_dict["funding" if fmt == "biblatex" else "note"].value
        assert "81702662" in funding and "81702662" not in entries[0].fields_dict["abstract"].value


def test_citation_keys_are_settled_in_the_order_given(small):
    # (an index's keys are settled in the order records entered it: test_export_citation_keys.py)
    twin = dict(small[0], id="0" + small[0]["id"])          # same author, year and title
    records = [small[0], small[1], twin]
    keys = [e.key for e in bib_entries(rendered(records, "bibtex"))[0]]
    assert keys[0].startswith("wangyue2021") and keys[1] == "smith2020spinal"
    assert keys[2] == keys[0] + "b"                         # the first keeps the bare key, whatever its id


def test_a_citation_key_romanises_a_name_written_by_sound_whole():
    # 阿依古丽·买买提: family name (the last part) first, as 王跃 is wangyue; not its first
    # four characters (ayiguli)
    rec = {"id": "m1", "year": 2020, "title": {"zh": "新疆高血压调查"}, "authors": [{"literal": "阿依古丽·买买提", "lang": "zh"}]}
    assert [e.key for e in bib_entries(rendered([rec], "bibtex"))[0]] == ["maimaitiayiguli2020xinjiang"]


# ---------------------------------------------------------------- CSL-JSON: jsonschema + citeproc-py
def test_csl_json_is_valid_and_citeproc_renders_it(corpus):
    import jsonschema
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    items = json.loads(rendered(corpus, "csl-json"))
    schema = json.loads(CSL_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(items)
    for rec, item in zip(corpus, items):
        assert norm(item.get("title")) == main_value(rec, "title")
        other = {k: norm(v) for k, v in (item.get("custom") or {}).get("title", {}).items()}
        assert other == {k: norm(v) for k, v in rec["title"].items() if norm(v) != main_value(rec, "title")}
    sample = [i for i in items if i.get("title") and i.get("author")][::12]   # ~200 across all sources
    assert len(sample) >= 150, len(sample)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns about variables its style does not use
        source = CiteProcJSON(sample)
        # citeproc-py 0.11.1 ships one style, harvard-cite-them-right (no "harvard1")
        style = CitationStylesStyle("harvard-cite-them-right", validate=False)
        bib = CitationStylesBibliography(style, source, formatter.plain)
        for item in sample:
            bib.register(Citation([CitationItem(item["id"])]))
        entries = [norm(str(e)).lower() for e in bib.bibliography()]
    assert len(entries) == len(sample)
    text = "\n".join(entries)
    for item in sample:  # every title and first author's family name appear in the rendered list
        assert norm(item["title"])[:30].lower() in text, item["title"]
        first = item["author"][0]
        assert norm(first.get("family") or first.get("literal"))[:20].lower() in text


# ---------------------------------------------------------------- our own readers
FIELDS = ("title", "authors", "year", "volume", "issue", "pages", "doi", "abstract", "keywords")


def comparable(rec: dict, field: str):
    if field in ("title", "abstract"):
        return {k: norm(v) for k, v in rec.get(field, {}).items() if v}
    if field == "keywords":
        # Which language a lone Latin keyword of a Chinese record belongs to ("CT", "miR-29")
        # is decided again on reading, and tagged readers split a keyword at "," or ";" (CNKI
        # writes all keywords on one line): the words compared, wherever they were placed.
        # A trailing "." and repeats (in any capitals: "Knockout" from "Mice, Knockout" and
        # "knockout") are dropped on reading.
        return sorted({w.rstrip(".").casefold() for v in rec.get("keywords", {}).values() for k in v
                       for w in re.split(r"[,;\s]+", norm(k)) if w.rstrip(".")})
    if field == "pages" and not re.search(r"\d", rec.get("pages") or ""):
        return None  # "Extent of Work" is not a page range; readers drop it
    if field == "pages":
        # CNKI's "175-177+183" and "004" are read as "175-177, 183" and "4" by the EndNote reader
        return re.sub(r"\b0+(\d)", r"\1", rec["pages"].replace("+", ", ")).strip()
    if field == "authors":
        return names(rec)
    if field == "issue" and rec.get("type") in OWN_NUMBER:
        return own_number(rec)
    return rec.get(field)


OWN_NUMBER = ("report", "patent", "standard")


def own_number(rec: dict):
    """A report's, patent's or standard's own number, else its issue (BibTeX's ``number`` holds
    either: the own number when there is one, the issue written beside it)."""
    return next(iter(rec["extra"].get("number") or rec["extra"].get("patent_number")
                     or rec["extra"].get("standard_number") or []), None) or rec.get("issue")


@pytest.mark.parametrize("fmt", ["ris", "bibtex", "biblatex", "csl-json", "endnote"])
def test_own_readers_lose_nothing(corpus, fmt, tmp_path):
    """Every language of title and abstract, authors, year, volume, issue, pages, DOI and
    keywords come back through the reader `cli.py ingest` uses for that format."""
    path = tmp_path / ("out" + SUFFIXES[fmt])
    path.write_text(rendered(corpus, fmt), encoding="utf-8")
    back = _records(path)
    assert len(back) == len(corpus)
    lost = []
    for rec, got in zip(corpus, back):
        for field in FIELDS:
            if comparable(rec, field) != comparable(got, field):
                lost.append((rec["source"]["path"], rec["source"]["record"], field,
                             comparable(rec, field), comparable(got, field)))
    assert not lost, f"{len(lost)} field(s) differ, e.g. {lost[:3]}"


# ---------------------------------------------------------------- JSONL, CSV
def test_jsonl_is_the_contract(corpus, validate):
    lines = jsonl(rendered(corpus, "jsonl"))
    assert lines == corpus
    for rec in lines[:300]:
        validate(rec)


def test_csv_one_row_per_record(corpus):
    rows = list(csv.DictReader(io.StringIO(rendered(corpus, "csv"))))
    assert len(rows) == len(corpus)
    for rec, row in zip(corpus, rows):
        assert row["id"] == rec["id"] and row["doi"] == (rec.get("doi") or "")
        assert row["year"] == str(rec.get("year") or "") and row["pages"] == (rec.get("pages") or "")
        assert (row["volume"], row["issue"]) == (rec.get("volume") or "", rec.get("issue") or "")
        # title, journal and abstract have a column per language (zh, en); a third language
        # (ja, fr …) only reaches "title" when it is the record's own.  Keywords are one
        # "; "-joined list of every language; sections are not carried (the abstract holds them).
        for field in ("title", "abstract"):
            for code in ("zh", "en"):
                assert norm(row[f"{field}_{code}"]) == norm(rec[field].get(code, ""))
        assert norm(row["title"]) == main_value(rec, "title")
        # (an organisation's name ends in a comma, EndNote's corporate author, so that it reads back whole)
        assert [n[:-1] if n.endswith(",") else n for n in row["authors"].split("; ")] == (names(rec) or [""])
        assert sorted(k for k in row["keywords"].split("; ") if k) == sorted(
            {k for v in rec["keywords"].values() for k in v})


# ---------------------------------------------------------------- content rules
@pytest.mark.parametrize("fmt", ["ris", "endnote", "bibtex", "biblatex", "csl-json"])
def test_funding_and_sections_stay_out_of_the_abstract(fmt):
    rec = next(r for r in _records(SAMPLES) if r["funding"] and r.get("sections"))
    text = rendered([rec], fmt)
    award = rec["funding"][0]["award"]
    assert award in text
    abstract_lines = [line for line in text.splitlines()
                      if line.lstrip().startswith(("AB  -", "%X", "abstract =", '"abstract"'))]
    assert abstract_lines and not any(award in line for line in abstract_lines)


@pytest.mark.parametrize("fmt", ["ris", "endnote", "bibtex"])
def test_a_chinese_section_is_noted_by_its_own_label(fmt):
    zh, en = (next(r for r in _records(SAMPLES) if lang in (r.get("sections") or {})) for lang in ("zh", "en"))
    # (an abstract holding its labelled sections is note enough: here, one given without its labels)
    for rec, lang in ((zh, "zh"), (en, "en")):
        rec["abstract"][lang] = " ".join(s["text"] for s in rec["sections"][lang])
    text = rendered([zh, en], fmt)
    first = zh["sections"]["zh"][0]
    assert f"目的：{first['text']}" in text and f"OBJECTIVE: {first['text']}" not in text
    assert f"BACKGROUND: {en['sections']['en'][0]['text'][:40]}" in text      # English: the label as normalised


def test_lang_chooses_the_language_of_bilingual_records(small, tmp_path):
    import rispy

    zh, en = small
    for lang, main, other in ((None, "zh", "en"), ("zh", "zh", "en"), ("en", "en", "zh")):
        e = rispy.loads(rendered(small, "ris", lang))
        assert norm(e[0]["title"]) == norm(zh["title"][main])
        assert norm(e[0]["translated_title"]) == norm(zh["title"][other])
        assert norm(e[0]["journal_name"]) == norm(zh["journal"][main])
        assert norm(e[0]["abstract"]) == norm(zh["abstract"][main])
        assert norm(e[1]["title"]) == norm(en["title"]["en"])           # an English-only record stays English
        item = json.loads(rendered(small, "csl-json", lang))[0]
        assert (item["title"], item["custom"]["title"]) == (zh["title"][main], {other: zh["title"][other]})
        assert item["language"] == main
        path = tmp_path / f"{lang}.enw"
        path.write_text(rendered(small, "endnote", lang), encoding="utf-8")
        back = _records(path)
        assert back[0]["language"] == main and back[0]["title"] == zh["title"]


def test_name_suffix_in_each_format():
    # "Smith, John, Jr." (RIS's order; CSL's suffix) is BibTeX's "Smith, Jr., John", CSL's
    # suffix again, and GB/T 7714's SMITH J, Jr (the standard's PEEBLES P Z, Jr.).
    (rec,) = _records(DATA / "formats" / "csl-json" / "zotero-markup-notes.json")
    out = {}
    for fmt in ("bibtex", "csl-json", "gbt7714", "ris"):
        buf = io.StringIO()
        export([rec], fmt, buf)
        out[fmt] = buf.getvalue()
    assert "Smith, Jr., John and Lee, Kim" in out["bibtex"]
    assert json.loads(out["csl-json"])[0]["author"][0] == {"family": "Smith", "given": "John", "suffix": "Jr."}
    assert out["gbt7714"].startswith("[1] SMITH J, Jr, LEE K. Growth of Escherichia coli")
    assert "AU  - Smith, John, Jr." in out["ris"]


@pytest.mark.parametrize("fmt", ["ris", "endnote", "bibtex", "csl-json"])
def test_an_organisation_editor_is_written_whole_and_reads_back(fmt, tmp_path):
    # A chapter edited by an organisation and a person (GB/T 7714's example 8.2:10 has such
    # an editor). The record keeps the organisation as one name; no format may print the
    # braces that mark it, and each must read it back as one name, the person as two parts.
    (rec,) = _records(csl_file(tmp_path / "chapter.json", {
        "id": "c1", "type": "chapter", "title": "Drinking water standards",
        "container-title": "Water quality and treatment", "issued": {"date-parts": [[2011]]},
        "author": [{"family": "Roberson", "given": "J. Alan"}],
        "editor": [{"literal": "American Water Works Association"}, {"family": "Bo", "given": "Anna"}]}))
    assert rec["extra"]["editor"] == ["{American Water Works Association}", "Bo, Anna"]
    text = rendered([rec], fmt)
    assert "American Water Works Association" in text and "{American" not in text.replace("{{American", "")
    if fmt == "bibtex":
        entries, _ = bib_entries(text)
        assert entries[0].fields_dict["editor"].value == "{American Water Works Association} and Bo, Anna"
    if fmt == "csl-json":
        assert json.loads(text)[0]["editor"] == [{"literal": "American Water Works Association"},
                                                 {"family": "Bo", "given": "Anna"}]
    (again,) = read_back(text, fmt, tmp_path)
    assert again["extra"]["editor"] == rec["extra"]["editor"]


@pytest.mark.parametrize("fmt", ["ris", "bibtex", "biblatex", "csl-json"])
def test_translators_are_written_and_read_back(fmt, tmp_path):
    # GB/T 7714's examples name translators (../shared's citations: 17); RIS writes them as A4
    # (Zotero reads A4 as translator), BibTeX and biblatex in "translator", CSL-JSON too. They
    # were written only in GB/T 7714 lists, and lost in the others.
    (rec,) = _records(csl_file(tmp_path / "book.json", {
        "id": "b1", "type": "book", "title": "金融工程", "language": "zh", "issued": {"date-parts": [[2014]]},
        "author": [{"literal": "赫尔"}],
        "translator": [{"literal": "王勇"}, {"literal": "索吾林"}, {"family": "Smith", "given": "Adam"}]}))
    assert rec["extra"]["translator"] == ["王勇", "索吾林", "Smith, Adam"]
    text = rendered([rec], fmt)
    if fmt == "csl-json":
        assert json.loads(text)[0]["translator"] == [{"literal": "王勇"}, {"literal": "索吾林"},
                                                     {"family": "Smith", "given": "Adam"}]
    (again,) = read_back(text, fmt, tmp_path)
    assert again["extra"]["translator"] == rec["extra"]["translator"]


@pytest.mark.parametrize("fmt", ["ris", "endnote", "bibtex", "csl-json"])
def test_a_series_and_a_thesis_supervisor_are_kept(fmt, tmp_path):
    # A book's series (../shared's GB/T examples: 经济科学译库, Lecture notes in mathematics) and,
    # in RIS and EndNote, a thesis's supervisors (A3 and %Y, as CNKI writes them) were read but
    # not written.
    src = tmp_path / "two.ris"
    src.write_text("TY  - BOOK\nTI  - 计量经济学\nAU  - 伍德里奇\nT3  - 经济科学译库\nPY  - 2015\nER  - \n\n"
                   "TY  - THES\nTI  - 车前子多糖的研究\nAU  - 胡静\nA3  - 谢明勇\nA3  - 聂少平\nPY  - 2012\nER  - \n",
                   encoding="utf-8")
    book, thesis = _records(src)
    assert book["extra"]["series"] == ["经济科学译库"] and thesis["extra"]["supervisors"] == ["谢明勇", "聂少平"]
    book2, thesis2 = read_back(rendered([book, thesis], fmt), fmt, tmp_path)
    assert book2["extra"]["series"] == ["经济科学译库"]
    if fmt in ("ris", "endnote"):
        assert thesis2["extra"]["supervisors"] == ["谢明勇", "聂少平"]


@pytest.mark.parametrize("fmt", ["ris", "csl-json"])
def test_a_journal_abbreviation_is_kept(fmt, tmp_path):
    # MEDLINE's TA beside the journal's name (../shared: 64 records keep one) was lost on export
    src = tmp_path / "a.ris"
    src.write_text("TY  - JOUR\nTI  - Spinal surgery\nAU  - Abe, Anna\nJO  - Journal of neurosurgery. Spine\n"
                   "JA  - J Neurosurg Spine\nPY  - 2021\nER  - \n", encoding="utf-8")
    (rec,) = _records(src)
    assert rec["extra"]["journal_abbreviation"] == ["J Neurosurg Spine"]
    (again,) = read_back(rendered([rec], fmt), fmt, tmp_path)
    assert again["journal"] == rec["journal"]
    assert again["extra"]["journal_abbreviation"] == ["J Neurosurg Spine"]


@pytest.mark.parametrize("fmt", ["ris", "endnote"])
def test_date_affiliations_notes_and_edition_come_back(fmt, tmp_path):
    # What readers keep in extra and tagged formats have tags for: the date as written
    # (MEDLINE's DP), the authors' affiliations, the export's notes (Scopus: "Export Date: …;
    # Cited By: …"), the edition. RIS and EndNote lost all but the edition, and the RIS
    # reader did not read ET.
    src = tmp_path / "a.ris"
    src.write_text("TY  - BOOK\nTI  - Spinal surgery\nAU  - Abe, Anna\nPY  - 2019\nDA  - 2019 Jan 15\n"
                   "AD  - Peking University, Beijing\nAD  - Fudan University, Shanghai\nET  - 2nd\n"
                   "N1  - Export Date: 24 November 2023; Cited By: 75\nER  - \n", encoding="utf-8")
    article = tmp_path / "article.ris"   # PubMed's RIS: an article's ET is its e-publication date
    article.write_text("TY  - JOUR\nTI  - Trial\nET  - 2014/07/16\nER  - \n", encoding="utf-8")
    assert _records(article)[0]["extra"]["epub_date"] == ["2014/07/16"]
    (rec,) = _records(src)
    ex = rec["extra"]
    assert (ex["date"], ex["edition"], ex["notes"]) == (["2019 Jan 15"], ["2nd"], ["Export Date: 24 November 2023; Cited By: 75"])
    assert ex["affiliations"] == ["Peking University, Beijing", "Fudan University, Shanghai"]
    (again,) = read_back(rendered([rec], fmt), fmt, tmp_path)
    for key in ("date", "edition", "notes", "affiliations"):
        assert again["extra"][key] == ex[key], key


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex"])
def test_a_bibtex_month_is_written_as_its_macro_and_biblatex_s_in_its_date(fmt, tmp_path):
    # ../shared's zotero_export.bib gives 857 months ("month = {9}"); a month macro ("mar") is
    # month 3. BibTeX's styles print a macro as the month's name (as Zotero writes it); biblatex's
    # date carries the month (Biber warns when a month is given beside it).
    src = tmp_path / "m.bib"
    src.write_text("@article{a, title = {One}, year = {2019}, month = {9}}\n"
                   "@article{b, title = {Two}, year = {2018}, month = mar}\n", encoding="utf-8")
    recs = _records(src)
    text = rendered(recs, fmt)
    entries, _ = bib_entries(text)
    if fmt == "bibtex":
        assert re.findall(r"month = (\w+),", text) == ["sep", "mar"]
    else:
        assert [e.fields_dict["date"].value for e in entries] == ["2019-09", "2018-03"]
        assert all("month" not in e.fields_dict for e in entries)
    back = read_back(text, fmt, tmp_path)
    assert [r["year"] for r in back] == [2019, 2018] and rendered(back, fmt) == text   # read back as written


def test_csl_json_dates_keep_month_and_day(tmp_path):
    # The date a record kept (MEDLINE's "2019 Jan 15" as RIS DA, BibTeX's month, a CSL date of
    # the GB/T examples) was written as the year alone; a date of another year is not used
    ris, bib = tmp_path / "a.ris", tmp_path / "b.bib"
    ris.write_text("TY  - JOUR\nTI  - One\nPY  - 2019\nDA  - 2019 Jan 15\nER  - \n\n"
                   "TY  - JOUR\nTI  - Two\nPY  - 2019\nDA  - 2018/12/30\nER  - \n", encoding="utf-8")
    bib.write_text("@article{a, title = {Three}, year = {2020}, month = {9}}\n", encoding="utf-8")
    csl = csl_file(tmp_path / "c.json", {"id": "x", "type": "article-newspaper", "title": "Four",
                                         "issued": {"date-parts": [[2012, 12, 10]]}})
    recs = _records(ris, bib, csl)
    items = json.loads(rendered(recs, "csl-json"))
    assert [i["issued"]["date-parts"][0] for i in items] == [[2019, 1, 15], [2019], [2020, 9], [2012, 12, 10]]
    assert [r["extra"].get("issued") for r in read_back(rendered(recs, "csl-json"), "csl-json", tmp_path)] == [
        "2019-01-15", None, "2020-09", "2012-12-10"]


@pytest.mark.parametrize("fmt", ["ris", "endnote"])
def test_a_month_without_a_written_date_goes_to_ris_and_endnote(fmt, tmp_path):
    # BibTeX's month and a CSL date had no place in RIS and EndNote (only the date as
    # written did); they are written as RIS writes a date, 2019/09, and come back
    bib = tmp_path / "a.bib"
    bib.write_text("@article{a, title = {One}, year = {2019}, month = {9}}\n", encoding="utf-8")
    csl = csl_file(tmp_path / "b.json", {"id": "x", "type": "article-newspaper", "title": "Two",
                                         "issued": {"date-parts": [[2012, 12, 10]]}})
    recs = _records(bib, csl)
    again = read_back(rendered(recs, fmt), fmt, tmp_path)
    assert [r["extra"]["date"] for r in again] == [["2019/09"], ["2012/12/10"]]
    assert [i["issued"]["date-parts"][0] for i in json.loads(rendered(again, "csl-json"))] == [[2019, 9], [2012, 12, 10]]


def test_et_al_is_not_an_author(tmp_path):
    # RIS "AU  - et al.", BibTeX "and others", a Chinese 等: the list is incomplete; BibTeX
    # writes "and others" again, GB/T 7714 "et al." / 等 even after fewer than four names.
    (tmp_path / "a.ris").write_text("TY  - JOUR\nTI  - Bone marrow failure\nAU  - Smith, John\nAU  - et al.\n"
                                    "ER  - \n\nTY  - JOUR\nTI  - 骨髓衰竭\nAU  - 张三\nAU  - 等\nER  - \n",
                                    encoding="utf-8")
    (tmp_path / "b.bib").write_text("@article{k, author = {Lee, Kim and others}, title = {Marrow}, year = {2020}}\n",
                                    encoding="utf-8")
    recs = _records(tmp_path / "a.ris", tmp_path / "b.bib")
    assert [names(r) for r in recs] == [["Smith, John"], ["张三"], ["Lee, Kim"]]
    assert all(r["extra"]["authors_truncated"] for r in recs)
    entries, _ = bib_entries(rendered(recs, "bibtex"))
    assert [e.fields_dict["author"].value for e in entries] == [
        "Smith, John and others", "{张三} and others", "Lee, Kim and others"]
    gbt = rendered(recs, "gbt7714").splitlines()
    assert gbt[0].startswith("[1] SMITH J, et al. Bone marrow failure")
    assert gbt[1].startswith("[2] 张三, 等. 骨髓衰竭")


@pytest.mark.parametrize("fmt", ["ris", "endnote"])
def test_second_urls_issns_and_dois_are_kept_and_written(fmt, tmp_path):
    # The contract has one URL, ISSN and DOI; a print and an electronic ISSN, a publisher's
    # and a repository's URL: the others stay in extra, and tagged formats write them all.
    src = tmp_path / "two.ris"
    src.write_text("TY  - JOUR\nTI  - Two of each\nSN  - 1234-5678\nSN  - 2345-6789\nUR  - https://a.example/1\n"
                   "UR  - https://b.example/2\nDO  - 10.1000/ONE\nDO  - https://doi.org/10.1000/two\nDO  - N/A\nER  - \n",
                   encoding="utf-8")
    (rec,) = _records(src)
    assert (rec["issn"], rec["url"], rec["doi"]) == ("1234-5678", "https://a.example/1", "10.1000/one")
    assert (rec["extra"]["other_issns"], rec["extra"]["other_urls"], rec["extra"]["other_dois"]) == (
        ["2345-6789"], ["https://b.example/2"], ["10.1000/two"])
    assert rec["extra"]["doi_unread"] == ["N/A"]          # a DOI field without a DOI, as written
    back = tmp_path / f"back{SUFFIXES[fmt]}"
    back.write_text(rendered([rec], fmt), encoding="utf-8")
    (again,) = _records(back)
    assert (again["issn"], again["url"]) == (rec["issn"], rec["url"])
    assert (again["extra"]["other_issns"], again["extra"]["other_urls"]) == (["2345-6789"], ["https://b.example/2"])


def test_unknown_format_lists_the_known_ones():
    with pytest.raises(ValueError, match="ris, bibtex, biblatex, csl-json"):
        export([], "xml", io.StringIO())


# ---------------------------------------------------------------- CLI
@pytest.fixture(scope="module")
def index(tmp_path_factory):
    idx = tmp_path_factory.mktemp("export") / "idx"
    result = run_cli("ingest", "-q", str(DATA / "dedup" / "cases.ris"), str(BILINGUAL), "--index", str(idx))
    assert result.returncode == 0, result.stderr
    return idx


def test_cli_query_ids_masters_and_files(index, tmp_path):
    import bibtexparser
    import rispy

    out = run_cli("export", "--format", "ris", "--query", "spinal metastases", "--index", str(index))
    assert out.returncode == 0, out.stderr
    found = rispy.loads(out.stdout)
    assert found and all("spinal metastases" in (e["title"] + e.get("translated_title", "")).lower() for e in found)
    nothing = run_cli("export", "--format", "ris", "--query", "zzqqxx", "--index", str(index))
    assert nothing.returncode == 0 and not nothing.stdout and "no record matches --query 'zzqqxx'" in nothing.stderr
    # how the query was read is said beside what it exports, as search says it beside its hits
    unclosed = run_cli("export", "--format", "ris", "--query", '"spinal metastases', "--index", str(index))
    assert unclosed.returncode == 0 and rispy.loads(unclosed.stdout) == found
    assert 'note: a quote is not closed, so the phrase "spinal metastases" was read' in unclosed.stderr
    assert "note:" not in out.stderr
    everything = rispy.loads(run_cli("export", "--format", "ris", "--index", str(index)).stdout)
    assert len(everything) == 18 + 2
    dedup = json.loads(run_cli("dedup", "--json", "--index", str(index)).stdout)
    masters = rispy.loads(run_cli("export", "--format", "ris", "--masters", "--index", str(index)).stdout)
    merged = [c for c in dedup["clusters"] if c["confidence"] == "certain"]   # what --apply, and --masters, merge
    assert merged and len(masters) == dedup["counts"]["identified"] - sum(len(c["records"]) - 1 for c in merged)
    kept = {e["id"] for e in masters}
    for cluster in dedup["clusters"]:
        ids = {r["id"] for r in cluster["records"]}
        assert ids & kept == ({cluster["master"]} if cluster in merged else ids)
    # --masters with --ids: a duplicate asked for stands for its master (it was dropped, silently)
    cluster = merged[0]
    duplicate = next(r["id"] for r in cluster["records"] if r["id"] != cluster["master"])
    ids = tmp_path / "dup.txt"
    ids.write_text(f"{duplicate}\n{cluster['master']}\n", encoding="utf-8")
    out = run_cli("export", "--format", "jsonl", "--masters", "--ids", str(ids), "--index", str(index))
    assert out.returncode == 0 and [r["id"] for r in jsonl(out.stdout)] == [cluster["master"]]
    assert f"note: {duplicate} is a duplicate of {cluster['master']} (dedup); exported as that record" in out.stderr
    ids = tmp_path / "ids.txt"
    ids.write_text(f"{everything[3]['id']}\nnot-an-id\n{everything[0]['id']}\n", encoding="utf-8")
    target = tmp_path / "refs.bib"
    out = run_cli("export", "--format", "bibtex", "--ids", str(ids), "-o", str(target), "--index", str(index))
    assert out.returncode == 1   # an id asked for is not there: said, the rest written
    assert "no record not-an-id" in out.stderr and "wrote 2 records" in out.stderr
    lib = bibtexparser.parse_string(target.read_text(encoding="utf-8"))
    assert len(lib.entries) == 2 and not lib.failed_blocks
    assert norm(lib.entries[0].fields_dict["title"].value) == norm(everything[3]["title"])


def test_cli_nothing_to_export_leaves_the_output_file(index, tmp_path):
    # a query that finds nothing, or ids the index does not hold, had emptied the file named with -o
    target = tmp_path / "thesis.bib"
    target.write_text("@article{kept, title = {Kept}}\n", encoding="utf-8")
    out = run_cli("export", "--format", "bibtex", "--query", "zzqqxx", "-o", str(target), "--index", str(index))
    assert out.returncode == 0 and f"nothing to export; {target} left as it was" in out.stderr
    # and says what search says of it: a prefix that is no field, an author's name the text leaves out
    out = run_cli("export", "--format", "bibtex", "--query", "titel:zzqqxx", "--index", str(index))
    assert "note: titel: is no field prefix, so it was searched as text (did you mean title:?)" in out.stderr
    out = run_cli("export", "--format", "bibtex", "--query", "秦勇", "--index", str(index))
    assert out.returncode == 0 and "no record matches --query '秦勇'" in out.stderr
    assert re.search(r"note: '秦勇' is in no title, abstract, keyword or funding; author:秦勇 finds \d+ records?",
                     out.stderr)
    ids = tmp_path / "ids.txt"
    ids.write_text("not-an-id\n", encoding="utf-8")
    out = run_cli("export", "--format", "bibtex", "--ids", str(ids), "-o", str(target), "--index", str(index))
    assert out.returncode == 1 and "no record not-an-id" in out.stderr
    assert target.read_text(encoding="utf-8") == "@article{kept, title = {Kept}}\n"
    fresh = tmp_path / "new.ris"
    out = run_cli("export", "--format", "ris", "--query", "zzqqxx", "-o", str(fresh), "--index", str(index))
    assert out.returncode == 0 and f"{fresh} not written" in out.stderr and not fresh.exists()


def test_cli_gbt7714_both_languages(index):
    out = run_cli("export", "--format", "gbt7714", "--lang", "both", "--index", str(index))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    i = next(i for i, line in enumerate(lines) if "原发灶不明脊柱转移瘤的外科治疗" in line)
    assert re.match(r"\[\d+\] 王跃, 张可佳, 李明, 等\. ", lines[i]) and "[J]. 中华骨科杂志, 2021, 41(3): 150-156" in lines[i]
    assert lines[i + 1].startswith(" ") and "Surgical treatment of spinal metastases" in lines[i + 1]
    assert lines[i + 1].strip().startswith("WANG Yue, ZHANG Kejia, LI Ming, et al. ")
    assert "Chinese Journal of Orthopaedics, 2021" in lines[i + 1]


def test_cli_sort_by_year_and_by_author(index):
    from pypinyin import lazy_pinyin

    def exported(*args):
        out = run_cli("export", "--format", "jsonl", *args, "--index", str(index))
        assert out.returncode == 0, out.stderr
        return [json.loads(line) for line in out.stdout.splitlines()]

    everything = exported()
    newest = exported("--sort", "newest")
    assert sorted(r["id"] for r in newest) == sorted(r["id"] for r in everything)
    years = [r["year"] for r in newest]
    dated = [y for y in years if y is not None]
    assert dated == sorted(dated, reverse=True) and years[:len(dated)] == dated   # undated last
    oldest = [r["year"] for r in exported("--sort", "oldest")]
    assert oldest[:len(dated)] == sorted(dated)
    # newest first within a search too, not by rank
    found = exported("--query", "spinal", "--sort", "newest")
    assert len(found) > 1 and [r["year"] for r in found] == sorted((r["year"] for r in found), reverse=True)

    # by author, as GB/T 7714's author-year system: Chinese items first, by the pinyin of the
    # first author; then the others by family name
    def first(r):
        a = (r["authors"] or [{}])[0]
        return a.get("literal") or a.get("family") or ""

    by_author = [r for r in exported("--sort", "author") if r["authors"]]
    chinese = [r for r in by_author if r["language"] == "zh"]
    assert chinese and by_author[:len(chinese)] == chinese
    pinyin = [" ".join(lazy_pinyin(first(r))) for r in chinese]
    assert pinyin == sorted(pinyin) and len(set(pinyin)) > 2
    western = [first(r).casefold() for r in by_author[len(chinese):]]
    assert western == sorted(western) and len(set(western)) > 2
    # a book's parts in their order: （一） before （二）
    parts = [r["title"]["zh"] for r in chinese if r["title"].get("zh", "").startswith("城市交通规划研究")]
    assert parts == ["城市交通规划研究（一）", "城市交通规划研究（二）"]


def test_cli_errors_are_clear(index, tmp_path):
    out = run_cli("export", "--format", "xml", "--index", str(index))
    assert out.returncode == 2 and "invalid choice" in out.stderr
    out = run_cli("export", "--format", "ris", "--ids", str(tmp_path / "none.txt"), "--index", str(index))
    assert out.returncode == 2 and "none.txt" in out.stderr
    out = run_cli("export", "--format", "ris", "--index", str(tmp_path / "empty"))
    assert out.returncode == 2 and "cli.py ingest" in out.stderr
    out = run_cli("export", "--format", "ris", "--query", "(unbalanced", "--index", str(index))
    assert out.returncode == 2 and "Error" in out.stderr


def test_cli_exports_files_without_an_index(tmp_path):
    # --from: files cleaned and written in their order, no index; a file that cannot be read
    # is named on stderr, the others are written, and the exit code says so
    good, bad = tmp_path / "a.ris", tmp_path / "b.ris"
    good.write_text("TY  - JOUR\nTI  - 脊柱转移瘤的外科治疗\nAU  - 王跃\nJO  - 中华骨科杂志\nPY  - 2021\nVL  - 41\n"
                    "IS  - 3\nSP  - 150\nEP  - 156\nER  - \n\nTY  - JOUR\nTI  - Spinal surgery\nAU  - Abe, Anna\n"
                    "JO  - Spine\nPY  - 2020\nER  - \n", encoding="utf-8")
    bad.write_bytes(b"\x00\x01 not an export")
    out = run_cli("export", "--format", "gbt7714", "--from", str(good), str(bad), "--index", str(tmp_path / "none"))
    assert out.returncode == 1 and "b.ris" in out.stderr and not (tmp_path / "none").exists()
    assert out.stdout.splitlines() == ["[1] 王跃. 脊柱转移瘤的外科治疗[J]. 中华骨科杂志, 2021, 41(3): 150-156.",
                                       "[2] ABE A. Spinal surgery[J]. Spine, 2020."]
    out = run_cli("export", "--format", "ris", "--from", str(good), "--masters")
    assert out.returncode == 2 and "--masters needs an index" in out.stderr
    out = run_cli("export", "--format", "ris", "--from", str(tmp_path / "missing.ris"))
    assert out.returncode == 2 and "missing.ris" in out.stderr


def test_cli_warns_of_records_without_a_title(tmp_path):
    path = tmp_path / "mixed.ris"
    path.write_text("TY  - JOUR\nTI  - Titled marrow\nER  - \n\nTY  - JOUR\nAB  - An abstract on marrow alone.\nER  - \n"
                    "\nTY  - JOUR\nTI  - 骨髓\nER  - \n", encoding="utf-8")
    idx = tmp_path / "idx"
    assert run_cli("ingest", "-q", str(path), "--index", str(idx)).returncode == 0
    for fmt in ("gbt7714", "ris"):
        out = run_cli("export", "--format", fmt, "--index", str(idx))
        assert out.returncode == 0, out.stderr
        warned = [line for line in out.stderr.splitlines() if "no title" in line]
        assert len(warned) == 1 and "1 record(s) have no title" in warned[0] and f"{path} #2" in warned[0]
    out = run_cli("export", "--format", "gbt7714", "--query", "titled", "--index", str(idx))
    assert "no title" not in out.stderr


def test_cli_warns_once_of_records_without_a_year_authors_or_journal(tmp_path):
    # (these were written silently: a thesis's list with "Li S. No journal here[J]. , 2020.")
    path = tmp_path / "gaps.ris"
    path.write_text("TY  - JOUR\nTI  - No journal here\nAU  - Li, Si\nPY  - 2020\nER  - \n\n"
                    "TY  - JOUR\nTI  - No year or author\nT2  - Cell\nER  - \n\n"
                    "TY  - JOUR\nTI  - Nothing missing\nAU  - Wu, Er\nPY  - 2019\nT2  - Cell\nER  - \n", encoding="utf-8")
    for fmt in ("gbt7714", "bibtex", "ris", "csl-json", "vancouver"):
        out = run_cli("export", "--format", fmt, "--from", str(path))
        assert out.returncode == 0, out.stderr
        warned = [line.split(": ", 1)[1].split(", so")[0] + " " + line.split("(")[-1]
                  for line in out.stderr.splitlines() if line.startswith("warning:")]
        assert warned == ["1 record(s) have no year No year or author)", "1 record(s) have no authors No year or author)",
                          "1 record(s) have no journal No journal here)"], fmt
    out = run_cli("export", "--format", "csv", "--from", str(path))   # data, not a reference list
    assert "warning" not in out.stderr


def test_a_csv_file_starts_with_a_bom_for_excel(index, tmp_path):
    # Excel reads a CSV without a BOM in the system code page (GBK on Chinese Windows)
    target = tmp_path / "refs.csv"
    assert run_cli("export", "--format", "csv", "-o", str(target), "--index", str(index)).returncode == 0
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid,")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert any("原发灶不明脊柱转移瘤" in r["title_zh"] for r in rows)
    assert not run_cli("export", "--format", "csv", "--index", str(index)).stdout.startswith("\ufeff")   # a pipe
    assert run_cli("export", "--format", "csv", "--bom", "--index", str(index)).stdout.startswith("\ufeff")
    ris = tmp_path / "refs.ris"
    run_cli("export", "--format", "ris", "-o", str(ris), "--index", str(index))
    assert ris.read_bytes().startswith(b"TY  - ")                          # RIS only with --bom


def test_help_names_the_tools_for_each_format():
    out = run_cli("export", "--help")
    for name in FORMATS:
        assert name in out.stdout
    for tool in ("Zotero", "EndNote", "Mendeley", "NoteExpress", "JabRef", "biber", "pandoc"):
        assert tool in out.stdout, tool


def test_a_copyright_notice_goes_to_bibtex_and_back(tmp_path):
    # a publisher's notice the cleaner moved out of a PubMed abstract: BibTeX's copyright field
    # (Zotero's Rights), read back as the record's notice
    path = tmp_path / "a.txt"
    path.write_text("PMID- 1\nTI  - A trial.\nAB  - We tested it. Copyright (c) 2021 Elsevier Ltd. All rights "
                    "reserved.\nFAU - Smith, John\nDP  - 2021\n\n", encoding="utf-8")
    (rec,) = _records(path)
    assert rec["extra"]["copyright"].startswith("Copyright (c) 2021 Elsevier")
    for fmt in ("bibtex", "biblatex"):
        back = tmp_path / f"a.{fmt}.bib"
        back.write_text(rendered([rec], fmt), encoding="utf-8")
        assert _records(back)[0]["extra"]["copyright"] == rec["extra"]["copyright"]


# ---------------------------------------------------------------- a thesis's degree
def _theses(tmp_path) -> list[dict]:
    """[a 硕士 thesis (CNKI's EndNote: %9), a doctoral one (CSL-JSON: genre), one without a
    degree (RIS)], read by the readers `cli.py clean` uses."""
    enw = tmp_path / "master.enw"
    enw.write_text("%0 Thesis\n%A 胡增辉\n%T 我国铁路客运站建筑空间室内设计方法研究\n%Y 孙伟\n%I 北京交通大学\n"
                   "%9 硕士\n%D 2018\n", encoding="utf-8")
    csl = csl_file(tmp_path / "doctoral.json", {
        "id": "d1", "type": "thesis", "title": "Fracture healing", "author": [{"family": "Li", "given": "Ming"}],
        "publisher": "Peking University", "genre": "PhD Thesis", "issued": {"date-parts": [[2020]]}})
    ris = tmp_path / "none.ris"
    ris.write_text("TY  - THES\nTI  - Bone growth\nAU  - Abe, Anna\nPB  - Fudan University\nPY  - 2019\nER  - \n",
                   encoding="utf-8")
    recs = _records(enw, csl, ris)
    assert [(r["type"], r["extra"].get("degree")) for r in recs] == [
        ("thesis", ["硕士"]), ("thesis", ["PhD Thesis"]), ("thesis", None)]
    return recs


@pytest.mark.parametrize("text, level", [
    ("博士学位论文", "doctoral"), ("博士", "doctoral"), ("硕士", "master"), ("硕士学位论文", "master"),
    ("碩士", "master"), ("碩士學位論文", "master"), ("Doctoral dissertation", "doctoral"),
    ("Master's Thesis", "master"), ("PhD Thesis", "doctoral"), ("Ph.D. Dissertation", "doctoral"),
    ("Ed.D. Dissertation", "doctoral"), ("M.A. thesis", "master"), ("MSc", "master"),
    # no level: no degree named, a word that only contains one, a postdoc's report, a bachelor's
    ("Dissertation", ""), ("Thesis", ""), ("Masterarbeit", ""), ("Mastering", ""), ("博士后研究报告", ""),
    ("学士学位论文", ""), ("", ""),
])
def test_a_degree_level_is_told_from_whole_words(text, level):
    from indexer.export.common import degree_level

    assert degree_level(text) == level


@pytest.mark.parametrize("fmt, master, doctoral", [
    # BibTeX: @mastersthesis for a master's (Zotero: phdthesis unless its type says master), the
    # degree as written in type, which styles print instead of their default label
    ("bibtex", ["@mastersthesis{", "type = {硕士}", "school = {北京交通大学}"],
     ["@phdthesis{", "type = {PhD Thesis}", "school = {Peking University}"]),
    # biblatex: @thesis requires type (its localised keys) and institution
    ("biblatex", ["@thesis{", "type = {mathesis}", "institution = {北京交通大学}"],
     ["@thesis{", "type = {phdthesis}", "institution = {Peking University}"]),
    ("ris", ["TY  - THES", "M3  - 硕士"], ["TY  - THES", "M3  - PhD Thesis"]),          # M3: Type of Work
    ("endnote", ["%0 Thesis", "%9 硕士"], ["%0 Thesis", "%9 PhD Thesis"]),              # %9: Type of Work
    ("csl-json", ['"genre": "硕士"'], ['"genre": "PhD Thesis"']),
    ("gbt7714", ["[D]"], ["[D]"]),                                                     # [D] for any degree
])
def test_a_thesis_degree_is_written(fmt, master, doctoral, tmp_path):
    # The degree (extra.degree, as the source wrote it) was lost in every export: a 硕士 thesis
    # was a @phdthesis.  A thesis without a degree is written as before, with no type.
    recs = _theses(tmp_path)
    texts = [rendered([rec], fmt) for rec in recs]
    for text, expected in zip(texts, (master, doctoral)):
        for part in expected:
            assert part in text, (part, text)
    assert "@mastersthesis" not in texts[1] + texts[2]
    none = texts[2]
    assert not re.search(r"\btype = |^M3 |^%9 |\"genre\"", none, re.M), none
    if fmt == "bibtex":
        assert none.startswith("@phdthesis{") and "school = {Fudan University}" in none
    if fmt == "biblatex":   # the university as institution: biblatex's @thesis has no publisher
        assert none.startswith("@thesis{") and "institution = {Fudan University}" in none
        assert "publisher = " not in "".join(texts)


@pytest.mark.parametrize("fmt", ["ris", "bibtex", "csl-json", "endnote"])
def test_a_thesis_degree_reads_back(fmt, tmp_path):
    # written where each format keeps it and read back by the reader `cli.py clean` uses (the
    # RIS reader read M3 as a medium: M3 of a THES is its type of work)
    recs = _theses(tmp_path)
    back = read_back(rendered(recs, fmt), fmt, tmp_path)
    assert [(r["type"], r["extra"].get("degree")) for r in back] == [
        ("thesis", ["硕士"]), ("thesis", ["PhD Thesis"]), ("thesis", None)]
    if fmt == "bibtex":
        assert [r["extra"]["source_type"] for r in back] == ["mastersthesis", "phdthesis", "phdthesis"]


def test_a_biblatex_thesis_keeps_its_level(tmp_path):
    # biblatex's type is its key (mathesis, phdthesis), not the words: the level comes back
    from indexer.export.common import thesis_degree

    back = read_back(rendered(_theses(tmp_path), "biblatex"), "biblatex", tmp_path)
    assert [thesis_degree(r)[0] for r in back] == ["master", "doctoral", ""]


def test_a_bibtex_mastersthesis_stays_one(tmp_path):
    # A @mastersthesis without a type (the entry type says the level) came back as @phdthesis
    src = tmp_path / "m.bib"
    src.write_text("@mastersthesis{abe2019, title = {Bone growth}, author = {Abe, Anna}, "
                   "school = {Fudan University}, year = {2019}}\n", encoding="utf-8")
    (rec,) = _records(src)
    assert rec["type"] == "thesis" and not rec["extra"].get("degree")
    assert rendered([rec], "bibtex").startswith("@mastersthesis{abe2019,")   # its own key
    assert "type = {mathesis}" in rendered([rec], "biblatex")
    assert "[master's thesis]" in rendered([rec], "vancouver")


def test_m3_of_other_ris_types_is_no_degree(tmp_path):
    # Scopus's RIS writes an article's document type in M3 ("Article"): not a degree, its
    # publication type (EndNote's Type of Article), written back so
    src = tmp_path / "a.ris"
    src.write_text("TY  - JOUR\nTI  - Trial\nM3  - Article\nPY  - 2019\nER  - \n\n"
                   "TY  - THES\nTI  - Bone growth\nM3  - Master's Thesis\nPY  - 2019\nER  - \n", encoding="utf-8")
    article, thesis = _records(src)
    assert article["extra"]["publication_type"] == ["Article"] and not article["extra"].get("degree")
    assert thesis["extra"]["degree"] == ["Master's Thesis"] and not thesis["extra"].get("medium")
    assert "M3  - Article" in rendered([article], "ris")


def test_a_cnki_thesis_names_its_university_once_as_where_it_is_kept(tmp_path):
    # CNKI's EndNote export writes a thesis's university as %B and no %I: it was only the
    # "journal" (BibTeX journal = {…}, and GB/T lost its 保存单位: "[D]. 2012.")
    enw = tmp_path / "cnki.txt"
    enw.write_text("%0 Thesis\n%A 虞锦洪\n%T 高导热聚合物基复合材料的制备与性能研究\n%B 上海交通大学\n%D 2012\n%W CNKI\n",
                   encoding="utf-8")
    (rec,) = _records(enw)
    assert rec["journal"] == {"zh": "上海交通大学"} and rec["extra"]["publisher"] == ["上海交通大学"]
    assert rendered([rec], "gbt7714").strip() == "[1] 虞锦洪. 高导热聚合物基复合材料的制备与性能研究[D]. [出版地不详]: 上海交通大学, 2012."
    bib = rendered([rec], "bibtex")
    assert "school = {上海交通大学}" in bib and "journal =" not in bib and "publisher =" not in bib
    biblatex = rendered([rec], "biblatex")
    assert "institution = {上海交通大学}" in biblatex and "journaltitle =" not in biblatex
    back = tmp_path / "back.bib"
    back.write_text(bib, encoding="utf-8")
    assert _records(back)[0]["extra"]["publisher"] == ["上海交通大学"]   # read once, not twice


def test_a_csv_cell_a_spreadsheet_would_run_is_written_as_text_and_read_back(tmp_path):
    # a scraped title that is a formula: Excel would run it (CSV injection); a ' before it is text
    ris = tmp_path / "inj.ris"
    titles = ['=HYPERLINK("http://evil.example","click")', "+1 for the team", "@SUM(A1:A2)",
              "-ray analysis", "-0.5 °C shifts", "A plain title"]   # "-0.5 °C": a formula to a spreadsheet
    ris.write_text("".join(f"TY  - JOUR\nTI  - {t}\nAU  - Smith, John\nPY  - 2020\nER  - \n\n" for t in titles),
                   encoding="utf-8")
    records = _records(ris)
    assert [r["title"]["en"] for r in records] == titles
    rows = list(csv.DictReader(io.StringIO(rendered(records, "csv"))))
    assert [r["title"] for r in rows] == ["'" + t for t in titles[:5]] + titles[5:]
    assert rows[0]["title_en"].startswith("'=") and rows[0]["authors"] == "Smith, John"
    back = tmp_path / "back.csv"
    back.write_text(rendered(records, "csv"), encoding="utf-8")
    assert [r["title"]["en"] for r in _records(back)] == titles     # our reader takes the ' away


def test_a_pmid_is_exported_where_the_format_has_a_field_for_it(tmp_path):
    # it was written only in Vancouver: systematic reviews match records by PMID
    medline = tmp_path / "a.nbib"
    medline.write_text("PMID- 33465792\nTI  - A trial of aspirin.\nFAU - Smith, John\nDP  - 2021\n\n", encoding="utf-8")
    ris = tmp_path / "b.ris"   # no PMID
    ris.write_text("TY  - JOUR\nTI  - Another trial\nPY  - 2020\nER  - \n", encoding="utf-8")
    records = _records(medline, ris)
    assert records[0]["source"]["source_id"] == "33465792"
    items = json.loads(rendered(records, "csl-json"))
    assert items[0]["PMID"] == "33465792" and "PMID" not in items[1]
    for fmt in ("bibtex", "biblatex"):
        text = rendered(records, fmt)
        assert text.count("pmid = {33465792}") == 1, text
        back = tmp_path / f"back.{fmt}.bib"
        back.write_text(text, encoding="utf-8")
        assert _records(back)[0]["extra"]["pmid"] == ["33465792"]
    back = csl_file(tmp_path / "back.json", *items)
    again = _records(back)
    assert again[0]["extra"]["pmid"] == ["33465792"]
    assert json.loads(rendered(again, "csl-json"))[0]["PMID"] == "33465792"   # and out again


def test_bibtex_keeps_the_capitals_a_style_would_lower_in_braces(tmp_path):
    # plain.bst and others put a title in sentence case ("t" change.case$): DNA would print "dna"
    ris = tmp_path / "caps.ris"
    title = "The DNA of mRNA vaccines: COVID-19, IL-6 and X-ray work at McDonald's in Beijing"
    ris.write_text(f"TY  - JOUR\nTI  - {title}\nAU  - Smith, John\nPY  - 2020\nER  - \n", encoding="utf-8")
    records = _records(ris)
    for fmt in ("bibtex", "biblatex"):
        text = rendered(records, fmt)
        assert ("title = {The {DNA} of {mRNA} vaccines: {COVID-19}, {IL-6} and X-ray work at {McDonald's} "
                "in Beijing}") in text
        back = tmp_path / f"back.{fmt}.bib"
        back.write_text(text, encoding="utf-8")
        assert _records(back)[0]["title"] == {"en": title}        # the braces are not part of it


def test_a_csv_keeps_a_books_type_and_imprint_through_the_round_trip(tmp_path):
    # the type column was read only as the source's type (a book came back an article), and
    # the CSV had no publisher, place or ISBN
    ris = tmp_path / "books.ris"
    ris.write_text("TY  - BOOK\nTI  - Spinal surgery\nAU  - Smith, John\nPB  - Example Press\nCY  - New York\n"
                   "SN  - 978-3-16-148410-0\nPY  - 2019\nER  - \n\n"
                   "TY  - THES\nTI  - Bone growth\nAU  - Li, Ming\nPB  - Peking University\nPY  - 2020\nER  - \n",
                   encoding="utf-8")
    records = _records(ris)
    back = tmp_path / "books.csv"
    back.write_text(rendered(records, "csv"), encoding="utf-8")
    again = _records(back)
    assert [r["type"] for r in again] == ["book", "thesis"]
    for key in ("publisher", "place", "isbn"):
        assert [r["extra"].get(key) for r in again] == [r["extra"].get(key) for r in records], key
    assert again[0]["extra"]["place"] == ["New York"]


def test_ris_and_endnote_keep_a_reports_number_and_the_date_a_page_was_read(tmp_path):
    # both were lost in RIS and EndNote (CSL-JSON and GB/T kept them)
    csl = csl_file(tmp_path / "nl.json",
                   {"id": "r1", "type": "report", "title": "Tech report", "number": "TR-99", "publisher": "Inst",
                    "issued": {"date-parts": [[2020]]}, "author": [{"family": "Abe", "given": "Bo"}]},
                   {"id": "w1", "type": "webpage", "title": "Page", "URL": "https://example.org/page",
                    "accessed": {"date-parts": [[2024, 1, 2]]}, "issued": {"date-parts": [[2023]]}})
    records = _records(csl)
    # RIS: VL and Y2; EndNote: %N (its Report Number) and %[ (its Access Date)
    for fmt, suffix, lines in (("ris", "ris", ("VL  - TR-99", "Y2  - 2024-01-02")),
                               ("endnote", "enw", ("%N TR-99", "%[ 2024-01-02"))):
        text = rendered(records, fmt)
        assert all(line in text for line in lines), fmt
        back = tmp_path / f"back.{suffix}"
        back.write_text(text, encoding="utf-8")
        report, page = _records(back)
        assert report["extra"]["number"] == ["TR-99"] and page["extra"]["accessed"] == "2024-01-02"
    assert "[2024-01-02]" in rendered([page], "gbt7714")


# ---------------------------------------------------------------- round trips through reference managers
_STRUCTURED_RIS = """TY  - JOUR
AU  - Tanaka, H.
TI  - Long-term outcomes after spinal surgery
JO  - Spine
PY  - 2020
N1  - Reviewer comment: use in discussion.
AB  - BACKGROUND: Few data exist. METHODS: We followed 300 patients. RESULTS: 80% improved. CONCLUSIONS: Surgery helps.
ER  - 
"""


@pytest.mark.parametrize("fmt", ["ris", "endnote", "bibtex", "biblatex"])
def test_a_round_trip_adds_no_note_of_the_abstracts_sections(fmt, tmp_path):
    """The abstract written holds its labelled sections: a note repeating them came back as
    the user's note, and each export wrote it once more."""
    (tmp_path / "g0.ris").write_text(_STRUCTURED_RIS, encoding="utf-8")
    recs = records_of(tmp_path / "g0.ris")
    assert recs[0]["sections"]["en"] and recs[0]["extra"]["notes"] == ["Reviewer comment: use in discussion."]
    for _ in range(3):
        recs = read_back(rendered(recs, fmt), fmt, tmp_path)
    assert recs[0]["extra"]["notes"] == ["Reviewer comment: use in discussion."]
    assert recs[0]["abstract"]["en"].startswith("BACKGROUND: Few data exist.")


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex"])
def test_bibtex_writes_the_notes_the_record_came_with(fmt, tmp_path):
    """A Mendeley or JabRef ``annote`` (RIS N1, EndNote %Z, CSL note) is written as ``annote``,
    which Zotero imports as the item's note, its lines as lines."""
    src = tmp_path / "m.bib"
    src.write_text("@article{lee2019,\n  title = {A title},\n  author = {Lee, A.},\n  year = {2019},\n"
                   "  annote = {Read this for chapter 2. Private note: compare with Lee 2017.},\n}\n", encoding="utf-8")
    text = rendered(records_of(src), fmt)
    assert "  annote = {Read this for chapter 2. Private note: compare with Lee 2017.}," in text
    rec = records_of(src)[0]
    rec["extra"]["notes"] = ["PMID: 32000001\ntex.ids= zhang2020a"]
    assert "  annote = {PMID: 32000001\ntex.ids= zhang2020a}," in rendered([rec], fmt)
    assert read_back(text, fmt, tmp_path)[0]["extra"]["notes"] == [
        "Read this for chapter 2. Private note: compare with Lee 2017."]


@pytest.mark.parametrize("fmt", ["ris", "endnote"])
def test_a_notes_lines_stay_lines(fmt, tmp_path):
    """Zotero's Extra lines in a CSL note ("PMID: …", "tex.ids= …") are written as the lines of one
    note (the first after N1 / %Z, the others untagged: RIS's and EndNote's continuation), not
    squashed into one line Zotero cannot read them from; a line like a tag's is indented."""
    src = tmp_path / "z.json"
    src.write_text(json.dumps([{"id": "zhang2020a", "type": "article-journal", "title": "Deep learning",
                                "note": "PMID: 32000001\ntex.ids= zhang2020a\nER - not the end"}]), encoding="utf-8")
    (rec,) = records_of(src)
    assert rec["extra"]["notes"] == ["PMID: 32000001\ntex.ids= zhang2020a\nER - not the end"]
    text = rendered([rec], fmt)
    tag = "N1  - " if fmt == "ris" else "%Z "
    assert f"{tag}PMID: 32000001\ntex.ids= zhang2020a\n  ER - not the end\n" in text
    if fmt == "ris":   # (our EndNote reader joins a value's lines with a space)
        assert read_back(text, fmt, tmp_path)[0]["extra"]["notes"] == rec["extra"]["notes"]


@pytest.mark.parametrize("fmt, field", [("bibtex", "journal"), ("biblatex", "journaltitle")])
def test_bibtex_writes_the_journals_abbreviation(fmt, field, tmp_path):
    """RIS JA (CSL container-title-short) is ``shortjournal``, biblatex's field and Better
    BibTeX's and JabRef's in BibTeX; a book's container has none, nor a name that is its own."""
    src = tmp_path / "a.ris"
    src.write_text("TY  - JOUR\nTI  - Outcomes\nAU  - Tanaka, H.\nJO  - Spine\nJA  - Spine (Phila Pa 1976)\n"
                   "PY  - 2020\nER  - \n\nTY  - JOUR\nTI  - Other\nJO  - Spine\nJA  - Spine\nPY  - 2020\nER  - \n",
                   encoding="utf-8")
    first, second = rendered(records_of(src), fmt).split("\n\n")[:2]
    assert f"  {field} = {{Spine}},\n  shortjournal = {{Spine (Phila Pa 1976)}}," in first
    assert "shortjournal" not in second


def test_an_edited_book_is_not_said_to_have_no_authors(tmp_path):
    # 许厚泽, 赵其国, 主编. … [M]: cited by its editors, it had been warned of as having no authors
    refs = tmp_path / "refs.txt"
    refs.write_text("许厚泽, 赵其国, 主编. 地球科学进展[M]. 北京: 科学出版社, 1994.\n"
                    "地球科学概论[M]. 北京: 科学出版社, 1995.\n", encoding="utf-8")
    result = run_cli("export", "-f", "gbt7714", "--from", str(refs))
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if "no authors" in line]
    assert len(said) == 1 and said[0].startswith("warning: 1 record(s) have no authors") and "概论" in said[0], said


def test_a_whole_periodical_or_an_anonymous_work_is_not_said_to_have_no_authors(tmp_path):
    # a whole periodical has no authors by nature; 佚名 / [佚名] / [Anonymous] say the work has none
    refs = tmp_path / "refs.txt"
    refs.write_text("图书馆学通讯[J]. 1957(1)-1990(4). 北京: 北京图书馆, 1957-1990.\n"
                    "[佚名]. 古代文献[M]. 北京: 中华书局, 1980.\n"
                    "佚名. 网页文章[EB/OL]. (2020-01-01)[2021-02-02]. http://example.com/a.\n"
                    "地球科学概论[M]. 北京: 科学出版社, 1995.\n", encoding="utf-8")
    ris = tmp_path / "refs.ris"
    ris.write_text("TY  - JFULL\nTI  - Journal of Things\nPY  - 2001\nER  - \n\n"
                   "TY  - JOUR\nTI  - Editorial\nAU  - Anonymous\nJO  - Lancet\nPY  - 2001\nER  - \n", encoding="utf-8")
    result = run_cli("export", "-f", "gbt7714", "--from", str(refs), str(ris))
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if "no authors" in line]
    assert len(said) == 1 and said[0].startswith("warning: 1 record(s) have no authors") and "概论" in said[0], said
