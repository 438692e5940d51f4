"""What users paste into the search box, on a real index in a temp dir (records written for
these tests): titles with genotype notation (MDA5(-/-) mice) or a colon after a field's name
(the first year: a cohort), Chinese terms listed with their marks (肺癌，化疗), identifiers as
links and numbers, and names; each is searched as the text it came from, or says why not."""
from __future__ import annotations

import pytest

from indexer.index.ingest import ingest
from indexer.index.query import QueryError
from indexer.index.search import Searcher

TITLES = [("G1", "MDA5(-/-) mice are susceptible to coronavirus"),
          ("G2", "Connectivity deficits in the Fmr1 (-/y) mouse model of autism"),
          ("G3", "Apoptosis of p53(+/+) fibroblasts"),
          ("G4", "IL-6 (+) cells in the synovium"),
          ("G5", "Tumour cells in knockout mice"),
          ("C1", "Outcomes after the first year: a cohort study"),
          ("C2", "Choosing a journal: advice for authors"),
          ("C3", "The corresponding author: roles and duties"),
          ("C4", "Lung cancer type: a review")]


YEARS = [("Y1", 2017), ("Y2", 2019), ("Y3", 2022)]


def _ris() -> str:
    return "".join(f"TY  - JOUR\nID  - {rid}\nTI  - {title}\nER  - \n\n" for rid, title in TITLES) + "".join(
        f"TY  - JOUR\nID  - {rid}\nTI  - Screening in {year}\nPY  - {year}\nER  - \n\n" for rid, year in YEARS)


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pasted")
    (folder / "records.ris").write_text(_ris(), encoding="utf-8")
    ingest([str(folder / "records.ris")], str(folder / "idx"), quiet=True)
    with Searcher(folder / "idx") as s:
        yield s


def ids(searcher, query):
    return sorted(h["source"]["source_id"] for h in searcher.search(query, limit=100)["hits"])


@pytest.mark.parametrize("query,expected", [
    ("MDA5(-/-) mice", ["G1"]),            # had been refused: unexpected ')'
    ('"MDA5(-/-) mice"', ["G1"]),
    ("p53(+/+)", ["G3"]),
    ("IL-6 (+)", ["G4"]),                  # the index drops (+): so does the query
    ("Fmr1 (-/y) mouse", ["G2"]),          # had been Fmr1 NOT y mouse: nothing
    ("(-/y)", ["G2"]),                     # the index keeps its y: not NOT y, every other record
    ("Fmr1 -/y mouse", ["G2"]),
    ("Connectivity deficits in the Fmr1 (-/y) mouse model of autism", ["G2"]),
    ("mice -(coronavirus)", ["G5"]),       # a group of words, NOT, as before
    ("mice -(coronavirus OR fibroblasts)", ["G5"]),
])
def test_genotype_notation_is_a_term(searcher, query, expected):
    assert ids(searcher, query) == expected


@pytest.mark.parametrize("query,expected", [
    ("Outcomes after the first year: a cohort study", ["C1"]),   # had been: year: needs a value
    ("Choosing a journal: advice for authors", ["C2"]),
    ("The corresponding author: roles", ["C3"]),
    ("Lung cancer type: a review", ["C4"]),
    ("first year:2021", []),                                    # no space: the field, as before
])
def test_a_field_name_before_a_title_colon_is_text(searcher, query, expected):
    assert ids(searcher, query) == expected


@pytest.mark.parametrize("query", ["year:", "title: ", "title: 癌", "cancer title:", "cancer title: "])
def test_a_field_without_its_value_says_so(searcher, query):
    # alone, first or last, a field's name and colon is a field whose value was left out
    with pytest.raises(QueryError, match="needs a value after the colon"):
        searcher.search(query)


def test_a_field_name_searched_as_text_is_said_when_nothing_is_found(searcher):
    assert searcher.notes("Lung cancer type: a cohort") == [
        "type: is followed by a space, so it was searched as text (to search the field, write its value right "
        "after the colon: type:VALUE)"]
    assert searcher.notes("Lung cancer type:zzz") == ["no record has type zzz; this index has: article-journal"]


@pytest.mark.parametrize("query", ["year:2018-2021", "year:2018–2021", "year:2018~2021", "year:2018..2021",
                                   "year:2018−2021", "screening year:2018-2021"])
def test_a_year_range_with_a_hyphen(searcher, query):
    # the hyphen is what users type; it had been refused while the dash was read
    assert ids(searcher, query) == ["Y2"]


def test_a_year_range_open_at_one_end_or_reversed(searcher):
    assert ids(searcher, "year:2018-") == ids(searcher, "year:2018..") == ["Y2", "Y3"]
    assert ids(searcher, "year:-2019") == ids(searcher, "year:..2019") == ["Y1", "Y2"]
    with pytest.raises(QueryError, match=r"the range is empty \(2021 > 2018\)"):
        searcher.search("year:2021-2018")
