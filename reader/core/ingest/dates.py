"""Printed dates -> ISO 8601: spans that look like a date are found here and read by dateparser."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache

from reader.core.ingest.words import data_lines, page_language

MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?"
_DAY_NAME = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_TIME = (r"(?:\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?\s?m\.?)"
         r"(?:\s*(?:[A-Z]{2,4}T?|UTC|GMT)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?)?")
_CORE = (
    rf"{_DAY_NAME}{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"  # June 25, 2026
    rf"|{_DAY_NAME}\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTHS},?\s+\d{{4}}"  # 26 Jun 2026
    r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"  # ISO
)
# A date with a time printed just before ("5:21 AM EST, February 24, 2026") or after it.
_SPAN = re.compile(
    rf"(?:{_TIME}\s*(?:,|on|\||·)?\s*)?(?:{_CORE})(?:\s*(?:,|at|\||·|-|–)?\s*{_TIME})?",
    re.IGNORECASE,
)
_YEAR_RANGE = (1990, 2100)
# What every form of _CORE holds: a year, and a month by a day's number or an ISO date. The
# search for a whole date tries its many forms at every character; most lines fail these first.
_YEAR = re.compile(r"\d{4}")
_MONTH_DAY = re.compile(rf"{MONTHS}\s+\d|\d(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTHS}|\d{{4}}-\d{{2}}-\d{{2}}",
                        re.IGNORECASE)
_MONTH_DAY_FOLDED = re.compile(_MONTH_DAY.pattern)  # for lower-cased ASCII text: 0.34 of the time


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """Every printed date in text as (start, end, ISO 8601); a time and zone are kept when printed.
    Dates with a month's name in the page's own language (words.written_in()) are read as well."""
    out: list[tuple[int, int, str]] = []
    if not _YEAR.search(text):
        return out
    if (_MONTH_DAY_FOLDED.search(text.lower()) if text.isascii() else _MONTH_DAY.search(text)):
        for match in _SPAN.finditer(text):
            iso = parse_date(match.group(0))
            if iso:
                out.append((match.start(), match.end(), iso))
    language = page_language()
    if language and (found := _foreign_dates(text, language)):
        out = sorted(out + [d for d in found if not any(a < d[1] and d[0] < b for a, b, _ in out)])
    return out


@cache
def _months_of(language: str) -> tuple[dict[str, int], re.Pattern[str] | None]:
    """A language's month names (data/month_names.txt.gz, from dateparser's locales by
    training/month_names.py) -> number, and the pattern of a date written with one: "22 de
    outubro de 2010", "24 сентября 2018 г.", "12. Juni 2025", "Maret 30, 2015", "02 Ago 2017"."""
    names = {}
    for line in data_lines("month_names.txt.gz"):
        code, number, name = line.split("\t")
        if code == language:
            names[name] = int(number)
    if not names:
        return names, None
    month = "(?P<m{n}>" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\.?"
    pattern = re.compile(
        rf"(?<!\w)(?:(?P<d1>\d{{1,2}})\.?\s*(?:(?:de|del|di|of)\s+)?{month.format(n=1)},?\s+"
        rf"(?:(?:de|del)\s+)?(?P<y1>\d{{4}})|{month.format(n=2)}\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}}))(?!\w)",
        re.IGNORECASE)
    return names, pattern


def _foreign_dates(text: str, language: str) -> list[tuple[int, int, str]]:
    names, pattern = _months_of(language)
    if pattern is None:
        return []
    out = []
    for match in pattern.finditer(text):
        day, month, year = ((match["d1"], match["m1"], match["y1"]) if match["d1"]
                            else (match["d2"], match["m2"], match["y2"]))
        number = names.get(month.lower())
        try:
            stamp = date(int(year), number, int(day)) if number else None
        except ValueError:
            stamp = None
        if stamp and _YEAR_RANGE[0] <= stamp.year <= _YEAR_RANGE[1]:
            out.append((match.start(), match.end(), stamp.isoformat()))
    return out


@lru_cache(maxsize=4096)
def parse_date(value: str) -> str | None:
    """ISO 8601 of one printed date (with its time and zone if given), else None."""
    value = " ".join(value.strip().split())
    if not value:
        return None
    iso = _iso_fast(value) or _day_month_year(value)
    if iso:
        return iso
    import dateparser  # (its first date in a process costs 0.12-0.15 s: its time-zone tables)

    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first",
                "STRICT_PARSING": False}
    for candidate in (value, _without_time(value)):
        if not candidate:
            continue
        try:
            stamp = dateparser.parse(candidate, languages=["en"], settings=settings)
        except (ValueError, TypeError, OverflowError):
            stamp = None
        if stamp and _YEAR_RANGE[0] <= stamp.year <= _YEAR_RANGE[1]:
            has_time = bool(re.search(r"\d[:.]\d{2}|\d\s*[ap]\.?m", candidate, re.IGNORECASE))
            return stamp.isoformat() if has_time else stamp.date().isoformat()
    return None


