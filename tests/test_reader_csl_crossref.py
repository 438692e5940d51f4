"""CSL-JSON as Crossref and doi.org content negotiation write it: a JATS abstract, an
organisation as ``{"name": …}``, the ``funder`` list, ``subtitle`` and the authors'
affiliations, each read (all had been lost or kept raw)."""
from __future__ import annotations

import json

from conftest import clean_items

JATS_ABSTRACT = ("<jats:sec><jats:title>Background</jats:title><jats:p>Vitamin D may modulate TNF-α in "
                 "CD4<jats:sup>+</jats:sup> cells.</jats:p></jats:sec><jats:sec><jats:title>Methods and findings"
                 "</jats:title><jats:p>We randomized 120 adults to <jats:italic>cholecalciferol</jats:italic> "
                 "(<jats:xref ref-type=\"bibr\" rid=\"r1\">1</jats:xref>).</jats:p></jats:sec><jats:sec>"
                 "<jats:title>Conclusions</jats:title><jats:p>Serum 25(OH)D<jats:sub>3</jats:sub> rose.</jats:p>"
                 "</jats:sec>")


def crossref_item(**fields) -> dict:
    item = {"DOI": "10.1371/journal.pone.0234567", "type": "article-journal", "source": "Crossref",
            "title": "Vitamin D and TNF-α signalling", "container-title": "PLOS ONE",
            "issued": {"date-parts": [[2020, 6, 25]]},
            "author": [{"given": "Johannes", "family": "van der Berg", "sequence": "first", "affiliation": []}]}
    item.update(fields)
    return item


def read(tmp_path, validate, item: dict) -> dict:
    path = tmp_path / "crossref.json"
    path.write_text(json.dumps(item, ensure_ascii=False), encoding="utf-8")
    result, records, failures = clean_items(path)
    assert result.returncode == 0 and not failures, result.stderr
    (rec,) = records
    validate(rec)
    return rec


def test_a_jats_abstract_is_plain_text_in_its_sections(tmp_path, validate):
    rec = read(tmp_path, validate, crossref_item(abstract=JATS_ABSTRACT))   # no declared language
    assert rec["abstract"] == {"en": "Background: Vitamin D may modulate TNF-α in CD4⁺ cells. Methods and findings: "
                                     "We randomized 120 adults to cholecalciferol (1). Conclusions: Serum 25(OH)D₃ rose."}
    assert [(s["label"], s["label_original"], s["text"]) for s in rec["sections"]["en"]] == [
        ("BACKGROUND", "Background", "Vitamin D may modulate TNF-α in CD4⁺ cells."),
        ("METHODS", "Methods and findings", "We randomized 120 adults to cholecalciferol (1)."),
        ("CONCLUSION", "Conclusions", "Serum 25(OH)D₃ rose.")]


def test_a_jats_abstract_without_sections_loses_its_heading_and_markup(tmp_path, validate):
    abstract = ("<jats:title>Abstract</jats:title><jats:p>Tumour growth was measured in mm<jats:sup>3</jats:sup>."
                "</jats:p><jats:p>Data are at <jats:ext-link xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                "ext-link-type=\"uri\" xlink:href=\"https://osf.io/abc\">https://osf.io/abc</jats:ext-link>; it "
                "includes:</jats:p><jats:list list-type=\"bullet\"><jats:list-item><jats:p>counts</jats:p>"
                "</jats:list-item><jats:list-item><jats:p>volumes</jats:p></jats:list-item></jats:list>")
    rec = read(tmp_path, validate, crossref_item(abstract=abstract, language="en"))
    assert rec["abstract"] == {"en": "Tumour growth was measured in mm³. Data are at https://osf.io/abc; it includes: "
                                     "counts volumes"}
    assert not rec["sections"].get("en")


def test_jats_elements_without_the_prefix_are_read_the_same(tmp_path, validate):
    abstract = JATS_ABSTRACT.replace("jats:", "")
    rec = read(tmp_path, validate, crossref_item(abstract=abstract))
    assert [s["label"] for s in rec["sections"]["en"]] == ["BACKGROUND", "METHODS", "CONCLUSION"]
    assert "<" not in rec["abstract"]["en"]


def test_an_organisation_as_crossref_names_it_is_an_author(tmp_path, validate):
    authors = [{"given": "John A.", "family": "Smith", "suffix": "Jr.", "affiliation": []},
               {"name": "COVID-19 Genomics UK (COG-UK) Consortium", "sequence": "additional", "affiliation": []}]
    rec = read(tmp_path, validate, crossref_item(author=authors))
    assert [a.get("literal") or (a["family"], a["given"]) for a in rec["authors"]] == [
        ("Smith", "John A., Jr."), "COVID-19 Genomics UK (COG-UK) Consortium"]


def test_crossref_funders_are_funding_one_entry_per_award(tmp_path, validate):
    funders = [{"DOI": "10.13039/100000060", "name": "National Institute of Allergy and Infectious Diseases",
                "doi-asserted-by": "publisher", "award": ["R01 AI123456", "R21 AI000001"]},
               {"DOI": "10.13039/100004440", "name": "Wellcome Trust", "award": ["204841/Z/16/Z"]},
               {"name": "Leiden University Fund", "award": []}]
    rec = read(tmp_path, validate, crossref_item(funder=funders))
    assert [(f["funder"], f["funder_id"], f["award"]) for f in rec["funding"]] == [
        ("National Institute of Allergy and Infectious Diseases", "10.13039/100000060", "R01 AI123456"),
        ("National Institute of Allergy and Infectious Diseases", "10.13039/100000060", "R21 AI000001"),
        ("Wellcome Trust", "10.13039/100004440", "204841/Z/16/Z"),
        ("Leiden University Fund", None, None)]
    assert "funder" not in rec["extra"].get("csl", {})


