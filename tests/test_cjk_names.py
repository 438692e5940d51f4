"""Authors written in Chinese, Japanese or Korean characters: which have a pinyin reading
(a Chinese author's), which are kept as written (a Japanese or Korean author's kanji or hanja,
``lang`` ja or ko, as a name in hangul is), in exports and in ``author:``."""
from __future__ import annotations

import pytest

from conftest import hit_ids, rendered, ris_searcher

# CiNii's RIS: a Japanese record, its authors inverted in kanji
JAPANESE = """TY  - JOUR
ID  - J1
AU  - 山田, 太郎
AU  - 佐藤, 花子
TI  - 肺癌化学療法の現状と展望
T2  - 日本呼吸器学会誌
PY  - 2020
LA  - jpn
AB  - 近年、肺癌に対する化学療法は分子標的薬や免疫チェックポイント阻害薬の登場により大きく変化している。
ER  - 

TY  - JOUR
ID  - J2
AU  - 田中美穂
TI  - 高齢者の受診行動に関する研究
PY  - 2018
LA  - jpn
ER  - 

"""
CHINESE = """TY  - JOUR
ID  - C1
AU  - 田建国
TI  - 脊柱转移瘤的外科治疗
PY  - 2021
ER  - 

"""


def _record(authors, lang):
    return {"id": "x", "source": {"path": "t", "format": "ris", "record": 1}, "type": "article-journal",
            "language": lang, "title": {lang: "題名"}, "abstract": {}, "authors": authors, "keywords": {},
            "journal": {lang: "日本呼吸器学会誌"}, "year": 2020, "funding": [], "repairs": [], "extra": {}}


@pytest.mark.parametrize("authors, lang, expected", [
    ([{"literal": "山田太郎", "lang": "ja"}, {"literal": "佐藤花子", "lang": "ja"}], "ja", "山田太郎, 佐藤花子."),
    ([{"family": "山田", "given": "太郎", "lang": "ja"}], "ja", "山田太郎."),
    ([{"literal": "金大中", "lang": "ko"}], "ko", "金大中."),
    # a Chinese author is cited in pinyin, in any record
    ([{"literal": "王跃", "lang": "zh"}, {"literal": "田建国"}], "zh", "Wang Y, Tian J."),
])
def test_vancouver_romanises_chinese_names_only(authors, lang, expected):
    assert rendered([_record(authors, lang)], "vancouver").split(" ", 1)[1].startswith(expected)


def test_gbt_keeps_a_japanese_name_in_an_english_item():
    rec = _record([{"family": "山田", "given": "太郎", "lang": "ja"}, {"family": "王", "given": "跃", "lang": "zh"}], "en")
    rec["title"] = {"en": "Lung cancer"}
    assert rendered([rec], "gbt7714").startswith("[1] 山田太郎, WANG Yue. Lung cancer")


@pytest.fixture(scope="module")
def names_index(tmp_path_factory):
    yield from ris_searcher(tmp_path_factory.mktemp("cjk_names"), JAPANESE + CHINESE)


def test_a_japanese_name_has_no_pinyin_in_author_search(names_index):
    assert hit_ids(names_index, "author:Tian") == ["C1"]          # 田建国, not 田中美穂
    assert hit_ids(names_index, 'author:"Shan T"') == []          # 山田太郎
    assert hit_ids(names_index, "author:田中美穂") == ["J2"]
    assert hit_ids(names_index, "author:山田太郎") == ["J1"]
    assert hit_ids(names_index, 'author:"Tian Jianguo"') == ["C1"]


