"""Deduplication: clusters of records that are the same work, with the reasons.

Blocking (never all pairs): records meet only when they share a DOI, a PMID, a folded title key
(any language: a Chinese record's translated English title meets the English record's
title; both titles of "English title [Original title]"), the first 20 characters of a
title key or of a main title or subtitle, the year and a surname word of the first
author, the year, volume (or, without one, issue) and first page, or (Chinese against
English) the year and first author in pinyin.  Blocks met through anything but the DOI
or the whole title also need similar titles (one a prefix of the other, or 90% alike;
or one is the other's main title or subtitle alone, or the title after a label starts
the other; or an acronym spelled out), or, in the same volume, issue and first page,
the same authors (or, Chinese against English, organisations and no person, at the same
pages).  A block of more than 50 records is a generic title or name and is skipped,
except that a common title start is split by a longer one and a common name in a year
by the first initial.  Each pair is compared once per way it met (keys are computed once
per record).  A pair that met is linked unless evidence says otherwise:

* a record read back from this tool's own JSON lines (record-jsonl) and the record whose
  id is its ``source.source_id`` → linked, certain, whatever its fields now say (a title or
  year corrected by hand): it is a copy of that record;
* a book and a chapter or paper in it → not linked, whatever else they share;
* same DOI → not linked when one record alone is a notice (an erratum, a retraction) and the
  issue or first page differs (a notice given its paper's DOI), needs review at one place;
  else linked, certain, unless both have titles in one language and none is alike (a
  DOI mistyped, or one DOI for a whole book): needs review, and not linked when their first
  pages differ too (two chapters given the book's DOI) (different DOIs → not linked, but a
  preprint server's DOI and a journal's on one title by the same authors: the published
  version, needs review);
* same PMID (not both with a DOI) → linked, certain, unless the titles differ so: needs
  review (different PMIDs → not linked);
* same folded title (NFKC, case, width, punctuation and spaces ignored; Traditional read
  as Simplified; British/American spellings; a Greek letter in other text by its name, TNF-α = TNF-alpha; a translated title's "[Spanish]") → linked
  when the years agree (one year apart only with the same volume or pages, or when one
  record has no volume, issue or pages yet and the journal is the same: online-first and
  print; any years in the same volume: a wrong year), the types agree (a thesis is not the
  article of its title; a conference
  abstract is not the journal paper, nor is one in a supplement issue, "15_suppl", or typed
  "Conference Abstract", unless the other gives its volume alone: review; a
  proceedings paper may be typed a book chapter, and
  at the same volume and first page of one journal, a journal article),
  neither alone is a notice of its paper (a correction, retraction or expression of
  concern; two notices only of one kind, as a short title, and for review only when one has
  no volume or pages: perhaps another notice), nor a comment or reply ("Comment
  on: ...", "... Authors' reply", Ovid's "... [Comment]": titled as the paper it discusses;
  the same letter if at the same volume and first page; Embase's "(multiple letters)" is a
  letter and its replies), the volumes do not differ (a
  conference abstract in a supplement, a reprint), and the authors overlap when both
  have authors (accents aside: Müller and Muller; in two languages too when both name them in
  Latin letters, a German title translated alike; the same title by other authors is another work, unless at the same
  volume and first page with a group author: "ASCUS-LSIL Triage Study Group" and its
  writing author; names in two scripts, 山田太郎 and Yamada Taro, are not other authors
  where a title not in English, the year, volume, issue and first page agree: certain
  unless the PMIDs differ); a short title (a column), a notice or an editorial piece ("Special Issue on
  ...", "Guest editorial: ...") also needs volume, issue and first page not to differ (a
  volume given as the issue, an electronic page "c37" for 37, do not differ); certain when authors and year both agree
  (or the years are one apart, online and in print, with the same authors, journal, volume, issue and first page)
  (and no word of one title stands where the other has another: "Adult" / "Pediatric"
  Patients, "Case A" / "Case B"; nor do the issue, first page or journal differ: a reprint,
  an erratum reprinting the paper), else needs review;
* titles alike but not equal (typo, cut-off or missing subtitle, a label before a title
  perhaps cut off, an acronym for the words: "IS" and "Information Systems") → as above,
  and not when they differ only by a part number ((一)/(二), Part I/II: a series) or, for
  journal articles, the journals cannot be one journal;
* the same volume, issue and first page by the same authors (surnames in order; without a
  volume, in the same journal) → linked whatever the titles say (an English title and the
  original, a title too short to compare; a title MEDLINE translated, in square brackets,
  with the issue less precise in one record: "Suppl", "Suppl 2"), needs review;
* an English title equal to the Chinese record's translated title → linked (the two
  language versions of one work), needs review; not when none of the Chinese authors'
  surnames in pinyin is among the English record's names (another paper, its title
  translated alike); so too a record in another language (a German paper's English title,
  a German database's TT), not when both records name their authors in Latin letters and
  share none of them (accents aside) away from one place (year, volume or issue, first page:
  there Müller spelled Mueller, or Chan Ka-Wai for Chen Jiawei, is one author);
* a Chinese and an English record of the same year whose authors are the same in pinyin
  (first author equal, two in common when both have two), whose volume, issue and
  first page do not disagree (CNKI's "241-245+288" is at 241), and where something else agrees (titles alike, the first page, the
  volume, or the journal, also named in pinyin) → linked as the two language
  versions, needs review;
* a Chinese record by organisations only (a consensus, a guideline) and an English record
  naming no person, at the same year, volume, issue and pages (first and last, a range), in
  journals whose ISSNs do not differ, the English one the Chinese journal (the same ISSN, its
  name in pinyin, or naming China: "Chinese Journal of Oncology") → linked as the two language versions (no name to
  compare in pinyin), needs review.  A Chinese
  record in Traditional characters (Taiwan, Hong Kong) is also read as Taiwan writes names,
  in Wade-Giles (張偉明 Chang Wei-Ming), blocked and compared so too.

Titles too short or generic to identify a work ("Editorial", "前言", "The authors' reply",
"Retraction notice", in any form: plural, possessive, after an article; empty), and column
titles (only column words and the journal's name: "Remarks from MIS Quarterly Editor"),
never link by title.  A cluster never holds two DOIs or two PMIDs (a record without one linked to
records of two joins one of them), unless their records are at one place (a DOI mistyped);
two records of other PMIDs are never linked (a notice has its own).
A notice is one by its title's label ("Erratum: ...", "Author Correction: ...", "Retracted:
...", "Withdrawn: ...", "Expression of Concern: ...", a title ending in the citation of the
paper it corrects) or by the type its database states (PubMed's "Published Erratum",
"Retraction of Publication", "Expression of Concern"; Web of Science's "Correction",
"Retraction"; a RIS M3; "Retracted Publication" is the paper); a stated "Comment" is a
comment, "Editorial Material" an editorial piece.  The master of a cluster is its most
complete record (most non-empty fields; ties: the first by file and position), but a copy
read back comes before the record it copies, and before the others: it is the version a
librarian chose.
"""
from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from collections import defaultdict
from functools import lru_cache
from typing import Iterable, Iterator

from indexer.charsets import GREEK, HAN, LATIN, has_traditional, plain
from indexer.dedup_rules import (LANGUAGE_NAMES, copy_of, discussed, expand_acronyms, folded_words,
                                 has_acronym, has_group_author, is_bracketed, is_column, is_editorial,
                                 page_number, volume_as_issue)
from indexer.fields.authors import responsible_authors, whole_name
from indexer.fields.identifiers import pmid
from indexer.fields.titles import split_original_title
from indexer.pinyin import compared_pinyin, compared_word, is_person, syllables, u_for_v, wade_giles

GENERIC_TITLES = {"editorial", "introduction", "preface", "foreword", "abstracts", "index", "contents",
                  "letter to the editor", "erratum", "correction", "corrigendum", "前言", "序言", "目录", "卷首语",
                  "编者按", "征稿启事", "更正", "勘误", "reply", "response", "commentary", "book review", "news",
                  "editor's comments", "front matter", "back matter", "issue information",
                  "editorial board", "table of contents", "in this issue", "masthead", "cover", "announcements",
                  "author index", "subject index", "acknowledgements", "acknowledgments", "acknowledgment to reviewers",
                  "acknowledgement to reviewers", "errata", "call for papers", "books received", "obituary",
                  # notices, comments and replies whose title is their kind alone
                  "retraction", "retraction notice", "notice of retraction", "retraction note", "retraction statement",
                  "statement of retraction", "withdrawal", "withdrawn", "expression of concern",
                  "editorial expression of concern", "notice of concern", "erratum notice", "correction notice",
                  "author reply", "authors' reply", "reply to letter", "reply to the letter", "reply to the editor",
                  "in reply", "response to letter", "response to the letter", "response to comments",
                  "reply to comments", "author response", "authors' response", "comment", "letter", "invited commentary",
                  "invited comment", "editor's note", "note from the editor", "case report", "conclusion",
                  "summary", "discussion", "highlights", "research highlights", "editorial comment"}
# (Plurals, a possessive and a leading article are read alike: "Corrections", "The authors
# reply", "Author's reply"; see _generic_keys.)
MIN_TITLE_KEY = 8


_T2S = None
_CJK_CHAR = f"[{HAN}]"
_CJK = re.compile(_CJK_CHAR)


def simplified(text: str) -> str:
    """Traditional characters to Simplified (OpenCC's t2s table)."""
    global _T2S
    if not _CJK.search(text):
        return text
    if _T2S is None:
        import opencc

        _T2S = opencc.OpenCC("t2s")
    return _T2S.convert(text)


def title_key(title: str | None, greek: bool = True) -> str:
    """Letters, digits and CJK characters of a folded title (Traditional read as
    Simplified; width, case, punctuation and spaces ignored): ``(自然科学版)`` =
    ``（自然科学版）``, 現代園林 = 现代园林.  ``greek=False`` keeps a lone Greek letter as
    it is (the key decisions stored before TNF-α was read as TNF-alpha)."""
    return re.sub(r"[\W_]+", "", _folded(title, greek=greek)) if title else ""


def _folded(title: str, greek: bool = True) -> str:
    s = unicodedata.normalize("NFKC", simplified(title)).casefold()
    if greek:
        s = greek_names(s)
    s = _ANNOTATION.sub("", s)
    for variant, common in _SPELLING:
        s = s.replace(variant, common)
    return s


_GREEK = re.compile(f"[{GREEK}]")
# A Greek letter alone (no Greek letter beside it) next to a letter of another script, a digit or a
# hyphen: TNF-α, IL-1β, IFNγ, β-catenin; not a letter of a Greek word (a Greek title's letters
# by their names would be five times as long, and alike where its words are not).
_G, _NOT_G = f"[{GREEK}]", f"(?:[^\\W{GREEK}]|[-\u2010-\u2015])"
_LONE_GREEK = re.compile(f"(?<={_NOT_G}){_G}(?!{_G})|(?<!{_G}){_G}(?={_NOT_G})")


@lru_cache(maxsize=None)
def _greek_name(letter: str) -> str:
    name = unicodedata.name(letter, "").split()
    return name[name.index("LETTER") + 1 + (name[-2:] == ["FINAL", "SIGMA"])].lower() if "LETTER" in name else letter


