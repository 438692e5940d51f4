"""The query language on a real whoosh index in a temp dir (records in tests/data/search,
written for these tests): substring rules, phrases in both languages, Boolean operators,
fields, ranking order, batch mode, show and stats."""
from __future__ import annotations

import json
import subprocess
import sys
from contextlib import contextmanager

import pytest

from conftest import DATA, ROOT, jsonl, run_cli
from indexer.index.ingest import ingest
from indexer.index.query import QueryError, leaves, parse
from indexer.index.schema import DEFAULT_FIELDS
from indexer.index.search import Searcher

RECORDS = DATA / "search" / "records.ris"


@pytest.fixture(scope="module")
def idx(tmp_path_factory):
    path = tmp_path_factory.mktemp("search") / "idx"
    summary = ingest([str(RECORDS)], str(path), quiet=True)
    assert (summary.read, summary.added, len(summary.failures)) == (7, 7, 0)
    return path


@pytest.fixture(scope="module")
def s(idx):
    with Searcher(idx) as searcher:
        yield searcher


def test_an_index_read_from_its_files_or_mapped_answers_alike(idx, s):
    # one search reads the index's files; search --batch maps them once (layout.open_index)
    with Searcher(idx, mapped=True) as mapped:
        for query in ("癌", "IL-6", '"spinal metastases"', "title:肉瘤 OR abstract:cancer", "year:2018.."):
            assert mapped.search(query, limit=100) == s.search(query, limit=100), query
    assert s.ix.storage.supports_mmap is False and mapped.ix.storage.supports_mmap is True


def ids(searcher, query):
    """Source ids (RIS ID) of all hits, sorted."""
    return sorted(h["source"]["source_id"] for h in searcher.search(query, limit=100)["hits"])


@pytest.mark.parametrize("query,expected", [
    ("癌", ["R1"]),                       # one character inside a word
    ("肉瘤样", ["R1"]),                    # a fragment jieba would not produce
    ("气候", ["R5", "R6"]),
    ("体在", []),                          # "流体 在": not adjacent in the text
    ("固体在", []),                        # "固体。在": a sign between
    ("SD大鼠", ["R5"]),                    # Latin next to Chinese: adjacent only
    ("3.5", ["R3", "R5"]),                 # digits and signs as written ("3 5" is not 3.5)
    ("40%", ["R3"]),
    ("30", ["R7"]),                        # digits against a Greek letter: 30µg/L
    ("µg", ["R7"]),
    ("30µg", ["R7"]),
    ("7-15", ["R7"]),                      # numbers joined by a hyphen have parts: 7–15
    ("3-5", ["R3", "R4", "R5"]),           # ... consecutive whatever the sign: 3.5, 3 5, 3.5%
    ("3–5", ["R3", "R4", "R5"]),           # an en dash in the query too
    ("4-0", []),                           # 40 is 4-0 glued only where 0 stands alone too
])
def test_substring_rule(s, query, expected):
    assert ids(s, query) == expected


@pytest.mark.parametrize("query,expected", [
    ("cells", ["R3", "R4"]),               # inflections meet: cell / cells
    ("metastasis", ["R3"]),                # Latin plural: metastases
    ("follow-up", ["R3", "R4"]),           # parts as consecutive words
    ("IL-6", ["R3", "R4"]),                # IL-6 = IL 6 = IL6
    ('"follow up"', ["R3", "R4"]),
    ("followed", ["R3", "R4"]),
    ("Müller", ["R7"]),
    ("interest", ["R7"]),                  # a declaration after the funding statement stays
])
def test_english_rule(s, query, expected):
    assert ids(s, query) == expected


def test_follow_up_is_not_followed_up(s):
    # R3's title says "follow-up"; R4's says "Followed up": the phrase needs "follow" as
    # written, not an inflection of it.
    hits = s.search('title:"follow up"', limit=10)["hits"]
    assert [h["source"]["source_id"] for h in hits] == ["R3"]


@pytest.mark.parametrize("query,expected", [
    ("气候 农业", ["R6"]),
    ("气候 OR 癌", ["R1", "R5", "R6"]),
    ("气候 NOT 农业", ["R5"]),
    ("气候 -农业", ["R5"]),
    ('气候 -"农业"', ["R5"]),              # a leading - before a phrase, a field or parentheses is NOT
    ("气候 -title:农业", ["R5"]),
    ("lang:zh -(癌 OR 农业)", ["R2", "R5"]),
    ("气候 气候 气候", ["R5", "R6"]),       # a word written again is the same query
    ("气候 ， 农业", ["R6"]),               # a lone punctuation mark between words is not a word
    ('农业"', ["R6"]),                      # nor a stray quote at a word's end
    ("title:农业 、", ["R6"]),
    ("(癌 OR 农业) AND 2019", []),
    ("(癌 OR 农业) year:2019", ["R1"]),
    ("year:2018..2021", ["R1", "R3", "R5"]),
    ("year:2020..", ["R3", "R6"]),
    ("year:..2010", ["R4"]),
    ("title:气候", ["R5", "R6"]),
    ("keyword:气候", ["R5"]),
    ("abstract:气候", ["R5", "R6"]),
    ("author:王明", ["R1"]),
    ("author:smith", ["R3"]),
    ("lang:en", ["R3", "R4", "R7"]),
    ("lang:zh 气候", ["R5", "R6"]),
    ("lang:中文 气候", ["R5", "R6"]),           # a language's name: 中文, chinese, English
    ("lang:English", ["R3", "R4", "R7"]),
    ("section:conclusion", ["R1"]),
    ("section:结论", ["R1"]),                # a section's label as abstracts write it
    ("section:Conclusions", ["R1"]),
    ("type:期刊 lang:en", ["R3", "R4", "R7"]),  # a kind of record as Chinese databases name it
    ("format:ris NOT lang:zh", ["R3", "R4", "R7"]),
    ('funder:"Peking University"', ["R7"]),
    ("Peking", ["R7"]),                    # a funder moved out of the abstract, found without funder:
    ('"Research Fund"', ["R7"]),
    ("abstract:Peking", []),               # ... but it is not in the abstract any more
])
def test_operators_and_fields(s, query, expected):
    assert ids(s, query) == expected


@pytest.mark.parametrize("typed,meant", [
    ("“follow up”", '"follow up"'),          # a Chinese keyboard's or a word processor's quotes
    ("title:「follow up」", 'title:"follow up"'),
    ("（气候 OR 癌） 『农业』", '(气候 OR 癌) "农业"'),   # full-width parentheses
    ("title：气候", "title:气候"),             # and colon
    ("气候 ＯＲ 癌", "气候 OR 癌"),
    ("气候 －农业", "气候 -农业"),
])
def test_the_query_language_as_a_chinese_keyboard_types_it(s, typed, meant):
    assert ids(s, typed) == ids(s, meant)
    assert [leaf.text for leaf in leaves(parse(typed))] == [leaf.text for leaf in leaves(parse(meant))]


