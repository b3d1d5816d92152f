"""Places world-wide: sentences written for these tests, read the way a desk would read them.

The gazetteer (conftest `world`) is built from the PyPI-shipped GeoNames data for the countries the sentences are
about plus the countries whose namesakes or demonyms used to mislead the resolver (the United
States' Porto Alegre, Russia for "Russian shelling", Saudi Arabia for "Saudi-led").
"""

from __future__ import annotations

import random
import sqlite3
import time
from pathlib import Path

import pytest

from frontwire.config import PAGE_TIMEOUT_S
from frontwire.errors import ConfigError
from frontwire.geo import Resolver, SqliteGazetteer, build_context, find_places
from frontwire.geo.builtin import km
from frontwire.geo.event_place import place_of_event
from frontwire.records import Article, Outlet


def _resolve(resolver: Resolver, text: str, location: str, **kw):
    return resolver.resolve(location, build_context(text, resolver.gazetteer, **kw))


def test_admin_names_after_a_place_settle_its_country(world: Resolver):
    text = "Police clashed with protesters in Porto Alegre, Rio Grande do Sul, on Tuesday."
    loc = _resolve(world, text, "Porto Alegre, Rio Grande do Sul")
    assert loc.iso == "BR" and loc.geo_precision == 1
    loc = _resolve(world, "Two men were shot dead in Ipatinga, Minas Gerais.", "Ipatinga, Minas Gerais")
    assert loc.iso == "BR" and loc.location == "Ipatinga" and loc.note is None


def test_a_us_outlet_does_not_move_a_brazilian_town(world: Resolver):
    article = Article(
        source="t",
        title="Clashes in southern Brazil",
        paragraphs=["Police clashed with protesters in Porto Alegre, Rio Grande do Sul."],
        outlet=Outlet(domain="example.com", name="Example", country="US"),
    )
    loc = world.resolve("Porto Alegre, Rio Grande do Sul", world.context(article))
    assert loc.iso == "BR"


def test_demonyms_and_actors_never_set_the_country(world: Resolver):
    text = "Russian shelling hit a substation in Kherson overnight, cutting power to thousands."
    loc = _resolve(world, text, "Kherson")
    assert loc.iso == "UA" and loc.geo_precision == 1 and loc.note is None
    text = "Saudi-led coalition aircraft struck a market in Sanaa (Old City, Amanat al Asimah)."
    assert _resolve(world, text, "Sanaa (Old City, Amanat al Asimah)").iso == "YE"
    ctx = build_context("The Saudi-led coalition said it hit Houthi positions.", world.gazetteer)
    assert "SA" not in ctx.countries
    text = "Saudi-led coalition jets struck Houthi fighters in Sirwah district west of Marib city."
    assert _resolve(world, text, "Sirwah district west of Marib city").iso == "YE"


def test_gaza_places_stay_in_gaza(world: Resolver):
    text = (
        "Israeli airstrikes hit homes in Khan Yunis and Jabalia overnight, and shelling struck the "
        "Nuseirat refugee camp in the central Gaza Strip."
    )
    ctx = build_context(text, world.gazetteer)
    for name in ("Khan Yunis", "Jabalia", "Nuseirat"):
        loc = world.resolve(name, ctx)
        assert loc.iso == "PS", (name, loc)
        assert loc.admin1 is not None


def test_transliteration_variants_meet(world: Resolver):
    pairs = [("Kiev", "Kyiv"), ("Sanaa", "Sana'a"), ("Beyrouth", "Beirut"), ("Mogadiscio", "Mogadishu")]
    for a, b in pairs:
        la = _resolve(world, f"Fighting was reported in {a}.", a)
        lb = _resolve(world, f"Fighting was reported in {b}.", b)
        assert la.geonameid is not None and la.geonameid == lb.geonameid, (a, b, la, lb)
    assert (
        _resolve(world, "Shelling hit as-Sukhnah.", "as-Sukhnah").geonameid
        == _resolve(world, "Shelling hit Al Sukhnah.", "Al Sukhnah").geonameid
    )


def test_district_of_a_city(world: Resolver):
    text = "A drone hit an apartment block in the Desnianskyi district of Kyiv, officials said."
    loc = _resolve(world, text, "Desnianskyi district of Kyiv")
    kyiv = _resolve(world, "Kyiv", "Kyiv")
    assert loc.iso == "UA"
    assert km(loc.latitude, loc.longitude, kyiv.latitude, kyiv.longitude) < 25


def test_unknown_village_falls_back_to_its_named_area_truthfully(world: Resolver):
    text = "Gunmen attacked the village of Xotiboula (Gorom-Gorom, Oudalan) in northern Burkina Faso."
    loc = _resolve(world, text, "Xotiboula (Gorom-Gorom, Oudalan)")
    assert loc.iso == "BF"
    assert loc.geo_precision in (2, 3)
    assert "'Xotiboula' is not in the gazetteer" in (loc.note or "")


def test_a_known_name_outside_the_context_is_not_called_missing(world: Resolver):
    # The gazetteer knows Kherson, but not in Burkina Faso: the note must not claim it is absent.
    ctx = build_context("Fighting in Burkina Faso near Kherson.", world.gazetteer, countries=("BF",))
    loc = world.resolve("Kherson", ctx)
    if loc.iso != "UA":
        assert "is not in the gazetteer" not in (loc.note or "")


def test_not_places(world: Resolver):
    text = (
        "Follow @Paradise and #Kherson for updates at https://news.example.com/Kyiv/Beirut. On Monday in "
        "March, Syrian and Russian officials met; the Jerusalem Post and the Kurdistan Workers' Party "
        "commented. Shelling later hit Kherson."
    )
    found = [s.text for s in find_places(text, world.gazetteer, use_spacy=False)]
    assert found.count("Kherson") == 1
    for word in ("Paradise", "Kyiv", "Beirut", "Monday", "March", "Syrian", "Russian", "Jerusalem"):
        assert word not in found, (word, found)


def test_five_thousand_place_like_words_within_the_page_limit(world: Resolver):
    rng = random.Random(13)
    syllables = ["ka", "ro", "mi", "tal", "sur", "bel", "do", "za", "qa", "ni", "vo", "ash"]
    words = ["".join(rng.choice(syllables) for _ in range(3)).capitalize() for _ in range(5000)]
    text = " ".join(f"in {w}," for w in words) + " and shelling hit Kherson."
    start = time.perf_counter()
    ctx = world.context(text)
    place = place_of_event(text, world, ctx)
    assert time.perf_counter() - start < PAGE_TIMEOUT_S
    assert place is not None


def test_corrupt_or_foreign_gazetteer_is_a_clear_error(tmp_path: Path):
    corrupt = tmp_path / "corrupt.sqlite"
    corrupt.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(ConfigError, match="corrupt.sqlite"):
        SqliteGazetteer(corrupt).lookup("homs")
    foreign = tmp_path / "foreign.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE songs(title TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(ConfigError, match="foreign.sqlite"):
        SqliteGazetteer(foreign, build_if_missing=True).lookup("homs")


def test_an_old_index_with_imports_is_not_misread(tmp_path: Path, world: Resolver):
    old = tmp_path / "old.sqlite"
    old.write_bytes(Path(world.gazetteer.path).read_bytes())
    conn = sqlite3.connect(old)
    conn.execute("UPDATE meta SET v = '1' WHERE k = 'schema'")
    conn.execute("UPDATE meta SET v = v || '+geonames-dump' WHERE k = 'source'")
    conn.commit()
    conn.close()
    with pytest.raises(ConfigError, match="out of date"):
        SqliteGazetteer(old, build_if_missing=True).lookup("homs")
