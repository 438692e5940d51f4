"""An index's two halves over its life: the store lost beside the search index, an --index
that is a file, and ``dedup --apply`` that waited for an ingest writing meanwhile.  Real
command-line runs on real indexes in temporary folders."""
from __future__ import annotations

import fcntl
import json
import os
import random
import subprocess
import sys
import time

import pytest

from conftest import CLI_WAITING, ROOT, STORE_HOLDER, run_cli

PAPERS = [("Bone marrow stromal cells in spinal metastasis", "10.1000/marrow.1", "Smith, John"),
          ("Interleukin 6 signalling in sarcoma", "10.1000/il6.2", "Wang, Jianguo"),
          ("Radiotherapy of vertebral tumours", "10.1000/radio.3", "Li, Hua")]


def _ris(papers) -> str:
    return "".join(f"TY  - JOUR\nTI  - {title}\nAU  - {author}\nDO  - {doi}\nPY  - 2020\nJO  - Spine\nER  - \n\n"
                   for title, doi, author in papers)


@pytest.fixture
def index(tmp_path):
    """(the RIS file, an index of it)."""
    ris, idx = tmp_path / "papers.ris", tmp_path / "idx"
    ris.write_text(_ris(PAPERS), encoding="utf-8")
    assert run_cli("ingest", "-q", str(ris), "--index", str(idx)).returncode == 0
    return ris, idx


def _lost(result, idx, state: str, count: int = len(PAPERS)) -> None:
    """The command refused the index, saying its store is lost and how to ingest again."""
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert f"the record store {idx / 'records.sqlite'} {state}" in result.stderr, result.stderr
    assert f"lists {count} records" in result.stderr and f"ingest --rebuild PATH --index {idx}" in result.stderr
    assert "Traceback" not in result.stderr and "hit(s)" not in result.stdout and "TY  -" not in result.stdout


COMMANDS = [("search", "marrow"), ("search", "--json", "marrow"), ("search", "--json", "year:2020"), ("stats",),
            ("show", "abcd1234"), ("dedup",), ("dedup", "--json"), ("export", "--format", "ris"), ("ingest", "--rebuild")]


def test_a_deleted_store_is_said_by_every_command_and_not_made_again(index):
    # search said "3 hit(s)" and showed none, stats showed empty counts, export skipped every
    # record, an ingest added to the empty store beside the full search index
    ris, idx = index
    (idx / "records.sqlite").unlink()
    for command in [*COMMANDS, ("ingest", str(ris))]:
        _lost(run_cli(*command, "--index", str(idx)), idx, "is gone")
        assert not (idx / "records.sqlite").exists(), command   # (the next command would see an empty one)
    again = run_cli("ingest", "--json", "--rebuild", str(ris), "--index", str(idx))   # the repair it names
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["added"] == len(PAPERS)
    found = json.loads(run_cli("search", "--json", "marrow", "--index", str(idx)).stdout)
    assert found["total"] == 1 and found["hits"][0]["title"]["en"] == PAPERS[0][0]


def test_an_empty_store_beside_a_full_search_index_is_no_lost_store(index):
    # what a first ingest leaves for a moment, between the search index's commit and the
    # store's: a search or a second ingest then is no reason to send the user to a rebuild
    from indexer.store import Store

    from whoosh.filedb.filestore import FileStorage

    _ris_path, idx = index
    (idx / "records.sqlite").unlink()
    Store(idx).close()
    lock = FileStorage(str(idx / "whoosh")).lock("MAIN_WRITELOCK")
    assert lock.acquire(False)   # as the ingest holds it from its commit to the store's
    try:
        for command in (("search", "marrow"), ("search", "--json", "marrow"), ("stats",)):
            result = run_cli(*command, "--index", str(idx))
            assert result.returncode == 0 and "record store" not in result.stderr, (command, result.stderr)
    finally:
        lock.release()
    # no writer at work: a run killed between the two commits, and the store, not the search
    # index, holds the records; not a lost store either
    result = run_cli("search", "marrow", "--index", str(idx))
    assert "ingest --rebuild" in result.stderr and "record store" not in result.stderr, result.stderr