def test_exact_keyword_ranks_first(s):
    hits = s.search("气候", limit=10)["hits"]
    assert hits[0]["source"]["source_id"] == "R5"   # lists 气候 as a keyword


def test_ties_are_ordered_by_id(s):
    hits = s.search("lang:en", limit=10)["hits"]
    scores = [h["score"] for h in hits]
    assert len(set(scores)) == 1
    assert [h["id"] for h in hits] == sorted(h["id"] for h in hits)


@pytest.mark.parametrize("query", ["", "(癌", "癌 OR", "year:abc", "year:2020..2010", "癌 NOT", "title:",
                                   "title: 癌", 'author:""',
                                   "(" * 17 + "癌" + ")" * 17,                 # deeper than 16
                                   " ".join(f"w{i}" for i in range(65)),     # more than 64 words
                                   "1-" * 70 + "1"])                         # one word of 71 parts
def test_bad_queries_say_why(s, query):
    with pytest.raises(QueryError):
        s.search(query)


def test_a_query_longer_than_a_sentence_or_two_is_refused_with_the_reason(idx, s):
    # a Chinese run is one word however long: 20,000 characters took 18 s and 750 MB
    with pytest.raises(QueryError, match="the query is 20,000 characters long; at most 500"):
        s.search("高" * 20000)
    assert s.search("肉瘤" * 250)["total"] == 0           # 500 characters: searched
    result = run_cli("search", "高" * 5000, "--index", str(idx))
    assert result.returncode == 2 and "at most 500 are searched" in result.stderr
    assert len(result.stderr) < 300                     # the query is not echoed whole


def test_a_field_before_a_group_says_it_takes_a_word(s):
    with pytest.raises(QueryError, match=r"title: takes a word or a \"phrase\", not a group"):
        s.search("title:(癌 OR 瘤)")


def test_a_word_written_twice_counts_once_towards_the_limit(s):
    assert ids(s, " ".join(["cell"] * 70)) == ids(s, "cell") != []


def test_an_operator_alone_is_the_word(s):
    # "OR" alone is the acronym (odds ratio) a user means; only R4 has the word "and".
    assert ids(s, "AND") == ids(s, '"and"') == ["R4"]
    assert ids(s, "OR") == []


def test_snippet_marks_the_match(s):
    (hit,) = s.search("肉瘤样", limit=10)["hits"]
    assert "【肉瘤样】" in hit["snippet"]


@pytest.mark.parametrize("query,marked,unmarked", [
    ("7-15", "【7–15】", "【7】"),          # the match, not a lone 7 and 15 elsewhere
    ("3-5", "【3.5】", "【3】"),
    ("follow-up", "【follow-up】", "【up】"),
    ("IL-6 -metastasis", "【IL6】", "【metasta"),   # a NOT word is not marked
    ("IL6 measured", "【IL6 measured】", "【IL6】"),  # words a space apart: one mark
])
def test_snippet_marks_what_the_rule_matched(s, query, marked, unmarked):
    snippets = [h["snippet"] for h in s.search(query, limit=10)["hits"]]
    assert any(marked in snip for snip in snippets), snippets
    assert not any(unmarked in snip for snip in snippets), snippets


def test_a_match_in_the_funding_shows_the_funding(s):
    (hit,) = s.search("Peking", limit=10)["hits"]
    assert hit["snippet"] == "funding: 【Peking】 University Research Fund"


def test_cli_batch_one_json_line_per_query(idx):
    result = run_cli("search", "--batch", "--index", str(idx), "--limit", "5", stdin="癌\n(bad\nIL-6\n\n")
    assert result.returncode == 0, result.stderr
    lines = jsonl(result.stdout)
    assert [line["total"] for line in lines] == [1, 0, 2, 0]
    assert "error" in lines[1]
    assert lines[3] == {"query": "", "total": 0, "hits": [], "error": "empty query"}   # as the command line says
    assert {"id", "score", "source", "title", "year"} <= set(lines[0]["hits"][0])


def test_cli_batch_survives_what_a_query_file_holds(idx):
    """A BOM before the first query (a file saved by Notepad), bytes that are not UTF-8, a query
    too deep to search: each gets its one JSON line, and the queries after them their answers."""
    stdin = ("\ufeff癌\n" + "(" * 300 + "癌" + ")" * 300 + "\n").encode() + b"caf\xe9\n" + \
        ("NOT " * 2000 + "癌\nIL-6\n").encode() + "肉瘤样癌\n".encode("gbk")   # a line saved on Chinese Windows
    result = subprocess.run([sys.executable, str(ROOT / "cli.py"), "search", "--batch", "--index", str(idx),
                             "--limit", "5"], input=stdin, capture_output=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr
    lines = jsonl(result.stdout.decode("utf-8"))
    assert [line["total"] for line in lines] == [1, 0, 0, 0, 2, 1]
    assert "error" in lines[1] and "error" in lines[3] and lines[2]["query"] == "caf\ufffd"
    assert lines[5]["query"] == "肉瘤样癌"
    # a query given as well as --batch would be ignored: a usage error
    result = run_cli("search", "--batch", "癌", "--index", str(idx), stdin="")
    assert result.returncode == 2 and "give a QUERY or --batch" in result.stderr


def test_cli_limit_must_be_positive(idx):
    result = run_cli("search", "癌", "--limit", "-1", "--index", str(idx))
    assert result.returncode == 2 and "must be 1 or more" in result.stderr


def test_cli_show_and_stats(idx, validate):
    hit = json.loads(run_cli("search", "--json", "癌", "--index", str(idx)).stdout)["hits"][0]
    shown = run_cli("show", "--json", hit["id"], "--index", str(idx))
    assert shown.returncode == 0, shown.stderr
    (rec,) = jsonl(shown.stdout)
    validate(rec)
    assert rec["title"]["zh"] == "肺肉瘤样癌的临床病理特征"
    readable = run_cli("show", hit["id"], "--index", str(idx))
    assert "title.zh: 肺肉瘤样癌的临床病理特征" in readable.stdout
    assert run_cli("show", "0000000000000000", "--index", str(idx)).returncode == 1
    # the start of an id names the record when only one id has it
    (short,) = jsonl(run_cli("show", "--json", hit["id"][:6], "--index", str(idx)).stdout)
    assert short["id"] == hit["id"]
    assert "too short to name a record" in run_cli("show", hit["id"][:3], "--index", str(idx)).stderr   # under 4
    stats = json.loads(run_cli("stats", "--json", "--index", str(idx)).stdout)
    assert stats["records"] == 7
    assert stats["by_language"] == {"zh": 4, "en": 3}
    assert stats["by_format"] == {"ris": 7}
    assert stats["by_year"]["2019"] == 1 and stats["index_bytes"] > 0


def test_show_refuses_an_id_start_two_records_share(tmp_path):
    from indexer.store import Store

    with Store(tmp_path) as store:
        for n, rid in enumerate(("abcd111111111111", "abcd222222222222"), 1):
            store.put({"id": rid, "source": {"path": "x.ris", "format": "ris", "record": n}, "title": {"en": "T"}})
    result = run_cli("show", "abcd", "--index", str(tmp_path))
    assert result.returncode == 1 and "more than one record id starts with abcd" in result.stderr
    result = run_cli("show", "abc", "--index", str(tmp_path))   # too short to be taken as an id's start: a usage error
    assert result.returncode == 2 and "abc is too short to name a record: give at least 4" in result.stderr
    assert "no record with id abf" in run_cli("show", "abf", "--index", str(tmp_path)).stderr
    (rec,) = jsonl(run_cli("show", "--json", "abcd2", "--index", str(tmp_path)).stdout)
    assert rec["id"] == "abcd222222222222"


def test_parallel_ingest_gives_the_same_index(idx, tmp_path):
    # The worker pool and whoosh's sub-writer processes (used for large inputs) give the
    # same records and hits as the in-process path; ingesting again adds nothing.
    parallel = tmp_path / "parallel"
    summary = ingest([str(RECORDS)], str(parallel), quiet=True, workers=2)
    assert (summary.read, summary.added, len(summary.failures)) == (7, 7, 0)
    again = ingest([str(RECORDS)], str(parallel), quiet=True, workers=2)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 7)
    with Searcher(idx) as one, Searcher(parallel) as two:
        for query in ("癌", "气候 OR cells", "IL-6", "year:2018..2021"):
            assert ids(one, query) == ids(two, query)


