"""Chinese personal names in pinyin, as English records write them: 王建国 → Wang Jianguo.

pypinyin reads a character as it is most often read, and a surname is often read otherwise:
曾国藩 is Zeng Guofan, not Ceng; 单 is Shan, 仇 Qiu, 解 Xie, 朴 Piao, 区 Ou, 查 Zha, 翟 Zhai.
Some surnames have two characters (欧阳修 is Ouyang Xiu).  A name of the Uyghur, Kazakh and
other minorities is written in characters by sound, its parts between middle dots: 阿依古丽·买买提
is Ayiguli Maimaiti, and the last part (the father's name) is the family name, as Chinese
journals' English pages and PubMed write it (Maimaiti A).  Dedup (a Chinese record and its
English version by the same people), author search (``author:"Zeng Guofan"``) and the
citation exports (GB/T 7714's ``ZENG Guofan``, its order by pinyin) read a name here.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .charsets import has_traditional, is_han, simplified_table

# Surnames whose reading is not the character's most common one (pypinyin's lazy_pinyin).
SURNAME_READINGS = {
    "曾": "zeng", "单": "shan", "仇": "qiu", "解": "xie", "朴": "piao", "区": "ou", "查": "zha", "翟": "zhai",
    "覃": "qin", "缪": "miao", "乐": "yue", "盖": "ge", "尉": "yu", "召": "shao", "秘": "bi", "繁": "po",
    "员": "yun", "种": "chong", "折": "she", "句": "gou", "祭": "zhai", "隗": "wei", "薄": "bo", "逄": "pang",
    "长": "chang", "阚": "kan", "都": "du",
    "万俟": "moqi", "尉迟": "yuchi", "单于": "chanyu", "长孙": "zhangsun",
}
# Two-character surnames (a name of three or more characters that starts with one).
COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 夏侯 轩辕 令狐 宇文 司徒 司空 端木 申屠 澹台 呼延 "
    "南宫 西门 独孤 闻人 万俟 百里 东郭 钟离 太史 濮阳 淳于 单于 赫连 第五".split())


# The hundred or so commonest surnames of the mainland (each held by some millions): which word of
# a name in pinyin written without a comma may be its family name.  Min (闵), Ming, Dan and Hong
# are surnames too, but few people's: "Zhang Min" is Zhang's, "Dan Zhou" Zhou's
# (:func:`common_surname`).
COMMON_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶"
                   "程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付傅方邹熊白孟秦邱侯江尹薛闫严段雷龙黎史陶"
                   "贺毛郝顾龚邵万覃武钱戴莫孔向常汤")


# ü: pypinyin writes it v (吕 lv, 女 nv); English records write Lü, Lu, Lv or Lyu (the
# passport spelling since 2012).  Names are compared with u (u_for_v, compared_word); GB/T
# 28039 writes ü, YU in capitals (written).
_U_SPELLINGS = {"lv": "lu", "lyu": "lu", "nv": "nu", "nyu": "nu"}


# The syllables of Mandarin as names are compared (pypinyin's readings of the CJK Unified
# Ideographs, ü as u, the interjections hm, hng, m, n, ng and ê left out).
SYLLABLES = frozenset("""
a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang
cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan
chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di dia
dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fiao
fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai
han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao
jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai
kuan kuang kui kun kuo la lai lan lang lao le lei len leng li lia lian liang liao lie lin ling
liu lo long lou lu luan lue lun luo ma mai man mang mao me mei men meng mi mian miao mie min
ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong
nou nu nuan nue nun nuo o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou
pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri
rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she
shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun
suo ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai
wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan
yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai
zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi
zong zou zu zuan zui zun zuo""".split())


def two_syllables(word: str) -> list[tuple[str, str]]:
    """The ways a romanised word (lower case, ü as u) reads as two syllables: 'jianguo' →
    [('jian', 'guo')]; 'xian' → [('xi', 'an')] (Xi'an; it is one syllable too)."""
    return [(word[:i], word[i:]) for i in range(1, len(word)) if word[:i] in SYLLABLES and word[i:] in SYLLABLES]


def is_pinyin_surname(word: str) -> bool:
    """Whether a romanised family name (lower case) may be a Chinese surname's pinyin: one
    syllable (Wang, Lu) or two (Ouyang, Situ)."""
    return word in SYLLABLES or bool(two_syllables(word))


def u_for_v(syllable: str) -> str:
    """A syllable of pypinyin's (lv, nv, lve) as names are compared: lu, nu, lue."""
    return syllable.replace("v", "u")


def written(word: str, capitals: bool = False) -> str:
    """A word of pypinyin's as GB/T 28039 writes it, ü for its v: YU in capitals (§6.2, as on
    a passport: lv → LYU), ü otherwise (lv → lü)."""
    return word.upper().replace("V", "YU") if capitals else word.replace("v", "ü")


def compared_word(word: str) -> str:
    """A romanised name word (lower case, letters only) as names are compared: Lyu, Lv and
    Lü (lu once accents are gone) are Lu, Nyu and Nv Nu."""
    return _U_SPELLINGS.get(word, word)


# Wade-Giles as Taiwanese authors sign in it (Chen Chien-Kuo, Tsai, Hsieh, Chang), apostrophes and
# umlauts mostly left out: an initial may spell several of pinyin's (ch: zh, ch, j, q; k: g, k), a
# final another (ieh: ie, ung: ong); a few syllables only whole (szu: si, tzu: zi, ci; yu: you, yu).
_WG_INITIALS = {"ch": ("zh", "ch", "j", "q"), "hs": ("x",), "ts": ("z", "c"), "tz": ("z", "c"),
                "p": ("b", "p"), "t": ("d", "t"), "k": ("g", "k"), "j": ("r",)}
_WG_FINALS = {"ieh": ("ie",), "ien": ("ian",), "ih": ("i",), "ung": ("ong",), "iung": ("iong",),
              "uei": ("ui",), "ueh": ("ue",), "eh": ("e",), "o": ("uo", "e"), "erh": ("er",)}
_WG_WHOLE = {"szu": ("si",), "ssu": ("si",), "tzu": ("zi", "ci"), "yu": ("you",)}
_WG_SYLLABLE = re.compile(r"(ch|hs|ts|tz|sh|zh|[bcdfghjklmnpqrstwxyz]?)([a-z]+)")


def spelt_readings(word: str) -> frozenset[str]:
    """The pinyin syllables (as names are compared) a romanised syllable may spell: itself, if
    pinyin, or what it spells in Wade-Giles.

    >>> sorted(spelt_readings("Chien")), sorted(spelt_readings("Hsieh")), sorted(spelt_readings("Jian"))
    (['jian', 'qian'], ['xie'], ['jian'])
    """
    word = "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if "a" <= c <= "z")
    m = _WG_SYLLABLE.fullmatch(word)
    if not m:
        return frozenset()
    initial, final = m.groups()
    spelt = {i + f for i in _WG_INITIALS.get(initial, (initial,)) for f in (final,) + _WG_FINALS.get(final, ())}
    spelt |= {word, *_WG_WHOLE.get(word, ())}
    return frozenset(compared_word(s) for s in spelt if compared_word(s) in SYLLABLES)


# The languages whose names written in Han characters have no pinyin reading: a Japanese
# author's kanji (山田太郎 is Yamada Taro, not Shan Tailang) and a Korean author's hanja.
OWN_READING = frozenset({"ja", "ko"})


def read_in_pinyin(author: dict) -> bool:
    """Whether an author's name, if written in Han characters, is read in pinyin: a Chinese
    author's (or one of no language said), not a Japanese or Korean author's (``lang`` ja,
    ko: a Japanese or Korean record's names, :func:`~indexer.pipeline.decide_language`)."""
    return author.get("lang") not in OWN_READING


def is_person(name: str) -> bool:
    """Whether a name kept whole is a Chinese personal name: two to four characters (longer
    is an organisation), or a name written by sound, in parts between middle dots."""
    return 2 <= len(name) <= 4 and all(map(is_han, name)) or bool(dotted_parts(name))


# The middle dots between a transliterated name's parts (阿依古丽·买买提), as sources write
# them: U+00B7, the katakana and half-width ones, a bullet, a hyphenation point (a full stop
# is more often a slip between two names: 张三.李四).
NAME_DOT = re.compile("[·・･•‧]")
# Characters that spell a sound otherwise than pypinyin reads them alone (阿不都 Abudu).
_SOUND_READINGS = {"都": "du", "什": "shi"}


def dotted_parts(name: str) -> list[str]:
    """A name written by sound, in its parts of two to eight characters (阿依古丽·买买提 →
    ['阿依古丽', '买买提']); [] for any other name."""
    parts = NAME_DOT.split(name)
    ok = len(parts) > 1 and all(2 <= len(p) <= 8 and all(map(is_han, p)) for p in parts)
    return parts if ok else []


def syllables(text: str) -> list[str]:
    """pypinyin's lazy_pinyin.  A text of Chinese characters none of which pypinyin reads as
    part of a phrase (长春 is changchun, not zhangchun) is read character by character from a
    cache: the same result, without pypinyin's slow segmenting per name."""
    n = len(text)
    if not text or not all(map(is_han, text)) or (n > 1 and _in_phrase(text)):
        from pypinyin import lazy_pinyin

        return lazy_pinyin(text)
    return [_char_pinyin(c) for c in text]


def _in_phrase(text: str) -> bool:
    """Whether pypinyin knows a phrase of two characters or more in the text (a given name of
    two characters, the most common: one lookup)."""
    phrases = _phrases()
    n = len(text)
    return text in phrases if n == 2 else any(text[i:j] in phrases for i in range(n) for j in range(i + 2, n + 1))


@lru_cache(maxsize=1)
def _phrases() -> dict:
    from pypinyin.constants import PHRASES_DICT

    return PHRASES_DICT


@lru_cache(maxsize=None)
def _char_pinyin(char: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(char))


def split_name(name: str) -> tuple[str, str]:
    """A Chinese personal name as (surname, given name): 王建国 → (王, 建国); 欧阳修 → (欧阳, 修)."""
    n = 2 if len(name) > 2 and name[:2] in COMPOUND_SURNAMES else 1
    return name[:n], name[n:]


def wade_giles(name: str) -> tuple[str, list[str]] | None:
    """A Chinese personal name as Taiwan writes it in Latin letters: Wade–Giles, as names
    are compared (its apostrophes gone, ü as u), the surname as surnames read (張偉明 →
    ('chang', ['wei', 'ming']); 蔡志宏 → ('tsai', ['chih', 'hung']); 許 hsu, 曾 tseng); None
    for a name written by sound (阿依古丽·买买提: its parts are no syllables)."""
    if dotted_parts(name):
        return None
    family, given = person_pinyin(name)
    pairs = [] if family in SYLLABLES else two_syllables(family)
    parts = list(pairs[0]) if pairs else [family]   # ouyang: ou yang
    return "".join(map(_wade_giles_syllable, parts)), [_wade_giles_syllable(s) for s in given]


def taiwan_reading(name: str) -> tuple[str, list[str]] | None:
    """A Chinese personal name written in Traditional characters, as Taiwan writes it
    (:func:`wade_giles`), when that is not its pinyin (:func:`compared_pinyin`): 張偉明 →
    ('chang', ['wei', 'ming']).  None for a name in Simplified characters (on the mainland,
    Chang is 常, not 张) and for a name Wade–Giles writes as pinyin does (林明 Lin Ming)."""
    if has_traditional(name):
        reading = wade_giles(name)
        if reading and reading != compared_pinyin(name):
            return reading
    return None


@lru_cache(maxsize=None)
def _wade_giles_syllable(syllable: str) -> str:
    from pypinyin.style.wadegiles import to_wade_glides

    return u_for_v(to_wade_glides(syllable).replace("'", ""))


def reading(text: str, person: bool = False) -> list[str]:
    """Chinese text's syllables; a personal name's (``person``, and a name of two to four
    characters: ``曾 国藩`` too) with its surname first as one, read as surnames are."""
    compact = "".join(text.split())
    if person and is_person(compact):
        family, given = person_pinyin(compact)
        return [family, *given]
    return syllables(text)


def compared_pinyin(name: str) -> tuple[str, list[str]]:
    """:func:`person_pinyin` as names are compared, ü as u (吕伟 → ('lu', ['wei']))."""
    family, given = person_pinyin(name)
    return u_for_v(family), [u_for_v(s) for s in given]


@lru_cache(maxsize=1 << 16)
def person_pinyin(name: str) -> tuple[str, list[str]]:
    """A Chinese personal name in pinyin: the surname as one word, as a surname reads, and the
    given name's syllables.  王建国 → ('wang', ['jian', 'guo']); 曾国藩 → ('zeng', ['guo',
    'fan']); 欧阳修 and 歐陽修 → ('ouyang', ['xiu']); 單 is Shan, as 单 (Traditional
    characters are read as Simplified: the surnames above are written so).  A name written
    by sound, its parts as words: 阿依古丽·买买提 → ('maimaiti', ['ayiguli'])."""
    name = name.translate(simplified_table())
    parts = dotted_parts(name)
    if parts:   # written by sound: each part one word, the last the family name
        words = ["".join(_SOUND_READINGS.get(c) or _char_pinyin(c) for c in p) for p in parts]
        return words[-1], words[:-1]
    family, given = split_name(name)
    reading = SURNAME_READINGS.get(family) or "".join(map(_char_pinyin, family))
    return reading, syllables(given) if given else []


@lru_cache(maxsize=1)
def _surname_words() -> frozenset[str]:
    return frozenset(compared_pinyin(c + "明")[0] for c in COMMON_SURNAMES) | \
        frozenset(compared_pinyin(c + "明")[0] for c in COMPOUND_SURNAMES)


def common_surname(word: str) -> bool:
    """Whether a word in pinyin (any case, ü, v or yu) is one of the commonest surnames' or a
    surname of two characters' (Ouyang).

    >>> common_surname("Zhang"), common_surname("LYU"), common_surname("Ouyang"), common_surname("Min"), common_surname("Jianguo")
    (True, True, True, False, False)
    """
    return compared_word(u_for_v(word.lower().replace("ü", "u"))) in _surname_words()
