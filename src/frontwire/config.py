"""One typed settings object; every default lives here, with a note on where it comes from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

# A news page over 8 MiB of HTML is a crawler trap or a data dump, not an article;
# the largest page of the extraction benchmark is about 1.4 MiB.
MAX_PAGE_BYTES = 8 * 1024 * 1024
# Parsing a hostile page must not stall a batch: a normal page takes ~15 ms (trafilatura);
# 20 s leaves room for a slow machine while still catching pathological pages.
PAGE_TIMEOUT_S = 20.0
FETCH_TIMEOUT_S = 20.0
# Dates outside this window are placeholders or parse errors ("0001-01-01" from a CMS, a year typo),
# not publication or event dates: they are dropped rather than carried into date arithmetic.
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_AHEAD_DAYS = 2  # clocks and time zones: a page may carry tomorrow's date
USER_AGENT = "frontwire/0.1 (+https://github.com/frontwire/frontwire; conflict-event research)"


@dataclass(slots=True, frozen=True, kw_only=True)
class Settings:
    max_page_bytes: int = MAX_PAGE_BYTES
    page_timeout_s: float = PAGE_TIMEOUT_S
    fetch_timeout_s: float = FETCH_TIMEOUT_S
    user_agent: str = USER_AGENT
    respect_robots: bool = True
    outlets_file: Path | None = None
    # Later stages: events are coded by the named extractor and placed with the gazetteer
    # (None: the default index under the data directory, built from PyPI-shipped GeoNames data).
    events: bool = True
    extractor: str = "frontwire-rules"
    actor_files: tuple[Path, ...] = ()
    gazetteer: Path | None = None
    extra: dict[str, str] = field(default_factory=dict)


DEFAULT = Settings()


def plausible_date(value: dt.date | None) -> dt.date | None:
    """`value` when it can be a real publication or event date, else None."""
    if value is None:
        return None
    latest = dt.date.today() + dt.timedelta(days=LATEST_AHEAD_DAYS)
    return value if EARLIEST_DATE <= value <= latest else None
