"""GB/T 7714-2015 reference lists over the standard's own example references
(../shared/corpus/citations/gbt7714-data.json: CSL-JSON, CC BY-SA, read in place, never
copied here), plus small hand-written records for the 等 / et al. rule.

The data carries no expected output strings, so every expectation is built from the item
itself: its names, title, container, dates, numbers and URL, and its place in the
standard's example list (``gbt7714.b.N:M``: section N groups the examples by document
type).  A ``variable: value`` line of an item's ``note`` is a CSL variable, as citeproc-js
and Zotero read it (``page: 288`` the pages cited, ``type: periodical``)."""
from __future__ import annotations

import json
import re

import pytest

from conftest import needs_shared, records_of
from indexer.export.gbt7714 import reference

HAN = re.compile(r"[\u3400-\u9fff]")
# The markers each section of the standard's examples may carry.
SECTION_MARKERS = {1: {"M"}, 2: {"M"}, 3: {"J"}, 4: {"J", "N"}, 5: {"C"}, 6: {"D"}, 7: {"R"}, 8: {"S"},
                   9: {"P"}, 10: {"EB", "Z"}, 11: {"A"}, 12: {"CM"}, 13: {"DS"}, 14: {"Z"}}
# Marker of each CSL type (GB/T 7714-2015 table B.1; Z: other).  A book may be proceedings (C).
TYPE_MARKERS = {"article-journal": {"J"}, "periodical": {"J"}, "article-newspaper": {"N"}, "book": {"M", "C"},
                "chapter": {"M"}, "paper-conference": {"C"}, "thesis": {"D"}, "report": {"R"},
                "standard": {"S"}, "patent": {"P"}, "webpage": {"EB"}, "dataset": {"DS"}, "map": {"CM"},
                "manuscript": {"A"}, "personal_communication": {"A"}, "pamphlet": {"A"},
                "motion_picture": {"Z"}, "graphic": {"Z"}, "article": {"Z"}}
MARKUP = re.compile(r"</?(?:i|b|sup|sub|span)\b[^>]*>")


@pytest.fixture(scope="module")
def examples() -> list[tuple[dict, dict, str]]:
    """(CSL item with its note variables applied, record, reference line) for each example: the
    records as ``clean``, ``ingest`` and ``export --from`` read them (the note's variables are
    the CSL-JSON reader's)."""
    path = needs_shared("corpus", "citations", "gbt7714-data.json")
    items = json.loads(path.read_text(encoding="utf-8"))
    records = records_of(path)
    assert len(records) == len(items) == 141
    return [(with_note(item), rec, reference(rec)) for item, rec in zip(items, records)]


def with_note(item: dict) -> dict:
    """The item with the CSL variables its note names (those it does not have already)."""
    out = dict(item)
    for line in (item.get("note") or "").splitlines():
        m = re.fullmatch(r"([a-z]+(?:-[a-z]+)*): *(\S.*)", line.strip())
        if m and m.group(1) not in out:
            out[m.group(1)] = m.group(2)
        elif m and m.group(1) in ("type", "issued"):   # a type or date Zotero could not store
            out["note_" + m.group(1)] = m.group(2)
    return out


def kind(item: dict) -> str:
    return item.get("note_type") if item.get("note_type") in TYPE_MARKERS else item["type"]


def plain(text: str) -> str:
    """Printed text: no CSL markup, one space for any run of spaces (an em space too)."""
    return " ".join(MARKUP.sub("", text).split())


def date(value: dict | None) -> str:
    parts = (value or {}).get("date-parts", [[]])[0]
    return "-".join(f"{int(p):02d}" if i else str(p) for i, p in enumerate(parts))


def initials(given: str) -> str:
    """The standard's initials: no dots, hyphenated names keep the hyphen (J-R)."""
    return " ".join("-".join(p[0].upper() for p in word.split("-") if p)
                    for word in re.split(r"[\s.]+", given) if word)


def expected_name(n: dict) -> str:
    if n.get("literal"):
        return plain(n["literal"])
    if HAN.search(n["family"]):
        return n["family"] + n.get("given", "")
    family = " ".join(n[k] for k in ("dropping-particle", "non-dropping-particle", "family") if n.get(k))
    name = " ".join(p for p in (family.upper(), initials(n.get("given", ""))) if p)
    # the standard's "PEEBLES P Z, Jr." and "SODEMAN W A, Jr, SODEMAN W A": a suffix kept
    return f"{name}, {n['suffix'].rstrip('.')}" if n.get("suffix") else name


def expected_volume(item: dict, zh: bool) -> str:
    """A book's volume after its title (§8.1.1: 国史旧闻: 第1卷; 船山全书: 第1册 as written); a
    Western book's as the GB/T CSL style writes it (: Vol. 1), unless it is a series' number."""
    volume = str(item.get("volume") or "")
    if volume.isdigit():
        return f": 第{volume}卷" if zh else "" if item.get("collection-title") else f": Vol. {volume}"
    if zh and (HAN.search(volume) or volume and not re.search(r"\d", volume)):
        return ": " + ": ".join(volume.split())
    return ""


