"""Event typing to ACLED sub-types on snippets we wrote in the style of wire reports.

Each row is one general phrasing a codebook rule decides (protest vs riot, seizure vs weapon use,
who takes territory, disasters/diplomacy/claims that are not events). None of these sentences comes
from an evaluation set.
"""

import pytest

from frontwire.events.rules.classify import CueLexicon, classify
from frontwire.events.rules.typing_frames import find_frames

CASES = [
    # Protests and riots: who was violent decides; violence the sentence says did not happen decides nothing.
    (
        "Crowds of several thousand gathered on Saturday in Mwanza and Arusha, chanting slogans, and dispersed "
        "without clashes.",
        "Peaceful protest",
    ),
    (
        "The minister said the government had not intended the protests in Kisumu to turn violent.",
        "Peaceful protest",
    ),
    (
        "Several hundred students marched through the centre of Kericho and dispersed by mid-afternoon.",
        "Peaceful protest",
    ),
    (
        "Several hundred students who marched through the centre of Kericho were dispersed by police.",
        "Protest with intervention",
    ),
    (
        "Thousands of nurses marched peacefully through Nairobi on Monday to demand better pay.",
        "Peaceful protest",
    ),
    (
        "Police used water cannon and arrested a dozen students who rallied outside parliament in Dhaka.",
        "Protest with intervention",
    ),
    (
        "Demonstrators hurled stones at police and set tyres ablaze in Lagos as a fuel-price protest spread.",
        "Violent demonstration",
    ),
    (
        "Protesters clashed with police in the capital for a second night; anti-riot units fired tear gas.",
        "Violent demonstration",
    ),
    (
        "Security forces opened fire on unarmed demonstrators in Mandalay, killing four people.",
        "Excessive force against protesters",
    ),
    (
        "Riot police fired tear gas to disperse a march by farmers in Lahore on Friday.",
        "Protest with intervention",
    ),
    (
        "Hundreds of mourners rallied in Kisumu to condemn the killing of two students by police last month.",
        "Peaceful protest",
    ),
    ("An angry mob lynched a man accused of stealing a motorbike in Kampala on Sunday.", "Mob violence"),
    # Explosions and remote violence.
    (
        "A roadside bomb struck a minibus near Kandahar, killing five passengers and wounding three.",
        "Remote explosive/landmine/IED",
    ),
    (
        "A suicide bomber blew himself up at a checkpoint in Mogadishu, killing three soldiers.",
        "Suicide bomb",
    ),
    ("Warplanes struck a fuel depot outside Idlib on Tuesday, a monitoring group said.", "Air/drone strike"),
    (
        "Separatist artillery shelled residential blocks in the eastern town overnight.",
        "Shelling/artillery/missile attack",
    ),
    ("Unknown attackers threw a grenade into a bar in Bujumbura, injuring six customers.", "Grenade"),
    # Strategic developments.
    (
        "Police seized 40 rifles, two grenades and 3,000 rounds of ammunition during a raid in Garissa.",
        "Disrupted weapons use",
    ),
    (
        "Army engineers defused three improvised explosive devices found under a bridge near Gao.",
        "Disrupted weapons use",
    ),
    (
        "Air defences intercepted two drones launched toward the airport, the ministry said.",
        "Disrupted weapons use",
    ),
    (
        "Two militants died when the bomb they were assembling accidentally exploded in a house in Quetta.",
        "Disrupted weapons use",
    ),
    (
        "The army has set up two new observation posts on the hills north of the town.",
        "Headquarters or base established",
    ),
    (
        "Forty rebel fighters surrendered to the army in Beni province with their weapons, officials said.",
        "Agreement",
    ),
    ("The government and the rebels signed a ceasefire agreement in Juba on Thursday.", "Agreement"),
    ("Police arrested five suspected members of the separatist group in a dawn raid in Bamenda.", "Arrests"),
    # Cues in every form a wire writes them: "exchanging fire", "torching".
    ("Troops exchanging fire with rebels near the border killed two of them on Monday.", "Armed clash"),
    ("Rebels were torching homes and shops in the village on Monday night.", "Looting/property destruction"),
    # A protest or riot an arrest is charged with is no protest of the sentence; arrests at a rally are one.
    ("Police arrested the leader of the movement in Cusco on charges of organising anti-government protests.",
     "Arrests"),
    ("Police detained three students in Dhaka for inciting riots at the university.", "Arrests"),
    ("Police arrested 20 protesters at the rally in Lima on Sunday.", "Protest with intervention"),
    (
        "Gunmen looted shops and burned down houses in the abandoned village after residents fled.",
        "Looting/property destruction",
    ),
    # A fire set by an armed group or unknown people, with no crowd named, destroys property; set by
    # demonstrators it is their violent demonstration.
    ("On Thursday, rebels set fire to a primary school building in the village, officials said.",
     "Looting/property destruction"),
    ("Unknown people smashed the windows of the party's office and torched its car overnight.",
     "Looting/property destruction"),
    ("Protesters set fire to tyres and a police car outside the governor's office.", "Violent demonstration"),
    # Rules 0.7.7: phrasings of the codebook's acts that named no cue before.
    ("A car packed with explosives blew up at the gate of a hotel in the capital on Saturday.",
     "Remote explosive/landmine/IED"),
    ("Two hijackers seized a passenger jet on a domestic flight and forced it to land in Malta.",
     "Abduction/forced disappearance"),
    ("Youths set up burning barricades on the main highway on Monday night.", "Violent demonstration"),
    ("About 300 people blocked the highway near the town for hours to demand compensation.", "Peaceful protest"),
    ("Military drones had struck rebel positions near the airport, army sources said.", "Air/drone strike"),
    ("The navy responded on Monday by striking the port with fighter jets.", "Air/drone strike"),
    ("The gunmen also beat several villagers who refused to pay a levy.", "Attack"),
    ("Government troops had taken nine rebel checkpoints around the town, the ministry said.",
     "Government regains territory"),
    # Territory: who took the place.
    (
        "Government troops recaptured the town of Kidal from rebel fighters after three days of fighting.",
        "Government regains territory",
    ),
    (
        "Al-Shabaab militants took control of the town after heavy clashes with Somali soldiers.",
        "Non-state actor overtakes territory",
    ),
    (
        "The insurgents were driven out of the district centre by the army on Wednesday.",
        "Government regains territory",
    ),
    (
        "Rebel fighters entered the city without a fight after government forces pulled out overnight.",
        "Non-violent transfer of territory",
    ),
    # Violence against civilians and battles.
    (
        "Gunmen abducted 12 passengers from a bus on the Abuja-Kaduna highway.",
        "Abduction/forced disappearance",
    ),
    ("Militants ambushed an army patrol near Tillaberi, killing seven soldiers.", "Armed clash"),
    ("Armed men stormed a village and shot dead nine civilians, including two children.", "Attack"),
]

