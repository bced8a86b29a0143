"""A top N is the true top N: the same hits, in the same order, with the same total, as scoring
every match (Whoosh's shortcuts for a top N dropped better hits and miscounted)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from reader.core.library.facade import Library
from tests.conftest import library_at

VOCABULARY = ("bank rates oil gas opec wheat grain export talks ceasefire minister prices "
              "market shares dollar yen gold coffee sugar trade deficit tariff").split()
FILLER = "the a of in on said was were by for with and to from at".split()


def _article(rng: random.Random) -> str:
    title = " ".join(rng.choice(VOCABULARY).capitalize() for _ in range(rng.randint(2, 5)))
    words = [rng.choice(VOCABULARY) if rng.random() < rng.choice((0.05, 0.15, 0.4)) else rng.choice(FILLER)
             for _ in range(rng.randint(20, 400))]
    return f"{title}\n\n{' '.join(words).capitalize()}.\n"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = tmp_path_factory.mktemp("ranking")
    rng = random.Random(7)
    folder = root / "articles"
    folder.mkdir()
    for n in range(400):
        (folder / f"{n:04}.txt").write_text(_article(rng), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("READER_NER", "off")
        library = library_at(root / "home")
        library.add_sources([Path(folder)])
        list(library.sync())
    return library


QUERIES = ["bank rates", "oil AND NOT opec", "oil OR gas", "wheat grain export", "title:talks ceasefire",
           '"trade deficit"', "prices NOT dollar", "gold OR coffee OR sugar", "tarif~", "minister"]


@pytest.mark.parametrize("query", QUERIES)
def test_top_hits_are_those_of_scoring_every_match(library, query):
    everything = library.search(query, limit=10_000, facets=False)
    assert everything.total > 10  # more matches than the largest top N below
    for limit in (1, 3, 10):
        top = library.search(query, limit=limit, facets=False)
        assert top.total == everything.total
        assert [h.id for h in top.hits] == [h.id for h in everything.hits[:limit]]
