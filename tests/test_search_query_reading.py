"""How a query is read and said, on a real index in a temp dir (records written for these
tests): the query shown as typed (an ideographic space is a space, not \\u3000)."""
from __future__ import annotations

import pytest

from conftest import hit_ids, ris_searcher, run_cli

RECORDS = [("E1", "Breast cancer in pregnancy", "en"),
           ("E2", "Colon cancer screening outcomes", "en")]


def _ris() -> str:
    return "".join(f"TY  - JOUR\nID  - {rid}\nTI  - {title}\nLA  - {lang}\nER  - \n\n" for rid, title, lang in RECORDS)


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    yield from ris_searcher(tmp_path_factory.mktemp("reading"), _ris())


@pytest.fixture(scope="module")
def index(searcher):
    return searcher.index_dir


def test_the_query_is_shown_as_typed(searcher, index):
    # an ideographic space (a Chinese keyboard's) had been shown as repr writes it: 'breast\u3000cancer'
    assert hit_ids(searcher, "breast\u3000cancer") == ["E1"]
    out = run_cli("search", "breast\u3000cancer", "--index", index)
    assert out.returncode == 0 and out.stdout.splitlines()[0] == "1 hit(s) for 'breast\u3000cancer'"
    out = run_cli("search", "(breast\u3000cancer", "--index", index)
    assert out.stderr.startswith("Error: bad query '(breast\u3000cancer': ")
