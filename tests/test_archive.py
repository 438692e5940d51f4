"""Archives named on the command line (ZIP, 7z, RAR, tar, gzip …) are read as the files they hold."""
from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import os
import subprocess
import sys
import tarfile
import zipfile

import pytest

from conftest import DATA, ROOT, clean_items, jsonl, run_cli
from rar_files import rar4, rar5


def _libarchive() -> bool:
    try:
        import libarchive  # noqa: F401  (loads the system's library)
    except Exception:
        return False
    return True


needs_libarchive = pytest.mark.skipif(not _libarchive(), reason="RAR is read with the system's libarchive, which is "
                                      "not installed here (apt install libarchive13, brew install libarchive)")

# Files of ours, of several formats and encodings, one with a record that fails (broken_among_good).
FILES = [DATA / "formats" / "wos" / "cscd-chinese-fields.txt", DATA / "formats" / "estudy" / "gbk.txt",
         DATA / "formats" / "refworks" / "broken_among_good.txt", DATA / "formats" / "csv" / "chinese-headers.csv"]
RIS = "TY  - JOUR\nTI  - {}\nPY  - 2020\nER  - \n\n"


def _without_place(item: dict) -> dict:
    """An item less where it was read from (file, member, ordinal, id), which the archive changes."""
    item = json.loads(json.dumps(item))
    for key in ("path", "member", "record"):
        item.pop(key, None)
        item.get("source", {}).pop(key, None)
    item.pop("id", None)
    item["issues"] = [i.split(": ", 1)[-1] for i in item.get("issues", [])]
    return item


def test_a_zip_gives_the_records_of_its_files_counted_over_the_archive(tmp_path, validate):
    archive = tmp_path / "exports.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for i, path in enumerate(FILES):
            z.write(path, f"batch/{i}-{path.name}")
        z.writestr("batch/README.md", "what these are")                 # never records, as in a folder
        z.writestr("__MACOSX/batch/._0-cscd-chinese-fields.txt", b"\x00\x05\x16\x07")
        z.writestr("batch/empty/", "")
    result, records, failures = clean_items(archive)
    assert result.returncode == 1  # broken_among_good's broken record
    expected = []
    for path in FILES:
        _, recs, fails = clean_items(path)
        expected += [(path.name, _without_place(r)) for r in recs]
        expected += [(path.name, _without_place(f)) for f in fails]
    got = [(r["source"]["member"].split("-", 1)[1], _without_place(r)) for r in records]
    got += [(f["member"].split("-", 1)[1], _without_place(f)) for f in failures]
    assert sorted(got, key=repr) == sorted(expected, key=repr) and len(records) == 5
    for r in records:
        validate(r)
        assert r["source"]["path"] == str(archive)
    assert [r["source"]["record"] for r in records] == sorted({r["source"]["record"] for r in records})
    # ordinals run on over the archive, so ids never repeat across its files
    assert len({r["id"] for r in records}) == len(records)
    broken = failures[0]
    assert broken["path"] == str(archive) and broken["member"] == "batch/2-broken_among_good.txt"
    assert f"Error: {archive}/batch/2-broken_among_good.txt:{broken['line']}: " in result.stderr
    assert broken["raw"].strip()


def _placed(items: list[dict]) -> list[tuple]:
    """Items by their member and ordinal, less the archive's path and the ids it gives."""
    return [(i.get("member") or i["source"]["member"], i.get("record") or i["source"]["record"], _without_place(i))
            for i in items]


def test_a_7z_gives_what_the_same_files_zipped_give(tmp_path, validate):
    import py7zr

    zipped, seven = tmp_path / "exports.zip", tmp_path / "exports.7z"
    with zipfile.ZipFile(zipped, "w") as z, py7zr.SevenZipFile(seven, "w") as s:
        for i, path in enumerate(FILES):
            z.write(path, f"批量/{i}-{path.name}")
            s.write(path, f"批量/{i}-{path.name}")
        z.writestr("批量/README.md", "what these are")
        s.writestr("what these are", "批量/README.md")
    _, zip_records, zip_failures = clean_items(zipped)
    result, records, failures = clean_items(seven)
    assert result.returncode == 1 and len(records) == 5 and len(failures) == 2   # broken_among_good's
    assert _placed(records) == _placed(zip_records) and _placed(failures) == _placed(zip_failures)
    for r in records:
        validate(r)
        assert r["source"]["path"] == str(seven)
    assert f"Error: {seven}/批量/2-broken_among_good.txt:{failures[0]['line']}: " in result.stderr


