from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from frontwire.geo import GeoContext, Resolver, build_context
from frontwire.geo.builtin import km
from frontwire.records import Article, EventMention, Evidence

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"

PAGE = SHARED / "pages" / "southfront-2024-05-airstrikes-central-syria.txt"


def _article() -> Article:
    if not PAGE.exists():
        pytest.skip(f"shared evaluation data absent: {PAGE}")
    lines = PAGE.read_text("utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("The Russian Aerospace Forces"))
    end = next(i for i, line in enumerate(lines) if line.startswith("Syrian and Russian officials"))
    return Article(
        source=str(PAGE), title=lines[7], paragraphs=[x for x in lines[start : end + 1] if x.strip()]
    )


def _event(location_text: str) -> EventMention:
    return EventMention(
        event_date=None,
        time_precision=1,
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="x",
        location_text=location_text,
    )


def test_canonical_page_places(resolver: Resolver):
    article = _article()
    ctx = resolver.context(article)
    assert ctx.countries[0] == "SY"
    sukhna = resolver.resolve("near the town of al-Sukhna in the eastern Homs countryside", ctx)
    assert sukhna.geo_precision == 2 and sukhna.admin1 == "Homs"
    assert km(sukhna.latitude, sukhna.longitude, 34.88, 38.87) < 5
    kum = resolver.resolve("the area of al-Kum, to the north of al-Sukhnah", ctx)
    assert kum.iso == "SY" and kum.geo_precision in (1, 2)
    assert km(kum.latitude, kum.longitude, 34.88, 38.87) < 40
    amur = resolver.resolve("al-Amur", ctx)
    assert (amur.admin1, amur.geo_precision) == ("Homs", 3) and "not in the gazetteer" in amur.note
    bishri = resolver.resolve("al-Bishri", ctx)
    assert (bishri.admin1, bishri.geo_precision) == ("Deir ez-Zor", 3)
    governorate = resolver.resolve("the Deir Ezzor province", ctx)
    assert governorate.admin1 == "Deir ez-Zor" and governorate.geo_precision == 3


def test_place_events_one_bad_name_does_not_empty_the_others(resolver: Resolver):
    article = _article()
    events = [
        _event("near the town of al-Sukhna in the eastern Homs countryside"),
        _event("Qqqzzx"),
        _event(None),
    ]
    resolver.place_events(article, events)
    assert events[0].place.location == "As Sukhnah"
    assert events[1].place is not None and events[1].place.geo_precision == 3 and events[1].place.note
    assert events[2].place is None


def test_tripoli_follows_the_article_country(resolver: Resolver):
    lebanon = build_context(
        "Clashes erupted in Lebanon's north. The Lebanese army deployed.", resolver.gazetteer
    )
    libya = build_context("Fighting resumed in Libya as Libyan factions clashed.", resolver.gazetteer)
    assert resolver.resolve("Tripoli", lebanon).iso == "LB"
    assert resolver.resolve("Tripoli", libya).iso == "LY"


def test_relative_expressions_set_precision(resolver: Resolver):
    ctx = build_context("Syria: fighting in Syria.", resolver.gazetteer)
    assert resolver.resolve("Palmyra", ctx).geo_precision == 1
    assert resolver.resolve("10 km north of Palmyra", ctx).geo_precision == 2
    assert resolver.resolve("the Aleppo countryside", ctx).geo_precision == 2
    province = resolver.resolve("Idlib province", ctx)
    assert province.geo_precision == 3 and province.admin1 == "Idlib"


def test_fallback_to_country_with_note(resolver: Resolver):
    ctx = build_context("A report from Syria about Syrian towns.", resolver.gazetteer)
    loc = resolver.resolve("the village of Xyzzyville", ctx)
    assert loc.iso == "SY" and loc.geo_precision == 3 and "not in the gazetteer" in loc.note
    assert resolver.resolve("Xyzzyville", GeoContext()).latitude is None


def test_resolver_pickles(resolver: Resolver):
    clone = pickle.loads(pickle.dumps(resolver))
    assert clone.resolve("Homs", GeoContext(countries=("SY",))).iso == "SY"


def test_countryside_of_a_city_names_its_province(resolver: Resolver):
    """'the eastern countryside of X' is X's province: it contains the place, it is not a distance anchor."""
    text = (
        "Gunmen killed nine soldiers in an ambush near Tadmur in the eastern countryside of Homs on Monday."
    )
    loc = resolver.resolve("Tadmur", resolver.context(text))
    assert loc.location == "Tadmur" and loc.admin1 == "Homs"
    assert loc.geo_precision == 2
    assert km(loc.latitude, loc.longitude, 34.56, 38.28) < 10


def test_area_anchor_does_not_bound_the_distance(resolver: Resolver):
    """'near X in central Syria': the country says where X lies, not that X is near its capital."""
    text = (
        "Twelve fighters were killed when their convoy was ambushed near the town of Tadmur in central Syria."
    )
    loc = resolver.resolve("Tadmur", resolver.context(text))
    assert loc.location == "Tadmur" and loc.country == "Syria"
    assert km(loc.latitude, loc.longitude, 34.56, 38.28) < 10


def test_an_article_naming_no_country_is_placed_by_its_unambiguous_places(resolver: Resolver):
    """No country named: Raqqa and Tabqa lie only in Syria, so al-Mansoura is the Syrian village,
    not the Egyptian city of 600,000 people."""
    text = (
        "Gunmen killed three farmers on Sunday in the village of al-Mansoura, west of Raqqa city, "
        "local sources said. The attackers fled towards Tabqa."
    )
    context = resolver.context(text)
    assert context.countries == ("SY",)
    loc = resolver.resolve("al-Mansoura", context)
    assert loc.country == "Syria"


def test_an_event_is_placed_by_the_words_of_its_own_sentence(resolver: Resolver):
    # The village is named first as a person's home in Daraa, then as where the shells fell, in Homs: the
    # event's place is read in the sentence that tells the event.
    told = "Shells hit Umm Qqqzal, in the Homs province, on Monday, killing two farmers."
    article = Article(
        source="test",
        title="Shelling in central Syria",
        paragraphs=[
            "A teacher from Umm Qqqzal, Daraa, said the schools were closed.",
            told,
        ],
    )
    event = _event("Umm Qqqzal")
    event.evidence = [Evidence(text=told, start=0, end=len(told))]
    resolver.place_events(article, [event])
    assert event.place.admin1 == "Homs"


def test_a_list_closed_by_and_is_places_side_by_side(resolver: Resolver):
    # "Qqqton, Hama and Idlib": Hama is not the area that holds the village, it is another place in the
    # list; "Qqqton, Hama" alone (no "and" closing a list) still reads Hama as its area.
    text = "Protests spread to Qqqton, Hama and Idlib on Friday."
    listed = resolver.resolve("Qqqton", build_context(text, resolver.gazetteer))
    assert "(Hama)" not in (listed.note or "")
    held = resolver.resolve("Qqqton, Hama", build_context("Protests spread to Qqqton, Hama.", resolver.gazetteer))
    assert held.admin1 == "Hama"