def expected_authors(item: dict) -> str:
    """Up to three names, then 等 (a Chinese title) or et al.; a whole book without authors
    is cited by its editors."""
    people = item.get("author") or ([] if kind(item) in ("chapter", "paper-conference") else item.get("editor", []))
    names = [expected_name(n) for n in people]
    more = ", 等" if HAN.search(item["title"]) else ", et al."
    return ", ".join(names[:3]) + (more if len(names) > 3 else "")


def test_every_item_type_of_the_standard_is_rendered(examples):
    assert {kind(item) for item, _, _ in examples} >= {
        "book", "chapter", "periodical", "article-journal", "article-newspaper", "paper-conference", "thesis",
        "report", "standard", "patent", "webpage", "pamphlet", "personal_communication", "map", "dataset",
        "article", "motion_picture", "graphic"}


def test_type_markers_and_online_marks(examples):
    for item, _, line in examples:
        m = re.search(r"\[([A-Z]+)(/OL)?\](\. |//|\.$)", line)
        assert m, line
        section = int(re.match(r"gbt7714\.b\.(\d+):", item["id"]).group(1))
        assert m.group(1) in SECTION_MARKERS[section] & TYPE_MARKERS[kind(item)], (item["id"], line)
        assert bool(m.group(2)) == bool(item.get("URL")), line          # /OL: read online


def test_author_rule_names_and_title(examples):
    for item, _, line in examples:
        authors = expected_authors(item)
        title = plain(item["title"])
        if kind(item) in ("patent", "standard", "report") and item.get("number"):   # PB 91-194001[R]
            title += ": " + item["number"]
        if kind(item) == "book":   # §8.1.1: 国史旧闻: 第1卷
            title += expected_volume(item, bool(re.search(r"[\u4e00-\u9fff]", title)))
        start = f"{authors}{'' if authors.endswith('.') else '.'} {title}[" if authors else f"{title}["
        assert line.startswith(start), (start, line)


def test_punctuation(examples):
    for _, _, line in examples:
        assert line.endswith(".") and not line.endswith("..")
        assert not re.search(r"\.\.(?!\.)|\. \.|\s[,.:]\s|,,|\s{2}", line), line


def test_journal_newspaper_patent_and_web_parts(examples):
    for item, _, line in examples:
        t, year = kind(item), date(item.get("issued"))[:4]
        if t == "article-journal":   # 刊名, 年, 卷(期): 页码
            where = f"{plain(item['container-title'])}, {year}"
            where += f", {item['volume']}" if item.get("volume") else ""
            where += f"({item['issue']})" if item.get("issue") else ""
            where += f": {item['page']}" if item.get("page") else ""
            assert f"]. {where}" in line or f", 译. {where}" in line, (where, line)
        elif t == "article-newspaper":   # 报纸名, 年-月-日(版次)
            assert f"]. {item['container-title']}, {date(item['issued'])}({item['page']})" in line, line
        elif t == "patent":   # 题名: 专利号[P]. 公告日期
            assert re.search(rf"\[P(/OL)?\]\. {date(item['issued'])}", line), line
        elif t == "periodical":   # 题名[J]. 卷期范围. 出版地: 出版者, 年-
            assert f"]. {item['volume']}. " in line, line
            assert re.search(re.escape(", " + item["note_issued"].replace("/", "-")) + r"[.\[]", line), line
        elif t == "webpage":   # (发布日期)[引用日期]
            issued = f". ({date(item['issued'])})" if item.get("issued") else ". "
            assert f"[EB/OL]{issued}[{date(item['accessed'])}]. {item['URL']}" in line, line


def test_books_theses_reports_maps_publication(examples):
    checked = 0
    for item, _, line in examples:
        t = kind(item)
        if t not in ("book", "thesis", "report", "map", "standard") or not item.get("publisher"):
            continue
        checked += 1
        where = f"{item['publisher-place']}: {item['publisher']}" if item.get("publisher-place") else item["publisher"]
        year = item.get("note_issued") or date(item.get("issued"))[:4]
        if year:
            where += f", {year}"
        if item.get("page"):   # the pages cited (in a note: "page: 288"), a range with a hyphen
            where += ": " + re.sub(r"[–—]", "-", item["page"])
        assert where in line, (where, line)
    assert checked >= 48


def test_edition_translator_and_host_book(examples):
    for item, _, line in examples:
        zh = bool(HAN.search(item["title"]))
        edition = str(item.get("edition") or "")
        if edition.isdigit():   # 2版, 4th ed
            assert (f". {edition}版. " in line) if zh else re.search(rf"\. {edition}(st|nd|rd|th) ed\. ", line), line
        elif edition:
            assert f". {edition} " in line or f". {edition}. " in line, line
        if item.get("translator") and zh:   # 题名[M]. 译者, 译.
            names = [expected_name(n) for n in item["translator"]]
            assert f". {', '.join(names[:3])}{', 等' if len(names) > 3 else ''}, 译" in line, line
        if kind(item) == "chapter":   # 析出题名[M]//编者. 书名
            editors = ", ".join(expected_name(n) for n in item.get("editor", [])[:3])
            book = plain(item["container-title"]) + expected_volume(item, zh)   # 船山全书: 第1册
            host = f"//{editors}. {book}. " if editors else f"//{book}. "
            assert host in line, (host, line)


