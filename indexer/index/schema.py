"""The whoosh schema and how a cleaned record becomes an index document.

What whoosh stores is kept to the record id (search reads records from the SQLite
store): whoosh pickles stored fields, so an index must never come from an untrusted
source, and small postings keep the write path fast.  Positions are kept only where
phrase queries need them (text, funding, authors, award); a phrase in a field
without them is answered by the index for candidates and checked on the stored record.
"""
from __future__ import annotations

import re

from whoosh.fields import ID, KEYWORD, NUMERIC, TEXT, Schema

from ..fields.authors import responsible_authors, text_name, whole_name
from ..fields.identifiers import NIH_BUDGET_YEAR, classification, pubmed_ids
from .analysis import VALUE_SEPARATOR, bilingual_analyzer, fold, jieba_words, title_key, word_analyzer
from .names import index_terms

# "text" holds title, abstract and keywords (each value apart: phrases never span two):
# the one field with positions over long text.  A query that names no field searches it
# and "funding" (funders as written and normalised, grant numbers): a funding statement
# the cleaner moved out of an abstract is still found by a word of it ("Pfizer"), and a
# grant number by itself.  "funding" also holds what names a thesis, patent or standard
# besides its title (:func:`other_names`): a university, a supervisor, an applicant, a number.
TEXT_FIELDS = ("text",)
DEFAULT_FIELDS = ("text", "funding")
# BM25F weights; title, keywords, kwx (exact keyword) and words (jieba words of the title)
# only lift records that match a query word there; a match only in the funding counts less
# than one in the text.  titlex (each title as one term, analysis.title_key) puts a record
# whose title is the query first (search.pasted_phrase).
FIELD_BOOSTS = {"text": 1.0, "funding": 0.5, "title": 2.0, "keywords": 2.0, "words": 1.5, "kwx": 4.0}
AUTHOR_FIELDS = ("authors",)
# Each author's name terms (names.name_terms): author:"Smith JA" answered without reading records.
NAME_TERMS = "names"
SUPERVISOR_FIELDS = ("supervisors",)
# A thesis's supervisors' name terms, as NAME_TERMS: supervisor:"Li Jianguo" finds 李建国 as author: does.
SUPERVISOR_NAME_TERMS = "supervisor_names"
# Query prefixes → index fields.
FIELD_ALIASES = {
    "title": ("title",), "ti": ("title",), "abstract": ("text",), "ab": ("text",),
    "keyword": ("keywords",), "keywords": ("keywords",), "kw": ("keywords",),
    "author": AUTHOR_FIELDS, "authors": AUTHOR_FIELDS, "au": AUTHOR_FIELDS,
    "journal": ("journal",), "source": ("journal",), "jo": ("journal",),
    "funder": ("funder",), "fund": ("funder",), "award": ("award",), "grant": ("award",),
    "supervisor": SUPERVISOR_FIELDS, "supervisors": SUPERVISOR_FIELDS, "advisor": SUPERVISOR_FIELDS,
    "text": TEXT_FIELDS, "all": DEFAULT_FIELDS,
}
# Index fields with positions (phrases); the record fields each index field is checked on.
POSITIONAL = frozenset({"text", "funding", "authors", "award", "supervisors"})
RECORD_FIELDS = {"text": ("title", "abstract", "keywords"), "funding": ("funder", "award", "other_names"),
                 "title": ("title",), "keywords": ("keywords",),
                 "authors": ("authors",), "journal": ("journal",), "funder": ("funders",), "award": ("award",),
                 "supervisors": ("supervisors",)}
# Prefixes searched through a wider index field, then checked on the named record field.
NARROWED = {"abstract": ("abstract",), "ab": ("abstract",)}
# Prefixes whose value is one exact term.
EXACT_FIELDS = {"doi": "doi", "lang": "lang", "language": "lang", "section": "section", "format": "format",
                "type": "type", "id": "id", "pmid": "pmid", "pmcid": "pmid",
                # the classification codes (中图分类号): clc:R445, clc:R73* a class and those under it
                "clc": "clc", "classification": "clc"}


