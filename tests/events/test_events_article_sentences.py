"""Which sentences of a whole article report an occurrence, and which event a later mention belongs to.

Short articles we wrote in the style of wire and local news (none copied from an evaluation set), run
through the rule coder as `frontwire extract` runs it; each test asserts the events a reader would list.
"""

import datetime as dt

import pytest

from frontwire.events import RuleExtractor
from frontwire.events.rules.aggregates import aggregate_reason
from frontwire.events.rules.filters import non_event_reason
from frontwire.events.rules.stance import stance_reason
from frontwire.events.rules.tense import tense_reason
from frontwire.records import Article

PUB = dt.date(2024, 5, 9)


def _events(extractor: RuleExtractor, *paragraphs: str):
    return extractor.extract_events(Article(source="t", paragraphs=list(paragraphs), published=PUB))


@pytest.mark.parametrize(
    "sentence",
    [
        "The insurgents possess rocket launchers and use them against villages along the border.",
        "The army will respond to any attack on its positions, the minister said.",
        "Officials say the bombings are a sign of the weakness of the group.",
        "Armed gangs control the roads into the mining town and tax every truck.",
    ],
)
def test_present_and_future_statements_report_no_occurrence(sentence: str) -> None:
    assert tense_reason(sentence) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen killed six villagers in an attack on a market.",
        "Suspected pirates have hijacked a cargo ship off the coast.",
        "Fighting is continuing in the northern districts of the city.",
        "Police say twelve people are dead after the blast.",
        "Bomb kills 12 in Baghdad market",  # a headline: events in the present
        "Heavy shelling hit the town overnight, residents told reporters.",
    ],
)
def test_past_ongoing_and_headline_sentences_may_report_one(sentence: str) -> None:
    assert tense_reason(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The rebels have won several battles against the army.",
        "The district has been attacked several times before.",
        "Kidnappings of foreign workers have increased as ransoms were paid.",
        "Attacks on journalists are not uncommon in the province.",
        "The frequency of bombings in the capital has fallen sharply.",
        "The insurgency has killed more than 5,000 people.",
        "Militants have carried out attacks on army posts along the highway.",
    ],
)
def test_aggregates_counts_and_trends_are_no_occurrence(sentence: str) -> None:
    assert aggregate_reason(sentence) is not None
    assert non_event_reason(sentence, trigger=(0, 1)) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen attacked a police post in the town, killing three officers.",
        "Twin bombings have killed 30 people in the capital.",
        "Several bombs exploded in the market on Sunday, killing four people.",
        "The village was attacked three times in January, residents said.",
        "A total of 12 people were killed in the ambush.",
    ],
)
def test_one_occurrence_told_with_numbers_is_not_an_aggregate(sentence: str) -> None:
    assert aggregate_reason(sentence) is None or "on Sunday" in sentence


def test_a_later_mention_of_the_clash_joins_it_however_far_back(extractor: RuleExtractor) -> None:
    result = _events(
        extractor,
        "Insurgents fought with government troops in Beledweyne on Friday, killing nine people, officials "
        "said.",
        "The fighting began at dawn and lasted several hours, residents said.",
        "The government has struggled to pay its soldiers for months, and the president faces an election "
        "next year.",
        "Donors pledged new funds for the country's schools at a conference in Nairobi.",
        "A defence official said that four insurgents had died in the clash.",
    )
    assert [e.sub_event_type for e in result.events] == ["Armed clash"]
    (clash,) = result.events
    assert clash.event_date == dt.date(2024, 5, 3)
    assert any("died in the clash" in e.text for e in clash.evidence)


def test_another_attack_stays_its_own_event(extractor: RuleExtractor) -> None:
    result = _events(
        extractor,
        "Gunmen attacked a bus near Maiduguri on Tuesday, killing seven passengers, police said.",
        "On Sunday, two farmers were shot dead in another attack near Konduga.",
    )
    assert len(result.events) == 2
    assert {e.event_date for e in result.events} == {dt.date(2024, 5, 7), dt.date(2024, 5, 5)}


def test_an_article_of_statements_and_sums_gives_no_event(extractor: RuleExtractor) -> None:
    result = _events(
        extractor,
        "The interior minister said on Monday that security in the northern provinces is improving.",
        "The insurgency has killed more than 5,000 people, and attacks on markets are not uncommon.",
        "The army will respond firmly to any attack on civilians, she told parliament.",
        "Rights groups say kidnappings of aid workers have increased as ransoms were paid.",
    )
    assert result.events == []
    assert result.dropped


