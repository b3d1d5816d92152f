"""Benchmarks for frontwire.geo on ../shared/eval (measuring only; nothing here is tuned to a row).

    python bench/geo.py [--gazetteer PATH] [--build] [--limit N] [--no-spacy]

Each figure is printed beside its bar with PASS/FAIL.

- airwars: place each Airwars incident from its narrative (`place_of_event`, Gaza context
  from the text plus the country PS); share within 10 km and 25 km of the analysts' coordinates.
- event-location: recall of gold LOCATION spans among find_places spans (overlap), without and
  with spaCy. About 900 gold spans of the file carry token indices in "start"/"end" (start ==
  token_start) while their "text" field holds the name; those are realigned to the occurrence
  of the text nearest that token position. The unaligned figure is printed too.
- canonical page: the places of the SouthFront page.
- speed: index build, size, open, median lookup.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from frontwire.geo import Resolver, SqliteGazetteer, build_builtin, build_context, find_places, name_key
from frontwire.geo.builtin import km
from frontwire.geo.event_place import place_of_event
from frontwire.geo.paths import default_index_path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from geo_ucdp import bench_ucdp  # noqa: E402
from split import half  # noqa: E402

# ../shared beside the repository; FRONTWIRE_SHARED points elsewhere (a worktree's checkout).
SHARED = Path(os.environ.get("FRONTWIRE_SHARED") or Path(__file__).resolve().parents[1] / ".." / "shared")
# The bars the geo stage is held to (set by the lead).
BARS = {
    "airwars within 10 km": (0.80, ">="),
    "airwars within 25 km": (0.95, ">="),
    "event-location recall (gazetteer+cues)": (0.85, ">="),
    "event-location recall (with spaCy)": (0.85, ">="),
    "build s": (60.0, "<"),
    "index MB": (300.0, "<"),
    "open+first lookup ms": (1000.0, "<"),
    "median uncached lookup ms": (0.2, "<"),
    "ucdp odd prec 1-2 within 10 km": (0.85, ">="),
    "ucdp odd all within 50 km": (0.85, ">="),
}


def report(name: str, value: float, extra: str = "") -> bool:
    """Print a figure beside its bar; True when it meets the bar."""
    bar, op = BARS[name]
    ok = value >= bar if op == ">=" else value < bar
    print(f"{name:42s} {value:10.3f}   bar {op} {bar:<8g} {'PASS' if ok else 'FAIL'}  {extra}")
    return ok


def bench_airwars(resolver: Resolver, limit: int | None) -> None:
    rows = [json.loads(line) for line in (SHARED / "eval/events/airwars-gaza-2023-dev.jsonl").open()][:limit]
    tally = {"even": [0, 0, 0], "odd": [0, 0, 0]}  # within 10 km, within 25 km, n
    for row in rows:
        try:
            lat, lon = float(row["lat"]), float(row["long"])
        except (KeyError, TypeError, ValueError):
            continue
        text = row["narrative"]
        ctx = build_context(text, resolver.gazetteer, countries=("PS",))
        best = place_of_event(text, resolver, ctx)
        t = tally[half(row.get("Incidence_id", text))]
        t[2] += 1
        if best is None or best.latitude is None:
            continue
        d = km(best.latitude, best.longitude, lat, lon)
        t[0] += d <= 10
        t[1] += d <= 25
    ok10, ok25, n = (a + b for a, b in zip(tally["even"], tally["odd"], strict=True))
    halves = "  ".join(
        f"{h}: 10km {t[0] / max(t[2], 1):.3f} 25km {t[1] / max(t[2], 1):.3f} n={t[2]}"
        for h, t in tally.items()
    )
    report("airwars within 10 km", ok10 / n, f"n={n}  {halves}")
    report("airwars within 25 km", ok25 / n, f"n={n}")


def gold_locations(row: dict) -> tuple[list[tuple[int, int]], list[tuple[int, int]], int]:
    """Gold LOCATION spans as given, as realigned (see the module docstring), and how many moved."""
    text, raw, fixed, moved = row["text"], [], [], 0
    for g in row["spans"]:
        if g["label"] != "LOCATION":
            continue
        a, b = g["start"], g["end"]
        raw.append((a, b))
        want = g.get("text") or ""
        if want and text[a:b] != want:
            hits = [m.start() for m in re.finditer(re.escape(want), text)]
            if hits:
                a = min(hits, key=lambda o: abs(len(text[:o].split()) - g["token_start"]))
                b = a + len(want)
                moved += 1
        fixed.append((a, b))
    return raw, fixed, moved


def bench_event_location(resolver: Resolver, limit: int | None, use_spacy: bool) -> None:
    rows = [json.loads(line) for line in (SHARED / "eval/geo/event-location-dev.jsonl").open()][:limit]
    for spacy_on in (False, True) if use_spacy else (False,):
        gold = hit = hit_raw = moved = 0
        t0 = time.perf_counter()
        for row in rows:
            raw, fixed, m = gold_locations(row)
            if not fixed:
                continue
            moved += m
            spans = find_places(row["text"], resolver.gazetteer, use_spacy=spacy_on)
            for (a, b), (ra, rb) in zip(fixed, raw, strict=True):
                gold += 1
                hit += any(s.start < b and a < s.end for s in spans)
                hit_raw += any(s.start < rb and ra < s.end for s in spans)
        dt = time.perf_counter() - t0
        name = "event-location recall (with spaCy)" if spacy_on else "event-location recall (gazetteer+cues)"
        report(
            name,
            hit / gold,
            f"sentences={len(rows)} gold={gold} realigned={moved} "
            f"unaligned={hit_raw / gold:.3f} ({dt:.0f} s)",
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
            report("build s", time.perf_counter() - t0)
    t0 = time.perf_counter()
    gz = SqliteGazetteer(path)
    gz.lookup("homs")
    report("open+first lookup ms", 1000 * (time.perf_counter() - t0))
    report("index MB", path.stat().st_size / 1e6)
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
    report("median uncached lookup ms", 1000 * statistics.median(times))


def bench_ucdp_bars(resolver: Resolver, limit: int | None, show: int) -> None:
    t = bench_ucdp(resolver, SHARED / "eval/geo/ucdp-ged/ged-sample.jsonl", limit, show=show)
    p12, every = t["odd prec 1-2"], t["odd all"]
    report("ucdp odd prec 1-2 within 10 km", p12.ok10 / max(p12.n, 1), f"n={p12.n}")
    report("ucdp odd all within 50 km", every.ok50 / max(every.n, 1), f"n={every.n}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gazetteer", type=Path, default=None)
    ap.add_argument("--build", action="store_true", help="also time a full index build")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--no-spacy", action="store_true")
    steps = ["ucdp", "airwars", "event-location", "canonical", "speed"]
    ap.add_argument("--only", choices=steps, default=None, help="run one benchmark only")
    ap.add_argument("--show", type=int, default=0, help="print this many even-half UCDP misses")
    args = ap.parse_args()
    if not SHARED.exists():
        print(f"no evaluation data at {SHARED}", file=sys.stderr)
        return 1
    path = args.gazetteer or default_index_path()
    resolver = Resolver(SqliteGazetteer(path, build_if_missing=True))
    steps = {
        "canonical": lambda: bench_canonical(resolver),
        # UCDP GED codes an event known only by its area to the area's centre, ACLED to its capital
        "ucdp": lambda: bench_ucdp_bars(
            Resolver(resolver.gazetteer, area_point="centre"), args.limit, args.show
        ),
        "airwars": lambda: bench_airwars(resolver, args.limit),
        "event-location": lambda: bench_event_location(resolver, args.limit, not args.no_spacy),
        "speed": lambda: bench_speed(path, args.build),
    }
    for name, step in steps.items():
        if args.only in (None, name):
            step()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
