"""A page that gives its authors in Chinese and again in pinyin (Wanfang's "Author：CHEN Ming
LIU Yang", a second 作者 line): each pinyin name is its Chinese author's other form (``alt``),
not another author, as a QA pass found (the export cited 陈明, 刘洋, LI C M L Y Z)."""
from __future__ import annotations

import pytest

from conftest import cleaned


def page(tmp_path, *lines: str) -> dict:
    path = tmp_path / "page.txt"
    path.write_text("\n".join(["IL-6与TNF-α在脓毒症患者中的表达及临床意义", "摘要：目的 探讨IL-6的表达。", *lines]) + "\n",
                    encoding="utf-8")
    (record,) = cleaned(path)
    return record


@pytest.mark.parametrize("english", ["Author：CHEN Ming LIU Yang", "作者：Chen Ming, Liu Yang",
                                     "Authors: LIU Yang, CHEN Ming"])
def test_the_pinyin_line_gives_each_chinese_author_its_other_form(tmp_path, validate, english):
    record = page(tmp_path, "作者：陈明 刘洋", english)
    validate(record)
    assert [(a["literal"], a["alt"]["family"].capitalize(), a["alt"]["given"], a["alt"]["lang"])
            for a in record["authors"]] == [("陈明", "Chen", "Ming", "en"), ("刘洋", "Liu", "Yang", "en")]


def test_a_pinyin_name_of_no_chinese_author_stays_an_author(tmp_path, validate):
    record = page(tmp_path, "作者：陈明 刘洋", "Author：CHEN Ming LIU Yang ZHAO Li")
    validate(record)
    assert [a.get("literal") or a["family"] for a in record["authors"]] == ["陈明", "刘洋", "ZHAO"]
    assert "alt" not in record["authors"][2]


def test_other_latin_authors_are_authors(tmp_path):
    # names that are no pinyin of the Chinese ones are other people
    record = page(tmp_path, "作者：陈明 刘洋", "Author：John Smith, Mary Jones")
    assert [a.get("literal") or a["family"] for a in record["authors"]] == ["陈明", "刘洋", "Smith", "Jones"]
    assert not any("alt" in a for a in record["authors"])


WANFANG = """{Reference Type}: Journal Article
{Title}: 超声引导下前锯肌平面阻滞对乳腺癌术后转移的影响
{Author}: 江文杰
{Author}: 韩超
{Author}: 蒋炳涧
{Translated Author}: Wenjie JIANG
{Translated Author}:  Chao HAN
{Translated Author}:  Jiang Bingjian
{Translated Author}:  Li Hua
{Journal}: 临床检验杂志
{Year}: 2020
"""


def test_an_exports_translated_authors_are_its_chinese_authors_other_forms(tmp_path, validate):
    # Wanfang's {Translated Author}: given name first or family first, told by the pinyin of the
    # Chinese names; one that is nobody's pinyin stays text in extra, as all had before
    path = tmp_path / "wanfang.net"
    path.write_text(WANFANG, encoding="utf-8")
    (record,) = cleaned(path)
    validate(record)
    assert [(a["literal"], a["alt"]["family"].capitalize(), a["alt"]["given"]) for a in record["authors"]] == \
        [("江文杰", "Jiang", "Wenjie"), ("韩超", "Han", "Chao"), ("蒋炳涧", "Jiang", "Bingjian")]
    assert record["extra"]["translated_author"] == ["Li Hua"]

