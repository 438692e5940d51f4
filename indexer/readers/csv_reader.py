"""CSV / TSV with a header row of field names (the layout systematic-review tools such as
bib-dedupe and ASySD exchange, spreadsheet exports of reference lists).

Header names are matched case-insensitively, with the usual synonyms ("Authors",
"Publication Year", "Source title", "Article Title" …); a column we do not know is kept
in ``extra["columns"]``.  The separator is the one of ``,``, tab and ``;`` (Excel's "CSV"
in locales whose decimal mark is a comma) that splits the header into known names.  Rows
stream through :mod:`csv`; a row with more cells than the header is a failure with its
line, one with fewer a record whose issue says so.  Authors are split on ``;`` (or `` and ``, or line breaks; Chinese names also on ``,``,
``，`` and ``、``).  CNKI's ``SrcDatabase-来源库`` gives the type; a thesis's university (its
``文献来源``) is its publisher, not its journal.  Web of Science's
tab-delimited export (its field tags as the header, ``PT`` … ``UT``) is read by the tagged
WoS reader's rules: its ``PG`` is a page count, its ``ID`` Keywords Plus; so is its Excel
export, whose columns are the tags' names (``Keywords Plus``, ``Addresses``, ``UT (Unique WOS ID)``).
Zotero's CSV export: its ``Item Type`` gives the type, its ``Type`` is then the genre (a
thesis's degree), its ``Extra`` is read as the CSL-JSON reader reads Zotero's note (``PMID: …``).
"""
from __future__ import annotations

import csv
import re

from ..fields.authors import ORG_WORDS, split_author_field
from ..fields.funding import detail_grants
from ..record import CSL_TYPES, Failure, Record, Source
from ._tagged_stream import join_continuation
from .base import CUT_SHORT, START_TESTS, cited_article_number, kept_or_failed, numbered_lines, register, starts_record
from .csl_json import NOTE_IDS, SIMPLE as CSL_KEYS, ZOTERO_TYPES, note_variables
from .estudy import DATABASE_TYPES
from .pubmed_text import source_parts
from .wos import ONE_PER_LINE as WOS_LIST_TAGS, WosReader

# A cell may be as long as the file (the default limit, 128 KiB, stopped the file at one long cell).
csv.field_size_limit(2**31 - 1)

