"""What every export format needs from a cleaned record (contract JSON): the language to
write it in, its fields in that language, names, pages, the values kept in ``extra``,
funding as a note, and stable citation keys."""
from __future__ import annotations

import calendar
import re
import unicodedata
from typing import Iterable

from ..charsets import HAN, HANGUL, KANA
from ..fields.authors import MORE_NAMES, text_name  # noqa: F401  (editors and translators, read as names)
from ..fields.identifiers import classification, is_classification_code
from ..fields.keywords import ITEM_SEPARATORS
from ..papers import corrected, in_lang, key_fingerprint, key_print, main_lang, prints, same_paper  # noqa: F401  (shared with ingest)
from ..pinyin import SYLLABLES, is_pinyin_surname, reading
from ..readers.csl_json import date_text
from . import SORTS
from .keys import KEYED_FORMATS, base_key, has_han  # noqa: F401  (shared with the writers and export)

_EAST_ASIAN = re.compile(f"[{HAN}{KANA}{HANGUL}]")
# CSL rich text: <i>, <b>, <sup>, <sub>, <span class="nocase">, <span style="…">
_MARKUP = re.compile(r"</?(?:i|b|sup|sub|span)\b[^>]*>")


def plain(text: str) -> str:
    """Text as printed, without CSL's inline markup.

    >>> plain('The genome of <i>Eucalyptus grandis</i>')
    'The genome of Eucalyptus grandis'
    """
    return _MARKUP.sub("", text or "")


def unbracketed(title: str) -> str:
    """A title without the square brackets (and period) MEDLINE writes a translated title in,
    ``[Surgical treatment of spinal metastases].``: a reference list brackets it as its style
    says, or not at all.

    >>> unbracketed("[Surgical treatment of spinal metastases]."), unbracketed("[18F]FDG PET [review]")
    ('Surgical treatment of spinal metastases', '[18F]FDG PET [review]')
    """
    m = re.fullmatch(r"\s*\[(.+)\]\.?\s*", title or "", re.S)
    inner = m.group(1) if m else ""
    return inner if m and inner.count("[") == inner.count("]") and "]" not in inner.split("[")[0] else title


def journal_abbreviation(rec: dict) -> str:
    """The journal's abbreviation; of several, the first in upper and lower case: Web of
    Science gives J9 (``HERED CANCER CLIN PR``, capitals cut at 29 characters) and JI, the ISO
    abbreviation (``Hered. Cancer Clin. Pract.``), which Zotero keeps too."""
    values = (rec.get("extra") or {}).get("journal_abbreviation")
    if not isinstance(values, list):
        return extra(rec, "journal_abbreviation")
    values = [str(v) for v in values if str(v).strip()]
    return next((v for v in values if not v.isupper()), values[0] if values else "")


# Words a title-cased name keeps in lower case after its first word.
_SMALL_WORDS = frozenset("a an and as at by da das de del della der des di do dos du e et for from fur für in ir la le of "
                         "on or the to und van voor with y zur".split())
_ROMAN = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")
# Acronyms a journal's name in capitals keeps when no ISO abbreviation tells them (a word
# without a vowel, BMC, BMJ, CNS, is one too): a short list of those journals' names begin with.
_ACRONYMS = frozenset("ACM ACS AIDS AJNR AJR AMA ASAIO BJOG CA DNA EMBO FASEB FEBS FEMS HIV IEEE IET JACC JAMA JAVMA "
                      "PLOS PMLA PNAS RNA SAGE SIAM SPIE UK USA".split())
# Journals whose name begins in lower case, as Web of Science writes them in capitals (J9, SO).
_LOWER_FIRST = {w.upper(): w for w in "eLife mBio mSystems mSphere iScience eNeuro eClinicalMedicine EBioMedicine "
                                      "npj".split()}
# NLM's qualifier after a journal's name in MEDLINE's JT: its place (and year), ``(New York,
# N.Y.)``, ``(London, England)``, ``(Baltimore, Md. : 1950)``, ``(Basel, Switzerland)``
_NLM_PLACE = re.compile(r"\s+\((?:[A-Z][^(),]*, )+[A-Z][^(),]*?(?: : \d{4})?\)$")
_QUALIFIER = re.compile(r"\s+\([^()]+\)$")


def journal_title(rec: dict, lang: str) -> str:
    """The journal's name for a reference list: without the subtitles NLM's catalogue adds
    after `` : `` (MEDLINE's JT ``Physica medica : PM : an international journal devoted to
    …`` is ``Physica medica``) and without its place after the name (``Neoplasia (New York,
    N.Y.)`` is ``Neoplasia``; but for the place its abbreviation keeps to tell it from another
    journal's name: ``Molecules (Basel, Switzerland)``, ``Molecules (Basel)``); one written in
    capitals (Web of Science's SO, ``APPLIED AND ENVIRONMENTAL MICROBIOLOGY``, and so Zotero's
    BibTeX of it) in title case, its ISO abbreviation telling acronyms from words (``IEEE Trans.
    Med. Imaging``: IEEE Transactions on Medical Imaging; ``PLoS One``, ``BMC Cancer``, ``npj
    Breast Cancer``), else a short list of acronyms and words without a vowel (``BMC``), small
    words in lower case, Roman numerals kept; one word in capitals as written (``JAMA``).

    >>> rec = {"journal": {"en": "CIENCIA RURAL"}}
    >>> journal_title(rec, "en"), journal_title({"journal": {"en": "FEMS YEAST RESEARCH"}}, "en")
    ('Ciencia Rural', 'FEMS Yeast Research')
    >>> journal_title({"journal": {"en": "Neoplasia (New York, N.Y.)"}}, "en")
    'Neoplasia'
    """
    abbreviation = journal_abbreviation(rec)
    name = _without_place(_without_subtitles(plain(in_lang(rec, "journal", lang))), abbreviation)
    if not name.isupper() or len(name.split()) < 2:
        return _LOWER_FIRST.get(name, name)
    abbreviation = "" if abbreviation.isupper() else abbreviation   # J9 tells no acronym
    as_written = {w.casefold(): w for w in re.findall(r"[^\W\d_]+", abbreviation)}

    def word(m: re.Match) -> str:
        w = m.group()
        if w.casefold() in as_written:
            return as_written[w.casefold()]
        if w in _LOWER_FIRST:
            return _LOWER_FIRST[w]
        if _ROMAN.fullmatch(w) or (not abbreviation and (w in _ACRONYMS or not re.search("[AEIOUY]", w))):
            return w
        after_space = m.start() and name[m.start() - 1] == " "   # not after CA- or a colon
        before_dash = name.startswith("-", m.end())               # SERIES A-PHYSIOLOGY: a series' letter
        return w.lower() if after_space and not before_dash and w.casefold() in _SMALL_WORDS else w.capitalize()

    return re.sub(r"[^\W\d_]+", word, name)


