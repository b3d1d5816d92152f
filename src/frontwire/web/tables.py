"""Events and incidents as CSV or GeoJSON, and the ACLED export, streamed in chunks.

Each chunk is one query in a worker thread (with that thread's read-only store), turned into text and sent
before the next is read: a 100,000-row download never sits in memory whole. Every CSV cell goes through
`frontwire.export.csvsafe.safe_cell`, so no cell starts a spreadsheet formula.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from typing import Any

from starlette.concurrency import run_in_threadpool

from frontwire.export.csvsafe import safe_cell
from frontwire.incidents.model import Incident
from frontwire.store.base import Store
from frontwire.store.query import Filters
from frontwire.web import queries, serialize
from frontwire.web.params import Page

# Rows per query while streaming: big enough that the per-query cost vanishes, small enough to keep memory
# flat (2,000 events are about 2 MB of rows).
CHUNK_ROWS = 2000

# The coding an event and an incident share, in ACLED's order.
_CODING_COLUMNS = (
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "civilian_targeting",
    "fatalities",
    "fatalities_low",
    "fatalities_high",
    "location",
    "admin1",
    "admin2",
    "country",
    "iso",
    "latitude",
    "longitude",
    "geo_precision",
)
EVENT_COLUMNS = (
    "id",
    *_CODING_COLUMNS,
    "claimant",
    "attribution",
    "notes",
    "evidence",
    "url",
    "outlet",
    "outlet_name",
    "incident_id",
    "grade",
)
INCIDENT_COLUMNS = ("id", *_CODING_COLUMNS, "grade", "n_mentions", "outlets", "notes")


def event_record(row: dict, outlets: dict | None = None) -> dict[str, Any]:
    """One /api/events row flattened to EVENT_COLUMNS (the place's fields at the top level)."""
    item = serialize.event(row, queries.event_member(row, outlets))
    place = item.get("place") or {}
    outlet = item.get("outlet") or {}
    flat = {**item, **{k: place.get(k) for k in ("location", "admin1", "admin2", "country", "iso")}}
    flat.update(
        latitude=place.get("latitude"),
        longitude=place.get("longitude"),
        geo_precision=place.get("geo_precision"),
        evidence=" … ".join(e["text"] for e in item.get("evidence") or []),
        outlet=outlet.get("domain"),
        outlet_name=outlet.get("name"),
    )
    return {c: flat.get(c) for c in EVENT_COLUMNS}


def incident_record(inc: Incident) -> dict[str, Any]:
    """One incident flattened to INCIDENT_COLUMNS."""
    item = serialize.incident(inc)
    item["outlets"] = "; ".join(item.get("outlets") or [])
    return {c: item.get(c) for c in INCIDENT_COLUMNS}


def _csv_text(rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows([safe_cell(v) for v in row] for row in rows)
    return out.getvalue()


def _feature(record: dict[str, Any]) -> dict[str, Any]:
    lon, lat = record.get("longitude"), record.get("latitude")
    geometry = None if lon is None or lat is None else {"type": "Point", "coordinates": [lon, lat]}
    return {"type": "Feature", "id": record["id"], "geometry": geometry, "properties": record}


class Chunks:
    """Reads a filtered, sorted list chunk by chunk: `fetch(store, page)` -> (records, more follow)."""

    def __init__(self, get_store: Callable[[], Store], fetch: Callable[[Store, Page], tuple[list, bool]]):
        self.get_store = get_store
        self.fetch = fetch

    async def records(self, limit: int | None, offset: int) -> AsyncIterator[list]:
        sent = 0
        while limit is None or sent < limit:
            size = CHUNK_ROWS if limit is None else min(CHUNK_ROWS, limit - sent)
            page = Page(limit=size, offset=offset + sent)
            items, more = await run_in_threadpool(lambda p=page: self.fetch(self.get_store(), p))
            if items:
                yield items
            sent += len(items)
            if not more or not items:
                return


def events_fetch(f: Filters, sort: str | None) -> Callable[[Store, Page], tuple[list, bool]]:
    def fetch(store: Store, page: Page) -> tuple[list, bool]:
        found = queries.events(store, f, page, sort)
        outlets: dict = {}
        return [event_record(r, outlets) for r in found.items], found.has_more

    return fetch


def incidents_fetch(f: Filters, sort: str | None) -> Callable[[Store, Page], tuple[list, bool]]:
    def fetch(store: Store, page: Page) -> tuple[list, bool]:
        found = queries.incidents(store, f, page, sort)
        return [incident_record(i) for i in found.items], found.has_more

    return fetch


async def csv_stream(
    chunks: Chunks, columns: Sequence[str], limit: int | None, offset: int
) -> AsyncIterator[str]:
    yield _csv_text([columns])
    async for records in chunks.records(limit, offset):
        yield _csv_text([[r[c] for c in columns] for r in records])


async def geojson_stream(chunks: Chunks, limit: int | None, offset: int) -> AsyncIterator[str]:
    """A FeatureCollection, one feature per row (geometry null when the row has no coordinates)."""
    yield '{"type": "FeatureCollection", "features": ['
    first = True
    async for records in chunks.records(limit, offset):
        parts = [json.dumps(_feature(r), ensure_ascii=False) for r in records]
        yield ("" if first else ",\n") + ",\n".join(parts)
        first = False
    yield "]}\n"


def acled_fetch(f: Filters) -> Callable[[Store, Page], tuple[list, bool]]:
    """ACLED rows (as lists of cell values) for one page of incidents in date order."""
    from frontwire.export import acled_context
    from frontwire.export.acled import acled_rows

    def fetch(store: Store, page: Page) -> tuple[list, bool]:
        found = queries.incidents(store, f, page)
        outlets, stamp = acled_context(store)
        return [row.values() for row in acled_rows(found.items, outlets, stamp)], found.has_more

    return fetch


async def acled_csv_stream(chunks: Chunks) -> AsyncIterator[str]:
    from frontwire.export.acled import ACLED_COLUMNS

    yield _csv_text([ACLED_COLUMNS])
    async for rows in chunks.records(None, 0):
        yield _csv_text(rows)
