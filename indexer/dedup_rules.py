"""Bibliographic tests that :mod:`indexer.dedup` applies to a pair of records (kept apart so
that dedup.py holds blocking and the order of the rules).

* a column title ("Remarks from MIS Quarterly Editor", "Errata Notes"): recurs in every
  issue, so, like a generic title, it identifies nothing by itself;
* an editorial piece ("Special Issue on ...", "Guest editorial: ..."): introduces each part
  of a special issue under one title, so another issue or first page is another piece;
* an acronym for the words it stands for ("IS" and "Information Systems");
* issue and pages read as one database writes them and another does not: a volume given as
  the issue, an electronic page "c37" for page 37;
* a title MEDLINE translated, in square brackets, worded as each translator chose;
* a group author ("... Study Group"), which another database replaces by a writing author;
* a comment on a paper or a reply to one ("Comment on: ...", "... Authors' reply", "Re: ...",
  "... [Comment]"), often titled as the paper it discusses, but never that paper;
* a record read back from this tool's own JSON lines, a copy (corrected by hand or not) of
  the record whose id it names.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable

# Words a column's title is made of, beside the journal's own name ("Remarks from MIS
# Quarterly Editor", "A Note from the Editor", "Senior Editor Note", "Errata Notes"): at
# least one noun, qualifiers and small words.
_COLUMN_NOUNS = frozenset(
    "editor editors editorial editorials remarks comments comment note notes letter letters message messages word "
    "words errata erratum corrigenda corrigendum addenda introduction preface foreword president presidents column "
    "issue welcome farewell announcement announcements news".split())
COLUMN_WORDS = _COLUMN_NOUNS | frozenset(
    "a an the from to of and in on for by this our s inaugural incoming outgoing new senior chief associate "
    "managing guest introductory".split())


def folded_words(text: str) -> list[str]:
    """The words of ``text``, NFKC-folded and case-folded."""
    return re.findall(r"[^\W_]+", unicodedata.normalize("NFKC", text).casefold())


# A part of every column noun: most titles stop at this test.
_COLUMN_HINT = re.compile(r"editor|remark|comment|note|letter|message|word|errat|corrigend|addend|introduc|"
                          r"preface|foreword|president|column|issue|welcome|farewell|announce|news", re.I)


def is_column(title: str, journal: str = "") -> bool:
    """A title made only of column words and the words of its journal's name: a column of
    every issue, not a work ("Remarks from MIS Quarterly Editor - Editor's Comments" in MIS
    Quarterly).  A Chinese title is never read as one (its words are not spaced)."""
    if not _COLUMN_HINT.search(title):
        return False
    words = folded_words(title)
    if not words or not all(w.isascii() for w in words):  # Chinese, Japanese, Korean words
        return False
    own = set(folded_words(journal)) | COLUMN_WORDS
    return all(w in own for w in words) and any(w in _COLUMN_NOUNS for w in words)


# A label that makes a title an editorial piece: the introduction to a special issue (which
# may come in several issues under one title), a guest editorial, a foreword.
_EDITORIAL = re.compile(r"\bspecial (?:issue|section)\b|\beditorial\b|\beditors?'? ?(?:comments?|notes?|"
                        r"introduction|preface)\b|\bforeword\b|\bintroduction to (?:the |this )?special\b", re.I)


def is_editorial(title: str) -> bool:
    """An editorial piece: "Special Issue on Information Technologies and Knowledge
    Management", "Guest Editorial - Contrarian information systems studies"."""
    return bool(_EDITORIAL.search(title))


# -- acronyms ---------------------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W_]+")
_ACRONYM_STOP = {"of", "and", "the", "for", "in", "on", "a", "an", "to", "&"}


def _acronym_of(acronym: str, words: list[str]) -> bool:
    """An all-capital word spelling the initials of ``words`` ("IS" for "Information
    Systems", "MIS" for "Management Information Systems"; "R&D" style stop words skipped)."""
    initials = "".join(w[0] for w in words if w.casefold() not in _ACRONYM_STOP)
    return len(acronym) >= 2 and initials.casefold() == acronym.casefold() and len(words) >= len(acronym)


