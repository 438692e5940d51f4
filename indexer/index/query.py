"""The query language: words and "phrases" in either language, AND by default, OR, NOT,
parentheses and field prefixes.

    脊柱转移 "spinal metastasis"          both (AND)
    癌 OR tumour                          either
    covid-19 NOT (children OR 儿童)        exclusion; ``-word`` is NOT word too
    title:肉瘤 author:张 journal:中华       fields: title abstract keyword author journal funder award
    doi:10.1000/xyz pmid:33587412 pmcid:PMC38908 lang:zh section:conclusion format:ris type:thesis
    clc:R445 clc:R73*                     a classification code (中图分类号), a class and those under it
    year:2018..2021  year:2018-2021  year:2018..  year:..2001  year:2019
    author:"Smith, John" author:"Smith JA" author:"Wang Jianguo"    names as references write them
                                          (:mod:`.names`; 王建国 and Wang Jianguo find each other)

How one word or phrase matches (the same rules as the shared search evaluation):

* containing Chinese (or only digits and signs, ``3.5``, ``40%``): the folded string occurs
  in the field (NFKC, case folded); a Latin/digit end must not continue a longer Latin run
  (``CT`` matches ``行CT检查``, not ``ICT``);
* English: each word matches its inflections (``cells`` = ``cell``; ``metastases`` =
  ``metastasis``); a word with parts (``IL-6``, ``end-stage``, and numbers joined by
  hyphens, ``7-15``) matches the parts as consecutive words, whatever stands between
  them (``7–15``, ``7 15``, and, as the shared rule reads it, ``7.15``), or glued (``IL6``;
  numbers glued, ``715``, only where the last one also stands alone, as that rule has it).

Truncation, as PubMed and Web of Science take it, on one word of Latin letters and digits:
``canc*`` is any word that starts with ``canc`` (``cancer``, ``cancerous``), ``wom?n`` one
character in place of ``?`` (``woman``, ``women``), three letters or digits before the first
mark; ``doi:10.1016/*`` is a DOI prefix.  A Chinese term already matches inside longer words,
so a ``*`` at its end is dropped (``肿瘤*`` = ``肿瘤``).

A term the index cannot answer exactly (Chinese next to Latin or signs: ``SD大鼠``,
``3.5``) is answered by the index for candidates, then checked against the record's text.
"""
from __future__ import annotations

import difflib
import fnmatch
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable, Iterator
from urllib.parse import unquote

from whoosh.query import (And, AndMaybe, Every, Not, NumericRange, Or, Phrase, Prefix, Sequence, SpanNot, SpanOr, Term,
                          Wildcard)

from ..charsets import HAN
from ..lang.detect import DECLARED_NAMES, MULTILINGUAL
from ..pinyin import _U_SPELLINGS, compared_word
from ..record import TYPE_NAMES
from .analysis import (CJK, CLAUSE_MARKS, GREEK_NAMES, IRREGULAR_PLURALS, KEY_MARK, PLUS_PLUS, WORD, acronym, cased,
                       fold, spellings, word_keys, word_spans)
from .names import family_names, name_matches, query_names, reading_terms
from .schema import (AUTHOR_FIELDS, DEFAULT_FIELDS, EXACT_FIELDS, FIELD_ALIASES, NAME_TERMS, NARROWED, POSITIONAL,
                     RECORD_FIELDS, SUPERVISOR_FIELDS, SUPERVISOR_NAME_TERMS, TEXT_FIELDS, nih_core)


class QueryError(ValueError):
    """A query that cannot be parsed; the message says where and why."""

    def said_of(self, query: str) -> str:
        """The error as `search` and `export --query` say it, naming the query (a pasted page
        is not echoed whole).

        >>> QueryError("missing closing parenthesis").said_of("(bad")
        "Error: bad query '(bad': missing closing parenthesis"
        """
        shown = query if len(query) <= 80 else query[:60] + "…"
        return f"Error: bad query {readable(shown)}: {self}"


# An escape repr writes for a character (\xa0, \u3000), not after an escaped backslash.
_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\(?:x([0-9a-f]{2})|u([0-9a-f]{4}))")


def readable(text: str) -> str:
    r"""A query quoted for a person to read, as repr quotes it (a control character or an
    invisible one escaped), but a space of another width (the ideographic space a Chinese
    keyboard types, a no-break space) shown as the space it is.

    >>> readable("breast\u3000cancer") == "'breast\u3000cancer'"
    True
    >>> print(readable("a\tb"), readable("x\u200by"), readable("it's"))
    'a\tb' 'x\u200by' "it's"
    """
    def space(m: re.Match) -> str:
        char = chr(int(m.group(2) or m.group(3), 16))
        return m.group(1) + char if unicodedata.category(char) == "Zs" else m.group(0)

    return _ESCAPE.sub(space, repr(text))


_CJK_CHAR = re.compile(f"[{CJK}]")
_ALNUM = re.compile(r"[a-z0-9]")
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(WORD)
# What parts two words, as the index reads them: a CJK character or a Chinese clause mark between.
_APART = re.compile(f"[{CJK}{CLAUSE_MARKS}]")
# What a query can search: a CJK character or a Latin/digit word.
_SEARCHABLE = re.compile(rf"[{CJK}]|{WORD}")


# ---------------------------------------------------------------- tree
# Between an author's name and its key (names.author_key) in the values the name check reads.
NAME_KEY = "\x1e"
# The fields of people's names → the index field of their name terms (names.name_terms) and the
# record values their names are checked on, each with its key: author: and supervisor: read a
# name alike (supervisor:"Li Jianguo" finds 李建国).
NAME_FIELDS = {AUTHOR_FIELDS: (NAME_TERMS, "author_names"), SUPERVISOR_FIELDS: (SUPERVISOR_NAME_TERMS, "supervisor_names")}


def record_fields(fields: tuple[str, ...]) -> tuple[str, ...]:
    """The record fields the index fields ``fields`` hold."""
    return tuple(dict.fromkeys(r for f in fields for r in RECORD_FIELDS.get(f, ())))


@dataclass
class Leaf:
    text: str                      # as the user wrote it
    fields: tuple[str, ...]
    query: object                  # whoosh query (exact, or a superset of the matches)
    exact: bool = True
    # match spans in one folded value, given as written too (analysis.cased: a Greek name's case)
    find: Callable[..., Iterator[tuple[int, int]]] | None = None
    check_fields: tuple[str, ...] = ()           # record fields the check reads
    expands: bool = False                        # a truncated word: the OR of many index terms
    other_form: bool = False                     # another way of writing the term typed (TGF-beta1)

    def __post_init__(self):
        if not self.check_fields:
            self.check_fields = record_fields(self.fields)

    def check(self, value: str) -> bool:
        """Whether the term occurs in one field value (by the rule, not the index)."""
        folded = fold(value)
        return next(iter(self.find(folded, cased(value, folded))), None) is not None

    @property
    def narrowed(self) -> bool:
        """Searched in a wider index field and checked on a narrower record field."""
        return self.check_fields != record_fields(self.fields)

    def __str__(self) -> str:
        return self.text


@dataclass
class Node:
    op: str                        # "and", "or", "not"
    children: list = field(default_factory=list)


def leaves(node) -> list[Leaf]:
    if isinstance(node, Leaf):
        return [node]
    return [leaf for c in node.children for leaf in leaves(c)]


def is_exact(node) -> bool:
    return all(leaf.exact for leaf in leaves(node))


# ---------------------------------------------------------------- one term
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"


# A clause or list mark beside a Chinese character, with the spaces around it: a quoted title's
# "经济增长：理论模型" is the title 经济增长: 理论模型 too, written with a space after its colon.
_SPACED_MARK = re.compile(rf"\s*(?<=[{CJK}])\s*([:!?;,。、])\s*|\s*([:!?;,。、])\s*(?=[{CJK}])")


def _substring_find(q: str) -> Callable[[str], Iterator[tuple[int, int]]]:
    """The folded string as written, any dash for a hyphen, a mark beside a Chinese character
    with or without spaces around it (:data:`_SPACED_MARK`), not inside a longer run of ASCII
    letters/digits (``CT`` is not in ``ICT``)."""
    def written(piece: str) -> str:
        return "".join(f"[{_DASHES}]" if c in _DASHES else re.escape(c) for c in piece)

    pat, last = "", 0
    for m in _SPACED_MARK.finditer(q):
        pat += written(q[last:m.start()]) + r"\s*" + re.escape(m.group(1) or m.group(2)) + r"\s*"
        last = m.end()
    pat += written(q[last:])
    if _ALNUM.match(q[:1]):
        pat = r"(?<![a-z0-9])" + pat
    if _ALNUM.match(q[-1:]):
        pat += r"(?![a-z0-9])"
    rx = re.compile(pat)
    return lambda text, written=None: (m.span() for m in rx.finditer(text))


# What a term's parts are read in apart: a run of letters, digits and CJK characters.
_SEGMENT = re.compile(rf"(?:(?!_)[\w{CJK}])+")


def _written(text: str, q: str) -> str:
    """``q`` (``text`` folded, spaces or marks at its ends stripped) as ``text`` writes it but for
    what folding does besides case (:func:`.analysis.cased`); ``q`` itself if they do not align."""
    folded = fold(text)
    written, start = cased(text, folded), folded.find(q)
    return written[start:start + len(q)] if start >= 0 and len(written) == len(folded) else q