def _without_place(name: str, abbreviation: str) -> str:
    """A journal's name without NLM's place after it, or with the abbreviation's when that keeps
    one (``Sensors (Basel)``: Sensors alone is another journal).

    >>> _without_place("Lancet (London, England)", "Lancet"), _without_place("Cancers (Basel)", "")
    ('Lancet', 'Cancers (Basel)')
    >>> _without_place("Sensors (Basel, Switzerland)", "Sensors (Basel)")
    'Sensors (Basel)'
    """
    place = _NLM_PLACE.search(name)
    if not place:
        return name
    kept = _QUALIFIER.search(abbreviation or "")
    return name[:place.start()] + (" " + kept.group().strip() if kept else "")


def _without_subtitles(name: str) -> str:
    """A journal's name up to the first `` : `` outside parentheses (``Acta paediatrica (Oslo,
    Norway : 1992)`` keeps its place and year, which ``_without_place`` leaves out)."""
    depth = 0
    for i, ch in enumerate(name):
        depth += (ch == "(") - (ch == ")")
        if depth == 0 and name.startswith(" : ", i):
            return name[:i]
    return name


def written_whole(family: str | None) -> bool:
    """Whether a family name is in Chinese characters, kana or hangul: a name so written is
    written whole, the given name after it (``山田太郎``, ``スミスジョン``, ``이영희``), never cut
    to initials as a Latin one is.

    >>> written_whole("スミス"), written_whole("이"), written_whole("Smith")
    (True, True, False)
    """
    return bool(family and _EAST_ASIAN.search(family))


def others(rec: dict, field: str, lang: str) -> list[tuple[str, str]]:
    """The other languages' values of a per-language field, as (lang, value): besides the one
    :func:`in_lang` writes as the field itself (``lang``'s, else the first there is), and none
    with its text, so that a field given in one language only is not written again as its
    translation (RIS's second ``AB``, ``J2``; BibTeX's ``translatedabstract``).

    >>> rec = {"title": {"zh": "题名", "en": "Title"}, "abstract": {"en": "Text."}, "journal": {"zh": "J", "en": " J"}}
    >>> others(rec, "title", "zh"), others(rec, "abstract", "zh"), others(rec, "journal", "zh")
    ([('en', 'Title')], [], [])
    """
    shown = " ".join(in_lang(rec, field, lang).split())
    return [(k, v) for k, v in (rec.get(field) or {}).items() if v and " ".join(v.split()) != shown]


def all_keywords(rec: dict, lang: str) -> list[str]:
    """Keywords, the record's language first."""
    kws = rec.get("keywords") or {}
    out = list(kws.get(lang, []))
    for k, v in kws.items():
        if k != lang:
            out += [w for w in v if w not in out]
    return out


def keyword_list(keywords: list[str]) -> str:
    """``keywords`` as one field (BibTeX's ``keywords``, CSL's ``keyword``): separated by ``, ``,
    or by ``; `` when a keyword holds a comma (MeSH's "Mice, Transgenic"), or any separator the
    reader splits a list at before a semicolon (:data:`~indexer.fields.keywords.ITEM_SEPARATORS`:
    a full-width comma, "全角，逗号", or an enumeration comma, "大、小孢子").

    biblatex's ``keywords`` is a separated list, split at commas unless biber's ``xsvsep``
    says otherwise, and JabRef splits at its keyword separator (a preference, "," by default);
    neither can escape a comma inside a keyword, so no separator survives every tool.  A
    semicolon is one BibDesk accepts by default and this project's reader splits at before any
    comma, so a keyword's comma is read back as part of it (a lone such keyword ends with the
    semicolon that says so); a list without one stays as biblatex and JabRef expect it.

    >>> keyword_list(["小鼠", "Mice, Transgenic"]), keyword_list(["小鼠", "DNA"]), keyword_list(["Mice, Transgenic"])
    ('小鼠; Mice, Transgenic', '小鼠, DNA', 'Mice, Transgenic;')
    >>> keyword_list(["全角，逗号", "测试"]), keyword_list(["大、小孢子"])
    ('全角，逗号; 测试', '大、小孢子;')
    """
    if not any(c in k for k in keywords for c in ITEM_SEPARATORS):
        return ", ".join(keywords)
    return "; ".join(keywords) + (";" if len(keywords) == 1 else "")


def doi_after_link(rec: dict) -> str:
    """The DOI a reference writes after its link: none when the record's DOI was read from
    that link (``https://doi.org/10.1101/029983``, ``extra.doi_from_link``), which says it
    already; a DOI the record gave beside its link is written as given.

    >>> link = "https://doi.org/10.1101/029983"
    >>> doi_after_link({"doi": "10.1101/029983", "url": link, "extra": {"doi_from_link": True}})
    ''
    >>> doi_after_link({"doi": "10.1101/029983", "url": link})
    '10.1101/029983'
    """
    doi = rec.get("doi") or ""
    return "" if (rec.get("extra") or {}).get("doi_from_link") else doi


def extra(rec: dict, key: str) -> str:
    """First value the reader kept under ``extra[key]`` (or ``extra.csl[key]``), as text."""
    ex = rec.get("extra") or {}
    value = ex.get(key)
    if value is None:
        value = (ex.get("csl") or {}).get(key)
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):  # a CSL date
        return date_text(value)
    return "" if value is None else str(value)


def declared_languages(rec: dict) -> list[str]:
    """The languages a record declares (MEDLINE's ``LA``, ``extra.language``), as written,
    lower case: ``["eng", "chi"]``."""
    return [str(v).strip().lower() for v in (rec.get("extra") or {}).get("language") or []]


# A thesis's degree, as sources write it (博士学位论文, 硕士, 碩士學位論文, Doctoral dissertation,
# Master's Thesis, PhD Thesis, Ph.D. Dissertation, Ed.D. Dissertation): its level from whole
# words only.  Abbreviations in their usual capitals (``MA``, ``MS``, not ``ma``, ``ms``);
# 博士后 is a postdoc's report, not a degree; "dissertation" or "thesis" alone says no level.
_MASTER = re.compile(r"硕士|碩士|修士|석사|(?i:(?<!\w)masters?(?!\w))"
                     r"|(?<!\w)(?:M\.?\s?(?:A|S|Sc|SC|Phil|Eng|Ed|Res|Arch|Mus|FA|BA)\.?|LL\.?\s?M\.?)(?!\w)")
_DOCTORAL = re.compile(r"博士(?!后|後)|박사|(?i:(?<!\w)doctor(?:al|ate)?(?!\w))"
                       r"|(?<!\w)(?:(?i:Ph)\.?\s?(?i:D)\.?|D\.?\s?Phil\.?|Ed\.?\s?D\.?|Sc\.?\s?D\.?"
                       r"|D\.?\s?Sc\.?)(?!\w)")
# biblatex's keys for the two (``type = {mathesis}``), as its @thesis entries give them.
_BIBLATEX_DEGREES = {"mathesis": "master", "phdthesis": "doctoral"}


