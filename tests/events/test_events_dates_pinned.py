"""A vague phrase followed by the day it means is dated by that day (dates.py), on sentences we wrote."""

import datetime as dt

import pytest

from frontwire.events.dates import DateContext, find_dates
from frontwire.records import Article

PUB = dt.date(2025, 3, 19)  # a Wednesday


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Earlier this month, on March 4, rebels shelled the market.", dt.date(2025, 3, 4)),
        ("Gunmen raided the village overnight on Sunday.", dt.date(2025, 3, 16)),
        ("Last week, on Tuesday, troops clashed with militants near the border.", dt.date(2025, 3, 11)),
        ("Earlier this week, on Monday, students marched to the ministry.", dt.date(2025, 3, 17)),
        ("Yesterday (Tuesday) police detained four activists.", dt.date(2025, 3, 18)),
        ("In February, on the 9th of February, a convoy was ambushed.", dt.date(2025, 2, 9)),
    ],
)
def test_the_day_pins_the_vague_phrase(sentence, expected):
    found = find_dates(sentence, DateContext.for_text(PUB, ""))
    assert [(d.date, d.precision) for d in found] == [(expected, 1)]


def test_a_vague_phrase_alone_keeps_its_precision():
    found = find_dates("Jets struck the hills earlier this month.", DateContext.for_text(PUB, ""))
    assert [(d.date, d.precision) for d in found] == [(dt.date(2025, 3, 15), 3)]


def test_a_day_further_on_does_not_pin_the_phrase():
    # "last week" dates the raids; Monday is when the ministry spoke, a clause away
    found = find_dates(
        "Troops raided two camps last week, the ministry said in a statement on Monday.",
        DateContext.for_text(PUB, ""),
    )
    assert [d.precision for d in found] == [2, 1]


def test_an_event_is_dated_by_the_pinned_day(extractor):
    text = (
        "Earlier this month, on March 4, militants attacked an army post in Kidal, killing three soldiers, "
        "the army said."
    )
    events = extractor.extract_events(Article(source="t", paragraphs=[text], published=PUB)).events
    assert events and {e.event_date for e in events} == {dt.date(2025, 3, 4)}


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        ("The next day, they abducted ten women in Damasak.", dt.date(2025, 3, 17)),
        ("Two days later, they abducted ten women in Damasak.", dt.date(2025, 3, 18)),
        ("They abducted ten women in Damasak.", dt.date(2025, 3, 16)),  # no day of its own: the one before
    ],
)
def test_a_day_counted_from_the_event_before(second, expected):
    from frontwire.events.rules.coder import RuleExtractor

    article = Article(
        source="t",
        paragraphs=["Militants attacked the village of Gubio on Sunday, killing four farmers.", second],
        published=PUB,
    )
    dates = {e.location_text: e.event_date for e in RuleExtractor(use_spacy=False).extract(article)}
    assert dates == {"Gubio": dt.date(2025, 3, 16), "Damasak": expected}


def test_a_next_day_that_would_fall_after_publication_is_not_taken():
    from frontwire.events.rules.coder import RuleExtractor

    article = Article(
        source="t",
        paragraphs=[
            "Militants attacked the village of Gubio today, killing four farmers.",
            "The next day, they abducted ten women in Damasak.",
        ],
        published=PUB,
    )
    dates = {e.location_text: e.event_date for e in RuleExtractor(use_spacy=False).extract(article)}
    assert dates["Damasak"] == PUB


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # Published on a Friday: "Friday prayers last week" are the Friday before, not the day itself.
        ("Armed men killed 18 worshippers during Friday prayers last week.", dt.date(2026, 1, 9),
         dt.date(2026, 1, 2)),
        # Published on a Monday: Friday of last week is three days back.
        ("Armed men killed 18 worshippers during Friday prayers last week.", dt.date(2026, 1, 12),
         dt.date(2026, 1, 9)),
        ("Troops clashed with militants near the border on Tuesday last week.", PUB, dt.date(2025, 3, 11)),
    ],
)
def test_a_weekday_of_last_week_is_that_week_s(sentence, published, expected):
    found = find_dates(sentence, DateContext.for_text(published, ""))
    assert (found[0].date, found[0].precision) == (expected, 1)
