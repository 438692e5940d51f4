"""The index's store and search index over their life: files ingested by relative paths from
two directories, a run killed between the two commits, dedup --apply made again after a kill,
an index a newer version wrote.  Real indexes in tmp_path, the CLI run as a user runs it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

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
