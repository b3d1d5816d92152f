"""Hostile input through the real command, into a real SQLite file: a bad line is that line's error and the
rest goes on; one text is one page however it arrives; --no-gate reaches file inputs; shards do not pile up."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from frontwire.config import Settings
from frontwire.run.engines import make_engine
from frontwire.run.shards import plan

ROOT = Path(__file__).resolve().parents[1]
STORY = ROOT / "examples" / "pages" / "idlib-clashes-crawl.txt"
GOOD = (
    "Government artillery shelled the town of Saraqib in Idlib province on March 3, killing four civilians, "
    "local rescue workers said."
)
# A lone surrogate, 100,000-deep nesting and a 5,000-digit number: each once took the whole batch down.
HOSTILE = [
    '{"text": "Shelling \\ud800 killed two."}',
    '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}",
    '{"text": "Clashes.", "n": ' + "9" * 5_000 + "}",
]
COOKING = (
    "How to bake a sourdough loaf at home\n\n"
    "Feed the starter the evening before and leave it somewhere warm overnight. In the morning, mix the "
    "flour and water and let the dough rest for an hour before adding the salt.\n\n"
    "Fold the dough every half hour for three hours, then shape it and let it rise in a basket. Bake it "
    "in a covered pot in a hot oven for twenty minutes, then uncover it until the crust is deep brown.\n"
)


def _frontwire(
    *args: str, cwd: Path | None = None, stdin: bytes | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "frontwire.cli", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=dict(os.environ),
        timeout=600,
    )


def _hostile_file(path: Path) -> Path:
    lines = [*HOSTILE, json.dumps({"id": "good", "text": GOOD, "published": "2024-03-04"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _rows(db: Path, sql: str) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _errors(stderr: str, name: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith(f"error: {name}")]


def test_hostile_lines_are_one_error_each_in_extract(tmp_path: Path) -> None:
    path = _hostile_file(tmp_path / "bad.jsonl")
    proc = _frontwire("extract", "--jsonl", str(path), "--format", "jsonl")
    err = proc.stderr.decode()
    assert proc.returncode == 1 and "Traceback" not in err
    errors = _errors(err, str(path))
    assert [e.split(": ", 2)[1] for e in errors] == [f"{path}#L{n}" for n in (1, 2, 3)]
    assert "lone UTF-16 surrogate" in errors[0]
    assert "nested too deeply" in errors[1]
    assert "longer than 4,300 digits" in errors[2]
    records = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert len(records) == 4
    assert records[3]["id"] == "good" and records[3]["article"] is not None and records[3]["events"]


@pytest.mark.parametrize("how", ["file", "jsonl", "stdin"])
def test_hostile_lines_are_one_error_each_in_ingest(tmp_path: Path, how: str) -> None:
    """As a file (a shard on the pool), as --jsonl FILE (a shard too) and as --jsonl - (page by page)."""
    path = _hostile_file(tmp_path / "bad.jsonl")
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"id": "other", "text": GOOD.replace("four", "two")}) + "\n")
    db = tmp_path / "run.sqlite"
    if how == "file":
        proc = _frontwire("ingest", str(path), str(other), "--db", str(db))
    elif how == "jsonl":
        proc = _frontwire("ingest", "--jsonl", str(path), "--jsonl", str(other), "--db", str(db))
    else:
        proc = _frontwire("ingest", "--jsonl", "-", str(other), "--db", str(db), stdin=path.read_bytes())
    err = proc.stderr.decode()
    name = "<stdin>" if how == "stdin" else str(path)
    assert proc.returncode == 1 and "Traceback" not in err, err
    errors = _errors(err, name)
    assert [e.split(": ", 2)[1] for e in errors] == [f"{name}#L{n}" for n in (1, 2, 3)], err
    assert sorted(r[0] for r in _rows(db, "SELECT source FROM pages")) == sorted(
        [f"{name}#L4", f"{other}#L1"]
    )
    # every re-run gives the same errors and stores nothing twice
    again = _frontwire("ingest", str(path), str(other), "--db", str(db)) if how == "file" else None
    if again is not None:
        assert again.returncode == 1 and len(_errors(again.stderr.decode(), name)) == 3
        assert len(_rows(db, "SELECT id FROM pages")) == 2


def test_a_failing_shard_is_reported_and_the_others_land(tmp_path: Path) -> None:
    """A shard whose output cannot be written (its directory is a file) fails alone, on the real pool."""
    files = []
    for i in range(3):
        files.append(tmp_path / f"part-{i}.jsonl")
        files[-1].write_text(json.dumps({"id": f"p{i}", "text": GOOD.replace("March 3", f"March {i + 3}")}))
    tasks = plan([str(f) for f in files], tmp_path / "shards", Settings())
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("")
    tasks[1] = dataclasses.replace(tasks[1], out_dir=str(blocked))
    with make_engine("local", 2) as engine:
        reports = {Path(r.path).name: r for r in engine.run(tasks)}
    assert set(reports) == {"part-0.jsonl", "part-1.jsonl", "part-2.jsonl"}
    assert reports["part-1.jsonl"].error is not None and "not-a-directory" in reports["part-1.jsonl"].error
    for name in ("part-0.jsonl", "part-2.jsonl"):
        assert reports[name].error is None and reports[name].articles == 1
        assert (tmp_path / "shards" / f"{reports[name].shard_id}.done").exists()


def test_one_text_from_four_paths_is_one_page(tmp_path: Path) -> None:
    """A relative path, an absolute path, a copy elsewhere and stdin: one page, one source per incident."""
    here, elsewhere = tmp_path / "here", tmp_path / "elsewhere"
    here.mkdir()
    elsewhere.mkdir()
    shutil.copy(STORY, here / "story.txt")
    shutil.copy(STORY, elsewhere / "copy-of-story.txt")
    db = tmp_path / "one.sqlite"
    assert _frontwire("ingest", "story.txt", "--db", str(db), cwd=here).returncode == 0
    first = {
        table: _rows(db, f"SELECT * FROM {table} ORDER BY id") for table in ("pages", "mentions", "incidents")
    }
    assert len(first["pages"]) == 1 and first["mentions"]
    assert _frontwire("ingest", str(here / "story.txt"), "--db", str(db)).returncode == 0
    assert _frontwire("ingest", str(elsewhere / "copy-of-story.txt"), "--db", str(db)).returncode == 0
    piped = _frontwire("ingest", "-", "--db", str(db), stdin=STORY.read_bytes())
    assert piped.returncode == 0 and "1 unchanged" in piped.stderr.decode()
    assert _rows(db, "SELECT * FROM pages ORDER BY id") == first["pages"]
    assert _rows(db, "SELECT * FROM mentions ORDER BY id") == first["mentions"]
    assert _rows(db, "SELECT * FROM incidents ORDER BY id") == first["incidents"]
    assert all(len(json.loads(o)) == 1 for (o,) in _rows(db, "SELECT outlets_json FROM incidents"))
    # a different text without a URL is a document of its own, not a new version of the first
    other = here / "other.txt"
    other.write_text(STORY.read_text().replace("March 21", "March 22").replace("Saraqib", "Ariha"))
    assert _frontwire("ingest", str(other), "--db", str(db)).returncode == 0
    assert _rows(db, "SELECT COUNT(*), COUNT(superseded_by) FROM pages") == [(2, 0)]


def test_no_gate_is_honoured_for_file_inputs(tmp_path: Path) -> None:
    page = tmp_path / "sourdough.txt"
    page.write_text(COOKING)
    gated, ungated = tmp_path / "gated.sqlite", tmp_path / "ungated.sqlite"
    proc = _frontwire("ingest", str(page), "--db", str(gated))
    assert proc.returncode == 0 and "1 dropped by the gate" in proc.stderr.decode()
    assert _rows(gated, "SELECT COUNT(*) FROM pages") == [(0,)]
    proc = _frontwire("ingest", str(page), "--db", str(ungated), "--no-gate")
    assert proc.returncode == 0 and "dropped by the gate" not in proc.stderr.decode()
    assert _rows(ungated, "SELECT COUNT(*) FROM pages") == [(1,)]
    # the same page from stdin is stored under --no-gate too: files and stdin agree
    piped = _frontwire("ingest", "-", "--db", str(ungated), "--no-gate", stdin=COOKING.encode())
    assert piped.returncode == 0 and "1 unchanged" in piped.stderr.decode()


def test_shards_are_removed_once_stored_unless_a_work_dir_is_given(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    for i in range(2):
        (crawl / f"part-{i}.jsonl").write_text(
            json.dumps({"id": f"s{i}", "text": GOOD.replace("four", str(i))})
        )
    (crawl / "readme.md").write_text("notes, not a page")
    default_shards = Path(os.environ["FRONTWIRE_DATA"]) / "shards"
    before = set(default_shards.glob("*")) if default_shards.exists() else set()
    proc = _frontwire("ingest", str(crawl), "--db", str(tmp_path / "a.sqlite"))
    err = proc.stderr.decode()
    # the walk names what it left out (and that is an error: exit 1), the pages are stored
    assert proc.returncode == 1 and f"error: {crawl}: skipped 1 file of unknown extensions (.md 1)" in err
    assert "2 new" in err
    assert (set(default_shards.glob("*")) if default_shards.exists() else set()) == before
    kept = tmp_path / "kept"
    proc = _frontwire(
        "ingest", str(crawl / "part-0.jsonl"), "--db", str(tmp_path / "b.sqlite"), "--work-dir", str(kept)
    )
    assert proc.returncode == 0
    assert sorted(p.suffix for p in kept.iterdir()) == [".done", ".parquet", ".parquet", ".parquet"]


def test_a_failing_shard_does_not_abort_the_ingest(tmp_path: Path) -> None:
    """`frontwire ingest a.jsonl b.jsonl` where a's shard output cannot be put in place (a directory
    stands where its table goes): a's failure is reported, b's page is stored, exit 1."""
    files = []
    for i in range(2):
        files.append(tmp_path / f"part-{i}.jsonl")
        files[-1].write_text(json.dumps({"id": f"p{i}", "text": GOOD.replace("March 3", f"March {i + 3}")}))
    work = tmp_path / "work"
    (task, _) = plan([str(f) for f in files], work, Settings())
    task.file("articles").mkdir()
    db = tmp_path / "run.sqlite"
    proc = _frontwire("ingest", *map(str, files), "--db", str(db), "--work-dir", str(work))
    err = proc.stderr.decode()
    assert proc.returncode == 1 and "Traceback" not in err, err
    assert f"error: {files[0]}: not processed:" in err
    assert _rows(db, "SELECT source FROM pages") == [(f"{files[1]}#L1",)]
