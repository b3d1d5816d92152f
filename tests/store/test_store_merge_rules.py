"""The incident rules and the blocked merger, without a database."""

from __future__ import annotations

import datetime as dt

from store_samples import ambush, sukhna, wire_page

from frontwire.incidents import IncidentIndex, IncidentMember, choose_incident, compatible, incident_id_for
from frontwire.incidents.synthetic import members


def _m(**kw):
    base = dict(fatalities=21, location=sukhna("As Sukhnah", 34.8869, 38.8717), attribution="reported")
    base.update(kw)
    return ambush(**base)


def test_store_rules_date_windows_follow_time_precision():
    day = _m()
    assert compatible(day, _m(day=dt.date(2024, 4, 19)))
    assert not compatible(day, _m(day=dt.date(2024, 4, 20)))
    week = _m(day=dt.date(2024, 4, 21))
    week.time_precision = 2
    assert compatible(day, week)  # 3 days from a week's middle
    week2 = _m(day=dt.date(2024, 4, 25))
    week2.time_precision = 2
    assert compatible(week, week2) and not compatible(day, week2)
    month = _m(day=dt.date(2024, 4, 15))
    month.time_precision = 3
    assert compatible(_m(day=dt.date(2024, 4, 29)), month)
    assert not compatible(_m(day=dt.date(2024, 5, 2)), month)


def test_store_rules_distance_follows_geo_precision():
    near = sukhna("As Sukhnah", 34.95, 38.8717, precision=1)  # about 7 km north
    far = sukhna("As Sukhnah", 35.05, 38.8717, precision=1)  # about 18 km north
    here = sukhna("As Sukhnah", 34.8869, 38.8717, precision=1)
    assert compatible(_m(location=here), _m(location=near))
    assert not compatible(_m(location=here), _m(location=far))
    far.geo_precision = 2
    assert compatible(_m(location=here), _m(location=far))


def test_store_rules_actors_and_types():
    assert compatible(_m(), _m(actor1="Unidentified Armed Group (Syria)"))
    iraq = _m(actor1="Unidentified Armed Group (Iraq)")
    iraq.actor2 = "Civilians (Syria)"
    assert not compatible(_m(), iraq)
    syria = _m(actor1="Unidentified Armed Group (Syria)")
    syria.actor2 = "Civilians (Syria)"
    assert compatible(_m(), syria)
    other = _m(actor1="Hay'at Tahrir al-Sham")
    other.actor2 = "Military Forces of Syria (2024-)"
    assert not compatible(_m(), other)
    clash = _m()
    clash.sub_event_type = "Government regains territory"
    assert compatible(_m(), clash)
    strike = _m()
    strike.event_type = "Explosions/Remote violence"
    assert not compatible(_m(), strike)


def test_store_same_article_mentions_stay_apart():
    a = IncidentMember(id="a", mention=_m(), article_id="art")
    b = IncidentMember(id="b", mention=_m(), article_id="art")
    assert choose_incident(b, {incident_id_for("a"): [a]}) is None


def _brute_force(batch):
    incidents: dict[str, list] = {}
    for member in batch:
        chosen = choose_incident(member, incidents) or incident_id_for(member.id)
        incidents.setdefault(chosen, []).append(member)
    return {k: [m.id for m in v] for k, v in incidents.items()}


def test_store_blocking_loses_no_match():
    batch = members(1000, seed=3, days=30)
    index = IncidentIndex()
    index.add_all(batch)
    blocked = {k: [m.id for m in v] for k, v in index.incidents.items()}
    assert blocked == _brute_force(batch)
    assert len(blocked) < len(batch)  # some merging happened
    assert index.comparisons < len(batch) ** 2 / 20


def test_store_extreme_dates_do_not_break_the_merge(store) -> None:
    """A mention dated at the calendar's edge is stored and merged, not an OverflowError."""
    import dataclasses

    page, article, mentions = wire_page()
    odd = [dataclasses.replace(mentions[0], event_date=dt.date(1, 1, 1))]
    assert store.write_page(page, article, odd).status == "new"