@pytest.mark.parametrize(
    "text",
    [
        "The bank's shares fell sharply after analysts attacked its plan to cut branches.",
        "The striker's late goal killed off the tie, and the home side have won several battles in midfield.",
        "Researchers say the new drug attacks tumour cells and has increased survival in trials.",
        "The film's battle scenes are long, and its hero fights off a wave of attackers in a burning city.",
        "Hospital admissions for heart attacks have fallen since the ban on smoking in bars.",
    ],
)
def test_business_sport_science_review_and_health_phrasings_give_no_event(
    extractor: RuleExtractor, text: str
) -> None:
    assert _events(extractor, text).events == []


@pytest.mark.parametrize(
    ("sentence", "cue", "reason"),
    [
        ("The troops met gunmen armed with rifles and rocket launchers near the port.", "rocket", "arms"),
        ("If the rebels attack the town, the army will send reinforcements.", "attack", "condition"),
        ("The bombing was the second-deadliest attack in the agency's history.", "bombing", "comparison"),
    ],
)
def test_arms_conditions_and_comparisons_are_stances(sentence: str, cue: str, reason: str) -> None:
    at = sentence.index(cue)
    why = stance_reason(sentence, (at, at + len(cue)))
    assert why is not None and reason in why


def test_the_deadliest_attack_told_with_its_day_stays(extractor: RuleExtractor) -> None:
    result = _events(
        extractor, "Gunmen killed 14 worshippers at a mosque in Kano on Friday, the deadliest attack in months."
    )
    assert [e.sub_event_type for e in result.events] == ["Attack"]


def test_the_attack_named_by_its_place_is_the_same_attack(extractor: RuleExtractor) -> None:
    result = _events(
        extractor,
        "A suicide bomber attacked a police station in Bannu on Tuesday, killing five officers, police said.",
        "Traders in the city closed their shops for the day, and schools sent pupils home.",
        "The provincial government announced compensation for the families.",
        "Relatives of the officers killed in the Bannu attack gathered at the hospital.",
    )
    assert len(result.events) == 1
    assert any("the Bannu attack" in e.text for e in result.events[0].evidence)


def test_a_200000_word_page_and_a_sentence_10000_times_finish_within_the_page_limit() -> None:
    """Through the whole reading pipeline (article extraction, coder, places), as `extract` runs a page."""
    import random
    import time

    from frontwire.config import DEFAULT, PAGE_TIMEOUT_S
    from frontwire.pipeline import Pipeline
    from frontwire.records import Page

    pipeline = Pipeline(DEFAULT)
    lead = "Gunmen killed six villagers in an attack on a market in Zamfara on Monday, police said."
    words = "the farmers of the valley brought grain and fruit to the market square where traders sold".split()
    rnd = random.Random(7)
    paragraphs = [lead] + [
        " ".join(rnd.choice(words) for _ in range(40)).capitalize() + "." for _ in range(200_000 // 40)
    ]
    pages = {
        "long.txt": "Market news from the valley\n\n" + "\n\n".join(paragraphs),
        "repeated.txt": "Market news\n\n" + " ".join([lead] * 10_000),
    }
    for name, text in pages.items():
        started = time.perf_counter()
        out = pipeline(Page(source=name, kind="text", content=text, published=PUB))
        assert time.perf_counter() - started < PAGE_TIMEOUT_S / 2, name
        assert [(e.sub_event_type, e.fatalities) for e in out.events] == [("Attack", 6)], name


def test_the_learned_coder_judges_sentences_with_its_head() -> None:
    """The default coder's head scores sentences the rules keep: a briefing about a bombing is no event,
    the bombing is one; a judge given by the caller replaces the head."""
    from frontwire.events.learned.extractor import LearnedExtractor
    from frontwire.events.learned.judge import EVENT_THRESHOLD

    coder = LearnedExtractor()
    judge = coder._sentence_judge()
    assert judge.event_probability("The president was told about the bombing while on a trip abroad.") < (
        EVENT_THRESHOLD
    )
    assert judge.event_probability("Two car bombs exploded in the capital on Sunday, killing 30 people.") > 0.9
    mine = type("Always", (), {"threshold": 0.5, "event_probability": lambda self, text: 1.0})()
    assert LearnedExtractor(judge=mine)._sentence_judge() is mine
