"""`ingest --rebuild` interrupted, and index folders an ingest must not write or remove."""
from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys

import pytest

from conftest import ROOT, run_cli

RECORDS = 300
ZH = "肿瘤 癌症 治疗 研究 进展 患者 临床 分析 转移 脊柱 影响 因素 方法 结果 应用 数据 模型 系统 评价 效果".split()
EN = "cancer tumour therapy patients clinical study analysis spinal metastasis outcome method results model".split()
QUERIES = ("cancer", "肿瘤", "脊柱 转移")   # English goes to whoosh, Chinese to the FTS table


def _ris(count: int) -> str:
    """``count`` records, Chinese and English in turn, with abstracts (a rebuild of them takes
    a few seconds: time to interrupt it)."""
    rnd = random.Random(1)
    out = []
    for i in range(count):
        if i % 2:
            title = " ".join(rnd.choice(EN) for _ in range(8)) + f" {i}"
            abstract = " ".join(rnd.choice(EN) for _ in range(120)) + "."
        else:
            title = "".join(rnd.choice(ZH) for _ in range(8)) + str(i)
            abstract = "".join(rnd.choice(ZH) for _ in range(120)) + "。"
        out.append(f"TY  - JOUR\nTI  - {title}\nAU  - Li, Wei{i}\nPY  - {2000 + i % 20}\nAB  - {abstract}\n"
                   f"KW  - {rnd.choice(ZH)}\nER  - \n\n")
    return "".join(out)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """(the RIS file, an index of it, each query's hits there)."""
    top = tmp_path_factory.mktemp("rebuild")
    ris = top / "papers.ris"
    ris.write_text(_ris(RECORDS), encoding="utf-8")
    idx = top / "idx"
    result = run_cli("ingest", "-q", str(ris), "--index", str(idx))
    assert result.returncode == 0, result.stderr
    return ris, idx, {q: _hits(idx, q) for q in QUERIES}


def _hits(idx, query) -> tuple[int, list[str]]:
    result = run_cli("search", "--json", "--limit", "20", query, "--index", str(idx))
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    return found["total"], [h["id"] for h in found["hits"]]


def _copy(built, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(built[1], copy)
    return copy


def _interrupted_rebuild(idx) -> subprocess.CompletedProcess:
    """``ingest --rebuild`` sent Ctrl-C (SIGINT) once it has said it is rebuilding."""
    process = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), "ingest", "--rebuild", "--index", str(idx)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                               env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    first = process.stderr.readline()
    assert "rebuilding the index" in first, first
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=300)
    return subprocess.CompletedProcess(process.args, process.returncode, out, first + err)


def test_an_interrupted_rebuild_leaves_the_index_as_it_was(built, tmp_path):
    # it left an empty index that said it was current: search found nothing, and an ingest of
    # the same files (all unchanged) did not repair it
    ris, _idx, hits = built
    copy = _copy(built, tmp_path)
    result = _interrupted_rebuild(copy)
    assert result.returncode == 130, result.stderr
    assert "Interrupted: nothing from this run was written" in result.stderr and "Traceback" not in result.stderr
    assert {q: _hits(copy, q) for q in QUERIES} == hits
    assert sorted(p.name for p in copy.iterdir()) == [".opening.lock", "records.sqlite", "whoosh"]
    again = run_cli("ingest", "--json", str(ris), "--index", str(copy))
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["unchanged"] == RECORDS
    assert {q: _hits(copy, q) for q in QUERIES} == hits


def test_an_interrupted_rebuild_of_an_older_index_still_says_rebuild(built, tmp_path):
    # nothing to keep, but the next search must not find an empty index and call it current
    from indexer.index.layout import INDEX_SUBDIR, VERSION_FILE

    copy = _copy(built, tmp_path)
    (copy / INDEX_SUBDIR / VERSION_FILE).write_text("0\n")
    assert _interrupted_rebuild(copy).returncode == 130
    result = run_cli("search", "cancer", "--index", str(copy))
    assert result.returncode == 2 and "older version" in result.stderr and "--rebuild" in result.stderr
    assert run_cli("ingest", "-q", "--rebuild", "--index", str(copy)).returncode == 0
    assert {q: _hits(copy, q) for q in QUERIES} == built[2]


def test_an_index_an_interrupted_rebuild_emptied_is_said_and_repaired(built, tmp_path):
    # an index as an interrupted rebuild of an earlier version left it: current, and empty
    from whoosh import index as windex

    from indexer.index.layout import INDEX_SUBDIR, INDEX_VERSION, VERSION_FILE
    from indexer.index.schema import build_schema

    ris, _idx, hits = built
    copy = _copy(built, tmp_path)
    shutil.rmtree(copy / INDEX_SUBDIR)
    (copy / INDEX_SUBDIR).mkdir()
    windex.create_in(copy / INDEX_SUBDIR, build_schema())
    (copy / INDEX_SUBDIR / VERSION_FILE).write_text(INDEX_VERSION + "\n")
    result = run_cli("search", "cancer", "--index", str(copy))
    assert result.returncode == 2 and f"holds none of the {RECORDS} records" in result.stderr
    assert f"ingest --rebuild --index {copy}" in result.stderr
    again = run_cli("ingest", "--json", str(ris), "--index", str(copy))
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["rebuilt"] == RECORDS
    assert {q: _hits(copy, q) for q in QUERIES} == hits


