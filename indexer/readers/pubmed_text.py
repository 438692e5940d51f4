"""PubMed's text formats, and reference lists in its citation style (NLM, Vancouver, AMA).

**Abstract (text)**, what PubMed's Save gives in the format "Abstract (text)" (and
E-utilities' ``efetch rettype=abstract``): numbered records, each in blocks between blank
lines, its lines wrapped at 80 characters::

    1. Spine (Phila Pa 1976). 2021 Mar 15;46(6):350-358. doi: 10.1097/BRS.0000000000009999.

    Surgical treatment of spinal metastases from an unknown primary.

    Okafor CN(1), Lindqvist J(2).

    Author information:
    (1)Department of Orthopaedics, …

    BACKGROUND: … METHODS: …

    © 2020 Wolters Kluwer Health, Inc.

    DOI: 10.1097/BRS.0000000000009999
    PMID: 39999991  [Indexed for MEDLINE]

**Summary (text)**, what PubMed's Save gives in the format "Summary (text)": numbered
records between blank lines, each part on its own line (not wrapped): title, authors (none
when the article lists none), source, and its PMID with PubMed's remarks::

    1. Surgical treatment of spinal metastases from an unknown primary.
    Okafor CN, Lindqvist J.
    Spine (Phila Pa 1976). 2021 Mar 15;46(6):350-358. doi: 10.1097/BRS.0000000000009999.
    PMID: 39999991 Free PMC article.

**Citations**, one per numbered entry: PubMed's older "Summary (text)", its Cite button (NLM),
and the reference lists of papers in the NLM/Vancouver or AMA style::

    1. Okafor CN, Lindqvist J. Surgical treatment of spinal metastases. Spine (Phila Pa
    1976). 2021 Mar 15;46(6):350-358. doi: 10.1097/BRS.0000000000009999. PMID: 39999991.

The PMID is the source id.  A citation that does not read as ``Authors. Title. Journal.
Date;Volume(Issue):Pages.`` is a failure with its text.
"""
from __future__ import annotations

import itertools
import re
from typing import Iterator

from ..record import Failure, Record, Source
from ._tagged_stream import join_continuation, list_entries
from .base import START_TESTS, numbered_lines, register, starts_record
from .medline import expand_pages, put_affiliations

_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Spring|Summer|Autumn|Fall|Winter)"
# Journal. 2021 Mar 15;46(6):350-358.   (2018;361:k1234.  2020 Jan-Feb;12:e5.  2019:1-9.)
# (each part bounded: a long line that is no citation is rejected in linear time)
_SOURCE = (r"(?P<journal>(?:[^.;]|\.(?=\S)){1,300}?)\.\s+"   # dots inside: "(New York, N.Y.)"
           rf"(?P<year>(?:1[89]|20)\d{{2}})(?P<when>(?:\s*[-/]?\s*(?:{_MONTHS}|\d{{1,2}}\b)){{0,6}})"
           r"(?:\s*;\s*(?P<volume>[^(:;.\s][^(:;]{0,30}?)?\s*(?:\((?P<issue>[^)]{0,40})\))?)?"
           # pages as written: 350-8, e1234, CD010845, 142-& (open-ended), arXiv:2304.02112v2
           r"(?:\s*:\s*(?P<pages>[^\s;]{1,60}?(?:,\s*[^\s;]{1,60}?)*))?\.(?=\s|$)")
_HEADER = re.compile(rf"^(?P<n>\d{{1,6}})\.\s+{_SOURCE}", re.I)
# Authors. Title. Source    (a title may end with ? or !)
_CITATION = re.compile(rf"^(?P<authors>[^.]+?(?:\bet al)?)\.\s+(?P<title>.+?)(?:\.|(?<=[?!\]]))\s+{_SOURCE}(?P<rest>.*)$",
                       re.I | re.S)
