"""The NLM/Vancouver reference list: hand-written records with hand-written expected lines,
and the shared corpus's records written and read back by the pubmed-text reader."""
from __future__ import annotations

import io

import pytest

from conftest import needs_shared
from indexer.cleaner import clean_paths
from indexer.export import export
from indexer.export.vancouver import reference
from indexer.readers.pubmed_text import PubMedTextReader
from indexer.record import Failure


def _record(name, authors, lang="en", **more):
    rec = {"id": "x", "source": {"path": "t", "format": "ris", "record": 1}, "type": "article-journal",
           "language": lang, "title": {lang: name}, "abstract": {}, "authors": authors, "keywords": {},
           "journal": {lang: "Spine"}, "year": 2021, "volume": "46", "issue": "6", "pages": "350-358",
           "funding": [], "repairs": [], "extra": {}}
    rec.update(more)
    return rec


SEVEN = [{"family": f, "given": "Anna Maria", "lang": "en"} for f in ("Abe", "Bo", "Cruz", "Diaz", "Eng", "Fox", "Gil")]


@pytest.mark.parametrize("rec, expected", [
    (_record("Spinal surgery", SEVEN[:2], doi="10.1/x"),
     "Abe AM, Bo AM. Spinal surgery. Spine. 2021;46(6):350-8. doi: 10.1/x."),
    # more than six authors: six, then et al.; a title ending in ? keeps it
    (_record("Does it help?", SEVEN), "Abe AM, Bo AM, Cruz AM, Diaz AM, Eng AM, Fox AM, et al. Does it help? "
                                      "Spine. 2021;46(6):350-8."),
    # a Chinese record with an English title: that title in brackets, the journal's English
    # name, and its language after the pages; Chinese names in pinyin
    (_record("脊柱转移瘤的外科治疗", [{"literal": "王跃", "lang": "zh"}, {"literal": "张可佳", "lang": "zh"}], "zh",
             title={"zh": "脊柱转移瘤的外科治疗", "en": "Surgical treatment of spinal metastases"},
             journal={"zh": "中华骨科杂志", "en": "Chinese Journal of Orthopaedics"}),
     "Wang Y, Zhang K. [Surgical treatment of spinal metastases]. Chinese Journal of Orthopaedics. "
     "2021;46(6):350-8. Chinese."),
    # the journal's abbreviation when the record has one; an article number as its pages
    (_record("Trial", SEVEN[:1], pages="e1234", issue=None, extra={"journal_abbreviation": ["Spine J"]}),
     "Abe AM. Trial. Spine J. 2021;46:e1234."),
    # a book, a thesis, a chapter in a book
    (_record("Spinal surgery", SEVEN[:1], type="book", journal={}, pages=None, volume=None, issue=None,
             extra={"place": ["New York"], "publisher": ["Example Press"], "edition": "2"}),
     "Abe AM. Spinal surgery. 2nd ed. New York: Example Press; 2021."),
    (_record("Fracture healing", SEVEN[:1], type="thesis", journal={}, pages=None, volume=None, issue=None,
             extra={"place": ["Beijing"], "publisher": ["Peking University"]}),
     "Abe AM. Fracture healing [dissertation]. Beijing: Peking University; 2021."),
    (_record("Spinal metastases", SEVEN[:1], type="chapter", journal={"en": "Spine surgery"}, volume=None,
             issue=None, pages="12-20", extra={"editor": ["Bo, Anna", "Cruz, Ana"], "place": ["Boston"],
                                                "publisher": ["Example Press"]}),
     "Abe AM. Spinal metastases. In: Bo A, Cruz A, editors. Spine surgery. Boston: Example Press; 2021. p. 12-20."),
    # an organisation as editor: the record marks it as one name with braces, never printed
    (_record("Standards", SEVEN[:1], type="chapter", journal={"en": "Water quality"}, volume=None, issue=None,
             pages="1-36", extra={"editor": ["{American Water Works Association}"]}),
     "Abe AM. Standards. In: American Water Works Association, editors. Water quality. 2021. p. 1-36."),
])
def test_references(rec, expected):
    assert reference(rec) == expected


def test_a_chinese_name_with_u_umlaut_is_spelt_as_on_a_passport():
    from indexer.export.vancouver import nlm_name

    assert [nlm_name({"literal": n, "lang": "zh"}) for n in ("吕伟", "女娲")] == ["Lyu W", "Nyu W"]


@pytest.mark.parametrize("family,given,expected", [
    ("WANG", "Jian-guo", "Wang JG"),              # GB/T 28039's English author line: WANG Jian-guo
    ("SALA", "NL", "Sala NL"),                    # MEDLINE's older records, Web of Science's
    ("O'BRIEN", "Patrick", "O'Brien P"),
    ("VAN DER BERG", "Jan", "van der Berg J"),   # particles before the name in lower case
    ("DU", "Wei", "Du W"),                        # ... not a name that is one
    ("McDonald", "Anne", "McDonald A"),          # a name not in capitals as written
    ("X", "Y", "X Y"),
])
def test_a_family_name_in_capitals_is_written_as_nlm_writes_it(family, given, expected):
    from indexer.export.vancouver import nlm_name

    assert nlm_name({"family": family, "given": given}) == expected


