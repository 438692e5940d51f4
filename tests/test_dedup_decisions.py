"""A reviewer's decision follows its records, not their places: a record's id is its place in
its file, so after the file gains a record above it and is ingested again, a stored "merge"
must not merge whatever now sits there.  Records written here, a real ingest into a temp
index, the CLI as a user runs it."""
from __future__ import annotations

import json

from conftest import dedup_json as dedup, ingested_ris, run_cli, source_ids as names
from indexer.merge import decisions_path

PREPRINT = """TY  - JOUR
AU  - Park, J.H.
AU  - Choi, M.K.
TI  - Outcomes of robotic versus laparoscopic gastrectomy for gastric cancer in elderly patients
PY  - 2021
T2  - Research Square
ID  - PREPRINT
ER  - 
"""
ARTICLE = """TY  - JOUR
AU  - Park, Jae-Hyun
AU  - Choi, Min-Kyung
TI  - Outcomes of robotic versus laparoscopic gastrectomy for gastric cancer in elderly patients
PY  - 2021
T2  - Annals of Surgical Treatment and Research
VL  - 100
IS  - 2
SP  - 60
EP  - 68
ID  - ARTICLE
ER  - 
"""
OTHER = """TY  - JOUR
AU  - Nguyen, T.
TI  - Machine learning for sepsis prediction in emergency departments
PY  - 2021
T2  - Research Square
ID  - OTHER
ER  - 
"""


def _setup(tmp_path):
    idx = ingested_ris(tmp_path, preprint=PREPRINT, article=ARTICLE)
    (cluster,) = dedup(idx)["clusters"]
    assert cluster["confidence"] == "needs review"
    return tmp_path / "in", idx


# The preprint twice in its file: its title's fingerprint finds two records there, neither
# followed (the decision is about one of them).
PREPRINT_COPY = PREPRINT.replace("ID  - PREPRINT", "ID  - PREPRINT COPY")


def test_a_merge_decision_follows_its_record_to_its_new_place(tmp_path):
    # the search re-run: its export gains a new hit at its top, the paper decided on moves down
    folder, idx = _setup(tmp_path)
    assert run_cli("dedup", "--review", "--index", str(idx), stdin="m\n").returncode == 0
    (folder / "preprint.ris").write_text(OTHER + "\n" + PREPRINT, encoding="utf-8")
    assert run_cli("ingest", "-q", str(folder), "--index", str(idx)).returncode == 0
    name = names(idx)
    (cluster,) = dedup(idx)["clusters"]
    assert sorted(name[r["id"]] for r in cluster["records"]) == ["ARTICLE", "PREPRINT"]
    assert cluster["confidence"] == "certain" and "merged by a reviewer" in cluster["reasons"]
    assert any("follows them to their new places" in r for r in cluster["reasons"])
    assert not any("no longer applies" in r for r in cluster["reasons"])


def test_decisions_and_forget_name_the_records_at_their_new_places(tmp_path):
    """A decision that follows its records lists their ids now: it listed the old ones, one of
    them now the paper at the preprint's old place, and ``--forget`` took the decision back by
    that unrelated paper's id and not by the preprint's own.  --apply stores the ids now."""
    folder, idx = _setup(tmp_path)
    assert run_cli("dedup", "--review", "--index", str(idx), stdin="m\n").returncode == 0
    (folder / "preprint.ris").write_text(OTHER + "\n" + PREPRINT, encoding="utf-8")
    assert run_cli("ingest", "-q", str(folder), "--index", str(idx)).returncode == 0
    by_name = {n: rid for rid, n in names(idx).items()}
    now = sorted([by_name["ARTICLE"], by_name["PREPRINT"]])
    listed = run_cli("dedup", "--decisions", "--index", str(idx))
    assert listed.stdout.splitlines() == [f"merge: {' '.join(now)}"]
    (decision,) = json.loads(run_cli("dedup", "--decisions", "--json", "--index", str(idx)).stdout)["decisions"]
    assert decision["ids"] == now and sorted(decision["titles"]) == now
    # the paper now at the preprint's old place is named by no decision
    other = run_cli("dedup", "--forget", by_name["OTHER"], "--index", str(idx))
    assert other.returncode == 1 and "forgot 0 decisions" in other.stderr
    dedup(idx, "--apply")
    stored = json.loads(decisions_path(idx).read_text(encoding="utf-8"))["decisions"]
    assert [d["ids"] for d in stored] == [now]
    gone = run_cli("dedup", "--forget", by_name["PREPRINT"], "--index", str(idx))
    assert gone.returncode == 0 and "forgot 1 decision" in gone.stderr
    assert json.loads(decisions_path(idx).read_text(encoding="utf-8"))["decisions"] == []


