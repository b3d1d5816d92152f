"""An article about a trial: the crime it retells with no date of its own is no event of the day it was
published (events/rules/trials.py). Sentences written for these tests, in the style of court reports."""

from __future__ import annotations

import datetime as dt

from frontwire.events.rules.trials import REASON
from frontwire.records import Article

PUB = dt.date(2025, 6, 13)  # a Friday
VERDICT = "Gunman jailed for life over attack on army bus in Hamburg"
SENTENCE = "A court in Hamburg sentenced a 24-year-old man to life in prison for the killing of two soldiers."
CRIME = "He opened fire on a bus carrying the soldiers outside their barracks in Hamburg, killing two."


def _read(extractor, title: str, *paragraphs: str):
    return extractor.extract_events(Article(source="t", title=title, paragraphs=list(paragraphs), published=PUB))


def test_the_crime_a_verdict_retells_is_background(extractor):
    result = _read(extractor, VERDICT, SENTENCE, CRIME)
    assert result.events == []
    assert REASON in {d.reason for d in result.dropped}


def test_an_act_dated_in_its_own_words_at_the_trial_stays(extractor):
    clash = "On Friday, police fired tear gas at protesters who clashed with officers outside the court in Hamburg."
    result = _read(extractor, VERDICT, SENTENCE, clash)
    assert [(e.sub_event_type, e.event_date) for e in result.events] == [("Violent demonstration", PUB)]


def test_the_same_act_told_as_news_stays(extractor):
    result = _read(extractor, "Gunman kills two soldiers on army bus in Hamburg", CRIME)
    assert [e.location_text for e in result.events] == ["Hamburg"]
