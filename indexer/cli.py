"""Command line of the bilingual literature-record cleaner and indexer (``python cli.py``).

Data goes to stdout, progress and messages to stderr.  Exit codes:
  0  everything read and processed (a search or export that finds nothing too: a note says so)
  1  some input failed (each failure reported on stderr, and in --json / --failures output), or a
     folder given gave no file to read (a warning says why)
  2  usage error (bad option, missing file, unknown format, no index, an id too short), or an output that cannot
     be written (a full disk, read-only media)
  130  interrupted (Ctrl-C)
"""
from __future__ import annotations

import argparse
import errno
import os
import re
import sys
import textwrap
from pathlib import Path

EXIT_OK, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report it
DEFAULT_INDEX = "index_data"
ARCHIVES_HELP = ("also read the archives (.zip, .7z, .rar, .tar.gz …) in the folders given; by default a folder's "
                 "archives are skipped, as they often hold the files beside them (an archive named is always read)")

EPILOG_CLEAN = """examples:
  python cli.py clean ../shared/seed/000_ce99a9668d82360c.txt
  python cli.py clean --json exports/ > cleaned.jsonl
  python cli.py clean --json --failures failed.jsonl page1.txt page2.txt
  python cli.py clean refs.zip             # an archive (.zip, .tar.gz, .gz …) named is read as its files
  xclip -o | python cli.py clean -         # - reads records piped in (a page copied, say) as <stdin>
  python cli.py clean -                    # on a terminal: paste, then Ctrl-D
  python cli.py clean --json -- -refs.ris  # a path that starts with - comes after -- (or ./-refs.ris)
"""
EPILOG_INGEST = """examples:
  python cli.py ingest samples/            # into ./index_data
  python cli.py ingest --index /tmp/idx exports/cnki.txt
  python cli.py ingest --json exports/ > summary.json   # read/added/updated/unchanged/removed/failed,
                                                      # unread_folders (given, no file to read: exit 1)
  python cli.py ingest --prune exports/    # also drop the records of files deleted from exports/
  python cli.py ingest --prune old/        # old/ moved away: drop all its records
  python cli.py ingest --prune old.ris     # old.ris deleted: drop its records
  python cli.py ingest --rebuild           # search index damaged: rebuild it from the stored records
  python cli.py ingest savedrecs.zip       # an archive named is read as its files (a folder's are skipped)
  python cli.py ingest --archives downloads/   # a folder's archives read too
  python cli.py ingest --index /tmp/idx -- -refs.ris   # a path that starts with - comes after -- (or ./-refs.ris)
read counts the records read whole, failures apart: read = added + updated + unchanged;
ingesting the same file again adds nothing; a changed record replaces its old version;
records a file no longer holds (read without failures) are removed (one with failures keeps
them, with a warning: fix it and ingest it again); in an index where
`dedup --apply` was run, the duplicates are found and hidden again afterwards.
"""
EPILOG_SEARCH = """query language:
  words are ANDed; OR, NOT (or a leading -: -word, -"phrase", -title:x, -(a OR b)) and
  parentheses combine them; "quoted phrases" in either language (“ ” and 「 」 too, and
  full-width （ ） ：); Chinese matches as written, from one character up (癌 finds 肺癌),
  in either script (台湾 = 臺灣); English matches
  inflections (cells = cell) and parts (IL-6 finds IL 6 and IL6); canc* is any word that starts
  with canc, wom?n one letter in place of ?, doi:10.1016/* a DOI prefix.  At most 64 words and
  operators, 500 characters, parentheses 16 deep.
  without a field: title, abstract, keywords, and funders and grant numbers (a DOI pasted
  alone, or its https://doi.org/ link, is searched as doi:; "PMID: 33587412" alone as pmid:).
  fields: title: abstract: keyword: author: journal: funder: award: doi: pmid: pmcid: lang:zh|en|中文
          section:conclusion|结论 format:ris type:thesis|学位论文 year:2019 year:2018..2021 year:..2001
          clc:R445|R73* (中图分类号: a code, a class and those under it)
  author: a name as references write it ("Smith, John", "Smith JA", "John Smith"); a
          Chinese name and its pinyin find each other (王建国, "Wang Jianguo", "Wang JG").
  a query that finds nothing says on stderr what would (author:王建国, "did you mean title:?";
          OR for or; with --json only a value no record has, section:discussion, and how a word was
          read: Traditional characters, a mark at a term's end, 肿瘤。); whatever it
          finds, a value no record has, a quote never closed ("spinal metastasis) and a query of
          common words only (the of and) are said on stderr and in --json's "notes".

examples:
  python cli.py search 脊柱转移
  python cli.py search "spinal metastasis" --limit 5
  python cli.py search 'title:肉瘤 year:2015.. NOT lang:en'
  python cli.py search 'award:81702662' --json
  python cli.py search 'author:"Wang JG" year:2020..'
  python cli.py search 脊柱转移 --sort newest     # the latest first
  python cli.py search 'canc* wom?n'           # truncation: cancer(s), cancerous; woman, women
  printf '癌\\nIL-6\\n' | python cli.py search --batch --limit 100
  python cli.py search -- '-癌 肿瘤'           # a query that starts with - comes after --
  python cli.py search --index DIR --limit 5 -- -癌   # options before --: after it every word is the query's
"""
EPILOG_DEDUP = """Clusters are printed side by side, numbered, the master (most complete record) marked *,
fields on which the records differ marked ≠ (a long value from a word before where it
differs: "… in elderly patients"); each says why its records were linked (one that
needs review, for each linked pair by column numbers: "1 = 3: …") and whether that is
certain or needs review.  Counts are PRISMA's: identified, duplicates
removed (those --apply removes, the certain ones; before --apply, said so, not "removed"),
remaining; the duplicates in clusters that need review are counted apart.  --json
"counts": identified, duplicates_found (all), duplicates_removed, duplicates_to_review
(waiting for --review: found less removed), remaining (identified less removed),
needs_review (clusters); "by_file": identified and remaining of each file ingested
(PRISMA's records per database, each database's export a file; a file inside an archive
apart, its "member" named), also listed under the summary (refs.zip/cnki.ris; by folder
when there are many files in several folders).

  --review  walks the clusters that need review: merge / not duplicates / skip / quit;
            in a cluster of three or more, the numbers of the records that are one paper
            split it ("1 3" or "1,3" merges records 1 and 3 and keeps the others apart;
            "1 3; 2 4" makes two papers; numbers naming no two records as one paper are
            asked again), stored as "merge" within each part and "not duplicates"
            between them.
            Decisions are kept in INDEX/dedup_decisions.json and applied on every later
            run; "not duplicates" is never overruled.  In a cluster that needs review, the
            records joined by certain links are a group ("groups" in --json), merged by
            --apply; "not duplicates" parts the groups, not the records of one group.
  --apply   merges the certain clusters and groups and those a reviewer merged: search and export
            show each one's master, its missing fields (and the other language of a
            Chinese/English pair) filled from the others, the others' keywords added, a
            given name of initials (Chen L.) written out as another gives it (Chen, Li),
            an abstract cut off replaced by
            a whole one, an author list cut off (et al.) by a longer one, a year the
            other records disagree with by the one most give, with the record each
            came from in merged.provenance; the others
            are hidden, not deleted.  Clusters that need review wait for --review;
            --apply --all merges them too (and so does every later ingest that
            merges again, until an --apply without --all).
            An ingest into an index deduplicated so makes it again with the
            records as they are then (an edited file, new files).
  --undo    restores every record and the index as they were before --apply.
  --map F   writes a CSV: old_id,kept_id,path,record for every record.
  --undo --json prints {"masters_restored", "records_shown"}: the masters restored as
            ingested and the hidden duplicates shown again.
  --decisions  lists the stored review decisions ("merge: ID ID", "not duplicates: ID ID"),
               by the ids their records have now (a record its file gained above moved them).
  --forget ID  removes those that name the record (--undo keeps them): its cluster
               is judged by its links again and --review asks again; --apply then
               merges so.

examples:
  python cli.py dedup
  python cli.py dedup --json --index /tmp/idx > clusters.json
  python cli.py dedup --review
  python cli.py dedup --apply --map kept.csv
  python cli.py dedup --apply --all     # the Chinese/English pairs too, unreviewed
  python cli.py dedup --undo
  python cli.py dedup --decisions
  python cli.py dedup --forget f7f8e668f7ff2cbe   # take back the review answers on it
"""
EPILOG_STATS = """examples:
  python cli.py stats                       # records per language, format and year; index size
  python cli.py stats --index my_index --json
"""

