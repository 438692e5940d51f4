"""A cluster merged by ``dedup --apply`` keeps its master when an update brings a fuller copy
of the paper: the master's id is the one screened and its citation key the one cited.  Records
written here, a real ingest into a temp index, the CLI as a user runs it."""
from __future__ import annotations

import re

from conftest import dedup_json, ingested_ris, run_cli

PUBMED = """TY  - JOUR
AU  - Li, Wei
AU  - Chen, Min
TI  - Acupuncture for chronic low back pain: a randomized clinical trial
PY  - 2024
T2  - JAMA Network Open
VL  - 7
SP  - e2430001
DO  - 10.1001/jamanetworkopen.2024.30001
ER  - 
"""
SCOPUS = PUBMED.replace("ER  - ", "IS  - 9\nAB  - Acupuncture reduced pain at 12 weeks.\nER  - ")
FULLER = SCOPUS.replace("ER  - ", "KW  - acupuncture\nKW  - low back pain\nSN  - 2574-3805\nER  - ")


def _update(tmp_path, idx, text: str = FULLER) -> None:
    """A third database's copy (fuller, by default) added to the folder and ingested again."""
    (tmp_path / "in" / "update.ris").write_text(text, encoding="utf-8")
    assert run_cli("ingest", "-q", str(tmp_path / "in"), "--index", str(idx)).returncode == 0


def _exported(idx) -> tuple[list[str], list[str]]:
    out = run_cli("export", "--index", str(idx), "-f", "bibtex").stdout
    ris = run_cli("export", "--index", str(idx), "-f", "ris").stdout
    return re.findall(r"^@\w+\{([^,]+),", out, re.M), re.findall(r"^ID  - (\S+)", ris, re.M)


def test_an_update_with_a_fuller_copy_keeps_the_master_and_its_key(tmp_path):
    idx = ingested_ris(tmp_path, pubmed=PUBMED, scopus=SCOPUS)
    assert run_cli("dedup", "--apply", "--index", str(idx)).returncode == 0
    keys, ids = _exported(idx)
    assert len(keys) == len(ids) == 1
    # the update: a third database's copy, fuller than the master; the ingest merges again
    _update(tmp_path, idx)
    assert _exported(idx) == (keys, ids)
    assert run_cli("dedup", "--apply", "--index", str(idx)).returncode == 0
    assert _exported(idx) == (keys, ids)


def _ris_ids(idx) -> list[str]:
    return re.findall(r"^ID  - (\S+)", run_cli("export", "--index", str(idx), "-f", "ris").stdout, re.M)


def test_the_first_apply_shows_a_fuller_copy_never_exported_with_the_key_cited(tmp_path):
    # two copies exported (keys made and kept: cited), then a fuller copy never exported; the
    # first --apply makes it the master: it is shown with the key its paper was cited by
    idx = ingested_ris(tmp_path, pubmed=PUBMED, scopus=SCOPUS)
    before, ids = _exported(idx)
    assert before == ["li2024acupuncture", "li2024acupunctureb"]
    _update(tmp_path, idx)
    assert run_cli("dedup", "--apply", "--index", str(idx)).returncode == 0
    keys, master = _exported(idx)
    assert keys == ["li2024acupuncture"] and master[0] not in ids   # (the master's id: the fuller copy's)
    assert _exported(idx) == (keys, master)   # and kept so: no key of its own made and switched to
    # undone, each copy has its own key again: the cited ones theirs, the fuller copy one made now
    assert run_cli("dedup", "--undo", "--index", str(idx)).returncode == 0
    out = run_cli("export", "--index", str(idx), "-f", "bibtex").stdout
    assert re.findall(r"^@\w+\{([^,]+),", out, re.M) == [*before, "li2024acupuncturec"]
    assert _ris_ids(idx) == [*ids, *master]


def test_a_master_keeps_the_key_cited_after_an_undo_and_apply_again(tmp_path):
    # as above; undone and exported, the fuller copy has a key made of its own (…c); applied
    # again, the master is shown with the key cited for it since the first --apply, not that one
    idx = ingested_ris(tmp_path, pubmed=PUBMED, scopus=SCOPUS)
    before, _ids = _exported(idx)
    _update(tmp_path, idx)
    assert run_cli("dedup", "--apply", "--index", str(idx)).returncode == 0
    cited, master = _exported(idx)
    assert cited == ["li2024acupuncture"]
    assert run_cli("dedup", "--undo", "--index", str(idx)).returncode == 0
    assert _exported(idx)[0] == [*before, "li2024acupuncturec"]
    assert run_cli("dedup", "--apply", "--index", str(idx)).returncode == 0
    assert _exported(idx) == (cited, master)
    assert run_cli("dedup", "--undo", "--index", str(idx)).returncode == 0   # (and its own key again)
    assert _exported(idx)[0] == [*before, "li2024acupuncturec"]


