"""Whole articles: background, aggregates and talk about events give no event; one occurrence told in
the headline, the lead and follow-ups is one event; place-like words that are not places place nothing.

Reports we wrote in the style of wire copy, run through the whole reading pipeline (coder, gazetteer,
article-level consolidation) as `frontwire extract` runs them.
"""

import datetime as dt

import pytest

from frontwire.config import DEFAULT
from frontwire.events.consolidate import consolidate
from frontwire.events.dates import DateContext
from frontwire.events.rules.filters import non_event_reason
from frontwire.events.rules.timeframe import background_reason
from frontwire.pipeline import Pipeline
from frontwire.records import Article, EventMention, Evidence, Location

PUB = dt.date(2024, 5, 9)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(DEFAULT)


def _events(pipeline: Pipeline, *paragraphs: str) -> list[EventMention]:
    article = Article(source="t", title=paragraphs[0], paragraphs=list(paragraphs), published=PUB)
    return pipeline.code(article).events


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("The group has launched 504 attacks in the province so far this year.", "aggregate"),
        ("At least 66 supporters have been killed in attacks since the disputed election.", "aggregate"),
        ("Nine journalists have been killed in the country this year, the committee said.", "aggregate"),
        ("Deaths surged from 88 in 2023 to 388, according to the monitor.", "aggregate"),
        ("A UN report released on Thursday states that attacks on four villages broke the law.", "report"),
        ("The opposition leader called for a ceasefire and an end to the shelling.", "demand"),
        ("The president condemned last week's bombing of the market.", "reaction"),
        ("Two aid workers kidnapped in the region in July were freed on Sunday.", "release"),
        ("Rights groups accused the opposition of organising attacks on rival villages.", "accusation"),
    ],
)
def test_sentences_that_report_no_occurrence(sentence: str, reason: str) -> None:
    why = non_event_reason(sentence, trigger=(0, 1))
    assert why is not None and reason in why


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen killed six villagers in an attack on Monday, police said.",
        "Two car bombs exploded in the capital on Sunday, killing 30 people.",
        "At least 15 people have been killed in the town since Friday, police said on Saturday.",
        "Protesters rallied outside parliament on Thursday, calling for a ceasefire.",
    ],
)
def test_sentences_that_report_an_occurrence(sentence: str) -> None:
    protest = sentence.startswith("Protesters")
    assert non_event_reason(sentence, trigger=None if protest else (0, 1)) is None


def test_background_is_dated_before_the_article_or_set_in_an_earlier_year() -> None:
    ctx = DateContext.for_text(PUB, "")
    frame = dt.date(2024, 5, 6)  # the article's first event
    assert background_reason(dt.date(2024, 1, 20), "Gunmen killed five.", ctx, frame)
    # The first event sets the frame: a page dated by its crawl years later keeps its lead event.
    assert background_reason(dt.date(2024, 1, 20), "Gunmen killed five.", ctx) is None
    assert background_reason(PUB, "Six aid workers were killed in Balkh in 2017.", ctx)
    assert background_reason(PUB, "It was the deadliest attack since 2017.", ctx) is None
    assert background_reason(PUB, "Police arrested him more than a year ago in Kano.", ctx)
    assert background_reason(PUB, "They were tied to a June 2003 mob attack on a police station.", ctx)
    assert background_reason(dt.date(2024, 4, 2), "Gunmen killed five.", ctx, frame) is None
    # The time frame is this month and last month (ANNOTATION.md): an act two months back is background.
    assert background_reason(dt.date(2024, 4, 1), "Gunmen killed five.", ctx, frame) is None
    assert background_reason(dt.date(2024, 3, 28), "Gunmen killed five.", ctx, frame)
    # A first event whose sentence writes its year before the time frame looks back: background even
    # though it sets the frame; the same day told without its year is the crawled page's lead event.
    looked_back = "On June 26, 2015, a gunman opened fire on tourists at a hotel near Sousse."
    assert background_reason(dt.date(2015, 6, 26), looked_back, ctx, paragraph=2)
    told = "On Friday a gunman opened fire on tourists."
    assert background_reason(dt.date(2015, 6, 26), told, ctx, paragraph=2) is None
    assert background_reason(dt.date(2024, 5, 3), "On May 3, 2024, a gunman opened fire.", ctx, paragraph=2) is None
    # An opening that writes its year is the page's own news (a monitor's record on a page dated by its crawl).
    assert background_reason(dt.date(2015, 6, 26), looked_back, ctx, paragraph=1) is None
    # Without a publication date nothing can be called old.
    assert background_reason(dt.date(2001, 1, 1), "In 2001 gunmen killed five.", DateContext.for_text(None, "")) is None


