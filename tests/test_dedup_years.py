"""Deduplication of one paper whose records give the year it came out online and the year
in print.  Real ingest into a temp index, the CLI as a user runs it."""
from __future__ import annotations

from conftest import dedup_json as dedup, run_cli, source_ids as names

EPUB_AND_PRINT = """TY  - JOUR
AU  - Garcia, M.
AU  - Rossi, P.
TI  - Vitamin D supplementation and falls in older adults: a cluster randomised trial
PY  - 2019
T2  - Age and Ageing
VL  - 49
IS  - 1
SP  - 55
EP  - 62
ID  - EPUB
ER  - 

TY  - JOUR
AU  - Garcia, M.
AU  - Rossi, P.
TI  - Vitamin D supplementation and falls in older adults: a cluster randomised trial
PY  - 2020
T2  - Age Ageing
VL  - 49
IS  - 1
SP  - 55-62
ID  - PRINT
ER  - 

TY  - JOUR
AU  - Garcia, M.
AU  - Rossi, P.
TI  - Vitamin D supplementation and falls in older adults: a cluster randomised trial
PY  - 2020
T2  - Age and Ageing
VL  - 49
SP  - 55
ID  - NOISSUE
ER  - 
"""


def test_a_year_apart_at_one_place_by_the_same_authors_is_certain(tmp_path):
    """2019 (online) and 2020 (in print) with the same title, authors, journal, volume,
    issue and first page had been linked for review only.  A record without the issue
    still needs review."""
    path = tmp_path / "a.ris"
    path.write_text(EPUB_AND_PRINT, encoding="utf-8")
    idx = tmp_path / "idx"
    assert run_cli("ingest", "-q", str(path), "--index", str(idx)).returncode == 0
    known = names(idx)
    cluster, = dedup(idx)["clusters"]
    links = {tuple(sorted(known[i] for i in link["pair"])): link for link in cluster["links"]}
    assert links[("EPUB", "PRINT")]["confidence"] == "certain"
    assert any("years one apart" in r for r in links[("EPUB", "PRINT")]["reasons"])
    assert links[("EPUB", "NOISSUE")]["confidence"] == "needs review"
    assert links[("NOISSUE", "PRINT")]["confidence"] == "certain"   # (the same year)
