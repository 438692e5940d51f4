"""Personal names in an author search.

``author:"Smith, John"``, ``author:"Smith JA"`` (as PubMed writes a name), ``author:"John
Smith"`` and ``author:"Zhang Wei"`` find the author whose family name is Smith (Zhang) and
whose given names agree with the ones written: a full name with itself or its initial,
initials with the start of the record's initials.  So ``Smith J`` finds ``Smith, John A.``,
``Smith JA`` and ``Smith, J. A.``; ``Smith, John`` finds ``Smith JA`` too, but not
``Smith, Jane``.  Case, accents, hyphens and spaces in a family name do not count
(``Martinez Suarez, J`` finds ``Martínez-Suárez, J.V.``; ``author:Muller`` finds Müller),
nor how ü is spelt (吕: Lü, Lu, Lv, Lyu).

Chinese names meet their pinyin, as English records write them: ``author:"Wang Jianguo"``,
``author:"Wang JG"`` and ``author:"Wang J"`` find 王建国 (and 汪建国: pinyin cannot tell
them apart), and ``author:王建国`` finds Wang Jianguo, Jian-Guo Wang and Wang JG (not Wang J,
which is as likely another name); ``author:Wang`` finds the records that write 王.  A
surname reads as surnames do (曾 Zeng, 单 Shan) and two-character surnames are one (欧阳
Ouyang): see :mod:`indexer.pinyin`.

Every value is also matched as any author value is (:mod:`.query`): the words as written,
in order, in the author's name (``author:John``, ``author:王``, ``author:zha*``).  The
index's name terms (below) answer most values without reading a record.
"""
from __future__ import annotations

import re
import unicodedata

from ..charsets import is_han
from ..pinyin import compared_word, is_person, person_pinyin, u_for_v
from .analysis import fold

# Between the parts of an author's key (author_key), and the mark of a name written in Chinese.
SEP = "\x1f"
HAN_MARK = "han"
# Written after the given names, not part of them ("Chatterton, RT, Jr").
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Initials as typed after a family name: J, JA, J.A., J. A. (the last word, capitals).
_TYPED_INITIALS = re.compile(r"(?:[A-Z]\.?){1,3}")
# The words of a family name (Martínez-Suárez, van der Berg).
_WORDS = re.compile(r"[^\W_]+")


