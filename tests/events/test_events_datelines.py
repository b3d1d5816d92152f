"""A dateline's city places an event only when its sentences name no other place (sentences we wrote)."""

import datetime as dt

from frontwire.records import Article

PUB = dt.date(2024, 8, 3)  # a Saturday


def _places(extractor, text):
    events = extractor.extract_events(Article(source="t", paragraphs=[text], published=PUB)).events
    return [e.location_text for e in events]


def test_the_place_the_text_gives_wins_over_the_dateline(extractor):
    text = "NAIROBI — Police fired tear gas at protesters in Nakuru on Friday, witnesses said."
    assert _places(extractor, text) == ["Nakuru"]


def test_the_dateline_places_an_event_told_nowhere_else(extractor):
    assert _places(extractor, "NAIROBI — Police fired tear gas at protesters on Friday.") == ["NAIROBI"]
