"""Spreadsheets (.xlsx, .xls, .ods): the Excel exports of CNKI, Wanfang, VIP and Web of
Science, and reference lists kept in Excel; and HTML tables, which many sites send as their
"Excel" export under an .xls name.

Cells are read with python-calamine (Rust's calamine: .xlsx, .xlsm, .xls, .ods, and WPS's .et,
in one library, no Office needed).  A sheet is read as a CSV file is (see
:mod:`indexer.readers.csv_reader`): from its header row, the first of its first rows that
names a title column and another known one (``Title``, ``题名``, CNKI's ``Title-题名``), one
record per row after it.  Rows above the header with text in them (a banner such as
"中国知网 文献导出") are one failure with their text, never dropped; a sheet with no header
is one failure.  A record's line is its row number; in a workbook of several sheets,
``extra.sheet`` names its sheet, and a failure's reason does.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
from html.parser import HTMLParser
from typing import Iterator

from ..record import Failure, Record, Source
from .base import register
from .csv_reader import columns_of, is_header_row, row_record
from .decode import OLE2_MAGIC, ZIP_MAGIC

SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".et")
# How far down a sheet its header row may stand (below a title banner and blank rows).
HEADER_ROWS = 20
# The most a workbook (a ZIP of XML) may unpack to.  A database export of 50,000 records
# is some 200 MB of cell XML; a "zip bomb" (a few KB that unpack to gigabytes) would take
# all the memory calamine loads a sheet into.
MAX_UNPACKED = 1 << 30


def _unpacked_size(path: str) -> int:
    """What a ZIP workbook's members say they unpack to (0 for an old .xls, or a ZIP too
    damaged to list: calamine then names the damage)."""
    with open(path, "rb") as fh:
        if not fh.read(4).startswith(ZIP_MAGIC):
            return 0
    try:
        with zipfile.ZipFile(path) as z:
            return sum(info.file_size for info in z.infolist())
    except (zipfile.BadZipFile, ValueError, EOFError):
        return 0


def is_spreadsheet(path: str, any_name: bool = False) -> bool:
    """A workbook by its suffix (unless ``any_name``: ``--format spreadsheet``) and its first
    bytes (an Office Open XML or OpenDocument ZIP, or an old Office OLE2 file); a ``.xls``
    that is text (some sites send HTML or CSV under that name) is read as text."""
    if not any_name and not path.lower().endswith(SUFFIXES):
        return False
    with open(path, "rb") as fh:
        magic = fh.read(8)
    return magic.startswith(ZIP_MAGIC) or magic == OLE2_MAGIC


def _text(value) -> str:
    """A cell as text: 2021.0 is "2021", a date its ISO form, an empty cell ""."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    return str(value)


