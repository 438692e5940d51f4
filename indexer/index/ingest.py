"""Ingest: read, clean, store and index records; incremental and idempotent.

The same file ingested again adds nothing (each record's content digest is compared
with the stored one); a changed record replaces its old version; records a file no
longer has (it was read whole, without failures, and holds fewer) are removed; a file that
ends inside a record (a RIS export cut short) keeps what an earlier ingest read from it.  Reading streams in
the main process; cleaning (repairs, language, jieba) runs in a pool of worker
processes with a bounded number of chunks in flight, so memory does not grow with the
file; for large inputs whoosh writes with one sub-writer per core, each its own
segment (no merge of the whole index at the end).
"""
from __future__ import annotations

import contextlib
import errno
import os
import shlex
import shutil
import signal
import sqlite3
import sys
import threading
import time
import weakref
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as windex
from whoosh.index import TOC, LockError
from whoosh.util.filelock import FileLock

from ..errors import DamagedIndex
from ..lang.detect import load_langdetect
from ..pipeline import clean
from ..readers import find_reader, iter_files, read_file
from ..readers.base import CUT_SHORT
from ..record import Failure, Record, where
from ..store import APPLY_PENDING, STORE_NAME, Store
from ..terminal import Progress
from .layout import (BUILDING_SUBDIR, GENERATION, INDEX_SUBDIR, INDEX_VERSION, REPLACED_SUBDIR, VERSION_FILE,
                     damaged, index_is_current, newer_version, open_index, out_of_step, read_errors, require_folder,
                     unwritable)
from .fts import columns
from .schema import build_schema, document

CHUNK = 64
# Inputs smaller than this are cleaned in-process (a pool costs more than it saves).
PARALLEL_BYTES = 2_000_000


@dataclass
class Summary:
    read: int = 0
    added: int = 0
    updated: int = 0
    # of those updated, records whose id now holds another paper (a record added or removed above
    # them in their file: an id is a place), which an earlier list of ids names no longer
    replaced: int = 0
    unchanged: int = 0
    removed: int = 0
    # records the search index was rebuilt with before this run's (--rebuild, an older index)
    rebuilt: int = 0
    failures: list[Failure] = field(default_factory=list)
    index: str = ""
    seconds: float = 0.0
    # records still in the index whose file no longer exists: {path: records}
    missing: dict[str, int] = field(default_factory=dict)
    # what a user should know that is no failure: a file that ends inside a record
    warnings: list[str] = field(default_factory=list)
    # records of files with failures not read this run, kept as an earlier ingest read them
    kept_missing: int = 0
    # `dedup --apply` made again after this run (the index had it): clusters, duplicates hidden
    deduplicated: dict | None = None
    # the index folder this run made was removed again: no record was read into it
    unmade: bool = False

    def to_json(self) -> dict:
        return {"read": self.read, "added": self.added, "updated": self.updated, "replaced": self.replaced,
                "unchanged": self.unchanged,
                "removed": self.removed, "failed": len(self.failures), "kept_missing": self.kept_missing,
                "rebuilt": self.rebuilt, "index": self.index, "index_made": not self.unmade,
                "seconds": round(self.seconds, 2),
                "missing_files": self.missing, "warnings": self.warnings, "deduplicated": self.deduplicated,
                "failures": [f.to_json() for f in self.failures]}

    def describe(self) -> str:
        removed = f"removed {self.removed} (gone from their file or folder), " if self.removed else ""
        replaced = (f" ({self.replaced} now hold another paper: ids follow a record's place in its file)"
                    if self.replaced else "")
        line = (f"read {self.read}, added {self.added}, updated {self.updated}{replaced}, unchanged {self.unchanged}, "
                f"{removed}failed {len(self.failures)} in {self.seconds:.1f} s → "
                + (f"no index made in {self.index} (no record to put in it)" if self.unmade else self.index))
        lines = [line]
        if self.rebuilt:
            lines.append(f"search index rebuilt with {self.rebuilt:,} records from the store")
        if self.deduplicated:
            lines.append(f"dedup --apply made again with this run's records: {self.deduplicated['duplicates_hidden']:,} "
                         f"duplicates hidden in {self.deduplicated['clusters']:,} clusters (undo with dedup --undo)")
        if self.missing:
            lines.append(missing_note(self.missing, self.index))
        return "\n".join(lines)


def kept_note(path: str, kept: int) -> str:
    """What to say of the records an earlier ingest read from a file with failures that this
    run did not read (a failure in their place, or gone from the file): they are kept, since
    which of them the file no longer holds is not certain, and stay searchable and counted."""
    return (f"{kept:,} record(s) an earlier ingest read from {path} were not read now (a failure in their place, "
            f"or no longer in the file) and are kept, as the file had failures; fix it and ingest it again "
            f"to remove those it no longer holds")


def replaced_note(path: str, replaced: int) -> str:
    """What to say of a file whose records moved (one added or removed above them): the ids a
    screening sheet or an ``export --ids`` list noted before now name other papers, silently."""
    return (f"{replaced:,} id(s) of {path} now hold another paper than before: an id is a record's place in its "
            f"file, and a record added or removed above them moved the papers; a list of ids made before "
            f"(a screening sheet, export --ids) now names other papers: go by DOI, PMID or citation key")


def twice_note(held: dict[str, dict[str, int]]) -> str:
    """What to say of files this run read that the index also holds by another path to the same
    file (a link, :meth:`~indexer.store.Store.held_elsewhere`), once for all of them: their
    records are there twice, under other ids, and dedup counts them twice as identified."""
    path, others = next(iter(held.items()))
    records = sum(n for others_ in held.values() for n in others_.values())
    more = f", and {len(held) - 1:,} file(s) more" if len(held) > 1 else ""
    return (f"{len(held):,} file(s) read are also in the index by another path to the same file (a link?): "
            f"{path} as {next(iter(others))}{more}; {records:,} record(s) are held again, under each "
            f"path's ids, and dedup counts each copy as identified (PRISMA); ingest a library through one "
            f"path (a link removed, `ingest --prune` of it removes the records read through it)")


