"""Unicode ranges of the scripts this project tells apart (no imports: cheap to load,
so ``cli.py search`` starts fast; OpenCC's only when its table is asked for)."""
from functools import lru_cache

# CJK Unified Ideographs (basic block, extension A) and compatibility ideographs; beyond the
# BMP, extensions B to H and the compatibility supplement (𠀀 … 𲎯: rare characters of names and
# places, and of terms such as 牙𬌗).  A class of these takes its cost from the BMP ranges only.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af"


def is_han(char: str) -> bool:
    """One character in HAN (without a regular expression: a class of these ranges takes
    some 2 ms to compile, which ``cli.py search`` would pay at start)."""
    return ("\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf" or "\uf900" <= char <= "\ufaff"
            or "\U00020000" <= char <= "\U000323af")


@lru_cache(maxsize=1)
def simplified_table() -> dict[int, str]:
    """OpenCC's Traditional → Simplified table, character by character (its phrases left
    out), for str.translate: one character for one, so a folded text keeps its offsets
    (snippets) and its positions (phrases).  Built once per process from OpenCC's own data
    (some 15 ms): 4,221 characters."""
    import opencc

    chars = [chr(c) for start, end in _HAN_BLOCKS for c in range(start, end)]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    return {ord(a): b for a, b in zip(chars, converted) if a != b and len(b) == 1}


def has_traditional(text: str) -> bool:
    """Whether a text holds Traditional characters (張, 臺灣): ones OpenCC simplifies."""
    return text.translate(simplified_table()) != text


# CJK Unified Ideographs, Extension A, and the compatibility ideographs.
_HAN_BLOCKS = ((0x4E00, 0xA000), (0x3400, 0x4DC0), (0xF900, 0xFB00))

# Letters Unicode does not decompose into a letter and its accent, read as the letters they are
# written for where a keyboard has none (Ørsted is Orsted, Łukasiewicz Lukasiewicz, Æbeltoft
# Aebeltoft), as é is e.
_UNACCENTED = str.maketrans({"Ø": "O", "ø": "o", "Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "Ð": "D", "ð": "d",
                             "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "ß": "ss", "ẞ": "SS", "Þ": "Th",
                             "þ": "th", "Ħ": "H", "ħ": "h", "ı": "i"})


def plain(text: str) -> str:
    """Letters and digits only, accents and case aside: 'Martínez-Suárez' → 'martinezsuarez',
    'Ørsted' → 'orsted'.

    >>> plain("Martínez-Suárez"), plain("Ørsted"), plain("Łukasiewicz"), plain("Þórsdóttir"), plain("Æ")
    ('martinezsuarez', 'orsted', 'lukasiewicz', 'thorsdottir', 'ae')
    """
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text).translate(_UNACCENTED)
    return "".join(c for c in decomposed if c.isalnum()).casefold()


# Japanese kana (hiragana, katakana, phonetic extensions) and Korean hangul.
KANA = "\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff"
HANGUL = "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"
# Latin letters, ASCII and accented (Latin-1 Supplement to Latin Extended-B: é, ł, ș), and Cyrillic.
LATIN = "A-Za-z\u00c0-\u024f"
CYRILLIC = "\u0400-\u04ff"
# Greek and Coptic, and Greek Extended (the polytonic letters).
GREEK = "\u0370-\u03ff\u1f00-\u1fff"

