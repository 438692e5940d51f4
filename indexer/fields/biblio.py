"""Bibliographic details: journal, year, volume, issue, pages, DOI from page and export fields."""
from __future__ import annotations

import re

# A plausible year (1500-2099) and its digits, as every pattern here reads one.
YEARS = (1500, 2099)
YEAR_DIGITS = r"(?:1[5-9]|20)\d{2}"
# The dashes between a page range's ends ("12~15", "12～15", "12—15", "12–15", "12－15", "12-15"),
# for a character class.
PAGE_DASHES = "~～—–－-"
# A page range, or a list of them ("701-705", "12~15", "8-9, 7").
PAGE_RANGES = r"\d+(?:\s*[-–~]\s*\d+)?(?:\s*[,，+]\s*\d+(?:\s*[-–~]\s*\d+)?)*"
_YEAR = re.compile(rf"(?<!\d)({YEAR_DIGITS})(?!\d)")


def parse_year(text: str) -> int | None:
    """First plausible year in text.

    >>> parse_year("２０２０") is None, parse_year("2013(1)")
    (True, 2013)
    """
    m = _YEAR.search(text or "")
    return int(m.group(1)) if m else None


# A year with its issue in brackets after it, as CNKI's NoteExpress export writes a year at
# times ("{Year}: 2019(03)"): an issue's number (a combined one, Z1; a supplement, S1), not a
# date or a reign year ("1865（清同治四年）")
_YEAR_THEN_ISSUE = re.compile(rf"\s*{YEAR_DIGITS}\s*[(（]\s*((?:No\.?\s*)?[SZ]?\d{{1,3}})\s*[)）]\s*", re.I)


def issue_of_year(text: str) -> str | None:
    """The issue a year value writes after it in brackets ("2019(03)"), else None.

    >>> issue_of_year("2019(03)"), issue_of_year("2019（Z1）"), issue_of_year("1865（清同治四年）"), issue_of_year("2019")
    ('3', 'Z1', None, None)
    """
    m = _YEAR_THEN_ISSUE.fullmatch(text or "")
    return normalise_issue(m.group(1)) if m else None


def normalise_issue(issue: str | None) -> str | None:
    """Issue without zero padding or a "No." before it (CNKI's lists: "No.12", "No.Z1", a
    combined issue): '07' becomes '7', a double issue's each number too ('07-08' '7-8').

    >>> normalise_issue("07"), normalise_issue("2A"), normalise_issue(" "), normalise_issue("No.12")
    ('7', '2A', None, '12')
    >>> normalise_issue("No.Z1"), normalise_issue("Nov"), normalise_issue("Issue ID")
    ('Z1', 'Nov', 'Issue ID')
    >>> normalise_issue("07-08"), normalise_issue("07/08"), normalise_issue("01+02"), normalise_issue("S01")
    ('7-8', '7/8', '1+2', 'S01')
    """
    if issue is None:
        return None
    issue = re.sub(r"^(?:no|nr)\.?\s*(?=[A-Za-z]?\d)", "", issue.strip(), flags=re.IGNORECASE)
    if not issue:
        return None
    return unpadded(issue, r"[-/+&,~～—–－]")


def unpadded(value: str, joins: str) -> str:
    """``value`` without the zero padding of its numbers, when it is numbers alone, one or
    several joined by ``joins`` (a double issue "07-08", pages "012-015"); else as written.

    >>> unpadded("012-015", "-"), unpadded("0", "-"), unpadded("e0123", "-"), unpadded("04-08-April-2016", "-")
    ('12-15', '0', 'e0123', '04-08-April-2016')
    """
    if not re.fullmatch(rf"\d+(?:\s*{joins}\s*\d+)*", value):
        return value
    return re.sub(r"(?<!\d)0+(?=\d)", "", value)


