"""The outlet of a page whose vote is weak or empty: the learned ranker over the names it prints."""

from __future__ import annotations

from reader.core.ingest import outlet_ranker
from reader.core.ingest.clean import clean
from reader.core.models import RawDocument
from tests.core.ingest.test_clean_awkward import STORY


def cleaned(text: str, name: str = "page.txt"):
    return clean(RawDocument(path=name, text=text, format="text", encoding="utf-8"))


def test_names_are_read_from_capitalised_runs_and_short_lines():
    assert "U.S. News & World Report" in outlet_ranker.phrases("© 2025 U.S. News & World Report L.P.")
    assert "Quanta Magazine" in outlet_ranker.phrases("Get Quanta Magazine delivered to your inbox")
    # A sentence glued to a caption's credit is two names, not "Thursday.Credit".
    found = outlet_ranker.phrases("Volodymyr Zelensky in Denmark on Thursday.Credit: AP")
    assert "Thursday" in found and "Credit" in found and not any("Thursday.Credit" in f for f in found)
    assert "9to5Mac" in outlet_ranker.phrases("9to5Mac")  # a short line is a name as a whole


def test_an_unknown_site_named_only_by_its_chrome_is_the_outlet_not_its_owner():
    """No address, no title suffix, no logo link: the site's name is printed as its logo's text,
    in its menu, its newsletter box and its comments policy, and its parent company holds the
    copyright (the vote's only, weak, name)."""
    page = "\n".join([
        "Tidewater Review", "Home", "News", "Science", "Culture", "About Tidewater Review", "Subscribe",
        "", "Harbour strike halts grain shipments", "", STORY, "",
        "Get Tidewater Review delivered to your inbox", "Sign up",
        "Tidewater Review moderates comments to keep the conversation civil.",
        "© 2019 Coastline Media Group Ltd. All rights reserved.",
    ])
    result = cleaned(page)
    assert result.outlet == "Tidewater Review"
    assert "Tidewater Review" not in result.body


def test_a_clean_article_with_a_photo_credit_gets_no_outlet():
    """The only lines removed credit a photo to a paper: who took the picture is not the outlet."""
    page = "\n".join([
        "Harbour strike halts grain shipments", "",
        "Dock workers at the terminal on Tuesday. Photograph: Erin Schaff/The New York Times", "",
        "Dock workers at the terminal on Tuesday. Photograph: Erin Schaff/The New York Times", "",
        STORY,
    ])
    result = cleaned(page)
    assert result.outlet is None
    assert any("Photograph" in r.text for r in result.removed)


def test_a_strong_vote_is_kept_whatever_the_chrome_repeats():
    """A title's site suffix decides; a name the menus repeat more often does not outvote it."""
    page = "\n".join([
        "Harbour strike halts grain shipments | The Harbour Gazette", "",
        "Coastline Deals", "Coastline Deals: ferries", "Coastline Deals: hotels", "Coastline Deals: cars", "",
        "Harbour strike halts grain shipments", "", STORY,
    ])
    assert cleaned(page).outlet == "The Harbour Gazette"


def test_the_shipped_model_matches_the_features_it_reads():
    model = outlet_ranker.ranker()
    assert 0.0 < model.threshold < 1.0
    names, x = outlet_ranker.candidates(
        *_page_blocks("Home\nAbout Tidewater Review\n\n" + STORY + "\n\nTidewater Review\n"))
    assert x.shape == (len(names), len(outlet_ranker.FEATURES))
    assert "Tidewater Review" in names


def _page_blocks(text: str):
    from reader.core.ingest import outlets
    from reader.core.ingest.source import parse_source

    blocks = parse_source(text, "text").blocks
    keep = [b.text.startswith("Paragraph") for b in blocks]
    return blocks, keep, outlets.vote(blocks, keep, {}, None, None)


def test_the_names_and_their_features_do_not_depend_on_the_hash_seed():
    """A line's names come from a set: the same page must give the same rows in every process."""
    import os
    import subprocess
    import sys

    script = ("from tests.core.ingest.test_outlet_ranker import _page_blocks\n"
              "from reader.core.ingest import outlet_ranker\n"
              "names, x = outlet_ranker.candidates(*_page_blocks('The Verge\\nHome\\nAbout The Verge\\n\\n'"
              " + 'Paragraph 1: a story of the harbour, long enough to be read as prose by anyone.\\n\\n'"
              " + 'Verge Deals | The Verge\\nSubscribe to Verge Deals\\n'))\n"
              "print(names, x.tolist())\n")
    outputs = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(outputs) == 1 and "The Verge" in outputs.pop()


def test_another_known_outlet_never_replaces_the_pages_own_weak_vote():
    """A page cites other outlets in its chrome; the ranker may like their names, but a known
    outlet that is not the vote's choice is taken only when the page has no vote at all."""
    from reader.core.ingest.outlets import Evidence

    own = Evidence(votes={"Harbour Gazette": 1.5}, top="Harbour Gazette")
    assert outlet_ranker._decide("Daily Mail", 0.9, 0.2, own) == "Harbour Gazette"
    assert outlet_ranker._decide("Tidewater Review", 0.9, 0.2, own) == "Tidewater Review"
    assert outlet_ranker._decide("Daily Mail", 0.1, 0.2, own) == "Harbour Gazette"  # not sure enough
    assert outlet_ranker._decide("VOA", 0.9, 0.2, Evidence()) == "Voice of America"  # no vote: its name


