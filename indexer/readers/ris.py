"""RIS (``TY  - JOUR`` … ``ER  -``): reference managers, Scopus, CNKI and Wanfang exports."""
from __future__ import annotations

import datetime
import re

from ..fields.funding import detail_grants, split_awards
from ..fields.keywords import join_locant_fragments
from ..fields.places import COUNTRIES, ends_an_address
from .base import cited_article_number, register
from .medline import grant
from .tagged import PREPRINT_WORK, TaggedReader

# RIS reference types → CSL types (JFULL, "Journal (full)", is a whole journal; MUSIC is
# EndNote's Music and Zotero's audio recording, CSL's song).
RIS_TYPES = {
    "JOUR": "article-journal", "JFULL": "periodical", "MGZN": "article-magazine", "NEWS": "article-newspaper",
    "BOOK": "book", "EBOOK": "book", "EDBOOK": "book", "CHAP": "chapter", "ECHAP": "chapter",
    "THES": "thesis", "CONF": "paper-conference", "CPAPER": "paper-conference", "RPRT": "report",
    "PAT": "patent", "STAND": "standard", "ELEC": "webpage", "WEB": "webpage", "GEN": "document",
    "UNPB": "manuscript", "DATA": "dataset", "COMP": "software", "CASE": "legal_case", "STAT": "legislation",
    # the other types our RIS export writes (indexer.export.tagged), read back as the type written
    "MAP": "map", "PCOMM": "personal_communication", "MPCT": "motion_picture", "ART": "graphic",
    "BILL": "bill", "SOUND": "song", "MUSIC": "song", "PAMP": "pamphlet", "ENCYC": "entry-encyclopedia",
    "DICT": "entry-dictionary", "HEAR": "hearing", "BLOG": "post-weblog",
    "SLIDE": "speech",   # (Zotero's presentation)
}
# The start of a link: a scheme (http://, EndNote's internal-pdf://) or a host's www.
_LINK_START = re.compile(r"[A-Za-z][\w+.-]*://|www\.")
# An MPCT ("Motion Picture", EndNote's "Film or Broadcast") whose M3 (Type of Work) says it is a
# broadcast, as our export writes one (Zotero writes a TV broadcast as MPCT too); a PCOMM
# (Personal Communication, Zotero's letter and its interview) whose M3 says it is an interview.
BROADCAST_WORK = re.compile(r"(?i)broadcast")
INTERVIEW_WORK = re.compile(r"(?i)interview")