_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")


def has_acronym(title: str) -> bool:
    """A word in capitals in a title that is not all capitals: maybe an acronym."""
    return bool(_ACRONYM.search(title)) and not title.isupper()


def expand_acronyms(ta: str, tb: str) -> bool:
    """Two titles the same word for word, except where one writes an acronym in capitals and
    the other the words it stands for ("The Impact of Role Variables on IS Personnel" and
    "... on Information Systems Personnel")."""
    wa, wb = _TOKEN.findall(unicodedata.normalize("NFKC", ta)), _TOKEN.findall(unicodedata.normalize("NFKC", tb))
    i = j = 0
    expanded = False
    while i < len(wa) and j < len(wb):
        if wa[i].casefold() == wb[j].casefold():
            i, j = i + 1, j + 1
            continue
        for short, long_, k, m in ((wa, wb, i, j), (wb, wa, j, i)):
            word = short[k]
            if len(word) >= 2 and word.isupper() and word.isalpha():
                # the acronym's letters, one word each (stop words between them)
                n, taken, letters = m, [], 0
                while n < len(long_) and letters < len(word):
                    taken.append(long_[n])
                    if long_[n].casefold() not in _ACRONYM_STOP:
                        letters += 1
                    n += 1
                if _acronym_of(word, taken):
                    if short is wa:
                        i, j = i + 1, n
                    else:
                        i, j = n, j + 1
                    expanded = True
                    break
        else:
            return False
    return expanded and i == len(wa) and j == len(wb)


# -- issue and pages --------------------------------------------------------------------------

def page_number(first_page: str) -> str:
    """A first page without the letter some journals put before electronic pages ("c37",
    "e1234" → 37, 1234); a supplement's page ("S12"), roman front-matter pages ("iii") and
    others stay as they are."""
    m = re.fullmatch(r"[a-rt-z](\d+)", first_page, re.I)
    return m.group(1).lstrip("0") if m else first_page


def volume_as_issue(a: dict, b: dict) -> bool:
    """One record has no volume and gives the other's volume as its issue: the volume written
    in the issue field, so the issues cannot be compared."""
    def shifted(x: dict, y: dict) -> bool:
        issue = str(x.get("issue") or "").strip().lstrip("0")
        return not x.get("volume") and bool(issue) and issue == str(y.get("volume") or "").strip().lstrip("0")
    return shifted(a, b) or shifted(b, a)


# -- titles translated by the database ---------------------------------------------------------

# The language MEDLINE and Ovid name after a translated title: "[...]. [Spanish]".
LANGUAGE_NAMES = ("(?:afrikaans|arabic|bulgarian|catalan|chinese|croatian|czech|danish|dutch|estonian|finnish|"
                  "french|german|greek|hebrew|hungarian|icelandic|italian|japanese|korean|latvian|lithuanian|"
                  "norwegian|persian|polish|portuguese|romanian|russian|serbian|slovak|slovenian|spanish|"
                  "swedish|turkish|ukrainian)")
_BRACKETED = re.compile(r"\s*\[[^\[\]]{8,}\]\W*(?:\[[^\[\]]*\]\W*)*", re.I)


def is_bracketed(title: str) -> bool:
    """A title in square brackets: MEDLINE's English translation of a title in another
    language ("[Indications and contraindications of living-donor kidney
    transplantation]. [Spanish]")."""
    return bool(_BRACKETED.fullmatch(title))


# -- authors ----------------------------------------------------------------------------------

_GROUP = re.compile(r"\b(?:group|study|trial|consortium|committee|collaborat\w*|investigators|network|society|"
                    r"association|team|working party|task force|council|organi[sz]ation)\b", re.I)


def has_group_author(rec: dict) -> bool:
    """An author that is a body, not a person ("ASCUS-LSIL Triage Study Group")."""
    return any(_GROUP.search(" ".join(str(a.get(f) or "") for f in ("literal", "family", "given")))
               for a in rec.get("authors") or [])


