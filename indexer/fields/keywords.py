"""Keywords: split a keyword line on the separators it uses."""
from __future__ import annotations

import re

from ..charsets import HAN, HANGUL, KANA
from ..lang.detect import is_cjk_name


# A comma inside a chemical name's locants ("2,4-D", "N,N′-二甲基", "1-氢-3,5-二…-1,2,4-三唑",
# "1,25(OH)2D3") or a karyotype ("46,XX"), which no list separates.  Locants are short and end
# in a hyphen or bracket, and the first stands alone, so "COVID-19,2019-nCoV" and "CD4,8-…" keep
# their separator; letters are the heteroatoms N, O, S, P only.
_LOCANT = r"(?:\d{1,2}|[NOSP])[′'’″]*"
_INNER_COMMA = re.compile(rf"(?<![A-Za-z0-9])(?:{_LOCANT},)+{_LOCANT}(?=[-(])|(?<![\w-])\d{{2}},X+Y*(?![\w-])")
_HIDDEN_COMMA = "\0"


def _hide_inner_commas(text: str) -> str:
    """``text`` with the commas of :data:`_INNER_COMMA` hidden from a split."""
    return _INNER_COMMA.sub(lambda m: m.group().replace(",", _HIDDEN_COMMA), text)


# Abbreviations a keyword may end with, whose period is their own and no list's: taxonomy's
# "SPP.", "SP. NOV.", "var.", and "et al.", "Inc." (RIS keeps them so, one a line).  Not Co, Al
# or SP alone: an element or an acronym ends a list ("…, Cd, Pb, Co.").
_ABBREVIATION_END = re.compile(r"(?:^|[\s\-.])(?:spp|ssp|subsp|nov|var|comb|cf|aff|etc|inc|ltd|corp)\.$"
                               r"|\bet al\.$", re.I)


def _keyword_of(part: str) -> str:
    """One part of a split line as a keyword: without the period that ends a list ("…, land
    surface temperature."), but with one that ends an abbreviation ("SPP.", "SP NOV.").

    >>> _keyword_of("land surface temperature."), _keyword_of("SPP."), _keyword_of("SP-NOV.")
    ('land surface temperature', 'SPP.', 'SP-NOV.')
    >>> _keyword_of("Co."), _keyword_of("CO."), _keyword_of("SP."), _keyword_of("Al.")
    ('Co', 'CO', 'SP', 'Al')
    """
    part = part.replace(_HIDDEN_COMMA, ",").strip()
    return (part.lstrip(".。") if _ABBREVIATION_END.search(part) else part.strip(".。")).strip()


# What :func:`split_keywords` parts a line at: a list's semicolons, else its commas.  A writer
# that joins keywords into one field (BibTeX's ``keywords``, CSL's ``keyword``) parts them with
# "; " when one holds an item's separator (:func:`indexer.export.common.keyword_list`).
LIST_SEPARATORS = ";；"
ITEM_SEPARATORS = ",，、"


