"""The reasons shown for removed pieces (`r`, `show --removed`)."""

from __future__ import annotations

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
