"""Sentences of whole articles that mention violence without reporting a new occurrence, and follow-ups
that re-tell an event already coded: sentences we wrote in the style of wire copy, one per rule.

Each rule is checked both ways: the sentence it is written for is dropped with its reason, and a
sentence that reports one occurrence in nearly the same words is kept.
"""

import datetime as dt

import pytest

from frontwire.events.consolidate import consolidate
from frontwire.events.rules.filters import non_event_reason
from frontwire.records import Article, EventMention, Evidence, Location

PUB = dt.date(2024, 5, 9)


def _reason(sentence: str) -> str | None:
    return non_event_reason(sentence, trigger=(0, 1))


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("The raids, which hit three of the villages from the air, left a total of 80 people dead.", "total"),
        ("Those ambushes killed 40 soldiers in all, the monitor said.", "total"),
        ("The insurgents have killed tens of thousands of soldiers through their campaign.", "thousands"),
        ("Rebels say they killed thousands of troops along the border.", "thousands"),
    ],
)
def test_totals_over_several_acts_are_aggregates(sentence: str, reason: str) -> None:
    why = _reason(sentence)
    assert why is not None and why.startswith("aggregate") and reason in why


@pytest.mark.parametrize(
    "sentence",
    [
        "A total of 12 people were killed in the attack on the market, police said.",
        "The twin bombings killed a total of 41 people near the ministry.",
        "Gunmen killed 14 villagers in the raid, a local official said.",
    ],
)
def test_one_acts_total_is_kept(sentence: str) -> None:
    assert _reason(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("The rebels held the engineer for 70 days, the longest-running kidnapping in the province since 2011.",
         "comparison"),
        ("Before May, the longest a hostage had been held in the region was two days.", "comparison"),
        ("The coffins of the four soldiers killed in the Gao ambush were flown home on Tuesday.", "commemoration"),
        ("The bodies of the nine miners killed in last week's attack arrived in the capital on Friday.",
         "commemoration"),
        ("A memorial service was held on Sunday for the 12 pilgrims killed in the bus bombing.", "commemoration"),
        ("Officials say the gunman who opened fire at the checkpoint last week was a former policeman.",
         "who did"),
        ("Police identified the suicide bomber as a 24-year-old student from the south.", "who did"),
    ],
)
def test_comparisons_and_commemorations_are_no_new_act(sentence: str, reason: str) -> None:
    why = _reason(sentence)
    assert why is not None and reason in why


@pytest.mark.parametrize(
    "sentence",
    [
        # An act of force at a commemoration is an event of its own.
        "Police fired tear gas at hundreds of people at the memorial service for the dead students.",
        # A strike that buries people under rubble is no burial.
        "An airstrike buried a family of six under the rubble of their home in the town.",
        # The doer named with the act and its day reports the act.
        "A gunman who was a former policeman opened fire at the checkpoint on Monday, killing three.",
        # A record told with the act and its day reports the act.
        "Gunmen killed 20 villagers on Monday, the deadliest attack in the district since 2019.",
    ],
)
def test_acts_at_commemorations_and_records_told_with_their_day_stay(sentence: str) -> None:
    assert _reason(sentence) is None


def test_a_rally_marking_an_anniversary_is_a_protest() -> None:
    # ACLED codes a mass political rally as a protest, whatever it marks; a protest is read without a trigger.
    assert non_event_reason("Thousands rallied in the stadium to mark the 30th anniversary of the party.") is None


def _coded(*paragraphs: str):
    from frontwire.events import RuleExtractor

    return RuleExtractor().extract_events(Article(source="t", paragraphs=list(paragraphs), published=PUB))


def test_a_victim_named_again_in_the_passive_is_the_same_event() -> None:
    result = _coded(
        "Unknown gunmen killed the radio reporter Amina Yusuf in Maiduguri on Monday, her editor said.",
        "Police said the killing was linked to her reporting on the army.",
        "Yusuf was shot dead outside her home after covering a rally of a separatist movement.",
    )
    assert len(result.events) == 1
    assert any("Yusuf was shot dead" in e.text for e in result.events[0].evidence)


def test_a_person_first_named_in_a_passive_starts_an_event_of_their_own() -> None:
    result = _coded(
        "Unknown gunmen killed the radio reporter Amina Yusuf in Maiduguri on Monday, her editor said.",
        "Separately, Ibrahim was abducted from a bus station in Kano on Tuesday.",
    )
    assert len(result.events) == 2


