"""EndNote / Refer tagged format (``%0 Journal Article`` / ``%A ...`` / ``%T ...``): EndNote, CNKI, Wanfang.

A record starts at ``%0`` (the reference type); a file without ``%0`` lines (classic Refer)
has records separated by blank lines.  Each line is ``%`` + one character, a space and the
value; other lines continue the previous value (CNKI breaks long abstracts into paragraphs
with blank lines in between).  Two ``%0`` lines in a row are one record (both types kept).

Field meanings follow EndNote's Refer import table; CNKI's use of them:
``%A`` authors (several may share one line, split on ``;`` / ``；`` / ``，``), ``%+`` affiliations
(one line per author, or one ``;`` list), ``%J`` / ``%B`` journal (a thesis's university, then
its publisher too when no ``%I`` gives one), ``%I`` publisher / university, ``%9`` degree (a journal
article's publication types), ``%Y`` supervisors of a thesis (tertiary author otherwise),
``%O`` beside ``%J`` / ``%B`` the journal's alternate name (EndNote's Alternate Journal, RIS's ``J2``:
an abbreviation, or the journal's name in the other language), ``%@`` ISSN, ISBN or patent number, ``%R`` DOI (other identifiers kept), ``%W`` database provider,
``%~`` database name (年鉴, 国家标准 ... refines the type), ``%V`` a standard's number or a
yearbook's ISBN.  Lines like CNKI's ``PageCount-页码 0`` are kept as tags.
"""
from __future__ import annotations

import re

from ..fields.identifiers import _CN_SERIAL, call_number_fields
from ..record import Record, Source
from ._tagged_stream import _CJK, read_tagged
from .base import cited_article_number, paired_affiliations, register, subsidiary_author_key
from .refworks import CNKI_DATABASE_TYPES, _ISSN, cnki_pages
from .ris import _PUBMED_DATABASE, date_with_year
from .tagged import PREPRINT_WORK, TaggedReader

# EndNote reference types (lower case) → CSL types.
REFER_TYPES = {
    "journal article": "article-journal", "electronic article": "article-journal",
    "book": "book", "edited book": "book", "electronic book": "book", "book section": "chapter",
    "electronic book section": "chapter", "thesis": "thesis", "conference paper": "paper-conference",
    "conference proceedings": "paper-conference", "report": "report", "government document": "report",
    "patent": "patent", "newspaper article": "article-newspaper", "magazine article": "article-magazine",
    "web page": "webpage", "online database": "webpage", "blog": "post-weblog", "generic": "document",
    "legal rule or regulation": "legislation", "statute": "legislation", "bill": "bill", "case": "legal_case",
    "hearing": "hearing", "standard": "standard", "dataset": "dataset", "computer program": "software",
    "map": "map", "chart or table": "figure", "figure": "figure", "equation": "figure",
    "film or broadcast": "motion_picture", "audiovisual material": "motion_picture", "audio": "song",
    "music": "song", "manuscript": "manuscript", "unpublished work": "manuscript",
    "personal communication": "personal_communication", "interview": "interview",
    "dictionary": "entry-dictionary", "encyclopedia": "entry-encyclopedia", "serial": "periodical",
    "pamphlet": "pamphlet", "artwork": "graphic", "ancient text": "classic", "classical work": "classic",
    "catalog": "document", "grant": "document", "aggregated database": "dataset",
}