def test_one_occurrence_told_three_times_is_one_event(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "Car bomb kills 12 in Kirkuk",
        "A car bomb exploded near a market in Kirkuk on Tuesday, killing 12 people, police said.",
        "The Iraqi government condemned the bombing. Police said the explosion destroyed several shops.",
        "The blast in Kirkuk wounded dozens more, hospital officials said.",
    )
    assert len(events) == 1
    (ev,) = events
    assert ev.event_type == "Explosions/Remote violence" and ev.fatalities == 12
    assert ev.place is not None and ev.place.country == "Iraq"
    assert len(ev.evidence) >= 2


def test_demonyms_possessives_and_organisations_are_not_places(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "Bombs hit embassies in Baghdad",
        "Three car bombs exploded outside the Iranian, Syrian and Lebanese embassies in Baghdad on Sunday, "
        "killing 30 people, police said.",
    )
    assert events
    written = {ev.location_text for ev in events}
    assert not written & {"Iranian", "Syrian", "Lebanese", "Sunday"}


def _mention(location: str, geonameid: int | None, country: str, precision: int, day: int) -> EventMention:
    at = len(location) * 100 + day  # where its evidence sits: each mention its own sentence
    return EventMention(
        event_date=dt.date(2024, 5, day),
        time_precision=1,
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        actor1="Unidentified",
        location_text=location,
        evidence=[Evidence(text=f"A strike hit {location} on {day} May.", start=at, end=at + 1)],
        place=Location(location=location, geonameid=geonameid, country=country, geo_precision=precision),
    )


def test_consolidation_keeps_other_places_and_days_apart() -> None:
    town = _mention("Nuseirat", 1, "Palestine", 1, 7)
    other_town = _mention("Khan Yunis", 2, "Palestine", 1, 7)
    country_only = _mention("Palestine", None, "Palestine", 3, 7)
    next_day = _mention("Nuseirat", 1, "Palestine", 1, 8)
    merged = consolidate([town, other_town, country_only, next_day])
    assert [(m.location_text, m.event_date.day) for m in merged] == [("Nuseirat", 7), ("Khan Yunis", 7), ("Nuseirat", 8)]
    assert len(merged[0].evidence) == 2  # the country-level mention's evidence joined the first strike


class _HedgeJudge:
    """A scorer that doubts sentences hedged with "reportedly": enough to show how scores join the rules."""

    threshold = 0.5

    def event_probability(self, text: str) -> float:
        return 0.2 if "reportedly" in text else 0.9


def test_a_learned_judge_drops_only_what_the_rules_keep() -> None:
    from frontwire.events import RuleExtractor

    paragraphs = [
        "Gunmen killed six villagers in Zamfara on Monday, police said.",
        "Separately, bandits reportedly attacked a market in Sokoto on Tuesday.",
        "The group has launched 504 attacks in the state so far this year.",
    ]
    article = Article(source="t", paragraphs=paragraphs, published=PUB)
    plain = RuleExtractor().extract_events(article)
    judged = RuleExtractor(judge=_HedgeJudge()).extract_events(article)
    assert len(plain.events) == 2 and len(judged.events) == 1
    reasons = [d.reason for d in judged.dropped]
    assert any(r.startswith("learned judge") for r in reasons) and any(r.startswith("aggregate") for r in reasons)


