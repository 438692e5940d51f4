"""RIS's Y2, the date a record was read (Zotero's and EndNote's Access Date): our RIS export
writes it for every type, and the reader had taken it only of web pages and datasets, so a
journal article's, a book's or a conference paper's was lost on the way back (GB/T 7714's
[引用日期]).  Reference Manager's older templates put other dates there (a meeting's, a
copyright's, a patent's filing date), which are not read as one."""
from __future__ import annotations

import json

from conftest import cleaned, needs_shared, rendered, run_cli

JOUR = ("TY  - JOUR\nTI  - 测试访问日期\nAU  - 王五\nPY  - 2020\nJO  - 图书情报工作\nUR  - http://example.com/x\n"
        "Y2  - 2024-05-06\nER  - \n")


def test_a_journal_articles_access_date_is_cited(tmp_path):
    path = tmp_path / "y2.ris"
    path.write_text(JOUR, encoding="utf-8")
    result = run_cli("export", "-f", "gbt7714", "--from", str(path))
    assert result.stdout == "[1] 王五. 测试访问日期[J/OL]. 图书情报工作, 2020[2024-05-06]. http://example.com/x.\n"


def test_every_types_access_date_comes_back_from_our_ris(tmp_path):
    items = [{"id": f"i{n}", "type": kind, "title": f"Item {n}", "author": [{"family": "Abe", "given": "Bo"}],
              "container-title": "Host", "issued": {"date-parts": [[2020, 3, 1]]}, "URL": f"https://example.org/{n}",
              "accessed": {"date-parts": [[2024, 5, 6]]}}
             for n, kind in enumerate(("article-journal", "book", "paper-conference", "article", "map", "thesis"))]
    path = tmp_path / "items.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    ris = tmp_path / "back.ris"
    ris.write_text(rendered(cleaned(path), "ris"), encoding="utf-8")
    back = cleaned(ris)
    assert [r["extra"].get("accessed") for r in back] == ["2024-05-06"] * 6


def test_other_dates_in_y2_are_not_an_access_date(tmp_path):
    path = tmp_path / "other.ris"
    path.write_text(
        # Reference Manager: a patent's filing date, before it was issued
        "TY  - PAT\nT1  - Method of detecting\nA1  - Burger,D.R.\nY1  - 1990/2/27\nY2  - 1986/6/23\nER  - \n\n"
        # its template's Date of Meeting and Date of Copyright, of the year the work has
        "TY  - CONF\nTI  - A paper\nAU  - Abe, Bo\nPY  - 2019\nY2  - 2019/06/12\nER  - \n\n"
        "TY  - MAP\nTI  - A map\nAU  - Abe, Bo\nPY  - 2018\nY2  - 2018\nER  - \n\n"
        # EndNote: a 2016 article read in 2020
        "TY  - JOUR\nTI  - An article\nAU  - Abe, Bo\nPY  - 2016\nY2  - 2020/01/15\nER  - \n", encoding="utf-8")
    assert [r["extra"].get("accessed") for r in cleaned(path)] == [None, None, None, "2020/01/15"]


def test_the_corpora_y2_lines():
    endnote = needs_shared("corpus", "formats", "mixed-exports", "ris_export.txt")
    refman = needs_shared("corpus", "formats", "ris", "ris-02.txt")
    read = [r["extra"]["accessed"] for r in cleaned(endnote) if r["extra"].get("accessed")]
    assert read == ["2020/01/15", "2020/01/15", "2022/03/03", "2021/06/23"]   # its JOUR records' Access Date
    assert not any(r["extra"].get("accessed") for r in cleaned(refman))     # a patent's filing date


def test_an_access_date_written_in_words_or_day_first_is_read(tmp_path):
    """EndNote's Access Date is typed as its user writes dates: ``May 3, 2020``, ``3 May 2020``, or
    day first with dots (``03.05.2020``, as German dates are written); only a Y2 starting with its
    year was read.  A slashed date that is a date either way round (``03/05/2020``) stays a tag."""
    written = ["May 3, 2020", "3 May 2020", "03.05.2020", "13/05/2020", "03/05/2020", "20200503"]
    path = tmp_path / "y2.ris"
    path.write_text("".join(f"TY  - ELEC\nTI  - Page {n}\nPY  - 2019\nUR  - https://example.org/{n}\nY2  - {y2}\nER  - \n\n"
                            for n, y2 in enumerate(written)), encoding="utf-8")
    records = cleaned(path)
    assert [r["extra"].get("accessed") for r in records] == [
        "2020-05-03", "2020-05-03", "2020-05-03", "2020-05-13", None, "20200503"]
    assert records[4]["extra"]["tags"]["Y2"] == ["03/05/2020"]
    assert "[2020-05-03]" in rendered(records[:1], "gbt7714")   # cited as read
