"""Pages of Chinese journals' own sites built on the Magtech (玛格泰克) platform, copied from a
browser: a masthead (ISSN, CN), the title, the author line, the paper cited in GB/T 7714 in
Chinese and in English (alone and after 引用本文：/Citation:), the title again, labels alone on
their line with the value on a later one (基金项目：, 作者简介：, 摘要：), and lists whose items open
on a bullet ("  • 关键词:"), keywords one a line each ending on " /".  Pages written here."""
from __future__ import annotations

from conftest import page_record as _page

_MAGTECH = """ISSN 1001-0505
CN 32-1178/N

城市轨道交通站点客流的时空预测模型

王立新, 陈静, JohnR.SMITH

王立新, 陈静, JohnR.SMITH. 城市轨道交通站点客流的时空预测模型[J]. 东南大学学报(自然科学版), 2021, 51(4): 633-640. DOI: 10.3969/j.issn.1001-0505.2021.04.012
引用本文: 王立新, 陈静, JohnR.SMITH. 城市轨道交通站点客流的时空预测模型[J]. 东南大学学报(自然科学版), 2021, 51(4): 633-640. DOI: 10.3969/j.issn.1001-0505.2021.04.012
WANG Lixin, CHEN Jing, John R. SMITH. Spatio-temporal prediction model of passenger flow at urban rail transit stations[J]. Journal of Southeast University (Natural Science Edition), 2021, 51(4): 633-640. DOI: 10.3969/j.issn.1001-0505.2021.04.012
Citation: WANG Lixin, CHEN Jing, John R. SMITH. Spatio-temporal prediction model of passenger flow at urban rail transit stations[J]. Journal of Southeast University (Natural Science Edition), 2021, 51(4): 633-640. DOI: 10.3969/j.issn.1001-0505.2021.04.012

城市轨道交通站点客流的时空预测模型

基金项目: 

江苏省自然科学基金资助项目 BK20190365

详细信息
    作者简介:

    王立新(1985—),男,博士,讲师,研究方向为交通大数据

  • 中图分类号: U293.1

Spatio-temporal prediction model of passenger flow at urban rail transit stations

  • 摘要:

    为提高城市轨道交通站点客流预测的精度，构建了融合图卷积网络与门控循环单元的时空预测模型。以南京地铁刷卡数据验证，结果表明模型的平均绝对误差较基准模型降低12.6%。

  • 关键词:
  • 城市轨道交通 / 
  • 客流预测 / 
  • 图卷积网络 

  • Abstract:

    A spatio-temporal model combining a graph convolutional network with gated recurrent units was built to predict passenger flow at urban rail transit stations. Tested on smart card data of the Nanjing metro, it lowered the mean absolute error by 12.6% against the baseline models.

  • Keywords:
  • urban rail transit / 
  • passenger flow prediction / 
  • graph convolutional network 

  • 收稿日期:  2020-12-02
  • 刊出日期:  2021-07-20

PDF下载 ( 980 KB) 
XML下载 
导出引用 
"""


def _names(record: dict) -> list[str]:
    return [a.get("literal") or a.get("family") for a in record["authors"]]


def test_a_magtech_pages_bullets_are_list_marks_never_names_nor_values(tmp_path):
    record = _page(tmp_path, _MAGTECH)
    assert record["title"] == {"zh": "城市轨道交通站点客流的时空预测模型",
                               "en": "Spatio-temporal prediction model of passenger flow at urban rail transit stations"}
    assert record["keywords"] == {"zh": ["城市轨道交通", "客流预测", "图卷积网络"],
                                  "en": ["urban rail transit", "passenger flow prediction", "graph convolutional network"]}
    assert record["abstract"]["zh"].startswith("为提高城市轨道交通站点客流预测的精度")
    assert record["abstract"]["en"].startswith("A spatio-temporal model combining")
    assert record["extra"]["classification"] == ["U293.1"]
    assert record["extra"]["author_bio"] == ["王立新(1985—),男,博士,讲师,研究方向为交通大数据"]
    assert [(f["funder_original"], f["award"]) for f in record["funding"]] == [("江苏省自然科学基金资助项目", "BK20190365")]
    kept = " ".join(record["extra"].get("unlabelled", []))
    assert "•" not in kept and "关键词" not in kept and "导出引用" not in kept


def test_the_author_line_the_citation_opens_with_is_read_with_its_english_names(tmp_path):
    """Chinese names with a Western co-author's the site glued ("JohnR.SMITH"): the citation under
    them opens with that line, and the English citation gives the names in English."""
    record = _page(tmp_path, _MAGTECH)
    assert _names(record) == ["王立新", "陈静", "SMITH"]
    assert [a.get("alt") for a in record["authors"][:2]] == [
        {"family": "WANG", "given": "Lixin", "lang": "en"}, {"family": "CHEN", "given": "Jing", "lang": "en"}]
    assert record["authors"][2]["given"] == "John R."
    assert "translated_author" not in record["extra"] and "other_titles" not in record["extra"]


