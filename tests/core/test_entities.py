"""Entities on the seeds: real spaCy NER, the gazetteer, canonical names and the measured F1."""

from __future__ import annotations

import json

import pytest

from reader.core import ner
from reader.core.entities import bare, canonicalise, name_key
from reader.core.evaluate import entity_scores
from tests.conftest import FIXTURES

PEOPLE = ["Peskov", "Rubio", "Witkoff", "Leavitt", "Dmitriev", "Snegovaya", "Musk", "Rutte",
          "Frederiksen", "Gudkov"]


def mentions(library, prefix):
    return library.get(prefix).entities


def test_offsets_point_into_the_body(seeded):
    for summary in seeded.summaries():
        article = seeded.get(summary.id)
        assert article.entities
        for m in article.entities:
            assert article.body[m.start:m.end] == m.text


def test_every_spelling_of_zelensky_has_one_name(seeded):
    names = {m.name for s in seeded.summaries() for m in seeded.get(s.id).entities
             if m.text.rstrip("’s").endswith(("Zelensky", "Zelenskyy", "Zelenskiy"))}
    assert names == {"Volodymyr Zelensky"}


def test_ushakov_is_one_person(seeded):
    names = {m.name for prefix in ("000", "002") for m in mentions(seeded, prefix) if "Ushakov" in m.text}
    assert names == {"Yury Ushakov"}
    assert {m.label for prefix in ("000", "002") for m in mentions(seeded, prefix) if "Ushakov" in m.text} == {"person"}


@pytest.mark.parametrize("surname", PEOPLE)
def test_people_are_found_as_people(seeded, surname):
    found = [m for s in seeded.summaries() for m in seeded.get(s.id).entities if surname in m.text]
    assert found and all(m.label == "person" for m in found)


def test_kyiv_and_kiev_are_the_same_place():
    body = "Missiles hit Kiev overnight. Kyiv officials said the city held. Kiev's mayor spoke."
    found = canonicalise(body, ner.recognise([body])[0])
    kyiv = [m for m in found if m.text in ("Kiev", "Kyiv")]
    assert len(kyiv) == 3
    assert {(m.label, m.name) for m in kyiv} == {("place", "Kyiv")}


def test_titles_link_to_the_full_name_within_an_article():
    body = ("Donald Trump spoke on Tuesday. Mr Trump said talks went well. "
            "President Trump later added that Trump would call again.")
    found = canonicalise(body, ner.recognise([body])[0])
    assert {m.name for m in found if m.label == "person"} == {"Donald Trump"}


def test_two_people_sharing_a_surname_are_not_merged():
    body = ("Hillary Clinton met Chelsea Clinton in New York. Later, Clinton said nothing. "
            "Anna Kelly, a spokeswoman, spoke too.")
    found = canonicalise(body, ner.recognise([body])[0])
    names = {m.name for m in found if m.label == "person"}
    assert {"Hillary Clinton", "Chelsea Clinton"} <= names
    lone = [m for m in found if m.text == "Clinton"]
    assert all(m.name == "Clinton" for m in lone)


def test_folding_keys():
    assert name_key("Mr Zelenskyy’s") == name_key("Zelensky") == name_key("Zelenskiy")
    assert name_key("Yuri Ushakov") == name_key("Yury Ushakov")
    assert bare("President Vladimir Putin") == "Vladimir Putin"


def test_library_entities_list_zelensky_once_with_four_articles(seeded):
    rows = [r for r in seeded.entities() if "Zelensk" in r.name]
    assert len(rows) == 1
    assert rows[0].name == "Volodymyr Zelensky"
    assert [a[:3] for a in rows[0].articles] == ["000", "001", "003", "004"]


def test_entity_f1_on_the_seeds(seeded):
    gold = json.loads((FIXTURES / "seeds-entities.json").read_text(encoding="utf-8"))["articles"]
    predicted = {s.id[:3]: seeded.get(s.id).entities for s in seeded.summaries()}
    scores = entity_scores(predicted, gold)
    assert scores["f1"] >= 0.9, scores


def test_a_job_meanwhile_runs_in_a_worker_or_else_here_when_asked():
    import os

    here = ner.Tagger(1)
    assert here.meanwhile(os.getpid)() == os.getpid()
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: no worker processes to run the job")
    workers = ner.Tagger(2)
    try:
        result = workers.meanwhile(os.getpid)
        assert result() != os.getpid()
    finally:
        workers.close()
    assert result() != os.getpid()  # the result outlives the workers


def test_an_articles_mentions_are_written_with_all_their_fields(seeded):
    from dataclasses import asdict

    article = seeded.get("000")
    assert article.entities
    assert article.to_dict()["entities"] == [asdict(m) for m in article.entities]