def test_access_date_url_and_doi_close_the_line(examples):
    for item, _, line in examples:
        if item.get("URL") and item.get("accessed"):
            assert f"[{date(item['accessed'])}]. {item['URL']}" in line, line
        # a DOI is case-insensitive: the cleaner writes it in lower case
        tail = f". DOI:{item['DOI'].lower()}." if item.get("DOI") else (f". {item['URL']}." if item.get("URL") else ".")
        assert line.endswith(tail), (tail, line)


# ---------------------------------------------------------------- hand-written records
def _record(title, authors, lang, **more):
    rec = {"id": "x", "source": {"path": "t", "format": "ris", "record": 1}, "type": "article-journal",
           "language": lang, "title": {lang: title}, "abstract": {}, "authors": authors, "keywords": {},
           "journal": {lang: "期刊" if lang == "zh" else "Journal"}, "year": 2020, "volume": "3", "issue": "2",
           "pages": "10-20", "funding": [], "repairs": []}
    rec.update(more)
    return rec


ZH4 = [{"literal": n, "lang": "zh"} for n in ("张三", "李四", "王五", "赵六")]
EN4 = [{"family": f, "given": "Anna Maria", "lang": "en"} for f in ("Smith", "Jones", "Brown", "Green")]


@pytest.mark.parametrize("title, authors, lang, expected", [
    ("题名", ZH4, "zh", "张三, 李四, 王五, 等. 题名[J]. 期刊, 2020, 3(2): 10-20."),
    ("题名", ZH4[:3], "zh", "张三, 李四, 王五. 题名[J]. 期刊, 2020, 3(2): 10-20."),
    ("Title", EN4, "en", "SMITH A M, JONES A M, BROWN A M, et al. Title[J]. Journal, 2020, 3(2): 10-20."),
    ("Title", EN4[:3], "en", "SMITH A M, JONES A M, BROWN A M. Title[J]. Journal, 2020, 3(2): 10-20."),
    # Chinese authors of an English item: pinyin, and et al.
    ("Title", ZH4, "en", "ZHANG San, LI Si, WANG Wu, et al. Title[J]. Journal, 2020, 3(2): 10-20."),
    # Western authors of a Chinese item: 等
    ("题名", EN4, "zh", "SMITH A M, JONES A M, BROWN A M, 等. 题名[J]. 期刊, 2020, 3(2): 10-20."),
])
def test_more_than_three_authors_per_item(title, authors, lang, expected):
    assert reference(_record(title, authors, lang)) == expected


def test_a_chinese_surname_in_pinyin_reads_as_surnames_do():
    # pypinyin alone gives CENG Guofan and OU Yangxiu
    authors = [{"literal": n, "lang": "zh"} for n in ("曾国藩", "欧阳修", "单田芳")]
    assert reference(_record("Title", authors, "en")).startswith("ZENG Guofan, OUYANG Xiu, SHAN Tianfang. Title[J].")
    # written in Traditional characters (pypinyin alone: DAN Tianfang, OU Yangxiu)
    authors = [{"literal": n, "lang": "zh"} for n in ("單田芳", "歐陽修")]
    assert reference(_record("Title", authors, "en")).startswith("SHAN Tianfang, OUYANG Xiu. Title[J].")


def test_u_umlaut_in_pinyin_as_gb_t_28039_writes_it():
    # pypinyin writes ü as v (LV Wei, WANG Lv): YU in the surname's capitals, ü in the given name
    authors = [{"literal": n, "lang": "zh"} for n in ("吕伟", "王绿", "聂略")]
    assert reference(_record("Title", authors, "en")).startswith("LYU Wei, WANG Lü, NIE Lüe. Title[J].")


def test_a_name_written_by_sound_in_pinyin_by_its_parts():
    # 阿依古丽·买买提 (Uyghur): the last part is the family name, each part one word
    authors = [{"literal": n, "lang": "zh"} for n in ("阿依古丽·买买提", "艾尼瓦尔·阿什木·买买提")]
    assert reference(_record("Title", authors, "en")).startswith(
        "MAIMAITI Ayiguli, MAIMAITI Ainiwaer Ashimu. Title[J].")
    assert reference(_record("题名", authors, "zh")).startswith("阿依古丽·买买提, 艾尼瓦尔·阿什木·买买提. 题名[J].")


def test_a_title_s_closing_full_stop_is_not_before_its_marker():
    # PubMed and Web of Science end a title with one: dogs[J], not dogs.[J]
    assert ". Pharmacokinetics in dogs[J]. " in reference(_record("Pharmacokinetics in dogs.", ZH4[:1], "en"))
    assert "肿瘤研究[J]" in reference(_record("肿瘤研究。", ZH4[:1], "zh"))
    assert "in the U.S.[J]" in reference(_record("Cancer in the U.S.", ZH4[:1], "en"))   # an abbreviation's
    assert "Why?[J]" in reference(_record("Why?", ZH4[:1], "en"))


def test_a_reference_is_one_line():
    assert reference(_record("题名\n续", ZH4[:1], "zh")) == "张三. 题名 续[J]. 期刊, 2020, 3(2): 10-20."


