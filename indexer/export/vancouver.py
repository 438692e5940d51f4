"""Numbered references in the NLM / Vancouver style (Citing Medicine; the ICMJE's "Sample
References"), the form biomedical journals require, as PubMed's Cite button writes them:

    1. Wang Y, Zhang K, Li M. Surgical treatment of spinal metastases. Spine. 2021;46(6):350-8. doi: 10.1097/x.
    2. Wang Y, Zhang K. [Surgical treatment of spinal metastases]. Zhonghua Gu Ke Za Zhi. 2021;41(3):150-6. Chinese.
    3. Smith J. Spinal surgery. 2nd ed. New York: Example Press; 2019. p. 12-20.
    4. Li M. Fracture healing [dissertation]. Beijing: Peking University; 2020.
    5. Li M. Fracture healing [master's thesis]. Beijing: Peking University; 2020.
    6. Smith J, editor. Spinal surgery. New York: Example Press; 2019.
    7. Abe A. Spinal metastases. In: Smith J, editor. Spine surgery. Boston: Example Press; 2021. p. 12-20.
    8. Smith J. Dietary guidelines [Internet]. Geneva: Example Health; 2023 [cited 2024 Jan 2]. Available from: https://example.org/guidelines
    9. Wang Y. Spinal fusion. Spine. 46(6):350-8.
    10. Wang S. Title. In: 2022 6th Asian Conference on Artificial Intelligence Technology (ACAIT); 2022; Changzhou, China. p. 1-5.
    11. Tynan T. Medical improvements lower homicide rate. Washington Post. 2002 Aug 12;Sect. A:2.
    12. Bloss CS. A prospective randomized trial. bioRxiv [Preprint]. 2015 Oct 22 [cited 2020 Jan 1]. Available from: https://doi.org/10.1101/029983
    13. World Health Organization. World health statistics 2023. Geneva: World Health Organization; 2023. Report No.: WHO/HIS/2023.1.
    14. ISO. Audit data collection. ISO 21378:2019. Geneva: ISO; 2019.

Authors: family name and initials without dots (a Chinese name in pinyin: 王跃 → Wang Y), up to
six, then ``et al.``; an organisation as written.  A record in another language is cited by
its English title in brackets, when it has one, with its language after the pages (the
journal's own name romanised is not known here: it is written as the record has it).  Page
ranges are shortened as NLM does (350-358 → 350-8; CNKI's discontinuous 175-177+183 → 175-7,
183); the journal's abbreviation is used when
the record has one.  A thesis is a ``[master's thesis]`` when its degree says so, else a
``[dissertation]`` (Citing Medicine's content designators; a doctoral degree or none).

Editors follow their names with ``editor`` (one) or ``editors``: a chapter's book's, and a
book's in the authors' place when it has no authors.  A web page is cited ``[Internet]``,
with the date it was read (``[cited 2024 Jan 2]``, when the record has it) after its year and
``Available from:`` its URL at the end.  A patent names its inventors and assignee, its number
and its date (``Pagedas AC, inventor; Ancel Surgical R&D Inc., assignee. Title. Patent US
20020103498. 2002 Aug 1.``), never a journal's issue and pages.  A conference paper names its
proceedings or meeting with the meeting's date and place (10); a newspaper article its full
date and section (11); a preprint its server and, with a dataset online (cited as a web page
is), its URL (12); a report its number at the end (13), a standard after its title (14).  A date not known is left out
with its punctuation (an article without a year: ``Journal. 46(6):350-8.``, as Citing Medicine writes an
undated one's volume).
"""
from __future__ import annotations

import re
import unicodedata
from typing import TextIO

from ..fields.authors import NLM_LOWER_PARTICLES, abbreviated
from ..fields.identifiers import pmid
from .common import (people, alt_in, article_number, declared_languages, doi_after_link, extra, has_han, in_lang, journal_abbreviation, journal_title, main_lang, month_abbreviation, name_in,
                     name_suffix, page_range, plain, text_name, thesis_degree, unbracketed, university,
                     written_date, written_whole)
from ..pinyin import compared_pinyin, compared_word, read_in_pinyin
from .gbt7714 import edition, full_date, pinyin_name, romanised_person
from .tagged import own_number

