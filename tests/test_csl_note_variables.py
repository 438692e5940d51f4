"""The CSL variables of a CSL-JSON item's ``note`` (Zotero's "Extra": ``page: 288``, ``type:
periodical``, ``issued: 1865（清同治四年）``, ``original-title``/``original-author``), read by
every command: they had been applied only by a helper the tests called, so ``clean``,
``ingest`` and ``export --from`` printed a book without its pages cited, a periodical as a
book [M], and a reign-year date as its bare year.  Each test runs the CLI as a user does."""
from __future__ import annotations

import json
import re

from conftest import cleaned, needs_shared, run_cli

ITEMS = [
    {"id": "book", "type": "book", "language": "zh-CN", "title": "全唐五代诗格汇考", "author": [{"literal": "张伯伟"}],
     "publisher": "江苏古籍出版社", "publisher-place": "南京", "issued": {"date-parts": [["2002"]]},
     "note": "page: 288"},
    {"id": "reign", "type": "book", "language": "zh-CN", "title": "宋论", "author": [{"literal": "王夫之"}],
     "publisher": "湘乡曾国荃", "publisher-place": "金陵", "issued": {"date-parts": [["1865"]]},
     "note": "issued: 1865（清同治四年）"},
    {"id": "periodical", "type": "book", "language": "zh-CN", "title": "临床内科杂志", "volume": "1984，1（1）—",
     "author": [{"literal": "中华医学会湖北分会"}], "publisher": "中华医学会湖北分会", "publisher-place": "武汉",
     "issued": {"date-parts": [["1984"]]}, "note": "type: periodical\nissued: 1984/\ntex.entrytype: periodical"},
    {"id": "preface", "type": "book", "language": "zh-CN", "title": "冯友兰自选集", "author": [{"literal": "冯友兰"}],
     "publisher": "首都师范大学出版社", "publisher-place": "北京", "issued": {"date-parts": [["2008"]]},
     "note": "page: 第1版自序"},
    {"id": "bilingual", "type": "article-journal", "language": "zh-CN", "title": "黄河流域生态保护研究",
     "author": [{"literal": "张伟"}, {"literal": "李娜"}], "container-title": "地理学报",
     "issued": {"date-parts": [[2020]]}, "volume": "75", "issue": "1", "page": "1-12",
     "note": "original-title: Ecological protection of the Yellow River basin\noriginal-author: Zhang || Wei\n"
             "original-author: Li || Na\noriginal-container-title: Acta Geographica Sinica\n"
             "archive-place: 北京"},
]


def _file(tmp_path) -> str:
    path = tmp_path / "items.json"
    path.write_text(json.dumps(ITEMS, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_export_from_a_csl_file_applies_its_note_variables(tmp_path):
    result = run_cli("export", "-f", "gbt7714", "--from", _file(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:4] == [
        "[1] 张伯伟. 全唐五代诗格汇考[M]. 南京: 江苏古籍出版社, 2002: 288.",
        "[2] 王夫之. 宋论[M]. 金陵: 湘乡曾国荃, 1865（清同治四年）.",
        "[3] 中华医学会湖北分会. 临床内科杂志[J]. 1984，1（1）—. 武汉: 中华医学会湖北分会, 1984-.",
        "[4] 冯友兰. 冯友兰自选集[M]. 北京: 首都师范大学出版社, 2008: 第1版自序."]   # (第 kept: no page number)


def test_the_other_languages_title_journal_and_authors_of_a_note(tmp_path):
    rec = cleaned(_file(tmp_path))[4]
    assert rec["title"] == {"zh": "黄河流域生态保护研究", "en": "Ecological protection of the Yellow River basin"}
    assert rec["journal"] == {"zh": "地理学报", "en": "Acta Geographica Sinica"}
    # the authors in the other language: the Chinese authors' names in pinyin (alt), as NoteExpress's
    # and WoS's translated authors are
    assert [(a["literal"], a["alt"]["family"], a["alt"]["given"]) for a in rec["authors"]] == \
        [("张伟", "Zhang", "Wei"), ("李娜", "Li", "Na")]
    assert "translated_author" not in rec["extra"]
    assert rec["extra"]["csl"] == {"archive-place": "北京"}   # any other variable, kept
    both = run_cli("export", "-f", "gbt7714", "--lang", "both", "--from", _file(tmp_path)).stdout.splitlines()
    assert both[-2:] == ["[5] 张伟, 李娜. 黄河流域生态保护研究[J]. 地理学报, 2020, 75(1): 1-12.",
                         "    ZHANG Wei, LI Na. Ecological protection of the Yellow River basin[J]. "
                         "Acta Geographica Sinica, 2020, 75(1): 1-12."]


def test_the_standards_examples_through_the_cli():
    path = needs_shared("corpus", "citations", "gbt7714-data.json")
    result = run_cli("export", "-f", "gbt7714", "--from", str(path))
    lines = result.stdout.splitlines()
    assert len(lines) == 141
    assert "[1] 张伯伟. 全唐五代诗格汇考[M]. 南京: 江苏古籍出版社, 2002: 288." in lines
    assert "[4] 王夫之. 宋论[M]. 刻本. 金陵: 湘乡曾国荃, 1865（清同治四年）." in lines
    assert "[36] 中华医学会湖北分会. 临床内科杂志[J]. 1984，1（1）—. 武汉: 中华医学会湖北分会, 1984-." in lines
    # the pages cited of every book, thesis and map whose note names them (a range with a hyphen)
    items = json.loads(path.read_text(encoding="utf-8"))
    cited = {n: re.search(r"^page: (.+)$", item["note"], re.M).group(1).replace("–", "-")
             for n, item in enumerate(items) if re.search(r"^page: ", item.get("note") or "", re.M)}
    assert len(cited) == 25
    assert all(f": {page}" in lines[n] for n, page in cited.items()), [lines[n] for n in cited]
