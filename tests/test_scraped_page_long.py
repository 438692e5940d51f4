"""Long scraped pages: an abstract over many lines is read whole, as a short one is.  The
reader once asked questions of the whole abstract after each line joined to it (its toggle,
its buttons, whether it was cut off, its script), so a page of 1,000 lines took minutes; how
long a page takes is bench/pages.py's to show, these tests check what it gives.  Every page
here was written for this project."""
from __future__ import annotations

import random

import pytest

from conftest import page_record, records_of

_HAN = "探讨原发灶不明脊柱转移瘤的外科治疗效果回顾分析患者临床资料均行后路减压内固定术结果术后疼痛评分明显下降神经功能改善"
_WORDS = "the spinal metastases were treated by surgery and outcomes in patients improved after decompression".split()


def _sentences(n: int, lang: str) -> list[str]:
    """``n`` sentences of about 150 columns, each opening on its number (no line opens as the
    abstract's first does: that would be the abstract again)."""
    rng = random.Random(n)
    if lang == "zh":
        return [f"第{i}例" + "".join(rng.choice(_HAN) for _ in range(70)) + "。" for i in range(n)]
    return [f"Case {i}: " + " ".join(rng.choice(_WORDS) for _ in range(24)) + "." for i in range(n)]


@pytest.mark.parametrize("lang, glue", [("zh", ""), ("en", " ")])
def test_an_abstract_of_a_thousand_unlabelled_lines_is_one_abstract(tmp_path, lang, glue):
    lines = _sentences(1000, lang)
    title = "原发灶不明脊柱转移瘤的外科治疗体会" if lang == "zh" else "Surgery for spinal metastases of unknown origin"
    record = page_record(tmp_path, "\n".join([title, "摘要：" + lines[0], *lines[1:], "关键词：脊柱转移瘤；外科治疗"]) + "\n")
    assert record["abstract"] == {lang: glue.join(lines)}
    assert record["keywords"] == {"zh": ["脊柱转移瘤", "外科治疗"]}
    assert not record["extra"].get("unlabelled")
    # one repair for the run of lines joined, not one a line holding the whole abstract twice (a
    # log of 1,000 lines had been 173 MB of JSON)
    (joined,) = [r for r in record["repairs"] if r["step"] == "join_continued_line"]
    assert (joined["field"], joined["before"], joined["after"]) == ("abstract", lines[0], glue.join(lines))


def test_an_english_paragraph_after_a_long_chinese_abstract_is_the_english_abstract(tmp_path):
    # the abstract's script, counted as its lines join it, is still told right at its end
    zh, en = _sentences(600, "zh"), _sentences(3, "en")
    record = page_record(tmp_path, "\n".join(["原发灶不明脊柱转移瘤的外科治疗体会", "摘要：" + zh[0], *zh[1:], " ".join(en)]) + "\n")
    assert record["abstract"] == {"zh": "".join(zh), "en": " ".join(en)}


def test_a_long_abstract_ending_on_a_toggle_or_buttons_ends_there(tmp_path):
    lines = _sentences(800, "zh")
    record = page_record(tmp_path, "\n".join(["原发灶不明脊柱转移瘤的外科治疗体会", "摘要：" + lines[0], *lines[1:-1],
                                              lines[-1] + "展开更多 收藏 下载 分享", "北京大学第三医院骨科"]) + "\n")
    assert record["abstract"] == {"zh": "".join(lines)}
    assert "北京大学第三医院骨科" not in record["abstract"]["zh"]


def test_a_preview_of_many_lines_gives_way_to_its_full_text(tmp_path):
    lines = _sentences(400, "en")
    full = " ".join(lines)
    preview = lines[:-1] + [lines[-1][:40] + "..."]
    record = page_record(tmp_path, "\n".join(["Surgery for spinal metastases of unknown origin", "Abstract: " + preview[0],
                                              *preview[1:], full, "Keywords: spine; surgery"]) + "\n")
    assert record["abstract"] == {"en": full}


def test_many_previews_each_over_its_full_text_read_as_two_do(tmp_path):
    # the first preview gives way to its full text; each later one, cut off under the abstract, goes
    # on with it (as on a page of two), and is not keyed with the whole abstract for each line after it
    lines = _sentences(800, "en")
    pairs = [(s[:100] + "...", s) for s in lines]

    def abstract(n: int) -> str:
        text = "\n".join(["首页 > 学术期刊 > 期刊详情", "Surgery for spinal metastases of unknown origin",
                          *(p for pair in pairs[:n] for p in pair)])
        return page_record(tmp_path, text + "\n")["abstract"]["en"]

    want = " ".join([pairs[0][1]] + [p for pair in pairs[1:] for p in pair])
    assert abstract(2) == " ".join([pairs[0][1], *pairs[1]])
    assert abstract(len(pairs)) == want


def test_a_list_of_thousands_of_keywords_gives_each_once_in_any_case(tmp_path):
    # each keyword is compared with those kept so far (kept as a set: bench/pages.py's "keywords"
    # times it); a keyword again, in another case or on another line, is not kept twice
    zh = list(dict.fromkeys(f"{a}{b}治疗" for a in _HAN for b in _HAN))[:1500]
    en = [f"Term {i}" for i in range(1500)]
    record = page_record(tmp_path, "\n".join([
        "原发灶不明脊柱转移瘤的外科治疗体会", "摘要：探讨原发灶不明脊柱转移瘤的外科治疗效果。", "关键词：",
        *(f"{k};" for k in zh + zh[:10]), "Surgery for spinal metastases of unknown origin",
        "Key words: " + "; ".join(en + [k.upper() for k in en[:10]] + [k.lower() for k in en[-10:]])]) + "\n")
    assert record["keywords"] == {"zh": zh, "en": en}


