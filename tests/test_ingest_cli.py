"""`frontwire ingest` as a user runs it: a real process, a real SQLite file, killed and resumed."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from run_support import dump_sqlite

from frontwire.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "pages"
TOWNS = ["Kafr Nabudah", "Saraqib", "Maarat al-Numan", "Ariha", "Jisr al-Shughur", "Atarib"]


def _snippets(path: Path, n: int) -> Path:
    """n short reports in JSON lines, each a distinct event (different town, day and toll)."""
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            town = TOWNS[i % len(TOWNS)]
            text = (
                f"Government artillery shelled the town of {town} in Idlib province on March {i % 27 + 1}, "
                f"killing {i % 5 + 2} civilians, local rescue workers said. "
                "Several houses were destroyed in the shelling, according to the civil defence."
            )
            record = {"id": f"brief-{i}", "text": text, "published": "2024-03-28"}
            out.write(json.dumps(record) + "\n")
    return path


def _dump(db: Path) -> dict[str, list[tuple]]:
    return dump_sqlite(db)


def _ingest(db: Path, source: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "frontwire.cli", "ingest", "--jsonl", str(source), "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
        start_new_session=True,
    )


def _pages(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("SELECT COUNT(*) FROM pages").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def test_sigkill_mid_ingest_then_rerun_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    n = 150  # enough that storing them takes seconds, so the kill lands mid-write
    source = _snippets(tmp_path / "briefs.jsonl", n)
    killed = tmp_path / "killed.sqlite"
    proc = _ingest(killed, source)
    deadline = time.monotonic() + 240
    while _pages(killed) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert proc.poll() is None, "the ingest finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)  # the command and its worker process, as a crash would
    proc.wait(timeout=30)
    partial = _pages(killed)
    assert 3 <= partial < n
    rerun = _ingest(killed, source)
    assert rerun.wait(timeout=300) == 0, rerun.stderr.read() if rerun.stderr else ""
    clean = tmp_path / "clean.sqlite"
    once = _ingest(clean, source)
    assert once.wait(timeout=300) == 0
    assert _pages(killed) == n
    assert _dump(killed) == _dump(clean)


def test_ingest_twice_changes_no_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "examples.sqlite"
    assert main(["ingest", str(EXAMPLES), "--db", str(db)]) == 0
    first = _dump(db)
    assert first["pages"] and first["mentions"] and first["incidents"]
    assert "6 new" in capsys.readouterr().err
    assert main(["ingest", str(EXAMPLES), "--db", str(db)]) == 0
    assert "6 unchanged" in capsys.readouterr().err
    assert _dump(db) == first


def test_ingest_bad_db_is_a_clear_error_and_writes_nothing(tmp_path: Path, capsys) -> None:
    assert main(["ingest", str(EXAMPLES), "--db", "postgresql://nobody@127.0.0.1:1/none"]) == 1
    err = capsys.readouterr().err
    assert "error" in err and "127.0.0.1" in err
    readonly = tmp_path / "ro.sqlite"
    assert main(["ingest", str(EXAMPLES / "wire-briefs.jsonl"), "--db", str(readonly)]) == 0
    before = readonly.read_bytes()
    readonly.chmod(0o444)
    assert main(["ingest", str(EXAMPLES), "--db", str(readonly)]) == 1
    assert "read-only" in capsys.readouterr().err
    assert readonly.read_bytes() == before


def test_two_workers_store_exactly_what_one_worker_stores(tmp_path: Path) -> None:
    source = _snippets(tmp_path / "briefs.jsonl", 12)
    one, two = tmp_path / "one.sqlite", tmp_path / "two.sqlite"
    assert main(["ingest", "--jsonl", str(source), "--db", str(one)]) == 0
    assert main(["ingest", "--jsonl", str(source), "--db", str(two), "--workers", "2"]) == 0
    assert _dump(one) == _dump(two)
