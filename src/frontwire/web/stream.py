"""Live endpoints for `frontwire watch`: new and changed incidents as server-sent events at /api/stream, and
the health of the watched sources at /api/sources.

The watcher logs every incident a new item creates or changes in `watch_changes` (same database, another
process); the stream reads that log every STREAM_POLL_S from where the client stands (`Last-Event-ID`,
`?since=`, or the end of the log when it connects) and sends each incident as a map feature:

    id: 42
    event: incident
    data: {"change": "new", "feature": {"type": "Feature", "id": "inc-…", ...}, "published": "…"}
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from frontwire.store.base import Store
from frontwire.web.params import ApiError
from frontwire.web.serialize import MAP_PROPERTIES, feature
from frontwire.web.stores import ThreadStores

# How often the stream looks for changes: a quarter of the 2 s poll interval the latency target assumes.
STREAM_POLL_S = 0.5
# A comment line this often keeps proxies from closing an idle stream (nginx's default timeout is 60 s).
HEARTBEAT_S = 15.0
# Changes sent per read of the log; a client far behind catches up over several reads.
BATCH = 200
# Browsers retry a dropped stream after this long (the `retry:` field, milliseconds).
RETRY_MS = 2000

OPENAPI_PATHS: dict[str, Any] = {
    "/api/stream": {
        "get": {
            "summary": "New and changed incidents as server-sent events, as `frontwire watch` stores them",
            "description": "Each event is `event: incident` with `id:` its place in the change log and JSON"
            " data {change: 'new'|'changed', feature: a map GeoJSON Feature (null when not located),"
            " incident_id, source, published, changed_at}. Reconnecting with Last-Event-ID (or ?since=ID)"
            " resumes after that change; without either the stream starts with the next change.",
            "parameters": [
                {
                    "name": "since",
                    "in": "query",
                    "description": "send changes after this id (0: the whole log)",
                    "schema": {"type": "integer", "minimum": 0},
                }
            ],
            "responses": {
                "200": {"description": "an endless text/event-stream", "content": {"text/event-stream": {}}},
                "400": {"description": "invalid parameter"},
            },
        }
    },
    "/api/sources": {
        "get": {
            "summary": "Health of the sources `frontwire watch` polls: last poll, last new item, errors",
            "parameters": [],
            "responses": {"200": {"description": "OK", "content": {"application/json": {}}}},
        }
    },
}

_FEATURE_COLUMNS = ", ".join(["id", "latitude", "longitude", *MAP_PROPERTIES])


def _has_log(store: Store) -> bool:
    return store._table_exists("watch_changes")


def latest(store: Store) -> int:
    if not _has_log(store):
        return 0
    return int(store.rows("SELECT MAX(seq) AS s FROM watch_changes")[0]["s"] or 0)


def changes(store: Store, after: int) -> list[dict[str, Any]]:
    """Changes after `after`, each with its incident as a map feature (null when not located)."""
    if not _has_log(store):
        return []
    rows = store.rows(
        "SELECT seq, incident_id, change, source_id, published, changed_at FROM watch_changes"
        " WHERE seq > ? ORDER BY seq LIMIT ?",
        (after, BATCH),
    )
    ids = sorted({r["incident_id"] for r in rows})
    found: dict[str, dict] = {}
    for chunk in store.iter_chunks(ids):
        marks = ", ".join("?" * len(chunk))
        for row in store.rows(f"SELECT {_FEATURE_COLUMNS} FROM incidents WHERE id IN ({marks})", list(chunk)):
            found[row["id"]] = row
    out = []
    for r in rows:
        row = found.get(r["incident_id"])
        located = row is not None and row["latitude"] is not None and row["longitude"] is not None
        out.append(
            {
                "seq": r["seq"],
                "change": r["change"],
                "incident_id": r["incident_id"],
                "feature": feature(row) if located else None,
                "source": r["source_id"],
                "published": r["published"],
                "changed_at": r["changed_at"],
            }
        )
    return out


def sources(store: Store) -> list[dict[str, Any]]:
    """Every watched source with its health; items still pending or failed per source."""
    if not store._table_exists("watch_sources"):
        return []
    counts: dict[tuple[str, str], int] = {
        (r["source_id"], r["status"]): int(r["n"])
        for r in store.rows(
            "SELECT source_id, status, COUNT(*) AS n FROM watch_items GROUP BY source_id, status"
        )
    }
    out = []
    for r in store.rows("SELECT * FROM watch_sources ORDER BY name, id"):
        out.append(
            {
                "id": r["id"],
                "name": r["name"],
                "kind": r["kind"],
                "tags": json.loads(r["tags_json"]),
                "last_poll": r["last_poll"],
                "last_ok": r["last_ok"],
                "last_new": r["last_new"],
                "last_error": r["last_error"],
                "failures": r["failures"],
                "polls": r["polls"],
                "items": r["items"],
                "pending": counts.get((r["id"], "pending"), 0),
                "failed_items": counts.get((r["id"], "failed"), 0),
                "healthy": r["last_error"] is None,
            }
        )
    return out


def _since(request: Request) -> int | None:
    raw = request.headers.get("last-event-id") or request.query_params.get("since")
    if raw is None:
        return None
    if not raw.isdigit() or len(raw) > 18:
        raise ApiError(400, f"not a change id: {raw[:40]!r}", "since")
    return int(raw)


def routes(stores: ThreadStores) -> list[Route]:
    """The live routes over the server's read-only stores."""

    async def stream(request: Request) -> Response:
        unknown = sorted(set(request.query_params) - {"since"})
        if unknown:
            raise ApiError(400, f"unknown parameter {unknown[0]!r}", unknown[0])
        since = _since(request)
        start = since if since is not None else await run_in_threadpool(lambda: latest(stores.get()))

        def read(after: int) -> list[dict[str, Any]]:
            return changes(stores.get(), after)

        async def events() -> AsyncIterator[str]:
            after = start
            beat = time.monotonic()
            yield f"retry: {RETRY_MS}\n: watching from change {after}\n\n"
            while not await request.is_disconnected():
                found = await run_in_threadpool(read, after)
                for change in found:
                    after = change["seq"]
                    yield f"id: {after}\nevent: incident\ndata: {json.dumps(change)}\n\n"
                if found:
                    beat = time.monotonic()
                    continue
                if time.monotonic() - beat > HEARTBEAT_S:
                    beat = time.monotonic()
                    yield ": still here\n\n"
                await asyncio.sleep(STREAM_POLL_S)

        headers = {"cache-control": "no-cache", "x-accel-buffering": "no"}
        return StreamingResponse(events(), media_type="text/event-stream", headers=headers)

    async def health(request: Request) -> Response:
        if request.query_params:
            raise ApiError(400, "/api/sources takes no parameters", next(iter(request.query_params)))
        return JSONResponse({"sources": await run_in_threadpool(lambda: sources(stores.get()))})

    return [Route("/api/stream", stream), Route("/api/sources", health)]
