"""Pages copied whole from Chinese sites other than CNKI, VIP, Wanfang and Baidu Xueshu (a
journal's own site, 中华医学期刊全文数据库, SinoMed, 超星, 中国科技论文在线, Airiti) and from
the sites read with their headers: the site's name over its menu or breadcrumb, the menu
("首页 期刊导航 高级检索 登录", "登录 注册 个人中心"), the journal's source line and column over
the title are page chrome or kept apart, never the title nor the authors.  Pages written here."""
from __future__ import annotations

import pytest

from conftest import page_record as _page


def _names(record: dict) -> list[str]:
    return [a.get("literal") or a.get("family") for a in record["authors"]]


_BODY = ("新型冠状病毒肺炎患者出院后肺功能随访研究\n张三1  李四2  王五1\n"
         "1华中科技大学同济医学院附属同济医院呼吸与危重症医学科，武汉 430030；2武汉大学人民医院感染科，武汉 430060\n"
         "摘要\n目的 探讨新型冠状病毒肺炎患者出院后3个月的肺功能变化。方法 前瞻性纳入110例患者。\n"
         "关键词\n新型冠状病毒肺炎；肺功能；随访\n")
_TITLE = "新型冠状病毒肺炎患者出院后肺功能随访研究"


@pytest.mark.parametrize("header", [
    "中华医学期刊全文数据库\n首页 期刊导航 学科分类 高级检索 登录\n",     # a database's name over its menu
    "首页 期刊导航 学科分类 高级检索 登录\n",                              # its menu alone
    "中华医学杂志\n首页 期刊简介 编委会 投稿指南 期刊订阅 联系我们\n",     # a journal's own site
    "超星期刊\n首页 > 期刊 > 中华医学杂志\n",                              # a site's name over its breadcrumb
    "万方医学网\n首页 > 期刊 > 中华医学杂志\n登录 注册 个人中心\n",         # the account's menu too
])
def test_a_sites_header_and_menu_are_no_title_nor_authors(tmp_path, header):
    record = _page(tmp_path, header + _BODY)
    assert record["title"]["zh"] == _TITLE
    assert _names(record) == ["张三", "李四", "王五"]


def test_a_journal_sites_source_line_over_the_title_gives_the_journal(tmp_path):
    written = _page(tmp_path, "首页 期刊导航 高级检索 登录\n中华医学杂志 2021年第101卷第15期\n" + _BODY)
    assert written["title"]["zh"] == _TITLE and written["journal"]["zh"] == "中华医学杂志"
    assert (written["year"], written["volume"], written["issue"]) == (2021, "101", "15")
    magtech = _page(tmp_path, "中华医学杂志  2022, Vol. 102 Issue (8): 560-566    DOI: 10.3760/cma.j.cn112137-20210905-02031\n"
                              + _BODY)
    assert magtech["title"]["zh"] == _TITLE and magtech["journal"]["zh"] == "中华医学杂志"
    assert (magtech["year"], magtech["volume"], magtech["issue"], magtech["pages"]) == (2022, "102", "8", "560-566")
    assert magtech["doi"] == "10.3760/cma.j.cn112137-20210905-02031"


def test_a_mastheads_issn_and_a_database_number_are_no_title(tmp_path):
    record = _page(tmp_path, "ISSN 1008-2204\nCN 11-3979/C\n流水号：2021235467\n" + _BODY)
    assert record["title"]["zh"] == _TITLE and record["issn"] == "1008-2204"


def test_a_pages_headings_and_buttons_are_no_authors(tmp_path):
    """A reference list's heading, a details box's, a Taiwan site's buttons and language switch."""
    record = _page(tmp_path, "社區老人衰弱與生活品質之相關性研究\n繁體中文\n摘要\n目的：探討社區老人衰弱程度與生活品質之相關性。\n"
                             "關鍵詞\n衰弱；生活品質\n參考文獻\n詳細信息\n加入購物車 全文下載 引用 收藏 分享\n")
    assert record["title"]["zh"] == "社區老人衰弱與生活品質之相關性研究" and record["authors"] == []


