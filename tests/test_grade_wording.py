"""The grade's reasons read as English in the panel and the CLI: "3 outlets, 2 independent"."""

from __future__ import annotations

import datetime as dt

from frontwire.incidents.grade import grade
from frontwire.incidents.model import IncidentMember
from frontwire.records import EventMention, Outlet


def _member(n: int, outlet: Outlet | None) -> IncidentMember:
    mention = EventMention(
        event_date=dt.date(2024, 4, 18),
        time_precision=1,
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="Islamic State (Syria)",
        fatalities=3,
        attribution="reported",
        notes="Clash near Sukhnah; 3 killed.",
        coder="test",
    )
    return IncidentMember(id=f"ev-{n}", mention=mention, outlet=outlet, article_id=f"ar-{n}")


RIA = Outlet(domain="ria.ru", name="RIA Novosti", country="RU", owner="Rossiya Segodnya")
SPUTNIK = Outlet(domain="sputnikglobe.com", name="Sputnik", country="RU", owner="Rossiya Segodnya")
WIRE = Outlet(domain="apnews.com", name="Associated Press", country="US", owner="Associated Press")


def test_one_outlet_and_dependent_outlets_read_right() -> None:
    assert grade([_member(1, WIRE)]) == ("single source", ["reported by one outlet only"])
    assert grade([_member(1, None)])[1] == ["reported by one outlet only"]
    assert grade([_member(1, RIA), _member(2, SPUTNIK)])[1] == [
        "reported by 2 outlets that are not independent of one another"
    ]


def test_independent_outlets_are_counted_among_all() -> None:
    label, reasons = grade([_member(1, RIA), _member(2, SPUTNIK), _member(3, WIRE)])
    assert label == "two or more independent outlets" and reasons == ["3 outlets, 2 independent"]
