"""The command line as a user meets it: help with examples, bad input, exit codes, folders."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import DATA, ROOT, clean_items, jsonl, run_cli


@pytest.mark.parametrize("command", ["clean", "ingest", "search", "show", "dedup", "export", "stats"])
def test_every_command_has_help_with_an_example(command):
    result = run_cli(command, "--help")
    assert result.returncode == 0
    assert "examples:" in result.stdout and "python cli.py " + command in result.stdout


def test_top_level_help_documents_exit_codes():
    result = run_cli("--help")
    assert result.returncode == 0 and "exit codes" in result.stdout


def test_version_is_the_installed_packages():
    import tomllib
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"lit-indexer {declared}"


def test_folder_is_walked_and_every_record_validates(validate):
    result = run_cli("clean", "--json", "-q", str(ROOT / "samples"))
    assert result.returncode == 0, result.stderr
    records = jsonl(result.stdout)
    assert len(records) == len(list((ROOT / "samples").glob("*.txt")))
    for record in records:
        validate(record)
        # every bundled page has its title and abstract repaired and in place (the GBK
        # mojibake page's abstract had stayed undecoded, filed as an other title)
        assert record["title"] and record["abstract"], record["source"]["path"]
        assert "other_titles" not in record.get("extra", {}), record["source"]["path"]


def test_bad_files_are_reported_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "in"   # (the failures file beside it: one inside would be read by the next run)
    folder.mkdir()
    (folder / "a_empty.txt").write_text("", encoding="utf-8")
    (folder / "b_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "c_nothing.txt").write_text("收藏 下载 引用\n首页 > 期刊\n", encoding="utf-8")
    good = (DATA / "pages" / "cnki-bare-lines.txt").read_text(encoding="utf-8")
    (folder / "d_good.txt").write_text(good, encoding="utf-8")
    failures_file = tmp_path / "failures.jsonl"
    result = run_cli("clean", "--json", "--failures", str(failures_file), str(folder))
    assert result.returncode == 1
    lines = jsonl(result.stdout)
    failures = [x for x in lines if x.get("failure")]
    records = [x for x in lines if not x.get("failure")]
    assert len(records) == 1 and records[0]["title"]["zh"].startswith("认罪认罚")
    reasons = {json.dumps(f["path"]).split("/")[-1].strip('"'): f["reason"] for f in failures}
    assert set(reasons) == {"a_empty.txt", "b_binary.txt", "c_nothing.txt"}
    assert "empty" in reasons["a_empty.txt"] and "binary" in reasons["b_binary.txt"]
    for name in reasons:
        assert f"Error: {folder / name}" in result.stderr  # stderr names the file
    saved = jsonl(failures_file.read_text(encoding="utf-8"))
    assert len(saved) == 3
    nothing = next(f for f in saved if f["path"].endswith("c_nothing.txt"))
    assert "收藏 下载 引用" in nothing["raw"]  # the raw text is kept, nothing lost
    assert nothing["line"] == 1


def test_a_broken_link_in_a_folder_is_one_failure_for_ingest(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_gone.ris").symlink_to(tmp_path / "deleted.ris")
    (folder / "b_good.txt").write_text((DATA / "pages" / "cnki-bare-lines.txt").read_text(encoding="utf-8"),
                                       encoding="utf-8")
    result = run_cli("ingest", "--json", str(folder), "--index", str(tmp_path / "idx"))
    assert result.returncode == 1, result.stderr
    summary = json.loads(result.stdout)
    assert (summary["added"], summary["failed"]) == (1, 1)
    assert summary["failures"][0]["path"].endswith("a_gone.ris")
    assert f"Error: {folder / 'a_gone.ris'}: cannot read file" in result.stderr


def test_missing_path_is_a_usage_error():
    result = run_cli("clean", "/no/such/file.txt")
    assert result.returncode == 2
    assert "Error:" in result.stderr and "/no/such/file.txt" in result.stderr


def test_a_missing_path_stops_the_run_before_anything_is_read(tmp_path):
    good = tmp_path / "good.ris"
    good.write_text("TY  - JOUR\nTI  - Read first\nER  - \n", encoding="utf-8")
    result = run_cli("clean", "--json", str(good), str(tmp_path / "typo.ris"), str(good))
    assert result.returncode == 2 and result.stdout == ""
    assert f"Error: {tmp_path / 'typo.ris'}: no such file or folder" in result.stderr


def test_a_file_named_twice_in_one_run_is_read_once(tmp_path):
    folder = tmp_path / "refs"
    folder.mkdir()
    (folder / "a.ris").write_text("TY  - JOUR\nTI  - Once\nER  - \n", encoding="utf-8")
    (tmp_path / "link").symlink_to(folder)
    given = [str(folder / "a.ris"), str(folder / "a.ris"), str(folder), str(tmp_path / "link" / "a.ris")]
    records = jsonl(run_cli("clean", "--json", *given).stdout)
    assert [r["title"]["en"] for r in records] == ["Once"]
    result = run_cli("ingest", "--json", "--index", str(tmp_path / "idx"), *given)
    assert json.loads(result.stdout)["read"] == 1


def test_a_file_name_that_is_not_utf8_is_a_failure_naming_it_and_the_rest_is_read(tmp_path):
    import os

    folder = tmp_path / "refs"
    folder.mkdir()
    ris = "TY  - JOUR\nTI  - {}\nPY  - 2020\nER  - \n"
    (folder / "good.ris").write_text(ris.format("Read anyway"), encoding="utf-8")
    gbk_name = os.fsdecode(os.fsencode(folder) + b"/" + "高血压.ris".encode("gbk"))  # as `unzip` leaves it
    with open(gbk_name, "w", encoding="utf-8") as fh:
        fh.write(ris.format("Named in GBK"))
    result = run_cli("clean", "--json", str(folder))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    items = jsonl(result.stdout)
    assert [i["title"]["en"] for i in items if not i.get("failure")] == ["Read anyway"]
    failure, = [i for i in items if i.get("failure")]
    assert failure["path"] == str(folder / "高血压.ris") and "not UTF-8" in failure["reason"]
    result = run_cli("ingest", "--json", "--index", str(tmp_path / "idx"), str(folder))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert json.loads(result.stdout)["added"] == 1
    assert f"Error: {folder / '高血压.ris'}: not read: the file's name is not UTF-8" in result.stderr
    result = run_cli("clean", os.fsdecode(os.fsencode(tmp_path) + b"/\xff.ris"))
    assert result.returncode == 2 and f"Error: {tmp_path}/\\xff.ris: no such file or folder" in result.stderr


def test_a_folder_of_hidden_files_says_they_are_hidden(tmp_path):
    (tmp_path / "refs").mkdir()
    (tmp_path / "refs" / ".saved.ris").write_text("TY  - JOUR\nTI  - Hidden\nER  - \n", encoding="utf-8")
    result = run_cli("clean", str(tmp_path / "refs"))
    assert result.returncode == 1 and (f"Warning: {tmp_path / 'refs'}: no file here is read (1 hidden skipped: files "
                                       "whose names start with '.' are hidden") in result.stderr
    assert "documents, images" not in result.stderr     # it said a .ris was a document, image or readme


def test_office_lock_files_and_folder_settings_are_not_read(tmp_path):
    # what Excel and Word leave beside a file they have open, and Windows' desktop.ini: never records
    (tmp_path / "refs").mkdir()
    (tmp_path / "refs" / "cnki.ris").write_text("TY  - JOUR\nTI  - Read\nER  - \n", encoding="utf-8")
    (tmp_path / "refs" / "~$cnki_export.xlsx").write_bytes(b"\x07Zhang San" + b"\x00" * 150)
    (tmp_path / "refs" / "~$论文.docx").write_bytes(b"\x05Li Si" + b"\x00" * 150)
    (tmp_path / "refs" / "~WRL0001.tmp").write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 150)   # Word's temporary copy
    (tmp_path / "refs" / "desktop.ini").write_text("[.ShellClassInfo]\nIconResource=C:\\x.ico,0\n", encoding="utf-8")
    result, records, failures = clean_items(tmp_path / "refs")
    assert result.returncode == 0 and not failures, result.stderr
    assert [r["title"] for r in records] == [{"en": "Read"}]
    (tmp_path / "refs" / "cnki.ris").unlink()
    result = run_cli("clean", str(tmp_path / "refs"))
    assert result.returncode == 1 and "no file here is read (3 Office lock or temporary (~), 1 .ini skipped" in result.stderr


def test_a_folder_with_nothing_to_read_says_why(tmp_path):
    (tmp_path / "papers" / "notes").mkdir(parents=True)
    for name in ("a.pdf", "b.pdf", "notes/README.md"):
        (tmp_path / "papers" / name).write_bytes(b"%PDF-1.4")
    (tmp_path / "empty").mkdir()
    for command in (["clean"], ["ingest", "--index", str(tmp_path / "idx")]):
        result = run_cli(*command, str(tmp_path / "papers"), str(tmp_path / "empty"))
        assert result.returncode == 1, result.stderr   # an input that gave nothing, as an empty file
        assert f"Warning: {tmp_path / 'papers'}: no file here is read (2 .pdf, 1 .md skipped" in result.stderr
        assert f"Warning: {tmp_path / 'empty'}: no files in this folder" in result.stderr
    # in ingest --json's warnings too, as a file cut short is (they had gone to stderr alone)
    result = run_cli("ingest", "--json", str(tmp_path / "papers"), "--index", str(tmp_path / "idx"))
    summary = json.loads(result.stdout)
    assert (result.returncode, summary["read"]) == (1, 0)
    assert [w.split(":")[0] for w in summary["warnings"]] == [str(tmp_path / "papers")]
    assert "no file here is read (2 .pdf, 1 .md skipped" in summary["warnings"][0]
    assert result.stderr.count("Warning:") == 1
    (tmp_path / "papers" / "refs.ris").write_text("TY  - JOUR\nTI  - Read\nER  - \n", encoding="utf-8")
    assert "Warning" not in run_cli("clean", str(tmp_path / "papers")).stderr


def test_a_summary_of_no_failure_says_why_an_empty_folder_exits_1(tmp_path):
    # ingest --json said "failed": 0 and exited 1, the plain summary "failed 0": neither said why
    (tmp_path / "empty").mkdir()
    result = run_cli("ingest", "--json", "--index", str(tmp_path / "idx"), str(tmp_path / "empty"))
    summary = json.loads(result.stdout)
    assert (result.returncode, summary["failed"], summary["unread_folders"]) == (1, 0, [str(tmp_path / "empty")])
    assert list(summary)[:8] == ["read", "added", "updated", "replaced", "unchanged", "removed", "failed", "unread_folders"]
    for command in (["ingest", "--index", str(tmp_path / "idx")], ["clean"]):
        result = run_cli(*command, str(tmp_path / "empty"))
        assert result.returncode == 1
        assert result.stderr.splitlines()[-1].startswith(f"nothing read from {tmp_path / 'empty'} (no file there"), \
            result.stderr
    (tmp_path / "empty" / "a.ris").write_text("TY  - JOUR\nTI  - Read\nER  - \n", encoding="utf-8")
    result = run_cli("ingest", "--json", "--index", str(tmp_path / "idx"), str(tmp_path / "empty"))
    assert (result.returncode, json.loads(result.stdout)["unread_folders"]) == (0, [])


def test_an_output_path_that_cannot_be_written_is_said_before_any_work(tmp_path):
    for command in (["clean", "--failures", str(tmp_path / "no" / "f.jsonl"), str(ROOT / "samples")],
                    ["ingest", "--failures", str(tmp_path), "--index", str(tmp_path / "idx"), str(ROOT / "samples")]):
        result = run_cli(*command)
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert result.stdout == "" and not (tmp_path / "idx").exists()   # nothing done first
    assert "Error: " in result.stderr and "Is a directory" in result.stderr
    assert run_cli("ingest", "-q", str(ROOT / "samples"), "--index", str(tmp_path / "idx")).returncode == 0
    result = run_cli("export", "--format", "ris", "-o", str(tmp_path), "--index", str(tmp_path / "idx"))
    assert result.returncode == 2 and f"Error: {tmp_path}: Is a directory." in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_format_lists_the_known_ones():
    result = run_cli("clean", "--format", "nosuchformat", str(DATA / "pages" / "cnki-bare-lines.txt"))
    assert result.returncode == 2
    assert "scraped-page" in result.stderr


def test_a_usage_error_of_ingest_makes_no_index(tmp_path):
    # an unknown --format (and a --prune path with no records) was said after the index was
    # made: an empty index was left at the new folder
    for options in (["--format", "nosuch"], ["--prune", str(tmp_path / "typo")]):
        result = run_cli("ingest", *options, str(ROOT / "samples"), "--index", str(tmp_path / "new"))
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert not (tmp_path / "new").exists(), options
    assert "unknown format 'nosuch'" in run_cli("ingest", "--format", "nosuch", str(ROOT / "samples"),
                                                 "--index", str(tmp_path / "new")).stderr


def test_same_input_same_output_and_ids():
    first = run_cli("clean", "--json", "-q", str(ROOT / "samples"))
    second = run_cli("clean", "--json", "-q", str(ROOT / "samples"))
    assert first.returncode == second.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    ids = [r["id"] for r in jsonl(first.stdout)]
    assert len(ids) == len(list((ROOT / "samples").glob("*.txt")))  # one page per file, none lost
    assert len(set(ids)) == len(ids)


def test_ctrl_c_while_starting_is_a_message_not_a_traceback():
    # Ctrl-C while the command line is read (before a command runs) ends as one during a command
    script = ("import argparse, runpy, sys\n"
              "def interrupted(*args, **kwargs):\n"
              "    raise KeyboardInterrupt\n"
              "argparse.ArgumentParser.parse_known_args = interrupted\n"
              f"sys.argv = [{str(ROOT / 'cli.py')!r}, 'stats']\n"
              f"runpy.run_path({str(ROOT / 'cli.py')!r}, run_name='__main__')\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert (out.returncode, out.stderr) == (130, "Interrupted.\n")   # no blank line first in a log


def test_clean_reads_records_piped_in(tmp_path):
    ris = (DATA / "formats" / "ris").glob("*.ris")
    path = sorted(ris)[0]
    from_file = jsonl(run_cli("clean", "--json", "-q", str(path)).stdout)
    piped = [jsonl(run_cli("clean", "--json", "-q", "-", stdin=path.read_text(encoding="utf-8")).stdout)
             for _ in range(2)]
    assert piped[0] == piped[1] and len(piped[0]) == len(from_file) > 0   # the same ids each time
    assert all(r["source"]["path"] == "<stdin>" for r in piped[0])
    assert [r["title"] for r in piped[0]] == [r["title"] for r in from_file]
    junk = run_cli("clean", "-", stdin="not a record\n")
    assert junk.returncode == 1 and "<stdin>:1: unknown format" in junk.stderr
    both = run_cli("clean", "-", str(path), stdin="")
    assert both.returncode == 2 and "give it alone" in both.stderr


def _on_a_terminal(*args: str, typed: bytes) -> subprocess.CompletedProcess:
    """The CLI with a terminal as its stdin, ``typed`` there (then Ctrl-D); stdout and stderr piped."""
    import os
    import pty

    main, child = pty.openpty()
    try:
        proc = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), *args], stdin=child, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, cwd=ROOT, text=True)
        os.close(child)
        os.write(main, typed + b"\x04")
        out, err = proc.communicate(timeout=120)
    finally:
        os.close(main)
    return subprocess.CompletedProcess(args, proc.returncode, out, err)


def test_dash_on_a_terminal_says_what_it_waits_for_and_only_clean_and_export_read_it(tmp_path):
    # `clean -` on a terminal waited silently; `ingest -` said "-: no such file or folder"
    typed = b"TY  - JOUR\nTI  - Typed in\nER  - \n"
    hint = "reading records from the terminal; paste, then Ctrl-D"
    for command in (["clean", "--json", "-"], ["export", "--format", "ris", "--from", "-"]):
        result = _on_a_terminal(*command, typed=typed)
        assert result.returncode == 0 and hint in result.stderr, result.stderr
        assert "Typed in" in result.stdout
    piped = run_cli("export", "--format", "ris", "--from", "-", stdin=typed.decode())
    assert piped.returncode == 0 and "TI  - Typed in" in piped.stdout and hint not in piped.stderr
    result = run_cli("ingest", "-", "--index", str(tmp_path / "idx"), stdin=typed.decode())
    assert result.returncode == 2 and "ingest reads files and folders, not records piped in" in result.stderr
    assert not (tmp_path / "idx").exists()
    both = run_cli("export", "--format", "ris", "--from", "-", str(ROOT / "samples"), stdin="")
    assert both.returncode == 2 and "give it alone" in both.stderr


def test_an_option_after_dashes_is_said_to_be_a_word(tmp_path):
    # `search -- -癌 --index DIR` searched the default index for '-癌 --index DIR', silently
    result = run_cli("search", "--", "-癌", "--index", str(tmp_path / "idx"), "--json")
    for option in ("--index", "--json"):
        assert (f"Warning: {option} comes after --, so it is read as a word of the query, not as an option; "
                f"options go before --: python cli.py search {option} … -- …") in result.stderr
    assert "Warning: --" not in run_cli("search", "--index", str(tmp_path / "idx"), "--", "-癌").stderr
    assert "Warning: --json comes after --, so it is read as an ID" in run_cli("show", "--", "abcd", "--json").stderr
    assert "options before --" in run_cli("search", "--help").stdout


def test_export_warnings_cut_titles_at_a_word_with_an_ellipsis(tmp_path):
    # "(Labour drugs associated with drop in bre)": cut at 40 characters, inside a word, no "…"
    path = tmp_path / "noauthors.ris"
    path.write_text("TY  - JOUR\nTI  - Labour drugs associated with drop in breastfeeding rates\nJO  - BMJ\n"
                    "PY  - 2009\nER  - \n\nTY  - JOUR\nTI  - 一种基于平方和优化的飞行器大角度机动镇定控制器设计方法\n"
                    "JO  - 航空学报\nPY  - 2019\nER  - \n\nTY  - JOUR\nTI  - Spinal cord injury\nJO  - Spine\n"
                    "PY  - 2020\nER  - \n", encoding="utf-8")
    result = run_cli("export", "--format", "gbt7714", "--from", str(path))
    assert result.returncode == 0, result.stderr
    (warned,) = [line for line in result.stderr.splitlines() if "have no authors" in line]
    assert "(Labour drugs associated with drop in…)" in warned
    assert "(一种基于平方和优化的飞行器大角度机动镇定控制器设…)" in warned   # 48 columns and the "…"
    assert "(Spinal cord injury)" in warned   # whole when it fits


def test_an_ingest_of_nothing_makes_no_index_and_an_empty_index_is_said_empty(tmp_path):
    # `ingest --index idx emptydir` (exit 1) left an empty index folder; stats of an empty index printed
    # blank "by language:" lines; export of it to stdout printed nothing, with no note (exit 0)
    (tmp_path / "in").mkdir()
    idx = tmp_path / "idx"
    result = run_cli("ingest", "--index", str(idx), str(tmp_path / "in"))
    assert result.returncode == 1 and not idx.exists()
    assert f"→ no index made in {idx} (no record to put in it)" in result.stderr
    (tmp_path / "in" / "a.ris").write_text("TY  - JOUR\nTI  - Spinal cord injury\nAU  - Li, Wei\nJO  - Spine\n"
                                           "PY  - 2020\nER  - \n", encoding="utf-8")
    assert run_cli("ingest", "-q", "--index", str(idx), str(tmp_path / "in")).returncode == 0
    (tmp_path / "in" / "a.ris").unlink()
    assert run_cli("ingest", "-q", "--prune", "--index", str(idx), str(tmp_path / "in")).returncode == 0
    stats = run_cli("stats", "--index", str(idx))
    assert stats.returncode == 0 and "by language" not in stats.stdout
    assert stats.stdout.splitlines()[1] == f"  the index is empty: ingest files into it (python cli.py ingest PATH --index {idx})"
    exported = run_cli("export", "--format", "ris", "--index", str(idx))
    assert exported.returncode == 0 and exported.stdout == "" and exported.stderr == "note: nothing to export\n"


def test_dedup_undo_refuses_map_as_it_refuses_apply(tmp_path):
    # --undo --map exited 0 and wrote no map
    idx = tmp_path / "idx"
    assert run_cli("ingest", "-q", str(DATA / "search" / "records.ris"), "--index", str(idx)).returncode == 0
    result = run_cli("dedup", "--undo", "--map", str(tmp_path / "kept.csv"), "--index", str(idx))
    assert result.returncode == 2 and "--undo cannot be combined with --apply, --review or --map" in result.stderr
    assert not (tmp_path / "kept.csv").exists()


def test_export_messages_say_what_was_done_as_search_does(tmp_path):
    idx = tmp_path / "idx"
    assert run_cli("ingest", "-q", str(DATA / "search" / "records.ris"), "--index", str(idx)).returncode == 0
    # a bad query had been "Error: missing closing parenthesis", naming no query
    searched = run_cli("search", "(bad", "--index", str(idx))
    exported = run_cli("export", "--format", "ris", "--query", "(bad", "--index", str(idx))
    assert searched.returncode == exported.returncode == 2
    assert exported.stderr == searched.stderr and exported.stderr.startswith("Error: bad query '(bad': ")
    # "wrote 1 records to /dev/null as ris (usual suffix: .ris)"
    # (the fixture's record has no journal, which the export warns of first: d696d5f)
    gap = "warning: 1 record(s) have no journal, so their references are incomplete: "
    result = run_cli("export", "--format", "ris", "-q", "癌", "-o", "/dev/null", "--index", str(idx))
    assert result.returncode == 0
    warned, wrote = result.stderr.splitlines()
    assert warned.startswith(gap) and wrote == "wrote 1 record to /dev/null as ris"
    result = run_cli("export", "--format", "ris", "-q", "癌", "-o", str(tmp_path / "out.txt"), "--index", str(idx))
    assert result.stderr.splitlines()[1:] == [f"wrote 1 record to {tmp_path / 'out.txt'} as ris (usual suffix: .ris)"]
    assert "-q is --query here; in clean and ingest, --quiet" in " ".join(run_cli("export", "--help").stdout.split())


def test_a_missing_argument_is_said_with_the_options_not_known_and_positionals_have_help():
    # `clean --bogus` said only "the following arguments are required: PATH"
    result = run_cli("clean", "--bogus")
    assert result.returncode == 2
    assert "required: PATH; unrecognized arguments: --bogus" in result.stderr
    assert "required: ID; unrecognized arguments: --bogus" in run_cli("show", "--bogus", "--json").stderr
    assert "unrecognized" not in run_cli("show", "--json").stderr
    # an option's start is the option, as argparse takes it (--form is --format)
    assert "unrecognized" not in run_cli("clean", "--form", "ris").stderr
    for command, name in (("ingest", "PATH"), ("show", "ID"), ("clean", "PATH")):
        shown = run_cli(command, "--help").stdout.split("positional arguments:", 1)[1].split("\n")[1].split()
        assert shown[0] == name and len(shown) > 1, (command, shown)   # a word of help beside it


@pytest.mark.parametrize("args, meant", [
    (("serach", "foo"), "did you mean search?"),
    (("ingset", "x"), "did you mean ingest?"),
    (("search", "--limt", "5", "foo"), "did you mean --limit?"),
    (("clean", "--jsn", "x"), "did you mean --json?"),
    (("clean", "--format", "rsi", str(ROOT / "README.md")), "unknown format 'rsi' (did you mean ris?)"),
    (("export", "--format", "rsi"), "did you mean ris?"),
])
def test_a_misspelt_command_option_or_format_names_the_one_meant(args, meant):
    # they said only "invalid choice" or "unrecognized arguments" (or listed 18 formats)
    result = run_cli(*args)
    assert result.returncode == 2 and meant in result.stderr, result.stderr


@pytest.mark.parametrize("args, said", [
    (("--json", "search", "x"), "--json is an option of search: write it after the command: python cli.py search x --json"),
    (("--index", "idx", "search", "spinal cord"),
     "--index is an option of search: write it after the command: python cli.py search 'spinal cord' --index idx"),
    (("--json", "search", "--", "-癌"), "write it after the command: python cli.py search --json -- '-癌'"),
    (("--format", "ris", "search", "x"), "--format is not an option of search (it is of clean, ingest, export)"),
])
def test_an_option_before_the_command_is_said_to_go_after_it(args, said):
    # `cli.py --json search x` said "unrecognized arguments: --json" under a usage listing [--json],
    # and `cli.py --index idx search x` "invalid choice: 'idx'"
    result = run_cli(*args)
    assert result.returncode == 2 and said in result.stderr, result.stderr
    assert result.stderr.startswith("usage: cli.py search") and "invalid choice" not in result.stderr


def test_the_installed_command_names_itself_in_its_usage():
    # `lit-indexer --help` (pyproject's console script) said "usage: cli.py"
    script = ("import sys\nsys.argv = ['/usr/local/bin/lit-indexer', 'search', '--help']\n"
              "from indexer.cli import main\nmain()\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.stdout.startswith("usage: lit-indexer search"), out.stdout[:200]
    assert run_cli("search", "--help").stdout.startswith("usage: cli.py search")


def test_ctrl_c_during_a_command_starts_no_blank_line_in_a_log():
    # "\nInterrupted." left a blank line in a log, where no progress line or ^C is to end
    script = ("import sys\nimport indexer.cli as cli\n"
              "def interrupted(args):\n    raise KeyboardInterrupt\n"
              "cli.cmd_stats = interrupted\nsys.exit(cli.main(['stats']))\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert (out.returncode, out.stderr) == (130, "Interrupted.\n")


def test_ctrl_c_during_clean_says_how_many_records_were_written(tmp_path):
    # It said "Interrupted." alone: a saved output could be taken for the whole.
    import os
    import re
    import signal
    import time

    path = tmp_path / "many.ris"
    path.write_text("".join(f"TY  - JOUR\nTI  - Marrow study number {i}\nAB  - {'Bone marrow cells. ' * 30}\n"
                            f"PY  - 2020\nER  - \n\n" for i in range(40000)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    with open(out, "w") as fh:
        # (the CLI at a lower priority: on a busy machine this loop had not run before it had read all;
        # and with Ctrl-C's default action, which a runner that started the tests in the background
        # leaves ignored, so that Python raises no KeyboardInterrupt)
        def child():
            os.nice(19)
            signal.signal(signal.SIGINT, signal.SIG_DFL)

        proc = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), "clean", "--json", str(path)], stdout=fh,
                                stderr=subprocess.PIPE, text=True, start_new_session=True, preexec_fn=child)
        deadline = time.monotonic() + 60
        while not out.stat().st_size and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert proc.poll() is None, proc.communicate()
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    said = re.search(r"Interrupted: ([\d,]+) record\(s\) and 0 failure\(s\) written; the output is partial", err)
    assert said and int(said.group(1).replace(",", "")) == len(out.read_text().splitlines()) < 40000, err


EXPORT_INTERRUPTED = """import sys
sys.path.insert(0, {root!r})
import indexer.export.command as command
def export(records, fmt, f, lang, keys):   # Ctrl-C once the first record is written
    f.write("TY  - JOUR\\n")
    raise KeyboardInterrupt
