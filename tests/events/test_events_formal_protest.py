"""A formal protest in words is no gathering (codebook: protests are public demonstrations): a state that
"lodged a formal protest", a ministry that "protested to the ambassador", a club or a federation that
"protests" a decision. People who protest in a place still do, whoever organised them. Sentences we wrote."""

from __future__ import annotations

import pytest
from coded_events import events


@pytest.mark.parametrize(
    "sentence",
    [
        "Beijing lodged a formal protest with Washington on Monday over the arms sale.",
        "The foreign ministry protested to the Israeli ambassador on Tuesday over the raid.",
        "The football federation protested the referee's decision on Sunday and asked for a replay.",
        "The government protested the ruling in a letter to the United Nations on Monday.",
        "Seoul delivered a strongly-worded protest to Tokyo on Friday over the textbooks.",
    ],
)
def test_a_protest_in_words_is_no_event(extractor, sentence):
    assert not [e for e in events(extractor, sentence) if e.event_type in ("Protests", "Riots")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Hundreds protested in Baghdad on Monday against power cuts.",
        "The teachers' union protested in front of parliament in Amman on Monday.",
        "Workers of the state oil company protested outside its offices in Basra on Monday.",
        "Thousands of supporters of the club protested outside the federation's offices in Cairo on Sunday.",
    ],
)
def test_people_who_protest_somewhere_still_protest(extractor, sentence):
    assert [e.event_type for e in events(extractor, sentence)] == ["Protests"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Opposition leaders called for supporters to march on parliament on Friday.",
        "The party's secretary-general called for its members in every town to gather for three days of protests "
        "next week.",
    ],
)
def test_a_call_to_march_is_a_plan(extractor, sentence):
    assert not [e for e in events(extractor, sentence) if e.event_type == "Protests"]
