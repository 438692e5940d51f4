"""A thesis and the journal article its author made of it share title, author and year, but
are two publications: never merged (as a conference paper and the journal paper are not).
Records written here, a real ingest into a temp index, the CLI as a user runs it."""
from __future__ import annotations

from conftest import dedup_json as dedup, run_cli

THESIS_AND_ARTICLE = """RT Dissertation/Thesis
SR 1
A1 陈晨
A3 王伟
T1 老年髋部骨折术后谵妄危险因素分析
PB 河北医科大学
YR 2019
DS CNKI

RT Journal Article
SR 1
A1 陈晨;王伟
T1 老年髋部骨折术后谵妄危险因素分析
JF 河北医科大学学报
YR 2019
IS 5
vo 40
OP 560-564
DS CNKI

RT Dissertation/Thesis
SR 1
A1 陈晨
T1 老年髋部骨折术后谵妄危险因素分析
PB 河北医科大学
YR 2019
DS Wanfang
"""


def test_a_thesis_and_the_article_of_its_title_are_two_works(tmp_path):
    path, idx = tmp_path / "a.txt", tmp_path / "idx"
    path.write_text(THESIS_AND_ARTICLE, encoding="utf-8")
    assert run_cli("ingest", "-q", str(path), "--index", str(idx)).returncode == 0
    (cluster,) = dedup(idx)["clusters"]          # the two records of the thesis only
    assert [r["source"]["record"] for r in cluster["records"]] == [1, 3]
    assert cluster["confidence"] == "certain"