def _substring_leaf(text: str, q: str, fields: tuple[str, ...]) -> Leaf:
    """Chinese (or digits and signs): the folded string as a substring.

    Each run of token characters is a phrase of its pieces, exact because the tokenizer
    keeps CJK characters adjacent only when they are adjacent in the text (two words side
    by side, ``30μg``, are checked on the text); a query with
    signs or spaces between runs (``3.5``, ``缺血/再灌注``) is the AND of its runs,
    checked on the record's text.
    """
    written = _written(text, q)
    segments = [[q[start:end] for start, end in sorted([m.span() for m in _CJK_CHAR.finditer(q, *seg.span())]
                                                       + word_spans(q, written, *seg.span()))]
                for seg in _SEGMENT.finditer(q)]
    segments = [seg for seg in segments if seg]
    if not segments:
        raise QueryError(f"{text!r}: nothing to search for")
    # Two words side by side (``30`` ``μ`` of ``30μg``) are also consecutive across a space.
    exact = len(segments) == 1 and "".join(segments[0]) == q and not any(
        not _CJK_CHAR.match(a) and not _CJK_CHAR.match(b) for a, b in zip(segments[0], segments[0][1:]))
    per_field = []
    for f in fields:
        parts = []
        for pieces in segments:
            if len(pieces) == 1:
                parts.append(Term(f, pieces[0]))
            elif f in POSITIONAL:
                parts.append(Phrase(f, pieces))
            else:
                exact = False
                parts.append(And([Term(f, p) for p in dict.fromkeys(pieces)]))
        per_field.append(parts[0] if len(parts) == 1 else And(parts))
    query = per_field[0] if len(per_field) == 1 else Or(per_field)
    return Leaf(text, fields, query, exact=exact, find=_substring_find(q))


def _english_leaf(text: str, q: str, fields: tuple[str, ...], vocabulary: Callable[[str], bool]) -> Leaf:
    """English: inflection keys; parts as consecutive words or glued."""
    parts = [q[start:end] for start, end in word_spans(q, _written(text, q))]
    if not parts:
        raise QueryError(f"{text!r}: nothing to search for")

    def keys(word: str) -> list[str]:
        # "metastases" is read as "metastasis" when that form is in the index.
        ks = word_keys(word)
        if len(ks) > 1 and vocabulary(word[:-3] + "sis"):
            return [ks[1]]
        return ks[:1]

    numbers = all(p.isascii() and p.isdigit() for p in parts)
    glued_words = _glued_words(parts)
    per_field, exact = [], True
    for f in fields:
        # A word matches as written (when that is its key) or through the marked key.
        last = [t for k in keys(parts[-1]) for t in (k, KEY_MARK + k)]
        if len(parts) == 1:
            options = [Term(f, t) for t in last]
        else:
            glued = "".join(parts)
            if f in POSITIONAL and all(len(spellings(p)) == 1 for p in parts[:-1]):
                options = [Phrase(f, parts[:-1] + [t]) for t in last]
            elif f in POSITIONAL:
                options = [Sequence([_spelt(f, p) for p in parts[:-1]] + [Term(f, t)]) for t in last]
            else:
                exact = False
                options = [And([Or([Term(f, v) for v in spellings(p)]) for p in dict.fromkeys(parts[:-1])]
                               + [Or([Term(f, t) for t in last])])]
            if numbers:
                options.append(And([Term(f, glued), Term(f, parts[-1])]))
            elif glued_words:
                options.append(Phrase(f, glued_words) if f in POSITIONAL else And([Term(f, w) for w in glued_words]))
            else:
                options += [Term(f, glued)] + [Term(f, t) for k in _glued_keys(parts, keys) for t in (k, KEY_MARK + k)
                                               if t != glued]
        per_field.extend(options)
    query = per_field[0] if len(per_field) == 1 else Or(per_field)
    return Leaf(text, fields, query, exact=exact, find=_english_find(parts, keys, numbers))


class _NotInCapitals(SpanNot):
    """A word as written, not where a record writes it in capitals (``mice``, not ``MICE``)."""

    def estimate_size(self, ixreader):
        return self.a.estimate_size(ixreader)


class _AnyOf(SpanOr):
    """Spans of any of the queries; its size as Or's (whoosh's SpanOr gives none, which Or,
    And and Sequence ask for)."""

    def estimate_size(self, ixreader):
        return sum(q.estimate_size(ixreader) for q in self.subqs)


def _spelt(f: str, word: str):
    """A phrase's word before its last, in any of its spellings (:func:`.analysis.spellings`),
    at one position; an irregular plural or singular not typed, not as an acronym (MICE, MEN)."""
    options = [_NotInCapitals(Term(f, v), Term(f, acronym(v.upper()) or v.upper())) if v != word and
               (v in IRREGULAR_PLURALS or v in _SINGULARS) else Term(f, v) for v in spellings(word)]
    return options[0] if len(options) == 1 else _AnyOf(options)


_SINGULARS = frozenset(IRREGULAR_PLURALS.values())


def _glued_words(parts: list[str]) -> list[str]:
    """The parts glued, where the index reads the glued word as words other than the parts: a
    Greek letter or its name ends it (``IL-1β`` glued is ``il1`` ``β``, as the index reads
    ``IL1β``; ``IL-1beta`` is ``il1`` ``beta``); else none (``IL-6`` glued is one word, ``il6``)."""
    glued = "".join(parts)
    words = [glued[start:end] for start, end in word_spans(glued)]
    return words if len(words) > 1 and words != parts else []


def _glued_keys(parts: list[str], keys) -> list[str]:
    """The inflection keys of the parts glued into one word: none when the last part is one
    letter ("Smith E" glued is no "smithe", whose key "smith" would find every Smith)."""
    return keys("".join(parts)) if len(parts[-1]) > 1 else []


def _english_find(parts: list[str], keys, numbers: bool) -> Callable[[str], Iterator[tuple[int, int]]]:
    """The English rule on one folded text: the parts as consecutive words (the last one
    inflected, the others in any of their spellings), or glued into one word (numbers glued only
    where the last one also stands alone)."""
    last = set(keys(parts[-1]))
    spelt = [spellings(p) for p in parts[:-1]]
    glued = "".join(parts)
    glued_keys = set(_glued_keys(parts, keys)) | {glued}
    glued_words = _glued_words(parts)
    n = len(parts)

    def find(text: str, written: str | None = None) -> Iterator[tuple[int, int]]:
        ms = word_spans(text, written)
        words = [text[start:end] for start, end in ms]
        for j in range(len(words) - n + 1):
            if all(words[j + k] in spelt[k] for k in range(n - 1)) \
                    and not last.isdisjoint(word_keys(words[j + n - 1])) \
                    and not any(_APART.search(text, ms[k][1], ms[k + 1][0]) for k in range(j, j + n - 1)):
                yield ms[j][0], ms[j + n - 1][1]
        if n > 1 and glued_words:
            g = len(glued_words)
            for j in range(len(words) - g + 1):
                if words[j:j + g] == glued_words and not any(_APART.search(text, ms[k][1], ms[k + 1][0])
                                                             for k in range(j, j + g - 1)):
                    yield ms[j][0], ms[j + g - 1][1]
        elif n > 1 and (not numbers or parts[-1] in words):
            for span, w in zip(ms, words):
                if w == glued or (not numbers and not glued_keys.isdisjoint(word_keys(w))):
                    yield span

    return find


# What the word of an acronym in other case counts ("it", "let" for IT, LET), and the inflections
# of a longer one ("aid" for AIDS, "rat" for RATS): still a match, as the shared evaluation folds
# case and inflects, but the records that write it in capitals rank first.
FOLDED_WEIGHT = 0.25
# From this many letters a word typed in capitals also matches its inflections: a shorter one's
# meet ordinary words (ALS → al, "et al.", SiCp/Al; US → using), a longer one's are its own
# (TUMOR → tumors, CELLS → cell, RATS → rat: capitals typed for a title written so).
INFLECTED_CAPITALS = 4


def _as_written_leaf(text: str, q: str, capitals: str | None, fields: tuple[str, ...],
                     inflected: Leaf | None = None) -> Leaf:
    """A word written in capitals (``ALS``, ``US``: ``capitals``, :func:`.analysis.acronym`), or
    with ``++`` (``C++``): the word as written, not its inflections (``als`` → al, ``using`` →
    us), in any case (as the shared evaluation folds it: ``LET`` is also "let"), or in capitals
    with its plural (``MSCs``); a record that writes it in capitals holds both, so ranks first.
    ``inflected`` (the ordinary word's leaf) adds its inflections at :data:`FOLDED_WEIGHT`."""
    terms = [q] + ([capitals] if capitals else [])
    options = [Term(f, t, boost=1.0 if t == capitals or not capitals else FOLDED_WEIGHT) for f in fields for t in terms]
    if inflected is not None:
        options.append(inflected.query.with_boost(FOLDED_WEIGHT))
    pat = re.escape(q) + (f"|{re.escape(capitals.casefold())}s?" if capitals else "")
    rx = re.compile(rf"(?<![a-z0-9])(?:{pat})" + (r"(?![a-z0-9])" if capitals else r"(?![a-z0-9+])"))

    def find(value: str, written: str | None = None) -> Iterator[tuple[int, int]]:
        spans = {m.span() for m in rx.finditer(value)}
        return iter(sorted(spans | set(inflected.find(value, written)) if inflected is not None else spans))

    return Leaf(text, fields, Or(options), find=find)


_PLUSSED = re.compile(rf"[a-z][a-z0-9]*{re.escape(PLUS_PLUS)}")


# Truncation marks: ``*`` any run of letters/digits, ``?`` one letter or digit.  A ``?`` at
# a word's end is a question mark ("cancer?"), as before.
_TRUNCATED = re.compile(r"[a-z0-9]*[*?][a-z0-9*?]*")
_MARKS = {"*": "[a-z0-9]*", "?": "[a-z0-9]"}
MIN_STEM = 3  # letters or digits before the first mark: "c*" would list a tenth of the vocabulary