def build_schema() -> Schema:
    text = dict(analyzer=bilingual_analyzer(), phrase=True)
    return Schema(
        id=ID(stored=True, unique=True, sortable=True),
        text=TEXT(**text),
        funding=TEXT(analyzer=bilingual_analyzer(), phrase=True, field_boost=FIELD_BOOSTS["funding"]),
        title=TEXT(analyzer=bilingual_analyzer(), phrase=False, field_boost=FIELD_BOOSTS["title"]),
        keywords=TEXT(analyzer=bilingual_analyzer(), phrase=False, field_boost=FIELD_BOOSTS["keywords"]),
        kwx=KEYWORD(commas=True, field_boost=FIELD_BOOSTS["kwx"]),
        titlex=KEYWORD(commas=True, scorable=False),
        words=TEXT(analyzer=word_analyzer(), phrase=False, field_boost=FIELD_BOOSTS["words"]),
        authors=TEXT(**text),
        supervisors=TEXT(**text),
        journal=TEXT(analyzer=bilingual_analyzer(), phrase=False),
        funder=TEXT(analyzer=bilingual_analyzer(), phrase=False),
        award=TEXT(**text),
        doi=ID(),
        pmid=KEYWORD(lowercase=True),   # PubMed's ids: the PMID and the PMCID (pmc…), told apart by their form
        year=NUMERIC(int, bits=16, signed=False),
        lang=KEYWORD(lowercase=True),
        format=KEYWORD(lowercase=True),
        type=KEYWORD(lowercase=True),
        section=KEYWORD(lowercase=True, commas=True),
        clc=KEYWORD(lowercase=True, commas=True),
        names=KEYWORD(),
        supervisor_names=KEYWORD(),
    )


def _join(values) -> str:
    return f" {VALUE_SEPARATOR} ".join(v for v in values if v)


def author_name(a: dict) -> str:
    """An author's name as ``author:`` reads its words: given name first, but a name in CJK
    characters as it is written (山田 + 太郎: 山田太郎, as ``author:山田太郎`` is typed)."""
    return whole_name(a) or f"{a.get('given', '')} {a.get('family', '')}".strip()


def author_forms(authors: list[dict]) -> list[dict]:
    """The authors, then their names in the other language (``alt``, which ``dedup --apply``
    keeps from the Chinese and English versions of a paper), as the author fields index
    them: ``author:"Zhang Kejia"``, ``author:Dermatology`` find the merged Chinese record.

    >>> zh = {"literal": "张可佳", "lang": "zh", "alt": {"family": "Zhang", "given": "Kejia", "lang": "en"}}
    >>> [author_name(a) for a in author_forms([zh, {"literal": "李四"}])]
    ['张可佳', '李四', 'Kejia Zhang']
    """
    return authors + [a["alt"] for a in authors if a.get("alt")]


def funder_names(rec: dict, chinese: bool = False) -> list[str]:
    """A record's funders, each name once: as normalised and as written; with ``chinese``, a
    known funder's Chinese name and aliases too, and the names of the funder it is part of (``funder:国家自然科学基金`` and ``funder:NSFC`` find
    the records that write it in English; a query without a prefix does not: 国家 would find every
    English record NSFC funds)."""
    names = [n for f in rec.get("funding", []) for n in (f.get("funder"), f.get("funder_original")) if n]
    if chinese:
        from ..fields.funders import part_of, search_names   # when asked: search starts without it

        names += [n for f in rec.get("funding", []) for n in (*search_names(f.get("funder") or ""),
                                                              *part_of(f.get("funder") or ""))]
    return list(dict.fromkeys(names))


def award_numbers(rec: dict) -> list[str]:
    return [f["award"] for f in rec.get("funding", []) if f.get("award")]


# An NIH grant number as records and users write it: its activity code, institute and serial
# number (R01 CA123456, R01CA123456, R01-CA-123456; the code may be two letters and a digit,
# UL1 TR001860), with or without the application type before it (1R01CA123456, 5 P30 CA047904)
# and the budget year after it (-01, -03, -01A1 amended, -02S1 a supplement); an intramural
# project's activity code is ZI and a letter (ZIA HL006123, ZIC, ZIE …; Z01 before them); the serial's
# leading zero sometimes dropped (P30 CA16672 for CA016672).  MEDLINE's GR often writes the
# institute and serial alone (AG11385, AI35304): without an activity code, a number is NIH's
# only under one of NIH's institute and centre codes (_NIH_INSTITUTES).
_NIH_NUMBER = re.compile(r"(?i)(?:(?:[1-9][\s-]?)?([a-z]\d\d|[a-z]{2}\d|zi[a-z])[\s-]?)?([a-z]{2})[\s-]?(\d{5,6})"
                         + NIH_BUDGET_YEAR)
_NIH_INSTITUTES = frozenset(
    "AA AG AI AR AT CA DA DC DE DK EB ES EY GM HB HC HD HG HL HR HV LM MD MH NR NS OD RM RR TR TW".split())


