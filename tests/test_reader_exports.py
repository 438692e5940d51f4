"""PubMed XML, EndNote XML, BibTeX, CSL-JSON, CSV and RIS readers on small files written for
these tests (one per quirk), with hand-written expectations."""
from __future__ import annotations

import json

from conftest import DATA, clean_items

FORMATS = DATA / "formats"


def clean(path, validate, rc=0):
    result, records, failures = clean_items(path)
    assert result.returncode == rc, result.stderr
    for rec in records:
        validate(rec)
    return records, failures


def names(rec):
    return [a.get("literal") or (a.get("family"), a.get("given")) for a in rec["authors"]]


def names_read(tmp_path, validate, *authors: str, year: int = 2020) -> list:
    """The names of one RIS record whose AU lines are ``authors``, as cleaned."""
    path = tmp_path / "names.ris"
    lines = "".join(f"AU  - {a}\n" for a in authors)
    path.write_text(f"TY  - JOUR\nTI  - A title\n{lines}PY  - {year}\nER  - \n", encoding="utf-8")
    (rec,), _ = clean(path, validate)
    return names(rec)


def test_pubmed_xml_sections_names_grants_and_a_cut_off_file(validate):
    (rec,), failures = clean(FORMATS / "pubmed-xml" / "structured-book-broken.xml", validate, rc=1)
    assert rec["source"]["source_id"] == "30000001"
    assert rec["title"] == {"en": "Interleukin-6 after spinal surgery."}
    assert names(rec) == [("Smith", "John A"), "Example Study Group"]
    assert rec["journal"] == {"en": "Journal of example surgery"}   # NLM's case; "(London, England)" dropped
    assert (rec["volume"], rec["issue"], rec["pages"], rec["year"]) == ("12", "3", "1234-1245", 2019)
    assert [(s["label"], s["text"]) for s in rec["sections"]["en"]] == [
        ("BACKGROUND", "IL-6 rises after surgery."), ("CONCLUSION", "It rises.")]
    assert rec["keywords"]["en"] == ["Interleukin-6"]
    # Agency the funder, GrantID its award as printed (the activity code R01 is part of it)
    assert [(f["funder"], f["funder_id"], f["award"]) for f in rec["funding"]] == [
        ("National Natural Science Foundation of China", "10.13039/501100001809", "81702662"),
        ("National Institute of Neurological Disorders and Stroke", "10.13039/100000065", "R01 NS039600")]
    (failure,) = failures
    assert "XML" in failure["reason"] and failure["line"] > 30


def test_endnote_xml_styles_thesis_supervisors(validate):
    (article, thesis), _ = clean(FORMATS / "endnote-xml" / "records.xml", validate)
    assert article["title"] == {"zh": "脊柱转移瘤的外科治疗"}
    assert names(article) == ["张三", ("Li", "Wei")]
    assert article["journal"] == {"zh": "中华骨科杂志"}
    assert (article["issn"], article["doi"], article["pages"]) == ("0253-2352", "10.1000/zhgk.2020.3", "12-15")
    assert thesis["type"] == "thesis" and names(thesis) == ["王明"]     # the supervisor is not an author


def test_bibtex_latex_macros_names_and_a_broken_entry(validate):
    (first, book), failures = clean(FORMATS / "bibtex" / "latex-strings-broken.bib", validate, rc=1)
    assert first["source"]["source_id"] == "Mueller2019"
    assert first["title"] == {"en": "IL-6 after spinal surgery: a DNA study – results"}
    assert names(first) == [("Müller", "Jörg"), "World Health Organization", ("von Hicks", "Michael, III")]
    assert first["journal"] == {"en": "Journal of Example Surgery (Online)"}
    assert (first["year"], first["volume"], first["issue"], first["pages"]) == (2019, "12", "3", "1234-1245")
    assert first["keywords"]["en"] == ["spinal surgery", "interleukin"]
    assert book["type"] == "book" and names(book) == ["陈明", "李华"] and book["title"] == {"zh": "脊柱外科学"}
    (failure,) = failures
    assert failure["line"] == 16 and "Broken2020" in failure["raw"]


