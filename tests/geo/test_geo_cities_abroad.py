"""A large city abroad written as where an event happened is that city, not the article's own province;
a capital standing for its government places nothing (sentences we wrote, a real gazetteer)."""

from __future__ import annotations

import pytest
from small_gazetteer import resolver_of

from frontwire.geo import Resolver
from frontwire.records import Article, EventMention, Evidence

# Iran for the article; the cities abroad and the namesakes they must outrank (Lomé lists "Rome" among
# its other names, London in Ontario).
COUNTRIES = ("IR", "IT", "NL", "TG", "GB", "CA", "RU")
LEAD = "Police clashed with students in Tehran, Isfahan and Shiraz on Saturday, witnesses said."
ABROAD = "Iranians abroad staged demonstrations outside embassies in Rome, London and The Hague on Sunday."
METONYM = "Moscow condemned the unrest on Sunday, the ministry said."
PROTEST = {
    "event_date": None, "time_precision": 1, "event_type": "Protests", "sub_event_type": "Peaceful protest",
    "actor1": "Protesters (Iran)",
}  # fmt: skip


@pytest.fixture(scope="module")
def resolver(tmp_path_factory: pytest.TempPathFactory) -> Resolver:
    return resolver_of(tmp_path_factory, "geo-abroad", COUNTRIES)


def _placed(resolver: Resolver, sentence: str, names: tuple[str, ...]) -> list[tuple[str | None, str | None]]:
    body = [LEAD, sentence]
    evidence = Evidence(text=sentence, start=len(LEAD) + 2, end=len(LEAD) + 2 + len(sentence))
    events = [EventMention(**PROTEST, location_text=name, evidence=[evidence]) for name in names]
    resolver.place_events(Article(source="t", paragraphs=body), events)
    return [(e.place.location, e.place.iso) if e.place else (None, None) for e in events]


def test_cities_listed_abroad_are_placed_there(resolver):
    placed = _placed(resolver, ABROAD, ("Rome", "London", "Hague"))
    assert placed == [("Rome", "IT"), ("London", "GB"), ("The Hague", "NL")]


def test_a_capital_standing_for_its_government_places_nothing_abroad(resolver):
    [(_, iso)] = _placed(resolver, METONYM, ("Moscow",))
    assert iso == "IR"
