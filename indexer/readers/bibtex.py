"""BibTeX / BibLaTeX: ``@type{key, field = {…} | "…" | 123 | macro # …, …}``.

Streams entry by entry (lines are gathered until the entry's braces balance); a broken
entry is a failure with its text and line, and reading resumes at the next ``@``.
``@string`` macros and ``#`` concatenation are resolved, ``@comment`` and ``@preamble``
skipped.  LaTeX is turned into Unicode by a table of the accents and symbols that
occur in bibliographies (``{\\"o}`` ö, ``\\v{s}`` š, ``{\\ss}`` ß, ``--`` –, ``\\&`` &),
text commands (``\\textit{x}``) keep their text (``\\textsuperscript{5}`` raised, ⁵, as
``$^{5}$`` is), protecting braces are dropped.  An escaped
character is that character, never math or markup (``\\$x\\_2\\$`` is $x_2$, ``$x_2$`` x₂;
``\\{`` {, ``\\textbackslash{}`` \\), as this project's BibTeX writer escapes it.  Names
are split on ``and``; a name in braces (``{World Health Organization}``) stays whole.
"""
from __future__ import annotations

import re
import unicodedata

from ..charsets import scripted
from ..fields.authors import parse_name
from ..fields.funding import detail_grants
from ..record import Failure, Record, Source
from .base import cited_article_number, kept_or_failed, numbered_lines, register, sniff_reader, starts_record
from .csv_reader import SCOPUS_TYPES

BIBTEX_TYPES = {
    "article": "article-journal", "book": "book", "inbook": "chapter", "incollection": "chapter",
    "inproceedings": "paper-conference", "conference": "paper-conference", "proceedings": "book",
    "phdthesis": "thesis", "mastersthesis": "thesis", "thesis": "thesis", "techreport": "report",
    "report": "report", "manual": "report", "misc": "document", "online": "webpage", "patent": "patent",
    "unpublished": "manuscript", "booklet": "pamphlet", "dataset": "dataset", "software": "software",
    "standard": "standard",
    # biblatex's: a whole issue of a journal; an article in a work of reference (CSL's entry,
    # an encyclopedia's or a dictionary's as its entrysubtype says: _SUBTYPES)
    "periodical": "periodical", "inreference": "entry",
    # biblatex's, as pandoc reads them (and our BibLaTeX export writes them)
    "artwork": "graphic", "letter": "personal_communication", "movie": "motion_picture",
    "video": "motion_picture",
}
# biblatex's @article with an ``entrysubtype`` naming a newspaper or a magazine (as this
# project's BibLaTeX export and biblatex-chicago write them), and its @inreference naming the
# work of reference (as this project's export writes an encyclopedia's or a dictionary's entry).
_SUBTYPES = {"article": {"newspaper": "article-newspaper", "magazine": "article-magazine"},
             "inreference": {"encyclopedia": "entry-encyclopedia", "dictionary": "entry-dictionary"}}
# Entries whose ``number`` is their own (a report's, as BibTeX defines it; a patent's, a
# standard's), not an issue.
_OWN_NUMBER = ("techreport", "report", "patent", "standard")
FIELD_KEYS = {
    "title": "titles", "translatedtitle": "titles", "translatedabstract": "abstract",
    "translatedjournal": "translated_journal", "booktitle": "booktitle", "journal": "journal", "journaltitle": "journal",
    "year": "year", "date": "date", "volume": "volume", "number": "issue", "issue": "issue", "pages": "pages",
    "doi": "doi", "issn": "issn", "isbn": "isbn", "url": "url", "abstract": "abstract", "keywords": "keywords",
    "publisher": "publisher", "address": "place", "location": "place",   # location: biblatex's address
    "school": "publisher", "institution": "publisher", "note": "notes", "annote": "notes", "language": "language",
    "langid": "language", "month": "month",
    "series": "series", "edition": "edition", "organization": "publisher", "howpublished": "howpublished",
    "eprint": "eprint", "pmid": "pmid", "funding": "funding", "affiliation": "affiliation",
    "translator": "translator", "type": "degree", "fjournal": "full_journal",
    "eventtitle": "event",   # biblatex's: the conference a paper was given at
    # biblatex's abbreviated journal (Better BibTeX writes Zotero's Journal Abbr there): the
    # journal only where no full name is given, as RIS's JA/J2 (indexer.pipeline)
    "shortjournal": "journal_abbreviation",
    # Scopus's names (its CSV's "Author Keywords", "Funding Text 1", "Funding Details"); its
    # ``keywords`` are its index keywords, read after the authors' as they follow them
    "author_keywords": "keywords", "funding_text": "funding", "funding_details": "funding_details",
}
# A reference manager's own fields (JabRef's linked file, owner and timestamp, Mendeley's
# groups and tags), kept in ``extra.bibtex_fields`` as written, LaTeX and all: its escapes are
# its own (JabRef's ``C\:/papers/a.pdf``), and the BibTeX export writes them back so.
KEPT_AS_WRITTEN = ("file", "owner", "timestamp", "mendeley-groups", "mendeley-tags")
# An article's number, its pages when it has none (as the Web of Science reader reads AR): ACM's
# articleno, Scopus's art_number, Web of Science's Article-Number, biblatex's eid.
_ARTICLE_NUMBERS = ("articleno", "art_number", "article-number", "eid")
# Scopus splits a long funding text over "funding_text 1", "funding_text 2" … fields.
_NUMBERED = re.compile(r"^(funding_text) \d{1,2}$")
# Preprint servers as arXiv's BibTeX names its own (``archivePrefix``) and biblatex's
# ``eprinttype`` names them: the entry is the server's preprint (CSL's ``article``).
_PREPRINT_SERVERS = {"arxiv": "arXiv", "biorxiv": "bioRxiv", "medrxiv": "medRxiv", "chemrxiv": "ChemRxiv"}
# The generic types a preprint is exported as (arXiv's @misc, biblatex's @online), or an
# @article with no journal.
_PREPRINT_KINDS = ("misc", "online", "article")
MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                      "nov", "dec"), 1)}