def test_hostile_lengths_finish_with_their_events() -> None:
    """One sentence 10,000 times is read once; a body past MAX_EVENT_CHARS is read up to it, and says so."""
    import time

    from frontwire.config import PAGE_TIMEOUT_S
    from frontwire.events import RuleExtractor
    from frontwire.events.rules.coder import MAX_EVENT_CHARS

    extractor = RuleExtractor()
    sentence = "Gunmen killed six villagers in an attack on a market in Zamfara on Monday, police said."
    started = time.perf_counter()
    result = extractor.extract_events(Article(source="r", paragraphs=[" ".join([sentence] * 10_000)], published=PUB))
    assert time.perf_counter() - started < PAGE_TIMEOUT_S
    assert len(result.events) == 1 and result.events[0].fatalities == 6
    filler = "The harvest festival drew farmers from across the valley to the market square."
    paragraphs = [sentence] + [f"{filler} Stall {i} sold grain." for i in range(MAX_EVENT_CHARS // 90 + 50)]
    long = extractor.extract_events(Article(source="l", paragraphs=paragraphs, published=PUB))
    assert len(long.events) == 1
    assert any(d.reason.startswith(f"article over {MAX_EVENT_CHARS:,} characters") for d in long.dropped)


@pytest.mark.parametrize(
    "text",
    [
        "Jose Mourinho has agreed a deal to manage the club until 2023, the board said on Monday.",
        "NASA has recruited SpaceX to fly the next crew to the station, the agency said on Tuesday.",
        "The company unveiled a new base machine for its benchmark lab on Wednesday.",
        "The singer died of a heart attack at his home in London on Friday.",
        "Nadal defeated Khachanov 6-3, 7-6 on Thursday after Rublev rallied to beat Bautista-Agut.",
    ],
)
def test_business_science_health_and_sport_pages_give_no_event(text: str) -> None:
    from frontwire.events import RuleExtractor

    result = RuleExtractor().extract_events(Article(source="t", paragraphs=[text], published=PUB))
    assert result.events == []


def test_agreements_between_armed_parties_stay() -> None:
    from frontwire.events import RuleExtractor

    text = "The Taliban and the Afghan army agreed a three-day ceasefire in Kandahar on Monday."
    (event,) = RuleExtractor().extract_events(Article(source="t", paragraphs=[text], published=PUB)).events
    assert event.sub_event_type == "Agreement"


def test_a_trial_report_does_not_code_the_attack_it_looks_back_on(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "Court upholds sentences over 2015 hotel attack",
        "TUNIS — An appeals court in Tunis on Tuesday upheld the prison terms of six men convicted over the "
        "shooting at a beach hotel near Sousse, lawyers for the families said.",
        "On June 26, 2015, the gunman opened fire on tourists at a hotel in Port El Kantaoui, north of "
        "Sousse, killing 38 people before police shot him dead.",
    )
    assert not [e for e in events if e.event_date and e.event_date.year == 2015]


def test_stun_grenades_at_a_protest_are_no_grenade_attack(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "Youths riot in Nairobi suburb over fuel prices",
        "NAIROBI — Youths burned tyres and threw stones at police in the Kibera area of Nairobi on Tuesday "
        "night in anger at a rise in fuel prices, witnesses said.",
        "Officers fired tear gas and stun grenades to break up the crowds.",
    )
    assert events and not [e for e in events if e.sub_event_type == "Grenade"]
    grenade = _events(
        pipeline,
        "Grenade attack on Mogadishu market",
        "MOGADISHU — A man threw a hand grenade into a crowded market in Mogadishu on Tuesday, wounding "
        "seven people, police said.",
    )
    assert [e.sub_event_type for e in grenade] == ["Grenade"]
