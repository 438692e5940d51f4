"""A Chinese organisation's short name as an author (教育部, 国务院: the authors of policy
documents and statistics a thesis cites) is cited whole, not read as a person's name in pinyin
("JIAO Yubu, GUO Wuyuan")."""
from __future__ import annotations

import csv
import io

from conftest import jsonl, run_cli

RIS = """TY  - RPRT
AU  - 教育部
AU  - 国务院
TI  - 2020年全国教育事业发展统计公报
TT  - Statistical bulletin on national education development in 2020
PY  - 2021
PB  - 教育部
LA  - zh
ER  - 

TY  - JOUR
AU  - 张可佳
AU  - 北京医院
TI  - 脊柱转移瘤的外科治疗
TT  - Surgical treatment of spinal metastases
T2  - 中华骨科杂志
PY  - 2021
VL  - 41
IS  - 3
SP  - 150
EP  - 156
LA  - zh
ER  - 
"""


def export(tmp_path, fmt, *args):
    path = tmp_path / "policy.ris"
    path.write_text(RIS, encoding="utf-8")
    out = run_cli("export", "--from", str(path), "--format", fmt, *args)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_gbt7714_english_line_keeps_an_organisation_whole(tmp_path):
    text = export(tmp_path, "gbt7714", "--lang", "both")
    assert "教育部, 国务院. 2020年全国教育事业发展统计公报[R]" in text
    english = next(line for line in text.splitlines() if "Statistical bulletin" in line)
    assert english.strip().startswith("教育部, 国务院. Statistical bulletin"), english
    assert "JIAO" not in text and "GUO Wuyuan" not in text
    surgery = next(line for line in text.splitlines() if "Surgical treatment" in line)
    assert surgery.strip().startswith("ZHANG Kejia, 北京医院."), surgery   # the person still in pinyin


def test_vancouver_keeps_an_organisation_whole(tmp_path):
    text = export(tmp_path, "vancouver")
    assert "教育部, 国务院." in text and "Jiao Y" not in text
    assert "Zhang K, 北京医院." in text


def test_a_one_word_organisation_reads_back_whole(tmp_path):
    """A literal (organisation) author of one word, ISO, is written so that each reader reads it
    back whole (RIS, EndNote and CSV: a trailing comma, EndNote's corporate author), as one of
    several words (World Health Organization,) was; not {"family": "ISO", "given": ""}."""
    src = tmp_path / "org.json"
    src.write_text('[{"id": "s2", "type": "report", "title": "Audit data", "author": [{"literal": "ISO"}, '
                   '{"family": "Smith", "given": "John"}], "issued": {"date-parts": [[2019]]}}]', encoding="utf-8")
    for fmt, suffix in (("ris", "ris"), ("endnote", "enw"), ("csv", "csv")):
        out = tmp_path / f"back.{suffix}"
        assert run_cli("export", "--from", str(src), "-f", fmt, "-o", str(out)).returncode == 0
        (rec,) = jsonl(run_cli("clean", "--json", "-q", str(out)).stdout)
        assert [{k: v for k, v in a.items() if k != "lang"} for a in rec["authors"]] == \
            [{"literal": "ISO"}, {"family": "Smith", "given": "John"}], fmt


def test_a_korean_or_japanese_literal_name_is_written_without_a_comma(tmp_path):
    """A literal name in hangul or kana (홍길동, さくら), as one in Chinese characters, is one name
    anyway: written as it is, not with the trailing comma a Latin organisation's takes
    ("AU  - 홍길동,", CSV "홍길동,; 김철수,"), and read back whole."""
    src = tmp_path / "names.json"
    src.write_text('[{"id": "k1", "type": "article-journal", "title": "한국어 논문", "language": "ko", "author": '
                   '[{"literal": "홍길동"}, {"literal": "김철수"}], "issued": {"date-parts": [[2020]]}}, '
                   '{"id": "j1", "type": "article-journal", "title": "日本語の論文", "language": "ja", "author": '
                   '[{"literal": "さくら"}, {"literal": "スズキ ハナコ"}], "issued": {"date-parts": [[2019]]}}]',
                   encoding="utf-8")
    for fmt, suffix, tag in (("ris", "ris", "AU  - "), ("endnote", "enw", "%A "), ("csv", "csv", "")):
        out = tmp_path / f"back.{suffix}"
        assert run_cli("export", "--from", str(src), "-f", fmt, "-o", str(out)).returncode == 0
        text = out.read_text(encoding="utf-8-sig")
        if fmt == "csv":
            written = [row["authors"] for row in csv.DictReader(io.StringIO(text))]
            assert written == ["홍길동; 김철수", "さくら; スズキ ハナコ"], written
        else:
            written = [line for line in text.splitlines() if line.startswith(tag)]
            assert written == [tag + n for n in ("홍길동", "김철수", "さくら", "スズキ ハナコ")], (fmt, written)
        korean, japanese = jsonl(run_cli("clean", "--json", "-q", str(out)).stdout)
        assert [a.get("literal") or a.get("family") for a in korean["authors"]] == ["홍길동", "김철수"], fmt
        assert [a.get("literal") or a.get("family") for a in japanese["authors"]][0] == "さくら", fmt
