"""Search: a small bilingual query language over the index, results filled from the store.

Terms are ANDed; a CJK term matches as the phrase of its characters (so any Chinese
string from one character up is found where it occurs); "quoted text" is a phrase in
either language; a term with several parts (IL-6, No.81702662) is a phrase of its parts.
"""
from __future__ import annotations

import re
from pathlib import Path

from whoosh import index as windex
from whoosh.query import And, Or, Phrase, Term

from ..store import Store
from .analysis import bilingual_analyzer
from .ingest import INDEX_SUBDIR
from .schema import DEFAULT_FIELDS


class IndexMissing(Exception):
    pass


_ANALYZER = bilingual_analyzer()


def _tokens(text: str) -> list[str]:
    return [t.text for t in _ANALYZER(text)]


def _field_query(field: str, tokens: list[str]):
    if len(tokens) == 1:
        return Term(field, tokens[0])
    return Phrase(field, tokens)


def parse_query(q: str):
    """A whoosh query: AND of terms/phrases, each searched across the default fields."""
    parts = re.findall(r'"([^"]+)"|(\S+)', q)
    clauses = []
    for quoted, bare in parts:
        tokens = _tokens(quoted or bare)
        if not tokens:
            continue
        clauses.append(Or([_field_query(f, tokens) for f in DEFAULT_FIELDS if f != "words"]))
    return And(clauses) if clauses else None


def search(index_dir: str, q: str, limit: int = 10) -> dict:
    path = Path(index_dir) / INDEX_SUBDIR
    if not windex.exists_in(path):
        raise IndexMissing(f"no index in {index_dir}")
    query = parse_query(q)
    if query is None:
        return {"total": 0, "hits": []}
    ix = windex.open_dir(path)
    with ix.searcher() as searcher:
        results = searcher.search(query, limit=limit)
        total = len(results)
        ranked = sorted(((hit.score, hit["id"]) for hit in results), key=lambda x: (-x[0], x[1]))
    with Store(index_dir) as store:
        records = store.get_many([rid for _, rid in ranked])
    hits = []
    for score, rid in ranked:
        rec = records.get(rid)
        if rec is None:
            continue
        hits.append({"id": rid, "score": round(score, 4), "source": rec["source"], "title": rec["title"],
                     "year": rec.get("year"), "language": rec.get("language"), "authors": rec.get("authors"),
                     "journal": rec.get("journal"), "snippet": snippet(rec, q)})
    return {"total": total, "hits": hits}


def snippet(rec: dict, q: str, width: int = 60) -> str:
    """A short piece of the abstract around the first query term, the term in 【】."""
    terms = [t for t in re.findall(r'"([^"]+)"|(\S+)', q) for t in t if t]
    for text in list(rec.get("abstract", {}).values()) + list(rec.get("title", {}).values()):
        for term in terms:
            i = text.lower().find(term.lower())
            if i >= 0:
                lo = max(0, i - width // 2)
                hi = min(len(text), i + len(term) + width // 2)
                return ("…" if lo else "") + text[lo:i] + "【" + text[i:i + len(term)] + "】" + \
                    text[i + len(term):hi] + ("…" if hi < len(text) else "")
    return ""
