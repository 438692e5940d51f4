"""Readers: one module per input format, registered by name, alias and suffix.

:func:`read_paths` walks files and folders, decodes each file, picks its reader (by
``--format`` or by content) and yields records and failures in a stable order.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator

from ..record import Failure, Record
from . import scraped_page  # noqa: F401  (registers the reader)
from .base import REGISTRY, find_reader, known_formats, sniff_reader
from .decode import DecodeError, decode_bytes

__all__ = ["REGISTRY", "find_reader", "known_formats", "read_paths", "iter_files", "read_file"]

SKIP_DIRS = {".git", ".venv", "__pycache__", "node_modules", ".cache"}
# Files in a walked folder that are never records (a file named on the command line is always read).
SKIP_NAMES = ("readme", "license", "licence", "changelog", "notice", "copying")
SKIP_SUFFIXES = (".md", ".py", ".pyc", ".png", ".jpg", ".jpeg", ".gif", ".pdf", ".zip", ".gz", ".tar",
                 ".exe", ".so", ".dll", ".db", ".sqlite", ".pkl", ".DS_Store", ".expected.json")


def _skipped(name: str) -> bool:
    lower = name.lower()
    return lower.startswith(".") or lower.split(".")[0] in SKIP_NAMES or lower.endswith(SKIP_SUFFIXES)


def iter_files(paths: Iterable[str]) -> Iterator[str]:
    """Files under the given paths, folders walked in sorted order; missing paths raise."""
    for given in paths:
        p = Path(given)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for name in sorted(files):
                    if not _skipped(name):
                        yield os.path.join(root, name)
        elif p.is_file():
            yield str(given)
        else:
            raise FileNotFoundError(f"{given}: no such file or folder")


def read_file(path: str, fmt: str | None = None) -> Iterator[Record | Failure]:
    """Records and failures of one file; never raises for bad content."""
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        yield Failure(path=path, line=None, reason=f"cannot read file: {e.strerror or e}", raw="")
        return
    if not data.strip():
        yield Failure(path=path, line=None, reason="empty file", raw="")
        return
    try:
        decoded = decode_bytes(data)
    except DecodeError as e:
        yield Failure(path=path, line=None, reason=str(e), raw=data[:2000].decode("latin-1"))
        return
    reader = find_reader(fmt) if fmt else sniff_reader(decoded.text, path)
    if reader is None:
        yield Failure(path=path, line=1, reason=f"unknown format; known formats: {', '.join(known_formats())}",
                      raw=decoded.text)
        return
    for item in reader.read(decoded.text, path):
        if isinstance(item, Record):
            item.extra.setdefault("encoding", decoded.encoding)
            if decoded.lossy:
                item.issues.append(f"{path}: not valid UTF-8 or GB18030; undecodable bytes replaced")
        yield item


def read_paths(paths: Iterable[str], fmt: str | None = None) -> Iterator[Record | Failure]:
    for path in iter_files(paths):
        yield from read_file(path, fmt)
