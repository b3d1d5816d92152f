"""A place written as the line between two places: "the Kawkareik-Myawaddy road", "Banki-Kumshe road (Bama
lga, Borno state)", "on the road between Mboki and Obo".

UCDP GED codes an event on "a longer road or the line connecting two locations" to "a representation point"
of the line (its precision 5). When both ends resolve to places, the event is coded halfway between them, at
ACLED's precision 2 ("near a place"); when one end alone resolves, to that end; when neither does, the
location string is read as usual. Ends farther apart than MAX_LINE_KM are not joined: the midpoint of a
line across a country says less than either end.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from frontwire.geo.builtin import km
from frontwire.records import Location

# The longest line whose midpoint is a useful point: twice UCDP's "ca. 25 km radius around a known point"
# either side of the middle would be 100 km; roads between district towns run up to a few times that, and
# a midpoint 150 km from each end still beats either end for a point on the road (the UCDP precision-5 rows
# are read as a check, not fitted).
MAX_LINE_KM = 300.0
_LINE_WORDS = r"(?:road|highway|axis|route|motorway|corridor|railway|railroad|track)"
_NAME = r"[^\W\d_][\w'’.]*(?:\s+[^\W\d_][\w'’.]*){0,3}?"
# "Kawkareik-Myawaddy road", "Sibut - Dekoa road", "the Badghis–Herat highway"
_ROAD = re.compile(
    rf"^\s*(?:the\s+)?(?P<a>{_NAME})\s*(?P<dash>\s[-–—/]\s|[–—/]|-)\s*(?P<b>{_NAME})\s+{_LINE_WORDS}\b(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
# "between Mboki and Obo", "on the road between the towns of Mboki and Obo"
_BETWEEN = re.compile(
    r"\bbetween\s+(?:the\s+)?(?:(?:towns?|villages?|cities|city)\s+of\s+)?"
    r"(?P<a>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s+and\s+(?:the\s+)?(?:(?:town|village|city)\s+of\s+)?"
    r"(?P<b>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})(?P<rest>.*)$",
    re.DOTALL,
)
_CONTAINERS = re.compile(r"\(.*\)\s*$", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Line:
    """The two ends of a line a location string names, and the containers written after it."""

    a: str
    b: str
    containers: str


def read_line(text: str, known: Callable[[str], bool]) -> Line | None:
    """The ends of the line `text` names, or None. A hyphenated name the gazetteer knows whole
    ("Kaga-Bandoro road") is one place, not a line."""
    m = _ROAD.match(text)
    if m is not None:
        whole = text[m.start("a") : m.end("b")]
        if m.group("dash").strip() == "-" and " " not in m.group("dash") and known(whole):
            return None
    else:
        m = _BETWEEN.search(text)
        if m is None:
            return None
    tail = _CONTAINERS.search(m.group("rest"))
    return Line(m.group("a").strip(), m.group("b").strip(), tail.group(0).strip() if tail else "")


def _midpoint(a: Location, b: Location) -> tuple[float, float]:
    """The great-circle midpoint of two points (plain averaging is wrong across the 180th meridian)."""
    la1, lo1, la2, lo2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    bx, by = math.cos(la2) * math.cos(lo2 - lo1), math.cos(la2) * math.sin(lo2 - lo1)
    lat = math.atan2(math.sin(la1) + math.sin(la2), math.hypot(math.cos(la1) + bx, by))
    return math.degrees(lat), math.degrees(lo1 + math.atan2(by, math.cos(la1) + bx))


def place_on_line(line: Line, resolve: Callable[[str], Location]) -> Location | None:
    """The point for an event on `line`; `resolve` reads one end (with the line's containers) without
    falling back to an area. None when neither end is a place."""
    ends = []
    for name in (line.a, line.b):
        loc = resolve(f"{name} {line.containers}".strip())
        if loc.latitude is not None and loc.geo_precision == 1:
            ends.append(loc)
    if not ends:
        return None
    a = ends[0]
    if len(ends) == 1 or km(a.latitude, a.longitude, ends[1].latitude, ends[1].longitude) > MAX_LINE_KM:
        between = f"on the line between {line.a} and {line.b}"
        note = f"{between}: coded to {a.location}, the end the gazetteer knows"
        if len(ends) == 2:
            note = f"{between}, too long to halve: coded to {a.location}"
        return Location(**{**_fields(a), "geo_precision": 2, "note": note})
    b = ends[1]
    lat, lon = _midpoint(a, b)
    same = {f: getattr(a, f) if getattr(a, f) == getattr(b, f) else None for f in ("admin1", "admin2")}
    return Location(
        location=f"{a.location} – {b.location}",
        latitude=lat,
        longitude=lon,
        country=a.country if a.iso == b.iso else None,
        iso=a.iso if a.iso == b.iso else None,
        geo_precision=2,
        note=f"on the line between {a.location} and {b.location}: coded halfway",
        gazetteer=a.gazetteer,
        **same,
    )


def _fields(loc: Location) -> dict:
    return {f: getattr(loc, f) for f in loc.__dataclass_fields__}
