"""RIS (Zotero, EndNote, Mendeley, NoteExpress, rispy) and EndNote tagged (``%0``).

Both are written in the record's language (or the one asked for) with the other
language's title, abstract and journal as the format allows: RIS ``TT`` (translated
title), a second ``AB`` / ``J2``; EndNote ``%Q`` (translated title) / ``%O`` (Alternate Journal).  A patent's number is
RIS ``SN`` and EndNote ``%@``, a standard's RIS ``SN`` and EndNote ``%V``, a report's RIS ``VL``
and EndNote ``%N``.  One author tag per
author; keywords one per tag; the classification codes (中图分类号) one per Call Number tag
(``CN`` / ``%L``); funding and structured-abstract sections go to notes (``N1`` / ``%Z``), never
into the abstract; a note's lines stay lines and an abstract's paragraphs a line each (untagged,
as RIS and EndNote continue a value, and as Zotero's RIS writes an abstract).
A thesis's degree, as written, is its type of
work: RIS ``M3``, EndNote ``%9``; so is a preprint's genre (``Preprint``), written as RIS ``GEN``
and EndNote ``Generic`` with its server as publisher, and a broadcast's (``Broadcast``), RIS's
``MPCT`` as a film's.  A journal article's publication types (PubMed's ``PT``, Web of Science's
``DT``: ``Review``, ``Retracted Publication``) are its Type of Article, ``M3`` and ``%9`` joined
by ``; ``, as EndNote's Journal Article template has it.  The PMID (else a Web of Science accession) is the Accession Number, RIS
``AN`` and EndNote ``%M``, with ``PubMed`` its Name of Database (``DB``, ``%~``), and a journal
article's PMC id EndNote's PMCID (``C2``, ``%2``), as EndNote's import of PubMed writes them; a
record without one has no ``%M`` (this tool's record id is no accession; RIS keeps it in ``ID``).
"""
from __future__ import annotations

import re
from typing import TextIO

from ..fields.identifiers import classification, pmid, pubmed_ids
from ..readers.base import TRANSLATED_TYPES
from ..readers.bibtex import SPACES
from ..readers.refer import space_separated_list
from ..readers.ris import BROADCAST_WORK, INTERVIEW_WORK
from ..record import publication_types
from .common import (people, all_keywords, article_number, wos_accession, wos_note, authors_in, date_parts, extra, funding_note, in_lang,
                     journal_abbreviation, main_lang, others, page_range, sections_note, tagged_name, thesis_degree,
                     translated_authors, university, whole_name, written_date, year_run)

# A preprint (CSL's ``article``) is RIS's GEN and EndNote's Generic, as Zotero's RIS and Refer
# translators write their Preprint items (neither format has a type for one): its server is the
# publisher (PB, %I), its genre the Type of Work (M3, %9), which our readers read back as a
# preprint; as a JOUR it would be read back as a journal article without a journal.
RIS_TYPES = {"article-journal": "JOUR", "article": "GEN", "article-magazine": "MGZN",
             "article-newspaper": "NEWS", "book": "BOOK", "chapter": "CHAP", "paper-conference": "CPAPER",
             "thesis": "THES", "report": "RPRT", "patent": "PAT", "standard": "STAND", "webpage": "ELEC",
             "dataset": "DATA", "map": "MAP", "manuscript": "UNPB", "software": "COMP",
             "personal_communication": "PCOMM", "motion_picture": "MPCT", "graphic": "ART",
             # the RIS specification's (2011) and Zotero's codes; a broadcast is told from a film by its M3
             "periodical": "JFULL", "pamphlet": "PAMP", "entry-encyclopedia": "ENCYC", "entry-dictionary": "DICT",
             "broadcast": "MPCT", "hearing": "HEAR", "post-weblog": "BLOG", "song": "MUSIC",
             # Zotero's RIS translator's: its presentation (CSL's speech) is SLIDE, its interview PCOMM (a
             # letter's code: told from one by its M3, as a broadcast is); an entry in a work of reference
             # other than an encyclopedia or a dictionary (CNKI's 年鉴, a yearbook's) is RIS's ENCYC, the
             # specification's nearest, read back as an encyclopedia's
             "speech": "SLIDE", "interview": "PCOMM", "entry": "ENCYC"}
