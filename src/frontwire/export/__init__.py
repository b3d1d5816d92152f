"""Exports of a store's incidents: ACLED-column CSV, GeoJSON, Parquet.

export(store, "acled-csv", "events.csv", Filters(country="Syria"))
"""

from __future__ import annotations

import sys
from pathlib import Path

from frontwire.errors import ConfigError
from frontwire.export.acled import ACLED_COLUMNS, AcledRow, acled_rows
from frontwire.export.writers import write_acled_csv, write_geojson, write_parquet
from frontwire.records import Outlet
from frontwire.store.base import Store
from frontwire.store.query import Filters, incidents
from frontwire.store.rows import OUTLET_COLUMNS, row_to_outlet

FORMATS = ("acled-csv", "geojson", "parquet")


def acled_context(store: Store) -> tuple[dict[str, Outlet], int]:
    """What ACLED rows need beside the incidents: the stored outlets, keyed as incidents key them
    (`Incident.outlets`: the casefolded domain or account key), and the latest ingest time as a Unix time."""
    import datetime as dt

    stored = store.rows(f"SELECT {', '.join(OUTLET_COLUMNS)} FROM outlets")
    outlets = {o.domain.casefold(): o for o in map(row_to_outlet, stored)}
    latest = store.rows("SELECT MAX(ingested_at) AS t FROM pages")[0]["t"]
    stamp = int(dt.datetime.fromisoformat(latest).timestamp()) if latest else 0
    return outlets, stamp


def rows_for(store: Store, filters: Filters | None = None) -> list[AcledRow]:
    """ACLED rows for the store's incidents; `timestamp` is the latest ingest time, as a Unix time."""
    found = incidents(store, filters)
    outlets, stamp = acled_context(store)
    return list(acled_rows(found, outlets, stamp))


def export(store: Store, fmt: str, out: str | None, filters: Filters | None = None) -> int:
    """Write the store's incidents as `fmt` to `out` (stdout when None or "-"); returns rows written."""
    if fmt not in FORMATS:
        raise ConfigError(fmt, f"unknown export format; choose one of {', '.join(FORMATS)}")
    rows = rows_for(store, filters)
    if fmt == "parquet":
        if not out or out == "-":
            raise ConfigError("parquet", "Parquet needs an output file (--out PATH)")
        return write_parquet(rows, out)
    writer = write_acled_csv if fmt == "acled-csv" else write_geojson
    if not out or out == "-":
        return writer(rows, sys.stdout)
    with Path(out).open("w", encoding="utf-8", newline="") as handle:
        return writer(rows, handle)


__all__ = ["ACLED_COLUMNS", "FORMATS", "AcledRow", "export", "rows_for"]
