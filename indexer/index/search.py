"""Search: the query language (:mod:`.query`) over the index, hits filled from the store.

Ranking is whoosh's BM25F over the text (title, abstract, keywords), the title and
keywords weighted up (a keyword only where the title or abstract holds the word too),
lifted by an exact keyword or a jieba word equal to the query; equal
scores are ordered by record id, so the same index always gives the same order.
"""
from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator, Sequence
from functools import lru_cache, partial
from pathlib import Path

from whoosh import index as windex
from whoosh.query import And, Every, MultiTerm, Or, Phrase, Term

from ..charsets import has_traditional, is_han, simplified_table
from ..errors import DamagedIndex
from ..fields.authors import responsible_authors
from ..store import STORE_NAME, Store
from . import SORTS, fts
from .analysis import CJK, cased, fold, title_key, tokens
from .layout import (INDEX_SUBDIR, damaged, newer_version, not_searchable, open_index, out_of_step,
                     read_errors)
from .names import author_key
from .query import (LOOSE_OPERATORS, NAME_KEY, Leaf, QueryError, common_words_only, expands, is_exact, keyword_hints,
                    leaves, loose_operators, misspelt_prefixes, parse, ranking_hints, readable, spaced_prefixes,
                    stray_quotes, to_whoosh, unclosed_parenthesis, unclosed_phrase, with_hints)
from .schema import (DEFAULT_FIELDS, FIELD_ALIASES, FIELD_BOOSTS, TEXT_FIELDS, author_forms, author_name, award_forms,
                     funder_names, journal_names, labelled_names, nih_core, other_names, supervisor_forms,
                     supervisors, university)
from .schema import _join as _join_values  # (the title values as "text" indexes them first)

__all__ = ["SORTS", "IndexMissing", "QueryError", "Searcher", "search"]


# Punctuation at a term's ends ("肿瘤。", "《中华》"), which a Chinese term is matched with as written.
_EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")

# A field's value followed by words, unquoted (author:Zhang Weiping): not an operator, a field,
# a phrase, a group or a NOT.
_FIELD_THEN_WORDS = re.compile(r'(?<![^\s(])(?P<field>[A-Za-z]+):(?P<value>[^\s"():]+)'
                               r'(?P<words>(?:\s+(?!(?:AND|OR|NOT)(?!\S))[^\s"():-][^\s"():]*)+)')
# The most words of a name a note tries as one (Smith John A, Maria de la Cruz).
_NAME_WORDS = 4

# A sign joining a Chinese term to the next (肺癌/化疗, 洗涤+冻融; 肺癌/MRI).
_JOINED = re.compile(rf"(?<=[{CJK}])[/+]|[/+](?=[{CJK}])")

# Operators as other search boxes write them (query.LOOSE_OPERATORS), found in a query's text.
_LOOSE_OPERATOR = re.compile(r"(?<!\S)(?:and|or|not|\|\|?|&&?)(?!\S)", re.I)

# Fields a query without a prefix leaves out, tried when it finds nothing (Searcher.notes); a
# number alone is a word (a grant number), which may be a PMID pasted without its label.
ALSO_TRIED = ("author", "journal", "pmid")


@lru_cache(maxsize=1)
def _mainland_words():
    """OpenCC's Taiwan → mainland converter, with the mainland's words for Taiwan's (軟體 软件):
    loaded (some 30 ms) only for a note on a query that found nothing."""
    import opencc

    return opencc.OpenCC("tw2sp")


# whoosh's table of contents, one per commit (generation) of the index.
_TOC = re.compile(r"_MAIN_(\d+)\.toc$")


class IndexMissing(Exception):
    pass


class _StoredIds:
    """Record ids by document number from stored fields (an empty index has no column)."""

    def __init__(self, searcher):
        self.searcher = searcher

    def __getitem__(self, docnum: int) -> str:
        return self.searcher.stored_fields(docnum)["id"]


def _records(n: int) -> str:
    """``1 record``, ``16 records``: what a note says a query finds."""
    return f"{n} record{'s' * (n != 1)}"


def _field_values(rec: dict, fieldname: str) -> list[str]:
    if fieldname in ("title", "abstract"):
        return list(rec.get(fieldname, {}).values())
    if fieldname == "journal":  # a thesis's university too, as indexed
        return journal_names(rec)
    if fieldname == "supervisors":
        return supervisors(rec)
    if fieldname == "supervisor_names":  # each with its key, for supervisor:"Li Jianguo" as for author:
        return [s + NAME_KEY + author_key(name) for s, name in zip(supervisors(rec), supervisor_forms(rec))]
    if fieldname == "other_names":  # a thesis's, patent's or standard's (schema.other_names)
        return other_names(rec)
    if fieldname == "keywords":
        return [k for v in rec.get("keywords", {}).values() for k in v]
    if fieldname == "authors":  # each author's names in both languages, as indexed
        return [author_name(a) for a in author_forms(responsible_authors(rec))]
    if fieldname == "author_names":  # each name with its key, for author:"Smith, John" (names.py)
        return [author_name(a) + NAME_KEY + author_key(a) for a in author_forms(responsible_authors(rec))]
    if fieldname == "award":  # each grant number, and an NIH number's grant, as indexed
        return award_forms(rec)
    if fieldname == "funder":  # each name apart, as the index holds them
        return funder_names(rec)
    if fieldname == "funders":  # funder:, which takes a known funder's Chinese name too
        return funder_names(rec, chinese=True)
    return []


def _postings(searcher, fieldname: str, word, docs: list[int], kind: str) -> dict:
    """``kind`` ("positions", "frequency") of ``word`` in each of ``docs`` (in order) that
    holds it in ``fieldname``, read from its postings."""
    m = Term(fieldname, word).matcher(searcher)
    out = {}
    for docnum in docs:
        if m.is_active() and m.id() < docnum:
            m.skip_to(docnum)
        if not m.is_active():
            break
        if m.id() == docnum:
            out[docnum] = m.value_as(kind)
    return out


