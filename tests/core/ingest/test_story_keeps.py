"""The rules that take back what the boilerplate model left out (keep flags given)."""

from reader.core.ingest import story_keeps
from reader.core.ingest.blocks import Block
from tests.core.ingest.test_story_shape import LEAD, PARAGRAPH, blocks


def test_the_rest_of_a_list_the_story_began_is_kept():
    dates = ["June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre", "June 10 – Tampa, FL @ MidFlorida Amphitheatre",
             "June 14 – Alpharetta, GA @ Ameris Bank Amphitheatre", "June 17 – Nashville, TN @ Bridgestone Arena"]
    page = blocks(LEAD, PARAGRAPH, *dates, "Sign up for our newsletter")
    keep = [True, True, True, False, False, False, False]
    assert story_keeps.keep_list_continuations(page, keep) == {3, 4, 5}
    assert keep == [True, True, True, True, True, True, False]


def test_a_list_of_headlines_after_the_story_is_not_taken_for_its_continuation():
    headlines = ["Watch: OpenAI struggles to keep up", "Opinion: Florida lawsuit accuses OpenAI of ignoring warnings",
                 "Live: Markets rally as rates hold steady", "Video: Dock strike spreads to northern ports"]
    page = blocks(LEAD, PARAGRAPH, *headlines)
    keep = [True, True, True, False, False, False]
    assert story_keeps.keep_list_continuations(page, keep) == set()
    assert keep == [True, True, True, False, False, False]


def test_a_list_the_story_announces_with_a_colon_is_kept():
    teams = ["England (Group A): 10th appearance", "Ukraine (Group B): Third appearance",
             "Spain (Group F): 11th appearance", "Sweden (Group F): Seventh appearance"]
    page = blocks(LEAD, "These are the teams that have qualified so far:", *teams, "Sign up for our newsletter")
    keep = [True, True, False, False, False, False, False]
    assert story_keeps.keep_list_continuations(page, keep) == {2, 3, 4, 5}
    assert keep == [True] * 6 + [False]


def test_a_label_or_a_list_of_kicker_headlines_after_a_colon_is_not_an_announced_list():
    teams = ["England (Group A): 10th appearance", "Ukraine (Group B): Third appearance",
             "Spain (Group F): 11th appearance"]
    label = blocks(LEAD, "Related:", *teams)
    assert story_keeps.keep_list_continuations(label, [True, True, False, False, False]) == set()
    headlines = ["Watch: OpenAI struggles to keep up", "Opinion: Florida lawsuit accuses OpenAI of ignoring warnings",
                 "Live: Markets rally as rates hold steady"]
    kickers = blocks(LEAD, "More on the strike from our reporters:", *headlines)
    assert story_keeps.keep_list_continuations(kickers, [True, True, False, False, False]) == set()


def test_a_lead_in_between_two_paragraphs_is_kept_a_label_before_a_headline_is_not():
    page = blocks(LEAD, "Here's the thing:", PARAGRAPH, "More:", PARAGRAPH, "Read more:",
                  "Ferry services cut on the northern route", PARAGRAPH)
    keep = [True, False, True, False, True, False, True, True]
    assert story_keeps.keep_lead_ins(page, keep) == {1}
    assert keep == [True, True, True, False, True, False, True, True]


def test_two_lines_of_a_shape_are_not_yet_a_list():
    page = blocks(LEAD, "June 9 – West Palm Beach, FL", "June 10 – Tampa, FL", "June 14 – Alpharetta, GA")
    keep = [True, True, False, False]
    assert story_keeps.keep_list_continuations(page, keep) == set()


def test_results_by_place_are_a_list_of_numbers():
    page = blocks(LEAD, "1st – Anna Smith, Harbour Rowing Club", "2nd – Bob Novak, Quayside", "3rd – Carla Kim, Eastport",
                  "4th – Dmitri Ortiz, Westport")
    keep = [True, True, False, False, False]
    assert story_keeps.keep_list_continuations(page, keep) == {2, 3, 4}


