"""The command line: a thin layer that parses arguments and calls the library.

frontwire extract PATH... [--format json|jsonl|text] [-o FILE]
frontwire extract --jsonl FILE [-o FILE]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from frontwire.config import ARTICLE_JUDGE_THRESHOLD, DEFAULT, LLMEndpoint, Settings
from frontwire.errors import FrontwireError

EXTRACT_EXAMPLE = """\
examples:
  frontwire extract examples/pages/hama-shelling-wordpress.html
  frontwire extract examples/pages --format jsonl -o articles.jsonl
  frontwire extract https://example.org/news/story.html --format json
  frontwire extract --jsonl examples/pages/wire-briefs.jsonl -o results.jsonl
  frontwire extract page.html --format json --extractor openai-compatible \\
      --llm-url http://localhost:8000/v1 --llm-model qwen2.5-7b-instruct
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
    if getattr(args, "no_events", False):
        changes["events"] = False
    if getattr(args, "gazetteer", None) is not None:
        changes["gazetteer"] = args.gazetteer
    if getattr(args, "area_point", None) is not None:
        changes["area_point"] = args.area_point
    if getattr(args, "no_context_events", False):
        changes["context_events"] = False
    if getattr(args, "article_judge", None) is not None:
        changes["article_judge"] = args.article_judge
    if getattr(args, "no_event_filter", False):
        changes["event_filter"] = None
    if getattr(args, "actors", None):
        changes["actor_files"] = tuple(args.actors)
    if getattr(args, "identities", None):
        changes["identity_files"] = tuple(args.identities)
    if getattr(args, "extractor", None) is not None:
        changes["extractor"] = args.extractor
    if getattr(args, "llm_url", None) is not None and getattr(args, "llm_model", None) is not None:
        changes["llm"] = LLMEndpoint(base_url=args.llm_url, model=args.llm_model)
    return dataclasses.replace(DEFAULT, **changes)


def _extractor_usage(args: argparse.Namespace) -> str | None:
    """What is wrong with the extractor options, if anything."""
    name = getattr(args, "extractor", None)
    llm_options = getattr(args, "llm_url", None) is not None or getattr(args, "llm_model", None) is not None
    if name != "openai-compatible" and llm_options:
        return "--llm-url and --llm-model go with --extractor openai-compatible"
    if name is None:
        return None
    from frontwire.events.base import Registry

    known = Registry.default().names()
    if name not in known:
        return f"no event extractor named {name!r}; known: {', '.join(known)}"
    if name == "openai-compatible" and (args.llm_url is None or args.llm_model is None):
        return "--extractor openai-compatible needs --llm-url and --llm-model"
    return None


