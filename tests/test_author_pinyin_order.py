"""Chinese names in pinyin written without a comma ("Li Wei"): family name first on a Chinese
database's page (VIP's English page: "作者Li Wei；Zhang Min；Chen Hong") and where the record's
names say so ("Zhang Min": Min is seldom a surname), given name first where they say that
("Chenyu Chu") or nothing does in a Western export ("Wei Li" beside "John Smith")."""
from __future__ import annotations

import json

from conftest import run_cli

VIP_PAGE = """首页 > 期刊 > 文章详情
Surgical treatment of spinal metastasis from an unknown primary: a case series
作者Li Wei；Zhang Min；Chen Hong
出处《Journal of Spine Surgery Cases》 2021年 第3期 45-52页 共8页
文摘Spinal metastasis from an unknown primary tumour is uncommon, and its surgical management is debated.
关键词spinal metastasis; unknown primary
"""


def _ris(*names: str, title: str = "Surgical treatment of spinal metastasis") -> str:
    lines = ["TY  - JOUR", f"TI  - {title}", *(f"AU  - {n}" for n in names), "PY  - 2021",
             "JO  - Journal of Spine Surgery Cases", "ER  - ", ""]
    return "\n".join(lines)


def _names(path) -> list[list[tuple[str, str]]]:
    result = run_cli("clean", "--json", str(path))
    assert result.returncode == 0, result.stderr
    return [[(a.get("family"), a.get("given")) for a in json.loads(line)["authors"]]
            for line in result.stdout.splitlines() if line.strip()]


def test_a_chinese_database_page_writes_pinyin_names_family_name_first(tmp_path):
    page = tmp_path / "vip-en.txt"
    page.write_text(VIP_PAGE, encoding="utf-8")
    assert _names(page) == [[("Li", "Wei"), ("Zhang", "Min"), ("Chen", "Hong")]]
    gbt = run_cli("export", "--format", "gbt7714", "--from", str(page))
    assert gbt.returncode == 0, gbt.stderr
    assert "LI W, ZHANG M, CHEN H. Surgical treatment" in gbt.stdout
    vancouver = run_cli("export", "--format", "vancouver", "--from", str(page))
    assert "Li W, Zhang M, Chen H. Surgical treatment" in vancouver.stdout
    bibtex = run_cli("export", "--format", "bibtex", "--from", str(page))
    assert "@article{li2021surgical," in bibtex.stdout


def test_author_search_finds_the_family_name_of_a_page(tmp_path):
    page = tmp_path / "vip-en.txt"
    page.write_text(VIP_PAGE, encoding="utf-8")
    index = tmp_path / "idx"
    assert run_cli("ingest", str(page), "--index", str(index)).returncode == 0
    found = run_cli("search", 'author:"Li W"', "--index", str(index), "--json")
    assert found.returncode == 0, found.stderr
    assert "Surgical treatment of spinal metastasis" in found.stdout


def test_a_record_whose_names_say_family_name_first_is_read_so(tmp_path):
    # RIS asks for "Last, First"; without the comma, "Zhang Min" (Min seldom a surname) and
    # "Chen Hong" say family name first, and "Li Wei", which reads both ways, goes with them
    ris = tmp_path / "pinyin.ris"
    ris.write_text(_ris("Li Wei", "Zhang Min", "Chen Hong"), encoding="utf-8")
    assert _names(ris) == [[("Li", "Wei"), ("Zhang", "Min"), ("Chen", "Hong")]]


def test_given_names_first_stay_so(tmp_path):
    ris = tmp_path / "english.ris"
    ris.write_text(_ris("Chenyu Chu", "Li Liu", "Yang Wan", "Yi Jin")   # Chenyu: a given name, first
                   + _ris("Wei Li", "John Smith", title="Another paper")   # nothing says family first
                   + _ris("Jianguo Wang", "Min Zhang", title="A third"), encoding="utf-8")
    assert _names(ris) == [[("Chu", "Chenyu"), ("Liu", "Li"), ("Wan", "Yang"), ("Jin", "Yi")],
                           [("Li", "Wei"), ("Smith", "John")],
                           [("Wang", "Jianguo"), ("Zhang", "Min")]]


def test_a_given_name_of_two_syllables_says_the_order_on_a_page(tmp_path):
    # a Chinese database's page of an English paper whose authors sign given name first
    page = tmp_path / "cnki-en.txt"
    page.write_text(VIP_PAGE.replace("Li Wei；Zhang Min；Chen Hong", "Wei Li；Jianguo Wang；Xiaoyan Chen"),
                    encoding="utf-8")
    assert _names(page) == [[("Li", "Wei"), ("Wang", "Jianguo"), ("Chen", "Xiaoyan")]]
