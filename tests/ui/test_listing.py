"""The library list's order and story groups (reader/ui/listing.py), on plain rows."""

from reader.core.library import Summary
from reader.ui.listing import empty_message, sort_rows, story_groups


def row(id: str, title: str, outlet: str | None, published: str | None) -> Summary:
    return Summary(id=id, title=title, outlet=outlet, published=published, word_count=100, path=f"/{id}.txt")


ROWS = [row("a", "Ceasefire talks", "Reuters", "2025-03-18"), row("b", "aid convoy", None, "2025-05-19"),
        row("c", "Blackout in Kyiv", "BBC", None)]


def test_rows_sort_newest_first_by_outlet_with_none_last_or_by_title_ignoring_case():
    assert [r.id for r in sort_rows(ROWS, "date")] == ["b", "a", "c"]
    assert [r.id for r in sort_rows(ROWS, "outlet")] == ["c", "a", "b"]
    assert [r.id for r in sort_rows(ROWS, "title")] == ["b", "c", "a"]


def test_story_groups_put_larger_stories_first_and_leave_out_articles_filtered_away():
    rows = {r.id: r for r in ROWS}
    stories = [("Kyiv", ("c",)), ("Talks", ("b", "a")), ("Gone", ("x",))]
    groups = story_groups(stories, rows, allowed={"a", "b", "c"})
    assert [(title, [r.id for r in members]) for title, members in groups] == [
        ("Talks", ["a", "b"]), ("Kyiv", ["c"])]
    assert [t for t, _ in story_groups(stories, rows, allowed={"c"})] == ["Kyiv"]


def test_the_empty_preview_says_why_it_is_empty():
    assert empty_message(True, True, True) == "No articles match."
    assert empty_message(False, True, False).startswith("Reading your articles")
    assert empty_message(False, False, True) == "Choose an article of a story."
    assert "reader add" in empty_message(False, False, False)