def test_a_subtitle_is_joined_to_the_title(tmp_path, validate):
    rec = read(tmp_path, validate, crossref_item(title=["Vitamin D and falls"],
                                                 subtitle=["Results from the VITAL-D cohort"]))
    assert rec["title"] == {"en": "Vitamin D and falls: Results from the VITAL-D cohort"}
    assert "subtitle" not in rec["extra"].get("csl", {})
    rec = read(tmp_path, validate, crossref_item(title="Does vitamin D prevent falls?", subtitle=["A cohort"]))
    assert rec["title"] == {"en": "Does vitamin D prevent falls? A cohort"}


def test_authors_affiliations_are_kept(tmp_path, validate):
    one = [{"family": "Berg", "given": "J.", "affiliation": [{"name": "Leiden University Medical Center"}]},
           {"family": "Smith", "given": "J.", "affiliation": [{"name": "Leiden University Medical Center"}]}]
    rec = read(tmp_path, validate, crossref_item(author=one))
    assert [a.get("affiliation") for a in rec["authors"]] == ["Leiden University Medical Center"] * 2
    assert rec["extra"]["affiliations"] == ["Leiden University Medical Center"]

    two = [{"family": "Berg", "given": "J.", "affiliation": [{"name": "Leiden University Medical Center"}]},
           {"family": "Smith", "given": "J.", "affiliation": [{"name": "University of Oxford"},
                                                                {"name": "Leiden University Medical Center"}]}]
    rec = read(tmp_path, validate, crossref_item(author=two))
    assert rec["extra"]["affiliations"] == ["Leiden University Medical Center", "University of Oxford"]
    assert rec["extra"]["author_affiliations"] == [
        {"author": "Berg, J.", "affiliations": ["Leiden University Medical Center"]},
        {"author": "Smith, J.", "affiliations": ["University of Oxford", "Leiden University Medical Center"]}]

    # each author has their own (d87ed62), several joined
    assert [a.get("affiliation") for a in rec["authors"]] == [
        "Leiden University Medical Center", "University of Oxford; Leiden University Medical Center"]

    # one author's affiliation is not given to the consortium beside him
    some = [one[0], {"name": "COG-UK Consortium", "affiliation": []}]
    rec = read(tmp_path, validate, crossref_item(author=some))
    assert [a.get("affiliation") for a in rec["authors"]] == ["Leiden University Medical Center", None]
    assert rec["extra"]["affiliations"] == ["Leiden University Medical Center"]
    assert rec["extra"]["author_affiliations"] == [
        {"author": "Berg, J.", "affiliations": ["Leiden University Medical Center"]}]


def test_the_qa_pass_crossref_item(tmp_path, validate):
    item = crossref_item(abstract=JATS_ABSTRACT, language="en", subtitle=["Results from the VITAL-D cohort"],
                         funder=[{"DOI": "10.13039/100004440", "name": "Wellcome Trust", "award": ["204841/Z/16/Z"]}])
    rec = read(tmp_path, validate, item)
    assert list(rec["abstract"]) == ["en"] and list(rec["sections"]) == ["en"]
    assert rec["title"]["en"].endswith(": Results from the VITAL-D cohort")
    assert rec["funding"][0]["award"] == "204841/Z/16/Z"


def test_a_stated_type_is_kept_whatever_the_journal_is_named(tmp_path, validate):
    # a journal named 论坛 ("forum") or "… Conference Series" had been guessed a conference's proceedings
    forum = read(tmp_path, validate, crossref_item(title="高校教师发展研究", **{"container-title": "复旦教育论坛"}))
    assert forum["type"] == "article-journal"
    series = read(tmp_path, validate, crossref_item(**{"container-title": "Journal of Physics: Conference Series"}))
    assert series["type"] == "article-journal"
    untyped = crossref_item(**{"container-title": "第十届全国会议论文集"})
    del untyped["type"]   # no type stated: the journal's name still tells
    assert read(tmp_path, validate, untyped)["type"] == "paper-conference"


def test_a_range_of_years_of_another_shape_is_no_failure(tmp_path):
    # issued as two date-parts of a year each is a run of years (our export of a periodical); a
    # third part that is no date had failed the whole item (too many values to unpack), a year
    # that is none ([null]) was kept as "1957/None"
    from conftest import records_of

    items = [{"id": "a", "type": "periodical", "title": "A", "issued": {"date-parts": [[1957], [1990], "x"]}},
             {"id": "b", "type": "periodical", "title": "B", "issued": {"date-parts": [["1957"], [None]]}},
             {"id": "c", "type": "periodical", "title": "C", "issued": {"date-parts": [["1957"], ["1990"]]}}]
    path = tmp_path / "runs.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    a, b, c = records_of(path)
    assert (a["title"]["en"], a["year"], a["extra"]["issued"]) == ("A", 1957, "1957/1990")
    assert b["year"] == 1957 and "issued" not in b["extra"]
    assert c["extra"]["issued"] == "1957/1990"
