"""Export: RIS's reference type (``TY``) and BibLaTeX's entry type for the CSL types the RIS
specification (2011) and biblatex name, and read back as the type written.

A periodical, pamphlet, encyclopedia or dictionary entry, broadcast, hearing, blog post and
song were all RIS ``GEN``, read back as a ``document``; BibLaTeX wrote the periodical and the
entries as ``@misc``.  The codes are the specification's (and Zotero's RIS translator's): JFULL
(journal, full), PAMP, ENCYC, DICT, MPCT (a film or broadcast: a broadcast's M3 says so),
HEAR, BLOG, MUSIC (EndNote's Music, Zotero's audio recording)."""
from __future__ import annotations

import json

import pytest

from conftest import read_back, rendered, run_cli
from conftest import records_of as _records

RIS_CODES = {"periodical": "JFULL", "pamphlet": "PAMP", "entry-encyclopedia": "ENCYC", "entry-dictionary": "DICT",
             "broadcast": "MPCT", "hearing": "HEAR", "post-weblog": "BLOG", "song": "MUSIC"}


@pytest.fixture
def typed(tmp_path) -> list[dict]:
    """One cleaned record of each type, and a film (MPCT too), from CSL-JSON as the QA report gave them."""
    kinds = [*RIS_CODES, "motion_picture"]
    items = [{"id": f"t{i}", "type": kind, "title": f"Title of a {kind}", "author": [{"family": "Doe", "given": "Jane"}],
              "container-title": "Container" if kind.startswith("entry") or kind == "post-weblog" else None,
              "issued": {"date-parts": [[2020]]}} for i, kind in enumerate(kinds)]
    src = tmp_path / "types.json"
    src.write_text(json.dumps([{k: v for k, v in i.items() if v} for i in items]), encoding="utf-8")
    records = _records(src)
    assert [r["type"] for r in records] == kinds
    return records


def test_ris_writes_each_type_its_code_and_reads_it_back(typed, tmp_path):
    text = rendered(typed, "ris")
    assert [l[6:] for l in text.splitlines() if l.startswith("TY  - ")] == [*RIS_CODES.values(), "MPCT"]
    back = read_back(text, "ris", tmp_path)
    assert [r["type"] for r in back] == [r["type"] for r in typed]
    # a reference work's and a blog's name is T2 (Zotero's encyclopediaTitle, blogTitle), read back as the container
    assert {r["type"]: r.get("journal") for r in back if r.get("journal")} == \
        {k: {"en": "Container"} for k in ("entry-encyclopedia", "entry-dictionary", "post-weblog")}


def test_ris_round_trip_through_clean_json(typed, tmp_path):
    """As a user checks it: export RIS, ``clean --json`` the file, compare the types."""
    src = tmp_path / "typed.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in typed), encoding="utf-8")
    out = tmp_path / "typed.ris"
    result = run_cli("export", "--from", str(src), "-f", "ris", "-o", str(out))
    assert result.returncode == 0, result.stderr
    result = run_cli("clean", str(out), "--json")
    assert result.returncode == 0, result.stderr
    assert [json.loads(l)["type"] for l in result.stdout.splitlines() if l.strip()] == [r["type"] for r in typed]


def test_ris_reader_reads_the_specifications_codes(tmp_path):
    """Files other tools wrote: a whole journal (JFULL), a hearing, EndNote's Music; an MPCT is a
    film unless its M3 says broadcast."""
    path = tmp_path / "others.ris"
    records = [("JFULL", "JF  - Journal Title"), ("HEAR", "TI  - A hearing"), ("MUSIC", "TI  - A song"),
               ("MPCT", "TI  - A film"), ("MPCT", "TI  - A programme\nM3  - Television broadcast"),
               ("ENCYC", "TI  - An entry"), ("BLOG", "TI  - A post"), ("PAMP", "TI  - A pamphlet")]
    path.write_text("".join(f"TY  - {ty}\n{body}\nPY  - 2020\nER  - \n\n" for ty, body in records), encoding="utf-8")
    assert [r["type"] for r in _records(path)] == ["periodical", "hearing", "song", "motion_picture", "broadcast",
                                                 "entry-encyclopedia", "post-weblog", "pamphlet"]


