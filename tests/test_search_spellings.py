"""Searches typed as a keyboard without the record's letters types them, on a real index in a
temp dir (records written for these tests): an author's letters that have no accent to drop
(Ø, Ł, Æ …), initials with accents, a family name without its particles; Russian е for ё; a
journal by the abbreviation a reference gives."""
from __future__ import annotations

import pytest

from conftest import hit_ids, ris_searcher
from indexer.index.ingest import ingest
from indexer.index.search import Searcher

AUTHORS = [("A1", ["Ørsted, Søren", "Łukasiewicz, Jan"]), ("A2", ["Peña, José Ángel"]),
           ("A3", ["de Saint-Exupéry, Antoine"]), ("A4", ["van der Berg, Jan"]), ("A5", ["van der Berg, Maria"]),
           ("A6", ["Đorđević, Ana", "Æbelø, Bo", "Strauß, Karl", "Þórsdóttir, Eva"]), ("A7", ["Berg, Karl"]),
           ("A8", ["Al Farsi, Omar"])]


def _ris() -> str:
    return "".join(f"TY  - JOUR\nID  - {rid}\nTI  - Paper {rid}\n" + "".join(f"AU  - {a}\n" for a in names)
                   + "ER  - \n\n" for rid, names in AUTHORS)


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    yield from ris_searcher(tmp_path_factory.mktemp("spellings"), _ris())


@pytest.mark.parametrize("query,expected", [
    # letters Unicode does not decompose, read as the letters written for them, as é is e
    ("author:Orsted", ["A1"]), ("author:Ørsted", ["A1"]), ('author:"Orsted S"', ["A1"]),
    ("author:Lukasiewicz", ["A1"]), ("author:Łukasiewicz", ["A1"]), ("author:luka*", ["A1"]),
    ("author:Dordevic", ["A6"]), ("author:Aebelo", ["A6"]), ("author:Strauss", ["A6"]),
    ("author:Thorsdottir", ["A6"]), ('author:"Thorsdottir E"', ["A6"]),
    # initials with accents, as the Vancouver export writes Peña, José Ángel
    ('author:"Peña JÁ"', ["A2"]), ('author:"Pena JA"', ["A2"]), ('author:"Peña, José Ángel"', ["A2"]),
    # a family name without its particles, alone and with initials
    ("author:Saint-Exupery", ["A3"]), ("author:Saint-Exupéry", ["A3"]), ('author:"Saint-Exupery A"', ["A3"]),
    ('author:"Berg J"', ["A4"]), ('author:"Berg M"', ["A5"]), ("author:Berg", ["A4", "A5", "A7"]),
    ('author:"van der Berg J"', ["A4"]), ('author:"Berg K"', ["A7"]),
    ('author:"Farsi O"', []),   # Al is part of the name, as NLM writes it
])
def test_an_author_typed_without_the_records_letters(searcher, query, expected):
    assert hit_ids(searcher, query) == expected


def test_russian_e_finds_yo_and_the_other_way_round(tmp_path):
    # Russian is usually typed with е for ё: folded as case is, in the index and the query
    ris = ("TY  - JOUR\nID  - R1\nTI  - Распространённость тревоги среди студентов\nLA  - ru\nER  - \n\n"
           "TY  - JOUR\nID  - R2\nTI  - Ежегодный отчет о здоровье\nLA  - ru\nER  - \n\n")
    for searcher in ris_searcher(tmp_path, ris):
        for query in ("распространенность", "распространённость", "РАСПРОСТРАНЕННОСТЬ", '"распространенность тревоги"'):
            assert hit_ids(searcher, query) == ["R1"], query
        assert hit_ids(searcher, "отчёт") == hit_ids(searcher, "title:отчет") == ["R2"]
        (hit,) = searcher.search("распространенность")["hits"]
        assert hit["snippet"].startswith("【Распространённость】") and hit["highlights"] == [[1, 19]]


def test_journal_finds_the_abbreviations_web_of_science_gives(tmp_path):
    # J9 and JI are kept in extra.journal_abbreviation: journal: searches them with the journal
    wos = ("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Wang, JG\nTI Malic enzyme in yeast\n"
           "SO APPLIED AND ENVIRONMENTAL MICROBIOLOGY\nJ9 APPL ENVIRON MICROB\nJI Appl. Environ. Microbiol.\n"
           "PY 2021\nUT WOS:000000000000001\nER\n\nEF\n")
    (tmp_path / "savedrecs.txt").write_text(wos, encoding="utf-8")
    ingest([str(tmp_path / "savedrecs.txt")], str(tmp_path / "idx"), quiet=True)
    with Searcher(tmp_path / "idx") as searcher:
        for query in ('journal:"APPL ENVIRON MICROB"', 'journal:"Appl. Environ. Microbiol."',
                      'journal:"Appl Environ Microbiol"', 'journal:"Applied and Environmental Microbiology"'):
            assert searcher.search(query)["total"] == 1, query
        assert searcher.search('journal:"APPL ENVIRON VIROL"')["total"] == 0