COLUMNS = {
    "titles": ("title", "article title", "document title", "paper_name", "paper title", "primary title", "ti",
               "title_en", "title_zh", "translated title", "original title"),
    "authors": ("author", "authors", "author(s)", "au", "creators"),
    # Scopus: "Smith, John (57190000000); Lee, Kim (…)", fuller than its "Authors" ("Smith J., Lee K.")
    "full_names": ("author full names", "af"),
    "year": ("year", "publication year", "py", "pub year", "date", "publication date"),
    "journal": ("journal", "source title", "source", "publication title", "journal/book", "secondary title",
                "so", "container-title", "periodical", "journal name", "journal_zh", "journal_en"),
    "volume": ("volume", "vol", "vl"),
    "issue": ("number", "issue", "is", "no"),
    "pages": ("pages", "page", "pg", "page range"),
    "start_page": ("start page", "startpage", "bp", "page start"),
    "end_page": ("end page", "endpage", "ep", "page end"),
    # Scopus's "Art. No." (e0234567, 102345): the pages of an article that has only a number
    "article_number": ("art. no.", "article number", "article no."),
    "doi": ("doi", "di"),
    "abstract": ("abstract", "ab", "abstract note", "summary", "abstract_zh", "abstract_en"),
    "keywords": ("keywords", "keyword", "author keywords", "kw", "de", "tags", "manual tags"),
    "issn": ("issn", "sn"),
    "url": ("url", "link", "ur"),
    "source_id": ("id", "record_id", "recordid", "key", "ut", "ut (unique wos id)", "eid",
                  "accession number", "paper_id", "label"),
    # the PMID (extra.pmid, where search and the exports look: fields.identifiers); a column named
    # "pmid" is also the row's id, as it was, Scopus's "PubMed ID" not (its EID is)
    "pmid": ("pmid", "pubmed id", "pubmed_id"),
    "publisher": ("publisher", "pu"),
    "place": ("place", "publisher place", "publisher-place", "pi"),
    "isbn": ("isbn", "bn"),
    "assignee": ("assignee",),   # a patent's (our export's column: "; " between them)
    "authority": ("authority",),   # a patent's issuing office (our export's column; RIS A2)
    # PubMed's, WoS's, Scopus's publication types, "; " between them (our export's column; RIS M3)
    "publication_type": ("publication_type",),
    "language": ("language", "la", "language of original document"),
    "funding": ("funding", "funding text", "funding texts", "fx"),
    # Scopus's funders and grants ("Natural Science Foundation of Shandong Province: ZR2019MH036"):
    # the funding of a row without its funding text; beside one, which names the same grants,
    # the grant numbers it lacks (fields.funding.detail_grants)
    "funding_details": ("funding details",),
    "affiliation": ("affiliation", "affiliations"),
    # Scopus: "Zhang, K., Dept …, China; Li, X., Univ …": whose affiliation is whose
    "author_affiliations": ("authors with affiliations",),
    "type": ("type", "document type", "entrytype", "ty"),
    # Zotero's CSV: its item type (journalArticle, bookSection …); its "Type" is then the genre
    # (a thesis's degree, a report's kind), as CSL's genre; its "Extra" holds "PMID: 33587412"
    "item_type": ("item type",),
    "editor": ("editor", "editors"),
    "translator": ("translator", "translators"),   # (our export's last column; Zotero's CSV's Translator)
    # the catalogue's fields (our export's last columns; Zotero's CSV has Edition and Series)
    "edition": ("edition",),
    "series": ("series",),
    "degree": ("degree",),   # a thesis's (博士, PhD)
    "supervisors": ("supervisors",),   # a thesis's, "; " between them as the authors
    # Scopus's conference columns, kept where Web of Science's CT, CY and CL are
    "conference": ("conference name",),
    "conference_date": ("conference date",),
    "conference_location": ("conference location",),
    "note": ("extra",),
    # PubMed's CSV export: "Spine. 2021 Mar 15;46(6):350-358. doi: …", the only place of its
    # volume, issue and pages
    "citation": ("citation",),
}
# Chinese column names: spreadsheet exports of CNKI, Wanfang and VIP saved as CSV.  CNKI writes
# both halves ("Title-题名", "Author-作者"), as its E-Study export does; the Chinese one is read.
COLUMNS_ZH = {
    "titles": ("题名", "篇名", "标题", "题目", "中文题名", "英文题名", "论文题目", "文献标题"),
    "authors": ("作者", "著者", "作者姓名"),
    "translated_author": ("英文作者", "作者英文名"),  # the same people in pinyin: kept apart
    "year": ("年", "年份", "出版年", "出版年份", "发表年份", "发表时间", "出版时间", "出版日期"),
    "journal": ("刊名", "期刊", "期刊名称", "文献来源", "来源", "来源出版物", "出版物名称"),
    "volume": ("卷", "卷号"),   # 卷号, 期号, 文摘: VIP's names
    "issue": ("期", "期号"),
    "pages": ("页码", "页"),
    "abstract": ("摘要", "中文摘要", "英文摘要", "文摘"),
    "keywords": ("关键词", "关键字", "中文关键词", "英文关键词"),
    "issn": ("国际标准刊号",),
    "url": ("链接", "网址"),
    "language": ("语种", "语言"),
    "type": ("文献类型", "类型"),
    "publisher": ("出版社", "出版单位"),
    "place": ("出版地",),
    "funding": ("基金", "基金项目"),
    # the labels the scraped-page reader reads as affiliation, and CNKI's "Organ-单位"
    "affiliation": ("单位", "作者单位", "机构", "作者机构", "机构地区"),
    # CNKI's "SrcDatabase-来源库" (期刊, 硕士, 博士, 国内会议 …), as its E-Study export writes it
    "database": ("来源库",),
}
# Scopus's "Document Type" -> CSL type, as its RIS export types them (TY CONF, CHAP, BOOK, JOUR).
# Its "Conference Review" is the proceedings' own front matter, in the proceedings too.
SCOPUS_TYPES = {
    "conference paper": "paper-conference", "conference review": "paper-conference",
    "book chapter": "chapter", "book": "book",
    **dict.fromkeys(("article", "review", "editorial", "letter", "note", "erratum", "short survey",
                     "data paper", "retracted"), "article-journal"),
}
_LOOKUP = {name: key for table in (COLUMNS, COLUMNS_ZH) for key, names in table.items() for name in names}
# "Title-题名": an English name, a hyphen, a Chinese one; or the name both halves share
# (CNKI's "DOI-DOI")
_BILINGUAL = re.compile(r"[A-Za-z][A-Za-z ]*-([\u4e00-\u9fff]+)|([a-z]+)-\2")


# Scopus splits a long funding text over "Funding Text 1", "Funding Text 2" … columns.
_NUMBERED = re.compile(r"^(funding text) \d{1,2}$")


def _column(header: str) -> str | None:
    """The raw key a header cell names.

    >>> _column("Title-题名"), _column("DOI-DOI"), _column("Organ-单位"), _column("Fund-基金")
    ('titles', 'doi', 'affiliation', 'funding')
    >>> _column("Funding Text 1"), _column("Funding Text 12"), _column("Funding Details")
    ('funding', 'funding', 'funding_details')
    """
    h = _NUMBERED.sub(r"\1", re.sub(r"\s+", " ", header.strip().lower()))
    both = _BILINGUAL.fullmatch(h)
    return _LOOKUP.get(both.group(1) or both.group(2)) if both else _LOOKUP.get(h)


# The separators a header may use: Excel writes ";" where the decimal mark is a comma.
DELIMITERS = (",", "\t", ";")
# Cells of a header are short names (an abstract's line is not one).
_SHORT_CELLS = re.compile(r"[^,\t;]{0,60}(?:[,\t;][^,\t;]{0,60})+")
# A cell that names the title column (cheap to look for on every line of a tagged export).
_TITLE_CELL = re.compile(r'(?:^|[,\t;])\s*"?(?:[a-z]+-)?(?:'
                         + "|".join(map(re.escape, sorted(COLUMNS["titles"] + COLUMNS_ZH["titles"], key=len, reverse=True)))
                         + r')"?\s*(?:[,\t;]|$)', re.I)


def is_header(line: str) -> bool:
    """Whether ``line`` is a CSV header we read: a title column and at least one other known
    column, every cell a short name.

    >>> is_header("Title,Authors,Year"), is_header("Key\\tItem Type\\tTitle\\tDOI"), is_header("In title, authors say")
    (True, True, False)
    >>> is_header("题名;作者;文献来源"), is_header("Title;Notes")
    (True, False)
    """
    if not any(d in line for d in DELIMITERS) or len(line) > 5000 or not _SHORT_CELLS.fullmatch(line) \
            or not _TITLE_CELL.search(line):
        return False
    return is_header_row(next(csv.reader([line], delimiter=_delimiter(line)), []))


