"""Shards in-process and on the local pool: one result, markers skip, a killed worker is retried."""

from __future__ import annotations

import io
import os
import shutil
import signal
import threading
import time
from pathlib import Path

import pytest

from frontwire.config import Settings
from frontwire.pipeline import Pipeline
from frontwire.records import Page, to_dict
from frontwire.run.engines import InProcess, LocalPool, make_engine
from frontwire.run.gate import Gated, Outcome
from frontwire.run.shards import load_shard, plan, run_shard
from frontwire.store import open_store

pytest.importorskip("pyarrow", reason="shard output is Parquet: pip install 'frontwire[parquet]'")

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "pages"
SETTINGS = Settings(page_timeout_s=60)
CAKE = (
    "<html><head><title>Lemon cake in twenty minutes</title></head><body><article><h1>Lemon cake</h1>"
    "<p>Mix the flour, the sugar and two eggs, add the zest of a lemon and bake for twenty minutes at "
    "180 degrees. Serve with yoghurt.</p></article></body></html>"
)
AMBUSH = (
    "<html><head><title>Gunmen ambush army patrol near Palmyra</title></head><body><article>"
    "<h1>Gunmen ambush army patrol near Palmyra</h1><p>PALMYRA, May 3, 2024 - Gunmen ambushed a Syrian "
    "army patrol near Palmyra in the Homs desert on Thursday, killing three soldiers, a military source "
    "told reporters.</p><p>No group claimed the attack.</p></article></body></html>"
)


