"""Damaged GBK, Big5 and UTF-8 files (found by a QA pass of messy inputs): a download cut inside
its last character, one junk byte or line.  One bad byte must not decide a file's encoding nor
garble the lines around it."""
from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from conftest import clean_items
from indexer.readers.base import CUT_SHORT
from indexer.readers.decode import decode_line, open_text

FORMATS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "formats"

# Three NoteExpress records, Traditional (a Taiwan export, in Big5) and Simplified (in GBK).
NOTEEXPRESS_TRAD = (
    "{Reference Type}: Journal Article\n{Title}: 乳腺癌術後患者婚姻質量與負性情緒的相關性\n"
    "{Author}: 張偉明\n{Author}: 陳建國\n{Year}: 2020\n{Abstract}: 目的 探討乳腺癌術後患者婚姻質量與負性情緒的關係。\n\n"
    "{Reference Type}: Journal Article\n{Title}: 臺灣地區脊椎轉移腫瘤患者的生活品質調查\n"
    "{Author}: 林志明\n{Year}: 2019\n{Abstract}: 目的 探討脊椎轉移腫瘤患者的生活品質及其相關因素。\n\n"
    "{Reference Type}: Journal Article\n{Title}: 國中學生數學學習態度之研究\n"
    "{Author}: 黃淑芬\n{Year}: 2021\n{Abstract}: 目的 了解國中學生的數學學習態度與學習成績的關係。\n")
NOTEEXPRESS_SIMP = (NOTEEXPRESS_TRAD.replace("乳腺癌術後患者婚姻質量與負性情緒的相關性", "乳腺癌术后患者婚姻质量与负性情绪的相关性")
                    .replace("目的 探討乳腺癌術後患者婚姻質量與負性情緒的關係。", "目的 探讨乳腺癌术后患者婚姻质量与负性情绪的关系。")
                    .replace("臺灣地區脊椎轉移腫瘤患者的生活品質調查", "台湾地区脊椎转移肿瘤患者的生活质量调查")
                    .replace("目的 探討脊椎轉移腫瘤患者的生活品質及其相關因素。", "目的 探讨脊椎转移肿瘤患者的生活质量及其相关因素。")
                    .replace("國中學生數學學習態度之研究", "初中学生数学学习态度的研究")
                    .replace("目的 了解國中學生的數學學習態度與學習成績的關係。", "目的 了解初中学生的数学学习态度与学习成绩的关系。")
                    .replace("張偉明", "张伟明").replace("陳建國", "陈建国").replace("黃淑芬", "黄淑芬"))
TITLES_TRAD = ["乳腺癌術後患者婚姻質量與負性情緒的相關性", "臺灣地區脊椎轉移腫瘤患者的生活品質調查", "國中學生數學學習態度之研究"]
TITLES_SIMP = ["乳腺癌术后患者婚姻质量与负性情绪的相关性", "台湾地区脊椎转移肿瘤患者的生活质量调查", "初中学生数学学习态度的研究"]


def test_big5_cut_inside_its_last_character_stays_big5(tmp_path):
    # Read as GBK, every title was mojibake (乳腺癌… became ㄅ涪砾砃…), exit 0.
    path = tmp_path / "big5_cut.net"
    data = NOTEEXPRESS_TRAD.encode("big5")
    path.write_bytes(data[:-4])  # 關係。\n without 係's second byte, 。 and the line end
    result, records, failures = clean_items(path)
    assert result.returncode == 0 and not failures
    assert [r["title"]["zh"] for r in records] == TITLES_TRAD
    assert [r["extra"]["encoding"] for r in records] == ["cp950"] * 3
    assert records[2]["abstract"]["zh"] == "目的 了解國中學生的數學學習態度與學習成績的關\ufffd"


def test_big5_with_a_junk_line_is_read_as_big5(tmp_path):
    # One line valid in neither UTF-8 nor Big5: the other lines are still Big5, not GB18030.
    path = tmp_path / "big5_junk.net"
    first, rest = NOTEEXPRESS_TRAD.split("\n\n", 1)
    path.write_bytes(first.encode("big5") + b"\n\n\x80\xff\n\n" + rest.encode("big5"))
    result, records, failures = clean_items(path)
    assert result.returncode == 0
    assert [r["title"]["zh"] for r in records] == TITLES_TRAD
    assert records[0]["extra"]["encoding"] == "utf-8/cp950"


def test_gbk_cut_inside_its_last_character_keeps_its_last_line(tmp_path):
    # The last line had been read as UTF-8 with replacements: 'Ŀ�� ̽ӑ…', tagged Bengali.
    path = tmp_path / "gbk_cut.net"
    data = NOTEEXPRESS_SIMP.encode("gbk")
    path.write_bytes(data[:-4])  # 关系。\n without 系's second byte
    result, records, failures = clean_items(path)
    assert result.returncode == 0 and not failures
    assert [r["title"]["zh"] for r in records] == TITLES_SIMP
    assert records[2]["abstract"] == {"zh": "目的 了解初中学生的数学学习态度与学习成绩的关\ufffd"}
    assert records[2]["extra"]["encoding"] == "gb18030"
    assert [len(r["issues"]) for r in records] == [0, 0, 1] and CUT_SHORT in records[2]["issues"][0]   # (1ad8354)


