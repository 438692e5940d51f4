"""Two losses a librarian met in PubMed records: a FAPESP or CNPq grant, whose number holds a
slash (``2017/12345-6``), lost its funder to the number's second piece; and ``dedup --apply``
gave a MEDLINE master whose journal is Portuguese the PubMed page's NLM abbreviation (``Rev
Bras Ginecol Obstet``) as its English journal, which RIS then wrote as JO and GB/T cited.
Real files through the reader, ``ingest`` / ``dedup --apply`` / ``show`` as a user runs them."""
from __future__ import annotations

import json

from conftest import cleaned, dedup_json as dedup, records_of, rendered, run_cli, source_ids
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


# One Chinese paper from CNKI (its journal in Chinese only), Wanfang (the journal's English name
# too) and PubMed (the journal as MEDLINE transliterates it, in pinyin).
CNKI = """%0 Journal Article
%A 周建华
%A 陈立新
%T 腹腔镜胆囊切除术后早期进食对胃肠功能恢复的影响
%J 中华外科杂志(电子版)
%D 2019
%V 57
%N 04
%P 281-285
%R 10.3760/cma.j.issn.0529-5815.2019.04.007
%K 腹腔镜胆囊切除术;早期进食;胃肠功能
%X 目的：探讨腹腔镜胆囊切除术后早期进食的安全性。方法：80例患者随机分为两组。结果：早期进食组肠鸣音恢复更早。结论：早期进食安全。
%+ 南京市第一医院普外科
%W CNKI
"""
WANFANG = """{Reference Type}: Journal Article
{Title}: 腹腔镜胆囊切除术后早期进食对胃肠功能恢复的影响
{Translated Title}: Effect of early feeding on recovery of gastrointestinal function after laparoscopic cholecystectomy
{Author}: 周建华
{Author}: 陈立新
{Journal}: 中华外科杂志（电子版）
{Translated Journal}: Chinese Journal of Surgery (Electronic Edition)
{Year}: 2019
{Volume}: 57
{Issue}: 4
{Pages}: 281-285
{Language}: chi
"""
PUBMED = """PMID- 30934123
DP  - 2019 Apr 1
TI  - [Effect of early feeding on recovery of gastrointestinal function after
      laparoscopic cholecystectomy].
PG  - 281-285
LID - 10.3760/cma.j.issn.0529-5815.2019.04.007 [doi]
AB  - OBJECTIVE: To study early feeding after laparoscopic cholecystectomy. METHODS: 80
      patients were randomized. RESULTS: Bowel sounds returned earlier. CONCLUSION: Early
      feeding is safe.
FAU - Zhou, Jianhua
AU  - Zhou J
FAU - Chen, Lixin
AU  - Chen L
LA  - chi
PT  - Journal Article
TA  - Zhonghua Wai Ke Za Zhi
JT  - Zhonghua wai ke za zhi
VI  - 57
IP  - 4
"""


def test_apply_gives_the_journals_english_name_not_its_pinyin(tmp_path):
    """After --apply the master's English journal was PubMed's transliteration (the most complete
    copy's), so ``journal:"Chinese Journal of Surgery"`` found the paper before --apply and not
    after; both names find it now, the pinyin kept as an abbreviation (MEDLINE's TA writes it so)."""
    files = {"cnki.txt": CNKI, "wanfang.net": WANFANG, "pubmed.nbib": PUBMED}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    idx = tmp_path / "idx"
    assert run_cli("ingest", "-q", *(str(tmp_path / n) for n in files), "--index", str(idx)).returncode == 0
    (cluster,) = dedup(idx)["clusters"]
    assert len(cluster["records"]) == 3
    assert source_ids(idx)[cluster["master"]] is None   # CNKI's record, its journal in Chinese only
    dedup(idx, "--apply", "--all")
    shown = json.loads(run_cli("show", "--json", cluster["master"], "--index", str(idx)).stdout)
    assert shown["journal"]["en"] == "Chinese Journal of Surgery (Electronic Edition)"
    assert "Zhonghua wai ke za zhi" in shown["extra"]["journal_abbreviation"]
    for query in ('journal:"Chinese Journal of Surgery"', 'journal:"Zhonghua wai ke za zhi"'):
        found = json.loads(run_cli("search", query, "--json", "--index", str(idx)).stdout)
        assert [h["id"] for h in found["hits"]] == [cluster["master"]], query


def test_a_masters_own_pinyin_journal_gives_way_to_a_copys_english_name(tmp_path):
    (tmp_path / "pubmed.nbib").write_text(PUBMED, encoding="utf-8")
    (tmp_path / "wanfang.net").write_text(WANFANG, encoding="utf-8")
    pubmed, wanfang = records_of(tmp_path / "pubmed.nbib", tmp_path / "wanfang.net")
    assert pubmed["journal"] == {"en": "Zhonghua wai ke za zhi"}
    out = merged_record(pubmed, [wanfang])
    assert out["journal"] == {"en": "Chinese Journal of Surgery (Electronic Edition)", "zh": "中华外科杂志（电子版）"}
    assert out["merged"]["provenance"]["journal.en"] == wanfang["id"]
    assert "zhonghua wai ke za zhi" in [a.casefold() for a in out["extra"]["journal_abbreviation"]]
    # an English name that is no transliteration stays the master's
    out = merged_record({**pubmed, "journal": {"en": "Chin J Surg"}}, [wanfang])
    assert out["journal"]["en"] == "Chin J Surg"
