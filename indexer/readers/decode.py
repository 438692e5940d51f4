"""Bytes to text: BOM-aware UTF-8/UTF-16/UTF-32, strict UTF-8, then strict GB18030 or Big5,
or Windows' Western code page (cp1252) for a European export.

Strict UTF-8 then strict GB18030 was right on ~30,000 GBK test strings (see
DEPENDENCIES.md); a looser decode is used only when both fail, and says so.  Big5 (the
Traditional Chinese of Taiwan's and Hong Kong's databases) is nearly always valid GB18030
too, read as rare characters (臺灣 as 蘶芖): it is chosen when the bytes are strict Big5 and
read so they give far more of the common characters of Chinese.
"""
from __future__ import annotations

import codecs
import functools
import io
import os
import re
import unicodedata
from dataclasses import dataclass, field
from typing import BinaryIO, Iterable, Iterator

from ..charsets import is_han, text_of

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def shown_path(path: str) -> str:
    """``path`` as it can be printed and stored: a name the file system holds in bytes that
    are not UTF-8 (Python keeps them as lone surrogates) is decoded part by part, as GB18030
    where it is that (Chinese Windows writes GBK names, and ``unzip`` keeps them), else with
    its bad bytes as ``\\xNN``.

    >>> shown_path("a/b.ris"), shown_path(os.fsdecode(b"x/\\xb8\\xdf\\xd1\\xaa\\xd1\\xb9.ris"))
    ('a/b.ris', 'x/高血压.ris')
    >>> shown_path(os.fsdecode(b"\\xff.ris"))
    '\\\\xff.ris'
    """
    if not any("\udc80" <= c <= "\udcff" for c in path):
        return path
    return "/".join(text_of(part, "backslashreplace") for part in os.fsencode(path).split(b"/"))


class DecodeError(ValueError):
    """The bytes are not text in any encoding we read (binary, or undecodable)."""


@dataclass
class Decoded:
    text: str
    encoding: str
    lossy: bool = False
    cut: bool = False  # the bytes end inside a character (a download cut short): one U+FFFD for it
    # the encodings of GB18030 bytes whose lines disagree (_line_encodings), told once for open_text
    legacies: list[str] | None = None


# Files up to this size are checked whole for their encoding; larger ones by their head.
WHOLE_FILE_CHECK = 16 * 1024 * 1024
# A file's format is told by its head: its first characters (an HTML page's without its scripts
# and styles, html_head).
HEAD_CHARS = 64 * 1024


@dataclass
class TextFile:
    """A text file whose encoding is known, read line by line (memory does not grow with the file)."""

    path: str
    encoding: str
    lossy: bool
    head: str
    cut: bool = False  # the file ends inside a character, read as one U+FFFD (see decode_bytes)
    end: int | None = None  # the bytes read, when the file ends in padding left out (see _text_end)
    # The lines a stray NUL was dropped from, by number: ``(as read, as kept)`` of each part (a CR
    # alone parts a line), for the record holding the line to log the drop in its ``repairs``
    # (as every other dropped character is logged).
    nul_lines: dict[int, list[tuple[str, str]]] = field(default_factory=dict)

    def lines(self) -> Iterator[str]:
        """Lines without their ends; CR, CRLF and LF all end a line.  A stray NUL is dropped, and
        so is a byte-order mark at a line's start (a file joined after another: ``cat a b``) or
        where no file starts (:data:`_LINE_BOMS`)."""
        return (line for _, line in self.numbered())

    def numbered(self) -> Iterator[tuple[int, str]]:
        """``(line number, line)`` for :meth:`lines`, numbered as an editor and ``grep -n`` number
        them: a CR alone inside a line (junk bytes in it) still parts it, as ever, but both parts
        are that line's, unless the file ends its lines with CR (classic Mac OS, no LF in its head)."""
        cr_ends = self._cr_ends()
        if self.encoding.startswith(MIXED):
            with self.binary() as fh:
                for lineno, line in _mixed_numbered(fh, self.encoding[len(MIXED):], cr_ends, keep_nul=True):
                    yield lineno, self._drop_nul(lineno, line) if "\x00" in line else line
            return
        lineno = 1
        with self._open(newline="") as fh:
            for line in fh:
                end = "\n" if line.endswith("\n") else line[-1:] if line.endswith("\r") else ""
                line = line[:-2] if line.endswith("\r\n") else line[:-1] if end else line
                if "\x00" in line:
                    line = self._drop_nul(lineno, line)
                yield lineno, drop_line_boms(line)
                if end == "\n" or end and cr_ends:
                    lineno += 1

    def _drop_nul(self, lineno: int, line: str) -> str:
        """``line`` without its NUL characters, noted in :attr:`nul_lines`."""
        kept = line.replace("\x00", "")
        parts = self.nul_lines.setdefault(lineno, [])
        if (line, kept) not in parts:   # (the lines are read more than once)
            parts.append((line, kept))
        return kept

    def _cr_ends(self) -> bool:
        """Whether the file ends its lines with a CR alone: its head holds CR and no LF."""
        if self.encoding.startswith(MIXED):
            with self.binary() as fh:
                head = fh.read(HEAD_CHARS)
            return b"\r" in head and b"\n" not in head
        with self._open(newline="") as fh:
            head = fh.read(HEAD_CHARS)
        return "\r" in head and "\n" not in head

    def text(self) -> str:
        if self.encoding.startswith(MIXED):
            with self.binary() as fh:
                return "".join(line + "\n" for line in _mixed_lines_of(fh, self.encoding[len(MIXED):]))
        with self._open() as fh:
            text = fh.read()
        if "\x00" in text:
            text = "\n".join(self._drop_nul(lineno, line) if "\x00" in line else line
                              for lineno, line in enumerate(text.split("\n"), 1))
        return drop_line_boms(text)

    def ends_inside_line(self) -> bool:
        """Whether the text's last line has no line end (as many exports end, and a download cut
        short): told by its last bytes, padding left out."""
        with open(self.path, "rb") as fh:
            size = fh.seek(0, os.SEEK_END) if self.end is None else self.end
            fh.seek(max(0, size - 8))   # (a multiple of 4 back: whole UTF-16 and UTF-32 characters)
            tail = fh.read(size - max(0, size - 8))
        zeros = bytes(_unit_width(self.encoding) - 1)
        return not tail.endswith((b"\n" + zeros, b"\r" + zeros, zeros + b"\n", zeros + b"\r"))

    def binary(self) -> BinaryIO:
        fh = open(self.path, "rb")
        return fh if self.end is None else io.BufferedReader(_Prefix(fh, self.end))

    def _open(self, newline: str | None = None) -> io.TextIOWrapper:
        return io.TextIOWrapper(self.binary(), encoding=self.encoding, errors="replace", newline=newline)


class _Prefix(io.RawIOBase):
    """The first ``size`` bytes of an open file."""

    def __init__(self, fh: BinaryIO, size: int):
        self.fh, self.left = fh, size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = self.fh.readinto(memoryview(buffer)[:self.left]) if self.left else 0
        self.left -= n
        return n

    def close(self) -> None:
        self.fh.close()
        super().close()


# What may follow a file's text and is none of it: DOS's end-of-file mark, Ctrl-Z (old Windows
# programs write one after the last line, some a line break after it), and NUL bytes (a file
# padded to a block's size, as a disk or a download tool leaves it).
_END_MARKS, _END_SPACE = "\x1a\x00", "\r\n"


def _unit_width(encoding: str) -> int:
    """The bytes of one code unit of ``encoding``: 4 in UTF-32, 2 in UTF-16, else 1.

    >>> _unit_width("utf-32-le"), _unit_width("utf-16"), _unit_width("gb18030")
    (4, 2, 1)
    """
    return 4 if encoding.startswith("utf-32") else 2 if encoding.startswith("utf-16") else 1


def _padding_at_end(data: bytes, encoding: str) -> int:
    """How many of the last bytes of ``data``, text in ``encoding``, are padding after its text:
    from the first of :data:`_END_MARKS` among its last characters that are end marks or line
    breaks (whole characters: in UTF-16 ``1A 00``, not the NUL half of a line feed).

    >>> _padding_at_end(b"ER  - \\n\\x1a", "utf-8"), _padding_at_end(b"a,b\\r\\n\\x1a\\r\\n", "utf-8")
    (1, 3)
    >>> _padding_at_end("ER\\n\\x1a".encode("utf-16-le"), "utf-16-le"), _padding_at_end(b"ER  - \\n", "utf-8")
    (2, 0)
    >>> _padding_at_end(b"}\\n" + bytes(1024), "utf-8"), _padding_at_end("}\\n".encode("utf-16-le") + bytes(9), "utf-16-le")
    (1024, 0)
    """
    width = _unit_width(encoding)
    code = encoding if width > 1 else "latin-1"
    marks, space = {c.encode(code) for c in _END_MARKS}, {c.encode(code) for c in _END_SPACE}
    end = len(data) if len(data) % width == 0 else 0  # (a UTF-16 file cut after an odd byte: none)
    cut = len(data)
    while end >= width and (data[end - width:end] in marks or data[end - width:end] in space):
        end -= width
        if data[end:end + width] in marks:
            cut = end
    return len(data) - cut


