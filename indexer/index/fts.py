"""Chinese substring queries at C speed: an SQLite FTS5 table beside whoosh.

whoosh decodes postings in Python: at 100k records, only listing the documents of a
common character (``用``: 20,503 documents) takes 41 ms, and the phrase ``应用`` (5,901
matches, each scored) 400-650 ms, against a 50 ms target.  Queries made only of Chinese
words and phrases (the common case: ``应用``, ``研究进展``, ``特色 文化``, ``癌 OR 瘤``) are
therefore answered from an FTS5 table in the record store, with the same matching rule
and the same ranking signals; every other query (English, fields other than those below,
mixed scripts, signs) goes to whoosh as before, and so does every query when the table is
missing or out of step with the whoosh index (a SQLite without FTS5, an older store).

The table holds, per record search shows, the same values as whoosh's fields, written so
that FTS5 phrases follow :func:`.analysis.tokens`: each CJK character is one token, and
anything else between two characters (a space, a sign, a Latin word, the boundary of two
values) becomes the filler token ``q``.  A Chinese phrase then matches exactly where its
characters are adjacent in the folded text, as in whoosh (tests compare both on the
search corpus).  ``kwx`` holds each all-Chinese keyword as one token and ``words`` the
jieba words of the title, for the same ranking lifts as whoosh's ``kwx`` and ``words``.
Ranking is FTS5's BM25 with whoosh's field weights; ties by record id.
"""
from __future__ import annotations

import re

from whoosh.query import NumericRange, Term

from ..store import SEARCH_COLUMNS, SEARCH_TABLE
from .analysis import CJK, fold
from .query import Leaf, Node, leaves
from .schema import DEFAULT_FIELDS, FIELD_BOOSTS

_NON_CJK = re.compile(f"[^{CJK}]+")
_CJK_ONLY = re.compile(f"[{CJK}]+")
FILLER = "q"
# Query fields answered here → the table's columns.
_COLUMNS = {DEFAULT_FIELDS: ("text", "funding"), ("text",): ("text",), ("title",): ("title",),
            ("keywords",): ("keywords",)}
_WEIGHTS = {c: FIELD_BOOSTS[c] for c in SEARCH_COLUMNS}
_BM25 = f"bm25({SEARCH_TABLE}, {', '.join(str(_WEIGHTS[c]) for c in SEARCH_COLUMNS)})"


def spaced(text: str) -> str:
    """``text`` folded, one token per CJK character, ``q`` for whatever lies between.

    >>> spaced("肺癌 (NSCLC)患者")
    '肺 癌 q 患 者'
    """
    return " ".join(_NON_CJK.sub(FILLER, fold(text)))


def columns(doc: dict) -> tuple[str, ...]:
    """The table's row for a whoosh document (:func:`.schema.document`)."""
    # Only Chinese runs that occur in the text: a row that matches a lift matches the phrase.
    text = fold(doc.get("text", ""))
    kwx = [k for k in doc.get("kwx", "").split(",") if _CJK_ONLY.fullmatch(k) and k in text]
    words = [w for w in doc.get("words", "").split() if _CJK_ONLY.fullmatch(w) and w in text]
    row = {"text": spaced(doc.get("text", "")), "title": spaced(doc.get("title", "")),
           "keywords": spaced(doc.get("keywords", "")), "funding": spaced(doc.get("funding", "")),
           "kwx": " ".join(kwx), "words": " ".join(words)}
    return tuple(row[c] for c in SEARCH_COLUMNS)


# ---------------------------------------------------------------- queries
def _answerable(leaf) -> bool:
    if not isinstance(leaf, Leaf) or leaf.fields not in _COLUMNS or leaf.narrowed:
        return False
    return _CJK_ONLY.fullmatch(fold(leaf.text).strip()) is not None


def _leaf(leaf: Leaf, hinted: bool) -> str:
    q = fold(leaf.text).strip()
    phrase = '"' + " ".join(q) + '"'
    cols = " ".join(_COLUMNS[leaf.fields])
    main = f"({{{cols}}} : {phrase})"
    if not hinted or leaf.fields != DEFAULT_FIELDS:
        return main
    # The phrase in the text columns (title and keywords lift), the exact keyword, the
    # jieba word (one token each in kwx and words: a phrase there could span two words).
    return f'({{{cols} title keywords}} : {phrase} OR kwx : "{q}" OR words : "{q}")'


