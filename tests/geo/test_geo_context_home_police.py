"""An article's country named only by its police or authorities ("South Korean police clamp down on protests
against US beef"): a state's police act in its own territory, so the demonym before them says where the
article is; a demonym before troops or a government says nothing. Sentences we wrote, a real gazetteer."""

from __future__ import annotations

import pytest
from small_gazetteer import resolver_of

from frontwire.geo import Resolver

COUNTRIES = ("KR", "US", "AU", "IQ", "SY", "RU")


@pytest.fixture(scope="module")
def resolver(tmp_path_factory: pytest.TempPathFactory) -> Resolver:
    return resolver_of(tmp_path_factory, "geo-home-police", COUNTRIES)


BEEF = (
    "South Korean police clamp down on protests against US beef. South Korean authorities refused to allow "
    "more rallies against beef imports from the United States after clashes overnight. Riot police blocked "
    "the square on Sunday, and South Korean police detained 70 people. Officials in the United States "
    "declined to comment."
)


def test_a_countrys_police_place_the_article_in_it(resolver):
    assert resolver.context(BEEF).countries[0] == "KR"


def test_an_event_with_no_place_falls_back_to_the_police_country(resolver):
    placed = resolver.resolve("South Korea", resolver.context(BEEF))
    assert placed.iso == "KR"


def test_troops_and_governments_still_name_no_country(resolver):
    text = (
        "Russian troops and Russian jets pounded rebel positions in Syria on Monday, the Russian government "
        "said. Syria's army said it had taken two villages. Syria has been at war since 2011."
    )
    assert resolver.context(text).countries == ("SY",)