def test_a_known_outlet_the_ranker_is_sure_of_replaces_a_copyright_owner():
    """A vote resting on a company's copyright line alone names the page's owner (Turner
    Broadcasting System on CNN's pages); a known outlet the ranker is sure of is the outlet. Not
    sure enough, or an owner that is no company ("© 2019 NJ.com"), and the vote stands."""
    from collections import Counter

    from reader.core.ingest.outlets import Evidence

    def owned(top: str, company: bool) -> Evidence:
        return Evidence(votes={top: 1.5}, sources={top: Counter(holder=1)}, top=top,
                        owners=frozenset({top} if company else ()))

    sure, unsure = outlet_ranker.OWNER_SCORE + 0.05, outlet_ranker.OWNER_SCORE - 0.2
    assert outlet_ranker._decide("CNN", sure, 0.2, owned("Turner Broadcasting System", True)) == "CNN"
    assert outlet_ranker._decide("Fortune", unsure, 0.2, owned("Hearst Communications", True)) == "Hearst Communications"
    assert outlet_ranker._decide("The Independent", sure, 0.2, owned("NJ.com", False)) == "NJ.com"
    # A vote with more behind it than the copyright line is the page's own.
    cited = Evidence(votes={"Harbour Gazette": 3.0}, top="Harbour Gazette",
                     sources={"Harbour Gazette": Counter(holder=1, mention=1)},
                     owners=frozenset({"Harbour Gazette"}))
    assert outlet_ranker._decide("Daily Mail", sure, 0.2, cited) == "Harbour Gazette"


def test_a_copyright_line_naming_a_company_marks_it_the_owner():
    from reader.core.ingest import outlets
    from reader.core.ingest.source import parse_source

    for footer, owner in (("© 2019 Coastline Media Group Ltd. All rights reserved.", True),
                          ("Copyright © 2019 Tidewater Review. All rights reserved.", False)):
        blocks = parse_source("Home\n\n" + STORY + "\n\n" + footer + "\n", "text").blocks
        keep = [b.text.startswith("Paragraph") for b in blocks]
        evidence = outlets.vote(blocks, keep, {}, None, None)
        assert evidence.top is not None and (evidence.top in evidence.owners) is owner


def test_outlets_named_on_one_line_are_counted_in_the_order_printed():
    """Two outlets tied in the vote are told apart by which the page names first; a set's order
    (which follows the hash seed) made one page's outlet change from run to run."""
    from reader.core.ingest import outlets

    for line, order in (("Home | The Guardian | Reuters", ["The Guardian", "Reuters"]),
                        ("Home | Reuters | The Guardian", ["Reuters", "The Guardian"])):
        assert list(outlets._mentions([line, line])) == order


def test_a_plain_text_pages_printed_addresses_tell_the_ranker_its_site():
    """A page without links or an address: the e-mail and www. addresses its chrome prints name
    its site's domain (the ranker's domain features); the body's do not."""
    chrome = "Home\nNews tips: tips@tidewaterreview.com\n\n"
    _, _, evidence = _page_blocks(chrome + STORY + "\n\nVisit www.tidewaterreview.com\n")
    assert evidence.domains == {"tidewaterreview"}
    quoted = "Paragraph 9: write to the harbour master at office@portauthority.com, he said.\n\n"
    _, _, evidence = _page_blocks("Home\n\n" + STORY + "\n\n" + quoted)
    assert evidence.domains == frozenset()
    names, x = outlet_ranker.candidates(*_page_blocks(
        "Home\nAbout Tidewater Review\nTips: tips@tidewaterreview.com\n\n" + STORY + "\n\nTidewater Review\n"))
    domain_equal = outlet_ranker.FEATURES.index("domain_equal")
    assert x[names.index("Tidewater Review"), domain_equal] == 1.0


def test_a_line_of_controls_or_an_address_is_no_name():
    """A text browser's controls ("(BUTTON)", arrows) and an e-mail address are no outlet's name,
    though short enough to be one; the names inside a line still are."""
    from reader.core.ingest.outlet_ranker import phrases

    assert "News (BUTTON) ›‹" not in phrases("News (BUTTON) ›‹")
    assert "harbour.gazette@mail.com" not in phrases("harbour.gazette@mail.com")
    assert {"Harbour Gazette", "News"} <= phrases("Harbour Gazette") | phrases("News (BUTTON) ›‹")


def test_a_copyright_holder_with_a_company_suffix_after_a_comma_is_an_owner():
    """"© Future US, Inc. 11 West 42nd Street": the holder's name is "Future US", and the ", Inc."
    the copyright pattern reads after it says that it is a company (which the ranker learns
    is seldom the page's outlet)."""
    from reader.core.ingest import outlets
    from reader.core.ingest.source import parse_source

    blocks = parse_source(f"Harbour strike halts grain shipments\n\n{STORY}\n\n"
                          "© Tidewater Review, Inc. 11 West 42nd Street, New York.\n", "text").blocks
    keep = [False] + [True] * (len(blocks) - 2) + [False]
    evidence = outlets.vote(blocks, keep, {}, None, None)
    assert "Tidewater Review" in evidence.votes and "Tidewater Review" in evidence.owners
    plain = outlets.vote(blocks[:-1] + parse_source("© 2019 Tidewater Review.", "text").blocks, keep, {},
                         None, None)
    assert "Tidewater Review" in plain.votes and not plain.owners
