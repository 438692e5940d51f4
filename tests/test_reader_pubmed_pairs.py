"""PubMed XML and MEDLINE (nbib) read alike: one Chinese-language article written in both
forms (as PubMed gives it, trimmed), what each form holds read into the same fields."""
from __future__ import annotations

from pathlib import Path

from conftest import records_of

XML = """<?xml version="1.0" ?>
<PubmedArticleSet>
<PubmedArticle>
  <MedlineCitation Status="MEDLINE" Owner="NLM">
    <PMID Version="1">31234567</PMID>
    <Article PubModel="Print-Electronic">
      <Journal><ISSN IssnType="Print">0529-5815</ISSN>
        <JournalIssue CitedMedium="Print"><Volume>58</Volume><Issue>3</Issue>
          <PubDate><Year>2020</Year><Month>Mar</Month><Day>1</Day></PubDate></JournalIssue>
        <Title>Zhonghua wai ke za zhi [Chinese journal of surgery]</Title>
        <ISOAbbreviation>Zhonghua Wai Ke Za Zhi</ISOAbbreviation></Journal>
      <ArticleTitle>[Risk factors of surgical site infection after spinal surgery].</ArticleTitle>
      <Pagination><MedlinePgn>201-5</MedlinePgn></Pagination>
      <Abstract>
        <AbstractText Label="OBJECTIVE" NlmCategory="OBJECTIVE">To analyse the risk factors of infection.</AbstractText>
        <AbstractText Label="CONCLUSIONS" NlmCategory="CONCLUSIONS">Diabetes is a risk factor.</AbstractText>
      </Abstract>
      <AuthorList CompleteYN="N">
        <Author ValidYN="Y"><LastName>Wang</LastName><ForeName>Jianguo</ForeName><Initials>J</Initials>
          <Identifier Source="ORCID">0000-0002-1825-0097</Identifier></Author>
        <Author ValidYN="Y"><LastName>Li</LastName><ForeName>Na</ForeName><Initials>N</Initials></Author>
      </AuthorList>
      <Language>chi</Language>
      <PublicationTypeList><PublicationType UI="D016428">Journal Article</PublicationType></PublicationTypeList>
      <VernacularTitle>脊柱术后手术部位感染的危险因素分析</VernacularTitle>
      <ArticleDate DateType="Electronic"><Year>2020</Year><Month>02</Month><Day>15</Day></ArticleDate>
    </Article>
    <CommentsCorrectionsList>
      <CommentsCorrections RefType="RetractionIn"><RefSource>Zhonghua Wai Ke Za Zhi. 2021 Jan;59(1):88</RefSource><PMID Version="1">33456789</PMID></CommentsCorrections>
      <CommentsCorrections RefType="ErratumIn"><RefSource>Zhonghua Wai Ke Za Zhi. 2020 May;58(5):400</RefSource><PMID Version="1">32000001</PMID></CommentsCorrections>
    </CommentsCorrectionsList>
    <OtherAbstract Type="Publisher" Language="chi">
      <AbstractText><b>目的：</b>分析脊柱术后手术部位感染的危险因素。<b>结论：</b>糖尿病是感染的危险因素。</AbstractText>
    </OtherAbstract>
  </MedlineCitation>
  <PubmedData><ArticleIdList><ArticleId IdType="pubmed">31234567</ArticleId></ArticleIdList></PubmedData>
</PubmedArticle>
</PubmedArticleSet>
"""

NBIB = """PMID- 31234567
OWN - NLM
STAT- MEDLINE
IS  - 0529-5815 (Print)
VI  - 58
IP  - 3
DP  - 2020 Mar 1
TI  - [Risk factors of surgical site infection after spinal surgery].
PG  - 201-5
AB  - OBJECTIVE: To analyse the risk factors of infection. CONCLUSIONS: Diabetes is a risk
      factor.
FAU - Wang, Jianguo
AU  - Wang J
AUID- ORCID: 0000-0002-1825-0097
FAU - Li, Na
AU  - Li N
LA  - chi
PT  - Journal Article
DEP - 20200215
TT  - 脊柱术后手术部位感染的危险因素分析
TA  - Zhonghua Wai Ke Za Zhi
JT  - Zhonghua wai ke za zhi [Chinese journal of surgery]
RIN - Zhonghua Wai Ke Za Zhi. 2021 Jan;59(1):88. PMID: 33456789
EIN - Zhonghua Wai Ke Za Zhi. 2020 May;58(5):400. PMID: 32000001
OAB - Publisher: 目的：分析脊柱术后手术部位感染的危险因素。结论：糖尿病是感染的危险因素。
OABL- chi

"""


