"""``dedup --apply`` merges only what is certain unless told otherwise, and a master keeps
what its duplicates had: their whole abstract where its own is cut off, their PubMed id,
their places in their files.  Real ingest into a temp index, the CLI as a user runs it."""
from __future__ import annotations

import json

from conftest import DATA, dedup_json as dedup, ingested_files, jsonl, run_cli
from indexer.merge import merged_record
from indexer.store import Store

CASES = DATA / "dedup" / "cases.ris"

TRIALS = """TY  - JOUR
AU  - Alexion Pharmaceuticals, Inc
TI  - An Open-Label, Multi-Center Clinical Trial of Eculizumab in Pediatric Patients With Atypical Hemolytic-Uremic Syndrome (aHUS)
PY  - 2013
ID  - PED
ER  - 

TY  - JOUR
AU  - Alexion Pharmaceuticals, Inc
TI  - An Open-label, Multi-center Clinical Trial of Eculizumab in Adult Patients With Atypical Hemolytic-uremic Syndrome
PY  - 2013
ID  - ADU
ER  - 
"""


def shown_source_ids(idx) -> set[str]:
    with Store(idx) as store:
        return {r["source"]["source_id"] for r in store}


def test_apply_leaves_the_clusters_that_need_review_until_told(tmp_path):
    trials, idx = tmp_path / "trials.ris", tmp_path / "idx"
    trials.write_text(TRIALS, encoding="utf-8")
    assert run_cli("ingest", "-q", str(CASES), str(trials), "--index", str(idx)).returncode == 0
    found = dedup(idx)
    pending = [c for c in found["clusters"] if c["confidence"] == "needs review"]
    assert len(pending) == 2 and found["counts"]["needs_review"] == 2   # the two trials; ZH and EN
    # --apply: the certain clusters only; the two trials and the language versions stay apart
    result = run_cli("dedup", "--apply", "--index", str(idx))
    assert result.returncode == 0, result.stderr
    assert "2 clusters need review and were left as they are" in result.stdout
    assert {"PED", "ADU", "ZH", "EN"} <= shown_source_ids(idx)
    assert dedup(idx)["counts"] == {"identified": 20, "duplicates_found": 4, "duplicates_removed": 2,
                                   "duplicates_to_review": 2, "remaining": 18, "needs_review": 2}
    # --apply --all merges them too, and an ingest that merges again remembers it
    assert run_cli("dedup", "--apply", "--all", "--index", str(idx)).returncode == 0
    assert len({"PED", "ADU"} & shown_source_ids(idx)) == 1 and len({"ZH", "EN"} & shown_source_ids(idx)) == 1
    trials.write_text(TRIALS.replace("PY  - 2013", "PY  - 2014"), encoding="utf-8")
    summary = json.loads(run_cli("ingest", "--json", "-q", str(trials), "--index", str(idx)).stdout)
    assert summary["updated"] == 2 and summary["deduplicated"]["duplicates_hidden"] == 4
    assert len({"PED", "ADU"} & shown_source_ids(idx)) == 1
    # until an --apply without --all
    assert run_cli("dedup", "--apply", "--index", str(idx)).returncode == 0
    assert {"PED", "ADU", "ZH", "EN"} <= shown_source_ids(idx)
    assert run_cli("dedup", "--all", "--index", str(idx)).returncode == 2   # --all goes with --apply


def record(rid: str, fmt: str, source_id: str | None, **fields) -> dict:
    return {"id": rid, "source": {"path": f"{rid}.txt", "format": fmt, "record": 1, "source_id": source_id},
            "title": {"en": "Burn wound infections in children"}, "abstract": {}, **fields}


