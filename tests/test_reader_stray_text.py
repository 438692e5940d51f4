"""Text pasted after a blank line in CNKI E-Study and NoteExpress files (a colleague's note under
a record): no part of the one-line field before it (a URL, a DOI, a language) but a failure with
its raw text and line, as text outside any record is in the other readers.  An abstract's or an
address's text after a blank line, and any field's wrapped line, still continue their field.
"""
from __future__ import annotations

from conftest import clean_items, needs_shared

NOTE = "以上文献由同事整理，仅供参考。"

ESTUDY = ("DataType: 1\nTitle-题名: 乳腺癌前哨淋巴结活检研究\nAuthor-作者: 张三;\nYear-年: 2021\n"
          "Link-链接: https://kns.cnki.net/kcms/detail/detail.aspx?FileName=ZNYX202101034\n"
          f"\n{NOTE}\n\nDataType: 1\nTitle-题名: 第二条记录\nYear-年: 2020\n")
NOTEEXPRESS = ("{Reference Type}: Journal Article\n{Title}: 乳腺癌前哨淋巴结活检研究\n"
               "{DOI}: 10.3969/j.issn.1672-9676.2020.01.039\n"
               f"\n{NOTE}\n\n{{Reference Type}}: Journal Article\n{{Title}}: 第二条记录\n")


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_estudy_note_after_the_link_is_a_failure_not_part_of_the_url(tmp_path):
    result, records, failures = clean_items(write(tmp_path, "es.txt", ESTUDY))
    assert [r["title"]["zh"] for r in records] == ["乳腺癌前哨淋巴结活检研究", "第二条记录"]
    first = records[0]
    assert first["url"] == "https://kns.cnki.net/kcms/detail/detail.aspx?FileName=ZNYX202101034"
    assert first["source"]["source_id"] == "ZNYX202101034"
    assert [(f["line"], f["raw"], f["format"]) for f in failures] == [(7, NOTE, "estudy")]
    assert "outside any estudy record" in failures[0]["reason"] and "Link-链接" in failures[0]["reason"]
    assert result.returncode != 0  # a failure is reported, not swallowed


def test_noteexpress_note_after_the_doi_is_a_failure_not_part_of_the_doi(tmp_path):
    result, records, failures = clean_items(write(tmp_path, "ne.net", NOTEEXPRESS))
    assert [r["title"]["zh"] for r in records] == ["乳腺癌前哨淋巴结活检研究", "第二条记录"]
    assert records[0]["doi"] == "10.3969/j.issn.1672-9676.2020.01.039"
    assert [(f["line"], f["raw"]) for f in failures] == [(5, NOTE)]
    assert "outside any noteexpress record" in failures[0]["reason"] and "DOI" in failures[0]["reason"]
    assert result.returncode != 0


def test_two_pasted_lines_in_the_real_wanfang_export_leave_its_records_as_they_were(tmp_path):
    real = needs_shared("corpus", "formats", "wanfang-noteexpress", "wanfang-demo.net")
    lines = real.read_text(encoding="utf-8").split("\n")
    assert lines[24] == "{Language}: chi" and lines[25] == ""  # the first record's last field, a blank line
    pasted = ["这是一段误粘贴的说明文字，请忽略。", "第二行说明。"]
    path = write(tmp_path, "wanfang-pasted.net", "\n".join(lines[:26] + pasted + lines[26:]))
    _, before, _ = clean_items(real)
    _, after, failures = clean_items(path)
    assert [(f["line"], f["raw"]) for f in failures] == [(27, "\n".join(pasted))]
    assert after[0]["extra"]["language"] == before[0]["extra"]["language"] == ["chi"]

    def content(rec):
        return {k: v for k, v in rec.items() if k not in ("id", "source")}
    assert [content(r) for r in after] == [content(r) for r in before]


def test_text_after_a_blank_line_still_continues_an_abstract_and_wrapped_lines_continue(tmp_path):
    text = ("{Reference Type}: Journal Article\n{Title}: 一条记录\n{Abstract}: 第一段。\n\n第二段。\n"
            "{URL}: http://www.wanfangdata.com.cn/details/detail.do?_type=perio&\nid=abc123\n")
    result, (rec,), failures = clean_items(write(tmp_path, "para.net", text))
    assert not failures, failures
    assert "第一段" in rec["abstract"]["zh"] and "第二段" in rec["abstract"]["zh"]
    assert rec["url"].endswith("id=abc123")


def test_cnki_address_continued_after_blank_lines_is_still_one_address():
    # CNKI's NoteExpress export breaks an {Author Address} over blank lines (",四川雅安625014").
    real = needs_shared("corpus", "formats", "cnki-noteexpress", "mixed.net")
    result, records, failures = clean_items(real)
    assert not failures
    assert any("625014" in a for r in records for a in r["extra"].get("affiliations", []))


def test_another_export_pasted_after_a_one_line_field_is_still_read_as_that_export(tmp_path):
    text = ("{Reference Type}: Journal Article\n{Title}: 一条记录\n"
            "{DOI}: 10.3969/j.issn.1672-9676.2020.01.039\n\nTY  - JOUR\nTI  - Pasted\n\nAU  - Li, X\nER  - \n\n"
            "{Reference Type}: Journal Article\n{Title}: 第二条\n")
    result, records, failures = clean_items(write(tmp_path, "foreign.net", text))
    assert not failures, failures
    assert [(r["source"]["format"], r["title"]) for r in records] == [
        ("noteexpress", {"zh": "一条记录"}), ("ris", {"en": "Pasted"}), ("noteexpress", {"zh": "第二条"})]
    assert records[0]["doi"] == "10.3969/j.issn.1672-9676.2020.01.039"
    assert records[1]["authors"][0]["family"] == "Li"  # its lines after a blank line stay its own
