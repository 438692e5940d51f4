"""dedup --apply keeps the master's own names of its authors in the other language (Wanfang's
``WANG Jianguo``) rather than a copy's initials (PubMed's ``Wang JG``).  Records written here,
a real ingest into a temp index, the CLI as a user runs it."""
from __future__ import annotations

import json

from conftest import dedup_json as dedup, run_cli

WANFANG = """{Reference Type}: Journal Article
{Title}: 早期活动对机械通气患者谵妄的影响：一项随机对照试验
{Translated Title}: Effect of early mobilization on delirium in mechanically ventilated patients: a randomized controlled trial
{Author}: 王建国
{Author}: 张可佳
{Author}: 李娜
{Translated Author}: WANG Jianguo
{Translated Author}:  ZHANG Kejia
{Translated Author}:  LI Na
{Journal}: 中华医学杂志
{Translated Journal}: National Medical Journal of China
{ISBN/ISSN}: 0376-2491
{Year}: 2021
{Volume}: 101
{Issue}: 15
{Pages}: 1120-1125
{Keywords}: 谵妄
{Abstract}: 目的 探讨早期活动对机械通气患者谵妄的影响。方法 将200例患者随机分为两组。
{Translated Abstract}: Objective To explore the effect of early mobilization on delirium.
{DOI}: 10.3760/cma.j.cn112137-20201010-02801
{Database Provider}: 北京万方数据股份有限公司
{Language}: chi
"""

PUBMED = """PMID- 33866123
VI  - 101
IP  - 15
DP  - 2021 Apr 20
TI  - [Effect of early mobilization on delirium in mechanically ventilated patients: a
      randomized controlled trial].
PG  - 1120-1125
LID - 10.3760/cma.j.cn112137-20201010-02801 [doi]
FAU - Wang, J G
AU  - Wang JG
FAU - Zhang, K J
AU  - Zhang KJ
FAU - Li, N
AU  - Li N
LA  - chi
PT  - Journal Article
TA  - Zhonghua Yi Xue Za Zhi
JT  - Zhonghua yi xue za zhi
"""


def test_apply_keeps_the_masters_full_names_in_english(tmp_path):
    folder, idx = tmp_path / "in", tmp_path / "idx"
    folder.mkdir()
    (folder / "wanfang.net").write_text(WANFANG, encoding="utf-8")
    (folder / "pubmed.txt").write_text(PUBMED, encoding="utf-8")
    assert run_cli("ingest", "-q", str(folder), "--index", str(idx)).returncode == 0
    out = dedup(idx, "--apply")
    (cluster,) = out["clusters"]
    assert cluster["confidence"] == "certain"
    shown = run_cli("show", "--json", cluster["master"], "--index", str(idx))
    master = json.loads(shown.stdout.splitlines()[0])
    assert [a["literal"] for a in master["authors"]] == ["王建国", "张可佳", "李娜"]
    assert [(a["alt"]["family"].title(), a["alt"]["given"]) for a in master["authors"]] == [
        ("Wang", "Jianguo"), ("Zhang", "Kejia"), ("Li", "Na")]
