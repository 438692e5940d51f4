"""CSL-JSON (Zotero, pandoc, citeproc), CSV (spreadsheets, bib-dedupe/ASySD) and JSONL
(the record contract, one record per line).

CSL-JSON items validate against the CSL-JSON schema: standard variables in the record's
language, and everything CSL has no variable for (the other language's title, abstract,
journal and keywords, the sections, funding) under ``custom``, which this project's
CSL-JSON reader reads back.  Funding is also written to ``note``; a thesis's degree, as
written, to ``genre`` (Zotero's thesis type).
"""
from __future__ import annotations

import csv
import json
from typing import TextIO

from ..readers.csv_reader import FORMULA_START
from ..record import CSL_TYPES
from .common import (all_keywords, date_parts, display_name, extra, funding_note, in_lang, journal_abbreviation,
                     main_lang, name_suffix, others, pmid, text_name, thesis_degree)
from .tagged import own_number

_NAME_KEYS = ("family", "given", "literal")
_EXTRA_TO_CSL = {"publisher": "publisher", "place": "publisher-place", "edition": "edition", "isbn": "ISBN",
                 "number": "number", "series": "collection-title"}


def _csl_name(a: dict) -> dict:
    name = {k: a[k] for k in _NAME_KEYS if a.get(k)}
    if name.get("given"):
        given, suffix = name_suffix(name["given"])
        if suffix:
            name["given"], name["suffix"] = given, suffix
    return name


def csl_item(rec: dict, lang: str | None = None) -> dict:
    lang = main_lang(rec, lang)
    item: dict = {"id": rec["id"], "type": rec.get("type") if rec.get("type") in CSL_TYPES else "document"}
    if lang != "und":
        item["language"] = lang
    simple = {"title": in_lang(rec, "title", lang), "container-title": in_lang(rec, "journal", lang),
              "volume": rec.get("volume"), "issue": rec.get("issue"), "page": rec.get("pages"),
              "DOI": rec.get("doi"), "ISSN": rec.get("issn"), "URL": rec.get("url"),
              "abstract": in_lang(rec, "abstract", lang), "note": funding_note(rec),
              "keyword": ", ".join(all_keywords(rec, lang))}
    simple.update({csl: extra(rec, key) for key, csl in _EXTRA_TO_CSL.items()})
    simple["number"] = simple["number"] or own_number(rec)   # a patent's kept as its patent_number
    simple["container-title-short"] = journal_abbreviation(rec)
    simple["PMID"] = pmid(rec)   # a MEDLINE record's own id, or the PMID its source names
    simple["genre"] = thesis_degree(rec)[1]   # a thesis's degree (Zotero's thesisType)
    item.update({k: str(v) for k, v in simple.items() if v})
    authors = [_csl_name(a) for a in rec.get("authors") or []]
    if authors:
        item["author"] = [a for a in authors if a]
    for role in ("editor", "translator"):
        people = (rec.get("extra") or {}).get(role, [])
        if people:
            item[role] = [_csl_name(text_name(e)) for e in people]
    if rec.get("year"):
        item["issued"] = {"date-parts": [date_parts(rec)]}
    accessed = ((rec.get("extra") or {}).get("csl") or {}).get("accessed")
    if isinstance(accessed, dict):
        item["accessed"] = accessed
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
    if custom:
        item["custom"] = custom
    return item


def write_csl_json(records, out: TextIO, lang: str | None = None) -> int:
    items = [csl_item(r, lang) for r in records]
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
               "source_member", "publisher", "place", "isbn", "number")


def csv_row(rec: dict, lang: str | None = None) -> dict:
    lang = main_lang(rec, lang)
    row = {"id": rec["id"], "type": rec.get("type") or "", "language": lang,
           "title": in_lang(rec, "title", lang), "authors": "; ".join(display_name(a) for a in rec.get("authors") or []),
           "year": rec.get("year") or "", "journal": in_lang(rec, "journal", lang),
           "volume": rec.get("volume") or "", "issue": rec.get("issue") or "", "pages": rec.get("pages") or "",
           "doi": rec.get("doi") or "", "issn": rec.get("issn") or "", "url": rec.get("url") or "",
           "keywords": "; ".join(all_keywords(rec, lang)), "abstract": in_lang(rec, "abstract", lang),
           "funding": funding_note(rec).removeprefix("Funding: "),
           "source_path": rec["source"]["path"], "source_record": rec["source"]["record"],
           "source_member": rec["source"].get("member") or "",  # the file inside an archive
           "publisher": extra(rec, "publisher"), "place": extra(rec, "place"), "isbn": extra(rec, "isbn"),
           "number": own_number(rec)}   # a report's, patent's or standard's: CSL's number
    for field in ("title", "journal", "abstract"):
        for code in ("zh", "en"):
            row[f"{field}_{code}"] = (rec.get(field) or {}).get(code, "")
    return row


def _as_text(value):
    """A cell a spreadsheet would run as a formula (``=HYPERLINK(…)`` in a scraped title; ``+``,
    ``-``, ``@`` start formulas too) after a ', which Excel, LibreOffice and this project's CSV
    reader take for "text".  A negative number stays as written."""
    return "'" + value if isinstance(value, str) and FORMULA_START.match(value) else value


def write_csv(records, out: TextIO, lang: str | None = None) -> int:
    w = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for rec in records:
        w.writerow({k: _as_text(v) for k, v in csv_row(rec, lang).items()})
        n += 1
    return n
