"""Where an index lives inside its folder, and which version of the schema wrote it."""
from __future__ import annotations

import errno
import os
from pathlib import Path

INDEX_SUBDIR = "whoosh"
# Bumped whenever the schema or the tokens change; an older index is rebuilt from the store.
INDEX_VERSION = "29"
VERSION_FILE = "VERSION"
# A rebuild writes the new index here, beside the one in use, and swaps it in once it is
# committed (the old one moved aside, then removed): an interrupted rebuild leaves the old
# index as it was, or, when that was unreadable or of an older version, as unusable as it was.
BUILDING_SUBDIR = INDEX_SUBDIR + ".rebuilding"
REPLACED_SUBDIR = INDEX_SUBDIR + ".replaced"


def index_is_current(directory: str | Path) -> bool:
    version = Path(directory) / INDEX_SUBDIR / VERSION_FILE
    return version.exists() and version.read_text().strip() == INDEX_VERSION


def newer_version(directory: str | Path) -> str:
    """What to say of an index a newer version of this tool wrote (its version above
    ``INDEX_VERSION``); "" otherwise.  It was taken for an older one: search said it was, and an
    ingest rebuilt it in this version's format, which the newer version then rebuilt again.

    >>> import tempfile; folder = Path(tempfile.mkdtemp()); (folder / INDEX_SUBDIR).mkdir()
    >>> _ = (folder / INDEX_SUBDIR / VERSION_FILE).write_text("999\\n")
    >>> newer_version(folder).split(": ", 1)[1]
    'upgrade, or ingest into another --index'
    """
    try:
        found = int((Path(directory) / INDEX_SUBDIR / VERSION_FILE).read_text().strip())
    except (OSError, ValueError):
        return ""
    if found <= int(INDEX_VERSION):
        return ""
    return (f"the index in {directory} was written by a newer version of lit-indexer (index version {found}); "
            f"this one reads {INDEX_VERSION}: upgrade, or ingest into another --index")


# What reading a damaged whoosh index raises: truncated pickles and files, a table of
# contents that is not one (whoosh says "created on different architecture").
def read_errors() -> tuple[type[BaseException], ...]:
    import pickle
    import struct
    import zlib

    from whoosh.index import IndexError as WhooshIndexError

    return (EOFError, OSError, struct.error, zlib.error, pickle.UnpicklingError, WhooshIndexError)


def damaged(directory: str | Path, error: BaseException) -> str:
    """What to say of an index whose whoosh files cannot be read: the store beside them
    holds every record, so the search index can be rebuilt from it."""
    return (f"the search index in {Path(directory) / INDEX_SUBDIR} cannot be read ({type(error).__name__}: "
            f"{error}); `python cli.py ingest --rebuild --index {directory}` rebuilds it from the records stored "
            "beside it")


def unwritable(directory: str | Path, error: OSError) -> str:
    """What to say of an index folder that an ingest or ``dedup --apply`` cannot write
    (read-only media, another user's folder): reading it still works, but for searching one
    whose search index must be rebuilt (:func:`not_searchable`), which cannot be done there."""
    why = not_searchable(directory)
    if why:
        return (f"the index folder {directory} cannot be written ({error.strerror}); stats, show and export read "
                "it as it is, but its search index must be rebuilt to be searched "
                f"({'an older version wrote it' if 'older version' in why else 'its folder holds other files'}): "
                f"someone who can write the folder runs `python cli.py ingest --rebuild --index {directory}`, or "
                f"copy it to a folder you can write and rebuild it there (`cp -r {directory} COPY; python cli.py "
                "ingest --rebuild --index COPY`)")
    return (f"the index folder {directory} cannot be written ({error.strerror}); search, stats, show and export "
            "read it as it is; ingest and dedup --apply need a folder this user can write (copy the index to one)")


def not_searchable(directory: str | Path) -> str:
    """Why search cannot read the whoosh folder of ``directory``, which holds something: what
    an older version wrote (its ``VERSION`` below :data:`INDEX_VERSION`, or whoosh's files
    without one), or files that are no search index at all (they had been called "written by
    an older version", and the rebuild advised refused to remove them); "" for a current or
    empty one, or none.  A newer version's is :func:`newer_version`'s.

    >>> import tempfile; folder = Path(tempfile.mkdtemp()); (folder / INDEX_SUBDIR).mkdir()
    >>> not_searchable(folder)
    ''
    >>> _ = (folder / INDEX_SUBDIR / "notes.txt").write_text("mine")
    >>> not_searchable(folder).split("(")[0].endswith("holds files this tool did not write ")
    True
    >>> _ = (folder / INDEX_SUBDIR / VERSION_FILE).write_text("26\\n")
    >>> not_searchable(folder).startswith("the index in")
    True
    """
    path = Path(directory) / INDEX_SUBDIR
    try:
        names = sorted(p.name for p in path.iterdir() if not p.name.startswith("."))
    except OSError:
        return ""
    if not names or index_is_current(directory) or newer_version(directory):
        return ""
    ours = [n for n in names if n in (VERSION_FILE, "MAIN.tmp") or n.startswith(("MAIN_", "_MAIN_"))]
    if not ours:
        return (f"the search index folder {path} holds files this tool did not write ({', '.join(names[:3])}"
                f"{' …' if len(names) > 3 else ''}), no search index; move them away, then `python cli.py ingest "
                f"--rebuild --index {directory}` builds it from the records stored beside it")
    return f"the index in {directory} was written by an older version and must be rebuilt to be searched; " \
        + _rebuild_advice(directory)


