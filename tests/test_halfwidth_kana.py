"""Half-width katakana (ｶｳﾝｾﾘﾝｸﾞ, ｽﾄﾚｽ), found by a QA pass with Japanese records: such keywords were
filed as English and kept half-width; now folded to full-width (as NFKC folds kana, nothing
else) and filed as Japanese."""
from __future__ import annotations

from conftest import cleaned
from indexer.repair import REPAIRS, fold_halfwidth_kana


def test_half_width_katakana_folds_and_nothing_else():
    assert fold_halfwidth_kana("ｶｳﾝｾﾘﾝｸﾞ ｽﾄﾚｽ") == "カウンセリング ストレス"
    assert fold_halfwidth_kana("ﾊﾟﾀｰﾝ｢ｱﾝｹｰﾄ｣､調査") == "パターン「アンケート」、調査"
    for text in ("ＰＨＱ－９①㎎", "カウンセリング", "Ｄｅｅｐ learning", "ﾞ"):   # NFKC would fold the first
        assert fold_halfwidth_kana(text) == text


def test_half_width_katakana_keywords_are_japanese(tmp_path):
    path = tmp_path / "kw.ris"
    path.write_text("TY  - JOUR\nAU  - 中村, 優子\nTI  - 大学生のメンタルヘルスに関する調査研究\nPY  - 2021\n"
                    "AB  - 本研究はｱﾝｹｰﾄ調査を行った。\n"
                    "KW  - ｶｳﾝｾﾘﾝｸﾞ\nKW  - ｽﾄﾚｽ\nKW  - メンタルヘルス\nER  - \n", encoding="utf-8")
    (rec,) = cleaned(path)
    assert rec["keywords"] == {"ja": ["カウンセリング", "ストレス", "メンタルヘルス"]}
    assert rec["abstract"] == {"ja": "本研究はアンケート調査を行った。"}
    folds = [r for r in rec["repairs"] if r["step"] == "fold_halfwidth_kana"]
    assert [(r["before"], r["after"]) for r in folds if r["field"] == "keywords"] == [
        ("ｶｳﾝｾﾘﾝｸﾞ", "カウンセリング"), ("ｽﾄﾚｽ", "ストレス")]
    assert all(REPAIRS[r["step"]](r["before"]) == r["after"] for r in folds)
