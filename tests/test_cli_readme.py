"""The README's commands as a user copies them: the files they name are read, the values
they show are values the index has."""
from __future__ import annotations

import glob
import re

from conftest import ROOT, needs_shared

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _search_section() -> str:
    return README.split("### Search", 1)[1].split("\n### ", 1)[0]


def test_the_search_examples_index_is_built_of_files_that_are_read():
    # `ingest ../shared/seed ../shared/corpus/search` exited 1: the corpus's qrels/*.jsonl are
    # relevance judgements, "unknown format"
    from indexer.readers import iter_files
    from indexer.readers.base import sniff_reader
    from indexer.readers.decode import open_text

    needs_shared("corpus", "search")
    command = re.search(r"`python cli\.py\s+ingest\s+([^`]+)`", _search_section())
    assert command, "the Search section names the ingest that builds its examples' index"
    paths = [p for word in command.group(1).split()
             for p in sorted(glob.glob(str(ROOT / word))) or [str(ROOT / word)]]
    files = list(iter_files(paths))
    assert files
    unread = [f for f in files if sniff_reader(open_text(f).head, f) is None]
    assert not unread


def test_format_values_shown_are_reader_names():
    # `format:cnki*` can match nothing: a record's format is the reader that read it
    from indexer.readers.base import known_formats

    shown = set(re.findall(r"format:([\w*-]+)", README))
    assert shown
    for value in shown:
        prefix = value.rstrip("*")
        assert any(name == prefix or value.endswith("*") and name.startswith(prefix)
                   for name in known_formats()), value


def test_the_exit_code_table_has_every_code_the_help_names():
    # 130 (Ctrl-C) was in `cli.py --help` but not in the README's table
    from conftest import run_cli

    table = README.split("### Exit codes", 1)[1].split("\n### ", 1)[0]
    epilog = run_cli("--help").stdout.split("exit codes:", 1)[1].split("\n\n", 1)[0]
    named = re.findall(r"(\d+) [a-z]", epilog)
    assert "130" in named
    assert set(named) <= set(re.findall(r"^\| (\d+) \|", table, re.M))


def test_the_search_examples_find_records_in_the_demo_index(tmp_path):
    # after `make demo` (samples/ ingested), `search 癌`, 'title:肉瘤 NOT lang:en' and
    # 'award:81702662' found nothing
    import shlex

    from conftest import run_cli

    index = str(tmp_path / "idx")
    assert run_cli("ingest", "-q", "samples", "--index", index).returncode == 0
    block = _search_section().split("```", 2)[1]
    examples = [shlex.split(line.split("  #")[0])[3:] for line in block.splitlines()
                if line.startswith("python cli.py search ")]
    assert len(examples) >= 5
    for args in examples:
        out = run_cli("search", *args, "--index", index)
        assert out.returncode == 0 and not out.stdout.startswith("0 hit(s)") and '"total": 0' not in out.stdout, args
