"""Acts in the forms wire copy writes them (issue 12, rules 0.8.2 and 0.8.3): a village stormed, residents
shot at, fire set to a market, less-lethal rounds fired at a crowd, a cessation of hostilities, a group's
dissolution, a shoot-out, a tanker hijacked, olive trees uprooted, a crowd baton-charged; and (0.8.8) an
aircraft described before its strike, a bomb described before it went off, an encounter, a patrol under fire,
a march told by itself, an arms cache found; (0.8.9) fire opened at a checkpoint, armed men with machetes;
and the same words where they tell no act. Sentences written for
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
            "Suspected jihadist gunmen stormed Dandume, a farming town in Katsina state, late on Monday, shooting "
            "residents and setting fire to the weekly market, police said.",
            "Attack",
        ),
        (
            "Armed men opened fire on a minibus carrying traders near the town of Kipini on Monday, police said.",
            "Attack",
        ),
        (
            "A gunman fired several shots at the car of a local councillor in Ozamiz on Monday morning, police said.",
            "Attack",
        ),
        (
            "Police fired pellets at a crowd in the town of Tral on Monday, witnesses said.",
            "Protest with intervention",
        ),
        (
            "The government and the Southern Liberation Front agreed on Monday to a cessation of hostilities in "
            "the town of Malakal, the mediators said.",
            "Agreement",
        ),
        (
            "Two suspected kidnappers were killed in a shoot-out with police in the town of Ikot Ekpene on Monday.",
            "Armed clash",
        ),
        ("Gunmen sprayed a minibus with bullets near the town of Kipini on Monday, police said.", "Attack"),
        (
            "A roadside device wrecked an army truck near the village of Gao Kouri on Monday, the army said.",
            "Remote explosive/landmine/IED",
        ),
        (
            "A Liberian-flagged tanker was hijacked by pirates off the port of Eyl on Monday, the navy said.",
            "Abduction/forced disappearance",
        ),
        (
            "Settlers uprooted dozens of olive trees in the village of Turmus Ayya on Monday, residents said.",
            "Looting/property destruction",
        ),
        (
            "Riot police baton-charged a crowd in the town of Kericho on Monday, witnesses said.",
            "Protest with intervention",
        ),
        # rules 0.8.8: the aircraft described, the bomb described before it went off, a clash told as an
        # encounter, a patrol under fire, a march told by itself, an arms cache found
        (
            "The army said its air force had bombed rebel positions near the town of Bara on Monday.",
            "Air/drone strike",
        ),
        (
            "A drone operated by the armed forces struck a crowd at the weekly market in Boni on Monday.",
            "Air/drone strike",
        ),
        (
            "On Monday, fighter jets of the Air Component struck a convoy of insurgents near the village of Gajiram.",
            "Air/drone strike",
        ),
        (
            "A bomb hidden in a parked motorcycle went off beside a tea shop in the town of Rueso on Monday.",
            "Remote explosive/landmine/IED",
        ),
        (
            "Two suspected Maoists were killed in an encounter with police in the district of Bijapur on Monday.",
            "Armed clash",
        ),
        ("A police patrol came under fire near the town of Mendi on Monday, police said.", "Armed clash"),
        (
            "Gunmen on motorcycles and in pickup trucks stormed Mailari, a farming village, on Monday.",
            "Attack",
        ),
        (
            "In the town of Hebron on Monday, the march passed peacefully, organisers said.",
            "Peaceful protest",
        ),
        (
            "Police found a cache of weapons and explosives buried in farmland near the village of Abbasi on "
            "Monday.",
            "Disrupted weapons use",
        ),
        (
            "In Patras on Monday, police fired tear gas at a crowd that tried to storm a police station.",
            "Protest with intervention",
        ),
        # rules 0.8.9: fire opened at a checkpoint is no checkpoint set up; armed men are no mob, whatever
        # weapon they carry
        (
            "On Monday, gunmen opened fire on soldiers at a checkpoint near the town of Mopti, the army said.",
            "Armed clash",
        ),
        (
            "Gunmen armed with rifles and machetes stormed a gold miners' camp near the village of Seradala on "
            "Monday, police said.",
            "Attack",
        ),
        (
            "The attackers struck the Boikene neighbourhood of the town late on Monday, hacking victims with "
            "machetes and shooting others as they fled.",
            "Attack",
        ),
        # a distance from a place and a sniper's shot are no race or play on the pitch
        (
            "A bomb exploded 200m from the governor's office in the town of Bosaso on Monday, police said.",
            "Remote explosive/landmine/IED",
        ),
        (
            "A sniper killed a soldier with a long-range shot near the town of Avdiivka on Monday.",
            "Armed clash",
        ),
        # an offensive against armed men, and a fierce attack on positions, are no figure of speech
        (
            "Troops launched an offensive against rebels near the town of Beni on Monday, the army said.",
            "Armed clash",
        ),
        (
            "The army launched a fierce attack on rebel positions near the town of Beni on Monday.",
            "Armed clash",
        ),
    ],
)
def test_an_act_written_in_the_forms_of_wire_copy_is_an_event(
    extractor: RuleExtractor, text: str, sub_type: str
):
    assert sole_event_on_monday(extractor, text) == sub_type


@pytest.mark.parametrize(
    "text",
    [
        # the act's words in a figure of speech, or told of a thing, are no event
        "The opposition leader opens fire on the electoral commission as the campaign enters its last week.",
        "When the striker hits the cap, it sets fire to the fuse, which burns down to the charge.",
        "The team stormed to a 3-0 win over Rovers on Monday, shooting past a tired defence.",
        "City won the penalty shoot-out in the final on Monday after a goalless draw.",
        "The coalition came under fire from critics on Monday over its budget.",
        "The march was postponed until after the elections, the organisers said on Monday.",
        "The minister toured the immigration detention centre in the town of Kano on Monday.",
        "The crowd of 12,000 in the stadium on Monday included a marching band organised by the visiting fans.",
        "Rebels armed with machetes and rifles were seen near the town of Beni on Monday, residents said.",
        # talks about a truce are no agreement (rules 0.8.9)
        "Mediators invited both sides to a new round of ceasefire talks in the town of Malakal on Monday.",
        "Peace talks between the government and the rebels resumed in the town of Malakal on Monday.",
    ],
)
def test_the_same_words_in_a_figure_of_speech_are_no_event(extractor: RuleExtractor, text: str):
    assert _events(extractor, text) == []
