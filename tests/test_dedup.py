"""Deduplication on records written for these tests (tests/data/dedup/cases.ris): each
"finds" and "does not merge" case, through a real ingest into a temp index and the CLI."""
from __future__ import annotations

import json

import pytest

from conftest import DATA, run_cli


@pytest.fixture(scope="module")
def idx(tmp_path_factory):
    idx = tmp_path_factory.mktemp("dedup") / "idx"
    assert run_cli("ingest", "-q", str(DATA / "dedup" / "cases.ris"), "--index", str(idx)).returncode == 0
    return idx


@pytest.fixture(scope="module")
def ingested(idx):
    """The source ids of every record in the index."""
    result = run_cli("export", "--format", "jsonl", "--index", str(idx))
    assert result.returncode == 0, result.stderr
    return {json.loads(line)["source"]["source_id"] for line in result.stdout.splitlines() if line.strip()}


@pytest.fixture(scope="module")
def clusters(idx):
    result = run_cli("dedup", "--json", "--index", str(idx))
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    shown = run_cli("show", "--json", *[r["id"] for c in out["clusters"] for r in c["records"]], "--index", str(idx))
    source_ids = {json.loads(line)["id"]: json.loads(line)["source"]["source_id"]
                  for line in shown.stdout.splitlines()}
    return [{"ids": sorted(source_ids[r["id"]] for r in c["records"]), "master": source_ids[c["master"]],
             "confidence": c["confidence"], "reasons": c["reasons"]} for c in out["clusters"]]


def cluster_of(clusters, source_id):
    return next((c for c in clusters if source_id in c["ids"]), None)


def test_traditional_and_simplified_copies_with_fullwidth_brackets(clusters):
    c = cluster_of(clusters, "S1")
    assert c["ids"] == ["S1", "T1"]
    assert "titles equal after folding width, case and punctuation" in c["reasons"]


def test_chinese_and_english_versions_by_pinyin_of_authors(clusters):
    c = cluster_of(clusters, "ZH")
    assert c["ids"] == ["EN", "ZH"] and c["confidence"] == "needs review"
    assert any("pinyin" in r for r in c["reasons"])


def test_annotated_title_and_missing_doi(clusters):
    c = cluster_of(clusters, "R1")
    assert c["ids"] == ["R1", "R2"]
    assert c["master"] == "R2"          # the more complete record (it has the DOI)


@pytest.mark.parametrize("source_id", ["P1", "P2", "A2", "C1", "Y1", "Y2", "E1", "E2", "X1", "X2", "ER1"])
def test_does_not_merge(clusters, ingested, source_id):
    # series parts, same title by other authors, a conference paper and the journal
    # paper, a yearly editorial, generic titles, records with an id and nothing else,
    # a correction notice and its paper
    # (ingested, flagged, never merged)
    assert source_id in ingested
    assert cluster_of(clusters, source_id) is None


def test_nothing_else_is_merged(clusters):
    assert sorted(c["ids"] for c in clusters) == [["EN", "ZH"], ["R1", "R2"], ["S1", "T1"]]


def test_readable_view_marks_the_master(tmp_path):
    idx = tmp_path / "idx"
    run_cli("ingest", "-q", str(DATA / "dedup" / "cases.ris"), "--index", str(idx))
    result = run_cli("dedup", "--index", str(idx))
    assert result.returncode == 0
    assert "3 clusters of the same work" in result.stdout and "  * " in result.stdout


# -- rules on hand-written records, straight through find_clusters ---------------------------

from indexer.dedup import _pinyin_names, find_clusters, pinyin_key, wade_giles_key  # noqa: E402
from indexer.dedup_rules import discussion  # noqa: E402


def rec(n: int, title: str, authors=("Smith, John",), year=2019, journal="Journal of Testing", lang="en",
        **fields) -> dict:
    names = []
    for a in authors:
        family, _, given = a.partition(", ")
        names.append({"family": family, "given": given} if given or lang == "en" else {"literal": a})
    return {"id": f"r{n:03d}", "source": {"path": "cases.ris", "record": n},
            "type": fields.pop("type", "article-journal"), "language": lang, "title": {lang: title} if title else {}, "authors": names,
            "journal": {lang: journal} if journal else {}, "year": year, **fields}


def groups(*records: dict, stats: dict | None = None) -> list[list[int]]:
    return sorted(sorted(r["source"]["record"] for r in c["records"]) for c in find_clusters(records, stats=stats))


def test_same_title_in_another_volume_is_another_publication():
    # a conference abstract in a supplement and the paper; "24 Suppl 3" is volume 24
    paper = rec(1, "Novel DNA alterations in FCN1 and FCN2 genes in atypical HUS patients", volume="48")
    abstract = rec(2, "Novel DNA alterations in FCN1 and FCN2 genes in atypical HUS patients", volume="26")
    supplement = rec(3, "Novel DNA alterations in FCN1 and FCN2 genes in atypical HUS patients", volume="48 Suppl 3")
    assert groups(paper, abstract, supplement) == [[1, 3]]


def test_a_conference_abstract_is_not_the_paper():
    # JCO prints a meeting's abstracts in a supplement ("15_suppl"); Embase types one so
    title = ("Pembrolizumab plus chemotherapy versus chemotherapy alone in first-line metastatic gastric cancer: "
             "results of a randomized phase III trial")
    authors = ["Rodriguez, Carlos", "Hoffmann, Julia", "Tanaka, Kenji"]
    journal = "Journal of Clinical Oncology"
    abstract = rec(1, title, authors, journal=journal, volume="37", issue="15_suppl", pages="4005-4005")
    paper = rec(2, title, authors, journal=journal, volume="37", issue="30", pages="2750-2760")
    embase = rec(3, title, ["Rodriguez, C.", "Hoffmann, J.", "Tanaka, K."], journal=journal, volume="37", issue="15",
                 pages="4005", extra={"medium": ["Conference Abstract"]})
    [pair] = find_clusters([abstract, paper, embase])
    assert sorted(r["source"]["record"] for r in pair["records"]) == [1, 3] and pair["confidence"] == "certain"