def test_a_rebuild_says_how_many_records_it_rebuilt(built, tmp_path):
    copy = _copy(built, tmp_path)
    result = run_cli("ingest", "--json", "--rebuild", "--index", str(copy))
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert (summary["rebuilt"], summary["read"], summary["added"]) == (RECORDS, 0, 0)
    text = run_cli("ingest", "--rebuild", "--index", str(copy))
    assert f"search index rebuilt with {RECORDS} records from the store" in text.stderr
    plain = run_cli("ingest", "--json", str(built[0]), "--index", str(copy))
    assert json.loads(plain.stdout)["rebuilt"] == 0
    assert {q: _hits(copy, q) for q in QUERIES} == built[2]


def test_cancelling_a_writer_a_commit_closed_tells_nothing_more(tmp_path):
    # a check after the commit raised ("a whoosh writer process failed"): cancelling the closed
    # writer raised "This writer is closed" over it, a traceback in place of the real error
    from indexer.index.ingest import _cancel, index_writer, open_or_create

    ix = open_or_create(tmp_path / "idx")
    writer = index_writer(ix, tmp_path / "idx")
    writer.commit()
    _cancel(writer)


def _read_only(folder, *args, stdin: str | None = None) -> subprocess.CompletedProcess:
    """``cli.py ARGS`` with ``folder`` mounted read-only (in a mount namespace of its own: root
    writes any folder whatever its mode, as on read-only media it cannot)."""
    if shutil.which("unshare") is None:
        pytest.skip("no unshare to mount a folder read-only")
    script = 'mount --bind -o ro "$0" "$0" || exit 99; exec "$@"'
    result = subprocess.run(["unshare", "-m", "sh", "-c", script, str(folder), sys.executable, str(ROOT / "cli.py"),
                             *args], capture_output=True, text=True, cwd=ROOT, timeout=300, input=stdin,
                            env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    if result.returncode == 99 or "unshare:" in result.stderr:
        pytest.skip(f"cannot mount a folder read-only here: {result.stderr[-200:]}")
    return result


def test_an_ingest_into_a_read_only_index_folder_says_it_cannot_write_it(built, tmp_path):
    ris, _idx, hits = built
    copy = _copy(built, tmp_path)
    for args in (["ingest", str(ris)], ["ingest", "--rebuild"]):
        result = _read_only(copy, *args, "--index", str(copy))
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert result.stderr.strip() == (f"Error: the index folder {copy} cannot be written (Read-only file system); "
                                         "search, stats, show and export read it as it is; ingest and dedup --apply "
                                         "need a folder this user can write (copy the index to one).")
    found = _read_only(copy, "search", "--json", "--limit", "20", "cancer", "--index", str(copy))
    assert found.returncode == 0, found.stderr
    assert [h["id"] for h in json.loads(found.stdout)["hits"]] == hits["cancer"][1]
    stats = _read_only(copy, "stats", "--json", "--index", str(copy))
    assert stats.returncode == 0 and json.loads(stats.stdout)["records"] == RECORDS


def test_a_read_only_index_an_older_version_wrote_is_said_so_by_every_command(built, tmp_path):
    """search said "`ingest --rebuild` rebuilds it", and ingest --rebuild that the folder cannot
    be written and "search ... read it as it is": the two sent the user to each other."""
    from indexer.index.layout import INDEX_SUBDIR, VERSION_FILE

    copy = _copy(built, tmp_path)
    (copy / INDEX_SUBDIR / VERSION_FILE).write_text("0\n")
    advice = (f"copy it to a folder you can write and rebuild it there (`cp -r {copy} COPY; python cli.py ingest "
              "--rebuild --index COPY`).")
    found = _read_only(copy, "search", "cancer", "--index", str(copy))
    assert found.returncode == 2 and found.stderr.strip() == (
        f"Error: the index in {copy} was written by an older version and must be rebuilt to be searched; this user "
        f"cannot write {copy}: someone who can runs `python cli.py ingest --rebuild --index {copy}`, or " + advice)
    rebuilt = _read_only(copy, "ingest", "--rebuild", "--index", str(copy))
    assert rebuilt.returncode == 2 and "search, stats" not in rebuilt.stderr, rebuilt.stderr
    assert "stats, show and export read it as it is" in rebuilt.stderr and rebuilt.stderr.strip().endswith(advice)
    stats = _read_only(copy, "stats", "--json", "--index", str(copy))
    assert stats.returncode == 0 and json.loads(stats.stdout)["records"] == RECORDS
    assert "older version and must be rebuilt to be searched" in stats.stderr and advice in stats.stderr


def test_a_whoosh_folder_of_other_files_is_not_called_an_older_version(tmp_path):
    idx = tmp_path / "idx"
    (tmp_path / "a.ris").write_text(_ris(2), encoding="utf-8")
    assert run_cli("ingest", "-q", str(tmp_path / "a.ris"), "--index", str(idx)).returncode == 0
    shutil.rmtree(idx / "whoosh")
    (idx / "whoosh").mkdir()
    (idx / "whoosh" / "notes.txt").write_text("mine")
    for command in (["search", "cancer"], ["stats"]):
        result = run_cli(*command, "--index", str(idx))
        assert "older version" not in result.stderr, result.stderr
        assert f"{idx / 'whoosh'} holds files this tool did not write (notes.txt)" in result.stderr


def test_a_folder_whose_store_is_not_one_is_left_as_it_is(tmp_path):
    # ingest removed the whoosh folder (a stranger's file in it) before finding the store was
    # none, and search said "written by an older version; --rebuild", which could not work
    idx = tmp_path / "idx"
    (idx / "whoosh").mkdir(parents=True)
    (idx / "records.sqlite").write_bytes(b"\x00" * 5000)
    (idx / "whoosh" / "notes.txt").write_text("mine")
    (tmp_path / "a.ris").write_text(_ris(2), encoding="utf-8")
    for command in (["ingest", "--rebuild"], ["ingest", str(tmp_path / "a.ris")], ["search", "cancer"]):
        result = run_cli(*command, "--index", str(idx))
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert f"{idx / 'records.sqlite'} is not a record store this tool can read" in result.stderr
        assert (idx / "whoosh" / "notes.txt").read_text() == "mine"


def test_a_rebuild_keeps_a_whoosh_folder_holding_files_it_did_not_write(built, tmp_path):
    copy = _copy(built, tmp_path)
    (copy / "whoosh" / "notes.txt").write_text("mine")
    result = run_cli("ingest", "--rebuild", "--index", str(copy))
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert "holds files this tool did not write (notes.txt)" in result.stderr
    assert (copy / "whoosh" / "notes.txt").read_text() == "mine"
    assert {q: _hits(copy, q) for q in QUERIES} == built[2]


def test_a_rebuild_takes_the_folder_a_killed_writer_left(built, tmp_path):
    # whoosh's writer makes MAIN.tmp/ and a killed ingest leaves it: the rebuild the damaged
    # index's message asks for had refused it as a stranger's file
    copy = _copy(built, tmp_path)
    (copy / "whoosh" / "MAIN.tmp").mkdir()
    (copy / "whoosh" / "MAIN.tmp" / "MAIN_abc.seg").write_text("half")
    result = run_cli("ingest", "--rebuild", "--index", str(copy))
    assert result.returncode == 0, result.stderr
    assert {q: _hits(copy, q) for q in QUERIES} == built[2]


def test_a_review_in_a_read_only_index_folder_says_it_cannot_write_it(tmp_path):
    # the answer could not be stored: a traceback (the decisions file's OSError)
    trials, idx = tmp_path / "trials.ris", tmp_path / "idx"
    trials.write_text("".join(f"TY  - JOUR\nAU  - Alexion Pharmaceuticals, Inc\nTI  - An Open-Label Clinical Trial of "
                              f"Eculizumab in {who} Patients With Atypical Hemolytic-Uremic Syndrome\nPY  - 2013\nER  - \n\n"
                              for who in ("Pediatric", "Adult")), encoding="utf-8")
    assert run_cli("ingest", "-q", str(trials), "--index", str(idx)).returncode == 0
    result = _read_only(idx, "dedup", "--review", "--index", str(idx), stdin="n\n")
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert f"Error: the index folder {idx} cannot be written" in result.stderr


def test_a_rebuild_of_a_folder_that_is_no_index_is_refused(tmp_path):
    """``ingest --rebuild --index`` a typo (a folder that does not exist, or holds no index)
    said 'rebuilding the index of 0 records' and made an empty index there; now exit 2 with
    'no index in …', as search says, and nothing is made."""
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.txt").write_text("not an index\n", encoding="utf-8")
    for folder in (tmp_path / "nope" / "idx", tmp_path / "notes"):
        result = run_cli("ingest", "--rebuild", "--index", str(folder))
        assert result.returncode == 2, result.stderr
        assert f"no index in {folder}" in result.stderr
    assert not (tmp_path / "nope").exists()
    assert sorted(p.name for p in (tmp_path / "notes").iterdir()) == ["a.txt"]


def test_stats_of_an_index_whose_search_index_is_missing_says_how_to_rebuild_it(built, tmp_path):
    """stats said 'index 0.0 MB' and nothing more when whoosh/ was gone (search says to run
    ingest --rebuild): it says the same."""
    _ris, idx, _hits = built
    copy = tmp_path / "copy"
    shutil.copytree(idx, copy)
    shutil.rmtree(copy / "whoosh")
    result = run_cli("stats", "--index", str(copy))
    assert result.returncode == 0, result.stderr
    assert f"the search index in {copy} is missing" in result.stderr
    assert f"ingest --rebuild --index {copy}" in result.stderr
    assert "missing" not in run_cli("stats", "--index", str(idx)).stderr
