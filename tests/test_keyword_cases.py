"""Keywords split inside a chemical name's locants or a karyotype, and Chinese keywords among
English ones: cases a QA pass found, each as
a small file cleaned by the CLI as a user would (the keyword lines are those of the records named)."""
from __future__ import annotations

import pytest

from conftest import cleaned as clean


def page(tmp_path, keywords: str):
    path = tmp_path / "page.txt"
    path.write_text("\n".join(["首页 > 学术期刊 > 期刊详情", "除草剂对水稻生长的影响研究",
                               "摘要：研究了几种除草剂对水稻生长的影响。", f"关键词：{keywords}"]) + "\n",
                    encoding="utf-8")
    return path


def ris(tmp_path, *keywords: str):
    path = tmp_path / "one.ris"
    lines = ["TY  - JOUR", "LA  - chi", "AB  - 合成了一种新的配合物并测定了其晶体结构。",
             *(f"KW  - {k}" for k in keywords), "ER  - "]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def bib(tmp_path, keywords: str):
    path = tmp_path / "one.bib"
    path.write_text("@article{one,\n\ttitle = {A study of dogs},\n\tyear = {2010},\n"
                    f"\tkeywords = {{{keywords}}},\n}}\n", encoding="utf-8")
    return path


# A. A comma among locants or in a karyotype is part of the keyword (a page's keyword line).
@pytest.mark.parametrize("line, expected", [
    ("2,4-二氯苯氧乙酸 除草剂 N,N-二甲基甲酰胺", ["2,4-二氯苯氧乙酸", "除草剂", "N,N-二甲基甲酰胺"]),
    ("1,25-二羟维生素D3,骨质疏松", ["1,25-二羟维生素D3", "骨质疏松"]),
    ("N,N′-亚甲基双丙烯酰胺,1,2,4-三唑,水凝胶", ["N,N′-亚甲基双丙烯酰胺", "1,2,4-三唑", "水凝胶"]),
])
def test_page_keeps_locant_commas(tmp_path, line, expected):
    [record] = clean(page(tmp_path, line))
    assert record["keywords"] == {"zh": expected}


# zotero_export.bib #652, #792 (and #203, the same karyotype).
def test_bibtex_keeps_locant_and_karyotype_commas(tmp_path):
    [record] = clean(bib(tmp_path, "MICE, SOX9, 46,XX MALES, NATRIURETIC-PEPTIDE, 2,3-diphosphoglycerate, "
                                   "Alkaline fragility"))
    assert record["keywords"]["en"] == ["MICE", "SOX9", "46,XX MALES", "NATRIURETIC-PEPTIDE",
                                        "2,3-diphosphoglycerate", "Alkaline fragility"]


# A comma that separates keywords stays a separator, numbers beside it or not.
def test_bibtex_splits_between_numbered_keywords(tmp_path):
    [record] = clean(bib(tmp_path, "COVID-19,2019-nCoV, IL-1,IL-6, CD4,CD8, Chiari 1,Type 2"))
    assert record["keywords"]["en"] == ["COVID-19", "2019-nCoV", "IL-1", "IL-6", "CD4", "CD8", "Chiari 1",
                                        "Type 2"]


# zh_papers.ris #1761, #1767, #186: CNKI's RIS split a name at its locants' commas, one KW each;
# the fragments ("N", "2") were filed as English keywords.
@pytest.mark.parametrize("lines, expected", [
    (["聚氨酯弹性膜", "N", "N-二(β-羟乙基)-二硝基苯胺", "合成"],
     ["聚氨酯弹性膜", "N,N-二(β-羟乙基)-二硝基苯胺", "合成"]),
    (["1-氢-3", "5-二(3-吡啶基)-1", "2", "4-三唑", "2", "2′-二硫二苯甲酸", "镍(Ⅱ)配合物"],
     ["1-氢-3,5-二(3-吡啶基)-1,2,4-三唑", "2,2′-二硫二苯甲酸", "镍(Ⅱ)配合物"]),
    (["2-(2-羟基苯基)苯并噻唑-(1", "10-邻菲罗邻)合钙", "光学性能"],
     ["2-(2-羟基苯基)苯并噻唑-(1,10-邻菲罗邻)合钙", "光学性能"]),
])
def test_ris_joins_keywords_split_at_locants(tmp_path, lines, expected):
    [record] = clean(ris(tmp_path, *lines))
    assert record["keywords"] == {"zh": expected}


# One whole keyword a KW line (Zotero, Scopus): English lines are never joined.
def test_ris_keeps_english_keyword_lines(tmp_path):
    [record] = clean(ris(tmp_path, "Chiari 1", "2-D echocardiography", "dog"))
    assert record["keywords"]["en"] == ["Chiari 1", "2-D echocardiography", "dog"]


def refer(tmp_path, keywords: str):
    path = tmp_path / "one.txt"
    path.write_text(f"%0 Journal Article\n%A 马永庆\n%T 23种常用中成药治疗失眠的临床研究证据图分析\n%J 中国中药杂志\n"
                    f"%D 2024\n%K {keywords}\n%W CNKI\n", encoding="utf-8")
    return path


# B. A keyword holding a Chinese character is a Chinese keyword, however many Latin words it
# holds (zh_papers.ris #175, #1727: one a KW line) or whatever its line's other keywords are
# (cnki_endnote.txt #94: CNKI's English list ending in 中成药).
def test_ris_files_han_keywords_as_chinese(tmp_path):
    [record] = clean(ris(tmp_path, "加筋圆柱壳-球壳组合结构", "Flügge理论", "Rayleigh-Ritz法", "Ti-Al系", "自由振动"))
    assert record["keywords"] == {"zh": ["加筋圆柱壳-球壳组合结构", "Flügge理论", "Rayleigh-Ritz法", "Ti-Al系",
                                         "自由振动"]}


def test_refer_files_han_keyword_of_english_list_as_chinese(tmp_path):
    [record] = clean(refer(tmp_path, "Chinese patent medicine;economic;evidence map;insomnia;intervention study;"
                                     "retrospective study;systematic review/Meta-analysis;中成药"))
    assert record["keywords"] == {"zh": ["中成药"], "en": [
        "Chinese patent medicine", "economic", "evidence map", "insomnia", "intervention study", "retrospective study",
        "systematic review/Meta-analysis"]}


# One line of keywords parted by " / ", as journal sites write them, had been one keyword.
def test_keywords_parted_by_a_slash_between_spaces(tmp_path):
    [record] = clean(page(tmp_path, "除草剂 / 水稻 / 生长"))
    assert record["keywords"] == {"zh": ["除草剂", "水稻", "生长"]}
    # two parts are one keyword that holds a slash, on a keyword line as in a tag
    [record] = clean(bib(tmp_path, "input / output analysis; Risk"))
    assert record["keywords"]["en"] == ["input / output analysis", "Risk"]
    # one KW tag holds one keyword: a library's subject chain parted by " / " is one heading, as Zotero
    # keeps it (formats/ris/ris-07: "Finanzkrise / Eigentum / Haftung / …")
    [record] = clean(ris(tmp_path, "crystal structure / complex / synthesis", "input / output", "TCP/IP"))
    assert record["keywords"]["en"] == ["crystal structure / complex / synthesis", "input / output", "TCP/IP"]
