"""The NLM/Vancouver reference list: hand-written records with hand-written expected lines,
and the shared corpus's records written and read back by the pubmed-text reader."""
from __future__ import annotations

import io
import json

import pytest

from conftest import needs_shared, run_cli
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
    # without an abbreviation, the journal's name as GB/T 7714 writes it: a WoS name in capitals
    # (Zotero's BibTeX of it) in title case, NLM's place after a name left out
    (_record("Retinal atrophy", SEVEN[:1], journal={"en": "CIENCIA RURAL"}), "Abe AM. Retinal atrophy. Ciencia Rural. "
                                                                             "2021;46(6):350-8."),
    (_record("Angiogenesis", SEVEN[:1], journal={"en": "Neoplasia (New York, N.Y.)"}), "Abe AM. Angiogenesis. Neoplasia. "
                                                                                        "2021;46(6):350-8."),
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
     "Abe AM. Standards. In: American Water Works Association, editor. Water quality. 2021. p. 1-36."),
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


def test_web_of_sciences_j9_alone_is_not_written_in_capitals(tmp_path):
    # a Web of Science export without JI: J9's words in upper and lower case, as NLM writes them
    path = tmp_path / "savedrecs.txt"
    path.write_text("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Ng, A\nTI A study\n"
                    "SO JOURNAL OF BIOLOGICAL CHEMISTRY\nJ9 J BIOL CHEM\nPY 2020\nVL 295\nBP 1\nEP 10\nER\n\n"
                    "PT J\nAU Ng, A\nTI Another\nSO BMC CANCER\nJ9 BMC CANCER\nPY 2021\nVL 21\nBP 6\nER\n\nEF\n",
                    encoding="utf-8")
    one, two = [r.to_json() for r in clean_paths([str(path)]) if not isinstance(r, Failure)]
    assert reference(one) == "Ng A. A study. J Biol Chem. 2020;295:1-10."
    assert reference(two) == "Ng A. Another. BMC Cancer. 2021;21:6."
    # acronyms and names that begin in lower case (a single word too, in GB/T's journal as well)
    for j9, written in (("PNAS NEXUS", "PNAS Nexus"), ("ELIFE", "eLife"), ("MBIO", "mBio"), ("NPJ DIGIT MED", "npj Digit Med")):
        rec = _record("x", [], extra={"journal_abbreviation": [j9]}, journal={"en": j9})
        assert f". {written}. 2021" in reference(rec), j9
    from indexer.export.common import journal_title
    assert journal_title({"journal": {"en": "ELIFE"}}, "en") == "eLife"


def test_a_title_medline_translated_is_bracketed_once(tmp_path):
    # MEDLINE keeps a translated title in its brackets, "[…]."; the reference brackets it once,
    # and a GB/T line in English writes it without them
    from indexer.export.gbt7714 import reference as gbt_reference

    path = tmp_path / "pubmed.nbib"
    path.write_text("PMID- 33587412\nDP  - 2021 Mar\nTI  - [Surgical treatment strategy for spinal metastases].\n"
                    "PG  - 150-156\nFAU - Wang, Yan\nAU  - Wang Y\nLA  - chi\nTT  - 脊柱转移瘤的手术治疗策略\n"
                    "TA  - Zhonghua Gu Ke Za Zhi\nJT  - Zhonghua gu ke za zhi\nVI  - 41\nIP  - 3\n\n"
                    "PMID- 30123456\nDP  - 2019\nTI  - [Road traffic accidents among elderly pedestrians].\n"
                    "FAU - Muller, Jan\nAU  - Muller J\nLA  - ger\nTT  - Über Straßenverkehrsunfälle bei älteren Fußgängern\n"
                    "TA  - Dtsch Med Wochenschr\nVI  - 144\n", encoding="utf-8")
    zh, de = [r.to_json() for r in clean_paths([str(path)]) if not isinstance(r, Failure)]
    assert reference(zh) == ("Wang Y. [Surgical treatment strategy for spinal metastases]. Zhonghua Gu Ke Za Zhi. "
                             "2021;41(3):150-6. Chinese. PMID: 33587412.")
    assert reference(de).startswith("Muller J. [Road traffic accidents among elderly pedestrians]. Dtsch Med Wochenschr.")
    assert gbt_reference(zh, "en").startswith("WANG Y. Surgical treatment strategy for spinal metastases[J]. ")
    # without TT the record's one title is English, its language declared (LA  - ger): still a translation
    path.write_text("PMID- 55555555\nTI  - [Surgical treatment of spinal metastases].\nAU  - Muller K\nDP  - 2019\n"
                    "TA  - Orthopade\nLA  - ger\n\nPMID- 55555556\nTI  - [18F]FDG PET in spinal metastases [review].\n"
                    "AU  - Muller K\nDP  - 2019\nTA  - Orthopade\nLA  - eng\n", encoding="utf-8")
    de, own = [r.to_json() for r in clean_paths([str(path)]) if not isinstance(r, Failure)]
    assert gbt_reference(de, "en").startswith("MULLER K. Surgical treatment of spinal metastases[J]. ")
    assert gbt_reference(own, "en").startswith("MULLER K. [18F]FDG PET in spinal metastases [review][J]. ")
    own["title"] = {"en": "[Zotero download]"}
    for english in ("en-US", "English (US)", "英文"):   # a declared English in any form keeps a title's own brackets
        own["extra"]["language"] = [english]
        assert gbt_reference(own, "en").startswith("MULLER K. [Zotero download][J]. "), english


