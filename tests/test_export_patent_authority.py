"""A patent's issuing office (``extra.authority``: RIS ``A2``, EndNote ``%E``) written by CSL-JSON
(``authority``), BibTeX and BibLaTeX (``location``, biblatex's scope of a patent, the place beside
it in ``address``) and CSV (its last column, ``authority``), and read back by our readers."""
from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import read_back, run_cli

RIS = """TY  - PAT
TI  - Widget with a hinge
AU  - Smith, John
A2  - European Patent Office
PB  - Acme Corp
CY  - Germany
SN  - EP1234567
PY  - 2020
ER  - 
"""


@pytest.fixture()
def exported(tmp_path):
    path = tmp_path / "patent.ris"
    path.write_text(RIS, encoding="utf-8")

    def run(fmt):
        out = run_cli("export", "--format", fmt, "--from", str(path))
        assert out.returncode == 0, out.stderr
        return out.stdout
    return run


def test_csl_json_writes_the_authority(exported, tmp_path):
    text = exported("csl-json")
    (item,) = json.loads(text)
    assert item["authority"] == "European Patent Office"
    (back,) = read_back(text, "csl-json", tmp_path)
    assert back["type"] == "patent"
    ris = run_cli("export", "--format", "ris", "--from", str(tmp_path / "back.json")).stdout
    assert "A2  - European Patent Office" in ris   # read back as the authority RIS writes


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex"])
def test_bibtex_writes_the_authority_as_location(exported, tmp_path, fmt):
    text = exported(fmt)
    assert "location = {European Patent Office}," in text and "address = {Germany}," in text
    (back,) = read_back(text, fmt, tmp_path)
    assert back["extra"]["authority"] == ["European Patent Office"] and back["extra"]["place"] == ["Germany"]
    assert back["extra"]["assignee"] == ["Acme Corp"]


def test_csv_writes_the_authority_after_the_assignee(exported, tmp_path):
    text = exported("csv")
    rows = list(csv.reader(io.StringIO(text)))   # (then the source id, the publication types and the citation key)
    at = rows[0].index("authority")   # (the catalogue's columns after the key)
    assert rows[0][at - 2:at + 4] == ["pmid", "assignee", "authority", "source_id", "publication_type", "key"]
    assert rows[1][at] == "European Patent Office"
    (back,) = read_back(text, "csv", tmp_path)
    assert back["extra"]["authority"] == ["European Patent Office"]