def test_a_master_takes_a_whole_abstract_for_its_cut_off_one_and_keeps_the_pubmed_id():
    full = ("Burn wound infections remain the leading cause of death in children with major burns. "
            "We reviewed 412 admissions over ten years and found that early excision reduced infection.")
    master = record("m", "ris", "WOS:000123456700001", abstract={"en": full[:60] + "..."}, keywords={"en": ["burns"]})
    medline = record("p", "medline", "31234567", abstract={"en": full})
    other = record("o", "ris", None, abstract={"en": "A different text about burns in children, not this one."})
    out = merged_record(master, [medline, other])
    assert out["abstract"]["en"] == full and out["merged"]["provenance"]["abstract.en"] == "p"
    assert out["extra"]["pmid"] == ["31234567"] and out["merged"]["provenance"]["pmid"] == "p"
    assert [(s["id"], s["format"], s["source_id"]) for s in out["merged"]["sources"]] == [
        ("m", "ris", "WOS:000123456700001"), ("o", "ris", None), ("p", "medline", "31234567")]
    # a whole abstract of the master stays, whatever a copy has
    kept = merged_record(record("m", "ris", None, abstract={"en": full}), [medline])
    assert kept["abstract"]["en"] == full and "abstract.en" not in kept["merged"]["provenance"]
    short = merged_record(record("m", "ris", None, abstract={"en": "Burn wound infections remain..."}), [other])
    assert short["abstract"]["en"] == "Burn wound infections remain..."   # not the start of the other's


PREVIEW_AND_WHOLE = """TY  - JOUR
TI  - Burn wound infections in children: a ten-year review
AU  - Okafor, Chidi
PY  - 2019
KW  - burns
KW  - infection
AB  - Burn wound infections remain the leading cause of death in children with major...
ER  - 

TY  - JOUR
TI  - Burn wound infections in children: a ten-year review
AU  - Okafor, Chidi
PY  - 2019
AB  - Burn wound infections remain the leading cause of death in children with major burns. We reviewed 412 admissions.
ER  - 
"""


def test_apply_says_what_each_master_took_from_its_duplicates(tmp_path):
    # the report was the clusters as before: what the merge did was only in merged.provenance
    path, idx = tmp_path / "two.ris", tmp_path / "idx"
    path.write_text(PREVIEW_AND_WHOLE, encoding="utf-8")
    assert run_cli("ingest", "-q", str(path), "--index", str(idx)).returncode == 0
    [cluster] = dedup(idx)["clusters"]
    whole = next(r["id"] for r in cluster["records"] if r["source"]["record"] == 2)
    assert cluster["master"] != whole   # the preview has keywords: the more complete record
    result = run_cli("dedup", "--apply", "--index", str(idx))
    assert f"completed: abstract.en from {whole}" in result.stdout
    shown = json.loads(run_cli("show", "--json", cluster["master"], "--index", str(idx)).stdout)
    assert shown["abstract"]["en"].endswith("We reviewed 412 admissions.")


def test_export_masters_completes_each_master_as_apply_would(tmp_path):
    # the bare master was exported (a preview for the whole abstract); and a cluster that needs
    # review is left as --apply leaves it: the Adult trial must not take the Pediatric one's abstract
    path, trials, idx = tmp_path / "two.ris", tmp_path / "trials.ris", tmp_path / "idx"
    path.write_text(PREVIEW_AND_WHOLE, encoding="utf-8")
    trials.write_text(TRIALS.replace("PY  - 2013\nID  - PED", "PY  - 2013\nAB  - Twenty-two children were "
                                     "treated.\nID  - PED"), encoding="utf-8")
    assert run_cli("ingest", "-q", str(path), str(trials), "--index", str(idx)).returncode == 0
    out = run_cli("export", "--format", "jsonl", "--masters", "--index", str(idx))
    assert out.returncode == 0, out.stderr
    exported = list(map(json.loads, out.stdout.splitlines()))
    burns = [r for r in exported if r["source"]["path"].endswith("two.ris")]
    assert len(burns) == 1 and burns[0]["abstract"]["en"].endswith("We reviewed 412 admissions.")
    by_trial = {r["source"]["source_id"]: r for r in exported if r["source"]["path"].endswith("trials.ris")}
    assert set(by_trial) == {"PED", "ADU"} and "abstract" not in by_trial["ADU"].get("merged", {}).get("provenance", {})
    assert not by_trial["ADU"]["abstract"]


