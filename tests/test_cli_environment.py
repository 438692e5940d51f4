"""The CLI where users run it: a search while an ingest writes the store, hits as contract
records, a closed stdin.  Real ingest into a temp index, the CLI as a user runs it."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import CLI_WAITING, DATA, ROOT, STORE_HOLDER, run_cli, run_cli_unprivileged, stderr_on_a_terminal
from indexer.index.ingest import INDEX_SUBDIR, ingest
from indexer.store import Store

RECORDS = DATA / "search" / "records.ris"


@pytest.fixture
def idx(tmp_path):
    path = tmp_path / "idx"
    assert ingest([str(RECORDS)], str(path), quiet=True).added == 7
    return path


def test_search_show_and_stats_answer_while_an_ingest_writes_the_store(idx):
    # SQLite's default journal made them wait 5 s and fail "database is locked", said as a
    # damaged store to ingest again; an ingest holds its write for minutes
    with Store(idx) as writing:
        writing.db.execute("BEGIN EXCLUSIVE")
        writing.db.execute("UPDATE records SET year = 1900")
        found = run_cli("search", "--json", "癌", "--index", str(idx))
        assert found.returncode == 0, found.stderr
        assert json.loads(found.stdout)["total"] == 1
        stats = run_cli("stats", "--json", "--index", str(idx))
        assert stats.returncode == 0 and json.loads(stats.stdout)["records"] == 7, stats.stderr
        writing.db.rollback()


def test_search_hits_are_contract_records_with_score_and_snippet(idx, validate):
    hits = json.loads(run_cli("search", "--json", "--limit", "50", "cancer OR 癌", "--index", str(idx)).stdout)["hits"]
    assert hits
    for hit in hits:
        validate(hit)
        shown = json.loads(run_cli("show", "--json", hit["id"], "--index", str(idx)).stdout)
        assert {k: v for k, v in hit.items() if k not in ("score", "snippet", "highlights")} == shown
        assert isinstance(hit["score"], float) and "snippet" in hit


def _close_stdin():
    import os

    os.close(0)


@pytest.mark.parametrize("args", [("search", "--batch", "--index", "IDX"), ("clean", "-"),
                                  ("dedup", "--review", "--index", "IDX")])
def test_a_closed_stdin_is_a_usage_error(idx, args):
    # under cron or `nohup … <&-` Python has no sys.stdin: a traceback before
    command = [sys.executable, str(ROOT / "cli.py"), *(str(idx) if a == "IDX" else a for a in args)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=120,
                            preexec_fn=_close_stdin)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert "stdin is closed" in result.stderr


def test_a_lost_search_index_says_to_rebuild_and_an_ingest_rebuilds_it(idx):
    import shutil

    shutil.rmtree(idx / INDEX_SUBDIR)
    result = run_cli("search", "癌", "--index", str(idx))
    assert result.returncode == 2 and "ingest --rebuild" in result.stderr
    # an ingest of unchanged files left the records in the store and none in the search index
    summary = json.loads(run_cli("ingest", "--json", "-q", str(RECORDS), "--index", str(idx)).stdout)
    assert summary["unchanged"] == 7
    found = run_cli("search", "--json", "癌", "--index", str(idx))
    assert found.returncode == 0 and json.loads(found.stdout)["total"] == 1, found.stderr


def test_an_unknown_argument_is_said_with_the_command_s_usage(idx):
    # the top level's usage ("cli.py [-h] [--version] COMMAND ...") said nothing of search's --
    result = run_cli("search", "--index", str(idx), "-癌")
    assert result.returncode == 2
    assert "usage: cli.py search" in result.stderr and "comes after --" in result.stderr
    result = run_cli("clean", "--bogus", str(RECORDS))
    assert result.returncode == 2
    assert "usage: cli.py clean" in result.stderr and "unrecognized arguments: --bogus" in result.stderr


def test_clean_shows_progress_on_a_terminal_while_records_go_to_a_file(tmp_path):
    # 29 s on a 5,000-record file with nothing on the terminal until the summary
    records = "".join(f"TY  - JOUR\nTI  - Record number {n} on progress\nPY  - 2020\nER  - \n\n" for n in range(3000))
    path = tmp_path / "many.ris"
    path.write_text(records, encoding="utf-8")
    with open(tmp_path / "out.jsonl", "w") as out:
        text = stderr_on_a_terminal("clean", "--json", str(path), stdout=out,
                                    env={**os.environ, "TERM": "xterm"})   # (not a CI's TERM=dumb)
    assert "\rclean: " in text and "3000 record(s) cleaned" in text
    assert sum(1 for _ in open(tmp_path / "out.jsonl", encoding="utf-8")) == 3000


def test_an_index_the_user_cannot_write_is_searched(tmp_path):
    # another user's index, or one on read-only media: SQLite's WAL mode needs files beside the
    # store, and search said "not a record store this tool can read; ingest again"
    import os
    import shutil
    import stat
    import tempfile
    from pathlib import Path

    if os.geteuid() != 0:
        pytest.skip("needs root to make an index another user cannot write (runs as root in CI)")
    top = Path(tempfile.mkdtemp(prefix="ro-index-"))
    try:
        top.chmod(0o755)
        idx = top / "idx"
        assert ingest([str(RECORDS)], str(idx), quiet=True).added == 7
        for path in [idx, *idx.rglob("*")]:
            path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) | stat.S_IROTH
                       | (stat.S_IXOTH if path.is_dir() else 0))
        found = run_cli_unprivileged("search", "--json", "癌", "--index", str(idx))
        if "Permission denied" in found.stderr and "records.sqlite" not in found.stderr:
            pytest.skip(f"nobody cannot run the CLI here: {found.stderr[-200:]}")
        assert found.returncode == 0, found.stderr
        assert json.loads(found.stdout)["total"] == 1
        stats = run_cli_unprivileged("stats", "--json", "--index", str(idx))
        assert stats.returncode == 0 and json.loads(stats.stdout)["records"] == 7, stats.stderr
    finally:
        for path in [top, *top.rglob("*")]:
            path.chmod(path.stat().st_mode | stat.S_IWUSR)
        shutil.rmtree(top, ignore_errors=True)


def test_the_dash_hint_is_for_a_word_that_starts_with_one_dash(idx):
    result = run_cli("search", "foo", "--limt", "5", "--index", str(idx))   # a misspelt option
    assert result.returncode == 2 and "unrecognized arguments: --limt" in result.stderr
    assert "comes after --" not in result.stderr


def test_search_show_and_stats_read_an_older_store_another_process_holds_as_it_is(idx):
    # they waited a minute to upgrade it and then said it busy (earlier versions read it); they
    # read it as it is, and leave the upgrade to the next run that writes
    import sqlite3

    path = idx / "records.sqlite"
    db = sqlite3.connect(path, isolation_level=None)
    for statement in ("ALTER TABLE records DROP COLUMN year", "DROP INDEX records_file",
                      "ALTER TABLE records DROP COLUMN file", "DROP TABLE meta"):
        db.execute(statement)   # the layout of an older version
    db.close()

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-c", CLI_WAITING, "1", *args, "--index", str(idx)], cwd=ROOT,
                              capture_output=True, text=True, timeout=120)

    holder = subprocess.Popen([sys.executable, "-c", STORE_HOLDER, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "held\n"
        stats = cli("stats", "--json")
        assert stats.returncode == 0, stats.stderr
        assert json.loads(stats.stdout)["records"] == 7
        found = cli("search", "--json", "癌", "year:1900..2100")
        assert found.returncode == 0, found.stderr
        hit = json.loads(found.stdout)["hits"][0]
        shown = cli("show", "--json", hit["id"])
        assert shown.returncode == 0 and json.loads(shown.stdout)["id"] == hit["id"], shown.stderr
        with sqlite3.connect(path) as db:   # not upgraded
            assert "file" not in {row[1] for row in db.execute("PRAGMA table_info(records)")}
        ingested = cli("ingest", "-q", str(RECORDS))   # a run that writes waits, and says busy past the wait
        assert ingested.returncode == 2 and "is busy" in ingested.stderr, ingested.stderr
        holder.stdin.write("done\n")
        holder.stdin.flush()
        assert holder.wait(timeout=30) == 0
    finally:
        if holder.poll() is None:
            holder.kill()
    assert cli("ingest", "-q", str(RECORDS)).returncode == 0   # the other write ended: upgraded
    with sqlite3.connect(path) as db:
        assert {"file", "year"} <= {row[1] for row in db.execute("PRAGMA table_info(records)")}