# (a review stays GEN: neither the specification nor Zotero has a code for one; legal_case, legislation, bill stay GEN: our RIS reader takes VL of CASE, STAT and BILL as their
# number, as Reference Manager's template has it, so their volume would not come back; it does so
# of HEAR and MPCT too, but a hearing or a broadcast has no volume to speak of)
# The types whose container is RIS's T2 (a book's, a meeting's, a reference work's, a blog's:
# Zotero's bookTitle, encyclopediaTitle, blogTitle, meetingName …), not a journal's JO.
RIS_T2_TYPES = ("chapter", "paper-conference", "entry-encyclopedia", "entry-dictionary", "entry", "post-weblog",
                "speech")   # (a presentation's meeting: Zotero's meetingName)
ENDNOTE_TYPES = {"article-journal": "Journal Article", "article": "Generic",
                 "article-magazine": "Magazine Article", "article-newspaper": "Newspaper Article",
                 "book": "Book", "chapter": "Book Section", "paper-conference": "Conference Paper",
                 "thesis": "Thesis", "report": "Report", "patent": "Patent", "standard": "Standard",
                 "webpage": "Web Page", "dataset": "Dataset", "map": "Map", "manuscript": "Manuscript",
                 "software": "Computer Program", "personal_communication": "Personal Communication",
                 "motion_picture": "Film or Broadcast", "graphic": "Artwork",
                 "legal_case": "Case", "legislation": "Statute", "bill": "Bill", "song": "Music"}


def _one_line(text: str) -> str:
    """``text`` on one line, its runs of spaces one space; an ideographic space (U+3000, CNKI's
    between a yearbook's chapter and its table: ``统计年鉴　第一章``) stays, as the text has it.

    >>> _one_line(" 统计年鉴\\u3000第一章 \\t综合\\n表 ") == "统计年鉴\\u3000第一章 综合 表"
    True
    """
    return SPACES.sub(" ", str(text).strip())


def _person(text: str) -> str:
    """An editor or translator as written, or one name whole as an author is (``World Health
    Organization,``)."""
    return tagged_name({"literal": whole_name(text)}) if whole_name(text) else text


def _slashed_date(rec: dict) -> str:
    """A date with its month (a CSL date, BibTeX's month) as RIS writes it, ``2019/09``; ""
    for a year alone, which PY and %D carry."""
    parts = date_parts(rec) if rec.get("year") else []
    return "/".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts)) if len(parts) > 1 else ""


def _run_date(rec: dict) -> str:
    """A periodical's run of years (:func:`~indexer.export.common.year_run`) as RIS can write it:
    PY holds one year (the first) and no tag a range, so the run is DA's ``other info``, its fourth
    part (``YYYY/MM/DD/other info``, as the RIS specification writes ``1983/03/15/Spring``):
    ``1957///1957-1990``, ``1984///1984-``; "" for any other record.

    >>> _run_date({"year": 1957, "extra": {"issued": "1957/1990"}}), _run_date({"year": 2020})
    ('1957///1957-1990', '')
    """
    run = year_run(rec)
    return f"{run[0]}///{run[0]}-{run[1] or ''}" if run else ""


def _notes(rec: dict, lang: str) -> list[str]:
    """The funding, the sections, and the notes the record came with (Scopus's "Export Date:
    …; Cited By: …", Zotero's "PMID: …"): tagged formats' notes are not printed in a list.
    Each keeps its lines (spaces in a line squeezed, blank lines left out): see :func:`_tagged`."""
    notes = [funding_note(rec)]
    for code in [lang] + [k for k in (rec.get("sections") or {}) if k != lang]:
        notes.append(sections_note(rec, code))
    notes += [str(n) for n in (rec.get("extra") or {}).get("notes", [])]
    # a Web of Science accession the PMID keeps out of the Accession Number (AN, %M): Zotero's Extra line
    notes += [wos_note(rec)] if pmid(rec) else []
    notes = ["\n".join(_one_line(line) for line in n.splitlines() if line.strip()) for n in notes]
    return [n for n in notes if n]


# A line that RIS or EndNote readers would take for a tag's (``PY  - 2020``, ``ER -``, ``%A …``).
_LIKE_A_TAG = re.compile(r"^(?:[A-Z][A-Z0-9]\s*-|%\S)")


