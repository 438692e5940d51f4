"""Deduplication where the authors' names are written in two scripts: a Japanese or Korean
paper as CiNii or KCI lists it (names in kanji, hanja or hangul) and as PubMed does (names
romanised, the original title in TT).  Real ingest into a temp index, the CLI as a user runs it."""
from __future__ import annotations

from conftest import dedup_json as dedup, run_cli, source_ids as names

CINII = """TY  - JOUR
AU  - 山田, 太郎
AU  - 佐藤, 花子
TI  - 人工呼吸患者におけるせん妄に対する早期離床の効果
T2  - 日本集中治療医学会雑誌
PY  - 2021
VL  - 28
IS  - 2
SP  - 105
EP  - 112
DO  - 10.3918/jsicm.28_105
LA  - ja
ID  - CINII
ER  - 

TY  - JOUR
AU  - 金, 民秀
AU  - 이, 지영
TI  - 패혈증 환자에서 혈청 젖산의 예후적 가치
T2  - 대한내과학회지
PY  - 2020
VL  - 95
IS  - 4
SP  - 210
EP  - 218
LA  - ko
ID  - KCI
ER  - 

TY  - JOUR
AU  - 鈴木, 一郎
TI  - 人工呼吸患者におけるせん妄に対する早期離床の効果
T2  - 日本集中治療医学会雑誌
PY  - 2021
VL  - 28
IS  - 3
SP  - 205
LA  - ja
ID  - OTHERPAGE
ER  - 
"""

PUBMED = """PMID- 33700001
VI  - 28
IP  - 2
DP  - 2021 Mar
TI  - [Effect of early mobilization on delirium in mechanically ventilated patients].
TT  - 人工呼吸患者におけるせん妄に対する早期離床の効果
PG  - 105-12
FAU - Yamada, Taro
FAU - Sato, Hanako
LA  - jpn
PT  - Journal Article
JT  - Nihon Shuchu Chiryo Igakukai zasshi

PMID- 33700002
VI  - 95
IP  - 4
DP  - 2020
TI  - [Prognostic value of serum lactate in patients with sepsis].
TT  - 패혈증 환자에서 혈청 젖산의 예후적 가치
PG  - 210-218
FAU - Kim, Min-Soo
FAU - Lee, Ji-Young
LA  - kor
PT  - Journal Article
JT  - The Korean journal of medicine
"""


def test_names_in_two_scripts_do_not_keep_one_paper_apart(tmp_path):
    """The kanji and the romanised names shared no word, so the two listings of one paper
    were 'the same title by other authors' and never linked.  Names in two scripts say
    nothing; the original title, year, volume, issue and first page do (no DOI or PMID
    disagreeing: certain).  The same title at another place is still another paper."""
    (tmp_path / "cinii.ris").write_text(CINII, encoding="utf-8")
    (tmp_path / "pubmed.txt").write_text(PUBMED, encoding="utf-8")
    idx = tmp_path / "idx"
    assert run_cli("ingest", "-q", str(tmp_path), "--index", str(idx)).returncode == 0
    known = names(idx)
    known.update({rid: "PM" + sid for rid, sid in known.items() if sid and sid.isdigit()})
    found = {tuple(sorted(known[r["id"]] for r in c["records"])): c for c in dedup(idx)["clusters"]}
    assert set(found) == {("CINII", "PM33700001"), ("KCI", "PM33700002")}
    for cluster in found.values():
        assert cluster["confidence"] == "certain"
        assert any("authors named in other scripts" in r for r in cluster["reasons"])