def degree_level(text: str) -> str:
    """``master``, ``doctoral`` or "" (no level named, or both) for a degree as written.

    >>> [degree_level(t) for t in ("硕士学位论文", "碩士", "Master's Thesis", "M.Sc. thesis", "MPhil")]
    ['master', 'master', 'master', 'master', 'master']
    >>> [degree_level(t) for t in ("博士", "Doctoral dissertation", "PhD Thesis", "Ph.D. Dissertation", "DPhil")]
    ['doctoral', 'doctoral', 'doctoral', 'doctoral', 'doctoral']
    >>> [degree_level(t) for t in ("Dissertation", "Masterarbeit", "ms thesis", "博士后研究报告", "学士", "")]
    ['', '', '', '', '', '']
    """
    text = str(text or "").strip()
    if text.casefold() in _BIBLATEX_DEGREES:
        return _BIBLATEX_DEGREES[text.casefold()]
    master, doctoral = bool(_MASTER.search(text)), bool(_DOCTORAL.search(text))
    return "master" if master and not doctoral else "doctoral" if doctoral and not master else ""


def thesis_degree(rec: dict) -> tuple[str, str]:
    """A thesis's degree: its level (``master``, ``doctoral`` or "" when unknown) and the
    degree as the source wrote it (the first ``extra.degree``, "" when none); ("", "") for a
    record that is not a thesis (a standard's 国家标准 is kept as a degree too).  A BibTeX
    ``@mastersthesis`` without a degree is a master's thesis; ``@phdthesis`` says nothing (Zotero
    and others write every thesis so).

    >>> thesis_degree({"type": "thesis", "extra": {"degree": ["硕士"]}})
    ('master', '硕士')
    >>> thesis_degree({"type": "thesis", "extra": {"source_type": "mastersthesis"}})
    ('master', '')
    >>> thesis_degree({"type": "standard", "extra": {"degree": ["国家标准"]}})
    ('', '')
    """
    if rec.get("type") != "thesis":
        return "", ""
    written = extra(rec, "degree").strip()
    level = degree_level(written)
    if not level and str((rec.get("extra") or {}).get("source_type") or "").lower() == "mastersthesis":
        level = "master"
    return level, written


def university(rec: dict, lang: str) -> str:
    """A thesis's degree-granting university, which each format writes where it keeps a
    thesis's institution (BibTeX's ``school``, RIS's ``PB``, CSL's ``publisher``, GB/T 7714's
    保存单位), never as a journal: its publisher, else its journal (in ``lang``) when the record
    gives no publisher, as CNKI's RefWorks export (``JF 吉林大学``) and its thesis pages keep
    it; "" for a record that is not a thesis.

    >>> university({"type": "thesis", "journal": {"zh": "吉林大学"}}, "zh")
    '吉林大学'
    >>> university({"type": "thesis", "journal": {"zh": "吉林大学"}, "extra": {"publisher": ["东华大学"]}}, "zh")
    '东华大学'
    >>> university({"type": "article-journal", "journal": {"zh": "大众文艺"}}, "zh")
    ''
    """
    if rec.get("type") != "thesis":
        return ""
    return extra(rec, "publisher") or in_lang(rec, "journal", lang)


# A Web of Science accession (its UT), the source id of a record read from it: the Core
# Collection's WOS:, and its other databases' (CSCD:, KJD:, RSCI:, SCIELO:, BCI: …).
_WOS_ACCESSION = re.compile(r"(?:WOS|CSCD|KJD|RSCI|SCIELO|BCI|BIOSIS|ZOOREC|INSPEC|DIIDW|CCC|ARCI|PPRN):\w+")


def wos_accession(rec: dict) -> str:
    """The record's Web of Science accession number (its ``source.source_id``), else "".

    >>> wos_accession({"source": {"source_id": "CSCD:6712345"}}), wos_accession({"source": {"source_id": "12"}})
    ('CSCD:6712345', '')
    """
    source_id = str((rec.get("source") or {}).get("source_id") or "")
    return source_id if _WOS_ACCESSION.fullmatch(source_id) else ""


def wos_note(rec: dict) -> str:
    """The accession as Zotero's Web of Science import keeps it in Extra, ``Web of Science ID:
    WOS:…``: a note's line where a format has no other place for it; "" without one."""
    return f"Web of Science ID: {wos_accession(rec)}" if wos_accession(rec) else ""


def conference(rec: dict) -> tuple[str, str, str]:
    """The meeting a paper was given at: its name, date and place as written, as Web of
    Science's CT, CY, CL and Scopus's conference columns are kept (``extra.conference``,
    ``conference_date``, ``conference_location``), else under CSL's names (``event``,
    ``event-title``, ``event-date``, ``event-place``) as the CSL, BibTeX and Chinese readers keep them."""
    return (extra(rec, "conference") or extra(rec, "event") or extra(rec, "event-title"),   # (event first, as before)
            extra(rec, "conference_date") or extra(rec, "event-date"),
            extra(rec, "conference_location") or extra(rec, "event-place"))


# A meeting's days as Web of Science (``DEC 09-12, 2019``, ``NOV 30-DEC 02, 2020``) and Scopus
# (``9 December 2019 through 12 December 2019``) write them.
_WOS_DAYS = re.compile(r"([A-Za-z]{3,9})\.? (\d{1,2})(?:\s*-\s*(?:([A-Za-z]{3,9})\.? )?(\d{1,2}))?,? (\d{4})")
_SCOPUS_DAYS = re.compile(r"(\d{1,2}) ([A-Za-z]{3,9}) (\d{4})(?: through (\d{1,2}) ([A-Za-z]{3,9}) (\d{4}))?")


def iso_days(text: str) -> str:
    """A meeting's days as an ISO 8601 date or range (biblatex's ``eventdate``), "" when not
    read so.

    >>> iso_days("DEC 09-12, 2019"), iso_days("NOV 30-DEC 02, 2020"), iso_days("JUN 5, 2018")
    ('2019-12-09/2019-12-12', '2020-11-30/2020-12-02', '2018-06-05')
    >>> iso_days("9 December 2019 through 12 December 2019"), iso_days("Summer 2019")
    ('2019-12-09/2019-12-12', '')
    """
    m = _WOS_DAYS.fullmatch(text.strip())
    if m:
        month, day, month2, day2, year = m.groups()
        days = [(year, month, day)] + ([(year, month2 or month, day2)] if day2 else [])
    else:
        m = _SCOPUS_DAYS.fullmatch(text.strip())
        if not m:
            return ""
        days = [(m[3], m[2], m[1])] + ([(m[6], m[5], m[4])] if m[4] else [])
    if not all(month_number(mo) and 1 <= int(d) <= 31 for _, mo, d in days):
        return ""
    return "/".join(f"{y}-{month_number(mo):02d}-{int(d):02d}" for y, mo, d in days)


def article_number(rec: dict) -> str:
    """The article number a record without pages is cited by (Web of Science's AR, Scopus's
    Art. No.), kept whole in ``extra.article_number`` where a dash in it would read as a page
    range (ASM's ``e02132-20``); "" for a record with pages, which keeps citing them.

    >>> article_number({"extra": {"article_number": ["e02132-20"]}})
    'e02132-20'
    >>> article_number({"pages": "e02132", "extra": {"article_number": ["e02132"]}})
    ''
    """
    return "" if rec.get("pages") else extra(rec, "article_number")


