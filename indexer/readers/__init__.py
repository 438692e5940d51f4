"""Readers: one module per input format, registered by name, alias and suffix.

:func:`read_paths` walks files and folders, decodes each file, picks its reader (by
``--format`` or by content) and yields records and failures in a stable order.
"""
from __future__ import annotations

import collections
import io
import itertools
import os
import re
import shlex
import shutil
import stat
import sys
import tempfile
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from ..record import Failure, Record
import importlib

# One module per input format; importing a module registers its reader.  A tie of sniffs goes to
# the reader that comes first here (the registry is put in this order once all are imported, so
# a module importing another's helpers does not move that reader): a PubMed page copied before a
# scraped page (whose reader is as sure of a PubMed page's many "Label:" lines).
READER_MODULES = ("pubmed_page", "scraped_page", "ris", "refworks", "refer", "medline", "wos", "noteexpress",
                  "estudy", "bibtex", "csl_json", "pubmed_text", "csv_reader", "pubmed_xml", "endnote_xml",
                  "spreadsheet", "gbt7714", "record_jsonl")
for _name in READER_MODULES:
    try:
        importlib.import_module(f"{__name__}.{_name}")
    except ModuleNotFoundError as _e:  # a format module not written yet
        if _e.name != f"{__name__}.{_name}":
            raise

from ._xml import has_text
from .archive import SUFFIXES as ARCHIVE_SUFFIXES, archive_kind, read_archive
from .base import (CUT_SHORT, REGISTRY, PlainSource, export_starting, find_reader, glued_at, known_formats,
                   results_page, sniff_reader, unread_export)
from .decode import HEAD_CHARS, LINE_END, DecodeError, binary_head, open_text, shown_path
from .spreadsheet import is_spreadsheet


def _in_module_order() -> None:
    """Put :data:`REGISTRY` in :data:`READER_MODULES`' order (it is in the order modules were
    imported, which a module importing another's helpers changes)."""
    rank = {f"{__name__}.{name}": i for i, name in enumerate(READER_MODULES)}
    readers = sorted(REGISTRY.values(), key=lambda r: rank.get(type(r).__module__, len(rank)))
    REGISTRY.clear()
    REGISTRY.update((r.name, r) for r in readers)


_in_module_order()

SPREADSHEET = REGISTRY["spreadsheet"]

__all__ = ["REGISTRY", "find_reader", "known_formats", "read_paths", "iter_files", "read_file"]

SKIP_DIRS = {".git", ".venv", "__pycache__", "node_modules", ".cache"}
# Files in a walked folder that are never records (a file named on the command line is always read).
SKIP_NAMES = ("readme", "license", "licence", "changelog", "notice", "copying")
SKIP_SUFFIXES = (".md", ".py", ".pyc", ".png", ".jpg", ".jpeg", ".gif", ".pdf",
                 ".exe", ".so", ".dll", ".db", ".sqlite", ".pkl", ".DS_Store", ".expected.json", ".tmp")
# What the system leaves beside a user's files: hidden files, the lock and temporary files Excel
# and Word write while a file is open ("~$cnki.xlsx", "~WRL0001.tmp"), Windows' folder settings.
SKIP_PREFIXES = (".", "~")
SKIP_FILES = ("desktop.ini",)


def _skipped(name: str, archives: bool = False) -> bool:
    """Whether a file of a walked folder is skipped: never records, or an archive (unless
    ``archives``: an archive often lies beside the files unpacked from it)."""
    lower = name.lower()
    if lower.endswith(ARCHIVE_SUFFIXES):
        return lower.startswith(".") or not archives
    return (lower.startswith(SKIP_PREFIXES) or lower in SKIP_FILES or lower.split(".")[0] in SKIP_NAMES
            or lower.endswith(SKIP_SUFFIXES))


# what an index folder holds (store.STORE_NAME, index.layout.INDEX_SUBDIR: not imported, a
# reader needs neither sqlite nor whoosh)
_INDEX_STORE, _INDEX_SUBDIR = "records.sqlite", "whoosh"


