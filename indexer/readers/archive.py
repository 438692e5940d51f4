"""Archives: a ZIP, 7z, RAR or tar file of exports (a colleague's folder sent by e-mail, a
database's batch download), and an export compressed on its own (``savedrecs.txt.gz``,
``.bz2``, ``.xz``).  7z and RAR, common in China, are read with py7zr and with libarchive
(libarchive-c over the system's library, which reads RAR 4 and RAR 5; without that library a
RAR is a failure saying to unpack it).

An archive is read as the files it holds, each as if named on the command line (its format
and encoding found from its content; ``--format`` applies to every one).  Members that never
hold records are skipped as in a walked folder (PDFs, images, readme files, hidden files,
macOS's ``__MACOSX/`` copies); an archive inside an archive is read in turn, to
:data:`MAX_DEPTH` levels.

The archive stays the file its records come from: ``source.path`` is the archive as given,
``source.record`` counts over the whole archive (members in the archive's own order), and
``source.member`` names the file inside it (``source.line`` is a line of that member).  So
ingesting a changed archive again replaces, adds and removes its records as for a file, and
ids stay the same from any working directory.  Failures name the member too
(``refs.zip/cnki.ris:12: …``).  A ZIP whose list of files is lost (a download cut short) is
read by its files' own headers instead (:func:`_local_members`).

Each member is unpacked to a temporary file while it is read (then deleted), so readers work
on it as on any file; an archive that would unpack to more than :data:`MAX_UNPACKED` in all
(a damaged or hostile "zip bomb") is read up to there, and the rest is a failure.  A 7z
archive is usually solid (its files compressed as one stream, which cannot be entered in
the middle), so its files are unpacked together first, once.
"""
from __future__ import annotations

import bisect
import bz2
import ctypes
import gzip
import io
import itertools
import lzma
import os
import posixpath
import re
import shutil
import stat
import struct
import tarfile
import tempfile
import zipfile
import zlib
from functools import lru_cache
from typing import IO, Callable, Iterator

from ..charsets import name_text
from ..record import Failure, Record, where
from .decode import ZIP_MAGIC, binary_head
from .spreadsheet import MAX_UNPACKED

# Archives inside archives are read to this depth (a ZIP that holds itself goes no deeper).
MAX_DEPTH = 3
# Streams compressed on their own, by their first bytes: the module that opens them, the name
# suffixes they go by (dropped to give the member its name: savedrecs.txt.gz → savedrecs.txt),
# and what a cut loses beyond the bytes after it.  (bzip2's "BZh" is text: its block size digit
# and the magic of its first block, or of its end when empty, must follow.)
_STREAMS = ((re.compile(b"\x1f\x8b"), gzip, (".gz", ".gzip"), ""),
            (re.compile(b"BZh[1-9](?:1AY&SY|\x17rE8P\x90)"), bz2, (".bz2",),
             "bzip2 unpacks whole blocks, of 100 to 900 kB of text, so the one the cut ends is lost whole"),
            (re.compile(b"\xfd7zXZ\x00"), lzma, (".xz",), ""))
# A 7z and a RAR archive's first bytes (RAR 4 and 5: then \x00 and \x01\x00).
SEVEN_ZIP_MAGIC, RAR_MAGIC = b"7z\xbc\xaf\x27\x1c", b"Rar!\x1a\x07"
# A tar header: "ustar" at byte 257, its checksum (bytes 148-155) octal digits.
_TAR = re.compile(b" *[0-7]{1,8}[ \x00]*")
# Suffixes of archives, which a walked folder skips (unless --archives; an archive named is
# read) but an archive inside an archive does not.
SUFFIXES = (".zip", ".7z", ".rar", ".tar", ".tgz", ".gz", ".gzip", ".bz2", ".tbz2", ".xz", ".txz")
# A ZIP with this member is an Office Open XML or OpenDocument file (a .docx, or a workbook
# under another name), not an archive of exports.
_OFFICE_MEMBERS = ("[Content_Types].xml", "mimetype")
_CHUNK = 1 << 20
# What damaged or unusual archives raise while listed or unpacked: the formats' own errors, and
# what their decompressors, struct unpacking and name decoding raise on bytes that are not what
# the header promised (zlib.error, struct.error, ValueError, a method zipfile lacks:
# NotImplementedError, an encrypted member: RuntimeError).
UNPACK_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, tarfile.TarError, OSError, EOFError, lzma.LZMAError,
                 zlib.error, struct.error, ValueError, RuntimeError, NotImplementedError)