def _truncated_leaf(text: str, q: str, fields: tuple[str, ...]) -> Leaf:
    """``canc*``, ``wom?n``: every word (as written) the pattern matches; ranked as the OR of
    those words."""
    stem = re.match(r"[a-z0-9]*", q).group()
    if len(stem) < MIN_STEM and not (fields in NAME_FIELDS and compared_word(stem) != stem):
        # (author:lv*, author:nv*: ü spelt as a family name is, one syllable's few names)
        raise QueryError(f"{text!r}: truncation needs at least {MIN_STEM} letters or digits before the * or ? "
                         f"(fewer would match too many words)")
    pattern = _collapsed(q)
    options = [Prefix(f, stem, constantscore=False) if pattern == stem + "*"
               else Wildcard(f, pattern, constantscore=False) for f in fields]
    rx = re.compile(r"(?<![a-z0-9])" + "".join(_MARKS.get(c, c) for c in pattern) + r"(?![a-z0-9])")
    return Leaf(text, fields, options[0] if len(options) == 1 else Or(options), expands=True,
                find=lambda value, written=None: (m.span() for m in rx.finditer(value)))


def _collapsed(q: str) -> str:
    """A truncation pattern with each run of ``*`` as one (``zhang**`` is ``zhang*``)."""
    return re.sub(r"\*+", "*", q)


class FamilyNames(Wildcard):
    """The name terms ``FAMILY|`` (:func:`.names.name_terms`) whose family name the pattern
    matches (``~zha*``: ``~zhang|``, ``~zhao|``).  All of a family name's terms sort between
    ``FAMILY|`` and ``FAMILY}``, so the terms are read one family name at a time: a seek each,
    not a read of every name term that starts alike (4,600 under ``~wang`` at 50k works: 90 ms)."""

    def normalize(self):
        return self    # not a Prefix, which a pattern ending in * would become

    def _btexts(self, ixreader):
        matches = re.compile(fnmatch.translate(self.text)).match
        prefix = self._find_prefix(self.text).encode("utf-8")
        start = prefix
        while True:
            first = next(iter(ixreader.terms_from(self.fieldname, start)), None)
            if first is None or first[0] != self.fieldname or not first[1].startswith(prefix):
                return
            family = first[1].partition(b"|")[0]
            if matches(family.decode("utf-8")):
                yield family + b"|"
            start = family + b"}"


def _truncated_author_leaf(written: Leaf) -> Leaf:
    """``author:zhang*``, ``author:wan*`` (``supervisor:`` alike, :data:`NAME_FIELDS`): an author whose name holds a word the pattern
    matches (``written``), or whose family name does as the index's name terms hold it, as
    ``author:Zhang`` finds them: a name written in Chinese by its pinyin (张伟), a family name
    with accents or of several words (Müller, Martínez-Suárez).  Each family name has its own
    term (``zhang|``, ``~zhang|``: :class:`FamilyNames`), so the OR stays short."""
    pattern = _collapsed(fold(written.text).strip().rstrip("?"))
    spelt = _u_families(pattern)
    terms, checked = NAME_FIELDS[written.fields]
    query = Or([written.query] + [FamilyNames(terms, mark + pattern, constantscore=False) for mark in ("", "~")]
               + [Term(terms, mark + family + "|") for family in spelt for mark in ("", "~")])

    def find(value: str, cased_value: str | None = None) -> Iterator[tuple[int, int]]:
        name, _, key = value.partition(NAME_KEY)
        spans = list(written.find(name, cased_value and cased_value[:len(name)]))
        if spans:
            yield from spans
        elif any(fnmatch.fnmatchcase(f.lstrip("~"), pattern) or f.lstrip("~") in spelt for f in family_names(key)):
            yield 0, len(name)

    return Leaf(written.text, written.fields, query, expands=True, find=find, check_fields=(checked,))


def _u_families(pattern: str) -> list[str]:
    """The family names, as names are compared, of the spellings of ü a truncated family name
    matches: the index holds 吕, Lü, Lv and Lyu as lu (:func:`.pinyin.compared_word`), so
    ``lyu*`` and ``lv*`` find them as ``author:Lyu`` does.

    >>> _u_families("lyu*"), _u_families("nv*"), _u_families("zha*")
    (['lu'], ['nu'], [])
    """
    return list(dict.fromkeys(compared_word(s) for s in _U_SPELLINGS if fnmatch.fnmatchcase(s, pattern)))


def _author_leaf(written: Leaf, names) -> Leaf:
    """``author:"Smith, John"``, ``author:"Smith JA"``, ``author:"John Smith"`` (``supervisor:``
    alike, :data:`NAME_FIELDS`): an author
    whose name holds the words as written (as any author value), or whose family name and
    given names agree with one reading of the value (:mod:`.names`).  The index's name terms
    answer the common forms; the others (``Smith, John Adam``, a name written in Chinese)
    they narrow to candidates, each author of which is checked."""
    terms, prefixes, exact = [], [], written.exact
    for reading in names:
        more, starts, reading_exact = reading_terms(reading)
        terms += more
        prefixes += starts
        exact = exact and reading_exact
    field, checked = NAME_FIELDS[written.fields]
    query = Or([written.query] + [Term(field, t) for t in dict.fromkeys(terms)]
               + [Prefix(field, p) for p in dict.fromkeys(prefixes)])

    def find(value: str, cased_value: str | None = None) -> Iterator[tuple[int, int]]:
        name, _, key = value.partition(NAME_KEY)
        spans = list(written.find(name, cased_value and cased_value[:len(name)]))
        if spans:
            yield from spans
        elif key and name_matches(names, key):
            yield 0, len(name)

    return Leaf(written.text, written.fields, query, exact=exact, find=find, check_fields=(checked,))


# Numbers joined by hyphens (``7-15``, ``2-3-4``) have parts, as ``IL-6`` has.
_NUMBER_PARTS = re.compile(rf"[0-9]+(?:[{_DASHES}][0-9]+)+")


def term_leaf(text: str, fields: tuple[str, ...] = DEFAULT_FIELDS,
              vocabulary: Callable[[str], bool] | None = None) -> Leaf:
    """One word or phrase (module doc).  ``vocabulary`` tells whether the index holds a term:
    ``metastases`` is read as ``metastasis`` when that is there, and a word typed in capitals
    (``ALS``) is read as one only where a record writes it so; without it (None), it is."""
    q = fold(text).strip()
    if not q:
        raise QueryError("empty term")
    if len(_WORD.findall(q)) > MAX_TOKENS:  # '1-1-1-…' or a pasted paragraph in quotes
        raise QueryError(f"{text[:30]!r}… has {len(_WORD.findall(q))} parts; at most {MAX_TOKENS} are searched")
    if "*" in q or "?" in q.rstrip("?"):
        if _CJK_CHAR.search(q) and "*" in q.strip("*"):
            raise QueryError(f"{text!r}: * is not read inside a Chinese term (it already matches inside "
                             f"longer words); search its parts apart: {' '.join(q.replace('*', ' ').split())}")
        if _CJK_CHAR.search(q):
            return _substring_leaf(text.strip().strip("*＊"), q.strip("*"), fields)
        if _TRUNCATED.fullmatch(q.rstrip("?")):
            return _truncated_leaf(text, q.rstrip("?"), fields)
        if "*" in q:
            raise QueryError(f"{text!r}: * truncates one word of Latin letters and digits (canc*, wom?n), "
                             "not a phrase or a word with parts")
    if _APART.search(q) or not (_LETTER.search(q) or _NUMBER_PARTS.fullmatch(q)):  # Chinese, or a clause mark
        return _substring_leaf(text, q, fields)
    written = unicodedata.normalize("NFKC", text).strip()
    capitals = acronym(written)
    if capitals and vocabulary is not None and not vocabulary(capitals):
        capitals = None   # no record writes it in capitals: an ordinary word typed so (caps lock)
    elif capitals and sum(c.isalpha() for c in written) >= INFLECTED_CAPITALS:
        return _as_written_leaf(text, q, capitals, fields, _english_leaf(text, q, fields, vocabulary or _unknown))
    if capitals or _PLUSSED.fullmatch(q):
        return _as_written_leaf(text, q, capitals, fields)
    return _english_leaf(text, q, fields, vocabulary or _unknown)


def _unknown(word: str) -> bool:
    """The vocabulary of a query parsed without an index: no word is known to be there."""
    return False


# The languages a record's lang may be, as detection codes them (lang.detect: langdetect's languages,
# the declared ones; "und" when none is told), with their English names.
LANGUAGE_CODES = {
    "af": "afrikaans", "ar": "arabic", "bg": "bulgarian", "bn": "bengali", "ca": "catalan", "cs": "czech",
    "cy": "welsh", "da": "danish", "de": "german", "el": "greek", "en": "english", "es": "spanish",
    "et": "estonian", "fa": "persian", "fi": "finnish", "fr": "french", "gu": "gujarati", "he": "hebrew",
    "hi": "hindi", "hr": "croatian", "hu": "hungarian", "id": "indonesian", "is": "icelandic", "it": "italian",
    "ja": "japanese", "kn": "kannada", "ko": "korean", "lt": "lithuanian", "lv": "latvian", "mk": "macedonian",
    "ml": "malayalam", "mr": "marathi", "ne": "nepali", "nl": "dutch", "no": "norwegian", "pa": "punjabi",
    "pl": "polish", "pt": "portuguese", "ro": "romanian", "ru": "russian", "sk": "slovak", "sl": "slovenian",
    "so": "somali", "sq": "albanian", "sv": "swedish", "sw": "swahili", "ta": "tamil", "te": "telugu",
    "th": "thai", "tl": "tagalog", "tr": "turkish", "uk": "ukrainian", "ur": "urdu", "vi": "vietnamese",
    "zh": "chinese", "und": "undetermined"}
