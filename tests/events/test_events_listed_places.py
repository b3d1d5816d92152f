"""A protest or a raid told at a list of places is one event per place (ACLED; ANNOTATION.md), and the
plural "marches" names demonstrations, on sentences we wrote."""

import datetime as dt

from frontwire.records import Article

PUB = dt.date(2024, 5, 9)  # a Thursday


def _events(extractor, *paragraphs):
    return extractor.extract_events(Article(source="t", paragraphs=list(paragraphs), published=PUB)).events


def test_marches_in_a_list_of_towns_are_one_protest_each(extractor):
    events = _events(
        extractor,
        "Nurses marched through Santiago on Tuesday to demand higher pay.",
        "Marches also took place on Tuesday in Valparaiso, Temuco and Antofagasta, the union said.",
    )
    protests = {(e.location_text, e.event_date) for e in events if e.sub_event_type == "Peaceful protest"}
    assert protests == {
        (town, dt.date(2024, 5, 7)) for town in ("Santiago", "Valparaiso", "Temuco", "Antofagasta")
    }


def test_the_month_march_is_still_no_protest(extractor):
    assert _events(extractor, "The ministry published its budget figures for March on Monday.") == []


def test_a_road_blockade_by_a_civilian_crowd_is_a_protest_at_each_town(extractor):
    events = _events(extractor, "Truck drivers blocked highways near Lille, Metz and Rouen on Tuesday over fuel prices.")
    assert {(e.sub_event_type, e.location_text) for e in events} == {
        ("Peaceful protest", town) for town in ("Lille", "Metz", "Rouen")
    }


def test_armed_men_or_police_blocking_a_road_are_no_protest(extractor):
    rebels = _events(extractor, "Rebels occupied the main road near Goma on Tuesday.")
    assert rebels and all(e.event_type == "Battles" for e in rebels)
    police = _events(extractor, "Police blocked the road to the airport on Tuesday.")
    assert all(e.event_type != "Protests" for e in police)
