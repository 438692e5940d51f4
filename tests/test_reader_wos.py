"""Web of Science (and CSCD) tagged reader on small files written for these tests (one quirk
each), and the shared samples (record counts) when ../shared is present.  Expected values
are written by hand from the fixtures."""
from __future__ import annotations

from conftest import DATA, clean_items, jsonl, needs_shared, run_cli

FOLDER = DATA / "formats" / "wos"


def clean(name, validate, failures=0):
    result, records, failed = clean_items(FOLDER / name)
    assert len(failed) == failures, result.stdout
    assert result.returncode == (1 if failures else 0), result.stderr
    for rec in records:
        validate(rec)
        assert rec["source"]["format"] == "wos"
    return records, failed


def names(rec):
    return [(a.get("family"), a.get("given"), a.get("literal")) for a in rec["authors"]]


def test_header_continuations(validate):
    (first, second), _ = clean("header-continuations.txt", validate)
    assert first["source"]["source_id"] == "WOS:000123456700001" and first["source"]["line"] == 3
    assert first["title"]["en"] == "Spinal metastases from an unknown primary: a retrospective study"
    assert names(first) == [("Zhang", "Wei", None), ("Wang", "Li", None)]   # AF over AU, e-mail dropped
    assert first["pages"] == "e0123"                                        # article number
    assert first["keywords"]["en"] == ["spinal metastasis", "surgery", "OUTCOMES"]
    assert first["authors"][0]["affiliation"] == "Example Univ, Dept Orthoped, Beijing, Peoples R China."
    assert (first["volume"], first["issue"], first["year"], first["doi"]) == ("8", "2", 2020, "10.1000/jeo.2020.8")
    assert second["title"] == {"zh": "原发灶不明脊柱转移瘤的外科治疗"}
    assert (second["journal"], second["pages"], second["year"]) == ({"zh": "中华骨科杂志"}, "12-15", 2018)
    assert second["source"]["source_id"] == "CSCD:6123456"


def test_cscd_chinese_fields(validate):
    (rec,), _ = clean("cscd-chinese-fields.txt", validate)
    assert rec["source"]["source_id"] == "CSCD:6500001"
    assert rec["language"] == "zh"
    # Z1 continued on the next line: joined without a space between Chinese characters
    assert rec["title"] == {"zh": "原发灶不明脊柱转移瘤的外科治疗",
                            "en": "Surgical treatment of spinal metastases from an unknown primary"}
    assert names(rec) == [(None, None, "陈静"), (None, None, "周晓玲")]
    assert [(a["alt"]["family"], a["alt"]["given"]) for a in rec["authors"]] == [("Chen", "Jing"), ("Zhou", "Xiaoling")]
    assert rec["journal"] == {"en": "CHINESE JOURNAL OF EXAMPLE ORTHOPAEDICS", "zh": "中华示例骨科杂志"}
    assert rec["abstract"]["zh"] == "目的 总结手术疗效。方法 随访40例患者。结果 疼痛减轻。结论 手术有效。"
    assert [s["label"] for s in rec["sections"]["zh"]] == ["OBJECTIVE", "METHODS", "RESULTS", "CONCLUSION"]
    assert rec["keywords"]["zh"] == ["脊柱转移瘤", "外科治疗", "预后"]
    assert rec["keywords"]["en"] == ["spinal metastasis", "surgery", "prognosis"]
    assert rec["extra"]["affiliations"] == ["Example Med Univ, Dept Orthoped, Chengdu 610000, Peoples R China.",
                                            "示例医科大学骨科, 成都 610000"]
    assert (rec["volume"], rec["issue"], rec["pages"], rec["year"], rec["issn"]) == (
        "39", "4", "201-208", 2019, "0253-0000")


def test_paragraph_abstracts_become_sections(validate):
    (headings, labels, wrapped), _ = clean("paragraph-abstracts.txt", validate)
    assert headings["sections"]["en"] == [
        {"label": "OBJECTIVE", "label_original": "Objective", "text": "To test early mobilisation after surgery."},
        {"label": "METHODS", "label_original": "Methods", "text": "Sixty patients were randomised to two groups."},
        {"label": "RESULTS", "label_original": "Results", "text": "Early mobilisation shortened the stay."},
        {"label": "CONCLUSION", "label_original": "Conclusion", "text": "Early mobilisation is safe."}]
    assert [(s["label"], s["text"]) for s in labels["sections"]["en"]] == [
        ("BACKGROUND", "Falls are common in older adults."), ("METHODS", "We followed 200 residents for a year."),
        ("RESULTS", "Exercise halved the falls."), ("CONCLUSION", "Exercise prevents falls.")]
    # A wrapped abstract whose line happens to hold "Results:" is not split by paragraphs
    assert wrapped["sections"] == {}
    assert wrapped["abstract"]["en"] == ("We studied the effect of walking on recovery in forty patients after "
                                         "hip surgery. Results: walking helped. The effect was largest in the "
                                         "oldest patients.")


