"""GB/T 7714 English references of Chinese authors written as GB/T 28039 asks, the family
name in capitals and the given name whole in pinyin ("WANG Jianguo, LI Ming. Research on
…[J]"): their names are read as family and given name, as the RIS reader reads the same names,
also as CNKI's cite box writes them, with no space after the punctuation
("WANG Jianguo,LI Ming.Research on …"), where they had been lost into the title."""
from __future__ import annotations

from test_gbt7714_cnki_text import _names, _read

SPACED = """[1]WANG Jianguo, LI Ming. Research on image recognition[J]. Chinese Journal of Computers, 2020, 43(5): 890-905.
[2]ZHANG San-feng, OUYANG Xiu, WANG J. Tai chi and balance[J]. Journal of Sport, 2019, 12(2): 33-40.
"""
# the same, as CNKI's cite box gives them
SQUEEZED = """[1]WANG Jianguo,LI Ming.Research on image recognition[J].Chinese Journal of Computers,2020,43(5):890-905.
[2]ZHANG San-feng,OUYANG Xiu,WANG J.Tai chi and balance[J].Journal of Sport,2019,12(2):33-40.
"""


def test_pinyin_names_are_family_and_given_names(tmp_path):
    first, second = _read(tmp_path, SPACED)
    assert (_names(first), first["title"]) == ([("Wang", "Jianguo"), ("Li", "Ming")],
                                               {"en": "Research on image recognition"})
    # a family name in capitals is written as a name, whole given name or initials alike
    assert _names(second) == [("Zhang", "San-feng"), ("Ouyang", "Xiu"), ("Wang", "J")]


def test_pinyin_names_end_at_a_full_stop_without_a_space(tmp_path):
    spaced, squeezed = _read(tmp_path, SPACED), _read(tmp_path, SQUEEZED)
    assert _names(squeezed[0]) == [("Wang", "Jianguo"), ("Li", "Ming")]
    assert squeezed[0]["title"] == {"en": "Research on image recognition"}
    for a, b in zip(spaced, squeezed):  # read as the same with spaces
        assert (_names(a), a["title"], a["journal"], a["pages"]) == (_names(b), b["title"], b["journal"], b["pages"])


def test_organisations_and_titles_in_capitals_are_no_pinyin_names(tmp_path):
    r = _read(tmp_path, "[1]World Health Organization. COVID-19 in China[R]. Geneva: WHO, 2020.\n"
                        "[2]U.S. Geological Survey. Groundwater levels[R]. Reston: USGS, 2015.\n"
                        "[3]DNA repair in yeast[J].Cell,2019,1(1):1-9.\n"
                        "[4]COVID-19 in China[J].Lancet,2020,395(1):1-9.\n"
                        "[5]NASA Ames Research Center.Wind tunnel data[R].Moffett Field:NASA,2001.\n"
                        "[6]LI Ming.Long March[J].History,2001,3(2):5-9.\n")
    assert [a["literal"] for a in r[0]["authors"]] == ["World Health Organization"]
    assert r[0]["title"] == {"en": "COVID-19 in China"}
    assert [a["literal"] for a in r[1]["authors"]] == ["U.S. Geological Survey"]
    assert (r[2]["authors"], r[2]["title"]) == ([], {"en": "DNA repair in yeast"})
    assert (r[3]["authors"], r[3]["title"]) == ([], {"en": "COVID-19 in China"})
    assert all("family" not in a for a in r[4]["authors"])    # no person "NASA, Ames Research Center"
    assert (_names(r[5]), r[5]["title"]) == ([("Li", "Ming")], {"en": "Long March"})
