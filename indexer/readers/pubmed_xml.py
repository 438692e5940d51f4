"""PubMed XML (``<PubmedArticleSet>`` of ``<PubmedArticle>`` / ``<PubmedBookArticle>``).

Structured abstracts keep their labels: each ``<AbstractText Label=…>`` is a section
(and the joined text the abstract); an ``<OtherAbstract Language="chi">`` is the abstract
in that language.  What MEDLINE gives on a line of its own is kept where the MEDLINE reader
keeps that line: the publication date as its DP (``2020 Mar 1``, the season), the electronic
date (DEP), an author's ORCID (AUID), a retraction or erratum (RIN, EIN …) in ``extra.tags``;
an author list PubMed gives in part (``CompleteYN="N"``) sets ``extra.authors_truncated``.  ``MedlinePgn 132-42`` is expanded to ``132-142``;
the DOI comes from ``ELocationID`` or ``ArticleIdList``; the PMID is the source id.
Streams with :mod:`._xml` (one article in memory at a time).
"""
from __future__ import annotations

import re

from ..fields.funding import funding_entry
from ..record import Record, Source
from ._xml import local, read_records, text_of
from .base import register
from .medline import PUBLICATION_TYPES, collective_name, expand_pages, put_affiliations

RECORD_TAGS = {"PubmedArticle", "PubmedBookArticle"}


def journal_name(title: str) -> str:
    """PubMed's journal title as PubMed gives it (and MEDLINE's JT), without the place qualifier
    NLM adds: ``Arthritis & rheumatology (Hoboken, N.J.)`` → ``Arthritis & rheumatology``.
    Not title-cased: word by word, that capitalised a word after a bracket and not one before
    it ('Zhonghua Wai Ke Za Zhi [Chinese Journal of surgery]'), and the MEDLINE reader's copy
    of the same record kept NLM's case.

    >>> journal_name("Nature chemical biology"), journal_name("Zhonghua wai ke za zhi [Chinese journal of surgery]")
    ('Nature chemical biology', 'Zhonghua wai ke za zhi [Chinese journal of surgery]')
    """
    return re.sub(r"\s*\([^()]*\)\s*$", "", title).strip()


def _find(el, path: str):
    return el.find(path) if el is not None else None