def is_header_row(cells: list[str]) -> bool:
    """Whether a row's cells are a header we read: short names, a title column and at least
    one other known column."""
    if len(cells) < 2 or any(len(c) > 60 for c in cells):
        return False
    known = {_column(c) for c in cells} - {None}
    return "titles" in known and len(known) >= 2


def columns_of(header: list[str]) -> list[str | None]:
    """The raw key each header cell names (None: a column we do not know, kept as written).
    "Number" is bib-dedupe's issue, but beside an "Issue" column (Zotero's CSV, our own export)
    a report's, patent's or standard's number.  "Key" is Zotero's item key (``ABCD1234``), a
    row's id, but beside an "id" column (our own export's) the citation key the BibTeX export
    gives the record, read back as one, so that the record keeps it; there too "Notes" is the
    record's notes (elsewhere a sheet's own column, a reviewer's "checked", kept as written).

    >>> columns_of(["Title", "Number"]), columns_of(["Title", "Issue", "Number"])
    (['titles', 'issue'], ['titles', 'issue', 'number'])
    >>> columns_of(["Key", "Title"]), columns_of(["id", "title", "key"])
    (['source_id', 'titles'], ['source_id', 'titles', 'citation_key'])
    >>> columns_of(["Title", "Notes"]), columns_of(["id", "title", "key", "notes"])[-1]
    (['titles', None], 'notes')
    """
    columns = [_column(h) for h in header]
    names = [h.strip().lower() for h in header]
    if "number" in names and "issue" in names:
        columns[names.index("number")] = "number"
    if "key" in names and "id" in names:
        columns[names.index("key")] = "citation_key"
        if "notes" in names:
            columns[names.index("notes")] = "notes"
    return columns


# What a spreadsheet would run as a formula: our CSV export writes such a cell after a ' (text).
# A "-" starts one unless the whole cell is a number ("-2", "-0.5", "-1.5e3"): "-2+3+cmd|' /C
# calc'!A0" and "-80 °C storage" start with a number but are formulas to a spreadsheet.
FORMULA_START = re.compile(r"[=+@\t\r]|-(?!(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\Z)")


def _unquoted(cell: str) -> str:
    """A cell as written before a ' kept a spreadsheet from running it (``'=HYPERLINK(…)``).

    >>> _unquoted("'=HYPERLINK(1)"), _unquoted("'-2+3"), _unquoted("-2"), _unquoted("'Tis")
    ('=HYPERLINK(1)', '-2+3', '-2', "'Tis")
    """
    return cell[1:] if cell[:1] == "'" and FORMULA_START.match(cell[1:]) else cell


def row_record(src: Source, header: list[str], columns: list[str | None], row: list[str],
               raw_text: str) -> Record | Failure:
    """The record of one row under ``header`` (a CSV row, a spreadsheet row), or a failure
    when it holds none of title, author, journal or DOI."""
    tags = wos_tags(header)
    if tags:
        rec = _WOS.build(wos_fields(tags, row, src.line), src)
        rec.raw_text = raw_text
        # a column that is no WoS field (one a user added) is kept as written
        rec.extra.update(_kept_columns(header, tags, row))
    else:
        rec = _columns_record(src, header, columns, row, raw_text)
    return kept_or_failed(rec, src, raw_text, src.format, "row has no title, author, journal or DOI",
                          identified=bool(rec.raw.get("pmid")))


