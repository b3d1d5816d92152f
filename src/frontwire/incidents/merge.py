"""Merging mentions into incidents, incrementally and without comparing every pair.

Mentions are blocked by (event_type, date bucket, 1-degree cell) and, for places known only to their
admin1, by (event_type, date bucket, country, admin1). A new mention is compared only with incidents in the
blocks its tolerances can reach, so the work per mention depends on the local density of events, not on the
size of the database. A mention joins an incident only when it is compatible with every member (complete
linkage), which keeps a chain of near neighbours from gluing distinct events together.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from frontwire.incidents.model import IncidentMember
from frontwire.incidents.rules import MAX_DATE_TOLERANCE_DAYS, MAX_DISTANCE_KM, compatible, haversine_km
from frontwire.records import EventMention

# A date bucket at least as wide as the widest date tolerance (15 days) means a mention's window reaches at
# most the neighbouring bucket on either side.
DATE_BUCKET_DAYS = 16
# 1 degree of latitude is 111 km, more than the widest distance tolerance (75 km); longitude cells narrow
# towards the poles, so the number of cells searched is computed from the latitude.
CELL_DEGREES = 1.0
KM_PER_DEGREE = 111.195
# Below this cosine (about 80 degrees of latitude) longitude cells are searched as if at 80 degrees.
MIN_COS_LAT = 0.17

BlockKey = tuple


def incident_id_for(seed_mention_id: str) -> str:
    """An incident's id: a hash of the id of the mention that founded it."""
    return "inc-" + hashlib.sha256(seed_mention_id.encode()).hexdigest()[:24]


def _bucket(day: dt.date) -> int:
    return day.toordinal() // DATE_BUCKET_DAYS


def home_keys(m: EventMention) -> list[BlockKey]:
    """The blocks a mention is filed under."""
    if m.event_date is None:
        return []
    bucket = _bucket(m.event_date)
    keys: list[BlockKey] = []
    place = m.place
    if place is not None and place.latitude is not None and place.longitude is not None:
        keys.append(
            (
                m.event_type,
                bucket,
                math.floor(place.latitude / CELL_DEGREES),
                math.floor(place.longitude / CELL_DEGREES),
            )
        )
    if place is not None and place.admin1:
        keys.append((m.event_type, bucket, (place.country or "").casefold(), place.admin1.casefold()))
    return keys


def search_keys(m: EventMention) -> Iterator[BlockKey]:
    """The blocks whose incidents a mention must be compared with."""
    if m.event_date is None:
        return
    lo = _bucket(m.event_date - dt.timedelta(days=MAX_DATE_TOLERANCE_DAYS))
    hi = _bucket(m.event_date + dt.timedelta(days=MAX_DATE_TOLERANCE_DAYS))
    place = m.place
    cells: list[tuple[int, int]] = []
    if place is not None and place.latitude is not None and place.longitude is not None:
        dlat = MAX_DISTANCE_KM / KM_PER_DEGREE
        dlon = dlat / max(math.cos(math.radians(place.latitude)), MIN_COS_LAT)
        rows = range(
            math.floor((place.latitude - dlat) / CELL_DEGREES),
            math.floor((place.latitude + dlat) / CELL_DEGREES) + 1,
        )
        cols = range(
            math.floor((place.longitude - dlon) / CELL_DEGREES),
            math.floor((place.longitude + dlon) / CELL_DEGREES) + 1,
        )
        cells = [(r, c) for r in rows for c in cols]
    admin = (
        (place.country or "").casefold(),
        place.admin1.casefold() if place is not None and place.admin1 else None,
    )
    for bucket in range(lo, hi + 1):
        for r, c in cells:
            yield (m.event_type, bucket, r, c)
        if admin[1] is not None:
            yield (m.event_type, bucket, admin[0], admin[1])


def _closeness(m: EventMention, members: Sequence[IncidentMember]) -> tuple[float, float]:
    seed = members[0].mention
    days = abs((m.event_date - seed.event_date).days) if m.event_date and seed.event_date else 1e9
    a, b = m.place, seed.place
    if a and b and None not in (a.latitude, a.longitude, b.latitude, b.longitude):
        km = haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]
    else:
        km = 1e9
    return (days, km)


def choose_incident(member: IncidentMember, candidates: Mapping[str, Sequence[IncidentMember]]) -> str | None:
    """The id of the incident `member` joins, or None.

    It must be compatible with every member and share no article with them; the closest seed wins.
    """
    best: tuple[tuple[float, float, str], str] | None = None
    for incident_id, members in candidates.items():
        if any(other.id == member.id for other in members):
            return incident_id
        if member.article_id is not None and any(other.article_id == member.article_id for other in members):
            continue  # one article reports each event once: two of its mentions are two events
        if all(compatible(member.mention, other.mention) for other in members):
            rank = (*_closeness(member.mention, members), incident_id)
            if best is None or rank < best[0]:
                best = (rank, incident_id)
    return best[1] if best else None


@dataclass(slots=True)
class IncidentIndex:
    """In-memory incremental merger: `add` files each mention into an existing or a new incident."""

    incidents: dict[str, list[IncidentMember]] = field(default_factory=dict)
    blocks: dict[BlockKey, set[str]] = field(default_factory=dict)
    comparisons: int = 0

    def candidates(self, member: IncidentMember) -> dict[str, list[IncidentMember]]:
        """Incidents in the blocks that `member`'s tolerances reach."""
        found: dict[str, list[IncidentMember]] = {}
        for key in search_keys(member.mention):
            for incident_id in self.blocks.get(key, ()):
                if incident_id not in found:
                    found[incident_id] = self.incidents[incident_id]
        self.comparisons += sum(len(v) for v in found.values())
        return found

    def add(self, member: IncidentMember) -> str:
        """Merge one mention; returns the id of the incident it now belongs to."""
        incident_id = choose_incident(member, self.candidates(member))
        if incident_id is None:
            incident_id = incident_id_for(member.id)
            self.incidents[incident_id] = []
        members = self.incidents[incident_id]
        if all(other.id != member.id for other in members):
            members.append(member)
        for key in home_keys(member.mention):
            self.blocks.setdefault(key, set()).add(incident_id)
        return incident_id

    def add_all(self, members: Iterable[IncidentMember]) -> None:
        """Merge many mentions, in order."""
        for member in members:
            self.add(member)
