"""Web of Science tagged export (``FN``/``VR`` header, ``PT J`` … ``ER``, ``EF``), CSCD too.

Own streaming loop (not :class:`TaggedReader`'s): a tag is two characters and a space;
continuation lines are indented three spaces (some BIOSIS exports do not indent them:
an unindented line continues the field unless it starts with a known WoS tag; in a file
that indents its wrapped lines, any ``XX value`` line is a field of its own, one unknown to
the reader kept in ``extra.tags``).  A known
tag with a tab for its space (``DI<tab>10.1000/x``) is that tag's line, with an issue.  A
continuation of AU, AF, C1, CR (and the other one-per-line tags) is another value (one
author per line); of any other tag it continues the same value (no space between CJK
text).  The FN/VR header and the EF line belong to no record; a record missing its ER
ends at the next PT.

* Authors: AF (full names) over AU; ``YANG Y`` (no comma) is read ``YANG, Y``, and any name without a
  comma family name first (``Li Ming``: Li, Ming); e-mail
  addresses in names dropped.  CSCD (Chinese Science Citation Database) records carry the
  Chinese fields in Z1 (title), Z2 (authors), Z3 (journal), Z4 (abstract), Z5 (keywords),
  Z6 (addresses): the Chinese authors are the authors, the pinyin AF/AU names are kept as
  ``translated_author``.
* DE/ID (and BIOSIS/CABI descriptors BD, OR, MC, MQ) are keywords split on ``;``.
* C1 lines are ``[Author; Author] Address``: the address is the affiliation, and which
  authors it belongs to is kept in ``extra["author_affiliations"]``.
* BP/EP make the pages (one page when EP is BP: ``E1``; else PS, else AR, the article number,
  kept in ``extra.article_number`` too, and there alone when a dash in it would read as a
  range: ASM's ``e02132-20``); PY the year, else PD's, else an early-access record's EY, else
  its EA date's (``JAN 2024``, kept in ``extra.early_access``); SN (else EI) the ISSN;
  UT is the source id; FU the funding (FX, the funding text, kept in extra, and its funding
  statements read where FU gives no grant number and FX does; beside FU's numbers, the grants
  FX alone names).
* An abstract written as paragraphs, one per line, each opening with a label
  (``Results: ...`` or a ``Results`` line of its own) is handed over as its sections.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..charsets import HAN, HANGUL, KANA
from ..fields.funding import acknowledged_funding, parse_funding, statement_body, statement_grants_beyond
from ..fields.sections import LABELS_EN, split_sections
from ..record import Failure, Record, Source
from ._tagged_stream import join_continuation
from .base import WOS_RECORD_START, cited_article_number, in_other_export, numbered_lines, register
from .tagged import TaggedReader

WOS_TYPES = {"J": "article-journal", "B": "book", "S": "article-journal", "C": "paper-conference",
             "P": "patent"}
# Tags whose continuation lines are further values, one per line.
ONE_PER_LINE = frozenset({"AU", "AF", "BA", "BF", "BE", "CA", "GP", "C1", "C3", "CR", "Z2", "Z6", "Z7"})
FILE_TAGS = frozenset({"FN", "VR", "EF"})
_RECORD_START = re.compile(WOS_RECORD_START)
# Field tags of WoS exports (Core Collection, BIOSIS, CABI, Derwent, CSCD, SciELO, KCI).
KNOWN_TAGS = frozenset("""
A2 AA AB AD AE AF AK AN AR AU AW BA BD BE BF BN BP BS C1 C2 C3 CA CC CE CH CI CL CN CO CP CR CT CY
D2 DA DC DE DF DG DI DL DM DN DP DS DT DY EA EC ED EF EI EM EP ER EY FD FN FP FS FT FU FX GA GE GI
GN GP GS GT HC HO HP ID IO IP IS IV J9 JC JI LA LS LT MA MC ME MH MI MN MQ NM NO NP NR NT OA OB OC
OD OI OP OR OS P1 P2 PA PC PD PE PG PI PL PM PN PR PS PT PU PV PY RC RG RI RP S1 SA SC SD SE SF SI
SN SO SP SS ST SU TA TC TF TI TL TM TN TR TS U1 U2 UC UR UT VL VN VR WC WE WP X1 X2 X4 X5 Y1 Y4 Y5
Z1 Z2 Z3 Z4 Z5 Z6 Z7 Z8 Z9 ZA ZB ZK ZR ZS
""".split())
_LINE = re.compile(r"^([A-Z][A-Z0-9])(?: (.*))?$")
_EMAIL = re.compile(r"\s*\([^)]*@[^)]*\)")
# An abstract paragraph's label: "Results:" at a line start, or a short line of its own.
_LABEL_LINE = re.compile(r"^(?P<label>[A-Z][A-Za-z()/&,\- ]{1,45}?)\s*[:：]\s*(?P<text>\S.*)$")
_HEADING_LINE = re.compile(r"^[A-Z][A-Za-z()/&,\- ]{1,45}$")


def _known_label(label: str) -> bool:
    return re.sub(r"\(s\)$", "", label.strip(), flags=re.I).upper() in LABELS_EN


def paragraph_sections(lines: list[str]) -> list[tuple[str, str]]:
    """(label, text) of an abstract given one paragraph per line, each opening with a label;
    [] when the lines are not such paragraphs (e.g. a wrapped abstract).

    >>> paragraph_sections(["Objective", "To test.", "Methods", "We tested."])
    [('Objective', 'To test.'), ('Methods', 'We tested.')]
    >>> paragraph_sections(["Introduction: Why.", "Results: It works.", "Conclusion: Good."])
    [('Introduction', 'Why.'), ('Results', 'It works.'), ('Conclusion', 'Good.')]
    >>> paragraph_sections(["We reviewed twelve patients. Results: the", "outcomes were good."])
    []
    """
    sections: list[list[str]] = []
    expect_body = False
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if expect_body:
            sections[-1][1] = line
            expect_body = False
            continue
        m = _LABEL_LINE.match(line)
        if m and len(m.group("label").split()) <= 5:
            sections.append([m.group("label").strip(), m.group("text").strip()])
        elif _HEADING_LINE.match(line) and len(line.split()) <= 5:
            sections.append([line, ""])
            expect_body = True
        else:
            return []
    if expect_body or len(sections) < 2 or sum(_known_label(label) for label, _ in sections) < 2:
        return []
    return [(label, text) for label, text in sections]


def unindented_wraps(head: str) -> bool:
    r"""Whether a file's head wraps a value onto an unindented line that opens with no tag
    (BIOSIS's exports do; Clarivate's indent such a line three spaces).

    >>> unindented_wraps("PT J\nTI A title that\n   wraps\nZB 0\nER\n")
    False
    >>> unindented_wraps("PT J\nTI A title that\nwraps here\nER\n")
    True
    """
    return any(line.strip() and line[:1] not in (" ", "\t") and not _LINE.match(line.rstrip())
               and not WosReader.LOOSE_LINE.match(line) for line in head.lstrip("\ufeff").splitlines())


# A name without a comma, its family name first as Web of Science writes every name (a
# particle before it, "van", "de", its own): two to four words of letters.
_NO_COMMA = re.compile(r"(?P<family>(?:(?:van|von|der|den|de|del|della|di|da|dos|das|du|la|le|ter|ten)\s+)*"
                       r"[^\W\d_][\w'’.-]*)\s+(?P<given>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,2})")


def wos_name(name: str) -> str:
    """An author as written in AU/AF: e-mail dropped, ``YANG Y`` → ``YANG, Y``; a name without
    a comma is family name first, as Web of Science writes AU and AF (CSCD's ``Li Ming``,
    ``Ouyang Xiaoming``), not a given name first.

    >>> wos_name("Medvedeff, Cassandra A. (medvedeff22@ufl.edu)"), wos_name("YANG Y"), wos_name("Li, M")
    ('Medvedeff, Cassandra A.', 'YANG, Y', 'Li, M')
    >>> wos_name("Li Ming"), wos_name("Ouyang Xiao Ming"), wos_name("van der Berg Anna"), wos_name("[Anonymous]")
    ('Li, Ming', 'Ouyang, Xiao Ming', 'van der Berg, Anna', '[Anonymous]')
    """
    name = _EMAIL.sub("", name).strip()
    initials = re.sub(r"^([^,]+?) ([A-Z]{1,4})$", r"\1, \2", name)
    if initials != name or "," in name:
        return initials
    m = _NO_COMMA.fullmatch(name) if not re.search(f"[{HAN}{KANA}{HANGUL}]", name) else None   # (CSCD's Z2: 李 明)
    return f"{m.group('family')}, {m.group('given')}" if m else name


class WosReader(TaggedReader):
    name = "wos"
    aliases = ("web-of-science", "isi", "cscd")
    suffixes = (".ciw",)
    LINE = _LINE
    # "DI<tab>10.1000/x": a tag's line all the same, with an issue (read as the line before
    # continued, the pages took the DOI, tab and all), for the tags of a field a user would miss.
    LOOSE_TAGS = frozenset("PT AU AF TI SO AB DE ID PY VL IS BP EP DI UT ER".split())
    LOOSE_LINE = re.compile(r"^(?P<tag>[A-Z][A-Z0-9]) *\t\s*(?P<value>.*)$")
    START_TAGS = frozenset({"PT"})
    END_TAGS = frozenset({"ER"})
    SOURCE_ID_TAGS = ("UT",)
    TAGS = {
        "TI": "titles", "Z1": "titles", "X1": "titles", "Y1": "titles",
        "SO": "journal", "Z3": "journal", "S1": "journal",
        "AB": "abstract", "Z4": "abstract", "X4": "abstract", "Y4": "abstract", "A2": "abstract",
        "PY": "year", "PD": "publication_date", "VL": "volume", "IS": "issue", "BP": "start_page",
        "EP": "end_page", "AR": "article_number", "PS": "page_range", "DI": "doi", "D2": "book_doi",
        "SN": "issn", "EI": "eissn", "BN": "isbn", "C1": "address", "Z6": "address", "C3": "organisation",
        "FU": "funding", "FX": "funding_text", "UT": "source_id", "LA": "language", "DT": "document_type",
        "PU": "publisher", "PI": "publisher_city", "PA": "publisher_address", "J9": "journal_abbreviation",
        "JI": "journal_abbreviation", "SE": "series", "BS": "series", "PN": "part", "SU": "supplement",
        "SI": "special_issue", "RP": "reprint_address", "EM": "email", "Z7": "email", "CR": "cited_references",
        "NR": "reference_count", "TC": "times_cited", "Z8": "times_cited_cscd", "Z9": "times_cited_all",
        "ZB": "times_cited_biosis", "ZS": "times_cited_scielo", "ZR": "times_cited_rsci",
        "ZA": "times_cited_arabic",
        "PM": "pmid", "OA": "open_access", "PG": "page_count", "WC": "categories", "SC": "research_areas",
        "GA": "ids_number", "BE": "editor", "CT": "conference", "CY": "conference_date",
        "CL": "conference_location", "SP": "conference_sponsor", "HO": "conference_host",
        "RI": "researcher_ids", "OI": "orcids", "X2": "transliterated_title", "AE": "assignee",
        "EA": "early_access", "EY": "early_access_year",
    }
    AUTHOR_TAGS = frozenset({"AU", "AF", "CA", "GP", "Z2"})
    KEYWORD_TAGS = frozenset({"DE", "ID", "X5", "Y5", "ZK", "BD", "OR", "MC", "MQ"})

    def parse_line(self, line: str):
        m = _LINE.match(line.rstrip())
        return (m.group(1), (m.group(2) or "").strip()) if m else None

    def sniff(self, head: str) -> float:
        if re.match(r"(?:FN |VR |PT [A-Z]\s*$)", head) or re.search(r"^PT [JBSCP]\s*$", head, re.M) and \
                re.search(r"^(?:AU|TI|SO|UT) ", head, re.M):
            return 0.9
        return 0.0

    # -- the read loop ---------------------------------------------------------------------

    def read(self, source) -> Iterator[Record | Failure]:
        fields: list[list] = []       # [tag, [lines], line number]
        raw_lines: list[str] = []
        stray: list[str] = []
        start_line = stray_line = 0
        ordinal = 0

        def finish():
            nonlocal fields, raw_lines, ordinal
            ordinal += 1
            while raw_lines and not raw_lines[-1].strip():
                raw_lines.pop()
            item = self._finish(fields, raw_lines, source.path, ordinal, start_line)
            fields, raw_lines = [], []
            return item

        def flush_stray():
            nonlocal stray, ordinal
            ordinal += 1
            item = Failure(path=source.path, line=stray_line, reason="lines outside any wos record",
                           raw="\n".join(stray).strip("\n"), format=self.name, record=ordinal)
            stray = []
            return item

        in_record = foreign = False  # foreign: inside another export pasted into this file
        # A file whose wrapped lines are not indented (BIOSIS): a line opening with a tag unknown
        # to the reader ("UK and Irish lakes …") may be prose wrapped; in any other file it is a tag.
        unindented = unindented_wraps(getattr(source, "head", "") or "")
        for lineno, line in numbered_lines(source):
            if not line.strip():
                if in_record:
                    raw_lines.append(line)
                elif foreign:
                    stray.append(line)
                continue
            indented = line[:1] in (" ", "\t")
            parsed = None if indented else self.parse_line(line)
            if in_record and fields and not indented and not parsed and not unindented:
                unindented = self.LOOSE_LINE.match(line) is None
            if parsed and in_record and fields and parsed[0] not in KNOWN_TAGS and unindented:
                parsed = None  # an unindented continuation line that happens to start "XX "
            parsed, loose = self.parse_tolerant(line, parsed, source.path, lineno)  # "DI<tab>10.1000/…"
            tag = parsed[0] if parsed else None
            starts = tag == "PT" and _RECORD_START.match(line) is not None  # not MEDLINE's "PT  - Journal Article"
            foreign = in_other_export(line, tag in FILE_TAGS, starts, foreign, self.name)
            if foreign:  # another export pasted in: stray till our next record
                if in_record:
                    yield finish()
                    in_record = False
                if not stray:
                    stray_line = lineno
                stray.append(line)
                continue
            if not in_record:
                if tag in FILE_TAGS:
                    continue
                if tag is None or tag == "ER" or tag not in KNOWN_TAGS:
                    if not stray:
                        stray_line = lineno
                    stray.append(line)
                    continue
                if stray:
                    yield flush_stray()
                in_record, start_line = True, lineno
            elif tag == "PT" and any(f[0] != "PT" for f in fields):  # the previous record lost its ER
                yield finish()
                start_line = lineno
            elif tag == "EF":
                yield finish()
                in_record = False
                continue
            raw_lines.append(line)
            if tag == "ER":
                yield finish()
                in_record = False
            elif parsed:
                fields.append([tag, [parsed[1]] if parsed[1] else [], lineno, *([loose] if loose else [])])  # _finish
            else:
                fields[-1][1].append(line.strip())
        if in_record and (fields or raw_lines):
            yield self._cut_short(finish())
        if stray:
            yield flush_stray()

    # -- one record ------------------------------------------------------------------------

    def build(self, fields, source: Source) -> Record:
        rec = Record(source)
        raw = rec.raw
        put = rec.put

        names: dict[str, list] = {}
        paragraphs: list[list[str]] = []
        for tag, lines, lineno in fields:
            lines = [l for l in lines if l.strip()]
            if not lines:
                continue
            if tag in ONE_PER_LINE:
                values = lines
            else:
                value = ""
                for piece in lines:
                    value = join_continuation(value, piece.strip(), False)
                values = [value]
            if tag == "PT":
                rec.type = WOS_TYPES.get(values[0].upper(), rec.type)
                rec.extra.setdefault("source_type", values[0])
            elif tag in self.AUTHOR_TAGS:
                names.setdefault(tag, []).extend((v, lineno) for v in values)
            elif tag in self.KEYWORD_TAGS:
                for v in values:
                    for kw in re.split(r"\s*[;；]\s*", v):
                        put("keyword", kw.strip().rstrip(".。").strip(), lineno)
            elif tag == "Z5":
                put("keywords", values[0], lineno)
            else:
                if tag == "UT" and source.source_id is None:
                    source.source_id = values[0]
                if tag == "AB":
                    paragraphs.append((lines, lineno))
                key = self.TAGS.get(tag)
                for v in values:
                    if key is None:
                        rec.extra.setdefault("tags", {}).setdefault(tag, []).append(v)
                    else:
                        put(key, v, lineno)
        self._authors(rec, names)
        self._funding_text(rec)
        self._addresses(rec)
        self._details(rec, fields)
        for lines, ab_line in paragraphs:
            sections = paragraph_sections(lines)
            if sections:
                raw["sections"] = [(s, ab_line) for s in sections]
                # Given sections replace the pipeline's own split: split the other abstracts here.
                for text, line in raw.get("abstract", []):
                    if line != ab_line:
                        lang = "zh" if re.search(r"[\u4e00-\u9fff]", text) else "en"
                        raw["sections"] += [((s["label_original"], s["text"]), line)
                                            for s in split_sections(text, lang)]
                break
        return rec

    def _authors(self, rec: Record, names: dict[str, list]) -> None:
        raw = rec.raw
        full = [(wos_name(v), line) for v, line in names.get("AF", [])]
        short = [(wos_name(v), line) for v, line in names.get("AU", [])]
        latin = full or short
        if full and short:
            rec.extra["short_authors"] = [v for v, _ in short]
        groups = names.get("CA", []) + names.get("GP", [])
        chinese = [(wos_name(p), line) for v, line in names.get("Z2", [])
                   for p in re.split(r"\s*[;；]\s*", v) if p.strip()]
        if chinese:  # CSCD: the Chinese names are the authors, the pinyin ones their translation
            raw["author"] = chinese + groups
            raw["translated_author"] = latin
        else:
            raw["author"] = latin + groups

    def _funding_text(self, rec: Record) -> None:
        """FX, the funding text, is kept in extra.  Where FU gives no grant number and FX does
        (a record without FU; CSCD's FU naming its funders alone), its grants are read too: FX
        is an acknowledgement, so only its funding statements and its thanks to a funder with
        a grant number (fields.funding.acknowledged_funding); the people and cohorts it thanks
        ("We thank Dr. Zhang …", "the volunteers of the UK Biobank (application number 12345)")
        are no funders.  Beside an FU with numbers, which names the same grants, only the grants
        FU does not give, of a funder named as one, are read from it, after FU's
        (fields.funding.statement_grants_beyond): each grant once."""
        found = [(statement, line) for text, line in rec.raw.get("funding_text", [])
                 for statement in acknowledged_funding(text)]
        given = [text for text, _ in rec.raw.get("funding", [])]
        if any(e["award"] for text in given for e in parse_funding(text)):
            line = found[0][1] if found else None
            rec.raw["funding"] += [(grant, line) for grant in statement_grants_beyond(
                given, [statement for statement, _ in found])]
        elif any(e["award"] for statement, _ in found for e in parse_funding(statement_body(statement))):
            rec.raw.setdefault("funding", []).extend(found)

    def _addresses(self, rec: Record) -> None:
        """C1/Z6 ``[Author; Author] Address`` lines: the addresses, and whose they are."""
        owners = []
        values: list[tuple[str, int]] = []
        bracketed = False
        for value, line in rec.raw.pop("address", []):
            if bracketed and not value.startswith("[") and values and re.search(r"[,&-]$", values[-1][0]):
                # a bracketed address wrapped after a comma: its next line is its end
                values[-1] = (f"{values[-1][0]} {value}", values[-1][1])
                continue
            bracketed = bracketed or not values and value.startswith("[")
            values.append((value, line))
        for value, line in values:
            m = re.match(r"^\[([^\]]*)\]\s*(.*)$", value)
            address = (m.group(2) if m else value).strip()
            rec.raw.setdefault("affiliation", []).append((address, line))
            if m:
                for name in re.split(r"\s*[;；]\s*", m.group(1)):
                    if name.strip():
                        owners.append((name.strip(), address))
        if owners:
            by_author: dict[str, list[str]] = {}
            for name, address in owners:
                by_author.setdefault(name, []).append(address)
            rec.extra["author_affiliations"] = [{"author": n, "affiliations": a} for n, a in by_author.items()]

    def _details(self, rec: Record, fields) -> None:
        raw = rec.raw
        if not raw.get("start_page"):
            raw["pages"] = raw.get("page_range") or cited_article_number(raw.get("article_number", []))
        if not raw.get("issn") and raw.get("eissn"):
            raw["issn"] = list(raw["eissn"])
        if not raw.get("doi") and raw.get("book_doi"):
            raw["doi"] = list(raw["book_doi"])
        if not raw.get("year") and raw.get("publication_date"):
            raw["date"] = list(raw["publication_date"])
        # An early-access record (online before its issue) has no PY: its EY, else its EA date's year.
        if not raw.get("year") and not any(re.search(r"\d{4}", v) for v, _ in raw.get("date", [])):
            if raw.get("early_access_year"):
                raw["year"] = list(raw["early_access_year"])
            else:
                raw["date"] = raw.get("date", []) + raw.get("early_access", [])
        # A title in another language (CSCD's Chinese Z1) is the original unless the record is in English.
        languages = " ".join(v for v, _ in raw.get("language", [])).lower()
        other = [t for t in raw.get("titles", []) if t[1] in {f[2] for f in fields if f[0] in ("Z1", "X1", "Y1")}]
        if other and "english" not in languages:
            raw["titles"] = other + [t for t in raw["titles"] if t not in other]
        doc_types = " ".join(v for v, _ in raw.get("document_type", [])).lower()
        if "book chapter" in doc_types and rec.type in ("book", "article-journal"):
            rec.type = "chapter"
        elif "proceedings paper" in doc_types and rec.type == "article-journal" and \
                rec.extra.get("source_type", "").upper() in ("S", "B"):
            rec.type = "paper-conference"
        elif "patent" in doc_types:
            rec.type = "patent"
        if rec.type == "patent" and raw.get("part"):
            raw["number"] = raw.pop("part")  # PN of a patent is its number


register(WosReader())
