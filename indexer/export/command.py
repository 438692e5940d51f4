"""``cli.py export``: choose records (the whole index, a search, a list of ids; masters
only) and write them in one format."""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TextIO

from . import FOR, FORMATS, KEYED, SORTS, SUFFIXES, export

EPILOG = """examples:
  python cli.py export --format ris -o refs.ris                 # the whole index
  python cli.py export --format gbt7714 --from cnki.txt         # files cleaned and written, no index
  python cli.py export --format bibtex --query "脊柱转移" -o refs.bib
  python cli.py export --format gbt7714 -q 'year:2018..2021 lang:zh' --lang both
  python cli.py export --format csl-json --ids ids.txt --masters -o refs.json
  python cli.py export --format gbt7714 --query 脊柱转移 --sort author   # by author, Chinese first
  python cli.py export --format gbt7714-ay -o refs.txt          # author-year: 王五, 2020a. 题名[J]. …
  python cli.py export --format vancouver --query 'lang:zh'      # [English title]. Journal. 2021;41(3):150-6. Chinese.
  python cli.py export --format gbt7714 --accessed 2025-03-01   # [J/OL]. 刊名, 2021, 27(2): 121-123[2025-03-01]. https://…
  python cli.py export --format ris --from ./-refs.ris         # a path that starts with - goes as ./-refs.ris (after --, none is --from's)

formats and the tools they are for:
""" + "\n".join(f"  {name:<10} {FOR[name]}" for name in FORMATS) + """

selection: the whole index (duplicates hidden by `dedup --apply` are left out), the results
of --query (the search query language, best first), --ids FILE (one record id per line,
or a paper's DOI or PMID; an unknown id is reported and the rest exported), or --from PATH... (files and folders read
and cleaned as `clean` does, written in their order without an index; a record that cannot
be read is reported with its file and line, and the exit code is 1).  --masters exports
each cluster `dedup --apply` merges once, as its master completed from the others as
`--apply` completes it (clusters that need review are left as they are) (a duplicate among the hits of --query or the
--ids stands for its master, with a note).  --lang zh|en writes bilingual records in that
language (default: each record's own); --lang both writes GB/T 7714 lines in both languages.
--accessed YYYY-MM-DD is the day the records read online (those with a URL or a DOI, web
pages) were read, for those without one of their own: GB/T 7714's [引用日期], which it requires of them
(without it a warning counts those with a URL), RIS Y2, EndNote %[, BibTeX urldate, CSL accessed.
Funding and abstract sections are never written into the abstract: they go to notes
(RIS N1, EndNote %Z, BibTeX note/funding, CSL note/custom)."""


def add_arguments(p) -> None:
    p.add_argument("--format", "-f", required=True, choices=sorted(FORMATS), metavar="FORMAT",
                   help="one of: " + ", ".join(FORMATS))
    sel = p.add_mutually_exclusive_group()
    sel.add_argument("--query", "-q", metavar="Q", help="export the records a search finds, best first (-q is "
                                                         "--query here; in clean and ingest, --quiet)")
    sel.add_argument("--ids", metavar="FILE", help="export the records listed in FILE (one id, its start or a "
                                                    "citation key per line, as show takes them, or a paper's DOI "
                                                    "or PMID, 10.3969/…, PMID: 31234567, found as search's doi: "
                                                    "and pmid: find it; an id is "
                                                    "a record's place in its file: a record added above it in the "
                                                    "file gives the id to another paper, and ingest says so; DOIs, "
                                                    "PMIDs and citation keys follow papers)")
    sel.add_argument("--from", dest="paths", nargs="+", metavar="PATH",
                     help="clean these files or folders (-: the records piped in) and export their records, "
                          "without an index")
    p.add_argument("--archives", action="store_true",
                   help="with --from: also read the archives (.zip, .7z, .rar, .tar.gz …) in the folders given "
                        "(by default skipped, as they often hold the files beside them)")
    p.add_argument("--masters", action="store_true", help="each duplicate cluster once, as its master")
    p.add_argument("--sort", choices=SORTS,
                   help="order: by year (newest or oldest first), or by author as GB/T 7714's author-year "
                        "system lists references (Chinese items first, by pinyin; then the others); "
                        "default: search rank with --query, the file's order with --ids, else the index's")
    p.add_argument("--lang", choices=("zh", "en", "both"), help="language of bilingual records")
    p.add_argument("--accessed", type=_day, metavar="YYYY-MM-DD",
                   help="the day the records with a URL or DOI (and web pages) were read, for those without one of their "
                        "own: GB/T 7714's [引用日期] (required of an online item), RIS Y2, BibTeX urldate, CSL accessed")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default, or `-o -`: standard output)")
    p.add_argument("--bom", action="store_true",
                   help="start with a UTF-8 BOM: RIS for old EndNote; CSV to standard output (a CSV written "
                        "with -o always has one, so that Excel reads its Chinese as UTF-8)")