def test_a_plural_mark_on_a_label(tmp_path, validate):
    # ../shared's wos-demo.txt (Iranian journals): "Objective(s):" is the objective
    path = tmp_path / "wos.txt"
    path.write_text("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Rahimi, M\nTI An example\n"
                    "AB Objective(s): To test a drug.\n   Materials and Methods: Mice were given it.\n"
                    "   Results: It worked.\n   Conclusion: It is safe.\nPY 2019\nER\n\nEF\n", encoding="utf-8")
    result, (rec,), _ = clean_items(path)
    validate(rec)
    assert [(s["label"], s["label_original"]) for s in rec["sections"]["en"]] == [
        ("OBJECTIVE", "Objective(s)"), ("METHODS", "Materials and Methods"), ("RESULTS", "Results"),
        ("CONCLUSION", "Conclusion")]


def test_a_bracketed_address_wrapped_onto_a_second_line_is_one_address(tmp_path, validate):
    # a C1 address wrapped (its next line no "[Authors]"): the end of that address, not one more
    path = tmp_path / "wos.txt"
    path.write_text("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Wang, J\nAU Berg, M\nAF Wang, Jianguo\n"
                    "AF van der Berg, Maria\nTI An example\n"
                    "C1 [Wang, Jianguo] Tsinghua Univ, Sch Life Sci, Beijing 100084,\n   Peoples R China.\n"
                    "   [van der Berg, Maria] Delft Univ Technol, Dept Biotechnol,\n   NL-2628 BC Delft, Netherlands.\n"
                    "PY 2019\nER\n\nEF\n", encoding="utf-8")
    result, (rec,), _ = clean_items(path)
    validate(rec)
    assert rec["extra"]["affiliations"] == ["Tsinghua Univ, Sch Life Sci, Beijing 100084, Peoples R China.",
                                            "Delft Univ Technol, Dept Biotechnol, NL-2628 BC Delft, Netherlands."]
    assert [a["affiliation"] for a in rec["authors"]] == rec["extra"]["affiliations"]
    # an address without brackets after a whole one (its country, a stop) is an address of its own
    path.write_text(path.read_text(encoding="utf-8").replace(
        "   [van der Berg, Maria] Delft Univ Technol, Dept Biotechnol,\n", "   Harvard Univ, Sch Med, Boston, MA 02115 USA.\n"
        "   [van der Berg, Maria] Delft Univ Technol, Dept Biotechnol,\n"), encoding="utf-8")
    result, (rec,), _ = clean_items(path)
    assert rec["extra"]["affiliations"][:2] == ["Tsinghua Univ, Sch Life Sci, Beijing 100084, Peoples R China.",
                                                "Harvard Univ, Sch Med, Boston, MA 02115 USA."]


def test_unindented_continuations_missing_er_bom_crlf(validate):
    (first, second), _ = clean("unindented-missing-er-crlf.txt", validate)
    assert first["source"]["source_id"] == "BCI:BCI200000000001"
    assert first["title"]["en"] == "Nutrient limitation of algae in example upland lakes"
    assert names(first) == [("Medina", "Rosa A.", None), ("Taylor", "Ben", None)]
    # "UK and Irish ..." starts like a tag but UK is none: it continues the abstract
    assert first["abstract"]["en"] == ("Algal growth in upland lakes is limited by nitrogen or phosphorus. "
                                       "UK and Irish lakes were sampled in summer.")
    assert first["pages"] == "45-52" and first["keywords"]["en"] == ["algae", "nutrient limitation"]
    assert second["source"]["source_id"] == "BCI:BCI200000000002" and second["source"]["line"] == 15
    assert second["title"]["en"] == "A record that follows one without its end line"
    assert second["pages"] == "e42" and second["year"] == 2013


