"""CSL-JSON: an array of CSL items (Zotero, citeproc, pandoc), or one item per line; Zotero's
own item JSON (its web API's, with ``itemType`` and ``creators``) is read as the CSL it maps to.

An array is parsed whole (``json`` has no streaming parser; such files come from
reference managers and are small); JSON lines are read one item at a time.  A broken
item is a failure with its text; the others are still read.
"""
from __future__ import annotations

import json
import re

from ..fields.funding import funding_entry
from ..fields.keywords import ITEM_SEPARATORS
from ..record import CSL_TYPES, Failure, Record, Source
from ..repair.text import flatten_markup
from .base import cited_article_number, kept_or_failed, register
from .record_jsonl import is_contract_record, looks_like_records

SIMPLE = {"title": "titles", "original-title": "titles", "title-short": "short_title",
          "container-title": "journal", "container-title-short": "journal_abbreviation", "volume": "volume",
          "issue": "issue", "page": "pages", "DOI": "doi", "ISSN": "issn", "ISBN": "isbn", "URL": "url",
          "abstract": "abstract", "publisher": "publisher", "publisher-place": "place", "language": "language",
          "note": "notes", "number": "number", "edition": "edition", "collection-title": "series",
          "genre": "degree", "event": "event", "PMID": "pmid", "archive": "archive",
          "number-of-pages": "number_of_pages"}   # a book's page count, as EndNote's Book %P is read


# Variables under the names CSL-JSON had before 1.0, which Zotero and citeproc-js still write
# and read: each is read as the variable it became, unless the item has that one too.
LEGACY_NAMES = {"journalAbbreviation": "container-title-short"}


# CSL rich text (the spec's HTML-like subset; Zotero writes it in titles) is read as plain
# text: <i>, <b>, <sc>, <span class="nocase">, <sup>/<sub> (see repair.flatten_markup).
MARKED = {"title", "original-title", "title-short", "container-title", "container-title-short", "abstract",
          "collection-title"}
# The variables of a note read as the item's own fields where it lacks them (identifiers and
# the pages cited, ``page: 288``, where Zotero's item type has no field for them); the other
# language's title and container are another title and journal (Chinese journals' English).
NOTE_IDS = frozenset({"DOI", "PMID", "ISSN", "ISBN", "URL"})   # (the CSV reader's from Zotero's "Extra" too)
_FROM_NOTE = NOTE_IDS | {"page"}
_OTHER_LANGUAGE = {"original-title": "titles", "original-container-title": "journal"}
# "page: 288", "archive-place: 北京", "DOI: 10.1/x"; not "tex.doi: …" nor a bare DOI line
_NOTE_VARIABLE = re.compile(r"^([a-z]+(?:[-_][a-z]+)*|[A-Z]+): *(\S.*)$")


def _text(key: str, value: str) -> str:
    if key == "abstract" and _JATS.search(value):
        return jats_text(value)   # (its markup flattened there)
    return flatten_markup(value) if key in MARKED else value


# Crossref's abstracts (doi.org content negotiation, its REST API) are JATS XML, the elements
# mostly with the jats: prefix, sometimes without: <jats:sec><jats:title>Background</jats:title>
# <jats:p>…</jats:p></jats:sec>.  Read only in a text that has a JATS element (CSL's own rich
# text has <i>, <sup>, <p> too, and flatten_markup reads those).
_JATS = re.compile(r"<(?:jats:[a-z]|(?:sec|title|italic|bold|list|list-item|xref|ext-link)\b)")
_JATS_BLOCK = re.compile(r"</?(?:jats:)?(?:p|sec|list|list-item)\b[^<>]*>")
_JATS_SCRIPT = re.compile(r"<(/?)(?:jats:)?(sup|sub)\b[^<>]*>")
# Inline elements, dropped with their text kept: face markup, links, cross-references; and any
# other element named with the jats: prefix (never text).
_JATS_INLINE = re.compile(r"</?(?:jats:[a-z][\w.-]*|(?:italic|bold|sc|underline|monospace|xref|ext-link)\b)"
                          r"[^<>]*>")
_JATS_TITLE = re.compile(r"<(?:jats:)?title\b[^<>]*>(.*?)</(?:jats:)?title>", re.S)
# The abstract's own heading ("<jats:title>Abstract</jats:title>" before its paragraphs) is no
# section's label.
_JATS_HEADING = re.compile(r"^\s*<(?:jats:)?title\b[^<>]*>\s*(?:(?:graphical )?abstract|summary)\s*[:.]?\s*"
                           r"</(?:jats:)?title>", re.I)
_JATS_SECTION = re.compile(r"\s*<(?:jats:)?sec\b[^<>]*>\s*<(?:jats:)?title\b[^<>]*>(?P<title>.*?)</(?:jats:)?title>"
                           r"(?P<body>.*?)</(?:jats:)?sec>\s*", re.S)


