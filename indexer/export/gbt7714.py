"""GB/T 7714-2015 reference lists, the form Chinese journals and theses require: numeric
(顺序编码制, ``write_gbt7714``) and author-year (著者-出版年制, §9.2,
``write_gbt7714_author_year``: ``作者, 年. 题名[J]. 刊名, 卷(期): 页码.``, no numbers).

Patterns (the standard's §4 and §8; ``[1]`` numbering):

    作者. 题名[J]. 刊名, 年, 卷(期): 起-止页. DOI:….
    作者. 书名[M]. 译者, 译. 版本. 出版地: 出版者, 年: 页码.
    析出作者. 析出题名[M]//编者. 书名: 卷. 出版地: 出版者, 年: 起-止页.
    作者. 题名[C]//会议文集或会议名. 出版地: 出版者, 年: 页码.
    作者. 题名[D]. 保存地: 保存单位, 年.          ([R] [S] [CM] [DS] [A] [Z] likewise;
                                                a report's or standard's number: 题名: 编号[R])
    作者. 题名[N]. 报纸名, 年-月-日(版次).
    责任者. 刊名[J]. 卷期范围. 出版地: 出版者, 年-.   (a periodical as a whole)
    申请者. 专利题名: 专利号[P]. 公告日期.
    责任者. 题名[EB/OL]. (发布日期)[引用日期]. 网址.

An item with a URL gets ``/OL`` in its marker, ``[引用日期]`` when the access date is known,
and the URL.  Authors (or, for a whole book without authors, its editors): up to three,
then ``, 等`` for a Chinese item or ``, et al.`` for any other, decided per item by the
script of the title it is written with; a Western name is the family name in capitals and
the initials without dots (``KINCHY A``; a suffix after them, ``PEEBLES P Z, Jr``), a Chinese
name or an organisation is kept whole, in a Chinese item after the nationality or dynasty the
list read marked before it (``[美]德鲁克 P F``, ``（清）纪昀``, :func:`marked`).  An online report,
standard, archive or other item without a publisher is dated by its day,
``[R/OL]. (2012-01-16)[2013-03-26]``.
``--lang both`` writes a bilingual record twice, the Chinese form then the English one on
the next line.
"""
from __future__ import annotations

import re
import unicodedata
from typing import TextIO

from ..fields.authors import MORE_NAMES, PARTS_OF
from ..fields.biblio import PAGE_DASHES
from ..pinyin import SYLLABLES, dotted_parts, read_in_pinyin, reading, written
from ..readers.gbt7714 import AUTHOR_ROLES, DYNASTIES, WRITTEN_ROLES
from .common import (alt_in, article_number, declared_languages, doi_after_link, extra, has_han, in_lang, journal_title, letters, main_lang, name_in, name_suffix,
                     plain, run_together_initials, text_name, unbracketed, university, written_date,
                     written_whole)
from .tagged import own_number

MARKERS = {"article-journal": "J", "article-magazine": "J", "review": "J", "periodical": "J", "book": "M",
           "chapter": "M", "paper-conference": "C", "thesis": "D", "report": "R", "article-newspaper": "N",
           "patent": "P", "standard": "S", "webpage": "EB", "post": "EB", "post-weblog": "EB",
           "dataset": "DS", "software": "CP", "map": "CM",
           # letters, manuscripts and pamphlets cited from an archive's holdings: 档案
           "manuscript": "A", "personal_communication": "A", "pamphlet": "A"}
MAX_AUTHORS = 3
# Entries in a reference work (CNKI's 年鉴 articles: 高等教育[Z]//中国教育年鉴): the work is their
# host, as a chapter's book is; without it the reference names no source at all.
ENTRIES = ("entry", "entry-encyclopedia", "entry-dictionary")
_INITIAL_SPLIT = re.compile(r"[\s.]+")
# Korean family names as romanised, less those that are Chinese surnames' pinyin too (Han,
# Song, Ma …): their hyphened given names keep the hyphen (KIM M-J, not KIM M J).
KOREAN_SURNAMES = frozenset("""kim lee park choi jung chung cho yoon jang lim oh seo suh shin kwon hwang ahn yoo
jeon chon ko moon son bae baek paik heo hur sim shim noh roh kwak sung joo woo koo ryu chae won hyun byun yeom yeo
choo seok seon sul yeon pyo myung ki ok yook maeng je tak kook""".split())
# A title's closing full stop (PubMed's and Web of Science's titles end in one): not before
# its type marker (``dogs[J]``, not ``dogs.[J]``); an abbreviation's stays (``the U.S.``).
_CLOSING_STOP = re.compile(r"(?<![A-Z]\.[A-Z])[.。]\s*$")


def western_name(family: str, given: str) -> str:
    """``KINCHY A``, ``SMITH J A``, ``DUPONT J-P``: family name in capitals, initials; a
    generational suffix after a comma, without its dot (the standard's ``PEEBLES P Z, Jr.``
    and ``SODEMAN W A, Jr, SODEMAN W A``: the dot is the list's own full stop).

    >>> western_name("Park", "Jung-ran"), western_name("Burkle", "FM, Jr"), western_name("Peebles", "Peyton Z., Jr.")
    ('PARK J-R', 'BURKLE F M, Jr', 'PEEBLES P Z, Jr')
    >>> western_name("SALA", "NL"), western_name("ZHANG", "YU"), western_name("GROSVENOR", "CE")
    ('SALA N L', 'ZHANG Y', 'GROSVENOR C E')
    >>> western_name("WANG", "Jian-guo"), western_name("Hsu", "Pei-Yu"), western_name("Kim", "Min-Ji")
    ('WANG J G', 'HSU P Y', 'KIM M-J')
    """
    initials = []
    given, suffix = name_suffix(given.strip())
    if run_together_initials(family, given):
        given = " ".join(given)
    for part in _INITIAL_SPLIT.split(given):
        if not part:
            continue
        pieces = [p for p in part.split("-") if p]
        # Syllables of a Chinese given name each give an initial (GB/T 28039: ``WANG J G``,
        # Wade-Giles ``HSU P Y`` alike); other hyphened names keep it (``DUPONT J-P``, a
        # Korean ``KIM M-J``).
        syllables = all(p.lower() in SYLLABLES for p in pieces) and family.lower() not in KOREAN_SURNAMES
        initials.append((" " if syllables else "-").join(p[:1].upper() for p in pieces))
    name = " ".join([family.upper()] + initials).strip()
    return f"{name}, {suffix.rstrip('.')}" if suffix else name


