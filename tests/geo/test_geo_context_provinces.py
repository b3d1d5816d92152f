"""A province named by its own name says which country an article is about; a demonym never does.

A report on villages of a Sudanese state that names Chad once (refugees crossed the border) is about
Sudan, though the only country it names by name is Chad. A small in-memory gazetteer holds exactly the
names the sentences use, so the tests do not depend on which countries the suite's index covers.
"""

from __future__ import annotations

from frontwire.geo.context import build_context
from frontwire.geo.detect import gazetteer_spans
from frontwire.geo.gazetteer import Place
from frontwire.geo.names import name_key, skeleton_key
from frontwire.geo.resolver import Resolver
from frontwire.records import Article, EventMention, Evidence


def _place(i: int, name: str, cc: str, fcode: str, population: int, admin1: str = "01") -> Place:
    fclass = "A" if fcode.startswith(("ADM", "PCL")) else "P"
    return Place(i, i, name, 0.0, 0.0, fclass, fcode, cc, admin1, None, None, None, population)


class Names:
    name = "test-provinces"

    def __init__(self, places: list[Place], alternates: dict[str, int] | None = None) -> None:
        self._places = places
        self._by_key: dict[str, list[Place]] = {}
        for p in places:
            self._by_key.setdefault(name_key(p.name), []).append(p)
        for alt, i in (alternates or {}).items():  # another name a place is known by
            self._by_key.setdefault(name_key(alt), []).extend(p for p in places if p.id == i)

    def lookup(self, key: str) -> list[Place]:
        return list(self._by_key.get(key, []))

    def lookup_loose(self, skeleton: str) -> list[Place]:
        return [p for p in self._places if skeleton_key(p.name) == skeleton]

    def admin1_area(self, country_code: str, admin1_code: str) -> Place | None:
        return None

    def country(self, country_code: str) -> Place | None:
        return next((p for p in self._places if p.is_country and p.country_code == country_code), None)

    def names_of(self, place_id: int) -> list[str]:
        return [name_key(p.name) for p in self._places if p.id == place_id]


GAZETTEER = Names(
    [
        _place(1, "Chad", "TD", "PCLI", 15_000_000),
        _place(2, "North Kordofan", "SD", "ADM1", 2_900_000, "09"),
        _place(3, "Gaza", "MZ", "ADM1", 1_400_000, "02"),
        _place(4, "Gaza", "PS", "PPL", 410_000, "GZ"),
        _place(5, "Sudan", "SD", "PCLI", 41_000_000),
        _place(6, "Salamat", "TD", "ADM1", 300_000, "13"),
    ]
)

REPORT = (
    "Militiamen torched two villages in North Kordofan last week, residents said. Sudanese troops were "
    "seen near the villages before the raid. Officials in North Kordofan said 14 people were killed, and "
    "hundreds of families fled toward Chad."
)


def test_a_province_named_twice_outweighs_a_country_named_once() -> None:
    ctx = build_context(REPORT, GAZETTEER)
    assert ctx.countries[0] == "SD"


def test_a_demonym_alone_does_not_set_the_country() -> None:
    text = "Sudanese troops shelled a market on Monday, witnesses said. Many fled toward Chad."
    assert build_context(text, GAZETTEER).countries == ("TD",)


def test_a_province_name_shared_across_borders_does_not_vote() -> None:
    # "Gaza" is a province of Mozambique and a city in Palestine: the name says nothing about which.
    text = "Shells struck a house in Gaza on Tuesday. Rescuers searched the rubble in Gaza overnight."
    assert "MZ" not in build_context(text, GAZETTEER).countries


def test_countries_the_feed_gives_are_not_outvoted_by_province_names() -> None:
    ctx = build_context(REPORT, GAZETTEER, countries=("TD",))
    assert ctx.countries == ("TD",)


