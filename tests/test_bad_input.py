"""Broken input found by fuzzing the readers: each case once crashed, stopped its file or
its whole batch, or lost records silently.  The rule: every record read is in the output
or reported as a failure with its raw text, and one bad record never stops a batch.
Inputs are written here, by hand."""
from __future__ import annotations

import json
import re

from conftest import DATA, clean_items, titles_kept

from indexer.readers import read_file
from indexer.readers.base import REGISTRY
from indexer.record import Failure, Record, Source


def clean(path, *options):
    result, records, failures = clean_items(path, *options)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == (1 if failures else 0), result.stderr
    return records, failures


def clean_text(tmp_path, name, text):
    """``clean`` of a file ``name`` holding ``text`` (UTF-8)."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return clean(path)


def titles(records):
    return [next(iter(r["title"].values()), None) for r in records]


# ---------------------------------------------------------------- CSV
def test_csv_cell_longer_than_the_csv_modules_limit(tmp_path):
    records, failures = clean_text(
        tmp_path, "long.csv", f'title,authors,year\nfirst,Li,2019\n"{"x" * 200_000}",Wang,2020\nsecond,Zhao,2021\n')
    assert not failures
    assert titles(records) == ["first", "x" * 200_000, "second"]


def test_csv_quote_that_never_closes_does_not_swallow_the_rows_after_it(tmp_path):
    records, failures = clean_text(
        tmp_path, "unclosed.csv",
        'title,authors,year\nfirst,Li,2020\n"second,Wang,2021\nthird,Zhao,2022\nfourth,"Sun",2023\n')
    assert not failures
    assert titles(records) == ["first", "second", "third", "fourth"]
    assert [r["year"] for r in records] == [2020, 2021, 2022, 2023]
    assert [r["source"]["line"] for r in records] == [2, 3, 4, 5]
    assert any("quote" in issue and ":3:" in issue for issue in records[1]["issues"])


def test_csv_quoted_cell_over_two_lines(tmp_path):
    records, failures = clean_text(
        tmp_path, "multiline.csv",
        'title,authors,abstract\nfirst,Li,"Line one\nline two, with a comma"\nsecond,Wang,x\n')
    assert not failures
    assert records[0]["abstract"]["en"] == "Line one\nline two, with a comma"   # the line break kept
    assert [r["source"]["line"] for r in records] == [2, 4]                   # each row's first line


# ---------------------------------------------------------------- CSL-JSON
def test_csl_json_item_of_the_wrong_shape_is_one_failure(tmp_path):
    path = tmp_path / "items.json"
    items = [{"title": "Numbers for names", "author": [{"family": 3}]},
             {"title": "A date of letters", "issued": {"date-parts": {"x": 1}}},
             {"title": "Fine", "author": [{"family": "Li", "given": "Wei"}]}]
    path.write_text(json.dumps(items, indent=1), encoding="utf-8")
    records, failures = clean(path)
    assert titles(records) == ["Fine"]
    assert len(failures) == 2 and all("cannot parse record" in f["reason"] for f in failures)
    assert "Numbers for names" in failures[0]["raw"] and "A date of letters" in failures[1]["raw"]


def test_csl_json_cut_off_array_keeps_the_items_before_the_cut(tmp_path):
    path = tmp_path / "cut.json"
    text = json.dumps([{"title": "One", "author": [{"family": "Li"}]},
                       {"title": "Two", "author": [{"family": "Wang"}]},
                       {"title": "Three", "author": [{"family": "Zhao"}]}], indent=1)
    path.write_text(text[:text.index('"Three"') + 4], encoding="utf-8")
    records, (failure,) = clean(path)
    assert titles(records) == ["One", "Two"]
    assert failure["raw"].startswith("{") and '"Th' in failure["raw"]
    assert failure["line"] == text[:text.index('"Three"')].count("\n")   # the line of the item's "{"
    # and where JSON stopped: the string "Th… that never ends, at its line and column in the file
    line = text[:text.index('"Three"')].count("\n") + 1
    column = text.index('"Three"') - text.rfind("\n", 0, text.index('"Three"'))
    assert f"Unterminated string starting at line {line}, column {column}" in failure["reason"]


def test_csl_json_broken_item_fails_alone(tmp_path):
    # a trailing comma in one item, a missing comma in another: the items after each had become one failure
    text = ('[\n {"title": "One", "author": [{"family": "Li"}]},\n'
            ' {"title": "Two", "author": [{"family": "Wang"}],},\n'
            ' {"title": "Three", "note": "a } and a \\" in a string"},\n'
            ' {"title": "Four" "author": [{"family": "Zhao"}]},\n'
            ' {"title": "Five"}\n]\n')
    records, failures = clean_text(tmp_path, "broken.json", text)
    assert titles(records) == ["One", "Three", "Five"]
    assert [(f["line"], f["raw"]) for f in failures] == [
        (3, '{"title": "Two", "author": [{"family": "Wang"}],}'), (5, '{"title": "Four" "author": [{"family": "Zhao"}]}')]
    assert all("the rest of the file" not in f["reason"] for f in failures)
    assert [r["source"]["line"] for r in records] == [2, 4, 6]


def test_csl_json_nested_too_deep_is_a_failure(tmp_path):
    records, (failure,) = clean_text(
        tmp_path, "deep.json",
        '[{"title": "Fine", "author": [{"family": "Li"}]},\n {"title": "x", "note": '
        + "[" * 5000 + "]" * 5000 + "}]")
    assert titles(records) == ["Fine"]
    assert failure["line"] == 2 and "not valid JSON" in failure["reason"]


# ---------------------------------------------------------------- BibTeX
def test_bibtex_macros_that_double_forty_times_are_refused(tmp_path):
    lines = ['@string{s0 = "xx"}'] + [f"@string{{s{i} = s{i - 1} # s{i - 1}}}" for i in range(1, 40)]
    records, failures = clean_text(
        tmp_path, "macros.bib", "\n".join(lines + ["@article{ok, title = {Fine}, author = {Li, Wei}}"]) + "\n")
    assert titles(records) == ["Fine"]
    assert failures and all("longer than" in f["reason"] for f in failures)


def test_bibtex_entry_that_lost_its_at_sign_is_reported(tmp_path):
    records, (failure,) = clean_text(
        tmp_path, "lost.bib",
        "% written by hand\nA list of what I read.\n\n"
        "@article{a, title = {First}, author = {Li, Wei}}\n\n"
        "article{b,\n  title = {Lost its at},\n  author = {Wang, Fang}\n}\n\n"
        "@article{c, title = {Third}, author = {Zhao, Lei}}\n")
    assert titles(records) == ["First", "Third"]                  # the comment before is no failure
    assert failure["line"] == 6 and "Lost its at" in failure["raw"]


# ---------------------------------------------------------------- XML
def test_endnote_xml_bare_ampersand_fails_one_record_not_the_file(tmp_path):
    text = (DATA / "formats" / "endnote-xml" / "records.xml").read_text(encoding="utf-8")
    third = "<record><ref-type name=\"Journal Article\">17</ref-type><titles><title>Third</title></titles>" \
            "<contributors><authors><author>Zhao, Lei</author></authors></contributors></record>\n"
    text = text.replace("</records>", third + "</records>")
    text = text.replace("<secondary-title>中华骨科杂志", "<secondary-title>中华骨科杂志 & 增刊", 1)
    records, (failure,) = clean_text(tmp_path, "amp.xml", text)
    assert titles(records) == ["基于深度学习的目标检测", "Third"]
    assert failure["line"] == 3 and "增刊" in failure["raw"] and "外科治疗" in failure["raw"]
    assert "line 6" in failure["reason"]                          # where expat stopped, in the file


def test_pubmed_xml_undefined_entity_fails_one_article(tmp_path):
    article = ("<PubmedArticle><MedlineCitation><PMID>{pmid}</PMID><Article><ArticleTitle>{title}</ArticleTitle>"
               "<AuthorList><Author><LastName>Li</LastName><ForeName>Wei</ForeName></Author></AuthorList>"
               "</Article></MedlineCitation></PubmedArticle>\n")
    path = tmp_path / "entity.xml"
    path.write_text('<?xml version="1.0"?>\n<PubmedArticleSet>\n'
                    + article.format(pmid=1, title="First") + article.format(pmid=2, title="Bad&nbsp;one")
                    + article.format(pmid=3, title="Third") + "</PubmedArticleSet>\n", encoding="utf-8")
    records, (failure,) = clean(path)
    assert titles(records) == ["First", "Third"]
    assert failure["line"] == 4 and "Bad&nbsp;one" in failure["raw"] and "undefined entity" in failure["reason"]


def _endnote(*titles_, missing_end=None, start_twice=None, sep="\n"):
    """An EndNote XML export of records titled ``titles_``, one record's end tag left out or its start tag written twice."""
    records = []
    for n, title in enumerate(titles_):
        start = "<record>" + (sep + "<record>" if n == start_twice else "")
        end = "" if n == missing_end else "</record>"
        records.append(f'{start}{sep}<ref-type name="Journal Article">17</ref-type><titles><title>{title}</title>'
                       f"</titles>{sep}{end}")
    return f'<?xml version="1.0" encoding="UTF-8"?>{sep}<xml><records>{sep}' + sep.join(records) + f"{sep}</records></xml>{sep}"


