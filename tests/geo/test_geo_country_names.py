"""Countries as news and ACLED write them: "Democratic Republic of Congo" is not the Republic of the Congo,
a "Grenade" opening a sentence is no Grenada, and an event's country carries ACLED's spelling ("Palestine")
while the store and the scorer find either spelling (sentences we wrote, a real gazetteer)."""

from __future__ import annotations

import pytest
from small_gazetteer import resolver_of

from frontwire.events.learned.event_labels import same_country
from frontwire.geo import Resolver
from frontwire.geo.context import build_context
from frontwire.records import Article, EventMention, Evidence

COUNTRIES = ("CD", "CG", "CI", "GD", "PH", "PS")
ATTACK = {
    "event_date": None, "time_precision": 1, "event_type": "Violence against civilians",
    "sub_event_type": "Attack", "actor1": "Unidentified Armed Group",
}  # fmt: skip


@pytest.fixture(scope="module")
def resolver(tmp_path_factory: pytest.TempPathFactory) -> Resolver:
    return resolver_of(tmp_path_factory, "geo-countries", COUNTRIES)


def test_the_democratic_republic_of_congo_as_acled_and_the_wires_write_it(resolver: Resolver) -> None:
    text = (
        "BUNIA, Democratic Republic of Congo - Militiamen killed 12 people in eastern Congo on Sunday, "
        "officials said. The army of Congo sent reinforcements to the area."
    )
    assert build_context(text, resolver.gazetteer).countries == ("CD",)
    # The Republic of the Congo named as such is still itself.
    other = "BRAZZAVILLE - Police in the Republic of the Congo arrested ten opposition activists on Monday."
    assert build_context(other, resolver.gazetteer).countries == ("CG",)


def test_other_spellings_of_countries_the_wires_use(resolver: Resolver) -> None:
    for text, code in [
        ("ABIDJAN - Police fired tear gas at protesters in Abidjan, Cote d'Ivoire, on Monday.", "CI"),
        ("GOMA - M23 rebels clashed with the army in eastern Congo on Sunday.", "CD"),
        ("Police in the Republic of Congo arrested ten activists on Monday.", "CG"),
    ]:
        assert build_context(text, resolver.gazetteer).countries == (code,)


def test_a_country_s_possessive_before_a_place_says_only_where_it_is(resolver: Resolver) -> None:
    text = "Gunmen killed 12 civilians in the Democratic Republic of Congo's Ituri province on Sunday."
    ctx = build_context(text, resolver.gazetteer)
    long = resolver.resolve("Democratic Republic of Congo's Ituri", ctx)
    short = resolver.resolve("Ituri", ctx)
    assert long.iso == "CD" and (long.location, long.geo_precision) == (short.location, short.geo_precision)


def test_a_grenade_is_no_country(resolver: Resolver) -> None:
    text = (
        "COTABATO CITY - Grenade attack wounds two in the Philippines. Grenade fragments were found in "
        "Cotabato City, Philippines, police said."
    )
    assert build_context(text, resolver.gazetteer).countries == ("PH",)


def test_an_event_s_country_carries_acled_s_name(resolver: Resolver) -> None:
    sentence = "An air strike hit a house in Khan Younis on Monday, killing five people, medics said."
    event = EventMention(
        **ATTACK, location_text="Khan Younis", evidence=[Evidence(text=sentence, start=0, end=len(sentence))]
    )
    resolver.place_events(Article(source="t", paragraphs=[sentence]), [event])
    assert event.place is not None and event.place.iso == "PS"
    assert event.place.country == "Palestine"  # GeoNames: "Palestinian Territory"


@pytest.mark.parametrize(
    ("ours", "theirs", "same"),
    [
        ("Palestinian Territory", "Palestine", True),
        ("Democratic Republic of the Congo", "Democratic Republic of Congo", True),
        ("Republic of the Congo", "Democratic Republic of Congo", False),
        ("Syria", "Syria", True),
        ("Syria", "Iraq", False),
        (None, "Syria", False),
    ],
)
def test_the_scorer_compares_countries_not_spellings(ours: str | None, theirs: str, same: bool) -> None:
    assert same_country(ours, theirs) is same
