"""Structured abstracts in Japanese, German, Spanish, French and Portuguese, found by a QA pass
with multilingual records: a Japanese abstract with the kanji labels a Traditional Chinese one is
split at (【目的】…【方法】…, 目的：…方法：…) gave no sections, nor did Hintergrund:/Methoden:,
Objetivo:/Métodos:; their labels are filed as the English ones are."""
from __future__ import annotations

import pytest

from conftest import cleaned
from indexer.fields.sections import canonical_label, split_sections


def labelled(text: str, lang: str) -> list[tuple[str, str, str]]:
    return [(s["label"], s["label_original"], s["text"]) for s in split_sections(text, lang)]


_JA = [("OBJECTIVE", "目的", "関連を明らかにする。"), ("METHODS", "方法", "看護師320名に調査を行った。"),
       ("RESULTS", "結果", "正の相関を示した。"), ("CONCLUSION", "結論", "有効である。")]


@pytest.mark.parametrize("text", [
    "【目的】関連を明らかにする。【方法】看護師320名に調査を行った。【結果】正の相関を示した。【結論】有効である。",
    "目的：関連を明らかにする。方法：看護師320名に調査を行った。結果：正の相関を示した。結論：有効である。",
])
def test_japanese_labels_in_kanji(text):
    assert labelled(text, "ja") == _JA


def test_japanese_labels_of_its_own():
    assert labelled("【目的】Xを調べた。【対象と方法】患者12名。【結果】改善した。【結語】有用である。", "ja") == [
        ("OBJECTIVE", "目的", "Xを調べた。"), ("METHODS", "対象と方法", "患者12名。"),
        ("RESULTS", "結果", "改善した。"), ("CONCLUSION", "結語", "有用である。")]


@pytest.mark.parametrize("text", [
    "【目的】Xを調べた。【方法】患者12名。【結果】改善した。【考察】有用である。",   # the discussion: filed under none
    "目的は看護師の負担を調べることである。方法は質問紙調査とした。結果は良好であった。",   # sentences, no labels
])
def test_japanese_text_left_whole(text):
    assert split_sections(text, "ja") == []


@pytest.mark.parametrize("lang, text, expected", [
    ("de", "Hintergrund: Burnout ist verbreitet. Methoden: Querschnittsstudie. Ergebnisse: Korrelation. "
           "Schlussfolgerungen: Prävention ist notwendig.",
     [("BACKGROUND", "Hintergrund"), ("METHODS", "Methoden"), ("RESULTS", "Ergebnisse"),
      ("CONCLUSION", "Schlussfolgerungen")]),
    ("es", "Objetivo: Analizar. Métodos: Estudio transversal. Resultados: Asociación. Conclusiones: Prevenir.",
     [("OBJECTIVE", "Objetivo"), ("METHODS", "Métodos"), ("RESULTS", "Resultados"), ("CONCLUSION", "Conclusiones")]),
    ("fr", "Objectif : évaluer. Méthodes : 12 patients. Résultats : bons. Conclusion : utile.",
     [("OBJECTIVE", "Objectif"), ("METHODS", "Méthodes"), ("RESULTS", "Résultats"), ("CONCLUSION", "Conclusion")]),
    ("pt", "Objetivo: avaliar. Métodos: 12 pacientes. Resultados: bons. Conclusão: útil.",
     [("OBJECTIVE", "Objetivo"), ("METHODS", "Métodos"), ("RESULTS", "Resultados"), ("CONCLUSION", "Conclusão")]),
    # an English abstract under a record's German: its English labels, as before
    ("de", "BACKGROUND: X. METHODS: Y. RESULTS: Z.",
     [("BACKGROUND", "BACKGROUND"), ("METHODS", "METHODS"), ("RESULTS", "RESULTS")]),
    # a discussion, or a heading in capitals of no label, would be left in the section before it
    ("de", "Hintergrund: X. Methoden: Y. Diskussion: Z.", []),
    ("pt", "Objetivo: avaliar. Métodos: 12. Resultados: bons. LIMITAÇÕES: poucos. Conclusão: útil.", []),
])
def test_european_labels(lang, text, expected):
    assert [(s["label"], s["label_original"]) for s in split_sections(text, lang)] == expected