def _jats_plain(text: str) -> str:
    """JATS markup as text: a paragraph, section or list item is a space apart, a section's
    title its label (``Methods: ``), <sup>/<sub> as flatten_markup writes them (²)."""
    text = _JATS_TITLE.sub(_label_of_title, text)
    text = _JATS_INLINE.sub("", _JATS_SCRIPT.sub(r"<\1\2>", _JATS_BLOCK.sub(" ", text)))
    return " ".join(flatten_markup(text).split())


def _jats_label(title: str) -> str:
    return _jats_plain(title).rstrip(":.： ")


def _label_of_title(m: re.Match) -> str:
    label = _jats_label(m.group(1))
    return f" {label}: " if label else " "


def jats_sections(text: str) -> list[tuple[str, str]]:
    """(label, text) of each section of a JATS abstract made only of titled sections (as
    PubMed XML's labelled AbstractText), else [].

    >>> jats_sections("<jats:title>Abstract</jats:title><jats:sec><jats:title>Background</jats:title>"
    ...               "<jats:p>CO<jats:sub>2</jats:sub> rose.</jats:p></jats:sec>"
    ...               "<jats:sec><jats:title>Methods and findings</jats:title>"
    ...               "<jats:p>We <jats:italic>measured</jats:italic>.</jats:p></jats:sec>")
    [('Background', 'CO₂ rose.'), ('Methods and findings', 'We measured.')]
    >>> jats_sections("<jats:p>Plain.</jats:p>"
    ...               "<jats:sec><jats:title>Methods</jats:title><jats:p>Ten.</jats:p></jats:sec>")
    []
    """
    text = _JATS_HEADING.sub("", text)
    found, at = [], 0
    for m in _JATS_SECTION.finditer(text):
        label, body = _jats_label(m.group("title")), m.group("body")
        if m.start() != at or not label or re.search(r"<(?:jats:)?sec\b", body):  # text between, or nested
            return []
        found.append((label, _jats_plain(body)))
        at = m.end()
    return found if at == len(text) and len(found) > 1 else []


def jats_text(text: str) -> str:
    """A JATS abstract as plain text, each section's title its label, as the sections splitter
    reads them.

    >>> jats_text("<jats:sec><jats:title>Background</jats:title><jats:p>Vitamin D.</jats:p></jats:sec>"
    ...           "<jats:sec><jats:title>Methods:</jats:title>"
    ...           "<jats:p>We randomized <jats:bold>120</jats:bold>.</jats:p></jats:sec>")
    'Background: Vitamin D. Methods: We randomized 120.'
    >>> jats_text('<jats:title>Abstract</jats:title><jats:p>See <jats:ext-link xlink:href="https://x.org">'
    ...           'x.org</jats:ext-link> (m<jats:sup>2</jats:sup>).</jats:p>')
    'See x.org (m²).'
    """
    return _jats_plain(_JATS_HEADING.sub("", text))


def note_lines(note: str) -> list[tuple[str, str]]:
    """The ``variable: value`` lines of a CSL note, Zotero's "Extra" field, in order (a name
    variable has a line per name).

    >>> note_lines("page: 288\\ntex.number: CN1\\noriginal-author: Yu || Xiao\\noriginal-author: Liu || Yi")
    [('page', '288'), ('original-author', 'Yu || Xiao'), ('original-author', 'Liu || Yi')]
    """
    found = []
    for line in note.splitlines():
        m = _NOTE_VARIABLE.match(line.strip())
        if m:
            found.append((m.group(1), m.group(2).strip()))
    return found


def note_variables(note: str) -> dict[str, str]:
    """The ``variable: value`` lines of a CSL note (the first of a variable wins).

    >>> note_variables("page: 288\\ntex.number: CN1\\noriginal-author: Yu || Xiao\\npage: 3")
    {'page': '288', 'original-author': 'Yu || Xiao'}
    """
    found: dict[str, str] = {}
    for key, value in note_lines(note):
        found.setdefault(key, value)
    return found


def note_name(value: str) -> str:
    """A name of a note's name variable (citeproc-js's ``Family || Given``, or one name whole)
    as the pipeline reads names.

    >>> note_name("Chai || Yue Ting"), note_name("World Bank")
    ('Chai, Yue Ting', 'World Bank')
    """
    family, _, given = (p.strip() for p in value.partition("||"))
    return f"{family}, {given}" if family and given else family or given


