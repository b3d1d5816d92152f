"""The watch loop: poll sources when due, queue what is new, and hand pages on as a stream.

`Watcher.pages()` is an endless stream of `Page | Failure`, the same thing `frontwire.ingest.read` yields
for ingest, so `run` sends it through the same batch runner, pipeline and store writer as `ingest`
(`frontwire.run.batch.run_batch`, `frontwire.run.ingest.write_result`), then marks each item done and logs
the incidents it created or changed for `/api/stream`.

One thread does everything: a host never sees two requests at once, and while one host waits out its gap
the loop serves another. A source that fails is backed off and reported; the others go on.
"""

from __future__ import annotations

import dataclasses
import random
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from frontwire.config import Settings
from frontwire.errors import FetchError, FrontwireError, SourceError
from frontwire.ingest.url import Fetcher
from frontwire.records import Failure, Page
from frontwire.run.batch import Result
from frontwire.store.base import Store
from frontwire.watch import state
from frontwire.watch.feeds import parse_feed
from frontwire.watch.items import Item, digest
from frontwire.watch.poller import MIN_HOST_GAP_S, HostGate, Http, Validators, backoff_s
from frontwire.watch.sitemaps import read_sitemaps
from frontwire.watch.sources import Source
from frontwire.watch.telegram import parse_channel, post_page

# The loop sleeps at most this long at a time, so a stop request is seen within it.
MAX_SLEEP_S = 0.5
# robots.txt is read again after this long (Google caches it for up to 24 hours, RFC 9309 section 2.4).
ROBOTS_TTL_S = 24 * 3600.0
_SITEMAP_ROOT = re.compile(rb"<(?:[A-Za-z0-9_]+:)?(?:urlset|sitemapindex)[\s>]")


@dataclass(slots=True)
class WatchStats:
    polls: int = 0
    not_modified: int = 0
    poll_errors: int = 0
    queued: int = 0
    stored: int = 0
    item_errors: int = 0
    changes: int = 0
    started: float = field(default_factory=time.monotonic)

    def line(self) -> str:
        return (
            f"{self.polls} polls ({self.not_modified} not modified, {self.poll_errors} failed),"
            f" {self.queued} items queued, {self.stored} stored, {self.item_errors} failed,"
            f" {self.changes} incident changes"
        )


