"""Export with ``--lang``: a record written in the language asked for names its authors in it.

Wanfang's NoteExpress export gives each Chinese author's English name beside the Chinese one
(``{A}:江文杰`` and ``JIANG Wenjie``), kept as the author's ``alt``.  GB/T 7714 with ``--lang
en`` wrote ``JIANG Wenjie``; BibTeX, BibLaTeX, RIS, EndNote, CSL-JSON and CSV wrote 江文杰
under the English title (and ``language = {english}``).  Expectations come from the cleaned
record's ``alt`` names, not from what a writer wrote."""
from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import needs_shared, read_back, rendered, run_cli
from conftest import records_of as _records

FORMATS = ("bibtex", "biblatex", "ris", "endnote", "csl-json", "csv")
JIANG = {"literal": "江文杰", "lang": "zh", "alt": {"family": "JIANG", "given": "Wenjie", "lang": "en"}}
HAN = {"literal": "韩超", "lang": "zh", "alt": {"family": "HAN", "given": "Chao", "lang": "en"}}


def _record(authors: list[dict]) -> dict:
    return {"id": "r1", "source": {"path": "x.net", "format": "noteexpress", "record": 1}, "type": "article-journal",
            "language": "zh", "title": {"zh": "超声引导下前锯肌平面阻滞", "en": "Ultrasound-guided serratus plane block"},
            "authors": authors, "year": 2020}


def _names(text: str, fmt: str) -> list[str]:
    """The authors as ``fmt`` wrote them, one by one."""
    if fmt in ("bibtex", "biblatex"):
        line = next(l for l in text.splitlines() if l.strip().startswith("author = "))
        return line.strip()[len("author = {"):-2].split(" and ")
    if fmt == "ris":
        return [l[6:] for l in text.splitlines() if l.startswith("AU  - ")]
    if fmt == "endnote":
        return [l[3:] for l in text.splitlines() if l.startswith("%A ")]
    if fmt == "csl-json":
        return [a.get("literal") or f"{a['family']}, {a['given']}" for a in json.loads(text)[0]["author"]]
    return next(csv.DictReader(io.StringIO(text)))["authors"].split("; ")


@pytest.mark.parametrize("fmt", FORMATS)
def test_lang_en_writes_the_english_names_of_chinese_authors(fmt):
    rec = _record([JIANG, HAN])
    assert _names(rendered([rec], fmt, "en"), fmt) == ["JIANG, Wenjie", "HAN, Chao"]
    # the default, and --lang zh, write the names as the record has them
    chinese = ["{江文杰}", "{韩超}"] if fmt in ("bibtex", "biblatex") else ["江文杰", "韩超"]
    assert _names(rendered([rec], fmt), fmt) == chinese
    assert _names(rendered([rec], fmt, "zh"), fmt) == chinese


@pytest.mark.parametrize("fmt", FORMATS)
def test_names_stay_as_written_unless_every_author_has_one_in_the_language(fmt):
    chinese = ["{江文杰}", "{韩超}"] if fmt in ("bibtex", "biblatex") else ["江文杰", "韩超"]
    no_alt = {"literal": "韩超", "lang": "zh"}
    assert _names(rendered([_record([JIANG, no_alt])], fmt, "en"), fmt) == chinese
    # a record with no English title is written in Chinese: its names too
    rec = {**_record([JIANG, HAN]), "title": {"zh": "超声引导下前锯肌平面阻滞"}}
    assert _names(rendered([rec], fmt, "en"), fmt) == chinese
    # an author already written in English needs no other name
    smith = {"family": "Smith", "given": "Jane", "lang": "en"}
    assert _names(rendered([_record([JIANG, smith])], fmt, "en"), fmt) == ["JIANG, Wenjie", "Smith, Jane"]


def test_wanfang_records_with_lang_en_name_their_authors_in_english(tmp_path):
    """The QA report's file: each record GB/T 7714 lists with English names is written with
    them in BibTeX (and read back so), the others as they were."""
    path = needs_shared("corpus", "formats", "wanfang-noteexpress", "wanfang-demo.net")
    records = _records(path)
    english = [r for r in records if "en" in r["title"] and all((a.get("alt") or {}).get("lang") == "en"
                                                                for a in r["authors"])]
    assert english and len(english) < len(records)
    result = run_cli("export", "--from", str(path), "-f", "bibtex", "--lang", "en")
    assert result.returncode == 0, result.stderr
    back = {r["title"].get("en") or r["title"].get("zh"): r for r in read_back(result.stdout, "bibtex", tmp_path)}
    for rec in english:
        written = back[rec["title"]["en"]]["authors"]
        assert [(a.get("family"), a.get("given")) for a in written] == \
            [(a["alt"]["family"], a["alt"]["given"]) for a in rec["authors"]]
    for rec in records:
        if rec not in english:
            title = rec["title"].get("en") or rec["title"]["zh"]
            assert [a.get("literal") for a in back[title]["authors"]] == [a.get("literal") for a in rec["authors"]]
