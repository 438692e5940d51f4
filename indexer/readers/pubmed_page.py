"""PubMed's abstract page (pubmed.ncbi.nlm.nih.gov/NNN/) copied from a browser into a text file.

Select all, copy, paste gives the page's text a part a line, not wrapped::

    Spine (Phila Pa 1976). 2021 Mar 15;46(6):350-358. doi: 10.1097/BRS.0000000000003801.
    Review                                                (a publication type, sometimes)
    Percutaneous Kyphoplasty Versus Vertebroplasty …
    [Article in Chinese]                                  (a translated title is in brackets)
    Jianguo Wang 1, Xiaoming Li 2, Hua Zhang 1 2
    Affiliations
    1 Department of Orthopedics, …
    PMID: 33587412 DOI: 10.1097/BRS.0000000000003801
    Free article
    Abstract
    Study design: A randomized controlled trial.
    …
    Level of evidence: 2.
    Keywords: kyphoplasty; spinal metastases; vertebroplasty.
    Copyright © 2021 Wolters Kluwer Health, Inc. All rights reserved.
    Conflict of interest statement
    The authors report no conflicts of interest.
    Similar articles / Cited by / References / MeSH terms / Grants and funding / LinkOut …

The source line, title, PMID, PMCID, DOI, copyright and conflict of interest are read as
PubMed's "Abstract (text)" reads them (:mod:`.pubmed_text`: the PMID is the source id); each
author's affiliations by their numbers, as MEDLINE's AD lines (``extra["author_affiliations"]``);
an abstract whose every paragraph opens with its label in sections, one a label (so ``Level of
evidence: 2.`` stays its own part, not the conclusion's last sentence).  The lists after the
abstract (similar articles, references, MeSH terms, links …) are the page's, not the paper's,
and are dropped, but for the grants, read as funding.  A file opens with the source line (or a
publication type and then it) and holds a ``PMID:`` line; a page pasted after the first opens
the next record at its own source line.  A page copied whole (select all) opens with the site's
head before its source line, the .gov banner, the account menu, the search bar and the display
options: known lines only, one of them PubMed's own (``Skip to main page content``, ``NCBI
Homepage``, ``Display options``, ``Send to``), skipped; a page pasted after another opens at its
head.  The sidebar and footer after the paper (``Full text links``, ``Cite``, ``Share``, ``Follow
NCBI`` …) are dropped with the lists.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..fields.authors import ORG_WORDS
from ..fields.funding import funding_entry, split_awards
from ..fields.notices import is_unmarked_notice
from ..fields.sections import split_sections
from ..record import Failure, Record, Source
from .base import numbered_lines, register
from .medline import collective_name, grant, put_affiliations
from .pubmed_text import _LANGUAGE, _SOURCE_ONLY, _identifiers, _source, _title

# What the page writes after the source, and nothing else: "doi: 10.…. Epub 2021 Jan 5. Online
# ahead of print." (a line with other text after its source is no page's source line)
_SOURCE_TAIL = re.compile(r"(?:\s*(?:doi:\s*10\.\S+|(?:Epub|eCollection|Print)\s+[^.]{1,40}\.|"
                          r"Online ahead of print\.))*\s*$", re.I)
# Pieces of the source line a copy may put on lines of their own: ". 2021 Mar 15;46(6):350-358."
_SOURCE_PIECE = re.compile(r"^\s*(?:\.\s*(?:1[89]|20)\d{2}\b|doi:\s*10\.|Epub\s|eCollection\s|Online ahead of print\.)",
                           re.I)
_TYPE = re.compile(r"^(?:Review|Systematic Review|Meta-Analysis|Clinical Trial(?:, Phase [IV]+)?|"
                   r"Randomized Controlled Trial|Multicenter Study|Comparative Study|Observational Study|"
                   r"Case Reports|Editorial|Letter|Comment|Practice Guideline|Guideline|Preprint|"
                   r"Published Erratum|Retracted Publication)$")
_HEADING_ABSTRACT = re.compile(r"^Abstract$")
_AFFILIATIONS = re.compile(r"^Affiliations?$")
_AFFILIATION_LINE = re.compile(r"^(\d{1,3})\s+(\S.*)$")
# Buttons and remarks between the head and the abstract, and the link under it: no data
_CHROME = re.compile(r"^(?:Expand|Collapse|Item in Clipboard|Show details|Full text links|Cite|Display options|"
                     r"PubMed Disclaimer)$")
# The site's own lines above the citation when the whole page is copied (select all): the
# .gov banner, the account menu, the search bar, the display options.  Each is known; a copy's
# browser may join short links on one line ("Access keys NCBI Homepage MyNCBI Homepage").
_SITE_LINK = (r"Skip to main page content|An official website of the United States government|"
              r"Here[’']s how you know|NIH NLM Logo|NLM Logo|Log in|Show account info|Close|Account|Logged in as:|Dashboard|"
              r"Publications|Account settings|Log out|Access keys|NCBI Homepage|MyNCBI Homepage|"
              r"Main Content|Main Navigation|Search:?|Advanced|Clipboard|User Guide|Save|Email|Send to|"
              r"Display options|Format|Abstract|PubMed|PMID|Full text links|Cite|Share")
_SITE_CHROME = re.compile(rf"^(?:(?:{_SITE_LINK})(?:\s+(?:{_SITE_LINK}))*|"
                          r"The \.gov means it[’']s official\..*|Federal government websites often end in \.gov.*|"
                          r"The site is secure\..*|"
                          r"The https:// ensures that you are connecting to the official website.*)$")
# ... of which these are PubMed's (NCBI's) alone: a head of "Abstract" and "Search" is no site's
_SITE_OWN = re.compile(r"Skip to main page content|NCBI Homepage|Display options|Send to")
# The full text links in the head (its sidebar, above the citation in a copy): "Full text links", a
# publisher's link or a few, each a short line ("Elsevier Science", "Free PMC article"), and the
# heading again
_LINKS_BLOCK = 4
_LINK_TEXT = re.compile(r"^[^\d:;]{1,60}$")
# The account's name under "Logged in as:" (the page writes "username" when logged out)
_ACCOUNT_NAME = re.compile(r"^\S{1,64}$")
# How many lines the site's head takes at most (some 50)
_SITE_HEAD_LINES = 80
_REMARK = re.compile(r"^(?:Free (?:PMC )?article|No abstract available)\.?$")
_PMID = re.compile(r"^PMID:\s*\d+")
_IDS = re.compile(r"^(?:PMID|PMCID|DOI):\s*\S")
_KEYWORDS = re.compile(r"^Keywords:\s*(.*)$", re.I)
_COPYRIGHT = re.compile(r"^(?:Copyright\b|©|\(c\)\s*\d{4})", re.I)
_CONFLICT = re.compile(r"^Conflict of interest statement$", re.I)
# The page's own lists after the paper, up to the next page: dropped (the grants read as funding)
_RESIDUE = re.compile(r"^(?:Similar articles|Cited by(?: \d+ articles)?|References|Publication types|MeSH terms|"
                      r"Substances|Supplementary concepts|Grants and funding|LinkOut - more resources|"
                      r"Full text sources|Related information|Associated data|Figures|"
                      r"Comment (?:in|on)|Erratum (?:in|for)|Update (?:of|in)|Retraction (?:in|of)|"
                      r"Expression of concern (?:in|for))$")
_GRANTS = "Grants and funding"
# The sidebar's heading: above the abstract a button, once the abstract has begun the sidebar
# itself (its publishers' links, Cite, Share), after the paper
_LINKS = "Full text links"
# "Study design: A randomized …", a label and its text; a label alone on its line ("Methods:")
_LABELLED = re.compile(r"^(?P<label>[A-Z][A-Za-z'’()/&,-]*(?: [A-Za-z'’()/&,-]+){0,6}):\s+(?P<text>\S.*)$")
_LABEL_ONLY = re.compile(r"^[A-Z][A-Za-z'’()/&,-]*(?: [A-Za-z'’()/&,-]+){0,6}:$")
# Spine's and its kin's last line of an abstract: "Level of evidence: 2."
# (a paragraph of its own, or after the conclusion's last sentence)
_LEVEL_OF_EVIDENCE = re.compile(r"(?:^|(?<=[.!?])\s+)Level of evidence:\s*([0-9IVX]{1,4}[a-c]?\.?)$", re.I)
# "Jianguo Wang 1 2": a name and its affiliation numbers
_MARKS = re.compile(r"^(?P<name>.*?\S)(?P<marks>(?:\s+\d{1,3})*)$")


def _source_line(lines: list[str], i: int) -> tuple[re.Match, int] | None:
    """The page's source line at ``lines[i]`` (a copy may have put its date and DOI on lines of
    their own: joined), and how many lines it took; None when it is not one."""
    text, taken = lines[i].strip(), 1
    while i + taken < len(lines) and taken < 4 and _SOURCE_PIECE.match(lines[i + taken]):
        text += ("" if lines[i + taken].lstrip().startswith(".") else " ") + lines[i + taken].strip()
        taken += 1
    m = _SOURCE_ONLY.match(text) if len(text) < 1000 else None
    if m is None or not _SOURCE_TAIL.fullmatch(m.group("rest")):
        return None
    return m, taken


def _links_end(lines: list[str], i: int) -> int | None:
    """Where the head's block of full text links opening at ``lines[i]`` ends (the line of its
    heading again), or None when none opens there.

    >>> _links_end(["Full text links", "Elsevier Science", "Full text links", "Review"], 0)
    2
    >>> _links_end(["Full text links", "Lancet Oncol. 2021;22(3):e101.", "Full text links"], 0) is None
    True
    """
    if lines[i].strip() != _LINKS:
        return None
    for j in range(i + 1, min(len(lines), i + 2 + _LINKS_BLOCK)):
        text = lines[j].strip()
        if text == _LINKS:
            return j if j > i + 1 else None
        if text and not _LINK_TEXT.match(text):
            return None
    return None


def _site_head_end(lines: list[str], start: int = 0) -> int:
    """Where the page begins after the site's head from ``start`` (its banner, account menu and
    search bar, when the whole page was copied): ``start`` itself when no such head is there, or
    one that holds none of PubMed's own lines.

    >>> _site_head_end(["Skip to main page content", "Logged in as:", "username", "", "Display options",
    ...                 "Abstract", "Spine. 2021;46(6):350-358."])
    6
    >>> _site_head_end(["Abstract", "Search", "Spine. 2021;46(6):350-358."])
    0
    """
    i, own, before = start, False, ""
    while i < len(lines) and i - start < _SITE_HEAD_LINES:
        text, links = lines[i].strip(), _links_end(lines, i)
        if links is not None:
            i = links   # (its publishers' links: no page's lines)
        elif _SITE_CHROME.match(text):
            own = own or bool(_SITE_OWN.search(text))
        elif text and not (before == "Logged in as:" and _ACCOUNT_NAME.match(text)):
            break
        before = text or before
        i += 1
    return i if own else start


def _site_head_start(lines: list[str], i: int) -> int:
    """Where the site's head ends at ``lines[i]`` begins (a page copied after another, each with
    its head), or ``i`` when none does."""
    start = i
    while start > 0 and i - start < _SITE_HEAD_LINES:
        text, above = lines[start - 1].strip(), lines[start - 2].strip() if start > 1 else ""
        if text and not (_SITE_CHROME.match(text) or (above == "Logged in as:" and _ACCOUNT_NAME.match(text))):
            opening = next((j for j in range(start - 2, max(-1, start - 3 - _LINKS_BLOCK), -1)
                            if (_links_end(lines, j) or -1) >= start - 1), None)
            if opening is None:
                break
            start = opening + 1   # (a publisher's link inside the full text links)
        start -= 1
    while start < i and not lines[start].strip():
        start += 1
    return start if _site_head_end(lines, start) >= i else i


def _opening(lines: list[str]) -> int | None:
    """Where the source line is among a page's first lines (after the site's head, and a
    publication type), or None."""
    first = _site_head_end(lines)
    content = [i for i, line in enumerate(lines) if i >= first and line.strip()][:2]
    for k, i in enumerate(content):
        if _source_line(lines, i):
            return i
        if k or not _TYPE.match(lines[i].strip()):
            return None
    return None


def _is_page(head: str) -> bool:
    """A page copied: it opens with its source line and holds a PMID line.

    >>> _is_page("Review\\nNat Aging. 2024 Mar;4(3):336-349. doi: 10.1038/s43587-024-00572-8.\\nA title\\n"
    ...          "PMID: 38267706")
    True
    >>> _is_page("Nat Aging. 2024 Mar;4(3):336-349. Okafor CN. A title.\\nPMID: 38267706")
    False
    """
    lines = head.splitlines()
    return (_opening(lines[:_site_head_end(lines) + 20]) is not None
            and any(_PMID.match(line) for line in lines))


class PubMedPageReader:
    name = "pubmed-page"
    aliases = ("pubmed-web",)
    # (a page is pasted into a .txt, as a scraped CNKI page is: a tie of the two readers, both
    # sure, goes to this one, registered first)
    suffixes = (".txt",)

    def sniff(self, head: str) -> float:
        return 1.0 if _is_page(head) else 0.0

    def read(self, source) -> Iterator[Record | Failure]:
        numbered = list(numbered_lines(source))
        texts = [line for _, line in numbered]
        for ordinal, (start, end) in enumerate(_pages(texts), 1):
            part = numbered[start:end]
            raw = "\n".join(line for _, line in part).strip("\n")
            src = Source(path=source.path, format=self.name, record=ordinal, line=part[0][0])
            try:
                rec = _page_record(src, part, raw)
            except Exception as e:  # one broken page never stops the file
                rec = Failure(path=source.path, line=src.line, format=self.name, record=ordinal, raw=raw,
                              reason=f"cannot parse page: {type(e).__name__}: {e}")
            yield rec or Failure(path=source.path, line=src.line, format=self.name, record=ordinal, raw=raw,
                                 reason="no PubMed abstract page here (its source line, then the title)")


def _pages(lines: list[str]) -> list[tuple[int, int]]:
    """``(first, end)`` line indexes of each page: the next opens at a source line (or the
    publication type before it) after the PMID line of the one before."""
    starts, pmid = [], True   # (the file's first page opens at its first line)
    for i, line in enumerate(lines):
        if pmid and _source_line(lines, i) and (not starts or _pmid_follows(lines, i)):
            before = i - 1
            while before >= 0 and not lines[before].strip():
                before -= 1
            opens = before if starts and before >= 0 and _TYPE.match(lines[before].strip()) else i
            opens = _site_head_start(lines, opens) if starts else opens
            starts.append(0 if not starts else opens)
            pmid = False
        elif _PMID.match(line.strip()):
            pmid = True
    return [(s, e) for s, e in zip(starts, starts[1:] + [len(lines)])] or [(0, len(lines))]


# How many lines after a page's source line its PMID line may come (past the authors and
# their affiliations).
_PMID_AHEAD = 80


def _pmid_follows(lines: list[str], i: int) -> bool:
    """Whether the source line at ``i`` opens a page: its own PMID line follows before another
    source line (a reference of the page before, ``Lancet. 2020;395(10223):470-473. doi: …``,
    is a source line with no PMID line of its own)."""
    for j in range(i + 1, min(len(lines), i + _PMID_AHEAD)):
        if _PMID.match(lines[j].strip()):
            return True
        if _source_line(lines, j):
            return False
    return False


class _Page:
    """The parts of one page, sorted line by line."""

    def __init__(self):
        self.types: list[str] = []
        self.title: tuple[int, str] | None = None
        self.authors: tuple[int, str] | None = None
        self.affiliations: list[tuple[int, str, str]] = []   # (line, number or "", text)
        self.abstract: list[tuple[int, str]] = []
        self.keywords: tuple[int, str] | None = None
        self.copyright = ""
        self.conflict: list[str] = []
        self.grants: list[tuple[int, str]] = []
        self.remarks: list[str] = []


def _page_record(src: Source, lines: list[tuple[int, str]], raw: str) -> Record | None:
    """The record of one page's ``(line number, text)`` lines, or None when it opens with no source line."""
    texts = [text for _, text in lines]
    at = _opening(texts)
    if at is None:
        return None
    m, taken = _source_line(texts, at)
    rec = Record(src, raw_text=raw)
    page = _Page()
    page.types = [t.strip() for t in texts[_site_head_end(texts):at] if t.strip()]
    _source(rec, m, lines[at][0])
    _identifiers(rec, m.group("rest"), lines[at][0])
    if re.search(r"Online ahead of print\.", m.group("rest"), re.I):
        page.remarks.append("Online ahead of print")
    _sort_lines(rec, page, [(n, t.strip()) for n, t in lines[at + taken:] if t.strip()])
    if page.title is None:  # every page shows one: this is no page, or one cut short
        return None
    _fill(rec, page)
    return rec


