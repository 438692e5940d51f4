"""Clusters in the terminal: side by side, and the review loop of ``dedup --review``."""
from __future__ import annotations

import os
import shutil
from typing import Callable, TextIO

from .charsets import is_han
from .export.common import display_name
from .merge import distinct_sets, record_decision, record_decisions, record_entries, to_review
from .record import source_label
from .terminal import shortened, text_width as _width


def _name(a: dict) -> str:
    """An author as a reference list writes one: ``Adams, Nancy K`` (the comma tells family
    from given names, ``Adams Nancy K`` does not); a Chinese name whole (王 + 建国: 王建国)."""
    family = a.get("family") or ""
    if not a.get("literal") and family and is_han(family[0]):
        return family + (a.get("given") or "")
    return display_name(a)


_ROWS = (("title", lambda r: " / ".join((r.get("title") or {}).values())),
         ("authors", lambda r: "; ".join(map(_name, (r.get("authors") or [])[:4]))
          + (" …" if len(r.get("authors") or []) > 4 else "")),
         ("journal", lambda r: " / ".join((r.get("journal") or {}).values())),
         ("year", lambda r: str(r.get("year") or "")),
         ("vol(iss)", lambda r: f"{r.get('volume') or ''}({r.get('issue') or ''})".replace("()", "")),
         ("pages", lambda r: r.get("pages") or ""),
         ("doi", lambda r: r.get("doi") or ""),
         ("type", lambda r: r.get("type") or ""),
         ("lang", lambda r: r.get("language") or ""),
         ("abstract", lambda r: "yes" if r.get("abstract") else ""),
         ("source", lambda r: source_label(r["source"])))


def _cut(text: str, width: int, keep_end: bool = False) -> str:
    """``text`` cut and padded to ``width`` terminal columns (CJK characters take two); with
    ``keep_end``, the start is cut (a path's folders, which the records of a cluster share)."""
    text = shortened(text, width, words=False, keep_end=keep_end)
    return text + " " * max(0, width - _width(text))


def _from_difference(text: str, others: list[str], width: int) -> str:
    """``text`` from a word before where it differs from the value it shares the longest start
    with, "…" for that start, when cutting it to ``width`` would hide the difference (two long
    titles alike but for their ends: ``… in elderly patients``); else ``text``.

    >>> _from_difference("Efficacy of rehabilitation in adult patients",
    ...                  ["Efficacy of rehabilitation in elderly patients", "康复的疗效"], 20)
    '… in adult patients'
    >>> _from_difference("Efficacy in adults", ["Efficacy in the elderly"], 20)
    'Efficacy in adults'
    """
    common = max((len(os.path.commonprefix([text, o])) for o in others if o and o != text), default=0)
    if common == 0 or _width(text[:common]) < width - 1 - 4:   # the difference shows, a few columns of it
        return text
    start = common
    while start and not text[start - 1].isspace():   # back to the start of the word that differs
        start -= 1
    before = text[:start].rstrip()
    if before and " " in before:   # and one word before it
        start = before.rindex(" ") + 1
    if _width(text[start:common]) > width // 2 or start == 0:   # no spaces (Chinese): a few characters
        start = max(1, common - 4)
    return "… " + text[start:]


