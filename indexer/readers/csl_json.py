"""CSL-JSON: an array of CSL items (Zotero, citeproc, pandoc), or one item per line; Zotero's
own item JSON (its web API's, with ``itemType`` and ``creators``) is read as the CSL it maps to.

An array is parsed whole (``json`` has no streaming parser; such files come from
reference managers and are small); JSON lines are read one item at a time.  A broken
item is a failure with its text; the others are still read.
"""
from __future__ import annotations

import json
import re

from ..record import Failure, Record, Source
from ..repair.text import flatten_markup
from .base import register

SIMPLE = {"title": "titles", "original-title": "titles", "title-short": "short_title",
          "container-title": "journal", "container-title-short": "journal_abbreviation", "volume": "volume",
          "issue": "issue", "page": "pages", "DOI": "doi", "ISSN": "issn", "ISBN": "isbn", "URL": "url",
          "abstract": "abstract", "publisher": "publisher", "publisher-place": "place", "language": "language",
          "note": "notes", "number": "number", "edition": "edition", "collection-title": "series",
          "genre": "degree", "event": "event", "PMID": "pmid", "archive": "archive"}


# Variables under the names CSL-JSON had before 1.0, which Zotero and citeproc-js still write
# and read: each is read as the variable it became, unless the item has that one too.
LEGACY_NAMES = {"journalAbbreviation": "container-title-short"}


# CSL rich text (the spec's HTML-like subset; Zotero writes it in titles) is read as plain
# text: <i>, <b>, <sc>, <span class="nocase">, <sup>/<sub> (see repair.flatten_markup).
MARKED = {"title", "original-title", "title-short", "container-title", "container-title-short", "abstract",
          "collection-title"}
_FROM_NOTE = {"DOI", "PMID", "ISSN", "ISBN", "URL", "original-title"}
# "page: 288", "archive-place: 北京", "DOI: 10.1/x"; not "tex.doi: …" nor a bare DOI line
_NOTE_VARIABLE = re.compile(r"^([a-z]+(?:[-_][a-z]+)*|[A-Z]+): *(\S.*)$")


def _text(key: str, value: str) -> str:
    return flatten_markup(value) if key in MARKED else value


def note_variables(note: str) -> dict[str, str]:
    """The ``variable: value`` lines of a CSL note, Zotero's "Extra" field (the first of a
    variable wins).

    >>> note_variables("page: 288\\ntex.number: CN1\\noriginal-author: Yu || Xiao")
    {'page': '288', 'original-author': 'Yu || Xiao'}
    """
    found: dict[str, str] = {}
    for line in note.splitlines():
        m = _NOTE_VARIABLE.match(line.strip())
        if m:
            found.setdefault(m.group(1), m.group(2).strip())
    return found


def _date_year(value) -> str | None:
    if isinstance(value, dict):
        parts = value.get("date-parts") or [[]]
        if parts and parts[0]:
            return str(parts[0][0])
        return value.get("raw") or value.get("literal")
    return str(value) if value else None


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
    before it: it and the rest of the text come as one (exception, line, rest) at the end.
    A missing closing bracket loses nothing."""
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
            yield e, line, text[start:]
            return
        yield item, line, text[start:at]
        line += text.count("\n", start, at)


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


class CslJsonReader:
    name = "csl-json"
    aliases = ("csljson", "csl", "citeproc-json")
    suffixes = (".json",)

    def sniff(self, head: str) -> float:
        h = head.lstrip(" \t\r\n")
        if re.match(r'\[|\{\s*"', h) and re.search(r'"(?:type|title|container-title|issued|author|itemType)"\s*:',
                                                    h[:5000]) and \
                re.search(r'"(?:issued|container-title|author|DOI|itemType)"', h[:20000]):
            return 0.9
        return 0.0

    def read(self, source):
        head = source.head.lstrip(" \t\r\n")
        if head.startswith("["):
            ordinal = 0
            for ordinal, (item, line, raw) in enumerate(_array_items(source.text()), 1):
                if isinstance(item, Exception):
                    yield Failure(path=source.path, line=line, reason=f"not valid JSON: {_error(item)}; the rest "
                                  "of the file is this failure's raw text", raw=raw, format=self.name, record=ordinal)
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
        if "itemType" in item or isinstance(item.get("data"), dict) and "itemType" in item["data"]:
            item = from_zotero(item)
        item = _current_names(item)
        src = Source(path=path, format=self.name, record=ordinal, line=line)
        rec = Record(src, raw_text=raw_text)
        src.source_id = str(item.get("id") or item.get("citation-key") or "") or None
        rec.type = str(item.get("type") or "article-journal")
        raw = rec.raw
        for key, target in SIMPLE.items():
            value = item.get(key)
            if isinstance(value, list):
                value = value[0] if value else None
            if value not in (None, ""):
                raw.setdefault(target, []).append((_text(key, str(value)), line))
        # Identifiers and the original title Zotero keeps in the note ("PMID: 123", "DOI: …")
        # where the item type lacks the field. (``page:`` there is the pages cited, and the
        # other variables are the exporter's: indexer.export.csl_input.)
        for note in list(raw.get("notes") or []):
            for key, value in note_variables(note[0]).items():
                target = SIMPLE.get(key) if key in _FROM_NOTE else None
                if target and not raw.get(target):
                    raw[target] = [(_text(key, value), line)]
        for role, target in (("author", "author"), ("editor", "editor"), ("translator", "translator")):
            for a in item.get(role) or []:
                if isinstance(a, dict) and (a.get("family") or a.get("literal")):
                    raw.setdefault(target, []).append((_name(a), line))
        year = _date_year(item.get("issued"))
        if year:
            raw.setdefault("date", []).append((year, line))
        issued = item.get("issued")
        if isinstance(issued, dict) and len((issued.get("date-parts") or [[]])[0]) > 1:
            rec.extra["issued"] = date_text(issued)  # a full date (newspapers, web pages), beside the year
        custom = item.get("custom") if isinstance(item.get("custom"), dict) else {}
        for field, target in (("title", "titles"), ("abstract", "abstract"), ("journal", "journal")):
            for value in (custom.get(field) or {}).values() if isinstance(custom.get(field), dict) else ():
                raw.setdefault(target, []).append((str(value), line))
        for words in (custom.get("keywords") or {}).values() if isinstance(custom.get("keywords"), dict) else ():
            raw.setdefault("keywords", []).append(("; ".join(map(str, words)), line))
        keywords = item.get("keyword")
        if isinstance(keywords, list):  # a Zotero item's tags: one keyword each
            raw.setdefault("keyword", []).extend((str(k), line) for k in keywords)
        elif keywords and not isinstance(custom.get("keywords"), dict):  # else read per language above
            raw.setdefault("keywords", []).append((str(keywords), line))
        known = set(SIMPLE) | {"author", "editor", "translator", "issued", "keyword", "id", "type", "citation-key", "custom"}
        for key, value in item.items():
            if key not in known:
                rec.extra.setdefault("csl", {})[key] = value
        if not any(raw.get(k) for k in ("titles", "abstract", "author", "journal", "doi")):
            return Failure(path=path, line=line, reason="item has no title, author, container or DOI",
                           raw=raw_text, format=self.name, record=ordinal)
        return rec


register(CslJsonReader())
