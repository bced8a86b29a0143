"""Printed dates: the forms read without dateparser are read as dateparser reads them."""

from __future__ import annotations

import re

import dateparser
import pytest

from reader.core.ingest.dates import _day_month_year, find_dates, parse_date

SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first",
            "STRICT_PARSING": False}


@pytest.mark.parametrize("printed", [
    "June 25, 2026", "Aug. 4, 2025", "Sept 5 2024", "September 30, 2019", "26 Jun 2026",
    "5th of May 2025", "Mar. 3rd, 2021", "1 December 1999", "Dec 31, 2099",
])
def test_a_day_month_and_year_are_read_as_dateparser_reads_them(printed):
    stamp = dateparser.parse(printed, languages=["en"], settings=SETTINGS)
    assert _day_month_year(printed) == stamp.date().isoformat()
    assert parse_date(printed) == stamp.date().isoformat()


@pytest.mark.parametrize("printed", ["Feb 30, 2026", "Foo 3, 2021", "Fri 8 Aug 2025 10.38 EDT",
                                     "Thu, June 25, 2026", "June 25, 2150", "2026-06-25"])
def test_other_forms_are_left_to_the_parser(printed):
    assert _day_month_year(printed) is None


def test_a_timestamp_keeps_its_time_and_zone_and_a_line_without_a_date_has_none():
    (start, end, iso), = find_dates("Updated Aug 04, 2025 6:41 PM EDT | 3 min read")
    assert iso.startswith("2025-08-04T18:41") and re.search(r"[+-]\d\d:\d\d$", iso)
    assert find_dates("In 2025 the market for May flowers grew by 12 per cent.") == []


@pytest.mark.parametrize(("line", "parts"), [
    ("21:17 18.11.2019 Get short URL", [(2019, 18, 11, True, False)]),
    ("By Tess Bonn - 11/19/19 06:56 AM EST", [(2019, 11, 19, False, False)]),  # a time follows
    ("by Lighthouse / 2016.12.01", [(2016, 12, 1, True, True)]),
    ("Carlos Nadalim 27/09/2018 Comente!", [(2018, 27, 9, False, False)]),
    ("The Wild won 3/4/19 in the shootout", []),  # a two-digit year without a time
    ("version 1.2.2019.3 and 10.11.2019.4", []),  # numbers running on are no date
    ("Score 12/31/1899", []),  # (no year before 1900 or after 2099 is read)
])
def test_dates_printed_in_numbers_are_found_with_their_parts_as_printed(line, parts):
    from reader.core.ingest.dates import numeric_dates
    found = numeric_dates(line)
    assert [(d.year, d.first, d.second, d.dotted, d.year_first) for d in found] == parts
    for d in found:
        assert re.fullmatch(r"\d{1,4}([./])\d{1,2}\1\d{2,4}", line[d.start:d.end])  # the date's span


def test_a_date_in_numbers_reads_one_way_when_only_one_way_is_a_date():
    from reader.core.ingest.dates import numeric_dates
    day_first, = numeric_dates("27/09/2018")
    month_first, = numeric_dates("11/19/2019")
    either, = numeric_dates("05/10/2018")
    assert (day_first.order(), month_first.order(), either.order()) == (True, False, None)
    assert (day_first.iso(True), day_first.iso(False)) == ("2018-09-27", None)
    assert (either.iso(True), either.iso(False)) == ("2018-10-05", "2018-05-10")


def test_a_line_opening_with_its_dates_label_is_a_date_line_whatever_follows():
    """A page glued its date, its update time and its byline into one line; opening with
    "Published" and a date, it is page metadata, never a headline. A sentence that mentions a
    publication is not."""
    from reader.core.ingest.published import is_date_line

    assert is_date_line("Published Wed, Nov 20 20194:29 AM ESTUpdated an hour ago Natasha Turak@NatashaTurak")
    assert is_date_line("Last updated: 12 June 2025, with reporting from the bureau in the capital city")
    assert not is_date_line("Updated rules published on June 5, 2025 will take effect for every farmer here")
    assert not is_date_line("The ministry published its report on June 5, 2025, and the opposition objected")