# A citation without authors starts with its title
_ANONYMOUS = re.compile(rf"^(?P<authors>)(?P<title>.+?)(?:\.|(?<=[?!\]]))\s+{_SOURCE}(?P<rest>.*)$", re.I | re.S)
_NUMBER = re.compile(r"^\s*(?:\[\d{1,4}\]|\d{1,4}[.:)])\s+")
_DOI = re.compile(r"\bdoi:\s*(10\.\S+?)\.?(?=\s|$)", re.I)
_PMID = re.compile(r"\bPMID:\s*(\d+)")
_PMCID = re.compile(r"\bPMCID:\s*(PMC\d+)")
_EPUB = re.compile(r"\bEpub\s+((?:1[89]|20)\d{2}(?:\s+" + _MONTHS + r")?(?:\s+\d{1,2})?)")
# Blocks of an abstract record after its title, told by how they start
_NOTES = re.compile(r"^(?:Comment (?:in|on)|Erratum (?:in|for)|Update (?:of|in)|Retraction (?:in|of)|"
                    r"Republished (?:in|from)|Expression of concern (?:in|for)|Corrected and republished)\b", re.I)
_LANGUAGE = re.compile(r"^\[Article in ([A-Za-z ,]+)\]$")
_AFFILIATION_MARK = re.compile(r"\(\d+\)")
# Summary (text): "1. Title." opens a record; its PMID line follows the source line
_SUMMARY_TITLE = re.compile(r"^\d{1,6}\.\s+(?=\S)")
_PMID_LINE = re.compile(r"^PMID:\s*\d+")
_NO_AUTHORS = "[No authors listed]"
_LANGUAGES = ("Chinese|Japanese|Korean|German|French|Spanish|Russian|Italian|Portuguese|Polish|Dutch|Czech|"
              "Hungarian|Turkish|Persian|Norwegian|Danish|Swedish|Finnish|Croatian|Serbian|Slovak|Ukrainian|Greek|"
              "Hebrew|Arabic")


def _abstract_file(head: str) -> bool:
    """A file of PubMed's "Abstract (text)": a record opening with its source, and the
    blocks of one (a PMID line, author information)."""
    lines = [line for line in head.splitlines()[:3] if line.strip()][:2]  # (a source line may wrap)
    return bool(_HEADER.match(" ".join(lines)) and re.search(r"^PMID:\s*\d+", head, re.M))


def _summary_file(head: str) -> bool:
    """A file of PubMed's "Summary (text)": one of its first ten records in that layout
    (numbered title, authors, source and PMID, a line each; a book's too, whose source we do
    not read: a search can list StatPearls chapters first)."""
    records = itertools.islice(_summary_records(enumerate(head.splitlines(), 1)), 10)
    return any(_summary_shape([text.strip() for _, text in lines]) for _, lines, _ in records)


def _summary_shape(lines: list[str]) -> bool:
    """Whether ``lines`` are laid out as a record of "Summary (text)": three lines before the
    PMID's, the title ending as a sentence does (. ? ! or a translated title's ]) and the
    authors with a period or "[No authors listed]" (a citation wrapped over lines has no such
    breaks)."""
    if len(lines) < 4 or not _PMID_LINE.match(lines[3]) or not _SUMMARY_TITLE.match(lines[0]):
        return False
    title, authors = lines[:2]
    return title[-1] in ".?!]" and (authors.endswith(".") or authors == _NO_AUTHORS)


def _summary_parts(lines: list[str]) -> tuple[str, str, str, list[str]] | None:
    """Title, authors, source and the lines from the PMID on of a record of "Summary (text)",
    or None when ``lines`` are not in its layout or its source is no journal's."""
    if not _summary_shape(lines) or not _SOURCE_ONLY.match(lines[2]):
        return None
    title, authors, source = lines[:3]
    return _SUMMARY_TITLE.sub("", title), authors, source, lines[3:]