def _index_own(dirs: list[str], files: list[str]) -> tuple[set[str], set[str]]:
    """(folders, files) of a folder that belong to the index in it (its store with SQLite's
    files beside it, the whoosh folder and a rebuild's); none when the folder is no index.

    >>> [sorted(names) for names in _index_own(["whoosh", "refs"], ["records.sqlite", "records.sqlite-wal", "a.ris"])]
    [['whoosh'], ['records.sqlite', 'records.sqlite-wal']]
    >>> _index_own(["whoosh"], ["a.ris"])
    (set(), set())
    """
    if _INDEX_STORE not in files or _INDEX_SUBDIR not in dirs:
        return set(), set()
    return ({d for d in dirs if d == _INDEX_SUBDIR or d.startswith(_INDEX_SUBDIR + ".")},
            {f for f in files if f == _INDEX_STORE or f.startswith(_INDEX_STORE + "-")})


INDEX_KIND = "index"   # folder_note's kind of an index's own files


def _is_index(folder: str) -> bool:
    """Whether ``folder`` holds an index (see :func:`_index_own`)."""
    return os.path.isfile(os.path.join(folder, _INDEX_STORE)) and os.path.isdir(os.path.join(folder, _INDEX_SUBDIR))


def _special(path: str) -> str | None:
    """What a file that is no regular file nor folder is ("named pipe", "socket", "device"),
    else None (a broken link too: reading it says so).  A walk never reads one: a named pipe
    waits until a program writes to it (the run would seem to hang), a device may never end."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    return ("named pipe" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode)
            else "device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else None)


def is_pipe(path: str) -> bool:
    """Whether ``path`` names a pipe (a FIFO, or `<(…)`'s /dev/fd/N), not a file (:func:`_special`)."""
    return _special(path) == "named pipe"


def _walk(folder: str | Path, archives: bool = False) -> Iterator[tuple[str, bool]]:
    """Each file under ``folder`` in sorted order, and whether it is skipped (:func:`_skipped`,
    and named pipes, sockets and devices: :func:`_special`).
    Linked folders are followed, each folder once (:func:`_first_visit`).  A folder that cannot
    be listed is given as a file is, never skipped: :func:`read_file` reports it, as it does a
    file that cannot be read (its records are not lost silently)."""
    unlisted: list[OSError] = []  # os.walk reports here a folder it cannot list, and goes on
    seen = {os.path.realpath(folder)}
    for root, dirs, files in os.walk(folder, onerror=unlisted.append, followlinks=True):
        yield from _unlisted(unlisted)  # (the folders before this one, in walk order)
        # an index (an --index folder inside the one ingested, or the one ingested: `ingest
        # --index refs refs`): its own files hold no export, the files beside them are read (the
        # whole folder was skipped, and the second run read none of them)
        own_dirs, own_files = _index_own(dirs, files)
        # real folders before links, so that a folder also reached by a link ("a -> z") is
        # read by its own path, which its records' ids follow
        dirs[:] = [d for d in sorted(dirs, key=lambda d: (os.path.islink(os.path.join(root, d)), d))
                   if d not in SKIP_DIRS and d not in own_dirs and not d.startswith(".")
                   and _first_visit(os.path.join(root, d), seen)]
        for name in sorted(files):
            path = os.path.join(root, name)
            yield path, name in own_files or _skipped(name, archives) or _special(path) is not None
    yield from _unlisted(unlisted)


def _unlisted(errors: list[OSError]) -> Iterator[tuple[str, bool]]:
    """The folders os.walk could not list so far, taken off ``errors``."""
    while errors:
        yield os.fsdecode(errors.pop(0).filename), False


def _first_visit(folder: str, seen: set[str]) -> bool:
    """Whether a walk enters ``folder``: not when it entered the same folder by another path
    (a link to a folder also walked), nor when it links to a folder holding it (a loop such
    as ``up -> ..``, which would read the folders beside the one given).  Notes it in ``seen``."""
    real = os.path.realpath(folder)
    if real in seen or os.path.join(os.path.realpath(os.path.dirname(folder)), "").startswith(
            os.path.join(real, "")):
        return False
    seen.add(real)
    return True


def folder_note(folder: str, archives: bool = False) -> list[str]:
    """What to tell a user of a folder given: the named pipes, sockets and devices in it, not
    read (:func:`_special`); and a folder that gives no file to read (a folder of PDFs, say,
    holds no records this tool can read), or one whose archives were skipped (they are read
    when named, or all with ``archives``: an archive beside the files unpacked from it would
    give every record twice)."""
    kinds: dict[str, int] = {}
    unread, special, reads = [], [], False
    for path, skipped in _walk(folder, archives):
        if not skipped:
            reads = True
            continue
        what = _special(path)
        if what:
            special.append(f"{shlex.quote(path)} ({what})")
            continue
        name = os.path.basename(path).lower()
        if name.endswith(ARCHIVE_SUFFIXES) and not name.startswith("."):
            unread.append(path)
        kind = ("hidden" if name.startswith(".") else "Office lock or temporary (~)" if name.startswith("~")
                else INDEX_KIND if name.startswith(_INDEX_STORE) and os.path.dirname(path) == str(folder)
                and _is_index(str(folder))
                else os.path.splitext(name)[1] or name)
        kinds[kind] = kinds.get(kind, 0) + 1
    notes = [f"{folder}: {len(special)} special file(s) skipped ({', '.join(special[:3])}"
             f"{' …' if len(special) > 3 else ''}): reading a named pipe waits until a program writes to it, "
             f"and a device may never end; name a pipe to read it"] if special else []
    note = None if special and not reads and not kinds else _skipped_note(folder, kinds, unread, reads)
    return notes + ([note] if note else [])


def _skipped_note(folder: str, kinds: dict[str, int], unread: list[str], reads: bool) -> str | None:
    """:func:`folder_note`'s note on the regular files a walk skipped: ``kinds`` counted by
    kind, ``unread`` its archives; ``reads``: whether the walk reads a file."""
    shown = " ".join(shlex.quote(p) for p in unread[:3]) + (" …" if len(unread) > 3 else "")
    if reads:
        return (f"{folder}: {len(unread)} archive(s) not read ({shown}): archives in a folder are skipped, "
                f"as they often hold the files beside them; name one to read it, or give --archives to read "
                f"them all") if unread else None
    if not kinds:
        return f"{folder}: no files in this folder"
    listed = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))
    if unread:
        return (f"{folder}: no file here is read ({listed} skipped: a folder's archives are read only when "
                f"named, or with --archives). Name an archive to read it: {shown}")
    if INDEX_KIND in kinds:   # `ingest idx`, meaning --index idx
        others = {kind: n for kind, n in kinds.items() if kind not in (INDEX_KIND, "hidden")}
        listed = ", ".join(f"{n} {kind}" for kind, n in sorted(others.items(), key=lambda kv: (-kv[1], kv[0])))
        return (f"{folder}: no file here is read: this folder is an index (its {_INDEX_STORE} and "
                f"{_INDEX_SUBDIR}/ hold no exported records{f'; {listed} skipped' if listed else ''}); give the "
                f"folder of the exported files to read, and this one to --index")
    if set(kinds) == {"hidden"}:
        return (f"{folder}: no file here is read ({listed} skipped: files whose names start with '.' are hidden; "
                f"name one to read it, or rename it)")
    hidden = " (hidden files, whose names start with '.', are skipped too)" if "hidden" in kinds else ""
    return (f"{folder}: no file here is read ({listed} skipped: documents, images and readme files never "
            f"hold exported records{hidden}; name a file to read it anyway). "
            f"Export the records from the database or reference manager (RIS, BibTeX, EndNote, …)")