def greek_names(text: str) -> str:
    """Greek letters in other text by their names, as titles spell them either way: TNF-α =
    TNF-alpha, β-catenin = beta-catenin; a Greek word stays as it is.

    >>> greek_names("TNF-α and β-catenin, IL-1β, IFNγ"), greek_names("ς-x")
    ('TNF-alpha and beta-catenin, IL-1beta, IFNgamma', 'sigma-x')
    >>> greek_names("Η επίδραση του TNF-α στη νεφρική ανεπάρκεια")
    'Η επίδραση του TNF-alpha στη νεφρική ανεπάρκεια'
    """
    return _LONE_GREEK.sub(lambda m: _greek_name(m.group()), text) if _GREEK.search(text) else text


# British and American spellings meet (haemolytic = hemolytic, tumour = tumor).
_SPELLING = (("haem", "hem"), ("aemia", "emia"), ("paediatr", "pediatr"), ("oedem", "edem"),
             ("oesophag", "esophag"), ("oestr", "estr"), ("tumour", "tumor"), ("colour", "color"),
             ("behaviour", "behavior"), ("randomis", "randomiz"), ("organis", "organiz"),
             ("anaesth", "anesth"), ("leukaem", "leukem"), ("foetal", "fetal"), ("centre", "center"))


# Database annotations appended to titles (Ovid, CENTRAL, PubMed): "[Review] [21 refs]",
# "(Provisional abstract)", "[Article in German]", the language of a translated title "[Spanish]".
_ANNOTATION = re.compile(r"\s*(?:\[(?:review|\d+ refs?|english abstract|article in [^\]]*|comment|"
                         r"see comments|letter|editorial|erratum[^\]]*|" + LANGUAGE_NAMES + r")\]|"
                         r"\((?:provisional|structured) abstract\))",
                         re.I)
# A title ending in a citation, "(vol 360, pg 542, 2009)" (Web of Science) or "(Journal (2009)
# 360 (544-546))" (Embase), is a correction notice: kept, so it never meets its paper.


@lru_cache(maxsize=1 << 16)
def latin_letters(text: str) -> str:
    """A text's Latin letters alone, folded and without accents: "Lín chuang, J." → linchuangj."""
    return re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", text).casefold())


def pinyin_key(name: str) -> str:
    """A personal name as pinyin letters, the way English records write Chinese authors:
    张可佳 → zhangkejia, 曾国藩 → zengguofan (a surname as surnames read); "Zhang, Kejia" →
    zhangkejia."""
    if _CJK.search(name):
        name = simplified(name)
        if is_person(name):
            family, given = compared_pinyin(name)
            return family + "".join(given)
        return u_for_v("".join(syllables(name)))
    return latin_letters(name)


def _compared_family(family: str) -> str:
    """A family name in Latin letters with ü as u (Lyu, Lv, Lü → lu), as pinyin_key reads 吕."""
    return family if _CJK.search(family) else compared_word(pinyin_key(family))


def _authors(rec: dict) -> list[dict]:
    """Whom a record is by: its authors, an edited book's editors when it has none
    (``responsible_authors``; a CNKI copy may list them as its authors), as search reads them."""
    return responsible_authors(rec)


def _pinyin_names(rec: dict):
    """The authors' names in pinyin, lazily (pypinyin is slow; blocking reads the first only)."""
    for a in _authors(rec):
        k = pinyin_key(a["literal"] if a.get("literal") else _compared_family(a.get("family", "")) + a.get("given", ""))
        if k:
            yield k


@lru_cache(maxsize=1 << 16)
def wade_giles_key(name: str) -> str:
    """A Chinese personal name as Taiwan writes it, as :func:`pinyin_key` reads names:
    張偉明 → changweiming (Chang Wei-Ming), 蔡志宏 → tsaichihhung; '' for any other name."""
    name = simplified(name)
    reading = wade_giles(name) if is_person(name) else None
    return reading[0] + "".join(reading[1]) if reading else ""


def _wade_giles_names(rec: dict, pinyin: list[str]) -> list[str] | None:
    """The authors' names of a Chinese record (``pinyin``) as Taiwan writes them in Latin
    letters (Wade–Giles), those that are not Chinese personal names as they are; None when
    every name reads so as in pinyin."""
    authors = _authors(rec)
    if len(pinyin) != len(authors):
        return None
    keys = [wade_giles_key(a.get("literal") or "") or k for a, k in zip(authors, pinyin)]
    return keys if keys != pinyin else None


def _traditional(rec: dict) -> bool:
    """Whether a record's Chinese title or names hold Traditional characters (臺灣, 張)."""
    text = (rec.get("title") or {}).get("zh", "") + "".join(a.get("literal") or "" for a in _authors(rec))
    return has_traditional(text)


@lru_cache(maxsize=1)
def _generic_keys() -> frozenset[str]:
    """The title keys of GENERIC_TITLES in every form a journal writes them: each word
    singular or plural (or possessive: a key drops the apostrophe of "Editor's", "Authors'"),
    with a leading article or none ("The authors reply" = "Author reply" = "Authors' reply").

    >>> all(title_key(t) in _generic_keys() for t in ("The Authors' Reply.", "Author reply", "Corrections",
    ...     "Retraction Notice", "Expression of Concern.", "HIGHLIGHTS", "Case Reports", "Editors' comments"))
    True
    >>> title_key("Case report of a giant hemangioma") in _generic_keys()
    False
    """
    keys = set()
    for title in GENERIC_TITLES:
        words = [w for w in _WORD.findall(_folded(title)) if w != "s"]
        if words and words[0] in ("the", "a", "an"):
            words = words[1:]
        forms = [""]
        for w in words:
            stem = w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
            forms = [f + v for f in forms for v in ((stem, stem + "s") if stem.isascii() else (w,))]
        keys.update(article + f for f in forms for article in (("", "the", "a", "an") if title.isascii() else ("",)))
    return frozenset(keys)


def _usable(key: str) -> bool:
    return len(key) >= MIN_TITLE_KEY and key not in _generic_keys()


_LATIN_NAME = re.compile(f"[{LATIN}0-9]+")


@lru_cache(maxsize=1 << 16)  # names recur: one folding per distinct name word
def _name_key(name: str) -> str:
    """A name or a word of one folded as titles are, and a name in Latin letters without its
    accents, as many databases write it (Lefèvre = Lefevre, Müller = Muller, Ørsted = Orsted)."""
    key = title_key(name)
    return plain(key) if not key.isascii() and _LATIN_NAME.fullmatch(key) else key


def _author_keys(rec: dict) -> set[str]:
    """Name words of the authors (Chinese names whole): "Goicoechea de Jorge, E." and
    "de Jorge, E. G." share "jorge"."""
    keys = set()
    for a in _authors(rec):
        if whole_name(a):   # (a Japanese name's family and given name, 山田 + 太郎, as 山田太郎)
            k = _name_key(whole_name(a))  # Traditional and Simplified names meet
            if k:
                keys.add(k)
            continue
        keys.update(_name_words(f"{a.get('family', '')} {a.get('given', '')}"))
    return keys


def _name_words(name: str) -> list[str]:
    """The words of a name that tell people apart: no initials, particles or "Jr"."""
    keys = (_name_key(word) for word in re.split(r"[\s,.\-]+", name))
    return [k for k in keys if len(k) >= 3 and k not in ("van", "von", "der", "den", "del", "della")]


def _first_author_words(rec: dict) -> list[str]:
    """The first author's surname words ("Crawford Jr." and "Crawford" meet, "El-Sherif"
    and "Sherif"), the whole surname when short (Li), a Chinese name whole."""
    first = (_authors(rec) or [{}])[0]
    if whole_name(first) or not first.get("family"):
        return [k for k in [_name_key(whole_name(first))] if k]
    return _name_words(first["family"]) or [k for k in [_name_key(first["family"])] if k]


# Parts of a series differ only by a part number or marker: (一)/(二), Part I/II, Volume 1/4,
# "the first issue"/"the third issue", 上/下, (续) for "continued".  Years are left to the
# year rules ("Trends - 1981-1985"); a number inside a word (p16INK4a) is no part number.
_PART_NUMBER = re.compile(r"\d{1,3}|[ivx]+|[一二三四五六七八九十百零〇]+|[上中下续]|first|second|third|fourth|"
                          r"fifth|sixth|seventh|eighth|ninth|tenth|one|two|three|four|five|six|seven|eight|nine|ten")
_PART_WORDS = {"part", "pt", "parts", "volume", "vol", "no", "number", "issue", "series", "第", "部", "分", "篇",
               "章", "辑", "卷", "册", "集", "期", "之"}
_WORD = re.compile(f"{_CJK_CHAR}|[^\\W_{HAN}]+")


def _series_parts(ta: str, tb: str) -> bool:
    """Two titles that differ only by part numbers and words: parts of a series, or the
    whole and a part ("城市交通规划研究" and "城市交通规划研究（一）"), never the same work.  A
    bare number only one title has is a footnote mark ("... representation 1"), not a part."""
    wa, wb = _WORD.findall(_folded(ta)), _WORD.findall(_folded(tb))
    if wa == wb:
        return False
    replaced, changed = False, []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes():
        if op != "equal":
            replaced |= op == "replace"
            changed += wa[i1:i2] + wb[j1:j2]
    if not all(_PART_NUMBER.fullmatch(w) or w in _PART_WORDS for w in changed):
        return False
    return any(_PART_NUMBER.fullmatch(w) for w in changed) and (replaced or not all(w.isdigit() for w in changed))


def _first_page(rec: dict) -> str:
    return re.split(r"[-–~,+ ]", str(rec.get("pages") or ""))[0].lstrip("0")


def _number(value) -> str:
    """The first number of a volume or issue: "24 Suppl 3" → 24, "12933 LNCS" → 12933."""
    m = re.search(r"\d+", str(value or ""))
    return (m.group().lstrip("0") or "0") if m else ""