def pinyin_name(name: str) -> str:
    """A Chinese personal name in an English item: ``王跃`` → ``WANG Yue``; a surname as
    surnames read (``曾国藩`` → ``ZENG Guofan``, ``欧阳修`` → ``OUYANG Xiu``).  ü as GB/T
    28039 writes it (pypinyin writes v): YU in the surname's capitals (§6.2: 吕伟 → ``LYU
    Wei``, as on a passport), ü in the given name (王绿 → ``WANG Lü``).  A name written by
    sound, its parts as words, the last the family name (阿依古丽·买买提 → ``MAIMAITI
    Ayiguli``)."""
    family, *given = reading(name, person=True) or [""]
    words = given if dotted_parts(name) else ["".join(given)]   # 阿依古丽·买买提: MAIMAITI Ayiguli
    return " ".join([written(family, capitals=True), *(written(w).capitalize() for w in words if w)])


# A short name that is an organisation's, not a person's: the ministries, bureaus and councils
# that write policy documents and statistics (教育部, 国务院, 新华社), news sites (人民网), a
# hospital or a university (北京医院).  Read as a person they became "JIAO Yubu".  Named one by
# one: a given name may end as an organisation does (徐建委, 李建部), and a three-character name
# may hold 学院 or 中心 (王学院); a name of four characters with such a word is an organisation.
_SHORT_ORGANISATIONS = frozenset(
    "教育部 财政部 卫生部 商务部 外交部 公安部 民政部 司法部 国防部 交通部 农业部 文化部 科技部 工信部 人社部 "
    "住建部 水利部 審計部 国务院 國務院 司法院 行政院 立法院 监察院 監察院 考试院 考試院 审计署 海关总署 统计局 "
    "中科院 社科院 工程院 卫健委 衛健委 发改委 教委 全国人大 中共中央 新华社 新華社 中新社 人民网 新华网 新華網 "
    "光明网 央视网 中国网 中国科协 中國科協 中华医学会 中華醫學會".split())
_ORGANISATION_WORDS = re.compile(r"大学|大學|学院|學院|医院|醫院|公司|集团|集團|实验室|實驗室|委员会|委員會|中心")


def _organisation(literal: str) -> bool:
    """Whether a short name kept whole is an organisation's (:data:`_SHORT_ORGANISATIONS`)."""
    return literal in _SHORT_ORGANISATIONS or len(literal) >= 4 and bool(_ORGANISATION_WORDS.search(literal))


def romanised_person(literal: str) -> bool:
    """Whether a name kept whole is read by :func:`pinyin_name`: two to four characters,
    Chinese among them, not an organisation's name, or a name written by sound (阿依古丽·买买提).

    >>> [romanised_person(n) for n in ("张可佳", "欧阳修", "徐建委", "李建部", "王学院", "教育部", "国务院", "人民网",
    ...                                 "北京医院")]
    [True, True, True, True, True, False, False, False, False]
    """
    return 2 <= len(literal) <= 4 and has_han(literal) and not _organisation(literal) \
        or bool(dotted_parts(literal))


def gbt_name(a: dict | str, zh: bool = True) -> str:
    """A name as the item's language writes it (``zh``: a Chinese item): the author's own
    name in it when the record has it (``alt``, :func:`~indexer.export.common.name_in`),
    else a Chinese name in pinyin in an English item.  Editors and translators are kept as
    text: ``Family, Given``, or ``{Name}`` for one name whole.

    >>> org = {"literal": "中华医学会皮肤性病学分会儿童学组", "lang": "zh",
    ...        "alt": {"literal": "Group on Children, Chinese Society of Dermatology", "lang": "en"}}
    >>> gbt_name(org, zh=False), gbt_name({"literal": "张可佳", "lang": "zh"}, zh=False)
    ('Group on Children, Chinese Society of Dermatology', 'ZHANG Kejia')
    >>> gbt_name({"family": "山田", "given": "太郎", "lang": "ja"}, zh=False)   # no pinyin for a Japanese name
    '山田太郎'
    """
    if isinstance(a, str):
        return gbt_name(text_name(a), zh)
    chinese = _chinese_person(a) if not zh else ""
    if chinese:   # a merged pair's "Wang, Jianguo" with 王建国: as the Chinese record writes it
        return pinyin_name(chinese)
    a = name_in(a, "zh" if zh else "en")
    if a.get("literal"):
        literal = plain(a["literal"])
        person = a.get("lang") == "zh" and romanised_person(literal)
        return pinyin_name(literal) if person and not zh else literal
    family, given = plain(a.get("family", "")), plain(a.get("given", ""))
    if written_whole(family):
        return family + given if zh or not read_in_pinyin(a) else pinyin_name(family + given)
    return western_name(family, given)


def _chinese_person(a: dict) -> str:
    """The Chinese name (``alt``) of an author written in pinyin, whole, as the name in characters
    reads (``Wang, Jianguo`` with 王建国, as ``dedup --apply`` keeps a pair's authors): GB/T 28039
    writes that person ``WANG Jianguo`` in an English item, as it does 王建国 itself, the given name
    not cut to ``J``, which drops a character (§8.1.2: one initial a character when cut).  '' for
    any other author (initials, ``Wang, J``; Wade-Giles, ``Chen, Chien-Kuo`` with 陳建國).

    >>> _chinese_person({"family": "Wang", "given": "Jianguo", "lang": "en", "alt": {"literal": "王建国", "lang": "zh"}})
    '王建国'
    >>> _chinese_person({"family": "Wang", "given": "J", "lang": "en", "alt": {"literal": "王建国", "lang": "zh"}})
    ''
    """
    alt = alt_in(a, "zh")
    literal = plain(alt.get("literal") or "")
    if a.get("literal") or alt.get("lang") != "zh" or not romanised_person(literal):
        return ""
    spelt = [re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", t).casefold())
             for t in (a.get("family", "") + a.get("given", ""), pinyin_name(literal))]
    return literal if spelt[0] == spelt[1] else ""


# What follows the names a list shows when there are more: a Chinese item's, any other's.
ET_AL = {True: "等", False: "et al."}


def shown_names(names: list[str], zh: bool, more: bool = False) -> list[str]:
    """The names a list shows, one by one: up to three, then ``等`` (Chinese item) or
    ``et al.`` (also after fewer when the record says its list is incomplete: ``more``).

    >>> shown_names(["张三", "李四", "王五", "赵六"], zh=True), shown_names(["Smith J"], zh=False, more=True)
    (['张三', '李四', '王五', '等'], ['Smith J', 'et al.'])
    """
    if len(names) > MAX_AUTHORS or (more and names):
        return names[:MAX_AUTHORS] + [ET_AL[zh]]
    return list(names)


