"""Concern, shock and judgment voiced about an act told elsewhere are reactions, not events."""

from __future__ import annotations

import pytest

from frontwire.events.rules.filters import non_event_reason


@pytest.mark.parametrize(
    "sentence",
    [
        "The regional bloc said it was deeply concerned by reports of killings in the border villages.",
        'Two aid agencies said they were "alarmed" at the abductions of volunteers in the province.',
        "The foreign ministry expressed grave concern over the shelling of residential districts.",
        "The opposition leader said the attacks on students were cowardly and unacceptable.",
        "A spokesman for the mission said the bombing of the clinic was 'barbaric'.",
    ],
)
def test_concern_and_judgment_are_reactions(sentence: str) -> None:
    assert non_event_reason(sentence, trigger=(0, 3)) == "reaction to an act told elsewhere"


def test_an_act_with_its_day_is_kept_whatever_is_said_of_it() -> None:
    sentence = "Gunmen killed four farmers on Sunday in an attack the governor called cowardly."
    assert non_event_reason(sentence, trigger=(0, 6)) is None


def test_a_protest_of_outraged_people_is_still_a_protest() -> None:
    # Protest cues have no trigger: the outrage is the protesters' demand, told with their march.
    sentence = "Students outraged by the killing of a classmate marched to the police station."
    assert non_event_reason(sentence, trigger=None) is None