def test_csl_json_items_and_a_bad_item(validate):
    (article, book), failures = clean(FORMATS / "csl-json" / "items.json", validate, rc=1)
    assert names(article) == [("Smith", "John"), "Example Study Group", "王明"]
    assert (article["year"], article["pages"], article["doi"]) == (2019, "1234-1245", "10.1000/jes.2019.3")
    assert article["keywords"]["en"] == ["spine", "metastasis"]
    assert book["type"] == "book" and book["title"] == {"zh": "全唐五代诗格汇考"} and book["year"] == 2002
    assert len(failures) == 1


def test_csl_json_rich_text_name_suffix_and_note_variables(validate):
    # Zotero writes CSL rich text in titles and keeps fields its item type lacks in the note.
    (rec,), _ = clean(FORMATS / "csl-json" / "zotero-markup-notes.json", validate)
    assert rec["title"] == {"en": "Growth of Escherichia coli in pH 5 media with H₂O₂"}
    assert rec["journal"] == {"en": "Journal of Example Bacteriology"}
    assert rec["abstract"] == {"en": "Cells grew at 10⁶ CFU/ml (p<0.05)."}
    assert names(rec) == [("Smith", "John, Jr."), ("Lee", "Kim")]      # as RIS writes "Smith, John, Jr."
    assert rec["doi"] == "10.1000/jeb.2019.7"


def test_csv_header_synonyms_quoted_cells_and_a_long_row(validate):
    (first, second), failures = clean(FORMATS / "csv" / "bib-dedupe-layout.csv", validate, rc=1)
    assert names(first) == [("Smith", "J"), ("Lee", "K")]
    assert (first["journal"], first["year"], first["pages"]) == ({"en": "Journal of Example Surgery"}, 2019,
                                                                  "1234-1245")
    assert first["abstract"] == {"en": "We reviewed it."}
    assert second["title"] == {"en": "A title, with a comma"}
    assert failures[0]["line"] == 4


def test_csv_with_chinese_column_names(tmp_path, validate):
    # CNKI's Excel export saved as CSV names each column twice ("Title-题名"); Wanfang's and
    # VIP's in Chinese only.  Written for this test (the first row after a CNKI E-Study record).
    (rec,), _ = clean(FORMATS / "csv" / "cnki-excel-saved-as-csv.csv", validate)
    assert rec["title"]["zh"].startswith("1例卡培他滨与苯妥英钠") and rec["language"] == "zh"
    assert names(rec) == ["柯洪琴", "陈璿英", "王启斌"]   # the trailing ";" names no one
    assert (rec["journal"], rec["year"], rec["volume"], rec["pages"], rec["issn"]) == (
        {"zh": "中南药学"}, 2021, "19", "168-170", "1672-2981")
    assert rec["keywords"] == {"zh": ["苯妥英钠", "卡培他滨", "相互作用"]}
    assert [(f["funder_original"], f["award"]) for f in rec["funding"]] == [("国家自然科学基金", "81702662")]
    assert rec["extra"]["columns"] == {"SrcDatabase-来源库": "期刊"}   # CNKI's Organ-单位 is the affiliation
    assert rec["extra"]["affiliations"] == ["十堰市太和医院药学部"]
    path = tmp_path / "two-languages.csv"
    path.write_text("题名,英文题名,作者,英文作者,刊名,年\n骨髓研究,Study of marrow,张三;李四,Zhang San;Li Si,中华医学杂志,2020\n",
                    encoding="utf-8")
    (rec,), _ = clean(path, validate)
    assert rec["title"] == {"zh": "骨髓研究", "en": "Study of marrow"}
    assert names(rec) == ["张三", "李四"] and rec["extra"]["translated_author"] == ["Zhang San;Li Si"]
    (rec,), _ = clean(FORMATS / "csv" / "chinese-headers.csv", validate)
    assert (rec["title"]["zh"], rec["journal"], rec["year"], rec["issue"]) == (
        "阿霉素抗4T1乳腺癌荷瘤小鼠的免疫调控机制", {"zh": "生物工程学报"}, 2021, "2")
    assert rec["abstract"] == {"zh": "研究阿霉素的免疫调控机制。"}


