"""Help as a terminal shows it: the descriptions and epilogs filled to the width argparse is given
(COLUMNS, else the terminal's, else 80), an example's command never broken."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT


def _help_at(columns: int, *command: str) -> str:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": str(columns)}
    result = subprocess.run([sys.executable, str(ROOT / "cli.py"), *command, "--help"], capture_output=True,
                            text=True, cwd=ROOT, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _commands() -> list[tuple[str, ...]]:
    """The top level and every command the parser has (a command added later is covered too)."""
    import argparse

    from indexer.cli import build_parser

    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return [()] + [(name,) for name in sub.choices]


def test_every_command_is_covered():
    assert {c for (c,) in _commands()[1:]} >= {"clean", "ingest", "search", "show", "dedup", "export", "stats"}


@pytest.mark.parametrize("command", _commands())
@pytest.mark.parametrize("columns", [80, 100])
def test_help_fits_the_terminal(command, columns):
    # the descriptions and epilogs were printed as written, up to 119 columns on an 80-column terminal;
    # an example's command is printed whole, so it is written to fit 80 columns itself (export's was 85)
    from indexer.terminal import text_width

    out = _help_at(columns, *command)
    over = [line for line in out.splitlines() if text_width(line) > columns]
    assert not over, over
    assert " ".join(out.split()).count("python cli.py") == " ".join(_help_at(300, *command).split()).count("python cli.py")


def test_help_keeps_an_examples_command_whole_and_its_comment_under_it():
    out = _help_at(80, "search")
    assert "\n  python cli.py search --index DIR --limit 5 -- -癌\n      # options before --: after it every word is the query's\n" in out
    assert "\n  python cli.py search 脊柱转移 --sort newest     # the latest first\n" in out   # fits: as written
    wide = _help_at(200, "search")
    assert "-- -癌   # options before --: after it every word is the query's\n" in wide


def test_stats_lines_fit_the_terminal_and_keep_a_value_by_its_count(tmp_path):
    # stats' "by year" line was one line of any length (164 columns on a 2,000-record index)
    from conftest import run_cli
    from indexer.terminal import text_width

    ris = tmp_path / "years.ris"
    ris.write_text("".join(f"TY  - JOUR\nTI  - Paper of {y}\nPY  - {y}\nER  - \n\n" for y in range(2010, 2026)),
                   encoding="utf-8")
    idx = tmp_path / "idx"
    assert run_cli("ingest", "-q", str(ris), "--index", str(idx)).returncode == 0
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "40"}
    shown = subprocess.run([sys.executable, str(ROOT / "cli.py"), "stats", "--index", str(idx)], capture_output=True,
                           text=True, cwd=ROOT, env=env, timeout=120).stdout
    years = shown.split("  by year: ", 1)[1]   # (the last line, and the lines it wraps onto)
    expected = ["2010s 10"] + [f"{y} 1" for y in range(2020, 2026)]   # (a past decade in one)
    assert len(years.splitlines()) > 1 and all(text_width(line) <= 40 for line in shown.splitlines()[1:])   # (the first names the index's folder)
    assert [item.strip() for item in years.replace("\n", " ").split(",")] == expected
    piped = run_cli("stats", "--index", str(idx)).stdout   # (no COLUMNS, no terminal: one line, for scripts)
    assert piped.endswith("  by year: " + ", ".join(expected) + "\n")
