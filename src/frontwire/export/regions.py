"""ACLED's `region` column: the ACLED region of an event's country.

    acled_region("SY")  -> "Middle East"
    acled_region(None)  -> ""

The table lives in one place, `frontwire/data/export/regions.toml` (region name → ISO 3166-1 alpha-2
codes; the file's header says how it was drawn up), read once per process.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from types import MappingProxyType
from typing import Final

from frontwire.errors import ConfigError

REGIONS_FILE: Final = "data/export/regions.toml"

# ACLED's region names, spelled as its files spell them; the data file may use no others.
ACLED_REGIONS: Final = (
    "Western Africa",
    "Middle Africa",
    "Eastern Africa",
    "Southern Africa",
    "Northern Africa",
    "Middle East",
    "South Asia",
    "Southeast Asia",
    "East Asia",
    "Caucasus and Central Asia",
    "Europe",
    "North America",
    "Central America",
    "South America",
    "Caribbean",
    "Oceania",
    "Antarctica",
)


@functools.cache
def region_table() -> MappingProxyType[str, str]:
    """ISO alpha-2 code (upper case) → ACLED region, from the packaged file (read once; read-only).

    Raises `ConfigError` naming the file when it uses a region ACLED does not have, lists a code that
    is not two letters, or puts one code in two regions.
    """
    source = f"frontwire/{REGIONS_FILE}"
    raw = tomllib.loads(resources.files("frontwire").joinpath(REGIONS_FILE).read_text(encoding="utf-8"))
    table: dict[str, str] = {}
    for region, codes in raw.items():
        if region not in ACLED_REGIONS:
            raise ConfigError(source, f"{region!r} is not one of ACLED's regions")
        for code in codes:
            if not (isinstance(code, str) and len(code) == 2 and code.isalpha()):
                raise ConfigError(source, f"{region}: {code!r} is not an ISO 3166-1 alpha-2 code")
            if code.upper() in table:
                raise ConfigError(source, f"{code} is in both {table[code.upper()]!r} and {region!r}")
            table[code.upper()] = region
    return MappingProxyType(table)


def acled_region(iso: str | None) -> str:
    """ACLED's region for an ISO alpha-2 country code; "" when the code is missing or unknown."""
    return region_table().get((iso or "").strip().upper(), "")


__all__ = ["ACLED_REGIONS", "REGIONS_FILE", "acled_region", "region_table"]
