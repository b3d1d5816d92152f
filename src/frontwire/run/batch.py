"""Pages → `Result` records, streaming: every input yields one result, failures are counted, the rest goes on.

`run_batch` takes what `frontwire.ingest.read` yields (`Page | Failure`) and hands on one `Result`
per input: the `Article`, or the error that stopped it (with the stage it happened in). Later
stages (events, geocoding) add their output to the same record.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from frontwire.article import extract
from frontwire.config import DEFAULT, Settings
from frontwire.errors import FrontwireError
from frontwire.records import Article, Failure, Page, to_dict
from frontwire.run.guard import Extractor, Guard


@dataclass(slots=True, kw_only=True)
class Result:
    """What the pipeline made of one input: an article, or the error that stopped it."""

    source: str
    id: str | None = None
    article: Article | None = None
    error: Failure | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(slots=True)
class BatchStats:
    """Counts for a batch; `failures` is keyed by stage ("read", "extract")."""

    inputs: int = 0
    articles: int = 0
    failures: Counter[str] = field(default_factory=Counter)

    @property
    def failed(self) -> int:
        return sum(self.failures.values())


def run_batch(
    items: Iterable[Page | Failure],
    settings: Settings = DEFAULT,
    func: Extractor = extract,
    stats: BatchStats | None = None,
) -> Iterator[Result]:
    """Yield one `Result` per item; extraction runs under a `Guard` (per-page time limit)."""
    stats = stats if stats is not None else BatchStats()
    with Guard(settings, func) as guard:
        for item in items:
            stats.inputs += 1
            if isinstance(item, Failure):
                stats.failures[item.stage] += 1
                yield Result(source=item.source, id=item.id, error=item)
                continue
            try:
                article = guard(item)
            except FrontwireError as exc:
                stats.failures["extract"] += 1
                failure = Failure(source=item.source, message=exc.reason, stage="extract")
                yield Result(source=item.source, id=item.id, error=failure)
                continue
            stats.articles += 1
            yield Result(source=item.source, id=item.id or article.id, article=article)


def result_to_dict(result: Result) -> dict[str, Any]:
    """A result as one JSON-ready object: `id`, `source`, `article` (or null), `error` (or null)."""
    out = to_dict(result)
    out["article"] = to_dict(result.article) if result.article is not None else None
    out["error"] = result.error.message if result.error is not None else None
    return out
