"""RefWorks tagged reader (RefWorks and CNKI exports): hand-written fixtures, expected values by hand."""
from __future__ import annotations

from pathlib import Path

from conftest import DATA, clean_items, jsonl, needs_shared, run_cli

FIX = DATA / "formats" / "refworks"


def clean(path: Path) -> list[dict]:
    result = run_cli("clean", "--json", "-q", str(path))
    return jsonl(result.stdout)


def records_of(path: Path, validate) -> list[dict]:
    """The records of a fixture that must read whole: exit 0 and no failure object."""
    result, recs, failures = clean_items(path)
    assert result.returncode == 0 and not failures, result.stdout
    for rec in recs:
        validate(rec)
        assert rec["source"]["format"] == "refworks"
    return recs


def test_cnki_journal_bom_crlf_several_authors_per_line(validate):
    first, second = records_of(FIX / "cnki_journal_bom_crlf.txt", validate)
    assert first["title"] == {"zh": "番茄果实贮藏期间品质变化研究"}
    assert [a["literal"] for a in first["authors"]] == ["王晓明", "李红", "赵刚"]
    assert first["extra"]["affiliations"] == ["南方农业大学园艺学院", "北方理工大学化学系"]
    assert first["journal"] == {"zh": "园艺科学学报(自然版)"}
    assert (first["year"], first["volume"], first["issue"]) == (2021, "33", "7")
    assert first["pages"] == "12-15, 20"
    assert first["issn"] == "1234-5678"
    assert first["doi"] == "10.1234/j.example.2021.07.002"
    assert first["url"] == "https://example.org/cnki/tomato?a=1&b=2"
    assert first["keywords"]["zh"] == ["番茄", "贮藏", "品质", "Vitamin C"]
    # A CJK line wrap is joined without a space.
    assert first["abstract"]["zh"] == ("【目的】研究番茄果实在不同温度下贮藏期间的品质变化规律。"
                                       "【方法】以三个品种为材料,测定可溶性固形物含量。")
    # CNKI's CN serial in the Call Number tag is the journal's CN, as EndNote's %L gives it.
    assert first["extra"]["cn"] == ["11-2222/S"] and "call_number" not in first["extra"]
    assert first["extra"]["source_type"] == "Journal Article"
    assert (first["source"]["record"], first["source"]["line"]) == (1, 1)

    assert [(a["family"], a["given"]) for a in second["authors"]] == [("Chen", "Li"), ("Smith", "John")]
    assert second["abstract"] == {"en": "Tomato fruit were stored at four temperatures for 20 days."}
    assert (second["volume"], second["issue"], second["pages"]) == ("12", "3", "101-110")
    assert second["keywords"] == {"en": ["tomato", "storage"]}
    assert second["source"]["line"] == 20


def test_cnki_thesis_without_space_after_tag(validate):
    (rec,) = records_of(FIX / "cnki_thesis_nospace.txt", validate)
    assert rec["type"] == "thesis"
    assert rec["authors"] == [{"literal": "周文静", "lang": "zh"}]
    assert rec["extra"]["supervisors"] == ["钱大伟", "孙丽"]
    assert rec["extra"]["degree"] == ["硕士"]
    assert rec["extra"]["publisher"] == ["东部师范大学"]
    assert rec["journal"] == {"zh": "东部师范大学"}
    # CNKI's issue of a thesis is the database's, not the thesis's.
    assert rec["issue"] is None and rec["extra"]["database_issue"] == ["03"]
    assert rec["extra"]["language"] == ["中文"]
    assert rec["year"] == 2019


def test_cnki_patent_and_newspaper(validate):
    patent, paper = records_of(FIX / "cnki_patent_newspaper.txt", validate)
    assert patent["type"] == "patent"
    assert [a["literal"] for a in patent["authors"]] == ["孙强", "钱伟"]
    assert patent["source"]["source_id"] == "CN000000001A"
    assert patent["extra"]["assignee"] == ["某某机械制造有限公司"]
    assert patent["extra"]["address"] == ["100000 北京市海淀区某路8号"]
    assert patent["extra"]["patent_kind"] == ["发明公开"]
    assert patent["extra"]["date"] == ["2021-06-01"]
    assert patent["year"] == 2021
    assert paper["type"] == "article-newspaper"
    assert paper["pages"] == "3"
    assert paper["journal"] == {"zh": "科学时报"}