def test_export_masters_before_any_apply_writes_the_key_cited_as_apply_does(tmp_path):
    # two copies exported (keys made: cited), a fuller copy never exported: `export --masters`
    # without `dedup --apply` shows that master as --apply will, with the key its paper was cited by
    idx = ingested_ris(tmp_path, pubmed=PUBMED, scopus=SCOPUS)
    assert _exported(idx)[0] == ["li2024acupuncture", "li2024acupunctureb"]
    _update(tmp_path, idx)
    out = run_cli("export", "--masters", "--index", str(idx), "-f", "bibtex").stdout
    assert re.findall(r"^@\w+\{([^,]+),", out, re.M) == ["li2024acupuncture"]
    assert run_cli("dedup", "--apply", "--index", str(idx)).returncode == 0   # (no key of its own kept meanwhile)
    assert _exported(idx)[0] == ["li2024acupuncture"]


def test_a_master_takes_a_duplicates_key_made_for_another_year(tmp_path):
    # a copy dated online (2023) exported, merged into a fuller 2024 copy: an export of 2024 alone
    # reads no 2023 record, and the master still has the key made for its paper
    idx = ingested_ris(tmp_path, pubmed=PUBMED.replace("PY  - 2024", "PY  - 2023"))
    assert _exported(idx)[0] == ["li2023acupuncture"]
    _update(tmp_path, idx)
    assert run_cli("dedup", "--apply", "--index", str(idx)).returncode == 0
    assert dedup_json(idx)["clusters"][0]["master"] == _ris_ids(idx)[0]   # (the 2024 copy)
    assert _exported(idx)[0] == ["li2023acupuncture"]


def test_a_master_takes_the_key_a_duplicate_came_with(tmp_path):
    # the user's BibTeX entry, keyed LiAcu, merged into a fuller copy from Scopus
    folder, idx = tmp_path / "in", tmp_path / "idx"
    folder.mkdir()
    (folder / "mine.bib").write_text(
        "@article{LiAcu,\n  title = {Acupuncture for chronic low back pain: a randomized clinical trial},\n"
        "  author = {Li, Wei and Chen, Min},\n  year = {2024},\n  journal = {JAMA Network Open},\n"
        "  doi = {10.1001/jamanetworkopen.2024.30001}}\n", encoding="utf-8")
    (folder / "scopus.ris").write_text(FULLER, encoding="utf-8")
    assert run_cli("ingest", "-q", str(folder), "--index", str(idx)).returncode == 0
    assert run_cli("dedup", "--apply", "--index", str(idx)).returncode == 0
    cluster = dedup_json(idx)["clusters"][0]
    assert cluster["master"] == cluster["records"][1]["id"]   # (the Scopus copy, the fuller)
    assert _exported(idx) == (["LiAcu"], [cluster["master"]])


OTHER = """TY  - JOUR
AU  - Garcia, Maria
TI  - Mindfulness training for nurses: a cluster randomised trial
PY  - 2023
T2  - BMJ Open
ID  - OTHER
ER  - 
"""
OTHER_FULL = OTHER.replace("ID  - OTHER", "ID  - OTHER FULL\nVL  - 13\nSP  - e070001\nAB  - Burnout fell.\n"
                           "DO  - 10.1136/bmjopen-2023-070001")


def test_the_paper_a_file_gains_at_a_masters_place_is_not_that_master(tmp_path):
    from conftest import source_ids

    folder, idx = tmp_path / "in", tmp_path / "idx"
    folder.mkdir()
    (folder / "pubmed.ris").write_text(PUBMED.replace("ER  - ", "ID  - PUBMED\nER  - ") + "\n" + OTHER_FULL,
                                       encoding="utf-8")
    (folder / "scopus.ris").write_text(SCOPUS.replace("ER  - ", "ID  - SCOPUS\nER  - "), encoding="utf-8")
    assert run_cli("ingest", "-q", str(folder), "--index", str(idx)).returncode == 0
    assert run_cli("dedup", "--apply", "--index", str(idx)).returncode == 0
    # Scopus's export re-run: a new hit at its top takes the master's place (its id); the fuller
    # PubMed record of that paper is its cluster's master, as any cluster's most complete
    (folder / "scopus.ris").write_text(OTHER + "\n" + SCOPUS.replace("ER  - ", "ID  - SCOPUS\nER  - "),
                                       encoding="utf-8")
    assert run_cli("ingest", "-q", str(folder), "--index", str(idx)).returncode == 0
    name = source_ids(idx)
    masters = sorted(name[c["master"]] for c in dedup_json(idx)["clusters"])
    assert masters == ["OTHER FULL", "SCOPUS"]
