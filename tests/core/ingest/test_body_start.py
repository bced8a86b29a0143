"""Where the body starts, which is where the headline, byline and date are looked for."""

from __future__ import annotations

from reader.core.ingest.metadata import body_start
from reader.core.ingest.source import parse_source


def _blocks(lines: list[str]):
    return parse_source("\n\n".join(lines), "text").blocks


def test_a_lone_kept_block_high_above_the_story_is_not_its_start():
    lines = ["Teaser that reads like a sentence of some other story, kept by mistake.",
             *[f"Menu item {n}" for n in range(8)], "Headline", "First paragraph.", "Second.", "Third."]
    keep = [True] + [False] * 9 + [True, True, True]
    assert body_start(_blocks(lines), keep) == 10


def test_a_story_whose_table_keeps_one_cell_in_five_starts_at_its_first_paragraph():
    cells = [c for n in range(4) for c in ("DL", f"Player {n}", "57", "77%", "1 tackle, 1 sack.")]
    lines = ["Menu", "Intro paragraph about the game's defensive snap counts.", *cells, "Last paragraph."]
    keep = [False, True] + [c.endswith(".") for c in cells] + [True]
    assert body_start(_blocks(lines), keep) == 1


def test_with_no_block_followed_by_another_the_first_kept_block_is_the_start():
    lines = ["Menu", "Only paragraph.", "Footer", "More footer", "Even more", "And more", "Last", "End"]
    keep = [False, True, False, False, False, False, False, False]
    assert body_start(_blocks(lines), keep) == 1


def test_a_teasers_headline_kept_among_the_links_above_the_story_is_not_its_start():
    """A short line with no sentence stop that the model kept, with removed links after it, is a
    teaser of another story (under "Top Stories:"); a headline the story follows stays the start."""
    lines = ["Top Stories:", "Bipartisan pension proposal", "A plus-size model's fears", "Takeaways from the primaries",
             "Port strike enters a second day", "Dock workers stayed off the job on Tuesday.", "Second.", "Third."]
    keep = [False, False, True, False, False, True, True, True]
    assert body_start(_blocks(lines), keep) == 5
    keep[4] = True  # the headline kept just above the lead
    assert body_start(_blocks(lines), keep) == 4
