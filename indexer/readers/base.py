"""The reader interface and registry: one small reader per format, found by name, alias, suffix or content."""
from __future__ import annotations

import re
import unicodedata
from typing import Callable, Iterator, Protocol

from ..charsets import BIDI_CONTROLS, INVISIBLE, JOINERS, drop_invisible
from ..errors import UnknownFormat
from ..fields.biblio import PAGE_DASHES
from ..record import Failure, Record
from .decode import TextFile


class Reader(Protocol):
    name: str
    aliases: tuple[str, ...]
    suffixes: tuple[str, ...]

    def sniff(self, head: str) -> float:
        """Confidence 0..1 that a file starting with ``head`` is in this reader's format."""

    def read(self, source: TextFile) -> Iterator[Record | Failure]:
        """Records (or failures with their raw text and line) in file order, one at a time:
        read ``numbered_lines(source)`` (or ``source.binary()``), never the whole file into records."""


# The types whose Subsidiary Author (EndNote's %?, NoteExpress's {Subsidiary Author}) EndNote
# calls Translator (its Book, Book Section, Journal Article): kept in ``extra.translator``, as
# RIS's A4 is, and written back there; another type's stays a subsidiary author.
TRANSLATED_TYPES = ("book", "chapter", "article-journal")
# The types whose host has an editor, not a translator (a conference paper's proceedings, a
# yearbook's or encyclopedia's entry): CNKI's Subsidiary Author there (%?, NoteExpress's
# {Subsidiary Author}; Zotero's CNKI import: its organizer, 中国药学会) is the host's responsible
# body, which CNKI's cite box gives after "//" (…[C]//中国地方志指导小组.第五届…论文集): its editor.
HOSTED_TYPES = ("paper-conference", "entry", "entry-encyclopedia", "entry-dictionary")


def subsidiary_author_key(csl: str, other: str = "subsidiary_author") -> str:
    """The raw key of a record's Subsidiary Author (EndNote's ``%?``, NoteExpress's
    ``{Subsidiary Author}``) by its CSL type: a translator (:data:`TRANSLATED_TYPES`), the
    host's editor (:data:`HOSTED_TYPES`), else ``other``.

    >>> subsidiary_author_key("book"), subsidiary_author_key("paper-conference"), subsidiary_author_key("patent", "assignee")
    ('translator', 'editor', 'assignee')
    """
    return "translator" if csl in TRANSLATED_TYPES else "editor" if csl in HOSTED_TYPES else other


# The first line of a record (or file) in each format we read: a line like this inside a file
# of another format is another export pasted in, not the continuation of a field.  "xml" is
# EndNote's or PubMed's; a CSV header is a test, not a pattern (START_TESTS).  FOREIGN_START
# says whether a line starts one (on every line: no named groups), _WHICH_START which.
# A Web of Science record starts with its publication type, one letter: J journal, B book, S
# series, P patent (not MEDLINE's "PT  - Journal Article").
WOS_RECORD_START = r"PT [A-Z]\s*$"
RECORD_STARTS = {
    "ris": r"TY {1,2}- ",
    "medline": r"PMID- ?\d|OWN - ERIC\s*$",   # (ERIC records have no PMID)
    "wos": WOS_RECORD_START + r"|FN (?:Clarivate|Thomson|ISI)\b",
    "bibtex": r"\s*@\s*[A-Za-z]+\s*[{(]",
    "xml": r"\s*<\?xml\b|\s*<(?:xml|records|PubmedArticleSet|PubmedArticle)\b",
    "csl-json": r"\s*\[\s*$|\s*(?:\[\s*)?\{\s*\"(?:id|type|title|author|issued)\"\s*:",   # (one \s* run at a time: linear)
    "noteexpress": r"\{(?:Reference Type|文献类型)\}\s*[:：]",
    "estudy": r"(?:DataType|SrcDatabase-来源库)\s*[:：]",
    "refworks": r"Refworks Export Tagged Format|RT [A-Z][a-z]+(?:(?: |/|, )[A-Z][a-z]+)*\s*$",  # RT Book, Section
    "refer": r"%[0AT] ",   # EndNote's %0 type; classic refer opens with an author or a title
}
_STARTS = list(RECORD_STARTS)
FOREIGN_START = re.compile("|".join(f"(?:{pattern})" for pattern in RECORD_STARTS.values()))
_WHICH_START = re.compile("|".join(f"(?P<f{i}>{pattern})" for i, pattern in enumerate(RECORD_STARTS.values())))
_XML_ROOT = re.compile(r"<(xml|records|PubmedArticleSet|PubmedArticle|PubmedBookArticle)\b")


