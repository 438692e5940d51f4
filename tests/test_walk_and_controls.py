"""Walking folders (one that cannot be listed is a failure; linked folders are read, each file
once, link loops end) and control characters in a record's text (dropped after mojibake repair)
and in the values ``extra`` keeps."""
from __future__ import annotations

import json
import os
import shlex
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from conftest import NOBODY, ROOT, jsonl, run_cli, run_cli_unprivileged
from indexer.pipeline import clean
from indexer.record import Record, Source
from indexer.repair import REPAIRS

RIS = "TY  - JOUR\nTI  - {}\nPY  - 2020\nER  - \n"


def _ris(path: Path, *titles: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(RIS.format(t) for t in titles), encoding="utf-8")


@pytest.fixture
def locked_tree():
    """A folder (that any user may enter) holding ok/a.ris and locked/x.ris, locked mode 000;
    skipped when the user the CLI runs as can list the locked folder all the same."""
    top = Path(tempfile.mkdtemp(prefix="walk-"))
    try:
        top.chmod(0o755)
        _ris(top / "tree" / "ok" / "a.ris", "Readable")
        _ris(top / "tree" / "locked" / "x.ris", "Locked one", "Locked two")
        (top / "out").mkdir(mode=0o777)
        (top / "out").chmod(0o777)
        (top / "tree" / "locked").chmod(0)
        probe = run_cli_unprivileged("--version")
        if probe.returncode != 0:
            pytest.skip(f"the CLI cannot run as an unprivileged user here: {probe.stderr.strip()[-200:]}")
        command = [sys.executable, "-c", "import os, sys; os.listdir(sys.argv[1])", str(top / "tree" / "locked")]
        if os.geteuid() == 0:
            command = [shutil.which("setpriv"), *NOBODY, *command]
        if subprocess.run(command, capture_output=True).returncode == 0:
            pytest.skip("the unprivileged user can list a folder of mode 000 here")
        yield top
    finally:
        (top / "tree" / "locked").chmod(stat.S_IRWXU)
        shutil.rmtree(top, ignore_errors=True)


def test_a_file_in_a_folder_that_cannot_be_opened_is_permission_denied(locked_tree):
    # It had been "no such file or folder": the user looked for a typo.
    inner = locked_tree / "tree" / "locked" / "x.ris"
    result = run_cli_unprivileged("clean", "-q", str(inner))
    assert result.returncode == 2
    assert f"Error: {inner}: permission denied (a folder on its path cannot be opened)." in result.stderr


def test_a_broken_link_is_said_to_be_one(tmp_path):
    (tmp_path / "refs.ris").symlink_to(tmp_path / "moved.ris")
    result = run_cli("clean", "-q", str(tmp_path / "refs.ris"))
    assert result.returncode == 2
    assert (f"Error: {tmp_path / 'refs.ris'}: a broken link (to {tmp_path / 'moved.ris'}, which does not exist)"
            in result.stderr)
    assert "no such file or folder" in run_cli("clean", "-q", str(tmp_path / "none.ris")).stderr

def test_a_folder_that_cannot_be_listed_is_a_failure_for_clean_ingest_and_export(locked_tree):
    tree, locked = locked_tree / "tree", locked_tree / "tree" / "locked"
    result = run_cli_unprivileged("clean", "--json", "-q", str(tree))
    assert result.returncode == 1, result.stderr
    items = jsonl(result.stdout)
    assert [i["title"]["en"] for i in items if not i.get("failure")] == ["Readable"]
    failure, = [i for i in items if i.get("failure")]
    assert failure["path"] == str(locked) and failure["reason"] == "cannot read folder: Permission denied"
    assert f"Error: {locked}: cannot read folder: Permission denied" in result.stderr

    alone = run_cli_unprivileged("clean", "-q", str(locked))  # named itself: not "no files in this folder"
    assert alone.returncode == 1 and "cannot read folder" in alone.stderr
    assert "no files" not in alone.stderr

    ingested = run_cli_unprivileged("ingest", "--json", "-q", "--index", str(locked_tree / "out" / "idx"), str(tree))
    assert ingested.returncode == 1, ingested.stderr
    summary = json.loads(ingested.stdout)
    assert (summary["added"], summary["failed"]) == (1, 1)
    assert summary["failures"][0]["path"] == str(locked)

    exported = run_cli_unprivileged("export", "-f", "ris", "-o", str(locked_tree / "out" / "o.ris"),
                                    "--from", str(tree))
    assert exported.returncode == 1 and "cannot read folder: Permission denied" in exported.stderr


