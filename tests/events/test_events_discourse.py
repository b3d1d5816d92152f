"""Discourse: which sentences are one event, and which are no event at all.

Short reports we wrote in the style of wire, monitor and local-news copy (tests/pages/events/ and
inline), each asserting the events a reader would list.
"""

import datetime as dt
from pathlib import Path

import pytest

from frontwire.events.rules.filters import non_event_reason
from frontwire.events.rules.typing_attribution import attribution_detail, bare_attribution
from frontwire.records import Article

PAGES = Path(__file__).resolve().parents[1] / "pages" / "events"
PUB = dt.date(2024, 5, 9)
NEGATIVE_CLAIMANTS = ("no group", "nobody", "none", "no one", "no casualties")


def _code(extractor, paragraphs):
    return extractor.extract_events(Article(source="t", published=PUB, paragraphs=paragraphs))


def _page(extractor, name):
    text = (PAGES / name).read_text(encoding="utf-8")
    return _code(extractor, [p for p in text.split("\n\n") if p.strip()])


def test_ambush_details_negations_and_background_make_one_event(extractor):
    result = _page(extractor, "monitor-convoy-ambush.txt")
    assert [(e.sub_event_type, e.fatalities, e.location_text) for e in result.events] == [
        ("Armed clash", 9, "Maadan")
    ]
    event = result.events[0]
    # The detail sentence ("when the attackers opened fire with ... rocket-propelled grenades") joins
    # the ambush and does not re-type it as a grenade attack.
    assert any("the attackers opened fire" in e.text for e in event.evidence)
    assert event.claimant and event.claimant.lower() not in NEGATIVE_CLAIMANTS
    assert event.attribution == "reported"
    reasons = " ".join(d.reason for d in result.dropped)
    assert "negated" in reasons and "pattern over time" in reasons


def test_drone_strike_with_debris_and_interceptions_is_one_strike(extractor):
    result = _page(extractor, "wire-drone-strike-debris.txt")
    assert [e.sub_event_type for e in result.events] == ["Air/drone strike"]
    texts = " ".join(e.text for e in result.events[0].evidence)
    assert "injured by debris" in texts and "shot down by air defence units" in texts


def test_claim_with_details_is_the_event_and_denial_is_a_detail(extractor):
    result = _page(extractor, "local-news-claim-and-denial.txt")
    bombing, shelling = result.events
    assert bombing.sub_event_type == "Remote explosive/landmine/IED"
    assert bombing.actor1.startswith("Islamic State")
    assert (bombing.attribution, bombing.claimant, bombing.fatalities) == ("claimed", "Islamic State", 6)
    assert shelling.sub_event_type == "Shelling/artillery/missile attack"
    assert shelling.attribution == "denied" and shelling.fatalities == 2
    assert not shelling.actor1.startswith("Military Forces")  # who denies an act is not its actor


def test_interception_reported_on_its_own_is_disrupted_weapons_use(extractor):
    text = "Air defence units shot down 14 drones over Kyiv region overnight, the air force said on Monday."
    events = _code(extractor, [text]).events
    assert [e.sub_event_type for e in events] == ["Disrupted weapons use"]


@pytest.mark.parametrize(
    "sentence",
    [
        "No group has claimed the attack.",
        "Nobody has claimed responsibility for the bombing so far.",
        "The army did not comment on the incident.",
        "State television did not report the attack.",
        "Police declined to comment on the shooting.",
        "The claim could not be independently verified.",
        "Its fighters still carry out hit-and-run attacks on army posts in the desert.",
        "The district has been shelled repeatedly since the ceasefire took effect in 2020.",
        "Cross-border raids have become more frequent in recent months.",
        "The highway has seen repeated ambushes by militants since the start of the year.",
    ],
)
def test_negated_meta_and_habitual_sentences_are_not_events(sentence):
    assert non_event_reason(sentence) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "No one was hurt when a rocket hit an empty school in Sderot on Monday.",
        "The village was shelled repeatedly on Monday, killing three farmers.",
        "The army can confirm that five soldiers were killed in the clash.",
    ],
)
def test_events_with_negative_or_frequency_words_are_kept(sentence):
    assert non_event_reason(sentence) is None


def test_negated_lead_gives_no_event_and_never_a_negative_claimant(extractor):
    paragraphs = [
        "Rebels attacked an army checkpoint near Kidal on Tuesday, killing four soldiers, an official said.",
        "No group has claimed the attack. No casualties were reported among the attackers.",
    ]
    events = _code(extractor, paragraphs).events
    assert len(events) == 1
    assert all((e.claimant or "").lower() not in NEGATIVE_CLAIMANTS for e in events)


