"""CSV / TSV quirks found in a QA pass, one small file written for each: Excel's semicolon
"CSV" (GBK, CRLF), Web of Science's tab-delimited export (its tags as the header), CNKI's
bilingual "DOI-DOI" and "Organ-单位" columns, and quoted cells with line breaks."""
from __future__ import annotations

import json
import re

from conftest import clean_items, cleaned, needs_shared, run_cli

from indexer.readers.wos import ONE_PER_LINE


def read(path, *options, rc=0):
    result, records, failures = clean_items(path, *options)
    assert result.returncode == rc, result.stderr
    return records, failures


def names(rec):
    return [a.get("literal") or (a.get("family"), a.get("given")) for a in rec["authors"]]


SEMICOLON_ZH = """题名;作者;单位;文献来源;发表时间;年;卷;期;页码;关键词;摘要;DOI
基于深度学习的肺结节检测;"张三;李四";清华大学;中国医学影像技术;2020-05-12;2020;36;5;700-705;"深度学习;肺结节;CT";目的 探讨深度学习。方法 回顾性分析。;10.13929/j.1003-3289.2020.05.012
"含有逗号,和""引号""的标题";王五;北京大学;计算机学报;2019-01-01;2019;42;1;1-10;测试;摘要，含逗号;
"多行
摘要的标题";赵六;;中华医学杂志;2018;2018;;;;;"第一行
第二行";
"""


def test_semicolon_csv_in_gbk_with_crlf(tmp_path, validate):
    # Excel / WPS "CSV (;)" of a Chinese locale: GBK, CRLF, ";" between cells
    path = tmp_path / "semi_gbk.csv"
    path.write_bytes(SEMICOLON_ZH.replace("\n", "\r\n").encode("gbk"))
    (first, second, third), failures = read(path)
    assert not failures
    for rec in (first, second, third):
        validate(rec)
        assert rec["source"]["format"] == "csv"
    assert first["title"] == {"zh": "基于深度学习的肺结节检测"} and names(first) == ["张三", "李四"]
    assert (first["journal"], first["year"], first["volume"], first["issue"], first["pages"]) == (
        {"zh": "中国医学影像技术"}, 2020, "36", "5", "700-705")
    assert first["doi"] == "10.13929/j.1003-3289.2020.05.012"
    assert first["keywords"] == {"zh": ["深度学习", "肺结节", "CT"]}
    assert first["extra"]["affiliations"] == ["清华大学"]
    assert second["title"] == {"zh": '含有逗号,和"引号"的标题'} and names(second) == ["王五"]
    # a line break inside a quoted title cell is wrapping: no space between CJK characters
    assert third["title"] == {"zh": "多行摘要的标题"} and third["journal"] == {"zh": "中华医学杂志"}


def test_semicolon_csv_in_english_sniffed_and_forced(tmp_path, validate):
    path = tmp_path / "semi_en.csv"
    path.write_bytes(b"Title;Authors;Year;Journal\r\nFirst paper;Smith J;2020;Nature\r\n"
                     b"Second paper;Lee A;2019;Science\r\n")
    for options in ((), ("--format", "csv")):
        records, failures = read(path, *options)
        assert not failures
        assert [(r["title"]["en"], names(r), r["year"], r["journal"]["en"]) for r in records] == [
            ("First paper", [("Smith", "J")], 2020, "Nature"), ("Second paper", [("Lee", "A")], 2019, "Science")]


def test_semicolon_in_a_comma_csv_cell_keeps_the_comma(tmp_path, validate):
    # the header decides the separator: a ";" inside a cell of a comma CSV separates names only
    path = tmp_path / "comma.csv"
    path.write_text("Title,Authors,Year\nA paper,张三;李四,2020\n", encoding="utf-8")
    (rec,), _ = read(path)
    validate(rec)
    assert rec["title"] == {"en": "A paper"} and names(rec) == ["张三", "李四"] and rec["year"] == 2020