command.export = export
from indexer.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_ctrl_c_during_export_to_a_file_leaves_it_as_it_was(tmp_path):
    # The file had been emptied and left holding the records written before the Ctrl-C, and
    # "Interrupted." did not say so.
    source, kept, new = tmp_path / "in.ris", tmp_path / "refs.ris", tmp_path / "new.ris"
    source.write_text("TY  - JOUR\nTI  - Marrow\nPY  - 2020\nER  - \n", encoding="utf-8")
    kept.write_text("my references\n", encoding="utf-8")
    script = tmp_path / "interrupted.py"
    script.write_text(EXPORT_INTERRUPTED.format(root=str(ROOT)), encoding="utf-8")
    for output, said in ((kept, "left as it was"), (new, "not written")):
        result = subprocess.run([sys.executable, str(script), "export", "-f", "ris", "--from", str(source),
                                 "-o", str(output)], capture_output=True, text=True, cwd=tmp_path, timeout=120)
        assert result.returncode == 130 and result.stderr.endswith(f"Interrupted: {output} {said}.\n"), result.stderr
    assert kept.read_text(encoding="utf-8") == "my references\n" and not new.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.ris", "interrupted.py", "refs.ris"]   # no part left
    # written whole, the file is replaced, its mode kept
    kept.chmod(0o640)
    assert run_cli("export", "-f", "ris", "--from", str(source), "-o", str(kept)).returncode == 0
    assert "TI  - Marrow" in kept.read_text(encoding="utf-8") and kept.stat().st_mode & 0o777 == 0o640

