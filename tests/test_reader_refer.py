"""EndNote / Refer tagged reader (EndNote, CNKI, Wanfang exports): hand-written fixtures, expected by hand."""
from __future__ import annotations

import io
import json
from pathlib import Path

from conftest import DATA, clean_items, jsonl, needs_shared, run_cli
from conftest import records_of as _records
from indexer.cleaner import clean_paths
from indexer.export import export

FIX = DATA / "formats" / "refer"


def clean(path: Path) -> list[dict]:
    return jsonl(run_cli("clean", "--json", "-q", str(path)).stdout)


def records_of(path: Path, validate) -> list[dict]:
    """The records of a fixture that must read whole: exit 0 and no failure object."""
    result, recs, failures = clean_items(path)
    assert result.returncode == 0 and not failures, result.stdout
    for rec in recs:
        validate(rec)
        assert rec["source"]["format"] == "refer"
    return recs


def test_cnki_journal_bom_crlf_paragraphs(validate):
    (rec,) = records_of(FIX / "cnki_journal_bom_crlf.txt", validate)
    assert rec["title"] == {"zh": "茶多酚对小鼠肠道菌群的影响"}
    # One name per %A line, or several on one line split on ; and ，
    assert [a["literal"] for a in rec["authors"]] == ["马小龙", "林芳", "周海", "郑洁"]
    assert rec["extra"]["affiliations"] == ["东山大学生命科学学院", "东山大学医学院"]
    assert rec["journal"] == {"zh": "实验生物学杂志"}
    assert (rec["year"], rec["volume"], rec["issue"]) == (2022, "41", "5")
    assert rec["pages"] == "33-39, 45"
    assert rec["issn"] == "1000-0001"
    assert rec["doi"] == "10.4321/j.sybx.2022.05.004"
    assert rec["url"] == "https://example.org/cnki/tea"
    assert rec["keywords"] == {"zh": ["茶多酚", "肠道菌群", "小鼠"]}
    # Blank lines then an indented line: a new paragraph; a plain CJK wrap: joined.
    assert rec["abstract"]["zh"] == "目的：探讨茶多酚对小鼠肠道菌群的影响。\n方法：将小鼠随机分为两组，灌胃给药四周。"
    assert rec["extra"]["database_provider"] == ["CNKI"]
    assert rec["extra"]["encoding"] == "utf-8-sig"


def test_cnki_thesis_supervisors_degree_university(validate):
    (rec,) = records_of(FIX / "cnki_thesis.txt", validate)
    assert rec["type"] == "thesis"
    assert rec["authors"] == [{"literal": "高文", "lang": "zh"}]
    assert rec["extra"]["supervisors"] == ["韩东", "罗敏"]
    assert rec["extra"]["degree"] == ["博士"]
    assert rec["extra"]["publisher"] == ["中原农业大学"]
    assert rec["journal"] == {}   # the university is the publisher, not a container
    assert rec["year"] == 2017


def test_wanfang_translated_authors_two_journal_titles(validate):
    (rec,) = records_of(FIX / "wanfang_two_journals.txt", validate)
    assert rec["type"] == "article-journal"
    assert [a["literal"] for a in rec["authors"]] == ["杨帆", "许静"]
    assert [(a["alt"]["family"], a["alt"]["given"]) for a in rec["authors"]] == [("Yang", "Fan"), ("Xu", "Jing")]
    # One %+ line per author: kept line by line.
    assert rec["extra"]["affiliations"] == ["西部大学信息学院,四川,成都,610000;西部大学研究生院,四川,成都,610000",
                                            "东部大学图书馆,江苏,南京,210000"]
    assert rec["journal"] == {"zh": "信息科学学报", "en": "FORUM OF INFORMATION SCIENCE"}
    assert rec["pages"] == "21-25,30"
    assert rec["keywords"] == {"zh": ["数字图书馆", "用户行为", "日志分析"]}
    assert rec["extra"]["language"] == ["chi"]
    assert rec["doi"] == "10.9999/j.issn.1000-0002.2015.04.005"