def page_range(pages: str | None) -> tuple[str, str]:
    if not pages:
        return "", ""
    first, _, last = pages.partition("-")
    return first.strip(), last.strip()


_SUFFIX = re.compile(r"(?i)jr\.?|sr\.?|[ivx]{1,4}|\d+(?:st|nd|rd|th)")


def name_suffix(given: str) -> tuple[str, str]:
    """A given name and its generational suffix, as RIS writes them (``John, Jr.``).

    >>> name_suffix("Michael, III"), name_suffix("Peyton Z."), name_suffix("Jr.")
    (('Michael', 'III'), ('Peyton Z.', ''), ('Jr.', ''))
    """
    first, _, suffix = given.rpartition(", ")
    return (first, suffix) if first and _SUFFIX.fullmatch(suffix) else (given, "")


# English month names as dates and BibTeX abbreviate them.
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def month_number(text: str) -> int:
    """A month written as a number or an English name (``9``, ``Mar``, ``March``) as 1-12;
    0 for anything else.

    >>> month_number("09"), month_number("March"), month_number("Spring"), month_number("13")
    (9, 3, 0, 0)
    """
    text = str(text).strip().lower()
    if text.isdigit():
        return int(text) if 1 <= int(text) <= 12 else 0
    return _MONTHS.index(text[:3]) + 1 if len(text) >= 3 and text[:3] in _MONTHS else 0


def month_abbreviation(month: int) -> str:
    """``Jan`` … ``Dec`` for 1-12, as NLM writes months."""
    return _MONTHS[month - 1].capitalize()


# A date written in numbers, as far as it goes: 2024-01-02, 2024/1/2, 2014-06, 2024年1月2日, and
# run together, 20240102 (RIS's Y2 as some databases write it).
_WRITTEN_DATE = re.compile(r"\s*(\d{4})(?:(\d{2})(\d{2})(?!\d)|\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?)?)?\s*")


def written_date(text: str) -> tuple[list[int], bool]:
    """The year, month and day a text starts with, as far as it writes them in numbers and they
    make a date, and whether they are the whole text; ``([], False)`` when it starts with no year
    (a date a page was read, as RIS's Y2 and GB/T's [引用日期] write it).  A month or day that
    cannot be (a 13th month, 30 February) is left out with what follows it: the text is then
    not whole.

    >>> written_date("2024年1月2日"), written_date("2014-06 (viewed)"), written_date("Access Date")
    (([2024, 1, 2], True), ([2014, 6], False), ([], False))
    >>> written_date("20200503"), written_date("2021-2-30"), written_date("2020-13-45"), written_date("2024-2-29")
    (([2020, 5, 3], True), ([2021, 2], False), ([2020], False), ([2024, 2, 29], True))
    """
    m = _WRITTEN_DATE.match(text)
    if not m:
        return [], False
    parts = [int(g) for g in m.groups() if g]
    valid = parts[:1]
    if len(parts) > 1 and 1 <= parts[1] <= 12:
        valid.append(parts[1])
        if len(parts) > 2 and 1 <= parts[2] <= calendar.monthrange(parts[0], parts[1])[1]:
            valid.append(parts[2])
    return valid, m.end() == len(text) and len(valid) == len(parts)


def accessed_parts(rec: dict) -> list[int]:
    """The date a page was read (``extra.accessed``: RIS's Y2, BibTeX's urldate, GB/T's
    [引用日期], a CSL date) as year, month and day, as far as it is written in numbers and
    makes a date (:func:`written_date`: a 13th month or 30 February is left out); [] when it
    is none: BibTeX's ``urldate``, CSL's ``accessed``.

    >>> accessed_parts({"extra": {"accessed": "2024/1/2"}}), accessed_parts({"extra": {"csl": {"accessed": {"date-parts": [[2024, 6, 1]]}}}})
    ([2024, 1, 2], [2024, 6, 1])
    >>> accessed_parts({"extra": {"accessed": "2014-06 (viewed)"}}), accessed_parts({"extra": {"accessed": "2024-13-01"}}), accessed_parts({})
    ([2014, 6], [2024], [])
    >>> accessed_parts({"extra": {"accessed": "20200503"}}), accessed_parts({"extra": {"accessed": "2021-2-30"}})
    ([2020, 5, 3], [2021, 2])
    """
    return written_date(extra(rec, "accessed"))[0]


# The types read online whatever they hold: GB/T 7714's [EB/OL], Citing Medicine's [Internet].
WEB_TYPES = ("webpage", "post", "post-weblog")


def read_online(rec: dict) -> bool:
    """Whether an item is cited as one read online, which a reference dates by the day it was
    read (GB/T 7714's ``[引用日期]``, required of an online item): one with a URL (a CNKI or
    Wanfang record's link: ``[J/OL]``), or a web page."""
    return bool(rec.get("url")) or rec.get("type") in WEB_TYPES


def with_accessed(rec: dict, date: str) -> dict:
    """``rec`` read online (:func:`read_online`), or with a DOI, without a date it was read of
    its own (:func:`accessed_parts`), given ``date`` (``export --accessed``: the day the user
    read them); else ``rec`` as it is.  A DOI is a place online (https://doi.org/…), an access
    path GB/T 7714-2015 §8.8.2 names: dated, the item is cited online, ``[J/OL]…[2025-01-02].
    DOI:…``, as CNKI cites one; undated, it stays a print item with its DOI (``[J]``), and
    is not counted among those online without a date.

    >>> with_accessed({"url": "https://x"}, "2025-01-02")["extra"], with_accessed({"doi": "10.1/x"}, "2025-01-02")["extra"]
    ({'accessed': '2025-01-02'}, {'accessed': '2025-01-02'})
    >>> with_accessed({"url": "https://x", "extra": {"accessed": "2013-10-25"}}, "2025-01-02")["extra"]
    {'accessed': '2013-10-25'}
    >>> with_accessed({"title": {"en": "Print"}}, "2025-01-02")
    {'title': {'en': 'Print'}}
    """
    if not (read_online(rec) or rec.get("doi")) or accessed_parts(rec):
        return rec
    return {**rec, "extra": {**(rec.get("extra") or {}), "accessed": date}}


_NUMERIC_DATE = re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?\b")
_NAMED_DATE = re.compile(r"(\d{4})\s+([A-Za-z]{3})[a-z]*\.?(?:\s+(\d{1,2}))?\b")


def date_parts(rec: dict) -> list[int]:
    """The record's year, with the month and day when the record kept them: a CSL date
    (``extra.issued``: 2012-12-10), the date as written (MEDLINE's ``2019 Jan 15``, RIS's
    ``2019/01/15``), or BibTeX's month.  Parts that do not agree with the year are not used.

    >>> date_parts({"year": 2019, "extra": {"date": ["2019 Jan 15"]}}), date_parts({"year": 2019, "extra": {"month": "9"}})
    ([2019, 1, 15], [2019, 9])
    >>> date_parts({"year": 2019, "extra": {"date": ["2018/12/30"]}})
    [2019]
    """
    year, ex = rec["year"], rec.get("extra") or {}
    texts = [ex.get("issued")] + list(ex.get("date") or [])
    if ex.get("month"):
        texts.append(f"{year} {ex['month']}" if not str(ex["month"]).isdigit() else f"{year}-{ex['month']}")
    for text in texts:
        text = str(text or "").strip()
        m = _NUMERIC_DATE.match(text)
        m = m if m and m.group(2) else _NAMED_DATE.match(text)
        if not m or int(m.group(1)) != year:
            continue
        month = month_number(m.group(2))
        if not month:
            continue
        day = int(m.group(3)) if m.group(3) else 0
        return [year, month, day] if 1 <= day <= 31 else [year, month]
    return [year]