class PubMedTextReader:
    name = "pubmed-text"
    aliases = ("pubmed-abstract", "pubmed-summary", "nlm", "vancouver", "ama", "citations")
    suffixes = ()

    def sniff(self, head: str) -> float:
        if _abstract_file(head) or _summary_file(head):
            return 0.95
        if re.search(r"[\[［](?:J|M|C|D|N|R|S|P|EB/OL)[\]］]", head):  # a GB/T 7714 list (which reads these too)
            return 0.0
        entries = list(itertools.islice(_citation_entries(enumerate(head.splitlines(), 1)), 100))
        if not entries:
            return 0.0
        read = sum(1 for _, text, _ in entries if is_citation(text))
        share = read / len(entries)
        return 0.0 if share < 0.5 else 0.5 + 0.4 * share

    def read(self, source) -> Iterator[Record | Failure]:
        lines = list(numbered_lines(source))
        # another export pasted after ours: its text is a failure, which is read as that export
        cut = next((i for i, (_, line) in enumerate(lines) if i and starts_record(line, but_not=self.name)),
                   len(lines))
        ours, pasted = lines[:cut], lines[cut:]
        head = getattr(source, "head", "")
        if _abstract_file(head):
            yield from self._abstracts(source.path, ours)
        elif _summary_file(head):
            yield from self._summaries(source.path, ours)
        else:
            yield from self._citations(source.path, ours)
        if pasted:
            yield Failure(path=source.path, line=pasted[0][0], format=self.name, record=None,
                          raw="\n".join(line for _, line in pasted),
                          reason=f"{len(pasted)} lines outside any {self.name} record")

    def _each(self, path: str, entries, build, what: str, not_one: str) -> Iterator[Record | Failure]:
        """Each entry ``(line, content, raw)`` built by ``build(src, content, raw)``: its record,
        else a failure saying ``not_one`` (``build`` gave None) or why it raised (one broken
        entry never stops the file)."""
        for ordinal, (line, content, raw) in enumerate(entries, 1):
            src = Source(path=path, format=self.name, record=ordinal, line=line)
            try:
                rec = build(src, content, raw)
            except Exception as e:
                yield Failure(path=path, line=line, format=self.name, record=ordinal, raw=raw,
                              reason=f"cannot parse {what}: {type(e).__name__}: {e}")
                continue
            yield rec or Failure(path=path, line=line, format=self.name, record=ordinal, raw=raw, reason=not_one)

    def _citations(self, path: str, lines) -> Iterator[Record | Failure]:
        return self._each(path, _citation_entries(lines), citation_record, "citation",
                          not_one="not a citation in PubMed's style (Authors. Title. Journal. "
                                  "Year;Volume(Issue):Pages.)")

    def _summaries(self, path: str, lines) -> Iterator[Record | Failure]:
        return self._each(path, _summary_records(lines), summary_record, "record",
                          not_one="not a record of PubMed's Summary (text) (N. Title. / Authors. / "
                                  "Journal. Year;Volume(Issue):Pages. / PMID: …)")

    def _abstracts(self, path: str, lines) -> Iterator[Record | Failure]:
        return self._each(path, _abstract_records(lines), self._abstract, "record", not_one="")

    def _abstract(self, src: Source, blocks: list[tuple[int, str]], raw: str) -> Record | Failure:
        (line, header), rest = blocks[0], blocks[1:]
        m = _HEADER.match(header)
        if not m:
            return Failure(path=src.path, line=line, format=self.name, record=src.record, raw=raw,
                           reason="a record of PubMed's Abstract (text) opens with its source (Journal. Year;…)")
        rec = Record(src, raw_text=raw)
        _source(rec, m, line)
        _identifiers(rec, header[m.end():], line)
        while rest and _NOTES.match(rest[0][1]):  # Comment in / Erratum in …, before the title
            rec.extra.setdefault("notes", []).append(rest.pop(0)[1])
        if rest:
            at, title = rest.pop(0)
            _title(rec, title, at)
        if rest and _LANGUAGE.match(rest[0][1]):
            rec.extra["original_language"] = _LANGUAGE.match(rest.pop(0)[1]).group(1)
        marked: list[tuple[str, list[str]]] = []   # each author and the numbers of its affiliations
        if rest and not rest[0][1].startswith("Author information") and _is_author_block(rest[0][1]):
            at, names = rest.pop(0)
            for written in _names(names):
                name = _AFFILIATION_MARK.sub("", written).strip()
                rec.put("author", name, at)
                marked.append((name, _AFFILIATION_MARK.findall(written)))
        abstract = []
        for at, block in rest:
            if block.startswith("Author information"):
                _affiliations(rec, marked, block.split(":", 1)[1], at)
            elif _NOTES.match(block):
                rec.extra.setdefault("notes", []).append(block)
            elif block.startswith("Collaborators"):
                rec.extra["collaborators"] = block.split(":", 1)[-1].strip()
            elif block.startswith(("©", "Copyright", "(c)")):
                rec.extra["copyright"] = block
            elif re.match(r"^(?:DOI|PMCID|PMID):", block):
                _identifiers(rec, block, at)
            elif block.startswith("Conflict of interest statement"):
                rec.extra["conflict_of_interest"] = block.split(":", 1)[1].strip()
            else:
                abstract.append((at, block))
        if abstract:
            rec.put("abstract", " ".join(text for _, text in abstract), abstract[0][0])
        return rec


