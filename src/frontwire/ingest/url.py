"""http(s) URLs → `Page`, fetched politely: robots.txt (cached per host), a time limit for the
whole fetch, a size cap enforced while the body streams in, and a bounded number of redirects.

`Fetcher` holds the HTTP client and the robots cache; it opens its client on first use and is
closed by `close()` (or a `with` block). Every failure is a `FetchError` naming the URL.
"""

from __future__ import annotations

import urllib.robotparser
from urllib.parse import urljoin, urlsplit

import httpx

from frontwire.config import Settings
from frontwire.errors import FetchError, FrontwireError
from frontwire.ingest.deadline import NO_KEEPALIVE, Deadline, DeadlineExceeded, SizeExceeded
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
                limits=NO_KEEPALIVE,
            )
        return self._client

    @property
    def limit_s(self) -> float:
        """The whole fetch's time limit: the fetch limit, and never more than the per-page limit."""
        fetch, page = self.settings.fetch_timeout_s, self.settings.page_timeout_s
        return min(fetch, page) if page and page > 0 else fetch

    def fetch(self, url: str) -> Page:
        """Fetch one URL (following up to MAX_REDIRECTS redirects, each checked against robots.txt),
        all of it (robots.txt, connects, headers, bodies, redirects) within `limit_s`."""
        try:
            with Deadline(self.limit_s) as deadline:
                return self._fetch(url, deadline)
        except DeadlineExceeded:
            raise FetchError(url, f"timed out after {self.limit_s:g} s (the whole fetch)") from None

    def _fetch(self, url: str, deadline: Deadline) -> Page:
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            scheme = urlsplit(current).scheme.lower()
            if scheme not in SCHEMES:
                raise FetchError(url, f"unsupported URL scheme {scheme!r} (only http and https)")
            if self.settings.respect_robots and not self.allowed(current, deadline):
                raise FetchError(url, f"disallowed by robots.txt ({current})")
            try:
                with self.client.stream("GET", current, **deadline.request(self.client)) as response:
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            raise FetchError(url, f"HTTP {response.status_code} redirect without a Location")
                        current = urljoin(current, location)
                        continue
                    return self._page(url, response, deadline)
            except httpx.TimeoutException:
                if deadline.expired or deadline.left() <= 0:
                    raise DeadlineExceeded() from None
                raise FetchError(url, f"timed out after {self.settings.fetch_timeout_s:g} s") from None
            except httpx.HTTPError as exc:
                if deadline.expired:
                    raise DeadlineExceeded() from None
                raise FetchError(url, transport_problem(exc, current)) from None
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects")

    def _page(self, url: str, response: httpx.Response, deadline: Deadline) -> Page:
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
        try:
            body = deadline.read(response, cap)
        except SizeExceeded:
            raise FetchError(url, f"larger than the {cap:,}-byte page limit") from None
        final = str(response.url)
        declared = charset_from_header(content_type)
        kind = "html" if mime in HTML_TYPES else "text" if mime in TEXT_TYPES else sniff_kind(body)
        try:
            if kind == "html":
                return html_page(body, url, declared=declared, url=final)
            return text_page(body, url, declared=declared, url=final)
        except FrontwireError as exc:
            raise FetchError(url, exc.reason) from None

    def allowed(self, url: str, deadline: Deadline | None = None) -> bool:
        """Whether robots.txt of the URL's host lets our user agent fetch it (fetched once per host).
        A host that cannot be reached is a `FetchError` saying why, not a robots.txt verdict."""
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        parser = self._robots.get(host)
        if parser is None:
            if deadline is None:
                with Deadline(self.limit_s) as own:
                    parser = self._load_robots(host, url, own)
            else:
                parser = self._load_robots(host, url, deadline)
            self._robots[host] = parser
        return parser.can_fetch(self.settings.user_agent, url)

    def _load_robots(self, host: str, url: str, deadline: Deadline) -> urllib.robotparser.RobotFileParser:
        """RFC 9309: a 4xx robots.txt means no rules; a 5xx means keep out. A host that does not answer
        at all (DNS, refused, reset) is the fetch's error, not cached."""
        parser = urllib.robotparser.RobotFileParser(f"{host}/robots.txt")
        robots = f"{host}/robots.txt"
        try:
            with self.client.stream(
                "GET", robots, follow_redirects=True, **deadline.request(self.client)
            ) as response:
                if 400 <= response.status_code < 500:
                    parser.allow_all = True
                    return parser
                if response.status_code >= 500:
                    parser.disallow_all = True
                    return parser
                body = _read_prefix(response, ROBOTS_MAX_BYTES)
        except httpx.HTTPError as exc:
            if deadline.expired:
                raise DeadlineExceeded() from None
            raise FetchError(url, transport_problem(exc, robots)) from None
        parser.parse(body.decode("utf-8", errors="replace").splitlines())
        return parser


def transport_problem(exc: httpx.HTTPError, url: str) -> str:
    """What went wrong on the wire, in words: the host name did not resolve, the connection was refused,
    it timed out, or httpx's own message."""
    parts = urlsplit(url)
    where = parts.hostname or url
    text = str(exc) or type(exc).__name__
    if isinstance(exc, httpx.ConnectError):
        low = text.lower()
        if any(cue in low for cue in _DNS_CUES):
            return f"the host name {where!r} could not be resolved (DNS: {text})"
        if "refused" in low:
            return f"connection refused by {parts.netloc or where}"
        return f"could not connect to {parts.netloc or where}: {text}"
    if isinstance(exc, httpx.TimeoutException):
        return f"{parts.netloc or where} did not answer in time ({type(exc).__name__})"
    return f"request failed: {text}"


# How getaddrinfo's failures read on Linux (glibc, musl) and macOS.
_DNS_CUES = (
    "name or service not known",
    "nodename nor servname",
    "temporary failure in name resolution",
    "no address associated",
    "name does not resolve",
    "getaddrinfo",
)


def _read_prefix(response: httpx.Response, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size >= limit:
            break
    return b"".join(chunks)[:limit]
