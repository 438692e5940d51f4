"""QA: a site's chrome read as the paper's fields (its menu line as the title, its header's
name as the title above a labelled record).  Every page text here was written for this project."""
from __future__ import annotations

from conftest import page_record

_BODY = """老年髋部骨折术后谵妄的危险因素分析
摘要：目的 探讨老年髋部骨折患者术后谵妄的危险因素。结论 应重视高龄患者的围术期管理。
作者：陈思远 黄丽华 刘洋
刊名：中华骨科杂志
"""


def test_menu_line_with_entries_not_known_is_chrome(tmp_path):
    for menu in ("首页 资源导航 知识脉络 万方选题 登录 注册", "首页 期刊导航 期刊评价报告 期刊开放获取 职称评审材料 登录 注册",
                 "首页 登录 注册"):
        record = page_record(tmp_path, "万方数据知识服务平台\n" + menu + "\n" + _BODY)
        assert record["title"] == {"zh": "老年髋部骨折术后谵妄的危险因素分析"}, menu


def test_english_menu_line_is_chrome(tmp_path):
    page = """CNKI
Home Journals Proceedings Dissertations Log in
Deep learning-based differentiation of pulmonary nodules on chest CT
ZHANG Wei LI Na
Abstract:Objective To evaluate a deep learning model. Conclusion The model is effective.
Keywords:deep learning; pulmonary nodule
"""
    record = page_record(tmp_path, page)
    assert record["title"] == {"en": "Deep learning-based differentiation of pulmonary nodules on chest CT"}


def test_site_name_over_menu_not_known_is_no_title_nor_its_entries_names(tmp_path):
    page = """中国生物医学文献服务系统 SinoMed
首页 快速检索 高级检索 主题检索 分类检索 期刊检索
标题：慢性阻塞性肺疾病急性加重患者血清降钙素原水平的临床意义
作者：周敏; 孙伟; 钱进
摘要：目的 探讨血清降钙素原的意义。结论 PCT可作为评估指标。
"""
    record = page_record(tmp_path, page)
    assert record["title"] == {"zh": "慢性阻塞性肺疾病急性加重患者血清降钙素原水平的临床意义"}
    assert [a["literal"] for a in record["authors"]] == ["周敏", "孙伟", "钱进"]


def test_title_label_beats_the_unlabelled_line_above_it(tmp_path):
    page = """中国生物医学文献服务系统 SinoMed
流水号：2021123456
标题：慢性阻塞性肺疾病急性加重患者血清降钙素原水平的临床意义
作者：周敏; 孙伟; 钱进
摘要：目的 探讨血清降钙素原的意义。结论 PCT可作为评估指标。
"""
    record = page_record(tmp_path, page)
    assert record["title"] == {"zh": "慢性阻塞性肺疾病急性加重患者血清降钙素原水平的临床意义"}
    assert record["extra"]["unlabelled"] == ["中国生物医学文献服务系统 SinoMed"]


def test_title_like_lines_stay_titles(tmp_path):
    for title in ("首页设计研究", "Home Visits Reduce Falls in Older Adults"):
        record = page_record(tmp_path, title + "\n摘要：目的 探讨。结论 有效。\n作者：陈思远 黄丽华\n")
        assert list(record["title"].values()) == [title]


def _failures(tmp_path, text: str) -> list[str]:
    from indexer.cleaner import clean_paths
    from indexer.record import Failure

    path = tmp_path / "list.txt"
    path.write_text(text, encoding="utf-8")
    return [r.reason for r in clean_paths([str(path)]) if isinstance(r, Failure)]


def test_a_cnki_results_list_fails_saying_what_to_export(tmp_path):
    listed = """检索范围：总库  主题：肺结节 深度学习
共找到 1,234 条结果
全选 已选：0 清除 批量下载 导出与分析 排序：相关度 发表时间 被引 下载 综合
题名 作者 来源 发表时间 数据库 被引 下载 操作
1 基于深度学习的胸部CT肺结节良恶性鉴别研究 王建国; 李娜 中华医学杂志 2021-04-20 期刊 12 1523
"""
    (reason,) = _failures(tmp_path, listed)
    assert reason.startswith("a CNKI results list: ") and "导出文献" in reason


def test_a_baidu_results_list_fails_saying_what_to_export(tmp_path):
    listed = """百度学术
首页 订阅 论文查重 文献互助 开题分析
找到约1,230条相关结果
按相关性
乡村振兴背景下农村电商发展路径研究
王丽 , 陈刚 - 《农业经济问题》 - 被引量: 23 - 2021年
乡村振兴战略为农村电商发展提供了新机遇。
收藏 引用 批量引用 免费下载
"""
    (reason,) = _failures(tmp_path, listed)
    assert reason.startswith("a Baidu Xueshu results list: ")


