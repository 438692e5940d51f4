"""Files as Windows programs leave them and as users join them (a QA pass of such files): a
DOS end-of-file mark, NUL padding, two exports in two encodings in one file."""
from __future__ import annotations

import codecs

import pytest

from indexer.readers import read_file
from indexer.readers.decode import open_text
from indexer.record import Failure, Record

RIS = ("TY  - JOUR\nTI  - 诚信宣传方法辨析\nAU  - 谭远慧\nDP  - CNKI\nER  - \n\n"
       "TY  - JOUR\nTI  - 企业党员干部队伍建设问题研究\nAU  - 徐敏\nDP  - CNKI\nER  - \n")
CSV = "Title,Authors,Year\r\n阿霉素抗4T1乳腺癌荷瘤小鼠的免疫调控机制,张楠; 曹晓东,2020\r\n"
ENDNOTE_XML = ('<?xml version="1.0" encoding="UTF-8"?><xml><records><record><ref-type name="Journal Article">17'
               '</ref-type><titles><title>诚信宣传方法辨析</title></titles><contributors><authors><author>谭远慧'
               '</author></authors></contributors></record></records></xml>\n')


def items(path) -> tuple[list[Record], list[Failure]]:
    read = list(read_file(str(path)))
    return [i for i in read if isinstance(i, Record)], [i for i in read if isinstance(i, Failure)]


@pytest.mark.parametrize("name,data,titles", [
    ("ctrlz.ris", RIS.encode() + b"\x1a", 2),
    ("ctrlz-crlf.ris", RIS.replace("\n", "\r\n").encode("gbk") + b"\x1a", 2),
    ("ctrlz-utf16.ris", codecs.BOM_UTF16_LE + (RIS + "\x1a").encode("utf-16-le"), 2),
    ("ctrlz.csv", CSV.encode() + b"\x1a\r\n", 1),
    ("ctrlz.xml", ENDNOTE_XML.encode() + b"\x1a", 1),
])
def test_a_final_ctrl_z_is_no_text(tmp_path, name, data, titles):
    # DOS's end-of-file mark after the last line had been a line outside any record (a failure
    # per file), an empty record in a CSV, "CNKI\x1a" in the last record's values, and XML
    # that is not well-formed.
    path = tmp_path / name
    path.write_bytes(data)
    records, failures = items(path)
    assert not failures
    assert len(records) == titles
    assert not any("\x1a" in str(r) for r in records)
    assert not any("\x1a" in line for line in open_text(str(path)).lines())


def test_a_ctrl_z_inside_the_text_stays_text(tmp_path):
    # only the file's end is padding: the mark anywhere else is a control character the cleaner drops
    path = tmp_path / "inside.ris"
    path.write_bytes(RIS.replace("DP  - CNKI\nER", "DP  - CNKI\x1a\nER", 1).encode())
    assert sum("\x1a" in line for line in open_text(str(path)).lines()) == 1


PAGE = "%0 Thesis\n%A 胡婕伦\n%T 大粒车前子多糖体内外消化与酵解特征体系构建\n%D 2014\n%I 南昌大学\n%9 博士\n%W CNKI\n"


@pytest.mark.parametrize("name,data", [
    ("padded.txt", PAGE.encode() + bytes(1024)),  # padded to a block's size
    ("padded-utf16.txt", codecs.BOM_UTF16_LE + PAGE.encode("utf-16-le") + bytes(1024)),
    ("padded-ctrlz.txt", PAGE.encode("gbk") + b"\x1a" + bytes(511)),
    ("stray.txt", PAGE.replace("\n", "\x00\n", 5).encode()),  # five stray NULs in a small file
])
def test_nul_padding_and_stray_nuls_are_no_binary_data(tmp_path, name, data):
    # a file under 8 KB padded with NULs, or with five stray ones, had been rejected whole as
    # binary (README: "a stray NUL byte is dropped")
    path = tmp_path / name
    path.write_bytes(data)
    records, failures = items(path)
    assert not failures
    (record,) = records
    assert "大粒车前子多糖体内外消化与酵解特征体系构建" in str(record)
    assert not any("\x00" in line for line in open_text(str(path)).lines())


def test_binary_data_is_still_binary(tmp_path):
    path = tmp_path / "data.txt"
    path.write_bytes(bytes(range(256)) * 8)
    (failure,) = items(path)[1]
    assert "binary file" in failure.reason


UTF8_RECORD = "TY  - JOUR\nTI  - 基于深度学习的图像识别\nAU  - 王建国\nER  - \n\n"
GBK_RECORD = ("TY  - JOUR\nTI  - 城市规划研究\nAU  - 鲁迅\nAU  - 姚帅\nKW  - 模式\nKW  - 硕士\nKW  - chirp-z变换\n"
              "KW  - 学校\nER  - \n")


