"""Who is actor1 and who actor2: a date before the first actor is no target cue, "government troops" stay
the military in every phrasing, allies are not targets, "an attack by X" names the initiator.

Sentences written for these tests in the style of wire reports; no evaluation text.
"""

from __future__ import annotations

import datetime as dt

import pytest

from frontwire.events import RuleExtractor, base_name
from frontwire.events.actors import ActorDictionary
from frontwire.events.rules.roles import assign_roles, link_group_nouns
from frontwire.records import Article

MILITARY = "Military Forces of {}"
ARMED_GROUP = "Unidentified Armed Group ({})"


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


def _roles(actors: ActorDictionary, sentence: str):
    return assign_roles(sentence, link_group_nouns(sentence, actors.find(sentence)))


def _main_event(extractor: RuleExtractor, text: str):
    article = Article(source="t", paragraphs=[text], published=dt.date(2024, 5, 20))
    events = extractor.extract(article)
    assert events, text
    return events[0]


def _names(ev) -> tuple[str, str | None]:
    return base_name(ev.actor1), base_name(ev.actor2) if ev.actor2 else None


# --- a date or time before the first actor ------------------------------------------------------
@pytest.mark.parametrize(
    "when",
    [
        "On Tuesday",
        "on 3 May",
        "On May 3",
        "On Sunday night",
        "Early on Friday",
        "On the following day",
        "On that day",
        "On Christmas Day",
        "At dawn",
        "At 5 am",
    ],
)
def test_a_date_before_the_first_actor_is_no_target_cue(actors, when):
    sentence = f"{when} Russian forces captured the village of Ocheretyne from Ukrainian troops."
    roles = _roles(actors, sentence)
    assert roles.actor1 is not None and roles.actor1.text == "Russian forces"
    assert roles.actor2 is not None and roles.actor2.text == "Ukrainian troops"


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("An attack on Russian troops near Bakhmut killed five soldiers, officials said.", "Russian troops"),
        ("Airstrikes on ISIS hideouts in the Badia desert killed twelve fighters.", "ISIS"),
        ("Live fire on protesters in Khartoum killed three people, medics said.", "protesters"),
        ("Shots fired at police officers in Kano wounded two of them.", "police officers"),
        ("An ambush targeting Nigerian soldiers near Damboa left seven dead.", "Nigerian soldiers"),
    ],
)
def test_real_targets_after_on_and_at_stay_targets(actors, sentence, target):
    roles = _roles(actors, sentence)
    assert roles.actor1 is None or roles.actor1.text != target
    assert roles.actor2 is not None and roles.actor2.text == target


def test_dated_lead_keeps_the_state_force_as_actor1(extractor):
    ev = _main_event(
        extractor, "On Wednesday evening Sudanese troops clashed with the RSF in Omdurman, residents said."
    )
    assert _names(ev) == (MILITARY.format("Sudan"), "Rapid Support Forces")


def test_dated_lead_keeps_government_troops_as_actor1(extractor):
    ev = _main_event(
        extractor, "On Sunday night government troops recaptured the town of Kidal in Mali from the rebels."
    )
    assert _names(ev) == (MILITARY.format("Mali"), ARMED_GROUP.format("Mali"))


def test_dated_abduction_has_the_gunmen_as_actor1(extractor):
    ev = _main_event(extractor, "On 3 May gunmen abducted 20 students from a school in Kaduna, Nigeria.")
    assert _names(ev) == (ARMED_GROUP.format("Nigeria"), "Civilians (Nigeria)")


# --- government troops in every phrasing ---------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Militants attacked government troops in the north of Burkina Faso, killing 12 of the soldiers.",
            (ARMED_GROUP.format("Burkina Faso"), MILITARY.format("Burkina Faso")),
        ),
        (
            "Government troops killed five militants in an operation near Mopti, in central Mali.",
            (MILITARY.format("Mali"), ARMED_GROUP.format("Mali")),
        ),
        (
            "Government troops came under attack by militants near Diffa in Niger on Monday.",
            (ARMED_GROUP.format("Niger"), MILITARY.format("Niger")),
        ),
        (
            "Government troops repelled an attack by militants on an army base in Borno state, Nigeria.",
            (ARMED_GROUP.format("Nigeria"), MILITARY.format("Nigeria")),
        ),
        (
            "Government troops and militants clashed near Kidal in Mali, a military source said.",
            (MILITARY.format("Mali"), ARMED_GROUP.format("Mali")),
        ),
        (
            "Sudanese government troops shelled the neighbourhoods of Omdurman, killing eight civilians.",
            (MILITARY.format("Sudan"), "Civilians (Sudan)"),
        ),
        (
            "Troops loyal to the government attacked rebel positions near Taiz in Yemen on Friday.",
            (MILITARY.format("Yemen"), ARMED_GROUP.format("Yemen")),
        ),
        (
            "Regime forces shelled the town of Ariha in Idlib province, killing three civilians.",
            (MILITARY.format("Syria"), "Civilians (Syria)"),
        ),
        (
            "Junta soldiers killed 20 civilians in a village in the Sagaing region of Myanmar.",
            (MILITARY.format("Myanmar"), "Civilians (Myanmar)"),
        ),
    ],
)
def test_government_troops_are_the_military(extractor, text, expected):
    assert _names(_main_event(extractor, text)) == expected


