"""A whole-exchange time limit and a size cap for every HTTP call frontwire makes (page fetches, the
model endpoint, GeoNames downloads), against a real loopback server that trickles its answer: one
header line, or one byte of body, at a time, each well within any per-read timeout."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import loopback
import pytest

from frontwire.config import Settings
from frontwire.errors import FetchError
from frontwire.events.llm.extractor import MAX_REPLY_BYTES, ChatExtractor
from frontwire.geo.dumps import download
from frontwire.ingest.url import Fetcher
from frontwire.records import Article

# Seconds between two trickled pieces: far below any per-read timeout, so only a total deadline stops it.
DRIP_S = 0.2
# How long the server keeps trickling when nobody stops it (longer than every limit tested here).
TRICKLE_FOR_S = 60.0
LIMIT_S = 2.0
# What a deadline may overrun by on a shared 2-core machine (thread wake-up, interpreter start).
SLACK_S = 1.5


class Trickler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:
        pass

    def _drip(self, pieces: Iterator[bytes]) -> None:
        end = time.monotonic() + TRICKLE_FOR_S
        try:
            for piece in pieces:
                if time.monotonic() > end:
                    return
                self.wfile.write(piece)
                self.wfile.flush()
                time.sleep(DRIP_S)
        except OSError:
            return  # the client gave up: what the tests expect

    def _headers_forever(self) -> Iterator[bytes]:
        yield b"HTTP/1.1 200 OK\r\n"
        n = 0
        while True:
            n += 1
            yield f"X-Trickle-{n}: {'x' * 10}\r\n".encode()

    def _body_forever(self, ctype: str) -> Iterator[bytes]:
        yield f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: 100000\r\n\r\n".encode()
        while True:
            yield b"<"

    def _flood(self, ctype: str, size: int) -> None:
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(size))
        self.end_headers()
        try:
            block = b" " * 65536
            for _ in range(size // len(block) + 1):
                self.wfile.write(block)
        except OSError:
            pass

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        if self.path.endswith("/robots.txt"):
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif "headers" in self.path:
            self._drip(self._headers_forever())
        elif "body" in self.path:
            self._drip(self._body_forever("text/html" if self.path.endswith(".html") else "application/zip"))
        elif "huge" in self.path:
            self._flood("application/zip", 4096)
        else:
            self.send_error(404)

    def do_POST(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if "flood" in self.path:
            self._flood("application/json", MAX_REPLY_BYTES + 65536)
        elif "headers" in self.path:
            self._drip(self._headers_forever())
        else:
            self._drip(self._body_forever("application/json"))


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with loopback.serve(Trickler) as base:
        yield base


def _timed(call) -> tuple[BaseException, float]:  # noqa: ANN001
    started = time.monotonic()
    with pytest.raises(Exception) as info:
        call()
    return info.value, time.monotonic() - started


@pytest.mark.parametrize("path", ["/trickle-headers.html", "/trickle-body.html"])
def test_a_trickling_page_fails_within_the_limit(server: str, path: str) -> None:
    settings = Settings(fetch_timeout_s=LIMIT_S, user_agent="frontwire-test")
    with Fetcher(settings) as fetcher:
        error, took = _timed(lambda: fetcher.fetch(server + path))
    assert isinstance(error, FetchError) and "timed out after 2 s" in error.reason
    assert took < LIMIT_S + SLACK_S


def test_the_per_page_limit_bounds_a_fetch_from_the_command_line(server: str) -> None:
    """`frontwire extract URL --timeout 2` against a server sending one header line every 0.2 s."""
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "frontwire.cli", "extract", f"{server}/trickle-headers", "--timeout", "2"],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ),
    )
    took = time.monotonic() - started
    assert proc.returncode == 1
    assert "timed out after 2 s" in proc.stderr and "Traceback" not in proc.stderr
    # The fetch itself stops at 2 s; the rest is starting Python and loading the pipeline's modules.
    assert took < 2 + 10, took


def _article() -> Article:
    return Article(
        source="test://trickle",
        title="Shelling in Hama",
        published=dt.date(2024, 5, 2),
        paragraphs=[
            "Government forces shelled the town of Kafr Nabudah on Wednesday, killing two civilians."
        ],
    )


@pytest.mark.parametrize("path", ["/trickle-headers/v1", "/trickle-body/v1"])
def test_a_trickling_model_endpoint_fails_within_its_timeout(server: str, path: str) -> None:
    chat = ChatExtractor(base_url=server + path, model="m", timeout=LIMIT_S)
    try:
        started = time.monotonic()
        result = chat.extract_events(_article())
        took = time.monotonic() - started
    finally:
        chat.close()
    assert result.error is not None and "did not answer within 2 s" in result.error
    assert took < LIMIT_S + SLACK_S


def test_a_model_reply_over_the_cap_is_an_error(server: str) -> None:
    chat = ChatExtractor(base_url=server + "/flood/v1", model="m", timeout=30)
    try:
        result = chat.extract_events(_article())
    finally:
        chat.close()
    assert result.error is not None and f"reply over {MAX_REPLY_BYTES:,} bytes" in result.error


def test_a_trickling_gazetteer_download_fails_within_its_deadline(server: str, tmp_path: Path) -> None:
    error, took = _timed(lambda: download(["SY"], tmp_path, f"{server}/trickle-body/", deadline=LIMIT_S))
    assert isinstance(error, FetchError) and "not downloaded within 2 s" in error.reason
    assert took < LIMIT_S + SLACK_S
    assert not list(tmp_path.iterdir())  # no partial file left behind
    error, _ = _timed(lambda: download(["SY"], tmp_path, f"{server}/huge/", max_bytes=1000))
    assert isinstance(error, FetchError) and "1,000-byte download limit" in error.reason
    assert not list(tmp_path.iterdir())