def test_hundreds_of_grants_of_one_funder_each_once(tmp_path):
    # each grant is looked up among those kept by its funder and number (bench/pages.py's "grants"):
    # a number again is one entry, the funder named with no number gives way to its numbered
    # grants, and the English list's grants are the same entries (their Chinese names kept)
    awards = [str(81700000 + i) for i in range(500)]
    record = page_record(tmp_path, "\n".join([
        "原发灶不明脊柱转移瘤的外科治疗体会", "作者：王建国", "摘要：探讨原发灶不明脊柱转移瘤的外科治疗效果。",
        "基金项目：国家自然科学基金；" + "；".join(f"国家自然科学基金({a})" for a in awards + awards[:5]),
        "Foundation item: " + "; ".join(f"National Natural Science Foundation of China ({a})" for a in awards[::-1]),
        ]) + "\n")
    assert [f["award"] for f in record["funding"]] == awards
    assert {(f["funder"], f["funder_original"]) for f in record["funding"]} == {
        ("National Natural Science Foundation of China", "国家自然科学基金")}


def test_hundreds_of_affiliation_and_reference_lines_each_read_once(tmp_path):
    # each line is looked up among the lines of its field read so far (bench/pages.py's
    # affiliation-lines and references), spaces collapsed: a line again is read once
    n = 300
    affiliations = [f"Department of Orthopedics, Peking University Hospital No. {i}" for i in range(n)]
    references = [f"王建国. 脊柱转移瘤的外科治疗第{i}例[J]. 中华骨科杂志, 2020, 40(5): {i}-{i + 5}." for i in range(n)]
    record = page_record(tmp_path, "\n".join([
        "原发灶不明脊柱转移瘤的外科治疗体会", "作者：王建国", "摘要：探讨原发灶不明脊柱转移瘤的外科治疗效果。",
        *(f"作者单位：{a}" for a in affiliations), "作者单位：" + affiliations[3].replace(" ", "  "),
        *(f"引用本文：{r}" for r in references), "引用本文：" + references[4].replace(" ", "  ")]) + "\n")
    assert record["extra"]["affiliations"] == affiliations
    assert record["extra"]["reference"] == references
    assert f"line {n + 4}: the same affiliation line again, read once" in record["issues"]


def test_records_of_labelled_fields_one_after_another_each_their_own(tmp_path):
    # a title label opens the next record when its title is another (_Page.another_title, its
    # titles looked up sorted): not a preview of the title read ("…第7例..."), which is read once
    lines = []
    for i in range(200):
        lines += [f"题名：脊柱转移瘤的外科治疗第{i}例研究", "作者：王建国", "刊名：中华骨科杂志"]
        if i == 7:
            lines += ["题名：脊柱转移瘤的外科治疗第7例...", "作者：王建国"]
    path = tmp_path / "records.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    records = records_of(path)
    assert [r["title"]["zh"] for r in records] == [f"脊柱转移瘤的外科治疗第{i}例研究" for i in range(200)]
    assert "the same authors line again, read once" in " ".join(records[7]["issues"])


def test_a_magtech_page_copied_twice_reads_as_copied_once(tmp_path):
    # the second copy's author line, references and titles are the first's again: looked up in
    # what is kept of them, which follows the fields as they change (the glued author line read as
    # a title, then taken back as the authors when the reference cites it: cited_authors)
    from test_scraped_page_magtech import _MAGTECH

    once = page_record(tmp_path, _MAGTECH, "once.txt")
    twice = page_record(tmp_path, _MAGTECH + "\n" + _MAGTECH, "twice.txt")
    for key in ("title", "abstract", "authors", "keywords", "journal", "year", "volume", "issue", "pages", "doi",
                "funding"):
        assert twice[key] == once[key], key
    assert twice["extra"]["reference"] == once["extra"]["reference"]
    assert sum("the same title again" in issue for issue in twice["issues"]) == 4


def test_a_long_reference_is_looked_up_in_without_keeping_its_every_title(tmp_path):
    # a title the reference cites (the English title under it) is looked up by its last
    # characters, then found in the reference: every text from a full stop to its type mark kept
    # whole had grown with the square of its length (36,000 characters of "Li A. ": 104 MB)
    import tracemalloc

    reference = "Li A. " * 6000 + "Heat island[J]. Acta, 2021."
    text = "\n".join(["城市热岛效应研究", "作者：王明", "摘要：本文研究城市热岛效应。", "引用本文：" + reference,
                      "Heat island", "北京大学"]) + "\n"
    page_record(tmp_path, text, "warm.txt")  # the modules loaded, their patterns compiled
    tracemalloc.start()
    try:
        record = page_record(tmp_path, text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert record["title"] == {"zh": "城市热岛效应研究", "en": "Heat island"}
    assert record["extra"]["reference"] == [reference] and record["extra"]["unlabelled"] == ["北京大学"]
    assert peak < 48 * 2**20, peak