def lines_of(path) -> list[str]:
    return list(open_text(str(path)).lines())


def test_gbk_lines_valid_as_utf8_in_a_gbk_part_are_gbk(tmp_path):
    # A UTF-8 export then a GBK one: short GBK lines are valid UTF-8 too, and had been read so,
    # silently (AU 鲁迅 was ³Ѹ, 模式 ģʽ, 学校 ѧУ; chirp-z变换, one bad byte in UTF-8, chirp-z�任).
    path = tmp_path / "joined.ris"
    path.write_bytes(UTF8_RECORD.encode() + GBK_RECORD.encode("gbk"))
    assert "".join(line + "\n" for line in lines_of(path)) == UTF8_RECORD + GBK_RECORD
    # and Big5 after UTF-8: 鉬靶 in Big5 is UTF-8 \u0ef9v, a character no text holds
    big5 = ("{Title}: 乳腺MRI與鉬靶診斷乳腺癌價值的臨床研究\n{Abstract}: 目的 探討乳腺癌術後患者的生活品質及其相關因素。"
            "方法 以問卷調查一百名患者。\n{Keywords}:  鉬靶\n")
    path.write_bytes(UTF8_RECORD.encode() + big5.encode("big5"))
    assert lines_of(path)[5:] == big5.splitlines()


def test_utf8_lines_stay_utf8_after_a_gbk_part(tmp_path):
    # what a GBK line read as UTF-8 gives is not what text in UTF-8 holds: accented letters
    # inside words, a Greek letter, Cyrillic words stay as they are
    utf8 = ("TY  - JOUR\nTI  - Qualité de vie après chirurgie\nAU  - Müller, Jürgen\nAU  - Иванов, И.\n"
            "AB  - Nestle\u0301 (β\u00a0=\u00a00.304), 10 μm², phosphatase ϵ (cyt-PTPe)\nER  - \n")
    path = tmp_path / "joined.ris"
    path.write_bytes(b"TY  - JOUR\n" + "TI  - 城市规划研究\n".encode("gbk") + b"ER  - \n\n" + utf8.encode())
    assert lines_of(path)[4:] == utf8.splitlines()
    # and Chinese in UTF-8 that GB18030 reads too, with private-use characters (关键词 as 鍏抽敭璇嶅…)
    utf8 = "关键词外感高热症 痰热清注射液\n下载 收藏 在线阅读\n"
    path.write_bytes("首页 > 期刊 > 期刊论文\n痰热清注射液治疗秋冬季外感高热症60例\n".encode("gbk") + utf8.encode())
    assert lines_of(path)[2:] == utf8.splitlines()