def _day(text: str) -> str:
    """A day as ``--accessed`` takes it: ``YYYY-MM-DD``, a real one, and not after today (by
    this machine's clock): a record cannot have been read on a day still to come.

    >>> _day("2025-03-01")
    '2025-03-01'
    """
    import argparse
    from datetime import date

    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        raise argparse.ArgumentTypeError(f"{text!r} is not a day written YYYY-MM-DD (2025-03-01)")
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is no day of the calendar (YYYY-MM-DD)") from None
    if day > date.today():
        raise argparse.ArgumentTypeError(f"{text!r} is after today ({date.today().isoformat()}): the day the "
                                         "records were read (YYYY-MM-DD) cannot be still to come")
    return day.isoformat()


def _read_ids(path: str) -> list[str]:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as e:
        raise ValueError(f"cannot read the ids file {path}: {e.strerror}") from None
    ids = [_paper_query(line.strip()) or line.split()[0] for line in text.splitlines()
           if line.strip() and not line.startswith("#")]
    if not ids:
        raise ValueError(f"{path}: no record ids (one per line)")
    return list(dict.fromkeys(ids))


# A paper's DOI or PMID on a line of --ids, as a reference list or PubMed writes it
# (``10.3969/…``, ``doi:10.3969/…``, ``https://doi.org/10.3969/…``; ``PMID: 31234567``, ``pmid:31234567``)
_DOI_LINE = re.compile(r"(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)", re.IGNORECASE)
_PMID_LINE = re.compile(r"pmid\s*:?\s*(\d{1,9})", re.IGNORECASE)


def _paper_query(line: str) -> str | None:
    """The search (``doi:``, ``pmid:``) a line of --ids naming a paper by its DOI or PMID is.

    >>> _paper_query("https://doi.org/10.3969/j.issn.2095-5200.2020.01.058"), _paper_query("PMID: 31234567")
    ('doi:10.3969/j.issn.2095-5200.2020.01.058', 'pmid:31234567')
    >>> _paper_query("jiangwenjie2020chaosheng")
    """
    m = _DOI_LINE.fullmatch(line)
    if m:
        return f"doi:{m.group(1)}"
    m = _PMID_LINE.fullmatch(line)
    return f"pmid:{m.group(1)}" if m else None


def _paper_ids(index_dir: str, asked: list[str], err: TextIO) -> dict[str, list[str]]:
    """The record each ``doi:`` / ``pmid:`` line of --ids names (:func:`_paper_query`): the
    first the search finds; a paper held by more records (its copies from several databases)
    is exported once, and a note names the others (``--masters`` merges them as ``dedup
    --apply`` does).  None found: an empty list."""
    from ..index.search import Searcher

    papers = [text for text in asked if text.startswith(("doi:", "pmid:"))]
    if not papers:
        return {}
    found = {}
    with Searcher(index_dir) as s:
        for text in papers:
            ids = s.ranked_ids(text)
            found[text] = ids[:1]
            if len(ids) > 1:
                err.write(f"note: {text} is held by {len(ids)} records ({', '.join(ids)}); exported {ids[0]} "
                          f"(--masters exports their master)\n")
    return found