class Searcher:
    """An open index and store; reuse one for many queries (``search --batch``), opened
    ``mapped`` for them (:func:`~indexer.index.layout.open_index`)."""

    def __init__(self, index_dir: str | Path, mapped: bool = False):
        self.index_dir = str(index_dir)
        self.mapped = mapped
        self._open()

    def _open(self) -> None:
        index_dir = self.index_dir
        path = Path(index_dir) / INDEX_SUBDIR
        self.searcher = self.store = None
        seen = self._written()   # (before opening: a commit made meanwhile is seen by the next refresh)
        if (Path(index_dir) / STORE_NAME).exists():  # a records.sqlite that is not one: its error, not "rebuild"
            Store(index_dir, reading=True).close()
        if newer_version(index_dir):
            raise IndexMissing(newer_version(index_dir))
        if not_searchable(index_dir):   # an older version's, or files that are no index
            raise IndexMissing(not_searchable(index_dir))
        try:
            if not windex.exists_in(path) and path.exists() and any(f.suffix == ".seg" for f in path.iterdir()):
                # its table of contents lost (a folder copied half-way): the store still holds the records
                raise IndexMissing(f"the search index in {index_dir} is incomplete (copied half-way?); "
                                   f"`python cli.py ingest --rebuild --index {index_dir}` rebuilds it from its records")
            if not windex.exists_in(path) and (Path(index_dir) / STORE_NAME).exists():
                # the whoosh folder deleted (or never written: a first ingest interrupted)
                raise IndexMissing(f"the search index in {index_dir} is missing; `python cli.py ingest --rebuild "
                                   f"--index {index_dir}` (or any ingest into it) builds it from its records")
            if not windex.exists_in(path):
                raise IndexMissing(f"no index in {index_dir}. Run `python cli.py ingest PATH --index {index_dir}` "
                                   "first")
            self.ix = open_index(path, self.mapped)
            self.searcher = self.ix.searcher()
            self.reader = self.searcher.reader()
            self.ids = self.reader.column_reader("id") if self.reader.has_column("id") else _StoredIds(self.searcher)
        except read_errors() as e:
            raise DamagedIndex(damaged(index_dir, e)) from e
        self.store = Store(index_dir, reading=True)
        if not self.reader.doc_count() and len(self.store):
            # whoosh holds every record search shows: what an interrupted rebuild left before
            # rebuilds were swapped in (every search found nothing)
            records = len(self.store)
            self.close()
            raise IndexMissing(f"the search index in {index_dir} holds none of the {records:,} records stored beside "
                               f"it; `python cli.py ingest --rebuild --index {index_dir}` (or any ingest into it) "
                               "rebuilds it from them")
        apart = out_of_step(index_dir, self.ix)
        if apart:   # its hits and counts would not be the records stored
            self.close()
            raise IndexMissing(f"the search index in {index_dir} does not hold the records stored beside it "
                               f"({apart}); `python cli.py ingest --rebuild --index {index_dir}` (or any ingest "
                               "into it) rebuilds it from them")
        # Chinese-only queries from the FTS5 table when it holds what the index holds.
        self.fast = self.store.search_rows() == self.reader.doc_count()
        # (a writer between its two commits: the index may list records the store no longer holds)
        self.in_step = self.store.shown_count() == self.reader.doc_count()
        self._seen = seen
        self._version = self._data_version()

    def _written(self) -> tuple:
        """What tells a commit since the index was opened, cheaply (a stat of the whoosh folder,
        listed when a file came or went, and of the store: some 30 µs a query): the whoosh folder's identity (a
        rebuild swaps in another) and latest generation, the store file's identity, size and time
        (a store on a folder this user cannot write is read ``immutable``, where SQLite's own count
        of commits is not kept)."""
        folder = os.path.join(self.index_dir, INDEX_SUBDIR)
        try:
            st = os.stat(folder)
            if getattr(self, "_listed", (None,))[0] != (st.st_dev, st.st_ino, st.st_mtime_ns):
                # (listed again only when a file came or went: a writer's segments, its commit)
                self._listed = ((st.st_dev, st.st_ino, st.st_mtime_ns), max(
                    (int(m.group(1)) for m in map(_TOC.match, os.listdir(folder)) if m), default=None))
            whoosh = (st.st_dev, st.st_ino, self._listed[1])
        except OSError:
            whoosh = None
        try:
            st = os.stat(os.path.join(self.index_dir, STORE_NAME))
            store = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
        except OSError:
            store = None
        return whoosh, store

    def _data_version(self) -> int:
        """SQLite's count of the commits other connections made to the store (WAL commits leave
        the file's time as it was)."""
        return self.store.db.execute("PRAGMA data_version").fetchone()[0]

    def refresh(self) -> None:
        """Open the index again when another process committed to it since it was opened
        (``ingest``, ``--prune``, ``dedup --apply``): ``search --batch`` runs for hours, and its
        whoosh reader kept what it opened while the Chinese table was read live, so one batch
        gave ``研究`` from the new records and ``study`` from records gone from the store.  Each
        query then sees one state, the one a new process sees.  Cheap when nothing changed
        (:meth:`_written` and one PRAGMA); raises what opening raises (:class:`IndexMissing`,
        :class:`DamagedIndex`), and tries again at the next call."""
        if self.store is not None and self.searcher is not None and self._written() == self._seen \
                and self._data_version() == self._version:
            return
        self.close()
        self._open()

    def close(self) -> None:
        if self.searcher is not None:
            self.searcher.close()
        if self.store is not None:
            self.store.close()
        self.searcher = self.store = None

    def __enter__(self) -> "Searcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _in_vocabulary(self, word: str) -> bool:
        return any(self.reader.doc_frequency(f, word) for f in TEXT_FIELDS)

    def unknown_values(self, q: str, tree=None) -> list[str]:
        """Why a query may find nothing: each ``lang:``, ``section:``, ``format:`` or ``type:``
        value that no record in the index has, with the values it has (``section:discussion``:
        "no record has section discussion; this index has: background, conclusion, …");
        ``tree``, the query parsed, when it is."""
        notes = []
        for leaf in leaves(tree or parse(q)):
            field = leaf.fields[0]
            term = getattr(leaf.query, "text", None)
            if field not in ("lang", "section", "format", "type") or not isinstance(term, str):
                continue
            if leaf.expands and any(t.startswith(term) for t in self.reader.field_terms(field)):
                continue   # section:concl*, a start some value has
            if leaf.expands or not self.reader.doc_frequency(field, term):
                known = sorted(self.reader.field_terms(field))
                what = f"a {field} starting {term}" if leaf.expands else f"{field} {term}"
                notes.append(f"no record has {what}; this index has: {', '.join(known) or 'none'}")
        return notes

    def warnings(self, q: str) -> list[str]:
        """How a query was read that its hits do not show, said whatever it finds: field values
        no record has (:meth:`unknown_values`), a quote never closed (``"spinal metastasis``:
        the phrase runs to the end of the query; a parenthesis never closed, read as text:
        ``IL-6 (interleukin 6``), a query of common words only (``the of and``
        says nothing of a subject), an operator in lower case (:meth:`_operators`).  [] for a query
        that cannot be parsed (its error says why)."""
        try:
            tree = parse(q)
        except QueryError:
            return []
        notes = self.unknown_values(q, tree) + self._operators(q)
        phrase = unclosed_phrase(q)
        if phrase:
            notes.append(f'a quote is not closed, so the phrase "{phrase}" was read to the end of the query')
        notes += [f'a quote is not closed: the one after {word!r} was left out, so its words were searched '
                  'as words, not as a phrase (a phrase has a quote before and after it)'
                  for word in stray_quotes(q)]
        notes += [f"the parenthesis before {word!r} is not closed, so it was read as text, not as a group"
                  for word in unclosed_parenthesis(q)]
        common = common_words_only(tree)
        if common:
            notes.append(f"the query is only common words ({', '.join(common)}), which say nothing of a subject; "
                         "add a word of what you look for")
        return notes

    def notes(self, q: str) -> list[str]:
        """Why a query found nothing, and what may find it: how it was read (:meth:`warnings`:
        field values no record has, a quote never closed); a prefix that is no field but near
        one (``titel:肉瘤`` was searched as that text: "did you mean title:?"); and a word found in no title, abstract,
        keyword or funding but among the authors or journals, which a query without a prefix
        leaves out (``王建国``: "author:王建国 finds 1 record")."""
        notes = self.warnings(q)
        quoted = self._quoted(q)
        notes += self._prefixes(q)
        tree = parse(q, self._in_vocabulary)
        missing = self._missing(tree)
        notes += self.readings(q, tree, missing)
        notes += [note for note in map(self._supervised, leaves(tree)) if note]
        if quoted:   # author:Zhang Weiping: not "author:Weiping finds 2"
            return notes + [quoted]
        # Words that are all missing may be one name: Smith John → author:"Smith John"; so may a
        # name's few words of which one is missing (Zhang, W: W is a word in the text)
        words = leaves(tree)
        if missing and len(words) > 1 and getattr(tree, "op", "") == "and" and (
                len(missing) == len(words) or (len(words) <= _NAME_WORDS and all(
                    leaf.fields == DEFAULT_FIELDS and '"' not in leaf.text for leaf in _shown(tree))
                    and len(_shown(tree)) == len(words))):
            note = self._elsewhere(" ".join(leaf.text for leaf in words))
            if note:
                return notes + [note]
        return notes + [note for note in map(self._elsewhere, (leaf.text for leaf in missing)) if note]

    def _missing(self, tree) -> list[Leaf]:
        """The plain words of a query that find nothing alone."""
        return [leaf for leaf in _shown(tree)
                if leaf.fields == DEFAULT_FIELDS and '"' not in leaf.text and not self._count(leaf)]

    def said(self, q: str, found: bool) -> list[str]:
        """What ``--json`` and ``--batch`` say beside a query's hits: its :meth:`warnings`, and
        when it ``found`` nothing, a prefix misspelt (:meth:`_prefixes`) and how its words were
        read (:meth:`readings`; the terminal's :meth:`notes` add the advice that reads pypinyin, spared a script)."""
        return self.warnings(q) + ([] if found else self._prefixes(q) + self.readings(q))

    @staticmethod
    def _prefixes(q: str) -> list[str]:
        """A prefix that is no field but near one (``titel:肉瘤``: "did you mean title:?"), or one
        followed by a space, searched as text: said by the terminal, ``--json`` and ``--batch``
        alike (``search --json 'titel:spinal'`` had said nothing of it)."""
        return ([f"{written}: is no field prefix, so it was searched as text "
                 + (f"(did you mean {meant}:?)" if meant else f"(the fields: {', '.join(PREFIXES)})")
                 for written, meant in misspelt_prefixes(q)]
                + [f"{written}: is followed by a space, so it was searched as text (to search the field, write its "
                   f"value right after the colon: {written}:VALUE)" for written in spaced_prefixes(q)])

    def readings(self, q: str, tree=None, missing: list[Leaf] | None = None) -> list[str]:
        """How the words of a query that found nothing were read, and what the other reading
        finds: Traditional characters as Simplified (:meth:`_traditional`), a mark at a Chinese
        term's end (:meth:`_unpunctuated`), a term joined by ``/`` or ``+`` (:meth:`_unjoined`).
        Quick (no pypinyin), so ``--json`` says them too, as the terminal does."""
        try:
            tree = tree if tree is not None else parse(q, self._in_vocabulary)
        except QueryError:
            return []
        missing = missing if missing is not None else self._missing(tree)
        return ([note for note in [self._traditional(q, tree)] if note]
                + [note for note in map(self._unpunctuated, missing) if note]
                + [note for note in map(self._unjoined, missing) if note])

    def _operators(self, q: str) -> list[str]:
        """How a query's operators in lower case or as signs were read (:func:`.query._loose_read`),
        and what it finds with them in capitals: ``cancer not breast`` left "not" out ("cancer
        NOT breast finds 46 records"), ``not cancer`` searched the word, ``高血压 | 老年`` left "|"
        out.  Nothing for an ``and`` between terms, read as AND is."""
        said = [(written, between) for written, between in loose_operators(q)
                if not (between and LOOSE_OPERATORS[written.casefold()] == "AND")]
        if not said or q.strip().casefold() in LOOSE_OPERATORS:   # (a search for the word alone)
            return []
        parts = q.split('"')  # not inside quotes
        parts[::2] = [_LOOSE_OPERATOR.sub(lambda m: LOOSE_OPERATORS[m.group().casefold()], p) for p in parts[::2]]
        meant = '"'.join(parts)
        how = "; ".join(dict.fromkeys(
            f"{written!r} was " + ("left out" + (" as a common word" if written.isalpha() else "") if between
                                   else "searched as a word") + f", not read as {LOOSE_OPERATORS[written.casefold()]}"
            for written, between in said))
        found = ""
        if any(between for _, between in said):   # (what NOT cancer alone finds means little)
            try:
                found = f"; {meant} finds {_records(self._count(parse(meant, self._in_vocabulary)))}"
            except QueryError:
                pass
        return [f"{how} (operators are written in capitals){found}"]

    def _traditional(self, q: str, tree) -> str | None:
        """Why a query in Traditional characters may find nothing: they are read as Simplified
        one by one (軟體 as 软体), and a term of Taiwan's may be another word in the mainland's
        usage (软件), which OpenCC's table of them (``tw2sp``) names: what that finds."""
        if not has_traditional(q) or self._count(tree):
            return None
        simplified = q.translate(simplified_table())
        mainland = _mainland_words().convert(q)
        note = (f"Traditional characters are read as Simplified one by one ({readable(q)} as {simplified}), and a "
                "term of Taiwan's may be another word in the mainland (軟體 is 软件, 資訊 信息)")
        found = self._finds(mainland) if mainland != simplified else 0
        return note + (f"; in the mainland's words, {mainland} finds {_records(found)}" if found else "")

    def _unpunctuated(self, leaf: Leaf) -> str | None:
        """What a Chinese term finds without the punctuation at its ends, which it is matched with
        as written (``肿瘤。``: "肿瘤 finds 50 records")."""
        bare = _EDGE_PUNCTUATION.sub("", leaf.text)
        if bare == leaf.text or not any(map(is_han, bare)):
            return None
        found = self._finds(bare)
        return (f"{leaf.text!r} is matched with its punctuation, as written, and no record has it so; "
                f"{bare} finds {_records(found)}") if found else None

    def _unjoined(self, leaf: Leaf) -> str | None:
        """What a Chinese term joined by ``/`` or ``+`` finds with its parts apart: it is matched
        as written, as the terms that write it are (缺血/再灌注, 洗涤+冻融), and a list typed so
        (``肺癌/化疗``) may be in no record ("肺癌 化疗 finds 1 record")."""
        apart = _JOINED.sub(" ", leaf.text)
        if apart == leaf.text:
            return None
        found = self._finds(apart)
        return (f"{leaf.text!r} is matched as written, as a term such as 缺血/再灌注 is, and no record has it so; "
                f"{' '.join(apart.split())} finds {_records(found)}") if found else None

    def _quoted(self, q: str) -> str | None:
        """What a field's value of several words finds quoted, as a name or a phrase is
        written: ``author:Zhang Weiping`` searched Weiping in the text ('author:"Zhang Weiping"
        finds 1 record'); the most words first, at most :data:`_NAME_WORDS`."""
        m = _FIELD_THEN_WORDS.search(q)
        if not m or m.group("field").lower() not in FIELD_ALIASES:
            return None
        words = m.group("words").split()
        for n in range(min(len(words), _NAME_WORDS - 1), 0, -1):
            meant = " ".join(filter(None, [q[:m.start()].strip(), f'{m.group("field")}:"{m.group("value")} '
                                           f'{" ".join(words[:n])}"', " ".join(words[n:]), q[m.end():].strip()]))
            found = self._finds(meant)
            if found:
                return f"{m.group('field')}: takes one word, or a \"phrase\" in quotes; {meant} finds {_records(found)}"
        return None

    def _supervised(self, leaf: Leaf) -> str | None:
        """What an author's name no record is by finds as a thesis's supervisor, whom ``author:``
        leaves out (``author:李建国``: "supervisor:李建国 finds 1 record")."""
        if leaf.fields != FIELD_ALIASES["author"] or self._count(leaf):
            return None
        found = self._finds(f'supervisor:"{leaf.text}"')
        value = f'"{leaf.text}"' if any(c.isspace() or c in "()," for c in leaf.text) else leaf.text
        return (f"{value} is no record's author (a thesis's supervisor is not its author); "
                f"supervisor:{value} finds {_records(found)}") if found else None

    def _elsewhere(self, text: str) -> str | None:
        """Where a text no query without a prefix finds is found: "author:王建国 finds 1 record";
        a comma or semicolon at its ends left out (``Zhang,`` of ``Zhang, W``: author:Zhang)."""
        bare = text.strip(",;") or text
        for prefix in ALSO_TRIED:
            found = self._finds(f'{prefix}:"{bare}"')   # (0 for a value that field cannot take, "IL-*")
            if found:
                value = f'"{bare}"' if any(c.isspace() or c in "()," for c in bare) else bare
                return (f"{text!r} is in no title, abstract, keyword or funding; "
                        f"{prefix}:{value} finds {_records(found)}")
        return None

    def _count(self, tree) -> int:
        """How many records match a parsed query."""
        return self._ranked_tree(tree, 0)[0]

    def _finds(self, q: str) -> int:
        """How many records a query another note suggests finds; 0 when it is no query."""
        try:
            return self._count(parse(q, self._in_vocabulary))
        except QueryError:
            return 0

    def ranked_ids(self, q: str) -> list[str]:
        """Every record id matching ``q``, best first (what ``export --query`` takes)."""
        return [rid for _, rid in self._ranked(q, None)[2]]

    def search(self, q: str, limit: int = 10, sort: str = "relevance") -> dict:
        """The best ``limit`` hits; ``sort`` "newest" or "oldest" orders every hit by year
        first (records without a year last), then by relevance."""
        if sort not in SORTS:
            raise ValueError(f"sort: one of {', '.join(SORTS)}")
        tree, total, scored = self._ranked(q, limit if sort == "relevance" else None)
        if sort != "relevance":
            years = self.store.years([rid for _, rid in scored])
            sign = -1 if sort == "newest" else 1
            scored.sort(key=lambda x: (years.get(x[1]) is None, sign * (years.get(x[1]) or 0), -x[0], x[1]))
        return self._fill(q, tree, total, scored[:limit])

    def _ranked(self, q: str, limit: int | None):
        """(query tree, total, [(score, id)] best first; ties by id)."""
        tree = parse(q, self._in_vocabulary)
        return (tree, *self._ranked_tree(tree, limit, pasted_phrase(q, tree)))

    def _ranked_tree(self, tree, limit: int | None, phrase=None) -> tuple[int, list[tuple[float, str]]]:
        """(total, [(score, id)] best first; ties by id) of a parsed query; ``phrase``
        (:func:`pasted_phrase`) lifts the records that hold the words in their order."""
        planned = fts.plan(tree) if self.fast else None
        if planned:
            return fts.run(self.store.db, planned, limit)
        filtered = fts.filtered_plan(tree) if self.fast else None
        if filtered:
            return fts.run(self.store.db, filtered[0], limit, filtered[1])
        matches = self._matches(to_whoosh(tree) or Every(), tree, phrase)
        if is_exact(tree) and not self.in_step:   # only a record the store holds is a hit, and counted
            held = self.store.years([self.ids[docnum] for _, docnum in matches])
            matches = [(score, docnum) for score, docnum in matches if self.ids[docnum] in held]
        if is_exact(tree):
            total = len(matches)
            top = matches
            if limit is not None and len(top) > limit > 0:  # hits tied with the last shown: by id
                cut = top[limit - 1][0]
                top = [t for t in top if t[0] >= cut]
            scored = [(score, self.ids[docnum]) for score, docnum in top]
        else:
            scored = self._verified(tree, matches)
            total = len(scored)
        scored.sort(key=lambda x: (-x[0], x[1]))
        return total, scored

    def _matches(self, base, tree, phrase=None) -> list[tuple[float, int]]:
        """(score, docnum) of every match of ``base``, lifted by the ranking hints (and
        ``phrase``), best first.  One pass over every match: with a limit, whoosh counts the
        total by running the query a second time."""
        if not expands(tree):
            query = with_hints(base, tree, self._in_vocabulary)
            matches = self._keywords_lift(self.searcher.search(query, limit=None).top_n, tree)
            if not phrase:
                return matches
            forms, title = phrase
            matches = self._in_order_first(matches, forms)
            return _titled_first(matches, set(self.searcher.docs_for_query(title)))
        # A truncated word is the OR of its words (236 for pro* at 100k records): whoosh's
        # AndMaybe over it re-balances the tree each time a word's list ends (600 ms).  The
        # lifts are added apart, as AndMaybe adds them (120 + 30 ms).
        hints = ranking_hints(tree, self._in_vocabulary)
        lift = {docnum: score for score, docnum in self.searcher.search(Or(hints), limit=None).top_n} if hints else {}
        matches = [(score + lift.get(docnum, 0.0), docnum)
                   for score, docnum in self.searcher.search(base, limit=None).top_n]
        matches.sort(key=lambda m: -m[0])
        return self._keywords_lift(matches, tree)

    def _keywords_lift(self, matches: list[tuple[float, int]], tree) -> list[tuple[float, int]]:
        """``matches`` (best first) lifted where a plain query word is among the keywords
        (:func:`~.query.keyword_hints`, at the keywords' weight), when the record's title or
        abstract holds that word too (:meth:`_ahead_of_keywords`): a keyword alone (Keywords
        Plus: ``IL-6`` on a paper whose text never writes it) ranks no record above those whose
        title holds the word.  Told from the index for every match, so no record keeps a lift
        for not being among the best (reading records told it for the best 100 only)."""
        hints = keyword_hints(tree, self._in_vocabulary)
        if not hints or not matches:
            return matches
        scored = {docnum: score for score, docnum in matches}
        lift: dict[int, float] = {}
        for in_keywords, in_text in hints:
            found = {d: s for s, d in self.searcher.search(in_keywords, limit=None).top_n if d in scored}
            docs = sorted(found)
            places = lru_cache(maxsize=None)(partial(self._places, docs=docs))   # a word read once
            for d in self._ahead_of_keywords(in_text, places) if docs else ():
                lift[d] = lift.get(d, 0.0) + found[d]
        if not lift:
            return matches
        return sorted(((score + lift.get(d, 0.0), d) for score, d in matches), key=lambda m: -m[0])

    def _ahead_of_keywords(self, query, places) -> set[int]:
        """The records where ``query``, a term's query over the text field, matches in the
        title or abstract, of those ``places(fieldname, word)`` (:meth:`_places`) reads.  The
        text field holds the title, the abstract, then the keywords, which the keywords field
        holds too, read by the same analyzer: of a word's places in the text, the last are the
        keywords', as many as the keywords field counts."""
        if isinstance(query, Term):
            return set(places(query.fieldname, query.text)[0]) if query.fieldname in TEXT_FIELDS else set()
        if isinstance(query, Phrase) and query.fieldname in TEXT_FIELDS:   # its words side by side (slop 1)
            ahead = places(query.fieldname, query.words[0])[0]
            after = [places(query.fieldname, word)[1] for word in query.words[1:]]
            return {d for d, starts in ahead.items()
                    if any(all(s + i in found.get(d, ()) for i, found in enumerate(after, 1)) for s in starts)}
        if isinstance(query, MultiTerm) and query.field() in TEXT_FIELDS:   # canc*: each word it stands for
            return self._ahead_of_keywords(Or([Term(*term) for term in query.expanded_terms(self.reader)]), places)
        if isinstance(query, And):
            return set.intersection(*(self._ahead_of_keywords(q, places) for q in query.subqueries))
        if isinstance(query, Or):
            return set().union(*(self._ahead_of_keywords(q, places) for q in query.subqueries))
        return set()

    def _places(self, fieldname: str, word, docs: list[int]) -> tuple[dict[int, list[int]], dict[int, set[int]]]:
        """For those of ``docs`` (in order) whose text field holds ``word``: its places in the
        title or abstract (where it is there), and all its places."""
        text = _postings(self.searcher, fieldname, word, docs, "positions")
        keywords = _postings(self.searcher, "keywords", word, list(text), "frequency")
        ahead = {}
        for d, at in text.items():
            at = sorted(at)[:len(at) - keywords.get(d, 0)]
            if at:
                ahead[d] = at
        return ahead, {d: set(at) for d, at in text.items()}

    def _in_order_first(self, matches: list[tuple[float, int]], forms: list[list[str]]) -> list[tuple[float, int]]:
        """``matches`` (best first) with the best :data:`IN_ORDER_CHECKED` of them lifted where
        the text holds the words in their order, each in one of its ``forms``
        (:func:`pasted_phrase`), by what whoosh's Phrase of them adds (each word's score there,
        its first form the record holds, at :data:`PHRASE_BOOST`).  Only those are checked: a
        Phrase over every match read the positions of each ("of the" took 30 → 80 ms at 30k
        records)."""
        checked = sorted(docnum for _, docnum in matches[:IN_ORDER_CHECKED])
        postings = {t: Term(TEXT_FIELDS[0], t).matcher(self.searcher) for t in dict.fromkeys(sum(forms, []))}
        lift = {}
        for docnum in checked:
            found = {}
            for word in forms:
                for t in word:
                    m = postings[t]
                    if t not in found and m.is_active() and m.id() < docnum:
                        m.skip_to(docnum)
                    if t not in found and m.is_active() and m.id() == docnum:
                        found[t] = (set(m.value_as("positions")), m.score())
                if not any(t in found for t in word):
                    break
            else:
                places = [set().union(*(found[t][0] for t in word if t in found)) for word in forms]
                if any(all(start + i in places[i] for i in range(len(forms))) for start in places[0]):
                    lift[docnum] = PHRASE_BOOST * sum(next(found[t][1] for t in word if t in found) for word in forms)
        if not lift:
            return matches
        return sorted(((score + lift.get(docnum, 0.0), docnum) for score, docnum in matches), key=lambda m: -m[0])

    def _fill(self, q, tree, total, scored) -> dict:
        records = self.store.get_many([rid for _, rid in scored])
        hits = []
        for score, rid in scored:
            rec = records.get(rid)
            if rec is None:  # indexed but not in the store (a writer between its commits): no hit
                total -= 1
                continue
            # the record as the contract has it (as `show --json` prints it), with its score and snippet
            # and where the snippet's matches are
            terms = _shown(tree)
            shown, highlights = highlighted(rec, terms, abstract=self._abstract_may_match(rec, rid, terms))
            hits.append({"id": rid, "score": round(float(score), 4), **rec, "snippet": shown, "highlights": highlights})
        return {"query": q, "total": total, "hits": hits}

    def _abstract_may_match(self, rec: dict, rid: str, terms: list[Leaf]) -> bool:
        """Whether a snippet must read the record's abstract for ``terms``: False only for a
        long abstract (:data:`_PIECE`) when the index, which finds a superset of the matches, has
        every position of their words in the title, as "text" holds it first (a hit found by its
        title did read a megabyte's abstract for its snippet, a second)."""
        if not any(len(a) > 2 * _PIECE for a in rec.get("abstract", {}).values()):
            return True
        words = set()
        for leaf in terms:
            if "abstract" not in leaf.check_fields:
                continue
            found = [w for f, w in leaf.query.iter_all_terms() if f == "text"]
            if leaf.expands or not found:   # (a truncated word's terms are not listed)
                return True
            words.update(found)
        if not words:
            return True
        docnum = self.searcher.document_number(id=rid)
        title = _join_values(list(rec.get("title", {}).values()))
        title_end = max((t.pos for t in self.ix.schema["text"].analyzer(title, positions=True)), default=-1)
        return any(p > title_end for word in words
                   for p in _postings(self.searcher, "text", word, [docnum], "positions").get(docnum, ()))

    def _verified(self, tree, matches) -> list[tuple[float, str]]:
        """Candidates from the index, kept when the whole query holds on the record's text."""
        candidates = [(score, self.ids[docnum], docnum) for score, docnum in matches]
        sets: dict[int, set] = {}

        def holds(node, rec, docnum) -> bool:
            if isinstance(node, Leaf):
                if node.exact:
                    key = id(node)
                    if key not in sets:
                        sets[key] = set(self.searcher.docs_for_query(node.query))
                    return docnum in sets[key]
                return any(node.check(v) for f in node.check_fields for v in _field_values(rec, f))
            if node.op == "not":
                return not holds(node.children[0], rec, docnum)
            if node.op == "and":
                return all(holds(c, rec, docnum) for c in node.children)
            return any(holds(c, rec, docnum) for c in node.children)

        out = []
        for i in range(0, len(candidates), 500):
            chunk = candidates[i:i + 500]
            records = self.store.get_many([rid for _, rid, _ in chunk])
            out += [(score, rid) for score, rid, docnum in chunk
                    if rid in records and holds(tree, records[rid], docnum)]
        return out


