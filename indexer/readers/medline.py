"""PubMed MEDLINE / nbib (``PMID- 12345`` … one record per PMID, blank line between).

Tags are up to four characters padded to four, then ``- ``; continuation lines are
indented six spaces.  FAU (``Family, Given``) is preferred over AU (``Family GI``) when a
record has both; ``PG 6913-7`` is expanded to ``6913-6917``; the DOI comes from LID/AID
lines marked ``[doi]``; the PMID is the source id.
"""
from __future__ import annotations

import re

from .base import register
from .tagged import TaggedReader

PUBLICATION_TYPES = {"book": "book", "book chapter": "chapter", "review": "article-journal",
                     "preprint": "article", "dataset": "dataset"}


def expand_pages(pages: str) -> str:
    """``6913-7`` → ``6913-6917``; ``475-82`` → ``475-482``; other forms unchanged.

    >>> expand_pages("6913-7"), expand_pages("475-82"), expand_pages("e1234"), expand_pages("12-15")
    ('6913-6917', '475-482', 'e1234', '12-15')
    """
    m = re.fullmatch(r"\s*([A-Za-z]*)(\d+)\s*-\s*([A-Za-z]*)(\d+)\s*", pages)
    if not m:
        return pages.strip()
    prefix, start, _prefix2, end = m.groups()
    if len(end) < len(start):
        end = start[:len(start) - len(end)] + end
    return f"{prefix}{start}-{prefix}{end}"


class MedlineReader(TaggedReader):
    name = "medline"
    aliases = ("pubmed", "pubmed-medline", "nbib")
    suffixes = (".nbib", ".medline")
    LINE = re.compile(r"^([A-Z][A-Z0-9]{1,3}) {0,3}- (.*)$")
    START_TAGS = frozenset({"PMID"})
    BLANK_LINE_ENDS = True  # records without a PMID (ERIC exports) are separated by blank lines
    TYPE_TAG = None
    SOURCE_ID_TAGS = ("PMID",)
    TAGS = {
        "TI": "titles", "BTI": "titles", "TT": "titles", "AB": "abstract", "FAU": "author", "AU": "short_author",
        "CN": "author", "AD": "affiliation", "JT": "journal", "TA": "journal_abbreviation", "DP": "date",
        "VI": "volume", "IP": "issue", "PG": "pages", "OT": "keyword", "MH": "mesh", "ISSN": "issn", "GR": "funding",
        "LA": "language", "PMID": "source_id", "PT": "publication_type", "IS": "issn", "PB": "publisher",
        "ISBN": "isbn", "ED": "editor", "FED": "editor",
    }

    def parse_line(self, line: str):
        m = self.LINE.match(line.rstrip())
        if not m or len(line) < 6 or "-" not in line[4:6]:  # "PMID- ", "TI  - ", ERIC's "ISSN - "
            return None
        return m.group(1).strip(), m.group(2).strip()

    def sniff(self, head: str) -> float:
        lines = [l for l in head.splitlines()[:200] if l.strip()]
        # Four-character tags (PMID, OWN, STAT, FAU, DP ...) and no RIS record start.
        if not lines or re.search(r"^TY  - ", head, re.M) or not re.search(
                r"^(?:PMID|OWN |STAT|FAU |DP  |JT  |SO  |PT  )- ", head, re.M):
            return 0.0
        tagged = sum(1 for l in lines if self.parse_line(l) or l.startswith("      "))
        return min(1.0, 0.5 + 0.5 * tagged / len(lines))

    def build(self, fields, source):
        rec = super().build(fields, source)
        raw = rec.raw
        short = raw.pop("short_author", [])
        if not raw.get("author"):  # AU is "Family Initials": "Brown A" → "Brown, A"
            raw["author"] = [(re.sub(r"^(.+?) ([A-Z]{1,3})$", r"\1, \2", v), line) for v, line in short]
        # "0027-8424 (Print)", ERIC's "EISSN-2375-5636": the number only, the first one.
        raw["issn"] = [(re.sub(r"^E?ISSN-|\s*\(.*\)$", "", v), line) for v, line in raw.get("issn", [])][:1]
        # MeSH headings are the record's subject terms: keywords, without the major-topic stars.
        raw.setdefault("keyword", []).extend((v.replace("*", ""), line) for v, line in raw.pop("mesh", []))
        raw["pages"] = [(expand_pages(v), line) for v, line in raw.get("pages", [])]
        for tag, value, lineno in fields:
            if tag in ("LID", "AID") and value.endswith("[doi]"):
                raw.setdefault("doi", []).append((value[:-5].strip(), lineno))
            elif tag in ("LID", "AID") and "doi.org/10." in value:
                raw.setdefault("doi", []).append((value.split("doi.org/", 1)[1].strip(), lineno))
            elif tag in ("LID", "AID"):
                rec.extra.setdefault("article_ids", []).append(value)
        types = [v.lower() for v, _ in raw.get("publication_type", [])]
        for t in types:
            if t in PUBLICATION_TYPES:
                rec.type = PUBLICATION_TYPES[t]
                break
        return rec


register(MedlineReader())
