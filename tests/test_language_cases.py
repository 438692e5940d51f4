"""Language of mixed and non-English text: kana or hangul among Han, a Chinese term quoted in
English, European titles with words English shares, a declared language, a journal's script.
The texts are QA's cases; the records are written as a user's RIS export."""
from __future__ import annotations

import pytest

from conftest import cleaned
from indexer.lang.detect import detect_language


@pytest.mark.parametrize("text,expected", [
    # one kana letter among kanji is Japanese: Chinese writes none
    ("肺癌の診断", "ja"), ("日本語学習者の研究", "ja"), ("癌の遺伝子治療", "ja"), ("胃癌手術後の QOL", "ja"),
    ("アレルギー", "ja"),
    # one hangul syllable among hanja is Korean
    ("韓國語 교육의 現況", "ko"), ("朝鮮時代 書院의 敎育", "ko"),
    ("列夫・托尔斯泰的小说", "zh"),     # the katakana middle dot Chinese borrows is no kana letter
    # a Chinese term quoted in short English, or glossed in brackets
    ("Acupuncture (针刺) for chronic low back pain", "en"), ("Effects of 黄芪 on immunity", "en"),
    ("The 中医 approach to pain", "en"), ("Use of 中药 in hospitals", "en"),
    # Chinese titles full of English terms stay Chinese
    ("基于CNN、LSTM和Transformer的NLP模型", "zh"), ("基于YOLOv5的目标检测算法", "zh"),
    ("IL-6在肺癌中的作用", "zh"), ("大肠杆菌Escherichia coli的耐药性", "zh"),
    ("针刺(电针)治疗慢性腰痛", "zh"),
    # "in" and "a" are German, Italian, Dutch words too: they settle no English
    ("Die Alterung der Gesellschaft und der Generationenkonflikt in Europa", "de"),
    ("La terapia del carcinoma polmonare in Italia", "it"),
    ("Il trattamento chirurgico delle metastasi vertebrali in pazienti anziani", "it"),
    ("Behandeling van patiënten met kanker in Nederland", "nl"),
    ("Syringohydromyelia in English cocker spaniel. Case report", "en"),
])
def test_text_language(text, expected):
    assert detect_language(text) == expected


@pytest.mark.parametrize("text,declared,expected", [
    ("Eigentumsverfassung und Finanzkrise", "de", "de"),
    ("Búsáhaldabyltingin : Pólitískt jafnræði og þátttaka almennings í mótmælum", "is", "is"),
    # Web of Science declares the original language beside the English title it gives
    ("ERUCISM IN A COCKER-SPANIEL", "de", "en"), ("Do castrated overweight Dogs die earlier?", "de", "en"),
    ("Cavalier King Charles Spaniel", "nl", "en"),
    # a declaration never overrides the script
    ("肺癌的诊断", "de", "zh"),
])
def test_declared_language_decides_among_latin_languages(text, declared, expected):
    assert detect_language(text, declared) == expected


def _ris(tmp_path, text):
    path = tmp_path / "r.ris"
    path.write_text(text, encoding="utf-8")
    return cleaned(path)


def test_a_japanese_record_keeps_its_kanji_journal_and_keywords(tmp_path):
    (r,) = _ris(tmp_path, "TY  - JOUR\nTI  - 肺癌の診断\nJO  - 日本呼吸器学会誌\n"
                          "AB  - 本研究では、肺癌患者における早期診断の有用性について検討した。\n"
                          "KW  - 肺癌\nKW  - 低線量CT\nKW  - スクリーニング\nER  - \n")
    assert r["language"] == "ja" and list(r["title"]) == ["ja"] and list(r["abstract"]) == ["ja"]
    assert r["journal"] == {"ja": "日本呼吸器学会誌"}
    assert r["keywords"] == {"ja": ["肺癌", "低線量CT", "スクリーニング"]}


def test_an_english_title_with_a_chinese_gloss_is_the_english_title(tmp_path):
    (r,) = _ris(tmp_path, "TY  - JOUR\nTI  - 针刺治疗慢性腰痛的随机对照试验\nTT  - Acupuncture (针刺) for chronic low back pain\n"
                          "JO  - 中国针灸\nER  - \n")
    assert r["title"] == {"zh": "针刺治疗慢性腰痛的随机对照试验", "en": "Acupuncture (针刺) for chronic low back pain"}
    assert "other_titles" not in r["extra"]


