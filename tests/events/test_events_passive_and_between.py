"""A building that "was bombed" is a strike; "fighting between A and B" names both parties."""

from __future__ import annotations

import datetime as dt

from frontwire.events import extract_events
from frontwire.records import Article


def _events(text: str):
    article = Article(source="t", paragraphs=[text], published=dt.date(2024, 3, 20))
    return extract_events(article).events


def test_agentless_bombing_of_a_home_is_a_strike() -> None:
    (ev,) = _events("On March 18, the Haddad family home in the Shati camp was bombed, killing four people.")
    assert ev.event_type == "Explosions/Remote violence"
    assert ev.event_date == dt.date(2024, 3, 18) and ev.fatalities == 4


def test_agentless_strike_on_a_building_is_a_strike() -> None:
    (ev,) = _events(
        "In Rafah on Monday, a residential building was reportedly struck, leaving two people dead."
    )
    assert ev.event_type == "Explosions/Remote violence"
    assert ev.fatalities == 2


def test_a_struck_deal_is_not_a_strike() -> None:
    events = _events("The two parties struck a deal on grain exports on Monday, officials said.")
    assert all(ev.event_type != "Explosions/Remote violence" for ev in events)


def test_fighting_between_two_parties_names_both() -> None:
    """'fighting between A and B': A is actor1 and B actor2, whatever comes before ('on Wednesday')."""
    (ev,) = _events(
        "Fighting broke out on Wednesday between Houthi forces and government troops in the Harib "
        "district of Yemen, a military source said."
    )
    assert ev.sub_event_type == "Armed clash"
    assert ev.actor1 == "Ansar Allah"
    assert ev.actor2.startswith("Military Forces of Yemen")
