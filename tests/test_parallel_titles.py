"""A parallel title after " = " (RISS's and KCI's "한국어 제목 = English title", Chinese and
Russian library records' likewise) is two titles, each in its language; a " = " inside a
title in one script is the title's own ("E = mc2")."""
from __future__ import annotations

from conftest import records_of

RIS = """TY  - JOUR
AU  - 홍길동
TI  - 한국 노인의 수면 장애와 우울증의 관계 = The Relationship between Sleep Disorders and Depression in Korean Older Adults
JO  - 한국노년학
PY  - 2020
ER  - 

TY  - JOUR
AU  - 王建国
TI  - 脊柱转移瘤的手术治疗 = Surgical treatment of spinal metastases
JO  - 中华骨科杂志
PY  - 2021
ER  - 

TY  - JOUR
AU  - Иванов, И. И.
TI  - Влияние пандемии на здоровье пожилых людей = The impact of the pandemic on the health of older people
JO  - Вестник РАМН
PY  - 2021
ER  - 

TY  - JOUR
AU  - Smith, John
TI  - Testing whether E = mc2 holds for slow neutrons at R = 0.5
PY  - 2019
ER  - 

TY  - JOUR
AU  - 王建国
TI  - 关于E = mc2的研究
PY  - 2019
ER  - 
"""


def test_a_parallel_title_is_two_titles(tmp_path):
    (tmp_path / "riss.ris").write_text(RIS, encoding="utf-8")
    ko, zh, ru, en, formula = records_of(tmp_path / "riss.ris")
    assert ko["title"] == {"ko": "한국 노인의 수면 장애와 우울증의 관계",
                           "en": "The Relationship between Sleep Disorders and Depression in Korean Older Adults"}
    assert ko["language"] == "ko"
    assert zh["title"] == {"zh": "脊柱转移瘤的手术治疗", "en": "Surgical treatment of spinal metastases"}
    assert zh["language"] == "zh"
    assert ru["title"] == {"ru": "Влияние пандемии на здоровье пожилых людей",
                           "en": "The impact of the pandemic on the health of older people"}
    assert en["title"] == {"en": "Testing whether E = mc2 holds for slow neutrons at R = 0.5"}
    assert formula["title"] == {"zh": "关于E = mc2的研究"}


def test_a_formula_in_a_chinese_title_is_no_parallel_title(tmp_path):
    # d5f1dee split "Ag + HNO3 = AgNO3 + NO 反应机理研究" into an English "Ag + HNO3" and the rest
    titles = ["Ag + HNO3 = AgNO3 + NO 反应机理研究", "用 Matlab 求解 Ax = b", "GDP = C + I + G + NX 核算方法研究",
              "pH = pKa + lg 的应用", "Nu = f(Re) 关系的实验研究"]
    path = tmp_path / "f.ris"
    path.write_text("".join(f"TY  - JOUR\nTI  - {t}\nLA  - zh\nER  - \n\n" for t in titles), encoding="utf-8")
    assert [r["title"] for r in records_of(path)] == [{"zh": t} for t in titles]
