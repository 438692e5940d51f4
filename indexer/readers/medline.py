"""PubMed MEDLINE / nbib (``PMID- 12345`` … one record per PMID, blank line between).

Tags are up to four characters padded to four, then ``- ``; continuation lines are
indented six spaces and continue the value (joined with a space).  Streams line by line
(:class:`TaggedReader`'s loop).  An unindented line opening with a MEDLINE tag and a separator
written wrong (``AB  -Text``, ``TI - Text``) is that tag's line, with an issue saying so.

* Authors: FAU (``Family, Given``) is preferred over AU (``Family GI``); AU alone becomes
  ``Family, GI``; CN (a collective author) keeps its place in the list.  The AD lines that
  follow an author are that author's affiliations (``extra["author_affiliations"]``), and an
  author with none after them has none (one AD after the first author is hers alone).
  Editors the same way (FED over ED).
* ``PG 6913-7`` is expanded to ``6913-6917`` (each range of ``123-9, 131-5``).
* The DOI comes from LID/AID lines marked ``[doi]`` (or a ``doi.org`` link); other ids
  are kept in ``extra["article_ids"]``.  The first IS/ISSN number is the ISSN.
* OAB (with its OABL, the language) is the abstract in that language, as PubMed XML's
  OtherAbstract.
* MH (MeSH, major-topic stars dropped) and OT are keywords, one each.  GR lines
  (``Number/Acronym/Agency/Country``) are funding entries made here: the pipeline's
  statement parser would cut a grant number like ``R01 GM000001`` at its space.
* Books (NCBI Bookshelf): BTI is the book's title; for a chapter (with its own TI) it is
  the container.  The PMID is the source id.
* ERIC exports in this format have no PMID: records are separated by blank lines, the
  ERIC number (OID) is the source id, ``ED`` documents are reports, books or theses whose
  JT is the publisher (a thesis's university comes from SO ``Ph.D. Dissertation, Univ``).
"""
from __future__ import annotations

import re

from ..fields.funding import funding_entry, split_awards
from .base import NotARecord, register
from .tagged import TaggedReader

# NLM publication types → CSL types (the first one found wins, in this order).
PUBLICATION_TYPES = (
    ("book chapter", "chapter"), ("book", "book"), ("preprint", "article"), ("dataset", "dataset"),
    ("journal article", "article-journal"), ("review", "article-journal"),
)
# ERIC publication types of ED (non-journal) documents.
ERIC_TYPES = (("books", "book"), ("dissertations/theses", "thesis"), ("speeches/meeting papers", "paper-conference"))
_RANGE = re.compile(r"\s*([A-Za-z]*)(\d+)\s*-\s*([A-Za-z]*)(\d+)\s*")


def expand_pages(pages: str) -> str:
    """``6913-7`` → ``6913-6917``; ``475-82`` → ``475-482``; each range of a list; other forms unchanged.

    >>> expand_pages("6913-7"), expand_pages("475-82"), expand_pages("e1234"), expand_pages("12-15")
    ('6913-6917', '475-482', 'e1234', '12-15')
    >>> expand_pages("123-9, 131-5"), expand_pages("S12-5"), expand_pages("e101-e109")
    ('123-129, 131-135', 'S12-S15', 'e101-e109')
    """
    parts = []
    for part in pages.split(","):
        m = _RANGE.fullmatch(part)
        if not m:
            parts.append(part.strip())
            continue
        prefix, start, _prefix2, end = m.groups()
        if len(end) < len(start):
            end = start[:len(start) - len(end)] + end
        parts.append(f"{prefix}{start}-{prefix}{end}")
    return ", ".join(p for p in parts if p)


def short_name(value: str) -> str:
    """AU ``Brown AB`` → ``Brown, AB`` (other forms unchanged).

    >>> short_name("van Raaij MJ"), short_name("Brown A"), short_name("Zhou, Yujia")
    ('van Raaij, MJ', 'Brown, A', 'Zhou, Yujia')
    """
    return re.sub(r"^([^,]+?) ([A-Z]{1,4})$", r"\1, \2", value.strip())