def test_a_name_in_kana_or_hangul_is_written_whole():
    # Zotero's RIS writes a Korean name "이, 영희" and a Japanese one "スミス, ジョン": the given name is
    # no initials, in Vancouver and GB/T 7714 as a name in kanji is
    from indexer.export.gbt7714 import reference as gbt_reference

    ja = _record("在宅医療の課題", [{"family": "スミス", "given": "ジョン", "lang": "ja"},
                                    {"family": "鈴木", "given": "エリカ", "lang": "ja"}], lang="ja")
    ko = _record("노인의 우울증 연구", [{"family": "이", "given": "영희", "lang": "ko"}], lang="ko")
    assert reference(ja).startswith("スミスジョン, 鈴木エリカ. ") and reference(ko).startswith("이영희. ")
    assert gbt_reference(ja).startswith("スミスジョン, 鈴木エリカ. ") and gbt_reference(ko).startswith("이영희. ")


def test_a_reference_is_one_line():
    assert reference(_record("Spinal\nsurgery  outcomes", SEVEN[:1])) == "Abe AM. Spinal surgery outcomes. Spine. 2021;46(6):350-8."


def test_a_pmid_is_written_for_records_read_from_pubmed():
    rec = _record("Trial", SEVEN[:1], source={"path": "t", "format": "medline", "record": 1, "source_id": "12345"})
    assert reference(rec).endswith("2021;46(6):350-8. PMID: 12345.")
    rec["source"]["format"] = "ris"                       # a RIS record's id is no PMID
    assert "PMID" not in reference(rec)
    rec["source"] = {"path": "t", "format": "wos", "record": 1, "source_id": "WOS:000602649200001"}
    rec["extra"] = {"pmid": ["33414982"]}                 # the PMID Web of Science names (PM)
    assert reference(rec).endswith("2021;46(6):350-8. PMID: 33414982.")
    rec["extra"] = {"pmid": ["000000000000"]}             # a placeholder
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


