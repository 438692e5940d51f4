"""Text repairs: each a pure ``str -> str`` function named for what it does.

Each returns its input unchanged (the same string) when there is nothing to repair,
so callers log a repair only when the text changed.
"""
from __future__ import annotations

import codecs
import html
import re
import unicodedata
from typing import Callable

import ftfy

from ..charsets import drop_invisible, scripted
from ..fields.sections import EN_LABELS_ALTERNATION
from .constants import (ELLIPSES, FULLWIDTH_ALNUM, HAN, HANGUL, KANA, UI_COUNTER, UI_TOGGLE_WORDS, UI_TOGGLES,
                        UI_WORDS, ZHENG_MARKERS)

_HAN_RE = re.compile(f"[{HAN}]")
_HIGH_LATIN1 = re.compile("[\u0080-\u00ff]")
# Letters UTF-8 mojibake repair never produces in Chinese text (Cyrillic, Armenian, Hebrew, Arabic ...).
_ODD_SCRIPT = re.compile("[\u0400-\u06ff\u0080-\u009f]")


def _han_count(s: str) -> int:
    return len(_HAN_RE.findall(s))


def _utf8_read_as_gbk(s: str) -> str:
    """Undo UTF-8 bytes decoded as GBK (``鍩轰簬`` for 基于), which ftfy cannot.

    Accepted only when re-encoding as GB18030 gives (almost) valid UTF-8: random Chinese
    text essentially never does.  Bytes the wrong decoder already lost (shown as U+FFFD
    or ``?``) stay lost: the character there becomes U+FFFD, a few per line tolerated.
    """
    if _han_count(s) < 3:
        return s
    try:
        # CP936 (Windows GBK) shows byte 0x80 as "€"; GB18030 would encode "€" as A2E3.
        raw = b"\xff".join(b"\x80".join(part.encode("gb18030") for part in piece.split("€"))
                           for piece in s.split("\ufffd"))
    except UnicodeEncodeError:
        return s
    # Invalid sequences are tolerated only where the wrong decoder already lost bytes
    # (shown as U+FFFD or "?"); genuine Chinese text re-encoded almost never decodes cleanly.
    lost = s.count("\ufffd") + s.count("?")
    # Quick refusal first (C speed; most text is genuine Chinese): a restored character
    # removes at most 3 of "replace"'s U+FFFD, so beyond 5 per lost byte more than 2 stay.
    if raw.decode("utf-8", errors="replace").count("\ufffd") > 5 * lost:
        return s
    fixed = raw.decode("utf-8", errors=_LOST_BYTE)
    if fixed.count("\ufffd") > 2 * lost or _ODD_SCRIPT.search(fixed):
        return s
    if fixed == s or _han_count(fixed) < _han_count(s) // 3 or _han_count(fixed) == 0:
        return s
    return re.sub("\ufffd+", "\ufffd", fixed)


def _restore_lost_byte(err: UnicodeDecodeError) -> tuple[str, int]:
    """Decoding error handler for :func:`_utf8_read_as_gbk`: a Chinese character one of
    whose UTF-8 bytes the GBK decoder lost (shown as U+FFFD, re-encoded here as byte FF, or
    as "?" where the decoder also swallowed the next ASCII byte).  Two of its three bytes
    survive: of the 64 characters they allow, the one that makes a word of jieba's
    dictionary with the characters before or after it (alone, or 20 times as often as any
    other) is restored (研� → 研究, 五力模� → 五力模型, 技能? → 技能, 理�的 → 理论的,
    竞争�境 → 竞争环境); between Chinese characters, a lost middle byte that only one
    Chinese punctuation mark fits is that mark (环境�竞争 → 环境、竞争); a lost last byte of
    E3 80 ?? (CJK punctuation) ending a line after Chinese text is the mark that ends the
    sentence (地位� → 地位。, 「好� → 「好」); else one U+FFFD for the character (建� stays:
    建议 or 建设)."""
    raw, start = err.object, err.start
    lead = raw[start]
    if not 0xE3 <= lead <= 0xE9:
        return "\ufffd", err.end
    b1, b2 = raw[start + 1:start + 2], raw[start + 2:start + 3]
    if b1 and 0x80 <= b1[0] <= 0xBF and b2 in (b"\xff", b"?"):
        candidates, resume = [bytes((lead, b1[0], x)) for x in range(0x80, 0xC0)], start + 3  # last byte lost
    elif b1 == b"\xff" and b2 and 0x80 <= b2[0] <= 0xBF:
        candidates, resume = [bytes((lead, x, b2[0])) for x in range(0x80, 0xC0)], start + 3  # middle byte lost
    else:
        return "\ufffd", err.end
    left = re.search(f"[{HAN}]{{0,3}}$", raw[max(0, start - 9):start].decode("utf-8", errors="ignore")).group()
    right = re.match(f"[{HAN}]{{0,3}}", raw[resume:resume + 9].decode("utf-8", errors="ignore")).group()
    punctuation = [c for c in candidates if c.decode("utf-8") in _CJK_PUNCTUATION]
    if left and right and len(punctuation) == 1 and b1 == b"\xff":
        # 境�竞: of E3 ?? 81 only 、 is punctuation (the others kana or rare CJK Extension A)
        return punctuation[0].decode("utf-8"), resume
    if lead == 0xE3 and b1 == b"\x80" and b2 == b"\xff" and left and not raw[resume:].split(b"\n", 1)[0].strip():
        # 地位� ending the text or a line: of E3 80 ??, the mark that ends a Chinese sentence
        # (。), or that closes a bracket the sentence left open (《…�)
        return _closing_mark(raw[:start].decode("utf-8", errors="ignore")), resume
    if left or right:
        from ..lang.segment import tokenizer

        freq = tokenizer().FREQ
        chars = [c.decode("utf-8") for c in candidates]
        # words that end with the character (研究) or start with it (环境), the longest first
        for k in range(3, 0, -1):
            words = [(left[-k:], "") if len(left) >= k else None, ("", right[:k]) if len(right) >= k else None]
            found = sorted(((max(freq.get(a + ch + b, 0) for a, b in filter(None, words)), ch)
                            for ch in chars), reverse=True) if any(words) else [(0, "")]
            if found[0][0]:
                if found[0][0] >= 20 * found[1][0]:
                    return found[0][1], resume
                break
    # One U+FFFD for the character; a "?" (an ASCII byte the decoder swallowed) stays.
    return "\ufffd", err.end if b2 == b"?" else resume


# The punctuation of Chinese text in U+3000..U+303F (UTF-8 E3 80 xx).
_CJK_PUNCTUATION = frozenset("、。〈〉《》「」『』【】〔〕〖〗")
_BRACKETS = dict(zip("〈《「『【〔〖", "〉》」』】〕〗"))


def _closing_mark(before: str) -> str:
    """What ends a Chinese sentence that ``before`` starts: the closing mark of the bracket
    its last sentence left open, else the full stop."""
    opened: list[str] = []
    for ch in re.split("[。！？]", before)[-1]:
        if ch in _BRACKETS:
            opened.append(ch)
        elif opened and ch == _BRACKETS[opened[-1]]:
            opened.pop()
    return _BRACKETS[opened[-1]] if opened else "。"


