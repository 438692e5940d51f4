"""Export cleaned records: RIS, BibTeX, BibLaTeX, CSL-JSON, EndNote tagged, CSV, JSONL and
GB/T 7714-2015 reference lists.  Every writer takes records in the contract's JSON shape
and writes them in the record's language, or the one asked for (``lang``).

One module per family of formats: ``tagged`` (RIS, EndNote), ``bibtex`` (BibTeX, BibLaTeX),
``tables`` (CSL-JSON, CSV, JSONL), ``gbt7714``; ``common`` holds what they share,
``csl_input`` turns CSL-JSON items into records (note variables applied), ``command`` is
``cli.py export``."""
from __future__ import annotations

from typing import Callable, Iterable, TextIO

from .bibtex import write_biblatex, write_bibtex
from .gbt7714 import write_gbt7714
from .tables import write_csl_json, write_csv, write_jsonl
from .tagged import write_endnote, write_ris

FORMATS: dict[str, Callable[..., int]] = {
    "ris": write_ris, "bibtex": write_bibtex, "biblatex": write_biblatex, "csl-json": write_csl_json,
    "endnote": write_endnote, "csv": write_csv, "jsonl": write_jsonl, "gbt7714": write_gbt7714,
}
# Which tools read each format (shown by `cli.py export --help`).
FOR = {
    "ris": "Zotero, EndNote, Mendeley, NoteExpress, JabRef, CNKI E-Study",
    "bibtex": "JabRef, LaTeX with bibtex, Zotero",
    "biblatex": "LaTeX with biber (biblatex, biblatex-gb7714-2015)",
    "csl-json": "Zotero, pandoc, citeproc processors",
    "endnote": "EndNote (File > Import > EndNote tagged / Refer)",
    "csv": "spreadsheets, bib-dedupe, ASySD",
    "jsonl": "scripts: the record contract, one record per line",
    "gbt7714": "a reference list for Chinese journals and theses (GB/T 7714-2015, numeric)",
}
SUFFIXES = {"ris": ".ris", "bibtex": ".bib", "biblatex": ".bib", "csl-json": ".json", "endnote": ".enw",
            "csv": ".csv", "jsonl": ".jsonl", "gbt7714": ".txt"}


def export(records: Iterable[dict], fmt: str, out: TextIO, lang: str | None = None) -> int:
    """Write ``records`` to ``out`` in format ``fmt``; the number written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (one of: {', '.join(FORMATS)})")
    return FORMATS[fmt](records, out, lang=lang)
