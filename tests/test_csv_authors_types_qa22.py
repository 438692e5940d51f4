"""QA pass 22: comma-separated author lists with a suffix (Jr, 2nd) or a collective author
(PubMed's CSV, a RIS AU line holding the whole list), and Scopus's "Document Type" in its CSV."""
from __future__ import annotations

from conftest import clean_items

from indexer.fields.authors import split_author_field


def read(path):
    result, records, failures = clean_items(path)
    assert result.returncode == 0, result.stderr
    assert not failures
    return records


def names(rec):
    return [a.get("literal") or (a.get("family"), a.get("given")) for a in rec["authors"]]


PUBMED_HEADER = "PMID,Title,Authors,Citation,First Author,Journal/Book,Publication Year,Create Date,PMCID,NIHMS ID,DOI\n"
PUBMED_LISTS = [
    # one literal author, and the group keeping the list's period
    ("van der Berg J, Smith JA Jr, O'Brien M; COVID-19 Genomics UK (COG-UK) Consortium.",
     [("van der Berg", "J"), ("Smith", "JA, Jr"), ("O'Brien", "M"), "COVID-19 Genomics UK (COG-UK) Consortium"]),
    # family "Berg J", given "Smith JA Jr, Doe M."
    ("Berg J, Smith JA Jr, Doe M.", [("Berg", "J"), ("Smith", "JA, Jr"), ("Doe", "M")]),
    # family "Kaplan BS", given "Meyers KE"; the consortium with a trailing "."
    ("Kaplan BS, Meyers KE; COVID-19 Genomics UK (COG-UK) Consortium.",
     [("Kaplan", "BS"), ("Meyers", "KE"), "COVID-19 Genomics UK (COG-UK) Consortium"]),
    ("de la Cruz M, Grams R 2nd, Lee K III.", [("de la Cruz", "M"), ("Grams", "R, 2nd"), ("Lee", "K, III")]),
    ("de Souza CM, Smith JA.", [("de Souza", "CM"), ("Smith", "JA")]),   # as before
]


def test_pubmed_csv_author_lists_with_suffixes_and_groups(tmp_path, validate):
    rows = "".join(f'{i},A title {i}.,"{cell}",PLoS One. 2020;15(6):e0234567.,x,PLoS One,2020,2020/06/26,,,\n'
                   for i, (cell, _) in enumerate(PUBMED_LISTS, 1))
    path = tmp_path / "pubmed.csv"
    path.write_text(PUBMED_HEADER + rows, encoding="utf-8")
    records = read(path)
    assert len(records) == len(PUBMED_LISTS)
    for rec, (cell, expected) in zip(records, PUBMED_LISTS):
        validate(rec)
        assert names(rec) == expected, cell


def test_ris_author_line_holding_a_list_with_a_suffix(tmp_path):
    # AU  - van der Berg J, Smith JA Jr, Doe M was one literal author
    path = tmp_path / "au.ris"
    path.write_text("TY  - JOUR\nAU  - van der Berg J, Smith JA Jr, Doe M\nTI  - A title\nPY  - 2020\nER  - \n",
                    encoding="utf-8")
    (rec,) = read(path)
    assert names(rec) == [("van der Berg", "J"), ("Smith", "JA, Jr"), ("Doe", "M")]


def test_split_author_field_keeps_suffixes_with_their_person():
    assert split_author_field("Berg J, Smith JA Jr, Doe M") == ["Berg J", "Smith JA Jr", "Doe M"]
    assert split_author_field("Kaplan BS, Meyers KE Jr", listed=True) == ["Kaplan BS", "Meyers KE Jr"]
    assert split_author_field("Kaplan BS, Meyers KE; Some Consortium") == ["Kaplan BS, Meyers KE", "Some Consortium"]
    assert split_author_field("Kaplan BS, Meyers KE, Lee K; Some Consortium") == \
        ["Kaplan BS", "Meyers KE", "Lee K", "Some Consortium"]
    # one person's name, inverted, stays one
    assert split_author_field("Smith, John, Jr") == ["Smith, John, Jr"]
    assert split_author_field("King ML, Jr") == ["King ML, Jr"]


SCOPUS_TYPES = [
    ("Article", "article-journal"), ("Review", "article-journal"), ("Conference paper", "paper-conference"),
    ("Conference Paper", "paper-conference"), ("Conference review", "paper-conference"),
    ("Book chapter", "chapter"), ("Book", "book"), ("Editorial", "article-journal"),
    ("Letter", "article-journal"), ("Note", "article-journal"), ("Erratum", "article-journal"),
    ("Short survey", "article-journal"), ("Data paper", "article-journal"), ("Retracted", "article-journal"),
]


def test_scopus_document_type_gives_the_csl_type(tmp_path, validate):
    # "Conference paper" was typed article-journal (Scopus's RIS, TY CONF, gives paper-conference)
    header = '"Authors","Author full names","Title","Year","Source title","Document Type","Source","EID"\n'
    rows = "".join(f'"Lee K.","Lee, Kevin (1)","Paper {i}","2021","Proceedings of X","{kind}","Scopus","2-s2.0-{i}"\n'
                   for i, (kind, _) in enumerate(SCOPUS_TYPES))
    path = tmp_path / "scopus.csv"
    path.write_text("\ufeff" + header + rows, encoding="utf-8")
    records = read(path)
    assert len(records) == len(SCOPUS_TYPES)
    for rec, (kind, csl) in zip(records, SCOPUS_TYPES):
        validate(rec)
        assert (rec["type"], rec["extra"]["source_type"]) == (csl, kind)


def test_csl_type_column_keeps_its_meaning(tmp_path):
    # our own export's and bib-dedupe's CSL type is read as before ("review" is CSL's review)
    path = tmp_path / "own.csv"
    path.write_text("Title,Type,Year\nA,review,2020\nB,paper-conference,2020\nC,Something else,2020\n",
                    encoding="utf-8")
    assert [r["type"] for r in read(path)] == ["review", "paper-conference", "article-journal"]


def test_whole_pinyin_names_in_one_field_are_a_list_unless_one_inverted_name():
    """Three whole pinyin names are a list wherever they are; two only in a field that is always
    the list (a spreadsheet's 作者): a RIS AU line holds one name, which may be inverted with a
    family name and a given name of two words each (digital_work.ris: "Sun Yin, Hao Hua")."""
    assert split_author_field("Wang Wu, Zhao Liu", listed=True) == ["Wang Wu", "Zhao Liu"]
    assert split_author_field("Wang Wu, Zhao Liu, Lyu Wei") == ["Wang Wu", "Zhao Liu", "Lyu Wei"]
    assert split_author_field("Sun Yin, Hao Hua") == ["Sun Yin, Hao Hua"]
    assert split_author_field("Wang, Jianguo", listed=True) == ["Wang, Jianguo"]
    assert split_author_field("Wang Li, Jun", listed=True) == ["Wang Li, Jun"]
    assert split_author_field("John Smith, Kate Jones", listed=True) == ["John Smith, Kate Jones"]
