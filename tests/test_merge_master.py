"""What ``dedup --apply`` makes of a master its duplicates know better: an author list cut
off, a year the other copies disagree with.  Real ingest into a temp index, the CLI as a
user runs it, and :func:`indexer.merge.merged_record` on small records."""
from __future__ import annotations

from conftest import dedup_json as dedup, ingested_files, jsonl, run_cli
from indexer.merge import merged_record

# CENTRAL's export: the first author and "et al.", but more fields than PubMed's (issue,
# keywords, funding): the master
CENTRAL_ET_AL = """TY  - JOUR
ID  - CN-02231234
AU  - Lozares, S.
AU  - et al.
TI  - In vivo dosimetry in low-voltage IORT breast treatments with XR-RV3 radiochromic film
JO  - Physica medica
PY  - 2021
VL  - 81
IS  - 1
SP  - 173
EP  - 181
DO  - 10.1016/j.ejmp.2020.12.011
AB  - PURPOSE: The objectives of the study were to establish a procedure for in vivo film-based dosimetry.
KW  - Breast Neoplasms
KW  - Film Dosimetry
SN  - 1120-1797
N1  - Funding: Instituto de Salud Carlos III (PI19/00001)
ER  - 
"""

PUBMED = """PMID- 33465753
VI  - 81
DP  - 2021 Jan 16
TI  - In vivo dosimetry in low-voltage IORT breast treatments with XR-RV3 radiochromic
      film.
PG  - 173-181
LID - 10.1016/j.ejmp.2020.12.011 [doi]
AB  - PURPOSE: The objectives of the study were to establish a procedure for in vivo
      film-based dosimetry.
FAU - Lozares, Sergio
AU  - Lozares S
FAU - Font, Jose A
AU  - Font JA
FAU - Gandía, Almudena
AU  - Gandía A
FAU - Campos, Arantxa
AU  - Campos A
FAU - Flamarique, Sonia
AU  - Flamarique S
LA  - eng
PT  - Journal Article
TA  - Phys Med
JT  - Physica medica : PM : an international journal devoted to the applications of physics to medicine and biology : official journal of the Italian Association of Biomedical Physics (AIFM)
"""


def test_a_master_whose_author_list_is_cut_off_takes_a_duplicates_whole_list(tmp_path):
    # Vancouver gave "Lozares S, et al." for a paper PubMed lists five authors of
    idx = ingested_files(tmp_path, {"central.ris": CENTRAL_ET_AL, "pubmed.nbib": PUBMED})
    assert run_cli("dedup", "--apply", "--index", str(idx)).returncode == 0
    out = run_cli("export", "--format", "vancouver", "--masters", "--index", str(idx))
    assert out.returncode == 0, out.stderr
    assert "Lozares S, Font JA, Gandía A, Campos A, Flamarique S. In vivo dosimetry" in out.stdout


def person(family: str, given: str, lang: str = "en") -> dict:
    return {"family": family, "given": given, "lang": lang}


def record(rid: str, authors: list[dict], **fields) -> dict:
    return {"id": rid, "source": {"path": f"{rid}.txt", "format": "ris", "record": 1, "source_id": None},
            "title": {"en": "In vivo dosimetry in low-voltage IORT breast treatments"}, "abstract": {},
            "authors": authors, **fields}


FOURTEEN = [person("Lozares", "Sergio"), person("Font", "Jose A"), person("Gandía", "Almudena"),
            person("Campos", "Arantxa"), person("Flamarique", "Sonia")] + [person(f"Author{i}", "X") for i in range(9)]


def test_a_master_listing_the_first_authors_only_takes_the_longest_list_that_goes_on_from_them():
    # Embase's first four of fourteen; names written otherwise (initials, no accent) still match
    embase = record("m", [person("Lozares", "S."), person("Font", "J.A."), person("Gandia", "A."), person("Campos", "A.")])
    scopus = record("s", FOURTEEN[:5])
    pubmed = record("p", FOURTEEN)
    other = record("o", [person("Smith", "J.")] + FOURTEEN)   # another first author: not this list
    out = merged_record(embase, [scopus, other, pubmed])
    assert len(out["authors"]) == 14 and out["authors"][0]["given"] == "Sergio"
    assert out["merged"]["provenance"]["authors"] == "p"
    # the truncation mark goes with the list taken
    cut = merged_record(record("m", [person("Lozares", "S.")], extra={"authors_truncated": True}), [scopus])
    assert len(cut["authors"]) == 5 and not cut["extra"].get("authors_truncated")
    # a whole list is kept, and one that is not the start of the other's
    assert merged_record(pubmed, [scopus])["authors"] == FOURTEEN
    kept = merged_record(record("m", [person("Font", "J.A.")]), [pubmed])
    assert [a["family"] for a in kept["authors"]] == ["Font"] and "authors" not in kept["merged"]["provenance"]


