"""BibTeX (JabRef, LaTeX with bibtex) and BibLaTeX (biber).

Citation keys are stable (see :func:`.common.citation_keys`); LaTeX's special characters
are escaped, a brace without its partner as ``\\textbraceleft{}`` / ``\\textbraceright{}``
(BibTeX counts every brace, escaped or not); a Chinese name (or an organisation) is one name
in braces, ``{张伯伟}``, so BibTeX never splits it into given and family parts.  The other
language's title, abstract and journal go to ``translatedtitle`` / ``translatedabstract`` /
``translatedjournal`` (read back by this project's BibTeX reader; other tools keep them as
unknown fields); the journal's abbreviation to ``shortjournal`` (biblatex's; Better BibTeX's and
JabRef's in BibTeX too); funding goes to ``note`` (BibTeX) or ``funding`` (BibLaTeX), structured
sections (where the abstract does not hold them) and the notes the record came with to ``annote``
(Zotero's note, JabRef's comment), never into the abstract.  BibLaTeX adds ``langid`` and uses
``journaltitle`` and ``date`` (``2020-03-15``, as precise as the record; BibTeX: ``year`` and
``month = mar``).  A report's, patent's or standard's own number is ``number`` (an issue
beside it is ``issue``).  Keywords are separated by ``, ``, or by ``; `` when one holds a
comma (MeSH's "Mice, Transgenic"; ``，`` and ``、`` too, which the reader splits at).  A newspaper's or magazine's article is BibLaTeX's ``@article`` with
its ``entrysubtype``, an encyclopedia's or dictionary's entry ``@inreference`` with its (``encyclopedia``,
``dictionary``): read back as the type written; any other entry (a yearbook's article) is ``@inreference``,
and in BibTeX ``@incollection``, its work the ``booktitle``.  A thesis is ``@mastersthesis`` when its degree says master's, else
``@phdthesis`` (as Zotero writes them), with its degree as written in ``type``; BibLaTeX's
``@thesis`` gets ``type = {mathesis}`` / ``{phdthesis}`` (else the degree as written) and its
university as ``institution``.  A report's institution is ``institution`` (BibTeX's @techreport
and biblatex's @report have no publisher), and biblatex's @report its required ``type``
(``techreport`` unless the record holds its genre).  A patent's issuing office (``extra.authority``)
is ``location``, biblatex's scope of a patent, its place ``address``.  The date a page was read is ``urldate``
(``2024-01-02``), in both.
"""
from __future__ import annotations

import re
from typing import TextIO

from ..fields.identifiers import pmid
from .common import (people, accessed_parts, all_keywords, article_number, conference, iso_days, wos_note, authors_in, classification_note, date_parts, extra, funding_note,
                     has_han, in_lang, journal_abbreviation, keyword_list, main_lang, month_abbreviation, name_suffix,
                     others, sections_note, thesis_degree, university,
                     whole_name, with_keys)
from ..readers.bibtex import KEPT_AS_WRITTEN, SPACES
from .tagged import own_number

BIBTEX_TYPES = {"article-journal": "article", "article": "article", "article-magazine": "article",
                "article-newspaper": "article", "book": "book", "chapter": "incollection",
                "paper-conference": "inproceedings", "thesis": "phdthesis", "report": "techreport",
                "manuscript": "unpublished",
                # an entry in a work of reference (a yearbook's article: CNKI's 年鉴) is in a book, its
                # booktitle: BibTeX has no @inreference, and its styles ignore a @misc's journal
                "entry": "incollection",
                # not BibTeX's own types (its styles print them as @misc), but Zotero's and
                # biblatex's: the number stays the patent's or the standard's
                "patent": "patent", "standard": "standard"}
