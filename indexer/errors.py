"""Errors the command line reports as usage errors (exit 2), kept apart from errors of reading data."""
from __future__ import annotations


class UnknownFormat(KeyError):
    """``--format`` names no reader.  A KeyError raised while reading a file is a bug in a
    reader, reported as a failure of that file, never as a usage error."""
