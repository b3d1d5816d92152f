"""Sentences of whole articles that mention violence without reporting a new occurrence, and follow-ups
that re-tell an event already coded: sentences we wrote in the style of wire copy, one per rule.

Each rule is checked both ways: the sentence it is written for is dropped with its reason, and a
sentence that reports one occurrence in nearly the same words is kept.
"""

import datetime as dt

import pytest

from frontwire.events.rules.filters import non_event_reason
from frontwire.events.rules.stance import ended_agreement
from frontwire.records import Article

PUB = dt.date(2024, 5, 9)


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


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("The rebels held the engineer for 70 days, the longest-running kidnapping in the province since 2011.",
         "comparison"),
        ("Before May, the longest a hostage had been held in the region was two days.", "comparison"),
        ("The coffins of the four soldiers killed in the Gao ambush were flown home on Tuesday.", "commemoration"),
        ("The bodies of the nine miners killed in last week's attack arrived in the capital on Friday.",
         "commemoration"),
        ("A memorial service was held on Sunday for the 12 pilgrims killed in the bus bombing.", "commemoration"),
        ("Thousands gathered in the stadium to celebrate the 30th anniversary of the party's founding.",
         "commemoration"),
    ],
)
def test_comparisons_and_commemorations_are_no_new_act(sentence: str, reason: str) -> None:
    why = _reason(sentence)
    assert why is not None and reason in why


@pytest.mark.parametrize(
    "sentence",
    [
        # An act of force at a commemoration is an event of its own.
        "Police fired tear gas at hundreds of people at the memorial service for the dead students.",
        # A strike that buries people under rubble is no burial.
        "An airstrike buried a family of six under the rubble of their home in the town.",
        # A record told with the act and its day reports the act.
        "Gunmen killed 20 villagers on Monday, the deadliest attack in the district since 2019.",
    ],
)
def test_acts_at_commemorations_and_records_told_with_their_day_stay(sentence: str) -> None:
    assert _reason(sentence) is None


def test_a_march_marking_an_anniversary_with_a_demand_is_a_protest() -> None:
    march = "Thousands marched to mark the anniversary of the uprising, calling for the release of prisoners."
    assert non_event_reason(march) is None  # a protest sentence is read without a trigger
    assert "commemoration" in (non_event_reason(march.split(",")[0] + ".") or "")


@pytest.mark.parametrize(
    ("sentence", "ended"),
    [
        ("The group declared a formal end to the six-month truce brokered by Qatar.", True),
        ("The ceasefire collapsed after two days of talks.", True),
        ("The rebels pulled out of the peace agreement on Monday.", True),
        ("The two militias agreed to end the fighting and signed a ceasefire in the capital.", False),
        ("Government and rebel negotiators signed a ceasefire agreement in Doha.", False),
    ],
)
def test_an_agreement_ended_is_not_an_agreement(sentence: str, ended: bool) -> None:
    assert ended_agreement(sentence) is ended


def test_a_truce_declared_over_gives_no_agreement_and_a_truce_agreed_does() -> None:
    from frontwire.events import RuleExtractor

    extractor = RuleExtractor()

    def coded(text: str) -> tuple[list[str], list[str]]:
        result = extractor.extract_events(Article(source="t", paragraphs=[text], published=PUB))
        return [e.sub_event_type for e in result.events], [d.reason for d in result.dropped]

    types, reasons = coded("Hamas declared a formal end to the six-month truce with Israel on Monday.")
    assert types == [] and any("end or breach of an agreement" in r for r in reasons)
    assert coded("Hamas and Israel agreed a six-month truce on Monday, Egyptian mediators said.")[0] == ["Agreement"]