# Starts no pattern can say: format → test of a line (a CSV header, registered by its reader).
START_TESTS: dict[str, Callable[[str], bool]] = {}


def export_starting(head: str) -> str | None:
    """The format whose record (or file) starts ``head``'s first line, if any.

    >>> export_starting("PMID- 123\\nTI  - x"), export_starting('<?xml version="1.0"?>\\n<xml><records>')
    ('medline', 'endnote-xml')
    """
    first = head.split("\n", 1)[0]
    m = _WHICH_START.match(first)
    if m is None:
        return next((fmt for fmt, test in START_TESTS.items() if test(first)), None)
    fmt = _STARTS[int(m.lastgroup[1:])]
    if fmt == "xml":
        root = _XML_ROOT.search(head)
        return None if root is None else "endnote-xml" if root.group(1) in ("xml", "records") else "pubmed-xml"
    return fmt


def in_other_export(line: str, ours: bool, starts_ours: bool, inside: bool, fmt: str) -> bool:
    """Whether ``line`` belongs to another export pasted into a file of format ``fmt``: it
    starts a record of another format (and is not a line of ours: ``ours``), or follows one
    (``inside``) up to a line that starts one of our records (``starts_ours``)."""
    if starts_ours:
        return False
    return inside or (not ours and starts_record(line, but_not=fmt))


def starts_record(line: str, but_not: str | None = None) -> bool:
    """Whether ``line`` starts a record (or the file) of some format we read other than
    ``but_not``."""
    if _starts_but(but_not).match(line) is not None:
        return True
    for fmt, test in START_TESTS.items():  # (a loop: this runs on every line of a tagged export)
        if fmt != but_not and test(line):
            return True
    return False


_STARTS_BUT: dict[str | None, re.Pattern] = {None: FOREIGN_START}


def _starts_but(fmt: str | None) -> re.Pattern:
    """FOREIGN_START without ``fmt``'s own start (a classic refer record's %A line is refer's;
    EndNote's and PubMed's XML share the "xml" start)."""
    if fmt not in _STARTS_BUT:
        own = "xml" if fmt in ("endnote-xml", "pubmed-xml") else fmt
        _STARTS_BUT[fmt] = re.compile("|".join(f"(?:{p})" for f, p in RECORD_STARTS.items() if f != own))
    return _STARTS_BUT[fmt]


# The first line of an export joined onto the last line of the one before it (``cat a b`` where
# ``a`` has no final newline, as many exports end): "ER  - TY  - JOUR", "EFFN Clarivate …",
# "DS CNKIRT Journal Article", "2020.@article{key,", "pages={29}}@article{…".  Stricter than
# RECORD_STARTS: the whole rest of the line, right after text (not a space: "… CT and RT
# Planning" is a title), and the reference types of RefWorks and EndNote spelled out.  Looked
# for in a line's last characters.
_GLUED_TAIL = re.compile(
    r"(?:TY {1,2}- [A-Z]{2,8}"
    r"|PMID- ?\d+|OWN - ERIC"
    r"|FN (?:Clarivate|Thomson|ISI)\b.*"
    r"|RT (?:(?:Journal|Newspaper|Magazine|Other) Article|Conference Proceedings|Dissertation(?:/Thesis)?"
    r"|Book, (?:Section|Whole)|Standard|Patent|Report|Generic|Monograph|Web Page)"
    r"|%0 [A-Z][a-z]+(?: (?:[A-Z][a-z]+|or|and))*"
    r"|\{(?:Reference Type|文献类型)\}\s*[:：].*"
    r"|(?:DataType|SrcDatabase-来源库)\s*[:：].*"
    r"|@\s*[A-Za-z]+\s*[{(][^\s,{}()]*,"
    r")\s*$")  # (no look-behind: it would cost the search its fast scan for a first letter)