def test_a_linked_folder_is_read_and_a_file_reached_twice_once(tmp_path):
    outside = tmp_path / "outside"
    _ris(outside / "x.ris", "Through the link")
    _ris(outside / "y.ris", "Only through the folder's link")
    tree = tmp_path / "tree"
    _ris(tree / "a.ris", "In the folder")
    (tree / "linked").symlink_to(outside)
    (tree / "z_again").symlink_to(outside)       # the same folder by a second link: read once
    (tree / "link.ris").symlink_to(outside / "x.ris")
    result = run_cli("clean", "--json", "-q", str(tree))
    assert result.returncode == 0, result.stderr
    records = jsonl(result.stdout)
    assert sorted(r["title"]["en"] for r in records) == ["In the folder", "Only through the folder's link", "Through the link"]


def test_a_hard_link_is_the_same_file_read_once(tmp_path):
    tree = tmp_path / "tree"
    _ris(tree / "a.ris", "Once only")
    os.link(tree / "a.ris", tree / "b.ris")   # the same file under a second name (it was read twice)
    result = run_cli("clean", "--json", "-q", str(tree), str(tree / "b.ris"))
    assert result.returncode == 0, result.stderr
    records = jsonl(result.stdout)
    assert [(r["title"]["en"], r["source"]["path"].rsplit("/", 1)[-1]) for r in records] == [("Once only", "a.ris")]
    _ris(tree / "c.ris", "Once only")   # a copy is another file: read (dedup finds it)
    assert len(jsonl(run_cli("clean", "--json", "-q", str(tree)).stdout)) == 2


def test_a_link_loop_ends_and_reads_each_file_once(tmp_path):
    tree = tmp_path / "tree"
    _ris(tree / "a" / "b" / "deep.ris", "Deep")
    _ris(tmp_path / "beside.ris", "Beside the folder given")
    (tree / "a" / "b" / "up").symlink_to("..")          # a link to the folder holding it
    (tree / "a" / "b" / "parent").symlink_to(tmp_path)  # to a folder above the one given
    (tree / "a" / "top").symlink_to(tree)
    (tree / "b_link").symlink_to(tree / "a" / "b")      # the same folder, reached twice
    result = run_cli("clean", "--json", "-q", str(tree))
    assert result.returncode == 0, result.stderr
    assert [r["title"]["en"] for r in jsonl(result.stdout)] == ["Deep"]


def _cleaned(**raw) -> Record:
    rec = Record(Source(path="case.ris", format="test", record=1, line=1))
    for key, values in raw.items():
        rec.raw[key] = [(v, 1) for v in values]
    return clean(rec)


def test_control_characters_are_dropped_from_every_text_field_and_logged():
    rec = _cleaned(titles=["Blood-brain\x0bbarrier breach\x1e in the rat\x0c"],
                   abstract=["Adult rats\x0f were \x16subjected\x7f to an impact\x9d at 3.5 m/sec."],
                   notes=["Not in\x1a file"], keywords=["hippo\x03campus"])
    assert rec.title == {"en": "Blood-brain barrier breach in the rat"}
    assert rec.abstract == {"en": "Adult rats were subjected to an impact at 3.5 m/sec."}
    assert rec.extra["notes"] == ["Not in file"]
    assert rec.keywords["en"] == ["hippocampus"]
    logged = {(r.step, r.field) for r in rec.repairs}
    assert {("normalize_whitespace", f) for f in ("title", "abstract", "notes", "keywords")} <= logged
    for r in (r for r in rec.repairs if r.step == "normalize_whitespace"):  # replayed, the log gives the text
        assert REPAIRS[r.step](r.before) == r.after


def test_control_and_invisible_characters_are_dropped_from_extra_s_values_and_logged():
    rec = Record(Source(path="case.ris", format="test", record=1, line=1))
    rec.raw["titles"] = [("A title", 1)]
    rec.raw["database_provider"] = [("CNKI\x1a", 9)]          # an export ended by a Ctrl-Z
    rec.raw["publisher"] = [("Springer\x0bNature\u200b", 5)]
    rec.extra["columns"] = {"SrcDatabase-来源库": "期刊\x9d", "Pages": 12}   # a reader's own extra
    rec = clean(rec)
    assert rec.extra["database_provider"] == ["CNKI"]
    assert rec.extra["publisher"] == ["Springer Nature"]
    assert rec.extra["columns"] == {"SrcDatabase-来源库": "期刊", "Pages": 12}
    logged = [(r.step, r.field) for r in rec.repairs]
    assert ("drop_invisible_characters", "extra.database_provider") in logged
    for r in rec.repairs:   # replayed, the log gives the text
        assert REPAIRS[r.step](r.before) == r.after


