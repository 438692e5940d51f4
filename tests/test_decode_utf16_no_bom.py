"""UTF-16 without a byte-order mark whose text is mostly Chinese: too few NUL bytes to be told
by them (a Chinese character in UTF-16 has none), it had been rejected as binary.  It is told
by its line feeds instead; binary data and other encodings are read as before."""
from __future__ import annotations

import struct
import zlib

import pytest

from conftest import jsonl, needs_shared, run_cli
from indexer.readers.decode import DecodeError, decode_bytes

# A scraped page as Chinese databases show it: hardly any ASCII beside its line feeds.
PAGE = ("首页 > 期刊 > 文章详情\n"
        "新时代高校思想政治教育的实践路径与经验\n"
        "作者：王晓明\n"
        "出处：《教育研究与实验》 2023年 第三期 十二至十八页\n"
        "摘要：高校思想政治教育是落实立德树人根本任务的关键环节，关系到培养什么人、怎样培养人、"
        "为谁培养人这一根本问题。本文梳理了新时代高校思想政治教育的基本经验，指出其在课程建设、"
        "队伍建设、实践育人和网络育人等方面的主要做法，分析了当前工作中存在的问题，并从制度保障、"
        "协同机制和评价体系三个方面提出了改进的路径，以期为提高思想政治教育的实效性提供参考。"
        "研究表明，只有把思想政治工作贯穿教育教学全过程，才能实现全程育人和全方位育人。\n"
        "关键词：高校 思想政治教育 实践路径 立德树人\n")


def _clean(path) -> list[dict]:
    result = run_cli("clean", "--json", "-q", str(path))
    assert result.returncode == 0, result.stderr
    return jsonl(result.stdout)


def _comparable(record: dict) -> dict:
    """A record without what differs between copies of one file: its id, path and encoding."""
    record = {**record, "source": {**record["source"], "path": None}, "extra": dict(record.get("extra") or {})}
    record.pop("id")
    record["extra"].pop("encoding", None)
    return record


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("line_end", ["\n", "\r\n"])
def test_mostly_chinese_utf16_without_bom_reads_as_its_utf8_original(tmp_path, encoding, line_end):
    # Page 0020 of the clean-pages corpus in UTF-16 without a BOM: "binary file (NUL or
    # control bytes), not a text export", its raw text bytes.
    original, copy = tmp_path / "page.txt", tmp_path / "page16.txt"
    original.write_bytes(PAGE.encode("utf-8"))
    copy.write_bytes(PAGE.replace("\n", line_end).encode(encoding))
    assert copy.read_bytes().count(0) < len(copy.read_bytes()) // 20  # too few NULs to tell
    (expected,), (record,) = _clean(original), _clean(copy)
    assert record["extra"]["encoding"] == encoding
    assert record["title"] == {"zh": "新时代高校思想政治教育的实践路径与经验"}
    assert _comparable(record) == _comparable(expected)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_every_clean_page_in_utf16_without_bom_reads_as_its_utf8_original(tmp_path, encoding):
    # 27 of the 150 pages (those with little ASCII) had been rejected as binary in each byte order.
    raw = needs_shared("corpus", "clean-pages", "raw")
    copies = tmp_path / encoding
    copies.mkdir()
    for page in sorted(raw.glob("*.txt")):
        (copies / page.name).write_bytes(page.read_text(encoding="utf-8").encode(encoding))
    originals, records = run_cli("clean", "--json", "-q", str(raw)), run_cli("clean", "--json", "-q", str(copies))
    originals, records = jsonl(originals.stdout), jsonl(records.stdout)
    assert len(records) == len(originals) == 150
    for expected, record in zip(originals, records):
        if expected.get("failure"):  # a page no encoding makes a record of
            assert record.get("failure") and record["reason"] == expected["reason"]
            continue
        assert record["extra"]["encoding"] == encoding, record["source"]["path"]
        assert _comparable(record) == _comparable(expected), record["source"]["path"]


def _png(width: int = 40, height: int = 30) -> bytes:
    """A real PNG image (zlib-compressed rows), whose bytes hold NULs and line feeds."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    rows = b"".join(b"\x00" + bytes((x * y + 10) % 256 for x in range(width * 3)) for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def test_binary_data_with_utf16_line_feeds_stays_binary():
    # Line feeds as UTF-16 writes them (0A 00 at even offsets) in binary data do not make it text.
    for data in (_png(), _png(17, 9), _png()[1:], _png() + "\n".encode("utf-16-le") * 4):
        with pytest.raises(DecodeError, match="binary file"):
            decode_bytes(data)


@pytest.mark.parametrize("encoding,read_as", [("gbk", "gb18030"), ("gb18030", "gb18030"), ("utf-8", "utf-8")])
def test_other_encodings_are_not_taken_for_utf16(encoding, read_as):
    data = PAGE.encode(encoding)
    assert (decode_bytes(data).encoding, decode_bytes(data).text) == (read_as, PAGE)
    # with a stray NUL after a line feed (damage): still read in its own encoding
    damaged = data.replace(b"\n", b"\n\x00", 1)
    assert decode_bytes(damaged).encoding == read_as


def test_big5_is_not_taken_for_utf16():
    page = "國立臺灣大學醫學院\n臺灣地區脊椎轉移腫瘤患者的生活品質調查\n作者：林志明\n"
    assert decode_bytes(page.encode("big5")).encoding == "cp950"
    assert decode_bytes(page.encode("big5").replace(b"\n", b"\n\x00", 1)).encoding == "cp950"


def test_ascii_with_nul_bytes_after_its_line_feeds_is_not_read_as_chinese():
    # ASCII read in pairs as UTF-16 is Chinese characters (ab is 扡): NULs after its line feeds
    # put them where UTF-16 has them, and the text stays binary rather than rare characters.
    text = "TY  - JOUR\nTI  - Gastric cancer screening\nAU  - Li, Wei\nPY  - 2020\nER  - \n" * 3
    with pytest.raises(DecodeError, match="binary file"):
        decode_bytes(text.encode("ascii").replace(b"\n", b"\n\x00"))
