"""Search on a real index in a temp dir: a word written in capitals (ALS, US, IT) finds that
word as written, not the stems of ordinary words ("als" → al, "using" → us), the records that
write it in capitals first; C++ is not the letter c; a title pasted whole ranks its own record
above longer titles that repeat its words, and the best hits holding a query's words in its
order rank above those holding them apart."""
from __future__ import annotations

import pytest

from conftest import english_ris, ris_searcher
from indexer.index import search as search_module

# Written for this test, after the QA report's cases.
RECORDS = [
    ("A1", "Riluzole in ALS patients", ""),
    ("A2", "Motor neurone disease", "Patients with amyotrophic lateral sclerosis (ALS) were followed."),
    ("A3", "Wear of SiCp/Al composites", "Kaya et al. studied the Al matrix."),
    ("U1", "Screening in the US population", ""),
    ("U2", "Tools used by clinicians", "Using the scale, we measured it twice."),
    ("U3", "Let us consider the dog", "It was well."),
    ("I1", "Hospital IT systems", ""),
    ("M1", "Culture of MSCs from marrow", ""),
    ("C1", "A solver written in C++", ""),
    ("C2", "Vitamin C and cytochrome c", ""),
    ("T1", "Anal sac gland carcinoma in cocker spaniels", "A short report."),
    ("T2", "Association between anal sac gland carcinoma in cocker spaniels and gland size: "
           "anal sac gland carcinoma in cocker spaniels",
     "Anal sac gland carcinoma in cocker spaniels is common; cocker spaniels with anal sac gland carcinoma in "
     "cocker spaniels litters."),
    ("T3", "Breed and anal sac gland carcinoma: cocker spaniels in dogs",
     "In cocker spaniels, anal sac gland carcinoma occurs; cocker spaniels and anal sac gland carcinoma."),
    ("T4", "Anal sac gland carcinoma in cocker spaniels (vol 3, pg 7, 2000)", ""),
    ("R1", "Biopsy findings: renal", "Biopsy of the kidney; renal disease. Biopsy."),
    ("R2", "Outcomes in a kidney clinic", "Patients had a renal biopsy at admission and were followed for ten years in "
                                          "the clinic."),
    ("R3", "Kidney function", "Renal tests were made, and then a biopsy."),
    ("S1", "EFFECT OF TUMOR CELLS IN RATS", ""),
    ("S2", "Tumors of the liver in rats", ""),
    ("S3", "A rat tumor model", ""),
    ("D1", "Living with AIDS", ""),
    ("D2", "First aid training", ""),
]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    yield from ris_searcher(tmp_path_factory.mktemp("acronyms"), english_ris(RECORDS))


def ranked(searcher, query):
    return [h["source"]["source_id"] for h in searcher.search(query, limit=100)["hits"]]


@pytest.mark.parametrize("query,expected", [
    ("ALS", ["A1", "A2"]),           # not Al, "et al." (als → al)
    ("US", ["U1", "U3"]),            # not using, used (→ us); "Let us" as written, after the US
    ("MSC", ["M1"]),                 # its plural written MSCs
    ("C++", ["C1"]),                 # not the letter c
])
def test_a_word_in_capitals_finds_it_as_written(searcher, query, expected):
    assert ranked(searcher, query) == expected


def test_the_records_writing_it_in_capitals_come_first(searcher):
    # "it" as written still matches (the shared evaluation folds case: LET is also "let"), after
    hits = ranked(searcher, "IT")
    assert hits[0] == "I1" and sorted(hits[1:]) == ["U2", "U3"]


def test_words_not_in_capitals_keep_their_inflections(searcher):
    assert sorted(ranked(searcher, "us")) == ["U1", "U2", "U3"]
    assert sorted(ranked(searcher, "c")) == ["C1", "C2"]
    assert sorted(ranked(searcher, "Als")) == ["A1", "A2", "A3"]


def test_a_title_pasted_whole_ranks_its_record_first(searcher):
    hits = ranked(searcher, "Anal sac gland carcinoma in cocker spaniels")
    # its own title first; then the records that hold it as a phrase; then the words apart
    assert hits[0] == "T1"
    assert hits.index("T3") == len(hits) - 1
    # punctuation and case aside
    assert ranked(searcher, "anal sac gland carcinoma in Cocker Spaniels.")[0] == "T1"


def test_only_the_best_hits_are_checked_for_the_words_in_order(searcher, monkeypatch):
    # R2 holds "renal biopsy" in its order; R3 the words apart, scoring higher on them
    assert ranked(searcher, "renal biopsy") == ["R1", "R2", "R3"]
    # A Phrase over every match made "of the" 2-3x slower at 30k records: only the best hits
    # are checked, so one ranked below them is not lifted.
    monkeypatch.setattr(search_module, "IN_ORDER_CHECKED", 1, raising=False)
    assert ranked(searcher, "renal biopsy") == ["R1", "R3", "R2"]


@pytest.mark.parametrize("query", ["TUMOR", "CELLS", "RATS", "CELL"])
def test_a_word_no_record_writes_in_capitals_is_the_ordinary_word(searcher, query):
    # caps lock, or a title written wholly in capitals pasted: S1's words are no acronyms
    assert sorted(ranked(searcher, query)) == sorted(ranked(searcher, query.lower()))


def test_a_longer_word_in_capitals_matches_its_inflections_after_it(searcher):
    # AIDS is written so (D1); "aid" (D2) is its inflection, as the shared evaluation reads it
    assert ranked(searcher, "AIDS") == ["D1", "D2"]
