"""Incidents regrouped in one canonical order: the same reports give the same incidents whatever order
their pages were written in (several workers write in an order that changes from run to run)."""

from __future__ import annotations

import dataclasses
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


def test_the_pending_regroup_ends_any_write_order_in_the_canonical_incidents(tmp_path):
    """Each write lists its mentions as pending; the regroup a run ends with takes their neighbourhood
    alone, and gives what a regroup of the whole store gives."""
    pages = _pages()
    # other events, far from the three and weeks later: outside their neighbourhood, and enough of them
    # that the regroup takes the neighbourhood rather than the whole store
    palmyra = sukhna("Palmyra", 34.56, 38.27)
    far = [
        simple_page(
            MONITOR, f"far-{k}", ambush(fatalities=2, location=palmyra, day=dt.date(2024, 6, 1 + 3 * k))
        )
        for k in range(10)
    ]
    dumps = []
    for name, order in (("forward", ("early", "middle", "late")), ("backward", ("late", "middle", "early"))):
        with open_store(str(tmp_path / f"{name}.sqlite")) as store:
            for page in far:
                store.write_page(*page)
            assert store.regroup_pending().mentions == 10
            for key in order:
                store.write_page(*pages[key])
            assert store.count("regroup_pending") == 3
            done = store.regroup_pending()
            assert done.mentions == 3  # the far events are not in the neighbourhood
            assert store.count("regroup_pending") == 0
            groups = _groups(store)
            assert [g for g in groups if g != ["syriahr.com"]] == [
                ["apnews.com", "syriahr.com"],
                ["reuters.com"],
            ]
            assert store.rebuild_incidents().moved == 0  # already what the whole store's regroup gives
            dumps.append(_incident_tables(store))
    assert dumps[0] == dumps[1]


def test_a_run_killed_before_its_regroup_leaves_it_to_the_next_run(tmp_path):
    """The pending list is written with each page, so mentions written by a run that never reached its end
    are regrouped by the next one, even when that run writes nothing new."""
    pages = _pages()
    killed, clean = str(tmp_path / "killed.sqlite"), str(tmp_path / "clean.sqlite")
    with open_store(killed) as store:
        for key in ("late", "middle"):
            store.write_page(*pages[key])  # the killed run: no regroup
    with open_store(killed) as store:
        store.write_page(*pages["early"])
        assert store.count("regroup_pending") == 3
        store.regroup_pending()
    with open_store(clean) as store:
        for key in ("early", "middle", "late"):
            store.write_page(*pages[key])
        store.regroup_pending()
    with open_store(killed) as a, open_store(clean) as b:
        assert _incident_tables(a) == _incident_tables(b)


def test_a_superseded_report_regroups_the_incident_it_leaves(store):
    pages = _pages()
    for key in ("early", "middle", "late"):
        store.write_page(*pages[key])
    store.regroup_pending()
    assert _groups(store) == [["apnews.com", "syriahr.com"], ["reuters.com"]]
    page, article, _ = pages["early"]
    newer = dataclasses.replace(page, content=page.content + " Updated.")  # the monitor re-dates its report
    store.write_page(newer, article, [ambush(fatalities=5, location=LOC, day=dt.date(2024, 3, 1))])
    store.regroup_pending()
    # the middle report, left alone, now founds an incident the late one joins, as a full regroup has it
    assert _groups(store) == [["apnews.com", "reuters.com"], ["syriahr.com"]]
    assert store.rebuild_incidents().moved == 0