def test_csv_in_scopus_layout(validate):
    # Scopus's CSV columns (written for this test): full names with Scopus author ids preferred
    # to the abbreviated list, the funding text read as funding, the EID as the source id.
    (rec,), _ = clean(FORMATS / "csv" / "scopus-layout.csv", validate)
    assert names(rec) == [("Smith", "John"), ("Lee", "Kim")]
    assert rec["extra"]["columns"]["Authors"] == "Smith J., Lee K."            # kept as written
    assert [(f["funder"], f["award"]) for f in rec["funding"]] == [("National Natural Science Foundation of China",
                                                                    "81702662")]
    assert rec["source"]["source_id"] == "2-s2.0-85000000000" and rec["pages"] == "100-110"


def test_a_csv_authors_column_holds_the_whole_list(tmp_path, validate):
    path = tmp_path / "two.csv"
    path.write_text('Title,Authors\nA paper,"Karpman D, Tati R"\nAnother,"Rosoff, Heather Beth"\n', encoding="utf-8")
    (first, second), _ = clean(path, validate)
    assert names(first) == [("Karpman", "D"), ("Tati", "R")]       # two abbreviated names are two
    assert names(second) == [("Rosoff", "Heather Beth")]           # one inverted name stays one


def test_ris_lists_on_one_line_and_an_abbreviated_journal(validate):
    # Exports that put several names on one AU line: glued "FamilyGiven" words, "; ",
    # PubMed-style "Family Initials", "and"; one name stays one, suffixes go after the given name.
    (rec,), _ = clean(FORMATS / "ris" / "lists-on-one-line.ris", validate)
    assert names(rec) == [
        ("Kraus", "Anna"), ("Beller", "Jonas"), ("Ortega", "Lucia"),
        ("Ruiz", "P."), ("Lam", "H.-K."),
        ("Novak", "BS"), ("Ferri", "KE"), ("Adams", "SL"),
        ("Weber", "A"), ("Costa", "F"), ("Lind", "L."),
        ("Hale", "Peter C., Jr."),
        ("Brandt", "Thomas J."), ("Moreau", "Elise"),
        ("Oduya", "KM"),
        ("Tan", "I, Mei"),                 # "Family, Initial, Given": one name, left as written
        ("McKenna", "DeAnne"),             # two camel-case parts are one inverted name
        ("Walker", "Edward D., II"),       # the suffix before the comma goes after the given name too
        "Gruppo Tecnico PASSI",            # a group in Italian, kept whole ...
        ("Gruppo", "Ralph A."),            # ... and a person named Gruppo
        "SPRINT Investigators",
    ]                                      # "[Anonymous]", "indicated, No authorship": no names
    # DA kept as written, and read on the year
    assert (rec["year"], rec["extra"]["date"]) == (2012, ["February 01", "2012-02-01"])
    # J2 (Scopus's abbreviation, before the full name T2): the full name is the journal
    assert rec["journal"] == {"en": "Annales de Chirurgie Plastique Esthetique"}
    assert rec["extra"]["journal_abbreviation"] == ["Ann. Chir. Plast. Esthet."]
    # KW is one keyword a line (MeSH inverts with a comma) unless plainly a list
    assert rec["keywords"]["en"] == [
        "Mice, Transgenic", "tau", "kinase", "phosphatase", "proteomic", "amyloid", "plaque",
        # MeSH terms joined by spaces (an exporter's bug): not a list of short parts, kept whole
        # (less PubMed's major-topic star)
        "Aging/physiology Amyloid beta-Peptides/metabolism Animals Memory Mice Mice, Transgenic Microscopy, "
        "Electron Neuronal Plasticity Receptors, AMPA/genetics"]


def test_ris_author_lists_an_export_read_as_one_inverted_name(validate):
    # Scopus lists passed through some reference managers (as in ../shared's mixed exports):
    # the list's last word put in front as a family name, "L., Okoro A. H. … Lindqvist J."
    recs, _ = clean(FORMATS / "ris" / "rotated-lists.ris", validate)
    assert [names(r) for r in recs] == [
        [("Okoro", "A. H."), ("Brandt", "K."), ("Lindqvist", "J. L.")],
        [("Dorsey", "B. T."), ("Marlow", "L. M."), ("Quint", "H."), ("Fenwick", "")],
        [("Salas Prieto", "P."), ("Ortiz Vega", "G."), ("Ruiz Duarte", "M.")],
        [("Mensah", "B. B."), ("Rahimi", "Sara A. Karim H.")],      # an inverted name stays one
    ]