def missing_note(missing: dict[str, int], index: str) -> str:
    """What to say of records whose file no longer exists (moved or deleted since it was
    ingested): they stay searchable until pruned, which the user may not know."""
    # name the outermost folder that is gone, e.g. a moved folder rather than each of its files
    roots = []
    for path in sorted(missing):
        while not os.path.exists(os.path.dirname(path)) and os.path.dirname(path) != path:
            path = os.path.dirname(path)
        if path not in roots:
            roots.append(path)
    shown = " ".join(shlex.quote(r) for r in roots[:3]) + (" …" if len(roots) > 3 else "")
    records, files = sum(missing.values()), len(missing)
    return (f"note: {records:,} record(s) in the index come from {files:,} file(s) that no longer exist; "
            f"if moved or deleted, remove them with: python cli.py ingest --prune {shown} --index {shlex.quote(index)}")


OPENING_LOCK = ".opening.lock"


def open_or_create(directory: str | Path, quiet: bool = True, rebuild: bool = False, create: bool = True):
    """The index in ``directory``; created, or rebuilt from the record store when it was
    written by an older version of the schema (or when asked: a damaged index).  Without
    ``create`` the folder and its store must be there (``dedup --apply`` and ``--undo``:
    a folder deleted meanwhile is not made again, empty): a FileNotFoundError otherwise."""
    return open_or_rebuild(directory, quiet, rebuild, create=create)[0]


def open_or_rebuild(directory: str | Path, quiet: bool = True, rebuild: bool = False, why: str = "as asked",
                    create: bool = True):
    """(the index in ``directory``, how many records a rebuild wrote to it: 0 when none ran);
    see :func:`open_or_create`.  One process at a time: two first ingests into a new folder
    each took the other's half-made index for an old one and removed it (an OS file lock,
    released when its process ends)."""
    require_folder(directory)  # --index refs.ris
    try:
        if create:
            Path(directory).mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(Path(directory) / OPENING_LOCK))
        acquired = lock.acquire(blocking=False)
    except OSError as e:  # read-only media, another user's folder: the lock file cannot be made
        if e.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise DamagedIndex(unwritable(directory, e)) from e
        raise
    if not acquired:
        if not quiet:
            sys.stderr.write(f"waiting for another process opening or creating the index in {directory}\n")
        lock.acquire(blocking=True)
    try:
        if not create and not (Path(directory) / STORE_NAME).is_file():
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(Path(directory) / STORE_NAME))
        return _open_or_create(directory, quiet, rebuild, why)
    finally:
        lock.release()


def _open_or_create(directory: str | Path, quiet: bool, rebuild: bool, why: str):
    path = Path(directory) / INDEX_SUBDIR
    # The store first: a folder whose records.sqlite is not one is no index this tool wrote,
    # and nothing in it is removed (the store's error says what it is).
    if newer_version(directory):   # taken for an older one, it was rebuilt in this version's format
        raise DamagedIndex(newer_version(directory))
    stored = _stored(directory)
    _remove_leftovers(directory)
    # The version is read before whoosh opens anything: an old schema may not even unpickle.
    try:
        if not rebuild and index_is_current(directory) and windex.exists_in(path):
            ix = open_index(path)
            # doc_count() opens every segment: a damaged one is told here, not mid-ingest
            if ix.doc_count() or not stored:
                # the store holds the records: a search index a run killed between the two
                # commits left apart from it is rebuilt from it
                why = out_of_step(directory, ix)
                if not why:
                    return ix, 0
            else:
                # whoosh holds every record search shows: an empty index is what an interrupted
                # rebuild left before rebuilds were swapped in (search found nothing, and an ingest
                # of the same files, all unchanged, did not repair it)
                why = "its search index was empty"
            rebuild = True
    except read_errors() as e:
        raise DamagedIndex(damaged(directory, e)) from e
    if not rebuild and path.exists() and any(path.iterdir()):
        rebuild, why = True, "older index format"
    if not rebuild and stored:  # the whoosh folder deleted: search found nothing
        rebuild, why = True, "its search index was missing"
    if not rebuild:  # a new index: nothing to keep
        path.mkdir(parents=True, exist_ok=True)
        return _create(path), 0
    foreign = _foreign_files(path) if path.exists() else []
    if foreign:  # the rebuild would remove them with the old index
        raise DamagedIndex(f"{path} holds files this tool did not write ({', '.join(foreign[:3])}"
                           f"{' …' if len(foreign) > 3 else ''}), so it rebuilds no index there and removed "
                           "nothing; move them away, or give --index a new folder")
    return _rebuild(directory, why, quiet)


def _stored(directory: str | Path) -> int:
    """Records in the store of ``directory``, 0 without one (a :class:`DamagedIndex` when its
    records.sqlite is not a store this tool can read)."""
    if not (Path(directory) / STORE_NAME).exists():
        return 0
    with Store(directory) as store:
        return len(store)


def _create(path: Path):
    ix = windex.create_in(path, build_schema())
    (path / VERSION_FILE).write_text(INDEX_VERSION + "\n")
    return ix


