"""CNKI's (and Wanfang's, VIP's) exports of records other than journal articles: patents,
conference papers, standards, theses, newspapers, yearbooks, as the readers keep them and
every export writes them."""
from __future__ import annotations

import pytest

from conftest import read_back, records_of, rendered

# A patent of CNKI's RefWorks export, as ../shared/corpus/formats/cnki-refworks/cnki-refworks-10.txt
# has it (its abstract cut): A2 is the applicant (申请人).
CNKI_PATENT_RW = """RT Patent
SR 1
A1  施吉庆;   杨亮华
A2 扬中市旭禾管业制造有限公司
T1 不锈钢管的制造方法
AD 212214 江苏省镇江市扬中市三茅街道丰联西路1号
FD 2020-04-17
ID CN111020404A
CL 发明公开
AB 本发明提供不锈钢管的制造方法。
DB 中国专利
DS CNKI
"""
# A patent of CNKI's NoteExpress export, as ../shared/corpus/formats/cnki-noteexpress/CoverAllTest15Entries.net
# has it (cut): its Subsidiary Author is the applicant.
CNKI_PATENT_NE = """{Reference Type}: Patent
{Title}: 一种铁路故障检测器清洗装置
{Author}: 段祥祥
{Author Address}: 241000 安徽省芜湖市镜湖区华强广场C座办公楼2409室
{Subsidiary Author}: 芜湖华佳新能源技术有限公司
{Date}: 2018-11-02
{Type of Work}: CN108722921A
{Database Provider}: CNKI
"""
APPLICANT = "扬中市旭禾管业制造有限公司"


def _one(tmp_path, text: str, name: str) -> dict:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (record,) = records_of(path)
    return record


def test_noteexpress_patent_subsidiary_author_is_its_assignee(tmp_path):
    rec = _one(tmp_path, CNKI_PATENT_NE, "patent.net")
    assert rec["type"] == "patent"
    assert rec["extra"].get("assignee") == ["芜湖华佳新能源技术有限公司"]
    assert "subsidiary_author" not in rec["extra"]


@pytest.mark.parametrize("fmt,written", [
    ("ris", f"PB  - {APPLICANT}"),            # Zotero's RIS (its A2 is the issuing authority)
    ("endnote", f"%I {APPLICANT}"),           # EndNote's Patent: the Publisher field is its Assignee
    ("bibtex", f"holder = {{{{{APPLICANT}}}}}"), ("biblatex", f"holder = {{{{{APPLICANT}}}}}"),
    ("csv", APPLICANT),
])
def test_patent_assignee_is_written_and_read_back(tmp_path, fmt, written):
    rec = _one(tmp_path, CNKI_PATENT_RW, "patent.txt")
    assert rec["extra"]["assignee"] == [APPLICANT]
    text = rendered([rec], fmt)
    assert written in text
    (back,) = read_back(text, fmt, tmp_path)
    assert back["type"] == "patent" and back["extra"].get("assignee") == [APPLICANT], fmt
    assert not back["extra"].get("editor") and not back["extra"].get("publisher")


# A patent as Zotero's RIS export writes one (and ris-02's expected Zotero reading has it):
# PB the assignee, A2 the issuing authority, CY the country.
ZOTERO_PATENT = """TY  - PAT
TI  - Method for cooling a turbine blade
AU  - Müller, Hans
A2  - European Patent Office
CY  - EP
PB  - Siemens AG
PY  - 2019
IS  - EP3456789A1
ER  - 
"""


def test_ris_patent_pb_is_its_assignee_and_a2_its_issuing_authority(tmp_path):
    rec = _one(tmp_path, ZOTERO_PATENT, "patent.ris")
    assert rec["extra"].get("assignee") == ["Siemens AG"]
    assert rec["extra"].get("authority") == ["European Patent Office"]
    assert not rec["extra"].get("editor") and not rec["extra"].get("publisher")
    text = rendered([rec], "ris")
    assert "PB  - Siemens AG" in text and "A2  - European Patent Office" in text
    (back,) = read_back(text, "ris", tmp_path)
    assert back["extra"].get("assignee") == ["Siemens AG"]
    assert back["extra"].get("authority") == ["European Patent Office"]
    # EndNote's Patent keeps both: %I its Assignee, %E its Issuing Organization
    text = rendered([rec], "endnote")
    assert "%I Siemens AG" in text and "%E European Patent Office" in text
    (back,) = read_back(text, "endnote", tmp_path)
    assert back["extra"].get("assignee") == ["Siemens AG"]
    assert back["extra"].get("authority") == ["European Patent Office"]
    # CNKI's RefWorks A2 of a patent stays its applicant (cnki-refworks-10.txt)
    assert _one(tmp_path, CNKI_PATENT_RW, "patent.txt")["extra"].get("assignee") == [APPLICANT]


