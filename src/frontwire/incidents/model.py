"""Records of the incidents stage: a mention as the merger sees it, and the incident it builds.

An `IncidentMember` is one `EventMention` together with who published it (its outlet) and its
stored id; an `Incident` is one real event as the corroborated sum of its members.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from frontwire.records import EventMention, Outlet

GRADE_SINGLE = "single source"
GRADE_CLAIMED = "claimed by a party to the conflict"
GRADE_INDEPENDENT = "two or more independent outlets"
GRADE_CONTESTED = "contested"
GRADES = (GRADE_SINGLE, GRADE_CLAIMED, GRADE_INDEPENDENT, GRADE_CONTESTED)


@dataclass(slots=True, kw_only=True)
class IncidentMember:
    """One event mention inside the merger: the mention, its stored id and its outlet."""

    id: str
    mention: EventMention
    outlet: Outlet | None = None
    article_id: str | None = None
    url: str | None = None


@dataclass(slots=True, kw_only=True)
class Incident:
    """One real event, merged from the mentions of one or more pages, with its corroboration grade.

    `fatalities` follows ACLED's conservative rule (the lowest figure reported); `fatalities_low` and
    `fatalities_high` keep the whole range across reports.
    """

    id: str
    event_date: dt.date | None
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str | None = None
    assoc_actor_1: str | None = None
    assoc_actor_2: str | None = None
    inter1: int | None = None
    inter2: int | None = None
    civilian_targeting: bool = False
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    iso: str | None = None
    geo_precision: int = 3
    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    grade: str = GRADE_SINGLE
    grade_reasons: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    mention_ids: list[str] = field(default_factory=list)
    notes: str = ""
    # Why each report after the first joined this incident: "<mention id>: what it shares with the first"
    # (type, day, place, actors, named target, tolls), one line per joined report.
    merge_reasons: list[str] = field(default_factory=list)
