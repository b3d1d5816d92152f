"""Polite HTTP for the watcher: conditional GETs (ETag, Last-Modified), robots.txt through ingest's
`Fetcher`, one request at a time per host with a minimum gap, the size cap enforced while the body
streams in, and backoff with jitter for a source that fails.

`Http.get(url, validators)` answers a `Reply`: status 304 with no body when the validators still hold.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from frontwire.errors import FetchError
from frontwire.ingest.url import MAX_REDIRECTS, SCHEMES, Fetcher, _read_capped

# Between two requests to one host. Crawlers that news sites tolerate wait about a second
# (Scrapy's AutoThrottle starts at 1 s, Heritrix at 3x the last response time, at least 1 s).
MIN_HOST_GAP_S = 1.0
# Backoff after failures: the interval doubles per consecutive failure, up to an hour (a source down for
# longer is still tried hourly); jitter spreads retries so sources failing together do not retry together.
MAX_BACKOFF_S = 3600.0
BACKOFF_JITTER = 0.25


@dataclass(slots=True, frozen=True)
class Validators:
    etag: str | None = None
    last_modified: str | None = None


@dataclass(slots=True, frozen=True)
class Reply:
    url: str  # after redirects
    status: int  # 200 or 304
    body: bytes
    validators: Validators


def backoff_s(interval_s: float, failures: int, rng: random.Random) -> float:
    """Seconds until the next poll of a source after `failures` consecutive failures (0: the interval)."""
    if failures <= 0:
        return interval_s
    base = min(interval_s * 2.0 ** min(failures, 20), MAX_BACKOFF_S)
    return base * (1.0 + rng.uniform(-BACKOFF_JITTER, BACKOFF_JITTER))


class HostGate:
    """When each host may be asked again. The watcher is one thread, so one request at a time per host
    holds by construction; the gate adds the minimum gap between them."""

    def __init__(self, gap_s: float = MIN_HOST_GAP_S, clock: Callable[[], float] = time.monotonic) -> None:
        self.gap_s = gap_s
        self.clock = clock
        self._next: dict[str, float] = {}

    @staticmethod
    def host(url: str) -> str:
        return urlsplit(url).netloc.lower()

    def ready_at(self, url: str) -> float:
        return self._next.get(self.host(url), 0.0)

    def wait(self, url: str) -> None:
        delay = self.ready_at(url) - self.clock()
        if delay > 0:
            time.sleep(delay)

    def used(self, url: str) -> None:
        self._next[self.host(url)] = self.clock() + self.gap_s


class Http:
    """Conditional GETs over ingest's `Fetcher` (its client, user agent, timeout and robots cache)."""

    def __init__(self, fetcher: Fetcher, gate: HostGate) -> None:
        self.fetcher = fetcher
        self.gate = gate
        self.settings = fetcher.settings

    def get(self, url: str, validators: Validators | None = None) -> Reply:
        """GET `url` (a source, not an article: any content type), at most `max_page_bytes` of it."""
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            if urlsplit(current).scheme.lower() not in SCHEMES:
                raise FetchError(url, f"redirected to a non-http(s) URL ({current})")
            if self.settings.respect_robots and not self.fetcher.allowed(current):
                raise FetchError(url, f"disallowed by robots.txt ({current})")
            headers = {}
            if validators and validators.etag:
                headers["If-None-Match"] = validators.etag
            if validators and validators.last_modified:
                headers["If-Modified-Since"] = validators.last_modified
            self.gate.wait(current)
            try:
                with self.fetcher.client.stream("GET", current, headers=headers) as response:
                    if response.is_redirect and response.headers.get("location"):
                        current = urljoin(current, response.headers["location"])
                        continue
                    return self._reply(url, current, response)
            except httpx.TimeoutException:
                raise FetchError(url, f"timed out after {self.settings.fetch_timeout_s:g} s") from None
            except httpx.HTTPError as exc:
                raise FetchError(url, f"request failed: {exc or type(exc).__name__}") from None
            finally:
                self.gate.used(current)
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects")

    def _reply(self, url: str, current: str, response: httpx.Response) -> Reply:
        found = Validators(response.headers.get("etag"), response.headers.get("last-modified"))
        if response.status_code == 304:
            return Reply(url=current, status=304, body=b"", validators=found)
        if response.status_code >= 400:
            raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
        cap = self.settings.max_page_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise FetchError(url, f"larger than the {cap:,}-byte limit ({int(declared):,} bytes); not read")
        deadline = time.monotonic() + self.settings.fetch_timeout_s
        body = _read_capped(response, url, cap, deadline, self.settings.fetch_timeout_s)  # ingest's reader
        return Reply(url=current, status=200, body=body, validators=found)
