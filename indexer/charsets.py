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

# Japanese kana (hiragana, katakana, phonetic extensions) and Korean hangul.
KANA = "\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff"
HANGUL = "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"

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