def _tagged(tag: str, sep: str, value: str, lines: bool) -> str:
    """A tag's line; a note or an abstract (``lines``) a line of the file each of its lines (an
    abstract's paragraphs, which our readers read back after a line ending a sentence), the first after the
    tag, the others untagged, as RIS continues a value (Zotero's RIS import keeps them as the
    lines of one note, EndNote's too; our RIS reader reads N1's so): a note of several lines is one
    note, its lines Zotero's Extra lines (``PMID: …``, ``tex.ids= …``), where one N1 a line would
    be a note each.  A line that would read as a tag's is indented (readers strip it).

    >>> print(_tagged("N1", "  - ", "PMID: 32000001\\nER - not the end\\ntex.ids= zhang2020a", True))
    N1  - PMID: 32000001
      ER - not the end
    tex.ids= zhang2020a
    """
    if not lines:
        return f"{tag}{sep}{_one_line(value)}"
    first, *rest = [_one_line(line) for line in str(value).splitlines() if line.strip()]
    return "\n".join([f"{tag}{sep}{first}"] + ["  " + line if _LIKE_A_TAG.match(line) else line for line in rest])


def _every(rec: dict, key: str, tag: str) -> list[tuple[str, str]]:
    """Each value the record keeps in extra[key] (affiliations), under tag."""
    return [(tag, v) for v in (rec.get("extra") or {}).get(key, []) if str(v).strip()]


def _endnote_affiliations(rec: dict) -> list[str]:
    """EndNote's ``%+`` lines, as the Refer reader reads them: as many lines as authors, not all
    the same, give the n-th line's institutions (``; ``-separated) to the n-th author.  So a
    record that says whose each is writes a line an author, each author's joined, in author
    order; else its affiliations a line each, or on one line where as many lines as authors
    would be read as one each.

    >>> _endnote_affiliations({"authors": [{"affiliation": "A"}, {"affiliation": "A; B"}], "extra": {"affiliations": ["A", "B"]}})
    ['A', 'A; B']
    >>> _endnote_affiliations({"authors": [{"family": "X"}, {"affiliation": "B"}], "extra": {"affiliations": ["A", "B"]}})
    ['A; B']
    """
    own = [str(a.get("affiliation") or "").strip() for a in rec.get("authors") or []]
    if len(own) > 1 and all(own) and len(set(own)) > 1:
        return own
    lines = [str(v) for v in (rec.get("extra") or {}).get("affiliations", []) if str(v).strip()]
    return ["; ".join(lines)] if len(own) > 1 and len(lines) == len(own) else lines


def _second_identifiers(rec: dict, issn_tag: str, url_tag: str) -> list[tuple[str, str]]:
    """The ISSNs and URLs after the first (the contract has one of each), under their tags."""
    ex = rec.get("extra") or {}
    return [(issn_tag, v) for v in ex.get("other_issns", [])] + [(url_tag, v) for v in ex.get("other_urls", [])]


def _number_of(rec: dict, kind: str, field: str) -> str:
    """The number of a ``kind`` record (a report's: RIS's VL, EndNote's %N; a standard's:
    EndNote's %V, as CNKI writes it), written where the format puts it when the record has no
    ``field`` of its own there."""
    return own_number(rec) if rec.get("type") == kind and not rec.get(field) else ""


# The types whose ``extra.number`` names the document itself (CSL's ``number``; GB/T 7714's
# [R], [P], [S]): a report's TR-99, a patent's CN101106276A, a standard's GB/T 7714—2015.
# Other types keep other numbers there (an article's number, a map's).
NUMBERED_TYPES = ("report", "patent", "standard")


def own_number(rec: dict) -> str:
    """The report's, patent's or standard's number (``extra.number``, or where the EndNote,
    RefWorks and GB/T 7714 readers keep a patent's and a standard's: ``extra.patent_number``,
    ``extra.standard_number``); "" for other types.

    >>> own_number({"type": "patent", "extra": {"number": ["CN101106276A"]}})
    'CN101106276A'
    >>> own_number({"type": "patent", "extra": {"patent_number": ["US11651140"]}})
    'US11651140'
    >>> own_number({"type": "article-journal", "extra": {"number": ["e0815"]}})
    ''
    """
    kind = rec.get("type")
    return extra(rec, "number") or extra(rec, f"{kind}_number") if kind in NUMBERED_TYPES else ""


