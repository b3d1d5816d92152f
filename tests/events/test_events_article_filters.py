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
        ("The raids, which hit three of the villages from the air, left a total of 80 people dead.",
         "aggregate: a total"),
        ("Those ambushes killed 40 soldiers in all, the monitor said.", "aggregate: a total"),
        ("The insurgents have killed tens of thousands of soldiers through their campaign.", "thousands"),
        ("Rebels say they killed thousands of troops along the border.", "thousands"),
        ("The army says it has killed 150 militants in the past month.", "over a period"),
        ("Since January, more than 50 aid workers have been abducted in the country.", "over a period"),
        ("Attacks on journalists are rising across the region, the group said.", "trend"),
        ("Bombings killed 400 people in the capital in March alone.", "a toll of a period"),
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
def test_sums_records_commemorations_and_identities_are_no_new_act(sentence: str, reason: str) -> None:
    why = _reason(sentence)
    assert why is not None and reason in why


@pytest.mark.parametrize(
    "sentence",
    [
        # One act's total.
        "A total of 12 people were killed in the attack on the market, police said.",
        "The twin bombings killed a total of 41 people near the ministry.",
        "Gunmen killed 14 villagers in the raid, a local official said.",
        # One episode running from a day, and an act dated by its month.
        "Dozens of people have been killed in the fighting for the town since Sunday.",
        "Gunmen abducted 20 passengers from a bus in March near the border.",
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
def test_one_act_told_with_its_total_its_scene_or_its_record_is_kept(sentence: str) -> None:
    assert _reason(sentence) is None


def test_a_rally_marking_an_anniversary_is_a_protest() -> None:
    # ACLED codes a mass political rally as a protest, whatever it marks; a protest is read without a trigger.
    assert non_event_reason("Thousands rallied in the stadium to mark the 30th anniversary of the party.") is None


def _coded(*paragraphs: str):
    from frontwire.events import RuleExtractor

    return RuleExtractor().extract_events(Article(source="t", paragraphs=list(paragraphs), published=PUB))


@pytest.mark.parametrize(
    ("paragraphs", "retold"),
    [
        (
            [
                "Unknown gunmen killed the radio reporter Amina Yusuf in Maiduguri on Monday, her editor said.",
                "Police said the killing was linked to her reporting on the army.",
                "Yusuf was shot dead outside her home after covering a rally of a separatist movement.",
            ],
            "Yusuf was shot dead",  # a victim named again in the passive
        ),
        (
            [
                "Insurgents fought government troops in the town of Beledweyne on Friday, killing nine people.",
                "The fighting lasted for hours, residents said.",
                "Hospital staff said later that the deaths had occurred when mortar rounds hit a market.",
            ],
            "the deaths had occurred",  # the deaths named again
        ),
    ],
)
def test_a_retelling_joins_the_event_it_retells(paragraphs: list[str], retold: str) -> None:
    result = _coded(*paragraphs)
    assert len(result.events) == 1
    assert any(retold in e.text for e in result.events[0].evidence)


def test_a_person_first_named_in_a_passive_starts_an_event_of_their_own() -> None:
    result = _coded(
        "Unknown gunmen killed the radio reporter Amina Yusuf in Maiduguri on Monday, her editor said.",
        "Separately, Ibrahim was abducted from a bus station in Kano on Tuesday.",
    )
    assert len(result.events) == 2


def _mention(
    text: str, location: str, geonameid: int | None, *, region: str = "", day: int = 9, at: int = 0
) -> EventMention:
    """A mention placed at `location` (resolved when it has a gazetteer id, else coded to `region`, or to
    the country when `region` is empty), its evidence one sentence `text` at offset `at`."""
    return EventMention(
        event_date=dt.date(2024, 5, day),
        time_precision=1,
        event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED",
        actor1="Unidentified Armed Group (Iraq)",
        location_text=location,
        evidence=[Evidence(text=text, start=at, end=at + len(text))],
        place=Location(
            location=location if geonameid or not region else region,
            geonameid=geonameid,
            admin1=region or None,
            country="Iraq",
            geo_precision=1 if geonameid else 3,
        ),
    )


def test_a_part_of_a_town_the_gazetteer_does_not_know_joins_the_towns_event() -> None:
    town = _mention("Three car bombs exploded in Mosul on Sunday, killing 20.", "Mosul", 99072, region="Nineveh")
    part = _mention("Two of them went off in Zuhur in east Mosul.", "Zuhur", None, region="Nineveh", at=80)
    merged = consolidate([town, part])
    assert len(merged) == 1 and merged[0].location_text == "Mosul" and len(merged[0].evidence) == 2


def test_a_place_near_a_town_or_in_another_region_stays_its_own_event() -> None:
    town = _mention("Three car bombs exploded in Mosul on Sunday, killing 20.", "Mosul", 99072, region="Nineveh")
    near = _mention("A fourth bomb hit the village of Zuhur near Mosul.", "Zuhur", None, region="Nineveh", at=80)
    elsewhere = _mention("A bomb went off in Hadba in east Mosul.", "Hadba", None, region="Kirkuk", at=160)
    known = _mention("A bomb went off in Bartella in east Mosul.", "Bartella", 99000, region="Nineveh", at=240)
    assert len(consolidate([town, near, elsewhere, known])) == 4


def test_an_old_event_told_below_a_lead_that_reports_none_is_background() -> None:
    from frontwire.events import RuleExtractor

    october = dt.date(2024, 10, 20)
    paragraphs = [
        "Two engineers freed in the north",
        "Two engineers held by a militia in the north were freed on Sunday, the ministry said.",
        "They were said to be in good health and thanked their families.",
        "The company said it was relieved and would review its security.",
        "On March 3 two drivers working for the same company were kidnapped near Kutum by armed men.",
    ]
    old = RuleExtractor().extract_events(Article(source="t", paragraphs=paragraphs, published=october))
    assert old.events == []
    assert any(d.reason.startswith("background") for d in old.dropped)
    # Told in the lead, the same sentence sets the article's frame (a page dated by its crawl keeps it).
    lead = RuleExtractor().extract_events(
        Article(source="t", paragraphs=[paragraphs[0], paragraphs[4]], published=october)
    )
    assert [e.sub_event_type for e in lead.events] == ["Abduction/forced disappearance"]


def test_an_undated_retelling_at_the_same_place_joins_the_dated_event_and_takes_its_day() -> None:
    undated = _mention("The blast in Hilla wrecked the market, residents said.", "Hilla", 7, day=2)
    dated = _mention("A car bomb exploded in Hilla on Tuesday, killing 12.", "Hilla", 7, day=7, at=90)
    (merged,) = consolidate([undated, dated])
    assert merged.event_date == dt.date(2024, 5, 7) and len(merged.evidence) == 2


def test_dated_acts_and_acts_placed_only_in_a_country_stay_apart() -> None:
    monday = _mention("A car bomb exploded in Hilla on Monday.", "Hilla", 7, day=6)
    friday = _mention("Another car bomb exploded in Hilla on Friday.", "Hilla", 7, day=10, at=60)
    country = _mention("The blast wrecked the market, residents said.", "Iraq", None, day=8, at=120)
    earlier = _mention("Two policemen had died in another blast.", "Iraq", None, day=3, at=200)
    assert len(consolidate([monday, friday])) == 2
    assert len(consolidate([country, earlier])) == 2


@pytest.mark.parametrize(
    ("sentence", "trigger", "irrealis"),
    [
        ("Gunmen are reported to have killed six villagers in the raid.", "killed", False),
        ("Rebels began to shell the town shortly after midnight.", "shell", False),
        ("Troops managed to repel the attack after two hours of fighting.", "attack", False),
        ("The militants sought to storm the prison near the capital.", "storm", True),
        ("Police tried to disperse the crowd outside the court.", "disperse", True),
        ("The militants failed to capture the base.", "capture", True),
    ],
)
def test_an_infinitive_told_as_done_is_no_plan(sentence: str, trigger: str, irrealis: bool) -> None:
    from frontwire.events.rules import _nlp, _parse

    (doc,) = _parse.parse(_nlp.load_english(), [sentence])
    at = sentence.index(trigger)
    why = non_event_reason(sentence, doc, (at, at + len(trigger)))
    assert (why is not None and why.startswith("irrealis")) is irrealis
