"""What users paste into the search box, on a real index in a temp dir (records written for
these tests): titles with genotype notation (MDA5(-/-) mice) or a colon after a field's name
(the first year: a cohort), Chinese terms listed with their marks (肺癌，化疗), identifiers as
links and numbers, and names; each is searched as the text it came from, or says why not."""
from __future__ import annotations

import pytest

from conftest import hit_ids, ris_searcher
from indexer.index.query import QueryError

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
AUTHORS = [("A1", "Renal outcomes in dialysis", "Zhang, Weiping"), ("A2", "Renal function", "Zhang, Wei"),
           ("A3", "Hepatic outcomes", "Li, Weiping"), ("A4", "Power of 5 W lasers", "Brown, Anne")]
SICI = "10.1002/(SICI)1098-2795(199907)53:3<266::AID-MRD2>3.0.CO;2-6"
CHINESE = [("Z1", "肺癌化疗后的预后分析", ["肺癌", "化疗", "预后"]), ("Z2", "肺癌患者的化疗方案", []),
           ("Z3", "心肌缺血/再灌注损伤的机制", []), ("Z4", "心肌缺血后再灌注的研究", []),
           ("Z5", "乳腺癌的MRI诊断", []), ("Z6", "肺癌，化疗与放疗", [])]


def _ris() -> str:
    records = [f"TY  - JOUR\nID  - {rid}\nTI  - {title}\nER  - \n\n" for rid, title in TITLES]
    records += [f"TY  - JOUR\nID  - {rid}\nTI  - Screening in {year}\nPY  - {year}\nER  - \n\n" for rid, year in YEARS]
    records += [f"TY  - JOUR\nID  - {rid}\nTI  - {title}\nLA  - zh\n" + "".join(f"KW  - {k}\n" for k in keywords)
                + "ER  - \n\n" for rid, title, keywords in CHINESE]
    records.append(f"TY  - JOUR\nID  - D1\nTI  - Sry-negative XX sex reversal in dogs\nDO  - {SICI}\nER  - \n\n")
    records += [f"TY  - JOUR\nID  - {rid}\nTI  - {title}\nAU  - {author}\nER  - \n\n" for rid, title, author in AUTHORS]
    return "".join(records)


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    yield from ris_searcher(tmp_path_factory.mktemp("pasted"), _ris())


@pytest.mark.parametrize("query,expected", [
    ("MDA5(-/-) mice", ["G1"]),            # had been refused: unexpected ')'
    ('"MDA5(-/-) mice"', ["G1"]),
    ("p53(+/+)", ["G3"]),
    ("IL-6 (+)", ["G4"]),                  # the index drops (+): so does the query
    ("Fmr1 (-/y) mouse", ["G2"]),          # had been Fmr1 NOT y mouse: nothing
    ("(-/y)", ["G2"]),                     # the index keeps its y: not NOT y, every other record
    ("Fmr1 -/y mouse", ["G2"]),
    ("Connectivity deficits in the Fmr1 (-/y) mouse model of autism", ["G2"]),
    ("mice -(coronavirus)", ["G2", "G5"]),  # a group of words, NOT, as before (mice = mouse)
    ("mice -(coronavirus OR fibroblasts)", ["G2", "G5"]),
])
def test_genotype_notation_is_a_term(searcher, query, expected):
    assert hit_ids(searcher, query) == expected


@pytest.mark.parametrize("query,expected", [
    ("Outcomes after the first year: a cohort study", ["C1"]),   # had been: year: needs a value
    ("Choosing a journal: advice for authors", ["C2"]),
    ("The corresponding author: roles", ["C3"]),
    ("Lung cancer type: a review", ["C4"]),
    ("first year:2021", []),                                    # no space: the field, as before
])
def test_a_field_name_before_a_title_colon_is_text(searcher, query, expected):
    assert hit_ids(searcher, query) == expected


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
    assert hit_ids(searcher, query) == ["Y2"]


@pytest.mark.parametrize("query", ["year:2018 - 2021", "year:2018 -2021", "year:2018- 2021", "year:2018 .. 2021",
                                   "year:2018 – 2021", "(year:2018 - 2021) screening"])
def test_a_year_range_with_spaces_around_its_dash(searcher, query):
    # had found nothing: the range ended at its first space, "- 2021" searched as words
    assert hit_ids(searcher, query) == ["Y2"]


def test_two_years_with_a_space_between_stay_a_year_and_a_word(searcher):
    assert hit_ids(searcher, "year:2019 2021") == hit_ids(searcher, "year:2019 AND 2021")


