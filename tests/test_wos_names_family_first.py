"""Web of Science writes every name family name first, in AU and AF; a name without a comma
(CSCD's ``AF Li Ming``, ``AU Ouyang Xiaoming``) was read given name first, so GB/T 7714 printed
``MING L, FANG W`` and Vancouver ``Ming L, Fang W`` for a record whose AU says ``Li, M``.
Inputs are small Web of Science files written here, as the QA report gave them."""
from __future__ import annotations

from conftest import records_of, rendered

WOS = """FN Clarivate Analytics Web of Science
VR 1.0
PT J
AU Li, M
   Wang, F
AF Li Ming
   Wang Fang
TI Erector spinae plane block for postoperative analgesia after radical
   mastectomy for breast cancer: a clinical study
SO Chinese Journal of Anesthesiology
PY 2021
VL 41
IS 7
BP 12
EP 15
UT CSCD:6789012
ER

PT J
AU Ouyang Xiaoming
   van der Berg Anna
   Smith, John A.
TI A second study
SO Chinese Journal of Anesthesiology
PY 2021
UT CSCD:6789013
ER

EF
"""


def _names(rec) -> list:
    return [(a.get("family"), a.get("given")) for a in rec["authors"]]


def test_names_without_a_comma_are_family_name_first(tmp_path):
    src = tmp_path / "savedrecs.txt"
    src.write_text(WOS, encoding="utf-8")
    first, second = records_of(src)
    assert _names(first) == [("Li", "Ming"), ("Wang", "Fang")]
    assert _names(second) == [("Ouyang", "Xiaoming"), ("van der Berg", "Anna"), ("Smith", "John A.")]
    assert rendered([first], "gbt7714").startswith("[1] LI M, WANG F. Erector")
    assert rendered([first], "vancouver").startswith("1. Li M, Wang F. Erector")
