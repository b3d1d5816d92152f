"""POST /api/pages: off without a token; with one, 401 without it, 403 with a wrong one, 201 with it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from web_support import Live

from frontwire.store import open_store
from frontwire.web import ServeSettings
from frontwire.web.settings import load_token

TOKEN = "s3cret-token-for-tests-0123456789"
PAGE = {
    "kind": "text",
    "url": "https://orontes-observer.example/2024/04/daraa-clash",
    "content": (
        "Clashes near Daraa leave three fighters dead\n\n"
        "Three fighters of a local armed group were killed on Tuesday in clashes with government forces near"
        " the city of Daraa in southern Syria, a local monitor said.\n\n"
        "The fighting broke out at a checkpoint on the road to the Jordanian border and lasted several hours,"
        " according to residents who spoke by phone.\n"
    ),
    "published": "2024-04-10",
}


@pytest.fixture()
def writable(db_copy: Path, serve: Callable[[ServeSettings], Live]) -> Live:
    return serve(ServeSettings(db=str(db_copy), token=TOKEN))


def post(live: Live, payload: dict, token: str | None) -> httpx.Response:
    headers = {"authorization": f"Bearer {token}"} if token is not None else {}
    return httpx.post(f"{live.url}/api/pages", json=payload, headers=headers, timeout=120)


def test_write_needs_the_token(writable: Live) -> None:
    with open_store(writable.db, read_only=True) as store:
        before = store.count("pages")
    r = post(writable, PAGE, None)
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    r = httpx.post(
        f"{writable.url}/api/pages", json=PAGE, headers={"authorization": f"Basic {TOKEN}"}, timeout=30
    )
    assert r.status_code == 401
    assert post(writable, PAGE, TOKEN[:-1] + "x").status_code == 403
    assert post(writable, PAGE, TOKEN + "x").status_code == 403
    with open_store(writable.db, read_only=True) as store:
        assert store.count("pages") == before  # nothing written by refused requests

    r = post(writable, PAGE, TOKEN)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["status"] == "new" and body["mentions"] >= 1
    events = httpx.get(
        f"{writable.url}/api/events", params={"outlet": "orontes-observer.example", "limit": 1000}
    )
    assert any(e["url"] == PAGE["url"] for e in events.json()["items"])
    again = post(writable, PAGE, TOKEN)
    assert again.status_code == 200 and again.json()["status"] == "unchanged"
    doc = httpx.get(f"{writable.url}/openapi.json").json()
    assert "/api/pages" in doc["paths"]


def test_write_validates_the_body(writable: Live) -> None:
    assert post(writable, {"content": ""}, TOKEN).status_code == 400
    assert post(writable, {"content": "x", "kind": "pdf"}, TOKEN).status_code == 400
    assert post(writable, {"content": "x", "url": "javascript:alert(1)"}, TOKEN).status_code == 400
    assert post(writable, {"content": "x", "extra": 1}, TOKEN).status_code == 400
    r = httpx.post(
        f"{writable.url}/api/pages",
        content=b"not json",
        headers={"authorization": f"Bearer {TOKEN}", "content-type": "application/json"},
    )
    assert r.status_code == 400
    r = httpx.post(f"{writable.url}/api/pages", content=b"x", headers={"authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 415


def test_token_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from frontwire.errors import ConfigError

    monkeypatch.delenv("FRONTWIRE_WRITE_TOKEN", raising=False)
    assert load_token(None) is None
    monkeypatch.setenv("FRONTWIRE_WRITE_TOKEN", TOKEN)
    assert load_token(None) == TOKEN
    path = tmp_path / "token"
    path.write_text(f"{TOKEN}-file\n", encoding="utf-8")
    assert load_token(path) == f"{TOKEN}-file"
    path.write_text("short\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_token(path)
    with pytest.raises(ConfigError):
        load_token(tmp_path / "missing")
