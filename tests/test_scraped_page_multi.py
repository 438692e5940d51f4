"""Files the scraped-page reader used to take whole: CNKI's "Excel" export saved as an HTML
table (the spreadsheet's), and several labelled records in one text file (VIP's text export,
two detail pages copied one after the other), each read on its own.  Inputs written here, in
the layouts of those exports."""
from __future__ import annotations

import pytest

from conftest import clean_items, jsonl, run_cli

# CNKI's export: two-language column names, one row a record (the second with empty cells).
_CNKI_HEADER = ["SrcDatabase-来源库", "Title-题名", "Author-作者", "Organ-单位", "Source-文献来源", "Keyword-关键词",
                "Summary-摘要", "Fund-基金", "Year-年", "Volume-卷", "Period-期", "PageCount-页码", "DOI-DOI"]
_CNKI_ROWS = [["期刊", "黄瓜胚性愈伤组织的诱导保存和再生", "薛婉钰;刘娜;", "西北农林科技大学园艺学院;",
               "西北农林科技大学学报(自然科学版)", "黄瓜;遗传转化;", "【目的】对黄瓜胚性愈伤组织进行研究。",
               "国家自然科学基金项目(32072586);", "2024", "52", "07", "1-7", "10.13207/j.cnki.jnwafu.2024.07.011"],
              ["硕士", "黄瓜共表达基因模块的识别及其特点分析", "林行众;", "南京农业大学", "南京农业大学",
               "黄瓜;共表达;", "摘要文本。", "", "2015", "", "", "", ""]]


def _table(header: list[str], rows: list[list[str]], cell: str = "td", sep: str = "", charset: str = "utf-8",
           before: str = "") -> str:
    def row(cells, tag):
        return "<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in cells) + "</tr>"
    body = sep.join([row(header, cell)] + [row(r, "td") for r in rows])
    return (f'<html><head><meta charset="{charset}"></head><body>{before}<table>{sep}{body}{sep}</table>'
            "</body></html>")


@pytest.mark.parametrize("layout", [
    dict(),                                   # all on one line
    dict(sep="\n"),                           # a row a line
    dict(cell="th", sep="\n"),                # the header in <th> cells
    dict(sep="\r\n", charset="gb2312"),       # written in GB2312, CRLF
])
def test_a_cnki_html_table_under_an_xls_name_is_the_spreadsheets(tmp_path, validate, layout):
    path = tmp_path / "CNKI-export.xls"
    text = _table(_CNKI_HEADER, _CNKI_ROWS, **layout)
    path.write_bytes(text.encode(layout.get("charset", "utf-8")))
    result, records, failures = clean_items(path)
    assert result.returncode == 0 and not failures, result.stderr
    for rec in records:
        validate(rec)
    assert [r["source"]["format"] for r in records] == ["spreadsheet", "spreadsheet"]
    assert [r["title"]["zh"] for r in records] == ["黄瓜胚性愈伤组织的诱导保存和再生", "黄瓜共表达基因模块的识别及其特点分析"]
    assert (records[0]["volume"], records[0]["issue"], records[0]["year"]) == ("52", "7", 2024)


def test_a_table_below_a_banner_or_with_english_columns_is_the_spreadsheets(tmp_path):
    # CNKI's two-language column names tell the table even below a banner; a table of plain
    # column names is told when its header row is the first text shown
    banner, english = tmp_path / "banner.xls", tmp_path / "english.xls"
    banner.write_text(_table(_CNKI_HEADER, _CNKI_ROWS, before="<p>中国知网 文献导出</p>"), encoding="utf-8")
    english.write_text(_table(["Title", "Authors", "Keywords"], [["Marrow stromal cells", "Smith, J", "marrow"]]),
                       encoding="utf-8")
    _, records, failures = clean_items(banner)
    assert not failures and [r["source"]["format"] for r in records] == ["spreadsheet", "spreadsheet"]
    _, records, failures = clean_items(english)
    assert not failures and [(r["source"]["format"], r["title"]["en"]) for r in records] == [
        ("spreadsheet", "Marrow stromal cells")]


