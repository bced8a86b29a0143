"""Block features on pages in other languages: their function words make their prose prose."""

import re

from reader.core.ingest.block_features import BASE, shape_features
from reader.core.ingest.blocks import split_blocks
from reader.core.ingest.words import STOP_WORDS, function_words_of, language_of

PORTUGUESE = """Início
Notícias
Esportes
Contato

O governo anunciou nesta segunda-feira que vai ampliar o programa de vacinação para todas as \
cidades do interior, depois de uma reunião com os secretários de saúde dos estados.

Segundo o ministro, a medida deve começar no próximo mês e não depende de aprovação do \
Congresso, porque os recursos já estão previstos no orçamento deste ano.
"""

RUSSIAN = """Главная
Новости

Правительство объявило в понедельник, что программа будет расширена на все города, \
и это решение было принято после встречи с губернаторами.

«Мы не можем ждать до следующего года», — сказал министр.
"""

ENGLISH = """Home
World

The government said on Monday that it would widen the programme to every town, after a \
meeting with the regional governors, and that the cost was already in this year's budget.

The minister, speaking in Brasília, quoted the old saying "o que não tem remédio, remediado está".
"""


def page_function_words(words: list[str]) -> frozenset[str]:
    return function_words_of(language_of(words))


def _page_words(text: str) -> list[str]:
    return [w for block in split_blocks(text, markdown=False) for w in re.findall(r"[^\W\d_]+", block.text)]


def _column(text: str, name: str) -> list[float]:
    blocks = split_blocks(text, markdown=False)
    return shape_features(blocks)[:, BASE.index(name)].tolist()


def test_a_page_in_another_language_counts_that_languages_function_words():
    portuguese = page_function_words(_page_words(PORTUGUESE))
    assert {"que", "não", "os", "do"} <= portuguese and STOP_WORDS <= portuguese
    assert {"что", "это", "не"} <= page_function_words(_page_words(RUSSIAN))


def test_an_english_page_quoting_another_language_stays_english():
    assert page_function_words(_page_words(ENGLISH)) is STOP_WORDS


def test_prose_in_another_language_is_prose_and_its_menu_is_not():
    """A paragraph of Portuguese or Russian has as many function words as English prose; a
    menu's one-word lines have none."""
    for text in (PORTUGUESE, RUSSIAN):
        prose, stop = _column(text, "prose"), _column(text, "stop_share")
        menu = [i for i, b in enumerate(split_blocks(text, markdown=False)) if len(b.text.split()) == 1]
        assert menu and all(prose[i] == 0.0 and stop[i] == 0.0 for i in menu)
        assert prose[-2] == 1.0 and stop[-2] >= 0.2, text[:20]


def test_a_sentence_closed_by_guillemets_ends_a_sentence():
    assert _column(RUSSIAN, "ends_sentence")[-1] == 1.0
