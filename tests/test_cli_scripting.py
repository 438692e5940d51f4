"""The command line as a script meets it: outputs that cannot be written, queries piped in
any encoding, file names under any locale, outputs among the inputs, exit codes."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import DATA, ROOT, run_cli

RIS = "TY  - JOUR\nTI  - {}\nPY  - 2020\nER  - \n"


@pytest.fixture(scope="module")
def idx(tmp_path_factory):
    path = tmp_path_factory.mktemp("scripting") / "idx"
    assert run_cli("ingest", "-q", str(DATA / "search" / "records.ris"), "--index", str(path)).returncode == 0
    return path


def _to_full(*args: str) -> subprocess.CompletedProcess:
    """The CLI with its standard output on a full disk (/dev/full: every write is ENOSPC)."""
    with open("/dev/full", "w") as full:
        return subprocess.run([sys.executable, str(ROOT / "cli.py"), *args], stdout=full, stderr=subprocess.PIPE,
                              text=True, cwd=ROOT, timeout=300)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_an_output_on_a_full_disk_is_one_line_naming_it_and_exit_2(idx, tmp_path):
    # each was a traceback and exit 1 ("some input failed")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.ris").write_text(RIS.format("Kept"), encoding="utf-8")
    (tmp_path / "in" / "junk.txt").write_text("not a record\n", encoding="utf-8")
    full = "No space left on device"
    for args in (("search", "--index", str(idx), "癌", "--json"), ("search", "--index", str(idx), "癌"),
                 ("stats", "--index", str(idx)), ("export", "--index", str(idx), "-f", "ris"),
                 ("clean", "--json", str(tmp_path / "in"))):
        result = _to_full(*args)
        assert (result.returncode, result.stderr.splitlines()[-1]) == (
            2, f"Error: cannot write standard output: {full}."), (args, result.stderr)
        assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    result = run_cli("export", "--index", str(idx), "-f", "ris", "-o", "/dev/full")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.endswith(f"Error: cannot write /dev/full: {full}; it holds part of the export only.\n")
    result = run_cli("clean", "--json", "--failures", "/dev/full", str(tmp_path / "in"))
    assert result.returncode == 2 and result.stderr.endswith(f"Error: cannot write --failures /dev/full: {full}.\n")
    assert "TI  - Kept" not in result.stdout and '"Kept"' in result.stdout   # the records were written
    # an ingest says its records are committed all the same (its summary was lost): a second run adds nothing
    result = _to_full("ingest", "--json", "--index", str(tmp_path / "idx"), str(tmp_path / "in"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1] == (
        f"Error: cannot write standard output: {full}; this run's records are committed to {tmp_path / 'idx'} "
        "all the same (1 added, 0 updated, 0 removed, 1 failed).")
    result = run_cli("ingest", "--json", "--index", str(tmp_path / "idx"), "--failures", "/dev/full",
                     str(tmp_path / "in"))
    assert result.returncode == 2 and "cannot write --failures /dev/full" in result.stderr
    assert "(0 added, 0 updated, 0 removed, 1 failed)" in result.stderr


def test_a_failures_file_on_read_only_media_is_said_to_be_read_only(tmp_path):
    # "Permission denied" sent the user to chmod; a read-only file system is mounted in a
    # namespace of its own (root only: skipped where none can be made)
    if not shutil.which("unshare") or subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode:
        pytest.skip("no mount namespace can be made here (needs root)")
    ro = tmp_path / "ro"
    ro.mkdir()
    (tmp_path / "a.ris").write_text(RIS.format("Read"), encoding="utf-8")
    script = (f"mount -t tmpfs -o ro,size=64k none {ro} && exec {sys.executable} {ROOT / 'cli.py'} clean "
              f"--failures {ro / 'f.jsonl'} {tmp_path / 'a.ris'}")
    result = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=120)
    if "mount:" in result.stderr:
        pytest.skip(f"no read-only file system can be mounted here: {result.stderr.strip()}")
    assert (result.returncode, result.stdout) == (2, "")   # said before any work
    assert result.stderr == f"Error: {ro / 'f.jsonl'}: Read-only file system.\n"


@pytest.mark.parametrize("encoding", ["gb18030", "ascii", "utf-8"])
def test_batch_queries_are_read_as_utf8_or_gbk_whatever_the_locale(idx, encoding):
    # PYTHONIOENCODING=gb18030: a UTF-8 line was a UnicodeDecodeError traceback (癌), or searched
    # its bytes read as GB18030 (肉瘤样癌 as 鑲夌槫鏍风檶) and found nothing, silently
    stdin = "癌\n肉瘤样癌\n".encode("utf-8") + "肉瘤样癌\r\n".encode("gbk") + b"IL-6\n"
    result = subprocess.run([sys.executable, str(ROOT / "cli.py"), "search", "--batch", "--index", str(idx)],
                            input=stdin, capture_output=True, cwd=ROOT, timeout=300,
                            env={**os.environ, "PYTHONIOENCODING": encoding})
    assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr
    lines = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert [(line["query"], line["total"]) for line in lines] == [("癌", 1), ("肉瘤样癌", 1), ("肉瘤样癌", 1),
                                                                  ("IL-6", 2)]