def archive_kind(path: str) -> str | None:
    """``"zip"``, ``"7z"``, ``"rar"``, ``"tar"`` or ``"stream"`` (one file compressed) by
    the file's first bytes; None for anything else, an Office file that is a ZIP included."""
    with open(path, "rb") as fh:
        head = fh.read(512)
    if head.startswith(SEVEN_ZIP_MAGIC):
        return "7z"
    if head.startswith(RAR_MAGIC):
        return "rar"
    if head.startswith(ZIP_MAGIC) or head.startswith(b"PK\x05\x06"):  # the second: an empty ZIP
        try:
            with zipfile.ZipFile(path) as z:
                return None if any(n in _OFFICE_MEMBERS for n in z.namelist()) else "zip"
        except UNPACK_ERRORS:   # damaged: its files are read by their own headers, and it says so
            name_len = struct.unpack_from("<H", head, 26)[0] if len(head) >= 30 else 0
            return None if head[30:30 + name_len].decode("cp437") in _OFFICE_MEMBERS else "zip"
    if _is_tar(head):
        return "tar"
    if path.lower().endswith(".tar") and not head.strip(b"\x00"):
        with open(path, "rb") as fh:
            if _is_empty_tar(fh.read(EMPTY_TAR_MAX + 1)):
                return "tar"
    module = _stream_module(head)
    if module is None:
        return None
    try:
        with module.open(path, "rb") as fh:
            inner = fh.read(EMPTY_TAR_MAX + 1)
    except UNPACK_ERRORS:
        return "stream"  # damaged: reading it says so
    # (zeros are an empty tar only under a tar's name: a zeroed download, x.ris.gz, is a stream)
    named_tar = re.search(r"\.(?:tar\.[^.]+|t[gbx]z2?|tbz|txz)$", path.lower())
    return "tar" if _is_tar(inner) or named_tar and _is_empty_tar(inner) else "stream"


def _is_tar(head: bytes) -> bool:
    """A tar header: its magic, and a checksum a text file would not hold there."""
    return head[257:262] == b"ustar" and bool(_TAR.fullmatch(head[148:156]))


# An empty tar is its end marker, two zero blocks, padded with zero blocks to its record size
# (GNU tar's is 10 KiB: ``tar czf x.tar.gz --files-from /dev/null``); up to this many bytes.
EMPTY_TAR_MAX = 64 * 1024


def _is_empty_tar(data: bytes) -> bool:
    """Whether ``data`` (all of it, up to :data:`EMPTY_TAR_MAX` bytes) is an empty tar: zero
    blocks only, two or more, so that it says it is empty rather than binary.

    >>> _is_empty_tar(bytes(10240)), _is_empty_tar(bytes(512)), _is_empty_tar(bytes(1000)), _is_empty_tar(b"a" + bytes(1023))
    (True, False, False, False)
    """
    return 1024 <= len(data) <= EMPTY_TAR_MAX and len(data) % 512 == 0 and not data.strip(b"\x00")


def _stream_module(head: bytes):
    """The module (gzip, bz2, lzma) that opens a stream beginning with ``head``; None when
    it is none of theirs."""
    return next((module for magic, module, _, _ in _STREAMS if magic.match(head)), None)


def _name(raw: bytes, fallback: str) -> str:
    """A member's name from its bytes: UTF-8, or else GBK (GB18030) as Windows in China writes
    names; ``fallback`` when neither reads it."""
    text = name_text(raw)
    return fallback if text is None else text


def _zip_name(info: zipfile.ZipInfo) -> str:
    """A ZIP member's name as its maker wrote it.  Without the UTF-8 flag, zipfile reads names
    as code page 437 (``鏂囩尞.ris`` … for a GBK 文献.ris); some tools write UTF-8 without the flag."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return _name(info.filename.encode("cp437"), info.filename)
    except UnicodeEncodeError:
        return info.filename


def _tar_name(info: tarfile.TarInfo) -> str:
    """A tar member's name: tarfile keeps bytes that are not UTF-8 as surrogates (a GBK name)."""
    raw = info.name.encode("utf-8", "surrogateescape")
    return _name(raw, raw.decode("utf-8", "replace"))


