"""Authors: a CJK personal name stays whole (literal); Western names split into family and given.

Organisations are literal.  The one sharp rule for Western names: the family name is
the last word, together with any particles before it (de, van der ...), unless the
name is written inverted ("Rosoff, Heather Beth").
"""
from __future__ import annotations

import re

from ..lang.detect import is_cjk_name

PARTICLES = frozenset("de del della der den di da das dos du la le van von ten ter op st. bin al el".split())
ORG_WORDS = re.compile(
    r"\b(?:Fund|Association|Institute|University|Committee|Organi[sz]ation|Society|Group|Cent(?:er|re)|"
    r"Council|Bureau|Ministry|Department|Academy|Foundation|Agency|Commission|Office|Press|Company|"
    r"Inc|Ltd|Corporation|Consortium|Collaboration|Network|Team|Board|Hospital|Laboratory|Bank|Agency|"
    r"Federation|Union|Service|Program(?:me)?)\b", re.IGNORECASE)
_CJK_SEPARATORS = re.compile(r"\s*[;；,，、]\s*|\s+")
_CJK_LIST_SEPARATORS = re.compile(r"\s*[;；,，、]\s*")
_LATIN_SEPARATORS = re.compile(r"\s*[;；]\s*")


def split_author_list(text: str) -> list[str]:
    """Author names in a list as written on a page or in a field.

    >>> split_author_list("駱為祥；趙孟珂；靳永愛")
    ['駱為祥', '趙孟珂', '靳永愛']
    >>> split_author_list("K Christensson, B A Nilsson, S Stock")
    ['K Christensson', 'B A Nilsson', 'S Stock']
    >>> split_author_list("Rosoff, Heather Beth")
    ['Rosoff, Heather Beth']
    """
    text = text.strip().strip(";；,，")
    if not text:
        return []
    if is_cjk_name(text):
        # "戴维·A. 帕特森；约翰·L. 亨尼斯": with explicit separators, spaces are inside names.
        separators = _CJK_LIST_SEPARATORS if _CJK_LIST_SEPARATORS.search(text) else _CJK_SEPARATORS
        return [p for p in separators.split(text) if p]
    if re.search(r"[;；]", text):
        return [p for p in _LATIN_SEPARATORS.split(text) if p]
    parts = [p.strip() for p in re.split(r"\s*,\s*|\s+and\s+|\s*&\s*", text) if p.strip()]
    if len(parts) >= 2 and len(parts) % 2 == 0 and all(len(p.split()) == 1 for p in parts[0::2]) \
            and not all(len(p.split()) == 1 for p in parts):
        # Inverted names: "Family, Given, Family, Given".
        return [f"{parts[i]}, {parts[i + 1]}" for i in range(0, len(parts), 2)]
    return parts


def parse_name(name: str) -> dict[str, str]:
    """One author as a contract object.

    >>> parse_name("Maria Goretti Pessoa de Araujo Burgos")
    {'family': 'de Araujo Burgos', 'given': 'Maria Goretti Pessoa', 'lang': 'en'}
    >>> parse_name("郑敏麟")
    {'literal': '郑敏麟', 'lang': 'zh'}
    >>> parse_name("Rosoff, Heather Beth")
    {'family': 'Rosoff', 'given': 'Heather Beth', 'lang': 'en'}
    """
    name = re.sub(r"\s+", " ", name).strip()
    if name.startswith("{") and name.endswith("}"):  # BibTeX's protected name: an organisation
        inner = name[1:-1].strip()
        return {"literal": inner, "lang": "zh" if is_cjk_name(inner) else "en"}
    if is_cjk_name(name):
        return {"literal": name, "lang": "zh"}
    if ORG_WORDS.search(name) or len(name.split()) > 6:
        return {"literal": name, "lang": "en"}
    if "," in name:
        family, _, given = name.partition(",")
        return {"family": family.strip(), "given": given.strip(), "lang": "en"}
    m = re.fullmatch(r"(.+?) ([A-Z]{1,3})", name)
    if m and not m.group(1).isupper():  # "Smith JA" (PubMed style): family name, then initials
        return {"family": m.group(1), "given": m.group(2), "lang": "en"}
    words = name.split(" ")
    if len(words) == 1:
        return {"family": words[0], "given": "", "lang": "en"}
    i = len(words) - 1
    for j in range(1, len(words) - 1):
        if words[j].lower() in PARTICLES:  # "de Araujo Burgos", "van der Wall"
            i = j
            break
    return {"family": " ".join(words[i:]), "given": " ".join(words[:i]), "lang": "en"}


def looks_like_names(line: str) -> bool:
    """True for a bare author line on a page ("A Chen, O Laskar-Levy", "罗豪才 袁曙宏").

    >>> looks_like_names("A Chen, O Laskar-Levy, Y Koch")
    True
    >>> looks_like_names("Effects of Different Reaction Conditions on The Properties")
    False
    >>> looks_like_names("罗豪才 袁曙宏 李文栋")
    True
    """
    line = line.strip()
    if not line or re.search(r"[0-9《》:：()（）\[\]?？!！。]", line):
        return False
    names = split_author_list(line)
    if not names:
        return False
    if is_cjk_name(line):
        return all(len(n) <= 8 for n in names) and (len(names) > 1 or len(names[0]) <= 4 or "·" in names[0])
    for n in names:
        words = n.replace(",", " ").split()
        if not 1 <= len(words) <= 6:
            return False
        for w in words:
            if w.lower() in PARTICLES:
                continue
            if not re.fullmatch(r"[A-Z][A-Za-z'’\-]*\.?|[A-Z]{1,3}", w):
                return False
    return not all(len(n.split()) == 1 for n in names) or len(names) > 1