def write_warc(path: Path, pages: list[tuple[str, str]]) -> Path:
    """A WARC.gz of HTTP 200 responses, one gzip member per record (as news-crawl writes them)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], "HTTP/1.1")
            payload = io.BytesIO(html.encode("utf-8"))
            writer.write_record(
                writer.create_warc_record(url, "response", payload=payload, http_headers=headers)
            )
    return path


def make_crawl(root: Path) -> Path:
    """Three shards: two WARC.gz files (example pages, one cooking page the gate drops) and a JSONL file."""
    crawl = root / "crawl"
    crawl.mkdir()
    hama = (EXAMPLES / "hama-shelling-wordpress.html").read_text(encoding="utf-8")
    kharkiv = (EXAMPLES / "kharkiv-drone-strike.html").read_text(encoding="utf-8")
    write_warc(
        crawl / "a.warc.gz", [("https://hama.example/news/1", hama), ("https://food.example/cake", CAKE)]
    )
    write_warc(
        crawl / "b.warc.gz", [("https://kharkiv.example/1", kharkiv), ("https://wire.example/2", AMBUSH)]
    )
    shutil.copy(EXAMPLES / "wire-briefs.jsonl", crawl / "c.jsonl")
    return crawl


def events_by_page(tasks) -> dict[str, list[dict]]:  # noqa: ANN001
    out = {}
    for task in tasks:
        for result in load_shard(task):
            out[result.source] = [to_dict(e) for e in result.events or []]
    return out


def store_dump(db: Path, tasks) -> tuple[int, int, list[str]]:  # noqa: ANN001
    """Load the shards into a fresh store: (pages, mentions, sorted mention ids)."""
    with open_store(db) as store:
        for task in tasks:
            for result in load_shard(task):
                if result.article is not None:
                    store.write_page(result.page, result.article, result.events or [])
        ids = sorted(r["id"] for r in store.rows("SELECT id FROM mentions"))
        return store.count("pages"), store.count("mentions"), ids


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_crawl(tmp_path_factory.mktemp("crawl"))


@pytest.fixture(scope="module")
def reference(crawl: Path, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    """The in-process run every other engine is compared with."""
    work = tmp_path_factory.mktemp("work-inprocess")
    tasks = plan([str(crawl)], work, SETTINGS)
    reports = {r.shard_id: r for r in InProcess().run(tasks)}
    return tasks, reports


def test_in_process_shards_code_events_and_gate_drops_the_cake(reference) -> None:  # noqa: ANN001
    tasks, reports = reference
    assert [Path(t.path).name for t in tasks] == ["a.warc.gz", "b.warc.gz", "c.jsonl"]
    events = events_by_page(tasks)
    assert sum(r.dropped.get("gate:no-cue-in-page", 0) for r in reports.values()) == 1
    assert not any("food.example" in source for source in events)
    ambush = next(evs for evs in events.values() if "Gunmen ambushed" in str(evs))
    assert {e["place"]["location"] for e in ambush if e["place"]} == {
        "Tadmur"
    }  # GeoNames names Palmyra by its Arabic name
    assert all(t.marker.exists() for t in tasks)
    assert sum(r.mentions for r in reports.values()) == sum(len(v) for v in events.values()) > 5


def test_markers_make_a_rerun_skip_every_shard(reference) -> None:  # noqa: ANN001
    tasks, reports = reference
    again = list(InProcess().run(tasks))
    assert all(r.skipped for r in again)
    assert {r.shard_id: r.mentions for r in again} == {k: r.mentions for k, r in reports.items()}


def test_local_pool_gives_the_in_process_result(reference, crawl: Path, tmp_path: Path) -> None:  # noqa: ANN001
    tasks, _ = reference
    pooled = plan([str(crawl)], tmp_path / "work", SETTINGS)
    with make_engine("local", workers=2) as engine:
        assert isinstance(engine, LocalPool)
        reports = list(engine.run(pooled))
    assert len({r.pid for r in reports}) >= 1 and not any(r.skipped for r in reports)
    assert events_by_page(pooled) == events_by_page(tasks)
    assert store_dump(tmp_path / "pool.sqlite", pooled) == store_dump(tmp_path / "ref.sqlite", tasks)


class SlowGated(Gated):
    """The real step, slowed down, telling the test (through a file) which process runs the shard."""

    def __init__(self, pipeline: Pipeline, progress: Path) -> None:
        super().__init__(pipeline)
        self.progress = progress  # not an environment variable: forkserver children keep the old one

    def __call__(self, page: Page, settings: Settings | None = None) -> Outcome:
        with open(self.progress, "a", encoding="utf-8") as out:
            out.write(f"{os.getppid()}\n")  # the forkserver; its parent is the shard worker
        time.sleep(0.4)
        return super().__call__(page, settings)


def grandparent(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("PPid:"):
            return int(line.split()[1])
    raise LookupError(pid)


def kill_shard_worker_once(progress: Path, killed: list[int], timeout_s: float = 60) -> threading.Thread:
    """Wait until a page of a shard is being processed, then SIGKILL the process running that shard."""

    def run() -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            lines = progress.read_text().split() if progress.exists() else []
            if lines:
                worker = grandparent(int(lines[0]))
                os.kill(worker, signal.SIGKILL)
                killed.append(worker)
                return
            time.sleep(0.02)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_a_pool_worker_killed_mid_shard_is_retried_without_duplicates(
    reference,
    crawl: Path,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    tasks, _ = reference
    progress = tmp_path / "progress"
    step = SlowGated(Pipeline(SETTINGS), progress)
    retried = plan([str(crawl)], tmp_path / "work", SETTINGS, step=step)
    killed: list[int] = []
    with LocalPool(workers=2) as engine:
        killer = kill_shard_worker_once(progress, killed)
        reports = list(engine.run(retried))
        killer.join()
        assert engine.restarts == 1
    assert killed and killed[0] not in {r.pid for r in reports}
    assert len(reports) == 3 and all(t.marker.exists() for t in retried)
    assert not list((tmp_path / "work").glob("*.tmp-*"))
    pages, mentions, ids = store_dump(tmp_path / "retried.sqlite", retried)
    assert len(ids) == len(set(ids)) == mentions
    assert (pages, mentions, ids) == store_dump(tmp_path / "ref.sqlite", tasks)


def test_run_shard_is_what_every_engine_runs(reference) -> None:  # noqa: ANN001
    tasks, reports = reference
    report = run_shard(tasks[0])
    assert report.skipped and report.shard_id == tasks[0].shard_id == reports[tasks[0].shard_id].shard_id


def test_another_event_coder_recodes_finished_shards(crawl: Path, tmp_path: Path) -> None:
    """Markers skip a shard only for the coder that wrote it: a new coder version codes it again."""
    import frontwire.events.rules.coder as rules

    work = tmp_path / "work"
    first = plan([str(crawl)], work, SETTINGS)
    list(InProcess().run(first))
    assert [t.shard_id for t in plan([str(crawl)], work, SETTINGS)] == [t.shard_id for t in first]
    old = rules.VERSION
    rules.VERSION = old + "+next"  # what upgrading frontwire's rule coder does
    try:
        upgraded = plan([str(crawl)], work, SETTINGS)
        assert not any(t.marker.exists() for t in upgraded)
        assert {t.shard_id for t in upgraded}.isdisjoint(t.shard_id for t in first)
    finally:
        rules.VERSION = old
