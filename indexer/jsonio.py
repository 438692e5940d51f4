"""JSON lines that survive every line splitter.

``json.dumps(ensure_ascii=False)`` leaves U+2028, U+2029, U+0085 and the C0 file/group/
record separators raw; Python's ``str.splitlines`` (and many readers) break lines
there.  They are escaped, so one record is always exactly one line.
"""
from __future__ import annotations

import json
import re

_LINE_BREAKERS = re.compile("[\u2028\u2029\u0085\u001c\u001d\u001e\u000b\u000c]")


def dumps(obj) -> str:
    """One-line JSON, UTF-8 text kept readable.

    >>> dumps({"a": "x\\u2028y"})
    '{"a": "x\\\\u2028y"}'
    """
    return _LINE_BREAKERS.sub(lambda m: f"\\u{ord(m.group(0)):04x}", json.dumps(obj, ensure_ascii=False))