def unread_folders(paths: Iterable[str], archives: bool = False) -> list[str]:
    """The folders among ``paths`` of which no file is read (empty, or documents only:
    :func:`folder_note` says why): an input that gave nothing, as an empty file is."""
    return [p for p in paths if os.path.isdir(p) and all(skipped for _, skipped in _walk(p, archives))]


def folder_notes(paths: Iterable[str], archives: bool = False) -> list[str]:
    """:func:`folder_note` of each folder among ``paths``."""
    return [note for p in paths if os.path.isdir(p) for note in folder_note(p, archives)]


def _raise_missing(given: str) -> None:
    """Why ``given``, a path that cannot be found, cannot: a folder on its way the user may not
    open (PermissionError), a link whose target is gone, or nothing there."""
    shown = shown_path(given)
    try:
        os.lstat(given)
    except PermissionError:
        raise PermissionError(f"{shown}: permission denied (a folder on its path cannot be opened)") from None
    except OSError:
        raise FileNotFoundError(f"{shown}: no such file or folder") from None
    if os.path.islink(given):
        raise FileNotFoundError(f"{shown}: a broken link (to {shown_path(os.readlink(given))}, which does not exist)")
    raise FileNotFoundError(f"{shown}: no such file or folder")


def iter_files(paths: Iterable[str], archives: bool = False) -> Iterator[str]:
    """Files under the given paths, folders walked in sorted order (their archives too with
    ``archives``), each once (``a.ris a.ris``, ``refs refs/a.ris``, or a link to a file also
    given); a missing path raises before any file is given (a typo in the third path of a run
    does not stop it halfway)."""
    paths = list(paths)
    for given in paths:
        if not os.path.exists(given):
            _raise_missing(given)
    seen: set = set()  # a file named twice, or in a folder named too, is read once
    for given in paths:
        p = Path(given)
        found = (path for path, skipped in _walk(p, archives) if not skipped) if p.is_dir() else [str(given)]
        for path in found:  # (a device or pipe named too: read_file reads a pipe, says what a device holds)
            real = _identity(path)
            if real not in seen:
                seen.add(real)
                yield path