EPILOG_SHOW = """examples:
  python cli.py show 39ba2dba3a0c8595
  python cli.py show 39ba2d                 # the start of an id is enough when only one has it
  python cli.py show li2021surgical         # a citation key, as the CSV export's key column and BibTeX give it
  python cli.py show --json 39ba2dba3a0c8595 0a1b2c3d4e5f6789
"""


def dumps(obj) -> str:
    from indexer.jsonio import dumps as _dumps

    return _dumps(obj)


STDOUT = "standard output"


def _out(line: str) -> None:
    _write(line + "\n")


def _write(text: str) -> None:
    try:
        sys.stdout.write(text)
    except BrokenPipeError:   # the reader stopped (`| head`): no error
        raise
    except OSError as e:   # a full disk (`> /dev/full`), an I/O error
        raise _output_failed(STDOUT, e) from None


class _Stdout:
    """Standard output for what writes to a stream (``dedup --review``): what it cannot write
    is said as :func:`_out` says it, not as an OSError without a file name."""

    write = staticmethod(_write)
    flush = staticmethod(lambda: _flush())


def _ask(prompt: str) -> str:
    """One answer read from stdin after ``prompt`` on standard output (``input`` wrote the prompt
    itself: on a full disk its OSError was said "[Errno 28] No space left on device", naming nothing)."""
    _write(prompt)
    _flush()
    return input()


def _output_failed(what: str, error: OSError):
    """The OutputFailed to raise for ``error`` while writing ``what``; standard output's
    unwritten buffer is dropped (Python would write it again at exit, and fail again)."""
    from indexer.errors import OutputFailed

    if what == STDOUT:
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):   # (a stdout that is no file: a test's)
            pass
    return OutputFailed(what, error)


