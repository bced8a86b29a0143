"""The catalogue's per-file records: label votes (each file counts once, as it is now) and story docs."""

from __future__ import annotations

import pytest

from reader.core.library.catalogue import Catalogue


def test_a_file_counts_once_and_goes_when_it_goes(tmp_path):
    cat = Catalogue(tmp_path / "catalogue.sqlite")
    try:
        votes, _ = cat.add_votes({"a.txt": {("reading", "person"): 5}, "b.txt": {("reading", "org"): 2}})
        assert votes == {"reading": "person"}
        # a.txt changed: its new count replaces its old one (added up, person 6 would outvote org 2).
        votes, _ = cat.add_votes({"a.txt": {("reading", "person"): 1}})
        assert votes == {"reading": "org"}
        # a.txt removed: its count goes with it.
        cat.write([], deleted=["a.txt"])
        assert cat.db.execute("SELECT COUNT(*) FROM votes WHERE path = 'a.txt'").fetchone() == (0,)
        votes, surnames = cat.add_votes({"c.txt": {("reading", "person"): 3, ("rubio", "surname"): 1}})
        assert votes == {"reading": "person"}
        assert surnames == frozenset({"rubio"})
    finally:
        cat.close()


def _article(name: str, body: str, published: str | None = "2025-03-18"):
    from reader.core.models import Article, Mention

    return Article(id=name, path=f"/{name}.txt", format="text", encoding="utf-8", title=f"{name} title",
                   standfirst=None, authors=(), outlet=None, published=published, agencies=(), body=body,
                   removed=(), entities=(Mention("Kyiv", "place", "Kyiv", 0, 4),))


@pytest.mark.parametrize("one_by_one", [50, 0])  # missing articles read by path, or in one pass
def test_story_docs_are_made_once_kept_and_remade_when_their_article_changes(tmp_path, monkeypatch, one_by_one):
    from reader.core.library import catalogue
    from reader.core.relate import stories

    monkeypatch.setattr(catalogue, "ONE_BY_ONE", one_by_one)
    cat = Catalogue(tmp_path / "catalogue.sqlite")
    try:
        a, b = _article("a", "Kyiv talks resume on Tuesday."), _article("b", "Markets rallied in Tokyo.")
        cat.write([(a, 1, 1), (b, 1, 1)])
        assert cat.story_docs() == [stories.story_doc(a), stories.story_doc(b)]
        made = []
        real = stories.story_doc
        monkeypatch.setattr(stories, "story_doc", lambda article: made.append(article.id) or real(article))
        # Read back as kept: the same docs, none made again.
        assert cat.story_docs() == [real(a), real(b)] and made == []
        # An article written again (new text, another date) is made again; the other is kept.
        a2 = _article("a", "Kyiv talks collapse on Wednesday.", published="2025-03-19")
        cat.write([(a2, 2, 2)])
        assert cat.story_docs() == [real(a2), real(b)] and made == ["a"]
        # A doc kept for another text of the file (made by another process as it was rewritten).
        cat.db.execute("UPDATE articles SET hash = 'rewritten' WHERE path = '/b.txt'")
        assert cat.story_docs() == [real(a2), real(b)] and made == ["a", "b"]
        # A removed article's doc goes with it.
        cat.write([], deleted=["/b.txt"])
        assert cat.story_docs() == [real(a2)]
        assert cat.db.execute("SELECT COUNT(*) FROM story_docs").fetchone() == (1,)
        # What story_doc() makes changed (a new DOC_VERSION): every kept doc is made again.
        monkeypatch.setattr(stories, "DOC_VERSION", stories.DOC_VERSION + "-next")
        assert cat.story_docs() == [real(a2)] and made == ["a", "b", "a"]
    finally:
        cat.close()