def test_an_index_whose_records_were_all_removed_is_no_lost_store(index):
    ris, idx = index
    ris.unlink()
    assert run_cli("ingest", "-q", "--prune", str(ris), "--index", str(idx)).returncode == 0
    for command in (("stats",), ("search", "marrow"), ("dedup",)):
        result = run_cli(*command, "--index", str(idx))
        assert result.returncode == 0 and "record store" not in result.stderr, result.stderr


def test_an_index_that_is_a_file_gets_ingests_message_from_every_command(tmp_path):
    # search said "no index in FILE. Run 'python cli.py ingest PATH --index FILE' first", which
    # then failed: a file, not an index folder
    afile = tmp_path / "refs.ris"
    afile.write_text(_ris(PAPERS[:1]), encoding="utf-8")
    said = f"Error: {afile}: a file, not an index folder (give --index a folder)."
    for command in [*COMMANDS, ("ingest", str(afile)), ("show", "abcd"), ("dedup", "--apply")]:
        result = run_cli(*command, "--index", str(afile))
        assert result.returncode == 2 and result.stderr.strip() == said, (command, result.stderr)
    exported = run_cli("export", "--format", "ris", "--from", str(afile), "--index", str(afile))   # no index read
    assert exported.returncode == 0 and exported.stdout.count("TY  -") == 1


def _filler(count: int) -> str:
    """``count`` RIS records of distinct made-up papers (made-up words: no two alike), long
    enough that their ingest takes seconds."""
    rng = random.Random(7)

    def word() -> str:
        return "".join(rng.choices("bcdfghklmnprstvz", k=3)) + rng.choice("aeiou") + rng.choice("nrst")

    out = []
    for i in range(count):
        title = " ".join(word() for _ in range(8))
        out.append(f"TY  - JOUR\nTI  - {title.capitalize()}\nAU  - {word().capitalize()}, {word().capitalize()}\n"
                   f"PY  - {1990 + i % 30}\nAB  - {'骨髓间充质干细胞的增殖与分化。' * 12} "
                   f"{' '.join(word() for _ in range(150))}\nER  - \n\n")
    return "".join(out)


FILLER = 150   # records that keep an ingest writing for some seconds


