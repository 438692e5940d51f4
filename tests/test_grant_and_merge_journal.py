"""Two losses a librarian met in PubMed records: a FAPESP or CNPq grant, whose number holds a
slash (``2017/12345-6``), lost its funder to the number's second piece; and ``dedup --apply``
gave a MEDLINE master whose journal is Portuguese the PubMed page's NLM abbreviation (``Rev
Bras Ginecol Obstet``) as its English journal, which RIS then wrote as JO and GB/T cited.
Real files through the reader, ``ingest`` / ``dedup --apply`` / ``show`` as a user runs them."""
from __future__ import annotations

import json

from conftest import cleaned, dedup_json as dedup, records_of, rendered, run_cli
from indexer.merge import merged_record

# PMID 33465792 as PubMed's MEDLINE export gives it (abstract and authors shortened), with
# grants written as FAPESP's and CNPq's are, with and without a country.
MEDLINE = """PMID- 33465792
OWN - NLM
STAT- Publisher
LR  - 20210119
IS  - 1806-9339 (Electronic)
IS  - 0100-7203 (Linking)
DP  - 2021 Jan 19
TI  - Switching of Hormone Therapies in Breast Cancer Women.
LID - 10.1055/s-0040-1719149 [doi]
AB  - OBJECTIVE:  The objective of the present study was to analyze the reasons that led 
      to hormone therapies (HTs) regimen changes in women with breast cancer.
FAU - de Medeiros, Luana Moreira
AU  - de Medeiros LM
FAU - Stahlschmidt, Rebeca
AU  - Stahlschmidt R
FAU - Mazzola, Priscila Gava
AU  - Mazzola PG
LA  - eng
GR  - 2017/12345-6/Fundação de Amparo à Pesquisa do Estado de São Paulo
GR  - 2013/07559-3/Fundação de Amparo à Pesquisa do Estado de São Paulo/Brazil
GR  - 304345/2018-0/Conselho Nacional de Desenvolvimento Científico e Tecnológico
GR  - R01 GM000001/GM/NIGMS NIH HHS/United States
GR  - 098051/Wellcome Trust/United Kingdom
PT  - Journal Article
TT  - Avaliação da mudança do esquema hormonioterápico em mulheres com câncer de mama.
PL  - Brazil
TA  - Rev Bras Ginecol Obstet
JT  - Revista brasileira de ginecologia e obstetricia : revista da Federacao Brasileira 
      das Sociedades de Ginecologia e Obstetricia
JID - 9214757
AID - 10.1055/s-0040-1719149 [doi]
SO  - Rev Bras Ginecol Obstet. 2021 Jan 19. doi: 10.1055/s-0040-1719149.
"""

# The same paper's PubMed page, copied from the browser: its journal is the abbreviation alone.
PAGE = """Rev Bras Ginecol Obstet
. 2021 Jan 19.
 doi: 10.1055/s-0040-1719149. Online ahead of print.
Switching of Hormone Therapies in Breast Cancer Women
Luana Moreira de Medeiros 1, Rebeca Stahlschmidt 2, Priscila Gava Mazzola 1
Affiliations
1 Faculty of Pharmaceutical Sciences, Universidade de Campinas (Unicamp), Campinas, SP, Brazil.
2 Graduate Program in Medical Sciences, Faculty of Medical Sciences, Universidade de Campinas (Unicamp), Campinas, SP, Brazil.
PMID: 33465792 DOI: 10.1055/s-0040-1719149
Abstract
Objective: The objective of the present study was to analyze the reasons that led to hormone therapies (HTs) regimen changes in women with breast cancer.

PubMed Disclaimer
"""

FAPESP = "Fundação de Amparo à Pesquisa do Estado de São Paulo"
CNPQ = "Conselho Nacional de Desenvolvimento Científico e Tecnológico"
JOURNAL = ("Revista brasileira de ginecologia e obstetricia : revista da Federacao Brasileira "
           "das Sociedades de Ginecologia e Obstetricia")


def test_a_grant_number_with_a_slash_keeps_its_funder(tmp_path):
    path = tmp_path / "grants.nbib"
    path.write_text(MEDLINE, encoding="utf-8")
    [rec] = cleaned(path)
    assert [(f["funder_original"], f["award"]) for f in rec["funding"]] == [
        (FAPESP, "2017/12345-6"), (FAPESP, "2013/07559-3"), (CNPQ, "304345/2018-0"),
        ("NIGMS NIH HHS", "R01 GM000001"), ("Wellcome Trust", "098051")]   # the last two as before
    assert rec["funding"][0]["funder"] == FAPESP   # a funder we do not know: as written


def write_pair(tmp_path, medline: str = MEDLINE) -> tuple:
    nbib, page = tmp_path / "pubmed.nbib", tmp_path / "pubmed_page_copied.txt"
    nbib.write_text(medline, encoding="utf-8")
    page.write_text(PAGE, encoding="utf-8")
    return nbib, page


def test_apply_does_not_make_the_pages_abbreviation_the_english_journal(tmp_path):
    nbib, page = write_pair(tmp_path)
    idx = tmp_path / "idx"
    assert run_cli("ingest", "-q", str(nbib), str(page), "--index", str(idx)).returncode == 0
    [cluster] = dedup(idx)["clusters"]
    result = run_cli("dedup", "--apply", "--index", str(idx))
    assert result.returncode == 0, result.stderr
    master = json.loads(run_cli("show", "--json", cluster["master"], "--index", str(idx)).stdout)
    assert master["source"]["format"] == "medline"
    assert master["journal"] == {"pt": JOURNAL}   # the abbreviation is no English name of it
    assert master["extra"]["journal_abbreviation"] == ["Rev Bras Ginecol Obstet"]   # kept, as the master had it
    assert not {"journal.en", "journal_abbreviation"} & set(master["merged"]["provenance"])
    assert "JO  - Rev Bras Ginecol Obstet" not in rendered([master], "ris")


def test_an_abbreviation_of_the_masters_journal_by_its_words_is_kept_as_one(tmp_path):
    # a master that records no abbreviation: the page's is its journal's words cut short
    nbib, page = write_pair(tmp_path, MEDLINE.replace("TA  - Rev Bras Ginecol Obstet\n", ""))
    master, copy = records_of(nbib, page)
    assert "journal_abbreviation" not in master["extra"] and copy["journal"] == {"en": "Rev Bras Ginecol Obstet"}
    out = merged_record(master, [copy])
    assert out["journal"] == {"pt": JOURNAL}
    assert out["extra"]["journal_abbreviation"] == ["Rev Bras Ginecol Obstet"]
    assert out["merged"]["provenance"]["journal_abbreviation"] == copy["id"]


def test_a_journal_name_in_another_language_still_fills_it(tmp_path):
    nbib, page = write_pair(tmp_path)
    master, copy = records_of(nbib, page)
    for name in ("Brazilian Journal of Gynecology and Obstetrics", "Revista Brasileira de Ginecologia e Obstetrícia"):
        out = merged_record(master, [{**copy, "journal": {"en": name}}])
        assert out["journal"] == {"pt": JOURNAL, "en": name}
        assert out["merged"]["provenance"]["journal.en"] == copy["id"]