GLUED_TAIL_CHARS = 120
# A BibTeX entry right after the last one, or after text when its type is one of BibTeX's own
# (one-line entries: "… DS CNKI@article{k, title={…}}").
_GLUED_ENTRY = re.compile(r"(?<=\})\s*@\s*[A-Za-z]+\s*[{(]|(?<=\S)@(?:article|book|inbook|incollection|inproceedings"
                          r"|conference|proceedings|phdthesis|mastersthesis|techreport|misc|unpublished|online)\{[^\s,{}]*,")
# The end of a record or a file, with nothing after it on its line: RIS's ER, WoS's EF, closing
# XML tags, the brace closing a BibTeX entry.
_ENDING = re.compile(r"ER {1,2}- ?|EF|(?:\s*</[\w:.-]+\s*>)+\s*|\s*\}\s*")


def glued_at(line: str, start: int = 0) -> int:
    """Where another export's first line starts inside ``line`` (after ``start``, the start of
    the part of it still to read), joined onto it, or 0: at a byte-order mark (a file's first
    character), an XML declaration, a BibTeX entry right after another, a first line of a
    tagged export (_GLUED_TAIL) ending the line right after text, or any record start right
    after the end of a record (_ENDING: "ER  - TY  - JOUR").  This runs on every line: a line
    that can hold none of them is told cheaply first.

    >>> glued_at("ER  - TY  - JOUR"), glued_at("DS CNKIRT Journal Article"), glued_at("TI  - CT and RT Planning")
    (6, 7, 0)
    >>> glued_at("</records></xml>Title,Authors,Year"), glued_at("EFFECTS of drought"), glued_at("TI  - RT Report")
    (16, 0, 0)
    """
    tail = _GLUED_TAIL.search(line, max(start + 1, len(line) - GLUED_TAIL_CHARS))
    first = line[start:start + 1]
    ending = _ENDING.match(line, start) if first in "E<}" or first.isspace() else None
    if tail is None and ending is None and "\ufeff" not in line and "<?" not in line and "@" not in line:
        return 0
    at = len(line)
    for found in (_joining_bom(line, start), line.find("<?xml", start + 1)):
        if 0 < found < at:
            at = found
    while tail is not None and tail.start() < at:
        if not line[tail.start() - 1].isspace():
            at = tail.start()
            break
        tail = _GLUED_TAIL.search(line, tail.start() + 1)
    if "@" in line:
        m = _GLUED_ENTRY.search(line, start + 1, at)
        if m:
            at = m.start()
    if ending and ending.end() < at and starts_record(line[ending.end():]):
        at = ending.end()
    return at if at < len(line) else 0


def _joining_bom(line: str, start: int) -> int:
    """Where a byte-order mark inside ``line`` starts another file (``cat a b``, ``a`` with no
    final newline), or -1: right after a record's end or before a record's start; a mark
    anywhere else is no join (it is dropped, as by :func:`numbered_lines`).

    >>> _joining_bom("ER  - \ufeffTY  - JOUR", 0), _joining_bom("一文的更正,,\ufeff上海对外经贸大学学报,2015", 0)
    (6, -1)
    """
    found = line.find("\ufeff", start + 1)
    while found > 0:
        if _ENDING.fullmatch(line, start, found) or starts_record(line[found + 1:].lstrip("\ufeff")):
            return found
        found = line.find("\ufeff", found + 1)
    return -1


# Spaces other than ASCII's that a tag line may come with (a no-break space after "TI", left by
# a word processor or a web page the export was copied from): read as spaces in a tag's
# separator ("TI\u00a0 - ", "PMID-\u00a0", WoS's "TI\u00a0", refer's "%T\u00a0") and in a line's
# indent, so that every reader, and the sniffing of formats, reads the line as it reads one
# with ASCII spaces.  Elsewhere in a value they stay for the repairs (normalize_whitespace),
# which mojibake repair comes before: UTF-8 read as Windows-1252 holds U+00A0, never after an
# ASCII tag.  The ideographic space U+3000 is a character of Chinese text, and stays.
UNICODE_SPACES = "\u00a0\u1680\u2000-\u200a\u202f\u205f"
_TAG_SEPARATOR = re.compile(rf"(?:%[!-~]|[A-Za-z][A-Za-z0-9]{{1,3}})(?P<sep>[ {UNICODE_SPACES}]*-?[ {UNICODE_SPACES}]+)"
                            rf"|(?P<indent>[ \t{UNICODE_SPACES}]+)")
