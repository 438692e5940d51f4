"""What a search hit's snippet shows, on a real index of records written here: the match
marked where it is written when folding changes the text's length (ß, ﬁ, e + U+0301), a
keyword line for a record found by its keyword alone, and cuts at a word's edge in Latin
text, never inside a grapheme, anywhere between Chinese characters."""
from __future__ import annotations

import unicodedata

import pytest

from indexer.index.ingest import ingest
from indexer.index.query import parse
from indexer.index.search import Searcher, _shown, highlighted, snippet

LONG_EN = ("Several signalling pathways become deregulated during tumour growth and metastasis, "
           "and the mechanisms in a mouse model of breast cancer were studied with imaging over "
           "several weeks while the animals were followed for survival and weight.")
LONG_ZH = "本研究回顾性分析了我院收治的患者临床资料" * 3 + "乳腺癌" + "术后随访观察其复发转移及生存情况" * 5
ACCENTS = "e\u0301" * 60 + " targetword " + "a\u0308" * 60

RECORDS = {
    "S1": ("Ein Test", "Die Straße wurde untersucht. Wir fanden zebrafishmarker in der Probe.", []),
    "S2": ("Ligature test", "The ﬁnal analysis of quokkamarker showed results.", []),
    "S3": ("疼痛治疗的临床研究", "观察硫酸吗啡控释片的疗效。", ["肿瘤", "疼痛", "硫酸吗啡控释片"]),
    "S4": ("Long English", LONG_EN, []),
    "S5": ("Combining marks", ACCENTS, []),
    "S6": ("长摘要", LONG_ZH, []),
    "S7": ("白细胞介素检测", "检测血清白细胞介素(IL)-6水平。", []),
    "S8": ("Decomposed", "A cafe\u0301 study of caffeine drinkers.", []),
}


def ris(rid: str, title: str, abstract: str, keywords: list[str]) -> str:
    lines = ["TY  - JOUR", f"ID  - {rid}", f"TI  - {title}", f"AB  - {abstract}"]
    return "\n".join(lines + [f"KW  - {k}" for k in keywords] + ["ER  - ", ""])


@pytest.fixture(scope="module")
def s(tmp_path_factory):
    folder = tmp_path_factory.mktemp("snippets")
    path = folder / "records.ris"
    path.write_text("\n".join(ris(rid, *fields) for rid, fields in RECORDS.items()), encoding="utf-8")
    summary = ingest([str(path)], str(folder / "idx"), quiet=True)
    assert (summary.added, len(summary.failures)) == (len(RECORDS), 0)
    with Searcher(folder / "idx") as searcher:
        yield searcher


def only_snippet(s, query: str) -> str:
    (hit,) = s.search(query, limit=10)["hits"]
    return hit["snippet"]


@pytest.mark.parametrize("query,expected", [
    ("zebrafishmarker", "…untersucht. Wir fanden 【zebrafishmarker】 in der Probe."),
    ("strasse", "Die 【Straße】 wurde untersucht. Wir fanden zebrafishmarker in der Probe."),
    ("quokkamarker", "The ﬁnal analysis of 【quokkamarker】 showed results."),
    ("final", "The 【ﬁnal】 analysis of quokkamarker showed results."),
    ("café", "A 【cafe\u0301】 study of caffeine drinkers."),   # é written as e + U+0301
])
def test_a_match_is_marked_where_it_is_written_when_folding_changes_the_length(s, query, expected):
    assert only_snippet(s, query) == expected


def test_a_record_found_by_its_keyword_alone_shows_its_keywords(s):
    assert only_snippet(s, "肿瘤") == "keywords: 【肿瘤】; 疼痛; 硫酸吗啡控释片"
    assert only_snippet(s, "keywords:肿瘤") == "keywords: 【肿瘤】; 疼痛; 硫酸吗啡控释片"
    # a match in the title or abstract is shown rather than the keywords
    assert only_snippet(s, "硫酸吗啡控释片") == "观察【硫酸吗啡控释片】的疗效。"


def test_a_phrase_is_not_marked_across_two_keywords():
    rec = {"title": {"en": "Imaging"}, "keywords": {"en": ["breast", "cancer screening"]}}
    assert snippet(rec, _shown(parse('"breast cancer"'))) == ""
    assert snippet(rec, _shown(parse("breast"))) == "keywords: 【breast】; cancer screening"


def test_latin_text_is_cut_at_a_word_edge(s):
    shown = only_snippet(s, "breast")
    assert shown.startswith("…") and shown.endswith("…")
    words = shown.strip("…").replace("【", "").replace("】", "").split()
    assert all(w in LONG_EN.replace(".", " ").replace(",", " ").split() for w in words), words
    assert abs(len(shown) - 82) < 2 * 15     # about as long as before: 80 characters and the cuts