def test_a_map_that_cannot_be_written_is_said_before_anything_is_applied(tmp_path):
    # the merges had been made and saved, then the map's error ended the run with exit 2
    idx = tmp_path / "idx"
    assert run_cli("ingest", "-q", str(CASES), "--index", str(idx)).returncode == 0
    for where in (tmp_path / "missing" / "map.csv", tmp_path):
        result = run_cli("dedup", "--apply", "--map", str(where), "--index", str(idx))
        assert result.returncode == 2
        assert f"--map {where}" in result.stderr and "nothing was changed" in result.stderr
        with Store(idx) as store:
            assert not store.hidden()
    result = run_cli("dedup", "--apply", "--map", str(tmp_path / "map.csv"), "--index", str(idx))
    assert result.returncode == 0, result.stderr
    with Store(idx) as store:
        assert store.hidden()
    assert (tmp_path / "map.csv").read_text(encoding="utf-8").startswith("old_id,kept_id")


def test_show_says_a_record_is_a_hidden_duplicate_and_names_its_master(tmp_path):
    idx = tmp_path / "idx"
    assert run_cli("ingest", "-q", str(CASES), "--index", str(idx)).returncode == 0
    assert run_cli("dedup", "--apply", "--index", str(idx)).returncode == 0
    with Store(idx) as store:
        hidden = store.hidden()
    duplicate, master = sorted(hidden.items())[0]
    for extra in ([], ["--json"]):
        result = run_cli("show", duplicate, *extra, "--index", str(idx))
        assert result.returncode == 0 and duplicate in result.stdout   # the record itself, as ingested
        assert f"{duplicate} is a duplicate hidden by `dedup --apply`" in result.stderr
        assert f"show {master}" in result.stderr
    shown = run_cli("show", master, "--index", str(idx))
    assert shown.returncode == 0 and "hidden" not in shown.stderr


EMBASE = """TY  - JOUR
TI  - Metformin and colorectal cancer risk in type 2 diabetes: a nationwide cohort study
AU  - Chen L.
AU  - Smith J.
PY  - 2021
JO  - Gut
VL  - 70
IS  - 6
SP  - 1100
EP  - 1108
DO  - 10.1136/gutjnl-2020-000001
KW  - Metformin
KW  - colorectal neoplasm
KW  - diabetes mellitus, type 2
AB  - Background Metformin may reduce cancer risk. Methods Nationwide cohort of 200,000 patients. Results HR 0.82. Conclusions Metformin was associated with lower risk.
N1  - Funding: National Natural Science Foundation of China (81702662)
M3  - Article
ER  - 
"""

MEDLINE = """PMID- 33000003
TI  - Metformin and colorectal cancer risk in type 2 diabetes: a nationwide cohort study.
AB  - BACKGROUND: Metformin may reduce cancer risk.
FAU - Chen, Li
AU  - Chen L
FAU - Smith, John
AU  - Smith J
DP  - 2021 Jun
TA  - Gut
JT  - Gut
VI  - 70
IP  - 6
PG  - 1100-1108
LID - 10.1136/gutjnl-2020-000001 [doi]
PT  - Journal Article
LA  - eng
OT  - metformin
OT  - colorectal cancer
"""


def _embase_and_pubmed_ingested(tmp_path):
    """The index of the Embase and PubMed exports of one paper (EMBASE, MEDLINE), ingested."""
    return ingested_files(tmp_path, {"embase.ris": EMBASE, "pubmed.txt": MEDLINE})


