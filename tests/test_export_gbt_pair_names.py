"""GB/T 7714's English line of a merged Chinese/English pair names its Chinese authors as the
Chinese record does (GB/T 28039: ``WANG Jianguo``), not cut to one initial (``WANG J``, which
drops a character: §8.1.2 gives one initial a character)."""
from __future__ import annotations

from conftest import run_cli



def _ris(title: str, authors: tuple[str, str], journal: str) -> str:
    tagged = [("TY", "JOUR"), ("TI", title), *(("AU", a) for a in authors), ("PY", "2021"), ("JO", journal),
              ("VL", "41"), ("IS", "3"), ("SP", "150"), ("EP", "156"), ("ER", "")]
    return "".join(f"{tag}  - {value}\n" for tag, value in tagged)


ZH = _ris("原发灶不明脊柱转移瘤的外科治疗", ("王建国", "刘海燕"), "中华骨科杂志")
EN = _ris("Surgical treatment of spinal metastases of unknown primary", ("Wang, Jianguo", "Liu, Haiyan"),
          "Chinese Journal of Orthopaedics")


def test_a_merged_pair_names_its_authors_in_full_pinyin(tmp_path):
    (tmp_path / "zh.ris").write_text(ZH, encoding="utf-8")
    (tmp_path / "en.ris").write_text(EN, encoding="utf-8")
    index = tmp_path / "idx"
    assert run_cli("ingest", str(tmp_path / "zh.ris"), str(tmp_path / "en.ris"), "--index", str(index)).returncode == 0
    applied = run_cli("dedup", "--apply", "--all", "--index", str(index))
    assert applied.returncode == 0, applied.stderr
    out = run_cli("export", "--index", str(index), "--format", "gbt7714", "--lang", "both")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "[1] 王建国, 刘海燕. 原发灶不明脊柱转移瘤的外科治疗[J]. 中华骨科杂志, 2021, 41(3): 150-156."
    assert lines[1].strip() == ("WANG Jianguo, LIU Haiyan. Surgical treatment of spinal metastases of unknown "
                                "primary[J]. Chinese Journal of Orthopaedics, 2021, 41(3): 150-156.")


def test_an_english_record_alone_keeps_its_initials(tmp_path):
    # no Chinese name beside it: nothing says Jianguo is two characters
    (tmp_path / "en.ris").write_text(EN, encoding="utf-8")
    out = run_cli("export", "--from", str(tmp_path / "en.ris"), "--format", "gbt7714")
    assert out.stdout.startswith("[1] WANG J, LIU H. Surgical treatment"), out.stdout
