"""A real whoosh index in a temp dir: ingest, search in both languages, re-ingest."""
from __future__ import annotations

import json
import shutil

import pytest

from conftest import DATA, ROOT, jsonl, run_cli


@pytest.fixture()
def index(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "samples", corpus)
    shutil.copy(DATA / "pages" / "wanfang-structured-funding.txt", corpus)
    idx = tmp_path / "idx"
    result = run_cli("ingest", "--json", str(corpus), "--index", str(idx))
    assert result.returncode == 0, result.stderr
    return corpus, idx, json.loads(result.stdout)


def _search(idx, query, *extra):
    result = run_cli("search", "--json", query, "--index", str(idx), *extra)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _indexed(tmp_path, ris_text: str):
    """An index of one RIS file holding ``ris_text``."""
    ris = tmp_path / "records.ris"
    ris.write_text(ris_text, encoding="utf-8")
    idx = tmp_path / "idx"
    assert run_cli("ingest", "-q", str(ris), "--index", str(idx)).returncode == 0
    return idx


def _paths(result):
    return sorted(h["source"]["path"].rsplit("/", 1)[-1] for h in result["hits"])


def test_ingest_summary_counts_every_record(index):
    corpus, _idx, summary = index
    n = len([p for p in corpus.iterdir() if p.suffix == ".txt"])
    assert (summary["read"], summary["added"], summary["failed"]) == (n, n, 0)


def test_chinese_substring_of_any_length(index):
    _, idx, _ = index
    assert _paths(_search(idx, "脊柱转移")) == ["cnki-spinal-metastasis-zh.txt"]
    assert "cnki-spinal-metastasis-zh.txt" in _paths(_search(idx, "瘤"))  # one character
    assert _paths(_search(idx, "腰痛")) == ["wanfang-structured-funding.txt"]


def test_english_words_are_stemmed_and_latin_plurals_meet(index):
    _, idx, _ = index
    assert _paths(_search(idx, "spinal metastasis")) == ["cnki-spinal-metastasis-zh.txt",
                                                          "vip-spinal-metastasis-en.txt"]
    assert _paths(_search(idx, "metastases")) == _paths(_search(idx, "metastasis"))


def test_phrases_in_both_languages(index):
    _, idx, _ = index
    assert _paths(_search(idx, '"posterior decompression"')) == ["vip-spinal-metastasis-en.txt"]
    assert _paths(_search(idx, '"decompression posterior"')) == []
    assert _paths(_search(idx, '"针刺治疗"')) == ["wanfang-structured-funding.txt"]
    assert _paths(_search(idx, '"治疗针刺"')) == []


def test_grant_number_and_funder_are_searchable(index):
    _, idx, _ = index
    assert _paths(_search(idx, "81973001")) == ["wanfang-structured-funding.txt"]
    # copied from a paper with its label, which the cleaned record no longer holds
    for query in ("No.81973001", "NO：81973001", "no.81973001 针刺",
                  "No. 81973001", "award:No.81973001", "award:NO：81973001", "award:No. 81973001"):  # label apart, award:
        assert _paths(_search(idx, query)) == ["wanfang-structured-funding.txt"], query
    assert _paths(_search(idx, "No.81973009")) == []
    # A funder without a prefix, from the Chinese table and from whoosh (lang: is not in the table)
    assert _paths(_search(idx, "中央高校")) == ["wanfang-structured-funding.txt"]
    assert _paths(_search(idx, "中央高校 lang:zh")) == ["wanfang-structured-funding.txt"]
    assert _paths(_search(idx, "title:中央高校")) == []


def test_json_hits_carry_source_title_year(index):
    _, idx, _ = index
    result = _search(idx, "脊柱转移")
    assert result["total"] == 1
    hit = result["hits"][0]
    assert set(hit) >= {"id", "score", "source", "title", "year"}
    assert hit["title"]["zh"] == "原发灶不明脊柱转移瘤的外科治疗体会" and hit["year"] == 2020