def test_the_citation_lines_are_kept_and_give_the_journal_and_its_numbers(tmp_path):
    record = _page(tmp_path, _MAGTECH)
    assert record["extra"]["reference"] == [
        "王立新, 陈静, JohnR.SMITH. 城市轨道交通站点客流的时空预测模型[J]. 东南大学学报(自然科学版), 2021, 51(4): 633-640. "
        "DOI: 10.3969/j.issn.1001-0505.2021.04.012",
        "WANG Lixin, CHEN Jing, John R. SMITH. Spatio-temporal prediction model of passenger flow at urban rail transit "
        "stations[J]. Journal of Southeast University (Natural Science Edition), 2021, 51(4): 633-640. "
        "DOI: 10.3969/j.issn.1001-0505.2021.04.012"]
    assert record["journal"] == {"zh": "东南大学学报(自然科学版)", "en": "Journal of Southeast University (Natural Science Edition)"}
    assert (record["year"], record["volume"], record["issue"], record["pages"]) == (2021, "51", "4", "633-640")
    assert record["doi"] == "10.3969/j.issn.1001-0505.2021.04.012" and record["issn"] == "1001-0505"
    assert record["abstract"].keys() == {"zh", "en"}   # the English citation is no abstract


_MEDICAL = """中华医学杂志 2021年第101卷第15期

  • 论著

老年人衰弱与跌倒风险的队列研究

李红梅 赵刚 孙丽

引用本文: 李红梅, 赵刚, 孙丽. 老年人衰弱与跌倒风险的队列研究[J]. 中华医学杂志, 2021, 101(15): 1090-1095. DOI: 10.3760/cma.j.cn112137-20201012-02811
Cite this article: LI Hongmei, ZHAO Gang, SUN Li. A cohort study of frailty and the risk of falls in older adults[J]. Natl Med J China, 2021, 101(15): 1090-1095. DOI: 10.3760/cma.j.cn112137-20201012-02811

A cohort study of frailty and the risk of falls in older adults

  • 摘要:

    目的 探讨社区老年人衰弱与跌倒风险的关联。方法 纳入1 204名65岁及以上老年人，随访2年。结果 衰弱者跌倒风险升高。

  • 关键词:
  • 衰弱 / 
  • 跌倒 / 
  • 老年人 

参考文献
[1] 王建国, 刘海燕. 老年综合评估的应用[J]. 中华老年医学杂志, 2019, 38(2): 121-125.
"""


def test_a_page_with_its_own_source_line_keeps_it_and_takes_only_whats_missing(tmp_path):
    """The source line over the title gives the journal, year, volume and issue; the citation
    only the pages, the DOI and the journal's English name.  A numbered reference of the page's
    reference list is no citation of the paper."""
    record = _page(tmp_path, _MEDICAL)
    assert record["title"] == {"zh": "老年人衰弱与跌倒风险的队列研究",
                               "en": "A cohort study of frailty and the risk of falls in older adults"}
    assert _names(record) == ["李红梅", "赵刚", "孙丽"]
    assert record["authors"][0]["alt"] == {"family": "LI", "given": "Hongmei", "lang": "en"}
    assert record["journal"] == {"zh": "中华医学杂志", "en": "Natl Med J China"}
    assert (record["year"], record["volume"], record["issue"], record["pages"]) == (2021, "101", "15", "1090-1095")
    assert record["doi"] == "10.3760/cma.j.cn112137-20201012-02811"
    assert record["keywords"] == {"zh": ["衰弱", "跌倒", "老年人"]}
    assert record["extra"]["column"] == "论著"
    assert len(record["extra"]["reference"]) == 2
    assert record["extra"]["references"] == ["[1] 王建国, 刘海燕. 老年综合评估的应用[J]. 中华老年医学杂志, 2019, 38(2): 121-125."]


def test_a_list_of_other_papers_under_a_page_without_an_abstract_gives_none_of_their_fields(tmp_path):
    # a review found a page without an abstract taking the first reference of its list for its own
    # citation: another paper's journal, year, volume, pages and DOI
    rec = _page(tmp_path, "基于深度学习的城市热岛效应研究\n王明, 李华\n北京大学城市与环境学院\n关键词：城市热岛；深度学习；遥感\n"
                "参考文献\n张三, 李四. 城市热岛强度的遥感反演方法[J]. 地理学报, 2015, 70(3): 412-420. DOI: 10.11821/dlxb201503005\n"
                "王五. 城市扩张与地表温度[J]. 生态学报, 2018, 38(2): 101-110.\n")
    assert (rec["journal"], rec["year"], rec["volume"], rec["doi"]) == ({}, None, None, None)
    assert "reference" not in rec["extra"]