def test_a_chinese_master_keeps_its_names_and_takes_the_english_ones_as_alt():
    zh = [{"literal": "孙壮", "lang": "zh"}, {"literal": "孙莉娜", "lang": "zh"}]
    master = record("zh", zh, title={"zh": "乳腺MRI与钼靶诊断乳腺癌的临床研究"})
    english = record("en", [person("Sun", "Zhuang"), person("Sun", "Lina"), person("Wang", "Jianguo")])
    longer = record("zh2", zh + [{"literal": "王建国", "lang": "zh"}], title={"zh": "乳腺MRI与钼靶诊断乳腺癌的临床研究"})
    out = merged_record(master, [english])
    assert [a["literal"] for a in out["authors"]] == ["孙壮", "孙莉娜"]
    assert out["authors"][0]["alt"]["family"] == "Sun"
    # a longer Chinese list goes on from the master's; the English names stay their alt
    out = merged_record(master, [english, longer])
    assert [a["literal"] for a in out["authors"]] == ["孙壮", "孙莉娜", "王建国"]
    assert out["merged"]["provenance"]["authors"] == "zh2"


def test_the_master_takes_the_year_most_copies_give_from_a_copy_that_names_the_issue():
    # Embase's "Y1  - 2020//" (online first) was the master's year against four copies' 2021
    embase = record("e", FOURTEEN, year=2020, volume="81", pages="173-181", extra={"date": ["2020//"]})
    ahead = record("a", FOURTEEN, year=2021)   # online first: no volume, no pages
    pubmed = record("p", FOURTEEN, year=2021, volume="81", pages="173-181", extra={"date": ["2021 Jan 16"]})
    scopus = record("s", FOURTEEN, year=2021, volume="81", pages="173-181")
    out = merged_record(embase, [ahead, pubmed, scopus])
    assert out["year"] == 2021 and out["merged"]["provenance"]["year"] == "p"
    assert out["extra"]["other_years"] == [2020] and out["extra"]["date"] == ["2021 Jan 16"]
    assert out["merged"]["notes"] == ["year 2021 as 3 of 4 records give it, not the master's 2020 "
                                      "(kept in extra.other_years)"]
    # an online-first master takes the issue's volume and pages from the copy its year came from
    other = record("x", FOURTEEN, year=2019, volume="80", keywords={"en": ["film"]})   # the most complete
    first = merged_record(record("e", FOURTEEN, year=2020), [other, pubmed, scopus])
    assert (first["year"], first["volume"], first["merged"]["provenance"]["volume"]) == (2021, "81", "p")
    # one against one: the master's year stays
    kept = merged_record(embase, [pubmed])
    assert kept["year"] == 2020 and "year" not in kept["merged"]["provenance"] and "notes" not in kept["merged"]


def test_apply_says_which_year_the_master_took(tmp_path):
    idx = ingested_files(tmp_path, {
        "central.ris": CENTRAL_ET_AL.replace("PY  - 2021", "PY  - 2020"), "pubmed.nbib": PUBMED,
        "wos.ris": CENTRAL_ET_AL.replace("CN-02231234", "WOS:1").replace("AU  - et al.\n", "")})
    result = run_cli("dedup", "--apply", "--index", str(idx))
    assert "year 2021 as 2 of 3 records give it, not the master's 2020" in result.stdout
    out = run_cli("export", "--format", "vancouver", "--masters", "--index", str(idx)).stdout
    assert "2021;81(1):173-81" in out


PAIR_AND_TRIALS = """TY  - JOUR
TI  - Burn wound infections in children: a ten-year review
AU  - Okafor, Chidi
PY  - 2019
KW  - burns
ER  - 

TY  - JOUR
TI  - Burn wound infections in children: a ten-year review
AU  - Okafor, Chidi
PY  - 2019
ER  - 

TY  - JOUR
AU  - Alexion Pharmaceuticals, Inc
TI  - An Open-Label, Multi-Center Clinical Trial of Eculizumab in Pediatric Patients With Atypical Hemolytic-Uremic Syndrome (aHUS)
PY  - 2013
ER  - 

TY  - JOUR
AU  - Alexion Pharmaceuticals, Inc
TI  - An Open-label, Multi-center Clinical Trial of Eculizumab in Adult Patients With Atypical Hemolytic-uremic Syndrome
PY  - 2013
ER  - 
"""


def test_counts_before_apply_keep_the_duplicates_to_review_apart_and_remove_nothing(tmp_path):
    # before --apply the summary said "2 duplicates found ... 2 remaining" and --json
    # "duplicates_removed": 2, counting the trials that wait for review; --apply removed 1
    path, idx = tmp_path / "refs.ris", tmp_path / "idx"
    path.write_text(PAIR_AND_TRIALS, encoding="utf-8")
    assert run_cli("ingest", "-q", str(path), "--index", str(idx)).returncode == 0
    before = run_cli("dedup", "--index", str(idx))
    summary = before.stdout.splitlines()[0]
    assert summary == ("4 records identified, 2 clusters of the same work (1 needs review): 2 duplicates, 1 certain, "
                       "which --apply removes (3 remaining), and 1 in clusters that need review")
    expected = {"identified": 4, "duplicates_found": 2, "duplicates_removed": 1, "duplicates_to_review": 1,
                "remaining": 3, "needs_review": 1}
    assert dedup(idx)["counts"] == expected
    after = run_cli("dedup", "--apply", "--index", str(idx)).stdout.splitlines()
    assert after[0] == ("4 records identified, 2 clusters of the same work (1 needs review), 1 duplicate removed, "
                        "3 remaining (1 more waits for review)")
    assert after[2].startswith("  1 cluster needs review and was left as it is")
    assert dedup(idx)["counts"] == expected
    assert run_cli("dedup", "--apply", "--all", "--index", str(idx)).stdout.startswith(
        "4 records identified, 2 clusters of the same work (1 needs review), 2 duplicates removed, 2 remaining\n")