def select(index_dir: str, query: str | None = None, ids_file: str | None = None,
           masters: bool = False, err: TextIO = sys.stderr, missing: list[str] | None = None,
           master_of: dict[str, str] | None = None) -> list[dict]:
    """The records to export, in order (index order, search rank, or the file's order); the
    ids of ``ids_file`` the index does not hold (or that start more than one id) are said on
    ``err`` and added to ``missing``; with ``masters``, each duplicate's master is put in
    ``master_of`` (by the duplicate's id), as ``dedup --apply`` merges them."""
    from ..store import Store

    with Store(index_dir, reading=True) as store:
        if query is not None:
            from ..index.search import Searcher

            with Searcher(index_dir) as s:
                ids = s.ranked_ids(query)
                # how the query was read (search's warnings: an unclosed quote, common words only),
                # and when nothing matched, what may (search's notes: titel:, an author's name)
                notes = s.warnings(query) if ids else s.notes(query)
            if not ids:
                err.write(f"note: no record matches --query {query!r}; nothing to export\n")
            err.writelines(f"note: {note}\n" for note in notes)
        elif ids_file is not None:
            ids, asked = [], _read_ids(ids_file)
            papers = _paper_ids(index_dir, asked, err)   # (a DOI or PMID line: the paper's record)
            named = named_ids(index_dir, store, [given for given in asked if given not in papers])
            for given in asked:  # an id in any case, or its start as `show` takes it, or a citation key
                by_id, by_key = named[given] if given not in papers else (papers[given], [])
                found = by_id + by_key
                if len(found) > 1:
                    err.write(f"warning: {ambiguity(given, by_id, by_key)}; skipped\n")
                    if missing is not None:
                        missing.append(given)
                else:
                    ids.append(found[0] if found else given.lower())
            ids = list(dict.fromkeys(ids))
        else:
            ids = None
        # with masters, each record of a dedup cluster stands for its master
        master_of = {} if master_of is None else master_of
        completed: dict[str, dict] = {}
        if masters:
            from ..merge import applied, clusters_for, merged_record, merges_all

            records, found = clusters_for(index_dir)
            clusters = applied(found, merges_all(index_dir))   # as `dedup --apply` merges: not those to review
            master_of.update({m["id"]: c["master"] for c in clusters for m in c["records"] if m["id"] != c["master"]})
            # each master completed from its duplicates, as `dedup --apply` shows it (the English
            # title of a Chinese/English pair, a whole abstract for a preview)
            by_id = {r["id"]: r for r in records}
            completed = {c["master"]: merged_record(by_id[c["master"]], [by_id[m["id"]] for m in c["records"]
                                                                         if m["id"] != c["master"]])
                         for c in clusters}
        if ids is None:
            return [completed.get(r["id"], r) for r in store if r["id"] not in master_of]
        hidden = store.hidden()
        found = store.get_many([i for i in ids if i not in hidden])
        for rid in ids:
            if rid in hidden:
                err.write(f"note: {rid} is a duplicate merged into {hidden[rid]} (dedup --apply); "
                          f"exported as that record\n")
            elif rid not in found:
                err.write(f"warning: no record {rid} in {index_dir}; skipped\n")
                if missing is not None:
                    missing.append(rid)
        ids = list(dict.fromkeys(hidden.get(i, i) for i in ids))
        for rid in ids:  # a duplicate asked for (a hit of --query, a line of --ids): its master
            if rid in master_of:
                err.write(f"note: {rid} is a duplicate of {master_of[rid]} (dedup); exported as that record\n")
        keep = list(dict.fromkeys(master_of.get(i, i) for i in ids))
        found.update(store.get_many([i for i in keep if i not in found]))
        return [completed.get(i, found[i]) for i in keep if i in found]


def _cleaned(paths: list[str], err: TextIO, archives: bool) -> tuple[list[dict], int]:
    """The records of files and folders (``-``: those piped in), cleaned as `clean` cleans them;
    failures said on ``err``."""
    from ..cleaner import clean_bytes, clean_paths, read_stdin
    from ..readers import folder_notes
    from ..record import Failure

    if paths == ["-"]:
        items = clean_bytes(read_stdin(sys.stdin, err))
    else:
        for note in folder_notes(paths, archives):  # a folder of nothing to read, archives skipped
            err.write(f"Warning: {note}\n")
        items = clean_paths(paths, archives=archives)
    records, failed = [], 0
    from ..terminal import redraws

    tty = redraws(err)   # a count on a terminal: a large folder takes a while (not on TERM=dumb's)
    for item in items:
        if isinstance(item, Failure):
            failed += 1
            err.write(("\r\x1b[K" if tty else "") + f"Error: {item.message()}\n")
        else:
            records.append(item.to_json())
            if tty and len(records) % 1000 == 0:
                err.write(f"\rexport: {len(records):,} records read and cleaned")
                err.flush()
    if tty and len(records) >= 1000:
        err.write("\r\x1b[K")
    return records, failed


