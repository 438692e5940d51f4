"""Streaming XML for the XML readers: one record element at a time, with its lines.

The file is fed line by line to the standard library's pull parser (expat): no DTD or
external entity is fetched, and expat (2.4+) refuses entity-expansion bombs.  Each record
element is handed over when it ends and then cleared, so memory stays flat.  A parse
error is one failure naming its line, holding the broken record's text; the records
before and after it are read.  Text outside every record element (another export's
records pasted in, ``<record>``s in a PubMed file) is a failure with its lines, not
skipped.

The bytes are fed as they are when the file is UTF-8 or in the encoding its declaration
names.  A file saved again in another encoding with its declaration kept (Windows Notepad's
"Unicode" or "ANSI" save keeps ``encoding="UTF-8"``) is fed as the text the project's
decoder reads (its byte-order mark, or the encoding found from its content), in UTF-8.
"""
from __future__ import annotations

import codecs
import functools
import re
import xml.etree.ElementTree as ET
import xml.parsers.expat
from typing import Iterator

from ..charsets import scripted
from ..record import Failure, Source
from .base import build_record


def local(tag: str) -> str:
    """The tag name without its namespace."""
    return tag.rsplit("}", 1)[-1]


def text_of(el: ET.Element | None) -> str:
    """All text inside an element, its inline markup (<i>, <b>, <u>) flattened; a ``<sup>``
    or ``<sub>`` in Unicode super- or subscript when every character has a form, as HTML's
    are (:func:`indexer.repair.text.flatten_markup`): flattened, ``10<sup>6</sup>`` read 106.

    >>> text_of(ET.fromstring("<t>10<sup>6</sup> copies of <i>Ca<sup>2+</sup></i>, D<sub>3</sub>, V<sub>max</sub></t>"))
    '10⁶ copies of Ca²⁺, D₃, Vmax'
    >>> text_of(ET.fromstring("<t>a fast-acting β\\n\\t\\t<sub>2</sub>-agonist, mm <sup>3</sup></t>"))
    'a fast-acting β₂-agonist, mm ³'
    """
    if el is None:
        return ""
    return squashed("".join(_runs(el)))


def _runs(el: ET.Element) -> Iterator[str]:
    """The text of ``el`` and of what it holds, in order (:func:`text_of`)."""
    before = el.text or ""
    for child in el:
        tag = local(child.tag)
        if tag in ("sup", "sub"):
            if "\n" in before[len(before.rstrip()):]:
                # a pretty-printed file's line break and indent before it (β, a new line, <sub>2</sub>):
                # layout, not a space in the text (β₂-agonist)
                before = before.rstrip()
            yield before
            yield scripted("".join(child.itertext()), tag == "sup")
        else:
            yield before
            yield from _runs(child)
        before = child.tail or ""
    yield before


def squashed(text: str) -> str:
    """``text`` with each run of white space one space, and none at its ends."""
    return re.sub(r"\s+", " ", text).strip()


def _decoded(line: bytes) -> str:
    return line.decode("utf-8", errors="replace")


_DECLARED_ENCODING = re.compile(r"""(<\?xml\b[^>]*?\bencoding\s*=\s*)(["'])([^"']*)\2""")
_DECLARED_BYTES = re.compile(_DECLARED_ENCODING.pattern.encode())

# Declarations the bytes prove wrong when the decoder read them otherwise: no UTF-8 or ASCII
# file decodes as anything else, and no declaration holds for a file with a byte-order mark.
# A legacy encoding named (ISO-8859-1, windows-1251) is taken at its word, as expat reads it;
# a Chinese one expat cannot read (multi-byte), as the decoder reads the same family.
_WRONG_WHEN_DECODED_OTHERWISE = ("utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
                                 "utf-32-be", "ascii")
_CHINESE_FAMILIES = ({"gb2312", "gbk", "gb18030"}, {"big5", "cp950", "big5hkscs"})


def _declared_encoding(head: str) -> str | None:
    """The codec of the encoding an XML declaration opening ``head`` names (None: none named,
    or one Python does not know)."""
    m = _DECLARED_ENCODING.match(head.lstrip())
    try:
        return codecs.lookup(m.group(3)).name if m else None
    except LookupError:
        return None