class _Keys:
    """What blocking and comparing read of one record, computed once per record."""

    __slots__ = ("rec", "titles", "usable", "parts", "tails", "acronym", "authors", "surnames", "notice",
                 "discussion", "first_page", "volume", "issue", "copy_of", "pmid", "_pinyin", "_taiwan")

    def __init__(self, rec: dict):
        self.rec = rec
        titles = list((rec.get("title") or {}).values())
        self.titles = list(dict.fromkeys(title_key(t) for t in titles + [o for t in titles for o in _translated(t)]))
        # A column's title ("Remarks from MIS Quarterly Editor") is as generic as "Editorial":
        # it links through its place (volume, issue, first page) or DOI only.
        journal = next(iter((rec.get("journal") or {}).values()), "") or ""
        pieces = [p for t in titles for p in _pieces(t)]
        columns = {title_key(t) for t in titles + pieces if is_column(t, journal)}
        self.usable = [k for k in self.titles if _usable(k) and k not in columns]
        # pieces alternate: main title (or label), subtitle (or the title after the label)
        piece_keys = [_part_key(p) for p in pieces]
        self.parts = list(dict.fromkeys(k for k in piece_keys if k and k not in self.titles and k not in columns))
        self.tails = [k for k in dict.fromkeys(piece_keys[1::2]) if k in self.parts]
        self.acronym = any(has_acronym(t) for t in titles)
        self.authors = _author_keys(rec)
        self.surnames = [_name_key(whole_name(a) or a.get("family") or "") for a in _authors(rec)]
        self.notice = notice_of(rec)
        self.discussion = discussed(rec) or _stated_comment(rec)
        self.first_page = page_number(_first_page(rec))
        self.volume = _number(rec.get("volume"))
        self.issue = _number(rec.get("issue"))
        self.copy_of = copy_of(rec)
        self.pmid = pmid(rec)
        self._pinyin: list[str] | None = None
        self._taiwan: list[str] | None | str = ""   # "": not read yet

    @property
    def pinyin(self) -> list[str]:
        if self._pinyin is None:
            self._pinyin = list(_pinyin_names(self.rec))
        return self._pinyin

    @property
    def taiwan(self) -> list[str] | None:
        """The authors' names as Taiwan writes them, for a record in Traditional characters."""
        if self._taiwan == "":
            zh = self.rec.get("language") == "zh" and _traditional(self.rec)
            self._taiwan = _wade_giles_names(self.rec, self.pinyin) if zh else None
        return self._taiwan

    @property
    def readings(self) -> list[list[str]]:
        """The authors' names in pinyin and, for a record in Traditional characters, as
        Taiwan writes them (Wade–Giles)."""
        return [self.pinyin] + ([self.taiwan] if self.taiwan else [])

    def first_pinyin(self) -> str:
        if self._pinyin is not None:
            return self._pinyin[0] if self._pinyin else ""
        return next(_pinyin_names(self.rec), "")


def _same_in_pinyin(pa: list[str], pb: list[str]) -> bool:
    """Authors the same in pinyin: the first equal, two in common when both have two."""
    return bool(pa and pb) and pa[0] == pb[0] and len(set(pa) & set(pb)) >= min(2, len(pa), len(pb))


def _near_keys(ka: str, kb: str) -> bool:
    """One title key a prefix of the other (a cut-off subtitle) or 90% alike."""
    short, long_ = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    return (long_.startswith(short) and len(short) >= 0.6 * len(long_)) or _alike(ka, kb)


def _titles_differ(a: _Keys, b: _Keys) -> bool:
    """Both records have a title in one language, and none of them is alike (equal after
    folding, cut off, a typo apart, one the other's main title or subtitle)."""
    langs = set(a.rec.get("title") or {}) & set(b.rec.get("title") or {})
    return bool(langs and a.usable and b.usable) and not set(a.titles) & set(b.titles) and not _similar_titles(a, b)


def _swapped_words(a: dict, b: dict) -> str:
    """Words of one title that stand where the other has other words, not a typo or a cut
    of them ("adult / pediatric", "a / b"), as "x / y"; "" when the titles differ only by
    typos, cut words or words added (a label, "[French]")."""
    def near(x: str, ys: set[str]) -> bool:
        return any(x.startswith(y) or y.startswith(x) or difflib.SequenceMatcher(None, x, y).ratio() >= 0.75
                   for y in ys)

    for lang in sorted(set(a.get("title") or {}) & set(b.get("title") or {})):
        wa, wb = (set(re.findall(r"\w+", greek_names(r["title"][lang].casefold()))) for r in (a, b))
        only_a, only_b = wa - wb, wb - wa
        if only_a and only_b and not (all(near(x, only_b) for x in only_a) and all(near(y, only_a) for y in only_b)):
            return f"{' '.join(sorted(only_a))} / {' '.join(sorted(only_b))}"
    return ""


def _alike(ka: str, kb: str) -> bool:
    """Title keys 90% alike (difflib's ratio); the length bound and quick_ratio rule most
    pairs out before the costly ratio."""
    if ka == kb:
        return True
    if 2 * min(len(ka), len(kb)) < 0.9 * (len(ka) + len(kb)):
        return False
    matcher = difflib.SequenceMatcher(None, ka, kb, autojunk=False)
    return matcher.quick_ratio() >= 0.9 and matcher.ratio() >= 0.9


def _similar_titles(a: _Keys, b: _Keys) -> str:
    """How two titles are alike: "title" when they differ only by truncation or a few
    characters (same place in a journal), "part" when one is the other's main title or
    subtitle alone (see :func:`_part_key`), else ""."""
    if any(_near_keys(ka, kb) for ka in a.usable for kb in b.usable):
        return "title"
    if (a.acronym or b.acronym) and a.usable and b.usable and any(
            expand_acronyms(ta, tb) for ta in (a.rec.get("title") or {}).values()
            for tb in (b.rec.get("title") or {}).values()):
        return "title"  # "IS" for "Information Systems"
    if any(_alike(ka, kb) for ka in a.usable for kb in b.parts) or any(
            _alike(ka, kb) for ka in a.parts for kb in b.usable):
        return "part"
    # A label before a cut-off title ("ICIS Paper - User Developed Applications - Evaluation
    # of Success from the DP"): the title after the label starts the other title.
    if any(_near_keys(ka, kb) for ka in a.usable for kb in b.tails) or any(
            _near_keys(ka, kb) for ka in a.tails for kb in b.usable):
        return "part"
    return ""


_SUBTITLE = re.compile(r"\s*[:：]\s*|\s+[-–—]+\s+|——")


def _translated(title: str) -> list[str]:
    """The two titles of "English title [Original title]"; none for another title."""
    parts = split_original_title(_ANNOTATION.sub("", title), shortest=12)
    return list(parts) if parts else []


def _pieces(title: str) -> list[str]:
    """The main title and the subtitle (or the title after a label) that another database
    may give alone: "Diminished control in crowdsourcing: An investigation of ...",
    "SIM Competition Paper - The Application Profile"."""
    pieces = []
    for whole in _translated(title) or [title]:
        split = _SUBTITLE.split(whole, maxsplit=1)
        if len(split) == 2:
            pieces += split
    return pieces


def _all_pieces(rec: dict) -> list[str]:
    """Every title of a record and their pieces."""
    titles = list((rec.get("title") or {}).values())
    return titles + [p for t in titles for p in _pieces(t)]


def _part_key(piece: str) -> str:
    """The key of a title's piece (:func:`_pieces`), a long one only ("" else): a short head
    alone ("Crowdwork: ...") names a topic, not a work."""
    k = title_key(piece)
    return k if _usable(k) and (len(k) >= 20 or (len(k) >= 10 and _CJK.match(k))) else ""


def _named(k: _Keys) -> bool:
    """A title that is not empty or generic, however short (风格尽在言语中)."""
    return any(t and t not in _generic_keys() for t in k.titles)


def _same_issue_and_authors(a: _Keys, b: _Keys) -> bool:
    """Titles (not empty or generic) in the same volume (or, without volumes, the same
    journal), issue and first page by the same authors' surnames in the same order: one
    paper whatever its titles say (an English title and the original German, a title too
    short to compare: 记念刘和珍君)."""
    if not (_named(a) and _named(b) and a.first_page and a.surnames and a.surnames == b.surnames):
        return False
    if not (a.rec.get("volume") and b.rec.get("volume")) and not (
            a.rec.get("journal") and b.rec.get("journal") and _same_journal(a.rec, b.rec)):
        return False  # no volume: the journal must say it is the same place
    if a.issue and a.issue == b.issue:
        return True
    # A title MEDLINE translated ("[Indications and contraindications ...]. [Spanish]") is
    # worded as each translator chose: its place decides, the issue being only less precise
    # in one record ("Suppl" and "Suppl 2").
    return (not a.issue or not b.issue) and bool(a.rec.get("issue") and b.rec.get("issue")) and any(
        is_bracketed(t) for k in (a, b) for t in (k.rec.get("title") or {}).values())


def _by_bodies(rec: dict, chinese: bool) -> bool:
    """Whether a record names no person among its authors: organisations only (中华医学会心血管病学分会,
    "Chinese Society of Cardiology"), at least one for a Chinese record; none at all will do for
    another (the English version of a consensus often lists no author)."""
    authors = _authors(rec)
    if chinese:
        names = [simplified(a.get("literal") or "") for a in authors if not a.get("family")]
        return bool(authors) and len(names) == len(authors) and all(_CJK.match(n) and not is_person(n) for n in names)
    return all(a.get("literal") and not a.get("family") and not _CJK.search(a["literal"]) for a in authors)


def _last_page(rec: dict) -> str:
    """The last page of a record's first page range ("" for a single page)."""
    first_range = re.split(r"[,+]", str(rec.get("pages") or ""))[0]
    first, _, last = first_range.partition("-")
    return last.strip().lstrip("0") if first.strip() else ""


def _bodies_in_two_languages(a: _Keys, b: _Keys) -> bool:
    """A Chinese record by organisations (a consensus, a guideline: 中国抗癌协会肉瘤专业委员会) and
    an English record naming no person, at the same year, volume, issue and pages (first and
    last, several pages) of journals that may be one (no ISSNs differing; the English one the
    Chinese journal, by its ISSN or a name naming China or in pinyin): the two language
    versions of one paper, whose authors, being no persons, cannot be compared in pinyin."""
    zh, en = (a, b) if a.rec.get("language") == "zh" else (b, a)
    rz, ren = zh.rec, en.rec
    if rz.get("language") != "zh" or ren.get("language") != "en" or not (_named(a) and _named(b)):
        return False
    if not (_by_bodies(rz, chinese=True) and _by_bodies(ren, chinese=False)):
        return False
    if not (rz.get("journal") and ren.get("journal")) or (
            set(rz["journal"]) & set(ren["journal"]) and not _same_journal(rz, ren)):
        return False
    issns = [re.sub(r"[^0-9x]", "", str(r.get("issn") or "").casefold()) for r in (rz, ren)]
    if all(issns) and issns[0] != issns[1]:
        return False
    if not (all(issns) or set(rz["journal"]) & set(ren["journal"]) or _journal_in_pinyin(rz, ren)
            or _names_china(ren)):
        return False  # an editorial in the Lancet at those pages is not the guideline
    last = _last_page(rz)
    return bool(rz.get("year") is not None and rz.get("year") == ren.get("year") and zh.volume == en.volume
                and zh.issue and zh.issue == en.issue and zh.first_page and zh.first_page == en.first_page
                and last and last == _last_page(ren) and last != zh.first_page)


# Words by which a journal's English name says it is Chinese: "Chinese Journal of Oncology"
# (中华肿瘤杂志), "China Oncology", "Chin J Cardiol", "Zhonghua Xin Xue Guan Bing Za Zhi".
_CHINA_WORDS = ("china", "chinese", "chin", "zhonghua", "zhongguo")


def _names_china(rec: dict) -> bool:
    """Whether a record's journal names China (in English, abbreviated, in pinyin or in Chinese:
    中华, 中国): the English name of a Chinese journal, which another journal's is not."""
    name = simplified(next(iter((rec.get("journal") or {}).values()), ""))
    return bool(re.search("中华|中国", name)) or any(
        w in _CHINA_WORDS or w.startswith(("zhonghua", "zhongguo")) for w in folded_words(name))


_JOURNAL_STOPWORDS = {"of", "the", "and", "for", "in", "on", "de", "la", "le", "der", "und", "für"}


