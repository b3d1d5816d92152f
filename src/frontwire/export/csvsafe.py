"""CSV cells that a spreadsheet cannot run as a formula (OWASP's CSV injection rule).

    safe_cell('=HYPERLINK("http://x")')  -> "'=HYPERLINK(\"http://x\")"
    safe_cell(-3)                         -> -3    (numbers are data, not formulas)
    writer = safe_writer(out); writer.writerow(["@SUM(A1)"])   # writes '@SUM(A1)

Every CSV frontwire writes (exports, `--format csv` listings, the API's CSV) goes through `safe_cell`,
so an outlet name or a title taken from a page never starts a formula in Excel, LibreOffice or Sheets.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any, Final

# OWASP's list: a cell starting with one of these is read as a formula (tab and CR too, because some
# spreadsheets strip them and then read the character after as the cell's start).
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """`value` with a leading apostrophe when it is text that starts like a formula; other values as is.

    Numbers (int, float) stay numbers: a negative longitude is data a spreadsheet reads as a number."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values: Iterable[Any]) -> list[Any]:
    """Each value of a row through `safe_cell`."""
    return [safe_cell(v) for v in values]


class SafeWriter:
    """A `csv.writer` whose rows go through `safe_row` (same `writerow` / `writerows` calls)."""

    def __init__(self, out: IO[str], **options: Any) -> None:
        options.setdefault("lineterminator", "\n")
        self._writer = csv.writer(out, **options)

    def writerow(self, values: Iterable[Any]) -> Any:
        return self._writer.writerow(safe_row(values))

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def safe_writer(out: IO[str], **options: Any) -> SafeWriter:
    """A CSV writer on `out` that neutralises formula cells; `options` go to `csv.writer`."""
    return SafeWriter(out, **options)


__all__ = ["FORMULA_STARTS", "SafeWriter", "safe_cell", "safe_row", "safe_writer"]
