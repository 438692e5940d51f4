"""Errors the command line reports as usage errors (exit 2), kept apart from errors of reading data."""
from __future__ import annotations


class UnknownFormat(KeyError):
    """``--format`` names no reader.  A KeyError raised while reading a file is a bug in a
    reader, reported as a failure of that file, never as a usage error."""


class DamagedIndex(Exception):
    """An index folder whose files cannot be read (a disk that filled up during a write, a
    file copied half-way): said with the way out, never as a traceback."""