def test_export_to_a_read_only_or_hard_linked_file_is_as_before_the_temporary_file(tmp_path):
    # b595d7a wrote through a temporary file renamed over FILE: a file the user may not write was
    # replaced (its mode never asked), and a hard link's other name kept the old text
    from conftest import run_cli_unprivileged

    source = tmp_path / "in.ris"
    source.write_text("TY  - JOUR\nTI  - Marrow\nPY  - 2020\nER  - \n", encoding="utf-8")
    linked, other = tmp_path / "a.ris", tmp_path / "b.ris"
    linked.write_text("old\n", encoding="utf-8")
    os.link(linked, other)
    assert run_cli("export", "-f", "ris", "--from", str(source), "-o", str(linked)).returncode == 0
    assert "TI  - Marrow" in other.read_text(encoding="utf-8")   # one file, two names
    import shutil
    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp(prefix="export-"))   # (a folder any user may enter, as pytest's is not)
    try:
        folder.chmod(0o777)
        (folder / "in.ris").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
        kept = folder / "keep.ris"
        kept.write_text("PRECIOUS\n", encoding="utf-8")
        kept.chmod(0o444)
        result = run_cli_unprivileged("export", "-f", "ris", "--from", str(folder / "in.ris"), "-o", str(kept))
        assert result.returncode == 2 and "Permission denied" in result.stderr, result.stderr
        assert kept.read_text(encoding="utf-8") == "PRECIOUS\n"
        assert sorted(p.name for p in folder.iterdir()) == ["in.ris", "keep.ris"]   # no part left
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_clean_on_a_terminal_says_a_failure_once_and_how_to_force_a_format(tmp_path):
    # stderr's "Error: note.txt:1: unknown format; …" and stdout's "✗ note.txt:1: unknown format; …"
    # were both shown, each with 18 format names, and neither said what to do
    import os
    import pty

    note = tmp_path / "note.txt"
    note.write_text("hello world\nthis is just a note\n", encoding="utf-8")
    main, child = pty.openpty()
    try:
        proc = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), "clean", str(note)], stdin=subprocess.DEVNULL,
                                stdout=child, stderr=child, cwd=ROOT)
        os.close(child)
        shown = b""
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:   # EIO: the terminal's last writer closed it
                break
            if not chunk:
                break
            shown += chunk
        proc.wait(timeout=60)
    finally:
        os.close(main)
    text = shown.decode("utf-8")
    assert proc.returncode == 1 and text.count("unknown format") == 1, text
    flat = " ".join(text.split())   # (a terminal's view wraps a long line: 5176ae1)
    assert "✗ " in text and "use --format NAME to read it as one of the known formats: " in flat
    piped = run_cli("clean", str(note))   # a script keeps its contract: the Error line on stderr
    assert "Error: " in piped.stderr and "✗ " in piped.stdout


def test_help_says_how_to_have_progress_without_redraws():
    # only -q (which hides the summary too) was said; a screen reader wants TERM=dumb's lines
    assert "TERM=dumb" in run_cli("--help").stdout
