"""Input encodings: UTF-8 with and without BOM, UTF-16, GB18030/GBK and Big5 files."""
from __future__ import annotations

import codecs

import pytest

from conftest import DATA, jsonl, run_cli
from indexer.readers.decode import open_text

PAGE = (DATA / "pages" / "cnki-bare-lines.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding,prefix", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-le", b""), ("gb18030", b""), ("gbk", b""),
])
def test_page_in_any_encoding_cleans_the_same(tmp_path, encoding, prefix):
    path = tmp_path / "page.txt"
    path.write_bytes(prefix + PAGE.encode(encoding))
    result = run_cli("clean", "--json", "-q", str(path))
    assert result.returncode == 0, result.stderr
    (record,) = jsonl(result.stdout)
    assert record["title"]["zh"] == "认罪认罚从宽制度在轻罪案件中的适用"
    assert record["keywords"]["zh"] == ["认罪认罚", "轻罪", "诉讼效率"]


def test_big5_is_told_from_gbk(tmp_path):
    # Taiwan's and Hong Kong's exports come in Big5, which is nearly always valid GBK too
    # (read as rare characters); the same record in GBK stays GBK.
    ris = ("TY  - JOUR\nTI  - 臺灣地區脊椎轉移腫瘤患者的生活品質調查\nAU  - 林志明\nAU  - 黃淑芬\n"
           "AB  - 目的：探討脊椎轉移腫瘤患者的生活品質及其相關因素。方法：以問卷調查一百名患者。\n"
           "KW  - 生活品質\nKW  - 脊椎\nER  - \n\n"
           "TY  - JOUR\nTI  - 國中學生數學學習態度之研究\nAU  - 陳建國\nER  - \n")
    for encoding, read_as in (("big5", "cp950"), ("gbk", "gb18030")):
        path = tmp_path / f"{encoding}.ris"
        path.write_bytes(ris.encode(encoding))
        result = run_cli("clean", "--json", "-q", str(path))
        assert result.returncode == 0, result.stderr
        records = jsonl(result.stdout)
        assert [r["title"]["zh"] for r in records] == ["臺灣地區脊椎轉移腫瘤患者的生活品質調查", "國中學生數學學習態度之研究"]
        assert records[0]["keywords"]["zh"] == ["生活品質", "脊椎"]
        assert records[1]["extra"]["encoding"] == read_as


def test_cyrillic_utf8_is_not_taken_for_gbk(tmp_path):
    # A few GBK characters are valid UTF-8 (摘要 reads ժҪ) and are taken for GBK; a UTF-8
    # export in Russian (../shared's digital_work has such titles) read as GBK was rare
    # Chinese characters (Платформенная → 袩谢邪褌褎芯褉屑械薪薪邪褟), its language zh.
    ru, gbk = tmp_path / "ru.ris", tmp_path / "gbk.ris"
    ru.write_text("TY  - JOUR\nTI  - Платформенная занятость: масштабы и признаки неустойчивости.\n"
                  "AU  - Иванов, И.\nPY  - 2020\nER  - \n", encoding="utf-8")
    gbk.write_bytes("TY  - JOUR\nTI  - 摘要\nER  - \n".encode("gbk"))
    assert gbk.read_bytes().decode("utf-8").splitlines()[1] == "TI  - ժҪ"      # valid UTF-8
    (rec,) = jsonl(run_cli("clean", "--json", "-q", str(ru)).stdout)
    assert rec["title"] == {"ru": "Платформенная занятость: масштабы и признаки неустойчивости."}
    assert (rec["language"], rec["extra"]["encoding"]) == ("ru", "utf-8")
    (rec,) = jsonl(run_cli("clean", "--json", "-q", str(gbk)).stdout)
    assert (rec["title"], rec["extra"]["encoding"]) == ({"zh": "摘要"}, "gb18030")


def test_a_western_windows_export_is_cp1252(tmp_path):
    # An old EndNote export made in Europe is in Windows' Western code page: not UTF-8, and
    # GB18030 read "Müller" as "M黮ler" (each accented letter and the next as one character).
    # Alone, and joined to a UTF-8 Chinese export.
    western = "TY  - JOUR\nTI  - Die Stadt und das Bürgertum: eine Studie über Café-Kultur\nAU  - Müller, Hans\nER  - \n"
    alone, joined = tmp_path / "w.ris", tmp_path / "joined.ris"
    alone.write_bytes(western.encode("cp1252"))
    joined.write_bytes(western.encode("cp1252") + "TY  - JOUR\nTI  - 脊柱转移瘤的外科治疗\nER  - \n".encode("utf-8"))
    (rec,) = jsonl(run_cli("clean", "--json", "-q", str(alone)).stdout)
    assert rec["title"]["de"] == "Die Stadt und das Bürgertum: eine Studie über Café-Kultur"
    assert (rec["authors"][0]["family"], rec["extra"]["encoding"]) == ("Müller", "cp1252")
    first, second = jsonl(run_cli("clean", "--json", "-q", str(joined)).stdout)
    assert first["authors"][0]["family"] == "Müller" and second["title"] == {"zh": "脊柱转移瘤的外科治疗"}
    assert "UTF-8 or else Windows-1252" in first["issues"][0]


