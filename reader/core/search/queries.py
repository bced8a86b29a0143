"""Queries -> ranked hits (snippets and highlight spans from reader.core.search.highlight), facets, suggestions."""

from __future__ import annotations

import bisect
import itertools
import re
import weakref
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from whoosh import collectors, qparser, scoring, sorting
from whoosh import query as wq
from whoosh.codec.base import Automata
from whoosh.index import Index as WhooshIndex  # noqa: F401 - for type readers

from reader.core.search import highlight
from reader.core.search.analysis import PAIR_JOIN, as_text
from reader.core.search.schema import NAME_KINDS  # noqa: F401 - re-exported for callers' facet filters

# Where a word with no field is looked for (the byline too: cleaning lifts it out of the body).
FIELDS = ("title", "body", "author")
PAIR_FIELDS = {"title": "title_pairs", "body": "body_pairs"}  # see reader.core.search.analysis.PairAnalyzer
FIELD_ALIASES = {"author": ["author", "authors", "by"], "outlet": ["outlet", "source"],
                 "entity": ["entity", "entities"], "agency": ["agency", "agencies"],
                 "published": ["published", "date"]}  # field -> the names a query may give it
FIELD_NAMES = frozenset({*FIELDS, *(name for names in FIELD_ALIASES.values() for name in names)})


@dataclass(frozen=True)
class Hit:
    id: str
    title: str
    outlet: str | None
    published: str | None
    score: float
    snippet: str
    highlights: tuple[tuple[int, int], ...]  # spans of snippet
    body_highlights: tuple[tuple[int, int], ...] = ()  # spans of the whole body

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "outlet": self.outlet,
                "published": self.published, "score": round(self.score, 4), "snippet": self.snippet,
                "highlights": [list(h) for h in self.highlights]}


@dataclass(frozen=True)
class Results:
    query: str
    total: int
    hits: tuple[Hit, ...]
    suggestion: str | None = None
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    message: str | None = None  # a note about how a malformed query was read

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "total": self.total, "hits": [h.to_dict() for h in self.hits],
                "suggestion": self.suggestion, "facets": self.facets, "message": self.message}


DATE_FIELD = re.compile(r"\b(?:published|date):")


def _parser(schema: Any, dates: bool) -> qparser.QueryParser:
    parser = qparser.MultifieldParser(list(FIELDS), schema, fieldboosts={"title": 2.0},
                                      group=qparser.AndGroup)
    parser.add_plugin(qparser.FuzzyTermPlugin())
    parser.add_plugin(qparser.GtLtPlugin())
    parser.add_plugin(qparser.FieldAliasPlugin(FIELD_ALIASES))
    if dates:  # its English date grammar compiles dozens of regular expressions: only for a date field
        from whoosh.qparser.dateparse import DateParserPlugin

        parser.add_plugin(DateParserPlugin(free=False))
    return parser


def _tidy(text: str) -> tuple[str, str | None]:
    """Repair what the parser would choke on; return (query, note) where note says what changed."""
    original = text
    text = text.replace("“", '"').replace("”", '"')
    notes = []
    if text.count('"') % 2:
        text = text + '"'
        notes.append("closed an unbalanced quote")
    if text.count("(") != text.count(")"):
        text = text.replace("(", " ").replace(")", " ")
        notes.append("ignored unbalanced brackets")
    # Field names in any case (Title:, PUBLISHED:); other words before a colon stay as typed.
    text = re.sub(r"(?<![\w:])([A-Za-z]+)(?=:)",
                  lambda m: m[1].lower() if m[1].lower() in FIELD_NAMES else m[1], text)
    stripped = re.sub(r"(?<!\S)\w+:(?=\s|$)", " ", text)  # `title:` with nothing after it
    if stripped != text:
        text = stripped
        notes.append("ignored a field name with no value")
    # `-word` excludes and `+word` requires; a hyphen inside a word (cease-fire) is part of it.
    text = re.sub(r"(^|\s)-(?=[\w\"(])", r"\1NOT ", text)
    text = re.sub(r"(^|\s)\+(?=[\w\"(])", r"\1", text)
    words = text.split()
    while words and words[0] in ("AND", "OR"):
        words.pop(0)
        notes.append("ignored a leading operator")
    while words and words[-1] in ("AND", "OR", "NOT"):
        words.pop()
        notes.append("ignored a trailing operator")
    text = " ".join(words)
    return text, ("; ".join(notes) if notes else None) if text != original.strip() or notes else None


