"""Canonical entities: one name per person, place or organisation across titles and spellings."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from reader.core.folding import fold_token, gazetteer, strip_accents
from reader.core.models import Mention
from reader.core.ner import SPACY_TO_KIND, RawMention

NAME_KINDS = ("person", "org", "place", "group")
_TITLES = re.compile(
    r"^(?:the\s+)?(?:(?:mr|mrs|ms|dr|prof|sen|rep|gen|lt|col|maj|capt|gov|pres)\.?\s+|"
    r"(?:president|prime minister|premier|chancellor|secretary|senator|governor|general|"
    r"major general|minister|foreign minister|defence minister|defense minister|king|queen|pope|"
    r"ambassador|envoy|spokesman|spokeswoman|aide|judge|justice|mayor|sir|dame|lord|lady)\s+)+",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"['’]s?$")


def bare(text: str) -> str:
    """The name inside a mention: no honorific or office, no possessive, single spaces."""
    text = " ".join(text.split())
    text = _TITLES.sub("", text).strip()
    return _POSSESSIVE.sub("", text).strip(" .,")


@lru_cache(maxsize=100_000)
def name_key(text: str) -> str:
    """Folded key of a name: lower case, no accents, transliteration folds, initials dropped."""
    words = re.findall(r"[\w’'-]+", strip_accents(bare(text).lower()))
    words = [w for w in words if len(w) > 1 or not w.isalpha()]
    return " ".join(fold_token(w.replace("’", "'")) for w in words)


@dataclass(frozen=True)
class Known:
    name: str
    kind: str


@cache
def known_names() -> dict[str, Known]:
    """Folded key of every gazetteer spelling -> its canonical entity."""
    table: dict[str, Known] = {}
    for entry in gazetteer()["entities"]:
        for spelling in (entry["name"], *entry.get("variants", [])):
            table.setdefault(name_key(spelling), Known(entry["name"], entry["kind"]))
    return table


def canonicalise(body: str, raw: Sequence[RawMention], votes: dict[str, str] | None = None
                 ) -> list[Mention]:
    """Turn raw spaCy mentions of one article into Mentions with canonical names and kinds.

    Order of evidence: the gazetteer; the library's majority label for the name (`votes`);
    the model's label. Surnames link to the one full name in the article that ends with them;
    with two candidates they stay unlinked (two people may share a surname).
    """
    known = known_names()
    votes = votes or {}
    staged: list[tuple[RawMention, str, str]] = []  # mention, kind, bare name
    for m in raw:
        kind = SPACY_TO_KIND.get(m.label)
        name = bare(m.text)
        if not name or not any(c.isalpha() for c in name) and kind in NAME_KINDS:
            continue
        entry = known.get(name_key(name))
        if entry:
            staged.append((m, entry.kind, entry.name))
            continue
        if kind is None:
            continue
        if kind in NAME_KINDS:
            kind = votes.get(name_key(name), kind)
        staged.append((m, kind, name if kind in NAME_KINDS else " ".join(m.text.split())))
    # Surname linking among people of this article.
    full: dict[str, set[str]] = defaultdict(set)
    for _, kind, name in staged:
        if kind == "person" and len(name.split()) >= 2:
            full[name_key(name.split()[-1])].add(name)
    out: list[Mention] = []
    for m, kind, name in staged:
        if kind == "person" and len(name.split()) == 1:
            candidates = full.get(name_key(name), set())
            if len(candidates) == 1:
                name = next(iter(candidates))
        start, end = _trim(body, m.start, m.end)
        if start < end:
            out.append(Mention(text=body[start:end], label=kind, name=name, start=start, end=end))
    return out


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading 'the' and a trailing possessive from the highlighted span."""
    text = body[start:end]
    lead = re.match(r"(?i)the\s+", text)
    if lead and end - start > lead.end():
        start += lead.end()
    tail = re.search(r"['’]s$", body[start:end])
    if tail:
        end -= len(tail.group(0))
    return start, end


def label_votes(all_raw: Iterable[Sequence[RawMention]]) -> dict[str, str]:
    """The most frequent kind of every name across the library: one-off mislabels lose the vote."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for raw in all_raw:
        for m in raw:
            kind = SPACY_TO_KIND.get(m.label)
            if kind in NAME_KINDS:
                counts[name_key(m.text)][kind] += 1
    return {key: c.most_common(1)[0][0] for key, c in counts.items() if sum(c.values()) >= 2}


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
