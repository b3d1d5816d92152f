"""An incident from its members: merged fields, fatality range, corroboration grade.

Grades after Airwars (see shared/acled-codebook.md): contested beats everything; a set of reports that are
all a party's own claims is "claimed by a party to the conflict" however many outlets relay it; two or more
mutually independent outlets give "two or more independent outlets"; anything else is a single source.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence

from frontwire.incidents.details import merge_reason
from frontwire.incidents.independence import independent_groups
from frontwire.incidents.model import (
    GRADE_CLAIMED,
    GRADE_CONTESTED,
    GRADE_INDEPENDENT,
    GRADE_SINGLE,
    Incident,
    IncidentMember,
)
from frontwire.incidents.rules import UNIDENTIFIED, normalise_actor
from frontwire.records import EventMention, Outlet

# Two fatality figures conflict only when their ranges are further apart than this: early counts of one event
# routinely differ by one or two as bodies are found (21 vs 22 in the April 2024 al-Sukhna ambush), while a
# dispute (5 vs 40) differs by far more. Gap allowed = max(absolute, relative * larger figure).
FATALITY_GAP_ABSOLUTE = 2
FATALITY_GAP_RELATIVE = 0.25

BLAMING = {"claimed", "alleged", "blamed", "reported", "confirmed"}


def fatality_range(m: EventMention) -> tuple[int, int] | None:
    """The (low, high) deaths one mention reports, or None when it gives no figure."""
    low = m.fatalities_low if m.fatalities_low is not None else m.fatalities
    high = m.fatalities_high if m.fatalities_high is not None else m.fatalities
    if low is None and high is None:
        return None
    low = low if low is not None else high
    high = high if high is not None else low
    return (min(low, high), max(low, high))  # type: ignore[type-var]


def _figures_conflict(ranges: list[tuple[int, int]]) -> bool:
    for i, (lo_a, hi_a) in enumerate(ranges):
        for lo_b, hi_b in ranges[i + 1 :]:
            gap = max(lo_a, lo_b) - min(hi_a, hi_b)
            allowed = max(FATALITY_GAP_ABSOLUTE, FATALITY_GAP_RELATIVE * max(hi_a, hi_b))
            if gap > allowed:
                return True
    return False


def _is_party_claim(m: EventMention) -> bool:
    return m.attribution == "claimed" and bool(m.claimant)


# An article whose outlet nobody could identify counts as a source of its own, keyed by the article.
UNKNOWN_OUTLET = "unknown:"
# What such an outlet is called wherever a reader sees it (CLI, exports, API, web map): one name only.
UNIDENTIFIED_OUTLET = "unidentified outlet"


def _outlet_key(member: IncidentMember) -> str:
    return (
        member.outlet.domain.casefold()
        if member.outlet
        else f"{UNKNOWN_OUTLET}{member.article_id or member.id}"
    )


def outlet_names(keys: Sequence[str], names: Mapping[str, str] | None = None) -> list[str]:
    """Incident outlet keys as a reader wants them: a stored name where there is one, and
    "unidentified outlet" for the articles no outlet could be found for (one entry each)."""
    return [UNIDENTIFIED_OUTLET if k.startswith(UNKNOWN_OUTLET) else (names or {}).get(k, k) for k in keys]


def grade(members: Sequence[IncidentMember]) -> tuple[str, list[str]]:
    """The corroboration grade of a set of members, and the reasons that decided it."""
    mentions = [m.mention for m in members]
    reasons: list[str] = []
    attributions = {m.attribution for m in mentions}
    if "denied" in attributions and attributions - {"denied"}:
        reasons.append("one report denies what another reports or claims")
    blamed = {
        normalise_actor(m.actor1)
        for m in mentions
        if m.attribution in BLAMING and not normalise_actor(m.actor1).startswith(UNIDENTIFIED)
    }
    if len(blamed) > 1:
        reasons.append("reports name different perpetrators: " + ", ".join(sorted(blamed)))
    ranges = [r for r in map(fatality_range, mentions) if r is not None]
    if _figures_conflict(ranges):
        reasons.append("fatality figures do not overlap: " + ", ".join(f"{lo}-{hi}" for lo, hi in ranges))
    if reasons:
        return GRADE_CONTESTED, reasons
    if all(_is_party_claim(m) for m in mentions):
        claimants = sorted({m.claimant for m in mentions if m.claimant})
        return GRADE_CLAIMED, ["only a party's own claim: " + "; ".join(claimants)]
    outlets: dict[str, Outlet] = {}
    for member in members:
        if _is_party_claim(member.mention):
            continue  # relaying a party's claim corroborates the claim, not the event
        outlet = member.outlet or Outlet(domain=_outlet_key(member), name=_outlet_key(member))
        outlets.setdefault(_outlet_key(member), outlet)
    groups = independent_groups(list(outlets.values()))
    n = len(outlets) or 1
    if len(groups) >= 2:
        return GRADE_INDEPENDENT, [f"{n} outlets, {len(groups)} independent"]
    return GRADE_SINGLE, [single_source_reason(len(outlets))]


def single_source_reason(n_outlets: int) -> str:
    """Why an incident is single-source, in words that read right for one outlet and for several."""
    if n_outlets <= 1:
        return "reported by one outlet only"
    return f"reported by {n_outlets} outlets that are not independent of one another"


def _most_common(values: list[str]) -> str:
    return Counter(values).most_common(1)[0][0]


def summarise(incident_id: str, members: Sequence[IncidentMember]) -> Incident:
    """Build the incident record from its members (at least one)."""
    if not members:
        raise ValueError("an incident needs at least one member")
    mentions = [m.mention for m in members]
    # The best-dated and best-placed reports set the date and place; ties go to the earliest member.
    by_time = min(mentions, key=lambda m: (m.time_precision, m.event_date or dt.date.max))
    placed = [m for m in mentions if m.place is not None]
    by_place = min(placed, key=lambda m: m.place.geo_precision) if placed else None  # type: ignore[union-attr]
    place = by_place.place if by_place else None
    ranges = [r for r in map(fatality_range, mentions) if r is not None]
    reported = [m.fatalities for m in mentions if m.fatalities is not None]
    grade_name, reasons = grade(members)
    first = mentions[0]
    return Incident(
        id=incident_id,
        event_date=by_time.event_date,
        time_precision=by_time.time_precision,
        event_type=first.event_type,
        sub_event_type=_most_common([m.sub_event_type for m in mentions]),
        actor1=_most_common([m.actor1 for m in mentions]),
        actor2=_most_common([m.actor2 for m in mentions if m.actor2] or [""]) or None,
        assoc_actor_1=first.assoc_actor_1,
        assoc_actor_2=first.assoc_actor_2,
        inter1=first.inter1,
        inter2=first.inter2,
        civilian_targeting=any(m.civilian_targeting for m in mentions),
        location=place.location if place else first.location_text,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        admin1=place.admin1 if place else None,
        admin2=place.admin2 if place else None,
        country=place.country if place else None,
        iso=place.iso if place else None,
        geo_precision=place.geo_precision if place else 3,
        # ACLED's conservative rule: the lowest figure reported; the range keeps every report's bounds.
        fatalities=min(reported) if reported else (min(lo for lo, _ in ranges) if ranges else None),
        fatalities_low=min(lo for lo, _ in ranges) if ranges else None,
        fatalities_high=max(hi for _, hi in ranges) if ranges else None,
        grade=grade_name,
        grade_reasons=reasons,
        outlets=sorted({_outlet_key(m) for m in members}),
        mention_ids=[m.id for m in members],
        notes=next((m.notes for m in mentions if m.notes), ""),
        merge_reasons=[merge_reason(m.mention, first, m.id) for m in members[1:]],
    )