def _identifiers(rec: dict, kinds: tuple[str, ...]) -> list[str]:
    """What RIS's SN (EndNote's %@) holds: the number of a patent or standard (of ``kinds``),
    then the ISSN and the ISBNs, one a line (a chapter in a book series has both: Web of
    Science's SN and BN; our readers tell an ISBN from an ISSN); each once.

    >>> _identifiers({"issn": "1064-3745", "extra": {"isbn": ["978-1-0716-1234-5; 978-1-0716-1235-2"]}}, ())
    ['1064-3745', '978-1-0716-1234-5', '978-1-0716-1235-2']
    """
    own = own_number(rec) if rec.get("type") in kinds else ""
    isbns = [i.strip() for v in (rec.get("extra") or {}).get("isbn") or [] for i in re.split(r"[;；]", str(v))]
    return list(dict.fromkeys(v for v in (own, rec.get("issn"), *isbns) if v))


def type_of_work(rec: dict) -> str:
    """RIS's M3 and EndNote's %9, the "Type of Work": a thesis's degree as written; a preprint's
    genre (CSL's, which the CSL reader keeps as ``extra.degree``), else "Preprint" (CSL's
    ``article`` is Zotero's Preprint item), by which our readers tell it from other generic works;
    a broadcast's genre when it says so, else "Broadcast", which tells its MPCT from a film's; an
    interview's likewise ("Interview"), which tells its PCOMM from a letter's (Zotero reads M3 of a
    PCOMM as its letter's type); a journal article's publication types, its "Type of Article" in
    EndNote's Journal Article, so that a retraction or an erratum stays one in a reference manager.

    >>> type_of_work({"type": "article", "extra": {"publisher": ["arXiv"]}})
    'Preprint'
    >>> type_of_work({"type": "article", "extra": {"degree": ["preprint"]}}), type_of_work({"type": "book"})
    ('preprint', '')
    >>> type_of_work({"type": "thesis", "extra": {"degree": ["硕士"]}})
    '硕士'
    >>> type_of_work({"type": "broadcast", "extra": {"degree": ["Radio broadcast"]}}), type_of_work({"type": "broadcast"})
    ('Radio broadcast', 'Broadcast')
    >>> type_of_work({"type": "interview", "extra": {"degree": ["Telephone interview"]}}), type_of_work({"type": "interview"})
    ('Telephone interview', 'Interview')
    >>> type_of_work({"type": "article-journal", "extra": {"publication_type": ["Journal Article", "Review"]}})
    'Journal Article; Review'
    """
    if rec.get("type") == "article":
        return extra(rec, "degree") or "Preprint"
    if rec.get("type") == "article-journal":
        return "; ".join(publication_types(rec))
    for kind, work, name in (("broadcast", BROADCAST_WORK, "Broadcast"), ("interview", INTERVIEW_WORK, "Interview")):
        if rec.get("type") == kind:
            genre = extra(rec, "degree")
            return genre if work.search(genre) else name
    return thesis_degree(rec)[1]


def accession(rec: dict) -> tuple[str, str, str]:
    """The record's accession number, its database's name and its PMCID, as EndNote's import of
    PubMed writes them (RIS's AN, DB or DP, and its Journal Article's C2, "PMCID"; EndNote's
    %M, %~ and %2), which our readers read back: the PMID (PubMed's), else a Web of Science
    accession (its UT, EndNote's Accession Number of a Web of Science record; ``CSCD:…`` too),
    which a record with a PMID keeps in a note (:func:`_notes`).

    >>> accession({"source": {"format": "medline", "source_id": "8692918"}, "extra": {"tags": {"PMC": ["PMC38908"]}}})
    ('8692918', 'PubMed', 'PMC38908')
    >>> accession({"source": {"format": "wos", "source_id": "WOS:000602649200001"}})
    ('WOS:000602649200001', '', '')
    """
    pmcid = next((i for i in pubmed_ids(rec) if i.startswith("PMC")), "")
    if pmid(rec):
        return pmid(rec), "PubMed", pmcid
    return wos_accession(rec), "", pmcid


def _accessed(rec: dict) -> str:
    """The date a page was read, when it is a date (RIS's Y2, EndNote's %[)."""
    accessed = extra(rec, "accessed")
    return accessed if written_date(accessed)[0] else ""