class RisReader(TaggedReader):
    name = "ris"
    aliases = ("ris-tagged", "scopus-ris", "zotero-ris")
    suffixes = (".ris",)
    # "TY  - JOUR" (the standard two spaces), also "TY - JOUR" and "ER  -" without a value.
    LINE = re.compile(r"^([A-Z][A-Z0-9])\s{1,2}-(?:\s(.*))?$")

    def parse_line(self, line: str) -> tuple[str, str] | None:
        m = self.LINE.match(line.rstrip())
        return (m.group(1), (m.group(2) or "").strip()) if m else None
    # "AB -Text", "AB- Text", "AB   - Text": a tag's line all the same, with an issue, where the
    # line before would have taken it; only for the tags of a field a user would miss (RIS wraps
    # values on unindented lines, so "T2- weighted", "C5- C6 level" are prose).
    LOOSE_TAGS = frozenset("TY ER AU TI T1 AB PY DO SP EP VL IS KW".split())
    LOOSE_LINE = re.compile(r"^(?P<tag>[A-Z][A-Z0-9])(?: +- *| *- +)(?P<value>.*)$")
    LOOSE_VALUES = {"ER": re.compile(""), "TY": re.compile(r"[A-Z]{3,6}"), "PY": re.compile(r"\d{4}\b.*"),
                    "AU": re.compile(r"[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,3}, ?[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,3}"), "DO": re.compile(r"(?i)(?:\S*doi\S*)?10\.\d{4,9}/\S+"),
                    **dict.fromkeys(("SP", "EP", "VL", "IS"), re.compile(r"\S*\d\S*"))}
    START_TAGS = frozenset({"TY"})
    END_TAGS = frozenset({"ER"})
    TYPE_TAG = "TY"
    TYPES = RIS_TYPES
    SOURCE_ID_TAGS = ("ID", "AN")
    # Scopus and EndNote write a record's keywords under one KW, one a line; Zotero reads each
    # line as a keyword.  Scopus's affiliations under one AD are one a line too: glued, they
    # were one address given to every author (but an address wrapped is one: value_of_its_own).
    # EndNote writes a PubMed record's ISSNs under one SN ("0028-0836 (Print)" then "0028-0836"),
    # and its links under one UR, one a line: glued, two links were one that leads nowhere.
    VALUE_PER_LINE = frozenset({"KW", "AD", "SN", "UR", "L2"})
    # EndNote's note of a PubMed record is PubMed's fields one a line (the ISSN, the authors,
    # the grants, the publication types, the citation): kept as lines.
    KEEP_LINES = frozenset({"N1"})
    # An abstract's lines are its paragraphs (Zotero's RIS writes a paragraph a line, as our export
    # does) if each before the last ends a sentence and none is indented; else it is wrapped (Ovid's).
    PARAGRAPH_LINES = frozenset({"AB", "N2"})
    def value_of_its_own(self, tag: str, value: str, line: str) -> bool:
        """A line after AD is another affiliation (Scopus's, one a line) where the line before
        it ended one, at a country or postcode (fields.places.ends_an_address), and the line is
        not indented: else it is the address before wrapped ("…, Massachusetts General Hospital,
        Harvard" then "Medical School, Boston, MA, USA").  A line after UR is another link where it
        starts one (``https://…``, EndNote's ``internal-pdf://…``, ``www.…``)."""
        if tag == "AD":
            return not line[:1].isspace() and ends_an_address(value.rsplit("\n", 1)[-1])
        if tag in ("UR", "L2"):   # a link starts there; else the link before wrapped
            return bool(_LINK_START.match(line.strip()))
        return super().value_of_its_own(tag, value, line)

    TAGS = {
        "TI": "titles", "T1": "titles", "TT": "titles", "CT": "titles", "BT": "titles",
        "AU": "author", "A1": "author",
        # EndNote's Translated Author: the authors' names in Latin letters (MEDLINE's TA, the
        # journal's abbreviation, in a converted file: kept in tags when it pairs with no author)
        "TA": "ris_translated_author",
        # Full names; abbreviations (JA, J1, J2: "Ann. Chir. Plast. Esthet.") are the journal
        # only where no full name in their script is given (our own export's J2 is the
        # journal in the other language).
        "T2": "journal", "JO": "journal", "JF": "journal",
        "JA": "journal_abbreviation", "J1": "journal_abbreviation", "J2": "journal_abbreviation",
        "T3": "series",
        "PY": "year", "Y1": "old_date", "DA": "date",
        "VL": "volume", "IS": "issue", "CP": "issue", "SP": "start_page", "EP": "end_page",
        "AB": "abstract", "N2": "abstract", "N1": "notes",
        "KW": "keyword", "DO": "doi", "SN": "issn", "UR": "url", "L2": "url",
        "CN": "classification",   # the Call Number: a library's classification (中图分类号)
        "AD": "affiliation", "LA": "language", "PB": "publisher", "CY": "place", "ET": "edition",
        "A2": "editor", "ED": "editor", "A3": "supervisors", "A4": "translator", "M3": "medium",  # THES: degree
        "ID": "source_id", "AN": "source_id",
        "FU": "funding",   # (not in the RIS standard: Web of Science's tag, which some tools write)
    }


    # Types whose VL is not a volume (a bill number, an edition, an application number, a
    # report's number ...).  GEN (a journal article to Zotero) and MUSIC have volumes.
    VL_NOT_VOLUME = frozenset({"BILL", "UNBILL", "ART", "ADVS", "MAP", "SOUND", "VIDEO", "MPCT", "PCOMM", "ICOMM",
                               "HEAR", "STAT", "CASE", "PAT", "COMP", "ELEC", "RPRT"})

    # Types whose SN is their own number, not an ISSN or ISBN (Zotero's RIS: a patent's number;
    # STAND, a standard's, as our export writes it).
    OWN_SN = frozenset({"PAT", "STAND"})

    # Serials, whose ET is not an edition: PubMed's RIS (through EndNote) writes an article's
    # e-publication date there ("ET  - 2014/07/16").
    SERIALS = frozenset({"JOUR", "EJOUR", "JFULL", "ABST", "INPR", "MGZN", "NEWS", "SER"})

    # A thesis's A3 is its advisor (Zotero's contributor there), read as its supervisor; any
    # other type's (a BOOK's, a CHAP's, a CONF's) its tertiary author, the series editor (RIS's
    # Series Editor, Zotero's seriesEditor), kept apart in ``extra.series_editor``: no editor
    # of the book, whom GB/T 7714 and Vancouver cite in a book's authors' place.
    SUPERVISED = frozenset({"THES"})

    # Y2 is the date a record was read (Zotero's and EndNote's "Access Date", of any type, and
    # our export's): always of web pages and datasets.  Reference Manager's templates give some
    # types another date there ("Date of Meeting", "Date Decided", BILL's "Date", GEN's and MAP's
    # "Date of Copyright"; its PAT, the filing date): of those, only a date after the record's
    # own is the one it was read, and of no type one before it (see :func:`_read_on`).
    WEB = frozenset({"ELEC", "WEB", "BLOG", "DATA"})
    Y2_OTHER_DATE = frozenset({"CONF", "CASE", "BILL", "UNBILL", "HEAR", "STAT", "GEN", "MAP"})

    def build(self, fields, source):
        """The standard table, then the RIS rules: Y1 (deprecated) only when neither PY nor
        DA is present; VL is a volume only for types that have volumes; ET is an edition except
        in an article; M3 ("Type of Work") of a thesis is its degree (Zotero's thesisType), of a
        GEN saying "Preprint" a preprint's genre, of an MPCT saying "Broadcast" a broadcast, of a PCOMM
        saying "Interview" an interview, of a JOUR (of any type of Scopus's) its publication types; KW lines CNKI split inside a chemical name's
        locants are one keyword again; Scopus's funding in N1 is funding; A3 of a thesis is its
        supervisor, of another type (a book, a chapter) its series editor."""
        rec = super().build(fields, source)
        if rec.raw.get("keyword"):
            rec.raw["keyword"] = _joined_keywords(rec.raw["keyword"])
        old = rec.raw.pop("old_date", [])
        if old and not rec.raw.get("year") and not any(re.search(r"\d{4}", v) for v, _ in rec.raw.get("date", [])):
            # Y1's year where no PY or DA gives one (Nature's DA "10/15/online" beside Y1 2020)
            rec.raw["date"] = old + rec.raw.get("date", [])
        date_with_year(rec)   # EndNote's DA "Jun 15" beside PY 2020
        _year_run(rec)
        if rec.extra.get("source_type", "").upper() in self.VL_NOT_VOLUME and "volume" in rec.raw:
            rec.extra["number"] = [v for v, _ in rec.raw.pop("volume")]
        if rec.extra.get("source_type", "").upper() == "PAT":
            # as Zotero's RIS reads and writes a patent: PB its assignee (申请人), A2 the office that
            # issued it (issuingAuthority, CSL's authority), not an editor (Reference Manager's old
            # PAT template called A2 Assignee; Zotero's and ris-02's expected reading do not)
            if "publisher" in rec.raw:
                rec.raw["assignee"] = rec.raw.pop("publisher")
            if "editor" in rec.raw:
                rec.raw["authority"] = rec.raw.pop("editor")
        if rec.extra.get("source_type", "").upper() in self.OWN_SN and "issn" in rec.raw:
            rec.extra.setdefault("number", []).extend(v for v, _ in rec.raw.pop("issn"))
        if rec.extra.get("source_type", "").upper() in self.SERIALS and "edition" in rec.raw:
            rec.extra["epub_date"] = [v for v, _ in rec.raw.pop("edition")]
        if rec.extra.get("source_type", "").upper() not in self.SUPERVISED and "supervisors" in rec.raw:
            rec.raw.setdefault("series_editor", []).extend(rec.raw.pop("supervisors"))
        if rec.extra.get("source_type", "").upper() == "THES" and "medium" in rec.raw:
            rec.raw.setdefault("degree", []).extend(rec.raw.pop("medium"))
        for code, work, kind in (("MPCT", BROADCAST_WORK, "broadcast"), ("PCOMM", INTERVIEW_WORK, "interview")):
            if rec.extra.get("source_type", "").upper() == code and any(
                    work.search(v) for v, _ in rec.raw.get("medium", [])):
                rec.type = kind
        if _preprint(rec):
            rec.type = "article"
            rec.raw.setdefault("degree", []).extend(rec.raw.pop("medium"))   # its genre, where the CSL reader keeps one
        if "medium" in rec.raw and (rec.extra.get("source_type", "").upper() == "JOUR" or _from_scopus(rec)):
            _article_types(rec)
        _scopus_funding(rec)
        _pubmed_grants(rec)
        accessed = (rec.extra.get("tags") or {}).get("Y2", [])
        kind = rec.extra.get("source_type", "").upper()
        if kind in self.SERIALS:
            _article_number(rec)
            _pmid_in_c2(rec)
        _accession_pmid(rec, fields)
        published = [v for v, _ in rec.raw.get("date", []) + rec.raw.get("year", [])]
        read = _access_date(accessed[0]) if accessed else ""
        if read and (kind in self.WEB or _read_on(read, published, kind in self.Y2_OTHER_DATE)):
            rec.extra["accessed"] = read   # Zotero's accessDate (GB/T's 引用日期, NLM's cited)
        return rec