def test_a_conference_abstract_and_a_record_of_its_volume_without_issue_or_pages_need_review():
    # Embase's abstract in a supplement, and Scopus's record of it at its volume alone: perhaps
    # the abstract, perhaps the paper; a paper with its issue and pages stays apart
    title = "Serum vitamin D and fracture healing after hip surgery in older adults"
    embase = rec(1, title, ["Novak, Petra", "Horvat, Ivan"], journal="Osteoporosis International", volume="30",
                 issue="Suppl 2", pages="S250", extra={"medium": ["Conference Abstract"]})
    scopus = rec(2, title, ["Novak, P.", "Horvat, I."], journal="Osteoporos Int", volume="30")
    [pair] = find_clusters([embase, scopus])
    assert pair["confidence"] == "needs review"
    assert "a conference item and a record of its volume with no issue or pages" in pair["reasons"]
    paper = rec(3, title, ["Novak, P.", "Horvat, I."], journal="Osteoporos Int", volume="30", issue="10",
                pages="2001-2010")
    assert groups(embase, paper) == []
    # another volume, or another journal, is another work
    assert groups(embase, rec(4, title, ["Novak, P."], journal="Osteoporos Int", volume="31")) == []
    assert groups(embase, rec(5, title, ["Novak, P."], journal="Bone", volume="30")) == []


def test_the_same_title_printed_elsewhere_needs_review():
    # another issue and first page of one volume (an erratum reprinting the paper, or another
    # paper), or another journal: a librarian decides
    title = "Successful combined liver and kidney transplantation in a child with atypical HUS"
    [issue] = find_clusters([rec(1, title, volume="26", issue="8", pages="1355"),
                             rec(2, title, volume="26", issue="9", pages="1598")])
    [journal] = find_clusters([rec(3, title, journal="Cancer Prevention Research"),
                               rec(4, title, journal="Clinical Cancer Research")])
    assert issue["confidence"] == journal["confidence"] == "needs review"
    assert "issue differs (8 vs 9)" in issue["reasons"]
    # a journal named two ways at one volume, a page that is no page, stay certain
    [named] = find_clusters([rec(5, title, journal="International Journal of Gynecology and Obstetrics", volume="117"),
                             rec(6, title, journal="Int J Gynaecol Obstet Suppl", volume="117", pages="Suppl")])
    assert named["confidence"] == "certain"


def test_same_volume_overrules_a_wrong_year():
    a = rec(1, "Media, tasks, and communication processes: a theory of media synchronicity", year=2008, volume="32")
    b = rec(2, "Media, Tasks, and Communication Processes - A Theory of Media Synchronicity", year=2006, volume="32")
    other_volume = rec(3, "Media, tasks, and communication processes: a theory of media synchronicity", year=2006,
                       volume="30")
    assert groups(a, b, other_volume) == [[1, 2]]


@pytest.mark.parametrize("first,second", [
    ("城市交通规划与城市发展研究（一）", "城市交通规划与城市发展研究（二）"),
    ("城市交通规划与城市发展研究", "城市交通规划与城市发展研究（续）"),
    ("Deep learning for the detection of spinal metastases, Part I",
     "Deep learning for the detection of spinal metastases, Part II"),
    ("International Conference on Information Systems, ICIS 2013, Volume 1",
     "International Conference on Information Systems, ICIS 2013, Volume 4"),
    ("Welcome to the first issue of Volume 27 of the Journal",
     "Welcome to the third issue of Volume 27 of the Journal"),
    ("Editorial - Critical research in information systems - issue 1",
     "Critical research in information systems - issue 2"),
])
def test_parts_of_a_series_are_not_merged(first, second):
    lang = "zh" if "研究" in first else "en"
    authors = ("李明",) if lang == "zh" else ("Smith, John",)
    assert groups(rec(1, first, authors, lang=lang), rec(2, second, authors, lang=lang)) == []


def test_numbers_inside_words_and_footnote_marks_are_not_part_numbers():
    a = rec(1, "p6INK4a Expression does not predict the outcome of cervical intraepithelial neoplasia")
    b = rec(2, "p16(INK4a) Expression does not predict the outcome of cervical intraepithelial neoplasia")
    c = rec(3, "Labour law for crowdworkers, focusing on employee representation 1")
    d = rec(4, "Labour law for crowdworkers, focusing on employee representation")
    assert groups(a, b, c, d) == [[1, 2], [3, 4]]


def test_an_addendum_is_not_its_paper():
    paper = rec(1, "Critical Success Factors of Chief MIS/DP Executives", volume="6")
    addendum = rec(2, "Critical Success Factors of Chief MIS/DP Executives - An Addendum", volume="6")
    assert groups(paper, addendum) == []


def test_title_without_its_subtitle_or_with_a_label():
    full = rec(1, "Diminished control in crowdsourcing: An investigation of crowdworker multitasking behavior",
               ["Gould, S.J.J.", "Cox, A.L."], volume="23", issue="3", pages="1-29")
    main = rec(2, "Diminished Control in Crowdsourcing", ["Gould, Sandy J. J.", "Cox, Anna L."], volume="23",
               issue="3", pages="1-29")
    labelled = rec(3, "SIM Competition Paper - The Application Profile of Data Processing", ["Batiste, John L."],
                   year=1986, volume="10")
    plain = rec(4, "The Application Profile of Data Processing", ["Batiste, John L."], year=1986, volume="10",
                issue="3")
    assert groups(full, main, labelled, plain) == [[1, 2], [3, 4]]


def test_a_shared_main_title_does_not_link_different_subtitles():
    a = rec(1, "Multimodal spectroscopy as a triage test for cervical neoplasia: Results for adolescent subjects",
            ["Flowers, L C"], volume="14")
    b = rec(2, "Multimodal spectroscopy as a triage test for cervical neoplasia: Results of follow up data",
            ["Flowers, L C"], volume="14")
    assert groups(a, b) == []


def test_english_title_with_the_original_in_brackets():
    scopus = rec(1, "Crowdwork: Applying a relational inequality theory [Arbeiten in der Crowd: Perspektiven der "
                    "Theorie relationaler Ungleichheiten", ["Abendroth, A.-K."], year=2020, volume="27")
    original = rec(2, "Arbeiten in der Crowd: Perspektiven der Theorie relationaler Ungleichheiten in "
                      "Arbeitsorganisationen", ["Abendroth, Anja-Kristin"], year=2020, volume="27", lang="de")
    original["language"] = "en"  # one database's guess; the titles decide
    assert groups(scopus, original) == [[1, 2]]


