"""CNKI E-Study reader (``Title-题名: ...`` lines), run through the CLI as a user would.

Fixtures under tests/data/formats/estudy/ are invented records, one file per quirk;
the expected values below are written by hand.
"""
from __future__ import annotations

import re

from conftest import DATA, clean_items, needs_shared

FIXTURES = DATA / "formats" / "estudy"


def clean(path, *options):
    return clean_items(path, *options)


def names(rec):
    return [a.get("literal") or (a["family"], a["given"]) for a in rec["authors"]]


def test_datatype_records_and_field_mapping(validate):
    result, (first, second), failures = clean(FIXTURES / "basic.txt")
    assert result.returncode == 0, result.stderr
    assert not failures
    validate(first)
    validate(second)
    assert first["source"]["format"] == "estudy"
    assert first["source"]["source_id"] == "HYHJ202002007"
    assert first["type"] == "article-journal"
    assert first["title"] == {"zh": "滨海湿地盐沼植被的固碳能力"}
    assert names(first) == ["陈晓", "刘海", "王宁"]
    assert first["extra"]["affiliations"] == ["东海大学海洋学院", "东海大学环境学院"]
    assert first["journal"] == {"zh": "海洋环境科学"}
    assert (first["year"], first["volume"], first["issue"], first["pages"]) == (2020, "39", "2", "201-206")
    assert first["extra"]["page_count"] == ["6"]  # PageCount-页数 is a count, not pages
    assert first["keywords"] == {"zh": ["盐沼", "固碳", "滨海湿地"]}
    assert first["abstract"] == {"zh": "盐沼植被具有很强的固碳能力。"}
    assert [(f["funder_original"], f["award"]) for f in first["funding"]] == [("国家自然科学基金", "42076543")]
    assert first["extra"]["first_duty"] == ["陈晓"]
    assert first["extra"]["database"] == ["期刊"]
    assert first["url"] == "https://kns.cnki.net/kcms/detail/detail.aspx?FileName=HYHJ202002007&DbName=CJFQ2020"
    # Volume-卷 as well as Roll-卷; one author without a separator.
    assert (second["volume"], second["issue"], second["pages"]) == ("35", "11", "12-18")
    assert names(second) == ["周远"]
    assert second["source"]["line"] == 18


def test_custom_export_starting_with_srcdatabase_bom_crlf(validate):
    result, (thesis, article), failures = clean(FIXTURES / "custom_export_bom_crlf.txt")
    assert result.returncode == 0 and not failures
    validate(thesis)
    validate(article)
    assert thesis["type"] == "thesis"
    assert thesis["title"] == {"zh": "干旱区绿洲农田防护林的防风效应"}
    assert names(thesis) == ["马小军"]
    assert thesis["journal"] == {}
    assert thesis["extra"]["publisher"] == ["西部农业大学"]
    assert thesis["extra"]["supervisors"] == ["张德胜"]
    assert thesis["extra"]["degree"] == ["硕士"]
    assert thesis["pages"] is None and thesis["year"] == 2021
    assert thesis["extra"]["classification"] == ["S727.2"]
    assert article["type"] == "article-journal"
    assert names(article) == ["马小军", "张德胜"]
    assert article["journal"] == {"zh": "林业科技通讯"}
    assert article["pages"] == "44-47"  # PageCount-页码 is the page range in this export
    assert (article["year"], article["volume"], article["issue"]) == (2020, "6", "9")
    assert article["issn"] == "1000-9999"
    assert article["doi"] == "10.5555/lykjtx.2020.09.011"


def test_continuation_lines_and_a_broken_record(validate):
    result, records, failures = clean(FIXTURES / "continuation_broken.txt")
    assert result.returncode != 0
    english, chinese = records
    validate(english)
    validate(chinese)
    assert english["title"] == {"en": "Sediment transport in braided rivers"}
    assert names(english) == [("Berg", "Anna K."), ("Moreno", "Luis")]
    # "Results: ..." lines are abstract text, not labels.
    assert english["abstract"] == {"en": "Objective: We measured bedload in braided rivers. "
                                         "Results: Bedload varied with channel count. "
                                         "Conclusions: Braiding controls transport."}
    assert [s["label"] for s in english["sections"]["en"]] == ["OBJECTIVE", "RESULTS", "CONCLUSION"]
    assert names(chinese) == ["王江", "李河"]
    assert (chinese["issue"], chinese["pages"]) == ("4", "1-9")
    junk, empty = failures
    assert (junk["line"], junk["raw"]) == (1, "CNKI E-Study export")
    assert empty["line"] == 11 and empty["raw"] == "DataType: 1\nYear-年: 2018\nPageCount-页数: 3"


def test_format_option_and_sniffing():
    for fmt in ("estudy", "e-study", "cnki-estudy"):
        result, records, _ = clean(FIXTURES / "basic.txt", "--format", fmt)
        assert result.returncode == 0, result.stderr
        assert len(records) == 2
    from indexer.readers import REGISTRY

    reader = REGISTRY["estudy"]
    assert reader.sniff((FIXTURES / "basic.txt").read_text(encoding="utf-8")) >= 0.9
    assert reader.sniff("{Reference Type}: Journal Article\n{Title}: A title\n") == 0.0
    assert reader.sniff("TY  - JOUR\nTI  - A title\nER  - \n") == 0.0
    assert reader.sniff("Title: A page\nAuthor: Somebody\nAbstract: Text\n") == 0.0


def test_shared_sample_record_count(validate):
    path = needs_shared("corpus", "formats", "cnki-estudy", "cnki-estudy-demo.txt")
    assert len(re.findall(r"^DataType:", path.read_text(encoding="utf-8-sig"), re.M)) == 12
    result, records, failures = clean(path)
    assert result.returncode == 0, result.stderr[-500:]
    assert not failures
    assert len(records) == 12
    for rec in records:
        validate(rec)
        assert rec["source"]["format"] == "estudy"
        assert rec["title"]["zh"] and rec["journal"]["zh"] and rec["pages"]
        assert re.fullmatch(r"[A-Z]{4}\w+", rec["source"]["source_id"])
        assert "<正>" not in rec["abstract"]["zh"]
    assert sum(1 for r in records if r["authors"]) == 11
    assert records[0]["volume"] == "19" and records[0]["issue"] == "1"


def test_gbk_encoded_export(validate):
    path = FIXTURES / "gbk.txt"
    assert "题名".encode("gbk") in path.read_bytes() and b"\r\n" in path.read_bytes()
    result, (rec,), failures = clean(path)
    assert result.returncode == 0 and not failures
    validate(rec)
    assert rec["title"] == {"zh": "黄河下游河道冲淤变化"}
    assert names(rec) == ["郑河"]
    assert (rec["journal"], rec["year"], rec["issue"], rec["pages"]) == ({"zh": "水利水电学报"}, 2015, "3", "20-25")
    assert rec["extra"]["encoding"] == "gb18030"


def test_fixtures_keep_their_line_ends():
    data = (FIXTURES / "custom_export_bom_crlf.txt").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\r\n") == data.count(b"\n") > 10