def test_patent_book_chapter_and_stray_lines(validate):
    (patent, chapter), (failure,) = clean("patent-book-broken.txt", validate, failures=1)
    assert patent["type"] == "patent" and patent["source"]["source_id"] == "DIIDW:2020000001"
    assert names(patent) == [("WANG", "X", None), ("LI", "YM", None)]        # "WANG X": family, initials
    assert patent["abstract"]["en"] == "NOVELTY - An example device measures bone density. USE - For screening osteoporosis."
    assert patent["extra"]["number"] == ["CN100000001-A"]
    assert patent["extra"]["assignee"] == ["UNIV EXAMPLE MEDICAL"]
    assert failure["line"] == 15 and failure["format"] == "wos"
    assert failure["raw"] == "this line was pasted here by mistake\nand so was this one"
    assert chapter["type"] == "chapter" and chapter["source"]["source_id"] == "WOS:000900000000009"
    assert chapter["journal"] == {"en": "EXAMPLE TEXTBOOK OF RADIOLOGY"}
    assert chapter["pages"] == "101-130" and chapter["doi"] == "10.1000/978-0-00-000001-1"
    assert chapter["extra"]["editor"] == ["Ortiz, Carmen"] and chapter["extra"]["isbn"] == ["978-0-00-000001-1"]
    assert [(f["funder"], f["award"]) for f in chapter["funding"]] == [
        ("Example Research Council", "ERC-2017-001"), ("Example Foundation", None)]
    assert chapter["extra"]["funding_text"] == [
        "This chapter was supported by the Example Research Council (grant ERC-2017-001)."]


def test_shared_samples_fully_read():
    base = needs_shared("corpus", "formats", "wos")
    counts = {}
    for path in sorted(p for p in base.iterdir() if p.is_file()):
        result = run_cli("clean", "--json", "-q", str(path))
        assert result.returncode == 0, (path.name, result.stderr[-500:])
        counts[path.name] = len([r for r in jsonl(result.stdout) if "source" in r])
    assert counts == {"wos-01.txt": 5, "wos-02.txt": 1, "wos-04.txt": 1, "wos-05.txt": 1, "wos-07.txt": 1,
                      "wos-08.txt": 1, "wos-demo.txt": 10}


def test_a_file_that_ends_inside_a_record_flags_it(tmp_path, validate):
    whole = (FOLDER / "header-continuations.txt").read_text(encoding="utf-8")
    records, _ = clean("header-continuations.txt", validate)
    assert not any(r["issues"] for r in records)
    cut = tmp_path / "savedrecs.txt"
    cut.write_text(whole[:whole.rindex("\nER")], encoding="utf-8")   # cut before the last record's ER
    result, records_cut, failed = clean_items(cut)
    assert result.returncode == 0 and not failed and len(records_cut) == len(records)
    last = records_cut[-1]
    assert last["issues"] == [f"{cut}:{last['source']['line']}: the file ends inside this record (no ER after it): "
                              "the export may be cut short"]
    assert not any(r["issues"] for r in records_cut[:-1])


def test_a_tag_with_a_tab_for_its_space_is_still_its_tag(tmp_path, validate):
    # QA: "DI<tab>10.1000/test.33" was read as the EP before it continued (pages "1-9 DI\t10.1000/
    # test.33"), the DOI lost; a continuation line, indented or opening with no WoS tag, continues
    path = tmp_path / "wos.txt"
    path.write_text("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Doe, J\nTI A trial of aspirin\n"
                    "SO JOURNAL OF TESTS\nAB Abstract text that wraps onto\n   DI\tas a word of it.\nZZ\tand more.\nBP 1\n"
                    "EP 9\nDI\t10.1000/test.33\nUT WOS:000000000000033\nER\n\nEF\n", encoding="utf-8")
    result, (rec,), _ = clean_items(path)
    validate(rec)
    assert (rec["pages"], rec["doi"]) == ("1-9", "10.1000/test.33")
    assert rec["abstract"]["en"] == "Abstract text that wraps onto DI as a word of it. ZZ and more."
    assert rec["issues"] == [f"{path}:12: 'DI\\t10.1000/test.33' read as its tag DI (a malformed separator)"]
    assert rec["source"]["source_id"] == "WOS:000000000000033"


def test_prose_that_opens_like_a_tag_with_a_tab_continues(tmp_path, validate):
    # an unindented wrapped line opening with a numbered tag (C1) or a lowercase word after a tag
    # and a tab is the value before continued, as in RIS and MEDLINE
    path = tmp_path / "wos.txt"
    path.write_text("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Doe, J\nTI A trial of aspirin\n"
                    "SO JOURNAL OF TESTS\nAB Abstract text on the\nC1\tC2 segments and\nTI\tweighted images.\n"
                    "BP 1\nEP 9\nUT WOS:000000000000034\nER\n\nEF\n", encoding="utf-8")
    result, (rec,), _ = clean_items(path)
    validate(rec)
    assert rec["abstract"]["en"] == "Abstract text on the C1 C2 segments and TI weighted images."
    assert (rec["title"], rec["issues"]) == ({"en": "A trial of aspirin"}, [])


EARLY_ACCESS = """FN Clarivate Analytics Web of Science
VR 1.0
PT J
AU Doe, J
TI Early access without year
SO JOURNAL OF TESTING
DT Article; Early Access
EA JAN 2024
UT WOS:001100000000001
ER

PT J
AU Doe, J
TI Early access with its year
SO JOURNAL OF TESTING
DT Article; Early Access
EA DEC 2023
EY 2024
UT WOS:001100000000002
ER

PT J
AU Doe, J
TI Published later
SO JOURNAL OF TESTING
DT Article
PY 2025
EA DEC 2023
UT WOS:001100000000003
ER
EF
"""


