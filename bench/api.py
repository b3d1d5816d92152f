"""API and map-page benchmarks for `frontwire serve`, on the loopback.

    python bench/api.py                    # 100,000 events: p95 of filtered event queries; page render
    python bench/api.py --events 20000     # smaller, quicker
    python bench/api.py --no-browser       # skip the Chromium render measurement

Builds (once, cached under the temp dir) SQLite databases of synthetic mentions with a realistic spread
(`frontwire.incidents.synthetic`: six countries, ~2.2 reports per real event, ACLED's type mix), merged into
incidents with the in-memory `IncidentIndex` and written through the store in one transaction. Then starts
`frontwire serve` in a subprocess and measures:

- p95 latency of filtered `/api/events` and `/api/incidents` pages over keep-alive HTTP (bar: 50 ms),
  sequential requests; every page carries its total count, and the sort cycles through the date order
  (ascending and descending) and the largest fatalities first; a full-text search kind is reported apart;
- first render of the map page with ~10,000 incidents in Chromium: navigation start until the first markers
  are drawn (bar: 2 s).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from frontwire.incidents import IncidentIndex, summarise
from frontwire.incidents.synthetic import COUNTRIES, START, TYPES, members
from frontwire.records import Evidence
from frontwire.store import open_store
from frontwire.store.ids import outlet_id
from frontwire.store.migrations import LATEST_VERSION, MIGRATIONS
from frontwire.store.rows import (
    INCIDENT_COLUMNS,
    MENTION_COLUMNS,
    OUTLET_COLUMNS,
    incident_row,
    mention_row,
    outlet_row,
)

P95_BAR_MS = 50.0
RENDER_BAR_S = 2.0
REQUESTS_PER_KIND = 200
# Mentions for ~10,000 incidents: the synthetic data merges 23,000 reports into about 10,000 incidents.
RENDER_MENTIONS = 23_000
# Indexes the API's filtered queries need beyond migration 1 (proposed as a migration; see --no-indexes).
INDEXES = (
    # walk events in the API's order (date, id) inside the date range and stop at the page's end
    "CREATE INDEX IF NOT EXISTS mentions_date ON mentions (event_date, id)",
)
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def build(path: Path, n: int, seed: int = 7) -> tuple[int, int]:
    """Write ~n synthetic mentions and their incidents to a new store at `path`; (mentions, incidents)."""
    batch = members(n, seed=seed)
    index = IncidentIndex()
    index.add_all(batch)
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with open_store(path) as store, store._transaction():  # bulk load: one transaction, executemany
        outlets = {m.outlet.domain: m.outlet for m in batch if m.outlet}
        ids = {d: outlet_id(o) for d, o in outlets.items()}
        store._many(
            f"INSERT INTO outlets ({', '.join(OUTLET_COLUMNS)}) VALUES ({_marks(OUTLET_COLUMNS)})",
            [outlet_row(ids[d], o) for d, o in outlets.items()],
        )
        pages, articles, mentions = [], [], []
        for m in batch:
            page_id, url = f"pg-{m.article_id}", f"https://{m.outlet.domain}/{m.article_id}"
            text = f"{m.mention.event_type} reported near {m.mention.place.location}."
            m.mention.evidence = [Evidence(text=text, start=0, end=len(text))]
            pages.append((page_id, page_id, 1, url, "text", url, None, None, None, text, now))
            articles.append(
                (m.article_id, page_id, ids[m.outlet.domain], url, url, f"Report {m.article_id}", text)
            )
            mentions.append(mention_row(m.id, m.article_id, page_id, 0, m.mention))
        store._many(
            "INSERT INTO pages (id, doc_key, version, source, kind, url, page_ref, published, encoding,"
            " content, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            pages,
        )
        store._many(
            "INSERT INTO articles (id, page_id, outlet_id, source, url, title, body, authors_json,"
            " captions_json, chrome_dropped, extractor)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, '[]', '[]', 0, 'synthetic')",
            articles,
        )
        store._many(
            f"INSERT INTO mentions ({', '.join(MENTION_COLUMNS)}) VALUES ({_marks(MENTION_COLUMNS)})",
            mentions,
        )
        incidents = [summarise(i, ms) for i, ms in index.incidents.items()]
        store._many(
            f"INSERT INTO incidents ({', '.join(INCIDENT_COLUMNS)}) VALUES ({_marks(INCIDENT_COLUMNS)})",
            [incident_row(inc) for inc in incidents],
        )
        store._many(
            "INSERT INTO incident_mentions (incident_id, mention_id) VALUES (?, ?)",
            [(i, m.id) for i, ms in index.incidents.items() for m in ms],
        )
    return len(batch), len(incidents)


def _marks(columns: tuple[str, ...]) -> str:
    return ", ".join("?" * len(columns))


def database(n: int, indexes: bool) -> Path:
    """The cached benchmark database for n mentions (built on first use)."""
    # named by the schema's statements too, so a changed migration builds a new database
    schema = hashlib.sha256(repr([m.for_backend("sqlite") for m in MIGRATIONS]).encode()).hexdigest()[:8]
    name = f"frontwire-bench-api-{n}-v{LATEST_VERSION}-{schema}{'-idx' if indexes else ''}.sqlite"
    path = Path(tempfile.gettempdir()) / name
    if not path.exists():
        started = time.perf_counter()
        tmp = path.with_suffix(".building")
        tmp.unlink(missing_ok=True)
        n_mentions, n_incidents = build(tmp, n)
        if indexes:
            with open_store(tmp) as store:
                for sql in INDEXES:
                    store._run(sql)
                store._run("ANALYZE")
        tmp.rename(path)
        took = time.perf_counter() - started
        print(f"built {path}: {n_mentions:,} events, {n_incidents:,} incidents in {took:.0f} s")
    return path


@contextlib.contextmanager
def server(db: Path) -> Iterator[str]:
    """`frontwire serve` in a subprocess on a free loopback port."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "frontwire.web.cli", "serve", "--db", str(db), "--port", str(port)],
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"{url}/api/config", timeout=1).status_code == 200:
                    break
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError("frontwire serve did not start")
            time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