def _fuzz(q: wq.Query) -> wq.Query:
    """`word~` allows two edits for long words (one for short), after a one-letter prefix."""
    if isinstance(q, wq.FuzzyTerm) and q.maxdist == 1:
        text = as_text(q.text)
        return wq.FuzzyTerm(q.fieldname, q.text, boost=q.boost, maxdist=2 if len(text) >= 7 else 1,
                            prefixlength=1)
    return q.apply(_fuzz) if q.is_leaf() is False else q


def open_searcher(ix: WhooshIndex) -> Any:
    """A searcher ranked by BM25F: keep it for many queries, reopen it when the index changes."""
    return ix.searcher(weighting=scoring.BM25F(title_B=0.5))


MAX_EXPANSIONS = 200
_LEXICONS: weakref.WeakKeyDictionary[Any, dict[str, list[str]]] = weakref.WeakKeyDictionary()


def lexicon(searcher: Any, fieldname: str) -> list[str]:
    """The field's sorted vocabulary, read once per searcher (~50 ms for 20,000 articles).

    Fuzzy and prefix terms are matched against it in memory: Whoosh's own walk of the on-disk
    term table costs ~30 ms per fuzzy word at that size.
    """
    cache = _LEXICONS.setdefault(searcher, {})
    if fieldname not in cache:
        words = searcher.reader().lexicon(fieldname)
        cache[fieldname] = [as_text(w) for w in words]
    return cache[fieldname]


def _fuzzy_words(dfa: Any, words: list[str]) -> Iterator[str]:
    """Words of a sorted vocabulary the automaton accepts (Whoosh's find_matches, over a list)."""
    match = dfa.next_valid_string(words[0]) if words else None
    while match:
        i = bisect.bisect_left(words, match)
        if i == len(words):
            return
        word = words[i]
        if word == match:
            yield word
            word += "\0"
        match = dfa.next_valid_string(word)


def _words(q: wq.MultiTerm, searcher: Any) -> Iterator[str]:
    text = as_text(q.text)
    if isinstance(q, wq.FuzzyTerm):
        dfa = Automata.levenshtein_dfa(text, q.maxdist, q.prefixlength)
        yield from _fuzzy_words(dfa, lexicon(searcher, q.fieldname))
    elif type(q) is wq.Prefix:
        words = lexicon(searcher, q.fieldname)
        for i in range(bisect.bisect_left(words, text), len(words)):
            if not words[i].startswith(text):
                return
            yield words[i]
    else:  # wildcards and the rest: Whoosh's own expansion
        for word in q._btexts(searcher.reader()):  # noqa: SLF001 - the expansion Whoosh itself uses
            yield as_text(word)


def pairs(q: wq.Query) -> wq.Query:
    """Answer exact phrases from the word-pair fields.

    Whoosh checks a phrase by comparing word positions in every document holding all its words
    (~30 ms for a common pair at 20,000 articles). A two-word phrase is one pair term; a longer
    one requires all its pairs first, so positions are compared only where they all occur.
    """
    if isinstance(q, wq.Phrase):
        words = [as_text(w) for w in q.words]
        if q.fieldname not in PAIR_FIELDS or q.slop != 1 or len(words) < 2:
            return q
        terms = [wq.Term(PAIR_FIELDS[q.fieldname], f"{a}{PAIR_JOIN}{b}", boost=q.boost)
                 for a, b in zip(words, words[1:])]
        return terms[0] if len(terms) == 1 else wq.And([*terms, q])
    if q.is_leaf():
        return q
    return q.apply(pairs)