def test_a_7z_encrypted_damaged_or_holding_a_link_is_a_failure_or_the_link_left(tmp_path):
    import py7zr

    with py7zr.SevenZipFile(tmp_path / "locked.7z", "w", password="pw") as z:
        z.writestr(RIS.format("Alpha marrow"), "a.ris")
    with py7zr.SevenZipFile(tmp_path / "hidden.7z", "w", password="pw", header_encryption=True) as z:
        z.writestr(RIS.format("Alpha marrow"), "a.ris")      # its file names encrypted too
    with py7zr.SevenZipFile(tmp_path / "good.7z", "w") as z:
        z.writestr(RIS.format("Alpha marrow") * 50, "a.ris")
    (tmp_path / "cut.7z").write_bytes((tmp_path / "good.7z").read_bytes()[:60])   # a download cut off
    (tmp_path / "outside.ris").write_text(RIS.format("Outside marrow"), encoding="utf-8")
    (tmp_path / "made").mkdir()
    (tmp_path / "made" / "inside.ris").write_text(RIS.format("Inside marrow"), encoding="utf-8")
    (tmp_path / "made" / "link.ris").symlink_to(tmp_path / "outside.ris")   # a link may point anywhere
    with py7zr.SevenZipFile(tmp_path / "linked.7z", "w") as z:
        z.writeall(tmp_path / "made", "made")
    result, records, failures = clean_items(*(tmp_path / f"{n}.7z" for n in ("locked", "hidden", "cut", "linked")))
    assert [(r["title"]["en"], r["source"]["member"]) for r in records] == [("Inside marrow", "made/inside.ris")]
    reasons = {(os.path.basename(f["path"]), f.get("member")): f["reason"] for f in failures}
    assert set(reasons) == {("locked.7z", "a.ris"), ("hidden.7z", None), ("cut.7z", None)}
    assert reasons[("locked.7z", "a.ris")].startswith("encrypted: unpack it with its password")
    assert reasons[("hidden.7z", None)].startswith("encrypted, the names of its files too: unpack it")
    assert reasons[("cut.7z", None)].startswith("a damaged archive (ValueError: 7z: Bad7zFile")


@needs_libarchive
def test_a_rar_gives_what_the_same_files_zipped_give(tmp_path, validate):
    # RAR 5 (names in UTF-8) and RAR 4 as WinRAR on Windows in China writes it (names in GBK)
    members = [(f"批量/{i}-{path.name}", path.read_bytes()) for i, path in enumerate(FILES)]
    members.append(("批量/README.md", b"what these are"))
    zipped = tmp_path / "exports.zip"
    with zipfile.ZipFile(zipped, "w") as z:
        for name, data in members:
            z.writestr(name, data)
    (tmp_path / "exports5.rar").write_bytes(rar5(members))
    (tmp_path / "exports4.rar").write_bytes(rar4([(name.encode("gbk"), data) for name, data in members]))
    _, zip_records, zip_failures = clean_items(zipped)
    for name in ("exports5.rar", "exports4.rar"):
        result, records, failures = clean_items(tmp_path / name)
        assert result.returncode == 1 and len(records) == 5 and len(failures) == 2   # broken_among_good's
        assert _placed(records) == _placed(zip_records) and _placed(failures) == _placed(zip_failures)
        for r in records:
            validate(r)
            assert r["source"]["path"] == str(tmp_path / name)
        assert f"Error: {tmp_path / name}/批量/2-broken_among_good.txt:{failures[0]['line']}: " in result.stderr


@needs_libarchive
def test_a_rar_encrypted_or_damaged_is_a_failure_and_the_batch_goes_on(tmp_path):
    text = RIS.format("Alpha marrow").encode()
    (tmp_path / "locked.rar").write_bytes(rar4([(b"a.ris", text), (b"b.ris", text)], encrypted=(b"b.ris",)))
    (tmp_path / "hidden.rar").write_bytes(rar4([(b"a.ris", text)], headers_encrypted=True))   # rar -hp
    (tmp_path / "short.rar").write_bytes(rar5([("a.ris", text)])[:20])   # a download cut off in a header
    whole = rar5([("a.ris", text), ("c.ris", text * 50)])
    (tmp_path / "cut.rar").write_bytes(whole[:whole.index(b"c.ris") + 400])   # … and in a file
    # RAR 4: libarchive gives a stored file's data up to the cut (RAR 5's in whole pieces of 64 kB)
    titles = [f"Marrow study {i}" for i in range(1, 51)]
    whole = rar4([(b"a.ris", text), (b"c.ris", "".join(RIS.format(t) for t in titles).encode())])
    (tmp_path / "cut4.rar").write_bytes(whole[:whole.index(b"Marrow study 20") + 5])
    result, records, failures = clean_items(*(tmp_path / f"{n}.rar" for n in ("locked", "hidden", "short", "cut",
                                                                               "cut4")))
    assert sorted((os.path.basename(r["source"]["path"]), r["source"]["member"]) for r in records) == sorted(
        [("cut.rar", "a.ris"), ("locked.rar", "a.ris"), ("cut4.rar", "a.ris")] + [("cut4.rar", "c.ris")] * 19)
    assert [r["title"]["en"] for r in records if r["source"].get("member") == "c.ris"] == titles[:19]
    last = next(f for f in failures if os.path.basename(f["path"]) == "cut4.rar" and f.get("member") == "c.ris")
    assert last["record"] == 21 and last["raw"] == "TY  - JOUR\nTI  - Marro"   # a.ris's record, then c.ris's 19
    assert last["reason"].startswith("the file is cut short (EOFError: RAR: Truncated RAR file data)")
    reasons = {(os.path.basename(f["path"]), f.get("member")): f["reason"] for f in failures}
    assert set(reasons) == {("locked.rar", "b.ris"), ("hidden.rar", None), ("short.rar", None), ("cut.rar", "c.ris"),
                            ("cut.rar", None), ("cut4.rar", "c.ris"), ("cut4.rar", None)}
    assert reasons[("locked.rar", "b.ris")].startswith("encrypted: unpack it with its password")
    assert reasons[("hidden.rar", None)].startswith("encrypted, the names of its files too: unpack it")
    assert reasons[("short.rar", None)] == ("no records: the archive holds no file that is read "
                                            "(it is empty, or cut short)")
    assert reasons[("cut.rar", "c.ris")].startswith("the file is cut short (EOFError: RAR: ")
    assert reasons[("cut.rar", None)].startswith("a damaged archive after 2 file(s) read (ValueError: RAR: ")
    assert "archive_p" not in "".join(reasons.values())   # libarchive's pointers: not the same on every run