# ---------------------------------------------------------------- LaTeX → Unicode
_ACCENTS = {"'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304",
            ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328",
            "r": "\u030a", "d": "\u0323", "b": "\u0331", "t": "\u0361"}
_SYMBOLS = {"ss": "ß", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
            "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ",
            "textendash": "–", "textemdash": "—", "textquoteright": "’", "textquoteleft": "‘",
            "textregistered": "®", "textcopyright": "©", "texttrademark": "™", "textdegree": "°",
            "ldots": "…", "dots": "…", "S": "§", "P": "¶", "pounds": "£", "euro": "€",
            "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "kappa": "κ", "lambda": "λ",
            "mu": "μ", "pi": "π", "sigma": "σ", "tau": "τ", "omega": "ω", "Delta": "Δ", "Omega": "Ω", "pm": "±",
            "times": "×", "le": "≤", "ge": "≥", "leq": "≤", "geq": "≥", "infty": "∞", "eta": "η", "theta": "θ",
            "nu": "ν", "xi": "ξ", "rho": "ρ", "phi": "φ", "chi": "χ", "psi": "ψ", "zeta": "ζ", "iota": "ι",
            "upsilon": "υ", "varepsilon": "ε", "varphi": "φ", "Sigma": "Σ", "Gamma": "Γ", "Theta": "Θ",
            "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Phi": "Φ", "Psi": "Ψ", "Upsilon": "Υ",
            # text symbols (textcomp) that Zotero and JabRef write for characters: Zotero always
            # escapes < > | (P {\textless} .001 is P < .001), and the rest when exporting in
            # a charset without them
            "textless": "<", "textgreater": ">", "textbar": "|", "textbardbl": "‖", "textbullet": "•",
            "textperiodcentered": "·", "textmu": "µ", "texttimes": "×", "textdiv": "÷", "textpm": "±",
            "textminus": "−", "textlnot": "¬", "textperthousand": "‰", "textcelsius": "℃",
            "textonesuperior": "¹", "texttwosuperior": "²", "textthreesuperior": "³", "textonehalf": "½",
            "textonequarter": "¼", "textthreequarters": "¾", "textquotedblleft": "“", "textquotedblright": "”",
            "textquotedbl": '"', "quotedblbase": "„", "quotesinglbase": "‚", "guillemotleft": "«",
            "guillemotright": "»", "guilsinglleft": "‹", "guilsinglright": "›", "textellipsis": "…",
            "textexclamdown": "¡", "textquestiondown": "¿", "textsection": "§", "textparagraph": "¶",
            "textdagger": "†", "textdaggerdbl": "‡", "textsterling": "£", "texteuro": "€", "textyen": "¥",
            "textcent": "¢", "textnumero": "№", "textordfeminine": "ª", "textordmasculine": "º",
            "textleftarrow": "←", "textrightarrow": "→", "textuparrow": "↑", "textdownarrow": "↓"}
# Written characters: a LaTeX escape stands for the character itself (as this project's BibTeX
# writer escapes them), never for math (``\$``), a subscript (``\_``), a group (``\{``), a tie
# or half of a quote (``''`` is ”).
_LITERALS = {"$": "$", "_": "_", "%": "%", "&": "&", "#": "#", "{": "{", "}": "}",
             "textbackslash": "\\", "textasciitilde": "~", "textasciicircum": "^", "textunderscore": "_",
             "textdollar": "$", "textbraceleft": "{", "textbraceright": "}", "textquotesingle": "'",
             "textasciigrave": "`"}
_LITERAL_RE = re.compile(r"\\([$_%&#{}])|\\(" + "|".join(name for name in _LITERALS if name.isalpha())
                         + r")(?![A-Za-z])\s?(?:\{\})?")


def _script(m: re.Match) -> str:
    """``^{2}`` / ``_2`` in math, and ``\\textsuperscript{5}`` / ``\\textsubscript{2}`` as they are:
    Unicode super/subscript when every character has one (``10⁵``, not ``105``)."""
    return scripted(re.sub(r"\\text\w*\s*|[{}]", "", m.group(2)), m.group(1) in ("^", "super"))