def _rebuild_advice(directory: str | Path) -> str:
    """How the search index of ``directory`` is rebuilt: by an ingest there, when this user can
    write the folder; else by someone who can, or in a copy (``ingest --rebuild`` said the folder
    cannot be written, and that search read it as it is)."""
    if os.access(directory, os.W_OK) and os.access(Path(directory) / INDEX_SUBDIR, os.W_OK):
        return (f"`python cli.py ingest --rebuild --index {directory}` (or any ingest into it) rebuilds it from "
                "its records")
    return (f"this user cannot write {directory}: someone who can runs `python cli.py ingest --rebuild --index "
            f"{directory}`, or copy it to a folder you can write and rebuild it there (`cp -r {directory} COPY; "
            "python cli.py ingest --rebuild --index COPY`)")


def require_folder(directory: str | Path) -> None:
    """Raise what ingest says of an ``--index`` that is a file (``--index refs.ris``), for every
    command: "no index in refs.ris, run ingest" sent the user to an ingest that refused it."""
    if Path(directory).exists() and not Path(directory).is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "a file, not an index folder (give --index a folder)", str(directory))


def store_lost(directory: str | Path) -> str:
    """What to say of an index folder whose search index lists records while the store beside it,
    which holds them, is gone (``records.sqlite`` deleted); "" otherwise.  Search counted hits it
    could not show, export skipped every record, an ingest added to what looked like an empty
    index.  (A store that is there but empty is not said: a first ingest leaves one so for a
    moment, between the search index's commit and the store's.)  Cheap when all is well: a look
    at the folder; the search index is opened only when the store is missing."""
    from ..store import STORE_NAME

    path = Path(directory) / INDEX_SUBDIR
    if (Path(directory) / STORE_NAME).exists() or not path.is_dir() \
            or not any(p.suffix == ".seg" for p in path.iterdir()):
        return ""   # (no records were ever indexed here, or the search index is gone: the store rebuilds it)
    try:
        count = open_index(path).doc_count()
    except read_errors():   # both halves unreadable: the store's loss is the news
        count = None
    if count == 0:  # every record removed (ingest --prune): nothing is lost
        return ""
    listed = f"{count:,} records" if count is not None else "records"
    return (f"the record store {Path(directory) / STORE_NAME} is gone, but the search index in {path} lists "
            f"{listed} (their ids only: it cannot show them); ingest the files again, into this folder with "
            f"`python cli.py ingest --rebuild PATH --index {directory}`, or into a new --index folder")


# The store's ``meta`` key that names the whoosh generation (whoosh numbers each commit of its
# index) the store was committed with: the two commit one after the other, and a run killed
# between them leaves the whoosh index a generation ahead of what the store says.
GENERATION = "whoosh_generation"


def out_of_step(directory: str | Path, ix=None) -> str:
    """Why the search index in ``directory`` does not hold what the store beside it holds: a run
    killed (``kill -KILL``, a power cut) between the two commits left the whoosh index's and not
    the store's (an ingest then added every record again, or failed on every run); "" when they
    agree, and when a writer is at work (it holds whoosh's write lock from its commit to the
    store's).  Cheap: whoosh's generation and document count against the store's record of it and
    a ``COUNT(*)``."""
    from whoosh.filedb.filestore import FileStorage

    why = _apart(directory, ix)
    if not why:
        return ""
    try:
        lock = FileStorage(str(Path(directory) / INDEX_SUBDIR)).lock("MAIN_WRITELOCK")
        if not lock.acquire(False):
            return ""   # a writer between its two commits: it brings them together
    except OSError:   # a folder that cannot be written: no writer is at work in it
        return why
    try:
        return _apart(directory)   # again, with no writer meanwhile
    finally:
        lock.release()


def _apart(directory: str | Path, ix=None) -> str:
    from ..store import STORE_NAME, Store

    if not (Path(directory) / STORE_NAME).exists():
        return ""
    ix = ix if ix is not None else open_index(Path(directory) / INDEX_SUBDIR)
    with Store(directory, reading=True) as store:
        recorded, shown = store.get_meta(GENERATION), store.shown_count()
    generation, count = ix.latest_generation(), ix.doc_count()
    if recorded is not None and int(recorded) != generation or count != shown:
        return (f"the search index holds {count:,} records, the store {shown:,}: a run was stopped between "
                "their commits")
    return ""


def open_index(path: str | Path, mapped: bool = False):
    """The whoosh index in ``path`` (the whoosh folder), its segments read from the files.

    whoosh maps a segment's compound file and opens each part as ``BytesIO(memoryview)``,
    which copies the part: opening a 100k-record index copied some 250 MB, a quarter of a
    second of every search's start and as much memory.  One search, or an ingest, reads
    the few parts it needs from the files instead; ``mapped`` (many queries in one process,
    ``search --batch``) pays the copy once and reads memory after it (a broad query, ``learning
    OR 学习 OR 研究``, took 1.1 s reading the files and 0.75 s from memory on a 32k-record index)."""
    from whoosh.filedb.filestore import FileStorage

    return FileStorage(str(path), supports_mmap=mapped).open_index()
