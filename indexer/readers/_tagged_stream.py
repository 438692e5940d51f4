"""Streaming record loops for line-based exports: :func:`read_tagged` for tag-per-line
reference-manager exports (RefWorks, Refer/EndNote), :func:`read_label_blocks` for files of
label lines (NoteExpress, CNKI E-Study), the continuation-line rule they share, and
:func:`list_entries` for numbered reference lists (GB/T 7714, PubMed's citations).

:func:`read_tagged` has the same contract as :meth:`TaggedReader.read` (records one at a time, a :class:`Failure` with
its raw text for anything that is not a record), with what tagged exports need beyond it:

* continuation lines are joined by script: nothing between CJK text (CNKI wraps abstracts
  mid-word), one space between Latin words, a newline after blank lines (a new paragraph);
* a record that so far holds only type lines is not ended by another type line
  (``%0 Serial`` / ``%0 Audio``: one record, both types kept by the reader);
* an optional export header (RefWorks' tag legend) before the first record is skipped;
* stray lines outside any record become ONE failure per block, not one per line;
* optionally, a blank line ends a record that has no start tag (classic Refer files).
"""
from __future__ import annotations

import re
from typing import Callable, Iterator

from ..record import Failure, Record, Source
from .base import build_record, in_other_export, numbered_lines

# CJK ideographs, kana, CJK punctuation and full-width forms: no space is inserted next to them.
_CJK = re.compile(r"[\u2e80-\u2fff\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")
_OPENS_WITH_PUNCT = re.compile(r"^[,，;；.。:：)）\]】、]")


def join_continuation(prev: str, nxt: str, paragraph: bool = False) -> str:
    """``prev`` continued by the line ``nxt``: nothing between CJK text or before punctuation,
    one space between Latin words (also after a hyphen: exports wrap at spaces, and
    "redox- and ATP-neutral" keeps its space), a newline when ``paragraph`` (blank lines came
    between).

    >>> join_continuation("黄瓜基因组序列", "图谱已经构建")
    '黄瓜基因组序列图谱已经构建'
    >>> join_continuation("case management in", "children")
    'case management in children'
    >>> join_continuation("in 12 patients", ", of whom")
    'in 12 patients, of whom'
    >>> join_continuation("第一段。", "第二段", True)
    '第一段。\\n第二段'
    """
    nxt = nxt.strip()
    if not prev:
        return nxt
    if not nxt:
        return prev
    if paragraph:
        return prev + "\n" + nxt
    if _CJK.match(nxt[0]) or _CJK.match(prev[-1]) or _OPENS_WITH_PUNCT.match(nxt):
        return prev + nxt
    return prev + " " + nxt


# A line ending a sentence (``…here.``, ``…四周。``, ``…?"``), not an abbreviation (``et al.``,
# ``e.g.``, ``Fig.``, an initial ``J.``) that a wrapped line may end with.
_SENTENCE_END = re.compile(r"[.!?。！？…][\"'”’)）\]】」』]*$")
_ABBREVIATION = re.compile(r"(?:\b(?:al|e\.g|i\.e|vs|cf|ca|approx|Fig|Figs|No|Eq|Ref|Dr|Prof|spp|sp|subsp|var"
                           r"|St|Inc|Co|Ltd|vol|pp|min|resp)|\b[A-Z])\.$")