def test_an_index_from_an_older_schema_is_rebuilt_from_the_store(tmp_path):
    import sqlite3

    from indexer.index.layout import INDEX_SUBDIR, VERSION_FILE
    from indexer.store import STORE_NAME

    path = tmp_path / "idx"
    ingest([str(RECORDS)], str(path), quiet=True)
    (path / INDEX_SUBDIR / VERSION_FILE).write_text("0\n")
    # the Chinese search table as version 4 wrote it (an "award" column, no "funding")
    db = sqlite3.connect(path / STORE_NAME)
    db.executescript("DROP TABLE cjk; CREATE VIRTUAL TABLE cjk USING fts5(text, title, keywords, award, kwx, words);")
    db.close()
    result = run_cli("search", "癌", "--index", str(path))
    assert result.returncode == 2 and "older version" in result.stderr
    summary = ingest([str(RECORDS)], str(path), quiet=True)
    assert (summary.added, summary.unchanged) == (0, 7)
    with Searcher(path) as s:
        assert s.fast  # the table was made again and refilled
        assert ids(s, "癌") == ["R1"]


def test_export_ids_and_show_take_an_id_as_show_does(idx, tmp_path):
    hit = json.loads(run_cli("search", "--json", "癌", "--index", str(idx)).stdout)["hits"][0]
    ids = tmp_path / "ids.txt"
    ids.write_text(f"{hit['id'][:6]}\n{hit['id'].upper()}\nzzzz\n", encoding="utf-8")
    result = run_cli("export", "--format", "jsonl", "--ids", str(ids), "--index", str(idx))
    assert result.returncode == 1, result.stderr   # zzzz is no record: as show says it (exit 1)
    assert [r["id"] for r in jsonl(result.stdout)] == [hit["id"]]          # both lines name it, once
    assert "no record zzzz" in result.stderr
    shown = subprocess.run([sys.executable, str(ROOT / "cli.py"), "show", b"\xff\xfe", "--index", str(idx)],
                           capture_output=True, cwd=ROOT, timeout=60)
    assert shown.returncode == 1 and b"Traceback" not in shown.stderr and b"no record" in shown.stderr


@pytest.mark.parametrize("query,searched", [
    ("doi:10.1002/(SICI)1097-0142(19990101)", ["doi:10.1002/(SICI)1097-0142(19990101)"]),  # parentheses kept
    ("(doi:10.1000/x1 OR 癌)", ["doi:10.1000/x1", "癌"]),            # ... but not the group's
])
def test_a_doi_may_hold_parentheses(query, searched):
    assert [leaf.text for leaf in leaves(parse(query))] == searched


@contextmanager
def searcher_of(tmp_path, ris: str):
    """A searcher of an index in ``tmp_path`` that holds the records of the RIS text ``ris``."""
    path, idx = tmp_path / "records.ris", tmp_path / "idx"
    path.write_text(ris, encoding="utf-8")
    ingest([str(path)], str(idx), quiet=True)
    with Searcher(idx) as searcher:
        yield searcher


def test_a_doi_pasted_alone_is_searched_as_a_doi(tmp_path):
    with searcher_of(tmp_path, "TY  - JOUR\nID  - A\nTI  - 脊柱转移瘤\nDO  - 10.3969/j.issn.1672-187X.2020.01.017\nER  - \n\n"
                               "TY  - JOUR\nID  - B\nTI  - Old cancer data\nDO  - 10.1016/S0027-9684(15)31340-7\n"
                               "ER  - \n\nTY  - JOUR\nID  - C\nTI  - Cited 10.3969 times\nER  - \n") as searcher:
        for query in ("10.3969/j.issn.1672-187x.2020.01.017", "https://doi.org/10.3969/J.ISSN.1672-187X.2020.01.017",
                      "doi: 10.3969/j.issn.1672-187X.2020.01.017.", " 10.3969/j.issn.1672-187X.2020.01.017 ",
                      # as papers print it, without the scheme
                      "doi.org/10.3969/j.issn.1672-187X.2020.01.017", "dx.doi.org/10.3969/j.issn.1672-187X.2020.01.017",
                      "doi:doi.org/10.3969/j.issn.1672-187X.2020.01.017"):
            assert ids(searcher, query) == ["A"], query
        assert ids(searcher, "10.1016/S0027-9684(15)31340-7") == ["B"]
        assert ids(searcher, "10.3969 times") == ["C"]               # not a DOI alone: words
    assert [leaf.fields for leaf in leaves(parse('"10.1000/x1"'))] == [DEFAULT_FIELDS]  # quoted: text as written
    assert [leaf.fields for leaf in leaves(parse("10.1000/x1"))] == [("doi",)]