def _references(tmp_path, name, text):
    """The references of the records the readers make of ``text``, written to ``name``."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [reference(r.to_json()) for r in clean_paths([str(path)]) if not isinstance(r, Failure)]


def test_an_article_without_a_year_has_no_stray_punctuation(tmp_path):
    # Citing Medicine writes the volume without the date when the date is not known; CNKI's
    # online-first articles have pages only
    assert _references(tmp_path, "undated.ris",
                       "TY  - JOUR\nTI  - A note\nJO  - Anonymous Journal\nVL  - 1\nSP  - 5\nEP  - 6\nER  - \n\n"
                       "TY  - JOUR\nTI  - Online first\nJO  - Anonymous Journal\nIS  - 2\nER  - \n\n"
                       "TY  - JOUR\nTI  - Ahead of print\nJO  - Anonymous Journal\nSP  - 1\nEP  - 15\nER  - \n\n"
                       "TY  - JOUR\nTI  - Dated\nJO  - Anonymous Journal\nPY  - 2022\nIS  - 1\nSP  - 179\nEP  - 204\n"
                       "ER  - \n") == [
        "A note. Anonymous Journal. 1:5-6.",
        "Online first. Anonymous Journal. (2).",
        "Ahead of print. Anonymous Journal. 1-15.",
        "Dated. Anonymous Journal. 2022;(1):179-204."]


def test_one_editor_is_an_editor(tmp_path):
    assert _references(tmp_path, "chapters.ris",
                       "TY  - CHAP\nAU  - Abe, Anna\nTI  - Spinal metastases\nT2  - Spine surgery\nED  - Ed, Ian\n"
                       "CY  - Boston\nPB  - Example Press\nPY  - 2021\nSP  - 12\nEP  - 20\nER  - \n\n"
                       "TY  - CHAP\nAU  - Abe, Anna\nTI  - Bone growth\nT2  - Spine surgery\nED  - Ed, Ian\n"
                       "ED  - Bo, Anna\nPY  - 2021\nER  - \n") == [
        "Abe A. Spinal metastases. In: Ed I, editor. Spine surgery. Boston: Example Press; 2021. p. 12-20.",
        "Abe A. Bone growth. In: Ed I, Bo A, editors. Spine surgery. 2021."]


def test_an_edited_book_is_cited_by_its_editors(tmp_path):
    # a book with editors and no authors: the editors in the authors' place (more than six:
    # six, then et al.); a book with authors as before
    seven = " and ".join(f"{f}, Anna" for f in ("Abe", "Bo", "Cruz", "Diaz", "Eng", "Fox", "Gil"))
    assert _references(tmp_path, "books.bib",
                       "@book{a, editor = {Smith, John Adam}, title = {Bone healing}, publisher = {Example Press},\n"
                       "  address = {New York}, year = {2019}}\n"
                       "@book{b, editor = {Smith, John Adam and Doe, Jane}, title = {Spinal surgery}, edition = {2},\n"
                       "  publisher = {Example Press}, address = {New York}, year = {2019}}\n"
                       f"@book{{c, editor = {{{seven}}}, title = {{Proceedings}}, year = {{2014}}}}\n"
                       "@book{d, author = {Li, Ming}, editor = {Smith, John}, title = {Fractures}, year = {2020}}\n") == [
        "Smith JA, editor. Bone healing. New York: Example Press; 2019.",
        "Smith JA, Doe J, editors. Spinal surgery. 2nd ed. New York: Example Press; 2019.",
        "Abe A, Bo A, Cruz A, Diaz A, Eng A, Fox A, et al., editors. Proceedings. 2014.",
        "Li M. Fractures. 2020."]


def test_a_web_page_is_cited_with_its_url_and_the_date_it_was_read(tmp_path):
    # Citing Medicine: Title [Internet]. Place: Publisher; Year [cited Year Mon Day]. Available
    # from: URL -- the date read from CSL-JSON's "accessed" and RIS's Y2; a journal article
    # with a URL is cited as before, without it
    csl = _references(tmp_path, "web.json", json.dumps([
        {"id": "w1", "type": "webpage", "title": "Dietary guidelines", "author": [{"family": "Smith", "given": "John"}],
         "publisher": "Example Health", "publisher-place": "Geneva", "issued": {"date-parts": [[2023]]},
         "accessed": {"date-parts": [[2024, 1, 2]]}, "URL": "https://example.org/guidelines"},
        {"id": "w2", "type": "webpage", "title": "Library of Congress", "URL": "https://www.loc.gov/"},
        {"id": "a1", "type": "article-journal", "title": "Trial", "author": [{"family": "Abe", "given": "Anna"}],
         "container-title": "Spine", "issued": {"date-parts": [[2021]]}, "volume": "46", "page": "350-358",
         "accessed": {"date-parts": [[2024, 1, 2]]}, "URL": "https://example.org/trial"}]))
    assert csl == [
        "Smith J. Dietary guidelines [Internet]. Geneva: Example Health; 2023 [cited 2024 Jan 2]. "
        "Available from: https://example.org/guidelines",
        "Library of Congress [Internet]. Available from: https://www.loc.gov/",
        "Abe A. Trial. Spine. 2021;46:350-8."]
    ris = _references(tmp_path, "web.ris",
                      "TY  - ELEC\nAU  - Smith, John\nTI  - Dietary guidelines\nPB  - Example Health\nPY  - 2023\n"
                      "Y2  - 2024/01/02\nUR  - https://example.org/guidelines\nER  - \n\n"
                      "TY  - WEB\nAU  - Doe, Jane\nTI  - Sleep advice\nPY  - 2022\nY2  - 2024-03-15\n"
                      "UR  - https://example.org/sleep\nER  - \n")
    assert ris == [
        "Smith J. Dietary guidelines [Internet]. Example Health; 2023 [cited 2024 Jan 2]. "
        "Available from: https://example.org/guidelines",
        "Doe J. Sleep advice [Internet]. 2022 [cited 2024 Mar 15]. Available from: https://example.org/sleep"]
    # RIS's Y2 of a web page is the date it was read, for GB/T 7714's [引用日期] too
    gbt = run_cli("export", "-f", "gbt7714", "--from", str(tmp_path / "web.ris")).stdout.splitlines()
    assert gbt[0] == "[1] SMITH J. Dietary guidelines[EB/OL]. (2023)[2024-01-02]. https://example.org/guidelines."


def test_a_korean_or_japanese_name_is_cited_in_the_romanised_form_the_record_keeps(tmp_path):
    # KCI writes a Korean author 홍길동(Hong, Gil-Dong): NLM romanises every name not in the
    # roman alphabet (Citing Medicine), so the list writes the Latin form, in a Korean record
    # too, as a Chinese name is put in pinyin; a name without one stays as written
    refs = _references(tmp_path, "kci.ris",
                       "TY  - JOUR\nAU  - 홍길동(Hong, Gil-Dong)\nAU  - 김철수(Kim, Chul-Soo)\nAU  - 이영희\n"
                       "TI  - Effects of exercise on bone density\nJO  - Journal of Korean Medicine\nPY  - 2020\n"
                       "VL  - 12\nSP  - 100\nEP  - 110\nER  - \n\n"
                       "TY  - JOUR\nAU  - 홍길동(Hong, Gil-Dong)\nTI  - 운동이 골밀도에 미치는 영향\nPY  - 2020\nLA  - kor\nER  - \n")
    assert refs[0] == "Hong GD, Kim CS, 이영희. Effects of exercise on bone density. Journal of Korean Medicine. 2020;12:100-10."
    assert refs[1].startswith("Hong GD. ")
    named = {"literal": "山田太郎", "lang": "ja", "alt": {"family": "Yamada", "given": "Taro", "lang": "en"}}
    assert reference(_record("Lung cancer", [named, {"literal": "张可佳", "lang": "zh",
                                                     "alt": {"family": "Zhang", "given": "Kejia", "lang": "en"}}])) \
        .startswith("Yamada T, Zhang K. Lung cancer.")


def test_a_chinese_name_spelt_otherwise_than_in_pinyin_is_cited_in_the_authors_own_spelling(tmp_path):
    # A Taiwanese paper's authors sign in Wade-Giles (陳建國 Chen Chien-Kuo, 張美玲 Chang Mei-Ling):
    # pinyin made from the characters (Chen J, Zhang M) would cite another spelling than theirs.
    # A romanised name that is the pinyin (Wang Jianguo), or initials only (Li N), changes nothing.
    authors = [{"literal": "陳建國", "lang": "zh", "alt": {"family": "Chen", "given": "Chien-Kuo", "lang": "en"}},
               {"literal": "張美玲", "lang": "zh", "alt": {"family": "Chang", "given": "Mei-Ling", "lang": "en"}},
               {"literal": "王建国", "lang": "zh", "alt": {"family": "Wang", "given": "Jianguo", "lang": "en"}},
               {"literal": "李娜", "lang": "zh", "alt": {"family": "Li", "given": "N", "lang": "en"}}]
    rec = _record("脊椎轉移瘤之外科治療", authors, lang="zh")
    (ref,) = _references(tmp_path, "tw.jsonl", json.dumps(rec, ensure_ascii=False) + "\n")
    assert ref.startswith("Chen CK, Chang ML, Wang J, Li N. ")