def author_list(names: list[str], zh: bool, more: bool = False) -> str:
    """Up to three names, then ``, 等`` (Chinese item) or ``, et al.`` (also after fewer
    when the record says its list is incomplete: ``more``).

    >>> author_list(["张三", "李四", "王五", "赵六"], zh=True), author_list(["Smith J"], zh=False, more=True)
    ('张三, 李四, 王五, 等', 'Smith J, et al.')
    """
    return ", ".join(shown_names(names, zh, more))


def _people(rec: dict, role: str, zh: bool) -> tuple[list[str], bool]:
    """(the editors or translators, as the item writes them; whether the list has more: its
    "et al." is written 等 or et al. as the item's language, not as a name).

    >>> _people({"extra": {"editor": ["李华", "et al."]}}, "editor", True)
    (['李华'], True)
    """
    named = _named(rec, role)
    return [gbt_name(n, zh) for n in named], len(named) < len((rec.get("extra") or {}).get(role, []))


def _named(rec: dict, role: str) -> list:
    """The names kept under ``extra[role]``, without the 等 / et al. that says the list has more."""
    return [n for n in (rec.get("extra") or {}).get(role, [])
            if not (isinstance(n, str) and MORE_NAMES.fullmatch(n.strip()))]


def named_authors(rec: dict, zh: bool) -> list[dict]:
    """The authors as an item in English names them: a translated book's Chinese transliterations
    of Western names (扬奎斯特, 萨金特) by the names the record gives them in English
    (``extra.translated_author``, a CSL ``original-author``: ``Ljungqvist, Lars``), one for each,
    in their order, not by a pinyin made up of the transliteration (YANG Kuisite); those that are
    the authors' pinyin are their ``alt`` already (the readers pair them), so the names left are
    another's.  Else, and in a Chinese item, the authors as given.

    >>> rec = {"authors": [{"literal": "萨金特", "lang": "zh"}], "extra": {"translated_author": ["Sargent, Thomas J."]}}
    >>> named_authors(rec, False), named_authors(rec, True)
    ([{'family': 'Sargent', 'given': 'Thomas J.'}], [{'literal': '萨金特', 'lang': 'zh'}])
    """
    authors = rec.get("authors") or []
    translated = [text_name(n) for n in (rec.get("extra") or {}).get("translated_author", []) if isinstance(n, str)]
    chinese = all(a.get("lang") == "zh" and a.get("literal") and not alt_in(a, "en") for a in authors)
    if zh or not authors or len(translated) != len(authors) or not chinese \
            or not all(n.get("family") and not has_han(n["family"]) for n in translated):
        return authors
    return translated


def responsible_names(rec: dict, zh: bool) -> list[str]:
    """The authors as a list shows them, one by one (:func:`shown_names`, :func:`named_authors`); a
    whole book, report or map without authors is its editors'; a patent without inventors its
    applicant's (专利申请者或所有者, ``extra.assignee``: ``Acme Corp. Widget[P]. 2020.``).

    >>> responsible_names({"type": "patent", "extra": {"assignee": ["Acme Corp"]}}, False)
    ['Acme Corp']
    """
    names = [gbt_name(a, zh) for a in named_authors(rec, zh)]
    applicants, more = _people(rec, "assignee", zh) if rec.get("type") == "patent" else ([], False)
    if not names and applicants:
        return shown_names(applicants, zh, more)
    if not names and rec.get("type") not in PARTS_OF and not extra_roles(rec, "editor_roles"):   # (after the title)
        editors, more = _people(rec, "editor", zh)
        return shown_names(editors, zh, more)
    return shown_names(names, zh, bool((rec.get("extra") or {}).get("authors_truncated")))


def marked(rec: dict, names: list[str], zh: bool) -> list[str]:
    """``names`` in a Chinese item with the nationality or dynasty the record keeps before each
    (``extra.author_nationality``, by the name as the reader read it: ``{"德鲁克 P F": "美"}``),
    as Chinese lists mark them and journals ask for: a nationality in square brackets, a dynasty
    in full-width round ones (``[美]德鲁克 P F``, ``（清）纪昀``), however the list read had them
    bracketed, so that one list writes them one way.  An English item's names have none.

    >>> rec = {"extra": {"author_nationality": {"德鲁克 P F": "美", "纪昀": "清", "SMITH J": "美"}}}
    >>> marked(rec, ["德鲁克 P F", "纪昀", "SMITH J", "等"], True), marked(rec, ["SMITH J"], False)
    (['[美]德鲁克 P F', '（清）纪昀', '[美]SMITH J', '等'], ['SMITH J'])
    """
    marks = (rec.get("extra") or {}).get("author_nationality")
    if not zh or not isinstance(marks, dict):
        return names
    key = lambda name: re.sub(r"[\s.,，]", "", str(name)).casefold()   # "SMITH J." is SMITH J
    by_name = {key(n): m for n, m in marks.items() if isinstance(m, str) and m}
    return [(f"（{by_name[key(n)]}）" if by_name[key(n)] in DYNASTIES else f"[{by_name[key(n)]}]") + n
            if key(n) in by_name else n for n in names]


def responsible(rec: dict, zh: bool) -> str:
    """The authors; a whole book, report or map without authors is its editors'; each with
    the nationality or dynasty marked before it (:func:`marked`), and in a Chinese item the role
    word the reader kept after it (:func:`with_roles`)."""
    names = responsible_names(rec, zh)
    return with_roles(rec, names, marked(rec, names, zh), zh)


def with_roles(rec: dict, names: list[str], shown: list[str], zh: bool) -> str:
    """``shown`` (``names`` as written) joined, each author's role word from ``extra.author_roles``
    (the reader's :data:`~indexer.readers.gbt7714.AUTHOR_ROLES`: 撰, 集解, 编著 …, not a byline's
    记者) after its name: glued to a name alone (``, 编`` apart, as the reader reads 编 and 著),
    ``, 编著`` after a run of names that share it.

    >>> rec = {"extra": {"author_roles": {"司马迁": "撰", "裴骃": "集解", "许厚泽": "编著", "赵其国": "编著"}}}
    >>> with_roles(rec, ["司马迁", "裴骃"], ["（汉）司马迁", "裴骃"], True)
    '（汉）司马迁撰, 裴骃集解'
    >>> with_roles(rec, ["许厚泽", "赵其国"], ["许厚泽", "赵其国"], True), with_roles(rec, ["裴骃"], ["PEI Yin"], False)
    ('许厚泽, 赵其国, 编著', 'PEI Yin')
    """
    roles = (rec.get("extra") or {}).get("author_roles")
    if not zh or not isinstance(roles, dict):
        return ", ".join(shown)
    words = [roles.get(n) if roles.get(n) in AUTHOR_ROLES else None for n in names]
    out = []
    for i, text in enumerate(shown):
        word = words[i]
        shared = word and ((i and words[i - 1] == word) or (i + 1 < len(words) and words[i + 1] == word))
        glued = word and (len(word) > 1 or word in "撰注疏辑")   # (the reader's: 编, 著 apart from a name)
        out.append((text + word if glued else f"{text}, {word}") if word and not shared else text)
        if shared and not (i + 1 < len(words) and words[i + 1] == word):
            out.append(word)   # after the last of the run
    return ", ".join(out)