def _flush() -> None:
    """Flush standard output: what it could not write is said as :func:`_out` says it."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as e:
        raise _output_failed(STDOUT, e) from None


def _err(line: str) -> None:
    sys.stderr.write(line + "\n")


def _check_writable(path: str | None) -> None:
    """Raise what opening ``path`` for writing would, before any work: a ``--failures`` path
    that cannot be written is said at once, not after a long run whose failures it was to
    keep.  The file itself is not created yet (it may lie in a folder being read)."""
    if not path:
        return
    target = Path(path)
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
    if not target.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), path)
    where = target if target.exists() else target.parent
    if not os.access(where, os.W_OK):   # (on read-only media, for root too)
        code = errno.EROFS if _read_only(where) else errno.EACCES
        raise OSError(code, os.strerror(code), path)


def _dash(option: str, path: str | None) -> str:
    """Why ``option -`` is refused: ``--failures -`` and ``--map -`` wrote a file named ``-``
    where the run was, and standard output holds the run's own output (its records, its
    summary); "" for any other name.

    >>> _dash("--map", "-").split(";")[0], _dash("--map", "map.csv")
    ("--map -: '-' would be a file named so, and standard output holds this run's own output", '')
    """
    if path != "-":
        return ""
    return (f"{option} -: '-' would be a file named so, and standard output holds this run's own output; "
            "give a file's name")


def _among_inputs(option: str, path: str | None, paths, archives: bool = False) -> str:
    """Why ``option path``, a file the run writes, cannot be where it is: one of the files it
    reads (``--failures z.ris`` overwrote z.ris's records with the failures), or in a folder it
    walks (the next run read the failures as records); "" when it lies apart."""
    from indexer.readers import input_holding

    if why := _dash(option, path):
        return why
    found = path and input_holding(path, paths, archives)
    if not found:
        return ""
    given, read = found
    if read:
        inside = "" if os.path.realpath(given) == os.path.realpath(path) else f" (in {given})"
        return f"{option} {path} is a file this run reads{inside}: writing it would overwrite what it holds; give another file"
    return f"{option} {path} is in {given}, a folder this run reads: the next run would read it as records; write it outside that folder"


def _over_index(option: str, path: str | None, index: str, held: bool = True) -> str:
    """Why ``option path``, a file the run writes, cannot be where it is: in the ``--index``
    folder (``dedup --map INDEX/records.sqlite`` wrote CSV over the store, ``-o
    INDEX/dedup_decisions.json`` over every review decision), the folder itself, or (``held``)
    a file the index holds records of (``dedup --map pubmed.ris`` overwrote an export
    ingested); "" when it lies apart.  Links are followed, and a hard link is its file."""
    if not path or (why := _dash(option, path)):
        return why if path else ""
    from indexer.readers import _identity

    target = _identity(path)
    real, folder = os.path.realpath(path), os.path.realpath(index)
    inside = real == folder or real.startswith(os.path.join(folder, ""))
    linked = False
    if not inside and os.path.exists(path) and os.path.isdir(index):   # a hard link to its store
        try:
            linked = any(_identity(entry.path) == target for entry in os.scandir(index))
        except OSError:
            pass
    if inside or linked:
        return (f"{option} {path} is {'a link to a file ' if linked else ''}in {index}, the index folder: writing it "
                "would overwrite what the index keeps (its records, its review decisions); write it outside that folder")
    from indexer.store import STORE_NAME

    if not held or not os.path.exists(path) or not (Path(index) / STORE_NAME).exists():
        return ""
    import sqlite3

    from indexer.errors import DamagedIndex
    from indexer.store import Store

    try:
        with Store(index, create=False, reading=True) as store:
            files = set(store.files().values())
    except (DamagedIndex, OSError, sqlite3.Error):   # (the run says what is wrong with the index)
        return ""
    if any(_identity(f) == target for f in files):
        return (f"{option} {path} is a file {index} holds records of: writing it would overwrite the records "
                "the index was read from; give another file")
    return ""


def _read_only(path: Path) -> bool:
    """Whether ``path`` lies on a file system mounted read-only (chmod will not help there)."""
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):   # (no statvfs on Windows)
        return False


def _write_failures(failures, path: str | None) -> None:
    if not path:
        return
    try:
        with open(path, "w", encoding="utf-8") as fh:
            for f in failures:
                fh.write(dumps(f.to_json()) + "\n")
    except OSError as e:   # a disk that filled up during the run
        raise _output_failed(f"--failures {path}", e) from None


def _note_folders(paths, archives: bool) -> list[str]:
    """Warn of a folder given that holds no file to read (a folder of PDFs, say: the run
    would otherwise end with "0 records" and no reason), or whose archives are skipped;
    the warnings, for a --json summary."""
    from indexer.readers import folder_notes

    notes = folder_notes(paths, archives)
    for note in notes:
        _err(f"Warning: {note}")
    return notes


def _unread(paths, archives: bool) -> list[str]:
    """The folders given that gave no file to read (exit 1, as an empty file gives), as shown."""
    from indexer.readers import shown_path, unread_folders

    return [shown_path(p) for p in unread_folders(paths, archives)]


def _nothing_read(folders: list[str]) -> str:
    """The summary's word on the folders given that gave no file to read: why a run whose
    summary says "failed 0" exits 1."""
    return (f"nothing read from {', '.join(folders)} (no file there to read: see the warning above), "
            "so the exit status is 1, as for an empty file")


def cmd_clean(args) -> int:
    from indexer.cleaner import clean_bytes, clean_paths, read_stdin
    from indexer.record import Failure
    from indexer.show import format_failure, format_record

    if "-" in args.paths and len(args.paths) > 1:
        _err("Error: - reads the records piped in; give it alone (or save them to a file and name it).")
        return EXIT_USAGE
    _check_writable(args.failures)
    problem = _among_inputs("--failures", args.failures, args.paths, args.archives)
    if problem:
        _err(f"Error: {problem}.")
        return EXIT_USAGE
    if args.paths == ["-"]:
        items = clean_bytes(read_stdin(sys.stdin, sys.stderr), args.format)
    else:
        _note_folders(args.paths, args.archives)
        items = clean_paths(args.paths, args.format, args.archives)
    failures = []
    count = 0
    from indexer.terminal import Progress

    # (on a terminal the records themselves show progress)
    progress = Progress(not args.quiet and sys.stderr.isatty() and not sys.stdout.isatty())
    listed = not args.json and not args.quiet and _one_terminal()   # its ✗ line says it there
    try:
        for item in items:
            if isinstance(item, Failure):
                failures.append(item)
                progress.clear()
                if not listed:
                    _err(f"Error: {item.message()}")
                if args.json:
                    _out(dumps(item.to_json()))
                elif not args.quiet:
                    _out(format_failure(item))
                continue
            _out(dumps(item.to_json()) if args.json else format_record(item) + "\n")
            count += 1   # (once written: a Ctrl-C before it is not counted)
            progress.update(count, f"clean: {count:,} records, {len(failures):,} failed,")
    except KeyboardInterrupt:   # what was written is a part: said, so a saved output is not taken for the whole
        progress.clear()
        _err(f"{_fresh_line()}Interrupted: {count:,} record(s) and {len(failures):,} failure(s) written; the output is "
             "partial (the input was not read to its end)" + (f", and {args.failures} not written." if args.failures
                                                             else "."))
        return EXIT_INTERRUPTED
    progress.clear()
    _write_failures(failures, args.failures)
    unread = [] if args.paths == ["-"] else _unread(args.paths, args.archives)
    if not args.quiet:
        _err(f"{count} record(s) cleaned, {len(failures)} failure(s)")
        if unread:
            _err(_nothing_read(unread))
    return EXIT_FAILURES if failures or unread else EXIT_OK


def _one_terminal() -> bool:
    """Whether stdout and stderr are the same terminal, where a failure said on both was shown
    twice (a script that keeps stderr apart still has it there)."""
    try:
        return sys.stdout.isatty() and sys.stderr.isatty() and \
            os.ttyname(sys.stdout.fileno()) == os.ttyname(sys.stderr.fileno())
    except (OSError, ValueError, AttributeError):
        return False


def cmd_ingest(args) -> int:
    from indexer.index.ingest import ingest
    from indexer.readers import is_pipe

    if not args.paths and not args.rebuild:
        _err("Error: give a PATH to ingest (a file or folder), or --rebuild.")
        return EXIT_USAGE
    if "-" in args.paths:   # an index keeps each record by its file and place in it
        _err("Error: ingest reads files and folders, not records piped in (-): save them to a file and ingest "
             "that (clean - and export --from - read stdin; a file named - is ./-).")
        return EXIT_USAGE
    piped = [p for p in args.paths if is_pipe(p)]
    if piped:   # a pipe's path (/dev/fd/63) names no file: the next pipe's records would replace these
        _err(f"Error: ingest reads files and folders, not a pipe ({piped[0]}: `<(…)` or a named pipe): its "
             "records would be kept under a path the next pipe is given too; save them to a file and ingest "
             "that (clean and export --from read a pipe).")
        return EXIT_USAGE
    _check_writable(args.failures)
    problem = (_among_inputs("--failures", args.failures, args.paths, args.archives)
               or _over_index("--failures", args.failures, args.index))
    if problem:
        _err(f"Error: {problem}.")
        return EXIT_USAGE
    notes = _note_folders(args.paths, args.archives)   # said before the run, and in --json's warnings
    made = not os.path.lexists(args.index)
    try:
        summary = ingest(args.paths, args.index, fmt=args.format, quiet=args.quiet, prune=args.prune,
                         rebuild=args.rebuild, archives=args.archives)
    except KeyboardInterrupt as stop:   # (a folder the run made is removed: see ingest)
        from indexer.index.ingest import Ended

        try:   # (a closed terminal, SIGHUP, cannot be written)
            _err(f"{_fresh_line()}{stop if isinstance(stop, Ended) else 'Interrupted'}: nothing from this run was "
                 "written; " + (f"{args.index}, the folder it had made, is removed."
                                if made and not os.path.lexists(args.index) else f"{args.index} is as it was."))
        except OSError:
            pass
        if isinstance(stop, Ended):   # ended by its signal, as it would have been
            stop.end()
        return EXIT_INTERRUPTED
    from indexer.errors import OutputFailed

    for f in summary.failures:
        _err(f"Error: {f.message()}")
    for warning in summary.warnings:
        _err(f"Warning: {warning}")
    summary.warnings[:0] = notes
    # (with --prune, a folder emptied is one whose records go: no failure)
    unread = [] if args.prune else _unread(args.paths, args.archives)
    try:
        _write_failures(summary.failures, args.failures)
        if args.json:
            shown = {}
            for key, value in summary.to_json().items():   # beside "failed": why a run of none failed exits 1
                shown[key] = value
                if key == "failed":
                    shown["unread_folders"] = unread
            _out(dumps(shown))
            _flush()
        elif not args.quiet:
            _err(summary.describe())
            if unread:
                _err(_nothing_read(unread))
    except OutputFailed as e:   # the records are in the index all the same: a script must not ingest again
        e.done = (f"this run's records are committed to {args.index} all the same ({summary.added:,} added, "
                  f"{summary.updated:,} updated, {summary.removed:,} removed, {len(summary.failures):,} failed)")
        raise
    return EXIT_FAILURES if summary.failures or unread else EXIT_OK


def _print_hits(result: dict, query: str) -> None:
    from indexer.index.query import readable
    from indexer.record import source_label

    _out(f"{result['total']} hit(s) for {readable(query)}")   # an ideographic space shown as typed
    for i, hit in enumerate(result["hits"], 1):
        title = hit["title"].get("zh") or hit["title"].get("en") or next(iter(hit["title"].values()), "(no title)")
        src = hit["source"]
        _out(f"{i:>3}. {title}  [{hit['year'] or '----'}]  {hit['score']:.2f}")
        _out(f"     {source_label(src)} [{src['format']}]  id {hit['id']}")
        if hit.get("snippet"):
            _out(f"     {hit['snippet']}")


def _notes_of(notes: list[str]) -> dict:
    """The ``notes`` a search result's JSON object holds beside its hits, when there are any
    (a program reads them there; the hits and their keys are as without)."""
    return {"notes": notes} if notes else {}


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value}: must be 1 or more")
    return value


def _query_text(text: str) -> str:
    """A query as typed: bytes that are not UTF-8 (stdin and argv keep them as surrogates, which
    nothing downstream can write) are read as GB18030 when they are that (a query file saved on
    Chinese Windows), as files are, else become U+FFFD; a BOM or zero-width space around it (the
    first line of a query file saved by Notepad) is not part of it."""
    from indexer.charsets import text_of

    text = text_of(text.encode("utf-8", "surrogateescape"))
    return text.strip().strip("\ufeff\u200b\u200c\u200d\u2060").strip()


def cmd_search(args) -> int:
    from indexer.errors import DamagedIndex
    from indexer.index.search import IndexMissing, QueryError, Searcher

    if args.batch and args.query:
        _err("Error: give a QUERY or --batch (queries read from stdin), not both.")
        return EXIT_USAGE
    try:
        searcher = Searcher(args.index, mapped=args.batch)
    except IndexMissing as e:
        _err(f"Error: {e}.")
        return EXIT_USAGE
    with searcher:
        if args.batch:
            # One query per line on stdin, one JSON line per query, flushed after each.  Read as
            # bytes, each line as UTF-8 or GB18030 (_query_text), whatever the locale's encoding
            # (PYTHONIOENCODING=gb18030 made a UTF-8 line a traceback, or 肿瘤 a search for 鑲跨槫).
            for line in getattr(sys.stdin, "buffer", sys.stdin):
                query = _query_text(line if isinstance(line, str) else line.decode("utf-8", "surrogateescape"))
                try:
                    # as a new process would see it: another may have ingested or pruned meanwhile
                    searcher.refresh()
                except (IndexMissing, DamagedIndex) as e:   # (tried again at the next query)
                    _out(dumps({"query": query, "total": 0, "hits": [], "error": f"{e}"}))
                    _flush()
                    continue
                try:
                    result = searcher.search(query, limit=args.limit, sort=args.sort)
                    result.update(_notes_of(searcher.said(query, bool(result["total"]))))
                except QueryError as e:
                    result = {"query": query, "total": 0, "hits": [], "error": str(e)}
                except Exception as e:  # a bug on one query must not end the batch: the next still get answers
                    result = {"query": query, "total": 0, "hits": [], "error": f"search failed: {type(e).__name__}: {e}"}
                _out(dumps(result))
                _flush()
            return EXIT_OK
        if not args.query:
            _err("Error: give a QUERY (or --batch to read queries from stdin).")
            return EXIT_USAGE
        query = _query_text(" ".join(args.query))
        try:
            result = searcher.search(query, limit=args.limit, sort=args.sort)
        except QueryError as e:   # with --json, on stdout too, as --batch gives it (a script reads one object)
            _said_as_json(args, query, str(e))
            _err(e.said_of(query))
            return EXIT_USAGE
        except (RecursionError, MemoryError) as e:
            _said_as_json(args, query, f"too complex to search ({type(e).__name__}); shorten it")
            _err(f"Error: query {query[:80]!r} is too complex to search ({type(e).__name__}); shorten it.")
            return EXIT_USAGE
        # How the query was read, whatever it finds: values no record has (section:discussion),
        # a quote never closed, common words only; when it finds nothing, for a person reading
        # the terminal also where the words are (an author's name), and titel: (the advice reads
        # pypinyin for a Chinese name: some 0.15 s, spared a --json caller).
        notes = searcher.said(query, bool(result["total"])) if args.json or result["total"] else searcher.notes(query)
    if args.json:
        _out(dumps({**result, **_notes_of(notes)}))
    else:
        _print_hits(result, query)
    _flush()
    for note in notes:
        _err(f"note: {note}")
    return EXIT_OK


def _said_as_json(args, query: str, error: str) -> None:
    """A query that cannot be searched, with ``--json``: the object ``--batch`` writes for it
    (``"error"`` beside no hits) on stdout, where a script reads the answer (it had nothing)."""
    if args.json:
        _out(dumps({"query": query, "total": 0, "hits": [], "error": error}))
        _flush()


def cmd_show(args) -> int:
    from indexer.export.command import ambiguity, named_ids
    from indexer.show import format_json
    from indexer.store import STORE_NAME, Store

    if not (Path(args.index) / STORE_NAME).exists():
        _err(f"Error: no records in {args.index}. Run `python cli.py ingest PATH --index {args.index}` first.")
        return EXIT_USAGE
    status = EXIT_OK
    with Store(args.index, reading=True) as store:
        hidden = store.hidden()
        asked = list(map(_query_text, args.ids))
        named = named_ids(args.index, store, asked)
        for rid in asked:
            by_id, by_key = named[rid]  # the id, or the start of one; the record whose citation key it is
            found = by_id + by_key
            if len(found) > 1:
                _err(f"Error: {ambiguity(rid, by_id, by_key)}")
                status = max(status, EXIT_FAILURES)
                continue
            rec = store.get(found[0]) if found else None
            if rec is None and len(rid.strip()) < 4 and store.ids_starting(rid.strip().lower(), 1):
                _err(f"Error: {rid} is too short to name a record: give at least 4 characters of its id")
                status = EXIT_USAGE   # (a usage error, not an id the index lacks)
                continue
            if rec is None:
                _err(f"Error: no record with id {rid} in {args.index}, nor with that citation key (as export gives it)")
                status = max(status, EXIT_FAILURES)
                continue
            _out(dumps(rec) if args.json else format_json(rec) + "\n")
            if rec["id"] in hidden:   # (shown as ingested: search and export give its master instead)
                master = hidden[rec["id"]]
                _err(f"note: {rec['id']} is a duplicate hidden by `dedup --apply`: search and export show "
                     f"{master} in its place (`show {master}`; `dedup --undo` shows it again)")
    return status


def _years_by_decade(by_year: dict[str, int]) -> dict[str, int]:
    """Counts per year for reading: beyond a dozen years, the years of the latest decade one
    by one and the earlier ones by decade ("1950s"), so that a corpus of 1953-2018 is not
    sixty numbers in a row (--json keeps every year)."""
    years = [int(k) for k in by_year if k != "unknown"]
    if len(years) <= 12:
        return by_year
    latest = max(years) // 10 * 10
    out: dict[str, int] = {}
    for k, n in by_year.items():
        label = k if k == "unknown" or int(k) >= latest else f"{int(k) // 10 * 10}s"
        out[label] = out.get(label, 0) + n
    return out


def cmd_stats(args) -> int:
    from indexer.index.layout import INDEX_SUBDIR
    from indexer.store import STORE_NAME, Store

    if not (Path(args.index) / STORE_NAME).exists():
        _err(f"Error: no records in {args.index}. Run `python cli.py ingest PATH --index {args.index}` first.")
        return EXIT_USAGE

    def size(path: Path) -> int:
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0

    def counts(pairs, by_value: bool = False) -> dict[str, int]:
        """Most frequent first (years in order); a record without the value is "unknown", last."""
        pairs = sorted(pairs, key=lambda kv: (kv[0] is None, str(kv[0]) if by_value else -kv[1]))
        return {("unknown" if k is None else str(k)): n for k, n in pairs}

    with Store(args.index, reading=True) as store:
        stats = {"index": args.index, "records": len(store),
                 "by_language": counts(store.counts("lang")),
                 "by_format": counts(store.counts("format")),
                 "by_year": counts(store.counts("year"), by_value=True),
                 "index_bytes": size(Path(args.index) / INDEX_SUBDIR),
                 "store_bytes": (Path(args.index) / STORE_NAME).stat().st_size,
                 "hidden_duplicates": len(store.hidden()),
                 "missing_files": {path: len(ids) for path, ids in store.missing_files().items()}}
    from whoosh import index as windex

    from indexer.index.layout import not_searchable

    apart = _out_of_step(args.index)
    if why := not_searchable(args.index):   # (these counts are the store's: search refuses the index)
        _err(f"Warning: {why}.")
    elif not windex.exists_in(Path(args.index) / INDEX_SUBDIR):   # search finds nothing (stats said "index 0.0 MB")
        _err(f"Warning: the search index in {args.index} is missing (or incomplete); `python cli.py ingest --rebuild "
             f"--index {args.index}` (or any ingest into it) builds it from its records.")
    elif apart:  # the records above are the store's; search would count others
        _err(f"Warning: the search index in {args.index} does not hold these records ({apart}); "
             f"`python cli.py ingest --rebuild --index {args.index}` rebuilds it from them.")
    if args.json:
        _out(dumps(stats))
        return EXIT_OK
    _out(f"{stats['records']:,} records in {args.index}  (index {stats['index_bytes'] / 1e6:.1f} MB, "
         f"store {stats['store_bytes'] / 1e6:.1f} MB)")
    if not stats["records"]:   # (blank "by language:", "by format:" and "by year:" lines had said it)
        import shlex
        _out("  the index is empty: ingest files into it (python cli.py ingest PATH --index "
             f"{shlex.quote(str(args.index))})")
        return EXIT_OK
    stats["by_year"] = _years_by_decade(stats["by_year"])
    from indexer.terminal import view_width

    width = view_width(sys.stdout)   # (on a terminal, a long line wraps under its values; else one line)
    for title, key in (("language", "by_language"), ("format", "by_format"), ("year", "by_year")):
        line = f"  by {title}: " + ", ".join(f"{k}\xa0{n:,}" for k, n in stats[key].items())   # (a value by its count)
        _out("\n".join(textwrap.wrap(line, width, subsequent_indent=" " * len(f"  by {title}: "), break_long_words=False,
                                      break_on_hyphens=False)).replace("\xa0", " ") if width else line.replace("\xa0", " "))
    if stats["hidden_duplicates"]:
        _out(f"  {stats['hidden_duplicates']:,} of them hidden as duplicates by `dedup --apply`: search and export "
             f"show {stats['records'] - stats['hidden_duplicates']:,} (`dedup --undo` shows them again)")
    if stats["missing_files"]:
        from indexer.index.ingest import missing_note
        _out(missing_note(stats["missing_files"], args.index))
    return EXIT_OK


def _out_of_step(index: str) -> str:
    """Why the search index does not hold the stored records (a run killed between their
    commits), "" when it does or cannot be read (search says that)."""
    from indexer.index.layout import INDEX_SUBDIR, index_is_current, open_index, out_of_step, read_errors
    from whoosh import index as windex

    path = Path(index) / INDEX_SUBDIR
    if not index_is_current(index) or not windex.exists_in(path):
        return ""
    try:
        return out_of_step(index, open_index(path))
    except read_errors():
        return ""


def cmd_dedup(args) -> int:
    from indexer.index.ingest import Vanishing
    from indexer.store import STORE_NAME

    if not (Path(args.index) / STORE_NAME).exists():
        _err(f"Error: no records in {args.index}. Run `python cli.py ingest PATH --index {args.index}` first.")
        return EXIT_USAGE
    if args.undo and (args.apply or args.review or args.map):   # (--map had been left unwritten, silently)
        _err("Error: --undo cannot be combined with --apply, --review or --map (after --undo every record is "
             "its own: run dedup --map FILE to write what the clusters keep).")
        return EXIT_USAGE
    if (args.forget or args.decisions) and (args.apply or args.review or args.undo or args.map or args.all):
        _err("Error: --forget and --decisions go alone (list the decisions, take some back, then --review or --apply).")
        return EXIT_USAGE
    if args.all and not args.apply:
        _err("Error: --all goes with --apply (it merges the clusters that need review too).")
        return EXIT_USAGE
    problem = args.map and _unwritable(args.map)
    if problem:  # said before anything is applied, not after the merges are made
        _err(f"Error: --map {args.map}: {problem}; nothing was changed.")
        return EXIT_USAGE
    problem = _over_index("--map", args.map, args.index)   # (the files dedup reads are those the index holds)
    if problem:
        _err(f"Error: {problem}; nothing was changed.")
        return EXIT_USAGE
    during = ("dedup --apply" if args.apply else "dedup --undo" if args.undo else
              "dedup --review" if args.review else "dedup --forget" if args.forget else "dedup")
    # the index folder (or its store) deleted while this runs is said as an ingest says it, and
    # is not made again (a new empty store and search index, and the run said it had applied)
    # (--apply: its undo commits first; --review: each answer is written to the decisions file at once)
    with Vanishing(args.index, committed=bool(args.apply or args.review or args.forget), during=during):
        return _dedup(args)


def _dedup(args) -> int:
    from indexer import merge
    from indexer.review import describe, review, side_by_side
    from indexer.store import Store

    try:
        if args.forget or args.decisions:
            return _decisions(args)
        if args.undo:
            done = merge.undo(args.index, quiet=False)
            _out(dumps(done) if args.json else
                 f"undone: {done['masters_restored']:,} masters restored as ingested, "
                 f"{done['records_shown']:,} hidden duplicates shown again")
            return EXIT_OK
        stats: dict = {}
        records, clusters = merge.clusters_for(args.index, stats)
        by_id = {r["id"]: r for r in records}
        if args.review:
            if not sys.stdin.isatty() and args.json:
                _err("Error: --review asks questions on the terminal; it cannot be used with --json.")
                return EXIT_USAGE
            counts = review(args.index, clusters, by_id, _ask, _Stdout())
            split = f"{counts['split']} split, " if counts["split"] else ""
            _err(f"review: {counts['merge']} merged, {split}{counts['distinct']} not duplicates, {counts['skip']} skipped "
                 f"of {counts['pending']} needing review; decisions in {merge.decisions_path(args.index)}")
            records, clusters = merge.clusters_for(args.index, stats)
        if args.apply:
            # the records as merged: those read above may be older than the lock apply waited
            # for (an ingest writing meanwhile added, changed or removed records)
            records, clusters = merge.apply(args.index, everything=args.all, quiet=False)
            by_id = {r["id"]: r for r in records}
    except ValueError as e:  # a damaged decisions file
        _err(f"Error: {e}")
        return EXIT_USAGE
    except OSError as e:  # the decisions file cannot be written: a read-only index folder
        if e.errno not in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise
        from indexer.index.layout import unwritable
        _err(f"Error: {unwritable(args.index, e)}.")
        return EXIT_USAGE
    with Store(args.index, create=False) as store:  # applied now, by this run or an earlier one
        hidden_ids = store.hidden()
        hidden = len(hidden_ids)
        files = store.files()
    applied = hidden > 0 or args.apply
    everything = merge.merges_all(args.index)
    merged = merge.applied(clusters, everything)   # the certain groups of a cluster to review too
    pending = len(merge.to_review(clusters))
    # not applied: the duplicates a plain --apply removes (an --apply --all undone is no more)
    counts = {**merge.prisma(records, clusters, everything and applied), "needs_review": pending}
    if args.map:
        try:
            merge.write_map(args.map, records, merged)
        except BrokenPipeError:
            raise
        except OSError as e:   # a disk that filled up (checked writable before the run)
            failed = _output_failed(f"--map {args.map}", e)
            if args.apply:
                failed.done = "the merges are applied all the same (undo with --undo)"
            raise failed from None
        _err(f"wrote {len(records):,} old id → kept id rows to {args.map}")
    if stats["skipped"]:
        _err(_skipped_blocks(stats))
    by_file = merge.prisma_by_file(records, clusters, everything and applied, files=files)
    if args.json:
        # hidden: the duplicates search and export hide now, which the counts leave when a decision
        # was taken since the last --apply (the text's summary counts these, and says what --apply would do)
        _out(dumps({"clusters": clusters, "counts": counts, "by_file": by_file, "applied": applied,
                    "hidden": hidden, "skipped_blocks": stats["skipped"]}))
        return EXIT_OK
    found = (f"{counts['identified']:,} records identified, {_many(len(clusters), 'cluster')} of the same work "
             f"({pending:,} {'needs' if pending == 1 else 'need'} review)")
    waiting = counts["duplicates_to_review"]
    # a decision taken since the last --apply (a merge forgotten, a cluster decided): what search
    # and export hide is as that --apply left it, as `stats` says, until the next --apply
    outdated = applied and hidden != counts["duplicates_removed"]
    if outdated:
        _out(f"{found}, {_many(hidden, 'duplicate')} removed, {counts['identified'] - hidden:,} remaining")
        by_file = merge.prisma_by_file(records, clusters, removed=hidden_ids, files=files)
    elif applied:
        _out(f"{found}, {_many(counts['duplicates_removed'], 'duplicate')} removed, {counts['remaining']:,} remaining"
             + (f" ({waiting:,} more {'waits' if waiting == 1 else 'wait'} for review)" if waiting else ""))
    else:  # nothing is removed yet: what --apply removes, apart from what waits for review
        _out(f"{found}: {_many(counts['duplicates_found'], 'duplicate')}, {counts['duplicates_removed']:,} certain, "
             f"which --apply removes ({counts['remaining']:,} remaining)"
             + (f", and {waiting:,} in clusters that need review" if waiting else ""))
    if applied:
        _out(f"applied{'' if args.apply else ' (by an earlier --apply)'}: search and export "
             f"{'now ' if args.apply else ''}show the master of each {'' if everything or not pending else 'certain '}"
             f"cluster, completed from its duplicates (undo with --undo)")
        if outdated:  # decisions taken since
            _out(f"  decisions were taken since: as the clusters are now, --apply removes "
                 f"{_many(counts['duplicates_removed'], 'duplicate')} ({counts['remaining']:,} remaining)"
                 + (f", and {waiting:,} in clusters that need review" if waiting else ""))
        if pending and not everything:
            _out(f"  {_many(pending, 'cluster')} {'needs' if pending == 1 else 'need'} review and "
                 f"{'was' if pending == 1 else 'were'} left as {'it is' if pending == 1 else 'they are'} "
                 f"(but for their certain groups): "
                 f"decide {'it' if pending == 1 else 'them'} with --review, or merge them all with --apply --all")
    for line in _by_file_lines(by_file):
        _out(line)
    if not args.review:
        shown = _completed_masters(args.index, merged) if applied else {}
        for i, c in enumerate(clusters, 1):
            _out(f"\n[{i}] {describe(c)}")
            for line in side_by_side(c, by_id):
                _out(line)
            if c["master"] in shown:
                _out(f"  completed: {shown[c['master']]}")
            for g in c.get("groups") or []:  # a certain group's master, merged by --apply
                if g["master"] in shown and g["master"] != c["master"]:
                    _out(f"  completed {g['master']} (its certain group's master): {shown[g['master']]}")
    return EXIT_OK


def _decisions(args) -> int:
    """``dedup --decisions`` lists the reviewer's stored decisions; ``--forget ID`` removes
    those that name the record (its clusters are judged by their links again)."""
    from indexer import merge

    if args.forget:
        gone = merge.forget(args.index, args.forget)
        if args.json:
            _out(dumps({"removed": gone}))
        else:
            _err(f"forgot {_many(len(gone), 'decision')} naming {', '.join(args.forget)}"
                 + ("" if gone else ": none names it (dedup --decisions lists them)")
                 + ("; run dedup --apply to merge as the clusters are now" if gone else ""))
        for d in gone if not args.json else ():
            _out(f"{'not duplicates' if d['decision'] == 'distinct' else d['decision']}: {' '.join(d['ids'])}")
        return EXIT_OK if gone else EXIT_FAILURES
    decisions = merge.current_decisions(args.index)
    if args.json:
        _out(dumps({"decisions": decisions}))
    for d in decisions if not args.json else ():
        _out(f"{'not duplicates' if d['decision'] == 'distinct' else d['decision']}: {' '.join(d['ids'])}")
    if not args.json:
        _err(f"{_many(len(decisions), 'decision')} in {merge.decisions_path(args.index)}")
    return EXIT_OK


def _by_file_lines(by_file: list[dict], most: int = 12) -> list[str]:
    """The records identified and remaining of each file (PRISMA's per source), the most
    first, named from their common folder; past ``most`` files in more than one folder, each
    folder once; past ``most`` rows, the rest summed in one.  A file inside an archive is named as
    failures name it (``refs.zip/cnki.ris``).  One file is listed too: its name is what PRISMA's
    "identified from …" needs, which the counts above do not say.

    >>> print("\\n".join(_by_file_lines([{"path": "/d/cnki.txt", "identified": 8, "remaining": 8},
    ...                                   {"path": "/d/pubmed.txt", "identified": 120, "remaining": 90}])))
      by file (identified, remaining), in /d:
           120       90  pubmed.txt
             8        8  cnki.txt
    """
    from indexer.record import where

    if not by_file:
        return []
    paths = [Path(where(f["path"], f.get("member"))) for f in by_file]   # refs.zip/cnki.ris
    top = Path(os.path.commonpath([p.parent for p in paths])) if all(p.is_absolute() for p in paths) else None
    # many files: each folder once (a folder of a download per page), unless they share one
    folded = len(by_file) > most and len({p.parent for p in paths}) > 1
    rows: dict[str, list[int]] = {}
    for f, path in zip(by_file, paths):
        name = path.relative_to(top) if top else path
        row = rows.setdefault(str(name.parent if folded else name), [0, 0, 0])
        row[0] += f["identified"]
        row[1] += f["remaining"]
        row[2] += 1
    ordered = sorted(rows.items(), key=lambda row: (-row[1][0], row[0]))
    if len(ordered) > most:
        rest = ordered[most - 1:]
        ordered = ordered[:most - 1] + [(f"{len(rest):,} more {'folders' if folded else 'files'}",
                                         [sum(row[i] for _, row in rest) for i in range(3)])]
    lines = [f"  by {'folder' if folded else 'file'} (identified, remaining){f', in {top}' if top else ''}:"]
    for name, (identified, remaining, files) in ordered:
        lines.append(f"  {identified:>8,} {remaining:>8,}  {name}" + (f" ({_many(files, 'file')})" if folded else ""))
    return lines


def _unwritable(path: str) -> str:
    """Why a file cannot be written at ``path``, as the system says it (a folder there, its
    folder missing, read-only media, no permission: "permission denied" was said of all but
    the first two, which sent the user to chmod on a read-only disk), or "" when it can."""
    try:
        _check_writable(path)
    except OSError as e:
        return e.strerror or str(e)
    return ""


_BLOCK_KINDS = {"doi": "one DOI", "pmid": "one PMID", "title": "one title", "place": "one year, volume and page",
                "prefix": "one title start", "author": "one first author and year",
                "pinyin": "one first author in pinyin and year", "copy": "copies of one record"}


def _skipped_blocks(stats: dict) -> str:
    """The warning for blocks too big to compare, whose records were never compared so:
    duplicates among them are not found (a generic title, a common name)."""
    from indexer.dedup import MAX_BLOCK

    kinds = ", ".join(f"{n:,} of {_BLOCK_KINDS.get(kind, kind)}" for kind, n in sorted(stats["skipped_by"].items()))
    n = stats["skipped"]
    return (f"Warning: {_many(n, 'block')} of records too big to compare pair by pair (over {MAX_BLOCK}) "
            f"{'was' if n == 1 else 'were'} skipped ({kinds}): duplicates only {'it' if n == 1 else 'they'} "
            f"would bring together are not found")


def _many(n: int, word: str) -> str:
    """``n`` and ``word``, plural but for one: "1 cluster", "5 clusters"."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _completed_masters(index_dir: str, merged: list[dict]) -> dict[str, str]:
    """What each applied master took from its duplicates, as "abstract.en, pmid from ID; …",
    by master id (none for a master shown as it was)."""
    from indexer.store import Store

    with Store(index_dir, create=False) as store:
        masters = store.get_many([c["master"] for c in merged])
    out = {}
    for rid, rec in masters.items():
        by_donor: dict[str, list[str]] = {}
        for field, donor in sorted(((rec.get("merged") or {}).get("provenance") or {}).items()):
            by_donor.setdefault(donor, []).append(field)
        if by_donor:
            out[rid] = "; ".join([f"{', '.join(fields)} from {donor}" for donor, fields in sorted(by_donor.items())]
                                 + (rec["merged"].get("notes") or []))
    return out


class _Version(argparse.Action):
    """``--version``: the installed package's version, looked up only when asked (start-up stays short)."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, help="print the version and exit")

    def __call__(self, parser, namespace, values, option_string=None):
        from importlib.metadata import PackageNotFoundError, version
        try:
            text = version("lit-indexer")
        except PackageNotFoundError:
            text = "unknown (not installed: run `make install`)"
        print(f"lit-indexer {text}")
        parser.exit()


def _did_you_mean(written: str, known) -> str:
    """" (did you mean X?)" for a word that is a slip of one of ``known`` (``serach`` →
    search, ``--limt`` → --limit), else "": argparse says only "invalid choice" (Python
    3.11 has no suggest_on_error).

    >>> _did_you_mean("serach", ["clean", "search", "show"]), _did_you_mean("xyz", ["clean"])
    (' (did you mean search?)', '')
    """
    near = _nearest(written, known)
    return f" (did you mean {near}?)" if near else ""


def _nearest(written: str, known) -> str:
    """The one of ``known`` that ``written`` is a slip of, else ""."""
    import difflib

    near = difflib.get_close_matches(written, list(known), n=1, cutoff=0.6)
    return near[0] if near else ""


_INVALID_CHOICE = re.compile(r"invalid choice: '(?P<written>[^']*)' \(choose from (?P<known>.*)\)$")


def _suggested(message: str) -> str:
    """argparse's "invalid choice" ``message`` with the choice nearest what was written."""
    m = _INVALID_CHOICE.search(message)
    if not m:
        return message
    return message + _did_you_mean(m.group("written"), re.findall(r"'([^']*)'", m.group("known")))


class _Parser(argparse.ArgumentParser):
    """The top level's parser: a command misspelt (``serach``) is said with the one meant."""

    def error(self, message):
        super().error(_suggested(message))


class _CommandParser(argparse.ArgumentParser):
    """A command's parser: an argument missing is said with the options it does not know
    (``clean --bogus`` said only that PATH was missing, as if --bogus were fine), and an
    option or choice misspelt with the one meant (``--limt`` → --limit)."""

    def parse_known_args(self, args=None, namespace=None):
        given = list(sys.argv[1:] if args is None else args)
        self._given = given[:given.index("--")] if "--" in given else given
        return super().parse_known_args(args, namespace)

    def _known_option(self, written: str) -> bool:
        """An option of this command as argparse takes it: whole, or its start (``--form``)."""
        return written in self._option_string_actions or (
            written[:2] == "--" and any(o.startswith(written) for o in self._option_string_actions))

    def error(self, message):
        unknown = [a for a in getattr(self, "_given", ()) if a[:1] == "-" and a[1:2].isalpha() or a[:2] == "--"
                   if not self._known_option(a.split("=", 1)[0])]
        if message.startswith("the following arguments are required") and unknown:
            message += f"; unrecognized arguments: {' '.join(unknown)}"
        if message.startswith(("unrecognized arguments", "the following arguments are required")):
            longs = [o for o in self._option_string_actions if o[:2] == "--"]
            near = {a: _nearest(a.split("=", 1)[0], longs) for a in unknown}
            near = {a: n for a, n in near.items() if n}
            if near:
                message += "; did you mean " + (next(iter(near.values())) if len(near) == 1 else
                                                ", ".join(f"{n} (for {a})" for a, n in near.items())) + "?"
        super().error(_suggested(message))


def _reading_options(p: argparse.ArgumentParser, format_help: str, failures_help: str, quiet_help: str) -> None:
    """The options of the commands that read files (clean, ingest)."""
    p.add_argument("--format", help=format_help)
    p.add_argument("--failures", metavar="FILE", help=failures_help)
    p.add_argument("--archives", action="store_true", help=ARCHIVES_HELP)
    p.add_argument("-q", "--quiet", action="store_true", help=quiet_help)


def _prog() -> str:
    """The name usage lines give: ``lit-indexer`` run as the installed command (it said
    ``usage: cli.py``, a file the user never ran), else ``cli.py``, as the examples write it
    (``python -m indexer.cli`` too)."""
    return "lit-indexer" if Path(sys.argv[0] if sys.argv else "").stem == "lit-indexer" else "cli.py"


def build_parser() -> argparse.ArgumentParser:
    from indexer.index import SORTS as SEARCH_SORTS  # (the package alone: whoosh is not imported)
    from indexer.terminal import HelpFormatter

    parser = _Parser(
        prog=_prog(), description="Clean, index and search Chinese/English literature records.",
        formatter_class=HelpFormatter,
        epilog="exit codes: 0 all read (a search or export that finds nothing too); 1 some input failed "
               "(reported; a folder given that gives no file to read too); 2 usage error, or an output that "
               "cannot be written; 130 interrupted (Ctrl-C)\n\n"
               "progress: redrawn in place on a terminal; with TERM=dumb (a screen reader, a log) a line every "
               "10,000 records instead\n\n"
               "run `python cli.py COMMAND --help` for examples")
    parser.add_argument("--version", action=_Version)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_CommandParser)

    p = sub.add_parser("clean", help="read and clean records, print them", epilog=EPILOG_CLEAN,
                       formatter_class=HelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="files, folders (walked) or archives (.zip, .tar.gz, .gz …)")
    p.add_argument("--json", action="store_true", help="one contract record (or failure object) per line")
    _reading_options(p, "force the input format instead of detecting it",
                     "also write failures (with raw text) as JSON lines", "no summary on stderr")
    p.set_defaults(func=cmd_clean)

    p = sub.add_parser("ingest", help="clean records and add them to the index", epilog=EPILOG_INGEST,
                       formatter_class=HelpFormatter)
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="files, folders (walked) or archives (.zip, .tar.gz, .gz …) to read into the index")
    p.add_argument("--index", default=DEFAULT_INDEX, help=f"index folder (default {DEFAULT_INDEX}/)")
    p.add_argument("--rebuild", action="store_true",
                   help="first rebuild the search index from the records stored beside it (a damaged index); "
                        "PATH may then be left out")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument("--prune", action="store_true",
                   help="also remove the records of files deleted from the folders given (or of a file or folder "
                        "that is gone)")
    _reading_options(p, "force the input format", "write failures (with raw text) as JSON lines",
                     "no progress or summary on stderr")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("search", help="search the index", epilog=EPILOG_SEARCH,
                       formatter_class=HelpFormatter)
    p.add_argument("query", nargs="*", help="words in Chinese or English (see the query language below)")
    p.add_argument("--index", default=DEFAULT_INDEX, help=f"index folder (default {DEFAULT_INDEX}/)")
    p.add_argument("--limit", type=_positive_int, default=10, help="maximum hits (default 10)")
    p.add_argument("--sort", choices=SEARCH_SORTS, default="relevance",
                   help="order of hits: relevance (default), or by year, newest or oldest first (records "
                        "without a year last; the same year by relevance)")
    p.add_argument("--json", action="store_true",
                   help='print {"query", "total", "hits": [each the contract record with its "score" and "snippet"]}; '
                        'a query that cannot be searched, {"query", "total": 0, "hits": [], "error"} (exit 2), as '
                        '--batch prints it')
    p.add_argument("--batch", action="store_true",
                   help="read one query per line on stdin, print one JSON object per line (flushed)")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("show", help="print stored records by id", epilog=EPILOG_SHOW,
                       formatter_class=HelpFormatter)
    p.add_argument("ids", nargs="+", metavar="ID",
                   help="record ids (as search, dedup and export print them), or the start of one (4 characters "
                        "or more), or a record's citation key (the CSV export's key column, BibTeX's key; any "
                        "case); an id is a record's place in its file, so one noted before a record was added "
                        "or removed above it may now show another paper (ingest says so), where a key follows its paper")
    p.add_argument("--index", default=DEFAULT_INDEX, help=f"index folder (default {DEFAULT_INDEX}/)")
    p.add_argument("--json", action="store_true", help="the contract record, one per line")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("dedup", help="find records of the same work (across databases and languages)",
                       epilog=EPILOG_DEDUP, formatter_class=HelpFormatter)
    p.add_argument("--index", default=DEFAULT_INDEX, help=f"index folder (default {DEFAULT_INDEX}/)")
    p.add_argument("--json", action="store_true",
                   help='print {"clusters": [{"records", "master", "confidence", "reasons", "links", '
                        '"groups" (of a cluster that needs review)}], "counts", "by_file": [{"path", '
                        '"member"?, "identified", "remaining"}], "applied", "hidden" (the duplicates search '
                        'and export hide now: duplicates_removed until a decision is taken after --apply), '
                        '"skipped_blocks"}')
    p.add_argument("--review", action="store_true", help="decide the uncertain clusters in the terminal")
    p.add_argument("--apply", action="store_true",
                   help="merge the certain clusters, the certain groups of those that need review, and "
                        "those a reviewer merged: show masters only, completed from their duplicates")
    p.add_argument("--all", action="store_true",
                   help="with --apply: merge the clusters that need review too (an ingest merging again does so too)")
    p.add_argument("--undo", action="store_true", help="undo --apply")
    p.add_argument("--map", metavar="FILE", help="write old id → kept id as CSV")
    p.add_argument("--decisions", action="store_true", help="list the reviewer's stored decisions")
    p.add_argument("--forget", metavar="ID", nargs="+",
                   help="remove the stored decisions that name these records (take a review answer back)")
    p.set_defaults(func=cmd_dedup)

    from indexer.export import command as export_command

    p = sub.add_parser("export", help="write records as RIS, BibTeX, BibLaTeX, CSL-JSON, EndNote, CSV, JSONL "
                                      "or a GB/T 7714 or Vancouver reference list", epilog=export_command.EPILOG,
                       formatter_class=HelpFormatter)
    p.add_argument("--index", default=DEFAULT_INDEX, help=f"index folder (default {DEFAULT_INDEX}/)")
    export_command.add_arguments(p)
    p.set_defaults(func=lambda args: export_command.run(args, sys.stdout, sys.stderr))

    p = sub.add_parser("stats", help="records per language, format and year; index size", epilog=EPILOG_STATS,
                       formatter_class=HelpFormatter)
    p.add_argument("--index", default=DEFAULT_INDEX, help=f"index folder (default {DEFAULT_INDEX}/)")
    p.add_argument("--json", action="store_true", help="print the counts as one JSON object")
    p.set_defaults(func=cmd_stats)
    for name, command in sub.choices.items():  # its own usage for an argument it does not know
        command.set_defaults(command_parser=command)
    return parser


