"""The index's fields: what Whoosh stores and analyses for each article (a Schema), and the
document an Article becomes. In: an Article. Out: the fields, by name."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from whoosh.fields import DATETIME, ID, KEYWORD, TEXT, Schema

from reader.core.models import Article
from reader.core.search.analysis import (
    BodyAnalyzer,
    BodyCharacters,
    BodyPositions,
    PairAnalyzer,
    author_analyzer,
    name_analyzer,
    spelling_words,
)

NAME_KINDS = frozenset({"person", "org", "place", "group"})
SEPARATOR = " entitysep "  # keeps a phrase from running across two names
MAX_INDEXED_CHARS = 2_000_000  # search reads the first 2 million characters of a huge article
MAX_GIVEN_WORDS = 100_000  # spelling words a writer remembers having given (see SpelledText)


class SpelledText(TEXT):
    """A text field of body_analyzer() words (BodyAnalyzer, BodyPositions) that also keeps its
    unstemmed words, for spelling suggestions.

    Whoosh adds every document's spelling words to the writer's pool, all as postings of
    document 0 (a quarter of the pool for BBC's 2,225 articles), and analyses each text a
    second time to find them. Here the words come from the analyses already made
    (reader.core.search.analysis.spelling_words), and a writer that counts them (see
    reader.core.search.index_writer) passes each word on once (once per MAX_GIVEN_WORDS new words, a
    bound on memory; a word given twice is harmless): the suggestions read only which words
    there are.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(analyzer=BodyAnalyzer(), **kwargs)
        self.format = BodyPositions(field_boost=self.format.field_boost)

    def spellable_words(self, value: str) -> Iterator[str]:
        words = spelling_words(value)
        given = self.__dict__.get("given")
        if given is None:
            return iter(words)
        if len(given) > MAX_GIVEN_WORDS:  # a bound on memory: past it, words are given again
            given.clear()
        new = [w for w in words if w not in given]
        given.update(new)
        return iter(new)

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state.pop("given", None)  # a writer's, never saved with the schema
        return state


def make_schema() -> Schema:
    return Schema(
        id=ID(stored=True, unique=True),
        path=ID(stored=True, unique=True),
        title=SpelledText(stored=True, field_boost=2.0, spelling=True),
        body=SpelledText(stored=True, vector=BodyCharacters(), spelling=True),
        # Word pairs answer two-word phrases with one term (see search.py); no positions needed.
        title_pairs=TEXT(analyzer=PairAnalyzer(), phrase=False, field_boost=2.0),
        body_pairs=TEXT(analyzer=PairAnalyzer(), phrase=False),
        outlet=TEXT(analyzer=name_analyzer(), stored=True),
        outlet_key=ID(stored=False),
        author=TEXT(analyzer=author_analyzer(), stored=True),
        agency=TEXT(analyzer=name_analyzer()),
        entity=TEXT(analyzer=name_analyzer()),
        entity_key=KEYWORD(commas=True, stored=True),
        published=DATETIME(stored=True, sortable=True),
        hash=ID(stored=True),
    )


def to_document(article: Article) -> dict[str, object]:
    """The fields Whoosh indexes for one article."""
    names = sorted({m.name for m in article.entities if m.label in NAME_KINDS})
    doc: dict[str, object] = {
        "id": article.id, "path": article.path, "title": article.title,
        "body": article.body[:MAX_INDEXED_CHARS],
        "title_pairs": article.title, "body_pairs": article.body[:MAX_INDEXED_CHARS],
        "outlet": article.outlet or "", "outlet_key": article.outlet or "",
        "author": "; ".join(article.authors), "agency": "; ".join(article.agencies),
        "entity": SEPARATOR.join(names), "entity_key": ",".join(n.replace(",", " ") for n in names),
        "hash": article.content_hash,
    }
    if article.published:
        try:
            stamp = datetime.fromisoformat(article.published)
            doc["published"] = stamp.replace(tzinfo=None)
        except ValueError:
            pass
    return doc
