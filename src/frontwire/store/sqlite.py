"""SQLite backend: one file, WAL mode so readers see a consistent snapshot while a writer ingests."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from frontwire.errors import StoreError
from frontwire.store.base import Store
from frontwire.store.rows import Row

# How long a writer waits for another writer's transaction before giving up (SQLite's busy timeout).
BUSY_TIMEOUT_S = 30.0


class SQLiteStore(Store):
    """A frontwire database in one SQLite file."""

    backend = "sqlite"

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        super().__init__(str(path), read_only=read_only)
        self.path = path
        if path.is_dir():
            raise StoreError(self.name, "is a directory, not a database file")
        if (
            path.exists()
            and not read_only
            and not (path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
        ):
            raise StoreError(
                self.name, "the database file is read-only (no write permission bit); nothing was written"
            )
        if not path.exists():
            if read_only:
                raise StoreError(self.name, "no such database")
            if not path.parent.is_dir():
                raise StoreError(self.name, f"directory {path.parent} does not exist")
            if not os.access(path.parent, os.W_OK):
                raise StoreError(self.name, f"directory {path.parent} is not writable")
        uri = f"file:{path}?mode=ro" if read_only else f"file:{path}?mode=rwc"
        try:
            self._conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_S)
            self._conn.row_factory = sqlite3.Row
            self._check_version()  # before any write: a newer schema must stay untouched
            if not read_only:
                self._conn.execute("PRAGMA journal_mode=WAL")
                # WAL + NORMAL survives a killed process (only a power cut can lose the last commits).
                self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.execute("PRAGMA foreign_keys=ON")
        except sqlite3.DatabaseError as exc:
            raise StoreError(self.name, f"cannot open as an SQLite database: {exc}") from exc

    def _run(self, sql: str, params: Sequence[Any] = ()) -> int:
        try:
            return self._conn.execute(sql, params).rowcount
        except sqlite3.OperationalError as exc:
            raise _translate(self.name, exc) from exc

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        try:
            return [dict(r) for r in self._conn.execute(sql, params).fetchall()]
        except sqlite3.OperationalError as exc:
            raise _translate(self.name, exc) from exc

    def _many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        try:
            self._conn.executemany(sql, rows)
        except sqlite3.OperationalError as exc:
            raise _translate(self.name, exc) from exc

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        try:
            self._conn.execute("BEGIN IMMEDIATE")  # take the write lock now: one writer at a time
        except sqlite3.OperationalError as exc:
            raise _translate(self.name, exc) from exc
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """A read transaction: every query inside sees one state, whatever writers commit meanwhile."""
        self._conn.execute("BEGIN")
        try:
            self._conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
            yield
        finally:
            self._conn.execute("COMMIT")

    def _table_exists(self, table: str) -> bool:
        rows = self._conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,))
        return rows.fetchone() is not None

    def close(self) -> None:
        self._conn.close()


def _translate(name: str, exc: sqlite3.OperationalError) -> StoreError:
    text = str(exc)
    if "readonly" in text or "read-only" in text:
        return StoreError(name, "the database is read-only; nothing was written")
    if "locked" in text or "busy" in text:
        return StoreError(name, f"the database stayed locked by another writer for {BUSY_TIMEOUT_S:.0f} s")
    return StoreError(name, f"SQLite error: {text}")