def test_both_languages_of_a_bilingual_record():
    rec = _record("题名", ZH4, "zh", doi="10.1/x")
    rec.update(title={"zh": "题名", "en": "Title"}, journal={"zh": "期刊", "en": "Journal"})
    from io import StringIO

    from indexer.export.gbt7714 import write_gbt7714

    out = StringIO()
    assert write_gbt7714([rec], out, lang="both") == 1
    assert out.getvalue().splitlines() == [
        "[1] 张三, 李四, 王五, 等. 题名[J]. 期刊, 2020, 3(2): 10-20. DOI:10.1/x.",
        "    ZHANG San, LI Si, WANG Wu, et al. Title[J]. Journal, 2020, 3(2): 10-20. DOI:10.1/x."]


def test_newspaper_and_patent_dates_from_an_export(tmp_path):
    # A newspaper is cited by its day and page, a patent by its date (the standard's
    # 中国青年报, 2000-11-20(15)): from the date an export gives (RIS DA), not the year alone.
    from indexer.cleaner import clean_paths

    src = tmp_path / "news.ris"
    src.write_text("TY  - NEWS\nTI  - 坚持在大局下行动\nAU  - 本报评论员\nT2  - 人民铁道\nPY  - 2019\nDA  - 2019/1/9\n"
                   "SP  - A01\nER  - \n\nTY  - PAT\nTI  - 一种清洗装置\nAU  - 段祥祥\nPY  - 2018\nDA  - 2018年11月2日\n"
                   "ER  - \n\nTY  - NEWS\nTI  - 旧闻\nT2  - 人民铁道\nPY  - 2019\nDA  - 2018/12/30\nER  - \n",
                   encoding="utf-8")
    lines = [reference(r.to_json()) for r in clean_paths([str(src)])]
    assert lines[0].endswith("[N]. 人民铁道, 2019-01-09(A01).")
    assert lines[1].endswith("[P]. 2018-11-02.")
    assert lines[2].endswith("[N]. 人民铁道, 2019.")    # a date of another year is not this item's


# ---------------------------------------------------------------- the author-year system
def _author_year(records, lang=None) -> list[str]:
    from io import StringIO

    from indexer.export.gbt7714 import write_gbt7714_author_year

    out = StringIO()
    assert write_gbt7714_author_year(records, out, lang) == len(records)
    return out.getvalue().splitlines()


def test_author_year_lines_of_the_standards_examples(examples):
    # 著者-出版年制 (§9.2): no numbers; the year after the names (佚名 / Anon without any);
    # a journal's year not again after its name; Chinese items first, then the others.
    lines = _author_year([rec for _, rec, _ in examples])
    assert len(lines) == len(examples) and not any(re.match(r"\[\d+\]", line) for line in lines)
    chinese = [bool(HAN.search(line.split("[")[0])) for line in lines]
    assert 40 < sum(chinese) < len(lines) and chinese == sorted(chinese, reverse=True)   # Chinese block first
    for item, _, _ in examples:
        year = date(item.get("issued"))[:4]
        # an item's line: the one with its title, and its URL when two items share a title
        # (the standard's b.4:8 and b.4:9 are one paper online first and then in an issue)
        same = [line for line in lines if re.search(r"\. " + re.escape(plain(item["title"])) + r"[\[:]", line)]
        assert len(same) == sum(plain(other["title"]) == plain(item["title"]) for other, _, _ in examples)
        line = next(line for line in same if len(same) == 1 or (item.get("URL") and item["URL"] in line)
                    or not (item.get("URL") or "http" in line))
        authors = expected_authors(item) or ("佚名" if HAN.search(item["title"]) else "Anon")
        if year and not item.get("note_issued"):
            assert re.match(re.escape(f"{authors}, {year}") + r"[a-z]?\. ", line), (authors, year, line)
        if kind(item) == "article-journal" and item.get("volume"):   # 刊名, 卷(期): 页码
            assert f"{plain(item['container-title'])}, {item['volume']}" in line, line


def test_author_year_order_reads_a_surname_as_surnames_do():
    # 曾 is Zeng as a surname: after 王 (Wang), not before it as "ceng"
    recs = [_record("甲文", [{"literal": "曾五", "lang": "zh"}], "zh"),
            _record("乙文", [{"literal": "王五", "lang": "zh"}], "zh")]
    for i, rec in enumerate(recs):
        rec["id"] = str(i)
    assert [line[:2] for line in _author_year(recs)] == ["王五", "曾五"]