def test_a_master_keeps_every_keyword_of_its_duplicates_and_their_written_out_given_names(tmp_path):
    idx = _embase_and_pubmed_ingested(tmp_path)
    applied = run_cli("dedup", "--apply", "--index", str(idx))
    assert applied.returncode == 0, applied.stderr
    assert "authors.given" in applied.stdout and "keywords.en" in applied.stdout   # said as completed
    # found by the copy's keyword as before --apply: the union, the master's first, case aside
    found = run_cli("search", "--json", "--index", str(idx), 'keyword:"colorectal cancer"')
    assert [h["source"]["format"] for h in json.loads(found.stdout)["hits"]] == ["ris"]
    with Store(idx) as store:
        (master,) = list(store)
    assert master["keywords"]["en"] == ["Metformin", "colorectal neoplasm", "diabetes mellitus, type 2",
                                        "colorectal cancer"]
    assert [(a["family"], a["given"]) for a in master["authors"]] == [("Chen", "Li"), ("Smith", "John")]


def test_a_given_name_is_taken_only_from_the_one_author_it_can_be():
    two_wangs = [{"family": "Wang", "given": "J."}, {"family": "Wang", "given": "J. G."}]
    copy = record("c", "medline", None, authors=[{"family": "Wang", "given": "Jun"}, {"family": "Wang", "given": "Jianguo"}])
    out = merged_record(record("m", "ris", None, authors=two_wangs), [copy])
    assert [a["given"] for a in out["authors"]] == ["J.", "J. G."]   # two Wang J: which is which is not known
    out = merged_record(record("m", "ris", None, authors=[{"family": "Smith", "given": "J. A."}]),
                        [record("c", "medline", None, authors=[{"family": "Smith", "given": "John"}])])
    assert out["authors"][0]["given"] == "J. A." and "authors.given" not in out["merged"]["provenance"]
    out = merged_record(record("m", "ris", None, authors=[{"family": "Wang", "given": "JG"}]),
                        [record("c", "medline", None, authors=[{"family": "Wang", "given": "Jianguo"}])])
    assert out["authors"][0]["given"] == "Jianguo" and out["merged"]["provenance"]["authors.given"] == "c"


def test_dedup_counts_the_records_identified_and_remaining_of_each_file(tmp_path):
    """PRISMA's "identified from PubMed n=…, Embase n=…": each database's export is a file."""
    (tmp_path / "embase.ris").write_text(EMBASE, encoding="utf-8")
    (tmp_path / "pubmed.txt").write_text(MEDLINE + "\n" + MEDLINE.replace("33000003", "33000004")
                                         .replace("Metformin and colorectal", "Statins and colorectal")
                                         .replace("10.1136/gutjnl-2020-000001", "10.1136/gutjnl-2020-000002")
                                         .replace("1100-1108", "1200-1208"), encoding="utf-8")
    idx = tmp_path / "idx"
    assert run_cli("ingest", "-q", str(tmp_path), "--index", str(idx)).returncode == 0
    expected = [{"path": str(tmp_path / "embase.ris"), "identified": 1, "remaining": 1},
                {"path": str(tmp_path / "pubmed.txt"), "identified": 2, "remaining": 1}]
    assert dedup(idx)["by_file"] == expected   # before --apply: what it leaves, as "remaining" says
    assert run_cli("dedup", "--apply", "--index", str(idx)).returncode == 0
    assert dedup(idx)["by_file"] == expected
    summary = run_cli("dedup", "--index", str(idx)).stdout.splitlines()
    at = summary.index(f"  by file (identified, remaining), in {tmp_path}:")
    assert [line.split() for line in summary[at + 1:at + 3]] == [["2", "1", "pubmed.txt"], ["1", "1", "embase.ris"]]


