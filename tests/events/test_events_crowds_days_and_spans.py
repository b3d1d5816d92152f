"""Rules 0.9.8 (issue 12): a crowd's arson or looting is a riot, not an organised group's property destruction;
a sentence that opens on its weekday is dated apart from an event told on another day; a bomb that "tore
through" a place, a crowd that beat a man to death, supporters blocking a highway; a toll told over a span of
months or part of a year is an aggregate; a capital named by its country after "near" only locates the place
before it; unarmed people named by their trade are civilians. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from coded_events import events

from frontwire.events import RuleExtractor


@pytest.mark.parametrize(
    "text",
    [
        "On Monday night, groups of young men set fire to about 40 cars and attacked the police station in Kisumu.",
        "Crowds attacked the provincial assembly building in Pokhara and set vehicles on fire on Monday.",
        "Police said about 200 people looted shops in the centre of Leeds on Monday night.",
    ],
)
def test_a_crowds_arson_or_looting_is_a_riot(extractor: RuleExtractor, text: str):
    found = events(extractor, text)
    assert [(e.event_type, e.sub_event_type) for e in found] == [("Riots", "Violent demonstration")]


@pytest.mark.parametrize(
    "text",
    [
        "Rebels looted shops and burned houses in Beni on Monday.",
        "Soldiers looted shops in the market of Beni on Monday after residents fled.",
    ],
)
def test_an_armed_groups_looting_stays_property_destruction(extractor: RuleExtractor, text: str):
    assert [e.sub_event_type for e in events(extractor, text)] == ["Looting/property destruction"]


def test_a_sentence_opening_on_another_weekday_is_another_event(extractor: RuleExtractor):
    found = events(
        extractor,
        "The death toll from Sunday's attack by gunmen on the village of Kuru in Plateau State has risen to 50, "
        "police said.",
        "On Monday evening, angry youths attacked herders' settlements near Bukuru, killing two herdsmen.",
    )
    by_place = {e.location_text: e for e in found}
    assert set(by_place) >= {"Kuru", "Bukuru"}
    assert by_place["Kuru"].event_date == dt.date(2024, 3, 3)
    assert by_place["Bukuru"].event_date == dt.date(2024, 3, 4)
    assert not any("Bukuru" in ev.text for ev in by_place["Kuru"].evidence)


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("A bomb tore through a crowded bus station in Kaduna on Monday, killing 12 people.",
         "Remote explosive/landmine/IED"),
        ("A crowd in the Sabon Gari neighbourhood of Kano beat to death a man accused of theft on Monday.",
         "Mob violence"),
    ],
)  # fmt: skip
def test_acts_told_in_these_words_are_coded(extractor: RuleExtractor, text: str, sub_type: str):
    assert [e.sub_event_type for e in events(extractor, text)] == [sub_type]


@pytest.mark.parametrize(
    "text",
    [
        "More than 900 people were killed in the region between January and August, the health ministry said.",
        "In the first four months of this year, according to the UN, more than 300 civilians were killed in the "
        "region.",
        "The army killed more than 500 militants in North Sinai during 2016, according to a year-end statement.",
    ],
)
def test_a_toll_over_months_is_no_event(extractor: RuleExtractor, text: str):
    assert events(extractor, text) == []


def test_a_toll_of_one_day_stays_an_event(extractor: RuleExtractor):
    found = events(extractor, "Gunmen killed 12 people in the village of Kuru on Monday, police said.")
    assert [(e.sub_event_type, e.event_date) for e in found] == [("Attack", dt.date(2024, 3, 4))]


@pytest.mark.parametrize(
    "where",
    ["near Nigeria's capital Abuja", "on the outskirts of Nigeria's capital Abuja", "on the outskirts of Abuja"],
)
def test_a_capital_named_to_locate_a_town_is_not_a_second_place(extractor: RuleExtractor, where: str):
    found = events(extractor, f"A bomb exploded at a bus station in Nyanya, {where}, on Monday, killing 12 people.")
    assert [e.location_text for e in found] == ["Nyanya"]


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("Separatist rebels killed six gold miners at a mining camp in Papua on Monday.", "Attack"),
        ("Rebels killed two truck drivers on the road to Beni on Monday.", "Attack"),
        ("Rebels killed six soldiers at an army post in Papua on Monday.", "Armed clash"),
    ],
)
def test_people_named_by_their_trade_are_civilians(extractor: RuleExtractor, text: str, sub_type: str):
    assert [e.sub_event_type for e in events(extractor, text)] == [sub_type]