# Spacing: ``\,`` a thin space (``45\,\%``, ``37\,°C``), ``\:`` ``\>`` ``\;`` wider ones and ``\ `` a
# word's space, all a space (as the cleaner writes a thin space, U+2009: normalize_whitespace);
# ``\!`` a negative thin space, nothing.  (``\\``, a line break, is no escape of what follows.)
_SPACING = re.compile(r"(?<!\\)\\([,:>;! \t\n])")
_ACCENT_RE = re.compile(r"""\\([`'^"~=.])\s*(?:\{\s*(\\?[A-Za-z])\s*\}|(\\?[A-Za-z]))|\\([uvHckrdbt])(?:\s*\{\s*(\\?[A-Za-z])\s*\}|\s+([A-Za-z]))""")
_TEXT_COMMAND = re.compile(r"\\(?:text(?:it|bf|sc|rm|sf|tt|up|md|normal|sl)|emph|mathrm|mathit|mathbf|url|uppercase|"
                           r"lowercase|mbox|ensuremath)\s*\{")
# ``\textsuperscript{5}`` / ``\textsubscript{2}``: text set raised or lowered, as ``$^{5}$`` is in math.
_TEXT_SCRIPT = re.compile(r"\\text(super|sub)script\s*(\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|\\?\w)")


def _accent(m: re.Match) -> str:
    mark = _ACCENTS[m.group(1) or m.group(4)]
    base = m.group(2) or m.group(3) or m.group(5) or m.group(6)
    base = {"\\i": "i", "\\j": "j"}.get(base, base)
    return unicodedata.normalize("NFC", base + mark)


def latex_to_unicode(text: str) -> str:
    """LaTeX in a BibTeX value → plain Unicode text.

    >>> latex_to_unicode(r'Universit{\\"{a}}t Trier, {FB} IV -- \\textit{Natrix cetti} \\& co')
    'Universität Trier, FB IV – Natrix cetti & co'
    >>> latex_to_unicode(r"Eli{\\'a}{\\v{s}}, Ji{\\v{r}}{\\'{\\i}} {\\ss} {\\o}")
    'Eliáš, Jiří ß ø'

    An escaped character is the character itself; unescaped, ``$…$`` is math:

    >>> latex_to_unicode(r"Price \\$x\\_2\\$ under \\textbackslash{}alpha, $x_2$ and $\\alpha$")
    'Price $x_2$ under \\\\alpha, x₂ and α'
    """
    # Escapes first, so that nothing below reads them: each becomes a private-use character
    # the text does not hold, and the character it stands for once the LaTeX is decoded.
    base = 0xE000
    while any(chr(c) in text for c in range(base, base + len(_LITERALS))):
        base += len(_LITERALS)
    marks = {name: chr(base + i) for i, name in enumerate(_LITERALS)}
    s = _LITERAL_RE.sub(lambda m: marks[m.group(1) or m.group(2)], text)
    for _ in range(3):
        s = _ACCENT_RE.sub(_accent, s)
    s = re.sub(r"(?<!\\)~", " ", s)  # a tie (\textasciitilde{}, a written tilde, is protected above)
    s = _SPACING.sub(lambda m: "" if m.group(1) == "!" else " ", s)
    s = re.sub(r"\\([A-Za-z]+)\b\s?(?:\{\})?",
               lambda m: _SYMBOLS.get(m.group(1), m.group(0)), s)
    s = _TEXT_SCRIPT.sub(_script, s)
    s = _TEXT_COMMAND.sub("{", s)
    s = s.replace("---", "—").replace("--", "–").replace("``", "“").replace("''", "”")
    s = re.sub(r"\$([^$]*)\$", lambda m: re.sub(r"([\^_])(\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|\\?\w)", _script, m.group(1)), s)
    s = re.sub(r"\\[A-Za-z]+\*?", "", s)  # any command left: its name is markup
    s = s.replace("{", "").replace("}", "")
    for name, mark in marks.items():
        s = s.replace(mark, _LITERALS[name])
    return SPACES.sub(" ", s).strip()


# Spaces read and written as one space (BibTeX, RIS, EndNote): not the ideographic space (U+3000),
# a character of Chinese and Japanese text (统计年鉴　第一章) kept as written, which TeX's UTF-8
# input prints as it is.
SPACES = re.compile(r"[^\S\u3000]+")
# A paragraph's end in a value: a blank line, or ``\par`` (BibTeX and LaTeX alike).
_PARAGRAPH = re.compile(r"[ \t]*\r?\n(?:[ \t]*\r?\n)+|\\par\b\s*")


def paragraphs(value: str) -> str:
    """An abstract as text, a line break between its paragraphs (as the record holds an
    abstract's, and our export writes them: a blank line); a line break alone is a space.

    >>> paragraphs("First {DNA}\\nline.\\n\\n   Second\\u3000part.\\\\par Third.")
    'First DNA line.\\nSecond\\u3000part.\\nThird.'
    """
    return "\n".join(p for p in map(latex_to_unicode, _PARAGRAPH.split(value)) if p)


# LaTeX's escapes of its special characters, which Mendeley, DBLP and Better BibTeX write in a
# DOI or URL (``10.1016/j.jclepro.2019\_01\_001``, ``?a=1\&b=2``), braced too (``{\_}``).
_LINK_ESCAPE = re.compile(r"\{\\([_&%#$])\}|\\([_&%#$])")