# What holding a pasted query's words in its order counts beside them: as the title's weight
# (BM25F), so a record whose title is the query ranks above longer ones that hold its words apart.
PHRASE_BOOST = FIELD_BOOSTS["title"]
# How many of the best matches are checked for the words in order (Searcher._in_order_first):
# a title pasted whole finds its record among them, and the hits shown come from them.
IN_ORDER_CHECKED = 100


def pasted_phrase(q: str, tree):
    """For a query of several plain words (a title pasted whole: ``Anal sac gland carcinoma in
    cocker spaniels``): the forms of each of its words, which lift the best matches that hold
    them in this order (:meth:`Searcher._in_order_first`), and the title that is those words
    (schema's ``titlex``), which ranks first (:func:`_titled_first`).  A word's forms are the
    word and the terms its query matches (its inflections: ``metastasis`` holds in order in
    "spinal metastases"); a word of parts (``IL-6``) is read as typed.  The
    words alone, ANDed, ranked longer titles and abstracts that repeat them above the paper
    itself.  None for one word, or with an operator, a field or a truncated word.

    >>> forms, title = pasted_phrase("spinal metastasis", parse("spinal metastasis"))
    >>> forms, title.fieldname
    ([['spinal', '~spinal'], ['metastasis', 'metastasi', '~metastasi']], 'titlex')
    >>> pasted_phrase("anal OR sac", parse("anal OR sac")) is None
    True
    """
    if isinstance(tree, Leaf) or tree.op != "and" or not all(
            isinstance(c, Leaf) and c.fields == DEFAULT_FIELDS and not c.expands for c in tree.children):
        return None
    found = _words(q)
    if len(found) < 2 or any(pos != i for i, (_, pos, _, _) in enumerate(found)):
        return None   # (Chinese with spaces between: its words are not adjacent in the text)
    matched = {}   # a one-word leaf's word: the text field's terms of its query
    for leaf in tree.children:
        written = [term for term, *_ in _words(leaf.text)]
        if len(written) == 1:
            matched[written[0]] = _text_terms(leaf.query)
    forms = [list(dict.fromkeys([term, *matched.get(term, ())])) for term, *_ in found]
    return forms, Term("titlex", title_key(q))


