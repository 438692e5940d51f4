"""Where a Greek letter's spelled name glued to a word is the letter: the case written tells
(README, search): after a capital or a digit (TNFalpha, IL1beta, Abeta42) it is a word of its own,
as TNFα's letter is; after a small letter (Gazeta, Elizabeta) it is the end of a word, so that
``zeta`` and ``beta`` do not find a journal or a given name.  Records in
tests/data/search/greek_case.ris, a real index in a temp dir."""
from __future__ import annotations

import pytest

from conftest import DATA, hit_ids, ris_searcher

RECORDS = DATA / "search" / "greek_case.ris"


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    yield from ris_searcher(tmp_path_factory.mktemp("greek_case"), RECORDS.read_text(encoding="utf-8"))


TNF_ALL = ["T1", "T2", "T3", "T4", "T5"]
TNF, IL1, IL1_GLUED, NFKB = ["T1", "T2", "T3", "T4"], ["I1", "I2", "I3", "I4"], ["I3", "I4"], ["N1", "N2", "N3", "N4"]


@pytest.mark.parametrize("query,expected", [
    ("zeta", ["ZG"]), ("beta", IL1), ("abstract:zeta", []),     # had found Gazeta (GZ), Elizabeta, Ga|zeta checked
    ("journal:zeta", []), ("author:beta", []), ("journal:Gazeta", ["GZ"]),
    ("Gazeta", ["GZ", "ZG"]), ("gazeta", ["GZ", "ZG"]), ("Elizabeta", ["EL"]), ("author:Elizabeta", ["EL"]),
    ("alphabet", ["AB"]), ("betaine", ["BT"]),
])
def test_a_name_ending_a_word_after_a_small_letter_is_the_word(searcher, query, expected):
    assert hit_ids(searcher, query) == expected


@pytest.mark.parametrize("query,expected", [
    ("TNFalpha", TNF_ALL), ("TNF-alpha", TNF_ALL), ("TNFα", TNF_ALL), ("TNF-α", TNF_ALL), ("tnfalpha", TNF_ALL),
    ("alpha", TNF),    # (T5 writes TNFALPHA: nothing tells its name apart)
    ("IL-1beta", IL1), ("IL-1β", IL1), ("il-1beta", IL1), ("IL1β", IL1_GLUED), ("IL1beta", IL1_GLUED),
    ("il1beta", IL1_GLUED),
    ("NFkappaB", NFKB), ("NF-κB", NFKB), ("NFκB", NFKB), ("NF-kappaB", NFKB),
])
def test_a_name_after_a_capital_or_a_digit_is_the_letter(searcher, query, expected):
    assert hit_ids(searcher, query) == expected


def test_the_snippet_marks_the_word_not_a_name_inside_it(searcher):
    snippets = [h["snippet"] for h in searcher.search("Gazeta", limit=10)["hits"]]
    assert all("【Gazeta】" in s and "Ga【zeta】" not in s for s in snippets), snippets
    snippets = [h["snippet"] for h in searcher.search("zeta", limit=10)["hits"]]
    assert snippets and not any("Ga【" in s for s in snippets), snippets


@pytest.mark.parametrize("query,expected", [
    ("TNFALPHA", TNF_ALL), ("IL1BETA", IL1_GLUED), ("IL-1BETA", IL1),   # had missed TNFα, TNF-α, IL1β, IL-1β
])
def test_a_name_typed_in_capitals_is_the_letter_too(searcher, query, expected):
    assert hit_ids(searcher, query) == expected


DF508 = ["D1", "D2"]


@pytest.mark.parametrize("query,expected", [
    ("nfkappab", NFKB), ("NFKAPPAB", NFKB), ("kappa", NFKB),     # had found NFkappaB only, κ's records only
    ("ΔF508", DF508), ("δf508", DF508), ("deltaF508", DF508), ("deltaf508", DF508),   # had found one form each
    ("Tibetan", []), ("betaine", ["BT"]),
])
def test_a_name_before_a_capital_is_a_word_of_its_own(searcher, query, expected):
    assert hit_ids(searcher, query) == expected