# biblatex's own: a whole issue of a journal is @periodical; an entry in an encyclopedia or a
# dictionary @inreference ("an article in a work of reference", its work the booktitle).
BIBLATEX_TYPES = {**BIBTEX_TYPES, "chapter": "incollection", "thesis": "thesis", "report": "report",
                  "webpage": "online", "dataset": "dataset", "software": "software", "periodical": "periodical",
                  "entry": "inreference", "entry-encyclopedia": "inreference", "entry-dictionary": "inreference",
                  # biblatex's types for them, as pandoc reads them back (booklet: a pamphlet; a letter:
                  # a personal communication; its "unsupported" artwork and movie, which styles print as @misc)
                  "pamphlet": "booklet", "personal_communication": "letter", "motion_picture": "movie",
                  "graphic": "artwork"}
# The types whose container is a book's title (``booktitle``), not a journal's.
_IN_BOOKS = ("chapter", "paper-conference")
_IN_REFERENCE_WORKS = ("entry-encyclopedia", "entry-dictionary")
# biblatex's @article for a newspaper's or a magazine's piece: its ``entrysubtype`` (as
# biblatex-chicago writes them; BibTeX's @article too, whose styles ignore it and pandoc reads it),
# read back by this project's reader as the CSL type; so is
# the work of reference of an @inreference, which biblatex does not tell apart.
BIBLATEX_SUBTYPES = {"article-newspaper": "newspaper", "article-magazine": "magazine",
                     "entry-encyclopedia": "encyclopedia", "entry-dictionary": "dictionary"}
# A thesis's level as biblatex's localised keys for its ``type`` (biblatex prints "Master's thesis" …).
BIBLATEX_THESIS_TYPES = {"master": "mathesis", "doctoral": "phdthesis"}
LANGIDS = {"zh": "chinese", "en": "english", "ja": "japanese", "ko": "korean", "de": "german", "fr": "french",
           "es": "spanish", "pt": "portuguese", "ru": "russian", "it": "italian", "nl": "dutch", "sv": "swedish",
           "da": "danish", "no": "norsk", "is": "icelandic"}   # (babel's names, read back as declared)

_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
            "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
_SPECIAL_RX = re.compile(r"[\\{}&%$#_~^]")
# A brace without its partner: BibTeX and biber count every brace in a value, escaped or
# not, so a lone ``\{`` leaves the entry open (pybtex stops the file, bibtexparser drops it).
_LONE_BRACE = {"{": r"\textbraceleft{}", "}": r"\textbraceright{}"}


def lone_braces(text: str) -> set[int]:
    """Where ``text`` has a brace without its partner (a ``{`` never closed, a ``}`` never opened).

    >>> sorted(lone_braces("the set {x | x>0")), sorted(lone_braces("{a} b} {c")), lone_braces("{a{b}}")
    ([8], [5, 7], set())
    """
    opened, lone = [], set()
    for i, c in enumerate(text):
        if c == "{":
            opened.append(i)
        elif c == "}":
            if opened:
                opened.pop()
            else:
                lone.add(i)
    return lone | set(opened)


# A brace or backslash as a URL writes it (RFC 3986 allows neither unencoded).
_PERCENT = {"{": "%7B", "}": "%7D", "\\": "%5C"}


def verbatim(text: str, url: bool) -> str:
    r"""A URL or DOI as its field is written: verbatim (biblatex, biber and hyperref's ``\url``
    take it as it is, and so do bibtexparser and this project's reader), but a brace that would
    not pair and a backslash (which takes the closing brace after it) percent-encoded; in a URL
    every brace too (the encoded form is the URL a browser sends: the same page).  A DOI's pair
    stays, as the DOI is its text.  (Deleting them, as the exporter did, changed the link.)

    >>> verbatim("http://example.com/a}b{c\\d%7B#x", url=True)
    'http://example.com/a%7Db%7Bc%5Cd%7B#x'
    >>> verbatim("10.1000/a{b}c", url=False), verbatim("10.1000/a}b", url=False)
    ('10.1000/a{b}c', '10.1000/a%7Db')
    """
    lone = set() if url else lone_braces(text)
    return "".join(_PERCENT[c] if c == "\\" or c in "{}" and (url or i in lone) else c for i, c in enumerate(text))