MAX_AUTHORS = 6
LANGUAGES = {"zh": "Chinese", "ja": "Japanese", "ko": "Korean", "de": "German", "fr": "French", "es": "Spanish",
             "ru": "Russian", "it": "Italian", "pt": "Portuguese"}
_PARTS = ("chapter", "paper-conference")
# MEDLINE's language codes (LA) of the languages PubMed cites most after English.
MEDLINE_LANGUAGES = {"chi": "Chinese", "jpn": "Japanese", "kor": "Korean", "ger": "German", "fre": "French",
                     "spa": "Spanish", "rus": "Russian", "ita": "Italian", "por": "Portuguese"}


def _declared_language(rec: dict) -> str:
    """The one language other than English a record declares (MEDLINE's ``LA  - chi``), by
    name; "" for none or several.

    >>> _declared_language({"extra": {"language": ["chi"]}}), _declared_language({"extra": {"language": ["eng", "chi"]}})
    ('Chinese', '')
    """
    declared = declared_languages(rec)
    names = {MEDLINE_LANGUAGES[v] for v in declared if v in MEDLINE_LANGUAGES}
    return names.pop() if len(names) == 1 and len(declared) == 1 else ""


def _initials(given: str) -> str:
    """``John Adam`` → ``JA``; ``Jung-ran`` → ``JR``; ``J. A.`` → ``JA``; ``CN`` (initials
    already, as PubMed gives them) → ``CN``."""
    if re.fullmatch(r"[A-Z]{1,4}", given.strip()):
        return given.strip()
    return "".join(p[0].upper() for p in re.split(r"[\s.\-]+", given) if p and p[0].isalpha())


def _cased(family: str) -> str:
    """A family name written in capitals as NLM writes it: ``WANG`` (GB/T 28039's English
    author lines) → ``Wang``, ``SALA`` (MEDLINE's older records) → ``Sala``, ``O'BRIEN`` →
    ``O'Brien``, ``VAN DER BERG`` → ``van der Berg``; any other as written (``McDonald``).
    From capitals ``Mc`` and ``Mac`` names cannot be told: ``MCDONALD`` → ``Mcdonald``."""
    if not family.isupper() or sum(c.isalpha() for c in family) < 2:
        return family
    words = family.split()
    return " ".join(w.lower() if w.lower() in NLM_LOWER_PARTICLES and i < len(words) - 1
                    else re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), w) for i, w in enumerate(words))


def nlm_name(a: dict) -> str:
    """``Smith JA``; a Chinese name in pinyin (``王跃`` → ``Wang Y``); a family name in
    capitals in mixed case (``WANG Jian-guo`` → ``Wang JG``); an organisation whole; the
    author's English name when the record has it (``alt``: an organisation's is no pinyin).

    >>> nlm_name({"family": "Smith", "given": "John Adam"}), nlm_name({"literal": "王跃", "lang": "zh"})
    ('Smith JA', 'Wang Y')
    >>> nlm_name({"family": "Lucas", "given": "Henry C., Jr."}), nlm_name({"literal": "World Health Organization"})
    ('Lucas HC Jr', 'World Health Organization')
    >>> nlm_name({"literal": "中华医学会", "lang": "zh", "alt": {"literal": "Chinese Medical Association", "lang": "en"}})
    'Chinese Medical Association'

    A Japanese or Korean author's name in kanji or hanja has no pinyin: it is written in the
    romanised form the record keeps beside it (``alt``: KCI's ``홍길동(Hong, Gil-Dong)``), as
    NLM romanises every name not in the roman alphabet (Citing Medicine), in a record of any
    language, as a Chinese name is put in pinyin; without one, as it is, as a name in hangul
    is (the characters do not tell its own reading).

    >>> nlm_name({"literal": "山田太郎", "lang": "ja"}), nlm_name({"family": "山田", "given": "太郎", "lang": "ja"})
    ('山田太郎', '山田太郎')
    >>> nlm_name({"literal": "홍길동", "lang": "ko", "alt": {"family": "Hong", "given": "Gil-Dong", "lang": "en"}})
    'Hong GD'

    So is a Chinese author's whose romanised name is not the pinyin of their name (a Taiwanese
    author's Wade-Giles, ``陳建國(Chen, Chien-Kuo)``): their own spelling, as they sign their papers.

    >>> nlm_name({"literal": "陳建國", "lang": "zh", "alt": {"family": "Chen", "given": "Chien-Kuo", "lang": "en"}})
    'Chen CK'
    """
    romanised = alt_in(a, "en")
    if romanised and (not _in_pinyin(a) or _spelt_otherwise(a, romanised)):
        return nlm_name(romanised)
    a = name_in(a, "en")
    if a.get("literal"):
        literal = plain(a["literal"])
        if romanised_person(literal) and read_in_pinyin(a):  # 张可佳 → ZHANG Kejia → Zhang K
            family, _, given = pinyin_name(literal).partition(" ")   # 阿依古丽·买买提 → Maimaiti A
            return f"{family.capitalize()} {''.join(w[:1] for w in given.split())}".strip()
        return literal
    family, given = plain(a.get("family", "")), plain(a.get("given", ""))
    if written_whole(family):
        return nlm_name({"literal": family + given, "lang": a.get("lang")})
    given, suffix = name_suffix(given)
    return " ".join(p for p in (_cased(family), _initials(given), suffix.rstrip(".")) if p)