def expand(q: wq.Query, searcher: Any) -> wq.Query:
    """Replace fuzzy, prefix and wildcard terms by the dictionary words they match, once.

    Whoosh would otherwise walk the term dictionary again for scoring, counting and highlighting
    (and its own `simplify` fails on this version). At most MAX_EXPANSIONS words per pattern.
    """
    if isinstance(q, wq.MultiTerm):
        words = list(itertools.islice(_words(q, searcher), MAX_EXPANSIONS))
        if not words:
            return wq.NullQuery
        return wq.Or([wq.Term(q.fieldname, w, boost=q.boost) for w in words])
    if q.is_leaf():
        return q
    return q.apply(lambda child: expand(child, searcher))


def parse(ix: Any, text: str) -> tuple[wq.Query | None, str | None]:
    """Return (query, note); query is None when nothing searchable remains."""
    tidy, note = _tidy(text)
    if not tidy.strip():
        return None, note or "empty query"
    parser = _parser(ix.schema, dates=bool(DATE_FIELD.search(tidy)))
    try:
        q = parser.parse(tidy)
    except Exception:  # noqa: BLE001 - Whoosh's parser raises many types; fall back to plain words
        q, note = plain(ix, tidy), "read the query as plain words"
    if q is None or q is wq.NullQuery or isinstance(q, wq.NullQuery.__class__):
        return None, note or "nothing to search for"
    return _fuzz(q), note


def plain(ix: Any, text: str) -> wq.Query | None:
    """The query's words alone, lower-cased so none of them is an operator."""
    words = [w.lower() for w in re.findall(r"\w+", text)]
    if not words:
        return None
    return qparser.MultifieldParser(list(FIELDS), ix.schema, group=qparser.AndGroup).parse(" ".join(words))


def search(searcher: Any, text: str, limit: int = 20, filters: dict[str, str] | None = None,
           facets: bool = True, within: frozenset[str] | None = None) -> Results:
    """Run a query; hits carry snippets with highlight spans, plus facets and a suggestion.

    `filters`: outlet and entity keys the hits must have. `within`: the source paths the hits
    must be among (None: any). A query Whoosh cannot run is retried as its plain words, and else
    answered with a message.
    """
    if within is not None and not within:
        return Results(query=text, total=0, hits=())
    try:
        return _search(searcher, text, limit, filters, facets=facets, within=within)
    except Exception as exc:  # noqa: BLE001 - a query must never crash the caller
        try:
            return _search(searcher, " ".join(w.lower() for w in re.findall(r"\w+", text)), limit, filters,
                           note="read the query as plain words", facets=facets, within=within)
        except Exception:  # noqa: BLE001
            return Results(query=text, total=0, hits=(), message=f"could not run this query ({type(exc).__name__})")


def _search(searcher: Any, text: str, limit: int, filters: dict[str, str] | None,
            note: str | None = None, facets: bool = True, within: frozenset[str] | None = None
            ) -> Results:
    if not text.strip() and (filters or within is not None):
        q = wq.Every()  # no words: list what the filters let through
    else:
        q, parse_note = parse(searcher, text)
        note = note or parse_note
    if q is None:
        return Results(query=text, total=0, hits=(), message=note)
    parsed = q = expand(q, searcher)
    q = pairs(q)
    if filters:
        terms = [wq.Term("outlet_key", v) if k == "outlet" else wq.Term("entity_key", v)
                 for k, v in filters.items() if v]
        if terms:
            q = wq.And([q, *terms])
    # Facets make Whoosh score every match; without them it can skip to the top `limit`.
    groups = {"outlet": sorting.FieldFacet("outlet_key", maptype=sorting.Count),
              "entity": sorting.FieldFacet("entity_key", allow_overlap=True, maptype=sorting.Count)
              } if facets else None
    allow = wq.Or([wq.Term("path", p) for p in sorted(within)]) if within is not None else None
    results = _collect(searcher, q, limit, groups, allow)
    marks = highlight.query_marks(parsed, searcher, FIELDS)
    hits = tuple(_hit(searcher, r, marks) for r in results[:limit])
    total = len(results)
    facet_counts = {name: _top(results.groups(name)) for name in groups} if groups else {}
    suggestion = _suggest(searcher, parsed, text) if total == 0 else None
    return Results(query=text, total=total, hits=hits, suggestion=suggestion, facets=facet_counts,
                   message=note)


