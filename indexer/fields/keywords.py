"""Keywords: split a keyword line on the separators it uses."""
from __future__ import annotations

import re

from ..charsets import HAN, HANGUL, KANA
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


_LATIN_LETTER = re.compile("[A-Za-z]")
_CJK_CHAR = re.compile(f"[{HAN}{KANA}{HANGUL}]")
_ENGLISH_WORD = re.compile("[a-z]{4,}")
_LATIN_LIST = re.compile(r"[^,，]+(?:\s*[,，]\s*[^,，]+){3,}")


def split_translated_block(words: list[str]) -> tuple[list[str], list[str]]:
    """A Chinese keyword list that carries its English translation as a block at one end
    (CNKI, Wanfang: ``adolescent;cognitive skills;…;傾向值加權;戀愛``, the English part at times
    one comma list): ``(the rest, the English block)``.  A block counts when at least two of
    its keywords, and at least half, hold a lower-case word of four letters or more, so that
    ``MRI``, ``DVR``, ``linux`` or ``NF-κB`` among Chinese keywords stay where they are.

    >>> split_translated_block(["Non-Model Organism,RNA-Seq,Germplasm Resource,Iris", "种质资源", "鸢尾属"])
    (['种质资源', '鸢尾属'], ['Non-Model Organism', 'RNA-Seq', 'Germplasm Resource', 'Iris'])
    >>> split_translated_block(["自发性低颅压综合征", "MRI", "CT"]), split_translated_block(["进程间通信", "DVR", "linux"])
    ((['自发性低颅压综合征', 'MRI', 'CT'], []), (['进程间通信', 'DVR', 'linux'], []))
    """
    if len(words) < 3:   # a Chinese keyword and at least two others
        return words, []

    def latin(word: str) -> bool:
        return bool(_LATIN_LETTER.search(word)) and not _CJK_CHAR.search(word)

    head = next((i for i, w in enumerate(words) if not latin(w)), len(words))
    tail = next((i for i in range(len(words), 0, -1) if not latin(words[i - 1])), 0)
    if head == len(words) or not head and tail == len(words):
        return words, []           # no Chinese keyword, or no Latin keyword at either end
    block, rest = (words[:head], words[head:]) if head else (words[tail:], words[:tail])
    block = [part for word in block
             for part in (re.split(r"\s*[,，]\s*", word) if _LATIN_LIST.fullmatch(word) else [word])]
    english = sum(1 for w in block if _ENGLISH_WORD.search(w))
    if english >= 2 and 2 * english >= len(block):
        return rest, block
    return words, []


# PubMed's mark of a major topic, kept by exports that copy its keywords ("*DNA methylation",
# "*OXYTOCICS/therapy", "Neoplasms/*therapy"): not part of the term.
_MAJOR_TOPIC = re.compile(r"(^|/)\*+")


def drop_major_topic_mark(keyword: str) -> str:
    """``keyword`` without PubMed's major-topic stars.

    >>> drop_major_topic_mark("*Neoplasms/*therapy"), drop_major_topic_mark("5*2 design")
    ('Neoplasms/therapy', '5*2 design')
    """
    return _MAJOR_TOPIC.sub(r"\1", keyword).strip()
