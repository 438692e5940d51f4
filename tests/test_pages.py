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


def test_repairs_logged_only_when_something_changed():
    result = run_cli("clean", "--json", "-q", str(DATA / "pages" / "cnki-bare-lines.txt"))
    (record,) = jsonl(result.stdout)
    assert record["repairs"], "page chrome at least was dropped"
    assert all(r["before"] != r["after"] for r in record["repairs"])