def normalise_volume(volume: str) -> str:
    """Volume without a "Volume" or "Vol." before it (Scopus at times: "Volume 14"), nor
    zero padding ("041", as an issue's "07").

    >>> normalise_volume("Volume 14"), normalise_volume("Vol. 59"), normalise_volume("9661 LNCS"), normalise_volume("Volume ID")
    ('14', '59', '9661 LNCS', 'Volume ID')
    >>> normalise_volume("041"), normalise_volume("WS-12-08"), normalise_volume("0")
    ('41', 'WS-12-08', '0')
    """
    return unpadded(re.sub(r"^vol(?:ume)?\.?\s*(?=\d)", "", volume.strip(), flags=re.IGNORECASE), "-")


# "P15-22" without the period only before a range: "P15" alone may be a page's own name; 第
# only before page numbers ("第1版自序", a book's preface cited, is a page's name)
_PAGE_WORDS = re.compile(r"(?:第\s*(?=\d[\d\s,，+~～—–－-]*(?:[页頁]\s*)?$)|[Pp]{1,2}\.\s*(?=\d)|[Pp]{1,2}(?=\d+\s*[-–~－]\s*\d)|pp\s+(?=\d))?(.*?)"
                         r"(?:(?<=\d)\s*[页頁])?", re.S)


def normalise_pages(pages: str | None) -> str | None:
    """First-last with an ASCII hyphen; abbreviated last pages expanded; Web of Science's
    "continued later" end (``1137-+``, ``872-&``) dropped: the first page is what is known.

    >>> normalise_pages("625-32"), normalise_pages("12~15"), normalise_pages("179－204"), normalise_pages("CD010845")
    ('625-632', '12-15', '179-204', 'CD010845')
    >>> normalise_pages("1137--+"), normalise_pages("872-&"), normalise_pages("S12-+")
    ('1137', '872', 'S12')
    >>> normalise_pages("第12-15页"), normalise_pages("P.12-15"), normalise_pages("pp. 12-15"), normalise_pages("12-15页")
    ('12-15', '12-15', '12-15', '12-15')
    >>> normalise_pages("P15-22"), normalise_pages("P15"), normalise_pages("第3页"), normalise_pages("第1版自序")
    ('15-22', 'P15', '3', '第1版自序')
    >>> normalise_pages("175-177+183"), normalise_pages("210 + 209"), normalise_pages("e123+")
    ('175-177, 183', '210, 209', 'e123+')
    >>> normalise_pages("405--405"), normalise_pages("A154-A154"), normalise_pages("1-11")
    ('405', 'A154', '1-11')
    >>> normalise_pages("012-015"), normalise_pages("004"), normalise_pages("004+006"), normalise_pages("e0123")
    ('12-15', '4', '4, 6', 'e0123')
    """
    if not pages:
        return None
    # "第12-15页", "P.12-15", "pp. 12-15": the words around a range (NoteExpress, Wanfang)
    pages = _PAGE_WORDS.fullmatch(pages.strip()).group(1)
    p = re.sub(rf"\s*[{PAGE_DASHES}]+\s*", "-", pages.strip())
    p = re.sub(r"(?<=\w)-[+&]$", "", p)
    p = unpadded(p, r"[-,，+]")   # zero padded (CNKI's newspaper pages "004", Web of Science's BP 012)
    one = re.fullmatch(r"(\w+)-\1", p)   # one page as both ends (Zotero's 405--405, SP 405 EP 405)
    p = one.group(1) if one else p
    m = re.fullmatch(r"(\d+)-(\d+)", p)
    if m:
        first, last = m.groups()
        if len(last) < len(first) and int(last) < int(first[-len(last):]) + 10 ** len(last):
            expanded = first[:len(first) - len(last)] + last
            if int(expanded) >= int(first):
                last = expanded
        p = f"{first}-{last}"
    return join_page_list(p) or None


def join_page_list(pages: str) -> str:
    """A discontinuous range's parts joined by a comma: CNKI's and VIP's exports join them by
    ``+`` ("175-177+183") where their RIS and GB/T 7714 give "175-177, 183".  Only a value made
    of page numbers alone: a "+" after a page's name ("e123+", "S1+") says something else.

    >>> join_page_list("175-177+183"), join_page_list("210+209"), join_page_list("8-9, 7"), join_page_list("S1+S2")
    ('175-177, 183', '210, 209', '8-9, 7', 'S1+S2')
    """
    if not re.fullmatch(PAGE_RANGES, pages):
        return pages
    return re.sub(r"\s*\+\s*", ", ", pages)


