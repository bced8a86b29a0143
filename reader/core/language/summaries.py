"""Entities across articles: one row per canonical entity, with its count, its articles and the
spellings it was printed in (the entity panel and `reader entities`)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.core.language.names import NAME_KINDS, name_key
from reader.core.models import Mention


@dataclass(frozen=True)
class EntitySummary:
    name: str
    kind: str
    count: int
    articles: tuple[str, ...]
    spellings: tuple[str, ...]


Row = tuple[str, str, str, int, Sequence[str]]  # article id, name, kind, count, spellings


def rows_of(article_id: str, mentions: Iterable[Mention]) -> list[Row]:
    """Per-entity rows of one article, as the catalogue stores them."""
    grouped: dict[tuple[str, str], list[str]] = defaultdict(list)
    for m in mentions:
        grouped[(m.name, m.label)].append(m.text)
    return [(article_id, name, kind, len(texts), sorted(set(texts)))
            for (name, kind), texts in grouped.items()]


def summarise(rows: Iterable[Row], kinds: Sequence[str] = NAME_KINDS) -> list[EntitySummary]:
    """Canonical entities across articles: one row per entity, with counts and the articles.

    Names whose folded keys agree are one entity (shown by their fullest, most common spelling);
    a lone surname joins the one full name in the library that ends with it, and only then.
    """
    groups: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in rows:
        if row[2] in kinds:
            groups[(name_key(row[1]), row[2])].append(row)
    surnames: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for key, kind in groups:
        if kind == "person" and " " in key:
            surnames[(key.split()[-1], kind)].add((key, kind))
    for key, kind in list(groups):
        if kind == "person" and " " not in key and len(surnames.get((key, kind), ())) == 1:
            target = next(iter(surnames[(key, kind)]))
            groups[target].extend(groups.pop((key, kind)))
    out = []
    for (_, kind), items in groups.items():
        names: Counter[str] = Counter()
        for row in items:
            names[row[1]] += row[3]
        best = max(names, key=lambda n: (len(n.split()) > 1, names[n], len(n)))
        out.append(EntitySummary(
            name=best, kind=kind, count=sum(row[3] for row in items),
            articles=tuple(sorted({row[0] for row in items})),
            spellings=tuple(sorted({s for row in items for s in row[4]})),
        ))
    out.sort(key=lambda r: (-len(r.articles), -r.count, r.name))
    return out