# Simple tag → raw key (see indexer.pipeline); the rest is decided in build().
TAGS = {
    "%T": "titles", "%Q": "titles", "%J": "journal", "%B": "journal", "%S": "series", "%D": "date",
    "%8": "date", "%N": "issue", "%X": "abstract", "%Z": "notes", "%U": "url", "%E": "editor",
    "%H": "translated_author", "%?": "subsidiary_author", "%I": "publisher", "%C": "place",
    "%G": "language", "%W": "database_provider", "%~": "database",
    "%M": "accession_number", "%F": "label", "%7": "edition", "%6": "number_of_volumes",
    "%&": "section", "%!": "short_title", "%(": "original_publication", "%)": "reprint_edition",
    "%*": "reviewed_item", "%<": "research_notes", "%>": "file_attachments", "%^": "caption",
    "%[": "access_date", "%=": "last_modified", "%1": "custom1", "%2": "custom2", "%3": "custom3",
    "%4": "custom4", "%#": "custom5", "%$": "custom6", "%]": "custom7",
}
# Tags handled in build() beside the table.
SPECIAL = {"%0", "%A", "%+", "%K", "%V", "%P", "%@", "%R", "%9", "%Y", "%L", "%?"}
_TAG_CHARS = "0-9A-Z!#$&()*+<=>?@\\[\\]^~"
_LINE = re.compile(rf"^%([{_TAG_CHARS}])(?:[ \t]+(.*))?$")
# CNKI's extra "PageCount-页码 0" lines.
_LABEL_LINE = re.compile(r"^([A-Za-z]+-[\u3400-\u9fff]+)(?:[ \t]+(.*))?$")
_ISBN = re.compile(r"^(?:97[89][- ]?)?(?:\d[- ]?){9}[\dXx]$")
_NAME_SPLIT = r"[;；，]"
_LIST_SPLIT = r"[;；]"


def space_separated_list(value: str) -> bool:
    """Whether a record's only %K line is read as a list of keywords separated by spaces, as
    Wanfang writes Latin and CJK ones ("参考文献管理 文献管理软件 Zotero", "肺癌 CT"): it holds a
    space and CJK and no comma.  The EndNote export ends such a lone keyword with ";" ("COVID-19
    疫苗;"), a list of one, so it is read back whole.

    >>> space_separated_list("肺癌 CT"), space_separated_list("COVID-19 vaccine"), space_separated_list("肺癌, CT")
    (True, False, False)
    """
    return " " in value and bool(_CJK.search(value)) and not re.search(r"[,，、]", value)


