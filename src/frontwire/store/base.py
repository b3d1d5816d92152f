"""The storage interface: one `Store` over SQLite or PostgreSQL.

A backend supplies five primitives (`_run`, `_rows`, `_many`, `_transaction`, `_table_exists`) over SQL
written once with `?` placeholders; everything else (migrations, ingest, incidents, queries) is shared.
"""

from __future__ import annotations

import abc
import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from frontwire.errors import StoreError
from frontwire.records import Article, EventMention, Page
from frontwire.store.migrations import LATEST_VERSION, MIGRATIONS, SCHEMA_VERSION_TABLE
from frontwire.store.rows import Row

if TYPE_CHECKING:
    from frontwire.store._rebuild import RebuildResult

TABLES = (
    "schema_version",
    "outlets",
    "pages",
    "articles",
    "comments",
    "mentions",
    "incidents",
    "incident_mentions",
    "regroup_pending",
)


@dataclass(slots=True, frozen=True, kw_only=True)
class WriteResult:
    """What one `write_page` did: status is "new", "unchanged" or "superseded" (a corrected version)."""

    page_id: str
    status: str
    mentions: int = 0
    incidents: tuple[str, ...] = ()
    superseded: str | None = None


class Store(abc.ABC):
    """A frontwire database. Open one with `frontwire.store.open_store`; close it (or use `with`)."""

    backend: str = ""

    def __init__(self, name: str, *, read_only: bool = False) -> None:
        self.name = name
        self.read_only = read_only

    # -- backend primitives -------------------------------------------------------------------------
    @abc.abstractmethod
    def _run(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Execute one statement; returns the number of rows changed."""

    @abc.abstractmethod
    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Execute a query; rows as dicts keyed by column name."""

    @abc.abstractmethod
    def _many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Execute one statement for many parameter rows."""

    @abc.abstractmethod
    def _transaction(self) -> AbstractContextManager[None]:
        """A write transaction: commits on success, rolls back on any exception; one writer at a time."""

    @abc.abstractmethod
    def _table_exists(self, table: str) -> bool: ...

    @abc.abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema -----------------------------------------------------------------------------------------
    def schema_version(self) -> int:
        """The schema version of the open database (0 when empty)."""
        if not self._table_exists("schema_version"):
            return 0
        rows = self._rows("SELECT MAX(version) AS v FROM schema_version")
        return int(rows[0]["v"] or 0)

    def _check_version(self) -> int:
        version = self.schema_version()
        if version > LATEST_VERSION:
            raise StoreError(
                self.name,
                f"database schema version {version} is newer than this frontwire supports ({LATEST_VERSION});"
                " upgrade frontwire. Nothing was written.",
            )
        return version

    def migrate(self) -> int:
        """Bring the schema up to date, one migration per transaction; returns the version reached."""
        version = self._check_version()
        if version == LATEST_VERSION:
            return version
        if self.read_only:
            raise StoreError(
                self.name, f"schema version {version} needs migrating but the store is read-only"
            )
        for migration in MIGRATIONS:
            if migration.version <= version:
                continue
            with self._transaction():
                if not self._table_exists("schema_version"):
                    self._run(SCHEMA_VERSION_TABLE)
                for statement in migration.for_backend(self.backend):
                    self._run(statement)
                self._run(
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                    (migration.version, migration.name, _now()),
                )
        return LATEST_VERSION

    # -- writing ----------------------------------------------------------------------------------------
    def write_page(self, page: Page, article: Article, mentions: Sequence[EventMention]) -> WriteResult:
        """Store one page with its article, comments and mentions, and merge the mentions into incidents.

        One transaction: after a crash the page is either fully there or not at all. Writing the same
        content again changes nothing; new content for the same document supersedes the current version,
        which is kept as history.
        """
        from frontwire.store._ingest import write_page

        if self.read_only:
            raise StoreError(self.name, "the store was opened read-only")
        with self._transaction():
            return write_page(self, page, article, mentions)

    def rebuild_incidents(self) -> RebuildResult:
        """Regroup every current mention into incidents in one canonical order (event date, mention id).

        One transaction. The same mentions then give the same incidents whatever order their pages were
        written in, which several workers do not keep (`frontwire.store._rebuild`).
        """
        from frontwire.store._rebuild import rebuild_incidents

        if self.read_only:
            raise StoreError(self.name, "the store was opened read-only")
        with self._transaction():
            return rebuild_incidents(self)

    def regroup_pending(self) -> RebuildResult:
        """Regroup, in the canonical order, the incidents around every mention written since the last
        regroup (`frontwire.store._rebuild.regroup_pending`); one transaction.

        Each run that writes pages calls this when it ends, so the same mentions give the same incidents
        whatever order their pages came in, however many workers wrote them, and whether or not an
        earlier run was killed before its end.
        """
        from frontwire.store._rebuild import regroup_pending

        if self.read_only:
            raise StoreError(self.name, "the store was opened read-only")
        with self._transaction():
            return regroup_pending(self)

    # -- reading ----------------------------------------------------------------------------------------
    def dump(self) -> dict[str, list[tuple]]:
        """Every table's rows, sorted, as plain tuples: for tests and consistency checks."""
        out: dict[str, list[tuple]] = {}
        for table in TABLES:
            rows = self._rows(f"SELECT * FROM {table}")  # noqa: S608 - table names are constants
            out[table] = sorted((tuple(r.values()) for r in rows), key=repr)
        return out

    def count(self, table: str, where: str = "", params: Sequence[Any] = ()) -> int:
        """Number of rows of a table (a constant name), optionally filtered."""
        if table not in TABLES:
            raise ValueError(f"unknown table {table!r}")
        sql = f"SELECT COUNT(*) AS n FROM {table}" + (f" WHERE {where}" if where else "")
        return int(self._rows(sql, params)[0]["n"])

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """A read-only query with `?` parameters (used by `frontwire.store.query`)."""
        return self._rows(sql, params)

    def iter_chunks(self, ids: Sequence[str], size: int = 500) -> Iterator[Sequence[str]]:
        """`ids` in chunks small enough for an IN (...) list."""
        for start in range(0, len(ids), size):
            yield ids[start : start + size]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def now() -> str:
    """The current UTC time as stored (ISO-8601, seconds)."""
    return _now()
