"""An article's countries when its towns name one the text never names, and when a country's name only
begins a region's ("the Niger Delta"); sentences we wrote, a real gazetteer."""

from __future__ import annotations

import pytest
from small_gazetteer import resolver_of

from frontwire.geo import Resolver

# The stories' countries, and the namesakes of their towns (London and Birmingham abroad).
COUNTRIES = ("GB", "IT", "CA", "US", "NE", "NG", "EG", "IN", "IQ")


@pytest.fixture(scope="module")
def resolver(tmp_path_factory: pytest.TempPathFactory) -> Resolver:
    return resolver_of(tmp_path_factory, "geo-known-towns", COUNTRIES)


RIOTS = (
    "Rioters set fire to shops in Tottenham on Saturday night, and looting spread to Brixton and Peckham "
    "on Sunday. Police in London said 200 people had been arrested. One shop sold Italy football shirts."
)


def test_towns_of_a_country_never_named_make_it_the_articles(resolver):
    assert resolver.context(RIOTS).countries[0] == "GB"


def test_one_name_told_again_and_again_is_not_a_country(resolver):
    # "Morsi" is also a town's name in India; a president named five times does not move the story there.
    text = (
        "Supporters of Mohamed Morsi marched in Egypt on Friday. Morsi's allies said Morsi would speak. "
        "Morsi did not. Police said Morsi supporters threw stones. Morsi's party denied it."
    )
    assert resolver.context(text).countries == ("EG",)


def test_a_region_named_after_a_country_is_not_that_country(resolver):
    text = (
        "Militants blew up an oil pipeline in the Niger Delta on Tuesday, the army said. The Niger Delta "
        "has seen attacks for years. Soldiers were sent from Port Harcourt."
    )
    assert resolver.context(text).countries[0] == "NG"


def test_towns_of_a_country_never_named_outvote_a_country_named_in_passing_with_a_province_of_theirs(resolver):
    # A US story that names one US state and three US cities, never "the United States", and names Iraq
    # twice (the gunman served there): the state named beside the towns does not keep them out.
    text = (
        "A gunman opened fire in the baggage claim of the Fort Lauderdale airport on Friday, "
        "killing five people. The suspect flew in from Anchorage, Alaska, with a stop in Minneapolis. "
        "He had served in Iraq with the National Guard and returned from Iraq in 2011, relatives said. "
        "Police in Fort Lauderdale said he surrendered. Flights to Minneapolis resumed on Saturday."
    )
    assert resolver.context(text).countries[0] == "US"