def _sort_lines(rec: Record, page: _Page, lines: list[tuple[int, str]]) -> None:
    """Each line to its part of ``page`` (identifiers straight to ``rec``), by where it stands:
    the head (type, title, language, authors) up to ``Affiliations`` or the PMID line, then
    the parts their headings open."""
    state = "head"
    for n, text in lines:
        if _RESIDUE.match(text):
            state = "grants" if text == _GRANTS else "residue"
        elif text == _LINKS and state not in ("head", "affiliations", "ids"):
            state = "residue"   # the sidebar, below the paper when the whole page is copied
        elif state == "residue" and _HEADING_ABSTRACT.match(text) and not page.abstract:
            state = "abstract"   # after "Comment in" and its list, above the abstract
        elif state in ("residue", "grants"):
            if state == "grants":
                page.grants.append((n, text))
        elif _IDS.match(text):
            _identifiers(rec, text, n)
            state = "ids"
        elif _CHROME.match(text):
            continue
        elif _REMARK.match(text):
            page.remarks.append(text.rstrip("."))
        elif state == "head":
            _head_line(rec, page, n, text)
            if _AFFILIATIONS.match(text):
                state = "affiliations"
        elif _HEADING_ABSTRACT.match(text) and state in ("affiliations", "ids") and not page.abstract:
            state = "abstract"
        elif state == "affiliations" and _AFFILIATIONS.match(text):
            continue   # (the heading again, under its Expand button)
        elif state == "affiliations":
            mark = _AFFILIATION_LINE.match(text)
            page.affiliations.append((n, mark.group(1), mark.group(2)) if mark else (n, "", text))
        elif _KEYWORDS.match(text):
            page.keywords = (n, _KEYWORDS.match(text).group(1))
            state = "keywords"
        elif _COPYRIGHT.match(text):
            page.copyright = text
            state = "copyright"
        elif _CONFLICT.match(text):
            state = "conflict"
        elif state == "conflict":
            page.conflict.append(text)
        elif state == "keywords" and page.keywords and not page.keywords[1]:
            page.keywords = (n, text)   # ("Keywords:" alone, its words on the next line)
        elif state in ("abstract", "ids"):
            page.abstract.append((n, text))
            state = "abstract"
        else:
            page.abstract.append((n, text))


