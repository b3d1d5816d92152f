"""A facility the gazetteer lacks, named after a large city abroad ("Kabul University" in a Pakistani story), is
placed in that city, not in the article's country; a country whose police the event's sentence names by
nationality ("Peruvian police have arrested ...") is where the event is, while a country the coder took from
a nationality alone still goes where the article is. Sentences we wrote, a real gazetteer."""

from __future__ import annotations

import pytest
from small_gazetteer import resolver_of

from frontwire.geo import Resolver
from frontwire.records import Article, EventMention, Evidence

# Pakistan and Russia for the articles; the cities abroad and their countries; Peru, Indiana's country.
COUNTRIES = ("PK", "AF", "RU", "PE", "US", "MX")


@pytest.fixture(scope="module")
def resolver(tmp_path_factory: pytest.TempPathFactory) -> Resolver:
    return resolver_of(tmp_path_factory, "geo-facilities", COUNTRIES)


def _placed(resolver: Resolver, lead: str, sentence: str, name: str, actor2: str | None = None) -> tuple:
    evidence = Evidence(text=sentence, start=len(lead) + 2, end=len(lead) + 2 + len(sentence))
    event = EventMention(
        event_date=None, time_precision=1, event_type="Strategic developments", sub_event_type="Arrests",
        actor1="Police Forces of Peru (2006-2011)" if actor2 is None else "Civilians (Mexico)",
        actor2=actor2, location_text=name, evidence=[evidence],
    )  # fmt: skip
    resolver.place_events(Article(source="t", paragraphs=[lead, sentence]), [event])
    return event.place.location, event.place.iso, event.place.geo_precision


PAKISTAN = "Police in Lahore and Karachi raised security at universities across Pakistan on Tuesday."


def test_a_facility_named_after_a_city_abroad_is_in_that_city(resolver):
    sentence = "Two Pakistani students were detained at Kabul University on Monday."
    assert _placed(resolver, PAKISTAN, sentence, "Kabul University") == ("Kabul", "AF", 1)


def test_a_facility_named_after_a_city_of_the_articles_country_stays_there(resolver):
    sentence = "Police detained two students at Lahore University on Monday."
    location, iso, _ = _placed(resolver, PAKISTAN, sentence, "Lahore University")
    assert (location, iso) == ("Lahore", "PK")


RUSSIA = "Russia plans a tunnel to Alaska, officials in Moscow said on Tuesday. Russia would pay half."


def test_a_country_whose_police_the_sentence_names_is_the_place(resolver):
    sentence = "Peruvian police have arrested the leader of a rebel group, officials said on Monday."
    assert _placed(resolver, RUSSIA, sentence, "Peru") == ("Peru", "PE", 3)  # not Russia, not Peru, Indiana


def test_a_nationality_alone_still_goes_where_the_article_is(resolver):
    # The coder named Mexico from "Mexican flags" and gave the article's generic police its name: no police
    # of Mexico are written in the sentence.
    sentence = "Marchers carried Mexican flags through Moscow, and police detained four of them."
    _, iso, _ = _placed(resolver, RUSSIA, sentence, "Mexico", actor2="Police Forces of Mexico (2024-)")
    assert iso == "RU"