_SUP = str.maketrans("0123456789+-\u2212=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿ")
_SUB = str.maketrans("0123456789+-\u2212=()", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎")


def scripted(text: str, sup: bool) -> str:
    """``text`` in Unicode superscript (``sup``) or subscript when every character has one
    (``2`` -> ``²``, ``+`` -> ``⁺``), else as it is (``max`` stays ``max``)."""
    out = text.translate(_SUP if sup else _SUB)
    return out if text and all(c != o or not c.strip() for c, o in zip(text, out)) else text


def name_text(data: bytes) -> str | None:
    """A name's or a typed line's bytes (a file or archive member's name, a query line) as text:
    strict UTF-8, else strict GB18030 (Windows in China writes GBK), as files are read; None
    when neither reads them.

    >>> name_text("高血压".encode("gbk")), name_text("文献".encode("utf-8")), name_text(b"caf\\xe9")
    ('高血压', '文献', None)
    """
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    return None


def text_of(data: bytes, bad: str = "replace") -> str:
    """:func:`name_text`, else UTF-8 with the ``bad`` error handler.

    >>> text_of("高血压".encode("gbk")), text_of(b"caf\\xe9"), text_of(b"\\xff", "backslashreplace")
    ('高血压', 'caf\ufffd', '\\\\xff')
    """
    text = name_text(data)
    return data.decode("utf-8", bad) if text is None else text


# Invisible format characters (Unicode's category Cf) that hold nothing a record needs: hints a
# web page, a word processor or a database left in the text, copied with it.  Where one stands
# inside a tag ("\u200bAU  - …"), a DOI or a volume, it breaks what reads them; inside a word, a
# search for it.  Dropped wherever they stand:
#   U+00AD  soft hyphen (where a word may break)
#   U+200B  zero width space (where a line may break)
#   U+2060  word joiner; U+2061-2064 the invisible operators of mathematics
#   U+206A-206F  deprecated format characters
#   U+FEFF  zero width no-break space (a byte-order mark inside the text)
#   U+FFF9-FFFB  interlinear annotation marks (the annotation's text stays)
#   U+1BCA0-1BCA3  shorthand format controls; U+1D173-1D17A musical format marks
#   U+E0001  language tag
INVISIBLE = "\u00ad\u200b\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
# The joiners, U+200C (zero width non-joiner) and U+200D (zero width joiner), and Mongolian's
# vowel separator U+180E shape letters in the scripts that join them (Persian's "می‌خواهم",
# Devanagari's half forms, Sinhala's conjuncts) and ZWJ joins an emoji's parts: kept between
# two characters of such a script (JOINING_SCRIPTS: Arabic, Syriac, Thaana, N'Ko and their
# supplements; the Indic scripts, Devanagari to Sinhala; Tibetan, Myanmar, Khmer, Mongolian;
# Phags-pa and Saurashtra; Arabic presentation forms), ZWJ between emoji (EMOJI, with the
# variation selector U+FE0F that may end one), and dropped elsewhere.
JOINERS = "\u180e\u200c\u200d"
JOINING_SCRIPTS = "\u0600-\u08ff\u0900-\u0dff\u0f00-\u109f\u1780-\u18af\ua840-\ua8ff\ufb50-\ufdff\ufe70-\ufefc"
EMOJI = "\u2600-\u27bf\ufe0f\U0001f000-\U0001faff"
# The marks and controls that order text running right to left among text running left to
# right (U+061C Arabic letter mark, U+200E/U+200F left-to-right and right-to-left marks,
# U+202A-202E embeddings and overrides, U+2066-2069 isolates): kept in a text that holds a
# right-to-left script (RIGHT_TO_LEFT: Hebrew, Arabic, Syriac, Thaana, N'Ko …), which they
# lay out; dropped from any other (an English title or a DOI copied from a web page).
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
RIGHT_TO_LEFT = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff"
# The other format characters stay: the signs Arabic and Syriac write before a number
# (U+0600-0605, U+06DD, U+070F, U+0890-0891, U+08E2; Kaithi's U+110BD, U+110CD), which show,
# the Egyptian hieroglyphs' format controls (U+13430-1343F), and the tag characters of an
# emoji's flag (U+E0020-E007F).


@lru_cache(maxsize=None)
def _invisible(keep: str) -> "re.Pattern":
    import re

    always = "".join(c for c in INVISIBLE if c not in keep)  # (keep: characters standing alone in INVISIBLE)
    return re.compile(f"[{always}{JOINERS}{BIDI_CONTROLS}]")


@lru_cache(maxsize=1)
def _contexts() -> tuple:
    import re

    return tuple(re.compile(f"[{chars}]") for chars in (JOINING_SCRIPTS, EMOJI, BIDI_CONTROLS, RIGHT_TO_LEFT))


def drop_invisible(text: str, keep: str = "") -> str:
    """``text`` without its invisible format characters (:data:`INVISIBLE`; the joiners and bidi
    controls where they do nothing: :data:`JOINERS`, :data:`BIDI_CONTROLS`), but for those in
    ``keep``; ``text`` itself when it holds none.

    >>> drop_invisible("10.1016/j.jcp.2021.01.001\u200b"), drop_invisible("stom\u00adach \u2060can\u200dcer")
    ('10.1016/j.jcp.2021.01.001', 'stomach cancer')
    >>> drop_invisible("\u200eDOI 10.1/x\u202c"), drop_invisible("a\u00adb\u200b", keep="\u00ad") == "a\u00adb"
    ('DOI 10.1/x', True)
    >>> [drop_invisible(t) == t for t in ("می\u200cخواهم", "\u200fשלום (2020)", "\U0001f469\u200d\U0001f4bb")]
    [True, True, True]
    """
    if text.isascii():
        return text
    pattern = _invisible(keep)
    if not pattern.search(text):
        return text
    joining, emoji, bidi, rtl = _contexts()
    right_to_left = rtl.search(text) is not None

    def kept(m) -> str:
        ch, at = m.group(), m.start()
        if ch in JOINERS:
            before, after = text[at - 1:at], text[at + 1:at + 2]
            joins = joining.match(before) and joining.match(after) or \
                ch == "\u200d" and emoji.match(before) and emoji.match(after)
            return ch if joins else ""
        return ch if right_to_left and bidi.match(ch) else ""

    return pattern.sub(kept, text)
