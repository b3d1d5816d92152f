"""The map page in a real browser (Debian's Chromium via Playwright) against a real server and database."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from web_support import CANONICAL, XSS_TITLE, Live

# A page that shows nothing within this time is broken on a 2-core machine, not slow.
READY_MS = 15_000


@pytest.fixture()
def page(browser, live: Live):
    context = browser.new_context(viewport={"width": 1400, "height": 850})
    tab = context.new_page()
    tab.problems = []  # console errors (CSP violations among them) and uncaught exceptions
    tab.dialogs = []
    tab.on("console", lambda m: tab.problems.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: tab.problems.append(str(e)))

    def on_dialog(dialog) -> None:
        tab.dialogs.append(dialog.message)
        dialog.dismiss()

    tab.on("dialog", on_dialog)
    yield tab
    context.close()


def open_map(page, live: Live, query: str = "") -> None:
    page.goto(f"{live.url}/{query}")
    page.wait_for_selector("body[data-ready=true]", timeout=READY_MS)
    page.wait_for_selector(".fw-country", state="attached", timeout=READY_MS)
    page.wait_for_timeout(400)  # marker cluster animation


def box_center(element) -> tuple[float, float]:
    b = element.bounding_box()
    return b["x"] + b["width"] / 2, b["y"] + b["height"] / 2


def visible_incident_count(page) -> int:
    singles = page.locator(".fw-dot").count()
    clustered = sum(int(c.get_attribute("data-count")) for c in page.locator(".fw-cluster").all())
    return singles + clustered


def test_page_loads_with_markers_and_no_errors(page, live: Live, tmp_path: Path) -> None:
    open_map(page, live)
    total = len(httpx.get(f"{live.url}/api/map.geojson").json()["features"])
    assert int(page.locator("#status").get_attribute("data-total")) == total > 0
    assert visible_incident_count(page) == total
    assert page.locator("#timeline rect.tl-bar").count() > 0
    assert page.locator("select[name=type] option").count() > 1
    shot = tmp_path / "map.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    assert page.problems == []


def test_canonical_markers_sit_in_central_syria(page, live: Live) -> None:
    if not CANONICAL.exists():
        pytest.skip("../shared/pages is absent")
    incidents = httpx.get(f"{live.url}/api/incidents", params={"outlet": "southfront.press"}).json()["items"]
    located = [i for i in incidents if i["latitude"] is not None]
    assert len(located) >= 3
    open_map(page, live, "?outlet=southfront.press")
    syria = page.locator('path.fw-country[data-country="Syria"]').bounding_box()
    assert syria is not None
    for inc in located:
        dot = page.locator(f'.fw-dot[data-id="{inc["id"]}"]')
        holder = dot if dot.count() else page.locator(f'.fw-cluster[data-ids~="{inc["id"]}"]')
        assert holder.count() == 1, f"no marker for {inc['id']} ({inc['location']})"
        lat, lon = float(holder.get_attribute("data-lat")), float(holder.get_attribute("data-lon"))
        assert 33.5 <= lat <= 36.5 and 36.0 <= lon <= 41.0, (inc["location"], lat, lon)
        x, y = box_center(holder)
        assert (
            syria["x"] <= x <= syria["x"] + syria["width"] and syria["y"] <= y <= syria["y"] + syria["height"]
        )
    assert page.problems == []


def test_clicking_a_marker_shows_the_evidence_sentence(page, live: Live) -> None:
    if not CANONICAL.exists():
        pytest.skip("../shared/pages is absent")
    incidents = httpx.get(f"{live.url}/api/incidents", params={"outlet": "southfront.press"}).json()["items"]
    claimed = next(i for i in incidents if i["location"] == "Homs")
    detail = httpx.get(f"{live.url}/api/incidents/{claimed['id']}").json()
    sentence = detail["sources"][0]["evidence"]["text"]
    open_map(page, live, "?outlet=southfront.press")
    page.locator(f'.fw-dot[data-id="{claimed["id"]}"]').click()
    page.wait_for_selector(f'#detail[data-incident="{claimed["id"]}"]', timeout=READY_MS)
    mark = page.locator("#detail mark").first
    assert mark.is_visible() and mark.inner_text() == sentence
    text = page.locator("#detail").inner_text()
    assert "Russian Center for Reconciliation" in text and "claimed" in text  # claimant, attribution
    assert f"Corroboration: {detail['grade']}" in text
    for label in detail["sources"][0]["outlet"]["labels"]:
        assert label["label"] in text
    page.locator("#detail button.linkish").first.click()
    page.wait_for_selector("#detail ol.comments li", timeout=READY_MS)
    assert page.locator("#detail ol.comments li").count() == 3
    assert page.problems == []


def test_the_panel_names_who_the_victims_were(page, live: Live) -> None:
    """ACLED's associated actor (the victims' identity) is shown beside the actor it goes with."""
    (strike,) = httpx.get(f"{live.url}/api/incidents", params={"actor": "Journalists"}).json()["items"]
    assert strike["assoc_actor_2"] == "Journalists (Syria)" and strike["actor2"] == "Civilians (Syria)"
    open_map(page, live, "?actor=Journalists")  # the actor filter reads associated actors too
    page.locator(f'.fw-dot[data-id="{strike["id"]}"]').click()
    page.wait_for_selector(f'#detail[data-incident="{strike["id"]}"]', timeout=READY_MS)
    text = page.locator("#detail").inner_text()
    assert f"{strike['actor2']} (with {strike['assoc_actor_2']})" in text
    assert page.problems == []


def test_brushing_the_timeline_filters_the_markers(page, live: Live) -> None:
    open_map(page, live)
    total = int(page.locator("#status").get_attribute("data-total"))
    svg = page.locator("#timeline").bounding_box()
    y = svg["y"] + svg["height"] / 2
    page.mouse.move(svg["x"] + svg["width"] * 0.05, y)
    page.mouse.down()
    page.mouse.move(svg["x"] + svg["width"] * 0.3, y, steps=5)
    page.mouse.move(svg["x"] + svg["width"] * 0.55, y, steps=5)
    page.mouse.up()
    page.wait_for_timeout(400)
    label = page.locator("#brush-range")
    date_from, date_to = label.get_attribute("data-from"), label.get_attribute("data-to")
    assert date_from and date_to and date_from <= date_to
    expected = httpx.get(f"{live.url}/api/map.geojson", params={"from": date_from, "to": date_to}).json()
    shown = int(page.locator("#status").get_attribute("data-shown"))
    assert shown == len(expected["features"]) and 0 < shown < total
    assert visible_incident_count(page) == shown
    page.locator("#brush-clear").click()
    page.wait_for_timeout(300)
    assert int(page.locator("#status").get_attribute("data-shown")) == total
    assert visible_incident_count(page) == total


def test_markup_in_a_title_is_shown_as_text(page, live: Live) -> None:
    events = httpx.get(f"{live.url}/api/events", params={"limit": 1000}).json()["items"]
    target = next(e for e in events if e["article_title"] == XSS_TITLE and e["incident_id"])
    open_map(page, live, f"?outlet={target['outlet']['domain']}")
    page.locator(f'.fw-dot[data-id="{target["incident_id"]}"]').click()
    page.wait_for_selector(f'#detail[data-incident="{target["incident_id"]}"]', timeout=READY_MS)
    title = page.locator("#detail .article-title")
    assert title.inner_text() == XSS_TITLE and title.is_visible()
    page.wait_for_timeout(300)
    assert page.locator('img[src="x"]').count() == 0
    assert page.dialogs == []
    assert page.problems == []
