"""A Chinese record merged with its English version (``dedup --apply --all``) keeps the
English record's author names as each author's ``alt``: the merged record is found by them
(``author:``), and the exports that write its authors in English (GB/T 7714's English
line, Vancouver) write them instead of romanising the Chinese names; an organisation's
English name above all, which no pinyin gives.  Real files, a real index, the CLI as a
user runs it."""
from __future__ import annotations

import json

from conftest import run_cli
from indexer.store import Store

# The Chinese version is the more complete (abstract, keywords): it is the master.
ZH = """TY  - JOUR
TI  - 基于深度学习的脊柱转移瘤CT图像分割
AU  - 张可佳
AU  - 李明华
AU  - 王建国
PY  - 2021
JO  - 中华骨科杂志
VL  - 41
IS  - 3
SP  - 150
EP  - 156
KW  - 深度学习
KW  - 脊柱转移瘤
AB  - 目的 探讨深度学习在脊柱转移瘤CT图像分割中的应用。方法 回顾性分析120例患者。结果 Dice系数为0.91。
LA  - chi
ER  - 

TY  - JOUR
TI  - 特应性皮炎湿包疗法临床应用专家共识
AU  - 中国中西医结合学会皮肤性病专业委员会环境与职业性皮肤病学组
AU  - 中华医学会皮肤性病学分会儿童学组
PY  - 2022
JO  - 中华皮肤科杂志
VL  - 55
IS  - 4
SP  - 289
EP  - 294
DO  - 10.35541/cjd.20210823
KW  - 特应性皮炎
AB  - 湿包疗法是特应性皮炎的一种辅助治疗方法，本共识总结其临床应用。
LA  - chi
ER  - 

"""
ALONE = """TY  - JOUR
TI  - 高原地区儿童哮喘的流行病学调查
AU  - 单志刚
AU  - 欧阳修
PY  - 2019
JO  - 中华儿科杂志
VL  - 57
SP  - 10
EP  - 15
LA  - chi
ER  - 
"""
EN = """TY  - JOUR
TI  - Deep learning-based segmentation of spinal metastases on CT images
AU  - Zhang, Kejia
AU  - Li, Minghua
AU  - Wang, Jianguo
PY  - 2021
JO  - Chinese Journal of Orthopaedics
VL  - 41
IS  - 3
SP  - 150
EP  - 156
LA  - eng
ER  - 

TY  - JOUR
TI  - Expert consensus on clinical application of wet-wrap therapy for atopic dermatitis
AU  - {Environmental and Occupational Skin Disease Research Group, Committee on Dermatology, Chinese Association of Integrative Medicine}
AU  - {Group on Children, Chinese Society of Dermatology}
PY  - 2022
JO  - Chinese Journal of Dermatology
VL  - 55
IS  - 4
SP  - 289
EP  - 294
DO  - 10.35541/cjd.20210823
LA  - eng
ER  - 

"""
# The English version lists four authors, one of them by an initial (Li M) and one not in
# the Chinese list: only the names that meet in pinyin are paired.
EN_MORE = EN.replace("AU  - Li, Minghua\nAU  - Wang, Jianguo\n", "AU  - Wang, Jianguo\nAU  - Li, M\nAU  - Smith, John\n")


def ingest_and_merge(tmp_path, en: str = EN):
    zh_file, en_file, alone, idx = tmp_path / "zh.ris", tmp_path / "en.ris", tmp_path / "alone.ris", tmp_path / "idx"
    zh_file.write_text(ZH, encoding="utf-8")
    en_file.write_text(en, encoding="utf-8")
    alone.write_text(ALONE, encoding="utf-8")
    result = run_cli("ingest", "-q", str(zh_file), str(en_file), str(alone), "--index", str(idx))
    assert result.returncode == 0, result.stderr
    result = run_cli("dedup", "--apply", "--all", "--index", str(idx))
    assert result.returncode == 0, result.stderr
    return idx


def shown(idx) -> dict[str, dict]:
    """The records search and export show, by their Chinese or English title."""
    with Store(idx) as store:
        return {next(iter(r["title"].values()))[:8]: r for r in store}


def export(idx, fmt: str, query: str, *options: str) -> str:
    result = run_cli("export", "-f", fmt, "-q", query, *options, "--index", str(idx))
    assert result.returncode == 0, result.stderr
    return result.stdout


def hits(idx, query: str) -> int:
    result = run_cli("search", query, "--json", "--index", str(idx))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["total"]


