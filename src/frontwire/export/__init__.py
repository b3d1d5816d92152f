"""Exports of a store's incidents: ACLED-column CSV, GeoJSON, Parquet.

export(store, "acled-csv", "events.csv", Filters(country="Syria"))
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from frontwire.errors import ConfigError
from frontwire.export.acled import ACLED_COLUMNS, AcledRow, acled_rows
from frontwire.export.complete import LeftOut, acled_complete
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


@dataclass(slots=True, frozen=True)
class Exported:
    """What an export wrote: rows written, and the incidents ACLED's format could not hold (acled-csv)."""

    written: int
    left_out: LeftOut


def run_export(
    store: Store,
    fmt: str,
    out: str | None,
    filters: Filters | None = None,
    *,
    keep_incomplete: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> Exported:
    """Write the store's incidents as `fmt` to `out` (stdout when None or "-"). For acled-csv, incidents
    without a country, coordinates and ISO code or without a date are left out (and counted) unless
    `keep_incomplete`. `progress(done, total)` is called as rows are written."""
    if fmt not in FORMATS:
        raise ConfigError(fmt, f"unknown export format; choose one of {', '.join(FORMATS)}")
    rows = rows_for(store, filters)
    left_out = LeftOut()
    if fmt == "acled-csv" and not keep_incomplete:
        rows = list(acled_complete(rows, left_out))
    if progress is not None:
        rows = _reporting(rows, progress)
    return Exported(written=_write(rows, fmt, out), left_out=left_out)


def _reporting(rows: list[AcledRow], progress: Callable[[int, int], None]) -> Iterator[AcledRow]:
    """`rows`, telling `progress` how many have been handed on (the writers stream them)."""
    progress(0, len(rows))
    for done, row in enumerate(rows, 1):
        yield row
        progress(done, len(rows))


def export(
    store: Store, fmt: str, out: str | None, filters: Filters | None = None, *, keep_incomplete: bool = False
) -> int:
    """`run_export`, returning the number of rows written."""
    return run_export(store, fmt, out, filters, keep_incomplete=keep_incomplete).written


def _write(rows: Iterable[AcledRow], fmt: str, out: str | None) -> int:
    if fmt == "parquet":
        if not out or out == "-":
            raise ConfigError("parquet", "Parquet needs an output file (--out PATH)")
        return write_parquet(rows, out)
    writer = write_acled_csv if fmt == "acled-csv" else write_geojson
    if not out or out == "-":
        return writer(rows, sys.stdout)
    with Path(out).open("w", encoding="utf-8", newline="") as handle:
        return writer(rows, handle)


__all__ = ["ACLED_COLUMNS", "FORMATS", "AcledRow", "Exported", "export", "rows_for", "run_export"]
