"""Language of a text field: by script first, langdetect (seeded) only where script cannot tell.

langdetect is slow (5-10 ms a call) and wrong on short Chinese text (it answers ``ko``),
so Han text is decided by script alone: Han without kana/hangul is Chinese.  Latin
text full of English function words is English without asking langdetect either.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..repair.constants import HAN, HANGUL, KANA

_HAN = re.compile(f"[{HAN}]")
_KANA = re.compile(f"[{KANA}]")
_HANGUL = re.compile(f"[{HANGUL}]")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_POSSESSIVE = re.compile(r"[A-Za-z]['’]s\b")
_NON_ENGLISH_LETTER = re.compile("[\u00c0-\u024f]")
# Frequent English function words: enough of them settles a Latin text as English.
ENGLISH_WORDS = frozenset("""
a an and are as at be by for from has have in into is it its of on or that the their this to was were
which with we our not between after during among these than was were been using based study effect effects
""".split())


def script_counts(text: str) -> dict[str, int]:
    return {"han": len(_HAN.findall(text)), "kana": len(_KANA.findall(text)),
            "hangul": len(_HANGUL.findall(text)), "latin_words": len(_LATIN_WORD.findall(text))}


def detect_language(text: str) -> str:
    """ISO 639-1 code of a text: 'zh', 'ja', 'ko', 'en', another code from langdetect, or 'und'.

    >>> detect_language("移动实时嵌套事务的并发控制")
    'zh'
    >>> detect_language("基于 WGCNA 算法的基因共表达网络构建理论及其 R 软件实现")
    'zh'
    >>> detect_language("Al2O3-MgO-Cr2O3浇注料"), detect_language("Use of 中药 in hospitals in the UK and Europe")
    ('zh', 'en')
    >>> detect_language("Effects of Romantic Involvement on Adolescents")
    'en'
    >>> detect_language("2021, 42(4)")
    'und'
    """
    if not text:
        return "und"
    c = script_counts(text)
    if c["kana"] >= 2 and c["kana"] * 4 >= c["han"] * 1:
        return "ja"
    if c["hangul"] >= 2 and c["hangul"] >= c["han"]:
        return "ko"
    # Han among Latin formulae and acronyms ("Al2O3-MgO-Cr2O3浇注料", "固体13C、29Si CP/MAS NMR")
    # is Chinese; a Chinese term quoted in a long English text (3 Latin words a Han) is not.
    if c["han"] >= 2 and c["han"] * 3 >= c["latin_words"]:
        return "zh"
    if c["han"] and c["han"] >= c["latin_words"]:
        return "zh"
    if c["latin_words"] == 0:
        return "zh" if c["han"] else _other_script(text)
    return _latin_language(text)


_LETTER = re.compile(r"[^\W\d_]")


def _other_script(text: str) -> str:
    """Text in another script (Cyrillic, Greek, Arabic, Thai …): langdetect's answer; 'und'
    for text without letters or that langdetect cannot read.

    >>> _other_script("Платформенная занятость: масштабы и признаки неустойчивости"), _other_script("2021, 42(4)")
    ('ru', 'und')
    """
    if len(_LETTER.findall(text)) < 4:
        return "und"
    code, probability = _langdetect(text[:1000])
    return code if probability >= 0.5 else "und"


def _latin_language(text: str) -> str:
    """English, unless langdetect is sure of another language.

    >>> _latin_language("Exploring small data's tactical consequences")     # langdetect: ca 1.0
    'en'
    >>> _latin_language("Renal tumour imaging: potential clinical uses")    # it 0.86
    'en'
    >>> _latin_language("Rischio cardiovascolare nei pazienti diabetici")
    'it'
    """
    words = [w.lower() for w in _LATIN_WORD.findall(text)]
    # a possessive 's ("data's", "Alzheimer's") counts as an English function word, and so
    # does "&" among letters English has ("diagnostic tests, advantages, & limitations")
    function = sum(w in ENGLISH_WORDS for w in words) + len(_POSSESSIVE.findall(text))
    if not _NON_ENGLISH_LETTER.search(text):
        function += text.count(" & ")
    if function >= 1 and function * 12 >= len(words):
        return "en"
    if len(words) < 5:
        return "en"  # names, acronyms, keywords: too short to tell; English is the best guess
    code, probability = _langdetect(text[:1000])
    # On short English titles without function words langdetect wavers between Latin-script
    # languages (it 0.57 / en 0.43 for "HPV DNA testing: Potential clinical applications");
    # text in another language is nearly always answered with certainty, or has letters
    # English lacks (Búsáhaldabyltingin).
    if code != "en" and probability < 0.9 and not _NON_ENGLISH_LETTER.search(text):
        return "en"
    return code


@lru_cache(maxsize=4096)
def _langdetect(text: str) -> tuple[str, float]:
    """langdetect's most probable language and its probability (seeded: same text, same answer)."""
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        best = detect_langs(text)[0]
    except LangDetectException:
        return "und", 0.0
    return ("zh" if best.lang.startswith("zh") else best.lang), best.prob


def is_cjk_name(text: str) -> bool:
    return bool(_HAN.search(text))