_LOST_BYTE = "lit-indexer-lost-byte"
codecs.register_error(_LOST_BYTE, _restore_lost_byte)


def _gbk_read_as_latin1(s: str) -> str:
    """Undo GBK bytes decoded as Latin-1 (``ÕªÒª`` for 摘要), when the round trip is strict."""
    high = len(_HIGH_LATIN1.findall(s))
    # GBK read as Latin-1 is nearly all high Latin-1 characters; Portuguese or French text
    # with a few accents ("Avaliação da mudança") is not, and must stay as it is.
    if high < 4 or high < 0.6 * sum(1 for c in s if c.isalpha()):
        return s
    try:
        fixed = s.encode("latin-1").decode("gbk")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return s
    return fixed if _han_count(fixed) >= 2 else s


def fix_mojibake(s: str) -> str:
    """Repair text decoded with the wrong codec, never touching Chinese punctuation.

    Uses ftfy's encoding fixer only (its default ``fix_text`` would turn ``：，（）`` into
    ASCII), then the two Chinese cases ftfy cannot repair.

    >>> fix_mojibake("é¦–é¡µ > æœŸåˆŠ")
    '首页 > 期刊'
    >>> fix_mojibake("鍩轰簬绔炰簤鎴樼暐")
    '基于竞争战略'
    >>> fix_mojibake("基于竞争战略：（一）")
    '基于竞争战略：（一）'
    """
    if s.isascii():
        return s
    fixed = ftfy.fix_encoding(s)
    if fixed == s:
        fixed = _gbk_read_as_latin1(s)
    if fixed == s:
        fixed = _utf8_read_as_gbk(s)
    return fixed


_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unescape_html(s: str) -> str:
    """Decode HTML character references (``&#26292;`` → 暴, ``&mdash;`` → —, ``&nbsp;`` → space).

    >>> unescape_html("&#26292;露 &amp; R&D")
    '暴露 & R&D'
    """
    if "&" not in s or not _ENTITY.search(s):
        return s
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), s).replace("\u00a0", " ")


# Paired HTML/CSL markup in exported text (CNKI and Wanfang keep <sup>/<sub> in titles and
# abstracts; CSL-JSON has <i>, <b>, <sc>, <span class="nocase">).
_MARKUP = re.compile(r"<(sup|sub)>(.*?)</\1>|<(i|b|em|strong|u|sc)>(.*?)</\3>|<span\b[^<>]*>(.*?)</span>",
                     re.S | re.I)


_BREAK = re.compile(r"[\s\u3000]*<(?:br\s*/?|/?p)>[\s\u3000]*", re.I)
# CNKI's plain-text exports write superscript as ~(…) and subscript as _(…): "IC_(50)",
# "10~(-13)", "Ca~(2+)", "NiCo_(2)O_(4)", a citation "情况~([1-3])", the brackets full-width in
# some exports ("Ca~（2+）"); one digit after a Latin or Greek letter or a charge without
# brackets: "H_3PO_4", "m~2/s", "χ~2=14.817", "CD4~+", "Cl~-"; a power of ten after a times sign,
# "1×10~6个/mL".  (A ~ between numbers is a range, 1~3个月, 10~20 or 0.05~2C, and stays; so does
# an identifier, NC_056057.)  Text holding this markup is CNKI's, so its "Alq_3" is read too.
_CNKI_SCRIPT = re.compile(r"(?<=[^\s~_])(?P<m>[~_])\((?P<t>[^()\s]{1,12})\)"
                          r"|(?<=[^\s~_])(?P<m5>[~_])（(?P<t5>[^（）\s]{1,12})）"
                          r"|(?<=[A-Za-zα-ωΑ-Ω])(?P<m1>[~_])(?P<t1>\d)(?![\d.])"
                          r"|(?<=[A-Za-z0-9])(?P<m2>~)(?P<t2>\+)(?![\d(])|(?<=[A-Za-z])(?P<m3>~)(?P<t3>-)(?![\d(])"
                          r"|(?<=×10)(?P<m4>~)(?P<t4>\d{1,2})(?![\d.])")


def _cnki_script(m: re.Match) -> str:
    mark, text = next((m.group(f"m{i}"), m.group(f"t{i}")) for i in ("", "1", "2", "3", "4", "5") if m.group(f"m{i}"))
    return scripted(text, mark == "~")


# In text with no other CNKI markup, a bare subscript, _ and one digit (CNKI brackets longer
# ones, "IC_(50)"), is CNKI's only inside a formula: a word of element symbols, digits and
# brackets ("Al_2O_3", "H_2O", "(NH_4)_2SO_4", "CO_2"), or one letter of maths ("x_1", "β_2").
# Elsewhere it is an identifier's ("file_2", "snake_case_3", "IP_3G", "NC_056057", "HPV_16";
# "Alq_3" and "BOD_5" too, rather than guess) and stays, as does any _ in a word of a URL, path,
# DOI or e-mail ("a.org/CO_2", "co_2@x.cn"), or in TeX ("$x_2$": kept as written).
_ELEMENTS = ("He Li Be Ne Na Mg Al Si Cl Ar Ca Sc Ti Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Zr Nb Mo Tc "
             "Ru Rh Pd Ag Cd In Sn Sb Te Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta Re Os Ir "
             "Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa Np Pu Am Cm Bk Cf Es Fm Md No Lr "
             "H B C N O F P S K V Y I W U").split()
_BARE_SUBSCRIPT = re.compile(r"(?<=[A-Za-zα-ωΑ-Ω)\]])_(?P<t>[1-9])(?!\d|\.\d)")
_FORMULA_CHAR = re.compile(r"[A-Za-zα-ωΑ-Ω0-9_()\[\]]")
_FORMULA = re.compile(rf"(?:{'|'.join(_ELEMENTS)}|[()\[\]]|_?\d)+|[A-Za-zα-ωΑ-Ω]_\d")
_ASCII_CHAR = re.compile(r"[!-~]")
# A link, path or address the formula stands in (a scheme, www., a DOI, a domain or a file's
# suffix, an e-mail's @host.), or TeX ($x_2$, written as TeX); not a composite's "/" or a core-shell's "@"
# ("Al_2O_3/SiC", "Fe_3O_4@SiO_2") nor a sentence's glued full stop ("CO_2.The").
_LINK_LIKE = re.compile(r"://|www\.|\b10\.\d{4,}/|@\w+\.\w|[\\$^{}]|\.[a-z]{2,4}\b|[?#]")


def _run_at(s: str, at: int, char: re.Pattern) -> str:
    """The run of characters matching ``char`` around position ``at`` of ``s``."""
    start, end = at, at
    while start and char.fullmatch(s[start - 1]):
        start -= 1
    while end < len(s) and char.fullmatch(s[end]):
        end += 1
    return s[start:end]


def _formula_subscript(m: re.Match) -> str:
    if not _FORMULA.fullmatch(_run_at(m.string, m.start(), _FORMULA_CHAR)) or \
            _LINK_LIKE.search(_run_at(m.string, m.start(), _ASCII_CHAR)):
        return m.group(0)
    return scripted(m.group("t"), False)