# DA's fourth, other-info part holding a run of years (``YYYY/MM/DD/other info``): our export's
# ``1957///1957-1990`` of a periodical, ``1984///1984-`` of one still published
_RUN_DATE = re.compile(r"(?P<year>\d{4})/[^/]*/[^/]*/\s*(?P<first>\d{4})\s*[-–]\s*(?P<end>\d{4})?\s*")


def _year_run(rec) -> None:
    """A periodical's run of years in DA's other-info part (the RIS export writes it there, PY
    holding one year) read back into ``extra.issued`` as the GB/T and CSL readers keep it
    (``1957/1990``, ``1984/``), which the exports write again; DA stays its date as written."""
    for value, _ in rec.raw.get("date", []):
        m = _RUN_DATE.fullmatch(value.strip())
        if m and m.group("first") == m.group("year") and (not m.group("end") or m.group("end") >= m.group("first")):
            rec.extra["issued"] = f"{m.group('first')}/{m.group('end') or ''}"
            return


# The parts Scopus writes in N1, "Label: value" each after "; " (or one an N1 line, in its
# older exports): "Export Date: 28 January 2025; Cited By: 0; Correspondence Address: H. Chen;
# Taiyuan, China; email: …; Funding details: National Natural Science Foundation of China,
# NSFC, 81702662; Funding text 1: This work was supported by …; References: …".  A value may
# hold "; " (an address, a list of references): a part ends only where a label starts.
_SCOPUS_NOTE_PART = re.compile(
    r"(?:^|;\s*)(?=(?:Export Date|Cited By|Correspondence Address|CODEN|PubMed ID|Funding details|Funding text \d{1,2}"
    r"|References|Conference name|Conference date|Conference location|Conference code|Sponsors|Chemicals/CAS"
    r"|Tradenames|Manufacturers|Molecular Sequence Numbers|Art\. No\.|Publication Stage|Open Access):\s)")
