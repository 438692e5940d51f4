"""CNKI's sub/superscript markup reads the same in every string: a bare ``_3`` in a formula
(``Al_2O_3``) is a subscript whether or not the text also has a ``~``, and ``~（2+）`` with
full-width brackets is read as ``~(2+)`` is; identifiers, URLs and e-mails keep their ``_2``."""
from __future__ import annotations

import pytest

from conftest import needs_shared
from indexer.pipeline import clean
from indexer.readers import read_file
from indexer.repair.text import flatten_markup


def _cleaned(path, number: int):
    """The cleaned record with this number of a file."""
    return next(clean(item) for item in read_file(str(path))
                if getattr(getattr(item, "source", None), "record", None) == number)


@pytest.mark.parametrize("text, flat", [
    ("本论文以氧化铝（Al_2O_3）、石墨烯", "本论文以氧化铝（Al₂O₃）、石墨烯"),
    ("本论文以氧化铝（Al_2O_3）和Ca~(2+)为导热填料", "本论文以氧化铝（Al₂O₃）和Ca²⁺为导热填料"),
    ("外施 Ca~（2+）、ABA 及 H_3PO_4 对", "外施 Ca²⁺、ABA 及 H₃PO₄ 对"),
    ("60%O_2+20%CO_2+20%N_2和100%O_2", "60%O₂+20%CO₂+20%N₂和100%O₂"),
    ("(NH_4)_2SO_4, [Cu(NH_3)_4]SO_4, γ-Al_2O_3, H_2O.", "(NH₄)₂SO₄, [Cu(NH₃)₄]SO₄, γ-Al₂O₃, H₂O."),
    ("β_2-受体, x_1+x_2=1", "β₂-受体, x₁+x₂=1"),
    ("半数抑制浓度（IC_（50））", "半数抑制浓度（IC₅₀）"),
    # text with other CNKI markup is CNKI's: its bare _3 after any letter is read, as before
    ("NPB(46 nm)/Alq_3(56 nm), 30 mA/cm~2", "NPB(46 nm)/Alq₃(56 nm), 30 mA/cm²"),
])
def test_cnki_scripts_read(text, flat):
    assert flatten_markup(text) == flat


@pytest.mark.parametrize("text", [
    "file_2", "snake_case_3", "WIFI_TCP/IP_3G通信技术", "WRF_3D-Var", "(NC_056057.1:g.10793",
    "XM_004008136.5", "10.1007/978-1-4614-7836-2_144", "http://a.org/x/CO_2 ok", "co_2@x.cn",
    "file_2.txt", "HPV_16", "KYCX19_1158", "NPB(46 nm)/Alq_3(56 nm)", "BOD_5", "1~3个月", "10~(20", "Ca~（2+)",
])
def test_identifiers_and_urls_kept(text):
    assert flatten_markup(text) == text


def test_cnki_refworks_thesis_abstract():
    # cnki-refworks-05.txt line 11: the abstract has no ~, so its Al_2O_3 was kept
    record = _cleaned(needs_shared("corpus", "formats", "cnki-refworks", "cnki-refworks-05.txt"), 1)
    assert "氧化铝（Al₂O₃）" in record.abstract["zh"] and "Al_2O_3" not in record.abstract["zh"]
    logged = [r for r in record.repairs if r.step == "flatten_markup" and r.field == "abstract"]
    assert logged and "Al_2O_3" in logged[0].before and "Al₂O₃" in logged[0].after


def test_cnki_and_vip_copies_read_alike():
    # cnki_noteexpress.net:1341 writes the title's brackets full-width, the VIP copy ASCII
    folder = ("corpus", "dedup", "bilingual_dev")
    cnki = _cleaned(needs_shared(*folder, "cnki_noteexpress.net"), 108)
    vip = _cleaned(needs_shared(*folder, "vip_noteexpress.net"), 30)
    assert cnki.title["zh"] == "外施 Ca²⁺、ABA 及 H₃PO₄ 对盐碱胁迫的缓解效应"
    assert vip.title["zh"] == "外施Ca²⁺、ABA及H₃PO₄对盐碱胁迫的缓解效应"
