"""Fault injection in the spirit of SQLite's crash tests: a scripted ingest is killed (SIGKILL of the one
writer, the `frontwire ingest` process) at points drawn from fixed seeds, resumed each time, and the
database it ends with must equal a clean run's, row for row, with every intermediate state intact.

Kill points are of two kinds: "after K pages are stored" (the writer is mid-way through the store),
and "T seconds after start" (which may land while the workers start, while they write their shards,
or while the writer loads them). Every seed is fixed, so a failure replays; the count is bounded so
that the suite runs in CI in well under two minutes.

The incidents must come out equal too: the merge is greedy and follows the order pages arrive in, so every
ingest ends by regrouping, in one canonical order, what it and any killed run before it wrote (the pending
list is written with each page). One worker keeps the runs short. Workers dying with the writer is tested
with the pool in tests/run/test_lifeline.py.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from run_support import dump_sqlite, session_pids

# Seeds of the kill points, one kill per seed, all against one database in turn.
SEEDS = (11, 23, 37, 41, 53, 67)
FILES, PER_FILE = 4, 30
# A time kill lands between these many seconds after start (start-up takes about 2-4 s here).
TIME_RANGE_S = (0.5, 8.0)
RUN_TIMEOUT_S = 300
TOWNS = ["Kafr Nabudah", "Saraqib", "Maarat al-Numan", "Ariha", "Jisr al-Shughur", "Atarib"]


def _crawl(root: Path) -> Path:
    root.mkdir()
    for f in range(FILES):
        with (root / f"part-{f}.jsonl").open("w", encoding="utf-8") as out:
            for i in range(PER_FILE):
                town = TOWNS[(f * PER_FILE + i) % len(TOWNS)]
                text = (
                    f"Government artillery shelled the town of {town} in Idlib province on March {i % 27 + 1}, "
                    f"killing {i % 5 + 2} civilians, local rescue workers said. Several houses were destroyed "
                    f"in the shelling of the {f}-{i} district, according to the civil defence."
                )
                record = {"id": f"brief-{f}-{i}", "text": text, "published": "2024-03-28"}
                out.write(json.dumps(record) + "\n")
    return root


def _start(crawl: Path, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "frontwire.cli", "ingest", str(crawl), "--db", str(db), "--workers", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=dict(os.environ),
        start_new_session=True,
    )


def _connect(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)


def _pages(db: Path) -> int:
    try:
        con = _connect(db)
        try:
            return con.execute("SELECT COUNT(*) FROM pages").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:  # not created yet
        return 0


def _intact(db: Path) -> None:
    """The file passes SQLite's integrity and foreign-key checks, and no page is stored half."""
    if not db.exists():
        return
    con = _connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "pages" in tables:
            orphans = con.execute(
                "SELECT COUNT(*) FROM pages p WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.page_id = p.id)"
            ).fetchone()[0]
            assert orphans == 0, "a page was stored without its article"
    finally:
        con.close()


def _session_empty(pid: int, within_s: float = 5.0) -> bool:
    end = time.monotonic() + within_s
    while (alive := session_pids(pid)) and time.monotonic() < end:
        time.sleep(0.1)
    for p in alive:
        os.kill(p, signal.SIGKILL)
    return not alive


def _kill_at(proc: subprocess.Popen[bytes], db: Path, kind: str, point: float) -> None:
    started = time.monotonic()
    deadline = started + RUN_TIMEOUT_S
    while proc.poll() is None and time.monotonic() < deadline:
        if kind == "pages" and _pages(db) >= point or kind == "time" and time.monotonic() - started >= point:
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.005)
    proc.wait(timeout=60)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")
def test_killed_and_resumed_ingests_end_equal_to_a_clean_run(tmp_path: Path) -> None:
    crawl = _crawl(tmp_path / "crawl")
    total = FILES * PER_FILE
    clean = tmp_path / "clean.sqlite"
    run = _start(crawl, clean)
    assert run.wait(timeout=RUN_TIMEOUT_S) == 0, run.stderr.read().decode() if run.stderr else ""
    expected = dump_sqlite(clean)
    assert len(expected["pages"]) == total

    db = tmp_path / "killed.sqlite"
    stored: list[int] = []
    for seed in SEEDS:
        rng = random.Random(seed)
        before = _pages(db)
        kind = rng.choice(("pages", "time")) if before < total - 2 else "time"
        point = rng.randint(before + 1, total - 1) if kind == "pages" else rng.uniform(*TIME_RANGE_S)
        proc = _start(crawl, db)
        _kill_at(proc, db, kind, point)
        assert _session_empty(proc.pid), f"seed {seed}: a process of the killed run outlived it"
        _intact(db)
        stored.append(_pages(db))
        assert stored[-1] >= before, f"seed {seed}: pages were lost ({before} -> {stored[-1]})"
    final = _start(crawl, db)
    assert final.wait(timeout=RUN_TIMEOUT_S) == 0, final.stderr.read().decode() if final.stderr else ""
    _intact(db)
    assert dump_sqlite(db) == expected, f"pages stored at each kill: {stored}"
