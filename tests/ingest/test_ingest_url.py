"""http(s) fetching against a real loopback server: robots.txt, redirects, size cap, timeout."""

import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import loopback
import pytest

from frontwire.config import Settings
from frontwire.errors import FetchError
from frontwire.ingest import read
from frontwire.ingest.url import Fetcher
from frontwire.records import Failure, Page

ARTICLE = (
    "<html><head><title>Drone strike on a convoy near Deir Ezzor</title></head><body>"
    "<p>A drone struck a convoy on the road to Al-Mayadin on Friday, killing three people.</p></body></html>"
)
CAP = 50_000


class Handler(BaseHTTPRequestHandler):
    hits: Counter = Counter()
    agents: list[str] = []

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes, ctype: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        Handler.hits[self.path] += 1
        Handler.agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/robots.txt":
            self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif self.path in ("/news/strike.html", "/private/strike.html"):
            self._send(200, ARTICLE.encode(), "text/html; charset=utf-8")
        elif self.path == "/plain.txt":
            self._send(
                200,
                "Обстрел продолжался всю ночь.\nДвое погибших.\n".encode("cp1251"),
                "text/plain; charset=windows-1251",
            )
        elif self.path == "/moved":
            self._send(302, b"", "text/html", {"Location": "/news/strike.html"})
        elif self.path == "/to-private":
            self._send(301, b"", "text/html", {"Location": "/private/strike.html"})
        elif self.path == "/loop":
            self._send(302, b"", "text/html", {"Location": "/loop"})
        elif self.path == "/photo.jpg":
            self._send(200, b"\xff\xd8\xff" * 10, "image/jpeg")
        elif self.path == "/declared-huge.html":
            self._huge_declared()
        elif self.path == "/streamed-huge.html":
            self._streamed_huge()
        elif self.path == "/slow.html":
            time.sleep(6)
            self._send(200, ARTICLE.encode(), "text/html")
        else:
            self._send(404, b"not found", "text/plain")

    def _huge_declared(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(CAP * 10))
        self.end_headers()

    def _streamed_huge(self) -> None:
        """No Content-Length: the cap must be enforced while the body streams."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Connection", "close")
        self.end_headers()
        try:
            for _ in range(200):
                self.wfile.write(b"<p>" + b"filler " * 1000 + b"</p>")
        except OSError:
            pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with loopback.serve(Handler) as base:
        yield base


SETTINGS = Settings(max_page_bytes=CAP, fetch_timeout_s=2.0, user_agent="frontwire-test/1.0 (+tests)")


def test_fetch_page_with_charset_and_user_agent(server: str) -> None:
    with Fetcher(SETTINGS) as fetcher:
        page = fetcher.fetch(f"{server}/news/strike.html")
        text = fetcher.fetch(f"{server}/plain.txt")
    assert page.kind == "html" and page.encoding == "utf-8" and "Al-Mayadin" in page.content
    assert page.source == page.url == f"{server}/news/strike.html"
    assert text.kind == "text" and text.encoding == "cp1251" and "Обстрел" in text.content
    assert "frontwire-test/1.0 (+tests)" in Handler.agents


def test_redirects_are_followed_and_bounded(server: str) -> None:
    with Fetcher(SETTINGS) as fetcher:
        page = fetcher.fetch(f"{server}/moved")
        assert page.source == f"{server}/moved" and page.url == f"{server}/news/strike.html"
        with pytest.raises(FetchError, match="more than 5 redirects"):
            fetcher.fetch(f"{server}/loop")


def test_robots_txt_is_respected_and_cached(server: str) -> None:
    before = Handler.hits["/robots.txt"]
    with Fetcher(SETTINGS) as fetcher:
        with pytest.raises(FetchError, match="disallowed by robots.txt"):
            fetcher.fetch(f"{server}/private/strike.html")
        with pytest.raises(FetchError, match="disallowed by robots.txt"):
            fetcher.fetch(f"{server}/to-private")  # a redirect into a disallowed path
        fetcher.fetch(f"{server}/news/strike.html")
    assert Handler.hits["/robots.txt"] - before == 1
    ignoring = Settings(max_page_bytes=CAP, fetch_timeout_s=2.0, respect_robots=False)
    with Fetcher(ignoring) as fetcher:
        assert "Al-Mayadin" in fetcher.fetch(f"{server}/private/strike.html").content


@pytest.mark.parametrize(
    "path, message",
    [
        ("/declared-huge.html", "page limit"),
        ("/streamed-huge.html", "page limit"),
        ("/slow.html", "timed out after 2 s"),
        ("/photo.jpg", "unsupported content type 'image/jpeg'"),
        ("/nothing-here", "HTTP 404"),
    ],
)
def test_fetch_failures_name_the_url(server: str, path: str, message: str) -> None:
    started = time.monotonic()
    with Fetcher(SETTINGS) as fetcher, pytest.raises(FetchError, match=message) as info:
        fetcher.fetch(f"{server}{path}")
    assert info.value.source == f"{server}{path}"
    assert time.monotonic() - started < 2.5


def test_read_mixes_urls_and_failures(server: str) -> None:
    urls = [f"{server}/nothing-here", f"{server}/news/strike.html", "gopher://old.example/1"]
    items = list(read(urls, SETTINGS))
    assert [type(i) for i in items] == [Failure, Page, Failure]
    assert items[0].source == urls[0] and "404" in items[0].message
    assert "unsupported URL scheme 'gopher'" in items[2].message


@pytest.mark.parametrize("robots", [True, False])
def test_unreachable_host_is_a_failure_naming_its_cause(robots: bool) -> None:
    """A refused connection or a name that does not resolve is said as such, never "disallowed by
    robots.txt" (the robots.txt fetch is the first to meet it)."""
    settings = Settings(fetch_timeout_s=5.0, respect_robots=robots)
    refused, unresolved = list(read(["http://127.0.0.1:9/never", "http://no-such-host.invalid/x"], settings))
    assert isinstance(refused, Failure) and refused.message == "connection refused by 127.0.0.1:9"
    assert isinstance(unresolved, Failure)
    assert "'no-such-host.invalid' could not be resolved" in unresolved.message
    assert "robots" not in refused.message + unresolved.message