def _utf8_names() -> None:
    """Run the command again in Python's UTF-8 mode when it decodes file names otherwise (a
    GB18030 or POSIX locale with PYTHONUTF8=0): a name is then judged by its bytes, as in any
    UTF-8 locale (a UTF-8 name was refused as "not UTF-8", or read as 鑲跨槫 for 肿瘤 under
    other ids).  The arguments are given again as the bytes they were."""
    if sys.flags.utf8_mode or sys.getfilesystemencoding().lower().replace("-", "") == "utf8" \
            or not sys.executable or not getattr(sys, "orig_argv", None):
        return
    os.execv(sys.executable, [sys.executable, "-X", "utf8", *sys.orig_argv[1:]])


def main(argv: list[str] | None = None) -> int:
    if argv is None:   # (the command line's, not a caller's)
        _utf8_names()
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            # a file name that is not UTF-8 is shown escaped, never a traceback
            stream.reconfigure(encoding="utf-8", errors="backslashreplace" if stream is sys.stderr else "strict")
    from indexer.errors import DamagedIndex, OutputFailed, UnknownFormat

    parser = build_parser()
    _options_before_command(parser, sys.argv[1:] if argv is None else list(argv))
    args, unknown = parser.parse_known_args(argv)
    if unknown:  # said with the command's usage (argparse gives the top level's)
        hint = ("; a query that starts with - comes after --: python cli.py search -- '-癌 肿瘤'"
                if args.command == "search" and any(u.startswith("-") and not u.startswith("--") for u in unknown) else "")
        args.command_parser.error(f"unrecognized arguments: {' '.join(unknown)}{hint}")
    for word in _options_after_dashes(args):
        _err(f"Warning: {word} comes after --, so it is read as {_POSITIONAL.get(args.command, 'an argument')}, "
             f"not as an option; options go before --: python cli.py {args.command} {word.split('=')[0]} … -- …")
    if sys.stdin is None and _reads_stdin(args):  # run with stdin closed (`<&-`, some cron setups)
        _err("Error: stdin is closed, and this command reads it; give it a file, or `< /dev/null`.")
        return EXIT_USAGE
    try:
        problem = _index_problem(args)
        if problem:
            _err(f"Error: {problem}.")
            return EXIT_USAGE
        status = args.func(args)
        _flush()   # (what it could not write is said here, not as a traceback at exit)
        return status
    except OutputFailed as e:   # a full disk, read-only media: what could not be written, and why
        _err(f"Error: {e}.")
        return EXIT_USAGE
    except FileNotFoundError as e:
        where = f"{e.filename}: {e.strerror}" if e.filename else (e.args[0] if e.args else e)
        _err(f"Error: {where}. Check the path and try again.")
        return EXIT_USAGE
    except UnknownFormat as e:
        _err(f"Error: {e.args[0] if e.args else e}")
        return EXIT_USAGE
    except DamagedIndex as e:
        _err(f"Error: {e}.")
        return EXIT_USAGE
    except (IsADirectoryError, NotADirectoryError, PermissionError) as e:  # an output path, say
        _err(f"Error: {e.filename}: {e.strerror}." if e.filename else f"Error: {e}.")
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    except OSError as e:   # an output that cannot be opened (a read-only folder, EROFS): said, never a traceback
        _err(f"Error: {e.filename}: {e.strerror}." if e.filename else f"Error: {e}.")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return _interrupted()


