"""Live incidents in the browser: `frontwire watch` stores a new report while the map is open, and the map
adds it without a reload over /api/stream, marked new; the source-health panel names a failing source."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import httpx
from web_support import Live

from frontwire.web import ServeSettings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "watch"))
from site_fixture import Site  # noqa: E402
from site_fixture import serve as serve_site  # noqa: E402
from stories import DARAA, SARMADA  # noqa: E402

from frontwire.watch import watch  # noqa: E402
from frontwire.watch.sources import from_urls  # noqa: E402

READY_MS = 15_000
# The watcher's pipeline and the stream's 0.5 s poll on a busy 2-core machine.
LIVE_MS = 30_000


def _watch_once(urls: list[str], db: Path) -> None:
    watch(from_urls(urls, 60), str(db), once=True, gap_s=0.05)


def test_the_map_adds_a_watched_incident_without_reload(browser, serve, tmp_path: Path) -> None:
    db = tmp_path / "live.sqlite"
    site = Site(stories=[SARMADA])
    site.failing.add("/down.rss")
    with serve_site(site) as base:
        _watch_once([f"{base}/feed.rss", f"{base}/down.rss"], db)
        live: Live = serve(ServeSettings(db=str(db)))
        assert "/api/stream" in httpx.get(f"{live.url}/openapi.json").json()["paths"]
        context = browser.new_context(viewport={"width": 1400, "height": 850})
        page = context.new_page()
        problems: list[str] = []
        page.on("pageerror", lambda e: problems.append(str(e)))
        try:
            page.goto(live.url + "/")
            page.wait_for_selector("body[data-ready=true]", timeout=READY_MS)
            page.wait_for_selector("#live[data-state=open]", timeout=READY_MS)
            before = int(page.get_attribute("#status", "data-total") or 0)
            assert before >= 1 and page.locator(".fw-new").count() == 0
            page.wait_for_selector("#sources[data-count='2']", state="attached", timeout=READY_MS)
            assert page.get_attribute("#sources", "data-failing") == "1"
            assert "HTTP 500" in page.locator("#sources tr.failing").text_content() or ""
            site.add(DARAA)
            _watch_once([f"{base}/feed.rss"], db)
            page.wait_for_selector("#live[data-count='1']", timeout=LIVE_MS)
            assert int(page.get_attribute("#status", "data-total") or 0) == before + 1
            assert page.url == live.url + "/"  # no reload
            new_id = page.get_attribute("#live", "data-last")
            marked = page.locator(f".fw-dot.fw-new[data-id='{new_id}']")
            clusters = page.locator(".fw-cluster[data-ids]")
            in_cluster = any(new_id in (c.get_attribute("data-ids") or "") for c in clusters.all())
            assert marked.count() == 1 or in_cluster
            assert "1 new since opened" in page.inner_text("#live")
        finally:
            context.close()
    assert not problems, problems


def test_the_stream_resumes_from_last_event_id(serve, tmp_path: Path) -> None:
    db = tmp_path / "stream.sqlite"
    site = Site(stories=[SARMADA, DARAA])
    with serve_site(site) as base:
        _watch_once([f"{base}/feed.rss"], db)
    live: Live = serve(ServeSettings(db=str(db)))
    seen = []
    with httpx.stream("GET", f"{live.url}/api/stream", headers={"Last-Event-ID": "0"}, timeout=10) as r:
        assert r.headers["content-type"].startswith("text/event-stream")
        for line in r.iter_lines():
            if line.startswith("data: "):
                seen.append(json.loads(line[6:]))
                if len(seen) == 2:
                    break
    assert [c["seq"] for c in seen] == [1, 2]
    assert all(c["feature"]["geometry"]["type"] == "Point" for c in seen)
    assert httpx.get(f"{live.url}/api/stream?since=x").status_code == 400
    health = httpx.get(f"{live.url}/api/sources").json()["sources"]
    assert [(s["id"], s["healthy"], s["items"]) for s in health] == [(f"{base}/feed.rss", True, 2)]