def test_alike_titles_in_other_journals_are_other_publications():
    paper = rec(1, "Eculizumab therapy for atypical hemolytic uremic syndrome in pediatric patients",
                ["Gruppo, R."], journal="Pediatr Nephrol", volume="26")
    abstract = rec(2, "Eculizumab (ECU) therapy for atypical hemolytic uremic syndrome in pediatric patients",
                   ["Gruppo, R."], journal="Journal of Thrombosis and Haemostasis")
    abbreviated = rec(3, "Eculizumab therapies for atypical hemolytic uremic syndrome in pediatric patients",
                      ["Gruppo, R."], journal="Pediatric Nephrology", volume="26")
    assert groups(paper, abstract, abbreviated) == [[1, 3]]


def test_same_issue_and_first_page_by_the_same_authors_whatever_the_titles():
    english = rec(1, "Platform economy and crowdworking as challenges for the German model",
                  ["Greef, S.", "Schroeder, W."], year=2020, volume="27", issue="2", pages="205")
    german = rec(2, "Plattformökonomie und Crowdworking als Herausforderungen für das deutsche Modell",
                 ["Greef, Samuel", "Schroeder, Wolfgang"], year=2020, volume="27", issue="2", pages="205-226")
    short = [rec(3, "风格尽在言语中", ["宋桂浩", "林婷静"], lang="zh", volume="34", issue="8", pages="103-107"),
             rec(4, "風格盡在言語中", ["宋桂浩", "林婷靜"], lang="zh", volume="34", issue="8", pages="103-107")]
    untitled = rec(5, "", ["Greef, S.", "Schroeder, W."], year=2020, volume="27", issue="2", pages="205")
    other_authors = rec(6, "Plattformarbeit in Deutschland", ["Heiland, H."], year=2020, volume="27", issue="2",
                        pages="205")
    assert groups(english, german, *short, untitled, other_authors) == [[1, 2], [3, 4]]
    # why: in other languages only when they are (both are labelled English here)
    (pair,) = find_clusters([english, german])
    assert "same volume, issue and first page by the same authors (titles differ)" in pair["reasons"]
    german["language"], german["title"] = "de", {"de": german["title"]["en"]}
    (pair,) = find_clusters([english, german])
    assert "same volume, issue and first page by the same authors (titles in other languages)" in pair["reasons"]
    (pair,) = find_clusters(short)  # a short title alone links nothing: said as it is
    assert "same volume, issue and first page by the same authors (titles equal)" in pair["reasons"]


def test_proceedings_paper_typed_as_a_chapter():
    conference = rec(1, "Forensic Identification of Students Outsourcing Assignment Projects",
                     ["Monnik, Michael"], type="paper-conference", volume="490", pages="183")
    chapter = rec(2, "Forensic identification of students outsourcing assignment projects", ["Monnik, M."],
                  type="chapter", volume="490", pages="183-190")
    journal = rec(3, "Forensic identification of students outsourcing assignment projects", ["Monnik, M."])
    assert groups(conference, chapter, journal) == [[1, 2]]


def test_first_author_with_a_suffix_still_meets():
    # no DOI, no pages, titles not equal: only the year and the first author bring them together
    a = rec(1, "Marketing the MIS during Times of Resource Scarcity", ["McLeod, Raymond"], year=1982)
    b = rec(2, "Marketing and MIS During Times of Resource Scarcity", ["McLeod Jr., Raymond"], year=1982)
    assert groups(a, b) == [[1, 2]]


def test_a_big_block_of_one_title_start_is_split_not_dropped():
    # 60 works starting "Information technology ..." by other authors, and two copies of one
    # that meet only by their title start (a typo, other author forms, no year or pages)
    others = [rec(i, f"Information technology in the public sector of country number {i:03d}",
                  [f"Writer{'bcdfghjklm'[i % 10]}{'aeiouy'[i // 10]}, A."]) for i in range(60)]
    a = rec(100, "Information technology and the transformation of the hospital ward", ["Nguyen, T."], year=None)
    b = rec(101, "Information technology and the transformation of the hospital wards", ["Nguyen, Tam"], year=None)
    stats: dict = {}
    assert groups(*others, a, b, stats=stats) == [[100, 101]]
    assert stats["skipped"] == 0 and stats["compared"] < 100


def test_pinyin_reads_names_as_pypinyin_does():
    # read character by character unless pypinyin knows a phrase in the name
    assert pinyin_key("张可佳") == "zhangkejia" and pinyin_key("周长春") == "zhouchangchun"
    assert pinyin_key("Zhang, Kejia") == "zhangkejia"


def test_a_chinese_journal_s_english_names_family_first_in_capitals_meet_the_chinese():
    from indexer.fields.authors import parse_name, split_author_field

    # "WANG Jian-guo, ZHANG San" (GB/T 28039's order): read as given WANG, family Jian-guo,
    # its pinyin was jianguowang and never met 王建国's wangjianguo
    zh = rec(1, "脊柱转移瘤的外科治疗", ["王建国", "张三"], year=2021, journal=None, lang="zh", volume="41")
    en = rec(2, "Surgical treatment of spinal metastases", [], year=2021, journal=None, volume="41")
    en["authors"] = [parse_name(n) for n in split_author_field("WANG Jian-guo, ZHANG San")]
    assert groups(zh, en) == [[1, 2]]