def year_run(rec: dict) -> tuple[int, int | None] | None:
    """(first, last or None while it runs) of a periodical's run of years from its year, as the
    GB/T 7714 reader keeps it (``extra.issued``: ``1957/1990``, ``1984/``); None for any other date.

    >>> year_run({"year": 1957, "extra": {"issued": "1957/1990"}}), year_run({"year": 1984, "extra": {"issued": "1984/"}})
    ((1957, 1990), (1984, None))
    >>> year_run({"year": 2012, "extra": {"issued": "2012-12-10"}}), year_run({"year": 1957})
    (None, None)
    """
    m = re.fullmatch(r"(\d{4})/(\d{4})?", str((rec.get("extra") or {}).get("issued") or "").strip())
    if not m or str(rec.get("year") or "") != m.group(1):
        return None
    return int(m.group(1)), int(m.group(2)) if m.group(2) else None


def whole_name(text: str) -> str:
    """An editor or translator, kept in ``extra`` as text, that is one name whole (an
    organisation: the pipeline writes it ``{American Water Works Association}``), without its
    braces; "" for a person's name (``Family, Given`` or as written).

    >>> whole_name("{American Water Works Association}"), whole_name("Bo, Anna")
    ('American Water Works Association', '')
    """
    return text[1:-1].strip() if text.startswith("{") and text.endswith("}") else ""


def tagged_name(a: dict) -> str:
    """An author as RIS, EndNote and CSV write it: ``Family, Given``; a name of several words
    without a given name ("Ben Walton", "International Monetary Fund"), or an organisation's of
    one ("ISO", a literal name), ends in "," so that readers keep it whole instead of splitting it
    into given and family names (EndNote's corporate author).  A name in Chinese characters, kana
    or hangul is one name anyway (written whole, as :func:`written_whole` says).

    >>> tagged_name({"literal": "ISO"}), tagged_name({"family": "Smith", "given": "J"}), tagged_name({"literal": "张三"})
    ('ISO,', 'Smith, J', '张三')
    >>> tagged_name({"literal": "홍길동"}), tagged_name({"literal": "さくら"})
    ('홍길동', 'さくら')
    """
    name = display_name(a)
    if "," not in name and (" " in name or a.get("literal")) and not _EAST_ASIAN.search(name):
        return name + ","
    return name


def translated_authors(authors: list[dict]) -> list[str]:
    """The names in Latin letters the written authors carry beside their own (``alt``:
    ``홍길동(Hong, Gil-Dong)``'s), in their order, as RIS's ``TA`` and EndNote's ``%H`` (EndNote's
    Translated Author) hold them: our readers pair them with the authors again (by pinyin, a
    Korean or Japanese list by place).  An author written in their ``alt`` (``--lang en``) has none.

    >>> translated_authors([{"literal": "홍길동", "lang": "ko", "alt": {"family": "Hong", "given": "Gil-Dong", "lang": "en"}},
    ...                     {"family": "Smith", "given": "J", "lang": "en"}])
    ['Hong, Gil-Dong']
    """
    alts = [a.get("alt") or {} for a in authors]
    return [tagged_name(alt) for alt in alts if alt.get("lang") == "en" and (alt.get("family") or alt.get("literal"))]


def people(rec: dict, role: str) -> tuple[list[str], bool]:
    """(the editors or translators kept under ``extra[role]``, whether the list has more): a
    reference's ``于晓, 陈维纲, 等译`` keeps its 等 (``et al.``) last, which says the list is cut
    off, no person; each format says it as it says an author list's (BibTeX ``and others``).

    >>> people({"extra": {"translator": ["于晓", "陈维纲", "et al."]}}, "translator")
    (['于晓', '陈维纲'], True)
    """
    kept = (rec.get("extra") or {}).get(role) or []
    named = [n for n in kept if not (isinstance(n, str) and MORE_NAMES.fullmatch(n.strip()))]
    return named, len(named) < len(kept)


def display_name(a: dict) -> str:
    """``Family, Given`` (or the literal name) as RIS, EndNote and CSV write it."""
    if a.get("literal"):
        return a["literal"]
    family, given = a.get("family", ""), a.get("given", "")
    return f"{family}, {given}" if given else family


def name_in(a: dict, lang: str) -> dict:
    """An author as a list in ``lang`` writes them: their name in ``lang`` (``alt``, which
    ``dedup --apply`` keeps from the Chinese and English versions of a paper, and a page
    giving both) when they are written in another language; else as given.  A Chinese
    person's name stays, for the list to romanise as its style says (GB/T 28039's ``ZHANG
    Kejia``, not the English record's initials); an organisation's English name is no pinyin.

    >>> org = {"literal": "中华医学会", "lang": "zh", "alt": {"literal": "Chinese Medical Association", "lang": "en"}}
    >>> a = {"literal": "张可佳", "lang": "zh", "alt": {"family": "Zhang", "given": "Kejia", "lang": "en"}}
    >>> name_in(org, "en")["literal"], name_in(a, "en")["literal"], name_in(org, "zh")["literal"]
    ('Chinese Medical Association', '张可佳', '中华医学会')
    >>> name_in({"family": "Zhang", "given": "Kejia", "lang": "en", "alt": {"literal": "张可佳", "lang": "zh"}}, "zh")
    {'literal': '张可佳', 'lang': 'zh'}
    """
    alt = alt_in(a, lang)
    if not alt:
        return a
    return alt if alt.get("literal") or not a.get("literal") else a


def alt_in(a: dict, lang: str) -> dict:
    """The author's name in ``lang`` the record keeps beside the one written (``alt``), when
    they are written in another language; else {}.

    >>> alt_in({"literal": "江文杰", "lang": "zh", "alt": {"family": "JIANG", "given": "Wenjie", "lang": "en"}}, "en")
    {'family': 'JIANG', 'given': 'Wenjie', 'lang': 'en'}
    >>> alt_in({"literal": "江文杰", "lang": "zh", "alt": {"family": "JIANG", "given": "Wenjie", "lang": "en"}}, "zh")
    {}
    """
    alt = a.get("alt") or {}
    return alt if alt.get("lang") == lang and a.get("lang") != lang else {}


