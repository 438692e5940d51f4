"""Files of labelled records (VIP's text export) the scraped-page reader had merged, found by a
second QA pass: records with no blank line between them, a record without its 题名 after the
first records, and VIP's 英文题名 label.  Inputs written here, in the layout of that export."""
from __future__ import annotations

from conftest import clean_items

_FIRST = ("题名：基于深度学习的肺结节检测方法研究\n作者：张三；李四\n刊名：中国医学影像技术\n年份：2020\n"
          "关键词：深度学习；肺结节\n摘要：目的 探讨深度学习在肺结节检测中的价值。\n")
_SECOND = ("题名：糖尿病患者血糖控制现状调查\n作者：赵六；钱七\n刊名：中华内分泌代谢杂志\n年份：2019\n"
           "关键词：糖尿病；血糖控制\n摘要：目的 了解血糖控制现状。\n")


def _names(record: dict) -> list[str]:
    return [a["literal"] for a in record["authors"]]


def test_labelled_records_with_no_blank_line_between_them_are_read_each_on_its_own(tmp_path, validate):
    path = tmp_path / "vip.txt"
    path.write_text(_FIRST + _SECOND, encoding="utf-8")
    result, records, failures = clean_items(path)
    assert result.returncode == 0 and not failures, result.stderr
    for rec in records:
        validate(rec)
    assert [(r["source"]["record"], r["source"]["line"], r["title"]) for r in records] == [
        (1, 1, {"zh": "基于深度学习的肺结节检测方法研究"}), (2, 7, {"zh": "糖尿病患者血糖控制现状调查"})]
    assert [_names(r) for r in records] == [["张三", "李四"], ["赵六", "钱七"]]
    assert [(r["journal"]["zh"], r["year"], r["keywords"]["zh"]) for r in records] == [
        ("中国医学影像技术", 2020, ["深度学习", "肺结节"]), ("中华内分泌代谢杂志", 2019, ["糖尿病", "血糖控制"])]
    assert "other_titles" not in records[0]["extra"] and "other_abstracts" not in records[0]["extra"]


def test_a_page_repeating_its_title_label_with_no_blank_line_stays_one_record(tmp_path):
    # its title again as a preview and in full, or in English under the same label, each
    # followed by the authors again: one page, not two records
    preview, english = tmp_path / "preview.txt", tmp_path / "english.txt"
    preview.write_text("题名：基于深度学习的肺结节检测...\n作者：张三；李四\n刊名：中国医学影像技术\n"
                       "题名：基于深度学习的肺结节检测方法研究\n作者：张三；李四\n", encoding="utf-8")
    english.write_text("题名：基于深度学习的肺结节检测方法研究\n作者：张三；李四\n刊名：中国医学影像技术\n"
                       "题名：Deep learning for pulmonary nodule detection\n作者：Zhang San; Li Si\n", encoding="utf-8")
    for path in (preview, english):
        _, records, failures = clean_items(path)
        assert not failures and len(records) == 1, path.name
    assert records[0]["title"]["en"] == "Deep learning for pulmonary nodule detection"


def test_a_record_without_its_title_is_a_failure_not_merged_into_the_one_before(tmp_path):
    path = tmp_path / "vip.txt"
    untitled = "作者：无题名作者\n刊名：某期刊\n年份：2017\n"
    path.write_text(_FIRST + "\n" + _SECOND + "\n" + untitled + "\n题名：第五篇论文\n作者：周九\n刊名：某某学报\n",
                    encoding="utf-8")
    result, records, failures = clean_items(path)
    assert result.returncode == 1
    assert [(r["title"]["zh"], _names(r), r["journal"]["zh"]) for r in records] == [
        ("基于深度学习的肺结节检测方法研究", ["张三", "李四"], "中国医学影像技术"),
        ("糖尿病患者血糖控制现状调查", ["赵六", "钱七"], "中华内分泌代谢杂志"),
        ("第五篇论文", ["周九"], "某某学报")]
    (failure,) = failures
    assert (failure["record"], failure["line"], failure["raw"]) == (3, 15, untitled.rstrip())
    assert failure["reason"] == "no title or abstract"


def test_authors_again_after_a_blank_line_in_a_single_page_open_no_record(tmp_path):
    # the file is no export of records (no second record opened): a page repeating its authors
    path = tmp_path / "page.txt"
    path.write_text(_FIRST + "\n作者：张三；李四\n刊名：中国医学影像技术\n", encoding="utf-8")
    _, records, failures = clean_items(path)
    assert not failures and len(records) == 1


def test_vips_english_title_label_gives_the_english_title(tmp_path, validate):
    path = tmp_path / "vip.txt"
    path.write_text(_SECOND.replace("\n", "\n英文题名：Survey on glycemic control in patients with diabetes\n", 1),
                    encoding="utf-8")
    _, (record,), failures = clean_items(path)
    assert not failures
    validate(record)
    assert record["title"] == {"zh": "糖尿病患者血糖控制现状调查",
                               "en": "Survey on glycemic control in patients with diabetes"}
    assert "other_titles" not in record["extra"] and "unlabelled" not in record["extra"]
