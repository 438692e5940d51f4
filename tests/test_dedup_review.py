"""``dedup --review`` as a reviewer meets it: a Chinese paper, its English version and another
paper by the same authors (adult vs elderly patients, other issue and pages) are one cluster
for review; the reviewer must be able to say which of them are one paper.  Records written
here, a real ingest into a temp index, the review driven by piped answers."""
from __future__ import annotations

import json

from conftest import dedup_json as dedup, ingested_ris, run_cli, source_ids

EN = """TY  - JOUR
TI  - Efficacy of early rehabilitation after total knee arthroplasty in adult patients
AU  - Zhang, Wei
AU  - Li, Na
PY  - 2020
JO  - Chinese Journal of Orthopaedics
VL  - 40
IS  - 5
SP  - 301
EP  - 306
ID  - ADULT
ER  - 

TY  - JOUR
TI  - Efficacy of early rehabilitation after total knee arthroplasty in elderly patients
AU  - Zhang, Wei
AU  - Li, Na
PY  - 2020
JO  - Chinese Journal of Orthopaedics
VL  - 40
IS  - 9
SP  - 601
EP  - 606
ID  - ELDERLY
ER  - 
"""
ZH = """TY  - JOUR
TI  - 成人全膝关节置换术后早期康复的疗效
AU  - 张伟
AU  - 李娜
PY  - 2020
JO  - 中华骨科杂志
VL  - 40
IS  - 5
SP  - 301
EP  - 306
LA  - chi
ID  - ZH
ER  - 
"""


def _index(tmp_path):
    idx = ingested_ris(tmp_path, en=EN, zh=ZH)
    names = source_ids(idx)
    (cluster,) = dedup(idx)["clusters"]
    assert cluster["confidence"] == "needs review"
    numbers = {names[m["id"]]: n for n, m in enumerate(cluster["records"], 1)}
    assert sorted(numbers) == ["ADULT", "ELDERLY", "ZH"]
    return idx, names, numbers


def test_a_reviewer_splits_a_cluster_of_three_by_its_records_numbers(tmp_path):
    idx, names, numbers = _index(tmp_path)
    pair = f"{numbers['ADULT']} {numbers['ZH']}"
    result = run_cli("dedup", "--review", "--index", str(idx), stdin=f"1 9\n{pair}\n")
    assert result.returncode == 0, result.stderr
    assert "numbers of one paper" in result.stdout and "no record 9" in result.stdout   # asked again
    assert "1 split" in result.stderr
    # stored as pairwise decisions: merge within the part, not duplicates between the parts
    stored = json.loads((idx / "dedup_decisions.json").read_text(encoding="utf-8"))["decisions"]
    assert sorted((d["decision"], sorted(names[i] for i in d["ids"])) for d in stored) == [
        ("distinct", ["ADULT", "ELDERLY"]), ("distinct", ["ELDERLY", "ZH"]), ("merge", ["ADULT", "ZH"])]
    (cluster,) = dedup(idx)["clusters"]
    assert sorted(names[m["id"]] for m in cluster["records"]) == ["ADULT", "ZH"]
    assert cluster["confidence"] == "certain"
    # --apply follows it: the elderly-patients paper stays shown
    applied = dedup(idx, "--apply")
    assert applied["counts"]["remaining"] == 2
    found = run_cli("search", "elderly", "--json", "--index", str(idx))
    assert [names[h["id"]] for h in json.loads(found.stdout)["hits"]] == ["ELDERLY"]


def test_merge_and_not_duplicates_still_answer_a_cluster_of_three(tmp_path):
    idx, names, _ = _index(tmp_path)
    result = run_cli("dedup", "--review", "--index", str(idx), stdin="n\n")
    assert result.returncode == 0 and "1 not duplicates" in result.stderr
    assert dedup(idx)["clusters"] == []
    (idx / "dedup_decisions.json").unlink()
    result = run_cli("dedup", "--review", "--index", str(idx), stdin="m\n")
    assert result.returncode == 0 and "1 merged" in result.stderr
    (cluster,) = dedup(idx)["clusters"]
    assert len(cluster["records"]) == 3 and cluster["confidence"] == "certain"


def test_side_by_side_shows_where_two_long_titles_differ():
    from indexer.review import side_by_side

    titles = {"a": {"en": "Efficacy of early rehabilitation after total knee arthroplasty in adult patients"},
              "b": {"en": "Efficacy of early rehabilitation after total knee arthroplasty in elderly patients"},
              "c": {"zh": "成人全膝关节置换术后早期康复的疗效"}}
    records = {i: {"id": i, "title": titles[i], "source": {"path": f"{i}.ris", "record": 1}} for i in "abc"}
    cluster = {"records": [{"id": i} for i in "abc"], "master": "a"}
    for width in (80, 120):
        row = next(line for line in side_by_side(cluster, records, width=width) if line.startswith("≠ title"))
        assert "… in adult patients" in row and "… in elderly patien" in row, row
        assert "成人全膝关节置换" in row   # a title unlike the others keeps its start


