"""Notices a database titles as their paper (PubMed's "Published Erratum", a retraction, Web of
Science's "Correction"), told by their stated type, and records of other PMIDs: never merged
with the paper.  Records written here, a real ingest into a temp index, the CLI as a user runs it."""
from __future__ import annotations

from conftest import dedup_json as dedup, run_cli, source_ids as names

PAPER = """PMID- 33012345
DP  - 2021 Mar
TI  - Effect of early mobilization on delirium in mechanically ventilated patients.
VI  - 49
IP  - 3
PG  - 112-118
FAU - Zhang, Wei
AU  - Zhang W
FAU - Li, Na
AU  - Li N
LA  - eng
PT  - Journal Article
TA  - Crit Care Med
JT  - Critical care medicine
"""

# The erratum and the retraction, ahead of print: no volume or pages, the paper's own title.
NOTICES = PAPER + """
PMID- 33999999
DP  - 2021 Aug 2
TI  - Effect of early mobilization on delirium in mechanically ventilated patients.
FAU - Zhang, Wei
AU  - Zhang W
FAU - Li, Na
AU  - Li N
LA  - eng
PT  - Published Erratum
TA  - Crit Care Med
JT  - Critical care medicine
EIN - Crit Care Med. 2021 Mar;49(3):112-118. PMID: 33012345
PST - aheadofprint

PMID- 34999999
DP  - 2021 Nov 5
TI  - Effect of early mobilization on delirium in mechanically ventilated patients.
FAU - Zhang, Wei
AU  - Zhang W
FAU - Li, Na
AU  - Li N
LA  - eng
PT  - Retraction of Publication
TA  - Crit Care Med
JT  - Critical care medicine
ROF - Crit Care Med. 2021 Mar;49(3):112-118. PMID: 33012345
PST - aheadofprint
"""

# No PMIDs: only the type a RIS JOUR states (M3) tells the notices from the paper, and the
# paper typed "Retracted Publication" is still the paper.
RIS = """TY  - JOUR
TI  - Serum ferritin and mortality in adult sepsis
AU  - Novak, Ivan
AU  - Kraus, Eva
PY  - 2020
JO  - Critical Care
M3  - {type}
{place}ID  - {name}
ER  - 
"""
PLACE = "VL  - 24\nIS  - 1\nSP  - 300\nEP  - 309\n"


def _ingest(tmp_path, name: str, text: str):
    path, idx = tmp_path / name, tmp_path / "idx"
    path.write_text(text, encoding="utf-8")
    assert run_cli("ingest", "-q", str(path), "--index", str(idx)).returncode == 0
    return idx


def test_an_erratum_and_a_retraction_titled_as_the_paper_are_not_the_paper(tmp_path):
    idx = _ingest(tmp_path, "err.txt", NOTICES)
    out = dedup(idx, "--apply")
    assert out["clusters"] == [] and out["counts"]["remaining"] == 3
    assert set(names(idx).values()) == {"33012345", "33999999", "34999999"}   # --apply hid none


def test_the_stated_type_of_a_ris_record_tells_a_notice(tmp_path):
    text = "\n".join(RIS.format(type=t, place=p, name=n) for t, p, n in (
        ("Article", PLACE, "PAPER"), ("Journal Article; Retracted Publication", PLACE, "RETRACTED"),
        ("Erratum", "", "ERRATUM"), ("Retraction", "", "RETRACTION"), ("Comment", "", "COMMENT")))
    idx = _ingest(tmp_path, "typed.ris", text)
    name = names(idx)
    clusters = dedup(idx)["clusters"]
    assert [sorted(name[r["id"]] for r in c["records"]) for c in clusters] == [["PAPER", "RETRACTED"]]
    assert clusters[0]["confidence"] == "certain"


def test_the_document_type_of_a_scopus_csv_row_tells_a_notice(tmp_path):
    # Scopus's CSV states an erratum's type only in its "Document Type" column (kept as
    # extra.source_type), its title the paper's: it was merged with the paper as a duplicate
    head = "Authors,Title,Year,Source title,Volume,Issue,Page start,Page end,Document Type,Source,EID\n"
    rows = ['"Zhang W., Li N.","Effect of early mobilization on delirium",2021,"Critical Care Medicine",49,3,112,118,'
            'Article,Scopus,2-s2.0-1',
            '"Zhang W., Li N.","Effect of early mobilization on delirium",2021,"Critical Care Medicine",,,,,'
            'Erratum,Scopus,2-s2.0-2']
    idx = _ingest(tmp_path, "scopus.csv", head + "\n".join(rows) + "\n")
    assert dedup(idx)["clusters"] == []


def test_records_of_other_pmids_are_not_linked(tmp_path):
    """Two PubMed records alike in every field but the PMID are two PubMed entries: like two
    DOIs, two PMIDs are two works (a librarian finds them by search, not by dedup)."""
    other = PAPER.replace("33012345", "33012399")
    idx = _ingest(tmp_path, "two.txt", PAPER + "\n" + other)
    assert dedup(idx)["clusters"] == []