def chinese_item(title: str, lang: str) -> bool:
    """Whether an item is written as a Chinese one (等, 佚名, Chinese names): by its title's
    script; an item without a title by its language (CNKI lists records with none).

    >>> chinese_item("", "zh"), chinese_item("A title", "zh"), chinese_item("", "en")
    (True, False, False)
    """
    return has_han(title) if title.strip() else lang == "zh"


def listed_names(rec: dict, lang: str | None = None) -> list[str]:
    """The names the author-year system lists a record under (§9.2), one by one, as its line
    begins with them in ``lang`` (else the record's language): up to three authors (a whole
    book's editors when it has none), then ``等``/``et al.``; ``佚名``/``Anon`` for none.
    :func:`indexer.export.common.ordered` orders by them (``--sort author``).

    >>> listed_names({"title": {"zh": "题名"}, "authors": [{"literal": "张三"}, {"literal": "李四"}]})
    ['张三', '李四']
    >>> listed_names({"title": {"en": "A title"}, "authors": []})
    ['Anon']
    """
    lang = main_lang(rec, lang)
    zh = chinese_item(plain(in_lang(rec, "title", lang)), lang)
    return responsible_names(rec, zh) or [("佚名" if zh else "Anon")]


def cited_name(a: dict | str, zh: bool = True) -> str:
    """The name a citation in the text shows of a person (§10.2.1: the family name, ``SMITH``,
    ``ZHANG`` in pinyin; a name in Chinese characters, which its family name alone does not tell,
    whole, ``王建国``, as an organisation is), in the item's language as :func:`gbt_name` writes it.

    >>> cited_name({"family": "Smith", "given": "J A"}), cited_name({"literal": "张可佳", "lang": "zh"}, zh=False)
    ('SMITH', 'ZHANG')
    >>> cited_name({"literal": "王建国", "lang": "zh"}), cited_name({"literal": "United Nations"}, zh=False)
    ('王建国', 'United Nations')
    """
    if isinstance(a, str):
        return cited_name(text_name(a), zh)
    a = name_in(a, "zh" if zh else "en")
    family = plain(a.get("family", ""))
    if a.get("literal") or written_whole(family):
        written = gbt_name(a, zh)
        return written.split()[0] if not has_han(written) and written != plain(a.get("literal", "")) else written
    return family.upper()


def cited_names(rec: dict, lang: str | None = None) -> tuple[str, bool]:
    """What the author-year system's citation in the text shows of the names (§10.2: the first
    author's, :func:`cited_name`, then 等/et al. for more than one): ``(that name, whether others
    follow)``.  Two items of one year cited alike are told apart by 2021a, 2021b, so the letters
    are keyed on this, not on the names listed (王建国, 李明 and 王建国, 赵六 are both ``王建国 等,
    2021``; SMITH J and SMITH A both ``SMITH, 2021``).

    >>> cited_names({"title": {"zh": "题名"}, "authors": [{"literal": "王建国"}, {"literal": "李明"}]})
    ('王建国', True)
    >>> cited_names({"title": {"en": "A title"}, "authors": [{"family": "Smith", "given": "A"}]})
    ('SMITH', False)
    """
    lang = main_lang(rec, lang)
    zh = chinese_item(plain(in_lang(rec, "title", lang)), lang)
    names = listed_names(rec, lang)
    people = named_authors(rec, zh)
    # a patent's applicant, else a whole book's editors (as responsible_names)
    for role in ("assignee", "editor") if rec.get("type") == "patent" else ("editor",):
        if not people and rec.get("type") not in PARTS_OF:
            people = _named(rec, role)
    return (cited_name(people[0], zh) if people else names[0]), len(names) > 1


def marker(rec: dict) -> str:
    kind = rec.get("type") or ""
    code = MARKERS.get(kind, "Z")
    if kind == "book" and re.search(r"论文集|会议录|proceedings", in_lang(rec, "title", main_lang(rec)) +
                                    " ".join(str(n) for n in (rec.get("extra") or {}).get("notes", [])), re.I):
        code = "C"
    return code


_CHINESE_NUMERALS = {c: n for n, c in enumerate("一二三四五六七八九十", 1)}
# A numbered edition as sources write it: 第2版, 第二版, 2版; 2nd, 2nd ed., 2nd edition; and the
# words that qualify it after the number (第2版修订版, 2nd rev. ed., 3rd revised edition, 2nd ed., rev.)
_NUMBERED_EDITION = re.compile(r"第?\s*(\d+|[一二三四五六七八九十])\s*版(?P<zh_words>.*)"
                               r"|(\d+)\s*(?:st|nd|rd|th)\b\.?(?P<words>(?:[\s,]+[a-z]+\b\.?)*)", re.IGNORECASE)
# an edition in German, numbered as German numbers it: 2. Aufl., 2., überarb. Aufl.
_GERMAN_EDITION = re.compile(r"(\d+)\.,?\s.*\bAufl(?:age|\.)?", re.IGNORECASE)
# English words of an edition statement as ISO 832 abbreviates them (GB/T 7714's "5th ed", "Rev. ed")
_EDITION_WORDS = {"ed": "ed.", "ed.": "ed.", "edn": "ed.", "edn.": "ed.", "edition": "ed.",
                  "rev": "rev.", "revised": "rev.", "enl": "enl.", "enlarged": "enl."}


def _edition_words(words: str) -> str:
    """The words after an edition's number, abbreviated as the standard does and ending in ``ed``
    unless the source put them after it (``rev. ed``, ``ed., rev``).

    >>> _edition_words(" revised edition"), _edition_words(" ed., rev."), _edition_words(""), _edition_words(" Edition")
    ('rev. ed', 'ed., rev', 'ed', 'ed')
    """
    written = [_EDITION_WORDS.get(w.rstrip(",").lower(), w.rstrip(",")) + w[len(w.rstrip(",")):] for w in words.split()]
    if not any(w.rstrip(",") == "ed." for w in written):
        written.append("ed.")
    return " ".join(written).rstrip(".")


