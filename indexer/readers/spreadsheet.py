"""Spreadsheets (.xlsx, .xls, .ods): the Excel exports of CNKI, Wanfang, VIP and Web of
Science, and reference lists kept in Excel.

Cells are read with python-calamine (Rust's calamine: .xlsx, .xlsm, .xls, .ods, and WPS's .et,
in one library, no Office needed).  A sheet is read as a CSV file is (see
:mod:`indexer.readers.csv_reader`): from its header row, the first of its first rows that
names a title column and another known one (``Title``, ``题名``, CNKI's ``Title-题名``), one
record per row after it.  Rows above the header with text in them (a banner such as
"中国知网 文献导出") are one failure with their text, never dropped; a sheet with no header
is one failure.  A record's line is its row number; in a workbook of several sheets,
``extra.sheet`` names its sheet.
"""
from __future__ import annotations

import datetime as dt
import os
from typing import Iterator

from ..record import Failure, Record, Source
from .base import register
from .csv_reader import columns_of, is_header_row, row_record

SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".et")
# How far down a sheet its header row may stand (below a title banner and blank rows).
HEADER_ROWS = 20
_ZIP, _OLE2 = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def is_spreadsheet(path: str) -> bool:
    """A workbook by its suffix and its first bytes (an Office Open XML or OpenDocument ZIP,
    or an old Office OLE2 file); a ``.xls`` that is text (some sites send HTML or CSV under
    that name) is read as text."""
    if not path.lower().endswith(SUFFIXES):
        return False
    with open(path, "rb") as fh:
        magic = fh.read(8)
    return magic.startswith(_ZIP) or magic == _OLE2


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
        return 0.0  # a workbook is not text: read_file asks is_spreadsheet instead

    def read(self, source) -> Iterator[Record | Failure]:
        raise ValueError("a spreadsheet is read from its path (read_path), not from decoded text")

    def read_path(self, path: str) -> Iterator[Record | Failure]:
        from python_calamine import CalamineWorkbook

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
            rows = [[_text(v) for v in row] for row in rows]
            for item in self._sheet(path, name if len(sheets) > 1 else None, rows, ordinal):
                ordinal += 1
                yield item

    def _sheet(self, path: str, sheet: str | None, rows: list[list[str]], ordinal: int):
        where = f" (sheet {sheet})" if sheet else ""
        at = next((i for i, row in enumerate(rows[:HEADER_ROWS]) if is_header_row([c.strip() for c in row])), None)
        filled = [(i, row) for i, row in enumerate(rows if at is None else rows[:at]) if any(c.strip() for c in row)]
        if filled:
            reason = (f"no header row{where}: none of the first {HEADER_ROWS} rows names a title column and "
                      "another known one (Title, Authors, Year …; 题名, 作者, 年 …)") if at is None else \
                f"rows above the header row{where}, not records"
            yield Failure(path=path, line=filled[0][0] + 1, format=self.name, record=ordinal + 1, reason=reason,
                          raw="\n".join("\t".join(row).rstrip("\t") for _, row in filled))
            ordinal += 1
        if at is None:
            return
        # a column without a name keeps its cells under its number (nothing in a row is lost)
        header = [c.strip() or f"column {i}" for i, c in enumerate(rows[at], 1)]
        columns = columns_of(header)
        for number, row in enumerate(rows[at + 1:], start=at + 2):
            if not any(c.strip() for c in row):
                continue
            ordinal += 1
            src = Source(path=path, format=self.name, record=ordinal, line=number)
            item = row_record(src, header, columns, row, "\t".join(row).rstrip("\t"))
            if sheet and isinstance(item, Record):
                item.extra["sheet"] = sheet
            yield item


register(SpreadsheetReader())
