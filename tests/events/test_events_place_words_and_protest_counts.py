"""Rules 0.9.6 (issue 12): a name that opens a compound adjective ("US-based", "Saudi-led") and a religious
community ("the Shia neighbourhoods") are no place of an event; a town or a list beside them still is. Many
protests summed with no day of their own are no event; one protest, or rallies in named towns on a day,
still are. Sentences written for these tests."""

from __future__ import annotations

import pytest
from coded_events import WEDNESDAY

from frontwire.events import RuleExtractor
from frontwire.records import Article


def places(extractor: RuleExtractor, text: str) -> list[str | None]:
    article = Article(source="t", title="", paragraphs=[text], published=WEDNESDAY)
    return [e.location_text for e in extractor.extract_events(article).events]


@pytest.mark.parametrize(
    "text",
    [
        "Two women from US-based rights group Witness Bahrain taking part in Sunday's march were arrested.",
        "Most clashes between police and protesters occurred in the Shia neighborhoods on Monday.",
        "Gunmen opened fire on Sunni worshippers leaving a mosque on Friday, killing six people.",
    ],
)
def test_a_compound_adjective_or_a_community_is_no_place(extractor: RuleExtractor, text: str):
    found = places(extractor, text)
    assert found, "the sentence still tells an event"
    assert not any(p and ("-based" in p or p in ("Shia", "Sunni")) for p in found)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Police detained three activists of a London-based charity at a rally in Harare on Sunday.", "Harare"),
        ("Troops shelled Kurdish-held villages near Afrin on Tuesday, killing four civilians.", "Afrin"),
        ("Clashes in Guinea-Bissau killed two soldiers on Monday.", "Guinea-Bissau"),
        ("A bomb exploded at a market in Port-au-Prince on Monday, killing three people.", "Port-au-Prince"),
    ],
)
def test_a_town_beside_them_or_with_hyphens_of_its_own_stays_the_place(
    extractor: RuleExtractor, text: str, town: str
):
    assert places(extractor, text) == [town]


@pytest.mark.parametrize(
    "text",
    [
        "He attended a number of far-right rallies and has promoted extremist views online.",
        "Students have staged numerous protests against the fee rise.",
        "Opposition supporters have held several demonstrations in the capital.",
    ],
)
def test_protests_summed_with_no_day_are_no_event(extractor: RuleExtractor, text: str):
    assert places(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Protesters held several rallies in Bangkok on Sunday.", ["Bangkok"]),
        ("Thousands of people joined rallies in Paris, Lyon and Marseille on Saturday.", ["Paris", "Lyon", "Marseille"]),
        (
            "On Sunday, exiles have staged demonstrations outside the embassies in Rome, Paris and Berlin.",
            ["Rome", "Paris", "Berlin"],
        ),
    ],
)
def test_rallies_on_a_day_at_named_towns_stay_events(extractor: RuleExtractor, text: str, found: list[str]):
    assert places(extractor, text) == found
