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
