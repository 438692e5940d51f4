"""Types BibTeX and BibLaTeX lost: a newspaper's or a magazine's article came back from BibTeX
a journal article (biblatex's ``entrysubtype`` was written only there; BibTeX's styles ignore
it, pandoc and our reader read it), and biblatex's own types for a pamphlet, a letter, a film
and an artwork were not used (all came back documents, @misc)."""
from __future__ import annotations

import json

import pytest

from conftest import read_back, records_of, rendered


def _items(*types: str) -> list[dict]:
    return [{"id": f"i{n}", "type": kind, "title": f"A {kind} item", "author": [{"family": "Smith", "given": "John"}],
             "container-title": "The Daily News" if kind.startswith("article") else "",
             "issued": {"date-parts": [[2020, 5, 9]]}} for n, kind in enumerate(types)]


@pytest.mark.parametrize("fmt, types", [
    ("bibtex", ("article-newspaper", "article-magazine", "article-journal")),
    ("biblatex", ("article-newspaper", "pamphlet", "personal_communication", "motion_picture", "graphic")),
])
def test_the_type_comes_back(fmt, types, tmp_path):
    path = tmp_path / "t.json"
    path.write_text(json.dumps(_items(*types)), encoding="utf-8")
    records = records_of(path)
    assert [r["type"] for r in records] == list(types)
    again = read_back(rendered(records, fmt), fmt, tmp_path)
    assert [r["type"] for r in again] == list(types)