# -- comments and replies -------------------------------------------------------------------

# A reply to a comment (or a paper's critic): "Reply to ...", "In reply", "Authors' reply",
# "... - Reply to Buddles et al", "... AUTHORS REPLY", "Response to the comment ...", "Rejoinder";
# "答复《…》", "回复…的商榷", "答…商榷", "——兼答…".  "Response to" / "Reply to" alone is also a
# treatment's or a study's ("Response to Nivolumab: A Cohort Study", "Reply-to-all behaviour"): a
# reply only when it names what it answers in words a title's case does not change (a comment, a
# letter, a quotation, "Dr", "et al", "Re:"), never by a capitalised word, as a title-case copy
# of a paper has one there too.
_ANSWERED = (r"(?:response|reply)\s+to\b\s*(?:[\"“'‘«:：]|re\s*:|(?:the\s+|a\s+|an\s+|our\s+|your\s+)?"
             r"(?:comments?|commentary|letters?|correspondence|critique|criticism|editorial|reply|rebuttal|"
             r"response|call|article|paper|authors?|editors?|reviewers?|readers?|memorandum|drs?|profs?|professors?)\b|"
             r"[\w'’-]+(?:\s+(?:and\s+|&\s+)?[\w'’-]+){0,3}\s+et\s+al\b)")
_ZH_DEBATE = r"(?:商榷|评论|质疑|批评|来信)"
_REPLY = re.compile(
    r"^\W*(?:in\s+reply\b|reply\s*(?:$|[:：.(\[]|from\b|by\b)|(?:the\s+)?authors?['’]?s?['’]?\s+(?:reply|response)\b|"
    r"rejoinder\b|response\s*[:：]|" + _ANSWERED + r")|"
    r"\bauthors?['’]?s?['’]?\s+(?:reply|response)\b|"
    r"(?:\s[-–—]+|[.:;,])\s*(?:a\s+)?(?:reply|rejoinder)(?:\s+to\b.*)?\W*$|"
    r"(?:\s[-–—]+|[.:;,])\s*(?:a\s+)?" + _ANSWERED + r"|"
    r"^(?:答复|回复)\s*[《「“:：]|^(?:答复|回复|答(?![辩案题卷疑])).{0,60}?" + _ZH_DEBATE + r"|(?:的|之)(?:答复|回复)\W*$|"
    r"——\s*(?:兼答|答.{0,60}?" + _ZH_DEBATE + r")|" + _ZH_DEBATE + r"的(?:答复|回复|回应)", re.I)
# A comment on a paper: "Comment on: ...", "Commentary on ...", "... - A Comment on X", "Re: ...",
# "Letter to the editor regarding ...", "...: Commentary", Web of Science's "... . Comment",
# Ovid's "... [Comment]" and "[Letter]"; 评论《…》, 对…的评论, 读者来信, "对《…》一文的商榷"
# (not 评论家的责任, a work on critics).
_COMMENT = re.compile(
    r"^\W*(?:(?:a\s+)?(?:comments?|commentary)\s+(?:on|to|about|regarding|upon)\b|comments?\s*[:：]|"
    r"re\s*:|letters?\s+to\s+the\s+editors?\b|letter\s+(?:regarding|re|about|on|concerning)\b|"
    r"correspondence\s*(?:[:：]|(?:on|regarding|re)\b))|"
    r"(?:\s[-–—]+|[.:;,])\s*(?:a\s+)?(?:comments?|commentary)\s+(?:on|to|about|regarding)\b|"
    r"(?:\s[-–—]+|[.:;,])\s*(?:an?\s+)?(?:invited\s+)?(?:comments?|commentary)\W*$|\[(?:comment|letter)\]|"
    r"^(?:评论\s*[《「“:：]|读者来信|读者来函|致编辑(?:部)?的?信)|^评《|^对.+?(?:的|之)(?:评论|商榷|质疑|批评)\W*$|"
    r"一文的?(?:评论|商榷|讨论|质疑)|商榷\W*$", re.I)
