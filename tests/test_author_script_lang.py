"""An author's ``lang`` by the script of the name: Cyrillic names are Russian (or the
Cyrillic-script language the record is in), not English."""
from __future__ import annotations

from conftest import records_of

# Russian and Ukrainian records with their authors in Cyrillic, and a German one.
CYRILLIC = """TY  - JOUR
AU  - Иванов, Иван Иванович
AU  - Smith, John
TI  - Влияние пандемии COVID-19 на психическое здоровье студентов
PY  - 2021
ER  - 

TY  - JOUR
LA  - ukr
AU  - Шевченко, Тарас
TI  - Вплив пандемії на психічне здоров'я студентів
PY  - 2021
ER  - 

TY  - JOUR
LA  - ger
AU  - Müller, Hans
TI  - Die Auswirkungen der Pandemie auf die psychische Gesundheit von Studierenden
PY  - 2021
ER  - 
"""


def test_an_author_in_cyrillic_is_no_english_name(tmp_path):
    """An author's ``lang`` follows the name's script: Cyrillic is Russian (a Ukrainian
    record's, Ukrainian), as hangul is Korean; a name in Latin letters stays ``en``, the form
    the exports and ``alt`` write, whatever the record's language."""
    (tmp_path / "ru.ris").write_text(CYRILLIC, encoding="utf-8")
    ru, uk, de = records_of(tmp_path / "ru.ris")
    assert [(a["family"], a["lang"]) for a in ru["authors"]] == [("Иванов", "ru"), ("Smith", "en")]
    assert (uk["language"], uk["authors"][0]["lang"]) == ("uk", "uk")
    assert (de["language"], de["authors"][0]["lang"]) == ("de", "en")