def _columns_record(src: Source, header: list[str], columns: list[str | None], row: list[str],
                    raw_text: str) -> Record:
    """The record of a row by the raw keys its columns name."""
    rec = Record(src, raw_text=raw_text)
    line = src.line
    cells = [(name, key, _unquoted(cell.strip())) for name, key, cell in zip(header, columns, row) if cell.strip()]
    database = next((cell for _, key, cell in cells if key == "database"), "")
    rec.type = next((csl for hint, csl in DATABASE_TYPES if hint in database), rec.type)
    item_type = next((cell for _, key, cell in cells if key == "item_type"), "")
    if item_type:
        rec.type = _type_of(item_type, rec.type)
        rec.extra["source_type"] = item_type
    thesis = rec.type == "thesis"
    if thesis:
        rec.raw["degree"] = [(hint, line) for hint in ("博士", "硕士") if hint in database]
    # full names, when the row has them, are the authors; the short list is kept as written
    names_from = "full_names" if any(key == "full_names" for _, key, _ in cells) else "authors"
    for head_name, key, cell in cells:
        if key in (None, "database") or key in ("authors", "full_names") and key != names_from \
                or key == "funding_details" and any(k == "funding" for _, k, _ in cells):
            rec.extra.setdefault("columns", {})[head_name] = cell
        elif key == "source_id" or key == "pmid" and head_name.strip().lower() == "pmid":
            src.source_id = src.source_id or cell
            if key == "pmid":
                rec.raw.setdefault(key, []).append((cell, line))
        elif key == "item_type":
            continue
        elif key == "citation_key":   # our export's: the key the record keeps (export.common.own_key)
            rec.extra["citation-key"] = cell
        elif key == "type" and item_type:
            rec.raw.setdefault("degree", []).append((cell, line))   # Zotero's genre: CSL's, as csl_json reads it
        elif key == "type":
            rec.extra["source_type"] = cell
            rec.type = _type_of(cell, rec.type)
        elif key in ("editor", "translator"):   # Zotero's "Doe, Jane; Roe, Richard", Scopus's "Baru C., Huan J., Khan L."
            names = re.split(r"[;；\n]", cell) if re.search(r"[;；\n]", cell) else \
                _and_names(cell) if _and_list(cell) else split_author_field(cell, listed=True)
            rec.raw.setdefault(key, []).extend((n.strip(), line) for n in names if n.strip())
        elif key == "note":
            rec.extra.setdefault("columns", {})[head_name] = cell
            for name, value in note_variables(cell).items():
                # the identifiers of a Zotero "Extra" cell ("PMID: 33587412"), as the CSL-JSON
                # reader reads Zotero's note, where the row has no column of its own for them
                target = CSL_KEYS[name] if name in NOTE_IDS else None
                if target and not any(k == target for _, k, _ in cells) and not rec.raw.get(target):
                    rec.raw[target] = [(value, line)]
        elif key == "citation":
            rec.extra.setdefault("columns", {})[head_name] = cell
            for part, value in source_parts(cell).items():
                if part not in ("journal", "year") and not any(k == part for _, k, _ in cells):
                    rec.raw.setdefault(part, []).append((value, line))
        elif key in ("authors", "full_names"):
            pubmed = _PUBMED_NAMES.fullmatch(cell)
            if pubmed:
                cell = cell[:-1]  # PubMed's CSV: "Smith JA, Lee K, Wang Y." ends with the list's period
            # a cell of names one per line (Alt+Enter in a spreadsheet) is a list too
            sep = ";" if ";" in cell else "\n" if "\n" in cell else None
            names = [n for n in (split_author_field(cell, listed=True) if pubmed  # its group after "; "
                                 else cell.split(sep) if sep else _and_names(cell) if _and_list(cell)
                                 else split_author_field(cell, listed=True)) if n.strip()]
            rec.raw.setdefault("author", []).extend((_SCOPUS_ID.sub("", n).strip(), line) for n in names)
        elif key == "funding_details":  # (read as the details beside no text: fields.funding.detail_grants)
            rec.raw.setdefault("funding", []).extend(detail_grants([], [(cell, line)]))
        elif key == "author_affiliations":   # read once the authors are (below)
            rec.extra.setdefault("columns", {})[head_name] = cell
        elif key == "notes":   # our export's: a blank line between notes, a note's own lines kept
            rec.raw.setdefault(key, []).extend((n.strip(), line) for n in re.split(r"\n\s*\n", cell) if n.strip())
        elif key in ("affiliation", "assignee", "publication_type", "supervisors"):
            for part in re.split(r"[;；]", cell):  # CNKI's "单位" cell: "清华大学;北京大学"
                rec.put(key, part.strip(), line)
        elif key == "journal" and thesis:
            # the university awarding the degree: its publisher only, as the EndNote reader has it
            rec.raw.setdefault("publisher", []).append((one_line(cell), line))
        else:
            value = (one_line(cell) if key in _ONE_LINE_KEYS else cell, line)
            # one value in two columns of one field (our export's "title" and "title_zh") is read once
            if value not in rec.raw.setdefault(key, []):
                rec.raw[key].append(value)
    owned = next((scopus_affiliations(cell, [name for name, _ in rec.raw.get("author", [])])
                  for _, key, cell in cells if key == "author_affiliations"), [])
    if owned:   # whose is whose, as the pipeline reads WoS's C1 and MEDLINE's AD
        rec.extra["author_affiliations"] = owned
    if any(key == "funding" for _, key, _ in cells):  # a grant only its Funding Details name
        texts = [text for text, _ in rec.raw["funding"]]
        rec.raw["funding"] += detail_grants(texts, [(cell, line) for _, key, cell in cells
                                                    if key == "funding_details"])
    numbers = rec.raw.pop("article_number", [])
    if numbers and not rec.raw.get("pages") and not rec.raw.get("start_page"):
        # cited by its number, as the BibTeX and WoS readers do; e02132-20: no page range, kept as WoS's AR is
        rec.raw["pages" if cited_article_number(numbers) else "article_number"] = numbers
    elif numbers:
        rec.extra.setdefault("columns", {}).update(
            (name, cell) for name, key, cell in cells if key == "article_number")
    return rec


# One author of Scopus's "Authors with affiliations": the name as its "Authors" column writes
# it ("Zhang, K.", older exports "Zhang K.", with its suffix: "Smith J.A., Jr."), then the
# affiliation.
_AUTHOR_AFFILIATION = re.compile(r"(?P<family>[^,;]+?),? (?P<initials>(?:[A-Z][a-z]?\.[ -]?)+)"
                                 r"(?:,?\s*(?:Jr|Sr|II|III|IV)\.?(?=,))?,\s*(?P<affiliation>\S.*)")


