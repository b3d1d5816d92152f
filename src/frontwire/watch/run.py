"""`watch`: sources → `Watcher.pages()` → the same batch runner, pipeline and writer as `ingest` → the store.

stats = watch(sources, "frontwire.sqlite", settings, report=print)        # until Ctrl-C
stats = watch(sources, "frontwire.sqlite", settings, once=True)           # one poll of each source
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from frontwire.config import DEFAULT, Settings
from frontwire.pipeline import Pipeline, prepare
from frontwire.run.batch import Result, run_batch
from frontwire.run.ingest import IngestStats, write_result
from frontwire.store import ids, open_store
from frontwire.store.base import Store
from frontwire.watch.poller import MIN_HOST_GAP_S
from frontwire.watch.sources import Source
from frontwire.watch.watcher import Watcher, WatchStats


def watch(
    sources: list[Source],
    db: str | None = None,
    settings: Settings = DEFAULT,
    *,
    once: bool = False,
    report: Callable[[str], None] | None = None,
    announce: Callable[[str], None] | None = None,
    stop: threading.Event | None = None,
    gap_s: float = MIN_HOST_GAP_S,
) -> tuple[WatchStats, IngestStats]:
    """Watch `sources` into the store at `db` until `stop` is set (or, with `once`, after one poll of each
    source and every item it queued)."""
    with open_store(db) as store:
        prepare(settings, announce)
        watcher = Watcher(store, sources, settings, once=once, gap_s=gap_s, report=report, stop=stop)
        stats = IngestStats()
        try:
            for result in run_batch(watcher.pages(), settings, Pipeline(settings), stats.batch):
                watcher.outlet_override(result)
                before = stats.pages["unchanged"]
                write_result(store, result, stats, None)
                changed = stats.pages["unchanged"] == before
                incidents = touched(store, result) if changed and result.error is None else set()
                watcher.finish(result, incidents)
            store.regroup_pending()  # the canonical incidents, as an ingest ends with
        finally:
            watcher.close()
    return watcher.stats, stats


def touched(store: Store, result: Result) -> set[tuple[str, str]]:
    """The incidents of a page just stored, each 'new' (every report of it is from this page) or 'changed'."""
    if result.page is None or result.article is None:
        return set()
    doc_key = ids.document_key(result.page, result.article)
    rows = store.rows(
        "SELECT im.incident_id AS id, i.n_mentions AS n, COUNT(*) AS mine FROM pages p"
        " JOIN mentions m ON m.page_id = p.id JOIN incident_mentions im ON im.mention_id = m.id"
        " JOIN incidents i ON i.id = im.incident_id"
        " WHERE p.doc_key = ? AND p.superseded_by IS NULL GROUP BY im.incident_id, i.n_mentions",
        (doc_key,),
    )
    return {(r["id"], "new" if int(r["mine"]) >= int(r["n"]) else "changed") for r in rows}
