"""Export cleaned records: RIS, BibTeX, BibLaTeX, CSL-JSON, EndNote tagged, CSV, JSONL and
GB/T 7714-2015 reference lists.  Every writer takes records in the contract's JSON shape
and writes them in the record's language, or the one asked for (``lang``).

One module per family of formats: ``tagged`` (RIS, EndNote), ``bibtex`` (BibTeX, BibLaTeX),
``tables`` (CSL-JSON, CSV, JSONL), ``gbt7714``, ``vancouver``; ``common`` holds what they share,
``command`` is ``cli.py export``."""
from __future__ import annotations

from importlib import import_module
from typing import Iterable, TextIO

# Format → (module, writer).  The writers import the readers (and ftfy, jieba's helpers):
# they are loaded when a format is written, so `cli.py search` starts without them.
FORMATS: dict[str, tuple[str, str]] = {
    "ris": ("tagged", "write_ris"), "bibtex": ("bibtex", "write_bibtex"), "biblatex": ("bibtex", "write_biblatex"),
    "csl-json": ("tables", "write_csl_json"), "endnote": ("tagged", "write_endnote"),
    "csv": ("tables", "write_csv"), "jsonl": ("tables", "write_jsonl"), "gbt7714": ("gbt7714", "write_gbt7714"),
    "gbt7714-ay": ("gbt7714", "write_gbt7714_author_year"),
    "vancouver": ("vancouver", "write_vancouver"),
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
    "gbt7714-ay": "the same in its author-year system (著者-出版年制): by author, the year after the names",
    "vancouver": "a numbered list for biomedical journals (NLM/Vancouver, as PubMed's Cite button writes it)",
}
# The orders `export --sort` takes (common.ordered).
SORTS = ("newest", "oldest", "author")
SUFFIXES = {"ris": ".ris", "bibtex": ".bib", "biblatex": ".bib", "csl-json": ".json", "endnote": ".enw",
            "csv": ".csv", "jsonl": ".jsonl", "gbt7714": ".txt", "gbt7714-ay": ".txt",
            "vancouver": ".txt"}


# The formats with citation keys (common.citation_keys): CSL-JSON's is the item's id, which
# pandoc cites (``[@key]``) as it cites a BibTeX entry's key; the CSV's ``key`` column, a row's
# handle that follows its paper (its ``id`` is the record's place in its file).
KEYED = ("bibtex", "biblatex", "csl-json", "csv")


def export(records: Iterable[dict], fmt: str, out: TextIO, lang: str | None = None,
           keys: dict[str, str] | None = None) -> int:
    """Write ``records`` to ``out`` in format ``fmt``; the number written.  ``keys``: the
    citation keys of a format of :data:`KEYED`, by record id (those of the whole index, which
    ``cli.py export`` gives), else made from ``records`` in their order."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (one of: {', '.join(FORMATS)})")
    module, name = FORMATS[fmt]
    options = {"keys": keys} if keys is not None and fmt in KEYED else {}
    return getattr(import_module(f"{__name__}.{module}"), name)(records, out, lang=lang, **options)