def _head_line(rec: Record, page: _Page, n: int, text: str) -> None:
    """A line between the source line and ``Affiliations``: a type, the title, the article's
    language, the authors."""
    if _AFFILIATIONS.match(text):
        return
    if page.title is None and _TYPE.match(text):
        page.types.append(text)
    elif page.title is None:
        page.title = (n, text)
    elif _LANGUAGE.match(text):
        rec.extra["original_language"] = _LANGUAGE.match(text).group(1)
    elif page.authors is None:
        page.authors = (n, text)
    else:  # a title in two lines? kept, not guessed
        rec.extra.setdefault("unread", []).append(text)


def _fill(rec: Record, page: _Page) -> None:
    """``rec``'s fields from the parts of its page."""
    if page.types:
        rec.extra["source_type"] = page.types[0]  # a stated type: never re-guessed
    if page.title:
        _title(rec, page.title[1], page.title[0])
    if page.authors:
        _authors(rec, page.authors[0], page.authors[1], page.affiliations)
    elif page.affiliations:
        put_affiliations(rec, [], [(text, n) for n, _, text in page.affiliations])
    if not page.copyright and len(page.abstract) > 1 and is_unmarked_notice(page.abstract[-1][1]):
        page.copyright = page.abstract.pop()[1]   # the CI field shown with no mark: "Thieme. All rights reserved."
    _abstract(rec, page.abstract)
    if page.keywords and page.keywords[1]:
        rec.put("keywords", page.keywords[1].strip().rstrip("."), page.keywords[0])
    if page.copyright:
        rec.extra["copyright"] = page.copyright
    if page.conflict:
        rec.extra["conflict_of_interest"] = " ".join(page.conflict)
    for n, text in page.grants:
        _grant(rec, n, text)
    if page.remarks:
        rec.extra["remarks"] = page.remarks


