"""Bytes → text: size cap, gzip (with truncation detection), binary detection, encoding detection.

Every reader funnels its raw bytes through here and hands the decoded `str`, plus the
name of the encoding that was used, to the `Page` it builds. Every failure raises an
`InputError` subclass whose message names the input.
"""

from __future__ import annotations

import codecs
import re
import zlib
from collections.abc import Iterator
from typing import IO, Literal

from frontwire.errors import BinaryInput, EmptyInput, EncodingError, TooLarge, TruncatedInput

GZIP_MAGIC = b"\x1f\x8b"
CHUNK_BYTES = 64 * 1024
# How much of a document is looked at to sniff its kind, its <meta charset> and whether it is binary.
SNIFF_BYTES = 8 * 1024
# A text page has almost no C0 control bytes besides \t \n \r \f; images, PDFs and archives
# have ~10-30 % of them. 5 % leaves room for stray form feeds or escape codes in scraped text.
MAX_CONTROL_RATIO = 0.05
# Detection on pages of a few hundred bytes of ASCII with a handful of accented letters is
# unreliable; charset-normalizer's "chaos" above 0.5 means the guess is mostly noise.
MAX_CHAOS = 0.5

# UTF-16 without a byte-order mark: every ASCII character (spaces, digits, punctuation, Latin letters)
# leaves a NUL in the same half of its two bytes. In Arabic or Cyrillic text a tenth or more of the
# characters are still ASCII (spaces alone are ~15 %), so one half holding this share of NULs while
# the other holds (almost) none is UTF-16; binary files have NULs in both halves.
UTF16_MIN_NUL_SHARE = 0.10
UTF16_MAX_OTHER_NUL_SHARE = 0.01

_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_HTML_START = re.compile(
    rb"\A\s*(?:<!doctype\s+html|<html|<head|<body|<!--|<\?xml[^>]*>\s*<(?:!doctype|html))",
    re.IGNORECASE,
)
_HTML_TAG = re.compile(rb"<(?:p|div|article|title|meta|script|span|a|h[1-6]|br)\b[^>]*>", re.IGNORECASE)

Kind = Literal["html", "text", "jsonl"]


def read_capped(stream: IO[bytes], source: str, limit: int) -> bytes:
    """Read a whole stream, stopping with `TooLarge` as soon as it passes `limit` bytes."""
    chunks: list[bytes] = []
    size = 0
    while chunk := stream.read(CHUNK_BYTES):
        size += len(chunk)
        if size > limit:
            raise TooLarge(source, f"larger than the {limit:,}-byte page limit")
        chunks.append(chunk)
    return b"".join(chunks)


def gunzip_chunks(chunks: Iterator[bytes], source: str) -> Iterator[bytes]:
    """Decompress a gzip stream chunk by chunk (all members); raise `TruncatedInput` if it ends early."""
    decomp = None
    consumed = 0
    for chunk in chunks:
        data = chunk
        while data:
            if decomp is None:
                if not data.startswith(GZIP_MAGIC[:1]):
                    return  # padding after the last member, as some writers leave
                decomp = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
            try:
                out = decomp.decompress(data)
            except zlib.error as exc:
                raise TruncatedInput(source, f"corrupt gzip data near byte {consumed:,}: {exc}") from None
            if out:
                yield out
            if decomp.eof:
                consumed += len(data) - len(decomp.unused_data)
                data = decomp.unused_data
                decomp = None
            else:
                consumed += len(data)
                data = b""
    if decomp is not None:
        if tail := decomp.flush():
            yield tail
        raise TruncatedInput(source, f"truncated gzip: the stream ends at byte {consumed:,} inside a member")


def _stream_chunks(stream: IO[bytes]) -> Iterator[bytes]:
    while chunk := stream.read(CHUNK_BYTES):
        yield chunk


