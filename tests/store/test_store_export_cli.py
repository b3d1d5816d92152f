"""Queries, exports and the CLI handlers over a store holding the al-Sukhna ambush (SQLite and PostgreSQL)."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json

import pytest
from store_samples import monitor_page, southfront_page, wire_page

from frontwire.export import ACLED_COLUMNS, export
from frontwire.incidents import GRADE_INDEPENDENT
from frontwire.store import open_store, query
from frontwire.store.cli import main, register

EXPECTED_ACLED = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,"
    "inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,"
    "location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp"
)


@pytest.fixture
def filled(store_url):
    with open_store(store_url) as s:
        for sample in (southfront_page(), monitor_page(), wire_page()):
            s.write_page(*sample)
    return store_url


def test_store_query_filters(filled):
    with open_store(filled, read_only=True) as s:
        assert len(query.events(s)) == 5
        assert len(query.events(s, query.Filters(outlet="apnews.com"))) == 1
        day = dt.date(2024, 4, 18)
        assert len(query.events(s, query.Filters(date_from=day, date_to=day))) == 3
        assert len(query.events(s, query.Filters(grade=GRADE_INDEPENDENT))) == 3
        assert len(query.incidents(s, query.Filters(country="SY", admin1="homs"))) == 3
        assert len(query.incidents(s, query.Filters(bbox=(38.8, 34.8, 39.0, 35.0)))) == 1
        assert len(query.incidents(s, query.Filters(outlet="Associated Press"))) == 1
        assert query.incidents(s, query.Filters(country="Iraq")) == []
        stats = query.stats(s)
        assert (stats.pages, stats.mentions, stats.incidents, stats.outlets) == (3, 5, 3, 3)


def test_store_export_acled_csv(filled, tmp_path):
    assert ",".join(ACLED_COLUMNS) == EXPECTED_ACLED
    out = tmp_path / "out.csv"
    with open_store(filled, read_only=True) as s:
        assert export(s, "acled-csv", str(out)) == 3
    rows = list(csv.DictReader(out.open()))
    assert list(rows[0]) == list(ACLED_COLUMNS)
    ambush = next(r for r in rows if r["event_date"] == "2024-04-18")
    assert ambush["fatalities"] == "21" and ambush["interaction"] == "23"
    assert ambush["source"] == "Associated Press; SouthFront; Syrian Observatory for Human Rights"
    assert ambush["disorder_type"] == "Political violence" and ambush["year"] == "2024"
    assert ambush["iso"] == "760" and ambush["country"] == "Syria"  # ACLED's iso is the numeric code
    strikes = next(r for r in rows if r["event_type"] == "Explosions/Remote violence")
    assert strikes["fatalities"] == "0"  # unknown is 0 in ACLED's files


def test_store_export_geojson_and_parquet(filled, tmp_path):
    with open_store(filled, read_only=True) as s:
        export(s, "geojson", str(tmp_path / "out.geojson"))
        export(s, "parquet", str(tmp_path / "out.parquet"))
    data = json.loads((tmp_path / "out.geojson").read_text())
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 3
    ambush = next(f for f in data["features"] if f["properties"]["event_date"] == "2024-04-18")
    lon, lat = ambush["geometry"]["coordinates"]
    assert 38.8 < lon < 39 and 34.8 < lat < 35
    assert (
        ambush["properties"]["fatalities_high"] == 22 and ambush["properties"]["grade"] == GRADE_INDEPENDENT
    )
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.column_names[: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    assert sorted(table.column("fatalities").to_pylist()) == [0, 13, 21]


def test_store_cli_outputs(filled, capsys):
    assert main(["incidents", "--db", filled, "--format", "json", "--grade", GRADE_INDEPENDENT]) == 0
    (incident,) = json.loads(capsys.readouterr().out)
    assert len(incident["mention_ids"]) == 3
    assert main(["events", "--db", filled, "--format", "csv", "--country", "Syria"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("event_date,event_type") and len(lines) == 6
    assert main(["events", "--db", filled]) == 0
    assert "(5 rows)" in capsys.readouterr().out
    assert main(["stats", "--db", filled, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["incidents"] == 3
    assert main(["export", "--db", filled, "--format", "acled-csv"]) == 0
    assert capsys.readouterr().out.startswith(EXPECTED_ACLED)


def test_store_cli_bad_db_is_one_line_error(capsys):
    assert main(["stats", "--db", "mysql://nowhere/db"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("frontwire: error:") and "unsupported database scheme" in err


def test_store_cli_commands_documented():
    parser = argparse.ArgumentParser()
    subparsers = parser.add_subparsers()
    register(subparsers)
    for name, sub in subparsers.choices.items():
        assert sub.description and "Example: frontwire " + name in sub.description, name
        stream = io.StringIO()
        sub.print_help(stream)
        assert "--db" in stream.getvalue()
