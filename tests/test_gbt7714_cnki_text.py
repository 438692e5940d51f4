"""GB/T 7714 references as CNKI writes them out as text: its cite box (引用) with no space
after any punctuation, English names included ("Zelle R M,Harrison J C,et al.Anaplerotic
role …"), and its 查新（引文格式） export, where each reference is followed by its abstract
(``摘要:``).  The references are written here in CNKI's patterns; the standard's own
examples (../shared) are exported, their spaces taken out as CNKI leaves them out, and read
back."""
from __future__ import annotations

import re

from conftest import needs_shared, records_of
from indexer.export.gbt7714 import reference

# as CNKI's cite box gives them (lines 2 and 4), and the same written with spaces (1 and 3)
CITE_BOX = """[1] ZELLE R M, HARRISON J C, PRONK J T, et al. Anaplerotic role for cytosolic malic enzyme in engineered Saccharomyces cerevisiae strains[J]. Applied and Environmental Microbiology, 2011, 77(3): 732-738.
[2]Zelle R M,Harrison J C,Pronk J T,et al.Anaplerotic role for cytosolic malic enzyme in engineered Saccharomyces cerevisiae strains[J].Applied and Environmental Microbiology,2011,77(3):732-738.
[3]Smith J, Doe A. A short title[J]. Nature, 2020, 580(7803): 1-5.
[4]Smith J,Doe A.A short title[J].Nature,2020,580(7803):1-5.
[5]Koffie R M,Hyman B T,Spires-Jones T L.Alzheimer's disease:synapses gone cold[J].Mol Neurodegener,2011,6(1):63.
[6]Lin H,Okafor C N,2021.Soil moisture retrieval from radar backscatter[J].Remote Sensing Letters,12(4):301-310.
"""

# 查新（引文格式）: the abstract on the line after its reference
CHAXIN = """[1]薛婉钰,刘娜,苑鑫,张婷婷,曹云娥,陈书霞.黄瓜胚性愈伤组织的诱导保存和再生[J].西北农林科技大学学报(自然科学版),2024,52(07):1-7.
摘要:【目的】对黄瓜胚性愈伤组织的诱导保存和再生进行研究,为黄瓜高频率遗传转化奠定基础。【方法】以欧洲温室型黄瓜自交系14-1子叶节为外植体。【结论】可在MS+60 g/L蔗糖的培养基上保存达60 d。

[2]辛宁,陈建康,陈艳,杨洁.多芯片联合分析2型糖尿病发病相关基因及其与阿尔茨海默病的关系[J].中国医科大学学报,2020,49(12):1106-1111+1117.
摘要:目的 筛选2型糖尿病发病相关基因。方法 下载芯片数据。结果 共筛选出差异基因2个。结论 胰岛炎症反应相关。
"""


def _read(tmp_path, text: str) -> list[dict]:
    path = tmp_path / "cnki.txt"
    path.write_text(text, encoding="utf-8")
    return records_of(path)


def _names(rec: dict) -> list[tuple[str, str]]:
    return [(a.get("family") or a.get("literal"), a.get("given", "")) for a in rec["authors"]]


def test_english_names_end_at_a_full_stop_without_a_space(tmp_path):
    r = _read(tmp_path, CITE_BOX)
    assert len(r) == 6
    for spaced, squeezed in ((r[0], r[1]), (r[2], r[3])):        # read as the same with spaces
        assert (_names(squeezed), squeezed["title"]) == (_names(spaced), spaced["title"])
    assert _names(r[1]) == [("Zelle", "R M"), ("Harrison", "J C"), ("Pronk", "J T")]
    assert r[1]["extra"]["authors_truncated"] is True              # et al.
    assert r[1]["title"] == {"en": "Anaplerotic role for cytosolic malic enzyme in engineered "
                                   "Saccharomyces cerevisiae strains"}
    assert (_names(r[3]), r[3]["title"]) == ([("Smith", "J"), ("Doe", "A")], {"en": "A short title"})
    # a title's first word with an apostrophe; the author-year system's year after the names
    assert _names(r[4])[0] == ("Koffie", "R M") and r[4]["title"]["en"].startswith("Alzheimer's disease")
    assert (_names(r[5]), r[5]["year"], r[5]["title"]) == \
        ([("Lin", "H"), ("Okafor", "C N")], 2021, {"en": "Soil moisture retrieval from radar backscatter"})