def test_c1_characters_are_dropped_only_after_mojibake_repair():
    # UTF-8 read as Windows-1252/Latin-1: ’ is "â\x80\x99"; the C1 characters are what repairs it
    rec = _cleaned(titles=["The rat\u00e2\u0080\u0099s cortex"])
    assert rec.title == {"en": "The rat’s cortex"}


def test_exported_ris_holds_no_control_characters(tmp_path):
    source = tmp_path / "in.ris"
    source.write_text("TY  - JOUR\nTI  - A title\x0bwith a break\x1e\nN2  - An abstract\x0f with \x16bytes.\n"
                      "PY  - 2020\nER  - \n", encoding="utf-8")
    out = tmp_path / "out.ris"
    result = run_cli("export", "-f", "ris", "-o", str(out), "--from", str(source))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "A title with a break" in text and "An abstract with bytes." in text
    assert not any(ord(c) < 32 and c not in "\t\n\r" or 0x7f <= ord(c) <= 0x9f for c in text)


def test_prune_keeps_the_records_of_a_folder_it_cannot_read(locked_tree):
    # os.path.exists is False for a file in a folder that cannot be entered: the run said it
    # could not read the folder, and --prune removed its records as gone
    tree, locked, idx = locked_tree / "tree", locked_tree / "tree" / "locked", locked_tree / "out" / "idx"
    locked.chmod(stat.S_IRWXU | stat.S_IRWXG | stat.S_IRWXO)
    assert run_cli_unprivileged("ingest", "-q", "--index", str(idx), str(tree)).returncode == 0
    locked.chmod(0)
    pruned = run_cli_unprivileged("ingest", "--json", "-q", "--prune", "--index", str(idx), str(tree))
    assert pruned.returncode == 1, pruned.stderr
    summary = json.loads(pruned.stdout)
    assert summary["removed"] == 0 and summary["failed"] == 1
    stats = json.loads(run_cli_unprivileged("stats", "--json", "--index", str(idx)).stdout)
    assert stats["records"] == 3


def test_a_download_cut_inside_a_character_keeps_what_an_earlier_ingest_read(tmp_path):
    # a NoteExpress file cut short (no end tag tells): the records after the cut had been removed
    records = "".join(f"{{Reference Type}}: Journal Article\n{{Title}}: 肿瘤转移的研究第{n}篇\n{{Author}}: 王明;\n"
                      f"{{Year}}: 2020\n{{Abstract}}: 目的 探讨肿瘤转移的机制与治疗方法。\n\n" for n in range(1, 7))
    path, idx = tmp_path / "refs.net", tmp_path / "idx"
    path.write_text(records, encoding="utf-8")
    assert run_cli("ingest", "-q", str(path), "--index", str(idx)).returncode == 0
    data = records.encode("utf-8")
    cut = data.index("篇".encode(), data.index("第3".encode())) + 1   # inside 篇 of the third title
    path.write_bytes(data[:cut])
    result = run_cli("ingest", "--json", "-q", str(path), "--index", str(idx))
    summary = json.loads(result.stdout)
    assert summary["removed"] == 0 and any("cut short" in w for w in summary["warnings"]), summary
    assert json.loads(run_cli("stats", "--json", "--index", str(idx)).stdout)["records"] == 6
    titles = {h["title"]["zh"] for h in json.loads(run_cli("search", "--json", "肿瘤转移", "--limit", "50",
                                                             "--index", str(idx)).stdout)["hits"]}
    assert titles == {f"肿瘤转移的研究第{n}篇" for n in range(1, 7)}


def test_a_folder_and_a_link_to_it_beside_it_are_read_by_the_folder_s_own_path(tmp_path):
    # "a -> z" sorts first: the link was walked and the folder skipped, so ids followed the link
    _ris(tmp_path / "lib" / "z" / "x.ris", "Only in z")
    (tmp_path / "lib" / "a").symlink_to(tmp_path / "lib" / "z")
    result = run_cli("clean", "--json", "-q", str(tmp_path / "lib"))
    [record] = jsonl(result.stdout)
    assert record["source"]["path"] == str(tmp_path / "lib" / "z" / "x.ris")


