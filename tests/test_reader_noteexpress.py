"""NoteExpress (.net) reader: CNKI, Wanfang and VIP exports, run through the CLI as a user would.

Fixtures under tests/data/formats/noteexpress/ are invented records, one file per quirk;
the expected values below are written by hand.
"""
from __future__ import annotations

import re

import pytest

from conftest import DATA, clean_items, jsonl, needs_shared, run_cli

FIXTURES = DATA / "formats" / "noteexpress"


def clean(path, *options):
    return clean_items(path, *options)


def names(rec):
    return [a.get("literal") or (a["family"], a["given"]) for a in rec["authors"]]


def test_cnki_english_double_semicolons_and_structured_abstract(validate):
    result, (first, second), failures = clean(FIXTURES / "cnki_english.net")
    assert result.returncode == 0, result.stderr
    assert not failures
    for rec in (first, second):
        validate(rec)
        assert rec["source"]["format"] == "noteexpress"
    assert first["type"] == "article-journal"
    assert first["title"] == {"en": "Soil moisture memory in irrigated river basins"}
    assert names(first) == [("Okafor", "Maria L."), ("Petersen", "Jens"), ("Zhang", "Wei")]
    assert first["extra"]["affiliations"] == [
        "Department of Hydrology, Lakeside University, Oslo, Norway",
        "Institute of Water Research, Hillcrest University, Leeds, UK"]
    assert first["journal"] == {"en": "Journal of Basin Hydrology"}
    assert (first["year"], first["volume"], first["issue"], first["issn"]) == (2021, "34", "2", "1234-5679")
    assert sorted(k for ks in first["keywords"].values() for k in ks) == sorted(
        ["Soil moisture", "Irrigation", "Land-atmosphere coupling", "Memory"])
    abstract = first["abstract"]["en"]
    assert "(#br)" not in abstract and not abstract.startswith("Abstract")
    assert abstract.startswith("Background: Irrigation changes how long soils remember rain.")
    assert [s["label"] for s in first["sections"]["en"]] == ["BACKGROUND", "METHODS", "RESULTS", "CONCLUSION"]
    assert first["sections"]["en"][2]["text"] == "Memory grew by a third in irrigated basins."
    # Inverted names separated by ";;" with a space after.
    assert names(second) == [("Petersen", "Jens"), ("Okafor", "Maria L.")]
    assert second["abstract"] == {"en": "River ice forms earlier on slow reaches."}


def test_bom_crlf_chinese_record(validate):
    result, (rec,), failures = clean(FIXTURES / "cnki_bom_crlf.net")
    assert result.returncode == 0 and not failures
    validate(rec)
    assert rec["title"] == {"zh": "水稻田甲烷排放的季节变化"}
    assert names(rec) == ["赵一", "钱二", "孙三"]
    assert rec["extra"]["affiliations"] == ["江南农业大学资源学院", "江南农业大学生命学院"]
    assert rec["keywords"] == {"zh": ["甲烷", "水稻田", "季节变化"]}
    assert rec["abstract"] == {"zh": "稻田是甲烷的重要排放源。"}  # <正> removed by the pipeline
    assert (rec["year"], rec["issue"], rec["pages"], rec["issn"]) == (2018, "6", "1-8", "1672-2043")
    assert rec["extra"]["cn"] == ["12-1347/S"]
    assert rec["extra"]["database_provider"] == ["CNKI"]
    assert rec["language"] == "zh"


def test_cr_line_ends_and_continuation_lines(validate):
    result, (zh, en), failures = clean(FIXTURES / "continuation_cr.net")
    assert result.returncode == 0 and not failures
    validate(zh)
    validate(en)
    # Chinese continuation lines join without spaces; blank lines inside a record are kept out.
    assert zh["abstract"] == {"zh": "山地河流洪水传播快。本文分析了传播速度,并给出了预报方法。"}
    assert zh["extra"]["affiliations"] == ["西山大学水利学院,西山 610000"]
    assert zh["journal"] == {"zh": "山地水文"}
    # English continuation lines join with a space.
    assert en["title"] == {"en": "Flood waves in steep mountain rivers"}
    assert en["source"]["line"] == 15


