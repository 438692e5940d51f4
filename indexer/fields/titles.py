"""Titles given in two languages in one text: Scopus writes a paper's English title, then its
title in the paper's own language in square brackets ("Analysis of risk factors for
postoperative infection after spinal surgery [脊柱术后感染危险因素分析]", "Crowdwork: Applying a
relational inequality theory [Arbeiten in der Crowd: …]").  The cleaner places the two apart
(``pipeline.place_titles``); dedup compares both with another record's titles.
"""
from __future__ import annotations

import re

# "Title [Original-language title]", the bracket possibly cut off (a field's length limit).
_ORIGINAL_TITLE = re.compile(r"^(.+?)\s*\[([^\[\]]+)\]?\W*$")


def split_original_title(title: str, shortest: int = 1) -> tuple[str, str] | None:
    """The title before a closing bracket and the bracket's text, when that text is at least
    ``shortest`` characters; None for a title without one.  Which language each is in is the
    caller's to decide: a bracket may as well be a database's note (``[Review]``, ``[1]``).

    >>> split_original_title("Analysis of risk factors [脊柱术后感染危险因素分析]")
    ('Analysis of risk factors', '脊柱术后感染危险因素分析')
    >>> split_original_title("Multiple letters [1]", shortest=12), split_original_title("[A translated title].")
    (None, None)
    """
    m = _ORIGINAL_TITLE.match(title)
    if not m or len(m.group(2).strip()) < shortest:
        return None
    return m.group(1).strip(), m.group(2).strip()
