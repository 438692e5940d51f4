"""The classification codes (中图分类号): one key, ``extra.classification``, in every reader,
a code each; written where each export has a place, read back as the classification;
shown by ``show`` and found by ``search clc:``."""
from __future__ import annotations

import pytest

from conftest import jsonl, records_of, run_cli

ESTUDY = ("SrcDatabase-来源库: 期刊\nTitle-题名: 基于深度学习的肺结节CT影像良恶性鉴别研究\nAuthor-作者: 王建国;李娜;\n"
          "Source-文献来源: 中华放射学杂志\nYear-年: 2021\nCLC-中图分类号: R445;R734.2\n")
NOTEEXPRESS = ("{Reference Type}: Journal Article\n{Title}: 肺结节的CT诊断\n{Author}: 王建国;李娜;\n"
               "{Secondary Title}: 中华放射学杂志\n{Year}: 2021\n{中图分类号}: R445；R734.2\n")


@pytest.fixture(scope="module")
def estudy(tmp_path_factory):
    path = tmp_path_factory.mktemp("clc") / "estudy.txt"
    path.write_text(ESTUDY, encoding="utf-8")
    return path


@pytest.mark.parametrize("name, text", [("estudy.txt", ESTUDY), ("noteexpress.net", NOTEEXPRESS)])
def test_the_classification_is_one_key_a_code_each(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (record,) = records_of(path)
    assert record["extra"]["classification"] == ["R445", "R734.2"]
    assert "clc" not in record["extra"]


@pytest.mark.parametrize("fmt, written", [("ris", ["CN  - R445", "CN  - R734.2"]), ("endnote", ["%L R445", "%L R734.2"]),
                                          ("bibtex", ["note = {CLC: R445; R734.2}"]),
                                          ("csl-json", ['"note": "CLC: R445; R734.2"'])])
def test_each_export_writes_the_classification_and_reads_it_back(tmp_path, estudy, fmt, written):
    out = tmp_path / f"out.{fmt}"
    result = run_cli("export", "--format", fmt, "--from", str(estudy), "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert all(w in text for w in written), text
    (record,) = records_of(out)
    assert record["extra"]["classification"] == ["R445", "R734.2"]
    assert not any("CLC" in n for n in record["extra"].get("notes", []))


def test_cnki_endnote_call_number_is_its_cn(tmp_path):
    """CNKI's EndNote export writes the journal's CN serial number in %L, the Call Number."""
    path = tmp_path / "cnki.txt"
    path.write_text("%0 Journal Article\n%A 王建国\n%T 题名\n%J 中华放射学杂志\n%D 2021\n%L 11-2149/R\n%W CNKI\n\n",
                    encoding="utf-8")
    (record,) = records_of(path)
    assert record["extra"]["cn"] == ["11-2149/R"] and "classification" not in record["extra"]


@pytest.mark.parametrize("value, extra", [
    ("R445;R734.2", {"classification": ["R445", "R734.2"]}),
    ("中图分类号：R445", {"classification": ["R445"]}),
    ("CN 11-2149/R", {"cn": ["11-2149/R"]}),
    ("11－2149/R", {"cn": ["11-2149/R"]}),
    ("11-2149/R;R445", {"cn": ["11-2149/R"], "classification": ["R445"]}),
    ("R445 11-2149/R", {"cn": ["11-2149/R"], "classification": ["R445"]}),
    ("Shelf 3, Box 12", {"call_number": ["Shelf 3, Box 12"]}),
    ("PMC1234567", {"call_number": ["PMC1234567"]}),
    ("12345678", {"call_number": ["12345678"]}),
    ("RC268.5 .C36 2010", {"call_number": ["RC268.5 .C36 2010"]}),
])
def test_an_endnote_call_number_is_a_classification_only_of_codes(tmp_path, value, extra):
    """%L is the classification only when it holds CLC codes (and CN serials) alone; a library's
    call number stays extra.call_number (regression of 7f73633)."""
    path = tmp_path / "call.enw"
    path.write_text(f"%0 Journal Article\n%A Smith, John\n%T Title\n%J Journal\n%D 2020\n%L {value}\n\n",
                    encoding="utf-8")
    (record,) = records_of(path)
    assert {k: record["extra"][k] for k in ("cn", "classification", "call_number") if k in record["extra"]} == extra


def test_show_and_search_find_the_classification(tmp_path, estudy):
    index = tmp_path / "index"
    result = run_cli("ingest", "-q", "--index", str(index), str(estudy))
    assert result.returncode == 0, result.stderr
    def hits(query: str) -> list[dict]:
        (answer,) = jsonl(run_cli("search", "--index", str(index), "--json", query).stdout)
        return answer["hits"]

    (hit,) = hits("clc:R445")
    assert [h["id"] for h in hits("clc:R73*")] == [hit["id"]] and not hits("clc:R44")
    shown = run_cli("show", "--index", str(index), hit["id"]).stdout
    assert "classification: R445; R734.2" in shown
