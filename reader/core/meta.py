"""Metadata lines: bylines, dates, outlets and wire-agency credits, parsed into fields."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from functools import cache
from importlib import resources

_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:van|von|der|de|da|del|la|le|bin|al|[A-Z][\w'’.-]*)){0,4}"


@cache
def _table(name: str) -> dict[str, list[str]]:
    raw = json.loads(resources.files("reader.core.data").joinpath(f"{name}.json").read_text("utf-8"))
    return raw[name]


@cache
def _aliases(name: str) -> dict[str, str]:
    """Map every lower-cased spelling of an outlet or agency to its canonical name."""
    table: dict[str, str] = {}
    for canonical, spellings in _table(name).items():
        for spelling in (canonical, *spellings):
            table[spelling.lower()] = canonical
    return table


def canonical_outlet(name: str) -> str:
    """Return the canonical name of an outlet spelling, or the spelling itself, tidied."""
    name = name.strip().strip("©").strip()
    name = re.sub(r"\s+(Ltd\.?|Limited|Inc\.?|LLC|plc)$", "", name, flags=re.IGNORECASE)
    return _aliases("outlets").get(name.lower(), name)


def known_outlet(name: str) -> str | None:
    """Return the canonical outlet for a known spelling, else None."""
    name = re.sub(r"\s+(Ltd\.?|Limited|Inc\.?|LLC|plc)$", "", name.strip(), flags=re.IGNORECASE)
    return _aliases("outlets").get(name.lower())


def outlet_prefix(text: str) -> str | None:
    """Return the longest known outlet spelling that text starts with (case-sensitive), else None."""
    best = None
    for spellings in _table("outlets").values():
        for spelling in spellings:
            if text.startswith(spelling) and (best is None or len(spelling) > len(best)):
                best = spelling
    return best


@cache
def _agency_pattern() -> re.Pattern[str]:
    names = sorted(_aliases("agencies"), key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names), re.IGNORECASE)


def agency(name: str) -> str | None:
    """Return the canonical agency for a spelling (AP -> Associated Press), else None."""
    return _aliases("agencies").get(name.strip().lower())


_SEP = r"\s*(?:,|\band\b|&|/|;)\s*"


def parse_agency_credit(line: str) -> tuple[str, ...] | None:
    """Return the agencies of a credit line ("- Reuters and AP", "With Bloomberg, Reuters"), else None."""
    text = line.strip().rstrip(".")
    text = re.sub(r"^(?:[-–—•]+\s*|with\s+|additional reporting (?:by|from)\s+|source:\s*)",
                  "", text, flags=re.IGNORECASE).strip()
    if not text or len(text) > 80:
        return None
    pattern = _agency_pattern()
    found: list[str] = []
    for part in re.split(_SEP, text):
        if not part:
            continue
        if not pattern.fullmatch(part):
            return None
        name = agency(part)
        if name and name not in found:
            found.append(name)
    if not found:
        return None
    # A bare agency name with no dash or "With" must be the whole line and a wire agency.
    return tuple(found)


_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_MONTH = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_TIME = r"(?:,?\s*(?:at\s+)?(?P<h>\d{1,2})[:.](?P<m>\d{2})\s*(?P<ampm>[ap]\.?m\.?)?)?"
_ZONE = r"(?:\s*(?P<tz>(?:GMT|UTC)\s*(?P<off>[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}|BST|CET|CEST|EST|EDT|ET|PST|PDT|AEST|AEDT|Z))?"
_PREFIX = r"^(?:(?:published|updated|posted|first published|last updated)\s*(?:on|at)?\s*:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
_DATES = [
    re.compile(_PREFIX + r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<y>\d{4})" + _TIME + _ZONE + r"\s*$", re.IGNORECASE),
    re.compile(_PREFIX + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})" + _TIME + _ZONE + r"\s*$", re.IGNORECASE),
    re.compile(_PREFIX + r"(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?:[T ](?P<h>\d{2}):(?P<m>\d{2})(?::\d{2})?)?" + _ZONE + r"\s*$", re.IGNORECASE),
]
_ZONES = {"gmt": 0, "utc": 0, "z": 0, "bst": 60, "cet": 60, "cest": 120, "est": -300, "edt": -240,
          "et": -300, "pst": -480, "pdt": -420, "aest": 600, "aedt": 660}


def parse_date_line(line: str) -> str | None:
    """Return ISO 8601 for a line that is only a date (and time, and zone), else None."""
    text = line.strip()
    if len(text) > 60:
        return None
    for pattern in _DATES:
        match = pattern.match(text)
        if match:
            return _to_iso(match.groupdict())
    return None


def parse_any_date(value: str) -> str | None:
    """Return ISO 8601 for a date string from front matter or HTML metadata, else None."""
    value = value.strip()
    iso = parse_date_line(value)
    if iso:
        return iso
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        return None


def _to_iso(g: dict[str, str | None]) -> str | None:
    try:
        month = int(g["mo"]) if g.get("mo") else _MONTHS[(g["mon"] or "")[:3].lower()]
        hour, minute = int(g.get("h") or 0), int(g.get("m") or 0)
        ampm = (g.get("ampm") or "").replace(".", "").lower()
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        tzinfo = _zone(g.get("tz"), g.get("off"))
        stamp = datetime(int(g["y"] or 0), month, int(g["d"] or 0), hour, minute, tzinfo=tzinfo)
    except (KeyError, ValueError, TypeError):
        return None
    return stamp.isoformat() if g.get("h") else stamp.date().isoformat()


def _zone(tz: str | None, off: str | None) -> timezone | None:
    if not tz:
        return None
    offset = off or (tz if tz[0] in "+-" else None)
    if offset:
        sign = -1 if offset[0] == "-" else 1
        digits = offset[1:].replace(":", "")
        hours, minutes = (int(digits[:-2]), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
        return timezone(sign * timedelta(hours=hours, minutes=minutes))
    minutes = _ZONES.get(tz.lower().strip())
    return None if minutes is None else timezone(timedelta(minutes=minutes))


_BYLINE = re.compile(r"^[Bb][Yy][:\s]+(?P<names>" + _NAME + r"(?:\s*(?:,|\band\b|&)\s*" + _NAME + r")*)"
                     r"(?:\s*(?:[,|·—–-]|\bin\b)\s*(?P<rest>.{0,60}))?$")
_BYLINE_URL = re.compile(r"^by\s+https?://\S*?/by/(?P<slug>[\w-]+)/?\s*(?:[·|,—–-]\s*)?(?P<rest>.*)$",
                         re.IGNORECASE | re.DOTALL)


def parse_byline(line: str) -> tuple[tuple[str, ...], str | None, str] | None:
    """Return (authors, outlet, text glued after the byline) for a byline, else None.

    Handles "By David Crowe", "By A and B, Reuters" and a profile-link byline glued to the first
    paragraph ("by https://site/by/jonathan-swan · NY TimesPresident Trump made ...").
    """
    text = line.strip()
    url = _BYLINE_URL.match(text)
    if url:
        author = " ".join(part.capitalize() for part in url.group("slug").split("-"))
        rest = url.group("rest")
        outlet = outlet_prefix(rest)
        if outlet is None:
            glued = re.match(r"^(.{1,40}?[a-z])(?=[A-Z][a-z])", rest)
            outlet = glued.group(1) if glued and len(glued.group(1).split()) <= 4 else None
        body = rest[len(outlet):].strip() if outlet else rest.strip()
        return (author,), canonical_outlet(outlet) if outlet else None, body
    match = _BYLINE.match(text)
    if not match or not text[:2].lower() == "by" or not text[0].isupper():
        return None
    names = [n.strip() for n in re.split(r"\s*(?:,|\band\b|&)\s*", match.group("names")) if n.strip()]
    outlet = None
    rest = (match.group("rest") or "").strip()
    if rest:
        outlet = known_outlet(rest) or (rest if agency(rest) else None)
        if outlet is None:
            return None
    authors = tuple(n for n in names if not agency(n))
    return (authors or tuple(names)), outlet, ""
