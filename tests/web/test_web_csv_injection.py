"""No cell of the API's CSV starts a formula: a hostile outlet name served by a real server on loopback."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from web_support import Live

from frontwire.web import ServeSettings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "export"))
from hostile_pages import FORMULA_SITE, formula_cells, write_hostile_page  # noqa: E402


@pytest.fixture(scope="module")
def hostile_live(tmp_path_factory: pytest.TempPathFactory, serve: Callable[[ServeSettings], Live]) -> Live:
    from frontwire.run.ingest import ingest

    folder = tmp_path_factory.mktemp("hostile-web")
    db = folder / "hostile.sqlite"
    stats = ingest([str(write_hostile_page(folder / "pages"))], db=str(db))
    assert stats.failed == 0 and stats.mentions > 0, stats.line()
    return serve(ServeSettings(db=str(db)))


def test_api_export_csv_has_no_formula_cell(hostile_live: Live) -> None:
    r = httpx.get(f"{hostile_live.url}/api/export.csv", timeout=30)
    assert r.status_code == 200
    rows = list(csv.reader(io.StringIO(r.text)))
    assert len(rows) > 1, "the hostile page should give at least one incident"
    assert formula_cells(rows) == []
    assert any(cell == "'" + FORMULA_SITE for row in rows for cell in row)
