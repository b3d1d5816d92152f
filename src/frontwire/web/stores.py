"""Store handles for the server's worker threads: one read-only connection per thread, opened on first
use (an SQLite connection belongs to the thread that opened it), all closed when the app stops."""

from __future__ import annotations

import contextlib
import threading

from frontwire.store import open_store
from frontwire.store.base import Store


class ThreadStores:
    """`get()` returns this thread's read-only store for `db` (a path or URL; None: the default store)."""

    def __init__(self, db: str | None) -> None:
        self.db = db
        self._local = threading.local()
        self._lock = threading.Lock()
        self._opened: list[Store] = []

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.db, read_only=True)
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def close(self) -> None:
        """Close every connection opened (call when the server stops, when no request is running)."""
        with self._lock:
            opened, self._opened = self._opened, []
        for store in opened:
            # SQLite refuses to close a connection from another thread; the process is ending then anyway.
            with contextlib.suppress(Exception):
                store.close()
