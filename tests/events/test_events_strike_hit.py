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


def test_strikes_that_hit_a_city_or_a_district_are_air_strikes(extractor):
    events = _events(extractor, "A new wave of strikes hit the port city of Karachi overnight, residents said.")
    assert [(e.sub_event_type, e.location_text) for e in events] == [("Air/drone strike", "Karachi")]


def test_drones_named_by_their_explosives_strike_from_the_air(extractor):
    # Not "drone strike" nor "drones struck": the drone is told by what it carried.
    for text in (
        "On Wednesday, troops used explosive-laden drones to hit a building in Sialkot, killing two gunmen.",
        "On Wednesday, a small drone carrying explosives was flown over a police post in Kotli and dropped two "
        "charges, wounding three officers.",
    ):
        assert [e.sub_event_type for e in _events(extractor, text)] == ["Air/drone strike"], text