def test_an_abbreviated_month_does_not_end_a_list_of_dates():
    """Billboard's tour dates: the model keeps June and July, then leaves out "Aug. 2 -- ..."."""
    dates = ["June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL", "July 30 -- Ruoff Music Center, Noblesville, IN",
             "Aug. 2 -- DTE Energy Music Theatre, Clarkston, MI", "Aug. 4 -- Riverbend Music Center, Cincinnati, OH",
             "Sept. 2 -- USANA Amphitheatre, Salt Lake City, UT", "Oct. 3 -- Ak-Chin Pavilion, Phoenix, AZ"]
    page = blocks(LEAD, PARAGRAPH, *dates, "Sign up for our newsletter")
    keep = [True, True, True, True, False, False, False, False, False]
    assert story_keeps.keep_list_continuations(page, keep) == {4, 5, 6, 7}
    assert keep == [True] * 8 + [False]


def items(*texts: str, links: int = 0) -> list[Block]:
    return [Block(text=t, raw=f"* {t}", line=n, end=n, depth=1, links=links,
                  link_chars=len(t) if links else 0) for n, t in enumerate(texts, start=100)]


def test_the_storys_bullet_points_between_its_paragraphs_are_kept():
    points = items("The union wants a new offer on wages", "The port authority says talks resume on Friday",
                   "Grain ships wait at anchor off the terminal")
    page = [*blocks(LEAD), *points, *blocks(PARAGRAPH, "Sign up for our newsletter")]
    keep = [True, False, False, False, True, False]
    assert story_keeps.keep_list_items(page, keep) == {1, 2, 3}
    assert keep == [True, True, True, True, True, False]


def test_a_box_of_links_or_headlines_inside_the_story_is_not_its_list():
    linked = items("The union wants a new offer on wages", "The port authority says talks resume on Friday",
                   links=1)
    page = [*blocks(LEAD), *linked, *blocks(PARAGRAPH)]
    assert story_keeps.keep_list_items(page, [True, False, False, True]) == set()
    headlines = items("Markets Rally As Rates Hold Steady", "Dock Strike Spreads To Northern Ports")
    page = [*blocks(LEAD), *headlines, *blocks(PARAGRAPH)]
    assert story_keeps.keep_list_items(page, [True, False, False, True]) == set()
    # In sentence case, a box of other stories' headlines shares no word with the story.
    others = items("Actor recalls his childhood summers in Maine", "Celebrity chef opens a bakery in Lisbon")
    page = [*blocks(LEAD), *others, *blocks(PARAGRAPH)]
    assert story_keeps.keep_list_items(page, [True, False, False, True]) == set()


def test_list_items_after_the_story_or_beside_a_paragraph_are_left_to_the_model():
    points = items("The union wants a new offer on wages", "Grain ships wait at anchor off the terminal")
    after = [*blocks(LEAD, PARAGRAPH), *points]
    assert story_keeps.keep_list_items(after, [True, True, False, False]) == set()
    mixed = [*blocks(LEAD), points[0], *blocks("Our newsletter, every morning, for free.", PARAGRAPH)]
    assert story_keeps.keep_list_items(mixed, [True, False, False, True]) == set()


def test_a_numbered_list_under_a_kept_heading_is_kept_a_list_of_words_is_not():
    dates = ["June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre", "June 10 – Tampa, FL @ MidFlorida Amphitheatre",
             "June 14 – Alpharetta, GA @ Ameris Bank Amphitheatre", "June 17 – Nashville, TN @ Bridgestone Arena"]
    page = blocks(LEAD, PARAGRAPH, "The Doobie Brothers Tour Dates", *dates)
    keep = [True, True, True, False, False, False, False]
    assert story_keeps.keep_list_continuations(page, keep) == {3, 4, 5, 6}
    headlines = ["Markets rally as rates hold", "Dock strike spreads north", "Ferry services cut again"]
    page = blocks(LEAD, PARAGRAPH, "More from the port", *headlines)
    assert story_keeps.keep_list_continuations(page, [True, True, True, False, False, False]) == set()
    # A sentence is no heading: what follows it is not announced as its list.
    page = blocks(LEAD, PARAGRAPH, "The band will tour next year.", *dates)
    assert story_keeps.keep_list_continuations(page, [True, True, True, False, False, False, False]) == set()
