"""An id is a record's place in its file: what ingest says when a re-run export moves the papers
to other ids, and when a file is ingested again by another path (a link).  Real command-line
runs on real indexes in temporary folders."""
from __future__ import annotations

import json

from conftest import run_cli

PAPERS = [("Acupuncture for chronic low back pain", "10.1001/jama.2024.0001"),
          ("Electroacupuncture for postoperative ileus", "10.1136/bmj-2023-076543"),
          ("Acupuncture in oncology. Part I: Cancer-related pain", "10.1016/j.ctcp.2022.05.001"),
          ("Acupuncture in oncology. Part II: Chemotherapy-induced nausea", "10.1016/j.ctcp.2022.05.002"),
          ("Moxibustion for knee osteoarthritis", None)]


def _ris(papers, year: int = 2022) -> str:
    return "".join(f"TY  - JOUR\nTI  - {title}\nAU  - Garcia, Maria\nPY  - {year}\nJO  - Pain\n"
                   + (f"DO  - {doi}\n" if doi else "") + "ER  - \n\n" for title, doi in papers)


def _ingest(*args: str):
    result = run_cli("ingest", *args)
    assert result.returncode == 0, result.stderr
    return result


def test_a_record_put_on_top_of_a_file_is_said_to_move_the_papers_to_other_ids(tmp_path):
    # a PubMed search re-run into the same export file, one new hit on top: every id held the
    # next paper down, and ingest said only "added 1, updated 5"
    ris, idx = tmp_path / "pubmed.ris", str(tmp_path / "idx")
    ris.write_text(_ris(PAPERS), encoding="utf-8")
    _ingest("-q", str(ris), "--index", idx)
    ris.write_text(_ris([("Auricular acupressure for insomnia", "10.1016/j.explore.2024.06.001"), *PAPERS]),
                   encoding="utf-8")
    summary = json.loads(_ingest("--json", str(ris), "--index", idx).stdout)
    assert (summary["added"], summary["updated"], summary["replaced"]) == (1, 5, 5)
    assert [w for w in summary["warnings"] if "another paper" in w] == [
        f"5 id(s) of {ris} now hold another paper than before: an id is a record's place in its file, and a "
        "record added or removed above them moved the papers; a list of ids made before (a screening sheet, "
        "export --ids) now names other papers: go by DOI, PMID or citation key"]
    ris.write_text(_ris(PAPERS), encoding="utf-8")   # the new hit gone again: plain summary
    said = _ingest(str(ris), "--index", idx).stderr
    assert "removed 1" in said and "updated 5 (5 now hold another paper: ids follow a record's place in its file)" in said
    assert said.count(f"Warning: 5 id(s) of {ris} now hold another paper") == 1


def test_a_record_corrected_where_it_stands_is_the_same_paper(tmp_path):
    # the same papers, a year changed, a title corrected, a DOI added: updated, no other paper
    ris, idx = tmp_path / "refs.ris", str(tmp_path / "idx")
    ris.write_text(_ris(PAPERS), encoding="utf-8")
    _ingest("-q", str(ris), "--index", idx)
    fixed = [("Acupuncture for chronic low-back pain: a trial", PAPERS[0][1]), *PAPERS[1:4],
             ("Moxibustion for knee osteoarthritis", "10.13703/j.0255-2930.20220601-0003")]
    ris.write_text(_ris(fixed, year=2023), encoding="utf-8")
    result = _ingest("--json", str(ris), "--index", idx)
    summary = json.loads(result.stdout)
    assert (summary["updated"], summary["replaced"], summary["warnings"]) == (5, 0, [])
    assert "Warning" not in result.stderr


def test_a_title_completed_with_its_subtitle_is_the_same_paper(tmp_path):
    # a title cut off in one export and whole in the next (or a subtitle dropped): no DOI to tell,
    # the prints too unlike for difflib's 0.6; one begins the other
    ris, idx = tmp_path / "refs.ris", str(tmp_path / "idx")
    ris.write_text(_ris([("Gut microbiota and obesity", None)]), encoding="utf-8")
    _ingest("-q", str(ris), "--index", idx)
    ris.write_text(_ris([("Gut microbiota and obesity: a systematic review and meta-analysis", None)]), encoding="utf-8")
    summary = json.loads(_ingest("--json", str(ris), "--index", idx).stdout)
    assert (summary["updated"], summary["replaced"]) == (1, 0)


def test_a_folder_ingested_again_through_a_link_is_said_to_be_held_twice(tmp_path):
    # PRISMA's "identified" counted every record twice, and ingest said only "added 3"
    folder, idx = tmp_path / "searches", str(tmp_path / "idx")
    folder.mkdir()
    (folder / "pubmed.ris").write_text(_ris(PAPERS[:2]), encoding="utf-8")
    (folder / "embase.ris").write_text(_ris(PAPERS[2:3]), encoding="utf-8")
    (tmp_path / "link").symlink_to(folder)
    _ingest("-q", str(folder), "--index", idx)
    again = json.loads(_ingest("--json", str(folder), "--index", idx).stdout)   # the same path: nothing said
    assert (again["unchanged"], again["warnings"]) == (3, [])
    linked = _ingest("--json", str(tmp_path / "link"), "--index", idx)
    summary = json.loads(linked.stdout)
    assert summary["added"] == 3
    assert summary["warnings"] == [
        f"2 file(s) read are also in the index by another path to the same file (a link?): "
        f"{tmp_path / 'link' / 'embase.ris'} as {folder / 'embase.ris'}, and 1 file(s) more; 3 record(s) are "
        "held again, under each path's ids, and dedup counts each copy as identified (PRISMA); ingest a "
        "library through one path (a link removed, `ingest --prune` of it removes the records read through it)"]
    assert linked.stderr.count("Warning:") == 1
    (tmp_path / "link").unlink()   # the way out the warning gives
    pruned = json.loads(_ingest("--json", "--prune", str(tmp_path / "link"), "--index", idx).stdout)
    assert pruned["removed"] == 3
    assert json.loads(_ingest("--json", str(folder), "--index", idx).stdout)["warnings"] == []