@functools.lru_cache(maxsize=None)
def _expat_reads(codec: str) -> bool:
    """Whether expat reads bytes in ``codec`` itself: a single-byte encoding, not a multi-byte
    one (Shift_JIS, EUC-JP, EUC-KR, GBK, Big5: "multi-byte encodings are not supported")."""
    try:
        xml.parsers.expat.ParserCreate().Parse(f'<?xml version="1.0" encoding="{codec}"?><a/>'.encode(), True)
    except (ValueError, LookupError, xml.parsers.expat.ExpatError):
        return False
    return True


def _read_as_decoded(source) -> bool:
    """Whether ``source`` is fed to expat as the text the project's decoder read, not as its
    bytes: when that text is not UTF-8 and the file's declaration does not name the encoding
    it was read in (the declaration was kept when the file was saved again in another), and
    whenever the declaration names one expat cannot read (a multi-byte one: Shift_JIS, EUC-JP,
    EUC-KR; a UTF-8 file whose declaration says gb2312, as Notepad's save as UTF-8 keeps it).

    A file with a byte-order mark (or UTF-16 without one) is read as that; a UTF-8 file,
    and one whose declaration names a legacy single-byte encoding, as their bytes (expat reads them)."""
    encoding = source.encoding
    if encoding.startswith(("utf-16", "utf-32")):
        return True
    declared = _declared_encoding(source.head)
    if encoding in ("utf-8", "utf-8-sig"):
        return declared is not None and declared not in _WRONG_WHEN_DECODED_OTHERWISE and not _expat_reads(declared)
    if declared is None or declared in _WRONG_WHEN_DECODED_OTHERWISE or not _expat_reads(declared):
        return True
    legacy = encoding.rpartition("/")[2]  # of a file of mixed lines, the encoding of those not UTF-8
    return any(declared in family and legacy in family for family in _CHINESE_FAMILIES)


def _decoded_lines(source) -> Iterator[bytes]:
    """The file's lines as the decoder read them, in UTF-8 (:func:`_read_as_decoded`)."""
    for line in source.lines():
        yield (line + "\n").encode("utf-8")


def _as_utf8(line: bytes) -> bytes:
    """A line of text read as decoded, for expat: an XML declaration on it names UTF-8, the
    encoding fed (the declaration stays as it was in the raw text kept)."""
    return _DECLARED_BYTES.sub(rb"\1\2UTF-8\2", line) if b"<?xml" in line else line


def _new_parser(resumed: bool = False) -> ET.XMLPullParser:
    parser = ET.XMLPullParser(events=("start", "end"))
    if resumed:
        parser.feed(b"<resumed>")  # a root for the records read after a parse error
    return parser


_LONE_CR = re.compile(rb"(?<=\r)(?!\n)")


# Where a file joined onto a line of an XML file starts (``cat a.xml b`` when a.xml has no
# final newline): at another XML declaration, or after the root element's end tag.
_JOINED = re.compile(rb"<\?xml\b|</(?:PubmedArticleSet|PubmedBookArticleSet|xml)\s*>[ \t]*(?=[^<\s])")


def _lines(fh) -> Iterator[tuple[int, bytes]]:
    """``(number, line)`` of the file's lines ending in LF, CRLF or a lone CR (old Mac files),
    as expat counts them, without a UTF-8 byte-order mark at their start (a file joined after
    another: ``cat a b``).  A line with another file joined onto it comes in parts under its
    number (_JOINED), so that the other file reads like one starting on a line of its own."""
    number = 0
    for line in fh:
        for part in _LONE_CR.split(line) if b"\r" in line[:-2] else (line,):
            if not part:
                continue
            number += 1
            at = 0
            for m in _JOINED.finditer(part, 1):
                cut = m.start() if m.group().startswith(b"<?") else m.end()
                if part[at:cut].strip():
                    yield number, _without_bom(part[at:cut])
                    at = cut
            yield number, _without_bom(part[at:])


def _without_bom(line: bytes) -> bytes:
    return line[3:] if line[:3] == codecs.BOM_UTF8 else line


def _where(e: ET.ParseError, offset: int) -> str:
    """expat's message with the line counted in the file, not from where its parser started."""
    line, column = e.position
    return re.sub(r": line \d+, column \d+$", "", str(e)) + f" (line {line + offset}, column {column})"


