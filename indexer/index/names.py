"""Personal names in an author search.

``author:"Smith, John"``, ``author:"Smith JA"`` (as PubMed writes a name), ``author:"John
Smith"`` and ``author:"Zhang Wei"`` find the author whose family name is Smith (Zhang) and
whose given names agree with the ones written: a full name with itself or its initial,
initials with the start of the record's initials.  So ``Smith J`` finds ``Smith, John A.``,
``Smith JA`` and ``Smith, J. A.``; ``Smith, John`` finds ``Smith JA`` too, but not
``Smith, Jane``.  Case, accents, hyphens and spaces in a family name do not count
(``Martinez Suarez, J`` finds ``Martínez-Suárez, J.V.``), and the index holds each name
with accents and without, so ``author:Muller`` finds Müller.

Chinese names meet their pinyin, as English records write them: ``author:"Wang Jianguo"``,
``author:"Wang JG"`` and ``author:"Wang J"`` find 王建国 (and 汪建国: pinyin cannot tell
them apart), and ``author:王建国`` finds Wang Jianguo, Jian-Guo Wang and Wang JG (not Wang J,
which is as likely another name).  A surname reads as surnames do (曾 Zeng, 单 Shan) and
two-character surnames are one (欧阳 Ouyang): see :mod:`indexer.pinyin`.  The index holds a
Chinese author's name in pinyin too, so ``author:Wang`` finds the records that write 王.

A value of one word (``author:Smith``), or truncated (``author:zha*``) is matched as any
author value is (:mod:`.query`), and so is every value besides: the words as written, in
order, in the author's name.
"""
from __future__ import annotations

import re
import unicodedata

from ..charsets import is_han
from ..pinyin import compared_word, is_person, person_pinyin, u_for_v
from .analysis import fold

# Between the family name and the given words in an author's key, and after them the mark
# of a name written in Chinese.
SEP = "\x1f"
HAN_MARK = "han"
# Written after the given names, not part of them ("Chatterton, RT, Jr").
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Initials as typed after a family name: J, JA, J.A., J. A. (the last word, capitals).
_TYPED_INITIALS = re.compile(r"(?:[A-Z]\.?){1,3}")


def unaccented(text: str) -> str:
    """The text without its accents: 'Müller' → 'Muller' (what the index also holds of a
    name, so that author:Muller finds Müller, as PubMed's search does)."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", text)
                                                if not unicodedata.combining(c)))


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
    name = fold("".join(name.split()))
    return name if is_person(name) else None


def author_key(author: dict) -> str:
    """One author as the name check reads it: family name, SEP, given words; a Chinese name
    in pinyin, its given syllables, SEP, HAN ('' for a name kept whole that is no person's:
    an organisation)."""
    chinese = han_name(author)
    if chinese:
        family, given = person_pinyin(chinese)
        return SEP.join((u_for_v(family), " ".join(map(u_for_v, given)), HAN_MARK))
    if author.get("literal") or not author.get("family"):
        return ""
    return family_key(author["family"]) + SEP + " ".join(given_words(author.get("given") or ""))


def family_key(family: str) -> str:
    """A family name as names are compared: letters only, accents and case aside, ü as u
    (Lyu, Lv, Lü and 吕's lv are lu)."""
    return compared_word(plain(family))


def candidate_families(family: str) -> list[str]:
    """The family names to look a reading up by in the index (the check then compares them
    as one): as written, without accents, and ü's spellings (Lü, Lv, Lyu, Lu)."""
    forms = [family, unaccented(family)]
    compared = family_key(family)
    if compared in ("lu", "nu"):
        forms += [compared, compared[0] + "v", compared[0] + "yu"]
    return list(dict.fromkeys(forms))


def pinyin_forms(author: dict) -> list[str]:
    """What the index also holds of a Chinese author: the name in pinyin, as English records
    write it (王建国 → 'wang jianguo'), so author:Wang finds the records that write 王."""
    chinese = han_name(author)
    if not chinese:
        return []
    family, given = person_pinyin(chinese)
    forms = [f"{family} {''.join(given)}".strip()]
    if "v" in forms[0]:   # ü: 吕 lv, as Lu, Lü (once accents are gone) and Lyu too
        forms += [u_for_v(forms[0]), forms[0].replace("v", "yu")]
    return forms


def query_names(value: str) -> list[tuple[str, str, list[str], bool]]:
    """What an author value may mean, as (family as written, family plain, given words,
    written in Chinese): 'Smith, John' and 'Smith JA' one reading each; 'John Smith' and
    'Zhang Wei' two (either word may be the family name); 王建国 its pinyin, ('wang', 'wang',
    ['jian', 'guo'], True).  [] for a value that is not a name with given names."""
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
        if len(words) < 2:
            return []
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
    family, _, rest = key.partition(SEP)
    given, _, mark = rest.partition(SEP)
    held = given.split()
    for _, f, g, chinese in names:
        if family != f:
            continue
        if chinese and not mark and _same_chinese_given(g, held):
            return True
        if not chinese and _agree(g, held, syllables=bool(mark)):
            return True
    return False
