"""Tokens of the index: recall-safe for Chinese, inflection-aware for English.

One tokenizer serves every text field and the query side, so both agree exactly:

* text is folded first (NFKC: full-width letters and digits become ASCII; case folded;
  Traditional Chinese characters read as Simplified, so 臺灣 and 台湾 meet);
* each CJK character is one token at its own position, so any Chinese string from one
  character up is the phrase of its characters, found wherever it occurs, whatever jieba
  would make of the context.  (Bigram terms were tried: on 2k records they made 138k
  distinct terms, and whoosh's per-term cost at commit made ingest 5x slower.)
* a run of ASCII letters/digits, or of other letters (``No.81702662`` → ``no``, ``81702662``;
  ``IL-6`` → ``il``, ``6``; ``30μg`` → ``30``, ``μ``, ``g``: ``30`` is found as in ``30μg/ml``; a Greek
  letter's spelled name ending it apart where the case written shows it, :func:`split_word`:
  ``TNFalpha`` → ``tnf``, ``alpha``, ``Gazeta`` → ``gazeta``) gives the word as written and, at the same position when it differs, its inflection key
  (marked with ``~``)
  (Porter's steps 1a-1c and 5a: ``cells`` → ``cell``, ``restricted`` → ``restrict``; a
  ``-ses`` word also gives the key of its ``-sis`` form: ``metastases`` → ``metastasi``; an
  irregular plural its singular's: ``women`` → ``woman``, ``mice`` → ``mous``);
  a word written in capitals (:func:`acronym`: ``ALS``, ``US``, ``CD4``, and ``MSCs`` as
  ``MSC``) also gives that form, unfolded, and a word with ``++`` after it (``C++``,
  ``OMNeT++``) gives ``c++``, at the same position.

jieba words (:func:`jieba_words`) feed a small ranking-only field built from
titles and keywords, where whole-word matches matter and text is short.
"""
from __future__ import annotations

import hashlib
import re
import string
import unicodedata
from functools import lru_cache

from whoosh.analysis import Token, Tokenizer

from ..charsets import HAN, HANGUL, KANA, simplified_table

# Marks the boundary between two values of a multi-valued field: phrases never span it.
VALUE_SEPARATOR = "\u001e"
POSITION_GAP = 100
# Inflection keys are indexed with this mark, apart from words as written: "followed"
# gives "followed" and "~follow", so the phrase "follow up" does not match "followed up".
KEY_MARK = "~"
CJK = f"{HAN}{KANA}{HANGUL}"
CJK_RUN = re.compile(f"[{CJK}]+")
# Greek letters as biomedical names write them, and their spelled names (PubMed reads one as the
# other): the short names (mu, pi, tau, …) are words or proteins of their own, never read so.
GREEK_NAMES = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta", "θ": "theta",
               "κ": "kappa", "λ": "lambda", "σ": "sigma", "ω": "omega"}
