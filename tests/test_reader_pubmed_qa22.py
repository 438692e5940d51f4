"""PubMed XML and MEDLINE (nbib) readers: <sup>/<sub> as Unicode, the PMCID, an author's
suffix and affiliations, and collective authors, the same record read the same from both."""
from __future__ import annotations

from conftest import needs_shared, records_of

XML = """<?xml version="1.0" ?>
<PubmedArticleSet>
<PubmedArticle>
  <MedlineCitation Status="MEDLINE" Owner="NLM">
    <PMID Version="1">35000001</PMID>
    <Article PubModel="Electronic">
      <Journal><ISSN IssnType="Electronic">1932-6203</ISSN>
        <JournalIssue CitedMedium="Internet"><Volume>17</Volume><Issue>1</Issue><PubDate><Year>2022</Year></PubDate></JournalIssue>
        <Title>PloS one</Title><ISOAbbreviation>PLoS One</ISOAbbreviation></Journal>
      <ArticleTitle>Serum 25(OH)D<sub>3</sub> and Ca<sup>2+</sup> in <i>Plasmodium falciparum</i> infection.</ArticleTitle>
      <Pagination><MedlinePgn>e0262000</MedlinePgn></Pagination>
      <Abstract><AbstractText>Cells were cultured with 10<sup>6</sup> copies (R<sup>2</sup> = 0.81, V<sub>max</sub>).</AbstractText></Abstract>
      <AuthorList CompleteYN="Y">
        <Author ValidYN="Y"><LastName>Doe</LastName><ForeName>Jane</ForeName><Initials>J</Initials>
          <AffiliationInfo><Affiliation>Mahidol University, Bangkok, Thailand.</Affiliation></AffiliationInfo></Author>
        <Author ValidYN="Y"><LastName>King</LastName><ForeName>Martin Luther</ForeName><Initials>ML</Initials><Suffix>Jr</Suffix>
          <AffiliationInfo><Affiliation>Emory University, Atlanta, GA, USA.</Affiliation></AffiliationInfo></Author>
        <Author ValidYN="Y"><CollectiveName>The Lancet Editors</CollectiveName></Author>
      </AuthorList>
      <Language>eng</Language>
    </Article>
  </MedlineCitation>
  <PubmedData><ArticleIdList>
    <ArticleId IdType="pubmed">35000001</ArticleId>
    <ArticleId IdType="pmc">PMC8760000</ArticleId>
    <ArticleId IdType="doi">10.1371/journal.pone.0262000</ArticleId>
  </ArticleIdList></PubmedData>
</PubmedArticle>
</PubmedArticleSet>
"""

# The same record as PubMed's MEDLINE format gives it.
NBIB = """PMID- 35000001
OWN - NLM
VI  - 17
IP  - 1
DP  - 2022
TI  - Serum 25(OH)D3 and Ca2+ in Plasmodium falciparum infection.
PG  - e0262000
FAU - Doe, Jane
AU  - Doe J
AD  - Mahidol University, Bangkok, Thailand.
FAU - King, Martin Luther Jr
AU  - King ML Jr
AD  - Emory University, Atlanta, GA, USA.
CN  - The Lancet Editors
LA  - eng
JT  - PloS one
PMC - PMC8760000
AID - 10.1371/journal.pone.0262000 [doi]

"""


def _one(path: Path, text: str) -> dict:
    path.write_text(text, encoding="utf-8")
    (rec,) = records_of(path)
    return rec


def test_sup_and_sub_are_unicode_and_inline_markup_is_its_text(tmp_path):
    rec = _one(tmp_path / "p.xml", XML)
    assert rec["title"]["en"] == "Serum 25(OH)D₃ and Ca²⁺ in Plasmodium falciparum infection."
    # "106 copies" changed the number; Vmax has no subscript letters, so stays as written
    assert rec["abstract"]["en"] == "Cells were cultured with 10⁶ copies (R² = 0.81, Vmax)."


def test_a_real_sample_keeps_its_superscripts():
    samples = needs_shared("corpus", "formats", "pubmed-xml")
    (rec,) = [r for r in records_of(samples / "pubmed-xml-08.txt") if r["source"]["source_id"] == "33760390"]
    text = " ".join(s["text"] for s in rec["sections"]["en"])
    assert "R² = 0.81" in text and "mm³ /year" in text and "R2 = 0.81" not in text
    # a pretty-printed file: the line break and indent before <sub> are layout ("β 2-agonist" before)
    (rec,) = records_of(samples / "pubmed-29768149.xml")
    assert "a fast-acting β₂-agonist may be" in rec["abstract"]["en"]