PORTUGUESE = ("TY  - JOUR\r\nAU  - da Silva, João\r\nAU  - Gonçalves, Luís\r\n"
              "TI  - Avaliação da função renal em idosos\r\nJO  - Jornal Brasileiro de Nefrologia\r\n"
              "PY  - 2017\r\nER  - \r\n")
EUROPEAN_BIB = """@article{dupont2018,
  author = {Dupont, François and Le Gall, Hélène and de Saint-Exupéry, Antoine},
  title = {L'{\\'e}valuation de la qualit{\\'e} de vie},
  year = {2018}
}

@article{silva2017,
  author = {da Silva, João and dos Santos, Conceição and Gonçalves, Luís},
  title = {Avaliação da função renal em idosos: um estudo transversal},
  year = {2017}
}
"""


def test_a_portuguese_windows_export_is_cp1252_not_gbk(tmp_path):
    # Portuguese puts two accented letters side by side (ção, ão), which GB18030 read as one
    # rare Chinese character: the title was "Avalia玢o da fun玢o renal", the authors
    # "Jo鉶" and "Gon鏰lves", in zh, and extra.encoding gb18030 with no word of it.
    ris, bib = tmp_path / "pt.ris", tmp_path / "eu.bib"
    ris.write_bytes(PORTUGUESE.encode("cp1252"))
    bib.write_bytes(EUROPEAN_BIB.encode("cp1252"))
    (rec,) = jsonl(run_cli("clean", "--json", "-q", str(ris)).stdout)
    assert rec["title"] == {"pt": "Avaliação da função renal em idosos"}
    assert [(a["family"], a["given"]) for a in rec["authors"]] == [("da Silva", "João"), ("Gonçalves", "Luís")]
    assert rec["extra"]["encoding"] == "cp1252"
    french, portuguese = jsonl(run_cli("clean", "--json", "-q", str(bib)).stdout)
    assert [a["given"] for a in french["authors"]] == ["François", "Hélène", "Antoine"]
    assert [a["given"] for a in portuguese["authors"]] == ["João", "Conceição", "Luís"]
    assert portuguese["title"] == {"pt": "Avaliação da função renal em idosos: um estudo transversal"}


def test_a_windows_export_ending_in_an_accented_letter_is_cp1252(tmp_path):
    # an ASCII file whose last byte is é (no newline after "André") read as UTF-8 cut short,
    # "Andr\ufffd"; UTF-8 cut inside a character after UTF-8 text, or two bytes of one, or a lead
    # byte no Windows word ends with (Ã: UTF-8's é cut; å: a Chinese character's), stays so
    path = tmp_path / "last.ris"
    path.write_bytes("TY  - JOUR\r\nTI  - Evaluation of renal function\r\nAU  - Messias, André".encode("cp1252"))
    (rec,) = jsonl(run_cli("clean", "--json", "-q", str(path)).stdout)
    assert rec["authors"][0]["given"] == "André" and rec["extra"]["encoding"] == "cp1252"
    for cut in ("TY  - JOUR\nTI  - 胃癌 胃".encode()[:-1], "TY  - JOUR\nTI  - Cut 胃".encode()[:-1],
                "TY  - JOUR\nTI  - Cut André".encode()[:-1], "TY  - JOUR\nTI  - Cut Zhang大".encode()[:-2]):
        path.write_bytes(cut)
        (rec,) = jsonl(run_cli("clean", "--json", "-q", str(path)).stdout)
        assert rec["title"]["zh" if "胃癌" in str(rec["title"]) else "en"].endswith("\ufffd"), rec["title"]
        assert rec["extra"]["encoding"] == "utf-8"


@pytest.mark.parametrize("fields", [
    ["TI  - 基于COVID-19的研究"],
    ["KW  - CT与MRI", "AU  - 刘洋"],                 # 与 in cp1252 is Óë, 刘洋 ÁõÑó
    ["KW  - PPP模式", "KW  - p53基因"],
    ["KW  - IL-6与TNF-α"],
    ["KW  - HIV坡", "KW  - 岩DNA"],                  # HIVÆÂ, ÑÒDNA: two accented capitals in a word
    ["TI  - Müller细胞与视网膜", "KW  - Müller"],
])
def test_short_chinese_among_latin_words_stays_gbk(tmp_path, fields):
    # a GBK file whose only Chinese is a few characters in a field or two, glued to Latin
    # words: Windows' Western code page reads each pair of its bytes as two accented letters
    text = ("TY  - JOUR\nTI  - Effects of exercise on blood pressure in elderly patients\n"
            "AU  - Smith, John\nPY  - 2020\n" + "\n".join(fields) + "\nER  - \n")
    path = tmp_path / "gbk.ris"
    path.write_bytes(text.encode("gbk"))
    source = open_text(str(path))
    assert (source.encoding, list(source.lines())) == ("gb18030", text.splitlines())