def side_by_side(cluster: dict, by_id: dict[str, dict], width: int | None = None) -> list[str]:
    """A cluster as a table: one column per record, numbered (the numbers a reviewer answers
    with), the master marked *; a row per field; a field on which the records differ is marked ≠."""
    width = width or shutil.get_terminal_size((120, 24)).columns
    ids = [m["id"] for m in cluster["records"]]
    col = max(16, (width - 12) // len(ids) - 2)
    lines = ["  " + " " * 10 + "  ".join(_cut(f"{n}  " + ("* " if i == cluster["master"] else "  ") + i, col)
                                         for n, i in enumerate(ids, 1))]
    for name, get in _ROWS:
        values = [get(by_id[i]) for i in ids]
        mark = "≠" if len({v for v in values if v}) > 1 and name not in ("source", "lang") else " "
        if mark == "≠":   # each value from where it differs, when its start would fill the column
            values = [_from_difference(v, values, col) for v in values]
        lines.append(f"{mark} {name:<9} " + "  ".join(_cut(v, col, keep_end=name == "source") for v in values))
    return lines


def describe(cluster: dict) -> str:
    """The tier and reasons; for a cluster that needs review, its certain groups, which
    ``--apply`` merges whatever the review decides, each master marked * (the record search
    shows after --apply, which may not be the cluster's).  A cluster that needs review with more
    than one link gives each link's reasons, its records by their column numbers (a "same first
    page" is true of one pair, not of the other paper by the same authors).

    >>> print(describe({"confidence": "needs review", "reasons": ["same first page", "same year"],
    ...                 "records": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
    ...                 "links": [{"pair": ["a", "c"], "reasons": ["same first page", "same year"]},
    ...                           {"pair": ["a", "b"], "reasons": ["same year"]}]}))
    needs review:
      1 = 3: same first page; same year
      1 = 2: same year
    """
    groups = "".join("\n  certain, merged by --apply: " + " = ".join(
        ("*" if m["id"] == g["master"] else "") + m["id"] for m in g["records"]) for g in cluster.get("groups") or [])
    links = cluster.get("links") or []
    if cluster["confidence"] == "certain" or len(links) < 2:
        return f"{cluster['confidence']}: {'; '.join(cluster['reasons'])}{groups}"
    number = {m["id"]: n for n, m in enumerate(cluster["records"], 1)}
    said = {reason for link in links for reason in link["reasons"]}
    notes = "".join(f"\n  {reason}" for reason in cluster["reasons"] if reason not in said)
    pairs = "".join(f"\n  {' = '.join(sorted((str(number[x]), str(number[y])), key=int))}: {'; '.join(link['reasons'])}"
                    for link in links for x, y in [link["pair"]])
    return f"{cluster['confidence']}:{pairs}{notes}{groups}"


ANSWERS = {"m": "merge", "n": "distinct", "s": "skip", "q": "quit"}
PROMPT = "[m]erge  [n]ot duplicates  [s]kip  [q]uit > "
# a cluster of three or more records may be split: the numbers of the records that are one paper
PROMPT_SPLIT = ("[m]erge all  [n]ot duplicates  [s]kip  [q]uit  or the numbers of one paper "
                "(1 3 or 1,3; two papers: 1 3; 2 4) > ")


def parse_parts(answer: str, count: int) -> list[list[int]]:
    """The parts a reviewer's numbers name (1-based, a part's numbers apart by spaces or commas,
    parts by ``;`` or ``/``), each record not named a part of its own; ValueError says what is
    wrong, and so does an answer that names no two records as one paper (``1``, ``1; 3``): the
    numbers say which records are one paper, "not duplicates" is ``n``.

    >>> parse_parts("1 3", 3), parse_parts("1,3", 3), parse_parts("1, 2; 3 4", 5)
    ([[1, 3], [2]], [[1, 3], [2]], [[1, 2], [3, 4], [5]])
    >>> parse_parts("1 4", 3)
    Traceback (most recent call last):
    ValueError: no record 4: the records are numbered 1 to 3
    >>> parse_parts("1; 3", 3)
    Traceback (most recent call last):
    ValueError: no two records named as one paper: give the numbers of one paper (1 3), or n for not duplicates
    """
    parts: list[list[int]] = []
    seen: set[int] = set()
    for chunk in answer.replace("/", ";").split(";"):
        part = []
        for word in chunk.replace(",", " ").replace("，", " ").split():
            if not word.isdigit():
                raise ValueError(f"{word!r} is not a record's number")
            n = int(word)
            if not 1 <= n <= count:
                raise ValueError(f"no record {n}: the records are numbered 1 to {count}")
            if n in seen:
                raise ValueError(f"record {n} is named twice")
            seen.add(n)
            part.append(n)
        if part:
            parts.append(part)
    if all(len(part) < 2 for part in parts):
        raise ValueError("no two records named as one paper: give the numbers of one paper (1 3), "
                         "or n for not duplicates")
    return parts + [[n] for n in range(1, count + 1) if n not in seen]


def split_entries(cluster: dict, parts: list[list[int]]) -> list[tuple[str, list[str]]]:
    """The decisions a split stores: "merge" for the records of each part of two or more,
    "distinct" for each pair of records of two parts (so ``--apply`` merges each part alone).
    A certain group (``groups``) is one paper whatever is answered: split, ValueError.

    >>> cluster = {"records": [{"id": i} for i in "abc"], "groups": []}
    >>> split_entries(cluster, [[1, 3], [2]])
    [('merge', ['a', 'c']), ('distinct', ['a', 'b']), ('distinct', ['c', 'b'])]
    """
    ids = [m["id"] for m in cluster["records"]]
    named = [[ids[n - 1] for n in part] for part in parts]
    part_of = {rid: k for k, part in enumerate(named) for rid in part}
    for g in cluster.get("groups") or []:
        members = [m["id"] for m in g["records"]]
        if len({part_of[rid] for rid in members}) > 1:
            raise ValueError(f"records {' and '.join(str(ids.index(rid) + 1) for rid in members)} are one paper "
                             f"for certain (--apply merges them): name them in one part")
    entries = [("merge", part) for part in named if len(part) > 1]
    return entries + [("distinct", [x, y]) for k, part in enumerate(named) for other in named[k + 1:]
                      for x in part for y in other]


def review(index_dir: str, clusters: list[dict], by_id: dict[str, dict], ask: Callable[[str], str],
           out: TextIO) -> dict:
    """Walk the clusters that need review; each answer is stored at once.  ``ask`` reads
    one answer (EOF ends the review like quit).  The question is whether the groups of a
    cluster (records joined by certain links) and its records alone are one work: "not
    duplicates" parts them and keeps each group whole.  In a cluster of three or more records,
    numbers say which records are one paper (``1 3``: those merged, the others apart), for
    a paper, its translation and another paper by the same authors.  Returns the counts of
    each answer."""
    pending = to_review(clusters)
    counts = {"merge": 0, "distinct": 0, "split": 0, "skip": 0, "pending": len(pending)}
    for n, cluster in enumerate(pending, 1):
        out.write(f"\n[{n}/{len(pending)}] {describe(cluster)}\n")
        out.write("\n".join(side_by_side(cluster, by_id)) + "\n")
        size = len(cluster["records"])
        while True:
            try:
                text = ask(PROMPT_SPLIT if size > 2 else PROMPT).strip().lower()
            except EOFError:
                text = "q"
            answer = ANSWERS.get(text[:1])
            if answer or not (size > 2 and text[:1].isdigit()):
                if answer:
                    break
                out.write("please answer m, n, s or q" + (", or the numbers of the records that are one paper\n"
                                                          if size > 2 else "\n"))
                continue
            try:
                parts = parse_parts(text, size)
                entries = split_entries(cluster, parts)
            except ValueError as e:
                out.write(f"{e}\n")
                continue
            answer = "merge" if len(parts) == 1 else "split"
            break
        if answer == "quit":
            break
        if answer == "merge":
            record_decision(index_dir, answer, [m["id"] for m in cluster["records"]], by_id)
        elif answer == "distinct":
            record_decisions(index_dir, answer, distinct_sets(cluster), by_id)
        elif answer == "split":
            record_entries(index_dir, entries, by_id)
        counts[answer] += 1
    return counts