def unescape_link(value: str) -> str:
    r"""A DOI or URL as its field holds it (verbatim: no LaTeX is read there), but for the
    escapes of LaTeX's special characters, which are those characters: a DOI with ``\_`` is
    no DOI, and written back it became ``%5C_``.  Any other backslash is the link's own.

    >>> unescape_link(r"10.1016/j.jclepro.2019\_01\_001"), unescape_link(r"http://x.org/a{\_}b?c=1\&d=\%20\#s")
    ('10.1016/j.jclepro.2019_01_001', 'http://x.org/a_b?c=1&d=%20#s')
    >>> unescape_link(r"http://x.org/a\b\~c")
    'http://x.org/a\\b\\~c'
    """
    return _LINK_ESCAPE.sub(lambda m: m.group(1) or m.group(2), value)


# In a note, the newlines that part its lines: one before a line that starts at column 0 (as
# Zotero, JabRef and our export write a note's lines) or a blank line (a paragraph); a newline
# before an indented line is an editor's wrap, a space as BibTeX has it.  Escapes, braces and
# ``$`` are matched too, so that a break inside a group or in maths is none.
_NOTE_TOKEN = re.compile(r"\\.|[{}$]|[ \t]*\r?\n(?:(?:[ \t]*\r?\n)+[ \t]*|(?=\S))", re.S)


def note_text(value: str) -> str:
    """A ``note`` or ``annote`` as text, its lines kept as lines: Zotero, JabRef and our export
    write a note's lines each from the line's start (RIS's N1 and EndNote's %Z keep them too);
    joined, "PMID: 1" and "tex.ids: a" were one line that no reader takes apart.  A line an
    editor wrapped (indented) goes on the line before, and the LaTeX is read over the whole
    value, so that a group or maths wrapped is read whole.

    >>> note_text("First line of {DNA}\\nsecond line\\n\\n  third\\n    wrapped")
    'First line of DNA\\nsecond line\\nthird wrapped'
    >>> note_text("See \\\\emph{the long\\n discussion} of $\\\\alpha +\\n  \\\\beta$ here")
    'See the long discussion of α+ β here'
    >>> note_text("Cost US$5000\\nPMID: 12345678")
    'Cost US$5000\\nPMID: 12345678'
    """
    # each break kept becomes a character the text does not hold, read through as text
    mark = next(chr(c) for c in range(0xF8FF, 0xE000, -1) if chr(c) not in value)
    tokens = list(_NOTE_TOKEN.finditer(value))
    # ``$`` pair from the left, as latex_to_unicode reads them: an odd last one
    # (``US$5000``) is a dollar sign and opens no maths
    dollars = sum(m.group() == "$" for m in tokens) // 2 * 2
    parts, depth, maths, at = [], 0, False, 0
    for m in tokens:
        token = m.group()
        if token == "{":
            depth += 1
        elif token == "}":
            depth = max(depth - 1, 0)
        elif token == "$":
            if dollars:
                maths, dollars = not maths, dollars - 1
        elif token[0] != "\\" and not depth and not maths:
            parts += [value[at:m.start()], mark]
            at = m.end()
    text = latex_to_unicode("".join(parts) + value[at:])
    return "\n".join(line.strip() for line in text.split(mark) if line.strip())


# ---------------------------------------------------------------- entry parsing
class BibError(ValueError):
    pass


def _scan(s: str, i: int, quote: bool) -> tuple[str, int]:
    """The text inside the braces (or double quotes) opening at ``s[i]``, and the index
    after them; braces nest, a backslash escapes the next character."""
    depth, j = (0, i + 1) if quote else (0, i)
    while j < len(s):
        c = s[j]
        if c == "\\":
            j += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0 and not quote:
                return s[i + 1:j], j + 1
        elif c == '"' and quote and depth == 0:
            return s[i + 1:j], j + 1
        j += 1
    raise BibError("unterminated quoted value" if quote else "unbalanced braces in a value")


def _braced(s: str, i: int) -> tuple[str, int]:
    return _scan(s, i, quote=False)


def _quoted(s: str, i: int) -> tuple[str, int]:
    return _scan(s, i, quote=True)


# Text outside entries is a comment in BibTeX, but not when it holds an entry's head or fields:
# "article{key," or "title = {…}," on a line of its own.
_LOOKS_LIKE_FIELDS = re.compile(r"^\s*(?:[A-Za-z]+\s*\{\s*[^\s,{}=]+\s*,|[A-Za-z_][\w-]*\s*=\s*[{\"\d])", re.M)
def _stray_reason(text: str, path: str) -> str | None:
    """Why text between entries is reported (None: a comment, as BibTeX has it): it holds an
    entry's head or fields, or reads as another format (a RIS export pasted into a .bib file)."""
    if _LOOKS_LIKE_FIELDS.search(text):
        return "text outside any entry that looks like one (its @type{key, line lost?)"
    other = sniff_reader(text, path) if text.strip() else None
    if other is not None and other.name != "bibtex":
        return f"text outside any entry that reads as {other.name}: another export in this file, not read"
    if any(starts_record(line, but_not="bibtex") for line in text.splitlines()):
        return "text outside any entry that starts a record of another format: another export in this file, not read"
    return None


# The longest value a field may have after macros are expanded (a whole book's abstract is far less).
MAX_VALUE = 1_000_000


