"""Read and clean: the one entry point the CLI and the index share."""
from __future__ import annotations

import io
from typing import Iterable, Iterator

from .pipeline import clean
from .readers import read_paths, read_stream
from .record import Failure, Record

STDIN = "<stdin>"  # the path of what ``clean -`` reads


def clean_paths(paths: Iterable[str], fmt: str | None = None, archives: bool = False) -> Iterator[Record | Failure]:
    """Cleaned records and failures (a folder's archives read too with ``archives``); one bad
    record never stops the batch."""
    for item in read_paths(paths, fmt, archives):
        yield _cleaned(item)


def read_stdin(stdin, err) -> bytes:
    """What ``-`` reads (``clean -``, ``export --from -``): the bytes piped in.  On a terminal a
    line on ``err`` says so first: the command had seemed to hang, waiting for text unasked."""
    if stdin.isatty():
        err.write("reading records from the terminal; paste, then Ctrl-D (on a line of its own)\n")
        err.flush()
    return stdin.buffer.read()


def clean_bytes(data: bytes, fmt: str | None = None) -> Iterator[Record | Failure]:
    """Cleaned records and failures of bytes piped in (``clean -``), read as a file is (its
    format and encoding found from its text) and named :data:`STDIN`."""
    for item in read_stream(io.BytesIO(data), STDIN, fmt):
        yield _cleaned(item)


def _cleaned(item: Record | Failure) -> Record | Failure:
    if isinstance(item, Failure):
        return item
    try:
        return clean(item)
    except Exception as e:  # a bug on one record must not lose the others
        return Failure.of(item, f"cleaning failed: {type(e).__name__}: {e}")
