"""Which texts are English (the NER model's language) and which name their own."""

from __future__ import annotations

import pytest

from reader.core.ingest.words import foreign_language
from reader.core.language.ner import recognise
from tests.conftest import FIXTURES

GERMAN = (FIXTURES / "languages" / "hafenstreik.md").read_text("utf-8")
ENGLISH = ("Dock workers at the eastern grain terminal in Hamburg stayed off the job for a second day "
           "on Tuesday, leaving three ships waiting to load, the port authority said.")


@pytest.mark.parametrize(("text", "language"), [
    (GERMAN, "German"),
    ("O governo anunciou nesta segunda-feira que vai ampliar o programa de vacinação para todas "
     "as cidades do interior, e não depende de aprovação do Congresso.", "Portuguese"),
    ("Правительство объявило в понедельник, что программа будет расширена на все города, и это "
     "решение было принято после встречи с губернаторами.", "Russian"),
    ("政府は月曜日、予防接種の計画をすべての市に広げると発表した。", "another language"),
    (ENGLISH, None),
    # A table of names and abbreviations is English's to read: initials and capitals are no
    # Croatian "s" or Czech "na", an address no Catalan "com".
    ("TENNIS - RESULTS . S. Graf ( Germany ) beat A. Sanchez Vicario ( Spain ) 6-3 6-4 "
     "M. Seles ( U.S. ) beat I. Majoli ( Croatia ) 6-2 6-1 NA / NA / NA CO MI", None),
    ("More at https://www.example.com/na/co/com/de/la and www.example.org/i/a/e/o", None),
    ("Vladimir Putin, Donald Trump", None),
])
def test_a_texts_language_is_told_by_its_function_words(text, language):
    assert foreign_language(text) == language


def test_ner_leaves_a_text_in_another_language_alone():
    """On German the English model takes "Sämtliche Daten" for a person: no mentions at all."""
    english, german = recognise([ENGLISH, GERMAN])
    assert {m.text for m in english} >= {"Hamburg", "Tuesday"}
    assert german == []