def _numbered_english(ordinal: str, words: str) -> str:
    """An English edition's number and its words: the source's comma right after the number
    stays there (``4th, fully rev. and updated ed``), no space put before it.
    """
    return re.sub(r"\s+(?=[,;:])", "", f"{ordinal} {_edition_words(words)}")


def edition(text: str, zh: bool) -> str:
    """An edition as the standard writes it (§8.3): ``2版``, ``4th ed``, the number in Arabic
    figures whether a source wrote ``第2版``, ``第二版`` or ``2nd edition``; the first not at
    all (第1版不著录, ``1. Aufl.``); words as given, without a separator the source left after them
    (``1st,``); words that qualify a numbered edition after its number (``2nd rev. ed``,
    ``2版修订版``), an English one's abbreviated as the standard does.

    >>> edition("2", True), edition("第2版", True), edition("第二版", True), edition("2nd edition", False)
    ('2版', '2版', '2版', '2nd ed')
    >>> edition("4", False), edition("Rev. ed.", False), edition("新1版", True), edition("1st,", False)
    ('4th ed', 'Rev. ed.', '新1版', '')
    >>> edition("2nd rev. ed.", False), edition("3rd revised edition", True), edition("第2版修订版", True)
    ('2nd rev. ed', '3rd rev. ed', '2版修订版')
    >>> edition("2. Aufl.", False), edition("1. Aufl.", False)
    ('2. Aufl', '')
    >>> edition("4th, fully revised and updated edition", False)
    '4th, fully rev. and updated ed'
    """
    text = re.sub(r"[\s,，;；:：、]+$", "", text.strip())
    german = _GERMAN_EDITION.fullmatch(text)
    if german:
        return "" if german[1] == "1" else text.rstrip(".")
    numbered = _NUMBERED_EDITION.fullmatch(text)
    words = ""
    if numbered:
        number = numbered[1] or numbered[3]
        text = str(_CHINESE_NUMERALS.get(number) or int(number))
        words = numbered["zh_words"] or numbered["words"] or ""
        zh = False if numbered[1] is None else zh or bool(words)   # 2nd ed in a Chinese line too, 2版修订版 in any
    if text == "1" and (_edition_words(words) == "ed" if numbered and numbered[3] else not words):
        return ""
    if not text.isdigit():
        return text
    if zh:
        return f"{text}版{words.strip()}"
    n = int(text)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return _numbered_english(f"{n}{suffix}", words)


def year_text(rec: dict) -> str:
    """The year as the item writes it: ``1865（清同治四年）``, a run ``1957-1990`` or ``1984-``."""
    year, issued = str(rec.get("year") or ""), extra(rec, "issued")
    if year and issued.startswith(year) and not re.fullmatch(r"[\d-]+", issued):
        return issued.replace("/", "-")
    return year


_FULL_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


def full_date(rec: dict) -> str:
    """The date a newspaper, patent or web page is cited by: ``2019-01-09`` from the date
    the record gives (``2019/1/9``, ``2019年1月9日``) when it is of its year, else the year.

    >>> full_date({"year": 2019, "extra": {"date": ["2019/1/9"]}}), full_date({"year": 2019})
    ('2019-01-09', '2019')
    """
    if extra(rec, "issued"):
        return extra(rec, "issued")
    year = str(rec.get("year") or "")
    for written in (rec.get("extra") or {}).get("date", []):
        m = _FULL_DATE.search(written)
        if m and year in ("", m.group(1)):
            return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    return year


def online(rec: dict, code: str) -> bool:
    """Whether an item is cited as an online one (``[M/OL]``, its URL, ``[引用日期]``): one
    with a URL, or read on a date by its DOI alone (CNKI's ``[J/OL].刊名:1-10[2022-11-13].DOI:…``).

    >>> online({"doi": "10.1/x", "extra": {"accessed": ["2022-11-13"]}}, "J"), online({"doi": "10.1/x"}, "J")
    (True, False)
    """
    return bool(rec.get("url")) or code == "EB" or bool(rec.get("doi") and extra(rec, "accessed"))


# Items the standard cites online by their own date, as electronic resources are
# ("(更新或修改日期)[引用日期]"): reports, standards, archives, others; a book, paper or thesis by
# its imprint's year.
DATED_ONLINE = ("R", "S", "A", "Z")


def _dated_online(rec: dict, code: str) -> str:
    """``(2012-01-16)``: the day an online report, standard, archive or other item was
    published or updated (``[R/OL]. (2012-01-16)[2013-03-26]``), when the record knows it;
    not 1 January, which stands for a year alone in the CSL of many exports; else ""."""
    day = full_date(rec) if code in DATED_ONLINE and online(rec, code) else ""
    return f"({day})" if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) and not day.endswith("-01-01") else ""


# What the standard writes for an unknown place and publisher (§8.4.1.3, §8.4.2.3: ``[出版地不详]:
# 三户图书刊行社``, ``哈尔滨: [出版者不详]``), for a Chinese item and any other; both unknown in one
# pair of brackets, as biblatex-gb7714-2015 and the gbt7714 BibTeX styles write them.
SINE_LOCO = {True: "出版地不详", False: "S.l."}
SINE_NOMINE = {True: "出版者不详", False: "s.n."}


def imprint(place: str, publisher: str, zh: bool) -> str:
    """``出版地: 出版者`` of an item that has an imprint (a book, a book's part, a thesis, a
    periodical), the unknown one as the standard writes it.

    >>> imprint("", "Rowman & Littlefield", False), imprint("哈尔滨", "", True), imprint("", "", True)
    ('[S.l.]: Rowman & Littlefield', '哈尔滨: [出版者不详]', '[出版地不详: 出版者不详]')
    """
    if not place and not publisher:
        return f"[{SINE_LOCO[zh]}: {SINE_NOMINE[zh]}]"
    return f"{place or f'[{SINE_LOCO[zh]}]'}: {publisher or f'[{SINE_NOMINE[zh]}]'}"


