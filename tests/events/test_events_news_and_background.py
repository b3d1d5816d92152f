"""What a whole article reports as its news, and what it mentions around it (rules 0.7.4): an event dated
only to a month, a ceremony on an anniversary, arrests at a demonstration and
a casualty line that count with the event just told, a call to march, a curfew.

Reports we wrote in the style of wire copy, coded by the rule coder as `frontwire extract` runs it.
"""

import datetime as dt

from frontwire.events import RuleExtractor
from frontwire.events.dates import DateContext
from frontwire.events.rules.timeframe import background_reason
from frontwire.records import Article, EventMention

FRIDAY = dt.date(2025, 9, 19)


def _coded(extractor: RuleExtractor, *paragraphs: str, published: dt.date = FRIDAY):
    article = Article(source="t", title=paragraphs[0], paragraphs=list(paragraphs), published=published)
    return extractor.extract_events(article)


def _types(events: list[EventMention]) -> list[tuple[str, dt.date]]:
    return [(e.sub_event_type, e.event_date) for e in events]


def _told(events: list[EventMention], words: str) -> bool:
    return any(words in span.text for e in events for span in e.evidence)


def test_an_event_dated_only_to_its_month_is_background(extractor: RuleExtractor) -> None:
    lead = "Gunmen killed five farmers near Kadugli on Thursday, police said."
    result = _coded(
        extractor, "Farmers killed in South Kordofan", lead,
        "In August, militiamen burned a market in Dilling and killed two traders.",
    )  # fmt: skip
    assert _told(result.events, "near Kadugli") and not _told(result.events, "In August")
    assert {e.event_date for e in result.events} == {dt.date(2025, 9, 18)}
    assert any(d.reason == "background: told only by its month" for d in result.dropped)


def test_an_event_dated_to_its_day_in_the_time_frame_is_news(extractor: RuleExtractor) -> None:
    # Four weeks before the lead, as the canonical page tells an ambush before its airstrikes.
    lead = "Gunmen killed five farmers near Kadugli on Thursday, police said."
    result = _coded(
        extractor, "Farmers killed in South Kordofan", lead,
        "On August 21, gunmen attacked a bus near Dilling, killing three passengers.",
    )  # fmt: skip
    assert {e.event_date for e in result.events} == {dt.date(2025, 8, 21), dt.date(2025, 9, 18)}


def test_a_ceremony_on_an_anniversary_is_no_event_but_a_march_is(extractor: RuleExtractor) -> None:
    ceremony = _coded(
        extractor, "Families gather at the Bir al-Abed mosque",
        "Families gathered at the mosque in Bir al-Abed on Monday to mark eight years since gunmen killed "
        "more than 300 worshippers during Friday prayers.",
    )  # fmt: skip
    assert ceremony.events == []
    assert any("anniversary" in d.reason for d in ceremony.dropped)
    march = _coded(
        extractor, "Thousands march in Cairo",
        "Thousands of people marched in Cairo on Monday to mark the anniversary of the uprising, "
        "chanting slogans against rising prices.",
    )  # fmt: skip
    assert [e.event_type for e in march.events] == ["Protests"]


def test_arrests_at_a_demonstration_are_its_intervention(extractor: RuleExtractor) -> None:
    result = _coded(
        extractor, "Students march against fuel prices",
        "Thousands of students marched in Omdurman on Thursday against a rise in fuel prices.",
        "Police said 38 people were detained.",
    )  # fmt: skip
    assert _types(result.events) == [("Protest with intervention", dt.date(2025, 9, 18))]
    assert len(result.events[0].evidence) == 2
    # An arrest on a day of its own is an Arrests event of its own.
    apart = _coded(
        extractor, "Students march against fuel prices",
        "Thousands of students marched in Omdurman on Thursday against a rise in fuel prices.",
        "On Friday morning, police detained 12 people at the offices of the students' union.",
    )  # fmt: skip
    assert sorted(e.sub_event_type for e in apart.events) == ["Arrests", "Peaceful protest"]