# A piece of a grant number, digits and hyphens: FAPESP writes its grants ``2017/12345-6`` and
# CNPq ``304345/2018-0``, so PubMed's GR line holds a slash inside the number; a list of
# numbers too (``81702662, 81872180/81672345``: three, fields.funding.split_awards).
_NUMBER_PIECE = re.compile(r"[\d-]*\d[\d-]*(?:\s*[,，;；]\s*[\d-]*\d[\d-]*)*")


def _is_number(text: str) -> bool:
    """``text`` is a grant number of pieces alone (``098051``, ``2017/12345-6``), no words.

    >>> _is_number("2017/12345-6"), _is_number("81702662, 81872180/81672345"), _is_number("CA/NCI")
    (True, True, False)
    """
    return all(_NUMBER_PIECE.fullmatch(piece) for piece in text.split("/"))


def _joined_number(parts: list[str]) -> list[str]:
    """``parts`` with the leading pieces of a number (no words) joined into one, the award:
    ``['2017', '12345-6', 'FAPESP']`` → ``['2017/12345-6', 'FAPESP']`` (a value all number
    becomes one part: no funder)."""
    n = 0
    while n < len(parts) and _is_number(parts[n]):
        n += 1
    return ["/".join(parts[:n])] + parts[n:] if n > 1 else parts


def grant(value: str) -> dict | None:
    """A GR line ``Number/Acronym/Agency/Country`` (or ``Number/Agency/Country``,
    ``Agency/Country``, ``Number/Agency``) as a funding entry; None for any other form.
    A number is never the funder: its pieces around a slash are one award.

    >>> [(g["funder_original"], g["award"]) for g in map(grant, ["R01 GM000001/GM/NIGMS NIH HHS/United States",
    ...     "098051/Wellcome Trust/United Kingdom", "Wellcome Trust/United Kingdom"])]
    [('NIGMS NIH HHS', 'R01 GM000001'), ('Wellcome Trust', '098051'), ('Wellcome Trust', None)]
    >>> [(g["funder_original"], g["award"]) for g in map(grant, ["2017/12345-6/FAPESP",
    ...     "2017/12345-6/FAPESP/Brazil", "304345/2018-0/CNPq/Brazil"])]
    [('FAPESP', '2017/12345-6'), ('FAPESP', '2017/12345-6'), ('CNPq', '304345/2018-0')]
    >>> grant("2017/12345-6") is None
    True
    """
    parts = _joined_number([p.strip() for p in value.split("/")])
    if len(parts) >= 4:
        award, agency = "/".join(parts[:-3]), parts[-2]
    elif len(parts) == 3:
        award, agency = parts[0], parts[1]
    elif len(parts) == 2 and _is_number(parts[0]):
        award, agency = parts  # Number/Agency, no country
    elif len(parts) == 2:
        award, agency = "", parts[0]
    else:
        return None
    return funding_entry(agency, award) if agency else None