def test_two_type_lines_are_one_record_and_book_fields(validate):
    out = clean(FIX / "double_type_and_book.txt")
    assert not any(r.get("failure") for r in out)
    podcast, book = records_of(FIX / "double_type_and_book.txt", validate)
    assert podcast["type"] == "song"
    assert podcast["extra"]["source_type"] == ["Serial", "Audio"]
    assert podcast["title"] == {"de": "Gespräche über Bücher: ein Podcast"}
    assert podcast["extra"]["place"] == ["Wien"]
    assert podcast["year"] == 2020
    assert book["type"] == "book"
    assert book["source"]["line"] == 10
    assert [(a["family"], a["given"]) for a in book["authors"]] == [("Rossi", "Maria")]
    assert book["extra"]["tertiary_author"] == ["Berg, Ola"]  # not a thesis: not a supervisor
    assert book["extra"]["editor"] == ["Lund, Kari"]
    assert book["extra"]["isbn"] == ["8200000000"]
    assert book["extra"]["identifier"] == ["oai:example.org:12345"]
    assert book["doi"] is None
    assert book["extra"]["number_of_pages"] == ["210 s."]
    assert book["pages"] is None
    assert book["keywords"] == {"en": ["Italian literature", "Cities, imaginary"]}
    assert book["extra"]["notes"] == ["Digitised copy 2018"]


def test_classic_refer_records_split_on_blank_lines(validate):
    first, second = records_of(FIX / "classic_refer_blank_lines.txt", validate)
    assert first["title"] == {"en": "Parsing old bibliographies"}
    assert [(a["family"], a["given"]) for a in first["authors"]] == [("Smith", "John")]
    assert (first["year"], first["volume"], first["pages"]) == (1988, "3", "1-9")
    assert second["source"]["line"] == 8
    assert [a["family"] for a in second["authors"]] == ["Doe", "Roe"]
    assert second["journal"] == {"en": "Proceedings of an Invented Workshop"}


def test_standard_yearbook_and_a_broken_record(validate):
    result = run_cli("clean", "--json", "-q", str(FIX / "cnki_standard_yearbook_broken.txt"))
    assert result.returncode == 1
    out = jsonl(result.stdout)
    assert [bool(r.get("failure")) for r in out] == [False, True, False]
    standard, broken, yearbook = out
    for rec in (standard, yearbook):
        validate(rec)
    assert standard["type"] == "standard"
    assert standard["extra"]["number"] == ["GB/T 00000-2021"]
    assert standard["volume"] is None
    assert standard["extra"]["number_of_pages"] == ["16"]
    assert standard["extra"]["publisher"] == ["示例监督管理局", "示例标准化委员会"]
    assert standard["extra"]["tags"] == {"PageCount-页码": ["16"]}
    assert standard["extra"]["date"] == ["2021-05-20"]
    assert [a["literal"] for a in standard["authors"]] == ["示例标准化研究院", "示例检测中心"]
    assert broken["raw"] == "%0 Journal Article\n%W CNKI" and broken["line"] == 13
    assert yearbook["type"] == "entry"   # a 年鉴 article, as the NoteExpress and E-Study readers type it
    assert yearbook["extra"]["isbn"] == ["7-100-00000-1"]
    assert yearbook["volume"] is None
    assert yearbook["pages"] == "88"
    assert yearbook["year"] == 2001


def test_sniff_does_not_claim_other_formats():
    from indexer.readers import find_reader

    reader = find_reader("refer")
    assert reader.sniff("TY  - JOUR\nT1  - A title\nER  - \n") == 0.0
    assert reader.sniff("RT Journal Article\nA1 Smith, J\nT1 A title\n") == 0.0
    assert reader.sniff("% a LaTeX comment\n@article{x,\n title={A}\n}\n") == 0.0
    assert reader.sniff("%0 Journal Article\n%T A title\n%A Smith, J\n") > 0.9


def test_shared_samples():
    for folder, names in (("cnki-endnote", ["cnki-endnote-02.txt", "cnki-endnote-04.txt", "cnki-endnote-08.txt"]),
                          ("endnote-tagged", ["endnote-tagged-01.txt", "endnote-tagged-04.txt"])):
        base = needs_shared("corpus", "formats", folder)
        for name in names:
            out = clean(base / name)
            assert len(out) == 1 and not out[0].get("failure"), name
            assert out[0]["source"]["format"] == "refer"


def test_endnote_keywords_one_a_line_after_k_are_each_a_keyword(tmp_path):
    # EndNote desktop writes %K's keywords one a line, the later ones untagged
    path = tmp_path / "k.enw"
    path.write_text("%0 Journal Article\n%T A refer record\n%K keyword one\nkeyword two\nkeyword three\n%D 2015\n"
                    "%P 第12-15页\n", encoding="utf-8")
    (record,) = clean(path)
    assert record["keywords"] == {"en": ["keyword one", "keyword two", "keyword three"]}
    assert record["pages"] == "12-15"   # NoteExpress and Wanfang write 第12-15页


