"""Numbered references in the NLM / Vancouver style (Citing Medicine; the ICMJE's "Sample
References"), the form biomedical journals require, as PubMed's Cite button writes them:

    1. Wang Y, Zhang K, Li M. Surgical treatment of spinal metastases. Spine. 2021;46(6):350-8. doi: 10.1097/x.
    2. Wang Y, Zhang K. [Surgical treatment of spinal metastases]. Zhonghua Gu Ke Za Zhi. 2021;41(3):150-6. Chinese.
    3. Smith J. Spinal surgery. 2nd ed. New York: Example Press; 2019. p. 12-20.
    4. Li M. Fracture healing [dissertation]. Beijing: Peking University; 2020.
    5. Li M. Fracture healing [master's thesis]. Beijing: Peking University; 2020.

Authors: family name and initials without dots (a Chinese name in pinyin: 王跃 → Wang Y), up to
six, then ``et al.``; an organisation as written.  A record in another language is cited by
its English title in brackets, when it has one, with its language after the pages (the
journal's own name romanised is not known here: it is written as the record has it).  Page
ranges are shortened as NLM does (350-358 → 350-8); the journal's abbreviation is used when
the record has one.  A thesis is a ``[master's thesis]`` when its degree says so, else a
``[dissertation]`` (Citing Medicine's content designators; a doctoral degree or none).
"""
from __future__ import annotations

import re
from typing import TextIO

from ..fields.authors import PARTICLES
from .common import (extra, has_han, in_lang, journal_abbreviation, main_lang, name_suffix, plain, text_name,
                     thesis_degree)
from .gbt7714 import edition, pinyin_name, romanised_person

MAX_AUTHORS = 6
LANGUAGES = {"zh": "Chinese", "ja": "Japanese", "ko": "Korean", "de": "German", "fr": "French", "es": "Spanish",
             "ru": "Russian", "it": "Italian", "pt": "Portuguese"}
_PARTS = ("chapter", "paper-conference")


def _initials(given: str) -> str:
    """``John Adam`` → ``JA``; ``Jung-ran`` → ``JR``; ``J. A.`` → ``JA``; ``CN`` (initials
    already, as PubMed gives them) → ``CN``."""
    if re.fullmatch(r"[A-Z]{1,4}", given.strip()):
        return given.strip()
    return "".join(p[0].upper() for p in re.split(r"[\s.\-]+", given) if p and p[0].isalpha())


# Particles of a family name that NLM writes in lower case before it (van der Berg, de Jorge):
# the readers' particles, less those it capitalises (Al Farsi, El Sayed, Bin, St., Op).
_PARTICLES = PARTICLES - {"al", "el", "bin", "st.", "op"}


def _cased(family: str) -> str:
    """A family name written in capitals as NLM writes it: ``WANG`` (GB/T 28039's English
    author lines) → ``Wang``, ``SALA`` (MEDLINE's older records) → ``Sala``, ``O'BRIEN`` →
    ``O'Brien``, ``VAN DER BERG`` → ``van der Berg``; any other as written (``McDonald``).
    From capitals ``Mc`` and ``Mac`` names cannot be told: ``MCDONALD`` → ``Mcdonald``."""
    if not family.isupper() or sum(c.isalpha() for c in family) < 2:
        return family
    words = family.split()
    return " ".join(w.lower() if w.lower() in _PARTICLES and i < len(words) - 1
                    else re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), w) for i, w in enumerate(words))


def nlm_name(a: dict) -> str:
    """``Smith JA``; a Chinese name in pinyin (``王跃`` → ``Wang Y``); a family name in
    capitals in mixed case (``WANG Jian-guo`` → ``Wang JG``); an organisation whole.

    >>> nlm_name({"family": "Smith", "given": "John Adam"}), nlm_name({"literal": "王跃", "lang": "zh"})
    ('Smith JA', 'Wang Y')
    >>> nlm_name({"family": "Lucas", "given": "Henry C., Jr."}), nlm_name({"literal": "World Health Organization"})
    ('Lucas HC Jr', 'World Health Organization')
    """
    if a.get("literal"):
        literal = plain(a["literal"])
        if romanised_person(literal):  # 张可佳 → ZHANG Kejia → Zhang K
            family, _, given = pinyin_name(literal).partition(" ")   # 阿依古丽·买买提 → Maimaiti A
            return f"{family.capitalize()} {''.join(w[:1] for w in given.split())}".strip()
        return literal
    family, given = plain(a.get("family", "")), plain(a.get("given", ""))
    if has_han(family):
        return nlm_name({"literal": family + given})
    given, suffix = name_suffix(given)
    return " ".join(p for p in (_cased(family), _initials(given), suffix.rstrip(".")) if p)