def test_author_year_order_and_letters():
    # pinyin order (李 li < 王 wang < 张 zhang), the Western items after; one author's two
    # items of one year are 2020a and 2020b, in title order
    recs = [_record("乙文", [{"literal": "王五", "lang": "zh"}], "zh"),
            _record("Beta", [{"family": "Adams", "given": "B", "lang": "en"}], "en"),
            _record("甲文", [{"literal": "王五", "lang": "zh"}], "zh"),
            _record("丙文", [{"literal": "张三", "lang": "zh"}], "zh", year=2018),
            _record("丁文", [{"literal": "李四", "lang": "zh"}], "zh", year=2021),
            _record("无名", [], "zh")]
    for i, rec in enumerate(recs):
        rec["id"] = str(i)
    assert _author_year(recs) == [
        "李四, 2021. 丁文[J]. 期刊, 3(2): 10-20.",
        "王五, 2020a. 甲文[J]. 期刊, 3(2): 10-20.",
        "王五, 2020b. 乙文[J]. 期刊, 3(2): 10-20.",
        "佚名, 2020. 无名[J]. 期刊, 3(2): 10-20.",
        "张三, 2018. 丙文[J]. 期刊, 3(2): 10-20.",
        "ADAMS B, 2020. Beta[J]. Journal, 3(2): 10-20."]
    # one author's two items of one year with one title (online first, then in an issue):
    # a and b in the order given, whatever their ids (an id follows the file's path)
    first, then = (_record("甲文", [{"literal": "王五", "lang": "zh"}], "zh", id=i, volume=v)
                   for i, v in (("f", "1"), ("a", "2")))
    assert [line[:10] for line in _author_year([first, then])] == ["王五, 2020a.", "王五, 2020b."]
    assert _author_year([first, then])[0].endswith(" 1(2): 10-20.")
    # no journal name: the volume alone, with no comma before it
    assert _author_year([_record("题名", [], "zh", journal={}, issue=None, pages=None)]) == ["佚名, 2020. 题名[J]. 3."]


def test_author_year_letters_follow_what_the_citation_in_the_text_shows():
    # §10.2: the text cites one first author and 等/et al. for more ("王建国 等, 2021"), so two
    # items of one year with one first author and other co-authors are 2021a and 2021b (keyed on
    # the names listed, they got no letters and the text's two citations were one); an author
    # alone is cited apart ("王建国, 2021") and keeps his year as it is
    zh = [_record(t, [{"literal": n, "lang": "zh"} for n in names], "zh", year=2021, id=t)
          for t, names in (("甲文", ["王建国", "李明"]), ("乙文", ["王建国", "赵六", "孙七", "周八"]), ("丙文", ["王建国"]))]
    en = [_record(t, [{"family": f, "given": g, "lang": "en"} for f, g in names], "en", id=t)
          for t, names in (("Alpha", [("Smith", "J"), ("Lee", "K")]), ("Beta", [("Smith", "J"), ("Brown", "A")]))]
    assert [line.split(". ")[0] for line in _author_year(zh + en)] == [
        "王建国, 2021", "王建国, 李明, 2021a", "王建国, 赵六, 孙七, 等, 2021b",
        "SMITH J, BROWN A, 2020a", "SMITH J, LEE K, 2020b"]


def test_author_year_letters_follow_a_western_or_pinyin_family_name_the_text_cites():
    # §10.2.1: the text cites a person by the family name ("SMITH, 2020"; ZHANG in pinyin too), a
    # name in Chinese characters whole; SMITH J and SMITH A of one year are both "SMITH, 2020" and
    # so 2020a and 2020b (keyed on the names listed they got none), 王建国 and 王建民 none
    people = (("Alpha", ("Smith", "J")), ("Beta", ("Smith", "A")), ("Gamma", ("Zhang", "Kejia")),
              ("Delta", ("Zhang", "San")), ("Epsilon", ("Lee", "K")))
    en = [_record(t, [{"family": f, "given": g, "lang": "en"}], "en", id=t) for t, (f, g) in people]
    zh = [_record(t, [{"literal": n, "lang": "zh"}], "zh", year=2020, id=t) for t, n in (("甲文", "王建国"), ("乙文", "王建民"))]
    assert [line.split(". ")[0] for line in _author_year(zh + en)] == [
        "王建国, 2020", "王建民, 2020", "LEE K, 2020", "SMITH A, 2020a", "SMITH J, 2020b", "ZHANG K, 2020a",
        "ZHANG S, 2020b"]


# An author-year list (§9.2: 按著者字顺和出版年排列) is ordered by the names each line begins
# with, name by name, then year: a name alone before the same name with others (as APA 7
# §9.46, the Chicago Manual and Hart's Rules order author-date lists), so one list of names and
# its years stay together, its 2019a/2019b neighbours; J Smith (SMITH J) before J A Smith.
SAME_FIRST_AUTHOR = [("张三", [], "丙", 2019), ("张三", ["李四"], "己", 2019), ("张三", [], "戊", 2021),
                     ("李四", [], "甲", 2020), ("王五", [], "辛", 2019), ("曾五", ["李四"], "庚", 2018),
                     ("Smith, John", [], "Alpha", 2018), ("Smith, John A.", [], "Beta", 2017),
                     ("Smith, John", ["Lee, Kim"], "Gamma", 2016)]
# Written by hand from that rule: Chinese items first, by pinyin (李 li, 王 wang, 曾 zeng as a
# surname, also before another name, 张 zhang); 张三's own items (2019, 2021) before 张三, 李四;
# SMITH J, then SMITH J, LEE K (a name alone first), then SMITH J A, whatever the years.
SAME_FIRST_AUTHOR_LINES = ["李四, 2020. 甲[J].", "王五, 2019. 辛[J].", "曾五, 李四, 2018. 庚[J].",
                           "张三, 2019. 丙[J].", "张三, 2021. 戊[J].", "张三, 李四, 2019. 己[J].",
                           "SMITH J, 2018. Alpha[J].", "SMITH J, LEE K, 2016. Gamma[J].", "SMITH J A, 2017. Beta[J]."]