# Other names users type: in Chinese (Simplified and Traditional), Japanese and Korean, and a
# few more; with lang.detect's DECLARED_NAMES (ISO 639-2 codes, names in the language itself:
# deutsch, русский, 日本語, 한국어) and the English names above.
_OTHER_LANGUAGE_NAMES = {
    "zh": ("中文", "汉语", "漢語", "华语", "華語", "汉文", "漢文", "简体中文", "繁体中文", "繁體中文", "中国語", "중국어",
           "chi", "zho", "mandarin"),
    "en": ("英文", "英语", "英語", "영어", "eng"),
    "ja": ("日文", "日语", "日語", "일본어"),
    "ko": ("韩文", "韩语", "韓文", "韓語", "韓国語", "朝鲜语", "朝鮮語", "한글", "조선어"),
    "ru": ("俄文", "俄语", "俄語", "ロシア語", "러시아어"), "de": ("德文", "德语", "德語", "ドイツ語", "독일어"),
    "fr": ("法文", "法语", "法語", "フランス語", "프랑스어"), "es": ("西班牙文", "西班牙语", "西班牙語", "スペイン語", "스페인어"),
    "pt": ("葡萄牙文", "葡萄牙语", "葡萄牙語", "ポルトガル語"), "it": ("意大利文", "意大利语", "義大利文", "イタリア語"),
    "vi": ("越南文", "越南语", "越南語", "ベトナム語"), "th": ("泰文", "泰语", "泰語", "タイ語"),
    "ar": ("阿拉伯文", "阿拉伯语", "阿拉伯語", "アラビア語"), "fa": ("farsi",), "tl": ("filipino",), "sl": ("slovene",),
}
# Countries' codes users type for their language (lang:cn, lang:jp, lang:kr), where the country
# has one language to mean; a language's own code comes first (lang:uk is Ukrainian, lang:ca Catalan).
_COUNTRY_CODES = {
    "cn": "zh", "tw": "zh", "hk": "zh", "mo": "zh", "jp": "ja", "kr": "ko", "kp": "ko", "dk": "da",
    "cz": "cs", "ua": "uk", "se": "sv", "gr": "el", "ee": "et", "il": "he", "ir": "fa", "vn": "vi",
    "gb": "en", "us": "en", "at": "de", "br": "pt", "mx": "es"}
_LANGUAGE_NAMES = {**_COUNTRY_CODES, **{name: code for code, names in DECLARED_NAMES.items() for name in names},
                   **{name: code for code, names in _OTHER_LANGUAGE_NAMES.items() for name in names},
                   **{name: code for code, name in LANGUAGE_CODES.items()}, **{code: code for code in LANGUAGE_CODES}}


_CODE = re.compile(r"[a-z]{2,3}")
_SUGGESTED_NAMES = [n for n in _LANGUAGE_NAMES if not _CODE.fullmatch(n)]


def language_code(name: str, value: str) -> str:
    """The code ``lang:`` searches for ``value``: a code a record's language may be, or a
    language's name as a user types it; a code's region or script is dropped (zh-CN, en-US).
    Any other value is an error that says what ``lang:`` takes.

    >>> [language_code("lang", v) for v in ("zh", "Chinese", "中文", "日本語", "한국어", "英文", "russian", "zh-CN", "jpn")]
    ['zh', 'zh', 'zh', 'ja', 'ko', 'en', 'ru', 'zh', 'ja']
    >>> [language_code("lang", v) for v in ("cn", "tw", "jp", "kr", "dk", "cz", "ua", "uk", "se", "gr")]
    ['zh', 'zh', 'ja', 'ko', 'da', 'cs', 'uk', 'uk', 'sv', 'el']
    >>> language_code("lang", "chinse")
    Traceback (most recent call last):
    ...
    indexer.index.query.QueryError: lang:chinse: no language has that code or name (did you mean lang:chinese?);
    lang: takes a code or a name: lang:zh, lang:chinese, lang:中文, lang:en, lang:english, lang:ja, lang:日本語,
    lang:und (none told)
    """
    v = unicodedata.normalize("NFKC", value).strip().casefold()
    tagged = re.fullmatch(r"([a-z]{2,3})[-_][a-z0-9]{2,8}", v)   # zh-cn, zh-hant, en-us, pt_br
    code = _LANGUAGE_NAMES.get(v) or (_LANGUAGE_NAMES.get(tagged.group(1)) if tagged else None)
    if code:
        return code
    takes = (f"{name}: takes a code or a name: {name}:zh, {name}:chinese, {name}:中文, {name}:en, {name}:english, "
             f"{name}:ja, {name}:日本語, {name}:und (none told)")
    if v in MULTILINGUAL:   # (lang.detect files a record declared so under its main language)
        raise QueryError(f"{name}:{value}: a record is filed under one language, its main one, never as multilingual; {takes}")
    # A near name only, for a name typed: a code is one letter off another (kr, ukr; mul, ml).
    near = [] if _CODE.fullmatch(v) else difflib.get_close_matches(v, _SUGGESTED_NAMES, n=1, cutoff=0.75)
    meant = f" (did you mean {name}:{near[0]}?)" if near else ""
    raise QueryError(f"{name}:{value}: no language has that code or name{meant}; {takes}")


# type: takes the names Chinese databases give their kinds of record (type:学位论文), as the
# NoteExpress reader reads them (record.TYPE_NAMES), and a few short ones.
_TYPE_NAMES = {**TYPE_NAMES, "期刊": "article-journal", "journal": "article-journal", "学位": "thesis",
               "会议": "paper-conference", "conference": "paper-conference", "书": "book", "章节": "chapter",
               "newspaper": "article-newspaper"}


def _exact_leaf(name: str, value: str) -> Leaf:
    fieldname = EXACT_FIELDS[name]
    v = value.strip()
    if fieldname == "pmid":   # pmcid:38908 is PMC38908
        v = "pmc" + v if name == "pmcid" and v.isdigit() else v.lower()
    elif fieldname == "doi":
        v = _unquoted_doi_link(v)
        v = re.sub(r"^(?:(?:https?://)?(?:dx\.)?doi\.org/|doi:\s*)", "", v, flags=re.I).lower()
        if v.endswith("*") and not re.match(r"10\.\d{4,}/", v):  # (each DOI is one index term)
            raise QueryError(f"doi:{value}: a DOI prefix names the registrant at least (doi:10.1016/*)")
    elif fieldname == "section":  # its label as abstracts write it: section:结论, section:conclusions
        from ..fields.sections import LABELS_EN, ZH_SECTION_LABELS   # (12 ms of regexes: not at every search's start)

        v = v.replace("_", " ")
        v = (ZH_SECTION_LABELS.get(v) or LABELS_EN.get(" ".join(v.upper().split())) or v).lower()
    elif fieldname == "lang":   # a code or a language's name; lang:e* the start of a code
        v = v.lower() if v.endswith("*") else language_code(name, v)
    elif fieldname == "type":
        v = _TYPE_NAMES.get(v.lower(), v.lower())
    else:
        v = v.lower()
    if not v.rstrip("*"):
        raise QueryError(f"{name}: needs a value")
    if v.endswith("*"):  # the start of a value: doi:10.1016/* (a registrant's DOIs), section:concl*
        return Leaf(f"{name}:{value}", (fieldname,), Prefix(fieldname, v.rstrip("*")), expands=True)
    return Leaf(f"{name}:{value}", (fieldname,), Term(fieldname, v))


_YEAR_REST = re.compile(rf"\s*(\.\.|[{_DASHES}~])?\s*\d{{4}}(?![^\s()])")


def _year_leaf(value: str) -> Leaf:
    """``year:2019``; a range ``2018..2021``, or with a hyphen or dash between (``2018-2021``, as
    users type it; ``2018–2021``, ``2018~2021``); open at either end (``2018..``, ``..2021``)."""
    m = re.fullmatch(rf"(\d{{4}})?\s*(?:\.\.|[{_DASHES}~])\s*(\d{{4}})?|(\d{{4}})", value.strip())
    if not m or not any(m.groups()):
        raise QueryError(f"year:{value}: use year:2019, year:2018..2021, year:2018.. or year:..2021")
    if m.group(3):
        lo = hi = int(m.group(3))
    else:
        lo = int(m.group(1)) if m.group(1) else None
        hi = int(m.group(2)) if m.group(2) else None
    if lo is not None and hi is not None and lo > hi:
        raise QueryError(f"year:{value}: the range is empty ({lo} > {hi})")
    return Leaf(f"year:{value}", ("year",), NumericRange("year", lo, hi))


# ---------------------------------------------------------------- parser
# Genotype notation, as titles write it: MDA5(-/-), p53(+/+), IL-6 (+), Fmr1 (-/y).  A term, as
# the text it is pasted from is (the index keeps its letters, y, and drops the signs), never a
# group of NOT -/y.
_GENOTYPE = r"(?:[+\-−]{1,2}|[+\-−]/[+\-−]|[+\-−]/[A-Za-z]{1,2}|[A-Za-z]{1,2}/[+\-−])\)"
_TOKEN = re.compile(rf'\s*(?:(?P<neg>-(?=["(]|[A-Za-z]+:\S))|(?P<lp>\((?!{_GENOTYPE}))|(?P<rp>\))'
                    r'|(?P<field>[A-Za-z]+):(?:"(?P<fq>[^"]*)"?|(?P<fv>[^\s()]*))'
                    rf'|"(?P<quoted>[^"]*)"?|(?P<word>(?:[^\s()]|\({_GENOTYPE})+))')


# Quotation marks a Chinese keyboard or a word processor types, read as '"' where they open
# or close a phrase (a mark inside a word, 说“好”, stays part of it).
_OPEN_QUOTE = re.compile(r'(?:^|(?<=[\s(:-]))[“„「『]')
_CLOSE_QUOTE = re.compile(r'[”‟」』](?=$|[\s)])')


# Fields as other search boxes name them, which no near spelling finds: Web of Science's and
# Scopus's PY/PUBYEAR, PubMed's DP, a date (py:2020 → "did you mean year:?").
_OTHER_NAMES = {"py": "year", "pubyear": "year", "dp": "year", "date": "year", "yr": "year"}


