"""Whether two records are one paper: what a citation key export made stays with (the same DOI,
or the same or a corrected title), and what ingest compares when a record replaces the one stored
at its id (an id is a record's place in its file: a record put above it moves the paper there).
Plain functions of the record's JSON, imported by the store and export alike.
"""
from __future__ import annotations

import re
import unicodedata


def main_lang(rec: dict, lang: str | None = None) -> str:
    """The language a record is written in: ``lang`` when the record has a title in it,
    else the record's own language when it has that title, else its first title's."""
    titles = rec.get("title") or {}
    if lang in titles:
        return lang
    if rec.get("language") in titles:
        return rec["language"]
    return next(iter(titles), rec.get("language") or "und")


def in_lang(rec: dict, field: str, lang: str) -> str:
    """A per-language field in ``lang``, else in any language ("" when absent)."""
    values = rec.get(field) or {}
    return values.get(lang) or next((v for v in values.values() if v), "")



def key_fingerprint(rec: dict) -> tuple[str | None, str]:
    """What tells the paper a citation key was made for: its DOI and its title (in its own
    language, NFKC, casefolded, letters and digits only).

    >>> key_fingerprint({"doi": "10.1/AB", "title": {"en": "Spinal Cord: a review"}})
    ('10.1/ab', 'spinalcordareview')
    """
    return _doi_print(rec.get("doi")), _title_print(in_lang(rec, "title", main_lang(rec)))


def key_print(rec: dict) -> dict:
    """:func:`key_fingerprint` as a made key's record holds it: ``{"doi": …, "title": …}``
    (what :func:`same_paper` and :func:`corrected` compare)."""
    return dict(zip(("doi", "title"), key_fingerprint(rec)))


def _doi_print(doi) -> str | None:
    return doi.strip().casefold() if isinstance(doi, str) and doi.strip() else None


def _title_print(title: str) -> str:
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", title or "").casefold())


def prints(rec: dict) -> tuple[str | None, set[str]]:
    """``rec``'s DOI and its titles (in any of its languages) as :func:`key_fingerprint` prints them."""
    return _doi_print(rec.get("doi")), {_title_print(t) for t in (rec.get("title") or {}).values() if isinstance(t, str)}


def same_paper(made: dict, rec: dict, found: bool = False) -> bool:
    """Whether ``rec`` is the paper the key ``made`` was made for: the same DOI, or the same
    title (in any of its languages; a year or author corrected keeps the key).  One ``found``
    elsewhere must share a DOI or a title that is not empty."""
    doi, titles = prints(rec)
    return bool(made.get("doi")) and made["doi"] == doi or made["title"] in (titles or {""}) and (bool(made["title"]) or not found)


def corrected(made: dict, doi: str | None, titles: set[str]) -> bool:
    """Whether a record at a key's id, no longer its paper's DOI or title, reads as that paper
    corrected rather than another paper put in its place (a record deleted from a file and a
    new one written where it stood): no other DOI, and a title mostly the same (a typo, a word
    changed or added; the prints' characters alike at least 0.6, difflib's ratio), or the same
    with a subtitle added or cut (one print, 15 characters or more, beginning the other).

    >>> made = {"doi": None, "title": "spinalcordinjury"}
    >>> corrected(made, None, {"spinalcordinjuries"}), corrected(made, None, {"lumbarfusionoutcomesinelderly"})
    (True, False)
    >>> corrected(made, None, {"spinalcordinjuryasystematicreviewandmetaanalysisofcohortstudies"})
    True
    """
    from difflib import SequenceMatcher

    if made.get("doi") and doi and made["doi"] != doi:
        return False
    title = made.get("title")
    return not title or any(SequenceMatcher(None, title, t).ratio() >= 0.6 or
                            len(min(title, t, key=len)) >= 15 and (t.startswith(title) or title.startswith(t))
                            for t in titles)


def another_paper(old: dict, new: dict) -> bool:
    """Whether ``new``, written at the id of ``old``, is another paper rather than ``old``
    changed (a field filled, a title corrected): citation keys' rule, a DOI of its own, or a
    title not alike (:func:`same_paper`, :func:`corrected`).  ``old`` needs its ``doi``,
    ``title`` and ``language`` only.

    >>> old = {"doi": None, "title": {"en": "Spinal cord injury"}}
    >>> another_paper(old, {"title": {"en": "Spinal cord injuries"}, "doi": "10.1/x"})
    False
    >>> another_paper(old, {"title": {"en": "Lumbar fusion outcomes in elderly patients"}})
    True
    >>> another_paper({"doi": "10.1/a", "title": {"en": "Part I"}}, {"doi": "10.1/b", "title": {"en": "Part II"}})
    True
    """
    made = key_print(old)
    return not (same_paper(made, new) or corrected(made, *prints(new)))