def has_imprint(rec: dict, code: str, host: bool = False) -> bool:
    """Whether the standard gives the item an imprint it writes as unknown when the record
    lacks it (§4.1-4.3, §8.4): a whole book (or proceedings), a thesis (保存地: 保存单位), a
    periodical as a whole, and a chapter or paper of a ``host`` book, online too (its example
    ``[S.l.]: Rowman & Littlefield, 2011: 13[…]. http://…``).  Not a report or standard
    (biblatex-gb7714-2015 leaves theirs out when unknown), not a paper known only by its
    meeting's name, nor an archive, map, dataset or other item.  An entry of a ``host`` work of
    reference (a yearbook's article, an encyclopedia's) is a part of a book too:
    ``高等教育[Z]//中国教育年鉴. [出版地不详]: 人民教育出版社, 2019: 120-125``."""
    kind = rec.get("type") or ""
    return kind in ("book", "thesis", "periodical") or host and (kind in PARTS_OF and code in ("M", "C")
                                                                 or kind in ENTRIES)


def imprint_in_english(rec: dict, place: str, publisher: str) -> tuple[str, str]:
    """(place, publisher) as a line in English writes a Chinese imprint: by the names the record
    gives them in English (CSL's ``original-publisher`` and ``original-publisher-place``, as the
    standard's bilingual examples carry them: ``Beijing: China Renmin University Press``), else as
    given.

    >>> csl = {"original-publisher": "China Renmin University Press", "original-publisher-place": "Beijing"}
    >>> imprint_in_english({"extra": {"csl": csl}}, "北京", "中国人民大学出版社"), imprint_in_english({}, "北京", "")
    (('Beijing', 'China Renmin University Press'), ('北京', ''))
    """
    csl = (rec.get("extra") or {}).get("csl") or {}
    english = plain(str(csl.get("original-publisher") or "")), plain(str(csl.get("original-publisher-place") or ""))
    if not english[0] or has_han(english[0]):
        return place, publisher
    return (english[1] if english[1] and not has_han(english[1]) else place), english[0]


def unpunctuated(name: str) -> str:
    """A place's or publisher's name without the separator a source left after it (CNKI's
    conference citation, ``复旦大学历史系;,2016``; a list's ``北京:``): the line puts its own.

    >>> unpunctuated("复旦大学历史系;"), unpunctuated("北京 :"), unpunctuated("Wiley & Sons, Inc.")
    ('复旦大学历史系', '北京', 'Wiley & Sons, Inc.')
    """
    return re.sub(r"[\s,，;；:：、/]+$", "", name)


def _publication(rec: dict, pages: str, code: str, lang: str, dated: bool = True, zh: bool | None = None) -> str:
    """``出版地: 出版者, 年: 页码`` with what is known (an archive: its place and name; a
    thesis: ``保存地: 保存单位``, its university); not ``dated``: without the year (the
    author-year system has it after the names).  ``zh`` (a Chinese item or not) when the item
    has an imprint (:func:`has_imprint`): an unknown place or publisher as the standard writes
    it (:func:`imprint`).  A conference paper's place without a publisher is where its meeting
    was held (CNKI's exports give 会议地点 as the place, as the Vancouver export reads it), not
    the place of publication, the publisher's city: unknown.  An online item with neither place nor publisher: its full date,
    ``(2012-01-16)``, in either."""
    place, publisher = (unpunctuated(plain(p)) for p in (extra(rec, "place"), university(rec, lang) or extra(rec, "publisher")))
    if lang != "zh" and has_han(place + publisher):
        place, publisher = imprint_in_english(rec, place, publisher)
    if rec.get("type") == "paper-conference" and not publisher:
        place = ""   # the meeting's (CNKI's 会议地点, its exports' place), not a publisher's city (§8.4.1.1)
    if code == "A" and not publisher:
        place, publisher = extra(rec, "archive-place"), extra(rec, "archive")
    if zh is not None:
        text = imprint(place, publisher, zh)
    else:
        text = f"{place}: {publisher}" if place and publisher else place or publisher
    year = year_text(rec) if dated else ""
    if not text and _dated_online(rec, code):
        year = _dated_online(rec, code)
    if year:
        text = f"{text}, {year}" if text else year
    if pages and text:
        text += f": {pages}"
    return text


# Pages of a discontinuous range as the sources join them (Wanfang's and VIP's ``12-15,20``,
# ``12-15;20``, CNKI's ``12-15+20``), each part a page or a range (``12–15``, ``12~15``).
_PAGE_PART = rf"\d+(?:\s*[{PAGE_DASHES}]\s*\d+)?"
_PAGE_LIST = re.compile(rf"{_PAGE_PART}(?:\s*[,，;；+]\s*{_PAGE_PART})*")


def page_list(pages: str) -> str:
    """Pages as the standard writes them whatever the source wrote: a range with ``-``, the
    parts of a discontinuous one after ``, `` (``2015, 37(1): 1-4, 10``), so that one list
    writes them one way; a value not of page numbers alone (``序2-序3``, ``S1+S2``) as written.

    >>> page_list("12-15,20"), page_list("12–15；20"), page_list("12-15+20+33"), page_list("S1+S2")
    ('12-15, 20', '12-15, 20', '12-15, 20, 33', 'S1+S2')
    """
    pages = pages.strip()
    if not _PAGE_LIST.fullmatch(pages):
        return pages
    parts = re.split(r"\s*[,，;；+]\s*", pages)
    return ", ".join(re.sub(rf"\s*[{PAGE_DASHES}]\s*", "-", p) for p in parts)


def _journal(rec: dict, container: str, dated: bool = True) -> str:
    """``刊名, 年, 卷(期): 页码`` (not ``dated``: ``刊名, 卷(期): 页码``)"""
    year = str(rec.get("year") or "") if dated else ""
    where = ", ".join(p for p in (container, year, rec.get("volume") or "") if p)
    if rec.get("issue"):
        where += f"({rec['issue']})"
    pages = page_list(rec.get("pages") or "") or article_number(rec)   # an article number in their place: 2021, 19: e02132-20
    if pages:  # no journal nor year: the pages alone
        where += f": {pages}" if where else pages
    return where


def _after_marker(rec: dict, code: str, zh: bool, lang: str, dated: bool = True) -> list[str]:
    """What follows ``题名[标识]``, part by part, for the document type (not ``dated``: the
    author-year system's, where the year is after the names)."""
    kind, pages = rec.get("type") or "", page_list(rec.get("pages") or "")
    container = journal_title(rec, lang)
    own = zh if has_imprint(rec, code) else None
    if code == "J" and kind == "periodical":
        return [rec.get("volume") or "", _publication(rec, "", code, lang, dated, own)]
    if code == "J":
        return [_translators(rec, zh), _journal(rec, container, dated)]
    if code == "N":
        day = full_date(rec)
        if not dated and re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):  # 中国青年报, 11-20(15)
            day = day[5:]
        where = ", ".join(p for p in (container, day) if p)
        return [where + (f"({pages})" if pages else "")]
    if code == "P":
        return [full_date(rec)]
    if code == "EB":
        return [f"({full_date(rec)})" if full_date(rec) else ""]
    return [_translators(rec, zh), edition(extra(rec, "edition"), zh),
            _publication(rec, pages, code, lang, dated, own)]