def _journal_words(rec: dict) -> list[str]:
    name = next(iter((rec.get("journal") or {}).values()), "")
    return [w for w in folded_words(simplified(name)) if w not in _JOURNAL_STOPWORDS]


def _discussed(a: _Keys, b: _Keys) -> tuple[str, str]:
    """What the two records' titles in a language they share say each is (see
    dedup_rules.discussed): a translation words a comment as it likes (商榷 "Discussion on
    ..."), so titles in two languages say nothing of it; other rules judge that pair."""
    if not (a.discussion or b.discussion):
        return "", ""
    shared = set(a.rec.get("title") or {}) & set(b.rec.get("title") or {})
    return (discussed(a.rec, shared) or _stated_comment(a.rec)), (discussed(b.rec, shared) or _stated_comment(b.rec))


def _stated_comment(rec: dict) -> str:
    """A comment by its stated type (PubMed's PT "Comment"), whatever its title says."""
    return "comment" if any(t in _STATED_COMMENTS for t in stated_types(rec)) else ""


def _other_surnames(a: _Keys, b: _Keys) -> bool:
    """A Chinese record's authors, every one a person, none of whose surnames (in pinyin, or
    as Taiwan writes them) is a word of the other record's names in Latin letters: other
    authors.  (A word, as a database may swap a Chinese name's parts: "Jia, Song" for 宋佳.)"""
    zh, en = (a, b) if a.rec.get("language") == "zh" else (b, a)
    if zh.rec.get("language") != "zh" or en.rec.get("language") == "zh":
        return False
    surnames = set()
    for author in _authors(zh.rec):
        name = simplified(whole_name(author))
        if not (_CJK.match(name) and is_person(name)):
            return False  # an organisation, or a name in letters: nothing to tell by
        surnames.add(compared_pinyin(name)[0])
        surnames.update(reading[0] for reading in [wade_giles(name)] if reading)
    words = set()
    for author in _authors(en.rec):
        if _CJK.search(whole_name(author)):
            return False
        name = unicodedata.normalize("NFKD", f"{author.get('family') or ''} {author.get('given') or ''}").casefold()
        words.update(compared_word(w) for w in re.findall(r"[a-z]+", name))
        words.add(compared_word(re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", author.get("family") or "")
                                       .casefold())))  # Ou-Yang: ouyang
    return bool(surnames and words) and not surnames & words


def _other_latin_authors(a: _Keys, b: _Keys) -> bool:
    """Two records whose authors are all named in Latin letters (a German and an English
    record, accents aside), none of whose name words or surnames they share: other authors,
    whatever the language of their titles."""
    if not (_names_script(a.rec) == _names_script(b.rec) == "latin" and a.authors and b.authors):
        return False
    return not (a.authors & b.authors or set(a.surnames) & set(b.surnames) - {""})


def _same_year_and_place(a: _Keys, b: _Keys) -> bool:
    """The same year and first page, and the same volume or issue (neither differing): one
    paper's place, whoever its records name (Müller as Mueller, 陈家伟 in pinyin, Chen Jiawei,
    and as Hong Kong writes it, Chan Ka-Wai, share no name word)."""
    ra, rb = a.rec, b.rec
    pairs = [(a.volume, b.volume), (a.issue, b.issue)]
    return bool(ra.get("year") is not None and ra.get("year") == rb.get("year")
                and a.first_page and a.first_page == b.first_page
                and any(x and x == y for x, y in pairs) and not any(x and y and x != y for x, y in pairs))


# A name written in Chinese, Japanese or Korean characters (kanji, kana, hangul).
_NATIVE_NAME = re.compile(f"[{HAN}\u3040-\u30ff\u1100-\u11ff\uac00-\ud7af]")


def _names_in_other_scripts(a: dict, b: dict) -> bool:
    """Every author of one record named in CJK characters or hangul (山田 太郎, 金民秀) and every
    author of the other in Latin letters (Yamada, Taro): the names cannot be compared, so
    that they share no word says nothing (CiNii or KCI and PubMed's romanised names)."""
    return {_names_script(a), _names_script(b)} == {"native", "latin"}


def _names_script(rec: dict) -> str:
    """How a record's authors are all named: "native" (CJK characters, hangul), "latin"
    (Latin letters), or "" (none, or both)."""
    names = [whole_name(x) or f"{x.get('family') or ''} {x.get('given') or ''}" for x in _authors(rec)]
    if names and all(_NATIVE_NAME.search(n) for n in names):
        return "native"
    return "latin" if names and all(re.search(r"[A-Za-z]", n) and not _NATIVE_NAME.search(n) for n in names) else ""


def _same_vernacular_place(a: _Keys, b: _Keys) -> bool:
    """A title in a language other than English equal in both records (PubMed's TT, the
    original of a title it translated), and the same year, volume, issue and first page."""
    ra, rb = a.rec, b.rec
    titles = [lang for lang in set(ra.get("title") or {}) & set(rb.get("title") or {}) if lang != "en"]
    if not any(_usable(title_key(ra["title"][lang])) and title_key(ra["title"][lang]) == title_key(rb["title"][lang])
               for lang in titles):
        return False
    return _same_issue_place(a, b)


def _same_issue_place(a: _Keys, b: _Keys) -> bool:
    """The same year, volume, issue and first page."""
    ra, rb = a.rec, b.rec
    return bool(ra.get("year") is not None and ra.get("year") == rb.get("year") and a.volume and a.volume == b.volume
                and a.issue and a.issue == b.issue and a.first_page and a.first_page == b.first_page)


def _epub_and_print(a: _Keys, b: _Keys) -> bool:
    """Years one apart (the year online and the year in print) but the same title (equal
    after folding), authors (surnames in order), journal, volume, issue and first page."""
    ra, rb = a.rec, b.rec
    ya, yb = ra.get("year"), rb.get("year")
    return bool(ya is not None and yb is not None and abs(ya - yb) == 1 and set(a.titles) & set(b.titles)
                and a.surnames and all(a.surnames) and a.surnames == b.surnames
                and _journal_words(ra) and _journal_words(rb) and _same_journal(ra, rb)
                and a.volume and a.volume == b.volume and a.issue and a.issue == b.issue
                and a.first_page and a.first_page == b.first_page)


def _one_paper_in_two_languages(a: _Keys, b: _Keys) -> str:
    """What, beside the authors in pinyin and the year, says a Chinese and an English record
    are one paper: titles alike in a language both have (the Chinese record's own English
    title), the same first page or volume, or one journal (its name in
    pinyin, "Hangkong Fadong Ji" for 航空发动机); "" when nothing does."""
    if _similar_titles(a, b):
        return "titles alike"
    if a.first_page and a.first_page == b.first_page:
        return "same first page"
    ra, rb = a.rec, b.rec
    if a.volume and a.volume == b.volume:
        return "same volume"
    if _journal_in_pinyin(ra, rb) or _journal_in_pinyin(rb, ra) or (
            set(ra.get("journal") or {}) & set(rb.get("journal") or {}) and _journal_words(ra) and
            _same_journal(ra, rb)):
        return "same journal"
    return ""


def _journal_in_pinyin(zh: dict, en: dict) -> bool:
    """An English record's journal named in the pinyin of the Chinese record's ("Hangkong
    Fadong Ji", 航空发动机)."""
    name, latin = (zh.get("journal") or {}).get("zh"), (en.get("journal") or {}).get("en")
    if not (name and latin):
        return False
    return pinyin_key(name) == latin_letters(latin)


def _same_place(a: _Keys, b: _Keys) -> bool:
    """The same volume and first page of journals that may be one (and both named)."""
    return bool(a.volume and a.first_page and a.volume == b.volume and a.first_page == b.first_page
                and _journal_words(a.rec) and _journal_words(b.rec) and _same_journal(a.rec, b.rec))


def _same_journal(a: dict, b: dict) -> bool:
    """Journal names that may be one journal: one is missing, or every word of the shorter
    starts a word of the longer, in order ("Am J Kidney Dis" = "American Journal of Kidney
    Diseases"; not "Cochrane Database of Systematic Reviews")."""
    wa, wb = _journal_words(a), _journal_words(b)
    if not wa or not wb:
        return True
    return _abbreviates(wa, wb) or _abbreviates(wb, wa)


def _abbreviates(short: list[str], long_: list[str]) -> bool:
    rest = iter(long_)
    return all(any(w.startswith(s) for w in rest) for s in short)


def completeness(rec: dict) -> int:
    fields = ("title", "abstract", "authors", "keywords", "journal", "year", "volume", "issue", "pages",
              "doi", "issn", "funding", "sections")
    score = sum(1 for f in fields if rec.get(f))
    score += len(rec.get("title") or {}) + len(rec.get("abstract") or {})
    return score


def _master(members: list[str], recs: dict[str, dict], shown: set[str] = frozenset()) -> str:
    """The record a cluster shows (``members`` by file and position): a copy read back rather
    than the record it copies, and rather than the others (a librarian corrected it); else the
    master an earlier ``--apply`` showed (``shown``), when it is still in the cluster: its id
    and citation key were exported and screened, and a fuller copy an update brings only
    completes it; else the most complete, the first of equals.

    >>> recs = {i: {"title": {"en": "T"}, **extra} for i, extra in (("a", {}), ("b", {"doi": "10.1/x"}))}
    >>> _master(["a", "b"], recs), _master(["a", "b"], recs, {"a"})
    ('b', 'a')
    """
    originals = {copy_of(recs[rid]) for rid in members}
    return max(members, key=lambda rid: (rid not in originals, copy_of(recs[rid]) in members, rid in shown,
                                         completeness(recs[rid]), -members.index(rid)))


# A notice about a paper, titled as the paper with a label, by its kind: a retraction
# ("Retraction: ...", "Retracted: ...", "RETRACTED ARTICLE: ...", "Withdrawn: ...", "Statement
# of Retraction: ...", "Retraction Note: ..."), an expression of concern, a correction
# ("Erratum: ...", "Author Correction: ...", "Publisher Correction: ...", a title ending in the
# citation of the paper it corrects).  A label that may begin a paper's own title ("Withdrawn
# behaviour in ...", "Expression of concern about ...") is one only before a colon.
_NOTICES = (
    ("retraction", re.compile(r"^\W*(?:retraction|notice of retraction)\b|"
                              r"^\W*(?:retracted(?: article| paper)?|withdrawn|statement of retraction)\s*[:：]|"
                              r"[:”\"]\s*retraction (?:to|of|for|in)\b", re.I)),
    ("concern", re.compile(r"^\W*(?:editorial )?(?:expression|notice) of concern\s*(?:for\s*)?[:：]", re.I)),
    ("correction", re.compile(r"\(vol\.? ?\d+[^()]*\)\s*$|\([^()]*\(\d{4}\)[^()]*(?:\([^()]*\)[^()]*)?\)\s*$|"
                              r"^\s*(?:erratum|errata|correction|corrigendum|corrigenda|addendum)\b|"
                              r"^\W*(?:authors?['’]?|publisher['’]?s?)\s+(?:correction|erratum)\s*[:：]|"
                              r"[-–—:]\s*(?:an )?addendum\W*$|"
                              r"[:”\"]\s*(?:correction|erratum|corrigendum|addendum) (?:to|of|for|in)\b|"
                              r"^关于.*一文的(?:更正|勘误)|^(?:更正|勘误)", re.I)),
)