def test_a_funder_found_by_its_chinese_name_shows_the_funding(tmp_path):
    # the record writes the funder in English; funder: finds it by its Chinese name, and marks
    # the funder it found, in the record's own words (its other names are not shown as if the
    # record wrote them)
    with searcher_of(tmp_path, "TY  - JOUR\nID  - E\nTI  - Circulating RNA signature\nPY  - 2021\n"
                               "N1  - Funding: National Natural Science Foundation of China (81572607)\n"
                               "ER  - \n") as searcher:
        (hit,) = searcher.search("funder:国家自然科学基金", limit=10)["hits"]
        assert hit["snippet"] == "funding: 【National Natural Science Foundation of China】 81572607"
        (hit,) = searcher.search("funder:NSFC", limit=10)["hits"]   # a short name users type
        assert hit["snippet"] == "funding: 【National Natural Science Foundation of China】 81572607"
        (hit,) = searcher.search("81572607", limit=10)["hits"]
        assert hit["snippet"] == "funding: …Science Foundation of China 【81572607】"  # no Chinese name: not funder:


def test_words_side_by_side_bind_before_or(tmp_path):
    # README: `diabetes OR IL-6 year:2018..` is `diabetes OR (IL-6 year:2018..)`
    with searcher_of(tmp_path, "TY  - JOUR\nID  - D99\nTI  - Diabetes care\nPY  - 1999\nER  - \n\n"
                               "TY  - JOUR\nID  - D20\nTI  - Diabetes today\nPY  - 2020\nER  - \n\n"
                               "TY  - JOUR\nID  - I99\nTI  - IL-6 in sepsis\nPY  - 1999\nER  - \n\n"
                               "TY  - JOUR\nID  - I20\nTI  - IL-6 and 肿瘤\nPY  - 2020\nER  - \n") as searcher:
        assert ids(searcher, "diabetes OR IL-6 year:2018..") == ["D20", "D99", "I20"]
        assert ids(searcher, "(diabetes OR IL-6) year:2018..") == ["D20", "I20"]
        assert ids(searcher, "year:2018.. diabetes OR IL-6") == ["D20", "I20", "I99"]


def test_traditional_and_simplified_chinese_find_each_other(tmp_path):
    with searcher_of(tmp_path, "TY  - JOUR\nID  - TW\nTI  - 臺灣地區脊椎轉移腫瘤患者的生活品質調查\nER  - \n\n"
                               "TY  - JOUR\nID  - CN\nTI  - 台湾地区青少年生活质量调查\nER  - \n\n"
                               "TY  - JOUR\nID  - XX\nTI  - 乳腺癌的外科治疗\nER  - \n") as searcher:
        assert searcher.fast                            # Chinese-only queries from the FTS5 table
        for query in ("台湾", "臺灣", "title:台灣", "调查 地區"):
            assert ids(searcher, query) == ["CN", "TW"], query
        assert ids(searcher, '"生活品质调查"') == ["TW"]     # a phrase across the scripts
        assert ids(searcher, "轉移 OR 乳腺") == ["TW", "XX"]
        hit = searcher.search("生活品质", limit=1)["hits"][0]
        assert "【生活品質】" in hit["snippet"]             # the text is shown as written


def test_a_chinese_clause_mark_parts_the_words_beside_it(tmp_path):
    # 比表面积2311m2/g、1.246cm3/g holds no "g 1" (a unit's g-1), as 固体。在 holds no 体在; nor
    # does g、总孔容为1: the words are apart, in the index and in what a snippet marks
    path = tmp_path / "units.ris"
    path.write_text("TY  - JOUR\nID  - U1\nTI  - 活性炭的制备\nAB  - 比表面积和总孔容分别可达2311m2/g、1.246cm3/g。\nER  - \n\n"
                    "TY  - JOUR\nID  - U2\nTI  - 吸附性能\nAB  - 比表面积为586m2/g、总孔容为1.08cm3/g,最大吸附量为31.25mg·g-1。"
                    "\nER  - \n\n"
                    "TY  - JOUR\nID  - U3\nTI  - Adsorption\nAB  - Areas of 2311 m2/g. 1.246 cm3/g were seen\nER  - \n",
                    encoding="utf-8")
    idx = tmp_path / "idx"
    ingest([str(path)], str(idx), quiet=True)
    with Searcher(idx) as searcher:
        assert ids(searcher, "g-1") == ids(searcher, '"g 1"') == ["U2", "U3"]   # an English full stop parts nothing
        assert ids(searcher, "abstract:g-1") == ["U2", "U3"]                    # checked on the text
        assert ids(searcher, "g、1") == ["U1"]                                  # typed with the mark: as written
        (hit,) = searcher.search("g-1 lang:zh", limit=10)["hits"]
        assert "【g-1】" in hit["snippet"] and "【g、" not in hit["snippet"] and "【g】" not in hit["snippet"]


@pytest.mark.parametrize("query,expected", [
    ("follo*", ["R3", "R4"]),              # follow-up, Followed
    ("metasta*", ["R3"]),                  # metastases, metastasis
    ("coh*", ["R4", "R7"]),                # cohorts, cohort
    ("cel?s", ["R3"]),                     # one character: cells, not R4's cell
    ("cells?", ["R3", "R4"]),              # a ? at the end is a question mark: cells
    ("Ｃｏｈ＊", ["R4", "R7"]),             # full-width marks too
    ("author:smi*", ["R3"]),
    ("title:follo*", ["R3", "R4"]),
    ("title:interleuk*", ["R3"]),
    ("abstract:interleuk*", []),           # checked on the abstract: R3 has it in its title only
    ("follo* -title:interleuk*", ["R4"]),
    ("follo* 3.5", ["R3"]),                # beside a term checked on the text (R4 has 3 5)
    ("肉瘤*", ["R1"]),                      # a Chinese term matches inside longer words already
    ("section:concl*", ["R1"]),            # the fields of one value each: their start
    ("lang:e* format:r*", ["R3", "R4", "R7"]),
])
def test_truncation(s, query, expected):
    assert ids(s, query) == expected


@pytest.mark.parametrize("query", ["fo*", "*cancer", "气*候", '"follow up*"', "IL-*"])
def test_truncation_that_cannot_be_searched_says_why(s, query):
    with pytest.raises(QueryError, match=r"\*"):
        s.search(query)


def test_truncation_ranks_and_marks_as_the_words_would(s):
    from whoosh.query import AndMaybe, Or
    from indexer.index.query import ranking_hints, to_whoosh

    tree = parse("coh*")
    lifted = AndMaybe(to_whoosh(tree), Or(ranking_hints(tree)))   # what other queries run
    expected = sorted(round(score, 4) for score, _ in s.searcher.search(lifted, limit=None).top_n)
    hits = s.search("coh*", limit=10)["hits"]
    assert sorted(h["score"] for h in hits) == expected
    assert any("【metastases】" in h["snippet"] for h in s.search("metasta*", limit=10)["hits"])