def _rebuild(directory: str | Path, why: str, quiet: bool):
    """(the search index rebuilt from the store, how many records it holds).  It is built
    beside the one in use and swapped in once committed, and the Chinese search table is
    refilled in the store's transaction, committed with the swap: an interrupt (Ctrl-C) leaves
    both as they were.  In place, it left an empty index that said it was current."""
    path = Path(directory) / INDEX_SUBDIR
    building = Path(directory) / BUILDING_SUBDIR
    building.mkdir()
    try:
        ix = _create(building)
        with _InterruptHere() as interrupts, Store(directory) as store:
            if not quiet:
                sys.stderr.write(f"rebuilding the index of {len(store):,} records ({why})\n")
                sys.stderr.flush()
            writer = index_writer(ix, directory)
            try:
                store.clear_search()
                count = 0
                for rec in list(store):
                    index_record(writer, store, rec)
                    count += 1
                interrupts.hold()  # the swap and the store's commit (on leaving) go together
                store.set_meta(GENERATION, writer.generation)
                writer.commit()
            except BaseException:
                _cancel(writer)
                raise
            _swap_in(building, path)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return open_index(path), count


def _swap_in(building: Path, path: Path) -> None:
    """Put the committed index in ``building`` in the place of the one in ``path``.  Between
    the two renames there is none there: an open says it is missing (an ingest rebuilds it),
    and never finds an empty one."""
    replaced = path.parent / REPLACED_SUBDIR
    shutil.rmtree(replaced, ignore_errors=True)
    if path.exists():
        path.rename(replaced)
    building.rename(path)
    shutil.rmtree(replaced, ignore_errors=True)


def _remove_leftovers(directory: str | Path) -> None:
    """Remove what a rebuild killed outright (no Ctrl-C: the power cut) left beside the index."""
    for name in (BUILDING_SUBDIR, REPLACED_SUBDIR):
        shutil.rmtree(Path(directory) / name, ignore_errors=True)


def _foreign_files(path: Path) -> list[str]:
    """Names in the whoosh folder ``path`` that neither whoosh (its index is named MAIN; a
    writer killed outright leaves its ``MAIN.tmp``) nor this tool (``VERSION``) writes there;
    hidden files (a desktop's ``.DS_Store``) aside."""
    return sorted(p.name for p in path.iterdir()
                  if p.name not in (VERSION_FILE, "MAIN.tmp") and not p.name.startswith(("MAIN_", "_MAIN_", ".")))


def commit(writer, store: Store, landed=None) -> None:
    """Commit whoosh's ``writer``, then ``store``: the store records the generation whoosh gives
    this commit, so a process killed between the two (``kill -KILL``, a power cut) leaves a
    search index a generation ahead of the store's, which the next ingest finds and rebuilds from
    the store (:func:`~indexer.index.layout.out_of_step`).  whoosh's write lock is held until the
    store has committed: a search meanwhile knows a writer is at work.  ``landed()``, called
    between the two, may check what whoosh wrote.  A store whose file is gone (its index folder
    deleted during the run) is said (:class:`StoreVanished`), and neither is committed."""
    if store.vanished():   # (nor would whoosh's commit into a deleted folder say it plainly)
        raise StoreVanished(vanished(store.path.parent))
    store.set_meta(GENERATION, writer.generation)
    lock, writer.writelock = writer.writelock, None
    try:
        writer.commit()
        if landed is not None:
            landed()
        store.db.commit()
    finally:
        if lock is not None:
            lock.release()


def index_writer(ix, directory, **options):
    """whoosh's writer for ``ix``, once no other process writes to the index (whoosh allows
    one writer at a time: a second ingest into the same folder, or ``dedup --apply``, waits
    for the first, saying so, rather than failing).  The lock is an OS file lock, released
    when its process ends, so the wait cannot outlive the other writer: the processes this
    one forks while it holds the lock (the cleaning pool, whoosh's writer processes) do not
    keep it, and end with it (see :func:`_after_fork_in_child`)."""
    try:
        writer = ix.writer(limitmb=128, **options)
    except LockError:  # said even with --quiet: else the command just seems to hang
        sys.stderr.write(f"waiting for another process writing to {directory} (an ingest, or dedup "
                         "--apply or --undo) to finish; Ctrl-C stops\n")
        sys.stderr.flush()
        writer = ix.writer(limitmb=128, timeout=float("inf"), delay=0.25, **options)
    writer.mergetype = _reclaiming_merge
    if writer.writelock is not None:
        _load_prctl()   # here, not in the child: loading a library after a fork may deadlock
        _HELD_LOCKS[writer.writelock] = os.getpid()
        _remove_unwritten_segments(writer)   # what a writer killed outright left
    if hasattr(writer, "_enqueue"):   # whoosh's MpWriter: hands documents to its writer processes
        enqueue = writer._enqueue
        writer._enqueue = lambda: _uninterrupted(enqueue)
    return writer


# whoosh's write locks this process holds, and its id: {lock: pid}.  A process forked meanwhile
# shares the lock's open file, and an OS file lock (flock) is held while any process has it open.
_HELD_LOCKS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
PR_SET_PDEATHSIG = 1   # Linux's prctl option: a signal the kernel sends when the parent ends


def _after_fork_in_child() -> None:
    """In a process forked while an index's write lock is held (the cleaning pool's workers,
    whoosh's writer processes): let go of the lock's file and end when the parent ends.  After
    a `kill -KILL` of an ingest they lived on, idle (their parent gone, waiting on queues the
    other workers also kept open), holding the lock they inherited, and every later ingest
    waited on it for good.  The file is closed, never unlocked: an unlock here would release
    the parent's lock (one lock, shared)."""
    held = [(lock, pid) for lock, pid in list(_HELD_LOCKS.items()) if lock.fd is not None]
    for lock, _pid in held:
        os.close(lock.fd)
        lock.fd = None   # nor does the copy's release at exit unlock it
    if held:
        _end_with(held[0][1])