def _text_end(path: str, encoding: str) -> int | None:
    """Where the text of the file at ``path`` ends, when padding follows it (None when not)."""
    with open(path, "rb") as fh:
        size = fh.seek(0, os.SEEK_END)
        at = size
        while at:  # back over the padding, a block at a time
            start = max(0, at - 4096)
            fh.seek(start)
            block = fh.read(at - start)
            padding = _padding_at_end(block, encoding)
            at -= padding
            if padding < len(block):
                break
    return None if at == size else at


# A page saved from a browser as HTML, and the elements of it whose text a browser does not show
# that a page's head holds, often inline and long (a site's scripts, its styles).
_HTML_DOCUMENT = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!DOCTYPE\s+html|html)\b", re.I | re.S)
_UNSHOWN = re.compile(r"<(script|style)\b[^>]*>", re.I)
_UNSHOWN_END = {"script": re.compile(r"</script\s*>", re.I), "style": re.compile(r"</style\s*>", re.I)}


def html_head(text: str, size: int = HEAD_CHARS) -> str:
    """The first ``size`` characters of ``text``; of an HTML document, without what its script
    and style elements hold (their tags kept): a saved page's head may hold more inline script
    than a head's ``size``, and its text, which tells its format, comes after.

    >>> html_head("<!DOCTYPE html><head><script>" + "x=1;" * 99 + "</script></head><p>摘要：a</p>", 60)
    '<!DOCTYPE html><head><script></script></head><p>摘要：a</p>'
    >>> html_head("TY  - JOUR<script>x</script>", 18), html_head("<html><style>p{}", 99)
    ('TY  - JOUR<script>', '<html><style>')
    """
    if not _HTML_DOCUMENT.match(text):
        return text[:size]
    out, at, length = [], 0, 0
    while length < size:
        start = _UNSHOWN.search(text, at, at + size - length)
        end = start.end() if start else min(len(text), at + size - length)
        out.append(text[at:end])
        length += end - at
        if start is None:
            break
        close = _UNSHOWN_END[start.group(1).lower()].search(text, end)
        if close is None:   # (not closed: a browser shows nothing after it)
            break
        at = close.start()
    return "".join(out)[:size]


def open_text(path: str) -> TextFile:
    """Detect a file's encoding (raising :class:`DecodeError` for binary data) without loading
    more than :data:`WHOLE_FILE_CHECK` bytes."""
    with open(path, "rb") as fh:
        data = fh.read(WHOLE_FILE_CHECK + 1)
    whole = len(data) <= WHOLE_FILE_CHECK
    if not whole:
        data = data[:1024 * 1024]
        data = data[:len(data) - len(data) % 4]
    # NUL padding is no text (nor binary data): told without it, in whole UTF-16 characters
    # (UTF-32's, after its byte-order mark: the zeros of its last "\n", 0a 00 00 00, are no
    # padding); but a line or two and then mostly NUL bytes are binary data
    nuls = len(data) - len(data.rstrip(b"\x00")) if whole else 0
    if 8 * (len(data) - nuls) < min(nuls, 8 * 8000):
        nuls = 0
    width = 4 if data[:4] in (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE) else 2
    data = data[:len(data) - nuls + nuls % width]
    decoded = decode_bytes(data, final=whole)
    end = _text_end(path, decoded.encoding)
    if whole and end is not None and end < len(data):
        data = data[:end]
        decoded = decode_bytes(data)
    encoding = {"utf-8-sig": "utf-8-sig", "utf-16-le": "utf-16-le", "utf-16-be": "utf-16-be"}.get(
        decoded.encoding, decoded.encoding)
    if encoding in ("utf-16-le", "utf-16-be") and data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        encoding = "utf-16"
    if encoding in ("utf-32-le", "utf-32-be"):
        encoding = "utf-32"
    head = drop_line_boms(html_head(decoded.text).replace("\r\n", "\n").replace("\r", "\n"))
    later = None if whole or decoded.lossy else _later_part(path, decoded.encoding, end)
    if later is not None:  # a file told by its head, with another export joined after
        decoded.lossy, data = True, later
    if decoded.lossy:  # neither UTF-8 nor GB18030 as a whole: one or the other line by line
        encoding = MIXED + ("+".join(decoded.legacies) if decoded.legacies else _legacy_encoding(data, whole))
        # the head as the body is read, so that a junk line does not hide a GBK file's format
        head = html_head("".join(line + "\n" for line in _mixed_lines_of(data[:4 * HEAD_CHARS], encoding[len(MIXED):])))
    return TextFile(path=path, encoding=encoding, lossy=decoded.lossy, cut=decoded.cut, head=head[:HEAD_CHARS],
                    end=end)


def _later_part(path: str, encoding: str, end: int | None) -> bytes | None:
    """The block (a megabyte) of a file told by its head where it stops being ``encoding``
    (UTF-8 or GB18030: an export in another joined after the head's), or None when all of it
    is (a file cut inside its last character is).  Read through, not kept: under a second for
    a gigabyte."""
    if encoding not in ("utf-8", "utf-8-sig", "gb18030"):
        return None
    decoder = codecs.getincrementaldecoder(encoding)()
    with open(path, "rb") as fh:
        stream = fh if end is None else io.BufferedReader(_Prefix(fh, end))
        for block in iter(lambda: stream.read(1024 * 1024), b""):
            try:
                decoder.decode(block)
            except UnicodeDecodeError:
                return block
    return None


# A byte-order mark opening a line, or inside one where no file can start after it: before
# anything but what an export's first line starts with (TY, PMID-, <?xml, @article, {Reference
# Type}, %0, [, a CSV header).  One before those inside a line is left for the readers to tell
# (readers.base.glued_at: a file joined after another that had no final newline).
_LINE_BOMS = re.compile("^\ufeff+|\ufeff+(?![A-Za-z0-9<@{\\[%])", re.MULTILINE)


def drop_line_boms(text: str) -> str:
    """``text`` without the byte-order marks that open its lines or stand where no file starts
    (as :meth:`TextFile.lines`).

    >>> drop_line_boms("\\ufeffTY  - JOUR\\nKW  - 外感高热\\ufeff症\\nER  - \\ufeffTY  - JOUR")
    'TY  - JOUR\\nKW  - 外感高热症\\nER  - \\ufeffTY  - JOUR'
    """
    return _LINE_BOMS.sub("", text) if "\ufeff" in text else text


# A file that is neither UTF-8 nor GB18030 as a whole (exports of both concatenated):
# each line is read in the one it is valid in: "utf-8/gb18030", or "utf-8/cp950" when the
# lines that are not UTF-8 are Big5 (a Taiwan export joined to another), "utf-8/cp1252" when
# they are Windows' Western code page, told as a whole file is.
MIXED = "utf-8/"
LINE_END = re.compile("\r\n|\r|\n")


def _legacy_encoding(data: bytes, whole: bool) -> str:
    """The encoding of a mixed file's lines that are not UTF-8: GB18030, or Big5, Shift-JIS,
    EUC-JP, EUC-KR or cp1252 when those lines, taken together, read so (the judges of a whole
    file: :func:`_cjk_instead`, :func:`_western_instead`); or several, ``+``-joined and the
    first lines' first, when its lines disagree (:func:`_line_encodings`: a GBK export and a
    Big5 one joined).  Bytes valid in none (a junk byte, a character cut) are counted, not
    decisive: Big5 with one bad byte is still Big5."""
    legacy_lines = _legacy_lines(data, whole)
    several = _line_encodings(legacy_lines)
    if several:
        return "+".join(several)
    legacy = b"\n".join(legacy_lines)
    text = legacy.decode("gb18030", errors="replace")
    other = _cjk_instead(legacy, text, True) or _western_instead(legacy, text, True)
    return other.encoding if other else "gb18030"


def _legacy_lines(data: bytes, whole: bool) -> list[bytes]:
    """The lines of ``data`` that are not UTF-8, but for the last of a larger file's head (cut
    inside, perhaps inside a character)."""
    lines = data.splitlines()
    if not whole and lines:
        lines.pop()
    return [line for line in lines if not _is_utf8(line)]