def test_a_record_from_taiwan_meets_its_english_version_by_wade_giles():
    # Taiwan writes 張偉明 Chang Wei-Ming and 蔡志宏 Tsai Chih-Hung (Wade-Giles), not Zhang Weiming
    zh = rec(1, "臺灣地區脊椎轉移腫瘤患者的生活品質調查", ["張偉明", "蔡志宏", "許淑芬"], year=2019, journal=None, lang="zh",
             volume="12")
    en = rec(2, "Quality of life of patients with spinal metastases in Taiwan",
             ["Chang, Wei-Ming", "Tsai, Chih-Hung", "Hsu, Shu-Fen"], year=2019, journal=None, volume="12")
    pinyin = rec(3, "Quality of life of patients with spinal metastases in Taiwan: a survey",
                 ["Zhang, Weiming", "Cai, Zhihong"], year=2019, journal=None, volume="12")
    assert groups(zh, en) == [[1, 2]] and groups(zh, pinyin) == [[1, 3]]   # pinyin still meets it
    [cluster] = find_clusters([zh, en])
    assert cluster["confidence"] == "needs review" and any("Wade-Giles" in r for r in cluster["reasons"])
    # in Simplified characters (the mainland) Chang is 常: 张伟明 is Zhang
    mainland = rec(4, "地区脊椎转移肿瘤患者的生活质量调查", ["张伟明", "蔡志宏", "许淑芬"], year=2019, journal=None, lang="zh",
                   volume="12")
    assert groups(mainland, en) == [] and groups(mainland, pinyin) == [[3, 4]]
    # surnames as surnames read (曾 Tseng, not Ts'eng or Ceng; 單 Shan; 歐陽 Ouyang), ü as u (呂 Lu)
    assert [wade_giles_key(n) for n in ("曾國藩", "單田芳", "歐陽修", "呂秀蓮", "阿依古丽·买买提")] == [
        "tsengkuofan", "shantienfang", "ouyanghsiu", "luhsiulien", ""]
    # the authors must still agree: another first author is another paper
    other = rec(5, "Bone metastases in Taiwan", ["Chen, Wei-Ming", "Tsai, Chih-Hung"], year=2019, journal=None,
                volume="12")
    assert groups(zh, other) == []


def test_a_name_written_by_sound_meets_its_pinyin():
    # 阿依古丽·买买提 is Ayiguli Maimaiti: the father's name last, as the family name
    assert pinyin_key("阿依古丽·买买提") == pinyin_key("Maimaiti, Ayiguli") == "maimaitiayiguli"
    zh = rec(1, "新疆维吾尔族居民高血压患病率及危险因素调查", ["阿依古丽·买买提", "吐尔逊·沙吾尔"], year=2020, journal=None,
             lang="zh", volume="41")
    en = rec(2, "Prevalence and risk factors of hypertension among Uyghur residents in Xinjiang",
             ["Maimaiti, Ayiguli", "Shawuer, Tuerxun"], year=2020, journal=None, volume="41")
    assert groups(zh, en) == [[1, 2]]


def test_a_chinese_surname_reads_as_surnames_do():
    # pypinyin alone reads 曾 ceng and 单 dan: as surnames they are Zeng and Shan; 欧阳 is one surname
    assert pinyin_key("曾国藩") == pinyin_key("Zeng, Guofan") == "zengguofan"
    assert pinyin_key("单田芳") == "shantianfang" and pinyin_key("欧阳修") == "ouyangxiu"
    assert pinyin_key("長春") == "changchun"    # 长 as a surname is Chang (pypinyin: zhang)
    # ü: pypinyin's lv is Lyu (a passport's spelling), Lü or Lu in English records
    assert {next(_pinyin_names({"authors": [a]})) for a in (
        {"literal": "吕伟"}, {"family": "Lyu", "given": "Wei"}, {"family": "Lü", "given": "Wei"},
        {"family": "Lv", "given": "Wei"}, {"family": "Lu", "given": "Wei"})} == {"luwei"}
    zh = rec(1, "基于量子中心的测量型量子安全求和协议", ["曾志强", "单立新"], year=2023, journal=None, lang="zh",
             volume="12")
    en = rec(2, "Measurement type quantum secure summation protocol based on quantum center",
             ["Zeng, Zhiqiang", "Shan, Lixin"], year=2023, journal=None, volume="12")
    assert groups(zh, en) == [[1, 2]]


# -- columns, editorial pieces, acronyms, group authors, translated titles ---------------------

def test_a_column_title_links_only_through_its_place():
    # a column of every issue: records without issue or pages cannot be told apart
    columns = [rec(i, "Remarks from Journal of Testing Editor - Editor's Comments", ["Lee, Allen"], year=2000,
                   volume="24") for i in range(1, 4)]
    errata = [rec(4, "Errata Notes", [], year=1977, volume="1", issue="3"),
              rec(5, "Errata Notes", ["Estes, Naomi"], year=1977, volume="1", issue="3")]
    # the same column at the same volume, issue and first page is one record
    placed = [rec(6, "A Note from the Journal of Testing Editors", ["Weber, Ron"], year=2003, volume="27",
                  issue="2", pages="iii-iv"),
              rec(7, "A Note from the Journal of Testing Editors", ["Weber, R."], year=2003, volume="27", issue="2",
                  pages="iii")]
    # the column words alone are no column when the title says more
    worded = [rec(8, "Editor's Comments: The Reflexive Researcher on Testing", ["Weber, Ron"], year=2003),
              rec(9, "Editor's Comments: The Reflexive Researcher on Testing", ["Weber, R."], year=2003)]
    assert groups(*columns, *errata, *placed, *worded) == [[6, 7], [8, 9]]


def test_an_editorial_piece_in_another_issue_is_another_piece():
    # a special issue in two parts, each introduced under one title
    first = rec(1, "Special Issue on Information Technologies and Knowledge Management", ["Sambamurthy, V."],
                volume="29", issue="1", pages="1-7")
    second = rec(2, "Special Issue on Information Technologies and Knowledge Management", ["Sambamurthy, V."],
                 volume="29", issue="2", pages="193-195")
    copy = rec(3, "Special issue on information technologies and knowledge management", ["Sambamurthy, Vallabh"],
               volume="29", issue="2")
    assert groups(first, second, copy) == [[2, 3]]


def test_an_acronym_and_the_words_it_stands_for():
    a = rec(1, "The Impact of Role Variables on IS Personnel Work Attitudes and Intentions", ["Baroudi, Jack J."],
            year=1985, volume="9", issue="4", pages="341")
    b = rec(2, "The Impact of Role Variables on Information Systems Personnel Work Attitudes and Intentions",
            ["Baroudi, J."], year=1985, volume="9")
    # "IS" is not "Information Technology"
    other = rec(3, "The Impact of Role Variables on IS Work Attitudes and Intentions of Information Technology "
                   "Managers", ["Baroudi, J."], year=1985, volume="9")
    assert groups(a, b, other) == [[1, 2]]