def run(args, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """0 done; 1 some input of --from failed, or an id of --ids is not in the index (reported,
    the rest written); 2 usage error (message on ``err``); 130 Ctrl-C with ``-o FILE``, which
    is then left as it was (written whole or not at all: :func:`_write`), and said so."""
    if getattr(args, "output", None) == "-":   # standard output's usual name, as given to any tool
        args.output = None
    output = getattr(args, "output", None)
    existed = bool(output) and os.path.lexists(output)
    try:
        return _run(args, out, err)
    except KeyboardInterrupt:
        if not output:   # records on stdout: main says it
            raise
        from ..cli import EXIT_INTERRUPTED, _fresh_line
        err.write(f"{_fresh_line()}Interrupted: {output} {'left as it was' if existed else 'not written'}.\n")
        return EXIT_INTERRUPTED


def _run(args, out: TextIO, err: TextIO) -> int:
    from ..store import STORE_NAME

    if getattr(args, "paths", None):
        if args.masters:
            err.write("Error: --masters needs an index (`dedup` finds the clusters there); with --from, "
                      "ingest the files first\n")
            return 2
        if "-" in args.paths and len(args.paths) > 1:
            err.write("Error: - reads the records piped in; give it alone (or save them to a file and name it).\n")
            return 2
        from ..cli import _among_inputs, _over_index

        problem = (_among_inputs("-o", args.output, args.paths, args.archives)
                   or _over_index("-o", args.output, args.index, held=False))   # (the index is not read)
        if problem:   # said before the files are read
            err.write(f"Error: {problem}.\n")
            return 2
        try:
            records, failed = _cleaned(args.paths, err, args.archives)
        except FileNotFoundError as e:
            err.write(f"Error: {e}\n")
            return 2
        from .common import citation_keys

        clashes: list = []
        keys = citation_keys(records, clashes=clashes) if args.format in KEYED else None   # files' order, before --sort
        _warn_of_clashes(clashes, records, err)
        from ..readers import unread_folders

        gave_nothing = args.paths != ["-"] and unread_folders(args.paths, args.archives)   # (as clean says it)
        return _write(args, records, out, err, keys) or (1 if failed or gave_nothing else 0)
    if args.archives:
        err.write("Error: --archives reads the archives of folders given with --from; an index already holds "
                  "what was ingested (ingest --archives FOLDER reads them into it)\n")
        return 2
    if not (Path(args.index) / STORE_NAME).exists():
        err.write(f"Error: no records in {args.index}. Run `python cli.py ingest PATH --index {args.index}` first "
                  f"(or export files directly: --from PATH).\n")
        return 2
    from ..index.query import QueryError
    from ..index.search import IndexMissing

    from ..cli import _among_inputs, _over_index

    problem = (args.ids and _among_inputs("-o", args.output, [args.ids])   # (the ids file overwritten by the records it lists)
               or _over_index("-o", args.output, args.index))
    if problem:
        err.write(f"Error: {problem}.\n")
        return 2
    missing: list[str] = []
    if args.query is not None:   # as search reads it: argv's bytes under a POSIX locale, a Notepad BOM
        from ..cli import _query_text

        args.query = _query_text(args.query)
    try:
        master_of: dict[str, str] = {}
        records = select(args.index, args.query, args.ids, args.masters, err, missing, master_of)
    except QueryError as e:   # said as `search` says it ("missing closing parenthesis" alone named no query)
        err.write(e.said_of(args.query) + "\n")
        return 2
    except (ValueError, IndexMissing) as e:  # an unreadable ids file, no index
        err.write(f"Error: {e}\n")
        return 2
    clashes: list = []
    keys = index_keys(args.index, records, clashes, master_of) if args.format in KEYED else None
    _warn_of_clashes(clashes, records, err)
    return _write(args, records, out, err, keys) or (1 if missing else 0)   # 1: an id asked for is not there


def index_keys(index_dir: str, records: list[dict] | None, clashes: list | None = None,
               masters: dict[str, str] | None = None, keep: bool = True) -> dict[str, str]:
    """The citation keys of ``records``, settled over the index in the order its records
    entered it, so that any part of it exported gets the same keys and an ingest adds keys
    without changing any (see :func:`.common.citation_keys`; ``clashes``: the records that
    came with one key).  Only the records of the years exported are read, and those that can
    have come with a key (read from BibTeX or CSL-JSON), which wins over a made key in any
    year: a made key holds its year, so no other year's can clash with it, and exporting a
    few records of a large index reads a few years, not all of it.  A key made is kept in the
    index with the record's DOI and title and given that paper again (though its year or title
    changed since, or it moved to another id: a thesis's ``\\cite`` of it stays that
    paper's), never another's; a master ``dedup --apply`` shows with a duplicate's key (the
    same paper's, cited before the merge) has no key made and kept of its own, and so has a
    master ``export --masters`` shows before any ``--apply`` (``masters``: a duplicate's id →
    its master's, beside those the store hides), as ``--apply`` will show it.  The keys made
    and the records are read at one moment.  ``records`` None: every record's key; not ``keep``:
    none kept (read only, as ``show`` reads a key)."""
    from ..store import Store
    from .common import KEYED_FORMATS, citation_keys, key_fingerprint, own_key

    with Store(index_dir, reading=True) as store:
        with store.snapshot():   # (an ingest committing between the two reads would skew the keys)
            given = store.given_keys()
            years = None if records is None else {r.get("year") for r in records}
            entered = list(store.first_entered(years, KEYED_FORMATS))
            hidden = {**store.hidden(), **(masters or {})}
            lent_before = store.lent_keys()
        lent: set[str] = set()
        keys = citation_keys(entered, clashes=clashes, given=given, masters=hidden, lent=lent, lent_before=lent_before)
        if not keep:
            return keys
        kept = {made["key"].casefold(): (made["id"], made["doi"], made["title"]) for made in given}
        prints = {keys[rec["id"]]: (rec["id"], *key_fingerprint(rec)) for rec in entered
                  if not own_key(rec) and rec["id"] not in lent}
        store.keep_keys({key: now for key, now in prints.items() if kept.get(key.casefold()) != now})
        store.keep_lent({rid: keys[rid] for rid in lent if lent_before.get(rid) != keys[rid]})
        return keys


def keyed_ids(index_dir: str, keys: list[str], hidden: dict[str, str]) -> dict[str, list[str]]:
    """The ids of the records each of ``keys`` is the citation key of (in any case), as export
    gives keys (:func:`index_keys`, none kept): ``show`` and ``export --ids`` take the key of the
    CSV's ``key`` column and of the BibTeX export.  A made key holds its record's year, so the
    records of the years the keys write are read first, as an export of them would, and the
    whole index for a key not found so (a record's year changed since its key was made).  A
    master ``dedup --apply`` shows with its duplicate's key is that key's record, not the
    duplicate hidden in it (``hidden``: the store's, duplicate id → master id).  Several ids:
    the key names no one record."""
    found: dict[str, list[str]] = {key: [] for key in keys}
    years = {int(y) for key in keys for y in _KEY_YEAR.findall(key)}
    for records in ([{"year": y} for y in (*sorted(years), None)], None):
        wanted = {key.strip().casefold(): key for key, ids in found.items() if not ids}
        if not wanted:
            break
        for rid, key in index_keys(index_dir, records, keep=False).items():
            asked = wanted.get(key.casefold())
            if asked is not None:
                found[asked].append(rid)
    return {key: [rid for rid in ids if hidden.get(rid) not in ids] for key, ids in found.items()}


# A year in a citation key (``wang2020spinal``; ``base_key`` writes the record's year there).
_KEY_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def may_be_key(store, text: str) -> bool:
    """Whether ``text`` can be a record's citation key as :func:`index_keys` gives it, told
    without making the index's keys (a second and more on 29,000 records), nor loading the
    writers or pinyin: asked of the start of a record's id (hex), which a key can be too.  A key
    is one a record came with (:func:`.common.own_key`: its source id or ``citation-key``) or
    one export made before and keeps, else one made of the record's surname, year and first
    title word (:func:`.keys.base_key`), any of them with letters after (of records that want
    one); a master ``dedup --apply`` shows with a duplicate's key shows one of these.  So only
    a record whose year is a number written in ``text``, or that has none, can have been made
    it.  False: it is no key; True: it may be one (:func:`keyed_ids` tells)."""
    from .keys import KEYED_FORMATS, base_key

    wanted = text.strip().casefold()
    if store.made_key(wanted) or wanted in {key.casefold() for key in store.lent_keys().values()}:
        return True
    if any(key.strip() and wanted.startswith(key.strip().casefold()) for key in store.came_keys(KEYED_FORMATS)):
        return True
    years = {int(run[i:j]) for run in re.findall(r"\d+", wanted)   # (up to 18 digits: an integer SQLite takes)
             for i in range(len(run)) for j in range(i + 1, min(len(run), i + 18) + 1)}
    made = {base_key(rec, pattern=True) for rec in store.first_entered({*years, None})}   # (a Chinese one: some letters)
    return any(re.fullmatch(f"{base}[a-z]*", wanted) for base in made)


def named_ids(index_dir: str, store, texts: list[str]) -> dict[str, tuple[list[str], list[str]]]:
    """What each of ``texts`` names in the index in ``store``: the ids it is or starts
    (:meth:`~indexer.store.Store.resolve`) and the records whose citation key it is
    (:func:`keyed_ids`), beside those.  A whole id is its record's, no key looked up; keys are
    looked up for the rest, but for the start of an id that cannot be a key
    (:func:`may_be_key`: an id's start is quick to resolve and a key is not).  One record in
    all: that record; more (the start of one record's id and the key of another too): it
    names none."""
    ids = {text: store.resolve(text) for text in texts}
    asked = [text for text, found in ids.items()
             if not found or found != [text.strip().lower()] and may_be_key(store, text)]
    keyed = keyed_ids(index_dir, asked, store.hidden()) if asked else {}
    return {text: (found, [rid for rid in keyed.get(text, []) if rid not in found]) for text, found in ids.items()}


def ambiguity(text: str, by_id: list[str], by_key: list[str]) -> str:
    """What to say of a record id's start or a citation key that names more than one record
    (:func:`named_ids`)."""
    keyed = ", ".join(by_key)
    if by_id and by_key:
        starts = f"the start of the record id {by_id[0]}" if len(by_id) == 1 else \
            f"the start of more than one record id ({', '.join(by_id)} …)"
        return f"{text} is {starts} and the citation key of {keyed}; give the whole id of the record meant"
    if by_id:
        return f"more than one record id starts with {text}; give more of it"
    return f"the citation key {text} is that of more than one record ({keyed}); give the record's id"


def _warn_of_clashes(clashes: list[tuple[dict, dict, str]], records: list[dict], err: TextIO) -> None:
    """Say once for each citation key that records exported came with (one of them at least):
    how many, the one that keeps it, and the key each other is written with."""
    from ..record import source_label
    from .common import own_key

    exported = {r["id"] for r in records}
    others: dict[str, list[tuple[dict, str]]] = {}
    firsts: dict[str, dict] = {}
    for first, second, key in clashes:   # (first: the record that keeps the key, in every pair of it)
        firsts[first["id"]] = first
        others.setdefault(first["id"], []).append((second, key))
    for rid, rest in others.items():
        first = firsts[rid]
        if rid not in exported and not any(second["id"] in exported for second, _ in rest):
            continue
        count = len(rest) + 1
        written = ", ".join(f"{source_label(second['source'])} ({own_key(second)}) {'is written ' if i == 0 else ''}as {key}"
                            for i, (second, key) in enumerate(rest))
        err.write(f"warning: {_NUMBER_WORDS.get(count, f'{count:,}')} records came with the citation key "
                  f"{own_key(first)}: {source_label(first['source'])} keeps it, {written}\n")


# What a reference needs, said once each when records lack it (a scraped page's abstract block
# has no title; a page copied in part no authors or year): written, but the reference is
# incomplete.  The title in every format; the rest in the citation formats, not CSV or JSONL,
# which are data.  A journal is a journal article's container.
_GAPS = (("no title", lambda r: not any((r.get("title") or {}).values()), None),
         ("no year", lambda r: not r.get("year"), "citation"),
         ("no authors", lambda r: _names_no_one(r), "citation"),
         ("no journal", lambda r: r.get("type") == "article-journal" and not _in_any_lang(r, "journal"),
          "citation"),
         # GB/T 7714 requires an online item's (one with a URL: [J/OL]); the others date none
         ("no access date (引用日期: GB/T 7714 requires it of an item read online; --accessed YYYY-MM-DD gives one)",
          lambda r: _undated_online(r), "gbt7714"))


def _undated_online(rec: dict) -> bool:
    from .common import accessed_parts, read_online
    return read_online(rec) and not accessed_parts(rec)


def _names_no_one(rec: dict) -> bool:
    """Whether a reference names no one responsible for the work where it should: no authors,
    nor the editors a whole book without authors is cited by (GB/T's ``许厚泽, 赵其国, 主编``),
    nor a patent's assignee (:func:`gbt7714.responsible_names`).  A whole periodical
    (``图书馆学通讯[J]. 1957(1)-1990(4)``, RIS JFULL) has no authors by nature, and a work the
    source says is anonymous (``佚名``, ``[Anonymous]``: ``extra.anonymous``) has none by its word:
    neither is a gap."""
    from .gbt7714 import responsible_names

    if rec.get("type") == "periodical" or (rec.get("extra") or {}).get("anonymous"):
        return False
    return not responsible_names(rec, True)


def _in_any_lang(rec: dict, field: str) -> str:
    from .common import in_lang
    return in_lang(rec, field, "")


def _warn_of_gaps(records: list[dict], fmt: str, err: TextIO) -> None:
    """One warning for each thing a reference needs that records lack: how many, and the
    first three (their ids and where they came from, or their titles)."""
    from ..record import source_label
    from ..terminal import shortened
    from .common import main_lang, in_lang

    for what, lacks, only in _GAPS:
        if only == "citation" and fmt in ("csv", "jsonl") or only == "gbt7714" and not fmt.startswith("gbt7714"):
            continue
        found = [r for r in records if lacks(r)]
        if not found:
            continue
        shown = ", ".join(f"{r['id']} ({shortened(in_lang(r, 'title', main_lang(r)), 50) or source_label(r['source'])})"
                          if what != "no title" else f"{r['id']} ({source_label(r['source'])})" for r in found[:3])
        more = f" and {len(found) - 3:,} more" if len(found) > 3 else ""
        err.write(f"warning: {len(found):,} record(s) have {what}, so their references are incomplete: "
                  f"{shown}{more}\n")


_NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}


