"""Headlines: one glued onto a line of menus or a photo caption, and a page title's site suffix."""

import pytest

from reader.core.ingest.headline import _stems, glued_runs, split_site

STORY = ("Flood barriers on the River Tay held overnight as water levels rose to a record, the "
         "council said. Perth residents were told to stay away from the river banks.")


def story() -> set[str]:
    return set(_stems(STORY))


def test_a_headline_at_the_end_of_a_menu_line_is_cut_out_of_it():
    line = ("Skip to content Home News Sport Weather Local Podcasts Live "
            "Tay flood barriers hold as river levels rise to record")
    assert "Tay flood barriers hold as river levels rise to record" in glued_runs(line, story())


def test_a_headline_at_the_start_of_a_line_of_buttons_is_cut_out_of_it():
    line = "Flood barriers on the Tay hold overnight as levels reach record Share Save Print Comment Email"
    assert glued_runs(line, story())[0] == "Flood barriers on the Tay hold overnight as levels reach record"


def test_a_section_label_glued_before_the_headline_is_dropped():
    line = "Watch Listen Newsletters Photograph: Jane Doe/Agency Flood Flood barriers hold on the River Tay"
    assert "Flood barriers hold on the River Tay" in glued_runs(line, story())


def test_a_headline_after_a_photo_caption_that_speaks_of_the_story_is_cut_out_of_it():
    caption = "Water levels rose to a record on the river Tay overnight. Photograph: Jane Doe/Agency"
    line = f"{caption} View image in fullscreen {caption} Tay flood barriers hold as river rises to record"
    assert "Tay flood barriers hold as river rises to record" in glued_runs(line, story())


def test_a_story_paragraph_is_no_headline_glued_to_chrome():
    line = ("Flood barriers on the River Tay held overnight as water levels rose to a record, the "
            "council said, and Perth residents were told to stay away from the river banks all night")
    assert glued_runs(line, story()) == []


def test_a_line_of_chrome_that_never_speaks_of_the_story_gives_nothing():
    line = "Skip to content Home News Sport Weather Local Podcasts Live Sign in Subscribe Newsletters"
    assert glued_runs(line, story()) == []


@pytest.mark.parametrize("title", [
    "June 25 (Reuters) - Trump administration asks the lab to stagger its release",
    "LONDON (AP) - Flood barriers on the Tay hold overnight as levels reach a record",
])
def test_a_wire_dateline_before_the_dash_is_not_taken_for_the_site(title):
    assert split_site(title)[1] is None


def test_a_site_suffix_is_split_off():
    assert split_site("Flood barriers on the Tay hold overnight - BBC News") == (
        "Flood barriers on the Tay hold overnight", "BBC News")


def test_a_long_first_part_before_a_dash_is_the_headlines_own():
    title = "Star Wars Jedi: Fallen Order review – shoots for the moon, lands among the stars"
    assert split_site(title) == (title, None)


@pytest.mark.parametrize("title", [
    "Wood - Ireland can win Grand Slam",  # a speaker before the dash
    "Take C.A.R.E. - comwrap auf der DMEXCO 2018",
    "Die elektronische Patientenakte (ePA) – der lange Marsch ins Digitale Gesundheitswesen",
])
def test_a_phrase_before_a_dash_or_a_part_that_names_no_site_is_the_headlines_own(title):
    assert split_site(title) == (title, None)


def test_a_section_before_a_bar_is_split_off():
    assert split_site("Opinion | Republicans Are Following Trump to Nowhere") == (
        "Republicans Are Following Trump to Nowhere", "Opinion")


def _features_by_line(text: str, start: int) -> dict[str, dict[str, float]]:
    from reader.core.ingest import bylines, metadata
    from reader.core.ingest.blocks import split_blocks
    from reader.core.ingest.headline import FEATURES, candidate_features, candidates

    blocks = split_blocks(text, markdown=False)
    found = candidates(blocks, start, None, bylines.parse_byline, metadata.is_date_line)
    matrix = candidate_features(blocks, [0.0] * len(blocks), start, None, found,
                                bylines.parse_byline, metadata.is_date_line)
    return {c.text: dict(zip(FEATURES, row)) for c, row in zip(found, matrix)}


def test_a_line_just_above_a_byline_and_a_date_is_told_from_related_headlines_below_them():
    # Related headlines sit between the byline and the story, as on many pages saved as text:
    # the ranker is told which line a byline or a date follows (or precedes) and how closely.
    page = ("Storm batters coastal towns as thousands lose power\nBy Jane Okafor\n"
            "November 18, 2019 | 4:10pm\nMore On:\nFlooding closes schools across the county\n"
            "Power company warns outages may last for days\nCoastal towns told to move inland\n"
            "A powerful storm battered coastal towns overnight, leaving thousands without power.\n")
    rows = _features_by_line(page, start=7)
    headline = rows["Storm batters coastal towns as thousands lose power"]
    assert headline["meta_after"] == 1.0 and headline["meta_before"] == 0.0
    assert rows["Flooding closes schools across the county"]["meta_before"] == 0.5
    last = rows["Coastal towns told to move inland"]
    assert last["meta_after"] == 0.0 and last["meta_before"] == 0.25  # the date 4 lines up