def _words(text: str) -> list[tuple[str, int, int, int]]:
    """The words of ``text`` as the index reads them (:func:`.analysis.tokens`: a Greek letter's
    name apart where the case written shows it, ``TNFalpha``), one at each position."""
    folded = fold(text)
    at: dict[int, tuple[str, int, int, int]] = {}
    for token in tokens(folded, with_keys=False, written=cased(text, folded)):
        at.setdefault(token[1], token)
    return list(at.values())


def _text_terms(query) -> list[str]:
    """The text field's terms of a word's query (its forms)."""
    if isinstance(query, Term):
        return [query.text] if query.fieldname in TEXT_FIELDS else []
    return [term for q in getattr(query, "subqueries", ()) for term in _text_terms(q)]


def _titled_first(matches: list[tuple[float, int]], titled: set[int]) -> list[tuple[float, int]]:
    """``matches`` (best first) with the records whose title is the query above the others:
    their score has the best score added.  A score sums what each word adds, and a record
    without an abstract (a corrigendum of the paper) gains on its short text what the title
    gains: no weight of one more term outweighs that for every query.

    >>> _titled_first([(9.0, 1), (7.0, 2), (5.0, 3)], {3})
    [(14.0, 3), (9.0, 1), (7.0, 2)]
    """
    if not titled or not matches:
        return matches
    best = matches[0][0]
    return sorted(((score + best, docnum) if docnum in titled else (score, docnum) for score, docnum in matches),
                  key=lambda m: -m[0])