def test_a_label_before_a_cut_off_title():
    full = rec(1, "User Developed Applications: Evaluation of Success from the DP Department Perspective",
               ["Rivard, Suzanne", "Huff, Sid"], year=1984, volume="8", issue="1")
    labelled = rec(2, "ICIS Paper - User Developed Applications - Evaluation of Success from the DP",
                   ["Rivard, S.", "Huff, S. L."], year=1984, volume="8")
    assert groups(full, labelled) == [[1, 2]]


def test_issue_and_pages_as_another_database_writes_them():
    # the volume given as the issue; an electronic page "c37" for page 37; a supplement's
    # page "S37" is another page
    a = rec(1, "The treatment of atypical HUS", ["Loirat, C."], year=2011, issue="26")
    b = rec(2, "The treatment of atypical HUS", ["Loirat, C."], year=2011, volume="26", issue="9", pages="1746")
    c = rec(3, "Haemolytic uraemic syndrome", ["Kavanagh, D."], year=2011, volume="118", issue="1", pages="c37-c41")
    d = rec(4, "Haemolytic uraemic syndrome", ["Kavanagh, D."], year=2010, volume="118", issue="1", pages="37-41")
    e = rec(5, "Haemolytic uraemic syndrome", ["Kavanagh, D."], year=2011, volume="118", issue="1", pages="S37")
    assert groups(a, b, c, d, e) == [[1, 2], [3, 4]]


def test_a_correction_citing_its_paper_the_embase_way():
    # "(Journal (year) volume (pages))" ends a correction notice: it meets the other notice
    # at its place, never the paper
    paper = rec(1, "Eculizumab for atypical hemolytic-uremic syndrome", ["Philipp, T."], year=2009, volume="360",
                issue="5", pages="542-544")
    embase = rec(2, "Eculizumab for atypical hemolytic-uremic syndrome (New England Journal of Medicine (2009) 360 "
                    "(542-544))", ["Philipp, T."], year=2009, volume="360", issue="23", pages="2487")
    wos = rec(3, "Eculizumab for Atypical Hemolytic-Uremic Syndrome (vol 360, pg 542, 2009)", ["Philipp, T."],
              year=2009, volume="360", issue="23", pages="2487")
    assert groups(paper, embase, wos) == [[2, 3]]


def test_a_correction_citing_its_paper_the_apa_way_without_authors():
    # PsycInfo: '"Title": Correction to Lee et al. (2014).', no author ("No authorship
    # indicated" is not a name): never the paper
    paper = rec(1, "Rainmakers: Why bad weather means good productivity.", ["Lee, Jooa Julia", "Gino, Francesca"],
                year=2014, volume="99", issue="3", pages="504-513")
    notice = rec(2, "\"Rainmakers: Why bad weather means good productivity\u201d: Correction to Lee et al. (2014).", [],
                 year=2014, volume="99", issue="3", pages="513")
    copy = rec(3, "Rainmakers: Why Bad Weather Means Good Productivity", ["Lee, Jooa Julia"], year=2014)
    assert groups(paper, notice, copy) == [[1, 3]]


def test_titles_medline_translated_meet_by_their_place():
    # two translations of one Spanish title, the issue "Suppl" in one and "Suppl 2" in the other
    a = rec(1, "Indications and contraindications for living kidney donations. [Spanish]", ["Andres, A."],
            year=2010, volume="30", issue="SUPPL", pages="30-37")
    b = rec(2, "[Indications and contraindications of living-donor kidney transplantation]. [Spanish]",
            ["Andres, A."], year=2010, volume="30", issue="Suppl 2", pages="30-37")
    c = rec(3, "Indications and contraindications for living kidney donations", ["Andres, A."], year=2010,
            volume="30", issue="SUPPL", pages="30")
    # not translated: titles that say other things at that place are other papers
    d = rec(4, "Immunological risk in living kidney donation", ["Andres, A."], year=2010, volume="30",
            issue="Suppl 1", pages="30")
    assert groups(a, b, c, d) == [[1, 2, 3]]


def test_a_group_author_and_the_writing_author():
    title = "Results of a randomized trial on the management of cytology interpretations of atypical squamous cells"
    personal = rec(1, title, ["Solomon, D."], year=2003, volume="188", pages="1383-1392")
    group = rec(2, title, ["ASCUS-LSIL Triage Study Group"], year=2003, volume="188", pages="1383")
    other = rec(3, title, ["Walker, J."], year=2003, volume="188", pages="1393")
    unplaced = rec(4, title, ["HPV Screening Consortium"], year=2003)
    assert groups(personal, group, other, unplaced) == [[1, 2]]


def test_online_first_and_the_printed_paper():
    title = "Prevalence of HPV high and low risk types in cervical samples from the general population"
    printed = rec(1, title, ["Giorgi Rossi, P.", "Bisanzi, S."], year=2010, journal="BMC Infectious Diseases",
                  volume="10")
    online = rec(2, title, ["Giorgi Rossi, P.", "Bisanzi, S."], year=2009, journal="BMC Infectious Diseases")
    both_printed = rec(3, title, ["Giorgi Rossi, P."], year=2011, journal="BMC Infectious Diseases", volume="11")
    assert groups(printed, online, both_printed) == [[1, 2]]
    # online first in one journal, printed a year later in another: not one paper
    elsewhere = rec(4, title, ["Giorgi Rossi, P.", "Bisanzi, S."], year=2009, journal="Infectious Agents and Cancer")
    assert groups(printed, elsewhere) == []


def test_the_same_place_in_a_journal_without_volumes():
    # a title too short to link by itself, in a journal numbered by year and issue only
    cnki = rec(1, "记念刘和珍君", ["鲁迅"], year=1996, journal="名作欣赏（太原）", lang="zh", issue="2",
               pages="40-41, 60")
    vip = rec(2, "记念刘和珍君", ["鲁迅"], year=1996, journal="名作欣赏(太原)", lang="zh", issue="02",
              pages="40-41,60")
    # the same year, issue and page in another journal is another place
    other = rec(3, "记念刘和珍君", ["鲁迅"], year=1996, journal="语文学习", lang="zh", issue="2", pages="40")
    assert groups(cnki, vip, other) == [[1, 2]]


