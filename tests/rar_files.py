"""RAR archives for the tests, written here (no program of ours or PyPI's writes RAR): files
stored without compression, in RAR 4 (WinRAR before 5; names in the system's code page, GBK
on Windows in China, unless marked Unicode) and RAR 5 (names in UTF-8).  libarchive, which
reads them, checks every header's and file's CRC, so a mistake here fails to read.

Layouts from RAR's technote (RAR 4: 7-byte block headers, CRC16 = the low half of a CRC32;
RAR 5: headers of variable-length integers, each with a CRC32).
"""
from __future__ import annotations

import struct
import zlib

_FILE_ENCRYPTED, _LONG_BLOCK, _HEADERS_ENCRYPTED = 0x04, 0x8000, 0x80


def rar4(files: list[tuple[bytes, bytes]], encrypted: tuple[bytes, ...] = (), headers_encrypted: bool = False) -> bytes:
    """A RAR 4 archive of ``files`` (name as stored, content); the names in ``encrypted``
    marked so (their content stays readable: only the mark is tested), and the archive's
    headers marked encrypted (``rar -hp``) when ``headers_encrypted``."""
    def block(kind: int, flags: int, body: bytes) -> bytes:
        rest = struct.pack("<BHH", kind, flags, 7 + len(body)) + body
        return struct.pack("<H", zlib.crc32(rest) & 0xFFFF) + rest

    out = b"Rar!\x1a\x07\x00" + block(0x73, _HEADERS_ENCRYPTED if headers_encrypted else 0, bytes(6))
    for name, data in files:
        flags = _LONG_BLOCK | (_FILE_ENCRYPTED if name in encrypted else 0)
        # packed and unpacked size, host OS (Windows), CRC32, DOS time, version 2.9, method "store",
        # name length, attributes (archive)
        body = struct.pack("<IIBIIBBHI", len(data), len(data), 2, zlib.crc32(data), 0x5A210000, 29, 0x30,
                           len(name), 0x20) + name
        out += block(0x74, flags, body) + data
    return out + block(0x7B, 0x4000, b"")


def _vint(n: int) -> bytes:
    out = bytearray()
    while True:
        out.append(n & 0x7F | (0x80 if n > 0x7F else 0))
        n >>= 7
        if not n:
            return bytes(out)


def rar5(files: list[tuple[str, bytes]]) -> bytes:
    """A RAR 5 archive of ``files`` (name, content)."""
    def header(kind: int, flags: int, fields: bytes, data: bytes = b"") -> bytes:
        body = _vint(kind) + _vint(flags) + fields
        size = _vint(len(body))
        return struct.pack("<I", zlib.crc32(size + body)) + size + body + data

    out = b"Rar!\x1a\x07\x01\x00" + header(1, 0, _vint(0))
    for name, data in files:
        raw = name.encode("utf-8")
        # data size; file flags (CRC32 present), unpacked size, attributes, CRC32, compression
        # (version 0, "store"), host OS (Windows), name
        fields = (_vint(len(data)) + _vint(0x4) + _vint(len(data)) + _vint(0x20) + struct.pack("<I", zlib.crc32(data))
                  + _vint(0) + _vint(0) + _vint(len(raw)) + raw)
        out += header(2, 0x2, fields, data)
    return out + header(5, 0, _vint(0))
