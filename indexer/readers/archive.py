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
(``refs.zip/cnki.ris:12: …``).

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
# Streams compressed on their own, by their first bytes: the module that opens them and the
# name suffixes they go by (dropped to give the member its name: savedrecs.txt.gz → savedrecs.txt).
# (bzip2's "BZh" is text: its block size digit and the magic of its first block, or of its end
# when empty, must follow.)
_STREAMS = ((re.compile(b"\x1f\x8b"), gzip, (".gz", ".gzip")),
            (re.compile(b"BZh[1-9](?:1AY&SY|\x17rE8P\x90)"), bz2, (".bz2",)),
            (re.compile(b"\xfd7zXZ\x00"), lzma, (".xz",)))
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
        except UNPACK_ERRORS:
            return "zip"  # damaged: reading it says so
    if _is_tar(head):
        return "tar"
    module = _stream_module(head)
    if module is None:
        return None
    try:
        with module.open(path, "rb") as fh:
            inner = fh.read(512)
    except UNPACK_ERRORS:
        return "stream"  # damaged: reading it says so
    return "tar" if _is_tar(inner) else "stream"


def _is_tar(head: bytes) -> bool:
    """A tar header: its magic, and a checksum a text file would not hold there."""
    return head[257:262] == b"ustar" and bool(_TAR.fullmatch(head[148:156]))


def _stream_module(head: bytes):
    """The module (gzip, bz2, lzma) that opens a stream beginning with ``head``; None when
    it is none of theirs."""
    return next((module for magic, module, _ in _STREAMS if magic.match(head)), None)


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
        suffix = next((s for _, _, suffixes in _STREAMS for s in suffixes if lower.endswith(s)), "")
        name = name[:len(name) - len(suffix)]
        with open(path, "rb") as fh:
            module = _stream_module(fh.read(16))
        yield name, lambda: module.open(path, "rb")
    elif kind == "zip":
        try:
            z = zipfile.ZipFile(path)
        except zipfile.BadZipFile as e:
            raise _NoDirectory(f"{type(e).__name__}: {e}") from e
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
                    yield name, (lambda entry=entry: _Blocks(entry.get_blocks(_CHUNK), ArchiveError))
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
    """A member's content from libarchive's blocks, as a file to read; its errors as ValueError."""

    def __init__(self, blocks: Iterator[bytes], error: type[Exception]):
        self._blocks, self._error, self._rest = blocks, error, b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        try:
            self._rest = self._rest or next(self._blocks, b"")
        except self._error as e:
            raise _rar_error(e) from e
        n = min(len(buffer), len(self._rest))
        buffer[:n], self._rest = self._rest[:n], self._rest[n:]
        return n


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
    download cut short, or a damaged file.  zipfile finds its files only by that list."""


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
    and :class:`_Cut` when its data ends early after some was unpacked (``read1``: a ``read``
    of a gzip stream cut short raises, losing what it had unpacked of that chunk)."""
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
            if not size:
                raise
            raise _Cut(size, e) from e
    return size


def _cut_short(items: Iterator[Record | Failure], error: EOFError, target: str) -> Iterator[Record | Failure]:
    """The items of a member cut short (:class:`_Cut`): its records before the cut, then a
    failure saying so.  Its last record, which the cut may have ended early (a field or a
    list cut off), is that failure, with its raw text, rather than a record shorter than
    its source."""
    last = None
    for item in items:
        if last is not None:
            yield last
        last = item
    reason = (f"the file is cut short ({type(error).__name__}: {error}), as a download that stopped: the records "
              "before the cut are read")
    if isinstance(last, Record):
        yield Failure.of(last, f"{reason}; the last, which the cut may have ended early, is this failure "
                               "(its raw text here)")
        return
    if last is not None:
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
                cut = e.error
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
                items = _cut_short(items, cut, target)
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
    if isinstance(error, _NoDirectory):
        return Failure(path=path, line=None, raw=binary_head(path),
                       reason=f"a damaged ZIP: its list of files (the central directory, at its end) is missing or "
                              f"unreadable, as in a download cut short ({error}); none of its files are read: download "
                              "it again, or let `zip -FF` rebuild it and read that")
    after = f" after {read} file(s) read" if read else ""
    return Failure(path=path, line=None, raw=binary_head(path),
                   reason=f"a damaged archive{after} ({type(error).__name__}: {error}); the rest of it is not read")