def flatten_markup(s: str) -> str:
    """Paired markup as plain text: tags dropped, ``<sup>2</sup>`` as ², ``<sub>4</sub>`` as ₄
    (when every character has a Unicode form; else the characters as they are), and so CNKI's
    ``~(2)`` and ``_(4)`` (``~（2+）`` too), and a bare ``_3`` in a formula.  A lone
    ``<`` or an unpaired tag is text ("a<b>c" stays).  A line or paragraph break (``<br>``,
    ``<p>``, with the indent of ideographic spaces after it) is one space.

    >>> flatten_markup("NH<sub>4</sub><sup>+</sup>, mm<sup>2</sup>·s<sup>−1</sup>, V<sub>max</sub>, <i>E. coli</i>")
    'NH₄⁺, mm²·s⁻¹, Vmax, E. coli'
    >>> flatten_markup("if a<b>c then")
    'if a<b>c then'
    >>> flatten_markup("报告如下：<br>\u3000\u30001材料与方法<BR/>")
    '报告如下： 1材料与方法 '
    >>> flatten_markup("IC_(50), 10~(-13)m~2/s, NiCo_(2)O_(4), H_3PO_4, CD4~+T, Cl~-, 情况~([1-3])。1~3个月, NC_056057")
    'IC₅₀, 10⁻¹³m²/s, NiCo₂O₄, H₃PO₄, CD4⁺T, Cl⁻, 情况[1-3]。1~3个月, NC_056057'
    >>> flatten_markup("(χ~2=14.817,P<0.05), 1×10~6个/mL, 10~20, 2~3次")
    '(χ²=14.817,P<0.05), 1×10⁶个/mL, 10~20, 2~3次'
    >>> flatten_markup("Ca~（2+）, 氧化铝（Al_2O_3）")
    'Ca²⁺, 氧化铝（Al₂O₃）'
    >>> flatten_markup("氧化铝（Al_2O_3）, (NH_4)_2SO_4, β_2-受体; file_2, snake_case_3, IP_3G, a.org/CO_2")
    '氧化铝（Al₂O₃）, (NH₄)₂SO₄, β₂-受体; file_2, snake_case_3, IP_3G, a.org/CO_2'
    >>> flatten_markup("Al_2O_3/SiC, Fe_3O_4@SiO_2, CO_2.The; x_1.5, co_2@x.cn, https://a/H_2O, 10.1000/a_2")
    'Al₂O₃/SiC, Fe₃O₄@SiO₂, CO₂.The; x_1.5, co_2@x.cn, https://a/H_2O, 10.1000/a_2'
    >>> flatten_markup("data/Fe_3O_4.csv, springer.de/CO_2, TiO_2/graphene, Al_2O_3/SiO_2")
    'data/Fe_3O_4.csv, springer.de/CO_2, TiO₂/graphene, Al₂O₃/SiO₂'
    """
    if "~" in s or "_(" in s or "_（" in s:
        s = _CNKI_SCRIPT.sub(_cnki_script, s)
    if "_" in s:
        s = _BARE_SUBSCRIPT.sub(_formula_subscript, s)
    if "<" not in s:
        return s
    s = _BREAK.sub(" ", s)
    for _ in range(4):  # nested: <i>NH<sub>4</sub></i>
        out = _MARKUP.sub(lambda m: scripted(m.group(2), m.group(1).lower() == "sup") if m.group(1)
                          else m.group(4) if m.group(3) else m.group(5), s)
        if out == s:
            return out
        s = out
    return s


# BibTeX's case protection left in the text of another format: a BibTeX library exported as
# RIS or EndNote keeps "{E}uropean {I}nformation {S}ystems", "{COVID}-19", "Maurie {McInnis}".
_CASE_BRACES = re.compile(r"(?<![\\{])\{([A-Za-z][A-Za-z'’.\-]*(?: [A-Za-z][A-Za-z'’.\-]*)*)\}(?!\})")
_LATIN_LETTER = re.compile(r"[A-Za-z]")


def strip_case_braces(s: str) -> str:
    """Braces around Latin words that protect their case, dropped: a group of letters joined
    to a word (``{E}uropean``) or holding a capital (``{COVID}``, ``{McInnis}``).  Sets and
    groups of anything else stay (``{p,q}-可解群``, ``{111}织构``, ``{x}``, ``\\{``).

    >>> strip_case_braces("Twenty years of the {E}uropean {I}nformation {S}ystems {A}cademy at {ECIS}")
    'Twenty years of the European Information Systems Academy at ECIS'
    >>> strip_case_braces("有限{p,q}-可解群, 强烈的{111}织构, the set {x}")
    '有限{p,q}-可解群, 强烈的{111}织构, the set {x}'
    """
    if "{" not in s:
        return s

    def unbraced(m: re.Match) -> str:
        inner = m.group(1)
        joined = _LATIN_LETTER.match(s[m.start() - 1:m.start()]) or _LATIN_LETTER.match(s[m.end():m.end() + 1])
        return inner if joined or (len(inner) > 1 and inner != inner.lower()) else m.group(0)

    return _CASE_BRACES.sub(unbraced, s)


_FULLWIDTH_RE = re.compile(f"[{FULLWIDTH_ALNUM}]")
_IDEOGRAPHIC_SPACE_IN_LATIN = re.compile(r"(?<=[A-Za-z0-9])\u3000(?=[A-Za-z0-9])")
# The full-width forms of ASCII's punctuation (of ！ to ～, all but letters and digits), each
# U+FEE0 above it.
_FULLWIDTH_PUNCT = re.compile("[\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff5e]")
# What makes a text Chinese, Japanese or Korean: its characters, its own punctuation (、。「」《》
# …) or half-width katakana.  Not the ideographic space: Latin text typed with a Chinese input
# method has it too ("Ｄｅｅｐ　Ｌｅａｒｎｉｎｇ").
_CJK_TEXT = re.compile(f"[{HAN}{KANA}{HANGUL}\u3001-\u303f\uff61-\uff9f]")
# A full-width round bracket pair (innermost) and the Latin word or number touching it outside.
_FULLWIDTH_BRACKETS = re.compile(r"(?<![A-Za-z0-9])(?P<before>[A-Za-z0-9]*)"
                                 r"（(?P<inside>[^（）]*)）(?P<after>[A-Za-z0-9]?)")


def _to_ascii(m: re.Match) -> str:
    return chr(ord(m.group(0)) - 0xFEE0)


# A full-width hyphen or comparison sign, or a decimal point, inside a Latin token: between two
# Latin letters or digits, one of them full-width ("ＣＯＶＩＤ－１９", "ｐ＜０．０５", "ｐ＜．０５"): folded
# with them, or the token is left half folded (COVID－19).  Not a full stop between letters
# ("Ｌｅｅ Ｋ．Ｔｉｔｌｅ", a reference's), nor one typed beside ASCII (P＜0.05, 1．38 in Chinese text).
_FW_ALNUM = f"[A-Za-z0-9{FULLWIDTH_ALNUM}]"
_FULLWIDTH_JOINER = re.compile(rf"(?<={_FW_ALNUM})(?:[－＜＝＞]|(?<=[0-9０-９])．|[－＜＝＞]．(?=[0-9０-９]))(?={_FW_ALNUM})")


