"""Merging mentions from several pages into incidents, with corroboration grades (SQLite and PostgreSQL)."""

from __future__ import annotations

from store_samples import (
    MONITOR,
    REUTERS,
    RIA,
    RT,
    SPUTNIK,
    TASS,
    WIRE,
    ambush,
    monitor_page,
    simple_page,
    southfront_page,
    sukhna,
    wire_page,
)

from frontwire.incidents import GRADE_CLAIMED, GRADE_CONTESTED, GRADE_INDEPENDENT, GRADE_SINGLE
from frontwire.store import query


def _ambush_incident(store):
    found = [
        i for i in query.incidents(store) if i.event_type == "Battles" and str(i.event_date) == "2024-04-18"
    ]
    assert len(found) == 1, found
    return found[0]


def test_store_ambush_three_outlets_one_incident(store):
    for page, article, mentions in (southfront_page(), monitor_page(), wire_page()):
        store.write_page(page, article, mentions)
    incident = _ambush_incident(store)
    assert len(incident.mention_ids) == 3
    assert incident.outlets == ["apnews.com", "southfront.press", "syriahr.com"]
    assert incident.grade == GRADE_INDEPENDENT, incident.grade_reasons
    assert (incident.fatalities, incident.fatalities_low, incident.fatalities_high) == (21, 21, 22)
    assert incident.actor2 == "Quds Brigade" and incident.admin1 == "Homs"
    # the canonical page's other two events stay incidents of their own
    assert len(query.incidents(store)) == 3
    kum = query.incidents(store, query.Filters(actor="national defense"))
    assert len(kum) == 1 and kum[0].grade == GRADE_SINGLE
    strikes = query.incidents(store, query.Filters(event_type="Explosions/Remote violence"))
    assert [s.grade for s in strikes] == [GRADE_CLAIMED]


def test_store_ambush_far_apart_is_two_incidents(store):
    store.write_page(*monitor_page())
    page, article, _ = wire_page()
    far = ambush(
        fatalities=22, location=sukhna("Palmyra", 34.5560, 38.2840, precision=1), attribution="reported"
    )
    store.write_page(page, article, [far])
    assert len(query.incidents(store)) == 2


def test_store_same_owner_is_not_independent(store):
    loc = sukhna("As Sukhnah", 34.8869, 38.8717)
    store.write_page(*simple_page(RIA, "a", ambush(fatalities=21, location=loc, attribution="reported")))
    store.write_page(*simple_page(SPUTNIK, "b", ambush(fatalities=21, location=loc, attribution="reported")))
    (incident,) = query.incidents(store)
    assert len(incident.mention_ids) == 2
    assert incident.grade == GRADE_SINGLE


def test_store_same_state_affiliation_is_not_independent(store):
    loc = sukhna("As Sukhnah", 34.8869, 38.8717)
    store.write_page(*simple_page(RT, "a", ambush(fatalities=21, location=loc, attribution="reported")))
    store.write_page(*simple_page(TASS, "b", ambush(fatalities=21, location=loc, attribution="reported")))
    (incident,) = query.incidents(store)
    assert incident.grade == GRADE_SINGLE
    store.write_page(*simple_page(MONITOR, "c", ambush(fatalities=21, location=loc, attribution="reported")))
    (incident,) = query.incidents(store)
    assert incident.grade == GRADE_INDEPENDENT


def test_store_claimed_only(store):
    loc = sukhna("As Sukhnah", 34.8869, 38.8717)
    claim = dict(actor1="Islamic State (Syria)", attribution="claimed", claimant="Amaq News Agency")
    store.write_page(*simple_page(REUTERS, "a", ambush(fatalities=30, location=loc, **claim)))
    store.write_page(*simple_page(WIRE, "b", ambush(fatalities=30, location=loc, **claim)))
    (incident,) = query.incidents(store)
    assert len(incident.mention_ids) == 2
    assert incident.grade == GRADE_CLAIMED


def test_store_contested_claim_and_denial(store):
    loc = sukhna("As Sukhnah", 34.8869, 38.8717)
    store.write_page(
        *simple_page(
            REUTERS,
            "a",
            ambush(fatalities=21, location=loc, attribution="claimed", claimant="Amaq News Agency"),
        )
    )
    store.write_page(
        *simple_page(
            WIRE,
            "b",
            ambush(fatalities=21, location=loc, attribution="denied", claimant="Islamic State (Syria)"),
        )
    )
    (incident,) = query.incidents(store)
    assert incident.grade == GRADE_CONTESTED
    assert any("denies" in r for r in incident.grade_reasons)


def test_store_contested_blame_and_figures(store):
    loc = sukhna("As Sukhnah", 34.8869, 38.8717)
    store.write_page(*simple_page(REUTERS, "a", ambush(fatalities=5, location=loc, attribution="reported")))
    store.write_page(
        *simple_page(
            WIRE,
            "b",
            ambush(fatalities=40, location=loc, actor1="Hay'at Tahrir al-Sham", attribution="alleged"),
        )
    )
    (incident,) = query.incidents(store)
    assert incident.grade == GRADE_CONTESTED
    reasons = " | ".join(incident.grade_reasons)
    assert "perpetrators" in reasons and "fatality figures" in reasons
    assert (incident.fatalities, incident.fatalities_low, incident.fatalities_high) == (5, 5, 40)