def input_holding(path: str, paths: Iterable[str], archives: bool = False) -> tuple[str, bool] | None:
    """The path among ``paths`` (those a run reads) that is the file ``path`` or the folder whose
    walk reads it, and whether the run reads it (it exists), ``path`` being a file the run is to
    write (a ``--failures`` file): written there, it would overwrite records read (an export
    named as --failures), or be read as records by the next run.  None when it lies apart (or
    its name is one a walk skips)."""
    target = _identity(path)
    real = os.path.realpath(path)
    for given in paths:
        if given == "-":
            continue
        if _identity(given) == target:
            return given, True
        if os.path.isdir(given) and real.startswith(os.path.join(os.path.realpath(given), "")) \
                and not _skipped(os.path.basename(real), archives):
            return given, os.path.exists(path)
    return None


def _identity(path: str) -> tuple[int, int] | str:
    """What makes two names one file: its device and inode for a regular file (a hard link is
    the same file as its other name), else the path links resolve to."""
    try:
        st = os.stat(path)
    except OSError:
        return os.path.realpath(path)
    if stat.S_ISREG(st.st_mode) and st.st_ino:   # (0 where a file system has no inodes)
        return st.st_dev, st.st_ino
    return os.path.realpath(path)


NAME_NOT_UTF8 = ("not read: the file's name is not UTF-8 (a name Chinese Windows wrote in GBK?); rename it, "
                 "e.g. convmv -f gbk -t utf-8 --notest FILE, or, if it came out of a zip, name the zip here "
                 "instead (its GBK names are read)")


