"""The missing-space repair leaves notation alone (ratios, peptide lists, dotted names, markup),
and CNKI's bare superscripts χ~2 and ×10~6 are read as superscripts; on the shared records
where they were found, and on the prose the repairs must still fix."""
from __future__ import annotations

import pytest

from conftest import needs_shared
from indexer.pipeline import clean
from indexer.readers import read_file
from indexer.repair.text import flatten_markup, restore_space_after_punctuation


def _cleaned(path, numbers: set[int]) -> dict[int, object]:
    """The cleaned records of a file with these numbers (reading stops after the last)."""
    found = {}
    for item in read_file(str(path)):
        number = getattr(getattr(item, "source", None), "record", None)
        if number in numbers and hasattr(item, "abstract"):
            found[number] = clean(item)
        if len(found) == len(numbers):
            break
    return found


def test_colon_of_a_ratio_in_spaced_text_kept():
    # zotero_export.bib #393 (shortened): the text spaces its punctuation, so LA:Ao is a ratio
    text = ("Left atrial to aortic root ratio (LA:Ao) and weight normalised left ventricular internal diameter "
            "were recorded, compared and analysed. Dogs, cats, and horses were seen; the mean LA:Ao, LVIDdN, "
            "and age were higher, in dogs with the NEBL locus, in a case:control study.")
    assert restore_space_after_punctuation(text) == text


def test_colon_after_a_label_or_in_a_title_still_spaced():
    assert restore_space_after_punctuation("Cognitive and Noncognitive Skills:Evidence from China") == \
        "Cognitive and Noncognitive Skills: Evidence from China"
    assert restore_space_after_punctuation("[Lactation and alcohol:clinical and nutritional aspects]") == \
        "[Lactation and alcohol: clinical and nutritional aspects]"
    text = ("We studied it, in dogs, cats, horses, and cows, in 2020; in 2021, and more. RESULTS:In this group, "
            "rates rose.")
    assert "RESULTS: In this group" in restore_space_after_punctuation(text)


def test_comma_inside_closed_brackets_kept():
    for text in ("47 (carba-6-[Phe(2),BuGly(7)]dOT), 55", "incubated with [125I,D-Ala6-desGly10]-GnRH-ethylamide",
                 "SGK1[Ser(P)(422),Thr(P)(256)] phosphorylation"):
        assert restore_space_after_punctuation(text) == text
    # a bracket the token does not close is prose: "(RDD,also known as"
    assert restore_space_after_punctuation("device (RDD,also known as a dirty bomb)") == \
        "device (RDD, also known as a dirty bomb)"


def test_dotted_names_kept():
    text = ("liposomal-praziquantel (lip.PZQ) and hyperbaric oxygen. Mice received PZQ or lip.PZQ, and "
            "100mg/kg of lip.PZQ+HBO was more effective. The safety of the Epi.Lens N, a new lens.")
    assert restore_space_after_punctuation(text) == text
    # a sentence run into a code or a label still gets its space
    assert restore_space_after_punctuation("when it does not.CONCLUSION:This model") == \
        "when it does not. CONCLUSION: This model"
    assert restore_space_after_punctuation("malignancies,but insufficient.CASE SUMMARY") == \
        "malignancies, but insufficient. CASE SUMMARY"


def test_markup_namespace_kept():
    text = 'octahedral sites with <mml:mspace width="0.25em"/> distortion, and more.'
    assert restore_space_after_punctuation(text) == text


def test_bare_cnki_superscripts():
    assert flatten_markup("差异有统计学意义(χ~2=14.817,P<0.05)") == "差异有统计学意义(χ²=14.817,P<0.05)"
    assert flatten_markup("浓度为1×10~6个/mL的FB") == "浓度为1×10⁶个/mL的FB"
    # ranges stay
    for text in ("10~20", "2~3次", "1~3个月", "0.05~2C", "1×10~6.5"):
        assert flatten_markup(text) == text


@pytest.mark.parametrize("path, number, kept, spaced", [
    (("formats", "mixed-exports", "zotero_export.ris"), 140, ["IgG4(+):IgG(+)"], []),
    (("formats", "mixed-exports", "zotero_export.bib"), 393, ["(LA:Ao)", "mean LA:Ao"], []),
    (("formats", "mixed-exports", "zotero_export.bib"), 767, ["case:control"], []),
    (("formats", "mixed-exports", "zotero_export.bib"), 693, ["2-hexanone:benzaldehyde"], []),
    (("formats", "cnki-noteexpress", "LotsOfEnglish.net"), 6, ["<mml:mspace"], []),
    (("search", "en_pubmed.ris"), 52, ["[Phe(2),BuGly(7)]"], []),
    (("search", "en_pubmed.ris"), 293, ["[125I,D-Ala6-"], []),
    (("search", "en_pubmed.ris"), 659, ["SGK1[Ser(P)(422),Thr(P)(256)]"], []),
    (("search", "en_pubmed.ris"), 742, ["(lip.PZQ)", "or lip.PZQ,", "of lip.PZQ+HBO"], []),
    (("search", "en_pubmed.ris"), 824, ["the Epi.Lens N"], []),
    # right repairs in the same files stay
    (("formats", "mixed-exports", "zotero_export.ris"), 734, [], ["4.81-17.76, P < .001"]),
    (("search", "en_pubmed.ris"), 11, [], ["between methods. No consistent"]),
])
def test_shared_records(path, number, kept, spaced):
    record = _cleaned(needs_shared("corpus", *path), {number})[number]
    abstract = record.abstract["en"]
    for text in kept + spaced:
        assert text in abstract


@pytest.mark.parametrize("path, number, text", [
    (("formats", "cnki-estudy", "cnki-estudy-demo.txt"), 12, "χ²=14.817"),
    (("formats", "cnki-noteexpress", "mixed.net"), 9, "1×10⁶个/mL"),
])
def test_shared_cnki_superscripts(path, number, text):
    record = _cleaned(needs_shared("corpus", *path), {number})[number]
    assert text in record.abstract["zh"]


def test_a_term_ending_in_zhankai_is_no_button(tmp_path):
    # 展开 after a Latin word is a term's end (Taylor展开, Taylor expansion), not the page's
    # "show more" button: the keyword had lost it
    path = tmp_path / "kw.ris"
    path.write_text("TY  - JOUR\nTI  - 非线性方程的数值解法研究\nKW  - 数值分析\nKW  - Taylor展开\nKW  - 级数展开\n"
                    "AB  - 本文研究了非线性方程的数值解法。结果表明该方法有效.展开更多\nER  - \n", encoding="utf-8")
    [record] = [clean(r) for r in read_file(str(path))]
    assert record.keywords["zh"] == ["数值分析", "Taylor展开", "级数展开"]
    assert record.abstract["zh"].endswith("结果表明该方法有效.")
