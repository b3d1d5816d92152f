"""The command line: a thin layer that parses arguments and calls the library.

frontwire extract PATH... [--format json|jsonl|text] [-o FILE]
frontwire extract --jsonl FILE [-o FILE]
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from frontwire.config import DEFAULT, Settings

EXTRACT_EXAMPLE = """\
examples:
  frontwire extract examples/pages/hama-shelling-wordpress.html
  frontwire extract examples/pages --format jsonl -o articles.jsonl
  frontwire extract https://example.org/news/story.html --format json
  frontwire extract --jsonl examples/pages/wire-briefs.jsonl -o results.jsonl
  cat page.html | frontwire extract -

Inputs: .txt (plain text), .html/.htm, .warc, .jsonl ({"id","url","html" or "text","published"}
per line), each optionally .gz; directories (recursive); http(s) URLs; "-" for stdin.
Exit status: 0 when every input gave an article, 1 when any failed (one line each on stderr),
2 on bad usage."""


def _settings(args: argparse.Namespace) -> Settings:
    changes: dict[str, object] = {}
    if args.timeout is not None:
        changes["page_timeout_s"] = args.timeout
    if args.max_bytes is not None:
        changes["max_page_bytes"] = args.max_bytes
    if args.no_robots:
        changes["respect_robots"] = False
    if args.outlets is not None:
        changes["outlets_file"] = args.outlets
    return dataclasses.replace(DEFAULT, **changes)


def cmd_extract(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Read the inputs, extract one article per page, write them out; failures go to stderr."""
    from frontwire.ingest import read
    from frontwire.run.batch import BatchStats, run_batch
    from frontwire.run.output import write_results

    settings = _settings(args)
    if args.jsonl:
        pages = read(args.jsonl, settings, as_jsonl=True)
        fmt = args.format or "jsonl"
    else:
        pages = read(args.paths, settings)
        fmt = args.format or "text"
    stats = BatchStats()
    for result in write_results(run_batch(pages, settings, stats=stats), fmt, out):
        if result.error is not None:
            print(f"error: {result.error}", file=err, flush=True)
    by_stage = ", ".join(f"{stage} {n}" for stage, n in sorted(stats.failures.items()))
    summary = f"{stats.inputs} inputs, {stats.articles} articles, {stats.failed} failed"
    print(f"frontwire: {summary}" + (f" ({by_stage})" if by_stage else ""), file=err)
    return 1 if stats.failed or stats.inputs == 0 else 0


def _add_extract(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "extract",
        help="pages → articles (title, outlet, date, authors, captions, body, comments)",
        description="Read news pages and print the article in each: body paragraphs with the site's "
        "chrome dropped, and reader comments kept apart.",
        epilog=EXTRACT_EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "paths", nargs="*", metavar="PATH", help="files, directories, http(s) URLs, or - for stdin"
    )
    p.add_argument(
        "--jsonl",
        action="append",
        metavar="FILE",
        help="batch mode: read FILE as JSON lines and write one JSON line per input with id, article, "
        "error (repeatable; - for stdin)",
    )
    p.add_argument(
        "--format",
        choices=("json", "jsonl", "text"),
        help="output format (default: text; jsonl with --jsonl)",
    )
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument(
        "--timeout",
        type=float,
        metavar="SECONDS",
        help=f"per-page time limit (default {DEFAULT.page_timeout_s:g}; 0 = none)",
    )
    p.add_argument(
        "--max-bytes",
        type=int,
        metavar="N",
        help=f"page size cap in bytes (default {DEFAULT.max_page_bytes:,})",
    )
    p.add_argument("--outlets", type=Path, metavar="FILE", help="an extra outlet registry file")
    p.add_argument("--no-robots", action="store_true", help="do not check robots.txt before fetching URLs")
    p.set_defaults(run=cmd_extract)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="frontwire",
        description="Raw news pages in, a geocoded, source-aware database of conflict events out.",
        epilog="example:\n  frontwire extract examples/pages\n\n"
        "Run 'frontwire COMMAND --help' for a command's options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version="%(prog)s " + _version())
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for add in COMMANDS:
        add(commands)
    return parser


COMMANDS: tuple[Callable[[argparse._SubParsersAction], None], ...] = (_add_extract,)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("frontwire")
    except PackageNotFoundError:
        return "unknown"


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `frontwire` command; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    if args.command == "extract" and not args.paths and not args.jsonl:
        print("frontwire extract: error: give at least one PATH or --jsonl FILE", file=sys.stderr)
        return 2
    if args.output is None:
        return args.run(args, sys.stdout, sys.stderr)
    with args.output.open("w", encoding="utf-8") as out:
        return args.run(args, out, sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