# How much of a line's end they look at: an abbreviation and its closing quotes are short, and
# searching the whole of a long value once a line read the file's abstract in time squared.
_TAIL = 40


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence: its next line in an abstract starts a paragraph (Zotero's
    RIS and our exports write a paragraph a line), where after a line ending mid-sentence it is
    the line before wrapped.

    >>> ends_sentence("First paragraph ends here."), ends_sentence("灌胃给药四周。"), ends_sentence("with T1- and")
    (True, True, False)
    >>> ends_sentence("as shown by Smith et al."), ends_sentence("将小鼠随机分为两组，")
    (False, False)
    >>> ends_sentence("x " * 50_000 + "was normal."), ends_sentence("x " * 50_000 + "Smith et al.")
    (True, False)
    """
    text = text.rstrip()
    tail = max(0, len(text) - _TAIL)   # (a search from there, not a slice: ``\b`` sees the character before it)
    return bool(_SENTENCE_END.search(text, tail)) and not _ABBREVIATION.search(text, tail)


# A structured abstract's heading on a line of its own (Zotero's RIS: "Results", "CLINICAL
# RELEVANCE", "Materials and Methods:"): a paragraph, though it ends no sentence.
_HEADING = re.compile(r"[A-Z][A-Za-z]*(?:[ -](?:[A-Z][A-Za-z]*|and|of|&)){0,3}:?")


class Paragraphs:
    """The lines of an abstract read so far, kept as lines beside the value they make wrapped
    (:attr:`TaggedReader.PARAGRAPH_LINES`): they are its paragraphs (Zotero's RIS and our exports
    write a paragraph a line) only if no line of it before the last ends mid-sentence and no
    continuation line is indented (a heading's line, ``Results``, ends none).  A field wrapped at a width (Ovid's, by hand) has lines ending
    wherever the width fell, some after a full stop: one line ending mid-sentence or indented
    and all of them are the value wrapped.  So it is decided at the field's end (:meth:`value`).

    >>> zotero, ovid = Paragraphs("Background: dogs were seen."), Paragraphs("We enrolled 120 adolescents.")
    >>> zotero.add("Results: most were well."); zotero.value("(wrapped)")
    'Background: dogs were seen.\\nResults: most were well.'
    >>> ovid.add("      Metformin reduced BMI by 1.2 units."); ovid.add("      Adverse events were"); ovid.value("(wrapped)")
    '(wrapped)'
    >>> headed = Paragraphs("CLINICAL RELEVANCE"); headed.add("Dogs were seen."); headed.value("(wrapped)")
    'CLINICAL RELEVANCE\\nDogs were seen.'
    """
    __slots__ = ("lines", "wrapped")

    def __init__(self, first: str):
        self.lines = [first.strip()]
        self.wrapped = False

    def add(self, line: str) -> None:
        before = self.lines[-1]
        self.wrapped = (self.wrapped or line[:1].isspace()
                        or not ends_sentence(before) and not _HEADING.fullmatch(before))
        if not self.wrapped:   # (a list, joined at the end: a value of 20,000 lines is not copied once a line)
            self.lines.append(line.strip())

    def value(self, wrapped: str) -> str:
        """The field's value: its lines as paragraphs, or ``wrapped`` (its lines joined as wrapped)."""
        return wrapped if self.wrapped else "\n".join(line for line in self.lines if line)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def list_entries(lines, number: re.Pattern, numbered: bool,
                 skip: Callable[[str], bool] | None = None,
                 follows: Callable[[str, str], bool] | None = None,
                 hanging: Callable[[str, str], bool] | None = None) -> Iterator[tuple[int, str, str]]:
    """The entries of a reference list, as ``(first line, text, raw text)`` from ``(line
    number, line)`` pairs: with ``numbered``, an entry runs from a line ``number`` matches to
    the next (its wrapped lines joined; a URL or a page range cut at its "/" or "-" joins
    without a space); else each line is one.  A blank line, or one ``skip`` takes (a list's
    heading), ends an entry.  ``follows(text, line)``: whether a numbered line opens the entry
    after ``text`` (a wrapped line may open with a number, "2064."), when the list tells.
    ``hanging(text, line)``: in a list without numbers, whether a line indented deeper than its
    entry's first (a hanging indent, as a list in the author-year system wraps a reference)
    goes on with the entry ``text``.
    The text keeps its number."""
    start, text, raw = None, "", []
    for n, line in lines:
        ends = not line.strip() or (skip is not None and skip(line))
        wrapped = hanging is not None and raw and _indent(line) > _indent(raw[0]) and hanging(text, line)
        if text and (ends or (not numbered and not wrapped)
                     or (numbered and number.match(line) and (follows is None or follows(text, line)))):
            yield start, text, "\n".join(raw)
            start, text, raw = None, "", []
        if ends:
            continue
        if start is None:
            start, text = n, line.strip()
        elif text.endswith(("-", "/")) and not text.endswith(" -"):
            text += line.strip()
        else:
            text = join_continuation(text, line)
        raw.append(line)
    if text:
        yield start, text, "\n".join(raw)


