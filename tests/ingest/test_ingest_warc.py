"""WARC and WARC.gz files written here with warcio's writer, whole and cut short."""

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from frontwire.ingest import read
from frontwire.records import Failure, Page

STORIES = [
    ("https://news.example/2024/05/strike-homs", "Airstrikes hit hideouts in the Homs desert."),
    ("https://news.example/2024/05/ambush-sukhna", "An ambush near al-Sukhna killed nine soldiers."),
    ("https://news.example/2024/05/protest-suwayda", "Hundreds protested in Suwayda for a third week."),
]


def _warc(path: Path, gz: bool, charset: str = "utf-8") -> list[int]:
    """Write a WARC: warcinfo, then a request and an HTML response per story, then an image.

    Returns the offsets of the three HTML responses and of the image."""
    offsets = []
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for url, text in STORIES:
            filler = "<p>filler</p>" * 80
            body = f"<html><head><title>{text}</title></head><body><p>{text}</p>{filler}</body></html>"
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", f"text/html; charset={charset}")], protocol="HTTP/1.1"
            )
            req = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(req)
            offsets.append(out.tell())
            rec = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body.encode(charset)),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-05-17T08:00:00Z"},
            )
            writer.write_record(rec)
        offsets.append(out.tell())
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1")
        rec = writer.create_warc_record(
            "https://news.example/a.jpg",
            "response",
            payload=io.BytesIO(b"\xff\xd8\xff" * 50),
            http_headers=image,
        )
        writer.write_record(rec)
    return offsets


@pytest.mark.parametrize("gz", [False, True])
def test_warc_yields_html_responses(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    offsets = _warc(path, gz)
    pages = list(read([str(path)]))
    assert all(isinstance(p, Page) for p in pages)
    assert [p.url for p in pages] == [url for url, _ in STORIES]
    assert [p.source for p in pages] == [f"{path}@{o}" for o in offsets[:3]]
    assert pages[1].published == dt.date(2024, 5, 17)
    assert "ambush near al-Sukhna" in pages[1].content and pages[1].kind == "html"


def test_warc_http_charset_is_used(tmp_path: Path) -> None:
    path = tmp_path / "latin.warc"
    _warc(path, gz=False, charset="cp1251")
    page = next(iter(read([str(path)])))
    assert page.encoding == "cp1251"


@pytest.mark.parametrize("where", [0.1, 0.8])  # in the record's headers, in its body
@pytest.mark.parametrize("gz", [False, True])
def test_truncated_warc_keeps_records_before_the_cut(tmp_path: Path, gz: bool, where: float) -> None:
    whole = tmp_path / ("whole.warc.gz" if gz else "whole.warc")
    offsets = _warc(whole, gz)
    cut = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    cut_at = offsets[2] + int(where * (offsets[3] - offsets[2]))  # inside the third response
    cut.write_bytes(whole.read_bytes()[:cut_at])
    items = list(read([str(cut)]))
    assert [i.url for i in items if isinstance(i, Page)] == [STORIES[0][0], STORIES[1][0]]
    failure = items[-1]
    assert isinstance(failure, Failure) and failure.message.startswith("truncated WARC")
    assert failure.source.startswith(f"{cut}@")
    assert offsets[1] < int(failure.source.rsplit("@", 1)[1]) <= cut_at


class _Pipe(io.RawIOBase):
    """A stream that cannot seek or tell, as stdin from a pipe."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # noqa: ANN001
        chunk = self._data.read(min(len(buffer), 4096))
        buffer[: len(chunk)] = chunk
        return len(chunk)


@pytest.mark.parametrize("gz", [False, True])
def test_warc_on_stdin_is_sniffed_like_a_file(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    offsets = _warc(path, gz)
    items = list(read(["-"], stdin=io.BufferedReader(_Pipe(path.read_bytes()))))
    assert all(isinstance(i, Page) for i in items)
    assert [p.url for p in items] == [url for url, _ in STORIES]
    assert [p.source for p in items] == [f"<stdin>@{o}" for o in offsets[:3]]


def test_warc_on_stdin_cut_short_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    offsets = _warc(path, gz=False)
    data = path.read_bytes()[: offsets[2] + 300]
    items = list(read(["-"], stdin=io.BufferedReader(_Pipe(data))))
    assert [type(i) for i in items] == [Page, Page, Failure]
    assert items[2].source == f"<stdin>@{offsets[2]}" and "truncated WARC" in items[2].message


def test_warc_piped_to_the_command_gives_every_record(tmp_path: Path) -> None:
    """`frontwire extract - < crawl.warc.gz`: three articles, not one HTML page (two records lost)."""
    import os
    import subprocess
    import sys

    page = (
        Path(__file__).resolve().parents[2] / "examples" / "pages" / "kharkiv-drone-strike.html"
    ).read_bytes()
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, _ in STORIES:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            rec = writer.create_warc_record(url, "response", payload=io.BytesIO(page), http_headers=headers)
            writer.write_record(rec)
    proc = subprocess.run(
        [sys.executable, "-m", "frontwire.cli", "extract", "-", "--no-events", "--format", "jsonl"],
        input=path.read_bytes(),
        capture_output=True,
        env=dict(os.environ),
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    lines = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [r["source"].split("@")[0] for r in lines] == ["<stdin>"] * 3
    assert [r["article"]["url"] for r in lines] == [url for url, _ in STORIES]