# Wanfang's 页数 value: the number of pages, then their range in brackets ("5(1085-1089)").
_COUNT_THEN_RANGE = re.compile(rf"\s*(\d+)\s*[(（]\s*({PAGE_RANGES})\s*[)）]\s*")


def split_page_count(text: str) -> tuple[str, str] | None:
    """The number of pages and the pages of a page-count value that gives both, or None
    (a count alone, "13").

    >>> split_page_count("5(1085-1089)"), split_page_count("13"), split_page_count("5（12）")
    (('5', '1085-1089'), None, ('5', '12'))
    """
    m = _COUNT_THEN_RANGE.fullmatch(text)
    return (m.group(1), m.group(2)) if m else None


_SLASHES = str.maketrans("∕／⁄", "///")


# A DOI given as a link to the resolver: the DOI is its path, percent-encoded.
_RESOLVER_LINK = re.compile(r"(?:https?://)?(?:www\.|dx\.)?doi\.org/(\S+)", re.IGNORECASE)


def normalise_doi(doi: str | None) -> str | None:
    """Bare DOI, lower-case, without resolver prefix.

    >>> normalise_doi(" https://doi.org/10.1002/DEV.20094 ")
    '10.1002/dev.20094'
    >>> normalise_doi("10.3969∕j.issn.1672-9676.2020.01.039"), normalise_doi("10.3969／j.issn.1000")
    ('10.3969/j.issn.1672-9676.2020.01.039', '10.3969/j.issn.1000')

    A link's DOI is decoded, and its query and fragment are no part of it:

    >>> normalise_doi("https://doi.org/10.1016%2Fj.jclinepi.2019.01.005")
    '10.1016/j.jclinepi.2019.01.005'
    >>> normalise_doi("https://doi.org/10.1016/j.jclinepi.2019.01.005?utm_source=x#top")
    '10.1016/j.jclinepi.2019.01.005'
    """
    if not doi:
        return None
    from urllib.parse import unquote

    # a slash as Big5 read as Windows' cp950 gives it (A2 41: ∕, U+2215), full-width, or a fraction's
    d = doi.strip().strip(".,;").translate(_SLASHES)
    link = _RESOLVER_LINK.search(d)
    if link:
        d = unquote(re.split(r"[?#]", link.group(1), maxsplit=1)[0]).strip(".,;")
    d = re.sub(r"^doi\s*[:：]\s*", "", d, flags=re.IGNORECASE)
    m = re.search(r"10\.\d{4,9}/\S+", d)
    return m.group(0).lower() if m else None


_DOI_LINK = re.compile(r"https?://(?:dx\.|www\.)?doi\.org/(10\.\S+)", re.IGNORECASE)


def doi_of_link(url: str | None) -> str | None:
    """The DOI a doi.org link names (percent-escapes decoded), as :func:`normalise_doi`
    gives it; None for any other link: a record whose URL is its DOI written as a link
    (Embase's ``UR  - http://dx.doi.org/10.1371/…``, a reference's ``https://doi.org/…``).

    >>> doi_of_link("http://dx.doi.org/10.1371/journal.pone.0236904")
    '10.1371/journal.pone.0236904'
    >>> doi_of_link("https://doi.org/10.1002/(SICI)1098-2795(199907)53:3%3C266::AID-MRD2%3E3.0.CO;2-6")
    '10.1002/(sici)1098-2795(199907)53:3<266::aid-mrd2>3.0.co;2-6'
    >>> doi_of_link("https://www.cochranelibrary.com/central/doi/10.1002/central/CN-02231234/full") is None
    True

    Read as a DOI field's link is (:func:`normalise_doi`): its query is no part of the DOI.

    >>> doi_of_link("https://doi.org/10.1097%2FBRS.0000000000002345?utm_source=embase&utm_medium=x")
    '10.1097/brs.0000000000002345'
    """
    m = _DOI_LINK.fullmatch((url or "").strip())
    return normalise_doi(m.group(0)) if m else None