def test_a_rar_without_libarchive_says_to_install_it_or_unpack(tmp_path):
    (tmp_path / "a.rar").write_bytes(rar5([("a.ris", RIS.format("Alpha marrow").encode())]))
    # libarchive-c loads the library named by LIBARCHIVE: as on a machine without one
    result = subprocess.run([sys.executable, str(ROOT / "cli.py"), "clean", "--json", "-q", str(tmp_path / "a.rar")],
                            capture_output=True, text=True, cwd=ROOT, timeout=300,
                            env={**os.environ, "PYTHONIOENCODING": "utf-8", "LIBARCHIVE": str(tmp_path / "none.so")})
    [failure] = jsonl(result.stdout)
    assert result.returncode == 1 and failure["failure"] and failure["raw"].startswith("Rar!")
    assert failure["reason"].startswith("a RAR archive, and libarchive, which reads it, cannot be loaded")
    assert "unpack the archive" in failure["reason"]


def test_an_export_compressed_on_its_own_and_a_tar_of_a_zip(tmp_path):
    text = "".join(RIS.format(t) for t in ("Alpha marrow", "Beta marrow"))
    gz = tmp_path / "savedrecs.ris.gz"
    gz.write_bytes(gzip.compress(text.encode("utf-8")))
    _, records, _ = clean_items(gz)
    assert [(r["title"]["en"], r["source"]["member"], r["source"]["record"]) for r in records] == [
        ("Alpha marrow", "savedrecs.ris", 1), ("Beta marrow", "savedrecs.ris", 2)]
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("a.ris", text)
    tgz = tmp_path / "refs.tar.gz"
    with tarfile.open(tgz, "w:gz") as t:
        for name, data in (("first.ris", RIS.format("Gamma marrow").encode()), ("inner.zip", inner.getvalue())):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
    _, records, _ = clean_items(tgz)
    assert [(r["title"]["en"], r["source"]["member"], r["source"]["record"]) for r in records] == [
        ("Gamma marrow", "first.ris", 1), ("Alpha marrow", "inner.zip/a.ris", 2), ("Beta marrow", "inner.zip/a.ris", 3)]


def test_a_tar_of_a_folder_named_dot_and_a_zip_holding_a_link(tmp_path):
    # ``tar -C lib -czf lib.tgz .`` and shutil.make_archive name members "./a.ris": they had been
    # taken for a hidden folder's, and the archive gave no record
    folder = tmp_path / "lib"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.ris").write_text(RIS.format("Alpha marrow"), encoding="utf-8")
    (folder / "sub" / "b.ris").write_text(RIS.format("Beta marrow"), encoding="utf-8")
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "c.ris").write_text(RIS.format("Hidden marrow"), encoding="utf-8")
    tgz = tmp_path / "lib.tgz"
    with tarfile.open(tgz, "w:gz") as t:
        t.add(folder, arcname=".")
    result, records, failures = clean_items(tgz)
    assert sorted(r["title"]["en"] for r in records) == ["Alpha marrow", "Beta marrow"] and not failures
    # a link stored as a link (``zip -y``) is no file of records: its text is the path it names
    link = zipfile.ZipInfo("latest.ris")
    link.external_attr = (0o120777 << 16)
    zipped = tmp_path / "sym.zip"
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("a.ris", RIS.format("Alpha marrow"))
        z.writestr(link, "a.ris")
    result, records, failures = clean_items(zipped)
    assert [r["title"]["en"] for r in records] == ["Alpha marrow"] and not failures
    assert result.returncode == 0, result.stderr


