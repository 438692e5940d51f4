"""Streaming XML for the XML readers: one record element at a time, with its lines.

The file is fed line by line to the standard library's pull parser (expat): no DTD or
external entity is fetched, and expat (2.4+) refuses entity-expansion bombs.  Each record
element is handed over when it ends and then cleared, so memory stays flat.  A parse
error ends the file with one failure naming its line; records before it are kept.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Iterator

from ..record import Failure, Source
from .base import build_record


def local(tag: str) -> str:
    """The tag name without its namespace."""
    return tag.rsplit("}", 1)[-1]


def text_of(el: ET.Element | None) -> str:
    """All text inside an element (inline markup such as <i>, <sup>, <style> flattened)."""
    if el is None:
        return ""
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip()


def iter_records(source, record_tags: set[str], fmt: str) -> Iterator[tuple[ET.Element, int, str] | Failure]:
    """``(element, first line, raw text)`` of each record element, or a Failure."""
    parser = ET.XMLPullParser(events=("start", "end"))
    depth_stack: list[int] = []
    raw_lines: list[str] = []
    start_line = 0
    lineno = 0
    with source.binary() as fh:
        for lineno, line in enumerate(fh, 1):
            if depth_stack or not raw_lines:
                raw_lines.append(line.decode("utf-8", errors="replace"))
            try:
                parser.feed(line)
                events = list(parser.read_events())
            except ET.ParseError as e:
                yield Failure(path=source.path, line=lineno, reason=f"XML not well-formed: {e}",
                              raw="".join(raw_lines[-50:]), format=fmt, record=None)
                return
            for event, el in events:
                if local(el.tag) not in record_tags:
                    continue
                if event == "start":
                    depth_stack.append(lineno)
                    if len(depth_stack) == 1:
                        start_line, raw_lines = lineno, [line.decode("utf-8", errors="replace")]
                elif depth_stack:
                    depth_stack.pop()
                    if not depth_stack:
                        yield el, start_line, "".join(raw_lines)
                        el.clear()
                        raw_lines = []
        try:
            parser.close()
        except ET.ParseError as e:
            yield Failure(path=source.path, line=lineno, reason=f"XML ends early: {e}",
                          raw="".join(raw_lines[-50:]), format=fmt, record=None)


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
