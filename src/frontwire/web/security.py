"""Response headers that keep scraped text inert in the browser, and the bearer-token check for writes."""

from __future__ import annotations

import hmac
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from frontwire.web.params import ApiError


def content_security_policy(tile_url: str | None) -> str:
    """A strict policy: scripts, styles and data only from this server; no inline script or style markup;
    images also from the tile server when one is configured (and `data:` for Leaflet's blank tiles)."""
    img = ["'self'", "data:"]
    if tile_url:
        parts = urlsplit(tile_url)
        host = parts.netloc.replace("{s}", "*")
        img.append(f"{parts.scheme}://{host}")
    directives = (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        f"img-src {' '.join(img)}",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
    return "; ".join(directives)


class SecurityHeaders:
    """Pure ASGI middleware adding the policy headers to every HTTP response."""

    def __init__(self, app: ASGIApp, csp: str) -> None:
        self.app = app
        self.headers = [
            (b"content-security-policy", csp.encode("ascii")),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"),
            (b"x-frame-options", b"DENY"),
            (b"cross-origin-opener-policy", b"same-origin"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + self.headers
            await send(message)

        await self.app(scope, receive, with_headers)


def check_bearer(authorization: str | None, token: str) -> None:
    """401 without a bearer token, 403 with a wrong one; the comparison takes the same time either way."""
    if not authorization:
        raise ApiError(401, "writing needs 'Authorization: Bearer <token>'")
    scheme, _, given = authorization.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise ApiError(401, "writing needs 'Authorization: Bearer <token>'")
    if not hmac.compare_digest(given.strip().encode("utf-8"), token.encode("utf-8")):
        raise ApiError(403, "wrong token")
