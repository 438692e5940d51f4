"""PubMed's "Summary (text)" as its Save writes it today: numbered records between blank
lines, a line each for the title, the authors, the source and the PMID (with PubMed's
remarks after it).  The files are written here in that layout; the first two records are
real (PMID 21131518, 20581175), the others invented.  Expected values are written by hand."""
from __future__ import annotations

from conftest import clean_items

SUMMARY = """\
1. Anaplerotic role for cytosolic malic enzyme in engineered Saccharomyces cerevisiae strains.
Zelle RM, Harrison JC, Pronk JT, van Maris AJ.
Appl Environ Microbiol. 2011 Feb;77(3):732-8. doi: 10.1128/AEM.02132-10. Epub 2010 Dec 3.
PMID: 21131518 Free PMC article.

2. Phosphoenolpyruvate carboxykinase as the sole anaplerotic enzyme in Saccharomyces cerevisiae.
Zelle RM, Trueheart J, Harrison JC, Pronk JT, van Maris AJ.
Appl Environ Microbiol. 2010 Aug;76(16):5383-9. doi: 10.1128/AEM.01077-10. Epub 2010 Jun 25.
PMID: 20581175
PMCID: PMC2918974

3. [Surgical treatment of spinal metastases].
Wang Y, Zhang K.
Zhonghua Wai Ke Za Zhi. 2021 Mar 1;59(3):150-156. doi: 10.3760/cma.j.cn112139-20200101-00001.
PMID: 39999981 Chinese.

4. Does early mobilisation help after spinal surgery?
Reyes P, Adams B; COVID-19 Study Group.
BMJ. 2018;361:k1234. doi: 10.1136/bmj.k1234.
PMID: 39999982 Review.

5. Spinal metastases: an update.
[No authors listed]
Lancet. 2020 Jan 4;395(10217):12-3. doi: 10.1016/S0140-6736(19)33000-0.
PMID: 39999983 No abstract available.
"""


def read(tmp_path, text, *options, failures=0):
    path = tmp_path / "pubmed_summary.txt"
    path.write_text(text, encoding="utf-8")
    result, records, failed = clean_items(path, *options)
    assert len(failed) == failures, result.stdout
    assert result.returncode == (1 if failures else 0), result.stderr
    return records, failed


def names(rec):
    return [a.get("literal") or (a["family"], a["given"]) for a in rec["authors"]]


def test_summary_text_is_told_and_read(tmp_path, validate):
    # told from its content (no --format), each record's parts from its own line
    records, _ = read(tmp_path, SUMMARY)
    for rec in records:
        validate(rec)
    first, second, third, fourth, fifth = records
    assert {r["source"]["format"] for r in records} == {"pubmed-text"}
    assert [r["source"]["source_id"] for r in records] == \
        ["21131518", "20581175", "39999981", "39999982", "39999983"]
    assert [r["source"]["line"] for r in records] == [1, 6, 12, 17, 22]
    assert first["title"] == {"en": "Anaplerotic role for cytosolic malic enzyme in engineered "
                                    "Saccharomyces cerevisiae strains"}
    assert names(first) == [("Zelle", "RM"), ("Harrison", "JC"), ("Pronk", "JT"), ("van Maris", "AJ")]
    assert (first["journal"], first["year"], first["volume"], first["issue"], first["pages"], first["doi"]) == \
        ({"en": "Appl Environ Microbiol"}, 2011, "77", "3", "732-738", "10.1128/aem.02132-10")
    assert (first["extra"]["date"], first["extra"]["epub"], first["extra"]["remarks"]) == \
        (["2011 Feb"], "2010 Dec 3", ["Free PMC article"])
    # a PMCID on its own line
    assert (second["pages"], second["extra"]["pmcid"]) == ("5383-5389", "PMC2918974")
    assert "remarks" not in second["extra"]
    # a translated title in brackets, the article's language after the PMID
    assert third["title"] == {"en": "Surgical treatment of spinal metastases"}
    assert (third["extra"]["translated_title"], third["extra"]["original_language"]) == (True, "Chinese")
    # a title ending with "?"; a collective author; an article number for pages
    assert fourth["title"] == {"en": "Does early mobilisation help after spinal surgery?"}
    assert names(fourth) == [("Reyes", "P"), ("Adams", "B"), "COVID-19 Study Group"]
    assert (fourth["volume"], fourth["issue"], fourth["pages"], fourth["extra"]["remarks"]) == \
        ("361", None, "k1234", ["Review"])
    # no authors: none read, not "[No authors listed]" as a name
    assert fifth["authors"] == []
    assert (fifth["pages"], fifth["extra"]["remarks"]) == ("12-13", ["No abstract available"])


def test_summary_text_with_format_named_and_blank_lines_lost(tmp_path):
    # --format pubmed-text reads it too; a record opening right after the last one's PMID
    # line (text copied from the results page) is a record of its own
    text = SUMMARY.replace("Free PMC article.\n\n2.", "Free PMC article.\n2.")
    records, _ = read(tmp_path, text, "--format", "pubmed-text")
    assert [r["source"]["source_id"] for r in records] == \
        ["21131518", "20581175", "39999981", "39999982", "39999983"]
    assert records[1]["title"]["en"].startswith("Phosphoenolpyruvate carboxykinase")


def test_a_summary_record_out_of_its_layout_is_a_failure_with_its_text(tmp_path):
    # a book's source is no journal's: that record fails with its text, the others read
    book = ("6. Spinal Metastases.\nSmith J.\nIn: StatPearls [Internet]. Treasure Island (FL): "
            "StatPearls Publishing; 2024 Jan-.\nPMID: 39999984")
    records, (failure,) = read(tmp_path, SUMMARY + "\n" + book + "\n", failures=1)
    assert len(records) == 5
    assert (failure["line"], failure["raw"]) == (27, book)


def test_a_summary_that_lists_books_first_is_still_told(tmp_path):
    # a search can list StatPearls chapters first: the articles after them are read, each book a failure
    books = "".join(f"{n}. Chapter {n}.\nGoyal A, Bashir K.\nIn: StatPearls [Internet]. Treasure Island (FL): "
                    f"StatPearls Publishing; 2024 Jan–. 2023 Nov 25.\nPMID: 2872292{n} Free Books & Documents.\n\n"
                    for n in range(1, 5))
    path = tmp_path / "pubmed-books.txt"
    path.write_text(books + "5. Kidney outcomes in COVID-19.\nLee K.\nCureus. 2023 Jun 5;15(6):e39999. "
                            "doi: 10.7759/cureus.39999.\nPMID: 38000002 Free PMC article.\n", encoding="utf-8")
    result, records, failures = clean_items(path)
    assert result.returncode == 1
    assert [r["title"]["en"] for r in records] == ["Kidney outcomes in COVID-19"]
    assert [f["line"] for f in failures] == [1, 6, 11, 16] and "StatPearls" in failures[0]["raw"]
