"""How a query is read and said, on a real index in a temp dir (records written for these
tests): the query shown as typed (an ideographic space is a space, not \\u3000); and, or, not
in lower case, which are no operators, said whatever the query finds; a pasted abstract's
numbered points (1), a), ii)) and a parenthesis it never closed, read as text; a clause mark
inside a Chinese term (经济增长：理论模型) parting its words; a Traditional query that finds
nothing says how it was read."""
from __future__ import annotations

import json

import pytest

from conftest import hit_ids, ris_searcher, run_cli
from indexer.index.query import MAX_CHARS, QueryError, leaves, parse

RECORDS = [("E1", "Breast cancer in pregnancy", "en"),
           ("E2", "Colon cancer screening outcomes", "en"),
           ("E3", "Tumour growth in mice", "en"),
           ("E4", "Tumor staging with MRI", "en"),
           ("E5", "Oxytocin does not induce a calcium rise in breast cancer cells", "en"),
           ("Z1", "乳腺癌新辅助化疗的疗效分析", "zh"),
           ("Z2", "现收现付制养老保险与经济增长: 理论模型与中国经验", "zh"),
           ("Z3", "软件工程课程的教学改革", "zh")]


ABSTRACT = ("We aimed to 1) determine the dose of oxytocin and 2) compare the outcomes of a) oxytocin and "
            "b) placebo, ii) in labour. IL-6 (interleukin 6) rose.")


def _ris() -> str:
    return "".join(f"TY  - JOUR\nID  - {rid}\nTI  - {title}\nLA  - {lang}\nER  - \n\n" for rid, title, lang in RECORDS) \
        + f"TY  - JOUR\nID  - P1\nTI  - Oxytocin dosing in labour\nAB  - {ABSTRACT}\nLA  - en\nER  - \n\n"


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    yield from ris_searcher(tmp_path_factory.mktemp("reading"), _ris())


@pytest.fixture(scope="module")
def index(searcher):
    return searcher.index_dir


def test_the_query_is_shown_as_typed(searcher, index):
    # an ideographic space (a Chinese keyboard's) had been shown as repr writes it: 'breast\u3000cancer'
    assert hit_ids(searcher, "breast\u3000cancer") == ["E1", "E5"]
    out = run_cli("search", "breast\u3000cancer", "--index", index)
    assert out.returncode == 0 and out.stdout.splitlines()[0] == "2 hit(s) for 'breast\u3000cancer'"
    out = run_cli("search", "(breast\u3000cancer", "--index", index)
    assert out.stderr.startswith("Error: bad query '(breast\u3000cancer': ")


def test_lower_case_operators_are_common_words_and_said(searcher, index):
    # "not" between terms had been a word every hit must hold: cancer not breast found E5 alone
    assert hit_ids(searcher, "cancer not breast") == hit_ids(searcher, "cancer breast") == ["E1", "E5"]
    assert hit_ids(searcher, "cancer NOT breast") == ["E2"]
    said = ("'not' was left out as a common word, not read as NOT (operators are written in capitals); "
            "cancer NOT breast finds 1 record")
    assert searcher.warnings("cancer not breast") == [said]
    assert searcher.warnings("tumour or tumor") == [
        "'or' was left out as a common word, not read as OR (operators are written in capitals); "
        "tumour OR tumor finds 2 records"]
    # "and" required had kept out a title without it and a Chinese record; read as AND is, unsaid
    assert hit_ids(searcher, "breast cancer and pregnancy") == ["E1"]
    assert hit_ids(searcher, "乳腺癌 and 化疗") == ["Z1"]
    assert searcher.warnings("breast cancer and pregnancy") == []
    # not between terms: a word (and said); in quotes, as written; a pasted title still first
    assert hit_ids(searcher, "not breast") == ["E5"]
    assert searcher.warnings("not breast") == [
        "'not' was searched as a word, not read as NOT (operators are written in capitals)"]
    # a lone operator word is a search for the word; no count of what NOT breast alone finds
    assert not [n for q in ("and", "or", "not") for n in searcher.warnings(q) if "capitals" in n]
    assert searcher.warnings('"cancer not breast"') == [] and hit_ids(searcher, '"does not induce"') == ["E5"]
    assert searcher.search("Oxytocin does not induce a calcium rise in breast cancer cells")["hits"][0][
        "source"]["source_id"] == "E5"
    # beside the hits on stderr, and in --json's and --batch's "notes"
    out = run_cli("search", "cancer not breast", "--index", index)
    assert out.stdout.startswith("2 hit(s)") and f"note: {said}" in out.stderr
    out = run_cli("search", "cancer not breast", "--json", "--index", index)
    assert json.loads(out.stdout)["notes"] == [said]
    out = run_cli("search", "--batch", "--index", index, stdin="cancer not breast\n")
    assert json.loads(out.stdout)["notes"] == [said]


@pytest.mark.parametrize("query", ["aimed to 1) determine", "a) oxytocin b) placebo", "ii) in labour",
                                   "IL-6 (interleukin 6", "oxytocin and 2) compare"])
