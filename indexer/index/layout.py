"""Where an index lives inside its folder, and which version of the schema wrote it."""
from __future__ import annotations

from pathlib import Path

INDEX_SUBDIR = "whoosh"
# Bumped whenever the schema or the tokens change; an older index is rebuilt from the store.
INDEX_VERSION = "5"
VERSION_FILE = "VERSION"


def index_is_current(directory: str | Path) -> bool:
    version = Path(directory) / INDEX_SUBDIR / VERSION_FILE
    return version.exists() and version.read_text().strip() == INDEX_VERSION