def test_windows_line_ends(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(PAGE.replace("\n", "\r\n").encode("utf-8"))
    (record,) = jsonl(run_cli("clean", "--json", "-q", str(path)).stdout)
    assert record["authors"][2] == {"literal": "欧阳明", "lang": "zh"}


def test_exports_in_two_encodings_concatenated(tmp_path):
    # A UTF-8 export and a GBK one joined into one file (CRLF in the GBK part, a BOM at the
    # start): each line is read in the encoding it is valid in, and a byte valid in neither
    # is replaced, and said so on every record of the file.
    utf8 = "TY  - JOUR\nTI  - 肺癌的研究\nAU  - 张三\nER  - \n\n".encode("utf-8")
    gbk = "TY  - JOUR\r\nTI  - 胃癌的研究进展\r\nAU  - 李四\r\nER  - \r\n\r\n".encode("gbk")
    broken = "TY  - JOUR\nTI  - 肝癌".encode("utf-8") + b"\xff" + "筛查\nER  - \n".encode("utf-8")
    path = tmp_path / "joined.ris"
    path.write_bytes(codecs.BOM_UTF8 + utf8 + gbk + broken)
    result = run_cli("clean", "--json", "-q", str(path))
    assert result.returncode == 0, result.stderr
    records = jsonl(result.stdout)
    assert [r["title"]["zh"] for r in records] == ["肺癌的研究", "胃癌的研究进展", "肝癌\ufffd筛查"]
    assert [a["literal"] for r in records for a in r["authors"]] == ["张三", "李四"]
    assert all("not one encoding" in r["issues"][0] for r in records)


def test_a_big5_export_joined_to_a_utf8_one(tmp_path):
    # A Taiwan database's Big5 export after a UTF-8 one: the lines that are not UTF-8 are
    # read as Big5, judged on all of them together as a whole file is (not as GBK: 蘶芖).
    utf8 = "TY  - JOUR\nTI  - 肺癌的研究\nER  - \n\n".encode("utf-8")
    big5 = ("TY  - JOUR\nTI  - 臺灣地區脊椎轉移腫瘤患者的生活品質調查\nAU  - 黃淑芬\n"
            "AB  - 目的：探討脊椎轉移腫瘤患者的生活品質及其相關因素。\nER  - \n").encode("big5")
    path = tmp_path / "joined.ris"
    path.write_bytes(utf8 + big5)
    records = jsonl(run_cli("clean", "--json", "-q", str(path)).stdout)
    assert [r["title"]["zh"] for r in records] == ["肺癌的研究", "臺灣地區脊椎轉移腫瘤患者的生活品質調查"]
    assert records[1]["authors"] == [{"literal": "黃淑芬", "lang": "zh"}]
    assert records[1]["extra"]["encoding"] == "utf-8/cp950"


def test_files_that_are_no_export_say_what_they_are_and_what_to_do(tmp_path):
    import sqlite3

    (tmp_path / "paper.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n")
    (tmp_path / "notes.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    sqlite3.connect(tmp_path / "records.sqlite").execute("CREATE TABLE t (x)").connection.commit()
    # (ZIP, 7z, RAR, tar and gzip archives are read: see test_archive)
    names = ("paper.pdf", "notes.doc", "records.sqlite")
    result = run_cli("clean", "--json", "-q", *(str(tmp_path / n) for n in names))
    assert result.returncode == 1
    reasons = {f["path"].rsplit("/", 1)[-1]: f["reason"] for f in jsonl(result.stdout)}
    assert reasons["paper.pdf"].startswith("binary file, a PDF: not a text export; export the records")
    assert "old Office file" in reasons["notes.doc"] and "named .xls" in reasons["notes.doc"]
    assert "export the records from the database" in reasons["notes.doc"]   # a Word file: what to do
    assert "SQLite database" in reasons["records.sqlite"] and "--index" in reasons["records.sqlite"]


@pytest.mark.parametrize("script", [70_000, 300_000])
def test_a_saved_page_whose_head_holds_long_scripts_is_told_by_its_text(tmp_path, script):
    """A page saved as HTML with more inline script and style in its head than the head a
    format is told by: its shown text comes after, and tells it (it was an unknown format)."""
    code = "var x = {a: 1, b: 'abc'};\n" * (script // 26)
    page = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>知网</title>"
            f"<script>{code}</script><style>p {{ margin: 0 }}\n{'.a{color:red}' * 999}</style></head><body>"
            "<h1>认罪认罚从宽制度在轻罪案件中的适用</h1><p>作者：王建国</p><p>摘要：研究了认罪认罚制度的适用。</p>"
            "<p>关键词：认罪认罚；轻罪</p></body></html>")
    path = tmp_path / "saved.html"
    path.write_text(page, encoding="utf-8")
    result = run_cli("clean", "--json", "-q", str(path))
    assert result.returncode == 0, result.stderr
    (record,) = jsonl(result.stdout)
    assert (record["source"]["format"], record["title"]["zh"]) == ("scraped-page", "认罪认罚从宽制度在轻罪案件中的适用")
    assert record["keywords"]["zh"] == ["认罪认罚", "轻罪"]