def test_a_proceedings_paper_a_journal_prints_is_one_work_whatever_its_type():
    # Scopus types a paper of "Journal of Physics: Conference Series" a conference paper, RIS
    # exports a journal article: at the same volume and first page they are one paper
    scopus = rec(1, "Research on power load forecasting based on LSTM networks", ["Wang, J."], year=2020,
                 journal="Journal of Physics: Conference Series", type="paper-conference", volume="1624",
                 pages="042012")
    ris = rec(2, "Research on power load forecasting based on LSTM networks", ["Wang, J."], year=2020,
              journal="Journal of Physics: Conference Series", volume="1624", pages="042012")
    # elsewhere, a conference paper and a journal article are two works, as before
    elsewhere = rec(3, "Research on power load forecasting based on LSTM networks", ["Wang, J."], year=2020,
                    journal="Journal of Physics: Conference Series", volume="1700", pages="012001")
    assert groups(scopus, ris, elsewhere) == [[1, 2]]
    assert groups(scopus, elsewhere) == []


def test_a_book_and_its_chapters_are_other_works():
    # one DOI for a book and its chapters: the chapter had been the master of the book and of
    # the other chapter under --apply --all, and neither could be found any more
    doi = "10.1007/978-3-319-00001-1"
    book = rec(1, "Handbook of Spinal Surgery", ["Adams, Carl"], year=2018, journal="", type="book", doi=doi)
    first = rec(2, "Cervical spine fractures", ["Adams, Carl"], year=2018, journal="Handbook of Spinal Surgery",
                type="chapter", doi=doi, pages="1-20")
    second = rec(3, "Lumbar disc herniation", ["Baker, Dana"], year=2018, journal="Handbook of Spinal Surgery",
                 type="chapter", doi=doi, pages="21-40")
    assert groups(book, first, second) == []
    # the same chapter twice is still one work
    again = rec(4, "Cervical spine fractures", ["Adams, C."], year=2018, journal="Handbook of Spinal Surgery",
                type="chapter", doi=doi.upper(), pages="1-20")
    assert groups(book, first, second, again) == [[2, 4]]


def test_one_doi_on_two_unrelated_titles_needs_review():
    # a DOI mistyped (or one DOI for a whole book): linked, but a librarian decides; it was
    # certain, so --apply hid the second paper and --review never showed it
    a = rec(1, "Deep learning for retinal image segmentation", ["Garcia, Maria"], year=2020, doi="10.5555/vr.2020.77")
    b = rec(2, "Soil microbial diversity under long-term tillage", ["Lee, Kevin"], year=2018, doi="10.5555/VR.2020.77")
    [pair] = find_clusters([a, b])
    assert pair["confidence"] == "needs review" and pair["reasons"] == ["same DOI, but the titles differ"]
    # the same DOI on a cut-off or retyped title, or on the other language's title, stays certain
    cut = rec(3, "Deep learning for retinal image segmentation: a multicentre study", ["Garcia, M."], year=2020,
              doi="10.5555/vr.2020.77")
    zh = rec(4, "基于深度学习的视网膜图像分割", ["加西亚"], lang="zh", year=2020, doi="10.5555/vr.2020.77")
    for other in (cut, zh):
        [pair] = find_clusters([a, other])
        assert pair["confidence"] == "certain" and pair["reasons"] == ["same DOI"]


def test_titles_alike_but_for_a_word_need_review():
    # two trials of one drug by one sponsor, alike but for the patients: --apply merged them
    adult = rec(1, "An open-label trial of eculizumab in adult patients with atypical hemolytic uremic syndrome",
                ["Alexion Pharmaceuticals, Inc"], year=2013)
    child = rec(2, "An open-label trial of eculizumab in pediatric patients with atypical hemolytic uremic syndrome",
                ["Alexion Pharmaceuticals, Inc"], year=2013)
    [pair] = find_clusters([adult, child])
    assert pair["confidence"] == "needs review"
    assert "titles differ by a word (adult / pediatric)" in pair["reasons"]
    # a typo, or a word cut off, is still the same title
    typo = rec(3, "An open-label trial of eculizumab in adult patients with atypical hemolytic uremic syndorme",
               ["Alexion Pharmaceuticals, Inc"], year=2013)
    [pair] = find_clusters([adult, typo])
    assert pair["confidence"] == "certain"


COFFEE = "Coffee consumption and risk of breast cancer: A Mendelian randomization study"


def test_a_comment_or_reply_is_not_the_paper_it_discusses():
    # titled as the paper, by its authors, in its year and journal: the paper had hidden them
    # under plain --apply (certain), as an erratum is kept apart
    paper = rec(1, COFFEE + ".", ["Ellingjord-Dale, M.", "Tsilidis, K. K."], year=2021, journal="PloS one",
                volume="16", issue="1", pages="e0236904", doi="10.1371/journal.pone.0236904")
    reply = rec(2, COFFEE + ". Authors' reply", ["Ellingjord-Dale, M.", "Tsilidis, K. K."], year=2021,
                journal="PLoS ONE", volume="16")
    comment = rec(3, "Comment on: " + COFFEE, ["Ellingjord-Dale, M."], year=2021, journal="PLoS ONE")
    ovid = rec(4, COFFEE + " [Comment]", ["Ellingjord-Dale, M."], year=2021, journal="PLoS ONE")
    answer = rec(5, f'Reply to comment on "{COFFEE}"', ["Ellingjord-Dale, M."], year=2021, journal="PLoS ONE")
    re_ = rec(6, "Re: " + COFFEE, ["Ellingjord-Dale, M."], year=2021, journal="PLoS ONE")
    wos = rec(9, COFFEE + ". Comment", ["Ellingjord-Dale, M."], year=2021, journal="PLOS ONE", volume="16",
              pages="e0252001", doi="10.1371/journal.pone.0252001")
    zh = rec(7, "对《咖啡与乳腺癌风险：孟德尔随机化研究》一文的商榷", ["王伟"], year=2021, journal="中华流行病学杂志",
             lang="zh")
    zh_paper = rec(8, "咖啡与乳腺癌风险：孟德尔随机化研究", ["王伟"], year=2021, journal="中华流行病学杂志", lang="zh")
    for other in (reply, comment, ovid, answer, re_, dict(wos, doi=None)):
        assert groups(paper, other) == [], other["title"]
    assert groups(zh, zh_paper) == []
    # one comment written so by two databases still meets, for review; a reply never meets
    # the comment it answers
    [pair] = find_clusters([comment, ovid])
    assert pair["confidence"] == "needs review"
    assert groups(comment, answer) == [] and groups(ovid, reply) == []