def test_the_declared_language_and_the_journal_script(tmp_path):
    records = _ris(tmp_path, "TY  - BOOK\nTI  - Eigentumsverfassung und Finanzkrise\nLA  - ger\nER  - \n\n"
                             "TY  - JOUR\nTI  - Лечение рака лёгкого у пожилых больных\nJO  - Вопросы онкологии\nER  - \n\n"
                             "TY  - JOUR\nTI  - Le traitement du cancer du poumon chez les patients âgés\n"
                             "JO  - Revue des Maladies Respiratoires\nER  - \n\n"
                             "TY  - JOUR\nTI  - Le traitement du cancer du poumon chez les patients âgés\n"
                             "JO  - Lung Cancer\nER  - \n")
    assert [r["language"] for r in records] == ["de", "ru", "fr", "fr"]
    assert records[1]["journal"] == {"ru": "Вопросы онкологии"}
    assert records[2]["journal"] == {"fr": "Revue des Maladies Respiratoires"}
    assert records[3]["journal"] == {"en": "Lung Cancer"}


def _records(tmp_path, text):
    from conftest import records_of

    path = tmp_path / "r.ris"
    path.write_text(text, encoding="utf-8")
    return records_of(path)


def test_katakana_middle_dots_in_chinese_are_no_kana(tmp_path):
    # ・ and ー are borrowed by Chinese for foreign names: no kana letter, no Japanese
    assert detect_language("约翰・冯・诺依曼传") == "zh"
    (r,) = _records(tmp_path, "TY  - BOOK\nTI  - 约翰・冯・诺依曼传\nPB  - 科学出版社\n"
                              "KW  - 约翰・冯・诺依曼\nKW  - 计算机科学史\nER  - \n")
    assert r["language"] == "zh" and r["keywords"] == {"zh": ["约翰・冯・诺依曼", "计算机科学史"]}


def test_cyrillic_and_greek_with_a_latin_acronym(tmp_path):
    records = _records(tmp_path, "TY  - JOUR\nTI  - Влияние пандемии COVID-19 на экономику России\nLA  - Russian\nER  - \n\n"
                                 "TY  - JOUR\nTI  - Диагностика рака легкого с помощью КТ и PET\nLA  - rus\nER  - \n\n"
                                 "TY  - JOUR\nTI  - Η επίδραση του COVID-19 στην ψυχική υγεία των φοιτητών\nLA  - gre\nER  - \n\n"
                                 "TY  - JOUR\nTI  - Влияние пандемии COVID-19 на экономику России\nER  - \n\n"
                                 "TY  - JOUR\nTI  - Aβ1-42 and tau in plasma\nER  - \n")
    assert [(r["language"], list(r["title"])) for r in records] == [
        ("ru", ["ru"]), ("ru", ["ru"]), ("el", ["el"]), ("ru", ["ru"]), ("en", ["en"])]
    # the declaration names the Cyrillic language (langdetect is not asked)
    assert detect_language("Зайнятість і мотивація", "uk") == "uk" and detect_language("Война и мир", "ru") == "ru"


def test_kanji_or_hanja_alone_in_a_japanese_or_korean_record(tmp_path):
    ja, ko, zh, undeclared = _records(
        tmp_path, "TY  - JOUR\nTI  - 高齢者医療制度改革研究\nT2  - 社会保障研究\nLA  - jpn\n"
                  "AB  - 本研究では、後期高齢者医療制度の導入が受診行動に与えた影響を分析した。\nKW  - 高齢者\nKW  - 医療制度\nER  - \n\n"
                  "TY  - JOUR\nTI  - 韓國敎育史硏究\nT2  - 교육사학연구\nLA  - kor\n"
                  "AB  - 본 연구는 한국 교육사 연구의 동향을 분석하였다.\nER  - \n\n"
                  "TY  - JOUR\nTI  - 老年医疗制度改革研究\nLA  - chi\nER  - \n\n"
                  "TY  - JOUR\nTI  - 高齢者医療制度改革研究\nER  - \n")
    assert ja["language"] == "ja" and ja["title"] == {"ja": "高齢者医療制度改革研究"}
    assert list(ja["abstract"]) == list(ja["keywords"]) == list(ja["journal"]) == ["ja"]
    assert ko["language"] == "ko" and ko["title"] == {"ko": "韓國敎育史硏究"} and list(ko["abstract"]) == ["ko"]
    # a declared Chinese, or no declaration, reads Han as Chinese as before
    assert zh["language"] == "zh" and undeclared["language"] == "zh"
    # the declaration never overrides the script
    assert detect_language("肺癌の診断", "ko") == "ja" and detect_language("Lung cancer", "ja") == "en"