def test_dotted_initials_organisations_and_abbreviations_are_no_end_of_names(tmp_path):
    r = _read(tmp_path, "[1]PARK J.,LEE S.-H.Tidal mixing in estuaries[J].Estuary Letters,2020,5(3):1-9.\n"
                        "[2]SMITH J.A.,BROWN A.B.Rivers of the plains[J].Water,2012,4(1):1-9.\n"
                        "[3]U.S.Geological Survey.Groundwater levels in the High Plains aquifer[R].Reston:USGS,2015.\n"
                        "[4]DUPONT J.Ph.,MARTIN A.Les rivières[J].Eaux,2001,3(2):5-9.\n"
                        "[5]SMITH J A.A Study of rivers[J].Water,2012,4(1):1-9.\n")
    assert (_names(r[0]), r[0]["title"]) == ([("Park", "J"), ("Lee", "S-H")], {"en": "Tidal mixing in estuaries"})
    assert (_names(r[1]), r[1]["title"]) == ([("Smith", "J A"), ("Brown", "A B")], {"en": "Rivers of the plains"})
    # no Western name before the "." (an organisation, initials with a dot): no names cut off
    assert r[2]["authors"] == [] and r[2]["title"]["en"].replace(" ", "").startswith("U.S.GeologicalSurvey.")
    assert ("Dupont", "J") not in _names(r[3])
    # a title's first word of one letter, after initials without dots
    assert (_names(r[4]), r[4]["title"]) == ([("Smith", "J A")], {"en": "A Study of rivers"})


def test_the_standards_examples_without_spaces_read_back_with_their_names(tmp_path):
    # The standard's examples written as a GB/T 7714 list, then with every space after a
    # punctuation mark taken out, as CNKI's cite box writes: read, each reference's names
    # are the names read from the list with spaces, or none (an organisation, a "Jr"); a
    # list of Western names is never cut at a wrong "." (before this fix, 92 of 141 were).
    path = needs_shared("corpus", "citations", "gbt7714-data.json")
    lines = [f"[{n}] {reference(rec)}" for n, rec in enumerate(records_of(path), 1)]
    spaced, squeezed = tmp_path / "spaced.txt", tmp_path / "squeezed.txt"
    spaced.write_text("\n".join(lines) + "\n", encoding="utf-8")
    squeezed.write_text("\n".join(re.sub(r"([.,:;]) +", r"\1", line) for line in lines) + "\n", encoding="utf-8")
    with_spaces, without = records_of(spaced), records_of(squeezed)
    assert len(with_spaces) == len(without) == len(lines) == 141
    same = [a["authors"] == b["authors"] for a, b in zip(with_spaces, without)]
    assert all(same_names or not b["authors"] for same_names, b in zip(same, without))
    assert sum(same) >= 120


def test_chaxin_export_abstract_after_its_reference(tmp_path):
    r = _read(tmp_path, CHAXIN)
    assert len(r) == 2
    first = r[0]
    assert first["extra"]["reference"] == ("薛婉钰,刘娜,苑鑫,张婷婷,曹云娥,陈书霞.黄瓜胚性愈伤组织的诱导保存和再生[J]."
                                           "西北农林科技大学学报(自然科学版),2024,52(07):1-7.")
    assert first["abstract"]["zh"].startswith("【目的】对黄瓜胚性愈伤组织的诱导保存和再生进行研究")
    assert first["abstract"]["zh"].endswith("保存达60 d。")
    assert [s["label"] for s in first["sections"]["zh"]] == ["OBJECTIVE", "METHODS", "CONCLUSION"]
    assert (first["journal"], first["pages"], first["volume"], first["issue"]) == \
        ({"zh": "西北农林科技大学学报(自然科学版)"}, "1-7", "52", "7")
    assert r[1]["pages"] == "1106-1111, 1117"   # as every export writes a range in parts
    assert r[1]["abstract"]["zh"] == "目的 筛选2型糖尿病发病相关基因。方法 下载芯片数据。结果 共筛选出差异基因2个。结论 胰岛炎症反应相关。"