def test_xml_record_without_its_end_tag_fails_alone(tmp_path):
    # a record that lost </record>: the records after it had become one failure with it
    records, (failure,) = clean_text(tmp_path, "noend.xml", _endnote("One", "Two", "Three", "Four", missing_end=1))
    assert titles(records) == ["One", "Three", "Four"]
    assert failure["line"] == 6 and "Two" in failure["raw"] and "Three" not in failure["raw"]
    assert "not closed" in failure["reason"] and "line 9" in failure["reason"]
    assert [r["source"]["line"] for r in records] == [3, 9, 12]


def test_xml_record_start_tag_written_twice_loses_no_record(tmp_path):
    records, (failure,) = clean_text(tmp_path, "dup.xml", _endnote("One", "Two", "Three", start_twice=1))
    assert titles(records) == ["One", "Two", "Three"]
    assert failure["line"] == 6 and failure["raw"] == "<record>\n"
    article = ("<PubmedArticle><MedlineCitation><PMID>{n}</PMID><Article><ArticleTitle>PubMed {n}</ArticleTitle>"
               "</Article></MedlineCitation>{end}\n")
    text = ('<?xml version="1.0"?>\n<PubmedArticleSet>\n' + article.format(n=1, end="</PubmedArticle>")
            + "<PubmedArticle>\n" + "".join(article.format(n=n, end="</PubmedArticle>") for n in (2, 3))
            + "</PubmedArticleSet>\n")
    records, (failure,) = clean_text(tmp_path, "dup_pubmed.xml", text)
    assert titles(records) == ["PubMed 1", "PubMed 2", "PubMed 3"] and failure["line"] == 4


def test_xml_records_on_one_line_one_without_its_end_tag_fails_alone(tmp_path):
    # the failure's raw text ends where the next record's start tag begins on the line
    text = _endnote("One", "Two", "Three", missing_end=1, sep="").replace("</records>", "\n</records>")
    records, (failure,) = clean_text(tmp_path, "noend1.xml", text)
    assert titles(records) == ["One", "Three"]
    assert failure["raw"].startswith("<?xml") and failure["raw"].endswith("<title>Two</title></titles>")


# ---------------------------------------------------------------- a reader that breaks
class _BreaksAfterOne:
    """A reader with a bug: one record, then an exception (the kind of error fuzzing found)."""
    name, aliases, suffixes = "breaks-after-one", (), ()

    def sniff(self, head):
        return 0.0

    def read(self, source):
        rec = Record(Source(path=source.path, format=self.name, record=1, line=1), raw_text="first line")
        rec.raw["titles"] = [("first line", 1)]
        yield rec
        raise KeyError(0)


