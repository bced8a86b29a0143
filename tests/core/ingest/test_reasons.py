"""The reasons shown for removed pieces (`r`, `show --removed`)."""

from __future__ import annotations

import re

from reader.core.ingest import reasons
from reader.core.ingest.source import parse_source


def reason_for(text: str, before: int = 3) -> str:
    """The reason given to `text` removed from the page header, above a short story."""
    page = "\n\n".join([text] + [f"Paragraph {n} of the story, long enough to read as prose." for n in range(before)])
    blocks = parse_source(page, "text").blocks
    return reasons.explain(blocks, 0, 0.1, 1, len(blocks) - 1)


def test_a_promo_addressing_the_reader_is_named_a_promo():
    assert reason_for("Sign up for our morning newsletter") == "newsletter or subscription promo"
    assert reason_for("Subscribe to the Tidewater Review YouTube channel for all of the latest videos, "
                      "reviews and more!") == "newsletter or subscription promo"
    assert reason_for("Support independent journalism: donate to the Tidewater Review.") == "appeal for support"


def test_a_reported_sentence_is_not_named_by_the_words_it_reports():
    """A crawler's description or a related story's summary reports news that contains the cue
    words: the reason comes from where the block is, not from the words."""
    for text in ("Washington is warning other nations they will be excluded from a coalition if they "
                 "also sign up for Beijing's competing framework.",
                 "The streaming service is launching an ad campaign that highlights films that are not "
                 "on its rival's catalogue."):
        reason = reason_for(text)
        assert reason not in ("newsletter or subscription promo", "advertisement")
        assert reason.startswith("page header before the article")


def _printed_twice_in_full(text: str) -> bool:
    """printed_twice without its shortcut: the word list compared at every cut."""
    words = re.findall(r"\w+", text.lower())
    n = len(words)
    return any(words[cut:2 * cut] == words[:cut] and n - 2 * cut <= reasons.TWICE_GLUE
               for cut in range(max(8, n // 2 - 2), n // 2 + 1))


def test_the_shortcuts_before_the_caption_and_notice_patterns_change_no_answer():
    """never_story looks for a notice's words, and for a repeated first word, before running the
    patterns: on texts built to slip past those looks the answers stay the pattern's own."""
    caption = "Police stand outside the station in Rambouillet, where the attack took place"
    texts = [
        "COPYRİGHT 2019 Reuters", "copyrıght 2019 Reuters", "Copyriſt 2019", "Copyright ſ 2019",
        "ALL RIGHTS RESERVED", "All rights reserved.", "© Amazon", "Copyright (c) The Times",
        "A long paragraph about copyright law that names no year and holds no sign. " * 3,
        "Officials in Kyiv said on Monday that the talks would resume next week in Geneva.",
        f"{caption} {caption}", f"{caption}. {caption}. #shop", f"{caption}! — {caption} (AP)",
        f"“{caption}” {caption.upper()}", f"{'x' * 60} {caption} {'x' * 60} {caption}",
        f"{caption} and then something else entirely, with other words after it",
        f"İstanbul {caption} İstanbul {caption}",
    ]
    for text in texts:
        short = len(text) <= reasons.RIGHTS_NOTICE
        assert reasons._rights_notice(text) == bool(short and reasons._RIGHTS.search(text)), text
        assert reasons.printed_twice(text) == _printed_twice_in_full(text), text
    assert reasons.printed_twice(f"{caption} {caption}")  # the comparison is not vacuous
    assert reasons._rights_notice("COPYRİGHT 2019 Reuters")


def test_the_runs_of_short_lines_counted_in_one_pass_are_those_counted_block_by_block():
    """short_runs() spares a page of thousands of menu lines a walk from each of them; the reason
    each removed block gets ("navigation: run of short link lines") must not change."""
    import random

    rng = random.Random(3)
    kinds = ("Menu", "a line of prose long enough to hold more than eight words in it.",
             "[a link whose words run on well past eight words of text](https://example.com/a)")
    for _ in range(200):
        lines = [rng.choice(kinds) for _ in range(rng.randint(1, 30))]
        blocks = parse_source("\n\n".join(lines), rng.choice(("text", "markdown"))).blocks
        runs = reasons.short_runs(blocks)
        assert runs == [_run_walked(blocks, i) for i in range(len(blocks))]
        assert [reasons.explain(blocks, i, 0.1, 2, len(blocks) - 2, runs) for i in range(len(blocks))] == [
            reasons.explain(blocks, i, 0.1, 2, len(blocks) - 2) for i in range(len(blocks))]


def _run_walked(blocks, i: int) -> int:
    """short_runs() of one block the slow way: walk left and right from it while blocks are short."""
    lo = i
    while lo > 0 and reasons._short(blocks[lo - 1]):
        lo -= 1
    hi = i
    while hi + 1 < len(blocks) and reasons._short(blocks[hi + 1]):
        hi += 1
    return hi - lo + 1


def test_a_credit_is_a_whole_word_not_the_end_of_topic():
    """"Topic: Hardware" closing a byline row, or a paragraph ending in "Topics:", is no picture
    credit ("pic: ..."); "Photo: Jane Doe" and "Picture: Getty" are."""
    assert not reasons.never_story("By Jason Cipriani | November 18, 2019 -- 19:14 GMT | Topic: Hardware")
    assert not reasons.never_story("Be sure to check out the price guide for the latest deals. Topics:")
    assert reasons.never_story("A man walks through the flooded street on Monday. Photo: Jane Doe")
    assert reasons.never_story("Officials inspect the damage at the port. Picture: Getty")
