"""Personal names in an author search.

``author:"Smith, John"``, ``author:"Smith JA"`` (as PubMed writes a name), ``author:"John
Smith"`` and ``author:"Zhang Wei"`` find the author whose family name is Smith (Zhang) and
whose given names agree with the ones written: a full name with itself or its initial,
initials with the start of the record's initials.  So ``Smith J`` finds ``Smith, John A.``,
``Smith JA`` and ``Smith, J. A.``; ``Smith, John`` finds ``Smith JA`` too, but not
``Smith, Jane``.  Case, accents, hyphens and spaces in a family name do not count
(``Martinez Suarez, J`` finds ``Martínez-Suárez, J.V.``; ``author:Muller`` finds Müller, ``Orsted``
Ørsted), nor particles before it (``Berg J`` finds ``van der Berg, Jan``),
nor how ü is spelt (吕: Lü, Lu, Lv, Lyu).

Chinese names meet their pinyin, as English records write them: ``author:"Wang Jianguo"``,
``author:"Wang JG"`` and ``author:"Wang J"`` find 王建国 (and 汪建国: pinyin cannot tell
them apart; not ``Wang, Jian``, as likely 王剑); ``author:"Wang JG"`` finds ``Wang, Jianguo``
(a given name of two syllables written as one word, its initials by syllable), and the other
way ``author:"Xu Yaqiong"`` finds Xu YQ and Xu Y, not Xu YX (Smith, John finds Smith JA; a
Western given name that reads as pinyin is read both ways: Lin Anna finds Lin AN and Lin AM), and
``author:王建国`` finds Wang Jianguo, Jian-Guo Wang and Wang JG (not Wang J, which is as
likely another name); ``author:Wang`` finds the records that write 王.  A surname reads
as surnames do (曾 Zeng, 单 Shan) and two-character surnames are one (欧阳 Ouyang): see
:mod:`indexer.pinyin`.  A name in Traditional characters is also read as Taiwan writes it
(Wade-Giles: ``author:"Chang Wei-Ming"`` finds 張偉明): its key holds both readings.  A
Japanese or Korean author's name in kanji or hanja (``lang`` ja, ko) has no pinyin
(``author:Tian`` is no 田中美穂): it is found as written only.

Every value is also matched as any author value is (:mod:`.query`): the words as written,
in order, in the author's name (``author:John``, ``author:王``, ``author:zha*``).  The
index's name terms (below) answer most values without reading a record.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..charsets import is_han, plain
from ..fields.authors import NLM_LOWER_PARTICLES
from ..pinyin import (NAME_DOT, SYLLABLES, compared_pinyin, compared_word, is_person, is_pinyin_surname,
                      read_in_pinyin, taiwan_reading, two_syllables)
from .analysis import fold

# Between the parts of an author's key (author_key), and the mark of a name written in Chinese.
SEP = "\x1f"
HAN_MARK = "han"
# Between the readings in an author's key: a name in Traditional characters is also read as
# Taiwan writes it (pinyin.taiwan_reading: 張偉明 is Chang Wei-Ming).
ALT = "\x1e"
# Written after the given names, not part of them ("Chatterton, RT, Jr").
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Initials as typed after a family name: J, JA, J.A., J. A. (the last words, capitals; with
# accents too, JÁ, as our Vancouver export writes Peña, José Ángel).
_TYPED_INITIALS = re.compile(r"(?:[^\W\d_]\.?){1,3}")
# The words of a family name (Martínez-Suárez, van der Berg).
_WORDS = re.compile(r"[^\W_]+")

def given_words(given: str) -> list[str]:
    """Given names as words, initials as one letter each: 'Nancy K' → ['nancy', 'k'];
    'KC', 'K. C.', 'K.C.' → ['k', 'c']; 'Jean-Pierre' → ['jean', 'pierre'].  A word of
    capitals up to three letters long is initials (PubMed's 'ADV'); a longer one is a name
    written in capitals ('TODD')."""
    words = []
    for w in re.split(r"[\s.,\-\u2010\u2011]+", given):
        if not w or (words and plain(w) in _SUFFIXES):
            continue
        if w.isalpha() and w.isupper() and len(w) <= 3:   # (accents aside: Peña JÁ, as Vancouver writes it)
            words += [plain(c)[:1] for c in w if plain(c)]
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


def author_key(author: dict) -> str:
    """One author as the name check reads it: family name, given words, HAN_MARK for a name
    written in Chinese (then in pinyin, its given syllables), and the family name's words when
    it has several ("martinezsuarez", "j v", "", "martinez suarez"), SEP between them; '' for
    a name kept whole that is no person's (an organisation), and for a Japanese or Korean
    name in kanji or hanja, which has no pinyin.

    >>> author_key({"literal": "山田太郎", "lang": "ja"}), author_key({"family": "山田", "given": "太郎", "lang": "ja"})
    ('', '')
    """
    if not read_in_pinyin(author) and any(map(is_han, (author.get("literal") or "") + (author.get("family") or ""))):
        return ""
    chinese = han_name(author)
    if chinese:
        written = "".join((author.get("literal") or (author.get("family") or "") + (author.get("given") or "")).split())
        readings = [compared_pinyin(chinese), taiwan_reading(written)]
        return ALT.join(SEP.join((family, " ".join(given), HAN_MARK, "")) for family, given in filter(None, readings))
    if author.get("literal") or not author.get("family"):
        return ""
    parts = _WORDS.findall(author["family"])
    key = SEP.join((family_key(author["family"]), " ".join(given_words(author.get("given") or "")), "",
                    " ".join(map(family_key, parts)) if len(parts) > 1 else ""))
    bare = _without_particles(author["family"])
    return key + ALT + author_key({**author, "family": bare}) if bare else key


def _without_particles(family: str) -> str | None:
    """A family name without the particles before it, or None when it has none: a name is also
    found without those NLM writes in lower case (van der Berg, Jan as Berg J; de Saint-Exupéry
    as Saint-Exupery), not Al, El, Bin, St., Op, which it capitalises as part of the name.

    >>> _without_particles("van der Berg"), _without_particles("de Saint-Exupéry"), _without_particles("Van")
    ('Berg', 'Saint-Exupéry', None)
    >>> _without_particles("Al Farsi"), _without_particles("Berg")
    (None, None)
    """
    words = family.split()
    n = 0
    while n < len(words) - 1 and words[n].casefold() in NLM_LOWER_PARTICLES:
        n += 1
    return " ".join(words[n:]) if n else None


def _read_key(key: str) -> tuple[str, list[str], bool, list[str]]:
    """(family, given words, written in Chinese, family words) of an author's key."""
    family, given, mark, parts = key.split(SEP)
    return family, given.split(), bool(mark), parts.split()


def index_terms(authors: list[dict]) -> list[str]:
    """The name terms of a record's authors, each once (:func:`name_terms`)."""
    return list(dict.fromkeys(t for a in authors
                              for t in _terms(a.get("literal"), a.get("family"), a.get("given"), a.get("lang"))))


@lru_cache(maxsize=1 << 14)
def _terms(literal: str | None, family: str | None, given: str | None, lang: str | None) -> tuple[str, ...]:
    """One name's terms: names recur (an author's papers, common Chinese names), and a name's
    key and terms take some 14 µs to make."""
    return tuple(name_terms(author_key({"literal": literal, "family": family, "given": given, "lang": lang})))


def family_key(family: str) -> str:
    """A family name as names are compared: letters only, accents and case aside, ü as u
    (Lyu, Lv, Lü and 吕's lv are lu)."""
    return compared_word(plain(family))


def query_names(value: str) -> list[tuple[str, list[str], bool]]:
    """What an author value may mean, as (family name as compared, given words, written in
    Chinese): 'Smith, John' and 'Smith JA' one reading each; 'John Smith' and 'Zhang Wei' two
    (either word may be the family name); 'Smith' a family name alone; 王建国 its pinyin,
    ('wang', ['jian', 'guo'], True).  [] for a value in Chinese that is no
    personal name (王, an organisation), or truncated."""
    chinese = fold("".join(value.split()))
    if is_person(chinese):
        taiwan = taiwan_reading("".join(value.split()))
        return [(family, given, True) for family, given in filter(None, (compared_pinyin(chinese), taiwan))]
    if "*" in value or "?" in value or any(map(is_han, value)):
        return []
    value = NAME_DOT.sub(" ", value)   # Ayiguli·Maimaiti (阿依古丽·买买提): given, family
    if "," in value:
        family, _, given = value.partition(",")
        readings = [(family.strip(), given)]
    else:
        words = value.split()
        if len(words) == 1:   # a family name alone (or a given name: the words as written count too)
            return [(family_key(value), [], False)] if family_key(value) else []
        typed = len(words)
        while typed > 1 and _TYPED_INITIALS.fullmatch(words[typed - 1]) and words[typed - 1].isupper():
            typed -= 1
        if typed < len(words):   # initials after the family name: Smith JA, Smith J A, Smith J. A.
            readings = [(" ".join(words[:typed]), " ".join(words[typed:]))]
        else:
            readings = [(words[-1], " ".join(words[:-1])), (words[0], " ".join(words[1:]))]
    return [(family_key(family), given_words(given), False) for family, given in readings
            if plain(family) and given_words(given)]


def family_names(key: str) -> list[str]:
    """The family names of one author's key (:func:`author_key`) as its name terms hold them,
    each marked ~ when written in Chinese (:func:`name_terms`): each reading's family name and
    each word of a family name of several.

    >>> family_names(author_key({"literal": "王建国"})), family_names(author_key({"family": "Martínez-Suárez"}))
    (['~wang'], ['martinezsuarez', 'martinez', 'suarez'])
    """
    out = []
    for one in filter(None, key.split(ALT)):
        family, _, mark, parts = _read_key(one)
        out += [("~" if mark else "") + family, *parts]
    return out


def same_given(written: list[str], held: list[str]) -> bool:
    """Each given word written agrees with the record's, in order: equal, or one of them an
    initial and the other starting with it.  The record may hold more ('J' agrees with
    'J A'); it may not hold fewer."""
    if len(held) < len(written):
        return False
    return all(a[0] == b[0] if len(a) == 1 or len(b) == 1 else a == b for a, b in zip(written, held))


def _agree(written: list[str], held: list[str]) -> bool:
    """Western given names agree (:func:`same_given`), names of two words or more also
    joined: 'Jianguo' agrees with Jian Guo and the other way round (initials are never
    joined: J A is not Ja)."""
    return any(same_given(w, h) for w in _joinings(written) for h in _joinings(held))


def _joinings(words: list[str]) -> list[list[str]]:
    if len(words) > 1 and all(len(w) > 1 for w in words):
        return [words, ["".join(words)]]
    return [words]


def _agree_chinese(written: list[str], syllables: list[str]) -> bool:
    """Given names written in Latin letters and a Chinese given name's syllables: initials
    that start its initials ('J', 'JG' for jian guo), or the whole name, apart or joined
    ('Jianguo', 'Jian-Guo'); not a part ('Jian': as likely 剑), and a one-letter syllable is
    no initial ('Yune' for yun e)."""
    if all(len(w) == 1 for w in written):
        return "".join(s[0] for s in syllables).startswith("".join(written))
    return "".join(written) == "".join(syllables)


def _joined(held: list[str]) -> str | None:
    """What a name written in Chinese is matched against, of a Western name's given names:
    all of them joined, when they are one name, names only, or initials only (Jian Guo →
    jianguo, J G → jg); None for a mix (John A)."""
    if len(held) == 1 or all(len(w) > 1 for w in held) or all(len(w) == 1 for w in held):
        return "".join(held) if held else None
    return None


def _same_chinese_given(syllables: list[str], held: list[str]) -> bool:
    """A name written in Chinese and a record's name in Latin letters: the given name in full
    (Jianguo, Jian-Guo) or by all its initials (JG), not by its first initial alone (J)."""
    return _joined(held) in ("".join(syllables), "".join(s[0] for s in syllables if s))


def _syllable_initials(family: str, held: list[str]) -> list[str]:
    """The initials a given name of one word may also be typed with, when the family name may
    be a Chinese surname's pinyin: the initials of each way the word reads as two syllables
    (Wang, Jianguo is Wang JG; Wang, Xian also Wang XA, as Xi'an would be)."""
    if len(held) != 1 or not is_pinyin_surname(family):
        return []
    return list(dict.fromkeys(a[0] + b[0] for a, b in two_syllables(held[0])))


# Western given names that also read as pinyin (Anna as an-na, 安娜; Ken as 肯): under a family
# name that may be a Chinese surname, such a name typed whole is read both ways, its syllables'
# initials (Lin Anna: Lin AN, as 林安娜 is written) and as a Western name, whose first letter
# starts its initials (Lin AM: Anna M.), which holds the other.
WESTERN_GIVEN_NAMES = frozenset(
    "ada ana anna anne dana dan dean diana dina gene hana hanna hanne helen ken ben lana lena leo lina linda "
    "lisa luna mia mina mona nina rena sean shane sue susan tanya tina wanda zane".split())


def _pinyin_initials(family: str, written: list[str]) -> list[str]:
    """The initials a given name typed in full as one word is written with, when it reads as
    pinyin under a family name that may be a Chinese surname: its one syllable's or its two
    syllables' (Xu Yaqiong: Y or YQ; Wang Jian: J, or JA as Ji'an); [] for any other name,
    whose first letter starts its initials (Smith John is Smith J and Smith JA), and for a
    Western given name (:data:`WESTERN_GIVEN_NAMES`), read so too (Lin Anna is Lin AN and Lin AM).

    >>> _pinyin_initials("xu", ["yaqiong"]), _pinyin_initials("wang", ["jian"]), _pinyin_initials("smith", ["john"])
    (['yq'], ['j', 'ja'], [])
    >>> _pinyin_initials("lin", ["anna"]), _pinyin_initials("wang", ["ben"])
    ([], [])
    """
    if len(written) != 1 or len(written[0]) == 1 or not is_pinyin_surname(family) \
            or written[0] in WESTERN_GIVEN_NAMES:
        return []
    word = written[0]
    return ([word[0]] if word in SYLLABLES else []) + _syllable_initials(family, written)


def _same_initials(family: str, written: list[str], held: list[str]) -> bool:
    """A given name typed in full and a record's given names that start with an initial: the
    initials of its pinyin syllables, as far as the record writes them (Xu Yaqiong is Xu Y,
    Xu YQ or Xu Y Qiong, not Xu YX; Wang Jian is not Wang JG, as likely 王剑), else any that
    start with its first letter (:func:`_agree`)."""
    readings = _pinyin_initials(family, written)
    if not readings or not held or len(held[0]) > 1:
        return True
    typed = "".join(w[0] for w in held)
    return any(r.startswith(typed) for r in readings)


def name_matches(names: list[tuple[str, list[str], bool]], key: str) -> bool:
    """Whether one author's key (:func:`author_key`) is a name the value may mean.  A name
    written in Chinese is matched in pinyin only to names written in Latin letters (王建国
    finds Wang Jianguo, not 汪建国)."""
    if ALT in key:
        return any(name_matches(names, one) for one in key.split(ALT))
    family, held, mark, parts = _read_key(key)
    for f, g, chinese in names:
        if family != f:
            if not g and f in parts:   # author:Martinez finds Martínez-Suárez
                return True
            continue
        if not g:
            return True
        if chinese:
            if not mark and _same_chinese_given(g, held):
                return True
        elif _agree_chinese(g, held) if mark else _agree(g, held) and _same_initials(family, g, held):
            return True
        elif all(len(w) == 1 for w in g) and not mark:   # Wang JG: Wang, Jianguo
            typed = "".join(g)
            if any(i.startswith(typed) for i in _syllable_initials(family, held)):
                return True
    return False


# ---------------------------------------------------------------- index terms
# The index's "names" field holds, for each author, terms that answer the common forms of a
# name exactly, with no record read:
#   FAMILY|            the family name (author:Muller finds Müller, author:Wang 王建国), and
#                      each word of a family name of several (author:Martinez, Martínez-Suárez);
#   FAMILY|INITIALS    the given names' initials (smith|ja): a prefix query finds smith|j…;
#                      a given name of one word, under a family name that may be pinyin, also
#                      by its syllables (wang|jg for Wang, Jianguo: _syllable_initials);
#   FAMILY|.X          a first given name that is an initial (Smith, John finds Smith J A);
#   FAMILY|=NAME       the first of two given names or more, in full (Smith, John: John Adam);
#   FAMILY|==NAMES     the given names joined (_joined): one name (Smith, John: John), names
#                      only (Wang, Jianguo: Jian Guo), initials only (王建国: JG).
# A name written in Chinese has its terms in pinyin, marked ~ (~wang|jg, ~wang|==jianguo): a
# name written in Chinese is matched in pinyin only to names written in Latin letters.
MAX_INITIALS = 4


def name_terms(key: str) -> list[str]:
    """The "names" terms of one author, by its key (:func:`author_key`; see above)."""
    if not key:
        return []
    if ALT in key:
        return list(dict.fromkeys(t for one in key.split(ALT) for t in name_terms(one)))
    family, held, mark, parts = _read_key(key)
    start = ("~" if mark else "") + family + "|"
    terms = [start] + [part + "|" for part in parts]
    if not held:
        return terms
    terms.append(start + "".join(w[0] for w in held))
    joined = "".join(held) if mark else _joined(held)
    if not mark:
        terms += [start + initials for initials in _syllable_initials(family, held)]
        if len(held[0]) == 1:
            terms.append(start + "." + held[0])
        elif len(held) > 1:
            terms.append(start + "=" + held[0])
    if joined:
        terms.append(start + "==" + joined)
    return terms


def reading_terms(reading: tuple[str, list[str], bool]) -> tuple[list[str], list[str], bool]:
    """The "names" terms and term prefixes of the authors one reading of a value may mean,
    and whether they are exactly those authors (else they are candidates, each checked by
    name_matches): exact for a family name alone, for initials (Smith JA), for one given name
    in full that is no pinyin (Smith, John) and for a name written in Chinese."""
    family, given, chinese = reading
    start = family + "|"
    if not given:
        return [start, "~" + start], [], True
    joined = "".join(given)
    if chinese:   # Latin names only: Jianguo (or Jian Guo) in full, or JG
        return [start + "==" + joined, start + "==" + "".join(s[0] for s in given)], [], True
    if all(len(w) == 1 for w in given):
        initials = joined[:MAX_INITIALS]
        return [], [start + initials, "~" + start + initials], len(given) <= MAX_INITIALS
    terms = [start + "=" + given[0], start + "." + given[0][0], start + "==" + given[0], "~" + start + "==" + joined]
    if len(given) > 1:
        terms.append(start + "==" + joined)
    # a name that reads as pinyin (Xu Yaqiong): FAMILY|.X holds initials it is not (Xu YX)
    return terms, [], len(given) == 1 and not _pinyin_initials(family, given)