def escape(text: str, paragraphs: bool = False) -> str:
    r"""``text`` with LaTeX's special characters escaped, braces balanced: a pair stays ``\{…\}``,
    a lone brace is ``\textbraceleft{}`` / ``\textbraceright{}``.  ``paragraphs``: a line break
    (an abstract's paragraphs) is a blank line, BibTeX's and LaTeX's paragraph; else a space.

    >>> escape("the set {x | x>0} & {y")
    'the set \\{x | x>0\\} \\& \\textbraceleft{}y'
    >>> escape("First.\n Second\u3000part."), escape("First.\n Second\u3000part.", paragraphs=True)
    ('First. Second\u3000part.', 'First.\n\nSecond\u3000part.')
    """
    text = SPACES.sub(lambda m: "\n\n" if paragraphs and "\n" in m.group() else " ", str(text).strip())
    lone = lone_braces(text)
    text = _SPECIAL_RX.sub(lambda m: _LONE_BRACE[m.group()] if m.start() in lone else _SPECIAL[m.group()], text)
    # TeX ligatures: "--" and "---" are dashes and ``/'' are quotes; as written they stay
    # characters ("---" is -{}-{}-: "-{}--" would be a hyphen and an en dash)
    return re.sub(r"([-`'])(?=\1)", r"\1{}", text)


# Fields BibTeX styles put in sentence case (plain's titles: "t" change.case$), and a word
# there whose capitals are not only its first letter: an acronym, a gene, a name (DNA, mRNA,
# COVID-19, IL-6, McDonald), kept as written in braces, as JabRef and Better BibTeX keep them.
_CASED = frozenset({"title", "booktitle", "translatedtitle"})
_WORD = re.compile(r"(?<![\\\w{])[^\W_]+(?:['-][^\W_]+)*")


def protect_capitals(text: str) -> str:
    """``text`` with each word that has a capital after its first letter in braces.

    >>> protect_capitals("The DNA of mRNA vaccines: COVID-19 and IL-6 in McDonald's Beijing")
    "The {DNA} of {mRNA} vaccines: {COVID-19} and {IL-6} in {McDonald's} Beijing"
    >>> protect_capitals("A study of \\textbackslash{}n and X-ray")
    'A study of \\textbackslash{}n and X-ray'
    """
    return _WORD.sub(lambda m: "{" + m.group() + "}" if any(c.isupper() for c in m.group()[1:]) else m.group(),
                     text)


def bib_name(a: dict) -> str:
    """A name as BibTeX splits it: ``Family, Given``, ``Family, Jr, Given``, or ``{whole}``.

    >>> bib_name({"family": "van der Berg", "given": "Jan"}), bib_name({"literal": "张三"})
    ('{van der Berg}, Jan', '{张三}')
    >>> bib_name({"family": "von Hicks", "given": "Michael, III"})
    'von Hicks, III, Michael'
    """
    if a.get("literal"):
        return "{" + escape(a["literal"]) + "}"
    family, given = escape(a.get("family", "")), escape(a.get("given", ""))
    if has_han(family) and not given:
        return "{" + family + "}"
    first, suffix = name_suffix(given)
    if suffix:
        # before the first comma BibTeX reads the whole family name, particles included
        return f"{family}, {suffix}, {first}"
    if " " in family:  # "van der Berg": keep the family name whole
        family = "{" + family + "}"
    if "," in given:  # a comma BibTeX would take for a name part of its own
        given = "{" + given + "}"
    return f"{family}, {given}" if given else family


