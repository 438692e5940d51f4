"""The year of a record from its year and date fields, as each format writes them.  The records
are QA's cases, written as a user's export typed with a Chinese input method."""
from __future__ import annotations

import pytest

from conftest import records_of


@pytest.mark.parametrize("name,text,date", [
    ("y.ris", "TY  - JOUR\nTI  - 血清IL-6水平研究\nPY  - ２０２２\nER  - \n", None),
    ("y.ris", "TY  - JOUR\nTI  - 血清IL-6水平研究\nY1  - ２０２２年\nER  - \n", ["2022年"]),
    ("y.ris", "TY  - JOUR\nTI  - 血清IL-6水平研究\nDA  - ２０２２/０３/１５\nER  - \n", ["2022/03/15"]),
    ("y.bib", "@article{k1,\n  title = {血清IL-6水平研究},\n  year = {２０２２}\n}\n", None),
    ("y.enw", "%0 Journal Article\n%T 血清IL-6水平研究\n%D ２０２２\n", None),
    ("y.txt", "RT Journal Article\nT1 血清IL-6水平研究\nYR ２０２２\n", None),
], ids=["ris-PY", "ris-Y1", "ris-DA", "bibtex", "refer", "refworks"])
def test_a_year_in_full_width_digits_is_the_year(tmp_path, name, text, date):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (r,) = records_of(path)
    assert r["year"] == 2022
    assert r["extra"].get("date") == date   # what the date says beyond its year, in ASCII digits


def test_a_year_out_of_range_is_said_and_kept_in_extra_date(tmp_path):
    """PY 1066, 0000 (a placeholder), 9999 are no year read (1500-2099): the record's year is
    null, and an issue says why and where the value went (it had said nothing)."""
    path = tmp_path / "y.ris"
    path.write_text("".join(f"TY  - JOUR\nTI  - Year test {y}\nPY  - {y}\nER  - \n\n"
                            for y in ("1066", "0000", "9999", "2021-2022", "c2019", "1500")), encoding="utf-8")
    records = records_of(path)
    assert [(r["year"], r["extra"].get("date")) for r in records[:3]] == [(None, ["1066"]), (None, ["0000"]),
                                                                          (None, ["9999"])]
    assert [r["issues"] for r in records[:2]] == [
        ["line 3: year '1066' out of range (1500-2099), not read: kept in extra.date"],
        ["line 8: year '0000' out of range (1500-2099), not read: kept in extra.date"]]
    assert [(r["year"], r["issues"]) for r in records[3:]] == [(2021, []), (2019, []), (1500, [])]
