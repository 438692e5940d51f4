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
