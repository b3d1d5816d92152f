"""Dates of whole-article events (rules 0.7.8), on sentences we wrote: a multi-day episode is coded on its
first day; a dateline that names a country, or that is the lead's only date, does not date the act; a
weekday a clause sets in the future dates nothing; a sentence that tells when the act took place dates it."""

import datetime as dt

import pytest

from frontwire.events._text import split_sentences
from frontwire.events.dates import DateContext, find_dates
from frontwire.records import Article

PUB = dt.date(2025, 5, 31)  # a Saturday


def _events(extractor, *paragraphs, published=PUB):
    return extractor.extract_events(Article(source="t", paragraphs=list(paragraphs), published=published)).events


def test_an_offensive_told_as_one_is_coded_on_the_day_it_began(extractor):
    events = _events(
        extractor,
        "Government troops killed 40 insurgents during a three-day offensive in the forests around Mbau, in "
        "Mocimboa da Praia district, the defence ministry said on Saturday.",
        "The operation began on Monday and ended on Wednesday with the destruction of two camps, a ministry "
        "spokesman said.",
    )
    clash = [e for e in events if e.fatalities == 40]
    assert clash and (clash[0].event_date, clash[0].time_precision) == (dt.date(2025, 5, 26), 2)


# The day of the article's first event, on texts that each tell one act and a second sentence about it.
FIRST_EVENT_DAYS = {
    "a sit-in held since a day starts on that day": (
        (
            "Families of missing men on Friday night called off their five-day sit-in on the highway near "
            "Mastung after talks with the provincial government.",
            "The protesters had blocked the road since Monday, demanding the return of four men.",
        ),
        dt.date(2025, 5, 26),
    ),
    # no span is told: "began" in a later sentence says when the talks began, not when the attack did
    "a single-day attack keeps its day": (
        (
            "Gunmen attacked a police post in Dera on Thursday, killing four officers, the police said.",
            "Talks between the elders and the regional government began on Monday.",
        ),
        dt.date(2025, 5, 29),
    ),
    "a dateline with a country is the filing day, not the act's": (
        (
            "BUNIA, Democratic Republic of Congo, May 30 - Militiamen armed with machetes attacked a camp for "
            "displaced people at Plaine Savo on Monday night, killing at least 12 people, the army said.",
        ),
        dt.date(2025, 5, 26),
    ),
    "a lead dated only by its dateline takes the day a later sentence writes": (
        (
            "QUITO, May 30, 2025 - At least six inmates were killed when rival gangs fought with guns and "
            "knives inside Turi prison, the prison authority said.",
            "The fighting broke out early on Tuesday in one of the prison's wings, where inmates of one gang "
            "attacked members of another.",
        ),
        dt.date(2025, 5, 27),
    ),
    "a sentence that tells when the killings took place dates them": (
        (
            "MAPUTO - Insurgents killed 52 young men in the village of Xitaxi, in Muidumbe district, after "
            "they refused to join the group, police said on Tuesday.",
            "The killings took place on May 7, but news of them reached the provincial capital only this week.",
        ),
        dt.date(2025, 5, 7),
    ),
}


@pytest.mark.parametrize("case", FIRST_EVENT_DAYS)
def test_the_first_event_is_dated_as_the_text_tells(extractor, case):
    paragraphs, expected = FIRST_EVENT_DAYS[case]
    events = _events(extractor, *paragraphs)
    assert events and events[0].event_date == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The mayor, who was due to be named the party's candidate on Sunday, was detained.", []),
        ("Talks will resume on Monday in Doha.", []),
        ("Funerals will be held for the victims of Sunday's attack.", [dt.date(2025, 5, 25)]),
        ("A bomb exploded near the mosque next to the market on Sunday.", [dt.date(2025, 5, 25)]),
        ("Talks will resume on Monday, after fighters attacked a base on Sunday.", [dt.date(2025, 5, 25)]),
    ],
)
def test_a_weekday_its_clause_sets_in_the_future_is_no_day_of_an_act(sentence, expected):
    found = find_dates(sentence, DateContext.for_text(PUB, ""))
    assert [d.date for d in found] == expected


def test_a_sentence_ends_before_a_capital_outside_ascii():
    text = "Police detained 87 people by the evening. İmamoğlu said he would not bow. Özel spoke later."
    assert [s.text for s in split_sentences(text)] == [
        "Police detained 87 people by the evening.",
        "İmamoğlu said he would not bow.",
        "Özel spoke later.",
    ]


def test_captives_marched_away_are_no_protest(extractor):
    events = _events(
        extractor,
        "Twelve passengers of the bus to Fiche were marched into the hills by gunmen on Thursday.",
    )
    assert all(e.event_type != "Protests" for e in events)
    marchers = _events(extractor, "Hundreds of students marched to the ministry in Kampala on Thursday.")
    assert [e.sub_event_type for e in marchers] == ["Peaceful protest"]
