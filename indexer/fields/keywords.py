"""Keywords: split a keyword line on the separators it uses."""
from __future__ import annotations

import re

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