def _read_note(rec: Record, item: dict, line: int | None) -> None:
    """The CSL variables an item's note carries, as citeproc-js and Zotero read them (Zotero
    keeps there what its item type has no field for): each fills what the item lacks.
    ``type`` (``periodical``, ``pamphlet``: types Zotero lacks) is the record's type, ``issued``
    its date as written (``1865（清同治四年）``, ``1984/``); identifiers and ``page`` (the pages
    cited of a book) fill its fields; ``original-title``, ``original-container-title`` and
    ``original-author`` (``Yu || Xiao``, a line per name) are its title, journal and authors in
    the other language (``extra.translated_author`` as other readers keep them); any other
    variable is kept in ``extra.csl`` with the item's own variables."""
    raw = rec.raw
    found: list[tuple[str, str]] = []
    for note, _ in raw.get("notes") or []:
        found += note_lines(note)
    seen: set[str] = set()
    for key, value in found:
        first = key not in seen
        seen.add(key)
        own = item.get(key) not in (None, "", [])
        if key == "type" and first:
            if value in CSL_TYPES:
                rec.type = value
        elif key == "issued" and first:
            rec.extra["issued"] = value
            if not raw.get("date"):
                raw["date"] = [(value, line)]
        elif key == "original-author" and not own:
            raw.setdefault("translated_author", []).append((note_name(value), line))
        elif own or not first:
            continue
        elif key in _OTHER_LANGUAGE:
            raw.setdefault(_OTHER_LANGUAGE[key], []).append((_text(key, value), line))
        elif key in _FROM_NOTE:
            target = SIMPLE[key]
            if not raw.get(target):
                raw[target] = [(_text(key, value), line)]
        else:
            rec.extra.setdefault("csl", {}).setdefault(key, value)


def _date_year(value) -> str | None:
    if isinstance(value, dict):
        parts = value.get("date-parts") or [[]]
        if parts and parts[0]:
            return str(parts[0][0])
        return value.get("raw") or value.get("literal")
    return str(value) if value else None


def year_range(value) -> str:
    """A range of years as CSL writes one, two date-parts of a year each (a periodical's run, as
    our export writes it), as ``1957/1990``; "" for any other date, and for a part that is no
    year (``[null]``), which is no range to keep.

    >>> year_range({"date-parts": [[1957], ["1990"]]}), year_range({"date-parts": [[1957], [1990], "x"]})
    ('1957/1990', '1957/1990')
    >>> year_range({"date-parts": [["1957"], [None]]}), year_range({"date-parts": [[2020, 5]]}), year_range("1957")
    ('', '', '')
    """
    parts = value.get("date-parts") if isinstance(value, dict) else None
    parts = [p for p in parts if isinstance(p, list)] if isinstance(parts, list) else []
    years = [str(p[0]) for p in parts if len(p) == 1 and (type(p[0]) is int or isinstance(p[0], str))]
    if len(parts) != 2 or len(years) != 2 or not all(re.fullmatch(r"[0-9]{1,4}", y) for y in years):
        return ""
    return "/".join(years)


def date_text(value) -> str:
    """A CSL date as text: ``2000-11-20``, ``2002``, or its raw/literal form ("" if none)."""
    if not isinstance(value, dict):
        return str(value) if value else ""
    parts = (value.get("date-parts") or [[]])[0]
    if parts:
        return "-".join(f"{int(p):02d}" if i else str(p) for i, p in enumerate(parts))
    return str(value.get("raw") or value.get("literal") or "")


def _name(a: dict) -> str:
    """A CSL name as the pipeline reads it: ``Family, Given`` (or ``Family, Given, Suffix``),
    the family name with its particles, dropping or not, as authors hold them ("van der Veen").

    >>> _name({"family": "Veen", "dropping-particle": "van der", "given": "Pieternella H."})
    'van der Veen, Pieternella H.'
    >>> _name({"family": "Fontaine", "dropping-particle": "de", "non-dropping-particle": "La", "given": "Jean"})
    'de La Fontaine, Jean'
    """
    if a.get("literal"):
        return "{" + a["literal"] + "}" if not re.search(r"[\u3400-\u9fff]", a["literal"]) else a["literal"]
    # CSL's order, "given dropping-particle non-dropping-particle family" ("Jean de La Fontaine")
    parts = [a[k] for k in ("dropping-particle", "non-dropping-particle", "family") if a.get(k)]
    if not all(isinstance(p, str) for p in parts):   # {"family": 3}: an item of the wrong shape, a failure
        raise TypeError(f"a name part that is not text: {a!r}")
    family = " ".join(p.strip() for p in parts if p.strip())
    given = a.get("given") or ""
    suffix = a.get("suffix") or ""
    return ", ".join(p for p in (family, given, suffix) if p) if given else family


