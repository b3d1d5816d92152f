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
from pathlib import Path
from typing import TYPE_CHECKING

from frontwire.config import DEFAULT, Settings
from frontwire.errors import FrontwireError
from frontwire.pipeline import Pipeline, prepare
from frontwire.records import Failure
from frontwire.run.batch import BatchStats, Result, run_batch

if TYPE_CHECKING:
    from frontwire.store import Store


@dataclass(slots=True)
class IngestStats:
    """What an ingest did; `pages` by write status ("new", "unchanged", "superseded")."""

    batch: BatchStats = field(default_factory=BatchStats)
    pages: Counter[str] = field(default_factory=Counter)
    mentions: int = 0
    store_failures: int = 0
    # Pages kept from the expensive stages by the relevance gate, by reason; shards done / skipped.
    dropped: Counter[str] = field(default_factory=Counter)
    shards: Counter[str] = field(default_factory=Counter)
    # Reports that the closing canonical regrouping moved to another incident (runs with several workers).
    regrouped: int = 0
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
        ) + (f"; {sum(self.dropped.values())} dropped by the gate" if self.dropped else "") + (
            f"; {self.regrouped} reports regrouped into their canonical incidents" if self.regrouped else ""
        )


def ingest(
    inputs: Iterable[str],
    db: str | None = None,
    settings: Settings = DEFAULT,
    workers: int = 1,
    on_result: Callable[[Result, IngestStats], None] | None = None,
    announce: Callable[[str], None] | None = None,
    jsonl: Iterable[str] = (),
    engine: str | None = None,
    address: str | None = None,
    work_dir: Path | None = None,
    gate: bool = True,
) -> IngestStats:
    """Run the whole pipeline over `inputs` (and the JSON-lines files `jsonl`) into the store at `db`
    (a path or URL; None: the default).

    With an `engine` ("local" or "ray"), input files are processed as shards (`frontwire.run.shards`)
    by `workers` workers, written to Parquet under `work_dir` (default: `shards/` in the data
    directory), then loaded here; URLs and stdin still go page by page through `run_batch`. Without
    an engine, everything goes page by page as before.
    """
    from frontwire.ingest import read
    from frontwire.store import open_store

    stats = IngestStats()
    with open_store(db) as store:  # a bad --db fails here, before any page is read
        prepare(settings, announce)
        if engine is not None:
            inputs = list(inputs)
            files = [i for i in inputs if _is_local(i)]
            jsonl = list(jsonl)
            _ingest_shards(
                store, files, jsonl, settings, stats, on_result, engine, workers, address, work_dir, gate
            )
            inputs = [i for i in inputs if not _is_local(i)]
            jsonl = [j for j in jsonl if j == "-"]
        pages = itertools.chain(read(inputs, settings), read(jsonl, settings, as_jsonl=True))
        for result in run_batch(pages, settings, Pipeline(settings), stats.batch, workers):
            _write(store, result, stats, on_result)
        # Pages were merged in the order they arrived, which several workers, or a run killed and resumed,
        # do not keep: regroup what this run (and any killed run before it) wrote in the mentions' own
        # order, so the same pages always give the same incidents.
        stats.regrouped = store.regroup_pending().moved
    return stats


def _is_local(item: str) -> bool:
    return item != "-" and Path(item).exists()


def _ingest_shards(
    store: Store,
    files: list[str],
    jsonl: list[str],
    settings: Settings,
    stats: IngestStats,
    on_result: Callable[[Result, IngestStats], None] | None,
    engine: str,
    workers: int,
    address: str | None,
    work_dir: Path | None,
    gate: bool,
) -> None:
    """Input files → shards on the engine → Parquet → this process, the one writer."""
    from frontwire.geo.paths import data_dir
    from frontwire.run.engines import make_engine
    from frontwire.run.shards import load_shard, plan, remove_shard

    # Shards go to --work-dir and stay there; by default they go to the data directory and each is
    # removed once its pages are stored (a killed run's finished shards are loaded by the next run).
    keep = work_dir is not None
    tasks = plan(
        files, Path(work_dir or data_dir() / "shards"), settings, [j for j in jsonl if j != "-"], gate
    )
    by_id = {task.shard_id: task for task in tasks}
    _report_skipped(store, files + jsonl, stats, on_result)
    with make_engine(engine, workers, address) as runner:
        for report in runner.run(tasks):
            if report.error is not None:
                stats.shards["failed"] += 1
                _write(store, _shard_failure(report.path, report.error), stats, on_result)
                continue
            stats.shards["skipped" if report.skipped else "done"] += 1
            stats.dropped.update(report.dropped)
            stats.batch.inputs += sum(report.dropped.values())
            for result in load_shard(by_id[report.shard_id]):
                stats.batch.inputs += 1
                if result.error is not None:
                    stats.batch.failures[result.error.stage] += 1
                else:
                    stats.batch.articles += 1
                    stats.batch.events += len(result.events or [])
                _write(store, result, stats, on_result)
            if not keep:
                remove_shard(by_id[report.shard_id])


def _report_skipped(
    store: Store,
    items: list[str],
    stats: IngestStats,
    on_result: Callable[[Result, IngestStats], None] | None,
) -> None:
    """One failed result per input directory whose walk left files of unknown extensions out."""
    from frontwire.ingest import skipped_failure, walk_dir

    for item in items:
        if Path(item).is_dir() and (failure := skipped_failure(Path(item), walk_dir(Path(item))[1])):
            stats.batch.inputs += 1
            stats.batch.failures[failure.stage] += 1
            _write(store, Result(source=failure.source, error=failure), stats, on_result)


def _shard_failure(path: str, error: str) -> Result:
    """A shard that could not be processed, as one failed result naming its file."""
    failure = Failure(source=path, message=f"not processed: {error}", stage="shard")
    return Result(source=path, error=failure)


def _write(
    store: Store, result: Result, stats: IngestStats, on_result: Callable[[Result, IngestStats], None] | None
) -> None:
    if result.error is not None and result.error.stage == "shard":
        stats.batch.failures["shard"] += 1
    elif result.article is not None and result.page is not None:
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


def _store_failure(result: Result, exc: FrontwireError) -> Failure:
    return Failure(source=result.source, message=f"not stored: {exc.reason}", stage="store", id=result.id)


# The one way a pipeline result reaches the store, shared with `frontwire watch` (frontwire.watch.run).
write_result = _write
