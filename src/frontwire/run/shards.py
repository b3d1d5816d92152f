"""Crawl shards: one input file is one unit of work, written to Parquet, marked done, then loaded.

    tasks = plan(["crawl/"], work_dir, settings)      # one ShardTask per input file (WARC.gz, JSONL, …)
    report = run_shard(task)                           # in any process: pages → Parquet + a done marker
    for result in load_shard(task): store.write_page(...)   # the one writer, in the driver

`run_shard` is what every engine (in-process, local pool, Ray) runs. It streams the file's pages
through the relevance gate and a `Guard` (the per-page time limit: a forkserver child that is killed
when a page hangs; this works the same inside a pool or Ray worker, which are ordinary processes),
writes the shard's tables to temporary files, renames them into place, and writes the completion
marker last (temp file, then an atomic rename). A shard with a marker is skipped on a re-run; a
worker killed mid-shard leaves only temporary files, and the retry starts the shard afresh. The
store's content-hash ids make loading a shard twice change nothing.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import resource
import time
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from frontwire.config import Settings
from frontwire.errors import FrontwireError
from frontwire.pipeline import Pipeline, Processed
from frontwire.records import Failure, Page
from frontwire.run.batch import Result
from frontwire.run.gate import GATE_NAME, Gate, Gated, Outcome
from frontwire.run.guard import Guard
from frontwire.run.shard_schema import SCHEMA_VERSION, article_row, mention_row, schema

TABLES = ("articles", "mentions", "rejects")
MARKER_SUFFIX = ".done"
# Rows buffered before a Parquet row group is written: bounds a worker's memory on a large shard
# (a row is one page, ~50-200 kB of HTML) while keeping row groups big enough to compress well.
ROWS_PER_GROUP = 128
# Stages a report times (seconds summed over the shard's pages).
STAGES = ("read", "gate", "extract", "events", "geo", "write")


@dataclass(slots=True, frozen=True, kw_only=True)
class ShardTask:
    """One input file to process. Picklable: engines ship it to workers as is."""

    path: str
    shard_id: str
    out_dir: str
    settings: Settings
    as_jsonl: bool = False
    gate: bool = True
    # The per-page step run in the guarded child; None: `Gated(Pipeline(settings))`.
    step: Any = None

    def file(self, table: str) -> Path:
        return Path(self.out_dir) / f"{self.shard_id}.{table}.parquet"

    @property
    def marker(self) -> Path:
        return Path(self.out_dir) / f"{self.shard_id}{MARKER_SUFFIX}"


@dataclass(slots=True, kw_only=True)
class ShardReport:
    """What processing one shard did; stored as its completion marker (JSON)."""

    shard_id: str
    path: str
    skipped: bool = False
    pages: int = 0
    articles: int = 0
    mentions: int = 0
    dropped: dict[str, int] = field(default_factory=dict)
    failures: int = 0
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    # Peak resident memory (MiB) of the shard process and of its guarded child.
    peak_rss_mib: float = 0.0
    child_peak_rss_mib: float = 0.0
    pid: int = 0
    attempt: str = ""
    # Why the shard could not be processed (then nothing of it is stored and no marker is written).
    error: str | None = None


def _coder(settings: Settings) -> str:
    """The event coder and its version ("frontwire-rules/0.4.0"): a new coder recodes finished shards."""
    from frontwire import __version__
    from frontwire.events import get_extractor
    from frontwire.pipeline import extractor_options

    if not settings.events:
        return f"frontwire/{__version__}"
    extractor = get_extractor(settings.extractor, **extractor_options(settings))
    coder = getattr(extractor, "coder", f"{extractor.name}/{extractor.version}")
    return f"frontwire/{__version__} {coder}"


def shard_id(path: Path, settings: Settings, as_jsonl: bool, gate: bool, coder: str | None = None) -> str:
    """The file's name plus a hash of what decides its output: path, size, mtime, settings, versions
    (of the schema, the gate and the event coder; `coder` as `_coder(settings)` gives it)."""
    st = path.stat()
    key = "\x1f".join(
        map(
            str,
            (
                path.resolve(),
                st.st_size,
                st.st_mtime_ns,
                as_jsonl,
                gate,
                repr(settings),
                SCHEMA_VERSION,
                GATE_NAME,
                coder if coder is not None else _coder(settings),
            ),
        )
    )
    stem = path.name.split(".")[0][:40] or "shard"
    return f"{stem}-{hashlib.sha256(key.encode()).hexdigest()[:16]}"


def input_files(inputs: Iterable[str]) -> Iterator[Path]:
    """Every file an input names: the file itself, or a directory's readable files, recursively, sorted."""
    from frontwire.ingest import walk_dir

    for item in inputs:
        path = Path(item)
        if path.is_dir():
            yield from walk_dir(path)[0]
        else:
            yield path


