"""Read endpoints of the API. Each parses and validates its query, runs one query module function in a
worker thread (with that thread's read-only store) and answers JSON, GeoJSON or CSV."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from frontwire.records import to_dict
from frontwire.store.base import Store
from frontwire.store.query import stats
from frontwire.web import params, queries, serialize
from frontwire.web.params import FILTER_PARAMS, PAGE_PARAMS, ApiError, Param
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


class Api:
    """The read endpoints over per-thread read-only stores."""

    def __init__(self, stores: ThreadStores, config: dict[str, Any]) -> None:
        self.stores = stores
        self.config = config

    async def _run(self, func: Callable[[Store], Any]) -> Any:
        return await run_in_threadpool(lambda: func(self.stores.get()))

    async def get_config(self, request: Request) -> JSONResponse:
        _query(request, ())
        return JSONResponse(self.config)

    async def get_events(self, request: Request) -> JSONResponse:
        query = _query(request, FILTER_PARAMS + PAGE_PARAMS)
        f, page = params.filters(query), params.page(query)

        def run(store: Store) -> tuple[list[dict], bool]:
            found = queries.events(store, f, page)
            return [serialize.event(row, queries.event_member(row)) for row in found.items], found.has_more

        items, has_more = await self._run(run)
        return JSONResponse(
            {
                "items": items,
                "limit": page.limit,
                "offset": page.offset,
                "next": _next_link(request, page, has_more),
            }
        )

    async def get_incidents(self, request: Request) -> JSONResponse:
        query = _query(request, FILTER_PARAMS + PAGE_PARAMS)
        f, page = params.filters(query), params.page(query)
        found = await self._run(lambda store: queries.incidents(store, f, page))
        return JSONResponse(
            {
                "items": [serialize.incident(i) for i in found.items],
                "limit": page.limit,
                "offset": page.offset,
                "next": _next_link(request, page, found.has_more),
            }
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
        _query(request, ())
        return JSONResponse(await self._run(queries.facets))

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

    async def get_export(self, request: Request) -> Response:
        """ACLED-column CSV (or GeoJSON) of the filtered incidents, via `frontwire.export`."""
        from frontwire.export import rows_for
        from frontwire.export.writers import write_acled_csv, write_geojson

        fmt = request.path_params["fmt"]
        if fmt not in ("csv", "geojson"):
            raise ApiError(404, "export formats: csv, geojson")
        f = params.filters(_query(request, FILTER_PARAMS))

        def run(store: Store) -> str:
            out = io.StringIO()
            (write_acled_csv if fmt == "csv" else write_geojson)(rows_for(store, f), out)
            return out.getvalue()

        text = await self._run(run)
        media = "text/csv; charset=utf-8" if fmt == "csv" else "application/geo+json"
        name = "frontwire-incidents.csv" if fmt == "csv" else "frontwire-incidents.geojson"
        return Response(
            text, media_type=media, headers={"content-disposition": f'attachment; filename="{name}"'}
        )
