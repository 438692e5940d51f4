"""GB/T 7714 and Vancouver lines a QA pass against citeproc-js (the official GB/T 7714-2015
CSL style) and the standard's own examples found wrong: name suffixes, the numbers of
patents, reports and standards, a host book's volume, an online report's full date, and
stray punctuation.  Records are CSL-JSON items read and cleaned as ``clean --format csl-json``
reads them, and one CNKI RefWorks patent of the shared corpus read by ``cli.py``."""
from __future__ import annotations

import json

import pytest

from conftest import needs_shared, run_cli
from indexer.cleaner import clean_paths
from indexer.record import Failure
from indexer.export.gbt7714 import reference
from indexer.export.vancouver import reference as nlm_reference


def _read(tmp_path, *items: dict) -> list[dict]:
    path = tmp_path / "items.json"
    path.write_text(json.dumps([{"id": f"i{n}", **item} for n, item in enumerate(items)], ensure_ascii=False),
                    encoding="utf-8")
    return [r.to_json() for r in clean_paths([str(path)], "csl-json") if not isinstance(r, Failure)]


def _one(tmp_path, item: dict) -> dict:
    return _read(tmp_path, item)[0]


def test_a_western_names_suffix_is_kept_as_the_standard_writes_it(tmp_path):
    # §8.1.1 "PEEBLES P Z, Jr. Probability…"; §8.2 "//SODEMAN W A, Jr, SODEMAN W A": father and son
    book = _one(tmp_path, {"type": "book", "language": "en", "title": "Probability, random variable, and "
                           "random signal principles", "edition": "4", "publisher": "McGraw-Hill",
                           "publisher-place": "New York", "issued": {"date-parts": [[2001]]},
                           "author": [{"family": "Peebles", "given": "Peyton Z.", "suffix": "Jr."}]})
    assert reference(book).startswith("PEEBLES P Z, Jr. Probability, random variable")
    assert reference(book, year="2001").startswith("PEEBLES P Z, Jr, 2001. Probability")
    chapter = _one(tmp_path, {"type": "chapter", "language": "en", "title": "Pathogenic properties of invading "
                              "microorganisms", "container-title": "Pathologic physiology: mechanisms of disease",
                              "publisher": "Saunders", "publisher-place": "Philadelphia", "page": "457-472",
                              "issued": {"date-parts": [[1974]]},
                              "author": [{"family": "Weinstein", "given": "L."}],
                              "editor": [{"family": "Sodeman", "given": "William A.", "suffix": "Jr."},
                                         {"family": "Sodeman", "given": "William A."}]})
    assert "[M]//SODEMAN W A, Jr, SODEMAN W A. Pathologic physiology" in reference(chapter)


def test_a_patents_number_kept_as_patent_number_is_written(tmp_path):
    # CNKI RefWorks' "ID CN111020404A" is kept as extra.patent_number
    path = needs_shared("corpus", "formats", "cnki-refworks", "cnki-refworks-10.txt")
    for fmt, expected in (("gbt7714", "[1] 施吉庆, 杨亮华. 不锈钢管的制造方法: CN111020404A[P]. 2020-04-17."),
                          ("vancouver", "Patent CN111020404A. 2020 Apr 17.")):
        out = tmp_path / f"out.{fmt}"
        result = run_cli("export", "-f", fmt, "--from", str(path), "-o", str(out))
        assert result.returncode == 0, result.stderr
        assert expected in out.read_text(encoding="utf-8")


def test_a_vancouver_patent_is_cited_as_a_patent_not_a_journal_issue(tmp_path):
    # the standard's data keeps the application number and date in "issue": never "2008;(CN…):8-9"
    rec = _one(tmp_path, {"type": "patent", "language": "en", "title": "Flexible endoscopic grasping device",
                          "number": "US 20020103498", "issue": "CN200510022322.7 20051216", "page": "8-9",
                          "author": [{"family": "Pagedas", "given": "Anthony C."}],
                          "issued": {"date-parts": [[2002, 8, 1]]}})
    assert nlm_reference(rec) == ("Pagedas AC, inventor. Flexible endoscopic grasping device. "
                                  "Patent US 20020103498. 2002 Aug 1.")


