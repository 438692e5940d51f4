"""Spreadsheets read with the real python-calamine: workbooks written here, cell by cell, in
the layout of CNKI's and Wanfang's Excel exports (the cell XML of the Office Open XML
standard, no Office library needed to write them)."""
from __future__ import annotations

import json
import zipfile
from xml.sax.saxutils import escape

from conftest import clean_items, run_cli

_CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/'
                  '2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                  'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
                  '"/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.'
                  'main+xml"/>{sheets}</Types>')
_SHEET_TYPE = ('<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-'
               'officedocument.spreadsheetml.worksheet+xml"/>')
_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
         'relationships">{}</Relationships>')
_REL = '<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{target}"/>'


def write_xlsx(path, sheets: dict[str, list[list]]) -> None:
    """A workbook of ``sheets`` (name → rows; a cell is text, a number or None)."""
    def cell(ref, value):
        if value is None:
            return ""
        if isinstance(value, (int, float)):
            return f'<c r="{ref}"><v>{value}</v></c>'
        return f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'

    def sheet_xml(rows):
        body = "".join(f'<row r="{r}">' + "".join(cell(f"{chr(64 + c)}{r}", v) for c, v in enumerate(row, 1))
                       + "</row>" for r, row in enumerate(rows, 1))
        return ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                f'spreadsheetml/2006/main"><sheetData>{body}</sheetData></worksheet>')

    names = list(sheets)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES.format(
            sheets="".join(_SHEET_TYPE.format(n=n) for n in range(1, len(names) + 1))))
        z.writestr("_rels/.rels", _RELS.format(_REL.format(n=1, kind="officeDocument", target="xl/workbook.xml")))
        z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.'
                   'openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships"><sheets>'
                   + "".join(f'<sheet name="{escape(name)}" sheetId="{n}" r:id="rId{n}"/>' for n, name in enumerate(names, 1))
                   + "</sheets></workbook>")
        z.writestr("xl/_rels/workbook.xml.rels", _RELS.format("".join(
            _REL.format(n=n, kind="worksheet", target=f"worksheets/sheet{n}.xml") for n in range(1, len(names) + 1))))
        for n, name in enumerate(names, 1):
            z.writestr(f"xl/worksheets/sheet{n}.xml", sheet_xml(sheets[name]))


CNKI_HEADER = ["SrcDatabase-来源库", "Title-题名", "Author-作者", "Source-文献来源", "Year-年", "Volume-卷",
               "Period-期", "Page-页码", "Fund-基金", None]


def test_a_cnki_excel_export(tmp_path, validate):
    path = tmp_path / "CNKI-export.xlsx"
    write_xlsx(path, {"Sheet1": [
        ["中国知网 文献导出"],                                   # a banner above the header
        [],
        CNKI_HEADER,
        ["期刊", "骨髓间充质干细胞的增殖研究", "张三;李四;", "中华医学杂志", 2021, 19, "03", "101-105",
         "国家自然科学基金(81702662)", "a note in a column without a name"],
        [],
        ["期刊", None, None, None, 2020],                         # a row with nothing to cite
        ["硕士", "Marrow stromal cells in culture", "Wang Lei", "Beijing University", 2019.0],
    ]})
    result, records, failures = clean_items(path)
    assert result.returncode == 1, result.stderr
    for rec in records:
        validate(rec)
    first, second = records
    assert first["title"] == {"zh": "骨髓间充质干细胞的增殖研究"} and first["source"]["line"] == 4
    assert [a["literal"] for a in first["authors"]] == ["张三", "李四"]
    assert (first["journal"], first["year"], first["volume"], first["issue"], first["pages"]) == (
        {"zh": "中华医学杂志"}, 2021, "19", "3", "101-105")
    assert [(f["funder_original"], f["award"]) for f in first["funding"]] == [("国家自然科学基金", "81702662")]
    assert first["extra"]["columns"] == {"SrcDatabase-来源库": "期刊", "column 10": "a note in a column without a name"}
    assert (second["year"], second["source"]["line"], second["source"]["format"]) == (2019, 7, "spreadsheet")
    banner, empty = failures                                      # nothing lost: both kept with their text
    assert (banner["line"], banner["raw"], banner["reason"]) == (1, "中国知网 文献导出", "rows above the header row, not records")
    assert empty["line"] == 6 and empty["raw"].startswith("期刊") and "2020" in empty["raw"]
    assert [r["source"]["record"] for r in records] + [f["record"] for f in failures] == [2, 4, 1, 3]


def test_sheets_are_read_in_turn_and_a_sheet_without_a_header_is_one_failure(tmp_path, validate):
    path = tmp_path / "wanfang.xlsx"
    write_xlsx(path, {
        "期刊论文": [["题名", "作者", "刊名", "年"], ["针刺治疗研究", "赵明", "中国针灸", 2018]],
        "说明": [["本表由万方数据导出"], ["共 1 条"]],
        "学位论文": [["题名", "作者", "学位授予单位", "年"], ["骨髓研究", "孙丽", "北京大学", 2017]],
    })
    result, records, failures = clean_items(path)
    assert [r["title"]["zh"] for r in records] == ["针刺治疗研究", "骨髓研究"]
    assert [r["extra"]["sheet"] for r in records] == ["期刊论文", "学位论文"]
    assert [r["source"]["record"] for r in records] == [1, 3]
    (failure,) = failures
    assert "no header row (sheet 说明)" in failure["reason"] and failure["raw"] == "本表由万方数据导出\n共 1 条"


