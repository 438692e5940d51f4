"""Each repair step on hand-written cases: original → expected, and cases that must stay unchanged."""
from __future__ import annotations

import json

import pytest

from conftest import DATA
from indexer.pipeline import clean
from indexer.repair import REPAIRS
from indexer.record import Record, Source

CASES = json.loads((DATA / "repair_cases.json").read_text(encoding="utf-8"))
STEPS = [s for s in CASES if not s.startswith("_")]


def _params(kind):
    return [pytest.param(step, case, id=f"{step}-{i}") for step in STEPS
            for i, case in enumerate(CASES[step][kind])]


def test_every_repair_has_cases():
    # A new repair step must come with its cases here.
    assert set(REPAIRS) <= set(STEPS), sorted(set(REPAIRS) - set(STEPS))


@pytest.mark.parametrize("step,case", _params("changed"))
def test_repair_changes(step, case):
    before, after = case
    assert REPAIRS[step](before) == after


@pytest.mark.parametrize("step,text", _params("unchanged"))
def test_repair_leaves_alone(step, text):
    assert REPAIRS[step](text) == text


@pytest.mark.parametrize("step,case", _params("changed"))
def test_repair_is_idempotent(step, case):
    once = REPAIRS[step](case[0])
    assert REPAIRS[step](once) == once


def _record(**raw) -> Record:
    rec = Record(Source(path="case.txt", format="test", record=1, line=1))
    for key, values in raw.items():
        rec.raw[key] = [(v, 1) for v in values]
    return rec


def test_repairs_are_logged_only_when_they_change_something():
    rec = clean(_record(titles=["Spinal metastases"], abstract=["We studied it,but it failed.展开更多"]))
    assert rec.abstract == {"en": "We studied it, but it failed."}
    logged = [(r.step, r.field, r.before, r.after) for r in rec.repairs]
    assert ("strip_ui_residue", "abstract", "We studied it,but it failed.展开更多",
            "We studied it,but it failed.") in logged
    assert ("restore_space_after_punctuation", "abstract.en", "We studied it,but it failed.",
            "We studied it, but it failed.") in logged
    assert all(r.before != r.after for r in rec.repairs)
    assert not any(r.field.startswith("title") for r in rec.repairs)


def test_a_copy_of_the_abstract_is_logged_as_dropped_once():
    # a scraped page gives its abstract twice (again after 文摘): one repair, one drop, no
    # repair of the copy that is not kept
    rec = clean(_record(titles=["Spinal metastases"], abstract=["We studied it,but it failed."] * 2))
    assert rec.abstract == {"en": "We studied it, but it failed."}
    read, fixed = "We studied it,but it failed.", "We studied it, but it failed."
    assert [(r.step, r.field, r.before, r.after) for r in rec.repairs] == [
        ("restore_space_after_punctuation", "abstract.en", read, fixed), ("drop_duplicate_abstract", "abstract.en", read, "")]


def test_chinese_punctuation_survives_the_whole_pipeline():
    text = "目的：探讨（ABC）“某方法”的疗效，结论；可行。"
    rec = clean(_record(titles=["某方法的疗效研究"], abstract=[text]))
    assert rec.abstract["zh"] == text