def _joiner_to_ascii(m: re.Match) -> str:
    s, start, end = m.string, m.start(), m.end()
    if _FULLWIDTH_RE.match(s[start - 1]) or _FULLWIDTH_RE.match(s[end]):
        return "".join(chr(ord(c) - 0xFEE0) for c in m.group(0))
    return m.group(0)


def fold_fullwidth_alnum(s: str) -> str:
    """Full-width Latin letters and digits to ASCII, and the hyphen, comparison sign or decimal
    point inside such a token; other full-width punctuation stays (see
    :func:`fold_fullwidth_punctuation`).

    >>> fold_fullwidth_alnum("Ｔｈｅ ｒｏｌｅ，２０２１年"), fold_fullwidth_alnum("ＣＯＶＩＤ－１９的（ｐ＜０．０５）")
    ('The role，2021年', 'COVID-19的（p<0.05）')
    >>> fold_fullwidth_alnum("（ｐ＜．０５）。Ｌｅｅ Ｋ．Ｔｉｔｌｅ"), fold_fullwidth_alnum("P＜0.05，1．38％")
    ('（p<.05）。Lee K．Title', 'P＜0.05，1．38％')
    """
    if not _FULLWIDTH_RE.search(s):
        return s
    s = _FULLWIDTH_JOINER.sub(_joiner_to_ascii, s)
    return _IDEOGRAPHIC_SPACE_IN_LATIN.sub(" ", _FULLWIDTH_RE.sub(_to_ascii, s))


# Half-width katakana (ｶｳﾝｾﾘﾝｸﾞ, ｽﾄﾚｽ: old Japanese systems' and Shift-JIS exports') and the half-width
# ｡｢｣､･ of their block, a run opening with no lone voiced mark (ﾞ ﾟ, which NFKC would leave combining).
_HALFWIDTH_KANA = re.compile("[\uff61-\uff9d][\uff61-\uff9f]*")


def fold_halfwidth_kana(s: str) -> str:
    """Half-width katakana to full-width, as NFKC folds them (a voiced mark joined to its letter:
    ｸﾞ → グ); nothing else of the text is touched (NFKC would fold ＰＨＱ, ①, ㎎ too).

    >>> fold_halfwidth_kana("ｶｳﾝｾﾘﾝｸﾞ"), fold_halfwidth_kana("ｱﾝｹｰﾄ調査｡①ＰＨＱ")
    ('カウンセリング', 'アンケート調査。①ＰＨＱ')
    """
    if not _HALFWIDTH_KANA.search(s):
        return s
    return _HALFWIDTH_KANA.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), s)


def fold_fullwidth_punctuation(s: str) -> str:
    """Full-width punctuation to ASCII in a text with Latin letters and no Chinese, Japanese or
    Korean (an English title, abstract or keyword typed with a Chinese input method); in CJK
    text all of it stays, even beside a Latin word (``采用CNN（卷积神经网络）方法，``, ``P＜0.05``).
    (A keyword line is folded keyword by keyword: "A：。" holds a Chinese full stop, its
    keyword "A：" none.)

    A round bracket's width stood for the space outside it: a folded one gets it where a word
    touches it (``model（CNN）for`` → ``model (CNN) for``), but not in notation (``Ca（OH）2``,
    ``f（x）``, a volume's issue ``51（3）``).  The space after a folded ``, . ; :`` is left to
    :func:`restore_space_after_punctuation`, which knows ``95.3`` from ``good.Results``.

    >>> fold_fullwidth_punctuation("Ca（OH）2 in f（x），in 2020（n＝5）；51（3）")
    'Ca(OH)2 in f(x),in 2020 (n=5);51(3)'
    >>> fold_fullwidth_punctuation("采用CNN（卷积神经网络）方法，P＜0.05")
    '采用CNN（卷积神经网络）方法，P＜0.05'
    >>> fold_fullwidth_punctuation("1984，1（1）")   # no Latin text: nothing says English
    '1984，1（1）'
    >>> fold_fullwidth_punctuation("in Table 2．Ca（OH）2 rose！It fell in the U．S．A．")
    'in Table 2. Ca(OH)2 rose! It fell in the U.S.A.'
    """
    if not _FULLWIDTH_PUNCT.search(s) or _CJK_TEXT.search(s) or not _LATIN_LETTER.search(s):
        return s
    s = _FULLWIDTH_SENTENCE_END.sub(lambda m: _to_ascii(m) + " ", s)
    return _FULLWIDTH_PUNCT.sub(_to_ascii, _FULLWIDTH_BRACKETS.sub(_spaced_brackets, s))


# A full-width full stop, ! or ? that ends a sentence before a capital ("Table 2．Ca…"), which
# restore_space_after_punctuation would not space after a digit; not one inside "U．S．A．".
_FULLWIDTH_SENTENCE_END = re.compile(r"(?<=[a-z0-9)）])[．！？](?=[A-Z])")


def _spaced_brackets(m: re.Match) -> str:
    """A full-width bracket pair as ASCII, with a space where a word touches it outside."""
    before, inside, after = m.group("before", "inside", "after")
    notation = (len(before) == 1 and before.isalpha()          # f（x）, p（A）
                or after.isdigit()                              # Ca（OH）2
                or before.isdigit() and inside.isdigit())       # 51（3）: volume and issue
    if notation:
        return f"{before}({inside}){after}"
    return f"{before}{' ' if before else ''}({inside}){' ' if after else ''}{after}"


def strip_zheng_marker(s: str) -> str:
    """Remove the ``<正>`` marker Chinese databases put before an article's opening text.

    >>> strip_zheng_marker("＜正＞量子信息是")
    '量子信息是'
    """
    if "正" not in s:
        return s
    out = s
    for marker in ZHENG_MARKERS:
        out = out.replace(marker, "")
    return out.strip() if out != s else s


# The heading of an abstract kept in its text: 【摘要】 (CNKI's RefWorks), 摘要：, and a publisher's
# "Abstract" heading run into the first sentence ("Abstract Improving energy efficiency, …").
_ABSTRACT_LABEL = re.compile(r"\s*(?:[【\[]\s*摘\s*要\s*[】\]]\s*[:：]?|摘\s*要\s*[:：]"
                             r"|(?:Abstract|ABSTRACT)(?:\s*[:：.]\s*|\s+(?=[A-Z0-9(\"“]|[\[【][A-Z])))\s*")


def strip_abstract_label(s: str) -> str:
    """Remove the heading "Abstract" / 摘要 that opens an abstract's text.

    >>> strip_abstract_label("【摘要】目的探讨疗效。"), strip_abstract_label("Abstract Here we review pHLIPs.")
    ('目的探讨疗效。', 'Here we review pHLIPs.')
    >>> strip_abstract_label("Abstract"), strip_abstract_label("Abstract algebra is used here.")
    ('Abstract', 'Abstract algebra is used here.')
    >>> strip_abstract_label("Abstract [Objective]To analyze the risk.")   # VIP's, a section's heading bracketed
    '[Objective]To analyze the risk.'
    """
    m = _ABSTRACT_LABEL.match(s)
    return s[m.end():] if m else s


# A footnote mark after a Chinese title (its funding note: "…影响因素研究*——以…为例"): after a
# Han character or a closing mark, before the end, a dash, a colon or a space.
_FOOTNOTE_MARK = re.compile(f"(?<=[{HAN}”》）)])[*＊†‡]+(?=$|\\s|——|—|[:：])")


