"""One name for one thing, in words that read right: an outlet nobody identified, and why an incident is
single-source (SQLite and PostgreSQL)."""

from __future__ import annotations

import dataclasses

from store_samples import RIA, SPUTNIK, WIRE, ambush, simple_page, sukhna

from frontwire.incidents import GRADE_SINGLE
from frontwire.store import open_store, query
from frontwire.store.cli import main

SUKHNA = sukhna("As Sukhnah", 34.8869, 38.8717)


def test_single_source_reasons_read_right(store_url):
    with open_store(store_url) as s:
        s.write_page(*simple_page(WIRE, "one", ambush(fatalities=3, location=SUKHNA)))
        other = sukhna("Palmyra", 34.56, 38.27)
        for outlet in (RIA, SPUTNIK):  # one owner: not independent of one another
            s.write_page(*simple_page(outlet, "two", ambush(fatalities=7, location=other)))
    with open_store(store_url, read_only=True) as s:
        reasons = {i.location: i.grade_reasons for i in query.incidents(s) if i.grade == GRADE_SINGLE}
    assert reasons["As Sukhnah"] == ["reported by one outlet only"]
    assert reasons["Palmyra"] == ["reported by 2 outlets that are not independent of one another"]
    assert not any("(s)" in r for rs in reasons.values() for r in rs)


def test_an_unidentified_outlet_has_one_name(store_url, capsys):
    page, article, mentions = simple_page(WIRE, "nameless", ambush(fatalities=3, location=SUKHNA))
    with open_store(store_url) as s:
        s.write_page(page, dataclasses.replace(article, outlet=None), mentions)
    assert main(["incidents", "--db", store_url, "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "unidentified outlet" in out and "unknown outlet" not in out and "unknown:" not in out
