"""HTML files (`.html`, `.htm`, optionally `.gz`) → `Page(kind="html")`.

The charset comes from the page's own `<meta>` declaration when the bytes agree with it, else
from detection; `Page.encoding` records which was used. Parsing is left to `frontwire.article`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from frontwire.config import Settings
from frontwire.ingest.decode import decode, read_document
from frontwire.records import Page


def html_page(data: bytes, source: str, declared: str | None = None, url: str | None = None) -> Page:
    """One HTML page from raw bytes; `declared` is a charset from an HTTP header, tried first."""
    content, encoding = decode(data, source, declared=declared, html=True)
    return Page(source=source, kind="html", content=content, url=url, encoding=encoding)


def read_html(path: Path, settings: Settings) -> Iterator[Page]:
    """Yield the one page stored in an HTML file (plain or gzip-compressed)."""
    with path.open("rb") as stream:
        data = read_document(stream, str(path), settings.max_page_bytes)
    yield html_page(data, str(path))