def test_a_reader_that_raises_leaves_the_rest_of_its_file_as_one_failure(tmp_path):
    path = tmp_path / "three.txt"
    path.write_text("first line\nsecond line\nthird line\n", encoding="utf-8")
    REGISTRY[_BreaksAfterOne.name] = _BreaksAfterOne()
    try:
        items = list(read_file(str(path), _BreaksAfterOne.name))
    finally:
        del REGISTRY[_BreaksAfterOne.name]
    record, failure = items
    assert isinstance(record, Record) and isinstance(failure, Failure)
    assert failure.line == 2 and failure.raw == "second line\nthird line"
    assert "KeyError" in failure.reason


def test_a_bad_file_does_not_stop_the_batch(tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "a_broken.csv").write_text('title,authors\n"' + "x" * 200_000 + '\nsecond,Li\n', encoding="utf-8")
    (folder / "b_good.ris").write_text("TY  - JOUR\nTI  - Still read\nAU  - Li, Wei\nER  - \n", encoding="utf-8")
    records, _ = clean(folder)
    assert "Still read" in titles(records)


# ---------------------------------------------------------------- damaged text exports
def test_a_stray_nul_byte_does_not_make_an_export_binary(tmp_path):
    record = "TY  - JOUR\nTI  - Paper {n}\nAU  - Li, Wei\nER  - \n\n"
    text = "".join(record.format(n=n) for n in range(1, 4)).encode("utf-8")
    path = tmp_path / "nul.ris"
    path.write_bytes(text[:30] + b"\x00" + text[30:])
    records, failures = clean(path)
    assert not failures and titles(records) == ["Paper 1", "Paper 2", "Paper 3"]
    mixed = tmp_path / "nul_mixed.ris"             # the same in a file of UTF-8 and GBK lines (and a byte of neither)
    mixed.write_bytes(text[:30] + b"\x00" + text[30:] + "TY  - JOUR\nTI  - 胃癌\nER  - \n".encode("gbk")
                      + "TY  - JOUR\nTI  - 肺癌".encode("utf-8") + b"\xff\nER  - \n")
    records, failures = clean(mixed)
    assert not failures and titles(records) == ["Paper 1", "Paper 2", "Paper 3", "胃癌", "肺癌\ufffd"]
    assert records[0]["authors"][0]["family"] == "Li" and "\x00" not in json.dumps(records)
    many = tmp_path / "zeros.ris"                  # mostly NUL bytes: binary, one failure
    many.write_bytes(b"TY  - JOUR\n" + b"\x00" * 500)
    records, (failure,) = clean(many)
    assert not records and "binary" in failure["reason"]


def test_a_run_of_nul_bytes_early_in_an_export_does_not_make_it_binary(tmp_path):
    # 16 NUL bytes (or a zeroed 4 KiB block) in the first 8,000 bytes had made a 40-record export
    # "binary", no record read; the same bytes further on were dropped and every record read
    record = "TY  - JOUR\nTI  - Paper {n}\nAU  - Li, Wei\nPY  - 2020\nER  - \n\n"
    text = "".join(record.format(n=n) for n in range(1, 41)).encode("utf-8")
    cut = text.index(b"TY", 1500)
    for run in (16, 4096):
        path = tmp_path / f"nul{run}.ris"
        path.write_bytes(text[:cut] + b"\x00" * run + text[cut:])
        records, failures = clean(path)
        assert not failures and titles(records) == [f"Paper {n}" for n in range(1, 41)]
    png = tmp_path / "figure.ris"                  # binary data is still refused
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x02\x00\x00\x00\x01\x80\x08\x06" + bytes(range(256)) * 30)
    records, (failure,) = clean(png)
    assert not records and "binary" in failure["reason"]


