"""Scopus's CSV gives an article that has only a number (PLoS One's e0234567, Elsevier's
102345) its "Art. No." and no "Page start": the number is what it is cited by."""
from __future__ import annotations

from conftest import clean_items

HEADER = ("Authors,Author full names,Author(s) ID,Title,Year,Source title,Volume,Issue,Art. No.,"
          "Page start,Page end,Page count,Cited by,DOI,Link,Abstract,Author Keywords,Index Keywords,"
          "Document Type,Publication Stage,Open Access,Source,EID\n")


def read(path):
    result, records, failures = clean_items(path)
    assert result.returncode == 0, result.stderr
    assert not failures
    return records


def test_article_number_is_the_pages_of_an_article_without_pages(tmp_path, validate):
    path = tmp_path / "scopus.csv"
    path.write_text(HEADER + (
        'Smith J.; Lee K.,"Smith, John (57190000000); Lee, Kim (57190000001)",57190000000; 57190000001,'
        'A numbered article,2020,PLoS ONE,15,6,e0234567,,,12,3,10.1371/journal.pone.0234567,'
        'https://www.scopus.com/x,An abstract.,alpha; beta,gamma,Article,Final,,Scopus,2-s2.0-1\n'
        'Wu M.,"Wu, Ming (57190000002)",57190000002,A paged article,2021,Cell,184,2,123456,'
        '100,110,11,0,10.1016/j.cell.2021.01.001,https://www.scopus.com/y,Another.,delta,,Article,'
        'Final,,Scopus,2-s2.0-2\n'), encoding="utf-8")
    numbered, paged = read(path)
    validate(numbered)
    assert numbered["pages"] == "e0234567"
    # a record with pages keeps them; its article number is kept as written, not lost
    assert paged["pages"] == "100-110"
    assert paged["extra"]["columns"]["Art. No."] == "123456"


def test_a_hyphenated_article_number_is_no_page_range(tmp_path, validate):
    """ASM's "Art. No." e02132-20 would be read as pages e02132 to 20: it stays the article
    number, in ``extra.article_number`` as Web of Science's AR is."""
    path = tmp_path / "scopus.csv"
    path.write_text(HEADER + (
        'Wang J.,"Wang, Jianguo (57200000001)",57200000001,Malic enzyme,2021,'
        'Applied and Environmental Microbiology,87,3,e02132-20,,,12,3,10.1128/AEM.02132-20,'
        'https://www.scopus.com/x,An abstract.,alpha,,Article,Final,,Scopus,2-s2.0-1\n'), encoding="utf-8")
    (rec,) = read(path)
    validate(rec)
    assert rec["pages"] is None and rec["extra"]["article_number"] == ["e02132-20"]
