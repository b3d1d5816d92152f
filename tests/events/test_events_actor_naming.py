"""Actor names as a user reads them on ACLED-style notes: state forces named for the government in office
on the event's day, identity militias by community, the Islamic State's provinces kept whole, places
written ACLED's way, and the country of a generic actor from the event's place. Every note here is
written by us for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwire.errors import ConfigError
from frontwire.events.actors import CountryLexicon
from frontwire.events.naming import PlaceNaming
from frontwire.events.rules.coder import RuleExtractor
from frontwire.pipeline import Pipeline
from frontwire.records import Article, EventMention, Page

PUBLISHED = dt.date(2024, 12, 1)


def _coded(extractor: RuleExtractor, text: str) -> EventMention:
    (ev,) = extractor.extract(Article(source="note", paragraphs=[text], published=PUBLISHED))
    return ev


def _placed(pipeline: Pipeline, text: str) -> EventMention:
    (ev,) = pipeline(Page(source="note", kind="text", content=text, published=PUBLISHED)).events
    return ev


@pytest.mark.parametrize(
    ("day", "name"),
    [
        ("8 March 2023", "Military Forces of Nigeria (2015-2023)"),  # Buhari, whose period ended in May 2023
        ("8 March 2024", "Military Forces of Nigeria (2023-)"),  # Tinubu
    ],
)
def test_state_forces_are_named_for_the_government_of_the_event_day(
    extractor: RuleExtractor, day: str, name: str
) -> None:
    ev = _coded(
        extractor, f"On {day}, Nigerian troops killed 12 bandits in a raid near Tsafe in Zamfara state."
    )
    assert ev.actor1 == name
    assert name in ev.notes


def test_a_period_ends_in_the_year_of_its_last_day(extractor: RuleExtractor) -> None:
    # Lula took office on 1 January 2023: Bolsonaro's period is 2019-2022, not 2019-2023.
    ev = _coded(
        extractor, "On 2 August 2022, Brazilian police killed two men during a raid in Salvador, Bahia."
    )
    assert ev.actor1 == "Police Forces of Brazil (2019-2022)"


def test_a_community_militia_is_named_for_its_community_and_the_event_country(pipeline: Pipeline) -> None:
    ev = _placed(
        pipeline,
        "On 7 February 2024, armed Misseriya youths attacked cattle keepers near Babanusa, West Kordofan, Sudan.",
    )
    assert (ev.actor1, ev.inter1) == ("Misseriya Ethnic Militia (Sudan)", 4)
    assert ev.actor2 == "Civilians (Sudan)"


def test_an_islamic_state_province_keeps_its_name_where_the_event_is_placed(extractor: RuleExtractor) -> None:
    ev = _coded(
        extractor,
        "On 15 January 2024, Islamic State Sahel militants killed 6 civilians in Tiloa, Tillaberi, Niger.",
    )
    countries = CountryLexicon.load()
    niger = countries.get("Niger")
    assert niger is not None
    PlaceNaming.load(countries).rename(ev, niger)
    assert (ev.actor1, ev.actor2) == ("Islamic State (Sahel)", "Civilians (Niger)")


def test_a_place_written_acled_style_places_the_victims(pipeline: Pipeline) -> None:
    ev = _placed(
        pipeline,
        "On 9 June 2024, Russian forces shelled Nikopol (Nikopolskyi, Dnipropetrovsk). Two civilians were wounded.",
    )
    assert ev.place is not None and ev.place.country == "Ukraine"
    assert (ev.actor1, ev.actor2) == ("Military Forces of Russia (2000-)", "Civilians (Ukraine)")
    assert "Unknown" not in ev.notes


def test_a_town_named_after_a_country_is_not_that_country(extractor: RuleExtractor) -> None:
    ev = _coded(
        extractor,
        "On 17 September 2024, ELN rebels attacked a military base in Puerto Jordan, Arauca, with a car bomb.",
    )
    assert ev.actor1 == "ELN: National Liberation Army"
    assert ev.actor2 == "Military Forces of Colombia (2022-)"


def test_people_arrested_by_the_police_are_civilians_of_the_country(pipeline: Pipeline) -> None:
    ev = _placed(pipeline, "On 3 October 2024, police arrested two journalists in Kampala, Uganda.")
    assert (ev.sub_event_type, ev.actor1) == ("Arrests", "Police Forces of Uganda (1986-)")
    assert ev.actor2 == "Civilians (Uganda)"


def test_a_protest_dispersed_by_an_unnamed_force_has_the_police_as_second_side(
    extractor: RuleExtractor,
) -> None:
    ev = _coded(
        extractor, "On 4 May 2024, students protesting fees in Nairobi, Kenya, were dispersed with tear gas."
    )
    assert ev.sub_event_type == "Protest with intervention"
    assert (ev.actor1, ev.actor2) == ("Protesters (Kenya)", "Police Forces of Kenya (2022-)")


def test_the_el_fasher_market_shelling_is_the_rsf_against_civilians(pipeline: Pipeline) -> None:
    ev = _placed(
        pipeline,
        "On 10 June 2024, shelling hit the main market of El Fasher, North Darfur, killing 12 civilians. "
        "The shelling was blamed on the Rapid Support Forces by residents.",
    )
    assert (ev.actor1, ev.actor2) == ("Rapid Support Forces", "Civilians (Sudan)")


def test_malformed_periods_in_a_country_file_are_an_error_naming_it(tmp_path) -> None:
    bad = tmp_path / "mine.toml"
    bad.write_text('[[country]]\nname = "Kenya"\niso = "KEN"\nperiods = ["2022-13-45"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="mine.toml"):
        CountryLexicon.load([bad])


def test_a_users_periods_rename_that_countrys_forces(tmp_path, extractor: RuleExtractor) -> None:
    mine = tmp_path / "kenya.toml"
    mine.write_text(
        '[[country]]\nname = "Kenya"\niso = "KEN"\ndemonyms = ["Kenyan"]\nperiods = ["2013-04-09", "2022-09-13"]\n',
        encoding="utf-8",
    )
    lexicon = CountryLexicon.load([mine])
    kenya = lexicon.get("Kenya")
    assert kenya is not None
    assert kenya.force_name("Police", dt.date(2020, 5, 1)) == "Police Forces of Kenya (2013-2022)"
    assert kenya.force_name("Police", dt.date(2024, 5, 1)) == "Police Forces of Kenya (2022-)"
    # before the first government the file knows, the years are unknown: the name carries none
    assert kenya.force_name("Police", dt.date(2008, 1, 2)) == "Police Forces of Kenya"


def test_a_story_in_a_digest_is_placed_in_the_country_its_sentences_name(pipeline: Pipeline) -> None:
    """A digest whose stories are mostly Turkish (the article's only country) and one Ukrainian: the
    Ukrainian story's square, which the gazetteer does not know by that name, is read in the country its
    sentence names, not coded to the digest's country."""
    from dataclasses import replace

    from frontwire.geo.article_place import place_event
    from frontwire.geo.context import GeoContext
    from frontwire.records import Evidence

    sentence = (
        "Ukraine's President Viktor Yanukovych declared a truce on Wednesday after a violent evening in "
        "Kiev's Independence Square."
    )
    ev = EventMention(
        event_date=dt.date(2014, 2, 19),
        time_precision=1,
        event_type="Strategic developments",
        sub_event_type="Agreement",
        actor1="Government of Ukraine",
        location_text="Kiev's Independence Square",
        evidence=[Evidence(text=sentence, start=0, end=len(sentence))],
    )
    digest = GeoContext(countries=("TR",), text=sentence)
    place = place_event(pipeline.resolver, ev, digest)
    assert (place.country, place.location) == ("Ukraine", "Kyiv")
    # with no country of its own named, the digest's country stays the fallback
    unnamed = replace(ev, evidence=[Evidence(text="A truce was declared in Independence Square.", start=0, end=44)])
    assert place_event(pipeline.resolver, unnamed, replace(digest, text=unnamed.evidence[0].text)).iso == "TR"