def test_a_file_in_no_known_format_keeps_all_its_text(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("a line of notes\n" * 10_000, encoding="utf-8")   # longer than the sniffed head
    _, (failure,) = clean(path)
    assert "unknown format" in failure["reason"]
    assert failure["raw"].count("a line of notes") == 10_000


def test_an_export_of_nothing_or_cut_off_after_its_header_is_a_failure_with_its_text(tmp_path):
    # it said "0 record(s) cleaned, 0 failure(s)": a download cut off looked like an empty search
    for name, text, fmt in [("wos.txt", "FN Clarivate Analytics Web of Science\nVR 1.0\nEF\n", "wos"),
                            ("scopus.csv", "Authors,Title,Year,Source title,DOI\n", "csv"),
                            ("pubmed.xml", "<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n", "pubmed-xml"),
                            ("refworks.txt", "Refworks Export Tagged Format\nRT=Refe", "refworks")]:
        records, (failure,) = clean_text(tmp_path, name, text)
        assert not records and failure["format"] == fmt and failure["line"] == 1, failure
        assert failure["reason"].startswith("no records") and failure["raw"] == text.rstrip("\n")


def test_refworks_header_with_no_reference_type_after_it(tmp_path):
    (record,), failures = clean_text(
        tmp_path, "refworks.txt",
        "Refworks Export Tagged Format\nCharacter Set=utf-8\n\nT1 First title\nA1 Zhang, San\n")
    assert not failures and record["title"] == {"en": "First title"} and record["source"]["line"] == 4


def test_noteexpress_and_estudy_record_that_lost_its_first_line(tmp_path):
    net = tmp_path / "two.net"
    net.write_text("{Reference Type}: Journal Article\n{Title}: Soil moisture memory\n{Author}: Okafor, Maria\n"
                   "{Year}: 2021\n\n{Title}: 土壤水分记忆\n{Author}: 张伟\n{Year}: 2020\n", encoding="utf-8")
    estudy = tmp_path / "two.txt"
    estudy.write_text("DataType: 1\nTitle-题名: 辫状河床演变模拟\nAuthor-作者: 王江\nYear-年: 2017\n"
                      "Title-题名: 泥沙输移研究\nAuthor-作者: 李河\nYear-年: 2018\n", encoding="utf-8")
    for path, second_line in ((net, 6), (estudy, 5)):
        (first, second), failures = clean(path)
        assert not failures
        assert [r["year"] for r in (first, second)] == ([2021, 2020] if path == net else [2017, 2018])
        assert second["source"]["line"] == second_line and len(second["title"]) == 1
        assert not first["issues"] and any("first line lost" in i for i in second["issues"])


def test_lines_outside_ris_records_are_one_failure_per_run(tmp_path):
    records, (failure,) = clean_text(
        tmp_path, "with_medline.ris",
        "TY  - JOUR\nTI  - A RIS paper\nAU  - Li, Wei\nER  - \n\n"
        "Exported 2020-01-02 by Li\nfrom the library\n\ncatalogue\n\n"          # notes between records
        "TY  - JOUR\nTI  - After\nAU  - Wang, Wu\nER  - \n")
    assert titles(records) == ["A RIS paper", "After"]
    assert failure["line"] == 6 and failure["raw"] == "Exported 2020-01-02 by Li\nfrom the library\ncatalogue"
    assert failure["reason"].startswith("3 lines outside")


def test_csl_json_arrays_joined_are_all_read(tmp_path):
    # cat a.json b.json, with and without a final newline in a.json (the second with its BOM)
    one, two = '[{"title": "One", "author": [{"family": "Li"}]}]', '[{"title": "Two", "author": [{"family": "Wang"}]}]'
    for name, text, second_line in (("joined.json", f"{one}\n{two}\n", 2), ("glued.json", f"{one}\ufeff{two}", 1)):
        records, failures = clean_text(tmp_path, name, text)
        assert not failures and titles(records) == ["One", "Two"], name
        assert [r["source"]["line"] for r in records] == [1, second_line], name


def test_xml_with_old_mac_line_ends_counts_lines_as_expat_does(tmp_path):
    text = (DATA / "formats" / "endnote-xml" / "records.xml").read_text(encoding="utf-8")
    text = text.replace("<secondary-title>中华骨科杂志", "<secondary-title>中华骨科杂志 & 增刊", 1)
    path = tmp_path / "cr.xml"
    path.write_bytes(text.replace("\n", "\r").encode("utf-8"))
    (record,), (failure,) = clean(path)
    assert failure["line"] == 3 and "line 6," in failure["reason"] and "增刊" in failure["raw"]
    assert record["source"]["line"] == 11 and "外科治疗" not in json.dumps(record, ensure_ascii=False)


# ---------------------------------------------------------------- two exports in one file
PUBMED = ('<?xml version="1.0"?>\n<PubmedArticleSet>\n<PubmedArticle><MedlineCitation><PMID>{n}</PMID>'
          "<Article><ArticleTitle>PubMed {n}</ArticleTitle></Article></MedlineCitation></PubmedArticle>\n"
          "</PubmedArticleSet>\n")
JOINED = [  # (file name, text, [(title, format, line)] of the records read, the formats read as pasted in)
    ("estudy_ris.txt", "DataType: 1\nTitle-题名: 中文题名一\nLink-链接: https://kns.cnki.net/x\n\n"
                       "TY  - JOUR\nTI  - RIS title one\nER  - \n", [("中文题名一", "estudy", 1), ("RIS title one", "ris", 5)], {"ris"}),
    ("medline_csl.txt", "PMID- 1\nTI  - Medline title\nAU  - Zhang S\n[\n"
                        '  {"id": "a", "type": "article-journal", "title": "CSL one", "author": [{"family": "Li"}]}\n]\n',
     [("Medline title", "medline", 1), ("CSL one", "csl-json", 5)], {"csl-json"}),
    ("ris_medline.txt", "TY  - JOUR\nTI  - RIS title\nAU  - Li, Wei\nER  - \n\nPMID- 1\nTI  - Medline one\n"
                        "AU  - Zhang S\n\nPMID- 2\nTI  - Medline two\n",
     [("RIS title", "ris", 1), ("Medline one", "medline", 6), ("Medline two", "medline", 10)], {"medline"}),
    ("noteexpress_ris.net", "{Reference Type}: Journal Article\n{Title}: NE title\n{Year}: 2019\n\n"
                            "TY  - JOUR\nTI  - RIS one\nER  - \n", [("NE title", "noteexpress", 1), ("RIS one", "ris", 5)], {"ris"}),
    ("refworks_bib.txt", "Refworks Export Tagged Format\nCharacter Set=utf-8\n\n@article{k1,\n"
                         "  title = {First title},\n}\n", [("First title", "bibtex", 4)], {"bibtex"}),
    ("refworks_then_bib.txt", "RT Journal Article\nT1 real one\nA1 Li, Wei\n"
                              "@article{k2, title = {Second}, author = {Wang, Wu}}\n",
     [("real one", "refworks", 1), ("Second", "bibtex", 4)], {"bibtex"}),  # (read as the export it opens with)
    ("wos_ris.txt", "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Li, W\nTI WoS title\nER\n\n"
                    "TY  - JOUR\nTI  - RIS one\nAU  - Wang, W\nER  - \n", [("WoS title", "wos", 3), ("RIS one", "ris", 8)], {"ris"}),
    ("wos_medline.txt", "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Li, W\nTI WoS title\nER\n\n"
                        "PMID- 1\nTI  - Medline one\nAU  - Zhang S\nPT  - Journal Article\nLA  - eng\n",
     [("WoS title", "wos", 3), ("Medline one", "medline", 8)], {"medline"}),
    ("medline_ris.txt", "PMID- 1\nOWN - NLM\nTI  - Medline title\nAU  - Zhang S\n\n"
                        "TY  - JOUR\nTI  - RIS one\nAU  - Wang, W\nER  - \n",
     [("Medline title", "medline", 1), ("RIS one", "ris", 6)], {"ris"}),
    ("csv_ris.csv", "title,authors,year\nCSV title,Li,2020\nTY  - JOUR\nTI  - RIS one\nAU  - Wang, W\nER  - \n",
     [("CSV title", "csv", 2), ("RIS one", "ris", 3)], {"ris"}),
    ("endnote_pubmed.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<xml>\n<records>\n<record>\n'
                           "<ref-type name=\"Journal Article\">17</ref-type>\n"
                           "<titles><title>EndNote title</title></titles>\n</record>\n</records>\n</xml>\n"
                           + PUBMED.format(n=1), [("EndNote title", "endnote-xml", 4), ("PubMed 1", "pubmed-xml", 12)], {"pubmed-xml"}),
    ("ris_bib.txt", "TY  - JOUR\nTI  - A RIS paper\nAU  - Li, Wei\nER  - \n\n"
                    "@article{k, title = {A BibTeX paper}, author = {Wang, Wu}}\n",
     [("A RIS paper", "ris", 1), ("A BibTeX paper", "bibtex", 6)], {"bibtex"}),
    ("ris_csv.txt", "TY  - JOUR\nTI  - RIS one\nAU  - Wang, W\nER  - \n\nTitle,Authors,Year\nCSV title,Li,2020\n",
     [("RIS one", "ris", 1), ("CSV title", "csv", 7)], {"csv"}),
    ("medline_csv.txt", "PMID- 1\nTI  - Medline title\nAU  - Zhang S\n\nTitle,Authors,Year\nCSV title,Li,2020\n",
     [("Medline title", "medline", 1), ("CSV title", "csv", 6)], {"csv"}),
    ("ris_pubmed.txt", "TY  - JOUR\nTI  - RIS one\nAU  - Wang, W\nER  - \n\n" + PUBMED.format(n=1),
     [("RIS one", "ris", 1), ("PubMed 1", "pubmed-xml", 8)], {"pubmed-xml"}),
]


def test_a_second_export_pasted_after_the_first_is_read_with_its_own_reader(tmp_path):
    for name, text, read, pasted in JOINED:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        records, failures = clean(path)
        assert not failures, (name, failures)
        assert [(next(iter(r["title"].values())), r["source"]["format"], r["source"]["line"]) for r in records] \
            == read, name
        assert [r["source"]["record"] for r in records] == list(range(1, len(read) + 1)), name
        # the records of the export pasted in say so; each title is in its own record only
        for r in records:
            said = any(f":{r['source']['line']}: in another export pasted into" in i for i in r["issues"])
            assert said == (r["source"]["format"] in pasted), (name, r["issues"])
        assert all(sum(t in json.dumps(r, ensure_ascii=False) for r in records) == 1 for t, _, _ in read), name


def test_csv_files_joined_read_each_by_its_own_header(tmp_path):
    # cat a.csv b.csv c.tsv: a header again, then a header of other columns and delimiter
    records, failures = clean_text(tmp_path, "joined.csv",
                                   'Title,Authors,Year\nFirst,"Li, W",2020\nTitle,Authors,Year\nSecond,Wang,2021\n\n'
                                   "Authors\tTitle\tDOI\tYear\nZhang\tThird\t10.1000/x\t2022\n")
    assert not failures and titles(records) == ["First", "Second", "Third"]
    assert [(r["source"]["line"], r["year"], r["authors"][0]["family"]) for r in records] == \
        [(2, 2020, "Li"), (4, 2021, "Wang"), (7, 2022, "Zhang")]
    assert records[2]["doi"] == "10.1000/x"


def test_a_first_line_of_an_export_inside_a_field_is_not_a_join(tmp_path):
    # what only a first line glued onto the last (cat of a file with no final newline) splits
    text = ("TY  - JOUR\nTI  - Comparison of CT and RT Planning\nAB  - Cited as PMID- 1234\n"
            "EFFECTS of dose were small; the rate was 6.5%A total of 120 patients\nKW  - RT Report\nER  - \n")
    (record,), failures = clean_text(tmp_path, "one.ris", text)
    assert not failures and titles([record]) == ["Comparison of CT and RT Planning"]
    assert "PMID- 1234 EFFECTS of dose" in record["abstract"]["en"] and record["keywords"]["en"] == ["RT Report"]


def test_text_that_only_looks_like_another_export_stays_a_failure(tmp_path):
    # "[" starts a CSL-JSON array, but these lines are not one the CSL reader recognises
    records, (failure,) = clean_text(tmp_path, "medline.txt", "PMID- 1\nTI  - Medline title\nAU  - Zhang S\n[\n"
                                                               '  {"id": "a", "note": "not a citation"}\n]\n')
    assert titles(records) == ["Medline title"]
    assert failure["line"] == 4 and "not a citation" in failure["raw"] and "outside any medline" in failure["reason"]


def test_two_pubmed_xml_files_joined_read_as_one(tmp_path):
    # cat a.xml b.xml: the second XML declaration is no failure (it holds nothing but markup)
    records, failures = clean_text(tmp_path, "joined.xml", PUBMED.format(n=1) + PUBMED.format(n=2))
    assert not failures and titles(records) == ["PubMed 1", "PubMed 2"]


def test_one_line_xml_exports_glued_to_each_other_and_to_ris_are_all_read(tmp_path):
    # whole documents on one line, no final newline (as some exports are), joined with cat
    one_line = [PUBMED.format(n=n).replace("\n", "") for n in (1, 2)]
    endnote = ('<?xml version="1.0" encoding="UTF-8" ?><xml><records><record><ref-type name="Journal Article">17'
               "</ref-type><titles><title>EndNote title</title></titles></record></records></xml>")
    records, failures = clean_text(tmp_path, "glued.xml", one_line[0] + "\ufeff" + one_line[1] + endnote
                                   + "TY  - JOUR\nTI  - RIS one\nER  - ")
    assert not failures and titles(records) == ["PubMed 1", "PubMed 2", "EndNote title", "RIS one"]
    assert [r["source"]["line"] for r in records] == [1, 1, 1, 1]


def test_eric_records_joined_without_a_blank_line_stay_apart(tmp_path):
    # ERIC exports in MEDLINE format have no PMID: records part at blank lines, and at a second OWN
    text = ("OWN - ERIC\nTI  - First report\nAU  - Li, Wei\nPT  - Reports - Research\n"
            "OWN - ERIC\nTI  - Second report\nAU  - Wang, Wu\n")
    records, failures = clean_text(tmp_path, "eric.nbib", text)
    assert not failures and titles(records) == ["First report", "Second report"]
    assert [r["source"]["line"] for r in records] == [1, 5]


def test_xml_whose_declaration_never_closes_is_a_failure_not_nothing(tmp_path):
    # expat reads the whole file as the unclosed declaration: nothing parses, all of it is reported
    records, (failure,) = clean_text(tmp_path, "open.xml", PUBMED.format(n=1).replace('"1.0"?>', '"1.0"', 1))
    assert not records and failure["line"] == 1 and "ends early" in failure["reason"]
    assert "PubMed 1" in failure["raw"]


# Each format's first fixture that reads alone with no failure (and is UTF-8).
def _clean_fixture(fmt_dir):
    for path in sorted((DATA / "formats" / fmt_dir).iterdir()):
        items = list(read_file(str(path)))
        raw = path.read_bytes()
        if raw[:2] not in (b"\xff\xfe", b"\xfe\xff") and items and not any(isinstance(i, Failure) for i in items):
            return path, items
    raise AssertionError(f"no clean fixture for {fmt_dir}")


# A file whose last line is a line of data (not the end of a record: RIS's ER, WoS's EF, a
# closing XML tag or brace) with another export glued onto it, no newline between: a CSV
# header, a CSL-JSON "[" or a classic refer "%A name" there reads as the end of that line,
# not as the next export ("6.5%A total of 120 patients" is prose with a space lost).
ENDS_ON_DATA = {"csv", "estudy", "medline", "noteexpress", "refer", "refworks", "pubmed-text"}
UNTOLD_AFTER_DATA = {"csv", "csl-json", "refer", "pubmed-text"}


def _join_every_pair(tmp_path, glued: bool):
    """Every ordered pair of the formats' fixtures joined as ``cat a b`` does (b's byte-order
    mark kept), ``a`` ending in a newline or not (``glued``): (a, b, items, what a and b read
    alone with b's lines shifted)."""
    alone = {d.name: _clean_fixture(d.name) for d in sorted((DATA / "formats").iterdir())}
    assert len(alone) == 13   # every reader but the scraped page and the GB/T 7714 list
    for a, (path_a, recs_a) in alone.items():
        text_a = path_a.read_bytes().decode("utf-8-sig").rstrip("\r\n") + ("" if glued else "\n")
        if a == "refer" and not glued:
            text_a += "\n"  # classic refer (no %0 line) parts records at blank lines only
        shift = len(re.split(r"\r\n|\r|\n", text_a)) - 1  # (glued: b's first line is a's last)
        for b, (path_b, recs_b) in alone.items():
            joined = tmp_path / f"{a}+{b}{'-glued' if glued else ''}.txt"
            joined.write_bytes(text_a.encode("utf-8") + path_b.read_bytes())
            want = ([(r.source.format, _titles(r), r.source.line) for r in recs_a]
                    + [(r.source.format, _titles(r), r.source.line + shift) for r in recs_b])
            yield a, b, list(read_file(str(joined))), want


def _read_as_alone(a, b, items, want):
    assert not [i for i in items if isinstance(i, Failure)], (a, b, [i.reason for i in items if isinstance(i, Failure)])
    assert [(r.source.format, _titles(r), r.source.line) for r in items] == want, (a, b)
    assert [r.source.record for r in items] == list(range(1, len(want) + 1)), (a, b)


def test_every_pair_of_formats_joined_reads_both_exports(tmp_path):
    """Metamorphic: the exports of two formats (or two of one format) joined into one file
    read as the two files do alone: the same records in order, the second's lines shifted by
    the first's."""
    for a, b, items, want in _join_every_pair(tmp_path, glued=False):
        _read_as_alone(a, b, items, want)


def test_every_pair_of_formats_glued_without_a_newline_reads_both_exports(tmp_path):
    """As above with the first file's final newline gone (many exports end without one), so
    the second file's first line is glued onto the first's last line; the second's records
    start on that line.  Where the first line glued onto a line of data is not told apart
    (UNTOLD_AFTER_DATA), nothing is lost: each title is in the raw text read."""
    untold = 0
    for a, b, items, want in _join_every_pair(tmp_path, glued=True):
        if a in ENDS_ON_DATA and b in UNTOLD_AFTER_DATA:
            untold += 1
            assert titles_kept(items, [t for _, titles, _ in want for t in titles]), (a, b)
        else:
            _read_as_alone(a, b, items, want)
    assert untold == len(ENDS_ON_DATA) * len(UNTOLD_AFTER_DATA)


def _titles(record):
    return [value for value, *_ in record.raw.get("titles", [])]


def test_a_search_results_page_says_what_it_is_and_where_its_records_are(tmp_path):
    """A Google Scholar results page copied from the browser is no format --format could
    name: the failure says what it is and to use each result's Cite link, its text kept."""
    page = ("Google Scholar\nArticles\nAny time\nSince 2024\nSort by relevance\n"
            "Prognostic factors of surgical treatment for spinal metastases\n"
            "J Wang, M Li, X Zhang - Chinese Journal of Orthopaedics, 2021 - europepmc.org\n"
            "Objective To investigate the prognostic factors of patients with spinal metastases …\n"
            "Save Cite Cited by 12 Related articles All 3 versions\n")
    path = tmp_path / "scholar.txt"
    path.write_text(page, encoding="utf-8")
    records, (failure,) = clean(path)
    assert not records and failure["reason"].startswith("a Google Scholar results page: use each result's Cite")
    assert "BibTeX" in failure["reason"] and "known formats" not in failure["reason"]
    assert failure["raw"].rstrip("\n") == page.rstrip("\n")
    notes = tmp_path / "notes.txt"   # a note naming the site once is a file of no known format still
    notes.write_text("Google Scholar\nremember to look up the guideline\n", encoding="utf-8")
    assert "unknown format" in clean(notes)[1][0]["reason"]


def test_a_notefirst_export_says_what_to_export_instead(tmp_path):
    """NoteFirst's XML (CNKI and Wanfang offer it) is not read: the failure names it and the
    exports of the same sites that are, not the list of every format."""
    path = tmp_path / "notefirst.xml"
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<NoteFirst xmlns:xsi="http://www.w3.org/2001/'
                    'XMLSchema-instance">\n  <Bibliographies>\n    <Bibliography>\n      <Titles><Title Lang="chi">'
                    '基于深度学习的肺结节研究</Title></Titles>\n    </Bibliography>\n  </Bibliographies>\n</NoteFirst>\n',
                    encoding="utf-8")
    records, (failure,) = clean(path)
    assert not records and failure["reason"].startswith("NoteFirst XML")
    assert "NoteExpress, EndNote or RefWorks" in failure["reason"] and "known formats" not in failure["reason"]