def test_a_letter_labelled_by_one_database_only():
    # Ovid's "[letter]" on the letter PubMed titles plainly: the same place is the same letter;
    # the paper it discusses, elsewhere in the journal, is not
    title = "Treatment of hypertension in the elderly"
    pubmed = rec(1, title, ["Brown, A."], year=1990, journal="Lancet", volume="335", pages="1210")
    ovid = rec(2, title + " [letter]", ["Brown, A."], year=1990, journal="Lancet", volume="335", pages="1210-1211")
    paper = rec(3, title, ["Brown, A."], year=1990, journal="Lancet", volume="335", pages="1100-1105")
    assert groups(pubmed, ovid) == [[1, 2]]
    assert groups(paper, ovid) == []
    # two copies both labelled are one letter, as before
    again = rec(4, title + " [Letter]", ["Brown, A."], year=1990, journal="Lancet")
    assert groups(ovid, again) == [[2, 4]]


def test_embase_multiple_letters_hold_the_letter_and_its_reply():
    title = "Atypical hemolytic uremic syndrome associated with group A beta hemolytic streptococcus"
    letter = rec(1, title, ["Yildiz, B.", "Kural, N."], year=2004, journal="Pediatric Nephrology")
    both = rec(2, title + " (multiple letters) [1]", ["Yildiz, B.", "Kural, N.", "Shepherd, A. B."], year=2004,
               journal="Pediatric Nephrology")
    reply = rec(3, title + " - Reply", ["Shepherd, A. B."], year=2004, journal="Pediatric Nephrology")
    assert groups(letter, reply) == []
    assert groups(letter, both, reply) == [[1, 2, 3]]


def test_a_cluster_never_holds_two_dois():
    # a reply with its own DOI met the paper through a copy without one (Embase): --apply --all
    # merged the reply into the paper, one master with two DOIs
    paper = rec(1, COFFEE, ["Ellingjord-Dale, M."], year=2021, journal="PLoS ONE", doi="10.1371/journal.pone.0236904")
    embase = rec(2, COFFEE, ["Ellingjord-Dale, M."], year=2021, journal="PLoS ONE")
    other = rec(3, "Coffee consumption and risk of breast cancer", ["Ellingjord-Dale, M."], year=2021,
                journal="PLoS ONE", doi="10.1371/JOURNAL.PONE.0252002")
    assert groups(paper, embase, other) == [[1, 2]] == groups(other, embase, paper)
    # the record without a DOI joins the DOI it is linked to for certain, whatever the ids
    [cluster] = find_clusters([dict(paper, id="z1"), embase, dict(other, id="a3")])
    assert {r["id"] for r in cluster["records"]} == {"z1", "r002"}
    # the same DOI written in capitals is one DOI; a reviewer may merge two
    upper = rec(4, COFFEE, ["Ellingjord-Dale, M."], year=2021, journal="PLoS ONE", doi="10.1371/JOURNAL.PONE.0236904")
    assert groups(paper, embase, other, upper) == [[1, 2, 4]]
    merged = find_clusters([paper, embase, other], [{"decision": "merge", "ids": ["r001", "r003"]}])
    assert sorted(sorted(r["source"]["record"] for r in c["records"]) for c in merged) == [[1, 2, 3]]
    # one paper at one place whose DOI a database mistyped (16353 / 16352) stays one paper
    title = "Technology-Mediated Dangerous Behaviors as Foraging for Social-Hedonic Rewards"
    wos = rec(5, title, ["Turel, Ofir"], year=2021, journal="MIS Quarterly", volume="45", issue="3",
              pages="1249-1286", doi="10.25300/MISQ/2021/16353")
    scopus = rec(6, title, ["Turel, Ofir"], year=2021, journal="MIS Quarterly", volume="45", issue="3",
                 pages="1249-1286", doi="10.25300/MISQ/2021/16352")
    bare = rec(7, title, ["Turel, O."], year=2021, journal="MIS Quarterly", volume="45")
    assert groups(wos, scopus) == [] and groups(wos, scopus, bare) == [[5, 6, 7]]


@pytest.mark.parametrize("title", [
    "Response to nivolumab: a multicentre cohort study of advanced melanoma", "Response to rituximab (RTX) in lupus",
    "Response to COVID-19: lessons from Korea", "Response to intervention (RTI) in schools",
    "Melanoma: response to ipilimumab", "Reply-to-all behaviour in email", "Response to the comment on coffee",
    "Reply to Buddles et al", "Response to Dr Clarke", 'Response to "Coffee consumption"'])
def test_a_title_case_copy_is_the_same_kind(title):
    # a capitalised word after "Response to" is as often a drug as a name: what a title is
    # must not change with the case a database gives it
    assert discussion(title) == discussion(title.title()) == discussion(title.lower())


def test_response_to_a_treatment_in_title_case_is_the_paper():
    sentence = rec(1, "Response to nivolumab: a multicentre cohort study of advanced melanoma in Norway.",
                   ["Hansen, A.", "Berg, K."], year=2021, journal="Acta oncologica", volume="60")
    title_case = rec(2, "Response to Nivolumab: A Multicentre Cohort Study of Advanced Melanoma in Norway",
                     ["Hansen, A.", "Berg, K."], year=2021, journal="Acta Oncologica", volume="60", pages="410-418")
    [pair] = find_clusters([sentence, title_case])
    assert pair["confidence"] == "certain"
    assert groups(rec(3, "Melanoma: Response to Ipilimumab", year=2020),
                  rec(4, "Melanoma: response to ipilimumab", year=2020)) == [[3, 4]]
    assert discussion("Reply-to-all behaviour in email") == ""


@pytest.mark.parametrize("title,kind", [
    ("评论家的责任", ""), ("评论性文章的写作", ""), ("回复性分析", ""), ("改革开放——答记者问", ""),
    ("评论《城市规划》", "comment"), ("对城市规划的评论", "comment"), ("对《城市规划》一文的商榷", "comment"),
    ("答张三先生的商榷", "reply"), ("回复：关于城市规划", "reply"), ("城市规划——兼答李四", "reply"),
    ("对商榷的回复", "reply")])