def _members(path: str, kind: str, room: int) -> Iterator[tuple[str, Callable[[], IO[bytes]] | str]]:
    """Each regular file of the archive in its own order: its name and a function opening it,
    or instead of the function why it cannot be read (``room``: the bytes it may unpack to,
    for a 7z archive, unpacked whole before it is read)."""
    if kind == "stream":
        name = os.path.basename(path)
        lower = name.lower()
        suffix = next((s for _, _, suffixes, _ in _STREAMS for s in suffixes if lower.endswith(s)), "")
        name = name[:len(name) - len(suffix)]
        with open(path, "rb") as fh:
            module = _stream_module(fh.read(16))
        yield name, lambda: module.open(path, "rb")
    elif kind == "zip":
        try:
            z = zipfile.ZipFile(path)
        except zipfile.BadZipFile as e:
            yield from _local_members(path, f"{type(e).__name__}: {e}")
            return
        with z:
            for info in z.infolist():
                # a folder, or a link (Info-ZIP's ``zip -y``: its text is the path it points to),
                # skipped as the tar and 7z archives' links are
                if info.is_dir() or stat.S_ISLNK(info.external_attr >> 16):
                    continue
                if info.flag_bits & 0x1:
                    yield _zip_name(info), _ENCRYPTED
                else:
                    yield _zip_name(info), (lambda info=info: z.open(info))
    elif kind == "7z":
        yield from _seven_zip_members(path, room)
    elif kind == "rar":
        yield from _rar_members(path)
    else:
        with tarfile.open(path, "r|*") as t:  # a stream: members in order, never all in memory
            for info in t:
                if info.isreg():
                    yield _tar_name(info), (lambda info=info: t.extractfile(info))


# A ZIP member's local header, before its name and extra field: signature, version, flags,
# method, time, date, CRC-32, compressed and unpacked sizes, lengths of the name and extra field.
_LOCAL = struct.Struct("<4sHHHHHIIIHH")
# What follows a ZIP's last file: its central directory (PK\1\2, its end PK\5\6 or Zip64's
# PK\6\6) or a digital signature (PK\5\5).
_DIRECTORY = (b"PK\x01\x02", b"PK\x05\x06", b"PK\x06\x06", b"PK\x05\x05")
# The data descriptor that follows a file's data when its local header could not give its
# sizes and CRC (flag 0x8: a ZIP written as a stream); its signature is optional.
_DESCRIPTOR = b"PK\x07\x08"


def _local_members(path: str, error: str) -> Iterator[tuple[str, Callable[[], IO[bytes]] | str]]:
    """A ZIP's files found by their local headers, one after another from the start, as
    zipfile cannot without the central directory (see :class:`_NoDirectory`): stored and
    deflated files, their sizes in the header or in a data descriptor after their data.  A
    file cut short is read up to the cut (:class:`_LocalFile` raises EOFError there).  Ends
    by raising :class:`_NoDirectory`, which says where the files ended and why."""
    at, found = 0, 0
    with open(path, "rb") as fh:
        while True:
            fh.seek(at)
            head = fh.read(_LOCAL.size)
            if head[:4] != ZIP_MAGIC or len(head) < _LOCAL.size:
                stop = ("the file ends after them" if not head
                        else "its list of files follows them, unreadable" if head[:4] in _DIRECTORY
                        else f"the file ends inside the header of the next one (byte {at:,})"
                        if ZIP_MAGIC.startswith(head[:4])
                        else f"the bytes from {at:,} on are no file's header and are not read")
                break
            _, _, flags, method, _, _, crc, packed, unpacked, name_len, extra_len = _LOCAL.unpack(head)
            raw = fh.read(name_len)
            extra = fh.read(extra_len)
            if len(raw) < name_len or len(extra) < extra_len:
                stop = f"the file ends inside the header of the next one (byte {at:,})"
                break
            zip64 = packed == 0xFFFFFFFF or unpacked == 0xFFFFFFFF
            if zip64:
                packed = _zip64_packed(extra, unpacked, packed)
            name = raw.decode("utf-8", "replace") if flags & 0x800 else _name(raw, raw.decode("cp437"))
            member = _LocalFile(path, at + _LOCAL.size + name_len + extra_len, flags, method, crc, packed, zip64)
            found += not name.endswith("/")
            if name.endswith("/"):
                pass   # a folder
            elif flags & 0x1:
                yield name, _ENCRYPTED
            elif method not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                yield name, (f"compressed by method {method}, which is read only through the ZIP's list of files, lost "
                             "here: download the archive again, or unpack it with another program and read the file")
            else:
                yield name, lambda member=member: _Blocks(member.chunks())
            try:
                at = member.next_header()
            except EOFError:
                stop = f"the file ends inside {name}"
                break
            except UNPACK_ERRORS as e:
                stop = f"the end of {name} cannot be found ({type(e).__name__}: {e}), and what follows is not read"
                break
    raise _NoDirectory(f"{error}; {found} file(s) were found by their own headers instead, and {stop}")