def split_keywords(text: str) -> list[str]:
    """Keywords of one line: on ；/; if present, else ，/,/、, else " / " (three parts or more), else
    spaces between CJK keywords.
    A comma among locants or in a karyotype is part of its keyword.

    >>> split_keywords("中亚；民族问题；宗教因素；")
    ['中亚', '民族问题', '宗教因素']
    >>> split_keywords("外感高热症 痰热清注射液")
    ['外感高热症', '痰热清注射液']
    >>> split_keywords("Labour,third stage; Oxytocin")
    ['Labour,third stage', 'Oxytocin']
    >>> split_keywords("1,25-二羟维生素D3,骨质疏松"), split_keywords("MICE, 46,XX MALES, 2,3-diphosphoglycerate")
    (['1,25-二羟维生素D3', '骨质疏松'], ['MICE', '46,XX MALES', '2,3-diphosphoglycerate'])
    >>> split_keywords("2,4-二氯苯氧乙酸 除草剂 N,N-二甲基甲酰胺"), split_keywords("COVID-19,2019-nCoV")
    (['2,4-二氯苯氧乙酸', '除草剂', 'N,N-二甲基甲酰胺'], ['COVID-19', '2019-nCoV'])
    >>> split_keywords("脊柱转移 / 放射治疗 / 预后"), split_keywords("TCP/IP; 3G/4G"), split_keywords("input / output analysis")
    (['脊柱转移', '放射治疗', '预后'], ['TCP/IP', '3G/4G'], ['input / output analysis'])
    >>> split_keywords("数字经济/区域创新/空间溢出/"), split_keywords("HIV/AIDS")   # a list closed by a slash (CSSCI's)
    (['数字经济', '区域创新', '空间溢出'], ['HIV/AIDS'])
    """
    text = _hide_inner_commas(text.strip())
    if re.search(f"[{LIST_SEPARATORS}]", text):
        parts = re.split(rf"\s*[{LIST_SEPARATORS}]\s*", text)
    elif re.search(f"[{ITEM_SEPARATORS}]", text):
        parts = re.split(rf"\s*[{ITEM_SEPARATORS}]\s*", text)
    elif len(re.findall(r"\s[/／]\s", text)) >= 2:   # "脊柱转移 / 放射治疗 / 预后", as journal sites write it
        # (three parts at least: "input / output analysis" is one keyword)
        parts = re.split(r"\s+[/／]\s+", text)
    elif re.search(r"[/／]\s*$", text) and len(re.findall(r"[/／]", text)) >= 2:   # CSSCI's "数字经济/区域创新/"
        parts = re.split(r"\s*[/／]\s*", text)
    elif is_cjk_name(text):
        parts = text.split()
    else:
        parts = [text]
    out = []
    for p in parts:
        p = _keyword_of(p)
        if p and p not in out:
            out.append(p)
    return out


def join_locant_fragments(words: list[str]) -> list[str]:
    """Chinese keywords an export split at the commas of their locants, one a line (CNKI's RIS:
    ``KW  - N`` then ``KW  - N-二(β-羟乙基)-二硝基苯胺``), joined again where
    :func:`split_keywords` would keep the comma; only where the keyword joined holds CJK, as
    other exports write one whole keyword a line ("Chiari 1" before "2-D echocardiography").

    >>> join_locant_fragments(["1-氢-3", "5-二(3-吡啶基)-1", "2", "4-三唑", "2", "2′-二硫二苯甲酸", "合成"])
    ['1-氢-3,5-二(3-吡啶基)-1,2,4-三唑', '2,2′-二硫二苯甲酸', '合成']
    >>> join_locant_fragments(["0", "系统空间结构", "8"]), join_locant_fragments(["Chiari 1", "2-D echo"])
    (['0', '系统空间结构', '8'], ['Chiari 1', '2-D echo'])
    """
    hidden = _hide_inner_commas(",".join(words))   # same length: its commas stand where they did
    out = words[:1]
    at = len(words[0]) if words else 0              # where the comma after the last word stands
    for word in words[1:]:
        if hidden[at] == _HIDDEN_COMMA and _CJK_CHAR.search(out[-1] + word):
            out[-1] += "," + word
        else:
            out.append(word)
        at += 1 + len(word)
    return out


_HAN_SPACE_HAN = re.compile(f"[{HAN}][)）]?\\s+[{HAN}]")


def split_spaced_cjk(word: str) -> list[str]:
    """Chinese keywords a line holds apart by spaces ("大豆肽 抗氧化 羟基自由基(.OH) 清除作用"),
    once a space stands between two Han characters (a line :func:`split_keywords` did not
    part, or a keyword field that holds one a line); a space between Latin words stays
    ("单相Level Set方法", "锆石SHRIMP U-Pb定年" are one keyword each).

    >>> split_spaced_cjk("网络信息资源 编目 MARC 都柏林核心集(DC)"), split_spaced_cjk("单相Level Set方法")
    (['网络信息资源', '编目', 'MARC', '都柏林核心集(DC)'], ['单相Level Set方法'])
    """
    if not _HAN_SPACE_HAN.search(word):
        return [word]
    parts: list[str] = []
    for token in word.split():
        if parts and re.search(r"[A-Za-z0-9]$", parts[-1]) and re.match(r"[A-Za-z0-9]", token):
            parts[-1] += " " + token
        else:
            parts.append(token)
    return parts