def test_a_reports_number_is_written_after_its_title(tmp_path):
    rec = _one(tmp_path, {"type": "report", "language": "en", "title": "Guidelines for handling excavated "
                          "acid-producing materials", "number": "PB 91-194001",
                          "publisher": "U.S. Department of Commerce National Information Service",
                          "publisher-place": "Springfield", "issued": {"date-parts": [[1990]]},
                          "author": [{"literal": "U.S. Department of Transportation Federal Highway Administration"}]})
    assert "Guidelines for handling excavated acid-producing materials: PB 91-194001[R]. Springfield:" in reference(rec)


def test_a_host_books_volume_is_part_of_its_title(tmp_path):
    marx, drug, book, series = _read(
        tmp_path,
        {"type": "chapter", "language": "zh", "title": "政治经济学批判", "container-title": "马克思恩格斯全集",
         "volume": "35", "edition": "2", "publisher": "人民出版社", "publisher-place": "北京", "page": "302",
         "author": [{"literal": "马克思"}], "issued": {"date-parts": [[2013]]}},
        {"type": "chapter", "language": "zh", "title": "大黄", "container-title": "中华人民共和国药典", "volume": "一部",
         "publisher": "中国医药科技出版社", "publisher-place": "北京", "editor": [{"literal": "国家药典委员会"}],
         "issued": {"date-parts": [[2020]]}},
        {"type": "book", "language": "en", "title": "Kaplan & Sadock's comprehensive textbook of psychiatry",
         "volume": "1", "publisher": "Wolters Kluwer", "publisher-place": "Philadelphia",
         "issued": {"date-parts": [[2009]]}},
        # a Western book's volume in a series is the series' number, not part of its title
        {"type": "book", "language": "en", "title": "Stochastic biomathematical models", "volume": "2058",
         "collection-title": "Lecture notes in mathematics", "publisher": "Springer",
         "issued": {"date-parts": [[2013]]}})
    assert "[M]//马克思恩格斯全集: 第35卷. 2版. 北京: 人民出版社, 2013: 302." in reference(marx)
    assert "[M]//国家药典委员会. 中华人民共和国药典: 一部. 北京:" in reference(drug)
    assert "psychiatry: Vol. 1[M]. Philadelphia:" in reference(book)
    assert reference(series).startswith("Stochastic biomathematical models[M]. [S.l.]: Springer, 2013")


def test_an_online_reports_full_date_is_written_in_brackets(tmp_path):
    # "(更新或修改日期)[引用日期]": [R/OL]. (2012-01-16)[2013-03-26], in either system
    report, year_only = _read(
        tmp_path,
        {"type": "report", "language": "zh", "title": "第29次中国互联网络发展状况统计报告", "URL": "http://x.cn/r.pdf",
         "author": [{"literal": "中国互联网络信息中心"}], "accessed": {"date-parts": [[2013, 3, 26]]},
         "issued": {"date-parts": [[2012, 1, 16]]}},
        {"type": "report", "language": "zh", "title": "统计报告", "URL": "http://x.cn/r.pdf",
         "accessed": {"date-parts": [[2013, 3, 26]]}, "issued": {"date-parts": [[2012]]}})
    assert reference(report).endswith("统计报告[R/OL]. (2012-01-16)[2013-03-26]. http://x.cn/r.pdf.")
    assert "统计报告[R/OL]. (2012-01-16)[2013-03-26]." in reference(report, year="2012")
    assert reference(year_only).endswith("统计报告[R/OL]. 2012[2013-03-26]. http://x.cn/r.pdf.")


def test_no_doubled_full_stop_after_et_al_or_an_abbreviation(tmp_path):
    paper, report = _read(
        tmp_path,
        {"type": "paper-conference", "language": "en", "title": "White functionals",
         "container-title": "Advances in Neural Information Processing Systems", "publisher": "Curran Associates, Inc.",
         "author": [{"family": "Cuturi", "given": "Marco"}], "issued": {"date-parts": [[2009]]},
         "editor": [{"family": n, "given": "A"} for n in ("Bengio", "Schuurmans", "Lafferty", "Williams")]},
        {"type": "report", "language": "en", "title": "Retest scores", "publisher": "ACT, Inc.",
         "URL": "http://eric.ed.gov/?id=ED602023", "issued": {"date-parts": [[2019]]}})
    assert "[C]//BENGIO A, SCHUURMANS A, LAFFERTY A, et al. Advances" in reference(paper)
    assert reference(paper, year="2009").endswith("Curran Associates, Inc.")
    assert reference(report, year="2019").endswith("ACT, Inc. http://eric.ed.gov/?id=ED602023.")