def test_biblatex_entry_types(typed):
    text = rendered(typed, "biblatex")
    kinds = [l[1:l.index("{")] for l in text.splitlines() if l.startswith("@")]
    assert dict(zip(RIS_CODES, kinds)) == {
        "periodical": "periodical", "pamphlet": "booklet", "entry-encyclopedia": "inreference",
        "entry-dictionary": "inreference", "broadcast": "misc", "hearing": "misc", "post-weblog": "misc", "song": "misc"}
    # @inreference is an article in a work of reference: the work is its booktitle, as @incollection's
    entries = text.split("\n\n")
    assert all("booktitle = {Container}" in e for e in entries if e.startswith("@inreference"))
    assert "booktitle" not in rendered(typed, "bibtex")   # BibTeX's @misc keeps its journal


def test_biblatex_types_come_back_as_written(typed, tmp_path):
    """BibLaTeX's @periodical and @inreference were read back as a document (the reader knew
    neither); an entry's work of reference is its entrysubtype, which biblatex does not tell."""
    text = rendered(typed, "biblatex")
    back = {r["title"]["en"]: r["type"] for r in read_back(text, "biblatex", tmp_path)}
    kinds = ("periodical", "entry-encyclopedia", "entry-dictionary")
    assert [back[f"Title of a {kind}"] for kind in kinds] == list(kinds)
    entries = [e for e in text.split("\n\n") if e.startswith("@inreference")]
    assert ["entrysubtype = {encyclopedia}" in entries[0], "entrysubtype = {dictionary}" in entries[1]] == [True, True]
    # another tool's @inreference, no subtype: CSL's entry (in a work of reference, its booktitle)
    path = tmp_path / "other.bib"
    path.write_text("@inreference{k, title = {Rhizome}, author = {Doe, Jane}, booktitle = {Oxford Dictionary of "
                    "Botany}, editor = {Allaby, Michael}, date = {2019}}\n", encoding="utf-8")
    (rec,) = _records(path)
    assert (rec["type"], rec["journal"]) == ("entry", {"en": "Oxford Dictionary of Botany"})


def test_a_speech_an_interview_and_an_entry_have_zoteros_codes(tmp_path):
    """A speech, an interview and a (yearbook's) entry were RIS ``GEN``, read back as a document.
    Zotero's RIS translator writes its presentation SLIDE (its meeting T2) and its interview PCOMM
    (a letter's code: our M3 "Interview" tells it from one, as a broadcast's MPCT is told from a
    film's); an entry is the specification's ENCYC, its work T2.  A review has no code (GEN)."""
    items = [{"id": "s", "type": "speech", "title": "A talk", "container-title": "Annual Meeting"},
             {"id": "i", "type": "interview", "title": "An interview"},
             {"id": "e", "type": "entry", "title": "一篇条目", "container-title": "中国卫生年鉴"},
             {"id": "r", "type": "review", "title": "A review", "container-title": "Journal"}]
    src = tmp_path / "items.json"
    src.write_text(json.dumps([{**i, "author": [{"family": "Doe", "given": "Jane"}], "issued": {"date-parts": [[2020]]}}
                               for i in items]), encoding="utf-8")
    text = rendered(_records(src), "ris")
    records = text.split("ER  - ")
    assert [l[6:] for l in text.splitlines() if l.startswith("TY  - ")] == ["SLIDE", "PCOMM", "ENCYC", "GEN"]
    assert "T2  - Annual Meeting" in records[0] and "M3  - Interview" in records[1] and "T2  - 中国卫生年鉴" in records[2]
    back = read_back(text, "ris", tmp_path)
    assert [r["type"] for r in back] == ["speech", "interview", "entry-encyclopedia", "document"]
    assert [r["journal"] for r in back if r["type"] != "interview"] == [
        {"en": "Annual Meeting"}, {"zh": "中国卫生年鉴"}, {"en": "Journal"}]
    # other tools' files: Zotero's presentation; a PCOMM is a letter unless its M3 says interview
    path = tmp_path / "others.ris"
    path.write_text("TY  - SLIDE\nTI  - Keynote\nPY  - 2021\nER  - \n\nTY  - PCOMM\nTI  - A letter\nPY  - 2021\nER  - \n\n"
                    "TY  - PCOMM\nTI  - Talking\nM3  - Telephone interview\nPY  - 2021\nER  - \n", encoding="utf-8")
    assert [r["type"] for r in _records(path)] == ["speech", "personal_communication", "interview"]
