"""CSL-JSON (Zotero, pandoc, citeproc), CSV (spreadsheets, bib-dedupe/ASySD) and JSONL
(the record contract, one record per line).

CSL-JSON items validate against the CSL-JSON schema: standard variables in the record's
language, and everything CSL has no variable for (the other language's title, abstract,
journal and keywords, the sections, funding, the authors' romanised names) under ``custom``, which this project's
CSL-JSON reader reads back.  Keywords are one ``keyword``, separated by ``, ``, or by ``; `` when one holds a
comma (MeSH's "Crystallography, X-Ray"), as BibTeX's are.  The notes the record came with (a CSL item's, Zotero's Extra with
its ``variable: value`` lines) and its funding are written to ``note``; a thesis's degree, as
written, to ``genre`` (Zotero's thesis type), and so is a standard's or preprint's genre.
"""
from __future__ import annotations

import csv
import json
from typing import TextIO

from ..readers.csv_reader import FORMULA_START
from ..record import CSL_TYPES
from ..fields.identifiers import pmid
from .common import (people, accessed_parts, all_keywords, article_number, conference, wos_note, authors_in, classification_note, date_parts, extra, tagged_name,
                     funding_note, in_lang, journal_abbreviation, keyword_list, main_lang, name_suffix, others, text_name, thesis_degree,
                     translated_authors, university, with_keys, year_run)
from .tagged import own_number, publication_types

_NAME_KEYS = ("family", "given", "literal")
_EXTRA_TO_CSL = {"publisher": "publisher", "place": "publisher-place", "edition": "edition", "isbn": "ISBN",
                 "number": "number", "series": "collection-title", "archive": "archive",
                 "authority": "authority",   # a patent's issuing office (RIS A2, EndNote %E)
                 "number_of_pages": "number-of-pages"}   # a book's page count (EndNote's Book %P)

# The variables of the CSL-JSON schema (1.0) by kind, to write back what the CSL-JSON reader
# keeps in ``extra.csl`` (``archive_location``, ``call-number``, ``container-author`` …) so that
# CSL-JSON read and written keeps them.  Zotero's own field names kept there (``callNumber``)
# and CSL's legacy names (``journalAbbreviation``) are not variables; a value of another kind
# than its variable's (a note's ``original-author: Yu || Xiao``, text for names) is not written.
CSL_NAME_VARIABLES = frozenset(
    "author chair collection-editor compiler composer container-author contributor curator director editor "
    "editorial-director executive-producer guest host interviewer illustrator narrator organizer original-author "
    "performer producer recipient reviewed-author script-writer series-creator translator".split())
CSL_DATE_VARIABLES = frozenset("accessed available-date event-date issued original-date submitted".split())
CSL_TEXT_VARIABLES = frozenset(
    "chapter-number citation-number collection-number edition first-reference-note-number issue locator number "
    "number-of-pages number-of-volumes page page-first part printing supplement volume "
    "citation-key language abstract annote archive archive_collection archive_location archive-place authority "
    "call-number citation-label collection-title container-title container-title-short dimensions division DOI "
    "event event-title event-place genre ISBN ISSN jurisdiction keyword medium note original-publisher "
    "original-publisher-place original-title part-title PMCID PMID publisher publisher-place references "
    "reviewed-genre reviewed-title scale section source status title title-short URL version volume-title "
    "volume-title-short year-suffix".split())
_CSL_NAME_PARTS = frozenset("family given dropping-particle non-dropping-particle suffix comma-suffix static-ordering "
                            "literal parse-names".split())
_CSL_DATE_PARTS = frozenset("date-parts season circa literal raw".split())


def _csl_name(a: dict) -> dict:
    name = {k: a[k] for k in _NAME_KEYS if a.get(k)}
    if name.get("given"):
        given, suffix = name_suffix(name["given"])
        if suffix:
            name["given"], name["suffix"] = given, suffix
    return name


