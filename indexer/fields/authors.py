"""Authors: a CJK personal name stays whole (literal); Western names split into family and given.

Organisations are literal.  The one sharp rule for Western names: the family name is
the last word, together with any particles before it (de, van der ...), unless the
name is written inverted ("Rosoff, Heather Beth").
"""
from __future__ import annotations

import re
import unicodedata

from ..charsets import CYRILLIC, HAN, HANGUL, KANA, LATIN, is_han, simplified_table
from ..lang.detect import is_cjk_name
from ..repair.constants import UI_MENU_WORDS, UI_WORDS
from ..pinyin import (COMPOUND_SURNAMES, NAME_DOT, SYLLABLES, common_surname, compared_word, is_person, is_pinyin_surname,
                      spelt_readings, u_for_v)

PARTICLES = frozenset("de del della der den di da das dos du la le van von ten ter op st. bin al el".split())
# The particles NLM writes in lower case before a family name (van der Berg, de Jorge): the
# others, Al, El, Bin, St., Op, it capitalises as part of the name (Al Farsi, El Sayed).
NLM_LOWER_PARTICLES = PARTICLES - {"al", "el", "bin", "st.", "op"}
ORG_WORDS = re.compile(
    r"\b(?:Fund|Association|Institute|University|Committee|Organi[sz]ation|Society|Group|Cent(?:er|re)|"
    r"Council|Bureau|Ministry|Department|Academy|Foundation|Agency|Commission|Office|Press|Company|"
    r"Inc|Ltd|Corporation|Consortium|Collaboration|Network|Team|Board|Hospital|Laboratory|Bank|Agency|"
    r"Federation|Union|Service|Program(?:me)?|Administration|Authority|"
    # groups of trials: "SPRINT Investigators", "EBCTCG Collaborators"
    r"Investigators|Collaborators|Collaborative|Trialists|Working Party|Task ?Force)\b"
    # a group named in another language ("Gruppo Tecnico PASSI"; "Gruppo, R. A." is a person)
    r"|^(?:Gruppo|Groupe|Grupo|Gruppe|Grupa)\s+(?=\w)", re.IGNORECASE)
# A group that writes as an author (a guideline's committee, a trial's investigators), not an
# institution of its members, though ORG_WORDS holds it too.
GROUP_AUTHOR = re.compile(r"委员会|委員會|学会|學會|协会|協會|小组|小組|协作组|專家組|专家组|工作组|联盟|"
                          r"\b(?:Committee|Group|Investigators|Collaborat\w*|Consortium|Society|Association|"
                          r"Network|Panel|Task Force|Working Party)\b", re.I)
# Not inside brackets: "王建国(北京大学医学部，北京 100191)" is one name with its affiliation.
_OUTSIDE_BRACKETS = r"(?![^(（]*[)）])"
# (a slash too, as CSSCI lists its 来源作者: "王芳/李强")
_CJK_SEPARATORS = re.compile(rf"(?:\s*[;；,，、/／]\s*|\s+){_OUTSIDE_BRACKETS}")
_CJK_LIST_SEPARATORS = re.compile(rf"\s*[;；,，、/／]\s*{_OUTSIDE_BRACKETS}")
_LATIN_SEPARATORS = re.compile(r"\s*[;；]\s*")


# The role words of a newspaper's byline (CNKI's 报纸 records: 记者 张三, 本报记者 张三, 通讯员 李四,
# 特约记者, 本报驻京记者, 实习生; 本报讯, the dateline's mark): what a person was for the paper,
# no name nor part of one.
BYLINE_ROLE = re.compile(r"本报讯|(?:本报|本刊|新华社)?(?:特约|见习|实习|首席|驻[\u4e00-\u9fff]{1,3})?"
                         r"(?:记者|通讯员|评论员)|(?:本报)?实习生")
_BYLINE = re.compile(rf"({BYLINE_ROLE.pattern})(?:(\s*)([{HAN}][{HAN}·]+))?")


def byline_roles(names: list[str], role: str | None = None) -> tuple[list[str], dict[str, str], str | None]:
    """The names of an author list without the role words of a newspaper's byline, each
    name's role, and the role the names after them have.  A role word alone is the role of the
    names after it (``记者 张三`` split at its space; ``本报记者 张三 李四``: both), in the next
    field too (RIS's ``AU  - 记者`` then ``AU  - 张三``: ``role``); one glued to a name, the name's.

    >>> byline_roles(["记者", "张三"]), byline_roles(["本报记者 张三"])
    ((['张三'], {'张三': '记者'}, '记者'), (['张三'], {'张三': '本报记者'}, '本报记者'))
    >>> byline_roles(["本报记者", "张三", "李四", "通讯员王五"])[:2]
    (['张三', '李四', '王五'], {'张三': '本报记者', '李四': '本报记者', '王五': '通讯员'})
    >>> byline_roles(["记者"]), byline_roles(["张三"], "记者")
    (([], {}, '记者'), (['张三'], {'张三': '记者'}, '记者'))
    >>> byline_roles(["本报讯", "记者"])[:2], byline_roles(["王建国", "记者团"])
    (([], {}), (['王建国', '记者团'], {}, None))

    An organisation whose name begins with a role word is no byline (记者协会, 评论员工作室):
    the rest is split off only when it is a person's name; a role glued to one name, no space
    between, is that name's alone.

    >>> byline_roles(["记者协会", "记者之家编辑部", "通讯员培训中心", "评论员工作室", "王五"])
    (['记者协会', '记者之家编辑部', '通讯员培训中心', '评论员工作室', '王五'], {}, None)
    >>> byline_roles(["通讯员王五", "赵六"])
    (['王五', '赵六'], {'王五': '通讯员'}, None)
    """
    out: list[str] = []
    roles: dict[str, str] = {}
    for name in names:
        m = _BYLINE.fullmatch(name.strip())
        if m and not m.group(3):   # a role word alone: the names after it, in the next field too
            role = None if m.group(1) == "本报讯" else m.group(1)
            continue
        if m and _byline_person(m.group(3)):   # set apart by a space, the role stands alone
            name, role = m.group(3), (m.group(1) if m.group(2) else None)
            roles[name] = m.group(1)
        elif role:
            roles[name] = role
        out.append(name)
    return out, roles, role


# The end of an organisation's name after a role word (记者之家, 记者团, 通讯员培训中心, 评论员工作室):
# INSTITUTION's and GROUP_AUTHOR's words, and these.
_BYLINE_ORGANISATION = re.compile(r"之家|[团團组組会會]$")


def _byline_person(rest: str) -> bool:
    """Whether what follows a byline's role word is a person's name (two to four Han
    characters or a name written by sound), not an organisation's."""
    return is_person(rest) and not (INSTITUTION.search(rest) or GROUP_AUTHOR.search(rest)
                                    or _BYLINE_ORGANISATION.search(rest))


