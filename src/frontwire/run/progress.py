"""Progress of long work (ingest, the gazetteer build, exports) as a user sees it on stderr.

On a terminal: a tqdm bar with the count, the rate and, when the total is known, the ETA. On any other
stream (a log file, a pipe, CI): nothing while the work runs, then one summary line. `quiet` turns both
off; errors are printed by the callers whatever `quiet` says.

    bar = Bar(sys.stderr, desc="ingest", unit="page", total=estimate_pages(paths))
    bar.advance_to(stats.batch.inputs, status="3 failed")
    bar.close(summary="436 pages (18.2/s), ...")   # the summary is the one line off a terminal

tqdm was chosen over rich: it is maintained, has no dependencies of its own, and draws one line on a
plain stream; rich's live display would be a second terminal layer beside the uvicorn and worker logs.
"""

from __future__ import annotations

import gzip
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final, TextIO

from frontwire.config import Settings

# Redraw at most this often: a fast batch must not spend its time writing to the terminal.
REDRAW_EVERY_S: Final = 0.2
# Counting the lines of JSON-lines inputs for the bar's total stops past this many bytes per file: an
# ETA is not worth reading gigabytes twice (the bar then shows the count and the rate without an ETA).
COUNT_LINES_UP_TO_BYTES: Final = 64 * 1024 * 1024


def is_terminal(stream: TextIO) -> bool:
    return bool(getattr(stream, "isatty", lambda: False)())


class Bar:
    """A progress bar on a terminal; silent elsewhere until `close` writes one summary line."""

    def __init__(
        self,
        stream: TextIO,
        *,
        desc: str,
        unit: str,
        total: int | None = None,
        quiet: bool = False,
    ) -> None:
        self.stream = stream
        self.quiet = quiet
        self.live = not quiet and is_terminal(stream)
        self.started = time.monotonic()
        self.count = 0
        self._bar: Any = None
        if self.live:
            from tqdm import tqdm

            self._bar = tqdm(
                total=total,
                desc=desc,
                unit=unit,
                file=stream,
                mininterval=REDRAW_EVERY_S,
                dynamic_ncols=True,
                leave=False,
            )

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started

    def advance(self, n: int = 1) -> None:
        self.advance_to(self.count + n)

    def advance_to(self, count: int, status: str | None = None) -> None:
        """Set the bar to `count` done; `status` is shown after it (e.g. "2 failed")."""
        step, self.count = count - self.count, count
        if self._bar is None:
            return
        if status is not None:
            self._bar.set_postfix_str(status, refresh=False)
        if step > 0:
            self._bar.update(step)

    def progress(self, done: int, total: int) -> None:
        """A `progress(done, total)` callback for library functions: sets the total, then the count."""
        if self._bar is not None and self._bar.total != total:
            self._bar.total = total
            self._bar.refresh()
        self.advance_to(done)

    def say(self, message: str) -> None:
        """A notice above the bar ("frontwire: ..."); printed even when quiet."""
        self.write(f"frontwire: {message}")

    def write(self, line: str) -> None:
        """A line above the bar (an error), as given; printed even when quiet."""
        if self._bar is not None:
            self._bar.write(line, file=self.stream)
        else:
            self.stream.write(line + "\n")
            self.stream.flush()

    def close(self, summary: str | None = None) -> None:
        """Remove the bar and write `summary` (unless quiet)."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None
        if summary and not self.quiet:
            self.stream.write(f"frontwire: {summary}\n")
            self.stream.flush()

    def __enter__(self) -> Bar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def counted(items: Iterable[Any], bar: Bar) -> Iterable[Any]:
    """`items`, advancing `bar` by one for each."""
    for item in items:
        yield item
        bar.advance()


def estimate_pages(inputs: Iterable[str], jsonl: Iterable[str] = ()) -> int | None:
    """How many pages the inputs hold, for the bar's ETA; None when that cannot be known cheaply
    (stdin, WARC archives, a JSON-lines file over `COUNT_LINES_UP_TO_BYTES`)."""
    from frontwire.ingest import READERS, reader_for

    line_readers = {READERS[".jsonl"], READERS[".ndjson"]}
    total = 0
    for item in inputs:
        if item == "-":
            return None
        if "://" in item:
            total += 1
            continue
        path = Path(item)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if path.is_dir() and any(part.startswith(".") for part in file.relative_to(path).parts):
                continue
            reader = reader_for(file)
            if reader is None and path.is_dir():
                continue  # the directory walk skips files of unknown extensions
            if reader is READERS[".warc"]:
                return None
            n = _lines(file) if reader in line_readers else 1
            if n is None:
                return None
            total += n
    for item in jsonl:
        n = None if item == "-" else _lines(Path(item))
        if n is None:
            return None
        total += n
    return total


def _lines(path: Path) -> int | None:
    """Non-empty lines of a (possibly gzipped) JSON-lines file; None when too large or unreadable."""
    try:
        if path.stat().st_size > COUNT_LINES_UP_TO_BYTES:
            return None
        opener = gzip.open if path.suffix.lower() == ".gz" else open
        with opener(path, "rb") as fh:
            return sum(1 for line in fh if line.strip())
    except OSError:
        return None


# Share (in percent) of a whole-world gazetteer build that each phase takes, so that the bar's rate and ETA
# mean something although only the "places" phase reports as it goes. Set from one timed build on the
# shared 2-core development machine: reading cities 10 s, admin names 21 s, writing places 155 s,
# indexes 7 s (193 s in all); a build for a few countries has the same shape.
BUILD_PHASES: Final = (("cities", 5), ("admin", 11), ("places", 80), ("indexes", 4))


def build_gazetteer(
    path: Path,
    stream: TextIO,
    *,
    quiet: bool = False,
    countries: tuple[str, ...] = (),
    summary: bool = True,
) -> dict[str, float]:
    """Build the offline gazetteer at `path` with a bar (percent, rate, ETA) and, with `summary`, one
    line when done."""
    from frontwire.geo.builtin import build_builtin

    bar = Bar(stream, desc="gazetteer", unit="%", total=100, quiet=quiet)
    before: dict[str, int] = {}
    done_share = 0
    for phase, share in BUILD_PHASES:
        before[phase] = done_share
        done_share += share
    weights = dict(BUILD_PHASES)

    def on_phase(phase: str, done: int, total: int) -> None:
        fraction = done / total if total else 1.0
        bar.advance_to(round(before.get(phase, 0) + weights.get(phase, 0) * fraction), status=phase)

    with bar:
        stats = build_builtin(path, countries=countries, progress=on_phase)
        places = int(stats["places"])
        line = f"gazetteer index built at {path}: {places:,} places in {stats['seconds']} s"
        bar.close(summary=line if summary else None)
    return stats


def ensure_gazetteer(settings: Settings, stream: TextIO, *, quiet: bool = False) -> None:
    """Build the default gazetteer (first run only) before a command's own work and its clock start."""
    if not settings.events:
        return
    from frontwire.geo import default_index_path

    path = settings.gazetteer or default_index_path()
    if path.exists():
        return
    if not quiet:
        stream.write(f"frontwire: building the gazetteer index at {path} (first run only, about a minute)\n")
    build_gazetteer(path, stream, quiet=quiet)