# One CNKI yearbook article as each export gives it: RefWorks (as cnki-refworks-08.txt types
# it, RT Standard and DB 年鉴), NoteExpress (as CoverAllTest15Entries.net), E-Study (DataType 7).
YEARBOOK = {
    "yearbook.txt": "RT Standard\nSR 1\nT1 高等教育\nJF 中国教育年鉴\nYR 2019\nOP 120-125\n"
                    "PB 人民教育出版社\nDB 年鉴\nDS CNKI\n",
    "yearbook.net": "{Reference Type}: Standard\n{Title}: 高等教育\n{Secondary Title}: 中国教育年鉴\n"
                    "{Year}: 2019\n{Pages}: 120-125\n{Publisher}: 人民教育出版社\n{SrcDatabase}: 年鉴\n"
                    "{Database Provider}: CNKI\n",
    "yearbook_estudy.txt": "DataType: 7\nTitle-题名: 高等教育\nSource-年鉴名称: 中国教育年鉴\nYear-年: 2019\n"
                           "Page-页码: 120-125\nPublisher-出版单位: 人民教育出版社\nSrcDatabase-来源库: 年鉴\n",
}


def test_cnki_yearbook_article_is_one_type_and_gbt_names_the_yearbook(tmp_path):
    records = [_one(tmp_path, text, name) for name, text in YEARBOOK.items()]
    assert [r["type"] for r in records] == ["entry"] * 3
    assert [r["journal"] for r in records] == [{"zh": "中国教育年鉴"}] * 3
    for rec in records:
        assert rendered([rec], "gbt7714").strip() == \
            "[1] 高等教育[Z]//中国教育年鉴. [出版地不详]: 人民教育出版社, 2019: 120-125."


# CNKI's EndNote export of a yearbook article (cnki-endnote-07.txt has one: %~ 年鉴)
YEARBOOK_ENDNOTE = "%0 Legal Rule or Regulation\n%T 高等教育\n%B 中国教育年鉴\n%I 人民教育出版社\n%D 2019\n" \
                   "%P 120-125\n%~ 年鉴\n%W CNKI\n"


@pytest.mark.parametrize("fmt,head,back_type", [("bibtex", "@incollection{", "chapter"),
                                                ("biblatex", "@inreference{", "entry")])
def test_a_yearbook_article_is_in_its_yearbook_in_bibtex_and_biblatex(tmp_path, fmt, head, back_type):
    # BibTeX's styles ignore a @misc's journal: the yearbook is the booktitle of an @incollection
    # (BibTeX has no @inreference), of biblatex's @inreference, as an encyclopedia's entry is
    rec = _one(tmp_path, YEARBOOK_ENDNOTE, "yearbook_en.txt")
    assert rec["type"] == "entry"
    text = rendered([rec], fmt)
    assert text.startswith(head) and "booktitle = {中国教育年鉴}" in text and "journal" not in text, text
    (back,) = read_back(text, fmt, tmp_path)
    assert back["type"] == back_type and back["journal"] == {"zh": "中国教育年鉴"}


def test_ris_writes_a_cnki_thesis_university_as_publisher_not_journal(tmp_path):
    # CNKI's EndNote export (../shared/corpus/formats/cnki-endnote/cnki-endnote-02.txt, cut) gives
    # the university as %J; its RefWorks export as PB (cnki-refworks-04.txt): PB, never JO
    endnote = "%0 Thesis\n%A 胡婕伦\n%T 大粒车前子多糖体内外消化与酵解特征体系构建\n%Y 谢明勇;聂少平\n%J 南昌大学\n" \
              "%9 博士\n%D 2014\n%W CNKI\n"
    refworks = "RT Dissertation/Thesis\nSR 1\nA1 林行众\nA3 黄三文;杨清\nPB 南京农业大学\n" \
               "T1 黄瓜共表达基因模块的识别及其特点分析\nCL 硕士\nYR 2015\nDS CNKI\n"
    for name, text, school in (("thesis.txt", endnote, "南昌大学"), ("thesis_rw.txt", refworks, "南京农业大学")):
        ris = rendered([_one(tmp_path, text, name)], "ris")
        assert f"PB  - {school}" in ris.splitlines() and "JO  - " not in ris and "J2  - " not in ris, ris
        (back,) = read_back(ris, "ris", tmp_path)
        assert back["type"] == "thesis" and back["extra"]["publisher"] == [school]


def test_cnki_endnote_newspaper_cn_serial_in_isbn_tag_is_its_cn(tmp_path):
    # CNKI's RefWorks export gives this newspaper's CN as its CN tag (cnki-refworks-07.txt); its
    # EndNote export writes it as %@, where a journal's ISSN goes
    rec = _one(tmp_path, "%0 Newspaper Article\n%A 刘霞\n%T 灭绝物种RNA首次分离测序\n%J 科技日报\n"
                         "%8 2023-09-21\n%P 004\n%@ 11-0315\n%W CNKI\n", "news.txt")
    assert rec["type"] == "article-newspaper"
    assert rec["extra"].get("cn") == ["11-0315"] and "isbn" not in rec["extra"]


def test_cnki_refworks_conference_paper_keeps_its_meeting(tmp_path):
    rec = _one(tmp_path, "RT Conference Proceedings\nSR 1\nA1 史德雯\nT1 城市竖向对下凹式立交桥积水风险的影响\n"
                         "JF 共享与品质——2018中国城市规划年会论文集\nT2 2018中国城市规划年会\nPP 中国浙江杭州\n"
                         "YR 2018\nOP 1-9\nDS CNKI\n", "conf.txt")
    assert rec["type"] == "paper-conference"
    assert rec["journal"] == {"zh": "共享与品质——2018中国城市规划年会论文集"}
    assert rec["extra"].get("event") == ["2018中国城市规划年会"]