def misspelt_prefixes(text: str) -> list[tuple[str, str]]:
    """Words written as a field prefix that is none, each with the prefix it is nearest
    (``titel:肉瘤`` → ("titel", "title"); ``py:2020`` → ("py", "year"), as other databases name
    it), or "" when none is near (``xyz:癌``).  Such a word
    is searched as text ("ratio:1" may mean just that): a typing slip would find nothing and
    say nothing."""
    known = sorted(set(FIELD_ALIASES) | set(EXACT_FIELDS) | {"year"})
    out = []
    for m in _TOKEN.finditer(_syntax(text)):
        written = (m.group("field") or "").lower()
        if written and written not in known:
            near = [_OTHER_NAMES[written]] if written in _OTHER_NAMES else difflib.get_close_matches(
                written, known, n=1, cutoff=0.75)
            if near or (len(written) > 1 and written not in _NO_PREFIXES):
                out.append((m.group("field"), near[0] if near else ""))
    return out


def _title_colon(text: str, m: re.Match, before: list) -> bool:
    """Whether a field's name with a space after its colon, between words, is a pasted title's
    colon ("Outcomes after the first year: a cohort study"), searched as text; alone, first
    (``title: 癌``) or last it is a field without its value, which the error says."""
    return (m.group("fv") == "" and text[m.end():m.end() + 1].isspace() and bool(text[m.end():].strip())
            and any(t[0] in ("word", "field") for t in before))


def spaced_prefixes(text: str) -> list[str]:
    """The field names a query wrote with a space after the colon between words, which were
    searched as text (:func:`_title_colon`)."""
    text, out, before = _syntax(text), [], []
    for m in _TOKEN.finditer(text):
        written = (m.group("field") or "").lower()
        if written in FIELD_ALIASES or written in EXACT_FIELDS or written == "year":
            if _title_colon(text, m, before):
                out.append(m.group("field"))
        if m.group("field") or m.group("quoted") is not None or m.group("word"):
            before.append(("word",))
    return out


def unclosed_phrase(text: str) -> str | None:
    """The phrase a quote that is never closed opened, which was read to the end of the query
    (``"spinal metastasis`` is the phrase "spinal metastasis", ``"肺癌 OR 化疗`` one of
    every word after the quote); None when every quote is closed.

    >>> unclosed_phrase('"spinal metastasis'), unclosed_phrase('title:“肺癌 OR 化疗'), unclosed_phrase('"a" b')
    ('spinal metastasis', '肺癌 OR 化疗', None)
    """
    for m in _TOKEN.finditer(_syntax(text)):
        value = m.group("quoted") if m.group("quoted") is not None else m.group("fq")
        if value is not None and value.strip() and not m.group(0).endswith('"'):
            return value.strip()
    return None


def stray_quotes(text: str) -> list[str]:
    """The words a quote ended that none opened (``spinal cord"``), which :func:`_tokens`
    leaves out: searched as words, not as a phrase, which :func:`unclosed_phrase` alone said.

    >>> stray_quotes('spinal cord"'), stray_quotes('癌" OR "a b"'), stray_quotes('说"好" "a"')
    (['cord'], ['癌'], [])
    """
    return [w.strip('"') for m in _TOKEN.finditer(_syntax(text)) for w in [m.group("word") or ""]
            if w.count('"') % 2 and w.strip('"') and w.endswith('"')]


# Words nearly every record of its language holds (the index keeps them, for phrases: "quality
# of life"), which say nothing of what is sought: a query of these alone finds most records.
COMMON_WORDS = frozenset("a an the of and or not no nor in on at to for from by with as about into than is are was "
                         "were be been being this that these those it its their there which who we our".split()
                         + "的 了 和 与 及 或 在 是 之".split())
_TEXT_INDEX_FIELDS = frozenset(DEFAULT_FIELDS) | {"title", "keywords"}


def common_words_only(tree) -> list[str]:
    """The words of a query of common words only (:data:`COMMON_WORDS`: ``the of and``), in
    the title, abstract, keywords or funding; [] for a query with any other term.  A word
    in capitals is an acronym, not the word (``OR``, the odds ratio; ``US``)."""
    words = []
    for leaf in leaves(tree):
        written = re.findall(r"[^\W_]+", leaf.text)
        if not written or not set(leaf.fields) <= _TEXT_INDEX_FIELDS or any(
                w.casefold() not in COMMON_WORDS or len(w) > 1 and w.isupper() for w in written):
            return []
        words += [w.casefold() for w in written]
    return list(dict.fromkeys(words))


# Words before a colon that are plainly no field prefix: a grant number's label (NO: 2018…),
# a link's scheme (https://…); and one letter (E:coli) is said only when near a prefix.
_NO_PREFIXES = frozenset({"no", "http", "https", "ftp"})


def _syntax(text: str) -> str:
    """The query with the signs of the query language as a Chinese keyboard types them read
    as ASCII: full-width （ ） ： ＂ － and ＯＲ (NFKC, as every term is folded anyway), and
    “phrase”, 「phrase」, 『phrase』 as "phrase"."""
    text = _list_marks_apart(unicodedata.normalize("NFKC", text))
    return _CLOSE_QUOTE.sub('"', _OPEN_QUOTE.sub('"', text))


# A list mark between Chinese terms (肺癌，化疗; 肺癌、化疗; a CNKI keyword list, 肺癌;化疗;预后;
# "肺癌","化疗"), as NFKC leaves them: it separates the terms as a space does.  Between Latin
# words it stays what it was (g、1 and a;b as written; "breast, cancer" is two words anyway).
_LIST_MARKS = ",;、"
_QUOTE_MARKS = '"“„‟”「」『』'
_CLOSING = "”‟」』"
_OPENING = "“„「『"
# What a word's terms each take when a list mark parts them: its field and its minus
# (keyword:肺癌;化疗 is keyword:肺癌 keyword:化疗; -肺癌，化疗 is -肺癌 -化疗).
_PREFIX = re.compile(r"-?(?:([A-Za-z]+):)?")


# Clause marks a Chinese term holds inside, as NFKC leaves them (a title's full-width colon,
# 经济增长：理论模型; 。！？): they part its words as a space does (the index never matches
# across them), so 经济增长：理论模型 finds 经济增长: 理论模型.  At a term's ends (肿瘤。, ：开发) a
# mark is matched as written, which a note says when nothing is found.
_INNER_MARKS = ":。!?"


def _inside_chinese(text: str, i: int) -> bool:
    """Whether the mark at ``i`` stands inside a word beside a CJK character: a colon only
    after one (``title:数据`` is a field's colon)."""
    before, after = text[i - 1:i], text[i + 1:i + 2]
    if not before or not after or before.isspace() or after.isspace():
        return False
    return bool(_CJK_CHAR.match(before) or (text[i] != ":" and _CJK_CHAR.match(after)))


def _list_marks_apart(text: str) -> str:
    """``text`` with each list mark (:data:`_LIST_MARKS`) outside quotes that stands beside a
    CJK character or a quotation mark read as a space, the terms after it taking the prefix
    of the word it is in.

    >>> _list_marks_apart('肺癌,化疗;预后 "肺癌,化疗" a;b')
    '肺癌 化疗 预后 "肺癌,化疗" a;b'
    >>> _list_marks_apart('keyword:肺癌;化疗 -乳腺癌、MRI "肺癌","化疗"')
    'keyword:肺癌 keyword:化疗 -乳腺癌 -MRI "肺癌" "化疗"'

    So does a clause mark inside a Chinese term (:data:`_INNER_MARKS`), a field's colon aside:

    >>> _list_marks_apart('经济增长:理论模型 title:数据:模型 肿瘤。免疫 "经济增长:理论" 肿瘤。 比值:1 :开发')
    '经济增长 理论模型 title:数据 title:模型 肿瘤 免疫 "经济增长:理论" 肿瘤。 比值 1 :开发'
    """
    if not any(mark in text for mark in _LIST_MARKS + _INNER_MARKS):
        return text
    out, quoted, depth, start = [], False, 0, 0
    for i, c in enumerate(text):
        if c == '"':
            quoted = not quoted
        elif c in _OPENING:
            depth += 1
        elif c in _CLOSING:
            depth = max(0, depth - 1)
        elif c.isspace() and not quoted and not depth:
            start = i + 1
        elif not quoted and not depth and (
                c in _LIST_MARKS and any(_CJK_CHAR.match(n) or n in _QUOTE_MARKS
                                         for n in (text[i - 1:i], text[i + 1:i + 2]) if n)
                or c in _INNER_MARKS and _inside_chinese(text, i)):
            prefix = _PREFIX.match(text, start)
            name = (prefix.group(1) or "").lower()
            known = name in FIELD_ALIASES or name in EXACT_FIELDS or name == "year"
            c = " " + (prefix.group() if known or not name else "")
        out.append(c)
    return "".join(out)


# A space between two Chinese characters in a quoted phrase: Chinese is written without spaces
# between words, so "数据 模型" is 数据模型 too, as an English phrase reads its words whatever the
# spaces between them; and as typed, for a record that writes the space ("乳腺癌 筛查方案").
# (Unquoted, 数据 模型 is two words, ANDed.)
_HAN_SPACE = re.compile(rf"(?<=[{HAN}])\s+(?=[{HAN}])")


def _phrase(kind: str, value: str, field: str | None) -> list[tuple[str, str, str | None]]:
    """The tokens of a quoted phrase: with a space between two Chinese characters, the phrase
    without it OR as typed (:data:`_HAN_SPACE`); else the phrase.

    >>> _phrase("word", "数据 模型", None)
    [('(', '(', None), ('word', '数据模型', None), ('op', 'OR', None), ('word', '数据 模型', None), (')', ')', None)]
    >>> _phrase("field", "spinal metastasis", "title")
    [('field', 'spinal metastasis', 'title')]
    """
    joined = _HAN_SPACE.sub("", value)
    if joined == value:
        return [(kind, value, field)]
    return [("(", "(", None), (kind, joined, field), ("op", "OR", None), (kind, value, field), (")", ")", None)]


