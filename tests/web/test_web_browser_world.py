"""The map at world scale and on a phone, in a real browser: antimeridian countries, incidents stacked on one
point, a link to one incident, a 390 px viewport, place labels, a header on one line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from web_support import Live

from frontwire.records import Article, EventMention, Evidence, Location, Outlet, Page
from frontwire.store import open_store
from frontwire.web import ServeSettings

READY_MS = 15_000
STACKED = 100
# Al-Qusayr's centroid, where a monitor's daily reports pile up on one point.
POINT = Location(
    location="Al Qusayr",
    latitude=34.5089,
    longitude=36.5797,
    admin1="Homs",
    country="Syria",
    iso="SY",
    geo_precision=1,
    gazetteer="test",
)
ANTIMERIDIAN = ("Russia", "United States of America", "Fiji", "New Zealand")


def _page(n: int) -> tuple[Page, Article, list[EventMention]]:
    day = dt.date(2023, 1, 2) + dt.timedelta(days=7 * n)  # a week apart: never one incident
    text = f"Shelling hit Al Qusayr on {day:%d %B %Y}, killing {n % 5} people, report number {n}."
    url = f"https://monitor.example/{n}"
    outlet = Outlet(domain="monitor.example", name="Monitor", country="GB")
    page = Page(source=url, kind="text", content=text, url=url)
    article = Article(
        source=url, title=f"Report {n}", url=url, outlet=outlet, paragraphs=[text], extractor="test"
    )
    mention = EventMention(
        event_date=day,
        time_precision=1,
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        actor1="Military Forces of Syria (2000-2024)",
        inter1=1,
        fatalities=n % 5,
        location_text="Al Qusayr",
        attribution="reported",
        evidence=[Evidence(text=text, start=0, end=len(text))],
        notes=text,
        coder="test",
        place=POINT,
    )
    return page, article, [mention]


@pytest.fixture(scope="module")
def stacked(tmp_path_factory: pytest.TempPathFactory, serve: Callable[[ServeSettings], Live]) -> Live:
    db = tmp_path_factory.mktemp("stacked") / "stacked.sqlite"
    with open_store(db) as store:
        for n in range(STACKED):
            store.write_page(*_page(n))
        assert store.count("incidents") == STACKED
    return serve(ServeSettings(db=str(db)))


def _tab(browser, width: int = 1400, height: int = 850):
    context = browser.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    tab.problems = []
    tab.on("console", lambda m: tab.problems.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: tab.problems.append(str(e)))
    return context, tab


def _open(tab, live: Live, query: str = "") -> None:
    tab.goto(f"{live.url}/{query}")
    tab.wait_for_selector("body[data-ready=true]", timeout=READY_MS)
    tab.wait_for_selector(".fw-country", state="attached", timeout=READY_MS)
    tab.wait_for_timeout(400)


def test_no_country_is_wider_than_the_world_at_zoom_1(browser, live: Live) -> None:
    context, tab = _tab(browser)
    try:
        _open(tab, live)
        tab.evaluate("document.querySelector('#map')._leaflet_map")  # not exposed: use the zoom control
        for _ in range(4):
            if tab.locator(".leaflet-control-zoom-out.leaflet-disabled").count():
                break
            tab.locator(".leaflet-control-zoom-out").click()
            tab.wait_for_timeout(350)
        world = 256 * 2  # px across the whole world at zoom 1
        widths = {}
        for path in tab.locator("path.fw-country").all():
            box = path.bounding_box()
            if box:
                widths[path.get_attribute("data-country")] = box["width"]
        assert len(widths) > 150
        assert max(widths.values()) <= world + 2, sorted(widths.items(), key=lambda kv: -kv[1])[:3]
        for name in ANTIMERIDIAN:
            assert widths[name] < world / 2, (name, widths[name])  # Russia spans 172 degrees, under half
        assert tab.problems == []
    finally:
        context.close()


def test_a_picker_reaches_each_of_100_incidents_on_one_point(browser, stacked: Live) -> None:
    context, tab = _tab(browser)
    try:
        _open(tab, stacked)
        ids = {f["id"] for f in httpx.get(f"{stacked.url}/api/map.geojson").json()["features"]}
        assert len(ids) == STACKED
        for _ in range(3):  # zoom in as far as the map goes: the stack stays one cluster
            tab.locator(".fw-cluster").first.click()
            tab.wait_for_timeout(500)
            if tab.locator("#detail[data-picker]").count():
                break
        tab.wait_for_selector(f'#detail[data-picker="{STACKED}"]', timeout=READY_MS)
        items = tab.locator("#detail .picker-item")
        assert {items.nth(i).get_attribute("data-id") for i in range(items.count())} == ids
        # every one opens: try the first, the last and one in the middle
        for index in (0, STACKED // 2, STACKED - 1):
            if not tab.locator("#detail[data-picker]").count():
                tab.locator(".fw-cluster").first.click()
                tab.wait_for_selector("#detail[data-picker]", timeout=READY_MS)
            item = tab.locator("#detail .picker-item").nth(index)
            wanted = item.get_attribute("data-id")
            item.click()
            tab.wait_for_selector(f'#detail[data-incident="{wanted}"]', timeout=READY_MS)
        assert tab.problems == []
    finally:
        context.close()


def test_a_cluster_click_keeps_its_markers_in_view(browser, live: Live) -> None:
    context, tab = _tab(browser)
    try:
        _open(tab, live)
        clusters = tab.locator(".fw-cluster")
        if not clusters.count():
            pytest.skip("the test data makes no cluster at the opening zoom")
        ids = (clusters.first.get_attribute("data-ids") or "").split()
        clusters.first.click()
        tab.wait_for_timeout(900)
        box = tab.locator("#map").bounding_box()
        legend = tab.locator(".fw-legend").bounding_box()
        for incident in ids:
            holder = tab.locator(f'.fw-dot[data-id="{incident}"]')
            if not holder.count():
                holder = tab.locator(f'.fw-cluster[data-ids~="{incident}"]')
            if not holder.count():
                continue  # opened as a picker instead
            b = holder.first.bounding_box()
            x, y = b["x"] + b["width"] / 2, b["y"] + b["height"] / 2
            assert box["x"] + 10 <= x <= box["x"] + box["width"] - 10, incident
            assert box["y"] + 10 <= y <= box["y"] + box["height"] - 10, incident
            inside_legend = legend["x"] <= x <= legend["x"] + legend["width"] and legend["y"] <= y <= (
                legend["y"] + legend["height"]
            )
            assert not inside_legend, incident
        assert tab.problems == []
    finally:
        context.close()


def test_a_link_opens_one_incident(browser, stacked: Live) -> None:
    context, tab = _tab(browser)
    try:
        features = httpx.get(f"{stacked.url}/api/map.geojson").json()["features"]
        wanted = features[37]["id"]
        _open(tab, stacked, f"?incident={wanted}")
        tab.wait_for_selector(f'#detail[data-incident="{wanted}"]', timeout=READY_MS)
        assert "Shelling hit Al Qusayr" in tab.locator("#detail").inner_text()
        assert f"incident={wanted}" in tab.url
        href = tab.locator("#detail a.permalink").get_attribute("href")
        assert href == f"/?incident={wanted}"
        # choosing another incident puts its id in the address bar
        tab.locator(".fw-cluster").first.click()
        tab.wait_for_timeout(500)
        if tab.locator("#detail[data-picker]").count():
            other = tab.locator("#detail .picker-item").nth(3)
            other_id = other.get_attribute("data-id")
            other.click()
            tab.wait_for_selector(f'#detail[data-incident="{other_id}"]', timeout=READY_MS)
            assert f"incident={other_id}" in tab.url
        assert tab.problems == []
    finally:
        context.close()


def test_a_390px_phone_gets_a_usable_map(browser, live: Live) -> None:
    context, tab = _tab(browser, 390, 844)
    try:
        _open(tab, live)
        width = tab.evaluate("document.documentElement.scrollWidth")
        assert width <= 390  # nothing sticks out sideways
        header = tab.locator("header.bar").bounding_box()
        assert header["height"] < 60  # one line
        box = tab.locator("#map").bounding_box()
        assert box["width"] >= 370 and box["height"] >= 400
        legend = tab.locator(".fw-legend").bounding_box()
        assert legend["width"] * legend["height"] < 0.1 * box["width"] * box["height"]  # folded
        panel = tab.locator("#detail").bounding_box()
        assert panel["y"] >= box["y"] + box["height"]  # under the map, not over it
        # the map takes a tap: a marker or cluster opens something in the panel
        target = tab.locator(".fw-dot, .fw-cluster").first
        target.click()
        tab.wait_for_timeout(800)
        opened = tab.locator("#detail[data-incident], #detail[data-picker]").count()
        zoomed = tab.locator(".fw-dot, .fw-cluster").count()
        assert opened or zoomed
        # the filters open from the header's button, over the map
        tab.locator("#filters-toggle").click()
        assert tab.locator("select[name=type]").is_visible()
        assert tab.problems == []
    finally:
        context.close()


def test_the_header_stays_on_one_line_and_undated_incidents_are_counted(browser, live: Live) -> None:
    context, tab = _tab(browser, 1024, 768)
    try:
        _open(tab, live)
        h1 = tab.locator("header.bar h1").bounding_box()
        status = tab.locator("#status").bounding_box()
        header = tab.locator("header.bar").bounding_box()
        assert header["height"] < 60 and abs(h1["y"] - status["y"]) < 20
        undated = sum(
            1
            for f in httpx.get(f"{live.url}/api/map.geojson").json()["features"]
            if not f["properties"]["event_date"]
        )
        assert int(tab.locator("#undated").get_attribute("data-count")) == undated
    finally:
        context.close()


def test_place_labels_appear_when_zoomed_in(browser, live: Live, tmp_path: Path) -> None:
    r = httpx.get(f"{live.url}/api/places.geojson", params={"bbox": "35.5,33,38,35.5", "zoom": 8})
    names = {f["properties"]["name"] for f in r.json()["features"]}
    if not names:
        pytest.skip("no gazetteer in the data directory")
    assert "Homs" in names
    assert (
        httpx.get(f"{live.url}/api/places.geojson", params={"bbox": "35.5,33,38,35.5", "zoom": 2}).json()[
            "features"
        ]
        == []
    )
    bad = httpx.get(f"{live.url}/api/places.geojson", params={"bbox": "nope", "zoom": 8})
    assert bad.status_code == 400
    context, tab = _tab(browser)
    try:
        _open(tab, live, "?country=Syria")
        tab.wait_for_function("() => Number(document.body.dataset.labels || 0) > 0", timeout=READY_MS)
        assert tab.locator(".fw-place").count() > 0
        assert tab.problems == []
    finally:
        context.close()


def test_the_panel_names_an_unidentified_outlet_and_counts_outlets_in_english(browser, live: Live) -> None:
    items = httpx.get(f"{live.url}/api/incidents", params={"limit": 1000}).json()["items"]
    unknown = next(i for i in items if any(k.startswith("unknown:") for k in i["outlets"]))
    context, tab = _tab(browser)
    try:
        _open(tab, live, f"?incident={unknown['id']}")
        tab.wait_for_selector(f'#detail[data-incident="{unknown["id"]}"]', timeout=READY_MS)
        text = tab.locator("#detail").inner_text()
        assert "unidentified outlet" in text and "unknown outlet" not in text
        assert "outlet(s)" not in text and "reported by one outlet only" in text
        assert tab.problems == []
    finally:
        context.close()