def _option_of(command: argparse.ArgumentParser, written: str):
    """The action of ``command`` that ``written`` names, as argparse takes it (whole, or the
    start of one long option), else None."""
    name = written.split("=", 1)[0]
    if name in command._option_string_actions:
        return command._option_string_actions[name]
    found = {command._option_string_actions[o] for o in command._option_string_actions
             if name[:2] == "--" and o.startswith(name)}
    return found.pop() if len(found) == 1 else None


def _options_before_command(parser: argparse.ArgumentParser, given: list[str]) -> None:
    """Options written before the command (``cli.py --json search x``), said as what they are:
    argparse took them as the top level's, and said "unrecognized arguments: --json" under a
    usage that lists [--json], or for one with a value (``--index DIR search x``) "invalid
    choice: 'DIR'".  The command's usage, and the line written the right way round, exit 2."""
    top = parser._option_string_actions
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
    if not given or given[0][:1] != "-" or given[0] in ("-", "--") or given[0].split("=", 1)[0] in top:
        return
    at = next((i for i, w in enumerate(given) if w in commands), None)
    if at is None or "--" in given[:at] or any(w.split("=", 1)[0] in top for w in given[:at]):
        return
    name, command, rest = given[at], commands[given[at]], given[at + 1:]
    moved, foreign, follows_foreign = [], [], False
    for word in given[:at]:
        if word[:1] == "-":
            follows_foreign = _option_of(command, word) is None
            (foreign if follows_foreign else moved).append(word)
        elif not follows_foreign:   # the value of the option before it
            moved.append(word)
    said = []
    for word in foreign:
        owners = [n for n, p in commands.items() if _option_of(p, word)]
        said.append(f"{word.split('=', 1)[0]} is not an option of {name}"
                    + (f" (it is of {', '.join(owners)})" if owners else ""))
    options = [w.split("=", 1)[0] for w in moved if w[:1] == "-"]
    if options:
        import shlex
        end = rest.index("--") if "--" in rest else len(rest)
        line = [name, *rest[:end], *moved, *rest[end:]]
        said.append(f"{' and '.join(options)} {'is an option' if len(options) == 1 else 'are options'} of "
                    f"{name}: write {'it' if len(options) == 1 else 'them'} after the command: "
                    f"{'lit-indexer' if _prog() == 'lit-indexer' else 'python cli.py'} {shlex.join(line)}")
    elif any(_option_of(p, w) for w in foreign for p in commands.values()):
        said.append("options go after the command")
    command.error("; ".join(said))