def test_reingest_adds_nothing_and_a_changed_record_replaces_the_old(index):
    corpus, idx, _ = index
    again = json.loads(run_cli("ingest", "--json", str(corpus), "--index", str(idx)).stdout)
    assert (again["added"], again["updated"], again["unchanged"]) == (0, 0, again["read"])
    page = corpus / "wanfang-structured-funding.txt"
    page.write_text(page.read_text(encoding="utf-8").replace("慢性腰痛", "慢性颈痛"), encoding="utf-8")
    changed = json.loads(run_cli("ingest", "--json", str(corpus), "--index", str(idx)).stdout)
    assert (changed["added"], changed["updated"]) == (0, 1)
    assert _paths(_search(idx, "腰痛")) == []
    assert _paths(_search(idx, "颈痛")) == ["wanfang-structured-funding.txt"]


def test_search_without_an_index_says_what_to_do(tmp_path):
    result = run_cli("search", "x", "--index", str(tmp_path / "none"))
    assert result.returncode == 2
    assert "ingest" in result.stderr


def test_stats_counts_every_record_and_names_the_unknown(index):
    corpus, idx, summary = index
    stats = json.loads(run_cli("stats", "--json", "--index", str(idx)).stdout)
    records = jsonl(run_cli("clean", "--json", "-q", str(corpus)).stdout)
    no_year = sum(1 for r in records if not r.get("year"))
    assert no_year  # a sample page gives no year
    assert stats["records"] == summary["read"] == sum(stats["by_year"].values())
    assert list(stats["by_year"].items())[-1] == ("unknown", no_year)
    years = [int(y) for y in stats["by_year"] if y != "unknown"]
    assert years == sorted(years)


RIS3 = "".join(f"TY  - JOUR\nTI  - {t}\nPY  - 2020\nER  - \n\n" for t in ("Alpha marrow", "Beta marrow", "Gamma marrow"))


@pytest.mark.parametrize("workers", [1, 2])
def test_records_a_file_no_longer_holds_are_removed(tmp_path, workers):
    from indexer.index.ingest import ingest

    path, idx = tmp_path / "refs.ris", str(tmp_path / "idx")
    path.write_text(RIS3, encoding="utf-8")
    assert ingest([str(path)], idx, quiet=True, workers=workers).added == 3
    # the first record deleted from the file: the others move up one place
    path.write_text(RIS3.split("\n\n", 1)[1], encoding="utf-8")
    summary = ingest([str(path)], idx, quiet=True, workers=workers)
    assert (summary.read, summary.updated, summary.removed) == (2, 2, 1)
    titles = sorted(h["title"]["en"] for h in _search(idx, "marrow")["hits"])
    assert titles == ["Beta marrow", "Gamma marrow"]
    assert json.loads(run_cli("stats", "--json", "--index", idx).stdout)["records"] == 2


def test_a_file_read_with_a_failure_keeps_its_stored_records(tmp_path):
    from indexer.index.ingest import ingest

    path, idx = tmp_path / "refs.ris", str(tmp_path / "idx")
    path.write_text(RIS3, encoding="utf-8")
    ingest([str(path)], idx, quiet=True)
    # now the second record has lost its title and the third is gone: what the file holds is
    # not certain, so nothing stored is removed
    path.write_text(RIS3.split("\n\n", 1)[0] + "\n\nTY  - JOUR\nPY  - 2020\nER  - \n", encoding="utf-8")
    summary = ingest([str(path)], idx, quiet=True)
    assert summary.failures and summary.removed == 0
    assert len(_search(idx, "marrow")["hits"]) == 3


def test_a_file_cut_inside_a_record_keeps_what_an_earlier_ingest_read(tmp_path):
    from indexer.index.ingest import ingest

    path, idx = tmp_path / "refs.ris", str(tmp_path / "idx")
    whole = RIS3.replace("PY  - 2020", "AB  - The whole abstract of this paper.\nPY  - 2020")
    path.write_text(whole, encoding="utf-8")
    ingest([str(path)], idx, quiet=True)
    # a download cut short inside the second record's abstract: no ER after it, no third record
    path.write_text(whole[:whole.index("whole abstract", whole.index("Beta"))], encoding="utf-8")
    result = run_cli("clean", "--json", str(path))
    cut = jsonl(result.stdout)[1]
    assert result.returncode == 0 and cut["abstract"] == {"en": "The"}
    assert cut["issues"] == [f"{path}:7: the file ends inside this record (no ER after it): the export may be cut short"]
    summary = ingest([str(path)], idx, quiet=True)
    assert (summary.read, summary.unchanged, summary.updated, summary.removed) == (2, 2, 0, 0)
    assert summary.warnings == [cut["issues"][0] + "; the index keeps this record as an earlier ingest read it, "
                                                   "and the records after it"]
    assert len(_search(idx, '"whole abstract"')["hits"]) == 3
    result = run_cli("ingest", "--index", idx, str(path))
    assert result.returncode == 0 and "Warning: " + summary.warnings[0] in result.stderr
    # a file that ends with its ER is read as whole
    path.write_text(RIS3.split("\n\n", 1)[1], encoding="utf-8")
    assert not any(r["issues"] for r in jsonl(run_cli("clean", "--json", str(path)).stdout))
    assert ingest([str(path)], idx, quiet=True).removed == 1



