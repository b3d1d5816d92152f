"""What a source lists: `Item` records, one per article it points at (or carries whole, as a channel post)."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

# A poll that lists more items than this is not a news feed but a dump or an attack; a busy news feed
# keeps 20-200 items, a Google News sitemap at most 1,000 (Google's limit), a plain sitemap at most
# 50,000 (the sitemaps.org limit) - which is more than a watcher should fetch in one go.
MAX_ITEMS_PER_POLL = 5000


@dataclass(slots=True, frozen=True, kw_only=True)
class Item:
    """One article a source lists. `version` changes when the source says the item changed (its updated
    date, or a hash of what the source shows of it); `content` is set when the source carries the whole
    article (a channel post), so no page is fetched."""

    url: str
    version: str
    title: str | None = None
    published: dt.datetime | None = None
    content: str | None = None


def digest(*parts: str | None) -> str:
    """A short content hash, for versions when a source gives no date."""
    h = hashlib.sha256()
    for part in parts:
        h.update((part or "").encode("utf-8", "replace"))
        h.update(b"\x00")
    return h.hexdigest()[:16]


def too_many(source: str, n: int) -> str | None:
    """The error message for a poll listing more than MAX_ITEMS_PER_POLL items, else None."""
    if n > MAX_ITEMS_PER_POLL:
        return f"lists {n:,} items, more than the {MAX_ITEMS_PER_POLL:,} one poll takes; not read"
    return None