def query_mix(rng: random.Random, days: int) -> Iterator[tuple[str, dict]]:
    """Filtered event queries a map user or an analyst sends: a month in a country, a type in a country over a
    quarter, a map box over a month, an actor, a grade in a country, an outlet; first page of 100."""
    while True:
        country, iso, lat0, lat1, lon0, lon1 = rng.choice(COUNTRIES)
        start = START + dt.timedelta(days=rng.randrange(max(1, days - 90)))
        month = {"from": start.isoformat(), "to": (start + dt.timedelta(days=30)).isoformat()}
        quarter = {"from": start.isoformat(), "to": (start + dt.timedelta(days=90)).isoformat()}
        lat, lon = rng.uniform(lat0, lat1 - 1.5), rng.uniform(lon0, lon1 - 1.5)
        box = f"{lon:.3f},{lat:.3f},{lon + 1.5:.3f},{lat + 1.5:.3f}"
        yield "country+month", {"country": country, **month}
        yield "type+country+quarter", {"type": rng.choice(TYPES)[0], "country": iso, **quarter}
        yield "bbox+month", {"bbox": box, **month}
        yield "actor+country", {"actor": f"group {rng.randrange(8)}", "country": country}
        yield "grade+country+month", {"grade": "two or more independent outlets", "country": country, **month}
        yield "outlet+quarter", {"outlet": f"outlet{rng.randrange(40)}.example", **quarter}


# Sorts a list user picks: newest first, oldest first, deadliest first.
SORTS = ("-date", "date", "-fatalities")
# Words the synthetic evidence holds ("<event type> reported near <place>"), for the search kind.
SEARCHES = ("battles", "protests", "explosions OR riots", '"reported near"', "violence -protests")


