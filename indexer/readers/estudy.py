"""CNKI E-Study exports: ``Label-标签: value`` lines (``Title-题名:``, ``Author-作者:`` ...).

A record starts at ``DataType:`` (E-Study) or, in files without it, at the field the
file starts with (``SrcDatabase-来源库:`` in CNKI's custom export); blank lines inside
a record do not end it, and a line that is not a label line continues the previous
field.  Fields are known by their Chinese label first (CNKI changed the English
halves: ``PageCount-页数`` is a page count but ``PageCount-页码`` the page range), then
by the English one.  ``SrcDatabase-来源库`` (期刊, 硕士, 博士, 国内会议 ...) gives the type.
Streams line by line.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterator

from ..record import Failure, Record, Source
from ._tagged_stream import read_label_blocks
from .base import ONE_LINE_KEYS, STRAY, parse_strays, refuse_stray, register
from .noteexpress import _id_from_url

# "Title-题名: ...", "DOI-DOI: ...", "DataType: 1"; the colon may be full-width.
LINE = re.compile(r"^([A-Za-z][A-Za-z0-9]*)(?:-([\u4e00-\u9fff][\u4e00-\u9fffA-Za-z]{0,15}|[A-Z]{2,8}))?"
                  r"\s*[:：]\s?(.*)$")
START_LABELS = ("DataType", "SrcDatabase")

# Chinese label -> raw key.
BY_CHINESE = {
    "题名": "titles", "篇名": "titles", "英文题名": "titles", "英文篇名": "titles",
    "作者": "author", "英文作者": "translated_author", "第一责任人": "first_duty",
    "机构": "affiliation", "单位": "affiliation", "作者单位": "affiliation",
    "刊名": "journal", "文献来源": "journal", "来源": "journal", "会议名称": "event",
    "学位授予单位": "publisher", "出版单位": "publisher", "出版社": "publisher", "报纸名称": "journal",
    "年": "year", "出版时间": "date", "发表时间": "date", "出版日期": "date",
    "卷": "volume", "期": "issue", "页码": "pages", "页数": "page_count",
    "关键词": "keywords", "英文关键词": "keywords", "摘要": "abstract", "英文摘要": "abstract",
    "基金": "funding", "来源库": "database", "链接": "url", "网址": "url",
    "国际标准刊号": "issn", "国际标准书号": "isbn", "国内统一刊号": "cn", "中图分类号": "classification",
    "分类号": "classification",
    "导师": "supervisors", "指导教师": "supervisors", "学位": "degree", "学位类型": "degree",
    "语种": "language", "专利号": "number", "申请号": "number", "标准号": "number",
}
# English label -> raw key (used when the Chinese half is missing or unknown).
BY_ENGLISH = {
    "title": "titles", "author": "author", "firstduty": "first_duty", "organ": "affiliation",
    "source": "journal", "year": "year", "pubtime": "date", "volume": "volume", "roll": "volume",
    "period": "issue", "page": "pages", "pagecount": "page_count", "keyword": "keywords",
    "summary": "abstract", "fund": "funding", "srcdatabase": "database", "link": "url", "url": "url",
    "doi": "doi", "issn": "issn", "isbn": "isbn", "cn": "cn", "clc": "classification", "datatype": "data_type",
    "tutor": "supervisors", "teacher": "supervisors", "degree": "degree", "publisher": "publisher",
}
# SrcDatabase-来源库 values -> CSL types.
DATABASE_TYPES = (
    ("博士", "thesis"), ("硕士", "thesis"), ("学位", "thesis"), ("会议", "paper-conference"),
    ("报纸", "article-newspaper"), ("年鉴", "entry"), ("专利", "patent"), ("标准", "standard"),
    ("图书", "book"), ("成果", "report"), ("期刊", "article-journal"), ("辑刊", "article-journal"),
)
_SPLIT = re.compile(r"\s*[;；]+\s*")


def _label(m: re.Match) -> tuple[str, str | None]:
    english, chinese = m.group(1), m.group(2)
    key = BY_CHINESE.get(chinese or "") or BY_ENGLISH.get(english.lower())
    return english + (f"-{chinese}" if chinese else ""), key


class EStudyReader:
    name = "estudy"
    aliases = ("e-study", "cnki-estudy", "cnki-e-study", "cnki-custom")
    suffixes = (".txt",)

    def parse_line(self, line: str) -> tuple[str, str | None, str] | None:
        """(label as written, raw key or None, value) of a label line, else None.

        A line is a label line only with a Chinese half (``Title-题名:``) or a known
        English label, so abstract text such as "Results: ..." continues its field."""
        m = LINE.match(line)
        if not m:
            return None
        label, key = _label(m)
        if key is None and not m.group(2):
            return None
        return label, key, m.group(3).strip()

    def sniff(self, head: str) -> float:
        lines = [l for l in head.splitlines()[:200] if l.strip()]
        if not lines:
            return 0.0
        parsed = [self.parse_line(l) for l in lines]
        bilingual = sum(1 for l, p in zip(lines, parsed) if p and "-" in p[0] and p[1])
        starts = sum(1 for p in parsed if p and p[0].split("-")[0] in START_LABELS)
        if bilingual < 2 or not starts:
            return 0.0
        return min(1.0, 0.5 + 0.5 * sum(1 for p in parsed if p) / len(lines))

    def read(self, source) -> Iterator[Record | Failure]:
        first: list[str] = []  # the label the file's first record opens with (DataType, SrcDatabase, ...)

        def opens(field) -> bool:
            if field[0] == STRAY:
                return True  # text pasted after a record: a block of its own, refused
            head = field[0].split("-")[0]
            if not first:
                first.append(head)
            return head in (first[0], "DataType")

        parse = parse_strays(self.parse_line, lambda field: field[1] in ONE_LINE_KEYS, self.name)
        return read_label_blocks(self, source, parse, opens,
                                 "text outside any E-Study record (no label line such as DataType: or "
                                 "Title-题名: before it)",
                                 once=lambda field: field[0] in ("Title-题名", "Title-篇名"))

    def build(self, fields, source: Source) -> Record:
        refuse_stray(fields, self.name)
        rec = Record(source)
        database = next((v for _, k, v, _ in fields if k == "database" and v), "")
        for hint, csl in DATABASE_TYPES:
            if hint in database:
                rec.type = csl
                break
        thesis = rec.type == "thesis"
        if thesis:
            for hint in ("博士", "硕士"):
                if hint in database:
                    rec.raw["degree"] = [(hint, None)]
        raw = rec.raw

        def add(key: str, value: str, lineno: int) -> None:
            raw.setdefault(key, []).append((value, lineno))

        for label, key, value, lineno in fields:
            if not value:
                continue
            if key is None:
                rec.extra.setdefault("tags", {}).setdefault(label, []).append(value)
                continue
            if key == "journal" and thesis:
                key = "publisher"  # the university awarding the degree
            if key in ("author", "supervisors", "translated_author", "first_duty"):
                names = [n for n in _SPLIT.split(value) if n.strip()]
                if key == "author" and len(names) == 1:
                    add("authors", names[0], lineno)  # "张三,李四": the pipeline splits it
                else:
                    for n in names:
                        add(key, n.strip(), lineno)
            elif key == "affiliation":
                for a in _SPLIT.split(value):
                    if a.strip() and a.strip() not in [t for t, _ in raw.get("affiliation", [])]:
                        add(key, a.strip(), lineno)
            elif key in ("doi", "issn"):
                add(key, unicodedata.normalize("NFKC", value).strip(), lineno)
            elif key == "url":
                add(key, value, lineno)
                if source.source_id is None:
                    source.source_id = _id_from_url(value)
            elif key == "data_type":
                rec.extra["data_type"] = value
            else:
                add(key, value, lineno)
        return rec


register(EStudyReader())