def test_a_title_over_a_breadcrumb_stays_once_the_page_has_fields(tmp_path):
    """Only what comes before the page's first chrome line, with nothing else read, is the
    site's header: a language switch under the title drops nothing."""
    record = _page(tmp_path, "社區老人衰弱與生活品質之相關性研究\n张三 李四\n首页 > 期刊\n摘要：目的 探讨衰弱。\n")
    assert record["title"]["zh"] == "社區老人衰弱與生活品質之相關性研究" and _names(record) == ["张三", "李四"]


@pytest.mark.parametrize("header", ["万方数据知识服务平台\n登录 注册\n首页 > 期刊 > 中华骨科杂志\n", "登录 注册\n"])
def test_a_supported_sites_account_menu_is_no_title(tmp_path, header):
    record = _page(tmp_path, header + "脊柱转移瘤手术治疗的预后因素分析\n王建国 李明\n摘要：目的 探讨预后因素。\n")
    assert record["title"]["zh"] == "脊柱转移瘤手术治疗的预后因素分析" and _names(record) == ["王建国", "李明"]


@pytest.mark.parametrize("column", ["临床研究", "论著", "综述", "短篇论著", "病例报告", "专题笔谈", "述评", "论著·临床研究"])
def test_a_journals_column_over_the_title_is_kept_apart(tmp_path, column):
    record = _page(tmp_path, f"中国知网\n首页 > 期刊 > 中华骨科杂志\n{column}\n"
                             "脊柱转移瘤手术治疗的预后因素分析\n王建国 李明\n摘要：目的 探讨预后因素。\n")
    assert record["title"]["zh"] == "脊柱转移瘤手术治疗的预后因素分析" and _names(record) == ["王建国", "李明"]
    assert record["extra"]["column"] == column



@pytest.mark.parametrize("buttons", ["下载 收藏 订阅 分享", "在线阅读 下载 订阅", "引用 收藏 订阅"])
def test_a_row_of_buttons_under_the_title_is_no_menu(tmp_path, buttons):
    # 订阅 is a page's button and a site's menu entry: a row of buttons holding it does not make
    # the title above it the site's header (a review found the title dropped)
    rec = _page(tmp_path, "基于深度学习的肺结节检测方法研究\n" + buttons + "\n作者：王建国 李四\n单位：北京大学医学部\n"
                "摘要：目的 探讨深度学习在肺结节检测中的应用价值。\n关键词：深度学习；肺结节；CT\n")
    assert rec["title"] == {"zh": "基于深度学习的肺结节检测方法研究"}
    assert [a["literal"] for a in rec["authors"]] == ["王建国", "李四"]


@pytest.mark.parametrize("header", [
    # CNKI's whole page: its top bar (the app, the language switch, the site map, help, the account)
    "手机知网 App\n English \n网站地图\n帮助中心\n\n 登录 | 个人 \n\n中国知网\n知识发现网络平台\n首页 > 学术期刊 > 中华医学杂志\n",
    "网站地图\n帮助中心\n登录 | 个人\n中国知网\n",                       # the copy started lower
    "百度学术\n首页 订阅 论文查重 文献互助 开题分析\n百度一下\n",           # Baidu Xueshu's menu, its search button
    "百度学术\n百度一下\n",
])
def test_a_sites_top_bar_is_no_title_nor_authors(tmp_path, header):
    record = _page(tmp_path, header + _BODY)
    assert record["title"] == {"zh": _TITLE}
    assert _names(record) == ["张三", "李四", "王五"]


def test_a_language_switch_at_the_pages_top_is_no_title(tmp_path):
    record = _page(tmp_path, "English\nDeep learning for pulmonary nodules\nZHANG Wei; LI Na\n"
                             "Abstract: We propose a model.\n")
    assert record["title"] == {"en": "Deep learning for pulmonary nodules"}
