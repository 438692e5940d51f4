"""A discontinuous page range ("175-177+183": the paper goes on at page 183) is written the same
way whichever export it comes from: "175-177, 183", as GB/T 7714 and the gold of CNKI's RefWorks
export write it.  CNKI and VIP join the parts by "+" in every export (RefWorks, EndNote,
NoteExpress, E-Study); Scopus' RIS by a comma.

The exports below are invented records of one paper, in each export's own layout.
"""
from __future__ import annotations

import pytest

from conftest import cleaned, needs_shared, records_of, rendered

EXPORTS = {
    "cnki_endnote.txt": """%0 Journal Article
%A 周远
%T 潮滩沉积物粒度特征
%J 海洋地质动态
%D 2019
%N 11
%P 175-177+183
%W CNKI
""",
    "cnki_refworks.txt": """RT Journal Article
SR 1
A1 周远
T1 潮滩沉积物粒度特征
JF 海洋地质动态
YR 2019
IS 11
OP 175-177+183
DS CNKI
""",
    "cnki_noteexpress.net": """{Reference Type}: Journal Article
{Title}: 潮滩沉积物粒度特征
{Author}: 周远;
{Journal}: 海洋地质动态
{Year}: 2019
{Issue}: 11
{Pages}: 175-177+183
{Database Provider}: CNKI
""",
    "cnki_estudy.txt": """DataType: 1
Title-题名: 潮滩沉积物粒度特征
Author-作者: 周远
Source-刊名: 海洋地质动态
Year-年: 2019
Period-期: 11
Page-页码: 175-177+183
SrcDatabase-来源库: 期刊
""",
    "scopus.ris": """TY  - JOUR
AU  - Zhou, Y.
TI  - Grain size of tidal flat sediments
T2  - Marine Geology Letters
PY  - 2019
IS  - 11
SP  - 175-177, 183
ER  - 
""",
}


@pytest.mark.parametrize("name", EXPORTS)
def test_every_export_writes_a_discontinuous_range_alike(name, tmp_path):
    path = tmp_path / name
    path.write_text(EXPORTS[name], encoding="utf-8")
    (record,) = cleaned(path)
    assert record["pages"] == "175-177, 183"


def test_refworks_start_page_and_joined_end_page(tmp_path):
    # RefWorks with SP and OP: the "+" is in the last page ("1111+1117").
    path = tmp_path / "refworks.txt"
    path.write_text(EXPORTS["cnki_refworks.txt"].replace("OP 175-177+183", "SP 1106\nOP 1111+1117"),
                    encoding="utf-8")
    (record,) = cleaned(path)
    assert record["pages"] == "1106-1111, 1117"


def test_gbt7714_writes_the_same_pages_for_every_export(tmp_path):
    for name, text in EXPORTS.items():
        if name.startswith("cnki_"):
            (tmp_path / name).write_text(text, encoding="utf-8")
    records = records_of(*sorted(tmp_path.iterdir()))
    assert len(records) == 4
    lines = rendered(records, "gbt7714").splitlines()
    assert len([line for line in lines if line.strip()]) == 4
    assert all("175-177, 183." in line for line in lines if line.strip()), lines


@pytest.mark.parametrize("raw, want", [
    ("e123+", "e123+"),          # no list of pages: kept as written
    ("S1+S2", "S1+S2"),
    ("1137-+", "1137"),          # Web of Science's "continued later": the first page
    ("8-9, 7", "8-9, 7"),
    ("210 + 209", "210, 209"),
])
def test_only_a_list_of_page_numbers_is_rejoined(raw, want):
    from indexer.fields.biblio import normalise_pages

    assert normalise_pages(raw) == want


def test_the_same_paper_in_cnkis_and_vips_exports_agrees():
    # The QA report's records: one paper's pages as CNKI's EndNote and VIP's NoteExpress give
    # them ("175-177+183" in both), another's in CNKI's RefWorks and NoteExpress ("210+209").
    folder = needs_shared("corpus", "dedup", "bilingual_dev")

    def pages_of(name, title):
        return {r["pages"] for r in cleaned(folder / name) if title in (r["title"].get("zh") or "").replace(" ", "")}

    assert pages_of("cnki_endnote.txt", "MicroRNA在乳腺癌中的研究进展") == {"175-177, 183"}
    assert pages_of("vip_noteexpress.net", "MicroRNA在乳腺癌中的研究进展") == {"175-177, 183"}
    assert pages_of("cnki_refworks.txt", "企业党员干部队伍建设问题研究") == {"210, 209"}
    assert pages_of("cnki_noteexpress.net", "企业党员干部队伍建设问题研究") == {"210, 209"}
