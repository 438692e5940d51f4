"""A BibTeX keyword that ends with an abbreviation keeps its period, as the RIS of the same
library keeps it ("SPP.", "SP NOV."); the period that ends a list of keywords is no keyword's."""
from __future__ import annotations

from conftest import cleaned

BIB = """@article{skeldon_2020,
\ttitle = {Candida parapsilosis granuloma in a bird},
\tauthor = {Skeldon, N and Fews, D},
\tjournal = {VETERINARY CLINICAL PATHOLOGY},
\tyear = {2020},
\tkeywords = {fungal granuloma, SPP., CROP, SP-NOV., SP NOV.},
}
@article{heat_2021,
\ttitle = {Urban heat islands},
\tauthor = {Zhang, San},
\tjournal = {Remote Sensing},
\tyear = {2021},
\tkeywords = {urban heat island, deep learning, land surface temperature.},
}
"""


def test_a_keyword_keeps_the_period_of_its_abbreviation_and_a_list_drops_its_own(tmp_path):
    path = tmp_path / "lib.bib"
    path.write_text(BIB, encoding="utf-8")
    first, second = cleaned(path)
    assert first["keywords"] == {"en": ["fungal granuloma", "SPP.", "CROP", "SP-NOV.", "SP NOV."]}
    assert second["keywords"] == {"en": ["urban heat island", "deep learning", "land surface temperature"]}