def search(index_dir: str, q: str, limit: int = 10) -> dict:
    with Searcher(index_dir) as s:
        return s.search(q, limit)


# Record fields a snippet shows: the title and abstract, else a funding line, else a line of
# keywords (a record found by its keyword alone, 肿瘤, shows it).
_TEXT_FIELDS_SHOWN = {"title", "abstract", "funder", "funders", "award"}
# The field prefixes a note lists, as README and --help name them.
PREFIXES = ("title", "abstract", "keyword", "author", "supervisor", "journal", "funder", "award", "doi", "pmid", "pmcid", "lang",
            "section", "format", "type", "year")
# The record fields ``author:``, ``supervisor:`` and ``journal:`` are checked on (an author's name
# as written, and with its key for author:"Smith, John"): a hit found by them alone shows the
# value that matched under its label (:func:`_named_lines`).
_AUTHOR_CHECKS = ("authors", "author_names")
_SUPERVISOR_CHECKS = ("supervisors", "supervisor_names")
_SNIPPET_FIELDS = _TEXT_FIELDS_SHOWN | {"keywords", "journal", *_AUTHOR_CHECKS, *_SUPERVISOR_CHECKS}


def _shown(node, positive: bool = True) -> list[Leaf]:
    """The leaves a snippet marks: not under NOT, and read in the title, abstract, funding,
    keywords, authors, supervisors or journal."""
    if isinstance(node, Leaf):
        return [node] if positive and node.find and _SNIPPET_FIELDS & set(node.check_fields) else []
    return [leaf for c in node.children for leaf in _shown(c, positive and node.op != "not")]