def _affiliations(rec: Record, marked: list[tuple[str, list[str]]], text: str, line: int) -> None:
    """The numbered affiliations of "Author information:" ("(1)Department of …, (2)…"), each
    author's by the numbers after its name ("Okafor CN(1)(2)"), as MEDLINE's AD lines give them.

    >>> rec = Record(Source(path="a.txt", format="pubmed-text", record=1, line=1))
    >>> _affiliations(rec, [("Okafor CN", ["(1)"]), ("Lindqvist J", ["(1)", "(2)"])], " (1)Dept A. (2)Dept B.", 5)
    >>> rec.raw["affiliation"], rec.extra["author_affiliations"][1]
    ([('Dept A.', 5), ('Dept B.', 5)], {'author': 'Lindqvist J', 'affiliations': ['Dept A.', 'Dept B.']})
    """
    parts = re.split(r"\((\d+)\)", text)
    numbered = {f"({mark})": aff.strip() for mark, aff in zip(parts[1::2], parts[2::2]) if aff.strip()}
    affiliations = list(numbered.values()) or ([text.strip()] if text.strip() else [])
    owned = [(name, [numbered[m] for m in marks if m in numbered]) for name, marks in marked]
    put_affiliations(rec, owned, [(aff, line) for aff in affiliations])


def is_citation(text: str) -> bool:
    """Whether ``text`` reads as a citation in PubMed's style."""
    return len(text) < 20_000 and bool(_CITATION.match(text) or _ANONYMOUS.match(text))


def citation_record(src: Source, text: str, raw: str) -> Record | None:
    """The record of one citation in PubMed's style (NLM, Vancouver, AMA), or None when
    ``text`` does not read as one.  Its text is kept in ``extra.reference``."""
    m = _CITATION.match(text) or _ANONYMOUS.match(text)
    if not m:
        return None
    line = src.line
    rec = Record(src, raw_text=raw)
    rec.extra["reference"] = text
    for name in _names(m.group("authors")):
        rec.put("author", name, line)
    if re.search(r"\bet al\.?$", m.group("authors").strip(), re.I):
        rec.extra["authors_truncated"] = True
    _title(rec, m.group("title"), line)
    _source(rec, m, line)
    _identifiers(rec, m.group("rest"), line)
    return rec


_SOURCE_ONLY = re.compile(rf"^\s*{_SOURCE}(?P<rest>.*)$", re.I | re.S)