def test_a_name_written_by_sound_is_romanised_by_its_parts():
    from indexer.export.vancouver import nlm_name

    # a Uyghur name: the father's name last is the family name, as PubMed indexes it (it was
    # written in Chinese characters among the romanised names); 阿不都 is Abudu
    names = ("阿依古丽·买买提", "艾尼瓦尔・阿什木•买买提", "阿不都热依木·阿不都克力木")
    assert [nlm_name({"literal": n, "lang": "zh"}) for n in names] == ["Maimaiti A", "Maimaiti AA", "Abudukelimu A"]


def test_a_journal_by_its_iso_abbreviation_without_periods(tmp_path):
    # Web of Science gives J9 (capitals, cut at 29 characters) and JI (ISO): NLM writes JI's
    # words without periods; RIS JA and CSL-JSON's short title take JI as it is
    path = tmp_path / "savedrecs.txt"
    path.write_text("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Ng, A\nTI A study\n"
                    "SO HEREDITARY CANCER IN CLINICAL PRACTICE\nJ9 HERED CANCER CLIN PR\n"
                    "JI Hered. Cancer Clin. Pract.\nPY 2021\nVL 19\nBP 6\nER\n\nEF\n", encoding="utf-8")
    (rec,) = [r.to_json() for r in clean_paths([str(path)]) if not isinstance(r, Failure)]
    assert reference(rec) == "Ng A. A study. Hered Cancer Clin Pract. 2021;19:6."
    out = io.StringIO()
    export([rec], "ris", out)
    assert "JA  - Hered. Cancer Clin. Pract.\n" in out.getvalue()
    assert "Proc Natl Acad Sci U S A. 2021" in reference(
        _record("x", [], extra={"journal_abbreviation": ["Proc. Natl. Acad. Sci. U.S.A."]}))


def test_a_reference_is_one_line():
    assert reference(_record("Spinal\nsurgery  outcomes", SEVEN[:1])) == "Abe AM. Spinal surgery outcomes. Spine. 2021;46(6):350-8."


def test_a_pmid_is_written_for_records_read_from_pubmed():
    rec = _record("Trial", SEVEN[:1], source={"path": "t", "format": "medline", "record": 1, "source_id": "12345"})
    assert reference(rec).endswith("2021;46(6):350-8. PMID: 12345.")
    rec["source"]["format"] = "ris"                       # a RIS record's id is no PMID
    assert "PMID" not in reference(rec)


def test_the_shared_records_read_back():
    # The records of ../shared's clean pages and formats written as a Vancouver list and read
    # by the pubmed-text reader: every article with a journal and a year comes back with its
    # title, year, volume, issue, pages and DOI.
    pages, formats = needs_shared("corpus", "clean-pages", "raw"), needs_shared("corpus", "formats")
    records = [r.to_json() for r in clean_paths([str(pages), str(formats)]) if not isinstance(r, Failure)]
    out = io.StringIO()
    export(records, "vancouver", out)
    lines = out.getvalue().splitlines()
    assert len(lines) == len(records)

    class Listing:
        path = "list.txt"
        head = out.getvalue()[:65536]

        def lines(self):
            return iter(lines)

    back = list(PubMedTextReader().read(Listing()))
    assert len(back) == len(records)
    checked = 0
    for line, rec, got in zip(lines, records, back):
        english = rec["title"].get("en") or (rec["title"].get(rec["language"]) if rec["language"] == "en" else None)
        if rec["type"] != "article-journal" or not rec["year"] or not any(rec["journal"].values()) or not english:
            continue
        checked += 1
        assert not isinstance(got, Failure), (line[:200], got.reason)
        assert got.raw["year"][0][0] == str(rec["year"])
        for key in ("volume", "issue", "doi"):
            if rec.get(key):
                assert got.raw[key][0][0].lower() == str(rec[key]).lower(), (key, got.extra["reference"])
    assert checked > 1000


def test_a_masters_thesis_is_not_a_dissertation(tmp_path):
    # NLM (Citing Medicine, ch. 4): [master's thesis] for a master's, [dissertation] for a
    # doctoral thesis; a thesis whose degree is not known stays a [dissertation]. The degree as
    # CNKI's EndNote export (%9) and Zotero's RIS (M3) write it.
    enw = tmp_path / "theses.enw"
    enw.write_text("%0 Thesis\n%A 胡增辉\n%T 我国铁路客运站建筑空间室内设计方法研究\n%I 北京交通大学\n%9 硕士\n%D 2018\n\n"
                   "%0 Thesis\n%A 殷玮川\n%T 云环境下铁路货运产品设计优化方法研究\n%I 北京交通大学\n%9 博士\n%D 2018\n",
                   encoding="utf-8")
    ris = tmp_path / "theses.ris"
    ris.write_text("TY  - THES\nTI  - Fracture healing\nAU  - Li, Ming\nPB  - Peking University\n"
                   "M3  - Master's Thesis\nPY  - 2020\nER  - \n\n"
                   "TY  - THES\nTI  - Bone growth\nAU  - Abe, Anna\nPB  - Fudan University\nPY  - 2019\nER  - \n",
                   encoding="utf-8")
    recs = [r.to_json() for r in clean_paths([str(enw), str(ris)]) if not isinstance(r, Failure)]
    assert [reference(r) for r in recs] == [
        "Hu Z. 我国铁路客运站建筑空间室内设计方法研究 [master's thesis]. 北京交通大学; 2018. Chinese.",
        "Yin W. 云环境下铁路货运产品设计优化方法研究 [dissertation]. 北京交通大学; 2018. Chinese.",
        "Li M. Fracture healing [master's thesis]. Peking University; 2020.",
        "Abe A. Bone growth [dissertation]. Fudan University; 2019."]
