"""Errors the command line reports as usage errors (exit 2), kept apart from errors of reading data."""
from __future__ import annotations


class UnknownFormat(KeyError):
    """``--format`` names no reader.  A KeyError raised while reading a file is a bug in a
    reader, reported as a failure of that file, never as a usage error."""


class DamagedIndex(Exception):
    """An index folder whose files cannot be read (a disk that filled up during a write, a
    file copied half-way): said with the way out, never as a traceback."""


class OutputFailed(Exception):
    """An output that could not be written (a full disk, read-only media, an I/O error): said
    in one line naming it and why (exit 2), never as a traceback.  ``done``: what the run had
    already done that stays done (an ingest's records are committed before its summary is
    written)."""

    def __init__(self, what: str, error: OSError, done: str = ""):
        super().__init__(what, error)
        self.what, self.error, self.done = what, error, done

    def __str__(self) -> str:
        why = self.error.strerror or str(self.error)
        return f"cannot write {self.what}: {why}" + (f"; {self.done}" if self.done else "")