def scopus_affiliations(cell: str, authors: list[str]) -> list[dict]:
    """``extra.author_affiliations`` of ``authors`` (the names as the row gives them) from
    Scopus's "Authors with affiliations": each author's, by family name and first initial (an
    author named twice has two); one that fits two authors is left out.

    >>> scopus_affiliations("Zhang, K., Peking Univ, China; Li, X., Tsinghua Univ, China; Li, X., Fudan Univ, China",
    ...                     ["Zhang, Kejia", "Li, Xiaoming", "Wang, Jian-Guo"])
    [{'author': 'Zhang, Kejia', 'affiliations': ['Peking Univ, China']}, {'author': 'Li, Xiaoming', 'affiliations': ['Tsinghua Univ, China', 'Fudan Univ, China']}]
    >>> scopus_affiliations("Smith J.A., Jr., Johns Hopkins University, Baltimore, MD, United States; Lee K. III, Yale, "
    ...                     "United States", ["Smith, John A., Jr.", "Lee, Kim"])
    [{'author': 'Smith, John A., Jr.', 'affiliations': ['Johns Hopkins University, Baltimore, MD, United States']}, {'author': 'Lee, Kim', 'affiliations': ['Yale, United States']}]
    """
    def key(family: str, given: str) -> tuple[str, str]:
        return " ".join(family.split()).casefold(), given.strip()[:1].upper()

    names = {name: key(*(name.split(",", 1) if "," in name else name.rsplit(" ", 1)))
             for name in authors if " " in name.strip() or "," in name}
    owned: dict[str, list[str]] = {}
    for part in re.split(r"\s*;\s*", cell):
        m = _AUTHOR_AFFILIATION.fullmatch(part.strip())
        whose = [name for name, k in names.items() if m and k == key(m["family"], m["initials"])]
        if len(whose) == 1:
            owned.setdefault(whose[0], []).append(m["affiliation"].strip())
    return [{"author": name, "affiliations": list(dict.fromkeys(a))} for name, a in owned.items()]


def _type_of(cell: str, current: str) -> str:
    """The CSL type a type column names: a CSL type itself (our own CSV export's, bib-dedupe's),
    a Zotero item type, a Scopus document type; else ``current``.

    >>> _type_of("chapter", ""), _type_of("bookSection", ""), _type_of("Conference Paper", ""), _type_of("x", "book")
    ('chapter', 'chapter', 'paper-conference', 'book')
    """
    if cell in CSL_TYPES:
        return cell
    return ZOTERO_TYPES.get(cell) or SCOPUS_TYPES.get(cell.lower(), current)


def _and_list(cell: str) -> bool:
    """Whether a cell without ";" lists its names with " and " (bib-dedupe's "Smith, J and Lee, K"):
    not one organisation's name, which our CSV export writes alone in its cell (it joins names
    with "; ").

    >>> _and_list("Smith, J and Lee, K"), _and_list("United Nations Department of Economic and Social Affairs")
    (True, False)
    """
    return " and " in cell and not ORG_WORDS.search(cell)


def _and_names(cell: str) -> list[str]:
    """The names of a cell that joins them with " and ": each inverted name alone ("Smith, J and
    Lee, K"), or a list whose last name only is joined so ("Smith J, Jones K and Brown L",
    "John Smith, Kate Jones, and Lee Brown"), where the commas part whole names.

    >>> _and_names("Smith, J and Lee, K"), _and_names("John Smith, Kate Jones, and Lee Brown")
    (['Smith, J', 'Lee, K'], ['John Smith', 'Kate Jones', 'Lee Brown'])
    >>> _and_names("Smith J, Jones K and Brown L"), _and_names("Smith, J., Jones, K. and Lee, M.")
    (['Smith J', 'Jones K', 'Brown L'], ['Smith, J.', 'Jones, K.', 'Lee, M.'])
    """
    parts = [p.strip() for p in re.split(r",?\s+and\s+", cell)]
    head = [p.strip() for p in parts[0].split(",")]
    # "A, B and C": the last name has no comma, and each before it is a whole name (two words or
    # more), not a family name parted from its initials ("Smith, J")
    if len(parts) == 2 and "," not in parts[1] and len(head) > 1 and all(len(p.split()) > 1 for p in head):
        return head + parts[1:]
    # each part as a cell of its own: "Smith, J., Jones, K." before "and" is two inverted names
    return [name for p in parts for name in split_author_field(p, listed=True)]


# Fields whose line breaks in a quoted cell are wrapping, not content.
_ONE_LINE_KEYS = frozenset({"titles", "journal"})


def one_line(cell: str) -> str:
    """A cell's lines joined as one: a space between words, none between CJK characters.

    >>> one_line("多行\\n摘要的标题"), one_line("A long\\r\\ntitle")
    ('多行摘要的标题', 'A long title')
    """
    text = ""
    for piece in cell.splitlines():
        text = join_continuation(text, piece)
    return text


# The reader whose rules a Web of Science tab-delimited row is read by (its tags are the columns).
_WOS = WosReader()
_WOS_TAG = re.compile(r"[A-Z][A-Z0-9]")
# The values of a list tag in one cell, "; " between them: never a ";" inside C1's "[Smith, J; Lee, K]".
_WOS_LIST_SPLIT = re.compile(r"\s*;\s*(?![^\[\]]*\])")


def is_wos_header(header: list[str]) -> bool:
    """Whether ``header`` is Web of Science's tab-delimited export's: its field tags as column
    names, PT and UT among them (PG, ID, AR then mean what WoS means, not the generic columns).

    >>> is_wos_header(["PT", "AU", "TI", "PG", "ID", "UT", ""]), is_wos_header(["TI", "AU", "PY", "ID"])
    (True, False)
    """
    tags = {h.strip() for h in header if h.strip()}
    return {"PT", "UT"} <= tags and all(_WOS_TAG.fullmatch(t) for t in tags)