def _romanised_names(written) -> list[str]:
    """The authors' romanised names of ``custom.translated_author``: our export's list of texts,
    or as another tool may write it, one text (one name) or CSL name objects (``Family, Given``,
    or the literal as written); a name object of another shape is no name.

    >>> _romanised_names("Wang, Wei"), _romanised_names([{"family": "Wang", "given": "Wei"}, {"literal": "Hong Gil-Dong"}])
    (['Wang, Wei'], ['Wang, Wei', 'Hong Gil-Dong'])
    """
    names = []
    for name in [written] if isinstance(written, str) else written if isinstance(written, list) else ():
        if isinstance(name, dict):
            try:
                name = name.get("literal") if isinstance(name.get("literal"), str) else _name(name)
            except TypeError:   # {"family": 3}
                continue
        if str(name).strip():
            names.append(str(name).strip())
    return names


def _crossref_name(a):
    """Crossref's name of an organisation, ``{"name": "… Consortium"}``, as CSL's literal name;
    any other name as it is."""
    if isinstance(a, dict) and isinstance(a.get("name"), str) and a["name"].strip() \
            and not (a.get("family") or a.get("literal")):
        return {**a, "literal": a["name"].strip()}
    return a


def _affiliations(a: dict) -> list[str]:
    """An author's affiliations as Crossref gives them, ``[{"name": "…"}]`` (or a list of
    names, or one)."""
    given = a.get("affiliation") or []
    given = given if isinstance(given, list) else [given]
    names = (x.get("name") if isinstance(x, dict) else x for x in given)
    return [" ".join(n.split()) for n in names if isinstance(n, str) and n.strip()]


def _place_affiliations(rec: Record, held: list[tuple[str, list[str]]], line: int | None) -> None:
    """Each author's affiliations (``held``: (name, affiliations) per author): each once as
    the record's affiliation, and whose they are in ``extra["author_affiliations"]`` (as
    MEDLINE's AD lines).  The pipeline gives a record's one affiliation to each author, so
    one that only some authors hold is kept in ``extra`` alone."""
    distinct = list(dict.fromkeys(aff for _, affs in held for aff in affs))
    if not distinct:
        return
    if len(distinct) > 1 or all(affs for _, affs in held):
        rec.raw["affiliation"] = [(aff, line) for aff in distinct]
    else:
        rec.extra["affiliations"] = distinct
    if len(distinct) > 1 or not all(affs for _, affs in held):
        rec.extra["author_affiliations"] = [{"author": name, "affiliations": affs} for name, affs in held if affs]


_FUNDER_DOI = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:)?(10\.13039/\S+)$", re.I)


def crossref_funding(funders) -> list[dict]:
    """Crossref's ``funder`` list (``name``, its Funder Registry ``DOI``, ``award`` numbers)
    as funding entries, one per award (one without an award for a funder that lists none).
    The grant numbers are taken as given: the statement parser would cut "R01 AI123456" at
    its space.  The registry's DOI is the funder's id; where it names another funder than
    the name normalises to, the name is kept as written.

    >>> for e in crossref_funding([{"name": "Wellcome Trust", "DOI": "10.13039/100004440", "award": ["204841/Z/16/Z"]},
    ...                            {"name": "National Natural Science Foundation of China", "award": []}]):
    ...     print(e["funder"], e["funder_id"], e["award"])
    Wellcome Trust 10.13039/100004440 204841/Z/16/Z
    National Natural Science Foundation of China 10.13039/501100001809 None
    """
    entries: list[dict] = []
    for funder in funders if isinstance(funders, list) else []:
        name = funder.get("name") if isinstance(funder, dict) else None
        if not isinstance(name, str) or not name.strip():
            continue
        awards = funder.get("award") or []
        awards = [" ".join(str(a).split()) for a in (awards if isinstance(awards, list) else [awards])]
        doi = _FUNDER_DOI.match(str(funder.get("DOI") or "").strip())
        for award in [a for a in awards if a] or [None]:
            entry = funding_entry(" ".join(name.split()), award)
            if doi and entry["funder_id"] not in (None, doi.group(1).lower()):
                entry["funder"] = entry["funder_original"]
            if doi:
                entry["funder_id"] = doi.group(1).lower()
            if entry not in entries:
                entries.append(entry)
    return entries


def _with_subtitle(title: str, subtitle) -> str:
    """The title and its subtitle (Crossref's ``subtitle`` list) as one title, ``Title:
    Subtitle``; after a title ending in ``?``, ``!``, ``:`` or ``.`` with a space only, and not
    when the title ends with the subtitle already.

    >>> _with_subtitle("Vitamin D and falls", ["Results from the VITAL-D cohort"])
    'Vitamin D and falls: Results from the VITAL-D cohort'
    >>> _with_subtitle("Does it work?", ["A trial"]), _with_subtitle("Falls: a trial", "A trial")
    ('Does it work? A trial', 'Falls: a trial')
    """
    subtitles = subtitle if isinstance(subtitle, list) else [subtitle]
    sub = next((" ".join(x.split()) for x in subtitles if isinstance(x, str) and x.strip()), "")
    title = title.rstrip()
    if not sub or title.casefold().endswith(sub.casefold()):
        return title
    return f"{title} {sub}" if title.endswith(("?", "!", ":", ".")) else f"{title}: {sub}"