def test_a_member_named_in_gbk_by_chinese_windows_keeps_its_name_in_a_zip_and_a_tar(tmp_path):
    # zipfile writes a non-ASCII name as UTF-8 with the UTF-8 flag; Windows in China writes GBK
    # without it. Write a placeholder of the same length, then put the GBK bytes in its place.
    name = "文献.ris"
    placeholder = "x" * len(name.encode("gbk"))
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as z:
        z.writestr(placeholder, RIS.format("肺癌的研究"))
    archive = tmp_path / "cnki.zip"
    archive.write_bytes(data.getvalue().replace(placeholder.encode(), name.encode("gbk")))
    _, records, _ = clean_items(archive)
    assert [(r["title"]["zh"], r["source"]["member"]) for r in records] == [("肺癌的研究", name)]
    # a tar (GNU format, no PAX header) made there: its names are the GBK bytes
    data = RIS.format("肺癌的研究").encode("utf-8")
    archive = tmp_path / "cnki.tar"
    with tarfile.open(archive, "w", format=tarfile.GNU_FORMAT, encoding="gbk") as t:
        info = tarfile.TarInfo(name)
        info.size = len(data)
        t.addfile(info, io.BytesIO(data))
    _, records, _ = clean_items(archive)
    assert [(r["title"]["zh"], r["source"]["member"]) for r in records] == [("肺癌的研究", name)]


