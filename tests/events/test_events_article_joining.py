"""One event per real event: what the article-level join folds into the event it belongs to (issue 12).

Sentences here are written for these tests, from how wire copy tells a clash and its aftermath."""

from __future__ import annotations

import datetime as dt

from frontwire.events.consolidate import consolidate
from frontwire.records import EventMention, Evidence, Location

_TYPES = {
    "Armed clash": "Battles",
    "Air/drone strike": "Explosions/Remote violence",
    "Attack": "Violence against civilians",
    "Disrupted weapons use": "Strategic developments",
}


def _at(place: str, country: str, geonameid: int | None = None, precision: int = 1) -> Location:
    return Location(location=place, geonameid=geonameid, country=country, geo_precision=precision)


def _mention(
    sub_type: str, text: str, start: int, place: Location, location_text: str | None = None, day: int = 3
) -> EventMention:
    return EventMention(
        event_date=dt.date(2025, 6, day),
        time_precision=1,
        event_type=_TYPES[sub_type],
        sub_event_type=sub_type,
        actor1="Unidentified",
        location_text=location_text if location_text is not None else place.location,
        evidence=[Evidence(text=text, start=start, end=start + len(text))],
        place=place,
    )


def test_weapons_recovered_after_a_clash_join_the_clash() -> None:
    clash = _mention(
        "Armed clash", "Soldiers fought rebels near Tarlac on Friday, leaving three dead.", 0,
        _at("Tarlac", "Philippines", 11),
    )
    haul = _mention(
        "Disrupted weapons use", "Rifles and a grenade launcher were recovered when the gunmen fled.", 80,
        _at("Philippines", "Philippines", 12, 3),
    )
    merged = consolidate([clash, haul])
    assert [(m.sub_event_type, m.location_text) for m in merged] == [("Armed clash", "Tarlac")]
    assert len(merged[0].evidence) == 2


def test_an_interception_told_first_joins_the_strike_and_the_strike_keeps_its_coding() -> None:
    shot_down = _mention(
        "Disrupted weapons use", "Most of the drones were shot down, the air force said.", 0,
        _at("Israel", "Israel", 5, 3),
    )
    strike = _mention(
        "Air/drone strike", "One drone hit a warehouse in Eilat on Tuesday.", 60, _at("Eilat", "Israel", 6)
    )
    merged = consolidate([shot_down, strike])
    assert [(m.sub_event_type, m.location_text) for m in merged] == [("Air/drone strike", "Eilat")]
    assert [e.start for e in merged[0].evidence] == [0, 60]


def test_a_seizure_elsewhere_or_a_hand_over_stays_its_own_event() -> None:
    clash = _mention(
        "Armed clash", "Troops clashed with bandits in Zamfara on Monday.", 0, _at("Zamfara", "Nigeria", 21, 2)
    )
    handed_the_same_day = _mention(
        "Disrupted weapons use", "A militia handed over its rifles.", 40, _at("Nigeria", "Nigeria", 23, 3)
    )
    assert len(consolidate([clash, handed_the_same_day])) == 2
    seized = _mention(
        "Disrupted weapons use", "In Kano, customs officers seized 40 pistols hidden in a lorry.", 70,
        _at("Kano", "Nigeria", 22),
    )
    handed = _mention(
        "Disrupted weapons use", "A militia handed over its rifles to the district office.", 150,
        _at("Nigeria", "Nigeria", 23, 3), day=4,
    )
    next_day = _mention(
        "Disrupted weapons use", "Rifles were recovered by police.", 200, _at("Nigeria", "Nigeria", 23, 3),
        day=5,
    )
    merged = consolidate([clash, seized, handed, next_day])
    assert [m.sub_event_type for m in merged] == ["Armed clash"] + ["Disrupted weapons use"] * 3
