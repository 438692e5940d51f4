"""``export --accessed``: the day records read online were read, which GB/T 7714 requires of
an online item (``[J/OL]. 刊名, 2021, 27(2): 121-123[2025-03-01]. https://…``), given to those
without one of their own in every format with a place for it; and the warning that counts the
online items of a GB/T 7714 list written without one."""
from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from conftest import read_back, run_cli

# A CNKI record with its link and no access date (as CNKI's RIS gives them), one with its own
# (Zotero's accessDate), a print one, and a web page.
RIS = """TY  - JOUR
TI  - 全身麻醉对老年患者术后认知功能的影响
AU  - 李明
JO  - 当代医学
PY  - 2021
VL  - 27
IS  - 2
SP  - 121
EP  - 123
UR  - https://kns.cnki.net/kcms/detail/detail.aspx?FileName=DDYI202102050
ER  - 

TY  - JOUR
TI  - 图书馆的使命
AU  - 王五
JO  - 中国图书馆学报
PY  - 2012
VL  - 38
IS  - 1
SP  - 4
EP  - 11
UR  - http://example.org/tsg
Y2  - 2013-10-25
ER  - 

TY  - JOUR
TI  - 印本的论文
AU  - 赵六
JO  - 中华骨科杂志
PY  - 2020
ER  - 

TY  - ELEC
TI  - Spinal metastases
AU  - Smith, John
PY  - 2020
UR  - https://example.org/spine
ER  - 
"""


@pytest.fixture()
def refs(tmp_path):
    path = tmp_path / "cnki.ris"
    path.write_text(RIS, encoding="utf-8")
    return str(path)


def test_gbt7714_warns_of_online_items_without_an_access_date(refs):
    # (they were written "[J/OL]. 当代医学, 2021, 27(2): 121-123. https://…" without a word)
    out = run_cli("export", "--format", "gbt7714", "--from", refs)
    assert out.returncode == 0, out.stderr
    warned = [line for line in out.stderr.splitlines() if "access date" in line]
    assert len(warned) == 1 and warned[0].startswith("warning: 2 record(s) have no access date")
    assert "--accessed YYYY-MM-DD" in warned[0] and "全身麻醉" in warned[0] and "Spinal" in warned[0]
    assert "图书馆" not in warned[0] and "印本" not in warned[0]
    for fmt in ("ris", "bibtex", "vancouver"):   # not required there
        assert "access date" not in run_cli("export", "--format", fmt, "--from", refs).stderr


def test_accessed_dates_the_online_items_without_their_own(refs):
    out = run_cli("export", "--format", "gbt7714", "--from", refs, "--accessed", "2025-03-01")
    assert out.returncode == 0 and "access date" not in out.stderr, out.stderr
    assert out.stdout.splitlines() == [
        "[1] 李明. 全身麻醉对老年患者术后认知功能的影响[J/OL]. 当代医学, 2021, 27(2): 121-123[2025-03-01]. "
        "https://kns.cnki.net/kcms/detail/detail.aspx?FileName=DDYI202102050.",
        "[2] 王五. 图书馆的使命[J/OL]. 中国图书馆学报, 2012, 38(1): 4-11[2013-10-25]. http://example.org/tsg.",
        "[3] 赵六. 印本的论文[J]. 中华骨科杂志, 2020.",
        "[4] SMITH J. Spinal metastases[EB/OL]. (2020)[2025-03-01]. https://example.org/spine."]
    out = run_cli("export", "--format", "gbt7714-ay", "--from", refs, "--accessed", "2025-03-01")
    assert "121-123[2025-03-01]. https://kns" in out.stdout and "access date" not in out.stderr


def test_accessed_goes_where_each_format_has_an_access_date(refs, tmp_path):
    def exported(fmt):
        out = run_cli("export", "--format", fmt, "--from", refs, "--accessed", "2025-03-01")
        assert out.returncode == 0, out.stderr
        return out.stdout

    ris = exported("ris")
    assert ris.count("Y2  - 2025-03-01") == 2 and "Y2  - 2013-10-25" in ris
    assert exported("endnote").count("%[ 2025-03-01") == 2
    bib = exported("biblatex")
    assert bib.count("urldate = {2025-03-01}") == 2 and "urldate = {2013-10-25}" in bib
    items = json.loads(exported("csl-json"))
    assert [i.get("accessed") for i in items] == [{"date-parts": [[2025, 3, 1]]}, {"date-parts": [[2013, 10, 25]]},
                                                 None, {"date-parts": [[2025, 3, 1]]}]
    assert "[cited 2025 Mar 1]" in exported("vancouver")
    # read back as the records' access dates
    back = read_back(ris, "ris", tmp_path)
    assert [(r.get("extra") or {}).get("accessed") for r in back] == ["2025-03-01", "2013-10-25", None, "2025-03-01"]