def test_kanji_alone_in_a_record_japanese_by_its_kana_or_its_encoding(tmp_path):
    # a QA pass's records: a title and names all kanji, the abstract with kana, no declared
    # language, had been filed Chinese (title.zh, 田中美穗 a Chinese name, a pinyin key); so
    # had an EndNote XML in Shift-JIS, all kanji
    ja, zh = _records(tmp_path, "TY  - JOUR\nAU  - 田中, 美穂\nTI  - 高齢者医療制度改革研究\nT2  - 社会保障研究\n"
                                "AB  - 本稿では、高齢者医療制度の改革について検討する。\nER  - \n\n"
                                "TY  - JOUR\nAU  - 田中 美穂\nTI  - 介護保険制度\nER  - \n")
    assert ja["language"] == "ja" and ja["title"] == {"ja": "高齢者医療制度改革研究"} and list(ja["journal"]) == ["ja"]
    assert ja["authors"] == [{"family": "田中", "given": "美穂", "lang": "ja"}]
    assert zh["language"] == "zh"   # no kana anywhere: Han alone is Chinese, as before
    xml = ('<?xml version="1.0" encoding="Shift_JIS"?><xml><records><record><ref-type name="Journal Article">17'
           '</ref-type><contributors><authors><author>山田太郎</author></authors></contributors><titles>'
           '<title>糖尿病足潰瘍看護</title><secondary-title>看護研究</secondary-title></titles></record></records></xml>\n')
    path = tmp_path / "enx_sjis.xml"
    path.write_bytes(xml.encode("cp932"))
    (r,) = cleaned(path)
    assert r["extra"]["encoding"] == "cp932" and r["language"] == "ja" and r["title"] == {"ja": "糖尿病足潰瘍看護"}
    assert r["authors"] == [{"literal": "山田太郎", "lang": "ja"}]


def test_a_kana_keyword_makes_no_chinese_record_japanese(tmp_path):
    # review: one Japanese keyword (もののあはれ, いきがい) made a whole Chinese record Japanese,
    # its title title.ja, its names Japanese, a traditional Chinese abstract abstract.ja; kana
    # counts in the titles, abstracts and sections, as a real share of their Han and kana
    zh_s, zh_t, quoted = _records(
        tmp_path, "TY  - JOUR\nTI  - 日本古典文学中的物哀美学\nAU  - 王建国\nKW  - もののあはれ\nKW  - 日本文学\n"
                  "AB  - 本文探讨了日本古典文学中物哀美学的形成与发展。\nPY  - 2020\nER  - \n\n"
                  "TY  - JOUR\nTI  - 臺灣地區高齡者生活品質與社會支持之關係研究\nAU  - 陳美玲\nKW  - 生活品質\n"
                  "KW  - いきがい\nAB  - 本研究旨在探討臺灣地區高齡者生活品質與社會支持之關係。\nPY  - 2019\nER  - \n\n"
                  "TY  - JOUR\nTI  - 川端康成小說中的物哀美學研究\nAU  - 陳美玲\nAB  - Kawabata's novels are read "
                  "for mono no aware (もの).\nAB  - 本研究探討川端康成小說中物哀美學的表現與其思想淵源。\nER  - \n")
    assert (zh_s["language"], zh_s["title"], list(zh_s["abstract"])) == ("zh", {"zh": "日本古典文学中的物哀美学"}, ["zh"])
    assert zh_s["authors"] == [{"literal": "王建国", "lang": "zh"}]
    assert (zh_t["language"], list(zh_t["title"]), list(zh_t["abstract"])) == ("zh", ["zh"], ["zh"])
    assert (quoted["language"], list(quoted["title"])) == ("zh", ["zh"])


def test_a_chinese_abstract_quoting_kana_makes_no_kanji_title_japanese(tmp_path):
    # regression QA: a simplified Chinese abstract holding one Japanese word (かんぽう) made the
    # record Japanese, its kanji title title.ja, its journal (中华医史杂志) journal.ja, its author's
    # name Japanese; 汉, 华 are simplified Chinese alone, which no Japanese text writes
    (r,) = _records(tmp_path, "TY  - JOUR\nAU  - 王明\nTI  - 漢方医学史研究\nJO  - 中华医史杂志\nPY  - 2019\n"
                              "AB  - 本文回顾了汉方医学的发展历史，日语称为かんぽう。\nER  - \n")
    assert (r["language"], r["title"], r["journal"]) == ("zh", {"zh": "漢方医学史研究"}, {"zh": "中华医史杂志"})
    assert r["authors"] == [{"literal": "王明", "lang": "zh"}]