# A notice or a comment by the type its database states (PubMed's PT, Web of Science's DT, a
# RIS JOUR's M3: extra.publication_type, extra.document_type; a CSV's "Document Type", Scopus's
# "Erratum": extra.source_type, where a format's own kinds of item, JOUR or article, match none),
# titled as its paper with no label: PubMed's "Published Erratum" carries the paper's title.
# "Retracted Publication" is the paper itself, retracted.
_STATED_NOTICES = {"published erratum": "correction", "erratum": "correction", "correction": "correction",
                   "correction, addition": "correction", "corrigendum": "correction",
                   "retraction of publication": "retraction", "retraction": "retraction",
                   "expression of concern": "concern"}
_STATED_COMMENTS = {"comment"}
_STATED_EDITORIAL = {"editorial material", "editorial"}


def stated_types(rec: dict) -> list[str]:
    """The types a record's database states, case folded, one a value ("Article; Early Access"
    is two)."""
    extra = rec.get("extra") or {}
    values = []
    for key in ("publication_type", "document_type", "source_type"):
        value = extra.get(key)
        for item in [value] if isinstance(value, str) else value if isinstance(value, list) else []:
            values += [v.strip().casefold() for v in str(item).split(";") if v.strip()]
    return values


def notice_of(rec: dict) -> str:
    """What notice about a paper a record is by its titles, else by its stated type:
    "retraction", "concern", "correction", or "" (a work of its own).

    >>> [notice_of({"title": {"en": f"{label} Serum ferritin in sepsis"}}) for label in ("Retracted:", "RETRACTED:",
    ...  "Withdrawn:", "Statement of Retraction:", "Expression of Concern:", "Author Correction:", "Corrigendum:",
    ...  "Withdrawn behaviour and", "Expression of concern about")]
    ['retraction', 'retraction', 'retraction', 'retraction', 'concern', 'correction', 'correction', '', '']
    >>> [notice_of({"title": {"en": "Serum ferritin in sepsis"}, "extra": {key: types}}) for key, types in (
    ...  ("publication_type", ["Published Erratum"]), ("publication_type", ["Retraction of Publication"]),
    ...  ("publication_type", ["Journal Article", "Retracted Publication"]), ("document_type", ["Correction"]),
    ...  ("document_type", "Retraction; Early Access"), ("document_type", ["Expression of Concern"]))]
    ['correction', 'retraction', '', 'correction', 'retraction', 'concern']
    """
    titles = [t for t in (rec.get("title") or {}).values() if t]
    by_title = next((kind for kind, pattern in _NOTICES if any(pattern.search(t) for t in titles)), "")
    return by_title or next((_STATED_NOTICES[t] for t in stated_types(rec) if t in _STATED_NOTICES), "")


def _online_first(a: _Keys, b: _Keys) -> bool:
    """One record online first (no volume, issue or pages yet), the other printed in the
    same journal (a year later or earlier) by overlapping authors, with a title long enough
    not to recur: one paper."""
    def ahead(r: dict) -> bool:
        return not (r.get("volume") or r.get("issue") or r.get("pages"))
    ra, rb = a.rec, b.rec
    if ahead(ra) == ahead(rb) or not (a.authors & b.authors) or _type_family(ra) != "other":
        return False
    ja, jb = _journal_words(ra), _journal_words(rb)
    return bool(ja and ja == jb) and min(map(len, a.usable + b.usable), default=0) >= 40


def _type_family(rec: dict) -> str:
    t = rec.get("type") or ""
    # A paper in proceedings is a conference paper to one database and a book chapter
    # (LNCS, CCIS) to another; an abstract a journal prints for a meeting is a conference item too.
    # A thesis is never the paper its author made of it, however alike title, author and year.
    return "conference" if t in _PROCEEDINGS or _meeting_abstract(rec) else "thesis" if t == "thesis" else "other"


_PROCEEDINGS = ("paper-conference", "chapter")
# A meeting's abstract in a journal: an issue that is a supplement (JCO's "15_suppl", "Suppl. 1"),
# or a type that says so (Embase's RIS "M3  - Conference Abstract", "Meeting Abstract": its JOUR's
# publication type).
_SUPPLEMENT = re.compile(r"suppl", re.I)
_ABSTRACT_TYPE = re.compile(r"\b(?:conference|meeting) abstract", re.I)


def _meeting_abstract(rec: dict) -> bool:
    """A conference abstract printed in a journal (typed a journal article): never the paper
    that reports the study in full, whatever its title, authors and year."""
    extra = rec.get("extra") or {}
    return bool(_SUPPLEMENT.search(str(rec.get("issue") or ""))) or any(
        _ABSTRACT_TYPE.search(str(extra.get(k) or "")) for k in ("medium", "document_type", "publication_type"))


def _unplaced_in_volume(a: _Keys, b: _Keys) -> bool:
    """A conference item and a record in the same volume of a journal that may be one, the
    record giving no issue or pages: nothing tells it is the paper rather than the abstract as
    another database lists it (Scopus lists a supplement's abstract at its volume alone), so
    the pair is not kept apart as a conference item and another type: a librarian decides."""
    other = b.rec if _type_family(a.rec) == "conference" else a.rec
    return bool(a.volume and a.volume == b.volume and not (other.get("issue") or other.get("pages"))
                and _journal_words(a.rec) and _journal_words(b.rec) and _same_journal(a.rec, b.rec))


# A first page that can be compared: a number, or a supplement's ("S12").
_PAGE = re.compile(r"\d+|S\d+", re.I)


def _printed_elsewhere(a: _Keys, b: _Keys) -> str:
    """How two records of one title say they were printed elsewhere (another issue, first
    page or journal, where both say): "" when they agree.  The same title, year and authors
    there is a paper and its reprint or erratum, or one database's error: a librarian
    decides.  A page that is no page ("t", "Suppl") says nothing."""
    ra, rb = a.rec, b.rec
    if a.issue and b.issue and a.issue != b.issue and not volume_as_issue(ra, rb):
        return f"issue differs ({ra.get('issue')} vs {rb.get('issue')})"
    pa, pb = a.first_page, b.first_page
    if pa != pb and _PAGE.fullmatch(pa) and _PAGE.fullmatch(pb) and pa[0].isdigit() == pb[0].isdigit():
        return f"first page differs ({ra.get('pages')} vs {rb.get('pages')})"
    if ra.get("type") not in _PROCEEDINGS and rb.get("type") not in _PROCEEDINGS and not _same_journal(ra, rb) and not (
            a.volume and a.volume == b.volume or pa and pa == pb):
        # (a journal named two ways is common: one volume or first page tells it is one)
        return "journals differ ({} vs {})".format(*(next(iter(r["journal"].values())) for r in (ra, rb)))
    return ""


# A preprint server's DOI (medRxiv and bioRxiv's dated ones, arXiv's, Research Square's, SSRN's,
# Preprints.org's, ChemRxiv's, OSF's): the preprint of a paper a journal then published under its
# own DOI.  (10.1101 is Cold Spring Harbor's journals' too: only its dated or bare numbers.)
_PREPRINT_DOI = re.compile(r"10\.1101/(?:\d{4}\.\d{2}\.\d{2}\.)?\d+(?:v\d+)?|10\.48550/|10\.21203/|10\.2139/|"
                           r"10\.20944/|10\.26434/|10\.31219/", re.I)
PREPRINT_REASON = "a preprint and its published version (other DOIs, the same title and authors)"


def is_preprint_doi(doi: str | None) -> bool:
    """Whether a DOI is a preprint server's.

    >>> [is_preprint_doi(d) for d in ("10.1101/2022.01.10.22268999", "10.21203/rs.3.rs-123/v1", "10.1101/gr.123.1",
    ...                               "10.1001/jama.2022.1")]
    [True, True, False, False]
    """
    return bool(doi and _PREPRINT_DOI.match(doi.strip()))


def _preprint_and_paper(a: _Keys, b: _Keys) -> bool:
    """A preprint (its server's DOI) and a paper under a journal's DOI with the same title (equal
    after folding, or a typo apart) by overlapping authors (a surname will do: "Xu S." and "Xu,
    Shabei"), neither a notice nor a comment: the
    published version, or another paper of that title; never certain (a librarian decides)."""
    if is_preprint_doi(a.rec.get("doi")) == is_preprint_doi(b.rec.get("doi")):
        return False
    return bool(a.usable and b.usable and any(_near_keys(x, y) for x in a.usable for y in b.usable)
                and (a.authors & b.authors or set(a.surnames) & set(b.surnames) - {""}) and a.notice == b.notice and not (a.discussion or b.discussion))


# Types of a whole and of its parts: never one work.
_WHOLE_AND_PART = ({"book", "chapter"}, {"book", "paper-conference"})


def compare(a: dict, b: dict, via: str) -> tuple[bool, list[str], str]:
    """Whether two records that met in a block are the same work: (linked, reasons, tier)."""
    return _compare(_Keys(a), _Keys(b), via)