_SCOPUS_FUNDING = re.compile(r"Funding (?P<kind>details|text \d{1,2}):\s*(?P<value>.*?)[;\s]*$", re.S)


def _scopus_funding(rec) -> None:
    """Scopus's funding parts of N1 ("Funding text 1: …", "Funding details: …") read as
    funding: the text, and the grants only the details name (fields.funding.detail_grants);
    the rest of the note is kept as it was."""
    texts, details, notes = [], [], []
    for note, line in rec.raw.get("notes", []):
        parts = [part for part in _SCOPUS_NOTE_PART.split(note) if part.strip()]
        funding = [m for m in map(_SCOPUS_FUNDING.match, parts) if m]
        for m in funding:
            (details if m.group("kind") == "details" else texts).append((m.group("value"), line))
        if funding:
            note = "; ".join(part for part in parts if not _SCOPUS_FUNDING.match(part))
        if note:
            notes.append((note, line))
    if not (texts or details):
        return
    rec.raw["notes"] = notes
    rec.raw.setdefault("funding", []).extend(texts)
    rec.raw["funding"].extend(detail_grants([text for text, _ in texts], details))


# A grant as PubMed writes it (MEDLINE's GR), a line of EndNote's note of a PubMed record:
# "U01 AG046139/AG/NIA NIH HHS/United States", "098051/Wellcome Trust/United Kingdom",
# "MR/N003284/1/MRC_/Medical Research Council/United Kingdom": a number (a digit in it, no
# word), an institute's code (NIH's AG, MRC_, ImNIH) or none, the agency, the country.  A
# note's own slashes are none ("PubMed/Embase/Cochrane Library", "Reviewer 1/Reviewer 2/Agreed",
# "1/2 of patients/none/United States").
_GR_NUMBER = re.compile(r"(?=.*\d)(?!.*[a-z]{3})[A-Z0-9][\w .\-]*(?:/[\w.\-]+)*")
_GR_CODE = re.compile(r"[A-Za-z_]{1,12}")
_GR_AGENCY = re.compile(r"[A-Z][\w&.,'() -]*")
_GR_COUNTRY = re.compile(r"[A-Z][A-Za-z.,'()-]*(?: (?:[A-Z][A-Za-z.,'()-]*|of|and|the))*")
# What EndNote writes of a PubMed record elsewhere: its database (DP "NLM"; Zotero's DB
# "PubMed"), or a PubMed ID (C2 in digits, a note's "PMID: …").
_PUBMED_DATABASE = re.compile(r"\b(?:NLM|PubMed|MEDLINE)\b", re.IGNORECASE)