# A list's mark, as a pasted abstract numbers its points: 1) … 2) …, a) b), ii).
_ENUMERATOR = re.compile(r"[0-9]{1,3}|[A-Za-z]|[ivxIVX]{1,4}")


# A number after a word: OR right after "(" and before one is an odds ratio (OR 1.5), not an operator.
_NUMBER_NEXT = re.compile(r"\s+[0-9]")


def _lex(text: str) -> list[tuple[str, str, str | None]]:
    out, pos, depth = [], 0, 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
        if m.group("neg"):
            out.append(("not", "-", None))
        elif m.group("lp"):
            out.append(("(", "(", None))
            depth += 1
        elif m.group("rp") and not depth and m.group(0) == ")" and out and out[-1][0] == "word" \
                and _ENUMERATOR.fullmatch(out[-1][1]):
            out[-1] = ("word", out[-1][1] + ")", None)   # "aimed to 1) determine": text, no group's end
        elif m.group("rp"):
            out.append((")", ")", None))
            depth -= 1
        elif m.group("field") is not None and (m.group("field").lower() in FIELD_ALIASES
                                               or m.group("field").lower() in EXACT_FIELDS
                                               or m.group("field").lower() == "year"):
            value = m.group("fq") if m.group("fq") is not None else m.group("fv")
            if m.group("field").lower() == "doi" and m.group("fv") is not None:
                # a DOI may hold parentheses (10.1002/(SICI)1097-0142): up to the next space,
                # less the closing parentheses of a group around it
                end = m.start("fv")
                while end < len(text) and not text[end].isspace():
                    end += 1
                value = text[m.start("fv"):end]
                while value.endswith(")") and value.count(")") > value.count("("):
                    value = value[:-1]
                pos = m.start("fv") + len(value)
            if m.group("field").lower() == "year" and m.group("fv") is not None:
                # a range typed with spaces around its dash: year:2018 - 2021, year:2018 .. 2021
                rest = _YEAR_REST.match(text, pos) if re.fullmatch(r"\d{4}(?:\.\.|[%s~])?" % _DASHES,
                                                                   value) else None
                if rest and bool(rest.group(1)) == value[-1].isdigit():
                    value += rest.group(0).strip()
                    pos = rest.end()
            if not value.strip() and text.startswith("(", pos):
                raise QueryError(f"{m.group('field')}: takes a word or a \"phrase\", not a group: write "
                                 f"({m.group('field')}:a OR {m.group('field')}:b)")
            if _title_colon(text, m, out):
                out.append(("word", m.group(0).strip(), None))   # "the first year: a cohort study"
                continue
            if not value.strip():
                raise QueryError(f"{m.group('field')}: needs a value after the colon (no space)")
            out += _phrase("field", value, m.group("field").lower()) if m.group("fq") is not None \
                else [("field", value, m.group("field").lower())]
        elif m.group("field") is not None:
            out.append(("word", m.group(0).strip(), None))   # "ratio:1" is just a word
        elif m.group("quoted") is not None:
            out += _phrase("word", m.group("quoted"), None)
        else:
            w = m.group("word")
            if w.count('"') % 2 and w.strip('"'):  # a stray quote at a word's end ('癌"') is no phrase
                w = w.strip('"')
            if w == "OR" and out and out[-1][0] == "(" and _NUMBER_NEXT.match(text, pos):
                out.append(("word", w, None))   # "(OR 1.5, 95% CI …)": an odds ratio pasted, no operator
                continue
            out.append(("op", w, None) if w in ("AND", "OR", "NOT")
                       else ("loose", w, None) if w.casefold() in LOOSE_OPERATORS else ("word", w, None))
    return _operators_in_place(out)


# Operators as other search boxes write them (in lower case, as signs), which this query language
# does not read as operators, with the operator each would be.
LOOSE_OPERATORS = {"and": "AND", "or": "OR", "not": "NOT", "|": "OR", "||": "OR", "&": "AND", "&&": "AND"}


def _between_terms(toks, i: int) -> bool:
    """Whether token ``i`` stands between two terms (a word, a field, a phrase or a group)."""
    return 0 < i < len(toks) - 1 and toks[i - 1][0] in ("word", "field", ")") \
        and toks[i + 1][0] in ("word", "field", "(", "not")


def _loose_read(toks):
    """``and``, ``or``, ``not`` in lower case (or title case) and ``|``, ``&&`` are no operators
    (:data:`LOOSE_OPERATORS`): a pasted title's "does not induce" or "with or without" would
    turn upside down.  Between two terms such a word is a common word, left out as PubMed leaves
    out its stopwords: required, "and" had kept out a Chinese record and a title without an
    abstract (``乳腺癌 and 化疗``), and "not" had narrowed ``cancer not breast`` to the records
    that write "not".  Elsewhere (``not cancer``) it is a word.  The notes say what the
    capitals find (:func:`loose_operators`)."""
    return [("word", tok[1], None) if tok[0] == "loose" else tok
            for i, tok in enumerate(toks) if tok[0] != "loose" or not _between_terms(toks, i)]


def loose_operators(text: str) -> list[tuple[str, bool]]:
    """The operators a query wrote in lower case or as signs (:func:`_loose_read`), outside
    quotes, each with whether it stood between terms (so was left out); [] for a query that
    cannot be read.

    >>> loose_operators("cancer not breast"), loose_operators("not cancer"), loose_operators('"a or b" c | d')
    ([('not', True)], [('not', False)], [('|', True)])
    """
    try:
        toks = _lex(_syntax(text))
    except QueryError:
        return []
    return [(tok[1], _between_terms(toks, i)) for i, tok in enumerate(toks) if tok[0] == "loose"]


def _operators_in_place(toks):
    """A query that is only ``AND``, ``OR`` or ``NOT`` is that word (``OR``, the odds ratio);
    a dangling operator anywhere else is an error that says so (quote it: ``"OR"``)."""
    if len(toks) == 1 and toks[0][0] == "op":
        return [("word", toks[0][1], None)]
    return toks


# The most words, phrases and operators a query may have, and the deepest parentheses: far
# more than anyone types, and the bound that keeps every query to a fraction of a second
# (whoosh's matchers nest one level per word; 300 words had taken 15 s).
MAX_TOKENS = 64
MAX_DEPTH = 16
# ... and the most characters: a Chinese run is one word however long (a pasted abstract of
# 2,000 characters took 1.9 s, one of 20,000 18 s and 750 MB).
MAX_CHARS = 500


def _without_lone_marks(toks):
    """A lone punctuation mark between words ("癌 ， 瘤", pasted text) is not a word to search
    (a query of nothing else keeps it, to say so)."""
    kept = [t for t in toks if t[0] != "word" or _SEARCHABLE.search(fold(t[1]))]
    return kept if any(t[0] in ("word", "field") for t in kept) else toks


def _labels_joined(toks):
    """A grant number's label typed apart from it, as English papers print it (``No. 81702662``,
    ``NO: 2018YFC1311300``), is one word with it: alone, ``No.`` would be a word every
    record must hold."""
    out = []
    for tok in toks:
        if out and tok[0] == "word" and out[-1][0] in ("word", "field") and _LABEL_ALONE.fullmatch(out[-1][1]) \
                and _GRANT_LABEL.match(out[-1][1] + tok[1]):   # also award:No. 81702662
            out[-1] = (out[-1][0], out[-1][1] + tok[1], out[-1][2])
        else:
            out.append(tok)
    return out


def _check_size(toks) -> None:
    # a word written twice counts once: it is searched once (see _group)
    words = len({t for t in toks if t[0] in ("word", "field")}) + sum(1 for t in toks if t[0] in ("op", "not"))
    if words > MAX_TOKENS:
        raise QueryError(f"the query has {words} words and operators; at most {MAX_TOKENS} are searched "
                         "(shorten it, or search a phrase)")
    depth = deepest = 0
    for t in toks:
        depth += (t[0] == "(") - (t[0] == ")")
        deepest = max(deepest, depth)
    if deepest > MAX_DEPTH:
        raise QueryError(f"parentheses nested {deepest} deep; at most {MAX_DEPTH}")


# From this many words a query is a text pasted (a sentence or more of an abstract), not a
# query typed: a parenthesis never closed in it is the text's, cut where the paste ended.
PASTED_WORDS = 20


def _unclosed_as_text(toks):
    """The tokens with each ``(`` never closed read as text (left out, as the index leaves out
    signs), where it can group nothing (no ``OR`` or ``NOT`` in the query: ``IL-6 (interleukin
    6``) but for one opening the query (``(cancer``: a group begun, whose end the error asks
    for), or in a pasted text (:data:`PASTED_WORDS`); and the word after each so read (the
    note names it: :func:`unclosed_parenthesis`)."""
    opened = []
    for i, tok in enumerate(toks):
        if tok[0] == "(":
            opened.append(i)
        elif tok[0] == ")" and opened:
            opened.pop()
    grouping = any(t[:2] in (("op", "OR"), ("op", "NOT")) or t[0] == "not" for t in toks)
    pasted = sum(t[0] in ("word", "field") for t in toks) >= PASTED_WORDS
    text = [i for i in opened if pasted or (i and not grouping)]
    if not text:
        return toks, []
    return ([tok for i, tok in enumerate(toks) if i not in text],
            [toks[i + 1][1] for i in text if i + 1 < len(toks) and toks[i + 1][0] in ("word", "field")])


def unclosed_parenthesis(text: str) -> list[str]:
    """The words after each ``(`` a query never closed that was read as text
    (:func:`_unclosed_as_text`); [] when there is none, or the query cannot be read.

    >>> unclosed_parenthesis("IL-6 (interleukin 6"), unclosed_parenthesis("(cancer"), unclosed_parenthesis("a (b OR c")
    (['interleukin'], [], [])
    """
    try:
        return _Parser(text, None).unclosed
    except QueryError:
        return []