def test_sort_author_and_the_author_year_list_one_order(tmp_path):
    # `export -f gbt7714-ay` and `export -f gbt7714 --sort author` list the same records in
    # one order (the README: --sort author orders as the author-year system lists); it was
    # 丙 戊 己 for the first and 丙 己 戊 (first author, then year) for the second.
    from conftest import run_cli

    src = tmp_path / "same-first-author.ris"
    src.write_text("".join(f"TY  - JOUR\nAU  - {first}\n" + "".join(f"AU  - {n}\n" for n in more)
                           + f"TI  - {title}\nPY  - {year}\nER  - \n\n" for first, more, title, year in SAME_FIRST_AUTHOR),
                   encoding="utf-8")
    author_year = run_cli("export", "-f", "gbt7714-ay", "--from", str(src))
    numeric = run_cli("export", "-f", "gbt7714", "--sort", "author", "--from", str(src))
    assert author_year.returncode == numeric.returncode == 0, author_year.stderr + numeric.stderr
    assert author_year.stdout.splitlines() == SAME_FIRST_AUTHOR_LINES
    titles = [re.search(r"\. (\w+)\[J\]", line).group(1) for line in numeric.stdout.splitlines()]
    assert titles == [re.search(r"\. (\w+)\[J\]", line).group(1) for line in SAME_FIRST_AUTHOR_LINES]
    assert numeric.stdout.splitlines()[3:6] == ["[4] 张三. 丙[J]. 2019.", "[5] 张三. 戊[J]. 2021.",
                                                "[6] 张三, 李四. 己[J]. 2019."]


def test_one_ordering_function_for_both_lists():
    # common.ordered is the author-year writer's order, in each language a record is listed in
    from indexer.export.common import ordered

    recs = [_record(title, [{"literal": n, "lang": "zh"} for n in [first, *more]], "zh", year=year, id=title)
            for first, more, title, year in SAME_FIRST_AUTHOR[:6]]
    recs.append(_record("无名", [], "zh", year=2019, id="无名"))   # 佚名 (yi) in both, not by its title
    expected = ["甲", "辛", "无名", "庚", "丙", "戊", "己"]
    for given in (recs, recs[::-1]):
        assert [r["id"] for r in ordered(given, "author")] == expected
        assert [line.split(". ")[1].split("[")[0] for line in _author_year(given)] == expected


def test_pubmed_initials_run_together_are_each_an_initial():
    # "Smith JA" (PubMed, Vancouver): SMITH J A, not SMITH J; a suffix is kept as the standard
    # keeps it (PEEBLES P Z, Jr.); a name in capitals throughout (ZHANG, YU) is a name, not initials
    rec = _record("Title", [{"family": "Smith", "given": "JA", "lang": "en"},
                            {"family": "Burkle", "given": "FM, Jr", "lang": "en"},
                            {"family": "ZHANG", "given": "YU", "lang": "en"}], "en")
    assert reference(rec).startswith("SMITH J A, BURKLE F M, Jr, ZHANG Y. Title[J].")
    # a family name in capitals (Web of Science, older PubMed) does not make initials that
    # spell a syllable (CE, RE) a Chinese given name: only a pinyin surname's does
    rec = _record("Title", [{"family": "GROSVENOR", "given": "CE", "lang": "en"},
                            {"family": "KADERLY", "given": "RE", "lang": "en"},
                            {"family": "WANG", "given": "CE", "lang": "en"}], "en")
    assert reference(rec).startswith("GROSVENOR C E, KADERLY R E, WANG C. Title[J].")


def test_a_chinese_item_without_title_or_authors_is_listed_under_yiming():
    # CNKI lists records with neither; the record's language says it is a Chinese item
    rec = _record("", [], "zh")
    rec["title"] = {}
    assert _author_year([rec]) == ["佚名, 2020. [J]. 期刊, 3(2): 10-20."]


def test_a_hyphened_pinyin_given_name_gives_an_initial_per_syllable():
    # GB/T 28039 as GB/T 7714 applies it: WANG Jian-guo → WANG J G (Wade-Giles HSU Pei-yu
    # alike); a hyphen in another given name stays (DUPONT J-P, PARK J-R)
    rec = _record("Title", [{"family": "WANG", "given": "Jian-guo", "lang": "en"},
                            {"family": "Hsu", "given": "Pei-Yu", "lang": "en"},
                            {"family": "Dupont", "given": "Jean-Pierre", "lang": "en"},
                            {"family": "Park", "given": "Jung-ran", "lang": "en"}], "en")
    assert reference(rec).startswith("WANG J G, HSU P Y, DUPONT J-P, et al. Title[J].")