NOTEEXPRESS3 = "".join(f"{{Reference Type}}: Journal Article\n{{Title}}: {title}\n{{Author}}: 王伟\n{{Year}}: 2020\n"
                       f"{{Pages}}: 91-98\n{{Database Provider}}: CNKI\n\n"
                       for title in ("骨髓移植的疗效", "骨髓瘤的治疗", "骨髓纤维化研究"))


@pytest.mark.parametrize("name, whole, cut_after", [
    ("refs.net", NOTEEXPRESS3, "{Pages}: 9"),
    ("refs.nbib", "".join(f"PMID- {n}\nTI  - Marrow study {n}\nAD  - Department of Haematology, Peking "
                          f"University\nSO  - Blood. 2020;{n}:1-9.\n\n" for n in (101, 102, 103)), "AD  - Department of Haem"),
])
def test_a_file_without_end_tags_cut_inside_a_record_keeps_what_an_earlier_ingest_read(tmp_path, name, whole, cut_after):
    # NoteExpress and MEDLINE have no end tag: cut short mid-line, the records after the cut
    # had been removed from the index, without a word.
    from indexer.index.ingest import ingest

    path, idx = tmp_path / name, str(tmp_path / "idx")
    path.write_text(whole, encoding="utf-8")
    assert ingest([str(path)], idx, quiet=True).added == 3
    at = whole.index(cut_after, whole.index("\n\n") + 2) + len(cut_after)
    path.write_text(whole[:at], encoding="utf-8")
    summary = ingest([str(path)], idx, quiet=True)
    assert (summary.read, summary.removed) == (2, 0) and len(summary.warnings) == 1
    assert "the file ends inside this record (its last line has no line end" in summary.warnings[0]
    # ended as the others end, without a final line end (as many exports end): whole
    path.write_text(whole[:whole.index("\n\n", whole.index("\n\n") + 2)], encoding="utf-8")
    assert not any(r["issues"] for r in jsonl(run_cli("clean", "--json", str(path)).stdout))
    assert ingest([str(path)], idx, quiet=True).removed == 1

