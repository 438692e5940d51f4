"""EndNote XML cases from a QA pass: a file saved again in another encoding with its
``encoding="UTF-8"`` declaration kept, and ``<style>`` runs in superscript or subscript."""
from __future__ import annotations

import pytest

from conftest import clean_items, needs_shared

RECORD = ('<?xml version="1.0" encoding="{declared}"?>\r\n<xml><records>\r\n<record>'
          '<ref-type name="Journal Article">17</ref-type><contributors><authors><author>Müller, Jörg</author>'
          '</authors></contributors><titles><title>EndNote XML record 基于深度学习</title></titles>'
          '<dates><year>2020</year></dates></record>\r\n</records></xml>\r\n')


def read(path, rc=0):
    result, records, failures = clean_items(path)
    assert result.returncode == rc, result.stderr
    return records, failures


def comparable(record: dict) -> dict:
    """A record without what names its file (the path, and the id and encoding drawn from it)."""
    record = dict(record, source=dict(record["source"], path=None), extra=dict(record["extra"]))
    record.pop("id")
    record["extra"].pop("encoding", None)
    return record


# Windows Notepad's "Unicode" save is UTF-16 with a byte-order mark, its "ANSI" save on a
# Chinese Windows GB18030 (GBK); both keep the declaration, which then no longer holds.
RESAVED = ("utf-16", "utf-16-le", "utf-16-be", "gb18030", "utf-8-sig")


@pytest.mark.parametrize("encoding", RESAVED)
def test_a_copy_saved_in_another_encoding_reads_as_the_utf8_original(tmp_path, encoding):
    text = RECORD.format(declared="UTF-8")
    (tmp_path / "utf8.xml").write_bytes(text.encode("utf-8"))
    (tmp_path / "copy.xml").write_bytes(text.encode(encoding))
    (original,), _ = read(tmp_path / "utf8.xml")
    records, failures = read(tmp_path / "copy.xml")
    assert failures == []
    assert [comparable(r) for r in records] == [comparable(original)]
    assert records[0]["title"] == {"zh": "EndNote XML record 基于深度学习"}
    assert records[0]["authors"][0]["family"] == "Müller"


@pytest.mark.parametrize("encoding", ["utf-16", "gb18030"])
def test_the_shared_endnote_export_saved_again_reads_record_by_record_as_the_original(tmp_path, encoding):
    source = needs_shared("corpus", "formats", "endnote-xml", "endnote-xml-01.txt")
    copy = tmp_path / "copy.xml"
    copy.write_bytes(source.read_text(encoding="utf-8").encode(encoding))
    originals, _ = read(source)
    records, failures = read(copy)
    assert failures == [] and len(records) == len(originals) == 9
    assert [comparable(r) for r in records] == [comparable(r) for r in originals]


def test_a_broken_record_of_a_utf16_file_keeps_readable_raw_text(tmp_path):
    text = RECORD.format(declared="UTF-8").replace("</record>", "</record>\r\n<record><titles><title>A & B 研究"
                                                               "</title></titles></record>", 1)
    path = tmp_path / "broken.xml"
    path.write_bytes(text.encode("utf-16"))
    records, (failure,) = read(path, rc=1)
    assert [r["title"] for r in records] == [{"zh": "EndNote XML record 基于深度学习"}]
    assert failure["line"] == 4 and "not well-formed" in failure["reason"]
    # (as in the UTF-8 file, but for its line ends: the text up to the end of the file)
    assert failure["raw"] == "<record><titles><title>A & B 研究</title></titles></record>\n</records></xml>"


def test_a_declared_legacy_encoding_is_still_read_as_declared(tmp_path):
    # a declaration naming the encoding the file is in holds; GBK, which expat cannot read, too
    cyrillic = RECORD.format(declared="windows-1251").replace("Müller, Jörg", "Иванов, Иван").replace(
        " 基于深度学习", "")
    (tmp_path / "ru.xml").write_bytes(cyrillic.encode("cp1251"))
    chinese = RECORD.format(declared="GBK").replace("Müller, Jörg", "张三")
    (tmp_path / "gbk.xml").write_bytes(chinese.encode("gbk"))
    (ru,), _ = read(tmp_path / "ru.xml")
    (zh,), _ = read(tmp_path / "gbk.xml")
    assert ru["authors"][0]["family"] == "Иванов"
    assert zh["title"] == {"zh": "EndNote XML record 基于深度学习"}
    assert "张三" in str(zh["authors"])


