"""Places listed side by side after "near" ("near Lyon, Dijon and Nantes") are each a place of their own:
the last of the list is not what the one before it is near (query.py)."""

from __future__ import annotations

from frontwire.geo import build_context
from frontwire.geo.query import focus

SENTENCE = "Farmers blocked roads near Lyon, Dijon and Nantes on Thursday, and police watched."


def _query(name: str):
    at = SENTENCE.index(name)
    return focus(SENTENCE, at, at + len(name))


def test_no_name_of_the_list_is_an_anchor_of_another():
    for name in ("Lyon", "Dijon", "Nantes"):
        q = _query(name)
        assert q is not None and q.primary is not None and q.primary.text == name
        assert q.anchors == ()


def test_a_direction_word_still_makes_a_reference_point():
    text = "Troops shelled Dijon and north of Lyon overnight."
    at = text.index("Dijon")
    q = focus(text, at, at + len("Dijon"))
    assert q is not None and [a.text for a in q.anchors] == ["Lyon"]


def test_each_listed_town_resolves_to_itself(world):
    ctx = build_context(SENTENCE, world.gazetteer)
    for name in ("Lyon", "Dijon", "Nantes"):
        loc = world.resolve(name, ctx)
        assert loc.location == name and loc.country == "France"
