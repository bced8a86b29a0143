"""Comparison of two articles and story grouping, on the seeds (and BASIL when present)."""

from __future__ import annotations

import itertools
import math
from collections import Counter
from datetime import date

import pytest

from reader.core.ingest.clean import clean
from reader.core.ingest.files import read_document
from reader.core.language.names import name_key
from reader.core.language.sentences import content_words, split_sentences
from reader.core.relate.compare import compare
from reader.core.relate.stories import StoryDoc, group_stories
from tests.conftest import corpus, library_at


def test_sentences_keep_offsets():
    body = "Mr. Trump said so. He met Vladimir V. Putin in the U.S. on Monday.\n\nNew paragraph here."
    sentences = split_sentences(body)
    assert [s.text for s in sentences] == ["Mr. Trump said so.", "He met Vladimir V. Putin in the U.S. on Monday.",
                                           "New paragraph here."]
    assert all(body[s.start:s.end] == s.text for s in sentences)


def test_march_articles_share_the_reuters_passages(seeded):
    c = compare(seeded.get("001"), seeded.get("003"))
    assert len(c.shared_passages) >= 5
    for phrase in ("Saudi Arabia", "creeping expansion", "presidential election"):
        assert any(phrase in p.a_text and phrase in p.b_text for p in c.shared_passages), phrase
    a, b = seeded.get("001"), seeded.get("003")
    for p in c.shared_passages:
        assert a.body[p.a_start:p.a_end] == p.a_text and b.body[p.b_start:p.b_end] == p.b_text


def test_word_level_changes_inside_a_pair(seeded):
    c = compare(seeded.get("001"), seeded.get("003"))
    pair = next(p for p in c.shared_passages if "Saudi Arabia" in p.a_text)
    assert [(ch.a_text, ch.b_text) for ch in pair.changes] == [("", "US")]


def test_unrelated_story_shares_little(seeded):
    same = compare(seeded.get("001"), seeded.get("003"))
    other = compare(seeded.get("001"), seeded.get("004"))
    assert len(other.shared_passages) <= 2
    assert same.similarity > other.similarity
    assert same.shared_share_a > other.shared_share_a


def test_only_one_side_is_in_reading_order(seeded):
    c = compare(seeded.get("001"), seeded.get("003"))
    starts = [p.start for p in c.only_b]
    assert starts == sorted(starts)
    assert any("Musk" in p.text for p in c.only_b)
    assert not any("Musk" in p.text for p in c.only_a)


def test_entities_shared_and_unique(seeded):
    c = compare(seeded.get("001"), seeded.get("003"))
    shared = {name_key(n) for n, _, _ in c.shared_entities}
    # Zelenskiy (Reuters, in 001) and Zelenskyy (003) are one person shared by both.
    assert {name_key(n) for n in ("Donald Trump", "Vladimir Putin", "Volodymyr Zelensky",
                                  "Marco Rubio")} <= shared
    assert "Elon Musk" in {n for n, _ in c.only_b_entities}
    assert "Karoline Leavitt" in {n for n, _ in c.only_a_entities}


def test_figures_that_differ(seeded):
    c = compare(seeded.get("003"), seeded.get("004"))
    soldiers = next(f for f in c.figures if f["subject"] == "soldier")
    assert not soldiers["agree"]
    assert "2,500" in soldiers["a"][0]["text"] and "5000" in soldiers["b"][0]["text"]
    hours = next(f for f in compare(seeded.get("000"), seeded.get("002")).figures if f["subject"] == "hour")
    assert not hours["agree"]  # "nearly an hour" against "about an hour"


def test_quotes_with_speakers(seeded):
    c = compare(seeded.get("001"), seeded.get("003"))
    row = next(q for q in c.quotes if "deem necessary" in q["a_text"])
    assert row["relation"] == "different wording" and row["speaker_b"] == "Dmitry Peskov"


def test_seed_stories(seeded):
    groups = sorted(tuple(a[:3] for a in s.articles) for s in seeded.stories())
    assert groups == [("000", "002"), ("001", "003"), ("004",)]


def test_stories_are_grouped_at_sync_and_read_back(seeded):
    from reader.core.relate.stories import group_stories, story_doc

    kept = seeded.known_stories()  # grouped by the sync, not now
    assert kept is not None
    assert kept == group_stories([story_doc(a) for a in seeded.catalogue.all()])


@pytest.mark.corpus
def test_basil_story_grouping_precision_and_recall():
    root = corpus("basil")
    docs, truth = [], {}
    for event in sorted(root.iterdir()):
        for path in sorted(event.glob("*.txt")):
            cleaned = clean(read_document(path))
            terms = Counter(content_words(cleaned.body))
            for word in content_words(cleaned.title):
                terms[word] += 3
            key = f"{event.name}/{path.stem}"
            docs.append(StoryDoc(key, cleaned.title, terms))
            truth[key] = event.name
    predicted = {a: n for n, s in enumerate(group_stories(docs)) for a in s.articles}
    tp = fp = fn = 0
    for a, b in itertools.combinations(truth, 2):
        same, grouped = truth[a] == truth[b], predicted[a] == predicted[b]
        tp += same and grouped
        fp += grouped and not same
        fn += same and not grouped
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert precision >= 0.9 and recall >= 0.9, (precision, recall)