class Watcher:
    """Polls `sources` into the state of `store` and yields the pages of new items."""

    def __init__(
        self,
        store: Store,
        sources: list[Source],
        settings: Settings,
        *,
        once: bool = False,
        gap_s: float = MIN_HOST_GAP_S,
        report: Callable[[str], None] | None = None,
        stop: threading.Event | None = None,
        seed: int | None = None,
    ) -> None:
        self.store = store
        self.sources = {s.id: s for s in sources}
        self.settings = settings
        self.once = once
        self.report = report or (lambda line: None)
        self.stop = stop or threading.Event()
        self.stats = WatchStats()
        self.gate = HostGate(gap_s)
        self.fetcher = Fetcher(settings)
        self.http = Http(self.fetcher, self.gate)
        self.rng = random.Random(seed)
        self.queue: deque[state.Pending] = deque()
        self.inflight: dict[str, state.Pending] = {}
        self.next_poll: dict[str, float] = {}

    def close(self) -> None:
        self.fetcher.close()

    # -- the stream ------------------------------------------------------------------------------------
    def pages(self) -> Iterator[Page | Failure]:
        state.register(self.store, self.sources.values())
        start = time.monotonic()
        for sid, source in self.sources.items():
            failed = 0 if self.once else state.failures(self.store, sid)  # --once polls every source now
            self.next_poll[sid] = start + (backoff_s(source.interval_s, failed, self.rng) if failed else 0.0)
        self._requeue()  # what a killed run left pending
        robots_read = start
        while not self.stop.is_set():
            t = time.monotonic()
            if t - robots_read > ROBOTS_TTL_S:
                self.fetcher.close()  # a fresh Fetcher reads each host's robots.txt again
                self.fetcher = Fetcher(self.settings)
                self.http = Http(self.fetcher, self.gate)
                robots_read = t
            item = self._ready_item(t)
            if item is not None:
                yield self._page(item)
                continue
            source = self._due_source(t)
            if source is not None:
                self._poll(source)
                continue
            if self.once and not self.queue and not self.next_poll:
                return
            time.sleep(min(max(self._wake_at() - t, 0.005), MAX_SLEEP_S))

    def _ready_item(self, t: float) -> state.Pending | None:
        for i, item in enumerate(self.queue):
            if item.content is not None or self.gate.ready_at(item.url) <= t:
                del self.queue[i]
                return item
        return None

    def _due_source(self, t: float) -> Source | None:
        due = [(at, sid) for sid, at in self.next_poll.items() if at <= t]
        for _, sid in sorted(due):
            if self.gate.ready_at(sid) <= t:
                return self.sources[sid]
        return None

    def _wake_at(self) -> float:
        times = list(self.next_poll.values()) + [self.gate.ready_at(i.url) for i in self.queue]
        times += [max(at, self.gate.ready_at(sid)) for sid, at in self.next_poll.items()]
        return min(times, default=time.monotonic() + MAX_SLEEP_S)

    def _requeue(self) -> None:
        queued = {i.url for i in self.queue} | set(self.inflight)
        for item in state.pending(self.store):
            if item.url not in queued:
                self.queue.append(item)
                self.stats.queued += 1

    def _page(self, item: state.Pending) -> Page | Failure:
        self.inflight[item.url] = item
        if item.content is not None:
            return post_page(item.url, item.content, item.published)
        self.gate.wait(item.url)
        try:
            page = self.fetcher.fetch(item.url)
        except FrontwireError as exc:
            return Failure(source=item.url, message=exc.reason, stage="read")
        finally:
            self.gate.used(item.url)
        page.source = item.url
        if page.published is None and item.published is not None:
            page.published = item.published.date()  # the feed's date, when the page gives none
        return page

    # -- polling ---------------------------------------------------------------------------------------
    def _poll(self, source: Source) -> None:
        self.stats.polls += 1
        try:
            found, items, outlet = self._read(source)
        except FrontwireError as exc:
            self._poll_failed(source, exc.reason)
            return
        except Exception as exc:  # a parser bug must not stop the other sources
            self._poll_failed(source, f"{type(exc).__name__}: {exc}")
            return
        if items is None:
            self.stats.not_modified += 1
        fresh = state.polled(self.store, source, found, items or [], outlet)
        self._schedule(source, 0)
        if fresh:
            self.report(f"{source.name}: {fresh} new or changed item(s)")
            self._requeue()

    def _poll_failed(self, source: Source, reason: str) -> None:
        self.stats.poll_errors += 1
        failures = state.failed(self.store, source.id, reason)
        delay = self._schedule(source, failures)
        retry = "" if self.once else f"; next try in {delay:.0f} s"
        self.report(f"{source.name}: error: {reason} ({failures} in a row{retry})")

    def _schedule(self, source: Source, failures: int) -> float:
        if self.once:
            self.next_poll.pop(source.id, None)
            return 0.0
        delay = backoff_s(source.interval_s, failures, self.rng)
        self.next_poll[source.id] = time.monotonic() + delay
        return delay

    def _read(self, source: Source) -> tuple[Validators | None, list[Item] | None, str | None]:
        """(validators, items or None when not modified, outlet name) of one poll."""
        if source.kind == "urls":
            return None, [self._plain(url) for url in source.urls], source.outlet
        if source.kind == "sitemap":
            return self._sitemap(source, None)
        reply = self.http.get(source.url, state.validators(self.store, source.id))
        if reply.status == 304:
            return reply.validators, None, None
        if source.kind == "telegram":
            channel = parse_channel(reply.body, source.url)
            return reply.validators, channel.items, source.outlet or channel.title
        if source.kind == "auto" and _SITEMAP_ROOT.search(reply.body[:4096]):
            return self._sitemap(source, reply.body)
        if source.kind not in ("auto", "feed"):
            raise SourceError(source.url, f"unknown source kind {source.kind!r}")
        return reply.validators, parse_feed(reply.body, reply.url), source.outlet

    def _sitemap(
        self, source: Source, first: bytes | None
    ) -> tuple[Validators | None, list[Item] | None, str | None]:
        found: list[Validators] = []

        def fetch(url: str) -> bytes | None:
            if url == source.url and first is not None:
                return first
            if url == source.url:
                reply = self.http.get(url, state.validators(self.store, source.id))
                found.append(reply.validators)
                return None if reply.status == 304 else reply.body
            try:
                return self.http.get(url).body
            except FetchError as exc:  # name the file of the index that failed
                raise SourceError(source.url, f"{url}: {exc.reason}") from None

        items = read_sitemaps(source.url, fetch)
        return (found[0] if found else None), items, source.outlet

    def _plain(self, url: str) -> Item:
        reply = self.http.get(url)
        return Item(url=url, version=digest(reply.body.decode("utf-8", "replace")))

    # -- after the pipeline ----------------------------------------------------------------------------
    def outlet_override(self, result: Result) -> None:
        """A source's `outlet` names the outlet of its articles."""
        item = self.inflight.get(result.source)
        article = result.article
        if item is None or not item.outlet or article is None or article.outlet is None:
            return
        if article.outlet.name != item.outlet:
            result.article = dataclasses.replace(
                article, outlet=dataclasses.replace(article.outlet, name=item.outlet)
            )

    def finish(self, result: Result, incidents: set[tuple[str, str]]) -> None:
        """Record what became of an item once the writer is done with it."""
        item = self.inflight.pop(result.source, None)
        if item is None:
            return
        if result.error is not None:
            self.stats.item_errors += 1
            state.item_failed(self.store, item.url, result.error.message)
            self.report(f"{item.url}: error: {result.error.message}")
            return
        self.stats.stored += 1
        self.stats.changes += len(incidents)
        published = item.published.isoformat() if item.published else None
        state.item_done(self.store, item.url, item.source_id, incidents, published)
        events = len(result.events or [])
        self.report(f"{item.url}: stored, {events} event(s), {len(incidents)} incident(s) new or changed")