_UNICODE_SPACE = re.compile(f"[{UNICODE_SPACES}]")
# Invisible format characters (charsets.INVISIBLE: a zero width space, a word joiner …) are
# dropped from a line before its tag is read ("\u200bAU  - " is an author line, "\u200b作者：" a
# label), and inside it (a DOI, a volume, a name).  A line keeps its U+FEFF but at its start (a
# byte-order mark inside a line is where another file was joined on: glued_at), and a soft
# hyphen after a character of Windows-1252's upper half: U+00AD is also the byte AD of UTF-8
# read as Windows-1252 ("ä¸\u00ad" for 中), which fix_mojibake repairs (normalize_whitespace
# drops what is left after it); such a byte follows another of the character's bytes, never an
# ASCII character, a Chinese one or the start of a line.
_LEADING_INVISIBLE = re.compile(f"^[{INVISIBLE}{JOINERS}{BIDI_CONTROLS}]+")
KEPT_IN_LINES = "\u00ad\ufeff"
_CP1252_UPPER = "\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a" \
                "\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
_SOFT_HYPHEN_NOT_MOJIBAKE = re.compile(f"(?<![{_CP1252_UPPER}])\u00ad")


def plain_line(line: str) -> str:
    """A line as the readers read it: a tag's separator and the line's indent in ASCII spaces
    (see :data:`UNICODE_SPACES`), invisible format characters dropped (see :data:`KEPT_IN_LINES`).

    >>> plain_line("TI\u00a0 - Gastric cancer"), plain_line("PMID-\u00a0123"), plain_line("\u00a0\u00a0 wrapped")
    ('TI  - Gastric cancer', 'PMID- 123', '   wrapped')
    >>> plain_line("19.8\u00a0±\u00a00.9 Gy"), plain_line("%T\u2009Title\u00a0here")
    ('19.8\xa0±\xa00.9 Gy', '%T Title\xa0here')
    >>> plain_line("\u200bAU  - Volckaert, V."), plain_line("DO  - 10.1016/j.jcp.2021.01.001\u200b")
    ('AU  - Volckaert, V.', 'DO  - 10.1016/j.jcp.2021.01.001')
    >>> plain_line("{Journa\u00adl}: 测绘科\u00ad学"), plain_line("TI  - è¯\u00adè¨€") == "TI  - è¯\u00adè¨€"
    ('{Journal}: 测绘科学', True)
    """
    if line.isascii():
        return line
    line = drop_invisible(_LEADING_INVISIBLE.sub("", line), keep=KEPT_IN_LINES)
    if "\u00ad" in line:
        line = _SOFT_HYPHEN_NOT_MOJIBAKE.sub("", line)
    m = _TAG_SEPARATOR.match(line)
    if m is not None:
        sep = m.group("sep") or m.group("indent")
        if not sep.isascii():
            start, end = m.span("sep") if m.group("sep") else m.span("indent")
            line = line[:start] + _UNICODE_SPACE.sub(" ", sep) + line[end:]
    return line


def plain_text(text: str) -> str:
    """:func:`plain_line` on each line of ``text``."""
    if text.isascii():
        return text
    return "\n".join(plain_line(line) for line in text.split("\n"))


class PlainSource:
    """A decoded file (:class:`TextFile`) as the readers read it: its head, lines and text line by
    line as :func:`plain_line` gives them (an XML file's bytes as they are: its parser reads
    them, and the repairs drop what its values hold)."""

    def __init__(self, source: TextFile):
        self._source = source
        self.head = plain_text(source.head)

    def __getattr__(self, name: str):
        return getattr(self._source, name)

    def lines(self) -> Iterator[str]:
        return map(plain_line, self._source.lines())

    def numbered(self) -> Iterator[tuple[int, str]]:
        return ((lineno, plain_line(line)) for lineno, line in self._source.numbered())

    def text(self) -> str:
        return plain_text(self._source.text())

    def binary(self):
        return self._source.binary()