def test_what_an_archive_cannot_give_is_a_failure_naming_it(tmp_path):
    good = io.BytesIO()
    with zipfile.ZipFile(good, "w") as z:
        z.writestr("a.ris", RIS.format("Alpha marrow") * 50)
    cut = tmp_path / "cut.zip"  # a download cut off: no central directory
    cut.write_bytes(good.getvalue()[:200])
    pdfs = tmp_path / "fulltext.zip"
    with zipfile.ZipFile(pdfs, "w") as z:
        z.writestr("paper.pdf", b"%PDF-1.7\n")
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as z:
        z.writestr("a.ris", "TY  - JOUR")
    data = bytearray(data.getvalue())  # marked encrypted, as `zip -e` marks it (zipfile cannot write it)
    for at in (6, data.index(b"PK\x01\x02") + 8):  # the flags of the local header and the directory
        data[at] |= 0x1
    locked = tmp_path / "locked.zip"
    locked.write_bytes(bytes(data))
    docx = tmp_path / "draft.docx"
    with zipfile.ZipFile(docx, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    cut_docx = tmp_path / "cut.docx"   # an Office file still, not an archive to read by its headers
    cut_docx.write_bytes(docx.read_bytes()[:-30])
    result = run_cli("clean", "--json", "-q", *(str(p) for p in (cut, pdfs, locked, docx, cut_docx)))
    assert result.returncode == 1
    items = jsonl(result.stdout)
    reasons = {(os.path.basename(f["path"]), f.get("member")): f["reason"] for f in items if f.get("failure")}
    assert [r["title"]["en"] for r in items if not r.get("failure")] == ["Alpha marrow"] * 3
    assert set(reasons) == {("cut.zip", None), ("cut.zip", "a.ris"), ("fulltext.zip", None), ("locked.zip", "a.ris"),
                            ("draft.docx", None), ("cut.docx", None)}
    assert reasons[("cut.zip", None)].startswith("a damaged ZIP: its list of files (the central directory, at its "
                                                 "end) is missing or unreadable, as in a download cut short")
    assert reasons[("cut.zip", "a.ris")].startswith("the file is cut short")   # its records before the cut read
    assert reasons[("fulltext.zip", None)] == "no records: the archive holds no file that is read (1 skipped: paper.pdf)"
    assert reasons[("locked.zip", "a.ris")].startswith("encrypted: unpack it with its password")
    assert reasons[("draft.docx", None)].startswith("binary file, an Office document")
    assert reasons[("cut.docx", None)].startswith("binary file, an Office document")


class _Unseekable(io.RawIOBase):
    """Where zipfile writes a ZIP as a stream (as a web server zipping on the fly does): each
    file's sizes and CRC in a data descriptor after its data, zero in its header."""

    def __init__(self):
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:
        self.data += b
        return len(b)


@pytest.mark.parametrize("method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
@pytest.mark.parametrize("streamed", [False, True], ids=["sizes", "descriptor"])
def test_a_zip_cut_short_gives_the_files_before_the_cut(tmp_path, method, streamed):
    """A ZIP whose download stopped has lost its list of files (the central directory, at its
    end), by which zipfile finds them: it was one failure, every record lost (``zip -FF``
    recovers them). Its files are found by their own headers: each whole one is read, the one
    the cut ends is read up to there, its last record a failure with its raw text."""
    text = "".join(RIS.format(f"Marrow study {i}").replace("PY  - 2020", "AB  - Cells " + " ".join(
        str(j * 7919 % 10007) for j in range(i * 100, i * 100 + 80))) for i in range(1, 7))   # compressed evenly
    out = _Unseekable() if streamed else io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as z:
        z.writestr("a/first.ris", RIS.format("Alpha marrow") + RIS.format("Beta marrow"))
        z.writestr("a/", "")
        z.writestr("a/second.ris", text)
    data = bytes(out.data if streamed else out.getvalue())
    start = data.index(b"a/second.ris")
    cut = tmp_path / "cut.zip"
    inside = (data.index(b"Marrow study 4") + 100 if method == zipfile.ZIP_STORED   # inside an abstract
              else start + (data.index(b"PK\x01\x02") - start) * 2 // 3)
    cut.write_bytes(data[:inside])
    ends = tmp_path / "ends.zip"
    ends.write_bytes(data[:data.index(b"PK\x01\x02") + 30])   # inside the list of files
    result, records, failures = clean_items(cut, ends)
    got = [(os.path.basename(r["source"]["path"]), r["source"]["member"], r["source"]["record"], r["title"]["en"])
           for r in records]
    cut_titles = [t for p, m, _, t in got if p == "cut.zip" and m == "a/second.ris"]
    assert cut_titles == [f"Marrow study {i}" for i in range(1, len(cut_titles) + 1)] and len(cut_titles) >= 2
    assert sorted(got) == [("cut.zip", "a/first.ris", 1, "Alpha marrow"), ("cut.zip", "a/first.ris", 2, "Beta marrow")] + [
        ("cut.zip", "a/second.ris", 2 + i, t) for i, t in enumerate(cut_titles, 1)] + [
        ("ends.zip", "a/first.ris", 1, "Alpha marrow"), ("ends.zip", "a/first.ris", 2, "Beta marrow")] + [
        ("ends.zip", "a/second.ris", 2 + i, f"Marrow study {i}") for i in range(1, 7)]
    [last] = [f for f in failures if f.get("member")]
    [cut_zip, ends_zip] = sorted((f for f in failures if not f.get("member")), key=lambda f: f["path"])
    assert (last["member"], last["record"]) == ("a/second.ris", 3 + len(cut_titles))
    assert last["reason"].startswith("the file is cut short (EOFError: the archive ends inside this file's data")
    assert last["raw"].startswith(f"TY  - JOUR\nTI  - Marrow study {len(cut_titles) + 1}\nAB  - Cells ")
    assert (cut_zip["path"], cut_zip.get("member"), ends_zip["path"], ends_zip.get("member")) == (
        str(cut), None, str(ends), None)
    assert cut_zip["reason"].startswith("a damaged ZIP: its list of files (the central directory, at its end) is "
                                        "missing or unreadable, as in a download cut short")
    assert "2 file(s) were found by their own headers instead, and the file ends inside a/second.ris" in \
        cut_zip["reason"]
    assert "2 file(s) were found by their own headers instead, and its list of files follows them" in \
        ends_zip["reason"]


def test_a_zip_cut_short_is_read_no_further_than_its_limit_and_its_crc(tmp_path):
    """Files found by their own headers are held to the same limit as others (a zip bomb), and
    one whose data does not match its CRC is not read."""
    from indexer.readers import read_file
    from indexer.readers.archive import read_archive

    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("1.ris", RIS.format("Alpha marrow"))
        z.writestr("2.ris", RIS.format("Beta marrow") + "N1  - " + "0" * 100_000 + "\n")
        z.writestr("3.ris", RIS.format("Gamma marrow"))
    data = data.getvalue()
    (tmp_path / "big.zip").write_bytes(data[:data.index(b"PK\x01\x02")])
    items = list(read_archive(str(tmp_path / "big.zip"), "zip", None, read_file, budget=[10_000]))
    assert [type(i).__name__ for i in items] == ["Record", "Failure"]
    assert items[1].member == "2.ris" and "this file and the rest of the archive are not read" in items[1].reason
    stored = io.BytesIO()
    with zipfile.ZipFile(stored, "w") as z:
        z.writestr("1.ris", RIS.format("Alpha marrow"))
        z.writestr("2.ris", RIS.format("Beta marrow"))
    damaged = bytearray(stored.getvalue()[:stored.getvalue().index(b"PK\x01\x02")])
    damaged[damaged.index(b"Alpha")] = ord("a")
    (tmp_path / "crc.zip").write_bytes(bytes(damaged))
    items = list(read_archive(str(tmp_path / "crc.zip"), "zip", None, read_file))
    assert [(type(i).__name__, i.member if hasattr(i, "reason") else i.source.member) for i in items] == [
        ("Failure", "1.ris"), ("Record", "2.ris"), ("Failure", None)]
    assert items[0].reason.startswith("cannot unpack this file from the archive (BadZipFile: Bad CRC-32")


def test_a_member_whose_name_leads_out_of_the_archive_is_said_skipped(tmp_path):
    """"../x.ris" (path traversal, a hostile archive's) was skipped silently, taken for a file in
    a hidden folder; it is a failure naming it and saying why, and nothing is unpacked there."""
    archive = tmp_path / "inside" / "traversal.zip"
    archive.parent.mkdir()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("ok/a.ris", RIS.format("Alpha marrow"))
        z.writestr("../x.ris", RIS.format("Climbing out"))
        z.writestr("ok/../../../y.ris", RIS.format("Climbing further"))
        z.writestr("ok/../b.ris", RIS.format("Beta marrow"))           # stays inside: read
    only = tmp_path / "only.tar"
    with tarfile.open(only, "w") as t:
        info = tarfile.TarInfo("../x.ris")
        info.size = len(RIS.format("Climbing out"))
        t.addfile(info, io.BytesIO(RIS.format("Climbing out").encode("utf-8")))
    result, records, failures = clean_items(archive, only)
    assert result.returncode == 1
    assert [r["title"]["en"] for r in records] == ["Alpha marrow", "Beta marrow"]
    assert sorted((os.path.basename(f["path"]), f["member"]) for f in failures) == \
        [("only.tar", "../x.ris"), ("traversal.zip", "../x.ris"), ("traversal.zip", "ok/../../../y.ris")]
    assert all(f["reason"].startswith("skipped: its name leads out of the archive's folder (..)") for f in failures)
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["inside", "only.tar", "traversal.zip"]


def test_compressed_data_damaged_is_a_failure_and_the_batch_goes_on(tmp_path):
    text = "".join(RIS.format(f"Marrow study {i}") for i in range(200))
    data = bytearray(gzip.compress(text.encode("utf-8"), mtime=0))
    data[20] ^= 0xFF  # inside the deflate stream: zlib cannot decode it
    (tmp_path / "a.ris.gz").write_bytes(bytes(data))
    (tmp_path / "b.ris").write_text(RIS.format("Alpha marrow"), encoding="utf-8")
    result, records, failures = clean_items(tmp_path / "a.ris.gz", str(tmp_path / "b.ris"))
    assert [r["title"]["en"] for r in records] == ["Alpha marrow"]
    assert [(f["member"], f["reason"].split(" (")[0]) for f in failures] == [
        ("a.ris", "cannot unpack this file from the archive")]


@pytest.mark.parametrize("module", [gzip, lzma])
def test_a_stream_cut_short_gives_its_records_before_the_cut(tmp_path, module):
    """A savedrecs.ris.gz whose download stopped was one failure, "cannot unpack" with no raw
    text, its whole records lost (zcat reads them); they are read, and the cut is a failure
    with the last record's raw text, which the cut may have ended early."""
    text = "".join(RIS.format(f"Marrow study {i}").replace("PY  - 2020", "AB  - Cells " + " ".join(
        str(j * 7919 % 10007) for j in range(i * 100, i * 100 + 80))) for i in range(1, 7))   # compressed evenly
    packed = module.compress(text.encode("utf-8"))
    name = f"savedrecs.ris.{'gz' if module is gzip else 'xz'}"
    (tmp_path / name).write_bytes(packed[:len(packed) * 2 // 3])
    (tmp_path / "z.ris").write_text(RIS.format("Alpha marrow"), encoding="utf-8")
    result, records, failures = clean_items(tmp_path / name, str(tmp_path / "z.ris"))
    titles = [r["title"]["en"] for r in records if r["source"]["path"].endswith(name)]
    assert titles == [f"Marrow study {i}" for i in range(1, len(titles) + 1)] and len(titles) >= 3
    assert [r["title"]["en"] for r in records if r["source"]["path"].endswith("z.ris")] == ["Alpha marrow"]
    [failure] = failures
    assert failure["member"] == name.rsplit(".", 1)[0] and failure["record"] == len(titles) + 1
    assert failure["reason"].startswith("the file is cut short (EOFError: ")
    assert failure["raw"].startswith(f"TY  - JOUR\nTI  - Marrow study {len(titles) + 1}\nAB  - Cells ")


def test_a_bzip2_stream_cut_short_gives_its_whole_blocks_and_says_what_it_lost(tmp_path):
    """bzip2 unpacks whole blocks (100 to 900 kB of text each): a .bz2 cut short gives the
    records of its blocks before the cut, and one cut inside its first block can give none.
    That was "cannot unpack this file" (EOFError), as for damaged data; it is the cut, saying
    that the block it ends is lost whole."""
    text = "".join(RIS.format(f"Marrow study {i}").replace("PY  - 2020", "AB  - Cells " + " ".join(
        str(j * 7919 % 100003) for j in range(i * 300, i * 300 + 300))) for i in range(1, 121))   # 250 kB
    packed = bz2.compress(text.encode("utf-8"), 1)   # blocks of 100 kB
    (tmp_path / "many.ris.bz2").write_bytes(packed[:len(packed) * 2 // 3])
    packed = bz2.compress(text[:4000].encode("utf-8"))   # one block
    (tmp_path / "one.ris.bz2").write_bytes(packed[:len(packed) * 2 // 3])
    result, records, failures = clean_items(tmp_path / "many.ris.bz2", tmp_path / "one.ris.bz2")
    titles = [r["title"]["en"] for r in records]
    assert titles == [f"Marrow study {i}" for i in range(1, len(titles) + 1)] and len(titles) >= 30
    assert all(r["source"]["path"].endswith("many.ris.bz2") for r in records)
    reasons = {(os.path.basename(f["path"]), f["member"], f["record"]): f["reason"] for f in failures}
    assert set(reasons) == {("many.ris.bz2", "many.ris", len(titles) + 1), ("one.ris.bz2", "one.ris", None)}
    for reason in reasons.values():
        assert reason.startswith("the file is cut short (EOFError: ")
        assert "bzip2 unpacks whole blocks" in reason
    assert "nothing of it could be unpacked" in reasons[("one.ris.bz2", "one.ris", None)]


def test_an_archive_unpacking_past_its_limit_is_read_up_to_there(tmp_path):
    import py7zr

    from indexer.readers import read_file
    from indexer.readers.archive import read_archive
    from indexer.record import Failure

    members = {"1.ris": RIS.format("Alpha marrow"), "2.ris": RIS.format("Beta marrow") + "N1  - " + "0" * 100_000 + "\n",
               "3.ris": RIS.format("Gamma marrow")}
    with zipfile.ZipFile(tmp_path / "big.zip", "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in members.items():
            z.writestr(name, text)
    with py7zr.SevenZipFile(tmp_path / "big.7z", "w") as z:   # unpacked whole before it is read
        for name, text in members.items():
            z.writestr(text, name)
    (tmp_path / "big.rar").write_bytes(rar5([(name, text.encode()) for name, text in members.items()]))
    for kind in ("zip", "7z", "rar") if _libarchive() else ("zip", "7z"):
        items = list(read_archive(str(tmp_path / f"big.{kind}"), kind, None, read_file, budget=[10_000]))
        assert [type(i).__name__ for i in items] == ["Record", "Failure"], kind
        assert isinstance(items[1], Failure) and items[1].member == "2.ris"
        assert "this file and the rest of the archive are not read" in items[1].reason


def test_ingest_an_archive_again_as_a_file(tmp_path):
    from indexer.index.ingest import ingest

    archive, idx = tmp_path / "refs.zip", str(tmp_path / "idx")
    titles = ("Alpha marrow", "Beta marrow", "Gamma marrow")
    with zipfile.ZipFile(archive, "w") as z:
        for t in titles:
            z.writestr(f"{t[0]}.ris", RIS.format(t))
    assert ingest([str(archive)], idx, quiet=True).added == 3
    assert ingest([str(archive)], idx, quiet=True).unchanged == 3
    with zipfile.ZipFile(archive, "w") as z:  # the archive made again without its last file
        for t in titles[:2]:
            z.writestr(f"{t[0]}.ris", RIS.format(t))
    summary = ingest([str(archive)], idx, quiet=True)
    assert (summary.read, summary.unchanged, summary.removed) == (2, 2, 1)
    hits = json.loads(run_cli("search", "--json", "marrow", "--index", idx).stdout)["hits"]
    assert sorted((h["title"]["en"], h["source"]["member"]) for h in hits) == [
        ("Alpha marrow", "A.ris"), ("Beta marrow", "B.ris")]
    shown = run_cli("search", "Alpha", "--index", idx).stdout
    assert f"{archive}/A.ris #1 [ris]" in shown


def test_a_folder_skips_its_archives_and_says_so(tmp_path):
    import py7zr

    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "a.ris").write_text(RIS.format("Alpha marrow"), encoding="utf-8")
    with zipfile.ZipFile(folder / "a.zip", "w") as z:  # the archive a.ris was unpacked from
        z.writestr("a.ris", RIS.format("Alpha marrow"))
    with py7zr.SevenZipFile(folder / "b.7z", "w") as z:
        z.writestr(RIS.format("Alpha marrow"), "a.ris")
    (folder / "c.rar").write_bytes(rar5([("a.ris", RIS.format("Alpha marrow").encode())]))
    result = run_cli("clean", "--json", str(folder))
    assert [r["title"]["en"] for r in jsonl(result.stdout)] == ["Alpha marrow"]
    assert (f"Warning: {folder}: 3 archive(s) not read ({folder / 'a.zip'} {folder / 'b.7z'} {folder / 'c.rar'})"
            in result.stderr)
    (folder / "a.ris").unlink()
    result = run_cli("export", "--format", "ris", "--from", str(folder))
    assert result.stdout == "" and f"Name an archive to read it: {folder / 'a.zip'}" in result.stderr


def test_a_folder_gives_its_archives_too_when_asked(tmp_path):
    from indexer.index.ingest import ingest

    folder = tmp_path / "downloads"
    (folder / "week2").mkdir(parents=True)
    (folder / "a.ris").write_text(RIS.format("Alpha marrow"), encoding="utf-8")
    with zipfile.ZipFile(folder / "week2" / "cnki.zip", "w") as z:
        z.writestr("b.ris", RIS.format("Beta marrow"))
        z.writestr("README.md", "what these are")
    with zipfile.ZipFile(folder / ".hidden.zip", "w") as z:   # hidden: skipped still
        z.writestr("c.ris", RIS.format("Gamma marrow"))
    result = run_cli("clean", "--json", "--archives", str(folder))
    assert [(r["title"]["en"], r["source"].get("member")) for r in jsonl(result.stdout)] == [
        ("Alpha marrow", None), ("Beta marrow", "b.ris")]
    assert result.returncode == 0 and "Warning" not in result.stderr
    assert "give --archives to read them all" in run_cli("clean", "--json", str(folder)).stderr
    summary = ingest([str(folder)], str(tmp_path / "idx"), quiet=True, archives=True)
    assert (summary.read, summary.added) == (2, 2)
    exported = run_cli("export", "--format", "ris", "--archives", "--from", str(folder))
    assert exported.returncode == 0 and exported.stdout.count("TI  - ") == 2
    misused = run_cli("export", "--format", "ris", "--archives", "--index", str(tmp_path / "idx"))
    assert misused.returncode == 2 and "--archives reads the archives of folders given with --from" in misused.stderr


def test_duplicates_inside_an_archive_are_shown_with_their_member(tmp_path):
    archive, idx = tmp_path / "refs.zip", str(tmp_path / "idx")
    rec = ("TY  - JOUR\nTI  - Marrow fibrosis in myelofibrosis: a cohort study\nAU  - Smith, John\nPY  - 2020\n"
           "JO  - Blood\nVL  - 12\nSP  - 100\nEP  - 110\nDO  - 10.1000/marrow.1\nER  - \n")
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("scopus.ris", rec)
        z.writestr("wos/savedrecs.ris", rec)
    assert run_cli("ingest", "-q", str(archive), "--index", idx).returncode == 0
    result = run_cli("dedup", "--json", "--index", idx)
    [cluster] = json.loads(result.stdout)["clusters"]
    assert [r["source"] for r in cluster["records"]] == [
        {"path": str(archive), "record": 1, "member": "scopus.ris"},
        {"path": str(archive), "record": 2, "member": "wos/savedrecs.ris"}]
    shown = run_cli("dedup", "--index", idx).stdout
    assert "refs.zip/wos/savedrecs.ris #2" in shown  # (a long path is cut at its start)


def test_a_table_export_names_the_member(tmp_path):
    import csv

    archive = tmp_path / "refs.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("cnki/2023.ris", RIS.format("Alpha marrow"))
    result = run_cli("export", "--format", "csv", "--from", str(archive))
    [row] = list(csv.DictReader(io.StringIO(result.stdout)))
    assert (row["source_path"], row["source_record"], row["source_member"]) == (str(archive), "1", "cnki/2023.ris")


def test_text_that_begins_as_a_compressed_stream_is_text(tmp_path):
    from indexer.readers.archive import archive_kind

    text = tmp_path / "notes.txt"  # bzip2's magic is "BZh": text may begin so
    text.write_text("BZh9 is not a stream.\n".ljust(257) + "ustar, nor a tar.\n", encoding="utf-8")
    packed = tmp_path / "notes.txt.bz2"
    packed.write_bytes(bz2.compress(text.read_bytes()))
    assert (archive_kind(str(text)), archive_kind(str(packed))) == (None, "stream")


def test_an_empty_tar_says_it_is_empty(tmp_path):
    # `tar czf x.tar.gz --files-from /dev/null` writes 10 KiB of zero blocks: they had been read
    # as a binary file, its NULs shown as its raw text.
    empty = io.BytesIO()
    with tarfile.open(fileobj=empty, mode="w", format=tarfile.GNU_FORMAT):
        pass
    data = empty.getvalue()
    assert len(data) == 10240 and not data.strip(b"\x00")
    (tmp_path / "x.tar").write_bytes(data)
    (tmp_path / "x.tar.gz").write_bytes(gzip.compress(data))
    (tmp_path / "zeros.ris").write_bytes(data)   # not named as a tar: a binary file, as before
    (tmp_path / "zeros.ris.gz").write_bytes(gzip.compress(data))   # (a zeroed download, compressed: so too)
    _result, _records, failures = clean_items(tmp_path, "--archives")
    reasons = {os.path.basename(f["path"]): f["reason"] for f in failures}
    assert reasons["x.tar"] == reasons["x.tar.gz"] == "no records: the archive holds no file that is read (it is empty)"
    assert reasons["zeros.ris"].startswith("binary file")
    assert "binary file" in reasons["zeros.ris.gz"], reasons
    assert all(f["raw"] == "" for f in failures if f["path"].endswith(("x.tar", "x.tar.gz")))
