"""Blocks too big to compare pair by pair: a common name in pinyin in one year (王伟 and
Wang Wei publish dozens of papers a year) is split further, not dropped with the Chinese and
English versions of a paper in it, and a block still too big is said, not skipped silently.
Records written here, a real ingest into a temp index, the CLI as a user runs it."""
from __future__ import annotations

import random

from conftest import dedup_json as dedup, ingested_ris, run_cli

PAIR = """TY  - JOUR
TI  - 基于深度学习的肝细胞癌CT影像诊断研究
AU  - 王伟
AU  - 李娜
AU  - 张强
PY  - 2020
JO  - 中华放射学杂志
IS  - 5
SP  - 401
EP  - 405
LA  - chi
ER  - 

TY  - JOUR
TI  - Deep learning-based CT diagnosis of hepatocellular carcinoma
AU  - Wang, Wei
AU  - Li, Na
AU  - Zhang, Qiang
PY  - 2020
JO  - Chinese Journal of Radiology
VL  - 54
IS  - 5
SP  - 401
EP  - 405
LA  - eng
ER  - 
"""
SURNAMES = "刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟田任姜范方石姚谭廖邹熊金陆郝孔"
ZH_WORDS = "肝癌肺胃肠影像诊断治疗临床研究分析进展探讨观察效果患者方法应用评价"
EN_WORDS = ("outcome therapy liver surgery patients imaging cohort trial risk gene tumour kidney heart brain "
            "infection dose marker survival screening").split()


def _noise(n: int) -> str:
    """``n`` Chinese papers by 王伟 and ``n`` English ones by Wang Wei, of 2020, each with
    another second author, title, journal and page: none is another's version."""
    rng = random.Random(7)
    out = []
    for i in range(n):
        title = "".join(rng.sample(ZH_WORDS, 12))
        out.append(f"TY  - JOUR\nTI  - {title}\nAU  - 王伟\nAU  - {SURNAMES[i]}明\nPY  - 2020\n"
                   f"JO  - 中国医学杂志{i}\nIS  - {i % 12 + 1}\nSP  - {1000 + 7 * i}\nLA  - chi\nER  - \n")
        title = " ".join(rng.sample(EN_WORDS, 8))
        out.append(f"TY  - JOUR\nTI  - {title}\nAU  - Wang, Wei\nAU  - Smith{'abcdefghij'[i % 10]}, John\n"
                   f"AU  - Jones{'abcdefghij'[i // 10]}, Mary\nPY  - 2020\nJO  - Journal {i}\nVL  - {i}\n"
                   f"SP  - {3000 + 7 * i}\nLA  - eng\nER  - \n")
    return "\n".join(out)


def test_a_chinese_and_english_pair_is_found_among_many_papers_of_its_first_author(tmp_path):
    # 61 Chinese × 61 English records of 王伟 / Wang Wei in 2020: too many pairs for one block
    idx = ingested_ris(tmp_path, pair=PAIR, noise=_noise(60))
    result = dedup(idx)
    (cluster,) = result["clusters"]
    assert cluster["confidence"] == "needs review"
    assert "Chinese and English versions: pinyin of the authors matches" in cluster["reasons"]


def test_a_block_still_too_big_is_said(tmp_path):
    # 60 records of one title, of one year, by one author: no further key parts them
    same = "".join(f"TY  - JOUR\nTI  - Proceedings of the annual meeting of the society of testing\nAU  - Lee, Ann\n"
                   f"PY  - 2020\nJO  - Journal {i}\nLA  - eng\nER  - \n\n" for i in range(60))
    idx = ingested_ris(tmp_path, same=same, pair=PAIR)
    result = dedup(idx)
    assert result["skipped_blocks"] >= 1
    run = run_cli("dedup", "--index", str(idx))
    assert run.returncode == 0 and "Warning:" in run.stderr and "skipped" in run.stderr
    assert "would bring together are not found" in run.stderr
