"""Characters a reader cannot see and a user cannot either: Unicode spaces in a tag's separator
(``TI\\u00a0 - ``), read as spaces by every tagged reader and by format sniffing; invisible
format characters (a zero width space, a soft hyphen, a word joiner), dropped before a tag is
read and from every field."""
from __future__ import annotations

import pytest

from indexer.pipeline import clean
from indexer.readers import read_file
from indexer.record import Record, Source
from indexer.repair import REPAIRS

NBSP = "\u00a0"


def _read(tmp_path, name: str, text: str, fmt: str | None = None) -> tuple[list[dict], list]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    items = list(read_file(str(path), fmt))
    return ([clean(i).to_json() for i in items if isinstance(i, Record)],
            [i for i in items if not isinstance(i, Record)])


MEDLINE = ("PMID- 33465792\nTI  - Switching of hormone therapies in breast cancer women.\nAB  - OBJECTIVE: To "
           "evaluate the switching.\nFAU - Stahlschmidt, Rebeca\nAU  - Stahlschmidt R\nFAU - Rosa, Maria\nAU  - Rosa M\n"
           "DP  - 2021 Jan\nTA  - Rev Bras\n\nPMID- 33465793\nTI  - A second title.\nAU  - Li W\n")
WOS = ("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Lee, J\nAF Lee, Jane\nTI Prematurity: an overview\n"
       "SO JOURNAL OF PERINATAL EDUCATION\nPY 2011\nVL 20\nUT WOS:000290776200020\nER\n\nEF\n")
REFER = "%0 Thesis\n%A 王建国\n%T 大粒车前子多糖的消化特征\n%I 南昌大学\n%D 2021\n%9 博士\n%W CNKI\n"
REFWORKS = "RT Journal Article\nSR 1\nA1 谭远慧;邱飞雨\nT1 数字图书馆的服务\nJF 图书情报工作\nYR 2020\nDS CNKI\n"


def _spaced(text: str, space: str) -> str:
    """``text`` with the first space after each line's tag (``TI  - ``, ``PMID- ``, ``PT J``,
    ``%T x``) in ``space``, as a word processor or a web page leaves it."""
    out = []
    for line in text.split("\n"):
        at = line.find(" ")
        out.append(line if at < 0 or at > 4 else line[:at] + space + line[at + 1:])
    return "\n".join(out)


@pytest.mark.parametrize("space", [NBSP, "\u2009", "\u202f"])
@pytest.mark.parametrize("name, text, fmt", [("a.nbib", MEDLINE, "medline"), ("w.txt", WOS, "wos"),
                                             ("e.txt", REFER, "refer"), ("r.txt", REFWORKS, "refworks")])
def test_a_unicode_space_after_a_tag_reads_as_a_space(tmp_path, name, text, fmt, space):
    want, _ = _read(tmp_path, "plain-" + name, text)
    got, failures = _read(tmp_path, name, _spaced(text, space))
    assert failures == []
    assert [r["source"]["format"] for r in got] == [fmt] * len(want)   # sniffed as the plain file is
    for a, b in zip(want, got):
        a.pop("source"), b.pop("source"), a.pop("id"), b.pop("id")
        assert a == b


def test_a_medline_title_after_a_no_break_space_is_the_title_not_the_pmid_s_text(tmp_path):
    (first, second), _ = _read(tmp_path, "a.nbib", MEDLINE.replace("TI  - ", f"TI{NBSP} - ")
                               .replace("AU  - ", f"AU{NBSP} - ").replace("AB  - ", f"AB{NBSP} - "))
    assert first["title"] == {"en": "Switching of hormone therapies in breast cancer women."}
    assert first["abstract"] == {"en": "OBJECTIVE: To evaluate the switching."}
    assert [a["family"] for a in first["authors"]] == ["Stahlschmidt", "Rosa"]
    assert second["title"] == {"en": "A second title."}


ZWSP, SHY, WJ = "\u200b", "\u00ad", "\u2060"


