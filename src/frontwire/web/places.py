"""The label layer: the larger places of the offline gazetteer inside a map view, so a zoomed-in map names
its towns without any tile server.

    labels(gazetteer_path, bbox=(36.0, 33.5, 41.0, 36.5), zoom=8)  -> [PlaceLabel(...), ...]

Reads the gazetteer's SQLite file read-only, one connection per server thread (an SQLite connection belongs
to the thread that opened it). A missing gazetteer gives no labels, not an error: the map still works.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

# Smallest population labelled at each zoom (Leaflet zoom levels; lower zooms show no labels): a country
# view names its cities, a province view its towns, a district view its villages. Set by eye on Syria,
# Ukraine and Sudan views so that ~20-60 labels fill a 1400x850 map without overlapping much.
MIN_POPULATION_BY_ZOOM = {5: 1_000_000, 6: 500_000, 7: 200_000, 8: 50_000, 9: 20_000, 10: 5_000, 11: 1_000}
LABELS_FROM_ZOOM = min(MIN_POPULATION_BY_ZOOM)
# More labels than this in one view overlap into noise; the most populous are kept.
MAX_LABELS = 80


@dataclass(slots=True, frozen=True)
class PlaceLabel:
    name: str
    lat: float
    lon: float
    population: int


def min_population(zoom: int) -> int | None:
    """The smallest place labelled at `zoom`; None when the zoom is too far out for labels."""
    if zoom < LABELS_FROM_ZOOM:
        return None
    return MIN_POPULATION_BY_ZOOM[min(zoom, max(MIN_POPULATION_BY_ZOOM))]


class PlaceLabels:
    """Labels from the gazetteer at `path`, one read-only connection per thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()

    def _conn(self) -> sqlite3.Connection | None:
        conn = getattr(self._local, "conn", None)
        if conn is None and self.path.exists():
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
            self._local.conn = conn
        return conn

    def labels(self, bbox: tuple[float, float, float, float], zoom: int) -> list[PlaceLabel]:
        floor = min_population(zoom)
        conn = self._conn()
        if floor is None or conn is None:
            return []
        min_lon, min_lat, max_lon, max_lat = bbox
        rows = conn.execute(
            "SELECT name, lat, lon, population FROM places WHERE fclass = 'P' AND population >= ?"
            " AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ? ORDER BY population DESC, name LIMIT ?",
            (floor, min_lat, max_lat, min_lon, max_lon, MAX_LABELS),
        ).fetchall()
        return [PlaceLabel(name=r[0], lat=r[1], lon=r[2], population=int(r[3] or 0)) for r in rows]
