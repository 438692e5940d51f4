"""An abstract an export cut short ("…结果病理...", as CNKI's EndNote, NoteExpress and RefWorks
exports end a long one) is kept as given, with an issue saying so: no reader of the record
should take it for the whole abstract (records written for these tests)."""
from __future__ import annotations

from conftest import cleaned


def test_an_abstract_cut_short_by_the_export_is_kept_with_an_issue(tmp_path):
    path = tmp_path / "cnki.txt"
    path.write_text("%0 Journal Article\n%A 王建国\n%T 乳腺癌的磁共振诊断\n%J 中华放射学杂志\n%D 2020\n"
                    "%X 目的 探讨DCE-MRI的诊断价值。方法 回顾分析60例患者。结果病理...\n\n"
                    "%0 Journal Article\n%A 李明\n%T 肺癌的CT诊断\n%J 中华放射学杂志\n%D 2021\n"
                    "%X 目的 探讨CT的诊断价值。结论 CT有效。\n", encoding="utf-8")
    cut, whole = cleaned(path)
    assert cut["abstract"]["zh"].endswith("结果病理...")
    assert cut["issues"] == ["abstract.zh cut short at '...' (as the export gives it), kept as given"]
    assert whole["issues"] == []


def test_a_page_that_says_so_already_gets_no_second_issue(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("脊柱转移瘤的手术治疗\n作者：王建国\n摘要：目的 探讨脊柱转移瘤的手术疗效。方法 回顾分析...展开更多\n"
                    "关键词：脊柱转移瘤\n", encoding="utf-8")
    [record] = cleaned(path)
    assert len([i for i in record["issues"] if "cut short" in i]) == 1
