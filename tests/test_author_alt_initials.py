"""An author's English name given with initials (``TA  - Li, M``, EndNote ``%H Li, M``, CSL's
``custom.translated_author``) is the ``alt`` of the Chinese author it names (李明): the surname's
pinyin, then the first letter of each syllable of the given name's, in order, as English versions
of Chinese papers and Web of Science write them.  It went to ``extra.tags.TA`` (RIS) or stayed
text in ``extra.translated_author``, so a record whose alt names are initials lost them in every
round trip through our own exports.  Inputs are written here."""
from __future__ import annotations

import json

import pytest

from conftest import read_back, records_of, rendered

RIS = """TY  - JOUR
TI  - 竖脊肌平面阻滞用于乳腺癌根治术后镇痛的临床研究
AU  - 李明
AU  - 欧阳晓明
AU  - 王芳
TA  - Li, M
TA  - Ouyang, XM
TA  - Zhao, F
PY  - 2021
JO  - 中华麻醉学杂志
ER  - 
"""


def _alts(rec) -> list:
    return [(a.get("literal"), (a.get("alt") or {}).get("family"), (a.get("alt") or {}).get("given"))
            for a in rec["authors"]]


@pytest.fixture
def read(tmp_path) -> dict:
    src = tmp_path / "ta.ris"
    src.write_text(RIS, encoding="utf-8")
    (rec,) = records_of(src)
    return rec


def test_ris_ta_with_initials_is_the_authors_alt(read):
    # 王芳's "Zhao, F" is no pinyin of hers: no alt, and the line kept as RIS's TA
    assert _alts(read) == [("李明", "Li", "M"), ("欧阳晓明", "Ouyang", "XM"), ("王芳", None, None)]
    assert read["extra"]["tags"]["TA"] == ["Zhao, F"]


def test_endnote_translated_author_with_initials(tmp_path):
    src = tmp_path / "h.enw"
    src.write_text("%0 Journal Article\n%T 竖脊肌平面阻滞的临床研究\n%A 李晓明\n%A 王芳\n%H Li, X.M.\n%H Wang, F\n"
                   "%J 中华麻醉学杂志\n%D 2021\n", encoding="utf-8")
    (rec,) = records_of(src)
    assert _alts(rec) == [("李晓明", "Li", "X.M."), ("王芳", "Wang", "F")]


def test_an_initial_that_is_not_the_given_names_first_letter_pairs_with_no_one(tmp_path):
    src = tmp_path / "x.ris"
    src.write_text("TY  - JOUR\nTI  - 临床研究\nAU  - 李明\nTA  - Li, F\nPY  - 2021\nER  - \n", encoding="utf-8")
    (rec,) = records_of(src)
    assert _alts(rec) == [("李明", None, None)]
    assert rec["extra"]["tags"]["TA"] == ["Li, F"]


@pytest.mark.parametrize("fmt", ["ris", "endnote", "csl-json"])
def test_initials_come_back_from_our_exports(read, fmt, tmp_path):
    (back,) = read_back(rendered([read], fmt), fmt, tmp_path)
    assert _alts(back)[:2] == [("李明", "Li", "M"), ("欧阳晓明", "Ouyang", "XM")]