def bench_api(url: str, n_events: int) -> float:
    rng = random.Random(3)
    days = max(180, n_events // 50)
    timings: dict[str, list[float]] = {}
    mix = query_mix(rng, days)
    with httpx.Client(base_url=url, timeout=30) as client:
        for _ in range(20):  # warm the server's connections and SQLite's page cache
            client.get("/api/events", params={**next(mix)[1], "limit": 100})
        for n in range(REQUESTS_PER_KIND * 6):
            kind, params = next(mix)
            path = "/api/events" if (n // 6) % 2 == 0 else "/api/incidents"  # each kind on both lists
            params = {**params, "limit": 100, "sort": SORTS[n % len(SORTS)]}
            started = time.perf_counter()
            r = client.get(path, params=params)
            timings.setdefault(f"{path.removeprefix('/api/')} {kind}", []).append(
                (time.perf_counter() - started) * 1000
            )
            r.raise_for_status()
            assert isinstance(r.json()["total"], int)
        # anchor: a request that reads nothing (the server's and the machine's floor in this run)
        floor = []
        for _ in range(REQUESTS_PER_KIND):
            started = time.perf_counter()
            client.get("/api/config").raise_for_status()
            floor.append((time.perf_counter() - started) * 1000)
        searches = []
        for n in range(REQUESTS_PER_KIND):
            kind, params = next(mix)
            params = {
                "q": SEARCHES[n % len(SEARCHES)],
                "country": params.get("country", "Syria"),
                "limit": 100,
            }
            started = time.perf_counter()
            client.get("/api/events", params=params).raise_for_status()
            searches.append((time.perf_counter() - started) * 1000)
    every = [t for ts in timings.values() for t in ts]
    print(f"  {'anchor: /api/config':<32} p50 {statistics.median(floor):6.1f} ms  p95 {_p95(floor):6.1f} ms")
    for kind, ts in sorted(timings.items()):
        print(
            f"  {kind:<32} p50 {statistics.median(ts):6.1f} ms  p95 {_p95(ts):6.1f} ms  ({len(ts)} requests)"
        )
    print(
        f"  {'events q=… + country':<32} p50 {statistics.median(searches):6.1f} ms"
        f"  p95 {_p95(searches):6.1f} ms  ({len(searches)} requests; not in the bar's figure)"
    )
    p95 = _p95(every)
    verdict = "OK" if p95 < P95_BAR_MS else "ABOVE BAR"
    print(f"filtered pages with count and sort, p95 over {len(every)} requests: {p95:.1f} ms", end="")
    print(f" (bar {P95_BAR_MS:.0f} ms): {verdict}; {p95 / max(_p95(floor), 0.1):.1f}x the anchor's p95")
    return p95


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def bench_render(url: str, runs: int = 3) -> None:
    from playwright.sync_api import sync_playwright

    n = len(httpx.get(f"{url}/api/map.geojson", timeout=60).json()["features"])
    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1400, "height": 850})  # cold cache each run
            page = context.new_page()
            page.goto(url + "/")
            page.wait_for_function(
                "() => document.body.dataset.ready && document.querySelector('.fw-cluster, .fw-dot')",
                polling="raf",
                timeout=30_000,
            )
            times.append(page.evaluate("performance.now()") / 1000)
            context.close()
        browser.close()
    best, worst = min(times), max(times)
    verdict = "OK" if worst < RENDER_BAR_S else "ABOVE BAR"
    print(
        f"map page first render with {n:,} incidents (cold cache, {runs} runs): best {best:.2f} s,"
        f" worst {worst:.2f} s (bar {RENDER_BAR_S:.0f} s): {verdict}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=100_000, help="synthetic events for the API benchmark")
    parser.add_argument("--no-indexes", action="store_true", help="measure with migration 1's indexes only")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium render measurement")
    args = parser.parse_args()
    indexes = not args.no_indexes
    db = database(args.events, indexes)
    print(f"API: {args.events:,} events, {'with' if indexes else 'without'} the proposed indexes")
    with server(db) as url:
        bench_api(url, args.events)
    if not args.no_browser:
        if not os.path.exists(CHROMIUM):
            print(f"render: skipped, {CHROMIUM} is absent")
            return
        with server(database(RENDER_MENTIONS, indexes)) as url:
            bench_render(url)


if __name__ == "__main__":
    main()