def authors_in(rec: dict, lang: str | None) -> list[dict]:
    """The authors of a record written in ``lang``, the language asked for (``export --lang``):
    each one's name in it (:func:`alt_in`, the name :func:`name_in` gives GB/T 7714's list:
    Wanfang's ``JIANG Wenjie`` beside 江文杰) when every author written in another language has
    one, so that an English title is not followed by Chinese names; else, or when the record is
    not written in ``lang`` (it has no title in it) or none was asked for, as written (a list
    with some names in English and others in Chinese would match neither version of the paper).

    >>> a = {"literal": "江文杰", "lang": "zh", "alt": {"family": "JIANG", "given": "Wenjie", "lang": "en"}}
    >>> rec = {"title": {"zh": "题名", "en": "Title"}, "authors": [a, {"family": "Smith", "given": "J", "lang": "en"}]}
    >>> [n.get("family") or n.get("literal") for n in authors_in(rec, "en")]
    ['JIANG', 'Smith']
    >>> [n.get("family") or n.get("literal") for n in authors_in(rec, None)]
    ['江文杰', 'Smith']
    >>> [n.get("family") or n.get("literal") for n in authors_in({**rec, "authors": [a, {"literal": "韩超", "lang": "zh"}]}, "en")]
    ['江文杰', '韩超']
    """
    authors = rec.get("authors") or []
    if not lang or main_lang(rec, lang) != lang:
        return authors
    names = [a if a.get("lang") == lang else alt_in(a, lang) for a in authors]
    return names if all(names) else authors


def funding_note(rec: dict) -> str:
    """Funding as one note line: ``Funding: funder (award); …`` (never in the abstract); a
    grant of no funder named as ``grant 81702662``, which reads back as such.

    >>> funding_note({"funding": [{"funder": "NSFC", "award": "1"}, {"funder": "", "award": "81702662"}]})
    'Funding: NSFC (1); grant 81702662'
    """
    parts = []
    for f in rec.get("funding") or []:
        funder = f.get("funder_original") or f.get("funder") or ""
        award = f.get("award")
        parts.append((f"{funder} ({award})" if funder else f"grant {award}") if award else funder)
    parts = [p for p in parts if p]
    return "Funding: " + "; ".join(parts) if parts else ""


def classification_note(rec: dict) -> str:
    """The classification as one note line, as Zotero's Chinese translators keep it in Extra
    (``CLC: R445; R734.2``); codes of another scheme ``Classification: …``.

    >>> classification_note({"extra": {"classification": ["R445", "R734.2"]}})
    'CLC: R445; R734.2'
    >>> classification_note({"extra": {"classification": ["3200 Psychological & Physical Disorders"]}})
    'Classification: 3200 Psychological & Physical Disorders'
    """
    codes = classification(rec)
    if not codes:
        return ""
    return ("CLC: " if all(map(is_classification_code, codes)) else "Classification: ") + "; ".join(codes)


def sections_note(rec: dict, lang: str) -> str:
    """A structured abstract's sections in ``lang``, one per line, as a note: ``OBJECTIVE: …``
    (the label as normalised), a Chinese section by its own label (``目的：…``, not
    ``OBJECTIVE: 以黄芪为原料…``); "" when the abstract written in ``lang`` already holds each
    section under its label (:func:`abstract_holds_sections`): the note would only repeat it, and
    read back (a reference manager's note, our readers' ``extra.notes``) it came back as a note
    of the user's, written again beside the next export's, one more each round trip.

    >>> sec = [{"label": "BACKGROUND", "label_original": "Background", "text": "Few data."},
    ...        {"label": "CONCLUSION", "label_original": "Conclusions", "text": "It helps."}]
    >>> sections_note({"abstract": {"en": "Background: Few data. Conclusions: It helps."}, "sections": {"en": sec}}, "en")
    ''
    >>> print(sections_note({"abstract": {"en": "Few data. It helps."}, "sections": {"en": sec}}, "en"))
    BACKGROUND: Few data.
    CONCLUSION: It helps.
    """
    sections = (rec.get("sections") or {}).get(lang, [])
    if abstract_holds_sections((rec.get("abstract") or {}).get(lang) or "", sections):
        return ""
    lines = []
    for s in sections:
        own = s.get("label_original") or ""
        lines.append(f"{own}：{s['text']}" if has_han(own) else f"{s['label']}: {s['text']}")
    return "\n".join(lines)


def abstract_holds_sections(abstract: str, sections: list[dict]) -> bool:
    """Whether ``abstract`` holds each section, in order, its label as the abstract wrote it
    (``label_original``, else the label) before its text (spaces aside): a structured abstract
    kept whole, as the cleaner keeps it.  Not so where a section's text was changed or moved
    (an abstract given in parts whose labels its text does not write).

    >>> sec = [{"label": "OBJECTIVE", "label_original": "目的", "text": "探讨疗效。"}]
    >>> abstract_holds_sections("目的：探讨疗效。", sec), abstract_holds_sections("探讨疗效。", sec)
    (True, False)
    >>> abstract_holds_sections("Anything", [])
    False
    """
    text, at = " ".join(abstract.split()), 0
    for s in sections:
        label = " ".join(str(s.get("label_original") or s.get("label") or "").split())
        body = " ".join(str(s.get("text") or "").split())
        start = text.find(label, at) if label else -1
        found = text.find(body, start + len(label)) if start >= 0 and body else -1
        if found < 0:
            return False
        at = found + len(body)
    return bool(sections)


# What BibTeX and biber take in a key (no space, comma, brace, quote, ``#``, ``%``, ``=``, ``\``).
_BIBTEX_KEY = re.compile(r"[^\s,{}()\"'#%=\\~]+")
# A CSL id that is a key: letters, digits and ``_:.+-``, a letter among them; not a UUID or one
# of this project's record ids (16 hex digits); a number (Mendeley's), a URL or Zotero's
# ``12345/ABCD1234`` is an item's id, not a key.
_CSL_KEY = re.compile(r"(?=[\w:.+-]*[A-Za-z])[\w:.+-]{1,64}", re.ASCII)
_HASH = re.compile(r"[0-9a-f]{16}|[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}", re.I)


def own_key(rec: dict) -> str:
    """The citation key the record came with, "" when none: a BibTeX entry's key; a CSL item's
    ``citation-key``, else its ``id`` when that is a key (``smith2020``, not ``12`` or a UUID).

    >>> own_key({"source": {"format": "bibtex", "source_id": "Adams2001"}})
    'Adams2001'
    >>> [own_key({"source": {"format": "csl-json", "source_id": i}}) for i in ("smith2020", "12", "ITEM-1")]
    ['smith2020', '', 'ITEM-1']
    >>> own_key({"source": {"format": "ris", "source_id": "smith2020"}})
    ''
    >>> own_key({"source": {"format": "csv", "source_id": "WOS:000123"}})   # a row's id, no key
    ''
    >>> own_key({"source": {"format": "csv", "source_id": "f3017402c7cdebad"}, "extra": {"citation-key": "Adams2001"}})
    'Adams2001'
    >>> own_key({"source": {"format": "csl-json", "source_id": "Müller2019"},
    ...          "extra": {"csl": {"citation-key": "Müller2019"}}})
    'Müller2019'
    """
    source = rec.get("source") or {}
    if source.get("format") not in KEYED_FORMATS:
        return ""
    named = extra(rec, "citation-key").strip()   # a key by name: any BibTeX can take (as our CSL export writes it)
    if source["format"] in ("csv", "spreadsheet") and not named:   # (its source_id is a row's id: WOS:…, an EID)
        return ""
    key = named or str(source.get("source_id") or "").strip()
    if source["format"] == "bibtex" or named:
        return key if _BIBTEX_KEY.fullmatch(key) else ""
    return key if _CSL_KEY.fullmatch(key) and not _HASH.fullmatch(key) else ""