def parse_fields(body: str, macros: dict[str, str]) -> tuple[str, list[tuple[str, str, int, list[str]]]]:
    """The key and ``(field, raw value, offset in body, undefined macros)`` of an entry body
    (between its outer braces).  A macro not defined by an ``@string`` before the entry (BibTeX
    and biber read them in order, a later one is not used) stays as its name, and is named in
    the field's undefined macros so that the reader can say so.

    >>> parse_fields('k, journal = jvim # " (Online)", month = aug', {})
    ('k', [('journal', 'jvim (Online)', 3, ['jvim']), ('month', '8', 33, [])])
    """
    m = re.match(r"\s*([^,\s]*)\s*,", body)
    if not m:
        if re.fullmatch(r"\s*[^,\s=]*\s*", body):
            return body.strip(), []
        raise BibError("no citation key before the first comma")
    key, i = m.group(1), m.end()
    fields = []
    while i < len(body):
        # (a name may end in a number after a space: Scopus's "funding_text 1")
        m = re.compile(r"\s*([A-Za-z_][\w\-:.+]*(?:[ \t]+\d{1,2}(?=\s*=))?)\s*=\s*").match(body, i)
        if not m:
            if body[i:].strip(" \t\r\n,"):
                raise BibError(f"cannot read field at {body[i:i + 30]!r}")
            break
        name, at, i = " ".join(m.group(1).lower().split()), m.start(1), m.end()
        parts, size, undefined = [], 0, []
        while True:
            while i < len(body) and body[i] in " \t\r\n":
                i += 1
            if i >= len(body):
                raise BibError(f"field {name} has no value")
            c = body[i]
            if c == "{":
                value, i = _braced(body, i)
            elif c == '"':
                value, i = _quoted(body, i)
            else:
                mm = re.compile(r"[\w\-:.+/]+").match(body, i)
                if not mm:
                    raise BibError(f"field {name}: unexpected {body[i:i + 20]!r}")
                word, i = mm.group(), mm.end()
                value = word if word.isdigit() else macros.get(word.lower(), MONTH_NAMES.get(word.lower()))
                if value is None:
                    value = word
                    undefined.append(word)
            parts.append(value)
            size += len(value)
            if size > MAX_VALUE:  # "@string{s1 = s0 # s0}" forty times over would double up to terabytes
                raise BibError(f"field {name} is longer than {MAX_VALUE:,} characters once its macros are expanded")
            while i < len(body) and body[i] in " \t\r\n":
                i += 1
            if i < len(body) and body[i] == "#":
                i += 1
                continue
            break
        fields.append((name, "".join(parts), at, undefined))
        while i < len(body) and body[i] in " \t\r\n":
            i += 1
        if i < len(body) and body[i] == ",":
            i += 1
    return key, fields


MONTH_NAMES = {k: str(v) for k, v in MONTHS.items()}


def split_names(value: str) -> list[str]:
    """Names separated by ``and`` outside braces."""
    names, depth, start, i = [], 0, 0, 0
    while i < len(value):
        c = value[i]
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif depth == 0 and value[i:i + 5].lower() == " and " :
            names.append(value[start:i])
            start = i + 5
            i += 4
        i += 1
    names.append(value[start:])
    return [re.sub(r"\s+", " ", n).strip() for n in names if n.strip()]


def _name(raw_name: str) -> str:
    """One name as the pipeline reads it; a name in braces stays whole (marked by braces);
    ``von Hicks, III, Michael`` (Last, Jr, First) becomes ``von Hicks, Michael, III``."""
    parts = [p.strip() for p in raw_name.split(",")]
    if len(parts) == 3 and "{" not in raw_name:
        raw_name = f"{parts[0]}, {parts[2]}, {parts[1]}"
    if raw_name.startswith("{") and raw_name.endswith("}") and _braced(raw_name, 0)[1] == len(raw_name):
        return "{" + latex_to_unicode(raw_name[1:-1]) + "}"
    return latex_to_unicode(raw_name)


def _person(name: str) -> str:
    """An editor or translator (a name as ``_name`` gives it), parsed as the pipeline parses
    an author and written ``Family, Given`` as editors are kept (the pipeline keeps them as
    text, parsed only when written out): BibTeX's ``Y. Bengio`` is ``Bengio, Y.``.  A name in
    braces (an organisation), a Chinese name, one word, stays as written.

    >>> _person("Y. Bengio"), _person("Ludwig van Beethoven"), _person("von Hicks, Michael, III")
    ('Bengio, Y.', 'van Beethoven, Ludwig', 'von Hicks, Michael, III')
    >>> _person("{World Health Organization}"), _person("张三"), _person("others")
    ('{World Health Organization}', '张三', 'others')
    """
    if name.startswith("{"):
        return name
    person = parse_name(name)
    return f"{person['family']}, {person['given']}" if person.get("family") and person.get("given") else name