# Each look for a join scans the rest of the line: a line is parted this many times at most
# (a join is of two files; a line of a million "}@a{" stays linear).
MAX_JOINS_PER_LINE = 64


def numbered_lines(source) -> Iterator[tuple[int, str]]:
    """``(line number, line)`` for the lines of ``source``, numbered as an editor numbers them
    (a decoded file's :meth:`~indexer.readers.decode.TextFile.numbered`: a CR alone inside a
    line parts it, both parts under its number); a line with another export's first line
    joined onto it (:func:`glued_at`) comes as two, under the same number."""
    numbered = getattr(source, "numbered", None)
    for lineno, line in numbered() if numbered else enumerate(source.lines(), 1):
        start, at, joins = 0, glued_at(line), 0
        while at and joins < MAX_JOINS_PER_LINE:
            yield lineno, line[start:at]
            start, joins = at, joins + 1
            while line.startswith("\ufeff", start):
                start += 1
            at = glued_at(line, start)
        rest = line[start:] if start else line
        yield lineno, rest.replace("\ufeff", "") if "\ufeff" in rest else rest  # (a mark joining nothing)


# A record needs at least one of these to be a record (a bare type line is not).
CONTENT_KEYS = ("titles", "abstract", "author", "authors", "journal", "doi", "keyword", "keywords")


# The issue of a record the file ends inside, before its end tag (RIS's and Web of Science's ER):
# ingest then keeps what an earlier version of the file held after it.
CUT_SHORT = "the file ends inside this record"


# Raw keys whose value is one line: text after a blank line after one is no part of it.
ONE_LINE_KEYS = frozenset({
    "url", "doi", "year", "date", "volume", "issue", "pages", "page_count", "edition", "number",
    "issn", "isbn", "cn", "classification", "language", "degree", "database", "database_provider", "data_type",
})
# The label of the field :func:`parse_strays` makes of text pasted after a record's last field.
STRAY = "\x00stray"


class NotARecord(Exception):
    """Raised by a reader's ``build`` for a block that is no record (text pasted between two):
    its message is the failure's reason."""


def parse_strays(parse: Callable[[str], tuple | None], one_line: Callable[[tuple], bool],
                 fmt: str) -> Callable[[str], tuple | None]:
    """``parse`` for a file of label lines (NoteExpress, E-Study) read line by line in order,
    which gives a line that is no label line, after a blank line after a field whose value is
    one line (``one_line(field)``: a URL, a DOI, a year), as the field ``(STRAY, that field's
    label, text)``: it continues no value (a note pasted after a record is no part of its DOI),
    so the reader opens a block with it and refuses that block (:func:`refuse_stray`): a failure
    with its raw text and line.  Text after a blank line after any other field (an abstract's or
    an address's next paragraph) still continues it, as do a stray block's own next lines.  A
    line starting another export, and the lines after it, are left to the foreign-export rule.

    >>> parse = parse_strays(lambda l: tuple(l.split(": ", 1)) if ": " in l else None,
    ...                      lambda field: field[0] == "DOI", "noteexpress")
    >>> [parse(l) for l in ("DOI: 10.1/x", "", "pasted note", "", "more of it")]
    [('DOI', '10.1/x'), None, ('\\x00stray', 'DOI', 'pasted note'), None, None]
    >>> [parse(l) for l in ("Abstract: one", "", "two", "DOI: 10.1/y", "wrapped")]
    [('Abstract', 'one'), None, None, ('DOI', '10.1/y'), None]
    """
    before: tuple | None = None  # the last field read, while its value is one line
    gap = False

    def parse_line(line: str) -> tuple | None:
        nonlocal before, gap
        field = parse(line)
        if field is None and line.strip() and before is not None:
            if starts_record(line, but_not=fmt):
                before = None  # another export pasted in: its lines are the reader's foreign ones
            elif gap:
                field = (STRAY, before[0], line.strip())
        if field is not None:
            before = field if field[0] != STRAY and one_line(field) else None
        gap = not line.strip()
        return field

    return parse_line