def test_a_field_value_no_record_has_is_named_with_the_values_there(idx, s):
    # section:discussion finds nothing: say which sections the index has
    assert s.unknown_values("section:discussion 癌") == [
        f"no record has section discussion; this index has: {', '.join(sorted(s.reader.field_terms('section')))}"]
    assert "conclusion" in s.reader.field_terms("section")
    assert s.unknown_values("section:conclusion format:ris lang:zh") == []
    # a start some value has is no unknown value (it had been named as the value "concl")
    assert s.unknown_values("section:concl* zzzqqq") == s.unknown_values("format:ri* zzzqqq") == []
    assert s.unknown_values("section:zz*") == [
        f"no record has a section starting zz; this index has: {', '.join(sorted(s.reader.field_terms('section')))}"]
    out = run_cli("search", "format:cnki", "--index", str(idx))
    assert out.returncode == 0 and "0 hit(s)" in out.stdout
    assert "note: no record has format cnki; this index has: ris" in out.stderr


def test_a_doi_prefix(tmp_path):
    path = tmp_path / "dois.ris"
    path.write_text("".join(f"TY  - JOUR\nID  - {rid}\nTI  - Paper {rid}\nDO  - {doi}\nER  - \n\n" for rid, doi in
                            [("A", "10.1016/j.x.2020.01"), ("B", "10.1016/j.y.2021.02"), ("C", "10.1007/s1")]),
                    encoding="utf-8")
    ingest([str(path)], str(tmp_path / "idx"), quiet=True)
    with Searcher(tmp_path / "idx") as searcher:
        assert ids(searcher, "doi:10.1016/*") == ["A", "B"]
        assert ids(searcher, "doi:https://doi.org/10.1007/*") == ["C"]
        with pytest.raises(QueryError, match="registrant"):      # every DOI, one index term each
            searcher.search("doi:10.*")


def test_sort_by_year_orders_every_hit_before_the_limit(tmp_path):
    path = tmp_path / "years.ris"
    path.write_text("".join(f"TY  - JOUR\nID  - {rid}\nTI  - {title}\n{year}ER  - \n\n" for rid, title, year in [
        ("OLD", "Lung cancer cancer cancer screening", "PY  - 2001\n"),   # the best match
        ("NEW", "Lung cancer in 2023", "PY  - 2023\n"),
        ("MID", "Cancer registries", "PY  - 2012\n"),
        ("NONE", "Cancer of unknown year", ""),
    ]), encoding="utf-8")
    idx = tmp_path / "idx"
    ingest([str(path)], str(idx), quiet=True)
    with Searcher(idx) as searcher:
        def order(sort, limit=10):
            return [h["source"]["source_id"] for h in searcher.search("cancer", limit=limit, sort=sort)["hits"]]
        assert order("relevance", 1) == ["OLD"]
        assert order("newest") == ["NEW", "MID", "OLD", "NONE"]     # no year: last
        assert order("oldest") == ["OLD", "MID", "NEW", "NONE"]
        assert order("newest", 1) == ["NEW"]                          # sorted before the limit
        assert searcher.search("cancer", limit=1, sort="newest")["total"] == 4
    result = run_cli("search", "cancer", "--index", str(idx), "--sort", "oldest", "--limit", "2", "--json")
    assert [h["year"] for h in json.loads(result.stdout)["hits"]] == [2001, 2012]


# Authors as reference lists and databases write them (written for this test).
AUTHORS = [("A1", ["Smith, John A.", "Martínez-Suárez, J.V."]), ("A2", ["Smith, JA", "van der Berg, Jan"]),
           ("A3", ["Smith, Jane", "Zhang, Wei"]), ("A4", ["Smith, K. C.", "王建国", "World Health Organization"]),
           ("C1", ["曾国藩", "欧阳修"]), ("C2", ["Wang, Jianguo", "Zeng, G."]),
           ("C3", ["Wang, J", "Ouyang, Xiu", "汪建国"]), ("C4", ["Wang, Jian-Guo"]), ("C5", ["曹云娥"]),
           ("L1", ["吕伟"]), ("L2", ["Lyu, Wei"]), ("L3", ["Lü, Wei"]), ("L4", ["Lv, W."]),
           ("X1", ["Li, Xian", "Jones, Dean"]),
           # PubMed's initials of a name that reads as pinyin: Ya-qiong is YQ, Hua H, Jian J
           ("P1", ["Xu YX", "Zhang HY", "Liu JG", "Brown JA"]), ("P2", ["Xu YQ", "Zhang H", "Liu J", "Brown J"]),
           ("P3", ["Xu, Y. Xiao"]),
           # Western given names that read as pinyin too: Anna M., Ben J.; An-na's initials; 林安娜
           ("W1", ["Lin AM", "Chen BJ"]), ("W2", ["Lin AN"]), ("W3", ["林安娜"]),
           # a Uyghur name, written by sound between middle dots: Ayiguli Maimaiti, the father's name last
           ("M1", ["阿依古丽·买买提"]), ("M2", ["Maimaiti, Ayiguli"]), ("M3", ["Ayiguli·Maimaiti"]), ("M4", ["Maimaiti A"]),
           ("M5", ["阿不都热依木·阿不都克力木"]),
           # Taiwan writes 張偉明 Chang Wei-Ming (Wade-Giles); on the mainland, 张伟明 is Zhang Weiming
           ("T1", ["張偉明"]), ("T2", ["Chang, Wei-Ming"]), ("T3", ["张伟明"]), ("T4", ["Zhang, Weiming"])]


@pytest.fixture(scope="module")
def authors(tmp_path_factory):
    folder = tmp_path_factory.mktemp("authors")
    (folder / "authors.ris").write_text("".join(
        f"TY  - JOUR\nID  - {rid}\nTI  - Paper {rid}\n" + "".join(f"AU  - {a}\n" for a in names) + "ER  - \n\n"
        for rid, names in AUTHORS), encoding="utf-8")
    ingest([str(folder / "authors.ris")], str(folder / "idx"), quiet=True)
    with Searcher(folder / "idx") as searcher:
        yield searcher


