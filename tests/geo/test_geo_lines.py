"""An event on the line between two places ("the Bama-Konduga road", "between Bama and Konduga") is coded
halfway between them when both are known and not too far apart, as UCDP GED codes a road or a line to a
point representing it; a hyphenated town the gazetteer knows whole is still one town."""

from __future__ import annotations

from frontwire.geo import Resolver, build_context
from frontwire.geo.builtin import km

BAMA, KONDUGA = (11.52, 13.69), (11.65, 13.42)


def _resolve(resolver: Resolver, text: str, location: str):
    return resolver.resolve(location, build_context(text, resolver.gazetteer))


def test_a_road_between_two_towns_is_coded_halfway(world: Resolver):
    for text, location in [
        ("Gunmen attacked travellers on the Bama-Konduga road in Borno state.", "Bama-Konduga road (Borno state)"),
        ("Soldiers were ambushed on the road between Bama and Konduga.", "between Bama and Konduga"),
        ("Soldiers were ambushed on the Bama - Konduga highway.", "Bama - Konduga highway"),
    ]:  # fmt: skip
        loc = _resolve(world, text, location)
        assert loc.iso == "NG" and loc.geo_precision == 2 and "halfway" in (loc.note or "")
        to_bama = km(loc.latitude, loc.longitude, *BAMA)
        to_konduga = km(loc.latitude, loc.longitude, *KONDUGA)
        assert abs(to_bama - to_konduga) < 5 and to_bama < 20


def test_a_line_too_long_to_halve_keeps_an_end_and_a_known_hyphenated_town_stays_whole(world: Resolver):
    # Lagos to Maiduguri is about 1,300 km: its midpoint would be nowhere near the fighting
    loc = _resolve(world, "Fighting on the road between Lagos and Maiduguri.", "between Lagos and Maiduguri")
    assert loc.location == "Lagos" and loc.geo_precision == 2 and "too long" in (loc.note or "")
    loc = _resolve(world, "Bandits blocked the Kaura-Namoda road.", "Kaura-Namoda road")
    assert loc.location == "Kaura Namoda" and loc.geo_precision == 1
