"""One time limit over a whole HTTP exchange: connect, headers, body and redirects, with a size cap.

httpx's timeouts bound each socket operation, so a server that sends one header line (or one byte of
body) a second never trips them. `Deadline` bounds the exchange as a whole: every request made under it
carries httpcore's `trace` extension, which hands over each new connection's socket; when the time is
up a timer shuts those sockets down, the blocked read returns, and the caller gets `DeadlineExceeded`.
Connect timeouts are cut to the time left, so a connection that never opens ends in time too.

    with Deadline(20.0) as deadline:
        with client.stream("GET", url, **deadline.request(client)) as response:
            body = deadline.read(response, cap=2_000_000)

Clients used with a deadline must not keep connections alive between requests (`NO_KEEPALIVE`): a
pooled connection was opened under an earlier deadline, and its socket is not handed over again.
"""

from __future__ import annotations

import socket
import threading
import time
from typing import Any

import httpx

# Connections are closed after each response, so that every request's socket is seen by its deadline.
NO_KEEPALIVE = httpx.Limits(max_keepalive_connections=0)


class DeadlineExceeded(Exception):
    """The exchange passed its deadline (raised instead of the error the shut-down socket caused)."""


class SizeExceeded(Exception):
    """The body passed its size cap; `size` is how many bytes had arrived."""

    def __init__(self, size: int) -> None:
        super().__init__(f"{size:,} bytes")
        self.size = size


class Deadline:
    """A total time limit of `seconds` for the requests made under it (a context manager)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = float(seconds)
        self.ends = time.monotonic() + self.seconds
        self.expired = False
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._timer = threading.Timer(max(0.0, self.seconds), self._expire)
        self._timer.daemon = True

    def __enter__(self) -> Deadline:
        self._timer.start()
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self._timer.cancel()
        if self.expired and isinstance(exc, (httpx.HTTPError, OSError)):
            raise DeadlineExceeded(f"no complete answer within {self.seconds:g} s") from None

    def left(self) -> float:
        return max(0.0, self.ends - time.monotonic())

    def request(self, client: httpx.Client) -> dict[str, Any]:
        """Keyword arguments for `client.stream`/`client.post`: the trace hook and the time left as the
        timeout of each operation (never more than the client's own)."""
        if self.expired or self.left() <= 0:
            self.expired = True
            raise DeadlineExceeded(f"no complete answer within {self.seconds:g} s")
        own = client.timeout
        left = self.left()
        timeout = httpx.Timeout(
            connect=_least(own.connect, left),
            read=_least(own.read, left),
            write=_least(own.write, left),
            pool=_least(own.pool, left),
        )
        return {"timeout": timeout, "extensions": {"trace": self._trace}}

    def read(self, response: httpx.Response, cap: int) -> bytes:
        """The whole body, or `SizeExceeded` as soon as it passes `cap` bytes (decoded)."""
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > cap:
                raise SizeExceeded(size)
            chunks.append(chunk)
        return b"".join(chunks)

    def _trace(self, event: str, info: dict[str, Any]) -> None:
        if not event.endswith("connect_tcp.complete"):
            return
        stream = info.get("return_value")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if sock is None:
            return
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)


def _least(own: float | None, left: float) -> float:
    return left if own is None else min(own, left)


def _shut(sock: socket.socket) -> None:
    """Wake whatever is blocked reading or writing `sock` (closing it alone would not, on Linux)."""
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already closed