def _fields(rec: dict, lang: str, biblatex: bool, names: list[dict]) -> list[tuple[str, str]]:
    """The entry's fields, in ``lang``; ``names``: its authors (:func:`.common.authors_in`)."""
    kind = rec.get("type") or ""
    journal = in_lang(rec, "journal", lang)
    # an entry's work of reference is its booktitle (BibTeX's @misc of an encyclopedia's: its journal)
    in_book = kind in _IN_BOOKS or kind == "entry" or biblatex and kind in _IN_REFERENCE_WORKS
    container = "booktitle" if in_book else ("journaltitle" if biblatex else "journal")
    fields = [("title", in_lang(rec, "title", lang))]
    fields += [("translatedtitle", t) for _, t in others(rec, "title", lang)[:1]]
    authors = [bib_name(a) for a in names]
    if authors and (rec.get("extra") or {}).get("authors_truncated"):
        authors.append("others")  # BibTeX's "et al."
    fields.append(("author", " and ".join(authors)))
    for role in ("editor", "translator"):  # translator: biblatex's field; BibTeX's styles ignore it
        named, more = people(rec, role)   # "于晓, 陈维纲, 等译": and others, as an author list's
        if named:
            fields.append((role, " and ".join(["{" + escape(whole_name(e) or e) + "}" if whole_name(e) or has_han(e)
                                               else escape(e) for e in named] + (["others"] if more else []))))
    if kind == "patent":   # its assignee (申请人): biblatex's holder, which Better BibTeX writes in BibTeX too
        holders = (rec.get("extra") or {}).get("assignee", [])
        fields.append(("holder", " and ".join("{" + escape(h) + "}" for h in holders if str(h).strip())))
    school = university(rec, lang)
    if journal == school:
        journal = ""  # CNKI's university as a thesis's journal: written once, as its school (institution)
    event, held_on, held_at = conference(rec) if kind == "paper-conference" else ("", "", "")
    if event and not journal and not biblatex:
        journal, event = event, ""   # BibTeX has no field for the conference: its name is the booktitle then
    fields += [(container, journal)] + [("translatedjournal", j) for _, j in others(rec, "journal", lang)[:1]]
    # the journal's abbreviation (RIS JA, CSL container-title-short): biblatex's ``shortjournal``,
    # the name Better BibTeX and JabRef write in BibTeX too (its styles skip a field they do not know)
    short = journal_abbreviation(rec) if journal and not in_book else ""
    fields.append(("shortjournal", short if short != journal else ""))
    # biblatex's meeting: its name, its days (ISO 8601, as biblatex requires: else left out) and place
    fields += [("eventtitle", event), ("eventdate", iso_days(held_on)), ("venue", held_at)] if biblatex else []
    parts = date_parts(rec) if rec.get("year") else []
    # biblatex's date carries the month and day; BibTeX has year and month
    fields += [("date", iso_date(parts))] if biblatex else [("year", str(rec.get("year") or "")),
                                                            ("month", month_macro(parts))]
    # number: the number of a report (techreport's), patent or standard, else an issue (a
    # patent's CSL issue, its application "CN200510022322.7 20051216", is not its number);
    # an issue beside such a number is kept as ``issue`` (biblatex's field; BibTeX's styles skip it)
    number = own_number(rec)
    fields += [("volume", rec.get("volume") or ""), ("number", number or rec.get("issue") or ""),
               ("issue", (rec.get("issue") or "") if number else ""),
               ("pages", (rec.get("pages") or "").replace("-", "\x00")),
               ("eid", article_number(rec)),   # biblatex's (an article's number, without pages)
               (publisher_field(kind, biblatex), school or extra(rec, "publisher")),
               # a patent's scope, the office that issued it (RIS A2, CSL authority), is biblatex's
               # location; its place stays address (biber's alias: read only without a location)
               ("location" if biblatex and kind != "patent" else "address", extra(rec, "place")),
               ("location", extra(rec, "authority") if kind == "patent" else ""),
               ("edition", extra(rec, "edition")), ("series", extra(rec, "series")),
               ("doi", rec.get("doi") or ""), ("pmid", pmid(rec)),   # pmid: JabRef's and Zotero's field
               # a preprint's id (arXiv's 1706.03762), its server in the kept archiveprefix or eprinttype
               ("eprint", extra(rec, "eprint")),
               ("issn", rec.get("issn") or ""), ("isbn", extra(rec, "isbn")),
               ("url", rec.get("url") or ""), ("urldate", url_date(rec)),
               ("abstract", in_lang(rec, "abstract", lang))]
    fields += [("translatedabstract", a) for _, a in others(rec, "abstract", lang)[:1]]
    fields.append(("keywords", keyword_list(all_keywords(rec, lang))))
    fund = funding_note(rec)
    # the classification as Zotero keeps it in Extra (which its BibTeX writes as note and reads
    # back from it): CLC: R445; R734.2; BibTeX's funding after it
    # and the Web of Science accession, ``Web of Science ID: WOS:…``, as Zotero's import keeps it there
    note = [classification_note(rec), wos_note(rec)] + ([] if biblatex else [fund])
    fields.append(("note", ". ".join(n for n in note if n)))
    if biblatex:
        fields.append(("funding", fund))
    fields.append(("annote", annote(rec, lang)))
    fields.append(("copyright", extra(rec, "copyright")))   # a publisher's notice moved out of the abstract
    if biblatex:
        fields.append(("langid", LANGIDS.get(lang, "")))
        fields.append(("entrysubtype", BIBLATEX_SUBTYPES.get(kind, "")))
    else:
        fields.append(("language", LANGIDS.get(lang, "")))
        fields.append(("entrysubtype", BIBLATEX_SUBTYPES.get(kind, "") if kind.startswith("article-") else ""))
    if kind == "thesis":
        level, degree = thesis_degree(rec)
        if biblatex:  # @thesis requires type (and institution, above); biblatex localises its keys
            fields.append(("type", BIBLATEX_THESIS_TYPES.get(level, degree)))
        else:  # styles print type instead of "Master's thesis" / "PhD thesis"
            fields.append(("type", degree))
    elif kind == "report" and biblatex:  # @report requires type, as @thesis does (a localised key)
        fields.append(("type", extra(rec, "degree") or "techreport"))
    return fields