def test_generational_suffixes_after_pubmed_initials_and_after_a_given_name(tmp_path, validate):
    # PubMed's RIS writes "Grams R 2nd", "Burkle FM Jr" (search corpus): the suffix was read as
    # the family name ("2nd", given "Grams R"). It goes after the given name, as RIS writes it.
    assert names_read(tmp_path, validate, "Grams R 2nd", "Burkle FM Jr", "King ML III", "Smith, John Jr",
                      "Lucas, Jr., Henry C.", "Henry II") == [
        ("Grams", "R, 2nd"), ("Burkle", "FM, Jr"), ("King", "ML, III"), ("Smith", "John, Jr"), ("Lucas", "Henry C., Jr."),
        ("Henry", "II")]


def test_pubmed_major_topic_marks_and_one_keyword_twice(tmp_path, validate):
    # PubMed's RIS keeps its major-topic stars ("*DNA methylation"; 576 in the search corpus);
    # Scopus lists an author keyword and the same index term ("calcium", "Calcium")
    path = tmp_path / "keywords.ris"
    path.write_text("TY  - JOUR\nTI  - A title\nKW  - *DNA methylation\nKW  - Neoplasms/*therapy\nKW  - calcium\n"
                    "KW  - Calcium\nKW  - *OXYTOCICS/chemistry\nKW  - 5*2 design\nPY  - 2020\nER  - \n", encoding="utf-8")
    (rec,), _ = clean(path, validate)
    assert rec["keywords"] == {"en": ["DNA methylation", "Neoplasms/therapy", "calcium", "OXYTOCICS/chemistry",
                                      "5*2 design"]}
    assert {r["step"] for r in rec["repairs"]} == {"drop_major_topic_mark"}


def test_zotero_item_json_from_its_web_api(tmp_path, validate):
    # Zotero's own JSON (itemType, creators, tags; the web API wraps each item in "data") was
    # read as CSL with no authors, journal, year or keywords
    items = [{"key": "ABCD1234", "version": 3, "data": {
        "key": "ABCD1234", "itemType": "journalArticle", "title": "Spinal metastases",
        "creators": [{"creatorType": "author", "lastName": "Zhang", "firstName": "San"},
                     {"creatorType": "author", "name": "Example Study Group"},
                     {"creatorType": "editor", "lastName": "Lee", "firstName": "Kim"}],
        "publicationTitle": "Journal of Spine", "date": "2019-03-15", "volume": "12", "pages": "1-9",
        "DOI": "10.1000/js.1", "abstractNote": "An abstract.",
        "tags": [{"tag": "spine"}, {"tag": "metastasis", "type": 1}],
        "extra": "PMID: 12345"}},
        {"itemType": "patent", "title": "一种清洗装置", "creators": [{"creatorType": "inventor", "name": "段祥祥"}],
         "issueDate": "2018-11-02", "patentNumber": "CN1234567A"},
        {"itemType": "thesis", "title": "A thesis",
         "creators": [{"creatorType": "author", "lastName": "Li", "firstName": "Si"}],
         "university": "Peking University", "thesisType": "PhD", "date": "2020"}]
    path = tmp_path / "zotero-api.json"
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    (article, patent, thesis), failures = clean(path, validate)
    assert not failures and article["source"]["source_id"] == "ABCD1234"
    assert names(article) == [("Zhang", "San"), "Example Study Group"]
    assert (article["journal"], article["year"], article["volume"], article["pages"], article["doi"]) == (
        {"en": "Journal of Spine"}, 2019, "12", "1-9", "10.1000/js.1")
    assert article["keywords"] == {"en": ["spine", "metastasis"]} and article["abstract"] == {"en": "An abstract."}
    assert (patent["type"], patent["year"], names(patent)) == ("patent", 2018, ["段祥祥"])
    assert (thesis["type"], thesis["year"]) == ("thesis", 2020)