class MedlineReader(TaggedReader):
    name = "medline"
    aliases = ("pubmed", "pubmed-medline", "nbib")
    suffixes = (".nbib", ".medline")
    LINE = re.compile(r"^([A-Z][A-Z0-9]{1,3}) {0,3}- (.*)$")
    # "AB  -Text", "TI - Text", "AB- Text", "PMID-123": a tag's line all the same (an unindented
    # line: a value wraps onto lines indented six spaces), for the tags of a field a user would
    # miss; a four-letter tag glued to its dash only as PMID and its number ("STAT-3 and",
    # "ISSN-linked" are prose).
    LOOSE_TAGS = frozenset("PMID TI AB AU FAU DP LID PG JT".split())
    LOOSE_VALUES = {"PMID": re.compile(r"\d+"), "DP": re.compile(r"\d{4}\b.*"), "PG": re.compile(r"\S*\d\S*"),
                    **dict.fromkeys(("AU", "FAU"), re.compile(r"[^\s,]+(?: [^\s,]+)*,? [A-Z][\w .-]*"))}
    LOOSE_LINE = re.compile(r"^(?P<tag>[A-Z][A-Z0-9]{1,3})(?: +- *| *- +|(?<=^PMID)-(?=\d+$))(?P<value>.*)$")
    START_TAGS = frozenset({"PMID"})
    ONCE_STARTS = frozenset({"OWN"})  # an ERIC record's first line
    BLANK_LINE_ENDS = True  # records without a PMID (ERIC exports) are separated by blank lines
    TYPE_TAG = None
    SOURCE_ID_TAGS = ("PMID",)
    # Tags handled in build() (never in the generic table): authors, editors, affiliations, ids, BTI.
    OWN_TAGS = frozenset({"FAU", "AU", "CN", "FED", "ED", "AD", "LID", "AID", "BTI", "OID", "GR", "CI", "OAB", "OABL"})
    TAGS = {
        "TI": "titles", "TT": "titles", "AB": "abstract", "JT": "journal", "TA": "journal_abbreviation",
        "DP": "date", "VI": "volume", "IP": "issue", "PG": "pages", "OT": "keyword", "MH": "mesh",
        "ISSN": "issn", "IS": "issn", "LA": "language", "PMID": "source_id",
        "PT": "publication_type", "PB": "publisher", "PL": "place", "ISBN": "isbn",
    }

    def parse_line(self, line: str):
        m = self.LINE.match(line.rstrip())
        if not m or len(line) < 6 or "-" not in line[4:6]:  # "PMID- ", "TI  - ", ERIC's "ISSN - "
            return None
        return m.group(1).strip(), m.group(2).strip()

    def sniff(self, head: str) -> float:
        lines = [l for l in head.splitlines()[:200] if l.strip()]
        # Four-character tags (PMID, OWN, STAT, FAU, DP ...) before any RIS record start (RIS
        # has DP and PT too; a RIS export pasted after MEDLINE records is the reader's to report).
        ours = re.search(r"^(?:PMID|OWN |STAT|FAU |DP  |JT  |SO  |PT  )- ", head, re.M)
        ris = re.search(r"^TY  - ", head, re.M)
        if not lines or not ours or (ris and ris.start() < ours.start()):
            return 0.0
        tagged = sum(1 for l in lines if self.parse_line(l) or l.startswith("      "))
        return min(1.0, 0.5 + 0.5 * tagged / len(lines))

    def build(self, fields, source):
        generic = [f for f in fields if f[0] not in self.OWN_TAGS]
        rec = super().build(generic, source)
        raw = rec.raw
        self._people(rec, fields)
        for tag, value, lineno in fields:
            if tag == "GR" and value:
                rec.extra.setdefault("tags", {}).setdefault("GR", []).append(value)
                entry = grant(value)
                if entry is None:
                    raw.setdefault("funding", []).append((value, lineno))
                    continue
                for one in split_awards(entry):  # ("81702662, 81872180/…": two grants)
                    if one not in rec.funding:
                        rec.funding.append(one)
        _other_abstracts(raw, fields)
        notice = " ".join(v.strip() for t, v, _ in fields if t == "CI" and v.strip())
        if notice:  # copyright information: the publisher's notice, as split_copyright keeps one
            rec.extra["copyright"] = notice
        oid = next((v.strip() for t, v, _ in fields if t == "OID" and v.strip()), "")
        eric = re.fullmatch(r"E[DJ]\d+", oid)
        if eric and source.source_id is None:
            source.source_id = oid
        if oid:
            rec.extra.setdefault("tags", {}).setdefault("OID", []).append(oid)

        # "0027-8424 (Print)", ERIC's "EISSN-2375-5636": the number only, the first one.
        given = raw.pop("issn", [])
        if len(given) > 1:  # all of them kept as read (print, electronic, linking)
            rec.extra["issns"] = [v for v, _ in given]
        issns = [(re.sub(r"^E?ISSN-|\s*\(.*\)$", "", v).strip(), line) for v, line in given]
        raw["issn"] = [x for x in issns if x[0]][:1]
        if raw.get("isbn"):
            raw["isbn"] = [(re.sub(r"^ISBN-", "", v), line) for v, line in raw["isbn"]]
        # MeSH headings are the record's subject terms: keywords, without the major-topic stars.
        raw.setdefault("keyword", []).extend((v.replace("*", ""), line) for v, line in raw.pop("mesh", []))
        raw["pages"] = [(expand_pages(v), line) for v, line in raw.get("pages", [])]
        _eric_article_number(raw)   # (a record without its OID too: no PubMed date reads so)
        for tag, value, lineno in fields:
            if tag not in ("LID", "AID") or not value:
                continue
            if value.endswith("[doi]"):
                raw.setdefault("doi", []).append((value[:-5].strip(), lineno))
            elif "doi.org/10." in value:
                raw.setdefault("doi", []).append((value.split("doi.org/", 1)[1].strip(), lineno))
            elif re.match(r"https?://", value):
                raw.setdefault("url", []).insert(len(raw["url"]) if tag == "AID" else 0, (value.strip(), lineno))
            else:
                rec.extra.setdefault("article_ids", []).append(value)
            rec.extra.setdefault("tags", {}).setdefault(tag, []).append(value)

        types = [v.strip() for v, _ in raw.get("publication_type", [])]
        if types:
            rec.extra["source_type"] = types[0]  # a stated type: never re-guessed from the journal name
        lower = [t.lower() for t in types]
        if eric and oid.startswith("ED"):
            rec.type = next((csl for key, csl in ERIC_TYPES if any(t.startswith(key) for t in lower)), "report")
        elif not eric:
            rec.type = next((csl for key, csl in PUBLICATION_TYPES if key in lower), rec.type)

        book_titles = [(v, line) for t, v, line in fields if t == "BTI" and v]
        if rec.type == "chapter" or (book_titles and raw.get("titles")):
            raw.setdefault("journal", []).extend(book_titles)   # the book holding the chapter
        else:
            raw.setdefault("titles", []).extend(book_titles)
        _has_a_title(raw, source)

        if rec.type in ("report", "book", "thesis") and eric:
            # ERIC's JT of a non-journal document is its publisher or institution.
            publishers = raw.pop("journal", [])
            citation = " ".join(v for t, v, _ in fields if t == "SO")
            m = re.match(r"\s*([^,]*(?:Dissertation|Thesis)[^,]*),\s*(.+)$", citation, re.I)
            if rec.type == "thesis" and m:
                raw["degree"] = [(m.group(1).strip(), None)]
                raw["publisher"] = [(m.group(2).strip(), None)]
                if publishers:
                    raw["distributor"] = publishers
            else:
                raw.setdefault("publisher", []).extend(publishers)
        return rec

    def _people(self, rec, fields) -> None:
        """Authors (FAU over AU, CN in place), editors (FED over ED), and each author's AD lines."""
        full = any(t == "FAU" for t, _, _ in fields)
        full_ed = any(t == "FED" for t, _, _ in fields)
        authors = []       # [name, line, [affiliations], the name unbraced]
        affiliations = []  # every AD, in order
        current = None
        for tag, value, lineno in fields:
            if not value:
                continue
            if tag in ("FAU", "CN") or (tag == "AU" and not full):
                name = short_name(value) if tag == "AU" else value
                current = [collective_name(name) if tag == "CN" else name, lineno, [], name]
                authors.append(current)
            elif tag == "FED" or (tag == "ED" and not full_ed):
                rec.raw.setdefault("editor", []).append((value if tag == "FED" else short_name(value), lineno))
                current = None
            elif tag in ("AU", "ED"):  # the short form of a full name given above: kept as read
                rec.extra.setdefault("tags", {}).setdefault(tag, []).append(value)
            elif tag == "AD":
                affiliations.append((value, lineno))
                if current is not None:
                    current[2].append(value)
            elif tag in ("FIR", "IR"):
                current = None  # an investigator's AD lines are not an author's
        if authors:
            rec.raw["author"] = [(name, line) for name, line, _, _ in authors]
        put_affiliations(rec, [(name, aff) for _, _, aff, name in authors], affiliations)