def nih_core(award: str) -> str | None:
    """The grant an NIH number names, one form however it is written (NIH's core project
    number, spaced as the index reads its words): the index holds it beside the number as
    written and ``award:`` searches it, so ``award:R01CA123456`` finds ``1R01CA123456-01`` and
    ``award:1R01CA123456-01`` finds ``R01 CA123456`` (another year of the same grant too).
    A number without its activity code is the institute's serial (``award:AG11385`` finds
    ``AG011385``, and ``R01 AG011385``, which holds the word).  None for any other number.

    >>> nih_core("1R01CA123456-01"), nih_core("R01 CA123456"), nih_core("5 P30 CA16672-38"), nih_core("UL1TR001860")
    ('R01 CA123456', 'R01 CA123456', 'P30 CA016672', 'UL1 TR001860')
    >>> nih_core("2T32GM008424-21"), nih_core("N01-HV-28183"), nih_core("2018YFC1311400"), nih_core("81702662")
    ('T32 GM008424', 'N01 HV028183', None, None)
    >>> nih_core("AG11385"), nih_core("AI035304"), nih_core("HL 12345-03"), nih_core("BK123456"), nih_core("1AG11385")
    ('AG011385', 'AI035304', 'HL012345', None, None)
    >>> nih_core("ZIAHL006123"), nih_core("ZIA-HL006123"), nih_core("ZIC HL006123-05"), nih_core("Z01 HL006123")
    ('ZIA HL006123', 'ZIA HL006123', 'ZIC HL006123', 'Z01 HL006123')
    """
    m = _NIH_NUMBER.fullmatch(award.strip())
    if not m or not m.group(1) and m.group(2).upper() not in _NIH_INSTITUTES:
        return None
    grant = f"{m.group(2).upper()}{int(m.group(3)):06d}"
    return f"{m.group(1).upper()} {grant}" if m.group(1) else grant


def award_forms(rec: dict) -> list[str]:
    """A record's grant numbers as ``award:`` searches them: each as written, and an NIH
    number's grant (:func:`nih_core`) where it is written otherwise."""
    awards = award_numbers(rec)
    return list(dict.fromkeys(awards + [c for c in map(nih_core, awards) if c]))


def _extra(rec: dict, key: str) -> list[str]:
    values = (rec.get("extra") or {}).get(key) or []
    return [v for v in ([values] if isinstance(values, str) else values) if isinstance(v, str) and v]


def supervisors(rec: dict) -> list[str]:
    """A thesis's supervisors (导师): ``supervisor:`` finds them; ``author:`` does not (a
    supervisor is not whom a thesis is by, as exports and dedup read it)."""
    return _extra(rec, "supervisors")


def supervisor_forms(rec: dict) -> list[dict]:
    """A thesis's supervisors as names (kept as text: ``Smith, John``, ``李建国``), read as
    an edited book's editors are (:func:`~indexer.fields.authors.text_name`), for their name
    terms and checks: ``supervisor:"Li Jianguo"`` finds 李建国 as ``author:`` would.

    >>> supervisor_forms({"extra": {"supervisors": ["李建国", "Smith, John"]}})
    [{'literal': '李建国'}, {'family': 'Smith', 'given': 'John'}]
    """
    return [text_name(s) for s in supervisors(rec)]


def university(rec: dict) -> list[str]:
    """The university that awarded a thesis its degree (学位授予单位, kept as its publisher;
    some exports write it as the journal, which ``journal:`` searches already)."""
    return _extra(rec, "publisher") if rec.get("type") == "thesis" else []


def journal_names(rec: dict) -> list[str]:
    """What ``journal:`` finds a record by: its journal, its abbreviations (Web of Science's J9
    and JI, MEDLINE's TA, RIS's J2: ``APPL ENVIRON MICROB``, ``Appl. Environ. Microbiol.``, as
    users copy them from a reference), and a thesis's :func:`university`.

    >>> journal_names({"journal": {"en": "Applied and Environmental Microbiology"},
    ...                "extra": {"journal_abbreviation": ["APPL ENVIRON MICROB", "Appl. Environ. Microbiol."]}})
    ['Applied and Environmental Microbiology', 'APPL ENVIRON MICROB', 'Appl. Environ. Microbiol.']
    """
    return list(dict.fromkeys([*rec.get("journal", {}).values(), *_extra(rec, "journal_abbreviation"),
                               *university(rec)]))


# A patent's, standard's or report's number, where the readers keep it: CNKI's refer and
# RefWorks and the GB/T 7714 reader in ``extra.patent_number`` / ``extra.standard_number``, the
# others in ``extra.number`` (NoteExpress, CSL, Web of Science's PN, RIS's VL and SN).
_NUMBER_KEYS = ("patent_number", "standard_number", "number")