def test_workbooks_in_a_folder_are_ingested_and_found(tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    write_xlsx(folder / "cnki.xlsx", {"Sheet1": [CNKI_HEADER[:5], ["期刊", "肉瘤样癌的外科治疗", "王跃", "中华骨科杂志", 2021]]})
    (folder / "not-a-workbook.xls").write_text("Title\tYear\nA tab-separated file named .xls\t2020\n", encoding="utf-8")
    result = run_cli("ingest", "--json", str(folder), "--index", str(tmp_path / "idx"))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["added"] == 2                # the text one read as the CSV it is
    hits = json.loads(run_cli("search", "--json", "癌", "--index", str(tmp_path / "idx")).stdout)["hits"]
    assert [(h["title"]["zh"], h["source"]["format"]) for h in hits] == [("肉瘤样癌的外科治疗", "spreadsheet")]


def test_a_damaged_workbook_is_one_failure_naming_the_damage(tmp_path):
    path = tmp_path / "cut.xlsx"
    write_xlsx(path, {"Sheet1": [["Title", "Year"], ["A", 2020]]})
    path.write_bytes(path.read_bytes()[:200])                     # a download cut off
    result, records, failures = clean_items(path)
    assert result.returncode == 1 and not records
    assert failures[0]["reason"].startswith("cannot read the workbook (")


def test_a_workbook_that_would_unpack_to_gigabytes_is_not_opened(tmp_path):
    path = tmp_path / "bomb.xlsx"
    write_xlsx(path, {"Sheet1": [["Title", "Year"], ["A", 2020]]})
    data = bytearray(path.read_bytes())
    # the sheet's entry in the ZIP's central directory says it unpacks to 2 GB
    entry = data.index(b"xl/worksheets/sheet1.xml", data.index(b"PK\x01\x02")) - 46
    data[entry + 24:entry + 28] = (0x7FFFFFFF).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    result, records, failures = clean_items(path)
    assert result.returncode == 1 and not records
    assert "unpacks to 2,048 MB" in failures[0]["reason"]


def test_an_html_table_saved_as_xls(tmp_path, validate):
    # Many sites' "Excel" export is an HTML table under an .xls name (Excel opens it).
    path = tmp_path / "export.xls"
    path.write_text(
        '<html><head><meta charset="utf-8"></head><body>\n<h3>检索结果</h3>\n<table border="1">\n'
        "<tr><th>Title-题名</th><th>Author-作者</th><th>Source-文献来源</th><th>Year-年</th></tr>\n"
        "<tr><td>骨髓&amp;外周血<br>干细胞比较</td><td>张三;李四</td><td>中华血液学杂志</td><td>2020</td></tr>\n"
        "<tr><td><a href='x'>Marrow   <b>stromal</b> cells</a></td><td>Smith, J</td><td>Blood</td><td>2018</td></tr>\n"
        "</table></body></html>\n", encoding="utf-8")
    result, records, failures = clean_items(path)
    assert result.returncode == 0 and not failures, result.stderr
    for rec in records:
        validate(rec)
    assert [(r["title"].get("zh") or r["title"].get("en"), r["year"], r["source"]["line"]) for r in records] == [
        ("骨髓&外周血 干细胞比较", 2020, 5), ("Marrow stromal cells", 2018, 6)]
    assert [r["source"]["format"] for r in records] == ["spreadsheet", "spreadsheet"]


def test_format_spreadsheet_reads_a_workbook_or_a_table_under_any_name(tmp_path):
    workbook, table = tmp_path / "download.dat", tmp_path / "export.txt"
    write_xlsx(workbook, {"Sheet1": [["Title", "Year"], ["Marrow in a workbook", 2020]]})
    table.write_text("<table><tr><td>Title</td><td>Year</td></tr><tr><td>Marrow in a table</td><td>2021</td></tr>"
                     "</table>", encoding="utf-8")
    _, records, _ = clean_items(workbook, "--format", "spreadsheet")
    assert [r["title"]["en"] for r in records] == ["Marrow in a workbook"]
    _, records, _ = clean_items(table, "--format", "spreadsheet")
    assert [r["title"]["en"] for r in records] == ["Marrow in a table"]
    result, records, failures = clean_items(workbook)       # without it, a ZIP under another name
    assert not records and "a workbook under another name" in failures[0]["reason"]


def test_a_cell_of_whole_pinyin_names_is_the_list_of_them(tmp_path, validate):
    """Wanfang's 作者 of an English paper, "Wang Wu, Zhao Liu", is two authors (it was one,
    family "Wang Wu", given "Zhao Liu"); an inverted name ("Wang, Jianguo", "Smith, John A.")
    stays one, and so do two Western names, which may be one inverted name ("De Luca, Maria Rosa")."""
    path = tmp_path / "wanfang.xlsx"
    write_xlsx(path, {"万方数据": [["题名", "作者", "年"],
                                   ["Clinical features of COVID-19", "Wang Wu, Zhao Liu", 2020],
                                   ["Spinal surgery", "Jianguo Wang, Xiaoming Li, ZHANG Jian-guo", 2020],
                                   ["Bone density", "Wang, Jianguo", 2020],
                                   ["Hip fracture", "Smith, John A.", 2020],
                                   ["Knee surgery", "De Luca, Maria Rosa", 2020]]})
    result, records, failures = clean_items(path)
    assert result.returncode == 0 and not failures, result.stderr
    for rec in records:
        validate(rec)
    assert [len(r["authors"]) for r in records] == [2, 3, 1, 1, 1]
    assert [(a["family"], a["given"]) for a in records[1]["authors"]] == [
        ("Wang", "Jianguo"), ("Li", "Xiaoming"), ("ZHANG", "Jian-guo")]
    assert [(r["authors"][0]["family"], r["authors"][0]["given"]) for r in records[2:]] == [
        ("Wang", "Jianguo"), ("Smith", "John A."), ("De Luca", "Maria Rosa")]


# One record in Web of Science's Excel export (its columns named) and in its tab-delimited one
# (the same columns under their tags).
WOS_COLUMNS = [("Publication Type", "PT", "C"), ("Authors", "AU", "Zhang, K; Wang, JG"),
               ("Author Full Names", "AF", "Zhang, Kejia; Wang, Jian-Guo"),
               ("Article Title", "TI", "Fracture detection with CNN"),
               ("Source Title", "SO", "2022 IEEE INTERNATIONAL CONFERENCE ON BIOINFORMATICS"),
               ("Document Type", "DT", "Proceedings Paper"), ("Keywords Plus", "ID", "DEEP LEARNING; FRACTURE"),
               ("Addresses", "C1", "[Zhang, Kejia] Peking Univ, Beijing, Peoples R China; "
                                   "[Wang, Jian-Guo] Tsinghua Univ, Beijing, Peoples R China"),
               ("Funding Orgs", "FU", "Shanxi Province Science Foundation for Youths [201901D211123]"),
               ("Publication Year", "PY", 2022), ("Start Page", "BP", 100), ("End Page", "EP", 105),
               ("Pubmed Id", "PM", 33587412), ("UT (Unique WOS ID)", "UT", "WOS:000900000000001"),
               ("My notes", None, "read twice")]


def test_a_web_of_science_excel_export_reads_as_its_tab_delimited_export(tmp_path, validate):
    workbook, tab = tmp_path / "savedrecs.xlsx", tmp_path / "savedrecs.txt"
    write_xlsx(workbook, {"savedrecs": [[name for name, _, _ in WOS_COLUMNS], [v for _, _, v in WOS_COLUMNS]]})
    fields = [(tag, value) for _, tag, value in WOS_COLUMNS if tag]
    tab.write_text("\t".join(t for t, _ in fields) + "\n" + "\t".join(str(v) for _, v in fields) + "\n",
                   encoding="utf-8")
    result, (rec,), _ = clean_items(workbook)
    assert result.returncode == 0, result.stderr
    validate(rec)
    (want,) = clean_items(tab)[1]
    for key in ("type", "title", "authors", "keywords", "journal", "year", "pages", "funding"):
        assert rec[key] == want[key], key
    assert rec["type"] == "paper-conference" and rec["keywords"]["en"] == ["DEEP LEARNING", "FRACTURE"]
    assert [a["affiliation"] for a in rec["authors"]] == ["Peking Univ, Beijing, Peoples R China",
                                                         "Tsinghua Univ, Beijing, Peoples R China"]
    assert [(f["funder_original"], f["award"]) for f in rec["funding"]] == [
        ("Shanxi Province Science Foundation for Youths", "201901D211123")]
    assert rec["extra"]["pmid"] == ["33587412"] and rec["extra"]["columns"] == {"My notes": "read twice"}


def test_a_row_failure_in_a_workbook_of_sheets_names_its_sheet(tmp_path):
    path = tmp_path / "two_sheets.xlsx"
    header = ["Title", "Authors", "Journal", "Year"]
    write_xlsx(path, {"2021": [header, ["A title", "Li, M", "Spine", 2021], [None, None, None, 2021]],
                      "2022": [header, ["B title", "Wu, J", "Spine", 2022], [None, None, None, 2022]]})
    result, records, failures = clean_items(path)
    assert len(records) == 2 and [f["line"] for f in failures] == [3, 3]
    assert [f["reason"] for f in failures] == [f"row has no title, author, journal or DOI (sheet {s})"
                                               for s in ("2021", "2022")]
    assert "two_sheets.xlsx:3: row has no title, author, journal or DOI (sheet 2022)" in run_cli("clean", str(path)).stderr
    # a workbook of one sheet names none
    write_xlsx(path, {"Sheet1": [header, [None, None, None, 2021]]})
    assert clean_items(path)[2][0]["reason"] == "row has no title, author, journal or DOI"
