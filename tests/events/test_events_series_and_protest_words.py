"""Rules 0.9.9 (issue 12): "a series of bombings" is one day's acts unless the sentence gives a period;
"bombings" is an explosion like "bombing"; a protest named as a thing about protests ("protest laws", "a
protest vote") is no gathering; a sentence opening on a day counted from the event before it ("The day
before", "Two days earlier", "The next day") is another day's event; shares, oil or a motor race that
rally gather no one; an act told on its own day is reported whatever footage or reaction the sentence adds.
Sentences written for these tests."""

from __future__ import annotations

import pytest
from coded_events import events

from frontwire.events import RuleExtractor


def test_a_series_of_bombings_on_a_day_is_an_explosion_at_each_place(extractor: RuleExtractor):
    found = events(extractor, "A series of bombings in Baghdad and Baquba killed at least 40 people on Monday.")
    assert {e.location_text for e in found} == {"Baghdad", "Baquba"}
    assert {e.event_type for e in found} == {"Explosions/Remote violence"}


def test_a_series_told_with_no_day_is_still_one_report(extractor: RuleExtractor):
    found = events(extractor, "A series of bombings in the market town of Hat Yai injured 13 people.")
    assert [e.event_type for e in found] == ["Explosions/Remote violence"]


@pytest.mark.parametrize(
    "text",
    [
        "The town of Manbij has been hit by a series of car bombings this year.",
        "Officials blamed the militia for a series of attacks on bus drivers in Guatemala City since 2023.",
        "A series of kidnappings in the border region in recent months has alarmed the government.",
    ],
)
def test_a_series_over_a_period_is_an_aggregate(extractor: RuleExtractor, text: str):
    assert events(extractor, text) == []


def test_two_bombings_are_explosions_not_an_attack(extractor: RuleExtractor):
    found = events(extractor, "Two bombings at a bus station in Kano killed nine people on Tuesday.")
    assert [(e.event_type, e.sub_event_type) for e in found] == [
        ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The governor signed new protest laws on Monday.",
        "South Dakota drops pipeline protest laws after lawsuit.",
        "Analysts read the result as a protest vote against the ruling party on Sunday.",
    ],
)
def test_a_thing_named_after_protests_is_no_protest(extractor: RuleExtractor, text: str):
    assert events(extractor, text) == []


def test_protesters_against_protest_laws_are_a_protest(extractor: RuleExtractor):
    found = events(extractor, "Hundreds of protesters marched in Pierre on Monday against the new protest laws.")
    assert [e.sub_event_type for e in found] == ["Peaceful protest"]


@pytest.mark.parametrize(
    ("opening", "day"),
    [("The day before", "2024-03-03"), ("Two days earlier", "2024-03-02"), ("The next day", "2024-03-05")],
)
def test_a_day_counted_from_the_event_before_is_another_event(extractor: RuleExtractor, opening: str, day: str):
    found = events(
        extractor,
        "Three bombs exploded in the market of Hat Yai on Monday night, killing two people.",
        f"{opening}, a series of bombings in the town of Sadao injured 13 people.",
    )
    assert [(e.location_text, str(e.event_date)) for e in found] == [
        ("Hat Yai", "2024-03-04"),
        ("Sadao", day),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Shares rallied in Tokyo on Monday after the central bank cut rates.",
        "Oil sharply rallied in London on Tuesday as supply fell.",
        "The Dakar Rally was cancelled on Friday over security threats in Mauritania.",
        "The rally driver crashed on the third stage near Nakuru on Sunday.",
    ],
)
def test_a_rally_of_prices_or_cars_gathers_no_one(extractor: RuleExtractor, text: str):
    assert events(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Oil workers rallied in Port Harcourt on Monday to demand unpaid wages.",
        "Taxi drivers rallied outside city hall in Lagos on Monday.",
    ],
)
def test_workers_who_rally_are_a_protest(extractor: RuleExtractor, text: str):
    assert [e.sub_event_type for e in events(extractor, text)] == ["Peaceful protest"]


def test_an_act_told_on_its_day_before_the_footage_of_it_is_reported(extractor: RuleExtractor):
    found = events(
        extractor,
        "Three gunmen were killed in a firefight with police in Magnitogorsk on Monday night, while footage from "
        "the scene showed a car burning.",
    )
    assert [(e.event_type, str(e.event_date)) for e in found] == [("Battles", "2024-03-04")]
    assert events(extractor, "Video footage showed soldiers beating protesters in Tehran.") == []


def test_a_reaction_that_tells_the_act_on_its_day_reports_it(extractor: RuleExtractor):
    found = events(extractor, "The prime minister condemned the ambush in Hakkari on Monday, killing 12 soldiers.")
    assert [(e.location_text, e.fatalities) for e in found] == [("Hakkari", 12)]


def test_one_more_protester_arrested_is_the_protests_intervention(extractor: RuleExtractor):
    found = events(
        extractor,
        "Two activists chained themselves inside a pipeline section near Cushing on Monday to protest against "
        "the project.",
        "A short time later a third protester, identified as Jane Doe, was also arrested.",
    )
    assert [e.sub_event_type for e in found] == ["Protest with intervention"]


@pytest.mark.parametrize(
    "text",
    [
        "Antifa Warsaw organised a counter-march in the centre of Warsaw on Monday.",
        "Hundreds of students burned effigies of the governor outside the state house in Kano on Monday.",
        "Striking teachers blocked the main road into Nakuru on Monday.",
    ],
)
def test_forms_of_protest_the_cues_lacked(extractor: RuleExtractor, text: str):
    assert [e.event_type for e in events(extractor, text)] in (["Protests"], ["Riots"])


def test_a_striking_resemblance_is_no_strike(extractor: RuleExtractor):
    assert events(extractor, "The new stadium in Kano bore a striking resemblance to the old one on Monday.") == []
