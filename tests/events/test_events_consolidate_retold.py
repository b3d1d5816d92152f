"""The article-level join (consolidate.py): one act told twice is one event; acts told apart stay apart.

Mentions and sentences here are written for these tests, in the style of wire copy (issue 12)."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwire.events.consolidate import consolidate
from frontwire.records import EventMention, Evidence, Location

_TYPES = {
    "Suicide bomb": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Attack": "Violence against civilians",
    "Peaceful protest": "Protests",
}


def _town(name: str, geonameid: int, admin1: str = "Kunar", country: str = "Afghanistan") -> Location:
    return Location(location=name, geonameid=geonameid, admin1=admin1, country=country, geo_precision=1)


def _region(name: str, country: str = "Afghanistan") -> Location:
    return Location(location=name, admin1=name, country=country, geo_precision=3)


def _mention(sub_type: str, text: str, start: int, place: Location, day: int, name: str | None = None) -> EventMention:
    return EventMention(
        event_date=dt.date(2025, 3, day),
        time_precision=1,
        event_type=_TYPES[sub_type],
        sub_event_type=sub_type,
        actor1="Unidentified",
        location_text=name or place.location,
        evidence=[Evidence(text=text, start=start, end=start + len(text))],
        place=place,
    )


def test_another_bombing_in_the_same_town_two_days_later_stays_apart() -> None:
    first = _mention(
        "Suicide bomb", "A suicide bomber struck a police post in Asadabad on Tuesday.", 0,
        _town("Asadabad", 1), day=4,
    )
    second = _mention(
        "Suicide bomb", "On Thursday, another bomber blew himself up at the market in Asadabad.", 70,
        _town("Asadabad", 1), day=6,
    )
    assert len(consolidate([first, second])) == 2


def test_the_same_kind_of_act_in_other_towns_or_days_apart_stays_apart() -> None:
    monday = _mention("Air/drone strike", "A drone hit a truck in Asadabad on Monday.", 0, _town("Asadabad", 1), 3)
    elsewhere = _mention("Air/drone strike", "A drone hit a house in Chawkay on Tuesday.", 50, _town("Chawkay", 2), 4)
    week_later = _mention(
        "Air/drone strike", "A drone hit a wedding party in Asadabad on Sunday.", 100, _town("Asadabad", 1), 9
    )
    shelling = _mention(
        "Shelling/artillery/missile attack", "Mortar rounds hit Asadabad on Tuesday.", 150, _town("Asadabad", 1), 4
    )
    assert len(consolidate([monday, elsewhere, week_later, shelling])) == 4


def test_another_strike_on_the_same_town_the_same_day_stays_apart() -> None:
    house = _mention(
        "Air/drone strike", "An air strike hit a house in Asadabad on Monday morning, killing six.", 0,
        _town("Asadabad", 1), day=3,
    )
    school = _mention(
        "Air/drone strike", "In the evening, another air strike hit a school in Asadabad, killing four.", 70,
        _town("Asadabad", 1), day=3,
    )
    merged = consolidate([house, school])
    assert [(m.location_text, m.fatalities) for m in merged] == [("Asadabad", None), ("Asadabad", None)]
    assert [m.evidence[0].start for m in merged] == [0, 70]


def test_the_blasts_of_one_attack_counted_again_are_one_event() -> None:
    told = _mention(
        "Suicide bomb", "Three car bombs went off in Asadabad on Sunday morning, killing 30 people.", 0,
        _town("Asadabad", 1), day=2,
    )
    counted = _mention(
        "Suicide bomb", "Two of the cars blew up near the governor's office while a third explosion shook "
        "the bazaar in Asadabad.", 90, _town("Asadabad", 1), day=2,
    )
    (merged,) = consolidate([told, counted])
    assert [e.start for e in merged.evidence] == [0, 90]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the district written after the town as what holds it: one act, at the town
        ("Militiamen attacked a camp for displaced people at Asadabad in Sarkani district on Monday night.",
         ["Asadabad"]),
        # a town and an area side by side in a list: two places
        ("Gunmen attacked Asadabad and villages across Sarkani district on Monday night.", ["Asadabad", "Sarkani"]),
    ],
)  # fmt: skip
def test_an_act_told_at_a_town_and_at_the_district_that_holds_it_is_one_event(text, expected) -> None:
    place = Location(location="Asadabad", geonameid=1148311, admin1="Kunar", admin2="Sarkani", country="Afghanistan")
    town = _mention("Attack", text, 0, place, 3)
    district = Location(location="Sarkani", admin1="Kunar", admin2="Sarkani", country="Afghanistan", geo_precision=3)
    area = _mention("Attack", text, 0, district, 3, name="Sarkani")
    assert sorted(e.location_text for e in consolidate([town, area])) == expected
