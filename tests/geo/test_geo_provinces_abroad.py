"""A town written with its province ("El Paso, Texas") lies in that province, even when the story names only
another country (sentences we wrote, a real gazetteer built from the PyPI-shipped GeoNames data)."""

from __future__ import annotations

import pytest
from small_gazetteer import resolver_of

from frontwire.geo import Resolver
from frontwire.records import Article, EventMention, Evidence

# Mexico holds a town called El Paso and hamlets called Texas; the United States holds the city and the state.
COUNTRIES = ("MX", "US")
ATTACK = {
    "event_date": None, "time_precision": 1, "event_type": "Violence against civilians", "sub_event_type": "Attack",
    "actor1": "Unidentified Armed Group",
}  # fmt: skip
VICTIMS = "Two of the dead were Mexican citizens, Mexico's foreign ministry said in Mexico City."


@pytest.fixture(scope="module")
def resolver(tmp_path_factory: pytest.TempPathFactory) -> Resolver:
    return resolver_of(tmp_path_factory, "geo-provinces-abroad", COUNTRIES)


def _placed(resolver: Resolver, lead: str) -> tuple[str | None, str | None]:
    evidence = Evidence(text=lead, start=0, end=len(lead))
    event = EventMention(**ATTACK, location_text="El Paso", evidence=[evidence])
    resolver.place_events(Article(source="t", paragraphs=[lead, VICTIMS]), [event])
    assert event.place is not None
    return event.place.iso, event.place.admin1


def test_a_town_written_with_a_province_abroad_lies_in_that_province(resolver):
    lead = "A gunman opened fire at a nightclub in the border city of El Paso, Texas, on Sunday, killing four."
    assert _placed(resolver, lead) == ("US", "Texas")


def test_a_town_written_alone_keeps_the_country_the_story_names(resolver):
    # No province is written: the story names only Mexico, and Mexico has a town of the name.
    lead = "A gunman opened fire at a nightclub in the town of El Paso on Sunday, killing four."
    assert _placed(resolver, lead)[0] == "MX"
