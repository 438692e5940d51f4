"""RefWorks tagged format (``RT Journal Article`` / ``A1 ...`` / ``T1 ...``): RefWorks and CNKI exports.

A record starts at ``RT``; each line is a two-to-five letter tag, a space and the value
(CNKI sometimes drops the space before CJK text: ``A1林行众``); other lines continue the
previous value.  RefWorks' own export may start with a tag legend ("Refworks Export Tagged
Format" ... "BEGIN EXPORTED REFERENCES"), which is skipped.

CNKI's dialect: several authors on one ``A1`` line split on ``;`` / ``；`` / ``，``, keywords on
one ``K1`` line split on ``;``, ``AD`` a ``;`` list of institutions, ``OP`` the whole page range
(``1106-1111+1117``, newspapers ``004``), ``vo`` (lower case) the volume, theses with ``A3``
supervisors, ``PB`` university and ``CL`` degree; patents with ``A2`` applicant, ``ID`` number,
``CL`` patent kind and ``AD`` address.  ``DB`` (CNKI database: 年鉴, 科技成果 ...) refines the type.
Tags without a contract field are kept in ``record.extra`` (unknown ones under ``extra["tags"]``).
"""
from __future__ import annotations

import re

from ..fields.identifiers import call_number_fields
from ..record import Record, Source
from ._tagged_stream import read_tagged
from .base import register
from .tagged import TaggedReader

# RefWorks reference types (lower case) → CSL types.
REFWORKS_TYPES = {
    "journal article": "article-journal", "journal, electronic": "article-journal", "abstract": "article-journal",
    "book, whole": "book", "book, edited": "book", "monograph": "book", "book, section": "chapter",
    "conference proceedings": "paper-conference", "conference proceeding": "paper-conference",
    "dissertation": "thesis", "dissertation/thesis": "thesis", "dissertation/thesis, unpublished": "thesis",
    "thesis": "thesis", "magazine article": "article-magazine", "newspaper article": "article-newspaper",
    "patent": "patent", "report": "report", "standard": "standard", "web page": "webpage",
    "generic": "document", "other article": "article", "unpublished material": "manuscript",
    "computer program": "software", "map": "map", "motion picture": "motion_picture",
    "video/dvd": "motion_picture", "sound recording": "song", "music score": "musical_score",
    "artwork": "graphic", "bills/resolutions": "bill", "case/court decisions": "legal_case",
    "laws/statutes": "legislation", "hearing": "hearing", "grant": "document",
    "online discussion forum/blogs": "post-weblog", "personal communication": "personal_communication",
}
# CNKI database names (DB) that say more about the record than its RT.
# A 年鉴 article is an entry in a reference work (CSL's entry), as the NoteExpress and E-Study
# readers type it: not a book's chapter, whose editors are the book's.
CNKI_DATABASE_TYPES = {"年鉴": "entry", "科技成果": "report", "中国专利": "patent", "海外专利": "patent",
                       "国家标准": "standard", "行业标准": "standard", "报纸": "article-newspaper",
                       "博士": "thesis", "硕士": "thesis", "会议": "paper-conference"}

# Every tag of the RefWorks legend, plus CNKI's (vo, URL, FD, DB, DS ...).
KNOWN_TAGS = frozenset(
    "RT SR ID A1 T1 JF JO YR FD VO vo IS SP OP K1 AB NO A2 T2 ED PB PP A3 A4 A5 A6 T3 SN AV AD AN LA CL SF "
    "OT LK DO CN DB DS IP RD ST UL URL SL LL CR WT WV WP OL PMID PMCID".split()
    + [f"U{i}" for i in range(1, 16)])
_TAG_ALT = "|".join(sorted(KNOWN_TAGS, key=len, reverse=True))
# "A1 value", "A1  value", "DO" (empty), and CNKI's "A1林行众" (no space before CJK text).
_LINE = re.compile(rf"^({_TAG_ALT})(?:[ \t]+(.*)|([^\x00-\x7f].*))?$")

