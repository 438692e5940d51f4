"""A thesis's degree-granting university, when its record holds it as its journal and gives no
publisher (CNKI's RefWorks export writes ``JF 吉林大学``; scraped CNKI thesis pages give it as
the journal, which their gold keeps), is written where each format puts a thesis's institution:
GB/T 7714's 保存单位, Vancouver's publisher, BibTeX's ``school``, biblatex's ``institution``,
RIS's ``PB``, EndNote's ``%I``, CSL's ``publisher``.  It was lost (GB/T ``[D]. 2020.``,
Vancouver) or written as a journal (BibTeX ``journal``, biblatex ``journaltitle``, EndNote
``%J``, CSL ``container-title``)."""
from __future__ import annotations

import json

import pytest

from conftest import needs_shared, read_back, records_of, rendered

# Two records of CNKI's RefWorks export, as ../shared/corpus/dedup/bilingual_dev/cnki_refworks.txt
# has them (its lines 349-354 and the journal article after it).
CNKI_REFWORKS = """RT Dissertation/Thesis
SR 1
A1 宋玉兰
T1 关系理性视域下马克思恩格斯生态思想研究
JF 吉林大学
YR 2020
DS CNKI

RT Journal Article
SR 1
A1 杨丹雨;邹庆敏
T1 欧美地铁车站内部环境设计
JF 大众文艺
YR 2021
IS 10
vo 31
OP 70-74
DS CNKI
"""


@pytest.fixture
def cnki(tmp_path) -> tuple[dict, dict]:
    """[the thesis, the journal article], read as `cli.py clean` reads them: the university
    kept as the thesis's journal (the readers are not changed), no publisher."""
    path = tmp_path / "cnki_refworks.txt"
    path.write_text(CNKI_REFWORKS, encoding="utf-8")
    thesis, article = records_of(path)
    assert thesis["type"] == "thesis" and thesis["journal"] == {"zh": "吉林大学"}
    assert not thesis["extra"].get("publisher")
    assert article["type"] == "article-journal" and article["journal"] == {"zh": "大众文艺"}
    return thesis, article


def test_gbt7714_names_the_university_as_the_thesis_is_kept(cnki):
    # GB/T 7714-2015: 作者. 题名[D]. 保存地: 保存单位, 年.  (was "[D]. 2020."); the place unknown:
    # [出版地不详] (§8.4.1.3)
    thesis, _ = cnki
    assert rendered([thesis], "gbt7714").strip() == "[1] 宋玉兰. 关系理性视域下马克思恩格斯生态思想研究[D]. [出版地不详]: 吉林大学, 2020."
    assert rendered([thesis], "gbt7714-ay").strip() == \
        "宋玉兰, 2020. 关系理性视域下马克思恩格斯生态思想研究[D]. [出版地不详]: 吉林大学."


def test_vancouver_names_the_university_as_its_publisher(cnki):
    # Citing Medicine: Title [dissertation]. Place: University; Year.  (was "[dissertation]. 2020.")
    thesis, _ = cnki
    assert "[dissertation]. 吉林大学; 2020." in rendered([thesis], "vancouver")


@pytest.mark.parametrize("fmt, written, not_written", [
    ("bibtex", "  school = {吉林大学},", "journal = "),
    ("biblatex", "  institution = {吉林大学},", "journaltitle = "),
    ("endnote", "%I 吉林大学", "%J "),
    ("ris", "PB  - 吉林大学", "JO  - "),   # (a thesis has no journal: JO is not written, as EndNote's %J)
])
def test_tagged_and_bibtex_write_the_university_where_a_thesis_keeps_it(cnki, fmt, written, not_written):
    thesis, _ = cnki
    text = rendered([thesis], fmt)
    assert written in text.splitlines(), text
    assert not_written is None or not_written not in text, text


def test_csl_json_writes_the_university_as_publisher_not_container(cnki):
    thesis, _ = cnki
    (item,) = json.loads(rendered([thesis], "csl-json"))
    assert item["type"] == "thesis" and item["publisher"] == "吉林大学" and "container-title" not in item


@pytest.mark.parametrize("fmt", ["ris", "endnote", "bibtex", "biblatex", "csl-json"])
def test_the_university_reads_back_as_the_thesis_publisher(cnki, fmt, tmp_path):
    thesis, _ = cnki
    (back,) = read_back(rendered([thesis], fmt), fmt, tmp_path)
    assert back["type"] == "thesis" and back["extra"]["publisher"] == ["吉林大学"]


@pytest.mark.parametrize("fmt", ["ris", "endnote", "bibtex", "biblatex", "csl-json", "gbt7714", "vancouver"])
def test_a_journal_article_without_a_publisher_is_not_given_one(cnki, fmt):
    # only a thesis's journal is its university: an article keeps its journal, and no publisher
    _, article = cnki
    text = rendered([article], fmt)
    assert "大众文艺" in text
    for publisher in ("PB  -", "%I ", "school =", "institution =", '"publisher"', "publisher ="):
        assert publisher not in text, text


def test_a_thesis_publisher_comes_before_a_journal_of_its_own(tmp_path):
    # a publisher given is the university; a journal that differs from it stays a journal
    path = tmp_path / "thesis.json"
    path.write_text(json.dumps([{"id": "t1", "type": "thesis", "title": "Bone growth",
                                 "author": [{"family": "Abe", "given": "Anna"}], "publisher": "Fudan University",
                                 "container-title": "ProQuest Dissertations", "issued": {"date-parts": [[2019]]}}]),
                    encoding="utf-8")
    (rec,) = records_of(path)
    assert rec["journal"] == {"en": "ProQuest Dissertations"} and rec["extra"]["publisher"] == ["Fudan University"]
    assert rendered([rec], "gbt7714").strip() == "[1] ABE A. Bone growth[D]. [S.l.]: Fudan University, 2019."
    bib = rendered([rec], "bibtex")
    assert "  school = {Fudan University}," in bib and "  journal = {ProQuest Dissertations}," in bib


def test_a_scraped_cnki_thesis_page_cites_its_university():
    # ../shared's scraped thesis page of 毕铁琳 (吉林大学, 2015): the university is its journal
    # (as the page's gold wants it) and its 保存单位 in the reference list
    page = needs_shared("corpus", "clean-pages", "raw", "0097.txt")
    (rec,) = records_of(page)
    assert rec["type"] == "thesis" and rec["journal"] == {"zh": "吉林大学"}
    assert rendered([rec], "gbt7714").strip().endswith("[D]. [出版地不详]: 吉林大学, 2015.")
    assert "  school = {吉林大学}," in rendered([rec], "bibtex")