# A spelled name glued to the letters or digits before it is a word of its own, as the letter is
# (``TNFα``, ``IL-1β``), so that the two meet, where the case written shows where the name starts:
# after a digit (``IL1beta``, ``5alpha``, ``IL1BETA``), or in small letters after a capital
# (``TNFalpha``, ``PPARgamma``, ``Abeta42``), ending the word (digits may follow it).  After a small
# letter (``Gazeta``, ``Elizabeta``, ``tnfalpha``) or in capitals after capitals (``TNFALPHA``,
# ``GAZETA``) nothing tells a name from the end of a word: the word stays whole; and so does a word
# that starts with a name (``alphabet``, ``betaine``).  Read on the text as written (:func:`cased`).
GREEK_SPELLED = "|".join(GREEK_NAMES.values())
_NAME_APART = re.compile(rf"(?:(?<=[0-9])(?i:{GREEK_SPELLED})|(?<=[A-Z])(?:{GREEK_SPELLED}))(?=[0-9]*\Z)")
# A name in small letters before a capital, starting a word or after a capital or a digit, is a
# word of its own too, and so is what follows it (``NFkappaB``, ``NF-kappaB`` → ``nf`` ``kappa``
# ``b``, as ``NF-κB``; ``deltaF508`` → ``delta`` ``f508``, as ``ΔF508``; ``IkappaBalpha``): not
# after a small letter (``TibetaN``), nor before one (``Tibetan``, ``betaine``).
_NAME_BEFORE_CAPITAL = re.compile(rf"(?:(?<![A-Za-z0-9])|(?<=[0-9A-Z]))(?:{GREEK_SPELLED})(?=[A-Z])")
# A word is a run of ASCII letters/digits (a Greek name in it apart: :func:`word_spans`), or a run
# of other letters (Greek, accented ...): ``30μg`` is ``30`` ``μ`` ``g`` and ``pmφcm`` ends in the
# word ``cm``, as the text reads.
WORD = rf"[a-z0-9]+|[^\W_a-z0-9{CJK}]+"
_WORD = re.compile(WORD)
# Marks that end a clause in Chinese text: words on either side are not consecutive
# (``2311m2/g、1.246cm3/g`` holds no "g 1"), as a CJK character between them would make them.
CLAUSE_MARKS = "、。"
_CLAUSE_MARK = re.compile(f"[{CLAUSE_MARKS}]")
_PIECE = re.compile(rf"(?P<cjk>[{CJK}]+)|(?P<word>{WORD})|(?P<sep>{VALUE_SEPARATOR})")
_VOWELS = "aeiou"
# ``++`` right after a Latin word (``C++``, ``VisualC++``, ``Ca++``), not before a letter or digit (``Na++K+``).
PLUS_PLUS = "++"
_AFTER_PLUS_PLUS = re.compile(r"[a-z0-9+]")


