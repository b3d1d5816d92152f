"""Pages → `Result` records, streaming: every input yields one result, failures are counted, the rest goes on.

`run_batch` takes what `frontwire.ingest.read` yields (`Page | Failure`) and hands on one `Result`
per input: the `Article`, or the error that stopped it (with the stage it happened in). Later
stages (events, geocoding) add their output to the same record.
"""

from __future__ import annotations

import queue
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from frontwire.article import extract
from frontwire.config import DEFAULT, Settings
from frontwire.errors import FrontwireError
from frontwire.pipeline import Processed
from frontwire.records import Article, EventMention, Failure, Page, to_dict
from frontwire.run.guard import Extractor, Guard


@dataclass(slots=True, kw_only=True)
class Result:
    """What the pipeline made of one input: an article, or the error that stopped it."""

    source: str
    id: str | None = None
    article: Article | None = None
    error: Failure | None = None
    # Filled when the batch runs the whole reading pipeline (frontwire.pipeline), not just extraction.
    events: list[EventMention] | None = None
    language: str | None = None
    events_note: str | None = None
    # The page itself, for stages that store it (ingest); never serialised.
    page: Page | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(slots=True)
class BatchStats:
    """Counts for a batch; `failures` is keyed by stage ("read", "extract")."""

    inputs: int = 0
    articles: int = 0
    events: int = 0
    gated: int = 0  # articles the relevance gate kept from event coding
    failures: Counter[str] = field(default_factory=Counter)

    @property
    def failed(self) -> int:
        return sum(self.failures.values())


def run_batch(
    items: Iterable[Page | Failure],
    settings: Settings = DEFAULT,
    func: Extractor = extract,
    stats: BatchStats | None = None,
    workers: int = 1,
) -> Iterator[Result]:
    """Yield one `Result` per item, in input order; `func` runs under a `Guard` (per-page time limit).

    With `workers` > 1, that many guarded worker processes take pages side by side; at most
    `IN_FLIGHT_PER_WORKER` pages per worker are read ahead, so memory stays bounded.
    """
    stats = stats if stats is not None else BatchStats()
    if workers <= 1:
        with Guard(settings, func) as guard:
            for item in items:
                yield _account(item, guard, stats)
        return
    guards: queue.SimpleQueue[Guard] = queue.SimpleQueue()
    made = [Guard(settings, func) for _ in range(workers)]
    for guard in made:
        guards.put(guard)

    def run(item: Page | Failure) -> tuple[Page | Failure, Any]:
        if isinstance(item, Failure):
            return item, None
        guard = guards.get()
        try:
            return item, guard(item)
        except FrontwireError as exc:
            return item, exc
        finally:
            guards.put(guard)

    pending: deque[Future[tuple[Page | Failure, Any]]] = deque()
    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for item in items:
                pending.append(pool.submit(run, item))
                while len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                    yield _record(*pending.popleft().result(), stats)
            while pending:
                yield _record(*pending.popleft().result(), stats)
    finally:
        for guard in made:
            guard.close()


# Pages read ahead per worker: enough to keep every worker busy while the caller writes results.
IN_FLIGHT_PER_WORKER = 4


def _account(item: Page | Failure, guard: Guard, stats: BatchStats) -> Result:
    if isinstance(item, Failure):
        return _record(item, None, stats)
    try:
        return _record(item, guard(item), stats)
    except FrontwireError as exc:
        return _record(item, exc, stats)


def _record(item: Page | Failure, made: Any, stats: BatchStats) -> Result:
    """Count one outcome and turn it into a `Result`."""
    stats.inputs += 1
    if isinstance(item, Failure):
        stats.failures[item.stage] += 1
        return Result(source=item.source, id=item.id, error=item)
    if isinstance(made, FrontwireError):
        stats.failures["extract"] += 1
        failure = Failure(source=item.source, message=made.reason, stage="extract", id=item.id)
        return Result(source=item.source, id=item.id, error=failure)
    stats.articles += 1
    if isinstance(made, Processed):
        stats.events += len(made.events)
        stats.gated += made.gated
        return Result(
            page=item,
            source=item.source,
            id=item.id or made.article.id,
            article=made.article,
            events=made.events,
            language=made.language,
            events_note=made.events_note,
        )
    return Result(source=item.source, id=item.id or made.id, article=made, page=item)


def result_to_dict(result: Result) -> dict[str, Any]:
    """A result as one JSON-ready object: `id`, `source`, `article` (or null), `error` (or null), and,
    when events were coded, `events`, `language` and `events_note`."""
    out = to_dict(result)
    out.pop("page")
    out["article"] = to_dict(result.article) if result.article is not None else None
    out["error"] = result.error.message if result.error is not None else None
    if result.events is None:
        for key in ("events", "language", "events_note"):
            out.pop(key)
    return out
