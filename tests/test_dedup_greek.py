"""Titles that spell a Greek letter (TNF-α, β-catenin) or its name (TNF-alpha, beta-catenin)
are one title: the copies of one paper link for certain, not for review ("titles differ by a
word (α / alpha)").  Records written here, a real ingest into a temp index, the CLI."""
from __future__ import annotations

from conftest import dedup_json as dedup, ingested_ris, source_ids as names

RIS = """TY  - JOUR
AU  - Nguyen, T.
AU  - O'Brien, K.
TI  - Effect of <i>Helicobacter pylori</i> eradication on TNF-α levels in dyspepsia
PY  - 2019
T2  - Gut
VL  - 68
IS  - 3
SP  - 1234
EP  - 1238
ID  - RIS
ER  - 

TY  - JOUR
AU  - Weber, P.
TI  - β-Catenin signalling in colorectal adenoma
PY  - 2020
T2  - Gut
VL  - 69
SP  - 50
ID  - RIS2
ER  - 
"""
PUBMED = """TY  - JOUR
AU  - Nguyen, T
AU  - OBrien, K
TI  - Effect of Helicobacter pylori eradication on TNF-alpha levels in dyspepsia.
PY  - 2019
T2  - Gut
VL  - 68
IS  - 3
SP  - 1234-8
ID  - PUBMED
ER  - 

TY  - JOUR
AU  - Weber, P
TI  - beta-Catenin signalling in colorectal adenoma.
PY  - 2020
T2  - Gut
VL  - 69
SP  - 50-8
ID  - PUBMED2
ER  - 
"""


def test_a_greek_letter_and_its_name_are_one_title(tmp_path):
    idx = ingested_ris(tmp_path, a=RIS, b=PUBMED)
    name = names(idx)
    clusters = dedup(idx)["clusters"]
    assert sorted(sorted(name[r["id"]] for r in c["records"]) for c in clusters) == [["PUBMED", "RIS"],
                                                                                      ["PUBMED2", "RIS2"]]
    assert all(c["confidence"] == "certain" for c in clusters), [c["reasons"] for c in clusters]


def test_a_greek_title_is_compared_in_its_own_letters():
    # by their letters' names, hypertension's and epilepsy's epidemiology in children read 90% alike
    from indexer.dedup import find_clusters, title_key

    recs = [{"id": rid, "title": {"el": f"Επιδημιολογία της {word} στα παιδιά"}, "year": 2020,
             "authors": [{"family": "Παπαδόπουλος", "given": "Γ."}], "journal": {"el": "Παιδιατρική"},
             "source": {"path": "el.ris", "record": n}}
            for n, (rid, word) in enumerate((("a", "υπέρτασης"), ("b", "επιληψίας")), 1)]
    assert find_clusters(recs) == []
    assert title_key("Ο ρόλος του TNF-α") == "ορόλοστουtnfalpha"
