"""Live blogs told entry by entry, datelines written with a colon, a day written as the act's possessive, and
ships taken by pirates (issue 12, rules 0.8.1). Sentences written for these tests, in the way live pages,
South Asian outlets and wire copy write them."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwire.events import RuleExtractor
from frontwire.events._text import split_sentences
from frontwire.records import Article

PUB = dt.date(2024, 6, 25)  # a Tuesday


def _events(extractor: RuleExtractor, *paragraphs: str, published: dt.date = PUB) -> list[tuple[str, str, str]]:
    article = Article(source="t", title="Protests live", paragraphs=list(paragraphs), published=published)
    return [
        (e.sub_event_type or "", str(e.event_date), e.location_text or "")
        for e in extractor.extract_events(article).events
    ]


def test_a_live_blog_time_stamp_is_not_part_of_the_entry_s_first_sentence():
    body = "15:10 In Eldoret, protesters set fire to a police post.\n\n10.30am GMT - Police said two died."
    assert [s.text for s in split_sentences(body)] == [
        "In Eldoret, protesters set fire to a police post.",
        "Police said two died.",
    ]


def test_a_number_opening_a_paragraph_is_no_time_stamp():
    assert split_sentences("3.5 million people fled the fighting.")[0].text == "3.5 million people fled the fighting."


def test_each_entry_of_a_live_blog_that_opens_on_its_town_is_an_event_there(extractor: RuleExtractor):
    entries = (
        "10:30 In Mombasa, several thousand people are marching peacefully along Moi Avenue towards the county "
        "offices.",
        "15:10 In Eldoret, protesters set fire to a police post and a car outside a supermarket, local "
        "television reports.",
        "16:50 In Embu, protesters forced their way into the county headquarters and set fire to part of the "
        "governor's office.",
    )
    places = {place for _, _, place in _events(extractor, *entries)}
    assert {"Mombasa", "Eldoret", "Embu"} <= places


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        # a dateline written with a colon is the filing day, as one written with a dash
        (
            "Imphal, Oct 10: Three suspected militants were killed in a gunfight with the Assam Rifles near "
            "Phubala on Monday night, officials said.",
            dt.date(2024, 10, 10),
            "2024-10-07",
        ),
        # a day written as the act's possessive dates the act, not the report
        (
            "MOGADISHU — Somali officials gave conflicting death tolls on Monday for Friday's attack on a hotel "
            "near the presidential palace, in which gunmen killed at least 12 people.",
            dt.date(2023, 11, 6),
            "2023-11-03",
        ),
        # the guard: with no possessive day, the act keeps the day its own clause gives it
        (
            "Gunmen attacked a hotel in Mogadishu on Friday, killing at least 12 people, officials said on Monday.",
            dt.date(2023, 11, 6),
            "2023-11-03",
        ),
    ],
)
def test_the_act_is_dated_by_its_own_day_not_the_report_s(
    extractor: RuleExtractor, text: str, published: dt.date, day: str
):
    assert {date for _, date, _ in _events(extractor, text, published=published)} == {day}


def test_pirates_hijacking_a_named_ship_is_an_abduction(extractor: RuleExtractor):
    text = "Suspected Somali pirates have hijacked the MV Al Noor, a Panama-flagged cargo ship, off Eyl on Thursday."
    types = {sub for sub, _, _ in _events(extractor, text, published=dt.date(2009, 10, 23))}
    assert types == {"Abduction/forced disappearance"}