WOS_TAB = ("PT\tAU\tTI\tSO\tPY\tVL\tIS\tBP\tEP\tAR\tDI\tPG\tDE\tID\tC1\tUT\n"
           "J\tSmith, J\tA paper\tNATURE\t2020\t5\t2\t100\t110\t\t10.1038/x1\t11\tfoo; bar\tBAZ; QUX\t"
           "[Smith, J] Univ A, Boston, MA USA\tWOS:000000000000001\n"
           "J\tLee, K; Wang, L\tAn article-numbered paper\tPLOS ONE\t2021\t16\t3\t\t\te0245\t10.1371/x2\t9"
           "\t\t\t[Lee, K; Wang, L] Univ B, Seoul, South Korea; [Wang, L] Univ C, Beijing, Peoples R China"
           "\tWOS:000000000000002\n")


def test_wos_tab_delimited_reads_tags_as_wos_does(tmp_path, validate):
    path = tmp_path / "savedrecs.txt"
    path.write_text(WOS_TAB, encoding="utf-8")
    (first, second), _ = read(path)
    validate(first), validate(second)
    # PG is the page count, ID Keywords Plus, UT the id: not the generic "pages", "id" columns
    assert first["pages"] == "100-110" and first["source"]["source_id"] == "WOS:000000000000001"
    assert first["keywords"] == {"en": ["foo", "bar", "BAZ", "QUX"]}
    assert first["extra"]["page_count"] == ["11"] and first["type"] == "article-journal"
    # AR, the article number, is the pages when there is no BP
    assert second["pages"] == "e0245" and names(second) == [("Lee", "K"), ("Wang", "L")]
    assert second["extra"]["affiliations"] == ["Univ B, Seoul, South Korea", "Univ C, Beijing, Peoples R China"]


def test_wos_tab_delimited_rows_end_with_a_tab(tmp_path, validate):
    # Web of Science ends every row with a tab, not its header; saved as UTF-16 LE with a BOM
    path = tmp_path / "savedrecs.txt"
    text = WOS_TAB.replace("\n", "\t\r\n").replace("\tWOS:000000000000002", "\tWOS:000000000000002\t")
    text = text.replace("\tUT\t\r\n", "\tUT\r\n", 1)   # the header has no trailing tab
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    (first, second), failures = read(path)
    validate(first), validate(second)
    assert not failures
    assert first["source"]["source_id"] == "WOS:000000000000001" and second["pages"] == "e0245"
    # a row with more filled cells than the header still fails, naming its line
    path.write_text(WOS_TAB.replace("WOS:000000000000002", "WOS:000000000000002\tstray"), encoding="utf-8")
    (first,), (failure,) = read(path, rc=1)
    assert failure["line"] == 3 and "17 cells, the header 16" in failure["reason"] and "stray" in failure["raw"]


def test_wos_tab_delimited_row_shifted_by_a_stray_tab_is_a_failure(tmp_path, validate):
    """A tab inside a cell with the row's last cells empty: the extra cell, empty, was dropped
    as WoS's trailing tab, and every later column read one off without a word (UT's accession
    in PM, the year from PD).  Such a row is a failure with its raw text."""
    for extra, reason in (("\tPM\tDA", "PM holds 'WOS:000000000000001', not a PubMed ID"),
                          ("\tDA", "DA holds the record's accession number 'WOS:000000000000001'")):
        empty = "\t" * extra.count("\t")
        header, first, second = WOS_TAB.replace("\tUT", "\tGA\tUT").replace("\tWOS:", "\t\tWOS:").splitlines()
        first = first.replace("foo; bar", "foo;\tbar") + empty + "\t"   # (WoS's tab at the end)
        second += empty + "\t"
        path = tmp_path / "savedrecs.txt"
        path.write_text("\n".join((header + extra, first, second)) + "\n", encoding="utf-8")
        (record,), (failure,) = read(path, rc=1)
        validate(record)
        assert record["source"]["source_id"] == "WOS:000000000000002" and record["year"] == 2021
        assert failure["line"] == 2 and failure["raw"] == first
        n = extra.count("\t")
        assert failure["reason"] == (f"row has {19 + n} cells, the header {17 + n}, and they do not line up with its "
                                     f"columns ({reason}): a tab or a quote inside a cell shifted them; not read (its "
                                     "raw text here)")