def strip_footnote_mark(s: str) -> str:
    """Remove a footnote mark CNKI keeps after a Chinese title; "A*" or "HLA-DRB1*13" stay.

    >>> strip_footnote_mark("信息技术课程深度学习影响因素研究*——以学习内容为例"), strip_footnote_mark("大学的生成机理*")
    ('信息技术课程深度学习影响因素研究——以学习内容为例', '大学的生成机理')
    >>> strip_footnote_mark("HLA-DRB1*13 and A* search")
    'HLA-DRB1*13 and A* search'
    """
    return _FOOTNOTE_MARK.sub("", s).rstrip() if any(mark in s for mark in "*＊†‡") else s


# Where a database or a site cut a text: "...", "…", "。。。", "．．．" (three dots and more: a
# sentence's own full stop may come before them, "良好...."; two are a slip, "in humans.. and").
_ELLIPSIS = r"\.{3,}|…+|。。。|．．．"
_ELLIPSIS_RE = re.compile(_ELLIPSIS)
_ELLIPSIS_CHARS = "".join(sorted(set("".join(ELLIPSES))))
_CUT_OFF_RE = re.compile(rf"(?:{_ELLIPSIS})$")


def text_key(s: str) -> str:
    """A text's letters, digits and characters only, full-width folded: what a preview and its
    full text share when a page spaces or punctuates them differently ("malignancies,but" in
    the preview, "malignancies, but" in the full text).

    >>> text_key("malignancies, but prim"), text_key("２０１５年1月至")
    ('malignanciesbutprim', '2015年1月至')
    """
    return "".join(ch for ch in unicodedata.normalize("NFKC", s) if ch.isalnum())


def collapse_truncated_preview(s: str, min_preview: int = 8) -> str:
    """A truncated preview ending in ``...``/``…`` followed by the full text becomes the full text.

    The preview is the full text's beginning, compared by :func:`text_key` (a page may space or
    punctuate the two differently), and may end with a sentence's own full stop before the dots.

    >>> collapse_truncated_preview("Spinal metastases are ...Spinal metastases are common.")
    'Spinal metastases are common.'
    >>> collapse_truncated_preview("电荷存储稳定性良好....电荷存储稳定性良好.结果表明")
    '电荷存储稳定性良好.结果表明'
    >>> collapse_truncated_preview("common in patients,but prim...common in patients, but primaries are scarce.")
    'common in patients, but primaries are scarce.'
    >>> collapse_truncated_preview("Values rose ... then fell.")
    'Values rose ... then fell.'
    """
    preview, keyed = "", 0
    for m in _ELLIPSIS_RE.finditer(s):
        # the key of the text before each "...", keyed once: an ellipsis joins nothing before it
        preview += text_key(s[keyed:m.start()])
        keyed = m.start()
        rest = _SPACES.match(s, m.end()).end()
        if len(preview) >= min_preview and _key_goes_on_from(s, rest, preview):
            return s[rest:]
    return s


_SPACES = re.compile(r"\s*")


def preview_outruns(cut: str, full: str) -> bool:
    """Whether the text of ``cut``, a preview cut off at "..." or "…", keys longer than ``full``:
    then ``full`` is not its full text, which :func:`collapse_truncated_preview` takes only as
    it goes on past the preview's key.  Told keying no more of ``cut`` than it takes (a piece
    twice as long each time, its last character told from a longer piece, as
    :func:`_key_goes_on_from` does), so a long abstract ending at "..." is not keyed whole for
    each line after it; the ellipses and spaces it ends with are no part of the preview.

    >>> preview_outruns("Spinal metastases are common in ...", "Spinal metastases are common."), preview_outruns("Spinal metast...", "Spinal metastases.")
    (True, False)
    """
    end = len(cut)
    while end and (cut[end - 1] in _ELLIPSIS_CHARS or cut[end - 1].isspace()):
        end -= 1
    limit, size = len(text_key(full.lstrip())), 64
    while True:
        key = text_key(cut[:min(size, end)])
        if size >= end:
            return len(key) > limit
        if len(key) - 1 > limit:
            return True
        size *= 2


def _key_goes_on_from(s: str, start: int, key: str) -> bool:
    """Whether the :func:`text_key` of ``s[start:]`` starts with ``key`` and goes on after it,
    keying no more of ``s`` than it takes to tell (a text with many "..." is not keyed whole
    after each).  The last character a piece's key ends with may join what follows it (e and a
    combining accent, a Hangul syllable's jamo), so it is told only from a longer piece.

    >>> _key_goes_on_from("x Spinal, metastases are", 2, "Spinalmetastases"), _key_goes_on_from("Spinal", 0, "Spinal")
    (True, False)
    >>> _key_goes_on_from("caf" + "e\u0301" * 40, 0, "caf" + "é" * 39)
    True
    """
    size = 64
    while True:
        head = text_key(s[start:start + size])
        whole = start + size >= len(s)
        known = head if whole else head[:-1]
        if not key.startswith(known[:len(key)]):
            return False
        if len(known) > len(key):
            return True
        if whole:
            return False
        size *= 2


def _search_end(pattern: re.Pattern, s: str, chars: str, digits: bool = False) -> re.Match | None:
    """``pattern.search(s)`` for a pattern anchored at the end (``$``) whose match holds only
    ``chars``, spaces (and digits): searched from where the run of those that ``s`` ends with
    begins, since no match can begin before it.  A search from the start tries every place
    in the text, so asking it of an abstract after each line joined to it was quadratic.
    (A lookbehind still sees the text before that place.)

    >>> _search_end(re.compile(r" *[ab]+$"), "xab ab", "ab").span(), _search_end(re.compile(r"(?<=a)b$"), "ab", "b").span()
    ((3, 6), (1, 2))
    """
    i = len(s)
    while i and (s[i - 1] in chars or s[i - 1].isspace() or digits and s[i - 1].isdecimal()):
        i -= 1
    return pattern.search(s, i)


def _search_last(pattern: re.Pattern, s: str, width: int) -> re.Match | None:
    """``pattern.search(s)`` for a pattern anchored at the end whose match is ``width``
    characters at most: searched from there (and a line's end before it, which ``$`` allows).

    >>> _search_last(re.compile(r"[.!]$"), "Done.", 1).group(), _search_last(re.compile(r"[.!]$"), "Done.\\n", 1).span()
    ('.', (4, 5))
    """
    return pattern.search(s, max(0, len(s) - width - 1))


_TOGGLES = ("隐藏更多",) + UI_TOGGLES
_TOGGLE_RE = re.compile(r"(?:\s*(?:" + "|".join(re.escape(t) for t in _TOGGLES) + r"))+\s*$")
_TOGGLE_CHARS = "".join(sorted(set("".join(_TOGGLES))))
# What may stand before a toggle that is button text (see strip_toggle).
_BEFORE_TOGGLE = re.compile(r"[。.．…！!？?）)\]】”\"'’;；0-9A-Za-z\u3002]$")


