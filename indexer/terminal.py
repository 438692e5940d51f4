"""What a terminal can show: a progress line redrawn in place, or a line now and then."""
from __future__ import annotations

import argparse
import os
import re
import sys
import time
import unicodedata

# a progress line where it cannot be redrawn: one every so many records
PROGRESS_EVERY = 10_000


def redraws(stream) -> bool:
    """Whether a progress line on ``stream`` can be redrawn in place (``\\r``, then ESC [K to
    erase the rest of the old line): a terminal, but not one of TERM=dumb (Emacs's shell, a
    CI log), which shows ESC [K as text."""
    return hasattr(stream, "isatty") and stream.isatty() and os.environ.get("TERM") != "dumb"


class Progress:
    """A count on stderr (clean's, ingest's): one line redrawn in place at most five times a
    second where stderr :func:`redraws`, else a line every :data:`PROGRESS_EVERY` records."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.redraw = enabled and redraws(sys.stderr)
        self.start = self.last = time.monotonic()
        self.shown = False
        self.written = 0   # the count of the last line written (not redrawing)

    def update(self, count: int, text: str, force: bool = False) -> None:
        """Show ``text`` (what ``count`` records read have made), the rate after it; ``force``:
        redraw it now (a final count)."""
        if not self.enabled:
            return
        now = time.monotonic()
        line = f"{text} {count / max(now - self.start, 1e-9):,.0f}/s"
        if self.redraw and (force or now - self.last >= 0.2):
            sys.stderr.write(f"\r{line}\x1b[K")
            sys.stderr.flush()
            self.last, self.shown = now, True
        elif not self.redraw and count and count % PROGRESS_EVERY == 0 and count != self.written:
            sys.stderr.write(line + "\n")   # (a final count on a line written already is not again)
            sys.stderr.flush()
            self.written = count

    def clear(self) -> None:
        """Erase the line redrawn (a line said next takes its place)."""
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            self.shown = False

    def close(self) -> None:
        """End the line redrawn, left for the user to read."""
        if self.shown:
            sys.stderr.write("\n")


def columns(char: str) -> int:
    """How many columns ``char`` takes on a terminal: two for a wide (Chinese) character."""
    return 2 if unicodedata.east_asian_width(char) in "WF" else 0 if unicodedata.combining(char) else 1


def text_width(text: str) -> int:
    return sum(map(columns, text))


def shortened(text: str, width: int, words: bool = True, keep_end: bool = False) -> str:
    """``text`` in at most ``width`` columns (a wide character two): whole when it fits, else cut
    and marked "…", at a word's end (between any two Chinese characters; a word longer than half
    of ``width`` is cut inside), or, not ``words``, at the last character that fits (a table's
    column); ``keep_end``: its start cut instead (a path's folders).  The titles warnings name
    (export's) and the columns ``dedup --review`` shows are cut by it.

    >>> shortened("Labour drugs associated with drop in breastfeeding", 40)
    'Labour drugs associated with drop in…'
    >>> shortened("Labour drugs associated with drop in breastfeeding", 40, words=False)
    'Labour drugs associated with drop in br…'
    >>> shortened("补肾活血汤对老年单纯收缩期高血压患者血管内皮功能的影响", 20), shortened("基于CT影像的肺结节检测", 10)
    ('补肾活血汤对老年单…', '基于CT影…')
    >>> shortened("Spinal cord injury: a review, in brief", 30), shortened("a/b/c/refs.ris", 9, False, True)
    ('Spinal cord injury: a review…', '…refs.ris')
    """
    if text_width(text) <= width:
        return text
    seq = text[::-1] if keep_end else text
    kept, used = 0, 0
    while kept < len(seq) and used + columns(seq[kept]) <= width - 1:
        used += columns(seq[kept])
        kept += 1
    if words:
        at = kept
        while at > 0 and not (seq[at].isspace() or seq[at - 1].isspace()
                              or columns(seq[at]) == 2 or columns(seq[at - 1]) == 2):
            at -= 1
        if text_width(seq[:at]) >= width // 2:
            kept = at
    cut = seq[:kept].rstrip(" ,;:") if words else seq[:kept]
    return "…" + cut[::-1] if keep_end else cut + "…"


# where a line may not break between two wide characters: before a closing mark, after an opening one
_NO_BREAK_BEFORE = set("，。；：、？！）」』》】〗’”…,.;:!?)]")
_NO_BREAK_AFTER = set("（「『《【〖‘“([")


def _atoms(word: str) -> list[str]:
    """``word`` in the pieces a line may break between: it whole, but between wide characters."""
    out = [""]
    for i, char in enumerate(word):
        before = word[i - 1] if i else ""
        if (before and (columns(before) == 2 or columns(char) == 2)
                and char not in _NO_BREAK_BEFORE and before not in _NO_BREAK_AFTER):
            out.append("")
        out[-1] += char
    return out


def wrap(text: str, width: int, indent: str = "", subsequent: str | None = None) -> list[str]:
    """``text`` filled to lines of at most ``width`` columns (a wide character two; breaking at
    spaces and between Chinese characters), the first line after ``indent``, the others after
    ``subsequent`` (``indent`` unless given).  A word wider than a line (a URL) is left whole."""
    subsequent = indent if subsequent is None else subsequent
    lines, line, space = [], indent, False
    bare = True  # nothing on the line but its indent
    for word in re.findall(r"\S+|\s+", text.strip()):
        if word.isspace():
            space = True
            continue
        for n, atom in enumerate(_atoms(word)):
            gap = " " if space and n == 0 else ""
            if not bare and text_width(line + gap + atom) > width:
                lines.append(line)
                line, gap, bare = subsequent, "", True
            line += ("" if bare else gap) + atom
            bare = False
        space = False
    lines.append(line)
    return lines


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's help, its descriptions and epilogs filled to the width argparse is given (the
    terminal's, 80 columns when not a terminal) as argparse fills an option's help: their
    paragraphs re-wrapped, a hanging indent kept, and example lines (``python cli.py …``)
    never broken, a comment too long beside one put under it."""

    def _split_lines(self, text, width):
        return wrap(re.sub(r"\s+", " ", text), width)

    def _fill_text(self, text, width, indent):
        return "".join(indent + line + "\n" for line in fill_help(text, width - len(indent)))


_EXAMPLE = re.compile(r"(?:python cli\.py|cli\.py|printf|xclip|echo|cat)\b")
_COMMENT = re.compile(r"^(.*?\S)\s{2,}(#.*)$")
_ROW = re.compile(r"^(\s+\S+\s{2,})\S")  # a table's row: a term, two spaces or more, its text


def fill_help(text: str, width: int) -> list[str]:
    """The lines of ``text`` (a description or epilog as written, in lines) fitting ``width``
    columns: an unindented line ending in ":" a heading; lines under ``examples:`` (and any
    ``python cli.py …`` line) kept whole; other lines joined into paragraphs and filled.  A
    paragraph ends at a blank line or a heading, at a line indented less than its own second
    line, where a line of its first indent follows a sentence's end, and before a row of a
    table (``  --apply   merges…``, its text's column the paragraph's hanging indent)."""
    out: list[str] = []
    para: list[str] = []
    first = rest = ""
    opened = 0  # the paragraph's first line's indent
    in_examples = False
    column = 0  # where the text of the table's rows above starts, if any

    def flush() -> None:
        nonlocal para
        if para:
            joined = ""
            for piece in para:
                glue = "" if not joined or (columns(joined[-1]) == 2 and columns(piece[0]) == 2) else " "
                joined += glue + piece
            out.extend(wrap(joined, width, first, rest))
        para = []

    for line in text.splitlines():
        stripped = line.strip()
        lead = line[:len(line) - len(line.lstrip())]
        row = _ROW.match(line)
        cut = len(row.group(1)) if row else 0
        if not cut and len(lead) < column < len(line) and line[column - 1] == " " != line[column]:
            cut = column  # a row whose term fills its column, one space after it
        if not stripped:
            flush()
            in_examples = False
            out.append("")
        elif not lead and stripped.endswith(":") and text_width(line) <= width:
            flush()
            in_examples = stripped == "examples:"
            out.append(line)
        elif lead and (in_examples or _EXAMPLE.match(stripped)):
            flush()
            out.extend(_example(line, lead, stripped, width))
        else:
            in_examples = in_examples and bool(lead)
            if para and (cut or len(lead) < len(rest)
                         or (len(lead) == opened and para[-1][-1] in ".。")):
                flush()
            if not para:
                first = rest = lead
                opened, column = len(lead), cut
                if cut:  # the term and the spaces after it as written, the text filled beside it
                    first, rest, stripped = line[:cut], " " * cut, line[cut:]
            elif len(para) == 1 and rest == first:
                rest = lead
            para.append(stripped)
    flush()
    while out and not out[-1]:
        out.pop()
    return out


def _example(line: str, lead: str, stripped: str, width: int) -> list[str]:
    """An example line: whole when it fits; else its comment under it, filled (the command
    itself is never broken: it is what a reader copies)."""
    if text_width(line) <= width:
        return [line]
    found = _COMMENT.match(stripped)
    if stripped.startswith("#"):  # a comment's second line, under the first
        command, comment, lead = "", stripped, "  "
    elif found:
        command, comment = found.groups()
    else:
        return [line]
    if command and text_width(f"{lead}{command}  {comment}") <= width:  # beside it, nearer
        return [f"{lead}{command}  {comment}"]
    under = lead + "    "
    return ([lead + command] if command else []) + wrap(comment, width, under, under + "  ")


# the widest a record's view is filled to, however wide the terminal (as it always was)
VIEW_WIDTH = 100


def view_width(stream) -> int | None:
    """How wide a view printed on ``stream`` may be: the terminal's (COLUMNS when set, as
    argparse and ``shutil`` take it), at most :data:`VIEW_WIDTH`; None when ``stream`` is no
    terminal and COLUMNS is not set (a file or a pipe: the view as it always was, for scripts)."""
    import shutil

    given = os.environ.get("COLUMNS", "")
    if not (given.isdigit() and int(given) > 0) and not (hasattr(stream, "isatty") and stream.isatty()):
        return None
    return max(20, min(shutil.get_terminal_size((VIEW_WIDTH, 24)).columns, VIEW_WIDTH))