def test_wanfang_repeated_fields_and_translated_side(validate):
    result, (rec,), failures = clean(FIXTURES / "wanfang_repeated.net")
    assert result.returncode == 0 and not failures
    validate(rec)
    assert rec["title"] == {"zh": "城市绿地对夏季地表温度的降温效应",
                            "en": "Cooling effect of urban green space on summer land surface temperature"}
    assert names(rec) == ["周明", "钱丽华"]
    # the translated authors are the Chinese authors' names in pinyin
    assert [(a["alt"]["family"], a["alt"]["given"]) for a in rec["authors"]] == [("ZHOU", "Ming"), ("QIAN", "Li-hua")]
    assert "translated_author" not in rec["extra"]
    # Repeated identical addresses are one affiliation, given to every author.
    assert rec["extra"]["affiliations"] == ["南方师范大学地理科学学院"]
    assert all(a["affiliation"] == "南方师范大学地理科学学院" for a in rec["authors"])
    assert rec["journal"] == {"zh": "城市环境学报", "en": "Journal of Urban Environment"}
    assert rec["keywords"]["zh"] == ["城市绿地", "地表温度", "MODIS"]
    english = [k for lang, ks in rec["keywords"].items() if lang != "zh" for k in ks]
    assert english == ["urban green space", "land surface temperature"]
    assert rec["abstract"] == {"zh": "利用遥感数据分析了城市绿地的降温效应.",
                               "en": "Using remote sensing data, we analysed the cooling effect of urban green space."}
    assert rec["doi"] == "10.1234/j.issn.1000-1234.2019.04.005"  # full-width ／ and － folded
    assert rec["source"]["source_id"] == "csjhxb201904005"
    assert rec["url"].endswith("id=csjhxb201904005")
    assert (rec["year"], rec["volume"], rec["issue"], rec["pages"]) == (2019, "12", "4", "33-40")
    assert rec["extra"]["language"] == ["chi"]


def test_theses_supervisors_university_degree(validate):
    result, (phd, master), failures = clean(FIXTURES / "thesis.net")
    assert result.returncode == 0 and not failures
    for rec in (phd, master):
        validate(rec)
        assert rec["type"] == "thesis"
        assert rec["journal"] == {}
    assert names(phd) == ["孙立新"]
    assert phd["extra"]["supervisors"] == ["马建国"]
    assert phd["extra"]["publisher"] == ["西岭大学"]
    assert phd["extra"]["degree"] == ["博士"]
    assert phd["keywords"] == {"zh": ["泥沙来源", "小流域", "黄土高原"]}
    assert names(master) == ["何雨"]
    assert master["extra"]["publisher"] == ["东川理工大学"]  # CNKI: the university as Secondary Title


def test_chinese_field_names(validate):
    result, (article, thesis), failures = clean(FIXTURES / "chinese_fields.net")
    assert result.returncode == 0 and not failures
    validate(article)
    validate(thesis)
    assert article["type"] == "article-journal"
    assert article["title"] == {"zh": "湖泊沉积物中的微塑料分布"}
    assert names(article) == ["林一凡", "高晓"]
    assert article["journal"] == {"zh": "湖泊科学通报"}
    assert (article["year"], article["volume"], article["issue"], article["pages"]) == (2022, "8", "3", "101-108")
    assert article["keywords"] == {"zh": ["微塑料", "沉积物", "湖泊"]}
    assert article["abstract"] == {"zh": "调查了五个湖泊沉积物中的微塑料。"}  # "摘要：" heading removed
    assert [(f["funder_original"], f["award"]) for f in article["funding"]] == [("国家自然科学基金", "41234567")]
    assert article["extra"]["affiliations"] == ["湖滨大学环境学院"]
    assert thesis["type"] == "thesis"
    assert names(thesis) == ["卓玛"]
    assert thesis["extra"]["supervisors"] == ["王德明"]
    assert thesis["extra"]["publisher"] == ["高原农牧大学"]
    assert thesis["extra"]["degree"] == ["硕士"]


def test_broken_record_among_good_ones_is_reported_with_its_text(validate):
    result, records, failures = clean(FIXTURES / "broken.net")
    assert result.returncode != 0  # failures were reported
    assert [r["title"]["zh"] for r in records] == ["第一篇记录", "第三篇记录"]
    for rec in records:
        validate(rec)
    # Comma-separated (half- and full-width) Chinese author lists.
    assert names(records[0]) == ["甲乙", "丙丁"]
    assert names(records[1]) == ["戊己", "庚辛"]
    assert records[1]["pages"] == "5-9"
    junk, empty = failures
    assert junk["line"] == 1 and junk["raw"] == "This file was exported on a Monday.\nRecords follow."
    assert empty["line"] == 9 and empty["raw"] == "{Reference Type}: Journal Article\n{Database Provider}: CNKI"
    assert [i.get("record") or i["source"]["record"] for i in jsonl(result.stdout)] == [1, 2, 3, 4]