# A page's buttons and counters copied onto the end of a line ("…路径 认领 被引量：12 下载量：345",
# "…。 收藏 下载 分享"); each stands apart, after a space or a sentence's end.
_BUTTON = "|".join([UI_COUNTER] + [re.escape(w) for w in sorted(UI_WORDS, key=len, reverse=True)])
_BUTTONS_AT_END = re.compile(rf"(?:(?<=[。！？.!?])|\s+)(?:{_BUTTON})(?:\s+(?:{_BUTTON}))*\s*$")
# (every character the buttons and counters are written with, and more: UI_COUNTER's pattern)
_BUTTON_CHARS = "".join(sorted(set(UI_COUNTER + "".join(UI_WORDS))))


def strip_buttons(s: str) -> str:
    """Remove a page's buttons and counters from the end of a line: two or more, or one
    after the end of a sentence ("软件 下载" may be words; "软件 下载 分享" is not).

    >>> strip_buttons("本文研究了在线诉讼的发展路径。 收藏 下载 分享"), strip_buttons("路径 认领 被引量：12 下载量：345")
    ('本文研究了在线诉讼的发展路径。', '路径')
    >>> strip_buttons("数字时代 引用 分享"), strip_buttons("开源软件 下载")
    ('数字时代', '开源软件 下载')
    """
    m = _search_end(_BUTTONS_AT_END, s, _BUTTON_CHARS, digits=True)
    if not m:
        return s
    head = s[:m.start()].rstrip()
    if len(re.findall(_BUTTON, m.group())) < 2 and not head.endswith(("。", "！", "？", ".", "!", "?")):
        return s
    return head


def cut_off_mark(s: str) -> str:
    """The mark a text cut short ends at ("...", "…", "。。。"), a page's toggle or buttons after
    it aside; "" when the text ends whole.  Every reader's abstract is told cut short by this.

    >>> cut_off_mark("结果病理..."), cut_off_mark("…from unknown prim…展开更多"), cut_off_mark("in humans..")
    ('...', '…', '')
    """
    m = _search_end(_CUT_OFF_RE, strip_toggle(strip_buttons(s.rstrip())), _ELLIPSIS_CHARS)
    return m.group() if m else ""


def strip_ui_residue(s: str) -> str:
    """Remove "show more / show less" button text glued to the end of a field
    (:func:`strip_toggle`), and the page's other buttons (:func:`strip_buttons`).

    >>> strip_ui_residue("有较好疗效.展开更多"), strip_ui_residue("有较好疗效。 收藏 下载 分享")
    ('有较好疗效.', '有较好疗效。')
    """
    return strip_toggle(strip_buttons(s))


def strip_toggle(s: str) -> str:
    """Remove "show more / show less" button text (:data:`UI_TOGGLES`) from the end of a field.

    >>> strip_toggle("有较好疗效.展开更多"), strip_toggle("预后因素。查看全部>>"), strip_toggle("预后因素。[更多]")
    ('有较好疗效.', '预后因素。', '预后因素。')
    >>> strip_toggle("手术治疗后…展开全部"), strip_toggle("手术治疗后．．．收起")
    ('手术治疗后…', '手术治疗后．．．')
    >>> strip_toggle("问题的展开"), strip_toggle("Taylor展开"), strip_toggle("DNA展开更多")
    ('问题的展开', 'Taylor展开', 'DNA')
    >>> strip_toggle("结果显示该方法可行，详见图1展开"), strip_toggle("结果显示该方法可行，行CT展开")
    ('结果显示该方法可行，详见图1', '结果显示该方法可行，行CT')
    >>> strip_toggle("鼓励学生阅读全文"), strip_toggle("培养了学生的阅读能力。阅读全文"), strip_toggle("全部展开")
    ('鼓励学生阅读全文', '培养了学生的阅读能力。', '')
    """
    m = _search_end(_TOGGLE_RE, s, _TOGGLE_CHARS)
    if not m:
        return s
    head = s[:m.start()]
    # A toggle is button text only after the end of a sentence, a preview's cut (…) or a closing bracket;
    # "问题的展开" ends with the word 展开 ("unfold") and stays, and so does a keyword
    # "Taylor展开" (Taylor expansion): a word alone after a Latin letter, in a text that is no
    # sentence, is one ("详见图1展开" and "…of the CT展开" lose the button).
    if head and not _search_last(_BEFORE_TOGGLE, head, 1):
        return s
    if head[-1:].isascii() and head[-1:].isalpha() and s[m.start():].strip() in UI_TOGGLE_WORDS \
            and not re.search(r"[。.！!？?；;，,]", head):   # a term (a keyword), not a sentence's end
        return s
    return head.rstrip()


_SPACE_RUNS = re.compile(r"[ \t\u00a0\u2002-\u200a\u202f\u205f]+")
# Control characters are never text: binary bytes read into a field, or a word processor's
# breaks.  Those that break a line or separate records (VT, FF, FS..US, NEL) stand for a space;
# the others (C0 but tab, LF and CR; DEL; C1) are dropped.  C1 characters are what UTF-8
# read as Latin-1 is made of ("â\x80\x99" for ’): they go only after fix_mojibake has run
# (it comes first in every field's repairs).
_BREAKING_CONTROLS = re.compile("[\x0b\x0c\x1c-\x1f\x85]")
_OTHER_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")


def _drop_control_characters(s: str) -> str:
    """Control characters out of a text: a space for a break or separator, nothing for the rest."""
    return _OTHER_CONTROLS.sub("", _BREAKING_CONTROLS.sub(" ", s))


def drop_invisible_characters(s: str) -> str:
    """Control characters (as :func:`normalize_whitespace` drops them) and invisible format
    characters (a zero width space, a soft hyphen, a word joiner, U+FEFF; the joiners and bidi
    controls where they do nothing: :func:`charsets.drop_invisible`) out of a value whose spaces
    stay as they are (a DOI, a volume, a value kept in ``extra``); the ends trimmed when that
    left a space there (``CNKI \\x1a``).

    >>> drop_invisible_characters("10.1016/j.jcp.2021.01.001\\u200b"), drop_invisible_characters("CNKI \\x1a")
    ('10.1016/j.jcp.2021.01.001', 'CNKI')
    >>> drop_invisible_characters(" 12  (3) ")   # nothing dropped: as it was
    ' 12  (3) '
    """
    out = drop_invisible(_drop_control_characters(s))
    return out.strip() if out != s else s


def normalize_whitespace(s: str) -> str:
    """Non-breaking and other odd spaces become one ASCII space; ends trimmed; control
    characters dropped, a break or separator among them (``\\x0b``, ``\\x1e``) a space, and so
    are invisible format characters (:func:`drop_invisible_characters`).

    >>> normalize_whitespace("in\\u00a0the  rat ")
    'in the rat'
    >>> normalize_whitespace("Line one\\x0bline two\\x0f \\x1e\\x7f\\x9d")
    'Line one line two'
    >>> normalize_whitespace("Gastric\\u200b cancer, stom\\u00adach \\u2060")
    'Gastric cancer, stomach'
    """
    out = _SPACE_RUNS.sub(" ", drop_invisible(_drop_control_characters(s))).strip()
    return out if out != s else s


