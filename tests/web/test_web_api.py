"""The JSON API against a real database filled by the real pipeline, over real HTTP on the loopback."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import httpx
import pytest
from web_support import CANONICAL, XSS_TITLE, Live

from frontwire.export import ACLED_COLUMNS
from frontwire.store import open_store
from frontwire.store.query import Filters
from frontwire.store.query import events as store_events
from frontwire.store.query import incidents as store_incidents
from frontwire.web.params import FILTER_PARAMS

# Central Syria, generously: Homs, Hama, the Badia and Deir ez-Zor's western edge.
CENTRAL_SYRIA = (36.0, 33.5, 41.0, 36.5)  # min lon, min lat, max lon, max lat


def get(live: Live, path: str, **params) -> httpx.Response:
    return httpx.get(f"{live.url}{path}", params=params, timeout=30)


def canonical_incidents(live: Live) -> list[dict]:
    items = get(live, "/api/incidents", outlet="southfront.press", limit=1000).json()["items"]
    return [i for i in items if i["latitude"] is not None]


def test_security_headers_on_page_and_api(live: Live) -> None:
    for path in ("/", "/api/incidents", "/static/js/main.js", "/nope"):
        r = get(live, path)
        csp = r.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp and "object-src 'none'" in csp
        assert "frame-ancestors 'none'" in csp and "base-uri 'none'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"
    page = get(live, "/").text
    assert "<script>" not in page and " style=" not in page  # no inline script or style in the page


def test_events_paging_walks_every_event_once(live: Live) -> None:
    seen: list[str] = []
    r = get(live, "/api/events", limit=3)
    while True:
        body = r.json()
        assert len(body["items"]) <= 3
        seen += [e["id"] for e in body["items"]]
        if not body["next"]:
            break
        r = httpx.get(body["next"], timeout=30)
    with open_store(live.db, read_only=True) as store:
        expected = [e.id for e in store_events(store)]
    assert seen == expected and len(seen) > 6


@pytest.mark.parametrize(
    "params, filters",
    [
        ({"country": "syria"}, Filters(country="syria")),
        ({"country": "SY", "type": "battles"}, Filters(country="SY", event_type="battles")),
        ({"from": "2024-02-01", "to": "2024-03-31"}, None),
        ({"bbox": "35,33,42,37.5"}, Filters(bbox=(35, 33, 42, 37.5))),
        ({"grade": "single source"}, Filters(grade="single source")),
        ({"actor": "tahrir al sham"}, Filters(actor="tahrir al sham")),  # in examples/pages (ACLED: "HTS: Hayat Tahrir al Sham")
        ({"outlet": "orontes-observer.example"}, Filters(outlet="orontes-observer.example")),
    ],
)
def test_filters_mean_what_the_cli_means(live: Live, params: dict, filters: Filters | None) -> None:
    import datetime as dt

    if filters is None:
        filters = Filters(date_from=dt.date(2024, 2, 1), date_to=dt.date(2024, 3, 31))
    api_events = [e["id"] for e in get(live, "/api/events", limit=1000, **params).json()["items"]]
    api_incidents = [i["id"] for i in get(live, "/api/incidents", limit=1000, **params).json()["items"]]
    with open_store(live.db, read_only=True) as store:
        assert api_events == [e.id for e in store_events(store, filters)]
        assert api_incidents == [i.id for i in store_incidents(store, filters)]
    assert api_events, f"the filter {params} should match something in the test data"


def test_event_carries_claimant_attribution_outlet_and_incident(live: Live) -> None:
    items = get(live, "/api/events", outlet="southfront.press", limit=100).json()["items"]
    if not CANONICAL.exists():
        pytest.skip("../shared/pages is absent")
    claimed = [e for e in items if e["attribution"] == "claimed"]
    assert claimed and all("Russian Center for Reconciliation" in (e["claimant"] or "") for e in claimed)
    assert all(e["outlet"]["domain"] == "southfront.press" and e["incident_id"] for e in items)
    assert all(e["evidence"] and e["evidence"][0]["text"] for e in items)


def test_incident_detail_has_sources_labels_and_evidence_in_context(live: Live) -> None:
    if not CANONICAL.exists():
        pytest.skip("../shared/pages is absent")
    found = canonical_incidents(live)
    assert found
    for item in found:
        min_lon, min_lat, max_lon, max_lat = CENTRAL_SYRIA
        assert min_lat <= item["latitude"] <= max_lat and min_lon <= item["longitude"] <= max_lon, item
        detail = get(live, f"/api/incidents/{item['id']}").json()
        assert detail["grade"] == item["grade"] and detail["sources"]
        for source in detail["sources"]:
            assert source["outlet"]["domain"] == "southfront.press"
            assert source["outlet"]["labels"] and all(lab["source"] for lab in source["outlet"]["labels"])
            assert source["evidence"]["text"] == source["event"]["evidence"][0]["text"]
            assert source["article"]["comments"] == 3


def test_article_with_comments(live: Live) -> None:
    if not CANONICAL.exists():
        pytest.skip("../shared/pages is absent")
    item = canonical_incidents(live)[0]
    article_id = get(live, f"/api/incidents/{item['id']}").json()["sources"][0]["article"]["id"]
    article = get(live, f"/api/articles/{article_id}").json()
    assert "Russian Airstrikes" in article["title"]
    assert len(article["comments"]) == 3 and all(c["text"] for c in article["comments"])
    assert not any(c["text"] in article["body"] for c in article["comments"])


def test_outlets_list_labels_with_sources(live: Live) -> None:
    items = get(live, "/api/outlets").json()["items"]
    domains = {o["domain"]: o for o in items}
    assert "orontes-observer.example" in domains
    if CANONICAL.exists():
        assert domains["southfront.press"]["labels"]
        assert all(lab["label"] and lab["source"] for lab in domains["southfront.press"]["labels"])


def test_map_layer_is_geojson_of_located_incidents(live: Live) -> None:
    body = get(live, "/api/map.geojson", country="Syria").json()
    assert body["type"] == "FeatureCollection" and body["features"] and not body["truncated"]
    for feature in body["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert 35 < lon < 43 and 32 < lat < 38
        assert feature["properties"]["country"] == "Syria"
    limited = get(live, "/api/map.geojson", limit=2).json()
    assert len(limited["features"]) == 2 and limited["truncated"]


def test_csv_download_has_acled_columns(live: Live) -> None:
    r = get(live, "/api/export.csv", country="Syria")
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(r.text)))
    assert tuple(rows[0]) == ACLED_COLUMNS
    with open_store(live.db, read_only=True) as store:
        assert len(rows) - 1 == len(store_incidents(store, Filters(country="Syria")))
    assert all(row[ACLED_COLUMNS.index("country")] == "Syria" for row in rows[1:])


def test_openapi_documents_every_route_and_filter(live: Live) -> None:
    doc = get(live, "/openapi.json").json()
    assert doc["openapi"].startswith("3.")
    for path in (
        "/api/events",
        "/api/incidents",
        "/api/incidents/{incident_id}",
        "/api/articles/{article_id}",
        "/api/outlets",
        "/api/map.geojson",
        "/api/export.csv",
    ):
        assert path in doc["paths"], path
    names = {p["name"] for p in doc["paths"]["/api/events"]["get"]["parameters"]}
    assert {p.name for p in FILTER_PARAMS} | {"limit", "offset"} <= names
    assert "/api/pages" not in doc["paths"]  # read-only server


@pytest.mark.parametrize(
    "params, param",
    [
        ({"from": "2024-02-30"}, "from"),
        ({"to": "yesterday"}, "to"),
        ({"from": "2024-03-01", "to": "2024-02-01"}, "from"),
        ({"bbox": "1,2,3"}, "bbox"),
        ({"bbox": "40,30,35,36"}, "bbox"),
        ({"bbox": "0,0,200,10"}, "bbox"),
        ({"bbox": "nan,0,1,1"}, "bbox"),
        ({"limit": "0"}, "limit"),
        ({"limit": "1001"}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"offset": "-1"}, "offset"),
        ({"grade": "confirmed"}, "grade"),
        ({"colour": "red"}, "colour"),
        ({"country": "x" * 300}, "country"),
    ],
)
def test_bad_input_is_a_clear_400(live: Live, params: dict, param: str) -> None:
    r = get(live, "/api/events", **params)
    assert r.status_code == 400
    assert r.json()["param"] == param and r.json()["error"]


def test_repeated_parameter_and_unknown_ids(live: Live) -> None:
    r = httpx.get(f"{live.url}/api/events?country=Syria&country=Iraq", timeout=30)
    assert r.status_code == 400 and r.json()["param"] == "country"
    assert get(live, "/api/incidents/inc-nope").status_code == 404
    assert get(live, "/api/articles/" + "a" * 500).status_code == 404


def test_sql_metacharacters_are_data(live: Live) -> None:
    for text in ("' OR 1=1 --", "%", "_", "Syria'; DROP TABLE mentions; --"):
        r = get(live, "/api/events", country=text, actor=text)
        assert r.status_code == 200 and r.json()["items"] == []
    assert get(live, "/api/events", limit=1).json()["items"]


def test_scraped_markup_comes_back_as_plain_json_text(live: Live) -> None:
    items = get(live, "/api/events", limit=1000).json()["items"]
    titles = {e["article_title"] for e in items}
    assert XSS_TITLE in titles


def test_read_only_server_has_no_write_endpoint(live: Live) -> None:
    r = httpx.post(f"{live.url}/api/pages", json={"content": "x"}, timeout=30)
    assert r.status_code in (404, 405)
    r = httpx.post(
        f"{live.url}/api/pages", json={"content": "x"}, headers={"authorization": "Bearer x" * 3}, timeout=30
    )
    assert r.status_code in (404, 405)


def test_database_is_not_changed_by_reading(live: Live, tmp_path: Path) -> None:
    with open_store(live.db, read_only=True) as store:
        before = store.dump()
    for path in ("/api/events", "/api/incidents", "/api/facets", "/api/stats", "/api/export.csv", "/"):
        assert get(live, path).status_code == 200
    with open_store(live.db, read_only=True) as store:
        assert store.dump() == before
