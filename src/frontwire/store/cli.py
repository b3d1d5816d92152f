"""CLI handlers over a store: `events`, `incidents`, `export`, `stats`.

`register(subparsers)` adds the four subcommands to an argparse subparsers object; each sets
`func(args) -> int`. Errors are `FrontwireError`s for the caller to print; `main(argv)` runs them alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence

from frontwire.errors import ConfigError, FrontwireError
from frontwire.export.csvsafe import safe_writer
from frontwire.incidents.grade import outlet_names
from frontwire.records import to_dict
from frontwire.store import open_store
from frontwire.store.query import Filters, StoredEvent, events, incidents, stats

OUTPUTS = ("table", "json", "csv")
EVENT_COLUMNS = (
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "location",
    "fatalities",
    "attribution",
    "outlet",
    "incident_id",
)
INCIDENT_COLUMNS = (
    "id",  # two incidents at one point otherwise look the same
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "location",
    "admin1",
    "country",
    "fatalities",
    "fatalities_low",
    "fatalities_high",
    "grade",
    "outlets",
)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def _bbox(text: str) -> tuple[float, float, float, float]:
    try:
        parts = tuple(float(p) for p in text.split(","))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"bbox must be MIN_LON,MIN_LAT,MAX_LON,MAX_LAT: {text!r}") from exc
    if len(parts) != 4:
        raise argparse.ArgumentTypeError(f"bbox must be MIN_LON,MIN_LAT,MAX_LON,MAX_LAT: {text!r}")
    return parts  # type: ignore[return-value]


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db", help="database: a SQLite path, sqlite:///path or postgresql://… (default: data dir)"
    )
    p.add_argument("--from", dest="date_from", type=_date, help="first event date, YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=_date, help="last event date, YYYY-MM-DD")
    p.add_argument("--country", help="country name or ISO code")
    p.add_argument("--admin1", help="first-level region, e.g. Homs")
    p.add_argument("--type", dest="event_type", help='ACLED event type, e.g. "Battles"')
    p.add_argument("--actor", help="actor name (substring, any side)")
    p.add_argument("--outlet", help="outlet domain or name")
    p.add_argument("--bbox", type=_bbox, help="MIN_LON,MIN_LAT,MAX_LON,MAX_LAT")
    p.add_argument("--grade", help='corroboration grade, e.g. "contested"')
    p.add_argument("--limit", type=int, help="at most this many rows")


def _filters(args: argparse.Namespace) -> Filters:
    return Filters(
        date_from=args.date_from,
        date_to=args.date_to,
        country=args.country,
        admin1=args.admin1,
        event_type=args.event_type,
        actor=args.actor,
        outlet=args.outlet,
        bbox=args.bbox,
        grade=args.grade,
        limit=args.limit,
    )


def _event_row(e: StoredEvent) -> dict:
    m = e.mention
    return {
        "id": e.id,
        "event_date": m.event_date.isoformat() if m.event_date else "",
        "event_type": m.event_type,
        "sub_event_type": m.sub_event_type,
        "actor1": m.actor1,
        "actor2": m.actor2 or "",
        "location": m.place.location if m.place else (m.location_text or ""),
        "fatalities": "" if m.fatalities is None else m.fatalities,
        "attribution": m.attribution,
        "outlet": e.outlet or "",
        "incident_id": e.incident_id or "",
        "url": e.url or "",
    }


def _print(rows: list[dict], columns: Sequence[str], fmt: str, full: list[dict]) -> None:
    out = sys.stdout
    if fmt == "json":
        json.dump(full, out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt == "csv":
        writer = safe_writer(out)
        writer.writerow(columns)
        writer.writerows([r.get(c, "") for c in columns] for r in rows)
    else:
        cells = [[str(r.get(c, "")) for c in columns] for r in rows]
        widths = [min(40, max([len(c)] + [len(row[i]) for row in cells])) for i, c in enumerate(columns)]
        out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip() + "\n")
        for row in cells:
            out.write("  ".join(v[:w].ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() + "\n")
        out.write(f"({len(rows)} rows)\n")


def cmd_events(args: argparse.Namespace) -> int:
    with open_store(args.db, read_only=True) as store:
        found = events(store, _filters(args))
    _print([_event_row(e) for e in found], EVENT_COLUMNS, args.format, [to_dict(e) for e in found])
    return 0


def cmd_incidents(args: argparse.Namespace) -> int:
    if args.rebuild:
        with open_store(args.db) as store:
            done = store.rebuild_incidents()
        print(
            f"frontwire: {done.mentions} reports regrouped: {done.before} incidents before,"
            f" {done.after} after, {done.moved} reports moved",
            file=sys.stderr,
        )
    with open_store(args.db, read_only=True) as store:
        found = incidents(store, _filters(args))
    rows = []
    for inc in found:
        row = to_dict(inc)
        row["outlets"] = "; ".join(outlet_names(inc.outlets))
        row = {k: ("" if v is None else v) for k, v in row.items()}
        rows.append(row)
    _print(rows, INCIDENT_COLUMNS, args.format, [to_dict(i) for i in found])
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from frontwire.export import run_export
    from frontwire.run.progress import Bar

    bar = Bar(sys.stderr, desc="export", unit="incident", quiet=args.quiet)
    with open_store(args.db, read_only=True) as store, bar:
        done = run_export(
            store,
            args.format,
            args.out,
            _filters(args),
            keep_incomplete=args.keep_incomplete,
            progress=bar.progress,
        )
        where = args.out if args.out and args.out != "-" else "stdout"
        bar.close(summary=f"wrote {done.written} incidents to {where} in {bar.seconds:.1f} s")
    if done.left_out.count:
        print(f"frontwire: {done.left_out.line()}; --keep-incomplete keeps them", file=sys.stderr)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    with open_store(args.db, read_only=True) as store:
        s = stats(store)
    data = to_dict(s)
    if args.format == "json":
        json.dump(data, sys.stdout, indent=1)
        sys.stdout.write("\n")
        return 0
    for key, value in data.items():
        if isinstance(value, dict):
            print(f"{key}:")
            for k, v in value.items():
                print(f"  {k}: {v}")
        else:
            print(f"{key}: {value}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `events`, `incidents`, `export` and `stats` to a CLI's subparsers."""
    p = subparsers.add_parser(
        "events",
        help="list stored event mentions",
        description="List current event mentions. Example: frontwire events --country Syria --from 2024-04",
    )
    _common(p)
    p.add_argument("--format", choices=OUTPUTS, default="table", help="output format (default: table)")
    p.set_defaults(func=cmd_events)
    p = subparsers.add_parser(
        "incidents",
        help="list incidents (merged events) with corroboration grades",
        description='List incidents. Example: frontwire incidents --grade "two or more independent outlets"',
    )
    _common(p)
    p.add_argument("--format", choices=OUTPUTS, default="table", help="output format (default: table)")
    p.add_argument(
        "--rebuild",
        action="store_true",
        help="first regroup every stored report into incidents in one canonical order (event date, then"
        " report id), as an ingest with several workers does at its end",
    )
    p.set_defaults(func=cmd_incidents)
    p = subparsers.add_parser(
        "export",
        help="export incidents as ACLED CSV, GeoJSON or Parquet",
        description=(
            "Export incidents. Example: frontwire export --format acled-csv --out syria.csv --country Syria"
        ),
    )
    _common(p)
    p.add_argument("--format", choices=("acled-csv", "geojson", "parquet"), default="acled-csv")
    p.add_argument("--out", help="output file (default: stdout; required for parquet)")
    p.add_argument(
        "--keep-incomplete",
        action="store_true",
        help="acled-csv: keep incidents without a country, coordinates and ISO code or without a date"
        " (ACLED's format has neither; left out by default, with a count on stderr)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary line on stderr")
    p.set_defaults(func=cmd_export)
    p = subparsers.add_parser(
        "stats",
        help="counts of pages, events and incidents",
        description="Store statistics. Example: frontwire stats",
    )
    p.add_argument(
        "--db", help="database: a SQLite path, sqlite:///path or postgresql://… (default: data dir)"
    )
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=cmd_stats)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one of these subcommands on its own (for tests and `python -m frontwire.store.cli`)."""
    parser = argparse.ArgumentParser(prog="frontwire")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except (FrontwireError, ConfigError) as exc:
        print(f"frontwire: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