@pytest.mark.parametrize("item, expected", [
    # an article with pages but no journal: not "[J/OL]. : Section(s)"
    ({"type": "article-journal", "title": "Act Name", "page": "Section(s)", "URL": "http://x.org"},
     "Act Name[J/OL]. Section(s). http://x.org."),
    # a newspaper without a date: not "Newspaper Name, (Page(s))"
    ({"type": "article-newspaper", "title": "Analytic Title", "container-title": "Newspaper Name", "page": "3"},
     "Analytic Title[N]. Newspaper Name(3)."),
    # a publisher's CSL markup is not printed
    ({"type": "book", "title": "The impossible book", "publisher": "Dead Po<sub>eee</sub>t Society",
      "issued": {"date-parts": [[1942]]}}, "The impossible book[M]. [S.l.]: Dead Poeeet Society, 1942."),
])
def test_punctuation_without_a_part_and_markup(tmp_path, item, expected):
    assert reference(_one(tmp_path, {"language": "en", **item})) == expected


def test_an_abbreviated_journal_keeps_its_last_period(tmp_path):
    # ISO 4 abbreviations end with a period: "J. Appl. Phys" had been written in every format;
    # a sentence's full stop after a whole name still goes
    path = tmp_path / "journals.ris"
    path.write_text("TY  - JOUR\nTI  - Thin films of nickel\nAU  - Smith, John\nT2  - J. Appl. Phys.\nPY  - 2020\n"
                    "VL  - 127\nSP  - 15\nER  - \n\nTY  - JOUR\nTI  - Muscle disease\nAU  - Lee, Kim\n"
                    "T2  - Frontiers of Neurology and Neuroscience.\nPY  - 2020\nER  - \n", encoding="utf-8")
    result = run_cli("export", "-f", "gbt7714", "--from", str(path))
    assert result.returncode == 0, result.stderr
    assert "[J]. J. Appl. Phys., 2020, 127: 15." in result.stdout
    assert "[J]. Frontiers of Neurology and Neuroscience, 2020." in result.stdout


def test_a_translated_books_english_line_names_its_authors_and_publisher_in_english(tmp_path):
    # the standard's example (a CSL item as the gbt7714 CSL style's test data carries it): the
    # Chinese transliterations 扬奎斯特, 萨金特 are Ljungqvist and Sargent, not "YANG Kuisite"
    rec = _one(tmp_path, {
        "type": "book", "language": "zh-CN", "title": "递归宏观经济理论", "publisher": "中国人民大学出版社",
        "publisher-place": "北京", "edition": "2", "original-publisher": "China Renmin University Press",
        "original-publisher-place": "Beijing", "author": [{"literal": "扬奎斯特"}, {"literal": "萨金特"}],
        "issued": {"date-parts": [["2010"]]},
        "note": "original-author: Ljungqvist || Lars\noriginal-author: Sargent || Thomas J.\n"
                "original-title: Recursive macroeconomic theory"})
    assert reference(rec, "zh") == "扬奎斯特, 萨金特. 递归宏观经济理论[M]. 2版. 北京: 中国人民大学出版社, 2010."
    assert reference(rec, "en") == ("LJUNGQVIST L, SARGENT T J. Recursive macroeconomic theory[M]. 2nd ed. "
                                    "Beijing: China Renmin University Press, 2010.")
    assert reference(rec, "en", "2010").startswith("LJUNGQVIST L, SARGENT T J, 2010.")


def _article(pages: str) -> dict:
    return {"type": "article-journal", "language": "zh", "title": {"zh": "清代江南刻书业研究"},
            "authors": [{"literal": "陈思远", "lang": "zh"}], "journal": {"zh": "中国典籍与文化"}, "year": 2019,
            "issue": "3", "pages": pages}