# A DOI inside any link (a publisher's page names its paper's: "…article?id=10.1371/journal.pone.0250001"),
# and the DOI of a supplement or figure of a paper (PLOS's ".s001", ".g001"; "/suppl…"), no paper's own
_DOI_IN_LINK = re.compile(r"10\.\d{4,9}/[^\s&?#]+")
_PART_DOI = re.compile(r"(?:\.[sgt]\d{3}|/suppl?\b.*|\.suppl?\b.*)$", re.I)


def doi_of_links(urls: list[str | None]) -> str | None:
    """The DOI a record's links give as a doi.org link (:func:`doi_of_link`), when they name
    no other: a link to a cited paper beside the record's own page, which names its paper's
    DOI, is none of the record's; nor is a supplement's or a figure's DOI.

    >>> doi_of_links(["http://www.embase.com/search/results?id=L2005", "http://dx.doi.org/10.1371/journal.pone.0236904"])
    '10.1371/journal.pone.0236904'
    >>> doi_of_links(["https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0250001",
    ...               "https://doi.org/10.1371/journal.pone.0236904"]) is None
    True
    >>> doi_of_links(["https://doi.org/10.1371/journal.pone.0236904.s001"]) is None
    True
    """
    from urllib.parse import unquote

    linked = [d for d in map(doi_of_link, urls) if d]
    named = {normalise_doi(d) for url in urls if url for d in _DOI_IN_LINK.findall(unquote(url))}
    if len(set(linked)) != 1 or len(named | set(linked)) != 1 or _PART_DOI.search(linked[0]):
        return None
    return linked[0]


_NUMBER = re.compile(r"(?<![\w-])\d[\d-]*[\dXx](?![\w-])")


def split_issn(text: str) -> tuple[list[str], list[str]]:
    """The ISSNs (as ``NNNN-NNNN``) and the ISBNs (as written) of an ISSN field: exports put
    two ISSNs in one ("0964-6906 (Print) 0964-6906", "1476-5616 0033-3506"), leave out the
    hyphen ("2234943X (ISSN)"), or write a book's ISBNs there (RIS's SN is either).

    >>> split_issn("2234943X (ISSN)"), split_issn("978-131750096-4 (ISBN); 978-113888701-5 (ISBN)")
    ((['2234-943X'], []), ([], ['978-131750096-4', '978-113888701-5']))
    >>> split_issn("ISSN")
    ([], [])
    """
    issns: list[str] = []
    isbns: list[str] = []
    for token in _NUMBER.findall(text):
        digits = token.replace("-", "").upper()
        if len(digits) == 8 and digits[:7].isdigit():
            issn = f"{digits[:4]}-{digits[4:]}"
            if issn not in issns:
                issns.append(issn)
        elif len(digits) in (10, 13) and digits[:9].isdigit():
            isbns.append(token)
    return issns, isbns


# Embase (through Ovid) writes a conference abstract's meeting after its journal's name:
# "Pediatric Nephrology.Conference: 15th Congress of … New York, NY United States.Conference
# Start: 20100801 Conference End: 20100805.Conference Publication: (var.pagings)".
_CONFERENCE = re.compile(r"(?P<journal>.+?)\.\s*Conference:\s*(?P<name>.+?)\.?"
                         r"(?:\s*Conference Start:\s*(?P<start>\d{8})\s*Conference End:\s*(?P<end>\d{8})\.?)?"
                         r"(?:\s*Conference Publication:.*)?", re.S)
# A journal's name and its subtitle or second-language name with the space lost after the
# period ("International journal of cancer.Journal international du cancer", "Ann.New York").
_GLUED_PERIOD = re.compile(r"(?<=[a-z])\.(?=[A-Z][a-z])")


