"""Reader for detail pages scraped from CNKI, VIP (维普) and Wanfang (万方): one page per file.

A page is lines: navigation (首页 > …) and button rows (下载 收藏 …) that are not data,
one or two title lines, labelled fields (摘要 / 文摘 / Abstract, 关键词 / Keywords,
基金 / 基金项目 / Fund, 作者 / 作者单位, 刊名 / Journal, 出处《…》, 年，卷(期), DOI, 分类号 …)
with or without a colon (labels are often glued to their value), spaced ("摘  要") or
bracketed ("【作者】", CNKI's old layout), alone on their line with the value on the next
(a copy of a table), and on CNKI pages bare author and "Journal. 2020,5(3)" lines, and the
numbered affiliation line under the author line ("1.北京大学 2.清华大学").  An abstract, and a
funding list a copy wrapped, may run over several lines, and an English paragraph right after
the Chinese abstract is the English one; a line naming the page's kind (学位论文) gives its type.
A bullet opening a line ("  • 摘要:") is a list's mark, dropped; the paper cited on its own page
(a journal's site on Magtech: 引用本文：, Citation:) is kept as its reference.
The reader only sorts lines into raw fields; the clean pipeline does the repairs and splitting.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, insort
from collections import Counter
from html.parser import HTMLParser
from typing import Iterator

from ..charsets import HAN, simplified_table
from ..fields.authors import (GROUP_AUTHOR, INSTITUTION, ORG_WORDS, looks_like_names, mark_number,
                              numbered_affiliations, resolve_name_marks, split_author_list)
from ..fields.biblio import PAGE_RANGES, YEAR_DIGITS, split_journal_citation, split_page_count
from ..fields.funding import split_funding_statement
from ..fields.notices import is_notice
from ..fields.sections import EN_LABELS_ALTERNATION, LABELS_EN, LABELS_ZH, ZH_LABELS_ALTERNATION, canonical_label, split_sections
from ..lang.detect import script_counts
from ..pinyin import compared_pinyin, is_person
from ..record import Failure, Record, Repair, Source
from ..repair import fix_mojibake, fold_fullwidth_alnum, unescape_html
from ..repair.text import collapse_truncated_preview, cut_off_mark, preview_outruns, strip_buttons, strip_toggle
from ..repair.constants import UI_HEADER_WORDS, UI_MENU_WORDS, UI_TOGGLES, UI_WORDS
from ._tagged_stream import join_continuation
from .base import find_reader, register, results_page
from .decode import LINE_END

# Label as written → raw field.  Longest labels are tried first.
LABELS: dict[str, str] = {
    "摘要": "abstract", "文摘": "abstract", "内容摘要": "abstract", "中文摘要": "abstract",
    "英文摘要": "abstract", "Abstract": "abstract", "ABSTRACT": "abstract", "摘 要": "abstract",
    "关键词": "keywords", "关键字": "keywords", "關鍵詞": "keywords", "英文关键词": "keywords",
    "Keywords": "keywords", "Key words": "keywords", "KeyWords": "keywords", "Key Words": "keywords",
    "KEYWORDS": "keywords", "KEY WORDS": "keywords",
    "基金": "funding", "基金资助": "funding", "基金项目": "funding", "资助项目": "funding",
    "Fund": "funding", "Funds": "funding", "Funding": "funding", "Foundation": "funding",
    # the funding heading of a journal's page (Wiley's "Funding information", PMC's "Funding"),
    # written in capitals too
    "Funding information": "funding", "Funding Information": "funding", "FUNDING": "funding",
    "FUNDING INFORMATION": "funding",
    # an acknowledgement: kept apart from the abstract, its funding read (pipeline.place_abstracts)
    "致谢": "acknowledgement", "Acknowledgements": "acknowledgement", "Acknowledgments": "acknowledgement",
    "Acknowledgement": "acknowledgement", "Acknowledgment": "acknowledgement",
    "ACKNOWLEDGEMENTS": "acknowledgement", "ACKNOWLEDGMENTS": "acknowledgement",
    "作者": "authors", "Author": "authors", "Authors": "authors", "著者": "authors",
    "作者单位": "affiliation", "机构地区": "affiliation", "作者机构": "affiliation", "单位": "affiliation",
    "Affiliation": "affiliation",
    "刊名": "journal", "期刊": "journal", "Journal": "journal", "来源": "journal", "学位授予单位": "journal",
    "出处": "citation", "来源出版物": "citation",
    "年，卷(期)": "year_volume_issue", "年,卷(期)": "year_volume_issue", "年卷期": "year_volume_issue",
    "年，卷（期）": "year_volume_issue", "年份": "year_volume_issue", "出版年": "year_volume_issue",
    "DOI": "doi", "doi": "doi", "ISSN": "issn", "URL": "url", "链接": "url", "网址": "url",
    "分类号": "classification", "中图分类号": "classification", "专辑": "collection", "专题": "subject",
    "页码": "pages", "被引量": "cited_by", "下载量": "downloads", "导师": "supervisors",
    "学位": "degree", "学位类型": "degree",
    # a thesis's fields, longer than the labels they begin with ("学位" is not "学位年度")
    "学位年度": "year", "学位授予年度": "year", "导师姓名": "supervisors", "指导教师": "supervisors",
    "资助": "funding", "会议名称": "event", "文献来源": "journal", "题名": "titles", "Title": "titles",
    "年": "year", "卷": "volume", "期": "issue", "CN": "cn", "ISBN": "isbn", "出版社": "publisher", "出版时间": "year",
    # VIP's text export, and its detail page copied (题名：/作者：/机构：/刊名：/年份：/卷号：/期号：)
    "标题": "titles", "机构": "affiliation", "卷号": "volume", "期号": "issue",
    # a volume and issue on one line (超星's 卷期：第40卷 第6期)
    "卷期": "volume_issue",
    # the title in the other language (VIP's 英文题名：Survey…), filed by its script as any title
    "英文题名": "titles", "英文标题": "titles", "外文题名": "titles",
    # the authors in pinyin and the journal's English name (VIP's 英文作者：CHEN Xiao-yan;LI Ming and
    # 英文刊名：Chinese Journal of Orthopaedics), as the NoteExpress, E-Study and CSV readers read them:
    # each name its Chinese name's alt (pipeline._pair_translated), the name the journal's in English
    "英文作者": "translated_author", "作者英文名": "translated_author", "英文刊名": "journal",
    # the funding labels of Chinese journals' pages and PDFs copied as text, English and Chinese
    "Foundation item": "funding", "Foundation items": "funding", "Foundation Item": "funding",
    "Foundation Items": "funding", "Fund program": "funding", "Fund project": "funding",
    "Fund Program": "funding", "Fund Project": "funding", "Supported by": "funding",
    "Project supported by": "funding", "项目基金": "funding", "课题来源": "funding",
    # a thesis's level ("学位级别：博士", longer than 学位) and its field of study (CNKI's 专业：外科学)
    "学位级别": "degree", "专业": "major", "学科专业": "major",
    # a conference paper's page (CNKI's 会议): the proceedings are its container, the meeting's
    # date its year; 主办单位 is a meeting's or a journal's sponsor, kept as such
    "会议录名称": "journal", "母体文献": "journal", "会议时间": "date", "会议地点": "event-place", "主办单位": "sponsor",
    # CNKI's English site: "Institution: …" under the authors, and "Year: 2021 , Issue: 06 , Page: 512-516"
    "Institution": "affiliation", "Institutions": "affiliation", "Year": "year", "Volume": "volume",
    "Issue": "issue", "Page": "pages", "Pages": "pages",
    # Baidu Xueshu's source line: "出版源：《中国矫形外科杂志》 , 2021 , 29 (6) :512-516"
    "出版源": "journal",
    # CNKI's old English layout: "【CateGory Index】 R738.1"
    "CateGory Index": "classification", "Category Index": "classification",
    # the date CNKI put the paper online (网络出版时间, KNS8's 在线公开时间 and 网络首发时间, Wanfang's
    # 在线出版日期), and its English site's details, under the keys its Chinese page's have: Series
    # (专辑), Subject (专题), Classification Code (分类号), Online Publication Time
    "网络出版时间": "online_date", "在线公开时间": "online_date", "网络首发时间": "online_date",
    "在线出版日期": "online_date", "Series": "collection", "Subject": "subject",
    "Classification Code": "classification", "Online Publication Time": "online_date",
    # a journal's dates (收稿日期：2021-03-05；修回日期：…；录用日期：…) and the editor of the paper at the
    # journal (本文编辑, 责任编辑: no editor of a book, as extra.editor is to the exports)
    "收稿日期": "received", "修回日期": "revised", "录用日期": "accepted", "接受日期": "accepted",
    # and after them on Magtech's pages, the issue's date and the day the paper went online
    "出版日期": "year", "发布日期": "online_date",
    "本文编辑": "copy_editor", "责任编辑": "copy_editor",
    # a journal's note on its authors (作者简介：王建国（1980—），男，…), not more authors
    "作者简介": "author_bio", "第一作者简介": "author_bio", "通讯作者简介": "author_bio",
    "通信作者简介": "author_bio", "作者介绍": "author_bio",
    # a Chinese journal's codes, in Chinese and in English (the classification as 中图分类号 is)
    "文献标识码": "document_code", "文章编号": "article_id", "Document code": "document_code",
    "Document Code": "document_code", "Article ID": "article_id", "CLC": "classification",
    "CLC Number": "classification", "CLC number": "classification", "Chinese Library Classification": "classification",
    "Chinese library classification": "classification",
    # the corresponding author as a journal's page names them (通讯作者：李明，Email：…), kept apart
    "通讯作者": "corresponding", "通信作者": "corresponding", "Corresponding author": "corresponding",
    "Corresponding Author": "corresponding",
    # SinoMed's record number, its CN number, and its indexing in CMeSH: the subject headings
    # (主题词, "脊柱肿瘤/外科学") are keywords, as MEDLINE's MH are; the check tags (特征词: 人类,
    # 男(雄)性), which say who was studied, not what about, are kept apart
    "流水号": "accession_number", "国内代码": "cn", "主题词": "keywords", "特征词": "check_tags",
    # the paper cited as the journal's page gives it to copy (Magtech's 引用本文：/Citation:, a GB/T
    # 7714 reference in Chinese and in English): kept in extra.reference (see _Page.settle_references)
    "引用本文": "reference", "引用格式": "reference", "本文引用格式": "reference", "Citation": "reference",
    "Cite this article": "reference",
    # CSSCI's record page (中文社会科学引文索引): its titles, authors, institutions ("[王芳]南京大学…/[李强]…",
    # each author's own), year, volume and issue on one line, classification; its first author and
    # first institution, given again, kept apart, as is the category of its funding (基金类别：国家社科基金,
    # the kind of fund its 基金 names with their numbers)
    "来源篇名": "titles", "英文篇名": "titles", "来源作者": "authors", "机构名称": "affiliation",
    "年代卷期": "year_volume_issue", "中图类号": "classification", "第一作者": "first_author",
    "第一机构": "first_institution", "基金类别": "funding_category",
}
# Labels read only with a colon after them: a glued "年轻…", "Title IX", "CNN" or "机构改革…" is text,
# and so are "Supported by the …" (a sentence) and "项目基金管理…".
_COLON_ONLY = frozenset(("年", "卷", "期", "Title", "致谢", "CN", "ISBN", "标题", "机构", "卷号", "期号", "卷期",
                         "Supported by", "Project supported by", "项目基金", "课题来源",
                         "英文题名", "英文标题", "外文题名", "英文作者", "作者英文名", "英文刊名", "专业", "学科专业", "主办单位", "Institution",
                         "会议录名称", "母体文献", "会议时间", "会议地点", "出版源",
                         "Institutions", "Year", "Volume", "Issue", "Page", "Pages",
                         "CateGory Index", "Category Index", "网络出版时间", "在线公开时间", "网络首发时间",
                         "在线出版日期", "Series", "Subject", "Classification Code", "Online Publication Time",
                         "收稿日期", "修回日期", "录用日期", "接受日期", "出版日期", "发布日期", "本文编辑", "责任编辑",
                         "Document code", "Document Code", "Article ID",
                         "CLC", "CLC Number", "CLC number", "Chinese Library Classification",
                         "Chinese library classification", "Corresponding author", "Corresponding Author",
                         "引用本文", "引用格式", "本文引用格式", "Citation", "Cite this article",
                         "来源篇名", "英文篇名", "来源作者", "机构名称", "年代卷期", "中图类号", "第一作者", "第一机构",
                         "基金类别"))
# The fields a page gives once: one again, word for word, is the page copied again (take).
_GIVEN_ONCE = frozenset(("authors", "affiliation"))
# The labels of a conference paper's page: the page is one (CNKI gives no 会议论文 line there).
_CONFERENCE_LABELS = frozenset(("会议名称", "会议录名称", "会议时间", "会议地点"))
# The labels that open a record in a file of labelled records: one again, after a blank line
# and the fields of a record, starts the next record (see _Page.starts_next_record); CSSCI's
# export opens each record with its 【来源篇名】.
_RECORD_OPENING = frozenset(("题名", "标题", "来源篇名"))
# A rule between the records of an export (CSSCI's row of dashes): a blank line, as chrome.
_RULE = re.compile(r"[ \t\u3000]*(?:[-=_*—─━]){5,}[ \t\u3000]*")
# The header a database's export of its search results sets over the first record (CSSCI's:
# "南京大学中国社会科学研究评价中心", "数字文献处理系统 版本：2.1", "检索结果", "共2条"): chrome at the
# file's top, with nothing read yet but chrome (is_page_chrome's ``header``).
_RESULTS_HEADER = re.compile(r"检索结果|共\s*\d+\s*条(?:记录|结果|文献)?|[^\s:：]{2,12}系统\s*版本\s*[:：]?\s*\d+(?:\.\d+)*")
# The fields a record gives once (作者：, 刊名：): one again tells the next record's lines.
_RECORD_FIELDS = frozenset(("authors", "journal"))
# How many lines after a title label are looked at for the fields of its own record.
_RECORD_AHEAD = 12
# The word of an abstract's label (摘要, 文摘, Abstract): no page opens in lines without one.
_ABSTRACT_WORD = re.compile(r"摘[ \t\u3000]*要|文摘|(?i:abstract)")
# Spaces a page sets between a Chinese label's characters to line it up ("摘  要", "关 键 词").
_LABEL_SPACES = "[ \t\u3000]*"
# A line opening with a label's word, in any case, and a colon ("CLC NUMBER: R738.1"): see
# _opens_with_label.
_LABEL_HEAD = re.compile(r"\s*(?P<head>[^:：]{1,40}?)\s*[:：]")
_FOLDED_LABELS = frozenset(" ".join(k.split()).casefold() for k in LABELS)
# A label glued to a few characters and a colon begins a longer label word, one this table does
# not hold ("作者贡献：", "来源数据库："): that line is not this label's.
_LONGER_LABEL = re.compile(rf"(?:[{HAN}]{_LABEL_SPACES}){{1,4}}[:：]")


def _label_pattern(label: str) -> str:
    if label.isascii():
        return re.escape(label)
    return _LABEL_SPACES.join(re.escape(c) for c in label)


_ALT = "|".join(_label_pattern(k) for k in sorted(LABELS, key=len, reverse=True))
# The old CNKI layout brackets its labels ("【作者】"); the bracket stands for the colon.
_LABEL_RE = re.compile(rf"^\s*(?P<open>【)?(?P<label>{_ALT})(?(open)】)\s*(?P<colon>[:：])?\s*(?P<value>.*)$",
                       re.DOTALL)
# A site's breadcrumbs: "首页 > 期刊", "知网首页 > 期刊 > …", "中国知网 > …".
# ("维普期刊 > 中国矫形外科杂志 > 2021年第6期": a site's name may run on a few characters)
_NAV_RE = re.compile(r"^\s*(?:[^\s>›»]{0,4}首页|Home|中国知网|知网|万方数据|维普[^\s>›»]{0,4}|百度学术)\s*[>›»]")
# The sites' names as their headers show them, the first line of a page selected whole
# ("万方数据知识服务平台", "维普期刊官网", "中国知网 CNKI"): chrome only as a whole line,
# not a title ("知网用户行为研究" is one).
_SITE_NAMES = frozenset("中国知网 知网 CNKI 万方数据知识服务平台 万方数据 万方 万方数据库 维普期刊官网 维普网 维普 "
                        "维普资讯 维普资讯网 中文期刊服务平台 维普中文期刊服务平台 百度学术 中文社会科学引文索引 "
                        "中文社会科学引文索引(CSSCI) 中文社会科学引文索引（CSSCI） CSSCI 南京大学中国社会科学研究评价中心".split())
# Baidu Xueshu's buttons and section heading ("引用 收藏 免费下载 分享", its search box's 百度一下,
# "研究点分析") and Magtech's buttons ("导出引用", "点击查看大图"), which
# UI_WORDS (the buttons of CNKI, VIP and Wanfang) does not hold, and the entries of sites' menus
# ("登录 注册 个人中心", "首页 期刊导航 高级检索": UI_MENU_WORDS).
_SITE_BUTTONS = UI_WORDS | UI_MENU_WORDS | frozenset(("免费下载", "研究点分析", "导出引用", "XML下载", "点击查看大图",
                                                      "百度一下"))
# The buttons of CNKI's English site, a row of them ("HTML Read CAJ Download PDF Download", "Cite
# Favorite Share Print"): chrome, not names, but no sign of the sites read (other_site_reason).
_ENGLISH_BUTTONS = re.compile(r"(?:HTML Read|CAJ Download|PDF Download|Cite|Favorite|Share|Print)")
_ENGLISH_BUTTON_ROW = re.compile(rf"{_ENGLISH_BUTTONS.pattern}(?:\s+{_ENGLISH_BUTTONS.pattern})+")
# A site's name as a line above a labelled title gives it (its Chinese name, "中国生物医学文献服务系统",
# with its Latin one, "SinoMed", or that alone): not the page's translated title (_Page.unlabelled_titles).
_SITE_NAME_LIKE = re.compile(rf"(?:[{HAN}]*(?:网|系统|平台|数据库|文献库|资源库|中心)\s*)?(?:[A-Za-z]+(?:\s+[A-Za-z]+)?)?")
# What sets a header's entries apart on a line ("登录 | 个人"), besides spaces.
_ENTRY_MARKS = re.compile(r"[\s|｜]+")
# A line of a site's menu (two entries of UI_MENU_WORDS in it that are no page's buttons: 订阅 is
# both): what came before it, and before a breadcrumb, is the site's header (its name, a journal's
# own site's title), not the page's title; a row of buttons under a title ("下载 收藏 订阅 分享") is
# no menu.
_MENU_WORDS = UI_MENU_WORDS - UI_WORDS
# A site's menu line whatever its other entries: several short entries, one of them the site's
# home or account link and another a menu's known entry ("首页 资源导航 知识脉络 万方选题 登录 注册",
# "首页 快速检索 高级检索", "Home Journals Proceedings Log in"); a title holds longer words or fewer
# ("首页设计研究", "Home care in old age" has lower-case words), or one such word only ("注册 资本
# 认缴制 改革 研究"), as do keywords ("药品 注册 审评 监管").
# An English title may capitalize every word, and open with "Home" ("Home Visits Reduce Falls",
# "Home Blood Pressure Monitoring"): "Home" tells a menu only in the page's header (nothing read
# yet but chrome) and beside another entry of an English site's menu (_EN_MENU_WORDS).
_HOME_OR_LOGIN = frozenset("首页 首頁 登录 登陆 登入 注册 Log-in Sign-in Login".split())
_HOME = "Home"
_EN_MENU_WORDS = frozenset("Journals Journal Books Proceedings Dissertations Theses Conferences Patents About Contact "
                           "Search Browse Help Register Log-in Sign-in Login Logout Sign-up".split())
_MENU_ENTRY = re.compile(rf"[{HAN}]{{1,8}}|[A-Z][A-Za-z&-]{{0,15}}")
_MENU_ENTRIES = 3


def _menu_entries(line: str, header: bool = False) -> list[str] | None:
    """The entries of a site's menu line, ``line`` (see :data:`_HOME_OR_LOGIN`), else None.

    >>> _menu_entries("首页 资源导航 知识脉络 万方选题 登录 注册")[-1], _menu_entries("Home Journals Dissertations Log in")
    ('注册', ['Home', 'Journals', 'Dissertations', 'Log-in'])
    >>> _menu_entries("首页设计研究"), _menu_entries("Home care in old age"), _menu_entries("登录 注册")
    (None, None, None)
    >>> _menu_entries("Home Visits Reduce Falls"), _menu_entries("Home Journals Proceedings", header=True)
    (None, ['Home', 'Journals', 'Proceedings'])
    >>> _menu_entries("Home Visits Reduce Falls", header=True), _menu_entries("Home Blood Pressure Monitoring", header=True)
    (None, None)
    >>> _menu_entries("注册 资本 认缴制 改革 研究"), _menu_entries("药品 注册 审评 监管"), _menu_entries("首页 快速检索 期刊检索")
    (None, None, ['首页', '快速检索', '期刊检索'])
    """
    s = re.sub(r"\b(Log|Sign) in\b", r"\1-in", line.strip())
    entries = [t for t in _ENTRY_MARKS.split(s) if t]
    if len(entries) < _MENU_ENTRIES or not all(_MENU_ENTRY.fullmatch(t) for t in entries):
        return None
    home = header and _HOME in entries and any(t in _EN_MENU_WORDS for t in entries)
    known = {t for t in entries if t in _HOME_OR_LOGIN or t in _MENU_WORDS or t in _EN_MENU_WORDS}
    return entries if home or len(known) > 1 and known & _HOME_OR_LOGIN else None


# The headings of a page's sections after the paper's fields (its references, related papers,
# the details box): kept unlabelled, never a title nor names ("参考文献" is four characters, as a name).
_SECTION_HEADINGS = frozenset("参考文献 相关文献 相似文献 引证文献 引文网络 相关推荐 相关文章 详细信息 被引用次数 "
                              "文章信息 文章指标 作者信息 计量".split())
# The headings of a page's lists of other papers (its references, the papers citing it, related
# ones), with their count or not ("参考文献 (18)"), bracketed as CSSCI's export writes its labels
# ("【参考文献】"): the lines under one are those papers', never
# the page's own title, authors, journal or numbers (_Page.in_list), kept in the extra key
# _LIST_KEYS gives (extra.cited_by is the count the page gives, 被引量).
_LIST_HEADING = re.compile(r"(?P<open>【)?(?P<name>主要参考文献|二级参考文献|参考文献|(?i:references)|相关文献|相似文献"
                           r"|二级引证文献|引证文献|共引文献|同被引文献|引文网络|相关推荐|相关文章)(?(open)】)"
                           r"\s*(?:[(（]\s*\d+\s*[)）])?\s*[:：]?")
_LIST_KEYS = {"主要参考文献": "references", "参考文献": "references", "references": "references", "引证文献": "citing"}
# A list's entry opening with its number ([1] ［1］ 【1】 1. 1、 1) (1) （1）, as the gbt7714
# reader numbers a reference); one in brackets is a number whatever it is, "2019." only the next.
_ENTRY_NUMBER = re.compile(r"\s*(?:[\[［【]\s*(?P<bracketed>\d{1,4})\s*[\]］】]|(?P<number>\d{1,4})\s*[.．、)）](?!\d)"
                           r"|[(（](?P<parenthesized>\d{1,4})[)）])")
# A site's footer under its lists ("版权所有©中国知网 京ICP证040431号"): no paper of a list.
_SITE_FOOTER = re.compile(r"©|版权所有|(?i:copyright)|ICP[证备]")
# A site's footer, whole (is_site_footer): its licence numbers (京ICP证040431号, 京ICP备…号, 渝B2-20050021,
# 网出证, 公网安备), or a copyright notice (©, Copyright) naming the company of a site read (©2024
# 重庆维普资讯有限公司, Copyright © 北京万方数据股份有限公司, 版权所有©中国知网); not a sentence.
_SITE_LICENCE = re.compile(r"ICP[证备]\s*\d|(?<![A-Za-z0-9])[A-Z]\d-\d{8}(?!\d)|网出证|公网安备")
_SITE_OWNER = re.compile(r"维普|万方|知网|(?i:cnki)|同方|中国学术期刊|百度|超星|CSSCI|中国社会科学研究评价中心")
_FOOTER_MAX = 200
# A journal's name in 《》 opening a citation (VIP's 出处：《中国矫形外科杂志》 2021年第6期…).
_BRACKETED_NAME = re.compile(r"《([^《》]+)》")
# The fields a page's source gives by a label (刊名：, 出处：, 年，卷(期)：, 卷号：, 期号：).
_SOURCE_FIELDS = ("journal", "citation", "year_volume_issue", "volume", "issue", "volume_issue")
# A journal's column, the heading over the paper's title on its page ("临床研究", "论著"): kept
# in extra.column, not read as the title.
_COLUMN_HEADINGS = frozenset("""
论著 临床研究 基础研究 实验研究 综述 文献综述 述评 专家述评 短篇论著 病例报告 个案报告 个案报道 病例分析 专题笔谈
经验交流 专家论坛 专家共识 指南与共识 标准与规范 临床指南 继续教育 讲座 技术与方法 方法学研究 调查研究 临床报告 论坛
研究论文 研究报告 研究简报 学术探讨 短篇报道 临床经验 护理研究 综述与讲座 专题报道 专题研究 特约述评 论著摘要
""".split())
# CNKI's (KNS8) counters on one line, glued or spaced ("下载：1234页码：56-68页数：13大小：2345K"; its
# English site's "Download: 1523 Page: 1120-1125 Pages: 6 Size: 1528K"), and Wanfang's page count
# with the pages after it ("页数：5(1085-1089)").
_COUNTER_LABELS = r"(?:(?:下载量|被引量|下载|被引|页码|页数|大小)[:：]|(?:Downloads?|Pages?|Size)\s*:)"
# What each counter gives: the pages (页码, Page: 1120-1125), the page count (页数, Pages: 6, kept in
# extra.page_count; a range there is the pages), the site's counts of downloads and citations (kept
# as 下载量 and 被引量 are), and the file's size (None: the site's, no part of the record, dropped).
_COUNTER_FIELDS = {"页码": "pages", "Page": "pages", "页数": "page_count", "Pages": "page_count",
                   "下载": "downloads", "下载量": "downloads", "Download": "downloads", "Downloads": "downloads",
                   "被引": "cited_by", "被引量": "cited_by", "大小": None, "Size": None}
# A counter alone on its line that is one (a count, a size): not "Pages: 6", a one-page paper's page
# there, nor "下载：PDF", a button.
_COUNT = re.compile(r"(?:(?:下载量|被引量|下载|被引|页数|大小)[:：]|(?:Downloads?|Size)\s*:)\s*\d+(?:\.\d+)?\s*(?:[KMG]B?)?")
_COUNTER_ITEM = re.compile(rf"{_COUNTER_LABELS}\s*\S+?(?=\s*{_COUNTER_LABELS}|\s*$)")
_COUNTER_LINE = re.compile(rf"(?:\s*{_COUNTER_ITEM.pattern})+\s*")
# A line naming the kind of page (the type the site gives), not a title.
_PAGE_TYPES = {"学位论文": "thesis", "硕士学位论文": "thesis", "博士学位论文": "thesis",
               "会议论文": "paper-conference", "期刊论文": "article-journal", "外文期刊": "article-journal"}
# The indexes CNKI lists after its journal line: "遥感学报. 2021,25(03) 北大核心 EI CSCD" (its English
# site's "PKU" for 北大核心); the page saved as HTML glues the first to the issue's bracket, its
# tags being links of their own ("中华医学杂志. 2021,101(15)北大核心 CSCD").  Wanfang's after its 刊名
# ("中国组织工程研究  ISTIC PKU CSCD": ISTIC's source journals, Peking University's core).
_INDEX_TAGS = re.compile(r"(?:(?:\s+|(?<=[)）]))(?:北大核心|中文核心期刊|核心期刊|统计源期刊|CSSCI|CSCD|CSTPCD|SCIE|SCI|EI|CAS|CA|PKU|"
                         r"AJ|JST|WJCI|Scopus|AMI|ISTIC))+\s*$")
# A citation line with no label, whole: "2018年 第40卷 第3期 88-96页" (read as VIP's 出处)
# and "2019, 27(5): 700-708" (read as a 年，卷(期) value); a year alone is no citation.
_WRITTEN_CITATION = re.compile(rf"{YEAR_DIGITS}\s*年\s*(?:第\s*\d+\s*卷\s*)?第?\s*\d+\s*期"
                               rf"(?:\s*{PAGE_RANGES}\s*[页頁])?(?:\s*[,，]?\s*共\s*\d+\s*[页頁])?")
_NUMBERED_CITATION = re.compile(rf"{YEAR_DIGITS}\s*[,，]\s*\d+\s*[(（][^()（）]{{1,12}}[)）]\s*[:：]\s*{PAGE_RANGES}")
_TITLE_CHROME = re.compile(r"\s+认领(?:\s+被引量[:：]\s*\d+)?\s*$|\s+被引量[:：]\s*\d+\s*$")
# "Endocrinology. 1999,140(12)", "中国检察官. 2022(17)", "吉林大学. 2015".
_JOURNAL_LINE = re.compile(rf"^(?P<journal>[^《》]{{2,200}}?)\.\s*(?P<year>{YEAR_DIGITS})"
                           r"(?:\s*,\s*(?P<volume>[^,()]+?))?\s*(?:\((?P<issue>[^()]*)\))?"
                           r"(?:\s*(?::|页码[:：])\s*(?P<pages>\d+(?:\s*[-–~]\s*\d+)?))?\s*$")
# VIP's source line without its 出处 label: "《中华骨科杂志》2020年05期 12-15页"
_CITATION_LINE = re.compile(rf"^《[^《》]{{2,100}}》\s*{YEAR_DIGITS}\s*年")
_LONG_TEXT = 300
# A journal's own site's source line over the title (the Magtech layout): "中华医学杂志  2022,
# Vol. 102 Issue (8): 560-566    DOI: 10.3760/…", its parts set apart by ›› on newer sites
# ("航空兵器 ›› 2019, Vol. 26 ›› Issue (4): 47-53. doi: 10.12132/…").
_VOLUME_ISSUE_LINE = re.compile(rf"(?P<journal>[^\d《》:：]{{2,80}}?)\s+(?:››\s*)?(?P<year>{YEAR_DIGITS})\s*[,，]\s*Vol\.\s*"
                                rf"(?P<volume>\d+)\s*(?:[,，]|››)?\s*(?:Issue|No\.)\s*[(（]?(?P<issue>[^()（）\s]+?)[)）]?"
                                rf"(?:\s*[:：]\s*(?P<pages>{PAGE_RANGES}))?\.?"
                                rf"(?:\s*(?i:DOI)\s*[:：]\s*(?P<doi>10\.\S+))?\s*")
# A journal's ISSN or CN number alone on its line, the masthead of a journal's own site.
_MASTHEAD = re.compile(r"(?P<label>ISSN|CN)\s*[:：]?\s*(?P<value>\d{4}-\d{3}[\dXx]|\d{2}-\d{4}/[A-Z]{1,2})")
# A record's number at its database ("流水号：2021235467"): an unknown label and digits, no title.
_ID_LINE = re.compile(rf"[{HAN}]{{2,6}}\s*[:：]\s*\d{{4,}}")
# A funding list left open at a line's end ("国家自然科学基金(81672345)；"): a copy wrapped it.
_OPEN_LIST = ("；", ";", "、", "，", ",")
_LIST_MARK_CHARS = "；;、，,"
_LIST_MARKS = re.compile(f"[{_LIST_MARK_CHARS}]")
# What a funder's item has: its grant number in brackets ("(2018YFC1313200)"), or a name headed
# by a funder's word (Chinese names end on it, "国家重点研发计划"; English ones need not,
# "Natural Science Foundation of Jiangsu Province").
_BRACKETED_GRANT = re.compile(r"[(（][^()（）]*\d{4}[^()（）]*[)）]")
_FUNDER_NAME = re.compile(r"(?:基金|计划|项目|专项|课题|工程|资金|经费)(?:资助)?$|\b(?:Foundation|Fund|Program(?:me)?)\b")
# A funder's name cut by the wrap ("…;江苏省" + "自然科学基金(BK20191138)"): a few characters
# that name no funder yet.
_CUT_NAME = 6
# A keyword list given one a line ("城市热岛;" / "深度学习;"): each line's items end on a mark,
# and are short (Chinese keywords rarely run past a dozen characters, English past a few words).
_KEYWORD_MARKS = (";", "；")
# Magtech's keywords one a line, each but the last ending on a spaced slash ("跨学科研究 /"):
# the slash is the list's mark, read as ";" is (a keyword's own slash is unspaced: "TCP/IP").
_SLASH_MARK = re.compile(r"\s+/\s*$")
_KEYWORD_HAN, _KEYWORD_LATIN, _KEYWORD_WORDS = 20, 60, 8
# The number before each institution of an affiliation line with no label ("1.北京大学 2.清华大学",
# "1北京大学", "①北京大学", "(1)北京大学"): at the line's start or after a space or a list's
# mark, one or two digits alone (not a postcode's, "北京 100875"), before the institution's name.
_INSTITUTION_NUMBER = re.compile(r"(?:^|(?<=[\s;；,，]))\s*(?:[(（\[](?P<bracketed>\d{1,2})[)）\]]|"
                                 r"(?P<plain>\d{1,2})(?!\d)[.．、]?|(?P<circled>[①-⑳]))\s*(?=[^\W\d_])")
# A line of institutions with neither label nor number under the author line ("北京大学第三医院骨科",
# "Department of Orthopaedics, Peking University Third Hospital, Beijing 100191, China"), told
# more strictly than INSTITUTION tells one, which titles hold too ("大学生…", "…智慧医院建设"), as
# ORG_WORDS does ("Role of the Hospital Pharmacist …"): in Chinese, each name ends on an
# institution's unit (its city and postcode after it, "，北京 100191"); in English, each opens on
# an institution's word and ends on its place (", Beijing 100191, China").
_INSTITUTION_UNIT = re.compile(r"(?:大学|大學|学院|學院|医院|醫院|中心|公司|学校|學校|集团|集團|实验室|實驗室|"
                               r"[院所部局厅廳站馆館社厂廠系处處室科])$")
# what titles end on that ends as a unit does ("中美关系", "交叉学科"), open with ("基于…", "以…为例",
# "如何…"), or hold ("的", "大学生")
_TITLE_WORDS = re.compile(r"(?:关系|關係|体系|體系|联系|聯繫|学科|學科)$|^(?:基于|基於|浅析|浅谈|試論|试论|论|論|关于|關於|"
                          r"面向|以|怎样|怎樣|如何|努力)|的|大学生|大學生")
# a name, another in brackets in it or not ("…第二人民医院(阜新市妇产医院)肿瘤科"), and what under a
# unit of one character tells an institution's ("保健院影像科", "药物研究所")
_INSTITUTION_NAME = re.compile(rf"[{HAN}0-9()（）]{{4,40}}")
_UNIT_ABOVE = re.compile(rf"{INSTITUTION.pattern}|研究|[院所局]")
_HAN_PLACE = re.compile(rf"(?:\s*[,，]\s*[(（]?|\s*[(（]|\s+)(?:[{HAN}]{{2,10}}[\s,，]*){{0,3}}\d{{6}}[)）]?\s*$"
                        rf"|\s*[,，]\s*[{HAN}]{{2,4}}\s*$")
# an institution's word in English, as CNKI's English site numbers them ("1.Department of Radiology, …"),
# and as a line of institutions opens with it ("Department of Orthopaedics, Peking University …")
_ENGLISH_UNIT_WORDS = r"Departments?|School|Faculty|College|Institute|Cent(?:er|re)|Division|Hospital|University"
_ENGLISH_UNIT = re.compile(rf"\b(?:{_ENGLISH_UNIT_WORDS}|Laborator(?:y|ies)|Academy)\b")
_ENGLISH_INSTITUTION = re.compile(
    rf"(?:The\s+)?(?:(?:State\s+|National\s+)?Key\s+Laborator(?:y|ies)|{_ENGLISH_UNIT_WORDS}|Laboratory)"
    r"\s+(?:of|for)\s+[^:;?!]+,\s*(?:[A-Z][\w.'’-]*|\d{4,6})(?:\s+(?:[A-Z][\w.'’-]*|\d{4,6})){0,3}\.?")
# An English abstract with no label after the Chinese one: prose of this many words at least
# (a title or a name list is shorter), nearly all of it Latin letters.
_ENGLISH_WORDS, _LATIN_SHARE = 8, 0.75
# A reference's type mark ("[J]", "[EB/OL]"): a citation line, not an abstract.
_REFERENCE_TYPE = re.compile(r"[\[［](?:[A-Z]{1,2}(?:/OL)?|EB/OL)[\]］]")
# What a page's reference gives the record where the page gives it nowhere else, and the raw
# fields that give each (see _Page.settle_references).
_CITED_PARTS = {"journal": ("journal", "citation"), "year": ("year", "date", "year_volume_issue", "citation"),
                "volume": ("volume", "volume_issue", "year_volume_issue", "citation"),
                "issue": ("issue", "volume_issue", "year_volume_issue", "citation"), "pages": ("pages", "citation")}
# Pages of sites this reader does not read (publishers' and indexes' abroad), copied whole: a
# line only that site shows (its name in its header, a button or notice of its own), whole,
# names the site.  Their pages hold labels too (Abstract, Keywords, DOI:), so these lines, with
# no label of the sites read (中文 labels) and most lines read as none, tell them.
_OTHER_SITES = (
    ("IEEE Xplore", re.compile(r"IEEE Xplore®?|Publisher: IEEE|IEEE\.org")),
    ("SpringerLink", re.compile(r"Springer ?Link|Springer Nature Link")),
    ("Nature.com", re.compile(r"Thank you for visiting nature\.com\b.*")),
    # (its skip links, glued when copied: "Skip to main contentSkip to article"; its authors' toggle,
    # glued to the names: "Author links open overlay panelWei Zhang a, …")
    ("ScienceDirect", re.compile(r"(?:Search )?ScienceDirect|Author links open overlay panel.*|Get rights and content|"
                                 r"(?:Skip to main content ?)?Skip to article")),
    # (its skip links: "Skip to Article Content", "Skip to Article Information"; its access badge and
    # date line over the authors: "Full Access", "First published: 15 June 2022")
    ("Wiley Online Library", re.compile(r"Wiley Online Library|Skip to Article (?:Content|Information)|Full Access|"
                                        r"First published: \d{1,2} [A-Z][a-z]+ \d{4}")),
    # (its tabs, "Figures & data", "Reprints & Permissions", and its dates' line: "Pages 345-362 | Received
    # 12 Jan 2020, Accepted 03 Aug 2020, Published online: 21 Sep 2020")
    ("Taylor & Francis Online", re.compile(r"Taylor (?:&|and) Francis(?: Online)?|Figures & data|Reprints & Permissions|"
                                           r"(?:Pages? [\d-]+ \| )?Received \d.* Published online: \d{1,2} [A-Z][a-z]+ \d{4}")),
    # Japan's J-STAGE (its name, its links "資料トップ", "著者情報", its "PDFをダウンロード (1234K)")
    ("J-STAGE", re.compile(r"J-STAGE|資料トップ|著者情報|PDFをダウンロード(?: \(\d+K\))?")),
    ("MDPI", re.compile(r"MDPI|Order Article Reprints|© \d{4}-\d{4} MDPI\b.*")),
    # indexes and networks abroad: their header's name, the search box's prompt, a line of their own
    ("Semantic Scholar", re.compile(r"Semantic Scholar|Search [\d,]+ papers from all fields of science|"
                                    r"Corpus ID: ?\d+")),
    ("ResearchGate", re.compile(r"ResearchGate|Discover the world's research|Download full-text PDF|"
                                r"Read full-text|Join ResearchGate\b.*")),
    ("Europe PMC", re.compile(r"Europe ?PMC|Search life-sciences literature\b.*|Citations & impact|Free full text")),
    ("PubMed Central (PMC)", re.compile(r"PMC Search|Search PMC Full-Text Archive|Learn more: PMC Disclaimer\b.*|"
                                        r"PMCID: ?PMC\d+(?:\s+PMID: ?\d+)?")),
    ("medRxiv", re.compile(r"medRxiv|bioRxiv|Follow this preprint")),
)
# The sites whose pages are read (this reader's, and pubmed_page's), as the failure of another's names them.
_PAGES_READ = ("CNKI (its English site too), VIP, Wanfang, Baidu Xueshu and Chinese sites in their labelled layout: "
               "a journal's own site, 中华医学期刊全文数据库, SinoMed, 超星, 中国科技论文在线, 国家哲学社会科学文献中心, Airiti")
# What to read instead of a site's page, where the page's paper has a PubMed record: PMC and
# Europe PMC give the PMID, and a PubMed page or its MEDLINE export is read.
_READ_INSTEAD = dict.fromkeys(("Europe PMC", "PubMed Central (PMC)"), (
    "open the paper's PubMed page (its PMID) and copy that, or export it from PubMed (\"Send to\" > Citation "
    "manager, MEDLINE), or export the record from that site as RIS or BibTeX, and read that file. A PubMed page "
    f"and its MEDLINE export are read; other pages only from {_PAGES_READ}"))
# The buttons of such sites' article pages, whichever the site.
# ("Cite this article https://doi.org/…": Taylor & Francis's, the DOI its link's text)
_OTHER_SITE_BUTTONS = re.compile(r"Cite this (?:article|paper|chapter)(?: https://doi\.org/10\.\S+)?|Cite This|"
                                 r"Download PDF|View PDF|"
                                 r"Download citation|Export citation|Download full issue")
# What to do instead, said by the failure of such a page.
_EXPORT_INSTEAD = ("export the record from that site instead (its \"Export citation\" or \"Cite\" button, as "
                   f"RIS or BibTeX) and read that file. Pages are read only from PubMed, {_PAGES_READ}")


def other_site(line: str) -> str | None:
    """The site a line of a page names as only that site's pages show it ("IEEE Xplore",
    "Search ScienceDirect"), "" for a button of any such site ("Cite this article"), else None.

    >>> other_site("Search ScienceDirect"), other_site("Cite this article"), other_site("IEEE Xplore 研究")
    ('ScienceDirect', '', None)
    """
    s = " ".join(line.split())
    site = next((name for name, marker in _OTHER_SITES if marker.fullmatch(s)), None)
    return site if site else "" if _OTHER_SITE_BUTTONS.fullmatch(s) else None


def _is_latin_label(label: str) -> bool:
    return label.isascii()


def _label_key(label: str) -> str:
    """The key in LABELS of a label as matched: "摘  要" and "关 键 词" are 摘要 and 关键词."""
    return label if label in LABELS else re.sub(_LABEL_SPACES, "", label)


def _has_colon(m: re.Match) -> bool:
    return bool(m.group("colon") or m.group("open"))


def match_label(line: str) -> tuple[str, str, str] | None:
    """(field, label, value) of a labelled line, or None.

    >>> match_label("关键词傾向值加權 戀愛")
    ('keywords', '关键词', '傾向值加權 戀愛')
    >>> match_label("Keywordsadolescent; cognitive skills")
    ('keywords', 'Keywords', 'adolescent; cognitive skills')
    >>> match_label("Journal of Chinese Medicine") is None
    True
    >>> match_label("出處：《臺灣醫學雜誌》 2017年")   # a Traditional label (Taiwan's sites): its value as written
    ('citation', '出處', '《臺灣醫學雜誌》 2017年')
    >>> match_label("关 键 词：水稻；耐盐性"), match_label("【作者】杨帆 郑洁")
    (('keywords', '关 键 词', '水稻；耐盐性'), ('authors', '作者', '杨帆 郑洁'))
    >>> match_label("学位年度：2018"), match_label("年轻教师的职业倦怠") is None
    (('year', '学位年度', '2018'), True)
    >>> match_label("作者贡献：王建国设计研究") is None, match_label("作者简介：王建国（1980—），男")[0]
    (True, 'author_bio')
    >>> match_label("Keywords lumbar disc herniation;recurrence"), match_label("Key words are chosen by the authors") is None
    (('keywords', 'Keywords', 'lumbar disc herniation;recurrence'), True)
    """
    m = _LABEL_RE.match(_simplified(line))
    if not m:
        return None
    label, colon, value = m.group("label"), _has_colon(m), line[m.start("value"):m.end("value")]
    if not value.strip():
        return None
    key = _label_key(label)
    if not colon and (key in _COLON_ONLY or label not in LABELS):  # "年轻…"; "作 者" only with a colon
        return None
    # (an abstract's label is glued so to its first section's heading: "摘要目的：…")
    if not colon and _LONGER_LABEL.match(value) and LABELS[key] != "abstract":
        return None
    if _is_latin_label(label) and not colon:
        glued = line.lstrip()[len(label):][:1] not in (" ", "\t")
        first = value[:1]
        keywords = label.lower().startswith("key")
        if first.islower() and not keywords:
            return None
        # VIP's "Keywords lumbar disc herniation;percutaneous endoscopy": a list after a space
        listed = keywords and not glued and bool(re.search(r"[;；]", value))
        if not glued and not listed and not (first.isupper() or first.isdigit() or not first.isascii()):
            return None
        if not glued and not listed and label not in ("DOI", "ABSTRACT", "KEYWORDS", "KEY WORDS"):
            return None
    return LABELS[key], line[m.start("label"):m.end("label")], value.strip()


def _opens_with_label(line: str) -> bool:
    """Whether a line opens with a label of this table and a colon, written in any case or
    spacing ("CLC NUMBER: R738.1", "摘 要：…"), even where :func:`match_label` does not take it.

    >>> _opens_with_label("Chinese library classification: R738.1"), _opens_with_label("Results: It works.")
    (True, False)
    """
    m = _LABEL_HEAD.match(_simplified(line))
    head = " ".join(m.group("head").split()).casefold() if m else ""
    return bool(head) and (head in _FOLDED_LABELS or re.sub(_LABEL_SPACES, "", head) in _FOLDED_LABELS)


def _simplified(line: str) -> str:
    """``line`` with Traditional characters read as Simplified, one for one (offsets kept), to
    find the labels and buttons of a Taiwan site (出處, 關鍵詞, 首頁 > 期刊)."""
    return line if line.isascii() else line.translate(simplified_table())


def _bare_label(line: str) -> re.Match | None:
    """A label alone on its line ("关键词：", "摘  要"), its value on the next."""
    m = _LABEL_RE.match(_simplified(line))
    return m if m and not m.group("value").strip() else None


# The mark a list item opens with, as a copy gives a page's list (Magtech's "  • 关键词:",
# "  • 跨学科研究 /"): the item is the line without it, never a name, a title nor a value.  A line
# that closes on one too is no item: a heading set in bullets ("• 骨组织构建 •", :data:`_BULLETED`).
_LIST_MARK = re.compile(r"^[ \t\u3000]*[•●▪■◆◇◦‣∙][ \t\u3000]*(?!.*[•●▪■◆◇◦‣∙]\s*$)")
# A journal's column set in bullets or dots over the title (Magtech's "• 骨组织构建 •", "·综 述·"):
# short, no numbers nor label.
_BULLETED = re.compile(r"\s*[•●·・]\s*[^\s\d•●·・:：][^\d•●·・:：]{0,18}?\s*[•●·・]\s*")


def drop_list_marks(lines) -> list[tuple[int, str]]:
    """``(line number, text)`` of a page's lines, each without the list's mark it opens with.

    >>> drop_list_marks([(1, "  • 关键词:"), (2, "  • 跨学科研究 / "), (3, "·综 述·"), (4, "•")])
    [(1, '关键词:'), (2, '跨学科研究 / '), (3, '·综 述·'), (4, '')]
    >>> drop_list_marks([(1, "• 骨组织构建 •")])
    [(1, '• 骨组织构建 •')]
    """
    return [(lineno, _LIST_MARK.sub("", text)) for lineno, text in lines]


def join_bare_labels(lines) -> list[tuple[int, str]]:
    """``(line number, text)`` of a page's lines, a label alone on its line joined to the value
    on the next (a page copied from a table gives them so), unless that line is a label too.

    >>> join_bare_labels([(1, "作者："), (2, "王明 李华"), (3, "关键词："), (4, "DOI：10.1/x")])
    [(1, '作者：王明 李华'), (3, '关键词：'), (4, 'DOI：10.1/x')]
    >>> join_bare_labels([(1, "【基金类别】"), (2, "【参考文献】")])   # a list's heading is no value
    [(1, '【基金类别】'), (2, '【参考文献】')]
    """
    out: list[tuple[int, str]] = []
    waiting: bool | str = False  # the last line kept is a bare label waiting for its value: its field
    listing = False  # the last line kept is a bare funding label joined to its first funder
    for lineno, text in lines:
        if not text.strip():
            out.append((lineno, text))
            listing = False
            continue
        if listing and _next_funder(out[-1][1], text):
            out[-1] = (out[-1][0], out[-1][1].rstrip() + ("；" if _mostly_han(text) else "; ") + text.strip())
            continue
        listing = False
        # (a line of keywords under their label is never a menu's: "关键词：" / "登录 注册 身份认证")
        if waiting and not _bare_label(text) and not match_label(text) \
                and not (is_page_chrome(text) and not (waiting == "keywords" and _menu_entries(text))) \
                and not _LIST_HEADING.fullmatch(_simplified(text.strip())):   # (CSSCI's 【参考文献】 under an empty label)
            i = max(i for i, (_, t) in enumerate(out) if t.strip())
            label = out[i][1].rstrip()
            m = _bare_label(label)
            # a label read only with its colon (专业, 会议时间) is given one: else glued it is text
            sep = "" if _has_colon(m) else "：" if _label_key(m.group("label")) in _COLON_ONLY \
                else "" if not m.group("label").isascii() else ": "
            out[i] = (out[i][0], label + sep + text.strip())
            del out[i + 1:]  # the blank lines between them
            waiting = False
            listing = LABELS.get(_label_key(m.group("label"))) == "funding"
            continue
        out.append((lineno, text))
        bare = _bare_label(text)
        waiting = _waits(bare) and (LABELS.get(_label_key(bare.group("label"))) or True)  # (the label's field)
    return out


def _next_funder(funding: str, line: str) -> bool:
    """Whether ``line`` is the next funder of a list a bare funding label gives one a line
    ("基金：" / "国家自然科学基金(81702662)" / "北京市自然科学基金(7192001)"): a funder's item with
    its grant number in brackets after a name headed by a funder's word, in the script of the
    one before it.  (A funding line's value
    on the label's own line closes its list: a funder after it is no part of it.)

    >>> _next_funder("基金：国家自然科学基金(81702662)", "北京市自然科学基金(7192001)")
    True
    >>> _next_funder("基金：国家自然科学基金(81702662)", "基于项目管理的研究(2019)"), _next_funder("基金：国家自然科学基金(81702662)", "作者单位：北京大学")
    (False, False)
    """
    item = _last_item(funding.rstrip())
    grant = _BRACKETED_GRANT.search(line)
    return (_mostly_han(item) == _mostly_han(line) and not match_label(line) and grant is not None
            and bool(_FUNDER_NAME.search(line[:grant.start()].rstrip())) and _is_funder_item(item))


def _last_item(text: str) -> str:
    """The last item of a list (``_LIST_MARKS.split(text)[-1]``), read from its end: a long
    list is not split whole after each line joined to it.

    >>> _last_item("国家自然科学基金(81702662)；江苏省"), _last_item("基金"), _last_item("a, b,")
    ('江苏省', '基金', '')
    """
    i = len(text)
    while i and text[i - 1] not in _LIST_MARK_CHARS:
        i -= 1
    return text[i:]


def _waits(m: re.Match | None) -> bool:
    """Whether a bare label waits for its value on the next line: not a Latin word read as a
    label only with its colon, alone without one ("Page", "Year": a pager's, a table's heading)."""
    return bool(m) and (_has_colon(m) or not (m.group("label").isascii()
                                             and _label_key(m.group("label")) in _COLON_ONLY))


def is_page_chrome(line: str, header: bool = False) -> bool:
    """Navigation and button rows: "首页 > 期刊 > 文章详情", "下载 收藏 在线阅读"; a site's
    header, its name alone on the line ("万方数据知识服务平台"), its top bar ("手机知网 App",
    "登录 | 个人": UI_HEADER_WORDS beside a menu's entries, or alone in the ``header``, the
    page's top with nothing read yet but chrome), and in the ``header`` an export's head over
    its search results (:data:`_RESULTS_HEADER`: CSSCI's "检索结果", "共2条").

    >>> is_page_chrome("维普期刊官网"), is_page_chrome("中国知网 CNKI"), is_page_chrome("万方数据知识服务平台的建设")
    (True, True, False)
    >>> is_page_chrome("维普期刊 > 中国矫形外科杂志 > 2021年第6期"), is_page_chrome("百度学术")
    (True, True)
    >>> is_page_chrome("登录 注册 个人中心"), is_page_chrome("首页 期刊简介 编委会 投稿指南"), is_page_chrome("首页设计研究")
    (True, True, False)
    >>> is_page_chrome("手机知网 App"), is_page_chrome("登录 | 个人"), is_page_chrome("English"), is_page_chrome("English", True)
    (True, True, False, True)
    >>> is_page_chrome("南京大学中国社会科学研究评价中心"), is_page_chrome("共2条"), is_page_chrome("共2条", True)
    (True, False, True)
    """
    s = _simplified(line.strip())
    if _NAV_RE.match(s) or header and _RESULTS_HEADER.fullmatch(s):
        return True
    tokens = [t for t in _ENTRY_MARKS.split(s) if t]
    if re.search(f"[{HAN}]", s) and _menu_entries(s):  # (a Chinese site's: a sign of the sites read)
        return True
    if not tokens or all(t in _SITE_NAMES for t in tokens):
        return bool(tokens)
    return all(t in _SITE_BUTTONS or t in UI_HEADER_WORDS for t in tokens) and (
        header or any(t in _SITE_BUTTONS for t in tokens))


def is_site_footer(line: str) -> bool:
    """Whether a line is a site's footer: its licence numbers, or a copyright notice naming the
    company of a site read; chrome, not the paper's copyright (a publisher's notice names none).

    >>> is_site_footer("©2024 重庆维普资讯有限公司 渝B2-20050021"), is_site_footer("京ICP证040431号")
    (True, True)
    >>> is_site_footer("Copyright © 北京万方数据股份有限公司"), is_site_footer("(C) 2009 Elsevier Inc. All rights reserved.")
    (True, False)
    >>> is_site_footer("渝B2-20050021-1"), is_site_footer("知网数据库版权所有权研究"), is_site_footer("摘要：知网的©问题")
    (True, False, False)
    """
    s = line.strip()
    if len(s) > _FOOTER_MAX or "。" in s or match_label(s):
        return False
    return bool(_SITE_LICENCE.search(s) or re.search(r"©|\([cC]\)|(?i:copyright)", s) and _SITE_OWNER.search(s))


def counter_items(line: str) -> list[str] | None:
    """The items of a line of a page's counters ("label：value" glued or spaced), when it
    holds more than one, gives pages with its page count, or is a count or a size alone
    ("页数：13", "Pages: 6", "大小：2345K"); else None (a line as any other: "页码：56-68" is the
    pages as labelled, "下载：PDF 收藏" buttons).

    >>> counter_items("下载：1234页码：56-68页数：13大小：2345K")
    ['下载：1234', '页码：56-68', '页数：13', '大小：2345K']
    >>> counter_items("页数：5(1085-1089)"), counter_items("页数：13"), counter_items("下载：PDF 收藏")
    (['页数：5(1085-1089)'], ['页数：13'], None)
    >>> counter_items("Download: 1523 Page: 1120-1125 Pages: 6 Size: 1528K"), counter_items("Page: 1120-1125")
    (['Download: 1523', 'Page: 1120-1125', 'Pages: 6', 'Size: 1528K'], None)
    """
    if not _COUNTER_LINE.fullmatch(line):
        return None
    items = [item.strip() for item in _COUNTER_ITEM.findall(line)]
    return items if len(items) > 1 or _page_count(items[0]) or _COUNT.fullmatch(items[0]) else None


def _page_count(item: str) -> tuple[str, str] | None:
    """The number of pages and the pages of a 页数 item that gives both ("页数：5(1085-1089)")."""
    label, _, value = item.partition("：") if "：" in item else item.partition(":")
    return split_page_count(value) if label.strip() in ("页数", "Pages") else None


# CNKI's English site gives its citation's fields on one line: "Year: 2021 , Issue: 06 , Page: 512-516";
# a journal's page sets a few side by side, a wide space between ("文献标识码: A    文章编号: 0376-…"),
# and its dates one after the other ("收稿日期：2021-03-05；修回日期：2021-04-10", or a space between:
# "收稿日期:2021-05-10 修回日期:2021-06-15").
_CITATION_PARTS = ("Year", "Volume", "Issue", "Page", "Pages")
_JOURNAL_DATES = ("收稿日期", "修回日期", "录用日期", "接受日期", "出版日期", "发布日期")
_LISTED_FIELD = re.compile(rf"\s*[,，]\s*(?=(?:{'|'.join(_CITATION_PARTS)})\s*[:：])"
                           rf"|(?:\s*[;；,，]\s*|[ \t\u3000]+)(?=(?:{'|'.join(_JOURNAL_DATES)})[ \t\u3000]*[:：])"
                           rf"|[ \t\u3000]{{2,}}(?=(?:{_ALT})[ \t\u3000]*[:：])")


def listed_fields(line: str) -> list[tuple[str, str, str]] | None:
    """``(field, label, value)`` of each field of a line that lists them, when it holds more
    than one and each is a labelled field; else None (a line as any other).

    >>> listed_fields("Year: 2021 , Issue: 06 , Page: 512-516")
    [('year', 'Year', '2021'), ('issue', 'Issue', '06'), ('pages', 'Page', '512-516')]
    >>> listed_fields("Year: 2021"), listed_fields("Year: 2021, Issue 6 was late")
    (None, None)
    >>> listed_fields("文献标识码: A    文章编号: 0376-2491(2022)08-0560-07")
    [('document_code', '文献标识码', 'A'), ('article_id', '文章编号', '0376-2491(2022)08-0560-07')]
    >>> listed_fields("收稿日期：2021-03-05；修回日期：2021-04-10")
    [('received', '收稿日期', '2021-03-05'), ('revised', '修回日期', '2021-04-10')]
    >>> listed_fields("收稿日期:2021-05-10 修回日期:2021-06-15 接受日期:2021-07-20")
    [('received', '收稿日期', '2021-05-10'), ('revised', '修回日期', '2021-06-15'), ('accepted', '接受日期', '2021-07-20')]
    """
    items = _LISTED_FIELD.split(line.strip())
    labelled = [match_label(item) for item in items]
    return labelled if len(items) > 1 and all(labelled) else None


def _citation_rest(labelled: tuple[str, str, str]) -> bool:
    """Whether a labelled line is one of those citation parts followed by more of a citation
    written otherwise ("Year: 2019, Vol. 578, 124025"): not read as the year alone, so it
    stays a line as any other, kept whole."""
    return labelled[1] in _CITATION_PARTS and bool(re.search(r"[,，;；]", labelled[2]))


def split_listed_institutions(value: str) -> tuple[str, list[str]]:
    """An author list set off by semicolons with the authors' institutions listed after the
    names (CNKI's old layout: "【Author】 WANG Jianguo;LI Xiaoming;Department of Orthopedics,the
    First Affiliated Hospital of Soochow University;"): the names, and those institutions.  An
    institution is an address, as authors.py reads one (an organisation's word, in English with
    the place it belongs to, "X of Y" or "X, Y"); a group author ("SPRINT Investigators"), or a
    list with no names before it, stays as it is.

    >>> split_listed_institutions("WANG Jianguo;LI Xiaoming;Department of Orthopedics,the First Hospital;")
    ('WANG Jianguo;LI Xiaoming', ['Department of Orthopedics,the First Hospital'])
    >>> split_listed_institutions("王建国；李晓明；苏州大学附属第一医院骨科")
    ('王建国；李晓明', ['苏州大学附属第一医院骨科'])
    >>> split_listed_institutions("Smith J; Lee K; SPRINT Investigators")
    ('Smith J; Lee K; SPRINT Investigators', [])
    >>> split_listed_institutions("Smith J; Lee K; Writing Committee of the Chinese Society of Cardiology")[1]
    []
    """
    items = [item.strip() for item in re.split(r"[;；]", value) if item.strip()]
    names = len(items)
    while names and _is_listed_institution(items[names - 1]):
        names -= 1
    if not names or names == len(items) or not looks_like_names(";".join(items[:names])):
        return value, []
    mark = "；" if "；" in value else ";"
    return mark.join(items[:names]), items[names:]


def _is_listed_institution(item: str) -> bool:
    if GROUP_AUTHOR.search(item):   # listed after the names, a group is one of them
        return False
    if _mostly_han(item):
        return bool(INSTITUTION.search(item)) and not looks_like_names(item)
    return bool(ORG_WORDS.search(item) and re.search(r"\bof\b|,", item))


def _bare_citation(folded: str) -> str | None:
    """The raw field of a citation line with no label: "citation" or "year_volume_issue"."""
    if _WRITTEN_CITATION.fullmatch(folded):
        return "citation"
    return "year_volume_issue" if _NUMBERED_CITATION.fullmatch(folded) else None


def _journal_line(folded: str) -> tuple[re.Match | None, re.Match | None]:
    """A CNKI journal line, and the index tags after it ("… 北大核心 EI CSCD").

    >>> [m.group(0) if m else None for m in _journal_line("中华医学杂志. 2021,101(15)北大核心 CSCD")]
    ['中华医学杂志. 2021,101(15)', '北大核心 CSCD']
    """
    tags = _INDEX_TAGS.search(folded)
    jm = _JOURNAL_LINE.match(folded[:tags.start()] if tags else folded)
    if jm and tags and not (jm.group("volume") or jm.group("issue")):
        jm = None  # "… EI" after a name and a year alone may be a title's end
    return jm, tags


def _is_source_line(folded: str) -> bool:
    """A journal or citation line ("Obstetrics and gynecology. 1983,62(5)", "《…》2020年05期",
    Magtech's "航空兵器 ›› 2019, Vol. 26 ›› Issue (4): 47-53")."""
    return bool(_CITATION_LINE.match(folded) or _bare_citation(folded) or _journal_line(folded)[0]
                or _VOLUME_ISSUE_LINE.fullmatch(folded))


def _mostly_han(text: str) -> bool:
    counts = script_counts(text)
    return counts["han"] > counts["latin_words"]


def _looks_like_abstract(line: str) -> bool:
    s = line.rstrip()
    return len(s) > _LONG_TEXT or strip_toggle(s) != s or bool(
        re.search(r"(?:\.\.\.|…)\S", s) and len(s) > 120)


# A site's preview of an abstract shows its first lines: wider than a title (counted in columns,
# a Chinese character two), so a shorter line cut off at "..." is a title ("Why do we sleep...",
# "…生存分析的研究..."), even when the abstract opens with the same words.
_PREVIEW_MIN_WIDTH = 80


# A paper's body's first heading, under its abstract on a page ("Introduction", 引言): no heading of
# the abstract's, though sections reads an abstract's "Introduction:" as its BACKGROUND.
_BODY_HEADINGS = frozenset(("INTRODUCTION", "引言", "前言"))
# An abstract's value that opens with a section's label ("Background Poor sleep…", "目的 探讨…").
_SECTION_OPENING = re.compile(r"\s*[【\[［]?(?:" + EN_LABELS_ALTERNATION + "|" + ZH_LABELS_ALTERNATION + r")(?![A-Z])")


def _sectioned(abstract: str) -> bool:
    """Whether an abstract read so far holds a section's label: opens with one ("Background",
    "目的 探讨…"; not a lower-case word, "results showed…") or is split at them already.

    >>> _sectioned("Background Poor sleep is common."), _sectioned("目的"), _sectioned("Exercise improved sleep.")
    (True, True, False)
    """
    text = _simplified(abstract).lstrip()
    if not text[:1].islower() and _SECTION_OPENING.match(text.upper()):
        return True
    return bool(split_sections(text, "zh" if _mostly_han(text) else "en"))


def _section_label_only(line: str) -> bool:
    """Whether a line is only a structured abstract's heading ("方法", "Methods", "Methods:"), as
    a page gives each heading on its own line above its text.

    >>> _section_label_only("方法"), _section_label_only("Conclusions:"), _section_label_only("讨论")
    (True, True, False)
    """
    text = _simplified(line).strip().rstrip(":：").strip()
    return 0 < len(text) <= 40 and (text in LABELS_ZH or text.upper() in LABELS_EN
                                    or canonical_label(text) != text.upper())


def _width(text: str) -> int:
    """Columns ``text`` takes, a wide (CJK) character two.

    >>> _width("Why do we sleep..."), _width("脊柱转移瘤...")
    (18, 13)
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _full_of_preview(preview: str, full: str) -> bool:
    """Whether ``full`` is the full text of ``preview``, a text cut off at "..." or "…": it
    starts with the preview's text, compared as :func:`collapse_truncated_preview` does
    (spaces and punctuation aside), whether a toggle (展开更多, 收起) follows either or none.

    >>> _full_of_preview("目的 探讨手术疗效。方法 回顾分析2015年1月至...", "目的 探讨手术疗效。方法 回顾分析2015年1月至2019年12月的患者。收起")
    True
    >>> _full_of_preview("目的 探讨手术疗效。方法 回顾分析2015年1月至...展开更多", "目的 探讨手术疗效。方法 回顾分析2015年1月至2019年12月的患者。")
    True
    >>> _full_of_preview("目的 探讨手术疗效。方法 回顾分析2015年1月至2019年12月。", "目的 探讨手术疗效。方法 回顾分析2015年1月至2019年12月的患者。")
    False
    """
    cut = strip_toggle(preview.rstrip())
    if not cut_off_mark(cut) or preview_outruns(cut, full):   # (a long abstract before a line is not keyed whole)
        return False
    return collapse_truncated_preview(cut + full) == full.lstrip()


def _is_funder_item(line: str) -> bool:
    """Whether a line names a funder as an item of a funding list does, not prose (a sentence,
    a title): a grant number in brackets, or a name headed by a funder's word.

    >>> _is_funder_item("国家重点研发计划(2018YFC1313200)"), _is_funder_item("中国科学院战略性先导科技专项；")
    (True, True)
    >>> _is_funder_item("基于项目管理的研究"), _is_funder_item("结果表明，该计划有效。")
    (False, False)
    """
    item = line.strip().rstrip("；;、，,.。 ")
    if len(item) > 200 or re.search(r"[。！？!?]|\.\s", item):
        return False
    return bool(_BRACKETED_GRANT.search(item) or _FUNDER_NAME.search(item))


def _is_keyword_item(line: str) -> bool:
    """Whether a line holds a keyword, or a few, as a list one a line does: short items, no
    sentence nor label.

    >>> _is_keyword_item("深度学习;"), _is_keyword_item("urban heat island;"), _is_keyword_item("遥感")
    (True, True, True)
    >>> _is_keyword_item("本文构建了模型，结果表明精度较高;"), _is_keyword_item("We built a model. It works;")
    (False, False)
    """
    if re.search(r"[。！？!?:：]|\.\s", line):
        return False
    items = [item.strip() for item in re.split(r"[;；]", line) if item.strip()]
    return bool(items) and all(_is_keyword(item) for item in items)


def _is_keyword(item: str) -> bool:
    if _mostly_han(item):
        return len(item) <= _KEYWORD_HAN and not re.search(r"[，,]", item)
    return len(item) <= _KEYWORD_LATIN and len(item.split()) <= _KEYWORD_WORDS


# Wanfang's keywords, set apart by a wide space alone ("Hip fractures  Delirium  Risk factors"):
# the cleaner makes every space one, so the list is written with its semicolons before.
_WIDE_SPACE = re.compile(r"[ \t]{2,}|\s*\u3000\s*")


def _spaced_keywords(value: str) -> str:
    """A keyword line whose keywords a wide space alone sets apart, as a list with semicolons;
    any other as it is.

    >>> _spaced_keywords("Hip fractures  Delirium  Risk factors  Aged"), _spaced_keywords("Hip fractures; Aged")
    ('Hip fractures; Delirium; Risk factors; Aged', 'Hip fractures; Aged')
    """
    items = _WIDE_SPACE.split(value.strip())
    if len(items) < 2 or re.search(r"[;；,，、/／]", value) or not all(_is_keyword(item) for item in items):
        return value
    return ("；" if _mostly_han(value) else "; ").join(items)


def numbered_institutions(line: str, first: int = 1) -> list[str] | None:
    """The institutions of a line that numbers them ``first``, ``first`` + 1, … with no label
    (CNKI's affiliation line under its author line), or None: every item must name an
    institution by the words authors.py reads them by, so a numbered line of anything else
    (a list, a heading) is no affiliation line.

    >>> numbered_institutions("1.北京师范大学地理科学学部 2.中国科学院空天信息创新研究院")
    ['北京师范大学地理科学学部', '中国科学院空天信息创新研究院']
    >>> numbered_institutions("①北京大学医学部，北京 100191 ②清华大学"), numbered_institutions("(2)清华大学", 2)
    (['北京大学医学部，北京 100191', '清华大学'], ['清华大学'])
    >>> numbered_institutions("1.研究背景 2.研究方法"), numbered_institutions("2.清华大学")
    (None, None)
    >>> numbered_institutions("1.Department of Radiology, Peking University First Hospital 2.School of Medicine")
    ['Department of Radiology, Peking University First Hospital', 'School of Medicine']
    >>> numbered_institutions("1.北京大学第一医院放射科2.北京大学医学部")   # (CNKI's, copied without spaces)
    ['北京大学第一医院放射科', '北京大学医学部']
    """
    places = _numbered_places(line, first)
    glued = _GLUED_INSTITUTION_NUMBER.sub(r" \g<0>", line)
    apart = _numbered_places(glued, first) if glued != line else None
    return apart if apart and len(apart) > len(places or ()) else places


# A number opening an institution glued to the one before it, as CNKI's affiliation line copied
# without its spaces gives it ("1.北京大学第一医院放射科2.北京大学医学部"): after a Chinese
# character, with its dot, before one.
_GLUED_INSTITUTION_NUMBER = re.compile(rf"(?<=[{HAN}])\d{{1,2}}[.．、](?=[{HAN}])")


def _numbered_places(line: str, first: int) -> list[str] | None:
    """:func:`numbered_institutions` of a line whose numbers are set apart from the text before."""
    starts = list(_INSTITUTION_NUMBER.finditer(line))
    numbers = [mark_number(m.group("bracketed") or m.group("plain") or m.group("circled")) for m in starts]
    if not starts or starts[0].start() != 0 or numbers != list(range(first, first + len(starts))):
        return None
    ends = [m.start() for m in starts[1:]] + [len(line)]
    places = [line[m.end():end].strip().rstrip(";；,， ") for m, end in zip(starts, ends)]
    return places if all(places) and all(INSTITUTION.search(p) or _ENGLISH_UNIT.search(p) for p in places) else None


# The numbers after a name in pinyin of CNKI's English site ("ZHANG Wei1,2", "LI Na1*", "WANG Jun1-3").
_LATIN_NAME_MARK = re.compile(r"(?<=[a-z])(?P<numbers>\d{1,2}(?:\s*[,，\-–]\s*\d{1,2})*)[*＊#]?(?=[\s;；,，]|$)")


def latin_marked_names(line: str) -> list[tuple[str, list[int]]] | None:
    """The names of an author line in Latin letters that marks each with its affiliations'
    numbers ("ZHANG Wei1,2 LI Na1 WANG Jianguo2"), each with its numbers; None for any other
    line (a name unmarked, a word with a number: "Covid19 in Wuhan").

    >>> latin_marked_names("ZHANG Wei1,2 LI Na1 WANG Jianguo2-3")
    [('ZHANG Wei', [1, 2]), ('LI Na', [1]), ('WANG Jianguo', [2, 3])]
    >>> latin_marked_names("ZHANG Wei LI Na"), latin_marked_names("Covid19 in Wuhan"), latin_marked_names("张伟1 李娜2")
    (None, None, None)
    """
    if re.search(f"[{HAN}]", line):
        return None
    marks = list(_LATIN_NAME_MARK.finditer(line))
    unmarked = _LATIN_NAME_MARK.sub("", line)
    names = split_author_list(unmarked) if marks and looks_like_names(unmarked) else []
    if not names or len(names) != len(marks):
        return None
    numbers = []
    for m in marks:
        listed = []
        for part in re.split(r"\s*[,，]\s*", m.group("numbers")):
            ends = [int(end) for end in re.split(r"\s*[-–]\s*", part)]
            listed += list(range(ends[0], ends[-1] + 1))
        numbers.append(listed)
    return list(zip(names, numbers))


def bare_institutions(line: str) -> bool:
    """Whether a line with no label names institutions only, as the line under an author line
    does, a number before it or not ("1. Department of …"); set off by ";" when several.

    >>> bare_institutions("北京大学第三医院骨科"), bare_institutions("北京大学第三医院骨科，北京 100191")
    (True, True)
    >>> bare_institutions("1. Department of Orthopaedics, Peking University Third Hospital, Beijing 100191, China")
    True
    >>> bare_institutions("大学生心理健康教育研究"), bare_institutions("基于物联网的智慧医院"), bare_institutions("中美关系")
    (False, False, False)
    >>> bare_institutions("Role of the Hospital Pharmacist in Antimicrobial Stewardship, a Review")
    False
    """
    number = _INSTITUTION_NUMBER.match(line)
    text = line[number.end():] if number else line
    entries = [entry.strip() for entry in re.split(r"[;；]", text) if entry.strip()]
    if not entries or len(text) > _LONG_TEXT:
        return False
    if _mostly_han(text):
        return all(_han_institutions(entry) for entry in entries)
    return all(_ENGLISH_INSTITUTION.fullmatch(entry) for entry in entries)


def _pinyin_of(latin: str, han: str) -> bool:
    """Whether ``latin`` is the Chinese personal name ``han`` in pinyin, its family name first
    or last, in any case, hyphened or not.

    >>> _pinyin_of("Zhang Wei", "张伟"), _pinyin_of("CHEN Xiao-yan", "陈晓燕"), _pinyin_of("Wei Zhang", "张伟")
    (True, True, True)
    >>> _pinyin_of("Li Na", "王磊"), _pinyin_of("Zhang W", "张伟")
    (False, False)
    """
    if not is_person(han):
        return False
    family, given = compared_pinyin(han)
    key = re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", latin).casefold())
    return key in (family + "".join(given), "".join(given) + family)


def _names_and_unit(line: str) -> tuple[list[str], str]:
    """The names of a line of authors and the institution in brackets after them (VIP's
    "CHEN Xiao-yan;WANG Lei(Department of …,China)"), "" for none.

    >>> _names_and_unit("CHEN Xiao-yan;WANG Lei(Department of Orthopedics, Peking University Third Hospital)")
    (['CHEN Xiao-yan', 'WANG Lei'], 'Department of Orthopedics, Peking University Third Hospital')
    >>> _names_and_unit("CHEN Xiao-yan;LI Ming;WANG Qiang")
    (['CHEN Xiao-yan', 'LI Ming', 'WANG Qiang'], '')
    """
    m = re.fullmatch(r"(?P<names>[^()（）]+?)\s*[(（](?P<unit>[^()（）]+)[)）]", line)
    unit = m.group("unit").strip() if m and bare_institutions(m.group("unit").strip()) else ""
    return split_author_list(m.group("names") if unit else line), unit


# A journal's name in English, as VIP gives it under its 出处 ("Orthopedic Journal of China",
# "Acta Geographica Sinica"): words in capitals but for short joining ones, one of a journal's.
_ENGLISH_JOURNAL = re.compile(r"[A-Z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|of|and|for|the|in|on|&|\([A-Z][^()]*\)))*")
_JOURNAL_WORD = re.compile(r"\b(?:Journal|Acta|Sinica|Annals?|Bulletin|Transactions|Proceedings|Reviews?|Letters|Chinese)\b")
# Whom a unit is of, after it ("…, Beijing 100034, China (Zhang W, Li N)"), as yiigle marks its units.
_UNIT_OWNERS = re.compile(r"\s*[(（][^()（）]*[)）](?=\s*(?:[;；]|$))")


def _han_institutions(entry: str) -> bool:
    """Whether each name of a Chinese entry (set off by spaces or commas, its place dropped)
    ends on an institution's unit; a unit of one character (骨科, 研究所) under an institution's
    word (北京大学第三医院骨科, 保健院影像科): a title ends on one too ("…生产与布局").

    >>> _han_institutions("北京大学第三医院骨科"), _han_institutions("广州大学"), _han_institutions("工业生产与布局")
    (True, True, False)
    """
    return all(_is_institution_name(name) for name in re.split(r"[\s,，]+", _HAN_PLACE.sub("", entry).strip()))


def _is_institution_name(name: str) -> bool:
    unit = _INSTITUTION_UNIT.search(name)
    return bool(unit and _INSTITUTION_NAME.fullmatch(name) and not _TITLE_WORDS.search(name)
                and (len(unit.group()) > 1 or _UNIT_ABOVE.search(name[:-1])))


def _marks_readable(affiliation: str) -> str:
    """An affiliation line as :func:`resolve_name_marks` reads its numbers ("1.北京大学；2.清华大学"):
    one that numbers its institutions with spaces between them ("1.北京大学 2.清华大学"), or as
    "①北京大学" or "(1)北京大学", is given so; any other as it is.

    >>> _marks_readable("1.北京大学 2.清华大学"), _marks_readable("1.北京大学医学部；2.清华大学")
    ('1.北京大学；2.清华大学', '1.北京大学医学部；2.清华大学')
    """
    places = numbered_institutions(affiliation)
    if not places or len(places) <= len(numbered_affiliations(affiliation) or ()):
        return affiliation  # read as it is ("1.北京大学 2.清华大学" is read as one institution)
    return "；".join(f"{n}.{p}" for n, p in enumerate(places, 1))


# CSSCI's institutions, each after the name of its author in brackets: "[王芳]南京大学商学院.南京.210093".
_NAMED_INSTITUTION = re.compile(rf"\s*\[(?P<name>[{HAN}·]{{2,8}})\]\s*(?P<place>[^\[\]/]+?)\s*")
# A Chinese medical journal's units (yiigle's 作者单位), each with the names of its authors after it
# in brackets: "100034 北京大学第一医院放射科（张伟、李娜）".
_UNIT_NAMING = re.compile(rf"\s*(?P<place>[^；;（）()]+?)\s*[（(](?P<names>[{HAN}·]{{2,8}}(?:\s*[、，,]\s*[{HAN}·]{{2,8}})*)[）)]\s*")


def _named_institutions(affiliation: str) -> dict[str, list[str]] | None:
    """Each author's institutions, when an affiliation line names whose each is, else None.

    >>> _named_institutions("[王芳]南京大学商学院.南京.210093/[李强]河海大学经济与金融学院")
    {'王芳': ['南京大学商学院.南京.210093'], '李强': ['河海大学经济与金融学院']}
    >>> _named_institutions("100034 北京大学第一医院（张伟、李娜）；100191 北京大学医学部（王建国、张伟）")
    {'张伟': ['100034 北京大学第一医院', '100191 北京大学医学部'], '李娜': ['100034 北京大学第一医院'], '王建国': ['100191 北京大学医学部']}
    >>> _named_institutions("南京大学商学院；河海大学") is None
    True
    """
    named = _institutions_naming(affiliation)
    if named is None:
        return None
    owned: dict[str, list[str]] = {}
    for place, names in named:
        for name in names:
            owned.setdefault(name, []).append(place)
    return owned


def _institutions_naming(affiliation: str) -> list[tuple[str, list[str]]] | None:
    """The institutions of an affiliation line that names whose each is, in its order, each with
    the names of its authors (:func:`_named_institutions`), else None.

    >>> _institutions_naming("[王芳]南京大学商学院.南京.210093/[李强]河海大学经济与金融学院")
    [('南京大学商学院.南京.210093', ['王芳']), ('河海大学经济与金融学院', ['李强'])]
    """
    items = [item for item in re.split(r"\s*[/／]\s*(?=\[)", affiliation.strip().rstrip("/／")) if item]
    matched = [_NAMED_INSTITUTION.fullmatch(item) for item in items]
    if matched and all(matched):
        return [(m.group("place"), [m.group("name")]) for m in matched]
    units = [_UNIT_NAMING.fullmatch(item) for item in re.split(r"[；;]", affiliation.strip().rstrip("；;")) if item.strip()]
    if not units or not all(units):
        return None
    return [(m.group("place"), re.split(r"\s*[、，,]\s*", m.group("names"))) for m in units]


def _institutions_of_line(affiliation: str) -> list[str] | None:
    """The institutions of an affiliation line that numbers them ("[1]海军军医大学…；[2]复旦大学…",
    "1.北京大学 2.清华大学", read as the marks after the authors' names are) or names whose each is
    (CSSCI's, yiigle's: :func:`_institutions_naming`), one each, without their numbers or names;
    None for any other line.

    >>> _institutions_of_line("[1]海军军医大学第二附属医院骨科，上海200003；[2]复旦大学附属中山医院骨科，上海200032")
    ['海军军医大学第二附属医院骨科，上海200003', '复旦大学附属中山医院骨科，上海200032']
    >>> _institutions_of_line("[王芳]武汉大学信息管理学院.武汉.430072/[李强]武汉大学信息管理学院.武汉.430072")
    ['武汉大学信息管理学院.武汉.430072']
    >>> _institutions_of_line("1.北京大学 2.清华大学"), _institutions_of_line("北京大学第三医院骨科，北京 100191")
    (['北京大学', '清华大学'], None)
    """
    numbered = numbered_affiliations(_marks_readable(affiliation))
    named = None if numbered else _institutions_naming(affiliation)
    places = list(numbered.values()) if numbered else [place for place, _ in named] if named else None
    return list(dict.fromkeys(place.strip() for place in places)) if places else None


def _is_english_prose(line: str) -> bool:
    """Whether a line with no label is English prose, as an abstract is: sentences ending on a
    full stop, long enough, nearly all Latin letters; not names, a keyword list, a citation
    (a source line, a reference) or a funding statement alone.

    >>> _is_english_prose("Urban heat island is an important environmental problem.We built a model.")
    True
    >>> _is_english_prose("Research on urban heat island effect in Beijing based on deep learning")
    False
    >>> _is_english_prose("This work was supported by the National Natural Science Foundation of China.")
    False
    >>> _is_english_prose("Zhang S, Li S. Urban heat island[J]. Acta Geographica Sinica, 2021, 76(5): 56-68.")
    False
    """
    s = line.strip()
    counts = script_counts(s)
    if counts["han"] or counts["kana"] or counts["hangul"] or counts["latin_words"] < _ENGLISH_WORDS:
        return False
    visible = [c for c in s if not c.isspace()]
    if not s.endswith(".") or sum(c.isascii() and c.isalpha() for c in visible) < _LATIN_SHARE * len(visible):
        return False
    folded = fold_fullwidth_alnum(s)
    if (_is_keyword_item(s.rstrip(".")) or looks_like_names(s) or _is_source_line(folded)
            or _NUMBERED_CITATION.search(folded) or _REFERENCE_TYPE.search(s)):
        return False
    # an address ("School of Geography, Beijing Normal University, …, China.") or a publisher's
    # notice is one sentence; an abstract, more
    if is_notice(s) or ORG_WORDS.search(s) and len(re.findall(r"[.!?](?:\s|$)", s)) < 2:
        return False
    content, statement = split_funding_statement(s)
    return not (statement and not content.strip())


def _ends_field(following: str) -> bool:
    """Whether the line after another ends the field that one is in: a blank line, or a label."""
    line, _ = _line_fixes(following)
    return not line.strip() or bool(_bare_label(line) or match_label(line))


def _title_key(title: str) -> str:
    """A title as compared with another: spaces collapsed, a preview's cut ("…", "...") dropped,
    full-width punctuation as ASCII's; a mostly Chinese title without its spaces, as a PDF's
    full text spaces the Latin words and numbers in it ("基于 CT 影像的…", the page "基于CT影像的…").

    >>> _title_key("基于深度学习的 肺结节...")
    '基于深度学习的肺结节'
    >>> _title_key("基于 CT 影像的肺结节（综述）") == _title_key("基于CT影像的肺结节(综述)")
    True
    >>> _title_key("Deep  learning：a review…")
    'Deep learning:a review'
    """
    title = title.translate(_TITLE_FOLD)
    title = "".join(title.split()) if _mostly_han(title) else " ".join(title.split())
    return title.rstrip(".…").rstrip()


# Full-width punctuation, letters and digits as ASCII's, and curly quotes as straight ones: how
# two copies of a title may differ (a page's and its PDF's)
_TITLE_FOLD = {**{c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}, 0x3000: " ", 0x201C: '"', 0x201D: '"',
               0x2018: "'", 0x2019: "'"}


def _like_titles(one: str, other: str) -> bool:
    """Whether two titles are one read two ways: of their keys' (:func:`_title_key`) pairs of
    characters, seven in ten are both's (a Dice coefficient).  A paper's other title by the same
    authors shares fewer ("基于CT影像的肺结节良恶性鉴别研究", "基于CT影像组学的肺结节良恶性预测模型": 0.65).

    >>> _like_titles("基于CT影像的肺结节良恶性鉴别研究", "基于 CT 影豫的肺结节良恶牲鉴别研究")
    True
    >>> _like_titles("基于CT影像的肺结节良恶性鉴别研究", "基于CT影像组学的肺结节良恶性预测模型")
    False
    """
    pairs = [{key[i:i + 2] for i in range(len(key) - 1)} for key in (_title_key(one), _title_key(other))]
    total = len(pairs[0]) + len(pairs[1])
    return bool(total) and 2 * len(pairs[0] & pairs[1]) >= 0.7 * total


def _author_names(text: str) -> frozenset[str]:
    """The names of an author line, as compared with another's: their marks (王建国1,2) and
    et al. (等) dropped, a mostly Chinese line's names set apart by spaces too.

    >>> sorted(_author_names("刘芳1 陈明2*")) == sorted(_author_names("刘芳，陈明 等"))
    True
    """
    text = resolve_name_marks(fold_fullwidth_alnum(text))
    marks = r"[\s,，、;；]+" if _mostly_han(text) else r"\s*[,，;；]\s*|\s+(?:and|&)\s+"
    return frozenset(" ".join(n.split()).casefold() for n in re.split(marks, text)
                     if n.strip() and not re.fullmatch(r"\s*(?:等|et\s+al\.?)\s*", n))


def _gives_record_fields(lines: list[str]) -> bool:
    """Whether ``lines``, after a title label, give that record's own authors or journal
    (作者：, 刊名：) before a blank line or the next title label."""
    for raw_line in lines:
        line, _ = _line_fixes(raw_line)
        m = _LABEL_RE.match(_simplified(line))
        if not line.strip() or (m and _label_key(m.group("label")) in _RECORD_OPENING):
            return False
        labelled = m and _has_colon(m) and match_label(line)
        if labelled and labelled[0] in _RECORD_FIELDS:
            return True
    return False


def _gives_page_fields(lines: list[str]) -> bool:
    """Whether ``lines``, after a page's title, give a field of that page with its label and
    colon (摘要：, 关键词：, 作者：, DOI：), or a space after it as VIP sets one (摘要 [目的]…,
    作者 陈晓燕 [1]), within :data:`_RECORD_AHEAD` lines.  (A label glued to its value is no
    sign: a related title may open with a label's word, "基金会管理研究".)

    >>> _gives_page_fields(["在线阅读 下载PDF", "作者 陈晓燕 [1] 王磊 [2]"]), _gives_page_fields(["基金会管理研究"])
    (True, False)
    """
    for raw_line in lines[:_RECORD_AHEAD]:
        line, _ = _line_fixes(raw_line)
        m = _LABEL_RE.match(_simplified(line))
        if m and (_has_colon(m) or _spaced_label(m)) and match_label(line):
            return True
    return False


def _opens_page(title: str, lines: list[str], authors: frozenset[str] = frozenset(), own: str = "") -> bool:
    """Whether ``lines``, under ``title``, are a page's own header: its abstract's label, the
    abstract in the title's script (not a page's English block under its Chinese fields), and its
    authors' or keywords' (with a colon or VIP's space, within :data:`_RECORD_AHEAD` lines), the
    authors maybe a line of names with no label (CNKI's "刘芳1 陈明2").  Between the title and the
    first label only the header's own lines: buttons, the title in the other script, the names
    and the institutions under them; a site's list of other papers, its footer or another title
    there are no page's.  A header whose names are ``authors`` (:func:`_author_names` of this
    page's) under a title much like ``own`` (this page's: :func:`_like_titles`) is this page's
    again, its PDF's full text pasted under it, the title read otherwise (a character lost or
    misread); the same authors' other paper has another title.

    >>> _opens_page("腰椎间盘突出症…", ["Risk factors for …", "在线阅读 下载PDF", "摘要 [目的]分析…", "Abstract [Objective]…",
    ...                                "作者 陈晓燕 [1]"])
    True
    >>> _opens_page("低剂量CT筛查肺癌", ["刘芳1 陈明2", "1.四川大学华西医院胸外科", "摘要：低剂量CT筛查…", "关键词：肺肿瘤；"])
    True
    >>> _opens_page("低剂量CT筛查肺癌", ["DOI：10.3779/j.issn.1009-3419.2020.03.05", "摘要：…"])
    False
    >>> _opens_page("版权所有©中国知网", ["中国肺癌杂志 . 2020,23(03)", "低剂量CT筛查肺癌", "刘芳1 陈明2", "摘要：…", "关键词：…"])
    False
    >>> header = ["刘芳1 陈明2", "摘要：低剂量CT筛查…", "关键词：肺肿瘤；"]
    >>> _opens_page("低剂量CT筛査肺癌", header, _author_names("刘芳 陈明"), "低剂量CT筛查肺癌")
    False
    >>> _opens_page("腰椎间盘突出症的治疗", header, _author_names("刘芳 陈明"), "低剂量CT筛查肺癌")
    True
    """
    fields, han, names = set(), _mostly_han(title), []
    for raw_line in lines[:_RECORD_AHEAD]:
        line = _line_fixes(raw_line)[0].strip()
        m = _LABEL_RE.match(_simplified(line))
        labelled = m and (_has_colon(m) or _spaced_label(m)) and match_label(line)
        if labelled and (labelled[0] != "abstract" or _mostly_han(labelled[2]) == han):
            fields.add(labelled[0])
            if labelled[0] == "authors":
                names.append(labelled[2])
        elif (labelled or "abstract" in fields or not line or is_page_chrome(line)
              or _ENGLISH_BUTTON_ROW.fullmatch(line)):
            continue  # (an abstract's lines, under its label)
        elif looks_like_names(resolve_name_marks(fold_fullwidth_alnum(line))):
            fields.add("authors")
            names.append(line)
        elif not (_mostly_han(line) != han or numbered_institutions(line) or bare_institutions(line)):
            return False
    if authors and any(_author_names(text) == authors for text in names) and _like_titles(title, own):
        return False
    return "abstract" in fields and bool(fields & {"authors", "keywords"})


def _site_name(line: str) -> bool:
    """Whether a line is a site's name alone, the first line of its page's header ("维普期刊官网",
    "中国知网 CNKI")."""
    tokens = [t for t in _ENTRY_MARKS.split(_simplified(line.strip())) if t]
    return bool(tokens) and all(t in _SITE_NAMES for t in tokens)


def _spaced_label(m: re.Match) -> bool:
    """Whether a label matched with no colon is set apart from its value by a space (VIP's
    "摘要 …"), not glued to it."""
    return not _has_colon(m) and m.start("value") > m.end("label")


# A preview's toggle with the next field glued after it ("…is essential.展开更多基金：National …"):
# the copy lost the line between the button and that field's label.
_TOGGLE_AT_END = re.compile(r"(?<=[。.．！？!?…)）])(?:" + "|".join(map(re.escape, UI_TOGGLES)) + ")")


def split_after_toggle(line: str) -> tuple[str, str] | None:
    """The line up to its toggle, and the field glued after that, when a label with its colon
    opens it; else None (the toggle's words as text).

    >>> split_after_toggle("A comprehensive assessment is essential.展开更多基金：National Natural Science Foundation")
    ('A comprehensive assessment is essential.展开更多', '基金：National Natural Science Foundation')
    >>> split_after_toggle("疗效确切。展开更多细节见正文"), split_after_toggle("疗效确切。更多基金会参与")
    (None, None)
    """
    for m in _TOGGLE_AT_END.finditer(line):
        rest = line[m.end():]
        label = _LABEL_RE.match(_simplified(rest))
        if label and _has_colon(label) and match_label(rest):
            return line[:m.end()], rest
    return None


def _line_fixes(raw_line: str) -> tuple[str, list[tuple[str, str, str]]]:
    """A page's line with its mojibake and HTML entities repaired, and the repairs made."""
    steps = []
    line = raw_line
    for fix in (fix_mojibake, unescape_html):
        fixed = fix(line)
        if fixed != line:
            steps.append((fix.__name__, line, fixed))
            line = fixed
    return line, steps


def _cited(reference: str, source: Source, lineno: int) -> Record | None:
    """The record the gbt7714 reader reads off one reference (its authors, title, journal,
    year, volume, issue, pages and DOI as raw fields), or None when it reads none."""
    src = Source(path=source.path, format="gbt7714", record=source.record, line=lineno)
    rec = find_reader("gbt7714").build(src, reference, reference)
    return rec if isinstance(rec, Record) and rec.raw.get("titles") else None


def _page_reference(line: str, source: Source, lineno: int) -> bool:
    """Whether an unlabelled line is a GB/T 7714 reference to a paper, whole (Magtech's
    citation under the author line, "包艳华, 唐倩. 题名[J]. 刊名, 2022, 35(5): 177-182. DOI: …"),
    not numbered as a reference list's are ("[1] …").

    >>> src = Source(path="p.txt", format="scraped-page", record=1)
    >>> _page_reference("王明, 李华. 城市热岛研究[J]. 地理学报, 2021, 76(5): 56-68.", src, 3)
    True
    >>> _page_reference("[1] 王明. 城市热岛研究[J]. 地理学报, 2021, 76(5): 56-68.", src, 3)
    False
    """
    if not line[:1].isalpha() or not _REFERENCE_TYPE.search(line):
        return False
    cited = _cited(line, source, lineno)
    return bool(cited and (cited.raw.get("journal") or cited.raw.get("year")))


def _cited_head(reference: str, title: str) -> str | None:
    """What a reference gives before ``title`` when that is the reference's title (the text
    between a full stop and its type mark): its authors ("包艳华, 唐倩, BarbaraM.KEHM"); None when
    ``title`` is not its title.

    >>> _cited_head("王明, 李华. 城市热岛研究[J]. 地理学报, 2021.", "城市热岛研究")
    '王明, 李华'
    >>> _cited_head("王明, 李华. 城市热岛研究进展[J]. 地理学报, 2021.", "城市热岛研究") is None
    True
    """
    at = reference.find(title) if title.strip() else -1
    if at < 0 or not _REFERENCE_TYPE.match(reference[at + len(title):].lstrip()):
        return None
    head = reference[:at].rstrip()
    return head.rstrip(".．").strip() if head.endswith((".", "．")) or not head else None


# A title a reference cites is filed under its last characters (all of it when shorter): the
# references are looked up by its key, then each read for it (_cited_head)
_CITED_KEY = 16


def _cited_keys(reference: str) -> set[str]:
    """The keys of the titles ``reference`` cites (the text from its start or a full stop up to a
    type mark, no space at either end): the _CITED_KEY characters before each type mark, and
    each shorter text there that starts at its start or after a full stop.  A few for each type
    mark: every such title kept whole had grown with the square of the reference's length (a
    reference of 72,000 characters, "Li A. Li A. …": 460 MB).

    >>> sorted(_cited_keys("王明, 李华. 城市热岛研究[J]. 地理学报, 2021."))
    ['城市热岛研究', '王明, 李华. 城市热岛研究']
    >>> sorted(_cited_keys("Li H. Heat. Heat island [J]. Acta, 2021."))   # "Li H. Heat. Heat island" by its end
    ['Heat island', 'eat. Heat island']
    """
    keys = set()
    for m in _REFERENCE_TYPE.finditer(reference):
        end = m.start()
        while end and reference[end - 1].isspace():
            end -= 1
        if end >= _CITED_KEY:
            keys.add(reference[end - _CITED_KEY:end])
        for start in range(max(end - _CITED_KEY + 1, 0), end):
            if reference[start].isspace():
                continue
            before = start
            while before and reference[before - 1].isspace():
                before -= 1
            if not before or reference[before - 1] in ".．":
                keys.add(reference[start:end])
    return keys


def _cites(reference: str, title: str) -> bool:
    """Whether ``title`` (a line's text, no space at either end) is a title ``reference`` cites.

    >>> ref = "Li H. Heat. Heat island [J]. Acta, 2021."
    >>> [_cites(ref, t) for t in ("Heat island", "Heat", "H. Heat.", "Li H. Heat. Heat island")]
    [True, False, False, True]
    """
    return bool(title) and title == title.strip() and _cited_head(reference, title) is not None


class _Given:
    """The values of a raw field of the page, each counted under the keys ``keys`` gives it, kept
    as the page's lines are read: gathered again from the whole field for each line asked about
    them (a line of authors or references again, a title cited or another), a page of many lines
    had been quadratic (4,000 references: 13 s).  While lines are read the field changes at its
    end (a line added, the last one joined to or taken back: continue_line, cited_authors) or is
    replaced whole (cited_authors, site_header); the count follows it there each time it is asked
    (a change in the middle of the field, made once the page is read, is not seen)."""

    def __init__(self, raw: dict, field: str, keys):
        self.raw, self.field, self.keys = raw, field, keys
        self.values: list | None = None  # the field's list, and its entries as counted
        self.seen: list = []
        self.clear()

    def __contains__(self, key: str) -> bool:
        return key in self.follow()

    def follow(self) -> Counter:
        """The keys of the field's values as it is now, with how many values give each."""
        values = self.raw.get(self.field, [])
        if values is not self.values:
            self.values, self.seen = values, []
            self.clear()
        kept = min(len(self.seen), len(values))
        while kept and self.seen[kept - 1] is not values[kept - 1]:
            kept -= 1
        for text, _ in self.seen[kept:]:
            for key in self.keys(text):
                self.counts[key] -= 1
                if not self.counts[key]:
                    del self.counts[key]
                    self.dropped(key)
        for text, _ in values[kept:]:
            for key in self.keys(text):
                if not self.counts[key]:
                    self.added(key)
                self.counts[key] += 1
        self.seen[kept:] = values[kept:]
        return self.counts

    def clear(self) -> None:
        self.counts = Counter()

    def added(self, key: str) -> None:
        """A key no value gave before is given."""

    def dropped(self, key: str) -> None:
        """A key is given by no value any more."""


class _Titles(_Given):
    """The page's titles as compared (:func:`_title_key`), sorted, and their lengths: whether one
    starts another is a look-up, not a comparison with each."""

    def __init__(self, raw: dict):
        super().__init__(raw, "titles", lambda text: (_title_key(text),))

    def clear(self) -> None:
        super().clear()
        self.sorted: list[str] = []
        self.lengths: Counter = Counter()

    def added(self, key: str) -> None:
        insort(self.sorted, key)
        self.lengths[len(key)] += 1

    def dropped(self, key: str) -> None:
        del self.sorted[bisect_left(self.sorted, key)]
        self.lengths -= Counter({len(key): 1})

    def start_or_started_by(self, key: str) -> bool:
        """Whether a title's key starts with ``key``, or ``key`` with one's."""
        counts = self.follow()
        at = bisect_left(self.sorted, key)
        return (at < len(self.sorted) and self.sorted[at].startswith(key)
                or any(key[:n] in counts for n in self.lengths if n <= len(key)))


class _Cited(_Given):
    """The titles the page's references cite (cited_title), each looked up among the references
    filed under its key (:func:`_cited_keys`)."""

    def __init__(self, raw: dict):
        super().__init__(raw, "reference", lambda text: [(key, text) for key in _cited_keys(text)])

    def clear(self) -> None:
        super().clear()
        self.filed: dict[str, set[str]] = {}  # a key, and the references that give a title under it

    def added(self, key: tuple[str, str]) -> None:
        self.filed.setdefault(key[0], set()).add(key[1])

    def dropped(self, key: tuple[str, str]) -> None:
        references = self.filed[key[0]]
        references.discard(key[1])
        if not references:
            del self.filed[key[0]]

    def __contains__(self, title: str) -> bool:
        self.follow()
        return any(_cites(reference, title) for reference in self.filed.get(title[-_CITED_KEY:], ()))


def _spaceless(name: str) -> str:
    return "".join(name.split()).casefold()


class _Page:
    def __init__(self, record: Record):
        self.rec = record
        self.raw = record.raw
        self.recognised = 0
        self.last = None  # the field of the last line read: an abstract's next lines may continue it
        self.current = None  # the field the line being read went to, and the one before's
        self.previous = None
        self.joined = 0  # how many lines were joined to the last field's value
        self.after_blank = False  # the last line read was blank
        self.titled = False  # the title was given by a label (题名：…): a record of labelled fields
        self.in_records = record.source.record > 1  # a record of a file already split into records
        self.english_line = None  # the line of an English abstract read with no label (english_abstract)
        self.lines = 0  # the lines read that are not blank
        self.native = 0  # lines only the sites read give: their chrome, a label in Chinese (摘要, 作者)
        self.other_sites: list[str] = []  # what lines of a site this reader does not read name (other_site)
        self.chromed = False  # a line of chrome has been read (site_header)
        self.header = True  # only chrome has been read yet: the page's top (is_page_chrome)
        # the extra key of the list of other papers (参考文献) whose heading was read, its lines following
        # ("" once a section heading or the site's footer ended the lists); its last entry's number,
        # None when that entry may not go on (a blank line after it, or a list without numbers)
        self.in_list: str | None = None
        self.entry_number: int | None = None
        self.listed = 0  # the lines read into a list of other papers, its headings too
        self.bare_affiliations: set[int] = set()  # the lines of affiliations read with no label (bare_affiliation)
        self.owned = False  # the authors were given their own institutions off the affiliation line
        self.counted: dict[str, tuple[str, dict[str, int]]] = {}  # a field's last value, its scripts (last_mostly_han)
        # a field's repair joining lines to its value, kept whole as more lines join (continue_line): a
        # repair a line, each of the whole value before and after, had made a long abstract's log quadratic
        self.join_logged: dict[str, Repair] = {}
        # the lines of fields given once (repeated) and the references (cites_again), spaces collapsed;
        # the titles the references cite (cited_title); the titles (another_title)
        self.given = {field: _Given(self.raw, field, lambda text: (" ".join(text.split()),))
                      for field in (*_GIVEN_ONCE, "reference")}
        self.cited = _Cited(self.raw)
        self.titles = _Titles(self.raw)

    def add(self, key: str, value, lineno: int) -> None:
        self.raw.setdefault(key, []).append((value, lineno))
        self.last = self.current = key
        self.joined = 0

    def last_mostly_han(self, field: str) -> bool:
        """:func:`_mostly_han` of the last value of ``field``, its scripts counted as lines join
        it (:meth:`continue_line`), not again over the whole value after each line."""
        text = self.raw[field][-1][0]
        counted = self.counted.get(field)
        if counted is None or counted[0] is not text:
            counted = self.counted[field] = (text, script_counts(text))
        return counted[1]["han"] > counted[1]["latin_words"]

    def continues_abstract(self, line: str) -> bool:
        """Whether an unlabelled line right after an abstract line is more of it: a paragraph
        ("方法 选取…。") or the rest of a line a copy wrapped.  Not when the abstract ended on a
        toggle (展开更多, 收起), nor a line in the other script (the English abstract), nor the
        abstract again (the full text after a preview), nor names or a short list, nor a line
        that opens with a label ("CLC number: R738.1", :func:`_opens_with_label`)."""
        if self.last != "abstract" or _opens_with_label(line):
            return False
        if _section_label_only(line):  # a heading alone ("方法" / "选取…"): the splitter splits at it
            # (not on a page with a line only a site it does not read shows: there the heading is
            # unread, as other_site_reason counts the lines of such a page; only in an abstract of
            # sections already, never the body's first heading: "Introduction" under a plain abstract)
            return not self.other_sites and self.last_mostly_han("abstract") == _mostly_han(line) \
                and _simplified(line).strip().rstrip(":：").strip().upper() not in _BODY_HEADINGS \
                and _sectioned(self.raw["abstract"][-1][0])
        before = self.raw["abstract"][-1][0].rstrip()
        if strip_toggle(before) != before or line.startswith(before[:20]):
            return False
        if self.last_mostly_han("abstract") != _mostly_han(line) or _is_source_line(fold_fullwidth_alnum(line)):
            return False
        prose = len(line) > 30 or re.search(r"[。．.！？!?，,]", line)
        return bool(prose) and not looks_like_names(resolve_name_marks(fold_fullwidth_alnum(line)))

    def continues_funding(self, line: str) -> bool:
        """Whether an unlabelled line right after a funding line is more of it, the rest of a
        list a copy wrapped: the funding line left its list open ("…(81672345)；") and this line
        is a funder's item ("国家重点研发计划(2018YFC1313200)"), or it cut a funder's name
        ("…;江苏省") and this line gives the rest with its grant number.  Not a line in the
        other script, nor prose (a title, a sentence naming a 计划)."""
        if self.last != "funding":
            return False
        before = self.raw["funding"][-1][0].rstrip()
        if self.last_mostly_han("funding") != _mostly_han(line) or not _is_funder_item(line):
            return False
        if before.endswith(_OPEN_LIST):
            return True
        cut = _last_item(before).strip()
        return (len(cut) <= _CUT_NAME and _mostly_han(cut) and not re.search(r"\d", cut)
                and not _is_funder_item(cut) and bool(_BRACKETED_GRANT.search(line)))

    def continues_keywords(self, line: str, following: str | None) -> bool:
        """Whether an unlabelled line right after a keyword line is more of its list, given one
        keyword a line ("关键词：" / "城市热岛;" / "深度学习;"): a keyword ending on ; or ；, or the
        last of such a run with no mark, in the run's script, right before a label or a blank
        line (``following``, None when not known).  Not prose (a sentence, a long line)."""
        if self.previous != "keywords" or not _is_keyword_item(line):
            return False
        if line.endswith(_KEYWORD_MARKS) or _SLASH_MARK.search(line):
            return True
        before = self.raw["keywords"][-1][0].rstrip()
        # a run one a line: a line joined already to the label's ("关键词：城市热岛;" + "深度学习;"),
        # or a line after the label's that ends on Magtech's slash ("关键词：跨学科研究 /" + "科研平台")
        marked = before.endswith(_KEYWORD_MARKS) and self.joined or _SLASH_MARK.search(before)
        return bool(following is not None and marked and _mostly_han(line) == self.last_mostly_han("keywords")
                    and _ends_field(following))

    def continue_line(self, field: str, line: str, steps, glue: str | None = None) -> None:
        """``line`` joined to the last line of ``field``, which it continues (with ``glue``
        between, else a space or nothing as the scripts want)."""
        before, first = self.raw[field][-1]
        kept = before
        if field == "keywords" and _SLASH_MARK.search(before):  # Magtech's list mark, read as ";" is
            kept, glue = _SLASH_MARK.sub("", before), "; "
        if glue is None:
            glue = "" if _mostly_han(line) and not before[-1:].isascii() else " "
        stem = kept.rstrip()
        joined = stem + glue + line
        counted = self.counted.get(field)
        if counted and counted[0] is before and kept is before:
            # the scripts counted, and what glue and line add (a Latin word may run on from the last letter)
            more, less = script_counts(stem[-1:] + glue + line), script_counts(stem[-1:])
            self.counted[field] = (joined, {k: n + more[k] - less[k] for k, n in counted[1].items()})
        self.log_line_repairs(steps, field)
        run = self.join_logged.get(field)
        if run is not None and run.after is before:
            run.after = joined  # one repair for a run of lines joined: the first line, then them all
        else:
            self.rec.log("join_continued_line", field, before, joined)
            if self.rec.repairs and self.rec.repairs[-1].after is joined:
                self.join_logged[field] = self.rec.repairs[-1]
        self.raw[field][-1] = (joined, first)
        self.current = field
        self.joined += 1

    def affiliation_line(self, line: str, lineno: int, steps) -> bool:
        """A line of numbered institutions with no label right after the author line (CNKI's
        "1.北京大学 2.清华大学" under "王建国1,2 李四2") is the affiliation line the names' marks
        number; given one a line ("1.北京大学" / "2.清华大学"), each next number continues it,
        joined as a list (so the marks are read off it as off a labelled one)."""
        if self.last == "authors" and "affiliation" not in self.raw and numbered_institutions(line):
            self.log_line_repairs(steps, "affiliation")
            self.recognised += 1
            self.add("affiliation", line, lineno)
            return True
        if self.last != "affiliation":
            return False
        before = numbered_institutions(self.raw["affiliation"][-1][0])
        if not (before and numbered_institutions(line, len(before) + 1)):
            return False
        self.continue_line("affiliation", line, steps, glue="；" if _mostly_han(line) else "; ")
        return True

    def bare_affiliation(self, line: str, lineno: int, steps) -> bool:
        """A line of institutions with neither label nor number's order (:func:`bare_institutions`)
        right after the author line, while the page has given no affiliation, is the authors'
        affiliation, not another title ("北京大学第三医院骨科" under "王建国 李晓明 张伟"); given
        one a line, each next such line is more of it, joined as a list, or in the other script
        (the English under the Chinese) the affiliation as that script gives it."""
        if not bare_institutions(line):
            return False
        titles = self.raw.get("titles", [])
        # (where a page of one title gives its title in the other language: "Smart hospital" … 智慧医院)
        other_title = len(titles) == 1 and _mostly_han(titles[0][0]) != _mostly_han(line)
        first = self.last == "authors" and "affiliation" not in self.raw and not other_title
        more = self.last == "affiliation" and self.raw["affiliation"][-1][1] in self.bare_affiliations
        if not (first or more):
            return False
        if more and self.last_mostly_han("affiliation") == _mostly_han(line):
            self.continue_line("affiliation", line, steps, glue="；" if _mostly_han(line) else "; ")
            return True
        self.log_line_repairs(steps, "affiliation")
        self.recognised += 1
        self.add("affiliation", line, lineno)
        self.bare_affiliations.add(lineno)
        return True

    def english_abstract(self, line: str, lineno: int, steps) -> bool:
        """An English paragraph with no label right after the Chinese abstract (a page giving
        both under its 摘要) is the English abstract; whether the page has another is known
        only at its end (:meth:`settle_english_abstract`)."""
        if self.last != "abstract" or not self.last_mostly_han("abstract") or not _is_english_prose(line):
            return False
        self.log_line_repairs(steps, "abstract")
        self.recognised += 1
        self.add("abstract", line, lineno)
        self.english_line = lineno
        return True

    def settle_english_abstract(self) -> None:
        """The English abstract read with no label stays one on a page with no other: beside an
        English abstract the page labels (Abstract:), it is an unlabelled line as any other."""
        abstracts = self.raw.get("abstract", [])
        taken = next((i for i, (_, lineno) in enumerate(abstracts) if lineno == self.english_line), None)
        if taken is None or not any(not _mostly_han(text) for i, (text, _) in enumerate(abstracts) if i != taken):
            return
        text, lineno = abstracts.pop(taken)
        self.keep_unlabelled(text, lineno)

    def full_after_preview(self, value: str) -> bool:
        """An abstract line after a preview cut off at "..." or "…", the full text
        (:func:`_full_of_preview`; a toggle after the preview, after the full text, or none):
        the two are read as one line, as a page gives them when copied whole, so that the
        preview gives way to the full text."""
        if self.last != "abstract":
            return False
        before, first = self.raw["abstract"][-1]
        if not _full_of_preview(before, value):
            return False
        self.raw["abstract"][-1] = (strip_toggle(before.rstrip()) + value, first)
        return True

    def preview_above(self, line: str, following: str | None) -> bool:
        """Whether an unlabelled line is the abstract's preview, cut off at "..." or "…", the
        full text on the line after it (with its label or none): the abstract, which that line
        then completes (:meth:`full_after_preview`), not another title.  The page's first line
        is its title, and a line narrower than a preview is one (_PREVIEW_MIN_WIDTH).  Asked of
        every unlabelled line: one not cut off is none, before the line after it is read."""
        if not following or not self.raw.get("titles") or not cut_off_mark(line):
            return False
        if _width(strip_toggle(line)) < _PREVIEW_MIN_WIDTH:
            return False
        after = _line_fixes(following)[0].strip()
        labelled = match_label(after)
        if labelled and labelled[0] == "abstract":
            after = labelled[2]
        return _full_of_preview(line, after)

    def completes_preview(self, line: str, steps) -> bool:
        """An unlabelled line right after an abstract that is its preview's toggle alone
        ("展开全部" under "摘要：…手术治疗后...") or, after the toggle, the full text on a line of
        its own: the toggle joins the preview, and the full text the preview with its toggle
        (:meth:`full_after_preview`), as when the page gives them on one line."""
        if self.last != "abstract":
            return False
        if not strip_toggle(line):
            self.continue_line("abstract", line, steps)
            return True
        if not self.full_after_preview(line):
            return False
        self.log_line_repairs(steps, "abstract")
        self.recognised += 1
        self.current = "abstract"
        return True

    def log_line_repairs(self, steps: list[tuple[str, str, str]], field: str) -> None:
        for step, before, after in steps:
            self.rec.log(step, field, before, after)

    def starts_next_record(self, raw_line: str, ahead: list[str]) -> bool:
        """Whether ``raw_line`` opens the next record of a file of labelled records (a VIP text
        export, two detail pages copied one after the other), the lines ``ahead`` following it:

        - a title label with its colon (题名：, 标题：) after a blank line, once this record has a
          labelled title (or is a record of the file already) and another field;
        - the same with no blank line (VIP's export may set none), once this record has a
          labelled title and its authors or journal, when the label gives another title in the
          same script and the lines ahead give its own authors or journal (作者：, 刊名：);
        - in a file already split, a label of a field this record has already (作者：, 刊名：)
          after a blank line: a record without its title, a failure then, not merged.

        A page repeats other labels (the abstract again after 文摘, a preview and the full
        text) and gives its title in the other language unlabelled or as Title:/英文题名：, not so.
        Pages copied one after the other with no labelled title open at a breadcrumb
        (:meth:`next_page`)."""
        if self.next_page(raw_line, ahead) or self.next_header(raw_line, ahead):
            return True
        if not (self.titled or self.in_records):  # a page of unlabelled lines is read whole
            return False
        line, _ = _line_fixes(raw_line)
        m = _LABEL_RE.match(_simplified(line))
        labelled = m and _has_colon(m) and match_label(line)
        if not labelled:
            return False
        field, _, value = labelled
        if _label_key(m.group("label")) not in _RECORD_OPENING:
            return self.after_blank and self.in_records and field in _RECORD_FIELDS and field in self.raw
        # a title, not a paragraph of the abstract that starts "题名：应著录文章的正式题名…。"
        if not (len(value) <= 300 and "。" not in value.rstrip("。")):
            return False
        if self.after_blank:
            return (self.titled or self.in_records) and any(key != "titles" for key in self.raw)
        return (self.titled and any(key in self.raw for key in _RECORD_FIELDS) and self.another_title(value)
                and _gives_record_fields(ahead))

    def next_page(self, raw_line: str, ahead: list[str]) -> bool:
        """Whether ``raw_line`` is the breadcrumb of another page copied after this one
        ("首页 > 会议 > 国内会议" after a thesis page): this page has had its title, abstract
        and keywords, and the first line ahead that is no chrome nor source line, the next
        page's title, is another paper's, and a labelled field of its own follows it within a
        few lines (:func:`_gives_page_fields`: a site's list of related titles gives none).  The
        same page pasted twice is read as one."""
        line, _ = _line_fixes(raw_line)
        if not (_NAV_RE.match(_simplified(line)) and all(k in self.raw for k in ("titles", "abstract", "keywords"))):
            return False
        for i, raw_ahead in enumerate(ahead):
            text, _ = _line_fixes(raw_ahead)
            text = text.strip()
            if text and not (is_page_chrome(text) or _PAGE_TYPES.get(_simplified(text))
                             or _is_source_line(fold_fullwidth_alnum(text))):
                return not match_label(text) and self.another_title(text) and _gives_page_fields(ahead[i + 1:])
        return False

    def next_header(self, raw_line: str, ahead: list[str]) -> bool:
        """Whether ``raw_line`` opens another page pasted right after this one with no breadcrumb
        between them (a VIP page under a CNKI page's counters): this page has had its title,
        abstract and keywords, and the line is another paper's title with the next page's own
        header under it (:func:`_opens_page`), or the site's name or a source line (CNKI's
        journal line, once this page has given its own) over that title.  The same page pasted
        twice is read as one, and a list of other papers (numbered, with no labels under its
        titles) is no page."""
        if not all(k in self.raw for k in ("titles", "abstract", "keywords")):
            return False
        if not any(_ABSTRACT_WORD.search(raw_ahead) for raw_ahead in ahead):  # (looked for first: it is quick)
            return False
        line = _line_fixes(raw_line)[0].strip()
        # (a source line before this page has its source is this page's, as some give it under their fields)
        source = (any(k in self.raw for k in (*_SOURCE_FIELDS, "journal_line"))
                  and _is_source_line(fold_fullwidth_alnum(line)))
        if not line or not (_site_name(line) or _PAGE_TYPES.get(_simplified(line)) or source
                            or self.titles_another(line)):
            return False
        for i, raw_ahead in enumerate([raw_line, *ahead]):
            text = _line_fixes(raw_ahead)[0].strip()
            if text and not (is_page_chrome(text, header=True) or _PAGE_TYPES.get(_simplified(text))
                             or _is_source_line(fold_fullwidth_alnum(text))):
                authors = frozenset().union(*(_author_names(names) for names, _ in self.raw.get("authors", [])))
                return self.titles_another(text) and _opens_page(text, ahead[i:], authors, self.raw["titles"][0][0])
        return False

    def titles_another(self, line: str) -> bool:
        """Whether an unlabelled line may be another paper's title: no label, chrome, counters,
        source line, list's entry or heading, site's footer, abstract's paragraph, names nor
        institutions (a page's own header again, pasted twice), and another title
        (:meth:`another_title`)."""
        return not (match_label(line) or is_page_chrome(line, header=True) or counter_items(line)
                    or _is_source_line(fold_fullwidth_alnum(line)) or _ENTRY_NUMBER.match(line)
                    or _LIST_HEADING.fullmatch(line) or _SITE_FOOTER.search(line)
                    or len(line) > _LONG_TEXT or _looks_like_abstract(line) or numbered_institutions(line)
                    or bare_institutions(line) or looks_like_names(resolve_name_marks(fold_fullwidth_alnum(line)))
                    ) and self.another_title(line)

    def another_title(self, value: str) -> bool:
        """Whether ``value`` is another paper's title: not this record's again (a preview of it,
        the full text after a preview) nor a title in the other script (its English title)."""
        titles = self.raw.get("titles", [])
        return (bool(titles) and _mostly_han(value) == _mostly_han(titles[0][0])
                and not self.titles.start_or_started_by(_title_key(value)))

    def feed(self, raw_line: str, lineno: int, following: str | None = None) -> None:
        """Read a line of the page; ``following`` is the line after it ("" at the end)."""
        glued = split_after_toggle(raw_line)
        if glued:  # two lines, the field after the toggle the second
            self.feed(glued[0], lineno, glued[1])
            self.feed(glued[1], lineno, following)
            return
        line, steps = _line_fixes(raw_line)
        self.previous, self.current = self.current, None
        rule = bool(_RULE.fullmatch(line))
        self.after_blank = rule or not line.strip()
        if rule:  # (as a blank line does, it leaves the field being read open: a rule inside an abstract)
            self.rec.log("drop_page_chrome", "page", line.strip(), "")
        if self.after_blank:
            self.entry_number = None  # (a blank line ends a list's entry)
            return
        self.lines += 1
        site = other_site(line)
        if site is not None:
            self.other_sites.append(site)
        if site:  # (that site's own line: no field, nor a label of the sites read, J-STAGE's 著者情報)
            self.keep_unlabelled(line.strip(), lineno)
            return
        if is_site_footer(line):  # (it ends a list of other papers)
            self.native += 1
            self.rec.log("drop_page_chrome", "page", line, "")
            self.last = None
            self.in_list = "" if self.in_list else self.in_list
            return
        native = is_page_chrome(line)
        if native or self.header and is_page_chrome(line, header=True) or _ENGLISH_BUTTON_ROW.fullmatch(line.strip()) \
                or _menu_entries(line, self.header):
            self.native += native  # (a language switch alone, "English", is any site's)
            self.rec.log("drop_page_chrome", "page", line, "")
            self.last = None
            self.site_header(line)
            self.list_heading(line.strip())  # (a list's heading may be a button: 相似文献)
            return
        self.header = False
        if self.page_type(line.strip()):
            return
        items = counter_items(line)
        if items:
            self.counters(items, lineno, steps)
            return
        listed = listed_fields(line)
        if listed:
            for labelled in listed:
                self.take(labelled, lineno, steps)
                steps = []  # the line's repairs, logged once
            return
        bare = _bare_label(line)
        if bare and _has_colon(bare):  # a field the page left empty ("关键词：")
            self.rec.issues.append(f"line {lineno}: label with no value")
            self.last = None
            return
        labelled = match_label(line)
        labelled = None if labelled and _citation_rest(labelled) else labelled
        started = bool(self.raw.get("titles") or self.raw.get("abstract"))
        # The first content line of a page is its title: a glued "label" there is just
        # the title's first word ("基金会管理研究"), unless a colon makes it a label.
        if labelled and (started or _has_colon(_LABEL_RE.match(_simplified(line)))):
            self.take(labelled, lineno, steps)
            return
        self.unlabelled(line, lineno, steps, following)

    def take(self, labelled: tuple[str, str, str], lineno: int, steps) -> None:
        """A labelled line's value into its field."""
        field, label, value = labelled
        self.log_line_repairs(steps, field)
        self.recognised += 1
        self.native += not label.isascii()
        if field == "abstract" and self.full_after_preview(value):
            return
        names, institutions = split_listed_institutions(value) if field == "authors" else (value, [])
        if field in _GIVEN_ONCE and self.repeated(field, names, lineno):   # (its names, as kept)
            return
        if field == "reference" and self.cites_again(value):
            return
        if institutions:
            value = self.listed_institutions(value, names, institutions, lineno)
        if _label_key(label) in _CONFERENCE_LABELS and not self.rec.extra.get("source_type"):
            self.rec.type = "paper-conference"
        if field == "journal":
            value = self.index_tags(value)
        if field == "keywords":
            value = _spaced_keywords(value)
        if field == "translated_author":
            self.translated_authors(value, lineno)
            return
        translated = self.unlabelled_titles(value) if field == "titles" and _label_key(label) in _RECORD_OPENING \
            else []
        self.add(*self.bracketed_journal(value) if field == "journal" else (field, value), lineno)
        if translated:  # after the labelled title: the page's own, its language the record's
            self.raw["titles"].extend(translated)
        self.titled = self.titled or field == "titles"
        if field == "reference":
            self.cited_authors(value)
        if field not in ("abstract", "keywords", "funding", "authors", "titles"):
            self.rec.extra.setdefault("labels", {})[field] = label

    def translated_authors(self, value: str, lineno: int) -> None:
        """A labelled line of the authors in pinyin (VIP's 英文作者：CHEN Xiao-yan;LI Ming, their
        unit in brackets after them or not): a ``translated_author`` each, as the pinyin line with
        no label gives them (:meth:`english_block`), paired with their Chinese names as their
        ``alt`` once the record is cleaned; the unit kept in extra.translated_affiliation."""
        names, unit = _names_and_unit(value)
        if [name for name, _ in self.raw.get("translated_author", [])] != names:   # (a page copied twice)
            self.raw.setdefault("translated_author", []).extend((name, lineno) for name in names)
            if unit:
                self.rec.extra.setdefault("translated_affiliation", []).append(unit)
        self.last = self.current = "translated_author"
        self.joined = 0

    def reference(self, line: str, lineno: int, steps) -> None:
        """An unlabelled reference to the paper (:func:`_page_reference`), kept as a labelled
        one (引用本文：) is."""
        self.log_line_repairs(steps, "reference")
        self.recognised += 1
        if not self.cites_again(line):
            self.add("reference", line, lineno)
            self.cited_authors(line)
        self.current = "reference"

    def cites_page(self, line: str) -> bool:
        """Whether ``line`` may be the page's own reference: it cites a title read, or the line
        before it was one that did."""
        return self.last == "reference" or any(_cited_head(line, text) is not None
                                               for text, _ in self.raw.get("titles", []))

    def cites_again(self, reference: str) -> bool:
        """Whether the page gave this reference already (Magtech gives each twice: alone, and
        after 引用本文：)."""
        return " ".join(reference.split()) in self.given["reference"]

    def cited_authors(self, reference: str) -> None:
        """The line under the title that the page's reference gives before that title, read
        as another title for want of names (Chinese names with a Western one the site glued,
        "包艳华, 唐倩, BarbaraM.KEHM", are no list of names one script reads), is the author line."""
        titles = self.raw.get("titles", [])
        if self.raw.get("authors") or len(titles) < 2:
            return
        text, lineno = titles[-1]
        if _cited_head(reference, titles[0][0]) != " ".join(text.split()):
            return
        titles.pop()
        self.raw["authors"] = [(text, lineno)]

    def cited_title(self, line: str, lineno: int, steps) -> bool:
        """A line that the page's reference gives as its title (the title again under the
        citation lines, the English title that the English citation gives) is a title, read once."""
        if line not in self.cited:
            return False
        if _title_key(line) in self.titles:
            self.recognised += 1
            self.rec.issues.append(f"line {lineno}: the same title again, read once")
            self.last = self.current = "titles"
            return True
        self.title(line, lineno, steps)
        return True

    def settle_references(self) -> None:
        """The page's references (Magtech's citation in Chinese and in English), read as the
        gbt7714 reader reads one, give the journal (in each script), year, volume, issue, pages
        and DOI where the page gives them nowhere else; and the English one, whose title is the
        page's English title, its authors in English (:meth:`english_names`)."""
        references = self.raw.get("reference", [])
        given = self.given_parts()
        for text, lineno in references:
            cited = _cited(text, self.rec.source, lineno)
            if cited is None:
                continue
            parts = {}
            for key in _CITED_PARTS:
                value = str(cited.raw.get(key, [("", None)])[0][0])
                part = (key, _mostly_han(value)) if key == "journal" else key
                if value and part not in given:
                    parts[key] = value
                    given.add(part)
            if parts:
                self.raw.setdefault("journal_line", []).append((parts, lineno))
            if cited.raw.get("doi") and not self.raw.get("doi"):
                self.raw["doi"] = [(cited.raw["doi"][0][0], lineno)]
        self.english_names(references)

    def given_parts(self) -> set:
        """What the page gives of the parts a reference gives (_CITED_PARTS), a journal with its
        script: ``("journal", True)`` for a name in Chinese."""
        given = {key for key, fields in _CITED_PARTS.items() if key != "journal" and any(f in self.raw for f in fields)}
        journals = [text for text, _ in self.raw.get("journal", [])]
        for parts, _ in self.raw.get("journal_line", []):
            given |= {key for key in _CITED_PARTS if key != "journal" and parts.get(key)}
            journals.append(parts.get("journal") or "")
        given |= {("journal", _mostly_han(j)) for j in journals if j.strip()}
        if "citation" in self.raw:  # (VIP's 出处: 《刊名》…)
            given.add(("journal", True))
        return given

    def english_names(self, references: list[tuple[str, int]]) -> None:
        """The names of a reference in English to the paper (its title the page's English title)
        under a Chinese author line: each the English form of an author (``translated_author``,
        paired by pinyin with its Chinese name as its ``alt``), or that author's own name, which
        spaces a name the Chinese line glued ("BarbaraM.KEHM" is "Barbara M. KEHM")."""
        authors = self.raw.get("authors", [])
        english_titles = [text for text, _ in self.raw.get("titles", []) if not _mostly_han(text)]
        if len(authors) != 1 or not _mostly_han(authors[0][0]) or not english_titles:
            return
        for reference, lineno in references:
            head = next((h for t in english_titles if (h := _cited_head(reference, t))), None)
            if not head or _mostly_han(head) or not looks_like_names(head):
                continue
            english = split_author_list(head)
            text, at = authors[0]
            names = split_author_list(text)
            for name in names:
                spaced = next((e for e in english if _spaceless(e) == _spaceless(name) and e != name), None)
                if spaced:
                    self.rec.log("space_glued_name", "authors", name, spaced)
                    text = text.replace(name, spaced)
            authors[0] = (text, at)
            own = {_spaceless(name) for name in names}
            self.raw.setdefault("translated_author", []).extend(
                (name, lineno) for name in english if _spaceless(name) not in own)
            return

    def repeated(self, field: str, value: str, lineno: int) -> bool:
        """Whether ``value`` is a line of ``field`` (authors, affiliations) this page has given
        already, word for word (a page copied twice into one file): its names are not added
        again, as a bare author line's are not, so that they pair with their pinyin and their
        one affiliation as on the page copied once."""
        if " ".join(value.split()) not in self.given[field]:
            return False
        self.rec.issues.append(f"line {lineno}: the same {field} line again, read once")
        self.last = self.current = field
        return True

    def listed_institutions(self, value: str, names: str, institutions: list[str], lineno: int) -> str:
        """An author list's names, its institutions listed after them (:func:`split_listed_institutions`)
        moved to the affiliations (once: a page copied twice lists them again)."""
        self.rec.log("split_listed_institutions", "authors", value, names)
        joined = "; ".join(institutions)
        if not any(joined == text for text, _ in self.raw.get("affiliation", [])):
            self.raw.setdefault("affiliation", []).append((joined, lineno))
        return names

    def index_tags(self, journal: str) -> str:
        """A labelled journal's name without the indexes a site lists after it (Wanfang's
        "刊名：中国组织工程研究  ISTIC PKU CSCD"), kept in extra.indexed_in as CNKI's are."""
        tags = _INDEX_TAGS.search(journal)
        name = journal[:tags.start()].rstrip() if tags else journal
        if not tags or not re.search(rf"[{HAN}》]$", name):   # (a name of Latin words may end in "SCI")
            return journal
        self.rec.log("split_index_tags", "journal", journal, name)
        self.rec.extra["indexed_in"] = tags.group(0).split()
        return name

    @staticmethod
    def bracketed_journal(value: str) -> tuple[str, str | dict]:
        """A journal's value as a raw field: one named in 《》 with its citation after it (Baidu
        Xueshu's 出版源：《中国矫形外科杂志》 , 2021 , 29 (6) :512-516) gives the name and the
        citation's parts, as a CNKI journal line does; any other is the journal as written.

        >>> _Page.bracketed_journal("《中国矫形外科杂志》 , 2021 , 29 (6) :512-516")
        ('journal_line', {'journal': '中国矫形外科杂志', 'year': '2021', 'volume': '29', 'issue': '6', 'pages': '512-516'})
        >>> _Page.bracketed_journal("中国矫形外科杂志")
        ('journal', '中国矫形外科杂志')
        """
        m = re.fullmatch(r"\s*《([^《》]+)》\s*[,，.]?\s*(\S.*)", value)
        name, cited = split_journal_citation(f"{m.group(1)}, {m.group(2)}") if m else (value, {})
        return ("journal_line", {"journal": name.strip(), **cited}) if cited else ("journal", value)

    def counters(self, items: list[str], lineno: int, steps) -> None:
        """The items of a line of counters (:func:`counter_items`), each into the field
        :data:`_COUNTER_FIELDS` gives (the pages, the page count, the site's counts; the file's
        size dropped), and the pages of a page count that gives them ("页数：5(1085-1089)")."""
        for item in items:
            head = re.match(_COUNTER_LABELS, item).group(0)
            label, value = head.rstrip(":：").strip(), item[len(head):].strip()
            counted = _page_count(item)
            if counted:
                self.take(("pages", label, counted[1]), lineno, steps)
                steps, value = [], counted[0]
            field = _COUNTER_FIELDS[label]
            if field is None:
                self.rec.log("drop_page_chrome", "page", item, "")
                continue
            if field == "page_count" and not value.isdigit():   # ("Pages: 1120-1125")
                field = "pages"
            self.take((field, label, value), lineno, steps)
            steps = []  # the line's repairs, logged once

    def unlabelled_titles(self, title: str) -> list[tuple[str, int]]:
        """The lines read as the title before the page's first title label (题名：, 标题：) in the
        labelled ``title``'s script were not its title (a site's name over its record,
        "中国生物医学文献服务系统 SinoMed"): the label says which line is; they are kept in
        extra.unlabelled (the title itself again dropped).  A line in the other script is the
        translated title the page gives above it ("Effect of exercise…" over 题名：运动对…), unless
        it is a site's name's (:data:`_SITE_NAME_LIKE`): returned, to follow the labelled title."""
        if self.titled or not self.raw.get("titles"):
            return []
        kept = []
        for text, lineno in self.raw.pop("titles"):
            if _mostly_han(text) != _mostly_han(title) and not _SITE_NAME_LIKE.fullmatch(text.strip()):
                kept.append((text, lineno))
                continue
            self.recognised -= 1
            if " ".join(text.split()) == " ".join(title.split()):
                self.rec.log("drop_page_chrome", "page", text, "")  # (the title, given again by its label)
            else:
                self.keep_unlabelled(text, lineno)
        return kept

    def keep_unlabelled(self, line: str, lineno: int) -> None:
        """``line`` kept in extra.unlabelled, and an issue saying so."""
        self.rec.extra.setdefault("unlabelled", []).append(line)
        self.rec.issues.append(f"line {lineno}: unlabelled line kept in extra.unlabelled")

    def other_site_reason(self) -> str | None:
        """Why the page is no record, when it was copied from a site this reader does not read
        (IEEE Xplore, SpringerLink …; read, its buttons would be its title and authors): a line
        only such a site shows (:func:`other_site`), no chrome nor Chinese label of the sites it
        reads, and half its lines or more read as none (kept unlabelled), or two lines or more
        naming the site (its header's name and its search box: what else the page gives, its
        menu and prompts read as title and authors, is no measure then)."""
        named = sum(1 for s in self.other_sites if s)
        unread = len(self.rec.extra.get("unlabelled", [])) + self.listed   # (a list's lines give the page nothing)
        if self.native or not self.other_sites or (named < 2 and 2 * unread < self.lines):
            return None
        site = next((s for s in self.other_sites if s), None)
        instead = _READ_INSTEAD.get(site, _EXPORT_INSTEAD)
        return f"a page copied from {f'{site}, a site' if site else 'a site'} this reader does not read: {instead}"

    def site_header(self, chrome: str) -> None:
        """The lines read as the title before a site's menu or breadcrumb (``chrome``), with
        nothing else read yet, were the site's header: its name ("万方医学网", "超星期刊"), a
        journal's own site's ("中华医学杂志" over 首页 期刊简介 编委会 …); dropped as chrome.
        Only before the page's first chrome line."""
        s = _simplified(chrome.strip())
        tokens = s.split()
        if not (_NAV_RE.match(s) or len({t for t in tokens if t in _MENU_WORDS}) > 1 or _menu_entries(s, self.header)):
            return  # (one word alone, a language switch "繁體中文", is no menu)
        first, self.chromed = not self.chromed, True
        if not first or self.titled or set(self.raw) != {"titles"}:
            return
        for text, _ in self.raw.pop("titles"):
            self.rec.log("drop_page_chrome", "page", text, "")
            self.recognised -= 1

    def source_over_title(self, folded: str, lineno: int, steps) -> bool:
        """A line over the title that gives the journal's issue (a journal's own site's source
        line, "中华医学杂志 2021年第101卷第15期", Magtech's "… 2022, Vol. 102 Issue (8): 560-566
        DOI: …"), its ISSN or CN alone (the site's masthead), or a record's number at its
        database ("流水号：2021235467"): not the title."""
        masthead = _MASTHEAD.fullmatch(folded)
        if masthead:
            self.take((masthead.group("label").lower(), masthead.group("label"), masthead.group("value")), lineno, steps)
            return True
        if _ID_LINE.fullmatch(folded):
            self.keep_unlabelled(folded, lineno)
            return True
        m = _VOLUME_ISSUE_LINE.fullmatch(folded)
        if m:
            cited = {k: v for k, v in m.groupdict().items() if v and k != "doi"}
        else:
            journal, parts = split_journal_citation(folded) if _mostly_han(folded) else (folded, {})
            cited = {"journal": journal, **parts} if parts.get("year") and (parts.get("volume") or parts.get("issue")) \
                and not re.search(r"[《》]", journal) and len(journal) <= 40 else None
        if not cited:
            return False
        self.log_line_repairs(steps, "journal")
        self.recognised += 1
        self.add("journal_line", {k: str(v) for k, v in cited.items()}, lineno)
        if m and m.group("doi"):
            self.add("doi", m.group("doi"), lineno)
        return True

    def column_heading(self, line: str) -> bool:
        """A journal's column over the title ("临床研究", "论著", "论著·临床研究", or any set in
        bullets, "• 骨组织构建 •"), before any title: kept in extra.column, not read as the title."""
        parts = re.split(r"\s*[·・•]\s*|\s+", _simplified(line))
        if self.raw.get("titles") or not (all(p in _COLUMN_HEADINGS for p in parts) or _BULLETED.fullmatch(line)):
            return False
        self.rec.log("drop_page_chrome", "page", line, "")
        self.rec.extra.setdefault("column", line)
        return True

    def page_type(self, line: str) -> bool:
        """A line naming the kind of page ("学位论文", "会议论文") gives the record's type."""
        kind = _PAGE_TYPES.get(_simplified(line))
        if not kind:
            return False
        self.rec.log("drop_page_chrome", "page", line, "")
        if kind != "article-journal" and not self.rec.extra.get("source_type"):
            self.rec.type = kind
            self.rec.extra["source_type"] = line  # the page said so: not guessed again from the journal
        return True

    def unlabelled(self, line: str, lineno: int, steps, following: str | None = None) -> None:
        stripped = line.strip()
        folded = fold_fullwidth_alnum(stripped)
        if self.other_papers(stripped, folded, lineno):
            return
        if self.completes_preview(stripped, steps):
            return
        if (self.continues_abstract(stripped) or self.continues_funding(stripped)
                or self.continues_keywords(stripped, following)):
            self.continue_line(self.last, stripped, steps)  # the field the line goes on
            return
        if self.affiliation_line(stripped, lineno, steps) or self.english_abstract(stripped, lineno, steps):
            return
        # the paper cited as a reference under its title, before the abstract (Magtech's page): a
        # reference that cites the title read, or the one right after it (its English form, whose
        # title comes later); not a list of references a page without an abstract gives
        if self.raw.get("titles") and not self.raw.get("abstract") and self.cites_page(stripped) \
                and _page_reference(stripped, self.rec.source, lineno):
            self.reference(stripped, lineno, steps)
            return
        if _simplified(stripped) in _SECTION_HEADINGS:
            self.keep_unlabelled(stripped, lineno)
            return
        if _looks_like_abstract(stripped) or self.preview_above(stripped, following):
            self.log_line_repairs(steps, "abstract")
            self.recognised += 1
            self.add("abstract", stripped, lineno)
            return
        if _CITATION_LINE.match(folded):
            self.log_line_repairs(steps, "citation")
            self.recognised += 1
            self.add("citation", folded, lineno)
            return
        cited = self.raw.get("titles") and _bare_citation(folded)
        if cited:
            self.log_line_repairs(steps, cited)
            self.recognised += 1
            self.add(cited, folded, lineno)
            return
        if not self.raw.get("titles") and self.source_over_title(folded, lineno, steps):
            return
        jm, tags = _journal_line(folded)
        # CNKI shows "Journal. 2020,44(05)" above the title too: before a title, only a line
        # with a volume or an issue is taken for it ("中国统计年鉴. 2020" may be a title)
        if jm and (self.raw.get("titles") or jm.group("volume") or jm.group("issue")):
            self.log_line_repairs(steps, "journal")
            self.recognised += 1
            self.add("journal_line", jm.groupdict(), lineno)
            if tags:
                self.rec.extra["indexed_in"] = tags.group(0).split()
            return
        if not self.raw.get("titles"):
            if not self.column_heading(stripped):
                self.title(stripped, lineno, steps)
            return
        # names with their affiliations' numbers ("王建国1 刘海燕2", as a page copied gives its
        # superscripts) are names too: the marks are read off once the page is read
        if not self.raw.get("authors") and (looks_like_names(resolve_name_marks(folded)) or latin_marked_names(folded)):
            self.log_line_repairs(steps, "authors")
            self.recognised += 1
            self.add("authors", stripped, lineno)
            return
        if self.bare_affiliation(stripped, lineno, steps) or self.cited_title(stripped, lineno, steps):
            return
        if len(self.raw.get("titles", [])) == 1 and not self.raw.get("abstract"):
            self.title(stripped, lineno, steps)
            return
        if self.english_block(stripped, lineno, steps, following):
            return
        self.keep_unlabelled(stripped, lineno)

    def chinese_names(self) -> list[str]:
        """The names of the page's author line in Chinese, their marks read off ("陈晓燕 [1] 王磊
        [2]"); [] unless the page gave one such line."""
        lines = [text for text, _ in self.raw.get("authors", []) if _mostly_han(text)]
        return split_author_list(resolve_name_marks(lines[0])) if len(lines) == 1 else []

    def pinyin_names(self, line: str) -> tuple[list[str], str] | None:
        """The names of ``line`` when they are the page's Chinese authors in pinyin ("Zhang Wei,
        Li Na, Wang Jianguo" under "张伟 李娜 王建国"): as many, in the same order, each that
        name's pinyin (:func:`_pinyin_of`), with the institution in brackets after them (VIP's
        "CHEN Xiao-yan;WANG Lei(Department of …,China)"), "" for none; else None."""
        zh = self.chinese_names() if line and not _mostly_han(line) else []
        names, unit = _names_and_unit(line) if zh else ([], "")
        if not names or len(names) != len(zh) or not all(_pinyin_of(e, z) for e, z in zip(names, zh)):
            return None
        return names, unit

    def english_block(self, line: str, lineno: int, steps, following: str | None) -> bool:
        """The page's English block under its Chinese one (yiigle's: the English title, the
        authors in pinyin, their units): a line of the Chinese authors' names in pinyin
        (:meth:`pinyin_names`) gives each their English name (``translated_author``, paired
        with it as its ``alt``); the line right over it, in English, is the English title while
        the page has none; the line of institutions right under it (their owners' initials
        after them or not, "… China (Zhang W, Li N)") is kept in extra.translated_affiliation,
        the authors' affiliations being the Chinese units'."""
        if _mostly_han(line):
            return False
        pinyin = self.pinyin_names(line)
        if pinyin:
            names, unit = pinyin
            self.log_line_repairs(steps, "authors")
            self.recognised += 1
            if [name for name, _ in self.raw.get("translated_author", [])] != names:   # (a page copied twice)
                self.raw.setdefault("translated_author", []).extend((name, lineno) for name in names)
                if unit:
                    self.rec.extra.setdefault("translated_affiliation", []).append(unit)
            self.last = self.current = "translated_author"
            return True
        if self.english_journal(line, lineno, steps):
            return True
        if self.last == "translated_author" and bare_institutions(_UNIT_OWNERS.sub("", line)):
            self.log_line_repairs(steps, "affiliation")
            self.recognised += 1
            self.rec.extra.setdefault("translated_affiliation", []).append(line)
            return True
        titles = self.raw.get("titles", [])
        if titles and all(_mostly_han(text) for text, _ in titles) and following \
                and not looks_like_names(line) and self.pinyin_names(following.strip()):
            self.title(line, lineno, steps)
            return True
        return False

    def english_journal(self, line: str, lineno: int, steps) -> bool:
        """A journal's name in English (:data:`_ENGLISH_JOURNAL`, "Orthopedic Journal of China")
        right under the line that gave its Chinese name (VIP's 出处 《中国矫形外科杂志》…), while
        the page gives none in English: the journal's English name."""
        given = self.given_parts()
        if not (self.last in (*_SOURCE_FIELDS, "journal_line") and ("journal", True) in given
                and ("journal", False) not in given and len(line) <= 120
                and _ENGLISH_JOURNAL.fullmatch(line) and _JOURNAL_WORD.search(line)):
            return False
        self.log_line_repairs(steps, "journal")
        self.recognised += 1
        self.add("journal", line, lineno)
        return True

    def other_papers(self, stripped: str, folded: str, lineno: int) -> bool:
        """A line of a list of other papers: the heading of a list (参考文献, 引证文献,
        :data:`_LIST_HEADING`) once the page has its title, dropped, and the lines under it,
        entries of that list (:meth:`list_entry`), until another list's heading, a section's
        (详细信息) or the site's footer, after which lines are kept unlabelled; and a source line
        naming another journal ("张三.数字经济研究.经济研究.2019,54(8)") after the page gave its
        journal or numbers by a label (刊名：, 出处：, 卷号：), kept unlabelled: a reference's
        journal and numbers are never the page's own."""
        if self.list_heading(stripped):
            self.rec.log("drop_page_chrome", "page", stripped, "")
            return True
        if self.in_list and (_simplified(stripped) in _SECTION_HEADINGS or _SITE_FOOTER.search(stripped)):
            self.in_list = ""
        if self.in_list:
            self.list_entry(self.in_list, stripped)
            return True
        if self.in_list is not None:
            self.keep_unlabelled(stripped, lineno)
            return True
        labels = self.rec.extra.get("labels", {})
        if any(f in labels for f in _SOURCE_FIELDS) and self.names_another_journal(folded):
            self.keep_unlabelled(stripped, lineno)
            return True
        return False

    def list_heading(self, stripped: str) -> bool:
        """Whether ``stripped`` is the heading of a list of other papers (:data:`_LIST_HEADING`),
        once the page has its title: the lines under it are that list's."""
        heading = self.raw.get("titles") and _LIST_HEADING.fullmatch(_simplified(stripped))
        if heading:
            self.in_list, self.entry_number = _LIST_KEYS.get(heading.group("name").casefold(), "related"), None
            self.listed += 1
        return bool(heading)

    def list_entry(self, key: str, line: str) -> None:
        """A line of a list of other papers into ``extra[key]``, one string an entry, as the
        gbt7714 reader reads a list: a numbered entry runs to the next number, its wrapped lines
        joined (a page range or URL cut at its "-" or "/" without a space); without numbers,
        each line is one.  A number that is neither in brackets nor the next ("2019." opening
        a wrapped line) goes on the entry."""
        entries = self.rec.extra.setdefault(key, [])
        self.listed += 1
        m = _ENTRY_NUMBER.match(line)
        number = int(next(n for n in m.groups() if n)) if m else None
        if self.entry_number is not None and entries and (
                number is None or not m.group("bracketed") and number != self.entry_number + 1):
            last = entries[-1]
            entries[-1] = last + line if last.endswith(("-", "/")) and not last.endswith(" -") \
                else join_continuation(last, line)
            return
        entries.append(line)
        self.entry_number = number

    def names_another_journal(self, folded: str) -> bool:
        """Whether ``folded`` is a source line naming a journal ("经济研究.2019,54(8)",
        "《经济研究》2019年…") other than the one the page gave by a label; a line of numbers
        alone ("2019, 27(5): 700-708") is the page's own."""
        named = _CITATION_LINE.match(folded) and _BRACKETED_NAME.match(folded).group(1)
        if not named:
            jm, _ = _journal_line(folded)
            named = jm.group("journal") if jm else None
        given = [text for text, _ in self.raw.get("journal", [])]
        given += [m.group(1) for text, _ in self.raw.get("citation", []) if (m := _BRACKETED_NAME.match(text.strip()))]
        return bool(named) and _spaceless(named) not in {_spaceless(text) for text in given}

    def resolve_name_marks(self) -> None:
        """The marks after the names of the author line (王建国1,2 李四2*) are read once the
        page is read, since the affiliation line they number comes after it."""
        affiliations = [text for text, _ in self.raw.get("affiliation", [])]
        if self.latin_name_marks(affiliations[0] if len(affiliations) == 1 else None):
            return
        affiliation = _marks_readable(affiliations[0]) if len(affiliations) == 1 else None
        for i, (text, lineno) in enumerate(self.raw.get("authors", [])):
            resolved = resolve_name_marks(text, affiliation)
            if resolved != text:
                self.rec.log("resolve_name_marks", "authors", text, resolved)
                self.raw["authors"][i] = (resolved, lineno)
                self.owned |= affiliation is not None and resolved != resolve_name_marks(text)

    def latin_name_marks(self, affiliation: str | None) -> bool:
        """An author line of names in pinyin with their marks (CNKI's English site: "ZHANG Wei1,2
        LI Na1"): a name each, as read without its marks, given the institutions its numbers
        name on the numbered affiliation line (``extra.author_affiliations``, as MEDLINE's are)."""
        authors = self.raw.get("authors", [])
        marked = latin_marked_names(authors[0][0]) if len(authors) == 1 else None
        if not marked:
            return False
        text, lineno = authors[0]
        self.rec.log("resolve_name_marks", "authors", text, ", ".join(name for name, _ in marked))
        self.raw["authors"] = [(name, lineno) for name, _ in marked]
        places = numbered_institutions(affiliation) if affiliation else None
        if places and all(1 <= n <= len(places) for _, numbers in marked for n in numbers):
            self.rec.extra["author_affiliations"] = [{"author": name, "affiliations": [places[n - 1] for n in numbers]}
                                                     for name, numbers in marked if numbers]
            self.owned = True
        return True

    def own_institutions(self) -> None:
        """An author line's names each followed by their own institutions in brackets (as
        :meth:`resolve_name_marks` gives them) when the page's one affiliation line names whose
        each institution is (:func:`_named_institutions`: CSSCI's "[王芳]南京大学…/[李强]…", yiigle's
        "100034 北京大学第一医院放射科（张伟、李娜）；…")."""
        affiliations = self.raw.get("affiliation", [])
        authors = self.raw.get("authors", [])
        if len(affiliations) != 1 or len(authors) != 1:
            return
        text, lineno = authors[0]
        names = split_author_list(text)
        owned = _named_institutions(affiliations[0][0])
        if not owned or not names or any(name not in owned for name in names):
            return
        placed = "；".join(f"{name}({'；'.join(owned[name])})" for name in names)
        self.rec.log("own_institutions", "authors", text, placed)
        authors[0] = (placed, lineno)
        self.owned = True

    def split_affiliation_lines(self) -> None:
        """The page's affiliation line that numbers its institutions or names whose each is
        (:func:`_institutions_of_line`), once the authors have been given their own off it: an
        affiliation each, without its number or names, as CNKI's and NoteExpress's exports list
        a record's institutions.  (Where the names bear no marks, the line stays whole: it is each
        author's, whose institution of those is not known.)"""
        if not self.owned:
            return
        listed: list[tuple[str, int]] = []
        for text, lineno in self.raw.get("affiliation", []):
            places = _institutions_of_line(text)
            if places:
                self.rec.log("split_affiliation_line", "affiliation", text, "；".join(places))
            listed += [(place, lineno) for place in places or [text] if place not in {t for t, _ in listed}]
        if listed:
            self.raw["affiliation"] = listed

    def title(self, text: str, lineno: int, steps) -> None:
        self.log_line_repairs(steps, "title")
        m = _TITLE_CHROME.search(text)
        cleaned = strip_buttons(text[:m.start()].rstrip() if m else text)
        if cleaned != text:
            self.rec.log("drop_page_chrome", "title", text, cleaned)
            for label, key in (("被引量", "cited_by"), ("下载量", "downloads")):
                count = re.search(label + r"[:：]\s*(\d+)", text)
                if count:
                    self.rec.extra[key] = count.group(1)
            text = cleaned
        self.recognised += 1
        self.add("titles", text, lineno)


# CNKI's two-language column names ("Title-题名", "Author-作者"): cells of a header row,
# not labels ("Author" glued to "-作者").
_COLUMN_NAME = re.compile(r"[A-Za-z][A-Za-z ]*-[\u4e00-\u9fff]+")


def _is_table(head: str, lines: list[str]) -> bool:
    """Whether ``head``, shown as ``lines``, is a table of records (the spreadsheet's, an
    "Excel" export saved as HTML), not a page: an HTML table whose header row is the first text
    shown, or CNKI's two-language column names standing one a line (the cells of its header)."""
    # imported here: importing a reader registers it, and the registry's order breaks ties
    from .csv_reader import is_header_row
    from .spreadsheet import leading_table_header

    header = leading_table_header(head)
    first = " ".join(next((c for c in header if c.strip()), "").split()) if header else ""
    if first and " ".join(lines[0].split()).startswith(first):
        return True
    return is_header_row([l.strip() for l in lines if _COLUMN_NAME.fullmatch(l.strip())])


# A numbered GB/T 7714 reference ("[1]王建国.题名[J].刊名,…"), and the label of a note after it
_REFERENCE = re.compile(r"^\s*[\[［]\d+[\]］]\s*\S.*[\[［](?:[A-Z]{1,2}(?:/OL)?|EB/OL)[\]］]")
_NOTE = re.compile(r"^\s*(?:摘\s*要|关键[词字]|Abstract|Key\s?words)\s*[:：]", re.I)


def _noted_references(lines: list[str]) -> int:
    """How many numbered references are followed by an abstract or keywords line: CNKI's 查新
    (citation format) export, read by gbt7714.  A page's own 摘要 follows no reference (its
    reference list, when copied, has no notes).

    >>> _noted_references(["[1]王建国.题名[J].刊名,2020.", "摘要:研究。", "[2]李明.题名[D].大学,2019.", "关键词:a"])
    2
    """
    return sum(1 for i, line in enumerate(lines) if _REFERENCE.match(line)
               and any(_NOTE.match(nxt) for nxt in lines[i + 1:i + 3]))


class ScrapedPageReader:
    name = "scraped-page"
    aliases = ("page", "scraped", "cnki-page", "wanfang-page", "vip-page")
    suffixes = (".txt", ".html.txt")

    def sniff(self, head: str) -> float:
        written = head  # an HTML table is told by its markup
        if _HTML_DOCUMENT.match(head):  # the page saved as HTML: judged on the text a browser shows
            head = "\n".join(line for _, line in page_lines(head))
        head = head[:4000]
        lines = [l for _, l in join_bare_labels(drop_list_marks(enumerate(head.splitlines(), 1))) if l.strip()]
        if not lines or _is_table(written, lines) or _noted_references(lines) >= 2 or results_page(head):
            return 0.0  # (a site's list of search results: no page, and its failure says what to export)
        hits = sum(1 for l in lines if match_label(fix_mojibake(l)) or is_page_chrome(fix_mojibake(l)))
        if re.search(r"^(?:%0|TY  -|RT |PT |PMID-|@\w+\s*\{|\{Reference Type\}|DataType:)", head, re.M):
            return 0.1
        return min(1.0, 0.35 + 0.15 * hits) if hits else 0.15

    def read(self, source) -> Iterator[Record | Failure]:
        """One record per page; a file of labelled records (题名：…, a blank line, 题名：…) gives
        one per record (:meth:`_Page.starts_next_record`), each with its own lines' text."""
        path, text = source.path, source.text()
        page, start, lines = self._page(path, 1, 1, text), 1, LINE_END.split(text)
        content = content_lines(text)
        for i, (lineno, line) in enumerate(content):
            if page.starts_next_record(line, [ahead for _, ahead in content[i + 1:i + 1 + _RECORD_AHEAD]]):
                page.rec.raw_text = "\n".join(lines[start - 1:lineno - 1]).rstrip()
                yield self._finished(page)
                page, start = self._page(path, page.rec.source.record + 1, lineno, text), lineno
            page.feed(line, lineno, content[i + 1][1] if i + 1 < len(content) else "")
        if start > 1:
            page.rec.raw_text = "\n".join(lines[start - 1:])
        yield self._finished(page)

    def _page(self, path: str, record: int, line: int, text: str) -> _Page:
        return _Page(Record(Source(path=path, format=self.name, record=record, line=line), raw_text=text))

    def _finished(self, page: _Page) -> Record | Failure:
        rec = page.rec
        refused = page.other_site_reason()
        if refused or not page.recognised or not (rec.raw.get("titles") or rec.raw.get("abstract")):
            # a record of labelled fields without its title (作者：…, 刊名：…) is told from a page of none
            reason = refused or ("no title or abstract" if page.recognised
                                 else "no recognisable field (no title, abstract or label)")
            return Failure(path=rec.source.path, line=rec.source.line, raw=rec.raw_text, format=self.name,
                           reason=reason, record=rec.source.record)
        page.settle_english_abstract()
        page.resolve_name_marks()
        page.own_institutions()
        page.split_affiliation_lines()
        page.settle_references()
        return rec


# A page saved from the browser as HTML ("网页，全部"), not copied as text.
_HTML_DOCUMENT = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!DOCTYPE\s+html|html)\b", re.I | re.S)
# Elements a browser lays out as blocks: their text is a line of its own.
_BLOCKS = frozenset("address article aside blockquote body br dd div dl dt fieldset figcaption figure footer form "
                    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td th thead tr ul".split())
# Elements whose text a browser does not show.
_HIDDEN = frozenset("head script style noscript template svg iframe object select option button".split())


# the space a link's end left before a mark ("中华骨科杂志 . 2020")
_SPACE_BEFORE_MARK = re.compile(r" (?=[.,;:!?，。；：、）)】])")


class _PageText(HTMLParser):
    """The lines a browser shows of an HTML page, each with the source line it starts on;
    ``<sub>``/``<sup>`` stay as markup, which the cleaner reads (NiCo<sub>2</sub>O<sub>4</sub>)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[int, str]] = []
        self.parts: list[str] = []
        self.start: int | None = None  # the source line of the line's first text
        self.hidden = 0

    def _break(self) -> None:
        text = _SPACE_BEFORE_MARK.sub("", " ".join("".join(self.parts).split()))
        if text:
            self.lines.append((self.start or self.getpos()[0], text))
        self.parts, self.start = [], None

    def handle_starttag(self, tag, attrs):
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCKS:
            self._break()
        elif tag in ("sub", "sup") and not self.hidden:
            self.parts.append(f"<{tag}>")

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag):
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self._break()
        elif tag in ("sub", "sup") and not self.hidden:
            self.parts.append(f"</{tag}>")
        elif tag == "a":  # links side by side are items (authors, keywords): a browser's copy spaces them
            self.parts.append(" ")

    def handle_data(self, data):
        if self.hidden:
            return
        if self.start is None and data.strip():
            self.start = self.getpos()[0]
        self.parts.append(data)


def page_lines(html: str) -> list[tuple[int, str]]:
    """``(source line, text)`` of each line a browser would show of ``html``; a label alone on
    its line ("关键词：" in one element, its value in the next) is joined to the value, as a
    copied page has them."""
    parser = _PageText()
    parser.feed(html)
    parser.close()
    parser._break()
    return join_bare_labels(drop_list_marks(parser.lines))


def content_lines(text: str) -> list[tuple[int, str]]:
    """``(line number, text)`` of a page, as text or as HTML, without their lists' marks, bare
    labels joined to their values."""
    if _HTML_DOCUMENT.match(text):
        return page_lines(text)
    return join_bare_labels(drop_list_marks(enumerate(LINE_END.split(text), 1)))   # (as every reader counts lines: not at \f)


register(ScrapedPageReader())
