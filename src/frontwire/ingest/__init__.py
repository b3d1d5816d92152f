"""Inputs → `Page | Failure`, streaming: files, directories, stdin (`-`) and http(s) URLs.

`read()` hands each page, as read and decoded but not yet cleaned, to `frontwire.article`.
An input that cannot be read becomes a `Failure(source, message)` naming it, and the batch goes on.

Kinds are chosen by extension (`.txt`, `.html`/`.htm`, `.warc`, `.jsonl`/`.ndjson`, each also
`.gz`), then, for other files and stdin, by sniffing the first bytes.
"""

from __future__ import annotations

import io
import re
import sys
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from frontwire.config import DEFAULT, Settings
from frontwire.errors import FrontwireError
from frontwire.ingest.decode import CHUNK_BYTES, GZIP_MAGIC, SNIFF_BYTES, read_document, sniff_kind
from frontwire.ingest.html import html_page, read_html
from frontwire.ingest.jsonl import read_jsonl
from frontwire.ingest.text import read_text, text_page
from frontwire.ingest.url import Fetcher
from frontwire.ingest.warc import read_warc, read_warc_stream
from frontwire.records import Failure, Page

Reader = Callable[[Path, Settings], Iterator[Page | Failure]]

_URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
WARC_MAGIC = b"WARC/"


def _read_jsonl_file(path: Path, settings: Settings) -> Iterator[Page | Failure]:
    with path.open("rb") as stream:
        yield from read_jsonl(stream, str(path), settings)


READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".warc": read_warc,
    ".arc": read_warc,
    ".jsonl": _read_jsonl_file,
    ".ndjson": _read_jsonl_file,
}


