"""The watcher's state in the store (tables of migration 0002): sources with their validators and
health, items by URL with their status, and the change log of incidents that `/api/stream` reads.

Every change is its own short transaction, written before the watcher acts on it: an item is 'pending'
before its page is fetched and 'done' after the page is stored, so a watcher killed at any point finds
its unfinished items pending on restart and stores each once (the store ignores a page stored twice).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

from frontwire.store.base import Store, now
from frontwire.watch.items import Item
from frontwire.watch.poller import Validators
from frontwire.watch.sources import Source

# An item whose page failed this many times is given up until its source lists a new version of it.
MAX_ITEM_ATTEMPTS = 3
# Error messages kept per source or item (a server can answer with a page of HTML).
MAX_ERROR_CHARS = 500


@dataclass(slots=True, frozen=True, kw_only=True)
class Pending:
    """An item to fetch (or, with `content`, to build from what its source carried)."""

    url: str
    source_id: str
    title: str | None
    published: dt.datetime | None
    content: str | None
    outlet: str | None


def register(store: Store, sources: Iterable[Source]) -> None:
    """Add the sources not yet in the state (keeping the state of those already there)."""
    with store._transaction():
        for s in sources:
            store._run(
                "INSERT INTO watch_sources (id, kind, name, tags_json, failures, polls, items)"
                " VALUES (?, ?, ?, ?, 0, 0, 0) ON CONFLICT (id) DO UPDATE SET kind = excluded.kind,"
                " name = excluded.name, tags_json = excluded.tags_json",
                (s.id, s.kind, s.name, json.dumps(list(s.tags))),
            )


def validators(store: Store, source_id: str) -> Validators:
    rows = store._rows("SELECT etag, last_modified FROM watch_sources WHERE id = ?", (source_id,))
    return Validators(rows[0]["etag"], rows[0]["last_modified"]) if rows else Validators()


def failures(store: Store, source_id: str) -> int:
    rows = store._rows("SELECT failures FROM watch_sources WHERE id = ?", (source_id,))
    return int(rows[0]["failures"]) if rows else 0


def polled(
    store: Store, source: Source, found: Validators | None, items: list[Item], outlet: str | None = None
) -> int:
    """Record a successful poll: new validators, and every item new or in a new version as pending.
    Returns how many items became pending. One transaction."""
    stamp = now()
    fresh = 0
    with store._transaction():
        known = _known(store, [i.url for i in items])
        for item in items:
            had = known.get(item.url)
            if had is not None and had["source_id"] != source.id and had["status"] != "failed":
                continue  # listed by another source first: that one says when it changes
            if (
                had is not None
                and had["version"] == item.version
                and (had["status"] != "failed" or had["attempts"] >= MAX_ITEM_ATTEMPTS)
            ):
                continue
            fresh += 1
            published = item.published.isoformat() if item.published else None
            values = (item.version, stamp, item.title, published, item.content, outlet or source.outlet)
            if had is None:
                store._run(
                    "INSERT INTO watch_items (url, source_id, version, status, attempts, seen_at, title,"
                    " published, content, outlet) VALUES (?, ?, ?, 'pending', 0, ?, ?, ?, ?, ?)",
                    (item.url, source.id, *values),
                )
            else:
                attempts = had["attempts"] if had["version"] == item.version else 0
                store._run(
                    "UPDATE watch_items SET version = ?, status = 'pending', seen_at = ?, title = ?,"
                    " published = ?, content = ?, outlet = ?, attempts = ? WHERE url = ?",
                    (*values, attempts, item.url),
                )
        sets = "last_poll = ?, last_ok = ?, last_error = NULL, failures = 0, polls = polls + 1"
        params: list = [stamp, stamp]
        if found is not None and (found.etag or found.last_modified):
            sets += ", etag = ?, last_modified = ?"
            params += [found.etag, found.last_modified]
        if fresh:
            sets += ", last_new = ?, items = items + ?"
            params += [stamp, fresh]
        store._run(f"UPDATE watch_sources SET {sets} WHERE id = ?", (*params, source.id))
    return fresh


def _known(store: Store, urls: list[str]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for chunk in store.iter_chunks(urls):
        marks = ", ".join("?" * len(chunk))
        for row in store._rows(
            f"SELECT url, source_id, version, status, attempts FROM watch_items WHERE url IN ({marks})",
            list(chunk),
        ):
            out[row["url"]] = row
    return out


def failed(store: Store, source_id: str, message: str) -> int:
    """Record a failed poll; returns the consecutive failures so far."""
    with store._transaction():
        store._run(
            "UPDATE watch_sources SET last_poll = ?, last_error = ?, failures = failures + 1,"
            " polls = polls + 1 WHERE id = ?",
            (now(), message[:MAX_ERROR_CHARS], source_id),
        )
    return failures(store, source_id)


def pending(store: Store) -> list[Pending]:
    """Items still to fetch, oldest first (after a restart: those the last run had not finished)."""
    rows = store._rows(
        "SELECT url, source_id, title, published, content, outlet FROM watch_items WHERE status = 'pending'"
        " ORDER BY seen_at, url"
    )
    return [
        Pending(
            url=r["url"],
            source_id=r["source_id"],
            title=r["title"],
            published=dt.datetime.fromisoformat(r["published"]) if r["published"] else None,
            content=r["content"],
            outlet=r["outlet"],
        )
        for r in rows
    ]


def item_done(
    store: Store, url: str, source_id: str, incidents: Iterable[tuple[str, str]], published: str | None
) -> None:
    """The item's page is stored: mark it done and log the incidents it created or changed."""
    stamp = now()
    with store._transaction():
        store._run(
            "UPDATE watch_items SET status = 'done', done_at = ?, error = NULL, content = NULL WHERE url = ?",
            (stamp, url),
        )
        top = store._rows("SELECT MAX(seq) AS s FROM watch_changes")[0]["s"] or 0
        for n, (incident_id, change) in enumerate(sorted(incidents), 1):
            store._run(
                "INSERT INTO watch_changes (seq, incident_id, change, source_id, published, changed_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (int(top) + n, incident_id, change, source_id, published, stamp),
            )


def item_failed(store: Store, url: str, message: str) -> None:
    with store._transaction():
        store._run(
            "UPDATE watch_items SET status = 'failed', attempts = attempts + 1, error = ?, done_at = ?"
            " WHERE url = ?",
            (message[:MAX_ERROR_CHARS], now(), url),
        )
