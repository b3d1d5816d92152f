"""Progress as a user sees it on stderr: a bar with rate and ETA on a terminal (a real pseudo-terminal),
one summary line elsewhere, nothing with --quiet; a first run's rate does not count the gazetteer build."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from frontwire.run.progress import estimate_pages

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "pages"
# tqdm's bar: "ingest:  50%|█████     | 3/6 [00:01<00:01, 2.10page/s, ...]" (or "s/page" when slow).
BAR = re.compile(r"\|\s*\d+/\d+ \[\d\d:\d\d<\d\d:\d\d, [\d.]+(page/s|s/page)")
SUMMARY = re.compile(r"(?:^|\r)frontwire: (\d+) pages \(([\d.]+)/s\)", re.M)


def _run(args: list[str], *, terminal: bool, env: dict | None = None, timeout: float = 600) -> tuple[int, str]:
    """Run `frontwire ARGS` with stderr on a pseudo-terminal (or a pipe); its exit status and stderr."""
    cmd = [sys.executable, "-m", "frontwire.cli", *args]
    full_env = {**os.environ, **(env or {})}
    if not terminal:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=full_env)
        return done.returncode, done.stderr
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 160, 0, 0))
    proc = subprocess.Popen(
        cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave, env=full_env
    )
    os.close(slave)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return proc.wait(timeout=60), b"".join(chunks).decode("utf-8", "replace")


def test_estimate_counts_files_and_json_lines() -> None:
    jsonl = sum(1 for line in (EXAMPLES / "wire-briefs.jsonl").read_text().splitlines() if line.strip())
    assert estimate_pages([str(EXAMPLES)]) == len(list(EXAMPLES.iterdir())) - 1 + jsonl
    assert estimate_pages(["-"]) is None


def test_ingest_on_a_terminal_shows_a_bar_with_rate_and_eta(tmp_path: Path) -> None:
    status, err = _run(["ingest", str(EXAMPLES), "--db", str(tmp_path / "t.sqlite")], terminal=True)
    assert status == 0, err
    assert BAR.search(err), err
    assert SUMMARY.search(err), err


def test_ingest_elsewhere_writes_one_summary_line(tmp_path: Path) -> None:
    status, err = _run(["ingest", str(EXAMPLES), "--db", str(tmp_path / "t.sqlite")], terminal=False)
    assert status == 0, err
    assert err.count("\n") == 1 and err.startswith("frontwire: ") and SUMMARY.match(err) and "\r" not in err, err


@pytest.mark.parametrize("terminal", [True, False])
def test_quiet_turns_progress_off(tmp_path: Path, terminal: bool) -> None:
    status, err = _run(["ingest", str(EXAMPLES), "--db", str(tmp_path / "t.sqlite"), "-q"], terminal=terminal)
    assert status == 0 and err.strip() == "", err
    status, err = _run(["export", "--db", str(tmp_path / "t.sqlite"), "--quiet"], terminal=terminal)
    assert status == 0 and "wrote" not in err and "%|" not in err, err


def test_export_reports_what_it_wrote(tmp_path: Path) -> None:
    db = str(tmp_path / "t.sqlite")
    assert _run(["ingest", str(EXAMPLES), "--db", db, "-q"], terminal=False)[0] == 0
    status, err = _run(["export", "--db", db, "--format", "geojson", "--out", str(tmp_path / "o.json")], terminal=False)
    assert status == 0 and re.search(r"^frontwire: wrote \d+ incidents to .*o\.json in [\d.]+ s$", err, re.M), err
    status, err = _run(["export", "--db", db, "--format", "geojson", "--out", str(tmp_path / "o.json")], terminal=True)
    # A bar over the incidents written, with their total (too fast here for an ETA to be drawn).
    assert status == 0 and re.search(r"export: +\d+%\|.*\| \d+/\d+ \[\d\d:\d\d<", err), err


def test_first_ingest_builds_the_gazetteer_with_its_own_bar_before_the_clock(tmp_path: Path) -> None:
    """A data directory with no gazetteer: the build shows its own bar, and the ingest's rate is the
    pages over the ingest's own time (the build takes far longer than these few pages)."""
    env = {"FRONTWIRE_DATA": str(tmp_path / "data")}
    started = time.monotonic()
    status, err = _run(["ingest", str(EXAMPLES), "--db", str(tmp_path / "t.sqlite")], terminal=True, env=env)
    wall = time.monotonic() - started
    assert status == 0, err
    assert re.search(r"gazetteer: +\d+%\|.*\[\d\d:\d\d<\d\d:\d\d", err), err
    built = re.search(r"gazetteer index built at .*: [\d,]+ places in ([\d.]+) s", err)
    assert built, err
    pages, rate = (float(x) for x in SUMMARY.search(err).groups())
    ingest_seconds = pages / rate
    assert ingest_seconds < wall - 0.8 * float(built.group(1)), (ingest_seconds, wall, built.group(1))