_HEADER_LINE = re.compile(r"\s*$|(?:[A-Z][A-Z0-9]{1,5}|(?:Start|End) \w+|Character Set)\s*="
                          r"|(?:Tag|Font Attribute) Legend|\*+\s*$|BEGIN EXPORTED REFERENCES", re.IGNORECASE)


def read_tagged(reader, source, *, header: tuple[str, str] | None = None,
                blank_ends_untyped: bool = False) -> Iterator[Record | Failure]:
    """Records of ``source`` parsed with ``reader.parse_line`` and built by ``reader._finish``.

    ``header`` is (first line, last line) of an export header to skip before the first record
    (it also ends at the first record's start line, should its last line be missing).
    """
    fields: list[list] = []  # [tag, value, line]
    raw_lines: list[str] = []
    stray: list[str] = []
    stray_line = start_line = 0
    ordinal = 0
    gap = False
    in_header = False
    seen_record = False
    foreign = False  # inside another export pasted into this file
    starts = reader.START_TAGS
    # the tags whose values go on after a blank line (CNKI's abstracts in paragraphs); None: any
    paragraphs = getattr(reader, "PARAGRAPH_TAGS", None)

    def finish():
        nonlocal fields, raw_lines, ordinal, gap
        ordinal += 1
        while raw_lines and not raw_lines[-1].strip():
            raw_lines.pop()
        item = reader._finish(fields, raw_lines, source.path, ordinal, start_line)
        fields, raw_lines, gap = [], [], False
        return item

    def flush_stray():
        nonlocal stray, ordinal
        ordinal += 1
        item = Failure(path=source.path, line=stray_line, reason=f"lines outside any {reader.name} record",
                       raw="\n".join(stray).strip("\n"), format=reader.name, record=ordinal)
        stray = []
        return item

    for lineno, line in numbered_lines(source):
        if header and not seen_record and not fields:
            if in_header:
                # the header is its legends ("RT=Reference Type", "Start Bold = "), "Character
                # Set=…", rules of * and blank lines; anything else (a tag line: the header's last
                # line is missing; another export) ends it
                in_header = bool(_HEADER_LINE.match(line))
                if in_header:
                    if line.strip().lower() == header[1].lower():
                        in_header = False
                    continue
            if line.strip().lower() == header[0].lower():
                in_header = True
                continue
        parsed = reader.parse_line(line)
        own_start = bool(parsed) and parsed[0] in starts
        foreign = in_other_export(line, own_start, own_start, foreign, reader.name)
        if (gap and parsed is None and fields and line.strip() and paragraphs is not None
                and fields[-1][0] not in paragraphs):
            foreign = True   # text after a blank line that no value of ours continues: pasted after it
        if foreign:  # another export pasted in: stray till our next start
            if fields:
                yield finish()
            if not stray:
                stray_line = lineno
            stray.append(line)
            continue
        if not line.strip():
            if fields:
                raw_lines.append(line)
                gap = True
                if blank_ends_untyped and not any(f[0] in starts for f in fields):
                    yield finish()
            elif stray:
                stray.append(line)
            continue
        if parsed is None and not fields:
            if not stray:
                stray_line = lineno
            stray.append(line)
            continue
        if parsed and stray:
            yield flush_stray()
        if parsed and parsed[0] in starts and fields and not all(f[0] in starts for f in fields):
            yield finish()
        if not fields:
            start_line = lineno
            seen_record = True
        raw_lines.append(line)
        if parsed:
            fields.append([parsed[0], parsed[1], lineno])
        elif fields[-1][0] in reader.LINE_PER_VALUE:  # EndNote's %K: one keyword a line, untagged
            fields.append([fields[-1][0], line.strip(), lineno])
        else:   # a note's next line (the reader's KEEP_LINES) a line of its own, as after a blank line
            keep = fields[-1][0] in getattr(reader, "KEEP_LINES", ())
            reader.keep_paragraph_line(fields[-1], line)
            fields[-1][1] = join_continuation(fields[-1][1], line.strip(), gap or keep)
        gap = False
    if fields:
        yield finish()
    if stray:
        yield flush_stray()