# Web of Science's Excel export (and its "Tab delimited" one in some versions) names the columns,
# not their tags: the names of its field tags, today's and earlier ones ("Author Address").
WOS_COLUMNS = {
    "publication type": "PT", "authors": "AU", "book authors": "BA", "book editors": "BE",
    "book group authors": "GP", "author full names": "AF", "author full name": "AF",
    "book author full names": "BF", "group authors": "CA", "article title": "TI", "document title": "TI",
    "source title": "SO", "publication name": "SO", "book series title": "SE", "book series subtitle": "BS",
    "language": "LA", "document type": "DT", "conference title": "CT", "conference date": "CY",
    "conference location": "CL", "conference sponsor": "SP", "conference sponsors": "SP",
    "conference host": "HO", "author keywords": "DE", "keywords plus": "ID", "abstract": "AB",
    "addresses": "C1", "author address": "C1", "affiliations": "C3", "reprint addresses": "RP",
    "reprint address": "RP", "email addresses": "EM", "e-mail address": "EM", "researcher ids": "RI",
    "researcherid number": "RI", "orcids": "OI", "funding orgs": "FU", "funding agency and grant number": "FU",
    "funding name preferred": "FP", "funding text": "FX", "cited references": "CR",
    "cited reference count": "NR", "times cited, wos core": "TC", "times cited, all databases": "Z9",
    "180 day usage count": "U1", "since 2013 usage count": "U2", "publisher": "PU", "publisher city": "PI",
    "publisher address": "PA", "issn": "SN", "eissn": "EI", "isbn": "BN", "journal abbreviation": "J9",
    "29-character source abbreviation": "J9", "journal iso abbreviation": "JI", "iso source abbreviation": "JI",
    "publication date": "PD", "publication year": "PY", "year published": "PY", "volume": "VL", "issue": "IS",
    "part number": "PN", "supplement": "SU", "special issue": "SI", "meeting abstract": "MA",
    "start page": "BP", "beginning page": "BP", "end page": "EP", "ending page": "EP", "article number": "AR",
    "doi": "DI", "doi link": "DL", "book doi": "D2", "early access date": "EA", "number of pages": "PG",
    "page count": "PG", "wos categories": "WC", "web of science categories": "WC",
    "web of science index": "WE", "research areas": "SC", "ids number": "GA", "pubmed id": "PM",
    "open access designations": "OA", "open access indicator": "OA", "highly cited status": "HC",
    "hot paper status": "HP", "date of export": "DA", "ut (unique wos id)": "UT",
}


def wos_tags(header: list[str]) -> list[str | None] | None:
    """The WoS field tag of each column of a Web of Science export's header (None: a column
    that is no WoS field), or None when ``header`` is not one: the tab-delimited export names
    its columns by tag, the Excel export by name ("Keywords Plus", "UT (Unique WOS ID)").

    >>> wos_tags(["PT", "AU", "UT"]), wos_tags(["Publication Type", "Keywords Plus", "Notes", "UT (Unique WOS ID)"])
    (['PT', 'AU', 'UT'], ['PT', 'ID', None, 'UT'])
    >>> wos_tags(["Title", "Authors", "UT (Unique WOS ID)"]) is None
    True
    """
    if is_wos_header(header):
        return [h.strip() or None for h in header]
    names = [" ".join(h.split()).lower() for h in header]
    if {"publication type", "ut (unique wos id)"} <= set(names):
        return [WOS_COLUMNS.get(n) for n in names]
    return None


def _kept_columns(header: list[str], tags: list[str | None], row: list[str]) -> dict:
    """``extra.columns`` of a WoS row: its cells under a name that is no WoS field."""
    kept = {name: cell.strip() for name, tag, cell in zip(header, tags, row) if tag is None and cell.strip()}
    return {"columns": kept} if kept else {}


def wos_fields(tags: list[str | None], row: list[str], line: int | None) -> list[list]:
    """A WoS tab-delimited or Excel row as the tagged reader's fields, ``[tag, values, line]``,
    under ``tags`` (:func:`wos_tags`; a None column is left out): a list tag's cell split into
    the values its tagged export writes one per line.

    >>> wos_fields(["AU", "C1", None], ["Li, M; Wu, J", "[Li, M; Wu, J] Univ A; [Wu, J] Univ B", "x"], 2)
    [['AU', ['Li, M', 'Wu, J'], 2], ['C1', ['[Li, M; Wu, J] Univ A', '[Wu, J] Univ B'], 2]]
    """
    fields = []
    for tag, cell in zip(tags, row):
        tag, cell = (tag or "").strip(), cell.strip()
        if tag and cell:
            fields.append([tag, _WOS_LIST_SPLIT.split(cell) if tag in WOS_LIST_TAGS else [cell], line])
    return fields


# PubMed's CSV author list: family names and initials without periods (a suffix after them:
# "Smith JA Jr", "Grams R 2nd"), a collective author after "; ", the list ending in a period
# ("Kaplan BS, Meyers KE; COVID-19 Genomics UK (COG-UK) Consortium.").
_PUBMED_NAME = r"[^,;.]+ [A-Z]{1,3}(?: (?:Jr|Sr|[2-9](?:nd|rd|th)))?"
_PUBMED_NAMES = re.compile(rf"{_PUBMED_NAME}(?:, {_PUBMED_NAME})*(?:; [^;]+)*\.")
# The author id Scopus writes after each full name: "Smith, John (57190000000)".
_SCOPUS_ID = re.compile(r"\s*\(\d+\)\s*$")


