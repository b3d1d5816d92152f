"""Fixtures for the web tests: a real SQLite database filled by the real pipeline, served by a real uvicorn
server on 127.0.0.1 in a thread; Debian's Chromium through Playwright for the browser tests."""

from __future__ import annotations

import socket
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="the web extra is not installed")
uvicorn = pytest.importorskip("uvicorn", reason="the web extra is not installed")

from web_support import (  # noqa: E402
    CANONICAL,
    CHROMIUM,
    CHROMIUM_ARGS,
    EXAMPLES,
    PRESS_PAGE,
    START_TIMEOUT_S,
    XSS_PAGE,
    Live,
)

from frontwire.web import ServeSettings, create_app  # noqa: E402


def inputs() -> list[str]:
    pages = [str(EXAMPLES), str(XSS_PAGE), str(PRESS_PAGE)]
    if CANONICAL.exists():
        pages.append(str(CANONICAL.resolve()))
    return pages


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """examples/pages + our two test pages + the canonical page (when ../shared is there), ingested."""
    from frontwire.run.ingest import ingest

    db = tmp_path_factory.mktemp("web") / "web.sqlite"
    stats = ingest(inputs(), db=str(db))
    assert stats.failed == 0 and stats.mentions > 0, stats.line()
    return db


@pytest.fixture(scope="session")
def serve() -> Iterator[Callable[[ServeSettings], Live]]:
    """Start uvicorn servers in threads on free loopback ports; all are stopped at the end."""
    running: list[tuple[uvicorn.Server, threading.Thread]] = []

    def start(settings: ServeSettings) -> Live:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        config = uvicorn.Config(create_app(settings), log_level="warning", lifespan="on")
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        deadline = time.monotonic() + START_TIMEOUT_S
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        running.append((server, thread))
        return Live(url=f"http://127.0.0.1:{port}", db=Path(settings.db or ""), settings=settings)

    yield start
    for server, thread in running:
        server.should_exit = True
        thread.join(10)


@pytest.fixture(scope="session")
def live(web_db: Path, serve: Callable[[ServeSettings], Live]) -> Live:
    """The read-only server over the test database."""
    return serve(ServeSettings(db=str(web_db)))


@pytest.fixture()
def db_copy(web_db: Path, tmp_path: Path) -> Path:
    """A copy of the test database that a test may write to."""
    target = tmp_path / "copy.sqlite"
    with sqlite3.connect(web_db) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright (its own browser downloads are not used)."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is absent: apt-get install -y chromium")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