def split_author_list(text: str) -> list[str]:
    """Author names in a list as written on a page or in a field.

    >>> split_author_list("駱為祥；趙孟珂；靳永愛")
    ['駱為祥', '趙孟珂', '靳永愛']
    >>> split_author_list("K Christensson, B A Nilsson, S Stock")
    ['K Christensson', 'B A Nilsson', 'S Stock']
    >>> split_author_list("Rosoff, Heather Beth")
    ['Rosoff, Heather Beth']
    >>> split_author_list("王 强 李 四"), split_author_list("王建国(北京大学，医学部) 李四")
    (['王强', '李四'], ['王建国(北京大学，医学部)', '李四'])
    >>> split_author_list("CHEN Ming LIU Yang-yang OUYANG Li")   # pinyin names, GB/T 28039's, spaced
    ['CHEN Ming', 'LIU Yang-yang', 'OUYANG Li']
    >>> split_author_list("王芳/李强")   # CSSCI's
    ['王芳', '李强']
    >>> split_author_list("홍길동(Hong, Gil-Dong), 김철수(Kim, Chul-Soo)")   # RISS's: a comma in a name's bracket
    ['홍길동(Hong, Gil-Dong)', '김철수(Kim, Chul-Soo)']
    """
    text = text.strip().strip(";；,，")
    if not text:
        return []
    if is_cjk_name(text):
        # "戴维·A. 帕特森；约翰·L. 亨尼斯": with explicit separators, spaces are inside names.
        if _CJK_LIST_SEPARATORS.search(text):
            return [p for p in _CJK_LIST_SEPARATORS.split(text) if p]
        return _paired_characters([p for p in _CJK_SEPARATORS.split(text) if p])
    if re.search(r"[;；]", text):
        return [p for p in _LATIN_SEPARATORS.split(text) if p]
    if _CAPS_FIRST_LIST.fullmatch(text):  # Wanfang's "Author：CHEN Ming LIU Yang ZHAO Li"
        return _CAPS_FIRST_NAME.findall(text)
    parts = [p.strip() for p in re.split(rf"\s*,\s*{_OUTSIDE_BRACKETS}|\s+and\s+|\s*&\s*", text) if p.strip()]
    if len(parts) >= 2 and len(parts) % 2 == 0 and all(len(p.split()) == 1 for p in parts[0::2]) \
            and not all(len(p.split()) == 1 for p in parts):
        # Inverted names: "Family, Given, Family, Given".
        return [f"{parts[i]}, {parts[i + 1]}" for i in range(0, len(parts), 2)]
    return parts


# Names in pinyin, family name in capitals (GB/T 28039), with spaces only between them.
_CAPS_FIRST_NAME = re.compile(r"[A-Z]{2,} [A-Z][a-z]+(?:-[a-z]+)?")
_CAPS_FIRST_LIST = re.compile(rf"{_CAPS_FIRST_NAME.pattern}(?: {_CAPS_FIRST_NAME.pattern})+")


def _paired_characters(names: list[str]) -> list[str]:
    """Two-character names that a site printed with a space inside ("王 强 李 四" is 王强
    and 李四): only when every piece is one Han character and they pair up, since no
    Chinese author's name is one character."""
    if len(names) % 2 or not all(len(n) == 1 and is_han(n) for n in names):
        return names
    return [names[i] + names[i + 1] for i in range(0, len(names), 2)]


# Marks a Chinese page prints right after an author's name: the numbers of the author's
# affiliations ("王建国1,2", "李四²", "赵明<sup>1-3</sup>"; VIP's in brackets, "陈晓燕[1]" or
# "陈晓燕 [1]"; after a space before the list's mark or the next name, "杨帆 1，吴强 2", Wanfang's
# "陈思远 1 黄丽华 1,2") and a star (or #) for the corresponding author or an equal contribution
# ("王建国*").  Not part of the name.
_MARK_DIGIT = "0-9０-９¹²³⁰⁴-⁹"
_MARK_NUMBERS = rf"[{_MARK_DIGIT}]{{1,2}}(?:\s*[,，、\-–]\s*[{_MARK_DIGIT}]{{1,2}})*"
_NAME_MARKS = re.compile(
    rf"(?<=[{HAN}])(?:<sup>)?[*＊#]?(?:(?P<numbers>{_MARK_NUMBERS})|\s*[\[［](?P<bracketed>{_MARK_NUMBERS})[\]］]"
    rf"|\s(?P<spaced>{_MARK_NUMBERS})(?=[*＊#]?\s*(?:[;；,，、]|$)|[*＊#]?\s+[{HAN}]{{2}}))?[*＊#]?(?:</sup>)?"
    rf"(?=[\s;；,，、]|$)")
# The same marks after a name in pinyin (Wanfang's "Author：CHEN Siyuan1 HUANG Lihua1,2", or spaced), read
# only on a list of such names (_CAPS_FIRST_LIST).
_PINYIN_MARKS = re.compile(rf"(?<=[a-z]) ?(?:<sup>)?[*＊#]?(?:{_MARK_NUMBERS})[*＊#]?(?:</sup>)?(?=[\s;；,，]|$)")
# "1.北京大学医学部，北京 100191；2.清华大学": an affiliation line numbered for the marks.
_AFFILIATION_NUMBER = re.compile(rf"(?:^|(?<=[;；]))\s*[(（\[]?(?P<number>[{_MARK_DIGIT}]{{1,2}})[)）\]]?[.．、]?\s*")
# A bracket after a name that holds an institution ("王建国(北京大学)"), not a role (主编) or a note.
INSTITUTION = re.compile(r"大学|大學|学院|學院|医院|醫院|科学院|科學院|中心|公司|学校|學校|集团|集團|"
                          r"实验室|實驗室|委员会|委員會|[院所部局厅廳站馆館社厂廠系处處室]$")
# A person's name: two to four Han characters, or a transliteration's parts with "·" between.
_NAME_AND_AFFILIATION = re.compile(rf"([{HAN}]{{2,4}}|[{HAN}]+(?:·[{HAN}]+)+)\s*[(（]([^()（）]+)[)）]")


def mark_number(digits: str) -> int:
    """A number written in ASCII, full-width or superscript digits ("1", "１", "¹")."""
    return int("".join(str(unicodedata.digit(c)) for c in digits))


def _mark_numbers(numbers: str) -> list[int]:
    """The affiliation numbers of a mark: "1,2" is 1 and 2, "1-3" is 1, 2 and 3."""
    out: list[int] = []
    for part in re.split(r"\s*[,，、]\s*", numbers):
        ends = [mark_number(end) for end in re.split(r"\s*[-–]\s*", part)]
        out += list(range(ends[0], ends[-1] + 1))
    return out


def numbered_affiliations(text: str) -> dict[int, str] | None:
    """The affiliations of a line that numbers them 1, 2, … (the numbers an author line
    marks its names with), or None for any other line.

    >>> numbered_affiliations("1.北京大学医学部，北京 100191；2.清华大学，北京 100084")
    {1: '北京大学医学部，北京 100191', 2: '清华大学，北京 100084'}
    >>> numbered_affiliations("北京大学医学部，北京 100191") is None
    True
    """
    starts = list(_AFFILIATION_NUMBER.finditer(text))
    numbers = [mark_number(m.group("number")) for m in starts]
    if not starts or starts[0].start() != 0 or numbers != list(range(1, len(starts) + 1)):
        return None
    ends = [m.start() for m in starts[1:]] + [len(text)]
    places = [text[m.end():end].strip().rstrip(";；") for m, end in zip(starts, ends)]
    return dict(zip(numbers, places)) if all(places) else None


# A CNKI author line copied without its spaces, the names set apart by their marks alone
# ("王建国1,2李娜1张伟2"): two names or more, each of two to four characters and marked.
_GLUED_MARK = re.compile(rf"(?<=[{HAN}])[*＊#]?[{_MARK_DIGIT}]{{1,2}}(?:[,，][{_MARK_DIGIT}]{{1,2}})*[*＊#]?(?=[{HAN}])")
_GLUED_MARKED_NAMES = re.compile(rf"(?:[{HAN}]{{2,4}}[*＊#]?[{_MARK_DIGIT}]{{1,2}}(?:[,，][{_MARK_DIGIT}]{{1,2}})*[*＊#]?){{2,}}")


