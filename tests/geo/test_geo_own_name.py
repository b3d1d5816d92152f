"""A name read with no country in context goes to the place that bears it as its own, not to a place of
similar size that lists it among alternate names (GeoNames lists "Gao" for Guantánamo, "Yala" for Pātan in
Nepal); a place ten times larger still wins on an alternate name. A real gazetteer of four countries."""

from __future__ import annotations

import pytest
from small_gazetteer import resolver_of

from frontwire.geo import Resolver


@pytest.fixture(scope="module")
def four(tmp_path_factory: pytest.TempPathFactory) -> Resolver:
    return resolver_of(tmp_path_factory, "geo-own-name", ("ML", "CU", "TH", "NP"))


def _where(resolver: Resolver, name: str, text: str = "") -> tuple[str, str | None]:
    loc = resolver.resolve(name, resolver.context(text))
    return loc.location, loc.iso


@pytest.mark.parametrize(("name", "place"), [("Gao", ("Gao", "ML")), ("Yala", ("Yala", "TH"))])
def test_a_bare_name_is_the_place_that_bears_it(four, name, place):
    assert _where(four, name) == place


def test_the_namesake_still_wins_where_the_article_is(four):
    assert _where(four, "Guantanamo")[1] == "CU"
    assert _where(four, "Yala", "Protests in Kathmandu and across Nepal on Friday.")[1] == "NP"
