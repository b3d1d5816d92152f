"""An event keeps the story's day and its own town (issue 12, rules 0.9.0). Sentences written for these tests.

- A sentence joined to an event that writes only an earlier day ("a contrast with February 12, when ...")
  tells another occasion: the event keeps the day the story was at.
- "In the centre of Mosul", "the streets of Tehran": the town is the event's place.
- A town told in a story focused on another province is still the town, not its district: the
  gazetteer's "Balad District" holds the town of Balad and bears its name.
"""

from __future__ import annotations

import datetime as dt

from frontwire.events.rules.places import find_places
from frontwire.pipeline import Pipeline
from frontwire.records import Article

PUB = dt.date(2024, 3, 6)  # a Wednesday: "Monday" is 4 March

STORY = (
    "Thousands rally against power cuts",
    "Tens of thousands of people rallied in the centre of Mosul on Monday, demanding the resignation of the "
    "electricity minister over weeks of power cuts.",
    '"We cannot cook, we cannot work," said one teacher who brought her children.',
    "The government has said it will seek new loans to pay for fuel imports.",
    "Smaller crowds gathered in the town of Balad, where students marched from the university to the town hall, "
    "residents said.",
    "The demonstrations were peaceful, a contrast with February 12, when a crowd marched on the ministry.",
)


def _events(pipeline: Pipeline, *paragraphs: str) -> list[tuple[str, str, str, int | None]]:
    article = Article(source="t", title=paragraphs[0], paragraphs=list(paragraphs[1:]), published=PUB)
    return [
        (
            e.sub_event_type or "",
            str(e.event_date),
            e.place.location if e.place else "",
            e.place.geo_precision if e.place else None,
        )
        for e in pipeline.code(article).events
    ]


def test_a_joined_sentences_earlier_day_does_not_date_the_event(pipeline: Pipeline) -> None:
    found = _events(pipeline, *STORY)
    assert ("Peaceful protest", "2024-03-04", "Balad", 1) in found, found
    assert all(date == "2024-03-04" for _, date, _, _ in found), found


def test_a_town_is_coded_as_the_town_not_its_district(pipeline: Pipeline) -> None:
    # The story is about Mosul (Nineveh); Balad lies in Salah ad-Din, and its district bears its name.
    found = _events(pipeline, *STORY)
    assert ("Peaceful protest", "2024-03-04", "Mosul", 1) in found, found
    assert [place for _, _, place, _ in found if "Balad" in place] == ["Balad"], found


def test_the_centre_or_the_streets_of_a_town_place_the_event_there() -> None:
    for text, town in [
        ("Tens of thousands of people rallied in the centre of Vanadzor on Monday.", "Vanadzor"),
        ("Protesters filled the streets of Tehran on Monday night.", "Tehran"),
        ("A bomb exploded in the heart of Kabul on Monday.", "Kabul"),
    ]:
        assert [p.text for p in find_places(text, [], [])] == [town], text