def test_a_chinese_name_spaced_between_family_and_given_name_is_one_name(tmp_path):
    """BibTeX's and RIS's "王 建国" is 王建国, as "王, 建国" is: author:王建国 finds it."""
    from conftest import records_of

    (tmp_path / "a.bib").write_text("@article{a, author = {王 建国 and 欧阳 修文 and 李 四}, title = {肺癌研究}, year = {2020}}\n",
                                    encoding="utf-8")
    (tmp_path / "b.ris").write_text("TY  - JOUR\nAU  - 王 建国\nAU  - 王, 建国\nTI  - 肺癌研究二\nER  - \n", encoding="utf-8")
    bib, ris = records_of(tmp_path / "a.bib", tmp_path / "b.ris")
    assert [a["literal"] for a in bib["authors"]] == ["王建国", "欧阳修文", "李四"]
    assert ris["authors"] == [{"literal": "王建国", "lang": "zh"}] * 2
    opened = ris_searcher(tmp_path, "TY  - JOUR\nID  - S1\nAU  - 王 建国\nTI  - 肺癌研究二\nER  - \n")
    assert hit_ids(next(opened), "author:王建国") == ["S1"]
    opened.close()


def test_a_japanese_name_keeps_its_family_and_given_name(tmp_path):
    """CiNii's "山田, 太郎" in a Japanese record is family 山田, given 太郎 (Japanese family names
    are of one to three characters: the split cannot be told later); so is J-STAGE's BibTeX
    "山田 太郎".  A Chinese record's "王, 建国" stays one name, as the contract keeps a Chinese
    name whole."""
    from conftest import records_of

    (tmp_path / "cinii.ris").write_text(JAPANESE + CHINESE.replace("田建国", "王, 建国"), encoding="utf-8")
    (tmp_path / "jstage.bib").write_text("@article{a, author = {長谷川 健 and 佐々木, はな and Yamamoto, Ken},\n"
                                         "  title = {日本人成人における睡眠時間と抑うつ症状の関連}, language = {jpn}, year = {2020}}\n",
                                         encoding="utf-8")
    ja, whole, zh, bib = records_of(tmp_path / "cinii.ris", tmp_path / "jstage.bib")
    assert ja["authors"] == [{"family": "山田", "given": "太郎", "lang": "ja"}, {"family": "佐藤", "given": "花子", "lang": "ja"}]
    assert whole["authors"] == [{"literal": "田中美穂", "lang": "ja"}]
    assert zh["authors"] == [{"literal": "王建国", "lang": "zh"}]
    assert bib["authors"] == [{"family": "長谷川", "given": "健", "lang": "ja"},
                              {"family": "佐々木", "given": "はな", "lang": "ja"},
                              {"family": "Yamamoto", "given": "Ken", "lang": "en"}]
    assert "AU  - 山田, 太郎\nAU  - 佐藤, 花子\n" in rendered([ja], "ris")
    assert rendered([ja], "vancouver").startswith("1. 山田太郎, 佐藤花子. 肺癌化学療法の現状と展望.")
    assert rendered([ja], "gbt7714").startswith("[1] 山田太郎, 佐藤花子. 肺癌化学療法の現状と展望[J].")


def test_a_japanese_name_split_or_whole_is_one_author(names_index):
    """author: finds a Japanese name as it is written, whole (山田太郎) or by its family name;
    dedup reads it whole, as it reads a name kept whole (:func:`whole_name`)."""
    from indexer.fields.authors import whole_name

    assert hit_ids(names_index, "author:山田太郎") == ["J1"]
    assert hit_ids(names_index, "author:山田") == ["J1"]
    assert hit_ids(names_index, "author:太郎") == ["J1"]
    assert whole_name({"family": "山田", "given": "太郎", "lang": "ja"}) == whole_name({"literal": "山田太郎"})
    assert whole_name({"family": "Yamada", "given": "Taro"}) == ""


# RISS and KCI list an author with the name romanised in brackets; Chinese databases do the same.
ROMANISED = """TY  - JOUR
AU  - 홍길동(Hong, Gil-Dong)
AU  - 김철수 ( Kim Chul-Soo )
AU  - 남궁민수
TI  - 한국 노인의 수면 장애와 우울증의 관계
JO  - 한국노년학
PY  - 2020
ER  - 

TY  - JOUR
AU  - 王建国(Wang Jianguo)
AU  - 李明 ( Li Ming )
AU  - 王芳(北京大学)
TI  - 脊柱转移瘤的手术治疗
JO  - 中华骨科杂志
PY  - 2021
ER  - 
"""