def _translators(rec: dict, zh: bool) -> str:
    """``金吾伦, 胡新和, 译`` (``trans`` in an English item; the role word the record kept,
    ``extra.translator_role``, ``杨伯峻, 译注``, in a Chinese one); then the reviewers, ``王五, 主审``
    (``rev``), a textbook's other responsibility (``extra.reviewer``), in the same place: the
    standard's slot for other responsible parties, after the title.

    >>> _translators({"extra": {"translator": ["杨斌"], "reviewer": ["王五"]}}, True)
    '杨斌, 译. 王五, 主审'
    >>> _translators({"extra": {"translator": ["杨伯峻"], "translator_role": "译注"}}, True)
    '杨伯峻, 译注'
    """
    parts = []
    roles = extra_roles(rec, "editor_roles")   # "王星贤, 点校", "黎靖德, 编": the reader's, by name
    if zh and roles and rec.get("type") not in PARTS_OF:
        named = _named(rec, "editor")
        runs: list[tuple[str, list[str]]] = []
        for name in named:
            word = roles.get(name) or "编"
            if runs and runs[-1][0] == word:
                runs[-1][1].append(name)
            else:
                runs.append((word, [name]))
        for i, (word, names) in enumerate(runs):
            more = i == len(runs) - 1 and len(named) < len((rec.get("extra") or {}).get("editor", []))
            parts.append(f"{author_list(marked(rec, [gbt_name(n, zh) for n in names], zh), zh, more)}, {word}")
    translated = extra(rec, "translator_role") or WRITTEN_ROLES["translator"][0]   # the reader's 译注, 编译
    for role, words in (("translator", (translated, WRITTEN_ROLES["translator"][1])), ("reviewer", WRITTEN_ROLES["reviewer"])):
        people, more = _people(rec, role, zh)
        people = marked(rec, people, zh)
        if people:
            parts.append(f"{author_list(people, zh, more)}, {words[0] if zh else words[1]}")
    return _sentences(parts)


def extra_roles(rec: dict, key: str) -> dict:
    """The role words a record keeps by name (``extra.editor_roles``: ``{"王星贤": "点校"}``), or {}."""
    roles = (rec.get("extra") or {}).get(key)
    return roles if isinstance(roles, dict) else {}


def _sentences(parts: list[str]) -> str:
    """Parts joined by ``. ``; one ending in its own full stop (``et al.``) by a space."""
    text = ""
    for p in (p for p in parts if p):
        text += (" " if text.endswith(".") else ". ") + p if text else p
    return text


def volume_title(rec: dict, zh: bool, series: str = "") -> str:
    """A volume as part of its book's title, as the standard's examples write it (``国史旧闻:
    第1卷``, ``康熙字典: 巳集上: 水部``; a part's host ``马克思恩格斯全集: 第44卷``; ``中华人民共和国药典:
    一部``, ``船山全书: 第1册``); a
    Western book's number ``Vol. 1`` (the official CSL style's volume label in English), unless
    it is the number in a series (``series``: Lecture notes in mathematics, 2058); else "".

    >>> volume_title({"volume": "35"}, True), volume_title({"volume": "2011年卷"}, True)
    ('第35卷', '2011年卷')
    >>> volume_title({"volume": "1"}, False), volume_title({"volume": "2058"}, False, "Lecture notes")
    ('Vol. 1', '')
    """
    volume = str(rec.get("volume") or "").strip()
    if not zh:
        return f"Vol. {volume}" if volume.isdigit() and not series else ""
    if volume.isdigit():
        return f"第{volume}卷"
    if volume and (has_han(volume) or not re.search(r"\d", volume)):  # as written: 第1册, 2011年卷, 一部
        return ": ".join(volume.split())
    return ""


def _host(rec: dict, zh: bool, lang: str) -> str:
    """``//编者. 书名: 卷`` for a chapter or conference paper, when its book or meeting is known."""
    host = plain(in_lang(rec, "journal", lang)) or extra(rec, "event-title") or extra(rec, "event")
    if not host:
        return ""
    volume = volume_title(rec, zh, extra(rec, "series"))
    editors, more = _people(rec, "editor", zh)
    return "//" + _sentences([author_list(editors, zh, more), host + (f": {volume}" if volume else "")])


# The codes of China's national, industry, local and group standards (GB/T 7714's ``GB/T
# 25100—2010``, ``NB/T 10386—2020``, a hospital's ``YY/T 0287—2017``), as their numbers begin:
# GB/GB/T/GB/Z, the military's GJB, the industries' two letters (行业标准代号), construction's
# JGJ/CJJ, metrology's JJG/JJF, a province's DB11, a group's T/CECS.  ISO, IEC, IEEE … are none.
CHINESE_STANDARD_CODES = frozenset("""GB GBJ GJB JGJ CJJ JJG JJF AQ BB CB CH CJ CY DA DB DL DZ EJ FZ GA GH GM
GY HB HG HJ HS HY JB JC JG JR JT JY LB LD LS LY MH MT MZ NB NY QB QC QJ QX RB SB SC SF SH SJ SL SN SY TB TD TY
WB WH WJ WM WS WW XB XF YB YC YD YJ YS YY YZ ZY""".split())
_STANDARD_NUMBER = re.compile(r"(?P<code>T/[A-Z]+|(?P<letters>[A-Z]{2,3})(?:\d{2})?(?:/[TZ])?)\s*"
                              r"(?P<number>\d+(?:\.\d+)*)\s*[-–—―－]+\s*(?P<year>(?:1[89]|20)?\d{2})")


def standard_number(number: str) -> str:
    """A Chinese standard's number with its year after an em dash, as the standard writes its
    own examples (``GB/T 25100—2010``), whichever dash a source gave (CNKI's ``GB/T 43109-2023``);
    another body's as written (``ISO 9001:2015``, ``IEEE P802.11ba/D8.0-2020``).

    >>> standard_number("GB/T 43109-2023"), standard_number("YY/T 0287–2017"), standard_number("DB11/T 1322-2016")
    ('GB/T 43109—2023', 'YY/T 0287—2017', 'DB11/T 1322—2016')
    >>> standard_number("ISO 9001:2015"), standard_number("AIAA G-136-2022"), standard_number("EN 1090-2015")
    ('ISO 9001:2015', 'AIAA G-136-2022', 'EN 1090-2015')
    """
    m = _STANDARD_NUMBER.fullmatch(number.strip())
    if not m or m["letters"] and m["letters"] not in CHINESE_STANDARD_CODES:
        return number
    return f"{m['code']} {m['number']}—{m['year']}"