@pytest.mark.parametrize("pages", ["12-15,20", "12-15;20", "12-15；20", "12–15, 20", "12-15+20", "12 - 15 ,20"])
def test_discontinuous_pages_are_written_one_way_whatever_the_source_wrote(pages):
    # Wanfang's and VIP's "12-15,20", a hand's "12-15;20": the standard's "1-4, 10", as CNKI's "+" is written
    assert reference(_article(pages)) == "陈思远. 清代江南刻书业研究[J]. 中国典籍与文化, 2019(3): 12-15, 20."
    chapter = {**_article(pages), "type": "chapter", "extra": {"place": ["北京"], "publisher": ["中华书局"]}}
    assert reference(chapter).endswith("北京: 中华书局, 2019: 12-15, 20.")


def test_pages_not_of_numbers_alone_are_written_as_given():
    assert reference(_article("序2-序3")).endswith(": 序2-序3.")
    assert reference(_article("S1+S2")).endswith(": S1+S2.")


def test_a_publishers_trailing_separator_is_not_written(tmp_path):
    # CNKI's cite box for a conference paper: "复旦大学历史系;,2016" had been written "复旦大学历史系;, 2016"
    path = tmp_path / "cnki.txt"
    path.write_text("[1]孙立群,钱文华.民国时期地方志编纂的史学意义[C]//中国地方志指导小组.第五届全国方志学术研讨会论文集."
                    "复旦大学历史系;,2016:45-58.\n", encoding="utf-8")
    result = run_cli("export", "-f", "gbt7714", "--from", str(path))
    assert result.returncode == 0, result.stderr
    assert "论文集. [出版地不详]: 复旦大学历史系, 2016: 45-58." in result.stdout
    book = {"type": "book", "language": "zh", "title": {"zh": "中国古代史"}, "year": 2008,
            "extra": {"place": ["北京："], "publisher": ["中华书局，"]}}
    assert reference(book) == "中国古代史[M]. 北京: 中华书局, 2008."


@pytest.mark.parametrize("number", ["GB/T 43109-2023", "GB/T 43109—2023", "GB/T 43109–2023", "GB/T43109-2023"])
def test_a_chinese_standards_year_is_written_after_an_em_dash_whatever_the_source_wrote(number):
    # CNKI writes "GB/T 43109-2023", another source "GB/T 43109—2023": the standard's "GB/T 25100—2010"
    rec = {"type": "standard", "language": "zh", "title": {"zh": "船舶及海洋工程用不锈钢复合钢板"}, "year": 2023,
           "extra": {"number": [number]}}
    assert reference(rec) == "船舶及海洋工程用不锈钢复合钢板: GB/T 43109—2023[S]. 2023."


@pytest.mark.parametrize("number", ["YY/T 0287-2017", "WS/T 367-2012", "GB 18030-2022", "DB11/T 1322-2016"])
def test_an_industry_or_local_standard_is_a_chinese_one(number):
    rec = {"type": "standard", "language": "zh", "title": {"zh": "题名"}, "extra": {"number": [number]}}
    assert f": {number.replace('-', '—')}[S]" in reference(rec)


@pytest.mark.parametrize("number", ["ISO 9001:2015", "IEEE P802.11ba/D8.0-2020", "AIAA G-136-2022", "ASTM D638-14"])
def test_another_bodys_standard_number_is_written_as_given(number):
    rec = {"type": "standard", "language": "en", "title": {"en": "Title"}, "extra": {"number": [number]}}
    assert f"Title: {number}[S]" in reference(rec)


def _book(edition: str, zh: bool = True) -> dict:
    title = {"zh": "简帛古书与学术源流"} if zh else {"en": "History of China"}
    return {"type": "book", "language": "zh" if zh else "en", "title": title, "year": 2008,
            "extra": {"edition": [edition], "place": ["北京" if zh else "London"],
                      "publisher": ["生活·读书·新知三联书店" if zh else "Routledge"]}}


