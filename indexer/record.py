"""The cleaned record and its companions: plain dataclasses, no I/O.

A :class:`Record` serialises to exactly the JSON shape of the shared contract
(``record.schema.json``); :class:`Failure` is what a reader yields for input it
could not turn into a record, carrying the raw text so nothing is lost.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from typing import Any, Iterator


# CSL's item types, the record's ``type`` (readers map their own names to them).
CSL_TYPES = frozenset(
    "article article-journal article-magazine article-newspaper bill book broadcast chapter classic collection "
    "dataset document entry entry-dictionary entry-encyclopedia event figure graphic hearing interview "
    "legal_case legislation manuscript map motion_picture musical_score pamphlet paper-conference patent "
    "performance periodical personal_communication post post-weblog regulation report review review-book "
    "software song speech standard thesis treaty webpage".split())
# Kinds of record as NoteExpress, CNKI and Wanfang name them (and EndNote's English names),
# lower case -> CSL types: the NoteExpress reader's table, and search's type: values.
TYPE_NAMES = {
    "journal article": "article-journal", "期刊文章": "article-journal", "期刊论文": "article-journal",
    "magazine article": "article-magazine", "杂志文章": "article-magazine",
    "newspaper article": "article-newspaper", "报纸文章": "article-newspaper", "报纸": "article-newspaper",
    "thesis": "thesis", "dissertation": "thesis", "学位论文": "thesis", "硕士论文": "thesis", "博士论文": "thesis",
    "conference proceedings": "paper-conference", "conference paper": "paper-conference",
    "会议论文": "paper-conference", "会议论文集": "paper-conference",
    "book": "book", "edited book": "book", "图书": "book", "书籍": "book", "专著": "book",
    "book section": "chapter", "图书章节": "chapter", "专著章节": "chapter",
    "patent": "patent", "专利": "patent", "standard": "standard", "标准": "standard",
    "report": "report", "报告": "report", "科技报告": "report", "成果": "report",
    "electronic source": "webpage", "web page": "webpage", "电子文献": "webpage", "网页": "webpage",
    "generic": "document", "普通": "document", "其他": "document",
}


@dataclass
class Source:
    path: str
    format: str
    record: int
    line: int | None = None
    source_id: str | None = None
    # The file inside an archive the record was read from (``path`` is the archive).
    member: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"path": self.path, "format": self.format, "record": self.record}
        if self.line is not None:
            out["line"] = self.line
        out["source_id"] = self.source_id
        if self.member is not None:
            out["member"] = self.member
        return out


@dataclass
class Repair:
    """One change the cleaner made: replaying ``step`` on ``before`` gives ``after``."""

    step: str
    field: str
    before: str
    after: str

    def to_json(self) -> dict[str, str]:
        return {"step": self.step, "field": self.field, "before": self.before, "after": self.after}


@dataclass
class Record:
    source: Source
    title: dict[str, str] = field(default_factory=dict)
    abstract: dict[str, str] = field(default_factory=dict)
    sections: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    authors: list[dict[str, str]] = field(default_factory=list)
    keywords: dict[str, list[str]] = field(default_factory=dict)
    journal: dict[str, str] = field(default_factory=dict)
    type: str = "article-journal"
    language: str = "und"
    year: int | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    doi: str | None = None
    issn: str | None = None
    url: str | None = None
    funding: list[dict[str, Any]] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    issues: list[str] = field(default_factory=list)
    # Values the reader found but the contract has no field for (unknown labels,
    # classification codes ...): kept, never dropped.
    extra: dict[str, Any] = field(default_factory=dict)
    # Raw, not yet split values handed from a reader to the field steps
    # (e.g. an author line, a keyword line, a funding line); emptied by the pipeline.
    raw: dict[str, Any] = field(default_factory=dict)
    # The record's text as read from its file, for failure reports (not serialised).
    raw_text: str = field(default="", repr=False)

    @property
    def id(self) -> str:
        return record_id(self.source)

    def put(self, key: str, value: Any, line: int | None = None) -> None:
        """Hand a raw value to the pipeline (``raw[key]`` gets ``(value, line)``); empty values are skipped."""
        if value:
            self.raw.setdefault(key, []).append((value, line))

    def log(self, step: str, field_name: str, before: str, after: str) -> None:
        """Record a repair, only when it changed something."""
        if before != after:
            self.repairs.append(Repair(step, field_name, before, after))

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "source": self.source.to_json(),
            "type": self.type,
            "language": self.language,
            "title": dict(self.title),
            "abstract": dict(self.abstract),
            "sections": {k: [dict(s) for s in v] for k, v in self.sections.items()},
            "authors": [dict(a) for a in self.authors],
            "keywords": {k: list(v) for k, v in self.keywords.items()},
            "journal": dict(self.journal),
            "year": self.year,
            "volume": self.volume,
            "issue": self.issue,
            "pages": self.pages,
            "doi": self.doi,
            "issn": self.issn,
            "url": self.url,
            "funding": [dict(f) for f in self.funding],
            "repairs": [r.to_json() for r in self.repairs],
            "issues": list(self.issues),
        }
        if self.extra:
            out["extra"] = dict(self.extra)
        return out


@dataclass
class Failure:
    """Input that could not become a record: reported with its raw text, never dropped."""

    path: str
    line: int | None
    reason: str
    raw: str
    format: str | None = None
    record: int | None = None
    member: str | None = None  # the file inside an archive (``path``) it was read from

    def to_json(self) -> dict[str, Any]:
        out = {"failure": True, "path": self.path, "line": self.line, "record": self.record,
               "format": self.format, "reason": self.reason, "raw": self.raw}
        if self.member is not None:
            out["member"] = self.member
        return out

    @classmethod
    def of(cls, rec: "Record", reason: str) -> "Failure":
        """A record read that could not go on (cleaning it failed): where it was, and its raw text."""
        src = rec.source
        return cls(path=src.path, line=src.line, reason=reason, raw=rec.raw_text, format=src.format,
                   record=src.record, member=src.member)

    def message(self) -> str:
        at = where(self.path, self.member)
        return f"{at}:{self.line}: {self.reason}" if self.line else f"{at}: {self.reason}"


def where(path: str, member: str | None = None) -> str:
    """A file as messages name it; a file inside an archive as ``refs.zip/cnki.ris``."""
    return f"{path}/{member}" if member else path


def source_label(source: dict) -> str:
    """A record's source (its JSON form) as listings show it: ``refs.zip/cnki.ris #3``."""
    return f"{where(source['path'], source.get('member'))} #{source['record']}"