JAPANESE = RECORD.replace("Müller, Jörg", "山田, 太郎").replace(
    "EndNote XML record 基于深度学习", "高齢者のための地域包括ケアについての考察")


@pytest.mark.parametrize("declared,encoding,text", [
    ("Shift_JIS", "cp932", JAPANESE), ("EUC-JP", "euc_jp", JAPANESE),
    ("gb2312", "utf-8", RECORD.replace("Müller, Jörg", "张三"))])
def test_a_multi_byte_declaration_expat_cannot_read_is_read_as_decoded(tmp_path, declared, encoding, text):
    # expat reads no multi-byte encoding but Chinese ones the decoder's family matched: a
    # Japanese export declaring Shift_JIS or EUC-JP, and a UTF-8 file whose declaration says
    # gb2312 (Notepad's save as UTF-8 keeps it), had been one failure, "ValueError: multi-byte
    # encodings are not supported", expat's words
    path = tmp_path / "x.xml"
    path.write_bytes(text.format(declared=declared).encode(encoding))
    (record,), failures = read(path)
    assert not failures
    assert record["title"] in ({"ja": "高齢者のための地域包括ケアについての考察"}, {"zh": "EndNote XML record 基于深度学习"})
    assert "山田" in str(record["authors"]) or "张三" in str(record["authors"])


def style(face: str, text: str) -> str:
    return f'<style face="{face}" font="default" size="100%">{text}</style>'


def test_superscript_and_subscript_styles_read_as_unicode_forms(tmp_path):
    title = (style("normal", "Capture of CO") + style("subscript", "2") + style("normal", " by Fe")
             + style("bold superscript", "3+") + style("normal", " at V") + style("subscript", "max"))
    path = tmp_path / "styled.xml"
    path.write_text(RECORD.format(declared="UTF-8").replace("EndNote XML record 基于深度学习", title),
                    encoding="utf-8")
    (rec,), _ = read(path)
    assert rec["title"] == {"en": "Capture of CO₂ by Fe³⁺ at Vmax"}   # "max" has no subscript form


def test_styled_words_without_script_forms_stay_as_they_are():
    source = needs_shared("corpus", "formats", "endnote-xml", "endnote-xml-02.txt")
    (rec,), _ = read(source)
    assert rec["title"]["en"].startswith("Plain Bold Italics Underline Superscript Subscript SymbolFont")


def test_style_runs_nested_thousands_deep_are_read_in_order(tmp_path):
    """``<style>`` runs nested deeper than Python's recursion (1,000) in a damaged or hostile
    file: the record's title is their text in order, not "RecursionError" (it was)."""
    depth = 3000
    title = ('<style face="normal">' * depth + 'Deep<style face="subscript">2</style> nest' + "</style>" * depth
             + ' and <style face="normal">a<style face="italic">b</style>c</style>d')
    (tmp_path / "deep.xml").write_text(RECORD.format(declared="UTF-8").replace("EndNote XML record 基于深度学习", title),
                                       encoding="utf-8")
    (record,), _ = read(tmp_path / "deep.xml")
    assert record["title"] == {"en": "Deep₂ nest and abcd"}


def test_a_pubmed_records_accession_number_is_its_pmid(tmp_path):
    # EndNote's XML of a record from PubMed: <accession-num> with <remote-database-name>PubMed; the
    # same record's tagged export (%M, %~ PubMed) gave a PMID, the XML only extra.accession
    from indexer.cleaner import clean_paths
    body = ('<record><ref-type name="Journal Article">17</ref-type><titles><title>T</title></titles>'
            '<dates><year>2020</year></dates><accession-num>{acc}</accession-num>'
            '<custom2>PMC7654321</custom2>{db}</record>')
    path = tmp_path / "pubmed.xml"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?><xml><records>'
                    + body.format(acc="32111111", db="<remote-database-name>PubMed</remote-database-name>")
                    + body.format(acc="WOS:000123", db="<remote-database-provider>Clarivate</remote-database-provider>")
                    + '</records></xml>', encoding="utf-8")
    pubmed, other = [r.to_json() for r in clean_paths([str(path)])]
    assert (pubmed["extra"]["pmid"], pubmed["extra"]["pmcid"]) == (["32111111"], ["PMC7654321"])
    assert "pmid" not in other["extra"] and "pmcid" not in other["extra"]
