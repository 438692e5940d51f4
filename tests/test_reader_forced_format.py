"""``--format NAME`` forces the reader: a file of another format is not read as that format
pasted into a NAME file (``clean --format bibtex refs.ris`` read the RIS records, with only
"in another export pasted into this bibtex file; read as ris" to say so)."""
from __future__ import annotations

import pytest

from conftest import clean_items

RIS = """TY  - JOUR
TI  - Spinal metastasis of lung cancer
AU  - Wang, Li
PY  - 2020
JO  - Spine
ER  - 

TY  - JOUR
TI  - Bone metastasis after surgery
AU  - Li, Wei
PY  - 2021
JO  - Bone
ER  - 
"""

BIBTEX = """@article{wang2020,
  title = {Spinal cord compression},
  author = {Wang, Li},
  journal = {Spine},
  year = {2020}
}

"""


@pytest.mark.parametrize("forced", ["bibtex", "medline"])
def test_a_file_of_another_format_is_a_failure_saying_what_it_looks_like(tmp_path, forced):
    path = tmp_path / "refs.txt"
    path.write_text(RIS, encoding="utf-8")
    result, records, failures = clean_items(path, "--format", forced)
    assert result.returncode == 1 and records == []
    (failure,) = failures
    assert failure["reason"] == (f"no {forced} records: --format {forced} reads the file as {forced}, and it does "
                                 f"not look like {forced} but like ris; leave out --format to read it as ris")
    assert failure["raw"] == RIS.rstrip("\n") and failure["line"] == 1   # nothing lost


def test_a_forced_format_that_fits_reads_as_before(tmp_path):
    path = tmp_path / "refs.txt"
    path.write_text(RIS, encoding="utf-8")
    result, records, failures = clean_items(path, "--format", "ris")
    assert result.returncode == 0 and failures == [] and [r["year"] for r in records] == [2020, 2021]
    # a bibtex file with a RIS export pasted after its entries: the pasted records are read, and say so
    path.write_text(BIBTEX + RIS, encoding="utf-8")
    result, records, failures = clean_items(path, "--format", "bibtex")
    assert result.returncode == 0 and failures == [] and len(records) == 3
    assert [r["source"]["format"] for r in records] == ["bibtex", "ris", "ris"]
    assert "in another export pasted into this bibtex file; read as ris" in records[1]["issues"][0]