def test_chinese_keywords_a_line_holds_apart_by_spaces(tmp_path, validate):
    # one KW line with the list parted by spaces (VIP, and Zotero's tags from an EndNote file);
    # a space between Latin words inside one keyword stays
    path = tmp_path / "spaced.ris"
    path.write_text("TY  - JOUR\nTI  - 大豆肽的抗氧化作用\nKW  - 大豆肽 抗氧化 羟基自由基(.OH) 清除作用\n"
                    "KW  - 单相Level Set方法\nKW  - 锆石SHRIMP U-Pb定年\nPY  - 2020\nER  - \n", encoding="utf-8")
    (rec,), _ = clean(path, validate)
    assert rec["keywords"]["zh"] == ["大豆肽", "抗氧化", "羟基自由基(.OH)", "清除作用", "单相Level Set方法", "锆石SHRIMP U-Pb定年"]


def test_ris_vl_is_a_volume_only_for_types_that_have_volumes(tmp_path, validate):
    # as Zotero reads them: GEN (a journal article) and MUSIC have volumes; a report's VL is
    # its number, a bill's its bill number, a patent's its application number
    path = tmp_path / "types.ris"
    body = "".join(f"TY  - {ty}\nTI  - Title {ty}\nPY  - 2020\nVL  - 38\nER  - \n\n"
                   for ty in ("GEN", "MUSIC", "JOUR", "RPRT", "UNBILL", "PAT"))
    path.write_text(body, encoding="utf-8")
    records, _ = clean(path, validate)
    assert [(r["volume"], r["extra"].get("number")) for r in records] == [
        ("38", None), ("38", None), ("38", None), (None, ["38"]), (None, ["38"]), (None, ["38"])]


def test_ris_keywords_one_a_line_under_one_kw(tmp_path, validate):
    # Scopus and EndNote write every keyword of a record under one KW, one a line (as in
    # ../shared's mixed exports); Zotero reads each line as a keyword. They were one keyword,
    # the lines joined by spaces.
    path = tmp_path / "scopus.ris"
    path.write_text("TY  - JOUR\nTI  - A title\nKW  - Access\nCancer\nGenetic counseling\nBRCA1 protein\n"
                    "PY  - 2016\nAB  - An abstract\nthat wraps.\nER  - \n", encoding="utf-8")
    (rec,), _ = clean(path, validate)
    assert rec["keywords"] == {"en": ["Access", "Cancer", "Genetic counseling", "BRCA1 protein"]}
    assert rec["abstract"] == {"en": "An abstract that wraps."}       # other values still wrap


def test_ris_keywords_one_a_line_each_ending_in_a_comma(tmp_path, validate):
    # ../shared's en_pubmed.ris: "KW  - Epileptogenesis," "KW  - MRI," — the comma is the
    # list's, not the keyword's; a MeSH term keeps its own comma
    path = tmp_path / "pubmed.ris"
    path.write_text("TY  - JOUR\nTI  - A title\nKW  - Epileptogenesis,\nKW  - MRI,\nKW  - Neoplasms, Glandular\n"
                    "PY  - 2016\nER  - \n", encoding="utf-8")
    (rec,), _ = clean(path, validate)
    assert rec["keywords"] == {"en": ["Epileptogenesis", "MRI", "Neoplasms, Glandular"]}


def test_a_csv_issue_written_with_no(tmp_path, validate):
    # CNKI's title lists (../shared's bulk corpus) write the issue "No.12", a combined issue "No.Z1"
    path = tmp_path / "cnki.csv"
    path.write_text("id,journal,year,issue,paper_name,paper_id\n1,电化教育研究,2018,No.12,教育技术的新进展,DHJY201812002\n"
                    "2,电化教育研究,2018,No.Z1,教育技术的回顾,DHJY2018Z1001\n", encoding="utf-8")
    records, _ = clean(path, validate)
    assert [r["issue"] for r in records] == ["12", "Z1"]


def test_an_end_page_web_of_science_leaves_open(tmp_path, validate):
    # Web of Science writes "1137-+" (or "-&") when the paper continues on later pages; Zotero's
    # BibTeX of such records keeps it ("1137--+", 112 records of ../shared's mixed exports)
    bib = tmp_path / "wos.bib"
    bib.write_text("@article{a, title = {A title}, year = {1993}, pages = {1137--+}}\n"
                   "@article{b, title = {Another title}, year = {1994}, pages = {872-&}}\n", encoding="utf-8")
    wos = tmp_path / "wos.txt"
    wos.write_text("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nTI A third title\nPY 1995\nBP 61\nEP +\n"
                   "ER\n\nEF\n", encoding="utf-8")
    records = clean(bib, validate)[0] + clean(wos, validate)[0]
    assert [r["pages"] for r in records] == ["1137", "872", "61"]


