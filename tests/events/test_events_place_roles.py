"""A capital named by its role, a protest's cause and a building or an institution, as an event's place
(ACLED codes where the act happened, at a named town; sentences we wrote)."""

import datetime as dt

from frontwire.records import Article

PUB = dt.date(2024, 5, 9)  # a Thursday


def _places(extractor, *paragraphs):
    events = extractor.extract_events(Article(source="t", paragraphs=list(paragraphs), published=PUB)).events
    return [e.location_text for e in events]


def test_a_capital_named_by_its_country_is_the_events_place(extractor):
    assert _places(
        extractor, "Gunmen stormed a hotel in the Somali capital on Tuesday, killing five people."
    ) == ["Somali capital"]
    assert _places(extractor, "Rebels fought their way into Chad's capital on Saturday, witnesses said.") == [
        "Chad's capital"
    ]


def test_a_capital_given_its_name_is_that_city(extractor):
    assert _places(extractor, "Rebels fought their way into Chad's capital N'Djamena on Saturday.") == [
        "N'Djamena"
    ]


def test_a_provincial_capital_is_not_a_countrys(extractor):
    assert _places(
        extractor, "Gunmen killed four traders in the provincial capital on Monday, police said."
    ) != ["provincial capital"]


def test_a_protests_cause_is_not_where_the_crowd_stood(extractor):
    assert _places(
        extractor, "Hundreds of people protested in the Qatari capital on Monday against the war in Gaza."
    ) == ["Qatari capital"]
    # Told alone, the place stays: the crowd may well have stood there.
    assert _places(extractor, "Hundreds protested against police brutality in Nairobi on Tuesday.") == [
        "Nairobi"
    ]


def test_a_building_in_a_town_the_sentence_opens_on_is_that_town(extractor):
    assert _places(
        extractor, "In Tel Aviv, around 3,000 people demonstrated outside the Defence Ministry on Saturday."
    ) == ["Tel Aviv"]


def test_a_building_in_a_named_town_is_that_town(extractor):
    assert _places(
        extractor,
        "A suicide bomber blew himself up outside the Interior Ministry in Ankara on Sunday, killing two.",
    ) == ["Ankara"]
    assert _places(
        extractor, "Armed students attacked the Ministry of Environment in Islamabad on Tuesday."
    ) == ["Islamabad"]


def test_where_people_are_held_is_not_where_they_protest(extractor):
    assert _places(
        extractor, "In Tel Aviv, thousands of relatives of hostages held in Gaza protested on Saturday."
    ) == ["Tel Aviv"]
    assert "Raqqa" not in _places(
        extractor, "Families of soldiers held in Raqqa protested outside the parliament in Beirut on Monday."
    )
