"""Explosions counted at a place ("three explosions rocked the market", "two blasts hit a bus station") are
bombs (codebook: Remote explosive/landmine/IED), not a bare attack; explosions heard in a battle or under an
air raid stay what the sentence says they were. Sentences we wrote."""

from __future__ import annotations

import pytest
from coded_events import events


@pytest.mark.parametrize(
    "sentence",
    [
        "Three explosions rocked the market in Jos on Monday, killing 12 people.",
        "Two blasts hit a bus station in Kano on Monday, killing five.",
        "Police said at least four explosions went off at the temple in Bodh Gaya on Monday morning.",
    ],
)
def test_counted_explosions_at_a_place_are_bombs(extractor, sentence):
    assert [e.sub_event_type for e in events(extractor, sentence)] == ["Remote explosive/landmine/IED"]


@pytest.mark.parametrize(
    ("sentence", "sub_type"),
    [
        ("Gunfire and explosions were heard across Goma on Monday as troops fought rebels.", "Armed clash"),
        ("Several explosions were heard as Israeli jets struck targets in Gaza City on Monday.", "Air/drone strike"),
    ],
)
def test_explosions_of_a_battle_or_a_raid_stay_so(extractor, sentence, sub_type):
    assert [e.sub_event_type for e in events(extractor, sentence)] == [sub_type]


STORED = (
    "Two large explosions hit the port district of the city on Tuesday, caused by tonnes of fertiliser stored "
    "in a warehouse for six years, officials said."
)


def test_explosions_of_what_was_stored_there_are_an_accident(extractor):
    assert events(extractor, STORED) == []
    assert extractor.classify_text(STORED) is None  # a snippet is read as the article coder reads it
