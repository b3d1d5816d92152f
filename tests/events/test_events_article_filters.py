"""Sentences of whole articles that mention violence without reporting a new occurrence, and follow-ups
that re-tell an event already coded: sentences we wrote in the style of wire copy, one per rule.

Each rule is checked both ways: the sentence it is written for is dropped with its reason, and a
sentence that reports one occurrence in nearly the same words is kept.
"""

import pytest

from frontwire.events.rules.filters import non_event_reason


def _reason(sentence: str) -> str | None:
    return non_event_reason(sentence, trigger=(0, 1))


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("The raids, which hit three of the villages from the air, left a total of 80 people dead.", "total"),
        ("Those ambushes killed 40 soldiers in all, the monitor said.", "total"),
        ("The insurgents have killed tens of thousands of soldiers through their campaign.", "thousands"),
        ("Rebels say they killed thousands of troops along the border.", "thousands"),
    ],
)
def test_totals_over_several_acts_are_aggregates(sentence: str, reason: str) -> None:
    why = _reason(sentence)
    assert why is not None and why.startswith("aggregate") and reason in why


@pytest.mark.parametrize(
    "sentence",
    [
        "A total of 12 people were killed in the attack on the market, police said.",
        "The twin bombings killed a total of 41 people near the ministry.",
        "Gunmen killed 14 villagers in the raid, a local official said.",
    ],
)
def test_one_acts_total_is_kept(sentence: str) -> None:
    assert _reason(sentence) is None
