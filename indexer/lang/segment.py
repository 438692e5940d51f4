"""Chinese word segmentation with jieba, initialised once, its cache in a project-owned place.

jieba writes a 9 MB marshal cache into the system temp dir and trusts it without a
version check (DEPENDENCIES.md).  We point it at ``LIT_INDEXER_CACHE`` (default: the
``.cache/`` folder of this checkout, else the user's cache folder) with the jieba
version in the file name.  jieba writes the cache through a temp file and an atomic
rename, so parallel processes never read a half-written file.
"""
from __future__ import annotations

import logging
import os
import threading
import warnings
from pathlib import Path

_lock = threading.Lock()
_tokenizer = None


def cache_dir() -> Path:
    env = os.environ.get("LIT_INDEXER_CACHE")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parents[2] / ".cache"
    try:
        here.mkdir(parents=True, exist_ok=True)
        if os.access(here, os.W_OK):
            return here
    except OSError:
        pass
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "lit-indexer"


def tokenizer():
    """The initialised jieba tokenizer (dictionary loaded once per process)."""
    global _tokenizer
    if _tokenizer is not None:
        return _tokenizer
    with _lock:
        if _tokenizer is None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # jieba's invalid-escape warnings on import
                import jieba
            jieba.setLogLevel(logging.WARNING)
            directory = cache_dir()
            directory.mkdir(parents=True, exist_ok=True)
            tok = jieba.Tokenizer()
            tok.tmp_dir = str(directory)
            tok.cache_file = f"jieba-{jieba.__version__}.cache"
            tok.initialize()
            _tokenizer = tok
    return _tokenizer


def segment(text: str) -> list[str]:
    """Words of Chinese text for search (jieba's ``cut_for_search``: words and their parts).

    >>> segment("脊柱转移瘤")[:2]
    ['脊柱', '转移']
    """
    return [w for w in tokenizer().cut_for_search(text) if w.strip()]