def _name_problem(path: str) -> str | None:
    """Why a file's name cannot be kept with its records, judged by its bytes: not UTF-8
    (:data:`NAME_NOT_UTF8`); or UTF-8 that this Python decodes otherwise, under a GB18030 or
    POSIX locale with PYTHONUTF8=0 (肿瘤.ris as 鑲跨槫.ris, its records' ids not those it has
    elsewhere: ``cli.py`` runs in UTF-8 mode for that); None when it is read as it is."""
    try:
        name = os.fsencode(path)
    except UnicodeEncodeError:   # (a name no file system here holds: an archive's member under a POSIX locale)
        return None
    try:
        text = name.decode("utf-8")
    except UnicodeDecodeError:   # (under a GB18030 locale, a GBK name is read as the locale reads it)
        return NAME_NOT_UTF8 if shown_path(path) != path else None
    if text == path:
        return None
    return (f"not read: the file's name is UTF-8, but this Python decodes file names as "
            f"{sys.getfilesystemencoding()} (the locale's encoding); run it in UTF-8 mode (PYTHONUTF8=1, "
            f"or python -X utf8)")


def read_file(path: str, fmt: str | None = None) -> Iterator[Record | Failure]:
    """Records and failures of one file; never raises for bad content."""
    problem = _name_problem(path)
    if problem:  # a name that is not UTF-8 could be neither printed nor stored with its records
        yield Failure(path=shown_path(path) if problem is NAME_NOT_UTF8 else os.fsencode(path).decode("utf-8"),
                      line=None, raw="", reason=problem)
        return
    try:
        if os.path.isdir(path):  # a folder a walk could not list (see _walk): why not, as for a file
            os.scandir(path).close()
        elif is_pipe(path):  # a pipe named (`clean <(…)`, a FIFO): read as `-` is
            with open(path, "rb") as stream:
                yield from read_stream(stream, path, fmt)
            return
        if os.path.getsize(path) == 0:
            yield Failure(path=path, line=None, reason="empty file", raw="")
            return
        forced = find_reader(fmt) if fmt else None
        if forced in (None, SPREADSHEET) and is_spreadsheet(path, any_name=forced is SPREADSHEET):
            yield from SPREADSHEET.read_path(path)  # a workbook is not text: read from its path
            return
        kind = archive_kind(path)
        if kind:
            yield from read_archive(path, kind, fmt, read_file)
            return
        source = PlainSource(open_text(path))
    except DecodeError as e:
        yield Failure(path=path, line=None, reason=str(e), raw=binary_head(path))
        return
    except UnicodeError as e:   # a case the detection did not foresee: this file fails, not the batch
        yield Failure(path=path, line=None, reason=f"its encoding could not be read ({e})", raw=binary_head(path))
        return
    except OSError as e:
        what = "folder" if os.path.isdir(path) else "file"
        yield Failure(path=path, line=None, reason=f"cannot read {what}: {e.strerror or e}", raw="")
        return
    if not source.head.strip():
        yield Failure(path=path, line=None, reason="empty file (only whitespace)", raw=source.head)
        return
    reader = forced or sniff_reader(source.head, path)
    mistaken = _forced_elsewhere(forced, source)
    if mistaken:
        yield _whole_file_failure(source, mistaken, forced.name)
        return
    if reader is None:
        # a site's search results (its records come from its Cite link), an export not read
        listed = results_page(source.head) or unread_export(source.head)
        yield _whole_file_failure(source, listed or f"unknown format; use --format NAME to read it as one of the known "
                                              f"formats: {', '.join(known_formats())}")
        return
    ordinal, items = 0, 0  # records and numbered failures, counted over the file (pasted exports included)
    for item in _read_with_pasted(reader, source, 0):
        items += 1
        if isinstance(item, Record):
            ordinal += 1
            item.source.record = ordinal
        elif item.record is not None:
            ordinal += 1
            item.record = ordinal
        yield item
    if not items:  # an export of nothing, or one cut off before its first record: say so
        yield _whole_file_failure(source, f"no records: read as {reader.name}, the file holds none (an export "
                                          "of nothing, or one cut off after its header?)", reader.name)