# The raw text kept of text outside the records (a whole other export, not a whole disk).
OUTSIDE_RAW_LIMIT = 16 * 1024 * 1024


class _Outside:
    """The lines read outside any record element since the last record, and whether any
    element there held text (container tags and the XML declaration hold none)."""

    def __init__(self):
        self.lines: list[tuple[int, str]] = []
        self.size = 0
        self.text = False
        self.reason = ""

    def add(self, lineno: int, line: str) -> None:
        if self.size <= OUTSIDE_RAW_LIMIT:
            self.lines.append((lineno, line))
            self.size += len(line)

    def unparsed(self, reason: str) -> None:
        """The lines never parsed (the file ended first): a failure for ``reason`` if they hold text."""
        if has_text("".join(line for _, line in self.lines)):
            self.text, self.reason = True, reason

    def drop(self, lineno: int) -> None:
        if self.lines and self.lines[-1][0] == lineno:
            self.size -= len(self.lines.pop()[1])

    def ended(self, el: ET.Element) -> None:
        """A non-record element ended outside the records: note its text, then drop it."""
        if (el.text or "").strip() or any((child.tail or "").strip() for child in el):
            self.text = True
        el.clear()

    def failure(self, source, fmt: str, record_tags: set[str]) -> Failure | None:
        """The failure for what was read outside the records, if it held text; then empty."""
        lines, text, reason, cut = self.lines, self.text, self.reason, self.size > OUTSIDE_RAW_LIMIT
        self.__init__()
        if not text:
            return None
        lines = lines[next((i for i, (_, line) in enumerate(lines) if line.strip()), 0):]  # from its first text
        tags = " or ".join(f"<{t}>" for t in sorted(record_tags))
        return Failure(path=source.path, line=lines[0][0], raw="".join(line for _, line in lines).rstrip("\n"),
                       format=fmt, record=None,
                       reason=(reason or f"text outside any {tags} record (another export pasted in?), not read")
                              + (f" (raw text: its first {OUTSIDE_RAW_LIMIT:,} characters)" if cut else ""))


_MARKUP = re.compile(r"<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>|<[^<>]*>", re.S)


def has_text(xml: str) -> bool:
    """Whether ``xml`` holds more than markup (declarations, tags, comments): the header of a
    second XML document joined to the first (``cat a.xml b.xml``) loses nothing."""
    return bool(_MARKUP.sub("", xml).strip())


