"""The ASGI app of `frontwire serve`: the JSON API under /api, the OpenAPI document, the map page at /.

app = create_app(ServeSettings(db="example.sqlite"))       # read-only
uvicorn.run(app, host="127.0.0.1", port=8000)
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from frontwire.errors import FrontwireError
from frontwire.store import open_store
from frontwire.web import openapi, stream
from frontwire.web.api import Api
from frontwire.web.params import MAX_MAP_LIMIT, ApiError
from frontwire.web.security import SecurityHeaders, content_security_policy
from frontwire.web.settings import ServeSettings
from frontwire.web.stores import ThreadStores
from frontwire.web.write import Writer, endpoint

STATIC = Path(__file__).resolve().parent / "static"
# Static assets are versioned by the package; an hour of caching saves reloads without going stale for long.
STATIC_MAX_AGE_S = 3600


async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    headers = {"www-authenticate": "Bearer"} if exc.status == 401 else None
    return JSONResponse({"error": exc.message, "param": exc.param}, status_code=exc.status, headers=headers)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return JSONResponse(
        {"error": exc.detail, "param": None}, status_code=exc.status_code, headers=exc.headers
    )


async def _store_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, FrontwireError)
    return JSONResponse({"error": f"database unavailable: {exc.reason}", "param": None}, status_code=503)


class _Static(StaticFiles):
    """Static files with a cache lifetime."""

    async def get_response(self, path: str, scope) -> Response:  # type: ignore[override]
        response = await super().get_response(path, scope)
        response.headers.setdefault("cache-control", f"public, max-age={STATIC_MAX_AGE_S}")
        return response


def create_app(settings: ServeSettings) -> Starlette:
    """The app over `settings.db`. The database is opened once here, so a bad --db fails at start-up."""
    open_store(settings.db, read_only=True).close()
    stores = ThreadStores(settings.db)
    config = {
        "tiles": settings.tiles,
        "tiles_attribution": settings.tiles_attribution,
        "basemap": "/static/vendor/world-atlas/countries-50m.geojson",
        "writable": settings.writable,
        "max_map_features": MAX_MAP_LIMIT,
    }
    from frontwire.geo.paths import default_index_path
    from frontwire.web.places import PlaceLabels

    api = Api(
        stores, config, PlaceLabels(Path(settings.gazetteer) if settings.gazetteer else default_index_path())
    )
    writer = Writer(settings=settings) if settings.writable else None
    document = openapi.document(settings.writable)

    async def index(request: Request) -> Response:
        return FileResponse(STATIC / "index.html", headers={"cache-control": "no-cache"})

    async def openapi_json(request: Request) -> Response:
        return JSONResponse(document)

    routes = [
        Route("/", index),
        Route("/openapi.json", openapi_json),
        Route("/api/config", api.get_config),
        Route("/api/events", api.get_events),
        Route("/api/incidents", api.get_incidents),
        Route("/api/incidents/{incident_id}", api.get_incident),
        Route("/api/articles/{article_id}", api.get_article),
        Route("/api/outlets", api.get_outlets),
        Route("/api/facets", api.get_facets),
        Route("/api/stats", api.get_stats),
        Route("/api/map.geojson", api.get_map),
        Route("/api/places.geojson", api.get_places),
        Route("/api/export.{fmt}", api.get_export),
        Route("/api/{kind}.{fmt}", api.get_table),
        Mount("/static", app=_Static(directory=STATIC), name="static"),
    ]
    routes[-1:-1] = stream.routes(stores)  # /api/stream and /api/sources (frontwire watch)
    if writer is not None:
        routes.append(Route("/api/pages", endpoint(writer), methods=["POST"]))

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        if writer is not None:
            writer.close()
        stores.close()

    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        exception_handlers={
            ApiError: _api_error,
            HTTPException: _http_error,
            FrontwireError: _store_error,
        },
    )
    app.add_middleware(SecurityHeaders, csp=content_security_policy(settings.tiles))
    return app