def reference(rec: dict, lang: str | None = None, year: str | None = None) -> str:
    """One reference (without its number) in the language ``lang`` (else the record's);
    with ``year`` (``2019``, ``2019a``), in the author-year system's form: the year after
    the names, none after the journal or publisher, ``佚名``/``Anon`` for no author."""
    lang = main_lang(rec, lang)
    dated = year is None
    title = plain(in_lang(rec, "title", lang))
    declared = declared_languages(rec)
    if lang == "en" and ((rec.get("language") or "en") != "en" or any(not v.startswith(("en", "英")) for v in declared)):
        title = unbracketed(title)   # MEDLINE's translation, [title]. (LA  - ger: the record's title English only)
    title = _CLOSING_STOP.sub("", title)
    zh = chinese_item(title, lang)
    kind, code = rec.get("type") or "", marker(rec)
    url = rec.get("url") or ""
    is_online = online(rec, code)
    doi = doi_after_link(rec) if is_online else rec.get("doi") or ""   # (a link printed says its DOI)
    number = own_number(rec)  # a report's, patent's or standard's (全智能节电器: 200610171314.3[P])
    number = standard_number(number) if kind == "standard" else number
    head = f"{title}: {number}" if number else title
    # a whole book's volume is part of its title; a Western one's not when it numbers a series
    volume = volume_title(rec, zh, extra(rec, "series") or in_lang(rec, "journal", lang)) if kind == "book" else ""
    head += f": {volume}" if volume else ""
    head += f"[{code}/OL]" if is_online else f"[{code}]"
    host = _host(rec, zh, lang) if kind in PARTS_OF + ENTRIES else ""
    if host:  # 析出题名[M]. 析出译者, 译//编者. 书名
        translated = _translators(rec, zh)
        head += (f". {translated}" if translated else "") + host
        own = zh if has_imprint(rec, code, host=bool(plain(in_lang(rec, "journal", lang)))) else None
        rest = [edition(extra(rec, "edition"), zh),
                _publication(rec, page_list(rec.get("pages") or ""), code, lang, dated, own)]
    else:
        rest = _after_marker(rec, code, zh, lang, dated)
    who = responsible(rec, zh)
    if not dated:
        who = ", ".join(p for p in (who or ("佚名" if zh else "Anon"), year) if p)
    text = _sentences([who, head] + rest)  # "et al." ends its own sentence
    accessed = _dashed(extra(rec, "accessed")) if is_online else ""
    if accessed:  # right after the date it follows, or as its own part
        text += f"[{accessed}]" if any(rest) else f". [{accessed}]"
    text = _sentences([text, url if is_online else "", doi and f"DOI:{doi}"])  # not "Inc.. http"
    text = " ".join(text.split())  # one line, whatever a field holds
    return text if text.endswith(".") else text + "."


def _dashed(date: str) -> str:
    """A date as GB/T 7714 writes it (2013-03-20), when it is a whole one written otherwise
    (RIS's 2024/01/02, 2024年1月2日); else as written.

    >>> _dashed("2024/1/2"), _dashed("2024年01月02日"), _dashed("2013-03-20"), _dashed("2014-06")
    ('2024-01-02', '2024-01-02', '2013-03-20', '2014-06')
    """
    parts, whole = written_date(date)
    return f"{parts[0]}-{parts[1]:02d}-{parts[2]:02d}" if whole and len(parts) == 3 else date


def _write(out: TextIO, rec: dict, lang: str | None, prefix: str = "", year: str | None = None) -> None:
    """One record's line; ``lang="both"``: a bilingual record in Chinese, then in its other
    languages on the lines after, indented to the text."""
    if lang == "both" and len(rec.get("title") or {}) > 1:
        langs = sorted(rec["title"], key=lambda k: (k != "zh", k))
        out.write(f"{prefix}{reference(rec, langs[0], year)}\n")
        for other in langs[1:]:
            out.write(f"{' ' * max(len(prefix), 4)}{reference(rec, other, year)}\n")
    else:
        out.write(f"{prefix}{reference(rec, None if lang == 'both' else lang, year)}\n")


def listed_year(rec: dict) -> str:
    """The year the author-year system lists an item under (§9.2, §10.2: it makes the
    in-text citation): its own (:func:`year_text`); else, for an item the record gives an
    access date (a web page without a date), the year accessed in brackets, as the standard
    writes an estimated year (§8.4.3.3, ``[1936]``) and the gbt7714 BibTeX styles write this
    one (``[2025]``); else none.

    >>> listed_year({"year": 2019}), listed_year({"extra": {"accessed": ["2025-06-21"]}}), listed_year({})
    ('2019', '[2025]', '')
    """
    year = year_text(rec)
    accessed = re.match(r"\d{4}", extra(rec, "accessed"))
    return year or (f"[{accessed.group()}]" if accessed else "")


def write_gbt7714_author_year(records, out: TextIO, lang: str | None = None) -> int:
    """The author-year system (著者-出版年制, §9.2): no numbers; in the order of ``--sort
    author`` (:func:`indexer.export.common.ordered`: Chinese items first; by the names listed,
    name by name, so one author's own items before those they wrote with others; then
    year); the items of one year a citation in the text names alike (:func:`cited_names`: one
    first author, alone or with others) are ``2019a``, ``2019b`` in that order (``[2025a]``
    inside an estimated year's brackets, :func:`listed_year`).
    ``lang="both"``: a bilingual record's other language on the next line, indented."""
    from collections import Counter

    from .common import ordered

    own = None if lang == "both" else lang
    records = ordered(list(records), "author", own)
    keys = [(cited_names(r, own), listed_year(r)) for r in records]
    counts, seen = Counter(keys), Counter()
    for rec, key in zip(records, keys):
        label = key[1]
        if counts[key] > 1 and label:
            bracket = "]" if label.endswith("]") else ""
            label = label.removesuffix(bracket) + letters(seen[key]) + bracket
            seen[key] += 1
        _write(out, rec, lang, year=label)
    return len(records)


def write_gbt7714(records, out: TextIO, lang: str | None = None) -> int:
    n = 0
    for rec in records:
        n += 1
        _write(out, rec, lang, f"[{n}] ")
    return n