def _in_pinyin(a: dict) -> bool:
    """Whether :func:`nlm_name` writes an author's own name in pinyin (a Chinese person's
    name in characters), not the romanised name the record keeps beside it.

    >>> _in_pinyin({"literal": "张可佳", "lang": "zh"}), _in_pinyin({"literal": "홍길동", "lang": "ko"})
    (True, False)
    """
    literal = plain(a.get("literal") or "")
    if not literal and written_whole(a.get("family")):
        literal = plain(a.get("family", "") + a.get("given", ""))
    return bool(literal) and romanised_person(literal) and read_in_pinyin(a)


def _spelt_otherwise(a: dict, romanised: dict) -> bool:
    """Whether a Chinese person's romanised name (``alt``) is their own spelling, not the pinyin
    of their name in either order (Wade-Giles ``Chen Chien-Kuo`` beside 陳建國, ``Chang`` for 張);
    initials (PubMed's ``Zhang K``) tell nothing: the pinyin stays.

    >>> zh = {"literal": "王建国", "lang": "zh"}
    >>> _spelt_otherwise(zh, {"family": "Wang", "given": "Jian-Guo"}), _spelt_otherwise(zh, {"family": "Wang", "given": "JG"})
    (False, False)
    >>> _spelt_otherwise({"literal": "张美玲", "lang": "zh"}, {"family": "Chang", "given": "Mei-Ling"})
    True
    >>> _spelt_otherwise({"literal": "吕伟", "lang": "zh"}, {"family": "Lǚ", "given": "Wei"})
    False
    """
    family, given = plain(romanised.get("family", "")), plain(romanised.get("given", ""))
    literal = plain(a.get("literal") or a.get("family", "") + a.get("given", ""))
    if not family or not given or abbreviated(f"{family} {given}"):
        return False
    own_family, own_given = compared_pinyin(literal)
    words = [compared_word(re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", w).lower())) for w in (family, given)]
    return sorted(words) != sorted([own_family, "".join(own_given)])


def _nlm_abbreviation(text: str) -> str:
    """A journal's abbreviation as NLM writes it, without periods (ISO's ``J. Drug Assess.`` →
    ``J Drug Assess``, ``Proc. Natl. Acad. Sci. U.S.A.`` → ``Proc Natl Acad Sci U S A``).

    >>> _nlm_abbreviation("Proc. Natl. Acad. Sci. U.S.A."), _nlm_abbreviation("Phys Med")
    ('Proc Natl Acad Sci U S A', 'Phys Med')
    """
    return " ".join(re.sub(r"\.(?=\w)", " ", text).replace(".", " ").split())


def short_pages(pages: str) -> str:
    """NLM's page range: the digits the last page repeats dropped (``350-358`` → ``350-8``);
    each range of a list so (``1106-1111, 1117`` → ``1106-11, 1117``).

    >>> short_pages("350-358"), short_pages("1234-1245"), short_pages("e1234"), short_pages("99-101")
    ('350-8', '1234-45', 'e1234', '99-101')
    >>> short_pages("1106-1111, 1117"), short_pages("175-177, 183-189")
    ('1106-11, 1117', '175-7, 183-9')

    CNKI joins discontinuous pages with ``+``; Citing Medicine lists them with commas:

    >>> short_pages("175-177+183"), short_pages("210+209")
    ('175-7, 183', '210, 209')
    """
    if "," in pages or "+" in pages:
        return ", ".join(short_pages(p) for p in re.split(r"[,+]", pages))
    m = re.fullmatch(r"(\D*)(\d+)\s*[-–]\s*\1(\d+)", pages.strip())
    if not m or len(m.group(2)) != len(m.group(3)):
        return pages.replace("–", "-")
    first, last = m.group(2), m.group(3)
    i = 0
    while i < len(first) - 1 and first[i] == last[i]:
        i += 1
    return f"{m.group(1)}{first}-{last[i:]}"


def _authors(rec: dict) -> str:
    names = [nlm_name(a) for a in rec.get("authors") or []]
    names = [n for n in names if n]
    more = len(names) > MAX_AUTHORS or bool((rec.get("extra") or {}).get("authors_truncated"))
    text = ", ".join(names[:MAX_AUTHORS])
    return f"{text}, et al" if more and text else text


def _editors(rec: dict, most: int | None = None) -> str:
    """``Bo A, editor`` (one) or ``Bo A, Cruz A, editors``, the first ``most`` of them then
    ``et al.`` when there are more (or the list kept its et al., 等: :func:`.common.people`); ""
    when the record has none."""
    named, more = people(rec, "editor")
    names = [n for n in (nlm_name(text_name(e)) for e in named) if n]
    if not names:
        return ""
    text = ", ".join(names[:most]) + (", et al." if more or most and len(names) > most else "")
    return f"{text}, {'editor' if len(names) == 1 and not more else 'editors'}"


def _cited(rec: dict) -> str:
    """The date a web page was read, as NLM writes it (``2024-01-02`` → ``2024 Jan 2``), from
    the CSL item's ``accessed`` (``extra.csl``) or the one a reader kept (``extra.accessed``:
    RIS's Y2 of a web page, GB/T's [引用日期]); "" when neither is a date.

    >>> _cited({"extra": {"csl": {"accessed": {"date-parts": [[2024, 1, 2]]}}}})
    '2024 Jan 2'
    >>> _cited({"extra": {"accessed": "2014-06"}}), _cited({"extra": {"accessed": "Access Date"}})
    ('2014 Jun', '')
    """
    return _nlm_date(extra(rec, "accessed"))


def _nlm_date(text: str) -> str:
    """A date as NLM writes it: ``2024-01-02`` → ``2024 Jan 2``; "" when it is none."""
    parts, _ = written_date(text)
    if not parts:
        return ""
    year, month, day = (parts + [0, 0])[:3]
    if not 1 <= month <= 12:
        return str(year)
    return f"{year} {month_abbreviation(month)}" + (f" {day}" if 1 <= day <= 31 else "")


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".?!" else text + "."


def _patent(rec: dict, title: str) -> list[str]:
    """A patent's parts as Citing Medicine writes them (ch. 14): ``Pagedas AC, inventor; Ancel
    Surgical R&D Inc., assignee. Title. Patent US 20020103498. 2002 Aug 1.`` (its country,
    which the records do not say in English, left out); never a journal's issue and pages."""
    authors, assignee = _authors(rec), plain(extra(rec, "assignee"))
    inventors = f"{authors}, {'inventors' if len(rec.get('authors') or []) > 1 else 'inventor'}" if authors else ""
    who = "; ".join(p for p in (inventors, assignee and f"{assignee}, assignee") if p)
    number = own_number(rec)
    return [who, title, f"Patent {number}" if number else "", _nlm_date(full_date(rec))]


def _issued(rec: dict) -> str:
    """The day a newspaper article or preprint is cited by, as NLM writes it (``2002 Aug 12``),
    as far as the record knows it; 1 January, which stands for a year alone in many CSL exports
    (Zotero's), as the year."""
    year, day = str(rec.get("year") or ""), full_date(rec)
    return year if day.endswith("-01-01") else _nlm_date(day) or year


def _newspaper(rec: dict, title: str, own: str, pages: str) -> list[str]:
    """A newspaper article as Citing Medicine writes it (ch. 8): ``Washington Post. 2002 Aug
    12;Sect. A:2.``, the paper's name whole, its first page only, its section from a page
    written ``A2`` or ``A02`` (a page ``004``, as CNKI writes it, is page 4).

    >>> _newspaper({"year": 2002, "extra": {"issued": "2002-08-12"}, "journal": {"en": "Washington Post"}},
    ...            "Title", "en", "A02-A03")
    ['Title', 'Washington Post', '2002 Aug 12;Sect. A:2']
    """
    paper = plain(in_lang(rec, "journal", own)).rstrip(".")
    pages = page_range(pages)[0]
    section = re.fullmatch(r"([A-Z]{1,2})0*(\d+)", pages)
    page = f";Sect. {section.group(1)}:{section.group(2)}" if section else (
        f":{pages.lstrip('0') or pages}" if pages.isdigit() else pages and f":{pages}")
    date = _issued(rec)
    return [title, paper, f"{date}{page}" if date else page.lstrip(";:")]


def _server(rec: dict) -> str:
    """A preprint's server (bioRxiv, arXiv) or a dataset's repository: its publisher, or
    Zotero's repository field, which its CSL keeps as such."""
    return plain(extra(rec, "publisher") or extra(rec, "repository"))


def _preprint(rec: dict, title: str) -> list[str]:
    """A preprint as NLM cites one: ``Title. bioRxiv [Preprint]. 2015 Oct 22 [cited 2018 Jul
    12].``, its URL after (``Available from:``)."""
    cited = _cited(rec)
    return [title, f"{_server(rec)} [Preprint]", " ".join(p for p in (_issued(rec), cited and f"[cited {cited}]") if p)]


def _internet(rec: dict, title: str, own: str, year: str) -> list[str]:
    """A web page or a dataset online, as Citing Medicine cites Internet items: ``Title [Internet].
    Site. Place: Publisher; Year [cited Year Mon Day].``, its URL after."""
    site = plain(in_lang(rec, "journal", own))  # the website's name, as the record has it
    publisher = plain(extra(rec, "publisher")) if rec.get("type") == "webpage" else _server(rec)
    cited = _cited(rec)
    return [f"{title} [Internet]" if title else "", "" if site == publisher else site.rstrip("."),
            " ".join(p for p in (_imprint(rec, year, publisher), cited and f"[cited {cited}]") if p)]


def _event(rec: dict) -> str:
    """The name of the meeting a conference paper was given at (CSL's event-title, the readers'
    event: 会议名称, Zotero's conferenceName)."""
    return plain(extra(rec, "event") or extra(rec, "event-title"))


def _conference(rec: dict, title: str, own: str, year: str) -> list[str]:
    """A conference paper as Citing Medicine writes it (ch. 3): ``In: Editor A, editor.
    Proceedings. Meeting; Date; Place. Place: Publisher; Year.``; the meeting's name when the
    proceedings' title does not hold it.  A place with no publisher is the meeting's (CNKI's
    会议地点); an event place that is the publisher's place (Zotero's CSL writes its one place
    as both) is the imprint's, and a proceedings without date or place of its meeting is cited
    as a book is."""
    host, event = plain(in_lang(rec, "journal", own)), _event(rec)
    named = host if event.casefold() in host.casefold() else ". ".join(p for p in (host, event) if p)
    place, event_place = plain(extra(rec, "place")), plain(extra(rec, "event-place"))
    publisher = plain(extra(rec, "publisher"))
    held_at = ("" if event_place == place else event_place) if publisher else event_place or place
    held_on = _nlm_date(extra(rec, "event-date"))
    imprint = _imprint(rec, year)
    if event or held_at or held_on:
        named = "; ".join(p for p in (named, held_on or year, held_at) if p)
        imprint = imprint if publisher else ""
    editors = _editors(rec)
    return [title, f"In: {editors}. {named}" if editors else f"In: {named}", imprint]


def reference(rec: dict, lang: str | None = None) -> str:
    """One reference (without its number).  A record whose language is not English is cited
    by its English title in brackets when it has one (``lang`` chooses otherwise)."""
    own = main_lang(rec, lang)
    titles = rec.get("title") or {}
    english = titles.get("en")
    translated = lang is None and own != "en" and bool(english)
    title = plain(f"[{unbracketed(english)}]" if translated else in_lang(rec, "title", own))
    language = LANGUAGES.get(rec.get("language") or own, "") if own != "en" or translated else ""
    if (rec.get("extra") or {}).get("translated_title"):  # read from PubMed: [title], its language
        title = title if title.startswith("[") else f"[{title}]"
        language = extra(rec, "original_language")
    elif not language and title.startswith("["):  # NLM's translated title, its language declared (LA chi)
        language = _declared_language(rec)
    kind = rec.get("type") or ""
    pages = short_pages(rec.get("pages") or "")
    year = str(rec.get("year") or "")
    parts = [_authors(rec)]
    url = (rec.get("url") or "").strip()
    preprint = kind == "article" and not any((rec.get("journal") or {}).values()) and bool(_server(rec))
    online = kind == "webpage" or kind == "dataset" and bool(url)
    if not (online or preprint):
        url = ""
    if kind == "patent":
        parts = _patent(rec, title)
    elif online:  # Title [Internet]. Place: Publisher; Year [cited Year Mon Day]. Available from: URL
        parts += _internet(rec, title, own, year)
    elif preprint:
        parts += _preprint(rec, title)
    elif kind == "article-newspaper":
        parts += _newspaper(rec, title, own, rec.get("pages") or "")
    elif kind == "paper-conference" and (rec.get("journal") or _event(rec)):
        parts += _conference(rec, title, own, year) + [f"p. {pages}" if pages else ""]
    elif kind in ("book", "report", "thesis", "standard", "dataset") or (kind in _PARTS and not rec.get("journal")):
        label = " [master's thesis]" if thesis_degree(rec)[0] == "master" else " [dissertation]"
        label = label if kind == "thesis" else ""
        if not parts[0]:  # an edited book: its editors in the authors' place
            parts = [_editors(rec, MAX_AUTHORS)]
        number = own_number(rec)  # a standard's after its title, a report's at the end (Report No.)
        parts += [title + label, number if kind == "standard" else "", edition(extra(rec, "edition"), False),
                  _imprint(rec, year, plain(university(rec, own)) or None), f"p. {pages}" if pages else "",
                  f"Report No.: {number}" if kind == "report" and number else ""]
    elif kind in _PARTS:
        host = plain(in_lang(rec, "journal", own))
        editors = _editors(rec)
        parts += [title, f"In: {editors}. {host}" if editors else f"In: {host}", _imprint(rec, year),
                  f"p. {pages}" if pages else ""]
    else:  # a journal article: Journal. Year;Volume(Issue):Pages. (no year: Volume(Issue):Pages)
        abbreviation = journal_abbreviation(rec)
        if abbreviation.isupper():   # Web of Science's J9 alone (J BIOL CHEM): NLM's words are not capitals
            abbreviation = journal_title({"journal": {"en": abbreviation}}, "en")
        journal = (_nlm_abbreviation(abbreviation)   # else its name as GB/T's (no capitals, no place)
                   or journal_title(rec, "en" if translated else own))
        where = (rec.get("volume") or "") + (f"({rec['issue']})" if rec.get("issue") else "")
        where = f"{year};{where}" if year and where else year or where  # no volume: 2022;(1):179-204
        pages = pages or article_number(rec)   # Citing Medicine: 2021;19:e02132-20
        if pages:
            where += f":{pages}" if where else pages
        parts += [title, journal.rstrip("."), where]
    text = " ".join(_sentence(p) for p in parts if p and p.strip()) or "[No title]."
    if language:
        text += f" {language}."
    doi = doi_after_link(rec) if url else rec.get("doi")   # (a link given says its DOI)
    if doi:
        text += f" doi: {doi}."
    if pmid(rec):
        text += f" PMID: {pmid(rec)}."
    if url:  # the URL as it is, with no period after it
        text += f" Available from: {url}"
    return " ".join(text.split())  # one line, whatever a field holds


def _imprint(rec: dict, year: str, publisher: str | None = None) -> str:
    """``Place: Publisher; Year``, with what is known (``publisher``: when not the record's own
    publisher field, a dataset's repository)."""
    publisher = plain(extra(rec, "publisher")) if publisher is None else publisher
    where = ": ".join(x for x in (plain(extra(rec, "place")), publisher) if x)
    return "; ".join(p for p in (where, year) if p)


def write_vancouver(records, out: TextIO, lang: str | None = None) -> int:
    n = 0
    for rec in records:
        n += 1
        out.write(f"{n}. {reference(rec, None if lang == 'both' else lang)}\n")
    return n
