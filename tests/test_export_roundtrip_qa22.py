"""QA pass 22: what BibTeX, BibLaTeX, RIS and EndNote exports keep, each item written by the CLI
and read back by it (``export --from`` a CSL-JSON file, then ``clean --json`` of the export).

- the date a page was read is ``urldate`` (ISO) in BibTeX and BibLaTeX, and read back;
- a report's institution is ``institution`` (BibTeX's @techreport, biblatex's @report, which
  has no publisher), and biblatex's @report has its required ``type``;
- RIS ``DATA``'s Y2 is its access date; EndNote's own ``%0 Standard``'s %P its pages;
- a preprint (CSL ``article``) is RIS ``GEN`` / EndNote ``Generic`` with Type of Work
  "Preprint" (Zotero writes its Preprint items as GEN / Generic), read back as a preprint with
  its server as publisher.
"""
from __future__ import annotations

import json
import re

import pytest

from conftest import jsonl, run_cli

ITEMS = [
    {"id": "web", "type": "webpage", "language": "en", "title": "Cancer statistics",
     "container-title": "National Cancer Institute", "URL": "https://www.cancer.gov/statistics",
     "accessed": {"date-parts": [[2024, 6, 1]]}, "issued": {"date-parts": [[2023, 5, 9]]},
     "author": [{"literal": "National Cancer Institute"}]},
    {"id": "ds", "type": "dataset", "language": "en", "title": "Global land cover dataset 2020",
     "publisher": "Zenodo", "DOI": "10.5281/zenodo.1234567", "URL": "https://doi.org/10.5281/zenodo.1234567",
     "issued": {"date-parts": [[2021]]}, "accessed": {"date-parts": [[2024, 1, 2]]},
     "author": [{"family": "Zhang", "given": "Wei"}]},
    {"id": "rep", "type": "report", "language": "en", "title": "World health statistics 2023",
     "number": "WHO/HIS/2023.1", "publisher": "World Health Organization", "publisher-place": "Geneva",
     "issued": {"date-parts": [[2023]]}, "author": [{"literal": "World Health Organization"}]},
    {"id": "std", "type": "standard", "language": "zh-CN", "title": "信息与文献 参考文献著录规则",
     "number": "GB/T 7714—2015", "publisher": "中国标准出版社", "publisher-place": "北京",
     "issued": {"date-parts": [[2015]]}, "page": "3", "author": [{"literal": "全国信息与文献标准化技术委员会"}]},
    {"id": "pre", "type": "article", "language": "en", "title": "Language models are few-shot learners",
     "publisher": "arXiv", "DOI": "10.48550/arXiv.2005.14165", "URL": "https://arxiv.org/abs/2005.14165",
     "issued": {"date-parts": [[2020, 5, 28]]}, "author": [{"family": "Brown", "given": "Tom B."}]},
]


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """Each format's export of ITEMS: its text and its records read back, by title."""
    folder = tmp_path_factory.mktemp("qa22")
    source = folder / "items.json"
    source.write_text(json.dumps(ITEMS, ensure_ascii=False), encoding="utf-8")
    out = {}
    for fmt, reader in (("bibtex", "bibtex"), ("biblatex", "bibtex"), ("ris", "ris"), ("endnote", "refer")):
        path = folder / f"items.{fmt}"
        result = run_cli("export", "-f", fmt, "--from", str(source), "-o", str(path))
        assert result.returncode == 0, result.stderr
        back = run_cli("clean", "--json", "-q", "--format", reader, str(path))
        assert back.returncode == 0, back.stderr
        records = {next(iter(r["title"].values())): r for r in jsonl(back.stdout)}
        assert len(records) == len(ITEMS)
        out[fmt] = path.read_text(encoding="utf-8"), records
    return out


def _entry(text: str, key: str) -> str:
    """The BibTeX entry whose citation key is ``key`` (the CSL item's id, which it keeps)."""
    return next(e for e in text.split("\n\n") if re.match(rf"@\w+{{{key},", e))


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex"])
def test_access_date_is_urldate_and_read_back(exported, fmt):
    text, records = exported[fmt]
    assert "  urldate = {2024-06-01}," in _entry(text, "web")
    assert "  urldate = {2024-01-02}," in _entry(text, "ds")
    assert records["Cancer statistics"]["extra"]["accessed"] == "2024-06-01"
    assert records["Global land cover dataset 2020"]["extra"]["accessed"] == "2024-01-02"


def test_urldate_of_a_bibtex_file_is_the_access_date(tmp_path):
    bib = tmp_path / "z.bib"
    bib.write_text("@misc{a, title = {Public Service Research Foundation}, year = {2012},\n"
                   "  url = {http://example.org/x}, urldate = {2012-07-27}}\n", encoding="utf-8")
    (rec,) = jsonl(run_cli("clean", "--json", "-q", str(bib)).stdout)
    assert rec["extra"]["accessed"] == "2012-07-27"
    assert "urldate" not in (rec["extra"].get("bibtex_fields") or {})


