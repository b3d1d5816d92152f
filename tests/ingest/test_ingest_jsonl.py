"""JSON lines: one page per line, a bad line is a Failure for that line alone."""

import datetime as dt
import gzip
import json
from pathlib import Path

from frontwire.config import Settings
from frontwire.ingest import read
from frontwire.records import Failure, Page


def _lines(*records) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n"


GOOD = {
    "id": "r1",
    "url": "https://news.example/a",
    "html": "<p>Clashes in Marib.</p>",
    "published": "2024-01-18",
}


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        _lines(
            GOOD,
            {"id": 7, "text": "Shelling in El Fasher.", "published": "2024-01-20T08:30:00Z"},
            "{not json",
            "",
            {"id": "r4", "url": "https://news.example/d"},
            {"id": "r5", "text": "Protest.", "published": "last Tuesday"},
            ["a", "list"],
            {"id": "r7", "text": 42},
            {"id": "r8", "text": "Airstrike on a depot."},
        )
    )
    items = list(read([str(path)]))
    by_line = {i.source.rsplit("#L", 1)[1]: i for i in items}
    assert sorted(by_line, key=int) == ["1", "2", "3", "5", "6", "7", "8", "9"]
    first, second = by_line["1"], by_line["2"]
    assert isinstance(first, Page) and first.kind == "html" and first.id == "r1"
    assert first.url == "https://news.example/a" and first.published == dt.date(2024, 1, 18)
    assert second.kind == "text" and second.id == "7" and second.published == dt.date(2024, 1, 20)
    assert isinstance(by_line["3"], Failure) and "not a JSON object" in by_line["3"].message
    assert 'no "html" or "text"' in by_line["5"].message
    assert "not an ISO date" in by_line["6"].message
    assert "but a list" in by_line["7"].message
    assert '"text" must be a string' in by_line["8"].message
    assert isinstance(by_line["9"], Page)


def test_jsonl_gzip_and_oversized_line(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl.gz"
    huge = {"id": "big", "text": "Clashes continued. " * 500}
    path.write_bytes(gzip.compress(_lines(GOOD, huge, GOOD).encode()))
    items = list(read([str(path)], Settings(max_page_bytes=2000)))
    assert [type(i).__name__ for i in items] == ["Page", "Failure", "Page"]
    assert items[1].source == f"{path}#L2" and "page limit" in items[1].message


def test_jsonl_line_over_the_line_cap_is_skipped_without_losing_the_next(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(_lines(GOOD, {"id": "x", "text": "y" * 300_000}, GOOD))
    items = list(read([str(path)], Settings(max_page_bytes=1000)))
    assert [type(i).__name__ for i in items] == ["Page", "Failure", "Page"]
    assert "line longer than" in items[1].message
    assert items[2].source.endswith("#L3")
