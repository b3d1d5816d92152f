"""A person captured, seized or snatched (issue 12, rules 0.9.0): an arrest when state forces take them,
an abduction when anyone else does or nobody is named; and a place captured stays a place taken. The
codebook's Arrests are by state forces; a group's seizure of people is an abduction. Sentences written for
these tests."""

from __future__ import annotations

import pytest
from coded_events import coded as _events
from coded_events import sole_event_on_monday

from frontwire.events import RuleExtractor


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        (
            "Soldiers captured a senior rebel commander near the town of Bama on Monday, the army said.",
            "Arrests",
        ),
        ("The rebel leader was captured by troops in a raid on his hideout near Beni on Monday.", "Arrests"),
        (
            "The group's deputy leader had been captured in a joint raid by Pakistani and American intelligence "
            "agents in Karachi on Monday, officials said.",
            "Arrests",
        ),
        ("Police took 20 suspected smugglers into custody in the port of Mombasa on Monday.", "Arrests"),
        ("Police seized three men suspected of the robbery in the town of Nakuru on Monday.", "Arrests"),
        (
            "Two aid workers were seized from their car at a checkpoint outside Gao on Monday.",
            "Abduction/forced disappearance",
        ),
        (
            "A local chief was snatched from his home in the town of Kidal on Monday night by unidentified armed "
            "men.",
            "Abduction/forced disappearance",
        ),
        (
            "Al-Shabaab fighters captured two soldiers after an attack on a base near Lamu on Monday, residents "
            "said.",
            "Abduction/forced disappearance",
        ),
        (
            "Gunmen seized three engineers from a construction site near Kaduna on Monday, police said.",
            "Abduction/forced disappearance",
        ),
    ],
)
def test_a_person_captured_is_arrested_by_the_state_and_abducted_by_others(
    extractor: RuleExtractor, text: str, sub_type: str
):
    assert sole_event_on_monday(extractor, text) == sub_type


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        (
            "Rebels captured the town of Rutshuru on Monday after heavy fighting.",
            "Non-state actor overtakes territory",
        ),
        ("Troops seized control of the airport in Khartoum on Monday.", "Government regains territory"),
    ],
)
def test_a_place_captured_is_still_a_place_taken(extractor: RuleExtractor, text: str, sub_type: str):
    assert [s for s, _, _ in _events(extractor, text)] == [sub_type]


def test_goods_seized_are_no_capture(extractor: RuleExtractor):
    assert (
        _events(extractor, "Police seized 200 kilograms of cocaine in the port of Guayaquil on Monday.") == []
    )


def test_a_capture_in_a_partys_own_quoted_words_is_its_claim(extractor: RuleExtractor):
    text = (
        'The armed wing of the group claimed in a statement, "We have captured an enemy soldier", on Monday.'
    )
    assert _events(extractor, text) == []