def summary_record(src: Source, lines: list[tuple[int, str]], raw: str) -> Record | None:
    """The record of PubMed's "Summary (text)" in ``lines`` (``(line number, text)``), or
    None when they are not in its layout.  After the PMID, PubMed's remarks ("Free PMC
    article.", "Review.", "No abstract available.") are kept in ``extra.remarks``, the
    article's language ("Chinese.") read as such."""
    parts = _summary_parts([text.strip() for _, text in lines])
    if parts is None:
        return None
    title, authors, source, after = parts
    at = [n for n, _ in lines]   # a part a line: title, authors, source, PMID …
    rec = Record(src, raw_text=raw)
    _title(rec, title, at[0])
    if authors != _NO_AUTHORS:
        for name in _names(authors):
            rec.put("author", name, at[1])
    m = _SOURCE_ONLY.match(source)
    _source(rec, m, at[2])
    _identifiers(rec, m.group("rest"), at[2])
    for line, text in zip(at[3:], after):
        _identifiers(rec, text, line)
        if _NOTES.match(text):  # (Erratum in: …, read as a note)
            continue
        for remark in re.split(r"(?<=\.)\s*", _PMCID.sub("", _PMID.sub("", text)).strip()):
            remark = remark.strip(" ;.")   # (what the PMID and PMCID leave: "; .")
            if re.fullmatch(_LANGUAGES, remark):
                rec.extra["original_language"] = remark
            elif remark:
                rec.extra.setdefault("remarks", []).append(remark)
    return rec


def source_parts(text: str) -> dict[str, str]:
    """The parts of a citation's source alone, as PubMed's CSV export writes it in its
    "Citation" column: journal, year, date, volume, issue, pages, doi ({} when it is none).

    >>> source_parts("Spine (Phila Pa 1976). 2021 Mar 15;46(6):350-8. doi: 10.1097/BRS.0000000000003790.")["pages"]
    '350-358'
    """
    m = _SOURCE_ONLY.match(text) if len(text) < 2000 else None
    if not m:
        return {}
    doi = _DOI.search(m.group("rest"))
    return {**_parts(m), **({"doi": doi.group(1)} if doi else {})}


def _parts(m: re.Match) -> dict[str, str]:
    """Journal, year, date (when more than the year), volume, issue and pages of a matched
    source (``_SOURCE``); parts it lacks are left out."""
    when = (m.group("year") + (m.group("when") or "")).strip()
    parts = {"journal": m.group("journal").strip(), "year": m.group("year"),
             "date": when if when != m.group("year") else "", "volume": (m.group("volume") or "").strip(),
             "issue": (m.group("issue") or "").strip(), "pages": expand_pages(m.group("pages") or "")}
    return {k: v for k, v in parts.items() if v}