def _lock_held(idx) -> bool:
    """Another process holds the whoosh write lock of ``idx`` (probed, released at once if free)."""
    path = idx / "whoosh" / "MAIN_WRITELOCK"
    if not path.exists():
        return False
    fd = os.open(path, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def _popen(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(ROOT / "cli.py"), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT, env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def test_dedup_apply_that_waited_for_an_ingest_reports_what_it_applied(index, tmp_path):
    # it read the records before waiting for the ingest's lock and printed the clusters of the
    # records as merged after it: KeyError on a record the ingest had added, exit 1, merges made
    _ris_path, idx = index
    more = tmp_path / "more.ris"
    more.write_text(_ris(PAPERS) + _filler(FILLER), encoding="utf-8")   # a copy of each paper, among many
    ingest = _popen("ingest", "-q", str(more), "--index", str(idx))
    try:
        deadline = time.monotonic() + 60
        while not _lock_held(idx):
            assert ingest.poll() is None and time.monotonic() < deadline, "the ingest never held the lock"
            time.sleep(0.02)
        dedup = _popen("dedup", "--apply", "--index", str(idx))
        said = dedup.stderr.readline()
        assert said.startswith(f"waiting for another process writing to {idx}") and ingest.poll() is None, said
        out, err = dedup.communicate(timeout=300)
    finally:
        assert ingest.wait(timeout=300) == 0, ingest.stderr.read()
    assert dedup.returncode == 0 and "Traceback" not in err, err
    after = json.loads(run_cli("dedup", "--json", "--index", str(idx)).stdout)
    assert after["applied"] and after["counts"]["identified"] == FILLER + 2 * len(PAPERS)
    assert out.splitlines()[0].startswith(f"{FILLER + 2 * len(PAPERS):,} records identified, {len(after['clusters'])} "
                                          "clusters")
    assert len(after["clusters"]) == len(PAPERS)   # each paper and its copy the ingest added
    headers = [line for line in out.splitlines() if line.startswith("[")]
    assert len(headers) == len(after["clusters"])   # each cluster applied shown, its records side by side
    assert all(m["id"] in out for c in after["clusters"] for m in c["records"])


def test_a_read_only_store_of_an_older_layout_is_read(tmp_path):
    """A store written before its lang, format and year columns existed, in a folder the user
    cannot write: every command failed 'attempt to write a readonly database' (the columns were
    added unguarded), where a read-only index is still searched, shown and exported."""
    import shutil
    import sqlite3
    import tempfile

    from conftest import run_cli_unprivileged

    top = tempfile.mkdtemp(prefix="oldstore-")
    try:
        os.chmod(top, 0o755)
        idx, ris = os.path.join(top, "idx"), os.path.join(top, "a.ris")
        with open(ris, "w", encoding="utf-8") as fh:
            fh.write(_ris(PAPERS))
        assert run_cli("ingest", "-q", "--index", idx, ris).returncode == 0
        db = sqlite3.connect(os.path.join(idx, "records.sqlite"))
        for column in ("lang", "format", "year"):   # the layout of an older version
            db.execute(f"ALTER TABLE records DROP COLUMN {column}")
        for statement in ("DROP INDEX records_file", "ALTER TABLE records DROP COLUMN file", "DROP TABLE meta"):
            db.execute(statement)   # and of one before it (Store._upgrade reads it as it is)
        db.commit()
        db.execute("PRAGMA journal_mode=DELETE")
        db.close()
        for folder, dirs, files in os.walk(idx):
            for name in files:
                os.chmod(os.path.join(folder, name), 0o444)
            os.chmod(folder, 0o555)
        stats = run_cli_unprivileged("stats", "--json", "--index", idx)
        assert stats.returncode == 0, stats.stderr
        summary = json.loads(stats.stdout)
        assert summary["records"] == 3 and summary["by_language"] == {"en": 3}, summary
        found = run_cli_unprivileged("search", "--json", "--index", idx, "marrow", "year:2020")
        assert found.returncode == 0, found.stderr
        assert json.loads(found.stdout)["total"] == 1
        exported = run_cli_unprivileged("export", "--format", "ris", "--index", idx)
        assert exported.returncode == 0 and exported.stdout.count("ER  -") == 3, exported.stderr
    finally:
        for folder, dirs, files in os.walk(top):
            os.chmod(folder, 0o755)
        shutil.rmtree(top)


def test_an_older_store_another_process_is_writing_is_waited_for_not_read_as_a_view(tmp_path, monkeypatch):
    """A store of an older layout that another process holds ("database is locked") was taken
    for one that cannot be written: read through a temp view named records, so its own writes
    failed later.  It is waited for: the columns are added once the other write ends, and past
    the wait the store is said busy."""
    import sqlite3
    import threading

    from indexer import store as store_module
    from indexer.errors import DamagedIndex

    idx, ris = tmp_path / "idx", tmp_path / "a.ris"
    ris.write_text(_ris(PAPERS), encoding="utf-8")
    assert run_cli("ingest", "-q", "--index", str(idx), str(ris)).returncode == 0
    path = idx / store_module.STORE_NAME
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    for column in ("lang", "format", "year"):   # the layout of an older version
        other.execute(f"ALTER TABLE records DROP COLUMN {column}")
    monkeypatch.setattr(store_module, "_WAIT_SECONDS", 0.5, raising=False)
    other.execute("BEGIN IMMEDIATE")   # another process writing it
    with pytest.raises(DamagedIndex, match="busy"):
        store_module.Store(idx)
    monkeypatch.setattr(store_module, "_WAIT_SECONDS", 30, raising=False)
    threading.Timer(0.5, other.execute, ("COMMIT",)).start()   # its write ends while this one waits
    st = store_module.Store(idx)
    try:
        assert {"lang", "format", "year"} <= {row[1] for row in st.db.execute("PRAGMA main.table_info(records)")}
        assert not st.db.execute("SELECT name FROM sqlite_temp_master WHERE name = 'records'").fetchall()
        record = next(st.all_records())
        record["year"] = 2021
        assert st.put(record) == "updated"
        st.db.commit()
        assert st.years([record["id"]]) == {record["id"]: 2021}
    finally:
        st.close()
        other.close()


def test_a_store_of_the_oldest_layout_another_process_holds_is_waited_for_then_upgraded(tmp_path):
    """A store written before its ``file`` column and ``meta`` table, opened while another process
    writes it: _upgrade took "database is locked" for a store that cannot be written and read it as
    it was, so an ingest into it failed with a traceback ('table records has no column named
    file').  It is waited for, and upgraded once the other write ends; past the wait it is said
    busy, with nothing of it changed."""
    import sqlite3

    idx, a, b = tmp_path / "idx", tmp_path / "a.ris", tmp_path / "b.ris"
    a.write_text(_ris(PAPERS[:2]), encoding="utf-8")
    b.write_text(_ris(PAPERS[2:]), encoding="utf-8")
    assert run_cli("ingest", "-q", "--index", str(idx), str(a)).returncode == 0
    path = idx / "records.sqlite"
    db = sqlite3.connect(path, isolation_level=None)
    for statement in ("DROP INDEX records_file", "ALTER TABLE records DROP COLUMN file", "DROP TABLE meta"):
        db.execute(statement)   # the layout of an older version
    db.close()

    def layout() -> tuple[bool, bool]:
        with sqlite3.connect(path) as db:
            return (any(row[1] == "file" for row in db.execute("PRAGMA table_info(records)")),
                    bool(db.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone()))

    def ingest(wait: float) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-c", CLI_WAITING, str(wait), "ingest", "-q", "--json", "--index",
                                 str(idx), str(b)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    holder = subprocess.Popen([sys.executable, "-c", STORE_HOLDER, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "held\n"
        out, err = ingest(1).communicate(timeout=120)   # held past the wait
        assert f"Error: {path} is busy: another process has been writing it" in err, err
        assert layout() == (False, False)
        waiting = ingest(60)
        time.sleep(2)   # the ingest waits meanwhile
        assert waiting.poll() is None, waiting.communicate()
        holder.stdin.write("done\n")
        holder.stdin.flush()
        assert holder.wait(timeout=30) == 0
        out, err = waiting.communicate(timeout=120)
    finally:
        if holder.poll() is None:
            holder.kill()
    assert waiting.returncode == 0, err
    assert json.loads(out)["added"] == 1
    assert layout() == (True, True)
    with sqlite3.connect(path) as db:   # each record's file told again
        assert {row[0] for row in db.execute("SELECT file FROM records")} == {str(a), str(b)}


def test_a_store_on_a_full_disk_is_said_whole_not_damaged(tmp_path):
    # SQLite cannot make the -shm file a WAL store is read through: every command, reading ones
    # too, called the store "not a record store this tool can read" and advised ingesting the
    # files again into a new --index folder
    import sys

    from conftest import ROOT
    from test_ingest_killed import ingest, small_disk

    source = tmp_path / "a.ris"
    source.write_text("TY  - JOUR\nTI  - A record on a full disk\nPY  - 2020\nER  - \n", encoding="utf-8")
    index = tmp_path / "idx"
    assert ingest(index, source).returncode == 0
    cli = f"{sys.executable} {ROOT / 'cli.py'}"
    done, after = small_disk(tmp_path, index, f"{cli} stats --index $IDX; echo \"rc=$?\"; "
                                              f"{cli} search record --index $IDX", 0)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 2 and "Traceback" not in done.stderr, done.stderr
    for line in lines:
        assert line.startswith(f"Error: {tmp_path}/mnt/idx/records.sqlite cannot be opened: the disk holding it is "
                               "full"), line
        assert line.endswith("free space and run again: the index is not damaged.") and "new --index" not in line
    assert done.stdout.count("rc=2") == 2
    assert "1 records in" in run_cli("stats", "--index", str(after)).stdout