def test_format_option_and_sniffing():
    path = FIXTURES / "thesis.net"
    for fmt in ("noteexpress", "net", "cnki-noteexpress"):
        result, records, _ = clean(path, "--format", fmt)
        assert result.returncode == 0, result.stderr
        assert len(records) == 2
    from indexer.readers import REGISTRY

    reader = REGISTRY["noteexpress"]
    assert reader.sniff((FIXTURES / "cnki_english.net").read_text(encoding="utf-8")) >= 0.9
    assert reader.sniff("TY  - JOUR\nTI  - A title\nER  - \n") == 0.0
    assert reader.sniff("DataType: 1\nTitle-题名: 标题\nAuthor-作者: 张三;\n") == 0.0
    assert reader.sniff('{"title": "json"}\n') == 0.0


SHARED_COUNTS = {
    ("formats", "cnki-noteexpress", "Classic5Test.net"): 5,
    ("formats", "cnki-noteexpress", "CoverAllTest15Entries.net"): 15,
    ("formats", "cnki-noteexpress", "LotsOfEnglish.net"): 21,
    ("formats", "cnki-noteexpress", "mixed.net"): 12,
    ("formats", "wanfang-noteexpress", "wanfang-demo.net"): 12,
    ("dedup", "bilingual_dev", "cnki_noteexpress.net"): 120,
    ("dedup", "bilingual_dev", "vip_noteexpress.net"): 105,
    ("dedup", "bilingual_dev", "wanfang_noteexpress.net"): 100,
}


@pytest.mark.parametrize("parts,count", sorted(SHARED_COUNTS.items()),
                         ids=["/".join(p[1:]) for p in sorted(SHARED_COUNTS)])
def test_shared_samples_record_counts(parts, count, validate):
    path = needs_shared("corpus", *parts)
    starts = len(re.findall(r"^\{Reference Type\}", path.read_text(encoding="utf-8-sig"), re.M))
    assert starts == count
    result, records, failures = clean(path)
    assert result.returncode == 0, result.stderr[-500:]
    assert not failures
    assert len(records) == count
    for rec in records:
        validate(rec)
        assert rec["source"]["format"] == "noteexpress"
        assert any(rec["title"].values())
        for text in list(rec["abstract"].values()):
            assert "(#br)" not in text and "<正>" not in text


def test_shared_wanfang_sample_details():
    path = needs_shared("corpus", "formats", "wanfang-noteexpress", "wanfang-demo.net")
    _, records, _ = clean(path)
    first = records[0]
    assert first["title"]["en"].startswith("Influence of ultrasound-guided serratus plane block")
    assert len(first["authors"]) == 3
    assert [a["alt"]["given"] for a in first["authors"]] == ["Wenjie", "Chao", "Damin"]
    assert first["journal"]["en"] == "Clinical Laboratory Journal (Electronic Edition)"
    assert all(r["source"]["source_id"] for r in records)
    last = records[-1]
    assert last["doi"] and last["doi"].startswith("10.3969/j.issn.1672-187x")
    assert "en" in last["abstract"] and "zh" in last["abstract"]


def test_shared_cnki_sample_types_and_theses():
    path = needs_shared("corpus", "formats", "cnki-noteexpress", "CoverAllTest15Entries.net")
    _, records, _ = clean(path)
    types = [r["type"] for r in records]
    assert types.count("thesis") == 2
    assert types[4] == "paper-conference" and types[5] == "article-newspaper" and types[6] == "book"
    assert types[9] == "patent"
    thesis = records[2]
    assert len(thesis["authors"]) == 1 and thesis["extra"]["supervisors"] and thesis["extra"]["degree"]


def test_utf16_with_bom(validate):
    path = FIXTURES / "utf16_bom.net"
    assert path.read_bytes()[:2] == b"\xff\xfe"
    result, (rec,), failures = clean(path)
    assert result.returncode == 0 and not failures
    validate(rec)
    assert rec["title"] == {"zh": "冰川退缩对径流的影响"}
    assert names(rec) == ["冯雪", "赵冰"]
    assert rec["extra"]["encoding"] == "utf-16"


