"""An ingest killed outright (`kill -KILL`) leaves no process holding the index's write lock,
and one whose disk fills up says so in a line, leaving the index as it was.

Real processes running cli.py ingest on the shared corpus into an index in tmp_path."""
from __future__ import annotations

import fcntl
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, needs_shared

CLI = [sys.executable, str(ROOT / "cli.py")]
pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc (Linux)")


def children(pid: int) -> list[int]:
    """Live processes whose parent is ``pid``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            state, ppid = stat.rsplit(")", 1)[1].split()[:2]
            if int(ppid) == pid and state != "Z":
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def kill(pids) -> None:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


def ingest(index: Path, *paths, timeout: float = 600, **options) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, "ingest", "--json", "-q", "--index", str(index), *map(str, paths)],
                          capture_output=True, text=True, timeout=timeout, cwd=ROOT, **options)


def lock_is_free(index: Path) -> bool:
    fd = os.open(index / "whoosh" / "MAIN_WRITELOCK", os.O_WRONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)   # closing lets go of the lock too


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="the worker processes run with two cores or more")
def test_killed_ingest_leaves_no_process_holding_the_lock(tmp_path):
    big = needs_shared("corpus", "bulk", "cnki_education_titles", "dataset_2018.csv")   # 2.9 MB: the pools run
    small = needs_shared("corpus", "bulk", "cnki_education_titles", "dataset_2019.csv")
    index = tmp_path / "idx"
    parent = subprocess.Popen([*CLI, "ingest", "-q", "--index", str(index), str(big)], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    forked: list[int] = []
    try:
        # writing: the lock taken, the cleaning pool and whoosh's writer processes started
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and parent.poll() is None:
            forked = children(parent.pid)
            if len(forked) >= 3 and (index / "whoosh" / "MAIN_WRITELOCK").exists():
                break
            time.sleep(0.2)
        assert parent.poll() is None and len(forked) >= 3, "the ingest never started its worker processes"
        time.sleep(2)
        forked = sorted(set(forked) | set(children(parent.pid)))
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=30)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and any(map(alive, forked)):
            time.sleep(0.2)
        assert not [pid for pid in forked if alive(pid)], "worker processes outlived the killed ingest"
        assert lock_is_free(index)
        # the next ingest starts at once (no waiting on the lock) and finds nothing of the killed run
        done = ingest(index, small, timeout=600)
        assert done.returncode == 0, done.stderr
        assert "waiting for another process" not in done.stderr
        summary = json.loads(done.stdout)
        assert summary["read"] == summary["added"] > 2000 and summary["failed"] == 0
        stats = subprocess.run([*CLI, "stats", "--json", "--index", str(index)], capture_output=True, text=True,
                               timeout=120, cwd=ROOT)
        assert json.loads(stats.stdout)["records"] == summary["added"]
    finally:
        kill([parent.pid, *forked, *children(parent.pid)])
        parent.wait(timeout=30)


def _limit_file_size(limit: int):
    def set_limit() -> None:   # Python ignores SIGXFSZ: a write past the limit fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return set_limit


def _first_lines(source: Path, target: Path, count: int) -> Path:
    with source.open(encoding="utf-8") as f:
        target.write_text("".join(line for _, line in zip(range(count), f)), encoding="utf-8")
    return target


def _state(index: Path) -> tuple:
    """What the index holds: its records (stats) and the files of its search index."""
    stats = subprocess.run([*CLI, "stats", "--json", "--index", str(index)], capture_output=True, text=True,
                           timeout=120, cwd=ROOT)
    return json.loads(stats.stdout)["records"], sorted(p.name for p in (index / "whoosh").iterdir())


def _assert_told_and_unchanged(done, index: Path, before: tuple, said: tuple[str, ...]) -> None:
    assert done.returncode != 0
    assert "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(tuple(f"Error: writing to {index} failed: {s}" for s in said)), \
        done.stderr
    assert "the index is as it was before it" in lines[0]
    assert _state(index) == before   # no record of this run, and no segment file it wrote


def test_a_write_the_file_system_refuses_is_told_and_leaves_the_index(tmp_path):
    csv = needs_shared("corpus", "bulk", "cnki_education_titles", "dataset_2019.csv")
    index = tmp_path / "idx"
    assert ingest(index, _first_lines(csv, tmp_path / "first.csv", 200)).returncode == 0
    before = _state(index)
    largest = max(p.stat().st_size for p in index.rglob("*") if p.is_file())
    done = ingest(index, csv, preexec_fn=_limit_file_size(largest + 64_000))
    # SQLite's "disk I/O error" on the store, or whoosh's EFBIG, whichever writes past the limit first
    _assert_told_and_unchanged(done, index, before, ("a read or write of the disk failed", "a file grew past"))
    assert ingest(index, csv).returncode == 0   # with room, the same ingest goes through
    assert _state(index)[0] > before[0]


def test_a_full_disk_is_told_and_leaves_the_index(tmp_path):
    """A small tmpfs, mounted in a user namespace (no root needed where they are allowed)."""
    csv = needs_shared("corpus", "bulk", "cnki_education_titles", "dataset_2019.csv")
    if not shutil.which("unshare") or subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode:
        pytest.skip("no user namespaces here to mount a small file system in")
    index = tmp_path / "idx"
    assert ingest(index, _first_lines(csv, tmp_path / "first.csv", 200)).returncode == 0
    size = sum(p.stat().st_size for p in index.rglob("*") if p.is_file())
    mount = tmp_path / "mnt"
    mount.mkdir()
    script = (f"mount -t tmpfs -o size={size + 600_000} tmpfs {mount} && cp -r {index} {mount}/idx && "
              f"{sys.executable} {ROOT / 'cli.py'} ingest -q --index {mount}/idx {csv}; echo \"rc=$?\"; "
              f"{sys.executable} {ROOT / 'cli.py'} stats --json --index {mount}/idx")
    done = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, timeout=600)
    out = done.stdout.splitlines()
    assert out[0] != "rc=0" and "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: writing to {mount}/idx failed: the disk is full"), lines
    assert "the index is as it was before it" in lines[0]
    assert json.loads("\n".join(out[1:]))["records"] == _state(index)[0]


def unwritten_segment_files(index: Path) -> list[str]:
    """Files of segments the index's table of contents does not hold (whoosh's MAIN_<id>.*)."""
    from whoosh import index as windex
    from whoosh.index import TOC

    folder = index / "whoosh"
    kept = {s.segment_id() for s in windex.open_dir(str(folder))._segments()}
    pattern = TOC._segment_pattern("MAIN")
    return sorted(p.name for p in folder.iterdir() if (m := pattern.match(p.name)) and m.group(1) not in kept)


def _stopped_while_writing(index: Path, source: Path, sig: int) -> tuple[int, str]:
    """``ingest source`` into ``index`` (which holds records already) stopped by ``sig`` once
    whoosh's writer has begun its segment's files: (its exit status, what it said)."""
    said = index.parent / "stopped.err"
    with open(said, "w") as err:
        proc = subprocess.Popen([*CLI, "ingest", "-q", "--index", str(index), str(source)], cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=err)
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and proc.poll() is None and not unwritten_segment_files(index):
            time.sleep(0.1)
        assert proc.poll() is None, "the ingest ended before it was stopped"
        time.sleep(1)
        proc.send_signal(sig)
        proc.wait(timeout=120)
    finally:
        kill([proc.pid, *children(proc.pid)])
        proc.wait(timeout=30)
    return proc.returncode, said.read_text()


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_an_ingest_stopped_while_writing_leaves_no_segment_files_behind(tmp_path, sig):
    # whoosh's cancel (Ctrl-C) left its new segment's files, empty MAIN_*.pst among them; a kill
    # leaves them too, and the next ingest, the write lock taken, removes them; SIGTERM ended the
    # run at once, saying nothing: it is unwound as Ctrl-C is, said, and ends the process still
    source = needs_shared("corpus", "bulk", "cnki_education_titles", "dataset_2019.csv")
    index = tmp_path / "idx"
    first = tmp_path / "first.ris"
    first.write_text("TY  - JOUR\nTI  - A record already indexed\nPY  - 2020\nER  - \n", encoding="utf-8")
    assert ingest(index, first).returncode == 0
    status, said = _stopped_while_writing(index, source, sig)
    if sig == signal.SIGTERM:
        assert status == -signal.SIGTERM
        assert said.strip() == f"SIGTERM: nothing from this run was written; {index} is as it was.", said
    if sig == signal.SIGKILL:
        assert unwritten_segment_files(index)   # (what the next ingest finds)
        done = ingest(index, first)
        assert done.returncode == 0, done.stderr
    assert unwritten_segment_files(index) == []
    assert lock_is_free(index)


def small_disk(tmp_path: Path, index: Path, run: str, free_kb: int) -> tuple[subprocess.CompletedProcess, Path]:
    """``run`` (a shell command; ``IDX`` names the index there) on a copy of ``index`` on an 8 MB
    tmpfs, mounted in a user namespace, filled up to ``free_kb`` KB; (what it did, a copy of the
    index as it left it, made once the space was given back)."""
    if not shutil.which("unshare") or subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode:
        pytest.skip("no user namespaces here to mount a small file system in")
    mount, after = tmp_path / "mnt", tmp_path / "after"
    mount.mkdir()
    script = (f"mount -t tmpfs -o size=8m tmpfs {mount} && cp -r {index} {mount}/idx && "
              f"dd if=/dev/zero of={mount}/fill bs=1k count=$(( $(df --output=avail {mount} | tail -1) - {free_kb} )) "
              f"2>/dev/null; IDX={mount}/idx; {run}; echo \"rc=$?\"; rm {mount}/fill; cp -r {mount}/idx {after}")
    done = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, timeout=600,
                          cwd=ROOT)
    return done, after


def read_twice(tmp_path: Path) -> Path:
    """An index of the same 70 records read from two files."""
    source = needs_shared("corpus", "search", "zh_papers.ris")
    records = source.read_text(encoding="utf-8").split("ER  - \n")[:70]
    for name in ("a.ris", "b.ris"):
        (tmp_path / name).write_text("".join(r + "ER  - \n" for r in records), encoding="utf-8")
    index = tmp_path / "idx"
    assert ingest(index, tmp_path / "a.ris", tmp_path / "b.ris").returncode == 0
    return index


def _deduplicated(tmp_path: Path) -> Path:
    """:func:`read_twice`, deduplicated (``dedup --apply --all``: they are clusters to review)."""
    index = read_twice(tmp_path)
    applied = subprocess.run([*CLI, "dedup", "--apply", "--all", "--json", "--index", str(index)],
                             capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert applied.returncode == 0, applied.stderr
    return index


def test_a_full_disk_as_an_ingest_makes_dedup_apply_again_says_its_records_are_in_and_the_merges_pending(tmp_path):
    # An ingest into a deduplicated index makes the merges again after its commit: a disk full
    # then was said "[Errno 28] No space left on device" alone, and its segment files stayed.
    index = _deduplicated(tmp_path)
    # the state a run killed while it made them again leaves (the store says they are to be made):
    # the ingest's own commit is small, and the merges' write fills the disk
    assert subprocess.run([*CLI, "dedup", "--undo", "--index", str(index)], capture_output=True, cwd=ROOT,
                          timeout=300).returncode == 0
    from indexer.store import APPLY_PENDING, Store
    with Store(index) as store:
        store.set_meta(APPLY_PENDING, 1)
        store.db.commit()
    one = tmp_path / "one.ris"
    one.write_text("TY  - JOUR\nTI  - A record added later\nPY  - 2020\nER  - \n", encoding="utf-8")
    done, after = small_disk(tmp_path, index, f"{sys.executable} {ROOT / 'cli.py'} ingest -q --index $IDX {one}", 600)
    assert "rc=2" in done.stdout and "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: writing to {tmp_path}/mnt/idx failed: the disk is full"), \
        lines
    assert "this run's records were committed (read 1, added 1," in lines[0]
    assert "the next ingest or `python cli.py dedup --apply --index" in lines[0]
    assert unwritten_segment_files(after) == []
    stats = json.loads(subprocess.run([*CLI, "stats", "--json", "--index", str(after)], capture_output=True,
                                      text=True, timeout=120, cwd=ROOT).stdout)
    assert stats["records"] == 141 and stats["hidden_duplicates"] == 0
    # with room, the next ingest makes them
    assert ingest(after, one).returncode == 0
    stats = json.loads(subprocess.run([*CLI, "stats", "--json", "--index", str(after)], capture_output=True,
                                      text=True, timeout=120, cwd=ROOT).stdout)
    assert stats["records"] == 141 and stats["hidden_duplicates"] > 50