def resolve_name_marks(line: str, affiliation: str | None = None) -> str:
    """A Chinese author line without the marks after its names; when ``affiliation`` numbers
    the institutions and every name is marked with numbers it has, each name is followed by
    its own institutions in brackets instead, as pages also print them (parse_name reads them).

    >>> resolve_name_marks("王建国1,2 李四2 欧阳娜娜1*")
    '王建国 李四 欧阳娜娜'
    >>> resolve_name_marks("王建国1,2，李四2", "1.北京大学医学部；2.清华大学")
    '王建国(北京大学医学部；清华大学)，李四(清华大学)'
    >>> resolve_name_marks("陈晓燕 [1] 刘洋 [2]", "[1]首都医科大学；[2]北京大学"), resolve_name_marks("杨帆 1，吴强 2*")
    ('陈晓燕(首都医科大学) 刘洋(北京大学)', '杨帆，吴强')
    >>> resolve_name_marks("第 1 章 绪论"), resolve_name_marks("第 1，2 章")
    ('第 1 章 绪论', '第 1，2 章')
    >>> resolve_name_marks("陈思远 1 黄丽华 1,2 周建平 2", "1.广州中医药大学；2.暨南大学")
    '陈思远(广州中医药大学) 黄丽华(广州中医药大学；暨南大学) 周建平(暨南大学)'
    >>> resolve_name_marks("CHEN Siyuan1 HUANG Lihua1,2 ZHOU Jianping2*", "1.广州中医药大学；2.暨南大学")
    'CHEN Siyuan HUANG Lihua ZHOU Jianping'
    >>> resolve_name_marks("王建国1,2李娜1张伟2", "1.北京大学；2.清华大学")   # (CNKI's, copied without spaces)
    '王建国(北京大学；清华大学) 李娜(北京大学) 张伟(清华大学)'
    """
    if _GLUED_MARKED_NAMES.fullmatch(line.strip()):  # the marks alone set the names apart: a space after each
        line = _GLUED_MARK.sub(r"\g<0> ", line.strip())
    unmarked = _PINYIN_MARKS.sub("", line)
    if unmarked != line and _CAPS_FIRST_LIST.fullmatch(unmarked.strip()):
        return unmarked
    marks = [m for m in _NAME_MARKS.finditer(line) if m.group()]
    every_name = len(split_author_list(_NAME_MARKS.sub("", line))) == len(marks)
    if not every_name:  # a number after a space marks names only when each has one ("第 1 章" stays)
        marks = [m for m in marks if not m.group("spaced")]
    if not marks:
        return line
    numbered = numbered_affiliations(affiliation) if affiliation else None
    placed = bool(numbered) and every_name and all(INSTITUTION.search(p) for p in numbered.values()) and all(
        _numbers(m) and set(_mark_numbers(_numbers(m))) <= numbered.keys() for m in marks)

    def replace(m: re.Match) -> str:
        if m.group("spaced") and not every_name:
            return m.group()
        if not (placed and m.group()):
            return ""
        return "(" + "；".join(numbered[n] for n in _mark_numbers(_numbers(m))) + ")"
    return _NAME_MARKS.sub(replace, line)


def _numbers(mark: re.Match) -> str | None:
    """The numbers of a name's mark, as written ("1,2"), however set off: None for a star alone."""
    return mark.group("numbers") or mark.group("bracketed") or mark.group("spaced")


# One name as PubMed and Scopus abbreviate it: family name(s), then initials ("Kaplan BS",
# "Golde T. E.", "Lui H.-K.").
_INITIALS = r"(?:[A-Z]{1,3}|[A-Z]\.(?:[ -]?[A-Z]\.){0,3})"
_SUFFIX = re.compile(r"(?:Jr|Sr|II|III|IV)\.?|[2-9](?:nd|rd|th)")
_ABBREVIATED = re.compile(rf"[^\W\d_][\w'’-]*(?: [^\W\d_][\w'’-]*)* (?!{_SUFFIX.pattern}$){_INITIALS}")
# The same with a suffix after the initials, as PubMed writes it ("Smith JA Jr", "Grams R 2nd").
_ABBREVIATED_SUFFIXED = re.compile(rf"{_ABBREVIATED.pattern}(?: (?:{_SUFFIX.pattern}))?")
# Words of ORG_WORDS that are also family names, when written "Press, Larry".
_SURNAME_INVERTED = re.compile(r"(?:Press|Bank), [A-Z][a-z'’-]+(?: [A-Z][\w'’.-]*)?")
# A group's name inverted as if its last word were a family name (an exporter's doing).
_GROUP_INVERTED = re.compile(r"([A-Z]?[a-z]+), ([A-Z][^,]*)")
# A Chinese name alone: Han characters (two or more, "·" between the parts of a transliteration).
_HAN_NAME = re.compile(f"[{HAN}][{HAN}·]+")
# A Chinese name written "Family, Given", as reference managers store it ("崔, 勋", "欧阳, 修").
_HAN_INVERTED = re.compile(f"([{HAN}]{{1,2}}), ?([{HAN}]{{1,2}})")
# The same with a space for the comma, as BibTeX and RIS exports write it ("王 建国", "欧阳 修文";
# "王 建 国", a space after each character): a surname of one character, or of two that is one
# (欧阳), then the given name.  "李四 王五" is two names.
_HAN_SPACED = re.compile(f"([{HAN}]{{1,2}}) ([{HAN}] ?[{HAN}]?)")
# A Japanese name written "Family, Given" or "Family Given" (CiNii's and J-STAGE's "山田, 太郎",
# "佐々木 はな"): kept so, a Japanese family name being of one character to three or more.
_JA_CHAR = f"[{HAN}{KANA}々〆]"
_JA_SPLIT = re.compile(f"({_JA_CHAR}{{1,3}})(?:, ?| )({_JA_CHAR}{{1,4}})")
# A name in its own script with its romanised form in brackets (RISS and KCI's "홍길동(Hong, Gil-Dong)",
# "김철수 ( Kim Chul-Soo )"; "王建国(Wang Jianguo)"): the author, and the name in Latin letters.
_ROMANISED = re.compile(rf"([{HAN}{KANA}{HANGUL}々〆·]+(?: [{HAN}{KANA}{HANGUL}々〆]+)?)\s*[(（]\s*"
                        rf"([{LATIN}][{LATIN}'’.\- ]*(?:, ?[{LATIN}][{LATIN}'’.\- ]*)?)"
                        rf"\s*[)）]")
# "Crum.C.P.", "Ghelardi.A.": a family name and its initials with no space or comma.
_PERIOD_JOINED = re.compile(r"([A-Z][a-z'’-]+)\.((?:[A-Z]\.)+)")


def _words(name: str) -> int:
    """Words of a name, initials not counted: more than six is an organisation's name, but
    ``van de Kar, N. C. A. J.`` is a person's."""
    return sum(1 for w in name.split() if not re.fullmatch(r"[A-Z]\.?", w))