class _Parser:
    def __init__(self, text: str, vocabulary):
        if len(text.strip()) > MAX_CHARS:
            raise QueryError(f"the query is {len(text.strip()):,} characters long; at most {MAX_CHARS} are searched "
                             "(search a sentence or a few words of it)")
        self.toks, self.unclosed = _unclosed_as_text(
            _labels_joined(_without_lone_marks(_loose_read(_lex(_syntax(text))))))
        _check_size(self.toks)
        self.i = 0
        self.vocabulary = vocabulary

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self):
        tok = self.peek()
        self.i += 1
        return tok

    def parse(self):
        if not self.toks:
            raise QueryError("empty query")
        node = self.or_expr()
        if self.peek() is not None:
            raise QueryError(f"unexpected {self.peek()[1]!r} (unbalanced parenthesis?)")
        return node

    def or_expr(self):
        parts = [self.and_expr()]
        while self.peek() and self.peek()[:2] == ("op", "OR"):
            self.take()
            parts.append(self.and_expr())
        return _group("or", parts)

    def and_expr(self):
        parts = [self.unary()]
        while self.peek() and self.peek()[0] != ")" and self.peek()[:2] != ("op", "OR"):
            if self.peek()[:2] == ("op", "AND"):
                self.take()
            parts.append(self.unary())
        return _group("and", parts)

    def unary(self):
        tok = self.peek()
        if tok is None:
            raise QueryError("the query ends where a word was expected")
        if tok[:2] == ("op", "NOT"):
            self.take()
            return Node("not", [self.unary()])
        if tok[0] == "not":  # '-' before a phrase, a field or a parenthesis
            self.take()
            return Node("not", [self.unary()])
        if tok[0] == "word" and tok[1].startswith("-") and len(tok[1]) > 1 and not tok[1][1:2].isdigit() \
                and tok[1][1] not in "/+":   # -/y, genotype notation: a word
            self.take()
            return Node("not", [self.leaf(("word", tok[1][1:], None))])
        return self.primary()

    def primary(self):
        tok = self.take()
        if tok is None:
            raise QueryError("the query ends where a word was expected")
        if tok[0] == "(":
            node = self.or_expr()
            if not self.peek() or self.peek()[0] != ")":
                raise QueryError("missing closing parenthesis")
            self.take()
            return node
        if tok[0] in (")", "op"):
            raise QueryError(f"unexpected {tok[1]!r}")
        return self.leaf(tok)

    def leaf(self, tok):
        kind, value, name = tok
        if kind == "field":
            if name == "year":
                return _year_leaf(value)
            if name in EXACT_FIELDS:
                return _exact_leaf(name, value)
            leaf = term_leaf(value, FIELD_ALIASES[name], self.vocabulary)
            if FIELD_ALIASES[name] == ("award",):
                number = unlabelled_award(value) or value
                forms = [leaf]
                if number != value:  # award:No.81702662, award:"Grant R01 CA123456": the number
                    forms.append(term_leaf(number, ("award",), self.vocabulary))
                core = nih_core(number)
                if core:  # award:R01CA123456, award:1R01CA123456-01: the grant, as the index holds it too
                    forms.append(_other_form(term_leaf(core, ("award",), self.vocabulary)))
                if len(forms) > 1:
                    return _group("or", forms)
            if FIELD_ALIASES[name] == ("funder",):
                canonical = _known_funder(value)
                if canonical:   # funder:国家自然科学基金委员会, a name the records' funder is known by
                    return _group("or", [leaf, term_leaf(canonical, ("funder",), self.vocabulary)])
            if FIELD_ALIASES[name] in NAME_FIELDS and query_names(value):   # author:, supervisor:
                return _author_leaf(leaf, query_names(value))
            if FIELD_ALIASES[name] in NAME_FIELDS and leaf.expands:
                return _truncated_author_leaf(leaf)
            variants = greek_variants(value) if FIELD_ALIASES[name] not in NAME_FIELDS else ()
            if variants and not leaf.expands:
                leaf = _group("or", [leaf, *(_other_form(term_leaf(v, FIELD_ALIASES[name], self.vocabulary))
                                             for v in variants)])
                if name in NARROWED:
                    for part in leaves(leaf):
                        part.exact, part.check_fields = False, NARROWED[name]
                return leaf
            if name in NARROWED:  # searched in a wider field, checked on the named one
                leaf.exact, leaf.check_fields = False, NARROWED[name]
            return leaf
        written = term_leaf(value, DEFAULT_FIELDS, self.vocabulary)
        label = _GRANT_LABEL.match(value)
        if label:  # "No.81702662" copied from a paper: the record keeps the grant number alone
            return _group("or", [written, term_leaf(label.group(1), DEFAULT_FIELDS, self.vocabulary)])
        variants = greek_variants(value) if not written.expands else ()
        if variants:  # TGF-β1 and TGF-beta1, β-淀粉样 and β淀粉样: one term written two ways
            return _group("or", [written, *(_other_form(term_leaf(v, DEFAULT_FIELDS, self.vocabulary))
                                            for v in variants)])
        return written


def _known_funder(value: str) -> str | None:
    """The canonical name of a funder the table knows, when typed otherwise (``国家自然科学基金委员会``,
    ``Beijing Municipal Natural Science Foundation``); None for a name as the index keeps it."""
    from ..fields.funders import normalise_funder   # only for funder: (search starts without it)

    canonical, _ = normalise_funder(value.strip())   # an unknown funder: as written
    return canonical if canonical.casefold() != value.strip().casefold() else None


# Greek letters and their spelled names (:data:`.analysis.GREEK_NAMES`): a name starting a word
# (beta-catenin, NF-kappaB, TGF-beta1, IL-1beta; not alphabet), or glued to the letters before it
# where the index reads it as a word of its own (TNFalpha, Abeta42: :data:`.analysis._NAME_APART`;
# not Gazeta, alphabetic), or in small letters between them and a capital (NFkappaB, AbetaOs:
# :data:`_NAME_BEFORE_CAPITAL`).
_GREEK_LETTERS = {name: letter for letter, name in GREEK_NAMES.items()}
_NAMES = "|".join(f"[{n[0]}{n[0].upper()}]{n[1:]}" for n in _GREEK_LETTERS)
_SMALL_NAMES = "|".join(_GREEK_LETTERS)
_CAPITAL_NAMES = _SMALL_NAMES.upper()
# A name in small letters before a capital, starting a word or after a capital or a digit (NFkappaB,
# IkappaB, AbetaOs, deltaF508): a word of its own in the index (:data:`.analysis._NAME_BEFORE_CAPITAL`),
# as NF-kappaB's is, and the letter (NFκB, ΔF508).  Case tells it from a word that holds a name
# (Tibetan, Alphan, Sigman).
_NAME_BEFORE_CAPITAL = re.compile(rf"(?:(?<![A-Za-z0-9])|(?<=[0-9A-Z]))({_SMALL_NAMES})(?=[A-Z])")
_SPELLED_GREEK = re.compile(rf"(?<![A-Za-z])(?:({_NAMES})(?![a-z])|({_CAPITAL_NAMES})(?![A-Za-z]))|(?<=[A-Z])({_SMALL_NAMES})(?=[0-9]*(?![A-Za-z0-9]))"
                            rf"|{_NAME_BEFORE_CAPITAL.pattern}")
# A word typed in one case, small letters or capitals throughout (tnfalpha, TNFALPHA, nfkappab),
# shows no case, which tells a name in it from letters of a word (:data:`.analysis._NAME_APART`,
# :data:`.analysis._NAME_BEFORE_CAPITAL`): a name ending it after letters (digits may follow), or
# before one letter that ends it (digits may follow) after letters or with digits (nfkappab,
# deltaf508: the capital of NF-κB, ΔF508), is also looked for apart (tnf-alpha, nf-kappa-b,
# delta-f508) and as the letter (tnfα, nfκb, δf508), as TNFalpha, NFkappaB and deltaF508 are.  A name in capitals is the letter as one in small
# letters is (BETA-CATENIN, IL1BETA).
_ONE_CASE_NAME = re.compile(rf"(?i)(?<![a-z0-9])([a-z0-9]*)({_SMALL_NAMES})([a-z]?[0-9]*)(?![a-z0-9])")
_GREEK_HAN = re.compile(rf"([{''.join(GREEK_NAMES)}])([{_DASHES}]?)(?=[\u3400-\u9fff])")


def _other_form(leaf: Leaf) -> Leaf:
    """A term as another way of writing the one typed: found, ranked below the form typed."""
    leaf.query = leaf.query.copy()
    leaf.query.boost = 0.5
    leaf.other_form = True   # no ranking hints of its own (ranking_hints)
    return leaf