def test_a_reference_list_pasted_after_the_export_is_no_field_of_its_last_record(tmp_path):
    # CNKI's EndNote export ends "%W CNKI"; a reference list pasted after it, after blank lines,
    # had become the last record's database provider: it is a failure with its text
    path = tmp_path / "mixed.txt"
    path.write_text("%0 Journal Article\n%A 林行众\n%T 黄瓜共表达基因模块的识别\n%X 第一段。\n\n    第二段。\n%W CNKI\n\n\n"
                    "[1]薛婉钰,刘娜.黄瓜胚性愈伤组织的诱导保存和再生[J].西北农林科技大学学报,2024,52(07):1-7.\n"
                    "[2]刘霞.灭绝物种RNA首次分离测序[N].科技日报,2023-11-16(004).\n\n"
                    "%0 Journal Article\n%T 第二篇\n%W CNKI\n", encoding="utf-8")
    result, (first, second), (failure,) = clean_items(path)
    assert result.returncode == 1
    assert first["extra"]["database_provider"] == ["CNKI"] and first["abstract"] == {"zh": "第一段。\n第二段。"}
    assert second["title"] == {"zh": "第二篇"}
    assert failure["line"] == 10 and failure["raw"].startswith("[1]薛婉钰") and "[2]刘霞" in failure["raw"]


def test_a_percent_plus_line_an_author_is_that_authors(tmp_path, validate):
    # EndNote (formats/endnote-tagged/endnote-tagged-01 record 1): a %+ line for each %A, not all the same
    path = tmp_path / "endnote.txt"
    path.write_text("%0 Journal Article\n%A 余敏\n%A 朱江\n%A 丁照蕾\n"
                    "%+ 中科院国家科学图书馆成都分馆,四川,成都,610041;中国科学院研究生院,北京,100049\n"
                    "%+ 中科院国家科学图书馆成都分馆,四川,成都,610041\n%+ 四川大学公共管理学院,四川,成都,610064\n"
                    "%T 国外图书馆学研究的热点\n%J 图书情报工作\n%D 2008\n", encoding="utf-8")
    rec, = records_of(path, validate)
    assert [a.get("affiliation") for a in rec["authors"]] == [
        "中科院国家科学图书馆成都分馆,四川,成都,610041; 中国科学院研究生院,北京,100049",
        "中科院国家科学图书馆成都分馆,四川,成都,610041", "四川大学公共管理学院,四川,成都,610064"]


def test_endnotes_month_and_day_are_read_on_its_year(tmp_path):
    # EndNote writes the Year and the Date (month and day) apart: %D 2020 with %8 Jun 15, RIS's PY
    # with DA, its XML's <year> with <pub-dates><date>; the date was kept only as written and
    # CSL's issued had [[2020]]; it is now read on the year (2020-06-15) where RIS's 2020/03/15/ is
    (tmp_path / "a.enw").write_text("%0 Journal Article\n%T One\n%D 2020\n%8 Jun 15\n\n"
                                    "%0 Journal Article\n%T Two\n%D 2020\n%8 Spring\n", encoding="utf-8")
    (tmp_path / "b.ris").write_text("TY  - JOUR\nTI  - Three\nPY  - 2020\nDA  - 06/15\nER  - \n", encoding="utf-8")
    (tmp_path / "c.xml").write_text('<?xml version="1.0" encoding="UTF-8"?><xml><records><record>'
                                    '<ref-type name="Journal Article">17</ref-type><titles><title>Four</title></titles>'
                                    '<dates><year>2020</year><pub-dates><date>15 June</date></pub-dates></dates>'
                                    '</record></records></xml>', encoding="utf-8")
    records = [r.to_json() for r in clean_paths([str(tmp_path / n) for n in ("a.enw", "b.ris", "c.xml")])]
    assert [r["extra"].get("date") for r in records] == [
        ["Jun 15", "2020-06-15"], ["Spring"], ["06/15", "2020-06-15"], ["15 June", "2020-06-15"]]
    out = io.StringIO()
    export(records, "csl-json", out)
    assert [r["issued"] for r in json.loads(out.getvalue())] == [
        {"date-parts": [[2020, 6, 15]]}, {"date-parts": [[2020]]}, {"date-parts": [[2020, 6, 15]]},
        {"date-parts": [[2020, 6, 15]]}]