# Embase gives a letter and the replies to it as one record, "... (multiple letters)".
_LETTERS = re.compile(r"\(multiple letters\)", re.I)


def discussion(title: str) -> str:
    """What a title says its work is beside the paper it discusses: "reply" (to a comment),
    "comment" (on a paper), "letters" (a letter and its replies in one record), or "" (a
    work of its own).

    >>> [discussion(t) for t in ("Coffee consumption and risk of breast cancer. Authors' reply",
    ...  'Reply to comment on "Coffee consumption"', "Comment on: Coffee consumption",
    ...  "Coffee consumption [Comment]", "Re: Coffee consumption", "Atypical HUS - Reply to Buddles et al",
    ...  "Response to Clarke et al: Empirical research is useful", "Response to eculizumab in PNH",
    ...  "User response to mandatory IT use", "Atypical HUS (multiple letters) [1]", "对《城市规划》一文的商榷",
    ...  "Coffee consumption: a Mendelian randomization study. Comment")]
    ['reply', 'reply', 'comment', 'comment', 'comment', 'reply', 'reply', '', '', 'letters', 'comment', 'comment']

    A title-case copy is the same kind ("Response to" a capitalised word is no reply), and a
    Chinese title is one in the form of a discussion only:

    >>> [discussion(t) for t in ("Response to Nivolumab: A Cohort Study", "Melanoma: Response to Ipilimumab",
    ...  "Reply-to-all behaviour in email", "评论家的责任", "回复性分析", "改革开放——答记者问", "评论《城市规划》",
    ...  "答张三先生的商榷", "城市规划——兼答李四", "答辩委员会成员对研究生论文的评论", "Response to Drs. Smith and Jones",
    ...  "Response to van der Berg et al.")]
    ['', '', '', '', '', '', 'comment', 'reply', 'reply', '', 'reply', 'reply']
    """
    title = unicodedata.normalize("NFKC", title)
    if _LETTERS.search(title):
        return "letters"
    if _REPLY.search(title):
        return "reply"
    return "comment" if _COMMENT.search(title) else ""


def discussed(rec: dict, languages: Iterable[str] | None = None) -> str:
    """What a record's titles (those in `languages`, if given) say it is (see
    :func:`discussion`): a letter holding replies before a reply, a reply before a comment
    ("Reply to comment on ...")."""
    kinds = {discussion(t) for lang, t in (rec.get("title") or {}).items()
             if t and (languages is None or lang in languages)}
    return next((k for k in ("letters", "reply", "comment") if k in kinds), "")


# -- records read back ------------------------------------------------------------------------

# A record's id in this tool (indexer.record.ordinal_id): 16 hexadecimal digits.
_RECORD_ID = re.compile(r"[0-9a-f]{16}")


def copy_of(rec: dict) -> str | None:
    """The id of the record ``rec`` is a copy of: read back from this tool's own JSON lines
    (the record-jsonl reader, which keeps the first source in ``extra.original_source`` and
    the record's id as ``source.source_id``), corrected by hand or not.  None for a record of
    any other reader, whose source_id is its source's own (a CNKI file name, a PMID).

    >>> copy_of({"id": "9f5c2709b5f4bfb3", "source": {"format": "record-jsonl", "source_id": "165e7b9e8fd6d932"},
    ...          "extra": {"original_source": {"path": "a.txt", "format": "refer", "record": 1}}})
    '165e7b9e8fd6d932'
    >>> copy_of({"id": "9f5c2709b5f4bfb3", "source": {"format": "pubmed-medline", "source_id": "1234567890123456"}})
    """
    source = rec.get("source") or {}
    if source.get("format") != "record-jsonl" or not isinstance((rec.get("extra") or {}).get("original_source"), dict):
        return None
    rid = source.get("source_id")
    return rid if isinstance(rid, str) and _RECORD_ID.fullmatch(rid) and rid != rec.get("id") else None
