"""Helpers for the tests that run `frontwire ingest` as a real process: the processes of its session, and a
SQLite database as comparable rows (the wall-clock columns left out)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

# Wall-clock columns: the only values allowed to differ between two runs over the same input.
CLOCK_COLUMNS = {"pages": ("ingested_at", "superseded_at"), "schema_version": ("applied_at",)}


def session_pids(sid: int) -> list[int]:
    """The live processes of session `sid` (a run started with start_new_session), zombies left out."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if fields[0] != "Z" and int(fields[3]) == sid:
            found.append(int(entry.name))
    return found


def dump_sqlite(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, without the wall-clock columns (read-only)."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    con.row_factory = sqlite3.Row
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        out = {}
        for table in tables:
            rows = con.execute(f"SELECT * FROM {table}").fetchall()  # noqa: S608 - names from the schema
            drop = CLOCK_COLUMNS.get(table, ())
            out[table] = sorted(tuple(r[k] for k in r.keys() if k not in drop) for r in rows)
        return out
    finally:
        con.close()
