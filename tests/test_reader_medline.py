"""PubMed MEDLINE/nbib reader on small files written for these tests (one quirk each),
and the shared samples (record counts) when ../shared is present.  Expected values are
written by hand from the fixtures."""
from __future__ import annotations

from conftest import DATA, clean_items, jsonl, needs_shared, records_of, run_cli

FOLDER = DATA / "formats" / "medline"


def clean(name, validate, failures=0):
    result, records, failed = clean_items(FOLDER / name)
    assert len(failed) == failures, result.stdout
    assert result.returncode == (1 if failures else 0), result.stderr
    for rec in records:
        validate(rec)
        assert rec["source"]["format"] == "medline"
    return records, failed


def names(rec):
    return [(a.get("family"), a.get("given"), a.get("literal")) for a in rec["authors"]]


def test_continuations_full_names_pages_doi(validate):
    (first, second), _ = clean("continuation-fau-pages.nbib", validate)
    assert first["source"]["source_id"] == "11111111"
    assert first["title"] == {"en": "Interleukin-6 levels after spinal surgery: a prospective cohort."}
    assert names(first) == [("Smith", "John Adam", None), ("Li", "Wei", None)]   # FAU, not AU
    assert (first["journal"], first["year"], first["volume"], first["issue"]) == (
        {"en": "Journal of Example Surgery"}, 2019, "12", "3")
    assert first["pages"] == "1234-1245"          # PG 1234-45 expanded
    assert first["doi"] == "10.1000/jes.2019.123"
    assert first["issn"] == "1234-5678"
    assert first["extra"]["issns"] == ["1234-5678 (Print)", "8765-4321 (Electronic)"]
    assert [s["label"] for s in first["sections"]["en"]] == ["BACKGROUND", "METHODS", "RESULTS", "CONCLUSION"]
    assert first["keywords"]["en"] == ["spinal surgery", "Interleukin-6/blood", "Humans"]
    assert first["type"] == "article-journal"
    # AU only when there is no FAU: "Brown A" is family Brown, initial A
    assert names(second) == [("Brown", "A", None)] and second["source"]["source_id"] == "22222222"


def test_eric_records_without_pmid_and_crlf(validate):
    (first, second), _ = clean("eric-no-pmid-crlf.txt", validate)
    assert first["title"]["en"] == "First ERIC record without a PMID"
    assert (first["issn"], first["doi"], first["year"]) == ("1111-2222", "10.1000/eric.1", 2018)
    assert names(second) == [("White", "Tom", None)]


def test_book_chapter_and_book(validate):
    (chapter, book), _ = clean("book-chapter-editors.nbib", validate)
    assert chapter["type"] == "chapter" and chapter["source"]["source_id"] == "30000001"
    assert chapter["title"] == {"en": "Hereditary Example Syndrome"}
    assert chapter["journal"] == {"en": "Handbook of Example Genetic Disorders"}   # BTI: the book
    assert names(chapter) == [("Novak", "Petra", None), ("de la Cruz", "Ana Maria", None)]
    assert chapter["extra"]["editor"] == ["Carter, Helen M", "Okafor, Daniel"]      # FED, not ED
    assert chapter["extra"]["publisher"] == ["Example Health Press"]
    assert chapter["extra"]["place"] == ["Springfield (IL)"]
    assert chapter["abstract"]["en"] == ("Hereditary example syndrome is rare. This chapter reviews its "
                                         "diagnosis and management.")
    assert chapter["year"] == 2015
    assert book["type"] == "book" and book["title"] == {"en": "Example Methods in Clinical Genetics"}
    assert book["journal"] == {} and book["authors"] == []
    assert book["extra"]["editor"] == ["Carter, Helen M"]