def _delimiter(header: str) -> str:
    """The separator that splits ``header`` into the most known column names (a ";" in a
    comma CSV's header cell does not); on a tie, tab if it has more tabs than commas, else comma.

    >>> _delimiter("题名;作者;年"), _delimiter("Title,Authors,Notes;Remarks"), _delimiter("Title\\tYear")
    (';', ',', '\\t')
    """
    by_count = "\t" if header.count("\t") > header.count(",") else ","
    return max((by_count, *DELIMITERS), key=lambda d: _known_columns(header, d))


def _known_columns(header: str, delimiter: str) -> int:
    cells = next(csv.reader([header], delimiter=delimiter), [])
    return sum(_column(c) is not None for c in cells)


class _Lines:
    """The lines a csv.reader reads, from ``(number, line)`` pairs, with the lines of the
    current row in ``taken`` and their numbers in ``numbers``; lines given back
    (:meth:`read_again_after`) are read again before the rest."""

    def __init__(self, numbered):
        self.lines, self.back = numbered, []
        self.new_row()

    def new_row(self) -> None:
        self.taken: list[str] = []
        self.numbers: list[int] = []

    def __iter__(self):
        return self

    def __next__(self) -> str:
        number, line = self.back.pop() if self.back else next(self.lines)
        self.numbers.append(number)
        self.taken.append(line)
        return line

    def read_again_after(self, kept: int) -> None:
        """The row's lines after its first ``kept`` are read again (as the next rows', not this one's)."""
        self.back.extend(reversed(list(zip(self.numbers[kept:], self.taken[kept:]))))
        del self.numbers[kept:], self.taken[kept:]

    def raw(self) -> str:
        """The row's lines as written (quotes and all), as a failure or record keeps its raw
        text: its cells joined again wrote ``Two,"Li, X",2021`` as ``Two,Li, X,2021``."""
        return "".join(self.taken)[:-1]   # (each line was given its end again; not the last)


class CsvReader:
    name = "csv"
    aliases = ("tsv", "bib-dedupe-csv", "asysd-csv")
    suffixes = (".csv", ".tsv")

    def sniff(self, head: str) -> float:
        return 0.8 if is_header(_first_line(head)) else 0.0

    def read(self, source):
        delimiter = _delimiter(_first_line(source.head))
        # lines with their ends again: a quoted cell may hold line breaks
        lines = _Lines((number, line + "\n") for number, line in numbered_lines(source))
        reader = csv.reader(lines, delimiter=delimiter)
        header = None
        ordinal = 0
        while True:
            lines.new_row()
            try:
                row = next(reader)
            except StopIteration:
                break
            line = lines.numbers[0]  # the row's first line
            if header is None:
                if not any(cell.strip() for cell in row):  # blank lines before the header
                    continue
                header = row
                columns = columns_of(header)
                continue
            if not any(cell.strip() for cell in row):
                continue
            if len(lines.taken) == 1 and is_header(lines.taken[0].rstrip("\n")) \
                    and _names_each_once(lines.taken[0].rstrip("\n")):
                # another CSV's header (files joined: cat a.csv b.csv): the rows after it are
                # read by its columns and delimiter
                delimiter = _delimiter(lines.taken[0])
                reader = csv.reader(lines, delimiter=delimiter)
                header = next(csv.reader(lines.taken, delimiter=delimiter))
                columns = columns_of(header)
                continue
            ordinal += 1
            written = len(row)
            while len(row) > len(header) and not row[-1].strip():
                row.pop()   # Web of Science ends every row, not its header, with a tab: empty cells past the header
            if len(row) != len(header) and starts_record(lines.taken[0], but_not=self.name):
                # another export pasted after the rows: a CSV has no record start to read on
                # from, so the rest of the file is one failure
                row_lines = lines.taken[:]  # (reading on adds to lines.taken)
                yield Failure(path=source.path, line=line, raw="".join(row_lines + list(lines)).rstrip("\n"),
                              format=self.name, record=ordinal,
                              reason="another export's record starts here, in a row that does not fit the "
                                     "CSV header: the rest of the file is this failure's raw text, not read")
                break
            issue = None
            if len(lines.taken) > 1 and len(row) < len(header):
                # a quote that never closes ('"second,b,2021' and every line after it in one cell):
                # its first line read with the quote as text, the lines after it read again
                literal = next(csv.reader(lines.taken[:1], delimiter=delimiter, quoting=csv.QUOTE_NONE))
                if len(literal) == len(header):
                    lines.read_again_after(1)
                    row = [cell.strip('"') for cell in literal]
                    issue = f"{source.path}:{line}: a quote opened in this row does not close; read as text"
            raw_text = lines.raw()
            misfit = _misfit(header, columns, row) if written != len(header) and not issue else None
            if misfit:
                yield Failure(path=source.path, line=line, raw=raw_text, format=self.name, record=ordinal,
                              reason=f"row has {written} cells, the header {len(header)}, and they do not line up "
                                     f"with its columns ({misfit}): a {_DELIMITER_NAMES[delimiter]} or a quote "
                                     "inside a cell shifted them; not read (its raw text here)")
                continue
            if len(row) < len(header) and not issue:   # kept, its missing cells read as empty
                issue = f"{source.path}:{line}: {short_row(header, row)}"
            if len(row) > len(header):
                yield Failure(path=source.path, line=line, reason=f"row has {len(row)} cells, the header "
                              f"{len(header)}", raw=raw_text, format=self.name, record=ordinal)
                continue
            item = row_record(Source(path=source.path, format=self.name, record=ordinal, line=line),
                              header, columns, row, raw_text)
            if issue and isinstance(item, Record):
                item.issues.append(issue)
            if not issue and isinstance(item, Record) and _quote_left_open(lines.taken, delimiter):
                # the file ends inside a quoted cell: as a RIS record without its ER, ingest keeps
                # what an earlier version of the file held from here on
                item.issues.append(f"{source.path}:{line}: {CUT_SHORT} (a quote opened in it does not close "
                                   "before the file ends): the export may be cut short")
            yield item


