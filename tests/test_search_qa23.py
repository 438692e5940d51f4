"""QA round 23 on a real index in a temp dir: a truncated author: word finds the names written
in Chinese whose pinyin it matches, as the whole word does; a quoted Chinese phrase typed with
a space between two characters means them adjacent; a funder: snippet shows the record's own
funding, never the names funder: searched it by."""
from __future__ import annotations

import pytest

from conftest import hit_ids, ris_searcher

# Authors as the QA report wrote them, and a few more (written for this test).
AUTHORS = [("W1", ["王建国"]), ("W2", ["Wang, Jianguo"]), ("W3", ["Wang JG"]), ("W4", ["Jian-Guo Wang"]),
           ("W5", ["Wang, Jian"]), ("W6", ["汪建国"]), ("W7", ["万里"]), ("W8", ["Smith, Anne"]),
           ("Z1", ["张伟"]), ("Z2", ["Zhang, Wei"]), ("Z3", ["章明"]), ("Z4", ["赵丽"]),
           ("M1", ["Müller, Hans"]), ("M2", ["Martínez-Suárez, J.V."]), ("T1", ["張偉明"])]
TEXTS = [("P1", "数据模型的研究"), ("P2", "基于乳腺癌筛查的队列"), ("P3", "数据与模型"), ("P4", "乳腺癌 筛查方案")]


def _ris() -> str:
    records = [f"TY  - JOUR\nID  - {rid}\nTI  - Paper {rid}\n" + "".join(f"AU  - {a}\n" for a in names) + "ER  - \n\n"
               for rid, names in AUTHORS]
    records += [f"TY  - JOUR\nID  - {rid}\nTI  - {title}\nLA  - zh\nER  - \n\n" for rid, title in TEXTS]
    records.append("TY  - JOUR\nID  - F1\nTI  - Circulating RNA signature\nPY  - 2021\n"
                   "N1  - Funding: National Natural Science Foundation of China (81572607)\nER  - \n\n")
    return "".join(records)


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    yield from ris_searcher(tmp_path_factory.mktemp("qa23"), _ris())


@pytest.mark.parametrize("query,expected", [
    ("author:Wang", ["W1", "W2", "W3", "W4", "W5", "W6"]),
    ("author:wang*", ["W1", "W2", "W3", "W4", "W5", "W6"]),     # 王建国 and 汪建国 by their pinyin too
    ("author:wan*", ["W1", "W2", "W3", "W4", "W5", "W6", "W7"]),  # and 万里 (wan)
    ("author:zha?g", ["T1", "Z1", "Z2", "Z3"]),                 # one letter in place of ?
    ("author:Zhang", ["T1", "Z1", "Z2", "Z3"]),                 # 张, 章, and 張 (zhang, or Chang in Taiwan)
    ("author:zhang*", ["T1", "Z1", "Z2", "Z3"]),
    ("author:zhan*", ["T1", "Z1", "Z2", "Z3"]),                 # not 赵 (zhao)
    ("author:zha*", ["T1", "Z1", "Z2", "Z3", "Z4"]),
    ("author:zhao*", ["Z4"]),
    ("author:chang*", ["T1"]),                                  # as author:Chang finds 張偉明
    ("author:jian*", ["W2", "W4", "W5"]),                       # the words as written; a given name in
                                                                # Chinese is no family name (as author:Jian)
    ("author:Muller", ["M1"]), ("author:mull*", ["M1"]),        # accents aside, as the whole word
    ("author:martinez*", ["M2"]), ("author:suar*", ["M2"]),
])
def test_a_truncated_author_finds_what_the_whole_word_finds(searcher, query, expected):
    assert hit_ids(searcher, query) == expected


def test_a_truncated_author_finds_at_least_the_whole_word(searcher):
    for word in ("wang", "zhang", "chang", "muller", "wan", "smith"):
        assert set(hit_ids(searcher, f"author:{word}")) <= set(hit_ids(searcher, f"author:{word}*")), word


@pytest.mark.parametrize("query,expected", [
    ('"数据模型"', ["P1"]),
    ('"数据 模型"', ["P1"]),            # Chinese has no spaces between words: the characters adjacent
    ('"数据  模型"', ["P1"]), ('“数据 模型”', ["P1"]), ('title:"数据 模型"', ["P1"]),
    ("数据 模型", ["P1", "P3"]),        # unquoted: two words, ANDed
    # … and as typed, for a record that writes the space (P4: a spaced phrase had lost it)
    ('"乳腺癌 筛查"', ["P2", "P4"]), ("乳腺癌筛查", ["P2"]), ('title:"乳腺癌 筛查"', ["P2", "P4"]),
    ('"数据 模型" OR "乳腺癌 筛查"', ["P1", "P2", "P4"]),
])
def test_a_quoted_chinese_phrase_typed_with_a_space(searcher, query, expected):
    assert hit_ids(searcher, query) == expected


def test_a_spaced_chinese_phrase_negated_leaves_out_both_forms(searcher):
    left = set(hit_ids(searcher, '-"乳腺癌 筛查"'))
    assert {"P1", "P3"} <= left and not {"P2", "P4"} & left


def test_a_spaced_chinese_phrase_is_marked_where_it_is_written(searcher):
    (hit,) = searcher.search('"数据 模型"')["hits"]
    assert hit["snippet"] == "【数据模型】的研究"


def test_a_funder_snippet_shows_the_records_own_funding(searcher):
    # the record writes the funder in English: funder: finds it by its Chinese and short names,
    # and shows the funding as the record has it, the funder marked
    for query in ("funder:国家自然科学基金", "funder:NSFC", "funder:国家自然基金"):
        (hit,) = searcher.search(query)["hits"]
        assert hit["snippet"] == "funding: 【National Natural Science Foundation of China】 81572607", query
        assert "NSFC" not in hit["snippet"] and "国家" not in hit["snippet"]
    (hit,) = searcher.search("funder:NSFC award:81572607")["hits"]
    assert hit["snippet"] == "funding: 【National Natural Science Foundation of China 81572607】"
    (hit,) = searcher.search('funder:"Natural Science Foundation"')["hits"]   # as written: only that marked
    assert hit["snippet"] == "funding: National 【Natural Science Foundation】 of China 81572607"
    (hit,) = searcher.search("81572607")["hits"]
    assert hit["snippet"] == "funding: …Science Foundation of China 【81572607】"