def split_journal(text: str) -> tuple[str, dict[str, str]]:
    """A journal's name, and the meeting (``conference``, ``conference_dates``) Embase writes
    after it; the space after a period put back.

    >>> split_journal("Molecular Immunology.Conference: 23rd International Complement Workshop, ICW New York City, "
    ...               "NY United States.Conference Start: 20100801 Conference End: 20100805.Conference Publication:")
    ('Molecular Immunology', {'conference': '23rd International Complement Workshop, ICW New York City, NY United States', 'conference_dates': '2010-08-01/2010-08-05'})
    >>> split_journal("International journal of cancer.Journal international du cancer")
    ('International journal of cancer. Journal international du cancer', {})
    """
    m = _CONFERENCE.fullmatch(text.strip())
    meeting: dict[str, str] = {}
    if m:
        text, meeting["conference"] = m.group("journal"), m.group("name").strip()
        if m.group("start"):
            start, end = (f"{d[:4]}-{d[4:6]}-{d[6:]}" for d in (m.group("start"), m.group("end")))
            meeting["conference_dates"] = f"{start}/{end}"
    return _GLUED_PERIOD.sub(". ", text), meeting


# VIP's range glued to its issue, or followed by its page count with no 页 of its own:
# "第6期1201-1215,共15页", "第6期1201-1215页", "第6期 1201-1215,共15页".
_ISSUE_THEN_PAGES = re.compile(rf"(?:(?<=期)|\s)\s*({PAGE_RANGES})\s*(?:[页頁]|[,，]?\s*共\s*\d+\s*[页頁])")


def parse_citation(text: str) -> dict:
    """Parts of a "出处" value: VIP's 《刊名》 2020年 第5期 12-15页 共4页, and the name without its
    brackets in the forms other sites write (:func:`split_journal_citation`): GB/T 7714's
    "刊名, 2021, 41(3): 150-157", Vancouver's "刊名 2021;41(3):150-157" (SinoMed), written
    "刊名 2021年41卷3期 150-157页".  A name read in none of them is left unread
    (:func:`unread_citation` tells it).

    >>> parse_citation("《教育心理學報》 2022年 第1期 179-204頁 共26頁")
    {'journal': '教育心理學報', 'year': 2022, 'issue': '1', 'pages': '179-204'}
    >>> parse_citation("《中国医学影像技术》 2022年 第38卷 第5期 701-705页")["volume"], parse_citation("《中华骨科杂志》2020年05期")
    ('38', {'journal': '中华骨科杂志', 'year': 2020, 'issue': '5'})
    >>> parse_citation("《计算机学报》 2023年第6期1201-1215,共15页")["pages"], parse_citation("《X》 2023年第6期 共15页").get("pages")
    ('1201-1215', None)
    >>> parse_citation("中华骨科杂志 2021;41(3):150-157")
    {'journal': '中华骨科杂志', 'year': 2021, 'volume': '41', 'issue': '3', 'pages': '150-157'}
    >>> parse_citation("中华骨科杂志, 2021, 41(3): 150-157") == parse_citation("中华骨科杂志 2021年41卷3期 150-157页")
    True
    """
    if "《" not in text:
        name, parts = split_journal_citation(text)
        if parts:
            return {"journal": name.strip(), **_citation_parts(parts)}
    return _written_citation(text)


def _citation_parts(parts: dict) -> dict:
    """A citation's parts as :func:`parse_citation` gives them: the year a number, the issue
    and pages normalised."""
    out = dict(parts)
    if "year" in out:
        out["year"] = int(out["year"])
    if out.get("issue"):
        out["issue"] = normalise_issue(str(out["issue"]))
    if out.get("pages"):
        out["pages"] = normalise_pages(out["pages"])
    return out


def _written_citation(text: str) -> dict:
    """Parts of a citation written out (2020年 第5期 12-15页), its journal named in 《》."""
    out: dict = {}
    m = re.search(r"《(.+?)》", text)
    if m:
        out["journal"] = m.group(1).strip()
    m = re.search(rf"({YEAR_DIGITS})\s*年", text)
    if m:
        out["year"] = int(m.group(1))
    m = re.search(r"(?:第\s*|(?<=年))\s*(\d+)\s*卷", text)
    if m:
        out["volume"] = m.group(1)
    m = re.search(r"(?:第|(?<=[卷年]))\s*([^期卷第年\s]+)\s*期", text)
    if m:
        out["issue"] = normalise_issue(m.group(1))
    m = re.search(r"(?:^|\s)([^\s年期共]+?)\s*[页頁]", text) or _ISSUE_THEN_PAGES.search(text)
    if m and not m.group(1).startswith("共"):
        out["pages"] = normalise_pages(m.group(1))
    return out