def _gr_line(text: str) -> bool:
    """Whether a line of a note is a grant as MEDLINE's GR writes it; one without a number
    (``Wellcome Trust/United Kingdom``) only where its last part is a country.

    >>> _gr_line("P01 AG022074-10/AG/NIA NIH HHS/United States"), _gr_line("098051/Wellcome Trust/United Kingdom")
    (True, True)
    >>> _gr_line("Wellcome Trust/United Kingdom"), _gr_line("Cancer Research UK/UK"), _gr_line("Reviewer 1/Agreed")
    (True, True, False)
    >>> _gr_line("PubMed/Embase"), _gr_line("2017/Brazil"), _gr_line("Included/Excluded")
    (False, False, False)
    >>> _gr_line("MR/N003284/1/MRC_/Medical Research Council/United Kingdom"), _gr_line("2017/12345-6/FAPESP/Brazil")
    (True, True)
    >>> [_gr_line(t) for t in ("PubMed/Embase/Cochrane Library", "Full text/PDF/Requested", "JS/AK/Included",
    ...                        "Reviewer 1/Reviewer 2/Agreed", "1/2 of patients/none/United States")]
    [False, False, False, False, False]
    """
    parts = [p.strip() for p in text.split("/")]
    if len(parts) == 2:   # the agency and its country, no number
        return (bool(_GR_AGENCY.fullmatch(parts[0])) and not _GR_NUMBER.fullmatch(parts[0])
                and parts[1].lower() in COUNTRIES)
    if len(parts) < 3:
        return False
    *rest, agency, country = parts
    if not (_GR_AGENCY.fullmatch(agency) and _GR_COUNTRY.fullmatch(country)):
        return False
    number = "/".join(rest)
    if len(rest) > 1 and _GR_CODE.fullmatch(rest[-1]):  # "P01 AG022074/AG", not "2017/12345-6"
        number = "/".join(rest[:-1])
    return bool(_GR_NUMBER.fullmatch(number))


def _from_pubmed(rec, notes: list[str]) -> bool:
    """Whether an RIS record is one EndNote (or Zotero) took from PubMed."""
    tags = rec.extra.get("tags") or {}
    return (any(_PUBMED_DATABASE.search(v) for tag in ("DP", "DB") for v in tags.get(tag, []))
            or any(re.fullmatch(r"\d{1,9}", v.strip()) for v in tags.get("C2", []))
            or any(re.match(r"PMID:?\s*\d", line.strip()) for line in notes))


def _pubmed_grants(rec) -> None:
    """The grants of a PubMed record EndNote imported, one a line of its N1 in GR's form
    (:func:`_gr_line`), read as funding as the MEDLINE reader reads its GR lines
    (:func:`~indexer.readers.medline.grant`); the note is kept as it was.  Another record's
    note is the user's own: its slashes are no grants."""
    lines = [text for note, _line in rec.raw.get("notes", []) for text in note.split("\n")]
    if not _from_pubmed(rec, lines):
        return
    for text in lines:
        entry = grant(text) if _gr_line(text.strip()) else None
        for one in split_awards(entry) if entry else ():
            if one not in rec.funding:
                rec.funding.append(one)


# A DOI some databases write in an article's M3 ("M3  - 10.1126/science.1074069").
_DOI_WORK = re.compile(r"(?i)\s*(?:doi:?\s*)?10\.\d{4,9}/")


