"""An author's romanised name (``alt``: ``홍길동(Hong, Gil-Dong)``, ``王建国(Wang Jianguo)``) survives an
export and a re-import where the format has a place for it: RIS ``TA`` and EndNote ``%H`` (EndNote's
Translated Author); CSL-JSON, whose names have no place for it, in its ``custom``, which our reader
reads back.  Expected names are the ones written in the input, in brackets."""
from __future__ import annotations

import pytest

from conftest import read_back, records_of, rendered

# Written as KCI and RISS export them, a name with its romanised form in brackets.
_INPUT = """TY  - JOUR
AU  - 王建国(Wang Jianguo)
AU  - 李娜(Li Na)
TI  - 脊柱转移瘤的外科治疗
JO  - 中华骨科杂志
PY  - 2021
ER  - 

TY  - JOUR
AU  - 홍길동(Hong, Gil-Dong)
AU  - 김철수(Kim, Chul-Soo)
TI  - 척추 전이암의 수술적 치료
JO  - 대한정형외과학회지
PY  - 2020
ER  - 
"""

_EXPECTED = [[("王建国", "Wang", "Jianguo"), ("李娜", "Li", "Na")],
             [("홍길동", "Hong", "Gil-Dong"), ("김철수", "Kim", "Chul-Soo")]]


def _names(rec: dict) -> list[tuple]:
    return [(a.get("literal"), (a.get("alt") or {}).get("family"), (a.get("alt") or {}).get("given"))
            for a in rec["authors"]]


def _read(tmp_path, name: str, text: str) -> list[dict]:
    """The records of ``text`` written to ``tmp_path / name``."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return records_of(path)


@pytest.fixture
def records(tmp_path) -> list[dict]:
    path = tmp_path / "kci.ris"
    path.write_text(_INPUT, encoding="utf-8")
    recs = records_of(path)
    assert [_names(r) for r in recs] == _EXPECTED   # (the input as read)
    return recs


@pytest.mark.parametrize("fmt", ["ris", "endnote", "csl-json"])
def test_romanised_names_come_back(records, fmt, tmp_path):
    back = read_back(rendered(records, fmt), fmt, tmp_path)
    assert [_names(r) for r in back] == _EXPECTED
    assert not any((r.get("extra") or {}).get("translated_author") for r in back)


@pytest.mark.parametrize("fmt", ["ris", "endnote", "csl-json"])
def test_a_taiwanese_authors_wade_giles_comes_back(fmt, tmp_path):
    # 陳建國 signs Chen Chien-Kuo, no pinyin of his name (Chen Jianguo): read back, the name
    # pairs with him by the syllables it spells, as a pinyin one does by its pinyin
    path = tmp_path / "tw.ris"
    path.write_text("TY  - JOUR\nAU  - 陳建國(Chen, Chien-Kuo)\nAU  - 張美玲(Chang, Mei-Ling)\n"
                    "TI  - 脊椎轉移瘤之外科治療\nJO  - 台灣醫學\nPY  - 2021\nER  - \n", encoding="utf-8")
    expected = [("陳建國", "Chen", "Chien-Kuo"), ("張美玲", "Chang", "Mei-Ling")]
    (rec,) = records_of(path)
    assert _names(rec) == expected
    (back,) = read_back(rendered([rec], fmt), fmt, tmp_path)
    assert _names(back) == expected
    assert not (back.get("extra") or {}).get("translated_author")


# A Japanese paper whose authors are in kanji alone, their names in Latin letters as TA (the
# record is Japanese by its kana title), and a Korean one with a Chinese and a Japanese
# co-author: 王伟 has no romanised name (simplified 伟 makes the name Chinese, which no
# Japanese or Korean spelling is paired with), 山田太郎 one.
_MIXED = """TY  - JOUR
AU  - 山田太郎
AU  - 佐藤花子
TA  - Yamada, Taro
TA  - Sato, Hanako
TI  - 日本語の論文について
JO  - 日本医学雑誌
PY  - 2020
ER  - 