def test_simplified_chinese_in_a_record_declaring_japanese_is_chinese(tmp_path):
    # a QA pass's RIS file: a Chinese paper declared Japanese; 诊, 疗, 进, 华 are no Japanese
    # characters, so the declaration names none of its fields (the keyword and journal follow)
    (r,) = _records(tmp_path, "TY  - JOUR\nTI  - 肺癌的诊断与治疗进展\nT2  - 中华医学杂志\nKW  - 肺癌\nLA  - Japanese\n"
                              "AB  - 本文综述了肺癌的诊断与治疗进展。\nER  - \n")
    assert r["language"] == "zh" and list(r["title"]) == list(r["abstract"]) == ["zh"]
    assert list(r["keywords"]) == list(r["journal"]) == ["zh"]
    assert detect_language("肺癌的诊断", "ja") == "zh" and detect_language("肺癌的诊断", "ko") == "zh"
    # kanji that simplified Chinese shares (医, 国) leave the declaration as it was
    assert detect_language("高齢者医療制度改革研究", "ja") == "ja" and detect_language("国際医学", "ja") == "ja"


@pytest.mark.parametrize("title,declared,expected", [
    ("Cáncer de pulmón", "spa", "es"), ("Lungenkrebs", "ger", "de"), ("Dépistage précoce", "fre", "fr"),
    # no letters English lacks and langdetect not sure of the declared language: English as before
    ("Lung cancer", "ger", "en"), ("Cavalier King Charles Spaniel", "dut", "en"),
    # letters English lacks in words that are no names, declared or not: the language they write
    ("Cáncer de pulmón", "ger", "es"), ("Cáncer de pulmón", None, "es"),
    # an English title with an accented name, the original language declared beside it (Scopus)
    ("Guillain-Barré syndrome", "spa", "en"), ("Müller glia regeneration", "ger", "en"),
    ("Sjögren syndrome", "swe", "en"), ("Guillain-Barré syndrome", "fre", "en"),
])
def test_a_short_title_in_its_declared_language(tmp_path, title, declared, expected):
    (r,) = _records(tmp_path, f"TY  - JOUR\nTI  - {title}\n" + (f"LA  - {declared}\n" if declared else "") + "ER  - \n")
    assert r["language"] == expected and list(r["title"]) == [expected]


def test_norwegian_declared_after_multilingual(tmp_path):
    # a library catalogue's EndNote export (formats/endnote-tagged/endnote-tagged-02): "multilingual",
    # then the languages, the main one first; langdetect reads the Norwegian title as Danish
    path = tmp_path / "norsk.enw"
    path.write_text("%0 Book\n%T Usynlige byer\n%A Calvino, Italo\n%D 1982\n%G Flerspråklig\n"
                    "%G Norsk (Bokmål)\n%G Italiensk\n%G Dansk\n%I Aschehoug\n%C Oslo\n", encoding="utf-8")
    rec, = cleaned(path)
    assert rec["language"] == "no" and rec["title"] == {"no": "Usynlige byer"}


@pytest.mark.parametrize("text,expected", [
    # a QA pass's short titles, no language declared: letters English lacks in several words, one
    # in lower case, are another language's (they were all taken for English under five words)
    ("Straßenverkehrsunfälle bei älteren Fußgängern", "de"), ("Avaliação da função renal", "pt"),
    ("Évaluation de la qualité", "fr"), ("Cáncer de pulmón", "es"),
    # a short English title naming a person or a place stays English
    ("Sjögren syndrome", "en"), ("Crohn's disease in Zürich", "en"), ("Guillain-Barré syndrome", "en"),
    ("Gómez-Pérez method", "en"), ("naïve T cells", "en"), ("Müller glia regeneration", "en"),
])
def test_short_titles_with_letters_english_lacks(text, expected):
    assert detect_language(text) == expected


def test_a_short_german_title_without_a_declared_language(tmp_path):
    path = tmp_path / "de.ris"
    path.write_text("TY  - JOUR\nAU  - Müller, Jürgen\nTI  - Straßenverkehrsunfälle bei älteren Fußgängern\n"
                    "JO  - Deutsche Medizinische Wochenschrift\nPY  - 2019\nER  - \n", encoding="utf-8")
    (rec,) = cleaned(path)
    assert rec["language"] == "de"
    assert rec["title"] == {"de": "Straßenverkehrsunfälle bei älteren Fußgängern"}