def annote(rec: dict, lang: str) -> str:
    """The ``annote``: the abstract's sections (where the abstract does not hold them:
    :func:`.common.sections_note`), then the notes the record came with (a Mendeley or JabRef
    ``annote``, RIS ``N1``, EndNote ``%Z``, CSL's ``note``), a line each as written.  Zotero
    imports ``annote`` as the item's note and JabRef shows it as its comment; ``note`` is the
    funding, which styles print.

    >>> print(annote({"extra": {"notes": ["Read this for chapter 2", "PMID: 1\\ntex.ids: a"]}}, "en"))
    Read this for chapter 2
    PMID: 1
    tex.ids: a
    """
    notes = [sections_note(rec, lang)] + [str(n) for n in (rec.get("extra") or {}).get("notes", [])]
    return "\n".join(line.strip() for note in notes for line in note.splitlines() if line.strip())


def publisher_field(kind: str, biblatex: bool) -> str:
    """The field of a record's publisher: a thesis's university is biblatex's ``institution``
    and BibTeX's ``school``; a report's institution is ``institution`` in both (BibTeX's
    @techreport and biblatex's @report have no publisher: their styles would not print it).

    >>> publisher_field("thesis", False), publisher_field("report", True), publisher_field("book", True)
    ('school', 'institution', 'publisher')
    """
    if kind == "thesis":
        return "institution" if biblatex else "school"
    return "institution" if kind == "report" else "publisher"


def url_date(rec: dict) -> str:
    """The date a page was read (:func:`.common.accessed_parts`) as biblatex's ``urldate`` (ISO
    8601, which biblatex requires), as far as it is written in numbers; "" when it is none
    (natbib and biblatex-gb7714-2015 print it; BibTeX's styles skip a field they do not know).

    >>> url_date({"extra": {"accessed": "2024/1/2"}}), url_date({"extra": {"accessed": "2014-06 (viewed)"}})
    ('2024-01-02', '2014-06')
    """
    return iso_date(accessed_parts(rec))


def month_macro(parts: list[int]) -> str:
    """The month of a date (year, month, day) as BibTeX's macro (``mar``: every style defines
    them and prints the month's name; biblatex reads them as the number), written unbraced;
    "" for a year alone.

    >>> month_macro([2020, 3, 15]), month_macro([2021, 12]), month_macro([2019])
    ('mar', 'dec', '')
    """
    return month_abbreviation(parts[1]).lower() if len(parts) > 1 else ""


