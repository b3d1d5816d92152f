"""No CSV cell frontwire writes starts a formula (OWASP's CSV injection rule), through the real CLI."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_pages import FORMULA_SITE, formula_cells, write_hostile_page

from frontwire.export.csvsafe import safe_cell, safe_row


def _frontwire(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "frontwire.cli", *args], capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    page = write_hostile_page(folder / "pages")
    db = folder / "hostile.sqlite"
    done = _frontwire("ingest", str(page), "--db", str(db))
    assert done.returncode == 0, done.stderr
    return db


@pytest.mark.parametrize("fmt", ["acled-csv"])
def test_export_writes_no_formula_cell(hostile_db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "out.csv"
    done = _frontwire("export", "--db", str(hostile_db), "--format", fmt, "--out", str(out))
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(out.open(encoding="utf-8", newline="")))
    assert len(rows) > 1, "the hostile page should give at least one incident"
    assert formula_cells(rows) == []
    # The outlet's name is kept, readable, behind the apostrophe.
    assert any(cell == "'" + FORMULA_SITE for row in rows for cell in row), rows[1]


@pytest.mark.parametrize("command", ["events", "incidents"])
def test_listings_as_csv_write_no_formula_cell(hostile_db: Path, command: str) -> None:
    done = _frontwire(command, "--db", str(hostile_db), "--format", "csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO(done.stdout)))
    assert len(rows) > 1
    assert formula_cells(rows) == []


def test_safe_cell_rules() -> None:
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert safe_cell(start + "1+1") == "'" + start + "1+1"
    assert safe_row(["Homs", -36.5, 0, "", None, "a=b"]) == ["Homs", -36.5, 0, "", None, "a=b"]
