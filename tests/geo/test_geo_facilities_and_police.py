"""A facility the gazetteer lacks, named after a large city abroad ("Karachi University" in a Bangladeshi story), is
placed in that city, not in the article's country; a country whose police the event's sentence names by
nationality ("Nigerian police have arrested ...") is where the event is, while a country the coder took from
a nationality alone still goes where the article is. Sentences we wrote, a real gazetteer."""

from __future__ import annotations

from frontwire.geo import Resolver
from frontwire.records import Article, EventMention, Evidence

# The world-wide tests' gazetteer (conftest.WORLD): Bangladesh and Brazil for the articles, Pakistan and
# Nigeria for the places abroad.


def _placed(resolver: Resolver, lead: str, sentence: str, name: str, actor2: str | None = None) -> tuple:
    evidence = Evidence(text=sentence, start=len(lead) + 2, end=len(lead) + 2 + len(sentence))
    event = EventMention(
        event_date=None, time_precision=1, event_type="Strategic developments", sub_event_type="Arrests",
        actor1="Police Forces of Nigeria (2023-)" if actor2 is None else "Civilians (Italy)",
        actor2=actor2, location_text=name, evidence=[evidence],
    )  # fmt: skip
    resolver.place_events(Article(source="t", paragraphs=[lead, sentence]), [event])
    return event.place.location, event.place.iso, event.place.geo_precision


BANGLADESH = "Police in Dhaka and Chittagong raised security at universities across Bangladesh on Tuesday."


def test_a_facility_named_after_a_city_abroad_is_in_that_city(world):
    sentence = "Two Bangladeshi students were detained at Karachi University on Monday."
    assert _placed(world, BANGLADESH, sentence, "Karachi University") == ("Karachi", "PK", 1)


def test_a_facility_named_after_a_city_of_the_articles_country_stays_there(world):
    sentence = "Police detained two students at Dhaka University on Monday."
    location, iso, _ = _placed(world, BANGLADESH, sentence, "Dhaka University")
    assert (location, iso) == ("Dhaka", "BD")


BRAZIL = "Brazil plans a railway to Peru, officials in Brasilia said on Tuesday. Brazil would pay half."


def test_a_country_whose_police_the_sentence_names_is_the_place(world):
    sentence = "Nigerian police have arrested the leader of a separatist group, officials said on Monday."
    assert _placed(world, BRAZIL, sentence, "Nigeria") == ("Nigeria", "NG", 3)  # not Brazil


def test_a_nationality_alone_still_goes_where_the_article_is(world):
    # The coder named Italy from "Italian flags" and gave the article's generic police its name: no police
    # of Italy are written in the sentence.
    sentence = "Marchers carried Italian flags through Brasilia, and police detained four of them."
    _, iso, _ = _placed(world, BRAZIL, sentence, "Italy", actor2="Police Forces of Italy (2022-)")
    assert iso == "BR"