@pytest.mark.skipif(not hasattr(os, "mkfifo") or shutil.which("bash") is None, reason="needs named pipes and bash")
def test_a_pipe_named_is_read_as_a_stream_and_a_folder_s_pipe_is_skipped_with_a_warning(tmp_path):
    """``clean <(cat a.ris)`` and a named pipe given are read as ``clean -`` reads stdin (they
    were "empty file": a pipe's size is 0); a pipe met in a folder is skipped and said, as
    reading it would wait for a writer that may never come."""
    ris = tmp_path / "a.ris"
    _ris(ris, "Read through a pipe")
    command = f"{shlex.quote(sys.executable)} cli.py clean --json -q <(cat {shlex.quote(str(ris))})"
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    (record,) = jsonl(result.stdout)
    assert record["title"] == {"en": "Read through a pipe"} and record["source"]["path"].startswith("/dev/fd/")
    folder = tmp_path / "refs"
    _ris(folder / "b.ris", "Beside the pipe")
    fifo = folder / "c.ris"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_text(RIS.format("Through a named pipe"), encoding="utf-8"),
                              daemon=True)   # (blocked for good if the pipe is never opened)
    writer.start()
    result = run_cli("clean", "--json", "-q", str(fifo))
    writer.join(timeout=60)
    assert result.returncode == 0, result.stderr
    assert [(r["title"], r["source"]["path"]) for r in jsonl(result.stdout)] == \
        [({"en": "Through a named pipe"}, str(fifo))]
    result = run_cli("clean", "--json", "-q", str(folder))       # no writer: it would wait for good
    assert result.returncode == 0, result.stderr
    assert [r["title"] for r in jsonl(result.stdout)] == [{"en": "Beside the pipe"}]
    assert f"Warning: {folder}: 1 special file(s) skipped ({fifo} (named pipe)): reading a named pipe waits" \
        in result.stderr


def test_ingest_refuses_a_pipe_as_it_refuses_stdin(tmp_path):
    """``ingest <(cat a.ris)`` keeps nothing: a pipe's path (/dev/fd/63) names no file, so the
    records of the next pipe, given the same path, would replace these; the index is not made."""
    ris = tmp_path / "a.ris"
    _ris(ris, "Ingested through a pipe")
    index = tmp_path / "idx"
    command = (f"{shlex.quote(sys.executable)} cli.py ingest --index {shlex.quote(str(index))} "
               f"<(cat {shlex.quote(str(ris))})")
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 2
    assert "ingest reads files and folders, not a pipe (/dev/fd/" in result.stderr
    assert "save them to a file and ingest that" in result.stderr
    assert not index.exists()


def test_an_index_inside_the_folder_ingested_skips_only_its_own_files(tmp_path):
    """``ingest --index refs refs`` read the folder the first time; then the walk took the whole
    folder for an index (records.sqlite beside whoosh/) and every later run read nothing, with
    a note on documents and readme files.  The index's own files are skipped, the rest read;
    a folder that is only an index is said to be one."""
    refs = tmp_path / "refs"
    _ris(refs / "a.ris", "Alpha marrow", "Beta marrow")
    _ris(refs / "sub" / "b.ris", "Gamma blood")
    for _ in range(2):
        result = run_cli("ingest", "--json", "-q", "--index", str(refs), str(refs))
        assert result.returncode == 0, result.stderr
        summary = json.loads(result.stdout)
        assert summary["read"] == 3 and summary["failed"] == 0
    assert summary["unchanged"] == 3
    only = tmp_path / "only"
    assert run_cli("ingest", "-q", "--index", str(only), str(refs / "a.ris")).returncode == 0
    result = run_cli("ingest", "--index", str(tmp_path / "other"), str(only))
    assert "read 0" in result.stderr and "this folder is an index" in result.stderr, result.stderr
    assert "readme" not in result.stderr


def test_a_nul_dropped_on_reading_is_logged_once_a_field_and_shown_by_clean(tmp_path):
    # NULs go as the file is read (before a line's tag is); the drop is logged as every other is
    source = tmp_path / "nul.ris"
    source.write_bytes(b"TY  - JOUR\nTI  - Gastric\x00 cancer\nAU  - Li, Wei\nAB  - An abs\x00tract\n"
                       b"  goes on\x00 here.\nPY  - 2020\nER  - \n")
    result = run_cli("clean", "--json", "-q", str(source))
    [record] = jsonl(result.stdout)
    assert record["title"] == {"en": "Gastric cancer"}
    assert record["abstract"] == {"en": "An abstract goes on here."}
    dropped = [(r["field"], r["before"], r["after"]) for r in record["repairs"] if r["step"] == "drop_nul_characters"]
    assert dropped == [("title", "TI  - Gastric\x00 cancer", "TI  - Gastric cancer"),
                       ("abstract", "AB  - An abs\x00tract\n  goes on\x00 here.", "AB  - An abstract\n  goes on here.")]
    shown = run_cli("clean", str(source)).stdout
    assert "drop_nul_characters [title]: 'TI  - Gastric\\x00 cancer' → 'TI  - Gastric cancer'" in shown