# Simple tag → raw key (see indexer.pipeline); the rest is decided in build().
TAGS = {
    "T1": "titles", "OT": "titles", "JF": "journal", "JO": "journal_abbrev", "T3": "series",
    "YR": "year", "VO": "volume", "vo": "volume", "IS": "issue", "AB": "abstract", "NO": "notes",
    "DO": "doi", "LK": "url", "UL": "url", "URL": "url", "PB": "publisher", "PP": "place", "ED": "edition",
    "LA": "language", "AN": "accession_number", "DB": "database", "DS": "database_provider",
    "SF": "subfile", "ST": "short_title", "AV": "availability", "IP": "identifying_phrase", "RD": "retrieved",
    "SR": "source_medium", "OL": "output_language", "A4": "quaternary_author", "A5": "quinary_author",
    "A6": "website_editor", "WT": "website_title", "WV": "website_version", "WP": "date_online",
    "CR": "cited_references", "SL": "sponsoring_library", "LL": "sponsoring_library_location",
    "PMID": "pmid", "PMCID": "pmcid",
}
# An ISSN, possibly followed by a note ("1234-5678 (Print)"); ISBNs are longer.
_ISSN = re.compile(r"^\s*(\d{4}-?\d{3}[\dXx])(?![\w-])")
_NAME_SPLIT = r"[;；，]"
_LIST_SPLIT = r"[;；]"
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
_GLUED_ABSTRACT = re.compile(r"\{Abstract\}\s*[:：]?\s*")


def cnki_pages(text: str) -> str:
    """CNKI page ranges: newspaper pages are zero padded.  (The ``+`` joining a discontinuous
    range's parts is the pipeline's to write, as for every export: ``normalise_pages``.)

    >>> cnki_pages("004"), cnki_pages("12-15"), cnki_pages("004+006")
    ('4', '12-15', '4+6')
    """
    return re.sub(r"(?<![\w.])0+(?=\d)", "", text.strip())


