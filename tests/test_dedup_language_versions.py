"""Deduplication of one paper's versions in two languages that the authors' pinyin cannot
link.  Real ingest into a temp index, the CLI as a user runs it."""
from __future__ import annotations

from conftest import dedup_json as dedup, run_cli, source_ids as names

# A consensus CNKI lists under the bodies that wrote it, and its English version (the journal's
# English page, as another database lists it) without authors.
CNKI = """RT Journal Article
SR 1
A1 中华医学会心血管病学分会;中国医师协会心血管内科医师分会
T1 中国心力衰竭诊断和治疗指南2018
JF 中华心血管病杂志
YR 2018
IS 10
OP 760-789
SN 0253-3758
DS CNKI
ID GUIDELINE

RT Journal Article
SR 1
A1 中华医学会呼吸病学分会
T1 咳嗽的诊断与治疗指南(2015)
JF 中华结核和呼吸杂志
YR 2016
IS 5
OP 323-354
SN 1001-0939
DS CNKI
ID OTHERISSN

RT Journal Article
SR 1
A1 王建国;李明
T1 慢性心力衰竭患者的运动康复研究
JF 中华心血管病杂志
YR 2018
IS 10
OP 790-795
DS CNKI
ID PERSONS

RT Journal Article
SR 1
A1 中华医学会心血管病学分会
T1 心血管病学分会工作会议纪要
JF 中华心血管病杂志
YR 2018
IS 11
OP 812
DS CNKI
ID ONEPAGE
"""

ENGLISH = """TY  - JOUR
TI  - Chinese guidelines for the diagnosis and treatment of heart failure 2018
JO  - Chinese Journal of Cardiology
PY  - 2018
IS  - 10
SP  - 760
EP  - 789
ID  - GUIDELINE-EN
ER  - 

TY  - JOUR
TI  - Guidelines for the diagnosis and treatment of cough (2015)
JO  - Chinese Journal of Tuberculosis and Respiratory Diseases
SN  - 0000-0019
PY  - 2016
IS  - 5
SP  - 323
EP  - 354
ID  - OTHERISSN-EN
ER  - 

TY  - JOUR
TI  - Exercise rehabilitation in patients with chronic heart failure
JO  - Chinese Journal of Cardiology
PY  - 2018
IS  - 10
SP  - 790
EP  - 795
ID  - PERSONS-EN
ER  - 

TY  - JOUR
TI  - Minutes of the working meeting of the Chinese Society of Cardiology
JO  - Chinese Journal of Cardiology
PY  - 2018
IS  - 11
SP  - 812
ID  - ONEPAGE-EN
ER  - 
"""


def _clusters(tmp_path, **files: str) -> dict[tuple[str, ...], dict]:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    idx = tmp_path / "idx"
    assert run_cli("ingest", "-q", str(tmp_path), "--index", str(idx)).returncode == 0
    known = names(idx)
    return {tuple(sorted(known[r["id"]] for r in c["records"])): c for c in dedup(idx)["clusters"]}


def test_a_paper_by_organisations_meets_its_english_version_without_authors(tmp_path):
    """With no person among the authors there was no pinyin to compare, so a guideline by
    中华医学会心血管病学分会 and its English version (no authors) at the same year, issue and
    pages stayed apart.  Now they are linked for review; not when their ISSNs differ, when the
    Chinese record names persons, or at a single page (a page recurs more than a range)."""
    found = _clusters(tmp_path, **{"cnki.txt": CNKI, "english.ris": ENGLISH})
    assert set(found) == {("GUIDELINE", "GUIDELINE-EN")}
    cluster = found[("GUIDELINE", "GUIDELINE-EN")]
    assert cluster["confidence"] == "needs review"
    assert any("by organisations" in r for r in cluster["reasons"])


# A German paper as a German database lists it (its English title translated) and as an
# English one does, its authors' names without their accents; and an English paper as PubMed
# writes its author (Lefèvre) and as Web of Science does (Lefevre).
GERMAN = """TY  - JOUR
AU  - Müller, Hans
AU  - Schmidt, Anna
TI  - Frühmobilisation nach Hüftgelenkersatz bei älteren Patienten
TT  - Early mobilization following total hip arthroplasty in the elderly
JO  - Zeitschrift für Orthopädie und Unfallchirurgie
PY  - 2019
VL  - 157
IS  - 3
SP  - 245
EP  - 252
LA  - ger
ID  - DE
ER  - 

TY  - JOUR
AU  - Lefèvre, Jean
TI  - Hip replacement outcomes in elderly patients: a registry study
JO  - Revue de Chirurgie Orthopédique
PY  - 2019
VL  - 105
IS  - 3
SP  - 245
EP  - 252
ID  - ACCENTS
ER  - 
"""