def test_a_journal_articles_custom_7_is_its_article_number(tmp_path):
    # EndNote's %] (Custom 7, a Journal Article's Article Number; RIS's C7): the pages of an
    # article without %P, as RIS's C7 is; with a dash, no page range, its article number
    path = tmp_path / "a.enw"
    path.write_text("%0 Journal Article\n%T One\n%A Smith, John\n%J mBio\n%D 2021\n%] e70655\n\n"
                    "%0 Journal Article\n%T Two\n%A Smith, John\n%J mBio\n%D 2021\n%P 1-12\n%] e70656\n\n"
                    "%0 Book\n%T Three\n%A Smith, John\n%D 2021\n%] Custom\n", encoding="utf-8")
    one, two, book = _records(path)
    assert one["pages"] == "e70655" and "article_number" not in one["extra"]
    assert two["pages"] == "1-12" and two["extra"]["article_number"] == ["e70656"]
    assert book["extra"]["custom7"] == ["Custom"] and "article_number" not in book["extra"]


def test_an_only_keyword_line_of_latin_and_cjk_words_is_a_list_and_one_such_keyword_is_written_so(tmp_path):
    """A record's only %K line of words with CJK among them is Wanfang's list separated by spaces
    ("肺癌 CT", "大豆肽 抗氧化 Zotero"); so a lone keyword of that kind ("COVID-19 疫苗", from RIS)
    is exported to EndNote as a list of one ("%K COVID-19 疫苗;"), and read back whole."""
    enw = tmp_path / "kw.enw"
    enw.write_text("%0 Journal Article\n%T 关键词测试\n%A 张三\n%D 2020\n%J 统计研究\n%K 肺癌 CT\n\n"
                   "%0 Journal Article\n%T 关键词\n%A 张三\n%D 2020\n%J 统计研究\n%K 大豆肽 抗氧化 Zotero\n",
                   encoding="utf-8")
    assert [[k for v in r["keywords"].values() for k in v] for r in clean(enw)] == [
        ["肺癌", "CT"], ["大豆肽", "抗氧化", "Zotero"]]
    ris = tmp_path / "kw.ris"
    ris.write_text("TY  - JOUR\nTI  - 疫苗接种意愿研究\nAU  - 张三\nPY  - 2021\nJO  - 统计研究\nKW  - COVID-19 疫苗\n"
                   "ER  - \n\nTY  - JOUR\nTI  - 疫苗\nAU  - 张三\nPY  - 2021\nJO  - 统计研究\nKW  - COVID-19 疫苗\n"
                   "KW  - 接种\nER  - \n", encoding="utf-8")
    back = tmp_path / "back.enw"
    assert run_cli("export", "--from", str(ris), "-f", "endnote", "-o", str(back)).returncode == 0
    assert "%K COVID-19 疫苗;\n" in back.read_text(encoding="utf-8")
    assert [[k for v in r["keywords"].values() for k in v] for r in clean(back)] == [
        ["COVID-19 疫苗"], ["COVID-19 疫苗", "接种"]]


def test_a_books_translators_are_its_translators_and_written_back(tmp_path):
    """%? in a Book is EndNote's Translator: extra.translator (RIS's A4), and the EndNote
    export writes them there again, so that they survive the round trip."""
    enw = tmp_path / "book.enw"
    enw.write_text("%0 Book\n%A 韦伯\n%T 新教伦理与资本主义精神\n%? 于晓\n%? 陈维纲\n%C 北京\n%D 1987\n", encoding="utf-8")
    (rec,) = clean(enw)
    assert rec["extra"]["translator"] == ["于晓", "陈维纲"] and "subsidiary_author" not in rec["extra"]
    back = tmp_path / "back.enw"
    assert run_cli("export", "--from", str(enw), "-f", "endnote", "-o", str(back)).returncode == 0
    assert "%? 于晓" in back.read_text(encoding="utf-8")
    assert clean(back)[0]["extra"]["translator"] == ["于晓", "陈维纲"]


def test_a_cnki_conference_papers_subsidiary_author_is_its_proceedings_editor(tmp_path):
    """CNKI's %? of a conference paper (its organizer, 中国药学会: Zotero's CNKI import keeps it
    as such) is the host's responsible body, cited after "//" as its editor."""
    enw = tmp_path / "conf.enw"
    enw.write_text("%0 Conference Proceedings\n%A 王海霞\n%T 黄芪药理作用研究进展\n%B 2013年中国药学大会\n"
                   "%C 中国广西南宁\n%? 中国药学会\n%D 2013\n%P 269-273\n%W CNKI\n", encoding="utf-8")
    (rec,) = clean(enw)
    assert rec["extra"]["editor"] == ["中国药学会"] and "subsidiary_author" not in rec["extra"]
