"""Reinforcements sent are a movement of forces, not an event; an act told beside them is kept."""

from __future__ import annotations

import pytest

from frontwire.events.rules.filters import non_event_reason
from frontwire.events.rules.measures import measure_reason


@pytest.mark.parametrize(
    "sentence",
    [
        "The interior ministry said on Tuesday it had sent additional police officers to the border district.",
        "Reinforcements were dispatched from the provincial capital overnight, a local official said.",
        "About 300 more soldiers arrived in the town on Thursday, the governor's office said.",
        "The army has deployed fresh troops along the highway, residents said.",
    ],
)
def test_reinforcements_sent_are_not_an_event(sentence: str) -> None:
    assert measure_reason(sentence)
    assert "movement of forces" in (non_event_reason(sentence, trigger=(4, 10)) or "")


@pytest.mark.parametrize(
    "sentence",
    [
        # The act told with the movement: the sentence reports the clash, the shooting, the arrests.
        "Reinforcements sent from the capital clashed with the gunmen near the bridge on Monday.",
        "Additional troops arrived and fired tear gas at the crowd outside the governor's office.",
        "Extra police deployed to the market arrested nine men on Friday.",
        # A force entering a new place on its own is not a reinforcement (ACLED may code it).
        "The government sent troops into the breakaway province on Sunday.",
    ],
)
def test_an_act_or_a_first_deployment_is_not_a_reinforcement(sentence: str) -> None:
    assert measure_reason(sentence) is None


def test_protest_sentences_keep_their_police() -> None:
    # Police added at a march do not make the march a movement of forces (protest cues have no trigger).
    sentence = "Thousands marched to parliament on Saturday as additional police were deployed."
    assert non_event_reason(sentence, trigger=None) is None