def _error(e: Exception, line: int | None = None) -> str:
    """What is wrong, and where: JSON's message with the line and column in the file (``line``:
    the file's line of a text decoded on its own, whose own lines count from 1).

    >>> try:
    ...     json.loads('{"title": "cut')
    ... except json.JSONDecodeError as e:
    ...     print(_error(e, line=7))
    Unterminated string starting at line 7, column 11
    """
    if not isinstance(e, json.JSONDecodeError):
        return f"{type(e).__name__}: {str(e)[:200]}"
    where = f"line {e.lineno + (line - 1 if line else 0)}, column {e.colno}"
    return f"{e.msg} {where}" if e.msg.endswith(" at") else f"{e.msg} (at {where})"


_SEPARATORS = re.compile(r"[\s,]*")
_SPACE = re.compile(r"[\s\ufeff]*")  # (a byte-order mark: a file joined after the array)


def _array_items(text: str):
    """(item, line, raw text) for each element of the JSON array ``text`` (and of the arrays
    after it: files joined), decoded one at a time so that a broken element loses nothing
    before or after it: it comes as (exception, line, its raw text), and reading goes on after
    it (:func:`_element_end`); one whose brackets never close comes with the rest of the text,
    at the end.  A missing closing bracket loses nothing."""
    decoder = json.JSONDecoder()
    at, line = text.index("[") + 1, 1 + text.count("\n", 0, text.index("["))
    while True:
        start = _SEPARATORS.match(text, at).end()
        line += text.count("\n", at, start)
        if start >= len(text):
            return
        if text[start] == "]":
            after = _SPACE.match(text, start + 1).end()
            line += text.count("\n", start, after)
            if text.startswith("[", after):  # a second array ("][": two exports joined, cat a.json b.json)
                at = after + 1
                continue
            if after < len(text):  # other text (another export pasted in: readers._pasted_reader)
                yield ValueError("text after the array's closing ]"), line, text[after:].rstrip()
            return
        try:
            item, at = decoder.raw_decode(text, start)
        except (ValueError, RecursionError) as e:
            at = _element_end(text, start)
            if at is None:  # its brackets never close (the file was cut short): nothing after it to read
                yield e, line, text[start:]
                return
            yield e, line, text[start:at]  # (this element alone: reading goes on after it)
        else:
            yield item, line, text[start:at]
        line += text.count("\n", start, at)


_CLOSING = {"{": "}", "[": "]"}


def _element_end(text: str, start: int) -> int | None:
    """Where the array element at ``start`` that JSON could not decode ends (a trailing comma
    or a missing one inside an object): after its closing bracket, or before the ``,`` or
    ``]`` after it, counted by brackets outside strings.  None when its brackets never close,
    or close wrongly, before the text ends.

    >>> text = '[{"a": [1], "b": 2,}, {"c": "}{"}]'
    >>> text[1:_element_end(text, 1)]
    '{"a": [1], "b": 2,}'
    >>> text = '[{"a": 1 "b": 2}, tru, 3]'
    >>> text[1:_element_end(text, 1)], text[18:_element_end(text, 18)]
    ('{"a": 1 "b": 2}', 'tru')
    >>> _element_end('[{"a": 1, "b": [2}, {"c": 3}]', 1) is None
    True
    """
    stack: list[str] = []
    in_string = escaped = False
    for at in range(start, len(text)):
        c = text[at]
        if in_string:
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c in '"\n':  # (a raw line break ends a string that lost its closing quote)
                in_string = False
        elif c == '"':
            in_string = True
        elif c in _CLOSING:
            stack.append(_CLOSING[c])
        elif c in "}]":
            if not stack:
                return at if at > start else at + 1  # (the array's end, or a stray bracket: itself)
            if stack.pop() != c:
                return None
            if not stack:
                return at + 1
        elif c == "," and not stack and at > start:
            return at
    return None