def test_the_deaths_named_later_join_the_event_they_came_from() -> None:
    result = _coded(
        "Insurgents fought government troops in the town of Beledweyne on Friday, killing nine people.",
        "The fighting lasted for hours, residents said.",
        "Hospital staff said later that the deaths had occurred when mortar rounds hit a market.",
    )
    assert len(result.events) == 1
    assert any("the deaths had occurred" in e.text for e in result.events[0].evidence)


def _placed(text: str, location: str, geonameid: int | None, admin1: str, at: int) -> EventMention:
    return EventMention(
        event_date=PUB,
        time_precision=1,
        event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED",
        actor1="Unidentified Armed Group (Iraq)",
        location_text=location,
        evidence=[Evidence(text=text, start=at, end=at + len(text))],
        place=Location(
            location=location if geonameid else admin1,
            geonameid=geonameid,
            admin1=admin1,
            country="Iraq",
            geo_precision=1 if geonameid else 3,
        ),
    )


def test_a_part_of_a_town_the_gazetteer_does_not_know_joins_the_towns_event() -> None:
    town = _placed("Three car bombs exploded in Mosul on Sunday, killing 20.", "Mosul", 99072, "Nineveh", 0)
    part = _placed("Two of them went off in Zuhur in east Mosul near a market.", "Zuhur", None, "Nineveh", 80)
    merged = consolidate([town, part])
    assert len(merged) == 1 and merged[0].location_text == "Mosul" and len(merged[0].evidence) == 2


def test_a_place_near_a_town_or_in_another_region_stays_its_own_event() -> None:
    town = _placed("Three car bombs exploded in Mosul on Sunday, killing 20.", "Mosul", 99072, "Nineveh", 0)
    near = _placed("A fourth bomb hit the village of Zuhur near Mosul.", "Zuhur", None, "Nineveh", 80)
    elsewhere = _placed("A bomb went off in Hadba in east Mosul.", "Hadba", None, "Kirkuk", 160)
    known = _placed("A bomb went off in Bartella in east Mosul.", "Bartella", 99000, "Nineveh", 240)
    assert len(consolidate([town, near, elsewhere, known])) == 4


def test_an_old_event_told_below_a_lead_that_reports_none_is_background() -> None:
    from frontwire.events import RuleExtractor

    october = dt.date(2024, 10, 20)
    paragraphs = [
        "Two engineers freed in the north",
        "Two engineers held by a militia in the north were freed on Sunday, the ministry said.",
        "They were said to be in good health and thanked their families.",
        "The company said it was relieved and would review its security.",
        "In March two drivers working for the same company were kidnapped near Kutum by armed men.",
    ]
    old = RuleExtractor().extract_events(Article(source="t", paragraphs=paragraphs, published=october))
    assert old.events == []
    assert any(d.reason.startswith("background") for d in old.dropped)
    # Told in the lead, the same sentence sets the article's frame (a page dated by its crawl keeps it).
    lead = RuleExtractor().extract_events(
        Article(source="t", paragraphs=[paragraphs[0], paragraphs[4]], published=october)
    )
    assert [e.sub_event_type for e in lead.events] == ["Abduction/forced disappearance"]


def _raid(text: str, day: int, location: str, geonameid: int | None, precision: int, at: int) -> EventMention:
    return EventMention(
        event_date=dt.date(2024, 5, day),
        time_precision=1,
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="Military Forces of Mali",
        location_text=location,
        evidence=[Evidence(text=text, start=at, end=at + len(text))],
        place=Location(location=location, geonameid=geonameid, country="Mali", geo_precision=precision),
    )


def test_an_undated_retelling_at_the_same_place_joins_the_dated_event_and_takes_its_day() -> None:
    undated = _raid("The fighting in Menaka lasted for hours, residents said.", 2, "Menaka", 7, 1, 0)
    dated = _raid("Soldiers fought militants in Menaka on Tuesday, killing 12.", 7, "Menaka", 7, 1, 90)
    (merged,) = consolidate([undated, dated])
    assert merged.event_date == dt.date(2024, 5, 7) and len(merged.evidence) == 2


def test_dated_acts_and_acts_placed_only_in_a_country_stay_apart() -> None:
    monday = _raid("Soldiers fought militants in Menaka on Monday.", 6, "Menaka", 7, 1, 0)
    friday = _raid("Soldiers fought militants in Menaka again on Friday.", 10, "Menaka", 7, 1, 60)
    country = _raid("Soldiers fought militants for hours, residents said.", 8, "Mali", None, 3, 120)
    earlier = _raid("Two soldiers had died in another clash.", 3, "Mali", None, 3, 200)
    assert len(consolidate([monday, friday])) == 2
    assert len(consolidate([country, earlier])) == 2
