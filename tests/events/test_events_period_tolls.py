"""A toll told over a year or a part of one sums many occurrences; a toll with its own day is one event."""

from __future__ import annotations

import pytest

from frontwire.events.rules.aggregates import aggregate_reason
from frontwire.events.rules.filters import non_event_reason


@pytest.mark.parametrize(
    "sentence",
    [
        "Bandits killed more than 300 villagers across the state last year, according to a local monitor.",
        "At least 900 people died in communal violence in the region in 2022, the commission said.",
        "Some 140 police officers were killed in the first half of the year, the union said.",
    ],
)
def test_a_toll_over_a_period_is_an_aggregate(sentence: str) -> None:
    assert aggregate_reason(sentence) == "aggregate: a toll over a period"
    assert non_event_reason(sentence, trigger=(0, 3)) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        # One act, with its day: the period words do not make it a sum.
        "Gunmen killed nine worshippers at a mosque in the district on Friday, the deadliest raid this year.",
        # A month and day is a date, not a period.
        "Two soldiers were killed in an ambush near the border in May 2024.",
        "Militants killed six guards at the mine, police said.",
    ],
)
def test_one_act_is_not_a_toll_over_a_period(sentence: str) -> None:
    assert non_event_reason(sentence, trigger=(0, 3)) != "aggregate: a toll over a period"
