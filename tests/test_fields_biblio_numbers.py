"""The year, volume and issue of a record read from the ways Chinese databases write them in one
value: VIP's 年卷期 written out, a year field with its issue in brackets."""
from __future__ import annotations

import pytest

from conftest import records_of, run_cli

VIP = """题名：晚清江南藏书楼的兴衰
作者：王建国;李秀英
刊名：图书馆杂志
年卷期：{written}
页码：12-15,20
"""


@pytest.mark.parametrize("written, numbers", [("2019年第38卷第3期", (2019, "38", "3")), ("2005年第2期", (2005, None, "2")),
                                              ("2019年38卷3期", (2019, "38", "3")), ("2019,38(3)", (2019, "38", "3")),
                                              ("2019年第3期（总第120期）", (2019, None, "3")),
                                              ("2019年第38卷第3期(总第236期)", (2019, "38", "3"))])
def test_vip_s_year_volume_and_issue_written_out_are_read(tmp_path, written, numbers):
    """VIP's 年卷期 line writes them out (2019年第38卷第3期); only the year had been read, the volume
    and issue lost.  The journal's running number after them (（总第120期）) does not hide them."""
    from indexer.fields.biblio import parse_year_volume_issue

    path = tmp_path / "vip.txt"
    path.write_text(VIP.format(written=written), encoding="utf-8")
    (record,) = records_of(path)
    assert (record["year"], record["volume"], record["issue"]) == numbers
    assert parse_year_volume_issue(written) == {k: v for k, v in zip(("year", "volume", "issue"), numbers) if v}


NOTEEXPRESS = """{{Reference Type}}: Journal Article
{{Title}}: 清代江南刻书业研究
{{Author}}: 陈思远
{{Journal}}: 中国典籍与文化
{{Year}}: {year}
{issue}{{Pages}}: 12-15
"""


@pytest.mark.parametrize("year, issue, read", [("2019(03)", "", (2019, "3")), ("2019（Z1）", "", (2019, "Z1")),
                                               ("2019(03)", "{Issue}: 4\n", (2019, "4")),
                                               ("1865（清同治四年）", "", (1865, None))])
def test_a_year_with_its_issue_in_brackets_gives_the_issue(tmp_path, year, issue, read):
    """CNKI's NoteExpress export writes a year with its issue at times ("{Year}: 2019(03)"): the issue
    had been lost (only kept in extra.date as written).  It is the record's issue when the record
    gives none of its own; a reign year in brackets is no issue."""
    path = tmp_path / "refs.net"
    path.write_text(NOTEEXPRESS.format(year=year, issue=issue), encoding="utf-8")
    (record,) = records_of(path)
    assert (record["year"], record["issue"]) == read


RIS_DOUBLE_ISSUE = "TY  - JOUR\nAU  - 马丽\nTI  - 前锯肌平面阻滞的镇痛效果\nJO  - 中国疼痛医学杂志\nPY  - 2021\nVL  - {volume}\n" \
                   "IS  - {issue}\nSP  - {pages}\nER  - \n"


@pytest.mark.parametrize("volume, issue, pages, read", [
    ("27", "07-08", "12~15", ("27", "7-8", "12-15")), ("27", "07/08", "12-15", ("27", "7/8", "12-15")),
    ("27", "01+02", "12-15", ("27", "1+2", "12-15")), ("041", "07", "012-015", ("41", "7", "12-15")),
    ("WS-12-08", "S01", "e0123", ("WS-12-08", "S01", "e0123"))])
def test_zero_padding_goes_from_each_number_of_a_double_issue_volume_and_pages(tmp_path, volume, issue, pages, read):
    """QA: a double issue kept the padding of its second number ("07-08" read "7-08", GB/T 7714
    printing "27(7-08)"), and a padded volume and pages were kept ("041", "012-015") though a
    padded issue ("07") was read "7".  A number with a letter before it (S01, e0123) keeps its zeros."""
    path = tmp_path / "double.ris"
    path.write_text(RIS_DOUBLE_ISSUE.format(volume=volume, issue=issue, pages=pages), encoding="utf-8")
    (record,) = records_of(path)
    assert (record["volume"], record["issue"], record["pages"]) == read


def test_a_tie_between_two_page_numbers_in_bibtex_is_a_range(tmp_path):
    """QA: BibTeX's ``pages={12~15}`` (a tie, a non-breaking space elsewhere) was read "12 15";
    between two page numbers it is the range's dash, as CNKI's 12～15 is."""
    path = tmp_path / "tilde.bib"
    path.write_text("@article{a,\n title={Test issue},\n author={Li, Ming},\n journal={X},\n year={2021},\n"
                    " volume={041},\n number={07-08},\n pages={12~15}\n}\n", encoding="utf-8")
    (record,) = records_of(path)
    assert (record["volume"], record["issue"], record["pages"]) == ("41", "7-8", "12-15")
    gbt = run_cli("export", "--format", "gbt7714", "--from", str(path))
    assert gbt.returncode == 0 and "2021, 41(7-8): 12-15." in gbt.stdout, gbt.stdout + gbt.stderr
