"""What ACLED's users would reject, fixed (SQLite and PostgreSQL): rows ACLED's format cannot hold are left
out of acled-csv with a count, ACLED's country names and ISO codes filter, incidents show id and place."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json

import pytest
from store_samples import MONITOR, WIRE, ambush, monitor_page, simple_page, sukhna, wire_page

from frontwire.records import Location
from frontwire.store import open_store, query
from frontwire.store.cli import main

GAZA = Location(
    location="Deir al-Balah", latitude=31.417, longitude=34.35, country="Palestinian Territory", iso="PS",
    admin1="Gaza Strip", geo_precision=1, gazetteer="test",
)
NOWHERE = Location(location="the front", geo_precision=3, gazetteer="test")  # no country, no coordinates


@pytest.fixture
def mixed(store_url):
    """The al-Sukhna ambush (located, dated), a strike in Gaza, one event with no place, one with no date."""
    with open_store(store_url) as s:
        for sample in (monitor_page(), wire_page()):
            s.write_page(*sample)
        s.write_page(*simple_page(WIRE, "gaza", ambush(fatalities=4, location=GAZA, day=dt.date(2024, 3, 2))))
        s.write_page(*simple_page(MONITOR, "front", ambush(fatalities=2, location=NOWHERE, day=dt.date(2024, 3, 9))))
        undated = dataclasses.replace(ambush(fatalities=3, location=sukhna("Palmyra", 34.56, 38.27)), event_date=None)
        s.write_page(*simple_page(WIRE, "undated", undated))
    return store_url


def _csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_acled_csv_leaves_out_rows_acled_cannot_hold(mixed, capsys):
    assert main(["export", "--db", mixed, "--format", "acled-csv"]) == 0
    captured = capsys.readouterr()
    rows = _csv(captured.out)
    assert len(rows) == 2
    assert all(r["country"] and r["iso"] and r["latitude"] and r["event_date"] for r in rows)
    assert not any(r["event_id_cnty"].startswith("XX-") for r in rows)
    assert "left out 2 incidents" in captured.err and "no date: 1" in captured.err
    assert "no country, coordinates or ISO code: 1" in captured.err and "--keep-incomplete" in captured.err

    assert main(["export", "--db", mixed, "--format", "acled-csv", "--keep-incomplete"]) == 0
    captured = capsys.readouterr()
    assert len(_csv(captured.out)) == 4 and "left out" not in captured.err


def test_geojson_export_is_unchanged_by_the_acled_rule(mixed, capsys):
    assert main(["export", "--db", mixed, "--format", "geojson"]) == 0
    assert "left out" not in capsys.readouterr().err


@pytest.mark.parametrize("name", ["Palestine", "palestine", "Palestinian Territory", "PS", "PSE", "275"])
def test_country_filter_takes_acled_names_and_iso_codes(mixed, name, capsys):
    with open_store(mixed, read_only=True) as s:
        found = query.incidents(s, query.Filters(country=name))
        assert [i.location for i in found] == ["Deir al-Balah"]
        assert [e.mention.place.location for e in query.events(s, query.Filters(country=name))] == [
            "Deir al-Balah"
        ]
    assert main(["export", "--db", mixed, "--format", "acled-csv", "--country", name]) == 0
    (row,) = _csv(capsys.readouterr().out)
    assert row["country"] == "Palestine" and row["iso"] == "275"  # ACLED's name and numeric code


def test_incidents_table_shows_id_and_place(mixed, capsys):
    assert main(["incidents", "--db", mixed, "--country", "Syria"]) == 0
    lines = capsys.readouterr().out.splitlines()
    header = lines[0].split()
    assert header[0] == "id" and {"location", "admin1", "country"} <= set(header)
    with open_store(mixed, read_only=True) as s:
        ids = [i.id for i in query.incidents(s, query.Filters(country="Syria"))]
    assert len(ids) == 2
    for inc_id in ids:
        line = next(line for line in lines if line.startswith(inc_id))
        assert "Homs" in line and "Syria" in line


def test_place_names_are_plain_with_the_geonames_name_kept(store_url, capsys):
    nuseirat = Location(
        location="An Nuşayrāt", latitude=31.449, longitude=34.393, country="Palestinian Territory",
        iso="PS", admin1="Gaza Strip", geo_precision=1, gazetteer="test",
    )
    with open_store(store_url) as s:
        s.write_page(*simple_page(WIRE, "nuseirat", ambush(fatalities=5, location=nuseirat)))
    with open_store(store_url, read_only=True) as s:
        (event,) = query.events(s)
        assert event.mention.place.location == "An Nusayrat"
        assert event.mention.place.geonames_name == "An Nuşayrāt"
        assert [i.location for i in query.incidents(s)] == ["An Nusayrat"]
    assert main(["export", "--db", store_url, "--format", "acled-csv"]) == 0
    (row,) = _csv(capsys.readouterr().out)
    assert row["location"] == "An Nusayrat" and row["country"] == "Palestine"
    assert main(["incidents", "--db", store_url]) == 0
    table = capsys.readouterr().out
    assert "An Nusayrat" in table and "ş" not in table
    assert main(["events", "--db", store_url, "--format", "json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["mention"]["place"]["geonames_name"] == "An Nuşayrāt"