def _compare(ka: _Keys, kb: _Keys, via: str) -> tuple[bool, list[str], str]:
    a, b = ka.rec, kb.rec
    if via == "copy":
        # Read back from this tool's records: the record it names, as a librarian left it.
        if ka.copy_of != b["id"] and kb.copy_of != a["id"]:
            return False, ["two copies of one record (each links to it)"], ""
        copy, original = (a, b) if ka.copy_of == b["id"] else (b, a)
        return True, [_copy_reason(copy, original)], "certain"
    if {a.get("type"), b.get("type")} in _WHOLE_AND_PART:
        # A book and a chapter of it (often one DOI for both, or the book's title in the chapter's)
        return False, ["a book and a chapter or paper in it"], ""
    if a.get("doi") and b.get("doi"):
        if a["doi"].lower() == b["doi"].lower():
            if ka.notice != kb.notice:
                # A notice often carries the DOI of the paper it corrects or retracts (a database
                # copying it): at another issue or first page it is the notice, never the paper; at
                # one place, or where a record does not say, a librarian decides.
                kind = (f"a {ka.notice or kb.notice} notice and its paper" if not (ka.notice and kb.notice) else
                        f"notices of other kinds ({ka.notice} and {kb.notice})")
                elsewhere = _printed_elsewhere(ka, kb)
                if elsewhere:
                    return False, [f"{kind}, with one DOI; {elsewhere}"], ""
                return True, [f"same DOI, but {kind}"], "needs review"
            if _titles_differ(ka, kb):
                if ka.first_page and kb.first_page and ka.first_page != kb.first_page:
                    # other titles on other pages: two chapters given their book's DOI, or a
                    # DOI copied onto another paper
                    return False, ["same DOI, but titles and pages differ"], ""
                # A DOI mistyped, or one DOI given to a whole book or issue: a librarian decides.
                return True, ["same DOI, but the titles differ"], "needs review"
            return True, ["same DOI"], "certain"
        if _preprint_and_paper(ka, kb):
            return True, [PREPRINT_REASON], "needs review"
        return False, ["different DOIs"], ""
    if ka.pmid and kb.pmid:
        if ka.pmid != kb.pmid:
            # PubMed gives each work its own PMID: a notice, a comment, the paper, each its own
            return False, ["different PMIDs"], ""
        if not (a.get("doi") and b.get("doi")):
            # (one PubMed entry exported from two databases: as a DOI, whatever its title)
            return (True, ["same PMID, but the titles differ"], "needs review") if _titles_differ(ka, kb) else (
                True, ["same PMID"], "certain")
    ya, yb = a.get("year"), b.get("year")
    if ya is not None and yb is not None and ya != yb:
        # One year apart is online-first vs print only when the issue details agree; a
        # yearly "Introduction to the minitrack" is another work each year.  A volume has
        # one year: in the same volume, years further apart are a wrong year.
        same_place = any(a.get(f) and a.get(f) == b.get(f) for f in ("volume", "pages"))
        same_volume = ka.volume and ka.volume == kb.volume and ka.volume not in (str(ya), str(yb))
        if not same_volume and (abs(ya - yb) > 1 or not (same_place or _online_first(ka, kb))):
            return False, [f"years differ ({ya} vs {yb})"], ""
    families = {_type_family(a), _type_family(b)}
    unplaced = families == {"conference", "other"} and _unplaced_in_volume(ka, kb)
    if len(families) > 1 and not _same_place(ka, kb) and not unplaced:
        # (a paper of proceedings a journal prints, "Journal of Physics: Conference Series", is
        # a conference paper to Scopus and a journal article to others: at the same volume and
        # first page of one journal it is the same paper)
        return False, ["a thesis and another type" if "thesis" in families else "a conference paper and another type"], ""
    if ka.notice != kb.notice:
        # A notice is titled as its paper, with a label ("Retracted: ...", "Author Correction: ..."):
        # never the paper, nor a notice of another kind.
        return False, [f"a {ka.notice or kb.notice} notice and its paper" if not (ka.notice and kb.notice) else
                       f"notices of other kinds ({ka.notice} and {kb.notice})"], ""
    da, db = _discussed(ka, kb)
    if da != db and "letters" not in (da, db) and not _same_place(ka, kb):
        # A comment or reply is often titled as the paper it discusses ("... Authors' reply",
        # Ovid's "... [Comment]"): another work, unless at the same volume and first page (the
        # same letter, labelled by one database only).  Embase's "(multiple letters)" holds a
        # letter and its replies.
        return False, ["a comment and the reply to it" if da and db else
                       "a comment or reply and the paper it discusses"], ""
    if via in ("title", "part") and not set(ka.titles) & set(kb.titles):
        # Titles alike but not equal: the journals must agree for journal articles (a
        # conference abstract printed in one journal and the paper in another) ...
        if a.get("type") not in _PROCEEDINGS and not _same_journal(a, b):
            return False, ["titles alike but not equal, in other journals"], ""
        # ... and must differ by more than a part number.
        if any(_series_parts(ta, tb) for ta in _all_pieces(a) for tb in _all_pieces(b)):
            return False, ["parts of a series (titles differ only by the part number)"], ""
    # A short title recurs (columns, "Editor's Comments"), and so does an editorial piece's
    # ("Special Issue on ...": the introduction to each part of a special issue).
    # So does a notice's: another correction of the paper is another notice.
    short = min(map(len, ka.titles + kb.titles), default=0) < 40 or bool(ka.notice) or any(
        is_editorial(t) for r in (a, b) for t in (r.get("title") or {}).values()) or any(
        t in _STATED_EDITORIAL for r in (a, b) for t in stated_types(r))
    if via != "translated" and ka.volume and kb.volume and ka.volume != kb.volume and not (
            {ka.volume, kb.volume} & {str(ya), str(yb)}):
        # The same title in another volume is another publication: a conference abstract
        # in a supplement, a reprint (a volume that is the year says nothing).
        return False, [f"volume differs ({a.get('volume')} vs {b.get('volume')})"], ""
    if via != "translated" and short:
        # A short title recurs (columns, "Editor's Comments"): another issue is another work.
        for f in ("volume", "issue") if not volume_as_issue(a, b) else ("volume",):
            va, vb = str(a.get(f) or "").lstrip("0"), str(b.get(f) or "").lstrip("0")
            if va and vb and va != vb:
                return False, [f"{f} differs ({a.get(f)} vs {b.get(f)})"], ""
        if ka.first_page and kb.first_page and ka.first_page != kb.first_page:
            return False, [f"pages differ ({a.get('pages')} vs {b.get('pages')})"], ""
    if a.get("language") != b.get("language") and _other_latin_authors(ka, kb) and not (
            has_group_author(a) or has_group_author(b) or _same_year_and_place(ka, kb)):
        # Names in Latin letters compare whatever the titles' language: a German paper whose
        # title, translated, is (or is alike) an English paper's by others elsewhere is not
        # that paper.  At its place (year, volume or issue, first page) it is, transliterated
        # (Müller as Mueller) or romanised otherwise (Chen Jiawei, Chan Ka-Wai): for review.
        return False, ["same title, translated, by other authors"], ""
    reasons = []
    if via == "pinyin":
        if _same_in_pinyin(ka.pinyin, kb.pinyin):
            how = "pinyin of the authors matches"
        elif any(_same_in_pinyin(pa, pb) for pa in ka.readings for pb in kb.readings):
            how = "the authors match as Taiwan writes them (Wade-Giles)"
        else:
            return False, ["authors' pinyin differs"], ""
        if ya is None or ya != yb:
            return False, ["years differ"], ""
        for f in ("volume", "issue"):
            if a.get(f) and b.get(f) and str(a[f]).lstrip("0") != str(b[f]).lstrip("0"):
                return False, [f"{f} differs"], ""
        # (first pages: CNKI's pages go on elsewhere, "241-245+288", where the other's end)
        if ka.first_page and kb.first_page and ka.first_page != kb.first_page:
            return False, ["first page differs"], ""
        evidence = _one_paper_in_two_languages(ka, kb)
        if not evidence:
            # 王伟 and Wang Wei publish every year: their names and the year say nothing more
            return False, ["nothing but the authors' pinyin and the year agree"], ""
        return True, [f"Chinese and English versions: {how}", "same year", evidence], "needs review"
    if via == "translated":
        if _other_surnames(ka, kb):
            # one title translated alike ("Application of artificial intelligence in medical
            # imaging") by other authors: another paper
            return False, ["authors differ in pinyin"], ""
        other = next((r.get("language") for r in (a, b) if r.get("language") != "en"), None)
        reasons.append("English title equals the translated title of the Chinese record" if other == "zh" else
                       f"title equals the translated title of the record in another language ({other})")
    elif via == "place":
        apart = ("titles equal" if set(ka.titles) & set(kb.titles) else  # short: alone it would not do
                 "titles in other languages" if a.get("language") != b.get("language") else "titles differ")
        reasons.append(f"same volume, issue and first page by the same authors ({apart})")
    elif via == "bodies":
        reasons.append("Chinese and English versions by organisations (no person to compare in pinyin): same "
                       "volume, issue and pages")
    elif via == "part":
        reasons.append("one title is the other's main title or subtitle alone")
    elif via == "title" and not set(ka.titles) & set(kb.titles):
        reasons.append("titles alike (a typo or a cut-off subtitle)")
    else:
        reasons.append("titles equal after folding width, case and punctuation")
    aa, ab = ka.authors, kb.authors
    scripts = False
    same_lang = (a.get("language") == b.get("language"))
    if aa and ab and same_lang:
        if aa & ab:
            reasons.append("authors overlap")
        elif ka.volume and ka.volume == kb.volume and ka.first_page and ka.first_page == kb.first_page and (
                has_group_author(a) or has_group_author(b)):
            # One database names the study group, the other the writing author: the same
            # title at the same volume and first page is one paper.
            reasons.append("same volume and first page (a group author named otherwise)")
        elif scripts := _names_in_other_scripts(a, b) and _same_vernacular_place(ka, kb):
            # 山田太郎 and Yamada Taro: names in two scripts are unknown, not other authors
            reasons.append("authors named in other scripts; original title, volume, issue and first page agree")
        else:
            return False, ["same title by other authors"], ""
    if ya is not None and ya == yb:
        reasons.append("same year")
    certain = via == "title" and "authors overlap" in reasons and "same year" in reasons
    if via == "title" and "authors overlap" in reasons and _epub_and_print(ka, kb):
        reasons.append("years one apart at the same volume, issue and first page (online and in print)")
        certain = True
    if scripts:  # (the DOIs, where both have one, are equal: see above)
        pa, pb = pmid(a), pmid(b)
        certain = not (pa and pb and pa != pb)
    if unplaced and not _same_place(ka, kb):
        # the conference item as another database lists it, or the paper in the same volume
        reasons.append("a conference item and a record of its volume with no issue or pages")
        certain = False
    if certain and ka.notice and not all(r.get("volume") or r.get("pages") for r in (a, b)):
        # one paper may have two notices titled alike (two corrections): ahead of print, with
        # no volume or pages, nothing tells it is the same one
        reasons.append("a notice without its volume or pages")
        certain = False
    elsewhere = _printed_elsewhere(ka, kb) if certain else ""
    if elsewhere:  # a reprint, an erratum reprinting the paper, or a database's error
        reasons.append(elsewhere)
        certain = False
    if certain and not set(ka.titles) & set(kb.titles):
        swapped = _swapped_words(a, b)
        if swapped:  # "… in Adult Patients" and "… in Pediatric Patients": two trials
            reasons.append(f"titles differ by a word ({swapped})")
            certain = False
        elif da:
            # "Comment on: X" and "X [Comment]": alike as they discuss one paper, maybe two letters
            reasons.append("comments or replies on one paper, titled otherwise")
            certain = False
    return True, reasons, "certain" if certain else "needs review"


# The fields a librarian corrects in a record read back (not its source, repairs or extra).
_BIBLIOGRAPHIC = ("type", "language", "title", "abstract", "sections", "authors", "keywords", "journal", "year",
                  "volume", "issue", "pages", "doi", "issn", "url", "funding")


def _copy_reason(copy: dict, original: dict) -> str:
    """Why a record read back links to the record it copies: a corrected copy when a field
    differs."""
    corrected = any((copy.get(f) or None) != (original.get(f) or None) for f in _BIBLIOGRAPHIC)
    return f"{'a corrected copy' if corrected else 'a copy'} of {original['id']} (read back from its JSON lines)"


def _doi(recs: dict[str, dict], rid: str) -> dict[tuple[str, str], str]:
    """A record's DOI as blocking reads it (case folded) and its PMID, each with the record's id;
    {} without either."""
    doi, pubmed = (recs[rid].get("doi") or "").strip().lower(), pmid(recs[rid])
    return {**({("doi", doi): rid} if doi else {}), **({("pmid", pubmed): rid} if pubmed else {})}


def _other_ids(dx: dict[tuple[str, str], str], dy: dict[tuple[str, str], str]) -> str:
    """Which identifier two clusters hold another of: "pmid", "doi", or ""."""
    for kind in ("pmid", "doi"):
        vx, vy = {v for k, v in dx if k == kind}, {v for k, v in dy if k == kind}
        if vx and vy and vx != vy:
            return kind
    return ""


