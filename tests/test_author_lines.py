"""Author lines of scraped Chinese detail pages: the marks after names (affiliation numbers, a
corresponding author's star), an affiliation in brackets, two-character names printed with a space.
Each case is a page as a site shows it, cleaned by ``cli.py clean --json`` as a user runs it."""
from __future__ import annotations

import pytest

from conftest import clean_items

# (author line, affiliation line or None, expected authors as (literal, affiliation or None))
CASES = {
    "numbered-affiliations": (
        "王建国1,2 李四2 欧阳娜娜1", "1.北京大学医学部，北京 100191；2.清华大学，北京 100084",
        [("王建国", "北京大学医学部，北京 100191；清华大学，北京 100084"),
         ("李四", "清华大学，北京 100084"), ("欧阳娜娜", "北京大学医学部，北京 100191")]),
    "numbers-then-comma": (
        "王建国1,2，李四2，欧阳娜娜1", None, [("王建国", None), ("李四", None), ("欧阳娜娜", None)]),
    "superscripts-bracketed-numbers": (
        "王建国¹ 李四²", "(1)北京大学医学部; (2)清华大学", [("王建国", "北京大学医学部"), ("李四", "清华大学")]),
    "range-and-star": (
        "赵明1-2* 孙丽2", "1.北京大学；2.清华大学", [("赵明", "北京大学；清华大学"), ("孙丽", "清华大学")]),
    # a name without a number: the marks go, and every author keeps the whole line as before
    "not-every-name-numbered": (
        "王建国1 李四", "1.北京大学医学部", [("王建国", "1.北京大学医学部"), ("李四", "1.北京大学医学部")]),
    # VIP's marks in brackets, glued or after a space, its institutions numbered so too
    "vip-bracketed-marks": (
        "陈晓燕 [1] 刘洋 [2] 赵丽 [1]", "[1]首都医科大学全科医学与继续教育学院，北京100069 [2]北京市西城区广内社区卫生服务中心，北京100053",
        [("陈晓燕", "首都医科大学全科医学与继续教育学院，北京100069"), ("刘洋", "北京市西城区广内社区卫生服务中心，北京100053"),
         ("赵丽", "首都医科大学全科医学与继续教育学院，北京100069")]),
    "vip-glued-bracketed-marks": (
        "陈晓燕[1] 刘洋[1,2]", "[1]北京大学，北京 100000；[2]清华大学，北京 100084",
        [("陈晓燕", "北京大学，北京 100000"), ("刘洋", "北京大学，北京 100000；清华大学，北京 100084")]),
    "bracketed-marks-numbered-list": (
        "陈晓燕[1] 刘洋[2]", "1. 北京大学第三医院骨科，北京 100191；2. 北京积水潭医院脊柱外科，北京 100035",
        [("陈晓燕", "北京大学第三医院骨科，北京 100191"), ("刘洋", "北京积水潭医院脊柱外科，北京 100035")]),
    "marks-after-a-space": (
        "杨帆 1，吴强 2*", "1. 北京大学第三医院骨科，北京 100191；2. 北京积水潭医院脊柱外科，北京 100035",
        [("杨帆", "北京大学第三医院骨科，北京 100191"), ("吴强", "北京积水潭医院脊柱外科，北京 100035")]),
    "corresponding-star": ("王建国* 李四", None, [("王建国", None), ("李四", None)]),
    "affiliation-in-brackets": (
        "王建国(北京大学) 李四（清华大学）", None, [("王建国", "北京大学"), ("李四", "清华大学")]),
    "role-in-brackets-kept": ("张三(主编)；李四", None, [("张三(主编)", None), ("李四", None)]),
    "spaced-two-character-names": ("王 强 李 四", None, [("王强", None), ("李四", None)]),
    # not pairs of single characters: left as written
    "spaced-odd-count": ("王 强 李", None, [("王", None), ("强", None), ("李", None)]),
    "three-character-names": ("宋长新 雷萍 王婷", None, [("宋长新", None), ("雷萍", None), ("王婷", None)]),
}


def page(authors: str, affiliation: str | None) -> str:
    lines = ["首页 > 学术期刊 > 期刊详情", "基于深度学习的脊柱图像分割方法研究", f"作者：{authors}"]
    if affiliation:
        lines.append(f"作者单位：{affiliation}")
    lines.append("摘要：目的 探讨脊柱MRI图像的分割方法。方法 回顾分析120例患者的图像。")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def cleaned(tmp_path_factory) -> dict[str, dict]:
    """Every case's page cleaned in one run of the CLI, by case name."""
    folder = tmp_path_factory.mktemp("author-lines")
    for name, (authors, affiliation, _) in CASES.items():
        (folder / f"{name}.txt").write_text(page(authors, affiliation), encoding="utf-8")
    result, records, failures = clean_items(folder)
    assert result.returncode == 0 and not failures, result.stderr
    return {r["source"]["path"].rsplit("/", 1)[-1][:-4]: r for r in records}


@pytest.mark.parametrize("name", CASES)
def test_author_line(name, cleaned, validate):
    record = cleaned[name]
    validate(record)
    assert [(a.get("literal"), a.get("affiliation")) for a in record["authors"]] == CASES[name][2]


def test_marks_dropped_are_logged(cleaned):
    (step,) = [r for r in cleaned["numbers-then-comma"]["repairs"] if r["field"] == "authors"]
    assert (step["step"], step["before"], step["after"]) == (
        "resolve_name_marks", "王建国1,2，李四2，欧阳娜娜1", "王建国，李四，欧阳娜娜")


def test_affiliation_line_gives_one_institution_each_in_extra(cleaned):
    # (its numbers read off, as each author's are; under names not every one marked, the line stays whole)
    assert cleaned["numbered-affiliations"]["extra"]["affiliations"] == ["北京大学医学部，北京 100191", "清华大学，北京 100084"]
    assert cleaned["not-every-name-numbered"]["extra"]["affiliations"] == ["1.北京大学医学部"]


def test_organisation_with_brackets_is_one_author(tmp_path):
    path = tmp_path / "org.txt"
    path.write_text(page("黄土高原科学数据中心（西北农林科技大学水土保持研究所）", None), encoding="utf-8")
    _, (record,), _ = clean_items(path)
    assert record["authors"] == [{"literal": "黄土高原科学数据中心（西北农林科技大学水土保持研究所）", "lang": "zh"}]