def plain(text: str) -> str:
    """Letters and digits only, accents and case aside: 'Martínez-Suárez' → 'martinezsuarez'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isalnum()).casefold()


def given_words(given: str) -> list[str]:
    """Given names as words, initials as one letter each: 'Nancy K' → ['nancy', 'k'];
    'KC', 'K. C.', 'K.C.' → ['k', 'c']; 'Jean-Pierre' → ['jean', 'pierre'].  A word of
    capitals up to three letters long is initials (PubMed's 'ADV'); a longer one is a name
    written in capitals ('TODD')."""
    words = []
    for w in re.split(r"[\s.,\-\u2010\u2011]+", given):
        if not w or (words and plain(w) in _SUFFIXES):
            continue
        if w.isalpha() and w.isupper() and len(w) <= 3:
            words += [c.casefold() for c in w]
        elif plain(w):
            words.append(plain(w))
    return words


def han_name(author: dict) -> str | None:
    """An author's Chinese personal name (simplified), or None: a name kept whole of two to
    four characters, or a family and given name in Chinese ("崔", "勋")."""
    name = author.get("literal") or (author.get("family") or "") + (author.get("given") or "")
    if not name or not is_han(name[0]):   # most names: no folding to tell
        return None
    name = fold("".join(name.split()))
    return name if is_person(name) else None


def author_key(author: dict, chinese: str | None = None) -> str:
    """One author as the name check reads it: family name, given words, HAN_MARK for a name
    written in Chinese (then in pinyin, its given syllables), and the family name's words when
    it has several ("martinezsuarez", "j v", "", "martinez suarez"), SEP between them; '' for
    a name kept whole that is no person's (an organisation).  ``chinese``: the author's
    han_name, when known."""
    chinese = chinese or han_name(author)
    if chinese:
        family, given = person_pinyin(chinese)
        return SEP.join((u_for_v(family), " ".join(map(u_for_v, given)), HAN_MARK, ""))
    if author.get("literal") or not author.get("family"):
        return ""
    parts = _WORDS.findall(author["family"])
    return SEP.join((family_key(author["family"]), " ".join(given_words(author.get("given") or "")), "",
                     " ".join(map(family_key, parts)) if len(parts) > 1 else ""))


def _read_key(key: str) -> tuple[str, list[str], bool, list[str]]:
    """(family, given words, written in Chinese, family words) of an author's key."""
    family, given, mark, parts = key.split(SEP)
    return family, given.split(), bool(mark), parts.split()


def index_terms(authors: list[dict]) -> list[str]:
    """The name terms of a record's authors, each once (:func:`name_terms`)."""
    return list(dict.fromkeys(t for a in authors for t in name_terms(author_key(a))))


def family_key(family: str) -> str:
    """A family name as names are compared: letters only, accents and case aside, ü as u
    (Lyu, Lv, Lü and 吕's lv are lu)."""
    return compared_word(plain(family))


def query_names(value: str) -> list[tuple[str, str, list[str], bool]]:
    """What an author value may mean, as (family as written, family compared, given words,
    written in Chinese): 'Smith, John' and 'Smith JA' one reading each; 'John Smith' and
    'Zhang Wei' two (either word may be the family name); 'Smith' a family name alone; 王建国
    its pinyin, ('wang', 'wang', ['jian', 'guo'], True).  [] for a value in Chinese that is no
    personal name (王, an organisation), or truncated."""
    chinese = fold("".join(value.split()))
    if is_person(chinese):
        family, given = person_pinyin(chinese)
        return [(family, u_for_v(family), [u_for_v(g) for g in given], True)]
    if "*" in value or "?" in value or any(map(is_han, value)):
        return []
    if "," in value:
        family, _, given = value.partition(",")
        readings = [(family.strip(), given)]
    else:
        words = value.split()
        if len(words) == 1:   # a family name alone (or a given name: the words as written count too)
            return [(value, family_key(value), [], False)] if family_key(value) else []
        if _TYPED_INITIALS.fullmatch(words[-1]):
            readings = [(" ".join(words[:-1]), words[-1])]
        else:
            readings = [(words[-1], " ".join(words[:-1])), (words[0], " ".join(words[1:]))]
    return [(family, family_key(family), given_words(given), False) for family, given in readings
            if plain(family) and given_words(given)]


def same_given(written: list[str], held: list[str]) -> bool:
    """Each given word written agrees with the record's, in order: equal, or one of them an
    initial and the other starting with it.  The record may hold more ('J' agrees with
    'J A'); it may not hold fewer."""
    if len(held) < len(written):
        return False
    return all(a[0] == b[0] if len(a) == 1 or len(b) == 1 else a == b for a, b in zip(written, held))


def _agree(written: list[str], held: list[str], syllables: bool = False) -> bool:
    """Given names agree, a Chinese given name's syllables apart or joined: 'Jianguo',
    'Jian-Guo', 'JG' and 'J' agree with jian guo (``syllables``: held is a Chinese name's,
    whose one-letter syllables are no initials: 'Yune' agrees with yun e)."""
    return any(same_given(w, h) for w in _joinings(written) for h in _joinings(held, syllables))


def _joinings(words: list[str], syllables: bool = False) -> list[list[str]]:
    """The words, and joined when they are two names or more (not initials: J A is not Ja)."""
    if len(words) > 1 and (syllables or all(len(w) > 1 for w in words)):
        return [words, ["".join(words)]]
    return [words]


def _same_chinese_given(syllables: list[str], held: list[str]) -> bool:
    """A name written in Chinese and a record's name in Latin letters: the given name in full
    (Jianguo, Jian-Guo) or by all its initials (JG), not by its first initial alone (J)."""
    joined = "".join(syllables)
    return "".join(held) == joined or held == [s[0] for s in syllables if s]


def name_matches(names: list[tuple[str, str, list[str], bool]], key: str) -> bool:
    """Whether one author's key (:func:`author_key`) is a name the value may mean.  A name
    written in Chinese is matched in pinyin only to names written in Latin letters (王建国
    finds Wang Jianguo, not 汪建国)."""
    family, held, mark, parts = _read_key(key)
    for _, f, g, chinese in names:
        if family != f:
            if not g and f in parts:   # author:Martinez finds Martínez-Suárez
                return True
            continue
        if chinese and not mark and _same_chinese_given(g, held):
            return True
        if not chinese and _agree(g, held, syllables=bool(mark)):
            return True
    return False


# ---------------------------------------------------------------- index terms
# The index's "names" field holds, for each author, terms that answer the common forms of a
# name exactly, with no record read: FAMILY| (author:Muller finds Müller, author:Wang 王建国;
# and WORD| for each word of a family name of several: author:Martinez, Martínez-Suárez),
# FAMILY|INITIALS for each start of the given initials
# (smith|j, smith|ja), FAMILY|=WORD for the first given name in full and for the given names
# joined (wang|=jian, wang|=jianguo), FAMILY|.X for a first given name that is an initial,
# FAMILY|:INITIALS for given names that are initials only, FAMILY|==NAMES for all the given
# names joined otherwise (what 王建国 is matched by).  A name written in Chinese has
# its terms in pinyin, marked ~ (~wang|=jianguo): a name written in Chinese is matched in
# pinyin only to names written in Latin letters.
MAX_INITIALS = 4


def name_terms(key: str) -> list[str]:
    """The "names" terms of one author, by its key (:func:`author_key`; see above)."""
    if not key:
        return []
    family, held, mark, parts = _read_key(key)
    start = ("~" if mark else "") + family + "|"
    initials = "".join(w[0] for w in held)
    terms = [start] + [start + initials[:k] for k in range(1, min(len(initials), MAX_INITIALS) + 1)]
    if held:
        terms.append(start + ("." if len(held[0]) == 1 else "=") + held[0])
    if len(_joinings(held, bool(mark))) > 1:
        terms.append(start + "=" + "".join(held))
    if held and all(len(w) == 1 for w in held):
        terms.append(start + ":" + initials)
    elif held and not mark:   # what a name written in Chinese is matched by: all given names joined
        terms.append(start + "==" + "".join(held))
    return terms + [part + "|" for part in parts]   # each word of a family name of several


def reading_terms(reading: tuple[str, str, list[str], bool]) -> tuple[list[str], bool]:
    """The "names" terms of the authors one reading of a value may mean, and whether they
    are exactly those authors (else they are candidates, each checked by name_matches):
    exact for initials (Smith JA) and for one given name in full (Smith, John)."""
    _, family, given, chinese = reading
    start = family + "|"
    if not given:
        return [start, "~" + start], True
    if chinese:   # Latin names only: Jianguo (or Jian Guo) in full, or JG
        return [start + "==" + "".join(given), start + ":" + "".join(s[0] for s in given)], True
    if all(len(w) == 1 for w in given):
        terms, exact = [start + "".join(given)[:MAX_INITIALS]], len(given) <= MAX_INITIALS
    else:
        terms = [start + "=" + given[0], start + "." + given[0][0]]
        if len(given) > 1 and all(len(w) > 1 for w in given):
            terms.append(start + "=" + "".join(given))
        exact = len(given) == 1
    return terms + ["~" + t for t in terms], exact
