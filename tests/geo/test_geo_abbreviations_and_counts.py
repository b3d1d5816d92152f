"""Names written with an abbreviation ("St. Louis", "Ft. Lauderdale") or an initialism ("Washington D.C.")
resolve to the place they name, and a list of counts by town ("450,000 in New York, 250,000 in Chicago")
does not make the next town the container of the one before. Sentences we wrote, a real gazetteer."""

from __future__ import annotations

import pytest
from small_gazetteer import resolver_of

from frontwire.geo import Resolver

COUNTRIES = ("US", "RU", "FR", "SN", "AR")


@pytest.fixture(scope="module")
def resolver(tmp_path_factory: pytest.TempPathFactory) -> Resolver:
    return resolver_of(tmp_path_factory, "geo-abbreviations", COUNTRIES)


@pytest.mark.parametrize(
    ("sentence", "name", "country", "admin1"),
    [
        ("Police shot dead a man in St. Louis on Monday, officials said.", "St. Louis", "US", "Missouri"),
        ("Police detained 20 protesters in St. Petersburg on Sunday.", "St. Petersburg", "RU", None),
        ("A gunman opened fire at the airport in Ft. Lauderdale on Friday.", "Ft. Lauderdale", "US", "Florida"),
    ],
)
def test_an_abbreviated_saint_or_fort_opens_the_name(
    resolver: Resolver, sentence: str, name: str, country: str, admin1: str | None
):
    place = resolver.resolve(name, resolver.context(sentence))
    assert place.iso == country
    assert place.geo_precision == 1
    if admin1:
        assert place.admin1 == admin1


def test_the_letters_of_an_initialism_are_one_word_of_the_name(resolver: Resolver):
    place = resolver.resolve("Washington D.C.", resolver.context("Thousands marched in Washington D.C. on Saturday."))
    assert (place.iso, place.geo_precision) == ("US", 1)
    assert abs(place.latitude - 38.9) < 0.3 and abs(place.longitude + 77.0) < 0.3  # not Washington state


def test_a_count_opening_the_next_item_of_a_list_is_no_container(resolver: Resolver):
    sentence = (
        "Between 3.3 and 4.6 million people marched, 750,000 in Los Angeles, 450,000 in New York, "
        "250,000 in Chicago and many more in other cities."
    )
    ctx = resolver.context(sentence)
    assert resolver.resolve("New York", ctx).location == "New York City"
    assert resolver.resolve("Los Angeles", ctx).admin1 == "California"
    assert resolver.resolve("Chicago", ctx).admin1 == "Illinois"


def test_a_town_written_in_its_area_still_has_it_as_container(resolver: Resolver):
    # "in X, in Y"-style containment without a count is still read: the guard for the change above.
    ctx = resolver.context("Fighting broke out in San Pedro, in Jujuy province, on Monday.")
    assert resolver.resolve("San Pedro", ctx).admin1 == "Jujuy"