def test_refworks_export_header_skipped(validate):
    out = clean(FIX / "refworks_header.txt")
    assert not any(r.get("failure") for r in out)
    article, section = records_of(FIX / "refworks_header.txt", validate)
    assert article["source"]["source_id"] == "501"
    assert article["source"]["line"] == 14
    assert [(a["family"], a["given"]) for a in article["authors"]] == [("Miller", "Anna"), ("Baker", "Tom")]
    assert article["pages"] == "45-59"
    assert article["keywords"] == {"en": ["Sleep", "Memory, episodic"]}
    assert article["doi"] == "10.5555/iroa.2011.045"
    assert article["extra"]["notes"] == ["doi: 10.5555/iroa.2011.045"]
    assert article["extra"]["date"] == ["05/12"]
    assert section["type"] == "chapter"
    assert section["journal"] == {"en": "A Book of Invented Places"}
    assert section["extra"]["editor"] == ["White,Rose"]
    assert section["extra"]["isbn"] == ["0000000000 (hardcover)"]
    assert section["extra"]["place"] == ["Oslo"]
    assert section["extra"]["tags"] == {"U3": ["shelf 4"]}
    assert section["pages"] == "1-20"


def test_broken_record_among_good_ones():
    result = run_cli("clean", "--json", "-q", str(FIX / "broken_among_good.txt"))
    assert result.returncode == 1
    out = jsonl(result.stdout)
    assert [bool(r.get("failure")) for r in out] == [True, False, True, False]
    stray, first, broken, second = out
    assert stray["raw"] == "stray line before any record\nanother stray line"
    assert stray["line"] == 1
    assert broken["raw"] == "RT Journal Article\nSR 1\nDS CNKI" and broken["line"] == 10
    assert first["title"] == {"zh": "第一篇好的记录"} and second["title"] == {"zh": "第二篇好的记录"}
    assert [r["record"] if r.get("failure") else r["source"]["record"] for r in out] == [1, 2, 3, 4]


def test_sniff_does_not_claim_other_formats():
    from indexer.readers import find_reader

    reader = find_reader("refworks")
    assert reader.sniff("TY  - JOUR\nT1  - A title\nAU  - Smith, J\nER  - \n") == 0.0
    assert reader.sniff("PT J\nAU Smith, J\nTI A title\nSO JOURNAL\nPY 2020\nER\n") == 0.0
    assert reader.sniff("%0 Journal Article\n%T A title\n%A Smith, J\n") == 0.0
    assert reader.sniff("RT Journal Article\nA1 Smith, J\nT1 A title\n") > 0.9


def test_shared_samples():
    for folder, counts in (("cnki-refworks", {"cnki-refworks-01.txt": 1, "cnki-refworks-04.txt": 1,
                                              "cnki-refworks-10.txt": 1}),
                           ("refworks", {"refworks-01.txt": 1, "refworks-04.txt": 1})):
        base = needs_shared("corpus", "formats", folder)
        for name, n in counts.items():
            out = clean(base / name)
            assert len(out) == n and not any(r.get("failure") for r in out), name
            assert out[0]["source"]["format"] == "refworks"


def test_header_without_its_end_line_still_reads_the_records(validate):
    (rec,) = records_of(FIX / "header_without_end_line.txt", validate)
    assert rec["title"] == {"en": "Header without its end line"}
    assert rec["source"]["line"] == 6
    assert [(a["family"], a["given"]) for a in rec["authors"]] == [("Doe", "Jane")]


def test_cnki_abstract_written_into_the_keyword_line(tmp_path, validate):
    # CNKI's RefWorks export of a record with no AB line can put its abstract into K1, after
    # NoteExpress's {Abstract} tag (../shared's bilingual_dev, record 93): it was a keyword
    path = tmp_path / "cnki.txt"
    path.write_text("RT Journal Article\nSR 1\nA1 中国抗癌协会肉瘤专业委员会;中国临床肿瘤学会\n"
                    "T1 软组织肉瘤诊治中国专家共识(2015年版)\nJF 中华肿瘤杂志\nYR 2016\n"
                    "K1 肉瘤；软组织肿瘤；诊断；治疗；规范{Abstract}：软组织肉瘤是一类间叶来源的恶性肿瘤，可发生于全身各个部位。\n"
                    "DS CNKI\n", encoding="utf-8")
    (rec,) = records_of(path, validate)
    assert rec["keywords"] == {"zh": ["肉瘤", "软组织肿瘤", "诊断", "治疗", "规范"]}
    assert rec["abstract"] == {"zh": "软组织肉瘤是一类间叶来源的恶性肿瘤，可发生于全身各个部位。"}


def test_call_number_is_cn_classification_or_a_library_shelf_mark(tmp_path, validate):
    path = tmp_path / "refworks.txt"
    path.write_text("RT Journal Article\nA1 王晓明\nT1 番茄贮藏研究\nJF 园艺学报\nYR 2021\nCN 11-0315; S641.2\n\n"
                    "RT Book, Whole\nA1 Smith, John\nT1 Storage of tomatoes\nYR 2010\nCN RC268.5 .C36 2010\n",
                    encoding="utf-8")
    first, second = records_of(path, validate)
    assert (first["extra"]["cn"], first["extra"]["classification"]) == (["11-0315"], ["S641.2"])
    assert "call_number" not in first["extra"]
    assert second["extra"]["call_number"] == ["RC268.5 .C36 2010"] and "cn" not in second["extra"]