def _funding_lines(rec: dict) -> list[str]:
    """Each funding entry as one line: the funder as written (its normalised name when
    different) and the grant number."""
    lines = []
    for f in rec.get("funding", []):
        original, funder = f.get("funder_original") or f.get("funder") or "", f.get("funder") or ""
        names = [original] if funder in ("", original) else [original, funder]
        name = names[0] + "".join(f" ({n})" for n in names[1:])
        lines.append(" ".join(v for v in (name, f.get("award")) if v))
    return lines


def _other_name_spans(rec: dict, terms: list[Leaf]) -> dict[str, list[tuple[int, int]]]:
    """The funding lines of the funders a ``funder:`` term found by a name the line does not
    hold (``funder:NSFC``, ``funder:国家自然科学基金`` in a record that writes the English name),
    each with the funder's name to mark: the other names are searched, never shown as if the
    record said them."""
    from ..fields.funders import search_names   # when asked: search starts without it

    out: dict[str, list[tuple[int, int]]] = {}
    for f, line in zip(rec.get("funding", []), _funding_lines(rec)):
        funder = f.get("funder") or ""
        if funder and any(not leaf.check(line) and any(leaf.check(n) for n in search_names(funder))
                          for leaf in terms):
            start = line.index(funder)
            out[line] = [(start, start + len(funder))]
    return out


def _other_award_spans(rec: dict, terms: list[Leaf]) -> dict[str, list[tuple[int, int]]]:
    """The funding lines of the NIH grants an ``award:`` term found by the grant
    (:func:`~.schema.nih_core`) that the line writes otherwise (``award:R01CA654321`` in a
    record that writes ``1R01CA654321-01``), each with its grant number to mark."""
    out: dict[str, list[tuple[int, int]]] = {}
    for f, line in zip(rec.get("funding", []), _funding_lines(rec)):
        award = f.get("award") or ""
        core = nih_core(award)
        if core and any(not leaf.check(line) and leaf.check(core) for leaf in terms):
            out[line] = [(len(line) - len(award), len(line))]   # (the line ends with its number)
    return out


# The label a snippet shows a thesis's, patent's or standard's value under (schema.labelled_names),
# in English, and in Chinese for a value written in Chinese: `Supervisor: Smith, John`, `导师：王建国`.
_NAME_LABELS = {"university": ("University", "学位授予单位"), "supervisor": ("Supervisor", "导师"),
                "applicant": ("Applicant", "申请人"), "authors": ("Authors", "作者"), "journal": ("Journal", "期刊")}
_NUMBER_LABELS = {"patent": ("Patent number", "专利号"), "standard": ("Standard number", "标准号"),
                  "report": ("Report number", "报告号")}