def publication_types(rec: dict) -> list[str]:
    """The publication types a record's database states, as written: PubMed's (``PT``,
    ``extra.publication_type``, one a value), else Web of Science's or Scopus's document type
    (``DT``, ``extra.document_type``, "; "-joined), as RIS writes them to ``M3`` (the
    exports' and a merged record's).

    >>> publication_types({"extra": {"document_type": ["Article; Early Access"]}})
    ['Article', 'Early Access']
    >>> publication_types({"extra": {"publication_type": ["Journal Article", "Review"]}})
    ['Journal Article', 'Review']
    """
    ex = rec.get("extra") or {}
    types = ex.get("publication_type") or ex.get("document_type") or []
    types = [types] if isinstance(types, str) else types
    return list(dict.fromkeys(t.strip() for v in types for t in str(v).split(";") if t.strip()))


def record_id(source: Source) -> str:
    """Stable id from where the record came from: the file's absolute path and the ordinal.

    The same file read again (from any working directory) gives the same ids, so a
    re-ingested record replaces its old version; two files that merely share a name
    in different folders never collide.  No time, no dict order, no randomness.
    """
    return ordinal_id(source.path, source.record)


def ordinal_id(path: str, ordinal: int) -> str:
    """The id of the record at ``ordinal`` in the file ``path`` (see :func:`record_id`)."""
    key = json.dumps([os.path.abspath(path), ordinal], ensure_ascii=False)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def ordinal_ids(path: str, start: int, stop: int) -> Iterator[str]:
    """The ids of the places ``start`` to ``stop`` (not included) of the file ``path``, as
    :func:`ordinal_id` gives them, the path made absolute and hashed once for all of them.

    >>> list(ordinal_ids("a.ris", 3, 5)) == [ordinal_id("a.ris", 3), ordinal_id("a.ris", 4)]
    True
    """
    head = hashlib.sha1(json.dumps([os.path.abspath(path), 0], ensure_ascii=False)[:-2].encode("utf-8"))
    for ordinal in range(start, stop):
        key = head.copy()
        key.update(b"%d]" % ordinal)
        yield key.hexdigest()[:16]
