"""When two event mentions can describe the same real event.

Every rule is a named threshold with a note on where it comes from; `compatible(a, b)` is the one
test the merger applies to every pair it compares.
"""

from __future__ import annotations

import math
import re

from frontwire.incidents.details import distinct_details
from frontwire.records import EventMention

# Date tolerance in days by the pair of ACLED time_precision codes (1 day, 2 week, 3 month).
# A week-coded event sits at the middle of its week, so a day inside it is at most 3.5 days away and
# two week-coded events of one week can be 7 apart; a month-coded event sits mid-month (±15 days).
# Day against day allows ±1 because outlets in other time zones, or reporting after midnight, shift by one.
DATE_TOLERANCE_DAYS: dict[tuple[int, int], float] = {
    (1, 1): 1.0,
    (1, 2): 3.5,
    (2, 2): 7.0,
    (1, 3): 15.0,
    (2, 3): 15.0,
    (3, 3): 15.0,
}
MAX_DATE_TOLERANCE_DAYS = max(DATE_TOLERANCE_DAYS.values())

# Distance tolerance in km by the coarser geo_precision of the pair. 1: a named town, where two gazetteers
# put one town's point a few km apart; 2: "near" a town, ACLED's "near" reaches about 25 km; 3: a region only,
# coded to its capital or a feature, so points of one event can lie far apart (or share an admin1).
DISTANCE_KM: dict[int, float] = {1: 10.0, 2: 25.0, 3: 75.0}
MAX_DISTANCE_KM = max(DISTANCE_KM.values())
EARTH_RADIUS_KM = 6371.0088

# Sub-event types different outlets use for one event: a missile from a jet is an air strike to one outlet
# and a missile attack to the next; a battle ending in a change of control is first reported as a clash.
COMPATIBLE_SUB_EVENTS: tuple[frozenset[str], ...] = (
    frozenset({"Armed clash", "Government regains territory", "Non-state actor overtakes territory"}),
    frozenset({"Air/drone strike", "Shelling/artillery/missile attack"}),
    frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"}),
    frozenset({"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}),
    frozenset({"Violent demonstration", "Mob violence"}),
)

UNIDENTIFIED = "unidentified armed group"
_YEARS = re.compile(r"\s*\(\d{4}-(\d{4})?\)\s*$")
_COUNTRY = re.compile(r"\(([^()]+)\)\s*$")


def normalise_actor(name: str) -> str:
    """An actor name for comparison: case-folded, spaces collapsed, ACLED's "(2000-)" year span dropped."""
    return " ".join(_YEARS.sub("", name).casefold().split())


def subtypes_compatible(a: str, b: str) -> bool:
    """True when two sub-event types can describe one event (equal, or in one compatible group)."""
    return a == b or any(a in group and b in group for group in COMPATIBLE_SUB_EVENTS)


def dates_compatible(a: EventMention, b: EventMention) -> bool:
    """True when the dates lie within the tolerance for their two time precisions; unknown never matches."""
    if a.event_date is None or b.event_date is None:
        return False
    key = tuple(sorted((_precision(a.time_precision), _precision(b.time_precision))))
    return abs((a.event_date - b.event_date).days) <= DATE_TOLERANCE_DAYS[key]  # type: ignore[index]


def _precision(code: int) -> int:
    return min(max(code, 1), 3)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def places_compatible(a: EventMention, b: EventMention) -> bool:
    """True when the places lie within the distance for the coarser geo_precision, or share a region."""
    pa, pb = a.place, b.place
    if pa is None or pb is None:
        return False
    if pa.country and pb.country and pa.country.casefold() != pb.country.casefold():
        return False
    precision = _precision(max(pa.geo_precision, pb.geo_precision))
    same_admin1 = bool(pa.admin1 and pb.admin1 and pa.admin1.casefold() == pb.admin1.casefold())
    if precision == 3 and same_admin1:
        return True
    if None in (pa.latitude, pa.longitude, pb.latitude, pb.longitude):
        return same_admin1 and pa.location.casefold() == pb.location.casefold()
    distance = haversine_km(pa.latitude, pa.longitude, pb.latitude, pb.longitude)  # type: ignore[arg-type]
    return distance <= DISTANCE_KM[precision]


def _actors(m: EventMention) -> set[str]:
    names = (m.actor1, m.actor2, m.assoc_actor_1, m.assoc_actor_2)
    out: set[str] = set()
    for name in names:
        for part in (name or "").split(";"):
            if part.strip():
                out.add(normalise_actor(part))
    return out


def _unidentified_countries(actors: set[str]) -> set[str]:
    out = set()
    for actor in actors:
        if actor.startswith(UNIDENTIFIED):
            found = _COUNTRY.search(actor)
            out.add(found.group(1).strip() if found else "")
    return out


def _countries(m: EventMention, actors: set[str]) -> set[str]:
    out = {
        c.casefold() for c in (m.place.country if m.place else None, m.place.iso if m.place else None) if c
    }
    for actor in actors:
        found = _COUNTRY.search(actor)
        if found:
            out.add(found.group(1).strip())
    return out


def actors_compatible(a: EventMention, b: EventMention) -> bool:
    """True if they share an actor, or one names an Unidentified Armed Group of the other's country."""
    actors_a, actors_b = _actors(a), _actors(b)
    if actors_a & actors_b:
        return True
    for mine, other, other_actors in ((actors_a, b, actors_b), (actors_b, a, actors_a)):
        countries = _unidentified_countries(mine)
        if countries and (countries & _countries(other, other_actors) or "" in countries):
            return True
    return False


def compatible(a: EventMention, b: EventMention) -> bool:
    """True when `a` and `b` can be reports of one real event: type, date, place and actors all agree,
    and their texts do not tell two events apart (different named targets, tolls far apart)."""
    return (
        a.event_type == b.event_type
        and subtypes_compatible(a.sub_event_type, b.sub_event_type)
        and dates_compatible(a, b)
        and places_compatible(a, b)
        and actors_compatible(a, b)
        and distinct_details(a, b) is None
    )