def _preprint_joins(dx: dict[tuple[str, str], str], dy: dict[tuple[str, str], str]) -> bool:
    """Whether two clusters' DOIs differ only as a preprint's and a journal's do: no two preprint
    DOIs, nor two journal DOIs, nor two PMIDs, between them."""
    def split(d: dict[tuple[str, str], str]) -> tuple[set[str], set[str], set[str]]:
        dois = {v for k, v in d if k == "doi"}
        return {v for v in dois if is_preprint_doi(v)}, {v for v in dois if not is_preprint_doi(v)}, {
            v for k, v in d if k == "pmid"}
    return all(not (vx and vy and vx != vy) for vx, vy in zip(split(dx), split(dy)))


def _one_group(members: list[str], pair_links: list[dict]) -> bool:
    """Whether a cluster's certain links join all its records: one work whatever a link for
    review inside it says (a and b by DOI, b and c by title, a and c titled a word apart),
    so no question for a reviewer, whose "not duplicates" would part records that are one."""
    union = _Union()
    for link in pair_links:
        if link["confidence"] == "certain":
            union.union(*link["pair"])
    return len({union.find(rid) for rid in members}) == 1


class _Union:
    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


MAX_BLOCK = 50  # a block this big is a generic title or a common name, not one work
# How a pair that met in a block is compared (a pair is compared once per way).
_DIRECT, _NEAR, _PLACE, _PINYIN, _COPY = 0, 1, 2, 3, 4
_WAY = {"doi": _DIRECT, "pmid": _DIRECT, "title": _DIRECT, "place": _PLACE, "prefix": _NEAR, "author": _NEAR, "pinyin": _PINYIN,
        "copy": _COPY}


def _blocks(recs: dict[str, dict], keys: dict[str, _Keys]) -> dict[tuple[str, str], list[str]]:
    """Record ids by blocking key; every key of one kind before the next kind's."""
    blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
    # A record read back from this tool's JSON lines meets the record it copies, whatever its
    # title or year now say (corrected by hand).
    for rid in recs:
        original = keys[rid].copy_of
        if original in recs:
            block = blocks[("copy", original)]
            block += [rid] if block else [original, rid]
    for rid, r in recs.items():
        if r.get("doi"):
            blocks[("doi", r["doi"].lower())].append(rid)
        if keys[rid].pmid:
            blocks[("pmid", keys[rid].pmid)].append(rid)
        for k in keys[rid].usable:
            blocks[("title", k)].append(rid)
    # The same place in the same journal: year, volume and first page, or year, issue and
    # first page in a journal without volumes (most Chinese journals); titles then compared.
    for rid, r in recs.items():
        first_page = keys[rid].first_page
        if r.get("year") and r.get("volume") and first_page:
            blocks[("place", f"{r['year']}:{str(r['volume']).lstrip('0')}:{first_page}")].append(rid)
        elif r.get("year") and first_page and _number(r.get("issue")):
            blocks[("place", f"{r['year']}:no volume:{_number(r['issue'])}:{first_page}")].append(rid)
    # Near-equal titles (typos, a subtitle cut off): the same title start, or the same
    # first author and year; titles are then compared for similarity.
    for rid, r in recs.items():
        for k in keys[rid].usable + keys[rid].parts:
            if len(k) >= 20:
                blocks[("prefix", k[:20])].append(rid)
        if r.get("year"):
            for word in _first_author_words(r):
                blocks[("author", f"{r['year']}:{word}")].append(rid)
    # Chinese and English versions without a translated title: year and first author in pinyin.
    for rid, r in recs.items():
        if r.get("year") and r.get("language") in ("zh", "en") and _authors(r):
            first = keys[rid].first_pinyin()
            if first:
                blocks[("pinyin", f"{r['year']}:{first}")].append(rid)
            taiwan = keys[rid].taiwan
            if taiwan and taiwan[0] != first:
                blocks[("pinyin", f"{r['year']}:{taiwan[0]}")].append(rid)
    _split_oversized(blocks, keys)
    return blocks


def _oversized(kind: str, ids: list[str], keys: dict[str, _Keys]) -> bool:
    """A block with more pairs to compare than one of MAX_BLOCK records: a pinyin block
    compares only its Chinese × English pairs."""
    if kind != "pinyin":
        return len(ids) > MAX_BLOCK
    zh = sum(keys[rid].rec.get("language") == "zh" for rid in set(ids))
    return zh * (len(set(ids)) - zh) > MAX_BLOCK * (MAX_BLOCK - 1) // 2


def _split_oversized(blocks: dict[tuple[str, str], list[str]], keys: dict[str, _Keys]) -> None:
    """Blocks too big to compare in full are split, not dropped: a common title start
    ("Information technology ...") by ten more characters at a time, a common name in a year
    by the first author's first initial, a common name in pinyin (王伟 and Wang Wei, one year)
    by each other author (the versions of one paper share two authors when both name two:
    each pair that could link meets in a part), a DOI or PMID on many records (one given to
    a whole book) by title and by first page.  (Other big blocks are generic titles and stay
    skipped, counted.)"""
    todo = [b for b, ids in blocks.items()
            if b[0] in ("prefix", "author", "pinyin", "doi", "pmid") and _oversized(b[0], ids, keys)]
    while todo:
        kind, key = todo.pop()
        ids = blocks.pop((kind, key))
        added = set()
        if kind == "pinyin":
            for sub, part in _by_other_author(key.split(":", 1)[1], ids, keys).items():
                blocks[(kind, f"{key}:{sub}")] = part
            continue
        for rid in ids:
            if kind == "prefix":
                subkeys = {k[:len(key) + 10] for k in keys[rid].usable + keys[rid].parts
                           if k.startswith(key) and len(k) >= len(key) + 10}
            elif kind == "author":
                first = _authors(keys[rid].rec)[0]
                subkeys = {f"{key}:{_name_key(first.get('given') or '')[:1]}"}
            else:
                subkeys = {f"{key}:title:{k}" for k in keys[rid].usable} | (
                    {f"{key}:page:{keys[rid].first_page}"} if keys[rid].first_page else set())
            for sub in subkeys:
                blocks[(kind, sub)].append(rid)
                added.add((kind, sub))
        todo += [b for b in added if kind == "prefix" and len(blocks[b]) > MAX_BLOCK]


def _by_other_author(first: str, ids: list[str], keys: dict[str, _Keys]) -> dict[str, list[str]]:
    """A pinyin block's records (first author ``first``) by each of their other authors in
    pinyin; a record naming no other author (which links with any record of its first author)
    is in every part, and in one of its own."""
    parts: dict[str, list[str]] = defaultdict(list)
    alone = []
    for rid in dict.fromkeys(ids):
        others = {name for reading in keys[rid].readings if reading and reading[0] == first
                  for name in reading[1:] if name != first}
        for name in others:
            parts[name].append(rid)
        if not others:
            alone.append(rid)
    for part in parts.values():
        part += alone
    if len(alone) > 1:
        parts[""] = alone
    return parts


def _candidate_pairs(kind: str, ids: list[str], recs: dict[str, dict]):
    """The pairs of one block, each as (smaller id, larger id)."""
    ids = sorted(set(ids))
    if kind != "pinyin":
        return ((x, y) for i, x in enumerate(ids) for y in ids[i + 1:])
    # Same-language copies meet by title, not by author: only Chinese × English pairs.
    zh = [x for x in ids if recs[x].get("language") == "zh"]
    en = [x for x in ids if recs[x].get("language") == "en"]
    return (tuple(sorted(p)) for p in ((x, y) for x in zh for y in en))


def find_clusters(records: Iterable[dict], decisions: Iterable[dict] | None = None,
                  stats: dict | None = None, shown: Iterable[str] = ()) -> list[dict]:
    """Clusters (two or more records) of the same work, each with master, tier and reasons;
    ``decisions`` are a reviewer's (see :func:`group_links`); ``shown``, the masters the last
    ``--apply`` showed (see :func:`_master`).  ``stats``, when given, is
    filled with counts: blocks, oversized blocks skipped (and ``skipped_by`` kind of block),
    candidate pairs, pairs compared."""
    recs = {r["id"]: r for r in records}
    keys = {rid: _Keys(r) for rid, r in recs.items()}
    blocks = _blocks(recs, keys)
    links: dict[tuple[str, str], tuple[list[str], str]] = {}
    seen: set[tuple[str, str, int]] = set()
    skipped = compared = 0
    skipped_by: dict[str, int] = defaultdict(int)
    for (kind, _key), ids in blocks.items():
        if len(ids) < 2:
            continue
        if _oversized(kind, ids, keys):
            skipped += 1
            skipped_by[kind] += 1
            continue
        way = _WAY[kind]
        for x, y in _candidate_pairs(kind, ids, recs):
            if (x, y) in links or (x, y, way) in seen:
                continue  # met before in a block compared the same way
            seen.add((x, y, way))
            a, b = keys[x], keys[y]
            if way in (_NEAR, _PLACE):
                via = _similar_titles(a, b) or ("" if way != _PLACE else "place" if _same_issue_and_authors(a, b) else
                                                "bodies" if _bodies_in_two_languages(a, b) else "")
                if not via:
                    continue
            elif way == _PINYIN:
                via = "pinyin"
            elif way == _COPY:
                via = "copy"
            else:
                via = kind if kind in ("doi", "pmid") else (
                    "translated" if a.rec.get("language") != b.rec.get("language") else "title")
            compared += 1
            ok, reasons, tier = _compare(a, b, via)
            if ok:
                links[(x, y)] = (reasons, tier)
    if stats is not None:
        stats.update(blocks=sum(len(ids) > 1 for ids in blocks.values()), skipped=skipped, skipped_by=dict(skipped_by),
                     pairs=len(seen), compared=compared, links=len(links))
    return group_links(recs, links, decisions, shown)


def decision_fingerprint(rec: dict) -> dict[str, None]:
    """The fingerprints of a record's titles (their folded keys, hashed short), one of which a
    reviewer's decision stores for each record: the record at a position of a file is another
    when none matches (a record added above it in the file, ingested again).  A title in
    another language added since (by --apply) does not change it; nor does the reading of Greek
    letters by their names (a title with one also has the fingerprint stored before it)."""
    titles = [*(rec.get("title") or {}).values()] or [""]
    keys = [title_key(t) for t in titles] + [title_key(t, greek=False) for t in titles if _GREEK.search(t)]
    return {hashlib.sha1(k.encode()).hexdigest()[:12]: None for k in keys}


def stored_fingerprint(rec: dict) -> str:
    """The one fingerprint a decision (or the masters an ``--apply`` showed) stores for a record:
    its first title's (see :func:`decision_fingerprint`)."""
    return next(iter(decision_fingerprint(rec)))


def same_record(rec: dict, fp: str | None) -> bool:
    """Whether ``rec`` is still the record a stored fingerprint ``fp`` was taken from (one of its
    titles' fingerprints is it; a title added since or Greek letters read by their names do not
    change that)."""
    return fp in decision_fingerprint(rec)