class ReferReader(TaggedReader):
    name = "refer"
    aliases = ("endnote", "endnote-tagged", "cnki-endnote", "enw")
    suffixes = (".enw",)
    LINE = _LINE
    START_TAGS = frozenset({"%0"})
    LINE_PER_VALUE = frozenset({"%K"})
    # A value goes on after a blank line only in an abstract or a note (CNKI's paragraphs):
    # after %W or %K it is text pasted after the export (a reference list), not the field's.
    PARAGRAPH_TAGS = frozenset({"%X", "%Z"})
    # A note's lines stay lines (EndNote writes them so, as our export does, and RIS's N1 keeps
    # them): joined, "PMID: 1" and "tex.ids: a" were one line that no reader takes apart.
    KEEP_LINES = frozenset({"%Z"})
    # An abstract's lines are its paragraphs, as our export writes them, if each before the last
    # ends a sentence and none is indented; else it is wrapped (CNKI's "两组，" then "灌胃给药四周。").
    PARAGRAPH_LINES = frozenset({"%X"})
    TYPE_TAG = "%0"
    TYPES = REFER_TYPES
    TAGS = TAGS

    def sniff(self, head: str) -> float:
        lines = [l for l in head.splitlines()[:200] if l.strip()]
        if not lines:
            return 0.0
        tags = [p[0] for p in map(self.parse_line, lines) if p and p[0].startswith("%")]
        if not tags or not {"%0", "%T", "%A"} & set(tags) or len(set(tags)) < 2:
            return 0.0
        share = len(tags) / len(lines)
        return 0.0 if share < 0.3 else min(1.0, 0.4 + 0.6 * share)

    def parse_line(self, line: str) -> tuple[str, str] | None:
        line = line.rstrip()
        m = self.LINE.match(line)
        if m:
            return "%" + m.group(1), (m.group(2) or "").strip()
        m = _LABEL_LINE.match(line)
        return (m.group(1), (m.group(2) or "").strip()) if m else None

    def read(self, source):
        return read_tagged(self, source, blank_ends_untyped=True)

    def build(self, fields, source: Source) -> Record:
        rec = Record(source)
        raw = rec.raw
        put = rec.put

        values = {}
        for tag, value, _ in fields:
            if value.strip():
                values.setdefault(tag, []).append(value.strip())
        types = values.get("%0", [])
        database = (values.get("%~") or [""])[0]
        known = [REFER_TYPES[t.lower()] for t in types if t.lower() in REFER_TYPES]
        ctype = known[-1] if known else "document" if types else rec.type
        ctype = CNKI_DATABASE_TYPES.get(database, ctype)
        if ctype == "document" and any(PREPRINT_WORK.match(v) for v in values.get("%9", [])):
            ctype = "article"   # a Generic whose Type of Work says "Preprint": a preprint (CSL's article)
        rec.type = ctype
        if types:
            rec.extra["source_type"] = types[0] if len(types) == 1 else types
        thesis, patent, standard = ctype == "thesis", ctype == "patent", ctype == "standard"
        # %P is a page count in EndNote's Thesis and Book, and in CNKI's standards (its PageCount
        # beside it); EndNote's own Standard has Pages there, as our export writes a standard's
        page_count = thesis or ctype == "book" or standard and CNKI_DATABASE_TYPES.get(database) == "standard"
        affiliations = values.get("%+", [])
        for tag, value, line in fields:
            value = value.strip()
            if not value or tag == "%0":
                continue
            if tag == "%A":
                for name in re.split(_NAME_SPLIT, value):
                    put("author", name.strip(), line)
            elif tag == "%+":
                # One line per author; a single line may be a ";" list of institutions.
                parts = re.split(_LIST_SPLIT, value) if len(affiliations) == 1 else [value]
                for part in parts:
                    put("address" if patent else "affiliation", part.strip(), line)
            elif tag == "%K":
                if re.search(_LIST_SPLIT, value):
                    put("keywords", value, line)  # CNKI: one ";" list (split by the pipeline)
                elif len(values["%K"]) == 1 and space_separated_list(value):
                    # Wanfang: CJK keywords separated by spaces on its one %K line ("参考文献管理
                    # 文献管理软件 Zotero"); of several %K lines each is a keyword ("IBM DOcplexcloud软件").
                    put("keywords", ";".join(value.split()), line)
                else:
                    put("keyword", value, line)  # one keyword per line (EndNote)
            elif tag == "%O" and (values.get("%J") or values.get("%B")):
                # EndNote's Alternate Title, a Journal Article's Alternate Journal (RIS J2): the
                # journal's other name, an abbreviation or the other language's (our export's);
                # of a record without a journal (a Book's alternate title) a tag as before
                put("journal_abbreviation", value, line)
            elif tag == "%?":
                key = subsidiary_author_key(ctype)
                for name in re.split(_NAME_SPLIT, value):
                    put(key, name.strip(), line)
            elif tag == "%Y":
                for name in re.split(_NAME_SPLIT, value):
                    put("supervisors" if thesis else "tertiary_author", name.strip(), line)
            elif tag == "%9":
                # a thesis's degree; a preprint's genre, where the CSL reader keeps CSL's genre; a
                # journal article's Type of Article, its publication types ("; "-joined, as our
                # export writes PubMed's), where the PubMed readers keep them
                if ctype == "article-journal":
                    for kind in filter(None, (t.strip() for t in value.split(";"))):
                        put("publication_type", kind, line)
                else:
                    put("degree" if thesis or ctype == "article" else "genre", value, line)
            elif tag == "%L":
                # the Call Number: CNKI's journal CN serial number (11-2149/R), our export's
                # 中图分类号 (R445), else a library's call number, kept as it is
                for key, part in call_number_fields(value):
                    put(key, part, line)
            elif tag == "%]" and ctype == "article-journal":
                put("article_number", value, line)   # a Journal Article's Custom 7: its Article Number
            elif tag == "%N" and ctype == "report":
                put("number", value, line)   # EndNote's Report Number
            elif tag == "%[" and re.match(r"\s*\d{4}", value):
                rec.extra["accessed"] = value   # EndNote's Access Date (GB/T's 引用日期, NLM's cited)
            elif tag == "%V":
                if standard:
                    put("number", value, line)
                elif _ISBN.match(value) and not value.isdigit():
                    put("isbn", value, line)
                else:
                    put("volume", value, line)
            elif tag == "%&" and ctype == "book":
                put("pages", cnki_pages(value), line)   # EndNote's Book: its Pages (the cited), %P its count
            elif tag == "%P":
                if page_count:
                    put("number_of_pages", value, line)
                else:
                    put("pages", cnki_pages(value), line)
            elif tag == "%@":
                issn = _ISSN.match(value)
                if issn:
                    put("issn", issn.group(1), line)
                elif patent:
                    put("patent_number", value, line)
                    if source.source_id is None:
                        source.source_id = value
                elif serial := _CN_SERIAL.fullmatch(value):
                    # CNKI writes a newspaper's CN serial (11-0315) here, where a journal's ISSN goes
                    put("cn", "-".join(serial.groups()), line)
                else:
                    put("isbn", value, line)
            elif tag == "%R":
                put("doi" if re.match(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)?10\.\d{4,9}/", value, re.I)
                    else "identifier", value, line)
            elif tag == "%D" or tag == "%8":
                put("date", value, line)
                if not re.fullmatch(r"\s*\d{4}\s*", value):
                    rec.extra.setdefault("date", []).append(value)
            elif tag == "%I":
                # a thesis's university too is its publisher only (GB/T's 保存单位, BibTeX's school):
                # as the journal it was exported again as a container (%J, JO) it never had
                # a patent's %I is its assignee (申请人): EndNote's Patent calls the Publisher field so
                for part in re.split(_LIST_SPLIT, value):
                    put("assignee" if patent else "publisher", part.strip(), line)
            elif tag == "%E" and patent:   # EndNote's Patent: its Issuing Organization (RIS A2)
                put("authority", value, line)
            elif tag in TAGS:
                put(TAGS[tag], value, line)
            else:
                rec.extra.setdefault("tags", {}).setdefault(tag, []).append(value)
        if thesis and rec.raw.get("journal") and not rec.raw.get("publisher"):
            # CNKI writes a thesis's university as %B (or %J) and no %I: it is also the publisher
            # (GB/T's 保存单位, BibTeX's school)
            rec.raw["publisher"] = list(rec.raw["journal"][:1])
        if not patent:   # a %+ line an author (an inventor's address is no affiliation)
            owned = paired_affiliations([v for v, _ in raw.get("author", [])],
                                        [[p.strip() for p in re.split(_LIST_SPLIT, v) if p.strip()] for v in affiliations])
            if owned:
                rec.extra["author_affiliations"] = owned
        _pubmed_accession(rec, values)
        date_with_year(rec)   # %8 "Jun 15" beside %D 2020
        _article_number(rec)
        return rec