class BibtexReader:
    name = "bibtex"
    aliases = ("bib", "biblatex")
    suffixes = (".bib", ".bibtex")

    def sniff(self, head: str) -> float:
        entries = re.findall(r"^\s*@\s*([A-Za-z]+)\s*[{(]", head, re.M)
        return 0.95 if [e for e in entries if e.lower() not in ("comment",)] else 0.0

    def read(self, source):
        """The entries of ``source``; an entry's ``crossref`` (DBLP writes one for every paper in
        proceedings) gives it what it lacks of the entry it names, as BibTeX does."""
        items = list(self._read(source))
        keyed = {item.source.source_id.lower(): item for item in items
                 if isinstance(item, Record) and item.source.source_id}
        for item in items:
            if isinstance(item, Record):
                _inherit(item, keyed)
            yield item

    def _read(self, source):
        macros: dict[str, str] = {}
        buf: list[str] = []
        start = 0
        opener = "{"
        depth = 0
        ordinal = 0
        stray: list[str] = []  # text between entries (a comment, or an entry that lost its "@")
        stray_line = 0
        for lineno, line in numbered_lines(source):
            if not buf:
                m = re.search(r"@\s*[A-Za-z]+\s*[{(]", line)
                if not m:
                    if line.strip() and not stray:
                        stray_line = lineno
                    if stray or line.strip():
                        stray.append(line)
                    continue
                failure = self._stray(source.path, stray, line[:m.start()], stray_line, ordinal + 1)
                if failure:
                    ordinal += 1
                    yield failure
                stray = []
                line, start, depth = line[m.start():], lineno, 0
                opener = m.group()[-1]
            elif re.match(r"\s*@\s*[A-Za-z]+\s*[{(]", line) and depth > 0:
                # A new entry starts while the last one is still open: the last one is broken.
                ordinal += 1
                yield Failure(path=source.path, line=start, reason="entry not closed (unbalanced braces)",
                              raw="\n".join(buf), format=self.name, record=ordinal)
                buf, start, depth = [], lineno, 0
                opener = re.match(r"\s*@\s*[A-Za-z]+\s*([{(])", line).group(1)
            buf.append(line)
            depth += _depth_change(line, opener)
            if depth <= 0:
                item = self._entry("\n".join(buf), macros, source.path, start, ordinal + 1)
                buf = []
                if item is not None:
                    ordinal += 1
                    yield item
        if buf:
            ordinal += 1
            yield Failure(path=source.path, line=start, reason="entry not closed at the end of the file",
                          raw="\n".join(buf), format=self.name, record=ordinal)
        elif stray:
            failure = self._stray(source.path, stray, "", stray_line, ordinal + 1)
            if failure:
                yield failure

    def _stray(self, path: str, lines: list[str], before_entry: str, line: int, ordinal: int) -> Failure | None:
        """Text between entries (and before the next entry's @ on its line) as a failure when it
        is more than a comment (see :func:`_stray_reason`)."""
        reason = _stray_reason("\n".join(lines + [before_entry] if before_entry else lines), path)
        if not reason:
            return None
        return Failure(path=path, line=line, reason=reason, raw="\n".join(lines).strip(), format=self.name,
                       record=ordinal)

    def _entry(self, text: str, macros, path: str, line: int, ordinal: int):
        m = re.match(r"\s*@\s*([A-Za-z]+)\s*([{(])", text)
        kind = m.group(1).lower()
        close = "}" if m.group(2) == "{" else ")"
        end = text.rfind(close)
        body = text[m.end():end if end > m.end() else len(text)]
        if kind in ("comment", "preamble"):
            return None
        try:
            if kind == "string":
                _, fields = parse_fields("x," + body, macros)
                for name, value, _, _ in fields:
                    macros[name.lower()] = value
                return None
            key, fields = parse_fields(body, macros)
            # each field with the line it starts on
            fields = [(name, value, line + text.count("\n", 0, m.end() + at), undefined)
                      for name, value, at, undefined in fields]
            return self._record(kind, key, fields, Source(path=path, format=self.name, record=ordinal, line=line),
                                text)
        except BibError as e:
            return Failure(path=path, line=line, reason=f"cannot parse entry: {e}", raw=text, format=self.name,
                           record=ordinal)

    def _record(self, kind: str, key: str, fields, source: Source, text: str) -> Record | Failure:
        rec = Record(source, raw_text=text)
        source.source_id = key or None
        rec.type = BIBTEX_TYPES.get(kind, "document")
        rec.extra["source_type"] = kind
        raw = rec.raw
        numbers = []   # the values of the number field (an issue, or the entry's own number)
        first: dict[str, str] = {}   # the value each field was read from
        for name, value, lineno, undefined in fields:
            where = f"{source.path}:{lineno}"
            for macro in dict.fromkeys(undefined):
                rec.issues.append(f"{where}: {name} = {macro}: no @string {macro} before this entry (BibTeX and "
                                  f"biber use a macro only after its @string): kept as the text {macro!r}")
            if name in first and not _kept_whole(name):
                # BibTeX reads a field once ("I'm ignoring …'s extra field"): the first
                if value.strip() != first[name].strip():
                    rec.issues.append(f"{where}: a second {name} field, not read (BibTeX reads the first): {value!r}")
                continue
            if value.strip():
                first[name] = value
            name = _NUMBERED.sub(r"\1", name)
            if name in ("author", "editor", "translator"):
                for n in split_names(value):
                    person = _name(n) if name == "author" else _person(_name(n))   # (authors: the pipeline parses them)
                    raw.setdefault(name, []).append((person, source.line))
                continue
            if name == "location" and kind == "patent":
                # biblatex's scope of a patent: the office that issued it (RIS A2, CSL authority), as
                # our export writes it beside the place (address)
                raw.setdefault("authority", []).append((latex_to_unicode(value).strip(), source.line))
                continue
            if name == "holder":   # biblatex's: a patent's holder, its assignee (申请人)
                for n in split_names(value):
                    raw.setdefault("assignee", []).append((latex_to_unicode(n).strip(), source.line))
                continue
            if name in KEPT_AS_WRITTEN:
                _keep_field(rec, name, value)
                continue
            key = FIELD_KEYS.get(name)
            if name == "pages":   # "12~15": a tie between two numbers is a range's dash (12～15), no space
                value = re.sub(r"(?<=\d)\s*(?<!\\)~\s*(?=\d)", "-", value)
            text_value = latex_to_unicode(value) if name not in ("url", "doi") else unescape_link(value).strip()
            if key == "notes" or name == "annotation":
                text_value = note_text(value)
            elif key == "abstract":
                text_value = paragraphs(value)
            if not text_value:
                continue
            if name == "entrysubtype" and text_value.lower() in _SUBTYPES.get(kind, {}):
                rec.type = _SUBTYPES[kind][text_value.lower()]
                continue
            if name == "copyright":   # as Zotero writes its Rights, and our export extra.copyright
                rec.extra["copyright"] = text_value
                continue
            if name == "urldate" and re.match(r"\s*\d{4}", text_value):
                rec.extra["accessed"] = text_value   # biblatex's access date (RIS's Y2, GB/T's 引用日期)
                continue
            if key is None:
                _keep_field(rec, name, text_value)
                continue
            if key == "pages":
                text_value = text_value.replace("–", "-")
            raw.setdefault(key, []).append((text_value, source.line))
            if name == "number":
                numbers.append(raw[key][-1])
        _scopus_details(rec)
        _scopus_type(rec)
        _note_pmid(rec)
        _article_number(rec)
        _preprint(rec, kind)
        full = raw.pop("full_journal", [])
        if full:  # FJOURNAL: the journal's full name; the abbreviation is kept apart
            raw["journal_abbreviation"] = raw.get("journal", []) + raw.get("journal_abbreviation", [])
            raw["journal"] = full
        booktitle = raw.pop("booktitle", [])
        if booktitle and not raw.get("journal"):
            raw["journal"] = booktitle
        # the container in the other language (our exports' translatedjournal), beside the one
        # in the entry's own, a journal's or a book's (a bilingual conference paper's booktitle)
        if translated := raw.pop("translated_journal", []):
            raw.setdefault("journal", []).extend(translated)
        own = numbers or raw.get("issue")
        if kind in _OWN_NUMBER and own and not raw.get("journal"):
            # the number is the entry's own; an ``issue`` beside it (as our export writes a
            # patent's application) stays the issue
            raw["number"] = own
            issues = [v for v in raw.pop("issue") if not any(v is n for n in own)]
            if issues:
                raw["issue"] = issues
        if raw.get("month") and (raw.get("year") or raw.get("date")):  # biblatex: date
            rec.extra["month"] = raw.pop("month")[0][0]
            _month_and_day(rec)
        return kept_or_failed(rec, source, text, self.name, "entry has no title, author, journal or DOI",
                              identified=bool(rec.raw.get("pmid")))


