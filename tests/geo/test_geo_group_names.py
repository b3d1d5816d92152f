"""A word of an armed group's name is no place: "Haram" in "Boko Haram", "Shabaab" in "al-Shabaab".

Both are villages somewhere (Haram in Norway, Shabab in Iran). Told in a sentence that names no country,
each once decided the country of the story: "Soldiers captured a Boko Haram commander near Bama" was coded
to Norway. A small in-memory gazetteer holds exactly those namesakes, so the test does not depend on which
countries the suite's index covers. Sentences written for these tests.

A bare country's name is the country too, not a small town of that name abroad ("Italy", Texas).
"""

from __future__ import annotations

from namesakes import Namesakes
from namesakes import place as _place

from frontwire.geo.context import build_context
from frontwire.geo.detect import find_places
from frontwire.geo.resolver import Resolver

GAZETTEER = Namesakes(
    [
        _place(1, "Haram", "NO", "PPL", 9_357),
        _place(2, "Shabab", "IR", "PPL", 4_088),
        _place(3, "Bama", "NG", "PPL", 118_121),
        _place(4, "Kenya", "KE", "PCLI", 47_000_000),
        _place(5, "Peninsula", "US", "PPL", 571),
        _place(6, "Lamu", "KE", "PPL", 25_385),
    ]
)


def _found(text: str) -> list[str]:
    return [s.text for s in find_places(text, GAZETTEER, use_spacy=False)]


def test_a_word_of_a_groups_name_is_no_place() -> None:
    assert _found("Soldiers captured a Boko Haram commander near Bama on Friday.") == ["Bama"]
    assert _found("Al-Shabaab fighters attacked a base near Lamu on Sunday.") == ["Lamu"]
    assert _found("Al Qaeda in the Arabian Peninsula claimed the attack.") == []


def test_the_word_alone_is_still_a_place() -> None:
    # Outside the group's name the village is a village.
    assert _found("The road from Haram to the coast was closed on Friday.") == ["Haram"]


def test_a_country_in_a_forces_name_still_tells_the_country() -> None:
    assert _found("Kenya Defence Forces troops killed ten militants on Monday.") == ["Kenya"]


def test_a_groups_name_does_not_decide_the_country() -> None:
    context = build_context("Soldiers captured a Boko Haram commander on Friday, the army said.", GAZETTEER)
    assert "NO" not in context.countries
    context = build_context("Al-Shabaab fighters seized two soldiers on Sunday.", GAZETTEER)
    assert "IR" not in context.countries


def test_a_bare_country_name_is_the_country_not_a_small_namesake() -> None:
    # "Italy" is also a small town in Texas; told alone, the name is the country.
    gazetteer = Namesakes(
        [_place(7, "Italy", "IT", "PCLI", 60_000_000), _place(8, "Italy", "US", "PPL", 1_897)]
    )
    found = Resolver(gazetteer).resolve("Italy")
    assert (found.location, found.geo_precision) == ("Italy", 3), found


def test_a_one_word_group_name_told_as_a_place_is_the_place() -> None:
    gazetteer = Namesakes([_place(9, "Fano", "IT", "PPL", 60_978)])
    assert [
        s.text for s in find_places("Hundreds marched in Fano on Sunday.", gazetteer, use_spacy=False)
    ] == ["Fano"]
    assert [
        s.text for s in find_places("Fano militiamen attacked a bus on Sunday.", gazetteer, use_spacy=False)
    ] == []