def _zip64_packed(extra: bytes, unpacked: int, packed: int) -> int:
    """The compressed size a Zip64 extra field (id 1) gives for a local header whose sizes
    are 0xFFFFFFFF (the unpacked size first, each only where the header's is so)."""
    at = 0
    while at + 4 <= len(extra):
        kind, length = struct.unpack_from("<HH", extra, at)
        if kind == 1:
            values = extra[at + 4:at + 4 + length]
            start = 8 if unpacked == 0xFFFFFFFF else 0
            if len(values) >= start + 8:
                return struct.unpack_from("<Q", values, start)[0]
            break
        at += 4 + length
    return packed


class _LocalFile:
    """One ZIP file's data after its local header (see :func:`_local_members`), unpacked in
    chunks of at most :data:`_CHUNK` bytes (a zip bomb is held no more in memory than any
    member), its CRC checked at its end.  The file on disk ending before its data does
    raises EOFError, as a stream cut short does."""

    def __init__(self, path: str, start: int, flags: int, method: int, crc: int, packed: int, zip64: bool):
        self.path, self.start, self.method, self.zip64 = path, start, method, zip64
        self.streamed = bool(flags & 0x8)   # sizes and CRC in a data descriptor after the data
        self.crc, self.packed = crc, packed
        self.end: int | None = None if self.streamed else start + packed   # where its data ends

    def chunks(self) -> Iterator[bytes]:
        """Its content; sets ``end`` when it was read to its end."""
        with open(self.path, "rb") as fh:
            fh.seek(self.start)
            if self.method == zipfile.ZIP_DEFLATED:
                crc, end = yield from self._inflated(fh)
            elif self.streamed:
                crc, end = yield from self._stored_to_descriptor(fh)
            else:
                crc, end = 0, self.start
                for data in self._packed(fh, self.packed):
                    crc, end = zlib.crc32(data, crc), end + len(data)
                    yield data
            if self.streamed:
                self.crc = self._descriptor(fh, end)
        if crc != self.crc:
            raise zipfile.BadZipFile("Bad CRC-32: the file's data is damaged")
        if self.streamed:
            self.end = end

    def next_header(self) -> int:
        """Where the next local header is: after this file's data (read through to find its
        end when only a data descriptor gives it) and its descriptor."""
        if self.end is None:
            for _ in self.chunks():
                pass
        elif self.end > os.path.getsize(self.path):
            raise EOFError("cut inside the file's data")
        if not self.streamed:
            return self.end
        with open(self.path, "rb") as fh:
            fh.seek(self.end)
            return self.end + (4 if fh.read(4) == _DESCRIPTOR else 0) + (20 if self.zip64 else 12)

    @staticmethod
    def _packed(fh, size: int | None) -> Iterator[bytes]:
        """The file's compressed bytes, ``size`` of them or (None) to the end of the file on
        disk; EOFError where it ends before ``size``."""
        while size is None or size > 0:
            data = fh.read(_CHUNK if size is None else min(_CHUNK, size))
            if not data:
                if size is None:
                    return
                raise EOFError("the archive ends inside this file's data, as a download cut short")
            size = None if size is None else size - len(data)
            yield data

    def _inflated(self, fh):
        """A deflated file's content (its data's end found by the deflate stream's own end);
        returns its CRC and where its data ends."""
        inflate, crc, fed = zlib.decompressobj(-zlib.MAX_WBITS), 0, 0
        for data in self._packed(fh, None if self.streamed else self.packed):
            fed += len(data)
            while data and not inflate.eof:
                out = inflate.decompress(data, _CHUNK)
                data = inflate.unconsumed_tail
                crc = zlib.crc32(out, crc)
                if out:
                    yield out
            if inflate.eof:
                return crc, self.start + fed - len(inflate.unused_data)
        if not self.streamed:
            raise zlib.error("the deflated data ends before its end mark")
        raise EOFError("the archive ends inside this file's data, as a download cut short")

    def _stored_to_descriptor(self, fh):
        """A stored file's content when only its data descriptor gives its size: up to the
        descriptor (with its signature) whose CRC and size are those of the bytes before it;
        returns its CRC and where its data ends."""
        held, crc, size = b"", 0, 0   # held: bytes not given yet, which may begin the descriptor
        for data in itertools.chain(self._packed(fh, None), [b""]):
            final = not data
            held += data
            at = 0
            while (at := held.find(_DESCRIPTOR, at)) >= 0 and (final or len(held) - at >= 24):
                here = zlib.crc32(held[:at], crc)
                rest = held[at + 4:at + 16]
                if len(rest) == 12 and struct.unpack("<II", rest[:8])[0] == here and size + at in (
                        struct.unpack_from("<I", rest, 4)[0], struct.unpack_from("<Q", rest, 4)[0]):
                    if at:
                        yield held[:at]
                    return here, self.start + size + at
                at += 1
            keep = len(held) if final else at if at >= 0 else max(len(held) - 3, 0)
            out, held = held[:keep], held[keep:]
            crc, size = zlib.crc32(out, crc), size + len(out)
            if out:
                yield out
        raise EOFError("the archive ends inside this file's data, as a download cut short")

    @staticmethod
    def _descriptor(fh, end: int) -> int:
        """The CRC a data descriptor at ``end`` gives."""
        fh.seek(end)
        data = fh.read(8)
        if data[:4] == _DESCRIPTOR:
            data = data[4:] + fh.read(4)
        if len(data) < 4:
            raise EOFError("the archive ends inside this file's data descriptor, as a download cut short")
        return struct.unpack_from("<I", data)[0]