class SpreadsheetReader:
    name = "spreadsheet"
    aliases = ("xlsx", "xls", "excel", "ods")
    suffixes = SUFFIXES

    def sniff(self, head: str) -> float:
        """An HTML table with a header row (a workbook itself is not text: read_file asks
        :func:`is_spreadsheet` first)."""
        if not _has_table(head):
            return 0.0
        rows = _html_rows(head)[:HEADER_ROWS]
        return 0.9 if any(is_header_row([c.strip() for c in cells]) for _, cells in rows) else 0.0

    def read(self, source) -> Iterator[Record | Failure]:
        """An HTML table: many sites' "Excel" export is one, saved as .xls."""
        yield from self._sheet(source.path, None, _html_rows(source.text()), 0)

    def read_path(self, path: str) -> Iterator[Record | Failure]:
        from python_calamine import CalamineWorkbook

        unpacked = _unpacked_size(path)
        if unpacked > MAX_UNPACKED:
            yield Failure(path=path, line=None, format=self.name,
                          reason=f"the workbook unpacks to {unpacked >> 20:,} MB, more than the {MAX_UNPACKED >> 20:,} MB "
                                 "read (a damaged or hostile file?); export it again, in parts, or as CSV", raw="")
            return
        try:
            book = CalamineWorkbook.from_path(os.fspath(path))
            sheets = [(name, book.get_sheet_by_name(name).to_python(skip_empty_area=False))
                      for name in book.sheet_names]
        except Exception as e:  # calamine's errors name the damage (a cut-off ZIP, a password)
            yield Failure(path=path, line=None, format=self.name,
                          reason=f"cannot read the workbook ({type(e).__name__}: {str(e)[:200]})", raw="")
            return
        ordinal = 0
        for name, rows in sheets:
            rows = [(number, [_text(v) for v in row]) for number, row in enumerate(rows, 1)]
            for item in self._sheet(path, name if len(sheets) > 1 else None, rows, ordinal):
                ordinal += 1
                yield item

    def _sheet(self, path: str, sheet: str | None, rows: list[tuple[int, list[str]]], ordinal: int):
        """The items of one sheet's ``(line, cells)`` rows, numbered after ``ordinal``."""
        where = f" (sheet {sheet})" if sheet else ""
        at = next((i for i, (_, row) in enumerate(rows[:HEADER_ROWS]) if is_header_row([c.strip() for c in row])),
                  None)
        filled = [(number, row) for number, row in (rows if at is None else rows[:at]) if any(c.strip() for c in row)]
        if filled:
            reason = (f"no header row{where}: none of the first {HEADER_ROWS} rows names a title column and "
                      "another known one (Title, Authors, Year …; 题名, 作者, 年 …)") if at is None else \
                f"rows above the header row{where}, not records"
            yield Failure(path=path, line=filled[0][0], format=self.name, record=ordinal + 1, reason=reason,
                          raw="\n".join("\t".join(row).rstrip("\t") for _, row in filled))
            ordinal += 1
        if at is None:
            return
        # a column without a name keeps its cells under its number (nothing in a row is lost)
        header = [c.strip() or f"column {i}" for i, c in enumerate(rows[at][1], 1)]
        columns = columns_of(header)
        for number, row in rows[at + 1:]:
            if not any(c.strip() for c in row):
                continue
            ordinal += 1
            src = Source(path=path, format=self.name, record=ordinal, line=number)
            item = row_record(src, header, columns, row, "\t".join(row).rstrip("\t"))
            if sheet and isinstance(item, Record):
                item.extra["sheet"] = sheet
            elif sheet:   # (a failure has no place for it but its reason, as the header's failures)
                item.reason += where
            yield item


class _Rows(HTMLParser):
    """The rows of the HTML tables in a text, as ``(line, cells)``: a cell's text with its
    markup dropped, entities decoded, line breaks and runs of spaces one space."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows: list[tuple[int, list[str]]] = []
        self.row: list[str] | None = None
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self._end_row()
            self.row, self.line = [], self.getpos()[0]
        elif tag in ("td", "th"):
            self._end_cell()
            if self.row is None:  # a cell outside any <tr>
                self.row, self.line = [], self.getpos()[0]
            self.cell = []
        elif tag == "br" and self.cell is not None:
            self.cell.append(" ")

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self._end_cell()
        elif tag in ("tr", "table"):
            self._end_row()

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)

    def _end_cell(self):
        if self.cell is not None and self.row is not None:
            self.row.append(" ".join("".join(self.cell).split()))
        self.cell = None

    def _end_row(self):
        self._end_cell()
        if self.row is not None:
            self.rows.append((self.line, self.row))
        self.row = None


def _has_table(text: str) -> bool:
    """Whether ``text`` holds an HTML table (told cheaply first: every text file's head is asked)."""
    return "<t" in text.lower() and bool(re.search(r"(?i)<table\b", text))


def leading_table_header(text: str) -> list[str] | None:
    """The cells of the header row the HTML tables of ``text`` open with (their first row with
    text names a title column and another known one), or None: an "Excel" export saved as
    HTML.  A detail page's own tables (its references, similar papers) are not its first text.

    >>> leading_table_header("<table><tr><td>Title-题名</td><td>Author-作者</td></tr></table>")
    ['Title-题名', 'Author-作者']
    >>> leading_table_header("<table><tr><td>参考文献</td></tr><tr><td>题名</td><td>作者</td></tr></table>") is None
    True
    """
    if not _has_table(text):
        return None
    first = next((cells for _, cells in _html_rows(text) if any(c.strip() for c in cells)), None)
    return first if first and is_header_row([c.strip() for c in first]) else None


def _html_rows(text: str) -> list[tuple[int, list[str]]]:
    parser = _Rows()
    parser.feed(text)
    parser.close()
    parser._end_row()
    return parser.rows


register(SpreadsheetReader())