def csl_variable(key: str, value):
    """``value`` as CSL variable ``key`` takes it, or None: ``key`` not a variable of the schema,
    or ``value`` not of its kind (names: a list of name objects; a date: a date object; the
    others: text or a number, written as text).

    >>> csl_variable("archive_location", "04-01-35-0399-039"), csl_variable("version", 2)
    ('04-01-35-0399-039', '2')
    >>> csl_variable("original-author", "Yu || Xiao"), csl_variable("callNumber", "R1")
    (None, None)
    >>> csl_variable("container-author", [{"family": "Li", "given": "Ming"}])
    [{'family': 'Li', 'given': 'Ming'}]
    """
    if key in CSL_NAME_VARIABLES:
        names = isinstance(value, list) and value and all(isinstance(n, dict) and n.keys() <= _CSL_NAME_PARTS
                                                          for n in value)
        return value if names else None
    if key in CSL_DATE_VARIABLES:
        return value if isinstance(value, dict) and value and value.keys() <= _CSL_DATE_PARTS else None
    if key in CSL_TEXT_VARIABLES and isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value) if str(value).strip() else None
    return None


def csl_note(rec: dict) -> str:
    """CSL's ``note``: the notes the record came with, a line each as Zotero's Extra holds them
    (its ``page: 288`` lines read again as variables), the Web of Science accession as Zotero's
    import writes it there (``Web of Science ID: WOS:…``), the classification as Zotero's Chinese
    translators write it there (``CLC: R445; R734.2``), then the funding, last: read back, a
    funding statement runs to the note's end.  A funding line already there is not written twice.
    A periodical's run still open (``1984/``), which ``issued`` cannot hold, is an ``issued: 1984/``
    line, as citeproc-js reads a note's variables.

    >>> csl_note({"funding": [{"funder": "NSFC", "award": "1"}], "extra": {"notes": ["page: 3\\nFunding: NSFC (1)"]}})
    'page: 3\\nFunding: NSFC (1)'
    """
    funding, classified, accession = funding_note(rec), classification_note(rec), wos_note(rec)
    notes = [line for note in (rec.get("extra") or {}).get("notes") or [] for line in str(note).splitlines()]
    notes = [line for line in notes if line.strip() and line.strip() not in (funding, classified, accession)]
    run = year_run(rec)
    if run and not run[1] and not any(line.startswith("issued:") for line in notes):
        notes.append(f"issued: {run[0]}/")
    return "\n".join(notes + [accession] * bool(accession) + [classified] * bool(classified) + [funding] * bool(funding))


