"""The whole reading pipeline on the canonical page and on pages we wrote: page in, events with places out.

These are the figures a reader checks: dates, fatalities, actors, who claims what, and where.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from frontwire.config import DEFAULT
from frontwire.events import base_name
from frontwire.geo.builtin import km
from frontwire.ingest import read
from frontwire.pipeline import Pipeline, prepare
from frontwire.records import Page
from frontwire.run.ingest import ingest

ROOT = Path(__file__).resolve().parents[1]
CANONICAL = ROOT / ".." / "shared" / "pages" / "southfront-2024-05-airstrikes-central-syria.txt"
AMBUSH = sorted((ROOT / "tests" / "pages" / "ambush").glob("*.html"))
SUKHNAH = (34.885, 38.871)


@pytest.fixture(scope="module")
def canonical():
    if not CANONICAL.exists():
        pytest.skip("../shared/pages is not beside the repository")
    gold = json.loads(CANONICAL.with_suffix(".gold.json").read_text(encoding="utf-8"))
    prepare(DEFAULT)
    page = next(iter(read([str(CANONICAL)])))
    assert isinstance(page, Page)
    return gold, Pipeline(DEFAULT)(page)


def test_canonical_page_events(canonical) -> None:
    gold, made = canonical
    assert made.article.outlet is not None and made.article.outlet.name == gold["outlet"]["name"]
    by_date: dict[dt.date, list] = {}
    for ev in made.events:
        by_date.setdefault(ev.event_date, []).append(ev)
    assert sorted(by_date) == sorted(dt.date.fromisoformat(e["date"]) for e in gold["events"])
    for want in gold["events"]:
        got = by_date[dt.date.fromisoformat(want["date"])]
        for ev in got:
            assert ev.event_type == want["event_type"] and ev.sub_event_type == want["sub_event_type"]
            assert base_name(ev.actor1) == want["actor1"]
            assert base_name(ev.actor2) == want["actor2"]
            assert ev.fatalities == want["fatalities"]
            assert ev.evidence and ev.evidence[0].text in made.article.body
            body = made.article.body
            assert all(body[e.start : e.end] == e.text for e in ev.evidence)
        # one event per place, as ACLED codes it
        assert len(got) == len(want["locations"])


def test_canonical_page_claims_and_places(canonical) -> None:
    _, made = canonical
    strikes = [ev for ev in made.events if ev.sub_event_type == "Air/drone strike"]
    assert {ev.attribution for ev in strikes} == {"claimed"}
    assert all("Russian Center for Reconciliation" in (ev.claimant or "") for ev in strikes)
    assert {ev.place.admin1 for ev in strikes} == {"Homs", "Deir ez-Zor"}
    assert all(ev.place.geo_precision == 3 for ev in strikes)
    ambush = next(ev for ev in made.events if ev.event_date == dt.date(2024, 4, 18))
    assert ambush.attribution == "blamed"
    assert ambush.place.geo_precision == 2
    assert km(ambush.place.latitude, ambush.place.longitude, *SUKHNAH) < 5
    al_kum = next(ev for ev in made.events if ev.event_date == dt.date(2024, 5, 3))
    assert (
        al_kum.place.geo_precision == 2 and km(al_kum.place.latitude, al_kum.place.longitude, *SUKHNAH) < 25
    )


def test_canonical_page_non_events_and_comments_stay_out(canonical) -> None:
    _, made = canonical
    evidence = " ".join(e.text for ev in made.events for e in ev.evidence)
    for phrase in (
        "Video footage",
        "usually deployed",
        "no-fly zone",
        "on a regular basis",
        "increased in recent",
    ):
        assert phrase not in evidence
    for comment in made.article.comments:
        assert comment.text not in evidence


def test_three_outlets_one_ambush_one_incident(tmp_path: Path) -> None:
    """The canonical page and two pages we wrote in other outlets' styles report the April 18 ambush:
    stored, they make one incident with three sources, graded as independently corroborated."""
    if not CANONICAL.exists():
        pytest.skip("../shared/pages is not beside the repository")
    from frontwire.store import open_store, query

    db = str(tmp_path / "ambush.sqlite")
    stats = ingest([str(CANONICAL), *map(str, AMBUSH)], db=db)
    assert stats.failed == 0 and stats.pages["new"] == 3
    with open_store(db, read_only=True) as store:
        found = query.incidents(
            store, query.Filters(date_from=dt.date(2024, 4, 17), date_to=dt.date(2024, 4, 19))
        )
    ambush = [i for i in found if i.sub_event_type == "Armed clash" and len(i.outlets) > 1]
    assert len(ambush) == 1, [(i.location, i.outlets) for i in found]
    incident = ambush[0]
    assert len(incident.outlets) == 3
    assert incident.grade == "two or more independent outlets"
    assert incident.fatalities == 21 and (incident.fatalities_low, incident.fatalities_high) == (21, 22)
    assert incident.location == "As Sukhnah"
    again = ingest([str(CANONICAL), *map(str, AMBUSH)], db=db)
    assert again.pages["unchanged"] == 3 and not again.pages["new"]


def test_generic_actors_take_the_country_the_event_is_placed_in() -> None:
    """A report that names no country: once placed in Nasiriyah, its police and protesters are Iraq's."""
    text = "Police fired tear gas to disperse hundreds of protesters in Nasiriyah on Monday, witnesses said."
    page = Page(source="brief", kind="text", content=text, published=dt.date(2024, 1, 22))
    prepare(DEFAULT)
    (event,) = Pipeline(DEFAULT)(page).events
    assert event.place is not None and event.place.country == "Iraq"
    # ACLED: a protest with intervention is the protesters' event; the police are actor2.
    assert event.actor1 == "Protesters (Iraq)"
    assert base_name(event.actor2) == "Police Forces of Iraq"
    assert "Unknown" not in event.notes and "Police Forces of Iraq" in event.notes


