"""The index's store and search index over their life: files ingested by relative paths from
two directories, a run killed between the two commits, dedup --apply made again after a kill,
an index a newer version wrote.  Real indexes in tmp_path, the CLI run as a user runs it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run_cli

CLI = [sys.executable, str(ROOT / "cli.py")]


def _ris(*titles: str) -> str:
    return "".join(f"TY  - JOUR\nTI  - {t}\nAU  - Smith, John\nPY  - 2020\nER  - \n\n" for t in titles)


def _cli_in(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    """``cli.py ARGS`` run from ``cwd`` (a relative path is read from there)."""
    return subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=cwd, timeout=300,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONPATH": str(ROOT)})


def _stats(idx: Path, cwd: Path = ROOT) -> dict:
    result = _cli_in(cwd, "stats", "--json", "--index", str(idx))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# -- 1. a file is told by its absolute path -----------------------------------------------

def test_prune_removes_only_the_records_of_the_file_that_is_gone(tmp_path):
    """Two folders ingested by one relative path (``refs``) from two directories are two sets
    of files: pruning one's deleted file left the other's records, from any directory."""
    idx = tmp_path / "idx"
    for name, titles in (("px", ("Alpha marrow", "Beta marrow")), ("py", ("Gamma blood",))):
        (tmp_path / name / "refs").mkdir(parents=True)
        (tmp_path / name / "refs" / "a.ris").write_text(_ris(*titles), encoding="utf-8")
        assert _cli_in(tmp_path / name, "ingest", "-q", "refs", "--index", str(idx)).returncode == 0
    (tmp_path / "px" / "refs" / "a.ris").unlink()
    gone = str(tmp_path / "px" / "refs" / "a.ris")
    # told from anywhere, not only from the directory it was ingested from
    for cwd in (tmp_path, tmp_path / "px", tmp_path / "py"):
        assert _stats(idx, cwd)["missing_files"] == {gone: 2}, cwd
    pruned = _cli_in(tmp_path / "py", "ingest", "--json", "-q", "--prune", gone, "--index", str(idx))
    assert pruned.returncode == 0, pruned.stderr
    assert json.loads(pruned.stdout)["removed"] == 2
    stats = _stats(idx)
    assert (stats["records"], stats["missing_files"]) == (1, {})
    assert "Gamma blood" in run_cli("search", "Gamma", "--index", str(idx)).stdout


def test_a_folder_ingested_again_by_another_spelling_is_unchanged(tmp_path):
    """``refs/``, then ``/abs/refs``, then ``.`` from inside it: the same files (the same ids),
    so nothing is updated and the records keep the path they were first ingested by.  Every
    record had been "updated" each time, and a deduplicated index undid and made its merges
    again.  A record whose issue names its file (a short CSV row) too."""
    refs = tmp_path / "refs"
    refs.mkdir()
    copy = "TY  - JOUR\nTI  - Marrow failure in adults\nAU  - Smith, John\nPY  - 2020\nDO  - 10.1000/m.1\nER  - \n"
    (refs / "a.ris").write_text(copy + "\n" + _ris("Tidal mixing"), encoding="utf-8")
    (refs / "b.ris").write_text(copy, encoding="utf-8")
    (refs / "c.csv").write_text('Title,Authors,Year\nCoastal erosion,"Lee, Ann",2019\nBlood counts,"Lee, Ann"\n',
                                encoding="utf-8")
    idx = tmp_path / "idx"
    first = _cli_in(tmp_path, "ingest", "--json", "-q", "refs/", "--index", str(idx))
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["added"] == 5
    assert _cli_in(tmp_path, "dedup", "--apply", "--index", str(idx)).returncode == 0
    assert _stats(idx)["hidden_duplicates"] == 1
    stored = {r["id"]: r for r in map(json.loads, _cli_in(tmp_path, "export", "--format", "jsonl", "--index",
                                                           str(idx)).stdout.splitlines())}
    assert any(issue.startswith("refs/c.csv:3:") for r in stored.values() for issue in r.get("issues") or [])
    for cwd, spelling in ((tmp_path, str(refs)), (refs, "."), (tmp_path, "refs/../refs")):
        again = _cli_in(cwd, "ingest", "--json", "-q", spelling, "--index", str(idx))
        assert again.returncode == 0, again.stderr
        summary = json.loads(again.stdout)
        assert (summary["updated"], summary["unchanged"], summary["added"]) == (0, 5, 0), (spelling, summary)
        assert summary["deduplicated"] is None, spelling   # the merges left as they were
    assert _stats(idx)["hidden_duplicates"] == 1
    now = {r["id"]: r for r in map(json.loads, _cli_in(tmp_path, "export", "--format", "jsonl", "--index",
                                                        str(idx)).stdout.splitlines())}
    assert now == stored
    # an edited record is still updated, and then says the path it was read by
    (refs / "a.ris").write_text(copy + "\n" + _ris("Tidal mixing in estuaries"), encoding="utf-8")
    edited = _cli_in(refs, "ingest", "--json", "-q", ".", "--index", str(idx))
    assert json.loads(edited.stdout)["updated"] == 1, edited.stderr
    exported = _cli_in(tmp_path, "export", "--format", "jsonl", "--index", str(idx)).stdout.splitlines()
    assert [r["source"]["path"] for r in map(json.loads, exported)
            if "estuaries" in json.dumps(r["title"])] == ["./a.ris"]


# -- 2. a run killed between the search index's commit and the store's ----------------------

# An ingest stopped by ``signal`` the moment whoosh has committed, before the store has: the
# first time it opens the search index after its generation has moved on (to check what landed).
KILLED_BETWEEN_COMMITS = """
import os, signal, sys
from indexer.index import ingest as m
real, first = m.open_index, []
def open_index(path, mapped=False):
    ix = real(path, mapped)
    if not first:
        first.append(ix.latest_generation())
    elif ix.latest_generation() > first[0]:
        os.kill(os.getpid(), getattr(signal, sys.argv[1]))
    return ix
