"""Incidents that are one real event: strikes on one town on one day stay apart when their texts name
different homes or give tolls too far apart; every merge says why."""

from __future__ import annotations

import datetime as dt

from store_samples import REUTERS, WIRE, ambush, simple_page, sukhna

from frontwire.incidents import IncidentIndex, IncidentMember, summarise
from frontwire.records import EventMention, Evidence, Location
from frontwire.store import query

NUSEIRAT = Location(
    location="Nuseirat", latitude=31.45, longitude=34.39, country="Palestine", admin1="Gaza Strip", geo_precision=1
)


def _strike(text: str, fatalities: int | None, actor1: str = "Military Forces of Israel") -> EventMention:
    return EventMention(
        event_date=dt.date(2023, 10, 7),
        time_precision=1,
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        actor1=actor1,
        actor2="Civilians (Palestine)",
        fatalities=fatalities,
        location_text="Nuseirat",
        attribution="reported",
        evidence=[Evidence(text=text, start=0, end=len(text))],
        place=NUSEIRAT,
    )


def _merge(*mentions: EventMention) -> list[list[IncidentMember]]:
    index = IncidentIndex()
    for i, m in enumerate(mentions):
        index.add(IncidentMember(id=f"m{i}", mention=m, article_id=f"a{i}"))
    return list(index.incidents.values())


def test_strikes_on_different_homes_in_one_town_on_one_day_stay_apart() -> None:
    incidents = _merge(
        _strike("An airstrike hit the Abu Daqqa family home in Nuseirat, killing three.", 3),
        _strike("A strike destroyed the house of Ahmed Salem in Nuseirat camp; two were killed.", 2),
        _strike("Israeli jets struck the home of the Abu Daqqa family in Nuseirat, killing 3 people.", 3),
    )
    assert sorted(len(members) for members in incidents) == [1, 2]
    joined = next(members for members in incidents if len(members) == 2)
    incident = summarise("inc", joined)
    (reason,) = incident.merge_reasons
    assert reason.startswith("m2: ") and "abu daqqa" in reason and "same day" in reason


def test_tolls_far_apart_split_reports_that_agree_on_who_but_not_contested_ones() -> None:
    one, twenty = _strike("A strike hit a house in Nuseirat.", 1), _strike("A strike hit Nuseirat.", 20)
    assert len(_merge(one, twenty)) == 2
    blamed = _strike("A strike hit Nuseirat, the ministry said.", 20, actor1="Unidentified Armed Group (Palestine)")
    blamed.attribution = "alleged"
    assert len(_merge(one, blamed)) == 1  # one event, contested figures and blame
    assert len(_merge(_strike("A strike hit Nuseirat.", 2), _strike("A strike hit Nuseirat.", 5))) == 1


def test_the_stored_incident_keeps_why_its_reports_were_merged(store) -> None:
    loc = sukhna("As Sukhnah", 34.8869, 38.8717)
    store.write_page(*simple_page(REUTERS, "a", ambush(fatalities=21, location=loc, attribution="reported")))
    store.write_page(*simple_page(WIRE, "b", ambush(fatalities=21, location=loc, attribution="reported")))
    (incident,) = query.incidents(store)
    (reason,) = incident.merge_reasons
    assert "same day" in reason and "tolls 21 and 21" in reason