def test_a_volume_written_with_volume_before_it(tmp_path, validate):
    # Scopus at times writes "Volume 14" or "Vol. 59" (../shared's digital_work); a series
    # volume "9661 LNCS" and RIS's "Volume ID" placeholder stay as written
    path = tmp_path / "scopus.ris"
    path.write_text("".join(f"TY  - JOUR\nTI  - Title {n}\nPY  - 2020\nVL  - {vl}\nER  - \n\n"
                            for n, vl in enumerate(("Volume 14", "Vol. 59", "9661 LNCS", "Volume ID"))), encoding="utf-8")
    records, _ = clean(path, validate)
    assert [r["volume"] for r in records] == ["14", "59", "9661 LNCS", "Volume ID"]


def test_inverted_names_with_the_suffix_or_the_comma_out_of_place(tmp_path, validate):
    # from ../shared's dedup sets: a suffix before the comma ("Wright Jr., T C", 232 names), a
    # comma after the particle ("van, Hamont D", "Di, Bonito L"), a trailing comma, a person
    # whose family name is an organisation's word; real names stay. A group inverted as a
    # person's name ("Group, ALTS"), or written with hyphens for its spaces ("-ALTS-Study-group",
    # cytology_screening), is its name in order; an organisation inverted elsewhere stays.
    assert names_read(tmp_path, validate, "Wright Jr., T C", "Nunamaker Jr., Jay F.", "Leath III, C A", "van, Hamont D",
                      "Di, Bonito L", "Le, Quintrec M.", "Press, Larry", "Gattineni J,", "Du, Anna Ye", "Das, P. P.",
                      "De, Prabuddha", "Group, ALTS", "group, NTCC study", "Society, American Cancer",
                      "-ALTS-Study-group", "-ARTISTIC-Trial", "Pathology, American Society for Colposcopy") == [
        ("Wright", "T C, Jr."), ("Nunamaker", "Jay F., Jr."), ("Leath", "C A, III"), ("van Hamont", "D"),
        ("Di Bonito", "L"), ("Le Quintrec", "M."), ("Press", "Larry"), ("Gattineni", "J"), ("Du", "Anna Ye"),
        ("Das", "P. P."), ("De", "Prabuddha"), "ALTS Group", "NTCC study group", "American Cancer Society",
        "ALTS Study group", "ARTISTIC Trial", "Pathology, American Society for Colposcopy"]


def test_names_with_many_initials_periods_for_spaces_or_a_given_name_lost(tmp_path, validate):
    # from ../shared's dedup and search sets: four initials made a name of seven words, which
    # was taken for an organisation's; "Crum.C.P." has periods for the space and comma;
    # "Solimando,, Jr." lost its given name. An organisation of seven words stays whole.
    assert names_read(tmp_path, validate, "van de Kar, N. C. A. J.", "van den Biggelaar, Frank J H M", "Crum.C.P.",
                      "Pambuccian.S.E.", "Solimando,, Jr.", "European Working Party on the Genetics of, H. U. S.",
                      year=2011) == [
        ("van de Kar", "N. C. A. J."), ("van den Biggelaar", "Frank J H M"), ("Crum", "C.P."), ("Pambuccian", "S.E."),
        ("Solimando", "Jr."), "European Working Party on the Genetics of, H. U. S."]


def test_a_family_name_first_in_capitals(tmp_path, validate):
    # PubMed's older records write names in capitals ("SALA NL", 108 records of ../shared's
    # search set): the family name was read as the initials (NL, given SALA). Chinese journals
    # write their authors in English as GB/T 28039 does, family name first in capitals, often
    # the whole list in one field ("WANG Jian-guo, ZHANG San, LI Si"). Initials first stay
    # initials ("SA Abrams"); "MA Li" and "HU Jun" are pinyin, so family name first.
    assert names_read(tmp_path, validate, "SALA NL", "MACKENZIE DD", "WANG Jian-guo, ZHANG San, LI Si",
                      "OUYANG Xiu-wen", "MA Li", "HU J", "DUPONT Jean", "SA Abrams", year=1985) == [
        ("SALA", "NL"), ("MACKENZIE", "DD"), ("WANG", "Jian-guo"), ("ZHANG", "San"), ("LI", "Si"),
        ("OUYANG", "Xiu-wen"), ("MA", "Li"), ("HU", "J"), ("DUPONT", "Jean"), ("Abrams", "SA")]