m.open_index = open_index
m.ingest(sys.argv[3:], sys.argv[2], quiet=True)
"""


def _killed_between_commits(idx: Path, signal_name: str, *paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", KILLED_BETWEEN_COMMITS, signal_name, str(idx), *map(str, paths)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)


def _both_halves(idx: Path) -> tuple[int, int]:
    """(documents in the whoosh index, records the store shows)."""
    from indexer.index.layout import INDEX_SUBDIR, open_index
    from indexer.store import Store

    with Store(idx) as store:
        shown = store.shown_count() if hasattr(store, "shown_count") else len(store) - len(store.hidden())
    return open_index(idx / INDEX_SUBDIR).doc_count(), shown


def _two_files(tmp_path: Path) -> tuple[Path, Path, Path]:
    idx, a, b = tmp_path / "idx", tmp_path / "a.ris", tmp_path / "b.ris"
    a.write_text(_ris("Marrow one", "Marrow two", "Marrow three"), encoding="utf-8")
    b.write_text(_ris("Marrow four", "Marrow five"), encoding="utf-8")
    assert run_cli("ingest", "-q", str(a), "--index", str(idx)).returncode == 0
    return idx, a, b


def test_a_run_killed_between_the_two_commits_is_repaired_by_the_next_ingest(tmp_path):
    idx, a, b = _two_files(tmp_path)
    killed = _killed_between_commits(idx, "SIGKILL", b)
    assert killed.returncode == -9, killed.stderr
    # search and stats say so, rather than counting records the store does not hold
    search = run_cli("search", "marrow", "--index", str(idx))
    assert search.returncode == 2 and "ingest --rebuild" in search.stderr, search.stdout
    assert "ingest --rebuild" in run_cli("stats", "--index", str(idx)).stderr
    again = run_cli("ingest", "--json", str(b), "--index", str(idx))
    assert again.returncode == 0, again.stderr
    assert "rebuilding the index of 3 records" in again.stderr
    summary = json.loads(again.stdout)
    assert (summary["rebuilt"], summary["added"]) == (3, 2)
    assert _both_halves(idx) == (5, 5)   # each record once: not the killed run's and this one's
    assert json.loads(run_cli("search", "--json", "marrow", "--index", str(idx)).stdout)["total"] == 5


def test_a_run_that_removed_records_killed_between_the_commits_does_not_break_later_ingests(tmp_path):
    idx, a, b = _two_files(tmp_path)
    a.write_text(_ris("Marrow one"), encoding="utf-8")   # two records fewer: removed by the run
    assert _killed_between_commits(idx, "SIGKILL", a).returncode == -9
    again = run_cli("ingest", "--json", str(a), str(b), "--index", str(idx))
    assert again.returncode == 0, again.stderr   # was: RuntimeError, the index holds 1 record, expected 3
    assert (json.loads(again.stdout)["removed"], _both_halves(idx)) == (2, (3, 3))


def test_sigterm_between_the_two_commits_waits_for_the_store(tmp_path):
    """SIGTERM (and SIGHUP) during the commit are held as Ctrl-C is: the run ends once both
    halves are written."""
    idx, a, b = _two_files(tmp_path)
    termed = _killed_between_commits(idx, "SIGTERM", b)
    assert termed.returncode == -15, termed.stderr
    assert "SIGTERM" in termed.stderr
    assert _both_halves(idx) == (5, 5)
    assert run_cli("search", "marrow", "--index", str(idx)).returncode == 0


# -- 3. dedup --apply made again after an ingest, stopped while it finds the duplicates ------

# An ingest stopped by ``signal`` as it finds the duplicates again (dedup --apply had been run).
STOPPED_FINDING_DUPLICATES = """
import os, signal, sys
from indexer import merge
from indexer.index import ingest as m
real = merge.clusters_for
def clusters_for(index_dir):
    os.kill(os.getpid(), getattr(signal, sys.argv[1]))
    return real(index_dir)
