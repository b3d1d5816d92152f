"""`frontwire gazetteer build|import|download|add`: thin handlers over frontwire.geo."""

from __future__ import annotations

import argparse
from pathlib import Path

from frontwire.geo.dumps import GEONAMES_URL, add_places_csv, download, import_dumps
from frontwire.geo.paths import default_index_path


def _index(args: argparse.Namespace) -> Path:
    return Path(args.gazetteer) if args.gazetteer else default_index_path()


def cmd_build(args: argparse.Namespace) -> int:
    import sys

    from frontwire.run.progress import build_gazetteer

    stats = build_gazetteer(
        _index(args), sys.stderr, quiet=args.quiet, countries=tuple(args.country or ()), summary=False
    )
    print(
        f"built {_index(args)}: {stats['places']} places, "
        f"{stats['admin1_areas']} admin1 areas in {stats['seconds']} s"
    )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    added = import_dumps(args.files, _index(args))
    print(f"imported {added} places into {_index(args)}")
    return 0


def cmd_download(args: argparse.Namespace) -> int:
    paths = download(args.countries, args.dest, base_url=args.base_url)
    for p in paths:
        print(p)
    if args.import_:
        cmd_import(argparse.Namespace(files=paths, gazetteer=args.gazetteer))
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    added = add_places_csv(args.csv, _index(args))
    print(f"added {added} places to {_index(args)}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the `gazetteer` command group; each subcommand sets `func` to its handler."""
    gz = subparsers.add_parser(
        "gazetteer",
        help="build, import into, download for, or add places to the offline gazetteer",
        description="The offline GeoNames gazetteer. Example: frontwire gazetteer build",
    )
    gz.add_argument(
        "--gazetteer", metavar="PATH", help="index file (default: $FRONTWIRE_DATA/geo/gazetteer.sqlite)"
    )
    sub = gz.add_subparsers(dest="gazetteer_command", required=True)
    p = sub.add_parser(
        "build",
        help="build the index from GeoNames data shipped in PyPI packages",
        description="Example: frontwire gazetteer build --country SY --country IQ",
    )
    p.add_argument("--country", action="append", help="only this ISO country (repeatable)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar on stderr")
    p.set_defaults(func=cmd_build)
    p = sub.add_parser(
        "import",
        help="import GeoNames dumps (SY.zip, alternateNamesV2.zip, admin1CodesASCII.txt)",
        description="Example: frontwire gazetteer import SY.zip admin1CodesASCII.txt",
    )
    p.add_argument("files", nargs="+", type=Path)
    p.set_defaults(func=cmd_import)
    p = sub.add_parser(
        "download",
        help="download GeoNames country dumps",
        description="Example: frontwire gazetteer download SY PS --import",
    )
    p.add_argument("countries", nargs="+", help="ISO codes (SY) or dump file names (admin1CodesASCII.txt)")
    p.add_argument("--dest", type=Path, default=Path("."), help="folder to save to")
    p.add_argument("--base-url", default=GEONAMES_URL)
    p.add_argument("--import", dest="import_", action="store_true", help="import what was downloaded")
    p.set_defaults(func=cmd_download)
    p = sub.add_parser(
        "add",
        help="add user places from a CSV (name,lat,lon,country,admin1,feature,aliases)",
        description="Example: frontwire gazetteer add my-places.csv",
    )
    p.add_argument("csv", type=Path)
    p.set_defaults(func=cmd_add)
    return gz