AUTHOR_QUERIES = [
    ('author:"Smith, John"', ["A1", "A2"]),      # John A. and JA; not Jane, not K. C.
    ('author:"Smith J"', ["A1", "A2", "A3"]),    # PubMed's form: J starts JA, John A., Jane
    ('author:"Smith JA"', ["A1", "A2"]),
    ('author:"Smith, J. A."', ["A1", "A2"]), ('author:"Smith J A"', ["A1", "A2"]), ('author:"Smith J. A."', ["A1", "A2"]),
    ('author:"Smith JB"', []),
    ('author:"Smith E"', []),   # not every Smith: "smithe", the words glued, is no plural of smith
    ('author:"John Smith"', ["A1", "A2"]),
    ('author:"Smith, Jane"', ["A2", "A3"]),      # JA may be Jane
    ('author:"Smith, Kevin"', ["A4"]),
    ('author:"Smith KC"', ["A4"]),
    ('author:"Zhang Wei"', ["A3"]), ('author:"Wei Zhang"', ["A3"]),
    ('author:"Zhang W"', ["A3", "T1", "T3", "T4"]),   # Zhang Weiming too
    ('author:"Martinez Suarez J"', ["A1"]),      # accents, hyphen and case aside
    ('author:"Martinez-Suarez, JV"', ["A1"]),
    ("author:Martinez", ["A1"]),
    ('author:"van der Berg J"', ["A2"]), ('author:"Jan van der Berg"', ["A2"]),
    ('author:"World Health Organization"', ["A4"]),
    ("author:Smith", ["A1", "A2", "A3", "A4"]),
    ('author:Smith NOT author:"Smith J"', ["A4"]),
    # Chinese names and their pinyin, both ways
    ('author:"Wang Jianguo"', ["A4", "C2", "C3", "C4"]),   # 王建国, 汪建国 (pinyin cannot tell), Jian-Guo
    ('author:"Jianguo Wang"', ["A4", "C2", "C3", "C4"]),
    ('author:"Wang JG"', ["A4", "C2", "C3", "C4"]),         # Jianguo: jian guo
    ('author:"Wang J G"', ["A4", "C2", "C3", "C4"]), ('author:"Wang JA"', []), ('author:"Wang JGM"', []),
    ('author:"Li XA"', ["X1"]), ('author:"Li X"', ["X1"]),    # Xian may be Xi'an
    ('author:"Jones DA"', []), ('author:"Jones D"', ["X1"]),  # Jones is no pinyin: Dean is one name
    ('author:"Wang, Jian"', ["C3", "C4"]),     # Wang J, Wang Jian-Guo; not 王建国 (Jian may be 剑 alone)
    ('author:"Wang Jian"', ["C3", "C4"]), ('author:"Liu Jian"', ["P2"]),   # not Liu JG
    ('author:"Xu Yaqiong"', ["P2"]), ('author:"Yaqiong Xu"', ["P2"]),   # Ya-qiong: YQ, not YX
    ('author:"Zhang Hua"', ["P2"]), ('author:"Xu Y"', ["P1", "P2", "P3"]),
    ('author:"Brown John"', ["P1", "P2"]),   # Brown is no pinyin: John may be JA
    ('author:"Lin Anna"', ["W1", "W2", "W3"]), ('author:"Anna Lin"', ["W1", "W2", "W3"]),   # AM and AN
    ('author:"Chen Ben"', ["W1"]), ('author:"Lin AM"', ["W1"]),
    ("author:王建国", ["A4", "C2", "C4"]),                   # not Wang, J: as likely another name
    ("author:汪建国", ["C2", "C3", "C4"]),                   # not 王建国, written in Chinese
    ('author:"Zeng Guofan"', ["C1", "C2"]),                # 曾 as a surname, not Ceng
    ('author:"Ceng Guofan"', []),
    ('author:"Ouyang X"', ["C1", "C3"]), ("author:欧阳修", ["C1", "C3"]),
    ("author:Wang", ["A4", "C2", "C3", "C4"]),              # the pinyin of 王 and 汪 too
    ("author:王", ["A4"]),
    ('author:"Cao Yune"', ["C5"]), ('author:"Cao YE"', ["C5"]),   # 娥 is e: a syllable of one letter
    # ü: 吕 is lv to pypinyin, Lyu on a passport, Lü or Lu in English records
    ("author:吕伟", ["L1", "L2", "L3", "L4"]), ('author:"Lyu Wei"', ["L1", "L2", "L3", "L4"]),
    ('author:"Lü, Wei"', ["L1", "L2", "L3", "L4"]), ('author:"Lu W"', ["L1", "L2", "L3", "L4"]),
    # a name written by sound meets its pinyin, word by word (阿不都: Abudu, not Abudou)
    ('author:"Maimaiti A"', ["M1", "M2", "M3", "M4"]), ('author:"Ayiguli Maimaiti"', ["M1", "M2", "M3", "M4"]),
    ("author:阿依古丽·买买提", ["M1", "M2", "M3", "M4"]), ('author:"Ayiguli·Maimaiti"', ["M1", "M2", "M3", "M4"]),
    ('author:"Maimaiti Ayiguli"', ["M1", "M2", "M3", "M4"]), ('author:"Maimaiti B"', []),
    ('author:"Abudukelimu Abudureyimu"', ["M5"]), ('author:"Abudukelimu A"', ["M5"]),
    # a name in Traditional characters is read in Wade-Giles too, as Taiwan writes it
    ('author:"Chang Wei-Ming"', ["T1", "T2"]), ('author:"Chang WM"', ["T1", "T2"]), ("author:Chang", ["T1", "T2"]),
    ("author:張偉明", ["T1", "T2", "T3", "T4"]), ('author:"Zhang Weiming"', ["T1", "T3", "T4"]),
    ("author:张伟明", ["T1", "T3", "T4"]),
]


@pytest.mark.parametrize("query,expected", AUTHOR_QUERIES)
def test_an_author_as_references_write_the_name(authors, query, expected):
    assert ids(authors, query) == expected


def test_the_name_terms_find_what_the_name_check_finds(authors):
    # the index's name terms (no record read) and the check on each author agree
    from indexer.index.analysis import fold
    from indexer.index.search import _field_values

    records = list(authors.store)
    for query, _ in AUTHOR_QUERIES:
        found = leaves(parse(query))
        if len(found) == 1:
            expected = sorted(r["source"]["source_id"] for r in records
                              if any(found[0].check(fold(v)) for v in _field_values(r, "author_names")))
            assert ids(authors, query) == expected, query


def test_an_author_without_accents(s):
    assert ids(s, "author:Muller") == ids(s, "author:Müller") == ["R7"]
    assert ids(s, 'author:"Muller, Eva"') == ids(s, 'author:"Muller E"') == ["R7"]


@pytest.mark.parametrize("given,words", [
    ("Nancy K", ["nancy", "k"]), ("KC", ["k", "c"]), ("K. C.", ["k", "c"]), ("J.A.", ["j", "a"]),
    ("Jean-Pierre", ["jean", "pierre"]), ("TODD A.", ["todd", "a"]), ("RT, Jr", ["r", "t"]), ("", []),
])
def test_given_names_as_words_and_initials(given, words):
    from indexer.index.names import given_words

    assert given_words(given) == words