def test_a_merge_decision_follows_its_record_when_its_old_id_is_gone(tmp_path):
    # the search re-run loses the hit above the paper decided on: the paper moves up to that
    # hit's place, and its own old place (the file's last) is no record's now
    folder, idx = tmp_path / "in", tmp_path / "idx"
    folder.mkdir()
    (folder / "preprint.ris").write_text(OTHER + "\n" + PREPRINT, encoding="utf-8")
    (folder / "article.ris").write_text(ARTICLE, encoding="utf-8")
    assert run_cli("ingest", "-q", str(folder), "--index", str(idx)).returncode == 0
    assert run_cli("dedup", "--review", "--index", str(idx), stdin="m\n").returncode == 0
    decided = json.loads(decisions_path(idx).read_text(encoding="utf-8"))["decisions"][0]["ids"]
    (folder / "preprint.ris").write_text(PREPRINT, encoding="utf-8")
    assert run_cli("ingest", "-q", str(folder), "--index", str(idx)).returncode == 0
    name = names(idx)
    assert set(decided) - set(name)   # (the preprint's old id is gone)
    (cluster,) = dedup(idx)["clusters"]
    assert sorted(name[r["id"]] for r in cluster["records"]) == ["ARTICLE", "PREPRINT"]
    assert cluster["confidence"] == "certain" and "merged by a reviewer" in cluster["reasons"]
    assert any("follows them to their new places" in r for r in cluster["reasons"])


def test_a_merge_decision_does_not_pass_to_the_record_now_at_its_place(tmp_path):
    folder, idx = _setup(tmp_path)
    assert run_cli("dedup", "--review", "--index", str(idx), stdin="m\n").returncode == 0
    assert dedup(idx)["clusters"][0]["confidence"] == "certain"
    # the preprints' file gains a record at its top, and a second copy of the preprint (two
    # searches exported into one file): the paper decided on cannot be told by its title there
    (folder / "preprint.ris").write_text(OTHER + "\n" + PREPRINT + "\n" + PREPRINT_COPY, encoding="utf-8")
    assert run_cli("ingest", "-q", str(folder), "--index", str(idx)).returncode == 0
    name = names(idx)
    (cluster,) = dedup(idx)["clusters"]
    assert sorted(name[r["id"]] for r in cluster["records"]) == ["ARTICLE", "PREPRINT", "PREPRINT COPY"]
    assert cluster["confidence"] == "needs review"
    assert any("no longer applies" in r for r in cluster["reasons"])


def test_a_decision_stored_without_fingerprints_applies_as_before(tmp_path):
    _folder, idx = _setup(tmp_path)
    ids = sorted(names(idx))
    decisions_path(idx).write_text(json.dumps({"decisions": [{"decision": "merge", "ids": ids}], "version": 1}),
                                   encoding="utf-8")
    (cluster,) = dedup(idx)["clusters"]
    assert cluster["confidence"] == "certain" and "merged by a reviewer" in cluster["reasons"]


def test_a_stale_decision_does_not_demote_the_certain_cluster_of_the_paper_now_at_its_place(tmp_path):
    # the paper that comes to sit at the decided record's place has a certain copy elsewhere:
    # the stale decision is about the preprint's cluster, not about that one
    folder, idx = _setup(tmp_path)
    assert run_cli("dedup", "--review", "--index", str(idx), stdin="m\n").returncode == 0
    (folder / "other.ris").write_text(OTHER.replace("ID  - OTHER", "ID  - OTHER COPY"), encoding="utf-8")
    (folder / "preprint.ris").write_text(OTHER + "\n" + PREPRINT + "\n" + PREPRINT_COPY, encoding="utf-8")
    assert run_cli("ingest", "-q", str(folder), "--index", str(idx)).returncode == 0
    name = names(idx)
    result = dedup(idx)
    by_names = {tuple(sorted(name[r["id"]] for r in c["records"])): c for c in result["clusters"]}
    assert sorted(by_names) == [("ARTICLE", "PREPRINT", "PREPRINT COPY"), ("OTHER", "OTHER COPY")]
    other = by_names[("OTHER", "OTHER COPY")]
    assert other["confidence"] == "certain"
    assert not any("no longer applies" in r for r in other["reasons"])
    preprint = by_names[("ARTICLE", "PREPRINT", "PREPRINT COPY")]
    assert preprint["confidence"] == "needs review"
    assert any("no longer applies" in r for r in preprint["reasons"])
    counts = result["counts"]
    assert (counts["needs_review"], counts["duplicates_to_review"]) == (1, 1)