ENGLISH_UNACCENTED = """TY  - JOUR
AU  - Muller, H
AU  - Schmidt, A
TI  - Early mobilisation after hip replacement in elderly patients
JO  - Zeitschrift fur Orthopadie und Unfallchirurgie
PY  - 2019
VL  - 157
IS  - 3
SP  - 245
EP  - 252
LA  - English
ID  - DE-EN
ER  - 

TY  - JOUR
AU  - Lefevre, J
TI  - Hip replacement outcomes in elderly patients: a registry study
JO  - Revue de Chirurgie Orthopedique
PY  - 2019
VL  - 105
IS  - 3
SP  - 245
EP  - 252
ID  - NO-ACCENTS
ER  - 
"""


def test_an_author_written_without_accents_is_the_same_author(tmp_path):
    """Müller and Muller, Lefèvre and Lefevre were other surnames to dedup, so a German paper
    and its English listing at the same place (titles translated otherwise) were not 'by the
    same authors', and one paper by Lefèvre in two databases was 'the same title by other
    authors'.  Accents aside, they are linked: the German and English listings for review (the
    titles are in other languages), the same title for certain."""
    found = _clusters(tmp_path, **{"german.ris": GERMAN, "english.ris": ENGLISH_UNACCENTED})
    assert set(found) == {("DE", "DE-EN"), ("ACCENTS", "NO-ACCENTS")}
    assert found[("DE", "DE-EN")]["confidence"] == "needs review"
    assert "same volume, issue and first page by the same authors (titles in other languages)" in \
        found[("DE", "DE-EN")]["reasons"]
    assert found[("ACCENTS", "NO-ACCENTS")]["confidence"] == "certain"
    assert "authors overlap" in found[("ACCENTS", "NO-ACCENTS")]["reasons"]


# A German paper with its title translated (a German database's TT), the English listing of it,
# and English papers by others that the translation happens to title, or nearly.
TRANSLATED = """TY  - JOUR
AU  - Becker, Jonas
AU  - Wagner, Lena
TI  - Sturzprävention bei älteren Menschen im Pflegeheim
TT  - Fall prevention in older people in nursing homes
JO  - Zeitschrift für Gerontologie und Geriatrie
PY  - 2020
VL  - 53
IS  - 4
SP  - 310
EP  - 317
LA  - ger
ID  - DE-TT
ER  - 
"""

TRANSLATION_ELSEWHERE = """TY  - JOUR
AU  - Becker, J
AU  - Wagner, L
TI  - Fall prevention in older people in nursing homes
JO  - Z Gerontol Geriatr
PY  - 2020
VL  - 53
IS  - 4
SP  - 310
EP  - 317
ID  - EN-SAME
ER  - 

TY  - JOUR
AU  - Thompson, Sarah
AU  - Clarke, David
TI  - Fall prevention in older people in nursing homes
JO  - Age and Ageing
PY  - 2020
VL  - 49
IS  - 2
SP  - 201
EP  - 208
ID  - EN-OTHERS
ER  - 

TY  - JOUR
AU  - Hoffmann, Peter
TI  - Fall prevention in older people in nursing home
JO  - Z Gerontol Geriatr
PY  - 2020
VL  - 53
IS  - 4
SP  - 330
EP  - 336
ID  - EN-ALIKE
ER  - 
"""


def test_a_translated_title_links_the_english_version_only_by_the_same_authors(tmp_path):
    """A German record's translated title equal to an English record's title linked them for
    review whoever wrote the English paper, 'the translated title of the Chinese record', and
    one alike whoever wrote it too.  Now an English paper by other authors (their names in
    Latin letters, as the German record's) is another paper; the English listing by the same authors is linked for review, its reason
    naming the record's language."""
    found = _clusters(tmp_path, **{"german.ris": TRANSLATED, "english.ris": TRANSLATION_ELSEWHERE})
    assert set(found) == {("DE-TT", "EN-SAME")}
    cluster = found[("DE-TT", "EN-SAME")]
    assert cluster["confidence"] == "needs review"
    assert "title equals the translated title of the record in another language (de)" in cluster["reasons"]


# A German paper (its title translated) whose English listing spells its authors' umlauts out
# (Müller as Mueller), a Chinese paper whose authors are in pinyin and its English listing as
# Hong Kong writes them (陈家伟 Chen Jiawei, Chan Ka-Wai), each at its place; and an English
# paper by others in the German paper's issue, on another page.
ROMANISED = """TY  - JOUR
AU  - Jäger, Uwe
AU  - Köhler, Birgit
TI  - Schmerztherapie bei Menschen mit Demenz
TT  - Pain management in people with dementia
JO  - Der Schmerz
PY  - 2021
VL  - 35
IS  - 2
SP  - 112
EP  - 119
LA  - ger
ID  - UMLAUTS
ER  - 

TY  - JOUR
AU  - Chen, Jiawei
AU  - Huang, Zhiming
TI  - 香港老年人跌倒的危险因素
TT  - Risk factors for falls among older adults in Hong Kong
JO  - 中华老年医学杂志
PY  - 2020
VL  - 39
IS  - 4
SP  - 400
EP  - 405
LA  - chi
ID  - PINYIN
ER  - 
"""

