"""A day of marches told city by city: one event at each city, none lost to a square or to the next city's
clause (issue 12). Sentences written for these tests, in the way wire copy tells a national day of protest."""

from __future__ import annotations

import datetime as dt

from frontwire.events import RuleExtractor
from frontwire.pipeline import Pipeline
from frontwire.records import Article

PUB = dt.date(2025, 3, 9)
LEAD = "Tens of thousands of people marched in cities across Colombia on Saturday against the new pension law."


def _places(extractor: RuleExtractor, *paragraphs: str) -> list[str]:
    article = Article(source="t", paragraphs=[LEAD, *paragraphs], published=PUB)
    return [e.location_text or "" for e in extractor.extract_events(article).events]


def test_a_city_the_sentence_opens_on_and_one_after_while_in_are_two_events(extractor: RuleExtractor):
    told = (
        "In Medellin, some 40,000 people marched along the Avenida Oriental, the city government said, while "
        "in Cali about 15,000 gathered outside the city hall."
    )
    assert {"Medellin", "Cali"} <= set(_places(extractor, told))


def test_a_town_inside_the_province_the_sentence_opens_on_is_still_the_place(extractor: RuleExtractor):
    # the opening place sets the scene when the act is told at a town inside it, in the same clause
    told = "In Antioquia, gunmen burst into a bar in Caucasia late on Saturday and killed four men."
    places = _places(extractor, told)
    assert "Caucasia" in places and "Antioquia" not in places


def test_a_square_of_the_city_the_sentence_opens_on_is_placed_in_that_city(pipeline: Pipeline) -> None:
    # the test gazetteer knows Turkey's cities, and no "Zorbal Square"
    lead = "Tens of thousands of people marched in cities across Turkey on Saturday against the new pension law."
    told = (
        "In Izmir, students gathered in Zorbal Square, and in Ankara a march of about 8,000 people wound "
        "through the city centre."
    )
    article = Article(source="t", paragraphs=[lead, told], published=PUB)
    placed = {(e.place.location if e.place else None) for e in pipeline.code(article).events}
    assert {"İzmir", "Ankara"} <= placed
