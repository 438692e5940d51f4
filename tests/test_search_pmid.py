"""pmid: and pmcid: find the records PubMed ids name, a PMID pasted with its label is
searched as pmid:, and a truncated ü family name (lyu*, lv*) finds 吕 as author:Lyu does.
A real index built by the project's ingest from small export files."""
from __future__ import annotations

import pytest

from indexer.index.ingest import ingest
from indexer.index.search import Searcher

MEDLINE = """\
PMID- 33587412
OWN - NLM
STAT- MEDLINE
TI  - Surgery for spinal metastasis: outcomes at two years.
AB  - We followed patients after surgery for spinal metastasis for two years.
FAU - Smith, John
AU  - Smith J
PMC - PMC7886183
DP  - 2021 Mar
JT  - Spine
SO  - Spine. 2021 Mar 15;46(6):350-358.

PMID- 29768149
OWN - NLM
STAT- MEDLINE
TI  - Bone scans in breast cancer.
AB  - Bone scans were read by two radiologists.
FAU - Brown, Anna
AU  - Brown A
DP  - 2018 May
JT  - Radiology
"""

# 吕伟 in Chinese; an EndNote record from PubMed (AN, its PMID, before ID, EndNote's record
# number); a record whose accession number (a CNKI or WoS one) and registry number are digits too.
RIS = """\
TY  - JOUR
TI  - 脊柱转移瘤的手术治疗
AU  - 吕伟
AU  - 张三
PY  - 2020
AB  - 目的 探讨脊柱转移瘤的手术治疗效果。
ER  - 

TY  - JOUR
TI  - Alzheimer mechanisms and therapeutic strategies
AU  - Huang, Y.
AN  - 22424230
C2  - PMC3319071
DP  - NLM
PY  - 2012
ID  - 374
ER  - 

TY  - JOUR
TI  - Grants and outcomes in oncology
AU  - Wang, Jianguo
AN  - 20201234
AB  - The cohort was entered in the registry as number 33587412 and followed for a year.
PY  - 2019
ER  - 
"""


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pmid")
    (folder / "pubmed.txt").write_text(MEDLINE, encoding="utf-8")
    (folder / "refs.ris").write_text(RIS, encoding="utf-8")
    ingest([str(folder / "pubmed.txt"), str(folder / "refs.ris")], str(folder / "idx"), quiet=True)
    with Searcher(folder / "idx") as s:
        yield s


def _titles(searcher: Searcher, query: str) -> list[str]:
    ids = set(searcher.ranked_ids(query))
    return sorted(next(iter(r["title"].values())) for r in searcher.store if r["id"] in ids)


SPINE = "Surgery for spinal metastasis: outcomes at two years."
ALZHEIMER = "Alzheimer mechanisms and therapeutic strategies"


@pytest.mark.parametrize("query", ["pmid:33587412", "PMID:33587412", "PMID: 33587412", " PMID: 33587412. ",
                                   "pmcid:PMC7886183", "PMCID: PMC7886183", "pmcid:7886183",
                                   # typed with a space for the colon (had found nothing)
                                   "PMID 33587412", "pmid\u300033587412", "PMCID PMC7886183"])
def test_a_pubmed_id_finds_its_record(searcher, query):
    assert _titles(searcher, query) == [SPINE]


def test_an_endnote_record_from_pubmed_by_its_accession_number(searcher):
    assert _titles(searcher, "pmid:22424230") == [ALZHEIMER]
    assert _titles(searcher, "pmcid:PMC3319071") == [ALZHEIMER]
    assert _titles(searcher, "pmid:374") == []          # EndNote's record number is no PMID


def test_an_accession_number_not_from_pubmed_is_no_pmid(searcher):
    assert _titles(searcher, "pmid:20201234") == []


def test_an_ovid_medline_record_by_its_id(tmp_path):
    # Ovid's RIS writes its accession, the PMID, as ID beside the segment's name in DB
    (tmp_path / "ovid.ris").write_text("TY  - JOUR\nDB  - Ovid MEDLINE(R) ALL <1946 to March 14, 2024>\n"
                                       "ID  - 32672909\nTI  - SPTBN4 Disorder.\nPY  - 1993\nER  - \n", encoding="utf-8")
    ingest([str(tmp_path / "ovid.ris")], str(tmp_path / "idx"), quiet=True)
    with Searcher(tmp_path / "idx") as s:
        assert _titles(s, "pmid:32672909") == ["SPTBN4 Disorder."]


def test_a_number_alone_is_still_a_word(searcher):
    assert _titles(searcher, "33587412") == ["Grants and outcomes in oncology"]


@pytest.mark.parametrize("query", ["author:Lyu", "author:lyu*", "author:Lyu*", "author:lv*"])
def test_a_truncated_u_spelling_finds_lu_written_in_chinese(searcher, query):
    assert _titles(searcher, query) == ["脊柱转移瘤的手术治疗"]


def test_other_truncated_family_names_are_unchanged(searcher):
    assert _titles(searcher, "author:zha*") == ["脊柱转移瘤的手术治疗"]
    assert _titles(searcher, "author:lyx*") == []


@pytest.mark.parametrize("query", ["lv*", "title:nv*", "abstract:lv*"])
def test_a_two_letter_stem_outside_author_is_still_too_short(query):
    from indexer.index.query import QueryError, parse

    with pytest.raises(QueryError, match="at least 3 letters"):
        parse(query)


def test_a_number_alone_that_finds_nothing_says_what_pmid_finds(searcher):
    # a number alone is a word (a grant number); when it is in no text, it may be a PMID
    assert searcher.search("22424230")["total"] == 0
    assert searcher.notes("22424230") == [
        "'22424230' is in no title, abstract, keyword or funding; pmid:22424230 finds 1 record"]
    assert searcher.notes("22424231") == []


def test_a_pmid_typed_with_a_space_also_finds_the_records_citing_it(tmp_path):
    """'PMID 32000001' finds the record of that id first, and a record whose text cites it so
    (an erratum's 'This corrects the article PMID 32000001'), as its words did; with the
    colon, PubMed's own form, it is the id alone."""
    (tmp_path / "pubmed.txt").write_text(
        "PMID- 32000001\nTI  - Aspirin and colorectal cancer.\nAB  - We studied aspirin.\nAU  - Smith J\nDP  - 2020\n\n"
        "PMID- 32000002\nTI  - Erratum for aspirin trial.\n"
        "AB  - This corrects the article PMID 32000001. See also PMID 31999999.\nAU  - Brown A\nDP  - 2020\n",
        encoding="utf-8")
    ingest([str(tmp_path / "pubmed.txt")], str(tmp_path / "idx"), quiet=True)
    with Searcher(tmp_path / "idx") as s:
        def titles(query):
            by_id = {r["id"]: next(iter(r["title"].values())) for r in s.store}
            return [by_id[i] for i in s.ranked_ids(query)]
        assert titles("PMID 32000001") == ["Aspirin and colorectal cancer.", "Erratum for aspirin trial."]
        assert titles("PMID 31999999") == ["Erratum for aspirin trial."]
        assert titles("PMID: 32000001") == ["Aspirin and colorectal cancer."]