def _expr(node, hinted: bool) -> str | None:
    if isinstance(node, Leaf):
        return _leaf(node, hinted)
    if node.op == "or":
        parts = [_expr(c, hinted) for c in node.children]
        if any(p is None or _is_not(c) for p, c in zip(parts, node.children)):
            return None
        return "(" + " OR ".join(parts) + ")"
    if node.op == "and":
        pos = [c for c in node.children if not _is_not(c)]
        neg = [c.children[0] for c in node.children if _is_not(c)]
        if not pos:
            return None
        parts = [_expr(c, hinted) for c in pos]
        negs = [_expr(c, False) for c in neg]
        if any(p is None for p in parts + negs):
            return None
        out = "(" + " AND ".join(parts) + ")"
        for n in negs:
            out = f"({out} NOT {n})"
        return out
    return None  # a NOT with nothing to subtract from


def _is_not(node) -> bool:
    return not isinstance(node, Leaf) and node.op == "not"


def sql_filter(node) -> tuple[str, list] | None:
    """A filter of the query (``lang:zh``, ``-lang:en``, ``year:2018..2021``, ``format:ris``
    and their AND, OR, NOT) as a condition on the records table, whose columns hold what the
    index's fields do (the language, "und" when none; the source format; the year), or None."""
    if isinstance(node, Leaf):
        q = node.query
        if not node.exact:
            return None
        if isinstance(q, Term) and q.fieldname in ("lang", "format"):
            if q.fieldname == "lang" and q.text == "und":
                return "r.lang IS NULL", []
            return f"r.{q.fieldname} = ?", [q.text]
        if isinstance(q, NumericRange) and q.fieldname == "year":
            parts, args = ["r.year IS NOT NULL"], []
            for bound, op, excl in ((q.start, ">", q.startexcl), (q.end, "<", q.endexcl)):
                if bound is not None:
                    parts.append(f"r.year {op}{'' if excl else '='} ?")
                    args.append(bound)
            return " AND ".join(parts), args
        return None
    parts = [sql_filter(c) for c in node.children]
    if any(p is None for p in parts) or not parts:
        return None
    args = [a for _, part_args in parts for a in part_args]
    if node.op == "not":
        return f"NOT COALESCE(({parts[0][0]}), 0)", args
    return "(" + f" {node.op.upper()} ".join(f"({sql})" for sql, _ in parts) + ")", args


def plan(tree) -> tuple[str, str] | None:
    """(the match expression, the same with ranking lifts), or None when the query is
    not one this table answers exactly."""
    if not all(_answerable(leaf) for leaf in leaves(tree)):
        return None
    main, hinted = _expr(tree, False), _expr(tree, True)
    if main is None or hinted is None:
        return None
    return main, hinted


def run(db, expressions: tuple[str, str], limit: int | None,
        where: tuple[str, list] | None = None) -> tuple[int, list[tuple[float, str]]]:
    """(total, [(score, id)] best first, ties by id) of a planned query; ``where``, a condition
    on the records table ``r`` (:func:`sql_filter`) and its arguments, keeps only its rows."""
    main, hinted = expressions
    cond, cond_args = (f" AND ({where[0]})", tuple(where[1])) if where else ("", ())
    join = f" JOIN records r ON r.rowid = {SEARCH_TABLE}.rowid" if where else ""
    total = db.execute(f"SELECT COUNT(*) FROM {SEARCH_TABLE}{join} WHERE {SEARCH_TABLE} MATCH ?{cond}",
                       (main, *cond_args)).fetchone()[0]
    if not total or limit == 0:
        return total, []
    # The lifts widen nothing (:func:`columns` keeps only keywords and words found in the
    # text, and title and keywords are part of the text): the hinted expression matches the
    # same rows as the main one, ranked with the lifts.
    sql = (f"SELECT r.id, -{_BM25} AS s FROM {SEARCH_TABLE} JOIN records r ON r.rowid = {SEARCH_TABLE}.rowid "
           f"WHERE {SEARCH_TABLE} MATCH ?{cond} ORDER BY s DESC, r.id")
    args: tuple = (hinted, *cond_args)
    if limit is not None:
        sql += " LIMIT ?"
        args += (limit,)
    return total, [(score, rid) for rid, score in db.execute(sql, args)]


def filtered_plan(tree) -> tuple[tuple[str, str], tuple[str, list]] | None:
    """(the plan, its SQL filter) of Chinese words with filters (``肿瘤 lang:zh``, ``癌
    year:2018..2021``): ranked as the words alone are, the filters kept in SQL (:func:`run`'s
    ``where``; whoosh ranked them otherwise, so a filter every hit passed reordered the hits)."""
    if isinstance(tree, Leaf) or tree.op != "and":
        return None
    conditions = [(child, sql_filter(child)) for child in tree.children]
    kept = [where for _, where in conditions if where is not None]
    words = [child for child, where in conditions if where is None]
    if not kept or not words:
        return None
    planned = plan(words[0] if len(words) == 1 else Node("and", words))
    if planned is None:
        return None
    return planned, (" AND ".join(f"({where})" for where, _ in kept), [a for _, args in kept for a in args])
