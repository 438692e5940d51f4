"""The cleaned records themselves, in a plain SQLite file beside the index.

Dedup and export read records from here, not from whoosh (whose stored fields are
pickles); the whoosh index can always be rebuilt from this store.
"""
from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import shutil
import sqlite3
from pathlib import Path
from typing import Iterator

from .errors import DamagedIndex
from .papers import another_paper
from .record import ordinal_id

STORE_NAME = "records.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    id TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    -- the file's absolute path, as the id was made from it (``path`` is as given, maybe
    -- relative to where it was ingested): missing-file checks and --prune go by it
    file TEXT,
    digest TEXT NOT NULL,
    json TEXT NOT NULL,
    lang TEXT,
    format TEXT,
    year INTEGER
);
CREATE INDEX IF NOT EXISTS records_path ON records (path, ordinal);
-- Applied deduplication (``dedup --apply``): every record of a merged cluster has a row;
-- the master's row keeps its record as ingested (``original``), a duplicate's row says
-- which master hides it.  ``dedup --undo`` restores from here and empties it.
CREATE TABLE IF NOT EXISTS merges (
    id TEXT PRIMARY KEY,
    master TEXT NOT NULL,
    original TEXT
);
"""
# Chinese substring search at C speed (see indexer/index/fts.py, which fills it): one
# row per record search shows, rowid = the record's rowid.  Every character but spaces
# is a token character; the index layer writes each CJK character as one token.
SEARCH_TABLE = "cjk"
SEARCH_COLUMNS = ("text", "title", "keywords", "funding", "kwx", "words")
_SEARCH_SCHEMA = (f"CREATE VIRTUAL TABLE IF NOT EXISTS {SEARCH_TABLE} USING fts5({', '.join(SEARCH_COLUMNS)}, "
                  "tokenize = \"unicode61 categories 'L* N* Co M* P* S*'\")")


# The ``meta`` key set while ``dedup --apply`` is to be made (again): by an ingest that undid the
# merges, in its transaction, and by an apply as it undoes the last one; removed in the transaction
# that makes the merges (or by ``dedup --undo``).  A run killed in between (finding the duplicates
# takes a while) leaves it, and the next ingest makes them.
APPLY_PENDING = "dedup_apply_pending"

# The ``meta`` key of the citation keys masters were lent by their duplicates (a JSON object, a
# master's id → the key): export's, kept across ``dedup --undo`` (see Store.lent_keys).
LENT_KEYS = "lent_keys"


# The columns a record's JSON fills (its language, format and year), to count and filter in SQL.
_JSON_COLUMNS = (("lang", "TEXT", "json_extract(json, '$.language')"),
                 ("format", "TEXT", "json_extract(json, '$.source.format')"),
                 ("year", "INTEGER", "json_extract(json, '$.year')"))


def digest(record_json: dict) -> str:
    """Content hash of a record's canonical JSON: a changed record gets a new digest."""
    text = json.dumps(record_json, ensure_ascii=False, sort_keys=True)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def respelled(record_json: dict, path: str) -> dict:
    """``record_json`` as read through ``path``, another spelling of its file (``refs/a.ris`` and
    ``/home/me/refs/a.ris``, or ``./a.ris`` from inside ``refs``: the id, made of the absolute path,
    is the same): its source and the issues that name the file (``a.ris:12: …``) say ``path``.
    What :meth:`Store.put` compares with the stored digest, made of the path as given then.

    >>> rec = {"id": "x", "source": {"path": "./a.ris", "record": 2}, "issues": ["./a.ris:9: cut"]}
    >>> respelled(rec, "refs/a.ris")["issues"], respelled(rec, "refs/a.ris")["source"]["path"]
    (['refs/a.ris:9: cut'], 'refs/a.ris')
    """
    given = record_json["source"]["path"]
    out = {**record_json, "source": {**record_json["source"], "path": path}}
    if record_json.get("issues"):
        out["issues"] = [path + issue[len(given):] if issue.startswith(given + ":") else issue
                         for issue in record_json["issues"]]
    return out


def _write_ahead(db: sqlite3.Connection) -> None:
    """WAL mode (kept in the file): a search, ``show`` or ``stats`` reads the last commit
    while an ingest writes, where SQLite's default journal made them wait for the whole
    write and fail "database is locked".  A file system without WAL keeps the default."""
    if db.execute("PRAGMA journal_mode").fetchone()[0] not in ("wal", "off", "memory"):
        try:
            db.execute("PRAGMA journal_mode=WAL")
        except sqlite3.OperationalError:   # a file that cannot be written: read as it is
            pass


