"""EndNote XML (``<xml><records><record>…``), as EndNote and Zotero export it.

Text may be wrapped in ``<style>`` elements (flattened; a ``superscript`` or ``subscript``
face in Unicode super- or subscript, ``CO₂``, when every character has a form).
``ref-type name`` gives the type; ``secondary-authors`` are editors, ``tertiary-authors``
supervisors of theses.
Streams with :mod:`._xml` (one record in memory at a time).
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Iterator

from ..charsets import scripted
from ..record import Record, Source
from ._xml import local, read_records, squashed
from .base import register
from .refer import pubmed_accession
from .ris import date_with_year

ENDNOTE_TYPES = {
    "journal article": "article-journal", "book": "book", "book section": "chapter", "edited book": "book",
    "thesis": "thesis", "conference paper": "paper-conference", "conference proceedings": "paper-conference",
    "report": "report", "patent": "patent", "standard": "standard", "web page": "webpage",
    "newspaper article": "article-newspaper", "magazine article": "article-magazine", "dataset": "dataset",
    "manuscript": "manuscript", "generic": "document", "electronic article": "article-journal",
}
FIELDS = {  # element path → raw key
    "titles/title": "titles", "titles/translated-title": "titles", "titles/alt-title": "journal_abbreviation",
    "titles/secondary-title": "secondary_title", "titles/tertiary-title": "series",
    "periodical/full-title": "journal", "periodical/abbr-1": "journal_abbreviation",
    "pages": "pages", "volume": "volume", "number": "issue", "issue": "issue", "dates/year": "year",
    "dates/pub-dates/date": "date", "abstract": "abstract", "isbn": "issn_or_isbn",
    "electronic-resource-num": "doi", "publisher": "publisher", "pub-location": "place", "edition": "edition",
    "notes": "notes", "label": "label", "language": "language", "work-type": "degree",
    "urls/related-urls/url": "url", "urls/web-urls/url": "url", "accession-num": "accession",
    "auth-address": "affiliation", "custom1": "custom1", "custom2": "custom2", "research-notes": "notes",
}


def text_of(el: ET.Element | None) -> str:
    """All text inside an element, its ``<style>`` runs flattened; a run whose face is
    superscript or subscript in those Unicode forms when every character has one, as HTML's
    ``<sup>``/``<sub>`` are (:func:`indexer.repair.text.flatten_markup`).

    >>> text_of(ET.fromstring('<title><style face="normal">CO</style><style face="subscript">2</style>'
    ...                       ' and Fe<style face="bold superscript">3+</style></title>'))
    'CO₂ and Fe³⁺'
    >>> text_of(ET.fromstring('<title>Plain <style face="superscript">Superscript</style></title>'))
    'Plain Superscript'
    """
    return squashed("".join(_runs(el))) if el is not None else ""


def _runs(el: ET.Element) -> Iterator[str]:
    """The text of ``el`` and of what it holds, in order (:func:`text_of`).  Walked with a
    stack, not by recursion: ``<style>`` runs nest, and a damaged or hostile file nests
    them thousands deep (Python's recursion stops at 1,000)."""
    yield el.text or ""
    stack = [(el, iter(el))]
    while stack:
        parent, children = stack[-1]
        child = next(children, None)
        if child is None:   # all of parent read: its tail follows it in its own parent
            stack.pop()
            if stack:
                yield parent.tail or ""
            continue
        faces = child.get("face", "").split() if local(child.tag) == "style" else ()
        if "superscript" in faces or "subscript" in faces:
            yield scripted("".join(child.itertext()), "superscript" in faces)
            yield child.tail or ""
        else:
            yield child.text or ""
            stack.append((child, iter(child)))


class EndnoteXmlReader:
    name = "endnote-xml"
    aliases = ("endnotexml", "enw-xml")
    suffixes = (".xml",)

    def sniff(self, head: str) -> float:
        return 0.9 if re.search(r"<xml>\s*<records>", head) or "<ref-type" in head else 0.0

    def read(self, source):
        yield from read_records(self, source, {"record"})

    def build(self, el, source: Source) -> Record:
        rec = Record(source)
        raw = rec.raw
        ref_type = el.find("ref-type")
        if ref_type is not None:
            name = (ref_type.get("name") or "").strip()
            rec.extra["source_type"] = name
            rec.type = ENDNOTE_TYPES.get(name.lower(), rec.type)
        source.source_id = text_of(el.find("rec-number")) or None
        for key, path in (("author", "contributors/authors/author"), ("editor", "contributors/secondary-authors/author"),
                          ("supervisors", "contributors/tertiary-authors/author")):
            for a in el.findall(path):
                if text_of(a):
                    raw.setdefault(key, []).append((text_of(a), source.line))
        for path, key in FIELDS.items():
            for x in el.findall(path):
                if text_of(x):
                    raw.setdefault(key, []).append((text_of(x), source.line))
        for kw in el.findall("keywords/keyword"):
            if text_of(kw):
                raw.setdefault("keyword", []).append((text_of(kw), source.line))
        secondary = raw.pop("secondary_title", [])
        if secondary and not raw.get("journal"):
            raw["journal"] = secondary     # the journal, or the book of a chapter
        elif secondary:
            rec.extra["secondary_title"] = [v for v, _ in secondary]
        for value, line in raw.pop("issn_or_isbn", []):
            key = "issn" if re.fullmatch(r"\d{4}-?\d{3}[\dXx]", value.strip()) else "isbn"
            if rec.type == "patent":
                key = "number"   # EndNote's ISBN field is a patent's "Patent Number"
            raw.setdefault(key, []).append((value, line))
        raw["doi"] = [(v, line) for v, line in raw.get("doi", []) if "10." in v]
        date_with_year(rec)   # pub-dates' "Jun 15" beside the year 2020
        # a record from PubMed: its accession number is its PMID, as in EndNote's tagged export
        databases = [text_of(x) for tag in ("remote-database-name", "remote-database-provider")
                     for x in el.findall(tag)]
        pubmed_accession(rec, databases, [v for v, _ in raw.get("accession", [])],
                         [v for v, _ in raw.get("custom2", [])] if rec.type == "article-journal" else [])
        return rec


register(EndnoteXmlReader())
