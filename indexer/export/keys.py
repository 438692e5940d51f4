"""What a citation key export makes is made of (:func:`.common.citation_keys`): a record's
surname, year and first title word; and the formats a record can come with a key of its own
in.  Apart from the writers (``common`` loads the readers), so that ``show`` and ``export
--ids`` can tell that the start of an id is no key without loading them (half a second)."""
from __future__ import annotations

import re
import unicodedata

from ..charsets import HAN
from ..papers import in_lang, main_lang
from ..pinyin import is_person, reading

_HAN = re.compile(f"[{HAN}]")


def has_han(text: str | None) -> bool:
    return bool(text and _HAN.search(text))


# The readers whose records can come with a citation key: a BibTeX entry's key and a CSL item's
# ``id`` (pandoc's and Better BibTeX's CSL-JSON use the key as the id) are their ``source.source_id``;
# a CSL item's ``citation-key`` and our CSV's ``key`` column (read from the CSV, or from the
# workbook a spreadsheet saved it as) are ``extra["citation-key"]``.
KEYED_FORMATS = ("bibtex", "csl-json", "csv", "spreadsheet")


def _ascii_word(text: str, person: bool = False) -> str:
    if has_han(text):
        text = "".join(reading(text if person and is_person(text) else text[:4], person))
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", text.lower())


_STOP = {"a", "an", "the", "of", "on", "in", "and", "for", "to", "with", "at", "by"}


def base_key(rec: dict, pattern: bool = False) -> str:
    """``surname + year + first title word``; a Chinese title's first two Chinese characters in
    pinyin, though it opens with a Latin word (``miR-503在乳腺癌…``: zairu).  The rule stays as
    it was: an index ingested by an earlier version has no keys kept (``Store.keep_keys``), so
    its first export makes them again, and another rule would move the keys a document cites.
    ``pattern``: a regular expression the key matches (and more), made without reading Chinese
    in pinyin (pypinyin takes half a second to load): a surname or word in Chinese characters is
    any letters (and digits, if some are written among them).

    >>> rec = {"year": 2020, "authors": [{"family": "龙贤格"}], "title": {"zh": "miR-503在乳腺癌中的作用"}, "language": "zh"}
    >>> base_key(rec), base_key(rec, pattern=True)
    ('longxiange2020zairu', '(?:[a-z]*|anon)2020[a-z]*')
    >>> base_key({"year": 2020, "authors": [{"family": "O'Brien"}], "title": {"en": "The C++ way"}}, pattern=True)
    '(?:obrien|anon)2020c'
    """
    authors = rec.get("authors") or []
    family = (authors[0].get("family") or authors[0].get("literal") or "") if authors else ""
    title = in_lang(rec, "title", main_lang(rec))
    if has_han(title):
        first = re.sub(f"[^{HAN}]", "", title)[:2]
    else:
        words = [w for w in re.findall(r"[^\W_]+", title.lower()) if w not in _STOP]
        first = words[0] if words else ""
    year = rec.get("year") or ""
    if pattern:
        def spelt(text: str, most: int) -> str:
            if has_han(text):   # (pinyin's letters, and digits written among the characters)
                return "[a-z0-9]*" if re.search(r"\d", text) else "[a-z]*"
            return re.escape(_ascii_word(text)[:most])
        return f"(?:{spelt(family, 16)}|anon){year}{spelt(first, 12)}"
    return f"{_ascii_word(family, person=True)[:16] or 'anon'}{year}{_ascii_word(first)[:12]}"