def test_pinyin_syllables_are_those_pypinyin_reads():
    # written out, so that a name in Latin letters is read without loading pypinyin
    from pypinyin import Style, pinyin

    from indexer.pinyin import SYLLABLES, is_pinyin_surname, two_syllables, u_for_v

    han = "".join(map(chr, range(0x4E00, 0x9FA6)))
    read = {u_for_v(r) for rs in pinyin(han, style=Style.NORMAL, heteronym=True, errors="ignore") for r in rs}
    assert SYLLABLES == read - {"hm", "hng", "m", "n", "ng", "ê"}   # interjections: no names
    assert two_syllables("jianguo") == [("jian", "guo")] and two_syllables("wei") == []
    assert two_syllables("yune") == [("yu", "ne"), ("yun", "e")]
    assert is_pinyin_surname("ouyang") and is_pinyin_surname("lu") and not is_pinyin_surname("jones")


def test_a_misspelt_prefix_is_said_under_json_and_batch_too(idx):
    # `search --json 'titel:spinal'` said nothing of title:, neither in its object nor on stderr
    meant = "titel: is no field prefix, so it was searched as text (did you mean title:?)"
    result = run_cli("search", "--json", "titel:spinal", "--index", str(idx))
    assert result.returncode == 0 and json.loads(result.stdout)["notes"] == [meant]
    assert f"note: {meant}" in result.stderr
    (answer,) = jsonl(run_cli("search", "--batch", "--index", str(idx), stdin="titel:spinal\n").stdout)
    assert answer["total"] == 0 and answer["notes"] == [meant]


def test_a_query_that_finds_nothing_says_what_would(idx, s):
    # the default fields leave authors out: say which prefix finds the name
    assert s.notes("王明") == ["'王明' is in no title, abstract, keyword or funding; author:王明 finds 1 record"]
    assert s.notes("Smith John") == [
        "'Smith John' is in no title, abstract, keyword or funding; author:\"Smith John\" finds 1 record"]
    assert s.notes("王明 OR 李四")[0].endswith("author:王明 finds 1 record")
    assert s.notes("titel:肉瘤") == ["titel: is no field prefix, so it was searched as text (did you mean title:?)"]
    # a prefix near none is said too, with the fields there are (ratio:1 may be meant as text)
    assert s.notes("xyz:癌") == ["xyz: is no field prefix, so it was searched as text (the fields: title, abstract, "
                                "keyword, author, supervisor, journal, funder, award, doi, pmid, pmcid, lang, section, format, "
                                "type, year)"]
    # a field as other databases name it: Web of Science's PY, PubMed's DP, a date
    for written in ("py", "PY", "date", "dp"):
        assert s.notes(f"{written}:2020") == [
            f"{written}: is no field prefix, so it was searched as text (did you mean year:?)"]
    assert s.notes("不存在的词") == []
    # a link, a grant's label, one letter (E:coli) are plainly no prefix: nothing said of them
    assert s.notes("https://example.com/zzz") == s.notes("NO: 2018YFC1311399") == s.notes("E:coli") == []
    # a Chinese term is matched with its punctuation as written: say what it finds without
    assert s.notes("肉瘤样。") == [
        "'肉瘤样。' is matched with its punctuation, as written, and no record has it so; 肉瘤样 finds 1 record"]
    assert s.notes("《肉瘤样》")[0].endswith("; 肉瘤样 finds 1 record")
    assert s.notes("不存在。") == [] and s.notes("sarcomatoid.") == []   # nothing without it; English ignores it
    # operators typed in lower case are no operators: say what the capitals find
    either = len(ids(s, "气候 OR 肉瘤样"))
    assert either > len(ids(s, "气候 肉瘤样")) and not ids(s, "气候 or 肉瘤样")
    assert s.notes("气候 or 肉瘤样") == [
        f"'or' was left out as a common word, not read as OR (operators are written in capitals); "
        f"气候 OR 肉瘤样 finds {either} records"]
    assert s.notes('"气候 or 肉瘤样"') == []   # in quotes, as written
    out = run_cli("search", "王明", "--index", str(idx))
    assert out.returncode == 0 and out.stdout.startswith("0 hit(s)")
    assert "note: '王明' is in no title" in out.stderr
    # --json is for programs: only the values no record has (the advice would load pypinyin)
    out = run_cli("search", "王明", "--json", "--index", str(idx))
    assert out.returncode == 0 and json.loads(out.stdout)["total"] == 0 and "author:" not in out.stderr
    assert "note: no record has format cnki" in run_cli("search", "format:cnki", "--json", "--index", str(idx)).stderr


def test_how_a_query_was_read_is_said_beside_its_hits(idx, s):
    """A quote never closed, a query of common words only, a value no record has: said whatever
    the query finds, on stderr beside the hits and in --json's (and --batch's) object under
    "notes"; the hits as without them."""
    unclosed = 'a quote is not closed, so the phrase "follow up" was read to the end of the query'
    common = "the query is only common words (the, of), which say nothing of a subject; add a word of what you look for"
    assert s.warnings('"follow up') == [unclosed] and ids(s, '"follow up') == ids(s, '"follow up"') == ["R3", "R4"]
    assert s.warnings("the of") == [common] and ids(s, "the of")
    assert s.warnings("the cell") == s.warnings('"follow up"') == s.warnings("OR") == s.warnings("(bad") == []
    assert s.warnings('title:“spinal metastases') == [
        'a quote is not closed, so the phrase "spinal metastases" was read to the end of the query']
    assert s.notes('"follow up zzzqqq')[0] == 'a quote is not closed, so the phrase "follow up zzzqqq" was read ' \
                                              'to the end of the query'   # and when it finds nothing
    assert s.warnings("癌 OR section:discussion")[0].startswith("no record has section discussion")
    plain = run_cli("search", '"follow up"', "--index", str(idx))
    out = run_cli("search", '"follow up', "--index", str(idx))
    assert out.returncode == 0 and out.stdout == plain.stdout.replace('\'"follow up"\'', '\'"follow up\'')
    assert out.stderr == f"note: {unclosed}\n" and plain.stderr == ""
    out = run_cli("search", "the of", "--json", "--index", str(idx))
    result = json.loads(out.stdout)
    assert result["notes"] == [common] and result["total"] == len(ids(s, "the of")) and "hits" in result
    assert "notes" not in json.loads(run_cli("search", "cell", "--json", "--index", str(idx)).stdout)
    out = run_cli("search", "--batch", "--index", str(idx), "--limit", "5", stdin='"follow up\ncell\nthe of\n(bad\n')
    lines = jsonl(out.stdout)
    assert [line.get("notes") for line in lines] == [[unclosed], None, [common], None]
    assert lines[0]["hits"] == jsonl(run_cli("search", "--batch", "--index", str(idx), "--limit", "5",
                                             stdin='"follow up"\n').stdout)[0]["hits"]


