"""The readable view `show` prints: an abstract is wrapped only at its spaces, so a value
copied from the terminal is whole (no number, hyphenated term or run of Chinese cut in two)."""
from __future__ import annotations

from conftest import cleaned

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