def test_a_name_with_its_romanised_form_in_brackets_is_one_author(tmp_path):
    """"홍길동(Hong, Gil-Dong)" is the author 홍길동, with Hong, Gil-Dong as the name's ``alt``:
    not split at the comma inside the bracket ("홍길동(Hong" and "Gil-Dong)"), nor at the
    spaces of "김철수 ( Kim Chul-Soo )"; GB/T 7714 cites the names as written."""
    from conftest import records_of

    (tmp_path / "riss.ris").write_text(ROMANISED, encoding="utf-8")
    ko, zh = records_of(tmp_path / "riss.ris")
    assert ko["authors"] == [
        {"literal": "홍길동", "lang": "ko", "alt": {"family": "Hong", "given": "Gil-Dong", "lang": "en"}},
        {"literal": "김철수", "lang": "ko", "alt": {"family": "Kim", "given": "Chul-Soo", "lang": "en"}},
        {"literal": "남궁민수", "lang": "ko"}]
    assert zh["authors"] == [
        {"literal": "王建国", "lang": "zh", "alt": {"family": "Wang", "given": "Jianguo", "lang": "en"}},
        {"literal": "李明", "lang": "zh", "alt": {"family": "Li", "given": "Ming", "lang": "en"}},
        {"literal": "王芳", "lang": "zh", "affiliation": "北京大学"}]
    assert rendered([ko, zh], "gbt7714").splitlines()[0].startswith("[1] 홍길동, 김철수, 남궁민수. ")
    assert rendered([zh], "vancouver").startswith("1. Wang J, Li M, Wang F. ")


def test_a_role_or_place_in_brackets_is_no_romanised_name(tmp_path):
    # 1d2e461 read "王五(Corresponding Author)" as 王五 with a name Corresponding Author, and a Chinese
    # name's Latin form in Western order as family-first ("王芳(Fang Wang)": family Fang)
    from conftest import records_of

    path = tmp_path / "r.ris"
    path.write_text("TY  - JOUR\nTI  - 测试\nAU  - 王五(Corresponding Author)\nAU  - 李四(Tsinghua Univ)\n"
                    "AU  - 王芳(Fang Wang)\nAU  - 张伟(Zhang Wei Jr)\nER  - \n", encoding="utf-8")
    (rec,) = records_of(path)
    assert [a.get("literal") for a in rec["authors"]] == ["王五(Corresponding Author)", "李四(Tsinghua Univ)", "王芳",
                                                         "张伟(Zhang Wei Jr)"]
    assert rec["authors"][2]["alt"] == {"family": "Wang", "given": "Fang", "lang": "en"}


def test_a_taiwanese_name_in_wade_giles_in_brackets_is_its_romanised_name(tmp_path):
    # Airiti and Taiwanese journals list 陳建國(Chen, Chien-Kuo): its Wade-Giles, not its pinyin
    # (Chen Jianguo), was no romanised name, and the bracket stayed in the author's name.  A place
    # in brackets (Hong Kong: no spelling of 张三) stays as it was.
    from conftest import records_of

    path = tmp_path / "tw.ris"
    path.write_text("TY  - JOUR\nTI  - 脊椎轉移瘤之外科治療\nAU  - 陳建國(Chen, Chien-Kuo)\nAU  - 謝美玲(Mei-Ling Hsieh)\n"
                    "AU  - 张三(Hong Kong)\nER  - \n", encoding="utf-8")
    (rec,) = records_of(path)
    assert rec["authors"][:2] == [
        {"literal": "陳建國", "lang": "zh", "alt": {"family": "Chen", "given": "Chien-Kuo", "lang": "en"}},
        {"literal": "謝美玲", "lang": "zh", "alt": {"family": "Hsieh", "given": "Mei-Ling", "lang": "en"}}]
    assert rec["authors"][2]["literal"] == "张三(Hong Kong)"
    assert rendered([rec], "vancouver").startswith("1. Chen CK, Hsieh ML, ")
