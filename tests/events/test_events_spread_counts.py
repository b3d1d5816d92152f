"""A count spread over a country or over several regions sums acts at many places: no one event, whatever day
it gives (codebook: one event is one type at one place on one day). One place's act told beside a spread stays.
Sentences written for these tests (rules 0.8.9)."""

from __future__ import annotations

import pytest
from coded_events import coded as _events

from frontwire.events import RuleExtractor
from frontwire.events.rules.aggregates import spread_reason


@pytest.mark.parametrize(
    "text",
    [
        "The army said on Monday that troops had killed 212 militants and arrested 390 suspects across the "
        "country in the previous four weeks.",
        "The interior ministry said 61 people had been arrested across the Lyon region on Monday night.",
        "The defence ministry said air defences had destroyed 64 drones on Monday night over nine regions.",
        "A rights group said at least 45 people were detained nationwide on Monday, most of them in the capital.",
        "Protests took place in more than 30 cities on Monday, the union said.",
    ],
)
def test_a_count_over_a_country_or_many_places_is_no_event(extractor: RuleExtractor, text: str) -> None:
    assert spread_reason(text) == "aggregate: a count spread over a country or many places"
    assert _events(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        # the spread stands in another clause than the act and its count
        (
            "Thousands of people marched in Ibadan on Monday, police said, as protests spread across the country.",
            "Peaceful protest",
        ),
        # a vague number of places: one operation told broadly
        (
            "On Monday, coalition aircraft struck government installations in several cities across the north.",
            "Air/drone strike",
        ),
        # "across" that is no spread over places
        (
            "Gunmen killed two border guards across the river from the town of Malanville on Monday.",
            "Armed clash",
        ),
    ],
)
def test_an_act_at_one_place_beside_a_spread_stays(
    extractor: RuleExtractor, text: str, sub_type: str
) -> None:
    assert [s for s, _, _ in _events(extractor, text)] == [sub_type]