def test_a_quote_that_ends_a_word_but_none_opened_is_said(idx, s):
    # 'spinal cord"' dropped its quote without a word, while '"spinal cord' was said
    note = ("a quote is not closed: the one after 'up' was left out, so its words were searched as words, "
            "not as a phrase (a phrase has a quote before and after it)")
    assert s.warnings('follow up"') == [note] and ids(s, 'follow up"') == ids(s, "follow up")
    assert s.warnings('说"好" "follow up"') == []
    out = run_cli("search", "--json", 'follow up"', "--index", str(idx))
    assert json.loads(out.stdout)["notes"] == [note] and f"note: {note}" in out.stderr


def test_a_huge_abstract_is_searched_for_its_snippet_only_as_far_as_the_snippet_needs(tmp_path):
    # a megabyte abstract took 10 s and 180 MB a search: the whole text folded, matched and
    # mapped back for a snippet of 80 characters around its first match
    from indexer.index.search import highlighted

    filler = "Milk µg/L levels in mothers with naïve e\u0301clampsia were recorded. "
    abstract = (filler * 30 + "Oxytocin lactation study. " + filler * 8000).strip()
    with searcher_of(tmp_path, f"TY  - JOUR\nID  - H\nTI  - A huge abstract\nAB  - {abstract}\nER  - \n\n") as s:
        (hit,) = s.search("lactation", limit=3)["hits"]
        rec = {k: v for k, v in hit.items() if k not in ("id", "score", "snippet", "highlights")}
    assert "【lactation】" in hit["snippet"] and hit["snippet"][slice(*hit["highlights"][0])] == "lactation"
    searched = []
    terms = leaves(parse("lactation"))
    for leaf in terms:
        leaf.find = (lambda find: lambda text, written: searched.append(len(text)) or find(text, written))(leaf.find)
    assert highlighted(rec, terms) == (hit["snippet"], hit["highlights"])
    assert sum(searched) < 100_000 < len(rec["abstract"]["en"]), searched


def test_a_long_text_searched_piece_by_piece_matches_as_the_whole_does():
    from indexer.index.search import _PIECE, _first_matches, _matches

    filler = "Milk µg/L levels in mothers with naïve e\u0301clampsia were recorded. "
    text = filler * 8000
    for query in ("µg", "naïve", "éclampsia", '"mothers with"', "recorded"):
        whole = _matches(text, leaves(parse(query)))
        pieces = _first_matches(text, leaves(parse(query)), 3 * _PIECE)
        assert pieces == whole[:len(pieces)] and pieces[-1][0] > 3 * _PIECE and len(pieces) < len(whole), query
    text = "x" * (_PIECE - 8) + " naïve e\u0301clampsia " + "y " * 3 * _PIECE
    assert _first_matches(text, leaves(parse('"naïve éclampsia"')), 80) == [(_PIECE - 7, _PIECE + 9)]


def _titled(*titles: str) -> str:
    return "".join(f"TY  - JOUR\nTI  - {t}\nAU  - Smith, John\nPY  - 2020\nER  - \n\n" for t in titles)


@contextmanager
def _batch(idx):
    """A ``search --batch`` left running on ``idx``: ask(query) writes a line and reads its answer."""
    proc = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), "search", "--batch", "--index", str(idx),
                             "--limit", "100"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                            encoding="utf-8", cwd=ROOT)

    def ask(query):
        proc.stdin.write(query + "\n")
        proc.stdin.flush()
        return json.loads(proc.stdout.readline())
    try:
        yield ask
    finally:
        proc.stdin.close()
        proc.wait(timeout=60)


def test_a_running_batch_answers_as_a_new_process_after_another_ingests_or_prunes(tmp_path):
    """A long ``search --batch`` kept the whoosh index it opened while the Chinese table was read
    live: after ``ingest --prune`` replaced the files, 研究 found the new records and ``study``
    counted 1 (its record gone from the store, no hit shown); after an ingest that added, ``study``
    missed the new ones.  Each query sees the index as it is now."""
    folder, idx = tmp_path / "in", tmp_path / "idx"
    folder.mkdir()
    (folder / "a.ris").write_text(_titled("研究 of a study", "Tidal study"), encoding="utf-8")
    assert run_cli("ingest", "-q", str(folder), "--index", str(idx)).returncode == 0

    def fresh(query):
        return json.loads(run_cli("search", "--json", "--limit", "100", "--index", str(idx), query).stdout)

    with _batch(idx) as ask:
        assert [ask(q)["total"] for q in ("研究", "study")] == [1, 2]
        (folder / "b.ris").write_text(_titled("研究进展", "A study of marrow", "Marrow study"), encoding="utf-8")
        assert run_cli("ingest", "-q", str(folder), "--index", str(idx)).returncode == 0
        for q in ("研究", "study"):
            assert ask(q) == fresh(q) and fresh(q)["total"] == {"研究": 2, "study": 4}[q]
        (folder / "a.ris").unlink()
        (folder / "b.ris").unlink()
        (folder / "c.ris").write_text(_titled("新的研究"), encoding="utf-8")
        assert run_cli("ingest", "-q", "--prune", str(folder), "--index", str(idx)).returncode == 0
        for q in ("研究", "study"):
            assert ask(q) == fresh(q)
        assert ask("study")["total"] == 0 and ask("研究")["total"] == 1


_WRITE_LOCK_HOLDER = """
import sys
from whoosh.filedb.filestore import FileStorage
lock = FileStorage(sys.argv[1]).lock("MAIN_WRITELOCK")
assert lock.acquire(False)
print("held", flush=True)
sys.stdin.readline()
"""


def test_a_hit_whose_record_is_gone_from_the_store_is_not_counted(tmp_path):
    """Between a writer's two commits (it holds whoosh's write lock) the search index may list
    a record the store no longer holds: it was no hit, but counted in ``total``."""
    import sqlite3

    idx = tmp_path / "idx"
    ingest([str(RECORDS)], str(idx), quiet=True)
    with Searcher(idx) as before:
        (gone,) = before.search("Peking", limit=10)["hits"]
    db = sqlite3.connect(idx / "records.sqlite")
    db.execute("DELETE FROM records WHERE id = ?", (gone["id"],))
    db.commit()
    db.close()
    holder = subprocess.Popen([sys.executable, "-c", _WRITE_LOCK_HOLDER, str(idx / "whoosh")],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert holder.stdout.readline().strip() == "held"
        with Searcher(idx) as s:
            assert s.search("Peking", limit=10) == {"query": "Peking", "total": 0, "hits": []}
            assert s.search("Peking", limit=0)["total"] == 0
    finally:
        holder.communicate("\n", timeout=60)
