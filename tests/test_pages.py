"""Scraped detail pages: each fixture (written for this project) with its exact expected fields."""
from __future__ import annotations

import json

import pytest

from conftest import DATA, jsonl, run_cli

PAGES = sorted((DATA / "pages").glob("*.txt"))


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_page_cleans_to_expected_fields(page, validate):
    expected = json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))
    result = run_cli("clean", "--json", "-q", str(page))
    assert result.returncode == 0, result.stderr
    (record,) = jsonl(result.stdout)
    validate(record)
    for field, want in expected.items():
        got = record.get(field)
        if field == "extra":
            got = {k: record.get("extra", {}).get(k) for k in want}
        assert got == want, f"{field}: {got!r}"


def test_readable_view_shows_each_repair_before_and_after():
    result = run_cli("clean", str(DATA / "pages" / "vip-glued-labels.txt"))
    assert result.returncode == 0
    out = result.stdout
    assert "collapse_truncated_preview [abstract]" in out
    assert "strip_ui_residue [abstract]" in out and "展开更多" in out
    assert "restore_space_after_punctuation [title.en]" in out
    assert "→" in out
    assert "……" not in out   # an excerpt cut short is marked once


def test_a_long_repair_is_shown_as_its_changed_part():
    from indexer.show import _excerpt

    # 15 characters of context each side of the change ("AAAAAAAAAAAAit," and "butBBBBBBBBBBBB")
    before = "A" * 100 + "it,but" + "B" * 100
    assert _excerpt(before, before.replace(",", ", ")) == ("…" + "A" * 12 + "it,but" + "B" * 12 + "…",
                                                          "…" + "A" * 12 + "it, but" + "B" * 12 + "…")
    long_change = "x" * 20 + "y" * 100 + "x" * 20   # more than the room of 60: 59 shown, one mark
    assert _excerpt(long_change, "x" * 40) == ("…" + "x" * 15 + "y" * 44 + "…", "…" + "x" * 30 + "…")


def test_repairs_logged_only_when_something_changed():
    result = run_cli("clean", "--json", "-q", str(DATA / "pages" / "cnki-bare-lines.txt"))
    (record,) = jsonl(result.stdout)
    assert record["repairs"], "page chrome at least was dropped"
    assert all(r["before"] != r["after"] for r in record["repairs"])


def test_a_page_saved_as_html_reads_as_the_copied_page(tmp_path, validate):
    # A detail page saved from the browser ("网页，全部") in the layout of CNKI's, written for
    # this test: the head, scripts and styles are not shown; a label and its value stand in
    # two elements; authors and keywords are links side by side.
    page = tmp_path / "detail.html"
    page.write_text(
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>钴酸镍电极的研究 - 中国知网</title>\n'
        "<script>var title = '不是标题';</script><style>.row{color:red}</style></head><body>\n"
        '<div class="top-tip"><span><a href="#">电源技术</a>. 2020,44(05)</span></div>\n'
        '<div class="wx-tit"><h1>NiCo<sub>2</sub>O<sub>4</sub>电极的研究</h1>\n'
        '<h3 class="author"><span><a>王建国</a></span><span><a>刘海燕</a></span></h3></div>\n'
        '<div class="row"><span class="rowtit">摘要：</span>\n<span class="abstract-text">目的 研究NiCo<sub>2</sub>O<sub>4</sub>'
        "电极的性能&amp;稳定性。方法 水热法制备。结果 比电容提高。结论 该方法有效。</span></div>\n"
        '<div class="row"><span class="rowtit">关键词：</span><p class="keywords"><a>钴酸镍;</a><a>超级电容器;</a></p></div>\n'
        '<div class="row"><span class="rowtit">基金资助：</span><p class="funds"><span>国家自然科学基金(51702001);</span></p></div>\n'
        "<button>下载</button>\n</body></html>\n", encoding="utf-8")
    result = run_cli("clean", "--json", "-q", str(page))
    assert result.returncode == 0, result.stderr
    (record,) = jsonl(result.stdout)
    validate(record)
    assert record["source"]["format"] == "scraped-page"
    assert record["title"] == {"zh": "NiCo₂O₄电极的研究"}
    assert [a["literal"] for a in record["authors"]] == ["王建国", "刘海燕"]
    assert record["keywords"] == {"zh": ["钴酸镍", "超级电容器"]}
    assert record["abstract"]["zh"].startswith("目的 研究NiCo₂O₄电极的性能&稳定性。")
    assert [(f["funder_original"], f["award"]) for f in record["funding"]] == [("国家自然科学基金", "51702001")]
    assert (record["journal"], record["year"], record["volume"], record["issue"]) == ({"zh": "电源技术"}, 2020, "44", "5")
    assert "不是标题" not in json.dumps(record, ensure_ascii=False)