def test_dedup_counts_each_export_inside_an_archive_apart(tmp_path):
    """A zip of each database's export is as many sources: one row per member, named as failures
    name it (refs.zip/pubmed.txt); one file alone is listed too, as the counts do not name it."""
    import zipfile

    with zipfile.ZipFile(tmp_path / "refs.zip", "w") as z:
        z.writestr("embase.ris", EMBASE)
        z.writestr("db/pubmed.txt", MEDLINE)
    idx = tmp_path / "idx"
    assert run_cli("ingest", "-q", str(tmp_path / "refs.zip"), "--index", str(idx)).returncode == 0
    zipped = str(tmp_path / "refs.zip")
    assert dedup(idx)["by_file"] == [{"path": zipped, "member": "db/pubmed.txt", "identified": 1, "remaining": 0},
                                     {"path": zipped, "member": "embase.ris", "identified": 1, "remaining": 1}]
    summary = run_cli("dedup", "--index", str(idx)).stdout.splitlines()
    at = summary.index(f"  by file (identified, remaining), in {zipped}:")
    assert [line.split() for line in summary[at + 1:at + 3]] == [["1", "0", "db/pubmed.txt"], ["1", "1", "embase.ris"]]
    (tmp_path / "embase.ris").write_text(EMBASE, encoding="utf-8")
    one = tmp_path / "one"
    assert run_cli("ingest", "-q", str(tmp_path / "embase.ris"), "--index", str(one)).returncode == 0
    summary = run_cli("dedup", "--index", str(one)).stdout.splitlines()
    at = summary.index(f"  by file (identified, remaining), in {tmp_path}:")
    assert summary[at + 1].split() == ["1", "1", "embase.ris"]


def test_apply_and_undo_say_they_rebuild_an_index_an_older_version_wrote(tmp_path):
    """It takes minutes in a large index, and had been silent."""
    from indexer.index.layout import INDEX_SUBDIR, VERSION_FILE

    idx = _embase_and_pubmed_ingested(tmp_path)
    for command in ("--apply", "--undo"):
        (idx / INDEX_SUBDIR / VERSION_FILE).write_text("0\n")
        result = run_cli("dedup", command, "--index", str(idx))
        assert result.returncode == 0, result.stderr
        assert "rebuilding the index of 2 records (older index format)" in result.stderr, command
        assert "rebuilding" not in run_cli("dedup", command, "--index", str(idx)).stderr   # once


def test_a_given_name_is_taken_only_when_it_reads_as_one():
    def given(mine: str, *theirs: str) -> str:
        copies = [record(f"c{i}", "medline", None, authors=[{"family": "Servais", "given": g}])
                  for i, g in enumerate(theirs)]
        return merged_record(record("m", "ris", None, authors=[{"family": "Servais", "given": mine}]),
                             copies)["authors"][0]["given"]
    # a copy's author line broken apart (AU - Servais, A, Provot F, Rostaing L, …), a suffix
    assert given("A", "A, Provot F, Ros") == "A"
    assert given("M T", "M T, IV") == "M T" and given("J.", "John Jr") == "J."
    assert given("A. B.", "Amy B.") == "Amy B." and given("J.-C.", "Jean-Claude") == "Jean-Claude"
    assert given("N.", "Ni", "Nicole") == "Nicole"   # the longer of two: Ni may be Nicole cut off


def test_a_keyword_in_traditional_characters_is_the_masters_in_simplified():
    master = record("m", "ris", None, keywords={"zh": ["现代园林景观设计", "问题"], "en": ["Landscape design"]})
    copy = record("c", "cnki", None, keywords={"zh": ["現代園林景觀設計", "問題", "對策"], "en": ["ＬＡＮＤＳＣＡＰＥ  design"]})
    out = merged_record(master, [copy])
    assert out["keywords"] == {"zh": ["现代园林景观设计", "问题", "對策"], "en": ["Landscape design"]}


