"""RIS reader cases from the QA audit of the formats corpus (each a small file written here)."""
from __future__ import annotations

from conftest import records_of


def _ris(tmp_path, text: str, name: str = "x.ris") -> list[dict]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return records_of(path)


def test_ad_lines_without_a_tag_are_one_affiliation_each(tmp_path):
    # Scopus (formats/mixed-exports/ris_export.txt): one AD, then an affiliation a line
    rec, = _ris(tmp_path, "TY  - JOUR\nAU  - Kass, N.\nAU  - Faden, R.\nAU  - Fabi, R. E.\n"
                          "AD  - Johns Hopkins Berman Institute of Bioethics, United States\n"
                          "Baylor College of Medicine, Center for Medical Ethics and Health Policy, United States\n"
                          "Geisinger Health System, United States\nTI  - Alternative consent models\nPY  - 2016\nER  - \n")
    assert rec["extra"]["affiliations"] == [
        "Johns Hopkins Berman Institute of Bioethics, United States",
        "Baylor College of Medicine, Center for Medical Ethics and Health Policy, United States",
        "Geisinger Health System, United States"]
    assert not any("affiliation" in a for a in rec["authors"])   # three for three authors: whose is whose unknown
