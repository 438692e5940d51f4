"""Analyzers: CJK characters and Latin words with sequential positions, and jieba words.

Composable in whoosh's style (``Tokenizer() | Filter()``).  Each CJK character is one
token at its own position, so any Chinese string, from one character up, is found
as a phrase of its characters (jieba's ``ChineseTokenizer`` puts character offsets in
``Token.pos``, which breaks every phrase query: DEPENDENCIES.md).
"""
from __future__ import annotations

import re
import unicodedata

from whoosh.analysis import Filter, StemFilter, Token, Tokenizer

from ..repair.constants import HAN, HANGUL, KANA

# Marks the boundary between two values of a multi-valued field: phrases never span it.
VALUE_SEPARATOR = "\u001e"
_POSITION_GAP = 100
_CJK = f"{HAN}{KANA}{HANGUL}"
_TOKEN = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+|{VALUE_SEPARATOR}")


def fold(text: str) -> str:
    """Search normalisation: NFKC (full-width → ASCII) and case folding."""
    return unicodedata.normalize("NFKC", text).casefold()


class BilingualTokenizer(Tokenizer):
    """CJK characters one token each; Latin/digit runs one token each; folded."""

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        text = fold(value)
        if not tokenize:
            t.original = t.text = text
            t.boost, t.stopped = 1.0, False
            if positions:
                t.pos = start_pos
            yield t
            return
        pos = start_pos
        for m in _TOKEN.finditer(text):
            if m.group(0) == VALUE_SEPARATOR:
                pos += _POSITION_GAP
                continue
            t.text = m.group(0)
            t.boost, t.stopped = 1.0, False
            if keeporiginal:
                t.original = t.text
            if positions:
                t.pos = pos
            if chars:
                t.startchar, t.endchar = start_char + m.start(), start_char + m.end()
            pos += 1
            yield t


class JiebaWordTokenizer(Tokenizer):
    """jieba words of the CJK runs in a text (for ranking by whole words)."""

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        from ..lang.segment import segment

        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        pos = start_pos
        for run in re.findall(rf"[{_CJK}]+", fold(value)):
            words = segment(run) if len(run) > 1 else [run]
            for w in words:
                t.text, t.boost, t.stopped = w, 1.0, False
                if keeporiginal:
                    t.original = w
                if positions:
                    t.pos = pos
                pos += 1
                yield t


class LatinPluralFilter(Filter):
    """After Porter stemming, -sis and -ses meet: metastasis → metastasi → metastas = metastases."""

    def __call__(self, tokens):
        for t in tokens:
            if len(t.text) >= 6 and t.text.endswith("si") and t.text.isascii():
                t.text = t.text[:-1]
            yield t


def bilingual_analyzer():
    return BilingualTokenizer() | StemFilter(lang="en") | LatinPluralFilter()


def word_analyzer():
    return JiebaWordTokenizer()