def _pair(tmp_path: Path) -> tuple[dict, dict]:
    (tmp_path / "p.xml").write_text(XML, encoding="utf-8")
    (tmp_path / "p.nbib").write_text(NBIB, encoding="utf-8")
    (xml,) = records_of(tmp_path / "p.xml")
    (nbib,) = records_of(tmp_path / "p.nbib")
    return xml, nbib


def test_the_abstract_in_another_language_is_that_languages_abstract(tmp_path):
    for rec in _pair(tmp_path):
        assert rec["abstract"]["zh"] == "目的：分析脊柱术后手术部位感染的危险因素。结论：糖尿病是感染的危险因素。"
        # its sections split from its text, beside the English abstract's (given as parts in XML)
        assert [(s["label"], s["text"]) for s in rec["sections"]["zh"]] == [
            ("OBJECTIVE", "分析脊柱术后手术部位感染的危险因素。"), ("CONCLUSION", "糖尿病是感染的危险因素。")]
        assert [s["label"] for s in rec["sections"]["en"]] == ["OBJECTIVE", "CONCLUSION"]
        assert "OAB" not in rec["extra"].get("tags", {})


def test_a_chinese_article_with_its_title_in_chinese_is_chinese(tmp_path):
    # its title in English first ("[…]."), the original in VernacularTitle / TT, LA chi
    for rec in _pair(tmp_path):
        assert rec["title"]["zh"] == "脊柱术后手术部位感染的危险因素分析"
        assert rec["language"] == "zh"
    # declared, but no text in that language: the English the record holds
    (tmp_path / "en.nbib").write_text(NBIB.replace("TT  - 脊柱术后手术部位感染的危险因素分析\n", "")
                                      .split("OAB ")[0], encoding="utf-8")
    (rec,) = records_of(tmp_path / "en.nbib")
    assert rec["language"] == "en"


def test_what_medline_gives_a_line_of_its_own_the_xml_gives_too(tmp_path):
    xml, nbib = _pair(tmp_path)
    assert xml["extra"]["date"] == nbib["extra"]["date"] == ["2020 Mar 1"]   # not the year alone
    for tag, value in (("DEP", ["20200215"]), ("AUID", ["ORCID: 0000-0002-1825-0097"]),
                       ("RIN", ["Zhonghua Wai Ke Za Zhi. 2021 Jan;59(1):88. PMID: 33456789"]),
                       ("EIN", ["Zhonghua Wai Ke Za Zhi. 2020 May;58(5):400. PMID: 32000001"])):
        assert xml["extra"]["tags"][tag] == nbib["extra"]["tags"][tag] == value, tag
    assert xml["extra"]["authors_truncated"] is True   # AuthorList CompleteYN="N"
    # a season, a numbered month
    (tmp_path / "s.xml").write_text(XML.replace("<Month>Mar</Month><Day>1</Day>", "<Season>Spring</Season>")
                                    .replace(' CompleteYN="N"', ""), encoding="utf-8")
    (rec,) = records_of(tmp_path / "s.xml")
    assert rec["extra"]["date"] == ["2020 Spring"] and "authors_truncated" not in rec["extra"]


def test_the_journal_title_is_as_pubmed_gives_it(tmp_path):
    xml, nbib = _pair(tmp_path)
    assert xml["journal"] == nbib["journal"] == {"en": "Zhonghua wai ke za zhi [Chinese journal of surgery]"}


def test_the_publication_type_is_the_stated_type(tmp_path):
    # MEDLINE's PT set extra.source_type (and the type); PubMed XML's PublicationType did not
    xml, nbib = _pair(tmp_path)
    assert xml["extra"]["source_type"] == nbib["extra"]["source_type"] == "Journal Article"
    assert xml["type"] == nbib["type"] == "article-journal"
    # a preprint in a journal whose name reads like proceedings: stated, not guessed from the name
    (tmp_path / "p.xml").write_text(XML.replace(">Journal Article<", ">Preprint<").replace(
        "Zhonghua wai ke za zhi [Chinese journal of surgery]", "Proceedings of tests"), encoding="utf-8")
    (tmp_path / "p.nbib").write_text(NBIB.replace("PT  - Journal Article", "PT  - Preprint").replace(
        "JT  - Zhonghua wai ke za zhi [Chinese journal of surgery]", "JT  - Proceedings of tests"), encoding="utf-8")
    (xml,), (nbib,) = records_of(tmp_path / "p.xml"), records_of(tmp_path / "p.nbib")
    assert xml["extra"]["source_type"] == nbib["extra"]["source_type"] == "Preprint"
    assert xml["type"] == nbib["type"] == "article"
