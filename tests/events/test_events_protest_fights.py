"""A fight between police and demonstrators is a violent demonstration, whoever the sentence names first;
a one-sided act of the police is not (codebook: Riots; sentences we wrote)."""

import pytest

from frontwire.events.rules.typing_context import protest_subtype


@pytest.mark.parametrize(
    "sentence",
    [
        "Rallies went on past midnight, with riot police fighting demonstrators in the old town.",
        "Police battled crowds of students outside the ministry for hours.",
        "Demonstrators fought police near the parliament building.",
        "Hundreds of marchers were battling officers at the bridge by nightfall.",
    ],
)
def test_a_fight_with_the_police_is_a_violent_demonstration(sentence):
    assert protest_subtype(sentence, 0) == "Violent demonstration"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Teachers marched to the ministry, fighting for higher wages.", "Peaceful protest"),
        ("Residents rallied to back the police in fighting crime in the district.", "Peaceful protest"),
        ("Police dispersed the marchers with tear gas.", "Protest with intervention"),
    ],
)
def test_no_fight_no_riot(sentence, expected):
    assert protest_subtype(sentence, 0) == expected


def test_a_whole_sentence_gives_one_violent_demonstration_per_town(extractor):
    import datetime as dt

    from frontwire.records import Article

    text = "Protests went on into the night, with police fighting protesters in Tabriz, Qom and Yazd."
    events = extractor.extract_events(Article(source="t", paragraphs=[text], published=dt.date(2024, 6, 2))).events
    assert {(e.sub_event_type, e.location_text) for e in events} == {
        ("Violent demonstration", town) for town in ("Tabriz", "Qom", "Yazd")
    }
