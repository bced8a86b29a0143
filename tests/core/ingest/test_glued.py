"""Chrome a scraper glued to the front of a story's first paragraph."""

from __future__ import annotations

import pytest

from reader.core.ingest.clean import clean
from reader.core.ingest.glued import story_start
from reader.core.models import RawDocument

STORY = ("Farmers across the region began the harvest a week early this year, after a dry spring "
         "and a hot June left the wheat ready before the combines were booked, growers said on Monday.")


@pytest.mark.parametrize("chrome", [
    "Share Save Add as preferred on Google Maria Jansen Business correspondent, BBC News Getty Images",
    "Tom Okafor Rural affairs editor Tue 8 Jul 2025 06.00 BST Last modified on Tue 8 Jul 2025 09.12 BST "
    "Share Prefer the Guardian on Google",
    "View comments Mon, July 7, 2025 at 6:00 AM UTC 3 min read Add Yahoo as a preferred source to see more "
    "of our stories on Google.",
])
def test_the_story_starts_after_the_chrome_glued_before_it(chrome):
    assert story_start(f"{chrome} {STORY}") == len(chrome) + 1


@pytest.mark.parametrize("text", [
    STORY,
    # The story's own words: a correspondent it quotes, a wire dateline, a date it mentions.
    "BBC political correspondent Shaun Ley says opinion polls suggest the party has lost ground in the "
    "north since the spring, and that its leader will now campaign there every week until the vote.",
    "WASHINGTON, March 4, 2025 (Reuters) - The U.S. Senate voted on Tuesday to extend the program for "
    "another year, sending the bill to the president, who is expected to sign it this week.",
    "The rules have been flouted since 11 September, 2001, the report said. Share prices fell sharply "
    "after it was published on Monday, and the minister said he would answer questions in parliament.",
])
def test_a_paragraph_without_glued_chrome_is_left_whole(text):
    assert story_start(text) == 0


def test_clean_cuts_the_glued_chrome_off_and_says_why():
    chrome = "Share Save Add as preferred on Google Maria Jansen Business correspondent, BBC News Getty Images"
    second = ("Prices for bread are not expected to change, the millers' association said, because "
              "stocks from last year's crop remain high.")
    text = (f"Skip to content\nHome News Sport Business\n\nHarvest starts a week early\n\n{chrome} {STORY}\n\n"
            f"{second}\n\nMore on this story\nCopyright 2025 BBC. All rights reserved.\n")
    article = clean(RawDocument(path="harvest.txt", text=text, format="text", encoding="utf-8"))
    assert article.body.split("\n\n")[0] == STORY
    assert any(r.text == chrome and "glued" in r.reason for r in article.removed)