def read_label_blocks(reader, source, parse: Callable[[str], tuple | None], opens: Callable[[tuple], bool],
                      junk_reason: str, once: Callable[[tuple], bool] = lambda field: False,
                      ) -> Iterator[Record | Failure]:
    """Records of a file of label lines (NoteExpress ``{Title}: ...``, E-Study ``Title-题名: ...``).

    ``parse(line)`` gives a label line's field as a tuple ending in its value, else None; a
    record holds the fields as lists ``[*field, line number]``.  It runs from a field that
    ``opens(field)`` (asked of every field in file order; the first field of the file opens a
    record whatever it says) to the next; blank lines inside a record do not end it, and a line that
    is not a label line continues the previous field.  Text before the first record is one
    failure saying ``junk_reason``.  Records are built by ``build_record(reader, fields, ...)``.
    A field a record holds ``once`` (its title) coming a second time opens a new record too,
    flagged: the line that should have opened it was lost (two papers never become one).
    """
    fields: list[list] = []
    raw_lines: list[str] = []
    junk: list[str] = []
    start_line = junk_line = ordinal = 0
    headless = False  # the current record began at a repeated field, not at its opening line
    foreign = False  # inside another export pasted into this file

    def finish():
        nonlocal ordinal
        ordinal += 1
        while raw_lines and not raw_lines[-1].strip():
            raw_lines.pop()
        item = build_record(reader, fields, Source(path=source.path, format=reader.name, record=ordinal,
                                                   line=start_line or None), "\n".join(raw_lines))
        if headless and isinstance(item, Record):
            item.issues.append(f"{source.path}:{start_line}: a second {fields[0][0]} line with no record start "
                               "before it, read as a new record (its first line lost?)")
        return item

    def flush_junk():
        nonlocal ordinal
        ordinal += 1
        return Failure(path=source.path, line=junk_line, reason=junk_reason, raw="\n".join(junk),
                       format=reader.name, record=ordinal)

    for lineno, line in numbered_lines(source):
        field = parse(line)
        opening = field is not None and opens(field)
        foreign = in_other_export(line, field is not None, opening, foreign, reader.name)
        if foreign:  # another export pasted in: junk till our next start
            if fields:
                yield finish()
                fields, raw_lines = [], []
            if line.strip() or junk:
                junk_line = junk_line if junk else lineno
                junk.append(line)
            continue
        starts = opening or (field is not None and not fields)
        repeated = (field is not None and not starts and once(field)
                    and any(f[0] == field[0] for f in fields))
        if starts or repeated:
            if junk:
                yield flush_junk()
                junk = []
            if fields:
                yield finish()
            fields, raw_lines, start_line, headless = [], [], lineno, repeated
        if field is not None:
            fields.append([*field, lineno])
            raw_lines.append(line)
        elif fields:
            raw_lines.append(line)
            if line.strip():
                fields[-1][-2] = join_continuation(fields[-1][-2], line)
        elif line.strip():
            if not junk:
                junk_line = lineno
            junk.append(line)
    if junk:
        yield flush_junk()
    if fields:
        yield finish()