def _end_with(parent: int) -> None:
    """End this process when ``parent`` ends: on Linux the kernel kills it (prctl's
    PR_SET_PDEATHSIG); elsewhere a thread looks for the parent every second."""
    if _kill_on_parent_death():
        if os.getppid() != parent:   # the parent ended before the prctl
            os._exit(1)
        return

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()


_PRCTL: list = []   # Linux's prctl, loaded by the parent before it forks (:func:`_load_prctl`)


def _load_prctl() -> None:
    """Load Linux's prctl in this process, once, for the processes it forks to call."""
    if _PRCTL or not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        _PRCTL.append(ctypes.CDLL(None, use_errno=True).prctl)
    except (OSError, AttributeError):
        pass


def _kill_on_parent_death() -> bool:
    """Ask Linux to send this process SIGKILL when its parent ends; False elsewhere (or when the
    parent could not load prctl)."""
    return bool(_PRCTL) and _PRCTL[0](PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0


if hasattr(os, "register_at_fork"):   # not on Windows, where children are spawned and inherit no lock
    os.register_at_fork(after_in_child=_after_fork_in_child)


STALE_SHARE = 4   # a segment one quarter of whose documents are deleted is written again


def _reclaiming_merge(writer, segments):
    """whoosh's merge policy (``MERGE_SMALL``: small segments are merged), and any segment a
    quarter of whose documents are deleted is written again without them.  whoosh only marks
    a replaced document deleted, and ``MERGE_SMALL`` leaves big segments alone: every
    ``dedup --apply`` and ``--undo`` (and every ingest into a deduplicated index that changes
    something: it undoes and re-applies the merges) replaced the merged records, and the
    index grew by their size each time, for good."""
    from whoosh.reading import SegmentReader
    from whoosh.writing import MERGE_SMALL

    stale = [s for s in segments if s.deleted_count() * STALE_SHARE >= s.doc_count_all() > 0]
    kept = MERGE_SMALL(writer, [s for s in segments if s not in stale])
    for seg in stale:
        reader = SegmentReader(writer.storage, writer.schema, seg)
        writer.add_reader(reader)   # copies the documents not deleted
        reader.close()
    return kept


def _uninterrupted(step):
    """``step()`` with Ctrl-C held back until it returns, for what forks a process or puts on
    a process queue (whoosh's MpWriter as it hands on documents, the cleaning pool as it
    starts).  An interrupt between a fork and the child's registration left the child running
    unseen after the command had exited (waiting on its queue, holding the terminal's pipes);
    one inside a queue's put left its lock taken, and the command hung at exit.  A child
    forked meanwhile inherits the interrupt blocked: its owner ends it."""
    if not hasattr(signal, "pthread_sigmask"):
        return step()
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        return step()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def index_record(writer, store: Store, rec: dict, update: bool = False, doc: dict | None = None,
                 row: tuple | None = None) -> None:
    """Write a stored record to both halves of the index: its whoosh document and its
    row of the Chinese search table (``doc`` and ``row`` when already computed)."""
    doc = doc or document(rec)
    (writer.update_document if update else writer.add_document)(**doc)
    store.put_search(rec["id"], row or columns(doc))


def clean_one(item: Record | Failure) -> tuple | Failure:
    """A raw record → (contract JSON, index document, search row), or a failure (never
    raises)."""
    if isinstance(item, Failure):
        return item
    try:
        rec = clean(item).to_json()
        doc = document(rec)
        return rec, doc, columns(doc)
    except Exception as e:  # a bug on one record must not lose the others
        return Failure.of(item, f"cleaning failed: {type(e).__name__}: {e}")


def _clean_chunk(chunk: list) -> list:
    return [clean_one(item) for item in chunk]


def _chunks(files, fmt):
    chunk = []
    for path in files:
        for item in read_file(path, fmt):
            chunk.append(item)
            if len(chunk) >= CHUNK:
                yield chunk
                chunk = []
    if chunk:
        yield chunk


def _cleaned(files, fmt, workers: int):
    """Cleaned items in input order; with ``workers`` > 1 a pool with bounded look-ahead."""
    if workers <= 1:
        for chunk in _chunks(files, fmt):
            yield from _clean_chunk(chunk)
        return
    import multiprocessing as mp

    load_langdetect()   # once, here, where Ctrl-C stops the run: the workers forked next share it
    pool = _uninterrupted(lambda: mp.get_context("fork").Pool(workers))
    try:
        pending: deque = deque()
        for chunk in _chunks(files, fmt):
            pending.append(pool.apply_async(_clean_chunk, (chunk,)))
            while len(pending) > 3 * workers:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
    finally:
        # Also on Ctrl-C, or when the records are no longer wanted: the workers finish the few
        # chunks handed to them (at most three each) and stop.  terminate() could wait for good
        # on the thread that sends them work, blocked sending a chunk larger than the pipe
        # holds to workers it had ended.
        _uninterrupted(lambda: (pool.close(), pool.join()))


def _progress(progress: Progress, s: Summary, force: bool = False) -> None:
    progress.update(s.read, f"ingest: {s.read:,} records ({s.added:,} added, {s.updated:,} updated, "
                            f"{s.unchanged:,} unchanged, {len(s.failures):,} failed)", force)


def _size(path: str) -> int:
    """Bytes of a file; 0 for one that cannot be read (a broken link in a folder: reading it
    reports the failure)."""
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _remove(writer, store: Store, ids: list[str]) -> int:
    """Delete records from both halves of the index and the store; how many."""
    for rid in ids:
        writer.delete_by_term("id", rid)
    store.remove(ids)
    return len(ids)


def _forget(unmerged: dict[str, bool], ids: list[str]) -> int:
    """Take records about to be removed off the list of :func:`_unmerge`: how many of them
    are not in the whoosh index (hidden duplicates)."""
    return sum(unmerged.pop(rid, None) is False for rid in ids)


def ingest(paths, index_dir: str, fmt: str | None = None, quiet: bool = False,
           workers: int | None = None, prune: bool = False, rebuild: bool = False, archives: bool = False) -> Summary:
    """Read, clean, store and index the records of ``paths`` (a folder's archives too with
    ``archives``); with ``prune``, also remove the records of files under the given folders
    that no longer exist; with ``rebuild``, the search index is first rebuilt from the record
    store.  An unknown ``fmt`` is said before the index is opened; an index folder this run
    made is removed again when it ends before writing to it (Ctrl-C, a --prune typo)."""
    if fmt:
        find_reader(fmt)   # UnknownFormat: a usage error had left an empty index behind
    if rebuild and not paths and not any((Path(index_dir) / name).exists() for name in (STORE_NAME, INDEX_SUBDIR)):
        # a typo in --index: "rebuilding the index of 0 records" made an empty index there
        raise DamagedIndex(f"no index in {index_dir}: --rebuild rebuilds an index's search index from its records; "
                           f"check the folder, or ingest files into it with `python cli.py ingest PATH --index "
                           f"{shlex.quote(str(index_dir))}`")
    made = not os.path.lexists(index_dir)
    try:
        summary = _ingest(paths, index_dir, fmt, quiet, workers, prune, rebuild, archives)
    except BaseException:
        if made:
            _remove_unwritten(index_dir)
        raise
    if made and not summary.added:   # nothing read into it: no empty index left for stats and export to show
        _remove_unwritten(index_dir)
        summary.unmade = not os.path.lexists(index_dir)
    return summary


def _remove_unwritten(index_dir) -> None:
    """Remove the index folder a run made and wrote no record to: it was left as an empty
    index, which the run's message called the index "as it was".  Kept when its store holds
    records (another ingest into the new folder, started meanwhile, committed first)."""
    with contextlib.suppress(Exception):   # a clean-up: the error to tell is the run's
        if not _stored(index_dir):
            shutil.rmtree(index_dir)


def _ingest(paths, index_dir: str, fmt: str | None, quiet: bool, workers: int | None, prune: bool,
            rebuild: bool, archives: bool) -> Summary:
    # A missing path is a usage error before anything is written; with prune, a folder that is
    # gone is a folder whose records are all to be removed.
    missing = [p for p in paths if not os.path.exists(p)] if prune else []
    files = list(iter_files([p for p in paths if p not in missing], archives))
    summary = Summary(index=str(index_dir))
    started = time.monotonic()
    cores = os.cpu_count() or 1
    if workers is None:
        workers = cores if sum(_size(f) for f in files) >= PARALLEL_BYTES else 1
    refused = _RefusedWrite(index_dir)   # a full disk said in a line, with what it left
    failed_writer: list[str] = []   # what a whoosh writer process that failed left (see commit())
    # (an index there already: a rebuild of it takes a while; one made now is no index yet)
    with Vanishing(index_dir) if _there(index_dir) else contextlib.nullcontext(), refused:
        ix, summary.rebuilt = open_or_rebuild(index_dir, quiet, rebuild)
    with Vanishing(index_dir), refused, _InterruptHere() as interrupts:
        parallel = dict(procs=cores, multisegment=True) if workers > 1 and cores > 1 else {}
        writer = index_writer(ix, index_dir, **parallel)
        before = ix.doc_count()  # once the writer is ours: another process may have written meanwhile
        progress = Progress(not quiet)
        try:
            with Store(index_dir) as store:
                # Merges `dedup --apply` made are undone in this transaction and made again after it,
                # from the records as they are then: an id is a record's place in its file, so an
                # edited file gives a hidden duplicate's id to another paper, and a master's merged
                # fields would be lost; and a merged record gone from its file must go.
                unmerged = _unmerge(store)
                # (or a run killed while it made them again left them unmade: this one makes them)
                pending = store.get_meta(APPLY_PENDING) is not None
                merged_before = unmerged is not None or pending
                if merged_before:   # committed with the undoing: a kill before they are made leaves it
                    store.set_meta(APPLY_PENDING, 1)
                unmerged = unmerged or {}
                # records of folders that are gone; a path with none is a typo, still a usage error
                pruned = []
                for path in missing:
                    found = store.gone([path])
                    if not found:
                        raise FileNotFoundError(f"{path}: no such file or folder, and no records from it to prune")
                    pruned += found
                hidden = store.hidden()  # duplicates hidden by `dedup --apply` stay out of the index
                # whoosh documents the summary's counts leave out: hidden duplicates shown again,
                # or removed while not in the whoosh index (see _unmerge)
                uncounted = 0
                counts: dict[str, int] = {}   # records read per file
                failed: set[str] = set()      # files with a failure: what they hold now is not certain
                cut_short: set[str] = set()   # files that end inside a record (their own warning)
                seen: dict[str, set[str]] = {}   # ids read per file
                replaced: dict[str, int] = {}    # ids now holding another paper, per file
                for item in _cleaned(files, fmt, workers):
                    if isinstance(item, Failure):
                        summary.failures.append(item)
                        failed.add(item.path)
                        continue
                    rec, doc, row = item
                    counts[rec["source"]["path"]] = counts.get(rec["source"]["path"], 0) + 1
                    seen.setdefault(rec["source"]["path"], set()).add(rec["id"])
                    summary.read += 1
                    cut = [issue for issue in rec.get("issues") or [] if CUT_SHORT in issue]
                    if cut:  # an earlier version of the file, whole, is kept: this record and those after it
                        failed.add(rec["source"]["path"])
                        cut_short.add(rec["source"]["path"])
                        kept = store.get(rec["id"]) is not None
                        summary.warnings.append(cut[0] + ("; the index keeps this record as an earlier ingest read it, "
                                                          "and the records after it" if kept else
                                                          "; the index keeps any records an earlier ingest read after it"))
                        if kept:
                            summary.unchanged += 1
                            _progress(progress, summary)
                            continue
                    outcome = store.put(rec)
                    if outcome == "replaced":   # an update all the same, said per file
                        summary.replaced += 1
                        at = where(rec["source"]["path"], rec["source"].get("member"))   # (refs.zip/a.ris)
                        replaced[at] = replaced.get(at, 0) + 1
                        outcome = "updated"
                    setattr(summary, outcome, getattr(summary, outcome) + 1)
                    if outcome == "added" or (outcome == "updated" and rec["id"] not in hidden):
                        in_index = unmerged.pop(rec["id"], True)
                        index_record(writer, store, rec, update=outcome == "updated" and in_index, doc=doc, row=row)
                        uncounted += not in_index
                    _progress(progress, summary)
                summary.warnings += [replaced_note(path, n) for path, n in replaced.items()]
                held = store.held_elsewhere(list(counts))
                if held:
                    summary.warnings.append(twice_note(held))
                # records a file no longer holds (a file all of whose items failed too: no count)
                for path in [*counts, *sorted(failed - counts.keys())]:
                    if path not in failed:
                        uncounted += _forget(unmerged, stale := store.stale(path, counts[path]))
                        summary.removed += _remove(writer, store, stale)
                    elif path not in cut_short:   # kept, as what the file holds is not certain: said
                        kept = [rid for rid in store.stale(path, 0) if rid not in seen.get(path, ())]
                        if kept:
                            summary.kept_missing += len(kept)
                            summary.warnings.append(kept_note(path, len(kept)))
                if prune:  # files deleted from the folders given
                    gone = pruned + store.gone([p for p in paths if os.path.isdir(p)])
                    gone = list(dict.fromkeys(gone))
                    uncounted += _forget(unmerged, gone)
                    summary.removed += _remove(writer, store, gone)
                summary.missing = {path: len(ids) for path, ids in store.missing_files().items()}
                if merged_before and not pending and not (summary.added or summary.updated or summary.removed):
                    raise _Unchanged   # the merges stay as they are: the store rolls back, the writer is cancelled
                for rid, in_index in unmerged.items():  # restored masters, duplicates shown again
                    index_record(writer, store, store.get(rid), update=in_index)
                    uncounted += not in_index
                interrupts.hold()  # the index and the store commit together or not at all

                def landed() -> None:   # whoosh's sub-writer processes can fail without raising
                    refused.index_committed = True
                    after = open_index(Path(index_dir) / INDEX_SUBDIR).doc_count()
                    expected = before + summary.added - summary.removed + uncounted
                    if after != expected:   # the store, which holds the run's records, is committed
                        failed_writer.append(f"the search index held {after:,} records, not {expected:,}: "
                                             "a whoosh writer process failed")

                commit(writer, store, landed)   # the index first, then the store
        except _Unchanged:
            _cancel(writer)
            merged_before = False   # nothing to make again
        except BaseException:
            _cancel(writer)
            raise
        finally:
            _progress(progress, summary, force=True)
            progress.close()
    with Vanishing(index_dir, committed=True):
        if failed_writer:   # the store is right: the search index is made again from it
            summary.warnings.append(failed_writer[0] + "; the search index was rebuilt from the store")
            summary.rebuilt = open_or_rebuild(index_dir, quiet, rebuild=True, why=failed_writer[0])[1]
        if merged_before:   # the run's records are committed: a full disk now leaves the merges to make
            with _RefusedWrite(index_dir, left=_merges_pending(summary, index_dir)):
                summary.deduplicated = _merge_again(index_dir, quiet)
        remove_orphans(index_dir)
    summary.seconds = time.monotonic() - started
    return summary


def remove_orphans(index_dir) -> int:
    """Remove the files in the whoosh folder that belong to no segment of the index: what a
    cancelled writer wrote, and the empty segment a commit that added nothing leaves (some
    3 KB each ingest).  Only while no writer works (whoosh's write lock, taken without
    waiting: when another process holds it, nothing is removed).  How many were removed."""
    from whoosh.filedb.filestore import FileStorage

    storage = FileStorage(str(Path(index_dir) / INDEX_SUBDIR))
    lock = storage.lock(f"{windex._DEF_INDEX_NAME}_WRITELOCK")
    if not lock.acquire(False):
        return 0
    try:
        ix = storage.open_index()   # the segments as the last commit left them
        kept = {seg.segment_id() for seg in ix._segments()}
        orphans = [name for name in storage.list() if name.startswith(ix.indexname + "_")
                   and name.split(".")[0] not in kept and not name.endswith("_WRITELOCK")]
        removed = 0
        for name in orphans:
            try:
                storage.delete_file(name)
                removed += 1
            except OSError:   # held open by a search (Windows will not delete it): the next ingest removes it
                pass
        return removed
    finally:
        lock.release()


class _Unchanged(Exception):
    """An ingest into a deduplicated index that adds, updates and removes nothing: its
    un-merging is rolled back rather than made again (which rewrote every master, and left
    the old copies deleted in whoosh's segments, counted in its ranking statistics until
    they are merged away: the same files then ranked otherwise than in a fresh index)."""


class RefusedWrite(DamagedIndex):
    """A write the disk refused, said by a :class:`_RefusedWrite` (``error``: the refusal); one
    around it (an ingest making ``dedup --apply`` again) says it in its own words."""

    def __init__(self, message: str, error: BaseException) -> None:
        super().__init__(message)
        self.error = error


class _RefusedWrite:
    """A write the disk refuses during an ingest (it is full: whoosh's OSError ENOSPC, the
    store's "database or disk is full") told as a :class:`DamagedIndex`: a line saying what
    happened and what the index now holds, where a traceback was.  The store's transaction
    has rolled back and the writer was cancelled: the index is as it was, and the segment
    files the writer had made are removed (the space is given back).  Set
    ``index_committed`` once whoosh has committed: a store that fails after it leaves the
    two apart, and the search index is rebuilt from the store.  ``left``: what the index
    holds then, for a write other than an ingest's (``dedup --apply``, or an ingest making it
    again after its commit: an error out of it had bypassed this, said bare, and left the
    segment files of its failed commit)."""

    def __init__(self, index_dir, left: str | None = None) -> None:
        self.index_dir, self.index_committed, self.left = index_dir, False, left

    def __enter__(self) -> "_RefusedWrite":
        return self

    def __exit__(self, kind, error, tb) -> None:
        if isinstance(error, RefusedWrite):   # said by a write inside this one: said again here
            error = error.error
        why = _refused(error) if error is not None else None
        if why is None:
            return
        said = f"writing to {self.index_dir} failed: {why} ({type(error).__name__}: {error})"
        if self.index_committed:
            raise DamagedIndex(f"{said}, as the record store was committed after the search index; the store is "
                               "as it was before this run: make space, then `python cli.py ingest --rebuild --index "
                               f"{shlex.quote(str(self.index_dir))}` brings the search index back to it, and run "
                               "the ingest again") from error
        with contextlib.suppress(Exception):   # a clean-up: the error to tell is the disk's
            remove_orphans(self.index_dir)
        raise RefusedWrite(f"{said}; " + (self.left or "nothing of this run was written, the index is as it was "
                                          "before it: make space and run the ingest again"), error) from error


def _merges_pending(summary: Summary, index_dir) -> str:
    """What an ingest whose ``dedup --apply`` made again fails (a full disk) leaves: its records
    are committed (as ``summary`` counts them), the merges it undid to take them in are not
    made yet, and the store says they are to be made (:data:`~indexer.store.APPLY_PENDING`)."""
    return (f"this run's records were committed (read {summary.read:,}, added {summary.added:,}, updated "
            f"{summary.updated:,}, removed {summary.removed:,}), but the merges of dedup --apply, made again after "
            "them, were not: until they are, the duplicates they hide are shown; make space, and the next ingest "
            f"or `python cli.py dedup --apply --index {shlex.quote(str(index_dir))}` makes them")


def vanished(index_dir, committed: bool = False, during: str = "the ingest") -> str:
    """What to say of an index folder, or its store, gone ``during`` a run (deleted, unmounted;
    ``committed``: after this run's records were): an error of a file inside it
    (``whoosh/MAIN_….col: No such file or directory``) named an internal file as if the path
    given were wrong."""
    folder = Path(index_dir)
    if not folder.is_dir() or not (folder / INDEX_SUBDIR).is_dir():
        return f"the index folder {index_dir} vanished during {during} (deleted or unmounted?); nothing more was written"
    return (f"the record store {folder / STORE_NAME} vanished during {during} (deleted or moved?)"
            + ("" if committed else "; nothing of this run was written")
            + f": put it back, or ingest the files again with `python cli.py ingest --rebuild PATH --index "
              f"{shlex.quote(str(index_dir))}` (the records it held went with it)")


class StoreVanished(DamagedIndex):
    """The store's file is no longer the one opened, found as the run commits (:func:`commit`):
    said by the :class:`Vanishing` around the run in its own words."""


class Vanishing:
    """A file error during a run (``during``: an ingest, ``dedup --apply`` or ``--undo``) whose
    index folder (its search index, its store) is gone told as that: a :class:`DamagedIndex`
    (:func:`vanished`)."""

    def __init__(self, index_dir, committed: bool = False, during: str = "the ingest") -> None:
        self.index_dir, self.committed, self.during = index_dir, committed, during

    def __enter__(self) -> "Vanishing":
        return self

    def __exit__(self, kind, error, tb) -> None:
        if (isinstance(error, StoreVanished)
                or isinstance(error, (OSError, sqlite3.Error)) and not _there(self.index_dir)):
            raise DamagedIndex(vanished(self.index_dir, self.committed, self.during)) from error


def _there(index_dir) -> bool:
    folder = Path(index_dir)
    return folder.is_dir() and (folder / INDEX_SUBDIR).is_dir() and (folder / STORE_NAME).exists()


def _refused(error: BaseException) -> str | None:
    """What a write the disk refused says of the disk; None for any other error."""
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    if isinstance(error, OSError) and error.errno == errno.EFBIG:
        return "a file grew past the largest size the disk or system allows"
    if isinstance(error, sqlite3.OperationalError):
        code = getattr(error, "sqlite_errorcode", None)
        if code == sqlite3.SQLITE_FULL:
            return "the disk is full"
        if code is not None and code & 0xff == sqlite3.SQLITE_IOERR:   # what SQLite makes of EFBIG, EIO
            return "a read or write of the disk failed"
    return None


def _cancel(writer) -> None:
    """Cancel whoosh's writer.  Its writer processes (procs > 1) are ended first: its cancel
    only asks them to stop, and one waiting for work would keep this process from exiting.
    The files of the segments it had begun are removed before its lock is let go (whoosh's
    cancel leaves them: a Ctrl-C left empty ``MAIN_*.pst`` files in the index)."""
    for task in getattr(writer, "tasks", ()):
        task.terminate()
        task.join()
    if not writer.is_closed:  # a commit that raised has closed it: its error is the one to tell
        lock, writer.writelock = writer.writelock, None
        try:
            writer.cancel()
            if lock is not None:
                _remove_unwritten_segments(writer)
        finally:
            if lock is not None:
                lock.release()


def _remove_unwritten_segments(writer) -> None:
    """Remove the files of segments no commit wrote, left by a writer cancelled or killed
    (``MAIN_<id>.pst``, ``.trm``, ``.seg`` …: whoosh names a segment's files so, and removes
    those of no current segment only when it commits).  Called holding the write lock, so no
    other writer's segment is among them; a file of a segment in the table of contents, and the
    open segment of ``writer`` itself, are kept."""
    keep = {segment.segment_id() for segment in writer.segments}
    if not writer.is_closed:
        keep.add(writer.newsegment.segment_id())
    pattern = TOC._segment_pattern(writer.indexname)
    for name in writer.storage.list():
        m = pattern.match(name)
        if m and m.group(1) not in keep:
            with contextlib.suppress(OSError):
                writer.storage.delete_file(name)


def _unmerge(store: Store) -> dict[str, bool] | None:
    """Undo the merges of ``dedup --apply`` in the store (None when there are none): each
    record to write to the whoosh index again, and whether it is there now (a master, shown
    completed) or not (a hidden duplicate).  A record this run writes or removes is taken off
    the list; whoosh deletes only what a commit has written, so each is written once."""
    if not store.hidden():
        return None
    masters, shown = store.undo_merges()
    return {**{rec["id"]: True for rec in masters}, **{rid: False for rid in shown}}


def _merge_again(index_dir: str, quiet: bool) -> dict | None:
    """``dedup --apply`` once more, with this run's records (see :func:`_unmerge`)."""
    from .. import merge

    if not quiet:
        sys.stderr.write("dedup --apply had been run on this index: finding duplicates again …\n")
    # Ctrl-C is said and waited out, as during the commit; a kill leaves the store saying the
    # merges are to be made, and the next ingest makes them
    with _InterruptHere("dedup --apply is being made again with this run's records; this run finishes that "
                        "first", ending=False) as interrupts:
        interrupts.hold()
        _records, clusters = merge.apply(index_dir)
    merged = merge.applied(clusters, merge.merges_all(index_dir))
    return {"clusters": len(merged), "duplicates_hidden": sum(len(c["records"]) - 1 for c in merged)}


class Ended(KeyboardInterrupt):
    """SIGTERM or SIGHUP (``kill``, a closed terminal) before anything is held: unwound as
    Ctrl-C is (the writer cancelled, its files removed, a folder the run made removed) and
    said, then the process ends by the signal, as it would have (exit status 143 for SIGTERM).
    It had ended at once, saying nothing and leaving the writer's files."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    def end(self) -> None:
        signal.signal(self.signum, signal.SIG_DFL)
        os.kill(os.getpid(), self.signum)


class _InterruptHere:
    """Ctrl-C stops an ingest cleanly.  A terminal sends SIGINT to every process of the
    command: the cleaning pool's workers and whoosh's writer processes, killed mid-task,
    left the pool's shutdown waiting on them forever.  While this is entered, only this
    process takes the interrupt (processes forked from it inherit a handler that ignores it,
    and are ended by their owners as the interrupt unwinds); once :meth:`hold` is called
    (the commit: the index, then the store) an interrupt is ignored, so that the two are
    never left half-written.  SIGTERM and SIGHUP (``kill``, a closed terminal) end the process
    as they always do, unwound as Ctrl-C first (:class:`Ended`), but once held, only after what
    is held is done (they had ended it between the two commits)."""

    ENDING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))

    def __init__(self, doing: str = "the index and the store are being written; stopping now would leave "
                                     "them apart, so this run finishes first", ending: bool = True) -> None:
        self.doing, self.ending_held = doing, ending

    def __enter__(self):
        self.main, self.held, self.previous, self.ending = os.getpid(), False, {}, None
        if threading.current_thread() is threading.main_thread():
            self.previous[signal.SIGINT] = signal.signal(signal.SIGINT, self._on_interrupt)
            for signum in self.ENDING if self.ending_held else ():
                self.previous[signum] = signal.signal(signum, self._on_ending)
        return self

    def _on_interrupt(self, signum, frame):
        if os.getpid() != self.main:
            return
        if not self.held:
            raise KeyboardInterrupt
        self._say(f"\nCtrl-C: {self.doing}\n")

    def _on_ending(self, signum, frame):
        previous = self.previous.get(signum)
        if os.getpid() == self.main and previous == signal.SIG_IGN:   # nohup: it never ended the process
            return
        if os.getpid() == self.main and not self.held and previous in (signal.SIG_DFL, None):
            raise Ended(signum)
        if os.getpid() != self.main or not self.held:   # as if no handler were set (a child: its owner ends it)
            signal.signal(signum, previous if os.getpid() == self.main and callable(previous) else signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        if self.ending is None:
            self.ending = signum
            self._say(f"\n{signal.Signals(signum).name}: {self.doing}, then stops\n")

    @staticmethod
    def _say(text: str) -> None:
        try:   # a closed terminal (SIGHUP) cannot be written: the commit must go on all the same
            sys.stderr.write(text)
            sys.stderr.flush()
        except (OSError, ValueError):
            pass

    def hold(self) -> None:
        self.held = True

    def __exit__(self, *exc) -> None:
        for signum, previous in self.previous.items():
            signal.signal(signum, previous)
        if self.ending is not None:   # what was held is done: end as asked
            os.kill(os.getpid(), self.ending)
