"""Full-width punctuation in English text typed with a Chinese input method, found by a QA pass:
a page whose English title, abstract and keywords were folded to ASCII letters and digits but
kept ``－ （ ） ， ． ％``.  In a Latin text they fold too; in Chinese text they all stay."""
from __future__ import annotations

import pytest

from conftest import clean_items, cleaned
from indexer.repair import REPAIRS, fold_fullwidth_alnum, fold_fullwidth_punctuation

# The QA page (/tmp/qa22_pages/fw1.txt), written here as it was.
_PAGE = ("Ｄｅｅｐ　Ｌｅａｒｎｉｎｇ　ｆｏｒ　ＣＯＶＩＤ－１９　Ｄｉａｇｎｏｓｉｓ\n"
         "作者：Ｗａｎｇ Ｌｉ；Ｚｈａｎｇ Ｗｅｉ\n"
         "摘要：Ｗｅ　ｐｒｏｐｏｓｅ　ａ　ｍｏｄｅｌ（ＣＮＮ－１）ｆｏｒ　２０２０　ｄａｔａ，ａｃｃｕｒａｃｙ　９５．３％．"
         "Ｒｅｓｕｌｔｓ　ａｒｅ　ｇｏｏｄ．\n"
         "关键词：ＣＯＶＩＤ－１９；ｄｅｅｐ　ｌｅａｒｎｉｎｇ\n"
         "刊名：中国科学：信息科学\n"
         "年，卷(期)：２０２１，５１（３）\n"
         "页码：１２３－１３０\n")


def test_a_page_in_english_typed_full_width_is_ascii_with_its_spaces(tmp_path, validate):
    path = tmp_path / "fw1.txt"
    path.write_text(_PAGE, encoding="utf-8")
    result, records, failures = clean_items(path)
    assert result.returncode == 0 and not failures, result.stderr
    (rec,) = records
    validate(rec)
    assert rec["title"] == {"en": "Deep Learning for COVID-19 Diagnosis"}
    assert rec["abstract"] == {"en": "We propose a model (CNN-1) for 2020 data, accuracy 95.3%. Results are good."}
    assert rec["keywords"] == {"en": ["COVID-19", "deep learning"]}
    # the Chinese journal name keeps its colon; the citation's numbers read as before
    assert rec["journal"] == {"zh": "中国科学：信息科学"}
    assert (rec["year"], rec["volume"], rec["issue"], rec["pages"]) == (2021, "51", "3", "123-130")
    # logged as the fold it is, and the log replays to the text kept
    (fold,) = [r for r in rec["repairs"] if r["step"] == "fold_fullwidth_punctuation" and r["field"] == "abstract"]
    assert fold["after"] == "We propose a model (CNN-1) for 2020 data,accuracy 95.3%.Results are good."
    steps = [r for r in rec["repairs"] if r["field"] in ("abstract", "abstract.en")]
    text = steps[0]["before"]
    for r in steps:
        assert r["before"] == text
        text = REPAIRS[r["step"]](text)
        assert text == r["after"]
    assert text == rec["abstract"]["en"]


@pytest.mark.parametrize("raw, folded", [
    ("ＣＯＶＩＤ－１９", "COVID-19"),
    ("20wt％SiO2-Al-Mg", "20wt%SiO2-Al-Mg"),
    ("Dept．of Surgery，R＆D", "Dept.of Surgery,R&D"),
    # a bracket's width is the space outside it where a word touches it, not in notation
    ("a model（CNN）for data", "a model (CNN) for data"),
    ("in 2020（n＝5）", "in 2020 (n=5)"),
    ("Ca（OH）2 and f（x）", "Ca(OH)2 and f(x)"),
    ("Chin J Surg，2021，51（3）：123－130", "Chin J Surg,2021,51(3):123-130"),
    # a full stop after a number before a capital ends a sentence (it had given "2.Ca")
    ("in Table 2．Ca（OH）2 rose！It fell in the U．S．A．", "in Table 2. Ca(OH)2 rose! It fell in the U.S.A."),
])
def test_full_width_punctuation_in_latin_text_folds(raw, folded):
    assert fold_fullwidth_punctuation(fold_fullwidth_alnum(raw)) == folded


@pytest.mark.parametrize("text", [
    "采用CNN（卷积神经网络）方法，",
    "「深度学习」、《模型》——方法……·结果：（P＜0.05），",
    "导骨再生术（ guided bone regeneration，GBR）治疗",
    "蓬莱9－1油田，TOC平均值为1．38％",
    "COVID－19；深度学习",
    "コロナ（COVID－19）",
    "1984，1（1）—",          # numbers only: nothing says the text is English
])
def test_full_width_punctuation_in_cjk_or_number_text_stays(text):
    assert fold_fullwidth_punctuation(fold_fullwidth_alnum(text)) == text


def test_full_width_digits_without_latin_text_keep_their_punctuation():
    assert fold_fullwidth_alnum("２０２１，５１（３）") == "2021，51（3）"


def test_a_keyword_line_folds_keyword_by_keyword(tmp_path):
    # the line decided for all its keywords: "A：" kept its colon beside a Chinese full stop,
    # and lost it when cleaned again in a line of its own (cleaning was not idempotent)
    path = tmp_path / "kw.txt"
    path.write_text("深度学习研究\n摘要：目的 探讨效果。\n关键词：COVID－19；深度学习；A：。\n", encoding="utf-8")
    (rec,) = cleaned(path)
    assert rec["keywords"] == {"zh": ["COVID-19", "深度学习", "A:"]}


@pytest.mark.parametrize("raw, folded", [
    # a QA pass's Japanese and Chinese records: the token's sign and decimal point stayed full-width
    ("ＣＯＶＩＤ－１９流行下", "COVID-19流行下"),
    ("ＰＨＱ－９得点が低下した（ｐ＜．０５）。", "PHQ-9得点が低下した（p<.05）。"),
    ("ＰＨＱ－９量表的应用（ｐ＜０．０５），ｎ＝１２", "PHQ-9量表的应用（p<0.05），n=12"),
    # a full stop between letters is a reference's (Lee K．Title), and one typed beside ASCII stays
    ("Ｌｅｅ Ｋ．Ｔｉｔｌｅ［Ｊ］．", "Lee K．Title［J］．"),
    ("P＜0.05，1．38％", "P＜0.05，1．38％"),
])
def test_a_full_width_token_folds_whole(raw, folded):
    assert fold_fullwidth_alnum(raw) == folded


def test_a_japanese_record_typed_full_width_folds_its_tokens_whole(tmp_path):
    path = tmp_path / "ja.ris"
    path.write_text("TY  - JOUR\nAU  - 中村, 優子\nTI  - ＣＯＶＩＤ－１９流行下の試み\nPY  - 2021\n"
                    "AB  - ＯＣ群ではＰＨＱ－９得点が有意に低下した（ｐ＜．０５）。\nKW  - ＣＯＶＩＤ－１９\nER  - \n",
                    encoding="utf-8")
    (rec,) = cleaned(path)
    assert rec["title"] == {"ja": "COVID-19流行下の試み"}
    assert rec["abstract"] == {"ja": "OC群ではPHQ-9得点が有意に低下した（p<.05）。"}
    assert "COVID-19" in [k for ks in rec["keywords"].values() for k in ks]
    # one fold, logged as the step it is
    assert [(r["step"], r["after"]) for r in rec["repairs"] if r["field"] == "title"] == [
        ("fold_fullwidth_alnum", "COVID-19流行下の試み")]