def test_one_google_scholar_result_copied_says_so(tmp_path):
    """One result copied, without the site's name or its filters: its full text link and its
    grey line (names - source, year - host) tell it with its buttons."""
    path = tmp_path / "scholar.txt"
    path.write_text("[PDF] springer.com\nSurgical outcomes of spinal metastases: a retrospective cohort study\n"
                    "W Zhang, N Li, J Wang - European Spine Journal, 2022 - Springer\n"
                    "Purpose To evaluate surgical outcomes of spinal metastases …\n"
                    "Save Cite Cited by 12 Related articles All 5 versions\n", encoding="utf-8")
    records, (failure,) = clean(path)
    assert not records and failure["reason"].startswith("a Google Scholar results page: use each result's Cite")
    assert "BibTeX" in failure["reason"] and "EndNote" in failure["reason"]


def test_a_long_line_is_no_google_scholar_grey_line_and_told_in_time():
    """A head's long line of " - " and ", " (64 KB) is looked at once for Scholar's grey line
    (names - source, year - host): it took 8 s, each " - " tried with each ", " after it."""
    import time

    from indexer.readers.base import results_page

    started = time.perf_counter()
    assert results_page("Google Scholar\n" + "a, - " * 13000 + "\n") is None
    assert results_page("Google Scholar\n" + "a - b, " * 9000 + "\n") is None
    assert time.perf_counter() - started < 2
    assert results_page("Google Scholar\nW Zhang, N Li - Eur Spine J, 2022 - Springer\n")
    assert results_page("Google Scholar\nW Zhang - 2019 - springer.com\n")


