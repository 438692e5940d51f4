"""The EndNote export keeps a journal's name in the other language: Wanfang's ``{Translated
Journal}`` (``临床检验杂志（电子版）`` / ``Clinical Laboratory Journal (Electronic Edition)``) was
written nowhere in EndNote and lost on the way back.  It is ``%O``, EndNote's Alternate Title (a
Journal Article's Alternate Journal, RIS ``J2``, as EndNote maps them), which the ``refer``
reader reads back beside ``%J`` / ``%B`` as RIS's reader reads ``J2``; a ``%O`` of a record
without a journal (a Book's alternate title) stays a tag.  Inputs are written here."""
from __future__ import annotations

from conftest import read_back, records_of, rendered

WANFANG = """{Reference Type}: Journal Article
{Title}: 超声引导下前锯肌平面阻滞对乳腺癌改良根治术术后肿瘤转移、复发的影响
{Author}: 江文杰
{Journal}: 临床检验杂志（电子版）
{Translated Journal}: Clinical Laboratory Journal (Electronic Edition)
{Year}: 2020
{Volume}: 9
{Issue}: 1
{Pages}: 117-118
{Language}: chi
"""
JOURNAL = {"zh": "临床检验杂志（电子版）", "en": "Clinical Laboratory Journal (Electronic Edition)"}


def test_the_other_languages_journal_is_written_as_alternate_journal_and_read_back(tmp_path):
    src = tmp_path / "wanfang.net"
    src.write_text(WANFANG, encoding="utf-8")
    (rec,) = records_of(src)
    assert rec["journal"] == JOURNAL
    text = rendered([rec], "endnote")
    assert "%J 临床检验杂志（电子版）\n%O Clinical Laboratory Journal (Electronic Edition)\n" in text
    (back,) = read_back(text, "endnote", tmp_path)
    assert back["journal"] == JOURNAL


def test_an_alternate_title_without_a_journal_stays_a_tag(tmp_path):
    src = tmp_path / "book.enw"
    src.write_text("%0 Book\n%T Pattern recognition\n%O Pattern recognition and learning\n%A Bishop, C\n"
                   "%D 2006\n%I Springer\n", encoding="utf-8")
    (rec,) = records_of(src)
    assert rec["journal"] == {}
    assert rec["extra"]["tags"]["%O"] == ["Pattern recognition and learning"]
