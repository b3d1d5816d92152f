"""POST /api/pages with hostile bodies (a valid token): a 400 naming the problem and no traceback in the
server's log; and pages without a URL each their own document, never a new version of another."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from web_support import Live

from frontwire.store import open_store
from frontwire.web import ServeSettings

TOKEN = "s3cret-token-for-hostile-tests-0123"
HEADERS = {"authorization": f"Bearer {TOKEN}", "content-type": "application/json"}
FIRST = (
    "Drone strike kills two near Kherson\n\n"
    "A Russian drone struck a car in the village of Bilozerka near Kherson on Monday, killing two men, "
    "the regional governor said.\n"
)
SECOND = (
    "Protesters rally in Sidon over power cuts\n\n"
    "Hundreds of people protested in the southern Lebanese city of Sidon on Tuesday against power cuts, "
    "blocking a main road with burning tyres, local media reported.\n"
)


@pytest.fixture()
def writable(db_copy: Path, serve: Callable[[ServeSettings], Live]) -> Live:
    return serve(ServeSettings(db=str(db_copy), token=TOKEN))


@pytest.mark.parametrize(
    "body, message",
    [
        (b'{"content": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nested too deeply"),
        (b'{"content": "Shelling \\ud800 killed two.", "kind": "text"}', "lone UTF-16 surrogate"),
        (b'{"content": "x", "\\udfff": 1}', "lone UTF-16 surrogate"),
        (b'{"content": "Clashes.", "published": ' + b"9" * 5_000 + b"}", "longer than 4,300 digits"),
    ],
    ids=["deep-nesting", "lone-surrogate", "surrogate-key", "huge-number"],
)
def test_hostile_bodies_are_a_400_without_a_traceback(
    writable: Live, body: bytes, message: str, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture
) -> None:
    with open_store(writable.db, read_only=True) as store:
        before = store.count("pages")
    with caplog.at_level(logging.ERROR):
        r = httpx.post(f"{writable.url}/api/pages", content=body, headers=HEADERS, timeout=60)
    assert r.status_code == 400, r.text
    assert message in r.json()["error"]
    assert not [rec for rec in caplog.records if rec.levelno >= logging.ERROR]
    assert "Traceback" not in capfd.readouterr().err
    with open_store(writable.db, read_only=True) as store:
        assert store.count("pages") == before


def test_pages_without_a_url_are_documents_of_their_own(writable: Live) -> None:
    def post(content: str) -> dict:
        r = httpx.post(
            f"{writable.url}/api/pages",
            json={"kind": "text", "content": content},
            headers=HEADERS,
            timeout=120,
        )
        assert r.status_code in (200, 201), r.text
        return r.json()

    first, second = post(FIRST), post(SECOND)
    assert first["status"] == second["status"] == "new"
    assert second["superseded"] is None and first["page_id"] != second["page_id"]
    with open_store(writable.db, read_only=True) as store:
        rows = store._rows(
            "SELECT id, superseded_by FROM pages WHERE id IN (?, ?)", (first["page_id"], second["page_id"])
        )
    assert sorted((r["id"], r["superseded_by"]) for r in rows) == sorted(
        [(first["page_id"], None), (second["page_id"], None)]
    )
    # the first page's events are still there; the same text again is the same page
    again = post(FIRST)
    assert again["status"] == "unchanged" and again["page_id"] == first["page_id"]