def test_the_reasons_of_a_cluster_for_review_are_said_per_link():
    from indexer.review import describe

    cluster = {"confidence": "needs review", "records": [{"id": i} for i in "abc"],
               "reasons": ["Chinese and English versions", "issue differs (5 vs 9)", "same first page",
                           "titles alike (a typo or a cut-off subtitle)"],
               "links": [{"pair": ["c", "a"], "reasons": ["Chinese and English versions", "same first page"],
                          "confidence": "needs review"},
                         {"pair": ["a", "b"], "reasons": ["titles alike (a typo or a cut-off subtitle)",
                                                          "issue differs (5 vs 9)"], "confidence": "needs review"}]}
    lines = describe(cluster).splitlines()
    assert lines[0] == "needs review:"
    assert "  1 = 3: Chinese and English versions; same first page" in lines
    assert "  1 = 2: titles alike (a typo or a cut-off subtitle); issue differs (5 vs 9)" in lines


def test_a_decision_is_listed_and_taken_back_with_forget(tmp_path):
    idx, names, numbers = _index(tmp_path)
    by_name = {name: rid for rid, name in names.items()}
    answer = f"{numbers['ADULT']} {numbers['ZH']}\n"
    assert run_cli("dedup", "--review", "--index", str(idx), stdin=answer).returncode == 0
    listed = run_cli("dedup", "--decisions", "--index", str(idx))
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 3
    assert "not duplicates: " in listed.stdout and "3 decisions" in listed.stderr
    # the elderly-patients paper's answers taken back: it is put up for review again
    result = run_cli("dedup", "--forget", by_name["ELDERLY"], "--index", str(idx))
    assert result.returncode == 0 and "forgot 2 decisions" in result.stderr, result.stderr
    left = json.loads(run_cli("dedup", "--decisions", "--json", "--index", str(idx)).stdout)["decisions"]
    assert [(d["decision"], sorted(names[i] for i in d["ids"])) for d in left] == [("merge", ["ADULT", "ZH"])]
    (cluster,) = dedup(idx)["clusters"]
    assert len(cluster["records"]) == 3 and cluster["confidence"] == "needs review"
    # naming a record no decision names says so
    again = run_cli("dedup", "--forget", by_name["ELDERLY"], "--index", str(idx))
    assert again.returncode == 1 and "forgot 0 decisions" in again.stderr


def test_commas_list_one_papers_records_and_no_pair_named_is_asked_again(tmp_path):
    """``1,3`` is ``1 3``: merged 1 and 3, 2 apart; it was read as three parts of one record each,
    stored for good as "not duplicates".  Numbers naming no two records as one paper are asked again."""
    idx, names, numbers = _index(tmp_path)
    pair = f"{numbers['ADULT']},{numbers['ZH']}"
    result = run_cli("dedup", "--review", "--index", str(idx), stdin=f"{numbers['ADULT']}; {numbers['ZH']}\n{pair}\n")
    assert result.returncode == 0, result.stderr
    assert "1,3" in result.stdout                              # the prompt says commas list a paper
    assert "no two records named as one paper" in result.stdout and "1 split" in result.stderr
    stored = json.loads((idx / "dedup_decisions.json").read_text(encoding="utf-8"))["decisions"]
    assert sorted((d["decision"], sorted(names[i] for i in d["ids"])) for d in stored) == [
        ("distinct", ["ADULT", "ELDERLY"]), ("distinct", ["ELDERLY", "ZH"]), ("merge", ["ADULT", "ZH"])]
    (cluster,) = dedup(idx)["clusters"]
    assert sorted(names[m["id"]] for m in cluster["records"]) == ["ADULT", "ZH"]


def test_after_forget_dedup_counts_what_search_hides_as_stats_does(tmp_path):
    """A merge taken back after --apply: the duplicates it hid stay hidden until the next --apply.
    dedup said `0 duplicates removed, 3 remaining` (what --apply would leave) while stats said 2
    hidden and 1 shown; both now say what search and export show, and dedup what --apply would do."""
    idx, names, _ = _index(tmp_path)
    assert run_cli("dedup", "--review", "--index", str(idx), stdin="m\n").returncode == 0
    assert dedup(idx, "--apply")["counts"]["remaining"] == 1
    some = next(iter(names))
    assert run_cli("dedup", "--forget", some, "--index", str(idx)).returncode == 0
    stats = run_cli("stats", "--index", str(idx))
    assert "2 of them hidden as duplicates" in stats.stdout and "search and export show 1 " in stats.stdout
    shown = run_cli("dedup", "--index", str(idx))
    assert shown.returncode == 0, shown.stderr
    summary = shown.stdout.splitlines()[0]
    assert summary.endswith("2 duplicates removed, 1 remaining"), summary
    assert ("as the clusters are now, --apply removes 0 duplicates (3 remaining), and 2 in clusters that need review"
            in shown.stdout)
    by_file = [line.split() for line in shown.stdout.splitlines() if line.rstrip().endswith(".ris")]
    assert sorted(f[2] for f in by_file) == ["en.ris", "zh.ris"]
    assert sum(int(f[1]) for f in by_file) == 1    # the records remaining in each file add up
