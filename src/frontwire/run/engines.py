"""Engines: run `shards.run_shard` over a list of shard tasks, in-process, on a local pool, or on Ray.

Every engine runs the same function on the same picklable `ShardTask`, and yields one `ShardReport`
per task as tasks finish (not in input order). A worker that dies mid-shard (killed, out of memory)
has its shard run again, up to `MAX_ATTEMPTS` times in all; the shard's output only appears, with its
marker, once an attempt completes, so a retry never duplicates anything.

    with make_engine("local", workers=2) as engine:
        for report in engine.run(tasks): ...

Inside every worker, pages still run in a `Guard` (a forkserver child killed when a page passes the
time limit). Ray workers are ordinary processes and start that child the same way; a thread-based
limit could not stop a parser stuck in C code, so there is no such fallback.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol

from frontwire.errors import ConfigError
from frontwire.run.guard import PRELOAD
from frontwire.run.lifeline import sigint_deferred, start_forkserver, watch
from frontwire.run.shards import ShardReport, ShardTask, run_shard_reporting

# A shard is tried this many times in all before the run gives up on it: one retry covers a worker
# killed from outside (OOM killer, a preempted node); a shard that kills its worker every time stops.
MAX_ATTEMPTS = 3
# Environment variables a Ray worker must share with the driver (the data directory with the
# gazetteer, the test suite's settings); anything starting with these prefixes is passed on.
ENV_PREFIXES = ("FRONTWIRE_",)
ENGINES = ("local", "ray")


class Engine(Protocol):
    name: str
    workers: int

    def run(self, tasks: Sequence[ShardTask]) -> Iterator[ShardReport]: ...

    def close(self) -> None: ...

    def __enter__(self) -> Engine: ...

    def __exit__(self, *exc: object) -> None: ...


class _Base:
    name = ""
    workers = 1

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        pass


class InProcess(_Base):
    """Shards one after another in this process (pages still run in the guarded child)."""

    name = "in-process"

    def run(self, tasks: Sequence[ShardTask]) -> Iterator[ShardReport]:
        for task in tasks:
            yield run_shard_reporting(task)


class LocalPool(_Base):
    """A pool of `workers` processes (forkserver), one shard each at a time; a broken pool is replaced."""

    name = "local"

    def __init__(self, workers: int) -> None:
        self.workers = max(1, workers)
        self._pool: ProcessPoolExecutor | None = None
        self.restarts = 0

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
            if method == "forkserver":
                start_forkserver(PRELOAD)
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=mp.get_context(method), initializer=watch, initargs=(os.getpid(),)
            )
        return self._pool

    def run(self, tasks: Sequence[ShardTask]) -> Iterator[ShardReport]:
        attempts = dict.fromkeys(range(len(tasks)), 0)
        todo = list(range(len(tasks)))
        while todo:
            futures: dict[Future[ShardReport], int] = {}
            with sigint_deferred():  # a Ctrl-C waits until every worker has started, then stops them
                pool = self._executor()
                for i in todo:
                    attempts[i] += 1
                    futures[pool.submit(run_shard_reporting, tasks[i])] = i
            todo = []
            pending = set(futures)
            broken = False
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    i = futures[future]
                    try:
                        yield future.result()
                    except BrokenProcessPool:
                        broken = True
                        todo.append(i)
            if broken:  # a worker died: every shard it (and the pool) had not finished runs again
                self._replace()
                for i in [i for i in todo if attempts[i] >= MAX_ATTEMPTS]:
                    todo.remove(i)
                    yield _died(tasks[i])

    def _replace(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = None
        self.restarts += 1

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            self.close()
        else:
            self.abort()

    def abort(self) -> None:
        """Stop now (Ctrl-C, an error in the caller): kill the workers instead of waiting for their
        shards; a shard cut short leaves only temporary files, and a re-run does it again."""
        if self._pool is None:
            return
        # ProcessPoolExecutor has no public way to stop running work; its process table is the way in.
        for proc in list(getattr(self._pool, "_processes", {}).values()):
            proc.kill()
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = None


class RayEngine(_Base):
    """Shards as Ray tasks (one CPU each), retried by Ray when their worker dies.

    `address` None starts a local Ray instance with `workers` CPUs (or joins the one this process
    already started); "auto" or "ray://…" joins a cluster. The driver's FRONTWIRE_* environment goes
    to the workers through `runtime_env`.
    """

    name = "ray"

    def __init__(self, workers: int, address: str | None = None) -> None:
        try:
            import ray
        except ImportError:
            raise ConfigError("--engine ray", 'Ray is not installed: pip install "frontwire[ray]"') from None
        self.ray = ray
        self.workers = max(1, workers)
        self._started = False
        if not ray.is_initialized():
            options: dict[str, Any] = {
                "address": address,
                "include_dashboard": False,
                "log_to_driver": False,
                "runtime_env": {"env_vars": worker_env()},
            }
            if address is None:
                options["num_cpus"] = self.workers
            ray.init(**options)
            self._started = True
        remote = ray.remote(num_cpus=1, max_retries=MAX_ATTEMPTS - 1)(run_shard_reporting)
        # A task-level runtime_env only when Ray was started elsewhere: when we start it, the job's
        # environment already carries the variables, and a task-level copy can make Ray start workers
        # of its own for it instead of reusing the prestarted ones.
        self._remote = remote if self._started else remote.options(runtime_env={"env_vars": worker_env()})

    def run(self, tasks: Sequence[ShardTask]) -> Iterator[ShardReport]:
        ray = self.ray
        refs = {self._remote.remote(task): task for task in tasks}
        pending = list(refs)
        while pending:
            done, pending = ray.wait(pending, num_returns=1)
            try:
                yield ray.get(done[0])
            except ray.exceptions.WorkerCrashedError:
                yield _died(refs[done[0]])

    def close(self) -> None:
        if self._started:
            self.ray.shutdown()
            self._started = False


def _died(task: ShardTask) -> ShardReport:
    """The report of a shard whose worker died on every attempt: the run goes on without it."""
    return ShardReport(
        shard_id=task.shard_id, path=task.path, error=f"the worker died on all {MAX_ATTEMPTS} attempts"
    )


def worker_env() -> dict[str, str]:
    """The environment variables workers must share with the driver."""
    return {k: v for k, v in os.environ.items() if k.startswith(ENV_PREFIXES)}


def make_engine(name: str = "local", workers: int | None = None, address: str | None = None) -> Engine:
    """An engine by name: "local" (in-process for 1 worker, else a process pool) or "ray"."""
    workers = workers if workers and workers > 0 else os.cpu_count() or 1
    if name == "ray":
        return RayEngine(workers, address)
    if name != "local":
        raise ConfigError("--engine", f"unknown engine {name!r}: use one of {', '.join(ENGINES)}")
    return InProcess() if workers == 1 else LocalPool(workers)