def test_a_title_medline_translated_in_brackets_gives_way_to_a_copys_own():
    # PubMed's "[Surgical treatment …]." is the most complete record (abstract, PMID), Web of
    # Science's copy has the title as the journal prints it
    pubmed = record("p", [person("Wang", "Jianguo")], title={"en": "[Surgical treatment strategy for spinal metastases]."},
                    abstract={"en": "OBJECTIVE: To explore the surgical treatment strategy."}, volume="41", issue="3")
    wos = record("w", [person("Wang", "Jianguo")], title={"en": "Surgical treatment strategy for spinal metastases"})
    cnki = record("c", [{"literal": "王建国", "lang": "zh"}], title={"zh": "脊柱转移瘤的外科治疗策略"})
    out = merged_record(pubmed, [wos, cnki])
    assert out["title"] == {"en": "Surgical treatment strategy for spinal metastases", "zh": "脊柱转移瘤的外科治疗策略"}
    assert out["merged"]["provenance"]["title.en"] == "w"
    # from the Chinese master, the English title is the copy's own, not the more complete PubMed's
    assert merged_record(cnki, [pubmed, wos])["title"]["en"] == "Surgical treatment strategy for spinal metastases"
    # with no other, the bracketed title stays
    assert merged_record(pubmed, [cnki])["title"]["en"] == "[Surgical treatment strategy for spinal metastases]."


# Embase's RIS: the most complete record (keywords, funding, issue), its M3 Scopus's and
# Embase's document type and its UR the journal's home page, not the article's
EMBASE = CENTRAL_ET_AL.replace("ID  - CN-02231234\n", "DB  - Embase\nM3  - Article\n").replace(
    "AU  - et al.\n", "AU  - Font, J.A.\nAU  - Gandía, A.\nAU  - Campos, A.\nAU  - Flamarique, S.\n").replace(
    "ER  - ", "UR  - http://www.elsevier.com/locate/ejmp\nER  - ")
# the publisher's page saved to a reference manager: the article's own URL
PUBLISHER = """TY  - JOUR
TI  - In vivo dosimetry in low-voltage IORT breast treatments with XR-RV3 radiochromic film
AU  - Lozares, Sergio
PY  - 2021
T2  - Physica Medica
DO  - 10.1016/j.ejmp.2020.12.011
UR  - https://www.sciencedirect.com/science/article/pii/S1120179720303185
ER  - 
"""


def test_an_embase_master_keeps_pubmeds_publication_types_and_takes_the_articles_url(tmp_path):
    # dedup --apply with Embase's record the master: PubMed's "Randomized Controlled Trial" was
    # gone from the merged record (a screening filters on it), and its URL the journal's site
    idx = ingested_files(tmp_path, {
        "embase.ris": EMBASE,
        "pubmed.nbib": PUBMED.replace("PT  - Journal Article\n", "PT  - Journal Article\nPT  - Randomized Controlled Trial\n"),
        "publisher.ris": PUBLISHER})
    assert run_cli("dedup", "--apply", "--index", str(idx)).returncode == 0
    out = run_cli("export", "--format", "ris", "--index", str(idx))
    assert out.returncode == 0, out.stderr
    (merged,) = jsonl(run_cli("export", "--format", "jsonl", "--index", str(idx)).stdout)
    assert merged["source"]["path"].endswith("embase.ris")   # (the master)
    assert "M3  - Article; Journal Article; Randomized Controlled Trial\n" in out.stdout
    assert "UR  - https://www.sciencedirect.com/science/article/pii/S1120179720303185\n" in out.stdout


def test_a_masters_article_url_stays_and_a_notice_lends_no_type():
    master = record("m", [person("Lozares", "Sergio")], url="https://doi.org/10.1016/j.ejmp.2020.12.011",
                    extra={"publication_type": ["Article"]})
    copy = record("p", [person("Lozares", "Sergio")], url="https://pubmed.ncbi.nlm.nih.gov/33465753/",
                  extra={"publication_type": ["Journal Article", "Randomized Controlled Trial"]})
    merged = merged_record(master, [copy])
    assert merged["url"] == master["url"]
    assert merged["extra"]["publication_type"] == ["Article", "Journal Article", "Randomized Controlled Trial"]
    erratum = record("e", [person("Lozares", "Sergio")], extra={"publication_type": ["Published Erratum"]})
    assert merged_record(master, [erratum])["extra"]["publication_type"] == ["Article"]
