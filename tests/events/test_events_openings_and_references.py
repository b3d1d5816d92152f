"""How news writes where and when: a sentence that opens on its place, a place told only to locate
another, a wire dateline's filing day, weapons beside the act, a ceasefire whose parties the dictionary
does not know, an earlier year beside a day of the story.

Reports we wrote in the style of wire copy, run through the whole reading pipeline as `frontwire
extract` runs them (rules 0.7.2 and 0.7.3).
"""

import datetime as dt

import pytest

from frontwire.config import DEFAULT
from frontwire.events.rules.places import REFERENCE, REGION, TOWN, find_places
from frontwire.pipeline import Pipeline
from frontwire.records import Article, EventMention

FRIDAY = dt.date(2025, 9, 19)
THURSDAY = dt.date(2025, 9, 18)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(DEFAULT)


def _events(pipeline: Pipeline, *paragraphs: str, published: dt.date = FRIDAY) -> list[EventMention]:
    article = Article(source="t", title=paragraphs[0], paragraphs=list(paragraphs), published=published)
    return pipeline.code(article).events


def test_a_sentence_that_opens_on_its_place_places_its_event() -> None:
    for text, name in [
        ("In Lyon, several thousand demonstrators crossed the river.", "Lyon"),
        ("In Kindia police fired live rounds at traders.", "Kindia"),
        ("At Tal Afar, gunmen stormed a checkpoint.", "Tal Afar"),
    ]:
        assert [(p.text, p.level) for p in find_places(text)] == [(name, TOWN)]
    # Words after a capitalised preposition that are no place stay none.
    assert find_places("In January, police fired tear gas.") == []
    assert find_places("In a statement, the army said it had repelled the attack.") == []


def test_the_place_a_sentence_opens_on_holds_the_town_its_clause_names() -> None:
    levels = [
        (p.text, p.level, p.parent)
        for p in find_places("In Aleppo, gunmen stormed a shop in Azaz on Monday.")
    ]
    assert levels == [("Aleppo", REGION, None), ("Azaz", TOWN, "Aleppo")]
    # Towns listed with it, or told in a clause of their own, are places of their own.
    for text in (
        "In Homs, Hama and Idlib, students marched.",
        "In Homs, they marched; in Hama, police fired.",
    ):
        assert {p.level for p in find_places(text)} == {TOWN}


def test_marches_told_city_by_city_are_an_event_each_on_the_lead_s_day(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "Teachers rally over unpaid salaries",
        "ANKARA — Tens of thousands of teachers marched in cities across Turkey on Thursday to demand higher "
        "pay, in the first national day of action called by the unions since the 2023 wage protests.",
        "In Izmir, several thousand teachers rallied outside the governor's office. In Adana, students and parents "
        "marched from the main station to the governor's office.",
    )
    protests = [e for e in events if e.event_type == "Protests"]
    assert {"Izmir", "Adana"} <= {e.location_text for e in protests}
    assert {e.event_date for e in protests} == {THURSDAY}


def test_a_place_told_to_locate_another_is_no_second_event(pipeline: Pipeline) -> None:
    for text, place, reference in [
        ("an aircraft bombed the village of Wechdeng, near Ulang, killing five", "Wechdeng", "Ulang"),
        (
            "gunmen killed seven people in the village of Bele, about 40 kilometres from Bozoum",
            "Bele",
            "Bozoum",
        ),
    ]:
        levels = {p.text: p.level for p in find_places(text)}
        assert levels == {place: TOWN, reference: REFERENCE}
    events = _events(
        pipeline,
        "Checkpoint attacked",
        "Gunmen attacked a checkpoint of the Syrian Democratic Forces in the village of Dhiban, near "
        "al-Busayrah, on Thursday, killing three fighters, a war monitor said.",
    )
    assert len([e for e in events if e.event_type == "Battles"]) == 1


def test_a_wire_dateline_s_day_is_the_filing_day_not_the_event_s(pipeline: Pipeline) -> None:
    (event,) = _events(
        pipeline,
        "Militias seize town in Darfur",
        "KHARTOUM, Sept 19 (Reuters) - Militia fighters overran the town of Kutum in North Darfur on Monday "
        "after several hours of fighting with soldiers, residents said.",
    )
    assert event.event_date == dt.date(2025, 9, 15)


def test_weapons_carried_by_those_who_act_keep_the_act(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "Village raided",
        "GULU — Gunmen armed with machetes and rifles attacked the village of Awach in northern Uganda on "
        "Thursday night, killing at least 12 people, local officials said.",
    )
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Attack", 12)]
    # Weapons only held, with no act beside them, are still no event.
    assert not _events(
        pipeline,
        "Arms found",
        "Police said the suspects were armed with rockets and grenades when they were seen near Gulu.",
    )


def test_a_ceasefire_is_an_agreement_though_its_parties_are_not_named(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "Truce agreed in Tripoli",
        "TRIPOLI — The Presidential Council announced on Thursday that a ceasefire had been agreed between "
        "the two sides after mediation by elders from Misrata.",
    )
    assert [e.sub_event_type for e in events] == ["Agreement"]
    # A deal with no fighting in it and no party named is still no event.
    assert not _events(
        pipeline,
        "Club agrees deal",
        "The club announced on Thursday that it had agreed a deal with the striker.",
    )


def test_an_earlier_year_beside_a_day_of_the_story_is_something_else_s(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "Night of anger",
        "ISTANBUL — Youths threw petrol bombs and stones at riot police in the Kadikoy district of Istanbul "
        "on Thursday night after a march marking the anniversary of the 2013 killing of a teenager.",
    )
    assert [e.event_date for e in events] == [THURSDAY]
    # Years counted back from the story's day are background still.
    assert not _events(
        pipeline,
        "A year on",
        "RIO DE JANEIRO — One year ago on Thursday, some 2,500 police officers stormed the Alemao and Penha "
        "favelas in Rio de Janeiro, killing 121 people.",
    )


def test_gatherings_and_processions_held_are_demonstrations(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "Anniversary of the strike",
        "Smaller gatherings were held in Izmir and Adana on Thursday, organisers said.",
    )
    assert {(e.sub_event_type, e.location_text) for e in events} == {
        ("Peaceful protest", "Izmir"),
        ("Peaceful protest", "Adana"),
    }
    # A family's gathering is no demonstration.
    assert not _events(pipeline, "Family news", "A family gathering was held in Izmir on Thursday.")