def plan(
    inputs: Iterable[str],
    work_dir: Path,
    settings: Settings,
    jsonl: Iterable[str] = (),
    gate: bool = True,
    step: Any = None,
) -> list[ShardTask]:
    """One task per existing input file (directories expanded; JSON-lines files from `jsonl`)."""
    work_dir.mkdir(parents=True, exist_ok=True)
    tasks = []
    coder = _coder(settings)
    for as_jsonl, items in ((False, inputs), (True, jsonl)):
        for path in input_files(items):
            if not path.is_file():
                continue
            sid = shard_id(path, settings, as_jsonl, gate, coder)
            task = ShardTask(
                path=str(path),
                shard_id=sid,
                out_dir=str(work_dir),
                settings=settings,
                as_jsonl=as_jsonl,
                gate=gate,
                step=step,
            )
            tasks.append(task)
    return tasks


def is_done(task: ShardTask) -> bool:
    return task.marker.exists()


def read_marker(task: ShardTask) -> ShardReport:
    return ShardReport(**json.loads(task.marker.read_text(encoding="utf-8")))


def run_shard_reporting(task: ShardTask) -> ShardReport:
    """`run_shard`, with an exception turned into the shard's `error`: one failing shard is reported,
    and the run goes on with the others. No marker is written, so a re-run tries the shard again."""
    try:
        return run_shard(task)
    except FrontwireError as exc:
        error = exc.reason
    except Exception as exc:  # a bug or a full disk must not take the other shards down
        error = f"{type(exc).__name__}: {exc}"
    return ShardReport(shard_id=task.shard_id, path=task.path, pid=os.getpid(), error=error)


def run_shard(task: ShardTask) -> ShardReport:
    """Process one shard (or skip it when its marker exists); returns the report also stored as the marker."""
    if is_done(task):
        report = read_marker(task)
        report.skipped = True
        return report
    _clear_stale(task)
    started = time.perf_counter()
    attempt = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
    report = ShardReport(shard_id=task.shard_id, path=task.path, pid=os.getpid(), attempt=attempt)
    seconds: Counter[str] = Counter()
    dropped: Counter[str] = Counter()
    writer = _ShardWriter(task, attempt, seconds)
    gate = Gate() if task.gate else None
    guard = _guard(task)
    try:
        for item in _timed(_read(task), seconds):
            report.pages += 1
            if isinstance(item, Failure):
                writer.reject(item.source, item.id, item.stage, item.message)
                continue
            t0 = time.perf_counter()
            drop = gate.page(item) if gate is not None else None
            seconds["gate"] += time.perf_counter() - t0
            if drop is not None:
                dropped[drop.reason] += 1
                writer.reject(drop.source, drop.id, "gate", drop.reason)
                continue
            try:
                made = guard(item)
            except FrontwireError as exc:
                writer.reject(item.source, item.id, "extract", exc.reason)
                continue
            outcome = made if isinstance(made, Outcome) else Outcome(processed=made)
            seconds.update(outcome.seconds)
            report.child_peak_rss_mib = max(report.child_peak_rss_mib, outcome.peak_rss_mib)
            if outcome.dropped is not None:
                dropped[outcome.dropped.reason] += 1
                writer.reject(item.source, item.id, "gate", outcome.dropped.reason)
            elif outcome.processed is not None:
                report.articles += 1
                report.mentions += len(outcome.processed.events)
                writer.add(item, outcome.processed)
        writer.commit()
    finally:
        writer.discard()
    report.failures = writer.failures
    report.dropped = dict(dropped)
    report.stage_seconds = {stage: round(seconds[stage], 4) for stage in STAGES}
    report.seconds = round(time.perf_counter() - started, 4)
    report.peak_rss_mib = _peak_rss_mib()
    _write_atomic(task.marker, json.dumps(asdict(report), sort_keys=True), attempt)
    return report


# This process's guarded children, one per kind of step: a worker that runs many shards loads the
# models (spaCy, the gazetteer) once, not once per shard. Only the process that made a guard uses it;
# the children exit with it (their pipe closes).
_GUARDS: dict[tuple[str, str], Guard] = {}


def _guard(task: ShardTask) -> Guard:
    step = task.step if task.step is not None else Gated(Pipeline(task.settings), gate=task.gate)
    key = (repr(task.settings), f"{type(step).__module__}.{type(step).__qualname__}", str(task.gate))
    if key not in _GUARDS:
        if not _GUARDS:
            atexit.register(close_guards)
        _GUARDS[key] = Guard(task.settings, step)
    return _GUARDS[key]


def close_guards() -> None:
    """Stop this process's guarded children (at exit, or when a caller is done with shards)."""
    while _GUARDS:
        _GUARDS.popitem()[1].close()


def _read(task: ShardTask) -> Iterator[Page | Failure]:
    from frontwire.ingest import read

    return read([task.path], task.settings, as_jsonl=task.as_jsonl)


