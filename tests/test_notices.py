"""A publisher's copyright notice appended to an abstract is moved to extra.copyright."""
from __future__ import annotations

from conftest import clean_items

SCOPUS = """TY  - JOUR
TI  - Genetic counseling in oncology
AB  - Demand has grown rapidly. Such research will be integral to achieving the promise of genomic medicine in oncology. © 2016 Buchanan, Rahm and Williams.
ER  - 
"""
# Web of Science: a structured abstract; the notice would end its last section
WOS = """FN Clarivate Analytics Web of Science
VR 1.0
PT J
TI Syringomyelia in dogs
AB Objectives: To describe the disease. Results: Most dogs improved after surgery. Conclusion: Surgery is an option. (C) 2013 Elsevier Ltd. All rights reserved.
ER

EF
"""


def test_a_notice_ending_an_abstract_is_moved_out(tmp_path, validate):
    (tmp_path / "scopus.ris").write_text(SCOPUS, encoding="utf-8")
    (tmp_path / "wos.txt").write_text(WOS, encoding="utf-8")
    _, records, failures = clean_items(tmp_path)
    assert not failures
    scopus, wos = records
    assert scopus["abstract"]["en"].endswith("genomic medicine in oncology.")
    assert scopus["extra"]["copyright"] == "© 2016 Buchanan, Rahm and Williams."
    assert wos["extra"]["copyright"] == "(C) 2013 Elsevier Ltd. All rights reserved."
    assert wos["sections"]["en"][-1]["text"] == "Surgery is an option."
    assert "move_copyright_notice" in {r["step"] for r in wos["repairs"]}
    for rec in records:
        validate(rec)


def test_copyright_in_an_abstracts_own_words_stays(tmp_path):
    text = ("TY  - JOUR\nTI  - Libraries and the law\nAB  - Copyright law changed in 1998. "
            "Libraries (c) 2004 adapted, and we review their licences in this paper over several years.\nER  - \n")
    (tmp_path / "law.ris").write_text(text, encoding="utf-8")
    _, records, _ = clean_items(tmp_path / "law.ris")
    assert "copyright" not in records[0].get("extra", {})
    assert records[0]["abstract"]["en"].endswith("over several years.")


MEDLINE = """PMID- 33465000
TI  - Dosimetry of a new phantom.
AB  - We built a phantom. It works.
CI  - Copyright (c) 2021 Associazione Italiana di Fisica Medica. Published by Elsevier
      Ltd. All rights reserved.
FAU - Rossi, Mario
AU  - Rossi M

"""
PUBMED_XML = """<?xml version="1.0" ?>
<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>30000001</PMID><Article>
<ArticleTitle>Neph2 knockout mice.</ArticleTitle>
<Abstract><AbstractText>Knockout mice display defects.</AbstractText>
<CopyrightInformation>© 2018 John Wiley &amp; Sons Ltd.</CopyrightInformation></Abstract>
</Article></MedlineCitation></PubmedArticle></PubmedArticleSet>
"""


def test_pubmeds_own_copyright_field_is_the_same_key(tmp_path):
    (tmp_path / "a.nbib").write_text(MEDLINE, encoding="utf-8")
    (tmp_path / "b.xml").write_text(PUBMED_XML, encoding="utf-8")
    _, records, failures = clean_items(tmp_path)
    assert not failures
    assert [(r["abstract"]["en"], r["extra"]["copyright"]) for r in records] == [
        ("We built a phantom. It works.",
         "Copyright (c) 2021 Associazione Italiana di Fisica Medica. Published by Elsevier Ltd. All rights reserved."),
        ("Knockout mice display defects.", "© 2018 John Wiley & Sons Ltd.")]
    assert "CI" not in records[0]["extra"].get("tags", {})


# A database's own notice closing each abstract it holds (formats/refworks/refworks-01 record 1,
# formats/pubmed-medline/pubmed-medline-08 record 1)
PSYCINFO = ("TY  - JOUR\nTI  - Depression and heart disease\nAB  - Anxiety is discussed as a factor in coronary "
            "heart disease. ( PsycINFO Database Record ( c) 2002 APA, all rights reserved)\nER  - \n\n"
            "TY  - JOUR\nTI  - A study of things\nAB  - We studied things and found results. "
            "(PsycINFO Database Record (c) 2016 APA, all rights reserved)\nER  - \n")
PROQUEST = ("OWN - ERIC\nTI  - Tests of Robustness in Peer Review\nAU  - Leipzig, Jeremy\nSO  - Ph.D. Dissertation, "
            "Drexel University\nOID - ED620611\nDP  - 2021\nAB  - This study provides practical guidance. [The "
            "dissertation citations contained here are published with the permission of ProQuest LLC. Further "
            "reproduction is prohibited without permission. Copies of dissertations may be obtained by Telephone "
            "(800) 1-800-521-0600. Web page: http://www.proquest.com/en-US/products/dissertations/individuals.shtml.]\n"
            "PT  - Dissertations/Theses - Doctoral Dissertations\n")
# PubMed XML: a structured abstract, its parts given; the notice closes the last
PSYCINFO_XML = """<?xml version="1.0"?>
<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>30000009</PMID><Article>
<Journal><Title>Psychological Bulletin</Title></Journal><ArticleTitle>Anxiety and the heart.</ArticleTitle>
<Abstract><AbstractText Label="BACKGROUND">Anxiety may matter.</AbstractText>
<AbstractText Label="CONCLUSIONS">It matters. (PsycINFO Database Record (c) 2016 APA, all rights reserved)</AbstractText>
</Abstract></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>
"""


def test_a_databases_notice_is_moved_out_of_the_abstract_and_its_sections(tmp_path):
    (tmp_path / "psycinfo.ris").write_text(PSYCINFO, encoding="utf-8")
    (tmp_path / "eric.nbib").write_text(PROQUEST, encoding="utf-8")
    (tmp_path / "pubmed.xml").write_text(PSYCINFO_XML, encoding="utf-8")
    _, records, failures = clean_items(tmp_path)
    assert not failures
    by_title = {next(iter(r["title"].values())): r for r in records}
    spaced, plain = by_title["Depression and heart disease"], by_title["A study of things"]
    assert spaced["abstract"]["en"] == "Anxiety is discussed as a factor in coronary heart disease."
    assert spaced["extra"]["copyright"] == "( PsycINFO Database Record ( c) 2002 APA, all rights reserved)"
    assert plain["abstract"]["en"] == "We studied things and found results."
    thesis = by_title["Tests of Robustness in Peer Review"]
    assert thesis["abstract"]["en"] == "This study provides practical guidance."
    assert thesis["extra"]["copyright"].startswith("[The dissertation citations contained here")
    xml = by_title["Anxiety and the heart."]
    assert [s["text"] for s in xml["sections"]["en"]] == ["Anxiety may matter.", "It matters."]
    assert xml["extra"]["copyright"] == "(PsycINFO Database Record (c) 2016 APA, all rights reserved)"
    assert "PsycINFO" not in xml["abstract"]["en"]
