"""`frontwire serve`: a read-only JSON API over a store and an offline web map of its incidents.

    from frontwire.web import ServeSettings, create_app
    app = create_app(ServeSettings(db="example.sqlite"))   # any ASGI server; `frontwire serve` uses uvicorn

Needs the `web` extra (starlette, uvicorn). Writing (POST /api/pages) is on only with a bearer token.
"""

from __future__ import annotations

from typing import Any

from frontwire.web.settings import ServeSettings

__all__ = ["ServeSettings", "create_app"]


def __getattr__(name: str) -> Any:
    # The app needs the web extra; importing the package (as the CLI does to register `serve`) must not.
    if name == "create_app":
        from frontwire.web.app import create_app

        return create_app
    raise AttributeError(name)