def test_issn_fields_holding_two_issns_no_hyphen_or_isbns(tmp_path, validate):
    # ../shared's mixed exports: PubMed's RIS puts the print and the linking ISSN in one SN,
    # Scopus leaves out the hyphen and says "(ISSN)", or writes a book's ISBNs in SN; CSL-JSON
    # has two ISSNs in one value. A placeholder without a number stays as written.
    path = tmp_path / "issn.ris"
    records = ["0964-6906 (Print)\n0964-6906", "2234943X (ISSN)", "978-131750096-4 (ISBN); 978-113888701-5 (ISBN)",
               "1476-5616 0033-3506", "ISSN"]
    path.write_text("".join(f"TY  - JOUR\nTI  - Title {i}\nSN  - {sn}\nPY  - 2020\nER  - \n\n"
                            for i, sn in enumerate(records)), encoding="utf-8")
    recs, _ = clean(path, validate)
    assert [r["issn"] for r in recs] == ["0964-6906", "2234-943X", None, "1476-5616", "ISSN"]
    assert recs[2]["extra"]["isbn"] == ["978-131750096-4", "978-113888701-5"]
    assert recs[3]["extra"]["other_issns"] == ["0033-3506"]


def test_pubmed_csv_export(tmp_path, validate):
    # PubMed's "Save → CSV": volume, issue, pages and the full date only in its Citation column;
    # its Authors list ends with a period, which is not the last author's initial's
    path = tmp_path / "csv-pubmed.csv"
    path.write_text("PMID,Title,Authors,Citation,First Author,Journal/Book,Publication Year,Create Date,PMCID,"
                    "NIHMS ID,DOI\n33027256,Surgical treatment of spinal metastases: a review.,\"Smith JA, Lee K, "
                    "Wang Y.\",Spine (Phila Pa 1976). 2021 Mar 15;46(6):350-8. doi: 10.1097/BRS.0000000000003790.,"
                    "Smith JA,Spine (Phila Pa 1976),2021,2020/10/07,PMC1234567,,10.1097/BRS.0000000000003790\n"
                    "1,A row with its own pages,\"Abe A.\",Spine. 2020;45:1-9.,Abe A,Spine,2020,,,,\n",
                    encoding="utf-8")
    (rec, other), _ = clean(path, validate)
    assert names(rec) == [("Smith", "JA"), ("Lee", "K"), ("Wang", "Y")]
    assert (rec["journal"], rec["year"], rec["volume"], rec["issue"], rec["pages"]) == (
        {"en": "Spine (Phila Pa 1976)"}, 2021, "46", "6", "350-358")
    assert rec["extra"]["date"] == ["2021 Mar 15"] and rec["source"]["source_id"] == "33027256"
    assert (other["volume"], other["issue"], other["pages"]) == ("45", None, "1-9")
    assert names(other) == [("Abe", "A")]


def test_a_conference_written_after_the_journal(tmp_path, validate):
    # Embase (../shared's haematology set, 80 records): the meeting of a conference abstract
    # after its journal's name; PubMed's journal names with a subtitle glued after the period
    path = tmp_path / "embase.ris"
    path.write_text("TY  - JOUR\nTI  - A proteomics study\nJO  - Molecular Immunology.Conference: 23rd International "
                    "Complement Workshop, ICW New York City, NY United States.Conference Start: 20100801 Conference "
                    "End: 20100805.Conference Publication: (var.pagings)\nPY  - 2010\nER  - \n\n"
                    "TY  - JOUR\nTI  - A cohort\nJO  - International journal of cancer.Journal international du cancer\n"
                    "PY  - 2019\nER  - \n", encoding="utf-8")
    (meeting, glued), _ = clean(path, validate)
    assert meeting["journal"] == {"en": "Molecular Immunology"}
    assert meeting["extra"]["conference"] == "23rd International Complement Workshop, ICW New York City, NY United States"
    assert meeting["extra"]["conference_dates"] == "2010-08-01/2010-08-05"
    assert glued["journal"] == {"en": "International journal of cancer. Journal international du cancer"}


