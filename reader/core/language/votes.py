"""The library's vote on each name's kind: every mention the model made, in every article,
counts for its name; a name takes the kind most of its mentions were given.

The library keeps the counts per file (catalogue.add_votes) and asks majority() for the verdict;
benchmarks and training vote over a set of articles at once (label_votes, library_entities).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from reader.core.language.entities import canonicalise_all
from reader.core.language.names import NAME_KINDS, bare, name_key
from reader.core.language.ner import SPACY_TO_KIND, RawMention
from reader.core.models import Mention

SURNAME = "surname"  # not a kind: counts, among the library's votes, the full names a word ends


def kind_counts(all_raw: Iterable[Sequence[RawMention]]) -> Counter[tuple[str, str]]:
    """How often the model called each name (by key) each kind, over some articles; and, as
    the pseudo-kind SURNAME, how often a word ended a person's full name."""
    counts: Counter[tuple[str, str]] = Counter()
    for raw in all_raw:
        for m in raw:
            kind = SPACY_TO_KIND.get(m.label)
            if kind in NAME_KINDS and (key := name_key(m.text)):
                counts[(key, kind)] += 1
            if kind == "person" and len(words := bare(m.text).split()) >= 2 and (last := name_key(words[-1])):
                counts[(last, SURNAME)] += 1
    return counts


def label_votes(all_raw: Iterable[Sequence[RawMention]]) -> tuple[dict[str, str], frozenset[str]]:
    """The vote over some articles (majority())."""
    return majority((key, kind, n) for (key, kind), n in kind_counts(all_raw).items())


def majority(counts: Iterable[tuple[str, str, int]]) -> tuple[dict[str, str], frozenset[str]]:
    """From (name key, kind, count) rows: the most frequent kind of every name that the model
    gave the same kind at least twice (one-off mislabels lose the vote; a tie goes to the kind
    first in alphabetical order), and the words that end a person's full name (SURNAME rows)."""
    best: dict[str, tuple[int, str]] = {}
    surnames = set()
    for key, kind, n in sorted(counts):
        if kind == SURNAME:
            surnames.add(key)
        elif key not in best or n > best[key][0]:
            best[key] = (n, kind)
    return {key: kind for key, (n, kind) in best.items() if n >= 2}, frozenset(surnames)


def library_entities(bodies: Sequence[str], raws: Sequence[Sequence[RawMention]],
                     judged: bool = True) -> list[list[Mention]]:
    """Canonical mentions of a set of articles, with the set's own vote on each name's kind."""
    votes, surnames = label_votes(raws)
    return canonicalise_all(bodies, raws, votes, surnames, judged)
