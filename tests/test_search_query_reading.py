"""How a query is read and said, on a real index in a temp dir (records written for these
tests): the query shown as typed (an ideographic space is a space, not \\u3000); and, or, not
in lower case, which are no operators, said whatever the query finds."""
from __future__ import annotations

import json

import pytest

from conftest import hit_ids, ris_searcher, run_cli

RECORDS = [("E1", "Breast cancer in pregnancy", "en"),
           ("E2", "Colon cancer screening outcomes", "en"),
           ("E3", "Tumour growth in mice", "en"),
           ("E4", "Tumor staging with MRI", "en"),
           ("E5", "Oxytocin does not induce a calcium rise in breast cancer cells", "en"),
           ("Z1", "乳腺癌新辅助化疗的疗效分析", "zh")]


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
    assert hit_ids(searcher, "breast\u3000cancer") == ["E1", "E5"]
    out = run_cli("search", "breast\u3000cancer", "--index", index)
    assert out.returncode == 0 and out.stdout.splitlines()[0] == "2 hit(s) for 'breast\u3000cancer'"
    out = run_cli("search", "(breast\u3000cancer", "--index", index)
    assert out.stderr.startswith("Error: bad query '(breast\u3000cancer': ")


def test_lower_case_operators_are_common_words_and_said(searcher, index):
    # "not" between terms had been a word every hit must hold: cancer not breast found E5 alone
    assert hit_ids(searcher, "cancer not breast") == hit_ids(searcher, "cancer breast") == ["E1", "E5"]
    assert hit_ids(searcher, "cancer NOT breast") == ["E2"]
    said = ("'not' was left out as a common word, not read as NOT (operators are written in capitals); "
            "cancer NOT breast finds 1 record")
    assert searcher.warnings("cancer not breast") == [said]
    assert searcher.warnings("tumour or tumor") == [
        "'or' was left out as a common word, not read as OR (operators are written in capitals); "
        "tumour OR tumor finds 2 records"]
    # "and" required had kept out a title without it and a Chinese record; read as AND is, unsaid
    assert hit_ids(searcher, "breast cancer and pregnancy") == ["E1"]
    assert hit_ids(searcher, "乳腺癌 and 化疗") == ["Z1"]
    assert searcher.warnings("breast cancer and pregnancy") == []
    # not between terms: a word (and said); in quotes, as written; a pasted title still first
    assert hit_ids(searcher, "not breast") == ["E5"]
    assert searcher.warnings("not breast") == [
        "'not' was searched as a word, not read as NOT (operators are written in capitals); NOT breast finds 4 records"]
    assert searcher.warnings('"cancer not breast"') == [] and hit_ids(searcher, '"does not induce"') == ["E5"]
    assert searcher.search("Oxytocin does not induce a calcium rise in breast cancer cells")["hits"][0][
        "source"]["source_id"] == "E5"
    # beside the hits on stderr, and in --json's and --batch's "notes"
    out = run_cli("search", "cancer not breast", "--index", index)
    assert out.stdout.startswith("2 hit(s)") and f"note: {said}" in out.stderr
    out = run_cli("search", "cancer not breast", "--json", "--index", index)
    assert json.loads(out.stdout)["notes"] == [said]
    out = run_cli("search", "--batch", "--index", index, stdin="cancer not breast\n")
    assert json.loads(out.stdout)["notes"] == [said]
