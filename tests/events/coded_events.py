"""What the rule coder codes from paragraphs written for a test: (sub-type, date, place text) per event."""

from __future__ import annotations

import datetime as dt

from frontwire.events import RuleExtractor
from frontwire.records import Article, EventMention

WEDNESDAY = dt.date(2024, 3, 6)  # the tests' publication day: "Monday" is 4 March


def events(extractor: RuleExtractor, *paragraphs: str, published: dt.date = WEDNESDAY) -> list[EventMention]:
    """The events the rule coder yields for paragraphs published on `published`."""
    article = Article(source="t", title="", paragraphs=list(paragraphs), published=published)
    return extractor.extract_events(article).events


def coded(
    extractor: RuleExtractor, *paragraphs: str, published: dt.date = WEDNESDAY
) -> list[tuple[str, str, str]]:
    article = Article(source="t", title="", paragraphs=list(paragraphs), published=published)
    return [
        (e.sub_event_type or "", str(e.event_date), e.location_text or "")
        for e in extractor.extract_events(article).events
    ]


def sole_event_on_monday(extractor: RuleExtractor, text: str) -> str:
    """The sub-type of the one event `text` codes, which must be dated the Monday before the story ran."""
    found = coded(extractor, text)
    assert len(found) == 1, found
    assert found[0][1] == "2024-03-04", found  # Monday before the Wednesday the story ran
    return found[0][0]
