"""UCDP GED world-wide geocoding benchmark (../shared/eval/geo/ucdp-ged/, measuring only).

Each event's place as UCDP wrote it is resolved the way a desk would read it: the location string
is `where_coordinates` with its admin names in ACLED's style, "Durango town (Durango municipality,
Durango state)"; the article context is `where_description` plus the headline, with the event's
country known from outside the text (as an outlet's or feed's country would be). The point is
scored against UCDP's within 10 km and 50 km, by `where_prec`, on the two sha256(id) halves side
by side: the odd half is never trained on nor studied row by row.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from split import half  # bench/split.py: the script's own folder is on sys.path

from frontwire.geo import Resolver, build_context, name_key
from frontwire.geo.builtin import km

# GED's Gleditsch-Ward names that GeoNames spells otherwise (after the bracketed former name is dropped).
_GED_COUNTRY = {
    "DR Congo": "CD",
    "Ivory Coast": "CI",
    "Bosnia-Herzegovina": "BA",
    "Kingdom of eSwatini": "SZ",
    "Macedonia, FYR": "MK",
}


@dataclass(slots=True)
class _Tally:
    n: int = 0
    ok10: int = 0
    ok50: int = 0
    unplaced: int = 0

    def add(self, dist: float | None) -> None:
        self.n += 1
        if dist is None:
            self.unplaced += 1
            return
        self.ok10 += dist <= 10
        self.ok50 += dist <= 50

    def line(self) -> str:
        if not self.n:
            return "n=0"
        share10, share50 = self.ok10 / self.n, self.ok50 / self.n
        return f"10km {share10:.3f}  50km {share50:.3f}  none {self.unplaced:4d}  n={self.n}"




def country_code(resolver: Resolver, ged_name: str) -> str | None:
    """ISO code of a GED country name ("Myanmar (Burma)" → MM)."""
    name = re.sub(r"\s*\(.*\)\s*$", "", ged_name).strip()
    if name in _GED_COUNTRY:
        return _GED_COUNTRY[name]
    for p in resolver.gazetteer.lookup(name_key(name)):
        if p.is_country:
            return p.country_code
    return None


def location_text(row: dict) -> str:
    """The place as UCDP wrote it, with its admin names: "X (adm_2, adm_1)"."""
    admins = [a for a in (row.get("adm_2"), row.get("adm_1")) if a]
    place = row.get("where_coordinates") or ""
    return f"{place} ({', '.join(admins)})" if admins else place


def context_text(row: dict, loc: str) -> str:
    """What the article would say: the place description and the headline, then the location."""
    parts = [row.get("where_description") or "", row.get("source_headline") or "", loc]
    return "\n\n".join(p for p in parts if p)


def bench_ucdp(resolver: Resolver, path: Path, limit: int | None, *, show: int = 0) -> dict[str, _Tally]:
    """Tallies by (half, where_prec group); prints the table."""
    rows = [json.loads(line) for line in path.open()][:limit]
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    codes: dict[str, str | None] = {}
    shown = 0
    for row in rows:
        ged = row["country"]
        if ged not in codes:
            codes[ged] = country_code(resolver, ged)
        cc = codes[ged]
        loc_text = location_text(row)
        ctx = build_context(context_text(row, loc_text), resolver.gazetteer, countries=(cc,) if cc else ())
        loc = resolver.resolve(loc_text, ctx)
        dist = None
        if loc.latitude is not None:
            dist = km(loc.latitude, loc.longitude, float(row["latitude"]), float(row["longitude"]))
        part = half(row["id"])
        prec = int(row["where_prec"])
        group = "prec 1-2" if prec <= 2 else "prec 3-4" if prec <= 4 else "prec 5-7"
        for key in (f"{part} {group}", f"{part} all"):
            tallies[key].add(dist)
        if show and part == "even" and prec <= 2 and (dist is None or dist > 10) and shown < show:
            shown += 1
            print(f"  miss {loc_text!r} [{cc}] -> {loc.location} {loc.iso} d={dist} note={loc.note}")
    for group in ("prec 1-2", "prec 3-4", "prec 5-7", "all"):
        print(f"ucdp {group:9s} even: {tallies['even ' + group].line()}")
        print(f"ucdp {group:9s} odd:  {tallies['odd ' + group].line()}")
    return tallies