def test_a_chinese_title_is_a_discussion_in_its_form_only(title, kind):
    assert discussion(title) == kind


def test_a_comment_and_its_translation_are_left_to_the_other_rules():
    # 商榷 and its English "Discussion on ..." in another journal's name: one comment, in two languages
    zh = rec(1, "关于乳腺MRI与钼靶诊断乳腺癌价值的商榷", ["孙壮", "孙莉娜"], year=2020, journal="中国保健营养", lang="zh",
             volume="30", issue="2", pages="36-37")
    en = rec(2, "Discussion on the value of breast MRI and molybdenum target in the diagnosis of breast cancer",
             ["Sun, Zhuang", "Sun, Lina"], year=2020, journal="China Health Care & Nutrition", volume="30", issue="2",
             pages="36-37")
    assert groups(zh, en) == [[1, 2]]


NOTICE_LABELS = ["Retracted:", "RETRACTED:", "Withdrawn:", "Author Correction:", "Publisher Correction:",
                 "Statement of Retraction:", "Expression of Concern:", "Erratum:", "Corrigendum:", "Retraction Note:"]


@pytest.mark.parametrize("label", NOTICE_LABELS)
def test_a_notice_is_never_its_paper(label):
    # a retraction, correction or expression of concern is titled as its paper, with a label
    title = "Serum ferritin levels predict mortality in critically ill children with sepsis"
    authors = ["Okonkwo, Adaeze", "Lindqvist, Erik"]
    paper = rec(1, title, authors, year=2022, journal="BioMed Research International", volume="2022", pages="4012345")
    notice = rec(2, f"{label} {title}", authors, year=2022, journal="BioMed Research International", volume="2022",
                 pages="9876543")
    bare = rec(3, f"{label} {title}", authors, year=2022)
    assert groups(paper, notice) == groups(paper, bare) == []


def test_notices_of_one_paper_are_not_one_another():
    # two notices of other kinds, or of one kind in other issues, are other notices
    title = "Serum ferritin levels predict mortality in critically ill children with sepsis"
    notices = [rec(n, f"{label} {title}", year=2022, volume="23", issue=str(n), pages=f"{n}00")
               for n, label in enumerate(NOTICE_LABELS, 1)]
    assert groups(*notices) == []
    # one notice that two databases label otherwise, at one place, is one
    assert groups(rec(1, f"Retracted: {title}", volume="23", issue="4", pages="400"),
                  rec(2, f"RETRACTED: {title}", volume="23", issue="4", pages="400")) == [[1, 2]]


def test_the_authors_in_pinyin_and_the_year_alone_are_no_translation():
    # 张伟 and Zhang Wei publish every year: the place, a journal or a title must agree too
    zh = rec(1, "基于深度学习的电力负荷预测方法", ["张伟"], year=2021, journal="电力系统自动化", lang="zh")
    en = rec(2, "Graphene oxide membranes for efficient water desalination", ["Zhang, Wei"], year=2021,
             journal="Nature Communications", volume="12", pages="1234")
    assert groups(zh, en) == []
    assert groups({**zh, "pages": "1234"}, en) == [[1, 2]]
    assert groups(zh, {**en, "journal": {"en": "Dianli Xitong Zidonghua"}}) == [[1, 2]]


def test_a_translated_title_by_other_authors_is_another_paper():
    # Wanfang's translated title equals an English paper's, but 宋佳 and 韩超 are not Thompson and Becker
    zh = rec(1, "人工智能在医学影像中的应用进展", ["宋佳", "韩超"], year=2019, journal="医学信息", lang="zh", volume="32",
             issue="5", pages="20-23")
    zh["title"]["en"] = "Application of artificial intelligence in medical imaging"
    en = rec(2, "Application of artificial intelligence in medical imaging", ["Thompson, Mark", "Becker, Anna"],
             year=2019, journal="European Journal of Radiology", volume="112", pages="50-58")
    assert groups(zh, en) == []
    # the authors in pinyin, one name's parts swapped by the database, or unknown: the two versions
    for authors in (["Song, Jia", "Han, Chao"], ["Jia, Song"], []):
        assert groups(zh, {**en, "authors": rec(0, "", authors)["authors"]}) == [[1, 2]]


def test_cnki_pages_that_go_on_elsewhere_meet_the_english_pages():
    # CNKI's "241-245+288" (read "241-245, 288") and the English record's 241-245: one first page
    zh = rec(1, "幽门螺杆菌根除治疗对胃癌前病变的影响", ["刘晓燕", "陈志刚"], year=2019, journal="中华消化杂志", lang="zh",
             volume="39", issue="04", pages="241-245, 288")
    en = rec(2, "Effect of Helicobacter pylori eradication therapy on gastric precancerous lesions",
             ["Liu, Xiao-yan", "Chen, Zhi-gang"], year=2019, journal="Chinese Journal of Digestion", volume="39",
             issue="4", pages="241-245")
    assert groups(zh, en) == [[1, 2]]
    assert groups(zh, {**en, "pages": "251-255"}) == []


def test_an_edited_book_pairs_with_a_copy_listing_its_editors_as_authors():
    # a GB/T reference "许厚泽, 赵其国, 主编. …[M]" is the editors' book (extra.editor, no authors),
    # as GB/T lists it; CNKI lists them as its authors: the same work, as certain as any
    edited = rec(1, "中国固体地球科学研究进展与展望", authors=(), year=2001, journal="", lang="zh", type="book",
                 extra={"editor": ["许厚泽", "赵其国"]})
    copy = rec(2, "中国固体地球科学研究进展与展望", authors=("许厚泽", "赵其国"), year=2001, journal="", lang="zh",
               type="book")
    by_others = rec(3, "中国固体地球科学研究进展与展望", authors=("王五",), year=2001, journal="", lang="zh", type="book")
    assert [c["confidence"] for c in find_clusters([edited, copy])] == ["certain"]
    assert groups(edited, by_others) == []   # the same title by others is another work
    # a title with its subtitle meets the one without through the editors' names (the author block)
    assert groups(dict(edited, title={"zh": "中国固体地球科学研究进展与展望：面向二十一世纪"}), copy) == [[1, 2]]
