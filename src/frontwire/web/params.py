"""Query parameters of the API: one table (`PARAMS`) drives both validation and the OpenAPI document.

Every check fails with an `ApiError` naming the parameter, which the app turns into a 400 JSON answer.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass

from frontwire.incidents.model import GRADES
from frontwire.store.fulltext import SearchSyntaxError, parse
from frontwire.store.query import SORT_KEYS, Filters

# One page of events or incidents: 100 by default; 1,000 at most keeps one answer under ~2 MB of JSON.
DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
# The map layer sends every matching incident at once (the page clusters them); 50,000 points are about
# 4 MB of compact GeoJSON, the most a browser draws smoothly with clustering.
MAX_MAP_LIMIT = 50_000
# A streamed CSV/GeoJSON table accepts a limit up to this (the whole of any store we have met).
MAX_TABLE_ROWS = 10**8
# Longer filter strings are not names but mistakes or probes.
MAX_TEXT = 200


class ApiError(Exception):
    """A client error: HTTP status, message, and the parameter at fault (if any)."""

    def __init__(self, status: int, message: str, param: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.param = param


@dataclass(slots=True, frozen=True)
class Param:
    """One query parameter: name, OpenAPI type/format, description, allowed values."""

    name: str
    kind: str  # "date", "text", "bbox", "grade", "int", "bool", "count", "sort", "search"
    description: str
    enum: tuple[str, ...] = ()


FILTER_PARAMS = (
    Param("from", "date", "first event date, YYYY-MM-DD"),
    Param("to", "date", "last event date, YYYY-MM-DD"),
    Param("country", "text", "country name or ISO code, e.g. Syria or SY"),
    Param("admin1", "text", "first-level region, e.g. Homs"),
    Param("type", "text", 'ACLED event type, e.g. "Battles"'),
    Param("actor", "text", "actor name (substring, any side)"),
    Param("outlet", "text", "outlet domain or name"),
    Param("bbox", "bbox", "MIN_LON,MIN_LAT,MAX_LON,MAX_LAT (WGS84 degrees)"),
    Param("grade", "grade", "corroboration grade", GRADES),
    Param("sub_event_type", "text", 'ACLED sub-event type, e.g. "Air/drone strike"'),
    Param(
        "civilian_targeting",
        "bool",
        "true: only events ACLED codes as civilian targeting; false: none of them",
    ),
    Param("fatalities_min", "count", "at least this many fatalities (best estimate)"),
    Param("fatalities_max", "count", "at most this many fatalities (best estimate)"),
    Param(
        "q",
        "search",
        'full-text search over notes and evidence: words (all must match), "a phrase", OR, NOT or -word,'
        " prefix*, parentheses",
    ),
)
PAGE_PARAMS = (
    Param("limit", "int", f"rows per page, 1-{MAX_LIMIT} (default {DEFAULT_LIMIT})"),
    Param("offset", "int", "rows to skip (default 0)"),
)
SORT_PARAM = Param(
    "sort",
    "sort",
    "order: date (default), fatalities, country, type or grade; a leading - reverses (e.g. -fatalities)",
    tuple(k for key in SORT_KEYS for k in (key, f"-{key}")),
)
LIST_PARAMS = FILTER_PARAMS + PAGE_PARAMS + (SORT_PARAM,)
# Leaflet's deepest zoom level.
MAX_ZOOM = 22
PLACE_PARAMS = (
    Param("bbox", "bbox", "the map view: MIN_LON,MIN_LAT,MAX_LON,MAX_LAT (WGS84 degrees)"),
    Param("zoom", "zoom", f"the map's zoom level, 0-{MAX_ZOOM}; labels start at zoom 5"),
)
# Fatality bounds past this are typos (the deadliest single events are in the tens of thousands).
MAX_FATALITIES = 10**7
_TRUE = ("true", "1", "yes")
_FALSE = ("false", "0", "no")


@dataclass(slots=True, frozen=True, kw_only=True)
class Page:
    """Which slice of the result: `limit` rows after `offset`."""

    limit: int = DEFAULT_LIMIT
    offset: int = 0


def _date(name: str, text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ApiError(400, f"{name}: not a date (YYYY-MM-DD): {text!r}", name) from None


def bbox(text: str) -> tuple[float, float, float, float]:
    """A validated MIN_LON,MIN_LAT,MAX_LON,MAX_LAT."""
    return _bbox(text)


def zoom(text: str) -> int:
    """A validated map zoom level."""
    return _int("zoom", text, 0, MAX_ZOOM)


def _bbox(text: str) -> tuple[float, float, float, float]:
    message = f"bbox must be MIN_LON,MIN_LAT,MAX_LON,MAX_LAT in degrees: {text!r}"
    try:
        parts = tuple(float(p) for p in text.split(","))
    except ValueError:
        raise ApiError(400, message, "bbox") from None
    if len(parts) != 4 or not all(math.isfinite(p) for p in parts):
        raise ApiError(400, message, "bbox")
    min_lon, min_lat, max_lon, max_lat = parts
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise ApiError(400, f"bbox out of range or min > max: {text!r}", "bbox")
    return min_lon, min_lat, max_lon, max_lat


def _int(name: str, text: str, low: int, high: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise ApiError(400, f"{name}: not an integer: {text!r}", name) from None
    if not low <= value <= high:
        raise ApiError(400, f"{name} must be between {low} and {high}, not {value}", name)
    return value


def check_known(query: Mapping[str, str], allowed: tuple[Param, ...]) -> None:
    """Reject unknown or repeated parameters, so a typo is not silently ignored."""
    names = {p.name for p in allowed}
    for key in query:
        if key not in names:
            raise ApiError(400, f"unknown parameter {key!r}; allowed: {', '.join(sorted(names))}", key)


def filters(query: Mapping[str, str]) -> Filters:
    """The filter parameters as a store `Filters` (no limit)."""
    values: dict[str, str] = {}
    for p in FILTER_PARAMS:
        raw = query.get(p.name)
        if raw is None or raw.strip() == "":
            continue
        if len(raw) > MAX_TEXT:
            raise ApiError(400, f"{p.name}: longer than {MAX_TEXT} characters", p.name)
        if any(ord(c) < 32 for c in raw):  # PostgreSQL refuses NUL in text; no name holds a control character
            raise ApiError(400, f"{p.name}: contains a control character", p.name)
        values[p.name] = raw.strip()
    if "q" in values:
        try:
            parse(values["q"])
        except SearchSyntaxError as exc:
            raise ApiError(400, f"q: {exc}", "q") from None
    civilian = None
    if "civilian_targeting" in values:
        flag = values["civilian_targeting"].casefold()
        if flag not in _TRUE + _FALSE:
            raise ApiError(400, "civilian_targeting must be true or false", "civilian_targeting")
        civilian = flag in _TRUE
    low = (
        _int("fatalities_min", values["fatalities_min"], 0, MAX_FATALITIES)
        if "fatalities_min" in values
        else None
    )
    high = (
        _int("fatalities_max", values["fatalities_max"], 0, MAX_FATALITIES)
        if "fatalities_max" in values
        else None
    )
    if low is not None and high is not None and low > high:
        raise ApiError(400, f"fatalities_min ({low}) is above fatalities_max ({high})", "fatalities_min")
    if "grade" in values and values["grade"] not in GRADES:
        raise ApiError(400, f"unknown grade {values['grade']!r}; one of: {', '.join(GRADES)}", "grade")
    date_from = _date("from", values["from"]) if "from" in values else None
    date_to = _date("to", values["to"]) if "to" in values else None
    if date_from and date_to and date_from > date_to:
        raise ApiError(400, f"from ({date_from}) is after to ({date_to})", "from")
    return Filters(
        date_from=date_from,
        date_to=date_to,
        country=values.get("country"),
        admin1=values.get("admin1"),
        event_type=values.get("type"),
        actor=values.get("actor"),
        outlet=values.get("outlet"),
        bbox=_bbox(values["bbox"]) if "bbox" in values else None,
        grade=values.get("grade"),
        sub_event_type=values.get("sub_event_type"),
        civilian_targeting=civilian,
        fatalities_min=low,
        fatalities_max=high,
        text=values.get("q"),
    )


def table_slice(query: Mapping[str, str]) -> tuple[int | None, int]:
    """(limit, offset) of a CSV or GeoJSON table: every matching row unless `limit` caps it."""
    limit = _int("limit", query["limit"], 1, MAX_TABLE_ROWS) if query.get("limit") else None
    offset = _int("offset", query["offset"], 0, 10**9) if query.get("offset") else 0
    return limit, offset


def sort(query: Mapping[str, str]) -> str | None:
    """The sort key, validated (None: the default order, by date)."""
    value = (query.get("sort") or "").strip()
    if not value:
        return None
    if value not in SORT_PARAM.enum:
        raise ApiError(400, f"unknown sort {value!r}; one of: {', '.join(SORT_PARAM.enum)}", "sort")
    return value


def page(query: Mapping[str, str], max_limit: int = MAX_LIMIT, default: int = DEFAULT_LIMIT) -> Page:
    """limit/offset, validated."""
    limit = _int("limit", query["limit"], 1, max_limit) if query.get("limit") else default
    offset = _int("offset", query["offset"], 0, 10**9) if query.get("offset") else 0
    return Page(limit=limit, offset=offset)