_LATIN_LETTER = re.compile("[A-Za-z]")
_CJK_CHAR = re.compile(f"[{HAN}{KANA}{HANGUL}]")
_HAN_CHAR = re.compile(f"[{HAN}]")
_KANA_HANGUL = re.compile(f"[{KANA}{HANGUL}]")
_ENGLISH_WORD = re.compile("[a-z]{4,}")
_LATIN_LIST = re.compile(r"[^,，]+(?:\s*[,，]\s*[^,，]+){3,}")


def split_translated_block(words: list[str]) -> tuple[list[str], list[str]]:
    """A Chinese keyword list that carries its English translation as a block at one end
    (CNKI, Wanfang: ``adolescent;cognitive skills;…;傾向值加權;戀愛``, the English part at times
    one comma list): ``(the rest, the English block)``.  A block counts when at least two of
    its keywords, and at least half, hold a lower-case word of four letters or more, so that
    ``MRI``, ``DVR``, ``linux`` or ``NF-κB`` among Chinese keywords stay where they are.

    >>> split_translated_block(["Non-Model Organism,RNA-Seq,Germplasm Resource,Iris", "种质资源", "鸢尾属"])
    (['种质资源', '鸢尾属'], ['Non-Model Organism', 'RNA-Seq', 'Germplasm Resource', 'Iris'])
    >>> split_translated_block(["自发性低颅压综合征", "MRI", "CT"]), split_translated_block(["进程间通信", "DVR", "linux"])
    ((['自发性低颅压综合征', 'MRI', 'CT'], []), (['进程间通信', 'DVR', 'linux'], []))
    """
    if len(words) < 3:   # a Chinese keyword and at least two others
        return words, []

    def latin(word: str) -> bool:
        return bool(_LATIN_LETTER.search(word)) and not _CJK_CHAR.search(word)

    head = next((i for i, w in enumerate(words) if not latin(w)), len(words))
    tail = next((i for i in range(len(words), 0, -1) if not latin(words[i - 1])), 0)
    if head == len(words) or not head and tail == len(words):
        return words, []           # no Chinese keyword, or no Latin keyword at either end
    block, rest = (words[:head], words[head:]) if head else (words[tail:], words[:tail])
    block = [part for word in block
             for part in (re.split(r"\s*[,，]\s*", word) if _LATIN_LIST.fullmatch(word) else [word])]
    if _english_block(block):
        return rest, block
    return words, []


def _english_block(words: list[str]) -> bool:
    """Whether Latin-script keywords next to each other are a list in English (a translation):
    at least two of them, and at least half, hold a lower-case word of four letters or more."""
    english = sum(1 for w in words if _ENGLISH_WORD.search(w))
    return english >= 2 and 2 * english >= len(words)


