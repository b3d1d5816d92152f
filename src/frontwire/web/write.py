"""POST /api/pages: a page through the reading pipeline into the store, for holders of the write token.

Only mounted when a token is configured. One writer at a time (a lock around the pipeline and the write);
the pipeline runs in a guarded worker process with the per-page time limit of `frontwire.run.guard`.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from frontwire.errors import FrontwireError, InputError
from frontwire.ingest.jsonl import load_json
from frontwire.records import Page
from frontwire.web.params import ApiError
from frontwire.web.security import check_bearer
from frontwire.web.settings import ServeSettings

# JSON escaping and the other fields add a little to the page itself.
BODY_OVERHEAD_BYTES = 64 * 1024
KINDS = ("text", "html")


@dataclass(slots=True, kw_only=True)
class Writer:
    """The write path: settings, a lazily started guarded pipeline, and the lock that makes it one writer."""

    settings: ServeSettings
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _guard: Any = None

    def write(self, page: Page) -> dict[str, Any]:
        from frontwire.pipeline import Pipeline, prepare
        from frontwire.run.guard import Guard
        from frontwire.store import open_store

        with self._lock:
            if self._guard is None:
                prepare(self.settings.pipeline)
                self._guard = Guard(self.settings.pipeline, func=Pipeline(self.settings.pipeline))
            processed = self._guard(page)
            with open_store(self.settings.db) as store:
                result = store.write_page(page, processed.article, processed.events)
        return {
            "page_id": result.page_id,
            "status": result.status,
            "mentions": result.mentions,
            "incidents": list(result.incidents),
            "superseded": result.superseded,
            "events_note": processed.events_note,
        }

    def close(self) -> None:
        with self._lock:
            if self._guard is not None:
                self._guard.close()
                self._guard = None


async def _read_body(request: Request, cap: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > cap:
            raise ApiError(413, f"request body over {cap} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _page(payload: Any) -> Page:
    """Validate the posted JSON: {"content": str, "kind": "text"|"html", "url"?: str, "published"?: date}."""
    if not isinstance(payload, dict):
        raise ApiError(400, "the body must be a JSON object")
    unknown = set(payload) - {"content", "kind", "url", "published"}
    if unknown:
        raise ApiError(400, f"unknown fields: {', '.join(sorted(unknown))}")
    content, kind, url = payload.get("content"), payload.get("kind", "text"), payload.get("url")
    if not isinstance(content, str) or not content.strip():
        raise ApiError(400, "content must be a non-empty string", "content")
    if kind not in KINDS:
        raise ApiError(400, f"kind must be one of {', '.join(KINDS)}", "kind")
    if url is not None and (not isinstance(url, str) or not url.startswith(("http://", "https://"))):
        raise ApiError(400, "url must be an http(s) URL", "url")
    published = None
    if payload.get("published") is not None:
        try:
            published = dt.date.fromisoformat(str(payload["published"]))
        except ValueError:
            raise ApiError(400, "published must be a date (YYYY-MM-DD)", "published") from None
    source = url or "POST /api/pages"
    return Page(source=source, kind=kind, content=content, url=url, published=published)


def endpoint(writer: Writer):
    """The Starlette endpoint for POST /api/pages bound to `writer`."""
    token = writer.settings.token
    assert token is not None, "the write endpoint is only mounted with a token"
    cap = writer.settings.pipeline.max_page_bytes + BODY_OVERHEAD_BYTES

    async def post_page(request: Request) -> JSONResponse:
        check_bearer(request.headers.get("authorization"), token)
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            raise ApiError(415, "send the page as application/json")
        body = await _read_body(request, cap)
        try:
            payload = load_json(body, "the body")
        except InputError as exc:  # bad syntax, deep nesting, a huge number, a lone surrogate
            raise ApiError(400, f"the body is not valid JSON: {exc.reason}") from None
        page = _page(payload)
        try:
            result = await run_in_threadpool(writer.write, page)
        except FrontwireError as exc:
            raise ApiError(422, f"page not stored: {exc.reason}") from None
        return JSONResponse(result, status_code=201 if result["status"] != "unchanged" else 200)

    return post_page
