"""Plain-text pages (`.txt`, often with the site's chrome left in) → `Page(kind="text")`.

The text is handed on as it was read, line structure intact: separating the article from the
chrome and the comments is `frontwire.article.text`'s job.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from frontwire.config import Settings
from frontwire.ingest.decode import decode, read_document
from frontwire.records import Page


def text_page(data: bytes, source: str, declared: str | None = None, url: str | None = None) -> Page:
    """One page of plain text from raw bytes (already gunzipped and size-capped)."""
    content, encoding = decode(data, source, declared=declared)
    return Page(source=source, kind="text", content=content, url=url, encoding=encoding)


def read_text(path: Path, settings: Settings) -> Iterator[Page]:
    """Yield the one page stored in a text file (plain or gzip-compressed)."""
    with path.open("rb") as stream:
        data = read_document(stream, str(path), settings.max_page_bytes)
    yield text_page(data, str(path))
