"""Family names of several words in capitals written first (PubMed's older records), and codes
among a Chinese record's keywords written one a line: cases a QA pass found."""
from __future__ import annotations

import pytest

from conftest import cleaned as clean
from indexer.fields.authors import caps_first, parse_name, split_author_field
from indexer.fields.keywords import codes_with_chinese


def ris(tmp_path, *authors: str):
    path = tmp_path / "one.ris"
    lines = ["TY  - JOUR", "TI  - Oxytocin in therapy of mammary engorgement.", *(f"AU  - {a}" for a in authors),
             "PY  - 1958", "LA  - eng", "ER  - "]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# A. A family name of several words, or hyphenated, in capitals before the initials, as
# en_pubmed.ris records 518-596 write them: read as one-word ones are ("MENA F").
def test_ris_reads_caps_family_names_of_several_words(tmp_path):
    [record] = clean(ris(tmp_path, "DE LUCA S", "COLMEIRO-LAFORET C", "VAN ZELLER R", "ST ROMAIN RA",
                         "DU VIGNEAUD V", "INGELMAN-SUNDBERG A", "MENA F", "SALA NL"))
    assert [(a["family"], a["given"]) for a in record["authors"]] == [
        ("DE LUCA", "S"), ("COLMEIRO-LAFORET", "C"), ("VAN ZELLER", "R"), ("ST ROMAIN", "RA"),
        ("DU VIGNEAUD", "V"), ("INGELMAN-SUNDBERG", "A"), ("MENA", "F"), ("SALA", "NL")]


@pytest.mark.parametrize("name, expected", [
    ("FRENKEL SANTILLAN G", ("FRENKEL SANTILLAN", "G")),
    ("VAN DER WAL JW", ("VAN DER WAL", "JW")),
    ("DE LA CRUZ M", ("DE LA CRUZ", "M")),
    ("O'BRIEN J", ("O'BRIEN", "J")),
    ("DE LUCA Sergio", ("DE LUCA", "Sergio")),
])
def test_caps_family_of_several_words(name, expected):
    person = parse_name(name)
    assert (person["family"], person["given"]) == expected


# What was read before stays: pinyin in capitals, GB/T 28039's form, a name in capitals that is
# not family-first, an organisation.
@pytest.mark.parametrize("name, expected", [
    ("ZHANG Wei", ("ZHANG", "Wei")), ("WANG JG", ("WANG", "JG")), ("OUYANG Xiu", ("OUYANG", "Xiu")),
    ("WANG Jian-guo", ("WANG", "Jian-guo")), ("ZHANG WEI LI", ("ZHANG", "WEI LI")), ("MENA F", ("MENA", "F")),
    ("THINN SU TIN", ("THINN", "SU TIN")), ("SA Abrams", ("Abrams", "SA")),
])
def test_caps_names_read_as_before(name, expected):
    person = parse_name(name)
    assert (person["family"], person["given"]) == expected


def test_caps_names_that_are_no_family_first():
    assert caps_first("WANG JIAN GUO") is None and caps_first("AB CD EF") is None
    assert parse_name("NATIONAL CANCER INSTITUTE") == {"literal": "NATIONAL CANCER INSTITUTE", "lang": "en"}
    assert parse_name("WHO") == {"family": "WHO", "given": "", "lang": "en"}


def test_list_of_caps_names_of_several_words_is_split():
    assert split_author_field("DE LUCA S, MENA F") == ["DE LUCA S", "MENA F"]


# B. A code alone on its keyword line (RIS KW) among Chinese keywords belongs with them, in its
# place (zh_papers.ris records 20, 101, 116, 120, 124); an English list beside the Chinese one,
# a keyword with an English word, and a line that holds a list of its own keep their language.
def test_codes_among_chinese_keywords():
    lines = [["尖锐湿疣"], ["p53"], ["PCNA"], ["组织病理学"], ["Taylor"]]
    assert codes_with_chinese(lines) == [False, True, True, False, False]
    assert codes_with_chinese([["硼浓度"], ["偏差"], ["10B"], ["丰度"]]) == [False, False, True, False]
    assert codes_with_chinese([["质量体系认证"], ["ISO9000"], ["出口贸易"]]) == [False, True, False]


def test_english_list_beside_chinese_keeps_its_codes():
    lines = [["数据库"], ["XML"], ["检索"], ["database"], ["XML"], ["retrieval"]]
    assert codes_with_chinese(lines) == [False, True, False, False, False, False]


@pytest.mark.parametrize("lines", [
    [["Chinese patent medicine"], ["insomnia"], ["GABA"], ["中成药"]],      # mainly English
    [["中尺度", "梅雨鋒面"], ["COLD-ARI-DAMMING", "TAME-IOP-B"]],          # a list of its own
    [["脳梗塞"], ["MRI"], ["けいれん"]],                                    # Japanese
    [["PCR"], ["MRI"]],                                                     # no Chinese
])
def test_codes_left_where_they_are(lines):
    assert codes_with_chinese(lines) == [False] * len(lines)
