"""An abstract an export cut short ("…结果病理...", as CNKI's EndNote, NoteExpress and RefWorks
exports end a long one, or a page gives only its preview) is kept as given, with an issue saying
so for each language cut, on the abstract's line: no reader of the record should take it for the
whole abstract (records written for these tests)."""
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
    assert cut["issues"] == ["line 6: abstract.zh cut short at '...' (as the file gives it), kept as given"]
    assert whole["issues"] == []


def test_a_page_with_a_preview_alone_gets_one_issue(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("脊柱转移瘤的手术治疗\n作者：王建国\n摘要：目的 探讨脊柱转移瘤的手术疗效。方法 回顾分析...展开更多\n"
                    "关键词：脊柱转移瘤\n", encoding="utf-8")
    [record] = cleaned(path)
    assert [i for i in record["issues"] if "cut short" in i] == [
        "line 3: abstract.zh cut short at '...' (as the file gives it), kept as given"]


def test_each_language_cut_short_gets_its_own_issue(tmp_path):
    # a page's Chinese preview and its English abstract, both cut: the issue had named no
    # language, and the English abstract's none was added beside the page's
    page = tmp_path / "page.txt"
    page.write_text("脊柱转移瘤的手术治疗\n作者：王建国\n摘要：目的 探讨脊柱转移瘤的手术疗效。方法 回顾分析...展开更多\n"
                    "Abstract: Spinal metastases are common in patients with malignancies, but studies on those "
                    "metastasized from unknown prim…\n关键词：脊柱转移瘤\n", encoding="utf-8")
    [record] = cleaned(page)
    assert [i for i in record["issues"] if "cut short" in i] == [
        "line 3: abstract.zh cut short at '...' (as the file gives it), kept as given",
        "line 4: abstract.en cut short at '…' (as the file gives it), kept as given"]
    ris = tmp_path / "cnki.ris"
    ris.write_text("TY  - JOUR\nTI  - 乳腺癌的磁共振诊断\nAB  - 目的 探讨DCE-MRI的诊断价值。结果病理...\n"
                   "AB  - Objective To explore the value of DCE-MRI. Results The patho...\nER  - \n", encoding="utf-8")
    [record] = cleaned(ris)
    assert record["issues"] == ["line 3: abstract.zh cut short at '...' (as the file gives it), kept as given",
                                "line 4: abstract.en cut short at '...' (as the file gives it), kept as given"]