def cmd_extract(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Read the inputs, extract one article per page, write them out; failures go to stderr."""
    from frontwire.article import extract as extract_article
    from frontwire.ingest import read
    from frontwire.pipeline import Pipeline, prepare
    from frontwire.run.batch import BatchStats, run_batch
    from frontwire.run.gate import GatedPipeline
    from frontwire.run.output import write_results

    settings = _settings(args)
    _before_the_clock(settings, args, err)
    prepare(settings, announce=lambda message: print(f"frontwire: {message}", file=err, flush=True))
    if args.jsonl:
        pages = read(args.jsonl, settings, as_jsonl=True)
        fmt = args.format or "jsonl"
    else:
        pages = read(args.paths, settings)
        fmt = args.format or "text"
    stats = BatchStats()
    gate = not getattr(args, "no_gate", False)
    func = GatedPipeline(Pipeline(settings), gate=gate) if settings.events else extract_article
    results = run_batch(pages, settings, func, stats, workers=args.workers)
    for result in write_results(results, fmt, out):
        if result.error is not None:
            print(f"error: {result.error}", file=err, flush=True)
    by_stage = ", ".join(f"{stage} {n}" for stage, n in sorted(stats.failures.items()))
    events = f", {stats.events} events" if settings.events else ""
    if settings.events and gate:
        events += f", {stats.gated} not coded by the relevance gate (--no-gate codes them)"
    summary = f"{stats.inputs} inputs, {stats.articles} articles{events}, {stats.failed} failed"
    if not args.quiet:
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
    _add_reading_options(p)
    p.add_argument("--no-events", action="store_true", help="articles only: skip event coding and geocoding")
    p.add_argument(
        "--no-gate", action="store_true", help="code every page, not only those with a conflict cue"
    )
    p.set_defaults(run=cmd_extract)


def _add_reading_options(p: argparse.ArgumentParser) -> None:
    """Options shared by every command that reads pages."""
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
    p.add_argument("--outlets", type=Path, metavar="FILE", help="an extra outlet registry file (TOML)")
    p.add_argument(
        "--actors", type=Path, action="append", metavar="FILE", help="an extra actor dictionary (TOML)"
    )
    p.add_argument(
        "--identities",
        type=Path,
        action="append",
        metavar="FILE",
        help="extra identities of victims or demonstrators (TOML, like data/events/identities.toml)",
    )
    p.add_argument(
        "--gazetteer", type=Path, metavar="PATH", help="gazetteer index (default: in the data directory)"
    )
    p.add_argument(
        "--area-point",
        choices=("seat", "centre"),
        help="where an event known only by its province or country is put: its capital, as ACLED codes it "
        "(default), or its centre, as UCDP GED does",
    )
    p.add_argument(
        "--no-context-events",
        action="store_true",
        help="leave out events told only as context: first told after an article's lead and placed no finer "
        "than a region (more precision, less recall; see events/context_events.py)",
    )
    p.add_argument(
        "--article-judge",
        action="store_const",
        const=ARTICLE_JUDGE_THRESHOLD,
        help="drop the events of a whole article (100+ words) the article judge gives a probability below "
        f"{ARTICLE_JUDGE_THRESHOLD} of reporting a codable event (off by default: it also drops real strikes "
        "told as casualty narratives; see events/learned/article_filter.py)",
    )
    p.add_argument(
        "--no-event-filter",
        action="store_true",
        help="keep every event the coder yields: without it, an event of a whole article (100+ words) the "
        "event filter judges unlikely to be one a person would code is left out (see "
        "events/learned/event_filter.py)",
    )
    p.add_argument("--no-robots", action="store_true", help="do not check robots.txt before fetching URLs")
    p.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar or summary line on stderr (errors are still printed)",
    )
    p.add_argument(
        "--extractor",
        metavar="NAME",
        help=f"event extractor (default {DEFAULT.extractor}, offline); openai-compatible codes with a chat "
        "model, e.g. --extractor openai-compatible --llm-url http://localhost:8000/v1 --llm-model qwen2.5-7b",
    )
    p.add_argument(
        "--llm-url",
        metavar="URL",
        help="with --extractor openai-compatible: the endpoint's base URL (vLLM, llama.cpp server, Ollama); "
        "the API key, if any, is read from $FRONTWIRE_LLM_API_KEY",
    )
    p.add_argument("--llm-model", metavar="NAME", help="with --extractor openai-compatible: the model name")
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="pages processed side by side (default 1; ingest: the number of cores)",
    )


INGEST_EXAMPLE = """\
examples:
  frontwire ingest examples/pages
  frontwire ingest crawl/*.warc.gz --db postgresql://frontwire@localhost/frontwire --workers 2
  frontwire ingest --jsonl snippets.jsonl --db events.sqlite

Each page is stored in its own transaction; re-running the same command stores nothing twice.
Exit status: 0 when every input was stored, 1 when any failed, 2 on bad usage."""


def _before_the_clock(settings: Settings, args: argparse.Namespace, err: TextIO) -> None:
    """Check the user's files and endpoint, then build the gazetteer on a first run (with its own
    progress), so that neither a bad option's error nor the build waits for, or counts in, the run."""
    from frontwire.preflight import check_settings
    from frontwire.run.progress import ensure_gazetteer

    check_settings(settings)
    ensure_gazetteer(settings, err, quiet=getattr(args, "quiet", False))


def cmd_ingest(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """pages → articles → events → places → store, with a progress bar and a summary."""
    from frontwire.run.ingest import ingest
    from frontwire.run.progress import Bar, estimate_pages

    settings = _settings(args)
    _before_the_clock(settings, args, err)
    total = estimate_pages(args.paths, args.jsonl or ())
    progress = Bar(err, desc="ingest", unit="page", total=total, quiet=args.quiet)

    def on_result(result, stats) -> None:  # noqa: ANN001 - Result, IngestStats
        if result.error is not None:
            progress.write(f"error: {result.error}")
        progress.advance_to(stats.batch.inputs, status=f"{stats.batch.events} events, {stats.failed} failed")

    workers = args.workers or os.cpu_count() or 1
    stats = ingest(
        args.paths,
        args.db,
        settings,
        workers,
        on_result,
        announce=progress.say,
        jsonl=args.jsonl or (),
        engine=args.engine,
        address=args.address,
        work_dir=args.work_dir,
        gate=not args.no_gate,
    )
    progress.close(summary=stats.line())
    return 1 if stats.failed or stats.batch.inputs == 0 else 0


def _add_ingest(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "ingest",
        help="pages → articles → events → places → the database",
        description="Read news pages and store their articles, comments and ACLED-coded events, "
        "geocoded and merged into incidents across outlets.",
        epilog=INGEST_EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "paths", nargs="*", metavar="PATH", help="files, directories, http(s) URLs, or - for stdin"
    )
    p.add_argument("--jsonl", action="append", metavar="FILE", help="also read FILE as JSON lines")
    p.add_argument(
        "--db", help="database: a SQLite path, sqlite:///path or postgresql://… (default: the data directory)"
    )
    _add_reading_options(p)
    p.add_argument(
        "--engine",
        choices=("local", "ray"),
        default="local",
        help="where input files run, one shard per file: local processes (default) or Ray",
    )
    p.add_argument(
        "--address", metavar="ADDR", help="with --engine ray: a Ray cluster to join (default: start one)"
    )
    p.add_argument(
        "--work-dir",
        type=Path,
        metavar="DIR",
        help="keep shard outputs and markers in DIR (default: shards/ in the data directory, each shard "
        "removed once its pages are stored)",
    )
    p.add_argument(
        "--no-gate", action="store_true", help="code every page, not only those with a conflict cue"
    )
    p.set_defaults(run=cmd_ingest, no_events=False, workers=0)  # ingest: --workers defaults to the cores


def _add_store_commands(commands: argparse._SubParsersAction) -> None:
    from frontwire.store.cli import register

    register(commands)


def _add_gazetteer(commands: argparse._SubParsersAction) -> None:
    from frontwire.geo.cli import register

    register(commands)


def _add_serve(commands: argparse._SubParsersAction) -> None:
    from frontwire.web.cli import register

    register(commands)


def _add_watch(commands: argparse._SubParsersAction) -> None:
    from frontwire.watch.cli import register

    register(commands)


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


COMMANDS: tuple[Callable[[argparse._SubParsersAction], None], ...] = (
    _add_extract,
    _add_ingest,
    _add_store_commands,
    _add_gazetteer,
    _add_serve,
    _add_watch,
)


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
    if args.command in ("extract", "ingest") and not args.paths and not args.jsonl:
        print(f"frontwire {args.command}: error: give at least one PATH or --jsonl FILE", file=sys.stderr)
        return 2
    problem = _extractor_usage(args)
    if problem is not None:
        print(f"frontwire {args.command}: error: {problem}", file=sys.stderr)
        return 2
    try:
        if not hasattr(args, "run"):  # store and gazetteer commands: handler(args) -> status
            return args.func(args)
        if getattr(args, "output", None) is None:
            return args.run(args, sys.stdout, sys.stderr)
        with args.output.open("w", encoding="utf-8") as out:
            return args.run(args, out, sys.stderr)
    except FrontwireError as exc:
        print(f"frontwire {args.command}: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader went away (e.g. `| head`): stop quietly
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print(f"frontwire {args.command}: interrupted; every page stored so far is complete", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