def _nlm_abbreviation(text: str) -> str:
    """A journal's abbreviation as NLM writes it, without periods (ISO's ``J. Drug Assess.`` →
    ``J Drug Assess``, ``Proc. Natl. Acad. Sci. U.S.A.`` → ``Proc Natl Acad Sci U S A``).

    >>> _nlm_abbreviation("Proc. Natl. Acad. Sci. U.S.A."), _nlm_abbreviation("Phys Med")
    ('Proc Natl Acad Sci U S A', 'Phys Med')
    """
    return " ".join(re.sub(r"\.(?=\w)", " ", text).replace(".", " ").split())


def short_pages(pages: str) -> str:
    """NLM's page range: the digits the last page repeats dropped (``350-358`` → ``350-8``).

    >>> short_pages("350-358"), short_pages("1234-1245"), short_pages("e1234"), short_pages("99-101")
    ('350-8', '1234-45', 'e1234', '99-101')
    """
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


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".?!" else text + "."


def reference(rec: dict, lang: str | None = None) -> str:
    """One reference (without its number).  A record whose language is not English is cited
    by its English title in brackets when it has one (``lang`` chooses otherwise)."""
    own = main_lang(rec, lang)
    titles = rec.get("title") or {}
    english = titles.get("en")
    translated = lang is None and own != "en" and bool(english)
    title = plain(f"[{english}]" if translated else in_lang(rec, "title", own))
    language = LANGUAGES.get(rec.get("language") or own, "") if own != "en" or translated else ""
    if (rec.get("extra") or {}).get("translated_title"):  # read from PubMed: [title], its language
        title = title if title.startswith("[") else f"[{title}]"
        language = extra(rec, "original_language")
    kind = rec.get("type") or ""
    pages = short_pages(rec.get("pages") or "")
    year = str(rec.get("year") or "")
    parts = [_authors(rec)]
    if kind in ("book", "report", "thesis") or (kind in _PARTS and not (rec.get("journal") or {})):
        label = {"thesis": " [master's thesis]" if thesis_degree(rec)[0] == "master" else " [dissertation]",
                 "report": " [report]"}.get(kind, "")
        parts += [title + label, edition(extra(rec, "edition"), False), _imprint(rec, year),
                  f"p. {pages}" if pages else ""]
    elif kind in _PARTS:
        host = plain(in_lang(rec, "journal", own))
        editors = ", ".join(nlm_name(text_name(e)) for e in (rec.get("extra") or {}).get("editor", []))
        parts += [title, f"In: {editors}, editors. {host}" if editors else f"In: {host}", _imprint(rec, year),
                  f"p. {pages}" if pages else ""]
    else:  # a journal article: Journal. Year;Volume(Issue):Pages.
        journal = (_nlm_abbreviation(journal_abbreviation(rec))
                   or plain(in_lang(rec, "journal", "en" if translated else own)))
        where = year
        if rec.get("volume"):
            where += f";{rec['volume']}"
        if rec.get("issue"):  # no volume: 2022;(1):179-204
            where += f"({rec['issue']})" if rec.get("volume") else f";({rec['issue']})"
        if pages:
            where += f":{pages}"
        parts += [title, journal.rstrip("."), where]
    text = " ".join(_sentence(p) for p in parts if p and p.strip()) or "[No title]."
    if language:
        text += f" {language}."
    if rec.get("doi"):
        text += f" doi: {rec['doi']}."
    source = rec.get("source") or {}
    if source.get("source_id") and source.get("format") in ("medline", "pubmed-xml", "pubmed-text") \
            and str(source["source_id"]).isdigit():
        text += f" PMID: {source['source_id']}."
    return " ".join(text.split())  # one line, whatever a field holds


def _imprint(rec: dict, year: str) -> str:
    """``Place: Publisher; Year``, with what is known."""
    where = ": ".join(x for x in (extra(rec, "place"), extra(rec, "publisher")) if x)
    return "; ".join(p for p in (where, year) if p)


def write_vancouver(records, out: TextIO, lang: str | None = None) -> int:
    n = 0
    for rec in records:
        n += 1
        out.write(f"{n}. {reference(rec, None if lang == 'both' else lang)}\n")
    return n