# Zotero's own item JSON (its web API, `format=json`; its translators' test cases), read as
# the CSL item it stands for: item type, field and creator type names mapped to CSL's.
ZOTERO_TYPES = {
    "journalArticle": "article-journal", "magazineArticle": "article-magazine", "newspaperArticle": "article-newspaper",
    "book": "book", "bookSection": "chapter", "thesis": "thesis", "conferencePaper": "paper-conference",
    "report": "report", "webpage": "webpage", "blogPost": "post-weblog", "forumPost": "post", "patent": "patent",
    "dataset": "dataset", "computerProgram": "software", "manuscript": "manuscript", "letter": "personal_communication",
    "presentation": "speech", "statute": "legislation", "case": "legal_case", "bill": "bill", "standard": "standard",
    "encyclopediaArticle": "entry-encyclopedia", "dictionaryEntry": "entry-dictionary", "map": "map",
    "artwork": "graphic", "film": "motion_picture", "interview": "interview", "preprint": "article",
    "document": "document", "hearing": "bill", "audioRecording": "song", "videoRecording": "motion_picture",
}
ZOTERO_FIELDS = {
    "title": "title", "shortTitle": "title-short", "abstractNote": "abstract", "volume": "volume", "issue": "issue",
    "pages": "page", "DOI": "DOI", "ISSN": "ISSN", "ISBN": "ISBN", "url": "URL", "publisher": "publisher",
    "place": "publisher-place", "language": "language", "extra": "note", "edition": "edition",
    "series": "collection-title", "thesisType": "genre", "journalAbbreviation": "container-title-short",
    "university": "publisher", "institution": "publisher", "reportNumber": "number", "patentNumber": "number",
    "number": "number", "conferenceName": "event", "archive": "archive",
    **{f: "container-title" for f in ("publicationTitle", "bookTitle", "proceedingsTitle", "websiteTitle", "blogTitle",
                                      "forumTitle", "encyclopediaTitle", "dictionaryTitle", "seriesTitle")},
}
ZOTERO_ROLES = {"author": "author", "editor": "editor", "seriesEditor": "editor", "translator": "translator",
                **{r: "author" for r in ("inventor", "programmer", "presenter", "director", "artist", "interviewee",
                                         "cartographer", "performer", "composer", "podcaster", "sponsor")}}


def from_zotero(item: dict) -> dict:
    """The CSL item a Zotero item (``itemType``, ``creators``, ``tags``) stands for; what
    CSL has no variable for is kept under its Zotero name.

    >>> from_zotero({"itemType": "bookSection", "bookTitle": "B", "date": "2001",
    ...              "creators": [{"lastName": "Li", "firstName": "Ming", "creatorType": "editor"}],
    ...              "tags": [{"tag": "x"}, "y"]})
    {'type': 'chapter', 'container-title': 'B', 'editor': [{'family': 'Li', 'given': 'Ming'}], 'issued': {'raw': '2001'}, 'keyword': ['x', 'y']}
    """
    item = item.get("data") if isinstance(item.get("data"), dict) else item   # the web API's envelope
    out: dict = {"type": ZOTERO_TYPES.get(str(item.get("itemType")), "article-journal")}
    for key, value in item.items():
        if key in ZOTERO_FIELDS and value not in (None, ""):
            out.setdefault(ZOTERO_FIELDS[key], value)
        elif key not in ("itemType", "creators", "date", "tags", "key", "itemID", "issueDate", "dateEnacted",
                         "dateDecided"):
            out.setdefault(key, value)
    creators = [c for c in item.get("creators") or [] if isinstance(c, dict)]
    if not any(ZOTERO_ROLES.get(c.get("creatorType", "author")) == "author" for c in creators):
        creators = [{**c, "creatorType": "author"} if c.get("creatorType") == "contributor" else c for c in creators]
    for c in creators:
        role = ZOTERO_ROLES.get(c.get("creatorType", "author"))
        if role:
            name = ({"literal": c["name"]} if c.get("name")
                    else {"family": c.get("lastName"), "given": c.get("firstName")})
            out.setdefault(role, []).append({k: v for k, v in name.items() if v})
    date = next((item[k] for k in ("date", "issueDate", "dateEnacted", "dateDecided") if item.get(k)), None)
    if date:   # (a patent's is its issueDate, a statute's its dateEnacted)
        out["issued"] = {"raw": str(date)}
    tags = [t.get("tag") if isinstance(t, dict) else t for t in item.get("tags") or []]
    if any(tags):
        out["keyword"] = [str(t) for t in tags if t]
    if item.get("key") or item.get("itemID"):
        out["id"] = item.get("key") or item.get("itemID")
    return out


def _current_names(item: dict) -> dict:
    """``item`` with its legacy variables (``journalAbbreviation``) under their current names;
    one whose current variable is there too, with another value, is left as it is (kept in
    ``extra.csl``).

    >>> _current_names({"journalAbbreviation": "Cat. Classif. Q."})
    {'container-title-short': 'Cat. Classif. Q.'}
    """
    item = dict(item)
    for legacy, current in LEGACY_NAMES.items():
        if item.get(legacy) not in (None, "") and item.get(current) in (None, "", item[legacy]):
            item[current] = item.pop(legacy)
    return item


_DECODER = json.JSONDecoder()
_JSON_SPACE = re.compile(r"[ \t\r\n]*")   # (JSON's own white space)


