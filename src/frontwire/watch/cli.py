"""`frontwire watch`: parse the options, load the sources, run `frontwire.watch.watch`."""

from __future__ import annotations

import argparse
from pathlib import Path

from frontwire.watch.sources import DEFAULT_INTERVAL_S, MIN_INTERVAL_S

WATCH_EXAMPLE = """\
examples:
  frontwire watch --db frontwire.sqlite --feed https://northern-desk.example/feed.xml --interval 60
  frontwire watch --db frontwire.sqlite --feed https://t.me/s/idlib_now --feed https://wire.example/news-sitemap.xml
  frontwire watch --db frontwire.sqlite --sources sources.toml
  frontwire watch --db frontwire.sqlite --sources sources.toml --once     # one poll of each, then exit

Sources: RSS and Atom feeds, sitemaps (news sitemaps and indexes too), public Telegram channel previews
(https://t.me/s/<channel>), and in a sources file, plain URLs to re-check (see frontwire.watch.sources).
Every new or changed item goes through the same pipeline as `frontwire ingest` into the same database;
`frontwire serve` on that database streams the incidents live (/api/stream) and shows source health.
The watcher's state (seen items, validators, failures) is in the database: stop it any time (even
kill -9) and start it again to resume. Exit status (with --once): 0 when every source and item was
read, 1 otherwise."""


def cmd_watch(args: argparse.Namespace, out, err) -> int:  # noqa: ANN001 - TextIO
    """Watch until interrupted (or once), one line per poll problem and per stored item."""
    from frontwire.cli import _settings
    from frontwire.watch.run import watch
    from frontwire.watch.sources import from_urls, load

    if args.interval is not None and args.interval < MIN_INTERVAL_S:
        print(f"frontwire watch: error: --interval must be at least {MIN_INTERVAL_S:g} s", file=err)
        return 2
    if not args.feed and args.sources is None:
        print("frontwire watch: error: give at least one --feed URL or --sources FILE", file=err)
        return 2
    interval = args.interval or DEFAULT_INTERVAL_S
    sources = from_urls(args.feed or [], interval)
    if args.sources is not None:
        sources += load(args.sources, args.interval)

    def say(line: str) -> None:
        print(f"frontwire: {line}", file=err, flush=True)

    names = ", ".join(s.name for s in sources)
    say(f"watching {len(sources)} source(s) into {args.db or 'the default database'}: {names}")
    polls, ingested = watch(sources, args.db, _settings(args), once=args.once, report=say, announce=say)
    say(f"{polls.line()}; {ingested.line()}")
    return 1 if args.once and (polls.poll_errors or polls.item_errors) else 0


def register(commands: argparse._SubParsersAction) -> None:
    """Add `watch` to the CLI's subcommands."""
    from frontwire.cli import _add_reading_options

    p = commands.add_parser(
        "watch",
        help="poll feeds, sitemaps and channels; store every new item as ingest does",
        description="Watch news sources as they publish and send every new or updated item through the "
        "ingest pipeline into the database, politely (conditional GETs, robots.txt, a gap per host) and "
        "durably (state in the database).",
        epilog=WATCH_EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--db", help="database: a SQLite path, sqlite:///path or postgresql://… (default: the data directory)"
    )
    p.add_argument(
        "--feed",
        action="append",
        metavar="URL",
        help="a feed, sitemap or https://t.me/s/<channel> page to watch (repeat for more)",
    )
    p.add_argument(
        "--sources", type=Path, metavar="FILE", help="a TOML file of sources (frontwire.watch.sources)"
    )
    p.add_argument(
        "--interval",
        type=float,
        metavar="SECONDS",
        help=f"seconds between polls of a source (default {DEFAULT_INTERVAL_S:g}; or as a sources file says)",
    )
    p.add_argument("--once", action="store_true", help="poll each source once, store what it lists, exit")
    _add_reading_options(p)
    p.set_defaults(run=cmd_watch, paths=None, jsonl=None)