def _gone(path: str) -> bool:
    """The file no longer exists: not merely out of reach (a folder that cannot be entered,
    ``chmod 000``: ``--prune`` removed its records while the run said it could not read it)."""
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:
        return False
    return False


# How long a store waits for another process's write to end before it says it is busy.
_WAIT_SECONDS = 60


def _read_only(e: sqlite3.OperationalError) -> bool:
    """Whether SQLite refused a write because the store cannot be written (read-only media,
    another user's file), not because another process holds it ("database is locked").

    >>> _read_only(sqlite3.OperationalError("attempt to write a readonly database"))
    True
    >>> _read_only(sqlite3.OperationalError("database is locked"))
    False
    """
    code = getattr(e, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF == getattr(sqlite3, "SQLITE_READONLY", 8)
    return "readonly" in str(e)


def _disk_failed(e: sqlite3.Error) -> bool:
    """Whether SQLite failed on the disk (SQLITE_FULL, SQLITE_IOERR: on a full disk it cannot
    make the ``-shm`` file a WAL store is read through), not on the file: such a store is whole.

    >>> _disk_failed(sqlite3.OperationalError("disk I/O error")), _disk_failed(sqlite3.DatabaseError("file is not a database"))
    (True, False)
    """
    code = getattr(e, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR)
    return str(e) in ("disk I/O error", "database or disk is full")


def _disk_full(path: Path, e: sqlite3.Error) -> str:
    """What to say of a store SQLite cannot open for its disk: every command, reading ones too,
    had called it "not a record store this tool can read" and advised ingesting the files again
    into a new folder (on the same full disk).  Full when SQLite says so or under a megabyte is
    free; else the disk failed to read (a damaged sector, a network mount gone), not said full.

    >>> _disk_full(Path("/tmp/x/records.sqlite"), sqlite3.OperationalError("disk I/O error"))[:80]
    '/tmp/x/records.sqlite cannot be opened: reading the disk holding it failed (disk'
    """
    try:
        free = shutil.disk_usage(path.parent).free
    except OSError:
        free = None
    full = getattr(e, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_FULL or free is not None and free < 1 << 20
    if not full:   # an I/O error with room to spare: the disk (or its mount) fails, not its space
        return (f"{path} cannot be opened: reading the disk holding it failed ({e}); check the disk (or the "
                "network mount) and run again: the store itself may be whole")
    return (f"{path} cannot be opened: the disk holding it is full"
            f"{'' if free is None else f' ({free // 1024:,} KB free)'} ({e}); free space and run again: the index "
            "is not damaged")


def _busy(path: Path, e: sqlite3.Error) -> DamagedIndex:
    return DamagedIndex(f"{path} is busy: another process has been writing it for over a "
                        f"minute ({e}); try again when it ends")


class Store:
    def __init__(self, directory: str | Path, create: bool = True, reading: bool = False):
        """The store in ``directory``, made there when there is none; without ``create`` it must
        be there (a FileNotFoundError): ``dedup`` made an empty one in an index folder deleted
        while it ran.  ``reading``: for a command that only reads (search, show, stats), a store
        of an older layout that another process is writing is read as it is, as one on
        read-only media, not waited for (a minute, then "busy") to be upgraded: the next run
        that writes upgrades it."""
        self.path = Path(directory) / STORE_NAME
        self.reading = reading
        if create:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        # An ingest writes for minutes: readers wait for a lock at most this long (searches do
        # not wait at all in WAL mode, where they read the last commit while it writes).
        if self.path.exists() and not os.access(self.path.parent, os.W_OK):
            # a folder this user cannot write (another user's index, read-only media): read as it
            # is, without the lock and WAL files SQLite would have to make beside it
            self.db = sqlite3.connect(f"{self.path.resolve().as_uri()}?immutable=1", uri=True)
        elif create:
            self.db = sqlite3.connect(self.path, timeout=_WAIT_SECONDS)
        else:
            try:
                self.db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=rw", uri=True, timeout=_WAIT_SECONDS)
            except sqlite3.OperationalError:
                if self.path.exists():
                    raise
                raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(self.path)) from None
        try:
            self.db.executescript(_SCHEMA)
            _write_ahead(self.db)
        except sqlite3.DatabaseError as e:  # not SQLite at all, or a damaged file
            self.db.close()
            if "locked" in str(e):
                raise _busy(self.path, e) from e
            if _disk_failed(e):
                raise DamagedIndex(_disk_full(self.path, e)) from e
            raise DamagedIndex(f"{self.path} is not a record store this tool can read ({e}); ingest the "
                               "files again into a new --index folder") from e
        self._add_columns()
        self.writable = self._upgrade()
        self._file = self._identity()
        try:  # SQLite builds without FTS5 still work: search then uses whoosh alone
            have = tuple(row[1] for row in self.db.execute(f"PRAGMA table_info({SEARCH_TABLE})"))
            if have and have != SEARCH_COLUMNS:  # written by an older version: refilled by the rebuild
                self.db.execute(f"DROP TABLE {SEARCH_TABLE}")
            self.db.execute(_SEARCH_SCHEMA)
            self.has_search_table = True
        except sqlite3.OperationalError:
            self.has_search_table = False

    def _add_columns(self) -> None:
        """Give a store written before the ``lang``, ``format`` and ``year`` columns existed
        those columns, filled from each record's JSON.  One that cannot be written (read-only
        media, another user's index: every command failed "attempt to write a readonly
        database") is read through a view of the same name in SQLite's temp schema, which a
        name is looked up in first, that reads them from the JSON.  A store another process is
        writing is waited for (the connection's timeout), and said busy past it: a view there
        made the store's own writes fail later ("cannot modify records because it is a view")."""
        if not self._missing_columns():
            return

        def add() -> None:   # (looked at again once the store is ours: another process may have added them)
            missing = self._missing_columns()
            for column, kind, _value in missing:
                self.db.execute(f"ALTER TABLE records ADD COLUMN {column} {kind}")
            if missing:
                self.db.execute("UPDATE records SET " + ", ".join(f"{c} = {v}" for c, _k, v in missing))

        if not self._write_now(add):
            missing = self._missing_columns()
            if missing:
                self.db.execute("CREATE TEMP VIEW records AS SELECT rowid AS rowid, *, "
                                + ", ".join(f"{v} AS {c}" for c, _k, v in missing) + " FROM main.records")

    def _write_now(self, change) -> bool:
        """Make ``change()`` in a transaction taken at once (BEGIN IMMEDIATE): another process
        writing the store is waited for, as every write of the store waits (the connection's
        timeout), and past the wait the store is said busy (a :class:`DamagedIndex`).  Whether
        it was made: not in a store that cannot be written (read-only media, another user's
        index), nor, opened for ``reading``, in one another process holds: either is read as it is."""
        wait = _WAIT_SECONDS * 1000
        if self.reading:   # (a reader does not wait for the write lock: it reads the store as it is)
            self.db.execute("PRAGMA busy_timeout = 0")
        try:
            self.db.execute("BEGIN IMMEDIATE")
            change()
            self.db.commit()
            made = True
        except sqlite3.OperationalError as e:
            self.db.rollback()
            held = "locked" in str(e) or "busy" in str(e)
            if not (_read_only(e) or self.reading and held):
                self.db.close()
                if held:
                    raise _busy(self.path, e) from e
                raise
            made = False
        if self.reading:   # (its reads wait as every read does: a commit in the old journal mode)
            self.db.execute(f"PRAGMA busy_timeout = {wait:.0f}")
        return made

    def _missing_columns(self) -> list[tuple[str, str, str]]:
        have = {row[1] for row in self.db.execute("PRAGMA main.table_info(records)")}
        return [(c, k, v) for c, k, v in _JSON_COLUMNS if c not in have]

    def _upgrade(self) -> bool:
        """Add what a store written by an earlier version lacks: the ``file`` column (filled for
        the records whose id their path gives again from here; the others are told from where
        they were ingested, see :meth:`missing_files`) and the ``meta`` table; whether the store
        can be written (one that cannot is read as it is).  A store another process is writing
        is waited for, and said busy past the wait (:meth:`_write_now`): it had been read as one
        that cannot be written, and an ingest into it failed "table records has no column
        named file"."""
        if not self._outdated():   # (a store up to date is not locked: a search reads on while an ingest writes)
            return True

        # (the store's own table, main.records: a store that cannot be written may be read through
        # a view of that name, see _add_columns)
        def upgrade() -> None:   # (looked at again once the store is ours: another process may have done it)
            if not self._has_file():
                self.db.execute("ALTER TABLE main.records ADD COLUMN file TEXT")
                rows = self.db.execute("SELECT id, path, ordinal FROM main.records").fetchall()
                self.db.executemany("UPDATE main.records SET file = ? WHERE id = ?",
                                    [(os.path.abspath(path), rid) for rid, path, ordinal in rows
                                     if ordinal_id(path, ordinal) == rid])
            self.db.execute("CREATE INDEX IF NOT EXISTS main.records_file ON records (file)")
            self.db.execute("CREATE TABLE IF NOT EXISTS main.meta (key TEXT PRIMARY KEY, value TEXT)")
            # the citation keys export made (export.common.citation_keys), each with the record it was
            # made for and that record's DOI and title then: so that no change of its or another's
            # metadata, nor a record's move to another id, moves a key cited to another paper
            self.db.execute("CREATE TABLE IF NOT EXISTS main.made_keys (key TEXT PRIMARY KEY COLLATE NOCASE, "
                            "id TEXT NOT NULL, doi TEXT, title TEXT)")

        return self._write_now(upgrade)

    def _outdated(self) -> bool:
        """Whether the store lacks what :meth:`_upgrade` adds."""
        made = {name for (name,) in self.db.execute("SELECT name FROM main.sqlite_master "
                                                    "WHERE name IN ('records_file', 'meta', 'made_keys')")}
        return not self._has_file() or made != {"records_file", "meta", "made_keys"}

    def _has_file(self) -> bool:
        return any(row[1] == "file" for row in self.db.execute("PRAGMA main.table_info(records)"))

    def _identity(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return st.st_dev, st.st_ino

    def vanished(self) -> bool:
        """The file this store was opened from is no longer at its path (deleted, moved, its
        folder unmounted): SQLite goes on writing the open file, and a commit "succeeds" into
        a file no one will open again."""
        return self._file is not None and self._identity() != self._file

    def _has(self, table: str, column: str | None = None) -> bool:
        names = {row[1] for row in self.db.execute(f"PRAGMA table_info({table})")}
        return bool(names) and (column is None or column in names)

    # -- what the store says of the whoosh index beside it ----------------------------

    def get_meta(self, key: str) -> str | None:
        if not self._has("meta"):
            return None
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: object) -> None:
        """Set (or with None remove) ``key``, in the store's transaction: committed with the records."""
        if value is None:
            self.db.execute("DELETE FROM meta WHERE key = ?", (key,))
        else:
            self.db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                            "value = excluded.value", (key, str(value)))

    def shown_count(self) -> int:
        """Records search shows (hidden duplicates left out): what the whoosh index holds."""
        return self.db.execute("SELECT (SELECT COUNT(*) FROM records) - "
                               "(SELECT COUNT(*) FROM merges WHERE master != id)").fetchone()[0]

    def close(self) -> None:
        self.db.commit()
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:  # nothing half-done is kept: the index was not committed either
            self.db.rollback()
        self.close()

    def put(self, record_json: dict) -> str:
        """Insert or replace one record; returns 'added', 'updated' or 'unchanged' (also when
        only the spelling of its file's path differs: see :func:`respelled`), and 'replaced' for
        an update that puts another paper at the id (:func:`~indexer.papers.another_paper`: a
        record added or removed above it in its file moved the papers; an id is a place).

        The digest is that of the record as ingested, also for a master whose stored JSON
        was completed by ``dedup --apply``: ingesting the same file again changes nothing.
        A changed master replaces its saved original too (its merged fields are gone until
        the next ``dedup --apply``); a changed hidden duplicate stays hidden.
        """
        rid = record_json["id"]
        d = digest(record_json)
        row = self.db.execute("SELECT digest, path FROM records WHERE id = ?", (rid,)).fetchone()
        if row and row[0] == d:
            return "unchanged"
        if row and row[1] != record_json["source"]["path"] and digest(respelled(record_json, row[1])) == row[0]:
            # the same file by another spelling (the id is its absolute path): the record is as it
            # was, and kept as it was, by the path it was first ingested through (every record had
            # been "updated", and after `dedup --apply` every merge undone and made again)
            return "unchanged"
        # (only an update reads what told the old paper, its DOI and titles)
        was = self.db.execute("SELECT json_extract(json, '$.doi'), json_extract(json, '$.title'), "
                              "json_extract(json, '$.language') FROM records WHERE id = ?", (rid,)).fetchone() if row else None
        self._write(record_json, d)
        self.db.execute("UPDATE merges SET original = ? WHERE id = ? AND master = id",
                        (json.dumps(record_json, ensure_ascii=False), rid))
        if not row:
            return "added"
        old = {"doi": was[0], "title": json.loads(was[1]) if was[1] else {}, "language": was[2]}
        return "replaced" if another_paper(old, record_json) else "updated"

    def _write(self, record_json: dict, d: str) -> None:
        """Insert a record's row, or update it in place: its rowid, the order it first entered
        the store (:meth:`first_entered`), stays (REPLACE would delete the row and add it last);
        its search row goes with its old version (the caller writes the new one with
        :meth:`put_search`)."""
        self._drop_search([record_json["id"]])
        src = record_json["source"]
        # the absolute path, when the id comes out of it from here (dedup --apply run from
        # elsewhere writes a master ingested by a relative path: its file is kept as it was)
        file = os.path.abspath(src["path"]) if ordinal_id(src["path"], src["record"]) == record_json["id"] else None
        self.db.execute("INSERT INTO records (id, path, ordinal, file, digest, json, lang, format, year) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET path = excluded.path, "
                        "ordinal = excluded.ordinal, file = COALESCE(excluded.file, file), digest = excluded.digest, "
                        "json = excluded.json, lang = excluded.lang, format = excluded.format, year = excluded.year",
                        (record_json["id"], src["path"], src["record"], file, d,
                         json.dumps(record_json, ensure_ascii=False),
                         record_json.get("language"), src.get("format"), record_json.get("year")))

    # -- the Chinese substring table (indexer/index/fts.py) ---------------------------

    def put_search(self, rid: str, columns: tuple[str, ...]) -> None:
        """The search row of record ``rid``, just written by :meth:`put`, :meth:`apply_merge`
        or :meth:`undo_merges` (which drop the old row; a second row for one record would
        be refused by SQLite, never kept)."""
        if not self.has_search_table:
            return
        marks = ", ".join("?" * len(SEARCH_COLUMNS))
        self.db.execute(f"INSERT INTO {SEARCH_TABLE} (rowid, {', '.join(SEARCH_COLUMNS)}) "
                        f"SELECT rowid, {marks} FROM records WHERE id = ?", (*columns, rid))

    def _drop_search(self, ids: list[str]) -> None:
        if self.has_search_table and ids:
            rowids = [row for rid in ids for row in self.db.execute("SELECT rowid FROM records WHERE id = ?", (rid,))]
            # one rowid at a time: FTS5 looks a rowid up only for an equality constraint
            self.db.executemany(f"DELETE FROM {SEARCH_TABLE} WHERE rowid = ?", rowids)

    def stale(self, path: str, count: int, probe: int = 64) -> list[str]:
        """Ids of records stored from ``path`` at ordinals after ``count`` (the file has
        lost records since it was ingested), except those ``dedup --apply`` merged; a run
        of ``probe`` missing ordinals ends the search."""
        merged = self._merged()
        out, ordinal, misses = [], count + 1, 0
        while misses < probe:
            rid = ordinal_id(path, ordinal)
            if self.db.execute("SELECT 1 FROM records WHERE id = ?", (rid,)).fetchone():
                misses = 0
                if rid not in merged:
                    out.append(rid)
            else:
                misses += 1
            ordinal += 1
        return out

    def missing_files(self) -> dict[str, list[str]]:
        """Files records were read from that no longer exist, by absolute path, each with the
        ids of its records (except those ``dedup --apply`` merged), from any working directory.
        Each record's file is the absolute path its id was made of (``file``): two folders
        ingested by one relative path from two directories (``refs/a.ris``) are two files.  A
        record stored before that column, by a relative path, is told from here only when its
        path gives its id again (from elsewhere it is left)."""
        merged = self._merged()
        out: dict[str, list[str]] = {}
        has_file = self._has("records", "file")
        if has_file:
            for (where,) in self.db.execute("SELECT DISTINCT file FROM records WHERE file IS NOT NULL").fetchall():
                if _gone(where):
                    ids = [r for (r,) in self.db.execute("SELECT id FROM records WHERE file = ?", (where,))
                           if r not in merged]
                    if ids:
                        out[where] = ids
        gone: dict[str, bool] = {}
        for rid, path, ordinal in self.db.execute("SELECT id, path, ordinal FROM records"
                                                  + (" WHERE file IS NULL" if has_file else "")).fetchall():
            if rid in merged or ordinal_id(path, ordinal) != rid:
                continue
            where = os.path.abspath(path)
            if gone.setdefault(where, _gone(where)):
                out.setdefault(where, []).append(rid)
        return out

    def held_elsewhere(self, paths: list[str]) -> dict[str, dict[str, int]]:
        """Each of ``paths`` (files just read) that the store also holds by another path to the
        same file (a link to it or to its folder, a bind mount: the id is the absolute path as
        given, so its records are held twice): {path: {the other path: its records}}.  What
        :func:`respelled` cannot tell, as those paths make other ids.  A stat of each file the
        store holds, as :meth:`missing_files` makes."""
        wanted: dict[tuple[int, int], list[str]] = {}
        for path in paths:
            with contextlib.suppress(OSError):
                st = os.stat(path)
                wanted.setdefault((st.st_dev, st.st_ino), []).append(path)
        out: dict[str, dict[str, int]] = {}
        if not wanted or not self._has("records", "file"):
            return out
        for where, n in self.db.execute("SELECT file, COUNT(*) FROM records WHERE file IS NOT NULL "
                                        "GROUP BY file").fetchall():
            try:
                st = os.stat(where)
            except OSError:
                continue
            for path in wanted.get((st.st_dev, st.st_ino), ()):
                if os.path.abspath(path) != where:
                    out.setdefault(path, {})[where] = n
        return out

    def files(self) -> dict[str, str]:
        """Each record's file, by id: the absolute path its id was made of (``file``), else its
        path as given (stored before that column; an archive's member: the archive).  One file
        ingested by two spellings of its path (absolute, relative) is one file here."""
        column = "COALESCE(file, path)" if self._has("records", "file") else "path"
        return dict(self.db.execute(f"SELECT id, {column} FROM records").fetchall())

    def gone(self, paths: list[str]) -> list[str]:
        """Ids of records whose file no longer exists and is one of ``paths`` or under one of
        them (see :meth:`missing_files`)."""
        roots = [os.path.abspath(p) for p in paths]
        return [rid for where, ids in self.missing_files().items()
                if any(where == root or where.startswith(os.path.join(root, "")) for root in roots)
                for rid in ids]

    def _merged(self) -> set[str]:
        """Ids of records ``dedup --apply`` merged (masters and hidden duplicates)."""
        return {rid for (rid,) in self.db.execute("SELECT id FROM merges")}

    def remove(self, ids: list[str]) -> None:
        """Delete records and their search rows."""
        self._drop_search(ids)
        self.db.executemany("DELETE FROM records WHERE id = ?", [(rid,) for rid in ids])
        # (a key made for a record stays in made_keys: no other paper is made it, and the record
        # ingested again, from another file, gets it back)

    def clear_search(self) -> None:
        if self.has_search_table:
            self.db.execute(f"DELETE FROM {SEARCH_TABLE}")

    def search_rows(self) -> int:
        """Rows of the search table (FTS5 keeps one size row per document: counted fast)."""
        if not self.has_search_table:
            return -1
        return self.db.execute(f"SELECT COUNT(*) FROM {SEARCH_TABLE}_docsize").fetchone()[0]

    # -- applied deduplication -------------------------------------------------------

    def hidden(self) -> dict[str, str]:
        """Hidden duplicate id → the id of the master shown in its place."""
        return dict(self.db.execute("SELECT id, master FROM merges WHERE master != id"))

    def apply_merge(self, merged_master: dict, duplicates: list[str]) -> None:
        """Show ``merged_master`` (the master completed from its duplicates) in place of the
        master as ingested, and hide ``duplicates``."""
        mid = merged_master["id"]
        row = self.db.execute("SELECT json, digest FROM records WHERE id = ?", (mid,)).fetchone()
        if row is None:
            raise KeyError(mid)
        self.db.execute("INSERT INTO merges (id, master, original) VALUES (?, ?, ?)", (mid, mid, row[0]))
        self.db.executemany("INSERT INTO merges (id, master, original) VALUES (?, ?, NULL)",
                            [(d, mid) for d in duplicates])
        self._drop_search(duplicates)
        self._write(merged_master, row[1])

    def undo_merges(self) -> tuple[list[dict], list[str]]:
        """Restore every master as ingested and show every hidden duplicate again:
        (the restored masters, the ids shown again)."""
        masters = []
        for (original,) in self.db.execute("SELECT original FROM merges WHERE master = id ORDER BY id").fetchall():
            rec = json.loads(original)
            d = self.db.execute("SELECT digest FROM records WHERE id = ?", (rec["id"],)).fetchone()[0]
            self._write(rec, d)
            masters.append(rec)
        shown = sorted(self.hidden())
        self.db.execute("DELETE FROM merges")
        return masters, shown

    def get(self, rid: str) -> dict | None:
        row = self.db.execute("SELECT json FROM records WHERE id = ?", (rid,)).fetchone()
        return json.loads(row[0]) if row else None

    def resolve(self, text: str) -> list[str]:
        """The ids ``text`` names: itself in any case, else (from 4 hex digits on) the ids it is
        the start of, two at most (two: it names no single record)."""
        rid = text.strip().lower()
        if self.db.execute("SELECT 1 FROM records WHERE id = ?", (rid,)).fetchone():
            return [rid]
        return self.ids_starting(rid) if len(rid) >= 4 else []

    def ids_starting(self, prefix: str, limit: int = 2) -> list[str]:
        """Up to ``limit`` record ids that start with ``prefix`` (ids are lower-case hex)."""
        if not re.fullmatch(r"[0-9a-f]+", prefix):
            return []
        return [rid for (rid,) in self.db.execute("SELECT id FROM records WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
                                                  (prefix, prefix + "g", limit))]

    def _column_of(self, column: str, ids: list[str]) -> Iterator[tuple[str, object]]:
        """``(id, column)`` of the records ``ids``, asked 500 at a time (SQLite limits the ``?`` in one statement)."""
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            yield from self.db.execute(f"SELECT id, {column} FROM records WHERE id IN ({marks})", chunk)

    def get_many(self, ids: list[str]) -> dict[str, dict]:
        return {rid: json.loads(text) for rid, text in self._column_of("json", ids)}

    def years(self, ids: list[str]) -> dict[str, int | None]:
        """Each record's year (None when it has none)."""
        return dict(self._column_of("year", ids))

    def __iter__(self) -> Iterator[dict]:
        """The records search and export show: hidden duplicates left out."""
        for (text,) in self.db.execute("SELECT json FROM records WHERE id NOT IN "
                                       "(SELECT id FROM merges WHERE master != id) ORDER BY path, ordinal"):
            yield json.loads(text)

    def all_records(self) -> Iterator[dict]:
        """Every record as ingested, hidden duplicates included and masters without the
        fields ``dedup --apply`` filled in: what deduplication compares."""
        for (text,) in self.db.execute("SELECT COALESCE(m.original, r.json) FROM records r LEFT JOIN merges m "
                                       "ON m.id = r.id AND m.master = r.id ORDER BY r.path, r.ordinal"):
            yield json.loads(text)

    def first_entered(self, years: set | None = None, formats: tuple[str, ...] = ()) -> Iterator[dict]:
        """Every record (hidden duplicates too; only those of ``years`` when given, ``None``
        for the undated, and those read from ``formats`` of any year) in the order it first entered the store (its rowid: kept when the
        record is written again, by a re-ingest of a changed file or by ``dedup
        --apply``/``--undo``, and by ``ingest --rebuild``, which rebuilds the search index
        only), as what its citation key is made of: its id, source, language, year, title, first
        author, DOI (what keeps a key made its record's) and the ``citation-key`` it came with.  Read in SQLite, not as whole records."""
        where, values = "", []
        if years is not None:
            values = sorted(y for y in years if y is not None)
            parts = [f"year IN ({', '.join('?' * len(values))})"] if values else []
            parts += ["year IS NULL"] if None in years else []
            parts += [f"format IN ({', '.join('?' * len(formats))})"] if formats else []
            values += list(formats)
            where = "WHERE " + (" OR ".join(parts) or "0")
        for rid, source, lang, year, title, author, doi, key, csl_key in self.db.execute(
                "SELECT id, json_extract(json, '$.source'), json_extract(json, '$.language'), year, "
                "json_extract(json, '$.title'), json_extract(json, '$.authors[0]'), json_extract(json, '$.doi'), "
                "json_extract(json, '$.extra.\"citation-key\"'), json_extract(json, '$.extra.csl.\"citation-key\"') "
                f"FROM records {where} ORDER BY rowid", values):
            # the key a CSL item came with (export.common.own_key reads it from extra)
            kept = {"citation-key": key} if key else {"csl": {"citation-key": csl_key}} if csl_key else {}
            yield {"id": rid, "source": json.loads(source), "language": lang, "year": year,
                   "title": json.loads(title) if title else {}, "authors": [json.loads(author)] if author else [],
                   "doi": doi, "extra": kept}

    @contextlib.contextmanager
    def snapshot(self):
        """Reads in one transaction: what they read is the store at one moment, though an
        ingest commits meanwhile (the store's WAL keeps that moment for them)."""
        begun = not self.db.in_transaction
        if begun:
            self.db.execute("BEGIN DEFERRED")
        try:
            yield self
        finally:
            if begun and self.db.in_transaction:
                self.db.rollback()   # (it read only)

    def given_keys(self) -> list[dict]:
        """The citation keys export made (:meth:`keep_keys`), in the order made, each with the id
        and the fingerprint (``doi``, normalised ``title``) of the record it was made for, and the
        DOI and titles of the record at that id ``now`` (``None``: no record there now)."""
        if not self._has("made_keys"):
            return []
        return [{"key": key, "id": rid, "doi": doi, "title": title,
                 "now": None if now is None else {"doi": now_doi, "title": json.loads(now) or {}}}
                for key, rid, doi, title, now_doi, now in self.db.execute(
                    "SELECT k.key, k.id, k.doi, k.title, json_extract(r.json, '$.doi'), json_extract(r.json, '$.title') "
                    "FROM made_keys k LEFT JOIN records r ON r.id = k.id ORDER BY k.rowid")]

    def keep_keys(self, keys: dict[str, tuple[str, str, str]]) -> bool:
        """Keep the citation keys made for records (key → the record's id, DOI, normalised title);
        whether they were kept.  Export
        opens the store for ``reading``: one an ingest is writing (its transaction lasts the
        ingest) is not waited for, nor is one that cannot be written; keys not kept are made
        the same way at the next export, from the keys kept and the records entered before."""
        if not keys or not self._has("made_keys"):
            return False
        return self._write_now(lambda: self.db.executemany(
            "INSERT INTO made_keys (key, id, doi, title) SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM records WHERE id = ?) "
            "ON CONFLICT (key) DO UPDATE SET id = excluded.id, doi = excluded.doi, title = excluded.title",
            [(key, rid, doi, title, rid) for key, (rid, doi, title) in keys.items()]))

    def made_key(self, key: str) -> bool:
        """Whether export made ``key`` (in any case) and keeps it (:meth:`keep_keys`)."""
        return self._has("made_keys") and bool(
            self.db.execute("SELECT 1 FROM made_keys WHERE key = ?", (key,)).fetchone())

    def came_keys(self, formats: tuple[str, ...]) -> Iterator[str]:
        """What can be a citation key a record of ``formats`` came with
        (:func:`indexer.export.common.own_key` tells which is): a BibTeX entry's or a CSL item's
        source id, and a ``citation-key`` (a CSL item's, a CSV's ``key`` column), a record's
        JSON looked in for that name in SQLite, not read whole."""
        marks = ", ".join("?" * len(formats))
        for row in self.db.execute(
                "SELECT CASE WHEN format IN ('bibtex', 'csl-json') THEN json_extract(json, '$.source.source_id') END, "
                "json_extract(json, '$.extra.\"citation-key\"'), json_extract(json, '$.extra.csl.\"citation-key\"') "
                f"FROM records WHERE format IN ({marks}) "
                "AND (format IN ('bibtex', 'csl-json') OR instr(json, '\"citation-key\"'))", formats):
            yield from (str(text) for text in row if text)

    def lent_keys(self) -> dict[str, str]:
        """The key each master ``dedup --apply`` showed was lent by a duplicate (export's
        :meth:`keep_lent`), by the master's id: the key cited for it, shown again when it is a
        master again (``--undo``, then ``--apply``), though it has a key of its own since."""
        try:
            value = json.loads(self.get_meta(LENT_KEYS) or "{}")
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    def keep_lent(self, lent: dict[str, str]) -> bool:
        """Keep the keys masters were lent (see :meth:`lent_keys`), as :meth:`keep_keys` keeps
        keys: whether they were kept."""
        if not lent or not self._has("meta"):
            return False
        return self._write_now(lambda: self.set_meta(LENT_KEYS, json.dumps({**self.lent_keys(), **lent})))

    def counts(self, column: str) -> list[tuple[object, int]]:
        """Records per value of ``lang``, ``format`` or ``year``, most frequent first."""
        if column not in ("lang", "format", "year"):
            raise ValueError(column)
        return list(self.db.execute(f"SELECT {column}, COUNT(*) FROM records GROUP BY {column} "
                                    f"ORDER BY COUNT(*) DESC, {column}"))

    def __len__(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM records").fetchone()[0]