def _timed(items: Iterator[Page | Failure], seconds: Counter[str]) -> Iterator[Page | Failure]:
    """Pass `items` on, adding the time spent producing each to seconds["read"]."""
    while True:
        t0 = time.perf_counter()
        try:
            item = next(items)
        except StopIteration:
            return
        finally:
            seconds["read"] += time.perf_counter() - t0
        yield item


def _peak_rss_mib() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # Linux: kB


def _write_atomic(path: Path, text: str, attempt: str) -> None:
    tmp = path.with_name(f"{path.name}.tmp-{attempt}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _clear_stale(task: ShardTask) -> None:
    """Remove what an earlier, killed attempt at this shard left (temporary files only)."""
    for stale in Path(task.out_dir).glob(f"{task.shard_id}.*.tmp-*"):
        stale.unlink(missing_ok=True)


class _ShardWriter:
    """Buffers rows and writes them as Parquet row groups to temporary files; `commit` renames them."""

    def __init__(self, task: ShardTask, attempt: str, seconds: Counter[str]) -> None:
        self.task = task
        self.attempt = attempt
        self.seconds = seconds
        self.rows: dict[str, list[dict]] = {t: [] for t in TABLES}
        self.writers: dict[str, Any] = {}
        self.index = 0
        self.failures = 0

    def tmp(self, table: str) -> Path:
        final = self.task.file(table)
        return final.with_name(f"{final.name}.tmp-{self.attempt}")

    def add(self, page: Page, processed: Processed) -> None:
        t0 = time.perf_counter()
        self.rows["articles"].append(
            article_row(self.index, page, processed.article, processed.language, processed.events_note)
        )
        for position, mention in enumerate(processed.events):
            self.rows["mentions"].append(mention_row(self.index, position, mention))
        self.index += 1
        self._flush(force=False)
        self.seconds["write"] += time.perf_counter() - t0

    def reject(self, source: str, id_: str | None, stage: str, reason: str) -> None:
        if stage != "gate":
            self.failures += 1
        self.rows["rejects"].append({"source": source, "id": id_, "stage": stage, "reason": reason})
        self._flush(force=False)

    def _flush(self, force: bool) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        for table, rows in self.rows.items():
            if not rows or (len(rows) < ROWS_PER_GROUP and not force):
                continue
            if table not in self.writers:
                self.writers[table] = pq.ParquetWriter(self.tmp(table), schema(table), compression="zstd")
            self.writers[table].write_table(pa.Table.from_pylist(rows, schema=schema(table)))
            rows.clear()

    def commit(self) -> None:
        """Write what is buffered, close the files (an empty table still gets a file) and rename them."""
        import pyarrow.parquet as pq

        t0 = time.perf_counter()
        self._flush(force=True)
        for table in TABLES:
            if table not in self.writers:
                self.writers[table] = pq.ParquetWriter(self.tmp(table), schema(table), compression="zstd")
            self.writers.pop(table).close()
            os.replace(self.tmp(table), self.task.file(table))
        self.seconds["write"] += time.perf_counter() - t0

    def discard(self) -> None:
        """After a failure: close and remove the temporary files (a no-op after `commit`)."""
        for table, writer in list(self.writers.items()):
            try:
                writer.close()
            finally:
                self.tmp(table).unlink(missing_ok=True)
        self.writers.clear()


def remove_shard(task: ShardTask) -> None:
    """Delete a loaded shard's tables and marker (the marker first: a half-removed shard is redone)."""
    task.marker.unlink(missing_ok=True)
    for table in TABLES:
        task.file(table).unlink(missing_ok=True)


def load_shard(task: ShardTask, batch_rows: int = 64) -> Iterator[Result]:
    """A finished shard's pages as `Result` records (page, article, events) and its failures, streaming."""
    import pyarrow.parquet as pq

    from frontwire.run.shard_schema import article_from_row, mention_from_row, page_from_row

    events: dict[int, list] = {}
    for row in (
        pq.read_table(task.file("mentions"))
        .sort_by([("page_index", "ascending"), ("position", "ascending")])
        .to_pylist()
    ):
        events.setdefault(row["page_index"], []).append(mention_from_row(row))
    for batch in pq.ParquetFile(task.file("articles")).iter_batches(batch_size=batch_rows):
        for row in batch.to_pylist():
            page, article = page_from_row(row), article_from_row(row)
            yield Result(
                page=page,
                source=page.source,
                id=page.id or article.id,
                article=article,
                events=events.pop(row["page_index"], []),
                language=row["language"],
                events_note=row["events_note"],
            )
    for row in pq.read_table(task.file("rejects")).to_pylist():
        if row["stage"] != "gate":
            failure = Failure(source=row["source"], message=row["reason"], stage=row["stage"], id=row["id"])
            yield Result(source=row["source"], id=row["id"], error=failure)