def test_a_quote_that_closes_late_shifting_a_row_is_a_failure(tmp_path):
    """A title that lost its closing quote ('"…with commas,"2020"'): csv reads on to the next
    quote, the year joins the title and every later cell moves one column left (journal
    '13', the DOI lost), and the row was a record with only the issue 'row has 5 of 6 cells'.
    Its Year and DOI holding no year and no DOI make it a failure with its raw text."""
    head = '"Authors","Title","Year","Source title","Volume","DOI","EID"\n'
    good = '"Smith J.","Paper {0}: a study, with commas","2021","Journal of Tests","1{0}","10.1000/test.{0}","2-s2.0-{0}"\n'
    bad = good.format(2).replace('commas","2021"', 'commas,"2021"')
    path = tmp_path / "scopus.csv"
    path.write_text(head + good.format(1) + bad + good.format(3), encoding="utf-8")
    records, (failure,) = read(path, rc=1)
    assert [(r["title"]["en"], r["year"], r["doi"]) for r in records] == [
        ("Paper 1: a study, with commas", 2021, "10.1000/test.1"), ("Paper 3: a study, with commas", 2021, "10.1000/test.3")]
    assert failure["line"] == 3 and failure["raw"] == bad.rstrip("\n")
    assert failure["reason"] == ("row has 6 cells, the header 7, and they do not line up with its columns (Year holds "
                                 "'Journal of Tests', not a year): a comma or a quote inside a cell shifted them; not "
                                 "read (its raw text here)")
    # a row whose empty last cells were not written is in line, and kept with its issue
    path.write_text(head + '"Smith J.","Paper 4","2021","Journal of Tests"\n', encoding="utf-8")
    (record,), _ = read(path)
    assert record["year"] == 2021 and record["issues"][0].endswith("row has 4 of 7 cells; read as empty: Volume, DOI, EID")


def _tab_delimited(tagged: str) -> str:
    """A WoS tagged export written as WoS's tab-delimited one: a row per record, the values
    of a one-per-line tag joined with "; ", a wrapped value's lines with a space."""
    rows: list[dict[str, list[str]]] = []
    tag = None
    for line in tagged.lstrip("\ufeff").splitlines():
        m = re.match(r"([A-Z][A-Z0-9])(?: (.*))?$", line)
        if m and not line.startswith(" "):
            tag = m.group(1)
            if tag == "PT":
                rows.append({})
            if tag in ("FN", "VR", "ER", "EF") or not rows:
                tag = None
                continue
            rows[-1].setdefault(tag, []).append((m.group(2) or "").strip())
        elif tag and line.strip():
            rows[-1][tag].append(line.strip())
    tags = list(dict.fromkeys(t for row in rows for t in row))
    lines = ["\t".join(tags)]
    for row in rows:
        lines.append("\t".join(("; " if t in ONE_PER_LINE else " ").join(row.get(t, [])) for t in tags))
    return "\n".join(lines) + "\n"


def test_wos_tab_delimited_agrees_with_the_tagged_export(tmp_path):
    # every field of a real tagged export, read again from its tab-delimited form
    tagged = needs_shared("corpus", "formats", "wos", "wos-demo.txt")
    path = tmp_path / "wos-demo-tab.txt"
    path.write_text(_tab_delimited(tagged.read_text(encoding="utf-8-sig")), encoding="utf-8")
    expected, _ = read(tagged)
    got, _ = read(path)
    assert len(got) == len(expected) == 10
    for want, rec in zip(expected, got):
        assert rec["source"]["source_id"] == want["source"]["source_id"]
        for key in ("type", "title", "abstract", "authors", "keywords", "journal", "year", "volume", "issue",
                    "pages", "doi", "issn", "funding", "url", "language"):
            assert rec[key] == want[key], key
        assert rec["extra"].get("affiliations") == want["extra"].get("affiliations")