# A reference list (GB/T 7714) and CNKI's export of the same four works: CNKI's records, with
# abstracts and keywords, are the masters, and name no translator, edition, place or number.
GBT_LIST = """[1]韦伯.新教伦理与资本主义精神[M].于晓,陈维纲,译.2版.北京:生活·读书·新知三联书店,1987:35-40.
[2]周晓梅.宋代书院藏书制度研究[D].南京:南京大学,2017.
[3]全国信息与文献标准化技术委员会.信息与文献 参考文献著录规则:GB/T 7714—2015[S].北京:中国标准出版社,2015.
[4]王建国.城市更新中的历史街区保护策略[C]//2018中国城市规划年会论文集.北京:中国建筑工业出版社,2018:112-120.
"""
CNKI_SAME_WORKS = """{Reference Type}: Book
{Title}: 新教伦理与资本主义精神
{Author}: 韦伯
{Year}: 1987
{Keywords}: 新教伦理;;资本主义
{Abstract}: 韦伯的经典著作，论述新教伦理与资本主义精神的关系。

{Reference Type}: Thesis
{Title}: 宋代书院藏书制度研究
{Author}: 周晓梅
{Tertiary Author}: 徐雁
{Publisher}: 南京大学
{Type of Work}: 硕士
{Year}: 2017
{Keywords}: 宋代;;书院;;藏书制度
{Abstract}: 本文以宋代书院藏书为研究对象。

{Reference Type}: Standard
{Title}: 信息与文献 参考文献著录规则
{Author}: 全国信息与文献标准化技术委员会
{Year}: 2015
{Keywords}: 参考文献;;著录
{Abstract}: 本标准规定了参考文献的著录项目、著录顺序、著录用符号。

{Reference Type}: Conference Proceedings
{Title}: 城市更新中的历史街区保护策略
{Author}: 王建国
{Secondary Title}: 2018中国城市规划年会论文集
{Year}: 2018
{Pages}: 112-120
{Keywords}: 城市更新;;历史街区
{Abstract}: 本文讨论城市更新中历史街区的保护策略。
"""


def test_a_master_takes_the_translator_edition_imprint_and_number_only_a_copy_has(tmp_path):
    # the master's extra was never completed: 韦伯. 新教伦理与资本主义精神[M]. [出版地不详: 出版者不详], 1987
    idx = ingested_files(tmp_path, {"list.txt": GBT_LIST, "cnki.net": CNKI_SAME_WORKS})
    expected = ["[1] 韦伯. 新教伦理与资本主义精神[M]. 于晓, 陈维纲, 译. 2版. 北京: 生活·读书·新知三联书店, 1987: 35-40.",
                "[2] 周晓梅. 宋代书院藏书制度研究[D]. 南京: 南京大学, 2017.",
                "[3] 全国信息与文献标准化技术委员会. 信息与文献 参考文献著录规则: GB/T 7714—2015[S]. 北京: 中国标准出版社, 2015.",
                "[4] 王建国. 城市更新中的历史街区保护策略[C]//2018中国城市规划年会论文集. 北京: 中国建筑工业出版社, 2018: 112-120."]
    masters = run_cli("export", "--format", "gbt7714", "--masters", "--index", str(idx))
    assert masters.stdout.splitlines() == expected, masters.stdout
    applied = run_cli("dedup", "--apply", "--index", str(idx))
    assert applied.returncode == 0, applied.stderr
    assert run_cli("export", "--format", "gbt7714", "--index", str(idx)).stdout.splitlines() == expected
    book = next(r for r in jsonl(run_cli("export", "--format", "jsonl", "--index", str(idx)).stdout) if r["type"] == "book")
    shown = json.loads(run_cli("show", "--json", book["id"], "--index", str(idx)).stdout)
    assert shown["extra"]["translator"] == ["于晓", "陈维纲"] and shown["extra"]["source_type"] == "Book"   # CNKI's
    assert shown["merged"]["provenance"]["translator"] == shown["merged"]["provenance"]["place"] != book["id"]