def citation_keys(records: Iterable[dict], taken: Iterable[str] = (),
                  clashes: list[tuple[dict, dict, str]] | None = None,
                  given: Iterable[dict] = (), masters: dict[str, str] | None = None,
                  lent: set[str] | None = None, lent_before: dict[str, str] | None = None) -> dict[str, str]:
    """Each record's citation key, by id.  ``records`` come in the order that settles a clash:
    the order they first entered the index (:meth:`indexer.store.Store.first_entered`), or
    their files' order.  Keys are given in two passes, so that a key a user chose is never
    given to another record: first each record keeps the key it came with (:func:`own_key`;
    of two with one key, in any case, the second gets it with ``b``, ``c`` …, and the pair is
    added to ``clashes`` as (first, second, the second's key)); then each other record gets
    ``surname + year + first title word`` (pinyin for Chinese; a Chinese name written whole
    is romanised whole), the first record to want one bare and the next ``b``, ``c`` …,
    skipping any key taken (or in ``taken``).  Keys computed over the whole index are the
    same for any part of it exported, and a record added later never changes the key of one
    before it, unless it came with that key.  ``given`` (the keys an index's export made
    before, :meth:`indexer.store.Store.given_keys`) is kept before any key is made: a record
    keeps the key made for it (the record at its id, the same paper: the same DOI or title,
    :func:`~indexer.papers.key_fingerprint`) though its year changed since; the paper found at another id (its
    file's records moved up, or itself moved) takes its key along; else the record at its id
    keeps it (its title or DOI corrected: most records have no DOI), unless that record is the
    paper another key was made for, or reads as another paper (:func:`~indexer.papers.corrected`); and no other record is ever made that key (a paper
    removed keeps it too), but for one that came with it.  ``masters`` (a hidden duplicate's id →
    its master's, :meth:`indexer.store.Store.hidden`): a master with no key of its own is shown
    with the key of a duplicate merged into it that is the same paper (one it came with first,
    else the first made), the key a document cites for it since before the merge; the key stays
    its duplicate's (``dedup --undo`` shows that record with it again) and the master's id is
    added to ``lent``: no key is made for it while it shows another's.  ``lent_before`` (a
    master's id → the key it was lent, :meth:`indexer.store.Store.lent_keys`): a master shows
    that key again while it is a same-paper duplicate's, first, and though it has a key made of
    its own since (``dedup --undo``, exported, then ``--apply`` again): the key cited for it.

    >>> recs = [{"id": i, "year": 2020, "title": {"en": "Spinal cord"}, "authors": [{"family": "Smith"}]}
    ...         for i in ("9", "1", "5")]
    >>> citation_keys(recs)
    {'9': 'smith2020spinal', '1': 'smith2020spinalb', '5': 'smith2020spinalc'}
    >>> citation_keys([recs[0], {**recs[1], "source": {"format": "bibtex", "source_id": "Smith2020spinal"}}])
    {'9': 'smith2020spinalb', '1': 'Smith2020spinal'}
    >>> made = [{"key": k, "id": i, "doi": None, "title": t, "now": None}
    ...         for k, i, t in (("smith2020spinal", "9", "spinalcord"), ("smith2020spinalb", "1", "spinalnerves"))]
    >>> citation_keys([{**recs[0], "year": 2021}, {**recs[1], "title": {"en": "Spinal nerve"}}], given=made)
    {'9': 'smith2020spinal', '1': 'smith2020spinalb'}
    >>> citation_keys(recs[:2], given=made)   # 1 is the paper 9's key was made for: another paper
    {'9': 'smith2020spinal', '1': 'smith2020spinalc'}
    >>> fuller = {**recs[0], "id": "7", "doi": "10.1/sc"}   # merged: 7 the master, 9 hidden in it
    >>> lent = set()
    >>> citation_keys([recs[0], fuller], given=made[:1], masters={"9": "7"}, lent=lent), lent
    ({'9': 'smith2020spinal', '7': 'smith2020spinal'}, {'7'})
    >>> made7 = [*made[:1], {"key": "smith2020spinalb", "id": "7", "doi": "10.1/sc", "title": "spinalcord", "now": None}]
    >>> citation_keys([recs[0], fuller], given=made7, masters={"9": "7"}, lent_before={"7": "smith2020spinal"})
    {'9': 'smith2020spinal', '7': 'smith2020spinal'}
    """
    first: dict[str, dict] = {}
    for rec in records:   # each once, in its first place
        first.setdefault(rec["id"], rec)
    records = list(first.values())
    used = {k.casefold() for k in taken}
    out: dict[str, str] = {}
    holder: dict[str, dict] = {}   # a key a record came with: the first record that has it
    for rec in records:
        key = own_key(rec)
        if key and key.casefold() not in used:
            used.add(key.casefold())
            holder[key.casefold()] = rec
            out[rec["id"]] = key
    for rec in records:   # a key a record came with that another has: with a letter, and said
        key = own_key(rec)
        if key and rec["id"] not in out:
            out[rec["id"]] = _next_free(key, 1, used)[0]
            if clashes is not None and key.casefold() in holder:
                clashes.append((holder[key.casefold()], rec, out[rec["id"]]))
    by_id = {rec["id"]: rec for rec in records}
    moved = []   # keys made before whose record is not at its id now
    held: dict[str, str] = {}   # a key made before: the id of the record that has it
    for made in given:   # a key made before: its record's still (any year), no other's
        if made["key"].casefold() in used:   # (a key a record came with wins)
            continue
        used.add(made["key"].casefold())
        now = by_id.get(made["id"], made.get("now"))
        if now is not None and same_paper(made, now):
            if made["id"] not in out:   # (one that came with a key keeps that: this one is kept for nothing)
                held[made["key"]] = made["id"]   # (a record of a year not exported too)
            if made["id"] in by_id and made["id"] not in out:
                out[made["id"]] = made["key"]
        else:
            moved.append(made)
    placed = set()
    for made in moved:   # to the paper it was made for, found at another id (first entered)
        rec = next((r for r in records if r["id"] not in out and same_paper(made, r, found=True)), None)
        if rec is not None:
            out[rec["id"]] = made["key"]
            held[made["key"]] = rec["id"]
            placed.add(made["key"])
    made_for: dict[tuple[str, str], set[str]] = {}   # a DOI or title: the keys made for it
    for made in given:
        for kind in ("doi", "title"):
            if made.get(kind):
                made_for.setdefault((kind, made[kind]), set()).add(made["key"])
    for made in moved:   # else it stays its record's (its title or DOI corrected), unless that is another key's paper
        rec = by_id.get(made["id"])
        if made["key"] in placed or rec is None or rec["id"] in out:
            continue
        doi, titles = prints(rec)
        if not any(made_for.get(p, set()) - {made["key"]} for p in (("doi", doi), *(("title", t) for t in titles))) \
                and corrected(made, doi, titles):
            out[rec["id"]] = made["key"]
            held[made["key"]] = rec["id"]
    if masters:   # a master with no key of its own: its same-paper duplicate's, which a document cites
        papers = [(out[r["id"]], r["id"], key_print(r))
                  for r in records if own_key(r) and r["id"] in out]
        papers += [(made["key"], held[made["key"]], made) for made in given if made["key"] in held]
        before = lent_before or {}
        papers.sort(key=lambda p: p[0] != before.get(masters.get(p[1])))   # the key lent before first
        for key, rid, paper in papers:
            master = masters.get(rid)
            if master in by_id and (master not in out or key == before.get(master) and not own_key(by_id[master])) \
                    and same_paper(paper, by_id[master], found=True):
                out[master] = key
                if lent is not None:
                    lent.add(master)
    tried: dict[str, int] = {}   # a base key: the letters given it so far (a record after goes on from there)
    for rec in records:
        if rec["id"] in out:
            continue
        base = base_key(rec)
        out[rec["id"]], tried[base.casefold()] = _next_free(base, tried.get(base.casefold(), 0), used)
    return {rec["id"]: out[rec["id"]] for rec in records}