def test_a_merged_pair_keeps_the_english_names_as_alt(tmp_path, validate):
    idx = ingest_and_merge(tmp_path)
    records = shown(idx)
    assert len(records) == 3   # two pairs merged, one record alone
    spine, consensus = records["基于深度学习的脊"], records["特应性皮炎湿包疗"]
    assert spine["language"] == "zh" and "en" in spine["title"]   # the Chinese master, completed
    english_id = next(s["id"] for s in spine["merged"]["sources"] if s["path"].endswith("en.ris"))
    assert spine["merged"]["provenance"]["authors.alt"] == english_id
    assert [(a["literal"], a["alt"]) for a in spine["authors"]] == [
        ("张可佳", {"family": "Zhang", "given": "Kejia", "lang": "en"}),
        ("李明华", {"family": "Li", "given": "Minghua", "lang": "en"}),
        ("王建国", {"family": "Wang", "given": "Jianguo", "lang": "en"})]
    # organisations: by position, as both list two
    assert [a["alt"] for a in consensus["authors"]] == [
        {"literal": "Environmental and Occupational Skin Disease Research Group, Committee on Dermatology, "
                    "Chinese Association of Integrative Medicine", "lang": "en"},
        {"literal": "Group on Children, Chinese Society of Dermatology", "lang": "en"}]
    assert not any("alt" in a for a in records["高原地区儿童哮喘"]["authors"])
    for rec in records.values():
        validate(rec)
    for line in run_cli("export", "-f", "jsonl", "--index", str(idx)).stdout.splitlines():
        validate(json.loads(line))


def test_author_search_finds_the_merged_record_by_its_english_names(tmp_path):
    idx = ingest_and_merge(tmp_path)
    assert hits(idx, "author:Dermatology") == 1
    assert hits(idx, "author:Children") == 1
    assert hits(idx, 'author:"Zhang Kejia"') == 1
    assert hits(idx, "author:Kejia") == 1
    # a phrase, checked against the stored record's names (both languages)
    assert hits(idx, 'author:"Chinese Society of Dermatology"') == 1
    assert hits(idx, 'author:"Group on Children"') == 1


def test_exports_in_english_write_the_english_names(tmp_path):
    idx = ingest_and_merge(tmp_path)
    gbt = export(idx, "gbt7714", "湿包疗法", "--lang", "en")
    assert gbt.startswith("[1] Environmental and Occupational Skin Disease Research Group, Committee on "
                          "Dermatology, Chinese Association of Integrative Medicine, Group on Children, Chinese "
                          "Society of Dermatology. Expert consensus on clinical application of wet-wrap therapy")
    both = export(idx, "gbt7714", "湿包疗法", "--lang", "both").splitlines()
    assert both[0].startswith("[1] 中国中西医结合学会皮肤性病专业委员会环境与职业性皮肤病学组, "
                              "中华医学会皮肤性病学分会儿童学组. 特应性皮炎")
    assert both[1].strip().startswith("Environmental and Occupational")
    vancouver = export(idx, "vancouver", "湿包疗法")
    assert vancouver.startswith("1. Environmental and Occupational Skin Disease Research Group, Committee on "
                                "Dermatology, Chinese Association of Integrative Medicine, Group on Children, "
                                "Chinese Society of Dermatology. [Expert consensus")
    # persons: in pinyin, as GB/T 28039 writes a Chinese name (not the English version's initials)
    assert export(idx, "gbt7714", "脊柱转移瘤", "--lang", "en").startswith("[1] ZHANG Kejia, LI Minghua, WANG Jianguo. Deep")
    assert export(idx, "vancouver", "脊柱转移瘤").startswith("1. Zhang K, Li M, Wang J. [Deep learning")
    assert export(idx, "gbt7714", "脊柱转移瘤", "--lang", "zh").startswith("[1] 张可佳, 李明华, 王建国. 基于深度学习")


def test_a_record_without_alt_exports_as_before(tmp_path):
    idx = ingest_and_merge(tmp_path)
    alone = tmp_path / "alone.ris"
    for fmt, options in (("gbt7714", ("--lang", "en")), ("gbt7714", ()), ("vancouver", ()), ("ris", ()),
                         ("bibtex", ())):
        from_file = run_cli("export", "-f", fmt, *options, "--from", str(alone))
        assert from_file.returncode == 0, from_file.stderr
        assert export(idx, fmt, "高原地区", *options) == from_file.stdout
    assert export(idx, "vancouver", "高原地区").startswith("1. Shan Z, Ouyang X. ")   # pinyin, as before


def test_unequal_lists_pair_only_the_names_that_meet_in_pinyin(tmp_path):
    idx = ingest_and_merge(tmp_path, EN_MORE)
    spine = shown(idx)["基于深度学习的脊"]
    assert [(a["literal"], a.get("alt")) for a in spine["authors"]] == [
        ("张可佳", {"family": "Zhang", "given": "Kejia", "lang": "en"}),
        ("李明华", None),     # "Li, M" is no pinyin of 李明华 to go by
        ("王建国", {"family": "Wang", "given": "Jianguo", "lang": "en"})]
    # the GB/T English line: Chinese persons in pinyin, paired or not
    assert export(idx, "gbt7714", "脊柱转移瘤", "--lang", "en").startswith("[1] ZHANG Kejia, LI Minghua, WANG Jianguo. Deep")


def test_undo_restores_the_records_as_ingested(tmp_path):
    idx = ingest_and_merge(tmp_path)
    with Store(idx) as store:
        ingested = {r["id"]: r for r in store.all_records()}
    assert run_cli("dedup", "--undo", "--index", str(idx)).returncode == 0
    with Store(idx) as store:
        assert {r["id"]: r for r in store} == ingested
    assert not any("alt" in a for r in ingested.values() for a in r["authors"])
    assert hits(idx, "author:Kejia") == 1   # the English record, shown again
