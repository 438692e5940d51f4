"""Named constants for the repairs: Unicode ranges, UI residue, label vocabularies."""
from __future__ import annotations

from ..charsets import HAN, HANGUL, KANA  # noqa: F401  (re-exported)
# CJK symbols and punctuation, full-width forms (，：（） ...).
CJK_PUNCT = "\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
# Full-width Latin letters and digits (Ａ-Ｚ ａ-ｚ ０-９): folded to ASCII.
FULLWIDTH_ALNUM = "\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"

# Button and link texts of CNKI / Wanfang / VIP detail pages: a line made only of
# these is page chrome, not data.
UI_WORDS = frozenset("""
收藏 下载 引用 分享 打印 导出 批量引用 在线阅读 相似文献 下载PDF PDF下载 CAJ下载 HTML阅读 手机阅读
原版阅读 整本下载 分页下载 章节下载 记笔记 关注 认领 订阅 推荐 评论 纠错 阅读 全文下载 获取全文 申请全文
""".split())

# The menus of sites' headers (a journal's own site, 中华医学期刊全文数据库, SinoMed, 超星, Airiti;
# CNKI's top bar, Baidu Xueshu's menu): their entries, the account's links and the language switch.  A line made only of these (and
# buttons) is page chrome, never a title nor a list of names.
UI_MENU_WORDS = frozenset("""
首页 首頁 网站首页 期刊首页 期刊导航 学科分类 学科导航 高级检索 快速检索 主题检索 分类检索 简单检索 专业检索 检索
登录 登陆 注册 个人中心 我的 退出 帮助 帮助中心 期刊简介 期刊介绍 本刊简介 编委会 编辑部 投稿指南 作者指南 稿约
在线投稿 投稿须知 期刊订阅 订阅 联系我们 关于我们 过刊浏览 当期目录 过刊目录 下载中心 新闻公告 广告合作
繁體中文 繁体中文 简体中文 簡體中文 中文
服务 作者相关文章 本文作者相关文章 把本文推荐给朋友 加入我的书架 加入引用管理器 加入购物车
手机知网 网站地图 充值中心 我的CNKI 个人/机构馆
学术首页 论文查重 开题分析 文献互助 期刊频道 学者主页
""".split())
# Words of a header's top bar that are words, a name or a title alone too: the language switch
# (English), the app's link (CNKI's "手机知网 App"), the account's (CNKI's "登录 | 个人"). Chrome
# on a line with UI_MENU_WORDS, or alone at a page's top, with nothing read yet but chrome.
UI_HEADER_WORDS = frozenset("English App 个人 机构".split())

# Texts of "show more / show less" toggles glued to the end of a preview or abstract: CNKI's
# 更多, Baidu Xueshu's 展开 / 收起, and the other forms pages give (展开全部, 查看全部>>, 显示全部,
# [更多], 更多>>, 全部展开, 阅读全文).  Each is button text only at the end of a field, after a
# sentence's end (repair.text.strip_toggle): the same words inside a text stay.  (Not CNKI's
# 还原, "restore", beside its 更多: a keyword alone, "还原", would be lost.)
UI_TOGGLES = ("展开更多", "收起更多", "展开全部", "全部展开", "显示全部", "查看全部>>", "查看全部", "更多>>",
              "[更多]", "阅读全文", "展开", "更多", "收起")
# Those of them that are words too: alone after a term ("Taylor展开", "PDF阅读全文"), in a text that
# is no sentence, they are the term's, not a button.
UI_TOGGLE_WORDS = ("展开", "收起", "更多", "阅读全文")
# A page's counters: times cited, downloaded, read ("被引量：12").
UI_COUNTER = r"(?:被引量|下载量|阅读量|浏览量|下载次数|被引次数)[:：]\s*\d+"

# Marker some Chinese databases put before an abstract that is the article's opening text.
ZHENG_MARKERS = ("<正>", "＜正＞", "&lt;正&gt;")

# Ellipses that end a truncated preview.
ELLIPSES = ("...", "…", "。。。", "．．．")