def _seven_zip_members(path: str, room: int) -> Iterator[tuple[str, Callable[[], IO[bytes]] | str]]:
    """A 7z archive's regular files (not folders, not links, which could point anywhere),
    unpacked together to a temporary folder (see the module's docstring): those that fit in
    ``room`` bytes, in order; the first that does not, and the rest, are not read.  Its errors
    are raised as ValueError (a damaged archive)."""
    import py7zr
    from py7zr.exceptions import AbsolutePathError, ArchiveError, PasswordRequired

    try:
        with py7zr.SevenZipFile(path, max_extract_size=room) as z:
            files = [info for info in z.list() if info.is_file and not info.is_symlink]
            if z.needs_password():
                for info in files:
                    yield info.filename, _ENCRYPTED
                return
            sizes = list(itertools.accumulate(info.uncompressed or 0 for info in files))
            fit = bisect.bisect_right(sizes, room)
            with tempfile.TemporaryDirectory(prefix="lit-indexer-7z-") as tmp:
                z.extract(tmp, targets=[info.filename for info in files[:fit]])
                for info in files[:fit]:
                    yield info.filename, (lambda name=info.filename: open(os.path.join(tmp, name), "rb"))
            if fit < len(files):
                yield files[fit].filename, _TOO_LARGE
    except PasswordRequired as e:   # its file names encrypted too (7z -mhe)
        raise _Encrypted from e
    except (ArchiveError, AbsolutePathError) as e:
        raise ValueError(f"7z: {type(e).__name__}: {e}") from e


def _rar_members(path: str) -> Iterator[tuple[str, Callable[[], IO[bytes]] | str]]:
    """A RAR archive's regular files, read in order as a stream (as a tar), with libarchive.
    Its errors are raised as ValueError (a damaged archive), :class:`_Encrypted` when the
    names of its files are encrypted too, and :class:`_NoReader` when libarchive cannot be
    loaded."""
    try:
        import libarchive
        from libarchive.exception import ArchiveError
    except Exception as e:   # libarchive-c loads the system's library as it is imported
        raise _NoReader(f"{type(e).__name__}: {e}") from e
    encrypted = _encryption_check()
    try:
        with libarchive.file_reader(path) as archive:
            for entry in archive:
                if not entry.isreg:   # folders, links (which could point anywhere)
                    continue
                raw = entry.pathname   # bytes when it is not UTF-8: a RAR 4 name in GBK
                name = _name(raw, raw.decode("latin-1")) if isinstance(raw, bytes) else raw
                if encrypted(entry):
                    yield name, _ENCRYPTED
                else:
                    yield name, (lambda: _Blocks(_rar_blocks(archive._pointer, ArchiveError)))
    except ArchiveError as e:
        if "ncrypt" in str(e.msg) or "assphrase" in str(e.msg):
            raise _Encrypted from e
        raise _rar_error(e) from e