def _has_a_title(raw, source) -> None:
    """Every MEDLINE record (PubMed's, ERIC's) has its title: lines without one, nor an abstract,
    are no record but a PMID line written twice, or the rest of a record a broken line cut off
    from its start (its later authors and journal, which alone would pass for a record)."""
    if any(raw.get(key) for key in ("titles", "abstract", "other_abstract")):
        return
    if source.source_id:
        raise NotARecord("record has no title or abstract (a MEDLINE record always has its TI)")
    raise NotARecord("record has no title, abstract or PMID: the rest of a record cut off from its start "
                     "(by a broken line before it?)")


# OAB's value opens with the abstract's type, as PubMed XML's OtherAbstract Type= gives it.
_OTHER_TYPE = re.compile(r"^(?:Publisher|plain-language-summary|AAMC|AIDS|KIE|PIP|NASA):\s*")


def _other_abstracts(raw, fields) -> None:
    """Each OAB (an abstract in another language, ``Publisher: 目的：…``) with the OABL after
    it (its language, ``chi``) as the pipeline's ``other_abstract``: the abstract in that language.

    >>> raw = {}
    >>> _other_abstracts(raw, [("OAB", "Publisher: 目的：评价。", 9), ("OABL", "chi", 10)]); raw
    {'other_abstract': [(('目的：评价。', 'chi'), 9)]}
    """
    for i, (tag, value, line) in enumerate(fields):
        if tag != "OAB" or not value.strip():
            continue
        after = next((f for f in fields[i + 1:] if f[0] in ("OAB", "OABL")), None)
        language = after[1].strip() if after and after[0] == "OABL" else ""
        raw.setdefault("other_abstract", []).append(((_OTHER_TYPE.sub("", value.strip()), language), line))


