"""The CSV export keeps a record's catalogue fields: a book's editors, edition, series and notes,
a thesis's degree and supervisors, in columns after the ones scripts already read by place, and
the CSV reader reads them back (they were not written: lost in a CSV round trip)."""
from __future__ import annotations

import csv
import io

from conftest import read_back, records_of, rendered
from indexer.export.tables import CSV_COLUMNS

RIS = """TY  - BOOK
TI  - Handbook of Chinese Medicine
AU  - Li, Ming
A2  - Chen, Hua
A2  - Brown, Alice
PY  - 2015
PB  - Springer
ET  - 2nd
T3  - Lecture Notes in Medicine
N1  - A personal note; with a semicolon.
N1  - A second note
with its own second line.
ER  - 

TY  - THES
TI  - 城市绿地系统规划研究
AU  - 胡增辉
A3  - 李建国
A3  - 王芳
PY  - 2018
PB  - 北京林业大学
M3  - 博士
ER  - 
"""

KEPT = ("editor", "edition", "series", "notes", "degree", "supervisors")


def test_the_columns_scripts_read_by_place_stay_where_they_were():
    assert CSV_COLUMNS[:35] == (
        "id", "type", "language", "title", "title_zh", "title_en", "authors", "year", "journal",
        "journal_zh", "journal_en", "volume", "issue", "pages", "doi", "issn", "url", "keywords",
        "abstract", "abstract_zh", "abstract_en", "funding", "source_path", "source_record",
        "source_member", "publisher", "place", "isbn", "number", "pmid", "assignee",
        "authority", "source_id", "publication_type", "key")
    assert CSV_COLUMNS[35:41] == ("editors", "edition", "series", "notes", "degree", "supervisors")


def test_a_books_and_a_thesiss_catalogue_fields_come_back_from_the_csv(tmp_path):
    path = tmp_path / "cat.ris"
    path.write_text(RIS, encoding="utf-8")
    records = records_of(path)
    book, thesis = records
    assert book["extra"]["editor"] == ["Chen, Hua", "Brown, Alice"] and len(book["extra"]["notes"]) == 2
    text = rendered(records, "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["editors"] == "Chen, Hua; Brown, Alice" and rows[0]["edition"] == "2nd"
    assert (rows[1]["degree"], rows[1]["supervisors"]) == ("博士", "李建国; 王芳")
    again = read_back(text, "csv", tmp_path)
    for before, after in zip(records, again):
        assert {k: after["extra"].get(k) for k in KEPT} == {k: before["extra"].get(k) for k in KEPT}


def test_a_books_translators_come_back_from_the_csv(tmp_path):
    # the CSV had no column for them: a translated book lost its translators in a round trip
    path = tmp_path / "tr.ris"
    path.write_text("TY  - BOOK\nTI  - 新教伦理与资本主义精神\nAU  - 韦伯\nA4  - 于晓\nA4  - 陈维纲\nPY  - 1987\n"
                    "PB  - 三联书店\nER  - \n", encoding="utf-8")
    (book,) = records_of(path)
    text = rendered([book], "csv")
    assert CSV_COLUMNS[-1] == "translators"
    assert next(csv.DictReader(io.StringIO(text)))["translators"] == "于晓; 陈维纲"
    (again,) = read_back(text, "csv", tmp_path)
    assert again["extra"]["translator"] == ["于晓", "陈维纲"]