def test_affiliations_collective_author_grants_bom(validate):
    (first, second), _ = clean("affiliations-collective-bom.nbib", validate)
    assert first["source"]["source_id"] == "30000003" and first["source"]["line"] == 1
    assert first["title"]["en"] == ("Proton pumps in an example membrane: a crystal structure at 2.1 "
                                    "angstrom resolution.")
    assert names(first) == [("Okonkwo", "Chidi", None), ("Lindqvist", "Maja", None),
                            (None, None, "Example Membrane Consortium")]
    assert first["extra"]["author_affiliations"] == [
        {"author": "Okonkwo, Chidi", "affiliations": ["Department of Biochemistry, Example University, Lagos, Nigeria."]},
        {"author": "Lindqvist, Maja", "affiliations": [
            "Institute of Structural Biology, Example Institute, Uppsala, Sweden.",
            "Centre for Membrane Research, Uppsala, Sweden."]}]
    # and each author has them (a record's one affiliation alone had been given to authors)
    assert [a.get("affiliation") for a in first["authors"]] == [
        "Department of Biochemistry, Example University, Lagos, Nigeria.",
        "Institute of Structural Biology, Example Institute, Uppsala, Sweden; Centre for Membrane Research, Uppsala, Sweden",
        None]
    assert first["pages"] == "123-129, 131-135"
    assert first["doi"] == "10.1000/pnex.2021.0001"
    assert first["extra"]["article_ids"] == ["S0000-0000(21)00001-1 [pii]"]
    assert first["issn"] == "1111-0001"
    # the agency as written, its institute's name as the funder
    assert [(f["funder_original"], f["funder"], f["award"]) for f in first["funding"]] == [
        ("NIGMS NIH HHS", "National Institute of General Medical Sciences", "R01 GM000001")]
    # "Proceedings of ..." is still the journal of a stated Journal Article, not a conference paper
    assert first["type"] == "article-journal"
    assert first["journal"] == {"en": "Proceedings of the National Academy of Examples"}
    assert first["keywords"]["en"] == ["Proton Pumps/chemistry", "Crystallography, X-Ray"]
    assert (first["volume"], first["issue"], first["year"]) == ("118", "2", 2021)
    assert second["source"]["source_id"] == "30000004"
    assert second["pages"] == "475-482" and names(second) == [("Ueda", "Ken", None)]
    assert second["journal"] == {"en": "Example Letters"} and second["year"] == 2020


def test_eric_report_thesis_book_and_article(validate):
    (report, thesis, book, article), _ = clean("eric-report-thesis-book.txt", validate)
    assert [r["source"]["source_id"] for r in (report, thesis, book, article)] == [
        "ED900001", "ED900002", "ED900003", "EJ900004"]
    assert [r["type"] for r in (report, thesis, book, article)] == ["report", "thesis", "book", "article-journal"]
    assert report["journal"] == {} and report["extra"]["publisher"] == ["Example Education Research Institute"]
    assert report["url"] == "http://eric.ed.gov/?id=ED900001"
    assert names(report) == [("Haddad", "Samira", None), ("Price", "Owen", None)]
    assert thesis["extra"]["publisher"] == ["Example State University"]
    assert thesis["extra"]["degree"] == ["Ed.D. Dissertation"]
    assert thesis["extra"]["distributor"] == ["ProQuest LLC"]
    assert thesis["url"] == "http://eric.ed.gov/?id=ED900002"      # the catalogue link (LID) first
    assert thesis["extra"]["isbn"] == ["979-8-0000-0000-1"]
    assert book["extra"]["publisher"] == ["Example Academic Publishers"]
    assert book["extra"]["isbn"] == ["978-0-00-000000-2"]
    assert article["journal"] == {"en": "Journal of Example Mathematics Education"}
    assert (article["volume"], article["issue"], article["pages"], article["issn"]) == ("12", "3", "201-215", "2222-3333")


def test_broken_record_among_good_ones(validate):
    (first, last), failures = clean("broken-among-good.nbib", validate, failures=2)
    assert first["title"]["en"] == "A good first record." and first["source"]["source_id"] == "30000005"
    assert last["title"]["en"] == "A good last record." and names(last) == [("Kim", "JH", None)]
    stray, empty = failures
    assert stray["line"] == 1 and stray["raw"].startswith("This export was made")
    assert empty["line"] == 9 and empty["raw"] == "OWN - NLM\nSTAT- MEDLINE\nDCOM- 20200101"
    assert [f["format"] for f in failures] == ["medline", "medline"]