@pytest.mark.parametrize("given", ["2025-02-30", "2025-3-1", "today", "01/03/2025"])
def test_accessed_must_be_a_day_written_yyyy_mm_dd(refs, given):
    out = run_cli("export", "--format", "gbt7714", "--from", refs, "--accessed", given)
    assert out.returncode == 2 and not out.stdout
    assert f"argument --accessed: {given!r}" in out.stderr and "YYYY-MM-DD" in out.stderr


@pytest.mark.parametrize("given", ["2099-01-01", (date.today() + timedelta(days=2)).isoformat()])
def test_accessed_must_not_be_after_today(refs, given):
    # (2099-01-01 was taken, and every online item dated by it)
    out = run_cli("export", "--format", "gbt7714", "--from", refs, "--accessed", given)
    assert out.returncode == 2 and not out.stdout
    assert f"argument --accessed: {given!r} is after today" in out.stderr and "usage:" in out.stderr


def test_accessed_may_be_today(refs):
    out = run_cli("export", "--format", "ris", "--from", refs, "--accessed", date.today().isoformat())
    assert out.returncode == 0 and f"Y2  - {date.today().isoformat()}" in out.stdout, out.stderr


def test_help_shows_accessed_with_an_example():
    out = run_cli("export", "--help")
    assert "--accessed YYYY-MM-DD" in out.stdout and "--format gbt7714 --accessed 2025-03-01" in out.stdout


# A journal article with its DOI and no URL (as Wanfang's and Crossref's records come), and a print one.
DOI_ONLY = """TY  - JOUR
TI  - 脊柱转移瘤的手术治疗
AU  - 王五
JO  - 中华骨科杂志
PY  - 2021
VL  - 41
IS  - 3
SP  - 150
EP  - 156
DO  - 10.3760/cma.j.cn121113-20200101-00001
ER  - 

TY  - JOUR
TI  - 印本的论文
AU  - 赵六
JO  - 中华骨科杂志
PY  - 2020
ER  - 
"""


def test_accessed_dates_a_record_with_a_doi_alone(tmp_path):
    # (it stayed "[J]" without its 引用日期, and had no access date in any format: a DOI is a place
    # online, https://doi.org/…, the access path GB/T 7714-2015 §8.8.2 names)
    path = tmp_path / "doi.ris"
    path.write_text(DOI_ONLY, encoding="utf-8")
    out = run_cli("export", "--format", "gbt7714", "--from", str(path), "--accessed", "2025-03-01")
    assert out.returncode == 0 and "access date" not in out.stderr, out.stderr
    assert out.stdout.splitlines() == [
        "[1] 王五. 脊柱转移瘤的手术治疗[J/OL]. 中华骨科杂志, 2021, 41(3): 150-156[2025-03-01]. "
        "DOI:10.3760/cma.j.cn121113-20200101-00001.",
        "[2] 赵六. 印本的论文[J]. 中华骨科杂志, 2020."]
    ris = run_cli("export", "--format", "ris", "--from", str(path), "--accessed", "2025-03-01").stdout
    assert ris.count("Y2  - 2025-03-01") == 1
    items = json.loads(run_cli("export", "--format", "csl-json", "--from", str(path), "--accessed", "2025-03-01").stdout)
    assert [i.get("accessed") for i in items] == [{"date-parts": [[2025, 3, 1]]}, None]
    # without --accessed: a print item with its DOI, as before, and no warning of a missing date
    out = run_cli("export", "--format", "gbt7714", "--from", str(path))
    assert "脊柱转移瘤的手术治疗[J]. 中华骨科杂志, 2021, 41(3): 150-156. DOI:" in out.stdout
    assert "access date" not in out.stderr
