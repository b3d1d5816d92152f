"""Person-name filtering, context focus, neighbourhood fallback, cue detection and the event's place,
on sentences written for these tests."""

from __future__ import annotations

from frontwire.geo import build_context, find_places
from frontwire.geo.builtin import km
from frontwire.geo.event_place import place_of_event
from frontwire.geo.persons import person_reason

GAZA_CITY = (31.50, 34.47)


def _reason(text: str, name: str) -> str | None:
    at = text.index(name)
    return person_reason(text, at, at + len(name))


def test_person_cues():
    assert _reason("A 40-year-old Hassan Kamal died.", "Hassan")
    assert _reason("Her brother Salem was hurt.", "Salem")
    assert _reason("The Haddad family home was hit.", "Haddad")
    assert _reason("Rami Nasser (aged 30) was hurt.", "Nasser")
    assert _reason("Rami Nasser, 30, was hurt.", "Rami Nasser")
    assert _reason("Talks were held in Salem on Monday.", "Salem") is None
    assert _reason("Shelling hit Abu Kamal at dawn.", "Abu Kamal") is None


def test_people_are_not_places(resolver):
    text = "A 52-year-old Ahmad Salem and his son Yousef were killed in Rafah."
    found = [s.text for s in find_places(text, resolver.gazetteer, use_spacy=False)]
    assert found == ["Rafah"]


def test_cue_words_find_places_the_gazetteer_lacks(resolver):
    text = "Gunmen raided the village of Qarmizan and the Tell Bazoukh district before dawn."
    found = [(s.text, s.source) for s in find_places(text, resolver.gazetteer, use_spacy=False)]
    assert ("Qarmizan", "cue") in found and ("Tell Bazoukh", "cue") in found
    assert (
        find_places("The president of Syria spoke.", resolver.gazetteer, use_spacy=False)[0].text == "Syria"
    )


def test_focus_rejects_far_namesakes(resolver):
    text = "Strikes hit Khan Younis and Rafah in the Gaza Strip overnight."
    ctx = build_context(text, resolver.gazetteer, countries=("PS",))
    assert ctx.focus == ("PS", "GZ")
    # Al Karmil is a West Bank village; in a Gaza-focused text the name is not placed there.
    loc = resolver.resolve("Al Karmil", ctx)
    assert loc.admin1 != "West Bank" and loc.geo_precision == 3
    # ...unless the location string says where it is.
    told = resolver.resolve("Al Karmil, south of Hebron", ctx)
    assert told.admin1 == "West Bank"


def test_unknown_neighbourhood_falls_back_to_its_city(resolver):
    text = "An airstrike hit a house in the Qasrawi neighbourhood of Gaza City, killing three people."
    ctx = build_context(text, resolver.gazetteer, countries=("PS",))
    loc = resolver.resolve("Qasrawi", ctx)
    assert loc.geo_precision == 2 and "not in the gazetteer" in loc.note
    assert km(loc.latitude, loc.longitude, *GAZA_CITY) < 5


def test_event_place_is_the_most_specific_place_of_the_event_sentence(resolver):
    text = (
        "Officials in Gaza City said on Monday that 35-year-old Ahmad Salem was killed when a strike "
        "hit his home in the Nuseirat refugee camp in the central Gaza Strip. His cousin lives in Rafah."
    )
    ctx = build_context(text, resolver.gazetteer, countries=("PS",))
    loc = place_of_event(text, resolver, ctx)
    assert loc is not None and "Nu" in loc.location and loc.geo_precision == 1


def test_event_place_falls_back_to_focus_province(resolver):
    text = "A strike hit a home in the Gaza Strip, Rafah officials said, and Khan Younis hospitals filled."
    ctx = build_context(text, resolver.gazetteer, countries=("PS",))
    loc = place_of_event("A strike hit a home, officials said.", resolver, ctx)
    assert loc is not None and loc.iso == "PS" and loc.geo_precision == 3


def test_leaders_names_world_wide_are_people_not_places(world):
    # "Khan" is also Haan in Germany, "Bola" Bole in China: a run opening on a given name is a person
    for text, place in [
        ("Former prime minister Imran Khan said the army had attacked his supporters in Lahore.", "Lahore"),
        ("Bola Tinubu flew to Maiduguri after the attack.", "Maiduguri"),
    ]:
        ctx = build_context(text, world.gazetteer)
        assert [p.name for p in ctx.places] == [place]