def test_a_page_saved_as_html_with_a_table_of_similar_papers_stays_a_page(tmp_path):
    page = tmp_path / "detail.html"
    page.write_text("<html><body><h1>黄瓜胚性愈伤组织的诱导保存和再生</h1><p>作者：薛婉钰 刘娜</p>"
                    "<p>摘要：对黄瓜胚性愈伤组织的诱导保存和再生进行研究。</p><h2>相似文献</h2><table>"
                    "<tr><td>题名</td><td>作者</td><td>来源</td></tr><tr><td>黄瓜的研究</td><td>王明</td><td>园艺学报</td></tr>"
                    "</table></body></html>", encoding="utf-8")
    _, records, failures = clean_items(page)
    assert not failures and [(r["source"]["format"], r["title"]["zh"]) for r in records] == [
        ("scraped-page", "黄瓜胚性愈伤组织的诱导保存和再生")]


_VIP_ONE = ("题名：黄瓜胚性愈伤组织的诱导保存和再生\n作者：薛婉钰;刘娜;苑鑫\n机构：西北农林科技大学园艺学院;宁夏大学农学院\n"
            "刊名：西北农林科技大学学报：自然科学版\n年份：2024\n卷号：52\n期号：7\n页码：1-7\n"
            "关键词：黄瓜;遗传转化;胚性愈伤组织\n摘要：【目的】对黄瓜胚性愈伤组织的诱导保存和再生进行研究。\n")
_VIP_TWO = ("题名：多芯片联合分析2型糖尿病发病相关基因\n作者：辛宁;陈建康\n机构：中国医科大学附属第一医院\n"
            "刊名：中国医科大学学报\n年份：2020\n卷号：49\n期号：12\n页码：1106-1111\n关键词：2型糖尿病;阿尔茨海默病\n"
            "摘要：目的 筛选基因。\n")


def test_vip_labels_of_affiliation_volume_and_issue(tmp_path, validate):
    path = tmp_path / "vip.txt"
    path.write_text(_VIP_ONE, encoding="utf-8")
    (rec,) = jsonl(run_cli("clean", "--json", "-q", str(path)).stdout)
    validate(rec)
    assert (rec["volume"], rec["issue"], rec["pages"], rec["year"]) == ("52", "7", "1-7", 2024)
    assert rec["extra"]["affiliations"] == ["西北农林科技大学园艺学院;宁夏大学农学院"]
    assert "other_titles" not in rec["extra"] and "unlabelled" not in rec["extra"]


def test_labelled_records_after_a_blank_line_are_read_each_on_its_own(tmp_path, validate):
    path = tmp_path / "vip-export.txt"
    path.write_text(_VIP_ONE + "\n" + _VIP_TWO.replace("题名：", "标题："), encoding="utf-8")
    result, records, failures = clean_items(path)
    assert result.returncode == 0 and not failures, result.stderr
    for rec in records:
        validate(rec)
    assert [(r["source"]["record"], r["source"]["line"], r["title"]["zh"]) for r in records] == [
        (1, 1, "黄瓜胚性愈伤组织的诱导保存和再生"), (2, 12, "多芯片联合分析2型糖尿病发病相关基因")]
    assert [[a["literal"] for a in r["authors"]] for r in records] == [["薛婉钰", "刘娜", "苑鑫"], ["辛宁", "陈建康"]]
    assert [(r["volume"], r["issue"], r["journal"]["zh"]) for r in records] == [
        ("52", "7", "西北农林科技大学学报：自然科学版"), ("49", "12", "中国医科大学学报")]
    assert [r["extra"]["affiliations"] for r in records] == [["西北农林科技大学园艺学院;宁夏大学农学院"], ["中国医科大学附属第一医院"]]


def test_a_single_page_repeating_its_labels_stays_one_record(tmp_path):
    # a page gives its abstract again (文摘 after 摘要), after a blank line, and its title in
    # English; a title label with no blank line before it is the other-language title
    path = tmp_path / "page.txt"
    path.write_text("题名：黄瓜胚性愈伤组织的诱导保存和再生\n作者：薛婉钰;刘娜\n摘要：对黄瓜愈伤组织进行研究。\n\n"
                    "文摘：对黄瓜愈伤组织进行研究。\n\nTitle: Induction and regeneration of cucumber callus\n"
                    "关键词：黄瓜\n题名：黄瓜愈伤组织\n", encoding="utf-8")
    result, records, failures = clean_items(path)
    assert not failures and len(records) == 1, result.stdout
    assert records[0]["title"]["en"] == "Induction and regeneration of cucumber callus"