@pytest.mark.parametrize("name, abbreviation, written", [
    ("APPLIED AND ENVIRONMENTAL MICROBIOLOGY", ["APPL ENVIRON MICROB", "Appl. Environ. Microbiol."],
     "Applied and Environmental Microbiology"),
    ("IEEE TRANSACTIONS ON MEDICAL IMAGING", ["IEEE Trans. Med. Imaging"], "IEEE Transactions on Medical Imaging"),
    ("PLOS ONE", ["PLoS One"], "PLoS One"), ("NPJ BREAST CANCER", ["npj Breast Cancer"], "npj Breast Cancer"),
    ("CA-A CANCER JOURNAL FOR CLINICIANS", ["CA-Cancer J. Clin."], "CA-A Cancer Journal for Clinicians"),
    ("ACTA PHYSICA SINICA PART II", ["Acta Phys. Sin."], "Acta Physica Sinica Part II"),
    # no ISO abbreviation (WoS's J9 alone, or none: Zotero's BibTeX of a WoS record): title case, a
    # short list of acronyms (FEMS, IEEE, JAMA) and words without a vowel (BMC) kept; one word as written
    ("FEMS YEAST RESEARCH", ["FEMS YEAST RES"], "FEMS Yeast Research"), ("CIENCIA RURAL", [], "Ciencia Rural"),
    ("VETERINARY AND COMPARATIVE ORTHOPAEDICS AND TRAUMATOLOGY", [],
     "Veterinary and Comparative Orthopaedics and Traumatology"),
    ("BMC VETERINARY RESEARCH", [], "BMC Veterinary Research"), ("JAMA NETWORK OPEN", [], "JAMA Network Open"),
    ("IEEE TRANSACTIONS ON MEDICAL IMAGING", ["IEEE T MED IMAGING"], "IEEE Transactions on Medical Imaging"),
    ("JOURNAL OF VETERINARY BEHAVIOR-CLINICAL APPLICATIONS AND RESEARCH", [],
     "Journal of Veterinary Behavior-Clinical Applications and Research"),
    ("ARQUIVO BRASILEIRO DE MEDICINA VETERINARIA E ZOOTECNIA", [], "Arquivo Brasileiro de Medicina Veterinaria e Zootecnia"),
    ("JOURNAL OF VETERINARY MEDICINE SERIES A-PHYSIOLOGY PATHOLOGY CLINICAL MEDICINE", [],
     "Journal of Veterinary Medicine Series A-Physiology Pathology Clinical Medicine"),
    ("JAMA", ["JAMA"], "JAMA"), ("Cell", [], "Cell"),
    # MEDLINE's JT: the NLM catalogue's subtitles and its place after the name left out (but for the
    # place the abbreviation keeps: Sensors alone is another journal); another qualifier kept
    ("Physica medica : PM : an international journal devoted to the applications of physics to medicine", ["Phys Med"],
     "Physica medica"),
    ("Acta paediatrica (Oslo, Norway : 1992)", ["Acta Paediatr"], "Acta paediatrica"),
    ("Neoplasia (New York, N.Y.)", ["Neoplasia"], "Neoplasia"), ("Clinical anatomy (New York, N.Y.)", [], "Clinical anatomy"),
    ("Lancet (London, England)", [], "Lancet"), ("Journal of applied physiology (Bethesda, Md. : 1985)",
                                                 ["J Appl Physiol (1985)"], "Journal of applied physiology (1985)"),
    ("Sensors (Basel, Switzerland)", ["Sensors (Basel)"], "Sensors (Basel)"), ("Cancers", ["Cancers (Basel)"], "Cancers"),
    ("BMJ (Clinical research ed.)", ["BMJ"], "BMJ (Clinical research ed.)"),
])
def test_a_journal_in_capitals_is_written_in_title_case_by_its_iso_abbreviation(name, abbreviation, written):
    # Web of Science writes SO in capitals; its JI (ISO) tells acronyms from words
    rec = _record("Title", [{"family": "Ng", "given": "A"}], "en")
    rec["journal"], rec["extra"] = {"en": name}, {"journal_abbreviation": abbreviation}
    assert f"Title[J]. {written}, " in reference(rec)


def test_a_chinese_books_volume_is_part_of_its_title():
    # GB/T 7714-2015 §8.1.1's examples: 国史旧闻: 第1卷[M], 康熙字典: 巳集上: 水部[M] (the volume was lost)
    book = dict(type="book", journal={}, issue=None, pages=None,
                extra={"publisher": ["中华书局"], "place": ["北京"]})
    assert reference(_record("国史旧闻", [{"literal": "陈登原", "lang": "zh"}], "zh", **{**book, "volume": "1"})) \
        == "陈登原. 国史旧闻: 第1卷[M]. 北京: 中华书局, 2020."
    assert reference(_record("康熙字典", [], "zh", **{**book, "volume": "巳集上 水部"})).startswith(
        "康熙字典: 巳集上: 水部[M]. 北京: 中华书局")
    # a periodical's holdings ("1984，1（1）—") are not so written; an English book's volume is
    # as the GB/T 7714 CSL style writes it (it was lost)
    assert "第" not in reference(_record("临床内科杂志", [], "zh", **{**book, "volume": "1984，1（1）—"}))
    assert reference(_record("Textbook of psychiatry", [], "en", **{**book, "volume": "1"})).startswith(
        "Textbook of psychiatry: Vol. 1[M].")