def _first_fields(text: str) -> dict:
    """The fields of the first object of a JSON text (an array's first item, a JSON lines
    file's first line) at its top level, those that end within ``text`` (a file's head: a
    long title or abstract cut by it ends them there); {} when it opens with no object.

    >>> _first_fields('[{"id": "a", "type": "book", "title": "Long tit'), _first_fields('[1, 2]')
    ({'id': 'a', 'type': 'book'}, {})
    """
    at = _JSON_SPACE.match(text, 1).end() if text.startswith("[") else 0
    fields: dict = {}
    if not text.startswith("{", at):
        return fields
    at += 1
    while True:
        at = _JSON_SPACE.match(text, at).end()
        try:
            key, at = _DECODER.raw_decode(text, at)
            at = _JSON_SPACE.match(text, at).end()
            if not isinstance(key, str) or not text.startswith(":", at):
                return fields
            value, at = _DECODER.raw_decode(text, _JSON_SPACE.match(text, at + 1).end())
        except (ValueError, RecursionError):   # cut by the head, the object's end, or no JSON
            return fields
        fields[key] = value
        at = _JSON_SPACE.match(text, at).end()
        if not text.startswith(",", at):
            return fields
        at += 1


def _is_csl_item(fields: dict) -> bool:
    """Whether an object's fields are a CSL item's by the two fields CSL requires: an ``id`` and a
    ``type`` that is one of CSL's (``article-journal``, ``book`` …), and no variable CSL gives as
    text that is an object (a contract record's title, abstract and source are).  An item of
    these alone (``{"id": "a", "type": "article-journal", "title": "T"}``) is told so, and so
    is one whose first fields are long.

    >>> _is_csl_item({"id": 1, "type": "article-journal"}), _is_csl_item({"id": 1, "type": "Feature"})
    (True, False)
    >>> _is_csl_item({"id": None, "type": "book", "title": {"zh": "题"}})
    False
    >>> _is_csl_item({"id": "71b2", "source": {"path": "a.ris"}, "type": "book", "title": "T"})
    False
    """
    return (type(fields.get("id")) in (str, int) and fields.get("type") in CSL_TYPES
            and not any(isinstance(fields.get(key), dict) for key in _TEXT_VARIABLES))


# CSL variables whose value is text (an object there is no CSL item's: a contract record's)
_TEXT_VARIABLES = ("title", "abstract", "source", "container-title")