def test_records_split_from_a_file_keep_their_lines_past_a_form_feed(tmp_path):
    # text pasted from a PDF holds form feeds: lines are counted at line ends only, as every reader counts them
    path = tmp_path / "vip.txt"
    path.write_text("题名：第一篇\n作者：张三\n摘要：第一段\f续。\n\n题名：第二篇\n作者：李四\n", encoding="utf-8")
    _, (first, second), failures = clean_items(path)
    assert not failures and (first["source"]["line"], second["source"]["line"]) == (1, 5)
    assert second["title"] == {"zh": "第二篇"}


def test_a_paragraph_of_the_abstract_starting_with_a_title_label_opens_no_record(tmp_path):
    # an abstract about metadata: "题名：" opens a paragraph of prose (with 。), not the next record
    path = tmp_path / "page.txt"
    path.write_text("题名：中文科技期刊元数据著录规范研究\n作者：王某；陈某\n摘要：本文讨论期刊元数据的著录。著录项目包括：\n\n"
                    "题名：应著录文章的正式题名，不含副题名以外的说明。作者：应按原文顺序著录。\n\n"
                    "关键词：元数据；著录；题名\n刊名：中国科技期刊研究\n年，卷(期)：2020，31(2)\n", encoding="utf-8")
    _, records, failures = clean_items(path)
    assert not failures and len(records) == 1
    (record,) = records
    assert (record["journal"], record["year"], record["volume"]) == ({"zh": "中国科技期刊研究"}, 2020, "31")


# A CNKI page and a VIP page copied one after the other with no breadcrumb between them: the
# second page opens at its title (or its site's name, its journal line) once the first has had
# its fields, the title's own header under it (VIP's 摘要 and 作者 set off by a space).
_CNKI_PAGE = """中国知网
首页  >  学术期刊  >  中国肺癌杂志  >  2020年第3期
中国肺癌杂志 . 2020,23(03)   北大核心 CSCD
低剂量CT筛查肺癌的卫生经济学评价
刘芳1 陈明2
1.四川大学华西医院胸外科 2.四川大学华西公共卫生学院
摘要：低剂量CT筛查可降低肺癌死亡率，但其成本效益尚存争议。本文系统评价了国内外低剂量CT筛查肺癌的卫生经济学研究。
关键词：肺肿瘤；低剂量CT；筛查；成本效益分析；
DOI：10.3779/j.issn.1009-3419.2020.03.05
专辑：医药卫生科技
下载：856页码：171-176页数：6大小：980K
"""
_VIP_PAGE = """腰椎间盘突出症经皮内镜术后复发的危险因素分析
Risk factors for recurrence after percutaneous endoscopic lumbar discectomy
在线阅读 下载PDF 引用 收藏 分享
摘要 [目的]分析经皮内镜腰椎间盘切除术后复发的危险因素。[方法]回顾性分析326例患者。[结论]高龄患者术后复发风险较高。
作者 陈晓燕 [1] 王磊 [2]
机构地区 [1]郑州大学第一附属医院骨科 [2]郑州大学第五附属医院骨科
出处 《中国矫形外科杂志》 北大核心 2021年第6期507-511,共5页
关键词 腰椎间盘突出症 经皮内镜 复发 危险因素
"""


