"""Inputs → store: page → article → events → places → one transaction per page.

`ingest` reads the inputs, runs the reading pipeline in guarded workers, and writes each page
with its article and event mentions in its own transaction (merging the mentions into incidents),
from this process alone: one writer per database. A crash or Ctrl-C mid-batch leaves every
page either fully stored or not at all; running the same command again stores nothing twice.
"""

from __future__ import annotations

import itertools
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from frontwire.config import DEFAULT, Settings
from frontwire.errors import FrontwireError
from frontwire.pipeline import Pipeline, prepare
from frontwire.records import Failure
from frontwire.run.batch import BatchStats, Result, run_batch


@dataclass(slots=True)
class IngestStats:
    """What an ingest did; `pages` by write status ("new", "unchanged", "superseded")."""

    batch: BatchStats = field(default_factory=BatchStats)
    pages: Counter[str] = field(default_factory=Counter)
    mentions: int = 0
    store_failures: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def failed(self) -> int:
        return self.batch.failed + self.store_failures

    @property
    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.batch.inputs / elapsed if elapsed > 0 else 0.0

    def line(self) -> str:
        b = self.batch
        written = ", ".join(f"{n} {status}" for status, n in sorted(self.pages.items())) or "none written"
        return (
            f"{b.inputs} pages ({self.rate:.1f}/s), {b.articles} articles, {b.events} events, "
            f"{self.failed} failed; pages {written}"
        )


def ingest(
    inputs: Iterable[str],
    db: str | None = None,
    settings: Settings = DEFAULT,
    workers: int = 1,
    on_result: Callable[[Result, IngestStats], None] | None = None,
    announce: Callable[[str], None] | None = None,
    jsonl: Iterable[str] = (),
) -> IngestStats:
    """Run the whole pipeline over `inputs` (and the JSON-lines files `jsonl`) into the store at `db`
    (a path or URL; None: the default)."""
    from frontwire.ingest import read
    from frontwire.store import open_store

    stats = IngestStats()
    with open_store(db) as store:  # a bad --db fails here, before any page is read
        prepare(settings, announce)
        pages = itertools.chain(read(inputs, settings), read(jsonl, settings, as_jsonl=True))
        results = run_batch(pages, settings, Pipeline(settings), stats.batch, workers)
        for result in results:
            if result.article is not None and result.page is not None:
                try:
                    written = store.write_page(result.page, result.article, result.events or [])
                except FrontwireError as exc:
                    stats.store_failures += 1
                    result.error = _store_failure(result, exc)
                else:
                    stats.pages[written.status] += 1
                    stats.mentions += written.mentions
            if on_result is not None:
                on_result(result, stats)
    return stats


def _store_failure(result: Result, exc: FrontwireError) -> Failure:
    return Failure(source=result.source, message=f"not stored: {exc.reason}", stage="store", id=result.id)