def test_the_pmcid_is_kept_where_medline_keeps_it(tmp_path):
    xml, nbib = _one(tmp_path / "p.xml", XML), _one(tmp_path / "p.nbib", NBIB)
    assert xml["extra"]["tags"]["PMC"] == nbib["extra"]["tags"]["PMC"] == ["PMC8760000"]
    # the real samples: the article's own PMCID, not those of its references
    samples = needs_shared("corpus", "formats", "pubmed-xml")
    pmcids = {r["source"]["source_id"]: r["extra"].get("tags", {}).get("PMC")
              for name in ("pubmed-xml-10.txt", "pubmed-xml-11.txt") for r in records_of(samples / name)}
    assert ["PMC10104197"] in pmcids.values() and ["PMC10312949"] in pmcids.values()


def test_authors_suffixes_and_affiliations_as_medline_gives_them(tmp_path):
    xml, nbib = _one(tmp_path / "p.xml", XML), _one(tmp_path / "p.nbib", NBIB)
    assert xml["authors"] == nbib["authors"]
    assert xml["authors"][1] == {"family": "King", "given": "Martin Luther, Jr", "lang": "en",
                                 "affiliation": "Emory University, Atlanta, GA, USA."}
    assert xml["extra"]["author_affiliations"] == nbib["extra"]["author_affiliations"] == [
        {"author": "Doe, Jane", "affiliations": ["Mahidol University, Bangkok, Thailand."]},
        {"author": "King, Martin Luther Jr", "affiliations": ["Emory University, Atlanta, GA, USA."]}]
    assert xml["extra"]["affiliations"] == nbib["extra"]["affiliations"]


def test_a_collective_author_is_one_name(tmp_path):
    for name in ("p.xml", "p.nbib"):
        rec = _one(tmp_path / name, XML if name.endswith("xml") else NBIB)
        assert rec["authors"][-1] == {"literal": "The Lancet Editors", "lang": "en"}, name
    only = NBIB.replace("CN  - The Lancet Editors", "CN  - The PLOS ONE Editors")
    only = "\n".join(line for line in only.splitlines() if not line.startswith(("FAU", "AU ", "AD "))) + "\n"
    assert _one(tmp_path / "q.nbib", only)["authors"] == [{"literal": "The PLOS ONE Editors", "lang": "en"}]


def test_an_affiliation_repeated_for_every_author_is_each_ones(tmp_path):
    """Two authors of one institution: MEDLINE repeats its AD line; read once, as PubMed XML's."""
    same = NBIB.replace("Emory University, Atlanta, GA, USA.", "Mahidol University, Bangkok, Thailand.")
    rec = _one(tmp_path / "s.nbib", same)
    assert rec["extra"]["affiliations"] == ["Mahidol University, Bangkok, Thailand."]
    assert [a.get("affiliation") for a in rec["authors"][:2]] == ["Mahidol University, Bangkok, Thailand."] * 2


def test_a_funding_statement_closing_the_last_part_leaves_its_section_as_the_abstract(tmp_path):
    # NEJM's "(Funded by …; … number, NCT…)" closes the CONCLUSIONS part: moved out of the
    # abstract, it had stayed in the section (read back, the record's sections changed)
    parts = ('<AbstractText Label="BACKGROUND" NlmCategory="BACKGROUND">Asthma is common.</AbstractText>'
             '<AbstractText Label="CONCLUSIONS" NlmCategory="CONCLUSIONS">Budesonide-formoterol was superior. '
             '(Funded by AstraZeneca; SYGMA 1 ClinicalTrials.gov number, NCT02149199 .).</AbstractText>')
    rec = _one(tmp_path / "p.xml", XML.replace(XML[XML.index("<AbstractText>"):XML.index("</Abstract>")], parts))
    conclusion = rec["sections"]["en"][-1]
    assert conclusion["label"] == "CONCLUSION"
    assert conclusion["text"] == "Budesonide-formoterol was superior. (SYGMA 1 ClinicalTrials.gov number, NCT02149199 .)."
    assert conclusion["text"] in rec["abstract"]["en"] and "Funded" not in rec["abstract"]["en"]
    assert [f["funder"] for f in rec["funding"]] == ["AstraZeneca"]