def _month_and_day(rec: Record) -> None:
    """A month written with its day (``month = jan # "~15"``, read ``1 15``) is that day of the
    year, in ``date`` as biblatex's is (``2020-01-15``), the month alone in ``extra.month``."""
    m = re.fullmatch(r"(\d{1,2}) (\d{1,2})", rec.extra["month"])
    year = re.match(r"\s*(\d{4})\s*$", rec.raw["year"][0][0]) if rec.raw.get("year") and not rec.raw.get("date") else None
    if m and year and 1 <= int(m.group(1)) <= 12 and 1 <= int(m.group(2)) <= 31:
        rec.extra["month"] = m.group(1)
        rec.raw["date"] = [(f"{year.group(1)}-{int(m.group(1)):02d}-{int(m.group(2)):02d}", rec.source.line)]


# A note's line that is a PMID alone, as Zotero keeps it in Extra and Better BibTeX writes it
# (``annotation = {PMID: 12345678}``, a ``note`` or ``annote`` line).
_NOTE_PMID = re.compile(r"PMID:\s*(\d{1,9})")


def _note_pmid(rec: Record) -> None:
    """The PMID of a note's or annotation's ``PMID: …`` line, where no ``pmid`` field gives
    one, as the CSL-JSON reader reads Zotero's note; the note is kept as it was."""
    if rec.raw.get("pmid"):
        return
    kept = (rec.extra.get("bibtex_fields") or {}).get("annotation") or []
    texts = [v for v, _ in rec.raw.get("notes", [])] + (kept if isinstance(kept, list) else [kept])
    for m in (_NOTE_PMID.fullmatch(line.strip()) for text in texts for line in text.splitlines()):
        if m:
            rec.raw["pmid"] = [(m.group(1), rec.source.line)]
            return