# A paper's record in one file and its copy in another, titled a word apart (needs review); a
# third file holds another paper of the first one's exact title (other authors, journal, year).
SPINE = """TY  - JOUR
TI  - Outcomes of spinal surgery in older adults with metastatic disease
AU  - Smith, John
AU  - Brown, Lee
T2  - Spine Journal
PY  - 2020
VL  - 20
SP  - 100
EP  - 110
ID  - A
ER  - 
"""
SPINE_COPY = """TY  - JOUR
TI  - Outcomes of spinal surgery in elderly adults with metastatic disease
AU  - Smith, J.
AU  - Brown, L.
T2  - Spine J
PY  - 2020
ID  - B
ER  - 
"""
KIDNEY = """TY  - JOUR
TI  - A quite unrelated paper about kidneys
AU  - Doe, Jane
T2  - Kidney International
PY  - 2019
VL  - 5
SP  - 1
EP  - 9
ID  - KIDNEY
ER  - 
"""


def _decide(tmp_path, decision, third):
    """A and B decided on (as a review stores it); then A's file re-exported without A (another
    paper at its place) and a third file ingested: the records' clusters, by their file's ids."""
    from indexer.merge import clusters_for, record_decision

    folder, idx = tmp_path / "in", tmp_path / "idx"
    folder.mkdir()
    (folder / "a.ris").write_text(SPINE + "\n" + KIDNEY, encoding="utf-8")
    (folder / "b.ris").write_text(SPINE_COPY, encoding="utf-8")
    assert run_cli("ingest", "-q", str(folder), "--index", str(idx)).returncode == 0
    records, (cluster,) = clusters_for(idx)
    assert cluster["confidence"] == "needs review"
    record_decision(idx, decision, [r["id"] for r in cluster["records"]], {r["id"]: r for r in records})
    (folder / "a.ris").write_text(KIDNEY, encoding="utf-8")
    (folder / "c.ris").write_text(third, encoding="utf-8")
    assert run_cli("ingest", "-q", str(folder), "--index", str(idx)).returncode == 0
    name = names(idx)
    return {tuple(sorted(name[r["id"]] for r in c["records"])): c for c in dedup(idx)["clusters"]}


def test_a_merge_decision_does_not_follow_its_title_into_another_file(tmp_path):
    # c.ris's record has A's exact title but is another paper the reviewer never saw
    other = SPINE.replace("Smith, John\nAU  - Brown, Lee", "Wang, Wei").replace("Spine Journal", "Chinese Journal of "
                          "Orthopaedics").replace("2020", "2012").replace("ID  - A", "ID  - C")
    assert _decide(tmp_path, "merge", other) == {}


def test_a_not_duplicates_decision_does_not_follow_its_title_into_another_file(tmp_path):
    # c.ris's record has A's title and B's authors: the reviewer never saw it, a librarian decides
    clusters = _decide(tmp_path, "distinct", SPINE.replace("ID  - A", "ID  - C"))
    assert list(clusters) == [("B", "C")]
    assert clusters[("B", "C")]["confidence"] == "needs review"
    assert not any("follows them" in r for r in clusters[("B", "C")]["reasons"])


def test_the_places_past_a_files_end_are_made_once_a_run_and_no_further_than_asked(tmp_path):
    # a decision's id no record has now is looked for past the end of each file of its title,
    # on every dedup, export --masters and --apply (forever, when its file was removed): each
    # file's last record is found in one pass, and its places' ids are made only up to the one
    # asked for, all of them (GONE_PROBE) only for an id no place there has
    from indexer.dedup import GONE_PROBE, _PastEnds
    from indexer.record import ordinal_id

    paths = [str(tmp_path / f"f{n}.ris") for n in range(3)]
    recs = {ordinal_id(p, n): {"source": {"path": p, "record": n}} for p in paths for n in range(1, 6)}
    ends = _PastEnds(recs)
    assert ends.holds(paths[0], ordinal_id(paths[0], 8)) and len(ends.ids[paths[0]][0]) == 3
    assert ends.holds(paths[0], ordinal_id(paths[0], 6)) and len(ends.ids[paths[0]][0]) == 3
    assert not ends.holds(paths[1], ordinal_id(paths[1], 5))   # (its last record's, no place past it)
    assert not ends.holds(paths[1], ordinal_id(paths[0], 7)) and len(ends.ids[paths[1]][0]) == GONE_PROBE
    assert ends.holds(paths[2], ordinal_id(paths[2], 5 + GONE_PROBE))
    assert not ends.holds(paths[2], ordinal_id(paths[2], 6 + GONE_PROBE))
