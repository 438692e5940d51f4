"""BibTeX reader: Scopus's, arXiv's and ACM's own fields.

Scopus writes ``funding_text 1 = {…}`` (a space in the name: every such entry was a failure),
``author_keywords`` beside its index ``keywords`` and ``funding_details`` once per funder (only the
last one was kept, in extra); arXiv's ``@misc`` with ``eprint``/``archivePrefix`` is a preprint;
ACM's ``articleno`` is the locator of an article without pages."""
from __future__ import annotations

from conftest import clean_items, records_of, rendered

SCOPUS = """@ARTICLE{Doe2021,
author={Doe, J. and Roe, R.},
title={Calcium in puppies},
journal={American Journal of Veterinary Research},
year={2021},
volume={82},
pages={1-8},
author_keywords={calcium; magnesium; parvovirus},
keywords={Animals; Dogs},
funding_details={National Natural Science Foundation of China, NSFC, 81702662},
funding_details={National Institutes of Health, NIH, R01 AI123456},
document_type={Article},
source={Scopus},
}
@ARTICLE{A1,
author={Doe, J.},
title={First},
journal={J},
year={2021},
funding_text 1={Supported by the National Natural Science Foundation of China (81702662).},
funding_text 2={Also by the National Institutes of Health (R01 AI123456).},
funding_details={National Natural Science Foundation of China, NSFC, 81702662},
source={Scopus},
}
"""


def test_scopus_funding_text_is_read_not_a_failure(tmp_path, validate):
    path = tmp_path / "scopus.bib"
    path.write_text(SCOPUS, encoding="utf-8")
    result, records, failures = clean_items(path)
    assert result.returncode == 0 and not failures, result.stderr
    details, texts = records
    validate(texts)
    assert texts["title"] == {"en": "First"}
    assert [(f["funder"], f["award"]) for f in texts["funding"]] == [
        ("National Natural Science Foundation of China", "81702662"), ("National Institute of Allergy and Infectious Diseases", "R01 AI123456")]   # the NIH named, the number the NIAID's
    # beside its funding text (which names the same grants) a funder's details are kept, as the CSV reader keeps them
    assert texts["extra"]["bibtex_fields"]["funding_details"] == \
        "National Natural Science Foundation of China, NSFC, 81702662"


def test_scopus_author_keywords_and_every_funder(tmp_path, validate):
    path = tmp_path / "scopus.bib"
    path.write_text(SCOPUS, encoding="utf-8")
    record = records_of(path)[0]
    validate(record)
    # the authors' keywords first (Scopus's CSV reads its "Author Keywords" as keywords), then the index's
    assert record["keywords"] == {"en": ["calcium", "magnesium", "parvovirus", "Animals", "Dogs"]}
    assert [(f["funder"], f["award"]) for f in record["funding"]] == [
        ("National Natural Science Foundation of China", "81702662"), ("National Institute of Allergy and Infectious Diseases", "R01 AI123456")]   # the NIH named, the number the NIAID's


def test_a_repeated_field_keeps_every_value(tmp_path):
    path = tmp_path / "repeated.bib"
    path.write_text("@article{k, title={T}, year={2020}, mesh={Humans}, mesh={Dogs}, mesh={Cats}}\n",
                    encoding="utf-8")
    assert records_of(path)[0]["extra"]["bibtex_fields"]["mesh"] == ["Humans", "Dogs", "Cats"]


ARXIV = """@misc{vaswani2017attention,
      title={Attention Is All You Need},
      author={Ashish Vaswani and Noam Shazeer},
      year={2017},
      eprint={1706.03762},
      archivePrefix={arXiv},
      primaryClass={cs.CL},
      url={https://arxiv.org/abs/1706.03762},
}
@online{brown2020,
  title = {Language Models are Few-Shot Learners},
  author = {Brown, Tom},
  date = {2020},
  eprint = {2005.14165},
  eprinttype = {arxiv},
}
@misc{other, title={A web resource}, author={Lee, K}, year={2019}, eprint={12345}, archivePrefix={HAL}}
@article{published, title={Published}, author={Lee, K}, journal={Nature}, year={2020}, eprint={2001.00001},
  archivePrefix={arXiv}}
"""