def _name_lines(rec: dict) -> list[tuple[str, str]]:
    """Each value naming a thesis, patent or standard with its label, as a snippet shows a hit
    found by it alone (its title and abstract do not hold the query).

    >>> _name_lines({"type": "thesis", "extra": {"publisher": ["Fudan University"], "supervisors": ["李建国"]}})
    [('University: ', 'Fudan University'), ('导师：', '李建国')]
    >>> _name_lines({"type": "patent", "issue": "CN1234567A", "extra": {"assignee": ["扬中市旭禾管业制造有限公司"]}})
    [('Patent number: ', 'CN1234567A'), ('申请人：', '扬中市旭禾管业制造有限公司')]
    """
    return [(_label(_NUMBER_LABELS.get(rec.get("type"), ("Number", "编号")) if kind == "number" else _NAME_LABELS[kind],
                    value), value) for kind, value in labelled_names(rec)]


def _label(labels: tuple[str, str], value: str) -> str:
    """A value's label (English, Chinese): in Chinese for a value written in Chinese."""
    en, zh = labels
    return f"{zh}：" if any(map(is_han, value)) else f"{en}: "


def _checked_values(rec: dict, fields: tuple[str, ...], terms: list[Leaf]) -> list[tuple[str, list[tuple[int, int]]]]:
    """Each value of the record fields ``fields`` (the same values, as each field checks them:
    :data:`_AUTHOR_CHECKS`) as written, with where the ``terms`` checked on them match in it."""
    checked = [(_field_values(rec, f), [leaf for leaf in terms if f in leaf.check_fields]) for f in fields]
    checked = [(values, found) for values, found in checked if found]
    if not checked:
        return []
    shown = [v.partition(NAME_KEY)[0] for v in checked[0][0]]
    return [(name, sorted(span for values, found in checked for span in _matches(values[i], found)
                          if span[1] <= len(name))) for i, name in enumerate(shown)]


def _named_lines(rec: dict, terms: list[Leaf]) -> Iterator[tuple[str, str, list[tuple[int, int]]]]:
    """What a hit found by ``author:``, ``supervisor:`` or ``journal:`` alone shows, labelled as
    :func:`_name_lines` labels a value (label, line, matches): its authors as one line (``Authors:
    … 【Wang Jianguo】 …``, ``作者：``, labelled by the name that matched), else the supervisor or
    journal that matched (``导师：【李建国】``, ``Journal: 【Spine】``; a thesis's university,
    which ``journal:`` finds, as its university)."""
    line, spans, first = "", [], ""
    for name, found in _checked_values(rec, _AUTHOR_CHECKS, terms):
        line += "; " if line else ""
        first = first or (name if found else "")
        spans += [(len(line) + s, len(line) + e) for s, e in found]
        line += name
    if spans:
        yield _label(_NAME_LABELS["authors"], first), line, spans
    universities = university(rec)
    for kind, fields in (("supervisor", _SUPERVISOR_CHECKS), ("journal", ("journal",))):
        for value, found in _checked_values(rec, fields, terms):
            if found:
                yield _label(_NAME_LABELS["university" if value in universities else kind], value), value, found


_ZWJ = "\u200d"


def _joins(before: str, char: str) -> bool:
    """Whether ``char`` belongs to the character before it, as one grapheme: a combining mark
    (e + U+0301), a variation selector, a skin tone, what a zero-width joiner joins (👩‍⚕️), a
    Korean vowel or final jamo.  A snippet never starts or ends between them."""
    if char < "\u0300":
        return before == _ZWJ
    return (unicodedata.category(char)[0] == "M" or _ZWJ in (before, char)
            or "\U0001f3fb" <= char <= "\U0001f3ff" or "\u1160" <= char <= "\u11ff")


