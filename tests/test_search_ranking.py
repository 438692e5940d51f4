"""Ranking as a user reads a list of hits: a record that holds the query in its title comes
before one that holds it only as a keyword (Web of Science's Keywords Plus names terms its
text need not hold); records written for these tests."""
from __future__ import annotations

import pytest

from conftest import ris_searcher


def _record(rid: str, title: str, abstract: str = "", keywords: tuple[str, ...] = (), extra: str = "") -> str:
    return (f"TY  - JOUR\nID  - {rid}\nTI  - {title}\n" + (f"AB  - {abstract}\n" if abstract else "")
            + "".join(f"KW  - {k}\n" for k in keywords) + extra + "ER  - \n\n")


FILLER = "".join(_record(f"F{i}", f"Outcomes of {w} in a cohort of adult patients", f"We followed {w} for five years.",
                         (w, "cohort"))
                 for i, w in enumerate(["asthma", "obesity", "stroke", "sepsis", "anaemia", "gout", "glaucoma"]))
RECORDS = FILLER + "".join([
    # IL-6 in the title and the abstract, not a keyword
    _record("TITLE", "Serum IL-6 and TNF-alpha after cardiac arrest",
            "Levels of IL-6 fell in the treated group; TNF-alpha did not change."),
    # IL-6 only among the keywords (Keywords Plus), not in the title or abstract
    _record("KEYWORD", "Cyclosporin and prednisolone for juvenile cellulitis in three puppies",
            "Three puppies were treated and recovered.", ("SPINAL-CORD-INJURY", "DERMATITIS", "IL-6")),
    # in the abstract and as a keyword
    _record("ABSTRACT", "A bead-based assay of embryo implantation potential",
            "We measured TNFR1, PIGF-1, IFN-alpha2, IL-6, CXCL13 and GM-CSF in the culture medium of each embryo "
            "by a bead-based assay, with time-lapse imaging of every embryo until transfer.", ("IL-6", "embryo")),
    # in the title and as a keyword: first
    _record("BOTH", "IL-6 in sepsis", "IL-6 was measured daily.", ("IL-6", "sepsis")),
])


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    yield from ris_searcher(tmp_path_factory.mktemp("ranking"), RECORDS)


def _order(searcher, query: str) -> list[str]:
    return [h["source"]["source_id"] for h in searcher.search(query, limit=20)["hits"]]


def test_a_title_match_ranks_above_a_keyword_only_match(searcher):
    order = _order(searcher, "IL-6")
    assert order[0] == "BOTH"                       # title and keyword
    assert order[-1] == "KEYWORD"                   # the keyword alone lifts nothing
    # a keyword the abstract holds too keeps its lift (the search corpus's keyword queries)
    assert order.index("ABSTRACT") < order.index("KEYWORD")


# Many records hold the word only as a keyword: more than search reads records for (IN_ORDER_CHECKED).
SUBJECTS = ["renal", "cardiac", "hepatic", "pulmonary", "neural", "gastric", "dermal", "ocular", "muscular", "skeletal"]
ABSTRACT20 = ("We followed every patient of the cohort for five years and report how often the injury came back "
              "after treatment.")
MANY = "".join(_record(f"K{i:03d}", f"{SUBJECTS[i % 10]} injury in cohort {i}", ABSTRACT20, ("vasopressin",))
               for i in range(130))
TITLED = _record("VTITLE", "Vasopressin and " + " ".join(f"filler{i}" for i in range(20)))


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    yield from ris_searcher(tmp_path_factory.mktemp("many"), MANY + TITLED)


def test_a_title_match_ranks_above_every_keyword_only_match(many):
    """However many records hold the word only as a keyword: whether one loses its lift does
    not depend on its being among the best the search reads."""
    result = many.search("vasopressin", limit=200)
    order = [h["source"]["source_id"] for h in result["hits"]]
    assert result["total"] == 131
    assert order[0] == "VTITLE"
    assert len({h["score"] for h in result["hits"][1:]}) == 1   # the keyword-only records, scored alike


# The words of a query in its order, in another inflection ("spinal metastases" for "spinal metastasis").
IN_ORDER = FILLER + "".join([
    _record("INORDER", "Surgery for spinal metastases in the elderly", "We report outcomes of surgery in older patients."),
    _record("APART1", "Metastasis of breast cancer: spinal and hepatic sites",
            "Metastasis to spinal bone was common; spinal pain followed metastasis."),
    _record("APART2", "Spinal cord compression and brain metastasis",
            "Spinal cord compression preceded metastasis in a third."),
])


@pytest.fixture(scope="module")
def in_order(tmp_path_factory):
    yield from ris_searcher(tmp_path_factory.mktemp("in_order"), IN_ORDER)


@pytest.mark.parametrize("query", ["spinal metastasis", "spinal metastases", "Spinal metastasis"])
def test_the_words_in_order_lift_in_any_inflection(in_order, query):
    """The words in the query's order lift a record whichever form of them it writes, as
    the query matches them: not only the form typed."""
    assert _order(in_order, query) == ["INORDER", "APART2", "APART1"]
