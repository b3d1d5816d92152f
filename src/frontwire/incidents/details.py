"""What the texts of two mentions say that tells their events apart, and why two mentions were merged.

Type, day, place and actors (rules.py) say two reports *can* be one event. In a dense conflict they are
not enough: ten strikes on one town on one day agree on all four. Reports of different strikes differ
in what was hit and what it cost, and say so in their own words:

- the target they name: a family, a home or building's owner ("the Abu Daqqa family home", "the house
  of Ahmed Salem"), told apart when both mentions name targets and share none;
- the toll: both give deaths, and the figures are too far apart to be one event reported twice (tolls
  of one event rise as reports come in, so a toll may grow to `TOLL_RATIO` times the other plus
  `TOLL_SLACK` before two reports are called different events). Only when both tell it in their own
  voice and agree on who did it: reports that disagree on blame and figures are one contested event.

`merge_reason` writes, for a pair that merged, what they share: the reason an incident carries for
each report that joined it.
"""

from __future__ import annotations

import re

from frontwire.records import EventMention

# A later report of one event may raise its toll (the wounded die, bodies are found): up to three times
# the other figure plus three (1 -> 6, 5 -> 18) still reads as one event; beyond that, two events.
# Set from how tolls grow between the first and the last reports of one strike in wire updates.
TOLL_RATIO = 3
TOLL_SLACK = 3
_NAME = r"[A-Z][\w'’-]+(?:\s+(?:al-|el-|abu\s+|bin\s+)?[A-Z][\w'’-]+){0,3}"
_FAMILY = re.compile(rf"\b(?:the\s+)?(?P<name>{_NAME})\s+(?:family|clan|household)\b")
_OWNED = re.compile(
    rf"\b(?:home|house|residence|apartment|flat|building|shop|car|tent)s?\s+(?:of|belonging\s+to|owned\s+by)"
    rf"\s+(?:the\s+)?(?P<name>{_NAME})"
)
_PREFIX = re.compile(r"^(?:the|al|el)[\s-]+", re.I)


def named_targets(m: EventMention) -> set[str]:
    """Families and owners of what was hit, as the mention's evidence names them (normalised)."""
    text = " ".join(e.text for e in m.evidence)
    found = [x.group("name") for pattern in (_FAMILY, _OWNED) for x in pattern.finditer(text)]
    return {_PREFIX.sub("", " ".join(name.split())).casefold() for name in found}


def distinct_details(a: EventMention, b: EventMention) -> str | None:
    """Why two mentions that agree on type, day, place and actors still report two events, or None."""
    ta, tb = named_targets(a), named_targets(b)
    if ta and tb and not ta & tb:
        return f"different targets named ({', '.join(sorted(ta))} / {', '.join(sorted(tb))})"
    agreed = a.actor1 == b.actor1 and a.attribution == b.attribution == "reported"
    if agreed and a.fatalities is not None and b.fatalities is not None:
        low, high = sorted((a.fatalities, b.fatalities))
        if high > TOLL_RATIO * low + TOLL_SLACK:
            return f"tolls too far apart ({low} / {high})"
    return None


def merge_reason(joined: EventMention, seed: EventMention, joined_id: str) -> str:
    """What a report that joined an incident shares with the report that founded it."""
    same_type = joined.sub_event_type == seed.sub_event_type
    parts = [joined.sub_event_type if same_type else f"{joined.sub_event_type} ~ {seed.sub_event_type}"]
    if joined.event_date and seed.event_date:
        days = abs((joined.event_date - seed.event_date).days)
        parts.append("same day" if days == 0 else f"{days} day(s) apart")
    if joined.place and seed.place:
        same = joined.place.location.casefold() == seed.place.location.casefold()
        where = seed.place.location
        parts.append(f"at {where}" if same else f"{joined.place.location} ~ {where}")
    shared = {joined.actor1, joined.actor2} & {seed.actor1, seed.actor2} - {None}
    if shared:
        parts.append("actors " + ", ".join(sorted(a for a in shared if a)))
    targets = named_targets(joined) & named_targets(seed)
    if targets:
        parts.append("target " + ", ".join(sorted(targets)))
    if joined.fatalities is not None and seed.fatalities is not None:
        parts.append(f"tolls {joined.fatalities} and {seed.fatalities}")
    return f"{joined_id}: " + "; ".join(parts)
