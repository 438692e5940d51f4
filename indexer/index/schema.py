"""The whoosh schema and how a cleaned record becomes an index document."""
from __future__ import annotations

from whoosh.fields import ID, KEYWORD, NUMERIC, TEXT, Schema

from .analysis import VALUE_SEPARATOR, bilingual_analyzer, word_analyzer

# Fields searched when a query names no field, with their BM25F weights.
DEFAULT_FIELDS = {"title": 3.0, "keywords": 2.0, "abstract": 1.0, "words": 1.0, "authors": 1.0,
                  "journal": 0.5, "funder": 0.5, "award": 1.0}


def build_schema() -> Schema:
    text = dict(analyzer=bilingual_analyzer(), phrase=True)
    return Schema(
        id=ID(stored=True, unique=True),
        title=TEXT(field_boost=DEFAULT_FIELDS["title"], **text),
        abstract=TEXT(**text),
        keywords=TEXT(field_boost=DEFAULT_FIELDS["keywords"], **text),
        authors=TEXT(**text),
        journal=TEXT(**text),
        funder=TEXT(**text),
        award=TEXT(**text),
        words=TEXT(analyzer=word_analyzer(), phrase=False),
        doi=ID(),
        year=NUMERIC(int, bits=16, signed=False),
        lang=KEYWORD(lowercase=True),
        format=KEYWORD(lowercase=True),
    )


def _join(values) -> str:
    return f" {VALUE_SEPARATOR} ".join(v for v in values if v)


def document(rec: dict) -> dict:
    """The index document of a record in contract JSON form (only what search needs)."""
    kws = [k for v in rec.get("keywords", {}).values() for k in v]
    names = [a.get("literal") or f"{a.get('given', '')} {a.get('family', '')}".strip() for a in rec.get("authors", [])]
    zh_text = _join([rec["title"].get("zh"), rec["abstract"].get("zh")] + rec.get("keywords", {}).get("zh", []))
    doc = {
        "id": rec["id"],
        "title": _join(rec["title"].values()),
        "abstract": _join(rec["abstract"].values()),
        "keywords": _join(kws),
        "authors": _join(names),
        "journal": _join(rec.get("journal", {}).values()),
        "funder": _join(f.get("funder") for f in rec.get("funding", [])) + " " + _join(
            f.get("funder_original") for f in rec.get("funding", [])),
        "award": _join(f.get("award") for f in rec.get("funding", [])),
        "words": zh_text,
        "lang": rec.get("language") or "und",
        "format": rec["source"]["format"],
    }
    if rec.get("doi"):
        doc["doi"] = rec["doi"]
    if rec.get("year"):
        doc["year"] = rec["year"]
    return doc