def greek_variants(value: str) -> list[str]:
    """The other ways a term with a Greek letter is written: the letter spelled, or the spelled
    name as the letter (``TGF-β1``, ``TGF-beta1``; ``beta-catenin``, ``β-catenin``), the name
    apart where a word typed in one case may hold it (``tnfalpha``: ``tnf-alpha``), and before
    Chinese with or without a hyphen (``β-淀粉样``, ``β淀粉样``).  None for other terms.

    >>> greek_variants("TGF-β1"), greek_variants("Beta-catenin"), greek_variants("NF-kappaB"), greek_variants("NF-κB")
    (['TGF-beta1'], ['β-catenin'], ['NF-κB'], ['NF-kappaB'])
    >>> greek_variants("β-淀粉样"), greek_variants("α突触核蛋白"), greek_variants("tau"), greek_variants("alphabet")
    (['β淀粉样'], ['α-突触核蛋白'], [], [])
    >>> greek_variants("NFkappaB"), greek_variants("NFκB"), greek_variants("Tibetan"), greek_variants("IL1β")
    (['NFκB'], ['NFkappaB'], [], ['IL1beta'])
    >>> greek_variants("nfkappab"), greek_variants("ΔF508"), greek_variants("δf508"), greek_variants("deltaf508")
    (['nfκb', 'nf-kappa-b'], ['deltaF508'], ['delta-f508'], ['δf508', 'delta-f508'])
    >>> greek_variants("TNFALPHA"), greek_variants("IL1BETA"), greek_variants("Gazeta"), greek_variants("gazeta")
    (['TNFα', 'TNF-ALPHA'], ['IL1β'], [], ['gaζ', 'ga-zeta'])
    """
    v = unicodedata.normalize("NFKC", value)
    if _GREEK_HAN.search(v):
        return [_GREEK_HAN.sub(lambda m: m.group(1) + ("" if m.group(2) else "-"), v)]
    if re.search(r"[\u3400-\u9fff]", v):
        return []
    # the letter spelled (ΔF508 as deltaF508), apart from small letters after it (δf508 as delta-f508)
    named = "".join(GREEK_NAMES.get(c.lower(), c) + ("-" if c.lower() in GREEK_NAMES and _SMALL.match(v, i + 1) else "")
                    for i, c in enumerate(v))
    spelled = named if named != v else _SPELLED_GREEK.sub(lambda m: _GREEK_LETTERS[m.group().lower()], v)   # lettered
    apart = named
    if named == v:   # (a letter typed tells where its name goes)
        spelled = _ONE_CASE_NAME.sub(lambda m: _one_case(m, _GREEK_LETTERS[m.group(2).lower()]), spelled)
        apart = _ONE_CASE_NAME.sub(lambda m: _one_case(m, ("-" if m.group(1) else "") + m.group(2)
                                                       + ("-" if m.group(3)[:1].isalpha() else "")), apart)
    return [form for form in dict.fromkeys([spelled, apart]) if form != v]


_SMALL = re.compile("[a-z]")


def _one_case(m: re.Match, name: str) -> str:
    """A word of :data:`_ONE_CASE_NAME` with ``name`` for its name, if typed in one case; else as typed."""
    stem, tail, word = m.group(1), m.group(3), m.group()
    read = (stem[-1:].isalpha() if not tail[:1].isalpha() else bool(stem) or tail[1:] != "")
    return stem + name + tail if read and (word.islower() or word.isupper()) else word


# A grant number with its label, as papers print it: No.81702662, NO:2018YFC1311300.
_GRANT_LABEL = re.compile(r"(?i)no[.:：]\s*([a-z]*\d[a-z0-9-]{3,})$")
_LABEL_ALONE = re.compile(r"(?i)no[.:：]")
# ... and as award: takes it, the label a word or two (Grant No., Grant, Award, Project Number),
# set off from the number by a sign or a space.
_AWARD_LABEL = re.compile(r"(?i)(?:(?:grants?|awards?|projects?|contracts?)(?:\s*(?:nos?|numbers?)(?![a-z]))?"
                          r"|nos?|numbers?)(?:\s*[.:：#]\s*|\s+)")
_LABELLED_NUMBER = re.compile(r"(?i)[a-z]*\d[a-z0-9-]{3,}")


def unlabelled_award(value: str) -> str | None:
    """The grant number an ``award:`` value holds after its label, as the cleaner keeps a
    record's number without it (``No.81702662``); an NIH number too, glued or spaced
    (:func:`~.schema.nih_core`: ``Grant R01 CA123456``); None for a value with no label.

    >>> unlabelled_award("No.81702662"), unlabelled_award("No.R01CA123456"), unlabelled_award("Grant R01 CA123456")
    ('81702662', 'R01CA123456', 'R01 CA123456')
    >>> unlabelled_award("Grant No: 2018YFC1311300"), unlabelled_award("81702662"), unlabelled_award("Grant support")
    ('2018YFC1311300', None, None)
    """
    m = _AWARD_LABEL.match(value.strip())
    number = value.strip()[m.end():] if m else ""
    return number if _LABELLED_NUMBER.fullmatch(number) or nih_core(number) else None


def _key(node) -> tuple:
    """What a part of the query asks, for telling repeats apart."""
    if isinstance(node, Leaf):
        return (node.text, node.fields, node.check_fields, node.exact)
    return (node.op, tuple(_key(c) for c in node.children))


def _group(op: str, parts: list):
    """``parts`` joined by ``op``, a part written twice kept once (``cancer cancer`` = ``cancer``)."""
    unique, seen = [], set()
    for part in parts:
        key = _key(part)
        if key not in seen:
            seen.add(key)
            unique.append(part)
    return unique[0] if len(unique) == 1 else Node(op, unique)


# A query that is a DOI alone, as copied from a page or a reference (10.3969/j.issn…, https://doi.org/…,
# doi: 10.…): it is searched as doi:, where DOIs are, not as words.
_PASTED_DOI = re.compile(r"\s*(?:(?:https?://)?(?:dx\.)?doi\.org/|doi:\s*)?(10\.\d{4,9}/\S+?)[.,;]?\s*", re.I)


# A query that is a PubMed id with its label alone, as PubMed prints it (PMID: 33587412,
# PMCID: PMC7886183) or as users type it (PMID 33587412): searched as pmid:.  A number alone
# stays a word (a grant number).
_PASTED_PMID = re.compile(r"\s*(?:pmid(?::|\s)\s*(\d+)|pmcid(?::|\s)\s*(pmc\d+))[.,;]?\s*", re.I)


# A doi.org link, which a browser's address bar copies with the DOI's signs percent-encoded
# (10.1002/(SICI)…53:3%3C266::AID-MRD2%3E3.0.CO;2-6 for <266::AID-MRD2>).
_DOI_LINK = re.compile(r"\s*(?:https?://)?(?:dx\.)?doi\.org/", re.I)


def _unquoted_doi_link(text: str) -> str:
    """A doi.org link with its percent-escapes decoded, as the DOI is written; other text as it is.

    >>> _unquoted_doi_link("https://doi.org/10.1002/(SICI)1098-2795(199907)53:3%3C266::AID-MRD2%3E3.0.CO;2-6")
    'https://doi.org/10.1002/(SICI)1098-2795(199907)53:3<266::AID-MRD2>3.0.CO;2-6'
    """
    return unquote(text) if "%" in text and _DOI_LINK.match(text) else text


def parse(text: str, vocabulary: Callable[[str], bool] | None = None):
    """The query tree of ``text``; raises :class:`QueryError` with a readable reason.
    ``vocabulary``: whether the index holds a term (:func:`term_leaf`)."""
    doi = _PASTED_DOI.fullmatch(_unquoted_doi_link(text))
    if doi and '"' not in text:
        return _exact_leaf("doi", doi.group(1))
    pmid = _PASTED_PMID.fullmatch(text)
    if pmid:
        leaf = _exact_leaf("pmid", pmid.group(1) or pmid.group(2))
        if ":" in text:
            return leaf
        # typed with a space (PMID 33587412): the record of that id, and those whose text
        # cites it so ("See also PMID 33587412"), as its words found them
        leaf.query = leaf.query.with_boost(20.0)   # (the record of that id first)
        return Node("or", [leaf, _Parser(text, vocabulary).parse()])
    return _Parser(text, vocabulary).parse()


# ---------------------------------------------------------------- to whoosh
def to_whoosh(node, positive: bool = True):
    """A whoosh query matching a superset of ``node``'s matches (exactly them if
    :func:`is_exact`); ``None`` means "no constraint"."""
    if isinstance(node, Leaf):
        if node.exact or positive:
            return node.query
        return None
    if node.op == "not":
        (child,) = node.children
        if not is_exact(child):
            return None
        return Not(to_whoosh(child, True))
    parts = [to_whoosh(c, positive) for c in node.children]
    if node.op == "and":
        parts = [p for p in parts if p is not None]
        if not parts:
            return None
        positives = [p for p in parts if not isinstance(p, Not)]
        if not positives:
            parts = [Every()] + parts
        return parts[0] if len(parts) == 1 else And(parts)
    if any(p is None for p in parts):
        return None
    return Or(parts)


def ranking_hints(node, vocabulary: Callable[[str], bool] | None = None):
    """Optional clauses that lift the best matches of plain query words: the word in the
    title (read as the query reads it: ``vocabulary``, :func:`term_leaf`), an exact keyword,
    a jieba word of the title.  The word among the keywords lifts apart
    (:func:`keyword_hints`)."""
    hints = []
    for leaf in leaves(node):
        if leaf.fields != DEFAULT_FIELDS or leaf.other_form:
            continue
        q = fold(leaf.text).strip()
        hints += [term_leaf(leaf.text, ("title",), vocabulary).query, Term("kwx", q)]
        if _CJK_CHAR.search(q):
            hints.append(Term("words", q))
    return hints


def keyword_hints(node, vocabulary: Callable[[str], bool] | None = None) -> list[tuple[object, object]]:
    """(plain query word among the keywords, the same word in the text field): a lift the
    search adds only to a record whose title or abstract holds the word too, which the
    second tells (:meth:`.search.Searcher._keywords_lift`).  A keyword's short field
    outscores a title, so a record that held the word only as a keyword (Web of Science's
    Keywords Plus names terms its text need not hold) ranked above records whose title holds it."""
    return [tuple(term_leaf(leaf.text, fields, vocabulary).query for fields in (("keywords",), TEXT_FIELDS))
            for leaf in leaves(node) if leaf.fields == DEFAULT_FIELDS and not leaf.other_form]


def with_hints(query, node, vocabulary: Callable[[str], bool] | None = None):
    hints = ranking_hints(node, vocabulary)
    return AndMaybe(query, Or(hints)) if hints else query


def expands(node) -> bool:
    """Whether a part of the query is a truncated word (``canc*``)."""
    return any(leaf.expands for leaf in leaves(node))