def csl_item(rec: dict, lang: str | None = None, key: str | None = None) -> dict:
    """A record as a CSL item; ``key``, its citation key, is the item's ``id`` and
    ``citation-key`` (pandoc cites an item by its id: the key BibTeX's export gives, so a
    document's ``[@key]`` stays when its bibliography changes from .bib to .json), else the
    record's id."""
    names = authors_in(rec, lang)   # in the language asked for, when each has a name in it
    lang = main_lang(rec, lang)
    item: dict = {"id": key or rec["id"], "type": rec.get("type") if rec.get("type") in CSL_TYPES else "document"}
    if key:
        item["citation-key"] = key
    if lang != "und":
        item["language"] = lang
    simple = {"title": in_lang(rec, "title", lang), "container-title": in_lang(rec, "journal", lang),
              "volume": rec.get("volume"), "issue": rec.get("issue"), "page": rec.get("pages"),
              "DOI": rec.get("doi"), "ISSN": rec.get("issn"), "URL": rec.get("url"),
              "abstract": in_lang(rec, "abstract", lang), "note": csl_note(rec),
              "keyword": keyword_list(all_keywords(rec, lang))}
    if lang == main_lang(rec):   # (the short form of the title in the record's language)
        simple["title-short"] = extra(rec, "short_title")
    simple.update({csl: extra(rec, key) for key, csl in _EXTRA_TO_CSL.items()})
    simple["number"] = simple["number"] or own_number(rec)   # a patent's kept as its patent_number
    # an article's number without pages: CSL's number, as APA's and Chicago's styles cite it
    # (Zotero's proposed Article Number field maps there)
    simple["number"] = simple["number"] or article_number(rec)
    school = university(rec, lang)   # a thesis's university is CSL's publisher, not its container
    if school:
        simple["publisher"] = school
        if simple["container-title"] == school:
            simple["container-title"] = ""
    simple["container-title-short"] = journal_abbreviation(rec)
    simple["PMID"] = pmid(rec)   # a MEDLINE record's own id, or the PMID its source names
    # a thesis's degree (Zotero's thesisType); another type's genre the reader kept with it (国家标准, Preprint)
    simple["genre"] = thesis_degree(rec)[1] if rec.get("type") == "thesis" else extra(rec, "degree")
    item.update({k: str(v) for k, v in simple.items() if v})
    authors = [_csl_name(a) for a in names]
    if authors:
        item["author"] = [a for a in authors if a]
    for role in ("editor", "translator"):
        named = people(rec, role)[0]   # (their 等, et al.: CSL has no way to say a list is cut off)
        if named:
            item[role] = [_csl_name(text_name(e)) for e in named]
    series_editors = (rec.get("extra") or {}).get("series_editor", [])   # RIS's A3 of a book or chapter
    if series_editors:
        item["collection-editor"] = [_csl_name(text_name(e)) for e in series_editors]
    event, held_on, held_at = conference(rec) if rec.get("type") == "paper-conference" else ("", "", "")
    if event:   # CSL 1.0.2's event-title, and event, its name in CSL 1.0.1 (Zotero's conferenceName)
        item["event-title"] = item["event"] = event
    if held_at:
        item["event-place"] = held_at
    if held_on:   # as written (DEC 09-12, 2019): a literal date
        item["event-date"] = {"literal": held_on}
    run = year_run(rec)
    if run and run[1]:   # a periodical's run, 1957/1990: a range, as CSL writes one (an open one it cannot)
        item["issued"] = {"date-parts": [[run[0]], [run[1]]]}
    elif rec.get("year"):
        item["issued"] = {"date-parts": [date_parts(rec)]}
    if accessed_parts(rec):   # the date a page was read, as any format gave it (RIS's Y2, BibTeX's urldate)
        item["accessed"] = {"date-parts": [accessed_parts(rec)]}
    for key, value in ((rec.get("extra") or {}).get("csl") or {}).items():   # (archive_location, event-date …)
        value = csl_variable(key, value)
        if value is not None:
            item.setdefault(key, value)   # what the record holds in its own fields comes first
    custom = {}
    for field in ("title", "abstract", "journal"):
        values = dict(others(rec, field, lang))
        if values:
            custom[field] = values
    kws = {k: v for k, v in (rec.get("keywords") or {}).items() if v}
    if len(kws) > 1:
        custom["keywords"] = kws
    if rec.get("sections"):
        custom["sections"] = rec["sections"]
    if rec.get("funding"):
        custom["funding"] = rec["funding"]
    # the authors' romanised names (alt): CSL's names have no place for them (the schema allows
    # no other key in a name; citeproc-js's "multi" is Juris-M's alone), so they are ours here
    if romanised := translated_authors(names):
        custom["translated_author"] = romanised
    if custom:
        item["custom"] = custom
    return item


def write_csl_json(records, out: TextIO, lang: str | None = None, keys: dict[str, str] | None = None) -> int:
    """``keys``: citation keys by record id (see :func:`.common.with_keys`)."""
    records = list(records)
    keys = with_keys(records, keys)
    items = [csl_item(r, lang, keys[r["id"]]) for r in records]
    out.write(json.dumps(items, ensure_ascii=False, indent=1) + "\n")
    return len(items)


def write_jsonl(records, out: TextIO, lang: str | None = None) -> int:
    n = 0
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False, sort_keys=False) + "\n")
        n += 1
    return n