# A family name in capitals, first, then the given name or initials, as GB/T 28039 writes a
# Chinese name and Chinese journals write their authors in English ("WANG Jian-guo", "ZHANG S",
# "OUYANG Xiu"; also "DUPONT Jean"), and PubMed's older records write any family name, of
# several words too ("DE LUCA S", "COLMEIRO-LAFORET C", "O'BRIEN J").
_CAPS_WORD = r"(?:[A-Z]['’])?[A-Z]{2,}"
_CAPS_FAMILY = re.compile(rf"{_CAPS_WORD}(?:[ -]{_CAPS_WORD})*")
_CAPS_GIVEN = re.compile(r"(?:[A-Z][a-z]+(?:-[A-Za-z][a-z]*)*|[A-Z]{1,3}|(?:[A-Z]\.-?)+)"
                         r"(?: (?:[A-Z][a-z]+|[A-Z]{1,3}|(?:[A-Z]\.-?)+))*")


def caps_first(name: str) -> tuple[str, str] | None:
    """(family, given) of a name written family name first, in capitals; None for any other.
    A family name of two or three capitals may be initials ("SA Abrams"): it is read first
    only when it and the given name are pinyin ("MA Li", "HU Jun", "LI S").  The family name
    is the fewest words that can be one ("ZHANG WEI LI" is ZHANG; "DE LUCA S" is DE LUCA).

    >>> caps_first("WANG Jian-guo"), caps_first("ZHANG S"), caps_first("DUPONT Jean")
    (('WANG', 'Jian-guo'), ('ZHANG', 'S'), ('DUPONT', 'Jean'))
    >>> caps_first("MA Li"), caps_first("SA Abrams"), caps_first("Wang Jianguo"), caps_first("JONES AB")
    (('MA', 'Li'), None, None, ('JONES', 'AB'))
    >>> caps_first("DE LUCA S"), caps_first("COLMEIRO-LAFORET C"), caps_first("DE LA CRUZ M")
    (('DE LUCA', 'S'), ('COLMEIRO-LAFORET', 'C'), ('DE LA CRUZ', 'M'))
    >>> caps_first("ZHANG WEI LI"), caps_first("WANG JIAN GUO"), caps_first("AB CD EF")
    (('ZHANG', 'WEI LI'), None, None)
    """
    words = name.split(" ")
    for i in range(1, len(words)):
        family, given = " ".join(words[:i]), " ".join(words[i:])
        if _CAPS_FAMILY.fullmatch(family) and _CAPS_GIVEN.fullmatch(given) and _caps_family(family, given):
            return family, given
    return None


def _caps_family(family: str, given: str) -> bool:
    """Whether a word or words in capitals before ``given`` read as a family name."""
    if not re.search(r"[ '’-]", family):  # one word: "MENA F", "ZHANG S"
        pinyin = is_pinyin_surname(family.lower())
        return len(family) > 3 or (pinyin and all(_pinyin_word(w) for w in re.split(r"[\s-]+", given.replace(".", ""))))
    words = family.split(" ")
    named = [w for w in words if not _particle(w)]
    # Each word but a particle (DE, VAN, ST) is a name of three letters or more: two capitals
    # may be initials ("AB CD EF"), and Burmese names have short words ("THINN SU TIN").
    if not named or any(len(w) < 3 for w in named):
        return False
    # Pinyin words in capitals are a Chinese name, family name and given name ("WANG JIAN GUO").
    return len(named) < len(words) or len(words) == 1 or not all(is_pinyin_surname(w.lower()) for w in words)


def _particle(word: str) -> bool:
    """A particle of a family name, in any case and with or without its period ("ST", "St.")."""
    return word.lower() in PARTICLES or f"{word.lower()}." in PARTICLES


def _pinyin_word(word: str) -> bool:
    """A word of a given name in pinyin (one or two syllables, as a surname may be), or
    initials (JG)."""
    return word.isupper() or is_pinyin_surname(word.lower())


# Family and given name glued in one word, as some exports write them ("GotzJurgen").
_GLUED = re.compile(r"([A-Z][a-z]+)([A-Z][a-z]+)")


def abbreviated(name: str) -> bool:
    """True for one name as PubMed abbreviates it: family name(s), then initials.

    >>> abbreviated("Gattineni J"), abbreviated("Golde T. E."), abbreviated("Ben Walton")
    (True, True, False)
    """
    return bool(_ABBREVIATED.fullmatch(name))


def split_author_field(text: str, listed: bool = False) -> list[str]:
    """The names in one author field (a RIS ``AU`` line), which holds one name, except in
    exports that put the whole list there; ``listed``: a field that always holds the list (a
    CSV's Authors column), where two abbreviated names are two, not one inverted name.

    >>> split_author_field("Rosoff, Heather Beth")
    ['Rosoff, Heather Beth']
    >>> split_author_field("Zheng, H.; Li, D.")
    ['Zheng, H.', 'Li, D.']
    >>> split_author_field("Kaplan BS, Meyers KE, Schulman SL")
    ['Kaplan BS', 'Meyers KE', 'Schulman SL']
    >>> split_author_field("Karpman D, Tati R")   # two parts: one inverted name, as RIS has it
    ['Karpman D, Tati R']
    >>> split_author_field("Servais, A, Provot F, Rostaing L")
    ['Servais A', 'Provot F', 'Rostaing L']
    >>> split_author_field("GotzJurgen, MatamalesMiriam, IttnerLars")
    ['Gotz, Jurgen', 'Matamales, Miriam', 'Ittner, Lars']
    >>> split_author_field("Housel, Thomas J.and Rodgers, Waymond")
    ['Housel, Thomas J.', 'Rodgers, Waymond']
    >>> split_author_field("Wong, I, Sut")
    ['Wong, I, Sut']
    >>> split_author_field("Smith J., Lee K."), split_author_field("Smith J., Lee K.", listed=True)
    (['Smith J., Lee K.'], ['Smith J.', 'Lee K.'])
    >>> split_author_field("颜宏,石德成,尹尚军,赵伟")   # NoteExpress: a Chinese list in one {Author} line
    ['颜宏', '石德成', '尹尚军', '赵伟']
    >>> split_author_field("张三,李四", listed=True), split_author_field("欧阳, 修文", listed=True)
    (['张三', '李四'], ['欧阳, 修文'])
    >>> split_author_field("Smith, J., van Dyk, K. L.", listed=True)   # Scopus: each name inverted
    ['Smith, J.', 'van Dyk, K. L.']
    >>> split_author_field("van der Berg J, Smith JA Jr, Doe M")   # a suffix stays with its person
    ['van der Berg J', 'Smith JA Jr', 'Doe M']
    >>> split_author_field("Kaplan BS, Meyers KE, Doe M; COVID-19 Genomics UK (COG-UK) Consortium")
    ['Kaplan BS', 'Meyers KE', 'Doe M', 'COVID-19 Genomics UK (COG-UK) Consortium']
    >>> split_author_field("홍길동(Hong, Gil-Dong)"), split_author_field("홍길동(Hong, Gil-Dong), 김철수(Kim, Chul-Soo)")
    (['홍길동(Hong, Gil-Dong)'], ['홍길동(Hong, Gil-Dong)', '김철수(Kim, Chul-Soo)'])
    """
    text = text.strip()
    named = [p.strip() for p in re.split(rf",{_OUTSIDE_BRACKETS}", text)]
    if len(named) > 1 and all(_ROMANISED.fullmatch(p) for p in named):   # "홍길동(Hong, Gil-Dong), 김철수(Kim, Chul-Soo)"
        return named
    if ";" in text or "；" in text:
        # each part read as a field of its own: PubMed's "Kaplan BS, Meyers KE, Doe M; Consortium"
        return [name for p in _LATIN_SEPARATORS.split(text) if p for name in split_author_field(p, listed)]
    chinese = re.split(r"\s*[,，、]\s*", text)
    # Chinese names of two characters or more: from three on a list; two, in a field that is
    # always the list, two names (Wanfang's "张三,李四"), unless the first is a two-character
    # surname ("欧阳, 修文"; a one-character one, "崔, 勋", is no name alone)
    if all(_HAN_NAME.fullmatch(p) for p in chinese) and (
            len(chinese) >= 3 or listed and len(chinese) == 2 and chinese[0] not in COMPOUND_SURNAMES):
        return chinese
    rotated = _rotated_list(text)
    if rotated:
        return rotated
    pair = re.split(r"(?<=\.)and\s+|\s+and\s+", text)
    if len(pair) > 1 and all(p.count(",") == 1 for p in pair):
        return [p.strip() for p in pair]
    # Two parts are one inverted name ("Family, Given"), as RIS has it ("McDonald, DeAnne",
    # "Karpman D, Tati R" are alike): only three or more are a list.
    parts = [p.strip() for p in text.split(",")]
    if listed and len(parts) == 2 and all(_ABBREVIATED_SUFFIXED.fullmatch(p) for p in parts):
        return parts
    if listed and len(parts) >= 4 and len(parts) % 2 == 0 and _inverted_pairs(parts):
        return [f"{family}, {given}" for family, given in zip(parts[::2], parts[1::2])]
    if len(parts) == 2 and all(caps_first(p) for p in parts):   # "WANG Jian-guo, ZHANG San": two names
        return parts
    # "Wang Wu, Zhao Liu" (Wanfang): whole names in pinyin.  Two parts are so in a field that is
    # always the list only: an AU line's one name may be inverted so ("Sun Yin, Hao Hua")
    if (listed or len(parts) >= 3) and all(_pinyin_name(p) for p in parts):
        return parts
    if len(parts) < 3 or not all(parts):
        return [text]
    if all(_GLUED.fullmatch(p) for p in parts):
        return [", ".join(_GLUED.fullmatch(p).groups()) for p in parts]
    if " " not in parts[0] and re.fullmatch(_INITIALS, parts[1]) and not _SUFFIX.fullmatch(parts[1]):
        parts = [f"{parts[0]} {parts[1]}"] + parts[2:]  # "Servais, A, Provot F": the first name inverted
    if all(_ABBREVIATED_SUFFIXED.fullmatch(p) or caps_first(p) for p in parts):
        return parts
    return [text]