def _vectors(docs: list[StoryDoc], lead: bool = False) -> list[dict[str, float]]:
    """Each article's vector spelled out: tf-idf over the library and the background corpus, its
    TOP_TERMS heaviest terms (ties in the terms' order), to unit length."""
    from reader.core.relate.stories import TOP_TERMS, background

    df: Counter[str] = Counter()
    for d in docs:
        df.update((d.lead if lead else d.terms).keys())
    bg_n, bg_df = background()
    vectors = []
    for d in docs:
        weights = {t: (1 + math.log(c)) * math.log((len(docs) + bg_n + 1) / (df[t] + bg_df.get(t, 0)))
                   for t, c in (d.lead if lead else d.terms).items()}
        top = dict(sorted(weights.items(), key=lambda kv: -kv[1])[:TOP_TERMS])
        norm = math.sqrt(sum(w * w for w in top.values())) or 1.0
        vectors.append({t: w / norm for t, w in top.items()})
    return vectors


def _days_apart(a: str | None, b: str | None) -> int | None:
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) if a and b else None
    except ValueError:
        return None


def _pair_scores_by_definition(docs: list[StoryDoc], small: bool) -> dict[tuple[int, int], float]:
    """pair_scores spelled out pair by pair: candidates share a term in at most max(50, n/10)
    articles with weight products adding up to 0.05 (in a `small` library, all shared terms
    count); the score is the full cosine mixed half and half with that of headline and lead
    (when both have one), then with shared names, and halved beyond three days."""
    from reader.core.relate.stories import LEAD_SHARE

    vectors = _vectors(docs)
    leads = _vectors(docs, lead=True)
    limit = max(50, len(docs) // 10)
    df = Counter(t for vec in vectors for t in vec)
    scores = {}
    for i, j in itertools.combinations(range(len(docs)), 2):
        shared = vectors[i].keys() & vectors[j].keys()
        rare = sum(vectors[i][t] * vectors[j][t] for t in shared if df[t] <= limit)
        everything = sum(vectors[i][t] * vectors[j][t] for t in shared)
        if small and everything < 0.05:
            continue
        if not small and (not any(df[t] <= limit for t in shared) or rare < 0.05):
            continue
        score = everything
        a, b = docs[i], docs[j]
        if a.lead and b.lead:
            lead = sum(w * leads[j].get(t, 0.0) for t, w in leads[i].items())
            score = (1 - LEAD_SHARE) * score + LEAD_SHARE * lead
        if a.names and b.names:
            score = 0.9 * score + 0.1 * len(a.names & b.names) / len(a.names | b.names)
        days = _days_apart(a.published, b.published)
        if days is not None and days > 3:
            score *= 0.5
        scores[(i, j)] = score
    return scores


@pytest.mark.parametrize("small", [True, False])
def test_pair_scores_match_their_definition(small, monkeypatch):
    import random

    from reader.core.relate import stories
    from reader.core.relate.stories import _cosines, pair_scores

    if not small:  # a large library: only distinctive terms propose pairs
        monkeypatch.setattr(stories, "DENSE_CANDIDATES", 100)

    rng = random.Random(7)
    vocabulary = [f"word{k}" for k in range(3000)]
    people = [f"person{k}" for k in range(40)]
    docs = []
    for n in range(240):
        topic = rng.randrange(12)  # articles on one topic share its words
        words = rng.choices(vocabulary[:60], k=40) + rng.choices(vocabulary[topic * 200:topic * 200 + 200], k=60) \
            + rng.choices(vocabulary, k=60)
        docs.append(StoryDoc(f"a{n}", f"title {n}", Counter(words),
                             frozenset(rng.sample(people, rng.randrange(4))),
                             f"2025-03-{rng.randrange(1, 28):02d}" if rng.random() < 0.8 else None,
                             Counter(words[40:60]) if rng.random() < 0.9 else {}))
    expected = _pair_scores_by_definition(docs, small)
    got = pair_scores(docs)
    assert len(expected) > 1000  # enough pairs, with common words (in over 50 articles) among them
    assert got.keys() == expected.keys()
    assert all(abs(got[k] - expected[k]) < 1e-9 for k in expected)
    assert pair_scores(docs[:1]) == {} and pair_scores([]) == {}
    # In blocks of 8 articles, pieces of about 2,000 pairs at a time: the same cosines.
    whole = {(i, j): c for i, j, c in _cosines(docs)}
    pieces = {(i, j): c for i, j, c in _cosines(docs, cells=2000, pairs=2000)}
    assert pieces.keys() == whole.keys() and all(abs(pieces[k] - whole[k]) < 1e-12 for k in whole)


def test_stories_grouped_by_a_worker_during_the_commit_are_the_same(tmp_path, monkeypatch):
    # With NER workers (more than one core), a worker groups the stories while the index is
    # committed; here for the five seeds instead of 200 files or more.
    import os

    from reader.core.library import sync
    from reader.core.relate.stories import story_doc

    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: NER gets no worker processes")
    from reader.core.language.ner import Tagger

    monkeypatch.setattr(sync, "WORKERS_FROM", 1)
    pooled = []
    meanwhile = Tagger.meanwhile
    monkeypatch.setattr(Tagger, "meanwhile", lambda self, *job: pooled.append(self._pool is not None)
                        or meanwhile(self, *job))
    library = library_at(tmp_path / "home")
    try:
        list(library.sync())
        assert pooled == [True]
        kept = library.known_stories()
        assert kept is not None
        assert sorted(tuple(a[:3] for a in s.articles) for s in kept) == [("000", "002"), ("001", "003"), ("004",)]
        assert kept == group_stories([story_doc(a) for a in library.catalogue.all()])
    finally:
        library.close()


def article(article_id: str, body: str, entities=()):
    from reader.core.models import Article

    return Article(id=article_id, path=f"/{article_id}.txt", format="text", encoding="utf-8",
                   title=article_id, standfirst=None, authors=(), outlet=None, published=None,
                   agencies=(), body=body, removed=(), entities=tuple(entities))


def test_a_passage_pair_says_the_same_thing_not_just_the_same_topic():
    a = article("a", "Sam Altman, the chief executive of the company behind ChatGPT, told staff this "
                     "week that GPT 5.6 would be released in a limited preview to a few partners.\n\n"
                     "The preview will start in July, the company said in a memo to its employees.")
    b = article("b", "OpenAI CEO Sam Altman informed staff during a Q&A session the company would "
                     "release its latest model, GPT 5.6, in a limited preview to a small group.\n\n"
                     "The preview will start in July, the company said in a memo to its staff.")
    c = compare(a, b)
    # The second sentences are one passage with one word changed; the first two only share a topic.
    assert [(p.a_text[:15], p.b_text[:15]) for p in c.shared_passages] == [("The preview wil", "The preview wil")]
    assert [(ch.a_text, ch.b_text) for ch in c.shared_passages[0].changes] == [("employees", "staff")]


def test_template_lines_never_count_as_shared():
    footer = "Sign up for the morning briefing\n\nMost read this week"
    a = article("a", "Repairs to the stone bridge will close the east road for three weeks.\n\n" + footer)
    b = article("b", "The town library will open until eight in the evening from next month.\n\n" + footer)
    c = compare(a, b)
    assert c.shared_passages == () and c.similarity == 0.0


def test_the_one_similarity_is_the_share_of_same_wording():
    text = "Throughput at the port fell three percent in the first two months of the year."
    c = compare(article("a", text), article("b", text + "\n\nThe port expects volumes to recover in "
                                                         "the second half of the year, it said."))
    words_a, words_b = len(text.split()), len(text.split()) + 16
    assert abs(c.similarity - 2 * len(text.split()) / (words_a + words_b)) < 0.02
    assert c.to_dict()["same_wording"] == round(c.similarity, 4)


def test_figures_end_with_what_they_count_and_are_listed_once():
    from reader.core.language.figures import figures_of
    from reader.core.models import Mention

    body = ("The call lasted nearly an hour and covered 450 million euros and more. "
            "It lasted nearly an hour, officials said, and 5000 soldiers a week died.")
    spans = [("nearly an hour", "date"), ("450 million euros", "money"), ("5000", "number")]
    mentions = []
    for text, label in spans:
        start = body.index(text)
        mentions.append(Mention(text, label, text, start, start + len(text)))
    second = body.index("nearly an hour", mentions[0].end)
    mentions.append(Mention("nearly an hour", "date", "nearly an hour", second, second + 14))
    texts = [f.text for f in figures_of(article("a", body, mentions))]
    assert texts.count("nearly an hour") == 1
    assert "5000 soldiers" in texts
    assert not any(t.endswith((" and", " a")) for t in texts)


def test_a_quote_is_given_to_the_speaker_the_paragraph_names_or_to_no_one():
    from reader.core.language.figures import quotes_of
    from reader.core.models import Mention

    body = ("Maria Jansen, the port's director, spoke to reporters on Tuesday. “We expect volumes to "
            "recover in the second half,” she said.\n\n"
            "“Nobody knows where this ends,” a trader wrote.")
    start = body.index("Maria Jansen")
    people = [Mention("Maria Jansen", "person", "Maria Jansen", start, start + 12)]
    quotes = {q.text[:10]: q.speaker for q in quotes_of(article("a", body, people))}
    assert quotes == {"We expect ": "Maria Jansen", "Nobody kno": None}