def test_separately_starts_a_new_event_even_with_a_reference(extractor):
    paragraphs = [
        "An air strike hit a fuel depot in Sarmada on Friday, killing two workers, rescuers said.",
        "Separately, the attackers shot dead a shepherd near the village of Kafr Takharim.",
    ]
    events = _code(extractor, paragraphs).events
    assert [e.sub_event_type for e in events] == ["Air/drone strike", "Attack"]


def test_outcome_only_lead_takes_the_weapon_of_its_detail(extractor):
    paragraphs = [
        "Three civilians were killed in the town of Maarat al-Numan on Sunday evening, rescue workers said.",
        "The shells were fired from army positions to the south.",
    ]
    events = _code(extractor, paragraphs).events
    assert [e.sub_event_type for e in events] == ["Shelling/artillery/missile attack"]


def test_month_march_is_not_a_protest(extractor):
    text = "Militants attacked an army post near Saraqib on March 21, killing two soldiers."
    events = _code(extractor, [text]).events
    assert [e.event_type for e in events] == ["Battles"]


def test_bare_claims_and_claims_with_details():
    assert bare_attribution("The Islamic State claimed responsibility for the attack.")
    assert bare_attribution("IS claimed responsibility for a car bomb in Tal Afar on Sunday.") is None
    assert bare_attribution("IS claimed responsibility for the car bomb that killed eight on Sunday.")
    assert bare_attribution("Al-Shabaab claimed responsibility for killing seven soldiers.") is None
    # A denial reports a dispute about an act reported elsewhere, whatever details it repeats.
    assert bare_attribution("The army denied accusations of shelling a market in Idlib that killed five.")
    assert attribution_detail("An official blamed the attack on the rebels.")
    assert attribution_detail("The army denied involvement.")
    assert not attribution_detail("Three people were killed in the blast.")


def test_origin_of_fire_is_not_a_place_of_the_event(extractor):
    paragraphs = [
        "Two children were killed when artillery shells struck a street in the town of Kansafra on Sunday.",
        "The shells were fired from army positions near the village of Deir Sunbul, local rescuers said.",
    ]
    events = _code(extractor, paragraphs).events
    assert [(e.sub_event_type, e.location_text) for e in events] == [
        ("Shelling/artillery/missile attack", "Kansafra")
    ]


def test_a_blame_answered_by_a_denial_names_the_blamed_party(extractor):
    """The accuser's report: the blamed group is actor1 and the attribution is `blamed`, not `denied`."""
    (event,) = _code(
        extractor,
        [
            "Five people were killed when shells hit a bus station in Kadugli on Tuesday, a local aid group said.",
            "The group blamed the Sudan People's Liberation Movement-North (SPLM-N), which controls hills east "
            "of the town. The SPLM-N denied responsibility.",
        ],
    ).events
    assert event.actor1.startswith("Sudan People's Liberation Movement-North") or "SPLM" in event.actor1
    assert event.attribution == "blamed" and event.claimant == "a local aid group"


def test_fighting_between_two_sides_keeps_both_when_a_later_sentence_names_one_again(extractor):
    (first, second) = _code(
        extractor,
        [
            "Fighting broke out on Wednesday between Houthi forces and government troops in the Harib district "
            "of Yemen's Marib province, a military source said.",
            "Four government soldiers were killed when Houthi fighters attacked positions in the Al-Jubah area.",
        ],
    ).events
    for event in (first, second):
        assert event.actor1 == "Ansar Allah" and event.actor2.startswith("Military Forces of Yemen")


def test_clashes_since_a_truce_expired_are_background():
    text = "The district has seen sporadic clashes since a truce expired in October 2022."
    assert non_event_reason(text) == "pattern over time, not a discrete event"


def test_shells_that_slammed_into_a_camp_are_the_act_and_slamming_a_strike_is_a_reaction(extractor):
    hit = _code(extractor, ["Artillery shells slammed into a displacement camp outside Kadugli on Monday, "
                            "killing four civilians, residents said."])
    assert [(e.sub_event_type, e.fatalities) for e in hit.events] == [("Shelling/artillery/missile attack", 4)]
    assert non_event_reason("The opposition slammed the shelling of the camp as a war crime.") is not None
