"""CSL-JSON items as records ready to export (the GB/T 7714 examples are CSL-JSON).

The project's CSL-JSON reader and clean pipeline do the reading; this adds the variables
citeproc-js and Zotero read from an item's ``note``, one ``variable: value`` a line
(Zotero's "Extra" field). The reader already takes the fields it knows from there (``page:
288``, ``DOI: …``, ``PMID: …``) where the item lacks them; this adds ``type: periodical`` (a type
Zotero lacks), ``issued: 1865（清同治四年）`` (a date with its reign year) and the other
variables into ``extra.csl``.  A value the record already has is kept; lines that are not CSL
variables (``tex.*``) stay only in the note.
"""
from __future__ import annotations

from ..readers.csl_json import note_variables
from .tables import CSL_TYPES


def apply_note_variables(rec: dict) -> dict:
    """``rec`` (contract JSON) with the variables its notes carry: ``page`` as its pages,
    ``type`` as its type, ``issued`` as its written date, the others in ``extra.csl``."""
    found: dict[str, str] = {}
    for note in (rec.get("extra") or {}).get("notes") or []:
        for key, value in note_variables(note).items():
            found.setdefault(key, value)
    if not found:
        return rec
    extra = rec.setdefault("extra", {})
    csl = extra.setdefault("csl", {})
    for key, value in found.items():
        if key == "page":
            rec["pages"] = rec.get("pages") or value
        elif key == "type":
            rec["type"] = value if value in CSL_TYPES else rec.get("type")
        elif key == "issued":
            extra["issued"] = value
        else:
            csl.setdefault(key, value)
    return rec


def records_from_csl(path: str) -> list[dict]:
    """The records of a CSL-JSON file, read and cleaned as ``cli.py ingest`` does, with
    the variables of their notes applied."""
    from ..cleaner import clean_paths
    from ..record import Failure

    return [apply_note_variables(r.to_json()) for r in clean_paths([path], "csl-json") if not isinstance(r, Failure)]