def test_cnki_doi_and_affiliation_columns(tmp_path, validate):
    path = tmp_path / "cnki_doi.csv"
    path.write_text("Title-题名,Author-作者,Organ-单位,Source-文献来源,Year-年,DOI-DOI\n"
                    "测试标题,张三;李四;,清华大学;北京大学,计算机学报,2020,10.11897/SP.J.1016.2020.00001\n",
                    encoding="utf-8")
    (rec,), _ = read(path)
    validate(rec)
    assert rec["doi"] == "10.11897/sp.j.1016.2020.00001"
    assert rec["extra"]["affiliations"] == ["清华大学", "北京大学"] and "columns" not in rec["extra"]
    path.write_text("题名,作者,作者单位,年\n标题一,王五,复旦大学,2021\n", encoding="utf-8")
    (rec,), _ = read(path)
    assert rec["authors"] == [{"literal": "王五", "lang": "zh", "affiliation": "复旦大学"}]
    path.write_text("题名,作者,机构,年\n标题二,赵六,浙江大学,2021\n", encoding="utf-8")
    (rec,), _ = read(path)
    assert rec["extra"]["affiliations"] == ["浙江大学"]


def test_line_breaks_in_title_journal_and_name_cells(tmp_path, validate):
    path = tmp_path / "breaks.csv"
    path.write_text('Title,Authors,Journal\n"A long\ntitle","Smith J\nLee K","Journal of\nThings"\n'
                    '"中文\n标题","张三\n李四","计算机\n学报"\n', encoding="utf-8")
    (en, zh), _ = read(path)
    validate(en), validate(zh)
    assert en["title"] == {"en": "A long title"} and en["journal"] == {"en": "Journal of Things"}
    assert names(en) == [("Smith", "J"), ("Lee", "K")]          # one name a line
    assert zh["title"] == {"zh": "中文标题"} and zh["journal"] == {"zh": "计算机学报"}
    assert names(zh) == ["张三", "李四"]


AUTHOR_LISTS = [
    # a reference manager's serial list, its last name joined by "and" (with and without the comma)
    ("Smith J, Jones K and Brown L", [("Smith", "J"), ("Jones", "K"), ("Brown", "L")]),
    ("John Smith, Kate Jones, and Lee Brown", [("Smith", "John"), ("Jones", "Kate"), ("Brown", "Lee")]),
    # Scopus: every name inverted, commas between and within names
    ("Smith, J., van Dyk, K. L., Brown, L.", [("Smith", "J."), ("van Dyk", "K. L."), ("Brown", "L.")]),
    # one agency with "and" in its name is one author
    ("US Food and Drug Administration", ["US Food and Drug Administration"]),
    # inverted names with commas between them, the last joined by "and"
    ("Smith, J, Jones, K and Lee, M", [("Smith", "J"), ("Jones", "K"), ("Lee", "M")]),
    # as before: inverted names joined by "and", and a list without it
    ("Smith, J and Lee, K", [("Smith", "J"), ("Lee", "K")]),
    ("Smith J, Jones K, Brown L", [("Smith", "J"), ("Jones", "K"), ("Brown", "L")]),
]


def test_author_cells_of_every_list_form(tmp_path, validate):
    # "Smith J, Jones K and Brown L" had given "Smith J" as a family name and "Jones K" as
    # its given name; Scopus's "Smith, J., Jones, K." was one author; the FDA two people
    rows = "".join(f'"{cell}","Paper {i}",2020,"J Test"\n' for i, (cell, _) in enumerate(AUTHOR_LISTS))
    path = tmp_path / "authors.csv"
    path.write_text("Authors,Title,Year,Source title\n" + rows, encoding="utf-8")
    records, failures = read(path)
    assert not failures
    for rec, (cell, expected) in zip(records, AUTHOR_LISTS):
        validate(rec)
        assert names(rec) == expected, cell