def test_associated_actors_take_the_country_the_event_is_placed_in() -> None:
    """Who protested (ACLED's associated actor) is named for the country too, as the notes are."""
    text = "Hundreds of teachers protested in Nasiriyah on Monday to demand unpaid salaries, witnesses said."
    page = Page(source="brief", kind="text", content=text, published=dt.date(2024, 1, 22))
    prepare(DEFAULT)
    (event,) = Pipeline(DEFAULT)(page).events
    assert (event.actor1, event.assoc_actor_1) == ("Protesters (Iraq)", "Teachers (Iraq)")
    assert "Unknown" not in event.notes


def test_ingest_codes_pages_as_the_pipeline_does(tmp_path: Path) -> None:
    """The sharded ingest runs the same step as `Pipeline`: stored events carry the same actors."""
    from frontwire.store import open_store, query

    brief = tmp_path / "brief.jsonl"
    text = "Police fired tear gas to disperse hundreds of protesters in Nasiriyah on Monday, witnesses said."
    brief.write_text(json.dumps({"id": "b1", "text": text, "published": "2024-01-22"}) + "\n")
    db = str(tmp_path / "brief.sqlite")
    assert ingest([str(brief)], db=db, workers=1, engine="local").failed == 0
    with open_store(db, read_only=True) as store:
        (stored,) = query.events(store)
    assert stored.mention.actor1 == "Protesters (Iraq)"
    assert base_name(stored.mention.actor2) == "Police Forces of Iraq"


def test_one_act_told_with_two_unknown_place_words_coded_to_one_place_is_one_event() -> None:
    """A clash told in a district and then an area the gazetteer does not know, both coded to Ma'rib: once
    coded, one location, so one event, with the toll its second sentence gives (codebook: one event per
    type, date and location)."""
    text = (
        "Fighting broke out on Wednesday between Houthi forces and government troops in the Wadi Zibad district "
        "south of Marib city, a military source said.\n\nThe source said four government soldiers were killed "
        "and six wounded when Houthi units attacked positions in the Al-Mashjah area."
    )
    page = Page(source="brief", kind="text", content=text, published=dt.date(2024, 1, 18))
    prepare(DEFAULT)
    (event,) = Pipeline(DEFAULT)(page).events
    assert event.sub_event_type == "Armed clash" and event.event_date == dt.date(2024, 1, 17)
    assert event.place is not None and event.place.location == "Ma'rib"
    assert event.fatalities == 4