def _write(args, records: list[dict], out: TextIO, err: TextIO, keys: dict[str, str] | None = None) -> int:
    """Order the records, date those read online (--accessed), warn of those without a title (year, authors,
    journal, access date), write them (``keys``: their citation keys, by id); 0 (written)."""
    if args.lang == "both" and not args.format.startswith("gbt7714"):
        err.write("note: --lang both applies to gbt7714 and gbt7714-ay; other formats carry both languages in their own "
                  "fields, written here in each record's own language\n")
    if args.sort and args.sort != "author" and args.format == "gbt7714-ay":
        err.write(f"note: an author-year list (gbt7714-ay) is ordered by author; --sort {args.sort} is not used\n")
    if args.sort:
        from .common import ordered

        records = ordered(records, args.sort, args.lang if args.lang in ("zh", "en") else None)
    if getattr(args, "accessed", None):   # the day the user read those online without their own
        from .common import with_accessed

        records = [with_accessed(r, args.accessed) for r in records]
    lang = args.lang if args.lang != "both" or args.format.startswith("gbt7714") else None

    def write(f: TextIO, bom: bool) -> int:
        if bom:
            f.write("\ufeff")
        return export(records, args.format, f, lang, keys)

    # Excel opens a CSV file without a BOM in the system's code page (GBK on Chinese Windows): 乱码
    bom = args.format in ("ris", "csv") and args.bom or args.format == "csv" and bool(args.output)
    if not args.output:
        if not records and args.query is None:   # (a query that found nothing has said so)
            err.write("note: nothing to export\n")   # (an empty index, one pruned: as -o says it)
        _warn_of_gaps(records, args.format, err)
        try:
            write(out, bom)
            out.flush()
        except BrokenPipeError:   # the reader stopped (`| head`): no error
            raise
        except OSError as e:   # a full disk (`> /dev/full`), an I/O error
            from ..cli import STDOUT, _output_failed
            raise _output_failed(STDOUT, e) from None
        return 0
    if not records:   # a query that found nothing does not empty the file it names (a thesis's .bib)
        kept = "left as it was" if Path(args.output).exists() else "not written"
        err.write(f"note: nothing to export; {args.output} {kept}\n")
        return 0
    existed = os.path.lexists(args.output)
    f, part, target = _open_output(args.output, args.format)
    try:
        _warn_of_gaps(records, args.format, err)   # (once the file can be written: else the error alone)
        with f:
            n = write(f, bom)
        if part:
            os.replace(part, target)
            part = None
    except (OSError, KeyboardInterrupt) as e:   # a disk that filled up while writing, Ctrl-C
        from ..errors import OutputFailed
        if part:   # the file is left as it was
            with contextlib.suppress(OSError):
                os.unlink(part)
            if isinstance(e, KeyboardInterrupt):
                raise   # (run says so)
            raise OutputFailed(args.output, e, "it was left as it was" if existed else "it was not written") from None
        if isinstance(e, KeyboardInterrupt):   # a device or pipe, written as it went
            from ..cli import EXIT_INTERRUPTED, _fresh_line
            err.write(f"{_fresh_line()}Interrupted: {args.output} holds part of the export only.\n")
            return EXIT_INTERRUPTED
        raise OutputFailed(args.output, e, "it holds part of the export only") from None
    finally:   # (no temporary file left behind, whatever stopped the writing)
        f.close()
        if part:
            with contextlib.suppress(OSError):
                os.unlink(part)
    suffix = SUFFIXES[args.format]
    # (a device, /dev/null or a pipe, has no suffix to give)
    hint = "" if args.output.endswith(suffix) or args.output.startswith("/dev/") or not Path(args.output).is_file() \
        else f" (usual suffix: {suffix})"
    err.write(f"wrote {n:,} record{'' if n == 1 else 's'} to {args.output} as {args.format}{hint}\n")
    return 0