def test_a_casualty_line_tells_the_toll_of_the_event_just_told(extractor: RuleExtractor) -> None:
    result = _coded(
        extractor, "A day in Omdurman",
        "Police fired live rounds at thousands of protesters in Omdurman on Thursday.",
        "Doctors at the city's main hospital said at least 9 people were killed and 40 wounded.",
    )  # fmt: skip
    assert [e.event_type for e in result.events] == ["Protests"]
    assert result.events[0].fatalities == 9
    # An act told with its victims is an event of its own.
    act = _coded(
        extractor, "A day in Omdurman",
        "Police fired live rounds at thousands of protesters in Omdurman on Thursday.",
        "Gunmen killed seven farmers near Kadugli.",
    )  # fmt: skip
    assert sorted(e.event_type for e in act.events) == ["Protests", "Violence against civilians"]


def test_a_curfew_or_a_state_of_emergency_is_no_change_to_a_group(extractor: RuleExtractor) -> None:
    for text in (
        "The army imposed a curfew on Kadugli on Thursday evening.",
        "The president declared a state of emergency in South Kordofan on Thursday.",
    ):
        assert _coded(extractor, "Measures in South Kordofan", text).events == []
    # An armed group's curfew is its new rule over a place.
    rule = _coded(
        extractor, "Curfew in South Kordofan",
        "SPLM-N fighters declared a curfew in Kauda on Thursday and banned movement after dark.",
    )  # fmt: skip
    assert [e.sub_event_type for e in rule.events] == ["Change to group/activity"]
    merged = _coded(
        extractor, "Armed groups merge in South Kordofan",
        "Two factions of the SPLM-N announced on Thursday that they had merged into a single movement.",
    )  # fmt: skip
    assert [e.sub_event_type for e in merged.events] == ["Change to group/activity"]


def test_a_call_to_march_a_planned_march_a_weekly_rally_and_a_price_war_are_no_occurrence(
    extractor: RuleExtractor,
) -> None:
    for text in (
        "Opposition parties called on their supporters to join a larger rally in Omdurman on Saturday.",
        "The families' association plans a church service and a march in Kadugli on Sunday.",
        "Organisers said more protests would be held in Omdurman on Thursday.",
        "Similar rallies are held in Omdurman every Friday.",
        "Al-Hilal's coach was sent to the stands for protesting a penalty in Omdurman on Thursday.",
        "Zain Sudan launched an aggressive pricing offensive against its rivals in Omdurman on Thursday.",
        "Opposition leaders went on the offensive in parliament on Thursday.",
    ):
        assert _coded(extractor, "Sudan in brief", text).events == [], text
    held = _coded(
        extractor, "Sudan in brief", "Thousands of people marched in Omdurman on Thursday against fuel prices."
    )
    assert [e.event_type for e in held.events] == ["Protests"]


def test_glide_bombs_are_an_air_strike(extractor: RuleExtractor) -> None:
    result = _coded(
        extractor, "Kharkiv in brief",
        "Two glide bombs struck a bus depot in Kharkiv on Thursday, wounding three people, the governor said.",
    )  # fmt: skip
    assert [e.sub_event_type for e in result.events] == ["Air/drone strike"]


def test_a_headline_recalling_last_months_raid_leaves_this_weeks_ambush_coded(extractor: RuleExtractor) -> None:
    # The headline is read with the lead as one event; its "last month's raid" dates that event to a month,
    # but the lead writes a day of its own, and the ambush it tells is this week's news.
    result = _coded(
        extractor,
        "Gunmen kill soldiers in two attacks near Tillaberi as Niger buries victims of last month's raid",
        "Suspected jihadists killed six soldiers in an ambush on a patrol near Tillaberi on Thursday, the "
        "defence ministry said.",
    )
    assert _told(result.events, "in an ambush on a patrol")
    assert {e.event_date for e in result.events} == {dt.date(2025, 9, 18)}
    assert any(d.reason == "background: told only by its month" for d in result.dropped)