def _rar_error(error) -> ValueError:
    """libarchive's error as said (without its pointers, which change from run to run)."""
    msg = error.msg.decode("utf-8", "replace") if isinstance(error.msg, bytes) else error.msg
    return ValueError(f"RAR: {msg or 'damaged, or cut short'}")


@lru_cache(maxsize=1)
def _encryption_check() -> Callable[[object], bool]:
    """Whether a libarchive entry is encrypted (libarchive-c does not wrap the call).  libarchive
    3.6 tells a RAR 4's encrypted files, not a RAR 5's: their content, unreadable, is then a
    failure of its own (binary, or cannot be unpacked)."""
    from libarchive import ffi

    check = getattr(ffi.libarchive, "archive_entry_is_encrypted", None)
    if check is None:   # libarchive before 3.2: reading the entry fails instead
        return lambda entry: False
    check.argtypes, check.restype = [ctypes.c_void_p], ctypes.c_int
    return lambda entry: check(entry._entry_p) > 0


class _Blocks(io.RawIOBase):
    """A member's content from its blocks, as a file to read."""

    def __init__(self, blocks: Iterator[bytes]):
        self._blocks, self._rest = blocks, b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        self._rest = self._rest or next(self._blocks, b"")
        n = min(len(buffer), len(self._rest))
        buffer[:n], self._rest = self._rest[:n], self._rest[n:]
        return n


def _rar_blocks(archive_p, error: type[Exception]) -> Iterator[bytes]:
    """libarchive's blocks of the member being read, as it unpacks them (archive_read_data_block:
    libarchive-c's get_blocks reads through archive_read_data, which drops what it had of a
    buffer when the data ends early).  Its errors are raised as ValueError, and as EOFError
    where the archive ends inside the member (a download cut short), so what came before is
    read (RAR 4's stored files; RAR 5's come in whole pieces of up to 64 kB)."""
    from libarchive import ffi

    buffer, size, offset, at = ctypes.c_void_p(), ctypes.c_size_t(), ctypes.c_longlong(), 0
    while True:
        try:
            if ffi.read_data_block(archive_p, ctypes.byref(buffer), ctypes.byref(size), ctypes.byref(offset)) == 1:
                return   # ARCHIVE_EOF: the member's end
        except error as e:
            failure = _rar_error(e)
            if any(cut in str(failure) for cut in _RAR_CUT):
                raise EOFError(str(failure)) from e
            raise failure from e
        for _ in range(at, offset.value, _CHUNK):   # a hole (a sparse file): zeros, as libarchive gives them
            yield bytes(min(_CHUNK, offset.value - _))
        at = max(at, offset.value + size.value)
        if size.value:
            yield ctypes.string_at(buffer, size.value)


# libarchive's words for a RAR's data ending before the member's end (RAR 4; RAR 5 stored).
_RAR_CUT = ("Truncated", "I/O error when unstoring file")


def _skipped(name: str) -> bool:
    """A member never read: one a walked folder skips (an archive excepted), or macOS's copy
    of resource forks (``__MACOSX/``) and anything in a hidden folder."""
    from . import _skipped as skipped_in_folder

    parts = name.replace("\\", "/").split("/")
    # "./a.ris" (``tar -C dir -czf x.tgz .``, shutil.make_archive) is in no hidden folder, nor
    # "../a.ris" (see _climbs_out)
    if any(p.startswith(".") and p not in (".", "..") or p == "__MACOSX" for p in parts[:-1]):
        return True
    return skipped_in_folder(parts[-1], archives=True)


def _climbs_out(name: str) -> bool:
    """Whether a member's name leads out of the folder the archive unpacks to ("../x.ris",
    "a/../../x.ris"), as only a damaged or malicious archive's does ("path traversal").

    >>> _climbs_out("../x.ris"), _climbs_out("a\\\\..\\\\..\\\\x.ris"), _climbs_out("a/../x.ris"), _climbs_out("./x..ris")
    (True, True, False, False)
    """
    return posixpath.normpath(name.replace("\\", "/")).split("/")[0] == ".."


