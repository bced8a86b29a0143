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