def test_early_access_record_takes_its_year_from_ey_else_ea(tmp_path, validate):
    """An early-access record has no PY: its EY is the year, else its EA date's; a record with
    its PY keeps it."""
    path = tmp_path / "early.txt"
    path.write_text(EARLY_ACCESS, encoding="utf-8")
    result, records, failed = clean_items(path)
    assert result.returncode == 0 and not failed, result.stderr
    ea, ey, published = records
    for rec in records:
        validate(rec)
    assert ea["year"] == 2024 and ea["extra"]["early_access"] == ["JAN 2024"]
    assert ea["extra"]["date"] == ["JAN 2024"]          # kept as written, as PD's date is
    assert ey["year"] == 2024 and ey["extra"]["early_access"] == ["DEC 2023"]
    assert published["year"] == 2025 and "date" not in published["extra"]


def test_early_access_in_the_tab_delimited_export(tmp_path, validate):
    path = tmp_path / "savedrecs.txt"
    path.write_text("PT\tAU\tTI\tSO\tDT\tPY\tEA\tEY\tUT\n"
                    "J\tDoe, J\tEarly access\tJOURNAL OF TESTING\tArticle; Early Access\t\tJAN 2024\t\tWOS:1\n"
                    "J\tDoe, J\tEarly access\tJOURNAL OF TESTING\tArticle; Early Access\t\tDEC 2023\t2024\tWOS:2\n",
                    encoding="utf-8")
    result, records, failed = clean_items(path)
    assert result.returncode == 0 and not failed, result.stderr
    assert [r["year"] for r in records] == [2024, 2024]
    assert records[0]["extra"]["early_access"] == ["JAN 2024"]


def test_a_hyphenated_article_number_is_no_page_range(tmp_path, validate):
    """ASM's article numbers (``AR e02132-20``) hold a hyphen: kept whole as the article number,
    never the pages (which every writer splits at the hyphen); BP E1 EP E1 is one page."""
    path = tmp_path / "ar.txt"
    path.write_text("FN Clarivate Analytics Web of Science\nVR 1.0\n"
                    "PT J\nAU Wang, J\nTI Malic enzyme\nSO APPLIED AND ENVIRONMENTAL MICROBIOLOGY\nPY 2021\n"
                    "VL 87\nIS 3\nAR e02132-20\nUT WOS:1\nER\n\n"
                    "PT J\nAU Lee, C\nTI Correction\nSO NATURE\nPY 2020\nBP E1\nEP E1\nUT WOS:2\nER\n\n"
                    "PT J\nAU Lee, C\nTI Numbered\nSO PLOS ONE\nPY 2020\nAR e0245\nUT WOS:3\nER\nEF\n",
                    encoding="utf-8")
    result, records, failed = clean_items(path)
    assert result.returncode == 0 and not failed, result.stderr
    asm, correction, numbered = records
    validate(asm)
    assert asm["pages"] is None and asm["extra"]["article_number"] == ["e02132-20"]
    assert correction["pages"] == "E1"
    assert numbered["pages"] == "e0245" and numbered["extra"]["article_number"] == ["e0245"]


def test_every_tag_at_a_line_start_is_its_own_field(tmp_path, validate):
    # QA: the times-cited tags ZB, ZS, ZR, ZA and a tag of a user's own (XX) were read as the line
    # before continued: pages "1401-1409 XX custom", times cited "5 ZB 0 ZS 0"
    path = tmp_path / "savedrecs.txt"
    path.write_text("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Zhang, W\nTI Serratus plane block\n"
                    "   and pain\nSO PAIN MEDICINE\nPY 2020\nVL 21\nBP 1401\nEP 1409\nXX custom\nTC 5\nZB 1\nZS 2\n"
                    "Z8 3\nZR 4\nZA 6\nZ9 5\nER\n\nEF\n", encoding="utf-8")
    result, (rec,), _ = clean_items(path)
    validate(rec)
    assert rec["title"] == {"en": "Serratus plane block and pain"} and rec["pages"] == "1401-1409"
    extra = rec["extra"]
    assert extra["tags"] == {"XX": ["custom"]}
    assert (extra["times_cited"], extra["times_cited_biosis"], extra["times_cited_scielo"], extra["times_cited_cscd"],
            extra["times_cited_rsci"], extra["times_cited_arabic"], extra["times_cited_all"]) == (
        ["5"], ["1"], ["2"], ["3"], ["4"], ["6"], ["5"])
    assert rec["issues"] == []
