"""GB/T 7714 reference lists (参考文献): the numbered list that ends a Chinese paper or
thesis, or what CNKI's, Wanfang's and VIP's "引用" (cite) box gives, copied into a text file.
One record per reference:

    [1] 王建国, 刘海燕. 原发灶不明脊柱转移瘤的外科治疗体会[J]. 中华骨科杂志, 2020, 40(5): 300-305.
    [2] WEI L, MIN Z, et al. Surgical treatment of spinal metastasis[J]. Spine, 2021(3): 45-52.
    [3] 张伯伟. 全唐五代诗格汇考[M]. 南京: 江苏古籍出版社, 2002: 288.
    [4] 刘强. 轻罪案件的程序分流研究[D]. 北京: 中国政法大学, 2019.

A reference starts at its number (``[1]``, ``［1］``, ``1.``, ``1、``, ``(1)``) and runs to
the next one, so a reference wrapped over lines (copied from a PDF) is one; in a list
without numbers each line is one.  The type marker (``[J]``, ``[M]``, ``[D]``, ``[C]``,
``[N]``, ``[R]``, ``[S]``, ``[P]``, ``[EB/OL]`` …) divides the authors and title before it
from the publication after it.  Each record keeps the reference as written
(``extra.reference``); a line without a type marker is a failure with its text, and a list
heading (``参考文献``, ``References``) is no record.  Lists in the author-year system
(著者-出版年制), where the year follows the names and not the journal or publisher, are
read too:

    王建国, 刘海燕, 2020. 原发灶不明脊柱转移瘤的外科治疗体会[J]. 中华骨科杂志, 40(5): 300-305.

CNKI's 查新（引文格式） export follows each reference with its abstract, on the next line:
``摘要:【目的】…`` is the record's abstract, not part of the reference.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Iterator

from ..fields.authors import caps_first
from ..pinyin import compared_word, is_pinyin_surname
from ..record import Failure, Record, Source
from ..repair import fold_fullwidth_alnum
from ._tagged_stream import list_entries
from .base import numbered_lines, register
from .pubmed_text import citation_record, is_citation
from .scraped_page import match_label

# The standard's document types (GB/T 7714-2015 §4, annex B) → CSL types.
TYPES = {"J": "article-journal", "M": "book", "C": "paper-conference", "D": "thesis", "N": "article-newspaper",
         "R": "report", "S": "standard", "P": "patent", "G": "book", "Z": "document", "A": "manuscript",
         "CM": "map", "DS": "dataset", "CP": "software", "EB": "webpage", "DB": "dataset"}
# as typed by hand too: with spaces inside ("[ J ]"), in small letters ("[j]", "[eb/ol]"), but not
# a chemical name's locant, a letter glued to the word after it ("benzo[a]pyrene")
_MARKER = re.compile(r"[\[［]\s*(?:(?=[A-Z])|(?=[^\]］]*[\]］](?![^\W\d_])))(?i:(?P<code>"
                     + "|".join(sorted(TYPES, key=len, reverse=True))
                     + r")(?:\s*/\s*(?P<carrier>OL|MT|DK|CD))?)\s*[\]］]")
# [1] ［1］ 【1】 1. 1、 1) (1) （1）, at the start of a line
_NUMBER = re.compile(r"^\s*(?:[\[［【]\s*\d{1,4}\s*[\]］】]|\d{1,4}\s*(?:[.．、)）](?!\d))|[(（]\d{1,4}[)）])\s*")
_HEADING = re.compile(r"^\s*(?:参考文献|参考书目|引文|主要参考文献|references?|bibliography|works cited)\s*[:：]?\s*$", re.I)
# A full stop between two parts: 。 or ．, or "." before a space, a Chinese character or the end
# (CNKI writes "王建国.原发灶…[J].中华骨科杂志"), not inside "3.5" or "No.1", nor after "U.S"
# ("U.S. Department of Transportation. Guidelines …").
_STOP = r"(?:[．。]|(?<!\bU\.S)(?<!\bU\.K)(?<!\bU\.N)\.(?=\s|[\u3000-\u9fff\uff00-\uffef《“]|$))"
_STOP_RE = re.compile(rf"{_STOP}\s*")
# an initial just before a full stop ("SMITH J. A. Title"): a stop after it may end no name yet
_INITIAL_AT_END = re.compile(r"(?<![^\s,，])[A-Z]$")
# CNKI's cite box writes English references with no space after the names either ("Pronk J
# T,et al.Anaplerotic role …", "Smith J,Doe A.A short title", "Koffie R M.Alzheimer's
# disease"): a "." right before a word, or a word of one letter and a space ("A short"), not
# before a dotted initial ("A.B." "S.-H." "J.Ph."), where it ends a list of names (_names_end)
_NAMES_STOP = re.compile(r"\.(?=[\"“]?[A-ZÀ-ÖØ-Þ](?:(?:[^\W\d_]|['’])+(?=[\s\-:,，\u3400-\u9fff]|$)|\s+[^\W\d_]))")
# An edition, between a title and the imprint: 2版, 修订版, 4th ed., Rev. ed., with words that qualify
# it (2nd rev. ed., 3rd revised edition, 2nd ed., rev.), a German one (2. Aufl.); a kind of copy, as
# ancient books and reprints are cited (增订本, 影印本, 刻本, 同文书局影印本, 清光绪十年刻本), the kind
# named (日本, 读本 end titles), and either with a note in brackets ("2版(修订本)")
_COPIES = "增订|修订|影印|缩印|排印|石印|铅印|活字|重印|翻刻|刊|刻|抄|钞|稿|写|点校|校注|校订|足|精装|平装|合订|单行"
_EDITION = re.compile(rf"(?:(?:\d+\s*版|[^\s.]{{0,6}}(?:修订|增订|影印)?版|[^\s.．。:：,，]{{0,6}}(?:{_COPIES})本)"
                      r"(?:\s*[(（][^()（）.．。]{1,10}[)）])?|(?:\d+(?:st|nd|rd|th)|Rev\.?|New)"
                      r"(?:\s+(?:rev|revised|enl|enlarged|and)\b\.?)*\s+ed(?:ition|n)?\b\.?(?:,\s*(?:rev|enl)\b\.?)?"
                      r"|\d+\.,?\s+(?:[^\W\d_]+\.,?\s+){0,2}Aufl(?:age|\.)?)", re.I)
# a kind of copy alone, no 版 or ed. (鲁迅手稿本, 敦煌写本 are titles as well as copies)
_COPY = re.compile(rf"[^\s.．。:：,，()（）版]{{0,6}}(?:{_COPIES})本(?:\s*[(（][^()（）.．。]{{1,10}}[)）])?")
# "SMITH J A", "van der BERG J", "Wei L", "DUPONT J-P", "ANTÓNIO M": one Western name as GB/T
# writes it, the family name and the initials ("Global Warming" is no name); initials with
# dots, as lists typed by hand have them ("SMITH J., BROWN A.B."), are read as well
_LETTERS = r"[^\W\d_](?:[^\W\d_]|['’\-])+"
_WESTERN_NAME = re.compile(rf"(?P<family>{_LETTERS}(?:\s+{_LETTERS}){{0,2}})\s+"
                           r"(?P<initials>[A-Z]{1,3}\.?(?:\s?-?[A-Z]{1,2}\.?)*)")
# "Barbara M. KEHM": a Western name given name first, its family name in capitals after the
# initials, as Magtech's journal sites write it in GB/T references
_GIVEN_FIRST = re.compile(r"(?P<given>[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s+[A-Z]\.)+)\s+(?P<family>[A-Z]{2,}(?:[-'’][A-Z]{2,})*)")
# A role word after the names (the standard writes none; lists typed by hand, and the 2005
# edition's, do): "许厚泽, 赵其国, 主编", "王建国主编", "李明, 编著", "王五等译", "GREEN P, ed",
# "SMITH J, JONES B (eds.)", "[美] 史密斯 著", "杨伯峻译注", "王五 主审"; 编, 译, 著 and 校 alone only
# apart from the name ("张译" is a name)
# whose names a role word makes them: a book's editors (主编, 编, 编辑, ed.; 校, 点校, 校订, who collated
# a text), its translators (译, 主译, 编译, 译注, who translated and annotated it, trans.), its reviewers
# (主审, a textbook's senior reader: ``extra.reviewer``); its authors for the others (著, 编著, who wrote
# it; 校注, who annotated a text).  The one table of them: the patterns below are made from it.
_ROLES = {"主编": "editor", "编": "editor", "编辑": "editor", "ed": "editor", "eds": "editor",
          "校": "editor", "点校": "editor", "校订": "editor",
          "译": "translator", "主译": "translator", "编译": "translator", "译注": "translator", "trans": "translator",
          "主审": "reviewer", "rev": "reviewer", "著": "author", "编著": "author", "校注": "author",
          "撰": "author", "集解": "author", "注": "author", "疏": "author", "辑": "author"}
# the role words an author may have, kept by name in ``extra.author_roles`` ({"司马迁": "撰"}), which the
# export writes back after the name, as an ancient book's list gives it: an author's (撰, 集解, 编著 …),
# or an editor's a book is by when others edited it after the title ("(宋)黎靖德, 编. …[M]. 王星贤, 点校.")
# (not 著, which the standard never writes: "[美] 史密斯 著" is 史密斯)
AUTHOR_ROLES = frozenset(w for w in _ROLES if re.fullmatch(r"[\u3400-\u9fff]+", w)) - {"著"}
# the short words an ancient book's author has glued to the name ("司马迁撰", "孔颖达疏"), after
# a name of two characters or more (编, 译, 著 and 校 stay apart from one: "张译" is a name); 注 and
# 辑, which end modern names too ("王立注", "张国辑"), only after a dynasty's mark ("(汉)郑玄注")
_GLUED_SHORT = "撰疏"
_GLUED_MARKED = re.compile(r"[\[［(（〔【]\s*(?P<mark>[\u3400-\u9fff]{1,5})\s*[\]］)）〕】]\s*"
                           r"(?P<name>[\u3400-\u9fff]{2,3})(?P<word>[注辑])(?=\s*(?:[,，、;；]|$))")


def _dynasty_glued(head: str) -> str:
    """``head`` with 注 or 辑 glued to a name a dynasty marks set apart from it, a role word to
    read: ``(汉)郑玄注`` (注 and 辑 end modern names too, ``王立注``: glued to one unmarked,
    they stay the name's).

    >>> _dynasty_glued("(汉)郑玄注"), _dynasty_glued("王立注, 李华"), _dynasty_glued("(美)王立注")
    ('(汉)郑玄 注', '王立注, 李华', '(美)王立注')
    """
    return _GLUED_MARKED.sub(lambda m: m.group() if m.group("mark") not in DYNASTIES else
                             m.group()[:m.start("word") - m.start()] + " " + m.group("word"), head)
# the words the export writes after a book's translators and reviewers (in a Chinese item, an
# English one), where the standard puts other responsibility; read back after the title
WRITTEN_ROLES = {"translator": ("译", "trans"), "reviewer": ("主审", "rev")}
_HAN_ROLES = [w for w in _ROLES if re.fullmatch(r"[\u3400-\u9fff]+", w)]
_LONG_ROLES = "|".join(w for w in _HAN_ROLES if len(w) > 1)
_SHORT_ROLES = "".join(w for w in _HAN_ROLES if len(w) == 1)
_ROLE = re.compile(rf"(?:(?:[,，、]\s*|\s+|(?<=[\u3400-\u9fff]))(?P<long>{_LONG_ROLES})"
                   rf"|(?:[,，、]\s*|\s+|(?<=等)|(?<=[\u3400-\u9fff]{{2}}(?=[{_GLUED_SHORT}])))(?P<short>[{_SHORT_ROLES}])"
                   r"|[,，]\s*(?P<latin>eds?|trans)\.?|\s*[(（](?P<bracketed>eds?|trans)\.?[)）])\s*$", re.I)
# the role words after the title, the standard's other responsibility (§8.1.2: "顾幼静, 译.", "王五,
# 主审.", "王星贤, 点校.", "黎靖德, 编.", "(南朝宋)裴骃, 集解."), the longer first (译注 before 译, 注)
_AFTER_TITLE_ROLES = "|".join(sorted(_HAN_ROLES, key=len, reverse=True))
# A translated author's nationality or a classical author's dynasty before the name, as Chinese
# lists mark it (GB/T 7714-2015 writes none; Chinese journals' guides and CNKI's lists do):
# "[美]德鲁克 P F", "［美］", "(英)霍金", "（清）纪昀", "〔英〕"; no part of the name, kept with it in
# ``extra.author_nationality`` ({"德鲁克 P F": "美"}).  Only these words are such a mark (else a
# bracketed 等, 佚名 or role word had been one, "王五, 李六, [等]", and "世界卫生组织(WHO)" had
# lost its own): our table of the short names of countries as Chinese bibliographies and books'
# title pages write them (美 for 美国, 苏 for 苏联 …), and of China's dynasties and periods as
# history's periodisation names them (先秦 … 清, 民国).
NATIONALITIES = frozenset("""美 英 法 德 日 俄 苏 意 西 葡 荷 比 瑞典 瑞士 瑞 丹 丹麦 挪 挪威 芬 芬兰 冰 爱 爱尔兰
奥 奥地利 加 加拿大 澳 澳大利亚 新西兰 新 印 印度 韩 朝 以 以色列 波 波兰 捷 捷克 斯洛伐克 匈 匈牙利 罗 罗马尼亚
保 保加利亚 南 南斯拉夫 塞 希 希腊 土 土耳其 伊朗 埃及 巴 巴西 墨 墨西哥 阿 阿根廷 智 智利 秘 古 古巴 泰 越 越南
新加坡 马来西亚 菲 菲律宾 印尼 蒙 巴基斯坦 南非 中 苏联 美国 英国 法国 德国 日本 俄国 意大利 西班牙 葡萄牙 荷兰
比利时 古希腊 古罗马 古印度""".split())
DYNASTIES = frozenset("""先秦 夏 商 周 西周 东周 春秋 战国 秦 汉 西汉 东汉 新 三国 魏 蜀 吴 晋 西晋 东晋 十六国
南北朝 南朝 北朝 宋 齐 梁 陈 北魏 东魏 西魏 北齐 北周 隋 唐 五代 后梁 后唐 后晋 后汉 后周 南唐 前蜀 后蜀 北宋
南宋 辽 金 西夏 元 明 南明 清 民国 中华民国 南朝宋 南朝齐 南朝梁 南朝陈""".split()) - {"新"}   # 新 is 新西兰/新加坡's (王莽's 新 rarely cited)
_MARK = re.compile(r"(?:^|(?<=[,，、;；]))\s*[\[［(（〔【]\s*(?P<nation>[\u3400-\u9fff]{1,5})\s*[\]］)）〕】]\s*")
# 等, 佚名 and a role word in brackets ("王五, 李六, [等]", "[佚名]", "李华, (主编)", "王五, （编）"):
# those words, read as written without the brackets
_BRACKETED_WORD = re.compile(rf"[\[［(（〔【]\s*(?P<word>等人?|佚名|{_LONG_ROLES}"
                             rf"|[{_SHORT_ROLES}])\s*[\]］)）〕】]")
# a generational suffix after a Western name, as the standard writes it: "PEEBLES P Z, Jr"
_SUFFIX = re.compile(r"(?:Jr|Sr|II|III|IV)\.?")
_SUFFIX_AFTER = re.compile(rf",\s*{_SUFFIX.pattern}$")
_ET_AL = re.compile(r"\s*(?:et\.?\s*al\.?|等人?)\s*$", re.I)
_YEAR = r"(?:1[5-9]|20)\d{2}"
# the author-year system's year after the names: "王建国, 刘海燕, 2020"; with the date as
# written after it, a reign year: "李鸿章, 1887（光绪十三年三月十三日）"; a year inferred, in
# brackets ("高等教育文献保障系统, [2025]"), or a periodical's years ("中国图书馆学会, 1957-1990",
# "Anon, 1979-"), the first of them (the run kept in ``extra.issued``, :func:`_year_run`)
_NAMES_YEAR = re.compile(rf"(?:^|[,，]\s*)(?:\[({_YEAR})[a-z]?\]|({_YEAR})[a-z]?(?:\s*(?P<run>[-－–—])\s*(?P<end>{_YEAR})?)?)"
                         r"(?:\s*[（(][^()（）]*[)）])?\s*$")
# What CNKI's 查新（引文格式） export writes after a reference, on the next line or the same
# one: "摘要:【目的】…"; a keyword line ("关键词:黄瓜;遗传转化"), should a copy carry one, alike
# (a Chinese label also right after a character: a line joined to the one before it, "…；管理摘要：")
_NOTE_LABEL = re.compile(r"(?:(?:^|(?<=[\s.．。]))(?=Abstract|Key\s?words)|(?=摘\s*要|关键[词字]))"
                         r"(?:(?P<abstract>摘\s*要|Abstract)|(?P<keywords>关键[词字]|Key\s?words))\s*[:：]\s*", re.I)
# 300-305, 300－305, e1234, 15+20, 1,5-7, 160-165, 192 (as export writes pages apart), 1.1-1.36;
# a book's leaves: 扉页, 封二; its front and back matter, as the standard cites them: 序2-3, 第1版自序
_PAGE_PART = r"(?:第\d+版)?(?:自序|序言?|跋|前言|后记|引言|导言|凡例|目录|附录)"
_PAGES = (rf"(?:{_PAGE_PART}?(?:[\dA-Za-z+,，\-－–—~～]|\.(?=\d)|(?<=\d)[,，]\s+(?=[A-Za-z]?\d))+|{_PAGE_PART}"
          r"|扉页|封[一二三四面底])")
_DOI = re.compile(r"\bDOI\s*[:：]\s*(10\.\S+?)[.．。]?(?=\s|$)", re.I)
_URL = re.compile(r"(?:https?|ftp)://\S+?(?=[.．。]?(?:\s|$))")
# 刊名, 年, 卷(期): 页码    (卷 or 期 may be missing; 年 may carry a letter: 2001a); the comma
# kept where 卷 is missing, as CNKI wrote its citations before about 2018 ("文史哲,2019,(03):12-15")
_JOURNAL = re.compile(rf"^(?P<journal>.+?)[,，]\s*(?P<year>{_YEAR})[a-z]?"
                      r"(?:\s*[,，]\s*(?P<volume>[^,，(（:：.．。\s][^,，(（:：]*?)?)?"
                      r"\s*(?:[(（](?P<issue>[^)）]+)[)）])?"
                      rf"\s*(?:[:：]\s*(?P<pages>{_PAGES}))?\s*(?:[.．。\[［]|$)")
# 出版地: 出版者, 年: 页码, at the start or after a full stop (not "…, August 23-25, 1971" in a
# proceedings' title); the place may name its state ("Cambridge, Mass.", "Washington, D.C."), the
# publisher may hold initials and a company suffix ("A. A. Balkema", "… Group, Inc.")
_AT_PART = r"(?:^|(?<=[.．。])|(?<=[.．。]\s))\s*"   # at the start, or after a full stop
_PLACE = r"(?:(?P<place>[^.．。:：,，\[\]]+?(?:[,，]\s*[A-Z][A-Za-z.]{0,5})?)\s*[:：]\s*)?"
_PUBLISHER = (r"(?P<publisher>(?:[^.．。:：,，\[\]]|(?<=\b[A-Z])\.(?=\s?[A-Z])"
              r"|[,，]\s*(?:Inc|Ltd|Co|Corp|LLC|GmbH|plc)\b\.?)+?)")
# What the standard writes for an unknown place or publisher (§8.4.1.3, §8.4.2.3; export writes
# them): read as stand-ins the imprint patterns take, then nothing is kept of them
_UNKNOWN_PLACE, _UNKNOWN_PUBLISHER = "\ue000", "\ue001"
_UNKNOWN_IMPRINT = [
    (re.compile(r"[\[［]\s*(?:出版地不详|S\.\s?l\.)\s*[:：]\s*(?:出版者不详|s\.\s?n\.)\s*[\]］]"),
     f"{_UNKNOWN_PLACE}: {_UNKNOWN_PUBLISHER}"),
    (re.compile(r"[\[［]\s*(?:出版地不详|S\.\s?l\.)\s*[\]］]"), _UNKNOWN_PLACE),
    (re.compile(r"[\[［]\s*(?:出版者不详|s\.\s?n\.)\s*[\]］]"), _UNKNOWN_PUBLISHER)]
# the date in a traditional calendar after a year, as the standard cites ancient books and archives
# ("1865（清同治四年）", "1887（光绪十三年三月十三日）", "1931（民国二十年）", "（宣统元年）",
# "（乙丑年）"): kept with the year in ``extra.issued``; its era or reign and a year in Chinese
# numerals, not any note in Chinese after the year ("2019（第2次印刷）", a printing: no date)
_CALENDAR = (r"(?P<calendar>\s*[（(]\s*[\u3400-\u9fff]{0,4}?"
             r"(?:[元正一二三四五六七八九十廿卅百千〇零]+|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥])年"
             r"(?:闰?[正一二三四五六七八九十冬腊]+月)?(?:[初一二三四五六七八九十廿卅]+日)?\s*[)）])?")
_IMPRINT = re.compile(rf"{_AT_PART}{_PLACE}{_PUBLISHER}\s*[,，]\s*(?P<year>{_YEAR})[a-z]?{_CALENDAR}"
                      rf"(?:\s*[:：]\s*(?P<pages>{_PAGES}))?")
# The author-year system's (the year is after the names): 刊名, 卷(期): 页码; 出版地: 出版者: 页码;
# 报纸名, 月-日(版次).  The first two run to the end of what follows the marker, which a cited
# date may end ("…: 93[2013-03-20]")
_END = r"\s*(?:[\[［][^\]］]*[\]］])?[\s.．。]*$"
_JOURNAL_NO_YEAR = re.compile(r"^(?P<journal>[^,，:：]+?)(?:[,，]\s*(?P<volume>[^,，(（:：\s][^,，(（:：]*?)?)?"
                              r"\s*(?:[(（](?P<issue>[^)）]+)[)）])?"
                              rf"\s*(?:[:：]\s*(?P<pages>{_PAGES}))?{_END}")
# An article published online first (网络首发), as CNKI's cite box writes it: 刊名, 页码 with no
# year, volume or issue yet, and the date it was read after ("食品工业科技,1-15[2024-01-08]"),
# or a colon before the pages ("计算机集成制造系统:1-21[2021-10-18]", in a journal's name too:
# "中国科学:技术科学:1-13"), not after an issue ("东方博物(1): 85-92", the author-year system's);
# only a page range, so that a lone number (a volume?) is never taken for the pages
_JOURNAL_PAGES_ONLY = re.compile(r"^(?P<journal>[^,，:：\d][^,，]*?)(?<!\d[)）])[,，:：]\s*"
                                 rf"(?P<pages>\d+\s*[-－–]\s*\d+(?:\s*\+\s*\d+)?){_END}")
_IMPRINT_NO_YEAR = re.compile(rf"{_AT_PART}{_PLACE}{_PUBLISHER}(?:\s*[:：]\s*(?P<pages>{_PAGES}))?{_END}")
# A periodical as a whole (GB/T 7714-2015 §8.3.3): after its marker, its holdings (年, 卷(期)-年,
# 卷(期)) and a full stop, then its imprint and the years of its run: "[J]. 1957(1)-1990(4). 北京:
# 北京图书馆, 1957-1990.", "[J]. 1984, 1(1)-. 武汉: 中华医学会湖北分会, 1984-."; no colon in the
# holdings, so that an article's numbers (", 2020, 40(5): 300-305") are never read as them
_HOLDINGS = re.compile(rf"^(?P<holdings>{_YEAR}[^.．。:：\[\]]*?[-－–—][^.．。:：\[\]]*?)\s*[.．。]\s*")
# the end of a run of years, after its first ("1957-1990", "1984-")
_RUN_END = re.compile(rf"\s*[-－–—]\s*(?P<end>{_YEAR})?")
_NEWSPAPER_NO_YEAR = re.compile(r"^(?P<journal>.+?)[,，]\s*(?P<date>\d{1,2}-\d{1,2})\s*(?:[(（](?P<page>[^)）]+)[)）])?")
# 报纸名, 年-月-日(版次)
_NEWSPAPER = re.compile(rf"^(?P<journal>.+?)[,，]\s*(?P<date>{_YEAR}(?:-\d{{1,2}}){{0,2}})\s*(?:[(（](?P<page>[^)）]+)[)）])?")
# a standard's or patent's number after its title: "GB/T 20090.16—2016", "IEC/IEEE 61636-1:2021",
# "IEEE P802.11ba/D8.0-2020", "AIAA G-136-2022", "ISO/IEC 80079-20-2:2016(en)", "CN101106276A",
# or an application number alone, "202110123456.7"
_NUMBER_AT_END = re.compile(r"[:：]\s*([A-Z]{1,6}(?:/[A-Z]{1,6})*\s?[A-Z]{0,2}-?\d[\dA-Za-z.:\-—–/()]*"
                            r"|\d{5,}[\dA-Za-z.\-]*)$")
# a report's number after its title: a code with a digit, no word of small letters
# ("PB 91-194001", "RMRS-GTR-262", "7178999X-2006BAK04A10/10.2013")
_REPORT_NUMBER = re.compile(r"[:：]\s*((?:[A-Z0-9][\w./\-—–]*\s?){1,3})$")
# a volume after a book's title, as export writes it: "国史旧闻: 第1卷", "Textbook: Vol. 1"
_BOOK_VOLUME = re.compile(r"[:：]\s*(?:第(\d+)卷|Vol\.\s*(\d+))$")
# [引用日期] alone, a date with its month (GB/T 7714-2015 §8.8: "[2024-01-08]"), not a year
# the cataloguer inferred, which is bracketed alone ("[1936]")
# (Baidu Baike's and sites' copies label it: "[引用日期2021年3月15日]", "[访问日期：2021-03-15]")
_CITED_LABEL = r"(?:(?:引用|访问|檢索|检索|訪問)日期\s*[:：]?\s*)?"
_CITED_DATE = re.compile(rf"[\[［]{_CITED_LABEL}{_YEAR}[-年]\d{{1,2}}[^\]］]*[\]］]")
# (发布日期)[引用日期]
_ONLINE_DATES = re.compile(rf"[(（](?P<date>{_YEAR}[^)）]*)[)）]\s*(?:[\[［]{_CITED_LABEL}(?P<cited>{_YEAR}[^\]］]*)[\]］])?")



def _fold(text: str) -> str:
    """``text`` as the patterns read it: full-width Latin letters and digits and the brackets
    ［］ as ASCII (a list typed with a Chinese input method: ``［１］…［Ｊ］．刊名，２０２１``), one
    character for one, so that a place in it is its place in ``text``; the full-width （）：，
    stay, as a title or a journal (``学报（自然科学版）``) writes them.

    >>> _fold("［１］王五．题名［Ｊ］．学报（自然科学版），２０２１，４１（３）：１５０－１５７．")
    '[1]王五．题名[J]．学报（自然科学版），2021，41（3）：150-157．'
    """
    return fold_fullwidth_alnum(text).replace("［", "[").replace("］", "]")


def _is_heading(line: str) -> bool:
    return bool(_HEADING.match(line))


def _page_before_list(head: str) -> bool:
    """Whether a page's own fields come before the list's first reference or its heading: an
    article's page copied whole, whose 参考文献 is one of its sections (the scraped-page
    reader's), not a reference list.  Two of its abstract, keywords and DOI, or its abstract
    with its title (labelled, or a line of its own before it), make a page; one labelled line
    alone (a list's "Title: Bibliography for chapter 2", "来源：中国知网", "作者：张三 整理") is
    the list's header, not a page.  Labelled lines after a reference are its notes (CNKI's
    查新 export), not a page.

    >>> _page_before_list("题目\\n摘要：研究。\\n关键词：a；b\\n参考文献\\n[1] 王建国.题名[J].刊名,2020.")
    True
    >>> _page_before_list("题目\\n摘要：研究。\\n[1] 王建国.题名[J].刊名,2020.")
    True
    >>> _page_before_list("Title: Bibliography for chapter 2\\n[1] 王建国.题名[J].刊名,2020.")
    False
    >>> _page_before_list("作者：张三 整理\\n来源：中国知网\\n[1] 王建国.题名[J].刊名,2020.")
    False
    >>> _page_before_list("参考文献\\n[1] 王建国.题名[J].刊名,2020.\\n摘要：研究。")
    False
    """
    fields: set[str] = set()
    for line in head.splitlines()[:200]:
        if _is_heading(line) or _MARKER.search(line):
            break
        if not line.strip():
            continue
        label = match_label(line.strip())
        if not label:
            if "abstract" not in fields:
                fields.add("titles")  # a line before the abstract: the page's title (or authors)
        elif label[0] in ("abstract", "keywords", "doi", "titles"):
            fields.add(label[0])
    return len(fields & {"abstract", "keywords", "doi"}) >= 2 or {"abstract", "titles"} <= fields


def _entries(source) -> Iterator[tuple[int, str, str]]:
    """``(first line, reference text, raw text)``: numbered references run to the next
    number (wrapped lines joined); without numbers, each line is one; a blank line ends one.
    A line that starts with a label (``摘要:``, ``关键词:``) is the end of the reference before it."""
    head = _fold(getattr(source, "head", ""))
    numbered = any(_NUMBER.match(line) and _MARKER.search(line) for line in head.splitlines())
    return _with_notes(list_entries(numbered_lines(source), _NUMBER, numbered, _is_heading, _next_number,
                                    _goes_on))


def _goes_on(text: str, line: str) -> bool:
    """Whether an indented line of a list without numbers goes on with the reference ``text``
    before it (``王建国, 2021a. 题名[J]. 刊名, 41(3):`` over ``    150-157.``): unless both have
    a type marker, the line another reference indented.

    >>> _goes_on("王建国, 2021a. 题名[J]. 刊名, 41(3):", "150-157."), _goes_on("王五, 2020. 题", "名[J]. 刊名.")
    (True, True)
    >>> _goes_on("王五, 2020. 题名[J]. 刊名, 3(2): 1-9.", "赵六, 2019. 题名[M]. 北京: 科学出版社.")
    False
    """
    return not (_MARKER.search(_fold(text)) and _MARKER.search(_fold(line)))


def _next_number(text: str, line: str) -> bool:
    """Whether ``line``, which opens with a number, opens the reference after ``text`` (the one
    before, with its number): a number in brackets does (``[2]``, ``(2)``), and so does a line
    with a type marker; a bare number (``2064.``) goes on with ``text`` only where the line is a
    page range's or a number's tail (digits and punctuation alone: a line wrapped at a page range,
    ``…279(5359): 2063-`` over ``2064.``).  A list whose bare numbers skip one or start again
    (``1. 2. 4.``, ``1. 2. 1. 2.``) loses no reference.

    >>> _next_number("[1] KANAMORI H. …[J]. Science, 1998, 279(5359): 2063-", "2064.")
    False
    >>> _next_number("4. KANAMORI H. …: 2063-", "2064."), _next_number("4. 王五. 题名[M].", "5. 赵六.")
    (False, True)
    >>> _next_number("[1] 王五. 题名[M].", "[2] 赵六."), _next_number("王五. 题名[M].", "1. 赵六.")
    (True, True)
    >>> _next_number("2. 王五. 题名[M].", "4. 赵六. 题名[M]."), _next_number("2. 王五. 题名[M].", "1. 赵六. 题名[M].")
    (True, True)
    """
    at = _NUMBER.match(line)
    if not at or not _NUMBER.match(text) or re.match(r"\s*[\[［【(（]", at.group()):
        return True
    folded = _fold(line)
    return bool(_MARKER.search(folded)) or not _NUMBER_TAIL.fullmatch(folded.strip())


# What a line wrapped inside a reference's numbers holds: digits and punctuation alone
# ("2064.", "2064-2070.", "279(5359): 2063-2064.")
_NUMBER_TAIL = re.compile(r"[\d\s.,:;()\-–—/，：；．、（）]+")


def _with_notes(entries: Iterator[tuple[int, str, str]]) -> Iterator[tuple[int, str, str]]:
    """The entries, a reference (with its type marker) with the labelled lines after it (its
    abstract, its keywords) that a blank line, or a list without numbers, made entries of their
    own; the raw text keeps the blank lines between, so that a line's place in it is its place
    in the file."""
    held = None
    for start, text, raw in entries:
        if held and _NOTE_LABEL.match(text) and _MARKER.search(_fold(held[1])):
            first, before, raw_before = held
            gap = start - first - raw_before.count("\n")   # 1, and one more for each blank line
            held = (first, f"{before} {text}", raw_before + "\n" * gap + raw)
            continue
        if held:
            yield held
        held = (start, text, raw)
    if held:
        yield held


def _split_notes(reference: str) -> tuple[str, list[tuple[str, str]]]:
    """The reference without the labelled text after its type marker, and that text as
    ``(field, value)``: ``("abstract", …)``, ``("keywords", …)``.  A reference without a
    marker is left whole ("Abstract: …" may begin a title in PubMed's style).

    >>> _split_notes("王建国.题名[J].刊名,2020,4(2):1-7.摘要:【目的】研究。 关键词:黄瓜;胚")
    ('王建国.题名[J].刊名,2020,4(2):1-7.', [('abstract', '【目的】研究。'), ('keywords', '黄瓜;胚')])
    >>> _split_notes("王建国. 摘要: 题名的研究[J]. 刊名, 2020.")[1]
    []
    """
    marker = _MARKER.search(reference)
    labels = list(_NOTE_LABEL.finditer(reference, marker.end())) if marker else []
    if not labels:
        return reference, []
    notes = [("abstract" if m.group("abstract") else "keywords",
              reference[m.end():labels[i + 1].start() if i + 1 < len(labels) else len(reference)].strip())
             for i, m in enumerate(labels)]
    return reference[:labels[0].start()].strip(), notes


# What sets names apart in a list of them
_NAME_MARK = re.compile(r"[,，、;；]")


def _names(text: str) -> list[str] | None:
    """The authors of ``text`` (the part before the title), or None when it does not read as
    a list of names (it is then the title's start)."""
    truncated = bool(_ET_AL.search(text))
    text = _ET_AL.sub("", text).strip().rstrip(",，、;；").strip()
    names = []
    for n in (n.strip() for n in _NAME_MARK.split(text) if n.strip()):
        if names and _SUFFIX.fullmatch(n):   # "SODEMAN W A, Jr": the suffix is the name's before
            names[-1] += f", {n}"
        else:
            names.append(n)
    if not names:
        return ["et al."] if truncated else None
    if not all(_is_name(_SUFFIX_AFTER.sub("", name)) for name in names):
        return None
    return names + (["et al."] if truncated else [])


def _listed(text: str) -> list[str]:
    """The names of a list after the title (``于晓, 陈维纲, 等``), each as written; its 等 or et al.
    ``et al.``, as :func:`_names` keeps an author list's: the list has more, no person is named 等.

    >>> _listed("于晓, 陈维纲, 等"), _listed("王五等"), _listed("SMITH J, et al")
    (['于晓', '陈维纲', 'et al.'], ['王五', 'et al.'], ['SMITH J', 'et al.'])
    """
    truncated = bool(_ET_AL.search(text))
    names = [n.strip() for n in re.split(r"[,，、]", _ET_AL.sub("", text)) if n.strip()]
    return names + (["et al."] if truncated else [])


def _is_name(name: str) -> bool:
    """Whether one of a list's names reads as a name: Chinese (in characters), Western as GB/T
    writes it, in pinyin, or given name first ("Barbara M. KEHM")."""
    han = re.fullmatch(r"[\u3400-\u9fff·•．.（）()A-Za-z\s]{1,40}", name) and re.search(r"[\u3400-\u9fff]", name)
    return bool(han or _WESTERN_NAME.fullmatch(name) or _pinyin_name(name) or _GIVEN_FIRST.fullmatch(name))


class _NamesBefore:
    """What :func:`_names` reads of each beginning of ``text`` (the part before a reference's type
    marker) up to a stop, its author-year system's year dropped, asked of ever later stops:
    the names before the last mark (,，、;；) are read once each and only the last is read again,
    where :func:`_names` of each beginning read all of it again, quadratic ("Li A, Li B. " × 1,000,
    a stop after each initial, 12,000 characters: 2.4 s, now 0.03 s).

    >>> before = _NamesBefore("SMITH J. A., LEE S, 2020. Title")
    >>> before.at(8), before.at(24)   # "SMITH J." and "SMITH J. A., LEE S, 2020"
    ((True, 'SMITH J.', False), (True, 'LEE S', False))
    >>> _NamesBefore("王建国, 刘海燕 等. 题名").at(10), _NamesBefore("Global warming. Title").at(14)
    ((True, '刘海燕 等', True), (False, 'Global warming', False))
    """

    def __init__(self, text: str):
        self.text = text
        self.marks = [m.start() for m in _NAME_MARK.finditer(text)]
        self.commas = [m.start() for m in re.finditer(r"[,，;；]", text)]  # (not 、, as the last name is read)
        self.opens = [m.start() for m in re.finditer(r"[(（]", text)]
        self.valid, self.named = [True], [False]  # over the first n names before a mark: all read, any given

    def _read(self, n: int) -> None:
        while len(self.valid) <= n:
            i = len(self.valid) - 1
            name = self.text[self.marks[i - 1] + 1 if i else 0:self.marks[i]].strip()
            self.valid.append(self.valid[-1] and (not name or _is_name(name)))
            self.named.append(self.named[-1] or bool(name))

    def at(self, end: int) -> tuple[bool, str, bool]:
        """(whether ``_names(_NAMES_YEAR.sub("", text[:end]))`` gives names, the last name there
        (after its last ,，;；), whether it ends on et al.)."""
        # the year, which _NAMES_YEAR finds at the end, after the last mark before its brackets
        opened = bisect_left(self.opens, end)
        before_year = bisect_left(self.marks, self.opens[opened - 1] if opened else end)
        start = self.marks[before_year - 1] if before_year else 0
        year = _NAMES_YEAR.search(self.text[start:end])
        end = start + year.start() if year else end
        n = bisect_left(self.marks, end)
        last = self.text[self.marks[n - 1] + 1 if n else 0:end]
        truncated = bool(_ET_AL.search(last))
        name = _ET_AL.sub("", last).strip()
        self._read(n)
        named, valid = self.named[n] or bool(name), self.valid[n] and (not name or _is_name(name))
        comma = bisect_left(self.commas, end)
        last_name = self.text[self.commas[comma - 1] + 1 if comma else 0:end].strip()
        return (valid if named else truncated), last_name, truncated


def _pinyin_name(name: str) -> tuple[str, str] | None:
    """(family, given) of a Chinese name as GB/T 28039 writes it in English, the family
    name in capitals and the given name whole in pinyin ("WANG Jianguo", "ZHANG San-feng",
    "OUYANG Xiu"); None for any other: every word must be pinyin, so that an organisation or
    a title in capitals ("NASA Ames Research Center", "DUPONT Jean") is never read as one.

    >>> _pinyin_name("WANG Jianguo"), _pinyin_name("ZHANG San-feng"), _pinyin_name("OUYANG Xiu")
    (('WANG', 'Jianguo'), ('ZHANG', 'San-feng'), ('OUYANG', 'Xiu'))
    >>> _pinyin_name("NASA Ames Research Center"), _pinyin_name("DNA Repair"), _pinyin_name("WANG J")
    (None, None, None)
    """
    split = caps_first(name)   # the author step's reading of a family name first, in capitals
    if not split:
        return None
    family, given = split
    words = re.split(r"[\s\-]+", given)
    pinyin = all(re.fullmatch(r"[A-Za-z][a-z]+", w) and is_pinyin_surname(compared_word(w.lower())) for w in words)
    return (family, given) if pinyin and is_pinyin_surname(compared_word(family.lower())) else None


def _author(name: str) -> str:
    """A name as the author step reads it: a Western one as "Family, Initials", its family
    name in capitals written as a name (``SMITH J A`` → ``Smith, J A``; ``van der BERG J``);
    a Chinese one in pinyin as "Family, Given" alike (``WANG Jianguo`` → ``Wang, Jianguo``,
    as ``WANG J`` → ``Wang, J``); a Chinese name in characters or an organisation as written."""
    suffix = _SUFFIX_AFTER.search(name)
    if suffix and name[:suffix.start()].strip():   # "SODEMAN W A, Jr" → "Sodeman, W A, Jr"
        return f"{_author(name[:suffix.start()].strip())}, {suffix.group().lstrip(', ')}"
    given_first = _GIVEN_FIRST.fullmatch(name)
    if given_first:   # Barbara M. KEHM → Kehm, Barbara M.
        family = re.sub(r"[^\W\d_]+", lambda w: w.group().capitalize(), given_first.group("family"))
        return f"{family}, {given_first.group('given')}"
    m = _WESTERN_NAME.fullmatch(name)
    pinyin = None if m else _pinyin_name(name)
    if pinyin:
        return f"{pinyin[0].capitalize()}, {pinyin[1]}"
    if not m or re.search(r"[\u3400-\u9fff]", m.group("family")):   # 德鲁克 P F, a translated name: as written
        return name
    family = " ".join(re.sub(r"[^\W\d_]+", lambda w: w.group().capitalize() if w.group().isupper() and len(w.group()) > 1
                                 else w.group(), word) for word in m.group("family").split())
    initials = re.sub(r"\s*-\s*", "-", re.sub(r"[.\s]+", " ", m.group("initials"))).strip()  # A.B. → A B
    return f"{family}, {initials}"


def _split_responsible(before: str) -> tuple[list[str], str, str | None, dict[str, list[str]]]:
    """(authors, title, year, others) of the part before the type marker: the responsible parties up
    to the first full stop (names, or organisations: "United Nations Department of Economic
    and Social Affairs. United Nations e-government survey"), the title after it; without a
    full stop, no authors and all of it the title.  The year is there only in the
    author-year system's form ("王建国, 刘海燕, 2020. 题名[J]"); a periodical's run of years
    there as ``1957-1990`` or ``1984-`` (:func:`_year_run`).  ``others``: the names a role word
    makes a book's editors or translators (:func:`_role_of`), by role, and the nationality or dynasty
    marked before a name (``[美]德鲁克 P F``, ``（清）纪昀``: ``author_nationality``, :func:`_marks`)."""
    stops = list(_STOP_RE.finditer(before))
    m = stops[0] if stops else None
    names_before = _NamesBefore(before)
    # where the names are divided: the last name before a stop is read from the last of them (each
    # stop's text up to it split again, and searched to its end for an initial, had made a reference
    # of many initials' stops, "Li A. Li A. …", quadratic: 72,000 characters, 11 s)
    commas = [c.start() for c in re.finditer(r"[,，;；]", before)]
    for i, later in enumerate(stops[1:], 1):   # "SMITH J. A. Title", "Barbara M. KEHM. Title": the stops
        at = stops[i - 1].start()
        if not _INITIAL_AT_END.search(before, max(at - 2, 0), at):   # after initials in a name
            break
        comma = bisect_left(commas, later.start())
        last = before[commas[comma - 1] + 1 if comma else 0:later.start()].strip()
        if (_GIVEN_FIRST.fullmatch(last) or _WESTERN_NAME.fullmatch(last)) and names_before.at(later.start())[0]:
            m = later
    names_end = _names_end(before, m.start() if m else len(before), names_before)
    if names_end is not None:  # "Smith J,Doe A.A short title", as CNKI writes it
        head, title = before[:names_end], before[names_end + 1:].strip()
    elif not m or not before[m.end():].strip():
        return [], before.strip(), None, {}
    else:
        head, title = before[:m.start()], before[m.end():].strip()
    year = _NAMES_YEAR.search(head)
    if year:
        head = head[:year.start()]
    roles: dict = {}
    head = _BRACKETED_WORD.sub(lambda w: " " + w.group("word"), head).strip()   # "李华, (主编)", "王明(译)"
    head, marked = _marks(_dynasty_glued(head))
    for group in _role_groups(head):
        text, role = _role_of(group)
        if role == "translator" and (word := _translator_word(group)):
            roles["translator_role"] = [word]
        if role == "editor" and (word := _word_of(group)):
            roles["editor_word"] = [word]
        names = _names(text) if text.strip() else []
        if names is None:  # organisations, each kept whole
            names = [_organisation(n.strip()) for n in re.split(r"[,，;；]\s+|[，；、]", text) if n.strip()]
        if role == "author":
            names = _author_roles(names, group, roles)
        roles.setdefault(role, []).extend(names)
    names = roles.pop("author", [])
    if "author_roles" in roles:   # (by name, as extra keeps it)
        roles["author_roles"] = {n: w for n, w in roles["author_roles"].items() if n in names}
    people = names + [n for r in ("editor", "translator", "reviewer") for n in roles.get(r, [])]
    marks = {}   # each mark's name: the longest name the text after it begins with
    for mark, after in marked:
        name = max((n for n in people if after.startswith(n)), key=len, default="")
        if name:
            marks[name] = mark
    if marks:   # "[美]德鲁克 P F": the name is 德鲁克 P F, 美 its mark
        roles["author_nationality"] = marks
    if year and year.group("run"):   # a periodical's years: "1957-1990", "1984-"
        return names, title, f"{year.group(2)}-{year.group('end') or ''}", roles
    return names, title, year and (year.group(1) or year.group(2)), roles


def _marks(head: str) -> tuple[str, list[tuple[str, str]]]:
    """(``head`` without the nationalities and dynasties marked before its names, :data:`NATIONALITIES`,
    :data:`DYNASTIES`; each mark with the text after it, which begins with its name); anything
    else in brackets there is left as written.

    >>> _marks("[美]德鲁克 P F"), _marks("(英)霍金, （美）蒙洛迪诺")
    (('德鲁克 P F', [('美', '德鲁克 P F')]), ('霍金, 蒙洛迪诺', [('英', '霍金, （美）蒙洛迪诺'), ('美', '蒙洛迪诺')]))
    >>> _marks("[等]"), _marks("(主编)李华")
    (('[等]', []), ('(主编)李华', []))
    """
    found = [m for m in _MARK.finditer(head) if m.group("nation") in NATIONALITIES | DYNASTIES]
    marked = [(m.group("nation"), head[m.end():].strip()) for m in found]
    for m in reversed(found):
        head = head[:m.start()] + (" " if m.start() else "") + head[m.end():]
    return head, marked


def _role_groups(head: str) -> list[str]:
    """The names before a title, in groups of one role each: ``[美] 史密斯 著; 王明 译`` is two
    (a role word before a semicolon ends a group); else one (``SMITH J; JONES B, eds``).

    >>> _role_groups("[美] 史密斯 著; 王明 译"), _role_groups("SMITH J; JONES B, eds")
    (['[美] 史密斯 著', '王明 译'], ['SMITH J; JONES B, eds'])
    """
    parts = [p for p in re.split(r"\s*[;；]\s*", head) if p.strip()]
    return parts if len(parts) > 1 and any(_ROLE.search(p) for p in parts[:-1]) else [head]


def _role_of(names: str) -> tuple[str, str]:
    """(``names`` without the role word after them, whose names they are: ``author``, ``editor``
    or ``translator``, :data:`_ROLES`).  A book's editors alone are its editors (``extra.editor``,
    as RIS's ``ED`` and CSL's ``editor`` are kept), its translators its translators, not its
    authors; the export writes a whole book without authors under its editors, as the standard
    does (``李华. 书名[M]``).

    >>> _role_of("许厚泽, 赵其国, 主编"), _role_of("王五等译"), _role_of("李明, 编著"), _role_of("GREEN P (eds.)")
    (('许厚泽, 赵其国', 'editor'), ('王五等', 'translator'), ('李明', 'author'), ('GREEN P', 'editor'))
    >>> _role_of("张译"), _role_of("主编")
    (('张译', 'author'), ('主编', 'author'))
    """
    m = _ROLE.search(names)
    stripped = names[:m.start()] if m else names
    if not m or not stripped.strip(" ,，、"):
        return names, "author"
    word = next(w for w in m.group("long", "short", "latin", "bracketed") if w)
    return stripped, _ROLES.get(word.lower(), "author")


def _author_roles(names: list[str], group: str, roles: dict) -> list[str]:
    """``names`` (authors) without the role word each has glued (``司马迁撰``, ``裴骃集解``), each
    name's word kept in ``roles["author_roles"]``, as the byline step keeps a reporter's; a word
    set apart after the last (``许厚泽, 赵其国, 编著``, ``[美] 史密斯 著``) is each name's without its own.

    >>> roles = {}
    >>> _author_roles(["司马迁撰", "裴骃"], "司马迁撰, 裴骃集解", roles), roles
    (['司马迁', '裴骃'], {'author_roles': {'司马迁': '撰', '裴骃': '集解'}})
    >>> roles = {}
    >>> _author_roles(["许厚泽", "赵其国"], "许厚泽, 赵其国, 编著", roles), roles
    (['许厚泽', '赵其国'], {'author_roles': {'许厚泽': '编著', '赵其国': '编著'}})
    """
    m = _ROLE.search(group)
    word = m and next((w for w in m.group("long", "short") if w), None)
    glued = bool(m) and not re.match(r"[\s,，、]", m.group())   # "裴骃集解": the last name's alone
    out, kept = [], {}
    for i, name in enumerate(names):
        bare, _ = _role_of(name) if not re.match(r"et al|\{", name) else (name, "")
        own = _word_of(name) if bare != name else None
        out.append(bare)
        if own in AUTHOR_ROLES:
            kept[bare] = own
        elif word in AUTHOR_ROLES and (not glued or i == len(names) - 1):
            kept[bare] = word
    if kept:
        roles.setdefault("author_roles", {}).update(kept)
    return out


def _word_of(names: str) -> str | None:
    """The role word after ``names`` (:data:`_ROLE`), a Chinese one, or None."""
    m = _ROLE.search(names)
    return m and next((w for w in m.group("long", "short") if w), None)


def _translator_word(names: str) -> str:
    """The role word that makes ``names`` translators when it says more than 译 (译注, translated
    and annotated; 编译, 主译), kept in ``extra.translator_role`` for the export to write back;
    else "".

    >>> _translator_word("杨伯峻译注"), _translator_word("王明, 译"), _translator_word("SMITH J, trans")
    ('译注', '', '')
    """
    m = _ROLE.search(names)
    word = m and m.group("long")
    return word if word and _ROLES.get(word) == "translator" else ""


def _without_role(names: str) -> str:
    """``names`` without the role word after them (:data:`_ROLE`, :func:`_role_of`): a host
    book's editors after // (``//GREEN P, ed. Handbook …``), written back with no role word.

    >>> _without_role("许厚泽, 赵其国, 主编"), _without_role("王建国主编"), _without_role("王五等译")
    ('许厚泽, 赵其国', '王建国', '王五等')
    >>> _without_role("GREEN P, ed"), _without_role("张译"), _without_role("主编")
    ('GREEN P', '张译', '主编')
    """
    return _role_of(names)[0]


def _names_end(before: str, limit: int, names_before: _NamesBefore | None = None) -> int | None:
    """Where a list of Western names ends at a "." with no space after it, before ``limit``
    (the first full stop _STOP finds): the names must end with initials, a Chinese name in
    pinyin ("WANG Jianguo,LI Ming.Research on …") or et al. and read as names, each of them,
    so that a title or an organisation is never cut there.

    >>> before = "Zelle R M,Harrison J C,et al.Anaplerotic role for cytosolic malic enzyme"
    >>> before[:_names_end(before, len(before))]
    'Zelle R M,Harrison J C,et al'
    >>> before = "SMITH J.A.,LEE S.-H.Tidal mixing"
    >>> before[:_names_end(before, len(before))], _names_end("Amazon.Com annual report", 24)
    ('SMITH J.A.,LEE S.-H', None)
    """
    names_before = names_before or _NamesBefore(before)
    for m in _NAMES_STOP.finditer(before, 0, limit):
        names, last, truncated = names_before.at(m.start())
        if (truncated or _WESTERN_NAME.fullmatch(last) or _pinyin_name(last)) and names:
            return m.start()
    return None


def _year_run(year: str | None) -> tuple[str | None, str | None]:
    """(the first year, the run as ``extra.issued`` keeps it, or None) of a year the names give:
    a periodical's years (``1957-1990``, ``1984-``: an interval, as a CSL item's ``issued: 1984/``
    is written), which the export writes back after the names, or after its imprint.

    >>> _year_run("1957-1990"), _year_run("1984-"), _year_run("2020"), _year_run(None)
    (('1957', '1957/1990'), ('1984', '1984/'), ('2020', None), (None, None))
    """
    first, run, end = (year or "").partition("-")
    return first or None, f"{first}/{end}" if run else None


def _host_edition(parts: list[str]) -> bool:
    """Whether the last of a host's elements (``//`` up to its imprint) is its edition, which
    follows the host's title: after its responsible person the next element is the title, so of
    two a kind of copy is the title when the first reads as names (鲁迅. 鲁迅手稿本, the editor's
    book; 中华书局. 影印本 cannot be told from it); an edition by number or 版 is none.

    >>> _host_edition(["鲁迅", "鲁迅手稿本"]), _host_edition(["鲁迅", "鲁迅全集", "影印本"])
    (False, True)
    >>> _host_edition(["船山全书", "修订版"]), _host_edition(["马克思恩格斯全集: 第35卷", "刻本"])
    (True, True)
    """
    if not _EDITION.fullmatch(parts[-1]):
        return False
    return len(parts) > 2 or not _COPY.fullmatch(parts[-1]) or not _names(parts[0])


def _organisation(name: str) -> str:
    """An organisation as the author step keeps it whole (braced, as BibTeX protects one):
    "U.S. Geological Survey", "ISO"; two capitalised words ("John Smith", a name not
    written the standard's way) are left to be read as a name."""
    if re.search(r"[\u3400-\u9fff]", name) or re.fullmatch(r"[A-Z][a-z'’\-]+ [A-Z][a-z'’\-]+", name):
        return name
    return "{" + name + "}"


class GBT7714Reader:
    name = "gbt7714"
    aliases = ("gb7714", "gbt", "gb/t7714", "references", "reference-list", "参考文献")
    suffixes = ()

    def sniff(self, head: str) -> float:
        head = _fold(head)
        lines = [line for line in head.splitlines()[:200] if line.strip() and not _is_heading(line)]
        if not lines or _page_before_list(head):
            return 0.0
        marked = sum(1 for line in lines if _MARKER.search(line))
        if not marked:
            return 0.0
        numbered = sum(1 for line in lines if _NUMBER.match(line))
        # English references in PubMed's style among them count as references too
        cited = sum(1 for line in lines if not _MARKER.search(line) and is_citation(_NUMBER.sub("", line, count=1)))
        # each reference (a numbered line, else a line) with a type marker
        entries = numbered if numbered >= (marked + cited) / 2 else len(lines)
        share = (marked + cited) / max(entries, 1)
        return 0.0 if share < 0.5 else min(0.95, 0.5 + 0.45 * min(share, 1.0))

    def read(self, source) -> Iterator[Record | Failure]:
        for ordinal, (line, text, raw) in enumerate(_entries(source), 1):
            src = Source(path=source.path, format=self.name, record=ordinal, line=line)
            try:
                yield self.build(src, text, raw)
            except Exception as e:  # one broken reference never stops the list
                yield Failure(path=source.path, line=line, format=self.name, record=ordinal, raw=raw,
                              reason=f"cannot parse reference: {type(e).__name__}: {e}")

    def build(self, src: Source, text: str, raw: str) -> Record | Failure:
        written = _NUMBER.sub("", text, count=1).strip()
        reference, notes = _split_notes(_fold(written))
        rec = self._reference(src, reference, raw, written[:len(reference)])
        if isinstance(rec, Record):
            for field, value in notes:  # on the line its label starts (the reference's, if none)
                at = next((i for i, line in enumerate(raw.splitlines())
                           if (m := _NOTE_LABEL.match(line.strip())) and m.group(field)), 0)
                rec.put(field, value, src.line + at)
        return rec

    def _reference(self, src: Source, reference: str, raw: str, written: str) -> Record | Failure:
        """The record of one reference (without its labelled notes), ``reference`` folded
        (:func:`_fold`), ``written`` as the list writes it."""
        m = _MARKER.search(reference)
        if m is None:  # an English reference in PubMed's style (NLM, Vancouver) among GB/T ones
            cited = citation_record(src, reference, raw)
            if cited is not None:
                cited.extra["source_type"] = "NLM"
                return cited
            return Failure(path=src.path, line=src.line, format=self.name, record=src.record, raw=raw,
                           reason="not a GB/T 7714 reference: no type marker ([J], [M], [D], [C], [EB/OL] …), "
                                  "nor a citation in PubMed's style (Authors. Title. Journal. Year;Volume(Issue):Pages.)")
        code, carrier = m.group("code").upper(), m.group("carrier") and m.group("carrier").upper()
        rec = Record(src, raw_text=raw)
        rec.extra["reference"] = written
        rec.extra["source_type"] = f"[{code}/{carrier}]" if carrier else f"[{code}]"
        before, after = reference[:m.start()].strip(), reference[m.end():].strip()
        authors, title, year, others = _split_responsible(before)
        if not title:
            return Failure(path=src.path, line=src.line, format=self.name, record=src.record, raw=raw,
                           reason=f"no title before the type marker {m.group(0)}")
        rec.type = TYPES[code]
        if code in ("P", "S"):  # 专利题名: 专利号; 标准名称: 标准号
            number = _NUMBER_AT_END.search(title)
            if number:
                rec.extra["patent_number" if code == "P" else "standard_number"] = number.group(1).strip()
                title = title[:number.start()].strip()
        elif code == "R":  # 报告题名: 报告号 ("…material: PB 91-194001[R]")
            number = _REPORT_NUMBER.search(title)
            if number and re.search(r"\d", number.group(1)) and not re.search(r"[a-z]{3,}", number.group(1)):
                rec.extra["number"] = [number.group(1).strip()]
                title = title[:number.start()].strip()
        elif code in ("M", "G"):  # 书名: 第1卷, Title: Vol. 1
            volume = _BOOK_VOLUME.search(title)
            if volume:
                rec.put("volume", volume.group(1) or volume.group(2), src.line)
                title = title[:volume.start()].strip()
        for name in authors:
            rec.put("author", _author(name), src.line)
        for role, names in others.items():   # "李华 主编", "王明, 译": the book's editors, translators
            if role == "editor_word":
                continue   # (for _publication)
            if role == "translator_role":
                rec.extra[role] = names[0]
            elif role == "author_roles":   # "司马迁撰": by the name as read
                rec.extra[role] = names
            else:
                rec.extra[role] = names if role == "author_nationality" else [_author(n) for n in names]  # (by name as read)
        rec.put("titles", title.rstrip(".．。 "), src.line)
        year, run = _year_run(year)
        if year:  # the author-year system: the year after the names, none after the journal
            rec.put("year", year, src.line)
        if run:
            rec.extra["issued"] = run
        # the URLs before the DOIs: a URL may hold "doi:" ("…dataset.xhtml?persistentId=doi:10.7910/DVN/…")
        for url in _URL.findall(after):
            rec.put("url", url, src.line)   # https://doi.org/10.… is the DOI too (the pipeline reads it)
            held = re.search(r"[=/]doi:(10\.\d{4,9}/[^\s&#]+)", url, re.I)   # Dataverse's persistentId=doi:10.…
            if held:
                rec.put("doi", held.group(1), src.line)
        after = _URL.sub("", after)
        for doi in _DOI.findall(after):
            rec.put("doi", doi, src.line)
        after = _DOI.sub("", after).strip()
        self._publication(rec, code, carrier, after.lstrip(".．。 ").strip(), year, others.get("editor_word", [None])[0])
        cited = re.findall(rf"[\[［]{_CITED_LABEL}({_YEAR}[^\]］]*)[\]］]", after)
        if carrier and cited and "accessed" not in rec.extra:  # "…, 2001[2014-06-11]": the date it was read
            rec.extra["accessed"] = cited[-1].strip()
        return rec

    @staticmethod
    def _other_responsibility(rec: Record, role: str, word: str, names: list[str], editor_word: str | None) -> None:
        """Names after the title with their role word: editors (编, 主编, 点校 …, ``extra.editor``)
        with each one's word in ``extra.editor_roles``, which the export writes back after the
        title; a book whose names before the title were editors (``(宋)黎靖德, 编.``) is then by
        them, their word (``editor_word``) kept as an author's; annotators (集解, 注, 疏, 校注)
        its authors, with their word in ``extra.author_roles``, as before the title."""
        extra, line = rec.extra, rec.source.line
        if role == "editor" and extra.get("editor") and not rec.raw.get("author") and not extra.get("editor_roles"):
            for n in extra.pop("editor"):   # "(宋)黎靖德, 编. 朱子语类[M]. 王星贤, 点校."
                rec.put("author", n, line)
                if editor_word and n != "et al.":
                    extra.setdefault("author_roles", {})[n] = editor_word
        if role == "editor":
            extra.setdefault("editor", []).extend(names)
            extra.setdefault("editor_roles", {}).update({n: word for n in names if n != "et al."})
            return
        for n in names:
            rec.put("author", _author(n), line)
            if n != "et al." and word in AUTHOR_ROLES:
                extra.setdefault("author_roles", {})[n] = word

    def _publication(self, rec: Record, code: str, carrier: str | None, after: str, year: str | None,
                     editor_word: str | None = None) -> None:
        """What follows the marker: journal, year, volume, issue, pages; or imprint; or host.
        ``year``: the year the names gave (the author-year system), none after them;
        ``editor_word``: the role word of editors before the title (主编, 编)."""
        line, put = rec.source.line, rec.put
        for unknown, stand_in in _UNKNOWN_IMPRINT:
            after = unknown.sub(stand_in, after)
        # "顾幼静, 译." / "谢远涛, 译." right after the marker: the translators; "王五, 主审.": the
        # reviewers (the export writes them there, the standard's place for other responsibility)
        while translated := re.match(rf"(?P<names>[^.．。/]{{1,60}}?)[,，]?\s*(?P<word>{_AFTER_TITLE_ROLES}|trans\.?|"
                                     r"translated|rev\.?)\s*(?:[.．。]\s*|(?=//))", after):
            word = translated.group("word")
            if word[:3].lower() == "rev" and not re.search(r"[,，]\s*$", after[:translated.start("word")]):
                break   # "SMITH J, rev." (an English item's reviewers), not "2nd rev. ed."
            role = _ROLES.get(word.rstrip(".").lower()) or "translator"
            names, marked = _marks(translated.group("names"))
            listed = _listed(names)
            if role in ("editor", "author") and not all(_is_name(n) for n in listed if n != "et al."):
                break   # "…出版社编.": no names
            for mark, name in marked:   # "(南朝宋)裴骃, 集解."
                if (n := next((n for n in listed if name.startswith(n)), None)):
                    rec.extra.setdefault("author_nationality", {})[n] = mark
            if role == "translator" and word in _HAN_ROLES and word != WRITTEN_ROLES["translator"][0]:
                rec.extra["translator_role"] = word   # (译 is what the export writes without one)
            if role in ("translator", "reviewer"):
                rec.extra.setdefault(role, []).extend(listed)
            else:
                self._other_responsibility(rec, role, word, listed, editor_word)
            after = after[translated.end():]
        edition = re.match(rf"({_EDITION.pattern})\s*[.．。]\s*", after, re.I)
        if edition and "//" not in after[:edition.end()]:  # "2版. 杭州: …", "Rev. ed. Rowman …"
            rec.extra["edition"] = edition.group(1)
            after = after[edition.end():]
        if "//" in after:  # 析出文献: the host book or proceedings, up to its imprint or year
            if code == "M":
                rec.type = "chapter"
            after = after[after.index("//") + 2:].strip()
            ends = [m.start() for m in (_IMPRINT.search(after), re.search(rf"(?<={_STOP})\s*{_YEAR}\b", after),
                                        _IMPRINT_NO_YEAR.search(after) if year else None) if m]
            cut = min(ends, default=len(after))
            parts = [p.strip() for p in _STOP_RE.split(after[:cut]) if p.strip()]
            after = after[cut:]
            while len(parts) > 1 and _host_edition(parts):  # "船山全书. 修订版"
                rec.extra["edition"] = parts.pop()
            # "编者. 书名": the editors before the book's title
            if len(parts) > 1:
                parts[0] = _without_role(parts[0])   # "//GREEN P, ed. Handbook …"
                editors = _names(parts[0]) or [parts[0]]
                rec.extra["editor"] = [_author(e) for e in editors]
                parts = parts[1:]
            put("journal", ". ".join(parts), line)
        if code == "J" and self._periodical(rec, after, year):
            return
        if code == "J":
            m = _JOURNAL.match(after) or _JOURNAL_PAGES_ONLY.match(after) \
                or (_JOURNAL_NO_YEAR.match(after) if year else None)
            if m:
                for key in ("journal", "year", "volume", "issue", "pages"):
                    if m.groupdict().get(key):
                        put(key, m.group(key).strip(), line)
                cited = re.search(rf"[\[［]{_CITED_LABEL}({_YEAR}[^\]］]*)[\]］]", after[m.end() - 1:])
                if cited:
                    rec.extra["accessed"] = cited.group(1)
                return
        if code == "N":
            m = _NEWSPAPER.match(after) or (_NEWSPAPER_NO_YEAR.match(after) if year else None)
            if m:
                put("journal", m.group("journal").strip(), line)
                put("date", m.group("date") if m.re is _NEWSPAPER else f"{year}-{m.group('date')}", line)
                if m.group("page"):  # 版次
                    put("pages", m.group("page"), line)
                return
        dates = _ONLINE_DATES.search(after)
        if carrier == "OL" and dates:
            put("date", dates.group("date").strip(), line)
            if dates.group("cited"):
                rec.extra["accessed"] = dates.group("cited").strip()
        # 出版地: 出版者, 年: 页码 (in the author-year system, 出版地: 出版者: 页码)
        m = _IMPRINT.search(after) or (_IMPRINT_NO_YEAR.search(after) if year else None)
        if m:
            for key in ("place", "publisher", "year", "pages"):
                if m.groupdict().get(key) and m.group(key).strip() not in (_UNKNOWN_PLACE, _UNKNOWN_PUBLISHER):
                    put(key, m.group(key).strip(), line)
            if m.groupdict().get("calendar") and "issued" not in rec.extra:   # as the CSL reader keeps it
                rec.extra["issued"] = m.group("year") + m.group("calendar").strip()
            return
        # the date an online item was read is no year of it ("[J/OL].食品工业科技[2024-01-08]")
        undated = _CITED_DATE.sub(" ", after) if carrier else after
        found = re.search(rf"(?<!\d)({_YEAR})(?!\d)(?:\s*[:：]\s*({_PAGES}))?", undated)
        if found and not (carrier == "OL" and dates):
            put("year", found.group(1), line)
            if found.group(2):
                put("pages", found.group(2), line)
        # a patent's day of publication (公告日期或公开日期, "[P]. 1989-07-26."), which export writes back
        day = re.search(rf"(?<!\d)({_YEAR}-\d{{1,2}}-\d{{1,2}})(?!\d)", undated) if code == "P" else None
        if day:
            put("date", day.group(1), line)

    @staticmethod
    def _periodical(rec: Record, after: str, year: str | None) -> bool:
        """Whether ``after`` (what follows a [J]) is a periodical's as a whole (§8.3.3: its
        holdings, then its imprint): the record is then the periodical, its holdings its volume
        as written, and the years of its run after the imprint kept in ``extra.issued``
        (``1957/1990``, ``1984/``), which export writes back (``1957-1990``, ``1984-``); had
        they been read as an article's, the holdings and the run's end were lost."""
        whole = _HOLDINGS.match(after)
        rest = after[whole.end():] if whole else ""
        m = whole and (_IMPRINT.match(rest) or (_IMPRINT_NO_YEAR.match(rest) if year else None))
        if not m:
            return False
        line = rec.source.line
        rec.type = "periodical"
        rec.put("volume", whole.group("holdings").strip(), line)
        for key in ("place", "publisher", "year"):
            if m.groupdict().get(key) and m.group(key).strip() not in (_UNKNOWN_PLACE, _UNKNOWN_PUBLISHER):
                rec.put(key, m.group(key).strip(), line)
        run = _RUN_END.match(rest, m.end()) if m.groupdict().get("year") else None
        if run and "issued" not in rec.extra:
            rec.extra["issued"] = f"{m.group('year')}/{run.group('end') or ''}"
        return True


register(GBT7714Reader())
