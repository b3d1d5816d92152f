"""What the rule coder codes from paragraphs written for a test: (sub-type, date, place text) per event."""

from __future__ import annotations

import datetime as dt

from frontwire.events import RuleExtractor
from frontwire.records import Article

WEDNESDAY = dt.date(2024, 3, 6)  # the tests' publication day: "Monday" is 4 March


def coded(
    extractor: RuleExtractor, *paragraphs: str, published: dt.date = WEDNESDAY
) -> list[tuple[str, str, str]]:
    article = Article(source="t", title="", paragraphs=list(paragraphs), published=published)
    return [
        (e.sub_event_type or "", str(e.event_date), e.location_text or "")
        for e in extractor.extract_events(article).events
    ]
