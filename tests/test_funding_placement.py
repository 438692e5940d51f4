"""Where funding is found and set apart from the other fields: a funding line glued to the
keywords, to a page's toggle, an acknowledgement, one funder a line, a bilingual list, the
funding tags of RIS and Web of Science (cases a QA pass on funding found)."""
from __future__ import annotations

import pytest

from conftest import page_record, records_of

NSFC = "National Natural Science Foundation of China"


def funding(record: dict) -> list[tuple]:
    return [(f["funder"], f["award"]) for f in record["funding"]]


# 1. A funding label glued to the keyword line (a copy lost the line between them).
@pytest.mark.parametrize("lines, keywords", [
    (["关键词：脊柱转移；预后基金项目：国家自然科学基金(81702662)"], {"zh": ["脊柱转移", "预后"]}),
    (["关键词：脊柱转移；预后；基金项目：国家自然科学基金(81702662)"], {"zh": ["脊柱转移", "预后"]}),
    (["关键词：脊柱转移；预后", "Keywords: spinal metastasis; prognosis Fund: National Natural Science "
      "Foundation of China (81702662)"], {"zh": ["脊柱转移", "预后"], "en": ["spinal metastasis", "prognosis"]}),
])
def test_funding_glued_to_the_keywords_is_funding(tmp_path, lines, keywords):
    record = page_record(tmp_path, "\n".join(["某研究", "作者: 张三", "摘要：本文研究了X的机理。", *lines]) + "\n")
    assert record["keywords"] == keywords
    assert funding(record) == [(NSFC, "81702662")]


def test_a_keyword_naming_a_fund_stays_a_keyword(tmp_path):
    record = page_record(tmp_path, "某研究\n作者: 张三\n摘要：本文研究了X的机理。\n关键词：社会保障基金；养老基金\n")
    assert record["keywords"] == {"zh": ["社会保障基金", "养老基金"]}
    assert record["funding"] == []


# 2. The funding line glued after a preview's toggle: neither stays in the abstract.
@pytest.mark.parametrize("toggle, label", [("展开更多", "基金："), ("查看全部>>", "基金项目："), ("收起", "Fund: ")])
def test_funding_glued_after_the_toggle_is_funding(tmp_path, toggle, label):
    record = page_record(tmp_path, "Spinal metastases\n文摘BACKGROUND Spinal metastases are common. "
                         f"CONCLUSION A comprehensive assessment is essential.{toggle}{label}"
                         "National Natural Science Foundation of China,No.81702662.\n")
    assert record["abstract"] == {"en": "BACKGROUND Spinal metastases are common. "
                                        "CONCLUSION A comprehensive assessment is essential."}
    assert record["sections"]["en"][-1]["text"] == "A comprehensive assessment is essential."
    assert funding(record) == [(NSFC, "81702662")]


def test_a_label_glued_after_a_toggle_is_its_own_field(tmp_path):
    record = page_record(tmp_path, "某研究\n摘要：本文研究了X的机理。展开更多关键词：X；Y\n")
    assert record["abstract"] == {"zh": "本文研究了X的机理。"}
    assert record["keywords"] == {"en": ["X", "Y"]}


# 4. One funder a line under an empty funding label: each is funding.
def test_one_funder_a_line_is_the_funding_list(tmp_path):
    record = page_record(tmp_path, "某研究\n作者: 张三\n摘要：本文研究了X的机理。\n关键词：X；Y\n基金：\n"
                         "国家自然科学基金(81702662)\n北京市自然科学基金(7192001)\n作者单位：北京大学\n")
    assert funding(record) == [(NSFC, "81702662"), ("Beijing Natural Science Foundation", "7192001")]
    assert "unlabelled" not in record["extra"] and record["issues"] == []


