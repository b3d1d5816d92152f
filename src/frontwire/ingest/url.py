"""http(s) URLs → `Page`, fetched politely: robots.txt (cached per host), a time limit for the
whole fetch, a size cap enforced while the body streams in, and a bounded number of redirects.

`Fetcher` holds the HTTP client and the robots cache; it opens its client on first use and is
closed by `close()` (or a `with` block). Every failure is a `FetchError` naming the URL.
"""

from __future__ import annotations

import time
import urllib.robotparser
from urllib.parse import urljoin, urlsplit

import httpx

from frontwire.config import Settings
from frontwire.errors import FetchError, FrontwireError
from frontwire.ingest.decode import charset_from_header, sniff_kind
from frontwire.ingest.html import html_page
from frontwire.ingest.text import text_page
from frontwire.records import Page

# Browsers stop at 20 redirects; a news article behind more than 5 hops is a tracking chain or a loop.
MAX_REDIRECTS = 5
# Google reads the first 500 KiB of a robots.txt and ignores the rest (RFC 9309 asks for at least 500 KiB).
ROBOTS_MAX_BYTES = 500 * 1024
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
SCHEMES = ("http", "https")


class Fetcher:
    """Fetch pages over http(s). `transport` swaps the HTTP layer (e.g. for a proxy or a replay)."""

    def __init__(self, settings: Settings, transport: httpx.BaseTransport | None = None) -> None:
        self.settings = settings
        self._transport = transport
        self._client: httpx.Client | None = None
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                timeout=httpx.Timeout(self.settings.fetch_timeout_s),
                headers={"User-Agent": self.settings.user_agent},
                follow_redirects=False,
                transport=self._transport,
            )
        return self._client

    def fetch(self, url: str) -> Page:
        """Fetch one URL (following up to MAX_REDIRECTS redirects, each checked against robots.txt)."""
        deadline = time.monotonic() + self.settings.fetch_timeout_s
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            scheme = urlsplit(current).scheme.lower()
            if scheme not in SCHEMES:
                raise FetchError(url, f"unsupported URL scheme {scheme!r} (only http and https)")
            if self.settings.respect_robots and not self.allowed(current):
                raise FetchError(url, f"disallowed by robots.txt ({current})")
            try:
                with self.client.stream("GET", current) as response:
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            raise FetchError(url, f"HTTP {response.status_code} redirect without a Location")
                        current = urljoin(current, location)
                        continue
                    return self._page(url, response, deadline)
            except httpx.TimeoutException:
                raise FetchError(url, f"timed out after {self.settings.fetch_timeout_s:g} s") from None
            except httpx.HTTPError as exc:
                raise FetchError(url, f"request failed: {exc or type(exc).__name__}") from None
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects")

    def _page(self, url: str, response: httpx.Response, deadline: float) -> Page:
        if response.status_code >= 400:
            raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
        content_type = response.headers.get("content-type", "")
        mime = content_type.split(";", 1)[0].strip().lower()
        if mime and mime not in HTML_TYPES + TEXT_TYPES:
            raise FetchError(url, f"unsupported content type {mime!r} (want HTML or plain text)")
        cap = self.settings.max_page_bytes
        declared_size = response.headers.get("content-length", "")
        if declared_size.isdigit() and int(declared_size) > cap:
            raise FetchError(url, f"larger than the {cap:,}-byte page limit ({int(declared_size):,} bytes)")
        body = _read_capped(response, url, cap, deadline, self.settings.fetch_timeout_s)
        final = str(response.url)
        declared = charset_from_header(content_type)
        kind = "html" if mime in HTML_TYPES else "text" if mime in TEXT_TYPES else sniff_kind(body)
        try:
            if kind == "html":
                return html_page(body, url, declared=declared, url=final)
            return text_page(body, url, declared=declared, url=final)
        except FrontwireError as exc:
            raise FetchError(url, exc.reason) from None

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's host lets our user agent fetch it (fetched once per host)."""
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        parser = self._robots.get(host)
        if parser is None:
            parser = self._robots[host] = self._load_robots(host)
        return parser.can_fetch(self.settings.user_agent, url)

    def _load_robots(self, host: str) -> urllib.robotparser.RobotFileParser:
        """RFC 9309: a 4xx robots.txt means no rules; a 5xx or an unreachable host means keep out."""
        parser = urllib.robotparser.RobotFileParser(f"{host}/robots.txt")
        deadline = time.monotonic() + self.settings.fetch_timeout_s
        try:
            with self.client.stream("GET", f"{host}/robots.txt", follow_redirects=True) as response:
                if 400 <= response.status_code < 500:
                    parser.allow_all = True
                    return parser
                if response.status_code >= 500:
                    parser.disallow_all = True
                    return parser
                body = _read_prefix(response, ROBOTS_MAX_BYTES, deadline)
        except httpx.HTTPError:
            parser.disallow_all = True
            return parser
        parser.parse(body.decode("utf-8", errors="replace").splitlines())
        return parser


def _read_capped(response: httpx.Response, url: str, cap: int, deadline: float, limit_s: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > cap:
            raise FetchError(url, f"larger than the {cap:,}-byte page limit")
        if time.monotonic() > deadline:
            raise FetchError(url, f"timed out after {limit_s:g} s (body still arriving)")
        chunks.append(chunk)
    return b"".join(chunks)


def _read_prefix(response: httpx.Response, limit: int, deadline: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size >= limit or time.monotonic() > deadline:
            break
    return b"".join(chunks)[:limit]