def test_result_markers_stay_linear_on_a_long_line():
    import time

    from indexer.readers.base import results_page

    start = time.perf_counter()
    assert results_page("按相关性\n" + "a - 《b" * 9000 + "\n" + "批量 " * 9000 + "x\n") is None
    assert time.perf_counter() - start < 2


def test_pages_of_sites_not_read_fail_saying_to_export(tmp_path):
    wiley = """RESEARCH ARTICLE
Full Access
Effects of exercise on sleep quality in older adults: A randomized controlled trial
Mei Chen, Jun Liu, Sarah Brown
First published: 15 June 2022
Abstract
Poor sleep is common in older adults. Exercise improved sleep quality.
"""
    taylor = """Original Articles
Teacher agency in curriculum reform: evidence from rural China
Li Zhang  &  Wei Chen
Pages 345-362 | Received 12 Jan 2020, Accepted 03 Aug 2020, Published online: 21 Sep 2020
Cite this article https://doi.org/10.1080/00220272.2020.1812345
 Figures & data
 Reprints & Permissions
ABSTRACT
This article examines how rural teachers in China exercise agency during curriculum reform.
"""
    jstage = """J-STAGE
トップ
資料トップ
日本看護科学会誌
高齢者の転倒予防に関する介入研究
山田 花子, 鈴木 一郎, 佐藤 美咲
著者情報
PDFをダウンロード (1234K)
抄録
目的：高齢者の転倒予防プログラムの効果を検証する。
参考文献 (12)
"""
    for text, site in ((wiley, "Wiley Online Library"), (taylor, "Taylor & Francis Online"), (jstage, "J-STAGE")):
        (reason,) = _failures(tmp_path, text)
        assert reason.startswith(f"a page copied from {site}, a site this reader does not read: export"), site


def test_english_title_opening_with_home_at_the_top_stays_the_title(tmp_path):
    # "Home" tells a menu only beside another menu entry (Journals, Search, Log in …), not as a
    # title's first word, even at the page's top
    for title in ("Home Visits Reduce Falls", "Home Blood Pressure Monitoring"):
        record = page_record(tmp_path, title + "\nAuthors: John Smith, Mary Jones\nAbstract: We did it.\n")
        assert record["title"] == {"en": title}, title


def test_a_line_with_one_account_word_is_no_menu(tmp_path):
    # one of 注册, 登录, 首页 among short words is a title's or keywords' word; a menu has two
    # known entries (首页 … 登录 注册), and a keywords' label's next line is its keywords
    record = page_record(tmp_path, "注册 资本 认缴制 改革 研究\n王建国 李娜\n摘要：本文研究了注册资本认缴制。\n关键词：注册资本；认缴制\n")
    assert record["title"] == {"zh": "注册 资本 认缴制 改革 研究"}
    record = page_record(tmp_path, "药品注册审评研究\n作者：王建国\n关键词：\n药品 注册 审评 监管\n摘要：本文研究了药品注册。\n")
    assert record["keywords"]["zh"] == ["药品", "注册", "审评", "监管"]
    record = page_record(tmp_path, "身份认证研究\n作者：王建国\n关键词：\n首页 登录 注册\n摘要：本文研究了网站登录。\n")
    assert record["keywords"]["zh"] == ["首页", "登录", "注册"]


def test_translated_title_above_a_title_label_stays_the_translated_title(tmp_path):
    # a title label replaces the lines above it in its own script only: the English line over
    # 题名： is the page's English title, not a site's name
    english = "Effect of exercise on sleep quality in older adults"
    fields = "作者：王建国；李娜\n刊名：中华医学杂志\n摘要：目的探讨运动对老年人睡眠的影响。\n"
    for page in (f"{english}\n题名：运动对老年人睡眠质量的影响\n{fields}",
                 f"运动对老年人睡眠质量的影响\n{english}\n题名：运动对老年人睡眠质量的影响\n{fields}"):
        record = page_record(tmp_path, page)
        assert record["title"] == {"zh": "运动对老年人睡眠质量的影响", "en": english}
        assert list(record["title"]) == ["zh", "en"] and record["language"] == "zh"  # (the labelled title first)
        assert english not in record["extra"].get("unlabelled", [])


def test_airiti_menu_with_its_log_in_entry_is_chrome(tmp_path):
    # Airiti's menu, in traditional characters: 首頁 and its account's 登入 make it a menu
    record = page_record(tmp_path, "華藝線上圖書館\n首頁 期刊 論文 會議論文 登入\n" + _BODY)
    assert record["title"] == {"zh": "老年髋部骨折术后谵妄的危险因素分析"}