def test_shared_samples_fully_read():
    base = needs_shared("corpus", "formats", "pubmed-medline")
    counts = {}
    for path in sorted(p for p in base.iterdir() if p.is_file()):
        result = run_cli("clean", "--json", "-q", str(path))
        assert result.returncode == 0, (path.name, result.stderr[-500:])
        counts[path.name] = len([r for r in jsonl(result.stdout) if "source" in r])
    assert counts == {"pubmed-demo.nbib": 10, "pubmed-medline-01.txt": 1, "pubmed-medline-02.txt": 2,
                      "pubmed-medline-04.txt": 1, "pubmed-medline-05.txt": 3, "pubmed-medline-07.txt": 4,
                      "pubmed-medline-08.txt": 2}


def test_eric_article_number_is_the_pages_not_the_date(tmp_path):
    # ERIC (formats/pubmed-medline-05): the number where the pages go, in SO and DP
    path = tmp_path / "eric.nbib"
    path.write_text("OWN - ERIC\nTI  - Test-Taker Perception of Speaking Tests\nAU  - Zhou, Yujia\n"
                    "JT  - Language Testing in Asia\nSO  - v9 Article 10 2019\nVI  - 9\nDP  - Article 10 2019\n"
                    "PT  - Journal Articles\n", encoding="utf-8")
    rec, = records_of(path)
    assert (rec["volume"], rec["pages"], rec["year"]) == ("9", "10", 2019)
    assert "date" not in rec["extra"]


def test_a_tag_with_a_malformed_separator_is_still_its_tag(tmp_path):
    # QA: "AB  -Text" went into the PG before it ("10-9 AB-Text"), "TI - Text" into the DP,
    # "PMID-2" into the record before; an indented line (a value wrapped) is never a tag, nor
    # an unknown tag's line
    path = tmp_path / "loose.nbib"
    path.write_text("PMID- 1\nDP  - 2020 Mar\nTI - Trial one in adults with\n      hypertension.\n"
                    "PG  - 10-9\nAB  -Background one.\n      AB  - is the second half of a ratio.\n"
                    "JT  - Journal of tests\n\n"
                    "PMID-2\nTI  - Trial two\nPG  - 5-7\nZZ -not a tag\nAB- Background two.\nJT  - Journal of tests\n",
                    encoding="utf-8")
    one, two = records_of(path)
    assert one["title"] == {"en": "Trial one in adults with hypertension."}
    assert one["extra"]["date"] == ["2020 Mar"] and one["pages"] == "10-19"
    assert one["abstract"] == {"en": "Background one. AB - is the second half of a ratio."}
    assert [i.split(": ", 1)[1] for i in one["issues"]] == [
        "'TI - Trial one in adults with' read as its tag TI (a malformed separator)",
        "'AB  -Background one.' read as its tag AB (a malformed separator)"]
    assert two["source"]["source_id"] == "2" and two["title"] == {"en": "Trial two"}
    assert two["pages"].startswith("5-7 ZZ") and two["abstract"] == {"en": "Background two."}
    assert len(two["issues"]) == 2