def test_a_snippet_never_starts_or_ends_inside_a_grapheme(s):
    shown = only_snippet(s, "targetword")
    inner = shown.strip("…")
    assert not unicodedata.combining(inner[0]) and inner[0] == "e"
    assert inner.endswith("a\u0308")
    assert "【targetword】" in inner


def test_chinese_text_is_cut_between_any_two_characters(s):
    shown = only_snippet(s, "乳腺癌")
    assert shown.startswith("…") and shown.endswith("…")
    assert len(shown.strip("…").replace("【", "").replace("】", "")) == 80   # as wide as before
    assert "【乳腺癌】" in shown


def test_a_bracket_the_match_holds_is_marked_with_its_pair(s):
    assert only_snippet(s, "IL-6") == "检测血清白细胞介素【(IL)-6】水平。"


def test_a_snippet_is_one_line_where_the_abstract_has_paragraphs():
    rec = {"title": {"zh": "人文教育"}, "abstract": {"zh": "取其精华,为构建人文教育体系提供启示。\n论文第一部分说明了研究的目的。"}}
    shown = snippet(rec, _shown(parse("研究")))
    assert "\n" not in shown and shown.endswith("提供启示。 论文第一部分说明了【研究】的目的。")


BRACKETED = {"title": {"zh": "医院成本管理研究"},
             "abstract": {"zh": "【目的】本文以【DRG】付费改革为背景，探讨医院成本管理的路径。\n【结论】精细化成本核算有助于控制费用。"}}


@pytest.mark.parametrize("query,expected", [
    ("付费", "〖目的〗本文以〖DRG〗【付费】改革为背景，探讨医院成本管理的路径。 〖结论〗精细化成本核算有助于控制费用。"),
    ("DRG", "〖目的〗本文以〖【DRG】〗付费改革为背景，探讨医院成本管理的路径。 〖结论〗精细化成本核算有助于控制费用。"),
])
def test_the_texts_own_brackets_are_never_a_match_s_marks(query, expected):
    # 【】 are a Chinese abstract's own punctuation: shown as they were, 【DRG】【付费】 and
    # 【【DRG】】 did not say which bracket marked a match
    shown, highlights = highlighted(BRACKETED, _shown(parse(query)))
    assert shown == expected
    assert [shown[s:e] for s, e in highlights] == [expected.split("【")[1].split("】")[0]]
    assert all(shown[s - 1] == "【" and shown[e] == "】" for s, e in highlights)


def test_highlights_say_where_each_match_is_after_a_prefix_and_a_cut():
    rec = {"title": {"en": "Imaging"}, "keywords": {"en": ["breast", "cancer screening", "breast imaging"]}}
    shown, highlights = highlighted(rec, _shown(parse("breast")))
    assert shown == "keywords: 【breast】; cancer screening; 【breast】 imaging"
    assert [shown[s:e] for s, e in highlights] == ["breast", "breast"]
    rec = {"title": {"en": "x"}, "abstract": {"en": "word " * 40 + "target  \n  word " + "word " * 30}}
    shown, highlights = highlighted(rec, _shown(parse("target")))
    assert shown.startswith("…") and [shown[s:e] for s, e in highlights] == ["target"]


def test_a_title_match_shows_the_title_without_reading_a_megabyte_abstract(tmp_path):
    # the index tells the abstract holds no match (every position of the word in the title): a
    # hit found by its title read all of a megabyte's abstract for its snippet (a second)
    filler = "plain words of a very long abstract about nothing much " * 18_000
    path = tmp_path / "big.ris"
    path.write_text(ris("B1", "Axolotlmarker limb regeneration", filler, [])
                    + ris("B2", "Axolotlmarker tails", filler + " the axolotlmarker again " + filler[:2000], []),
                    encoding="utf-8")
    ingest([str(path)], str(tmp_path / "idx"), quiet=True)
    with Searcher(tmp_path / "idx") as s:
        hits = {h["title"]["en"]: h for h in s.search("axolotlmarker")["hits"]}
        titled, deep = hits["Axolotlmarker limb regeneration"], hits["Axolotlmarker tails"]
        assert titled["snippet"] == "【Axolotlmarker】 limb regeneration"
        assert deep["snippet"] == "…about nothing much the 【axolotlmarker】 again plain words of a very long abstract…"
        terms = _shown(parse("axolotlmarker"))
        records = s.store.get_many([titled["id"], deep["id"]])
        assert not s._abstract_may_match(records[titled["id"]], titled["id"], terms)
        assert s._abstract_may_match(records[deep["id"]], deep["id"], terms)
        assert s._abstract_may_match(records[titled["id"]], titled["id"], _shown(parse("nothing")))
