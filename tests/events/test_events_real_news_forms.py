"""Forms of real news copy (issue 12, rules 0.9.0): where the wounded were taken is not where the event
happened; a present passive ("are ignored by the police") tells a standing situation; a month after a
place ("in Syria of August 21") is a date, not part of the place's name. Sentences written for these tests.
"""

from __future__ import annotations

import pytest
from coded_events import coded as _events

from frontwire.events import RuleExtractor
from frontwire.events.rules.places import find_places


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "A bomb exploded at a market in Bama on Monday, killing five people, and two more died in hospital "
            "in Maiduguri.",
            "Bama",
        ),
        (
            "Gunmen attacked a bus near Mastung on Monday, and the wounded were rushed to a hospital in Quetta.",
            "Mastung",
        ),
        ("Two soldiers wounded in an ambush near Kismayo on Monday were airlifted to Nairobi.", "Kismayo"),
    ],
)
def test_where_the_wounded_were_taken_is_not_the_events_place(
    extractor: RuleExtractor, text: str, place: str
) -> None:
    assert [where for _, _, where in _events(extractor, text)] == [place]


def test_a_strike_on_a_hospital_is_at_the_hospitals_town(extractor: RuleExtractor) -> None:
    found = _events(extractor, "An air strike hit a hospital in Gaza City on Monday, killing five people.")
    assert [where for _, _, where in found] == ["Gaza City"]


def test_a_present_passive_tells_a_standing_situation(extractor: RuleExtractor) -> None:
    text = 'The writer argued "beatings, murders and humiliations of gay men are ignored by the police."'
    assert _events(extractor, text) == []
    text = "Attacks on gay men are ignored by the police in the city of Kazan, activists say."
    assert _events(extractor, text) == []
    # the past passive is an occurrence
    assert _events(extractor, "Two activists were beaten by police in the city of Kazan on Monday.") != []


def test_a_month_after_a_place_is_no_part_of_its_name() -> None:
    text = "inspectors of an alleged chemical weapons attack in Syria of August 21 were fired upon on Monday"
    assert [p.text for p in find_places(text, [], [])] == ["Syria"]
    assert [p.text for p in find_places("fighting in the Republic of Congo on Monday", [], [])] == [
        "Republic of Congo"
    ]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Two suicide bombers blew themselves up outside Ankara's main railway station on Monday, killing 95 "
            "people in the deadliest attack of its kind in Turkey's modern history.",
            "Ankara",
        ),
        ("A bomb exploded near Kabul's international airport on Monday, killing three people.", "Kabul"),
    ],
)
def test_a_site_of_a_town_told_by_its_possessive_is_in_that_town(
    extractor: RuleExtractor, text: str, place: str
) -> None:
    assert [where for _, _, where in _events(extractor, text)] == [place]


def test_a_possessive_before_a_finer_place_is_still_no_place(extractor: RuleExtractor) -> None:
    found = _events(
        extractor, "Police arrested ten activists at Mousavi's headquarters in the city of Tabriz on Monday."
    )
    assert [where for _, _, where in found] == ["Tabriz"]


def test_a_nationality_alone_does_not_move_the_event_abroad(extractor: RuleExtractor) -> None:
    found = _events(
        extractor,
        "Police fired tear gas at hundreds of students protesting outside the university in Baghdad on Monday, "
        "witnesses said.",
        "An interpreter working with an Italian news crew was beaten by police on Monday, the crew said.",
    )
    assert found and "Italy" not in {where for _, _, where in found}, found
