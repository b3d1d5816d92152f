"""A country's conventional point, for an event known only by its country under UCDP GED's convention.

The points are the CIA World Factbook's "Geographic coordinates" (public domain), the ones GeoNames and
UCDP GED use; the mean point of a country's towns lies 100-460 km from them (Myanmar's towns crowd its
south). The table is `data/geo/country-points.tsv`.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from frontwire.errors import ConfigError

TABLE = "data/geo/country-points.tsv"


@cache
def country_points() -> dict[str, tuple[float, float]]:
    """ISO 3166 alpha-2 code → (lat, lon)."""
    text = resources.files("frontwire").joinpath(TABLE).read_text("utf-8")
    points: dict[str, tuple[float, float]] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            iso, lat, lon = line.split("\t")[:3]
            points[iso] = (float(lat), float(lon))
        except ValueError:
            raise ConfigError(TABLE, f"line {n}: expected iso2, lat, lon separated by tabs") from None
    return points


def country_point(iso: str) -> tuple[float, float] | None:
    return country_points().get(iso.upper())
