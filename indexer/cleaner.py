"""Read and clean: the one entry point the CLI and the index share."""
from __future__ import annotations

from typing import Iterable, Iterator

from .pipeline import clean
from .readers import read_paths
from .record import Failure, Record


def clean_paths(paths: Iterable[str], fmt: str | None = None, archives: bool = False) -> Iterator[Record | Failure]:
    """Cleaned records and failures (a folder's archives read too with ``archives``); one bad
    record never stops the batch."""
    for item in read_paths(paths, fmt, archives):
        if isinstance(item, Failure):
            yield item
            continue
        try:
            yield clean(item)
        except Exception as e:  # a bug on one record must not lose the others
            yield Failure.of(item, f"cleaning failed: {type(e).__name__}: {e}")
