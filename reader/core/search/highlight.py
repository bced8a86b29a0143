"""Highlights and snippets: where a hit's body matches the query, from its stored term vector."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from whoosh import query as wq

from reader.core.search.analysis import as_text, shared_body_analyzer

SNIPPET_CHARS = 220


@dataclass(frozen=True)
class Marks:
    """What to highlight in a hit's body: words on their own, and phrases as whole runs."""

    words: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]


def query_marks(q: wq.Query, searcher: Any, fields: tuple[str, ...]) -> Marks:
    """The query's words in fields outside phrases, and its phrases; never negated ones."""
    words: set[str] = set()
    phrases: list[tuple[str, ...]] = []
    reader = searcher.reader()

    def walk(node: wq.Query) -> None:
        if isinstance(node, wq.Not):
            return
        if isinstance(node, wq.Phrase):
            if node.fieldname in fields:
                phrases.append(tuple(as_text(w) for w in node.words))
            return
        if node.is_leaf():
            for fieldname, term in node.existing_terms(reader, expand=True):
                if fieldname in fields:
                    words.add(as_text(term))
            return
        for child in node.children():
            walk(child)

    walk(q)
    return Marks(frozenset(words), tuple(dict.fromkeys(phrases)))


def _occurrences(vector: Any, terms: list[str]) -> dict[str, list[tuple[int, int]]]:
    """Character spans of each of the sorted terms in a body's term vector, in one pass."""
    found: dict[str, list[tuple[int, int]]] = {}
    for term in terms:
        vector.skip_to(term)
        if not vector.is_active():
            break
        if vector.id() == term:
            found[term] = [(s, e) for _, s, e in vector.value_as("characters")]
    return found


def _adjacent(body: str, end: int, start: int) -> bool:
    """Nothing but spaces, punctuation or stop words between two words (as a phrase allows)."""
    gap = body[end:start]
    return len(gap) <= 40 and not any(True for _ in shared_body_analyzer()(gap))


def body_spans(searcher: Any, docnum: int, marks: Marks, body: str) -> list[tuple[int, int]]:
    """Character spans of the body to highlight, from the stored term vector (no re-tokenising).

    Words are marked wherever they occur; a phrase only where its words follow one another.
    """
    spans: list[tuple[int, int]] = []
    if not marks.words and not marks.phrases:
        return spans
    needed = sorted(marks.words.union(*marks.phrases))
    where = _occurrences(searcher.reader().vector(docnum, "body"), needed)
    for term in marks.words:
        spans.extend(where.get(term, ()))
    for phrase in marks.phrases:
        runs = where.get(phrase[0], [])
        for word in phrase[1:]:
            nexts = where.get(word, [])
            runs = [(s, e2) for s, e in runs for s2, e2 in nexts if s2 >= e and _adjacent(body, e, s2)]
        spans.extend(runs)
    return _merge(sorted(spans))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def make_snippet(body: str, spans: list[tuple[int, int]], width: int = SNIPPET_CHARS
                 ) -> tuple[str, list[tuple[int, int]]]:
    """Cut the window of body with the most matches; return it and the spans relative to it."""
    if not spans:
        text = body[:width]
        cut = text.rfind(" ") if len(body) > width else len(text)
        return " ".join(text[: cut if cut > 0 else width].split()) + ("…" if len(body) > width else ""), []
    best, best_count = 0, 0
    for i, (start, _) in enumerate(spans):
        count = sum(1 for s, e in spans[i:] if e <= start + width)
        if count > best_count:
            best, best_count = i, count
    anchor = spans[best][0]
    start = max(0, anchor - width // 4)
    if start > 0:
        space = body.rfind(" ", 0, start)
        start = space + 1 if space >= 0 and anchor - space < width // 2 else start
    end = min(len(body), start + width)
    if end < len(body):
        space = body.rfind(" ", start, end)
        end = space if space > anchor else end
    raw = body[start:end]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(body) else ""
    # Collapse newlines to spaces without moving offsets (same length).
    text = prefix + raw.replace("\n", " ") + suffix
    shift = len(prefix) - start
    highlights = [(s + shift, e + shift) for s, e in spans if s >= start and e <= end]
    return text, highlights
