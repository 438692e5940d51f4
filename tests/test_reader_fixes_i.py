"""Reader defects a GB/T 7714 check found (CSL-JSON names and variables, BibTeX editors).

A CSL name's ``dropping-particle`` ("van der" Veen) was lost: the author was ``Veen, P H``
(GB/T ``VEEN P H``), while ``non-dropping-particle`` was kept; both are part of the family
name as this project's authors hold it (``van der Veen``).  ``journalAbbreviation``, the name
Zotero still writes for ``container-title-short``, was not read as the journal's abbreviation.
Variables the reader keeps in ``extra.csl`` (``archive_location``, ``container-author``, ``scale``,
``version``) were not written back by the CSL-JSON export.

BibTeX editors were kept as written, ``Y. Bengio``, and exported as one literal name each
(CSL ``{"literal": "Y. Bengio"}``, GB/T ``//Y. Bengio, …``) while the same entry's authors were
parsed.
"""
from __future__ import annotations

import json

from conftest import DATA, needs_shared, records_of, rendered

CSL_SCHEMA = DATA / "export" / "csl-data.json"

ITEMS = [
    {"id": "g", "type": "article-journal", "language": "en", "title": "Longitudinal changes in brain volumes",
     "container-title": "Journal of the Neurological Sciences", "volume": "337", "issue": "1/2", "page": "112-118",
     "author": [{"family": "Veen", "given": "Pieternella H.", "dropping-particle": "van der"},
                {"family": "Graaf", "given": "Yolanda", "non-dropping-particle": "van der"},
                {"family": "Fontaine", "given": "Jean", "dropping-particle": "de", "non-dropping-particle": "La"}],
     "issued": {"date-parts": [[2014]]}},
    {"id": "j", "type": "article-journal", "language": "en", "title": "Metadata quality control",
     "container-title": "Cataloging & Classification Quarterly", "journalAbbreviation": "Cat. Classif. Q.",
     "volume": "48", "issue": "8", "page": "696-715", "author": [{"family": "Park", "given": "Jung-Ran"}],
     "issued": {"date-parts": [[2010]]}},
    {"id": "k", "type": "manuscript", "language": "zh", "title": "奏请上海道库洋务外销要款无款可筹仍拨药厘接济事",
     "archive": "中国第一历史档案馆", "archive_location": "04-01-35-0399-039", "author": [{"literal": "李鸿章"}],
     "container-author": [{"family": "Li", "given": "Ming"}], "scale": "1:50000", "version": "2.1",
     "callNumber": "R 12", "original-author": "Yu || Xiao", "issued": {"date-parts": [[1887]]}},
]


def _csl_records(tmp_path, items=ITEMS):
    path = tmp_path / "items.json"
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    return records_of(path)


def test_csl_name_particles_are_part_of_the_family_name(tmp_path):
    veen, _, _ = _csl_records(tmp_path)
    assert [(a["family"], a["given"]) for a in veen["authors"]] == [
        ("van der Veen", "Pieternella H."), ("van der Graaf", "Yolanda"), ("de La Fontaine", "Jean")]
    assert rendered([veen], "vancouver").startswith("1. van der Veen PH, van der Graaf Y,")


def test_csl_journal_abbreviation_is_read_under_its_legacy_name(tmp_path):
    _, park, _ = _csl_records(tmp_path)
    assert park["extra"]["journal_abbreviation"] == ["Cat. Classif. Q."]
    assert "journalAbbreviation" not in (park["extra"].get("csl") or {})
    (item,) = json.loads(rendered([park], "csl-json"))
    assert item["container-title-short"] == "Cat. Classif. Q."


def test_a_legacy_variable_beside_its_current_one_is_not_lost(tmp_path):
    item = {**ITEMS[1], "container-title-short": "Catalog. Classif. Q."}
    (rec,) = _csl_records(tmp_path, [item])
    assert rec["extra"]["journal_abbreviation"] == ["Catalog. Classif. Q."]
    assert rec["extra"]["csl"]["journalAbbreviation"] == "Cat. Classif. Q."


def test_csl_variables_kept_in_extra_are_written_back(tmp_path):
    import jsonschema

    records = _csl_records(tmp_path)
    items = json.loads(rendered(records, "csl-json"))
    jsonschema.Draft7Validator(json.loads(CSL_SCHEMA.read_text(encoding="utf-8"))).validate(items)
    archived = items[2]
    assert {k: archived.get(k) for k in ("archive", "archive_location", "scale", "version", "container-author")} == {
        "archive": "中国第一历史档案馆", "archive_location": "04-01-35-0399-039", "scale": "1:50000", "version": "2.1",
        "container-author": [{"family": "Li", "given": "Ming"}]}
    # not CSL variables (Zotero's field name), or not of the variable's kind (text for names)
    assert "callNumber" not in archived and "original-author" not in archived
    # and read again, the same, with the item's id "k" now its citation-key too (export writes the key in both)
    again = tmp_path / "again.json"
    again.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    assert records_of(again)[2]["extra"]["csl"] == {
        "archive_location": "04-01-35-0399-039", "container-author": [{"family": "Li", "given": "Ming"}],
        "scale": "1:50000", "version": "2.1", "citation-key": "k"}


def test_the_gbt7714_examples_keep_their_particles_and_abbreviations():
    path = needs_shared("corpus", "citations", "gbt7714-data.json")
    records = records_of(path)
    families = {a.get("family") for r in records for a in r["authors"]}
    assert {"van der Veen", "van der Graaf", "van der Merwe", "van Jaarsveld"} <= families
    assert "Veen" not in families
    assert sum(bool(r["extra"].get("journal_abbreviation")) for r in records) >= 6


BIB = """@inproceedings{cuturi2009,
 author = {Marco Cuturi and Jean-Philippe Vert},
 editor = {Y. Bengio and D. Schuurmans and {World Health Organization} and von Hicks, III, Michael and 王夫之},
 booktitle = {Advances in Neural Information Processing Systems},
 title = {White Functionals for Anomaly Detection in Dynamical Systems},
 volume = {22}, publisher = {Curran Associates, Inc.}, address = {Red Hook, NY},
 pages = {432--440}, year = {2009}
}
"""


def test_bibtex_editors_are_parsed_as_authors_are(tmp_path):
    path = tmp_path / "editors.bib"
    path.write_text(BIB, encoding="utf-8")
    (rec,) = records_of(path)
    assert rec["extra"]["editor"] == ["Bengio, Y.", "Schuurmans, D.", "{World Health Organization}",
                                      "von Hicks, Michael, III", "王夫之"]
    (item,) = json.loads(rendered([rec], "csl-json"))
    assert item["editor"] == [{"family": "Bengio", "given": "Y."}, {"family": "Schuurmans", "given": "D."},
                              {"literal": "World Health Organization"},
                              {"family": "von Hicks", "given": "Michael", "suffix": "III"}, {"literal": "王夫之"}]
    assert "In: Bengio Y, Schuurmans D," in rendered([rec], "vancouver")
