"""Bytes to text: BOM-aware UTF-8/UTF-16/UTF-32, strict UTF-8, then strict GB18030.

Strict UTF-8 then strict GB18030 was right on ~30,000 GBK test strings (see
DEPENDENCIES.md); a looser decode is used only when both fail, and says so.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


class DecodeError(ValueError):
    """The bytes are not text in any encoding we read (binary, or undecodable)."""


@dataclass
class Decoded:
    text: str
    encoding: str
    lossy: bool = False


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: most of the odd (LE) or even (BE) bytes are NUL."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4000]
    even_nul = sample[0::2].count(0) / max(1, len(sample) // 2)
    odd_nul = sample[1::2].count(0) / max(1, len(sample) // 2)
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def looks_binary(data: bytes) -> bool:
    sample = data[:8000]
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return b"\x00" in sample or controls / len(sample) > 0.1


def decode_bytes(data: bytes) -> Decoded:
    """Decode file content, raising :class:`DecodeError` for binary data.

    >>> decode_bytes("摘要".encode("gbk")).text, decode_bytes("摘要".encode("gbk")).encoding
    ('摘要', 'gb18030')
    >>> decode_bytes(codecs.BOM_UTF8 + "摘要".encode()).encoding
    'utf-8-sig'
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom):].decode(enc), enc if enc != "utf-8" else "utf-8-sig")
            except UnicodeDecodeError as e:
                raise DecodeError(f"starts with a {enc} byte-order mark but is not {enc}: {e}") from e
    enc16 = _utf16_without_bom(data)
    if enc16:
        try:
            return Decoded(data.decode(enc16), enc16)
        except UnicodeDecodeError:
            pass
    if looks_binary(data):
        raise DecodeError("binary file (NUL or control bytes), not a text export")
    for enc in ("utf-8", "gb18030"):
        try:
            return Decoded(data.decode(enc), enc)
        except UnicodeDecodeError:
            continue
    return Decoded(data.decode("utf-8", errors="replace"), "utf-8", lossy=True)