# ---------------------------------------------------------------- line numbers
JUNK = b"\x0b\x0c\rjunk \x1c\x1d\x1e\xc2\x85 \xe2\x80\xa8 here"   # control characters, a CR alone, NEL, LS


def test_line_numbers_are_an_editors_with_a_cr_alone_inside_a_line(tmp_path):
    # QA's en/d.nul:50 and med/d.nul:465 were reported at 51 and 466: a CR alone inside a line of
    # junk was counted as a line's end, which no editor or grep -n does in a file of LF or CRLF
    cases = {
        "crlf.ris": b"TY  - JOUR\r\nTI  - One\r\nER  - \r\n\r\n" + JUNK + b"\r\n\r\nTY  - JOUR\r\nTI  - Two\r\nER  - \r\n",
        "lf.ris": b"TY  - JOUR\nTI  - One\nER  - \n\n" + JUNK + b"\n\nTY  - JOUR\nTI  - Two\nER  - \n",
        # lines read one by one in UTF-8 or GBK (a GBK export joined to a UTF-8 one)
        "mixed.ris": b"TY  - JOUR\nTI  - One \xe4\xb8\xad\xe6\x96\x87\nER  - \n\n" + JUNK
                     + b"\n\nTY  - JOUR\nTI  - Two \xd6\xd0\xce\xc4\xb8\xdf\xd1\xaa\xd1\xb9\nER  - \n",
        # classic Mac OS: a CR ends every line
        "cr.ris": b"TY  - JOUR\rTI  - One\rER  - \r\rjunk here\r\rTY  - JOUR\rTI  - Two\rER  - \r",
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        records, (failure,) = clean(path)
        assert [r["source"]["line"] for r in records] == [1, 7], name
        assert failure["line"] == 5 and "junk" in failure["raw"] and "here" in failure["raw"], name
        assert [next(iter(r["title"].values()))[:3] for r in records] == ["One", "Two"], name
    # the text a record holds is as it was: a line a CR alone parts is still two lines
    path = tmp_path / "split.nbib"
    path.write_bytes(b"PMID- 3\nTI  - Third title.\nFAU - S\xc3\xb6r\x01\x02\n\x0b\x0c\r\x0eensen, Jens\n"
                     b"AU  - Jensen J\nJT  - Journal Three\n")
    (record,), failures = clean(path)
    assert [(f["line"], f["raw"]) for f in failures] == [(4, "\x0eensen, Jens"), (5, "AU  - Jensen J\nJT  - Journal Three")]


def test_a_noteexpress_field_line_missing_its_brace_is_its_field_flagged(tmp_path):
    # QA: "{Keywords: …" (its "}" lost) was read as the pages before it wrapped ("12-15 {Keywords:
    # 前锯肌平面阻滞"), and "{Title: …" as the reference type, the record left without a title
    path = tmp_path / "broken.net"
    path.write_text("{Reference Type}: Journal Article\n{Title}: 前锯肌平面阻滞的镇痛效果\n{Author}: 马丽\n"
                    "{Pages}: 12-15\n{Keywords: 前锯肌平面阻滞;;乳腺癌\n\n{Reference Type}: Journal Article\n"
                    "{Title: 胸神经阻滞的应用\n{Author}: 何强\n{Year}: 2020\n", encoding="utf-8")
    first, second = clean(path)[0]
    assert (first["pages"], first["keywords"]) == ("12-15", {"zh": ["前锯肌平面阻滞", "乳腺癌"]})
    assert first["issues"] == [f"{path}:5: '{{Keywords: 前锯肌平面阻滞;;乳腺癌' read as its field {{Keywords}} "
                               "(its closing brace missing)"]
    assert (second["title"], second["extra"]["source_type"]) == ({"zh": "胸神经阻滞的应用"}, "Journal Article")
    assert second["issues"] == [f"{path}:8: '{{Title: 胸神经阻滞的应用' read as its field {{Title}} "
                                "(its closing brace missing)"]


def test_a_ris_record_left_with_junk_or_control_bytes_alone_is_a_failure_with_its_text(tmp_path):
    # QA: a record with an empty AU and TI and a junk line after them was kept titled with the
    # junk; one whose title was control bytes alone was kept as an empty record, the check for a
    # title made before the control characters went
    path = tmp_path / "junk.ris"
    good = "TY  - JOUR\nAU  - 马丽\nTI  - 前锯肌平面阻滞的镇痛效果\nPY  - 2021\nER  - \n\n"
    junk = "TY  - JOUR\nAU  - \nTI  - \nXX garbage line without a tag {{\nPY  - 2020\nER  - \n\n"
    control = "TY  - JOUR\nTI  - \x01\x02\x03\x04\x0e\x0f\x10\nER  - \n\n"
    path.write_text(good + junk + control + good.replace("马丽", "何强"), encoding="utf-8")
    records, failures = clean(path)
    assert [r["authors"][0]["literal"] for r in records] == ["马丽", "何强"]
    assert [(f["line"], f["reason"], f["raw"]) for f in failures] == [
        (7, "record has no title, abstract, author, journal or DOI", junk.rstrip("\n")),
        (14, "record has no title, abstract, author, journal or DOI", control.rstrip("\n"))]
    # the junk line beside a record's own fields: left out, the line named
    path.write_text(junk.replace("TY  - JOUR\n", "TY  - JOUR\nJO  - 中国疼痛医学杂志\n"), encoding="utf-8")
    (rec,), _ = clean(path)
    assert rec["title"] == {} and rec["issues"] == [
        f"{path}:5: a line with no tag after an empty TI, not read: 'XX garbage line without a tag {{{{'"]


def test_a_year_with_no_year_in_it_pages_backwards_and_a_lost_er_are_flagged(tmp_path):
    # QA: "%D 2O21" (a letter O) and "PY  - 20" gave no year without a word, "%P 15-12" was kept
    # silently, and a RIS record that lost its ER mid-file was read up to the next TY unflagged
    refer = tmp_path / "cnki.txt"
    refer.write_text("%0 Journal Article\n%A 马丽\n%T 前锯肌平面阻滞的镇痛效果\n%J 中国疼痛医学杂志\n%D 2O21\n"
                     "%P 15-12\n%W CNKI\n", encoding="utf-8")
    (rec,), _ = clean(refer)
    assert (rec["year"], rec["pages"], rec["extra"]["date"]) == (None, "15-12", ["2O21"])
    assert rec["issues"] == ["line 5: year '2O21' holds no year, not read: kept in extra.date",
                             "line 6: pages '15-12' end before they start, kept as written"]
    ris = tmp_path / "cut.ris"
    ris.write_text("TY  - JOUR\nAU  - 王五\nTI  - 第二篇被截断的记录\nPY  - 20\n\nTY  - JOUR\nAU  - 李四\n"
                   "TI  - 第三篇正常记录\nPY  - 2020\nER  - \n", encoding="utf-8")
    (cut, whole), _ = clean(ris)
    assert cut["issues"] == [f"{ris}:1: no ER before the next record's TY (line 6): its end line lost, read up to there",
                             "line 4: year '20' holds no year, not read: kept in extra.date"]
    assert (whole["title"], whole["year"], whole["issues"]) == ({"zh": "第三篇正常记录"}, 2020, [])
    # pages from SP and EP: named by SP's line
    ris.write_text("TY  - JOUR\nAU  - 李四\nTI  - 第三篇正常记录\nSP  - 675\nEP  - 606\nER  - \n", encoding="utf-8")
    (rec,), _ = clean(ris)
    assert (rec["pages"], rec["issues"]) == ("675-606", ["line 4: pages '675-606' end before they start, kept as written"])


PNG_CHUNK = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x02\x00\x00\x00\xd3\x10?1\n"


def test_a_small_export_with_a_binary_chunk_is_read_and_the_chunk_reported(tmp_path):
    # QA: 20 RIS records with an image's bytes pasted after the tenth were refused whole, "binary
    # file (NUL or control bytes)", where 60 such records were read and the chunk reported by line
    records = "".join(f"TY  - JOUR\nAU  - 作者{i}\nTI  - 第{i}篇关于前锯肌平面阻滞的记录\nJO  - 中华医学杂志\nPY  - 2020\n"
                      "ER  - \n\n" for i in range(1, 21)).encode()
    cut = records.index("TY  - JOUR\nAU  - 作者11\n".encode())
    path = tmp_path / "chunk.ris"
    path.write_bytes(records[:cut] + PNG_CHUNK + b"\n" + records[cut:])
    read, (failure,) = clean(path)
    assert [r["authors"][0]["literal"] for r in read] == [f"作者{i}" for i in range(1, 21)]
    assert (failure["line"], failure["reason"]) == (71, "3 lines outside any ris record")
    assert failure["raw"].startswith("\u2030PNG")
    # a real image is still no export
    image = tmp_path / "figure.ris"
    image.write_bytes(PNG_CHUNK * 40)
    (), (refused,) = clean(image)
    assert refused["reason"] == "binary file (NUL or control bytes), not a text export"


def test_a_field_holding_undecodable_characters_is_flagged(tmp_path):
    # QA: a CNKI RefWorks export saved from mojibake, its lost bytes U+FFFD in the file, kept its
    # first author "瀛欑��" (left unrepaired) and a title "乳腺癌手�的比较" with no issue
    path = tmp_path / "cnki.txt"
    path.write_text("RT Journal Article\nSR 1\nA1 瀛欑\ufffd\ufffd;钱红\nT1 乳腺癌手\ufffd的比较\nJF 华西医学\nYR 2020\n"
                    "OP 560-564\nDS CNKI\n", encoding="utf-8")
    (rec,), _ = clean(path)
    assert rec["title"] == {"zh": "乳腺癌手\ufffd的比较"}    # kept as given, not guessed
    assert rec["issues"] == [
        "title.zh holds undecodable characters (U+FFFD: their bytes lost), kept as given: '乳腺癌手\ufffd的比较'",
        "authors[1].literal holds undecodable characters (U+FFFD: their bytes lost), kept as given: '瀛欑\ufffd\ufffd'"]
