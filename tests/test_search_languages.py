"""lang: takes the names a user types for a language, in English, in Chinese, Japanese or
Korean, or in the language itself (lang:japanese, lang:日本語, lang:中文, lang:한국어,
lang:russian), as well as the codes the index holds; a value that is no language is a bad
query that says what lang: takes."""
from __future__ import annotations

from pathlib import Path

import pytest
from whoosh.query import Term

from conftest import hit_ids, ris_searcher, run_cli
from indexer.index.query import QueryError, parse
from indexer.lang.detect import DECLARED_NAMES

# One record in each language (written for this test).
TITLES = [("E1", "Tumour growth in mice after treatment"), ("Z1", "肺癌的诊断与治疗进展"),
          ("J1", "胃癌手術後の生活の質について"), ("K1", "한국어 교육의 현황과 과제"),
          ("R1", "Влияние пандемии COVID-19 на экономику России")]


def _ris() -> str:
    return "".join(f"TY  - JOUR\nID  - {rid}\nTI  - {title}\nER  - \n\n" for rid, title in TITLES)


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    yield from ris_searcher(tmp_path_factory.mktemp("langs"), _ris())


def test_each_record_has_its_language(searcher):
    assert {h["source"]["source_id"]: h["language"] for h in searcher.search("-zzzz", limit=10)["hits"]} \
        == {"E1": "en", "Z1": "zh", "J1": "ja", "K1": "ko", "R1": "ru"}


@pytest.mark.parametrize("query,expected", [
    ("lang:japanese", ["J1"]), ("lang:日本語", ["J1"]), ("lang:日文", ["J1"]), ("lang:jpn", ["J1"]), ("lang:ja", ["J1"]),
    ("lang:chinese", ["Z1"]), ("lang:中文", ["Z1"]), ("lang:漢語", ["Z1"]), ("lang:zh-CN", ["Z1"]),
    ("lang:english", ["E1"]), ("lang:英文", ["E1"]), ("lang:英語", ["E1"]), ("lang:English", ["E1"]),
    ("lang:한국어", ["K1"]), ("lang:korean", ["K1"]), ("lang:韩语", ["K1"]), ("lang:韓国語", ["K1"]),
    ("lang:russian", ["R1"]), ("lang:русский", ["R1"]), ("lang:俄语", ["R1"]),
    ("language:日本語", ["J1"]),
    ("-lang:english -lang:中文", ["J1", "K1", "R1"]),
    ("lang:french", []),                   # a language no record is in: found nothing, no error
])
def test_lang_takes_a_languages_name(searcher, query, expected):
    assert hit_ids(searcher, query) == expected


@pytest.mark.parametrize("value", ["klingon", "xx", "chinse", "日本"])
def test_a_value_that_is_no_language_is_a_bad_query(value):
    with pytest.raises(QueryError, match=rf"lang:{value}: no language has that code or name.*lang:中文"):
        parse(f"lang:{value}")


@pytest.mark.parametrize("query,expected", [
    ("lang:cn", ["Z1"]), ("lang:tw", ["Z1"]), ("lang:hk", ["Z1"]), ("lang:jp", ["J1"]), ("lang:kr", ["K1"]),
    ("lang:CN", ["Z1"]), ("lang:ua", []), ("lang:uk", []),    # uk is Ukrainian's code, not the United Kingdom
])
def test_lang_takes_a_countrys_code_for_its_language(searcher, query, expected):
    assert hit_ids(searcher, query) == expected


@pytest.mark.parametrize("value,code", [("dk", "da"), ("cz", "cs"), ("ua", "uk"), ("se", "sv"), ("gr", "el"),
                                        ("ca", "ca"), ("de", "de")])
def test_a_countrys_code_is_its_language_unless_it_is_a_languages_code(value, code):
    assert parse(f"lang:{value}").query == Term("lang", code)


@pytest.mark.parametrize("value", ["ic", "fe", "ukrx"])
def test_a_code_one_letter_off_another_is_told_no_near_name(value):
    with pytest.raises(QueryError) as err:
        parse(f"lang:{value}")
    assert "did you mean" not in str(err.value)


def test_multilingual_is_no_language_a_record_is_filed_under():
    for value in ("mul", "multilingual"):
        with pytest.raises(QueryError, match=rf"lang:{value}: a record is filed under one language") as err:
            parse(f"lang:{value}")
        assert "did you mean" not in str(err.value)
    assert parse("lang:und").query == Term("lang", "und")


def test_a_misspelt_name_is_told_the_name_near_it(searcher):
    with pytest.raises(QueryError, match=r"did you mean lang:chinese\?"):
        searcher.search("lang:chinse")
    out = run_cli("search", "lang:klingon", "--index", str(Path(searcher.index_dir)))
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.startswith("Error: bad query 'lang:klingon': lang:klingon: no language has that code or name")


def test_every_language_detection_gives_is_a_code_lang_takes():
    import langdetect

    from indexer.index.query import LANGUAGE_CODES

    profiles = Path(langdetect.__file__).parent / "profiles"
    detected = {p.name.split("-")[0] for p in profiles.iterdir()} | set(DECLARED_NAMES) | {"zh", "und"}
    assert detected == set(LANGUAGE_CODES)
