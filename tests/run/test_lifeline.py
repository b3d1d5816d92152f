"""Workers die with `frontwire ingest`: five seconds after it is killed (SIGKILL or SIGTERM), no process
of its run is left, and Ctrl-C prints one line, without a worker's traceback. Real processes throughout."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from run_support import session_pids

# What the bar allows between the kill and the last process of the run being gone.
GONE_WITHIN_S = 5.0
# Processes of a busy run: the command, the fork server, two pool workers, their page workers.
BUSY_PROCESSES = 5
TOWNS = ["Kafr Nabudah", "Saraqib", "Maarat al-Numan", "Ariha", "Jisr al-Shughur", "Atarib"]


def _crawl(root: Path, files: int, per_file: int) -> Path:
    """`files` JSON-lines files of distinct shelling reports: work for a few seconds per worker."""
    root.mkdir()
    for f in range(files):
        with (root / f"part-{f}.jsonl").open("w", encoding="utf-8") as out:
            for i in range(per_file):
                town = TOWNS[(f + i) % len(TOWNS)]
                text = (
                    f"Government artillery shelled the town of {town} in Idlib province on March "
                    f"{i % 27 + 1}, killing {i % 5 + 2} civilians, local rescue workers said in report {f}-{i}."
                )
                out.write(json.dumps({"id": f"r{f}-{i}", "text": text, "published": "2024-03-28"}) + "\n")
    return root


def _start(tmp_path: Path, crawl: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "frontwire.cli",
            "ingest",
            str(crawl),
            "--db",
            str(tmp_path / "run.sqlite"),
            "--workers",
            "2",
            "--work-dir",
            str(tmp_path / "shards"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
        start_new_session=True,
    )


def _wait_busy(proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 180
    while len(session_pids(proc.pid)) < BUSY_PROCESSES and time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        time.sleep(0.1)
    assert len(session_pids(proc.pid)) >= BUSY_PROCESSES, "the run never got its workers going"
    time.sleep(1.0)  # into the shards
    assert proc.poll() is None, "the run finished before it could be killed"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_no_process_of_the_run_outlives_a_killed_ingest(tmp_path: Path, sig: signal.Signals) -> None:
    proc = _start(tmp_path, _crawl(tmp_path / "crawl", files=4, per_file=200))
    try:
        _wait_busy(proc)
        os.kill(proc.pid, sig)  # the command alone, as `kill` or the OOM killer would
        proc.wait(timeout=30)
        killed_at = time.monotonic()
        left = session_pids(proc.pid)
        while left and time.monotonic() - killed_at < GONE_WITHIN_S:
            time.sleep(0.1)
            left = session_pids(proc.pid)
        assert left == [], f"processes still running {GONE_WITHIN_S:g} s after the kill: {left}"
    finally:
        for pid in session_pids(proc.pid):
            os.kill(pid, signal.SIGKILL)


# When Ctrl-C comes, as (processes the run has by then, seconds after that): its fork server and first
# worker starting; every worker's fork server importing spaCy and the gazetteer; the workers mid-shard.
# Each of these printed a worker's or a fork server's traceback before.
MOMENTS = [(4, 0.0), (7, 0.0), (7, 1.5)]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")
@pytest.mark.parametrize("processes, after", MOMENTS)
def test_ctrl_c_prints_one_line_and_no_traceback(tmp_path: Path, processes: int, after: float) -> None:
    proc = _start(tmp_path, _crawl(tmp_path / "crawl", files=4, per_file=200))
    try:
        deadline = time.monotonic() + 120
        while len(session_pids(proc.pid)) < processes and time.monotonic() < deadline:
            assert proc.poll() is None
            time.sleep(0.02)
        time.sleep(after)
        os.killpg(proc.pid, signal.SIGINT)  # what a terminal sends on Ctrl-C: the whole group
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 130, err
        assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
        assert err.splitlines()[-1] == "frontwire ingest: interrupted; every page stored so far is complete"
        assert sum("interrupted" in line for line in err.splitlines()) == 1
        deadline = time.monotonic() + GONE_WITHIN_S
        while session_pids(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert session_pids(proc.pid) == []
    finally:
        for pid in session_pids(proc.pid):
            os.kill(pid, signal.SIGKILL)