def refuse_stray(fields: list, fmt: str) -> None:
    """Raise :class:`NotARecord` for a block that :func:`parse_strays`'s stray text opens (with
    whatever follows it up to the next record's start)."""
    if fields and fields[0][0] == STRAY:
        raise NotARecord(f"text outside any {fmt} record (after a blank line, not a field line: pasted in?), "
                         f"not read into the one-line {fields[0][1]} before it")


def build_record(reader, parsed, source, raw_text: str, keep_id_only: bool = False) -> Record | Failure:
    """``reader.build(parsed, source)``, or a failure with the raw text: one broken record never
    stops a file, and a record without title, abstract, author, journal or DOI is reported
    (``keep_id_only``: kept and flagged when it carries the source's own id)."""
    fail = dict(path=source.path, line=source.line, raw=raw_text, format=reader.name, record=source.record)
    try:
        rec = reader.build(parsed, source)
    except NotARecord as e:
        return Failure(reason=str(e), **fail)
    except Exception as e:  # one broken record never stops the file
        return Failure(reason=f"cannot parse record: {type(e).__name__}: {e}", **fail)
    rec.raw_text = raw_text
    # An exported record with its id but nothing else (a PDF whose metadata was never
    # extracted) is still a record of the export: kept, flagged.
    return kept_or_failed(rec, source, raw_text, reader.name, "record has no title, abstract, author, journal or DOI",
                          identified=keep_id_only and bool(rec.source.source_id), keys=CONTENT_KEYS)


def _visible(value) -> bool:
    """Whether a raw value (``(text, line)``, or the text) holds a character that is no control
    character, invisible format character or space: a title of control bytes alone, which the
    cleaner drops, is no title.

    >>> _visible(("\\x01\\x02 \\u200b", 3)), _visible(("前锯肌", 3)), _visible("x")
    (False, True, True)
    """
    text = value[0] if isinstance(value, tuple) else value
    if not isinstance(text, str):
        return bool(text)
    return any(not c.isspace() and unicodedata.category(c) not in ("Cc", "Cf") for c in text)


def kept_or_failed(rec: Record, source, raw_text: str, fmt: str, reason: str, identified: bool,
                   keys=("titles", "abstract", "author", "journal", "doi")) -> Record | Failure:
    """``rec`` when it has any of ``keys`` (a title, abstract, author, journal or DOI); kept and
    flagged when it has none but is ``identified`` (its id in the export, or its PMID: still a
    record of the file, as our export writes one); otherwise a failure for ``reason``.  What
    identifies a record is each reader's: a BibTeX entry's key is every entry's, so there its PMID."""
    if any(_visible(v) for k in keys for v in rec.raw.get(k) or ()):
        return rec
    if identified:
        rec.issues.append(f"{source.path}:{source.line}: record has no title, abstract, author, journal or DOI")
        return rec
    return Failure(path=source.path, line=source.line, reason=reason, raw=raw_text, format=fmt, record=source.record)


def paired_affiliations(names: list[str], lines: list[list[str]]) -> list[dict] | None:
    """Whose affiliations are whose where an export writes an address line an author
    (Wanfang's NoteExpress ``{Author Address}``, EndNote's ``%+``): with as many lines as
    authors, and the lines not all the same (those are everyone's, one affiliation), the
    n-th line's institutions are the n-th author's (``extra["author_affiliations"]``).

    >>> paired_affiliations(["许雅琼", "张银萍"], [["西安交通大学医学部公共卫生学院", "第二附属医院"], ["西安交通大学医学部"]])
    [{'author': '许雅琼', 'affiliations': ['西安交通大学医学部公共卫生学院', '第二附属医院']}, {'author': '张银萍', 'affiliations': ['西安交通大学医学部']}]
    >>> paired_affiliations(["A", "B"], [["X"], ["X"]]), paired_affiliations(["A", "B", "C"], [["X"], ["Y"]])
    (None, None)
    """
    if len(names) < 2 or len(names) != len(lines) or all(line == lines[0] for line in lines):
        return None
    return [{"author": name, "affiliations": line} for name, line in zip(names, lines) if line]


