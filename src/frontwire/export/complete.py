"""Which incidents ACLED's format can hold: a row without a country, coordinates and ISO code, or
without a date, is not an ACLED row (ACLED's files have neither kind), so `acled-csv` leaves them out
unless asked to keep them, and says how many it left out and why.

    left = LeftOut()
    rows = list(acled_complete(all_rows, left))   # streams; `left` counts what was dropped
    left.line()  -> "left out 3 incidents ACLED's format cannot hold (no place: 2, no date: 1)"
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from frontwire.export.acled import AcledRow
from frontwire.incidents.model import Incident

NO_PLACE = "no country, coordinates or ISO code"
NO_DATE = "no date"


def acled_gap(inc: Incident) -> str | None:
    """Why an incident cannot be an ACLED row (the first reason found), or None when it can."""
    if not inc.country or not inc.iso or inc.latitude is None or inc.longitude is None:
        return NO_PLACE
    if inc.event_date is None:
        return NO_DATE
    return None


@dataclass(slots=True)
class LeftOut:
    """Counts of the incidents `acled_complete` dropped, by reason."""

    by_reason: Counter = field(default_factory=Counter)

    @property
    def count(self) -> int:
        return sum(self.by_reason.values())

    def line(self) -> str:
        reasons = ", ".join(f"{why}: {n}" for why, n in sorted(self.by_reason.items()))
        return f"left out {self.count} incidents ACLED's format cannot hold ({reasons})"


def acled_complete(rows: Iterable[AcledRow], left_out: LeftOut) -> Iterator[AcledRow]:
    """The rows ACLED's format can hold, in order; the others are counted in `left_out`."""
    for row in rows:
        gap = acled_gap(row.incident)
        if gap is None:
            yield row
        else:
            left_out.by_reason[gap] += 1


__all__ = ["NO_DATE", "NO_PLACE", "LeftOut", "acled_complete", "acled_gap"]