# What a citation with no journal's name holds: its numbers alone ("2018年 第40卷 第3期 88-96页",
# VIP's source line with no 刊名), the year or a 第 first.
_NUMBERS_ONLY = re.compile(rf"\s*(?:{YEAR_DIGITS}|第)")


def unread_citation(text: str, parts: dict) -> bool:
    """Whether a citation value holds more than its ``parts`` read: nothing read of it, or a
    name before its numbers that no form gave as the journal ("中华骨科杂志 2021 Mar 15").

    >>> unread_citation("2018年 第40卷 第3期 88-96页", parse_citation("2018年 第40卷 第3期 88-96页"))
    False
    >>> unread_citation("中华骨科杂志 2021 Mar 15", parse_citation("中华骨科杂志 2021 Mar 15"))
    True
    """
    return not parts or (not parts.get("journal") and not _NUMBERS_ONLY.match(text))


# A journal's name with its citation after it in one value (a page's 来源 or 刊名 line):
# "中国医学影像技术, 2022, 38(5): 701-705", "中国检察官. 2022(17):29-31",
# "中国医学影像技术 2022年38卷5期 701-705页", and as Vancouver (SinoMed) sets the volume
# off by a semicolon, "中华骨科杂志 2021;41(3):150-157." (its full stop at the end).
_NAME_THEN_CITATION = re.compile(
    rf"(?P<journal>.+?)(?:\s*[,，.]\s*|\s+)(?:(?P<year>{YEAR_DIGITS})\s*(?:[,，;；]\s*(?P<volume>\d+))?\s*"
    rf"(?:[(（](?P<issue>[^()（）]{{1,12}})[)）])?\s*(?:[:：]\s*(?P<pages>{PAGE_RANGES}))?"
    rf"|(?P<written>{YEAR_DIGITS}\s*年\s*(?:第?\s*\d+\s*卷)?\s*(?:第?\s*[\w-]+?\s*期)?\s*(?:{PAGE_RANGES}\s*[页頁])?(?:\s*共\s*\d+\s*[页頁])?))\s*[.。]?\s*")


def split_journal_citation(text: str) -> tuple[str, dict]:
    """A journal's name and the year, volume, issue and pages written after it in the same
    value (``{}`` when the value is a name alone).

    >>> split_journal_citation("中国医学影像技术, 2022, 38(5): 701-705")
    ('中国医学影像技术', {'year': '2022', 'volume': '38', 'issue': '5', 'pages': '701-705'})
    >>> split_journal_citation("中国医学影像技术 2022年38卷5期 701-705页")
    ('中国医学影像技术', {'year': 2022, 'volume': '38', 'issue': '5', 'pages': '701-705'})
    >>> split_journal_citation("中华骨科杂志 2021;41(3):150-157.")
    ('中华骨科杂志', {'year': '2021', 'volume': '41', 'issue': '3', 'pages': '150-157'})
    >>> split_journal_citation("中国检察官. 2022(17):29-31"), split_journal_citation("Journal of 3D Printing")
    (('中国检察官', {'year': '2022', 'issue': '17', 'pages': '29-31'}), ('Journal of 3D Printing', {}))
    """
    m = _NAME_THEN_CITATION.fullmatch(text.strip())
    if not m or not (m.group("written") or m.group("volume") or m.group("issue") or m.group("pages")):
        return text, {}  # "Nature, 2020" may be a name with its year; a year alone says little
    if m.group("written"):
        parts = _written_citation(m.group("written"))
    else:
        parts = {k: v for k, v in m.groupdict().items() if v and k in ("year", "volume", "issue", "pages")}
    return m.group("journal"), parts


# A "年，卷(期)" value, Wanfang's with the pages after a colon ("2021,57(5):112-119").
_YEAR_VOLUME_ISSUE = re.compile(rf"\s*({YEAR_DIGITS})\s*(?:[,，]\s*([^,()（）:：]+?))?\s*(?:[(（]([^()（）]*)[)）])?"
                                rf"\s*(?:[:：]\s*({PAGE_RANGES}))?\s*$")