def _index_problem(args) -> str:
    """Why the command cannot use its --index as it is, checked before it opens anything (which
    would create an empty store): a file given for the folder (raised as ingest raises it, whose
    message every command gives), an index a newer version wrote, or a search index whose store is lost (see
    :func:`~indexer.index.layout.store_lost`); "" when neither.  ``ingest --rebuild PATH`` is
    the repair, and ``export --from`` reads no index."""
    from indexer.index.layout import newer_version, require_folder, store_lost

    if getattr(args, "index", None) is None or (args.command == "export" and args.paths):
        return ""
    require_folder(args.index)
    if newer_version(args.index):   # not rebuilt in this version's older format
        return newer_version(args.index)
    return "" if args.command == "ingest" and args.rebuild and args.paths else store_lost(args.index)


_POSITIONAL = {"search": "a word of the query", "show": "an ID", "clean": "a PATH", "ingest": "a PATH",
               "export": "a PATH of --from"}


def _options_after_dashes(args) -> list[str]:
    """The command's own options among the words it took as its query, paths or ids: after
    ``--`` every word is one (``search -- -癌 --index DIR`` searched the default index for
    '-癌 --index DIR')."""
    options = args.command_parser._option_string_actions
    words = [w for name in ("query", "paths", "ids") for w in (getattr(args, name, None) or ())]
    return [w for w in words if w.startswith("-") and w.split("=", 1)[0] in options]


def _reads_stdin(args) -> bool:
    """``search --batch``, ``clean -``, ``export --from -`` and ``dedup --review`` read stdin."""
    return bool(getattr(args, "batch", False) or getattr(args, "review", False)
                or args.command in ("clean", "export") and "-" in (getattr(args, "paths", None) or ()))


def _fresh_line() -> str:
    """What starts a message after Ctrl-C: a newline on a terminal, where the ^C echoed or a
    progress line left the cursor mid-line; nothing in a log or a pipe (a blank line there)."""
    return "\n" if sys.stderr.isatty() else ""


def _interrupted() -> int:
    _err(f"{_fresh_line()}Interrupted.")
    return EXIT_INTERRUPTED


if __name__ == "__main__":  # python -m indexer.cli
    raise SystemExit(main())