def ris_lines(rec: dict, lang: str | None = None) -> list[str]:
    authors = authors_in(rec, lang)   # in the language asked for, when each has a name in it
    lang = main_lang(rec, lang)
    out: list[tuple[str, str]] = [("TY", RIS_TYPES.get(rec.get("type") or "", "GEN"))]
    out.append(("TI", in_lang(rec, "title", lang)))
    out += [("TT", t) for _, t in others(rec, "title", lang)]
    out += [("AU", tagged_name(a)) for a in authors]
    out += [("TA", n) for n in translated_authors(authors)]   # EndNote's Translated Author
    out += [("A2", _person(e)) for e in people(rec, "editor")[0]]   # (their 等, et al., no name)
    # a patent's issuing office is its A2, as Zotero's RIS writes it (its assignee, 申请人, is PB)
    out += [("A2", extra(rec, "authority"))] if rec.get("type") == "patent" else []   # (CSL's authority too)
    out += [("A3", _person(e)) for e in (rec.get("extra") or {}).get("supervisors", [])]  # a thesis's
    out += [("A3", _person(e)) for e in (rec.get("extra") or {}).get("series_editor", [])]  # a book's, a chapter's
    out += [("A4", _person(e)) for e in people(rec, "translator")[0]]   # RIS: translator
    out.append(("PY", str(rec.get("year") or "")))
    out.append(("DA", _run_date(rec) or extra(rec, "date") or _slashed_date(rec)))  # as written: "2019 Jan 15"
    journal = in_lang(rec, "journal", lang)
    # a thesis's university that its record holds as its journal is its PB (below), not a JO: a
    # thesis has no journal (Zotero, EndNote read JO as one), as EndNote's %J is left out; read back, PB
    # is its publisher, as the Refer reader keeps a CNKI thesis's university
    own_journal = journal != university(rec, lang)
    out.append(("T2" if rec.get("type") in RIS_T2_TYPES else "JO", journal if own_journal else ""))
    out += [("J2", j) for _, j in others(rec, "journal", lang) if own_journal]
    out.append(("JA", journal_abbreviation(rec)))
    first, last = page_range(rec.get("pages"))
    # a report's number is its VL (as RIS's RPRT reads it back); the date a page was read is Y2
    out += [("Y2", _accessed(rec))]
    out += [("VL", rec.get("volume") or _number_of(rec, "report", "volume")), ("IS", rec.get("issue") or ""),
            ("SP", first), ("EP", last), ("C7", article_number(rec)),   # its Article Number, without pages
            # a thesis's: its university; a patent's: its assignee (Zotero's RIS)
            ("PB", university(rec, lang) or (extra(rec, "assignee") if rec.get("type") == "patent" else "")
             or extra(rec, "publisher")),
            ("CY", extra(rec, "place")), ("ET", extra(rec, "edition")),
            ("T3", extra(rec, "series")), ("M3", type_of_work(rec)),   # THES, GEN: M3 "Type of Work"; JOUR's "Type of Article"
            ("DO", rec.get("doi") or "")]
    # a patent's and a standard's number is SN (Zotero's patentNumber, and its reportNumber
    # of a STAND; EndNote's Patent Number), before any ISSN or ISBN
    out += [("SN", v) for v in _identifiers(rec, ("patent", "standard"))] + [("UR", rec.get("url") or "")]
    out += _second_identifiers(rec, "SN", "UR")
    out.append(("LA", lang if lang != "und" else ""))
    out += _every(rec, "affiliations", "AD")
    out.append(("AB", in_lang(rec, "abstract", lang)))
    out += [("AB", a) for _, a in others(rec, "abstract", lang)]
    out += [("KW", k) for k in all_keywords(rec, lang)]
    out += [("CN", c) for c in classification(rec)]   # the Call Number: a library's classification (中图分类号)
    out += [("N1", n) for n in _notes(rec, lang)]
    number, database, pmcid = accession(rec)   # AN before ID, which our reader takes as its source id
    out += [("AN", number), ("DB", database), ("C2", pmcid if rec.get("type") == "article-journal" else "")]
    out.append(("ID", rec["id"]))
    lines = [_tagged(tag, "  - ", value, tag in ("N1", "AB")) for tag, value in out if str(value).strip()]
    return lines + ["ER  - ", ""]


def write_ris(records, out: TextIO, lang: str | None = None, bom: bool = False) -> int:
    n = 0
    if bom:
        out.write("\ufeff")
    for rec in records:
        out.write("\n".join(ris_lines(rec, lang)) + "\n")
        n += 1
    return n


