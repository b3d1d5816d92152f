"""A village the gazetteer lacks, and names the feed's country rules out: sentences written for these
tests, checked the way a desk would read the result (where it is put, how precise, what the note says)."""

from __future__ import annotations

from frontwire.geo import Resolver, build_context, find_places
from frontwire.geo.builtin import km

RAID = "Fighters stormed Zulgadari village in Bama lga, Borno state, on Monday, killing four people."


def _resolve(resolver: Resolver, text: str, location: str, **kw):
    return resolver.resolve(location, build_context(text, resolver.gazetteer, **kw))


def test_missing_village_is_placed_at_a_town_the_article_names_in_its_district(world: Resolver):
    text = RAID + " Survivors reached Banki by nightfall, residents of Banki said."
    loc = _resolve(world, text, "Zulgadari village (Bama lga, Borno state)")
    banki = _resolve(world, "Banki, Borno state", "Banki, Borno state")
    assert loc.iso == "NG" and loc.geo_precision == 2
    assert (loc.latitude, loc.longitude) == (banki.latitude, banki.longitude)
    assert "'Zulgadari' is not in the gazetteer" in loc.note and "placed at Banki" in loc.note


def test_missing_village_without_a_town_in_its_district_is_the_district(world: Resolver):
    # Maiduguri is named, but lies in another district: the village is coded to its own district.
    text = RAID + " Survivors reached Maiduguri by nightfall."
    loc = _resolve(world, text, "Zulgadari village (Bama lga, Borno state)")
    assert loc.iso == "NG" and loc.geo_precision == 3 and loc.admin2 == "Bama"
    assert "'Zulgadari' is not in the gazetteer" in loc.note and "Maiduguri" not in loc.note


def test_a_mountain_is_never_placed_at_a_named_town(world: Resolver):
    text = "Troops shelled the Zulgadari hills in Bama lga, Borno state. Survivors reached Banki."
    loc = _resolve(world, text, "the Zulgadari hills (Bama lga, Borno state)")
    assert loc.geo_precision == 3 and "Banki" not in (loc.note or "")


def test_the_feeds_country_outranks_a_namesake_that_agrees_with_a_container(world: Resolver):
    # Iraq has a Balad town in a Balad district; a Somalia feed's "Balad district" is not that one.
    text = "Al-Shabaab fighters attacked an army base in Balad town, Middle Shabelle region."
    loc = _resolve(world, text, "Balad town (Balad district, Middle Shabelle region)", countries=("SO",))
    assert loc.iso == "SO"
    iraq = _resolve(world, "A car bomb exploded in Balad, Salah ad Din.", "Balad, Salah ad Din")
    assert iraq.iso == "IQ" and km(loc.latitude, loc.longitude, iraq.latitude, iraq.longitude) > 1000


def test_romance_particles_stay_inside_a_name(world: Resolver):
    text = "Police raided a favela in Rio de Janeiro on Friday."
    found = [s.text for s in find_places(text, world.gazetteer, use_spacy=False)]
    assert "Rio de Janeiro" in found
    loc = _resolve(world, text, "Rio de Janeiro")
    assert loc.iso == "BR" and loc.geo_precision == 1
    assert km(loc.latitude, loc.longitude, -22.9, -43.2) < 20


def test_a_compass_word_that_starts_a_name_is_kept(world: Resolver):
    # "North" alone before a name is a direction and dropped, but not inside a name the gazetteer knows.
    text = "Militants attacked a checkpoint near Zulgadari village, North Sinai, killing two soldiers."
    loc = _resolve(world, text, "Zulgadari village (North Sinai governorate)", countries=("EG",))
    assert loc.iso == "EG" and loc.geo_precision == 3 and loc.location != "Egypt"
    assert km(loc.latitude, loc.longitude, 31.13, 33.80) < 60  # North Sinai, coded to its capital al-Arish
    assert "'Zulgadari' is not in the gazetteer" in loc.note
    loc = _resolve(world, "Shelling hit Kherson.", "North Kherson")
    assert loc.iso == "UA" and loc.location == "Kherson"


def test_a_hyphen_left_by_a_line_break_joins_the_name(world: Resolver):
    text = "Turkish drones struck Tal- Abyad on Monday."
    assert "Tal- Abyad" in [s.text for s in find_places(text, world.gazetteer, use_spacy=False)]
    loc = _resolve(world, text, "Tal- Abyad")
    assert loc.iso == "SY" and loc.geo_precision == 1
    assert km(loc.latitude, loc.longitude, 36.70, 38.95) < 10


def test_an_area_named_as_the_place_is_coded_at_its_precision(world: Resolver):
    # The text names the department, not the town: ACLED codes it as a region (precision 3), at its seat.
    text = "Jihadists attacked an army post in Gorom-Gorom department, Oudalan province, on Friday."
    area = _resolve(world, text, "Gorom-Gorom department (Oudalan province)", countries=("BF",))
    town = _resolve(world, "Gunmen attacked the market in Gorom-Gorom.", "Gorom-Gorom", countries=("BF",))
    assert area.iso == town.iso == "BF"
    assert (area.geo_precision, town.geo_precision) == (3, 1)
    assert km(area.latitude, area.longitude, town.latitude, town.longitude) < 10
    assert "Gorom-Gorom" in area.note


def test_a_namesake_outside_the_areas_acled_style_lists_is_not_taken(world: Resolver):
    # "(Hays, Al Hudaydah)": the district and governorate that hold the place, written after it with
    # punctuation only; Hays, Kansas (21,000 people) lies in neither, the Yemeni village (no count) does.
    text = "On 21 August 2023, Houthi forces clashed with pro-government troops in Hays (Hays, Al Hudaydah)."
    loc = _resolve(world, text, "Hays (Hays, Al Hudaydah)")
    assert loc.iso == "YE" and loc.geo_precision == 1


def test_an_abbreviation_does_not_set_the_articles_country(world: Resolver):
    # GeoNames lists "TV" among the alternate names of a Chinese city; an outlet's name "Toplum TV" must
    # not put Baku in China, and "Baku (Baku, Baku)" is the city the areas are named after.
    text = "On 6 March 2024, police arrested 4 journalists of Toplum TV in Baku (Baku, Baku)."
    assert [s.text for s in find_places(text, world.gazetteer, use_spacy=False)].count("TV") == 0
    loc = _resolve(world, text, "Baku (Baku, Baku)")
    assert loc.iso == "AZ" and loc.location == "Baku" and loc.geo_precision == 1


def test_a_name_votes_for_the_country_of_the_place_that_bears_it(world: Resolver):
    # Chattogram once bore the name Islamabad, and is bigger: the name still belongs to Pakistan's capital.
    text = (
        "On 9 May 2023, paramilitary Rangers arrested former prime minister Imran Khan at the Islamabad "
        "High Court (Islamabad, Islamabad Capital Territory)."
    )
    assert build_context(text, world.gazetteer).countries[:1] == ("PK",)
    loc = _resolve(world, text, "Islamabad High Court (Islamabad, Islamabad Capital Territory)")
    assert loc.iso == "PK" and km(loc.latitude, loc.longitude, 33.72, 73.06) < 20