def _line_encoding(line: bytes) -> str | None:
    """The encoding one line of Chinese, Japanese or Korean reads in, when it tells: the one
    the judges of a whole file take (:func:`_cjk_instead`) rather than GB18030; GB18030 when
    none does and it reads so, strictly, as Chinese with two common characters at least and a
    fifth of them; else None (a name, a keyword: too short to tell).  A line is held to more
    than a file: its GB18030 reading holds two Chinese characters at least (English with GBK's
    dashes, – as Big5 每, is none to tell by), and the other reading three common characters of its script and
    more than GB18030 gives, no half-width katakana (GBK's 《春秋》 is EUC-JP's ゞ敢拍〃, its
    kana a mark; 肖傑芳 Shift-JIS's ﾐ､まｷｼ).

    >>> _line_encoding("TI  - 臺灣地區高齡者生活品質與社會支持之關係研究".encode("cp950"))
    'cp950'
    >>> _line_encoding("TI  - 基于深度学习的图像识别研究".encode("gbk")), _line_encoding("AU  - 刘洋".encode("gbk"))
    ('gb18030', None)
    """
    if line.isascii():
        return None
    gb_text = line.decode("gb18030", errors="replace")
    if len(_HAN.findall(gb_text)) < 2:
        return None
    other = _cjk_instead(line, gb_text, True)
    if other and not _HALF_WIDTH_KANA.search(other.text) and _common_count(other.text) >= max(3, _common_count(gb_text) + 1):
        return other.encoding
    if other:
        return None
    common, share = _common_share(gb_text)
    return "gb18030" if "\ufffd" not in gb_text and _plain_chinese(gb_text) and common >= 2 and share >= 0.2 else None


def _common_count(text: str) -> int:
    """The characters of ``text`` common in Chinese, Japanese or Korean (:data:`_COMMON_HAN`,
    :data:`_COMMON_KANJI`, :data:`_COMMON_HANGUL`)."""
    return sum(1 for c in text if c in _COMMON_HAN or c in _COMMON_KANJI or c in _COMMON_HANGUL)