class PubmedXmlReader:
    name = "pubmed-xml"
    aliases = ("pubmedxml", "medline-xml", "efetch-xml")
    suffixes = (".xml",)

    def sniff(self, head: str) -> float:
        return 0.95 if re.search(r"<(?:PubmedArticleSet|PubmedArticle|PubmedBookArticle)[\s>]", head) else 0.0

    def read(self, source):
        yield from read_records(self, source, RECORD_TAGS)

    def build(self, el, source: Source) -> Record:
        rec = Record(source)
        raw = rec.raw

        def put(key, value):
            rec.put(key, value, source.line)

        book = local(el.tag) == "PubmedBookArticle"
        cit = el.find("BookDocument") if book else el.find("MedlineCitation")
        article = cit if book else _find(cit, "Article")
        source.source_id = text_of(_find(cit, "PMID")) or None
        put("titles", text_of(_find(article, "ArticleTitle")) or text_of(_find(article, "BookTitle")))
        put("titles", text_of(_find(article, "VernacularTitle")))
        abstract = _find(article, "Abstract")
        if abstract is not None:
            parts = abstract.findall("AbstractText")
            labelled = [p for p in parts if p.get("Label")]
            if labelled and len(labelled) == len(parts):
                for p in parts:
                    put("sections", (p.get("Label"), text_of(p)))
                put("abstract", " ".join(f"{p.get('Label')}: {text_of(p)}" for p in parts))
            else:
                put("abstract", " ".join(text_of(p) for p in parts))
            notice = text_of(abstract.find("CopyrightInformation"))
            if notice:  # the publisher's notice, apart from the abstract (as split_copyright puts it)
                rec.extra["copyright"] = notice
        for other in cit.findall("OtherAbstract") if cit is not None else []:
            # the abstract in another language (a Chinese journal's own): its sections are
            # split from the text as any abstract's are
            text = " ".join(f"{p.get('Label')}: {text_of(p)}" if p.get("Label") else text_of(p)
                            for p in other.findall("AbstractText"))
            if text:
                put("other_abstract", (text, other.get("Language") or ""))
        authors = article.findall("AuthorList/Author") if article is not None else []
        if book and not authors:  # a whole book: its authors (not its editors)
            authors = [a for lst in cit.findall("Book/AuthorList") if lst.get("Type") != "editors"
                       for a in lst.findall("Author")]
        if article is not None and article.find("AuthorList[@CompleteYN='N']") is not None:
            rec.extra["authors_truncated"] = True   # PubMed lists the first authors only
        people = []  # (name, its affiliations), as the MEDLINE reader links them
        for author in authors:
            group = text_of(author.find("CollectiveName"))
            name = group or _name(author)
            put("author", collective_name(group) if group else name)
            for ident in author.findall("Identifier"):   # MEDLINE's AUID line
                if text_of(ident):
                    _tag(rec, "AUID", f"{ident.get('Source') or 'ID'}: {text_of(ident)}")
            people.append((name, [text_of(a) for a in author.findall("AffiliationInfo/Affiliation") if text_of(a)]))
        put_affiliations(rec, [(name, affs) for name, affs in people if name],
                         [(a, source.line) for _, affs in people for a in affs])
        journal = _find(article, "Journal")
        if journal is not None:
            put("journal", journal_name(text_of(journal.find("Title"))))
            put("journal_abbreviation", text_of(journal.find("ISOAbbreviation")))
            put("issn", text_of(journal.find("ISSN")))
            issue = journal.find("JournalIssue")
            put("volume", text_of(_find(issue, "Volume")))
            put("issue", text_of(_find(issue, "Issue")))
            put("date", pub_date(_find(issue, "PubDate")))
        elif book:
            book_el = cit.find("Book")
            chapter = cit.find("ArticleTitle") is not None
            # a chapter's book is its container (GeneReviews®), as a journal is an article's
            put("journal" if chapter else "titles", text_of(_find(book_el, "BookTitle")) if chapter or not
                raw.get("titles") else "")
            put("publisher", text_of(_find(book_el, "Publisher/PublisherName")))
            put("place", text_of(_find(book_el, "Publisher/PublisherLocation")))
            put("date", text_of(_find(book_el, "PubDate/Year")))
            for lst in (book_el.findall("AuthorList") if book_el is not None else []):
                for editor in lst.findall("Author") if lst.get("Type") == "editors" else []:
                    put("editor", _name(editor))
            rec.type = "chapter" if chapter else "book"
        for date in (article.findall("ArticleDate") if article is not None else []):
            if date.get("DateType", "Electronic") == "Electronic":   # MEDLINE's DEP, 20191015
                day = "".join(text_of(date.find(k)).zfill(2) for k in ("Year", "Month", "Day"))
                if day.isdigit():
                    _tag(rec, "DEP", day)
        for note in cit.findall("CommentsCorrectionsList/CommentsCorrections") if cit is not None else []:
            tag = COMMENTS_CORRECTIONS.get(note.get("RefType", ""))
            if tag:   # "Zhonghua Wai Ke Za Zhi. 2021 Jan;59(1):88. PMID: 33456789", as MEDLINE's RIN
                pmid = text_of(note.find("PMID"))
                ref = text_of(note.find("RefSource")).rstrip(".")
                _tag(rec, tag, f"{ref}. PMID: {pmid}" if pmid else ref)
        pages = text_of(_find(article, "Pagination/MedlinePgn"))
        if pages:
            put("pages", expand_pages(pages))
        else:  # an online-only article's e-location stands for its pages
            locs = [text_of(x) for x in (article.findall("ELocationID") if article is not None else [])
                    if x.get("EIdType") == "pii"]
            put("pages", locs[0] if locs else "")
        for loc in (article.findall("ELocationID") if article is not None else []):
            if loc.get("EIdType") == "doi":
                put("doi", text_of(loc))
        for aid in el.findall("PubmedData/ArticleIdList/ArticleId"):
            if aid.get("IdType") == "doi":
                put("doi", text_of(aid))
            elif aid.get("IdType") == "pmc" and text_of(aid):  # where the MEDLINE reader keeps its PMC line
                _tag(rec, "PMC", text_of(aid))
        for kw in cit.findall("KeywordList/Keyword") if cit is not None else []:
            put("keyword", text_of(kw))
        for mesh in cit.findall("MeshHeadingList/MeshHeading") if cit is not None else []:
            put("keyword", text_of(mesh.find("DescriptorName")))   # the subject; qualifiers kept apart
            qualifiers = [text_of(q) for q in mesh.findall("QualifierName")]
            if qualifiers:
                put("mesh_qualifiers", f"{text_of(mesh.find('DescriptorName'))}/{'/'.join(qualifiers)}")
        for grant in (article.findall("GrantList/Grant") if article is not None else []):
            # The agency is the funder, the grant id its award as printed ("R01 NS039600"):
            # read as one statement, the activity code had joined the funder's name.
            agency, gid = text_of(grant.find("Agency")), text_of(grant.find("GrantID"))
            if agency:
                entry = funding_entry(agency, gid)
                if entry not in rec.funding:
                    rec.funding.append(entry)
            elif gid:
                put("funding", gid)
        for lang in (article.findall("Language") if article is not None else []):
            put("language", text_of(lang))
        types = [text_of(pt) for pt in (article.findall("PublicationTypeList/PublicationType")
                                        if article is not None else []) if text_of(pt)]
        for pt in types:
            put("publication_type", pt)
        if types:  # as MEDLINE's PT: a stated type, never re-guessed from the journal's name
            rec.extra["source_type"] = types[0]
            if not book:
                lower = [t.lower() for t in types]
                rec.type = next((csl for key, csl in PUBLICATION_TYPES if key in lower), rec.type)
        return rec