def test_a_pasted_abstracts_numbered_points_are_text(searcher, query):
    # each had been refused: unexpected ')' (unbalanced parenthesis?), or missing closing parenthesis
    assert hit_ids(searcher, query) == ["P1"]


def test_a_parenthesis_never_closed_is_text_where_it_groups_nothing(searcher, index):
    said = "the parenthesis before 'interleukin' is not closed, so it was read as text, not as a group"
    assert searcher.warnings("IL-6 (interleukin 6") == [said]
    out = run_cli("search", "IL-6 (interleukin 6", "--index", index)
    assert out.stdout.startswith("1 hit(s)") and f"note: {said}" in out.stderr
    # a group begun, or one among operators, is still an error that asks for its end; so is a ')'
    # after a longer word
    for query in ("(oxytocin", "oxytocin (labour OR placebo", "dose) of oxytocin"):
        with pytest.raises(QueryError):
            parse(query)
    # in a pasted text (twenty words and more), a parenthesis never closed is the text's, OR or not
    pasted = ("We aimed to determine the dose of oxytocin for women and compare the outcomes of oxytocin NOT placebo "
              "in labour at term (IL-6")
    assert hit_ids(searcher, pasted) == [] and searcher.warnings(pasted)[-1].startswith("the parenthesis before 'IL-6'")
    # the length is said first, before any parenthesis
    with pytest.raises(QueryError, match="characters long"):
        parse(("aimed to 1) determine (" * 30)[:MAX_CHARS + 1])


def test_an_odds_ratio_after_a_parenthesis_is_text():
    # "(OR 1.5" pasted from an abstract had been read as the operator: "unexpected 'OR'"
    for query in ("oxytocin (OR 1.5", "oxytocin (OR 1.5, 95% CI 1.1-2.0)"):
        assert [str(leaf).rstrip(",") for leaf in leaves(parse(query))][:3] == ["oxytocin", "OR", "1.5"]
    assert parse("(tumour OR 2019)").op == "or" and parse("oxytocin (labour OR 1.5)").children[1].op == "or"
    with pytest.raises(QueryError):
        parse("(OR mice)")


@pytest.mark.parametrize("query", ["经济增长：理论模型", "经济增长:理论模型", "经济增长。理论模型", "经济增长！理论模型",
                                   "title：经济增长：理论模型", "经济增长： 理论模型", "title:经济增长"])
def test_a_clause_mark_inside_a_chinese_term_parts_its_words(searcher, query):
    # the record writes 经济增长: 理论模型; without a space the query had found nothing, and said nothing
    assert hit_ids(searcher, query) == ["Z2"]


def test_a_fields_colon_and_a_mark_at_a_terms_end_stay(searcher):
    assert hit_ids(searcher, "keyword：经济增长") == []        # a field's full-width colon is still the field's
    # in quotes, as written, the spaces around the mark aside: it had found nothing, and said nothing
    assert hit_ids(searcher, '"经济增长：理论模型"') == hit_ids(searcher, '"经济增长 : 理论模型"') == ["Z2"]
    assert hit_ids(searcher, '"经济增长。理论模型"') == []      # (another mark is another text)
    assert searcher.notes("理论模型：") == [                    # at a term's end: matched as written, said
        "'理论模型:' is matched with its punctuation, as written, and no record has it so; 理论模型 finds 1 record"]


def test_a_traditional_query_that_finds_nothing_says_how_it_was_read(searcher, index):
    # 軟體 is read as 软体 (character by character), which no record has: it had found nothing, saying nothing
    assert hit_ids(searcher, "軟體") == [] and hit_ids(searcher, "软件") == ["Z3"]
    how = ("Traditional characters are read as Simplified one by one ('{}' as {}), and a term of Taiwan's may be "
           "another word in the mainland (軟體 is 软件, 資訊 信息)")
    assert searcher.notes("軟體") == [how.format("軟體", "软体") + "; in the mainland's words, 软件 finds 1 record"]
    assert searcher.notes("軟體工程 課程") == [
        how.format("軟體工程 課程", "软体工程 课程") + "; in the mainland's words, 软件工程 课程 finds 1 record"]
    assert searcher.notes("資訊") == [how.format("資訊", "资讯")]   # 信息 is in no record either
    assert searcher.notes("課程") == [] and hit_ids(searcher, "課程") == ["Z3"]   # found: nothing to say
    out = run_cli("search", "軟體", "--index", index)
    assert out.stdout.startswith("0 hit(s)") and "note: Traditional characters are read as Simplified" in out.stderr
    # --json and --batch had said neither this nor a mark at a term's end, which the terminal says
    for query in ("軟體", "理论模型："):
        assert json.loads(run_cli("search", query, "--json", "--index", index).stdout)["notes"] == searcher.notes(query)
        batch = run_cli("search", "--batch", "--index", index, stdin=query + "\n").stdout
        assert json.loads(batch)["notes"] == searcher.notes(query)