def _authors(rec: Record, line: int, text: str, affiliations: list[tuple[int, str, str]]) -> None:
    """The author line's names, each with the affiliations its numbers point to ("Wang J 1 2");
    a collective name ("COVID-19 Genomics UK (COG-UK) Consortium") kept whole."""
    numbered = {mark: aff for _, mark, aff in affiliations if mark}
    owned = []
    for written in (w.strip() for w in re.split(r"\s*[,;]\s*", text.strip().rstrip("."))):
        if not written:
            continue
        m = _MARKS.match(written)
        name, marks = m.group("name"), m.group("marks").split()
        if marks and not all(mark in numbered for mark in marks):
            name, marks = written, []   # numbers that point to no affiliation: part of the name
        kept = collective_name(name) if ORG_WORDS.search(name) else name
        rec.put("author", kept, line)
        owned.append((kept, [numbered[mark] for mark in marks]))
    put_affiliations(rec, owned, [(aff, n) for n, _, aff in affiliations])


def _abstract(rec: Record, lines: list[tuple[int, str]]) -> None:
    """The abstract; when its every paragraph opens with a label ("Methods: …", or "Methods:"
    alone above its text), its sections as the page shows them (a paragraph holding several
    labels is split as the pipeline splits an abstract)."""
    paragraphs: list[tuple[int, str]] = []
    for n, text in lines:
        if paragraphs and _LABEL_ONLY.match(paragraphs[-1][1]):
            paragraphs[-1] = (paragraphs[-1][0], f"{paragraphs[-1][1]} {text}")
        else:
            paragraphs.append((n, text))
    evidence = _LEVEL_OF_EVIDENCE.search(paragraphs[-1][1]) if paragraphs else None
    if evidence:  # a grade, no sentence of the abstract: apart, never the conclusion's last words
        rec.extra["level_of_evidence"] = evidence.group(1).rstrip(".")
        n, text = paragraphs.pop()
        if text[:evidence.start()].strip():
            paragraphs.append((n, text[:evidence.start()].strip()))
    if not paragraphs:
        return
    parts = [_LABELLED.match(text) for _, text in paragraphs]
    if len(parts) >= 2 and all(parts):
        for (n, text), m in zip(paragraphs, parts):
            one = {"label_original": m.group("label"), "text": m.group("text")}
            for section in split_sections(text, "en") or [one]:
                rec.put("sections", (section["label_original"], section["text"]), n)
    rec.put("abstract", " ".join(text for _, text in paragraphs), paragraphs[0][0])


def _grant(rec: Record, line: int, text: str) -> None:
    """A line of the page's grants: MEDLINE's ``Number/Acronym/Agency/Country``, or
    ``81702662/National Natural Science Foundation of China`` (number, then funder); several
    numbers in one (``81702662, 81872180/81672345/…``) are a grant each, as MEDLINE's GR."""
    parts = [p.strip() for p in text.split("/")]
    if len(parts) == 2 and re.search(r"\d", parts[0]) and not re.search(r"\d", parts[1]):
        entry = funding_entry(parts[1], parts[0])
    else:
        entry = grant(text)
    if entry is None:
        rec.put("funding", text, line)
        return
    for one in split_awards(entry):
        if one not in rec.funding:
            rec.funding.append(one)


register(PubMedPageReader())