def _from_scopus(rec) -> bool:
    """Whether the record is Scopus's (``DB  - Scopus``), whose M3 is its document type whatever
    its TY (``Book chapter`` of a CHAP, ``Conference paper`` of a CONF)."""
    return any(v.strip().lower() == "scopus" for v in (rec.extra.get("tags") or {}).get("DB", []))


def _article_types(rec) -> None:
    """A journal article's M3, its "Type of Article" (EndNote's Journal Article template), and
    any Scopus record's (:func:`_from_scopus`): its publication types (Scopus's document type,
    ``Article``, ``Review``, ``Book chapter``; PubMed's and Web of Science's as our export
    writes them, "; "-joined), kept where the PubMed readers keep theirs,
    ``extra.publication_type``; a DOI written there stays a medium."""
    doi = [(v, line) for v, line in rec.raw.get("medium", []) if _DOI_WORK.match(v)]
    types = [(t.strip(), line) for v, line in rec.raw.pop("medium") if (v, line) not in doi
             for t in v.split(";") if t.strip()]
    if doi:
        rec.raw["medium"] = doi
    if types:
        rec.raw.setdefault("publication_type", []).extend(types)


def _article_number(rec) -> None:
    """An article's C7 (the 2011 RIS spec's "Article Number", as Scopus and EndNote write it,
    ``e70655``) is its pages when it has no SP, as Web of Science's AR is; one with a dash
    (``e02132-20``, no page range) is kept in ``extra.article_number``, as the CSV reader keeps
    Scopus's, and as our export writes it back.  C7 stays in the tags."""
    number = next((v.strip() for v in (rec.extra.get("tags") or {}).get("C7", []) if v.strip()), "")
    if number and not (rec.raw.get("start_page") or rec.raw.get("pages")):
        rec.raw["pages"] = cited_article_number([(number, rec.source.line)])
        if not rec.raw["pages"]:
            rec.raw["article_number"] = [(number, rec.source.line)]


def _pmid_in_c2(rec) -> None:
    """An article's C2 in digits is its PubMed ID (Scopus's), kept in ``extra.pmid`` as Web
    of Science's PM is; any other C2 (EndNote's PMCID, ``PMC3319071``) stays in the tags."""
    tags = rec.extra.get("tags") or {}
    pmids = [v.strip() for v in tags.get("C2", []) if re.fullmatch(r"\d{1,9}", v.strip())]
    if not pmids:
        return
    rec.raw.setdefault("pmid", []).extend((v, rec.source.line) for v in pmids)
    tags["C2"] = [v for v in tags["C2"] if v.strip() not in pmids]
    if not tags["C2"]:
        del tags["C2"]


# Cochrane CENTRAL's cross-reference to a record's PubMed entry ("XR  - PUBMED 32421251"; its
# "EMBASE …" is Embase's accession).
_PUBMED_XR = re.compile(r"(?i)pub\s*med:?\s*(\d{1,9})")


def _accession_pmid(rec, fields) -> None:
    """The PMID a database writes as its record's accession, kept in ``extra.pmid``: the AN of
    a record from PubMed or MEDLINE (EndNote's ``DP  - NLM``, Zotero's ``DB  - PubMed``), or its
    ID when it has no AN (Ovid's RIS: ``DB  - Ovid MEDLINE(R) ALL <1946 to …>``, ``ID  -
    32672909``; EndNote's ID, after AN, is its own record number); Embase's C5 (its "MEDLINE
    PMID"; U2 is Embase's PUI); Cochrane CENTRAL's ``XR  - PUBMED 32421251``."""
    tags = rec.extra.get("tags") or {}
    pmids, databases = [], tags.get("DB", []) + tags.get("DP", [])
    if any(_PUBMED_DATABASE.search(v) for v in databases):
        accessions = [v for tag, v, _ in fields if tag == "AN"]
        if not accessions and any(_PUBMED_DATABASE.search(v) for v in tags.get("DB", [])):
            accessions = [v for tag, v, _ in fields if tag == "ID"]
        pmids += [v.strip() for v in accessions[:1]]
    if any(re.match(r"(?i)\s*embase\b", v) for v in databases):
        pmids += [v.strip() for v in tags.get("C5", [])]
    pmids += [m.group(1) for v in tags.get("XR", []) for m in [_PUBMED_XR.fullmatch(v.strip())] if m]
    known = {v for v, _ in rec.raw.get("pmid", [])}
    new = [v for v in dict.fromkeys(pmids) if re.fullmatch(r"\d{1,9}", v) and v.strip("0") and v not in known]
    if new:
        rec.raw.setdefault("pmid", []).extend((v, rec.source.line) for v in new)