def fold(text: str) -> str:
    """Search normalisation: NFKC (full-width → ASCII), case folding, Traditional Chinese
    characters read as Simplified (臺灣 = 台湾), and Russian ё as е, as Russian is usually
    typed (распространенность = распространённость); one character for one.

    >>> fold("Распространённость ЁЖИКОВ"), fold("臺灣")
    ('распространенность ежиков', '台湾')
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    return text if text.isascii() else text.translate(_fold_table())


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    """:func:`.charsets.simplified_table`, and ё as е."""
    return {**simplified_table(), ord("ё"): "е"}


def acronym(word: str) -> str | None:
    """The form in capitals of a word written as acronyms are (two to five capital letters,
    digits too), its plural's ``s`` dropped; else None.  Folded, ``US`` and ``IT`` are the
    words "us" and "it", and inflection keys meet ordinary words (``using`` → us, ``als`` →
    al): the index also holds this form, so a query written so finds it as written.

    >>> [acronym(w) for w in ("ALS", "CD4", "MSCs", "COVID19", "Als", "A", "DEFINE", "T2", "US")]
    ['ALS', 'CD4', 'MSC', 'COVID19', None, None, None, None, 'US']
    """
    if word.endswith("s") and len(word) > 2:
        word = word[:-1]
    if not word.isascii() or not word.isalnum() or not word.isupper():
        return None
    letters = sum(c.isalpha() for c in word)
    return word if 2 <= letters <= 5 else None


def cased(text: str, folded: str) -> str:
    """``text`` as :func:`fold` reads it but for case, character for character with ``folded``
    (which it was folded to): what a word there was written in capitals.  Where a value is
    written wholly in capitals (a word of six capital letters, no small letter), every value so
    written is given in lower case: their words are no acronyms.

    >>> text = VALUE_SEPARATOR.join(["Riluzole in ALS", "EFFECT OF TUMOR CELLS IN RATS", "DOGS"])
    >>> cased(text, fold(text)).split(VALUE_SEPARATOR)
    ['Riluzole in ALS', 'effect of tumor cells in rats', 'dogs']
    >>> cased("COPD", "copd")
    'COPD'
    """
    text = unicodedata.normalize("NFKC", text)
    if len(text) != len(folded):   # ß → ss: those characters folded, so the rest stay in line
        text = "".join(c if len(c.casefold()) == 1 else c.casefold() for c in text)
    values = text.split(VALUE_SEPARATOR)
    loud = [_in_capitals(v) for v in values]
    if not any(is_loud and _LONG_CAPITALS.search(v) for is_loud, v in zip(loud, values)):
        return text
    return VALUE_SEPARATOR.join(v.translate(_ASCII_LOWER) if is_loud else v for is_loud, v in zip(loud, values))


# A word of six capital letters or more is no acronym (:func:`acronym`): a value holding one and
# no small letter is written wholly in capitals, as old MEDLINE titles and Web of Science's
# KeyWords Plus are ("EFFECT OF TUMOR CELLS IN RATS"; "DOGS", "HEART", "HYDROCEPHALUS").
_LONG_CAPITALS = re.compile(r"[A-Z]{6,}")
_SMALL_LATIN = re.compile(r"[a-z]")
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def _in_capitals(value: str) -> bool:
    """No small Latin letter and no CJK (a Chinese text's Latin words are acronyms: 治疗AIDS)."""
    return not _SMALL_LATIN.search(value) and not CJK_RUN.search(value)


# ---------------------------------------------------------------- English inflection key
def _consonant(w: str, i: int) -> bool:
    c = w[i]
    if c in _VOWELS:
        return False
    if c == "y":
        return i == 0 or not _consonant(w, i - 1)
    return True


def _measure(stem: str) -> int:
    """Porter's m: the number of vowel-consonant sequences in ``stem``."""
    m, prev_vowel = 0, False
    for i in range(len(stem)):
        cons = _consonant(stem, i)
        if cons and prev_vowel:
            m += 1
        prev_vowel = not cons
    return m


def _has_vowel(stem: str) -> bool:
    return any(not _consonant(stem, i) for i in range(len(stem)))


def _ends_cvc(w: str) -> bool:
    n = len(w)
    return (n >= 3 and _consonant(w, n - 3) and not _consonant(w, n - 2) and _consonant(w, n - 1)
            and w[-1] not in "wxy")


def _step1b_tail(w: str) -> str:
    if w.endswith(("at", "bl", "iz")):
        return w + "e"
    if len(w) >= 2 and w[-1] == w[-2] and _consonant(w, len(w) - 1) and w[-1] not in "lsz":
        return w[:-1]
    if _measure(w) == 1 and _ends_cvc(w):
        return w + "e"
    return w


def inflection_key(word: str) -> str:
    """The inflectional part of Porter (1980): steps 1a, 1b, 1c and 5a; words of two letters
    or fewer are left alone.

    >>> [inflection_key(w) for w in ("cells", "restricted", "hopping", "agreed", "happy", "level", "periodical")]
    ['cell', 'restrict', 'hop', 'agre', 'happi', 'level', 'periodical']
    """
    w = word
    if len(w) <= 2 or not w.isascii():
        return w
    if w.endswith("sses") or w.endswith("ies"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    if w.endswith("eed"):
        if _measure(w[:-3]) > 0:
            w = w[:-1]
    elif w.endswith("ed") and _has_vowel(w[:-2]):
        w = _step1b_tail(w[:-2])
    elif w.endswith("ing") and _has_vowel(w[:-3]):
        w = _step1b_tail(w[:-3])
    if w.endswith("y") and _has_vowel(w[:-1]):
        w = w[:-1] + "i"
    if w.endswith("e") and len(w) > 3:
        m = _measure(w[:-1])
        if m > 1 or (m == 1 and not _ends_cvc(w[:-1])):
            w = w[:-1]
    return w


# Plurals no suffix rule reads, as biomedical text writes them (ours; Latin ``-ae`` plurals,
# ``vertebrae``, ``larvae``, and ``-ses`` ones, ``diagnoses``, are read by the rules): each is
# keyed as its singular, so ``woman`` finds ``women`` and ``mice`` finds ``mouse``.
IRREGULAR_PLURALS = {
    "women": "woman", "men": "man", "children": "child", "mice": "mouse", "lice": "louse",
    "teeth": "tooth", "feet": "foot", "geese": "goose",
    "criteria": "criterion", "phenomena": "phenomenon", "ganglia": "ganglion",
    "mitochondria": "mitochondrion", "spermatozoa": "spermatozoon",
    "bacteria": "bacterium", "atria": "atrium", "septa": "septum", "strata": "stratum", "ova": "ovum",
    "curricula": "curriculum", "sera": "serum", "genera": "genus", "corpora": "corpus",
    "foramina": "foramen", "lumina": "lumen", "stomata": "stoma",
    "nuclei": "nucleus", "stimuli": "stimulus", "fungi": "fungus", "bacilli": "bacillus", "foci": "focus",
    "loci": "locus", "emboli": "embolus", "thrombi": "thrombus", "alveoli": "alveolus", "bronchi": "bronchus",
    "glomeruli": "glomerulus", "radii": "radius", "calculi": "calculus",
    "indices": "index", "appendices": "appendix", "matrices": "matrix", "cortices": "cortex",
    "apices": "apex", "vertices": "vertex", "cervices": "cervix", "testes": "testis",
}


# British spellings of biomedical words, as pieces of an inflection key and the American
# piece each is keyed as (PubMed maps them so): ``tumour`` finds ``tumor``, ``antitumour``,
# ``oestrogen`` ``estrogen``, ``randomised`` ``randomized``.  A table of ours, not rules such as
# ae → e or -our → -or, which would key ``aerobic`` as "erobic", ``Michael`` as "michel" and
# ``four``, ``hour``, ``contour`` as "for", "hor", "contor"; nor -ise → -ize for every word
# (``exercise``, ``advise``, and ``decidualise``, which the shared evaluation rule keeps apart).
_BRITISH_PIECES = {
    **{w + "our": w + "or" for w in ("tum", "behavi", "col", "fav", "lab", "od", "vap", "hum", "hon", "flav",
                                     "neighb", "vig", "rig", "harb", "sav", "endeav", "ferv")},
    "haem": "hem", "aemi": "emi", "anaesth": "anesth", "paed": "ped", "gynaec": "gynec", "aetiol": "etiol",
    "caesar": "cesar", "faec": "fec", "oesophag": "esophag", "oestr": "estr", "oedem": "edem", "foet": "fet",
    "rrhoe": "rrhe", "pnoe": "pne", "coeli": "celi", "manoeuvr": "maneuver",
}
# oe- at a word's start or after a prefix (``antioestrogen``, ``transoesophageal``, ``lymphoedema``):
# ``phytoestrogen``, ``xenoestrogen`` are written so in American English too.
_OE_START = "(?:(?<![a-z])|" + "|".join(f"(?<={p})" for p in ("anti", "trans", "lymph", "intra", "peri")) + ")"
_BRITISH_PIECE = re.compile("|".join((_OE_START if p.startswith("oe") else "") + p
                                     for p in sorted(_BRITISH_PIECES, key=len, reverse=True)))
# Key-final -re (``centre``, ``centred`` → centr) and -ll- before an ending (``modelling`` → modell).
_BRITISH_ENDS = {"centr": "center", "metr": "meter", "litr": "liter", "fibr": "fiber", "theatr": "theater",
                 "calibr": "caliber", "signall": "signal", "modell": "model", "labell": "label",
                 "travell": "travel", "cancell": "cancel"}
_BRITISH_END = re.compile(f"({'|'.join(_BRITISH_ENDS)})$")
# -ise/-isation of the verbs biomedical text writes both ways (``randomised``, ``hospitalisation``).
_ISE_STEMS = ("random", "organ", "character", "hospital", "recogn", "minim", "maxim", "normal", "util", "immun",
              "standard", "optim", "stabil", "visual", "categor", "summar", "general", "special", "real",
              "local", "neutral", "steril", "mobil", "immobil", "crystall", "polymer", "ion", "homogen",
              "vascular", "individual", "personal", "priorit", "conceptual", "internal", "solubil", "lyophil",
              "catheter", "sensit", "desensit", "epithelial", "fertil", "emphas", "apolog", "critic", "anesthet")
_ISE = re.compile(rf"({'|'.join(_ISE_STEMS)})is(?=$|ation|er)")


def american(key: str) -> str:
    """An inflection key with the British spellings of :data:`_BRITISH_PIECES` and the
    -ise verbs of :data:`_ISE_STEMS` read as American.

    >>> [american(inflection_key(w)) for w in ("tumours", "antitumour", "haemoglobin", "leukaemia", "centres",
    ...                                       "randomised", "hospitalisation", "phytoestrogen", "aerobic", "contour", "exercised")]
    ['tumor', 'antitumor', 'hemoglobin', 'leukemia', 'center', 'randomiz', 'hospitalization', 'phytoestrogen', 'aerobic', 'contour', 'exercis']
    """
    if not key.isascii():
        return key
    key = _BRITISH_PIECE.sub(lambda m: _BRITISH_PIECES[m.group()], key)
    key = _BRITISH_END.sub(lambda m: _BRITISH_ENDS[m.group(1)], key)
    return _ISE.sub(r"\1iz", key)


# The same tables read on words as written (not keys), both ways, for :func:`spellings`.  As
# written, manoeuvre is an -re word (manoeuvre, manoeuvring: maneuver, maneuvering), though its
# key takes the piece (``manoeuvrable`` → maneuverabl).
_WRITTEN_PIECES = {b: a for b, a in _BRITISH_PIECES.items() if b != "manoeuvr"}
_WRITTEN_ENDS = {**_BRITISH_ENDS, "manoeuvr": "maneuver"}
_AMERICAN_ENDS = {a: b for b, a in _WRITTEN_ENDS.items()}
_AMERICAN_PIECES = {a: b for b, a in _WRITTEN_PIECES.items()}
_WRITTEN_PIECE = re.compile("|".join((_OE_START if p.startswith("oe") else "") + p
                                     for p in sorted(_WRITTEN_PIECES, key=len, reverse=True)))
_AMERICAN_PIECE = re.compile("|".join((_OE_START if b.startswith("oe") else "") + a
                                      for a, b in sorted(_AMERICAN_PIECES.items(), key=lambda i: -len(i[0]))))
_RE_ENDS = "|".join(k for k in _WRITTEN_ENDS if not k.endswith("ll"))
_LL_ENDS = "|".join(k for k in _WRITTEN_ENDS if k.endswith("ll"))
_WRITTEN_BRITISH = re.compile(rf"(?:({_RE_ENDS})(e|es|ed|ing)|({_LL_ENDS})(ed|ing|ers?)|({'|'.join(_ISE_STEMS)})is"
                              r"(es?|ed|ing|ations?|ers?))$")
_WRITTEN_AMERICAN = re.compile(rf"(?:({'|'.join(map(_WRITTEN_ENDS.get, _RE_ENDS.split('|')))})(|s|ed|ing)"
                               rf"|({'|'.join(_WRITTEN_ENDS[k] for k in _LL_ENDS.split('|'))})(ed|ing|ers?)"
                               rf"|({'|'.join(_ISE_STEMS)})iz(es?|ed|ing|ations?|ers?))$")
_RE_WRITTEN = {"e": "", "es": "s", "ed": "ed", "ing": "ing"}
# The two ways of respelling a word as written: (pieces found, their table, its ending, the ends'
# table, an -re end's endings, the -ise/-ize letters written)
_TO_AMERICAN = (_WRITTEN_PIECE, _WRITTEN_PIECES, _WRITTEN_BRITISH, _WRITTEN_ENDS, _RE_WRITTEN, "iz")
_TO_BRITISH = (_AMERICAN_PIECE, _AMERICAN_PIECES, _WRITTEN_AMERICAN, _AMERICAN_ENDS,
               {"": "e", "s": "es", "ed": "ed", "ing": "ing"}, "is")


def _respelt(word: str, way: tuple) -> str:
    """``word`` spelt the other way (:data:`_TO_AMERICAN` or :data:`_TO_BRITISH`)."""
    piece, pieces, ending, ends, re_endings, ise = way
    word = piece.sub(lambda m: pieces[m.group()], word)
    m = ending.search(word)
    if not m:
        return word
    if m.group(1):
        return word[:m.start()] + ends[m.group(1)] + re_endings[m.group(2)]
    if m.group(3):
        return word[:m.start()] + ends[m.group(3)] + m.group(4)
    return word[:m.start()] + m.group(5) + ise + m.group(6)


@lru_cache(maxsize=1 << 12)
def spellings(word: str) -> tuple[str, ...]:
    """The ways of writing ``word`` that :func:`word_keys` reads as one, not its inflections: the
    British and American spellings of its tables and an irregular plural and its singular, word
    as written, the typed form first.  A phrase's words before its last match so (the last is
    inflected): ``"tumour necrosis"`` finds tumor necrosis, ``"mice liver"`` mouse liver, while
    ``"follow up"`` still is no "followed up".

    >>> [spellings(w) for w in ("tumour", "centres", "modelling", "randomized", "mice", "follow")]
    [('tumour', 'tumor'), ('centres', 'centers'), ('modelling', 'modeling'), ('randomized', 'randomised'), \
('mice', 'mouse'), ('follow',)]
    >>> [spellings(w) for w in ("manoeuvre", "maneuvers", "manoeuvring", "centered")]
    [('manoeuvre', 'maneuver'), ('maneuvers', 'manoeuvres'), ('manoeuvring', 'maneuvering'), ('centered', 'centred')]
    """
    if not word.isascii():
        return (word,)
    forms = [word, IRREGULAR_PLURALS.get(word, word)] + [p for p, s in IRREGULAR_PLURALS.items() if s == word]
    out = []
    for f in forms:
        us = _respelt(f, _TO_AMERICAN)
        out += [f, us, _respelt(us, _TO_BRITISH)]
    # a variant read back must be the word's own; one no text writes ("them" as "thaem") finds nothing
    same = {_respelt(f, _TO_AMERICAN) for f in forms}
    return tuple(v for v in dict.fromkeys(out) if _respelt(v, _TO_AMERICAN) in same)


@lru_cache(maxsize=1 << 17)
def word_keys(word: str, irregular: bool = True) -> tuple[str, ...]:
    """The inflection keys a word is indexed under (its ``-sis`` reading too for ``-ses``; an
    irregular plural's, :data:`IRREGULAR_PLURALS`, is its singular's unless ``irregular`` is
    false, for a word written as an acronym), spelt as in American English (:func:`american`).

    >>> word_keys("women"), word_keys("woman"), word_keys("mice"), word_keys("mouse"), word_keys("criteria")
    (('woman',), ('woman',), ('mous',), ('mous',), ('criterion',))
    >>> word_keys("mice", irregular=False)
    ('mice',)
    """
    keys = [american(inflection_key(IRREGULAR_PLURALS.get(word, word) if irregular else word))]
    if word.endswith("ses") and len(word) > 4:
        alt = american(inflection_key(word[:-3] + "sis"))
        if alt not in keys:
            keys.append(alt)
    return tuple(keys)


# ---------------------------------------------------------------- tokens
def split_word(start: int, end: int, written: str) -> list[tuple[int, int]]:
    """The span ``start``-``end`` of a word, or its pieces where a Greek letter's spelled name in it
    is a word of its own as ``written`` (the text as written, :func:`cased`) shows
    (:data:`_NAME_APART`, :data:`_NAME_BEFORE_CAPITAL`).

    >>> [split_word(0, len(w), w) for w in ("TNFalpha", "IL1beta", "Abeta42", "Gazeta", "tnfalpha", "TNFALPHA")]
    [[(0, 3), (3, 8)], [(0, 3), (3, 7)], [(0, 1), (1, 7)], [(0, 6)], [(0, 8)], [(0, 8)]]
    >>> [split_word(0, len(w), w) for w in ("NFkappaB", "deltaF508", "Tibetan", "nfkappab")]
    [[(0, 2), (2, 7), (7, 8)], [(0, 5), (5, 9)], [(0, 7)], [(0, 8)]]
    """
    m = _NAME_APART.search(written, start, end)
    cuts = {m.start()} if m else set()
    for m in _NAME_BEFORE_CAPITAL.finditer(written, start, end):
        cuts |= {m.start(), m.end()}
    bounds = [start, *sorted(c for c in cuts if start < c < end), end]
    return list(zip(bounds, bounds[1:]))


def word_spans(text: str, written: str | None = None, pos: int = 0, endpos: int | None = None) -> list[tuple[int, int]]:
    """The spans of the words (:data:`WORD`) of folded ``text`` (from ``pos`` to ``endpos``) as the
    index reads them, a Greek letter's name apart where ``written`` (``text`` as written, character
    for character: :func:`cased`) shows it (:func:`split_word`); without it, as the folded text
    shows it (after a digit only).

    >>> text = "TNFalpha, Gazeta"
    >>> [text[s:e] for s, e in word_spans(fold(text), cased(text, fold(text)))]
    ['TNF', 'alpha', 'Gazeta']
    """
    written = text if written is None else written
    return [span for m in _WORD.finditer(text, pos, len(text) if endpos is None else endpos)
            for span in split_word(*m.span(), written)]


def tokens(text: str, with_keys: bool = True, written: str | None = None):
    """``(term, position, start, end)`` of already folded ``text`` (see the module doc);
    ``written`` is the text unfolded (:func:`cased`), for the words written in capitals and the
    Greek names a word's case shows (:func:`split_word`; without it, as in small letters).

    Where anything (a space, a sign) stands between two tokens and one of them is CJK, one
    position is skipped: a Chinese phrase then matches only characters that are adjacent in
    the text (``体在`` not in ``流体 在`` or ``固体。在``), while English words separated by
    spaces or hyphens stay consecutive; so is one where a Chinese clause mark (、。) stands
    between two words.
    """
    pos = 0
    last_end, last_cjk = 0, False
    for m in _PIECE.finditer(text):
        kind = m.lastgroup
        if kind == "sep":
            pos += POSITION_GAP
            last_end, last_cjk = m.end(), False
            continue
        s = m.group()
        start = m.start()
        cjk = kind == "cjk"
        if start > last_end and (cjk or last_cjk or _CLAUSE_MARK.search(text, last_end, start)):
            pos += 1
        last_end, last_cjk = m.end(), cjk
        if not cjk:
            for start, end in split_word(start, m.end(), text if written is None else written):
                yield from _word_terms(text, written, start, end, pos, with_keys)
                pos += 1
            continue
        for i, ch in enumerate(s):
            yield ch, pos, start + i, start + i + 1
            pos += 1


def _word_terms(text: str, written: str | None, start: int, end: int, pos: int, with_keys: bool):
    """The terms of the word ``text[start:end]`` at ``pos`` (:func:`tokens`): the word, its
    inflection keys, its form in capitals, its ``++``."""
    s = text[start:end]
    yield s, pos, start, end
    capitals = (acronym(written[start:end]) if written is not None and s.isascii()
                and written[start:end] != s else None)
    if with_keys:
        # (an acronym is no irregular plural: MICE, MEN 2A, OVA, ATRIA)
        for key in word_keys(s, irregular=not capitals):
            if key != s:
                yield KEY_MARK + key, pos, start, end
    if written is not None and s.isascii():
        if capitals:
            yield capitals, pos, start, end
        if text.startswith(PLUS_PLUS, end) and s[0].isalpha() \
                and not _AFTER_PLUS_PLUS.match(text, end + len(PLUS_PLUS)):
            yield s + PLUS_PLUS, pos, start, end + len(PLUS_PLUS)


def title_key(text: str) -> str:
    """One term for a whole title: its words as the index reads them, case, punctuation and
    spaces aside (a hash: titles are long).  A title pasted as a query lifts its record by it.

    >>> title_key("Anal sac gland carcinoma in cocker spaniels.") == title_key("anal sac gland  carcinoma in Cocker Spaniels")
    True
    """
    words = " ".join(term for term, *_ in tokens(fold(text), with_keys=False))
    return hashlib.blake2b(words.encode("utf-8"), digest_size=8).hexdigest()


class BilingualTokenizer(Tokenizer):
    """Whoosh tokenizer over :func:`tokens` (folded text, sequential positions)."""

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        text = fold(value)
        if not tokenize:
            t.original = t.text = text
            t.boost, t.stopped = 1.0, False
            if positions:
                t.pos = start_pos
            yield t
            return
        for term, pos, start, end in tokens(text, written=cased(value, text)):
            t.text = term
            t.boost, t.stopped = 1.0, False
            if keeporiginal:
                t.original = term
            if positions:
                t.pos = start_pos + pos
            if chars:
                t.startchar, t.endchar = start_char + start, start_char + end
            yield t


def jieba_words(text: str) -> list[str]:
    """jieba's Chinese words of ``text`` (folded), for the ranking-only word field: one
    jieba call for the whole text (its per-call cost dominates on short runs).

    >>> jieba_words("脊柱转移瘤, a case")[:2]
    ['脊柱', '转移']
    """
    from ..lang.segment import segment

    folded = fold(text)
    if not CJK_RUN.search(folded):
        return []
    return [w for w in segment(folded) if CJK_RUN.fullmatch(w)]


def bilingual_analyzer():
    return BilingualTokenizer()


def word_analyzer():
    """The word field holds jieba words already segmented (by the cleaning workers)."""
    from whoosh.analysis import SpaceSeparatedTokenizer

    return SpaceSeparatedTokenizer()