def test_canonical_labels_of_other_languages():
    assert [canonical_label(label) for label in ("結語", "対象と方法", "Ergebnisse", "Métodos", "Conclusão")] == [
        "CONCLUSION", "METHODS", "RESULTS", "METHODS", "CONCLUSION"]


def test_a_japanese_ris_record_is_split_as_a_traditional_chinese_one(tmp_path, validate):
    path = tmp_path / "ja.ris"
    path.write_text("TY  - JOUR\nAU  - 中村, 優子\nTI  - 看護師のバーンアウトと離職意図\nPY  - 2020\n"
                    "AB  - 【目的】関連を明らかにする。【方法】看護師320名に調査を行った。【結果】正の相関を示した。"
                    "【結論】有効である。\nER  - \n\n"
                    "TY  - JOUR\nAU  - 林志明\nTI  - 護理人員職業倦怠之探討\nPY  - 2020\n"
                    "AB  - 【目的】關連。【方法】調查320名。【結果】正相關。【結論】有效。\nER  - \n", encoding="utf-8")
    ja, tw = cleaned(path)
    validate(ja)
    assert ja["language"] == "ja" and tw["language"] == "zh"
    assert [(s["label"], s["label_original"], s["text"]) for s in ja["sections"]["ja"]] == _JA
    assert [s["label"] for s in tw["sections"]["zh"]] == ["OBJECTIVE", "METHODS", "RESULTS", "CONCLUSION"]


# SciELO's abstracts as its RIS gives them: the labels in capitals, set off by a space only (the bold
# that set them off lost), a Portuguese and a Spanish one beside the English one
SCIELO = """TY  - JOUR
AU  - Silva, Maria
TI  - Prevalência de hipertensão arterial em adultos de Pelotas
PY  - 2019
AB  - OBJETIVO Avaliar a prevalência de hipertensão arterial em adultos residentes na zona urbana de Pelotas.  \
MÉTODOS Estudo transversal de base populacional com 1.200 adultos entre 20 e 69 anos.  RESULTADOS A prevalência \
de hipertensão foi de 23,6%, maior entre os homens.  CONCLUSÕES A hipertensão é frequente nesta população.
ER  - 

TY  - JOUR
AU  - García, Juan
TI  - Prevalencia de hipertensión en adultos de Bogotá
PY  - 2018
AB  - OBJETIVO Evaluar la prevalencia de hipertensión arterial en adultos de Bogotá. MATERIAL Y MÉTODOS Estudio \
transversal con 900 adultos seleccionados al azar. RESULTADOS La prevalencia fue de 21,4%.
ER  - 
"""


def test_scielo_labels_in_capitals_set_off_by_a_space(tmp_path, validate):
    path = tmp_path / "scielo.ris"
    path.write_text(SCIELO, encoding="utf-8")
    pt, es = cleaned(path)
    validate(pt)
    assert (pt["language"], es["language"]) == ("pt", "es")
    assert [(s["label"], s["label_original"], s["text"][:22]) for s in pt["sections"]["pt"]] == [
        ("OBJECTIVE", "OBJETIVO", "Avaliar a prevalência "), ("METHODS", "MÉTODOS", "Estudo transversal de "),
        ("RESULTS", "RESULTADOS", "A prevalência de hiper"), ("CONCLUSION", "CONCLUSÕES", "A hipertensão é freque")]
    assert [(s["label"], s["label_original"]) for s in es["sections"]["es"]] == [
        ("OBJECTIVE", "OBJETIVO"), ("METHODS", "MATERIAL Y MÉTODOS"), ("RESULTS", "RESULTADOS")]


@pytest.mark.parametrize("lang, text", [
    ("pt", "RESULTADOS Avaliar a taxa. MÉTODOS Estudo de 20 pacientes."),   # out of the usual order
    ("pt", "Objetivo Avaliar a taxa. Métodos Estudo de 20 pacientes."),   # not in capitals
    ("pt", "OBJETIVO Avaliar a taxa. Os RESULTADOS A taxa caiu."),   # one label only: a word in capitals
    ("es", "OBJETIVO Evaluar la tasa. MÉTODOS Estudio. DISCUSIÓN Es útil. CONCLUSIONES Funciona."),   # a discussion
    ("pt", "OBJETIVO Avaliar a taxa. MÉTODOS Estudo. LIMITAÇÕES: poucos. RESULTADOS A taxa."),   # a heading of none
])
def test_words_in_capitals_that_are_no_scielo_labels(lang, text):
    assert split_sections(text, lang) == []


