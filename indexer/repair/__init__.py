"""Small ``str -> str`` repairs, each named for what it does.

The function's name is its key in :data:`REPAIRS`, the name of its switch, and the
``step`` written into a record's ``repairs`` list: one vocabulary everywhere.
"""
from __future__ import annotations

from .text import (REPAIRS, collapse_truncated_preview, colon_after_glued_title_label, drop_invisible_characters,
                   fix_mojibake, flatten_markup, fold_fullwidth_alnum, fold_fullwidth_punctuation, fold_halfwidth_kana,
                   normalize_whitespace,
                   restore_space_after_punctuation, space_after_glued_label, strip_abstract_label, strip_case_braces,
                   strip_footnote_mark, strip_ui_residue, strip_zheng_marker, unescape_html)

__all__ = ["REPAIRS", "collapse_truncated_preview", "colon_after_glued_title_label", "drop_invisible_characters",
           "fix_mojibake",
           "flatten_markup", "fold_fullwidth_alnum", "fold_fullwidth_punctuation", "fold_halfwidth_kana", "normalize_whitespace",
           "restore_space_after_punctuation", "space_after_glued_label", "strip_abstract_label", "strip_case_braces", "strip_footnote_mark",
           "strip_ui_residue", "strip_zheng_marker", "unescape_html"]
