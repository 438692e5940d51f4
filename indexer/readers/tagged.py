"""Tagged-line formats (RIS, RefWorks, Refer/EndNote, MEDLINE, Web of Science): one base reader.

A dialect is a small subclass that sets class attributes: the line pattern, the tags
that start or end a record, and ``TAGS``, a table from tag to the pipeline's raw key
(see :mod:`indexer.pipeline`).  Tags not in the table are kept on the record under
``extra["tags"]``, never dropped.  Records are built one at a time as lines stream by.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..record import Failure, Record, Source
from ._tagged_stream import Paragraphs
from .base import CUT_SHORT, build_record, in_other_export, numbered_lines

# A generic record's Type of Work (RIS's M3 of a GEN, EndNote's %9 of a Generic) that says it is
# a preprint: CSL's ``article``, as Zotero's translators and our export write one.
PREPRINT_WORK = re.compile(r"(?i)^\s*(?:pre-?print|e-?print|预印本)\s*$")
# The start of a wrapped line of prose after what looks like a tag and a separator written wrong:
# a lowercase word ("T1- and T2-weighted", "AD - related clinic") or a letter and a digit ("C5- C6
# level", "L4 -L5 level").  "doi:" or "http://" opens a value.
_PROSE = re.compile(r"[a-z]+(?![\w:/])|[A-Za-z]\d")


class TaggedReader:
    name = "tagged"
    aliases: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    # A tagged line: group 1 the tag, group 2 the value.
    LINE = re.compile(r"^([A-Z][A-Z0-9])  - ?(.*)$")
    START_TAGS: frozenset[str] = frozenset()
    # Tags that open a record and come once in it: a second one opens the next record (records
    # with no start tag and no blank line between them: two ERIC files joined).
    ONCE_STARTS: frozenset[str] = frozenset()
    END_TAGS: frozenset[str] = frozenset()
    BLANK_LINE_ENDS = False
    # tags whose untagged lines after them are more values, not the value wrapped (EndNote's %K)
    LINE_PER_VALUE: frozenset[str] = frozenset()
    # tag -> raw key of the pipeline ("titles", "author", "keyword", "abstract", ...)
    TAGS: dict[str, str] = {}
    TYPE_TAG: str | None = None
    TYPES: dict[str, str] = {}
    SOURCE_ID_TAGS: tuple[str, ...] = ()
    # tag -> regex splitting one value into several (e.g. CNKI "A1 张三;李四")
    SPLIT: dict[str, str] = {}
    # Separator used when a value continues on the next line.
    JOIN = " "
    # Tags whose continuation lines are values of their own, not one value wrapped.
    VALUE_PER_LINE: frozenset[str] = frozenset()
    # Tags whose continuation lines stay lines of one value (joined by a newline, not JOIN).
    KEEP_LINES: frozenset[str] = frozenset()
    # Tags (an abstract's) whose continuation lines are its paragraphs (joined by a newline) if
    # the field is not wrapped: no line before its last ends mid-sentence, none is indented
    # (see :meth:`keep_paragraph_line`); else JOIN'ed as wrapped.
    PARAGRAPH_LINES: frozenset[str] = frozenset()
    # A line of a tag with its separator written wrong (groups "tag" and "value"), and the few tags
    # read so, those opening a field a user would miss (see :meth:`parse_loose`).  None: no such
    # tolerance.
    LOOSE_LINE: re.Pattern | None = None
    LOOSE_TAGS: frozenset[str] = frozenset()
    # What the value of such a line must be, for tags whose value has a shape (a year, a number,
    # a name, none): a wrapped line of prose opening "ER- PR- HER2- (triple negative)" or "AU- ROC
    # of the model" is no end of the record and no author.
    LOOSE_VALUES: dict[str, re.Pattern] = {}

    def sniff(self, head: str) -> float:
        lines = [l for l in head.splitlines()[:200] if l.strip()]
        if not lines:
            return 0.0
        tagged = [self.LINE.match(l) for l in lines]
        known = sum(1 for m in tagged if m and m.group(1) in self.TAGS)
        starts = sum(1 for m in tagged if m and m.group(1) in self.START_TAGS)
        if not starts:
            return 0.0
        return min(1.0, 0.4 + 0.6 * known / len(lines))

    def parse_line(self, line: str) -> tuple[str, str] | None:
        m = self.LINE.match(line)
        return (m.group(1), m.group(2).strip()) if m else None

    def parse_loose(self, line: str) -> tuple[str, str] | None:
        """A line :meth:`parse_line` refuses that opens, unindented, with one of
        :attr:`LOOSE_TAGS` and a separator written wrong (``AB  -Text``, ``TI - Text``): that
        tag's line.  Read as the value before continued, it went into that value (the pages
        took the abstract).  Formats that wrap values on unindented lines make prose look so
        (``T2- weighted``, ``C5- C6 level``, ``STAT-3 and``): so only a few tags, none a
        numbered one (C1, L4, T2), and not before a value opening as prose does.

        >>> from indexer.readers.ris import RisReader
        >>> [RisReader().parse_loose(l) for l in ("AB -Text.", "AB- Text.", "T2- weighted",
        ...  "L4 -L5 level", "AB - and more", "  AB -Text", "C5- C6 level")]
        [('AB', 'Text.'), ('AB', 'Text.'), None, None, None, None, None]
        >>> [RisReader().parse_loose(l) for l in ("ER -", "ER- PR- HER2- (triple negative)", "AU- ROC of it",
        ...  "AU -Smith, John", "PY- 2020", "PY -Based on", "SP- 112")]
        [('ER', ''), None, None, ('AU', 'Smith, John'), ('PY', '2020'), None, ('SP', '112')]
        """
        if self.LOOSE_LINE is None or line[:1].isspace():
            return None
        m = self.LOOSE_LINE.match(line.rstrip())
        if not m or m.group("tag") not in self.LOOSE_TAGS or _PROSE.match(m.group("value").lstrip()):
            return None
        tag, value = m.group("tag"), m.group("value").strip()
        shape = self.LOOSE_VALUES.get(tag)
        return None if shape and not shape.fullmatch(value) else (tag, value)

    def parse_tolerant(self, line: str, parsed, path, lineno: int) -> tuple[tuple[str, str] | None, str | None]:
        """``parsed`` (the line's :meth:`parse_line`), or else the line as :meth:`parse_loose`
        reads it and the issue it leaves on its record; ``(None, None)`` for neither."""
        loose = None if parsed else self.parse_loose(line)
        if not loose:
            return parsed, None
        return loose, f"{path}:{lineno}: {line.strip()[:40]!r} read as its tag {loose[0]} (a malformed separator)"

    def value_of_its_own(self, tag: str, value: str, line: str) -> bool:
        """Whether a line without a tag, after a tag's value, is a value of its own (of
        :attr:`VALUE_PER_LINE`'s tags) rather than that value wrapped."""
        return tag in self.VALUE_PER_LINE

    def keep_paragraph_line(self, field: list, line: str) -> None:
        """Keep ``line``, continuing ``field``, as a line of its own beside the value wrapped, if
        its tag's lines may be paragraphs (:attr:`PARAGRAPH_LINES`): :meth:`_finish` decides
        which, once all the field's lines are read (:class:`~._tagged_stream.Paragraphs`)."""
        if field[0] in self.PARAGRAPH_LINES:
            if not isinstance(field[-1], Paragraphs):
                field.append(Paragraphs(field[1]))
            field[-1].add(line)

    def read(self, source) -> Iterator[Record | Failure]:
        fields: list[list] = []  # [tag, value, line]
        raw_lines: list[str] = []
        start_line = stray_line = 0
        stray: list[str] = []
        foreign = False  # inside another export pasted into this file: lines are stray till our next start
        ordinal = 0
        for lineno, line in numbered_lines(source):
            parsed, loose = self.parse_tolerant(line, self.parse_line(line), source.path, lineno)
            own_start = bool(parsed) and parsed[0] in self.START_TAGS
            foreign = in_other_export(line, own_start, own_start, foreign, self.name)
            if foreign:
                if fields:
                    ordinal += 1
                    yield self._finish(fields, raw_lines, source.path, ordinal, start_line)
                    fields, raw_lines = [], []
                if line.strip() or stray:
                    stray_line = stray_line if stray else lineno
                    stray.append(line)
                continue
            if not line.strip():
                if self.BLANK_LINE_ENDS and fields:
                    ordinal += 1
                    yield self._finish(fields, raw_lines, source.path, ordinal, start_line)
                    fields, raw_lines = [], []
                elif fields:
                    raw_lines.append(line)
                continue
            if parsed and fields and (parsed[0] in self.START_TAGS or parsed[0] in self.ONCE_STARTS
                                      and any(f[0] == parsed[0] for f in fields)):
                ordinal += 1
                item = self._finish(fields, raw_lines, source.path, ordinal, start_line)
                if self.END_TAGS and parsed[0] in self.START_TAGS and isinstance(item, Record):
                    item.issues.append(f"{source.path}:{start_line}: no {'/'.join(sorted(self.END_TAGS))} before the "
                                       f"next record's {parsed[0]} (line {lineno}): its end line lost, read up to there")
                yield item
                fields, raw_lines = [], []
            if parsed and stray:
                ordinal += 1
                yield self._stray(source.path, stray, stray_line, ordinal)
                stray = []
            if not parsed and not fields:  # text outside any record: one failure per run of lines
                if not stray:
                    stray_line = lineno
                stray.append(line)
                continue
            if not fields and not raw_lines:
                start_line = lineno
            raw_lines.append(line)
            if parsed:
                tag, value = parsed
                if tag in self.END_TAGS:
                    ordinal += 1
                    yield self._finish(fields, raw_lines, source.path, ordinal, start_line)
                    fields, raw_lines = [], []
                    continue
                fields.append([tag, value, lineno, loose] if loose else [tag, value, lineno])  # see _finish
            elif not fields[-1][1] and line[:1] not in (" ", "\t") and not isinstance(fields[-1][-1], Paragraphs):
                # an unindented line with no tag after a tag with no value ("TI  - " then junk):
                # no value wraps before its first word; left out, with an issue naming it
                fields.append(["", "", lineno, f"{source.path}:{lineno}: a line with no tag after an empty "
                               f"{fields[-1][0] or 'line'}, not read: {line.strip()[:200]!r}"])
            elif self.value_of_its_own(fields[-1][0], fields[-1][1], line):
                fields.append([fields[-1][0], line.strip(), lineno])
            else:
                joint = "\n" if fields[-1][0] in self.KEEP_LINES else self.JOIN
                self.keep_paragraph_line(fields[-1], line)
                fields[-1][1] = (fields[-1][1] + joint + line.strip()).strip()
        if fields:
            ordinal += 1
            yield self._cut_short(self._finish(fields, raw_lines, source.path, ordinal, start_line))
        if stray:
            ordinal += 1
            yield self._stray(source.path, stray, stray_line, ordinal)

    def _cut_short(self, item: Record | Failure) -> Record | Failure:
        """The file's last record, which the file ends inside (no ER after it): a download cut
        short?  Flagged, where the format has an end tag."""
        if self.END_TAGS and isinstance(item, Record):
            item.issues.append(f"{item.source.path}:{item.source.line}: {CUT_SHORT} "
                               f"(no {'/'.join(sorted(self.END_TAGS))} after it): the export may be cut short")
        return item

    def _stray(self, path, lines, lineno, ordinal) -> Failure:
        while lines and not lines[-1].strip():
            lines.pop()
        count = sum(1 for line in lines if line.strip())
        what = "line" if count == 1 else f"{count} lines"
        return Failure(path=path, line=lineno, reason=f"{what} outside any {self.name} record", raw="\n".join(lines),
                       format=self.name, record=ordinal)

    def _finish(self, fields, raw_lines, path, ordinal, line) -> Record | Failure:
        """The record of ``fields`` (``[tag, value, line]``, and a fourth item, the issue, of a
        line :meth:`parse_loose` read), its issues on it."""
        raw_text = "\n".join(raw_lines)
        if not fields:
            return Failure(path=path, line=line or None, reason="empty record", raw=raw_text,
                           format=self.name, record=ordinal)
        for f in fields:   # an abstract's lines: its paragraphs, or the value wrapped
            if isinstance(f[-1], Paragraphs):
                f[1] = f.pop().value(f[1])
        issues = [f[3] for f in fields if len(f) > 3]
        item = build_record(self, [f[:3] for f in fields],
                            Source(path=path, format=self.name, record=ordinal, line=line or None),
                            raw_text, keep_id_only=True)
        if isinstance(item, Record):
            item.issues.extend(issues)
        return item

    def build(self, fields, source: Source) -> Record:
        rec = Record(source)
        for tag, value, lineno in fields:
            if not value:
                continue
            if tag == self.TYPE_TAG:
                rec.type = self.TYPES.get(value.strip().upper(), self.TYPES.get(value.strip(), rec.type))
                rec.extra.setdefault("source_type", value.strip())
                continue
            if tag in self.SOURCE_ID_TAGS and source.source_id is None:
                source.source_id = value.strip()
            key = self.TAGS.get(tag)
            if key is None:
                rec.extra.setdefault("tags", {}).setdefault(tag, []).append(value)
                continue
            pieces = [p for p in re.split(self.SPLIT[tag], value) if p.strip()] if tag in self.SPLIT else [value]
            for piece in pieces:
                rec.raw.setdefault(key, []).append((piece.strip(), lineno))
        return rec