def test_prune_removes_the_records_of_files_deleted_from_a_folder(tmp_path, monkeypatch):
    from indexer.index.ingest import ingest

    folder, elsewhere, idx = tmp_path / "exports", tmp_path / "other.ris", str(tmp_path / "idx")
    (folder / "sub").mkdir(parents=True)
    (folder / "kept.ris").write_text("TY  - JOUR\nTI  - Kept marrow\nER  - \n", encoding="utf-8")
    (folder / "sub" / "gone.ris").write_text("TY  - JOUR\nTI  - Gone marrow\nER  - \n", encoding="utf-8")
    elsewhere.write_text("TY  - JOUR\nTI  - Elsewhere marrow\nER  - \n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert ingest(["exports", str(elsewhere)], idx, quiet=True).added == 3   # a relative path, as users type
    (folder / "sub" / "gone.ris").unlink()
    elsewhere.unlink()
    assert ingest(["exports"], idx, quiet=True).removed == 0                  # only with prune
    monkeypatch.chdir(folder)   # another directory: "exports/sub/gone.ris" is known by its absolute path
    assert ingest([str(folder)], idx, quiet=True, prune=True).removed == 1
    monkeypatch.chdir(tmp_path)
    assert ingest(["exports"], idx, quiet=True, prune=True).removed == 0
    titles = sorted(h["title"]["en"] for h in _search(idx, "marrow")["hits"])
    assert titles == ["Elsewhere marrow", "Kept marrow"]   # a file outside the folder is not pruned


def test_prune_a_folder_that_was_moved_away(tmp_path):
    from indexer.index.ingest import ingest

    old, new, idx = tmp_path / "old", tmp_path / "new", str(tmp_path / "idx")
    old.mkdir()
    (old / "a.ris").write_text("TY  - JOUR\nTI  - Moved marrow\nER  - \n", encoding="utf-8")
    ingest([str(old)], idx, quiet=True)
    old.rename(new)
    assert ingest([str(new)], idx, quiet=True).added == 1        # new ids: the path is part of them
    assert ingest([str(old)], idx, quiet=True, prune=True).removed == 1
    assert [h["source"]["path"] for h in _search(idx, "marrow")["hits"]] == [str(new / "a.ris")]
    with pytest.raises(FileNotFoundError):                           # a typo stays an error
        ingest([str(tmp_path / "typo")], idx, quiet=True, prune=True)


def test_records_of_files_that_are_gone_are_named_with_the_command_that_prunes_them(tmp_path):
    old, new, idx = tmp_path / "old", tmp_path / "new", tmp_path / "idx"
    (old / "sub").mkdir(parents=True)
    (old / "a.ris").write_text("TY  - JOUR\nTI  - Moved marrow\nER  - \n", encoding="utf-8")
    (old / "sub" / "b.ris").write_text("TY  - JOUR\nTI  - Moved blood\nER  - \n"
                                       "TY  - JOUR\nTI  - Moved bone\nER  - \n", encoding="utf-8")
    assert run_cli("ingest", str(old), "--index", str(idx)).returncode == 0
    old.rename(new)
    moved = run_cli("ingest", str(new), "--index", str(idx))
    assert moved.returncode == 0, moved.stderr
    # the folder that is gone is named once, not each of its files
    assert "3 record(s) in the index come from 2 file(s) that no longer exist" in moved.stderr
    assert f"python cli.py ingest --prune {old} --index {idx}" in moved.stderr
    stats = json.loads(run_cli("stats", "--json", "--index", str(idx)).stdout)
    assert stats["missing_files"] == {str(old / "a.ris"): 1, str(old / "sub" / "b.ris"): 2}
    assert f"ingest --prune {old} " in run_cli("stats", "--index", str(idx)).stdout
    pruned = json.loads(run_cli("ingest", "--json", "--prune", str(old), "--index", str(idx)).stdout)
    assert (pruned["removed"], pruned["missing_files"]) == (3, {})
    assert "no longer exist" not in run_cli("stats", "--index", str(idx)).stdout


def test_prune_a_deleted_file_named_itself(tmp_path):
    from indexer.index.ingest import ingest

    folder, idx = tmp_path / "exports", str(tmp_path / "idx")
    folder.mkdir()
    for name in ("kept", "gone"):
        (folder / f"{name}.ris").write_text(f"TY  - JOUR\nTI  - {name} marrow\nER  - \n", encoding="utf-8")
    ingest([str(folder)], idx, quiet=True)
    (folder / "gone.ris").unlink()
    summary = ingest([str(folder / "kept.ris")], idx, quiet=True)
    assert summary.missing == {str(folder / "gone.ris"): 1}
    assert f"--prune {folder / 'gone.ris'} " in summary.describe()   # its folder is still there
    assert ingest([str(folder / "gone.ris")], idx, quiet=True, prune=True).removed == 1
    assert [h["title"]["en"] for h in _search(idx, "marrow")["hits"]] == ["kept marrow"]


def test_a_second_writer_waits_for_the_first_and_says_so(tmp_path):
    import subprocess
    import sys

    from whoosh import index as whoosh_index

    from conftest import ROOT
    from indexer.index.ingest import INDEX_SUBDIR
    from indexer.store import Store

    idx, path = tmp_path / "idx", tmp_path / "a.ris"
    path.write_text("TY  - JOUR\nTI  - Waiting marrow\nER  - \n", encoding="utf-8")
    assert run_cli("ingest", "-q", str(DATA / "pages" / "cnki-bare-lines.txt"), "--index", str(idx)).returncode == 0
    holder = whoosh_index.open_dir(str(idx / INDEX_SUBDIR)).writer()   # another process's ingest, say
    try:
        second = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), "ingest", "-q", "--json", str(path),
                                   "--index", str(idx)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        said = second.stderr.readline()     # before the lock is free
        assert said.startswith(f"waiting for another process writing to {idx}") and second.poll() is None
        with Store(idx) as store:            # the first removes a record, from both halves
            gone = next(iter(store))["id"]
            store.remove([gone])
        holder.delete_by_term("id", gone)
    finally:
        holder.commit()                      # the first writer ends, having removed a document
    out, err = second.communicate(timeout=120)
    assert second.returncode == 0, err
    assert json.loads(out)["added"] == 1     # the document the first removed does not upset the count check
    assert [h["title"]["en"] for h in _search(idx, "marrow")["hits"]] == ["Waiting marrow"]


