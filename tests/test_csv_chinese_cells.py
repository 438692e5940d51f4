"""Chinese exports' tables (CSV, and the HTML tables Wanfang, CNKI and VIP send as .xls), from a
QA pass: two Chinese names after a comma in one cell, VIP's column names, and a CNKI thesis row."""
from __future__ import annotations

from conftest import clean_items


def read(path, validate, rc=0):
    result, records, failures = clean_items(path)
    assert result.returncode == rc and not failures, result.stderr
    for rec in records:
        validate(rec)
    return records


def names(rec):
    return [a["literal"] for a in rec["authors"]]


def _table(rows: list[list[str]]) -> str:
    return "<html><head><meta charset='utf-8'></head><body><table>" + "".join(
        "<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows) + "</table></body></html>"


def test_two_chinese_names_after_a_comma_in_a_csv_cell_are_two_authors(tmp_path, validate):
    # "张三,李四" had been read as one name inverted ("Family, Given") and glued: 张三李四
    path = tmp_path / "wanfang.csv"
    path.write_text("题名,作者,刊名,年\n"
                    '基于深度学习的肺结节检测,"张三,李四",中国医学影像技术,2020\n'
                    '高血压社区管理效果评价,"王建国，李四、赵六",中国全科医学,2018\n'
                    '糖尿病的研究,"欧阳, 修文",中华医学杂志,2019\n', encoding="utf-8")
    first, second, third = read(path, validate)
    assert names(first) == ["张三", "李四"]
    assert names(second) == ["王建国", "李四", "赵六"]
    assert names(third) == ["欧阳修文"]   # a two-character surname first: one name inverted, as before


def test_two_chinese_names_in_an_html_xls_cell_are_two_authors(tmp_path, validate):
    path = tmp_path / "wanfang.xls"
    path.write_text(_table([["题名", "作者", "刊名", "年", "关键词"],
                            ["基于深度学习的肺结节检测", "张三,李四", "中国医学影像技术", "2020", "深度学习,肺结节"]]),
                    encoding="utf-8")
    (rec,) = read(path, validate)
    assert rec["source"]["format"] == "spreadsheet"
    assert names(rec) == ["张三", "李四"] and rec["keywords"] == {"zh": ["深度学习", "肺结节"]}


def test_vip_column_names_give_volume_issue_and_abstract(tmp_path, validate):
    path = tmp_path / "vip.csv"
    path.write_text("题名,作者,机构,刊名,年份,卷号,期号,页码,文摘\n"
                    "基于深度学习的肺结节检测,张三;李四,北京大学,中国医学影像技术,2020,36,5,701-705,目的 探讨深度学习。\n",
                    encoding="utf-8")
    (rec,) = read(path, validate)
    assert (rec["year"], rec["volume"], rec["issue"], rec["pages"]) == (2020, "36", "5", "701-705")
    assert rec["abstract"] == {"zh": "目的 探讨深度学习。"} and "columns" not in rec["extra"]


def test_a_cnki_thesis_rows_university_is_its_publisher_not_its_journal(tmp_path, validate):
    path = tmp_path / "cnki.xls"
    path.write_text(_table([["SrcDatabase-来源库", "Title-题名", "Author-作者", "Source-文献来源", "Year-年"],
                            ["硕士", "糖尿病患者血糖控制现状调查", "赵六;", "复旦大学", "2019"],
                            ["博士", "肺癌的免疫治疗", "孙八;", "北京协和医学院", "2020"],
                            ["期刊", "高血压社区管理效果评价", "孙八;周九;", "中国全科医学", "2018"]]), encoding="utf-8")
    master, doctor, article = read(path, validate)
    assert (master["type"], master["journal"], master["extra"]["publisher"], master["extra"]["degree"]) == (
        "thesis", {}, ["复旦大学"], ["硕士"])
    assert (doctor["type"], doctor["journal"], doctor["extra"]["publisher"], doctor["extra"]["degree"]) == (
        "thesis", {}, ["北京协和医学院"], ["博士"])
    assert (article["type"], article["journal"]) == ("article-journal", {"zh": "中国全科医学"})
    assert "publisher" not in article["extra"] and article["extra"]["columns"]["SrcDatabase-来源库"] == "期刊"