def endnote_lines(rec: dict, lang: str | None = None) -> list[str]:
    authors = authors_in(rec, lang)
    lang = main_lang(rec, lang)
    kind = rec.get("type") or ""
    out: list[tuple[str, str]] = [("%0", ENDNOTE_TYPES.get(kind, "Generic"))]
    out.append(("%T", in_lang(rec, "title", lang)))
    out += [("%Q", t) for _, t in others(rec, "title", lang)]
    out += [("%A", tagged_name(a)) for a in authors]
    out += [("%H", n) for n in translated_authors(authors)]   # its Translated Author (RIS TA)
    out += [("%E", _person(e)) for e in people(rec, "editor")[0]]
    out += [("%E", extra(rec, "authority"))] if kind == "patent" else []   # its Issuing Organization
    out += [("%Y", _person(e)) for e in (rec.get("extra") or {}).get("supervisors", []) if kind == "thesis"]
    # EndNote's Subsidiary Author, its Translator in a Book, Book Section and Journal Article (RIS A4)
    out += [("%?", _person(e)) for e in (rec.get("extra") or {}).get("translator", []) if kind in TRANSLATED_TYPES]
    journal = in_lang(rec, "journal", lang)
    school = university(rec, lang)
    journal = "" if journal == school else journal   # a thesis's university is its %I, not its journal
    out.append(("%B" if kind in ("chapter", "paper-conference") else "%J", journal))
    # the journal in the other language: EndNote's Alternate Journal (RIS J2), read back as such
    out += [("%O", j) for _, j in others(rec, "journal", lang) if journal]
    out += [("%+", a) for a in _endnote_affiliations(rec)]
    # a report's number is its %N (EndNote's Report Number); %[ is the Access Date
    out += [("%D", str(rec.get("year") or "")), ("%8", extra(rec, "date") or _slashed_date(rec)),
            ("%[", _accessed(rec)),
            ("%V", rec.get("volume") or _number_of(rec, "standard", "volume")),
            ("%N", rec.get("issue") or _number_of(rec, "report", "issue")),
            # a Book's %P is its Number of Pages: the pages cited of it are %&, the field its Pages
            ("%P", extra(rec, "number_of_pages") if kind == "book" else rec.get("pages") or ""),
            ("%&", rec.get("pages") or "" if kind == "book" else ""),
            ("%]", article_number(rec)),   # a Journal Article's Custom 7, its Article Number (RIS C7), without pages
            # a patent's assignee (申请人) is its %I, the Publisher field EndNote's Patent names "Assignee"
            ("%I", school or extra(rec, "publisher") or (extra(rec, "assignee") if kind == "patent" else "")), ("%C", extra(rec, "place")),
            ("%7", extra(rec, "edition")), ("%S", extra(rec, "series")),
            ("%9", type_of_work(rec)),   # Type of Work: a thesis's degree, a preprint's genre, an article's types
            ("%R", rec.get("doi") or "")]
    # a patent's number is %@, EndNote's Patent Number (as CNKI and EndNote XML write it)
    out += [("%@", v) for v in _identifiers(rec, ("patent",))] + [("%U", rec.get("url") or "")]
    out += _second_identifiers(rec, "%@", "%U")
    out.append(("%G", lang if lang != "und" else ""))
    keywords = all_keywords(rec, lang)
    if len(keywords) == 1 and space_separated_list(keywords[0]):   # "COVID-19 疫苗;", not two keywords
        keywords = [keywords[0] + ";"]
    out += [("%K", k) for k in keywords]
    out += [("%L", c) for c in classification(rec)]   # the Call Number, as RIS's CN
    out.append(("%X", in_lang(rec, "abstract", lang)))
    out += [("%X", a) for _, a in others(rec, "abstract", lang)]
    out += [("%Z", n) for n in _notes(rec, lang)]
    # %M, the Accession Number: a database's (PubMed's, Web of Science's), else none.  Not our
    # record's id: EndNote showed it as an accession and our reader kept it as one
    # (extra.accession_number), and EndNote's import, which numbers its records itself, keys nothing on it
    number, database, pmcid = accession(rec)
    out += [("%M", number), ("%~", database), ("%2", pmcid if kind == "article-journal" else "")]
    return [_tagged(tag, " ", value, tag in ("%Z", "%X")) for tag, value in out if str(value).strip()] + [""]


def write_endnote(records, out: TextIO, lang: str | None = None) -> int:
    n = 0
    for rec in records:
        out.write("\n".join(endnote_lines(rec, lang)) + "\n")
        n += 1
    return n
