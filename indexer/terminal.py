"""What a terminal can show: a progress line redrawn in place, or a line now and then."""
from __future__ import annotations

import os

# a progress line where it cannot be redrawn: one every so many records
PROGRESS_EVERY = 10_000


def redraws(stream) -> bool:
    """Whether a progress line on ``stream`` can be redrawn in place (``\\r``, then ESC [K to
    erase the rest of the old line): a terminal, but not one of TERM=dumb (Emacs's shell, a
    CI log), which shows ESC [K as text."""
    return hasattr(stream, "isatty") and stream.isatty() and os.environ.get("TERM") != "dumb"
