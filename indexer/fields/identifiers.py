"""Identifiers a record holds beyond its DOI, wherever its reader kept them: PubMed's PMID
and PMC id, used by search (``pmid:``) and by the exports (CSL's ``PMID``, BibTeX's ``pmid``,
Vancouver's ``PMID:``); the classification codes (中图分类号), one a code."""
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


# A classification code of the Chinese Library Classification (中图分类号: R445, R734.2, TP18, R73-37,
# I207.22, D923.4+1) or of a patent's IPC (G06T7/00): capitals, then a digit, and the marks CLC's
# auxiliary tables add.
_CLASS_CODE = re.compile(r"[A-Z]{1,2}\d[\w.+\-/:=()\"]*")


def classification_codes(text: str) -> list[str]:
    """The codes of a classification field, one each: CNKI writes several joined by ``;``
    (``R445;R734.2``), pages by ``；``, ``、``, and codes alone by ``,`` or a space too; a
    classification in words (PsycINFO's ``3200 Psychological & Physical Disorders``, a page's
    ``Neurology, Neurosurgery``) stays one, a list of them split at ``;`` and ``、`` only.

    >>> classification_codes("R445;R734.2"), classification_codes("R445；TP18；"), classification_codes("G06T7/00")
    (['R445', 'R734.2'], ['R445', 'TP18'], ['G06T7/00'])
    >>> classification_codes("R73-37 R445.2"), classification_codes("R445, R734.2")
    (['R73-37', 'R445.2'], ['R445', 'R734.2'])
    >>> classification_codes("3200 Psychological & Physical Disorders"), classification_codes("Neurology, Neurosurgery")
    (['3200 Psychological & Physical Disorders'], ['Neurology, Neurosurgery'])
    >>> classification_codes("电子图书馆、数字图书馆;")
    ['电子图书馆', '数字图书馆']
    """
    parts = [p for p in re.split(r"\s*[;；、]\s*", text.strip()) if p]
    out = []
    for part in parts:
        codes = re.split(r"\s*[,，]\s*|\s+", part)
        out += codes if all(_CLASS_CODE.fullmatch(c) for c in codes) else [part]
    return out


def classification(rec: dict) -> list[str]:
    """A record's classification codes (``extra.classification``, one a code), used by search
    (``clc:``) and the exports (RIS ``CN``, EndNote ``%L``, a note's ``CLC:`` line)."""
    codes = (rec.get("extra") or {}).get("classification") or []
    return [str(c) for c in ([codes] if isinstance(codes, str) else codes) if str(c).strip()]


def is_classification_code(text: str) -> bool:
    """Whether ``text`` is one code of the Chinese Library Classification (or a patent's IPC).

    >>> is_classification_code("R734.2"), is_classification_code("3200 Psychological & Physical Disorders")
    (True, False)
    """
    return bool(_CLASS_CODE.fullmatch(text.strip()))


# One code of the Chinese Library Classification as a Call Number may hold it, strictly: a class
# letter (T's two: TP, TN …; no L, M, W, Y), digits and dots, an auxiliary table's -37 or +1
# (R445, R734.2, TP391.41, R73-37): not PMC1234567, nor an LC call number (RC268.5 .C36 2010, QH301).
_CLC_CODE = re.compile(r"(?:T[B-V]|[A-KN-VXZ])\d+(?:\.\d+)*(?:[-+]\d+(?:\.\d+)*)*")
# A Chinese journal's CN serial number (11-2149/R; CN 11-2149/R; a full-width dash).
_CN_SERIAL = re.compile(r"(?:CN\s*)?(\d{2})[-－‐–](\d{4}(?:/[A-Z0-9]{1,4})?)")
_CLASSIFICATION_LABEL = re.compile(r"^(?:中图分类号|分类号)\s*[:：]\s*")


def call_number_parts(text: str) -> tuple[list[str], list[str]] | None:
    """(CN serial numbers, CLC codes) of an EndNote Call Number (``%L``) that holds only those
    (CNKI writes the journal's CN there, our export the 中图分类号), else None: a library's
    call number (``RC268.5 .C36 2010``, ``Shelf 3, Box 12``, ``PMC1234567``) stays one.

    >>> call_number_parts("11-2149/R"), call_number_parts("中图分类号：R445;R734.2")
    ((['11-2149/R'], []), ([], ['R445', 'R734.2']))
    >>> call_number_parts("CN 11－2149/R"), call_number_parts("R445 11-2149/R")
    ((['11-2149/R'], []), (['11-2149/R'], ['R445']))
    >>> call_number_parts("RC268.5 .C36 2010"), call_number_parts("PMC1234567"), call_number_parts("12345678")
    (None, None, None)
    """
    cns, codes = [], []
    text = re.sub(r"\bCN\s+(?=\d)", "CN", _CLASSIFICATION_LABEL.sub("", text.strip()))
    for part in re.split(r"[\s;；,，、]+", text):
        if not part:
            continue
        cn = _CN_SERIAL.fullmatch(part)
        if cn:
            cns.append(f"{cn.group(1)}-{cn.group(2)}")
        elif _CLC_CODE.fullmatch(part):
            codes.append(part)
        else:
            return None
    return (cns, codes) if cns or codes else None



def call_number_fields(text: str) -> list[tuple[str, str]]:
    """The record keys of a Call Number (EndNote ``%L``, RefWorks ``CN``): CNKI's CN serial
    (``cn``) and 中图分类号 codes (``classification``) one each, else the call number whole.

    >>> call_number_fields("11-0315; R445"), call_number_fields("RC268.5 .C36 2010")
    ([('cn', '11-0315'), ('classification', 'R445')], [('call_number', 'RC268.5 .C36 2010')])
    """
    parts = call_number_parts(text)
    if parts is None:
        return [("call_number", text)]
    return [("cn", cn) for cn in parts[0]] + [("classification", code) for code in parts[1]]

# A note's line giving the classification, as Zotero's Chinese translators keep it in Extra and
# our BibTeX and CSL-JSON exports write it ("CLC: R445; R734.2"; "中图分类号：R445").
_CLASSIFICATION_NOTE = re.compile(r"(?:CLC|中图分类号|分类号|Classification)\s*[:：]\s*(\S.*?)[.。]?")


def split_classification_note(note: str) -> tuple[str, str]:
    """(the note without its classification line, the classification that line gives).

    >>> split_classification_note("CLC: R445; R734.2.")
    ('', 'R445; R734.2')
    >>> split_classification_note("page: 3\\nCLC: R445"), split_classification_note("Classified as secret")
    (('page: 3', 'R445'), ('Classified as secret', ''))
    """
    kept, found = [], ""
    for line in note.splitlines():
        m = _CLASSIFICATION_NOTE.fullmatch(line.strip())
        if m and not found:
            found = m.group(1)
        else:
            kept.append(line)
    return "\n".join(kept), found