def _date_parts(text: str) -> tuple[int, ...]:
    """The year, month and day a RIS date starts with (``2024/05/06``, ``2024-05-06``, ``1990``).

    >>> _date_parts("1986/6/23"), _date_parts("2020///"), _date_parts("Access Date")
    ((1986, 6, 23), (2020,), ())
    """
    m = re.match(r"\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?", text)
    return tuple(int(g) for g in m.groups() if g) if m else ()


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
# A date with its month's name, as EndNote's Access Date is typed: "May 3, 2020", "3 May 2020", "03-May-2020".
_NAMED_MDY = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_NAMED_DMY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]{3,9})\.?,?[\s-]+(\d{4})")
# Day, month, year in numbers: dotted, as German and Russian dates are written, day first by that
# convention; slashed or dashed, either order (03/05/2020 is 3 May in Europe, 5 March in the US).
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_SLASHED = re.compile(r"(\d{1,2})([/-])(\d{1,2})\2(\d{4})")


def _access_date(text: str) -> str:
    """A Y2 that is a date: as written when it starts with its year (``2020/05/03``,
    ``20200503``), else ``2020-05-03`` from one written in words or day first (``May 3, 2020``,
    ``3 May 2020``, ``03.05.2020``), which the rest of the project reads only in that form; a
    slashed date that reads as a date both day first and month first is none of either.

    >>> [_access_date(t) for t in ("2020/05/03", "May 3, 2020", "3 Sept. 2020", "03.05.2020", "13/05/2020", "5/13/2020")]
    ['2020/05/03', '2020-05-03', '2020-09-03', '2020-05-03', '2020-05-13', '2020-05-13']
    >>> [_access_date(t) for t in ("03/05/2020", "30.02.2020", "Mayo 3, 2020", "Access Date")]
    ['', '', '', '']
    """
    text = text.strip()
    if _date_parts(text):
        return text
    days = []   # the (year, month, day) the text can be
    if m := _NAMED_MDY.fullmatch(text):
        days = [(m.group(3), _month(m.group(1)), m.group(2))]
    elif m := _NAMED_DMY.fullmatch(text):
        days = [(m.group(3), _month(m.group(2)), m.group(1))]
    elif m := _DOTTED.fullmatch(text):
        days = [(m.group(3), m.group(2), m.group(1))]
    elif m := _SLASHED.fullmatch(text):
        days = [(m.group(4), m.group(3), m.group(1)), (m.group(4), m.group(1), m.group(3))]
    dates = {d for d in map(_day, days) if d}
    return dates.pop().isoformat() if len(dates) == 1 else ""


# A month and day written without their year, as EndNote's Date (%8, RIS's DA, its XML's
# pub-dates) is beside its Year: "Jun 15", "June", "15 Jun", "06/15".
_NAMED_MD = re.compile(r"([A-Za-z]{3,9})\.?(?:\s+(\d{1,2})(?:st|nd|rd|th)?)?")
_NAMED_DM = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]{3,9})\.?")
_SLASHED_MD = re.compile(r"(\d{1,2})/(\d{1,2})")
# RIS's own form (YYYY/MM/DD/other) with its year left out, as Nature writes DA ("10/15/online",
# "10//"): its parts in RIS's order, the month first.
_RIS_MD = re.compile(r"(\d{1,2})/(\d{1,2})?/(?!\d)[^/]*")


