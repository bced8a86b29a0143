"""The wording model: which blocks it judges, and that its columns are the documented ones."""

from __future__ import annotations

import math
from collections import Counter

from reader.core.ingest import wording
from reader.core.ingest.block_features import tokens
from reader.core.ingest.source import parse_source


def _block(text: str):
    [block] = parse_source(text, "markdown").blocks
    return block


def test_a_pairs_column_is_the_crc_of_the_pair_as_written():
    text = "Sign up for our daily newsletter: the best stories, in your inbox. Ça va, Zürich?"
    counts = Counter(wording.bucket(term, 4096) for term in wording.terms(text))
    norm = math.sqrt(sum(c * c for c in counts.values()))
    assert wording.vector(tokens(text), 4096) == {column: c / norm for column, c in counts.items()}


def test_only_sentences_are_judged_by_their_wording():
    assert wording.judged(_block("Sign up for our free weekly newsletter and never miss a story."))
    # A question is worded like a widget's suggested questions and like a story's subheading.
    assert not wording.judged(_block("Who is responsible when AI agents cause harm?"))
    # A team's line-up or a list of clubs has no function words: not a sentence.
    assert not wording.judged(_block("Almunia, Lauren, Toure, Campbell, Cole, Pires, Flamini, Vieira, Henry."))
    # List items are the boilerplate model's to judge; so are short labels.
    assert not wording.judged(_block("- Legal aid changes to give incentives for early resolution of disputes."))
    assert not wording.judged(_block("Sign up for our newsletter"))


def test_a_page_is_english_when_enough_of_its_words_are_english_function_words():
    english = [tokens("The port authority said the strike would end on Friday.")]
    german = [tokens("Die Hafenbehörde teilte mit, dass der Streik am Freitag enden werde.")]
    assert wording.english(english)
    assert not wording.english(german)
    assert not wording.english([[]])
