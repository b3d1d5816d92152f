"""PostgreSQL backend (psycopg 3). Install with `pip install "psycopg[binary]"` (extra `postgres`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from frontwire.errors import ConfigError, StoreError
from frontwire.store.base import Store
from frontwire.store.rows import Row

# Give up on an unreachable server quickly: a local or LAN server answers in milliseconds.
CONNECT_TIMEOUT_S = 5
# Key of the transaction-scoped advisory lock that makes ingest one writer at a time (incident merging reads
# then writes, so two concurrent writers could otherwise found two incidents for one event).
WRITER_LOCK_KEY = 0x66726F6E74  # "front"


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    return urlunsplit(parts._replace(netloc=netloc[0].split(":", 1)[0] + ":***@" + netloc[1]))


def _sql(sql: str) -> str:
    return sql.replace("?", "%s")


class PostgresStore(Store):
    """A frontwire database in a PostgreSQL server."""

    backend = "postgresql"

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        super().__init__(redact(url), read_only=read_only)
        try:
            import psycopg
            from psycopg.conninfo import conninfo_to_dict
            from psycopg.rows import dict_row
        except ImportError as exc:
            raise ConfigError(self.name, 'PostgreSQL needs psycopg: pip install "psycopg[binary]"') from exc
        try:
            conninfo_to_dict(url)
            port = urlsplit(url).port  # raises ValueError on a non-numeric port
            del port
        except (psycopg.ProgrammingError, ValueError) as exc:
            raise ConfigError(self.name, f"malformed PostgreSQL URL: {exc}") from exc
        self._psycopg = psycopg
        try:
            self._conn = psycopg.connect(
                url, autocommit=True, row_factory=dict_row, connect_timeout=CONNECT_TIMEOUT_S
            )
        except psycopg.OperationalError as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(self.name, f"cannot connect to PostgreSQL: {first}") from exc
        if read_only:
            self._conn.execute("SET default_transaction_read_only = on")
        self._check_version()

    def _run(self, sql: str, params: Sequence[Any] = ()) -> int:
        try:
            return self._conn.execute(_sql(sql), params).rowcount
        except self._psycopg.errors.ReadOnlySqlTransaction as exc:
            raise StoreError(self.name, "the database is read-only; nothing was written") from exc

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return self._conn.execute(_sql(sql), params).fetchall()

    def _many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            with self._conn.cursor() as cur:
                cur.executemany(_sql(sql), rows)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._conn.transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK_KEY,))
            yield

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """A repeatable-read transaction: every query inside sees one consistent state."""
        with self._conn.transaction():
            self._conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            yield

    def _table_exists(self, table: str) -> bool:
        row = self._conn.execute("SELECT to_regclass(%s) AS t", (table,)).fetchone()
        return row is not None and row["t"] is not None

    def close(self) -> None:
        self._conn.close()