# ERIC's date of an article cited by its number: its SO after the volume ("v9 Article 10 2019").
_ERIC_ARTICLE = re.compile(r"\s*Article\s+(?P<number>\S+)\s+(?P<date>.*\d{4}.*)$")


def _eric_article_number(raw) -> None:
    """ERIC writes an article's number where the pages go, in its SO and DP ("Article 10
    2019"): the number is the pages (of a record without PG), the rest the date.

    >>> raw = {"date": [("Article 10 2019", 7)]}
    >>> _eric_article_number(raw); raw["pages"], raw["date"]
    ([('10', 7)], [('2019', 7)])
    """
    for i, (value, line) in enumerate(raw.get("date", [])):
        m = _ERIC_ARTICLE.match(value)
        if m:
            raw["date"][i] = (m.group("date").strip(), line)
            if not raw.get("pages"):
                raw["pages"] = [(m.group("number"), line)]


def collective_name(name: str) -> str:
    """A collective author (MEDLINE's CN, PubMed XML's CollectiveName) as one name kept whole,
    braced as the pipeline reads an organisation: "The Lancet Editors" is no Editors, The Lancet."""
    return "{" + name.strip() + "}"


def put_affiliations(rec, authors: list[tuple[str, list[str]]], affiliations: list[tuple[str, int | None]]) -> None:
    """The record's affiliations (``raw["affiliation"]``, each once, in order) and which author
    each belongs to (``extra["author_affiliations"]``), unless it has one that every author
    holds.  An author with no AD after them has none: PubMed's records before 2014 give the
    first author's alone (one AD after the first FAU), not every author's."""
    seen = {}
    for value, line in affiliations:
        seen.setdefault(value, line)
    if seen:
        rec.raw["affiliation"] = list(seen.items())
    if any(aff for _, aff in authors) and (len(seen) > 1 or not all(aff for _, aff in authors)):
        rec.extra["author_affiliations"] = [{"author": name, "affiliations": aff} for name, aff in authors if aff]


register(MedlineReader())
