"""NoteExpress (``.net``) exports of CNKI, Wanfang and VIP: ``{Field}: value`` lines.

A record starts at ``{Reference Type}:`` (or ``{文献类型}:``) and runs to the next one;
blank lines inside a record do not end it.  A line that is not a ``{Field}:`` line
continues the previous field.  Field names are English (``{Title}``, ``{Author}``) or
Chinese (``{题名}``, ``{作者}``); a field may repeat (Wanfang: one ``{Author}`` line per
author) or hold a list (``;;`` in CNKI, ``;`` or ``，`` elsewhere).  CNKI writes ``(#br)``
for a line break inside an abstract and may start one with an ``Abstract`` heading.

Wanfang's ``{Translated Title}``, ``{Translated Journal}``, ``{Translated Keywords}`` and
``{Translated Abstract}`` fill the English side; ``{Translated Author}`` (pinyin names)
goes to raw ``translated_author``.  Theses: ``{Tertiary Author}`` / ``{导师}`` are
supervisors, the university (``{Secondary Title}`` or ``{Publisher}``) the publisher,
``{Type of Work}`` the degree.  ``{Edition}`` is a book's edition; ``{Patent}`` a patent's
number and ``{Number}`` a standard's, report's or patent's (an article's issue otherwise);
a standard's ``{Issue}`` is its number too (CNKI's ``GB/T 7714-2015``).
Streams line by line.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterator

from ..record import TYPE_NAMES as TYPES, Failure, Record, Source  # (TYPES: its reference types)
from ._tagged_stream import read_label_blocks
from .base import ONE_LINE_KEYS, STRAY, paired_affiliations, parse_strays, refuse_stray, register, subsidiary_author_key

# A field line: "{Title}: ...", "{Subsidiary Author,}: ...", "{题名}：...".
LINE = re.compile(r"^\{([^{}\n]{1,40})\}\s*[:：]\s?(.*)$")
# A field line missing its closing brace ("{Keywords: a;b"): that field all the same, with an issue.
BROKEN_LINE = re.compile(r"^\{([^{}:：\n]{1,40}?)\s*[:：]\s?(.*)$")
START_FIELDS = frozenset({"reference type", "文献类型", "参考文献类型"})
# A record's own title: a second one means the next record lost its {Reference Type} line.
ONCE_FIELDS = frozenset({"title", "题名", "标题", "篇名"})


# Field name (lower case, trailing comma dropped) -> raw key.  "*" entries are decided by type.
FIELDS = {
    "title": "titles", "题名": "titles", "标题": "titles", "篇名": "titles", "中文题名": "titles",
    "translated title": "titles", "英文题名": "titles", "英文标题": "titles", "英文篇名": "titles",
    "original title": "titles", "原始标题": "titles",
    "author": "author", "作者": "author", "著者": "author", "主要责任者": "author",
    "translated author": "translated_author", "英文作者": "translated_author", "作者英文名": "translated_author",
    "author address": "affiliation", "作者单位": "affiliation", "作者地址": "affiliation",
    "作者机构": "affiliation", "单位": "affiliation", "机构": "affiliation",
    "journal": "journal", "刊名": "journal", "期刊": "journal", "期刊名称": "journal", "来源": "journal",
    "文献来源": "journal", "出版物": "journal",
    "translated journal": "journal", "英文刊名": "journal",
    "secondary title": "*secondary", "tertiary title": "*tertiary", "会议名称": "event",
    "year": "year", "年": "year", "年份": "year", "出版年": "year", "年代": "year",
    "date": "date", "日期": "date", "出版日期": "date", "发表时间": "date", "出版时间": "date",
    "volume": "volume", "卷": "volume", "issue": "*issue", "期": "issue", "number": "*number",
    "edition": "edition", "版次": "edition", "patent": "number", "专利号": "number",
    "pages": "pages", "页码": "pages", "页": "pages",
    "keywords": "keywords", "关键词": "keywords", "translated keywords": "keywords", "英文关键词": "keywords",
    "abstract": "abstract", "摘要": "abstract", "translated abstract": "abstract", "英文摘要": "abstract",
    "doi": "doi", "url": "url", "链接": "url", "网址": "url",
    "isbn/issn": "*isbn_issn", "issn": "issn", "isbn": "*isbn_issn", "图书印刷版isbn": "isbn",
    "notes": "notes", "备注": "notes", "附注": "notes", "note": "notes",
    "publisher": "publisher", "出版者": "publisher", "出版社": "publisher", "出版单位": "publisher",
    "学位授予单位": "publisher", "place published": "place", "出版地": "place",
    "tertiary author": "*tertiary_author", "导师": "supervisors", "指导教师": "supervisors",
    "secondary author": "editor", "编者": "editor", "subsidiary author": "*subsidiary_author",
    "translator": "translator", "译者": "translator",
    "type of work": "*type_of_work", "学位": "degree", "学位类型": "degree",
    "database provider": "database_provider", "数据库提供商": "database_provider",
    "srcdatabase": "database", "来源库": "database", "数据库": "database",
    "language": "language", "语言": "language", "语种": "language",
    "fund": "funding", "基金": "funding", "基金项目": "funding",
    "call number": "classification", "分类号": "classification", "中图分类号": "classification",
}
# Keys of fields whose value is one line, with the "*" keys whose every choice is one (an issue
# or a standard's number, an ISSN or an ISBN, a degree or a genre).
ONE_LINE = ONE_LINE_KEYS | {"*number", "*issue", "*isbn_issn", "*type_of_work"}
# Raw keys whose values are lists written on one line.
LIST_SPLIT = re.compile(r"\s*(?:;;|[;；])\s*")
_CN = re.compile(r"^\d{2}-\d{4}(?:/[A-Z0-9]{1,4})?$")
_KW_SEPARATOR = re.compile(r"[;；,，、]")
_ISSN = re.compile(r"^\d{4}-?\d{3}[\dXx]$")
# A heading CNKI puts before an abstract's text: "Abstract(#br)", "摘要：", "【摘要】".
_ABSTRACT_HEAD = re.compile(r"^\s*(?:abstract|summary|摘\s*要|内容提要|提要)\s*(?:\(#br\)|[:：])\s*"
                            r"|^\s*[【\[]\s*(?:摘\s*要|abstract)\s*[】\]]\s*[:：]?\s*", re.IGNORECASE)
_BR = "(#br)"


def clean_abstract(text: str) -> str:
    """CNKI's "(#br)" line breaks and "Abstract" heading: a heading paragraph of a structured
    abstract ("Background(#br)...") becomes "Background: ..."; paragraphs are joined by a space."""
    text = text.strip()
    head = _ABSTRACT_HEAD.match(text)
    if head and head.end() < len(text):
        text = text[head.end():]
    if _BR not in text:
        return text.strip()
    parts = [p.strip() for p in text.split(_BR)]
    out: list[str] = []
    for i, part in enumerate(parts):
        if not part:
            continue
        is_heading = (i + 1 < len(parts) and len(part) <= 40 and len(part.split()) <= 5
                      and not re.search(r"[.。!?！？:：;；,，]$", part))
        out.append(part + ":" if is_heading else part)
    return " ".join(out)


def _split_list(value: str) -> list[str]:
    return [p.strip() for p in LIST_SPLIT.split(value) if p.strip()]


class NoteExpressReader:
    name = "noteexpress"
    aliases = ("net", "note-express", "cnki-noteexpress", "wanfang-noteexpress", "vip-noteexpress", "ne")
    suffixes = (".net",)

    def sniff(self, head: str) -> float:
        lines = [l for l in head.splitlines()[:200] if l.strip()]
        if not lines:
            return 0.0
        fields = [m.group(1).strip().lower().rstrip(",") for m in map(LINE.match, lines) if m]
        if not fields:
            return 0.0
        known = sum(1 for f in fields if f in FIELDS or f in START_FIELDS)
        ratio = len(fields) / len(lines)
        if any(f in START_FIELDS for f in fields):
            return min(1.0, 0.6 + 0.4 * ratio)
        if known >= 3 and ratio >= 0.5:
            return 0.5
        return 0.0

    def read(self, source) -> Iterator[Record | Failure]:
        def parse(line: str) -> tuple | None:
            m = LINE.match(line)
            if m:
                return m.group(1).strip(), m.group(2).strip()
            m = BROKEN_LINE.match(line)
            # (name, the line as written, value): build flags the line
            return (m.group(1).strip(), line.strip(), m.group(2).strip()) if m else None

        def one_line(field: tuple[str, str]) -> bool:
            name = field[0].lower().rstrip(",").strip()
            return name in START_FIELDS or FIELDS.get(name) in ONE_LINE

        def opens(field: tuple[str, str]) -> bool:
            # text pasted after a record opens a block of its own, refused
            return field[0] == STRAY or field[0].lower().rstrip(",").strip() in START_FIELDS

        return read_label_blocks(self, source, parse_strays(parse, one_line, self.name), opens,
                                 "text outside any NoteExpress record (no {Reference Type}: or {Field}: line before it)",
                                 once=lambda field: field[0].lower() in ONCE_FIELDS)

    def build(self, fields, source: Source) -> Record:
        refuse_stray(fields, self.name)
        rec = Record(source)
        for field in fields:
            if len(field) == 4:   # a field line missing its closing brace
                rec.issues.append(f"{source.path}:{field[3]}: {field[1][:40]!r} read as its field "
                                  f"{{{field[0]}}} (its closing brace missing)")
        fields = [(f[0], f[-2], f[-1]) for f in fields]
        ref_type = ""
        for name, value, _ in fields:
            if name.lower() in START_FIELDS and value:
                ref_type = value.strip()
                break
        csl = TYPES.get(ref_type.lower())
        database = " ".join(v for n, v, _ in fields if FIELDS.get(n.lower()) == "database")
        if "年鉴" in database:
            csl = "entry"
        if csl:
            rec.type = csl
        if ref_type:
            rec.extra["source_type"] = ref_type
        raw = rec.raw

        def add(key: str, value: str, lineno: int) -> None:
            raw.setdefault(key, []).append((value, lineno))

        has_tertiary_title = any(n.lower() == "tertiary title" for n, _, _ in fields)
        keyword_lines: dict[str, list[tuple[str, int]]] = {}
        affiliations: list[tuple[str, int]] = []
        address_lines: list[list[str]] = []   # each line's institutions
        for name, value, lineno in fields:
            key_name = name.lower().rstrip(",").strip()
            if key_name in START_FIELDS or not value:
                continue
            key = FIELDS.get(key_name)
            if key is None:
                rec.extra.setdefault("tags", {}).setdefault(name, []).append(value)
                continue
            if key.startswith("*"):
                key = self._by_type(key, rec.type, value, has_tertiary_title)
            if key == "titles":
                add(key, value, lineno)
            elif key in ("author", "supervisors", "editor", "translated_author", "translator"):
                names = _split_list(value)
                if len(names) > 1 or key != "author":
                    for n in names:
                        add(key, n, lineno)
                elif names:
                    add("authors", names[0], lineno)  # "谢昕,王小增": the pipeline splits it
            elif key == "affiliation":
                affiliations += [(a, lineno) for a in _split_list(value)]
                address_lines.append(_split_list(value))
            elif key == "keywords":
                bucket = "en" if key_name in ("translated keywords", "英文关键词") else "main"
                keyword_lines.setdefault(bucket, []).append((value.replace(";;", ";"), lineno))
            elif key in ("doi", "issn"):
                add(key, unicodedata.normalize("NFKC", value).strip(), lineno)
            elif key == "notes" and _CN.match(value.strip()):
                add("cn", value.strip(), lineno)  # CNKI puts the journal's CN serial number here
            elif key == "abstract":
                text = clean_abstract(value)
                if text:
                    add(key, text, lineno)
            elif key == "url":
                add(key, value, lineno)
                if source.source_id is None:
                    source.source_id = _id_from_url(value)
            else:
                add(key, value, lineno)
        for lines in keyword_lines.values():
            # Wanfang writes one keyword a line: one list, so the language is decided for all.
            text = ";".join(v.strip().strip(";；") for v, _ in lines)
            # One keyword without any separator is one keyword, even with spaces in it.
            add("keywords" if _KW_SEPARATOR.search(text) else "keyword", text, lines[0][1])
        seen = set()
        for text, lineno in affiliations:
            if text not in seen:
                seen.add(text)
                add("affiliation", text, lineno)
        # Wanfang's address line an author (one name an {Author} line)
        owned = paired_affiliations([v for v, _ in raw.get("authors", [])], address_lines)
        if owned and "author" not in raw:
            rec.extra["author_affiliations"] = owned
        return rec

    @staticmethod
    def _by_type(key: str, csl: str, value: str, has_tertiary_title: bool) -> str:
        if key == "*secondary":
            if csl == "thesis":
                return "publisher"  # the university
            if csl == "paper-conference" and has_tertiary_title:
                return "event"
            if csl in ("book", "chapter", "report"):
                return "series" if csl != "chapter" else "journal"
            return "journal"
        if key == "*tertiary":
            return "journal" if csl == "paper-conference" else "series"
        if key == "*subsidiary_author":
            # a patent's is its applicant (申请人), as CNKI writes it: its assignee; a book's, a
            # chapter's, an article's its translator, as EndNote names the field there; a
            # conference paper's or a yearbook entry's the host's editor, as the refer reader reads %?
            return subsidiary_author_key(csl, "assignee" if csl == "patent" else "subsidiary_author")
        if key == "*tertiary_author":
            return "supervisors" if csl == "thesis" else "tertiary_author"
        if key == "*type_of_work":
            return {"thesis": "degree", "patent": "number"}.get(csl, "genre")
        if key == "*number":
            # a standard's, report's or patent's own number ("GB/T 7714-2015"); a journal's issue
            return "number" if csl in ("standard", "report", "patent") else "issue"
        if key == "*issue":
            # CNKI writes a standard's number in its {Issue} ("GB/T 7714-2015"): read as the number
            # a standard's {Number}, {ISBN} and CNKI EndNote's %V are
            return "number" if csl == "standard" else "issue"
        if key == "*isbn_issn" and csl == "standard":
            return "number"  # "GB/T 7178.1-1996"
        if key == "*isbn_issn":
            return "issn" if _ISSN.match(value.strip()) else "isbn"
        return key[1:]


def _id_from_url(url: str) -> str | None:
    """The database's own id in a detail-page URL (Wanfang ``id=``, CNKI ``FileName=``)."""
    m = re.search(r"[?&](?:FileName|filename|id)=([^&#\s]+)", url)
    return m.group(1) if m else None


register(NoteExpressReader())