def _forced_elsewhere(forced, source) -> str:
    """Why a file read with ``--format NAME`` gives nothing, when that reader finds no record in
    it and its content is another format's, else "".  Its text was read as another export
    pasted into a NAME file, so ``clean --format bibtex ris-01.txt`` read the RIS records with
    only a misleading issue to say so: a format forced is the format read.  (A NAME file holding
    an export of another format after its records has that read as pasted in, as unforced.)"""
    detected = sniff_reader(source.head, source.path) if forced else None
    if detected is None or detected is forced or any(isinstance(item, Record) for item in _read(forced, source)):
        return ""
    return (f"no {forced.name} records: --format {forced.name} reads the file as {forced.name}, and it does not "
            f"look like {forced.name} but like {detected.name}; leave out --format to read it as {detected.name}")


def read_stream(stream: BinaryIO, name: str, fmt: str | None = None) -> Iterator[Record | Failure]:
    """Records and failures of bytes that can be read once (a pipe: ``clean -``, ``clean
    <(…)``, a FIFO named), read as a file named ``name`` is: copied to a temporary file first
    (its encoding, format and records are found in more than one pass), never all in memory."""
    with tempfile.TemporaryDirectory(prefix="lit-indexer-") as folder:
        path = os.path.join(folder, "stdin")
        with open(path, "wb") as out:
            shutil.copyfileobj(stream, out)
        for item in read_file(path, fmt):
            holder = item.source if isinstance(item, Record) else item
            holder.path = name
            if isinstance(item, Record):  # an issue a reader wrote names the file
                item.issues = [issue.replace(path, name) for issue in item.issues]
            else:
                item.reason = item.reason.replace(path, name)
            yield item


def _whole_file_failure(source, reason: str, fmt: str | None = None) -> Failure:
    """A failure holding the file's text (up to UNKNOWN_RAW_LIMIT characters, said when cut)."""
    raw, cut = _text_up_to(source, UNKNOWN_RAW_LIMIT)
    return Failure(path=source.path, line=1, raw=raw, format=fmt,
                   reason=reason + (f" (raw text: the first {UNKNOWN_RAW_LIMIT:,} characters)" if cut else ""))


# A mixed file's second encoding, as the issue names it ("utf-8/cp950": UTF-8 or else Big5),
# or its others ("utf-8/gb18030+cp950": UTF-8 or else GB18030 or Big5).
_LEGACY_NAMES = {"gb18030": "GB18030", "cp950": "Big5", "big5hkscs": "Big5", "cp1252": "Windows-1252",
                 "cp932": "Shift-JIS", "euc_jp": "EUC-JP", "cp949": "EUC-KR"}


def _read(reader, source) -> Iterator[Record | Failure]:
    """``reader.read(source)``; if the reader raises, the rest of the file is one failure."""
    path = source.path
    read_to = 0  # the last line the items yielded so far account for
    last = None  # held back for the note on it, should the file end inside it
    ends = collections.Counter()  # how the records before it end (their last lines' tags)
    try:
        for item in reader.read(source):
            if isinstance(item, Record):
                item.extra.setdefault("encoding", source.encoding)
                if source.lossy:
                    legacy = " or ".join(_LEGACY_NAMES.get(e, "GB18030") for e in source.encoding.partition("/")[2].split("+"))
                    item.issues.append(f"{path}: not one encoding; each line read as UTF-8 or else {legacy}, "
                                       "bytes valid in neither replaced (U+FFFD)")
            if isinstance(item, Record) and getattr(source, "nul_lines", None):
                _log_nul_lines(item, source.nul_lines)
            read_to = max(read_to, _last_line(item))
            if isinstance(last, Record):
                ends[_end_tag(last)] += 1
            if last is not None:
                yield last
            last = item
        if isinstance(last, Record) and not any(CUT_SHORT in issue for issue in last.issues):
            # as a RIS record without its ER: ingest keeps the earlier version of it and of the
            # records after it (a NoteExpress download cut short had removed them)
            if getattr(source, "cut", False):
                last.issues.append(f"{path}:{last.source.line}: {CUT_SHORT} (the file ends inside a character): "
                                   "the download may be cut short")
            elif _ends_unlike_the_others(last, ends, source):
                last.issues.append(f"{path}:{last.source.line}: {CUT_SHORT} (its last line has no line end, and the "
                                   f"records before it end at {_usual_end(ends)}): the download may be cut short")
        if last is not None:
            yield last
    except Exception as e:  # a reader that cannot go on: the rest of the file is one failure, not a lost batch
        if last is not None:
            yield last
        rest = "\n".join(itertools.islice(source.lines(), read_to, None))
        yield Failure(path=path, line=read_to + 1, raw=rest, format=reader.name,
                      reason=f"the {reader.name} reader stopped here ({type(e).__name__}: {str(e)[:200]}); "
                             "the rest of the file is this failure's raw text")


