"""GB/T 7714-2015 numeric reference lists (顺序编码制), the form Chinese journals and
theses require.

Patterns (the standard's §4 and §8; ``[1]`` numbering):

    作者. 题名[J]. 刊名, 年, 卷(期): 起-止页. DOI:….
    作者. 书名[M]. 版本. 出版地: 出版者, 年: 页码.
    析出作者. 析出题名[M]//编者. 书名. 出版地: 出版者, 年: 起-止页.
    作者. 题名[C]//会议文集或会议名. 出版地: 出版者, 年: 页码.
    作者. 题名[D]. 保存地: 保存单位, 年.          ([R] [S] [CM] [DS] [Z] likewise)
    作者. 题名[N]. 报纸名, 年-月-日(版次).
    申请者. 专利题名: 专利号[P]. 公告日期.
    责任者. 题名[EB/OL]. (发布日期)[引用日期]. 网址.

An item with a URL gets ``/OL`` in its marker, ``[引用日期]`` when the access date is known,
and the URL.  Authors: up to three, then ``, 等`` for a Chinese item or ``, et al.`` for
any other, decided per item by the script of the title it is written with; a Western
name is the family name in capitals and the initials without dots (``KINCHY A``), a
Chinese name or an organisation is kept whole.  ``--lang both`` writes a bilingual
record twice, the Chinese form then the English one on the next line.
"""
from __future__ import annotations

import re
from typing import TextIO

from .common import extra, has_han, in_lang, main_lang

MARKERS = {"article-journal": "J", "article-magazine": "J", "review": "J", "book": "M", "chapter": "M",
           "paper-conference": "C", "thesis": "D", "report": "R", "article-newspaper": "N", "patent": "P",
           "standard": "S", "webpage": "EB", "post": "EB", "post-weblog": "EB", "dataset": "DS",
           "software": "CP", "map": "CM", "manuscript": "A", "personal_communication": "A"}
MAX_AUTHORS = 3
_INITIAL_SPLIT = re.compile(r"[\s.]+")


def western_name(family: str, given: str) -> str:
    """``KINCHY A``, ``SMITH J A``, ``DUPONT J-P``: family name in capitals, initials."""
    initials = []
    for part in _INITIAL_SPLIT.split(given.strip()):
        if not part:
            continue
        pieces = [p[:1].upper() for p in part.split("-") if p]
        initials.append("-".join(pieces))
    return " ".join([family.upper()] + initials).strip()


def _pinyin_name(name: str) -> str:
    """A Chinese personal name in an English item: ``王跃`` → ``WANG Yue``."""
    from pypinyin import lazy_pinyin

    syllables = lazy_pinyin(name)
    return " ".join([syllables[0].upper(), "".join(syllables[1:]).capitalize()]).strip()


def gbt_name(a: dict | str, zh: bool = True) -> str:
    """A name as the item's language writes it (``zh``: a Chinese item)."""
    if isinstance(a, str):  # "Family, Given" or a literal (editors kept as text)
        family, sep, given = a.partition(", ")
        return western_name(family, given) if sep and not has_han(a) else a
    if a.get("literal"):
        literal = a["literal"]
        person = a.get("lang") == "zh" and 2 <= len(literal) <= 4 and has_han(literal)
        return _pinyin_name(literal) if person and not zh else literal
    family, given = a.get("family", ""), a.get("given", "")
    if has_han(family):
        return family + given if zh else _pinyin_name(family + given)
    return western_name(family, given)


def author_list(names: list[str], zh: bool) -> str:
    if len(names) > MAX_AUTHORS:
        return ", ".join(names[:MAX_AUTHORS]) + (", 等" if zh else ", et al.")
    return ", ".join(names)


def marker(rec: dict) -> str:
    kind = rec.get("type") or ""
    code = MARKERS.get(kind, "Z")
    if kind == "book" and re.search(r"论文集|会议录|proceedings", in_lang(rec, "title", main_lang(rec)) +
                                    " ".join(str(n) for n in (rec.get("extra") or {}).get("notes", [])), re.I):
        code = "C"
    return code


def _date(rec: dict) -> str:
    return extra(rec, "issued") or str(rec.get("year") or "")


def _publication(rec: dict, pages: str) -> str:
    """``出版地: 出版者, 年: 页码`` with what is known."""
    place, publisher, year = extra(rec, "place"), extra(rec, "publisher"), str(rec.get("year") or "")
    text = f"{place}: {publisher}" if place and publisher else place or publisher
    if year:
        text = f"{text}, {year}" if text else year
    if pages and text:
        text += f": {pages}"
    return text


def reference(rec: dict, lang: str | None = None) -> str:
    """One reference (without its number) in the language ``lang`` (else the record's)."""
    lang = main_lang(rec, lang)
    title = in_lang(rec, "title", lang)
    zh = has_han(title)
    kind = rec.get("type") or ""
    code = marker(rec)
    url, doi = rec.get("url") or "", rec.get("doi") or ""
    online = bool(url) or code == "EB"
    mark = f"[{code}/OL]" if online else f"[{code}]"
    container = in_lang(rec, "journal", lang)
    pages = rec.get("pages") or ""
    names = [gbt_name(a, zh) for a in rec.get("authors") or []]
    parts = []
    if names:
        parts.append(author_list(names, zh))
    number = extra(rec, "number")
    head = f"{title}: {number}" if kind in ("patent", "standard") and number else title
    if code == "J":
        year, vol, issue = str(rec.get("year") or ""), rec.get("volume") or "", rec.get("issue") or ""
        where = ", ".join(p for p in (container, year) if p)
        if vol:
            where += f", {vol}"
        if issue:
            where += f"({issue})"
        if pages:
            where += f": {pages}"
        parts += [head + mark, where]
    elif code == "N":
        where = f"{container}, {_date(rec)}" if container else _date(rec)
        parts += [head + mark, where + (f"({pages})" if pages else "")]
    elif code == "P":
        parts += [head + mark, _date(rec)]
    elif code == "EB":
        issued = extra(rec, "issued") or (str(rec["year"]) if rec.get("year") else "")
        parts += [head + mark, f"({issued})" if issued else ""]
    elif kind in ("chapter", "paper-conference") and (container or extra(rec, "event-title")):
        editors = [gbt_name(e) for e in (rec.get("extra") or {}).get("editor", [])]
        host = container or extra(rec, "event-title")
        book = ". ".join(p for p in (author_list(editors, zh) if editors else "", host) if p)
        parts += [f"{head}{mark}//{book}", _publication(rec, pages)]
    else:
        edition = extra(rec, "edition")
        parts += [head + mark, edition, _publication(rec, pages if code in ("M", "C") else "")]
    text = ""
    for p in (p for p in parts if p):  # "et al." ends its own sentence
        text += (" " if text.endswith(".") else ". ") + p if text else p
    if online:
        accessed = extra(rec, "accessed")
        if accessed:
            text += f"[{accessed}]"
        if url:
            text += f". {url}"
    if doi:
        text += f". DOI:{doi}"
    return text + "."


def write_gbt7714(records, out: TextIO, lang: str | None = None) -> int:
    n = 0
    for rec in records:
        n += 1
        if lang == "both" and len(rec.get("title") or {}) > 1:
            langs = sorted(rec["title"], key=lambda k: (k != "zh", k))
            out.write(f"[{n}] {reference(rec, langs[0])}\n")
            for other in langs[1:]:
                out.write(f"{' ' * (len(str(n)) + 3)}{reference(rec, other)}\n")
        else:
            out.write(f"[{n}] {reference(rec, None if lang == 'both' else lang)}\n")
    return n