def numbers(rec: dict) -> list[str]:
    """The numbers naming a patent, standard or report (:data:`_NUMBER_KEYS`), and a patent's
    issue: RIS's ``IS`` (Reference Manager's "Patent Number"), EndNote XML's and BibTeX's
    ``number``, which their readers keep as the issue a patent has none of.

    >>> numbers({"type": "patent", "issue": "4,904,581", "extra": {"number": ["877609"]}})
    ['877609', '4,904,581']
    >>> numbers({"type": "article-journal", "issue": "3"}), numbers({"type": "standard", "extra": {"standard_number": ["GB/T 7714-2015"]}})
    ([], ['GB/T 7714-2015'])
    """
    found = [v for key in _NUMBER_KEYS for v in _extra(rec, key)]
    if rec.get("type") == "patent" and isinstance(rec.get("issue"), str) and rec["issue"].strip():
        found.append(rec["issue"].strip())
    return list(dict.fromkeys(found))


def labelled_names(rec: dict) -> list[tuple[str, str]]:
    """What names a thesis, patent or standard besides its title and authors, each value with
    what it is ("number", "applicant", "university", "supervisor"; a search snippet labels it so):
    a patent's, standard's or report's :func:`numbers`, a patent's applicant (CNKI's refer writes
    it as the publisher), a thesis's university and supervisors; each value once."""
    names = [("number", n) for n in numbers(rec)] + [("applicant", a) for a in _extra(rec, "assignee")]
    if rec.get("type") == "patent":
        names += [("applicant", p) for p in _extra(rec, "publisher")]
    names += [("university", u) for u in university(rec)] + [("supervisor", s) for s in supervisors(rec)]
    seen: set[str] = set()
    return [(kind, v) for kind, v in names if not (v in seen or seen.add(v))]


def other_names(rec: dict) -> list[str]:
    """What names a thesis, patent or standard besides its title and authors
    (:func:`labelled_names`), found by a query without a field (in the "funding" field, as a
    grant number is): ``CN111020404A``, ``"GB/T 7714"``, a university, a supervisor.

    >>> other_names({"type": "patent", "extra": {"assignee": ["扬中市旭禾管业制造有限公司"],
    ...     "patent_number": ["CN111020404A"], "number": ["CN201911234567.8"]}})
    ['CN111020404A', 'CN201911234567.8', '扬中市旭禾管业制造有限公司']
    >>> other_names({"type": "patent", "issue": "CN111020404A", "extra": {"source_type": "PAT"}})
    ['CN111020404A']
    >>> other_names({"type": "book", "extra": {"publisher": ["科学出版社"], "isbn": ["9787030000000"]}})
    []
    """
    return [v for _, v in labelled_names(rec)]


def document(rec: dict) -> dict:
    """The index document of a record in contract JSON form (only what search needs)."""
    kws = [k for v in rec.get("keywords", {}).values() for k in v]
    titles = list(rec.get("title", {}).values())
    funders, awards = funder_names(rec), award_numbers(rec)
    authors = responsible_authors(rec)   # an edited book without authors: its editors
    doc = {
        "id": rec["id"],
        "text": _join(titles + list(rec.get("abstract", {}).values()) + kws),
        "title": _join(titles),
        "keywords": _join(kws),
        "kwx": ",".join(fold(k).replace(",", " ").strip() for k in kws),
        "titlex": ",".join(title_key(t) for t in titles),
        # jieba words of the Chinese title; Chinese keywords are words already.
        "words": " ".join(jieba_words(rec.get("title", {}).get("zh") or "")
                          + [fold(k).replace(" ", "") for k in rec.get("keywords", {}).get("zh", [])]),
        "authors": _join(author_name(a) for a in author_forms(authors)),
        "names": " ".join(index_terms(author_forms(authors))),
        "supervisors": _join(supervisors(rec)),
        "supervisor_names": " ".join(index_terms(supervisor_forms(rec))),
        "journal": _join(journal_names(rec)),
        "funding": _join(funders + awards + other_names(rec)),
        "funder": _join(funder_names(rec, chinese=True)),
        "award": _join(award_forms(rec)),
        "lang": rec.get("language") or "und",
        "format": rec["source"]["format"],
        "type": rec.get("type") or "",
        "section": ",".join(sorted({s["label"].lower() for v in rec.get("sections", {}).values() for s in v})),
        "pmid": " ".join(pubmed_ids(rec)),
        "clc": ",".join(c.replace(",", " ") for c in classification(rec)),
    }
    if rec.get("doi"):
        doc["doi"] = rec["doi"].lower()
    if rec.get("year"):
        doc["year"] = rec["year"]
    return {k: v for k, v in doc.items() if v not in ("", None)}
