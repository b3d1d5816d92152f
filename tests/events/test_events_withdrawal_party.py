"""A non-violent transfer of territory needs an armed or political party (codebook: rebels, governments or
their affiliates acquire territory, or government forces withdraw): an aid group's or a UN mission's
announced "withdrawal" from a country hands over none. Sentences we wrote."""

from __future__ import annotations

import pytest
from coded_events import events


@pytest.mark.parametrize(
    "sentence",
    [
        "Medecins Sans Frontieres announced on Monday a partial withdrawal from Libya.",
        "The charity began its withdrawal from the province on Tuesday after two of its staff were threatened.",
    ],
)
def test_a_withdrawal_with_no_armed_party_is_no_transfer(extractor, sentence):
    assert not [e for e in events(extractor, sentence) if e.sub_event_type == "Non-violent transfer of territory"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Government troops withdrew from the town of Kidal on Monday, leaving it to the rebels.",
        "Russian forces withdrew from Kherson on Friday.",
        "The army handed over the base at Tessalit to peacekeepers on Monday.",
    ],
)
def test_forces_that_withdraw_still_transfer_territory(extractor, sentence):
    assert [e.sub_event_type for e in events(extractor, sentence)] == ["Non-violent transfer of territory"]
