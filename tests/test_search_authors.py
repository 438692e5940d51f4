"""author: on real records: every author of the shared formats corpus (CNKI, Wanfang, PubMed,
Web of Science … exports) is found by the forms references write a name in, and a Chinese
author by the name's pinyin.  What must be found is the record the author was read from."""
from __future__ import annotations

import random

import pytest

from conftest import needs_shared
from indexer.index.ingest import ingest
from indexer.index.names import _pinyin_initials, family_key, given_words, query_names
from indexer.index.search import Searcher
from indexer.pinyin import is_person, is_pinyin_surname, person_pinyin, two_syllables


@pytest.fixture(scope="module")
def formats_index(tmp_path_factory):
    source = needs_shared("corpus", "formats")
    path = tmp_path_factory.mktemp("authors") / "idx"
    summary = ingest([str(source)], str(path), quiet=True)
    assert summary.added > 2000
    with Searcher(path) as searcher:
        yield searcher


def _authors(searcher: Searcher, chinese: bool, n: int = 150) -> list[tuple[str, dict]]:
    rng = random.Random(11)
    # ordered by where each record is in the corpus, not by its id: an id is made from the
    # file's absolute path, so a sample by ids differed from one checkout to another
    pairs = [((rec["source"]["path"].rsplit("/formats/", 1)[-1], rec["source"]["record"], str(a)), rec["id"], a)
             for rec in searcher.store for a in rec.get("authors", [])
             if bool(a.get("literal") and is_person(a["literal"])) == chinese
             and (chinese or (a.get("family") and given_words(a.get("given") or "")))]
    assert len(pairs) > n
    return [(rid, a) for _, rid, a in rng.sample(sorted(pairs, key=lambda p: p[0]), n)]


def test_western_authors_in_the_forms_references_write(formats_index):
    missed = []
    for rid, a in _authors(formats_index, chinese=False):
        family, given = a["family"], a["given"]
        initials = "".join(w[0] for w in given_words(given)).upper()
        for query in (f'author:"{family} {initials}"', f'author:"{family}, {given}"', f'author:"{given} {family}"',
                      f'author:"{family} {initials[0]}"'):
            if rid not in formats_index.ranked_ids(query):
                missed.append(query)
    assert missed == []


def test_chinese_authors_by_their_name_and_its_pinyin(formats_index):
    missed = []
    for rid, a in _authors(formats_index, chinese=True):
        family, given = person_pinyin(a["literal"])
        for query in (f"author:{a['literal']}", f'author:"{family.title()} {"".join(given).title()}"',
                      f'author:"{"".join(given).title()} {family.title()}"',
                      f'author:"{family.title()} {"".join(s[0] for s in given).upper()}"'):
            if rid not in formats_index.ranked_ids(query):
                missed.append(query)
    assert missed == []


def test_chinese_authors_in_latin_letters_by_their_initials(formats_index):
    # PubMed writes Hu, Jianguo as Hu J or Hu JG: a given name of two syllables in one word
    pairs = [(rec["id"], a) for rec in formats_index.store for a in rec.get("authors", [])
             if a.get("family") and len(given_words(a.get("given") or "")) == 1
             and is_pinyin_surname(family_key(a["family"])) and two_syllables(given_words(a["given"])[0])]
    assert len(pairs) > 40
    missed = [query for rid, a in pairs for first, second in two_syllables(given_words(a["given"])[0])
              for query in [f'author:"{a["family"]} {(first[0] + second[0]).upper()}"']
              if rid not in formats_index.ranked_ids(query)]
    assert missed == []


def test_the_name_terms_find_what_the_name_check_finds(formats_index):
    # two ways to the same answer: the index's name terms (no record read) and the check
    # on every author of every record (names.name_matches, and the words as written)
    from indexer.index.analysis import fold
    from indexer.index.query import leaves, parse
    from indexer.index.search import _field_values

    queries = set()
    for rid, a in _authors(formats_index, chinese=False, n=40):
        words = given_words(a["given"])
        queries |= {f'author:"{a["family"]} {"".join(w[0] for w in words).upper()[:2]}"',
                    f'author:"{a["family"]}, {words[0]}"', f"author:{a['family'].split()[0]}",
                    f'author:"{a["family"]}, {words[0][0].upper()}ane"'}   # a full name an initial may be
    for rid, a in _authors(formats_index, chinese=True, n=40):
        queries |= {f"author:{a['literal']}", f'author:"{"".join(person_pinyin(a["literal"])[0]).title()} Y"'}
    records = list(formats_index.store)
    for query in sorted(queries):
        (leaf,) = leaves(parse(query))
        # a given name in full that reads as pinyin (Zhang, Wei) is checked: initials must be its syllables'
        assert leaf.exact or any(_pinyin_initials(f, g) for f, g, chinese in query_names(query[7:].strip('"'))
                                 if not chinese), query
        expected = sorted(r["id"] for r in records
                          if any(leaf.check(fold(v)) for v in _field_values(r, "author_names")))
        assert sorted(formats_index.ranked_ids(query)) == expected, query