merge.clusters_for = clusters_for
summary = m.ingest(sys.argv[3:], sys.argv[2], quiet=True)
print(summary.warnings)
"""


def _hidden(idx: Path) -> int:
    return _stats(idx)["hidden_duplicates"]


def _applied(tmp_path: Path) -> tuple[Path, Path]:
    """An index of two copies of one paper, merged by dedup --apply, and a new file to ingest."""
    idx = tmp_path / "idx"
    for name in ("a", "b"):
        (tmp_path / f"{name}.ris").write_text("TY  - JOUR\nTI  - Marrow failure in adults\nAU  - Smith, John\n"
                                              "PY  - 2020\nDO  - 10.1000/marrow.1\nER  - \n", encoding="utf-8")
    (tmp_path / "c.ris").write_text(_ris("Blood counts after marrow failure"), encoding="utf-8")
    assert run_cli("ingest", "-q", str(tmp_path / "a.ris"), str(tmp_path / "b.ris"), "--index", str(idx)).returncode == 0
    assert run_cli("dedup", "--apply", "--index", str(idx)).returncode == 0
    assert _hidden(idx) == 1
    return idx, tmp_path / "c.ris"


def test_dedup_apply_killed_while_made_again_is_made_by_the_next_ingest(tmp_path):
    idx, new = _applied(tmp_path)
    killed = subprocess.run([sys.executable, "-c", STOPPED_FINDING_DUPLICATES, "SIGKILL", str(idx), str(new)],
                            capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert killed.returncode == -9, killed.stderr
    again = run_cli("ingest", "--json", str(new), "--index", str(idx))   # the same file: nothing changes
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["deduplicated"] == {"clusters": 1, "duplicates_hidden": 1}
    assert _hidden(idx) == 1


def test_ctrl_c_while_dedup_apply_is_made_again_is_said_and_waited_out(tmp_path):
    idx, new = _applied(tmp_path)
    stopped = subprocess.run([sys.executable, "-c", STOPPED_FINDING_DUPLICATES, "SIGINT", str(idx), str(new)],
                             capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert stopped.returncode == 0, stopped.stderr
    assert "Ctrl-C: dedup --apply is being made again" in stopped.stderr
    assert _hidden(idx) == 1


# -- 4. an index a newer version wrote ----------------------------------------------------

def test_an_index_a_newer_version_wrote_is_refused_not_downgraded(tmp_path):
    from indexer.index.layout import INDEX_VERSION

    idx, a, _b = _two_files(tmp_path)
    newer = str(int(INDEX_VERSION) + 1)
    (idx / "whoosh" / "VERSION").write_text(newer + "\n")
    before = sorted(p.name for p in (idx / "whoosh").iterdir())
    for command in (("ingest", str(a)), ("ingest", "--rebuild"), ("search", "marrow"), ("stats",),
                    ("dedup",), ("show", "1"), ("export", "--format", "ris")):
        result = run_cli(*command, "--index", str(idx))
        assert result.returncode == 2, (command, result.stdout, result.stderr)
        assert (f"written by a newer version of lit-indexer (index version {newer}); this one reads "
                f"{INDEX_VERSION}: upgrade, or ingest into another --index") in result.stderr, (command, result.stderr)
    assert sorted(p.name for p in (idx / "whoosh").iterdir()) == before
    assert (idx / "whoosh" / "VERSION").read_text().strip() == newer


def test_an_index_inside_the_folder_ingested_is_not_read_as_input(tmp_path):
    # its VERSION, whoosh .toc and segment files had been read as exports: four failures each run
    (tmp_path / "refs").mkdir()
    (tmp_path / "refs" / "a.ris").write_text(_ris("Coastal erosion", "Tidal mixing"), encoding="utf-8")
    idx = tmp_path / "refs" / "idx"
    first = run_cli("ingest", str(tmp_path / "refs"), "--index", str(idx), "--json")
    again = run_cli("ingest", str(tmp_path / "refs"), "--index", str(idx), "--json")
    assert first.returncode == again.returncode == 0, again.stderr
    summary = json.loads(again.stdout)
    assert (summary["read"], summary["failed"], summary["unchanged"]) == (2, 0, 2)


# -- 5. an index folder deleted (or its store) during an ingest ------------------------------

# The command line's ingest, with ``sys.argv[1]`` (the index folder, or its records.sqlite)
# removed once the run has stored its first record.
VANISHING = """
import shutil, sys
from pathlib import Path
from indexer.cli import main
from indexer.index import ingest as m
gone, real = Path(sys.argv[1]), m._cleaned
def cleaned(*args):
    for n, item in enumerate(real(*args)):
        if n == 1:
            shutil.rmtree(gone) if gone.is_dir() else gone.unlink()
        yield item