def test_fixtures_keep_their_line_ends():
    """The CR and CRLF fixtures must reach the reader with their line ends (no git normalisation)."""
    crlf = (FIXTURES / "cnki_bom_crlf.net").read_bytes()
    assert crlf.startswith(b"\xef\xbb\xbf") and crlf.count(b"\r\n") == crlf.count(b"\n") > 10
    cr = (FIXTURES / "continuation_cr.net").read_bytes()
    assert b"\n" not in cr and cr.count(b"\r") > 10


def test_continuation_lines_joined_by_script(tmp_path, validate):
    """Wrapped lines: nothing between kana or Han text or before punctuation, a space after a
    line-final hyphen ("redox- and": the export wrapped at a space)."""
    path = tmp_path / "wrapped.net"
    path.write_text("{Reference Type}: Journal Article\n{Title}: 量子ドット\nによる細胞イメージング\n"
                    "{Translated Title}: Bio-molecule imaging\n{Author}: 加地範匡\n"
                    "{Abstract}: This redox-\nand ATP-neutral pathway was seen in 12 cells\n, of which 3 grew.\n",
                    encoding="utf-8")
    result, (rec,), failures = clean(path)
    assert result.returncode == 0 and not failures
    validate(rec)
    assert rec["title"]["ja"] == "量子ドットによる細胞イメージング"
    assert rec["abstract"]["en"] == "This redox- and ATP-neutral pathway was seen in 12 cells, of which 3 grew."


def test_english_keywords_before_the_chinese_ones_go_to_english(tmp_path, validate):
    """Wanfang lists a paper's English keywords, one a line, before its Chinese ones (../shared's
    bilingual_dev); CNKI writes them as one comma list. They were all Chinese keywords.
    Latin-script terms among Chinese keywords (MRI, NF-κB, linux) stay Chinese keywords."""
    path = tmp_path / "bilingual.net"
    path.write_text("{Reference Type}: Journal Article\n{Title}: 植食性害虫食诱剂的研究与应用\n{Author}: 蔡晓明\n"
                    "{Keywords}: behavioural manipulation\n{Keywords}:  green pest control\n{Keywords}:  host plant\n"
                    "{Keywords}:  偏好选择\n{Keywords}:  寄主植物\n\n"
                    "{Reference Type}: Thesis\n{Title}: 卷鞘鸢尾参考转录组的组装方法评估及应用\n{Author}: 朱张士昌\n"
                    "{Keywords}: Non-Model Organism,RNA-Seq,Germplasm Resource,Iris;种质资源;鸢尾属\n\n"
                    "{Reference Type}: Journal Article\n{Title}: 口腔鳞癌组织中GSTπ的表达\n{Author}: 孙壮\n"
                    "{Keywords}: 口腔鳞癌;烟草;MRI;NF-κB\n\n"
                    "{Reference Type}: Journal Article\n{Title}: 基于Linux的DVR设计\n{Author}: 王五\n"
                    "{Keywords}: 进程间通信;DVR;linux\n", encoding="utf-8")
    result, recs, failures = clean(path)
    assert result.returncode == 0 and not failures
    for rec in recs:
        validate(rec)
    assert [rec["keywords"] for rec in recs] == [
        {"zh": ["偏好选择", "寄主植物"], "en": ["behavioural manipulation", "green pest control", "host plant"]},
        {"zh": ["种质资源", "鸢尾属"], "en": ["Non-Model Organism", "RNA-Seq", "Germplasm Resource", "Iris"]},
        {"zh": ["口腔鳞癌", "烟草", "MRI", "NF-κB"]},
        {"zh": ["进程间通信", "DVR", "linux"]},
    ]


def test_wanfang_address_line_an_author_is_that_authors(tmp_path):
    # Wanfang (formats/wanfang-noteexpress/wanfang-demo.net record 6): as many {Author Address}
    # lines as authors, not all the same: the n-th is the n-th author's
    path = tmp_path / "wanfang.net"
    path.write_text("{Reference Type}: Journal Article\n{Title}: 乳腺癌术后患者婚姻质量与负性情绪的相关性\n"
                    "{Author}: 许雅琼\n{Author}: 张银萍\n"
                    "{Author Address}: 西安交通大学医学部公共卫生学院,陕西 西安,710061;西安交通大学第二附属医院,陕西 西安,710004\n"
                    "{Author Address}: 西安交通大学医学部\n{Journal}: 临床医学研究与实践\n{Year}: 2020\n"
                    "\n{Reference Type}: Journal Article\n{Title}: 同一单位的两位作者\n{Author}: 王五\n{Author}: 赵六\n"
                    "{Author Address}: 北京大学医学部\n{Author Address}: 北京大学医学部\n{Journal}: 中华医学杂志\n{Year}: 2020\n",
                    encoding="utf-8")
    _, (paired, same), failures = clean(path)
    assert not failures
    assert [a.get("affiliation") for a in paired["authors"]] == [
        "西安交通大学医学部公共卫生学院,陕西 西安,710061; 西安交通大学第二附属医院,陕西 西安,710004", "西安交通大学医学部"]
    assert [a.get("affiliation") for a in same["authors"]] == ["北京大学医学部", "北京大学医学部"]