def test_a_compass_word_leading_a_province_name_is_read_with_it() -> None:
    # "North" alone is a stopword ("north of the town"); "North Kordofan" is the province's own name.
    spans = gazetteer_spans("Fighting spread north of the town and into North Kordofan on Friday.", GAZETTEER)
    assert [s.text for s in spans] == ["North Kordofan"]


def test_a_country_the_article_is_about_is_the_place_not_a_town_known_by_its_name() -> None:
    # A city abroad lists the country's name among its other names; the event is in the country.
    gazetteer = Names(
        [
            _place(1, "Iraq", "IQ", "PCLI", 40_000_000),
            _place(2, "Basra", "IQ", "PPLA", 1_300_000, "02"),
            _place(3, "Arak", "IR", "PPLA", 500_000, "35"),
            _place(4, "Sudan", "SD", "PCLI", 41_000_000),
        ],
        alternates={"Iraq": 3},
    )
    told = "Gunmen clashed with the army across Iraq on Tuesday, officials in Basra said."
    article = Article(source="t", paragraphs=[told, "Militias also fought in Basra."])
    said = Evidence(text=told, start=0, end=len(told))
    coded = {
        "event_date": None,
        "time_precision": 1,
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
    }
    iraq, sudan = (
        EventMention(**coded, actor1="x", location_text=w, evidence=[said]) for w in ("Iraq", "Sudan")
    )
    Resolver(gazetteer).place_events(article, [iraq, sudan])
    assert (iraq.place.iso, iraq.place.geo_precision) == ("IQ", 3)
    # A country the event's sentence does not write (the coder read it off an actor's nationality) does
    # not move the event there: it is placed where the article is.
    assert (sudan.place.iso, sudan.place.geo_precision) == ("IQ", 3)
    assert "no place named" in sudan.place.note


def test_a_village_spelt_like_a_province_abroad_stays_in_the_province_reported() -> None:
    # "Salamata" is a village the gazetteer lacks; Salamat is a province of Chad, spelt alike. In a report
    # about North Kordofan that names Chad once, the village is not placed in Chad.
    text = (
        "Militiamen burned the village of Salamata on Monday. Officials in North Kordofan said 12 people "
        "were killed. The governor of North Kordofan asked for help, and police in North Kordofan made "
        "arrests; some families fled toward Chad."
    )
    place = Resolver(GAZETTEER).resolve("Salamata", build_context(text, GAZETTEER))
    assert place.iso != "TD"


def test_a_city_known_by_its_name_orders_the_countries_the_article_names() -> None:
    # France is named once, Yemen twice, as where the gunmen trained. The Paris offices and the suburbs of
    # Paris say where the article is; a Paris of a few thousand people abroad does not change that.
    gazetteer = Names(
        [
            _place(1, "France", "FR", "PCLI", 67_000_000),
            _place(2, "Yemen", "YE", "PCLI", 28_000_000),
            _place(3, "Paris", "FR", "PPLC", 2_100_000, "11"),
            _place(4, "Paris", "US", "PPL", 25_000, "TX"),
        ]
    )
    text = (
        "Gunmen killed twelve people today at the Paris offices of a satirical weekly and fled to the "
        "suburbs of Paris. Police said they had trained in Yemen; a group based in Yemen praised the attack, "
        "and France raised its alert level."
    )
    ctx = build_context(text, gazetteer)
    assert ctx.countries == ("FR", "YE")


def test_towns_order_only_countries_the_article_names() -> None:
    # A town adds no country of its own beside those named: the towns decide among them.
    gazetteer = Names(
        [
            _place(1, "France", "FR", "PCLI", 67_000_000),
            _place(2, "Yemen", "YE", "PCLI", 28_000_000),
            _place(3, "Paris", "FR", "PPLC", 2_100_000, "11"),
        ]
    )
    text = "Gunmen trained in Yemen struck again, a Yemeni group said, three years after the Paris attack."
    assert build_context(text, gazetteer).countries == ("YE",)
