"""Characters a reader cannot see and a user cannot either: Unicode spaces in a tag's separator
(``TI\\u00a0 - ``), read as spaces by every tagged reader and by format sniffing."""
from __future__ import annotations

import pytest

from indexer.pipeline import clean
from indexer.readers import read_file
from indexer.record import Record

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
