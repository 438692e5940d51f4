"""A DOI in a Big5 export made outside Windows: its slash (Big5 A2 41, full-width ／) reads as
Windows' cp950 reads it, ∕ (U+2215, DIVISION SLASH); the DOI is read all the same (it was kept
apart, unread, and the record had none)."""
from __future__ import annotations

from conftest import clean_items

NOTE = ("{Reference Type}: Journal Article\n{Title}: 臺灣醫學教育之研究\n{Author}: 陳明\n{Year}: 2020\n"
        "{Journal}: 臺灣醫學\n{DOI}: 10.3969／j.issn.1672-9676.2020.01.039\n\n")


def test_a_big5_doi_slash_is_a_slash(tmp_path, validate):
    path = tmp_path / "big5.net"
    path.write_bytes(NOTE.encode("big5"))   # ／ is A2 41 in Big5, ∕ in cp950
    assert b"\xa2\x41" in path.read_bytes()
    result, records, failures = clean_items(path)
    assert result.returncode == 0 and not failures, result.stderr
    (rec,) = records
    validate(rec)
    assert rec["extra"]["encoding"] == "cp950"
    assert rec["doi"] == "10.3969/j.issn.1672-9676.2020.01.039"
    assert "doi_unread" not in rec["extra"]