def _pinyin_name(name: str) -> bool:
    """Whether a name is a Chinese name in pinyin, whole: two or three syllables in two or three
    words, family name first or last ("Wang Wu", "Jianguo Wang", "ZHANG Jian-guo", "Lyu Wei").
    The parts of an inverted name are seldom so: "Wang" is a family name alone, "Jianguo" a
    given name alone ("Wang, Jianguo"); "John Smith" is no pinyin.

    >>> _pinyin_name("Wang Wu"), _pinyin_name("Jianguo Wang"), _pinyin_name("ZHANG Jian-guo")
    (True, True, True)
    >>> _pinyin_name("Wang"), _pinyin_name("John Smith"), _pinyin_name("Wang J"), _pinyin_name("John A.")
    (False, False, False, False)
    """
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(re.fullmatch(r"[A-Z](?:[a-zü]+|[A-Z]+)(?:-[A-Za-zü][a-zü]*)?", w)
                                           for w in words):
        return False
    spelled = [compared_word(u_for_v(w.replace("-", "").lower().replace("ü", "u"))) for w in words]
    # each word one syllable or two (Jianguo, Ouyang), the name three at most
    return all(is_pinyin_surname(w) for w in spelled) and sum(1 if w in SYLLABLES else 2 for w in spelled) <= 3


# A word of a name in pinyin as written uninverted: a capital, then small letters ("Jianguo",
# "Xiao-yan", "Lü"); a word in capitals is caps_first's.
_PINYIN_WORD = re.compile(r"[A-Z][a-zü]+(?:-[A-Za-zü][a-zü]*)?")


def _pinyin_order(name: str) -> tuple[str | None, bool]:
    """How a Chinese name in pinyin of two words without a comma reads by itself: "family"
    first or "given" first (None: either), and whether that is sure.  Sure: one word has two
    syllables and no surname has (a given name: "Wang Jianguo", "Xiao-yan Chen"); likely: one
    word is a common surname and the other none ("Zhang Min", "Dan Zhou"); "Li Wei" reads
    both ways.  ("", False) for any other name."""
    words = name.split()
    if len(words) != 2 or not all(_PINYIN_WORD.fullmatch(w) for w in words) or not _pinyin_name(name):
        return "", False
    spelled = [compared_word(u_for_v(w.replace("-", "").lower().replace("ü", "u"))) for w in words]
    given_only = [w not in SYLLABLES and not common_surname(w) for w in spelled]
    if given_only[0] != given_only[1]:
        return ("given" if given_only[0] else "family"), True
    if any(given_only):
        return None, False
    common = [common_surname(w) for w in spelled]
    return ("family" if common[0] else "given") if common[0] != common[1] else None, False


def family_first(names: list[str], chinese_source: bool) -> list[bool | None]:
    """Which names of one record, each written without a comma, are Chinese names in pinyin
    written family name first (True), given name first (False), or no such name (None).  A name
    that says its order by itself is read so, surely (a given name of two syllables: "Wang
    Jianguo", "Jianguo Wang") or likely (one common surname: "Zhang Min", "Dan Zhou"); one that
    reads both ways ("Li Wei") as the record's names that say theirs surely do, all alike
    ("Chenyu Chu; Yang Wan" is Wan's), else as those that say it likely do ("Li Wei; Zhang Min"),
    else as the source writes them: a Chinese database's page and a Chinese
    record family name first, others (RIS, BibTeX: ``Last, First`` or ``First Last``) given name first.

    >>> family_first(["Li Wei", "Zhang Min", "Chen Hong"], False)
    [True, True, True]
    >>> family_first(["Chenyu Chu", "Li Liu", "Yang Wan", "Yi Jin"], False)
    [False, False, False, False]
    >>> family_first(["Li Wei", "John Smith"], False), family_first(["Li Wei", "Saxena Prateek"], True)
    ([False, None], [True, None])
    >>> family_first(["Jia Yaoqi", "Wei Li"], False), family_first(["Wang Jianguo", "Dan Zhou", "Li Wei"], True)
    ([True, True], [True, False, True])
    """
    orders = [_pinyin_order(n.strip()) for n in names]
    sure = {order for order, certain in orders if certain}
    likely = {order for order, certain in orders if order and not certain}
    agreed = sure if len(sure) == 1 else likely if not sure and len(likely) == 1 else {"family" if chinese_source else "given"}
    record = agreed.pop() == "family"
    return [None if order == "" else record if order is None else order == "family" for order, _ in orders]


def _inverted_pairs(parts: list[str]) -> bool:
    """Whether the parts of a list, two by two, are a family name and its initials ("Smith",
    "J.", "Jones", "K."), as Scopus writes every name inverted in one cell."""
    return all(re.fullmatch(_INITIALS, given) and not re.fullmatch(_INITIALS, family)
               and not _SUFFIX.fullmatch(given) and len(family.split()) <= 3
               for family, given in zip(parts[::2], parts[1::2]))