def test_state_forces_lead_a_joint_operation_with_a_militia(extractor, actors):
    sentence = "Pro-government militiamen and government soldiers clashed with jihadists near Mopti in Mali."
    assert base_name(_main_event(extractor, sentence).actor1) == MILITARY.format("Mali")
    roles = _roles(actors, sentence)
    assert roles.actor1.text == "soldiers" and roles.actor2.text == "jihadists"
    assert [a.text for a in roles.allies1] == ["militiamen"]


@pytest.mark.parametrize(
    "text",
    [
        "The Malian army and Wagner fighters killed dozens of civilians in the village of Moura in Mali.",
        "Wagner fighters and Malian soldiers killed dozens of civilians in the village of Moura in Mali.",
    ],
)
def test_army_and_wagner_are_one_side_and_the_civilians_the_other(extractor, text):
    assert _names(_main_event(extractor, text)) == (MILITARY.format("Mali"), "Civilians (Mali)")


def test_backers_are_allies_not_the_initiator(extractor, actors):
    text = (
        "Somali government forces, backed by ATMIS troops, recaptured the town of Harardhere from al-Shabaab."
    )
    assert _names(_main_event(extractor, text)) == (MILITARY.format("Somalia"), "Al Shabaab")
    roles = _roles(actors, "M23 rebels backed by Rwandan troops attacked army positions near Goma.")
    assert roles.actor1.entry.name.startswith("M23") and roles.actor2.text.startswith("army")


def test_an_attack_by_a_named_group_makes_it_actor1(extractor):
    ev = _main_event(
        extractor, "Nigerian troops repelled an attack by ISWAP fighters in Monguno, Borno state."
    )
    assert _names(ev) == ("Islamic State (West Africa)", MILITARY.format("Nigeria"))


def test_the_same_force_named_twice_is_not_its_own_attacker(actors):
    sentence = (
        "The Syrian army pushed into Kafr Nabl as the militants came under heavy fire from government forces."
    )
    roles = _roles(actors, sentence)
    assert roles.actor1 is not None and roles.actor1.text == "Syrian army"
    assert roles.actor2 is not None and roles.actor2.text == "militants"


# --- named groups and their members ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "span", "named"),
    [
        ("ISWAP fighters attacked a base in Borno.", "ISWAP fighters", "Islamic State (West Africa)"),
        (
            "Gunmen suspected to be Fulani herdsmen killed 19 villagers in Benue.",
            "Gunmen suspected to be Fulani herdsmen",
            "Fulani Ethnic Militia (Nigeria)",
        ),
        ("Militants linked to Hamas attacked an army post.", "Militants linked to Hamas", "Hamas Movement"),
        ("Men said to be Taliban fighters were killed.", "Men said to be Taliban fighters", "Taliban"),
    ],
)
def test_common_noun_next_to_a_named_group_is_that_group(actors, sentence, span, named):
    first = link_group_nouns(sentence, actors.find(sentence))[0]
    assert (first.text, first.entry.name) == (span, named)


def test_a_suicide_bomber_is_the_initiator_not_the_police(extractor):
    ev = _main_event(
        extractor,
        "A suicide bomber blew himself up outside a police station in Maiduguri, killing six people.",
    )
    assert _names(ev) == (ARMED_GROUP.format("Nigeria"), "Police Forces of Nigeria")


def test_a_victim_list_is_not_an_alliance(actors):
    sentence = (
        "Two soldiers died at the hands of insurgents and four police were hurt in a bombing near Tikrit."
    )
    roles = _roles(actors, sentence)
    assert roles.actor1.text == "insurgents" and roles.allies1 == ()
