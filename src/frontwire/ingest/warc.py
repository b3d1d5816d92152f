"""WARC / WARC.gz files → one `Page(kind="html")` per HTML response (or resource) record.

`source` is `path@offset` (the record's offset in the file), `url` the record's target URI,
`published` the WARC-Date (the article extractor keeps a date it finds in the page over this).
A truncated file still yields every record read before the cut, then a `Failure` naming the
file and the offset where it breaks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from warcio.archiveiterator import ArchiveIterator

from frontwire.config import Settings
from frontwire.errors import FrontwireError
from frontwire.ingest.decode import CHUNK_BYTES, charset_from_header
from frontwire.ingest.html import html_page
from frontwire.records import Failure, Page

PAGE_RECORD_TYPES = ("response", "resource")
HTML_TYPES = ("text/html", "application/xhtml+xml")
TRUNCATED = "truncated WARC"


def read_warc(path: Path, settings: Settings) -> Iterator[Page | Failure]:
    """Yield the HTML pages of a WARC file, and a `Failure` for each record or tail that cannot be read."""
    with path.open("rb") as stream:
        yield from read_warc_stream(stream, str(path), settings, size=path.stat().st_size)


def read_warc_stream(
    stream: IO[bytes], name: str, settings: Settings, size: int | None = None
) -> Iterator[Page | Failure]:
    """The pages of a WARC read from a stream (a file, or stdin when `size` is None: unknown, and
    counted as the stream is read, so that a tail that is no complete record is found as in a file)."""
    counted = _Counted(stream) if size is None else None
    records = ArchiveIterator(counted if counted is not None else stream, arc2warc=True)
    try:
        for record in records:
            # `offset` is where this record starts (get_record_offset() would skip its body)
            source = f"{name}@{records.offset}"
            item = _record_page(record, source, settings)
            if item is not None:
                yield item
            if isinstance(item, Failure) and item.message.startswith(TRUNCATED):
                return
    except Exception as exc:  # warcio raises assorted errors on damaged input; report, do not crash
        if size is not None and stream.tell() >= size:  # damage in the last block read: cut short
            message = f"{TRUNCATED}: the file ends inside the record at offset {records.offset:,}"
        elif size is None:
            message = f"unreadable or {TRUNCATED} data: {exc or type(exc).__name__}"
        else:
            message = f"unreadable WARC data: {exc or type(exc).__name__}"
        yield Failure(source=f"{name}@{records.offset}", message=message)
        return
    end = records.offset
    if counted is not None:
        size = counted.drain()
    if size is not None and end < size:
        message = f"{TRUNCATED}: {size - end:,} bytes after offset {end:,} do not form a complete record"
        yield Failure(source=f"{name}@{end}", message=message)


class _Counted:
    """A stream that counts the bytes read from it (stdin has no size to compare offsets with)."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        self.count += len(data)
        return data

    def drain(self) -> int:
        """Read what is left; the stream's whole length."""
        while self.read(CHUNK_BYTES):
            pass
        return self.count


def _record_page(record, source: str, settings: Settings) -> Page | Failure | None:  # noqa: ANN001
    """One WARC record → a Page, a Failure, or None when the record is not an HTML page."""
    if record.rec_type not in PAGE_RECORD_TYPES:
        return None
    content_type = _content_type(record)
    if content_type is None or not content_type.lower().startswith(HTML_TYPES):
        return None
    if record.http_headers is not None and not _ok(record.http_headers.get_statuscode()):
        return None
    cap = settings.max_page_bytes
    body, complete = _read_body(record.content_stream(), cap)
    if body is None:
        return Failure(source=source, message=f"larger than the {cap:,}-byte page limit")
    if getattr(record.raw_stream, "limit", 0) > 0 or not complete:
        return Failure(source=source, message=f"{TRUNCATED}: the file ends inside this record")
    try:
        page = html_page(body, source, declared=charset_from_header(content_type))
    except FrontwireError as exc:
        return Failure(source=source, message=exc.reason)
    page.url = record.rec_headers.get_header("WARC-Target-URI")
    page.published = _warc_date(record.rec_headers.get_header("WARC-Date"))
    return page


def _content_type(record) -> str | None:  # noqa: ANN001 - warcio's record type is untyped
    if record.rec_type == "response" and record.http_headers is not None:
        return record.http_headers.get_header("Content-Type")
    return record.rec_headers.get_header("Content-Type")


def _ok(status: str | None) -> bool:
    return status is None or status.startswith("2")


def _read_body(stream, cap: int) -> tuple[bytes | None, bool]:  # noqa: ANN001
    """The record's payload, or None when it passes `cap`; the flag is False if the stream broke off."""
    chunks: list[bytes] = []
    size = 0
    try:
        while chunk := stream.read(CHUNK_BYTES):
            size += len(chunk)
            if size > cap:
                return None, True
            chunks.append(chunk)
    except (OSError, EOFError, ValueError):
        return b"".join(chunks), False
    return b"".join(chunks), True


def _warc_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None