def test_a_gbk_line_cut_inside_a_character_in_a_mixed_file_is_gbk():
    # A UTF-8 export joined to a GBK one is read line by line; a GBK line with a bad byte was
    # read as UTF-8 with replacements; it is GBK with one U+FFFD.
    line = "{Abstract}: 目的 探讨乳腺癌术后患者婚姻质量与负性情绪的关系".encode("gbk")
    assert decode_line(line[:-1]) == "{Abstract}: 目的 探讨乳腺癌术后患者婚姻质量与负性情绪的关\ufffd"
    assert decode_line(line[:19] + b"\xff" + line[19:]) == "{Abstract}: 目的 探\ufffd讨乳腺癌术后患者婚姻质量与负性情绪的关系"
    big5 = "{Abstract}: 目的 探討乳腺癌術後患者婚姻質量與負性情緒的關係".encode("big5")
    assert decode_line(big5[:-1], "cp950") == "{Abstract}: 目的 探討乳腺癌術後患者婚姻質量與負性情緒的關\ufffd"
    # a UTF-8 line with a damaged byte stays UTF-8; binary junk is not read as rare Chinese
    assert decode_line("目的 探讨乳腺癌".encode()[:-1] + b"!") == "目的 探讨乳腺\ufffd!"
    junk = bytes(range(0x80, 0x100)) * 2
    assert decode_line(junk) == junk.decode("utf-8", errors="replace")


ESTUDY = ("DataType: 1\nTitle-题名: {}\nAuthor-作者: 张伟明;陈建国\nSource-刊名: 中国妇幼保健\nYear-年: 2020\n"
          "Summary-摘要: 目的 探讨乳腺癌术后患者婚姻质量与负性情绪的关系。\n\n")


def test_an_estudy_export_in_gbk_with_a_junk_line_keeps_its_format(tmp_path):
    # The format was sniffed on the file read as UTF-8 with replacements ('Title-����:'): unknown format, exit 1.
    titles = [f"乳腺癌术后患者婚姻质量的研究之{n}" for n in "一二三四"]
    records_gbk = [ESTUDY.format(t).encode("gbk") for t in titles]
    path = tmp_path / "estudy_junk.txt"
    path.write_bytes(b"".join(records_gbk[:2]) + b"\x80\xff\n" + b"".join(records_gbk[2:]))
    result, records, failures = clean_items(path)
    assert result.returncode == 0, result.stderr
    assert [r["title"]["zh"] for r in records] == titles
    assert {r["source"]["format"] for r in records} == {"estudy"}
    assert records[0]["abstract"] == {"zh": "目的 探讨乳腺癌术后患者婚姻质量与负性情绪的关系。"}


def test_open_text_head_is_read_as_the_body(tmp_path):
    path = tmp_path / "h.txt"
    path.write_bytes(ESTUDY.format("胃癌").encode("gbk") + b"\x80\xff\n")
    source = open_text(str(path))
    assert source.head.startswith("DataType: 1\nTitle-题名: 胃癌\n")
    assert source.head == "\n".join(source.lines()) + "\n"


@pytest.mark.parametrize("encoding", ["gbk", "big5"])
def test_the_shared_estudy_export_in_gbk_or_big5_with_a_junk_line(tmp_path, encoding):
    # cnki-estudy-demo.txt in GBK or Big5 with one junk line: 0 of 12 records had been read.
    demo = FORMATS / "cnki-estudy" / "cnki-estudy-demo.txt"
    if not demo.exists():
        pytest.skip("../shared/corpus/formats is not here")
    text = demo.read_text(encoding="utf-8-sig")
    if encoding == "big5":
        import opencc
        text = opencc.OpenCC("s2t").convert(text)
    lines = text.encode(encoding, errors="replace").splitlines(keepends=True)
    third = [i for i, line in enumerate(lines) if line.startswith(b"DataType:")][2]
    path = tmp_path / f"estudy_{encoding}.txt"
    path.write_bytes(b"".join(lines[:third]) + b"\x80\xff\n" + b"".join(lines[third:]))
    utf8 = tmp_path / "estudy_utf8.txt"
    utf8.write_bytes(text.encode(encoding, errors="replace").decode(encoding).encode())
    _, expected, _ = clean_items(utf8)
    result, records, failures = clean_items(path)
    assert result.returncode == 0, result.stderr
    assert len(records) == len(expected) == 12
    assert [r["title"] for r in records] == [r["title"] for r in expected]
    assert {r["extra"]["encoding"] for r in records} == {"utf-8/" + ("gb18030" if encoding == "gbk" else "cp950")}