def test_an_unknown_place_or_publisher_is_written_as_the_standard_writes_it(examples):
    # §8.4.1.3, §8.4.2.3: [出版地不详]/[S.l.], [出版者不详]/[s.n.], an online book too (the
    # standard's Praetzellis: "Rev. ed. [S.l.]: Rowman & Littlefield, 2011: 13")
    for item, _, line in examples:
        if item["id"] == "gbt7714.b.1:22":
            assert "[M/OL]. Rev. ed. [S.l.]: Rowman & Littlefield Publishing Group, Inc., 2011" in line, line
        if kind(item) in ("standard", "report") or "//" + (item.get("event-title") or "~") in line:
            assert "不详" not in line and "[S.l." not in line, line   # no imprint of their own here
    book = dict(type="book", journal={}, issue=None, pages=None, volume=None)
    thesis = dict(book, type="thesis")
    zh = [{"literal": "胡婕伦", "lang": "zh"}]
    assert reference(_record("多糖的消化与酵解", zh, "zh", **thesis, extra={"publisher": ["南昌大学"]})) \
        == "胡婕伦. 多糖的消化与酵解[D]. [出版地不详]: 南昌大学, 2020."       # no place invented
    assert reference(_record("多糖的消化与酵解", zh, "zh", **thesis, extra={"publisher": ["南昌大学"]}),
                     year="2020") == "胡婕伦, 2020. 多糖的消化与酵解[D]. [出版地不详]: 南昌大学."
    assert reference(_record("地方志", zh, "zh", **book, extra={"place": ["哈尔滨"]})) \
        == "胡婕伦. 地方志[M]. 哈尔滨: [出版者不详], 2020."
    assert reference(_record("地方志", zh, "zh", **book, extra={})) == "胡婕伦. 地方志[M]. [出版地不详: 出版者不详], 2020."
    assert reference(_record("Title", EN4[:1], "en", **book, extra={})) == "SMITH A M. Title[M]. [S.l.: s.n.], 2020."
    # a chapter of a book written; a paper known by its meeting's name, a report and an
    # article have no imprint to write as unknown
    chapter = dict(book, type="chapter", journal={"en": "Handbook"}, pages="5-9",
                   extra={"publisher": ["Springer"]})
    assert "[M]//Handbook. [S.l.]: Springer, 2020: 5-9." in reference(_record("Part", EN4[:1], "en", **chapter))
    paper = dict(book, type="paper-conference", pages="2", extra={"event-title": "全国医院感染学术年会"})
    assert reference(_record("手卫生", zh, "zh", **paper)) == "胡婕伦. 手卫生[C]//全国医院感染学术年会. 2020: 2."
    assert reference(_record("报告", zh, "zh", **dict(book, type="report"), extra={})) == "胡婕伦. 报告[R]. 2020."
    assert "不详" not in reference(_record("题名", zh, "zh"))


def test_an_undated_item_is_listed_under_the_year_it_was_accessed_in_brackets():
    # the author-year system needs a year after the names (§10.2); a web page without one is
    # listed under the year accessed, in brackets as an estimated year is (§8.4.3.3 "[1936]")
    page = dict(type="webpage", journal={}, issue=None, pages=None, volume=None, year=None,
                url="http://home.calis.edu.cn/x", extra={"accessed": ["2025-06-21"]})
    org = [{"literal": "高等教育文献保障系统", "lang": "zh"}]
    recs = [_record("馆际互借与文献传递服务", org, "zh", **page), _record("文献传递", org, "zh", **page)]
    for i, rec in enumerate(recs):
        rec["id"] = str(i)
    assert _author_year(recs[:1]) == \
        ["高等教育文献保障系统, [2025]. 馆际互借与文献传递服务[EB/OL]. [2025-06-21]. http://home.calis.edu.cn/x."]
    assert [line.split(".")[0] for line in _author_year(recs)] == ["高等教育文献保障系统, [2025a]", "高等教育文献保障系统, [2025b]"]
    # the numeric list is as it was: the date accessed only
    assert reference(recs[0]) == "高等教育文献保障系统. 馆际互借与文献传递服务[EB/OL]. [2025-06-21]. http://home.calis.edu.cn/x."


def test_a_patent_without_inventors_is_listed_under_its_applicant():
    # 专利申请者或所有者 (§8.1.1): the assignee (extra.assignee) heads a patent's reference that
    # names no inventor, in the numeric list, the author-year list and its citation, not 佚名/Anon
    from indexer.export.gbt7714 import cited_names, listed_names
    patent = dict(type="patent", journal={}, issue=None, pages=None, volume=None, extra={"assignee": ["Acme Corp"]})
    rec = _record("Widget", [], "en", **patent)
    assert reference(rec) == "Acme Corp. Widget[P]. 2020."
    assert _author_year([rec]) == ["Acme Corp, 2020. Widget[P]. 2020."]
    assert listed_names(rec) == ["Acme Corp"] and cited_names(rec) == ("Acme Corp", False)
    zh = _record("一种管道连接装置", [], "zh", **dict(patent, extra={"assignee": ["扬中市旭禾管业制造有限公司"]}))
    assert reference(zh) == "扬中市旭禾管业制造有限公司. 一种管道连接装置[P]. 2020."
    # an inventor still heads it
    assert reference(_record("Widget", [{"family": "Doe", "given": "Jane", "lang": "en"}], "en", **patent)) == \
        "DOE J. Widget[P]. 2020."
