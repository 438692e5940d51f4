"""Language of Latin-script text: English unless langdetect is sure of another language.
The titles are written for these tests (langdetect's answers noted beside them)."""
from __future__ import annotations

import pytest

from indexer.lang.detect import _langdetect, detect_language


@pytest.mark.parametrize("text,expected", [
    ("Renal tumour imaging: potential clinical uses", "en"),            # langdetect: it 0.86
    ("Exploring small data's tactical consequences", "en"),              # ca 1.0; the 's is English
    ("Valutazione della terapia anticoagulante orale", "it"),            # it 1.0
    ("Estudio clinico de pacientes diabeticos en atencion primaria", "es"),  # es 1.0, no accents
    ("Avaliação da mudança de hábitos alimentares", "pt"),
    ("Plateforme numérique et recomposition du travail urbain", "fr"),
    # ../shared's haematology set: langdetect answers ca with certainty; "&" is English enough
    ("Paroxysmal nocturnal haemoglobinuria: diagnostic tests, advantages, & limitations.", "en"),
    # Cyrillic (../shared's digital_work set) was 'und': no Latin word, no Han
    ("Платформенная занятость: масштабы и признаки неустойчивости.", "ru"),
    ("Зайнятість і мотивація праці в інформаційній економіці", "uk"),
])
def test_latin_script_language(text, expected):
    assert detect_language(text) == expected


def test_the_same_text_always_gets_the_same_answer():
    text = "Renal tumour imaging: potential clinical uses"
    assert len({detect_language(text + " " * i) for i in range(3)}) == 1
    # langdetect itself, past the cache: unseeded it answers this title "it" or "en" with
    # probabilities that change from call to call
    answers = {_langdetect.__wrapped__(text) for _ in range(20)}
    assert len(answers) == 1, answers


def test_names_in_a_japanese_record_are_japanese(tmp_path):
    from conftest import clean_items

    path = tmp_path / "ja.ris"
    path.write_text("TY  - JOUR\nTI  - 量子ドットによる細胞イメージング\nAU  - 加地範匡\nAU  - Baba, Yoshinobu\nER  - \n\n"
                    "TY  - JOUR\nTI  - 量子点细胞成像\nAU  - 张伟\nER  - \n", encoding="utf-8")
    _, (ja, zh), _ = clean_items(path)
    assert ja["language"] == "ja" and zh["language"] == "zh"
    assert [a["lang"] for a in ja["authors"]] == ["ja", "en"]   # kanji: Japanese; romanised: as before
    assert [a["lang"] for a in zh["authors"]] == ["zh"]


def test_ctrl_c_while_langdetect_loads_its_profiles_stops_the_run():
    """langdetect loads its profiles (a second) on its first call, behind a bare ``except:``:
    a Ctrl-C meanwhile came out as its own error, the language 'und', and langdetect kept the
    profiles read so far (an ingest went on, exit 0, and stored English records as 'pl').  A
    real SIGINT, raised as the fifth profile is added, in a fresh process (a timer of a fixed
    delay, or a thread watching the load, could land after it on a busy machine)."""
    import subprocess
    import sys

    from conftest import ROOT

    script = """
import signal, sys
import langdetect.detector_factory as factory
from indexer.lang.detect import _langdetect
text = "Die Alterung der Gesellschaft und der Generationenkonflikt in Europa"
added = 0
def ctrl_c_at_the_fifth_profile(frame, event, arg):   # a real SIGINT, while the profiles load
    global added
    if event == "call" and frame.f_code.co_name == "add_profile":
        added += 1
        if added == 5:
            sys.settrace(None)
            signal.raise_signal(signal.SIGINT)
signal.signal(signal.SIGINT, signal.default_int_handler)   # as in a terminal, where a job run in the
sys.settrace(ctrl_c_at_the_fifth_profile)                  # background (CI) starts with SIGINT ignored
try:
    answer = _langdetect(text)
except KeyboardInterrupt:
    answer = "interrupted"
print(answer, factory._factory is None or len(factory._factory.langlist))
print(_langdetect.__wrapped__(text)[0])
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    interrupted, after = result.stdout.splitlines()
    assert interrupted == "interrupted True"   # raised, and no half-loaded profiles kept
    assert after == "de"