def iter_records(source, record_tags: set[str], fmt: str) -> Iterator[tuple[ET.Element, int, str] | Failure]:
    """``(element, first line, raw text)`` of each record element, or a Failure.

    A parse error (a bare ``&``, an undefined entity) fails the record it is in: that record
    and the text up to the next record's start tag are one failure with all their lines, and
    reading goes on from there with a new parser.  Elements with text outside every record
    are one failure per stretch between records."""
    opener = re.compile(rb"<(?:[\w.-]+:)?(?:" + b"|".join(re.escape(t.encode()) for t in sorted(record_tags)) +
                        rb")[\s/>]")
    parser = _new_parser()
    depth_stack: list[int] = []
    raw_lines: list[str] = []
    start_line = lineno = offset = 0  # offset: the lines before the current parser's first
    broken: tuple[int, str, list[str]] | None = None  # (first line, reason, lines) of text being skipped
    outside = _Outside()
    decoded = _read_as_decoded(source)
    with source.binary() as fh:
        for lineno, line in _lines(_decoded_lines(source) if decoded else fh):
            if line.lstrip()[:5] == b"<?xml":
                # an XML document (another, joined on: cat a.xml b.xml): read by a parser of its own,
                # after what is left of the one before
                if broken is not None and has_text("".join(broken[2])):
                    yield _skipped(source.path, broken, lineno, fmt)
                elif depth_stack:
                    yield Failure(path=source.path, line=start_line, raw="".join(raw_lines), format=fmt, record=None,
                                  reason=f"record not closed where another XML document starts, line {lineno}")
                if (stray := outside.failure(source, fmt, record_tags)) is not None:
                    yield stray
                broken, parser, depth_stack, raw_lines, offset = None, _new_parser(), [], [], lineno - 1
            if broken is not None:
                m = opener.search(line)
                broken[2].append(_decoded(line[:m.start()] if m else line))
                if not m:
                    continue
                if has_text("".join(broken[2])):
                    yield _skipped(source.path, broken, lineno, fmt)
                broken, parser, depth_stack, raw_lines = None, _new_parser(resumed=True), [], []
                offset = lineno - 1
                line = line[m.start():]
            if depth_stack or not raw_lines:
                raw_lines.append(_decoded(line))
            if not depth_stack:
                outside.add(lineno, _decoded(line))
            try:
                parser.feed(_as_utf8(line) if decoded else line)
                events = list(parser.read_events())
            except ET.ParseError as e:
                outside.drop(lineno)  # the line is the parse error's
                if (stray := outside.failure(source, fmt, record_tags)) is not None:
                    yield stray
                lines = raw_lines if depth_stack else [_decoded(line)]
                broken = (start_line if depth_stack else lineno, f"XML not well-formed: {_where(e, offset)}",
                          list(lines))
                continue
            starts = 0  # record start tags met on this line
            for event, el in events:
                if local(el.tag) not in record_tags:
                    if event == "end" and not depth_stack:
                        outside.ended(el)
                    continue
                if event == "start":
                    starts += 1
                    nested = bool(depth_stack)
                    if nested:
                        # a record start tag inside an open record (neither format nests its records):
                        # the open one lost its end tag, or its start tag came twice.  It is a failure
                        # with its text up to this tag; this record is read, and those after it.
                        cut = _nth_start(opener, line, starts)
                        yield Failure(path=source.path, line=start_line, format=fmt, record=None,
                                      raw="".join(raw_lines[:-1]) + _decoded(line[:cut]),
                                      reason=f"record not closed before the next record starts, line {lineno}")
                        depth_stack, raw_lines = [], [_decoded(line[cut:])]
                    depth_stack.append(lineno)
                    if len(depth_stack) == 1:
                        if (stray := outside.failure(source, fmt, record_tags)) is not None:
                            yield stray
                        start_line = lineno
                        if not nested:
                            raw_lines = [_decoded(line)]
                elif depth_stack:
                    depth_stack.pop()
                    if not depth_stack:
                        yield el, start_line, "".join(raw_lines)
                        el.clear()
                        raw_lines = []
        error = None
        if broken is None:
            try:
                parser.close()
            except ET.ParseError as e:
                error = f"XML ends early: {_where(e, offset)}"
        if error and not depth_stack:
            # the text after the last record never parsed (a declaration or comment left open)
            outside.unparsed(error)
        if (stray := outside.failure(source, fmt, record_tags)) is not None:
            yield stray
        if broken is not None:
            rest = "".join(broken[2])
            if has_text(rest):  # more than the closing tags of the file
                yield Failure(path=source.path, line=broken[0], reason=broken[1], raw=rest.strip("\n"),
                              format=fmt, record=None)
        elif error and depth_stack:  # a record left open: the file was cut short
            yield Failure(path=source.path, line=start_line, reason=error, raw="".join(raw_lines), format=fmt,
                          record=None)


def _nth_start(opener: re.Pattern, line: bytes, n: int) -> int:
    """Where the ``n``-th record start tag on ``line`` begins (its start, or 0 when not found)."""
    for i, m in enumerate(opener.finditer(line), 1):
        if i == n:
            return m.start()
    return 0


def _skipped(path: str, broken: tuple[int, str, list[str]], lineno: int, fmt: str) -> Failure:
    """The failure for text skipped after a parse error, up to where reading goes on."""
    first, reason, lines = broken
    return Failure(path=path, line=first, raw="".join(lines).strip("\n"), reason=f"{reason}; read on from line {lineno}",
                   format=fmt, record=None)


def read_records(reader, source, record_tags: set[str]):
    """Records built by ``reader.build(element, Source)`` for each record element; a
    record that cannot be built, or has no content, is a failure with its raw text."""
    ordinal = 0
    for item in iter_records(source, record_tags, reader.name):
        ordinal += 1
        if isinstance(item, Failure):
            item.record = ordinal
            yield item
            continue
        el, line, raw = item
        yield build_record(reader, el, Source(path=source.path, format=reader.name, record=ordinal, line=line), raw)
