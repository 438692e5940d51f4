"""The command line as a script meets it: outputs that cannot be written, queries piped in
any encoding, file names under any locale, outputs among the inputs, exit codes."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import DATA, ROOT, run_cli, stderr_on_a_terminal

RIS = "TY  - JOUR\nTI  - {}\nPY  - 2020\nER  - \n"


@pytest.fixture(scope="module")
def idx(tmp_path_factory):
    path = tmp_path_factory.mktemp("scripting") / "idx"
    assert run_cli("ingest", "-q", str(DATA / "search" / "records.ris"), "--index", str(path)).returncode == 0
    return path


def _to_full(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """The CLI with its standard output on a full disk (/dev/full: every write is ENOSPC)."""
    with open("/dev/full", "w") as full:
        return subprocess.run([sys.executable, str(ROOT / "cli.py"), *args], stdout=full, stderr=subprocess.PIPE,
                              text=True, cwd=ROOT, timeout=300, input=stdin)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_an_output_on_a_full_disk_is_one_line_naming_it_and_exit_2(idx, tmp_path):
    # each was a traceback and exit 1 ("some input failed")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.ris").write_text(RIS.format("Kept"), encoding="utf-8")
    (tmp_path / "in" / "junk.txt").write_text("not a record\n", encoding="utf-8")
    full = "No space left on device"
    for args in (("search", "--index", str(idx), "癌", "--json"), ("search", "--index", str(idx), "癌"),
                 ("stats", "--index", str(idx)), ("export", "--index", str(idx), "-f", "ris"),
                 ("clean", "--json", str(tmp_path / "in"))):
        result = _to_full(*args)
        assert (result.returncode, result.stderr.splitlines()[-1]) == (
            2, f"Error: cannot write standard output: {full}."), (args, result.stderr)
        assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    result = run_cli("export", "--index", str(idx), "-f", "ris", "-o", "/dev/full")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.endswith(f"Error: cannot write /dev/full: {full}; it holds part of the export only.\n")
    result = run_cli("clean", "--json", "--failures", "/dev/full", str(tmp_path / "in"))
    assert result.returncode == 2 and result.stderr.endswith(f"Error: cannot write --failures /dev/full: {full}.\n")
    assert "TI  - Kept" not in result.stdout and '"Kept"' in result.stdout   # the records were written
    # an ingest says its records are committed all the same (its summary was lost): a second run adds nothing
    result = _to_full("ingest", "--json", "--index", str(tmp_path / "idx"), str(tmp_path / "in"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1] == (
        f"Error: cannot write standard output: {full}; this run's records are committed to {tmp_path / 'idx'} "
        "all the same (1 added, 0 updated, 0 removed, 1 failed).")
    result = run_cli("ingest", "--json", "--index", str(tmp_path / "idx"), "--failures", "/dev/full",
                     str(tmp_path / "in"))
    assert result.returncode == 2 and "cannot write --failures /dev/full" in result.stderr
    assert "(0 added, 0 updated, 0 removed, 1 failed)" in result.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_dedup_review_and_map_on_a_full_disk_are_one_line_naming_them_and_exit_2(tmp_path):
    # --review's clusters and prompt were written past _out ("Error: [Errno 28] No space left on
    # device.", naming nothing), and so was --map's CSV
    idx = tmp_path / "idx"
    assert run_cli("ingest", "-q", str(DATA / "dedup" / "cases.ris"), "--index", str(idx)).returncode == 0
    result = _to_full("dedup", "--review", "--index", str(idx), stdin="n\n")
    assert (result.returncode, result.stderr) == (2, "Error: cannot write standard output: No space left on device.\n")
    result = run_cli("dedup", "--apply", "--map", "/dev/full", "--index", str(idx))
    assert (result.returncode, result.stderr.splitlines()[-1]) == (
        2, "Error: cannot write --map /dev/full: No space left on device; the merges are applied all the same "
           "(undo with --undo).")


def test_a_failures_file_on_read_only_media_is_said_to_be_read_only(tmp_path):
    # "Permission denied" sent the user to chmod; a read-only file system is mounted in a
    # namespace of its own (root only: skipped where none can be made)
    if not shutil.which("unshare") or subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode:
        pytest.skip("no mount namespace can be made here (needs root)")
    ro = tmp_path / "ro"
    ro.mkdir()
    (tmp_path / "a.ris").write_text(RIS.format("Read"), encoding="utf-8")
    script = (f"mount -t tmpfs -o ro,size=64k none {ro} && exec {sys.executable} {ROOT / 'cli.py'} clean "
              f"--failures {ro / 'f.jsonl'} {tmp_path / 'a.ris'}")
    result = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=120)
    if "mount:" in result.stderr:
        pytest.skip(f"no read-only file system can be mounted here: {result.stderr.strip()}")
    assert (result.returncode, result.stdout) == (2, "")   # said before any work
    assert result.stderr == f"Error: {ro / 'f.jsonl'}: Read-only file system.\n"


def test_a_map_that_cannot_be_written_is_said_in_the_system_s_words_as_other_outputs_are(idx, tmp_path):
    # --map said "permission denied" of a read-only disk (and "no folder X", "is a folder" in words
    # of its own); each output now says the OSError's reason, naming the file, before any work
    for path, why in ((tmp_path / "no" / "kept.csv", "No such file or directory"), (tmp_path, "Is a directory")):
        result = run_cli("dedup", "--apply", "--map", str(path), "--index", str(idx))
        assert (result.returncode, result.stdout) == (2, "")
        assert result.stderr == f"Error: --map {path}: {why}; nothing was changed.\n"
    if not shutil.which("unshare") or subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode:
        pytest.skip("no mount namespace can be made here (needs root)")
    ro = tmp_path / "ro"
    ro.mkdir()
    cli = f"{sys.executable} {ROOT / 'cli.py'}"
    script = (f"mount -t tmpfs -o ro,size=64k none {ro} && {cli} dedup --map {ro / 'kept.csv'} --index {idx}; "
              f"{cli} export -f ris -o {ro / 'out.ris'} --index {idx}")
    result = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=120)
    if "mount:" in result.stderr:
        pytest.skip(f"no read-only file system can be mounted here: {result.stderr.strip()}")
    assert result.stderr.splitlines() == [f"Error: --map {ro / 'kept.csv'}: Read-only file system; nothing was changed.",
                                          f"Error: {ro / 'out.ris'}: Read-only file system."]


@pytest.mark.parametrize("encoding", ["gb18030", "ascii", "utf-8"])
def test_batch_queries_are_read_as_utf8_or_gbk_whatever_the_locale(idx, encoding):
    # PYTHONIOENCODING=gb18030: a UTF-8 line was a UnicodeDecodeError traceback (癌), or searched
    # its bytes read as GB18030 (肉瘤样癌 as 鑲夌槫鏍风檶) and found nothing, silently
    stdin = "癌\n肉瘤样癌\n".encode("utf-8") + "肉瘤样癌\r\n".encode("gbk") + b"IL-6\n"
    result = subprocess.run([sys.executable, str(ROOT / "cli.py"), "search", "--batch", "--index", str(idx)],
                            input=stdin, capture_output=True, cwd=ROOT, timeout=300,
                            env={**os.environ, "PYTHONIOENCODING": encoding})
    assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr
    lines = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert [(line["query"], line["total"]) for line in lines] == [("癌", 1), ("肉瘤样癌", 1), ("肉瘤样癌", 1),
                                                                  ("IL-6", 2)]


def _locales() -> list[dict[str, str]]:
    """Locales whose file names Python decodes otherwise than as UTF-8: POSIX (ASCII) with UTF-8
    mode off, and GB18030 where this system has it."""
    found = [{"LC_ALL": "POSIX", "LANG": "POSIX", "PYTHONUTF8": "0"}]
    listed = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout if shutil.which("locale") else ""
    found += [{"LC_ALL": name, "LANG": name, "PYTHONUTF8": "0"} for name in listed.split()
              if name.lower().replace("-", "").endswith(".gb18030")][:1]
    return found


@pytest.mark.parametrize("locale", _locales(), ids=lambda env: env["LC_ALL"])
def test_a_utf8_file_name_is_read_whatever_the_locale(tmp_path, locale):
    # under a POSIX or GB18030 locale every non-ASCII name was refused as "not UTF-8 … convmv -f gbk"
    # (which would have double-encoded it), or read under 鑲跨槫.ris for 肿瘤.ris, with other ids
    folder = tmp_path / "refs"
    folder.mkdir()
    (folder / "肿瘤.ris").write_text(RIS.format("Named in UTF-8"), encoding="utf-8")
    with open(os.fsencode(folder) + "/高血压.ris".encode("gbk"), "w", encoding="utf-8") as fh:   # as `unzip` leaves it
        fh.write(RIS.format("Named in GBK"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHONUTF8", "PYTHONIOENCODING"))}
    outputs = []
    for extra in ({}, locale):
        result = subprocess.run([sys.executable, str(ROOT / "cli.py"), "clean", "--json", str(folder)],
                                capture_output=True, cwd=ROOT, timeout=120, env={**env, **extra})
        assert result.returncode == 1 and b"Traceback" not in result.stderr, result.stderr
        outputs.append([json.loads(line) for line in result.stdout.decode("utf-8").splitlines()])
    assert outputs[1] == outputs[0]   # the same records, paths and ids as under a UTF-8 locale
    record, failure = outputs[1]   # (sorted as text: 肿 before the GBK bytes, kept as surrogates)
    assert record["source"]["path"] == str(folder / "肿瘤.ris") and record["title"] == {"en": "Named in UTF-8"}
    assert failure["path"] == str(folder / "高血压.ris") and "the file's name is not UTF-8" in failure["reason"]
    # read from Python so (no command line to run in UTF-8 mode), a UTF-8 name is said to be one
    code = ("from indexer.cleaner import clean_paths\n"
            f"print(*(getattr(x, 'reason', '') for x in clean_paths([{str(folder)!r}])), sep='\\n')")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, timeout=120,
                            env={**env, **locale})
    reasons = result.stdout.decode("utf-8").splitlines()
    assert len(reasons) == 2 and "the file's name is not UTF-8" in reasons[0], result.stderr
    assert reasons[1].startswith("not read: the file's name is UTF-8, but this Python decodes file names as ")


def test_an_output_among_the_inputs_is_refused_before_any_work(tmp_path):
    # `clean --failures refs/z.ris refs/` cleaned z.ris's records, then overwrote it with one failure
    # line; `--failures refs/failed.jsonl refs/` made the next run read the failures as records
    refs = tmp_path / "refs"
    refs.mkdir()
    (refs / "a_junk.txt").write_text("not a record\n", encoding="utf-8")
    (refs / "z.ris").write_text(RIS.format("Kept"), encoding="utf-8")
    idx = str(tmp_path / "idx")
    cases = [(["clean", "--json", "--failures", str(refs / "z.ris"), str(refs)],
              f"Error: --failures {refs / 'z.ris'} is a file this run reads (in {refs}): writing it would "
              "overwrite what it holds; give another file."),
             (["clean", "--failures", str(tmp_path / "." / "refs" / "z.ris"), str(refs / "z.ris")],
              "is a file this run reads: writing it would overwrite"),
             (["clean", "--failures", str(refs / "failed.jsonl"), str(refs)],
              f"Error: --failures {refs / 'failed.jsonl'} is in {refs}, a folder this run reads: the next run "
              "would read it as records; write it outside that folder."),
             (["ingest", "--index", idx, "--failures", str(refs / "failed.jsonl"), str(refs)], "a folder this run reads"),
             (["export", "-f", "ris", "--from", str(refs), "-o", str(refs / "out.ris")], "Error: -o "),
             (["export", "-f", "ris", "--from", str(refs / "z.ris"), "-o", str(refs / "z.ris")], "Error: -o ")]
    for args, said in cases:
        result = run_cli(*args)
        assert (result.returncode, result.stdout) == (2, ""), (args, result.stderr)
        assert said in result.stderr and result.stderr.count("\n") == 1, (args, result.stderr)
    assert (refs / "z.ris").read_text(encoding="utf-8") == RIS.format("Kept")
    assert sorted(p.name for p in refs.iterdir()) == ["a_junk.txt", "z.ris"] and not os.path.exists(idx)
    # beside the folder, or a name a walk skips (hidden), it is written as before
    for failures in (tmp_path / "failed.jsonl", refs / ".failed.jsonl"):
        result = run_cli("clean", "--json", "--failures", str(failures), str(refs))
        assert result.returncode == 1 and len(failures.read_text(encoding="utf-8").splitlines()) == 1
    # export --ids FILE -o FILE would overwrite the list of ids with the records
    assert run_cli("ingest", "-q", "--index", idx, str(refs / "z.ris")).returncode == 0
    (tmp_path / "ids.txt").write_text(json.loads(run_cli("clean", "--json", str(refs / "z.ris")).stdout)["id"] + "\n")
    result = run_cli("export", "-f", "ris", "--index", idx, "--ids", str(tmp_path / "ids.txt"), "-o",
                     str(tmp_path / "ids.txt"))
    assert result.returncode == 2 and "is a file this run reads" in result.stderr


def test_an_output_over_the_index_or_a_file_it_holds_is_refused_before_any_work(tmp_path):
    # `dedup --map IDX/records.sqlite`, `export -o IDX/dedup_decisions.json` and `ingest --failures
    # IDX/records.sqlite` wrote over the store or the review decisions (every later run failed);
    # `dedup --map refs/z.ris` overwrote an export the index was read from
    refs, idx = tmp_path / "refs", tmp_path / "idx"
    refs.mkdir()
    (refs / "z.ris").write_text(RIS.format("Kept") + RIS.format("Kept"), encoding="utf-8")
    (tmp_path / "bad.txt").write_text("not a record\n", encoding="utf-8")
    assert run_cli("ingest", "-q", "--index", str(idx), str(refs)).returncode == 0
    assert run_cli("dedup", "--apply", "--index", str(idx)).returncode == 0
    (tmp_path / "idx_link").symlink_to(idx)
    os.link(idx / "records.sqlite", tmp_path / "store_link")
    before = {p.name: p.read_bytes() for p in (idx / "records.sqlite", idx / "dedup_decisions.json", refs / "z.ris")
              if p.exists()}
    names = {p.name for p in idx.iterdir()}
    store = idx / "records.sqlite"
    cases = [(["dedup", "--map", str(store)], f"Error: --map {store} is in {idx}, the index folder: writing it "
              "would overwrite what the index keeps (its records, its review decisions); write it outside that "
              "folder; nothing was changed."),
             (["dedup", "--apply", "--map", str(idx / "dedup_decisions.json")], "the index folder"),
             (["dedup", "--map", str(idx / "kept.csv")], "the index folder"),
             (["dedup", "--map", str(tmp_path / "idx_link" / "records.sqlite")], "the index folder"),
             (["dedup", "--map", str(tmp_path / "store_link")], "is a link to a file in"),
             (["dedup", "--map", str(refs / "z.ris")], f"Error: --map {refs / 'z.ris'} is a file {idx} holds "
              "records of: writing it would overwrite the records the index was read from; give another file; "
              "nothing was changed."),
             (["export", "-f", "ris", "-o", str(store)], "Error: -o "),
             (["export", "-f", "ris", "-o", str(idx / "dedup_decisions.json")], "the index folder"),
             (["export", "-f", "ris", "-o", str(refs / "z.ris")], "holds records of"),
             (["export", "-f", "ris", "--from", str(refs), "-o", str(store)], "the index folder"),
             (["ingest", "--failures", str(store), str(tmp_path / "bad.txt")], "Error: --failures "),
             (["ingest", "--failures", str(refs / "z.ris"), str(tmp_path / "bad.txt")], "holds records of")]
    for args, said in cases:
        result = run_cli(*args[:1], "--index", str(idx), *args[1:])
        assert (result.returncode, result.stdout) == (2, ""), (args, result.stderr)
        assert said in result.stderr and result.stderr.count("\n") == 1, (args, result.stderr)
    assert {name: (idx / name if name != "z.ris" else refs / name).read_bytes() for name in before} == before
    assert {p.name for p in idx.iterdir()} == names
    # beside the index, a file it does not hold is written as before
    assert run_cli("dedup", "--index", str(idx), "--map", str(tmp_path / "kept.csv")).returncode == 0
    assert run_cli("export", "-f", "ris", "--index", str(idx), "-o", str(tmp_path / "out.ris")).returncode == 0


def test_export_reads_its_query_as_search_does(idx):
    # a query typed in GBK (a GB18030 terminal, a query file's line) was "bad query '\udcb0\udca9'",
    # one pasted with a BOM found nothing: search repaired them (cli._query_text), export did not
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHONUTF8"))}
    for query, extra in (("癌".encode("gbk"), {}), ("\ufeff癌".encode("utf-8"), {}),
                         ("癌".encode("utf-8"), {"LC_ALL": "POSIX", "PYTHONUTF8": "0"})):
        found = {}
        for command in (["search", "--json"], ["export", "-f", "jsonl"]):
            result = subprocess.run([sys.executable, str(ROOT / "cli.py"), *command, "--index", str(idx), "-q"
                                     if command[0] == "export" else "--", query], capture_output=True, cwd=ROOT,
                                    timeout=120, env={**env, **extra})
            assert result.returncode == 0, (query, command, result.stderr.decode("utf-8", "replace"))
            lines = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
            found[command[0]] = [r["id"] for r in (lines[0]["hits"] if command[0] == "search" else lines)]
        assert found["export"] == found["search"] and len(found["search"]) == 1, (query, found)


def test_progress_on_a_dumb_terminal_is_a_line_now_and_then_without_escapes(tmp_path):
    # TERM=dumb (Emacs's shell) showed "\r…^[[K" redrawn five times a second
    path = tmp_path / "many.ris"
    path.write_text("".join(RIS.format(f"Record {n}") + "\n" for n in range(10_000)), encoding="utf-8")
    with open(tmp_path / "out.jsonl", "w") as out:
        shown = stderr_on_a_terminal("clean", "--json", str(path), stdout=out, env={**os.environ, "TERM": "dumb"})
    assert "\x1b" not in shown and "\r" not in shown.replace("\r\n", "\n"), shown
    assert shown.splitlines()[0].startswith("clean: 10,000 records, 0 failed, ")
    shown = stderr_on_a_terminal("ingest", "--index", str(tmp_path / "idx"), str(path), stdout=subprocess.DEVNULL,
                                 env={**os.environ, "TERM": "dumb"})
    assert "\x1b" not in shown and "\r" not in shown.replace("\r\n", "\n"), shown
    assert shown.splitlines()[0].startswith("ingest: 10,000 records (10,000 added")


def test_progress_of_clean_and_ingest_line_by_line(tmp_path):
    # what each shows, to the byte but for the rate and how often a terminal redraws: clean's line
    # erased before its summary, ingest's left whole (its last redraw the final count); line by
    # line, a count once (ingest's final count, 10,000, was written twice)
    import re

    def shown(command, records, term, *args):
        path = tmp_path / f"{records}.ris"
        path.write_text("".join(RIS.format(f"Record {n}") + "\n" for n in range(records)), encoding="utf-8")
        shutil.rmtree(tmp_path / "idx", ignore_errors=True)
        with open(tmp_path / "out.jsonl", "w") as out:
            text = stderr_on_a_terminal(command, *args, str(path), stdout=out, env={**os.environ, "TERM": term})
        return re.sub(r"\) [\d,]+/s|, [\d,]+/s", lambda m: m.group(0)[0] + " R/s", re.sub(r" in [\d.]+ s", " in T s", text))

    clean = shown("clean", 3000, "xterm", "--json")
    assert re.fullmatch(r"(\rclean: [\d,]+ records, 0 failed, R/s\x1b\[K)+\r\x1b\[K3000 record\(s\) cleaned, "
                        r"0 failure\(s\)\r\n", clean), clean
    ingest = shown("ingest", 2000, "xterm", "--index", str(tmp_path / "idx"))
    assert re.fullmatch(r"(\ringest: [\d,]+ records \([\d,]+ added, 0 updated, 0 unchanged, 0 failed\) R/s\x1b\[K)*"
                        r"\ringest: 2,000 records \(2,000 added, 0 updated, 0 unchanged, 0 failed\) R/s\x1b\[K\r\n"
                        r"read 2000, added 2000, updated 0, unchanged 0, failed 0 in T s → \S+\r\n", ingest), ingest
    assert shown("clean", 10_000, "dumb", "--json") == ("clean: 10,000 records, 0 failed, R/s\r\n"
                                                         "10000 record(s) cleaned, 0 failure(s)\r\n")
    line = "ingest: 10,000 records (10,000 added, 0 updated, 0 unchanged, 0 failed) R/s\r\n"
    assert shown("ingest", 10_000, "dumb", "--index", str(tmp_path / "idx")) == (
        line + f"read 10000, added 10000, updated 0, unchanged 0, failed 0 in T s → {tmp_path / 'idx'}\r\n")


def test_exit_codes_follow_the_documented_scheme(idx, tmp_path):
    # `show 1e8` ("too short") exited 1, "some input failed"; an empty folder exited 0 where an empty file exits 1
    some_id = json.loads(run_cli("search", "--json", "--index", str(idx), "癌").stdout)["hits"][0]["id"]
    result = run_cli("show", "--index", str(idx), some_id[:3])
    assert result.returncode == 2 and "too short to name a record" in result.stderr
    assert run_cli("show", "--index", str(idx), "ffffffff").returncode == 1   # an id the index lacks: as before
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty.ris").write_text("", encoding="utf-8")
    for args in (["clean", "--json"], ["export", "-f", "ris", "--from"], ["ingest", "--index", str(tmp_path / "i")]):
        for given in ("empty", "empty.ris"):
            result = run_cli(*args, str(tmp_path / given))
            assert result.returncode == 1, (args, given, result.stderr)
        assert "no files in this folder" in result.stderr or given == "empty.ris"
    assert run_cli("ingest", "--prune", "--index", str(tmp_path / "i"), str(tmp_path / "empty")).returncode == 0
    # no hits is no failure, and the tables say so
    assert run_cli("search", "--index", str(idx), "nosuchword").returncode == 0
    assert run_cli("export", "-f", "ris", "--index", str(idx), "-q", "nosuchword").returncode == 0
    shown = " ".join(run_cli("--help").stdout.split())
    assert "0 all read (a search or export that finds nothing too)" in shown
    assert "a folder given that gives no file to read too" in shown
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "a search, an `export --query` or a `--batch` query that finds nothing is no failure" in readme


def test_dedup_json_says_how_many_duplicates_are_hidden_when_a_decision_came_after_apply(tmp_path):
    # after --apply, a --review merge changes the counts (what --apply would hide now) but not what
    # search and export hide: the text said "they hide N duplicates: run --apply", --json had no field
    idx = tmp_path / "idx"
    assert run_cli("ingest", "-q", str(DATA / "dedup" / "cases.ris"), "--index", str(idx)).returncode == 0
    assert run_cli("dedup", "--apply", "--index", str(idx)).returncode == 0
    applied = json.loads(run_cli("dedup", "--json", "--index", str(idx)).stdout)
    assert applied["hidden"] == applied["counts"]["duplicates_removed"] > 0
    assert run_cli("dedup", "--review", "--index", str(idx), stdin="m\nq\n").returncode == 0
    after = json.loads(run_cli("dedup", "--json", "--index", str(idx)).stdout)
    said = run_cli("dedup", "--index", str(idx)).stdout
    assert after["hidden"] == applied["hidden"] != after["counts"]["duplicates_removed"]
    # the summary counts what search and export hide, as stats does, and says what --apply would do
    assert f"{after['hidden']:,} duplicates removed, {after['counts']['identified'] - after['hidden']:,} remaining" \
        in said.splitlines()[0]
    assert (f"decisions were taken since: as the clusters are now, --apply removes "
            f"{after['counts']['duplicates_removed']:,} duplicate") in said
    stats = json.loads(run_cli("stats", "--json", "--index", str(idx)).stdout)
    assert stats["hidden_duplicates"] == after["hidden"]


def test_dedup_by_file_counts_a_file_ingested_by_two_spellings_of_its_path_once(tmp_path):
    # ingested by its absolute path, one record edited, ingested again by a relative path: the
    # records unchanged kept the first spelling, the edited one took the second, and by_file
    # listed the file twice (2 + 1 records), PRISMA's records of one database split in two
    refs, idx = tmp_path / "refs", tmp_path / "idx"
    refs.mkdir()
    ris = refs / "a.ris"
    ris.write_text("".join(RIS.format(title) for title in ("One paper", "Another paper", "A third paper")),
                   encoding="utf-8")
    assert run_cli("ingest", "-q", "--index", str(idx), str(refs)).returncode == 0
    ris.write_text(ris.read_text(encoding="utf-8").replace("A third paper", "A third paper, edited"), encoding="utf-8")
    result = run_cli("ingest", "--json", "-q", "--index", str(idx), os.path.relpath(refs, ROOT))
    assert json.loads(result.stdout)["updated"] == 1, result.stderr
    assert json.loads(run_cli("dedup", "--json", "--index", str(idx)).stdout)["by_file"] == \
        [{"path": str(ris), "identified": 3, "remaining": 3}]
    summary = run_cli("dedup", "--index", str(idx)).stdout.splitlines()
    assert summary[1:3] == [f"  by file (identified, remaining), in {refs}:", "         3        3  a.ris"]


def test_search_json_prints_a_query_it_cannot_search_as_batch_does(idx):
    # `search --json 'title:('` printed nothing on stdout (a script read no JSON), while --batch
    # printed {"query", "total": 0, "hits": [], "error"}: the same object now, exit 2 and stderr kept
    batch = run_cli("search", "--batch", "--index", str(idx), stdin="title:(\n")
    result = run_cli("search", "--json", "--index", str(idx), "title:(")
    assert result.returncode == 2 and result.stderr.startswith("Error: bad query 'title:(': ")
    assert json.loads(result.stdout) == json.loads(batch.stdout) and json.loads(result.stdout)["error"]
    assert run_cli("search", "--index", str(idx), "title:(").stdout == ""   # (not under --json: as before)


def test_help_says_where_a_path_that_starts_with_a_dash_goes_and_what_undo_json_prints():
    for command in ("clean", "ingest", "export"):
        said = " ".join(run_cli(command, "--help").stdout.split())
        assert "a path that starts with - " in said and "./-refs.ris" in said, command
    assert '--undo --json prints {"masters_restored", "records_shown"}' in " ".join(
        run_cli("dedup", "--help").stdout.split())


def test_export_o_dash_writes_standard_output_not_a_file_named_dash(tmp_path):
    """``-o -`` is standard output, as for every tool that takes an output file; it wrote a
    file named ``-`` in the folder the command ran in."""
    (tmp_path / "a.ris").write_text(RIS.format("A paper written to standard output"), encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "cli.py"), "export", "-f", "ris", "--from", "a.ris", "-o", "-"],
                            capture_output=True, text=True, cwd=tmp_path, timeout=300,
                            env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert result.returncode == 0, result.stderr
    assert "TI  - A paper written to standard output" in result.stdout
    assert not (tmp_path / "-").exists()
    assert "wrote 1 record to -" not in result.stderr


@pytest.mark.parametrize("command", [["clean", "--json", "--failures", "-"], ["ingest", "--failures", "-"],
                                     ["dedup", "--map", "-"]])
def test_failures_or_map_dash_is_refused_not_written_as_a_file_named_dash(command, tmp_path):
    """``--failures -`` and ``--map -`` wrote a file named ``-`` where the run was (standard
    output holds the records or the summary): refused, exit 2, before any work."""
    (tmp_path / "a.ris").write_text(RIS.format("A paper beside a failure"), encoding="utf-8")
    args = [*command, "--index", "idx"] if command[0] != "clean" else [*command, "a.ris"]
    if command[0] == "dedup":
        assert run_cli("ingest", "-q", str(tmp_path / "a.ris"), "--index", str(tmp_path / "idx")).returncode == 0
    elif command[0] == "ingest":
        args.append("a.ris")
    result = subprocess.run([sys.executable, str(ROOT / "cli.py"), *args], capture_output=True, text=True,
                            cwd=tmp_path, timeout=300, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert result.returncode == 2, result.stderr
    assert f"{command[-2]} -: '-' would be a file named so" in result.stderr
    assert not (tmp_path / "-").exists()
