"""The kinds model: a name's kind judged from the rules' verdict and the words around it."""

from __future__ import annotations

import numpy as np

from reader.core.language import kinds, ner
from reader.core.language.entities import candidates, canonicalise
from reader.core.language.kinds import CLASSES, Staged
from reader.core.language.votes import label_votes


def test_the_shipped_model_gives_each_name_one_probability_per_class():
    model = kinds.model()
    body = "Pirelli said on Tuesday its profit rose in Milan."
    staged = [Staged(0, 7, "org", "Pirelli", "ORG"), Staged(42, 47, "place", "Milan", "GPE")]
    facts = [kinds.Facts(False, False, False, "org", False), kinds.Facts(True, False, False, None, False)]
    p = model.probabilities(kinds.features(body, staged, facts, model.before, model.after))
    assert p.shape == (2, len(CLASSES))
    assert np.allclose(p.sum(axis=1), 1.0)


def test_a_results_table_names_teams_not_towns():
    body = ("Results of Major League Baseball games on Sunday:\nCHICAGO 5 Houston 3\n"
            "CLEVELAND 4 Minnesota 2\nKansas City 7 SEATTLE 1")
    raw = ner.recognise([body])
    votes, surnames = label_votes(raw)
    teams = {"CHICAGO", "Houston", "CLEVELAND", "Minnesota"}
    rules = {m.text: m.label for m in canonicalise(body, raw[0], votes, surnames, judged=False)}
    judged = {m.text: m.label for m in canonicalise(body, raw[0], votes, surnames)}
    assert {rules[t] for t in teams} == {"place"}  # the towns the rules see
    assert {judged[t] for t in teams} == {"org"}  # the teams the scores show
    assert judged["Major League Baseball"] == "org"


def test_a_verdict_needs_the_model_to_be_sure():
    staged = [Staged(0, 5, "place", "Kursk", "GPE")] * 2 + [Staged(0, 7, "org", "Chechen", "NORP"),
                                                           Staged(0, 7, "other", "Ashes", "EVENT"),
                                                           Staged(0, 4, "org", "Next", "ORG"),
                                                           Staged(0, 9, "", "Hollioake", ""),
                                                           Staged(0, 9, "", "Meanwhile", "")]
    sure, unsure = kinds.SURE + 0.05, (1 - kinds.SURE) / 2 + 0.1
    rows = np.array([
        [0.0, sure, 1 - sure, 0.0, 0.0],  # sure it is an organisation
        [unsure, unsure, 1 - 2 * unsure, 0.0, 0.0],  # unsure: the rules' kind stays
        [0.0, 1 - sure, 0.0, sure, 0.0],  # a group or other name: spaCy said a nationality
        [0.0, 1 - sure, 0.0, sure, 0.0],  # ... and the rules already said other
        [0.0, 1 - sure, 0.0, 0.0, sure],  # no name at all
        [sure, 0.0, 1 - sure, 0.0, 0.0],  # a name spaCy missed: sure it is a person
        [unsure, unsure, 1 - 2 * unsure, 0.0, 0.0],  # unsure: a candidate stays out
    ])
    assert kinds.verdicts(staged, rows) == ["org", "place", "group", "other", None, "person", None]


def test_candidates_are_the_capitalised_runs_spacy_left_untagged():
    body = ("Adam Hollioake hit 50. But Warwickshire lost as the KDP said. Meanwhile, the Fed met "
            "in New York.\nAs I said, U.S. Steel and J. Smith agreed.")
    staged = [Staged(body.index("New York"), body.index("New York") + 8, "place", "New York", "GPE")]
    found = [c.name for c in candidates(body, staged)]
    # Whole runs, up to a full stop; no stop word ("But", "As I") and no word the article
    # writes in lower case; nothing inside a tagged name.
    assert found == ["Adam Hollioake", "Warwickshire", "KDP", "Meanwhile", "Fed", "U.S. Steel", "J. Smith"]
    assert all(c.kind == "" and c.label == "" for c in candidates(body, staged))


def test_the_training_script_reads_the_words_around_names_as_the_model_does():
    """training/kinds.py picks the commonest words before and after names with the reader the
    model's features use (it called a function the model no longer had, unseen by any test)."""
    from training import kinds as training_kinds

    body = "Pirelli said on Tuesday its profit rose in Milan.\nFiat said it would hire."
    names = [Staged(body.index(n), body.index(n) + len(n), kind, n, label)
             for n, kind, label in (("Pirelli", "org", "ORG"), ("Milan", "place", "GPE"), ("Fiat", "org", "ORG"))]
    before, after = training_kinds.vocabulary([{"text": body, "names": names}])
    assert before == ["<line>", "in"]  # twice at the start of a line, once after "in"
    assert after[0] == "said" and set(after) == {"said", kinds.Lines(body).around(43, 48)[1]}