def _temp_name(name: str) -> str:
    """A file name for a member unpacked: its own, which readers may go by (its suffix), kept
    short and free of folders."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1] or "member"
    if len(base.encode("utf-8")) > 200:
        base = "member" + os.path.splitext(base)[1][:20]
    return base


class _TooLarge(Exception):
    pass


_ENCRYPTED = "encrypted: unpack it with its password and read the files it holds"
_CLIMBS_OUT = ("skipped: its name leads out of the archive's folder (..), as only a damaged or malicious archive's "
               "does; it was not unpacked anywhere. If you trust the archive, unpack that file and name it to read it")
_TOO_LARGE = (f"the archive unpacks to more than {MAX_UNPACKED >> 20:,} MB (damaged, or a \"zip bomb\"): this file "
              "and the rest of the archive are not read")


class _Encrypted(ValueError):
    """An archive whose very list of files is encrypted."""


class _NoDirectory(ValueError):
    """A ZIP whose list of files (its central directory, written at its end) is lost: a
    download cut short, or a damaged file.  zipfile finds its files only by that list; they
    are read by their own (local) headers instead, and this says where those ended."""


class _NoReader(ValueError):
    """A RAR archive without libarchive to read it."""


class _Cut(Exception):
    """A member whose compressed data ends before its end (a download cut short): what came
    before the cut is unpacked (``size`` bytes)."""

    def __init__(self, size: int, error: EOFError):
        super().__init__(size, error)
        self.size, self.error = size, error


def _unpack(opener: Callable[[], IO[bytes]], target: str, room: int) -> int:
    """Copy a member to ``target``; its size.  Raises :class:`_TooLarge` past ``room`` bytes,
    and :class:`_Cut` when its data ends early, with what was unpacked of it before (``read1``:
    a ``read`` of a gzip stream cut short raises, losing what it had unpacked of that chunk)."""
    size = 0
    with opener() as src, open(target, "wb") as out:
        read = getattr(src, "read1", src.read)
        try:
            while chunk := read(_CHUNK):
                size += len(chunk)
                if size > room:
                    raise _TooLarge
                out.write(chunk)
        except EOFError as e:
            raise _Cut(size, e) from e
    return size


def _cut_short(items: Iterator[Record | Failure], error: EOFError, target: str,
               lost: str = "") -> Iterator[Record | Failure]:
    """The items of a member cut short (:class:`_Cut`): its records before the cut, then a
    failure saying so (and ``lost``: what its format loses at a cut).  Its last record, which
    the cut may have ended early (a field or a list cut off), is that failure, with its raw
    text, rather than a record shorter than its source."""
    last = None
    for item in items:
        if last is not None:
            yield last
        last = item
    reason = (f"the file is cut short ({type(error).__name__}: {error}), as a download that stopped"
              + (f"; {lost}" if lost else "")
              + (": the records before the cut are read" if last is not None else ": nothing of it could be unpacked"))
    if isinstance(last, Record):
        yield Failure.of(last, f"{reason}; the last, which the cut may have ended early, is this failure "
                               "(its raw text here)")
        return
    if last is None:
        yield Failure(path=target, line=None, raw="", reason=reason)
        return
    yield last
    yield Failure(path=target, line=None, raw="", reason=reason + "; the rest of it is lost")


def read_archive(path: str, kind: str, fmt: str | None, read_file, depth: int = 0,
                 budget: list[int] | None = None) -> Iterator[Record | Failure]:
    """The records and failures of the files in an archive (see the module's docstring);
    ``read_file`` reads one unpacked member.  Never raises for bad content: what this code
    did not foresee ends the archive with a failure saying so, and the batch goes on."""
    try:
        yield from _read_archive(path, kind, fmt, read_file, depth, budget)
    except Exception as e:  # a bug on one archive must not stop the batch (as readers: see _read)
        yield Failure(path=path, line=None, raw="", reason=f"the archive reader stopped here ({type(e).__name__}: "
                                                           f"{str(e)[:200]}); the rest of the archive is not read")


def _read_archive(path: str, kind: str, fmt: str | None, read_file, depth: int,
                  budget: list[int] | None) -> Iterator[Record | Failure]:
    budget = budget if budget is not None else [MAX_UNPACKED]
    offset, read, skipped = 0, 0, []
    with tempfile.TemporaryDirectory(prefix="lit-indexer-") as tmp:
        members = _members(path, kind, budget[0])
        while True:
            try:
                name, opener = next(members)
            except StopIteration:
                break
            except UNPACK_ERRORS as e:
                yield _damaged(path, e, read)
                return
            if _climbs_out(name):   # said, not skipped silently as a hidden file is
                read += 1
                yield Failure(path=path, line=None, reason=_CLIMBS_OUT, raw="", member=name)
                continue
            if _skipped(name):
                skipped.append(name)
                continue
            read += 1
            if isinstance(opener, str):
                yield Failure(path=path, line=None, reason=opener, raw="", member=name)
                if opener == _TOO_LARGE:
                    return
                continue
            target = os.path.join(tmp, f"{read}", _temp_name(name))
            cut = None
            try:
                os.makedirs(os.path.dirname(target))
                budget[0] -= _unpack(opener, target, budget[0])
            except _Cut as e:
                budget[0] -= e.size
                cut = e
            except _TooLarge:
                yield Failure(path=path, line=None, member=name, raw="", reason=_TOO_LARGE)
                return
            except UNPACK_ERRORS as e:
                yield Failure(path=path, line=None, member=name, raw="",
                              reason=f"cannot unpack this file from the archive ({type(e).__name__}: {e})")
                continue
            inner = archive_kind(target)
            if inner and depth + 1 >= MAX_DEPTH:
                items = iter([Failure(path=target, line=None, raw="", reason=f"an archive inside archives "
                                      f"{MAX_DEPTH} deep is not read: unpack it and read what it holds")])
            elif inner:
                items = _read_archive(target, inner, fmt, read_file, depth + 1, budget)
            else:
                items = read_file(target, fmt)
            if cut is not None:
                items = _cut_short(items if cut.size else iter(()), cut.error, target,
                                   _cut_loses(path) if kind == "stream" else "")
            last = 0
            for item in items:
                last = max(last, _place(item, path, name, target, offset))
                yield item
            offset += last
            shutil.rmtree(os.path.dirname(target), ignore_errors=True)
    if not read:
        listed = ", ".join(skipped[:20]) + (" …" if len(skipped) > 20 else "")
        yield Failure(path=path, line=None, raw="\n".join(skipped),
                      reason="no records: the archive holds no file that is read" +
                             (f" ({len(skipped)} skipped: {listed})" if skipped
                              # libarchive reads a RAR cut off inside a header as one that ends there
                              else " (it is empty, or cut short)" if kind == "rar" else " (it is empty)"))


def _cut_loses(path: str) -> str:
    """What a cut loses of the stream ``path`` beyond the bytes after it (see ``_STREAMS``)."""
    with open(path, "rb") as fh:
        head = fh.read(16)
    return next((lost for magic, _, _, lost in _STREAMS if magic.match(head)), "")


def _place(item: Record | Failure, path: str, name: str, target: str, offset: int) -> int:
    """Make ``item``, read from the member ``name`` unpacked at ``target``, an item of the
    archive ``path``: its file the archive, the member named, its ordinal counted over the
    archive, the unpacked file's name in its messages the member's.  Returns its ordinal
    within the member (0 for a failure without one)."""
    holder = item.source if isinstance(item, Record) else item   # where a record or failure says it is
    holder.path, holder.member = path, f"{name}/{holder.member}" if holder.member else name
    at = where(path, name)
    if isinstance(item, Record):
        item.issues = [issue.replace(target, at) for issue in item.issues]
    else:
        item.reason = item.reason.replace(target, at)
    if holder.record is None:
        return 0
    holder.record += offset
    return holder.record - offset


def _damaged(path: str, error: Exception, read: int) -> Failure:
    if isinstance(error, _NoReader):
        return Failure(path=path, line=None, raw=binary_head(path),
                       reason=f"a RAR archive, and libarchive, which reads it, cannot be loaded ({error}): install it "
                              "(apt install libarchive13, brew install libarchive), or unpack the archive and read "
                              "the files it holds")
    if isinstance(error, _Encrypted):
        return Failure(path=path, line=None, raw="", reason="encrypted, the names of its files too: unpack it with "
                                                            "its password and read the files it holds")
    if isinstance(error, _NoDirectory):   # its files found by their own headers were read before
        return Failure(path=path, line=None, raw="" if read else binary_head(path),
                       reason=f"a damaged ZIP: its list of files (the central directory, at its end) is missing or "
                              f"unreadable, as in a download cut short ({error}): download it again to read what "
                              "may be missing")
    after = f" after {read} file(s) read" if read else ""
    return Failure(path=path, line=None, raw=binary_head(path),
                   reason=f"a damaged archive{after} ({type(error).__name__}: {error}); the rest of it is not read")