def test_one_ad_after_the_first_author_is_hers_alone(tmp_path):
    """PubMed's records before 2014 give one AD, the first author's: the other authors had
    been given it too, as a record's one affiliation is when no author is said to hold it."""
    path = tmp_path / "one-ad.nbib"
    path.write_text("PMID- 20000001\nTI  - An older record with one affiliation.\nDP  - 2012 Mar\n"
                    "FAU - Zhang, Wei\nAU  - Zhang W\nAD  - Department of Critical Care Medicine,\n"
                    "      Beijing, China.\nFAU - Li, Na\nAU  - Li N\nFAU - Smith, John A\nAU  - Smith JA\n"
                    "CN  - Example Study Group\n\n"
                    "PMID- 20000002\nTI  - One author, one affiliation.\nDP  - 2012\nFAU - Ueda, Ken\n"
                    "AD  - Kyoto University, Kyoto, Japan.\n\n"
                    "PMID- 20000003\nTI  - An affiliation before any author.\nDP  - 2012\n"
                    "AD  - Example Hospital, Oslo, Norway.\nFAU - Berg, Ola\nFAU - Dahl, Kari\n", encoding="utf-8")
    older, single, before = records_of(path)
    beijing = "Department of Critical Care Medicine, Beijing, China."
    assert [a.get("affiliation") for a in older["authors"]] == [beijing, None, None, None]
    assert older["extra"]["affiliations"] == [beijing]   # the record's, as before
    assert older["extra"]["author_affiliations"] == [{"author": "Zhang, Wei", "affiliations": [beijing]}]
    assert [a.get("affiliation") for a in single["authors"]] == ["Kyoto University, Kyoto, Japan."]
    assert "author_affiliations" not in single["extra"]
    # an AD no author is before stays the record's one affiliation, every author's
    assert [a.get("affiliation") for a in before["authors"]] == ["Example Hospital, Oslo, Norway."] * 2


def test_a_record_with_no_title_or_abstract_is_a_failure(tmp_path, validate):
    # Every MEDLINE record has its TI.  A PMID line written twice made a record of the first
    # alone, and a line of junk with a blank-looking piece in it (control characters and a CR:
    # QA's d.nul) cut a record in two: its later authors and journal became a record of their
    # own with no title, kept as one; both are failures now, as a RIS, NoteExpress or E-Study
    # record of a type line alone is.
    path = tmp_path / "split.nbib"
    path.write_bytes(b"PMID- 1\nTI  - First title.\nFAU - Smith, John\nJT  - Journal One\n\n"
                     b"PMID- 2\nPMID- 2\nTI  - Second title.\nFAU - Li, Wei\nJT  - Journal Two\n\n"
                     b"PMID- 3\nTI  - Third title.\nFAU - S\xc3\xb6r\x01\x02\n\x0b\x0c\r\x0eensen, Jens\n"
                     b"AU  - Jensen J\nFAU - Other, Anna\nAU  - Other A\nJT  - Journal Three\n")
    result, records, failures = clean_items(path)
    assert [r["source"]["source_id"] for r in records] == ["1", "2", "3"]
    assert [r["title"] for r in records] == [{"en": "First title."}, {"en": "Second title."}, {"en": "Third title."}]
    for rec in records:
        validate(rec)
    assert [f["reason"] for f in failures] == [
        "record has no title or abstract (a MEDLINE record always has its TI)",
        "line outside any medline record",
        "record has no title, abstract or PMID: the rest of a record cut off from its start (by a "
        "broken line before it?)"]
    assert failures[0]["line"] == 6
    assert "Other, Anna" in failures[2]["raw"] and "Journal Three" in failures[2]["raw"]   # nothing lost
    assert result.returncode == 1


def test_prose_that_opens_like_a_tag_with_a_loose_separator_continues(tmp_path):
    # review: unindented wrapped lines of an abstract opening "STAT-3", "ISSN-linked", "AD - related"
    # were read as STAT, ISSN and AD, the abstract cut; a four-letter tag glued to its dash is a
    # tag only as PMID and its number, and a lowercase word after the separator is prose
    path = tmp_path / "prose.nbib"
    path.write_text("PMID- 12345678\nOWN - NLM\nTI  - Signalling in tumours.\nAB  - We studied the activation of\n"
                    "STAT-3 and its partners in\nISSN-linked cohorts of the\nAD - related clinic and\n"
                    "TI - weighted scans.\nFAU - Smith, John\nAU  - Smith J\nDP  - 2020 Mar\n", encoding="utf-8")
    rec, = records_of(path)
    assert rec["abstract"] == {"en": "We studied the activation of STAT-3 and its partners in ISSN-linked cohorts "
                                     "of the AD - related clinic and TI - weighted scans."}
    assert rec["title"] == {"en": "Signalling in tumours."} and rec["issues"] == []
