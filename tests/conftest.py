"""Shared test helpers: paths, the record contract, running the CLI as a user would."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"
SCHEMA_PATH = ROOT / "indexer" / "contract" / "record.schema.json"


def needs_shared(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not present (the shared corpora live beside the checkout)")
    return path


@pytest.fixture(scope="session")
def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def validate(schema):
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema)

    def check(record: dict) -> None:
        errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
        assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])

    return check


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "cli.py"), *args], capture_output=True, text=True,
                          input=stdin, cwd=ROOT, env={**os.environ, "PYTHONIOENCODING": "utf-8"}, timeout=300)


def dedup_json(index, *options: str, stdin: str | None = None) -> dict:
    """``cli.py dedup --json [options]`` on ``index``, which succeeds: its clusters and counts."""
    result = run_cli("dedup", "--json", *options, "--index", str(index), stdin=stdin)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def ingested_ris(tmp_path, **files: str):
    """The index (``tmp_path/idx``) of a folder of RIS files, ``name=text`` each, ingested by the CLI."""
    folder, idx = tmp_path / "in", tmp_path / "idx"
    folder.mkdir()
    for name, text in files.items():
        (folder / f"{name}.ris").write_text(text, encoding="utf-8")
    assert run_cli("ingest", "-q", str(folder), "--index", str(idx)).returncode == 0
    return idx


def ingested_files(tmp_path, files: dict[str, str]):
    """The index (``tmp_path/idx``) of the files ``{name: text}`` written in ``tmp_path``, ingested by
    the CLI in that order (exports of one paper from several databases, say)."""
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    idx = tmp_path / "idx"
    assert run_cli("ingest", "-q", *(str(tmp_path / name) for name in files), "--index", str(idx)).returncode == 0
    return idx


def source_ids(index) -> dict[str, str]:
    """record id -> the id its file gives it (RIS ``ID``), the names test cases are known by."""
    from indexer.store import Store

    with Store(index) as store:
        return {r["id"]: r["source"]["source_id"] for r in store.all_records()}


# setpriv's options that run a command as nobody
# Another process writing a store (an older version's ingest): it holds SQLite's write lock until a
# line comes on its stdin (run as ``python -c STORE_HOLDER records.sqlite``).
STORE_HOLDER = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
print("held", flush=True)
sys.stdin.readline()
db.execute("COMMIT")
"""

# The command line with the store's wait for a lock (a minute) set to ``sys.argv[1]`` seconds
# (``python -c CLI_WAITING 1 stats --index …``).
CLI_WAITING = """
import sys
from indexer import store
store._WAIT_SECONDS = float(sys.argv[1])
from indexer.cli import main
sys.exit(main(sys.argv[2:]))
"""

NOBODY = ("--reuid=65534", "--regid=65534", "--clear-groups")


def stderr_on_a_terminal(*args: str, stdout, env: dict | None = None) -> str:
    """What the CLI run with ``args`` writes to stderr when stderr is a terminal (a pty read as
    a terminal does while the command runs: its writes never wait), stdout going to ``stdout``."""
    import pty
    import threading

    leader, follower = pty.openpty()
    shown: list[bytes] = []

    def read_terminal():
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                return
            if not chunk:
                return
            shown.append(chunk)

    reader = threading.Thread(target=read_terminal)
    reader.start()
    done = subprocess.run([sys.executable, str(ROOT / "cli.py"), *args], stdout=stdout, stderr=follower, cwd=ROOT,
                          timeout=300, env=env)
    os.close(follower)
    reader.join(timeout=30)
    os.close(leader)
    assert done.returncode == 0
    return b"".join(shown).decode("utf-8")


def run_cli_unprivileged(*args: str) -> subprocess.CompletedProcess:
    """``cli.py ARGS`` run by a user a file mode keeps out: this one, or, when the tests run
    as root (whom no mode keeps out), nobody by way of setpriv."""
    command = [sys.executable, str(ROOT / "cli.py"), *args]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("the tests run as root, which reads any folder, and there is no setpriv to run the CLI as nobody")
        command = [setpriv, *NOBODY, *command]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=300,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def clean_items(path, *options) -> tuple[subprocess.CompletedProcess, list[dict], list[dict]]:
    """``cli.py clean --json -q [options] PATH`` as a user runs it: the process, its records
    and its failure objects."""
    result = run_cli("clean", "--json", "-q", *options, str(path))
    items = jsonl(result.stdout)
    return result, [i for i in items if not i.get("failure")], [i for i in items if i.get("failure")]


def cleaned(path) -> list[dict]:
    """The records of ``cli.py clean --json -q PATH``, which reads without a failure."""
    result, records, _failures = clean_items(path)
    assert result.returncode == 0, result.stderr
    return records


def records_of(*paths) -> list[dict]:
    """The cleaned records of ``paths`` in contract form, read in this process (failures left out)."""
    from indexer.cleaner import clean_paths
    from indexer.record import Failure

    return [r.to_json() for r in clean_paths([str(p) for p in paths]) if not isinstance(r, Failure)]


def page_record(tmp_path, text: str, name: str = "page.txt") -> dict:
    """The one record of ``text`` written to ``tmp_path / name`` (a page copied from a browser)."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (record,) = records_of(path)
    return record


def rendered(records, fmt, lang=None) -> str:
    """``records`` exported as ``fmt`` (each one written)."""
    import io

    from indexer.export import export

    out = io.StringIO()
    assert export(records, fmt, out, lang) == len(records)
    return out.getvalue()


def read_back(text: str, fmt: str, tmp_path) -> list[dict]:
    """``text`` written in ``fmt``, read by the reader `cli.py ingest` uses for that format."""
    from indexer.export import SUFFIXES

    back = tmp_path / ("back" + SUFFIXES[fmt])
    back.write_text(text, encoding="utf-8")
    return records_of(back)


def titles_kept(items, titles) -> bool:
    """Whether every title is in the raw text of ``items`` (records and failures read): read
    text is not lost.  Titles are read without line wraps, and CSL's without markup
    (H<sub>2</sub>O is H₂O), so both sides are compared without them."""
    from indexer.record import Record

    raw = "\n".join(i.raw_text if isinstance(i, Record) else i.raw for i in items)
    raw = " ".join(re.sub(r"<[^>]*>", "", raw).split())
    return all(" ".join(unicodedata.normalize("NFKC", t).split()) in raw for t in titles)


def english_ris(records) -> str:
    """RIS text of English journal articles, one per ``(ID, title, abstract)`` (no AB when the
    abstract is empty)."""
    return "".join(f"TY  - JOUR\nID  - {rid}\nTI  - {title}\n" + (f"AB  - {ab}\n" if ab else "") + "LA  - en\nER  - \n\n"
                   for rid, title, ab in records)


def ris_searcher(folder: Path, ris: str):
    """A Searcher of a real index of ``ris`` (RIS text) ingested into ``folder``: for a
    module's fixture, ``yield from ris_searcher(tmp_path_factory.mktemp(...), _ris())``."""
    from indexer.index.ingest import ingest
    from indexer.index.search import Searcher

    (folder / "records.ris").write_text(ris, encoding="utf-8")
    ingest([str(folder / "records.ris")], str(folder / "idx"), quiet=True)
    with Searcher(folder / "idx") as searcher:
        yield searcher


def hit_ids(searcher, query: str) -> list[str]:
    """Source ids (RIS ID) of all hits of ``query``, sorted."""
    return sorted(h["source"]["source_id"] for h in searcher.search(query, limit=100)["hits"])