def parse_year_volume_issue(text: str) -> dict:
    """Parts of a "年，卷(期)" value: "2016, 42(4)", "2013(1)", "2012, 351", and Wanfang's
    with its pages, "2021,57(5):112-119"; and VIP's 年卷期 written out, "2019年第38卷第3期",
    "2005年第2期" (:func:`parse_volume_issue`), whose volume and issue had been lost.

    >>> parse_year_volume_issue("2017, 1861(1 Pt A)")
    {'year': 2017, 'volume': '1861', 'issue': '1 Pt A'}
    >>> parse_year_volume_issue("2021,57(5):112-119"), parse_year_volume_issue("2020,69(13):138401")["pages"]
    ({'year': 2021, 'volume': '57', 'issue': '5', 'pages': '112-119'}, '138401')
    >>> parse_year_volume_issue("2019年第38卷第3期"), parse_year_volume_issue("2005年第2期")
    ({'year': 2019, 'volume': '38', 'issue': '3'}, {'year': 2005, 'issue': '2'})
    >>> parse_year_volume_issue("2019年第3期（总第120期）")
    {'year': 2019, 'issue': '3'}
    """
    out: dict = {}
    m = _YEAR_VOLUME_ISSUE.match(text)
    if not m:
        written = parse_volume_issue(text)
        if written.get("year"):
            return written
        year = parse_year(text)
        return {"year": year} if year else {}
    out["year"] = int(m.group(1))
    if m.group(2):
        out["volume"] = m.group(2).strip()
    if m.group(3):
        out["issue"] = normalise_issue(m.group(3))
    if m.group(4):
        out["pages"] = normalise_pages(m.group(4))
    return out


# A volume and issue written out, the year before them or not: "第40卷 第6期", "2021年第3期",
# "2021年40卷6期"; and "40(6)".  The journal's running (whole) number in brackets after the issue,
# as VIP writes it ("2019年第3期（总第120期）"), is no issue of the volume: passed over.
_WRITTEN_NUMBERS = re.compile(rf"\s*(?:(?P<year>{YEAR_DIGITS})\s*年)?\s*(?:第?\s*(?P<volume>\d+)\s*卷)?"
                              r"\s*(?:第?\s*(?P<issue>[^期卷第年\s]+?)\s*期)?"
                              r"(?:\s*[(（]\s*总\s*第?\s*\d+\s*期\s*[)）])?\s*")
_VOLUME_THEN_ISSUE = re.compile(r"\s*(?P<volume>\d+)\s*[(（](?P<issue>[^()（）]+)[)）]\s*")


def parse_volume_issue(text: str, bracketed: bool = False) -> dict:
    """Year, volume and issue of a 卷期, 卷号 or 期号 value written out, whole ("第40卷 第6期",
    "2021年第3期"), and when ``bracketed`` (a 卷期 value) "40(6)" too: an issue's "3(58)" is
    its number and the journal's running number.  ``{}`` for any other (a number alone, "增刊1").

    >>> parse_volume_issue("第40卷 第6期"), parse_volume_issue("2021年第3期")
    ({'volume': '40', 'issue': '6'}, {'year': 2021, 'issue': '3'})
    >>> parse_volume_issue("40(6)", bracketed=True), parse_volume_issue("3(58)"), parse_volume_issue("第40卷增刊")
    ({'volume': '40', 'issue': '6'}, {}, {})
    >>> parse_volume_issue("第40卷第6期(总第236期)")
    {'volume': '40', 'issue': '6'}
    """
    m = _WRITTEN_NUMBERS.fullmatch(text) or (_VOLUME_THEN_ISSUE.fullmatch(text) if bracketed else None)
    parts = {k: v for k, v in m.groupdict().items() if v} if m else {}
    if "year" in parts:
        parts["year"] = int(parts["year"])
    if "issue" in parts:
        parts["issue"] = normalise_issue(parts["issue"])
    return parts
