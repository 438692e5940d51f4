"""Titles given in two languages in one text: Scopus writes a paper's English title, then its
title in the paper's own language in square brackets ("Analysis of risk factors for
postoperative infection after spinal surgery [脊柱术后感染危险因素分析]", "Crowdwork: Applying a
relational inequality theory [Arbeiten in der Crowd: …]").  The cleaner places the two apart
(``pipeline.place_titles``); dedup compares both with another record's titles.

Korean, Chinese and Russian library records (RISS, KCI) give a parallel title after " = "
("한국 노인의 수면 장애 = Sleep Disorders in Korean Older Adults"): two titles too.
"""
from __future__ import annotations

import re

from ..charsets import CYRILLIC, HAN, HANGUL, KANA, LATIN

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


# Letters of the scripts a parallel title's other side is in: CJK, hangul, Cyrillic.
_NON_LATIN = re.compile(f"[{HAN}{KANA}{HANGUL}{CYRILLIC}]")
_LATIN = re.compile(f"[{LATIN}]")


def split_parallel_title(title: str) -> tuple[str, str] | None:
    """A title and its parallel title in another script, written "Title = Parallel title"
    (RISS, KCI and Chinese and Russian library catalogues): split at a " = " with CJK,
    hangul or Cyrillic on one side and Latin letters alone on the other, the Latin side as
    long as it can be.  None for a title in one script, whose " = " is its own ("E = mc2",
    "R = 0.5"), as is one between a letter and a number ("E = mc2에 관한 연구").

    >>> split_parallel_title("노인의 수면 장애 = Sleep Disorders in Older Adults")
    ('노인의 수면 장애', 'Sleep Disorders in Older Adults')
    >>> split_parallel_title("Effect of R = 0.5 on flow = 流动中R = 0.5的影响")
    ('Effect of R = 0.5 on flow', '流动中R = 0.5的影响')
    >>> split_parallel_title("Исследование = A study of E = mc2")
    ('Исследование', 'A study of E = mc2')
    >>> split_parallel_title("On E = mc2"), split_parallel_title("E = mc2에 관한 연구"), split_parallel_title("A = B = C")
    (None, None, None)
    >>> [split_parallel_title(t) for t in ("Ag + HNO3 = AgNO3 + NO 反应机理研究", "用 Matlab 求解 Ax = b",
    ...  "GDP = C + I + G + NX 核算方法研究", "BMI = 体重/身高²", "ROE = ROA × 权益乘数的分析")]
    [None, None, None, None, None]
    """
    if " = " not in title:
        return None
    parts = title.split(" = ")
    splits = []
    for i in range(1, len(parts)):
        first, second = " = ".join(parts[:i]).strip(), " = ".join(parts[i:]).strip()
        if _EQUATION.search(first) or re.match(r"[\d.+\-−]", second):   # "E = mc2", "R = 0.5"
            continue
        latin_first = not _NON_LATIN.search(first)
        latin, other = (first, second) if latin_first else (second, first)
        if latin_first != (not _NON_LATIN.search(second)) and _reads_as_title(latin, other):
            splits.append((latin_first, first, second))
    if len({latin for latin, _, _ in splits}) != 1:   # none, or three titles ("English = 中文 = English")
        return None
    latin_first, first, second = splits[-1] if splits[0][0] else splits[0]   # the Latin side whole
    return first, second


def _reads_as_title(latin: str, other: str) -> bool:
    """Whether the two sides of a " = " read as a title in two scripts, not a formula's sides
    ("Ag + HNO3 = AgNO3 + NO 反应机理研究", "GDP = C + I + G 核算", "用 Matlab 求解 Ax = b"): the Latin
    side three words or more, no operator in it, the other four letters of its script or more.

    >>> _reads_as_title("Sleep Disorders in Older Adults", "노인의 수면 장애"), _reads_as_title("GDP", "C + I 核算方法研究")
    (True, False)
    >>> _reads_as_title("Ag + HNO3 reaction mechanism", "反应机理研究")
    False
    """
    return (len(re.findall(f"[{LATIN}]{{2,}}", latin)) >= 3 and not _OPERATOR.search(latin)
            and len(_NON_LATIN.findall(other)) >= 4)


# What a formula has and a title does not.
_OPERATOR = re.compile(r"[+×·÷^²³√∑∫<>]")
# A letter or digit alone before " = ": an equation's, not a title's end.
_EQUATION = re.compile(r"(?:^|\s)\w$")
