"""The story-shape rules on blocks the boilerplate model has already judged (keep flags given)."""

from reader.core.ingest import story_shape
from reader.core.ingest.block_features import tokens
from reader.core.ingest.blocks import Block

LEAD = ("ROTTERDAM, March 4 (Reuters) - Dock workers at the eastern grain terminal stayed off the job for "
        "a second day on Tuesday, the port authority said in a statement.")
PARAGRAPH = ("The union said talks with the port authority would resume on Friday, and that its members "
             "would stay off the job until a new offer on wages was made.")


def blocks(*texts: str) -> list[Block]:
    return [Block(text=t, raw=t, line=n, end=n) for n, t in enumerate(texts)]


def test_a_market_tickers_figures_do_not_count_as_words_above_the_dateline():
    ticker = ("Markets closed S&P/TSX 34,850.21 +114.12 +0.33% S&P/TSX Capped Financial Index 754.59 +2.61 "
              "+0.35% CAD/USD 0.7046 +0.0019 +0.27% Bitcoin CAD 84,623.23 -1,630.98 -1.89% CRUDE OIL 71.47 "
              "+1.13 +1.61% Gold 3,310.20 +12.40 +0.38% Silver 36.12 -0.21 -0.58%")
    page = blocks(ticker, LEAD, PARAGRAPH, PARAGRAPH)
    keep = [True] * 4
    # By whitespace the ticker holds more than a quarter of the kept words; by words, far less.
    assert len(ticker.split()) > story_shape.DATELINE_SHARE * sum(len(b.text.split()) for b in page)
    assert story_shape.drop_before_dateline(page, keep) == {0}
    assert keep == [False, True, True, True]


def test_a_dateline_below_most_of_the_story_does_not_cut_it():
    page = blocks(PARAGRAPH, PARAGRAPH, PARAGRAPH, LEAD)
    keep = [True] * 4
    assert story_shape.drop_before_dateline(page, keep) == set()
    assert keep == [True] * 4


APPEAL = ("Before you close this tab, please consider a contribution: independent journalism depends on "
          "readers, and every gift funds reporting that holds power to account.",
          "Our only obligation is to readers, never to billionaire owners or advertisers, so whatever you can "
          "spare makes a difference this year and next. Regular monthly gifts sustain investigations.")


def test_a_last_part_on_another_subject_goes_only_after_a_block_left_out():
    page = blocks(LEAD, PARAGRAPH, PARAGRAPH, PARAGRAPH, "Support us", *APPEAL)
    keep = [True, True, True, True, False, True, True]
    assert story_shape.drop_unrelated_tail(page, keep, {}) == {5, 6}
    # Straight after the story, with nothing left out between, it is not parted from it.
    joined = blocks(LEAD, PARAGRAPH, PARAGRAPH, PARAGRAPH, *APPEAL)
    keep = [True] * 6
    assert story_shape.drop_unrelated_tail(joined, keep, {}) == set()


def test_a_last_part_that_speaks_of_the_story_stays():
    page = blocks(LEAD, PARAGRAPH, PARAGRAPH, "What the union wants", PARAGRAPH, LEAD)
    keep = [True, True, True, False, True, True]
    assert story_shape.drop_unrelated_tail(page, keep, {}) == set()


def test_a_digest_of_briefs_on_many_subjects_keeps_its_last_items():
    briefs = ("BEIRUT - Rescue workers planned to evacuate wounded from refugee settlements, Palestinian "
              "sources said.",
              "TOKYO - Japan's ruling party outlined a package of economic measures under mounting "
              "protectionist pressure from abroad.",
              "MANILA - Communist rebels said they had destroyed a vital military communications station "
              "in the northern provinces.",
              "BELGRADE - Over 2,000 Yugoslav firms with almost 600,000 workers are heading for bankruptcy, "
              "a trade union chief said.",
              "NEW DELHI - Hindus staged their biggest-ever rally in Delhi to press their claim for control "
              "of a disputed shrine.",
              "BRUNSWICK - A former chief of foreign exchange at Volkswagen has been arrested over a scandal "
              "costing the carmaker millions.",
              "ZEEBRUGGE - A stricken car ferry, in which up to 140 bodies could still be trapped, rose "
              "slowly from the North Sea.",
              "BUENOS AIRES - Pope John Paul, starting a tour of Argentina, told politicians they should "
              "always defend human rights.",
              "FREETOWN - Sierra Leone's former vice-president, sacked after a failed coup, has been detained "
              "on suspicion of plotting.")
    page = blocks(*[text for brief in briefs for text in (brief, "- - - -")][:-1])
    keep = [not b.text.startswith("-") for b in page]
    # Each brief is as foreign to the others as the last ones are: no part of it is another text.
    assert story_shape.drop_unrelated_tail(page, keep, {}) == set()


def test_a_thread_of_readers_comments_after_the_story_is_removed():
    page = blocks(LEAD, PARAGRAPH, "Comments", "1. harbourfan says:", "November 19, 2019 at 8:53 am",
                  "They should have settled this months ago, the whole town depends on that port.",
                  "Jo on November 19, 2019 at 9:47 am said:", "Agreed, and the ferries are late again.")
    keep = [True, True, False, True, True, True, True, True]
    reasons, thread = story_shape.remove(page, keep, None)
    assert thread == 3
    assert reasons == dict.fromkeys({3, 4, 5, 6, 7}, story_shape.REASONS["comments"])
    assert keep == [True, True, False, False, False, False, False, False]
    assert story_shape.REASONS["comments"].startswith("readers' comments")