# Tokens never touched by the spacing repair: URLs, e-mail addresses, DOIs.
_PROTECTED_TOKEN = re.compile(r"(?:://|www\.|@|\b10\.\d{4,9}/)", re.IGNORECASE)
# , ; : glued to a following word: "malignancies,but", "Skills:Evidence".
_GLUED_CLAUSE = re.compile(r"(?<=[A-Za-z0-9)\]'’\"”%])([,;:])(?=[A-Za-z(\[“‘])")
# . glued to a following capitalised word: "prognosis.Knowledge", "(T7).Radiographic".
_GLUED_SENTENCE = re.compile(r"(?<=[A-Za-z0-9)\]'’\"”%])(\.)(?=[A-Z][A-Za-z]|[AI]$)")
_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
_SINGLE_LETTER_BEFORE = re.compile(r"(?:^|[^A-Za-z0-9])[A-Za-z]['\"′″]*$")
_SINGLE_LETTER_AFTER = re.compile(r"^[A-Za-z](?:[^A-Za-z0-9]|$)")
_WORD_AFTER = re.compile(r"[A-Za-z0-9]*")
# A code rather than a word: a digit in it (H7, C10), capitals only (YAG, XX), a small letter
# then a capital (xEu), or one letter before a sign (N-glycanase, g.107930611, p.(P282S)).
_CODE = re.compile(r"[A-Za-z]*[0-9][A-Za-z0-9]*|[A-Z0-9]{2,}|[a-z][A-Z][A-Za-z0-9]*")
_SIGNS_AFTER_LETTER = frozenset("-.)(/'′")
_NAME_ENDINGS = frozenset({"com", "net", "org", "js", "io"})  # Etsy.Com, ASP.NET, Node.JS
# A dotted name a text gives in brackets, all of them: "liposomal praziquantel (lip.PZQ)".
_BRACKETED_NAME = re.compile(r"(?<=[(\[])[A-Za-z]+\.[A-Z][A-Za-z0-9]*(?=[)\]])")
# A capitalised word of two or three letters, as a name's first part ("the Epi.Lens N").
_SHORT_NAME = re.compile("[A-Z][a-z]{1,2}")
_ARTICLES = frozenset({"the", "a", "an", "The", "A", "An"})
# Punctuation followed by a space, and commas or semicolons run into the next word: a text with
# many of the first and few of the second spaces its punctuation (see :func:`_ratio`).
_SPACED_MARK = re.compile(r"[,;:] ")
_GLUED_COMMA = re.compile(r"[A-Za-z)\]][,;][A-Za-z]")


def _bracketed_marks(token: str) -> set[int]:
    """Where the ``, ;`` of a token stand inside brackets it opens and closes itself, with no
    space between: a peptide's or a phosphosite's list (``[Phe(2),BuGly(7)]``,
    ``SGK1[Ser(P)(422),Thr(P)(256)]``, ``[125I,D-Ala6-desGly10]``), never a clause.  One pass:
    each mark is noted with the bracket around it, kept if that bracket closes."""
    opened: list[int] = []
    marks: list[tuple[int, int]] = []
    closed: set[int] = set()
    for i, ch in enumerate(token):
        if ch in "([":
            opened.append(i)
        elif ch in ")]" and opened:
            closed.add(opened.pop())
        elif ch in ",;" and opened:
            marks.append((i, opened[-1]))
    return {i for i, bracket in marks if bracket in closed}


# A namespace prefix in leftover XML markup ("<mml:mspace width=…/>", "</mml:math>").
_MARKUP_PREFIX = re.compile(r"</?[A-Za-z][A-Za-z0-9]*$")
# The word a colon follows when it closes a structured abstract's label ("RESULTS:In").
_LABEL_WORD = re.compile(rf"(?i:{EN_LABELS_ALTERNATION})")


# Words that put a colon in a sentence, before it or after it: not a ratio's sides.
_PROSE_BEFORE_COLON = frozenset({"follows", "following", "namely", "include", "includes", "included", "including",
                                 "as", "is", "are", "was", "were", "be", "been", "being", "below", "above", "thus"})
_PROSE_AFTER_COLON = frozenset({"the", "a", "an", "this", "these", "that", "those", "we", "our", "it", "its", "there",
                                "in", "on", "at", "for", "of", "to", "and", "or", "but", "with", "all", "each", "both",
                                "one", "two", "three", "first", "firstly", "i", "he", "she", "they", "patients"})


def _ratio(token: str, m: re.Match) -> bool:
    """A colon between two words in a text that otherwise spaces its punctuation is a
    ratio or a pairing (``LA:Ao``, ``case:control``, ``IgG4(+):IgG(+)``,
    ``2-hexanone:benzaldehyde``), unless it closes a section's label (``RESULTS:In``)."""
    start = m.start()
    while start > 0 and token[start - 1] in _ALNUM:
        start -= 1
    word = token[start:m.start()]
    after = _WORD_AFTER.match(token, m.end()).group()
    if word.lower() in _PROSE_BEFORE_COLON or after.lower() in _PROSE_AFTER_COLON:
        return False   # "as follows:the mean fell", "namely:The control group": a clause
    return not (word and _LABEL_WORD.fullmatch(word))


def _notation(token: str, m: re.Match, ratios: bool = False) -> bool:
    """The mark is part of a notation, not prose run together: ``N,N'-``, ``E,Z`` (single
    letters both sides); after a colon, a code (``O157:H7``, ``neodymium:YAG``,
    ``peptide:N-glycanase``, ``NC_056057.1:g.107930611C>T``), a markup's namespace
    (``<mml:mspace``), or a ratio when ``ratios`` (:func:`_ratio`); after ``,`` or ``;``
    between a number and a code (``C8:0,C10:0``, karyotype ``(78,XY)``, ``[Q1;Q3]``)."""
    # a few characters each side are enough (and keep a long token linear, not quadratic)
    before, after = token[max(0, m.start() - 3):m.start()], token[m.end():m.end() + 2]
    if _SINGLE_LETTER_BEFORE.search(before) and _SINGLE_LETTER_AFTER.match(after):
        return True
    if m.group(1) == ":" and (_MARKUP_PREFIX.search(token, 0, m.start()) or ratios and _ratio(token, m)):
        return True
    word = _WORD_AFTER.match(token, m.end()).group()
    code = bool(_CODE.fullmatch(word)) or len(word) == 1 and token[m.end() + 1:m.end() + 2] in _SIGNS_AFTER_LETTER
    return code and (m.group(1) == ":" or before[-1:].isdigit())


def _space_clause(token: str, ratios: bool = False) -> str:
    bracketed = _bracketed_marks(token) if "(" in token or "[" in token else set()

    def repl(m: re.Match) -> str:
        # "10:30", "1:2" ratios are excluded by the lookarounds; "2,3-diol" too.
        notation = m.start() in bracketed or _notation(token, m, ratios)
        return m.group(0) if notation else m.group(1) + " "

    return _GLUED_CLAUSE.sub(repl, token)


