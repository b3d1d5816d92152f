"""A capital named by its role ("the Somali capital") is that city, and a place named through its owner
("Gazipur's Tongi", "Kabul's District 5", "Cox's Bazar") is read as ACLED codes it (sentences we wrote, a
real gazetteer); a building is placed at the town its name opens with ("Karachi Press Club")."""

from __future__ import annotations

import pytest
from small_gazetteer import resolver_of

from frontwire.geo import Resolver

# The countries of the sentences, and those whose namesakes used to win: Kyrgyzstan's Bazar-Korgon
# ("Bazar"), Pakistan for a Kabul neighbourhood.
COUNTRIES = ("SO", "TD", "BF", "QA", "AF", "PK", "BD", "UG", "KG", "IQ", "MM")


@pytest.fixture(scope="module")
def resolver(tmp_path_factory: pytest.TempPathFactory) -> Resolver:
    return resolver_of(tmp_path_factory, "geo-capitals", COUNTRIES)


def _at(resolver: Resolver, text: str, name: str) -> tuple[str | None, str | None, int | None]:
    loc = resolver.resolve(name, resolver.context(text))
    return loc.location, loc.iso, loc.geo_precision


@pytest.mark.parametrize(
    ("name", "city", "iso"),
    [
        ("the Somali capital", "Mogadishu", "SO"),
        ("Qatari capital", "Doha", "QA"),
        ("Chad's capital", "N'Djamena", "TD"),
        ("Chad’s capital", "N'Djamena", "TD"),
        ("capital of Burkina Faso", "Ouagadougou", "BF"),
        ("the Afghan capital", "Kabul", "AF"),
    ],
)
def test_a_capital_named_by_its_role_is_the_city(resolver, name, city, iso):
    text = f"Hundreds of people protested in {name} on Monday."
    assert _at(resolver, text, name) == (city, iso, 1)


def test_a_provincial_capital_is_no_countrys(resolver):
    location, _iso, precision = _at(resolver, "Protests in the provincial capital.", "provincial capital")
    assert location != "Mogadishu" and precision == 3


def test_a_place_owned_by_a_town_is_read_in_that_town(resolver):
    text = "A fire broke out in a factory in Gazipur's Tongi on Monday, and workers protested in Dhaka."
    location, iso, precision = _at(resolver, text, "Gazipur's Tongi")
    assert (iso, precision) == ("BD", 1) and location is not None and location.startswith("T")


def test_an_owned_kind_of_area_is_the_owner(resolver):
    text = "Taliban forces killed three gunmen in a raid in Kabul's District 5 on Wednesday."
    assert _at(resolver, text, "Kabul's District") == ("Kabul", "AF", 1)


def test_an_unknown_neighbourhood_is_its_city(resolver):
    text = "Gunmen shot dead two people in Kampala's Kisenyi on Monday."
    assert _at(resolver, text, "Kampala's Kisenyi") == ("Kampala", "UG", 1)


def test_a_name_with_its_own_possessive_is_kept_whole(resolver):
    text = "Thousands rallied in Cox's Bazar on Sunday, where refugees live in camps."
    assert resolver.context(text).countries == ("BD",)
    location, iso, precision = _at(resolver, text, "Cox's Bazar")
    assert (iso, precision) == ("BD", 1) and location is not None and location.startswith("Cox")


@pytest.mark.parametrize(
    ("text", "name", "town"),
    [
        (
            "About 200 people protested outside the Karachi Press Club on Monday.",
            "Karachi Press Club",
            "Karachi",
        ),
        ("Students marched from Kabul University on Monday.", "Kabul University", "Kabul"),
    ],
)
def test_a_building_is_at_the_town_its_name_opens_with(resolver, text, name, town):
    location, _iso, precision = _at(resolver, text, name)
    assert (location, precision) == (town, 1)
