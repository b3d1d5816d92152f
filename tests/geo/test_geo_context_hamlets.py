"""A hamlet whose name is also an English word is weak evidence of an article's country.

The bundled Hama example once went to France: its lead sentence starts with "Four" (a village of 985
people in France) and its body says "State media" (read as Statte, Italy), while the article names no
country and its Syrian places are few. A small in-memory gazetteer (the `Gazetteer` interface) holds
exactly those namesakes, so the test does not depend on which countries the suite's index covers.
"""

from __future__ import annotations

from namesakes import Namesakes
from namesakes import place as _place

from frontwire.geo.context import build_context


def test_word_named_hamlets_do_not_outvote_a_province() -> None:
    gazetteer = Namesakes(
        [
            _place(1, "Four", "FR", "PPL", 985),
            _place(2, "State", "IT", "PPL", 13_867),
            _place(3, "Idlib", "SY", "ADM1", 442_917, "07"),
        ]
    )
    text = (
        "Four civilians were killed on Sunday when shells struck a street in the town. "
        "Three more were taken to a field hospital in Idlib province. State media reported the shelling."
    )
    assert build_context(text, gazetteer).countries == ("SY",)
