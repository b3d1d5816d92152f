"""JSON lines (`{"id", "url", "html" or "text", "published"}` per line) → one `Page` per line.

Each page's `source` is `path#L<line>`. A line that cannot be used becomes a `Failure` for that
line alone and the file goes on. Lines are read in bounded chunks, so a file of any size streams.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from typing import IO, Any

from frontwire.config import Settings
from frontwire.errors import FrontwireError, InputError, TooLarge
from frontwire.ingest.decode import CHUNK_BYTES, GZIP_MAGIC, check_binary, gunzip_chunks
from frontwire.records import Failure, Page

# JSON escaping can double an HTML page's size (quotes, backslashes, \uXXXX); a line may carry
# a page up to the page cap plus its escaping and a few small fields.
LINE_OVERHEAD = 2


def read_jsonl(stream: IO[bytes], name: str, settings: Settings) -> Iterator[Page | Failure]:
    """Yield one `Page` (or `Failure`) per non-blank line of a JSONL stream (plain or gzip)."""
    line_cap = LINE_OVERHEAD * settings.max_page_bytes + 4096
    for lineno, line in _lines(_chunks(stream, name), line_cap):
        source = f"{name}#L{lineno}"
        if line is None:
            yield Failure(source=source, message=f"line longer than {line_cap:,} bytes")
            continue
        if not line.strip():
            continue
        try:
            yield record_page(line, source, settings)
        except FrontwireError as exc:
            yield Failure(source=source, message=exc.reason, id=_record_id(line))


def load_json(data: bytes | str, source: str) -> Any:
    """Parse hostile JSON: every way a document can fail (bad syntax or UTF-8, nesting deeper than the
    interpreter's recursion limit, an integer longer than Python's 4,300-digit limit) is an `InputError`
    naming `source`, and so is a string holding a lone surrogate (text no encoder can write back out)."""
    try:
        value = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(source, f"not a JSON object: {exc}") from None
    except RecursionError:
        raise InputError(source, "not usable: JSON nested too deeply") from None
    except ValueError as exc:  # int("9" * 5000): "Exceeds the limit (4300 digits) ..."
        digits = sys.get_int_max_str_digits()
        what = f"a number longer than {digits:,} digits" if "digits" in str(exc) else str(exc)
        raise InputError(source, f"not usable: {what}") from None
    if (where := lone_surrogate(value)) is not None:
        raise InputError(source, f"not usable: {where} holds a lone UTF-16 surrogate (not valid Unicode)")
    return value


def lone_surrogate(value: Any) -> str | None:
    """Which top-level key or string value of a parsed JSON value holds a lone surrogate, if any
    (nested containers are not walked: no reader uses them)."""
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    strings = [("the document", value)] if isinstance(value, str) else []
    for key, item in items:
        strings.append(("a field name", key))
        strings.append((f"field {ascii(key)}", item))
    for where, text in strings:
        if isinstance(text, str):
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                return where
    return None


def record_page(line: bytes, source: str, settings: Settings) -> Page:
    """One JSONL line → `Page`; raises `InputError` naming the line when it cannot be used."""
    record = load_json(line, source)
    if not isinstance(record, dict):
        raise InputError(source, f"not a JSON object but a {type(record).__name__}")
    html, text = _string(record, "html", source), _string(record, "text", source)
    if html is None and text is None:
        raise InputError(source, 'no "html" or "text" field')
    content = html if html is not None else text
    assert content is not None
    encoded = content.encode("utf-8")
    if len(encoded) > settings.max_page_bytes:
        raise TooLarge(source, f"larger than the {settings.max_page_bytes:,}-byte page limit")
    check_binary(encoded, source)
    raw_id = record.get("id")
    if raw_id is not None and not isinstance(raw_id, (str, int)):
        raise InputError(source, '"id" must be a string or a number')
    return Page(
        source=source,
        kind="html" if html is not None else "text",
        content=content,
        id=None if raw_id is None else str(raw_id),
        url=_string(record, "url", source),
        published=parse_date(record.get("published"), source),
        encoding="utf-8",
    )


def _record_id(line: bytes) -> str | None:
    """The "id" of a line that parses as a JSON object, so a failed record can still be matched up."""
    try:
        record = load_json(line, "")
    except InputError:
        return None
    raw = record.get("id") if isinstance(record, dict) else None
    return str(raw) if isinstance(raw, (str, int)) else None


def parse_date(value: Any, source: str) -> dt.date | None:
    """An ISO date or datetime string (`2024-05-16`, `2024-05-16T10:00:00Z`) → date; None stays None."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(source, f'"published" must be an ISO date string, not {value!r}')
    try:
        return dt.datetime.fromisoformat(value.strip()).date()
    except ValueError:
        raise InputError(source, f'"published" is not an ISO date: {value!r}') from None


def _string(record: dict[str, Any], key: str, source: str) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value
    raise InputError(source, f'"{key}" must be a string, not {type(value).__name__}')


def _chunks(stream: IO[bytes], name: str) -> Iterator[bytes]:
    first = stream.read(CHUNK_BYTES)
    raw = _continue(first, stream)
    if first.startswith(GZIP_MAGIC):
        yield from gunzip_chunks(raw, name)
    else:
        yield from raw


def _continue(first: bytes, stream: IO[bytes]) -> Iterator[bytes]:
    if first:
        yield first
    while chunk := stream.read(CHUNK_BYTES):
        yield chunk


def _lines(chunks: Iterator[bytes], cap: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) pairs; a line over `cap` bytes comes out as None and is skipped, not held."""
    parts: list[bytes] = []
    size = 0
    lineno = 0
    skipping = False
    for chunk in chunks:
        start = 0
        while (nl := chunk.find(b"\n", start)) >= 0:
            piece, start = chunk[start:nl], nl + 1
            lineno += 1
            yield lineno, None if skipping else b"".join(parts) + piece
            parts, size, skipping = [], 0, False
        rest = chunk[start:]
        if rest and not skipping:
            parts.append(rest)
            size += len(rest)
            if size > cap:
                parts, size, skipping = [], 0, True
    if skipping or parts:
        yield lineno + 1, None if skipping else b"".join(parts)