def test_invisible_characters_are_dropped_from_values_a_doi_and_a_volume_too(tmp_path):
    (rec,), _ = _read(tmp_path, "zw.ris", f"TY  - JOUR\nTI  - Gastric cancer{ZWSP} screening\nAU  - Wang, J.{ZWSP}\n"
                      f"PY  - {ZWSP}2021\nDO  - 10.1016/j.jcp.2021.01.001{ZWSP}\nSN  - 1000-0054{ZWSP}\nVL  - 12{ZWSP}\n"
                      f"SP  - 100{WJ}-110\nKW  - stom{SHY}ach cancer\nER  - \n")
    assert rec["title"] == {"en": "Gastric cancer screening"}
    assert rec["authors"] == [{"family": "Wang", "given": "J.", "lang": "en"}]
    assert (rec["doi"], rec["volume"], rec["pages"], rec["issn"]) == ("10.1016/j.jcp.2021.01.001", "12", "100-110",
                                                                      "1000-0054")
    assert rec["keywords"] == {"en": ["stomach cancer"]}
    assert "date" not in rec["extra"]   # the year as it is written: 2021, nothing more


@pytest.mark.parametrize("name, text", [
    ("a.ris", "TY  - JOUR\nAU  - Solano, M.A.\n{z}AU  - Volckaert, V.\nTI  - Radiographs of elbows\nER  - \n"),
    ("a.nbib", "PMID- 1\nTI  - Radiographs of elbows\nFAU - Solano, M A\n{z}FAU - Volckaert, V\n"),
    ("a.bib", "@article{key,\n\tauthor = {Solano, M. A. and Volckaert, V.},\n{z}\ttitle = {Radiographs of elbows},\n}\n"),
    ("a.json", '[\n{"type": "article-journal", "author": [{"family": "Solano", "given": "M. A."},\n'
               '{z}{"family": "Volckaert", "given": "V."}],\n{z}"title": "Radiographs of elbows"}\n]\n'),
])
@pytest.mark.parametrize("z", [ZWSP, SHY, "\ufeff", "\u200e"])
def test_an_invisible_character_opening_a_line_leaves_its_tag_a_tag(tmp_path, name, text, z):
    (rec,), failures = _read(tmp_path, name, text.replace("{z}", z))
    assert failures == []
    assert rec["title"] == {"en": "Radiographs of elbows"}
    assert [a["family"] for a in rec["authors"]] == ["Solano", "Volckaert"]


def test_a_scraped_page_s_labels_after_a_zero_width_space_are_labels(tmp_path):
    page = (f"基于深度学习的图像识别研究\n{ZWSP}作者：王建国 李四\n{ZWSP}摘要：目的 探讨图像识别的方法。\n"
            f"{ZWSP}关键词：深度学习；图像识别\n")
    (rec,), _ = _read(tmp_path, "page.txt", page, "scraped-page")
    assert [a["literal"] for a in rec["authors"]] == ["王建国", "李四"]
    assert rec["keywords"] == {"zh": ["深度学习", "图像识别"]}
    assert "unlabelled" not in rec["extra"]


def test_joiners_stay_where_a_script_needs_them_and_go_elsewhere():
    rec = Record(Source(path="case.ris", format="test", record=1, line=1))
    rec.raw["titles"] = [("پژوهش\u200cهای علمی", 1)]
    rec.raw["keywords"] = [("deep\u200clearning; net\u200dwork", 1)]
    rec.raw["doi"] = [("\u200e10.1000/xyz\u200f", 1)]
    rec = clean(rec)
    assert list(rec.title.values()) == ["پژوهش\u200cهای علمی"]
    assert sum(rec.keywords.values(), []) == ["deeplearning", "network"]
    assert rec.doi == "10.1000/xyz"
    for r in rec.repairs:   # replayed, the log gives the text
        assert REPAIRS[r.step](r.before) == r.after


def test_a_soft_hyphen_of_utf8_read_as_windows_1252_is_left_to_mojibake_repair(tmp_path):
    # 中 is E4 B8 AD in UTF-8: read as Windows-1252, "ä¸\u00ad"
    (rec,), _ = _read(tmp_path, "m.ris", "TY  - JOUR\nTI  - " + "中文标题研究".encode("utf-8").decode("cp1252", "replace")
                      + "\nER  - \n")
    assert rec["title"] == {"zh": "中文标题研究"}
