"""The readable view `show` prints: an abstract is wrapped only at its spaces, so a value
copied from the terminal is whole (no number, hyphenated term or run of Chinese cut in two)."""
from __future__ import annotations

import json

from conftest import cleaned, run_cli

from indexer.show import WIDTH, format_json

ABSTRACT = ("目的 探讨转化生长因子TGF-β1在大鼠肝纤维化中的表达及意义,观察其与胶原沉积、肝星状细胞活化及肝功能各项指标之间的关系,"
            "为临床上早期诊断和治疗肝纤维化提供实验依据,并比较不同剂量组之间的差异及其随时间的变化。方法 按每千克体重给药,剂量为10mg·kg-1,共8周,模型组与对照组各20只,"
            "检测血清及肝组织中TGF-β1的含量,并以免疫组织化学法观察其在肝组织中的分布。结果 模型组TGF-β1表达高于对照组,差异有统计学意义(P<0.05)。结论 TGF-β1参与肝纤维化的发生。"
            "This English sentence is long enough that it has to be wrapped over more than one line of the view.")


def test_an_abstract_is_wrapped_only_at_its_spaces(tmp_path):
    path = tmp_path / "a.ris"
    path.write_text(f"TY  - JOUR\nTI  - 肝纤维化大鼠模型中转化生长因子的表达\nAB  - {ABSTRACT}\nER  - \n", encoding="utf-8")
    [rec] = cleaned(path)
    assert rec["abstract"]["zh"] == ABSTRACT
    shown = format_json(rec)
    body = shown.split("abstract.zh: ", 1)[1].split("\n  sections.", 1)[0].split("\n")
    assert " ".join(line.strip() for line in body) == ABSTRACT  # nothing cut but at a space
    for token in ("TGF-β1", "(P<0.05)", "kg-1,"):
        assert any(token in line for line in body)
    assert len(body) > 1 and all(len(line) <= WIDTH for line in body[1:] if " " in line.strip())


THESIS_AND_STANDARD = """{Reference Type}: Thesis
{Title}: 基于深度学习的中文古籍文字识别研究
{Author}: 王小明
{Tertiary Author}: 李建国
{Publisher}: 浙江大学
{Type of Work}: 硕士
{Year}: 2021

{Reference Type}: Standard
{Title}: 信息与文献 参考文献著录规则
{Year}: 2015
{Number}: GB/T 7714-2015
{Date}: 2015-05-15
{Publisher}: 中国标准出版社

"""
PATENT_RW = """RT Patent
A1  施吉庆;   杨亮华
A2 扬中市旭禾管业制造有限公司
T1 不锈钢管的制造方法
FD 2020-04-17
ID CN111020404A
CL 发明公开
"""


def test_show_says_what_defines_a_thesis_patent_or_standard(tmp_path):
    # the source line says a year only: the university, degree and supervisor of a thesis, the
    # number, applicant and date of a patent or standard were in --json alone
    (tmp_path / "wf.net").write_text(THESIS_AND_STANDARD, encoding="utf-8")
    (tmp_path / "patent.txt").write_text(PATENT_RW, encoding="utf-8")
    index = str(tmp_path / "idx")
    assert run_cli("ingest", "-q", str(tmp_path), "--index", index).returncode == 0
    ids = [json.loads(line)["id"] for line in run_cli("export", "--index", index, "--format", "jsonl").stdout.splitlines()]
    shown = run_cli("show", "--index", index, *ids).stdout
    thesis, standard, patent = (next(b for b in shown.split("\n\n") if title in b)
                                for title in ("古籍", "参考文献著录规则", "不锈钢管"))
    for line in ("  university: 浙江大学", "  degree: 硕士", "  supervisors: 李建国"):
        assert line in thesis.splitlines()
    for line in ("  number: GB/T 7714-2015", "  publisher: 中国标准出版社", "  date: 2015-05-15"):
        assert line in standard.splitlines()
    for line in ("  number: CN111020404A", "  kind: 发明公开", "  applicant: 扬中市旭禾管业制造有限公司",
                 "  date: 2020-04-17"):
        assert line in patent.splitlines()


LONG_RIS = ("TY  - JOUR\nTI  - Spinal metastases from an unknown primary: a case report and a review of "
            "the literature on perioperative mortality\nAB  - Spinal metastases are common in patients with malignancies, "
            "but studies on those metastasized from unknown primaries are scarce due to the difficulty in treatment and "
            "the relatively poor prognosis of these patients.\nER  - \n")


def _clean_at(path, columns: str | None) -> str:
    import os
    import subprocess
    import sys

    from conftest import ROOT

    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env.update({"PYTHONIOENCODING": "utf-8", **({"COLUMNS": columns} if columns else {})})
    result = subprocess.run([sys.executable, str(ROOT / "cli.py"), "clean", str(path)], capture_output=True,
                            text=True, cwd=ROOT, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_view_fits_the_terminal_and_is_as_before_in_a_pipe(tmp_path):
    # an abstract was filled to 100 columns however wide the terminal, which cut its lines again
    # anywhere on 80 columns; a title's or a repair's line ran to 180 columns
    path = tmp_path / "long.ris"
    path.write_text(LONG_RIS, encoding="utf-8")
    narrow = _clean_at(path, "80")
    assert max(map(len, narrow.splitlines())) <= 80, narrow
    lines = narrow.splitlines()
    title = next(i for i, line in enumerate(lines) if line.startswith("  title.en: "))
    assert lines[title + 1].startswith("    ") and lines[title + 1].strip() in LONG_RIS   # under its field's text
    words = lambda text: " ".join(text.split())
    piped = _clean_at(path, None)
    assert words(narrow) == words(piped)                                     # the same words, filled
    assert any(len(line) > 80 for line in piped.splitlines())               # in a pipe: as before (100 wide)
    wide = _clean_at(path, "300")                                           # never wider than it was
    assert max(map(len, wide.splitlines())) <= WIDTH
    assert wide.split("  abstract.en: ")[1] == piped.split("  abstract.en: ")[1]