def test_chinese_names_inverted_or_listed_in_one_field(tmp_path, validate):
    # ../shared's digital_work.ris: a reference manager stored a Chinese name as "Family, Given";
    # bilingual_dev's index.tsv: a comma list of Chinese names in the authors column
    path = tmp_path / "zh.ris"
    path.write_text("TY  - JOUR\nTI  - 零工工作者感知算法控制\nAU  - 裴嘉良\nAU  - 崔, 勋\nAU  - 欧阳, 修\nPY  - 2021\nER  - \n",
                    encoding="utf-8")
    table = tmp_path / "zh.csv"
    table.write_text("title,authors,year\n外施Ca对盐碱胁迫的缓解效应,\"颜宏,石德成,尹尚军,赵伟\",2000\n", encoding="utf-8")
    (rec,), _ = clean(path, validate)
    (row,), _ = clean(table, validate)
    assert [a["literal"] for a in rec["authors"]] == ["裴嘉良", "崔勋", "欧阳修"]
    assert [a["literal"] for a in row["authors"]] == ["颜宏", "石德成", "尹尚军", "赵伟"]


def test_a_footnote_mark_after_a_chinese_title(tmp_path, validate):
    # CNKI keeps the mark of a title's funding footnote (../shared's bulk corpus: 17 titles);
    # a star inside an English title is part of it
    path = tmp_path / "titles.csv"
    path.write_text("id,journal,year,issue,paper_name,paper_id\n"
                    "1,电化教育研究,2018,No.12,信息技术课程深度学习影响因素研究*——以“信息可信度评估”学习内容为例,A1\n"
                    "2,现代教育技术,2018,No.3,大学的生成机理＊,A2\n"
                    "3,Tissue Antigens,2018,No.3,HLA-DRB1*13 and the A* search,A3\n", encoding="utf-8")
    records, _ = clean(path, validate)
    assert [r["title"] for r in records] == [{"zh": "信息技术课程深度学习影响因素研究——以“信息可信度评估”学习内容为例"},
                                             {"zh": "大学的生成机理"}, {"en": "HLA-DRB1*13 and the A* search"}]
    assert [rep["step"] for rep in records[0]["repairs"]] == ["strip_footnote_mark"]


def test_an_affiliation_keeps_no_separator_at_its_end(tmp_path, validate):
    path = tmp_path / "ad.ris"
    path.write_text("TY  - JOUR\nTI  - 测试\nAU  - 张三\nAD  - 清华大学计算机系;\nER  - \n", encoding="utf-8")
    (record,), _ = clean(path, validate)
    assert record["authors"][0]["affiliation"] == "清华大学计算机系"
    assert record["extra"]["affiliations"] == ["清华大学计算机系"]


def test_pubmed_book_chapter_keeps_its_book_editors_and_place(tmp_path, validate):
    # GeneReviews and other NCBI Bookshelf chapters come as <PubmedBookArticle>
    path = tmp_path / "book.xml"
    path.write_text(
        '<?xml version="1.0" ?>\n<PubmedArticleSet><PubmedBookArticle><BookDocument><PMID>20301295</PMID><Book>'
        '<Publisher><PublisherName>University of Washington, Seattle</PublisherName>'
        '<PublisherLocation>Seattle (WA)</PublisherLocation></Publisher><BookTitle>GeneReviews®</BookTitle>'
        '<PubDate><Year>1993</Year></PubDate><AuthorList Type="editors"><Author><LastName>Adam</LastName>'
        '<ForeName>Margaret P</ForeName></Author></AuthorList></Book><ArticleTitle>Alport Syndrome</ArticleTitle>'
        '<AuthorList Type="authors"><Author><LastName>Kashtan</LastName><ForeName>Clifford E</ForeName></Author>'
        '</AuthorList></BookDocument></PubmedBookArticle></PubmedArticleSet>\n', encoding="utf-8")
    (record,), _ = clean(path, validate)
    assert (record["type"], record["title"], record["journal"]) == ("chapter", {"en": "Alport Syndrome"},
                                                                   {"en": "GeneReviews®"})
    assert names(record) == [("Kashtan", "Clifford E")]
    assert (record["extra"]["editor"], record["extra"]["place"]) == (["Adam, Margaret P"], ["Seattle (WA)"])