def _graphemes(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each grapheme of ``text``, by :func:`_joins`."""
    start = 0
    for i in range(1, len(text)):
        if not _joins(text[i - 1], text[i]):
            yield start, i
            start = i
    if text:
        yield start, len(text)


# Folding one character or grapheme at a time, as many repeat (Chinese characters, letters).
_fold_piece = lru_cache(maxsize=8192)(fold)


def _identity(n: int) -> tuple[range, range]:
    return range(n), range(1, n + 1)


def _offsets(pieces: list[str], bounds: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """For each character of the folded pieces, the start and end of what it was folded from."""
    return ([start for piece, (start, _) in zip(pieces, bounds) for _ in piece],
            [end for piece, (_, end) in zip(pieces, bounds) for _ in piece])


def _origins(text: str, folded: str) -> tuple[Sequence[int], Sequence[int]] | None:
    """For each character of ``folded`` (``fold(text)``), where what it comes from starts and
    ends in ``text``: folding changes the length of some (ß → ss, ﬁ → fi, e + U+0301 → é), so
    a match is marked where it is written.  Folded a character at a time, else a grapheme at
    a time (e + U+0301 folds as é only together), which folds as the whole text does but in
    rare scripts (then as before: one for one if the lengths agree, else None)."""
    # One for one, as nearly every text: NFKC leaves it as it is, case folding only lengthens
    # (ß → ss) and the Simplified table maps a character to a character.
    if text.isascii() or (len(folded) == len(text) and unicodedata.is_normalized("NFKC", text)):
        return _identity(len(text))
    pieces = [_fold_piece(c) for c in text]
    if "".join(pieces) == folded:
        if len(folded) == len(text):  # no piece is empty, so each is one character
            return _identity(len(text))
        return _offsets(pieces, [(i, i + 1) for i in range(len(text))])
    graphemes = list(_graphemes(text))
    pieces = [_fold_piece(text[start:end]) for start, end in graphemes]
    if "".join(pieces) == folded:
        return _offsets(pieces, graphemes)
    return _identity(len(text)) if len(folded) == len(text) else None


# Brackets a match may hold one of: IL-6 matches "IL)-6" in 白细胞介素(IL)-6, marked 【(IL)-6】.
_BRACKETS = ("()", "[]", "（）")


def _balanced(text: str, start: int, end: int) -> tuple[int, int]:
    """A match widened by the bracket just outside it that pairs one it holds alone."""
    for opening, closing in _BRACKETS:
        inner = text[start:end]
        if inner.count(closing) > inner.count(opening) and text[start - 1:start] == opening:
            start -= 1
        elif inner.count(opening) > inner.count(closing) and text[end:end + 1] == closing:
            end += 1
    return start, end


def _matches(text: str, terms: list[Leaf]) -> list[tuple[int, int]]:
    """Where the terms match in ``text`` (as the query's rule finds them in its folded form),
    in order, as offsets in ``text``."""
    folded = fold(text) if terms else ""
    written = cased(text, folded) if folded else ""
    found = sorted(span for leaf in terms for span in leaf.find(folded, written)) if folded else []
    origins = _origins(text, folded) if found else None
    if origins is None:
        return []
    starts, ends = origins
    return [_balanced(text, starts[s], ends[e - 1]) for s, e in found if e > s]


# A text longer than this (an abstract holding a whole paper, a megabyte) is searched for its
# snippet a piece at a time, up to its first matches: the snippet shows a few dozen characters
# of it, and folding, matching and mapping back a megabyte took seconds.
_PIECE = 20_000
# What each piece is searched with on either side: more than any match (a query has at most
# 500 characters), so that a match starting in the piece is found as in the whole text.
_AROUND = 1_000


def _first_matches(text: str, terms: list[Leaf], width: int) -> list[tuple[int, int]]:
    """:func:`_matches` as far as a snippet of ``width`` characters around the first one
    needs: a short text whole, a long one a piece at a time (each searched with
    :data:`_AROUND` characters either side, the matches starting in it kept) until the pieces
    searched reach past the snippet's end."""
    if len(text) <= 2 * _PIECE:
        return _matches(text, terms)
    spans: list[tuple[int, int]] = []
    for start in range(0, len(text), _PIECE):
        end = start + _PIECE
        lo = max(0, start - _AROUND)
        spans += [(lo + s, lo + e) for s, e in _matches(text[lo:end + _AROUND], terms) if start <= lo + s < end]
        if spans and end > min(spans)[0] + width + _SLACK:
            break
    return spans


def _merged(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Matches touching, overlapping or a space apart as one: "【spinal metastasis】", one mark."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and not text[out[-1][1]:start].strip():
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _keyword_line(keywords: list[str], terms: list[Leaf]) -> tuple[str, list[tuple[int, int]]]:
    """One language's keywords as one line, and the matches in it, found in each keyword apart
    (as search checks them: no phrase across two keywords)."""
    line, spans = "", []
    for keyword in keywords:
        line += "; " if line else ""
        spans += [(len(line) + s, len(line) + e) for s, e in _matches(keyword, terms)]
        line += keyword
    return line, spans


def _unspaced(char: str) -> bool:
    """A character of a language written without spaces between words (Chinese, Japanese and
    their punctuation): a wide one, but for a full-width letter or digit."""
    width = unicodedata.east_asian_width(char)
    return width == "W" or (width == "F" and not char.isalnum())


def _at_word_edge(text: str, i: int) -> bool:
    """Whether a snippet may start or end at ``i``: at a space, or beside a character of a
    language without spaces; never inside a grapheme."""
    if i <= 0 or i >= len(text):
        return True
    before, after = text[i - 1], text[i]
    return not _joins(before, after) and (before.isspace() or after.isspace()
                                          or _unspaced(before) or _unspaced(after))


# How far a snippet's end moves to reach a word's edge: about a long word.
_SLACK = 15


def _cut(text: str, at: int, lowest: int, highest: int, spans: list[tuple[int, int]]) -> int:
    """The place in [lowest, highest] nearest ``at``, not inside a match, at a word's edge
    within _SLACK; else between graphemes (a long word, a URL); else ``at``."""
    def near(ok) -> int | None:
        places = (i for d in range(_SLACK + 1) for i in ((at - d, at + d) if d else (at,)))
        return next((i for i in places if lowest <= i <= highest and ok(i)
                     and not any(s < i < e for s, e in spans)), None)

    found = near(lambda i: _at_word_edge(text, i))
    if found is None:
        found = near(lambda i: i in (0, len(text)) or not _joins(text[i - 1], text[i]))
    return at if found is None else found


# A snippet's marks; the text's own 【】 (a Chinese abstract's `【目的】`, `本文以【DRG】…`) are
# written 〖〗 in it, so that a 【…】 is always a match (`【【DRG】】` told nothing).
MARK = ("【", "】")
_OWN_BRACKETS = str.maketrans("【】", "〖〗")


def _window(text: str, spans: list[tuple[int, int]], width: int, mark: tuple[str, str]) -> tuple[str, list[list[int]]]:
    """About ``width`` characters of ``text`` from a third of it before the first match, cut
    at words' edges, with the matches in it marked and "…" where it was cut; and where each
    marked match is in that (start and end, in characters, inside its marks)."""
    first = spans[0][0]
    lo = max(0, first - width // 3)
    hi = min(len(text), lo + width)
    lo = _cut(text, lo, 0, first, spans)
    hi = _cut(text, hi, min(hi, spans[0][1]), len(text), spans)
    while lo < first and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    shown, highlights, at = "…" if lo else "", [], lo

    def add(piece: str) -> None:
        # on one line: an abstract's paragraphs and a title's tabs are a space here (a hit is a
        # block of lines, and --json hits are read as one line of text)
        nonlocal shown
        piece = re.sub(r"\s+", " ", piece.translate(_OWN_BRACKETS))
        shown += piece[1:] if piece[:1] == " " and shown[-1:] == " " else piece

    for s, e in spans:
        if s < at or e > hi:
            continue
        add(text[at:s])
        shown += mark[0]
        start = len(shown)
        add(text[s:e])
        highlights.append([start, len(shown)])
        shown += mark[1]
        at = e
    add(text[at:hi])
    return shown + ("…" if hi < len(text) else ""), highlights


def snippet(rec: dict, terms: list[Leaf], width: int = 80, mark=MARK) -> str:
    """:func:`highlighted`'s snippet, without where its matches are."""
    return highlighted(rec, terms, width, mark)[0]


def highlighted(rec: dict, terms: list[Leaf], width: int = 80, mark=MARK,
                abstract: bool = True) -> tuple[str, list[list[int]]]:
    """A piece of the abstract (else title, else funding, else a thesis's, patent's or standard's
    labelled value, :func:`_name_lines`, else keywords, else the authors, supervisor or journal
    that matched, labelled, :func:`_named_lines`) around the first
    match, the matches marked (as the query's rule finds them: ``7-15`` marks ``7.15``, not a
    lone 7 and 15), the text's own 【】 written 〖〗; and where each match is in it, inside its
    marks (``--json``'s ``highlights``: a program needs no parsing of the marks).  Not
    ``abstract``: the abstract is known to hold no match (:meth:`Searcher._abstract_may_match`),
    and is not read."""
    if not terms:
        return "", []
    in_text = [leaf for leaf in terms if _TEXT_FIELDS_SHOWN & set(leaf.check_fields)]
    abstracts = list(rec.get("abstract", {}).values()) if abstract else []
    texts = [("", t) for t in abstracts + list(rec.get("title", {}).values())]
    lines = [("funding: ", line) for line in _funding_lines(rec)]
    funders = [leaf for leaf in in_text if "funders" in leaf.check_fields]  # funder: finds a funder by its other names
    other_names = _other_name_spans(rec, funders) if funders else {}
    awards = [leaf for leaf in in_text if "award" in leaf.check_fields]  # award: finds an NIH grant however written
    for line, spans in (_other_award_spans(rec, awards) if awards else {}).items():
        other_names[line] = other_names.get(line, []) + spans
    for prefix, text in texts + lines:
        spans = _merged(text, _first_matches(text, in_text, width) + (other_names.get(text, []) if prefix else []))
        if spans:
            return _prefixed(prefix, *_window(text, spans, width, mark))
    names = [leaf for leaf in terms if "other_names" in leaf.check_fields]  # a university, a patent's number …
    for prefix, value in _name_lines(rec) if names else ():
        spans = _merged(value, _matches(value, names))
        if spans:
            return _prefixed(prefix, *_window(value, spans, width, mark))
    in_keywords = [leaf for leaf in terms if "keywords" in leaf.check_fields]
    for keywords in rec.get("keywords", {}).values() if in_keywords else ():
        line, spans = _keyword_line(keywords, in_keywords)
        spans = _merged(line, spans)
        if spans:
            return _prefixed("keywords: ", *_window(line, spans, width, mark))
    for prefix, line, spans in _named_lines(rec, terms):
        return _prefixed(prefix, *_window(line, _merged(line, spans), width, mark))
    return "", []


def _prefixed(prefix: str, shown: str, highlights: list[list[int]]) -> tuple[str, list[list[int]]]:
    return prefix + shown, [[s + len(prefix), e + len(prefix)] for s, e in highlights]