ZOTERO_CSV = '''"Key","Item Type","Publication Year","Author","Title","Publication Title","DOI","Type","Extra","Editor"
"K1","journalArticle","2021","Zhang, Kejia","Surgical treatment","Spine","","","PMID: 33587412",""
"K2","thesis","2020","陈红","脊柱术后感染危险因素分析","","","硕士学位论文","",""
"K3","bookSection","2019","Smith, John","Chapter on spine","Handbook of Spine","","","","Doe, Jane; Roe, Richard"
"K4","conferencePaper","2022","Liu, Ming","Fracture detection","Proceedings of MICCAI","10.1007/x_1","","",""
'''


def test_zotero_csv_item_type_genre_editors_and_pmid(tmp_path, validate):
    path = tmp_path / "zotero.csv"
    path.write_text(ZOTERO_CSV, encoding="utf-8-sig")
    records, _ = read(path)
    for rec in records:
        validate(rec)
    article, thesis, chapter, paper = records
    # Zotero's item type gives the type; its "Type" column (the genre) does not replace it
    assert [r["type"] for r in records] == ["article-journal", "thesis", "chapter", "paper-conference"]
    assert thesis["extra"]["source_type"] == "thesis" and thesis["extra"]["degree"] == ["硕士学位论文"]
    assert chapter["extra"]["editor"] == ["Doe, Jane", "Roe, Richard"]
    assert article["extra"]["pmid"] == ["33587412"] and article["extra"]["columns"]["Extra"] == "PMID: 33587412"


def test_a_row_with_fewer_cells_than_the_header_is_kept_and_says_so(tmp_path, validate):
    path = tmp_path / "short.csv"
    path.write_text('Title,Authors,Year,Journal,DOI\nA paper,"Smith, J",2020,Nature,10.1/x\nCut row,"Lee, K"\n',
                    encoding="utf-8")
    (whole, cut), failures = read(path)
    validate(cut)
    assert not failures and not whole["issues"]
    assert cut["title"] == {"en": "Cut row"} and names(cut) == [("Lee", "K")]
    assert cut["issues"] == [f"{path}:3: row has 2 of 5 cells; read as empty: Year, Journal, DOI"]


def test_scopus_authors_with_affiliations_give_each_author_theirs(tmp_path, validate):
    path = tmp_path / "scopus.csv"
    path.write_text(
        'Authors,Author full names,Title,Year,Source title,Affiliations,Authors with affiliations\n'
        '"Zhang K.; Li X.; Wang J.-G.","Zhang, Kejia (57190000001); Li, Xiaoming (57190000002); Wang, Jian-Guo (5)",'
        'Spinal metastases,2021,Spine,"Peking University, Beijing, China; Tsinghua University, Beijing, China",'
        '"Zhang, K., Peking University, Beijing, China; Li, X., Tsinghua University, Beijing, China; '
        'Wang, J.-G., Peking University, Beijing, China; Wang, J.-G., Tsinghua University, Beijing, China"\n',
        encoding="utf-8")
    (rec,), _ = read(path)
    validate(rec)
    assert [(a["family"], a.get("affiliation")) for a in rec["authors"]] == [
        ("Zhang", "Peking University, Beijing, China"), ("Li", "Tsinghua University, Beijing, China"),
        ("Wang", "Peking University, Beijing, China; Tsinghua University, Beijing, China")]