def test_a_year_range_open_at_one_end_or_reversed(searcher):
    assert hit_ids(searcher, "year:2018-") == hit_ids(searcher, "year:2018..") == ["Y2", "Y3"]
    assert hit_ids(searcher, "year:-2019") == hit_ids(searcher, "year:..2019") == ["Y1", "Y2"]
    with pytest.raises(QueryError, match=r"the range is empty \(2021 > 2018\)"):
        searcher.search("year:2021-2018")


@pytest.mark.parametrize("query", ["肺癌，化疗", "肺癌、化疗", "肺癌;化疗", "肺癌；化疗", "肺癌, 化疗", '"肺癌","化疗"',
                                   "“肺癌”，“化疗”", "肺癌 化疗"])
def test_a_chinese_list_mark_parts_the_terms_as_a_space_does(searcher, query):
    # had found nothing: the mark was matched as written (Z6 holds it so, and is found still)
    assert hit_ids(searcher, query) == ["Z1", "Z2", "Z6"]


@pytest.mark.parametrize("query,expected", [
    ("肺癌;化疗;预后", ["Z1"]),               # a CNKI keyword list: all three
    ("keyword:肺癌;化疗;预后", ["Z1"]),       # each term takes the field
    ("乳腺癌，MRI", ["Z5"]),
    ("化疗 -预后，放疗", ["Z2"]),               # ... and the minus: -预后 -放疗
    ('"肺癌，化疗"', ["Z6"]),                 # in quotes, as written
    ("缺血/再灌注", ["Z3"]),                  # / and + join a term, matched as written
    ("缺血 再灌注", ["Z3", "Z4"]),
])
def test_a_list_mark_outside_quotes_only(searcher, query, expected):
    assert hit_ids(searcher, query) == expected


def test_a_chinese_term_joined_by_a_sign_says_what_its_parts_find(searcher):
    assert searcher.notes("肺癌/化疗") == [
        "'肺癌/化疗' is matched as written, as a term such as 缺血/再灌注 is, and no record has it so; "
        "肺癌 化疗 finds 3 records"]
    assert searcher.notes("肺癌+化疗")[0].endswith("; 肺癌 化疗 finds 3 records")
    assert searcher.notes("肺癌/放射") == []   # nothing apart either


@pytest.mark.parametrize("query", [
    "https://doi.org/10.1002/(SICI)1098-2795(199907)53:3%3C266::AID-MRD2%3E3.0.CO;2-6",  # as an address bar copies it
    "https://doi.org/10.1002%2F%28SICI%291098-2795%28199907%2953%3A3%3C266%3A%3AAID-MRD2%3E3.0.CO%3B2-6",
    "doi.org/10.1002/(SICI)1098-2795(199907)53:3%3c266::AID-MRD2%3e3.0.CO;2-6",
    "doi:https://doi.org/10.1002/(SICI)1098-2795(199907)53:3%3C266::AID-MRD2%3E3.0.CO;2-6",
    "https://doi.org/" + SICI, SICI,
])
def test_a_doi_link_with_percent_escapes_is_the_doi(searcher, query):
    assert hit_ids(searcher, query) == ["D1"]


def test_a_field_value_of_several_words_is_suggested_quoted(searcher):
    assert hit_ids(searcher, "author:Zhang Weiping") == []      # author:Zhang, and Weiping in the text
    assert hit_ids(searcher, 'author:"Zhang Weiping"') == ["A1"]
    # had suggested author:Weiping (which finds Li Weiping too)
    assert searcher.notes("author:Zhang Weiping") == [
        'author: takes one word, or a "phrase" in quotes; author:"Zhang Weiping" finds 1 record']
    assert searcher.notes("author:Zhang Weiping renal") == [
        'author: takes one word, or a "phrase" in quotes; author:"Zhang Weiping" renal finds 1 record']


def test_a_name_as_references_write_it_is_suggested_whole_or_without_its_comma(searcher):
    # W is a word of A4's title, Zhang in no text: had suggested author:"Zhang," for the first word alone
    assert hit_ids(searcher, "W") == ["A4"] and hit_ids(searcher, "Zhang, W") == []
    assert searcher.notes("Zhang, W") == [
        "'Zhang, W' is in no title, abstract, keyword or funding; author:\"Zhang, W\" finds 2 records"]
    assert searcher.notes("Zhang,") == [
        "'Zhang,' is in no title, abstract, keyword or funding; author:Zhang finds 2 records"]