@pytest.mark.parametrize("edition, written", [("第2版", "2版"), ("第二版", "2版"), ("2版", "2版"), ("2", "2版"),
                                              ("新1版", "新1版"), ("修订版", "修订版"), ("2版(修订本)", "2版(修订本)")])
def test_a_chinese_edition_is_written_as_the_standard_writes_it(edition, written):
    # §8.3: 第3版 is written 3版
    assert reference(_book(edition)) == f"简帛古书与学术源流[M]. {written}. 北京: 生活·读书·新知三联书店, 2008."


@pytest.mark.parametrize("edition, written", [("2nd ed.", "2nd ed"), ("2nd edition", "2nd ed"), ("2nd,", "2nd ed"),
                                              ("Rev. ed.", "Rev. ed")])
def test_an_english_edition_is_written_without_the_sources_separator(edition, written):
    assert reference(_book(edition, zh=False)) == f"History of China[M]. {written}. London: Routledge, 2008."


@pytest.mark.parametrize("edition, written", [("2nd rev. ed.", "2nd rev. ed"), ("3rd revised edition", "3rd rev. ed"),
                                              ("2nd ed., rev.", "2nd ed., rev"), ("2. Aufl.", "2. Aufl"),
                                              ("4th, fully revised and updated edition", "4th, fully rev. and updated ed")])
def test_a_numbered_edition_keeps_the_words_that_qualify_it(edition, written):
    # RIS ET, BibTeX edition as Zotero writes them: "3rd revised edition" was written as given, with
    # the words the standard abbreviates (§8.3: "5th ed", "Rev. ed"), and "1. Aufl." too
    assert reference(_book(edition, zh=False)) == f"History of China[M]. {written}. London: Routledge, 2008."
    assert nlm_reference(_book(edition, zh=False)).startswith(f"History of China. {written}. London: Routledge; 2008.")


@pytest.mark.parametrize("edition, written", [("第2版修订版", "2版修订版"), ("第二版(修订本)", "2版(修订本)")])
def test_a_chinese_numbered_edition_with_words_drops_its_di(edition, written):
    assert reference(_book(edition)) == f"简帛古书与学术源流[M]. {written}. 北京: 生活·读书·新知三联书店, 2008."


@pytest.mark.parametrize("edition", ["1st,", "1st ed.", "第1版", "1", "1st edition", "1. Aufl."])
def test_a_first_edition_is_not_written(edition):
    # §8.3: 第1版不著录 (an EndNote record's "1st," had been written "1st,.")
    assert ". 北京: " in reference(_book(edition)) and "版" not in reference(_book(edition))
    assert reference(_book(edition, zh=False)) == "History of China[M]. London: Routledge, 2008."


def test_a_conference_papers_meeting_place_is_not_its_place_of_publication(tmp_path):
    # CNKI's NoteExpress export gives the meeting's place (会议地点) as {Place Published}: it had been
    # written "中国上海: [出版者不详]"; the place of publication is the publisher's city (§8.4.1.1)
    path = tmp_path / "cnki.net"
    path.write_text("{Reference Type}: Conference Proceedings\n{Title}: 民国时期地方志编纂的史学意义\n"
                    "{Tertiary Title}: 第五届全国方志学术研讨会论文集\n{Author}: 孙立群;钱文华\n"
                    "{Secondary Title}: 第五届全国方志学术研讨会\n{Place Published}: 中国上海\n{Year}: 2016\n"
                    "{Pages}: 45-58\n{Database Provider}: CNKI\n", encoding="utf-8")
    result = run_cli("export", "-f", "gbt7714", "--from", str(path))
    assert result.returncode == 0, result.stderr
    assert "论文集. [出版地不详: 出版者不详], 2016: 45-58." in result.stdout
    # with its publisher the place is the publisher's
    paper = {"type": "paper-conference", "language": "zh", "title": {"zh": "民国图书馆学教育的社会贡献"}, "year": 2024,
             "journal": {"zh": "纪念北京大学图书馆学教育100周年研讨会论文集"}, "pages": "134-147",
             "extra": {"place": ["北京"], "publisher": ["北京大学信息管理系"]}}
    assert reference(paper).endswith("论文集. 北京: 北京大学信息管理系, 2024: 134-147.")