def _line_encodings(lines: list[bytes], most: int = 10_000) -> list[str] | None:
    """The encodings of lines that disagree (each told by :func:`_line_encoding`; of more than
    ``most`` lines beyond ASCII, ``most`` spread evenly over them): some read in GB18030 and some in
    Big5, Shift-JIS, EUC-JP or EUC-KR (a GBK export and another joined: ``copy /b``), or in
    two of those; the first line's first.  None when they agree or none tells (a GBK file of
    short keywords)."""
    wide = [line for line in lines if not line.isascii()]
    found: list[str] = []
    if len(wide) > most:
        wide = [wide[i * len(wide) // most] for i in range(most)]
    for line in wide:
        encoding = _line_encoding(line)
        if encoding is not None and _ALIKE.get(encoding, encoding) not in found:
            found.append(_ALIKE.get(encoding, encoding))
    return found if len(found) > 1 else None


# Big5 with Hong Kong's characters reads Big5's bytes alike: one Big5 among a file's readings.
_ALIKE = {"big5hkscs": "cp950"}
def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_line(data: bytes, legacy: str = "gb18030", part: str | None = None) -> str:
    """One line of a mixed file: UTF-8; else ``legacy`` (GB18030, or Big5) when it gives
    fewer replacement characters than UTF-8, and UTF-8 more of them than Chinese ones (a
    UTF-8 line with one damaged byte stays UTF-8); a line with bytes valid in neither is
    ``legacy`` only when that gives the common characters of Chinese (a GBK line cut inside a
    character is GBK with one U+FFFD; binary junk is not rare Chinese characters); else UTF-8
    with the undecodable bytes replaced.  ``part`` is the encoding the lines before showed
    (:func:`_read_line`): a line valid in both whose UTF-8 reading is no text
    (:func:`_unlikely_utf8`) and whose ``legacy`` reading is Chinese is ``legacy`` in a
    ``legacy`` part, or before any part shows when that gives two common characters or more; a
    line valid in ``legacy`` only is ``legacy`` in a ``legacy`` part.

    >>> decode_line("胃癌".encode("gbk")), decode_line("胃癌".encode()), decode_line("胃癌".encode()[:-1] + b"!")
    ('胃癌', '胃癌', '胃�!')
    >>> decode_line("臺灣".encode("big5"), "cp950"), decode_line("目的胃癌".encode("gbk")[:-1])
    ('臺灣', '目的胃�')
    >>> decode_line("AU  - 鲁迅".encode("gbk")), decode_line("AU  - 鲁迅".encode("gbk"), part="gb18030")
    ('AU  - ³Ѹ', 'AU  - 鲁迅')
    >>> decode_line("KW  - chirp-z变换".encode("gbk"), part="gb18030"), decode_line("Ω·cm".encode(), part="utf-8")
    ('KW  - chirp-z变换', 'Ω·cm')
    """
    return _read_line(data, legacy, part)[0]


def _read_line(data: bytes, legacy: str, part: str | None) -> tuple[str, str | None]:
    """A line of a mixed file as :func:`decode_line` reads it, and the encoding it shows its
    part of the file is in: the one it is valid in when only one reads it; None when both do."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if data.isascii():
            return text, None
        try:
            alt = data.decode(legacy)
        except UnicodeDecodeError:
            return text, "utf-8"
        return (alt if _legacy_reading(text, alt, part, legacy) else text), None
    text = data.decode("utf-8", errors="replace")
    alt = data.decode(legacy, errors="replace")
    bad, alt_bad = text.count("\ufffd"), alt.count("\ufffd")
    if not alt_bad and (part == legacy or _plain_chinese(alt) and _common_share(alt)[1] >= 0.2):
        return alt, legacy  # (chirp-z变换 in GBK is UTF-8 chirp-z�任: one bad byte, one Chinese character)
    if alt_bad >= bad or len(_HAN.findall(text)) >= bad:
        return text, "utf-8"
    return (alt, legacy) if not alt_bad or _common_share(alt)[1] >= 0.2 else (text, None)


# An accented Latin letter inside a word (Müller, Qualité): text, not a wrong reading.
_LATIN_IN_WORD = re.compile("[A-Za-z][\u00c0-\u024f]+[a-z]")


def _legacy_reading(text: str, alt: str, part: str | None, legacy: str) -> bool:
    """Whether a line valid in UTF-8 (``text``) and in ``legacy`` (``alt``, Chinese) is
    ``legacy``: when its UTF-8 reading is no text (:func:`_unlikely_utf8`), in a ``legacy``
    part or before any part shows with two common characters or more; in a ``legacy`` part,
    also when its characters beyond ASCII are a quarter of its letters at least and give the
    common characters of Chinese where UTF-8 gives letters of one script (学校 in GBK is UTF-8
    ѧУ, 系统 ϵͳ), no accented letter inside a Latin word (a UTF-8 export after a GBK one)."""
    if _HAN.search(text) or not _plain_chinese(alt):
        return False
    if _unlikely_utf8(text):
        return part == legacy or part is None and _common_share(alt)[0] >= 2
    if part != legacy or _LATIN_IN_WORD.search(text) or _common_share(alt)[1] < 0.2:
        return False
    return 4 * sum(c > "\x7f" for c in text) >= sum(c.isalnum() for c in text)


def _mixed_lines_of(raw_lines: Iterable[bytes] | bytes, legacy: str) -> Iterator[str]:
    """The lines of a mixed file (its raw lines, or its bytes), each read by :func:`decode_line`
    in the part the lines before it showed; of several legacy encodings (``+``-joined), in the
    one :func:`_line_legacy` takes for it."""
    return (line for _, line in _mixed_numbered(raw_lines, legacy, False))


def _mixed_numbered(raw_lines: Iterable[bytes] | bytes, legacy: str, cr_ends: bool,
                    keep_nul: bool = False) -> Iterator[tuple[int, str]]:
    """:func:`_mixed_lines_of` with their numbers (see :meth:`TextFile.numbered`): the pieces of
    one line that a CR alone parts are that line's, unless ``cr_ends`` (the file's lines end so);
    a stray NUL dropped unless ``keep_nul`` (the caller drops and notes it)."""
    if isinstance(raw_lines, bytes):
        raw_lines = io.BytesIO(raw_lines)  # split where a file is: at LF
    legacies = legacy.split("+")
    legacy, part = legacies[0], None
    lineno = 1
    for raw in raw_lines:
        if not keep_nul:
            raw = raw.replace(b"\x00", b"")  # a stray NUL, as in lines()
        if len(legacies) > 1 and not raw.isascii() and not _is_utf8(raw):
            legacy = _line_legacy(raw, legacies, legacy)
        line, shown = _read_line(raw, legacy, legacy if part in legacies else part)
        part = shown or part
        pieces = LINE_END.split(line)
        if pieces and pieces[-1] == "":
            pieces.pop()
        for piece in pieces:
            yield lineno, drop_line_boms(piece)  # and a byte-order mark opening a line
            lineno += cr_ends
        lineno += not cr_ends


def _line_legacy(raw: bytes, legacies: list[str], legacy: str) -> str:
    """Which of a mixed file's ``legacies`` a line that is not UTF-8 reads in: the one it
    tells (:func:`_line_encoding`); else, of those it is strictly valid in, the one whose
    reading holds the fewest characters outside the frequent ones of its script
    (:func:`_uncommon`: 張偉明 in Big5 is GBK's 眎岸), then the most common ones
    (:func:`_common_count`: 박민준 in EUC-KR is GBK's 冠刮霖), ``legacy`` (the lines' before) on a tie.

    >>> _line_legacy("AU  - 張偉明".encode("cp950"), ["gb18030", "cp950"], "gb18030")
    'cp950'
    >>> _line_legacy("AU  - 刘洋".encode("gbk"), ["gb18030", "cp950"], "cp950")
    'gb18030'
    """
    told = _line_encoding(raw)
    if told in legacies:
        return told
    readings = {}
    for encoding in legacies:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        readings[encoding] = (_uncommon(text, encoding), -_common_count(text))
    if not readings:
        return legacy
    fewest = min(readings.values())
    return legacy if readings.get(legacy) == fewest else next(e for e in legacies if readings.get(e) == fewest)


def _uncommon(text: str, encoding: str) -> int:
    """The characters of ``text`` beyond ASCII (and space) outside the frequent ones of what
    ``encoding`` writes (:func:`_frequent_sets`, :data:`_COMMON_HANGUL`): a wrong reading's
    rare characters, half-width katakana, uncommon hangul."""
    gb2312, big5 = _frequent_sets()
    frequent = {"gb18030": gb2312, "cp950": big5, "big5hkscs": big5, "euc_jp": _jis_level_1(),
                "cp932": _jis_level_1(), "cp949": _COMMON_HANGUL}.get(encoding, frozenset())
    return sum(1 for c in _wide(text) if c not in frequent)


@functools.cache
def _jis_level_1() -> frozenset:
    """The characters of JIS X 0208's symbols, kana and first level of kanji (EUC-JP's rows
    A1-CF): what Japanese text nearly always holds."""
    return frozenset(bytes((a, b)).decode("euc_jp", "ignore") for a in range(0xa1, 0xd0)
                     for b in range(0xa1, 0xff)) - {""}


# Runs of characters beyond ASCII, and what they are in UTF-8 text (:func:`_unlikely_utf8`).
_WIDE_RUN = re.compile("[^\x00-\x7f\\s]+")
_SCRIPTS = ((0xc0, "symbol"), (0x250, "latin"), (0x2b0, "ipa"), (0x300, "modifier"), (0x370, "combining"),
            (0x400, "greek"), (0x530, "cyrillic"), (0x590, "armenian"), (0x600, "hebrew"), (0x700, "arabic"),
            (0x750, "syriac"), (0x780, "arabic"), (0x7c0, "thaana"), (0x800, "nko"))


def _script(char: str) -> str:
    """The script of a character that GBK or Big5 bytes read as UTF-8 give (2 bytes: up to
    U+07FF), by block; "odd" for one no text holds (C1 controls, unassigned, private use)."""
    if unicodedata.category(char) in ("Cc", "Cn", "Co", "Cs"):
        return "odd"
    code = ord(char)
    if char in "\xd7\xf7":
        return "symbol"
    if 0x1e00 <= code < 0x1f00:
        return "latin"
    for end, name in _SCRIPTS:
        if code < end:
            return name
    return f"block {code >> 8}"


def _unlikely_utf8(text: str) -> bool:
    """Whether ``text``, read as UTF-8, is no text: a run of characters beyond ASCII (and space) mixes
    scripts (³Ѹ is 鲁迅 in GBK, ģʽ 模式, Ҧ˧ 姚帅), starts with a modifier letter (˶ʿ 硕士) or
    a combining mark not after a letter, or holds a character no text does (\u0ef9v is 鉬靶 in Big5).
    Text with Chinese characters in it is text.

    >>> _unlikely_utf8("AU  - ³Ѹ"), _unlikely_utf8("Müller, Jürgen"), _unlikely_utf8("Иванов И. И."), _unlikely_utf8("10 μm²")
    (True, False, False, False)
    >>> _unlikely_utf8("(β\\u00a0=\\u00a00.304)")
    False
    """
    if _HAN.search(text):
        return False
    for m in _WIDE_RUN.finditer(text):
        scripts = [_script(c) for c in m.group()]
        after_letter = m.start() and text[m.start() - 1].isalpha()
        if scripts[0] == "combining" and not after_letter or "odd" in scripts or scripts[0] == "modifier":
            return True
        if len(set(scripts) - {"combining"}) > 1:  # (a combining mark: of the letter before it, Nestle\u0301)
            return True
    return False


def _plain_chinese(text: str) -> bool:
    """Whether all of ``text`` beyond ASCII is Chinese characters and CJK punctuation (none of
    the odd characters a wrong reading gives)."""
    return all(is_han(c) or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef"
               for c in text if c > "\x7f") and not _ODD_READING.search(text)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM, little- or big-endian: told by its NUL bytes when it holds much
    ASCII, else by its line breaks (text mostly Chinese has few NUL bytes)."""
    return _utf16_by_nul_bytes(data) or _utf16_by_line_breaks(data)


def _utf16_by_nul_bytes(data: bytes) -> str | None:
    """UTF-16 without a BOM: the NUL bytes (high bytes of ASCII characters) sit at odd
    (little-endian) or even (big-endian) offsets, and the decoded text is printable."""
    sample = data[:8000]
    if len(sample) < 4 or sample.count(0) < len(sample) // 20:  # a stray NUL does not make UTF-16
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    enc = "utf-16-le" if odd > 3 * even else "utf-16-be" if even > 3 * odd else None
    text = _utf16_text(data, enc)
    if text is None:
        return None
    printable = sum(1 for c in text[:4000] if c.isprintable() or c in "\r\n\t")
    return enc if printable >= 0.97 * min(len(text), 4000) else None


def _utf16_text(data: bytes, enc: str | None) -> str | None:
    """``data`` decoded strictly in the UTF-16 byte order ``enc`` (an odd last byte, a file cut
    short, left out); None when it does not decode or no order is given."""
    if enc is None:
        return None
    try:
        return data[:len(data) - len(data) % 2].decode(enc)
    except UnicodeDecodeError:
        return None


# What text in UTF-16 holds beside Chinese characters (charsets.is_han): ASCII with its
# tabs and line breaks, Latin letters with their accents (and the C1 controls of mojibake),
# Greek and Cyrillic, punctuation and the symbols of science (2000-27BF), CJK punctuation and
# kana (CNKI holds Japanese papers), full-width forms and the BOM.  Binary data, and GBK or
# UTF-8 bytes, read as UTF-16 give Hangul, Yi, private-use characters and surrogates.
_UTF16_TEXT = re.compile("[\t\n\f\r -~\x80-\u04ff\u1e00-\u1eff\u2000-\u27bf\u3000-\u30ff"
                         "\ufe30-\ufe4f\ufeff\uff00-\uffef]")


def _utf16_by_line_breaks(data: bytes) -> str | None:
    """UTF-16 without a BOM whose text is mostly Chinese (0x4E00-0x9FFF: no NUL byte), too
    few NUL bytes for :func:`_utf16_by_nul_bytes`.  Taken on strong evidence only: its line
    feeds are where the byte order puts them (:func:`_utf16_line_feed_order`), the whole
    decodes strictly (no unpaired surrogate), nearly all of its head is Chinese or
    :data:`_UTF16_TEXT` and not ASCII read in pairs (:func:`_ascii_read_in_pairs`), and the
    bytes are no text otherwise: their NUL bytes make them binary, or they are neither UTF-8
    nor GB18030 (an ASCII file with a stray NUL after a line feed reads as UTF-16 too).

    >>> _utf16_by_line_breaks("目的\\n探讨胃癌。\\n".encode("utf-16-be"))
    'utf-16-be'
    >>> _utf16_by_line_breaks(b"TI  - Gastric cancer\\n\\x00AU  - Li\\n") is None
    True
    """
    if b"\n\x00" not in data and b"\x00\n" not in data:  # no UTF-16 line feed: most files stop here
        return None
    enc = _utf16_line_feed_order(data[:64 * 1024])
    text = _utf16_text(data, enc)
    if text is None:
        return None
    sample = text[:4000]
    plain = sum(1 for c in sample if is_han(c) or _UTF16_TEXT.match(c))
    if plain < 0.97 * len(sample) or _ascii_read_in_pairs(sample):
        return None
    return enc if looks_binary(data) or not (_is_utf8(data) or _is_gb18030(data)) else None


def _utf16_line_feeds(data: bytes, enc: str) -> int:
    """The line feeds of ``data`` read as UTF-16 in byte order ``enc`` (0A 00 at even offsets
    little-endian, 00 0A big-endian)."""
    return data[:len(data) - len(data) % 2].decode(enc, errors="replace").count("\n")


def _utf16_line_feed_order(head: bytes) -> str | None:
    """The byte order whose line feeds ``head`` holds, at even offsets only, when the other
    order finds none: UTF-16 text has no character U+0Axx (Gurmukhi, Gujarati) to put the
    bytes of a line feed at odd offsets or in the other order."""
    orders = [enc for enc in ("utf-16-le", "utf-16-be")
              if _utf16_line_feeds(head, enc) and not _utf16_line_feeds(head[1:], enc)]
    if len(orders) != 1:
        return None
    other = "utf-16-be" if orders[0] == "utf-16-le" else "utf-16-le"
    return None if _utf16_line_feeds(head, other) else orders[0]


def _ascii_read_in_pairs(text: str) -> bool:
    """Whether nearly all characters of ``text`` beyond ASCII (all, when it has none) are each
    two ASCII bytes (ab read as UTF-16 is 扡): ASCII text with NUL bytes read as UTF-16.  In
    Chinese text some are (一 is 00 4E), not nearly all: 18-70% on 150 scraped pages; and
    accented letters and full-width forms none."""
    wide = [c for c in text if c > "\x7f"]
    return sum(1 for c in wide if not ord(c) & 0x8080) >= 0.9 * len(wide)


def _is_gb18030(data: bytes) -> bool:
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return True


_NUL_RUN = re.compile(rb"\x00+")
# A control byte no text holds (tab, line ends, form feed and escape aside).
_CONTROL_BYTE = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")


def looks_binary(data: bytes) -> bool:
    """Whether the first 8,000 bytes are binary data, judged by the share of NUL and control
    bytes, each run of NUL bytes counted once: a stray NUL in an export, or a block of them
    (a damaged disk's zeroed sector) amid text, is damage, not binary data (it is dropped on
    reading), where binary data has NUL bytes all through it, or is mostly NUL bytes.  Nor is
    a chunk of binary bytes (an image's pasted into an export) in a file whose bytes lie nine
    in ten or more in lines free of control bytes, its text lines: they are read, the chunk
    reported by line as any junk line is.

    >>> text = b"TY  - JOUR\\nTI  - A title\\nER  - \\n\\n" * 200
    >>> looks_binary(text[:3000] + b"\\x00" * 16 + text[3000:]), looks_binary(text[:3000] + b"\\x00" * 4096 + text)
    (False, False)
    >>> looks_binary(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR\\x00\\x00\\x01\\x00" * 50), looks_binary(b"\\x00" * 9000)
    (True, True)
    >>> looks_binary(text[:600] + b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR\\x00\\x00\\x01\\x00\\x08\\x02\\n" + text[600:1200])
    False
    """
    if not data:
        return False
    if data[:8000].count(0) > 7 * len(data[:8000]) // 8:  # a line or two, then NUL bytes
        return True
    sample = _NUL_RUN.sub(b"\x00", data[:8000])
    lines = sample.split(b"\n")
    text_lines = [line for line in lines if not _CONTROL_BYTE.search(line)]
    if len(text_lines) >= 8 and sum(len(line) + 1 for line in text_lines) >= 0.9 * len(sample):
        return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    # NUL runs standing alone in text with no other control bytes, up to one in a hundred
    # bytes; where other control bytes are, a NUL run or two
    nuls = sample.count(0)
    stray = controls - nuls <= 2
    return nuls > (max(8, len(sample) // 100) if stray else max(2, len(sample) // 1000)) or controls / len(sample) > 0.1


# The first bytes of a ZIP archive (.xlsx, .ods, .docx are ZIP) and of an old Office file (.xls, .doc).
ZIP_MAGIC, OLE2_MAGIC = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Files users hand over that are no export, told by their first bytes: what, and what to do.
# (A workbook named .xlsx, .xls or .ods, and archives, are read before this: see
# spreadsheet.is_spreadsheet and archive.archive_kind; a ZIP that comes here is an Office file.)
_BINARY_KINDS = (
    (b"%PDF-", "a PDF", "export the records from the database or reference manager (RIS, BibTeX, EndNote …)"),
    (ZIP_MAGIC, "an Office document (a .docx or .pptx, or a workbook under another name)",
     "export the records from the database or reference manager (RIS, BibTeX, EndNote …), or copy a "
     "reference list into a .txt file; a workbook is read when named .xlsx, .xls or .ods"),
    (OLE2_MAGIC, "an old Office file (a .doc, or a workbook under another name)",
     "export the records from the database or reference manager (RIS, BibTeX, EndNote …), or copy a "
     "reference list into a .txt file; a workbook is read when named .xls"),
    (b"SQLite format 3\x00", "an SQLite database (an index's records.sqlite?)", "give its folder as --index to search it"),
)


def binary_head(path: str, size: int = 2000) -> str:
    """The first bytes of a file that is no text, as a failure's raw text (each byte one
    character: nothing is lost, and nothing can fail to decode)."""
    with open(path, "rb") as fh:
        return fh.read(size).decode("latin-1")


def decode_bytes(data: bytes, final: bool = True) -> Decoded:
    """Decode file content, raising :class:`DecodeError` for binary data.

    >>> decode_bytes("摘要".encode("gbk")).text, decode_bytes("摘要".encode("gbk")).encoding
    ('摘要', 'gb18030')
    >>> decode_bytes(codecs.BOM_UTF8 + "摘要".encode()).encoding
    'utf-8-sig'

    Bytes that end inside a character (a download cut short) are read as they would be
    whole, the cut character one U+FFFD; a bad byte anywhere else makes them lossy:

    >>> cut = decode_bytes("胃癌".encode()[:-1]); cut.text, cut.encoding, cut.cut
    ('胃�', 'utf-8', True)
    """
    try:
        decoded = _decode_bytes(data, final)
    except DecodeError as e:  # a UTF-16 file cut after an odd byte, or binary
        if not final:
            raise
        decoded, error = None, e
    if final and (decoded is None or decoded.lossy):
        # read as if more bytes followed: if that reads cleanly, only the last character failed
        try:  # (the lines' encodings as told the first time: the same lines)
            whole_but_last = _decode_bytes(data, final=False, told=decoded and decoded.legacies)
        except DecodeError:
            whole_but_last = None
        if whole_but_last and not whole_but_last.lossy:
            return Decoded(whole_but_last.text + "\ufffd", whole_but_last.encoding, cut=True)
    if decoded is None:
        raise error
    return decoded


def _decode_bytes(data: bytes, final: bool, told: list[str] | None = None) -> Decoded:
    """:func:`decode_bytes`'s reading; ``told``: the encodings of the lines, when a reading of
    the same bytes found them disagree (:data:`Decoded.legacies`)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(_strict(data[len(bom):], enc, final), enc if enc != "utf-8" else "utf-8-sig")
            except UnicodeDecodeError as e:
                if enc == "utf-8":  # UTF-8 with lines in another encoding: read line by line
                    return Decoded(data[len(bom):].decode(enc, errors="replace"), "utf-8-sig", lossy=True)
                raise DecodeError(f"starts with a {enc} byte-order mark but is not {enc}: {e}") from e
    enc16 = _utf16_without_bom(data)
    if enc16:
        try:
            return Decoded(data.decode(enc16), enc16)
        except UnicodeDecodeError:
            pass
    for magic, what, advice in _BINARY_KINDS:
        if data.startswith(magic):
            raise DecodeError(f"binary file, {what}: not a text export; {advice}")
    if looks_binary(data):
        raise DecodeError("binary file (NUL or control bytes), not a text export")
    try:
        text = data.decode("utf-8") if final else codecs.getincrementaldecoder("utf-8")().decode(data)
    except UnicodeDecodeError as e:
        text = None
        if e.reason == "unexpected end of data" and e.end == len(data):
            # UTF-8 but for a cut last character (a download cut short): UTF-8, that character lost
            # (decode_bytes), not a legacy encoding that reads the bytes whole (GB18030 reads most)
            # (but a high byte alone after an ASCII word tells no UTF-8 when it is a letter Windows-1252
            # ends words with, à á ã è é í ó õ ú: an export's last letter, "Messias, Andr\xe9"; not Ã,
            # UTF-8's lead of an accented letter, nor å, of a Chinese character's)
            head = data[:e.start].decode("utf-8")
            alone = head.isascii() and len(data) - e.start == 1 and head[-1:].isalpha() and \
                data[-1] in b"\xe0\xe1\xe3\xe8\xe9\xed\xf3\xf5\xfa"
            if not alone and not _gbk_in_disguise(data[:e.start], head):
                return Decoded(head + "\ufffd", "utf-8", lossy=True)
    if text is not None and not _gbk_in_disguise(data, text):
        return Decoded(text, "utf-8")
    try:
        text = _strict(data, "gb18030", final)
    except UnicodeDecodeError:
        other = _cjk_instead(data, None, final) or _western_instead(data, None, final)
        return other or Decoded(data.decode("utf-8", errors="replace"), "utf-8", lossy=True)
    if _utf8_lines(data):  # a GBK export and a UTF-8 one joined: line by line, as when not valid GB18030
        return Decoded(text, "gb18030", lossy=True)
    other = _cjk_instead(data, text, final)
    if other is None:  # a GBK export and a Big5 one joined: line by line, the lines open_text reads so
        several = told or _line_encodings(_legacy_lines(data, final))
        if several:
            return Decoded(text, "gb18030", lossy=True, legacies=several)
    return other or _western_instead(data, text, final) or Decoded(text, "gb18030")


def _cjk_instead(data: bytes, gb_text: str | None, final: bool) -> Decoded | None:
    """Japanese, Korean or Big5 rather than GB18030, in that order (:func:`_japanese_instead`,
    :func:`_korean_instead`, :func:`_big5_instead`); Big5 only beside a GB18030 reading
    (``gb_text``), as bytes that are not GB18030 are not Big5 either (Big5's pairs are GBK's)."""
    return (_japanese_instead(data, gb_text, final) or _korean_instead(data, gb_text, final)
            or (_big5_instead(data, gb_text, final) if gb_text is not None else None))


def _strict(data: bytes, encoding: str, final: bool) -> str:
    """``data`` decoded strictly; with ``final`` false, a character cut at the end is left out."""
    return data.decode(encoding) if final else codecs.getincrementaldecoder(encoding)().decode(data)


def _lenient(data: bytes, encoding: str, final: bool) -> str:
    """``data`` decoded with each undecodable byte U+FFFD, as :func:`_strict` otherwise."""
    if final:
        return data.decode(encoding, errors="replace")
    return codecs.getincrementaldecoder(encoding)(errors="replace").decode(data)


# The 400 characters most used in Chinese (jieba's dictionary, each character weighted by the
# frequency of its words), in Simplified and Traditional form: read in the wrong one of GBK and
# Big5, a text gives few of them (臺灣地區 read as GBK is 蘶芖跋).
_COMMON_HAN = frozenset(
    "一是人了不在有大中国和为这上他个地年来我会以到时要出的生学说道民家子也成行下们于后就发自之对得主长"
    "可过天作分方用多你着部能市等业全里工公经本都而高政法面门动日进区事代那去心小同北定开产前其军还然起种"
    "所如现理机体表力好外与文当两实重新三么只山水关明从化平建又制南内西没此将员名手最东头者月间无安看见各"
    "城十相但已些正口通想度加第她合院物性战由位常点海意场武使次二向治因立数样身情入原问把路被并利石老教万"
    "知级量任江及应省资委务元美特期世湖回系比气汉总展电科金先声提品设或义王社很统处四首共马形己儿司太目基"
    "领队直计别女权话少流命至报米给打变果书清活几州华解议更称程今决张导术府才保交放管结师便走达族反再题色"
    "五京河接条规式县白它改风光运信受什组听布百济党指论强做取技黄神选记斯真却职号界件花类何眼兵传带空干农"
    "边据集联古广完质阳难增历史专官每住商即步认车台林必死游举线言皇土团收考求德叫近备研争非具李众连调感转笑"
    "國爲這個來會時學說們於後發對長過業裏經門動進區開產軍還種現機體與當兩實麼關從內沒將員東頭間無見戰點場"
    "數樣問並萬級應資務氣漢總電聲設義統處馬兒領隊計別權話報給變書幾華議稱決張導術結師達題條規縣風運組聽濟"
    "黨論強黃選記卻職號類傳帶幹農邊據聯廣質陽難歷專認車臺遊舉線團備爭衆連調轉為裡")


# What the wrong one of GBK and Big5 gives and Chinese text hardly holds: private-use
# characters, kana, Cyrillic, Bopomofo, vertical forms (修正 in Big5 read as GBK is a
# private-use character and タ).
_ODD_READING = re.compile("[\ue000-\uf8ff\u3040-\u30ff\u0400-\u04ff\u3100-\u312f\ufe10-\ufe4f]")


def _wide(text: str) -> list[str]:
    """The characters of ``text`` beyond ASCII that are not space: what the judges of an
    encoding count common, rare or kana among.

    >>> _wide("TI  - 胃癌\u3000研究 – 2020")
    ['胃', '癌', '研', '究', '–']
    """
    return [c for c in text if c > "\x7f" and not c.isspace()]


def _common_share(text: str) -> tuple[int, float]:
    """(common characters, their share of the characters that are not ASCII) in ``text``."""
    wide = _wide(text)
    common = sum(1 for c in wide if c in _COMMON_HAN)
    return common, common / len(wide) if wide else 0.0


def _big5_instead(data: bytes, gb_text: str, final: bool) -> Decoded | None:
    """Big5 rather than GB18030: when the bytes are Big5 (Windows' cp950, else with Hong
    Kong's HKSCS characters) with no more undecodable bytes than ``gb_text`` (none when it
    has none) and read so give at least twice the share of common characters (three at
    least), or as many and none of the odd characters that the GB18030 reading gives; else
    GB18030 stays."""
    if data.isascii():
        return None
    bad = gb_text.count("\ufffd")  # bytes valid in neither (a junk byte in a mixed file's lines) are counted
    for encoding in ("cp950", "big5hkscs"):
        try:  # strictly when GB18030 read them so: GBK text fails early, and a 16 MB file fast
            text = _lenient(data, encoding, final) if bad else _strict(data, encoding, final)
        except UnicodeDecodeError:  # GBK text nearly always holds bytes Big5 has not
            continue
        if text.count("\ufffd") > bad:
            continue
        # the head of each reading tells (counted in Python: not the whole of a 16 MB file)
        gb_head, head = gb_text[:_SAMPLE_CHARS], text[:_SAMPLE_CHARS]
        (_, gb_share), (common, share) = _common_share(gb_head), _common_share(head)
        if (common >= 3 and share >= 2 * gb_share) or (
                share >= gb_share and _ODD_READING.search(gb_head) and not _ODD_READING.search(head)
                ) or _rarer_as_gb(gb_head, head):
            return Decoded(text, encoding)
        return None
    return None


@functools.cache
def _frequent_sets() -> tuple[frozenset, frozenset]:
    """The characters of GB2312 (mainland China's 6,763 characters and its symbols) and of
    Big5's first level (its 5,401 frequent characters and its symbols)."""
    def pairs(leads, trails, encoding):
        return frozenset(bytes((a, b)).decode(encoding, "ignore") for a in leads for b in trails) - {""}
    gb2312 = pairs(range(0xa1, 0xf8), range(0xa1, 0xff), "gb2312")
    trails = [*range(0x40, 0x7f), *range(0xa1, 0xff)]
    big5 = pairs(range(0xa1, 0xc6), trails, "cp950") | pairs([0xc6], range(0x40, 0x7f), "cp950")
    return gb2312, big5


# A letter of another script (Cyrillic, Latin with an accent, kana, private use, Bopomofo)
# with a Chinese character on either side: what a wrong reading gives (縸Э痜ì检 for 糖尿病足潰瘍).
_LETTER_IN_HAN = re.compile("(?<=[\u4e00-\u9fff])[\u00c0-\u024f\u0400-\u04ff\u3040-\u30ff"
                            "\u3100-\u312f\ue000-\uf8ff](?=[\u4e00-\u9fff])")


def _rarer_as_gb(gb_text: str, big5_text: str) -> bool:
    """Whether the GB18030 reading of bytes that are strictly Big5 is the rarer one, for a
    record too short for common characters to tell (an author, a title, a year: 蔡淑娟 as
    讲睶甋): three of its characters at least, and two in five, are outside GB2312 (GBK's
    extension, where Big5's second bytes fall) or letters of another script between Chinese
    characters (:data:`_LETTER_IN_HAN`), where the Big5 reading's outside Big5's first level
    are a tenth at most.

    >>> b5 = "AU  - 蔡淑娟\\nTI  - 齲齒".encode("cp950")
    >>> _rarer_as_gb(b5.decode("gb18030"), b5.decode("cp950"))
    True
    >>> gb = "AU  - 王建国\\nTI  - 胃癌".encode("gbk")
    >>> _rarer_as_gb(gb.decode("gb18030"), gb.decode("cp950", "replace"))
    False
    """
    gb2312, big5 = _frequent_sets()
    gb_wide, wide = _wide(gb_text), _wide(big5_text)
    rare = sum(1 for c in gb_wide if c not in gb2312) + len(_LETTER_IN_HAN.findall(gb_text))
    big5_rare = sum(1 for c in wide if c not in big5)
    return rare >= 3 and 5 * rare >= 2 * len(gb_wide) and 10 * big5_rare <= len(wide)


_SAMPLE_CHARS = 200_000

_KANA = re.compile("[\u3041-\u309f\u30a0-\u30ff]")


def _kana_share(text: str) -> float:
    """The share of kana among the characters of ``text`` that are not ASCII."""
    wide = len(_wide(text))
    return len(_KANA.findall(text)) / wide if wide else 0.0


# The kanji most used in Japanese (a newspaper's 500, and those of scholarly titles and of
# names: 齢 療 護 鈴 藤 …), for telling Shift-JIS and EUC-JP text that is nearly all kanji (CiNii's
# and J-STAGE's titles and names) from GBK, both ways read: Japanese read as GBK gives rare
# characters (高齢者 as 崅楊幰 or 光勿荚), and Chinese read as Japanese kanji of all kinds.
_COMMON_KANJI = frozenset(
    "日一国会人年大十二本中長出三同時政事自行社見月分議後前民生連五発間対上部東者党地合市業内相方四定今回新場"
    "金員九入選立開手米力学問高代明実円関決子動京全目表戦経通外最言氏現理調体化田当八六約主題下首意法不来作性"
    "的要用制治度務強気小七成期公持野協取都和統以機平総加山思家話世受区領多県続進正安設保改数記院女初北午指権"
    "心界支第産結百派点教報済書府活原先共得解名交資予川向際査勝面委告軍文反元重近千考判認画海参売利組知案道信"
    "策集在件団別物側任引使求所次水半品昨論計死官増係感特情投示変打男基私各始島直両朝革価式確村提運終挙果西勢"
    "減台広容必応演電歳住争談能無再位置企真流格有疑口過局少放税検藤町常校料沢裁状工建語球営空職証土与急止送援"
    "供可役構木割聞身費付施切由説転食比難防補車優夫研収断井何南石足違消境神番規術護展態導鮮備宅害配副算視条幹"
    "独警宮究育席輸訪楽起万着乗店述残想線率病農州武声質念待試族象銀域助労例衛然早張映限親額監環験追審商葉義伝"
    "働形景落欧担好退準賞訴辺造英被株頭技低毎医復仕去姿味負閣韓渡失移差衆個門写評課末守若脳極種美岡影命含福蔵"
    "量望松非撃佐核観察整段横融型白深字答夜製票況音申様財港識注呼渉達良響阪帰針専推患齢介糖尿己管為築症倒雑誌"
    "看科肺癌診鈴郎橋穂療障太花健康疫疾血圧腫瘍臨床薬剤効併染免細胞遺析因類較背傾徴歯骨筋臓腎肝胃腸皮膚眼耳鼻"
    "喉婦児童幼壮老訓練精射像授徒修雇賃織販貿易林漁源災震津波危険候温暖汚廃棄処材歴史芸哲宗律祉沖縄古屋浜戸仙"
    "札幌埼玉静愛兵庫奈崎熊鹿潟城伊吉斎清森池阿谷坂遠青浦竹恵香菜里沙彩翔輔拓也樹雄幸弘博隆浩裕秀雅孝昭")
# Half-width katakana: what GBK's and Big5's lead bytes give read as Shift-JIS, hardly in an export.
_HALF_WIDTH_KANA = re.compile("[\uff61-\uff9f]")


def _kanji_share(text: str) -> tuple[int, float]:
    """(kanji, the share of them that are common in Japanese) in ``text``, half-width katakana
    counted among them as uncommon."""
    han = _HAN.findall(text)
    odd = len(_HALF_WIDTH_KANA.findall(text))
    return len(han), sum(1 for c in han if c in _COMMON_KANJI) / (len(han) + odd) if han else 0.0


def _japanese_instead(data: bytes, gb_text: str | None, final: bool) -> Decoded | None:
    """Japanese (EUC-JP, or Shift-JIS as Windows writes it, cp932: CiNii's and old Japanese
    exports) rather than GB18030: when the bytes are strictly one of them and so give kana for
    a fifth of their characters beyond ASCII at least, and more kana or more common characters
    than the GB18030 reading (EUC-JP's kana are at GB2312's kana, so the kanji tell: read as
    GBK they are rare characters, 光勿荚における for 高齢者における); or, kana or not (a title
    all kanji, names), eight kanji at least of which most are common in Japanese
    (:data:`_COMMON_KANJI`, three in five), three times the share of common characters the
    GB18030 reading gives (GBK read as Japanese: kanji of all kinds, two in ten common).

    >>> _japanese_instead("田中 美穂: 高齢者医療制度改革研究".encode("cp932"), None, True).encoding
    'cp932'
    >>> ja = "鈴木 一郎; 高橋 次郎".encode("euc_jp"); _japanese_instead(ja, ja.decode("gb18030"), True).text
    '鈴木 一郎; 高橋 次郎'
    >>> _japanese_instead("王建国: 基于深度学习的图像识别研究".encode("gbk"), "", True) is None
    True
    """
    if data.isascii():
        return None
    gb_head = gb_text[:_SAMPLE_CHARS] if gb_text is not None else ""
    for encoding in ("euc_jp", "cp932"):
        try:
            text = _strict(data, encoding, final)
        except UnicodeDecodeError:
            continue
        head = text[:_SAMPLE_CHARS]
        kana = _kana_share(head)
        if kana >= 0.2 and (kana > _kana_share(gb_head) or _common_share(head)[1] > _common_share(gb_head)[1]):
            return Decoded(text, encoding)
        kanji, share = _kanji_share(head)
        if kanji >= 8 and share >= 0.6 and share >= 3 * _common_share(gb_head)[1]:
            return Decoded(text, encoding)
    return None


# The hangul syllables most used in Korean (its particles and endings, 의 는 을 에 다, and the
# syllables of scholarly titles and of names), for telling EUC-KR (Windows' cp949: KCI's and
# RISS's exports) from GBK, both ways read: Korean read as GBK gives Chinese characters of
# little use (노인의 삶 as 畴牢狼 活), and Chinese read as Korean hangul of all kinds.
_COMMON_HANGUL = frozenset(
    "이다의는에하고을를가지기한로서사으도리자시대적인정일수있어전나부구제우해들과상연관성주보경화장문국아생원동라여비소만공신"
    "중방회학체발내조개위게것분없계그요식당실세면진용러오마물선결영거히명감미무모교통행되었습니변형단점현재후차표간산업더른금"
    "심법건안호강민토료환복노질병김박최윤임권황송류홍손양배백허유남곽엄채천함염추석설길반탁철희준은혜및했였됩까께며음럼처저초"
    "치청층측태택파판편평포프피필핵향혁협효휴흥글날년능님달덕독둘락람랑래력련령례록론률립말망매목몸밀받범본봉북불빌삼색섭속술"
    "스승씨악액야약억언역열예온완왕외운울웅월육율응익입잘작잡절접종좋죄증직집징찰참창책촌총축출충취칙친칠크큰타탈탐투특티팀")
_HANGUL = re.compile("[\uac00-\ud7a3]")


def _korean_instead(data: bytes, gb_text: str | None, final: bool) -> Decoded | None:
    """Korean (EUC-KR, as Windows writes it: cp949) rather than GB18030, which never gives a
    hangul syllable: when the bytes are strictly cp949 and so give eight hangul syllables at
    least, a third of their characters beyond ASCII, seven in ten of them common in Korean
    (:data:`_COMMON_HANGUL`; GBK read as Korean gives hangul of all kinds, about half
    common), and twice the share of common characters the GB18030 reading gives.

    >>> ko = "TI  - 노인의 삶의 질과 사회적 지지의 관계".encode("euc_kr")
    >>> _korean_instead(ko, ko.decode("gb18030"), True).text[6:]
    '노인의 삶의 질과 사회적 지지의 관계'
    >>> _korean_instead("TI  - 基于深度学习的图像识别研究".encode("gbk"), None, True) is None
    True
    """
    if data.isascii():
        return None
    try:
        text = _strict(data, "cp949", final)
    except UnicodeDecodeError:
        return None
    head = text[:_SAMPLE_CHARS]
    hangul = _HANGUL.findall(head)
    wide = len(_wide(head))
    if len(hangul) < 8 or 3 * len(hangul) < wide:
        return None
    common = sum(1 for c in hangul if c in _COMMON_HANGUL) / len(hangul)
    gb_common = _common_share(gb_text[:_SAMPLE_CHARS])[1] if gb_text is not None else 0.0
    return Decoded(text, "cp949") if common >= 0.7 and common >= 2 * gb_common else None


def _western_instead(data: bytes, gb_text: str | None, final: bool) -> Decoded | None:
    """Windows' Western code page (cp1252: an old EndNote or Reference Manager export made in
    Europe, "Müller", "Café") rather than GB18030, which reads each accented letter and the
    letter after it as one rare Chinese character (M黮ler) or fails: when the bytes are strict
    cp1252, the GB18030 reading, if any, gives few common characters, and most characters above
    ASCII stand alone between ASCII ones (Chinese read as cp1252 comes in pairs: 胃癌 is Î¸°©),
    or stand so or inside Latin words (:func:`_in_latin_word`: Portuguese puts two accented
    letters side by side, Avaliação, which GB18030 reads as one, Avalia玢o) where the GB18030
    reading's Chinese characters stand glued to Latin letters (:func:`_glued_han`).

    >>> pt = "TI  - Avaliação da função renal\\nAU  - Gonçalves, Luís".encode("cp1252")
    >>> _western_instead(pt, pt.decode("gb18030"), True).text[6:23]
    'Avaliação da funç'
    >>> gbk = "TI  - 基于COVID-19的研究\\nKW  - CT与MRI".encode("gbk")
    >>> _western_instead(gbk, gbk.decode("gb18030"), True) is None
    True
    """
    try:
        text = _strict(data, "cp1252", final)
    except UnicodeDecodeError:
        return None
    head = text[:_SAMPLE_CHARS]
    wide = [i for i, c in enumerate(head) if c > "\x7f"]
    if not wide:
        return None
    gb_head = gb_text[:_SAMPLE_CHARS] if gb_text is not None else None
    if gb_head is not None and _common_share(gb_head)[1] >= 0.2:
        return None
    alone = {i for i in wide if head[i - 1:i] <= "\x7f" and head[i + 1:i + 2] <= "\x7f"}
    if len(alone) >= 0.8 * len(wide):
        return Decoded(text, "cp1252")
    in_words = {i for m in _LATIN_WORD.finditer(head) if _in_latin_word(m.group())
                for i in range(m.start(), m.end()) if head[i] > "\x7f"}
    if len(alone | in_words) < 0.8 * len(wide) or gb_head is not None and not _glued_han(gb_head):
        return None
    return Decoded(text, "cp1252")


# A word of Latin letters, accented ones (cp1252's) among them; a run of the accented ones; and
# the two accented letters that stand side by side in Western European words: Portuguese's ção
# and ções, French's and Dutch's éé (créée, één), Spanish names' áñ and úñ (Ibáñez, Núñez).
# GBK's pairs of bytes read as cp1252 are two such letters of all kinds (刘洋 is ÁõÑó).
_LATIN_WORD = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0152\u0153\u0160\u0161\u0178"
                         "\u017d\u017e]+")
_ACCENTED_RUN = re.compile("[^\x00-\x7f]+")
_ACCENTED_PAIRS = frozenset({"çã", "çõ", "éé", "áñ", "úñ", "ÇÃ", "ÇÕ", "ÉÉ", "ÁÑ", "ÚÑ"})


def _in_latin_word(word: str) -> bool:
    """Whether the accented letters of ``word`` (a :data:`_LATIN_WORD`) are those of a Latin
    word: it holds ASCII letters, its accented letters stand alone or as one of
    :data:`_ACCENTED_PAIRS`, and it is written in one case (função, FUNÇÃO, Über; GBK's 与
    between CT and MRI read as cp1252 is CTÓëMRI).

    >>> [_in_latin_word(w) for w in ("Avaliação", "FUNÇÃO", "Über", "créée", "CTÓëMRI", "DNAÑÒ", "Müller")]
    [True, True, True, True, False, False, True]
    """
    if word.isascii() or not any(c.isascii() for c in word):
        return False
    if any(len(run) > 1 and run not in _ACCENTED_PAIRS for run in _ACCENTED_RUN.findall(word)):
        return False
    return word.islower() or word.isupper() or word[:1].isupper() and word[1:].islower()


# A run of Chinese characters (or other characters beyond ASCII) beside a Latin letter.
_WIDE_IN_WORD = re.compile("(?<=[A-Za-z])[^\x00-\x7f\\s]+|[^\x00-\x7f\\s]+(?=[A-Za-z])")


def _glued_han(gb_text: str) -> bool:
    """Whether the Chinese characters of a GB18030 reading are what cp1252's accented letters
    give (:func:`_western_instead`): four in five of them at least in runs of one or two glued
    to a Latin letter (Avalia玢o, Jo鉶, H閘鑞e); Chinese text runs longer, among Latin words
    too (基于COVID-19的研究).

    >>> _glued_han("Avalia玢o da fun玢o; Jo鉶"), _glued_han("TI  - 基于COVID-19的研究")
    (True, False)
    """
    han = len(_HAN.findall(gb_text))
    glued = sum(len(_HAN.findall(m.group())) for m in _WIDE_IN_WORD.finditer(gb_text) if len(m.group()) <= 2)
    return han > 0 and glued >= 0.8 * han


_TWO_BYTE_SCRIPTS = re.compile("[\u0370-\u07ff]")
_HAN = re.compile("[\u4e00-\u9fff]")
# The Greek letters (and the variant forms ϐ ϑ ϒ ϕ ϖ) that science writes in English text:
# TNF-α, IL-1β, λ = 532 nm.  As GBK their bytes are 23 characters of GB2312 (巍 危 韦 … 伪 尾 位
# 胃 …, bytes CE A1-BF) and rare ones of GBK's extension: Chinese that reads as nothing but
# these is hardly met.
_GREEK_LETTER = re.compile("[\u0391-\u03a1\u03a3-\u03a9\u03b1-\u03c9\u03d0-\u03d6]")


# An accented Latin letter in UTF-8 (C3 A9 é, C3 BC ü, C5 82 ł) inside a word: read as GBK it
# is one Chinese character, the letter after it kept (Qualit茅, M眉ller, Bj酶rknes); and a
# Chinese character in UTF-8 (E4-E9 and two bytes).
_UTF8_SIGNS = re.compile(rb"[A-Za-z][\xc3-\xc5][\x80-\xbf]|[\xc3-\xc5][\x80-\xbf][A-Za-z]"
                         rb"|[\xe4-\xe9][\x80-\xbf]{2}[\xe4-\xe9][\x80-\xbf]{2}")


def _utf8_lines(data: bytes, most: int = 1000) -> bool:
    """Whether bytes valid as GB18030 hold lines in UTF-8 (a GBK export with a UTF-8 one
    after it): a line with an accented Latin letter inside a word (:data:`_UTF8_SIGNS`) that
    reads as UTF-8 text (:func:`_unlikely_utf8`) with no Chinese, and as GB18030 gives few of
    the common characters (M眉ller, Qualit茅; not 模式, whose UTF-8 reading ģʽ is no text); or a
    line of Chinese in UTF-8 that GB18030 reads with the odd characters of a wrong reading
    (private-use ones: 关键词外感 as 鍏抽敭璇嶅\\ue63b鎰) and fewer common ones.

    >>> _utf8_lines("TI  - 基于深度学习\\nAU  - Müller, Jürgen\\n".encode("gbk", "ignore") + "AU  - Müller".encode())
    True
    >>> _utf8_lines("TI  - 基于深度学习\\nKW  - PPP模式\\n".encode("gbk"))
    False
    >>> _utf8_lines("首页 > 期刊\\n".encode("gbk") + "关键词外感高热症 痰热清注射液\\n".encode())
    True
    """
    for n, m in enumerate(_UTF8_SIGNS.finditer(data)):
        if n == most:
            break
        start, end = data.rfind(b"\n", 0, m.start()) + 1, data.find(b"\n", m.end())
        line = data[start:end if end >= 0 else len(data)]
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            continue
        gb_text = line.decode("gb18030", "replace")   # a line cut inside a character (a file's end)
        if _HAN.search(text):
            if _ODD_READING.search(gb_text) and _common_share(text)[1] > _common_share(gb_text)[1]:
                return True
        elif _LATIN_IN_WORD.search(text) and not _unlikely_utf8(text) and _common_share(gb_text)[1] < 0.2:
            return True
    return False


def _gbk_in_disguise(data: bytes, text: str) -> bool:
    """Short GBK text can be valid UTF-8 (摘要 = ժҪ): prefer GB18030 when UTF-8 gives only
    Greek/Cyrillic/Armenian/Hebrew/Arabic letters where GB18030 gives Chinese, and that
    Chinese is the common kind.  Russian read as GB18030 gives Chinese too, of rare characters
    (Платформенная → 袩谢邪褌褎芯褉屑械薪薪邪褟): a Russian export is UTF-8.  A few letters cannot
    tell; they are taken for Chinese, the likelier in this tool's files, unless all are Greek
    letters (TNF-α and IL-1β read as GBK was TNF-伪 and IL-1尾; λ was 位, a common character).

    >>> _gbk_in_disguise("摘要".encode("gbk"), "摘要".encode("gbk").decode())
    True
    >>> _gbk_in_disguise("TNF-α, λ = 532 nm".encode(), "TNF-α, λ = 532 nm")
    False
    """
    letters = _TWO_BYTE_SCRIPTS.findall(text)
    if not letters or _HAN.search(text) or all(map(_GREEK_LETTER.fullmatch, letters)):
        return False
    odd = len(letters)
    try:
        alt = data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    if len(_HAN.findall(alt)) < odd or _TWO_BYTE_SCRIPTS.search(alt):
        return False
    return odd <= 4 or _common_share(alt[:_SAMPLE_CHARS])[1] >= 0.2