class CslJsonReader:
    name = "csl-json"
    aliases = ("csljson", "csl", "citeproc-json")
    suffixes = (".json",)

    def sniff(self, head: str) -> float:
        if looks_like_records(head):   # clean --json's own records (their title is an object): record-jsonl's
            return 0.0
        h = head.lstrip(" \t\r\n")
        if re.fullmatch(r"\[\s*\]\s*", h):   # an array of no item: a CSL-JSON export of nothing (Zotero's, say)
            return 0.5
        if re.match(r'\[|\{\s*"', h) and re.search(r'"(?:type|title|container-title|issued|author|itemType)"\s*:',
                                                    h[:5000]) and \
                re.search(r'"(?:issued|container-title|author|DOI|itemType)"', h[:20000]):
            return 0.9
        return 0.9 if _is_csl_item(_first_fields(h)) else 0.0

    def read(self, source):
        head = source.head.lstrip(" \t\r\n")
        if head.startswith("["):
            ordinal = 0
            text = source.text()
            for ordinal, (item, line, raw) in enumerate(_array_items(text), 1):
                if isinstance(item, Exception):
                    rest = "; the rest of the file is this failure's raw text" if text.endswith(raw) else ""
                    yield Failure(path=source.path, line=line, reason=f"not valid JSON: {_error(item)}{rest}", raw=raw,
                                  format=self.name, record=ordinal)
                else:
                    yield self._item(item, source.path, ordinal, line, raw)
            return
        ordinal = 0
        # (not numbered_lines: a JSON line is parted only where JSON says, and a string in it may hold anything)
        for lineno, line in enumerate(source.lines(), 1):
            if not line.strip():
                continue
            ordinal += 1
            try:
                item = json.loads(line)
            except (ValueError, RecursionError) as e:
                yield Failure(path=source.path, line=lineno, reason=f"not valid JSON: {_error(e, lineno)}", raw=line,
                              format=self.name, record=ordinal)
                continue
            yield self._item(item, source.path, ordinal, lineno, line)

    def _item(self, item, path, ordinal, line, raw_text):
        try:
            return self._read_item(item, path, ordinal, line, raw_text)
        except Exception as e:  # one broken item (a number for a name, a date of letters) never stops the file
            return Failure(path=path, line=line, reason=f"cannot parse record: {type(e).__name__}: {e}",
                           raw=raw_text, format=self.name, record=ordinal)

    def _read_item(self, item, path, ordinal, line, raw_text):
        if not isinstance(item, dict):
            return Failure(path=path, line=line, reason="a CSL item must be a JSON object", raw=raw_text,
                           format=self.name, record=ordinal)
        if is_contract_record(item):   # (forced as CSL, or a line among CSL items): not read as a CSL item
            return Failure(path=path, line=line, reason="a record of clean --json, not a CSL item: read it with "
                           "--format record-jsonl", raw=raw_text, format=self.name, record=ordinal)
        if "itemType" in item or isinstance(item.get("data"), dict) and "itemType" in item["data"]:
            item = from_zotero(item)
        item = _current_names(item)
        src = Source(path=path, format=self.name, record=ordinal, line=line)
        rec = Record(src, raw_text=raw_text)
        src.source_id = str(item.get("id") or item.get("citation-key") or "") or None
        rec.type = str(item.get("type") or "article-journal")
        if item.get("type"):   # stated: a journal named 论坛 or "Conference Series" stays a journal
            rec.extra["source_type"] = rec.type
        raw = rec.raw
        for key, target in SIMPLE.items():
            value = item.get(key)
            if isinstance(value, list):
                value = value[0] if value else None
            if key == "title" and value not in (None, "") and item.get("subtitle"):
                value = _with_subtitle(str(value), item["subtitle"])
            if value not in (None, ""):
                raw.setdefault(target, []).append((_text(key, str(value)), line))
            if key == "abstract" and isinstance(value, str) and _JATS.search(value):
                for section in jats_sections(value):   # (as PubMed XML's labelled parts)
                    raw.setdefault("sections", []).append((section, line))
        if rec.type == "article-journal" and raw.get("number") and not raw.get("pages") \
                and not cited_article_number(raw["number"]):
            # an article's number with a dash (e02132-20, as our export writes one without pages):
            # the article number; another number stays a number (a tool's issue, report number)
            rec.extra["article_number"] = [v for v, _ in raw.pop("number")]
        held: list[tuple[str, list[str]]] = []   # (author, affiliations)
        for role, target in (("author", "author"), ("editor", "editor"), ("translator", "translator")):
            for a in item.get(role) or []:
                a = _crossref_name(a)
                if isinstance(a, dict) and (a.get("family") or a.get("literal")):
                    raw.setdefault(target, []).append((_name(a), line))
                    if role == "author":
                        held.append((a.get("literal") or _name(a), _affiliations(a)))
        _place_affiliations(rec, held, line)
        for entry in crossref_funding(item.get("funder")):
            if entry not in rec.funding:
                rec.funding.append(entry)
        year = _date_year(item.get("issued"))
        if year:
            raw.setdefault("date", []).append((year, line))
        issued = item.get("issued")
        if isinstance(issued, dict) and len((issued.get("date-parts") or [[]])[0]) > 1:
            rec.extra["issued"] = date_text(issued)  # a full date (newspapers, web pages), beside the year
        elif year_range(issued):   # a range of years (a periodical's run, 1957/1990), as export writes it
            rec.extra["issued"] = year_range(issued)
        custom = item.get("custom") if isinstance(item.get("custom"), dict) else {}
        for field, target in (("title", "titles"), ("abstract", "abstract"), ("journal", "journal")):
            for value in (custom.get(field) or {}).values() if isinstance(custom.get(field), dict) else ():
                raw.setdefault(target, []).append((str(value), line))
        for words in (custom.get("keywords") or {}).values() if isinstance(custom.get("keywords"), dict) else ():
            # one a keyword: a lone one holding a comma (，、 too) ends with the semicolon that says so
            words = [str(w) for w in words]
            lone = len(words) == 1 and any(c in words[0] for c in ITEM_SEPARATORS)
            raw.setdefault("keywords", []).append(("; ".join(words) + (";" if lone else ""), line))
        for name in _romanised_names(custom.get("translated_author")):   # as our export keeps them
            raw.setdefault("translated_author", []).append((name, line))
        keywords = item.get("keyword")
        if isinstance(keywords, list):  # a Zotero item's tags: one keyword each
            raw.setdefault("keyword", []).extend((str(k), line) for k in keywords)
        elif keywords and not isinstance(custom.get("keywords"), dict):  # else read per language above
            raw.setdefault("keywords", []).append((str(keywords), line))
        # (the citation key is kept in extra.csl, to be written back: the id, which stands for
        # the item in a source's own links, is not always it)
        known = set(SIMPLE) | {"author", "editor", "translator", "issued", "keyword", "id", "type", "custom"}
        if rec.funding:
            known.add("funder")
        if item.get("title"):   # joined to it
            known.add("subtitle")
        for key, value in item.items():
            if key not in known:
                rec.extra.setdefault("csl", {})[key] = value
        _read_note(rec, item, line)
        # as a tagged record with its id and nothing else (a RIS record's ``ID`` alone, a PDF whose
        # metadata was never extracted): a record of the export, kept and flagged; our export
        # writes one so, and reads it back
        return kept_or_failed(rec, src, raw_text, self.name, "item has no title, author, container or DOI",
                              identified=bool(src.source_id))


register(CslJsonReader())