# Exports pasted into exports (a RIS file with a MEDLINE export after it, and so on) are read
# to this depth; deeper, the text stays a failure.
MAX_PASTED = 4


def _read_with_pasted(reader, source, depth: int) -> Iterator[Record | Failure]:
    """The items of ``source``; text the reader reports as not its own that starts a record of
    another format (another export pasted in) is read with that format's reader, in place."""
    for item in _read(reader, source):
        pasted = _pasted_reader(item, reader) if depth < MAX_PASTED else None
        if pasted is None:
            yield item
            continue
        other, text = pasted
        for sub in _read_with_pasted(other, PastedExport(source, item.line, text), depth + 1):
            if isinstance(sub, Record):
                sub.issues.append(f"{source.path}:{sub.source.line}: in another export pasted into this "
                                  f"{reader.name} file; read as {other.name}")
            yield sub


def _pasted_reader(item: Record | Failure, reader):
    """The reader for a failure's text, and the text, when it is another export: its first
    line starts a record of another format, and that format's reader recognises its first
    lines.  Closing markup before that first line on the same line ("</xml>TY  - JOUR": an XML
    export with no final newline, then another) is left out."""
    if not isinstance(item, Failure) or not item.line or not item.raw:
        return None
    text = item.raw
    end = text.find("\n")
    at = glued_at(text if end < 0 else text[:end])  # (in its first line)
    if at and not has_text(text[:at]):
        text = text[at:].lstrip("\ufeff")
    lines = LINE_END.split(text[:HEAD_CHARS], PASTED_HEAD_LINES)[:PASTED_HEAD_LINES]
    head = "\n".join(lines)
    fmt = export_starting(head)
    other = REGISTRY.get(fmt) if fmt else None
    if other is None or other is reader or not other.sniff(head):
        return None
    return other, text


PASTED_HEAD_LINES = 50


class PastedExport:
    """The text of an export pasted into a file, read as a file of its own.  Its lines keep
    their numbers in the file (blank lines stand in for the lines before it), so records and
    failures name the file's lines."""

    def __init__(self, outer, first_line: int, text: str):
        self.path, self.encoding, self.lossy = outer.path, outer.encoding, outer.lossy
        self.before = first_line - 1
        self.body = text
        self.head = self.body[:HEAD_CHARS]

    def lines(self) -> Iterator[str]:
        yield from itertools.repeat("", self.before)
        yield from LINE_END.split(self.body)

    def text(self) -> str:
        return "\n" * self.before + "\n".join(LINE_END.split(self.body))

    def binary(self):
        # The text is decoded already: as UTF-8 bytes, without the XML declaration (it may only
        # open a file, and may name another encoding).
        body = _XML_DECLARATION.sub(r"\1", self.text(), count=1)
        return io.BytesIO(body.encode("utf-8"))


_XML_DECLARATION = re.compile(r"^(\s*)<\?xml\b[^>]*\?>")


# The raw text kept of a file in no known format: all of an export, not all of a stray disk image.
UNKNOWN_RAW_LIMIT = 16 * 1024 * 1024


def _text_up_to(source, limit: int) -> tuple[str, bool]:
    """The file's text, or its first ``limit`` characters, and whether it was cut."""
    out, size = [], 0
    for line in source.lines():
        out.append(line)
        size += len(line) + 1
        if size > limit:
            return "\n".join(out)[:limit], True
    return "\n".join(out), False


