"""A strike that hits a building, a camp or a convoy is a strike from the air where no weapon word says
otherwise; a labour strike is no event (sentences we wrote)."""

import datetime as dt

from frontwire.records import Article

PUB = dt.date(2025, 5, 8)  # a Thursday


def _events(extractor, text):
    return extractor.extract_events(Article(source="t", paragraphs=[text], published=PUB)).events


def test_another_strike_on_a_building_is_an_air_strike_of_its_own(extractor):
    events = _events(extractor, "Jets struck a camp near Kotli on Wednesday. Another strike hit a school in Sialkot.")
    assert {(e.sub_event_type, e.location_text) for e in events} == {
        ("Air/drone strike", "Kotli"),
        ("Air/drone strike", "Sialkot"),
    }


def test_a_missile_word_still_says_how_it_struck(extractor):
    events = _events(extractor, "A missile strike hit a depot in Sialkot on Wednesday.")
    assert [e.sub_event_type for e in events] == ["Shelling/artillery/missile attack"]


def test_a_labour_strike_hitting_exports_is_no_event(extractor):
    assert _events(extractor, "The dockers' strike hit exports from Karachi on Wednesday.") == []