def test_a_masters_own_extra_stays_and_a_copys_own_is_not_taken():
    master = record("m", "cnki", None, year=1987, extra={"publisher": ["三联书店"], "translator": ["于晓"],
                                                         "database_provider": ["CNKI"]})
    copy = record("c", "gbt7714", None, year=1987, extra={
        "translator": ["于晓", "陈维纲"], "translator_role": ["译"], "place": ["北京"], "publisher": ["生活·读书·新知三联书店"],
        "edition": "2版", "date": ["1986-05"], "accessed": "2024-01-02", "notes": ["page: 35"],
        "source_id": ["x1"], "tags": {"a": ["b"]}, "reference": "韦伯.新教伦理与资本主义精神[M]…"})
    extra = merged_record(master, [copy])["extra"]
    # the master's own translator and publisher; no other publisher's place; a date of another year
    assert extra == {"publisher": ["三联书店"], "translator": ["于晓"], "database_provider": ["CNKI"], "edition": "2版"}
    # a list whole from the copy the merge prefers, with its role or none: never two copies' joined
    copy["extra"].pop("translator_role")
    other = record("o", "ris", None, extra={"translator": ["于晓"], "translator_role": ["编译"]})
    extra = merged_record(record("m", "cnki", None), [other, copy])["extra"]
    assert extra["translator"] == ["于晓", "陈维纲"] and "translator_role" not in extra
    assert extra["place"] == ["北京"] and extra["edition"] == "2版"
    assert not {"accessed", "notes", "source_id", "tags", "reference"} & set(extra)


def test_dedup_apply_on_a_full_disk_says_nothing_was_applied_and_leaves_no_segment_files(tmp_path):
    # it said "[Errno 28] No space left on device" alone, and left the files of its failed
    # commit: the next ingest, space freed, failed the same way
    import sys

    from conftest import ROOT
    from test_ingest_killed import ingest, read_twice, small_disk, unwritten_segment_files

    index = read_twice(tmp_path)
    done, after = small_disk(tmp_path, index, f"{sys.executable} {ROOT / 'cli.py'} dedup --apply --all "
                                              "--index $IDX >/dev/null", 300)
    assert "rc=2" in done.stdout and "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: writing to {tmp_path}/mnt/idx failed: the disk is full"), \
        lines
    assert "nothing was applied" in lines[0] and "run dedup --apply again" in lines[0]
    assert unwritten_segment_files(after) == []
    with Store(after) as store:
        assert len(store) == 140 and not store.hidden()
    assert ingest(after, tmp_path / "a.ris", tmp_path / "b.ris").returncode == 0   # makes the merges asked for
    with Store(after) as store:
        assert len(store.hidden()) > 50


def test_a_conference_papers_master_takes_no_meeting_place_and_reads_its_publisher_in_csl_too():
    # CNKI's copy of a conference paper gives its meeting's place (会议地点) and no publisher: no
    # place of publication for the master ("中国上海: IEEE" in GB/T 7714)
    master = record("m", "ris", None, type="paper-conference", year=2019, extra={"publisher": ["IEEE"]})
    cnki = record("c", "noteexpress", None, type="paper-conference", year=2019, extra={"place": ["中国上海"]})
    assert "place" not in merged_record(master, [cnki])["extra"]
    # with its publisher, the copy's place is the publisher's city
    ieee = record("i", "ris", None, type="paper-conference", year=2019,
                  extra={"place": ["Piscataway"], "publisher": ["IEEE"]})
    assert merged_record(master, [cnki, ieee])["extra"]["place"] == ["Piscataway"]
    # a book's copy with a place alone still gives it
    book = record("b", "ris", None, type="book", year=2019, extra={"publisher": ["科学出版社"]})
    assert merged_record(book, [record("p", "gbt7714", None, year=2019, extra={"place": ["北京"]})])["extra"]["place"] == ["北京"]
    # the master's publisher under extra.csl is its publisher, as the export reads it: the copy of
    # the same publisher gives its place, another publisher's copy none
    csl = record("m", "csl-json", None, type="paper-conference", year=2019, extra={"csl": {"publisher": "IEEE"}})
    assert merged_record(csl, [ieee])["extra"]["place"] == ["Piscataway"]
    acm = record("a", "ris", None, type="paper-conference", year=2019, extra={"place": ["New York"], "publisher": ["ACM"]})
    assert "place" not in merged_record(csl, [acm])["extra"]