def test_a_gbk_part_after_the_head_of_a_large_file_is_read_line_by_line(tmp_path):
    # A file over 16 MB is told by its first megabyte: a GBK export joined after a large UTF-8
    # one had been U+FFFD runs, its records with no issue.
    from indexer.readers.decode import WHOLE_FILE_CHECK
    path = tmp_path / "big.ris"
    record = UTF8_RECORD.encode()
    gbk = "TY  - JOUR\nTI  - 城市规划研究进展\nAU  - 王建国\nKW  - 城市规划\nER  - \n"
    with open(path, "wb") as fh:
        fh.write(record * (WHOLE_FILE_CHECK // len(record) + 1))
        fh.write(gbk.encode("gbk"))
    source = open_text(str(path))
    assert source.lossy and source.encoding == "utf-8/gb18030"
    lines = list(source.lines())
    assert lines[-5:] == gbk.splitlines() and lines[:2] == UTF8_RECORD.splitlines()[:2]


def test_a_byte_order_mark_inside_a_line_joins_no_file(tmp_path):
    # A U+FEFF inside a line had parted it as where another file starts (README's cat a b):
    # a CSV row became two records, 6-10 became '6-1 0', 1000-0054 an ISBN.  Only one at a
    # line's start, or right after a record's end (a file with no final newline), starts a part.
    csv = tmp_path / "bom.csv"
    csv.write_text("Title,Authors,Journal,Year\n《“零距离”的电视新闻理念》一文的更正,王建国,\ufeff上海对外经贸大学学报,2015\n"
                   "诚信宣传方法辨析,谭远慧,牡丹江医学院学报,2008\n", encoding="utf-8")
    records, failures = items(csv)
    assert len(records) == 2 and not failures
    assert "\ufeff" not in str(records[0]) and "上海对外经贸大学学报" in str(records[0])
    ris = tmp_path / "bom.ris"
    ris.write_text("TY  - JOUR\nTI  - 建筑业企业生产情况\nKW  - 6-1\ufeff0 按行业分\nSN  - 1000-\ufeff0054\nER  - \ufeff"
                   "TY  - JOUR\nTI  - 诚信宣传方法辨析\nER  - \n", encoding="utf-8")
    records, failures = items(ris)
    assert len(records) == 2 and not failures
    assert "'6-10 按行业分'" in str(records[0]) and "'1000-0054'" in str(records[0]) and "\ufeff" not in str(records)


JAPANESE = ("TY  - JOUR\nTI  - 高齢者における転倒予防プログラムの効果に関する研究\nAU  - 山田太郎\nAU  - 鈴木花子\n"
            "KW  - 転倒予防\nKW  - 高齢者\nER  - \n\nTY  - JOUR\nTI  - 学校保健における睡眠教育の実践\nAU  - 佐藤健一\nER  - \n")


@pytest.mark.parametrize("encoding,read_as", [("shift_jis", "cp932"), ("cp932", "cp932"), ("euc_jp", "euc_jp")])
def test_japanese_exports_are_read_as_japanese(tmp_path, encoding, read_as):
    # CiNii's and old Japanese exports in Shift-JIS or EUC-JP had been read as GB18030: every
    # title mojibake (崅楊幰偵偍偗傞 for 高齢者における, 光勿荚における in EUC-JP), no issue
    path = tmp_path / "cinii.ris"
    path.write_bytes(JAPANESE.encode(encoding))
    source = open_text(str(path))
    assert source.encoding == read_as
    assert list(source.lines()) == JAPANESE.splitlines()


KANJI_ONLY = ("TY  - JOUR\nAU  - 中村, 直樹\nTI  - 地域医療連携体制構築\nJO  - 日本公衆衛生雑誌\nPY  - 2019\nER  - \n\n"
              "TY  - JOUR\nAU  - 小林 幸子\nTI  - 看護師教育課程評価\nPY  - 2020\nER  - \n")


@pytest.mark.parametrize("encoding,read_as", [("cp932", "cp932"), ("euc_jp", "euc_jp")])
def test_japanese_exports_of_kanji_only_are_read_as_japanese(tmp_path, encoding, read_as):
    # CiNii's and J-STAGE's titles and names are mostly kanji: without a fifth of kana they had
    # been read as GB18030 (中村 as 拞懞, 医療 as 堛椕), filed as Chinese with no issue
    path = tmp_path / "cinii.ris"
    path.write_bytes(KANJI_ONLY.encode(encoding))
    source = open_text(str(path))
    assert source.encoding == read_as
    assert list(source.lines()) == KANJI_ONLY.splitlines()


def test_chinese_of_han_only_stays_gbk(tmp_path):
    # GB2312's bytes are nearly all valid EUC-JP: read so they give kanji of all kinds, few common
    text = "TY  - JOUR\nAU  - 王建国\nTI  - 基于深度学习的图像识别研究\nKW  - 网络犯罪\nKW  - 凤凰山铜矿床\nER  - \n"
    path = tmp_path / "cnki.ris"
    path.write_bytes(text.encode("gbk"))
    assert open_text(str(path)).encoding == "gb18030"


KOREAN = ("TY  - JOUR\nAU  - 박민준\nTI  - 지역사회 노인의 건강 관리와 사회적 지원\nKW  - 노인\nPY  - 2021\nER  - \n\n"
          "TY  - JOUR\nAU  - 정수진\nTI  - 韓國 敎育의 歷史的 變化\nER  - \n")


@pytest.mark.parametrize("encoding", ["euc_kr", "cp949"])
def test_korean_exports_are_read_as_korean(tmp_path, encoding):
    # KCI's and RISS's EUC-KR exports are valid GB18030 too: they had been read so, hangul as
    # Chinese characters of little use (노인 as 畴牢), filed as Chinese with no issue
    path = tmp_path / "kci.ris"
    path.write_bytes(KOREAN.encode(encoding))
    source = open_text(str(path))
    assert source.encoding == "cp949"
    assert list(source.lines()) == KOREAN.splitlines()


@pytest.mark.parametrize("title", ["肝癌", "齲齒", "糖尿病足潰瘍照護", "骨質疏鬆症", "憂鬱症與睡眠"])
def test_a_short_big5_record_is_read_as_big5(tmp_path, title):
    # an author, a title and a year hold too few common characters to tell: they had been read
    # as GBK (蔡淑娟 as 讲睶甋, 糖尿病足潰瘍照護 as 縸Э痜ì检号酚臔), its rare characters and a
    # Cyrillic letter between Chinese ones notwithstanding
    text = f"TY  - JOUR\nAU  - 蔡淑娟\nTI  - {title}\nPY  - 2015\nER  - \n"
    path = tmp_path / "airiti.ris"
    path.write_bytes(text.encode("cp950"))
    source = open_text(str(path))
    assert source.encoding == "cp950"
    assert list(source.lines()) == text.splitlines()


def test_a_gbk_file_ending_in_utf8_cut_inside_a_character_is_read(tmp_path):
    # a line at the end, cut inside a GB18030 character, had raised UnicodeDecodeError out of
    # the decoder: a traceback that stopped the batch (the review of the decoding changes)
    path = tmp_path / "cut_mixed.ris"
    path.write_bytes("TY  - JOUR\nTI  - 胃癌研究\n".encode("gbk") + "KW  - 中文中".encode())
    records, failures = items(path)
    assert not failures and [r.raw["titles"] for r in records] == [[("胃癌研究", 2)]]
    assert records[0].raw["keyword"] == [("中文中", 3)]


GBK_PART = ("TY  - JOUR\nAU  - 刘洋\nTI  - 基于深度学习的图像识别研究\nT2  - 计算机学报\n"
            "AB  - 本文提出了一种新方法，结果表明：准确率提高了５％。\nER  - \n\n")
JOINED_TO_GBK = {
    "cp950": "TY  - JOUR\nAU  - 張偉明\nAU  - 陳淑芬\nTI  - 臺灣地區高齡者生活品質與社會支持之關係研究：以臺北市為例\nER  - \n",
    "cp932": "TY  - JOUR\nAU  - 山田, 太郎\nTI  - 高齢者の生活の質に関する研究：地域包括ケアシステムの視点から\nER  - \n",
    "cp949": "TY  - JOUR\nAU  - 박민준\nTI  - 지역사회 노인의 건강 관리와 사회적 지원에 관한 연구\nER  - \n",
}


@pytest.mark.parametrize("encoding", JOINED_TO_GBK)
@pytest.mark.parametrize("gbk_first", [True, False])
def test_a_gbk_export_joined_to_a_big5_japanese_or_korean_one_is_read_line_by_line(tmp_path, encoding, gbk_first):
    # `copy /b cnki.ris airiti.ris all.ris`: all of it is valid GB18030, and was read so, the
    # Big5 (Shift-JIS, EUC-KR) half mojibake (張偉明 as 眎岸) with no issue; a UTF-8 export
    # joined to a Shift-JIS one was read as UTF-8 and GB18030 (高齢者 as 崅楊幰)
    gbk, other = GBK_PART.encode("gbk"), JOINED_TO_GBK[encoding].encode(encoding)
    path = tmp_path / "joined.ris"
    path.write_bytes(gbk + other if gbk_first else other + b"\n" + gbk)
    source = open_text(str(path))
    assert source.lossy and source.encoding.startswith("utf-8/") and encoding in source.encoding
    assert [line for line in source.lines() if line] == [
        line for line in (GBK_PART + JOINED_TO_GBK[encoding] if gbk_first else JOINED_TO_GBK[encoding] + GBK_PART).split("\n") if line]
    path.write_bytes(GBK_PART.encode() + other)
    assert list(open_text(str(path)).lines()) == (GBK_PART + JOINED_TO_GBK[encoding]).splitlines()
    records, failures = items(path)
    assert not failures and all("not one encoding" in r.issues[-1] for r in records)


def test_a_gbk_file_of_short_keywords_stays_gbk(tmp_path):
    # too short for each line to tell: the file is one encoding, GBK, as a whole tells
    text = "".join(f"TY  - JOUR\nTI  - {t}\nKW  - {k}\nKW  - 《春秋》\nAU  - 肖傑芳\nER  - \n\n" for t, k in [
        ("肝癌", "肝癌"), ("论《曲藻》", "公羊传"), ("胃癌", "幽门螺杆菌"), ("网络犯罪", "凤凰山铜矿床")])
    path = tmp_path / "keywords.ris"
    path.write_bytes(text.encode("gbk"))
    source = open_text(str(path))
    assert source.encoding == "gb18030" and not source.lossy


def test_the_lines_of_a_joined_file_are_judged_once_and_no_more_than_the_cap(tmp_path, monkeypatch):
    # a GBK export joined to a Big5 one had its lines judged three times (decode_bytes, its
    # retry as if cut, open_text's encoding), and 10,001-19,999 lines were all judged of a cap of 10,000
    from indexer.readers import decode
    told, judged = [], []
    tell, judge = decode._line_encodings, decode._line_encoding
    monkeypatch.setattr(decode, "_line_encodings", lambda lines: told.append(1) or tell(lines))
    monkeypatch.setattr(decode, "_line_encoding", lambda line: judged.append(1) or judge(line))
    path = tmp_path / "joined.ris"
    path.write_bytes(GBK_PART.encode("gbk") + JOINED_TO_GBK["cp950"].encode("cp950"))
    assert open_text(str(path)).encoding == "utf-8/gb18030+cp950"
    assert len(told) == 1
    judged.clear()
    assert tell(["TI  - 基于深度学习的图像识别研究".encode("gbk")] * 15_000) is None
    assert len(judged) == 10_000