NOT_EVENTS = [
    # Disasters, natural and man-made.
    "A powerful earthquake killed at least 40 people and injured hundreds in the mountain province.",
    "A gas cylinder exploded in a restaurant kitchen, killing two cooks and injuring five diners.",
    "Twelve people were killed when a bus plunged off a bridge into the river after the driver lost control.",
    "An explosion at a fertilizer plant injured 30 workers, the fire service said.",
    # Diplomacy and weapons programmes.
    "The European Union imposed new sanctions on the country over its ballistic missile tests.",
    "The foreign ministry summoned the ambassador to protest over the shelling of the border post.",
    # Claims and blame for past events.
    "A jihadist group claimed responsibility for the car bomb that killed eight people on Friday.",
    "The minister accused the neighbouring state of being behind last week's drone attacks on the refinery.",
]


@pytest.fixture(scope="module")
def lexicon() -> CueLexicon:
    return CueLexicon.load()


@pytest.mark.parametrize(("text", "sub_type"), CASES)
def test_typing(extractor, text, sub_type):
    assert extractor.classify_text(text) == sub_type


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_not_events(extractor, text):
    assert extractor.classify_text(text) is None


def test_seizure_frame_cancels_weapon_cues(lexicon):
    text = "Troops found an arms cache holding mortars, rockets and landmines near the border."
    frames = find_frames(text)
    assert [f.sub_type for f in frames] == ["Disrupted weapons use"]
    assert "Shelling/artillery/missile attack" in frames[0].cancels
    assert classify(text, lexicon.cues(text), []).sub_type == "Disrupted weapons use"


def test_outcome_words_count_once(lexicon):
    # "killed", "injured" and "dead" describe one outcome: together they must not outweigh a weak cue pair.
    typing = classify("Three people were killed, five injured and many feared dead.", lexicon.cues("x"), [])
    assert typing is None
    text = "Three people were killed, five injured and many feared dead."
    assert classify(text, lexicon.cues(text), []).score == 2.0


def test_anaphoric_blame_keeps_the_event():
    # A follow-up that blames a group for an event already reported is a detail of it, not a claim report.
    assert not [
        f for f in find_frames("The attack was blamed on the rebels.") if f.sub_type == "none:attribution"
    ]
    assert [
        f
        for f in find_frames("Officials blamed the rebels for the bombing.")
        if f.sub_type == "none:attribution"
    ]