ROMANISED_ELSEWHERE = """TY  - JOUR
AU  - Jaeger, U
AU  - Koehler, B
TI  - Pain management in people with dementia
JO  - Schmerz
PY  - 2021
VL  - 35
IS  - 2
SP  - 112
EP  - 119
ID  - SPELLED-OUT
ER  - 

TY  - JOUR
AU  - Chan, Ka-Wai
AU  - Wong, Chi-Ming
TI  - Risk factors for falls among older adults in Hong Kong
JO  - Chinese Journal of Geriatrics
PY  - 2020
VL  - 39
IS  - 4
SP  - 400
EP  - 405
ID  - CANTONESE
ER  - 

TY  - JOUR
AU  - Fischer, Paul
TI  - Pain management in people with dementia
JO  - Schmerz
PY  - 2021
VL  - 35
IS  - 2
SP  - 130
EP  - 136
ID  - ELSEWHERE
ER  - 
"""


def test_a_translated_title_at_its_place_links_authors_romanised_otherwise(tmp_path):
    """Names that share no word (Jäger spelled Jaeger, Chen Jiawei as Hong Kong writes it,
    Chan Ka-Wai) kept a paper and its English listing apart as 'other authors', though the
    translated title, the year, volume, issue and first page agree.  At one place they are
    linked for review; the same title by others on another page of the issue is not."""
    found = _clusters(tmp_path, **{"original.ris": ROMANISED, "english.ris": ROMANISED_ELSEWHERE})
    assert set(found) == {("SPELLED-OUT", "UMLAUTS"), ("CANTONESE", "PINYIN")}
    assert found[("SPELLED-OUT", "UMLAUTS")]["confidence"] == "needs review"
    assert "title equals the translated title of the record in another language (de)" in \
        found[("SPELLED-OUT", "UMLAUTS")]["reasons"]
    assert found[("CANTONESE", "PINYIN")]["confidence"] == "needs review"
    assert "English title equals the translated title of the Chinese record" in found[("CANTONESE", "PINYIN")]["reasons"]


# Consensus papers CNKI lists under the bodies that wrote them; an editorial without authors in
# another journal at the first one's year, volume, issue and pages; the second one's English
# version in a journal whose English name does not say it is Chinese, but whose ISSN is its own.
BODIES = """RT Journal Article
SR 1
A1 中国抗癌协会乳腺癌专业委员会
T1 中国抗癌协会乳腺癌诊治指南与规范(2019年版)
JF 中国癌症杂志
YR 2019
VO 29
IS 8
OP 609-680
DS CNKI
ID BREAST

RT Journal Article
SR 1
A1 中华医学会糖尿病学分会
T1 中国2型糖尿病防治指南(2017年版)
JF 中华糖尿病杂志
YR 2018
VO 10
IS 1
OP 4-67
SN 1674-5809
DS CNKI
ID DIABETES
"""

BODIES_ENGLISH = """TY  - JOUR
TI  - Breast cancer screening: a call to action
JO  - Lancet
PY  - 2019
VL  - 29
IS  - 8
SP  - 609
EP  - 680
ID  - EDITORIAL
ER  - 

TY  - JOUR
TI  - Guidelines for the prevention and treatment of type 2 diabetes (2017 edition)
JO  - Journal of Diabetes Mellitus
SN  - 1674-5809
PY  - 2018
VL  - 10
IS  - 1
SP  - 4
EP  - 67
ID  - DIABETES-EN
ER  - 
"""


def test_an_english_version_without_authors_is_in_the_chinese_journal(tmp_path):
    """A guideline by 中国抗癌协会乳腺癌专业委员会 met any English record without authors at its
    year, volume, issue and pages, whatever the journal: an editorial in the Lancet joined it.
    Now the English record's journal must be the Chinese one by its English name (naming China,
    in pinyin) or its ISSN; the editorial stays apart, the English version under the ISSN not."""
    found = _clusters(tmp_path, **{"cnki.txt": BODIES, "english.ris": BODIES_ENGLISH})
    assert set(found) == {("DIABETES", "DIABETES-EN")}
    assert found[("DIABETES", "DIABETES-EN")]["confidence"] == "needs review"