def test_abstract_and_keywords_on_the_same_line_after_a_blank_line_or_without_numbers(tmp_path):
    r = _read(tmp_path, "[1]吴亮.高职院校水产市场营销课程思政建设探索[J].黑龙江水产,2025,44(5):668-673.摘要:全面推进课程思政建设。\n"
                        "[2]陈丽叶,王慧婷.海岛乡村振兴路径研究[J].农业技术,2025(2):42-46.\n"
                        "\n"
                        "摘要：以福建省福清市沙埔镇为研究对象。\n"
                        "关键词：乡村振兴;海岛\n"
                        "[3]Smith J,Doe A.A short title[J].Nature,2020,580(7803):1-5.\n"
                        "Abstract: Rivers carry water.\n")
    assert len(r) == 3
    assert (r[0]["pages"], r[0]["abstract"]) == ("668-673", {"zh": "全面推进课程思政建设。"})
    assert r[0]["extra"]["reference"].endswith("44(5):668-673.")
    assert (r[1]["abstract"], r[1]["keywords"]) == ({"zh": "以福建省福清市沙埔镇为研究对象。"}, {"zh": ["乡村振兴", "海岛"]})
    assert (r[2]["pages"], r[2]["abstract"]) == ("1-5", {"en": "Rivers carry water."})
    unnumbered = _read(tmp_path, "吴亮.高职院校水产市场营销课程思政建设探索[J].黑龙江水产,2025,44(5):668-673.\n"
                                 "摘要:全面推进课程思政建设。\n"
                                 "陈丽叶,王慧婷.海岛乡村振兴路径研究[J].农业技术,2025(2):42-46.\n")
    assert [(rec["title"]["zh"], rec["abstract"]) for rec in unnumbered] == \
        [("高职院校水产市场营销课程思政建设探索", {"zh": "全面推进课程思政建设。"}), ("海岛乡村振兴路径研究", {})]


def test_a_title_or_host_with_the_word_abstract_is_no_abstract(tmp_path):
    r = _read(tmp_path, "[1]王建国.摘要写作的要点[J].编辑学报,2020,32(1):1-5.\n"
                        "[2]HALE T.Coastal dunes[C]//Abstracts of the Coastal Symposium.Halifax:Dalhousie Press,2019:41-58.\n")
    assert (r[0]["title"], r[0]["abstract"]) == ({"zh": "摘要写作的要点"}, {})
    assert (r[1]["abstract"], r[1]["journal"]) == ({}, {"en": "Abstracts of the Coastal Symposium"})


def test_a_chaxin_export_is_told_without_format_and_its_keywords_may_come_first(tmp_path):
    # two references each with its notes: CNKI's 查新 export, not one scraped page holding two papers
    path = tmp_path / "chaxin.txt"
    path.write_text("[1]王建国,李明.基于深度学习的图像识别研究[J].计算机学报,2020,43(5):890-905.\n"
                    "摘要:图像识别是计算机视觉的核心问题。\n关键词:深度学习;图像识别\n\n"
                    "[2]张三.糖尿病患者管理研究[D].北京:北京大学,2019.\n关键词：糖尿病；管理\n摘要：目的 探讨糖尿病管理。\n",
                    encoding="utf-8")
    first, second = records_of(path)
    assert {first["source"]["format"], second["source"]["format"]} == {"gbt7714"}
    assert first["abstract"] == {"zh": "图像识别是计算机视觉的核心问题。"} and first["year"] == 2020
    assert second["keywords"] == {"zh": ["糖尿病", "管理"]} and second["abstract"] == {"zh": "目的 探讨糖尿病管理。"}
