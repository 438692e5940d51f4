"""Known funders by the names records and readers write for them: spellings normalised with
their Crossref ids, a provincial foundation's Chinese name, and the aliases ``funder:`` takes
(cases a QA pass on funding found)."""
from __future__ import annotations

import json

import pytest

from conftest import cleaned, run_cli
from indexer.fields.funders import chinese_name, normalise_funder, search_names
from indexer.fields.funding import funding_entry

NSFC = ("National Natural Science Foundation of China", "10.13039/501100001809")
KEY_RD = ("National Key Research and Development Program of China", "10.13039/501100012166")
JIANGSU = ("Natural Science Foundation of Jiangsu Province", "10.13039/501100004608")


@pytest.mark.parametrize("written, funder", [
    # the country after a provincial foundation's name, as Web of Science and CNKI's English write it
    ("Natural Science Foundation of Jiangsu Province, China", JIANGSU),
    ("Natural Science Foundation of Shandong Province, China",
     ("Natural Science Foundation of Shandong Province", "10.13039/501100007129")),
    ("Natural Science Foundation of Hunan Province, China",
     ("Natural Science Foundation of Hunan Province", "10.13039/501100004735")),
    ("Natural Science Foundation of Guangdong Province, P. R. China",
     ("Natural Science Foundation of Guangdong Province", "10.13039/501100003453")),
    ("National Key Research & Development Program of China", KEY_RD),
    ("National Key R and D Program of China", KEY_RD),
    ("Chinese National Natural Science Foundation", NSFC),
    ("China National Natural Science Foundation", NSFC),
    ("国家自然基金", NSFC),
])
def test_common_spellings_are_normalised(written, funder):
    assert normalise_funder(written) == funder


@pytest.mark.parametrize("written, funder", [
    # a province's foundation is not the national one, whatever follows its name
    ("Natural Science Foundation of Jiangsu Province, China", JIANGSU),
    ("Zhejiang Provincial Natural Science Foundation of China",
     ("Natural Science Foundation of Zhejiang Province", "10.13039/501100004731")),
    # "Natural Science Foundation of China" alone is NSFC (the rule before)
    ("Natural Science Foundation of China", NSFC),
    # not a province: kept as written
    ("Natural Science Foundation of Jiangsu Higher Education Institutions of China",
     ("Natural Science Foundation of Jiangsu Higher Education Institutions of China", None)),
    ("Natural Science Foundation of China, China", ("Natural Science Foundation of China, China", None)),
])
def test_no_funder_is_normalised_to_another(written, funder):
    assert normalise_funder(written) == funder


NIHR = ("National Institute for Health and Care Research", "10.13039/501100000272")


@pytest.mark.parametrize("written, funder", [
    # the UK's NIHR, by its acronym, its name since 2022 and its name before, its programmes and
    # centres; not the NIH
    ("NIHR", NIHR), ("National Institute for Health Research", NIHR), ("National Institute for Health and Care Research", NIHR),
    ("NIHR Biomedical Research Centre", NIHR),
    ("UK National Institute for Health Research Health Technology Assessment Programme", NIHR),
    ("NIH", ("National Institutes of Health", "10.13039/100000002")),
])
def test_the_nihr_is_one_funder_by_its_names(written, funder):
    assert normalise_funder(written) == funder


def test_a_record_of_the_nihr_by_either_name_has_one_funder(tmp_path):
    ris = tmp_path / "records.ris"
    ris.write_text("TY  - JOUR\nTI  - One\nAB  - We studied things. This study was funded by the NIHR Health "
                   "Technology Assessment Programme (NIHR200123).\nER  - \n\nTY  - JOUR\nTI  - Two\nAB  - We studied "
                   "things. This work was supported by the National Institute for Health Research (RP-PG-0610-10001)."
                   "\nER  - \n", encoding="utf-8")
    assert [[(f["funder"], f["funder_id"], f["award"]) for f in r["funding"]] for r in cleaned(ris)] == [
        [(*NIHR, "NIHR200123")], [(*NIHR, "RP-PG-0610-10001")]]


