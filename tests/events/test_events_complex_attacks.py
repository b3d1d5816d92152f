"""A complex attack, a bombing and then a fight with the security forces, is two events (ANNOTATION.md; issue
12). Sentences written for these tests, in the way wire copy tells a storming of a post."""

from __future__ import annotations

import datetime as dt

from frontwire.events import RuleExtractor
from frontwire.records import Article

PUB = dt.date(2025, 2, 6)


def _events(extractor: RuleExtractor, *paragraphs: str) -> list[tuple[str, str | None, dt.date | None]]:
    article = Article(source="t", paragraphs=list(paragraphs), published=PUB)
    return [(e.sub_event_type, e.location_text, e.event_date) for e in extractor.extract_events(article).events]


def test_a_car_bomb_and_the_fight_that_followed_are_two_events_at_one_place_and_day(extractor):
    events = _events(
        extractor,
        "Al Shabaab fighters rammed a car packed with explosives into the gate of an army base in Beledweyne "
        "on Tuesday, killing four soldiers.",
        "Troops repelled the attackers after two hours of fighting, the base commander said.",
    )
    tuesday = dt.date(2025, 2, 4)
    assert ("Remote explosive/landmine/IED", "Beledweyne", tuesday) in events
    assert ("Armed clash", "Beledweyne", tuesday) in events


def test_the_fight_carries_none_of_the_deaths_the_text_gives_the_bombing(extractor):
    article = Article(
        source="t",
        published=PUB,
        paragraphs=[
            "Militants detonated a truck bomb at a police post in Daraban on Tuesday, killing six officers. "
            "Gunmen who followed it in fought the police for three hours before they were killed."
        ],
    )
    by_type = {e.sub_event_type: e for e in extractor.extract_events(article).events}
    assert by_type["Remote explosive/landmine/IED"].fatalities == 6
    assert by_type["Armed clash"].fatalities is None


def test_a_bombing_and_its_toll_of_police_officers_is_one_event(extractor):
    # the toll names an armed side, and is typed as a clash; it tells no fight
    events = _events(
        extractor,
        "A suicide car bomber struck a police checkpoint in Beledweyne on Tuesday, killing seven people.",
        "The dead included at least four policemen who had been guarding the checkpoint, officials said.",
    )
    assert [e[0] for e in events] == ["Suicide bomb"]