def dated(year: int, text: str) -> str:
    """A month (and day) written without their year on the record's ``year``, in the form the
    rest of the project reads (``2020-06-15``, ``2020-06``); "" when the text is no such date
    (it has a year of its own, a season, a 13th month); a slashed one that reads both month
    first and day first is none, as in :func:`_access_date`.

    >>> [dated(2020, t) for t in ("Jun 15", "June", "15 Jun", "Sept. 3rd", "06/15", "15/06")]
    ['2020-06-15', '2020-06', '2020-06-15', '2020-09-03', '2020-06-15', '2020-06-15']
    >>> [dated(2020, t) for t in ("03/05", "Spring", "Jun 31", "2020/06/15", "15/10/online")]
    ['', '', '', '', '']

    RIS's own form without its year (``MM/DD/other``), as Nature writes it, is month first:

    >>> [dated(2020, t) for t in ("10/15/online", "03/05/", "10//online")]
    ['2020-10-15', '2020-03-05', '2020-10']
    """
    text = text.strip()
    days = []   # the (month, day) the text can be; day 0: none written
    if m := _RIS_MD.fullmatch(text):
        days = [(int(m.group(1)), int(m.group(2) or 0))]
    elif m := _NAMED_MD.fullmatch(text):
        days = [(_month(m.group(1)), int(m.group(2) or 0))]
    elif m := _NAMED_DM.fullmatch(text):
        days = [(_month(m.group(2)), int(m.group(1)))]
    elif m := _SLASHED_MD.fullmatch(text):
        days = [(int(m.group(1)), int(m.group(2))), (int(m.group(2)), int(m.group(1)))]
    dates = {f"{year}-{month:02d}" + (f"-{day:02d}" if day else "") for month, day in days
             if month and (_day((year, month, day or 1)))}
    return dates.pop() if len(dates) == 1 else ""


def date_with_year(rec) -> None:
    """A date of ``rec.raw`` written without its year (EndNote's ``Jun 15`` beside its Year
    2020) read on the record's year: ``2020-06-15`` added beside it (:func:`dated`), where the
    pipeline keeps a full date (``extra.date``, as RIS's ``2020/06/15/``) and the exports
    find it; the text as written stays."""
    written = [(str(v), line) for v, line in rec.raw.get("year", []) + rec.raw.get("date", [])]
    year = next((int(m.group(1)) for v, _ in written for m in [re.match(r"\s*(\d{4})\b", v)] if m), None)
    if year is None:
        return
    for value, line in list(rec.raw.get("date", [])):
        full = "" if re.search(r"\d{4}", str(value)) else dated(year, str(value))
        if full and full not in [v for v, _ in rec.raw["date"]]:
            rec.raw["date"].append((full, line))


def _month(name: str) -> int:
    """1-12 for an English month's name or its abbreviation (``Sept``), 0 for other words."""
    name = name.lower()
    return next((i for i, month in enumerate(_MONTHS, 1) if month.startswith(name)), 0) if len(name) >= 3 else 0


def _day(parts: tuple) -> datetime.date | None:
    """The day (year, month, day) names, None when there is none (a 13th month, 30 February)."""
    try:
        return datetime.date(*map(int, parts))
    except ValueError:
        return None


def _read_on(y2: str, published: list[str], other_date: bool) -> bool:
    """Whether ``y2`` can be the date a record published on ``published`` (its DA, PY) was read:
    not before it (Reference Manager's filing date of a patent, 1986/6/23 of one issued in 1990,
    is before), and for a type whose Y2 may be another date of the work itself (``other_date``:
    a meeting's, a copyright's), after it; compared on the parts both give.

    >>> _read_on("2020/01/15", ["2016"], False), _read_on("1986/6/23", ["1990/2/27", "1990"], False)
    (True, False)
    >>> _read_on("2019/06/12", ["2019"], True), _read_on("2024/08/01", ["2024/07/02"], True), _read_on("2024", [], False)
    (False, True, True)
    """
    read = _date_parts(y2)
    dated = next((d for d in map(_date_parts, published) if d), ())
    n = min(len(read), len(dated))
    if not dated:
        return not other_date
    return read[:n] > dated[:n] or read[:n] == dated[:n] and not other_date


def _preprint(rec) -> bool:
    """A GEN whose M3 (Type of Work) says "Preprint": a preprint, as our export writes one (its
    server in PB)."""
    return rec.extra.get("source_type", "").upper() == "GEN" and any(
        PREPRINT_WORK.match(v) for v, _ in rec.raw.get("medium", []))


def _joined_keywords(lines: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """KW lines with :func:`join_locant_fragments` applied, each at the line it starts on."""
    out, i = [], 0
    for word in join_locant_fragments([text for text, _ in lines]):
        out.append((word, lines[i][1]))
        taken = len(lines[i][0])
        i += 1
        while taken < len(word):   # the fragments it joined, with a comma between each two
            taken += 1 + len(lines[i][0])
            i += 1
    return out


register(RisReader())