def _open_output(output: str, fmt: str) -> tuple[TextIO, str | None, str]:
    """The file to write ``-o output`` to, the temporary file beside it that is renamed to
    it once written whole (None: written in place), and the file it is renamed to (a link
    followed: the file is replaced, not the link): Ctrl-C or a full disk while writing leaves
    the file as it was.  A device or pipe (``-o /dev/stdout``), or a folder in which no file can be
    made (a writable file in a read-only folder), is written in place."""
    newline = "" if fmt == "csv" else None
    target = os.path.realpath(output)   # (a link to the file: the file is replaced, not the link)
    # in place as before: a file the user may not write (its error said), one with other hard links
    # (they would keep the old text), a name under /dev (/dev/stdout, redirected to a file or not)
    replaceable = not os.path.exists(target) or (
        os.path.isfile(target) and os.access(target, os.W_OK) and os.stat(target).st_nlink == 1)
    if replaceable and not os.path.abspath(output).startswith("/dev/"):
        try:
            fd, part = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".part",
                                        dir=os.path.dirname(target))
        except OSError:
            pass
        else:
            if os.path.exists(target):   # its mode kept (mkstemp makes 0600)
                shutil.copymode(target, part)
            else:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(part, 0o666 & ~umask)
            return os.fdopen(fd, "w", encoding="utf-8", newline=newline), part, target
    return open(output, "w", encoding="utf-8", newline=newline), None, target   # (a folder: said by main)