def _citation_entries(lines) -> Iterator[tuple[int, str, str]]:
    """``(first line, citation, raw text)``: a numbered citation runs to the next number
    (wrapped lines joined) or a blank line; without numbers, each line is one."""
    lines = list(lines)
    numbered = sum(1 for _, line in lines if _NUMBER.match(line)) >= max(1, sum(1 for _, l in lines if l.strip()) // 3)
    for start, text, raw in list_entries(lines, _NUMBER, numbered):
        yield start, _NUMBER.sub("", text, count=1).strip(), raw


def _summary_records(lines) -> Iterator[tuple[int, list[tuple[int, str]], str]]:
    """``(first line, lines, raw text)`` of each record of a Summary (text) file: the lines
    between blank lines, a numbered line after a PMID line also opening the next record (the
    blank line between them lost, as in text copied from the page)."""
    record: list[tuple[int, str]] = []
    for n, line in itertools.chain(lines, [(None, "")]):
        ends = not line.strip() or (_SUMMARY_TITLE.match(line)
                                    and any(_PMID_LINE.match(text) for _, text in record))
        if record and ends:
            yield record[0][0], record, "\n".join(text for _, text in record)
            record = []
        if line.strip():
            record.append((n, line))


def _abstract_records(lines) -> Iterator[tuple[int, list[tuple[int, str]], str]]:
    """``(first line, blocks, raw text)`` of each record of an Abstract (text) file: a record
    opens at ``N. `` with the next number in turn after a blank line (a number opening a
    line of an abstract is no record; the first may be any, as a saved second page's 21.); its blocks are the paragraphs between blank lines,
    their lines joined."""
    expected, start, blocks, raw, block, block_at, blank = 1, None, [], [], "", None, True

    def close_block():
        nonlocal block, block_at
        if block:
            blocks.append((block_at, block))
        block, block_at = "", None

    for n, line in lines:
        m = re.match(r"^(\d{1,6})\.\s", line)
        # after a blank line, the next number, or any first (a saved second page starts at 21.);
        # a number opening a source line whatever comes before (a second file joined on, 1. again)
        if m and ((blank and (int(m.group(1)) == expected or start is None)) or _HEADER.match(line)):
            close_block()
            if start is not None:
                yield start, blocks, "\n".join(raw).strip("\n")
            start, blocks, raw, expected = n, [], [], int(m.group(1)) + 1
        blank = not line.strip()
        if start is None:
            continue
        raw.append(line)
        if blank:
            close_block()
            continue
        if block_at is None:
            block, block_at = line.strip(), n
        elif re.match(r"^(?:DOI|PMCID|PMID):", line) or re.match(r"^\(\d+\)", line):
            block += "\n" + line.strip()  # identifiers and affiliations, one a line
        else:
            block = block + line.strip() if block.endswith("/") else join_continuation(block, line)
    close_block()
    if start is not None:
        yield start, blocks, "\n".join(raw).strip("\n")


def _is_author_block(text: str) -> bool:
    """Names as PubMed lists them: "Okafor CN(1), Lindqvist J(2)." (a sentence is no list)."""
    names = [n.strip() for n in re.split(r"[,;]", _AFFILIATION_MARK.sub("", text).rstrip("."))]
    return all(len(n.split()) <= 6 and not re.search(r"[.;:!?]\s", n) for n in names) and \
        not re.search(r"\b(?:the|of|and|in|was|were|is|are)\b.*\b(?:the|of|and|in|was|were|is|are)\b", text)


def _names(text: str) -> list[str]:
    text = re.sub(r"[,;]?\s*\bet al\.?$", "", text.strip().rstrip("."), flags=re.I)
    return [n.strip() for n in re.split(r"\s*[,;]\s*", text) if n.strip()]


def _title(rec: Record, title: str, line: int) -> None:
    """A translated title is in brackets: "[Minimally invasive surgery …]." """
    title = title.strip().rstrip(".").strip()
    if title.startswith("[") and title.endswith("]"):
        title = title[1:-1].strip()
        rec.extra["translated_title"] = True
    rec.put("titles", title, line)


def _source(rec: Record, m: re.Match, line: int) -> None:
    parts = _parts(m)
    if "date" in parts:
        rec.extra["date"] = [parts.pop("date")]
    for key, value in parts.items():
        rec.put(key, value, line)


def _identifiers(rec: Record, text: str, line: int) -> None:
    """doi, PMID (the source id), PMCID, Epub date and the notes (Erratum in: …) after the source."""
    doi = _DOI.search(text)
    if doi and "doi" not in rec.raw:
        rec.put("doi", doi.group(1), line)
    pmid = _PMID.search(text)
    if pmid and rec.source.source_id is None:
        rec.source.source_id = pmid.group(1)
    pmcid = _PMCID.search(text)
    if pmcid:
        rec.extra["pmcid"] = pmcid.group(1)
    epub = _EPUB.search(text)
    if epub:
        rec.extra["epub"] = epub.group(1)
    language = re.match(rf"\s*({_LANGUAGES})\.(?=\s|$)", text)
    if language:  # "…:401-405. Chinese. doi: …": the article's language, after its source
        rec.extra["original_language"] = language.group(1)
    for note in re.findall(r"\b((?:Erratum|Comment|Update|Retraction) (?:in|of|on|for):\s*[^.]+\.[^;]*?\d{4}[^.]*)", text):
        rec.extra.setdefault("notes", []).append(note.strip())


register(PubMedTextReader())
# A record of "Abstract (text)" opens with its number and source ("1. Nat Aging. 2024
# Mar;4(3):336-349."): such a line inside another export is this one pasted in.
START_TESTS["pubmed-text"] = lambda line: line[:1].isdigit() and bool(_HEADER.match(line))
