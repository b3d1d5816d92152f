"""Acts in the forms wire copy writes them (issue 12, rules 0.8.2 and 0.8.3): a village stormed, residents
shot at, fire set to a market, less-lethal rounds fired at a crowd, a cessation of hostilities, a group's
dissolution, a shoot-out, a tanker hijacked, olive trees uprooted, a crowd baton-charged; and the same words
where they tell no act. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwire.events import RuleExtractor
from frontwire.records import Article

PUB = dt.date(2024, 3, 6)  # a Wednesday


def _events(extractor: RuleExtractor, *paragraphs: str) -> list[tuple[str, str, str]]:
    article = Article(source="t", title="", paragraphs=list(paragraphs), published=PUB)
    return [
        (e.sub_event_type or "", str(e.event_date), e.location_text or "")
        for e in extractor.extract_events(article).events
    ]


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        (
            "Suspected jihadist gunmen stormed Dandume, a farming town in Katsina state, late on Monday, shooting "
            "residents and setting fire to the weekly market, police said.",
            "Attack",
        ),
        (
            "Armed men opened fire on a minibus carrying traders near the town of Kipini on Monday, police said.",
            "Attack",
        ),
        (
            "A gunman fired several shots at the car of a local councillor in Ozamiz on Monday morning, police said.",
            "Attack",
        ),
        (
            "Police fired pellets at a crowd in the town of Tral on Monday, witnesses said.",
            "Protest with intervention",
        ),
        (
            "The government and the Southern Liberation Front agreed on Monday to a cessation of hostilities in "
            "the town of Malakal, the mediators said.",
            "Agreement",
        ),
        (
            "Two suspected kidnappers were killed in a shoot-out with police in the town of Ikot Ekpene on Monday.",
            "Armed clash",
        ),
        ("Gunmen sprayed a minibus with bullets near the town of Kipini on Monday, police said.", "Attack"),
        (
            "A roadside device wrecked an army truck near the village of Gao Kouri on Monday, the army said.",
            "Remote explosive/landmine/IED",
        ),
        (
            "A Liberian-flagged tanker was hijacked by pirates off the port of Eyl on Monday, the navy said.",
            "Abduction/forced disappearance",
        ),
        (
            "Settlers uprooted dozens of olive trees in the village of Turmus Ayya on Monday, residents said.",
            "Looting/property destruction",
        ),
        (
            "Riot police baton-charged a crowd in the town of Kericho on Monday, witnesses said.",
            "Protest with intervention",
        ),
    ],
)
def test_an_act_written_in_the_forms_of_wire_copy_is_an_event(
    extractor: RuleExtractor, text: str, sub_type: str
):
    found = _events(extractor, text)
    assert [s for s, _, _ in found] == [sub_type], found
    assert found[0][1] == "2024-03-04"  # Monday before the Wednesday the story ran


@pytest.mark.parametrize(
    "text",
    [
        # the act's words in a figure of speech, or told of a thing, are no event
        "The opposition leader opens fire on the electoral commission as the campaign enters its last week.",
        "When the striker hits the cap, it sets fire to the fuse, which burns down to the charge.",
        "The team stormed to a 3-0 win over Rovers on Monday, shooting past a tired defence.",
        "City won the penalty shoot-out in the final on Monday after a goalless draw.",
    ],
)
def test_the_same_words_in_a_figure_of_speech_are_no_event(extractor: RuleExtractor, text: str):
    assert _events(extractor, text) == []