@pytest.mark.parametrize("fmt, kind", [("bibtex", "techreport"), ("biblatex", "report")])
def test_report_institution_and_type(exported, fmt, kind):
    text, records = exported[fmt]
    entry = _entry(text, "rep")
    assert entry.startswith(f"@{kind}{{")
    assert "  institution = {World Health Organization}," in entry and "publisher" not in entry
    assert ("  type = {techreport}," in entry) == (fmt == "biblatex")   # @report requires it
    back = records["World health statistics 2023"]
    assert back["type"] == "report" and back["extra"]["publisher"] == ["World Health Organization"]


def test_ris_dataset_access_date_read_back(exported):
    text, records = exported["ris"]
    assert re.search(r"TY  - DATA\n(?:.+\n)*?Y2  - 2024-01-02\n", text)
    assert records["Global land cover dataset 2020"]["extra"]["accessed"] == "2024-01-02"


def test_endnote_standard_pages_read_back(exported):
    text, records = exported["endnote"]
    assert re.search(r"%0 Standard\n(?:.+\n)*?%P 3\n", text)
    back = records["信息与文献 参考文献著录规则"]
    assert back["type"] == "standard" and back["pages"] == "3"
    assert "number_of_pages" not in back["extra"]


def test_cnki_standard_page_count_stays_a_count(tmp_path):
    """CNKI's standard (its database says 国家标准) has its page count in %P, as before."""
    enw = tmp_path / "cnki.txt"
    enw.write_text("%0 Legal Rule or Regulation\n%T 示例产品通用技术条件\n%A 示例标准化研究院\n%D 2021\n"
                   "%V GB/T 00000-2021\n%~ 国家标准\n%P 16\n%W CNKI\n", encoding="utf-8")
    (rec,) = jsonl(run_cli("clean", "--json", "-q", str(enw)).stdout)
    assert rec["type"] == "standard" and rec["pages"] is None
    assert rec["extra"]["number_of_pages"] == ["16"]


@pytest.mark.parametrize("fmt, written", [("ris", "TY  - GEN\n(?:.+\n)*?PB  - arXiv\nM3  - Preprint\n"),
                                          ("endnote", "%0 Generic\n(?:.+\n)*?%I arXiv\n%9 Preprint\n")])
def test_preprint_keeps_its_type_and_server(exported, fmt, written):
    text, records = exported[fmt]
    assert re.search(written, text)
    back = records["Language models are few-shot learners"]
    assert back["type"] == "article" and not back["journal"]
    assert back["extra"]["publisher"] == ["arXiv"]


@pytest.mark.parametrize("text", ["TY  - GEN\nTI  - A generic work\nM3  - Pamphlet\nPB  - Someone\nER  - \n",
                                  "TY  - JOUR\nTI  - A generic work\nM3  - Preprint\nER  - \n"])
def test_only_a_generic_preprint_is_a_preprint(tmp_path, text):
    ris = tmp_path / "g.ris"
    ris.write_text(text, encoding="utf-8")
    (rec,) = jsonl(run_cli("clean", "--json", "-q", str(ris)).stdout)
    assert rec["type"] in ("document", "article-journal")


def test_an_access_date_run_together_impossible_or_labelled_is_read(tmp_path):
    # RIS's Y2 run together (20200503), a day February has not (kept to the month), and GB/T's
    # [引用日期2021年3月15日] as Baidu Baike's copies write it: CSL's accessed
    ris = tmp_path / "acc.ris"
    ris.write_text("".join(f"TY  - ELEC\nTI  - Page {n}\nAU  - Smith, John\nPY  - 2020\nUR  - https://example.org/{n}\n"
                           f"Y2  - {y2}\nER  - \n\n" for n, y2 in enumerate(["20200503", "2021-2-30", "2020-13-45"])),
                   encoding="utf-8")
    gbt = tmp_path / "acc.txt"
    gbt.write_text("[1] 李四. 另一个网页[EB/OL]. (2020-01-01)[引用日期2021年3月15日]. http://example.cn/b.html.\n"
                   "[2] 王建国. 网页标题[EB/OL]. [2021-2-30]. http://example.cn/a.html.\n", encoding="utf-8")
    accessed = {}
    for path in (ris, gbt):
        result = run_cli("export", "-f", "csl-json", "--from", str(path))
        assert result.returncode == 0, result.stderr
        accessed.update({item["title"]: item.get("accessed") for item in json.loads(result.stdout)})
    assert accessed == {"Page 0": {"date-parts": [[2020, 5, 3]]}, "Page 1": {"date-parts": [[2021, 2]]},
                        "Page 2": {"date-parts": [[2020]]}, "另一个网页": {"date-parts": [[2021, 3, 15]]},
                        "网页标题": {"date-parts": [[2021, 2]]}}
    # GB/T writes the date it read as it was written when it is no whole date
    result = run_cli("export", "-f", "gbt7714", "--from", str(gbt))
    assert "(2020-01-01)[2021-03-15]" in result.stdout and "[2021-2-30]" in result.stdout
