"""Storage: pages, articles, comments, outlets, event mentions and incidents in SQLite or PostgreSQL.

    store = open_store(None)                       # SQLite under $FRONTWIRE_DATA or the XDG data dir
    store = open_store("postgresql://u@host/db")   # PostgreSQL (psycopg 3)
    store.write_page(page, article, mentions)      # one transaction per page; idempotent

Queries live in `frontwire.store.query`; the CLI handlers in `frontwire.store.cli`.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

from frontwire.errors import ConfigError
from frontwire.store.base import Store, WriteResult

DEFAULT_FILENAME = "frontwire.sqlite"
ENV_DATA = "FRONTWIRE_DATA"


def default_path() -> Path:
    """`$FRONTWIRE_DATA/frontwire.sqlite`, else in `$XDG_DATA_HOME/frontwire/` (default `~/.local/share`)."""
    if os.environ.get(ENV_DATA):
        return Path(os.environ[ENV_DATA]) / DEFAULT_FILENAME
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "frontwire" / DEFAULT_FILENAME


def open_store(
    url_or_path: str | os.PathLike | None = None, *, read_only: bool = False, migrate: bool = True
) -> Store:
    """Open (and, unless read-only, migrate) a store: None for the default SQLite file, a path,
    `sqlite:///path`, or `postgresql://…`. Raises ConfigError for a malformed target, StoreError when the
    database cannot be used (unreachable, read-only, newer schema); nothing is written in either case."""
    from frontwire.store.sqlite import SQLiteStore

    if url_or_path is None:
        path = default_path()
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        store: Store = SQLiteStore(path, read_only=read_only)
    else:
        target = os.fspath(url_or_path)
        if not target.strip():
            raise ConfigError("--db", "empty database path or URL")
        scheme = urlsplit(target).scheme.lower() if "://" in target else ""
        if scheme in ("postgresql", "postgres"):
            from frontwire.store.postgres import PostgresStore

            store = PostgresStore(target, read_only=read_only)
        elif scheme == "sqlite":
            path_part = target.split("://", 1)[1]
            if not path_part.startswith("/") or path_part == "/":
                raise ConfigError(
                    target, "malformed SQLite URL: use sqlite:///relative.db or sqlite:////abs/path.db"
                )
            store = SQLiteStore(Path(path_part[1:]), read_only=read_only)
        elif scheme:
            raise ConfigError(
                target, f"unsupported database scheme {scheme!r}: use a path, sqlite:///… or postgresql://…"
            )
        else:
            store = SQLiteStore(Path(target), read_only=read_only)
    try:
        if migrate and not read_only:
            store.migrate()
        elif store.schema_version() == 0:
            raise ConfigError(store.name, "not a frontwire database (no schema); run an ingest first")
    except BaseException:
        store.close()
        raise
    return store


__all__ = ["Store", "WriteResult", "default_path", "open_store"]