def _quote_left_open(row_lines: list[str], delimiter: str) -> bool:
    """Whether the file ends inside a quoted cell of this row, its last (a download cut short).
    A quote inside a cell (``5" disk``) opens none.

    >>> _quote_left_open(['a,"b\\n', 'c\\n'], ","), _quote_left_open(['a,"b"\\n'], ","), _quote_left_open(['a,5" disk\\n'], ",")
    (True, False, False)
    """
    try:
        for _row in csv.reader(row_lines, delimiter=delimiter, strict=True):
            pass
    except csv.Error as e:
        return "unexpected end of data" in str(e)
    return False


_DELIMITER_NAMES = {",": "comma", "\t": "tab", ";": "semicolon"}
# What a cell of these columns holds: one shifted into it (a tab or comma inside a cell before
# it, a quote left open) seldom does.  WoS's UT is its accession: WOS:000…, MEDLINE:…, CSCD:….
_SHAPES = {"year": (re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)").search, "a year"),
           "doi": (re.compile(r"10\.\d{4,}/").search, "a DOI"),
           "pmid": (re.compile(r"(?:PMID:?\s*)?\d{1,9}", re.I).fullmatch, "a PubMed ID"),
           "accession": (re.compile(r"[A-Z][A-Z0-9]*:\S+").fullmatch, "an accession number")}
_WOS_SHAPES = {"PY": "year", "DI": "doi", "PM": "pmid", "UT": "accession"}
_WOS_ID = re.compile(r"WOS:\d+")


def _misfit(header: list[str], columns: list[str | None], row: list[str]) -> str | None:
    """Why a row whose count of cells is not the header's has its cells out of line with the
    columns (its Year, DOI, PMID, WoS accession not one; a WoS accession in another column),
    or None.  Only such rows are checked: one with more cells, its empty cells past the header
    dropped, may still be one cell off (a tab inside a cell); one with fewer may have lost a
    cell to a quote that closed late (``"Title, with commas,"2020",…``: the year read into
    the title).  The tab that Web of Science ends each row with, or empty last cells not
    written, give a row of another count whose cells are in line.

    >>> _misfit(["Title", "Year", "DOI"], ["titles", "year", "doi"], ['A, b,2020"', "J Tests", "13"])
    "Year holds 'J Tests', not a year"
    >>> _misfit(["PT", "TI", "PY", "PM", "UT"], [None] * 5, ["J", "A", "", "WOS:0003", ""])
    "PM holds 'WOS:0003', not a PubMed ID"
    >>> _misfit(["Title", "Year", "DOI"], ["titles", "year", "doi"], ["A", "2020"]) is None
    True
    """
    tags = wos_tags(header)
    kinds = [_WOS_SHAPES.get(t) for t in tags] if tags else columns
    for name, kind, cell in zip(header, kinds, row):
        cell = cell.strip()
        if not cell:
            continue
        shape = _SHAPES.get(kind)
        if shape and not shape[0](cell):
            return f"{name.strip()} holds {cell[:60]!r}, not {shape[1]}"
        if tags and kind != "accession" and _WOS_ID.fullmatch(cell):
            return f"{name.strip()} holds the record's accession number {cell!r}"
    return None


def short_row(header: list[str], row: list[str]) -> str:
    """What a record's issue says of its row with fewer cells than the header: a row cut off
    (a line break in an unquoted cell, a damaged file) looks so, and so does one whose last
    cells were empty and not written (some spreadsheets save a CSV so).

    >>> short_row(["Title", "Authors", "Year", "Journal", "DOI"], ["Cut row", "Lee, K"])
    'row has 2 of 5 cells; read as empty: Year, Journal, DOI'
    >>> short_row([f"C{i}" for i in range(10)], ["x"])
    'row has 1 of 10 cells; read as empty: C1, C2, C3, C4, C5 and 4 more'
    """
    missing = [h.strip() or f"column {i}" for i, h in enumerate(header[len(row):], len(row) + 1)]
    more = f" and {len(missing) - 5} more" if len(missing) > 6 else ""
    return (f"row has {len(row)} of {len(header)} cells; read as empty: "
            + ", ".join(missing[:5] if more else missing) + more)


def _names_each_once(line: str) -> bool:
    """Whether no two cells of ``line`` are the same name: a header names each column once; a
    row of a template's placeholders in our export ("Title,,Title,…,Abstract,,Abstract") is data.

    >>> _names_each_once("Title,Authors,Year"), _names_each_once("a1,en,Title,,Title,Author,Journal")
    (True, False)
    """
    cells = [c.strip().lower() for c in next(csv.reader([line], delimiter=_delimiter(line)), []) if c.strip()]
    return len(cells) == len(set(cells))


def _first_line(head: str) -> str:
    return head.splitlines()[0] if head.strip() else ""


register(CsvReader())
START_TESTS["csv"] = is_header
