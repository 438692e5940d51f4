"""GB/T 7714 references of articles published online first (网络首发), as CNKI's cite box
writes them: the journal and the pages, no year, volume or issue yet, and the date the
reference was read (引用日期, GB/T 7714-2015 §8.8), which is no publication year."""
from __future__ import annotations

from conftest import clean_items, run_cli

ONLINE_FIRST = (
    "[1]张会佳,侯相竹,张涵,等.黄芪多糖复合酶提取工艺优化及其α-葡萄糖苷酶抑制活性[J/OL].食品工业科技,"
    "1-15[2024-01-08].https://doi.org/10.13386/j.issn1002-0306.2023090315.\n"
    "[2]张会佳,侯相竹,张涵,等.黄芪多糖复合酶提取工艺优化及其α-葡萄糖苷酶抑制活性[J].食品工业科技,1-15.\n"
    "[3]张会佳,侯相竹,张涵,等.黄芪多糖复合酶提取工艺优化及其α-葡萄糖苷酶抑制活性[J/OL].食品工业科技,"
    "2024,45(3):1-15[2024-01-08].https://doi.org/10.13386/j.issn1002-0306.2023090315.\n"
    "[4]中国科学院文献情报中心.中国科学院科技论文预发布平台[EB/OL].[2025-03-06].https://chinaxiv.org/home.htm.\n"
)


def _records(tmp_path) -> dict[int, dict]:
    path = tmp_path / "cite.txt"
    path.write_text(ONLINE_FIRST, encoding="utf-8")
    result, records, failures = clean_items(path, "--format", "gbt7714")
    assert result.returncode == 0 and not failures
    return {r["source"]["record"]: r for r in records}


def _publication(r: dict) -> tuple:
    return r["journal"], r["year"], r["volume"], r["issue"], r["pages"], r["extra"].get("accessed")


def test_an_online_first_article_keeps_its_journal_and_pages_and_no_year(tmp_path):
    # the date in brackets is the date it was read, kept as such, not its year
    r = _records(tmp_path)
    assert _publication(r[1]) == ({"zh": "食品工业科技"}, None, None, None, "1-15", "2024-01-08")
    assert r[1]["doi"] == "10.13386/j.issn1002-0306.2023090315"


def test_a_journal_and_pages_without_a_year(tmp_path):
    assert _publication(_records(tmp_path)[2]) == ({"zh": "食品工业科技"}, None, None, None, "1-15", None)


def test_the_issue_with_its_year_reads_as_before(tmp_path):
    assert _publication(_records(tmp_path)[3]) == ({"zh": "食品工业科技"}, 2024, "45", "3", "1-15", "2024-01-08")


def test_an_online_item_with_only_the_date_it_was_read_has_no_year(tmp_path):
    r = _records(tmp_path)[4]
    assert (r["year"], r["extra"]["accessed"], r["url"]) == (None, "2025-03-06", "https://chinaxiv.org/home.htm")


COLON = (
    "[1]周强,李明,王华.数字孪生车间建模方法研究[J/OL].计算机集成制造系统:1-21[2021-10-18]."
    "http://kns.cnki.net/kcms/detail/11.5946.tp.20211004.2200.018.html.\n"
    "[2]房方,姚贵山.风力发电机组数字孪生系统[J/OL].中国科学:技术科学:1-13[2021-10-18].\n"
    "[3]杨少滢,肖成.沃金黑牛FGF14基因单倍型分析[J/OL].中国畜牧杂志:1-10[2022-11-13].DOI:10.19556/j.0258-7033.20220630-02.\n"
)


def test_a_colon_before_the_pages_as_cnki_writes_them_too(tmp_path):
    # CNKI writes "刊名:1-21[引用日期]"; a journal's name may hold a colon itself
    path = tmp_path / "colon.txt"
    path.write_text(COLON, encoding="utf-8")
    r = {x["source"]["record"]: x for x in clean_items(path, "--format", "gbt7714")[1]}
    assert _publication(r[1]) == ({"zh": "计算机集成制造系统"}, None, None, None, "1-21", "2021-10-18")
    assert _publication(r[2]) == ({"zh": "中国科学:技术科学"}, None, None, None, "1-13", "2021-10-18")
    assert _publication(r[3]) == ({"zh": "中国畜牧杂志"}, None, None, None, "1-10", "2022-11-13")


def test_an_online_first_article_with_a_doi_alone_is_written_back_online(tmp_path):
    # read on a date by its DOI: [J/OL] and the date it was read, as written
    path = tmp_path / "colon.txt"
    path.write_text(COLON, encoding="utf-8")
    result = run_cli("export", "-f", "gbt7714", "--from", str(path))
    lines = result.stdout.splitlines()
    assert lines[0].endswith("[J/OL]. 计算机集成制造系统: 1-21[2021-10-18]. "
                             "http://kns.cnki.net/kcms/detail/11.5946.tp.20211004.2200.018.html.")
    assert lines[2].endswith("[J/OL]. 中国畜牧杂志: 1-10[2022-11-13]. DOI:10.19556/j.0258-7033.20220630-02.")
