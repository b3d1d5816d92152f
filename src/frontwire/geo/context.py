"""What an article says about where it is: the countries and provinces it names, the places in it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from frontwire.geo.detect import gazetteer_spans
from frontwire.geo.gazetteer import Gazetteer
from frontwire.geo.names import load_rules, name_key

# A country named by its name counts 1, by an adjective ("Syrian", "Russian") half: adjectives
# often name foreign actors ("Russian airstrikes in Syria"), not the place.
ALIAS_WEIGHT = 0.5
# Countries mentioned at least this share of the most-mentioned country's weight are kept as
# context; set so that a Syria article naming the Russian air force keeps only Syria.
COUNTRY_KEEP_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class GeoContext:
    """Where an article is: countries (most named first), provinces (cc, admin1), and other places' points."""

    countries: tuple[str, ...] = ()
    provinces: tuple[tuple[str, str], ...] = ()
    points: tuple[tuple[float, float], ...] = ()
    text: str = ""


def build_context(text: str, gazetteer: Gazetteer, *, countries: tuple[str, ...] = ()) -> GeoContext:
    """The context of `text`; `countries` adds countries known from elsewhere (the outlet, the feed)."""
    rules = load_rules()
    weights: Counter[str] = Counter({cc: 1.0 for cc in countries})
    for alias, cc in rules.country_aliases.items():
        hits = len(re.findall(rf"\b{re.escape(alias)}\b", text))
        if hits:
            weights[cc] += ALIAS_WEIGHT * hits
    spans = gazetteer_spans(text, gazetteer)
    found = [(s, gazetteer.lookup(name_key(s.text))) for s in spans]
    for _span, cands in found:
        for c in cands:
            if c.is_country and c.country_code:
                weights[c.country_code] += 1.0
                break
    if not weights:
        return GeoContext(text=text)
    top = max(weights.values())
    kept = tuple(cc for cc, w in weights.most_common() if w >= COUNTRY_KEEP_SHARE * top)
    provinces: list[tuple[str, str]] = []
    points: list[tuple[float, float]] = []
    for _span, cands in found:
        local = [c for c in cands if c.country_code in kept]
        for c in local:
            if c.is_admin1 and c.admin1_code and (c.country_code, c.admin1_code) not in provinces:
                provinces.append((c.country_code, c.admin1_code))
        towns = [c for c in local if c.fclass == "P"]
        if towns:
            best = max(towns, key=lambda c: c.population)
            points.append((best.lat, best.lon))
    return GeoContext(countries=kept, provinces=tuple(provinces), points=tuple(points), text=text)
