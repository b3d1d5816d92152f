"""Incidents regrouped in one canonical order: the same reports give the same incidents whatever order
their pages were written in (several workers write in an order that changes from run to run)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from store_samples import MONITOR, REUTERS, WIRE, ambush, simple_page, sukhna

from frontwire.store import open_store, query

LOC = sukhna("As Sukhnah", 34.8869, 38.8717, precision=1)


def _pages():
    """Three one-day ambush reports on consecutive days: the middle one fits either neighbour, the two
    ends (two days apart) cannot be one event, so the incremental merge groups them by arrival order."""
    day = dt.date(2024, 4, 18)
    return {
        "early": simple_page(MONITOR, "early", ambush(fatalities=5, location=LOC, day=day - dt.timedelta(1))),
        "middle": simple_page(WIRE, "middle", ambush(fatalities=5, location=LOC, day=day)),
        "late": simple_page(REUTERS, "late", ambush(fatalities=5, location=LOC, day=day + dt.timedelta(1))),
    }


def _groups(store) -> list[list[str]]:
    return sorted(sorted(o for o in inc.outlets) for inc in query.incidents(store))


def _incident_tables(store) -> tuple:
    dump = store.dump()
    return dump["incidents"], dump["incident_mentions"]


def test_rebuild_makes_the_grouping_independent_of_the_write_order(tmp_path):
    pages = _pages()
    stores = {}
    for name, order in (("forward", ("early", "middle", "late")), ("backward", ("late", "middle", "early"))):
        store = open_store(str(tmp_path / f"{name}.sqlite"))
        for key in order:
            store.write_page(*pages[key])
        stores[name] = store
    # the incremental merge follows the arrival order: the middle report joins whichever end came first
    assert _groups(stores["forward"]) != _groups(stores["backward"])
    results = {name: store.rebuild_incidents() for name, store in stores.items()}
    assert _groups(stores["forward"]) == _groups(stores["backward"])
    # canonical order is the event date: the earliest report founds the incident, the middle one joins it
    assert _groups(stores["forward"]) == [["apnews.com", "syriahr.com"], ["reuters.com"]]
    assert _incident_tables(stores["forward"]) == _incident_tables(stores["backward"])
    assert results["forward"].moved == 0 and results["backward"].moved > 0
    assert results["backward"].before == results["backward"].after == 2
    for store in stores.values():
        store.close()


def test_rebuild_on_both_backends(store):
    pages = _pages()
    for key in ("late", "middle", "early"):
        store.write_page(*pages[key])
    done = store.rebuild_incidents()
    assert done.mentions == 3 and done.after == 2
    assert _groups(store) == [["apnews.com", "syriahr.com"], ["reuters.com"]]
    (pair,) = [i for i in query.incidents(store) if len(i.mention_ids) == 2]
    assert pair.event_date == dt.date(2024, 4, 17)


def test_incidents_rebuild_flag_reports_what_moved(tmp_path):
    db = str(tmp_path / "cli.sqlite")
    pages = _pages()
    with open_store(db) as store:
        for key in ("late", "middle", "early"):
            store.write_page(*pages[key])
    out = subprocess.run(
        [sys.executable, "-m", "frontwire.cli", "incidents", "--db", db, "--rebuild", "--format", "csv"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "3 reports regrouped: 2 incidents before, 2 after" in out.stderr
    assert out.stdout.count("\n") == 3  # a header and two incidents
