"""ACLED's actors world-wide: generic actors named for the event's country, the state forces a demonym
names, the armed groups of today's conflicts, a demonstration's sides, and the scene-setting date.
Every sentence here is written by us in the style of wire copy."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwire.errors import ConfigError
from frontwire.events.actors import ActorDictionary, CountryLexicon
from frontwire.events.rules.coder import RuleExtractor
from frontwire.pipeline import Pipeline
from frontwire.records import Article, EventMention, Page

PUBLISHED = dt.date(2024, 12, 1)


def _events(extractor: RuleExtractor, text: str) -> list[EventMention]:
    article = Article(source="brief", paragraphs=[text], published=PUBLISHED)
    return extractor.extract(article)


def _placed(pipeline: Pipeline, text: str) -> list[EventMention]:
    return pipeline(Page(source="brief", kind="text", content=text, published=PUBLISHED)).events


def test_a_protest_is_named_for_the_country_it_is_placed_in(pipeline: Pipeline) -> None:
    (ev,) = _placed(
        pipeline,
        "On 12 March 2024, around 300 teachers protested in Porto Alegre, Rio Grande do Sul, demanding "
        "higher wages from the state government.",
    )
    assert ev.place is not None and ev.place.country == "Brazil"
    assert (ev.actor1, ev.assoc_actor_1, ev.actor2) == ("Protesters (Brazil)", "Teachers (Brazil)", None)
    assert "Unknown" not in ev.notes and "United States" not in ev.notes


def test_unnamed_gunmen_and_their_victims_take_the_event_country(pipeline: Pipeline) -> None:
    (ev,) = _placed(pipeline, "On 2 June 2024, unidentified gunmen killed a village chief in Kasese district, Uganda.")
    assert (ev.actor1, ev.actor2) == ("Unidentified Armed Group (Uganda)", "Civilians (Uganda)")


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("Kenyan troops", "Military Forces of Kenya (2022-)"),
        ("Brazilian police", "Police Forces of Brazil (2023-)"),
        ("Colombian soldiers", "Military Forces of Colombia (2022-)"),
        ("Philippine troops", "Military Forces of the Philippines (2022-)"),
        ("the Arakan Army", "AA: Arakan Army"),
        ("ELN rebels", "ELN: National Liberation Army"),
        ("FARC dissidents", "EMC: Central General Staff"),
        ("the Balochistan Liberation Army", "BLA: Balochistan Liberation Army"),
        ("New People's Army guerrillas", "NPA: New People's Army"),
        ("CJNG gunmen", "CJNG: Jalisco New Generation Cartel"),
        ("Viv Ansanm", "Viv Ansanm"),
        ("Maoists", "CPI (Maoist): Communist Party of India (Maoist)"),
    ],
)
def test_the_dictionary_names_actors_of_todays_conflicts(phrase: str, name: str) -> None:
    found = ActorDictionary.load(countries=CountryLexicon.load()).find(f"On Monday {phrase} were seen.")
    assert [m.entry.name for m in found][:1] == [name]


def test_a_foreign_army_named_in_the_sentence_keeps_its_country(extractor: RuleExtractor) -> None:
    (ev,) = _events(extractor, "On 9 September 2024, Kenyan troops killed five Al Shabaab militants near Bardhere, Somalia.")
    assert ev.actor1 == "Military Forces of Kenya (2022-)" and ev.inter1 == 8  # foreign forces in Somalia
    assert ev.actor2 == "Al Shabaab"


def test_a_peaceful_protest_has_no_second_side(extractor: RuleExtractor) -> None:
    (ev,) = _events(extractor, "Thousands of people protested in Sanaa on Friday against the Saudi-led coalition.")
    assert ev.sub_event_type == "Peaceful protest"
    assert ev.actor1 == "Protesters (Yemen)" and ev.actor2 is None


def test_police_who_break_up_a_protest_are_its_second_side(extractor: RuleExtractor) -> None:
    (ev,) = _events(extractor, "On 14 February 2024, police arrested 12 people during a protest in Dhaka, Bangladesh.")
    assert ev.sub_event_type == "Protest with intervention"
    assert (ev.actor1, ev.actor2) == ("Protesters (Bangladesh)", "Police Forces of Bangladesh (2009-2024)")
    assert "met by Police Forces of Bangladesh" in ev.notes


def test_the_sentence_that_sets_the_scene_dates_the_event(extractor: RuleExtractor) -> None:
    text = (
        "On 7 May 2020, the army issued a statement about the situation around Djibo. "
        "Two soldiers were killed when militants attacked their post."
    )
    (ev,) = _events(extractor, text)
    assert (ev.event_date, ev.time_precision) == (dt.date(2020, 5, 7), 1)


def test_a_scene_in_another_paragraph_does_not_date_the_event(extractor: RuleExtractor) -> None:
    article = Article(
        source="brief",
        paragraphs=["On 7 May 2020, the army issued a statement.", "Two soldiers were killed when militants attacked their post on Tuesday."],
        published=PUBLISHED,
    )
    (ev,) = extractor.extract(article)
    assert ev.event_date == dt.date(2024, 11, 26)


def test_country_codes_that_are_words_are_not_countries() -> None:
    found = CountryLexicon.load().find("We CAN report that PER capita income rose; the UAE and Burma were named.")
    assert [(m.country.name, m.kind) for m in found] == [("United Arab Emirates", "name"), ("Myanmar", "name")]


def test_a_broken_country_file_is_an_error_naming_it(tmp_path) -> None:
    bad = tmp_path / "countries.toml"
    bad.write_text('[[country]]\nname = "Atlantis"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="countries.toml"):
        CountryLexicon.load([bad])


def test_an_act_blamed_in_the_passive_is_reported_with_its_blamed_author(extractor: RuleExtractor) -> None:
    text = "An explosion at a market in Goma on Friday that killed four people was blamed on M23 by local officials."
    (ev,) = _events(extractor, text)
    assert (ev.actor1, ev.attribution, ev.fatalities) == ("M23: March 23 Movement", "blamed", 4)


def test_a_lone_victim_in_uniform_is_the_second_side(extractor: RuleExtractor) -> None:
    (ev,) = _events(extractor, "A soldier was shot dead by suspected Al Shabaab militants in Mogadishu on Sunday.")
    assert (ev.actor1, ev.actor2) == ("Al Shabaab", "Military Forces of Somalia (2022-)")