def with_keys(records: list[dict], keys: dict[str, str] | None = None) -> dict[str, str]:
    """The citation keys of ``records`` by id: ``keys`` (see :func:`citation_keys`), else made
    from ``records`` in their order; a record they lack (removed from the index since they
    were read) gets one of its own that none of them has."""
    keys = dict(keys) if keys is not None else {}
    keys.update(citation_keys([r for r in records if r["id"] not in keys], taken=keys.values()))
    return keys


def _next_free(base: str, n: int, used: set[str]) -> tuple[str, int]:
    """``base`` with the ``n``-th letter (none for 0), or with the first letter after it that
    makes a key not ``used`` (keys ignore case), now marked used; and that letter's number."""
    key = base + letters(n) if n else base
    while key.casefold() in used:
        n += 1
        key = base + letters(n)
    used.add(key.casefold())
    return key, n


def letters(n: int) -> str:
    """The ``n``-th (from 0) of a, b, … z, aa, ab …: citation keys' and author-year labels' suffix.

    >>> letters(0), letters(25), letters(26)
    ('a', 'z', 'aa')
    """
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(97 + r) + s
    return s


_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}
# a part's number: （二）, (十一), 第三
_CN_ORDINAL = re.compile(r"(?<=第)[〇一二三四五六七八九十]{1,3}|(?<=[（(])[〇一二三四五六七八九十]{1,3}(?=[）)])")


def _cn_number(text: str) -> int:
    """``十一`` → 11, ``二十`` → 20, ``三`` → 3."""
    tens, _, ones = text.rpartition("十")
    if "十" in text:
        return _CN_DIGITS.get(tens, 1) * 10 + _CN_DIGITS.get(ones, 0)
    return _CN_DIGITS.get(text, 0)


def _collation(text: str, person: bool = False) -> str:
    """A name or title as a list is alphabetised: Chinese by its pinyin (the characters after,
    so homophones stay apart; a ``person``'s surname as surnames read: 曾 under Z), accents
    folded, case ignored, numbers by value ((二) before (十))."""
    text = plain(text).strip()
    key = _CN_ORDINAL.sub(lambda m: str(_cn_number(m.group())), text)
    if has_han(key):
        key = " ".join(reading(key, person))
    key = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode().casefold()
    return re.sub(r"\d+", lambda m: m.group().zfill(9), key) + "\x00" + text


def ordered(records: list[dict], how: str, lang: str | None = None) -> list[dict]:
    """``records`` in a list's order: ``newest`` or ``oldest`` by year (records without one
    last; ties keep the given order); ``author`` as GB/T 7714's author-year system (§9.2:
    "按著者字顺和出版年排列") lists them, the one order of ``export --sort author`` and of
    ``gbt7714-ay``: Chinese items first, then the others; each by the names its line begins
    with (:func:`indexer.export.gbt7714.listed_names`: up to three, then 等/et al.; a whole
    book's editors; 佚名/Anon for none), compared name by name (Chinese by pinyin, a surname
    as surnames read), so that a name alone comes before the same name with others (张三
    before 张三, 李四; SMITH J before SMITH J A) and 等/et al. after the names shown; then
    year, then title; ties keep the given order (not the id, which follows the file's path,
    so a list would change with the folder it was read from).  ``lang``: the language a
    bilingual record is listed in (else its own).

    >>> recs = [{"id": "1", "year": 2019, "title": {"en": "B"}, "authors": [{"family": "Zhu", "given": "A"}]},
    ...         {"id": "2", "year": 2021, "title": {"zh": "甲"}, "authors": [{"literal": "王五"}]},
    ...         {"id": "3", "year": None, "title": {"en": "A"}, "authors": []},
    ...         {"id": "4", "year": 2020, "title": {"zh": "乙"}, "authors": [{"literal": "李四"}]}]
    >>> [r["id"] for r in ordered(recs, "newest")], [r["id"] for r in ordered(recs, "author")]
    (['2', '4', '1', '3'], ['4', '2', '3', '1'])
    >>> zhang = [{"title": {"zh": t}, "year": y, "authors": [{"literal": n} for n in names]}
    ...          for t, y, names in (("己", 2019, ["张三", "李四"]), ("戊", 2021, ["张三"]), ("丙", 2019, ["张三"]))]
    >>> [r["title"]["zh"] for r in ordered(zhang, "author")]
    ['丙', '戊', '己']
    """
    if how not in SORTS:
        raise ValueError(f"sort: one of {', '.join(SORTS)}")
    if how in ("newest", "oldest"):
        sign = -1 if how == "newest" else 1
        return sorted(records, key=lambda r: (r.get("year") is None, sign * (r.get("year") or 0)))
    from .gbt7714 import ET_AL, listed_names   # it builds on this module

    more = set(ET_AL.values())

    def key(rec: dict):
        language = main_lang(rec, lang)
        names = tuple("\uffff" if n in more else _collation(n, person=True) for n in listed_names(rec, lang))
        return (language not in ("zh", "ja", "ko"), names, rec.get("year") or 0,
                _collation(in_lang(rec, "title", language)))
    return sorted(records, key=key)


def run_together_initials(family: str, given: str) -> bool:
    """Whether ``given`` is initials run together, as PubMed and Web of Science write them
    (``Smith JA``, ``SALA NL``, ``GROSVENOR CE``); a Chinese given name in capitals after a
    pinyin surname is a name (``ZHANG YU``).

    >>> [run_together_initials(f, g) for f, g in [("Kaplan", "BS"), ("GROSVENOR", "CE"), ("ZHANG", "YU"),
    ...                                            ("Smith", "John"), ("Li", "J")]]
    [True, True, False, False, False]
    """
    return 2 <= len(given) <= 3 and given.isalpha() and given.isupper() and not (
        family.isupper() and given.lower() in SYLLABLES and is_pinyin_surname(family.lower()))
