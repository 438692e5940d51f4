"""RIS (``TY  - JOUR`` … ``ER  -``): reference managers, Scopus, CNKI and Wanfang exports."""
from __future__ import annotations

from .base import register
from .tagged import TaggedReader

# RIS reference types → CSL types.
RIS_TYPES = {
    "JOUR": "article-journal", "JFULL": "article-journal", "MGZN": "article-magazine", "NEWS": "article-newspaper",
    "BOOK": "book", "EBOOK": "book", "EDBOOK": "book", "CHAP": "chapter", "ECHAP": "chapter",
    "THES": "thesis", "CONF": "paper-conference", "CPAPER": "paper-conference", "RPRT": "report",
    "PAT": "patent", "STAND": "standard", "ELEC": "webpage", "WEB": "webpage", "GEN": "document",
    "UNPB": "manuscript", "DATA": "dataset", "COMP": "software", "CASE": "legal_case", "STAT": "legislation",
}


class RisReader(TaggedReader):
    name = "ris"
    aliases = ("ris-tagged", "scopus-ris", "zotero-ris")
    suffixes = (".ris",)
    START_TAGS = frozenset({"TY"})
    END_TAGS = frozenset({"ER"})
    TYPE_TAG = "TY"
    TYPES = RIS_TYPES
    SOURCE_ID_TAGS = ("ID", "AN")
    TAGS = {
        "TI": "titles", "T1": "titles", "TT": "titles", "CT": "titles", "BT": "titles",
        "AU": "author", "A1": "author",
        "T2": "journal", "JO": "journal", "JF": "journal", "JA": "journal", "J1": "journal", "J2": "journal",
        "T3": "series",
        "PY": "year", "Y1": "year", "DA": "date",
        "VL": "volume", "IS": "issue", "CP": "issue", "SP": "start_page", "EP": "end_page",
        "AB": "abstract", "N2": "abstract", "N1": "notes",
        "KW": "keyword", "DO": "doi", "SN": "issn", "UR": "url", "L2": "url",
        "AD": "affiliation", "LA": "language", "PB": "publisher", "CY": "place",
        "A2": "editor", "ED": "editor", "A3": "supervisors", "M3": "medium", "ID": "source_id", "AN": "source_id",
    }


register(RisReader())
