"""Run the page → article step with a per-page time limit that really stops a hung parser.

`Guard` keeps one long-lived worker process that runs `func(page, settings)` page after page.
If a page takes longer than `settings.page_timeout_s`, the worker is killed (a parser stuck in
C code ignores everything gentler) and the next page gets a fresh one. It hands an `Article`
to the batch runner, or raises `ExtractionError` / `ExtractionTimeout` naming the page.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from frontwire.article import extract
from frontwire.config import DEFAULT, Settings
from frontwire.errors import ExtractionError, ExtractionTimeout, FrontwireError
from frontwire.records import Page
from frontwire.run.lifeline import start_forkserver, watch

# Any picklable callable page → result: `frontwire.article.extract` (an Article) or a
# `frontwire.pipeline.Pipeline` (article, events and places).
Extractor = Callable[[Page, Settings], Any]

# A worker asked to stop gets this long to exit before it is killed.
STOP_GRACE_S = 2.0
# forkserver forks each worker from a clean, single-threaded server (safe when the caller has threads,
# cheap to replace after a timeout); these modules are imported once in that server.
START_METHOD = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
PRELOAD = [
    "frontwire.run.orphan",  # first: the server ends with its parent, even while importing the rest
    "frontwire.article",
    "frontwire.article.html",
    "frontwire.article.text",
    "frontwire.outlets",
    "frontwire.pipeline",
    "frontwire.events",
    "frontwire.geo",
]


def _serve(conn: Connection, func: Extractor, settings: Settings, owner: int | None = None) -> None:
    """The worker's loop: receive a page, send back ("ok", article) or ("error", kind, message).
    The worker ends with process `owner` (the one whose Guard started it) and ignores Ctrl-C."""
    if owner is not None:
        watch(owner)
    while True:
        try:
            page = conn.recv()
        except EOFError:
            return
        if page is None:
            return
        try:
            reply: tuple[Any, ...] = ("ok", func(page, settings))
        except FrontwireError as exc:
            reply = ("error", type(exc) if _importable(type(exc)) else ExtractionError, exc.reason)
        except Exception as exc:  # an extractor bug must not take the batch down: report it for this page
            reply = ("error", ExtractionError, f"{type(exc).__name__}: {exc}")
        try:
            conn.send(reply)
        except Exception as exc:  # e.g. an unpicklable result
            conn.send(("error", ExtractionError, f"result could not be sent back: {exc}"))


def _importable(cls: type) -> bool:
    return cls.__module__.startswith("frontwire.")


class Guard:
    """Run `func` (by default `frontwire.article.extract`) on pages in a guarded worker process.

    `func` must be picklable (a module-level function). A `page_timeout_s` of 0 runs `func`
    in this process without a limit (for debugging). As with any forkserver/spawn worker, a
    script that runs a batch must do so under `if __name__ == "__main__":`.
    """

    def __init__(
        self, settings: Settings = DEFAULT, func: Extractor = extract, start_method: str = START_METHOD
    ) -> None:
        self.settings = settings
        self.func = func
        self.start_method = start_method
        self.restarts = 0
        self._proc: BaseProcess | None = None
        self._conn: Connection | None = None

    def __enter__(self) -> Guard:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __call__(self, page: Page) -> Any:
        limit = self.settings.page_timeout_s
        if not limit or limit <= 0:
            return self.func(page, self.settings)
        conn = self._worker()
        try:
            conn.send(page)
        except (OSError, ValueError) as exc:
            self._stop(kill=True)
            raise ExtractionError(page.source, f"could not hand the page to the worker: {exc}") from None
        if not conn.poll(limit):
            self._stop(kill=True)
            raise ExtractionTimeout(page.source, f"extraction took longer than {limit:g} s; worker stopped")
        try:
            reply = conn.recv()
        except (EOFError, OSError):
            code = self._stop(kill=True)
            raise ExtractionError(page.source, f"the extraction worker died (exit code {code})") from None
        if reply[0] == "ok":
            return reply[1]
        _, cls, message = reply
        raise cls(page.source, message)

    def _worker(self) -> Connection:
        if self._conn is None:
            ctx = mp.get_context(self.start_method)
            if self.start_method == "forkserver":
                start_forkserver(PRELOAD)
            parent, child = ctx.Pipe()
            proc = ctx.Process(
                target=_serve, args=(child, self.func, self.settings, os.getpid()), daemon=True
            )
            proc.start()
            child.close()
            self._proc, self._conn = proc, parent
            self.restarts += 1
        return self._conn

    def _stop(self, kill: bool) -> int | None:
        proc, conn = self._proc, self._conn
        self._proc = self._conn = None
        if conn is not None:
            if not kill:
                try:
                    conn.send(None)
                except OSError:
                    pass
            conn.close()
        if proc is None:
            return None
        if kill:
            proc.kill()
        proc.join(STOP_GRACE_S)
        if proc.is_alive():
            proc.kill()
            proc.join()
        code = proc.exitcode
        proc.close()
        return code

    def close(self) -> None:
        """Stop the worker (politely; killed if it does not exit in STOP_GRACE_S)."""
        self._stop(kill=False)