m._cleaned = cleaned
sys.exit(main(["ingest", *sys.argv[2:]]))
"""


def test_an_index_folder_deleted_during_an_ingest_is_said(tmp_path):
    # it said 'Error: …/whoosh/MAIN_….col: No such file or directory. Check the path and try again.'
    idx, a, b = _two_files(tmp_path)
    run = subprocess.run([sys.executable, "-c", VANISHING, str(idx), str(b), "--index", str(idx)],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 2, (run.stdout, run.stderr)
    assert run.stderr == (f"Error: the index folder {idx} vanished during the ingest (deleted or unmounted?); "
                          "nothing more was written.\n")


def test_a_store_deleted_during_an_ingest_is_said(tmp_path):
    # SQLite wrote on into the deleted file: 'added 2', and the index had lost every record
    idx, a, b = _two_files(tmp_path)
    run = subprocess.run([sys.executable, "-c", VANISHING, str(idx / "records.sqlite"), str(b), "--index", str(idx)],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 2, (run.stdout, run.stderr)
    assert f"Error: the record store {idx / 'records.sqlite'} vanished during the ingest (deleted or moved?); " \
           "nothing of this run was written" in run.stderr
    assert "ingest --rebuild PATH" in run.stderr
    # the search index is as it was: what every command says of a lost store
    assert "the record store" in run_cli("stats", "--index", str(idx)).stderr


# -- 6. an index folder deleted (or its store) during dedup --apply or --undo ------------------

# The command line's ``sys.argv[4:]`` (``dedup --apply …``), with ``sys.argv[1]`` (the index folder,
# or its records.sqlite) removed once ``merge.NAME`` or ``Store.NAME`` (``sys.argv[2:4]``) returns.
REMOVED_AFTER = """
import shutil, sys
from pathlib import Path
from indexer import merge
from indexer.cli import main
from indexer.store import Store
gone, owner, name = Path(sys.argv[1]), {"merge": merge, "Store": Store}[sys.argv[2]], sys.argv[3]
real = getattr(owner, name)
def removing(*args, **kwargs):
    out = real(*args, **kwargs)
    shutil.rmtree(gone) if gone.is_dir() else gone.unlink()
    return out