def test_a_books_translators_are_its_translators(tmp_path):
    """{Translator}, {译者} and a Book's {Subsidiary Author} (EndNote's Translator there) are
    the book's translators, as RIS's A4 is read: not tags."""
    net = tmp_path / "book.net"
    book = "{Reference Type}: Book\n{Title}: 新教伦理%s\n{Author}: 韦伯\n{%s}: 于晓;陈维纲\n{Year}: 1987\n\n"
    net.write_text("".join(book % (i, f) for i, f in enumerate(("Translator", "译者", "Subsidiary Author"))),
                   encoding="utf-8")
    recs = jsonl(run_cli("clean", "--json", "-q", str(net)).stdout)
    assert [r["extra"].get("translator") for r in recs] == [["于晓", "陈维纲"]] * 3
    assert not any("tags" in r["extra"] for r in recs)


def test_a_standards_issue_is_its_number(tmp_path):
    """CNKI's NoteExpress export writes a standard's number in {Issue}: it is the standard's
    number (``extra.number``, as its {Number} and CNKI EndNote's %V are read), which GB/T 7714
    cites; a journal article's {Issue} stays its issue."""
    net = tmp_path / "std.net"
    net.write_text("{Reference Type}: Standard\n{Title}: 信息与文献 参考文献著录规则\n"
                   "{Author}: 全国信息与文献标准化技术委员会\n{Year}: 2015\n{Issue}: GB/T 7714-2015\n"
                   "{Publisher}: 中国标准出版社\n{Database Provider}: CNKI\n\n"
                   "{Reference Type}: Journal Article\n{Title}: 晚清藏书楼\n{Author}: 王建国\n{Journal}: 图书馆杂志\n"
                   "{Year}: 2019\n{Issue}: 03\n", encoding="utf-8")
    standard, article = jsonl(run_cli("clean", "--json", "-q", str(net)).stdout)
    assert standard["extra"]["number"] == ["GB/T 7714-2015"] and standard["issue"] is None
    assert article["issue"] == "3" and "number" not in article["extra"]
    cited = run_cli("export", "-f", "gbt7714", "--from", str(net)).stdout
    assert "信息与文献 参考文献著录规则: GB/T 7714—2015[S]. 中国标准出版社, 2015." in cited


def test_a_conference_papers_subsidiary_author_is_its_proceedings_editor(tmp_path):
    """CNKI's {Subsidiary Author,} of a conference paper (its organizer) is the proceedings'
    responsible body, which CNKI's cite box gives after "//": the host's editor, as the refer
    reader reads CNKI EndNote's %?.  A type whose host has no editor keeps it apart."""
    net = tmp_path / "conf.net"
    net.write_text("{Reference Type}: Conference Proceedings\n{Title}: 民国时期地方志编纂的史学意义\n"
                   "{Tertiary Title}: 第五届全国方志学术研讨会论文集\n{Author}: 孙立群;钱文华\n"
                   "{Secondary Title}: 第五届全国方志学术研讨会\n{Place Published}: 中国上海\n"
                   "{Subsidiary Author,}: 中国地方志指导小组\n{Year}: 2016\n{Pages}: 45-58\n{Database Provider}: CNKI\n\n"
                   "{Reference Type}: Report\n{Title}: 报告\n{Author}: 王五\n{Subsidiary Author}: 某研究所\n{Year}: 2016\n",
                   encoding="utf-8")
    paper, report = jsonl(run_cli("clean", "--json", "-q", str(net)).stdout)
    assert paper["extra"]["editor"] == ["中国地方志指导小组"] and "subsidiary_author" not in paper["extra"]
    assert report["extra"]["subsidiary_author"] == ["某研究所"] and "editor" not in report["extra"]
    cited = run_cli("export", "-f", "gbt7714", "--from", str(net)).stdout
    assert "[C]//中国地方志指导小组. 第五届全国方志学术研讨会论文集." in cited
