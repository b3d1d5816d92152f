"""Rules 0.9.7 (issue 12): police act in their own state. An event whose sentences name no place, and name a
state's police by nationality, is in that state, not in the country the rest of the article is about (a
digest's other stories, the country a protest is against); an army named by nationality abroad, or a place
the sentence names, keeps the event where it was. Articles written for these tests."""

from __future__ import annotations

from coded_events import WEDNESDAY

from frontwire.events import RuleExtractor
from frontwire.records import Article

# A digest whose other stories are Russian: the Peruvian item names no place of its own.
DIGEST = [
    "Russia plans a tunnel to Alaska",
    "Russia is planning to build a tunnel from Russia to Alaska, a Russian official told reporters in Moscow "
    "on Tuesday. Russia says the tunnel would take ten years to build and Russia would pay half of it.",
    "Peru rebel leader held",
    "Peruvian police have arrested the leader of a rebel group on charges of organising anti-government "
    "protests, officials said on Monday.",
]


def coded(extractor: RuleExtractor, paragraphs: list[str]) -> list[tuple[str, str | None, str]]:
    article = Article(source="t", title="", paragraphs=paragraphs, published=WEDNESDAY)
    return [(e.sub_event_type, e.location_text, e.actor1) for e in extractor.extract_events(article).events]


def test_an_arrest_by_a_states_police_is_placed_in_that_state(extractor: RuleExtractor):
    found = [e for e in coded(extractor, DIGEST) if e[0] == "Arrests"]
    assert found and found[0][1] == "Peru"
    assert found[0][2].startswith("Police Forces of Peru")


def test_a_place_the_sentence_names_still_places_it(extractor: RuleExtractor):
    paragraphs = [*DIGEST[:3], DIGEST[3].replace("arrested the leader", "arrested in Lima the leader")]
    found = [e for e in coded(extractor, paragraphs) if e[0] == "Arrests"]
    assert found and found[0][1] == "Lima"


def test_an_army_named_by_nationality_does_not_move_the_event(extractor: RuleExtractor):
    # Troops fight abroad: "Russian troops" in a Ukrainian story say nothing of where the shelling was.
    paragraphs = [
        "Ukraine's president visited Kharkiv on Tuesday and said Ukraine would rebuild its border villages.",
        "Russian troops shelled two border villages on Monday, killing a farmer, the regional governor said.",
    ]
    found = [e for e in coded(extractor, paragraphs) if e[0] == "Shelling/artillery/missile attack"]
    assert found and found[0][1] == "Ukraine"
