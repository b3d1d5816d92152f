"""Rules 0.9.1 (issue 12), read from the codebook: a bomb defused and arms intercepted are disrupted weapons
use, armed men driven from a place are a territory change, an attack's doers fought or killed by police are
a clash of their own, a protest at a trial is the news of the trial's day, and a protest told at a new place
"simultaneously" is an event of its own. Sentences written for these tests."""

from __future__ import annotations

import pytest
from coded_events import WEDNESDAY, coded, sole_event_on_monday

from frontwire.events import RuleExtractor
from frontwire.records import Article


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("A car bomb was defused by police in the centre of Baghdad on Monday.", "Disrupted weapons use"),
        ("Police found and defused a roadside bomb outside Kirkuk on Monday.", "Disrupted weapons use"),
        (
            "The navy intercepted a dhow carrying weapons off the coast of Yemen on Monday, officials said.",
            "Disrupted weapons use",
        ),
        (
            "A roadside bomb exploded near a police patrol outside Kirkuk on Monday, wounding two officers.",
            "Remote explosive/landmine/IED",
        ),
        ("The army drove the militants out of the town of Baidoa on Monday.", "Government regains territory"),
        (
            "Rebels chased government troops from the town of Kidal on Monday, residents said.",
            "Non-state actor overtakes territory",
        ),
    ],
)
def test_codebook_acts_of_disruption_and_territory(extractor: RuleExtractor, text: str, sub_type: str):
    assert sole_event_on_monday(extractor, text) == sub_type


def test_a_bomb_that_went_off_beside_one_defused_is_still_a_bombing(extractor: RuleExtractor):
    text = (
        "A roadside bomb exploded near a police patrol outside Kirkuk on Monday, and a second bomb was "
        "defused nearby."
    )
    assert [s for s, _, _ in coded(extractor, text)] == ["Remote explosive/landmine/IED"]


@pytest.mark.parametrize(
    "text",
    [
        "A farmer drove his tractor out of the village of Bama on Monday.",
        "Police stopped a lorry carrying bananas on the road to Kampala on Monday.",
    ],
)
def test_ordinary_driving_and_cargo_are_no_event(extractor: RuleExtractor, text: str):
    assert coded(extractor, text) == []


@pytest.mark.parametrize(
    "answer",
    [
        "All three were shot and killed by police within eight minutes.",
        "Security forces exchanged fire with the attackers for six hours before the siege ended.",
    ],
)
def test_the_armed_answer_to_an_attack_is_a_clash_of_its_own(extractor: RuleExtractor, answer: str):
    lead = "Gunmen stormed a hotel in Mogadishu on Monday, killing 15 guests."
    assert [s for s, _, _ in coded(extractor, lead, answer)] == ["Attack", "Armed clash"]


def test_people_shot_by_troops_after_an_attack_are_not_its_doers(extractor: RuleExtractor):
    found = coded(
        extractor,
        "A suicide bomber blew himself up at a market in Kano on Monday, killing 12 people.",
        "Five people were later shot dead by soldiers, witnesses said.",
    )
    assert [s for s, _, _ in found] == ["Suicide bomb", "Attack"]  # the soldiers' shooting: no clash


def test_a_protest_at_a_trial_is_kept_while_the_crime_it_judges_is_not(extractor: RuleExtractor):
    article = Article(
        source="t",
        title="Man convicted over shooting at a bus stop in Leeds",
        paragraphs=[
            "A 34-year-old man was convicted on Monday of murdering two men at a bus stop in Leeds.",
            "He opened fire on the queue, killing two men and wounding a woman.",
            "He had denied the charges throughout the three-week hearing.",
            "Dozens of anti-gun campaigners protested outside the courthouse as the verdict was read.",
        ],
        published=WEDNESDAY,
    )
    found = extractor.extract_events(article).events
    assert [e.sub_event_type for e in found] == ["Peaceful protest"]


def test_a_protest_told_simultaneously_at_a_new_place_is_its_own_event(extractor: RuleExtractor):
    found = coded(
        extractor,
        "Hundreds of people protested outside the Scottish Parliament in Edinburgh on Monday. "
        "Simultaneously, in London hundreds of protesters marched to Downing Street.",
    )
    assert [(s, p) for s, _, p in found] == [("Peaceful protest", "Edinburgh"), ("Peaceful protest", "London")]


def test_a_trend_told_of_a_noun_leaves_the_sentences_own_act(extractor: RuleExtractor):
    text = (
        "On Monday, thousands of people gathered in Lagos to protest against police brutality, which has "
        "increased in recent years."
    )
    assert sole_event_on_monday(extractor, text) == "Peaceful protest"


def test_a_trend_that_is_the_sentences_own_news_is_still_no_event(extractor: RuleExtractor):
    text = "Attacks on police have increased in recent months in the province, officials said on Monday."
    assert coded(extractor, text) == []


def test_the_violence_that_set_a_protest_off_does_not_make_it_violent(extractor: RuleExtractor):
    found = coded(
        extractor,
        "Thousands of people marched through Lagos on Monday against police brutality.",
        "The protests came after several people were killed by a mob in the city.",
    )
    assert [s for s, _, _ in found] == ["Peaceful protest"]


def test_a_protest_told_on_two_days_is_coded_on_each(extractor: RuleExtractor):
    text = "Thousands of people protested in Cairo on Monday and Tuesday, demanding the president's resignation."
    assert coded(extractor, text) == [
        ("Peaceful protest", "2024-03-04", "Cairo"),
        ("Peaceful protest", "2024-03-05", "Cairo"),
    ]


def test_a_second_day_of_another_act_is_no_second_protest(extractor: RuleExtractor):
    found = coded(extractor, "Protesters gathered in Cairo on Monday and police detained ten of them on Tuesday.")
    assert [d for _, d, _ in found] == ["2024-03-04"]


@pytest.mark.parametrize(
    "text",
    [
        # a span of years past, a time the story named before, an act that might happen, a closed case, a
        # habit, a hold that goes on;
        "While in the squad, the officer posed from 1993 to 1997 as a campaigner and infiltrated protest groups.",
        "Late that month, government forces launched an offensive against protesters in the city of Hama.",
        "Only two of the countries polled thought the invasion lessened the likelihood of terrorist attacks.",
        "The two killers were later arrested and sentenced to more than 30 years in prison.",
        "In an average month, 50 women are shot dead by a partner in the country.",
        "Foreign troops are still occupying the key towns of Gori and Senaki, residents said on Monday.",
        # a charge a court judged, a protest set for next week
        "A court in Istanbul on Monday cleared the academic of killing seven people in a bomb attack.",
        "The opposition leader called on supporters in every town to gather for three days of protests next week.",
    ],
)
def test_told_past_possible_or_habitual_is_no_event(extractor: RuleExtractor, text: str):
    assert coded(extractor, text) == []


def test_later_that_day_still_goes_on_with_the_day_told(extractor: RuleExtractor):
    found = coded(
        extractor,
        "Thousands of people marched through Hama on Monday.",
        "Later that day, police fired tear gas at the protesters in Hama.",
    )
    assert ("Protest with intervention", "2024-03-04", "Hama") in found


def test_a_plain_text_pages_first_line_is_the_headline_that_tells_a_trial(extractor: RuleExtractor):
    # No title read apart from the body, and a headline in the present tense, as headlines are written.
    found = coded(
        extractor,
        "Court jails gunman for life over airport bus shooting",
        "He opened fire on the bus outside the terminal, killing two airmen and wounding two others.",
    )
    assert found == []