def _stale(d: dict, recs: dict[str, dict]) -> set[str] | None:
    """For a decision stored with its records' fingerprints that names a record that is now
    another (its title fingerprint no longer matches), the ids of its records that are still
    the ones decided on (whose cluster it was about); None for a decision that applies (one
    stored without fingerprints, from an older file, applies as it is)."""
    titles = d.get("titles")
    if not isinstance(titles, dict):
        return None
    same = {rid for rid in d["ids"] if rid in recs and rid in titles}
    same = {rid for rid in same if same_record(recs[rid], titles[rid])}
    changed = any(rid in recs and rid in titles and rid not in same for rid in d["ids"])
    return same if changed else None


# How far past its file's last record a decision's id gone from the index is looked for (the
# file lost records above its record, ingested again): PubMed exports up to 10,000 records.
GONE_PROBE = 10_000


class _PastEnds:
    """The ids of the places after the last record of each file now (:data:`GONE_PROBE` of them),
    for one run: where a record of that file was before it lost records above it; none for a
    file whose ids do not come out of its path from here (ingested by a path relative to another
    folder, an archive's member): its places cannot be told.  Each file's last record is found
    in one pass over the records, and its places' ids are made as they are asked for, no further
    than the id asked for: a decision whose file is gone asks every file of its title each run."""

    def __init__(self, recs: dict[str, dict]):
        self.recs = recs
        self.last: dict[str, tuple[int, str]] | None = None   # a file → its last place and that record's id
        self.ids: dict[str, tuple[dict[str, None], Iterator[str]]] = {}   # a file → its places' ids made, and the rest

    def holds(self, path: str, rid: str) -> bool:
        """Whether ``rid`` is the id of a place past the last record of ``path``."""
        from indexer.record import ordinal_id, ordinal_ids

        if self.last is None:
            self.last = {}
            for x, r in self.recs.items():
                p, n = r["source"]["path"], r["source"]["record"]
                if p not in self.last or n > self.last[p][0]:
                    self.last[p] = (n, x)
        if path not in self.ids:
            last, rid_last = self.last[path]
            self.ids[path] = ({}, ordinal_ids(path, last + 1, last + 1 + GONE_PROBE)
                              if ordinal_id(path, last) == rid_last else iter(()))
        made, rest = self.ids[path]
        if rid in made:
            return True
        for x in rest:
            made[x] = None
            if x == rid:
                return True
        return False


def _followed(d: dict, recs: dict[str, dict], by_print: dict[str, list[str]],
              ends: _PastEnds | None = None) -> dict[str, str]:
    """For a decision stored with fingerprints, its records no longer at their ids (another title
    there, or no record: the file lost records above them) found by their fingerprint in their
    own file, one record there each (a file that gained or lost a record above them, ingested
    again): old id → the id now; {} when a record whose id now holds another paper is not found
    so (the decision is then stale, :func:`_stale`).  Only its own file: a record of that title in
    another file is another record (a copy the reviewer did not see, or another paper of one
    title), and a reviewer's decision is about the records shown.  An id no record has now is
    told to be a place of a file past its last record (:class:`_PastEnds`, ``ends``, one a run);
    one not found so is left out, as before."""
    titles = d.get("titles")
    if not isinstance(titles, dict):
        return {}
    ends = _PastEnds(recs) if ends is None else ends
    same = {rid for rid in d["ids"] if rid in recs and same_record(recs[rid], titles.get(rid))}
    moved: dict[str, str] = {}
    for rid in d["ids"]:
        if rid in same or rid not in titles:
            continue
        candidates = [x for x in by_print.get(titles[rid], ()) if x not in same and x not in moved.values()]
        if rid in recs:
            path = recs[rid]["source"]["path"]   # the id's file: an id is a place in a file (record.ordinal_id)
        else:   # gone: a place past the end of the file that now holds its title
            path = next((p for p in dict.fromkeys(recs[x]["source"]["path"] for x in candidates)
                         if ends.holds(p, rid)), None)
        found = [x for x in candidates if recs[x]["source"]["path"] == path]
        if len(found) != 1:
            if rid not in recs:
                continue
            return {}
        moved[rid] = found[0]
    return moved


def follow_decisions(recs: dict[str, dict], decisions: Iterable[dict] | None) -> list[tuple[dict, dict[str, str]]]:
    """Each decision as it applies to the records now, with the ids it moved (old id → id now):
    one whose records are no longer at their ids (their file gained or lost records above them,
    ingested again) names them at the ids where :func:`_followed` finds them, its ids sorted
    and its fingerprints keyed so; any other as it is, moving none."""
    by_print: dict[str, list[str]] | None = None   # a title fingerprint → the records that have it
    ends = _PastEnds(recs)   # the places past each file's last record
    out = []
    for d in decisions or ():
        moved: dict[str, str] = {}
        if isinstance(d.get("titles"), dict) and any(
                rid not in recs or not same_record(recs[rid], d["titles"].get(rid))
                for rid in d["ids"] if rid in d["titles"]):
            if by_print is None:
                by_print = defaultdict(list)
                for rid, rec in recs.items():
                    for fp in decision_fingerprint(rec):
                        by_print[fp].append(rid)
            moved = _followed(d, recs, by_print, ends)
            if moved:
                d = {**d, "ids": sorted(moved.get(rid, rid) for rid in d["ids"]),
                     "titles": {moved.get(rid, rid): fp for rid, fp in d["titles"].items()}}
        out.append((d, moved))
    return out


def group_links(recs: dict[str, dict], links: dict[tuple[str, str], tuple[list[str], str]],
                decisions: Iterable[dict] | None = None, shown: Iterable[str] = ()) -> list[dict]:
    """Clusters from the linked pairs, with a reviewer's decisions applied first; a cluster
    is certain when its certain links join all its records (or a reviewer merged it).

    A "merge" decision links its records (certain); a "distinct" decision is never
    overruled: links are taken in order (reviewer's, same DOI, other certain ones, needs
    review) and one that would put two records of a distinct decision into one cluster is
    dropped.  So is one that would put two different DOIs (or PMIDs) into one cluster (a record without a
    DOI linked to records of two: a reply "Reply to: Comment on X" and the paper X), unless
    the records holding other DOIs are at the same volume and first page of one journal (one paper,
    its DOI mistyped by a database: .../misq/2021/16353 and 16352): the record joins the DOI
    it is linked to first in that order.  A reviewer's merge is never dropped so.  A decision
    whose records are no longer at their ids (the file gained or lost a record above them) follows them
    to the ids in their own file where their title fingerprints are now found, one record each (:func:`_followed`,
    with a note); one whose records are not found so (another title at that id) is not applied: the cluster of its records still at their ids goes back to
    review with a note (unless its certain links join it: no question then), and the record now
    at a changed id is judged by its own links (its certain cluster is not demoted for a
    decision about another paper).
    """
    links = dict(links)
    forbidden: dict[str, set[str]] = defaultdict(set)
    reviewed: list[set[str]] = []
    stale: list[tuple[str, set[str]]] = []
    followed: list[tuple[str, set[str]]] = []
    for d, moved in follow_decisions(recs, decisions):
        if moved:
            followed.append((d["decision"], set(moved.values())))
        ids = sorted(set(d["ids"]) & recs.keys())
        still = _stale(d, recs)
        if still is not None:
            stale.append((d["decision"], still))
            continue
        if d["decision"] == "distinct":
            for x in ids:
                forbidden[x].update(i for i in ids if i != x)
        elif d["decision"] == "merge" and len(ids) > 1:
            reviewed.append(set(ids))
            for x, y in zip(ids, ids[1:]):
                links[(x, y)] = (["merged by a reviewer"], "certain")
    order = sorted(links, key=lambda p: (links[p][0] != ["merged by a reviewer"],
                                         not {"same DOI", "same PMID"} & set(links[p][0]),
                                         links[p][1] != "certain", p))
    union = _Union()
    members_of: dict[str, set[str]] = {}  # kept only when there are distinct decisions to check
    dois: dict[str, dict[tuple[str, str], str]] = {}  # a cluster's root → its DOIs and PMIDs, each with a record
    keys: dict[str, _Keys] = {}

    def one_paper(dx: dict[str, str], dy: dict[str, str]) -> bool:
        """Other DOIs on records at one place: a DOI mistyped."""
        for rid in (*dx.values(), *dy.values()):
            if rid not in keys:
                keys[rid] = _Keys(recs[rid])
        return all(_same_place(keys[a], keys[b]) for da, a in dx.items() for db, b in dy.items()
                   if da[0] == db[0] == "doi" and da != db)

    kept: dict[tuple[str, str], tuple[list[str], str]] = {}
    for x, y in order:
        rx, ry = union.find(x), union.find(y)
        if rx != ry:
            dx, dy = dois.get(rx) or _doi(recs, x), dois.get(ry) or _doi(recs, y)
            other = _other_ids(dx, dy)
            if other and links[(x, y)][0] != ["merged by a reviewer"] and (other == "pmid" or not one_paper(dx, dy)) \
                    and not (links[(x, y)][0] == [PREPRINT_REASON] and _preprint_joins(dx, dy)):
                continue
            if forbidden:
                mx, my = members_of.pop(rx, {x}), members_of.pop(ry, {y})
                if any(forbidden.get(m, set()) & my for m in mx):
                    members_of[rx], members_of[ry] = mx, my
                    continue
            union.union(x, y)
            if dx or dy:
                dois[union.find(x)] = {**dy, **dx}
            if forbidden:
                members_of[union.find(x)] = mx | my
        kept[(x, y)] = links[(x, y)]
    groups: dict[str, dict[str, None]] = defaultdict(dict)  # root → members in order of first link
    pairs_of: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for x, y in sorted(kept):
        root = union.find(x)
        groups[root].update({x: None, y: None})
        pairs_of[root].append((x, y))
    clusters = []
    shown = set(shown)
    for root, first_seen in groups.items():
        members = sorted(first_seen, key=lambda rid: (recs[rid]["source"]["path"], recs[rid]["source"]["record"]))
        master = _master(members, recs, shown)
        pair_links = [{"pair": [x, y], "reasons": kept[(x, y)][0], "confidence": kept[(x, y)][1]}
                      for x, y in pairs_of[root]]
        confirmed = any(set(members) <= s for s in reviewed)
        outdated = [decision for decision, ids in stale if ids & set(members)]
        moved = [decision for decision, ids in followed if ids & set(members)]
        tier = "certain" if confirmed or _one_group(members, pair_links) else "needs review"
        notes = {f"a reviewer's decision ({'not duplicates' if d == 'distinct' else d}) on records here no longer "
                 f"applies: a record's title changed since (its file ingested again, its records moved)" for d in outdated}
        notes |= {f"a reviewer's decision ({'not duplicates' if d == 'distinct' else d}) on records here follows "
                  f"them to their new places (found by their titles: their file ingested again, its records moved)"
                  for d in moved}
        clusters.append({
            "records": [{"id": rid, "source": {k: v for k, v in recs[rid]["source"].items()
                                               if k in ("path", "record", "member")}} for rid in members],
            "master": master, "confidence": tier,
            "reasons": sorted({reason for p in pair_links for reason in p["reasons"]} | notes),
            "links": pair_links,
        })
    clusters.sort(key=lambda c: (c["records"][0]["source"]["path"], c["records"][0]["source"]["record"]))
    return clusters