_INITIAL = re.compile(r"[A-Z]\.(?:-[A-Z]\.)?")


def _rotated_list(text: str) -> list[str] | None:
    """The names of a whole list that an export read as one inverted name, its last word
    moved to the front as the family name (Scopus lists, through some reference managers):
    "L., Buchanan A. H. Rahm A. K. Williams J." is Buchanan A. H., Rahm A. K., Williams J. L.;
    "Wagner, Lamb B. T. … Holtz G." ends with Wagner, whose initials the export lost.  None
    for a name that is only inverted ("Smith, John A.", "Rosoff, Heather Beth"); a family
    name in front takes three or more names after it.

    >>> _rotated_list("L., Buchanan A. H. Rahm A. K. Williams J.")
    ['Buchanan A. H.', 'Rahm A. K.', 'Williams J. L.']
    >>> _rotated_list("K., DiChiara T.DiNunno N.Viola")
    ['DiChiara T.', 'DiNunno N.', 'Viola K.']
    >>> _rotated_list("M., Mijaylova Nacheva P. Juárez Herrera"), _rotated_list("B., Puplampu B.")
    (['Mijaylova Nacheva P.', 'Juárez Herrera M.'], ['Puplampu B. B.'])
    >>> _rotated_list("Smith, John A."), _rotated_list("Wang, K. L."), _rotated_list("Mohammad, Hasan A. Qurban H.")
    (None, None, None)
    """
    if text[1:3] != ".," and text.count(".") < 3:  # neither form can be (most names: no regex run)
        return None
    m = re.fullmatch(r"(?P<last>[A-Z]\.|[^\W\d_][\w'’-]+), (?P<rest>.+)", text)
    if not m:
        return None
    words = re.sub(r"\.(?=[^\W\d_])", ". ", m.group("rest")).split()
    units: list[list[str]] = [[]]
    for word in words:  # family words, then initials; a family word after initials starts a name
        if not _INITIAL.fullmatch(word) and units[-1] and _INITIAL.fullmatch(units[-1][-1]):
            units.append([])
        units[-1].append(word)
    named = [bool(_INITIAL.fullmatch(u[-1])) and not _INITIAL.fullmatch(u[0]) for u in units]
    names = [" ".join(u) for u in units]
    if _INITIAL.fullmatch(m.group("last")):  # "B., Puplampu B.": no family name is an initial
        if all(named[:-1]) and not _INITIAL.fullmatch(units[-1][0]):
            return names[:-1] + [f"{names[-1]} {m.group('last')}"]
    elif len(units) >= 3 and all(named):  # "Mohammad, Hasan A. Qurban H." is one name
        return names + [m.group("last")]
    return None


_HANGUL_NAME = re.compile(f"[{HANGUL}]+(?: [{HANGUL}]+)?")


def _literal_lang(name: str) -> str:
    """The language of a name kept whole as written (BibTeX's ``{…}``, CSL's ``literal``): its
    script's, a name in hangul Korean, one with kana Japanese (so that our readers pair such names
    with their romanised forms, as a Chinese name with its pinyin), else Chinese or English.

    >>> [_literal_lang(n) for n in ("홍길동", "スズキ ハナコ", "王建国", "World Health Organization")]
    ['ko', 'ja', 'zh', 'en']
    """
    if re.search(f"[{HANGUL}]", name):
        return "ko"
    if re.search(f"[{KANA}]", name):
        return "ja"
    return "zh" if is_cjk_name(name) else "en"


def parse_name(name: str, cjk: str = "zh") -> dict[str, str]:
    """One author as a contract object; ``cjk``: the language of a name in Han characters (the
    record's: Chinese, unless the record is Japanese).  A name in Cyrillic is Russian by its
    script, as one in hangul is Korean (a Ukrainian record's: ``pipeline.decide_language``);
    one in Latin letters is ``en`` whatever its language (the exports' and ``alt``'s form).

    >>> parse_name("Иванов, Иван Иванович"), parse_name("Müller, Hans")
    ({'family': 'Иванов', 'given': 'Иван Иванович', 'lang': 'ru'}, {'family': 'Müller', 'given': 'Hans', 'lang': 'en'})
    """
    person = _read_name(name, cjk)
    if person.get("lang") == "en" and _CYRILLIC.search(person.get("literal") or person.get("family") or ""):
        person["lang"] = "ru"
    return person


_CYRILLIC = re.compile(f"[{CYRILLIC}]")


