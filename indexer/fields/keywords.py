"""Keywords: split a keyword line on the separators it uses."""
from __future__ import annotations

import re

from ..charsets import HAN
from ..lang.detect import is_cjk_name


def split_keywords(text: str) -> list[str]:
    """Keywords of one line: on ；/; if present, else ，/,/、, else spaces between CJK keywords.

    >>> split_keywords("中亚；民族问题；宗教因素；")
    ['中亚', '民族问题', '宗教因素']
    >>> split_keywords("外感高热症 痰热清注射液")
    ['外感高热症', '痰热清注射液']
    >>> split_keywords("Labour,third stage; Oxytocin")
    ['Labour,third stage', 'Oxytocin']
    """
    text = text.strip()
    if re.search(r"[;；]", text):
        parts = re.split(r"\s*[;；]\s*", text)
    elif re.search(r"[,，、]", text):
        parts = re.split(r"\s*[,，、]\s*", text)
    elif is_cjk_name(text):
        parts = text.split()
    else:
        parts = [text]
    out = []
    for p in parts:
        p = p.strip().strip(".。").strip()
        if p and p not in out:
            out.append(p)
    return out


_HAN_SPACE_HAN = re.compile(f"[{HAN}][)）]?\\s+[{HAN}]")


def split_spaced_cjk(word: str) -> list[str]:
    """Chinese keywords a line holds apart by spaces ("大豆肽 抗氧化 羟基自由基(.OH) 清除作用"),
    once a space stands between two Han characters (a line :func:`split_keywords` did not
    part, or a keyword field that holds one a line); a space between Latin words stays
    ("单相Level Set方法", "锆石SHRIMP U-Pb定年" are one keyword each).

    >>> split_spaced_cjk("网络信息资源 编目 MARC 都柏林核心集(DC)"), split_spaced_cjk("单相Level Set方法")
    (['网络信息资源', '编目', 'MARC', '都柏林核心集(DC)'], ['单相Level Set方法'])
    """
    if not _HAN_SPACE_HAN.search(word):
        return [word]
    parts: list[str] = []
    for token in word.split():
        if parts and re.search(r"[A-Za-z0-9]$", parts[-1]) and re.match(r"[A-Za-z0-9]", token):
            parts[-1] += " " + token
        else:
            parts.append(token)
    return parts


# PubMed's mark of a major topic, kept by exports that copy its keywords ("*DNA methylation",
# "*OXYTOCICS/therapy", "Neoplasms/*therapy"): not part of the term.
_MAJOR_TOPIC = re.compile(r"(^|/)\*+")


def drop_major_topic_mark(keyword: str) -> str:
    """``keyword`` without PubMed's major-topic stars.

    >>> drop_major_topic_mark("*Neoplasms/*therapy"), drop_major_topic_mark("5*2 design")
    ('Neoplasms/therapy', '5*2 design')
    """
    return _MAJOR_TOPIC.sub(r"\1", keyword).strip()