def test_a_journal_line_above_the_title_is_not_the_title(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("电源技术. 2020,44(05)\n钴酸镍电极的研究\n王建国 刘海燕\n摘要：目的 研究电极的性能。\n", encoding="utf-8")
    (record,) = jsonl(run_cli("clean", "--json", "-q", str(page)).stdout)
    assert record["title"] == {"zh": "钴酸镍电极的研究"}
    assert (record["journal"], record["volume"], record["issue"]) == ({"zh": "电源技术"}, "44", "5")
    page.write_text("中国统计年鉴. 2020\n摘要：年鉴的内容。\n", encoding="utf-8")   # a year alone: still a title
    (record,) = jsonl(run_cli("clean", "--json", "-q", str(page)).stdout)
    assert record["title"] == {"zh": "中国统计年鉴. 2020"}


def page_record(tmp_path, *lines: str) -> dict:
    """The one record ``clean --json`` reads from a page of ``lines``."""
    page = tmp_path / "page.txt"
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (record,) = jsonl(run_cli("clean", "--json", "-q", str(page)).stdout)
    return record


def test_buttons_and_counters_copied_onto_content_lines_are_dropped(tmp_path):
    record = page_record(tmp_path, "首页 > 学术期刊 > 期刊详情", "数字时代在线诉讼的发展路径 认领 被引量：12 下载量：345",
                         "作者：王建国", "摘要：本文研究了在线诉讼的发展路径。 收藏 下载 分享", "关键词：在线诉讼；数字时代 引用 分享")
    assert record["title"] == {"zh": "数字时代在线诉讼的发展路径"}
    assert record["abstract"] == {"zh": "本文研究了在线诉讼的发展路径。"}
    assert record["keywords"]["zh"] == ["在线诉讼", "数字时代"]
    assert (record["extra"]["cited_by"], record["extra"]["downloads"]) == ("12", "345")


@pytest.mark.parametrize("line,expected", [
    ("来源：中国医学影像技术, 2022, 38(5): 701-705", ("中国医学影像技术", 2022, "38", "5", "701-705")),
    ("刊名：中国医学影像技术 2022年38卷5期 701-705页", ("中国医学影像技术", 2022, "38", "5", "701-705")),
    ("出处：《中国医学影像技术》 2022年 第38卷 第5期 701-705页", ("中国医学影像技术", 2022, "38", "5", "701-705")),
    ("中国检察官. 2022(17):29-31", ("中国检察官", 2022, None, "17", "29-31")),
    ("刊名：Nature, 2020", ("Nature, 2020", None, None, None, None)),  # a name with a year, maybe
])
def test_a_citation_after_the_journal_name_is_read(tmp_path, line, expected):
    record = page_record(tmp_path, "首页 > 学术期刊 > 期刊详情", "某影像技术的研究", "作者：王建国", "摘要：本文研究了某影像技术。",
                         line)
    assert (next(iter(record["journal"].values())), record["year"], record["volume"], record["issue"],
            record["pages"]) == expected


def test_taiwan_site_labels_in_traditional_characters(tmp_path):
    record = page_record(tmp_path, "首頁 > 期刊 > 文章詳情", "臺灣地區脊椎轉移腫瘤患者的生活品質調查", "作者：林志明；黃淑芬",
                         "出處：《臺灣醫學雜誌》 2017年 第07期 112-8頁 共7頁", "關鍵詞：脊椎轉移；生活品質；疼痛")
    assert record["title"] == {"zh": "臺灣地區脊椎轉移腫瘤患者的生活品質調查"}
    assert (record["journal"], record["year"], record["issue"], record["pages"]) == (
        {"zh": "臺灣醫學雜誌"}, 2017, "7", "112-118")
    assert record["keywords"] == {"zh": ["脊椎轉移", "生活品質", "疼痛"]}
    assert record["extra"]["labels"] == {"citation": "出處"}   # as written


@pytest.mark.parametrize("authors,source", [
    ("王建国1 刘海燕2", "中华骨科杂志. 2020,40(05) 页码：300-305"),   # superscripts copied as digits
    ("王建国1,2 刘海燕2", "《中华骨科杂志》 2020年 第40卷 第5期 300-305页"),  # VIP's 出处 without its label
])
def test_unlabelled_author_and_source_lines_of_a_copied_page(tmp_path, authors, source):
    record = page_record(tmp_path, "首页 > 学术期刊 > 期刊详情", "原发灶不明脊柱转移瘤的外科治疗体会", authors,
                         "摘要：目的 探讨治疗效果.方法 回顾分析12例.", source)
    assert [a["literal"] for a in record["authors"]] == ["王建国", "刘海燕"]
    assert (record["journal"], record["year"], record["volume"], record["issue"], record["pages"]) == (
        {"zh": "中华骨科杂志"}, 2020, "40", "5", "300-305")
    assert "unlabelled" not in record["extra"]
