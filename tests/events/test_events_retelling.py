"""Sentences that re-tell the event just told join it (issue 12): its list of dead, its onset.

Sentences here are written for these tests, in the style of wire copy; none is from an evaluation set."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwire.events.rules.retelling import lists_victims, tells_onset
from frontwire.pipeline import Pipeline
from frontwire.records import Article, EventMention

PUB = dt.date(2024, 9, 12)  # a Thursday


def _events(pipeline: Pipeline, *paragraphs: str) -> list[EventMention]:  # `pipeline`: conftest.py
    article = Article(source="t", title=paragraphs[0], paragraphs=list(paragraphs), published=PUB)
    return pipeline.code(article).events


@pytest.mark.parametrize(
    "sentence",
    [
        "Among those killed was Halim Sarwar, a district commander of the group, police said.",
        "Among the dead were two children and their mother.",
        "Among the civilians wounded was a nurse from the clinic.",
        "Those killed included a teacher and a shopkeeper.",
        "Two nurses and an ambulance driver were among the dead, the hospital said.",
        "The village headman was among those killed.",
    ],
)
def test_a_list_of_victims_re_tells_the_event(sentence: str) -> None:
    assert lists_victims(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen killed a teacher among the villagers of Garu on Monday.",
        "Among other things, the council discussed the budget.",
        "Those who fled the town said they had heard gunfire.",
        "The minister was among the first to condemn the attack.",
    ],
)
def test_a_new_act_or_other_talk_is_no_list_of_victims(sentence: str) -> None:
    assert not lists_victims(sentence)


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        ("The gunfight began on Monday evening after a patrol entered the forest.", "Battles"),
        ("The attack on the convoy took place shortly after dawn on Friday.", "Violence against civilians"),
        ("The shelling lasted from Tuesday night until Wednesday morning.", "Explosions/Remote violence"),
        ("The protest started on Sunday afternoon outside the ministry.", "Protests"),
    ],
)
def test_the_onset_of_the_event_re_tells_it(sentence: str, event_type: str) -> None:
    assert tells_onset(sentence, event_type)


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        ("The protest began on Sunday afternoon outside the ministry.", "Battles"),  # another kind of event
        ("A gunfight began on Monday evening in the next district.", "Battles"),  # indefinite: a new one
        ("The gunmen began firing on Monday evening.", "Battles"),  # participants, not the event
        ("Fighting began on Monday in the north.", "Battles"),  # no determiner: a new report
    ],
)
def test_other_onsets_are_not_the_event_told_before(sentence: str, event_type: str) -> None:
    assert not tells_onset(sentence, event_type)


def test_a_toll_list_after_a_clash_adds_no_attack(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "Troops kill 9 rebels in Kidal region",
        "Malian troops killed nine rebels in a clash near Anefis on Tuesday, the army said.",
        "Among those killed was Moussa Ag Elher, a commander wanted since 2019, the army added.",
    )
    assert [e.sub_event_type for e in events] == ["Armed clash"]
    assert any("Among those killed" in ev.text for ev in events[0].evidence)


def test_a_dated_onset_of_the_clash_is_the_clash(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "Eleven militants killed in Khyber encounter",
        "Security forces killed eleven militants in an encounter in Tirah valley of Khyber district, the "
        "military said on Wednesday.",
        "The gunfight began at 11 pm on September 10 after troops surrounded a compound on a tip-off.",
    )
    assert [(e.sub_event_type, e.event_date) for e in events] == [("Armed clash", dt.date(2024, 9, 10))]
    assert len(events[0].evidence) == 3


def test_a_victims_home_town_places_no_second_event(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "Gunmen kill five at checkpoint in Kidal region",
        "Gunmen killed five soldiers at a checkpoint in Anefis on Tuesday, the army said.",
        "Among the dead was a sergeant from Gao, his family said.",
    )
    assert [e.location_text for e in events] == ["Anefis"]
    assert any(ev.text.startswith("Among the dead") for ev in events[0].evidence)


def test_a_second_strike_told_as_another_stays_its_own_event(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "Two air strikes hit Kassala",
        "An air strike hit a house in the Hai al-Souq neighbourhood of Kassala on Monday morning, killing a "
        "family of six, residents said.",
        "In the evening, another air strike hit a school in Kassala, killing four children, a teacher said.",
    )
    strikes = [e for e in events if e.sub_event_type == "Air/drone strike" and e.location_text == "Kassala"]
    assert sorted(e.fatalities or 0 for e in strikes) == [4, 6]


def test_a_protest_wave_listed_city_by_city_stays_one_event_per_city(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "Kenyans march against tax rises",
        "Thousands of people marched peacefully in Mombasa, Kisumu and Nyeri on Tuesday against the "
        "finance bill, local television reported.",
    )
    cities = sorted(e.location_text for e in events if e.sub_event_type == "Peaceful protest")
    assert cities == ["Kisumu", "Mombasa", "Nyeri"]


def test_a_victim_named_among_the_dead_adds_no_attack(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "Bomb kills four on bus in Quetta",
        "A bomb hidden on a bus exploded in Quetta on Tuesday, killing four passengers, police said.",
        "A retired schoolteacher from Mastung was among those killed, his brother said.",
    )
    assert [e.location_text for e in events] == ["Quetta"]