def test_a_record_without_a_pmid_joins_one_pmid_only(tmp_path):
    """A RIS record of the paper with no PMID links to either PubMed record, but the cluster
    holds one PMID: the other stays apart."""
    other = PAPER.replace("33012345", "33012399")
    ris = ("TY  - JOUR\nTI  - Effect of early mobilization on delirium in mechanically ventilated patients\n"
           "AU  - Zhang, Wei\nAU  - Li, Na\nPY  - 2021\nJO  - Critical care medicine\nVL  - 49\nIS  - 3\n"
           "SP  - 112\nEP  - 118\nID  - RIS\nER  - \n")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "two.txt").write_text(PAPER + "\n" + other, encoding="utf-8")
    (tmp_path / "in" / "one.ris").write_text(ris, encoding="utf-8")
    idx = tmp_path / "idx"
    assert run_cli("ingest", "-q", str(tmp_path / "in"), "--index", str(idx)).returncode == 0
    name = names(idx)
    clusters = dedup(idx)["clusters"]
    assert len(clusters) == 1 and len(clusters[0]["records"]) == 2
    assert "RIS" in {name[r["id"]] for r in clusters[0]["records"]}


# A title that is its kind alone, twice by one author in one year: once at its place, once with
# none (ahead of print, or a database that gives none).  Nothing says they are one piece.
GENERIC = """TY  - JOUR
TI  - {title}
AU  - {author}
PY  - 2020
T2  - JAMA Surgery
{place}ID  - {name}
ER  - 
"""
GENERIC_TITLES = ("Invited commentary", "Author reply", "Authors' reply", "The authors reply", "Case report",
                  "Response to letter", "Conclusion", "Highlights", "Corrections", "Retraction",
                  "Retraction notice.", "Expression of concern.", "In reply")


def test_generic_titles_in_any_form_do_not_link(tmp_path):
    text = "\n".join(GENERIC.format(title=t, author=a, place=p, name=f"{n}{i}")
                     for i, t in enumerate(GENERIC_TITLES)
                     for a, p, n in (("Smith, John", f"VL  - 155\nIS  - 3\nSP  - {100 + 10 * i}\n", "P"),
                                     ("Smith, J.", "", "U")))
    idx = _ingest(tmp_path, "generic.ris", text)
    assert dedup(idx)["clusters"] == []


def test_generic_titles_of_one_pmid_are_one(tmp_path):
    """A generic title links only by what identifies the piece: its DOI, or its PMID (a
    MEDLINE record and a Scopus RIS giving the PMID in C2)."""
    medline = ("PMID- 22000001\nDP  - 2012 Jun\nTI  - Retraction notice.\nVI  - 114\nIP  - 6\nPG  - 1200\n"
               "FAU - Fujii, Yoshitaka\nAU  - Fujii Y\nLA  - eng\nPT  - Retraction of Publication\n"
               "TA  - Anesth Analg\nJT  - Anesthesia and analgesia\n")
    ris = GENERIC.format(title="Retraction notice", author="Fujii, Y.", place="C2  - 22000001\n", name="SCOPUS")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "pubmed.txt").write_text(medline, encoding="utf-8")
    (tmp_path / "in" / "scopus.ris").write_text(ris.replace("2020", "2012"), encoding="utf-8")
    idx = tmp_path / "idx"
    assert run_cli("ingest", "-q", str(tmp_path / "in"), "--index", str(idx)).returncode == 0
    (cluster,) = dedup(idx)["clusters"]
    assert len(cluster["records"]) == 2 and cluster["confidence"] == "certain" and cluster["reasons"] == ["same PMID"]


def test_a_notice_without_its_place_needs_review(tmp_path):
    """Two corrections titled alike, one ahead of print with no volume or pages: perhaps the
    same notice, perhaps a second correction of the paper."""
    text = "\n".join(RIS.format(type="Article", place=p, name=n).replace(
        "TI  - Serum", "TI  - Correction: Serum") for p, n in ((PLACE, "PRINTED"), ("", "AHEAD")))
    idx = _ingest(tmp_path, "corrections.ris", text)
    (cluster,) = dedup(idx)["clusters"]
    assert cluster["confidence"] == "needs review"
    assert "a notice without its volume or pages" in cluster["reasons"]


def test_an_erratum_carrying_its_papers_doi_is_not_the_paper(tmp_path):
    """An erratum typed so (RIS M3) at another issue and page, given the paper's DOI by its
    database: it was merged with the paper as "certain: same DOI".  At the paper's own place
    nothing tells which record is wrong: a librarian decides."""
    doi = "DO  - 10.1186/cc.2020.300\n"
    elsewhere = "VL  - 24\nIS  - 7\nSP  - 900\n"
    text = "\n".join(RIS.format(type=t, place=p + doi, name=n) for t, p, n in (
        ("Article", PLACE, "PAPER"), ("Erratum", elsewhere, "ERRATUM")))
    idx = _ingest(tmp_path, "errata.ris", text)
    assert dedup(idx, "--apply")["clusters"] == []
    assert set(names(idx).values()) == {"PAPER", "ERRATUM"}
    text = "\n".join(RIS.format(type=t, place=PLACE + doi, name=n) for t, n in (
        ("Article", "PAPER"), ("Erratum", "TYPED")))
    (tmp_path / "one_place").mkdir()
    idx = _ingest(tmp_path / "one_place", "one_place.ris", text)
    (cluster,) = dedup(idx)["clusters"]
    assert cluster["confidence"] == "needs review"
    assert cluster["reasons"] == ["same DOI, but a correction notice and its paper"]