def test_an_old_act_told_first_with_no_later_day_stays_background(extractor: RuleExtractor) -> None:
    # "The attack" after a sentence set in 2019 writes no day of its own: it is the old attack again.
    result = _coded(
        extractor,
        "Villagers remember the raid",
        "In 2019, gunmen attacked the village of Sarma and killed 30 people. The attack also destroyed the "
        "market.",
    )
    assert result.events == []


def test_last_years_protests_named_in_a_sentence_dated_monday_leave_its_clash_news(
    extractor: RuleExtractor,
) -> None:
    result = _coded(
        extractor,
        "Youths and police clash near roundabout",
        "Clashes between police and youths took place near the roundabout in Manama on Monday, as crowds "
        "moved close to the symbol of last year's protests.",
    )
    assert _told(result.events, "Clashes between police and youths")
    # Counted back from the act itself, a year is still background.
    ctx = DateContext.for_text(FRIDAY, "")
    assert background_reason(FRIDAY, "Police and youths clashed in Manama last year.", ctx)
    assert background_reason(FRIDAY, "Police and youths clashed on Monday in Manama.", ctx) is None


def test_a_sentence_dated_last_october_is_another_occurrence_not_more_of_the_news(
    extractor: RuleExtractor,
) -> None:
    # "In October of last year" dates an earlier act: it neither joins the blasts told before it (adding
    # its places and toll to them) nor stands as news.
    result = _coded(
        extractor,
        "Blasts hit resort town",
        "Three bombs exploded in Sharm el-Sheikh early on Saturday, killing at least 60 people, police said.",
        "In October of last year, 34 people were killed in explosions in Taba and Nuweiba, resort areas on "
        "the same coast.",
        published=dt.date(2005, 7, 24),
    )
    assert [(e.sub_event_type, e.event_date) for e in result.events] == [
        ("Remote explosive/landmine/IED", dt.date(2005, 7, 23))
    ]
    assert not _told(result.events, "Taba")


def _coded_apart(extractor: RuleExtractor, title: str, *paragraphs: str, published: dt.date = FRIDAY):
    """The page's title read apart from its body, as HTML pages and JSONL records give it."""
    article = Article(source="t", title=title, paragraphs=list(paragraphs), published=published)
    return extractor.extract_events(article)


def test_an_act_with_its_old_year_after_the_lead_is_background_when_the_title_is_apart(
    extractor: RuleExtractor,
) -> None:
    # rules 0.8.9: the opening is the headline and the lead; the paragraph after the lead is no longer part
    # of it when the page's title was read apart from its body.
    result = _coded_apart(
        extractor,
        "Eight years after the Kafr Nabil massacre, the village rebuilds",
        "Families gathered at the mosque in Kafr Nabil on Thursday to mark eight years since gunmen killed "
        "more than 100 worshippers.",
        "On November 24, 2017, around 30 militants surrounded the mosque in Kafr Nabil, detonated an explosive "
        "device and then fired on worshippers as they fled.",
    )
    assert not _told(result.events, "On November 24, 2017")
    assert any("with its year" in d.reason for d in result.dropped)


def test_a_monitors_record_that_opens_on_its_year_keeps_its_event(extractor: RuleExtractor) -> None:
    # The page's date may be when it was crawled: an opening that writes its year is still the page's news.
    result = _coded_apart(
        extractor,
        "Incident report: Kafr Nabil",
        "On November 24, 2017, around 30 militants surrounded the mosque in Kafr Nabil, detonated an explosive "
        "device and then fired on worshippers as they fled.",
    )
    assert _told(result.events, "On November 24, 2017")


def test_a_toll_between_two_earlier_years_is_background(extractor: RuleExtractor) -> None:
    result = _coded(
        extractor, "Sinai insurgency", "Gunmen killed two soldiers near Arish on Thursday, the army said.",
        "According to military figures, more than 1,000 militants were killed between 2018 and 2022.",
    )  # fmt: skip
    assert _told(result.events, "near Arish") and not _told(result.events, "between 2018 and 2022")