class RefWorksReader(TaggedReader):
    name = "refworks"
    aliases = ("refworks-tagged", "cnki-refworks", "rw")
    suffixes = (".rwt",)
    LINE = _LINE
    START_TAGS = frozenset({"RT"})
    TYPE_TAG = "RT"
    TYPES = REFWORKS_TYPES
    SOURCE_ID_TAGS = ("ID",)
    TAGS = TAGS
    HEADER = ("Refworks Export Tagged Format", "BEGIN EXPORTED REFERENCES")

    def sniff(self, head: str) -> float:
        lines = [l for l in head.splitlines()[:200] if l.strip()]
        if not lines:
            return 0.0
        if lines[0].strip().lower() == self.HEADER[0].lower():
            return 0.95
        tags = [p[0] for p in map(self.parse_line, lines) if p]
        if "RT" not in tags or len(set(tags)) < 3:
            return 0.0
        if tags[0] != "RT":
            return 0.0
        return min(1.0, 0.4 + 0.6 * len(tags) / len(lines))

    def parse_line(self, line: str) -> tuple[str, str] | None:
        m = self.LINE.match(line.rstrip())
        if not m:
            return None
        return m.group(1), (m.group(2) if m.group(2) is not None else m.group(3) or "").strip()

    def read(self, source):
        return read_tagged(self, source, header=self.HEADER)

    def build(self, fields, source: Source) -> Record:
        rec = Record(source)
        raw = rec.raw
        put = rec.put

        values = {}
        for tag, value, _ in fields:
            if value:
                values.setdefault(tag, []).append(value)
        rt = " ".join(values.get("RT", [""])[:1]).strip()
        database = (values.get("DB") or [""])[0].strip()
        ctype = REFWORKS_TYPES.get(rt.lower(), "document") if rt else rec.type
        ctype = CNKI_DATABASE_TYPES.get(database, ctype)
        rec.type = ctype
        if rt:
            rec.extra["source_type"] = rt
        thesis, patent = ctype == "thesis", ctype == "patent"
        has_sp = bool(values.get("SP"))
        for tag, value, line in fields:
            value = value.strip()
            if not value or tag == "RT":
                continue
            if tag == "ID" and source.source_id is None:
                source.source_id = value
                if patent:
                    put("patent_number", value, line)
                continue
            if tag == "A1":
                for name in re.split(_NAME_SPLIT, value):
                    put("author", name.strip(), line)
            elif tag == "A2":
                for name in re.split(_NAME_SPLIT, value):
                    put("assignee" if patent else "editor", name.strip(), line)
            elif tag == "A3":
                for name in re.split(_NAME_SPLIT, value):
                    put("supervisors" if thesis else "tertiary_author", name.strip(), line)
            elif tag == "AD":
                key = "address" if patent else "affiliation"
                for part in re.split(_LIST_SPLIT, value):
                    put(key, part.strip(), line)
            elif tag == "K1":
                # CNKI may write a record's abstract into its K1 line, after NoteExpress's tag
                # ("…；治疗；规范{Abstract}：软组织肉瘤是…").
                glued = _GLUED_ABSTRACT.search(value)
                if glued:
                    value, abstract = value[:glued.start()].strip("；; "), value[glued.end():].strip()
                    if abstract:
                        put("abstract", abstract, line)
                if value:
                    # CNKI: one ";" list (split by the pipeline); RefWorks: one keyword per K1 line.
                    put("keywords" if re.search(_LIST_SPLIT, value) else "keyword", value, line)
            elif tag == "T2":
                # The container: a book's title for a section, else a secondary title; a conference
                # paper's beside its proceedings (JF) is the meeting's name (CNKI: JF 共享与品质——2018中国
                # 城市规划年会论文集, T2 2018中国城市规划年会), as the NoteExpress reader keeps 会议名称
                if ctype == "paper-conference" and values.get("JF"):
                    put("event", value, line)
                else:
                    put("journal" if ctype in ("chapter", "paper-conference", "article-journal") else "secondary_title",
                        value, line)
            elif tag == "SP":
                if thesis or ctype == "book" and not values.get("OP"):
                    put("number_of_pages", value, line)
                else:
                    put("start_page", cnki_pages(value), line)
            elif tag == "OP":
                put("end_page" if has_sp else "pages", cnki_pages(value), line)
            elif tag == "IS" and thesis:
                # CNKI gives theses the database's issue: not an issue of the thesis.
                put("database_issue", value, line)
            elif tag == "FD":
                if _YEAR.search(value):
                    put("date", value, line)
                rec.extra.setdefault("date", []).append(value)
            elif tag == "CL":
                put("degree" if thesis else "patent_kind" if patent else "classification", value, line)
            elif tag == "SN":
                m = _ISSN.match(value)
                put("issn" if m else "isbn", m.group(1) if m else value, line)
            elif tag == "PB":
                put("publisher", value, line)
                if thesis:
                    put("journal", value, line)
            elif tag == "LA":
                put("language", value.strip(";； "), line)
            elif tag == "NO":
                put("notes", value, line)
                m = re.match(r"^doi\s*[:：]\s*(10\.\S+)$", value, re.IGNORECASE)
                if m and not values.get("DO"):
                    put("doi", m.group(1), line)
            elif tag == "CN":
                # the Call Number: CNKI's CN serial number (11-0315), else a library's call number
                for key, part in call_number_fields(value):
                    put(key, part, line)
            elif tag in ("LK", "UL", "URL"):
                put("url", value.replace("&amp;", "&"), line)
            elif tag in TAGS:
                put(TAGS[tag], value, line)
            else:
                rec.extra.setdefault("tags", {}).setdefault(tag, []).append(value)
        return rec


register(RefWorksReader())