def _collect(searcher: Any, q: wq.Query, limit: int, groups: dict[str, Any] | None,
             allow: wq.Query | None = None) -> Any:
    """Score every match in one pass and keep the top `limit`, with exact totals (and facets).

    Whoosh's default for a top N, once its heap is full, swaps in matchers that leave out the
    documents it judges unable to reach the lowest score kept, then counts the matches in a
    second pass. It misjudges an AND of per-field ORs and an AND NOT: on Reuters, `bank rates`
    lost its second-best hit and `oil AND NOT opec` reported 1,293 of its 1,312 matches
    (tests/core/test_ranking.py shows it on generated articles). One pass over every match is
    exact, and faster than the shortcut plus the count.
    """
    top = collectors.TopCollector(limit, usequality=False, replace=0)
    collector = collectors.FacetCollector(top, groups) if groups else top
    if allow is not None:
        collector = collectors.FilterCollector(collector, allow=allow)
    searcher.search_with_collector(q, collector)
    return collector.results()


def _top(groups: dict[Any, int], n: int = 20) -> dict[str, int]:
    items = [(k, v) for k, v in groups.items() if k]
    items.sort(key=lambda kv: (-kv[1], str(kv[0])))
    return {str(k): v for k, v in items[:n]}


def _hit(searcher: Any, r: Any, marks: highlight.Marks) -> Hit:
    fields = r.fields()
    body = fields.get("body", "")
    spans = highlight.body_spans(searcher, r.docnum, marks, body)
    snippet, highlights = highlight.make_snippet(body, spans)
    published = fields.get("published")
    return Hit(id=fields["id"], title=fields.get("title", ""), outlet=fields.get("outlet") or None,
               published=published.date().isoformat() if published else None, score=r.score or 0.0,
               snippet=snippet, highlights=tuple(highlights), body_highlights=tuple(spans))


def _suggest(searcher: Any, q: wq.Query, text: str) -> str | None:
    """A corrected query for words the library does not have (None: nothing to suggest).

    A word searched in title, body and byline is corrected only if none has it: a word of the
    body that no headline uses ("talks") is not a typo, nor a reporter's name.
    """
    reader = searcher.reader()
    unknown = [(t.fieldname, t.text) for t in q.all_tokens()
               if not any((f, t.text) in reader for f in (FIELDS if t.fieldname in FIELDS else (t.fieldname,)))]
    if not unknown:
        return None
    try:
        corrected = searcher.correct_query(q, text, terms=unknown, prefix=1, maxdist=2)
    except Exception:  # noqa: BLE001 - a suggestion is optional; never fail the search for it
        return None
    if corrected.query != q and corrected.string and corrected.string != text:
        return corrected.string
    return None


def more_like(searcher: Any, article_id: str, limit: int = 10) -> list[Hit]:
    """Articles most like the given one, by its key terms."""
    docnum = searcher.document_number(id=article_id)
    if docnum is None:
        return []
    results = searcher.more_like(docnum, "body", top=limit, numterms=25)
    return [_hit(searcher, r, highlight.Marks(frozenset(), ())) for r in results[:limit]]
