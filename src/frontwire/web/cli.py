"""`frontwire serve`: parse the options, build the app, run uvicorn on the loopback by default.

`register(subparsers)` adds the subcommand; its handler is `cmd_serve(args) -> int`.
"""

from __future__ import annotations

import argparse
import sys

from frontwire.errors import ConfigError
from frontwire.web.settings import DEFAULT_HOST, DEFAULT_PORT, ENV_TOKEN


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn
    except ImportError as exc:
        raise ConfigError(
            "serve", 'the web server needs the web extra: pip install "frontwire[web]"'
        ) from exc
    from frontwire.web.app import create_app
    from frontwire.web.settings import ServeSettings, check_tiles, load_token

    if not 0 < args.port < 65536:
        raise ConfigError("--port", f"not a TCP port: {args.port}")
    settings = ServeSettings(
        db=args.db,
        token=load_token(args.token_file),
        tiles=check_tiles(args.tiles) if args.tiles else None,
        tiles_attribution=args.tiles_attribution or "",
    )
    from frontwire.web.listen import listen_socket

    app = create_app(settings)
    sock = listen_socket(args.host, args.port)  # a port in use is an error before "serving on" is said
    mode = "read-write (POST /api/pages with the token)" if settings.writable else "read-only"
    print(
        f"frontwire: serving {args.db or 'the default database'} {mode} on http://{args.host}:{args.port}/",
        file=sys.stderr,
    )
    config = uvicorn.Config(app, log_level=args.log_level, access_log=args.access_log)
    uvicorn.Server(config).run(sockets=[sock])
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `serve` to a CLI's subparsers."""
    p = subparsers.add_parser(
        "serve",
        help="serve the JSON API and the web map",
        description=(
            "Serve the API (/api/…, /openapi.json) and the web map (/). Read-only unless a write token is"
            f" configured (--token-file or ${ENV_TOKEN})."
            " Example: frontwire serve --db example.sqlite --port 8000"
        ),
    )
    p.add_argument(
        "--db", help="database: a SQLite path, sqlite:///path or postgresql://… (default: data dir)"
    )
    p.add_argument("--host", default=DEFAULT_HOST, help=f"interface to listen on (default {DEFAULT_HOST})")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"TCP port (default {DEFAULT_PORT})")
    p.add_argument(
        "--token-file",
        help=f"file whose first line is the bearer token that enables POST /api/pages (or ${ENV_TOKEN})",
    )
    p.add_argument(
        "--tiles",
        help="online tile URL template, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png"
        " (default: offline country outlines only)",
    )
    p.add_argument("--tiles-attribution", help="attribution text shown for --tiles")
    p.add_argument(
        "--log-level", default="warning", choices=("critical", "error", "warning", "info", "debug")
    )
    p.add_argument("--access-log", action="store_true", help="log every request")
    p.set_defaults(func=cmd_serve)


def main(argv: list[str] | None = None) -> int:
    """Run `serve` on its own (`python -m frontwire.web.cli`)."""
    from frontwire.errors import FrontwireError

    parser = argparse.ArgumentParser(prog="frontwire")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except FrontwireError as exc:
        print(f"frontwire: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