def test_scopus_affiliation_after_a_name_with_its_suffix(tmp_path, validate):
    """"Smith J.A., Jr., Johns Hopkins University, …": the suffix is the name's, not the start
    of Smith's affiliation ('Jr., Johns Hopkins University, …'); "Lee K. III, Yale, …" too."""
    path = tmp_path / "scopus.csv"
    path.write_text(
        'Authors,Author full names,Title,Year,Source title,Authors with affiliations\n'
        '"Smith J.A., Jr.; Lee K. III; Zhang W.","Smith, John A., Jr. (57190000002); Lee, Kim, III (571); '
        'Zhang, Wei (572)",Bone study,2022,PLoS ONE,"Smith J.A., Jr., Johns Hopkins University, Baltimore, MD, '
        'United States; Lee K. III, Yale University, New Haven, CT, United States; Zhang W., Peking University, '
        'Beijing, China"\n', encoding="utf-8")
    (rec,), _ = read(path)
    validate(rec)
    assert [(a["family"], a.get("affiliation")) for a in rec["authors"]] == [
        ("Smith", "Johns Hopkins University, Baltimore, MD, United States"),
        ("Lee", "Yale University, New Haven, CT, United States"), ("Zhang", "Peking University, Beijing, China")]


def test_a_pmid_column_is_the_records_pmid(tmp_path):
    # Scopus's "PubMed ID" and a "pmid" column reach search (pmid:) and the exports; the row's id
    # stays what it was (Scopus's EID; a "pmid" column's value)
    scopus, plain = tmp_path / "scopus.csv", tmp_path / "plain.csv"
    scopus.write_text('"Authors","Title","Year","Source title","PubMed ID","EID"\n'
                      '"Zhang K.","A study of bone","2021","Spine","33587412","2-s2.0-85100000000"\n', encoding="utf-8")
    plain.write_text("pmid,title,year\n33419454,A study of joints,2020\n", encoding="utf-8")
    records = [cleaned(scopus)[0], cleaned(plain)[0]]
    assert [(r["source"]["source_id"], r["extra"].get("pmid")) for r in records] == \
        [("2-s2.0-85100000000", ["33587412"]), ("33419454", ["33419454"])]
    index = tmp_path / "idx"
    assert run_cli("ingest", str(scopus), str(plain), "--index", str(index), "-q").returncode == 0
    for number in ("33587412", "33419454"):
        assert json.loads(run_cli("search", f"pmid:{number}", "--index", str(index), "--json").stdout)["total"] == 1



def test_a_rows_raw_text_is_its_lines_as_written(tmp_path):
    # its cells joined again had lost the quotes ('Two,Li, X,2021': three cells or four?)
    from indexer.readers import read_file

    path = tmp_path / "refs.csv"
    path.write_text('Title,Authors,Year\nOne,"Smith, J",2020\n"Two\nlines","Li, X",2021,extra\n'
                    '"Three,Wang,2022\nFour,Zhao,2023\n', encoding="utf-8")
    records, (failure,) = read(path, rc=1)
    assert (failure["line"], failure["raw"]) == (3, '"Two\nlines","Li, X",2021,extra')
    # a record keeps its row so too (a failure of its cleaning shows it); a quote that never
    # closes keeps its own line, the lines read again after it being the next rows'
    assert [(r.source.line, r.raw_text) for r in read_file(str(path)) if not hasattr(r, "reason")] == [
        (2, 'One,"Smith, J",2020'), (5, '"Three,Wang,2022'), (6, 'Four,Zhao,2023')]


def test_a_csv_cut_inside_a_quoted_cell_is_said_to_be_cut_short(tmp_path):
    # A download cut inside its last row's quoted abstract: read as whole, and ingest removed
    # the rows after the cut from the index.
    from indexer.readers import read_file
    from indexer.readers.base import CUT_SHORT

    path = tmp_path / "refs.csv"
    whole = 'Title,Year,Abstract\nAlpha,2020,"One, two."\nBeta,2021,"Three\nfour."\n5" disk,2022,"Five."\n'
    path.write_text(whole[:whole.index("Three") + 3], encoding="utf-8")
    records = list(read_file(str(path)))
    assert [CUT_SHORT in " ".join(r.issues) for r in records] == [False, True]
    path.write_text(whole.rstrip("\n"), encoding="utf-8")   # whole, a quote inside a cell: not cut
    assert [r.issues for r in read_file(str(path))] == [[], [], []]