# A tag opening a line of a tagged export: NoteExpress's {Pages}:, EndNote's and Refer's %P,
# MEDLINE's "SO  - ", RefWorks's and Web of Science's "OL ", "ER".
_LINE_TAG = re.compile(r"(\{[^{}\n]*\}|%\S|[A-Z][A-Z0-9]{1,3})(?=[\s:-]|$)")


def _end_tag(rec: Record) -> str | None:
    """The tag of a record's last line (a MEDLINE value's wrapped lines are its tag's); None
    for a line without one (a value wrapped, a line cut inside its tag, a format without tags).

    >>> _end_tag(Record(source=None, raw_text="{Title}: a\\n{Database Provider}: CNKI"))
    '{Database Provider}'
    >>> _end_tag(Record(source=None, raw_text="SO  - Phys Med. 2021\\n      Jan 16.")), _end_tag(Record(source=None, raw_text="{Pag"))
    ('SO', None)
    """
    lines = [line for line in (rec.raw_text or "").split("\n") if line.strip()]
    while len(lines) > 1 and lines[-1][:1].isspace():
        lines.pop()
    m = _LINE_TAG.match(lines[-1]) if lines else None
    return m.group(1) if m else None


def _usual_end(ends: collections.Counter) -> str | None:
    """The tag most of the records end at (PubMed's SO, CNKI's {Database Provider}), if any."""
    tag, count = ends.most_common(1)[0] if ends else (None, 0)
    return tag if tag is not None and 2 * count > sum(ends.values()) else None


def _ends_unlike_the_others(rec: Record, ends: collections.Counter, source) -> bool:
    """Whether the file ends inside ``rec``, its last record, in a format without an end tag:
    the file's last line has no line end and the record does not end at the tag the others end
    at (a NoteExpress download cut after "{Pages}: 9").  Many exports have no final line end
    and end whole; a file of one record, or whose records end anywhere, is not told so."""
    usual = _usual_end(ends)
    ends_inside = getattr(source, "ends_inside_line", None)
    return usual is not None and _end_tag(rec) != usual and ends_inside is not None and ends_inside()


# A raw key's field, as the repairs name it.
_RAW_FIELDS = {"titles": "title", "author": "authors", "keyword": "keywords", "other_abstract": "abstract"}


def _log_nul_lines(record: Record, nul_lines: dict[int, list[tuple[str, str]]]) -> None:
    """Log in ``record.repairs`` the NUL characters the decoding dropped from its lines (see
    :attr:`~indexer.readers.decode.TextFile.nul_lines`): once a field, the field the line's value
    went to (the raw value starting last at or before it), ``record`` for a line of none."""
    first, last = record.source.line, _last_line(record)
    if not first:
        return
    starts = sorted((line, key) for key, values in record.raw.items() if isinstance(values, list)
                    for value in values if isinstance(value, tuple) and len(value) == 2
                    and isinstance(value[1], int) for line in (value[1],))
    dropped: dict[str, list[tuple[str, str]]] = {}
    for lineno in sorted(n for n in nul_lines if first <= n <= last):
        key = next((key for line, key in reversed(starts) if line <= lineno), None)
        dropped.setdefault(_RAW_FIELDS.get(key, key) if key else "record", []).extend(nul_lines[lineno])
    for name, parts in dropped.items():
        record.log("drop_nul_characters", name, "\n".join(b for b, _ in parts), "\n".join(a for _, a in parts))


def _last_line(item: Record | Failure) -> int:
    """The last input line ``item`` holds (its first line and the lines of its raw text)."""
    first, raw = (item.source.line, item.raw_text) if isinstance(item, Record) else (item.line, item.raw)
    return first + (raw or "").count("\n") if first else 0


def read_paths(paths: Iterable[str], fmt: str | None = None, archives: bool = False) -> Iterator[Record | Failure]:
    for path in iter_files(paths, archives):
        yield from read_file(path, fmt)
