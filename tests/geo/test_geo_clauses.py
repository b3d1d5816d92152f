"""A name's containers end where its clause ends: "Tangier, where crowds gathered in the centre, in Marrakesh"
names two cities side by side, not Tangier inside Marrakesh. Sentences written for these tests."""

from __future__ import annotations

import pytest

from frontwire.geo import Resolver, build_context
from frontwire.geo.query import focus
from frontwire.records import Article, EventMention, Evidence

MARCH = {
    "event_date": None, "time_precision": 1, "event_type": "Protests", "sub_event_type": "Peaceful protest",
    "actor1": "Protesters",
}  # fmt: skip


def _containers(sentence: str, name: str) -> list[str]:
    at = sentence.index(name)
    query = focus(sentence, at, at + len(name))
    assert query is not None and query.primary is not None
    return [c.text for c in query.containers]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Marches also took place in Oujda, where a few hundred people gathered in the city centre, "
            "in Agadir, where students rallied near the port, and in Meknes.",
            "Oujda",
        ),
        ("Dockers gathered at the harbour in Sfax, and in Sousse a march wound through the medina.", "Sfax"),
        ("Some 20,000 marched in Rosario, the organisers said, while in Mendoza 3,000 gathered.", "Rosario"),
    ],
)
def test_a_place_told_in_a_later_clause_does_not_contain_the_first(sentence: str, name: str) -> None:
    assert _containers(sentence, name) == []


@pytest.mark.parametrize(
    ("sentence", "name", "container"),
    [
        ("An airstrike hit homes in Deir al-Balah, which is located in the middle of the Gaza Strip.",
         "Deir al-Balah", "Gaza Strip"),
        ("Gunmen killed two farmers in Zulgadari village in Bama lga on Monday.", "Zulgadari", "Bama"),
    ],
)  # fmt: skip
def test_a_place_described_in_its_own_clause_keeps_its_container(sentence: str, name: str, container: str):
    assert _containers(sentence, name)[:1] == [container]


def test_an_unknown_name_is_not_coded_to_the_one_province_named_abroad(world: Resolver) -> None:
    # The story is about France; Cairo (a governorate as well as a city) is named only for comparison.
    text = (
        "Thousands of nurses marched in Lyon and Marseille on Saturday, in the largest protests France has "
        "seen since uprisings toppled the leaders of Tunisia and Egypt. In Zorbeville, about 300 people "
        "gathered outside the town hall. Organisers said the turnout was well below the crowds seen in Cairo."
    )
    ctx = build_context(text, world.gazetteer)
    assert ctx.countries[0] == "FR"
    loc = world.resolve("Zorbeville", ctx)
    assert (loc.iso, loc.geo_precision) == ("FR", 3)
    assert "coded to the country the article is about" in (loc.note or "")


def test_a_square_the_gazetteer_lacks_is_placed_in_the_town_written_just_before_it(world: Resolver) -> None:
    lead = "Marches also took place in Lyon and Nice, and in Marseille students rallied in Zorbal Square."
    ctx_text = "Thousands of nurses marched in Paris, Toulouse, Nantes and Lille on Saturday. " + lead
    evidence = Evidence(text=lead, start=0, end=len(lead))
    event = EventMention(**MARCH, location_text="Zorbal Square", evidence=[evidence])
    world.place_events(Article(source="t", paragraphs=[ctx_text]), [event])
    assert event.place is not None and event.place.location == "Marseille"