def _space_sentence(token: str, names: frozenset[str] = frozenset(), after_article: bool = False) -> str:
    spaced = set()  # the dots given a space so far: a word after one starts a sentence

    def repl(m: re.Match) -> str:
        start = end = m.start()
        while start > 0 and token[start - 1] in _ALNUM:  # the word before, read backwards (linear)
            start -= 1
        # "e.g.The", "U.S.Army", "J.A.Smith": the word before is itself dotted or one letter.
        # ("2020.TNM.Stage": TNM follows a dot that ends a sentence, so it is no abbreviation;
        # the text repaired once would be read so, and the repair gives what it would again.)
        if start < end:
            w = token[start:end]
            if start > 0 and token[start - 1] == "." and start - 1 not in spaced:
                return m.group(0)
            if len(w) < 2 or (w.isdigit() and start > 0 and token[start - 1] in ".,"):
                return m.group(0)
        # "ASP.NET", "Etsy.Com", "PCT/120268": a name or code, not a sentence's start.
        after = _WORD_AFTER.match(token, m.end()).group()
        if after.lower() in _NAME_ENDINGS or _CODE.fullmatch(after) and token[m.end() + len(after):][:1] == "/":
            return m.group(0)
        # "lip.PZQ" where the text names it so in brackets ("liposomal praziquantel (lip.PZQ)");
        # "the Epi.Lens N": a short capitalised word after an article is a name, not a sentence's end.
        if token[start:m.end() + len(after)] in names:
            return m.group(0)
        if after_article and start == 0 and _SHORT_NAME.fullmatch(token[:end]):
            return m.group(0)
        spaced.add(m.start())
        return ". "

    return _GLUED_SENTENCE.sub(repl, token)


# A structured abstract's label in capitals run into its text when an export dropped the bold
# that set it apart ("OBJECTIVESTo determine …. METHODSIn a prospective study …").
_GLUED_LABEL = re.compile(rf"(?<![A-Za-z0-9-])({EN_LABELS_ALTERNATION})(?=[A-Z][a-z])")
_CAPITALS_THEN_LOWER = re.compile("[A-Z]{4}[a-z]")


def space_after_glued_label(s: str) -> str:
    """A space between an English abstract's capital label and the sentence run into it.

    >>> space_after_glued_label("OBJECTIVESTo determine the rate. METHODSIn a study, RESULTSThere were 3.")
    'OBJECTIVES To determine the rate. METHODS In a study, RESULTS There were 3.'
    >>> space_after_glued_label("RESULTS The rate. NONRESULTSThe DESIGNATED pIL-RESULTSet")
    'RESULTS The rate. NONRESULTSThe DESIGNATED pIL-RESULTSet'
    """
    return _GLUED_LABEL.sub(r"\1 ", s) if _CAPITALS_THEN_LOWER.search(s) else s


def restore_space_after_punctuation(s: str) -> str:
    """Restore the space after ``, . ; :`` in English where it is missing.

    Never in decimals (0.05), ``No.81702662``, e.g. / i.e., initials, DOIs, URLs,
    e-mail addresses or chemical names; callers apply it to English fields only.

    >>> restore_space_after_punctuation("malignancies,but insufficient.CASE SUMMARY")
    'malignancies, but insufficient. CASE SUMMARY'
    >>> restore_space_after_punctuation("P<0.05, No.81702662, e.g.The, doi:10.1002/dev.20094")
    'P<0.05, No.81702662, e.g.The, doi:10.1002/dev.20094'

    Nor in notation: a peptide's list in brackets, a name the text gives in brackets or after
    an article, markup, a ratio's colon in a text that spaces its other punctuation.

    >>> restore_space_after_punctuation("[Phe(2),BuGly(7)]dOT, (lip.PZQ) or lip.PZQ, the Epi.Lens N, <mml:mspace/>")
    '[Phe(2),BuGly(7)]dOT, (lip.PZQ) or lip.PZQ, the Epi.Lens N, <mml:mspace/>'
    >>> restore_space_after_punctuation("In dogs, cats, and horses, in 2020; in 2021, the LA:Ao rose.RESULTS:In")
    'In dogs, cats, and horses, in 2020; in 2021, the LA:Ao rose. RESULTS: In'
    >>> restore_space_after_punctuation("In dogs, cats, and horses, in 2020; in 2021, as follows:the LA rose")
    'In dogs, cats, and horses, in 2020; in 2021, as follows: the LA rose'
    """
    if not re.search(r"[,.;:][A-Za-z(\[“‘]", s):
        return s
    ratios = _spaces_its_punctuation(s)
    names = frozenset(_BRACKETED_NAME.findall(s))
    parts = re.split(r"(\s+)", s)
    out = []
    previous = ""
    for part in parts:
        if not part or part.isspace() or _PROTECTED_TOKEN.search(part):
            out.append(part)
        else:
            out.append(_space_sentence(_space_clause(part, ratios), names, previous in _ARTICLES))
        previous = part if part and not part.isspace() else previous
    fixed = "".join(out)
    return fixed


def _spaces_its_punctuation(s: str) -> bool:
    """The text puts a space after its punctuation (five times or more, and five times as
    often as it runs a comma or semicolon into the next word), so a colon it leaves
    without one was meant so (:func:`_ratio`)."""
    spaced = len(_SPACED_MARK.findall(s))
    return spaced >= 5 and spaced >= 5 * len(_GLUED_COMMA.findall(s))


RepairFn = Callable[[str], str]

# The same in title case, as the HTML headings of a journal's page (Wiley's "Objective",
# "Animals studied") run into their text when copied: "ObjectiveTo detect …. ResultsSera …".
_GLUED_TITLE_LABEL = re.compile(rf"(?:^|(?<=[.?!])\s+)(?P<label>(?i:{EN_LABELS_ALTERNATION}))(?=[A-Z][a-z]|A )")


def colon_after_glued_title_label(s: str) -> str:
    """A colon between an English abstract's title-case labels and the sentences run into
    them, when the abstract opens with one and has two more ("DesignBuilder was used. ResultsThe
    model held." stays: a name can start as a label does).

    >>> colon_after_glued_title_label("ObjectiveTo detect antibodies. Animals studiedSeventy dogs. ResultsSera bound.")
    'Objective: To detect antibodies. Animals studied: Seventy dogs. Results: Sera bound.'
    >>> colon_after_glued_title_label("BackgroundA dog died. HypothesisAbnormal genes. ResultsNone.")
    'Background: A dog died. Hypothesis: Abnormal genes. Results: None.'
    >>> colon_after_glued_title_label("DesignBuilder was used. ResultsThe model held.")
    'DesignBuilder was used. ResultsThe model held.'
    """
    if not _GLUED_TITLE_LABEL.match(s):  # (most abstracts: one anchored match, no search)
        return s
    found = [m for m in _GLUED_TITLE_LABEL.finditer(s) if not m.group("label").isupper()
             and m.group("label")[0].isupper()]
    if len(found) < 3 or found[0].start() != 0:
        return s
    for m in reversed(found):
        s = s[:m.end()] + ": " + s[m.end():]
    return s


# The text repairs by name, in the order the pipeline applies them.
REPAIRS: dict[str, RepairFn] = {
    f.__name__: f
    for f in (fix_mojibake, unescape_html, flatten_markup, strip_case_braces, drop_invisible_characters,
              normalize_whitespace, fold_fullwidth_alnum, fold_halfwidth_kana, fold_fullwidth_punctuation,
              collapse_truncated_preview, strip_zheng_marker,
              strip_abstract_label, strip_footnote_mark, strip_ui_residue, restore_space_after_punctuation,
              space_after_glued_label, colon_after_glued_title_label)
}
