"""RSS and Atom feeds → `Item`s, with feedparser (it reads RSS 0.9x-2.0, RSS 1.0 and Atom 0.3/1.0)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import time
import warnings
import xml.sax
from urllib.parse import urljoin, urlsplit

from frontwire.errors import SourceError
from frontwire.watch.items import Item, digest, too_many

# Counted before parsing, so a feed of 100,000 items is refused without building 100,000 entries.
_ENTRY_TAG = re.compile(rb"<(?:[A-Za-z0-9_]+:)?(?:item|entry)[\s>/]")


def parse_feed(body: bytes, source: str) -> list[Item]:
    """The items of an RSS or Atom feed, newest first as the feed lists them. Raises SourceError for a
    document that is not a feed, a malformed one with no readable item, or one with too many items.
    An entry without a link is skipped and named in `skipped`."""
    import feedparser

    problem = too_many(source, len(_ENTRY_TAG.findall(body)))
    if problem:
        raise SourceError(source, problem)
    parsed = feedparser.parse(body, response_headers={"content-location": source})
    if parsed.bozo and not parsed.entries:
        raise SourceError(source, f"malformed feed XML: {parsed.get('bozo_exception') or 'unreadable'}")
    if not parsed.entries and not parsed.get("version"):
        raise SourceError(source, "not an RSS or Atom feed (no channel or feed element)")
    items: list[Item] = []
    unlinked = 0
    for entry in parsed.entries:
        link = _link(entry, source)
        if link is None:
            unlinked += 1
            continue
        with warnings.catch_warnings():  # feedparser warns that it maps a missing updated to published
            warnings.simplefilter("ignore", DeprecationWarning)
            stamp = entry.get("updated_parsed") or entry.get("published_parsed")
            published = _when(entry.get("published_parsed") or entry.get("updated_parsed"))
        version = time.strftime("%Y-%m-%dT%H:%M:%S", stamp) if stamp else ""
        version = version or digest(entry.get("title"), entry.get("summary"))
        items.append(Item(url=link, version=version, title=entry.get("title"), published=published))
    broken = parsed.get("bozo_exception")
    if isinstance(broken, xml.sax.SAXException) and not items:
        raise SourceError(source, f"malformed feed XML: {broken}")
    if unlinked and not items:
        raise SourceError(source, f"none of its {unlinked} items has a link to an article")
    return items


def _link(entry: dict, source: str) -> str | None:
    candidates = [entry.get("link")] + [
        ln.get("href") for ln in entry.get("links", []) if ln.get("rel", "alternate") == "alternate"
    ]
    guid = entry.get("id")
    if entry.get("guidislink") or (isinstance(guid, str) and guid.startswith(("http://", "https://"))):
        candidates.append(guid)
    for raw in candidates:
        if isinstance(raw, str) and raw.strip():
            url = urljoin(source, raw.strip())
            if urlsplit(url).scheme in ("http", "https"):
                return url
    return None


def _when(stamp: time.struct_time | None) -> dt.datetime | None:
    if stamp is None:
        return None
    try:
        return dt.datetime.fromtimestamp(calendar.timegm(stamp), dt.UTC)
    except (OverflowError, ValueError, OSError):
        return None