def codes_with_chinese(lines: list[list[str]]) -> list[bool]:
    """For each keyword line of a record (all of them, in order, each as split), whether it
    is one code that belongs with the Chinese keywords around it.  An export that writes one
    keyword a line (RIS ``KW``) leaves a code alone on its line, where nothing else says its
    language.  A code is a Latin-script keyword with no English word of its own (an acronym,
    a gene's or an element's symbol, a formula, a standard's number: ``p53``, ``PCNA``, ``XML``,
    ``ISO9000``, ``Pt``, ``Ce3+``); it belongs with them in a list that is mainly Chinese, unless
    it stands in an English list beside the Chinese one (CNKI, Wanfang: ``…;检索;database;XML;
    retrieval``).  A line that holds a list of its own ("Keywords: COLD-AIR-DAMMING; TAME-IOP")
    says its language by itself.

    >>> codes_with_chinese([["尖锐湿疣"], ["p53"], ["PCNA"], ["组织病理学"], ["Taylor"]])
    [False, True, True, False, False]
    >>> codes_with_chinese([["数据库"], ["XML"], ["检索"], ["database"], ["XML"], ["retrieval"]])
    [False, True, False, False, False, False]
    >>> codes_with_chinese([["Chinese patent medicine"], ["insomnia"], ["GABA"], ["中成药"]])
    [False, False, False, False]
    >>> codes_with_chinese([["中尺度", "梅雨鋒面"], ["COLD-ARI-DAMMING", "TAME-IOP-B"]])
    [False, False]
    >>> codes_with_chinese([["胃癌"], ["磁共振成像"], ["CT"], ["gastric cancer"], ["MRI"], ["CT"]])
    [False, False, False, False, False, False]
    """
    codes = iter(_codes_among_chinese([word for line in lines for word in line]))
    return [[next(codes) for _ in line] == [True] for line in lines]


def _codes_among_chinese(words: list[str]) -> list[bool]:
    """For each keyword of a list, whether it is a code among Chinese keywords (see
    :func:`codes_with_chinese`)."""
    with_chinese = [False] * len(words)
    runs: list[list[int]] = []          # the places of Latin keywords next to each other
    for i, word in enumerate(words):
        if (_LATIN_LETTER.search(word) and not _CJK_CHAR.search(word)) or word.isdigit():  # "0": a locant's piece
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
    others = [i for run in runs if not _english_block([words[i] for i in run]) for i in run]
    chinese = sum(1 for w in words if _HAN_CHAR.search(w))
    english = sum(1 for i in others if _ENGLISH_WORD.search(words[i]))
    if any(_KANA_HANGUL.search(w) for w in words) or chinese <= english:
        return with_chinese   # Japanese or Korean, or mainly English: "…;insomnia;中成药"
    # a run after the last Chinese keyword that holds an English word is the English list
    # ("胃癌;磁共振成像;CT;gastric cancer;MRI;CT"): its codes are its own
    last_han = max(i for i, w in enumerate(words) if _HAN_CHAR.search(w))
    trailing = {i for run in runs if run[0] > last_han and any(_ENGLISH_WORD.search(words[j]) for j in run)
                for i in run}
    for i in others:
        with_chinese[i] = not _ENGLISH_WORD.search(words[i]) and i not in trailing
    return with_chinese


def split_cjk_keywords(words: list[str]) -> tuple[list[str], list[str]]:
    """A Latin-script keyword list's keywords that hold CJK: ``(the rest, those)``.  A keyword
    with a Chinese character is Chinese however many Latin words it holds ("Rayleigh-Ritz法",
    "Ti-Al系"), which the language of its whole line does not say (CNKI's EndNote ``%K``:
    ``Chinese patent medicine;…;systematic review/Meta-analysis;中成药``).

    >>> split_cjk_keywords(["Chinese patent medicine", "insomnia", "中成药"])
    (['Chinese patent medicine', 'insomnia'], ['中成药'])
    """
    cjk = [w for w in words if _CJK_CHAR.search(w)]
    return [w for w in words if not _CJK_CHAR.search(w)], cjk


# PubMed's mark of a major topic, kept by exports that copy its keywords ("*DNA methylation",
# "*OXYTOCICS/therapy", "Neoplasms/*therapy"): not part of the term.
_MAJOR_TOPIC = re.compile(r"(^|/)\*+")


def drop_major_topic_mark(keyword: str) -> str:
    """``keyword`` without PubMed's major-topic stars.

    >>> drop_major_topic_mark("*Neoplasms/*therapy"), drop_major_topic_mark("5*2 design")
    ('Neoplasms/therapy', '5*2 design')
    """
    return _MAJOR_TOPIC.sub(r"\1", keyword).strip()