def test_a_page_with_these_spellings_is_cleaned_with_funder_ids(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("测试\n摘要: 疗效确切。\n"
                    "Fund:Natural Science Foundation of Jiangsu Province, China (BK20191138); National Key "
                    "Research & Development Program of China (2018YFC1313200); Chinese National Natural Science "
                    "Foundation (81672345)\n关键词: 测试\n", encoding="utf-8")
    [record] = cleaned(page)
    assert [(f["funder"], f["funder_id"], f["award"]) for f in record["funding"]] == [
        (*JIANGSU, "BK20191138"), (*KEY_RD, "2018YFC1313200"), (*NSFC, "81672345")]


@pytest.mark.parametrize("name, zh", [
    ("Natural Science Foundation of Zhejiang Province", "浙江省自然科学基金"),
    ("Natural Science Foundation of Jiangsu Province", "江苏省自然科学基金"),
    ("Natural Science Foundation of Heilongjiang Province", "黑龙江省自然科学基金"),
    ("Beijing Natural Science Foundation", "北京市自然科学基金"),
    ("Natural Science Foundation of Chongqing", "重庆市自然科学基金"),
    # written both long and short (广西自然科学基金): none rather than one that finds half
    ("Natural Science Foundation of Guangxi Zhuang Autonomous Region", None),
])
def test_a_provincial_foundation_has_its_chinese_name(name, zh):
    assert chinese_name(name) == zh
    if zh:   # the name a record writes is normalised to the foundation it names
        assert normalise_funder(zh)[0] == name


def index_of(tmp_path, records) -> str:
    """An index (made by ``cli.py ingest``) of RIS records (title, language, abstract)."""
    ris, idx = tmp_path / "records.ris", tmp_path / "idx"
    ris.write_text("".join(f"TY  - JOUR\nTI  - {title}\nLA  - {lang}\nAB  - {abstract}\nER  - \n\n"
                           for title, lang, abstract in records), encoding="utf-8")
    assert run_cli("ingest", "-q", str(ris), "--index", str(idx)).returncode == 0
    return str(idx)


def titles_found(idx: str, query: str) -> list[str]:
    result = run_cli("search", "--json", query, "--index", idx)
    assert result.returncode == 0, result.stderr
    return sorted(h["title"].get("en") or h["title"]["zh"] for h in json.loads(result.stdout)["hits"])


def test_funder_query_in_chinese_finds_a_provincial_foundation_written_in_english(tmp_path):
    idx = index_of(tmp_path, (
        ("Tea polyphenols in rats", "eng", "We study tea. Funding: This work was supported by the "
         "Natural Science Foundation of Zhejiang Province (LY19H160001)."),
        ("Rice blast resistance", "eng", "We study rice. Funding: This work was supported by the "
         "Zhejiang Provincial Natural Science Foundation of China (LQ20C130004)."),
        ("茶多酚的研究", "chi", "研究茶多酚。基金项目：浙江省自然科学基金(LY18H160002)"),
        ("Wheat in Jiangsu", "eng", "We study wheat. Funding: This work was supported by the "
         "Natural Science Foundation of Jiangsu Province (BK20191138).")))
    assert titles_found(idx, "funder:浙江省自然科学基金") == ["Rice blast resistance", "Tea polyphenols in rats", "茶多酚的研究"]


@pytest.mark.parametrize("name, aliases", [
    ("National Natural Science Foundation of China", ("国家自然科学基金", "NSFC", "国家自然基金")),
    ("National Key Research and Development Program of China", ("国家重点研发计划", "National Key R&D Program of China")),
    ("National Cancer Institute", ("NCI",)),
    ("Natural Science Foundation of Zhejiang Province",
     ("浙江省自然科学基金", "Zhejiang Provincial Natural Science Foundation")),
    ("National Institute for Health and Care Research", ("NIHR", "National Institute for Health Research")),
    ("Some Private Trust", ()),
])
def test_a_known_funder_is_searched_by_its_aliases(name, aliases):
    assert search_names(name) == aliases
    for alias in aliases:   # each alias names the same funder
        assert normalise_funder(alias)[0] == name


def test_funder_query_by_an_alias_finds_every_record_of_the_funder(tmp_path):
    # funder:NSFC, funder:国家自然基金 find what the records write as the foundation's name, in either
    # language; a query without the prefix only what a record writes
    idx = index_of(tmp_path, (
        ("Soil moisture", "eng", "We study soil. Funding: This work was supported by the National Natural "
         "Science Foundation of China (41871001)."),
        ("干旱区土壤", "chi", "研究土壤。基金项目：国家自然科学基金(41871002)"),
        ("Rice", "eng", "We study rice. Funding: This work was supported by the National Key Research "
         "and Development Program of China (2018YFC1313200).")))
    for query, titles in (("funder:NSFC", ["Soil moisture", "干旱区土壤"]), ("funder:国家自然基金", ["Soil moisture", "干旱区土壤"]),
                          ('funder:"National Key R&D Program"', ["Rice"]), ("NSFC", [])):
        assert titles_found(idx, query) == titles, query


def test_funder_query_by_any_name_the_funder_is_known_by(tmp_path):
    # funder:国家自然科学基金委员会 had found only the records that write 委员会, and an English name
    # other than the canonical one only the records that write it so
    idx = index_of(tmp_path, (
        ("Soil moisture", "eng", "We study soil. Funding: This work was supported by the National Natural "
         "Science Foundation of China (41871001)."),
        ("干旱区土壤", "chi", "研究土壤。基金项目：国家自然科学基金(41871002)"),
        ("Rice", "eng", "We study rice. Funding: This work was supported by the Natural Science "
         "Foundation of Zhejiang Province (LY19H160001)."),
        ("Abroad", "eng", "We study abroad. Funding: This work was supported by the China Scholarship "
         "Council (201906010001).")))
    for query, titles in (("funder:国家自然科学基金委员会", ["Soil moisture", "干旱区土壤"]),
                          ('funder:"Chinese National Natural Science Foundation"', ["Soil moisture", "干旱区土壤"]),
                          ('funder:"Zhejiang Provincial Natural Science Foundation of China"', ["Rice"]),
                          ("funder:国家留学基金委", ["Abroad"]), ("funder:国家留学基金管理委员会", ["Abroad"]),
                          ("funder:委员会", [])):
        assert titles_found(idx, query) == titles, query


def test_an_nih_grant_typed_without_its_spaces(tmp_path):
    idx = index_of(tmp_path, (
        ("Tumour cells", "eng", "We study cells. Funding: This work was supported by the National Cancer "
         "Institute (R01 CA123456)."),
        ("Other cells", "eng", "We study cells. Funding: This work was supported by the National Cancer "
         "Institute (R01 CA654321).")))
    for query in ("award:R01CA123456", 'award:"R01 CA123456"', "award:CA123456"):
        assert titles_found(idx, query) == ["Tumour cells"], query


CAS_PRIORITY = ("Strategic Priority Research Program of the Chinese Academy of Sciences", None)
CSC = ("China Scholarship Council", None)
GUANGDONG_BASIC = ("Guangdong Basic and Applied Basic Research Foundation", None)


@pytest.mark.parametrize("written, funder", [
    # short forms of the national foundation and programme (fourth QA pass)
    ("National Natural Science Foundation", NSFC),
    ("National Science Foundation of China", NSFC),
    ("the National Key Research and Development Project", KEY_RD),
    ("National Key R&D Project of China", KEY_RD),
    # funders Chinese papers often name, in both languages (ids not confirmed: none)
    ("中国科学院战略性先导科技专项(B类)", CAS_PRIORITY),
    ("Strategic Priority Research Program of the Chinese Academy of Sciences", CAS_PRIORITY),
    ("国家留学基金委", CSC), ("国家留学基金管理委员会", CSC), ("China Scholarship Council", CSC),
    ("广东省基础与应用基础研究基金", GUANGDONG_BASIC), ("Guangdong Basic and Applied Basic Research Foundation", GUANGDONG_BASIC),
    # the US foundation and Guangdong's natural science foundation stay themselves
    ("National Science Foundation", ("National Science Foundation", None)),
    ("广东省自然科学基金", ("Natural Science Foundation of Guangdong Province", "10.13039/501100003453")),
])
def test_short_forms_and_common_chinese_funders_are_known(written, funder):
    assert normalise_funder(written) == funder


def test_a_common_chinese_funder_has_its_chinese_name():
    assert chinese_name("China Scholarship Council") == "国家留学基金"
    assert chinese_name("Guangdong Basic and Applied Basic Research Foundation") == "广东省基础与应用基础研究基金"


# The NIH institutes a grant's number names have their Crossref funder ids, as the institute's
# ROR record gives its FundRef id (NICHD, NEI, NIAAA, NIAMS, NIDCR, NIDCD) or a JATS funding
# group names it (NIEHS); by acronym, by name and by the grant's letters.
@pytest.mark.parametrize("acronym, letters, funder", [
    ("NICHD", "HD", ("Eunice Kennedy Shriver National Institute of Child Health and Human Development", "10.13039/100000071")),
    ("NIEHS", "ES", ("National Institute of Environmental Health Sciences", "10.13039/100000066")),
    ("NEI", "EY", ("National Eye Institute", "10.13039/100000053")),
    ("NIAAA", "AA", ("National Institute on Alcohol Abuse and Alcoholism", "10.13039/100000027")),
    ("NIAMS", "AR", ("National Institute of Arthritis and Musculoskeletal and Skin Diseases", "10.13039/100000069")),
    ("NIDCR", "DE", ("National Institute of Dental and Craniofacial Research", "10.13039/100000072")),
    ("NIDCD", "DC", ("National Institute on Deafness and Other Communication Disorders", "10.13039/100000055")),
])
def test_an_nih_institute_has_its_registry_id(acronym, letters, funder):
    assert normalise_funder(acronym) == funder
    assert normalise_funder(funder[0]) == funder
    entry = funding_entry("", f"R01 {letters}012345")
    assert (entry["funder"], entry["funder_id"]) == funder