REGISTRY: dict[str, Reader] = {}


# A dash that the pipeline and the exports read as a page range's.
_RANGE_DASH = re.compile(f"[{PAGE_DASHES}]")


def cited_article_number(numbers: list[tuple]) -> list[tuple]:
    """The article numbers (``(value, line)``) that an article with no pages is cited by, as
    its pages: one with a dash (ASM's ``e02132-20``) would be read as a page range (e02132 to
    20), so it is no pages and stays the article number alone (``extra.article_number``).

    >>> cited_article_number([("e0245", 3)]), cited_article_number([("e02132-20", 3)])
    ([('e0245', 3)], [])
    """
    return [(v, line) for v, line in numbers if not _RANGE_DASH.search(str(v))]


def register(reader: Reader) -> Reader:
    REGISTRY[reader.name] = reader
    return reader


def known_formats() -> list[str]:
    return sorted(REGISTRY)


# The end of a Google Scholar result's grey line: "…, 2022 - Springer", "… - 2019 - springer.com"
_GREY_TAIL = r"(?:1[5-9]|20)\d\d - [\w.-]+(?:\.[a-z]{2,})?"

# Lists of search results copied from a site (no format: a list of hits, each a title and a
# snippet), told by lines only such a list shows, whole: the site, and what gives its records.
RESULT_PAGES = (
    ("a Google Scholar results page", "use each result's Cite link (BibTeX, RefMan for RIS, or EndNote) and read "
     "the file it gives", re.compile(r"Google Scholar|Google 学术|谷歌学术|"
                                     r"(?:Save|保存)\s+(?:Cite|引用)\s+(?:Cited by \d+|被引用次数：?\s*\d+).*|"
                                     # a result's link to its full text, and its grey line: names - source, year - host
                                     # (the names up to the first " - " when a source is given, taken once: any
                                     # " - " tried with any ", " after it made a long line quadratic, 64 KB 8 s)
                                     r"\[(?:PDF|HTML|DOC|PS)\] [\w.-]+\.[a-z]{2,}|"
                                     rf".+ - {_GREY_TAIL}|(?>.+? - ).+, {_GREY_TAIL}|"
                                     r"Related articles(?:\s+All \d+ versions)?|"
                                     r"(?:Any time|Since \d{4}|Sort by relevance|Sort by date)")),
    # CNKI's results (its search's scope, its count, its toolbar, its table's header row)
    ("a CNKI results list", "tick the results and export them (导出与分析 > 导出文献: RefWorks, EndNote or "
     "NoteExpress) and read that file", re.compile(r"检索范围\s*[:：].*|共找到\s*[\d,]+\s*条(?:结果)?|"
                                                 r"全选\s+已选\s*[:：]\s*\d+.*|"
                                                 r"(?:序号\s+)?题名\s+作者\s+来源\s+发表时间\s+数据库.*")),
    # Baidu Xueshu's (its count, its sort, a result's grey line: names - 《journal》 - 被引量: 23 - 2021年,
    # its buttons with 批量引用)
    ("a Baidu Xueshu results list", "use each result's 引用 button, or 批量引用, to export them (BibTeX, RefMan "
     "for RIS, or EndNote) and read that file", re.compile(r"找到约?\s*[\d,]+\s*条相关结果|按(?:相关性|被引量|时间降序)|"
                                                          r".+ - 《[^《》]+》 - 被引量[:：]\s*\d+ - \d{4}年?|"
                                                          r"(?:\S+\s+)*批量引用(?:\s+\S+)*")),
)
# How many such lines tell a list (a page quoting the site's name once is none).
_RESULT_LINES = 2


