"""The readable view of a cleaned record: fields, then each repair as before → after."""
from __future__ import annotations

import sys
import textwrap
from types import SimpleNamespace

from .record import Failure, Record, source_label
from .terminal import VIEW_WIDTH as WIDTH, view_width

_TERMINAL = object()  # format_record's width when not given: standard output's, if a terminal


def _fitted(lines: list[str], width: int | None) -> list[str]:
    """``lines`` each filled to ``width`` (when there is one: on a terminal), the rest of a line
    under its text, broken only at spaces as an abstract is."""
    if width is None:
        return lines
    out = []
    for line in lines:
        lead = line[:len(line) - len(line.lstrip(" "))]
        out += textwrap.wrap(line, width, initial_indent="", subsequent_indent=lead + "  ", break_long_words=False,
                             break_on_hyphens=False, drop_whitespace=True) if len(line) > width else [line]
    return out


def _excerpt(before: str, after: str, room: int = 60) -> tuple[str, str]:
    """The changed part of two long strings, with a little context."""
    if len(before) <= room and len(after) <= room:
        return before, after
    i = 0
    while i < min(len(before), len(after)) and before[i] == after[i]:
        i += 1
    j = 0
    while j < min(len(before), len(after)) - i and before[-1 - j] == after[-1 - j]:
        j += 1
    lo = max(0, i - 15)

    def cut(s: str) -> str:
        mid = s[lo:len(s) - j + 15 if j > 15 else len(s)]
        more = j > 15 or len(mid) > room
        return ("…" if lo else "") + mid[:room - 1 if len(mid) > room else None] + ("…" if more else "")

    return cut(before), cut(after)


# What defines a thesis, patent or standard beyond its title and authors, kept in ``extra`` by
# the readers: each line's label and the keys it shows, in this order (values once each).
_TYPE_LINES = {
    "thesis": (("university", ("publisher",)), ("degree", ("degree",)), ("supervisors", ("supervisors",))),
    "patent": (("number", ("patent_number", "number")), ("kind", ("patent_kind", "genre")),
               ("applicant", ("assignee", "publisher")), ("date", ("date",))),   # CNKI's refer: %I
    "standard": (("number", ("number",)), ("publisher", ("publisher",)), ("date", ("date",))),
}


def type_lines(rec) -> list[str]:
    """The lines of what defines a thesis (university, degree, supervisors), a patent (number,
    applicant, date) or a standard (number, date): the source line shows a year only.

    >>> type_lines(SimpleNamespace(type="thesis", journal={}, extra={"publisher": ["复旦大学"],
    ...            "degree": ["硕士", "硕士"], "supervisors": ["李建国", "王芳"]}))
    ['  university: 复旦大学', '  degree: 硕士', '  supervisors: 李建国; 王芳']
    >>> type_lines(SimpleNamespace(type="patent", journal={}, extra={"patent_number": ["CN111020404A"],
    ...            "assignee": ["扬中市旭禾管业制造有限公司"], "date": ["2020-04-17"]}))
    ['  number: CN111020404A', '  applicant: 扬中市旭禾管业制造有限公司', '  date: 2020-04-17']
    """
    extra = getattr(rec, "extra", None) or {}
    lines = []
    for label, keys in _TYPE_LINES.get(rec.type, ()):
        values = [v for k in keys for v in (extra.get(k) if isinstance(extra.get(k), list) else [extra.get(k)])
                  if isinstance(v, str) and v.strip()]
        if label == "university":  # shown already when the record writes it as the journal
            values = [v for v in values if v not in rec.journal.values()]
        if values:
            lines.append(f"  {label}: {'; '.join(dict.fromkeys(values))}")
    return lines


def format_record(rec: Record, width=_TERMINAL) -> str:
    """The view, its abstracts filled to ``width`` (the terminal's, at most WIDTH; WIDTH when
    printed to a file or pipe) and, on a terminal, its other long lines too (a repair's, a
    funding's: 180 columns on an 80-column terminal were cut anywhere by it)."""
    width = view_width(sys.stdout) if width is _TERMINAL else width
    lines = [f"● {rec.id}  {source_label(vars(rec.source))} [{rec.source.format}]  "
             f"language={rec.language} type={rec.type}"]
    for lang, t in rec.title.items():
        lines.append(f"  title.{lang}: {t}")
    if rec.authors:
        names = [a.get("literal") or f"{a.get('family', '')}, {a.get('given', '')}".strip(", ") for a in rec.authors]
        lines.append(f"  authors: {'; '.join(names)}")
    details = [v for v in ("; ".join(rec.journal.values()), rec.year, rec.volume and f"vol {rec.volume}",
                           rec.issue and f"no {rec.issue}", rec.pages and f"pp {rec.pages}",
                           rec.doi and f"doi {rec.doi}") if v]
    if details:
        lines.append(f"  source: {', '.join(str(d) for d in details)}")
    lines += type_lines(rec)
    for lang, kws in rec.keywords.items():
        lines.append(f"  keywords.{lang}: {'; '.join(kws)}")
    codes = (getattr(rec, "extra", None) or {}).get("classification")
    if codes:  # 中图分类号, one a code
        lines.append(f"  classification: {'; '.join(codes) if isinstance(codes, list) else codes}")
    for lang, text in rec.abstract.items():
        # broken only at spaces: a word, a number or a run of Chinese is never cut in two (copied
        # from the terminal, `P<0.` and `05` or `TGF-` and `β1` would be two); the terminal wraps a
        # long run of Chinese itself
        wrapped = textwrap.fill(text, width or WIDTH, initial_indent=f"  abstract.{lang}: ", subsequent_indent="    ",
                                break_long_words=False, break_on_hyphens=False)
        lines.append(wrapped)
    for lang, secs in rec.sections.items():
        lines.append(f"  sections.{lang}: {' | '.join(s['label'] for s in secs)}")
    for f in rec.funding:
        fid = f" ({f['funder_id']})" if f.get("funder_id") else ""
        lines.append(f"  funding: {f['funder']}{fid} — {f['award'] or 'no award number'}"
                     f"  [as written: {f['funder_original']}]")
    if rec.repairs:
        lines.append(f"  repairs ({len(rec.repairs)}):")
        for r in rec.repairs:
            before, after = _excerpt(r.before, r.after)
            lines.append(f"    {r.step} [{r.field}]: {before!r} → {after!r}")
    for issue in rec.issues:
        lines.append(f"  ! {issue}")
    return "\n".join(line if line.startswith("  abstract.") else "\n".join(_fitted(line.split("\n"), width))
                     for line in lines)


def format_failure(f: Failure, width=_TERMINAL) -> str:
    raw = f.raw if len(f.raw) <= 200 else f.raw[:200] + "…"
    width = view_width(sys.stdout) if width is _TERMINAL else width
    return "\n".join(_fitted([f"✗ {f.message()}", f"  raw: {raw!r}"], width))


def format_json(rec: dict) -> str:
    """The readable view of a record in its contract JSON form (as stored by ingest)."""
    NS = SimpleNamespace
    view = NS(**{k: v for k, v in rec.items() if k not in ("source", "repairs")})
    view.source = NS(**rec["source"])
    view.repairs = [NS(**r) for r in rec.get("repairs", [])]
    return format_record(view)
