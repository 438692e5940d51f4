"""BibTeX and BibLaTeX keep an abstract's paragraphs and the ideographic space (U+3000): both
were written as one space (every run of white space was), so an abstract's "First…\\nSecond…"
came back one paragraph and a title's 统计年鉴　第一章 an ASCII space.  A paragraph is a blank
line, as BibTeX and LaTeX have it, and read back as the line break the record holds."""
from __future__ import annotations

import json

import pytest

from conftest import read_back, records_of, rendered

ITEM = {"id": "p1", "type": "article-journal", "language": "zh-CN", "title": "统计年鉴\u3000第一章 综合",
        "author": [{"family": "Smith", "given": "John"}], "container-title": "统计研究",
        "issued": {"date-parts": [[2020]]},
        "abstract": "目的：探讨DNA的价值。\n结果：敏感度为95.2%。\n结论：可提高检出率。"}


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex"])
def test_an_abstracts_paragraphs_and_an_ideographic_space_come_back(fmt, tmp_path):
    path = tmp_path / "p.json"
    path.write_text(json.dumps([ITEM], ensure_ascii=False), encoding="utf-8")
    (rec,) = records_of(path)
    assert rec["abstract"]["zh"].count("\n") == 2 and "\u3000" in rec["title"]["zh"]
    text = rendered([rec], fmt)
    assert "95.2\\%。\n\n结论：" in text and "统计年鉴\u3000第一章" in text
    (again,) = read_back(text, fmt, tmp_path)
    assert again["abstract"] == rec["abstract"]
    assert again["title"] == rec["title"]


def test_a_blank_line_or_par_in_a_bib_abstract_is_a_paragraph_a_line_break_a_space(tmp_path):
    bib = tmp_path / "a.bib"
    bib.write_text("@article{a,\n  title = {Title},\n  author = {Smith, John},\n  journal = {J},\n  year = {2020},\n"
                   "  abstract = {Background: one\n    wrapped line.\n\n  Methods: two.\\par Results: three.},\n}\n",
                   encoding="utf-8")
    (rec,) = records_of(bib)
    assert rec["abstract"] == {"en": "Background: one wrapped line.\nMethods: two.\nResults: three."}