@pytest.mark.parametrize("second, line", [
    (_VIP_PAGE, 12),                                     # VIP's page from its title
    ("维普期刊官网\n" + _VIP_PAGE, 12),                   # from its site's name
    ("\n" + _VIP_PAGE, 13),                              # after a blank line
    (_CNKI_PAGE.replace("中国肺癌杂志", "中国矫形外科杂志")
     .replace("低剂量CT筛查肺癌的卫生经济学评价", "腰椎间盘突出症经皮内镜术后复发的危险因素分析")
     .replace("首页  >  学术期刊  >  中国矫形外科杂志  >  2020年第3期\n", ""), 12),   # CNKI's, no breadcrumb
    (_CNKI_PAGE.split("\n", 2)[2].replace("低剂量CT筛查肺癌的卫生经济学评价", "腰椎间盘突出症经皮内镜术后复发的危险因素分析"),
     12),                                                # CNKI's from its journal line
])
def test_a_page_after_another_with_no_breadcrumb_is_a_record_of_its_own(tmp_path, second, line):
    path = tmp_path / "two.txt"
    path.write_text(_CNKI_PAGE + second, encoding="utf-8")
    _, records, failures = clean_items(path)
    assert not failures and [(r["source"]["line"], r["title"]["zh"]) for r in records] == [
        (1, "低剂量CT筛查肺癌的卫生经济学评价"), (line, "腰椎间盘突出症经皮内镜术后复发的危险因素分析")]
    assert [a["literal"] for a in records[0]["authors"]] == ["刘芳", "陈明"]
    assert records[0]["journal"] == {"zh": "中国肺癌杂志"} and "unlabelled" not in records[0]["extra"]
    assert [a["literal"] for a in records[1]["authors"]] in (["陈晓燕", "王磊"], ["刘芳", "陈明"])


def test_a_page_with_titles_and_labels_after_its_keywords_stays_one_record(tmp_path):
    # its English title and block, its related titles, a title with no header under it: one page
    path = tmp_path / "one.txt"
    path.write_text(_CNKI_PAGE + "Cost-effectiveness of low-dose CT screening for lung cancer\n"
                    "Abstract: Low-dose CT screening reduces lung cancer mortality.\n"
                    "Keywords: lung neoplasms; screening\n"
                    "相关文献\n肺癌筛查的卫生经济学研究进展\n摘要：…\n低剂量CT筛查的成本效益\n王建国 李明\n"
                    "版权所有©中国知网 京ICP证040431号\n" + _CNKI_PAGE, encoding="utf-8")
    _, records, failures = clean_items(path)
    assert not failures and len(records) == 1
    assert records[0]["title"]["zh"] == "低剂量CT筛查肺癌的卫生经济学评价"
    assert [a["literal"] for a in records[0]["authors"]] == ["刘芳", "陈明"]


# A page followed by its own PDF's full text: the PDF spaces the Latin words and numbers in its
# title ("基于 CT 影像的…"), or reads a character otherwise, under the page's authors.
_PAGE_THEN_PDF = """首页 > 期刊 > 文章详情
基于CT影像的肺结节良恶性鉴别研究（附120例分析）
作者：刘芳 陈明
出处：《中国肺癌杂志》 2020年 52-58页 共7页
摘要：目的 探讨基于CT影像特征鉴别肺结节良恶性的价值。方法 回顾性分析本院120例患者资料。结论 CT影像特征有助于鉴别。
关键词：肺结节；计算机断层扫描；鉴别诊断
在线阅读 下载PDF
{title}
刘芳1 陈明2
1.四川大学华西医院放射科，成都 610041
摘要：目的 探讨基于 CT 影像特征鉴别肺结节良恶性的价值。方法 回顾性分析本院 120 例患者资料。
关键词：肺结节；计算机断层扫描；鉴别诊断
1 资料与方法
本研究纳入 2018 年至 2019 年本院患者 120 例。
"""


@pytest.mark.parametrize("title", ["基于 CT 影像的肺结节良恶性鉴别研究(附 120 例分析)",   # spaced, half-width brackets
                                   "基于 CT 影豫的肺结节良恶牲鉴别研究(附 120 例分析)"])  # two characters misread
def test_a_page_followed_by_its_own_full_text_stays_one_record(tmp_path, title):
    path = tmp_path / "page.txt"
    path.write_text(_PAGE_THEN_PDF.format(title=title), encoding="utf-8")
    _, records, failures = clean_items(path)
    assert not failures and len(records) == 1
    assert records[0]["title"]["zh"] == "基于CT影像的肺结节良恶性鉴别研究（附120例分析）"
    assert [a["literal"] for a in records[0]["authors"]] == ["刘芳", "陈明"]
