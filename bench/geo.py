"""Benchmarks for frontwire.geo on ../shared/eval (measuring only; nothing here is tuned to a row).

    python bench/geo.py [--gazetteer PATH] [--build] [--limit N] [--no-spacy]

- airwars: place each Airwars incident from its narrative (most specific place named, Gaza
  context); share within 10 km and 25 km of the analysts' coordinates.
- event-location: recall of gold LOCATION spans among find_places spans (overlap).
- canonical page: the places of the SouthFront page.
- speed: index build, size, open, median lookup.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from frontwire.geo import Resolver, SqliteGazetteer, build_builtin, build_context, find_places, name_key
from frontwire.geo.builtin import km
from frontwire.geo.paths import default_index_path

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
# A place this populous is a city that holds the neighbourhood the narrative names; a smaller
# place named in the same narrative is taken as more specific.
CITY_POP = 300_000


def bench_airwars(resolver: Resolver, limit: int | None) -> None:
    rows = [json.loads(line) for line in (SHARED / "eval/events/airwars-gaza-2023-dev.jsonl").open()][:limit]
    ok10 = ok25 = n = 0
    for row in rows:
        try:
            lat, lon = float(row["lat"]), float(row["long"])
        except (KeyError, TypeError, ValueError):
            continue
        text = row["narrative"]
        ctx = build_context(text, resolver.gazetteer, countries=("PS",))
        placed = []
        for span in find_places(text, resolver.gazetteer, use_spacy=False):
            loc = resolver.resolve(span.text, ctx)
            if loc.latitude is not None and loc.iso == "PS" and loc.geo_precision < 3:
                placed.append(loc)
        named_areas = {a for cc, a in ctx.provinces}
        inside = [p for p in placed if _admin1_code(resolver, p) in named_areas] or placed
        small = [p for p in inside if p.geonameid is None or _pop(resolver, p) < CITY_POP]
        best = (small or inside or [resolver.resolve("Gaza Strip", ctx)])[0]
        n += 1
        if best.latitude is None:
            continue
        d = km(best.latitude, best.longitude, lat, lon)
        ok10 += d <= 10
        ok25 += d <= 25
    print(f"airwars: n={n} within10km={ok10 / n:.3f} within25km={ok25 / n:.3f}")


def _admin1_code(resolver: Resolver, loc) -> str | None:
    cands = [p for p in resolver.gazetteer.lookup(name_key(loc.location)) if p.geonameid == loc.geonameid]
    return cands[0].admin1_code if cands else None


def _pop(resolver: Resolver, loc) -> int:
    cands = [p for p in resolver.gazetteer.lookup(name_key(loc.location)) if p.geonameid == loc.geonameid]
    return cands[0].population if cands else 0


def bench_event_location(resolver: Resolver, limit: int | None, use_spacy: bool) -> None:
    rows = [json.loads(line) for line in (SHARED / "eval/geo/event-location-dev.jsonl").open()][:limit]
    gold = hit = 0
    t0 = time.perf_counter()
    for row in rows:
        spans = find_places(row["text"], resolver.gazetteer, use_spacy=use_spacy)
        for g in row["spans"]:
            if g["label"] != "LOCATION":
                continue
            gold += 1
            hit += any(s.start < g["end"] and g["start"] < s.end for s in spans)
    dt = time.perf_counter() - t0
    print(
        f"event-location: sentences={len(rows)} gold={gold} recall={hit / gold:.3f} "
        f"spacy={use_spacy} ({dt:.0f} s)"
    )


def bench_canonical(resolver: Resolver) -> None:
    page = SHARED / "pages/southfront-2024-05-airstrikes-central-syria.txt"
    text = page.read_text("utf-8")
    ctx = build_context(text, resolver.gazetteer)
    for loc_text in [
        "near the town of al-Sukhna in the eastern Homs countryside",
        "the area of al-Kum, to the north of al-Sukhnah",
        "al-Amur",
        "al-Bishri",
        "Homs",
        "Deir Ezzor",
    ]:
        loc = resolver.resolve(loc_text, ctx)
        print(
            f"canonical: {loc_text!r} -> {loc.location} ({loc.latitude}, {loc.longitude}) "
            f"admin1={loc.admin1} precision={loc.geo_precision} note={loc.note}"
        )


def bench_speed(path: Path, build: bool) -> None:
    if build:
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            build_builtin(Path(tmp) / "g.sqlite")
            print(f"speed: build={time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    gz = SqliteGazetteer(path)
    gz.lookup("homs")
    print(
        f"speed: open+first lookup={1000 * (time.perf_counter() - t0):.1f} ms "
        f"size={path.stat().st_size / 1e6:.0f} MB"
    )
    keys = [
        name_key(n)
        for n in [
            "Homs",
            "Aleppo",
            "Tripoli",
            "Gaza",
            "Kharkiv",
            "Mosul",
            "Goma",
            "Mogadishu",
            "Kandahar",
            "Sanaa",
            "Timbuktu",
            "Maiduguri",
            "Raqqa",
            "Idlib",
            "Daraa",
        ]
    ]
    gz2 = SqliteGazetteer(path)
    times = []
    for k in keys:  # uncached lookups: a fresh key each time
        t = time.perf_counter()
        gz2._lookup_uncached("key", k)
        times.append(time.perf_counter() - t)
    print(f"speed: median uncached lookup={1000 * statistics.median(times):.3f} ms")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gazetteer", type=Path, default=None)
    ap.add_argument("--build", action="store_true", help="also time a full index build")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--no-spacy", action="store_true")
    args = ap.parse_args()
    if not SHARED.exists():
        print(f"no evaluation data at {SHARED}", file=sys.stderr)
        return 1
    path = args.gazetteer or default_index_path()
    resolver = Resolver(SqliteGazetteer(path, build_if_missing=True))
    bench_canonical(resolver)
    bench_airwars(resolver, args.limit)
    bench_event_location(resolver, args.limit, not args.no_spacy)
    bench_speed(path, args.build)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
