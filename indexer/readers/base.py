"""The reader interface and registry: one small reader per format, found by name, alias, suffix or content."""
from __future__ import annotations

from typing import Iterator, Protocol

from ..record import Failure, Record
from .decode import TextFile


class Reader(Protocol):
    name: str
    aliases: tuple[str, ...]
    suffixes: tuple[str, ...]

    def sniff(self, head: str) -> float:
        """Confidence 0..1 that a file starting with ``head`` is in this reader's format."""

    def read(self, source: TextFile) -> Iterator[Record | Failure]:
        """Records (or failures with their raw text and line) in file order, one at a time:
        read ``source.lines()`` (or ``source.binary()``), never the whole file into records."""


REGISTRY: dict[str, Reader] = {}


def register(reader: Reader) -> Reader:
    REGISTRY[reader.name] = reader
    return reader


def known_formats() -> list[str]:
    return sorted(REGISTRY)


def find_reader(name: str) -> Reader:
    key = name.strip().lower()
    for reader in REGISTRY.values():
        if key == reader.name or key in reader.aliases:
            return reader
    raise KeyError(f"unknown format {name!r}; known formats: {', '.join(known_formats())}")


def sniff_reader(head: str, path: str) -> Reader | None:
    """The reader most confident about a file's head; the file suffix breaks ties."""
    best, best_score = None, 0.0
    lower = path.lower()
    for reader in REGISTRY.values():
        score = reader.sniff(head)
        if score and any(lower.endswith(s) for s in reader.suffixes):
            score += 0.05
        if score > best_score:
            best, best_score = reader, score
    return best if best_score >= 0.3 else None