def _iso_fast(value: str) -> str | None:
    """ISO 8601 given as such (front matter, crawler headers) needs no parser."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?", value):
        return None
    try:
        stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if not _YEAR_RANGE[0] <= stamp.year <= _YEAR_RANGE[1]:
        return None
    return stamp.isoformat() if len(value) > 10 else stamp.date().isoformat()


_MONTH_NUMBER = {name: n for n, names in enumerate(
    ("jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
     "aug august", "sep sept september", "oct october", "nov november", "dec december"), 1)
    for name in names.split()}
_DAY_MONTH_YEAR = re.compile(
    r"(?:(?P<m1>[a-z]+)\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?"  # June 25, 2026
    r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>[a-z]+)\.?,?)\s+(?P<y>\d{4})",  # 26 Jun 2026
    re.IGNORECASE)


def _day_month_year(value: str) -> str | None:
    """A date printed as its day, month name and year, nothing else (no weekday, no time), needs
    no parser either: dateparser reads these the same (checked on the 228 such dates printed in
    the labelled sets, the seeds, BBC and BASIL; tests/core/ingest/test_dates.py)."""
    match = _DAY_MONTH_YEAR.fullmatch(value)
    month = match and _MONTH_NUMBER.get((match["m1"] or match["m2"]).lower())
    if not match or not month:
        return None
    try:
        stamp = datetime(int(match["y"]), month, int(match["d1"] or match["d2"]))
    except ValueError:
        return None  # (the 30th of February: dateparser says what it says)
    return stamp.date().isoformat() if _YEAR_RANGE[0] <= stamp.year <= _YEAR_RANGE[1] else None


# Dates printed in numbers alone: "18.11.2019", "11/19/2019", "2016.12.01", "27/09/2018", and a
# two-digit year where a time follows ("11/19/19 06:56 AM"): in "3/4/19" alone it may be a score.
# A capital may follow at once: a scrape glues the next link to it ("18.11.2019Get short URL").
_NUMERIC = re.compile(
    r"(?<![\w./-])(?:(?P<year_first>(?:19|20)\d\d)(?P<s1>[./])(?P<m1>\d{1,2})(?P=s1)(?P<d1>\d{1,2})"
    r"|(?P<a>\d{1,2})(?P<s2>[./])(?P<b>\d{1,2})(?P=s2)"
    r"(?P<year>(?:19|20)\d\d|\d\d(?=,?\s+\d{1,2}[:.]\d\d)))(?!(?![A-Z])[\w/-]|[.,]\d)")


@dataclass(frozen=True)
class Numeric:
    """A date printed in numbers: where it is, and its parts as printed."""
    start: int
    end: int
    year: int
    first: int  # the first of day and month as printed (for year-first dates, the month)
    second: int
    dotted: bool  # "18.11.2019": dots are day-first where they are used
    year_first: bool  # "2016.12.01": year, month, day

    def order(self) -> bool | None:
        """True if only day-first reads as a date, False if only month-first does, else None."""
        if self.year_first:
            return None
        if self.first > 12 >= self.second:
            return True
        if self.second > 12 >= self.first:
            return False
        return None

    def iso(self, day_first: bool) -> str | None:
        if self.year_first:
            month, day = self.first, self.second
        else:
            day, month = (self.first, self.second) if day_first else (self.second, self.first)
        try:
            stamp = datetime(self.year, month, day)
        except ValueError:
            return None
        return stamp.date().isoformat() if _YEAR_RANGE[0] <= stamp.year <= _YEAR_RANGE[1] else None


def numeric_dates(text: str) -> list[Numeric]:
    """Every date printed in numbers alone in text. Which of day and month comes first is the
    page's convention, not the date's: see Numeric.order and metadata's published date."""
    if not ("/" in text or "." in text) or not re.search(r"\d[./]\d", text):
        return []
    out = []
    for m in _NUMERIC.finditer(text):
        if m["year_first"]:
            out.append(Numeric(m.start(), m.end(), int(m["year_first"]), int(m["m1"]), int(m["d1"]),
                               m["s1"] == ".", True))
        else:
            year = int(m["year"]) + (2000 if len(m["year"]) == 2 else 0)
            out.append(Numeric(m.start(), m.end(), year, int(m["a"]), int(m["b"]), m["s2"] == ".", False))
    return out


def _without_time(value: str) -> str | None:
    core = re.search(_CORE, value, re.IGNORECASE)
    return core.group(0) if core and core.group(0) != value else None