def test_utf8_cut_inside_its_last_character_is_utf8(tmp_path):
    # A download cut inside its last character had made the whole file "not one encoding"
    # (utf-8/gb18030, an issue on every record).
    path = tmp_path / "cut.net"
    data = NOTEEXPRESS_SIMP.encode()
    path.write_bytes(data[:-5])  # 系。\n without 系's last byte
    result, records, failures = clean_items(path)
    assert result.returncode == 0 and not failures
    assert [r["title"]["zh"] for r in records] == TITLES_SIMP
    assert all(r["extra"]["encoding"] == "utf-8" for r in records)
    assert [len(r["issues"]) for r in records] == [0, 0, 1] and CUT_SHORT in records[2]["issues"][0]   # the last only
    assert records[2]["abstract"] == {"zh": "目的 了解初中学生的数学学习态度与学习成绩的关\ufffd"}
    source = open_text(str(path))
    assert (source.encoding, source.lossy, source.cut) == ("utf-8", False, True)


@pytest.mark.parametrize("title", ["中文标题", "基于深度学习的肺结节检测研究"])
def test_a_short_utf8_file_cut_inside_its_last_character_is_not_read_as_gb18030(tmp_path, title):
    # English, then a Chinese title cut inside its last character: its bytes read whole as
    # GB18030 (涓枃鏍囬), and that strict decoding came before the UTF-8 one with a cut character
    path = tmp_path / "cut.ris"
    path.write_bytes(f"TY  - JOUR\nTI  - An English paper\nAU  - Smith, J\nER  - \n\nTY  - JOUR\nTI  - {title}"
                     .encode()[:-2])  # one byte of its last character left
    result, records, failures = clean_items(path)
    assert result.returncode == 0 and not failures
    assert [r["title"] for r in records] == [{"en": "An English paper"}, {"zh": title[:-1] + "\ufffd"}]
    assert all(r["extra"]["encoding"] == "utf-8" for r in records) and CUT_SHORT in records[1]["issues"][0]
    source = open_text(str(path))
    assert (source.encoding, source.lossy, source.cut) == ("utf-8", False, True)


def test_the_shared_wanfang_export_cut_inside_its_last_character(tmp_path):
    demo = FORMATS / "wanfang-noteexpress" / "wanfang-demo.net"
    if not demo.exists():
        pytest.skip("../shared/corpus/formats is not here")
    # cut at its middle, inside a character (as the QA's download was: 7 of its 12 records)
    data = demo.read_bytes()
    middle = next(n for n in range(len(data) // 2, len(data)) if 0x80 <= data[n] < 0xc0)
    cut = tmp_path / "cut.net"
    cut.write_bytes(data[:middle])
    _, expected, _ = clean_items(demo)
    result, records, failures = clean_items(cut)
    assert result.returncode == 0 and not failures
    assert [r["title"] for r in records] == [r["title"] for r in expected[:len(records)]]
    assert [r["extra"]["encoding"] for r in records] == [expected[0]["extra"]["encoding"]] * len(records)
    assert not any(r["issues"] for r in records[:-1])
    assert records[-1]["abstract"]["zh"].endswith("\ufffd")


def test_utf16_cut_after_an_odd_byte_is_utf16(tmp_path):
    # An odd number of bytes after a UTF-16 byte-order mark had been "not UTF-16": no records.
    path = tmp_path / "u16.net"
    path.write_bytes(codecs.BOM_UTF16_LE + NOTEEXPRESS_SIMP.encode("utf-16-le")[:-1])
    result, records, failures = clean_items(path)
    assert result.returncode == 0 and not failures, result.stderr
    assert [r["title"]["zh"] for r in records] == TITLES_SIMP


@pytest.mark.parametrize("encoding, bom", [("utf-32-le", codecs.BOM_UTF32_LE), ("utf-32-be", codecs.BOM_UTF32_BE)])
def test_a_whole_utf32_file_is_not_cut_short(tmp_path, encoding, bom):
    # The zeros of its last line feed (0a 00 00 00) had been taken for NUL padding: "the file
    # ends inside a character", and ingest kept the last record's earlier version.
    from indexer.readers import read_file
    path = tmp_path / "u32.ris"
    text = "TY  - JOUR\nTI  - 乳腺癌术后患者婚姻质量\nER  - \n\nTY  - JOUR\nTI  - 脊椎转移肿瘤\nER  - \n"
    path.write_bytes(bom + text.encode(encoding))
    assert not open_text(str(path)).cut
    path.write_bytes(bom + text.encode(encoding) + bytes(8))  # padding after it is still left out
    items = list(read_file(str(path)))
    assert len(items) == 2 and not open_text(str(path)).cut
    assert not any(CUT_SHORT in issue for r in items for issue in r.issues)