TY  - JOUR
AU  - 홍길동
AU  - 王伟
AU  - 김철수
AU  - 山田太郎
TA  - Hong, Gil-Dong
TA  - Kim, Chul-Soo
TA  - Yamada, Taro
TI  - 한국어 논문
JO  - 대한의학회지
PY  - 2021
ER  - 
"""


@pytest.mark.parametrize("fmt", ["ris", "endnote", "csl-json"])
def test_a_japanese_or_mixed_records_romanised_names_come_back(fmt, tmp_path):
    expected = [[("山田太郎", "Yamada", "Taro"), ("佐藤花子", "Sato", "Hanako")],
                [("홍길동", "Hong", "Gil-Dong"), ("王伟", None, None), ("김철수", "Kim", "Chul-Soo"),
                 ("山田太郎", "Yamada", "Taro")]]
    recs = _read(tmp_path, "mixed.ris", _MIXED)
    assert [_names(r) for r in recs] == expected   # (the input as read)
    back = read_back(rendered(recs, fmt), fmt, tmp_path)
    assert [_names(r) for r in back] == expected
    assert not any((r.get("extra") or {}).get("translated_author") for r in back)


def test_a_csl_custom_translated_author_of_another_shape_pairs(tmp_path):
    # custom.translated_author as another tool may write it: one name as a text, or CSL name
    # objects; each is the author's romanised name, not dropped or kept as Python's text of a dict
    text = ('[{"id": "a", "type": "article-journal", "title": "字符串", "author": [{"literal": "王伟"}],'
            ' "issued": {"date-parts": [[2021]]}, "custom": {"translated_author": "Wang, Wei"}},'
            ' {"id": "b", "type": "article-journal", "title": "对象", "author": [{"literal": "王伟"},'
            ' {"literal": "陈明"}], "issued": {"date-parts": [[2021]]}, "custom": {"translated_author":'
            ' [{"family": "Wang", "given": "Wei"}, {"literal": "Chen Ming"}]}}]')
    recs = _read(tmp_path, "other.json", text)
    assert [_names(r) for r in recs] == [[("王伟", "Wang", "Wei")], [("王伟", "Wang", "Wei"), ("陈明", "Chen", "Ming")]]
    assert not any((r.get("extra") or {}).get("translated_author") for r in recs)


def test_a_ris_ta_that_is_no_authors_name_stays_in_its_tag(tmp_path):
    # MEDLINE's TA is the journal's abbreviation, which converters carry into RIS: it pairs with
    # no author and stays in extra.tags.TA, as RIS tags we do not read, not a translated author
    text = ("TY  - JOUR\nAU  - Smith, John\nAU  - Chen, Wei\nTI  - Outcomes of spinal surgery\n"
            "TA  - J Clin Oncol\nJO  - Journal of Clinical Oncology\nPY  - 2019\nER  - \n\n"
            "TY  - JOUR\nAU  - 王伟\nAU  - 陈明\nTI  - 脊柱手术的疗效\nTA  - Zhonghua Wai Ke Za Zhi\n"
            "JO  - 中华外科杂志\nPY  - 2019\nER  - \n")
    recs = _read(tmp_path, "medline.ris", text)
    assert [r["extra"].get("tags") for r in recs] == [{"TA": ["J Clin Oncol"]}, {"TA": ["Zhonghua Wai Ke Za Zhi"]}]
    assert not any("translated_author" in r["extra"] for r in recs)
    assert [_names(r) for r in recs] == [[(None, None, None)] * 2, [("王伟", None, None), ("陈明", None, None)]]


def test_a_ris_ta_repeating_a_bracketed_romanised_name_is_not_kept_again(tmp_path):
    # 陳建國's romanised name in his AU's brackets and again as TA: his alt, not a loose name
    text = ("TY  - JOUR\nAU  - 陳建國(Chen, Chien-Kuo)\nAU  - 林美玲\nTA  - Chen, Chien-Kuo\n"
            "TA  - Lin, Mei-Ling\nTI  - 兩者都有\nJO  - X\nPY  - 2021\nER  - \n")
    (rec,) = _read(tmp_path, "both.ris", text)
    assert _names(rec) == [("陳建國", "Chen", "Chien-Kuo"), ("林美玲", "Lin", "Mei-Ling")]
    assert "tags" not in rec["extra"] and "translated_author" not in rec["extra"]


def test_a_ris_ta_without_a_comma_is_no_japanese_authors_name_by_its_place(tmp_path):
    # a Japanese record's one kanji author and one TA, MEDLINE's journal abbreviation: as many,
    # but only a name written Family, Given (as our exports write one) pairs by its place
    text = ("TY  - JOUR\nAU  - 山田太郎\nTI  - 日本語の論文について\nTA  - Nihon Igaku Zasshi\n"
            "JO  - 日本医学雑誌\nPY  - 2020\nER  - \n")
    (rec,) = _read(tmp_path, "ja.ris", text)
    assert _names(rec) == [("山田太郎", None, None)]
    assert rec["extra"]["tags"] == {"TA": ["Nihon Igaku Zasshi"]}
