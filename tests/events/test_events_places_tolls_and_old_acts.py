"""Rules 0.9.5 (issue 12): a town written with the state or country that holds it ("El Paso, Texas") is one
place; counts of incidents, and the killings that set a protest off, are no toll; an act told by the time
since it is background; a fixed-day holiday dates an act; a suspect's surrender is no agreement. Sentences
written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from coded_events import WEDNESDAY, coded

from frontwire.events import RuleExtractor
from frontwire.events.dates import DateContext, find_dates
from frontwire.events.figures import find_fatalities
from frontwire.records import Article


def events(extractor: RuleExtractor, *paragraphs: str) -> list[tuple[str, str, int | None]]:
    article = Article(source="t", title="", paragraphs=list(paragraphs), published=WEDNESDAY)
    return [(e.sub_event_type or "", e.location_text or "", e.fatalities)
            for e in extractor.extract_events(article).events]


@pytest.mark.parametrize(
    ("text", "town", "toll"),
    [
        (
            "A gunman opened fire on shoppers at a supermarket in the U.S. border city of El Paso, Texas, "
            "on Monday, killing 22 people, police said.",
            "El Paso",
            22,
        ),
        ("A gunman opened fire outside a bar in Dayton, Ohio, on Monday, killing nine people.", "Dayton", 9),
        ("Gunmen killed five worshippers at a mosque in Maiduguri, Nigeria, on Monday.", "Maiduguri", 5),
    ],
)
def test_a_town_and_its_state_are_one_event_with_the_whole_toll(
    extractor: RuleExtractor, text: str, town: str, toll: int
):
    assert events(extractor, text) == [("Attack", town, toll)]


def test_towns_listed_with_commas_and_and_stay_several_places(extractor: RuleExtractor):
    found = events(
        extractor, "On Monday, police fired tear gas at protesters in Portland, Eugene, and Salem, officials said."
    )
    assert sorted(place for _, place, _ in found) == ["Eugene", "Portland", "Salem"]


def test_an_initialism_is_no_place(extractor: RuleExtractor):
    found = events(extractor, "Gunmen shot dead two guards outside the U.N. compound in Mogadishu on Monday.")
    assert [place for _, place, _ in found] == ["Mogadishu"]


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("The protests came after several instances where people were killed by mobs.", None),
        ("In two separate incidents on Monday, five people were killed.", 5),
        ("Three incidents on Monday killed 12 people.", 12),
        ("Several people were killed on Monday.", 3),
    ],
)
def test_counts_of_incidents_are_no_toll(text: str, toll: int | None):
    assert find_fatalities(text).value == toll


def test_the_killings_that_set_a_protest_off_are_not_its_toll(extractor: RuleExtractor):
    found = events(
        extractor,
        "Thousands of people marched through Lahore on Monday. The protests came after two students were "
        "killed by a mob near their college.",
    )
    assert [(sub, place, fat or 0) for sub, place, fat in found] == [("Peaceful protest", "Lahore", 0)]


def test_a_protest_s_own_dead_are_its_toll(extractor: RuleExtractor):
    found = events(
        extractor,
        "Police opened fire on protesters in Lahore on Monday, killing two of them, witnesses said.",
    )
    assert [(place, fat) for _, place, fat in found] == [("Lahore", 2)]


def test_an_act_told_by_the_time_since_it_is_background(extractor: RuleExtractor):
    old = (
        "A year after hundreds of people died in a nerve gas attack on the suburbs of Damascus, survivors "
        "said on Monday that no one had been held to account."
    )
    assert coded(extractor, old) == []
    now = "Two years after the war began, troops shelled the town of Kupiansk on Monday, killing three people."
    assert coded(extractor, now) == [("Shelling/artillery/missile attack", "2024-03-04", "Kupiansk")]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Gunmen killed five worshippers at a church in Jos on Christmas Eve.", dt.date(2023, 12, 24)),
        ("fighters surrounded a church where villagers had gathered for Christmas Day", dt.date(2023, 12, 25)),
        ("A gunman attacked a nightclub on New Year's Day.", dt.date(2024, 1, 1)),
        ("A truck ploughed into a Christmas market on Monday.", dt.date(2024, 3, 4)),  # a market, not the day
    ],
)
def test_a_fixed_day_holiday_dates_the_act(text: str, day: dt.date):
    found = find_dates(text, DateContext.for_text(WEDNESDAY, ""))
    assert [d.date for d in found] == [day]


def test_a_suspect_giving_himself_up_is_no_agreement(extractor: RuleExtractor):
    text = "The suspected gunman surrendered himself to police on Monday after a standoff."
    assert [sub for sub, _, _ in coded(extractor, text)] != ["Agreement"]
    fighters = "Hundreds of rebel fighters surrendered to the army in Beni on Monday."
    assert [sub for sub, _, _ in coded(extractor, fighters)] == ["Agreement"]
