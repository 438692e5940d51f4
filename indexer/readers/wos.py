"""Web of Science tagged export (``FN``/``VR`` header, ``PT J`` … ``ER``, ``EF``), CSCD too.

A tag is two characters and a space; continuation lines are indented three spaces.  A
continuation of AU, AF, C1 or CR is another value (one author per line); of any other tag
it continues the same value.  AF (full names) is preferred over AU; BP/EP make the pages
(AR, the article number, when there are none); UT is the source id.
"""
from __future__ import annotations

import re

from .base import register
from .tagged import TaggedReader

WOS_TYPES = {"J": "article-journal", "B": "book", "S": "article-journal", "C": "paper-conference",
             "P": "patent"}
ONE_PER_LINE = frozenset({"AU", "AF", "C1", "CR", "BA", "BF", "CA", "GP"})
FILE_TAGS = frozenset({"FN", "VR", "EF"})


class _WithoutFileTags:
    """The source without the file-level FN/VR/EF lines (they belong to no record)."""

    def __init__(self, source):
        self.source = source
        self.path = source.path

    def lines(self):
        for line in self.source.lines():
            if line.lstrip("\ufeff")[:3].rstrip() in FILE_TAGS and line.lstrip("\ufeff")[2:3] in ("", " "):
                yield ""
            else:
                yield line


class WosReader(TaggedReader):
    name = "wos"
    aliases = ("web-of-science", "isi", "cscd")
    suffixes = (".ciw",)
    LINE = re.compile(r"^([A-Z][A-Z0-9])(?: (.*))?$")
    START_TAGS = frozenset({"PT"})
    END_TAGS = frozenset({"ER"})
    TYPE_TAG = "PT"
    TYPES = WOS_TYPES
    SOURCE_ID_TAGS = ("UT",)
    JOIN = "\n"
    TAGS = {
        "TI": "titles", "AF": "author", "AU": "short_author", "CA": "author", "SO": "journal", "PY": "year",
        "PD": "publication_date", "VL": "volume", "IS": "issue", "BP": "start_page", "EP": "end_page",
        "AR": "article_number", "DI": "doi", "SN": "issn", "EI": "eissn", "AB": "abstract", "DE": "keywords",
        "ID": "keywords_plus", "BD": "keywords_plus", "OR": "keywords_plus", "MC": "keywords_plus",
        "MQ": "keywords_plus", "PS": "pages", "C1": "affiliation", "FU": "funding", "FX": "funding_text", "UT": "source_id",
        "LA": "language", "DT": "document_type", "PU": "publisher", "J9": "journal_abbreviation",
        "JI": "journal_abbreviation", "SE": "series", "BS": "series", "PN": "part", "SU": "supplement",
        "RP": "reprint_address", "EM": "email", "CR": "cited_references", "NR": "reference_count",
        "TC": "times_cited", "Z9": "times_cited_all", "PM": "pmid", "OA": "open_access", "BN": "isbn",
        "PG": "page_count", "WC": "categories", "SC": "research_areas", "GA": "ids_number",
    }

    def parse_line(self, line: str):
        m = self.LINE.match(line.rstrip())
        return (m.group(1), (m.group(2) or "").strip()) if m else None

    def sniff(self, head: str) -> float:
        head = head.lstrip("\ufeff")
        if re.match(r"(?:FN |VR |PT [A-Z]\s*$)", head) or re.search(r"^PT [JBSCP]\s*$", head, re.M) and \
                re.search(r"^(?:AU|TI|SO|UT) ", head, re.M):
            return 0.9
        return 0.0

    def read(self, source):
        yield from super().read(_WithoutFileTags(source))

    def build(self, fields, source):
        rec = super().build(fields, source)
        raw = rec.raw
        for key, values in list(raw.items()):
            split = []
            for value, line in values:
                tag_values = value.split("\n")
                if key in ("author", "short_author", "affiliation", "cited_references"):
                    split += [(v.strip(), line) for v in tag_values if v.strip()]
                else:
                    split.append((" ".join(v.strip() for v in tag_values).strip(), line))
            raw[key] = split
        for key in ("author", "short_author"):  # "Medvedeff, Cassandra A. (medvedeff22@ufl.edu)"
            raw[key] = [(re.sub(r"\s*\([^)]*@[^)]*\)", "", v), line) for v, line in raw.get(key, [])]
        short = raw.pop("short_author", [])
        if not raw.get("author"):
            raw["author"] = short
        if not raw.get("start_page") and raw.get("article_number"):
            raw["pages"] = raw["article_number"]
        if not raw.get("issn") and raw.get("eissn"):
            raw["issn"] = raw["eissn"]
        # WoS "Keywords Plus" and the descriptors of CABI/BIOSIS records (BD, OR, MC, MQ) are
        # keywords too (as Zotero reads them).
        raw.setdefault("keywords", []).extend(raw.pop("keywords_plus", []))
        # C1 lines are "[Author; Author] Address": the address is the affiliation.
        raw["affiliation"] = [(re.sub(r"^\[[^\]]*\]\s*", "", v), line) for v, line in raw.get("affiliation", [])]
        return rec


register(WosReader())
