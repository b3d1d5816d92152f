"""A check reads the clause it is about (issue 12, rules 0.8.8): a plan, an accusation, a year or a mourner
told in a clause that describes something else does not unmake the act the sentence reports; the same
words in the sentence's own clause still do. Sentences written for these tests."""

from __future__ import annotations

import pytest
from coded_events import coded as _events

from frontwire.events import RuleExtractor


@pytest.mark.parametrize(
    ("text", "sub_type", "place"),
    [
        # what a protest opposes: a plan named as a thing
        (
            "Thousands of students marched through central Lima on Monday against the government's plans to "
            "raise tuition fees.",
            "Peaceful protest",
            "Lima",
        ),
        (
            "Several thousand people rallied in Tbilisi on Sunday against the government's plan to suspend "
            "talks on joining the European Union.",
            "Peaceful protest",
            "Tbilisi",
        ),
        # the actors' grievance after their own act
        (
            "Youths burned tyres and stoned police vehicles in Kisumu on Monday, accusing the police of killing "
            "a teenager.",
            "Violent demonstration",
            "Kisumu",
        ),
        (
            "Soldiers detained at least 15 men in the village of Khinj on Monday, accusing them of supporting "
            "the resistance.",
            "Arrests",
            "Khinj",
        ),
        # when a thing was made, in a participle that describes it
        (
            "On Monday, the National Guard, a force created last year to fight the cartels, clashed with gunmen "
            "in Culiacan, killing two of them.",
            "Armed clash",
            "Culiacan",
        ),
        # mourners are people at a funeral, not a reaction
        (
            "On Monday, police fired pellets at a funeral procession in Sopore, leaving two mourners with "
            "serious eye injuries.",
            "Protest with intervention",
            "Sopore",
        ),
    ],
)
def test_a_clause_that_describes_something_else_keeps_the_act(
    extractor: RuleExtractor, text: str, sub_type: str, place: str
):
    found = _events(extractor, text)
    assert [(t, p) for t, _, p in found] == [(sub_type, place)], found


@pytest.mark.parametrize(
    "text",
    [
        "The army plans to attack the rebel stronghold of Kidal next week, a commander said.",
        "The ministry issued a statement accusing the rebels of killing twelve civilians in Beni.",
        "Unit 9, which was created last year, killed three militants in Kidal.",
        "Thousands mourned the victims of the attack in Kabul on Monday.",
    ],
)
def test_the_same_words_in_the_sentences_own_clause_still_tell_no_new_act(
    extractor: RuleExtractor, text: str
):
    assert _events(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested three men accused of carrying out the bombing.",
        "Police arrested three men over the bombing.",
        "Police detained twelve people in connection with the attack on the police station.",
        "Police arrested two men suspected of planting the bomb.",
    ],
)
def test_an_arrest_for_an_act_is_an_arrest(extractor: RuleExtractor, text: str):
    assert extractor.classify_text(text) == "Arrests"


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        # aircraft that back or carry the doers do not make the act an air strike
        (
            "On Monday, security forces backed by a helicopter pursued the attackers into the forest near Mangai "
            "and clashed with a group of militants, killing two.",
            "Armed clash",
        ),
        (
            "Gunmen attacked a convoy near Djibo on Monday, killing four soldiers; the wounded were evacuated by "
            "helicopter to Ouagadougou.",
            "Armed clash",
        ),
        # aircraft that strike still do
        ("Army helicopters bombed rebel positions near the town of Kidal on Monday.", "Air/drone strike"),
        ("Five people were killed by a drone in the town of Kidal on Monday.", "Air/drone strike"),
    ],
)
def test_aircraft_in_support_are_not_the_strike(extractor: RuleExtractor, text: str, sub_type: str):
    assert [t for t, _, _ in _events(extractor, text)] == [sub_type]


def test_fighting_told_as_going_on_is_no_new_event_unless_it_has_its_day(extractor: RuleExtractor):
    assert (
        _events(extractor, "Since then, fighting has continued in the countryside near the town of Sake.")
        == []
    )
    assert (
        _events(extractor, "Clashes have persisted in the north of the town of Sake, residents said.") == []
    )
    assert [
        t for t, _, _ in _events(extractor, "Fighting has continued on Monday around the airport of Goma.")
    ] == ["Armed clash"]