def test_arxiv_entries_are_preprints_of_arxiv(tmp_path, validate):
    path = tmp_path / "arxiv.bib"
    path.write_text(ARXIV, encoding="utf-8")
    misc, online, other, published = records_of(path)
    for record in (misc, online):
        validate(record)
        assert record["type"] == "article"
        assert record["extra"]["publisher"] == ["arXiv"]
    assert (misc["extra"]["eprint"], online["extra"]["eprint"]) == (["1706.03762"], ["2005.14165"])
    # a server not known as a preprint server, and a paper its journal published, stay as they were
    assert (other["type"], published["type"]) == ("document", "article-journal")
    assert "publisher" not in other["extra"] and "publisher" not in published["extra"]
    # the exporters cite it as the server's preprint
    assert "arXiv [Preprint]. 2017" in rendered([misc], "vancouver")
    assert "M3  - Preprint" in rendered([misc], "ris")


ACM = """@article{10.1145/3450000,
author = {Doe, Jane},
title = {Graph Kernels},
year = {2021},
volume = {54},
number = {4},
journal = {ACM Comput. Surv.},
articleno = {78},
numpages = {35},
}
@article{Smith2020,
author = {Smith, John},
title = {Paged},
journal = {PLoS ONE},
year = {2020},
pages = {e0234567},
art_number = {e0234999},
}
@article{van2020,
author={van der Berg, J.},
title={Numbered},
journal={PLoS ONE},
year={2020},
art_number={e0234567},
source={Scopus},
}
"""


def test_article_number_is_the_pages_of_an_entry_without_them(tmp_path, validate):
    path = tmp_path / "acm.bib"
    path.write_text(ACM, encoding="utf-8")
    acm, paged, scopus = records_of(path)
    validate(acm)
    assert (acm["pages"], acm["extra"]["bibtex_fields"]["articleno"]) == ("78", "78")
    assert acm["extra"]["bibtex_fields"]["numpages"] == "35"       # a count, not a locator
    assert paged["pages"] == "e0234567"                             # its own pages stay
    assert scopus["pages"] == "e0234567"
    assert "2021;54(4):78." in rendered([acm], "vancouver")


SCOPUS_TYPED = """@ARTICLE{Wang2021,
 author = {Wang, Jianguo}, title = {Malic enzyme}, year = {2021}, journal = {Appl Environ Microbiol},
 type = {Review}, source = {Scopus}
}
@CONFERENCE{Garcia2019,
 author = {Garcia, Ana}, title = {Indexing}, year = {2019}, journal = {Proc IEEE Big Data},
 type = {Conference paper}, source = {Scopus}
}
@ARTICLE{Li2022,
 author = {Li, Ming}, title = {Deep learning for proteins}, year = {2022}, journal = {Methods Mol Biol},
 type = {Book chapter}, source = {Scopus}
}
@PHDTHESIS{Zhao2020,
 author = {Zhao, Lei}, title = {A thesis}, year = {2020}, school = {Tsinghua University},
 type = {PhD dissertation}
}
"""


def test_scopus_type_is_the_document_type_not_a_degree(tmp_path, validate):
    """Scopus's ``type`` is its document type (kept in extra.publication_type, as its RIS's M3,
    typing the entry as its CSV's "Document Type" does); a thesis's ``type`` is its degree."""
    path = tmp_path / "scopus.bib"
    path.write_text(SCOPUS_TYPED, encoding="utf-8")
    review, paper, chapter, thesis = records_of(path)
    for rec in (review, paper, chapter, thesis):
        validate(rec)
    assert review["extra"]["publication_type"] == ["Review"] and "degree" not in review["extra"]
    assert review["type"] == "article-journal"
    assert paper["extra"]["publication_type"] == ["Conference paper"] and paper["type"] == "paper-conference"
    assert chapter["type"] == "chapter"
    assert thesis["type"] == "thesis" and thesis["extra"]["degree"] == ["PhD dissertation"]