# 5. A grant in a bilingual funding list is one entry, both its names kept.
@pytest.mark.parametrize("first, second", [(0, 1), (1, 0)])
def test_a_grant_named_in_two_languages_is_one_entry(tmp_path, first, second):
    lines = ["基金项目：国家自然科学基金(81702662)；教育部人文社会科学研究青年基金项目(19YJC880001)",
             "Foundation item: National Natural Science Foundation of China (81702662); Youth Foundation of "
             "Humanities and Social Sciences of Ministry of Education (19YJC880001)"]
    record = page_record(tmp_path, "\n".join(["某研究", "作者: 张三", "摘要：本文研究了X的机理。", "关键词：X；Y",
                                              lines[first], lines[second]]) + "\n")
    youth = "Youth Foundation of Humanities and Social Sciences of Ministry of Education"
    assert funding(record) == [(NSFC, "81702662"), (youth, "19YJC880001")]
    assert record["funding"][1]["funder_original"] == "教育部人文社会科学研究青年基金项目"


def test_two_funders_of_one_number_in_one_language_stay_two(tmp_path):
    record = page_record(tmp_path, "某研究\n作者: 张三\n摘要：本文研究了X的机理。\n"
                         "基金项目：江苏省自然科学基金(20190001)；浙江省自然科学基金(20190001)\n")
    assert [f["award"] for f in record["funding"]] == ["20190001", "20190001"]


# 6. The funding tags: RIS's FU (Web of Science's tag, some tools write it), and Web of
# Science's FX where FU gives no grant number.
def test_a_ris_fu_tag_is_funding(tmp_path):
    path = tmp_path / "a.ris"
    path.write_text("TY  - JOUR\nTI  - Second paper\nAU  - Wang, Wu\nPY  - 2021\nFU  - National Natural Science "
                    "Foundation of China (81702662); National Institutes of Health (R01 CA123456)\nER  - \n",
                    encoding="utf-8")
    (record,) = records_of(path)
    assert funding(record) == [(NSFC, "81702662"), ("National Cancer Institute", "R01 CA123456")]
    assert "tags" not in record["extra"]


def wos(tmp_path, *fields: str) -> list[dict]:
    path = tmp_path / "savedrecs.txt"
    path.write_text("FN Clarivate Analytics Web of Science\nVR 1.0\n" + "".join(
        f"PT J\nAU Zhang, S\nTI Paper {i}\nSO CANCER\n{field}\nPY 2021\nUT WOS:00012345670000{i}\nER\n\n"
        for i, field in enumerate(fields)) + "EF\n", encoding="utf-8")
    return records_of(path)


def test_wos_fx_gives_the_grants_fu_does_not(tmp_path):
    beijing = "Beijing Natural Science Foundation"
    no_fu, names_only, with_numbers = wos(
        tmp_path,
        "FX Supported by the National Natural Science Foundation of China (81702662).",
        "FU 国家自然科学基金; 北京市自然科学基金\nFX 国家自然科学基金(81702662);北京市自然科学基金(7192001)资助",
        "FU National Natural Science Foundation of China [81702662]\n"
        "FX This study was funded by the National Natural Science Foundation of China (81702662).")
    assert funding(no_fu) == [(NSFC, "81702662")]
    assert no_fu["extra"]["funding_text"] == ["Supported by the National Natural Science Foundation of China (81702662)."]
    assert funding(names_only) == [(NSFC, "81702662"), (beijing, "7192001")]
    assert funding(with_numbers) == [(NSFC, "81702662")]
    assert with_numbers["extra"]["funding_text"] == [
        "This study was funded by the National Natural Science Foundation of China (81702662)."]


# 3. An acknowledgement is kept apart from the abstract; funding only where it names a funder
# with its grant number.
@pytest.mark.parametrize("line, expected", [
    ("Acknowledgements: We thank the National Natural Science Foundation of China (81702662) for support.",
     [(NSFC, "81702662")]),
    ("Acknowledgments: This work was supported by the National Natural Science Foundation of China (81702662).",
     [(NSFC, "81702662")]),
    ("致谢：感谢国家自然科学基金(81702662)的资助。", [(NSFC, "81702662")]),
    ("Acknowledgements: We thank Dr. Li for help with the figures.", []),
])
def test_an_acknowledgement_is_no_abstract(tmp_path, line, expected):
    record = page_record(tmp_path, f"Some study J\nAuthors: Zhang San\nAbstract: We studied X. The results showed Y.\n"
                         f"{line}\nKeywords: X; Y\n")
    assert record["abstract"] == {"en": "We studied X. The results showed Y."}
    assert record["extra"]["acknowledgement"] == [line.split("：" if "致谢" in line else ": ", 1)[1]]
    assert funding(record) == expected
