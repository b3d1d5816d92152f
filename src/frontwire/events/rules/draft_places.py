"""An event's places: the place words of its sentences that name where it happened, at the finest level.

The coder codes one event per place (codebook: one event per type, date and location). Of the places
`places.find_places` reads in an event's sentences, those that are where fire came from, where a quoted
source sits, or no place at all (a demonym, a possessive, a weekday, an organisation: `place_checks`) are
left out; a country, or a country's possessive, counts at country level; a list of the event's dead places
it nowhere new. The finest level left gives the event's places, each name once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from frontwire.events.actors import CountryLexicon
from frontwire.events.rules.associates import DEMONSTRATIONS
from frontwire.events.rules.grouping import EventDraft, TypedSentence
from frontwire.events.rules.place_checks import (
    capital_named,
    cared_for_at,
    counterpart,
    demonstrated_where,
    described_places,
    facilities_in_towns,
    fired_from,
    is_capital,
    is_place_name,
    speaker_seat,
)
from frontwire.events.rules.places import PlaceMention, find_places

_POSSESSIVE = re.compile(r"['’]s?$")  # "Pakistan's": a country's possessive is not a place
COUNTRY_LEVEL = 3


def draft_places(
    ev: EventDraft, claim_spans: Sequence[tuple[TypedSentence, tuple[int, int]]], countries: CountryLexicon
) -> list[PlaceMention]:
    """Places of the finest level the event's sentences give, each once (one event per place).
    `claim_spans` are the claimant's words in each sentence, which name no place of the event."""
    found: list[PlaceMention] = []
    for i, p in enumerate(ev.parts):
        # A list of the event's dead places it nowhere new (a victim's home town); it may place it
        # finer (a town where the event had only its region).
        finest = min((f.level for f in found), default=None) if p.retells else None
        excl = [(a.start, a.end) for a in p.actors] + [sp for q, sp in claim_spans if q is p]
        named = find_places(p.sentence.text, p.entities, excl)
        if ev.typing.event_type in DEMONSTRATIONS:
            named = demonstrated_where(p.sentence.text, named)
        named = facilities_in_towns(p.sentence.text, described_places(p.sentence.text, named))
        for place in named:
            place = capital_named(place, p.sentence.text, countries)
            if finest is not None and place.level >= finest:
                continue
            place = replace(place, sentence=i)
            if fired_from(p.sentence.text, place):
                continue  # where the fire came from, not where it struck
            if counterpart(p.sentence.text, place):
                continue  # the other side of a relation ("beef imports from the United States")
            if cared_for_at(p.sentence.text, place):
                continue  # where the wounded were taken or treated ("died in hospital in Maiduguri")
            if speaker_seat(p.sentence.text, place):
                continue  # where the source sits ("citing the Ministry of Interior in Gaza")
            if not (is_capital(place) or is_place_name(place, p.sentence.text, countries)):
                continue  # a demonym, a possessive, a weekday or an organisation
            if countries.get(_POSSESSIVE.sub("", place.text)) is not None:
                # a country, or a country's ("Israel's southern towns"): country level, not a town
                place = PlaceMention(place.text, place.start, place.end, COUNTRY_LEVEL, sentence=i)
            elif _POSSESSIVE.search(place.text):
                # a town's site ("Ankara's main railway station"): the town
                bare = _POSSESSIVE.sub("", place.text)
                place = replace(place, text=bare, end=place.start + len(bare))
            found.append(place)
    if not found:
        return []
    finest = min(p.level for p in found)
    seen: set[str] = set()
    out = []
    for p in found:
        key = p.text.lower()
        if p.level == finest and key not in seen:
            seen.add(key)
            out.append(p)
    return out