setattr(owner, name, removing)
sys.exit(main(sys.argv[4:]))
"""


def _duplicated(tmp_path: Path, applied: bool = False) -> Path:
    """An index of a paper, its copy (one DOI) and another paper; ``applied``: dedup --apply run."""
    paper = "TY  - JOUR\nTI  - Marrow stromal cells in spinal metastasis\nAU  - Smith, John\nPY  - 2020\n" \
            "JO  - Spine\nVL  - 12\nSP  - 100\nDO  - 10.1000/marrow.1\n"
    (tmp_path / "a.ris").write_text(f"{paper}ER  - \n\n{paper}AB  - Its abstract.\nER  - \n\n"
                                    + _ris("Tidal mixing in estuaries"), encoding="utf-8")
    idx = tmp_path / "idx"
    assert run_cli("ingest", "-q", str(tmp_path / "a.ris"), "--index", str(idx)).returncode == 0
    if applied:
        assert run_cli("dedup", "--apply", "--index", str(idx)).returncode == 0
    return idx


def _removed_after(gone: Path, hook: str, *command: str, answers: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", REMOVED_AFTER, str(gone), *hook.split("."), *command],
                          capture_output=True, text=True, cwd=ROOT, timeout=300, input=answers)


@pytest.mark.parametrize("hook", ["merge.find_clusters",    # between its undo and its merges: the folder was
                                  "merge.merged_record"])   # made again, empty ('0 records identified …', exit 0)
def test_an_index_folder_deleted_during_dedup_apply_is_said(tmp_path, hook):
    # or, while the merges were written, 'Error: …/whoosh/MAIN_….col: No such file or directory'
    idx = _duplicated(tmp_path)
    run = _removed_after(idx, hook, "dedup", "--apply", "--index", str(idx))
    assert run.returncode == 2, (run.stdout, run.stderr)
    assert run.stderr == (f"Error: the index folder {idx} vanished during dedup --apply (deleted or unmounted?); "
                          "nothing more was written.\n")
    assert not idx.exists()   # nothing made again where it was


def test_a_store_deleted_during_dedup_apply_is_said(tmp_path):
    # an empty store was made in its place: '0 records identified … applied', exit 0
    idx = _duplicated(tmp_path)
    run = _removed_after(idx / "records.sqlite", "merge.find_clusters", "dedup", "--apply", "--index", str(idx))
    assert run.returncode == 2, (run.stdout, run.stderr)
    assert run.stderr.startswith(f"Error: the record store {idx / 'records.sqlite'} vanished during dedup --apply "
                                 "(deleted or moved?): put it back, or ingest the files again with "), run.stderr
    assert not (idx / "records.sqlite").exists()
    assert "the record store" in run_cli("stats", "--index", str(idx)).stderr


@pytest.mark.parametrize("gone", ["idx", "idx/records.sqlite"])
@pytest.mark.parametrize("hook", ["Store.undo_merges",      # while it writes: 'MAIN_….col: No such file …', or
                                  "merge._index_writer"])   # the store's 'vanished during the ingest'; before it:
def test_an_index_folder_deleted_during_dedup_undo_is_said(tmp_path, hook, gone):   # made again, 'undone: 0 …'
    idx = _duplicated(tmp_path, applied=True)
    run = _removed_after(tmp_path / gone, hook, "dedup", "--undo", "--index", str(idx))
    assert run.returncode == 2, (run.stdout, run.stderr)
    if gone == "idx":
        assert run.stderr == (f"Error: the index folder {idx} vanished during dedup --undo (deleted or unmounted?); "
                              "nothing more was written.\n")
    else:
        assert run.stderr.startswith(f"Error: the record store {idx / 'records.sqlite'} vanished during dedup --undo "
                                     "(deleted or moved?); nothing of this run was written: put it back"), run.stderr
    assert not (tmp_path / gone).exists()


def test_a_store_deleted_after_dedup_review_decided_is_said(tmp_path):
    # the review had written its decision: 'nothing of this run was written' was said all the same
    paper = "TY  - JOUR\nTI  - Marrow stromal cells in spinal metastasis\nPY  - 2020\nJO  - Spine\n"
    (tmp_path / "a.ris").write_text(f"{paper}AU  - Smith, John\nER  - \n\n{paper}ER  - \n\n", encoding="utf-8")
    idx = tmp_path / "idx"
    assert run_cli("ingest", "-q", str(tmp_path / "a.ris"), "--index", str(idx)).returncode == 0
    run = _removed_after(idx / "records.sqlite", "merge.record_decisions", "dedup", "--review", "--index", str(idx),
                         answers="m\n")
    assert run.returncode == 2, (run.stdout, run.stderr)
    assert (idx / "dedup_decisions.json").exists()   # the review's decision, written
    assert (f"Error: the record store {idx / 'records.sqlite'} vanished during dedup --review (deleted or moved?): "
            "put it back") in run.stderr, run.stderr


def test_an_index_folder_deleted_as_an_ingest_merges_again_is_said(tmp_path):
    # the folder was made again, empty, and the ingest ended in a KeyError's traceback
    idx = _duplicated(tmp_path, applied=True)
    (tmp_path / "b.ris").write_text(_ris("Coastal erosion"), encoding="utf-8")
    run = _removed_after(idx, "merge.find_clusters", "ingest", str(tmp_path / "b.ris"), "--index", str(idx))
    assert run.returncode == 2, (run.stdout, run.stderr)
    assert run.stderr.endswith(f"Error: the index folder {idx} vanished during the ingest (deleted or unmounted?); "
                               "nothing more was written.\n"), run.stderr
    assert not idx.exists()


def test_records_a_file_with_failures_no_longer_has_are_kept_and_said(tmp_path):
    """A file with a failure removes none of its records not read (which it lost is not
    certain), but they stay searchable and counted: the summary says how many, and how they go."""
    (tmp_path / "a.ris").write_text(_ris("Alpha marrow", "Beta marrow", "Gamma blood", "Delta bone"), encoding="utf-8")
    lines = run_cli("clean", "--json", "-q", str(tmp_path / "a.ris")).stdout.splitlines()
    assert len(lines) == 4
    r = tmp_path / "r.jsonl"
    r.write_text("\n".join(lines) + "\n", encoding="utf-8")
    idx = tmp_path / "idx"
    assert run_cli("ingest", "-q", str(r), "--index", str(idx)).returncode == 0
    r.write_text("\n".join([lines[0], '{"broken', lines[2]]) + "\n", encoding="utf-8")
    result = run_cli("ingest", "--json", "-q", str(r), "--index", str(idx))
    summary = json.loads(result.stdout)
    assert [summary[k] for k in ("read", "unchanged", "failed", "removed", "kept_missing")] == [2, 2, 1, 0, 2]
    note = f"2 record(s) an earlier ingest read from {r} were not read now"
    assert any(w.startswith(note) and w.endswith("fix it and ingest it again to remove those it no longer holds")
               for w in summary["warnings"])
    assert f"Warning: {note}" in result.stderr
    r.write_text("\n".join([lines[0], lines[2]]) + "\n", encoding="utf-8")   # fixed: read whole
    summary = json.loads(run_cli("ingest", "--json", "-q", str(r), "--index", str(idx)).stdout)
    assert (summary["removed"], summary["kept_missing"], summary["replaced"]) == (2, 0, 1)
    # (Gamma now stands at Beta's place, second: its id holds another paper, and that is all it says)
    assert [w.split(":")[0] for w in summary["warnings"]] == [f"1 id(s) of {r} now hold another paper than before"]


def test_records_of_a_file_all_of_whose_items_fail_are_kept_and_said(tmp_path):
    """A file that gives no record now (every item a failure: garbage in place of an export)
    keeps the records an earlier ingest read from it, and says so as for a file with one failure."""
    ris = tmp_path / "a.ris"
    ris.write_text(_ris("Alpha marrow", "Beta marrow"), encoding="utf-8")
    idx = tmp_path / "idx"
    assert run_cli("ingest", "-q", str(ris), "--index", str(idx)).returncode == 0
    ris.write_text("garbage where the export was\n", encoding="utf-8")
    summary = json.loads(run_cli("ingest", "--json", "-q", str(ris), "--index", str(idx)).stdout)
    assert [summary[k] for k in ("read", "failed", "removed", "kept_missing")] == [0, 1, 0, 2]
    assert any(w.startswith(f"2 record(s) an earlier ingest read from {ris} were not read now")
               for w in summary["warnings"])