def reader_for(path: Path) -> Reader | None:
    """The reader a file's extension calls for (`.gz` looks at the extension before it), or None."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return READERS.get(suffixes[-1]) if suffixes else None


def read(
    inputs: Iterable[str],
    settings: Settings = DEFAULT,
    stdin: IO[bytes] | None = None,
    as_jsonl: bool = False,
) -> Iterator[Page | Failure]:
    """Yield a `Page` for every page in `inputs`, or a `Failure` for each one that cannot be read.

    `as_jsonl` reads every input (file or `-`) as JSON lines whatever its name.
    """
    fetcher = Fetcher(settings)
    try:
        for item in inputs:
            pages = (
                _read_jsonl_input(item, settings, stdin)
                if as_jsonl
                else _read_one(item, settings, fetcher, stdin)
            )
            yield from _guarded(item, pages)
    finally:
        fetcher.close()


def _read_jsonl_input(item: str, settings: Settings, stdin: IO[bytes] | None) -> Iterator[Page | Failure]:
    if item == "-":
        yield from read_jsonl(stdin if stdin is not None else sys.stdin.buffer, "<stdin>", settings)
    elif not Path(item).is_file():
        yield Failure(source=item, message="no such file" if not Path(item).exists() else "not a file")
    else:
        yield from _read_jsonl_file(Path(item), settings)


def _guarded(item: str, pages: Iterator[Page | Failure]) -> Iterator[Page | Failure]:
    try:
        yield from pages
    except FrontwireError as exc:
        yield Failure(source=exc.source, message=exc.reason)
    except OSError as exc:
        yield Failure(source=item, message=f"cannot read: {exc.strerror or exc}")


def _read_one(
    item: str, settings: Settings, fetcher: Fetcher, stdin: IO[bytes] | None
) -> Iterator[Page | Failure]:
    if item == "-":
        yield from read_stream(stdin if stdin is not None else sys.stdin.buffer, "<stdin>", settings)
        return
    if m := _URL.match(item):
        scheme = m.group(1).lower()
        if scheme not in ("http", "https"):
            yield Failure(source=item, message=f"unsupported URL scheme {scheme!r} (only http and https)")
            return
        yield fetcher.fetch(item)
        return
    path = Path(item)
    if not path.exists():
        yield Failure(source=item, message="no such file or directory")
    elif path.is_dir():
        yield from _read_dir(path, settings)
    else:
        yield from _read_file(path, settings)


def _read_dir(root: Path, settings: Settings) -> Iterator[Page | Failure]:
    """Every file under `root` with a known extension, recursively, in sorted order; hidden ones skipped,
    and one `Failure` saying how many files of other extensions were left out."""
    files, skipped = walk_dir(root)
    for path in files:
        yield from _guarded(str(path), _read_file(path, settings))
    if (failure := skipped_failure(root, skipped)) is not None:
        yield failure


def walk_dir(root: Path) -> tuple[list[Path], Counter[str]]:
    """The files under `root` a reader is known for (sorted; hidden files and folders left out), and
    how many other files were skipped, by extension."""
    files: list[Path] = []
    skipped: Counter[str] = Counter()
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        if reader_for(path) is not None:
            files.append(path)
        else:
            skipped["".join(path.suffixes[-2:]).lower() or "(no extension)"] += 1
    return files, skipped


def skipped_failure(root: Path, skipped: Counter[str]) -> Failure | None:
    """The error for the files of unknown extensions a directory walk left out, if it left any."""
    if not skipped:
        return None
    total = sum(skipped.values())
    kinds = ", ".join(f"{ext} {n}" for ext, n in sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0])))
    message = (
        f"skipped {total} file{'s' if total != 1 else ''} of unknown extensions ({kinds}); "
        "name a file on the command line to have its kind sniffed"
    )
    return Failure(source=str(root), message=message)


def _read_file(path: Path, settings: Settings) -> Iterator[Page | Failure]:
    reader = reader_for(path)
    if reader is not None:
        yield from reader(path, settings)
        return
    with path.open("rb") as stream:
        head = _peek(stream)
        if head.startswith(WARC_MAGIC):
            stream.close()
            yield from read_warc(path, settings)
            return
        yield from read_stream(stream, str(path), settings)


def _peek(stream: IO[bytes]) -> bytes:
    """The first bytes of a file, decompressed if it is gzip; the stream is rewound."""
    head = _ungzip_head(stream.read(SNIFF_BYTES))
    stream.seek(0)
    return head


def _ungzip_head(head: bytes) -> bytes:
    if not head.startswith(GZIP_MAGIC):
        return head
    try:
        return zlib.decompressobj(wbits=16 + zlib.MAX_WBITS).decompress(head)
    except zlib.error:
        return b""


def read_stream(stream: IO[bytes], source: str, settings: Settings) -> Iterator[Page | Failure]:
    """A stream of unknown kind (stdin, a file without a known extension): sniff, then read it."""
    head = stream.read(SNIFF_BYTES)
    whole = _Prefix(head, stream)
    if _ungzip_head(head).startswith(WARC_MAGIC):  # as for files: a WARC (or WARC.gz) on stdin
        yield from read_warc_stream(io.BufferedReader(whole, CHUNK_BYTES), source, settings)
        return
    kind = sniff_kind(_ungzip_head(head))
    if kind == "jsonl":
        yield from read_jsonl(whole, source, settings)
        return
    data = read_document(whole, source, settings.max_page_bytes)
    yield html_page(data, source) if kind == "html" else text_page(data, source)


class _Prefix(io.RawIOBase):
    """A read-only stream: `prefix` bytes already read, then the rest of `stream`."""

    def __init__(self, prefix: bytes, stream: IO[bytes]) -> None:
        self._prefix = prefix
        self._stream = stream

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if self._prefix:
            if size < 0 or size >= len(self._prefix):
                out, self._prefix = self._prefix, b""
                return out
            out, self._prefix = self._prefix[:size], self._prefix[size:]
            return out
        return self._stream.read(size)

    def readinto(self, buffer) -> int:  # noqa: ANN001 - memoryview-like
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


__all__ = ["Fetcher", "read", "read_stream", "reader_for", "skipped_failure", "walk_dir"]