CSV_COLUMNS = ("id", "type", "language", "title", "title_zh", "title_en", "authors", "year", "journal",
               "journal_zh", "journal_en", "volume", "issue", "pages", "doi", "issn", "url", "keywords",
               "abstract", "abstract_zh", "abstract_en", "funding", "source_path", "source_record",
               "source_member", "publisher", "place", "isbn", "number", "pmid", "assignee",
               "authority", "source_id", "publication_type", "key", "editors", "edition", "series", "notes",
               "degree", "supervisors", "translators")


def csv_row(rec: dict, lang: str | None = None, key: str = "") -> dict:
    """A record's row; ``key``, its citation key, the one the BibTeX export gives it: a handle that
    follows the paper, where ``id`` is its place in its file (a record added above it moves it)."""
    names = authors_in(rec, lang)
    lang = main_lang(rec, lang)
    row = {"id": rec["id"], "type": rec.get("type") or "", "language": lang,
           "title": in_lang(rec, "title", lang), "authors": "; ".join(tagged_name(a) for a in names),
           "year": rec.get("year") or "", "journal": in_lang(rec, "journal", lang),
           "volume": rec.get("volume") or "", "issue": rec.get("issue") or "", "pages": rec.get("pages") or "",
           "doi": rec.get("doi") or "", "issn": rec.get("issn") or "", "url": rec.get("url") or "",
           "keywords": "; ".join(all_keywords(rec, lang)), "abstract": in_lang(rec, "abstract", lang),
           "funding": funding_note(rec).removeprefix("Funding: "),
           "source_path": rec["source"]["path"], "source_record": rec["source"]["record"],
           "source_member": rec["source"].get("member") or "",  # the file inside an archive
           "publisher": extra(rec, "publisher"), "place": extra(rec, "place"), "isbn": extra(rec, "isbn"),
           "number": own_number(rec),   # a report's, patent's or standard's: CSL's number
           "pmid": pmid(rec),   # read back as the PMID (a record with nothing else is still one)
           "assignee": "; ".join((rec.get("extra") or {}).get("assignee", [])),   # a patent's (申请人)
           "authority": extra(rec, "authority"),   # a patent's issuing office (RIS A2)
           "source_id": rec["source"].get("source_id") or "",   # its id in its database (WOS:…, a PMID)
           # PubMed's, Web of Science's, Scopus's (Review, Published Erratum), as RIS writes them in M3:
           # errata and comments filtered in a sheet
           "publication_type": "; ".join(publication_types(rec)),
           "key": key,
           # the catalogue's fields, last (scripts read the columns before by place): the names
           # "; " between them as the authors', the notes a blank line between them (a note has lines)
           "editors": "; ".join((rec.get("extra") or {}).get("editor", [])),
           "edition": extra(rec, "edition"), "series": extra(rec, "series"),
           "notes": "\n\n".join(str(n) for n in (rec.get("extra") or {}).get("notes") or []),
           "degree": extra(rec, "degree"),   # a thesis's, as written (博士, PhD); a standard's genre (国家标准)
           "supervisors": "; ".join((rec.get("extra") or {}).get("supervisors", [])),
           "translators": "; ".join((rec.get("extra") or {}).get("translator", []))}
    for field in ("title", "journal", "abstract"):
        for code in ("zh", "en"):
            row[f"{field}_{code}"] = (rec.get(field) or {}).get(code, "")
    return row


def _as_text(value):
    """A cell a spreadsheet would run as a formula (``=HYPERLINK(…)`` in a scraped title; ``+``,
    ``-``, ``@`` start formulas too) after a ', which Excel, LibreOffice and this project's CSV
    reader take for "text".  A negative number stays as written."""
    return "'" + value if isinstance(value, str) and FORMULA_START.match(value) else value


def write_csv(records, out: TextIO, lang: str | None = None, keys: dict[str, str] | None = None) -> int:
    """``keys``: citation keys by record id (see :func:`.common.with_keys`), the ``key`` column."""
    records = list(records)
    keys = with_keys(records, keys)
    w = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for rec in records:
        w.writerow({k: _as_text(v) for k, v in csv_row(rec, lang, keys[rec["id"]]).items()})
        n += 1
    return n