def _read_name(name: str, cjk: str) -> dict[str, str]:
    """:func:`parse_name`'s reading of a name, a name in any script but CJK and hangul ``en``.

    >>> parse_name("Maria Goretti Pessoa de Araujo Burgos")
    {'family': 'de Araujo Burgos', 'given': 'Maria Goretti Pessoa', 'lang': 'en'}
    >>> parse_name("郑敏麟"), parse_name("崔, 勋")
    ({'literal': '郑敏麟', 'lang': 'zh'}, {'literal': '崔勋', 'lang': 'zh'})
    >>> parse_name("王 建国"), parse_name("欧阳 修文"), parse_name("李四 王五")
    ({'literal': '王建国', 'lang': 'zh'}, {'literal': '欧阳修文', 'lang': 'zh'}, {'literal': '李四 王五', 'lang': 'zh'})

    A Japanese name keeps the family and given name its record gives (nothing tells them
    apart later: 山田太郎 and 長谷川健 have family names of two and three characters).

    >>> parse_name("山田, 太郎", "ja"), parse_name("長谷川 健", "ja"), parse_name("加地範匡", "ja")
    ({'family': '山田', 'given': '太郎', 'lang': 'ja'}, {'family': '長谷川', 'given': '健', 'lang': 'ja'}, {'literal': '加地範匡', 'lang': 'zh'})
    >>> parse_name("이종호")
    {'literal': '이종호', 'lang': 'ko'}
    >>> parse_name("Rosoff, Heather Beth")
    {'family': 'Rosoff', 'given': 'Heather Beth', 'lang': 'en'}
    >>> parse_name("{Chinese Society of Dermatology;}")
    {'literal': 'Chinese Society of Dermatology', 'lang': 'en'}
    >>> parse_name("Grams R 2nd"), parse_name("King ML Jr")
    ({'family': 'Grams', 'given': 'R, 2nd', 'lang': 'en'}, {'family': 'King', 'given': 'ML, Jr', 'lang': 'en'})
    >>> parse_name("Wright Jr., T C"), parse_name("van, Hamont D"), parse_name("Press, Larry")
    ({'family': 'Wright', 'given': 'T C, Jr.', 'lang': 'en'}, {'family': 'van Hamont', 'given': 'D', 'lang': 'en'}, {'family': 'Press', 'given': 'Larry', 'lang': 'en'})
    >>> parse_name("van de Kar, N. C. A. J."), parse_name("Crum.C.P."), parse_name("Solimando,, Jr.")
    ({'family': 'van de Kar', 'given': 'N. C. A. J.', 'lang': 'en'}, {'family': 'Crum', 'given': 'C.P.', 'lang': 'en'}, {'family': 'Solimando', 'given': 'Jr.', 'lang': 'en'})
    >>> parse_name("Das, P. P."), parse_name("Du, Anna Ye"), parse_name("Group, ALTS")
    ({'family': 'Das', 'given': 'P. P.', 'lang': 'en'}, {'family': 'Du', 'given': 'Anna Ye', 'lang': 'en'}, {'literal': 'ALTS Group', 'lang': 'en'})
    >>> parse_name("-ALTS-Study-group"), parse_name("Society, American Cancer")
    ({'literal': 'ALTS Study group', 'lang': 'en'}, {'literal': 'American Cancer Society', 'lang': 'en'})
    >>> parse_name("王建国(北京大学)"), parse_name("张三(主编)")
    ({'literal': '王建国', 'lang': 'zh', 'affiliation': '北京大学'}, {'literal': '张三(主编)', 'lang': 'zh'})
    >>> parse_name("阿依古丽·买买提"), parse_name("Ayiguli·Maimaiti")
    ({'literal': '阿依古丽·买买提', 'lang': 'zh'}, {'family': 'Maimaiti', 'given': 'Ayiguli', 'lang': 'en'})
    """
    name = re.sub(r",\s*,", ",", re.sub(r"\s+", " ", name)).strip()  # "Solimando,, Jr.": a given name lost
    if name.startswith("{") and name.endswith("}"):  # BibTeX's protected name: an organisation
        inner = name[1:-1].strip().rstrip(";；,， ")  # "{… Integrative Medicine;}" (Zotero's BibTeX)
        return {"literal": inner, "lang": _literal_lang(inner)}
    split = _JA_SPLIT.fullmatch(name) if cjk == "ja" else None
    if split:  # "山田, 太郎", "山田 太郎": family and given name, as the record gives them
        return {"family": split.group(1), "given": split.group(2), "lang": "ja"}
    inverted = _HAN_INVERTED.fullmatch(name)
    if inverted:  # "崔, 勋": one name, written in its order
        return {"literal": inverted.group(1) + inverted.group(2), "lang": "zh"}
    spaced = _HAN_SPACED.fullmatch(name)
    if spaced and (len(spaced.group(1)) == 1 or spaced.group(1).translate(simplified_table()) in COMPOUND_SURNAMES):
        # "王 建国": one name, as "王, 建国" is (author:王建国 finds it)
        return {"literal": spaced.group(1) + spaced.group(2).replace(" ", ""), "lang": "zh"}
    romanised = _romanised(name, cjk)
    if romanised:
        return romanised
    placed = _NAME_AND_AFFILIATION.fullmatch(name)
    if placed and INSTITUTION.search(placed.group(2)) and not INSTITUTION.search(placed.group(1)):
        # "王建国(北京大学)": the name, then its affiliation
        return {"literal": placed.group(1), "lang": "zh", "affiliation": placed.group(2).strip()}
    if is_cjk_name(name):
        return {"literal": name, "lang": "zh"}
    if _HANGUL_NAME.fullmatch(name):  # 이종호: a Korean name, kept whole as Chinese names are
        return {"literal": name, "lang": "ko"}
    if name.startswith("-") and "-" in name[1:]:  # "-ALTS-Study-group": a group, hyphens for its spaces
        return {"literal": " ".join(w for w in name.split("-") if w), "lang": "en"}
    if (ORG_WORDS.search(name) and not _SURNAME_INVERTED.fullmatch(name)) or _words(name) > 6:
        m = _GROUP_INVERTED.fullmatch(name)  # "Group, ALTS", "Society, American Cancer": inverted as a person's
        inverted = m and any(ORG_WORDS.fullmatch(w) for w in (m.group(1).capitalize(), m.group(1).capitalize()[:-1]))
        return {"literal": f"{m.group(2)} {m.group(1)}" if inverted else name, "lang": "en"}
    m = _PERIOD_JOINED.fullmatch(name)
    if m:  # "Crum.C.P.": family name and initials joined by periods
        return {"family": m.group(1), "given": m.group(2), "lang": "en"}
    m = re.fullmatch(rf"(.*[ ,].*?),? ({_SUFFIX.pattern})", name)
    if m and not ORG_WORDS.search(m.group(1)):  # "Grams R 2nd", "Smith, John Jr": given "R, 2nd", "John, Jr"
        person = parse_name(m.group(1).rstrip(", "))
        if person.get("given"):
            return {**person, "given": f"{person['given']}, {m.group(2)}"}
    if "," in name:
        family, _, given = (part.strip() for part in name.partition(","))
        suffix, _, rest = given.partition(", ")
        if _SUFFIX.fullmatch(suffix) and rest:  # "Lucas, Jr., Henry C.": given "Henry C., Jr."
            given = f"{rest}, {suffix}"
        m = re.fullmatch(rf"(.+) ({_SUFFIX.pattern})", family)
        if m and given:  # "Wright Jr., T C": given "T C, Jr."
            family, given = m.group(1), f"{given}, {m.group(2)}"
        m = re.fullmatch(rf"([A-Z][a-z'’-]+) ({_INITIALS})", given)
        if family.lower() in PARTICLES and m:  # "van, Hamont D", "Di, Bonito L": the comma is misplaced
            family, given = f"{family} {m.group(1)}", m.group(2)
        return {"family": family, "given": given, "lang": "en"}
    first = caps_first(name)
    if first:  # "WANG Jian-guo" (GB/T 28039), "ZHANG S": family name first, in capitals
        return {"family": first[0], "given": first[1], "lang": "en"}
    m = re.fullmatch(rf"(.+?) ({_INITIALS})", name)
    if m and not m.group(1).isupper():  # "Smith JA" (PubMed style): family name, then initials
        return {"family": m.group(1), "given": m.group(2), "lang": "en"}
    parts = NAME_DOT.split(name)
    if len(parts) > 1 and all(p.isalpha() for p in parts):  # "Ayiguli·Maimaiti" (阿依古丽·买买提): given, family
        return {"family": parts[-1], "given": " ".join(parts[:-1]), "lang": "en"}
    words = name.split(" ")
    if len(words) == 1:
        return {"family": words[0], "given": "", "lang": "en"}
    i = len(words) - 1
    for j in range(1, len(words) - 1):
        if words[j].lower() in PARTICLES:  # "de Araujo Burgos", "van der Wall"
            i = j
            break
    return {"family": " ".join(words[i:]), "given": " ".join(words[:i]), "lang": "en"}


# Words in brackets after a name that say a role, a degree or a place in short, not the name in
# Latin letters (an organisation's words are ORG_WORDS; a suffix, _SUFFIX).
_NOT_A_NAME = re.compile(r"\b(?:authors?|corresponding|editors?|chief|eds?|univ|hosp|inst|dept|college|school|lab|"
                         r"phd|md|prof|professor)\b", re.IGNORECASE)