def test_comments_kept_apart_from_the_story_are_comments_not_an_island():
    """A thread whose last comment alone was kept, four blocks below the story, is still the
    thread: the comments rule goes before the island rule."""
    page = blocks(LEAD, PARAGRAPH, "1. harbourfan says:", "November 19, 2019 at 8:53 am",
                  "They should have settled this months ago, the whole town depends on that port.",
                  "2. quaysider says:", "November 19, 2019 at 9:47 am",
                  "Agreed, and the ferries are late again this week because of it.")
    keep = [True, True, False, False, False, False, True, True]
    reasons, thread = story_shape.remove(page, keep, None)
    assert thread == 2
    assert reasons == dict.fromkeys({6, 7}, story_shape.REASONS["comments"])
    assert keep == [True, True, False, False, False, False, False, False]


def test_a_live_blogs_timed_entries_and_a_box_of_comments_above_the_story_are_not_a_thread_after_it():
    live = blocks(LEAD, PARAGRAPH, "10:32 The harbour master said:", PARAGRAPH, "10:45 The union's spokeswoman said:",
                  PARAGRAPH)
    keep = [True] * 6
    assert story_shape.comment_thread(live, keep) is None
    assert story_shape.remove(live, keep, None) == ({}, None)
    boxed = blocks("Harbour strike halts grain shipments", "Latest comments", "Jo says:", "November 19, 2019 at 8:53 am",
                   "Sam says:", "November 19, 2019 at 9:47 am", LEAD, PARAGRAPH)
    keep = [True, False, False, False, False, False, True, True]
    assert story_shape.comment_thread(boxed, keep) is None


def test_a_feed_stamped_hours_ago_after_the_story_is_removed():
    """Comments with no "says:" (a name, "2 days ago at 07:52 am", the text, its votes) and a
    list of latest headlines, each item stamped: the kept items between the stamps go."""
    page = blocks(LEAD, PARAGRAPH, "Top Rated Comments", "Woyzeck", "2 days ago at 07:52 am",
                  "It's good to see the port working again.", "Rating: 36 Votes", "Nick A",
                  "2 days ago at 07:47 am", "The ferries will be late all winter, mark my words.",
                  "Rating: 25 Votes", "fmcshan", "3 hours ago", "Not again.")
    keep = [True, True, False, False, False, True, False, False, False, True, False, False, False, True]
    reasons, thread = story_shape.remove(page, keep, None)
    assert thread is None
    assert {i for i, r in reasons.items() if r == story_shape.REASONS["feed"]} == {5, 9}
    assert keep[:2] == [True, True] and not any(keep[2:13])
    latest = blocks(LEAD, PARAGRAPH, "Grain prices climb as strike drags on", "32M ago",
                    "Ferry services cut on the northern route", "1H ago", "Port of Antwerp braces for diverted ships",
                    "2H ago")
    keep = [True, True, True, False, True, False, True, False]
    assert story_shape.stamped_feed(latest, keep) == range(3, 8)
    story_shape.remove(latest, keep, None)
    assert keep[4] is False and keep[6] is False


def test_a_story_that_says_ago_or_a_feed_above_the_story_is_not_a_feed_after_it():
    told = blocks(LEAD, PARAGRAPH, "Talks broke down a week ago.", PARAGRAPH, "That was 2 days ago.", PARAGRAPH,
                  "The first ship left an hour ago.")
    assert story_shape.stamped_feed(told, [True] * 7) is None  # sentences, not stamps
    twice = blocks(LEAD, PARAGRAPH, "Jo", "2 days ago", "Agreed.", "Sam", "3 days ago", "Not again.")
    assert story_shape.stamped_feed(twice, [True] * 8) is None  # two stamps are not yet a feed
    above = blocks("Latest", "Grain prices climb", "32M ago", "Ferry services cut", "1H ago", "Port braces", "2H ago",
                   LEAD, PARAGRAPH)
    assert story_shape.stamped_feed(above, [False] * 7 + [True, True]) is None


def test_lines_that_introduce_quotes_are_not_a_comment_thread():
    page = blocks(LEAD, "The harbour master said:", PARAGRAPH, "In a statement at 10:30 the union wrote:",
                  PARAGRAPH, "Its spokeswoman said:", PARAGRAPH)
    keep = [True] * 7
    assert story_shape.comment_thread(page, keep) is None
    assert story_shape.remove(page, keep, None) == ({}, None)
    assert keep == [True] * 7


def _items(*texts: str) -> list[Block]:
    return [Block(text=t, raw=f"* {t}", line=n, end=n, depth=1) for n, t in enumerate(texts, start=50)]


def _words(page: list[Block]) -> dict[int, list[str]]:
    return {i: tokens(b.text) for i, b in enumerate(page)}


def test_a_list_the_story_leads_into_is_judged_as_a_whole_not_item_by_item():
    points = _items("Evening concerts on the quays", "Workshops for local choirs",
                    "A collection for the families of striking dock workers")
    page = [*blocks(LEAD, "What the union plans for the weeks ahead:"), *points, *blocks(PARAGRAPH)]
    keep = [True] * len(page)
    assert story_shape.drop_alien_labels(page, keep, _words(page)) == set()
    # Under a bare "More:" the same list is another box: its items are judged one by one.
    page = [*blocks(LEAD, "More:"), *points, *blocks(PARAGRAPH)]
    keep = [True] * len(page)
    assert story_shape.drop_alien_labels(page, keep, _words(page)) == {2, 3}