def _article_number(rec: Record) -> None:
    """A Journal Article's %] (EndNote's Custom 7, its Article Number, RIS's C7) is its pages
    when it has no %P, as RIS's C7 is; one with a dash (``e02132-20``, no page range), or one
    beside pages, is kept in ``extra.article_number``."""
    numbers = rec.raw.get("article_number")
    if numbers and not rec.raw.get("pages"):
        pages = cited_article_number(numbers)
        if pages:
            rec.raw["pages"] = pages
            del rec.raw["article_number"]


def _pubmed_accession(rec: Record, values: dict) -> None:
    """A record from PubMed (its %~ Name of Database or %W Database Provider PubMed, NLM or
    MEDLINE, as EndNote's import of PubMed and our export write it): its %M, the Accession
    Number, is its PMID, and a Journal Article's %2 (EndNote's "PMCID") its PMC id."""
    pubmed_accession(rec, values.get("%~", []) + values.get("%W", []), values.get("%M", []), values.get("%2", []))


def pubmed_accession(rec: Record, databases: list[str], accessions: list[str], custom2: list[str]) -> None:
    """The PMID (the first accession, when it is one) and PMC id (a Custom 2 that is one) of a
    record whose database is PubMed, NLM or MEDLINE, as EndNote writes them (:func:`_pubmed_accession`;
    its XML's ``remote-database-name``, ``accession-num`` and ``custom2`` are the same fields)."""
    if not any(_PUBMED_DATABASE.search(v) for v in databases):
        return
    pmids = [v.strip() for v in accessions[:1] if re.fullmatch(r"\d{1,9}", v.strip()) and v.strip().strip("0")]
    pmcids = [v.strip() for v in custom2 if re.fullmatch(r"PMC\d+", v.strip())]
    for key, ids in (("pmid", pmids), ("pmcid", pmcids)):
        if ids:
            rec.raw.setdefault(key, []).extend((v, rec.source.line) for v in ids)


register(ReferReader())