def results_page(head: str) -> str | None:
    """Why a file of no known format is no export, when it is a site's list of search results
    copied from the browser (:data:`RESULT_PAGES`): what it is, and what gives its records.

    >>> results_page("Google Scholar\\nArticles\\nTitle\\nSave Cite Cited by 12 Related articles All 3 versions")[:30]
    'a Google Scholar results page:'
    >>> results_page("Google Scholar\\nSome notes about it") is None
    True
    >>> results_page("[PDF] springer.com\\nTitle\\nW Zhang, N Li - European Spine Journal, 2022 - Springer")[:30]
    'a Google Scholar results page:'
    >>> results_page("检索范围：总库  主题：肺结节\\n共找到 1,234 条结果")[:21]
    'a CNKI results list: '
    >>> results_page("找到约1,230条相关结果\\n按相关性\\n题名")[:28]
    'a Baidu Xueshu results list:'
    """
    lines = [" ".join(line.split()) for line in head.splitlines()]
    for what, instead, marker in RESULT_PAGES:
        if sum(1 for line in lines if marker.fullmatch(line)) >= _RESULT_LINES:
            return f"{what}: {instead} (a list of results is no record; --format would not help)"
    return None


# Exports of reference managers not read, told by their root element, and what to export
# instead.  NoteFirst's XML (<NoteFirst><Bibliographies><Bibliography>…), which CNKI and Wanfang
# offer beside their NoteExpress, EndNote and RefWorks exports: no published description of
# its elements could be found to read it by.
UNREAD_EXPORTS = (
    ("NoteFirst XML (CNKI's and Wanfang's NoteFirst export)",
     "export the records as NoteExpress, EndNote or RefWorks instead, which are read",
     re.compile(r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<NoteFirst[\s>/]", re.S)),
)


def unread_export(head: str) -> str | None:
    """Why a file of no known format is not read, when it is an export of a tool whose format
    is not read (:data:`UNREAD_EXPORTS`): what it is, and what to export instead.

    >>> unread_export('<?xml version="1.0" encoding="utf-8"?>\\n<NoteFirst xmlns:xsi="…">\\n<Bibliographies>')[:40]
    "NoteFirst XML (CNKI's and Wanfang's Note"
    >>> unread_export("<xml><records><record>") is None
    True
    """
    for what, instead, marker in UNREAD_EXPORTS:
        if marker.match(head):
            return f"{what} is not read: {instead} (--format would not help)"
    return None


def find_reader(name: str) -> Reader:
    key = name.strip().lower()
    for reader in REGISTRY.values():
        if key == reader.name or key in reader.aliases:
            return reader
    import difflib   # a slip (``rsi``) is named with the format meant, not only among 18

    names = [n for reader in REGISTRY.values() for n in (reader.name, *reader.aliases)]
    near = difflib.get_close_matches(key, names, n=1, cutoff=0.6)
    hint = f" (did you mean {near[0]}?)" if near else ""
    raise UnknownFormat(f"unknown format {name!r}{hint}; known formats: {', '.join(known_formats())}")


def sniff_reader(head: str, path: str) -> Reader | None:
    """The reader of the export the file opens with, when its first line starts a record and
    that reader recognises the head (another export may follow: ``cat a b``); else the reader
    most confident about the head, the file suffix breaking ties."""
    opening = REGISTRY.get(export_starting(head) or "")
    if opening is not None and opening.sniff(_own_part(head, opening.name)) >= 0.3:
        return opening
    best, best_score = None, 0.0
    lower = path.lower()
    for reader in REGISTRY.values():
        score = reader.sniff(head)
        if score and any(lower.endswith(s) for s in reader.suffixes):
            score += 0.05
        if score > best_score:
            best, best_score = reader, score
    if best_score < 0.3:
        first = _first_export(head)
        return sniff_reader(first, path) if first != head else None
    return best


def _own_part(head: str, fmt: str) -> str:
    """``head`` up to the first line after its first that starts a record of another format:
    the opening export is judged on its own lines, not on a longer export joined after it."""
    lines = head.split("\n")
    cut = next((i for i, line in enumerate(lines) if i and starts_record(line, but_not=fmt)), len(lines))
    return "\n".join(lines[:cut])


def _first_export(head: str) -> str:
    """``head`` up to where another export is joined onto one of its lines (:func:`glued_at`):
    a short export glued to a longer one is told by its own lines."""
    lines = head.split("\n")
    for i, line in enumerate(lines):
        at = glued_at(line)
        if at:
            return "\n".join(lines[:i] + [line[:at]])
    return head