def read_document(stream: IO[bytes], source: str, limit: int) -> bytes:
    """A whole document's bytes: gunzipped if gzip-compressed, capped at `limit` decompressed bytes."""
    head = stream.read(2)
    chunks = _stream_chunks(stream)
    if head == GZIP_MAGIC:
        raw = _prepend(head, chunks)
        chunks = gunzip_chunks(raw, source)
        head = b""
    out: list[bytes] = [head] if head else []
    size = len(head)
    for chunk in chunks:
        size += len(chunk)
        if size > limit:
            raise TooLarge(source, f"larger than the {limit:,}-byte page limit")
        out.append(chunk)
    return b"".join(out)


def _prepend(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest


def check_binary(data: bytes, source: str) -> None:
    """Raise `EmptyInput` for empty/blank data and `BinaryInput` for data that is not text."""
    if not data.strip():
        raise EmptyInput(source, "empty input")
    if _bom_encoding(data) or utf16_without_bom(data):
        return
    sample = data[:SNIFF_BYTES]
    if b"\x00" in sample:
        raise BinaryInput(source, "binary data (NUL bytes), not a text or HTML page")
    controls = sum(sample.count(bytes([b])) for b in _CONTROL)
    if controls / len(sample) > MAX_CONTROL_RATIO:
        raise BinaryInput(source, f"binary data ({controls / len(sample):.0%} control bytes), not a page")


def utf16_without_bom(data: bytes) -> str | None:
    """The codec ("utf-16-le" or "utf-16-be") when `data` reads as UTF-16 text without a byte-order
    mark, else None."""
    sample = data[: SNIFF_BYTES - SNIFF_BYTES % 2]
    pairs = len(sample) // 2
    if pairs < 4 or b"\x00" not in sample:
        return None
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    high, low, enc = (odd, even, "utf-16-le") if odd >= even else (even, odd, "utf-16-be")
    if high < UTF16_MIN_NUL_SHARE * pairs or low > UTF16_MAX_OTHER_NUL_SHARE * pairs:
        return None
    try:
        text = data[: len(data) - len(data) % 2].decode(enc)
    except UnicodeDecodeError:
        return None
    head = text[: SNIFF_BYTES // 2]
    controls = sum(1 for c in head if ord(c) < 32 and c not in "\t\n\r\f")
    return enc if controls <= MAX_CONTROL_RATIO * len(head) else None


def _bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def charset_from_header(content_type: str | None) -> str | None:
    """The charset named in an HTTP Content-Type header, if any."""
    if not content_type:
        return None
    m = _HEADER_CHARSET.search(content_type)
    return m.group(1) if m else None


def declared_meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its `<meta>` tags (first few KiB only)."""
    m = _META_CHARSET.search(data[:SNIFF_BYTES])
    return m.group(1).decode("ascii") if m else None


def _known(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, source: str, declared: str | None = None, html: bool = False) -> tuple[str, str]:
    """Decode bytes to text; returns (text, encoding used).

    Order: byte-order mark, then the declared charset (HTTP header, then `<meta>` for HTML) if the
    bytes really decode with it, then strict UTF-8, then charset-normalizer's detection.
    """
    check_binary(data, source)
    candidates = [_bom_encoding(data), utf16_without_bom(data), _known(declared)]
    if html:
        candidates.append(_known(declared_meta_charset(data)))
    candidates.append("utf-8")
    for enc in candidates:
        if not enc:
            continue
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        # A page declared as Latin-1 is, in browsers and in practice, windows-1252.
        if enc in ("latin-1", "iso8859-1"):
            enc, text = "cp1252", data.decode("cp1252", errors="replace")
        return text.lstrip("\ufeff"), enc
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.chaos > MAX_CHAOS:
        raise EncodingError(source, "undecodable bytes: not UTF-8 and no encoding could be detected")
    return str(best), best.encoding


def sniff_kind(data: bytes) -> Kind:
    """Guess what a document is from its first bytes: an HTML page, JSON lines, or plain text."""
    head = data[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{"):
        first = head.split(b"\n", 1)[0].rstrip()
        if first.endswith(b"}") or b'"html"' in head or b'"text"' in head:
            return "jsonl"
    if _HTML_START.match(head) or len(_HTML_TAG.findall(head)) >= 3:
        return "html"
    return "text"