def iso_date(parts: list[int]) -> str:
    """A date (year, month, day) as biblatex's ``date`` (ISO 8601), as far as it goes.

    >>> iso_date([2020, 3, 15]), iso_date([2021, 1]), iso_date([2019]), iso_date([])
    ('2020-03-15', '2021-01', '2019', '')
    """
    return "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts))


def entry(rec: dict, key: str, lang: str | None = None, biblatex: bool = False) -> str:
    names = authors_in(rec, lang)
    lang = main_lang(rec, lang)
    kind = (BIBLATEX_TYPES if biblatex else BIBTEX_TYPES).get(rec.get("type") or "", "misc")
    if kind == "phdthesis" and thesis_degree(rec)[0] == "master":  # as Zotero: phdthesis unless a master's
        kind = "mastersthesis"
    lines = [f"@{kind}{{{key},"]
    fields = _fields(rec, lang, biblatex, names)
    for name, value in fields + kept_fields(rec, {name for name, _ in fields}):
        if not str(value).strip():
            continue
        if name == "month":   # a macro (``mar``): in braces a style would print it as written
            lines.append(f"  month = {value},")
            continue
        text = value if name in ("author", "editor", "translator", "holder") or isinstance(value, Verbatim) \
            else escape(value, paragraphs=name in _PARAGRAPHS).replace("\x00", "--")
        if name == "annote":   # its lines kept as lines (a newline is a space to BibTeX)
            text = "\n".join(escape(line) for line in value.splitlines() if line.strip())
        if name in ("doi", "url"):
            text = verbatim(str(value), url=name == "url")
        elif name in _CASED:
            text = protect_capitals(text)
        lines.append(f"  {name} = {{{text}}},")
    lines.append("}")
    return "\n".join(lines)


# Fields whose line breaks are paragraphs (an abstract's: "Background…\nMethods…"), written as
# blank lines and read back as line breaks (readers.bibtex.paragraphs); elsewhere a line break is a space.
_PARAGRAPHS = frozenset({"abstract", "translatedabstract"})


class Verbatim(str):
    """A value written as it was read (its LaTeX the field's own), not escaped again."""


def kept_fields(rec: dict, written: set[str]) -> list[tuple[str, str]]:
    """The fields a BibTeX entry came with that the reader kept (``extra.bibtex_fields``: JabRef's
    ``file``, ``groups``, ``owner``, ``timestamp``; ``crossref``, ``archiveprefix`` …) and the
    writer does not write from the record, each value as read: a reference manager's own fields
    as written (:data:`~indexer.readers.bibtex.KEPT_AS_WRITTEN`, unless a brace would not pair),
    the others, read as text, escaped.  A field read more than once is written each time.

    >>> kept_fields({"extra": {"bibtex_fields": {"file": ":C\\\\:/a_b.pdf:PDF", "groups": "R&D",
    ...     "doi": "x", "funding_details": ["NIH", "NSF"]}}}, {"doi"})
    [('file', ':C\\\\:/a_b.pdf:PDF'), ('groups', 'R&D'), ('funding_details', 'NIH'), ('funding_details', 'NSF')]
    """
    kept = (rec.get("extra") or {}).get("bibtex_fields") or {}
    out = []
    for name, values in kept.items() if isinstance(kept, dict) else ():
        if name in written:
            continue
        for value in values if isinstance(values, list) else [values]:
            value = str(value)
            as_written = name in KEPT_AS_WRITTEN and not lone_braces(value)
            out.append((name, Verbatim(value) if as_written else value))
    return out


def write_bibtex(records, out: TextIO, lang: str | None = None, biblatex: bool = False,
                 keys: dict[str, str] | None = None) -> int:
    """``keys``: citation keys by record id (see :func:`.common.with_keys`)."""
    records = list(records)
    keys = with_keys(records, keys)
    for rec in records:
        out.write(entry(rec, keys[rec["id"]], lang, biblatex) + "\n\n")
    return len(records)


def write_biblatex(records, out: TextIO, lang: str | None = None, keys: dict[str, str] | None = None) -> int:
    return write_bibtex(records, out, lang, biblatex=True, keys=keys)
