"""Read endpoints of the API. Each parses and validates its query, runs one query module function in a
worker thread (with that thread's read-only store) and answers JSON, GeoJSON or CSV."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse

from frontwire.records import to_dict
from frontwire.store.base import Store
from frontwire.store.query import stats
from frontwire.web import params, queries, serialize, tables
from frontwire.web.params import FILTER_PARAMS, LIST_PARAMS, PAGE_PARAMS, PLACE_PARAMS, ApiError, Param
from frontwire.web.places import PlaceLabels
from frontwire.web.stores import ThreadStores

# Ids are content hashes like "inc-…", "ev-…", "ar-…"; anything longer is not one of ours.
MAX_ID_CHARS = 100


def _query(request: Request, allowed: tuple[Param, ...]) -> dict[str, str]:
    items = request.query_params.multi_items()
    seen: set[str] = set()
    for key, _ in items:
        if key in seen:
            raise ApiError(400, f"parameter {key!r} given more than once", key)
        seen.add(key)
    query = dict(items)
    params.check_known(query, allowed)
    return query


def _next_link(request: Request, page: params.Page, has_more: bool) -> str | None:
    if not has_more:
        return None
    return str(request.url.include_query_params(offset=page.offset + page.limit, limit=page.limit))


def _id(request: Request, name: str) -> str:
    value = request.path_params[name]
    if len(value) > MAX_ID_CHARS:
        raise ApiError(404, f"no such {name.removesuffix('_id')}")
    return value


def _page_body(
    request: Request, page: params.Page, sort: str | None, items: list, has_more: bool, total: int
) -> dict[str, Any]:
    return {
        "items": items,
        "total": total,
        "limit": page.limit,
        "offset": page.offset,
        "sort": sort or "date",
        "next": _next_link(request, page, has_more),
    }


class Api:
    """The read endpoints over per-thread read-only stores."""

    def __init__(self, stores: ThreadStores, config: dict[str, Any], labels: PlaceLabels) -> None:
        self.stores = stores
        self.config = config
        self.labels = labels

    async def _run(self, func: Callable[[Store], Any]) -> Any:
        return await run_in_threadpool(lambda: func(self.stores.get()))

    async def get_config(self, request: Request) -> JSONResponse:
        _query(request, ())
        return JSONResponse(self.config)

    async def get_events(self, request: Request) -> JSONResponse:
        query = _query(request, LIST_PARAMS)
        f, page, sort = params.filters(query), params.page(query), params.sort(query)

        def run(store: Store) -> tuple[list[dict], bool, int]:
            found, total = queries.events_counted(store, f, page, sort)
            outlets: dict = {}
            items = [serialize.event(row, queries.event_member(row, outlets)) for row in found.items]
            return items, found.has_more, total

        items, has_more, total = await self._run(run)
        return JSONResponse(_page_body(request, page, sort, items, has_more, total))

    async def get_incidents(self, request: Request) -> JSONResponse:
        query = _query(request, LIST_PARAMS)
        f, page, sort = params.filters(query), params.page(query), params.sort(query)

        found, total = await self._run(lambda store: queries.incidents_counted(store, f, page, sort))
        items = [serialize.incident(i) for i in found.items]
        return JSONResponse(_page_body(request, page, sort, items, found.has_more, total))

    async def get_table(self, request: Request) -> Response:
        """/api/events.csv, /api/events.geojson, /api/incidents.csv, /api/incidents.geojson: every matching
        row (or `limit` of them) in `sort` order, streamed."""
        kind, fmt = request.path_params["kind"], request.path_params["fmt"]
        if kind not in ("events", "incidents") or fmt not in ("csv", "geojson"):
            raise ApiError(404, "tables: /api/events.csv, .geojson; /api/incidents.csv, .geojson")
        query = _query(request, LIST_PARAMS)
        f, sort = params.filters(query), params.sort(query)
        limit, offset = params.table_slice(query)
        fetch = (tables.events_fetch if kind == "events" else tables.incidents_fetch)(f, sort)
        chunks = tables.Chunks(self.stores.get, fetch)
        if fmt == "csv":
            columns = tables.EVENT_COLUMNS if kind == "events" else tables.INCIDENT_COLUMNS
            body = tables.csv_stream(chunks, columns, limit, offset)
            media = "text/csv; charset=utf-8"
        else:
            body = tables.geojson_stream(chunks, limit, offset)
            media = "application/geo+json"
        name = f"frontwire-{kind}.{fmt}"
        return StreamingResponse(
            body, media_type=media, headers={"content-disposition": f'attachment; filename="{name}"'}
        )

    async def get_incident(self, request: Request) -> JSONResponse:
        _query(request, ())
        incident_id = _id(request, "incident_id")
        found = await self._run(lambda store: queries.incident(store, incident_id))
        if found is None:
            raise ApiError(404, "no such incident")
        incident, sources = found
        return JSONResponse(
            {**serialize.incident(incident), "sources": [serialize.source(s) for s in sources]}
        )

    async def get_article(self, request: Request) -> JSONResponse:
        _query(request, ())
        article_id = _id(request, "article_id")
        found = await self._run(lambda store: queries.article(store, article_id))
        if found is None:
            raise ApiError(404, "no such article")
        return JSONResponse(serialize.article(*found))

    async def get_outlets(self, request: Request) -> JSONResponse:
        _query(request, ())
        found = await self._run(queries.outlets)
        return JSONResponse({"items": [serialize.outlet_dict(row, n) for row, n in found]})

    async def get_facets(self, request: Request) -> JSONResponse:
        f = params.filters(_query(request, FILTER_PARAMS))
        return JSONResponse(await self._run(lambda store: queries.facets(store, f)))

    async def get_stats(self, request: Request) -> JSONResponse:
        _query(request, ())
        return JSONResponse(to_dict(await self._run(stats)))

    async def get_map(self, request: Request) -> Response:
        query = _query(request, FILTER_PARAMS + (PAGE_PARAMS[0],))
        f = params.filters(query)
        limit = params.page(query, params.MAX_MAP_LIMIT, params.MAX_MAP_LIMIT).limit
        found = await self._run(lambda store: queries.map_points(store, f, limit))
        body = {
            "type": "FeatureCollection",
            "features": [serialize.feature(r) for r in found.items],
            "truncated": found.has_more,
        }
        return JSONResponse(body, media_type="application/geo+json")

    async def get_places(self, request: Request) -> Response:
        """Names of the larger gazetteer places in a map view, as GeoJSON points (empty when zoomed out)."""
        query = _query(request, PLACE_PARAMS)
        if not query.get("bbox") or not query.get("zoom"):
            raise ApiError(400, "bbox and zoom are required", "bbox" if not query.get("bbox") else "zoom")
        bbox = params.bbox(query["bbox"])
        zoom = params.zoom(query["zoom"])
        found = await run_in_threadpool(self.labels.labels, bbox, zoom)
        features = [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
                "properties": {"name": p.name, "population": p.population},
            }
            for p in found
        ]
        return JSONResponse(
            {"type": "FeatureCollection", "features": features}, media_type="application/geo+json"
        )

    async def get_export(self, request: Request) -> Response:
        """ACLED-column CSV (or GeoJSON) of the filtered incidents, via `frontwire.export`."""
        from frontwire.export import rows_for
        from frontwire.export.writers import write_geojson

        fmt = request.path_params["fmt"]
        if fmt not in ("csv", "geojson"):
            raise ApiError(404, "export formats: csv, geojson")
        f = params.filters(_query(request, FILTER_PARAMS))
        if fmt == "csv":  # streamed: rows are read and sent a chunk at a time
            chunks = tables.Chunks(self.stores.get, tables.acled_fetch(f))
            return StreamingResponse(
                tables.acled_csv_stream(chunks),
                media_type="text/csv; charset=utf-8",
                headers={"content-disposition": 'attachment; filename="frontwire-incidents.csv"'},
            )

        def run(store: Store) -> str:
            out = io.StringIO()
            write_geojson(rows_for(store, f), out)
            return out.getvalue()

        text = await self._run(run)
        return Response(
            text,
            media_type="application/geo+json",
            headers={"content-disposition": 'attachment; filename="frontwire-incidents.geojson"'},
        )