# CommentsCorrections' RefType → the MEDLINE tag of the same line (a paper's retraction,
# erratum, comments, updates); "Cites" (its references) has none.
COMMENTS_CORRECTIONS = {
    "CommentIn": "CIN", "CommentOn": "CON", "ErratumIn": "EIN", "ErratumFor": "EFR",
    "ExpressionOfConcernIn": "ECI", "ExpressionOfConcernFor": "ECF", "RetractionIn": "RIN",
    "RetractionOf": "ROF", "PartialRetractionIn": "PRIN", "PartialRetractionOf": "PROF",
    "RetractionAndRepublicationIn": "RRI", "RetractionAndRepublicationOf": "RRF",
    "RepublishedIn": "RPI", "RepublishedFrom": "RPF", "UpdateIn": "UIN", "UpdateOf": "UOF",
    "OriginalReportIn": "ORI", "SummaryForPatientsIn": "SPIN",
}
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def pub_date(pub) -> str:
    """A ``<PubDate>`` as MEDLINE's DP writes it: year, month, day (or season), or its MedlineDate.

    >>> import xml.etree.ElementTree as ET
    >>> [pub_date(ET.fromstring(x)) for x in ("<d><Year>2020</Year><Month>03</Month><Day>01</Day></d>",
    ...     "<d><Year>2018</Year><Season>Spring</Season></d>", "<d><MedlineDate>2019 Nov-Dec</MedlineDate></d>")]
    ['2020 Mar 1', '2018 Spring', '2019 Nov-Dec']
    """
    if pub is None:
        return ""
    year, month, day = (text_of(pub.find(k)) for k in ("Year", "Month", "Day"))
    if not year:
        return text_of(pub.find("MedlineDate"))
    if month.isdigit() and 1 <= int(month) <= 12:
        month = _MONTHS[int(month) - 1]
    day = day.lstrip("0") if month else ""
    return " ".join(filter(None, (year, month or text_of(pub.find("Season")), day)))


def _tag(rec: Record, tag: str, value: str) -> None:
    """A value kept in ``extra.tags`` under the MEDLINE tag of the line that gives it there."""
    rec.extra.setdefault("tags", {}).setdefault(tag, []).append(value)


def _name(author) -> str:
    """An <Author>'s name as references write it: "Family, Given" (its initials when no given
    name), its suffix after the given name as MEDLINE's FAU has it ("Smith, John A Jr")."""
    family = text_of(author.find("LastName"))
    given = " ".join(filter(None, (text_of(author.find("ForeName")) or text_of(author.find("Initials")),
                                   text_of(author.find("Suffix")))))
    return f"{family}, {given}" if given else family


register(PubmedXmlReader())