def _romanised(name: str, cjk: str) -> dict | None:
    """A name in hangul, Han characters or kana with its romanised form in brackets, as
    Korean and Chinese databases list authors ("홍길동(Hong, Gil-Dong)", "李明 ( Li Ming )"):
    the name in its script, read as such a name alone is, with the romanised form its
    ``alt``.  Written uninverted, the romanised name has the family name first, as the
    name beside it does, unless its first word is the hyphenated given name
    ("Gil-Dong Hong").  None for any other bracket (an affiliation, a role, a group).

    >>> _romanised("홍길동(Hong, Gil-Dong)", "zh")
    {'literal': '홍길동', 'lang': 'ko', 'alt': {'family': 'Hong', 'given': 'Gil-Dong', 'lang': 'en'}}
    >>> _romanised("王建国(Wang Jianguo)", "zh")
    {'literal': '王建国', 'lang': 'zh', 'alt': {'family': 'Wang', 'given': 'Jianguo', 'lang': 'en'}}
    >>> _romanised("김철수 (Chul-Soo Kim)", "zh")["alt"]
    {'family': 'Kim', 'given': 'Chul-Soo', 'lang': 'en'}
    >>> _romanised("王建国(Peking University)", "zh"), _romanised("张三(ed.)", "zh"), _romanised("王建国", "zh")
    (None, None, None)

    A Chinese name's Latin form is its pinyin, in either order, or none of it:

    >>> _romanised("王芳(Fang Wang)", "zh")["alt"]
    {'family': 'Wang', 'given': 'Fang', 'lang': 'en'}
    >>> _romanised("王五(Corresponding Author)", "zh"), _romanised("李四(Tsinghua Univ)", "zh"), _romanised("张伟(Zhang Wei Jr)", "zh")
    (None, None, None)
    """
    m = _ROMANISED.fullmatch(name)
    if not m:
        return None
    latin = " ".join(m.group(2).split())
    words = [w for w in re.split(r"[\s,]+", latin) if w]
    if len(words) < 2 or not all(w[0].isupper() for w in words) or ORG_WORDS.search(latin) \
            or _NOT_A_NAME.search(latin) or any(_SUFFIX.fullmatch(w) for w in words):
        return None   # ("(Corresponding Author)", "(Tsinghua Univ)", "(Editor In Chief)", "(Zhang Wei Jr)")
    own = parse_name(m.group(1), cjk)
    if "literal" not in own and "family" not in own or own.get("lang") == "en":
        return None
    if own.get("lang") == "zh" and own.get("literal"):   # its pinyin, in either order, or no name of it
        from ..pinyin import compared_pinyin

        family, given = compared_pinyin(own["literal"])
        folded = [compared_word(w.replace("-", "").lower()) for w in words]
        if sorted(folded) != sorted([family, "".join(given)]):
            spelt = wade_giles_form(latin, family, given)
            return {**own, "alt": spelt} if spelt else None
        family_word, given_word = words if folded[0] == family else words[::-1]
        return {**own, "alt": {"family": family_word, "given": given_word, "lang": "en"}}
    if "," in latin or caps_first(latin) or len(words) != 2:
        alt = parse_name(latin)
    else:
        first, second = words
        if "-" in first and "-" not in second:   # "Gil-Dong Hong": the given name first
            first, second = second, first
        alt = {"family": first, "given": second, "lang": "en"}
    return {**own, "alt": alt}


def wade_giles_form(latin: str, family: str, given: list[str]) -> dict | None:
    """A Chinese name's romanised form that is not its pinyin but spells its syllables in
    Wade-Giles, as Taiwanese authors sign (陳建國 ``Chen, Chien-Kuo``, ``Chien-Kuo Chen``): family
    name first unless inverted or the hyphenated given name comes first, a syllable a character;
    None for any other words (a place, ``(Hong Kong)``).

    >>> wade_giles_form("Chen, Chien-Kuo", "chen", ["jian", "guo"]), wade_giles_form("Hong Kong", "zhang", ["san"])
    ({'family': 'Chen', 'given': 'Chien-Kuo', 'lang': 'en'}, None)
    """
    if "," in latin:
        family_word, _, given_word = (p.strip() for p in latin.partition(","))
    else:
        words = latin.split()
        if len(words) != 2:
            return None
        family_word, given_word = words[::-1] if "-" in words[0] and "-" not in words[1] else words
    parts = [p for p in re.split(r"[-\s]+", given_word) if p]
    if len(parts) != len(given) or family not in spelt_readings(family_word) \
            or any(s not in spelt_readings(p) for p, s in zip(parts, given)):
        return None
    return {"family": family_word, "given": given_word, "lang": "en"}


def whole_name(author: dict) -> str:
    """An author's name as one text when it is written in CJK characters: the name kept
    whole, or a Japanese name's family and given name as it is written (山田 + 太郎: 山田太郎);
    an organisation's name kept whole too; '' for a name in Latin letters split in two."""
    if author.get("literal"):
        return author["literal"]
    family = author.get("family") or ""
    return family + (author.get("given") or "") if re.match(_JA_CHAR, family) else ""


def text_name(text: str) -> dict:
    """An editor or translator kept as text, as a name: ``Family, Given`` (not Chinese) as
    family and given, else literal (one name whole, without its braces, or as written).

    >>> text_name("Bo, Anna"), text_name("{World Health Organization}"), text_name("王夫之")
    ({'family': 'Bo', 'given': 'Anna'}, {'literal': 'World Health Organization'}, {'literal': '王夫之'})
    """
    whole = text[1:-1].strip() if text.startswith("{") and text.endswith("}") else ""
    family, sep, given = text.partition(", ")
    if sep and not whole and not re.search(f"[{HAN}]", text):
        return {"family": family, "given": given}
    return {"literal": whole or text}


# Items in another (a chapter in a book, a paper in proceedings): their editors are the host's.
PARTS_OF = ("chapter", "paper-conference")
# what ends a list of editors kept with more (a reference's "王五, 等" read): no name
MORE_NAMES = re.compile(r"et\.?\s*al\.?|等人?", re.I)


def responsible_authors(rec: dict) -> list[dict]:
    """Whom a record is by, as GB/T 7714 lists it: its authors; a whole book, report or map
    without authors is its editors' (``许厚泽, 赵其国, 主编``), read as names.  ``author:`` and
    dedup read a record's names so: an edited book is found by its editors, and pairs with
    a copy that lists them as its authors.  Translators are not whom a work is by.

    >>> responsible_authors({"type": "book", "authors": [], "extra": {"editor": ["许厚泽", "Bo, Anna", "等"]}})
    [{'literal': '许厚泽'}, {'family': 'Bo', 'given': 'Anna'}]
    >>> responsible_authors({"type": "chapter", "authors": [], "extra": {"editor": ["许厚泽"]}})
    []
    """
    authors = rec.get("authors") or []
    if authors or rec.get("type") in PARTS_OF:
        return authors
    return [text_name(e) for e in (rec.get("extra") or {}).get("editor") or []
            if isinstance(e, str) and e.strip() and not MORE_NAMES.fullmatch(e.strip())]


def looks_like_names(line: str) -> bool:
    """True for a bare author line on a page ("A Chen, O Laskar-Levy", "罗豪才 袁曙宏").

    >>> looks_like_names("A Chen, O Laskar-Levy, Y Koch")
    True
    >>> looks_like_names("Effects of Different Reaction Conditions on The Properties")
    False
    >>> looks_like_names("罗豪才 袁曙宏 李文栋")
    True
    >>> looks_like_names("首页 期刊导航 高级检索 登录"), looks_like_names("登录 注册 个人中心")   # a site's menu
    (False, False)
    """
    line = line.strip()
    if not line or re.search(r"[0-9《》:：()（）\[\]?？!！。]", line):
        return False
    names = split_author_list(line)
    if not names or all(n in UI_WORDS or n in UI_MENU_WORDS for n in names):
        return False
    if is_cjk_name(line):
        return all(len(n) <= 8 for n in names) and (len(names) > 1 or len(names[0]) <= 4 or "·" in names[0])
    for n in names:
        words = n.replace(",", " ").split()
        if not 1 <= len(words) <= 6:
            return False
        for w in words:
            if w.lower() in PARTICLES:
                continue
            if not re.fullmatch(r"[A-Z][A-Za-z'’\-]*\.?|[A-Z]{1,3}", w):
                return False
    return not all(len(n.split()) == 1 for n in names) or len(names) > 1
