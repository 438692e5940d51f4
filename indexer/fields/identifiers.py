"""Identifiers a record holds beyond its DOI, wherever its reader kept them: PubMed's PMID
and PMC id, used by search (``pmid:``) and by the exports (CSL's ``PMID``, BibTeX's ``pmid``,
Vancouver's ``PMID:``)."""
from __future__ import annotations

import re

# What may follow an NIH grant's serial: its budget year, amended or a supplement ("-01", "-01A1",
# "-02S1"), the same in every form of its number (fields.funding's shapes, index.schema.nih_core).
NIH_BUDGET_YEAR = r"(?:\s?-\s?\d\d(?:[A-Z]\d{1,2})?)?"

# Formats read from PubMed itself, whose source id is the PMID.
PUBMED_FORMATS = frozenset({"medline", "pubmed-xml", "pubmed-text", "pubmed-page"})
# How an RIS record says it was exported from PubMed (EndNote's DP, Zotero's DB/DP).
_FROM_PUBMED = frozenset({"nlm", "pubmed", "medline"})
_PMCID = re.compile(r"PMC\d+")


def _digits(value) -> str:
    """A PMID as written: digits, not a placeholder's 000000 (nor a CNKI or WoS accession)."""
    value = str(value or "").strip()
    return value if value.isdigit() and value.strip("0") else ""


def _values(mapping: dict, key: str) -> list[str]:
    value = mapping.get(key) if isinstance(mapping, dict) else None
    return [str(v) for v in (value if isinstance(value, list) else [value]) if v]


def pubmed_ids(rec: dict) -> list[str]:
    """The record's PMID and PMCID, where readers keep them: the source id of a record read
    from PubMed; ``extra.pmid`` (Web of Science's PM, RefWorks', BibTeX's, CSL's or its
    note's PMID; the RIS reader's from an accession: PubMed's AN, Ovid MEDLINE's ID, Embase's
    C5, CENTRAL's XR); an EndNote RIS record's AN when it came from PubMed (``DP  - NLM``) and
    also holds EndNote's record number (ID, written after AN), as records read before the RIS
    reader kept it are stored: with one id, it may be the record number alone; PMC ids (MEDLINE's and PubMed XML's PMC, pmcid, EndNote's C2).

    >>> pubmed_ids({"source": {"format": "medline", "source_id": "8692918"}, "extra": {"tags": {"PMC": ["PMC38908"]}}})
    ['8692918', 'PMC38908']
    >>> pubmed_ids({"source": {"format": "ris", "source_id": "22424230"},
    ...             "extra": {"tags": {"DP": ["NLM"]}, "source_id": ["22424230", "374"]}})
    ['22424230']
    >>> pubmed_ids({"source": {"format": "ris", "source_id": "374"}, "extra": {"tags": {"DP": ["NLM"]}, "source_id": ["374"]}})
    []
    >>> pubmed_ids({"source": {"format": "wos", "source_id": "WOS:000602649200001"}, "extra": {"pmid": ["33414982"]}})
    ['33414982']
    """
    source, extra = rec.get("source") or {}, rec.get("extra") or {}
    tags = extra.get("tags") or {}
    pmids = _values(extra, "pmid")
    if source.get("format") in PUBMED_FORMATS:
        pmids.insert(0, source.get("source_id"))
    elif source.get("format") == "ris" and len(_values(extra, "source_id")) > 1 \
            and any(v.strip().lower() in _FROM_PUBMED for v in _values(tags, "DP") + _values(tags, "DB")):
        pmids.insert(0, source.get("source_id"))
    pmcids = (_values(tags, "PMC") + _values(extra, "pmcid") + _values(extra.get("bibtex_fields") or {}, "pmcid")
              + _values(tags, "C2"))
    ids = [_digits(v) for v in pmids] + [v.strip() for v in pmcids if _PMCID.fullmatch(v.strip())]
    return list(dict.fromkeys(v for v in ids if v))


def pmid(rec: dict) -> str:
    """The record's PMID (:func:`pubmed_ids`' first), "" when it holds none.

    >>> pmid({"source": {"format": "pubmed-page", "source_id": "33465792"}})
    '33465792'
    >>> pmid({"source": {"format": "wos", "source_id": "WOS:1"}, "extra": {"pmid": ["000000"]}})
    ''
    """
    return next((i for i in pubmed_ids(rec) if i.isdigit()), "")