def _kept_whole(name: str) -> bool:
    """A field every value of which is kept when written more than once: one the reader has no
    key for (:func:`_keep_field`), and Scopus's ``funding_details`` (one a funder)."""
    return name == "funding_details" or (
        _NUMBERED.sub(r"\1", name) not in FIELD_KEYS
        and name not in ("author", "editor", "translator", "entrysubtype", "copyright", "urldate"))


def _keep_field(rec: Record, name: str, value: str) -> None:
    """A field the reader has no key for, kept in ``extra.bibtex_fields``; a field written more
    than once (Scopus writes ``funding_details`` once per funder) keeps every value, as a list."""
    kept = rec.extra.setdefault("bibtex_fields", {})
    if name not in kept:
        kept[name] = value
    elif isinstance(kept[name], list):
        kept[name].append(value)
    else:
        kept[name] = [kept[name], value]


def _article_number(rec: Record) -> None:
    """An entry without pages is cited by its article number (ACM's ``articleno = {78}``), kept
    in ``extra.bibtex_fields`` too."""
    kept = rec.extra.get("bibtex_fields") or {}
    number = next((kept[name] for name in _ARTICLE_NUMBERS if name in kept), None)
    if number and not rec.raw.get("pages"):
        number = number if isinstance(number, str) else number[0]
        rec.raw["pages"] = cited_article_number([(number, rec.source.line)])
        if not rec.raw["pages"]:   # one with a dash (e02132-20): the article number, as RIS's C7
            rec.extra["article_number"] = [number]


def _scopus_details(rec: Record) -> None:
    """Scopus's ``funding_details`` (one a funder: "National Institutes of Health, NIH, R01
    AI123456") are the funding of an entry without its ``funding_text``; beside one, which
    names the same grants, they add the grant numbers it lacks (:func:`detail_grants`) and are
    kept in ``extra.bibtex_fields``, as the CSV reader keeps its "Funding Details" column."""
    details = rec.raw.pop("funding_details", [])
    texts = [value for value, _ in rec.raw.get("funding", [])]
    for value, _ in details if texts else ():
        _keep_field(rec, "funding_details", value)
    if details:
        rec.raw.setdefault("funding", []).extend(detail_grants(texts, details))


def _scopus_type(rec: Record) -> None:
    """Scopus's ``type`` (``Article``, ``Review``, ``Conference paper``, ``Book``) is the entry's
    document type, not a thesis's degree (BibTeX's ``type`` of a @phdthesis): kept where its RIS's
    M3 is, ``extra.publication_type``, and typing the entry as its CSV's "Document Type" does.
    An entry is Scopus's by its ``source = {Scopus}``; another's ``type`` (a report's kind) is
    left as it was."""
    kept = rec.extra.get("bibtex_fields") or {}
    if rec.type == "thesis" or not rec.raw.get("degree") or str(kept.get("source", "")).strip().lower() != "scopus":
        return
    types = rec.raw.pop("degree")
    rec.raw.setdefault("publication_type", []).extend(types)
    rec.type = SCOPUS_TYPES.get(types[0][0].strip().lower(), rec.type)


def _preprint(rec: Record, kind: str) -> None:
    """An entry naming a preprint server and its id (arXiv's ``@misc{…, eprint = {1706.03762},
    archivePrefix = {arXiv}}``, biblatex's ``@online{…, eprinttype = {arxiv}}``) and no journal
    is that server's preprint: CSL's ``article``, the server its publisher (as the exporters cite
    a preprint); the id stays in ``extra.eprint``."""
    kept = rec.extra.get("bibtex_fields") or {}
    prefix = kept.get("archiveprefix") or kept.get("eprinttype") or ""
    server = _PREPRINT_SERVERS.get(prefix.strip().lower()) if isinstance(prefix, str) else None
    if not server or kind not in _PREPRINT_KINDS or not rec.raw.get("eprint") \
            or any(rec.raw.get(k) for k in ("journal", "full_journal", "booktitle", "translated_journal")):
        return
    rec.type = "article"
    if not rec.raw.get("publisher"):
        rec.raw["publisher"] = [(server, rec.source.line)]


# What an entry takes from the entry its crossref names (BibTeX's rule: the fields it lacks);
# the parent's title is the container's name (a proceedings' title is its papers' booktitle).
_INHERITED = ("year", "date", "publisher", "place", "editor", "volume", "series", "isbn", "issn")


def _inherit(rec: Record, keyed: dict[str, Record]) -> None:
    ref = (rec.extra.get("bibtex_fields") or {}).get("crossref", "")
    ref = (ref[0] if isinstance(ref, list) else ref).strip().lower()
    parent = keyed.get(ref)
    if parent is None or parent is rec:
        return
    raw = rec.raw
    if not raw.get("journal"):
        container = parent.raw.get("journal") or parent.raw.get("titles")
        if container:
            raw["journal"] = list(container)
    for key in _INHERITED:
        if not raw.get(key) and parent.raw.get(key):
            raw[key] = list(parent.raw[key])


def _depth_change(line: str, opener: str) -> int:
    """How far a line opens (or closes) the entry: braces, or parentheses for ``@type(…)``."""
    line = re.sub(r"\\[{}()]", "", line.replace("\\\\", ""))
    if opener == "(":
        return line.count("(") - line.count(")")
    return line.count("{") - line.count("}")


register(BibtexReader())