@pytest.mark.parametrize("lang, text, expected", [
    # headings of more than one word a label opens: no longer cut after their first word
    ("de", "HINTERGRUND Stürze sind häufig. ZIEL DER ARBEIT Die Studie untersucht ein Training. ERGEBNISSE Die Rate sank.",
     [("BACKGROUND", "HINTERGRUND"), ("OBJECTIVE", "ZIEL DER ARBEIT"), ("RESULTS", "ERGEBNISSE")]),
    ("es", "INTRODUCCIÓN Y OBJETIVOS La insuficiencia es frecuente. MÉTODOS Estudio de cohortes. RESULTADOS Se incluyeron 300.",
     [("BACKGROUND", "INTRODUCCIÓN Y OBJETIVOS"), ("METHODS", "MÉTODOS"), ("RESULTS", "RESULTADOS")]),
    ("pt", "OBJETIVO Avaliar o programa. MÉTODOS E RESULTADOS Foram randomizados 200. CONCLUSÃO O programa é eficaz.",
     [("OBJECTIVE", "OBJETIVO"), ("METHODS", "MÉTODOS E RESULTADOS"), ("CONCLUSION", "CONCLUSÃO")]),
    # headings no longer glued to the section before them
    ("pt", "OBJETIVO Avaliar a dor. MATERIAIS E MÉTODOS Estudo com 200 idosos. RESULTADOS A prevalência foi de 40%.",
     [("OBJECTIVE", "OBJETIVO"), ("METHODS", "MATERIAIS E MÉTODOS"), ("RESULTS", "RESULTADOS")]),
    ("fr", "OBJECTIF Évaluer un programme. MATÉRIELS ET MÉTHODES Deux cents résidents. RÉSULTATS Le taux a diminué.",
     [("OBJECTIVE", "OBJECTIF"), ("METHODS", "MATÉRIELS ET MÉTHODES"), ("RESULTS", "RÉSULTATS")]),
    ("es", "OBJETIVO Evaluar. MATERIAL Y MÉTODO Se aleatorizaron 200. RESULTADOS La tasa disminuyó.",
     [("OBJECTIVE", "OBJETIVO"), ("METHODS", "MATERIAL Y MÉTODO"), ("RESULTS", "RESULTADOS")]),
    ("es", "OBJETIVO Conocer la calidad. DISEÑO Estudio transversal. EMPLAZAMIENTO Atención primaria. RESULTADOS Se incluyeron 120.",
     [("OBJECTIVE", "OBJETIVO"), ("METHODS", "DISEÑO"), ("METHODS", "EMPLAZAMIENTO"), ("RESULTS", "RESULTADOS")]),
    # an acronym opening a section's text is no heading
    ("pt", "OBJETIVO Avaliar. MÉTODOS Estudo. RESULTADOS DO SUS foram bons. CONCLUSÃO O Brasil avança.",
     [("OBJECTIVE", "OBJETIVO"), ("METHODS", "MÉTODOS"), ("RESULTS", "RESULTADOS"), ("CONCLUSION", "CONCLUSÃO")]),
])
def test_scielo_headings_of_several_words_in_capitals(lang, text, expected):
    # ZIEL DER ARBEIT had been ZIEL, its text "DER ARBEIT Die Studie …"; MATERIAIS E MÉTODOS had been
    # left in the objective's text
    sections = split_sections(text, lang)
    assert [(s["label"], s["label_original"]) for s in sections] == expected
    assert " ".join(f"{s['label_original']} {s['text']}" for s in sections) == text


@pytest.mark.parametrize("lang, text", [
    # a heading the table does not know, between labels: its text would be the objective's
    ("pt", "OBJETIVO Avaliar a dor. MATERIAIS E PROCEDIMENTOS Estudo com 200 idosos. RESULTADOS A prevalência foi de 40%."),
    # a label opening a heading the table does not know: its other words would open the text
    ("de", "HINTERGRUND Stürze sind häufig. ZIEL DIESER UNTERSUCHUNG Die Studie untersucht ein Training. ERGEBNISSE Die Rate sank."),
])
def test_an_unknown_scielo_heading_in_capitals_leaves_the_abstract_whole(lang, text):
    assert split_sections(text, lang) == []