def test_ctrl_c_stops_a_parallel_ingest_cleanly_and_writes_nothing(tmp_path):
    """A terminal's Ctrl-C reaches every process of the command (here: the cleaning pool and
    whoosh's writer processes).  Before, the pool's shutdown waited forever on its killed
    workers."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from conftest import ROOT

    records = "".join(f"TY  - JOUR\nTI  - 第{i}号骨髓研究 Marrow study number {i}\n"
                      f"AB  - {'骨髓间充质干细胞的增殖与分化。' * 12} {'Bone marrow stromal cells proliferate. ' * 12}\n"
                      f"PY  - 2020\nER  - \n\n" for i in range(4000))
    path = tmp_path / "many.ris"
    path.write_text(records, encoding="utf-8")
    assert path.stat().st_size > 2_000_000   # large enough for the parallel path
    idx = tmp_path / "idx"
    proc = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), "ingest", str(path), "--index", str(idx)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    journal = idx / "records.sqlite-wal"   # the store's first write (WAL mode): records are streaming in
    deadline = time.monotonic() + 60
    while not (journal.exists() and journal.stat().st_size) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, proc.communicate()
    os.killpg(proc.pid, signal.SIGINT)         # as a terminal sends it: to the whole process group
    try:
        _, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("the interrupted ingest did not exit")
    assert proc.returncode == 130, err
    # the folder it had made is removed: it had stayed, an empty index said to be "as it was"
    assert f"Interrupted: nothing from this run was written; {idx}, the folder it had made, is removed." in err
    assert "Traceback" not in err and not idx.exists()
    again = run_cli("ingest", "-q", "--json", str(DATA / "pages" / "cnki-bare-lines.txt"), "--index", str(idx))
    assert again.returncode == 0 and json.loads(again.stdout)["added"] == 1   # no lock was left behind


def test_ctrl_c_is_held_back_while_a_process_is_started():
    # An interrupt between a fork and the child's registration left the child running after
    # the command had exited (whoosh's writer processes, the cleaning pool), or a queue's lock
    # taken (the command hung at exit): it is delivered once the step is done.
    import os
    import signal

    from indexer.index.ingest import _uninterrupted

    done = []

    def step():
        os.kill(os.getpid(), signal.SIGINT)   # Ctrl-C arrives in the middle
        done.append("the step finished")
        return 7

    # as Python sets it up in a terminal (a shell's background job, as CI may run the tests,
    # starts with the interrupt ignored)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            _uninterrupted(step)
    finally:
        signal.signal(signal.SIGINT, previous)
    assert done == ["the step finished"]


def test_a_cleaning_pool_left_early_ends_its_workers(tmp_path):
    # the records no longer wanted after the first (an error downstream, Ctrl-C): the pool's
    # workers finish what they were handed and are gone; nothing waits for good
    import multiprocessing
    import time

    from indexer.index.ingest import _cleaned

    path = tmp_path / "many.ris"
    path.write_text("".join(f"TY  - JOUR\nTI  - Marrow study {i}\nAB  - {'Bone marrow stromal cells. ' * 200}\n"
                            f"PY  - 2020\nER  - \n\n" for i in range(2000)), encoding="utf-8")
    items = _cleaned([str(path)], None, workers=2)
    next(items)
    started = time.monotonic()
    items.close()
    assert time.monotonic() - started < 30
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("damage", ["segment cut short", "table of contents overwritten"])
def test_a_damaged_search_index_is_said_and_rebuilt_from_the_store(index, tmp_path, damage):
    corpus, idx, _ = index
    copy = tmp_path / "copy"
    shutil.copytree(idx, copy)
    if damage == "segment cut short":    # a disk that filled up during a write
        segment = next((copy / "whoosh").glob("*.seg"))
        segment.write_bytes(segment.read_bytes()[:100])
    else:
        next((copy / "whoosh").glob("_MAIN_*.toc")).write_text("junk")
    hint = f"`python cli.py ingest --rebuild --index {copy}` rebuilds it"
    for command in (["search", "脊柱"], ["ingest", str(corpus)], ["export", "--format", "ris", "--query", "脊柱"]):
        result = run_cli(*command, "--index", str(copy))
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert f"the search index in {copy / 'whoosh'} cannot be read" in result.stderr and hint in result.stderr
    assert run_cli("ingest", "--rebuild", "--index", str(copy)).returncode == 0
    assert _search(copy, "脊柱") == _search(idx, "脊柱")


def test_a_search_index_that_lost_its_table_of_contents_says_rebuild(index, tmp_path):
    # a folder copied half-way: stats still counts the store's records, search said "no index"
    _, idx, _ = index
    copy = tmp_path / "copy"
    shutil.copytree(idx, copy)
    for toc in (copy / "whoosh").glob("*.toc"):
        toc.unlink()
    result = run_cli("search", "脊柱", "--index", str(copy))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"`python cli.py ingest --rebuild --index {copy}` rebuilds it from its records" in result.stderr
    assert run_cli("ingest", "--rebuild", "--index", str(copy)).returncode == 0
    assert _search(copy, "脊柱") == _search(idx, "脊柱")


def test_a_store_that_is_not_one_is_said(tmp_path):
    (tmp_path / "idx").mkdir()
    (tmp_path / "idx" / "records.sqlite").write_text("not a database")
    for command in (["stats"], ["show", "abc"], ["dedup"], ["export", "--format", "ris"]):
        result = run_cli(*command, "--index", str(tmp_path / "idx"))
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert f"{tmp_path / 'idx' / 'records.sqlite'} is not a record store this tool can read" in result.stderr


def test_ingest_needs_a_path_unless_rebuilding(tmp_path):
    result = run_cli("ingest", "--index", str(tmp_path / "idx"))
    assert result.returncode == 2 and "give a PATH" in result.stderr


def test_stats_reads_many_years_by_decade_and_json_keeps_each(tmp_path):
    # beyond a dozen years the readable view groups the earlier decades; --json has every year
    path = tmp_path / "years.ris"
    years = [1953, 1958, 1961, 1975, 1979, 1986, 1994, 1999, 2003, 2008, 2010, 2015, 2015, 2018]
    path.write_text("".join(f"TY  - JOUR\nTI  - Paper {i}\nPY  - {y}\nER  - \n\n" for i, y in enumerate(years)),
                    encoding="utf-8")
    idx = tmp_path / "idx"
    run_cli("ingest", str(path), "--index", str(idx), "-q")
    line = run_cli("stats", "--index", str(idx)).stdout.splitlines()[-1]
    assert line == "  by year: 1950s 2, 1960s 1, 1970s 2, 1980s 1, 1990s 2, 2000s 2, 2010 1, 2015 2, 2018 1"
    assert json.loads(run_cli("stats", "--json", "--index", str(idx)).stdout)["by_year"] == {
        str(y): years.count(y) for y in sorted(set(years))}


def test_a_first_ingest_waits_while_another_process_creates_the_index(tmp_path):
    """Two first ingests into a new folder: each took the other's half-made index for an old
    one and removed it (a traceback, a lost run).  While one process holds the opening lock,
    another waits, then opens what the first made."""
    import subprocess
    import sys
    import time

    from whoosh.util.filelock import FileLock

    from indexer.index.ingest import OPENING_LOCK

    idx = tmp_path / "idx"
    idx.mkdir()
    lock = FileLock(str(idx / OPENING_LOCK))
    assert lock.acquire(blocking=False)
    try:
        proc = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), "ingest", "-q", str(DATA / "pages"),
                                 "--index", str(idx)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(3)
        assert proc.poll() is None and not (idx / "whoosh").exists()
    finally:
        lock.release()
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert json.loads(run_cli("stats", "--json", "--index", str(idx)).stdout)["records"] > 0


def test_an_index_path_that_is_a_file_is_a_usage_error(tmp_path):
    target = tmp_path / "refs.ris"
    target.write_text("TY  - JOUR\nTI  - kept\nER  - \n", encoding="utf-8")
    result = run_cli("ingest", str(ROOT / "samples"), "--index", str(target))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"{target}: a file, not an index folder" in result.stderr
    assert target.read_text(encoding="utf-8").startswith("TY  - JOUR")


def test_rare_characters_beyond_the_bmp_are_found_inside_their_word(tmp_path):
    # CJK extension B and later (names, places, 牙𬌗): one character from a run, as the others
    idx = _indexed(tmp_path, "TY  - JOUR\nTI  - 第六条\nLA  - chi\nAB  - 测𠀄𠀅试，牙𬌗关系，甲\U00031350乙\nER  - \n\n"
                             "TY  - JOUR\nTI  - 第七条\nLA  - chi\nAB  - 测试𠀆。\nER  - \n")
    for query in ("𠀄", "𠀅", "测𠀄", "𠀅试", "abstract:𠀄", '"测𠀄𠀅试"', "𬌗", "牙𬌗",
                  "\U00031350", "甲\U00031350"):   # extension H, newer than Python 3.11's Unicode
        assert [h["title"]["zh"] for h in _search(idx, query)["hits"]] == ["第六条"], query
    assert _search(idx, "𠀄试")["total"] == 0


def test_a_known_funder_is_found_by_its_chinese_name_in_an_english_record(tmp_path):
    idx = _indexed(tmp_path, "TY  - JOUR\nTI  - Soil moisture memory in drylands\nLA  - eng\n"
                             "AB  - We study soil moisture. Funding: This work was supported by the National Natural "
                             "Science Foundation of China (No. 41871001).\nER  - \n\n"
                             "TY  - JOUR\nTI  - 干旱区土壤水分记忆\nLA  - chi\nAB  - 研究土壤水分。\n"
                             "N1  - 基金项目：国家自然科学基金(41871002)\nER  - \n")
    for query in ("funder:国家自然科学基金", 'funder:"National Natural Science Foundation of China"'):
        found = sorted(h["title"].get("en") or h["title"]["zh"] for h in _search(idx, query)["hits"])
        assert found == ["Soil moisture memory in drylands", "干旱区土壤水分记忆"], query
    # without the prefix, Chinese finds what the record writes: 国家 is in no English record
    assert [h["title"]["zh"] for h in _search(idx, "国家自然科学基金")["hits"]] == ["干旱区土壤水分记忆"]
    assert [h["title"]["zh"] for h in _search(idx, "国家")["hits"]] == ["干旱区土壤水分记忆"]


def test_a_leftover_file_that_cannot_be_removed_does_not_fail_the_ingest(tmp_path):
    # after its commit an ingest removes what cancelled writers left; one it cannot remove (held
    # open by a search on Windows; here a folder where a file was) waits for a later ingest
    from indexer.index.ingest import remove_orphans

    ris = tmp_path / "a.ris"
    ris.write_text("TY  - JOUR\nTI  - One\nER  - \n", encoding="utf-8")
    idx = tmp_path / "idx"
    assert run_cli("ingest", "-q", str(ris), "--index", str(idx)).returncode == 0
    (idx / "whoosh" / "MAIN_zzzzzzzzzzzzzzzz.seg").mkdir()
    (idx / "whoosh" / "MAIN_yyyyyyyyyyyyyyyy.seg").write_bytes(b"")
    assert remove_orphans(idx) == 1
    ris.write_text("TY  - JOUR\nTI  - One\nER  - \n\nTY  - JOUR\nTI  - Two\nER  - \n", encoding="utf-8")
    result = run_cli("ingest", "-q", str(ris), "--index", str(idx))
    assert result.returncode == 0, result.stderr
    assert not (idx / "whoosh" / "MAIN_yyyyyyyyyyyyyyyy.seg").exists()
